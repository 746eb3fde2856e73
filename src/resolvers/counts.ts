// Group-by counts for every log: one execution, its (small, top-N) result read in one page.
import type { AppContext } from '../context';
import type { QueryPlan } from '../query/query-plan';
import type { CountResult } from '../schema/common.types';
import { queryStats } from './paging';
import { text } from './row-values';

export async function countResultOf(ctx: AppContext, plan: QueryPlan, keys: number, top: number): Promise<CountResult> {
  const execution = await ctx.loaders.execution.load(plan);
  const page = await ctx.engine.readPage(execution.id, { offset: 0 }, top);
  return {
    groups: page.rows.map((row) => ({
      keys: Array.from({ length: keys }, (_, i) => text(row, `key_${i + 1}`)),
      count: BigInt(row.n as bigint | string | number),
    })),
    stats: queryStats(execution.stats),
  };
}
