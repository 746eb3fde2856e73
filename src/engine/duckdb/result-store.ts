// Kept result sets of the embedded engine: each execution's rows are materialised once into a table
// of the engine's on-disk cache database (so large results page from disk, not memory) and dropped
// after the TTL. Cursors name the execution; an expired one gets CURSOR_EXPIRED, never a re-run.
import { AuditqlError } from '../../errors';
import type { Execution } from '../query-engine';

export interface StoredResult {
  execution: Execution;
  table: string;
  expiresAt: number;
}

export class ResultStore {
  private readonly results = new Map<string, StoredResult>();

  constructor(private readonly ttlMs: number, private readonly now: () => number = Date.now) {}

  add(execution: Execution, table: string): void {
    this.results.set(execution.id, { execution, table, expiresAt: this.now() + this.ttlMs });
  }

  get(id: string): StoredResult {
    const r = this.results.get(id);
    if (!r || r.expiresAt <= this.now()) {
      throw new AuditqlError(
        'CURSOR_EXPIRED',
        `the result set of execution ${id} is gone (results are kept ${Math.round(this.ttlMs / 1000)} s, AUDITQL_RESULT_TTL_SECONDS); run the query again without "after"`,
        { executionId: id },
      );
    }
    return r;
  }

  /** Removes expired entries and returns their tables for the engine to drop. */
  sweep(): string[] {
    const gone: string[] = [];
    for (const [id, r] of this.results) {
      if (r.expiresAt <= this.now()) {
        this.results.delete(id);
        gone.push(r.table);
      }
    }
    return gone;
  }

  tables(): string[] {
    return [...this.results.values()].map((r) => r.table);
  }
}
