// ALB access logs for the embedded engine: gzip text, one request per line, under
// AWSLogs/[o-ORG/]ACCOUNT/elasticloadbalancing/REGION/YYYY/MM/DD/. Lines are read whole
// (lines_read.sql) and split by the table's one regular expression, as Athena's RegexSerDe splits them.
import type { PartitionHints } from '../../../query/query-plan';
import { fillTemplate, loadSql } from '../../../query/sql-template';
import { sqlString } from '../../../query/sql-literal';
import type { TimeWindow } from '../../../query/time-window';
import type { ArchiveFile } from '../archive-listing';
import type { FileHealth, LogSource } from '../log-source';
import { ALB_GROUP_NAMES_SQL, ALB_PATTERN_SQL, albSelectList } from './alb-columns';
import { albDayOfKey, listAlbFiles } from './alb-files';
import { fileListSql, keyStart } from '../file-sql';

/** The line reader over the given files, or an empty stand-in with the same columns. */
function lines(root: string, files: readonly ArchiveFile[]): string {
  if (files.length === 0) return loadSql('duckdb/alb_empty.sql');
  return fillTemplate(loadSql('duckdb/lines_read.sql'), { files: fileListSql(root, files) });
}

/** One day folder's matching lines split into fields (alb_day.sql). */
function parsedLines(root: string, files: readonly ArchiveFile[], day: string): string {
  return fillTemplate(loadSql('duckdb/alb_day.sql'), { pattern: ALB_PATTERN_SQL, names: ALB_GROUP_NAMES_SQL, day: sqlString(day), source: lines(root, files) });
}

export const albSource: LogSource = {
  table: 'alb_logs',

  listFiles(root: string, window: TimeWindow, hints: PartitionHints): Promise<ArchiveFile[]> {
    return listAlbFiles(root, window, hints);
  },

  healthSql(root: string, files: readonly ArchiveFile[]): string {
    return fillTemplate(loadSql('duckdb/alb_health.sql'), { source: lines(root, files), pattern: ALB_PATTERN_SQL, keyStart: keyStart(root) });
  },

  healthFromRow(r: Record<string, unknown> | undefined): FileHealth {
    // No row: the file holds no non-empty line (ALB can deliver an empty file); nothing is wrong.
    if (!r) return { records: 0, malformed: 0, readable: true, problem: null };
    const records = Number(r.records);
    const malformed = Number(r.malformed);
    const problem = malformed > 0 ? `${malformed} line(s) are not ALB access log entries, e.g. ${JSON.stringify(String(r.example))}` : null;
    // A file with nothing but malformed lines is not worth reading again for every query.
    return { records, malformed, readable: records > 0, problem };
  },

  // One UNION ALL branch per day folder: the day partition is then a constant of its branch.
  viewSql(root: string, files: readonly ArchiveFile[]): string {
    const byDay = new Map<string, ArchiveFile[]>();
    for (const f of files) {
      const day = albDayOfKey(f.key);
      byDay.set(day, [...(byDay.get(day) ?? []), f]);
    }
    const days = byDay.size === 0 ? [parsedLines(root, [], '')] : [...byDay].map(([day, dayFiles]) => parsedLines(root, dayFiles, day));
    return fillTemplate(loadSql('duckdb/alb_logs.view.sql'), { columns: albSelectList(), days: days.join('\nUNION ALL\n'), keyStart: keyStart(root) });
  },

  // The regular expression runs over every line whichever columns a query names, so a first pass
  // with fewer columns would read every file once more and save nothing.
  readsLessFor(): boolean {
    return false;
  },
};
