// Which files are readable, and how many malformed records each holds. Delivered logs are immutable,
// so each file (by key, size and mtime) is checked once, with the same reader its log's view uses;
// later queries read only the healthy files and report the rest in their stats. A batch that fails
// to parse is bisected to find the files that break it.
import type { DuckDBConnection } from '@duckdb/node-api';
import { errorMessage } from '../../errors';
import type { ArchiveFile } from './archive-listing';
import type { FileHealth, LogSource } from './log-source';

type Runner = (c: DuckDBConnection, sql: string) => Promise<Record<string, unknown>[]>;

export class FileHealthCache {
  private readonly known = new Map<string, FileHealth>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly root: string, private readonly run: Runner) {}

  private static id(source: LogSource, f: ArchiveFile): string {
    return `${source.table}\u0000${f.key}\u0000${f.size}\u0000${f.mtimeMs}`;
  }

  /** Health of every file, checking the ones not seen before (serialised: one check at a time). */
  async healthOf(c: DuckDBConnection, source: LogSource, files: readonly ArchiveFile[]): Promise<Map<string, FileHealth>> {
    const check = async (): Promise<void> => {
      const unknown = files.filter((f) => !this.known.has(FileHealthCache.id(source, f)));
      for (let i = 0; i < unknown.length; i += 2000) await this.check(c, source, unknown.slice(i, i + 2000));
    };
    const done = this.chain.then(check, check);
    this.chain = done.catch(() => undefined);
    await done;
    const out = new Map<string, FileHealth>();
    for (const f of files) {
      const h = this.known.get(FileHealthCache.id(source, f));
      if (h) out.set(f.key, h);
    }
    return out;
  }

  private async checkLenient(c: DuckDBConnection, source: LogSource, file: ArchiveFile, typedError: string): Promise<FileHealth> {
    const unreadable: FileHealth = { records: 0, malformed: 1, readable: false, problem: typedError.split('\n')[0] ?? 'unreadable' };
    if (!source.lenientHealthSql) return unreadable;
    try {
      const [row] = await this.run(c, source.lenientHealthSql(this.root, file));
      const health = source.healthFromRow(row);
      return health.readable ? { ...health, lenient: true } : health;
    } catch {
      return unreadable;
    }
  }

  private async check(c: DuckDBConnection, source: LogSource, files: readonly ArchiveFile[]): Promise<void> {
    if (files.length === 0) return;
    let rows: Record<string, unknown>[];
    try {
      rows = await this.run(c, source.healthSql(this.root, files));
    } catch (e) {
      if (files.length === 1) {
        this.known.set(FileHealthCache.id(source, files[0]!), await this.checkLenient(c, source, files[0]!, errorMessage(e)));
        return;
      }
      const half = Math.ceil(files.length / 2);
      await this.check(c, source, files.slice(0, half));
      await this.check(c, source, files.slice(half));
      return;
    }
    const byKey = new Map(rows.map((r) => [String(r.file), r]));
    for (const f of files) this.known.set(FileHealthCache.id(source, f), source.healthFromRow(byKey.get(f.key)));
  }
}
