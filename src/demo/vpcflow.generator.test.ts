// The VPC Flow Logs demo archive: deterministic, in AWS's layouts with header lines, consistent with
// demo-world, and read back whole by the DuckDB reader without a malformed line.
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { removeDir, tempDir } from '../../test/helpers/archive';
import { DuckDbEngine } from '../engine/duckdb/duckdb.engine';
import { createVpcFlowSource } from '../engine/duckdb/sources/vpcflow.source';
import { vpcFlowCountsPlan, vpcFlowRecordsPlan } from '../query/vpcflow.planner';
import { DEFAULT_FORMAT } from '../query/vpcflow.catalogue';
import { DEMO_IPS, DEMO_NETWORKS, roamingIpForDay } from './demo-world';
import { CUSTOM_V5_FORMAT, VPC_FLOW_LOG_KEY } from './vpcflow.format';
import { generateVpcFlowDemo, type VpcFlowDemoSummary } from './vpcflow.generator';
import { listFiles, treeDigest as digest } from '../../test/helpers/tree';

const NOW = new Date('2024-03-10T13:37:00Z');
const OPTIONS = { days: 3, recordsPerDay: 1500, seed: 7, now: NOW } as const;

describe('generateVpcFlowDemo', () => {
  let a: string;
  let b: string;
  let summary: VpcFlowDemoSummary;
  let texts: Map<string, string>;

  beforeAll(async () => {
    a = await tempDir('auditql-vpcdemo-a-');
    b = await tempDir('auditql-vpcdemo-b-');
    summary = await generateVpcFlowDemo(a, OPTIONS);
    await generateVpcFlowDemo(b, OPTIONS);
    texts = new Map();
    for (const key of await listFiles(a)) texts.set(key, gunzipSync(await readFile(path.join(a, key))).toString('utf8'));
  });

  afterAll(async () => {
    await removeDir(a);
    await removeDir(b);
  });

  it('writes the same bytes for the same options', async () => {
    expect(await digest(a)).toBe(await digest(b));
    expect(summary.files).toBe(texts.size);
  });

  it('names every file as AWS does, in the plain and the Hive-compatible layout', () => {
    for (const key of texts.keys()) expect(key).toMatch(VPC_FLOW_LOG_KEY);
    expect([...texts.keys()].some((k) => k.includes('/aws-service=vpcflowlogs/aws-region='))).toBe(true);
    expect([...texts.keys()].some((k) => /^AWSLogs\/\d{12}\/vpcflowlogs\//.test(k))).toBe(true);
  });

  it('starts every file with a header line: the default format or the custom v5 one', () => {
    const headers = new Set([...texts.values()].map((t) => t.split('\n')[0]));
    expect(headers).toEqual(new Set([DEFAULT_FORMAT.join(' '), CUSTOM_V5_FORMAT.join(' ')]));
  });

  it('uses demo-world VPCs, interfaces and addresses, with NODATA, SKIPDATA, REJECT and IPv6', () => {
    const all = [...texts.values()].join('\n');
    for (const n of DEMO_NETWORKS) {
      expect(all).toContain(n.eniIds[0]!);
      if (n.region === 'eu-west-1' || n.accountId === '904248611148') expect(all).toContain(n.vpcId);
    }
    for (const ip of [DEMO_IPS.prodAppServer, DEMO_IPS.bruteForcer, DEMO_IPS.backupServer, DEMO_IPS.siemCollector, DEMO_IPS.leakedKeyUser, DEMO_IPS.aliceIpv6]) expect(all).toContain(ip);
    for (const s of [' NODATA', ' SKIPDATA', ' REJECT ']) expect(all).toContain(s);
    expect(all).toContain(roamingIpForDay(Math.floor(NOW.getTime() / 86_400_000) - 1));
  });

  it('writes nothing that starts after now', () => {
    const nowS = NOW.getTime() / 1000;
    for (const t of texts.values()) {
      const lines = t.trim().split('\n');
      const startAt = lines[0]!.split(' ').indexOf('start');
      for (const line of lines.slice(1)) expect(Number(line.split(' ')[startAt])).toBeLessThan(nowS);
    }
  });

  it('is read back whole by the DuckDB reader, with counters beyond 2^32', async () => {
    const engine = await DuckDbEngine.create({ archiveDir: a, sources: [createVpcFlowSource()] });
    try {
      const window = { from: summary.from, to: summary.to };
      const all = await engine.execute(vpcFlowRecordsPlan(window, null));
      expect(all.stats.malformedRecords).toBe(0n);
      expect(all.stats.rowsMatched).toBe(BigInt(summary.records));
      const backup = await engine.execute(vpcFlowRecordsPlan(window, { dstAddr: DEMO_IPS.backupServer }));
      const rows = (await engine.readPage(backup.id, { offset: 0 }, 10)).rows;
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.bytes as bigint).toBeGreaterThan(2n ** 32n);
      const scans = await engine.execute(vpcFlowCountsPlan(window, { actions: ['REJECT'] }, ['SRC_ADDR'], 5));
      const top = (await engine.readPage(scans.id, { offset: 0 }, 5)).rows;
      expect(top[0]).toMatchObject({ key_1: DEMO_IPS.bruteForcer });
    } finally {
      await engine.close();
    }
  });
});
