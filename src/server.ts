// The process: reads configuration, prepares the archive, builds the engine and the app, listens,
// and shuts down cleanly on SIGINT/SIGTERM. Refuses to expose an unauthenticated API beyond loopback.
import { Config, isLoopback } from './config';
import { buildApp } from './app';
import { prepareArchive } from './demo/prepare-archive';
import { createEngine } from './engine/create-engine';
import { DuckDbEngine } from './engine/duckdb/duckdb.engine';

export async function startServer(config: Config): Promise<void> {
  if (!config.apiToken && !isLoopback(config.host)) {
    throw new Error(
      `refusing to listen on ${config.host} without authentication: set AUDITQL_API_TOKEN (clients then send "Authorization: Bearer <token>"), or listen on 127.0.0.1`,
    );
  }
  const log = (line: string): void => console.log(`auditql: ${line}`);
  if (config.engine === 'duckdb') await prepareArchive(config, log);
  const engine = await createEngine(config);
  const app = await buildApp({ engine, config });
  app.addHook('onClose', async () => engine.close());
  const address = await app.listen({ host: config.host, port: config.port });
  log(`GraphQL API and explorer at ${address.replace('[::1]', 'localhost')}/graphql (engine ${engine.name}${config.apiToken ? ', bearer token required' : ', loopback only'})`);
  if (engine instanceof DuckDbEngine) {
    const week = { from: new Date(Date.now() - 7 * 86_400_000), to: new Date() };
    const started = Date.now();
    engine.warm(week).then(
      (n) => log(`checked ${n} log files of the last 7 days in ${((Date.now() - started) / 1000).toFixed(1)} s`),
      (e: unknown) => log(`warning: could not check the last 7 days' files ahead of queries: ${e instanceof Error ? e.message : String(e)}`),
    );
  }
  const stop = (signal: string): void => {
    log(`${signal}: shutting down`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
