// The embedded engine: DuckDB over a local folder laid out like the Log Archive bucket. It runs the
// same SQL text Athena runs: per query it lists the window's files, binds `cloudtrail_logs` to them as
// a temp view with Athena's column names, installs Trino-compatible macros, and materialises the
// result once into its on-disk cache so every page is read from there.
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuditqlError, errorMessage } from '../../errors';
import type { LogTable, QueryPlan } from '../../query/query-plan';
import type { TimeWindow } from '../../query/time-window';
import { fillTemplate, loadSql, SQL_ROOT } from '../../query/sql-template';
import type { ExecuteOptions, Execution, Page, PagePosition, QueryEngine, ResultRow, SqlValue } from '../query-engine';
import type { ArchiveFile } from './archive-listing';
import { ConnectionPool } from './connection-pool';
import { FileHealthCache } from './file-health';
import type { LogSource } from './log-source';
import { cloudTrailSource } from './sources/cloudtrail.source';
import { albSource } from './sources/alb.source';
import { s3AccessSource } from './sources/s3access.source';
import { vpcFlowSource } from './sources/vpcflow.source';
import { ResultStore } from './result-store';

export interface DuckDbEngineOptions {
  archiveDir: string;
  resultTtlSeconds?: number;
  maxConcurrentQueries?: number;
  /** Folder for the result cache database; a fresh temporary folder by default. */
  cacheDir?: string;
  /** Readers to use instead of (or besides) the built-in ones, keyed by their table (tests, new logs). */
  sources?: readonly LogSource[];
}

type DuckParam = string | number | boolean | null;

/** The readers of every table the embedded engine serves. */
const BUILT_IN_SOURCES: readonly LogSource[] = [cloudTrailSource, vpcFlowSource, s3AccessSource, albSource];

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
    private readonly sources: ReadonlyMap<LogTable, LogSource>,
  ) {
    this.results = new ResultStore(ttlMs);
    this.health = new FileHealthCache(archiveDir, (c, sql) => rowsOf(c, sql));
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
    // macros.sql holds the shared Trino functions; macros.<log>.sql files add what one log's SQL needs.
    const macros = fs
      .readdirSync(path.join(SQL_ROOT, 'duckdb'))
      .filter((n) => /^macros(\.[\w-]+)?\.sql$/.test(n))
      .sort()
      .map((n) => loadSql(`duckdb/${n}`))
      .join(';\n');
    const pool = new ConnectionPool(instance, options.maxConcurrentQueries ?? 4, async (c) => {
      await c.run(macros);
    });
    const sources = new Map([...BUILT_IN_SOURCES, ...(options.sources ?? [])].map((s) => [s.table, s] as const));
    return new DuckDbEngine(instance, pool, archiveDir, cacheDir, ownsCacheDir, (options.resultTtlSeconds ?? 900) * 1000, sources);
  }

  private sourceOf(plan: QueryPlan): LogSource {
    const source = this.sources.get(plan.table);
    if (!source) throw new AuditqlError('INTERNAL', `the embedded engine has no reader for table ${plan.table}`);
    return source;
  }

  async execute(plan: QueryPlan, options: ExecuteOptions = {}): Promise<Execution> {
    const started = performance.now();
    this.executions++;
    const id = `duckdb-${randomUUID()}`;
    const table = `kept_results.r_${id.slice(7).replace(/-/g, '')}`;
    const source = this.sourceOf(plan);
    if (options.signal?.aborted) throw new AuditqlError('CANCELLED', 'the request was cancelled before the query started');
    const files = await source.listFiles(this.archiveDir, plan.window, plan.partitions);
    return this.pool.use(async (c) => {
      const onAbort = (): void => c.interrupt();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        if (options.signal?.aborted) throw new AuditqlError('CANCELLED', 'the request was cancelled before the query started');
        const health = await this.health.healthOf(c, source, files);
        const readable = files.filter((f) => health.get(f.key)?.readable === true).map((f) => (health.get(f.key)?.lenient ? { ...f, lenient: true } : f));
        let malformed = 0n;
        const malformedFiles: string[] = [];
        for (const f of files) {
          const h = health.get(f.key);
          if (h && h.malformed > 0) {
            malformed += BigInt(h.malformed);
            malformedFiles.push(f.key);
          }
        }
        const toRead = await this.prune(c, source, plan, readable, options);
        try {
          await c.run(source.viewSql(this.archiveDir, toRead, plan.sql));
          await c.run(`CREATE TABLE ${table} AS ${plan.sql}`, plan.params as never);
        } catch (e) {
          // A folder read whole may have gained a file since the listing; name every file and retry.
          if (options.signal?.aborted) throw e;
          await c.run(`DROP TABLE IF EXISTS ${table}`);
          await c.run(source.viewSql(this.archiveDir, toRead, plan.sql, true));
          await c.run(`CREATE TABLE ${table} AS ${plan.sql}`, plan.params as never);
        }
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

  /**
   * Late materialisation: when the caller filtered and the statement needs more columns than the
   * filter, first find the files holding a matching record with only the filter's columns, then
   * read just those files whole. A selective filter over a large window reads a fraction of the
   * archive's bytes in full; the statement that runs afterwards is unchanged.
   */
  private async prune(c: DuckDBConnection, source: LogSource, plan: QueryPlan, files: readonly ArchiveFile[], options: ExecuteOptions): Promise<readonly ArchiveFile[]> {
    if (!plan.prefilter || files.length === 0 || !source.readsLessFor(plan.prefilter, plan.sql)) return files;
    let hits: Record<string, unknown>[];
    try {
      await c.run(source.pruneViewSql?.(this.archiveDir, files, plan.prefilter) ?? source.viewSql(this.archiveDir, files, plan.prefilter));
      hits = await rowsOf(c, fillTemplate(loadSql('duckdb/prune_files.sql'), { table: plan.table, where: plan.prefilter }), plan.params as DuckParam[]);
    } catch (e) {
      // Pruning only saves work: when its read fails (a file delivered since the listing), read all.
      if (options.signal?.aborted) throw e;
      return files;
    }
    const keep = new Set(hits.map((h) => String(h.source_file)));
    return files.filter((f) => keep.has(f.key));
  }

  /**
   * Checks the files of a window ahead of the first query (server start-up does this for the last
   * week), so an explorer's first query does not pay for reading every file twice.
   */
  async warm(window: TimeWindow, tables: readonly LogTable[] = [...this.sources.keys()]): Promise<number> {
    let checked = 0;
    for (const table of tables) {
      const source = this.sources.get(table);
      if (!source) continue;
      const files = await source.listFiles(this.archiveDir, window, {});
      await this.pool.use((c) => this.health.healthOf(c, source, files));
      checked += files.length;
    }
    return checked;
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
