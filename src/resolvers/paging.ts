// Relay connections over kept result sets. A cursor names the execution and the position after its
// row, so the next page is read from the result set of the first execution, never by running the
// query again. Cursors carry the plan's fingerprint: one used with other arguments is refused.
import { AuditqlError, badInput } from '../errors';
import type { Execution, ExecutionStats, PagePosition, ResultRow } from '../engine/query-engine';
import type { QueryPlan } from '../query/query-plan';
import type { AppContext } from '../context';
import type { QueryStats } from '../schema/common.types';

interface CursorBody {
  v: 1;
  e: string;
  f: string;
  o: number;
  t?: string;
}

export function encodeCursor(execution: Execution, position: PagePosition): string {
  const body: CursorBody = { v: 1, e: execution.id, f: execution.plan.fingerprint, o: position.offset, ...(position.token ? { t: position.token } : {}) };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): CursorBody {
  try {
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
    if (body.v === 1 && typeof body.e === 'string' && typeof body.f === 'string' && Number.isSafeInteger(body.o) && (body.o ?? -1) >= 0) {
      return body as CursorBody;
    }
  } catch {
    // fall through to the error below: any undecodable cursor gets the same message
  }
  throw badInput(argument, 'must be a cursor returned by this API (edges.cursor or pageInfo.endCursor)', cursor.slice(0, 80));
}

export function checkFirst(first: number, max: number): void {
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badInput('first', `must be from 0 to ${max} (AUDITQL_MAX_PAGE_SIZE)`, first);
  }
}

export function queryStats(s: ExecutionStats): QueryStats {
  return {
    engine: s.engine,
    executionId: s.executionId,
    elapsedMs: Math.round(s.elapsedMs * 1000) / 1000,
    filesRead: s.filesRead,
    bytesScanned: s.bytesScanned,
    rowsMatched: s.rowsMatched,
    malformedRecords: s.malformedRecords,
    malformedFiles: s.malformedFiles,
    sql: s.sql,
    parameters: s.params.map((p) => (p === null ? null : String(p))),
  };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: bigint;
  stats: QueryStats;
}

/** Runs the plan once (or resumes its result set from `after`) and returns one page. */
export async function connectionOf<T>(ctx: AppContext, plan: QueryPlan, first: number, after: string | null | undefined, mapRow: (r: ResultRow) => T): Promise<Connection<T>> {
  checkFirst(first, ctx.config.maxPageSize);
  let execution: Execution;
  let start: PagePosition;
  if (after !== null && after !== undefined) {
    const cursor = decodeCursor(after);
    if (cursor.f !== plan.fingerprint) {
      throw badInput('after', 'this cursor belongs to a query with another window or filter; pass the same arguments as the page it came from');
    }
    execution = await ctx.engine.execution(cursor.e);
    start = { offset: cursor.o, token: cursor.t };
  } else {
    execution = await ctx.loaders.execution.load(plan);
    start = { offset: 0 };
  }
  const page = first === 0 ? { rows: [], next: BigInt(start.offset) < execution.stats.rowsMatched ? start : null } : await ctx.engine.readPage(execution.id, start, first);
  const edges = page.rows.map((row, i) => ({ cursor: encodeCursor(execution, { offset: start.offset + i + 1 }), node: mapRow(row) }));
  const endCursor = page.next ? encodeCursor(execution, page.next) : (edges[edges.length - 1]?.cursor ?? null);
  return { edges, pageInfo: { hasNextPage: page.next !== null, endCursor }, totalCount: execution.stats.rowsMatched, stats: queryStats(execution.stats) };
}

export function assertNever(x: never): never {
  throw new AuditqlError('INTERNAL', `unexpected value ${String(x)}`);
}
