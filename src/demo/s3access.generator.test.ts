import { readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { tempDir } from '../../test/helpers/archive';
import { DuckDbEngine } from '../engine/duckdb/duckdb.engine';
import { s3AccessSource } from '../engine/duckdb/sources/s3access.source';
import { deliveryTimeOfName, fileInfoOfKey } from '../engine/duckdb/sources/s3access-layout';
import { s3AccessCountsPlan, s3AccessRequestsPlan } from '../query/s3access.planner';
import { DEMO_BUCKETS, DEMO_IP_LIST, DEMO_PRINCIPALS, roamingIpForDay } from './demo-world';
import { generateS3AccessDemo, type S3AccessDemoSummary } from './s3access.generator';
import { canonicalUserId } from './s3access.line';
import { PARTNER_REQUESTER, SCANNER_USER_AGENT } from './s3access.traffic';
import { epochDay } from './time';
import { listFiles, treeDigest as digest } from '../../test/helpers/tree';

const NOW = new Date('2024-03-10T13:37:00Z');
const OPTIONS = { days: 4, requestsPerDay: 400, seed: 7, now: NOW } as const;

describe('generateS3AccessDemo', () => {
  const dirs: string[] = [];
  let dir: string;
  let summary: S3AccessDemoSummary;
  let keys: string[];
  let lines: string[];
  let engine: DuckDbEngine;

  beforeAll(async () => {
    dir = await tempDir('auditql-s3-demo-');
    dirs.push(dir);
    summary = await generateS3AccessDemo(dir, OPTIONS);
    keys = await listFiles(dir);
    lines = (await Promise.all(keys.map((k) => readFile(path.join(dir, k), 'utf8')))).flatMap((t) => t.split('\n').filter((l) => l !== ''));
    engine = await DuckDbEngine.create({ archiveDir: dir, sources: [s3AccessSource] });
  });

  afterAll(async () => {
    await engine?.close();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('is a pure function of its options', async () => {
    const again = await tempDir('auditql-s3-demo-');
    const other = await tempDir('auditql-s3-demo-');
    dirs.push(again, other);
    await generateS3AccessDemo(again, OPTIONS);
    await generateS3AccessDemo(other, { ...OPTIONS, seed: 8 });
    expect(await digest(again)).toBe(await digest(dir));
    expect(await digest(other)).not.toBe(await digest(dir));
  });

  it('keeps the objects delivered before a later `now` unchanged', async () => {
    const later = await tempDir('auditql-s3-demo-');
    dirs.push(later);
    await generateS3AccessDemo(later, { ...OPTIONS, now: new Date(NOW.getTime() + 3 * 3_600_000) });
    const laterKeys = await listFiles(later);
    expect(laterKeys.length).toBeGreaterThan(keys.length);
    for (const key of keys) expect(await readFile(path.join(later, key))).toEqual(await readFile(path.join(dir, key)));
  });

  it('writes both layouts under s3-access-logs/, objects named by their delivery time, none after now', () => {
    expect(summary).toMatchObject({ dir: path.resolve(dir), files: keys.length, requests: lines.length, from: new Date('2024-03-07T00:00:00Z'), to: NOW });
    expect(keys.every((k) => k.startsWith('s3-access-logs/'))).toBe(true);
    const layouts = new Set(keys.map((k) => (fileInfoOfKey(k)?.account ? 'date-based' : k.split('/').length === 3 ? 'simple in a bucket folder' : 'simple')));
    expect([...layouts].sort()).toEqual(['date-based', 'simple', 'simple in a bucket folder']);
    for (const k of keys) {
      const delivered = deliveryTimeOfName(k.slice(k.lastIndexOf('/') + 1));
      expect(delivered).not.toBeNull();
      expect(delivered!).toBeLessThanOrEqual(NOW.getTime());
    }
    // The last hour of a day is delivered the next day; with event-time folders it stays in its day's folder.
    expect(keys.some((k) => /\/2024\/03\/07\/2024-03-08-00-/.test(k))).toBe(true);
  });

  it('holds current, older and newer line formats, quoted fields with spaces and escaped quotes', () => {
    const fieldCounts = new Set(lines.map((l) => l.replace(/"(?:[^"\\]|\\.)*"/g, 'Q').replace(/\[[^\]]*\]/, 'T').split(' ').length));
    expect([...fieldCounts].sort((a, b) => a - b)).toEqual([18, 24, 27, 29]);
    expect(lines.some((l) => l.includes(`"${SCANNER_USER_AGENT.replace(/"/g, '\\"')}"`))).toBe(true);
    expect(lines.some((l) => / exports\/Q4\+summary\.pdf "GET \/exports\/Q4%20summary\.pdf\?x-id=GetObject HTTP\/1\.1" /.test(l))).toBe(true);
  });

  it('parses every line through the engine, with nothing malformed', async () => {
    const x = await engine.execute(s3AccessRequestsPlan({ from: summary.from, to: new Date(NOW.getTime() + 1) }, null));
    expect(x.stats.malformedRecords).toBe(0n);
    expect(x.stats.rowsMatched).toBe(BigInt(summary.requests));
    expect(x.stats.filesRead).toBe(summary.files);
  });

  it('uses the demo world: its buckets, owners, principals and addresses', async () => {
    const window = { from: summary.from, to: new Date(NOW.getTime() + 1) };
    const values = async (groupBy: 'BUCKET' | 'REQUESTER' | 'REMOTE_IP'): Promise<string[]> => {
      const x = await engine.execute(s3AccessCountsPlan(window, null, [groupBy], 1000));
      return (await engine.readPage(x.id, { offset: 0 }, 1000)).rows.map((r) => String(r.key_1));
    };
    expect((await values('BUCKET')).sort()).toEqual(DEMO_BUCKETS.map((b) => b.name).sort());
    const principals = new Set([...DEMO_PRINCIPALS.map((p) => p.arn), PARTNER_REQUESTER, 'null', 'AmazonS3', 'svc:cloudtrail.amazonaws.com', 'svc:delivery.logs.amazonaws.com', 'svc:guardduty.amazonaws.com']);
    expect((await values('REQUESTER')).filter((r) => !principals.has(r))).toEqual([]);
    const days = [0, 1, 2, 3].map((d) => roamingIpForDay(epochDay(summary.from.getTime()) + d));
    const known = new Set([...DEMO_IP_LIST, ...days, 'null']);
    expect((await values('REMOTE_IP')).filter((ip) => !known.has(ip) && !/^203\.0\.113\.(1[5-9]\d|2[0-5]\d)$/.test(ip))).toEqual([]);
    expect(lines.every((l) => DEMO_BUCKETS.some((b) => l.startsWith(`${canonicalUserId(b.accountId)} ${b.name} `)))).toBe(true);
  });

  it('holds the findings evidence queries look for', async () => {
    const window = { from: summary.from, to: new Date(NOW.getTime() + 1) };
    const count = async (filter: Parameters<typeof s3AccessRequestsPlan>[1]): Promise<bigint> => (await engine.execute(s3AccessRequestsPlan(window, filter))).stats.rowsMatched;
    expect(await count({ httpStatuses: [403], errorCodes: ['AccessDenied'] })).toBeGreaterThan(0n);
    expect(await count({ httpStatuses: [404], errorCodes: ['NoSuchKey'] })).toBeGreaterThan(0n);
    expect(await count({ operations: ['REST.DELETE.OBJECT', 'S3.EXPIRE.OBJECT'] })).toBeGreaterThan(0n);
    expect(await count({ remoteIp: '2001:db8::/32' })).toBeGreaterThan(0n);
    expect(await count({ requester: 'arn:aws:iam::679701687731:user/backup-agent' })).toBeGreaterThan(0n);
    const tls = await engine.execute(s3AccessCountsPlan(window, { requester: 'arn:aws:iam::679701687731:user/backup-agent' }, ['TLS_VERSION'], 10));
    expect((await engine.readPage(tls.id, { offset: 0 }, 10)).rows.map((r) => r.key_1).sort()).toEqual(['TLSv1', 'TLSv1.1']);
  });

  it('refuses options that are not whole numbers', async () => {
    await expect(generateS3AccessDemo(dir, { days: 0 })).rejects.toThrow(/days must be a whole number ≥ 1/);
    await expect(generateS3AccessDemo(dir, { requestsPerDay: 1.5 })).rejects.toThrow(/requestsPerDay/);
  });
});
