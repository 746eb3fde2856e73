// The embedded engine over ALB archives the test writes itself, with the ALB reader passed in as
// `sources` (as a new log is run before it is registered): what it reads, what it skips by name,
// what it reports as malformed, and every filter and group-by of the planner on real SQL.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { albLine, writeAlbFile } from '../../../test/helpers/alb-archive';
import { removeDir, tempDir } from '../../../test/helpers/archive';
import { ALB_GROUP_BY, AlbFilterSpec, AlbGroupByKey } from '../../query/alb.catalogue';
import { albCountsPlan, albRequestsPlan } from '../../query/alb.planner';
import { DuckDbEngine } from './duckdb.engine';
import { albSource } from './sources/alb.source';

const DAY = '2026/11/30';
const WINDOW = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

const line = (time: string, over: Parameters<typeof albLine>[0] = {}): string => albLine({ time: `2026-11-30T${time}Z`, ...over });

describe('DuckDbEngine over ALB logs', () => {
  let root: string;
  let engine: DuckDbEngine;
  let malformedKey: string;
  let truncatedKey: string;

  beforeAll(async () => {
    root = await tempDir('auditql-alb-engine-');
    await writeAlbFile(root, {
      day: DAY,
      lines: [
        line('01:00:00.000001'),
        line('02:00:00.500000', { client: '203.0.113.7:5000', elbStatus: '404', request: '"POST https://www.example.com:443/login?next=/admin HTTP/1.1"', userAgent: '"python-requests/2.31.0"' }),
        line('03:00:00.000000', { client: '[2001:db8::7]:5000', target: '-', elbStatus: '503' }).replace(' 200 0 57 ', ' - 0 57 ').replace('"10.0.0.1:80" "200"', '"-" "-"'),
        line('04:00:00.000000', { userAgent: `"o'brien\\\\"` }).replace('TLSv1.2', 'TLSv1').replace(/^https /, 'h2 '),
        line('05:00:00.000000').replace('"www.example.com"', '"api.example.com"').replace(' 200 0 57 ', ' 302 0 57 '),
      ],
    });
    // An organisation layout in another account and region.
    await writeAlbFile(root, { day: DAY, org: 'o-abcdefghij', account: '444455556666', region: 'eu-west-1', lb: 'app.other-lb.0000000000000001', gzip: false, lines: [line('06:00:00.000000').replace('app/my-loadbalancer/50dc6c495c0c9188', 'app/other-lb/0000000000000001')] });
    // One good line among lines of other formats; a truncated gzip.
    malformedKey = await writeAlbFile(root, { day: DAY, lines: [line('07:00:00.000000'), 'tls 2.0 2026-11-30T07:00:00 net/x/y z 1.2.3.4:5 6.7.8.9:10 1 2 3 4 - - - - - - - - - - 2026-11-30T07:00:00', 'garbage', ''] });
    const whole = gzipSync([line('08:00:00.000000'), line('08:00:01.000000')].join('\n'));
    truncatedKey = await writeAlbFile(root, { day: DAY, raw: whole.subarray(0, Math.floor(whole.length / 2)), name: '111122223333_elasticloadbalancing_us-east-1_app.my-loadbalancer.50dc6c495c0c9188_20261130T0805Z_10.0.0.1_trunc.log.gz' });
    // Beside them, never read (a corrupt file there would show up in stats): NLB, connection log,
    // Classic ELB, another day.
    await writeAlbFile(root, { day: DAY, lb: 'net.my-nlb.c6e77e28c25b2234', raw: 'not even gzip' });
    await writeAlbFile(root, { day: DAY, name: 'conn_log.111122223333_elasticloadbalancing_us-east-1_app.my-loadbalancer.50dc6c495c0c9188_20261130T1200Z_10.0.0.1_c.log.gz', raw: 'not even gzip' });
    await writeAlbFile(root, { day: DAY, name: '111122223333_elasticloadbalancing_us-east-1_my-classic-lb_20261130T1200Z_10.0.0.1_c.log', raw: 'classic format' });
    // The next day's folder (a delivery date) holds the last minutes of this day, and the next day.
    await writeAlbFile(root, { day: '2026/12/01', lines: [albLine({ time: '2026-11-30T23:58:00.000000Z' }), albLine({ time: '2026-12-01T00:00:00.000000Z' })] });
    engine = await DuckDbEngine.create({ archiveDir: root, sources: [albSource] });
  });

  afterAll(async () => {
    await engine.close();
    await removeDir(root);
  });

  async function rowsOf(filter: AlbFilterSpec | null, direction: 'ASC' | 'DESC' = 'ASC', window = WINDOW): Promise<Record<string, unknown>[]> {
    const x = await engine.execute(albRequestsPlan(window, filter, direction));
    return (await engine.readPage(x.id, { offset: 0 }, 100)).rows;
  }

  it('answers from every readable ALB file and counts and names what it skipped', async () => {
    const x = await engine.execute(albRequestsPlan(WINDOW, null));
    expect(x.stats.rowsMatched).toBe(8n);
    expect(x.stats.filesRead).toBe(4);
    expect(x.stats.malformedRecords).toBe(3n);
    expect([...x.stats.malformedFiles].sort()).toEqual([malformedKey, truncatedKey].sort());
  });

  it('returns requests in time order with their provenance and partitions', async () => {
    const rows = await rowsOf(null);
    expect(rows.map((r) => String(r.time).slice(11, 19))).toEqual(['01:00:00', '02:00:00', '03:00:00', '04:00:00', '05:00:00', '06:00:00', '07:00:00', '23:58:00']);
    expect(rows[7]).toMatchObject({ day: '2026/12/01' });
    expect(rows[5]).toMatchObject({ account: '444455556666', region: 'eu-west-1', day: DAY, elb: 'app/other-lb/0000000000000001' });
    expect(String(rows[5]!.source_file)).toMatch(/^AWSLogs\/o-abcdefghij\/444455556666\/elasticloadbalancing\/eu-west-1\/2026\/11\/30\/.*\.log$/);
    const desc = await rowsOf(null, 'DESC');
    expect(desc.map((r) => r.time)).toEqual([...rows].reverse().map((r) => r.time));
  });

  it('finds requests delivered into the next day\'s folder, and keeps the window half-open on the microsecond instant', async () => {
    const from = new Date('2026-11-30T02:00:00.500Z');
    expect(await rowsOf(null, 'ASC', { from, to: new Date('2026-11-30T03:00:00.000Z') })).toHaveLength(1);
    expect(await rowsOf(null, 'ASC', { from: new Date('2026-11-30T02:00:00.501Z'), to: new Date('2026-11-30T03:00:00.001Z') })).toHaveLength(1);
    const next = await rowsOf(null, 'ASC', { from: new Date('2026-11-30T12:00:00Z'), to: new Date('2026-12-01T00:00:00.001Z') });
    expect(next.map((r) => [r.time, r.day])).toEqual([
      ['2026-11-30T23:58:00.000000Z', '2026/12/01'],
      ['2026-12-01T00:00:00.000000Z', '2026/12/01'],
    ]);
  });

  it.each<[string, AlbFilterSpec, string[]]>([
    ['an IPv4 CIDR (IPv6 clients never break contains())', { clientIp: '203.0.113.0/24' }, ['02:00:00']],
    ['an IPv6 address', { clientIp: '2001:db8::7' }, ['03:00:00']],
    ['ELB status codes', { elbStatusCodes: [404, 503] }, ['02:00:00', '03:00:00']],
    ['target status codes (a `-` target status never matches)', { targetStatusCodes: [302] }, ['05:00:00']],
    ['verbs', { verbs: ['POST'] }, ['02:00:00']],
    ['a URL substring', { urlContains: '/login?next=' }, ['02:00:00']],
    ['domains', { domains: ['api.example.com'] }, ['05:00:00']],
    ['SSL protocols', { sslProtocols: ['TLSv1', 'TLSv1.1'] }, ['04:00:00']],
    ['a user-agent substring', { userAgentContains: 'python-requests' }, ['02:00:00']],
    ['listener types', { types: ['h2'] }, ['04:00:00']],
    ['load balancers', { loadBalancers: ['app/other-lb/0000000000000001'] }, ['06:00:00']],
    ['accounts (partition)', { accounts: ['444455556666'] }, ['06:00:00']],
    ['regions (partition)', { regions: ['eu-west-1'] }, ['06:00:00']],
    ['quotes and backslashes as values', { userAgentContains: "o'brien\\\\" }, ['04:00:00']],
    ['SQL text as a value', { userAgentContains: "' OR '1'='1" }, []],
  ])('filters by %s', async (_name, filter, times) => {
    const rows = await rowsOf(filter);
    expect(rows.map((r) => String(r.time).slice(11, 19))).toEqual(times);
  });

  it('runs every group-by of the catalogue', async () => {
    for (const key of Object.keys(ALB_GROUP_BY) as AlbGroupByKey[]) {
      const x = await engine.execute(albCountsPlan(WINDOW, null, [key], 50));
      const rows = (await engine.readPage(x.id, { offset: 0 }, 50)).rows;
      expect(rows.reduce((sum, r) => sum + Number(r.n), 0)).toBe(8);
    }
    const x = await engine.execute(albCountsPlan(WINDOW, null, ['ELB_STATUS_CODE', 'HOUR'], 3));
    expect((await engine.readPage(x.id, { offset: 0 }, 3)).rows).toEqual([
      { key_1: '200', key_2: '2026-11-30T01', n: 1n },
      { key_1: '200', key_2: '2026-11-30T04', n: 1n },
      { key_1: '200', key_2: '2026-11-30T05', n: 1n },
    ]);
  });

  it('reads an empty ALB file as holding nothing, without a malformed count', async () => {
    const dir = await tempDir('auditql-alb-empty-');
    const e = await DuckDbEngine.create({ archiveDir: dir, sources: [albSource] });
    try {
      await writeAlbFile(dir, { day: DAY, lines: [] });
      await writeAlbFile(dir, { day: DAY, gzip: false, raw: '' });
      const x = await e.execute(albRequestsPlan(WINDOW, null));
      expect(x.stats).toMatchObject({ rowsMatched: 0n, malformedRecords: 0n, malformedFiles: [] });
      expect(await fsp.readdir(path.join(dir, 'AWSLogs/111122223333/elasticloadbalancing/us-east-1', DAY))).toHaveLength(2);
    } finally {
      await e.close();
      await removeDir(dir);
    }
  });
});
