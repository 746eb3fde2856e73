// The real app over a freshly generated demo archive, for end-to-end and browser tests.
import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { generateDemoArchive } from '../../src/demo/demo-archive';
import { DuckDbEngine } from '../../src/engine/duckdb/duckdb.engine';
import { removeDir, tempDir } from './archive';

export interface TestApp {
  app: FastifyInstance;
  engine: DuckDbEngine;
  close(): Promise<void>;
  /** The 7 days before the demo's `now`, as the explorer's examples use. */
  window: { from: string; to: string };
}

export async function buildTestApp(options: { now?: Date; eventsPerDay?: number } = {}): Promise<TestApp> {
  const now = options.now ?? new Date();
  const root = await tempDir('auditql-demo-');
  // The whole demo archive (all four logs), so the explorer's examples for each log run over data.
  await generateDemoArchive(root, { now, days: 8, eventsPerDay: options.eventsPerDay ?? 400, seed: 7 });
  const engine = await DuckDbEngine.create({ archiveDir: root });
  const app = await buildApp({ engine, config: loadConfig({}, { archiveDir: root }) }, { now: () => now });
  return {
    app,
    engine,
    window: { from: new Date(now.getTime() - 7 * 86_400_000).toISOString(), to: now.toISOString() },
    async close() {
      await app.close();
      await engine.close();
      await removeDir(root);
    },
  };
}
