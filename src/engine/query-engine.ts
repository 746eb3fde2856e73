// The one narrow interface every engine implements (DuckDB embedded, Athena, Trino). An execution
// runs a plan once and keeps its result set; pages are read from that result set, never by running
// the query again. A contract suite (engine.contract.ts) holds every engine to the same behaviour.
import type { EngineName } from '../config';
import type { QueryPlan } from '../query/query-plan';
import type { SqlParam } from '../query/sql-literal';

export type SqlValue = string | number | bigint | boolean | null;
export type ResultRow = Record<string, SqlValue>;

export interface ExecutionStats {
  engine: EngineName;
  executionId: string;
  elapsedMs: number;
  filesRead: number | null;
  bytesScanned: bigint | null;
  rowsMatched: bigint;
  malformedRecords: bigint;
  malformedFiles: string[];
  /** The SQL text the engine ran and its parameters, in `?` order. */
  sql: string;
  params: SqlParam[];
}

export interface Execution {
  id: string;
  plan: QueryPlan;
  stats: ExecutionStats;
}

/** Where a page starts: a row offset, plus an engine token where the engine pages by token (Athena). */
export interface PagePosition {
  offset: number;
  token?: string;
}

export interface Page {
  rows: ResultRow[];
  /** Position of the row after this page, or null at the end of the result set. */
  next: PagePosition | null;
}

export interface ExecuteOptions {
  signal?: AbortSignal;
}

export interface QueryEngine {
  readonly name: EngineName;
  execute(plan: QueryPlan, options?: ExecuteOptions): Promise<Execution>;
  /** A kept execution; throws CURSOR_EXPIRED once its result set is gone. */
  execution(id: string): Promise<Execution>;
  readPage(id: string, position: PagePosition, limit: number): Promise<Page>;
  close(): Promise<void>;
}
