// Chooses and builds the configured engine. Only the embedded engine exists in this version; the
// Athena and Trino engines plug in here (issue 4) behind the same QueryEngine interface.
import type { Config } from '../config';
import { DuckDbEngine } from './duckdb/duckdb.engine';
import { createS3AccessSource } from './duckdb/sources/s3access.source';
import type { QueryEngine } from './query-engine';

export async function createEngine(config: Config): Promise<QueryEngine> {
  if (config.engine !== 'duckdb') {
    throw new Error(`engine "${config.engine}" is not available in this version of auditql; use --engine duckdb (the default)`);
  }
  return DuckDbEngine.create({
    archiveDir: config.archiveDir,
    resultTtlSeconds: config.resultTtlSeconds,
    maxConcurrentQueries: config.maxConcurrentQueries,
    sources: [createS3AccessSource(config.s3AccessPrefixes)],
  });
}
