// The ALB demo archive: deterministic bytes, AWS's names and layout, the demo world's cast, every
// feature the evidence queries and the reader need, and NLB files beside it that the reader skips.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDbEngine } from '../engine/duckdb/duckdb.engine';
import { albSource } from '../engine/duckdb/sources/alb.source';
import { ALB_COLUMNS, ALB_LINE_PATTERN } from '../query/alb-table';
import { albCountsPlan, albRequestsPlan } from '../query/alb.planner';
import { generateAlbDemo, type AlbDemoSummary } from './alb.generator';
import { ALB_LOG_KEY, NLB_LOG_KEY } from './alb.layout';
import { DEMO_ACCOUNT_IDS, DEMO_IP_LIST, roamingIpForDay } from './demo-world';
import { listFiles } from '../../test/helpers/tree';

const NOW = new Date('2024-03-10T13:37:00Z');
const OPTIONS = { days: 3, requestsPerDay: 400, seed: 7, now: NOW } as const;
const RE = new RegExp(ALB_LINE_PATTERN);

async function digestOf(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const key of await listFiles(root)) out.set(key, createHash('sha256').update(await readFile(path.join(root, key))).digest('hex'));
  return out;
}

type Parsed = Record<string, string | undefined> & { line: string; key: string };

function parse(line: string, key: string): Parsed | null {
  const m = RE.exec(line);
  if (!m) return null;
  const out: Parsed = { line, key };
  ALB_COLUMNS.forEach((c, i) => (out[c.name] = m[i + 1]));
  return out;
}

