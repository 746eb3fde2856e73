// Configuration from AUDITQL_* environment variables and CLI flags: one typed object, validated once.
import * as path from 'node:path';
import { parseS3AccessPrefixes } from './engine/duckdb/sources/s3access-layout';

export type EngineName = 'duckdb' | 'athena' | 'trino';

export interface Config {
  engine: EngineName;
  /** Folder laid out like the Log Archive bucket (holds AWSLogs/). */
  archiveDir: string;
  /** True when the archive folder was not configured: an empty default is filled with demo data. */
  archiveIsDefault: boolean;
  host: string;
  port: number;
  /** Bearer token clients must send; without one the server refuses non-loopback hosts. */
  apiToken?: string;
  maxWindowDays: number;
  maxPageSize: number;
  resultTtlSeconds: number;
  /** DuckDB connections, i.e. queries that run at once on the embedded engine. */
  maxConcurrentQueries: number;
  /** Root fields (aliases included) one GraphQL operation may ask for: each runs a query. */
  maxRootFields: number;
  /** Archive folders holding S3 server access logs (AWS fixes no prefix; ours is s3-access-logs). */
  s3AccessPrefixes: string[];
}

export const DEFAULT_ARCHIVE_DIR = path.join('.auditql', 'archive');

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return n;
}

export function engineName(raw: string | undefined): EngineName {
  const v = (raw ?? 'duckdb').toLowerCase();
  if (v === 'duckdb' || v === 'athena' || v === 'trino') return v;
  throw new Error(`engine must be one of duckdb, athena, trino; got "${raw}"`);
}

export interface ConfigOverrides {
  archiveDir?: string;
  host?: string;
  port?: number;
  engine?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: ConfigOverrides = {}): Config {
  const archive = overrides.archiveDir ?? env.AUDITQL_ARCHIVE;
  if (archive !== undefined && archive.trim() === '') {
    throw new Error('the archive folder is empty text: set AUDITQL_ARCHIVE (or --archive) to a folder, or unset it for the demo archive');
  }
  const portRaw = overrides.port ?? (env.AUDITQL_PORT || env.PORT ? Number(env.AUDITQL_PORT || env.PORT) : 4000);
  if (!Number.isInteger(portRaw) || portRaw < 0 || portRaw > 65535) {
    throw new Error(`port must be a whole number from 0 to 65535; got "${env.AUDITQL_PORT ?? env.PORT}"`);
  }
  return {
    engine: engineName(overrides.engine ?? env.AUDITQL_ENGINE),
    archiveDir: path.resolve(archive ?? DEFAULT_ARCHIVE_DIR),
    archiveIsDefault: archive === undefined,
    host: overrides.host ?? env.AUDITQL_HOST ?? '127.0.0.1',
    port: portRaw,
    apiToken: env.AUDITQL_API_TOKEN || undefined,
    maxWindowDays: intSetting(env, 'AUDITQL_MAX_WINDOW_DAYS', 31, 1, 3660),
    maxPageSize: intSetting(env, 'AUDITQL_MAX_PAGE_SIZE', 1000, 1, 100000),
    resultTtlSeconds: intSetting(env, 'AUDITQL_RESULT_TTL_SECONDS', 900, 1, 7 * 86400),
    maxConcurrentQueries: intSetting(env, 'AUDITQL_MAX_CONCURRENT_QUERIES', 4, 1, 64),
    maxRootFields: intSetting(env, 'AUDITQL_MAX_ROOT_FIELDS', 10, 1, 100),
    s3AccessPrefixes: parseS3AccessPrefixes(env.AUDITQL_S3_ACCESS_PREFIXES),
  };
}

/** Loopback addresses: the only ones the server binds to when no authentication is configured. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
