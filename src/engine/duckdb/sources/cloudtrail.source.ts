// CloudTrail for the embedded engine: one JSON object {"Records": [...]} per file, gzip or plain,
// under AWSLogs/[o-ORG/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/.
import * as path from 'node:path';
import { fillTemplate, loadSql } from '../../../query/sql-template';
import { sqlString } from '../../../query/sql-literal';
import { TimeWindow } from '../../../query/time-window';
import type { PartitionHints } from '../../../query/query-plan';
import { ArchiveFile, listCloudTrailFiles } from '../archive-listing';
import { fileListSql, keyStart } from '../file-sql';
import type { FileHealth, LogSource } from '../log-source';
import { CLOUDTRAIL_COLUMNS, columnsUsedBy, recordType, selectList, structureOf, ViewColumn } from './cloudtrail-columns';

/**
 * The reader over the given files (cloudtrail_read.sql), or an empty stand-in with the same columns.
 * Paths are absolute, so DuckDB's `filename` is the root, a slash and the key: `substr(filename,
 * keyStart)` recovers the key without a regular expression on every row.
 */
function source(root: string, files: readonly ArchiveFile[], type: string, exact = true): string {
  if (files.length === 0) return fillTemplate(loadSql('duckdb/cloudtrail_empty.sql'), { recordType: type });
  return fillTemplate(loadSql('duckdb/cloudtrail_read.sql'), { files: exact ? fileListSql(root, files) : folderList(root, files), recordType: type });
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * The files as read_json entries, a folder glob standing in for a folder whose files are all there
 * (none skipped as unreadable, none pruned) and all of one kind (.json.gz or .json).
 */
function folderList(root: string, files: readonly ArchiveFile[]): string {
  const byFolder = new Map<string, ArchiveFile[]>();
  for (const f of files) {
    const folder = f.key.slice(0, f.key.lastIndexOf('/'));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  const entries: string[] = [];
  for (const [folder, inFolder] of byFolder) {
    const gz = inFolder.every((f) => f.key.endsWith('.json.gz'));
    const plain = inFolder.every((f) => f.key.endsWith('.json'));
    const whole = inFolder.length === inFolder[0]?.folderFiles && (gz || plain) && !GLOB_CHARS.test(path.join(root, folder));
    if (whole) entries.push(sqlString(path.join(root, folder, gz ? '*.json.gz' : '*.json')));
    else entries.push(...inFolder.map((f) => sqlString(path.join(root, f.key))));
  }
  return `[${entries.join(', ')}]`;
}


/** The element type of a Records list type (STRUCT(...)[] → STRUCT(...)). */
function elementOf(listType: string): string {
  return listType.replace(/\[\]$/, '');
}

const FULL_RECORD = elementOf(recordType(CLOUDTRAIL_COLUMNS));

/** json_transform's structure argument for a DuckDB type, as a SQL string literal. */
function jsonStructure(type: string): string {
  return sqlString(JSON.stringify(structureOf(type)));
}


function view(root: string, files: readonly ArchiveFile[], columns: readonly ViewColumn[], recordCheck: string, exact: boolean): string {
  const type = recordType(columns);
  const typed = files.filter((f) => !f.lenient);
  const lenient = files.filter((f) => f.lenient);
  const branches: string[] = [];
  const branch = (from: string): string => fillTemplate(loadSql('duckdb/cloudtrail_branch.sql'), { source: from });
  if (typed.length > 0 || lenient.length === 0) branches.push(branch(source(root, typed, type, exact)));
  if (lenient.length > 0) branches.push(branch(fillTemplate(loadSql('duckdb/cloudtrail_read_lenient.sql'), { files: fileListSql(root, lenient), recordType: jsonStructure(elementOf(type)) })));
  return fillTemplate(loadSql('duckdb/cloudtrail_logs.view.sql'), { columns: selectList(columns), branches: branches.join('\nUNION ALL\n'), keyStart: keyStart(root), recordCheck });
}

export const cloudTrailSource: LogSource = {
  table: 'cloudtrail_logs',

  listFiles(root: string, window: TimeWindow, hints: PartitionHints): Promise<ArchiveFile[]> {
    return listCloudTrailFiles(root, window, hints);
  },

  healthSql(root: string, files: readonly ArchiveFile[]): string {
    return fillTemplate(loadSql('duckdb/cloudtrail_health.sql'), { source: source(root, files, recordType(CLOUDTRAIL_COLUMNS)), keyStart: keyStart(root) });
  },

  lenientHealthSql(root: string, file: ArchiveFile): string {
    return fillTemplate(loadSql('duckdb/cloudtrail_health_lenient.sql'), { files: fileListSql(root, [file]), recordType: jsonStructure(FULL_RECORD), keyStart: keyStart(root) });
  },

  healthFromRow(r: Record<string, unknown> | undefined): FileHealth {
    if (!r) return { records: 0, malformed: 1, readable: false, problem: 'the file holds no JSON object' };
    if (r.no_records === true) return { records: 0, malformed: 1, readable: false, problem: 'the file has no "Records" array (not a CloudTrail log file)' };
    const missing = Number(r.missing);
    return { records: Number(r.records) - missing, malformed: missing, readable: true, problem: missing > 0 ? `${missing} record(s) of the wrong shape or without a valid eventTime (UTC ISO-8601), eventName or eventSource` : null };
  },

  viewSql(root: string, files: readonly ArchiveFile[], sql: string, exact = false): string {
    return view(root, files, columnsUsedBy(sql), 'auditql_cloudtrail_ok(r)', exact);
  },

  pruneViewSql(root: string, files: readonly ArchiveFile[], filterSql: string): string {
    return view(root, files, columnsUsedBy(filterSql, true), 'auditql_cloudtrail_time_ok(r)', false);
  },

  readsLessFor(filterSql: string, sql: string): boolean {
    return columnsUsedBy(filterSql, true).length < columnsUsedBy(sql).length;
  },
};
