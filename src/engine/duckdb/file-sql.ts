// How every reader names the files it reads: absolute paths as SQL literals (through the one audited
// quoting function), and where the object key starts in DuckDB's `filename` for such a path.
import * as path from 'node:path';
import { sqlInteger, sqlString } from '../../query/sql-literal';
import type { ArchiveFile } from './archive-listing';

/** The files as a DuckDB list of absolute paths: `['/root/AWSLogs/…', …]`. */
export function fileListSql(root: string, files: readonly Pick<ArchiveFile, 'key'>[]): string {
  return `[${files.map((f) => sqlString(path.join(root, f.key))).join(', ')}]`;
}

/** 1-based position of the object key in DuckDB's `filename` for files under root (root, '/', key). */
export function keyStart(root: string): string {
  return sqlInteger(root.length + 2);
}
