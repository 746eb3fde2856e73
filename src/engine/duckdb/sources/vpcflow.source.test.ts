// The VPC Flow Logs reader through the embedded engine, on files the test writes: columns bound by
// each file's header (any order, any mix of formats), `-` as NULL, NODATA/SKIPDATA kept, counters
// exact beyond 2^32, both layouts, Parquet, and every malformed line or file counted and named.
import { DuckDBInstance } from '@duckdb/node-api';
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import { removeDir, tempDir } from '../../../../test/helpers/archive';
import { DEFAULT_HEADER, flowLogKey, v2Line, writeFlowFile } from '../../../../test/helpers/vpcflow-files';
import { vpcFlowCountsPlan, vpcFlowRecordsPlan } from '../../../query/vpcflow.planner';
import type { ResultRow } from '../../query-engine';
import { DuckDbEngine } from '../duckdb.engine';
import { createVpcFlowSource } from './vpcflow.source';

const DAY = '2026/11/30';
const WINDOW = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
const T = (hhmm: string): number => Date.parse(`2026-11-30T${hhmm}:00Z`) / 1000;

describe('VPC Flow Logs through DuckDbEngine', () => {
  let root: string;
  let engine: DuckDbEngine;
  const keys: Record<string, string> = {};

  async function rows(filter: Parameters<typeof vpcFlowRecordsPlan>[1] = null): Promise<{ rows: ResultRow[]; stats: Awaited<ReturnType<DuckDbEngine['execute']>>['stats'] }> {
    const x = await engine.execute(vpcFlowRecordsPlan(WINDOW, filter));
    const page = await engine.readPage(x.id, { offset: 0 }, 1000);
    return { rows: page.rows, stats: x.stats };
  }

  beforeAll(async () => {
    root = await tempDir('auditql-vpcflow-');
    keys.v2 = await writeFlowFile(root, {
      day: DAY,
      lines: [
        v2Line({ start: T('10:00'), src: '203.0.113.66', dst: '10.0.1.23', srcport: 51000, dstport: 22, action: 'REJECT', bytes: 5_000_000_000, packets: 4_294_967_297 }),
        '',
        v2Line({ start: T('10:01'), src: '-', dst: '-', srcport: '-', dstport: '-', protocol: '-', packets: '-', bytes: '-', action: '-', status: 'NODATA' }),
        v2Line({ start: T('10:02'), src: '-', dst: '-', srcport: '-', dstport: '-', protocol: '-', packets: '-', bytes: '-', action: '-', status: 'SKIPDATA', eni: 'eni-11111111aaaaaaaaa' }),
        v2Line({ start: T('10:03'), src: '2001:db8::7', dst: '2001:db8::1', srcport: 34892, dstport: 443 }),
        '2 111122223333 eni-0a1b2c3d4e5f67890 too few fields',
        `${v2Line({ start: T('10:04') })} extra`,
        v2Line({ start: T('10:05'), bytes: 'lots' }),
        v2Line({ start: T('10:06'), src: '10.0.1.23  10.0.0.2' }),
        v2Line({ start: '-', end: T('10:07') }),
      ],
    });
    // A custom v5 format in another order, in the Hive-style layout with an hour folder, plain text.
    keys.v5 = await writeFlowFile(root, {
      day: DAY,
      hive: true,
      hour: '11',
      gzip: false,
      account: '444455556666',
      region: 'eu-west-1',
      header: 'version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status',
      lines: [
        `5 52.95.128.179 10.0.0.71 80 34210 6 ${T('11:00')} ${T('11:01')} IPv4 14 15044 444455556666 vpc-0abcdefab01234567 subnet-0aaaaaaaa01234567 i-0c50d5961bcb2d47b eni-0235b8ca123456789 eu-west-1 euw1-az3 - - ACCEPT 19 52.95.128.179 10.0.0.71 S3 - - ingress OK`,
        // The header again, as where files were concatenated: not a record, not malformed.
        'version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status',
        `5 10.0.0.71 52.95.128.179 34210 80 6 ${T('11:00')} ${T('11:01')} IPv4 7 471 444455556666 vpc-0abcdefab01234567 subnet-0aaaaaaaa01234567 i-0c50d5961bcb2d47b eni-0235b8ca123456789 eu-west-1 euw1-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 - S3 8 egress OK`,
      ],
    });
    // An organisation prefix, and a header naming a field nobody documents.
    keys.unknown = await writeFlowFile(root, { day: DAY, org: 'o-abcdefghij', header: `${DEFAULT_HEADER} made-up-field`, lines: [`${v2Line()} x`, `${v2Line()} y`] });
    keys.headerless = await writeFlowFile(root, { day: DAY, header: null, lines: [v2Line(), v2Line()] });
    keys.noStart = await writeFlowFile(root, { day: DAY, header: 'interface-id srcaddr dstaddr', lines: ['eni-1 10.0.0.1 10.0.0.2'] });
    keys.empty = await writeFlowFile(root, { day: DAY, header: null, lines: [] });
    const whole = (await fsp.readFile(path.join(root, keys.v2))).subarray(0, 40);
    keys.truncated = flowLogKey({ day: DAY });
    await fsp.writeFile(path.join(root, keys.truncated), whole);
    // Parquet delivery: AWS's column names and types, only the fields of its format.
    keys.parquet = flowLogKey({ day: DAY, extension: '.parquet', account: '777788889999' });
    await fsp.mkdir(path.dirname(path.join(root, keys.parquet)), { recursive: true });
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT * FROM (VALUES
         (5, '777788889999', 'eni-0f0f0f0f0f0f0f0f0', '192.0.2.77', '10.2.1.9', 40000, 443, 6, CAST(3 AS BIGINT), CAST(5000000000 AS BIGINT), CAST(${T('12:00')} AS BIGINT), CAST(${T('12:01')} AS BIGINT), 'REJECT', 'OK', 'vpc-0e55a7c9d1f3b5d7e', 'egress', 'BPA'),
         (5, '777788889999', 'eni-0f0f0f0f0f0f0f0f0', NULL, NULL, NULL, NULL, NULL, NULL, NULL, CAST(${T('12:05')} AS BIGINT), CAST(${T('12:06')} AS BIGINT), NULL, 'NODATA', 'vpc-0e55a7c9d1f3b5d7e', NULL, NULL))
         AS t(version, account_id, interface_id, srcaddr, dstaddr, srcport, dstport, protocol, packets, bytes, start, "end", action, log_status, vpc_id, flow_direction, reject_reason))
       TO '${path.join(root, keys.parquet)}' (FORMAT parquet)`,
    );
    c.closeSync();
    db.closeSync();
    // Outside the window's days: never listed, never read.
    await writeFlowFile(root, { day: '2026/11/29', header: 'broken header', lines: ['x'] });
    engine = await DuckDbEngine.create({ archiveDir: root, sources: [createVpcFlowSource()] });
  });

  afterAll(async () => {
    await engine?.close();
    await removeDir(root);
  });

  it('binds every file by its own header and keeps NODATA and SKIPDATA records', async () => {
    const { rows: all } = await rows();
    const byStart = all.map((r) => [Number(r.start), r.log_status, r.srcaddr, r.source_file]);
    expect(byStart).toEqual([
      [T('10:00'), 'OK', '203.0.113.66', keys.v2],
      [T('10:01'), 'NODATA', null, keys.v2],
      [T('10:02'), 'SKIPDATA', null, keys.v2],
      [T('10:03'), 'OK', '2001:db8::7', keys.v2],
      [T('11:00'), 'OK', '10.0.0.71', keys.v5],
      [T('11:00'), 'OK', '52.95.128.179', keys.v5],
      [T('12:00'), 'OK', '192.0.2.77', keys.parquet],
      [T('12:05'), 'NODATA', null, keys.parquet],
    ]);
  });

  it('reads `-` as NULL and keeps bytes and packets exact beyond 2^32', async () => {
    const { rows: all } = await rows({ logStatuses: ['NODATA', 'SKIPDATA'] });
    expect(all.map((r) => r.log_status)).toEqual(['NODATA', 'SKIPDATA', 'NODATA']);
    for (const r of all) expect([r.srcaddr, r.dstaddr, r.srcport, r.dstport, r.protocol, r.packets, r.bytes, r.action]).toEqual([null, null, null, null, null, null, null, null]);
    const { rows: big } = await rows({ srcAddr: '203.0.113.66' });
    expect(big[0]).toMatchObject({ bytes: 5_000_000_000n, packets: 4_294_967_297n, srcport: 51000, dstport: 22, protocol: 6, version: 2, action: 'REJECT' });
  });

  it('binds a custom format in another order, with v3–v5 fields, from the Hive-style layout', async () => {
    const { rows: v5 } = await rows({ vpcIds: ['vpc-0abcdefab01234567'] });
    expect(v5).toHaveLength(2);
    const s3 = v5.find((r) => r.pkt_src_aws_service === 'S3')!;
    expect(s3).toMatchObject({
      version: 5,
      srcaddr: '52.95.128.179',
      dstaddr: '10.0.0.71',
      srcport: 80,
      dstport: 34210,
      packets: 14n,
      bytes: 15044n,
      account_id: '444455556666',
      az_id: 'euw1-az3',
      sublocation_type: null,
      tcp_flags: 19,
      type: 'IPv4',
      pkt_dst_aws_service: null,
      traffic_path: null,
      flow_direction: 'ingress',
      account: '444455556666',
      region: 'eu-west-1',
      day: DAY,
      ecs_cluster_arn: null,
    });
    expect(v5.find((r) => r.flow_direction === 'egress')).toMatchObject({ traffic_path: 8, pkt_dst_aws_service: 'S3' });
    expect(s3.source_file).toMatch(/^AWSLogs\/aws-account-id=444455556666\/aws-service=vpcflowlogs\/aws-region=eu-west-1\/year=2026\/month=11\/day=30\/hour=11\//);
  });

  it('reads Parquet delivery with its own column types', async () => {
    const { rows: pq } = await rows({ accounts: ['777788889999'] });
    expect(pq[0]).toMatchObject({ srcaddr: '192.0.2.77', bytes: 5_000_000_000n, reject_reason: 'BPA', flow_direction: 'egress', account: '777788889999', region: 'us-east-1', tcp_flags: null });
    expect(pq[1]).toMatchObject({ log_status: 'NODATA', srcaddr: null, bytes: null });
  });

  it('counts every malformed line and unreadable file, and names the files', async () => {
    const { stats } = await rows();
    // v2 file: too few, extra field, non-numeric bytes, a double space, no start = 5 lines.
    // unknown field: 2 records; headerless: 1 (its first line is taken for the header);
    // no start field: 1; empty: 1; truncated gzip: 1.
    expect(stats.filesRead).toBe(3);
    expect([...stats.malformedFiles].sort()).toEqual([keys.v2, keys.unknown, keys.headerless, keys.noStart, keys.empty, keys.truncated].sort());
    expect(stats.malformedRecords).toBe(5n + 2n + 1n + 1n + 1n + 1n);
  });

  it('filters by address or CIDR on either end, in either family', async () => {
    expect((await rows({ address: '10.0.0.0/8' })).rows.map((r) => r.start)).toHaveLength(4);
    expect((await rows({ address: '2001:db8::/32' })).rows.map((r) => r.srcaddr)).toEqual(['2001:db8::7']);
    expect((await rows({ dstAddr: '10.0.0.71' })).rows.map((r) => r.srcaddr)).toEqual(['52.95.128.179']);
    expect((await rows({ srcAddr: '10.0.0.0/8', dstAddr: '52.95.128.179' })).rows).toHaveLength(1);
  });

  it('filters by ports, protocols, actions, interfaces, statuses, accounts and regions', async () => {
    expect((await rows({ ports: [22] })).rows.map((r) => r.srcaddr)).toEqual(['203.0.113.66']);
    expect((await rows({ srcPort: 80 })).rows).toHaveLength(1);
    expect((await rows({ dstPort: 443 })).rows).toHaveLength(2);
    expect((await rows({ protocols: [6], actions: ['REJECT'] })).rows.map((r) => r.srcaddr)).toEqual(['203.0.113.66', '192.0.2.77']);
    expect((await rows({ interfaceIds: ['eni-11111111aaaaaaaaa'] })).rows.map((r) => r.log_status)).toEqual(['SKIPDATA']);
    expect((await rows({ regions: ['eu-west-1'] })).rows).toHaveLength(2);
    expect((await rows({ accounts: ['111122223333'], logStatuses: ['OK'] })).rows).toHaveLength(2);
  });

  it('counts by catalogue expressions, DAY and HOUR of start in UTC', async () => {
    const x = await engine.execute(vpcFlowCountsPlan(WINDOW, null, ['HOUR', 'ACTION'], 10));
    const page = await engine.readPage(x.id, { offset: 0 }, 10);
    expect(page.rows.map((r) => [r.key_1, r.key_2, Number(r.n)])).toEqual([
      ['2026-11-30T10', null, 2],
      ['2026-11-30T11', 'ACCEPT', 2],
      ['2026-11-30T10', 'ACCEPT', 1],
      ['2026-11-30T10', 'REJECT', 1],
      ['2026-11-30T12', 'REJECT', 1],
      ['2026-11-30T12', null, 1],
    ]);
    const d = await engine.execute(vpcFlowCountsPlan(WINDOW, null, ['DAY', 'REGION', 'FLOW_DIRECTION'], 10));
    expect((await engine.readPage(d.id, { offset: 0 }, 10)).rows.map((r) => [r.key_1, r.key_2, r.key_3, Number(r.n)])).toEqual([
      ['2026-11-30', 'us-east-1', null, 5],
      ['2026-11-30', 'eu-west-1', 'egress', 1],
      ['2026-11-30', 'eu-west-1', 'ingress', 1],
      ['2026-11-30', 'us-east-1', 'egress', 1],
    ]);
  });

  it('keeps the window half-open on start', async () => {
    const x = await engine.execute(vpcFlowRecordsPlan({ from: new Date('2026-11-30T10:01:00Z'), to: new Date('2026-11-30T10:03:00Z') }, null));
    expect(x.stats.rowsMatched).toBe(2n);
  });
});
