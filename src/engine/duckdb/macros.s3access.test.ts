// The Trino function of sql/duckdb/macros.s3access.sql on a real DuckDB, against the values Trino's
// parse_datetime gives for the same input and Joda pattern, and the catalogue's DAY/HOUR keys, which
// must be UTC whatever DuckDB's session time zone (the embedded engine's default is the host's).
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { S3_ACCESS_GROUP_BY, S3_ACCESS_TIME_PATTERN } from '../../query/s3access.catalogue';
import { loadSql } from '../../query/sql-template';

let instance: DuckDBInstance;
let c: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  c = await instance.connect();
  await c.run(loadSql('duckdb/macros.s3access.sql'));
});

afterAll(() => {
  c?.closeSync();
  instance?.closeSync();
});

async function one(sql: string, params: (string | null)[] = []): Promise<unknown> {
  const reader = await c.runAndReadAll(sql, params as never);
  return Object.values(reader.getRowObjectsJS()[0]!)[0];
}

describe('parse_datetime (Trino, Joda pattern)', () => {
  it.each([
    // input                         instant (Trino: to_iso8601(parse_datetime(input, pattern)) at UTC)
    ['06/Feb/2019:00:00:38 +0000', '2019-02-06T00:00:38.000Z'],
    ['31/Dec/2026:23:59:59 +0000', '2026-12-31T23:59:59.000Z'],
    ['29/Feb/2028:12:00:00 +0000', '2028-02-29T12:00:00.000Z'],
    ['06/Feb/2019:02:00:38 +0200', '2019-02-06T00:00:38.000Z'],
    ['05/Feb/2019:19:00:38 -0500', '2019-02-06T00:00:38.000Z'],
  ])('reads %s as %s', async (input, iso) => {
    const t = (await one(`SELECT parse_datetime($1, '${S3_ACCESS_TIME_PATTERN}')`, [input])) as Date;
    expect(t.toISOString()).toBe(iso);
  });

  it('returns a timestamp with time zone, as Trino does', async () => {
    expect(await one(`SELECT typeof(parse_datetime('06/Feb/2019:00:00:38 +0000', '${S3_ACCESS_TIME_PATTERN}'))`)).toBe('TIMESTAMP WITH TIME ZONE');
  });

  it('returns NULL for NULL input', async () => {
    expect(await one(`SELECT parse_datetime($1, '${S3_ACCESS_TIME_PATTERN}')`, [null])).toBeNull();
  });

  it('returns NULL for a pattern our SQL does not use (Trino would parse it: add a branch before using one)', async () => {
    expect(await one(`SELECT parse_datetime('2019-02-06', 'yyyy-MM-dd')`)).toBeNull();
  });

  it('fails on text that does not fit the pattern, as Trino does', async () => {
    await expect(one(`SELECT parse_datetime('2019-02-06T00:00:38Z', '${S3_ACCESS_TIME_PATTERN}')`)).rejects.toThrow();
  });
});

describe('DAY and HOUR group-by keys', () => {
  it.each(['UTC', 'Asia/Kolkata', 'America/Los_Angeles'])('are UTC whatever the session time zone (%s)', async (zone) => {
    await c.run(`SET TimeZone = '${zone}'`);
    const row = async (text: string): Promise<unknown[]> => {
      const reader = await c.runAndReadAll(`SELECT ${S3_ACCESS_GROUP_BY.DAY} AS d, ${S3_ACCESS_GROUP_BY.HOUR} AS h FROM (SELECT $1 AS requestdatetime)`, [text]);
      const r = reader.getRowObjectsJS()[0]!;
      return [r.d, r.h];
    };
    expect(await row('06/Feb/2019:23:30:38 +0000')).toEqual(['2019-02-06', '2019-02-06T23']);
    expect(await row('07/Feb/2019:01:30:38 +0200')).toEqual(['2019-02-06', '2019-02-06T23']);
    expect(await row('01/Jan/2027:00:00:00 +0000')).toEqual(['2027-01-01', '2027-01-01T00']);
  });
});
