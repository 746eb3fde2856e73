// What the embedded engine needs to know about one kind of log: where its files are, how to check a
// file once, and how to expose the files as a table with Athena's column names. Each log type is one
// LogSource; the engine itself knows none of them.
import type { LogTable, PartitionHints } from '../../query/query-plan';
import type { TimeWindow } from '../../query/time-window';
import type { ArchiveFile } from './archive-listing';

export interface FileHealth {
  /** Records the file holds that the view will return. */
  records: number;
  /** Records skipped: malformed lines or records, or 1 for a file that cannot be read as a whole. */
  malformed: number;
  /** False when the reader must skip the file (it fails to parse, or is not a log of this type). */
  readable: boolean;
  /** What is wrong with the file, for logs; null when nothing is. */
  problem: string | null;
  /** The view must read this file record by record (see LogSource.lenientHealthSql). */
  lenient?: boolean;
}

export interface LogSource {
  readonly table: LogTable;
  /** The log files of the window's day partitions (and hinted accounts/regions) under the archive root. */
  listFiles(root: string, window: TimeWindow, hints: PartitionHints): Promise<ArchiveFile[]>;
  /** A query over the files that returns one row per file with a `file` column holding its key. */
  healthSql(root: string, files: readonly ArchiveFile[]): string;
  /**
   * For a file healthSql fails on: a check that reads it record by record, when the log's reader can
   * (a file that parses but holds a record of the wrong shape keeps its good records). Rows as healthSql.
   */
  lenientHealthSql?(root: string, file: ArchiveFile): string;
  /** Reads a file's health from its row of healthSql (undefined: the file produced no row). */
  healthFromRow(row: Record<string, unknown> | undefined): FileHealth;
  /**
   * `CREATE OR REPLACE TEMP VIEW <table>` over the files, with at least the columns `sql` names. With
   * `exact` the view names every file; without, it may read a folder whose files are all given by a
   * glob (far cheaper to bind over thousands of files, but it would also read a file delivered since
   * the listing: the engine retries with `exact` when a read fails).
   */
  viewSql(root: string, files: readonly ArchiveFile[], sql: string, exact?: boolean): string;
  /**
   * The view the engine uses only to find the files holding a record that matches `filterSql`: it may
   * skip record checks the real view makes (a false candidate costs nothing). viewSql when absent.
   */
  pruneViewSql?(root: string, files: readonly ArchiveFile[], filterSql: string): string;
  /** True when a view for `filterSql` reads less than one for `sql`: pruning files first pays off. */
  readsLessFor(filterSql: string, sql: string): boolean;
}
