// Which files are readable, and how many malformed records each holds. Delivered logs are immutable,
// so each file (by key, size and mtime) is checked once, with the same reader and record type the
// query view uses; later queries read only the healthy files and report the rest in their stats.
// A batch that fails to parse is bisected to find the files that break it.
import type { DuckDBConnection } from '@duckdb/node-api';
import { errorMessage } from '../../errors';
import { fillTemplate, loadSql } from '../../query/sql-template';
import * as path from 'node:path';
import { sqlInteger, sqlString } from '../../query/sql-literal';
import type { ArchiveFile } from './archive-listing';
import { CLOUDTRAIL_COLUMNS, recordType } from './cloudtrail-columns';

export interface FileHealth {
  /** Records the file holds that the view will return. */
  records: number;
  /** Records skipped: missing required fields, or 1 for a file that cannot be read as a whole. */
  malformed: number;
  /** False when the reader must skip the file (it fails to parse, or holds no Records array). */
  readable: boolean;
  /** What is wrong with the file, for logs; null when nothing is. */
  problem: string | null;
}

type Runner = (c: DuckDBConnection, sql: string) => Promise<Record<string, unknown>[]>;

/**
 * The reader over the given files (cloudtrail_read.sql), or an empty stand-in with the same columns.
 * Paths are absolute, so DuckDB's `filename` is the root, a slash and the key: `substr(filename,
 * keyStart)` recovers the key without a regular expression on every row.
 */
export function cloudTrailSource(root: string, files: readonly Pick<ArchiveFile, 'key'>[], recordType: string): string {
  if (files.length === 0) return fillTemplate(loadSql('duckdb/cloudtrail_empty.sql'), { recordType });
  return fillTemplate(loadSql('duckdb/cloudtrail_read.sql'), { files: `[${files.map((f) => sqlString(path.join(root, f.key))).join(', ')}]`, recordType });
}

/** 1-based position of the object key in DuckDB's `filename` for files under root. */
export function keyStart(root: string): string {
  return sqlInteger(root.length + 2);
}

export class FileHealthCache {
  private readonly known = new Map<string, FileHealth>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly root: string, private readonly run: Runner) {}

  private static id(f: ArchiveFile): string {
    return `${f.key}\u0000${f.size}\u0000${f.mtimeMs}`;
  }

  /** Health of every file, checking the ones not seen before (serialised: one check at a time). */
  async healthOf(c: DuckDBConnection, files: readonly ArchiveFile[]): Promise<Map<string, FileHealth>> {
    const check = async (): Promise<void> => {
      const unknown = files.filter((f) => !this.known.has(FileHealthCache.id(f)));
      for (let i = 0; i < unknown.length; i += 2000) await this.check(c, unknown.slice(i, i + 2000));
    };
    const done = this.chain.then(check, check);
    this.chain = done.catch(() => undefined);
    await done;
    const out = new Map<string, FileHealth>();
    for (const f of files) {
      const h = this.known.get(FileHealthCache.id(f));
      if (h) out.set(f.key, h);
    }
    return out;
  }

  private async check(c: DuckDBConnection, files: readonly ArchiveFile[]): Promise<void> {
    if (files.length === 0) return;
    const sql = fillTemplate(loadSql('duckdb/cloudtrail_health.sql'), { source: cloudTrailSource(this.root, files, recordType(CLOUDTRAIL_COLUMNS)), keyStart: keyStart(this.root) });
    let rows: Record<string, unknown>[];
    try {
      rows = await this.run(c, sql);
    } catch (e) {
      if (files.length === 1) {
        this.known.set(FileHealthCache.id(files[0]!), { records: 0, malformed: 1, readable: false, problem: errorMessage(e).split('\n')[0] ?? 'unreadable' });
        return;
      }
      const half = Math.ceil(files.length / 2);
      await this.check(c, files.slice(0, half));
      await this.check(c, files.slice(half));
      return;
    }
    const byKey = new Map(rows.map((r) => [String(r.file), r]));
    for (const f of files) {
      const r = byKey.get(f.key);
      let health: FileHealth;
      if (!r) health = { records: 0, malformed: 1, readable: false, problem: 'the file holds no JSON object' };
      else if (r.no_records === true) health = { records: 0, malformed: 1, readable: false, problem: 'the file has no "Records" array (not a CloudTrail log file)' };
      else {
        const missing = Number(r.missing);
        health = { records: Number(r.records) - missing, malformed: missing, readable: true, problem: missing > 0 ? `${missing} record(s) without eventTime, eventName or eventSource` : null };
      }
      this.known.set(FileHealthCache.id(f), health);
    }
  }
}
