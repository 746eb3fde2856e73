// S3 server access logs for the embedded engine: plain-text lines (one request each) in objects named
// YYYY-MM-DD-HH-MM-SS-UNIQUE under the configured prefixes (s3access-layout.ts). Lines are read whole
// (lines_read.sql) and split by the one line pattern Athena's RegexSerDe will also use.
import * as path from 'node:path';
import { S3_ACCESS_COLUMNS, S3AccessFieldKind } from '../../../query/s3access.catalogue';
import { S3_ACCESS_FIELD_NAMES, S3_ACCESS_LINE_PATTERN, S3_ACCESS_TIME_GROUP } from '../../../query/s3access.line-format';
import { fillTemplate, loadSql } from '../../../query/sql-template';
import { sqlInteger, sqlString } from '../../../query/sql-literal';
import type { TimeWindow } from '../../../query/time-window';
import type { PartitionHints } from '../../../query/query-plan';
import type { ArchiveFile } from '../archive-listing';
import { fileListSql, keyStart } from '../file-sql';
import type { FileHealth, LogSource } from '../log-source';
import { DEFAULT_S3_ACCESS_PREFIXES, fileInfoOfKey, normalisePrefix } from './s3access-layout';
import { listS3AccessFiles } from './s3access-listing';

function lines(root: string, files: readonly ArchiveFile[]): string {
  if (files.length === 0) return loadSql('duckdb/s3access_empty.sql');
  return fillTemplate(loadSql('duckdb/lines_read.sql'), { files: fileListSql(root, files) });
}

const NULL_TEXT = 'CAST(NULL AS VARCHAR)';
const orNull = (v: string | null): string => (v === null ? NULL_TEXT : sqlString(v));

/** The (filename, path, day, account, region) rows of s3access_files.sql: the listing's knowledge of each file. */
function fileRows(root: string, files: readonly ArchiveFile[]): string {
  const rows = files.flatMap((f) => {
    const info = fileInfoOfKey(f.key);
    return info ? [`(${sqlString(path.join(root, f.key))}, ${sqlString(f.key)}, ${sqlString(info.day)}, ${orNull(info.account)}, ${orNull(info.region)})`] : [];
  });
  // VALUES needs a row: an all-NULL one joins no line.
  return fillTemplate(loadSql('duckdb/s3access_files.sql'), { rows: rows.length > 0 ? rows.join(',\n  ') : `(${Array(5).fill(NULL_TEXT).join(', ')})` });
}

const COLUMN_TYPE: Readonly<Record<S3AccessFieldKind, string | null>> = { token: null, quoted: null, time: null, status: 'INTEGER', count: 'BIGINT' };

/** The view's select list: '' (a group that took no part) becomes NULL, numbers become numbers. */
function selectList(): string {
  return S3_ACCESS_COLUMNS.map((col) => {
    const text = `nullif(f.${col.name}, '')`;
    const type = COLUMN_TYPE[col.kind];
    // The pattern admits only digits here, so TRY_CAST fails only on overflow, where Athena's
    // RegexSerDe also gives NULL.
    return `  ${type ? `TRY_CAST(${text} AS ${type})` : text} AS ${col.name},`;
  }).join('\n');
}

const PATTERN = sqlString(S3_ACCESS_LINE_PATTERN);
const NAMES = `[${S3_ACCESS_FIELD_NAMES.map(sqlString).join(', ')}]`;

/** The reader over the given archive folders (AUDITQL_S3_ACCESS_PREFIXES; default s3-access-logs). */
export function createS3AccessSource(prefixes: readonly string[] = DEFAULT_S3_ACCESS_PREFIXES): LogSource {
  const folders = [...new Set(prefixes.map(normalisePrefix))];
  if (folders.length === 0) throw new Error('S3 access logs need at least one prefix folder');
  return {
    table: 's3_access_logs',

    listFiles(root: string, window: TimeWindow, hints: PartitionHints): Promise<ArchiveFile[]> {
      return listS3AccessFiles(root, folders, window, hints);
    },

    healthSql(root: string, files: readonly ArchiveFile[]): string {
      return fillTemplate(loadSql('duckdb/s3access_health.sql'), {
        source: lines(root, files),
        keyStart: keyStart(root),
        pattern: PATTERN,
        timeGroup: sqlInteger(S3_ACCESS_TIME_GROUP),
      });
    },

    healthFromRow(r: Record<string, unknown> | undefined): FileHealth {
      // No row: the file holds no line but empty ones. Nothing to read, nothing wrong.
      if (!r) return { records: 0, malformed: 0, readable: true, problem: null };
      const records = Number(r.records);
      const malformed = Number(r.malformed);
      if (records === 0 && malformed > 0) {
        return { records: 0, malformed, readable: false, problem: `none of its ${malformed} line(s) is an S3 server access log record` };
      }
      return { records, malformed, readable: true, problem: malformed > 0 ? `${malformed} line(s) that are not S3 server access log records` : null };
    },

    viewSql(root: string, files: readonly ArchiveFile[]): string {
      return fillTemplate(loadSql('duckdb/s3access_logs.view.sql'), {
        columns: selectList(),
        pattern: PATTERN,
        names: NAMES,
        source: lines(root, files),
        files: fileRows(root, files),
      });
    },

    // Every line is read and split whole whatever the statement names, so a first pass over the
    // filter's columns would read every byte twice to save nothing.
    readsLessFor(): boolean {
      return false;
    },
  };
}

/** The reader over the default prefix (s3-access-logs/). */
export const s3AccessSource: LogSource = createS3AccessSource();
