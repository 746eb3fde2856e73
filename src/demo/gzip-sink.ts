/**
 * Writes gzip files with a bounded number in flight, so a generator can stream a large archive to
 * disk: compression runs on libuv's thread pool while the caller builds the next file, and memory
 * stays at a few files' worth however large the archive is.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);

/** A fixed level, so the same input gives the same bytes; 6 is zlib's default trade-off. */
export const GZIP_LEVEL = 6;

/**
 * zlib hands each output chunk back to the main thread before compressing more; with the default
 * 16 KB chunks a busy generator stalls its own compression. 256 KB holds a typical demo file's output (tens of KB) in one chunk.
 */
const OUTPUT_CHUNK = 256 * 1024;

/** Byte 9 of a gzip header names the OS that wrote it; pin it so archives match across platforms. */
const GZIP_OS_BYTE = 9;
const GZIP_OS_UNIX = 3;

/**
 * Deterministic gzip: Node writes mtime 0 and no file name, and the OS byte is pinned here, so the
 * output depends only on the input and zlib's version.
 */
export async function gzipDeterministic(content: string | Buffer): Promise<Buffer> {
  const out = await gzipAsync(content, { level: GZIP_LEVEL, chunkSize: OUTPUT_CHUNK });
  out[GZIP_OS_BYTE] = GZIP_OS_UNIX;
  return out;
}

export class GzipFileSink {
  private readonly pending = new Set<Promise<void>>();
  private readonly madeDirs = new Set<string>();
  private failure: { error: unknown } | undefined;
  private written = 0;

  constructor(
    private readonly root: string,
    private readonly maxInFlight = 8,
  ) {}

  get filesWritten(): number {
    return this.written;
  }

  /** Queues one file; resolves once there is room for another, rejects if an earlier write failed. */
  async write(relativeKey: string, content: string | Buffer): Promise<void> {
    this.throwIfFailed();
    while (this.pending.size >= this.maxInFlight) await Promise.race(this.pending);
    this.throwIfFailed();
    const file = path.join(this.root, ...relativeKey.split('/'));
    const dir = path.dirname(file);
    if (!this.madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.madeDirs.add(dir);
    }
    const task: Promise<void> = gzipDeterministic(content)
      .then((data) => writeFile(file, data))
      .then(
        () => {
          this.written++;
        },
        (error: unknown) => {
          this.failure ??= { error };
        },
      )
      .finally(() => {
        this.pending.delete(task);
      });
    this.pending.add(task);
  }

  /** Waits for every queued file; rejects with the first failure. */
  async close(): Promise<void> {
    await Promise.all([...this.pending]);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure.error;
  }
}
