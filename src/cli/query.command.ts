// `auditql query`: runs one GraphQL document in-process and prints the response JSON (exit 1 when it
// has errors); with --explain it runs nothing and prints the SQL each execution would run.
import { promises as fsp } from 'node:fs';
import { createApollo } from '../apollo';
import type { Config } from '../config';
import { createContext } from '../context';
import { ExplainEngine } from '../engine/explain.engine';
import type { QueryEngine } from '../engine/query-engine';

export interface QueryCommandInput {
  document: string;
  variables?: Record<string, unknown>;
  explain: boolean;
}

export interface QueryCommandOutput {
  json: unknown;
  ok: boolean;
}

export async function readDocument(file: string | undefined): Promise<string> {
  if (file && file !== '-') return fsp.readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function parseVariables(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    throw new Error(`--variables must be a JSON object: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('--variables must be a JSON object');
  return parsed as Record<string, unknown>;
}

export async function runQueryCommand(config: Config, input: QueryCommandInput, makeEngine: () => Promise<QueryEngine>): Promise<QueryCommandOutput> {
  if (input.document.trim() === '') throw new Error('no GraphQL document: pass a FILE or pipe one on standard input');
  const explainer = input.explain ? new ExplainEngine(config.engine) : undefined;
  const engine = explainer ?? (await makeEngine());
  const apollo = await createApollo(config.maxRootFields);
  await apollo.start();
  try {
    const response = await apollo.executeOperation(
      { query: input.document, variables: input.variables },
      { contextValue: createContext({ engine, config }) },
    );
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported by auditql query');
    const result = response.body.singleResult;
    const ok = !result.errors || result.errors.length === 0;
    if (explainer) return { json: { explain: explainer.explained, ...(ok ? {} : { errors: result.errors }) }, ok };
    return { json: result, ok };
  } finally {
    await apollo.stop();
    await engine.close();
  }
}
