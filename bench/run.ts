// `npm run bench`: generates N CloudTrail events (default 1,000,000) in the bucket layout and times
// the same filtered count three ways in one run: auditql's GraphQL path on the embedded engine,
// DuckDB directly on the same files, and `zcat | jq`. Prints the ratios against the targets
// (auditql within 1.25x of direct DuckDB; at least 5x faster than jq) and checks all three agree.
import 'reflect-metadata';
import { DuckDBInstance } from '@duckdb/node-api';
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { createApollo } from '../src/apollo';
import { loadConfig } from '../src/config';
import { createContext } from '../src/context';
import { generateCloudTrailDemo } from '../src/demo/cloudtrail.generator';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb.engine';
import { benchLogScans } from './log-scans';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    days: { type: 'string', default: '10' },
    runs: { type: 'string', default: '5' },
    'skip-jq': { type: 'boolean', default: false },
    // Records a day for each of the VPC flow, S3 access and ALB rows (0 skips them).
    'log-records-per-day': { type: 'string', default: '20000' },
  },
});
const EVENTS = Number(values.events);
const DAYS = Number(values.days);
const RUNS = Number(values.runs);
// A fixed end makes the archive a pure function of the arguments, so it is generated once and reused.
const NOW = new Date('2026-11-30T23:00:00Z');
const FILTER_ERROR = 'AccessDenied';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

async function archive(): Promise<string> {
  const dir = path.join(os.tmpdir(), `auditql-bench-${EVENTS}-${DAYS}`);
  if (existsSync(path.join(dir, '.complete'))) return dir;
  await fsp.rm(dir, { recursive: true, force: true });
  const { ms, value } = await timed(() => generateCloudTrailDemo(dir, { days: DAYS, eventsPerDay: Math.ceil(EVENTS / DAYS), now: NOW, seed: 1 }));
  console.log(`generated ${value.events} events in ${value.files} files in ${(ms / 1000).toFixed(1)} s: ${dir}`);
  await fsp.writeFile(path.join(dir, '.complete'), '');
  return dir;
}

async function main(): Promise<void> {
  const root = await archive();
  const window = { from: new Date(NOW.getTime() - DAYS * 86_400_000).toISOString(), to: NOW.toISOString() };
  const query = `query($window: TimeWindow!) { cloudTrailEvents(window: $window, filter: { errorCode: "${FILTER_ERROR}" }, first: 0) { totalCount stats { filesRead } } }`;

  // auditql: the in-process GraphQL path (validation, planner, engine, result set), a fresh request each run.
  const engine = await DuckDbEngine.create({ archiveDir: root });
  const apollo = await createApollo();
  await apollo.start();
  const config = loadConfig({}, { archiveDir: root });
  const viaAuditql = async (): Promise<number> => {
    const res = await apollo.executeOperation({ query, variables: { window } }, { contextValue: createContext({ engine, config }) });
    if (res.body.kind !== 'single' || res.body.singleResult.errors) throw new Error(JSON.stringify(res.body));
    return Number((res.body.singleResult.data as { cloudTrailEvents: { totalCount: string } }).cloudTrailEvents.totalCount);
  };
  const cold = await timed(viaAuditql);

  // DuckDB directly: what a DuckDB user would write over the same files.
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const glob = path.join(root, 'AWSLogs', '**', 'CloudTrail', '*', '*', '*', '*', '*.json.gz');
  const directSql = `SELECT count(*) AS n FROM (SELECT unnest(Records) AS r FROM read_json('${glob}', columns = {Records: 'STRUCT(eventTime VARCHAR, errorCode VARCHAR)[]'}, format = 'unstructured')) WHERE r.errorCode = '${FILTER_ERROR}'`;
  const viaDuckDb = async (): Promise<number> => Number((await c.runAndReadAll(directSql)).getRowObjectsJS()[0]!.n);
  await viaDuckDb(); // the OS page cache holds the files for both from here on

  // Interleaved, so a change in the machine's load touches both sides alike.
  const warm: number[] = [];
  const direct: number[] = [];
  let directCount = 0;
  for (let i = 0; i < RUNS; i++) {
    warm.push((await timed(viaAuditql)).ms);
    const r = await timed(viaDuckDb);
    direct.push(r.ms);
    directCount = r.value;
  }

  // jq: the shell baseline many responders start from.
  let jq: { ms: number; value: number } | null = null;
  if (!values['skip-jq']) {
    jq = await timed(async () =>
      Number(
        execFileSync('bash', ['-c', `find ${JSON.stringify(root)} -path '*/CloudTrail/*' -name '*.json.gz' -print0 | xargs -0 zcat | jq -n '[inputs | .Records[] | select(.errorCode == "${FILTER_ERROR}")] | length'`], { maxBuffer: 1 << 20 }).toString().trim(),
      ),
    );
  }

  const a = median(warm);
  const d = median(direct);
  console.log(`\nfiltered count (errorCode = ${FILTER_ERROR}) over ${EVENTS} events, ${DAYS} days, median of ${RUNS}`);
  console.log(`  auditql (GraphQL → DuckDB engine)  warm ${a.toFixed(0)} ms   cold ${cold.ms.toFixed(0)} ms (first query checks every file once)   count ${cold.value}`);
  console.log(`  DuckDB directly                    ${d.toFixed(0)} ms   count ${directCount}`);
  if (jq) console.log(`  zcat | jq                          ${jq.ms.toFixed(0)} ms   count ${jq.value}`);
  console.log(`\n  auditql / DuckDB = ${(a / d).toFixed(2)}x   (target ≤ 1.25x) ${a / d <= 1.25 ? 'MET' : 'MISSED'}`);
  if (jq) console.log(`  jq / auditql     = ${(jq.ms / a).toFixed(1)}x   (target ≥ 5x) ${jq.ms / a >= 5 ? 'MET' : 'MISSED'}`);
  console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  const agree = cold.value === directCount && (!jq || jq.value === directCount);
  console.log(`  counts agree: ${agree ? 'yes' : 'NO'}`);
  await apollo.stop();
  await engine.close();
  c.closeSync();
  db.closeSync();
  if (!agree) process.exitCode = 1;
  const perDay = Number(values['log-records-per-day']);
  if (perDay > 0) await benchLogScans(perDay, DAYS, NOW);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
