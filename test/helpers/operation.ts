// Runs one GraphQL operation in-process against an engine over an archive, as the HTTP app would.
import type { ApolloServer } from '@apollo/server';
import { loadConfig } from '../../src/config';
import { AppContext, createContext } from '../../src/context';
import type { QueryEngine } from '../../src/engine/query-engine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results are untyped JSON; each test reads the fields it asked for.
export type OperationResult = { data?: any; errors?: readonly any[] };

export async function runOperation(apollo: ApolloServer<AppContext>, engine: QueryEngine, root: string, query: string, variables: Record<string, unknown>): Promise<OperationResult> {
  const res = await apollo.executeOperation({ query, variables }, { contextValue: createContext({ engine, config: loadConfig({}, { archiveDir: root }) }) });
  if (res.body.kind !== 'single') throw new Error('unexpected incremental result');
  return res.body.singleResult;
}
