// The S3 access log line pattern, one quirk a case, on two regular-expression engines: DuckDB's
// regexp_extract (RE2, what the embedded engine runs) and JavaScript's RegExp (a backtracking engine
// that, like java.util.regex behind Athena's RegexSerDe, reports a group that took no part as missing).
// Both must split every line alike; `-` must come back as no value on both.
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { OWNER, s3Line } from '../../test/helpers/s3access-archive';
import { S3_ACCESS_COLUMNS } from './s3access.catalogue';
import { S3_ACCESS_FIELD_NAMES, S3_ACCESS_LINE_PATTERN, S3_ACCESS_TIME_GROUP } from './s3access.line-format';
import { sqlString } from './sql-literal';

type Fields = Record<string, string | null>;

let instance: DuckDBInstance;
let c: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  c = await instance.connect();
});

afterAll(() => {
  c?.closeSync();
  instance?.closeSync();
});

/** RE2 through DuckDB: null when the line does not match, '' groups as null (what the view does). */
async function duck(line: string): Promise<Fields | null> {
  const names = `[${S3_ACCESS_FIELD_NAMES.map(sqlString).join(', ')}]`;
  const reader = await c.runAndReadAll(`SELECT regexp_extract($1, ${sqlString(S3_ACCESS_LINE_PATTERN)}, ${names}) AS f`, [line]);
  const f = reader.getRowObjectsJS()[0]!.f as Record<string, string>;
  if (f.requestdatetime === '') return null;
  return Object.fromEntries(S3_ACCESS_FIELD_NAMES.map((n) => [n, f[n] === '' ? null : f[n]!]));
}

/** A backtracking engine: missing groups are undefined, as Java's are null. */
function backtracking(line: string): Fields | null {
  const m = new RegExp(S3_ACCESS_LINE_PATTERN).exec(line);
  if (!m) return null;
  return Object.fromEntries(S3_ACCESS_FIELD_NAMES.map((n, i) => [n, m[i + 1] ?? null]));
}

async function parse(line: string): Promise<Fields | null> {
  const [a, b] = [await duck(line), backtracking(line)];
  expect(a).toEqual(b);
  return a;
}

describe('the S3 access log line pattern', () => {
  it('has one capturing group per column, in column order', () => {
    const groups = new RegExp(`${S3_ACCESS_LINE_PATTERN}|`).exec('')!.length - 1;
    expect(groups).toBe(S3_ACCESS_COLUMNS.length);
    expect(S3_ACCESS_COLUMNS).toHaveLength(27);
    expect(S3_ACCESS_FIELD_NAMES[S3_ACCESS_TIME_GROUP - 1]).toBe('requestdatetime');
  });

  it('splits a full current line into its 27 fields', async () => {
    const f = await parse(s3Line({ accesspointarn: 'arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP', aclrequired: 'Yes' }));
    expect(f).toEqual({
      bucketowner: OWNER,
      bucket_name: 'amzn-s3-demo-bucket1',
      requestdatetime: '30/Nov/2026:10:00:00 +0000',
      remoteip: '192.0.2.3',
      requester: 'arn:aws:iam::111122223333:user/alice',
      requestid: '3E57427F3EXAMPLE',
      operation: 'REST.GET.OBJECT',
      key: 'photos/2026/cat.jpg',
      request_uri: 'GET /photos/2026/cat.jpg HTTP/1.1',
      httpstatus: '200',
      errorcode: null,
      bytessent: '2662992',
      objectsize: '3462992',
      totaltime: '70',
      turnaroundtime: '10',
      referrer: null,
      useragent: 'S3Console/0.4',
      versionid: null,
      hostid: 's9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234=',
      sigv: 'SigV4',
      ciphersuite: 'ECDHE-RSA-AES128-GCM-SHA256',
      authtype: 'AuthHeader',
      endpoint: 'amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com',
      tlsversion: 'TLSv1.2',
      accesspointarn: 'arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP',
      aclrequired: 'Yes',
      sourceregion: 'us-east-1',
    });
  });

  it('keeps spaces, commas and escaped quotes inside quoted fields', async () => {
    const f = await parse(s3Line({ useragent: '"AWS-Support-TrustedAdvisor, aws-internal/3 \\"quoted\\" x"', referrer: '"https://example.com/a b"' }));
    expect(f?.useragent).toBe('AWS-Support-TrustedAdvisor, aws-internal/3 \\"quoted\\" x');
    expect(f?.referrer).toBe('https://example.com/a b');
    expect(f?.sigv).toBe('SigV4');
  });

  it('reads an escaped quote right before the closing quote', async () => {
    const f = await parse(s3Line({ useragent: '"ends with \\""' }));
    expect(f?.useragent).toBe('ends with \\"');
    expect(f?.versionid).toBeNull();
  });

  it('reads - as no value in every kind of field, and "-" in quoted fields', async () => {
    const dashes = await parse(s3Line({ remoteip: '-', requester: '-', key: '-', requestUri: '-', status: '-', bytessent: '-', objectsize: '-', totaltime: '-', turnaround: '-', referrer: '-', useragent: '"-"', tls: '-' }));
    for (const n of ['remoteip', 'requester', 'key', 'request_uri', 'httpstatus', 'bytessent', 'objectsize', 'totaltime', 'turnaroundtime', 'referrer', 'useragent', 'tlsversion']) {
      expect([n, dashes?.[n]]).toEqual([n, null]);
    }
    expect(dashes?.hostid).not.toBeNull();
  });

  it('keeps values that start with a dash', async () => {
    const f = await parse(s3Line({ requester: '-x', key: '-dash-key', errorcode: '--' }));
    expect([f?.requester, f?.key, f?.errorcode]).toEqual(['-x', '-dash-key', '--']);
  });

  it('reads older lines that stop after any optional field', async () => {
    for (let fields = 17; fields <= 27; fields++) {
      const f = await parse(s3Line({}, fields));
      expect(f).not.toBeNull();
      const present = S3_ACCESS_FIELD_NAMES.slice(0, fields).filter((n) => !['errorcode', 'referrer', 'versionid', 'accesspointarn', 'aclrequired'].includes(n));
      for (const n of present) expect([fields, n, f?.[n]]).toEqual([fields, n, expect.any(String)]);
      for (const n of S3_ACCESS_FIELD_NAMES.slice(fields)) expect([fields, n, f?.[n]]).toEqual([fields, n, null]);
    }
  });

  it('reads newer lines with fields we do not know yet, and ignores them', async () => {
    const f = await parse(`${s3Line()} futurefield "a quoted future value" -`);
    expect(f?.sourceregion).toBe('us-east-1');
    expect(await parse(`${s3Line()} `)).toEqual(await parse(s3Line()));
  });

  it('refuses lines that are not S3 access log records', async () => {
    const bad = [
      'garbage',
      '',
      s3Line({}, 16), // stops before useragent
      s3Line({ time: '[2026-11-30T10:00:00Z]' }),
      s3Line({ time: '[30/Foo/2026:10:00:00 +0000]' }),
      s3Line({ status: 'OK' }),
      s3Line({ bytessent: '12ab' }),
      s3Line({ useragent: '"unterminated' }),
      s3Line({ requestUri: '"GET /a "b" HTTP/1.1"' }), // an unescaped quote shifts every later field
      s3Line().replace(/ /g, '\t'),
    ];
    for (const line of bad) expect([line, await parse(line)]).toEqual([line, null]);
  });
});
