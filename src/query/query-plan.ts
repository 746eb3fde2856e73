// A query plan: the SQL text (the one dialect, Trino's), its positional parameters, and what the
// engine needs to prune files/partitions. Plans are pure data: built without I/O, run by any engine.
import { createHash } from 'node:crypto';
import type { SqlParam } from './sql-literal';
import type { TimeWindow } from './time-window';

export type LogTable = 'cloudtrail_logs' | 'vpc_flow_logs' | 's3_access_logs' | 'alb_logs';

export interface PartitionHints {
  accounts?: readonly string[];
  regions?: readonly string[];
}

export interface QueryPlan {
  /** The table the SQL reads; engines bind it to files (DuckDB) or a catalogue table (Athena). */
  table: LogTable;
  /** What asked for it, for logs and --explain (e.g. "cloudTrailEvents"). */
  operation: string;
  sql: string;
  params: SqlParam[];
  /**
   * The statement's WHERE condition alone, with the same parameters, when the caller filtered beyond
   * the window. Every result row satisfies it, so an engine may use it to skip files that hold no
   * matching record before reading them whole (the DuckDB engine does); the statement stays as is.
   */
  prefilter?: string;
  window: TimeWindow;
  partitions: PartitionHints;
  /** Identifies identical executions (same SQL, same parameters): the DataLoader key. */
  fingerprint: string;
}

export function fingerprintOf(sql: string, params: readonly SqlParam[]): string {
  return createHash('sha256').update(sql).update('\u0000').update(JSON.stringify(params)).digest('hex').slice(0, 24);
}

/** SQL text plus parameters, accumulated in order so each `?` lines up with its value. */
export class SqlParts {
  readonly clauses: string[] = [];
  readonly params: SqlParam[] = [];
  private windowClauses = 0;

  /** Records that the clauses so far are the window predicate (see filtered()). */
  markWindow(): void {
    this.windowClauses = this.clauses.length;
  }

  /** True when the caller filtered beyond the window. */
  filtered(): boolean {
    return this.clauses.length > this.windowClauses;
  }

  add(clause: string, ...params: SqlParam[]): void {
    const marks = (clause.match(/\?/g) ?? []).length;
    if (marks !== params.length) throw new Error(`clause has ${marks} ? but ${params.length} values: ${clause}`);
    this.clauses.push(clause);
    this.params.push(...params);
  }

  /** `col IN (?, ?, …)`: one parameter a value. */
  addIn(expression: string, values: readonly string[]): void {
    this.add(`${expression} IN (${values.map(() => '?').join(', ')})`, ...values);
  }

  where(): string {
    return this.clauses.map((c) => `(${c})`).join('\n  AND ');
  }
}