describe('generateAlbDemo', () => {
  const dirs: string[] = [];
  let summary: AlbDemoSummary;
  let root: string;
  let keys: string[];
  let rows: Parsed[];

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'auditql-alb-demo-'));
    dirs.push(root);
    summary = await generateAlbDemo(root, OPTIONS);
    keys = await listFiles(root);
    rows = [];
    for (const key of keys.filter((k) => ALB_LOG_KEY.test(k))) {
      for (const line of gunzipSync(await readFile(path.join(root, key))).toString('utf8').split('\n')) {
        if (line === '') continue;
        const p = parse(line, key);
        expect({ key, line, parsed: p !== null }).toEqual({ key, line, parsed: true });
        rows.push(p!);
      }
    }
  });

  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('writes ALB files in AWS\'s layout and names, with NLB files beside them', () => {
    const alb = keys.filter((k) => ALB_LOG_KEY.test(k));
    const nlb = keys.filter((k) => NLB_LOG_KEY.test(k));
    expect(alb.length + nlb.length).toBe(keys.length);
    expect(alb).toHaveLength(summary.files);
    expect(nlb).toHaveLength(summary.nlbFiles);
    expect(summary.nlbFiles).toBeGreaterThan(0);
    expect(rows).toHaveLength(summary.requests);
    expect(new Set(alb.map((k) => ALB_LOG_KEY.exec(k)![1]))).toEqual(new Set([DEMO_ACCOUNT_IDS.production]));
    expect(new Set(alb.map((k) => ALB_LOG_KEY.exec(k)![2]))).toEqual(new Set(['us-east-1', 'eu-west-1']));
    expect(new Set(nlb.map((k) => path.dirname(k)))).toEqual(new Set(alb.filter((k) => k.includes('/us-east-1/')).map((k) => path.dirname(k))));
    // Each line lies in the hour its file's name ends, the file in the folder of that end's date (the
    // delivery date: the hour before midnight is in the next day's folder), and nothing after `now`.
    for (const r of rows) {
      const m = ALB_LOG_KEY.exec(r.key)!;
      const end = Date.parse(m[8]!.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:00Z'));
      expect(Date.parse(r.time!)).toBeGreaterThanOrEqual(end - 3_600_000);
      expect(Date.parse(r.time!)).toBeLessThan(end);
      expect(Date.parse(r.time!)).toBeLessThan(NOW.getTime());
    }
    expect(alb.some((k) => k.includes('T0000Z_'))).toBe(true);
    expect(summary.loadBalancers).toEqual(['app/examplecorp-prod-web/3f9a1c5e7b2d4a60', 'app/examplecorp-prod-api/8e4b2d6f0a1c3e57']);
  });

  it('is deterministic, and the time of day of `now` only cuts today', async () => {
    const again = await mkdtemp(path.join(os.tmpdir(), 'auditql-alb-demo-'));
    const later = await mkdtemp(path.join(os.tmpdir(), 'auditql-alb-demo-'));
    dirs.push(again, later);
    await generateAlbDemo(again, OPTIONS);
    await generateAlbDemo(later, { ...OPTIONS, now: new Date('2024-03-10T22:05:00Z') });
    const [a, b, c] = await Promise.all([digestOf(root), digestOf(again), digestOf(later)]);
    expect(b).toEqual(a);
    for (const [key, hash] of a) expect(c.get(key)).toBe(hash);
    expect(c.size).toBeGreaterThan(a.size);
  });

  it('draws its clients from the demo world', () => {
    const known = new Set([...DEMO_IP_LIST, ...[0, 1, 2].map((d) => roamingIpForDay(Math.floor(NOW.getTime() / 86_400_000) - d))]);
    expect(rows.filter((r) => !known.has(r.client_ip!))).toEqual([]);
  });

  it('holds every listener type, status class, `-` target, -1 timing, TLS 1.0 and the odd lines', () => {
    const count = (p: (r: Parsed) => boolean): number => rows.filter(p).length;
    for (const type of ['http', 'https', 'h2', 'grpcs', 'ws', 'wss']) expect({ type, n: count((r) => r.type === type) > 0 }).toEqual({ type, n: true });
    for (const cls of ['1', '2', '3', '4', '5']) expect({ cls, n: count((r) => r.elb_status_code?.[0] === cls) > 0 }).toEqual({ cls, n: true });
    expect(count((r) => r.target_ip === undefined)).toBeGreaterThan(0);
    expect(count((r) => r.request_processing_time === '-1' && r.target_processing_time === '-1')).toBeGreaterThan(0);
    expect(count((r) => r.ssl_protocol === 'TLSv1')).toBe(18);
    expect(count((r) => r.ssl_protocol === 'TLSv1.1')).toBe(6);
    // The scanner comes by day (08:00–20:00): today's visit may lie after the cut at 13:37.
    expect(count((r) => r.line.includes('"- - -"'))).toBeGreaterThanOrEqual(2);
    expect(count((r) => r.request_url?.includes(' ') === true && r.classification_reason === 'SpaceInUri')).toBeGreaterThanOrEqual(2);
    expect(count((r) => r.user_agent?.includes('\\"Nuclei\\"') === true)).toBeGreaterThan(0);
    expect(count((r) => r.request_transform_status === 'TransformSuccess')).toBeGreaterThan(0);
    expect(count((r) => r.conn_trace_id?.startsWith('TID_') === true)).toBe(rows.length);
    // One line a day from a "newer" ALB: its extra fields follow the last known one and are ignored.
    const newer = rows.filter((r) => r.line.endsWith('"x-new-field" "-"'));
    expect(newer).toHaveLength(3);
    expect(newer.map((r) => [r.request_transform_status, r.conn_trace_id?.slice(0, 4)])).toEqual([[undefined, 'TID_'], [undefined, 'TID_'], [undefined, 'TID_']]);
  });

  it('reads back whole through the engine: every request, no malformed line, NLB files unread', async () => {
    const engine = await DuckDbEngine.create({ archiveDir: root, sources: [albSource] });
    try {
      const window = { from: summary.from, to: summary.to };
      const x = await engine.execute(albRequestsPlan(window, null));
      expect(x.stats).toMatchObject({ rowsMatched: BigInt(summary.requests), filesRead: summary.files, malformedRecords: 0n, malformedFiles: [] });
      const weak = await engine.execute(albCountsPlan(window, { sslProtocols: ['TLSv1', 'TLSv1.1'] }, ['CLIENT_IP', 'SSL_PROTOCOL'], 10));
      expect((await engine.readPage(weak.id, { offset: 0 }, 10)).rows).toEqual([
        { key_1: '198.51.100.50', key_2: 'TLSv1', n: 18n },
        { key_1: '198.51.100.50', key_2: 'TLSv1.1', n: 6n },
      ]);
    } finally {
      await engine.close();
    }
  });
});
