// The embedded engine: DuckDB over a local folder laid out like the Log Archive bucket. It runs the
// same SQL text Athena runs: per query it lists the window's files, binds `cloudtrail_logs` to them as
// a temp view with Athena's column names, installs Trino-compatible macros, and materialises the
// result once into its on-disk cache so every page is read from there.
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { randomUUID } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuditqlError, errorMessage } from '../../errors';
import type { QueryPlan } from '../../query/query-plan';
import { fillTemplate, loadSql } from '../../query/sql-template';
import { sqlString } from '../../query/sql-literal';
import type { ExecuteOptions, Execution, Page, PagePosition, QueryEngine, ResultRow, SqlValue } from '../query-engine';
import { ArchiveFile, listCloudTrailFiles } from './archive-listing';
import { ConnectionPool } from './connection-pool';
import { columnsUsedBy, recordType, selectList } from './cloudtrail-columns';
import { cloudTrailSource, FileHealthCache } from './file-health';
import { ResultStore } from './result-store';

export interface DuckDbEngineOptions {
  archiveDir: string;
  resultTtlSeconds?: number;
  maxConcurrentQueries?: number;
  /** Folder for the result cache database; a fresh temporary folder by default. */
  cacheDir?: string;
}

type DuckParam = string | number | boolean | null;

async function rowsOf(c: DuckDBConnection, sql: string, params?: DuckParam[]): Promise<Record<string, unknown>[]> {
  const reader = await c.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

function toSqlValue(v: unknown): SqlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v;
  return JSON.stringify(v);
}

export class DuckDbEngine implements QueryEngine {
  readonly name = 'duckdb' as const;
  /** Executions started (a test hook: paging must never add to it). */
  executions = 0;
  private readonly results: ResultStore;
  private readonly health: FileHealthCache;
  private readonly sweeper: NodeJS.Timeout;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly pool: ConnectionPool,
    private readonly archiveDir: string,
    private readonly cacheDir: string,
    private readonly ownsCacheDir: boolean,
    ttlMs: number,
  ) {
    this.results = new ResultStore(ttlMs);
    this.health = new FileHealthCache((c, sql) => rowsOf(c, sql));
    this.sweeper = setInterval(() => void this.sweep(), Math.min(ttlMs, 60_000));
    this.sweeper.unref();
  }

  static async create(options: DuckDbEngineOptions): Promise<DuckDbEngine> {
    const archiveDir = path.resolve(options.archiveDir);
    const ownsCacheDir = options.cacheDir === undefined;
    const cacheDir = options.cacheDir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), 'auditql-cache-')));
    const instance = await DuckDBInstance.create(path.join(cacheDir, 'auditql-cache.duckdb'));
    const setup = await instance.connect();
    try {
      // IPADDRESS is a real type on Trino; here it is text that the contains() macro parses.
      await setup.run('CREATE SCHEMA IF NOT EXISTS kept_results');
      const types = await rowsOf(setup, "SELECT 1 FROM duckdb_types() WHERE type_name = 'ipaddress'");
      if (types.length === 0) await setup.run('CREATE TYPE ipaddress AS VARCHAR');
    } finally {
      setup.closeSync();
    }
    const macros = loadSql('duckdb/macros.sql');
    const pool = new ConnectionPool(instance, options.maxConcurrentQueries ?? 4, async (c) => {
      await c.run(`SET file_search_path = ${sqlString(archiveDir)}`);
      await c.run(macros);
    });
    return new DuckDbEngine(instance, pool, archiveDir, cacheDir, ownsCacheDir, (options.resultTtlSeconds ?? 900) * 1000);
  }

  async listFiles(plan: QueryPlan): Promise<ArchiveFile[]> {
    return listCloudTrailFiles(this.archiveDir, plan.window, plan.partitions);
  }

  async execute(plan: QueryPlan, options: ExecuteOptions = {}): Promise<Execution> {
    const started = performance.now();
    this.executions++;
    const id = `duckdb-${randomUUID()}`;
    const table = `kept_results.r_${id.slice(7).replace(/-/g, '')}`;
    const files = await this.listFiles(plan);
    return this.pool.use(async (c) => {
      const onAbort = (): void => c.interrupt();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        if (options.signal?.aborted) throw new AuditqlError('CANCELLED', 'the request was cancelled before the query started');
        const health = await this.health.healthOf(c, files);
        const readable = files.filter((f) => health.get(f.key)?.readable === true);
        let malformed = 0n;
        const malformedFiles: string[] = [];
        for (const f of files) {
          const h = health.get(f.key);
          if (h && h.malformed > 0) {
            malformed += BigInt(h.malformed);
            malformedFiles.push(f.key);
          }
        }
        const columns = columnsUsedBy(plan.sql);
        await c.run(fillTemplate(loadSql('duckdb/cloudtrail_logs.view.sql'), { columns: selectList(columns), source: cloudTrailSource(readable, recordType(columns)) }));
        await c.run(`CREATE TABLE ${table} AS ${plan.sql}`, plan.params as never);
        const count = await rowsOf(c, `SELECT count(*) AS n FROM ${table}`);
        const execution: Execution = {
          id,
          plan,
          stats: {
            engine: 'duckdb',
            executionId: id,
            elapsedMs: performance.now() - started,
            filesRead: readable.length,
            bytesScanned: readable.reduce((sum, f) => sum + BigInt(f.size), 0n),
            rowsMatched: BigInt(count[0]?.n as bigint),
            malformedRecords: malformed,
            malformedFiles,
            sql: plan.sql,
            params: plan.params,
          },
        };
        this.results.add(execution, table);
        return execution;
      } catch (e) {
        if (e instanceof AuditqlError) throw e;
        if (options.signal?.aborted) throw new AuditqlError('CANCELLED', 'the request was cancelled; the query was interrupted');
        throw new AuditqlError('ENGINE_FAILED', `DuckDB could not run ${plan.operation}: ${errorMessage(e).split('\n')[0]}`);
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
    });
  }

  async execution(id: string): Promise<Execution> {
    return this.results.get(id).execution;
  }

  async readPage(id: string, position: PagePosition, limit: number): Promise<Page> {
    const { table } = this.results.get(id);
    // One row more than asked tells whether another page exists without a second count.
    const rows = await this.pool.use((c) => rowsOf(c, `SELECT * FROM ${table} LIMIT ? OFFSET ?`, [limit + 1, position.offset]));
    const more = rows.length > limit;
    const page = rows.slice(0, limit).map((r) => {
      const out: ResultRow = {};
      for (const [k, v] of Object.entries(r)) out[k] = toSqlValue(v);
      return out;
    });
    const end = position.offset + page.length;
    return { rows: page, next: more ? { offset: end } : null };
  }

  private async sweep(): Promise<void> {
    const gone = this.results.sweep();
    if (gone.length === 0) return;
    await this.pool.use(async (c) => {
      for (const t of gone) await c.run(`DROP TABLE IF EXISTS ${t}`);
    }).catch(() => undefined);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.pool.close();
    this.instance.closeSync();
    if (this.ownsCacheDir) await fsp.rm(this.cacheDir, { recursive: true, force: true });
  }
}
