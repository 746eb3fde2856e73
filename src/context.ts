// The per-request context: the engine, the configuration, this request's DataLoaders and the signal
// that fires when the client goes away. Loaders are made here, per request, never at module level.
import type { Config } from './config';
import type { QueryEngine } from './engine/query-engine';
import { createLoaders, Loaders } from './resolvers/loaders';

export interface AppDeps {
  engine: QueryEngine;
  config: Config;
}

export interface AppContext extends AppDeps {
  loaders: Loaders;
  signal: AbortSignal;
}

export function createContext(deps: AppDeps, signal: AbortSignal = new AbortController().signal): AppContext {
  return { ...deps, signal, loaders: createLoaders(deps.engine, signal) };
}
