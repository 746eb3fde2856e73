// Per-request DataLoaders. `execution` coalesces identical executions (same SQL, same parameters)
// within one GraphQL request: two aliases asking for the same events run one query.
import DataLoader from 'dataloader';
import type { Execution, QueryEngine } from '../engine/query-engine';
import type { QueryPlan } from '../query/query-plan';

export interface Loaders {
  execution: DataLoader<QueryPlan, Execution, string>;
}

export function createLoaders(engine: QueryEngine, signal: AbortSignal): Loaders {
  return {
    execution: new DataLoader<QueryPlan, Execution, string>(
      // Each plan settles on its own: one failing query must not fail its neighbours in the batch.
      (plans) => Promise.all(plans.map((p) => engine.execute(p, { signal }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))))),
      { cacheKeyFn: (p) => p.fingerprint },
    ),
  };
}
