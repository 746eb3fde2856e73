// `npm run bench` rows for VPC Flow, S3 server access and ALB logs: a raw scan of every record in a
// 10-day archive through auditql's GraphQL path (a count grouped by day) against DuckDB directly on
// the same files, in records per second. The direct queries are what a DuckDB user would write:
// read_csv with each file's header for VPC flows; the log's own regular expression over each line
// for S3 access and ALB logs.
import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createApollo } from '../src/apollo';
import { loadConfig } from '../src/config';
import { createContext } from '../src/context';
import { generateAlbDemo } from '../src/demo/alb.generator';
import { generateS3AccessDemo } from '../src/demo/s3access.generator';
import { generateVpcFlowDemo } from '../src/demo/vpcflow.generator';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb.engine';
import { sqlString } from '../src/query/sql-literal';
import { ALB_LINE_PATTERN } from '../src/query/alb-table';
import { S3_ACCESS_LINE_PATTERN } from '../src/query/s3access.line-format';

interface LogBench {
  name: string;
  generate(dir: string, perDay: number, days: number, now: Date): Promise<unknown>;
  query: string;
  total(data: Record<string, { groups: { count: string }[] }>): number;
  direct(root: string): string;
}

const LINES = (files: string): string => `read_csv(${files}, columns = {'line': 'VARCHAR'}, delim = chr(31), quote = '', escape = '', header = false, auto_detect = false)`;

const LOGS: LogBench[] = [
  {
    name: 'VPC Flow Logs',
    generate: (dir, perDay, days, now) => generateVpcFlowDemo(dir, { recordsPerDay: perDay, days, now, seed: 1 }),
    query: 'query($window: TimeWindow!) { c: vpcFlowCounts(window: $window, groupBy: [DAY], top: 100) { groups { count } } }',
    total: (d) => d.c!.groups.reduce((s, g) => s + Number(g.count), 0),
    // Text files only (the demo writes no Parquet); each file's header names its columns.
    direct: (root) => `SELECT count(*) AS n FROM read_csv(${sqlString(path.join(root, 'AWSLogs', '**', '*.log.gz'))}, delim = ' ', header = true, union_by_name = true, nullstr = '-', all_varchar = true)`,
  },
  {
    name: 'S3 server access logs',
    generate: (dir, perDay, days, now) => generateS3AccessDemo(dir, { requestsPerDay: perDay, days, now, seed: 1 }),
    query: 'query($window: TimeWindow!) { c: s3AccessCounts(window: $window, groupBy: [DAY], top: 100) { groups { count } } }',
    total: (d) => d.c!.groups.reduce((s, g) => s + Number(g.count), 0),
    direct: (root) => `SELECT count(*) AS n FROM ${LINES(sqlString(path.join(root, 's3-access-logs', '**', '*')))} WHERE regexp_matches(line, ${sqlString(S3_ACCESS_LINE_PATTERN)})`,
  },
  {
    name: 'ALB access logs',
    generate: (dir, perDay, days, now) => generateAlbDemo(dir, { requestsPerDay: perDay, days, now, seed: 1 }),
    query: 'query($window: TimeWindow!) { c: albCounts(window: $window, groupBy: [DAY], top: 100) { groups { count } } }',
    total: (d) => d.c!.groups.reduce((s, g) => s + Number(g.count), 0),
    direct: (root) => `SELECT count(*) AS n FROM ${LINES(sqlString(path.join(root, 'AWSLogs', '**', '*_app.*.log.gz')))} WHERE regexp_matches(line, ${sqlString(ALB_LINE_PATTERN)})`,
  },
];

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

export async function benchLogScans(perDay: number, days: number, now: Date): Promise<void> {
  console.log(`\nraw scans, ${days} days, ~${perDay} records a day per log (records/s; warm, best of 2)`);
  for (const log of LOGS) {
    const root = path.join(os.tmpdir(), `auditql-bench-${log.name.replace(/\W+/g, '-')}-${perDay}-${days}`);
    if (!existsSync(path.join(root, '.complete'))) {
      await fsp.rm(root, { recursive: true, force: true });
      await log.generate(root, perDay, days, now);
      await fsp.writeFile(path.join(root, '.complete'), '');
    }
    const window = { from: new Date(now.getTime() - days * 86_400_000).toISOString(), to: now.toISOString() };
    const engine = await DuckDbEngine.create({ archiveDir: root });
    const apollo = await createApollo();
    await apollo.start();
    const config = loadConfig({}, { archiveDir: root });
    const viaAuditql = async (): Promise<number> => {
      const res = await apollo.executeOperation({ query: log.query, variables: { window } }, { contextValue: createContext({ engine, config }) });
      if (res.body.kind !== 'single' || res.body.singleResult.errors) throw new Error(JSON.stringify(res.body));
      return log.total(res.body.singleResult.data as Record<string, { groups: { count: string }[] }>);
    };
    await viaAuditql(); // checks every file once
    const a = [await timed(viaAuditql), await timed(viaAuditql)].sort((x, y) => x.ms - y.ms)[0]!;
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const sql = log.direct(root);
    const viaDuckDb = async (): Promise<number> => Number((await c.runAndReadAll(sql)).getRowObjectsJS()[0]!.n);
    const d = [await timed(viaDuckDb), await timed(viaDuckDb)].sort((x, y) => x.ms - y.ms)[0]!;
    const rate = (n: number, ms: number): string => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} records/s`;
    console.log(`  ${log.name.padEnd(22)} auditql ${rate(a.value, a.ms).padStart(20)} (${a.value} records, ${a.ms.toFixed(0)} ms)   DuckDB directly ${rate(d.value, d.ms).padStart(20)} (${d.value} lines)   auditql/DuckDB time ${(a.ms / d.ms).toFixed(2)}x`);
    await apollo.stop();
    await engine.close();
    c.closeSync();
    db.closeSync();
  }
}
