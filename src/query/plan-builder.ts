// What every log's planner shares: finishing a plan from its SQL parts, and the group-by counts
// fragments (validated group-by list and top, catalogue expressions as key_1..key_n).
import { badInput } from '../errors';
import { fingerprintOf, LogTable, QueryPlan, SqlParts } from './query-plan';
import { sqlInteger } from './sql-literal';
import { TimeWindow } from './time-window';

export type SortDirection = 'ASC' | 'DESC';
export const MAX_GROUP_BY = 4;
export const MAX_TOP = 10_000;

/** Partition hints as filters give them (GraphQL passes null for an omitted list). */
export interface HintsInput {
  accounts?: readonly string[] | null;
  regions?: readonly string[] | null;
}

export function finishPlan(table: LogTable, operation: string, sql: string, parts: SqlParts, window: TimeWindow, hints: HintsInput): QueryPlan {
  return {
    table,
    operation,
    sql,
    params: parts.params,
    prefilter: parts.filtered() ? parts.where() : undefined,
    window,
    partitions: { accounts: hints.accounts ?? undefined, regions: hints.regions ?? undefined },
    fingerprint: fingerprintOf(sql, parts.params),
  };
}

/** The {{keys}}, {{where}}, {{groups}} and {{limit}} of a counts statement, after checking the arguments. */
export function countsFragments<K extends string>(groupBy: readonly K[], catalogue: Readonly<Record<K, string>>, top: number, parts: SqlParts): Record<string, string> {
  if (groupBy.length === 0) throw badInput('groupBy', 'must name at least one column to group by', groupBy);
  if (groupBy.length > MAX_GROUP_BY) throw badInput('groupBy', `must name at most ${MAX_GROUP_BY} columns`, groupBy);
  if (new Set(groupBy).size !== groupBy.length) throw badInput('groupBy', 'must not name a column twice', groupBy);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) throw badInput('top', `must be from 1 to ${MAX_TOP}`, top);
  return {
    keys: groupBy.map((g, i) => `CAST(${catalogue[g]} AS VARCHAR) AS key_${i + 1}`).join(',\n  '),
    where: parts.where(),
    groups: groupBy.map((_, i) => String(i + 1)).join(', '),
    limit: sqlInteger(top),
  };
}
