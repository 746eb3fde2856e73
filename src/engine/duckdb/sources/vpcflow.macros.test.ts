// The Trino functions of sql/duckdb/macros.vpcflow.sql on a real DuckDB, against values Trino gives:
// from_unixtime(bigint) is the instant, and date_format of its UTC wall clock does not depend on the
// session's time zone (set here to one far from UTC on purpose).
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { loadSql } from '../../../query/sql-template';
import { VPC_FLOW_GROUP_BY } from '../../../query/vpcflow.catalogue';

let instance: DuckDBInstance;
let c: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  c = await instance.connect();
  await c.run("SET TimeZone = 'Pacific/Kiritimati'");
  await c.run(loadSql('duckdb/macros.sql'));
  await c.run(loadSql('duckdb/macros.vpcflow.sql'));
});

afterAll(() => {
  c?.closeSync();
  instance?.closeSync();
});

async function one(sql: string): Promise<unknown> {
  const r = await c.runAndReadAll(sql);
  return Object.values(r.getRowObjectsJS()[0] ?? {})[0];
}

describe('macros.vpcflow.sql', () => {
  it.each([
    [0, '1970-01-01T00:00:00.000Z'],
    [1418530010, '2014-12-14T04:06:50.000Z'],
    [164000066, '1975-03-14T03:34:26.000Z'],
    [5000000000, '2128-06-11T08:53:20.000Z'],
  ])('from_unixtime(%d) is the instant %s', async (seconds, iso) => {
    expect(await one(`SELECT from_unixtime(CAST(${seconds} AS BIGINT)) = from_iso8601_timestamp('${iso}')`)).toBe(true);
  });

  it.each([
    [1796083199, 'DAY', '2026-11-30'],
    [1796083199, 'HOUR', '2026-11-30T23'],
    [1796083200, 'DAY', '2026-12-01'],
    [1796083200, 'HOUR', '2026-12-01T00'],
  ] as const)('groups start %d by %s as %s in UTC whatever the session zone', async (start, key, want) => {
    expect(await one(`SELECT ${VPC_FLOW_GROUP_BY[key]} FROM (SELECT CAST(${start} AS BIGINT) AS "start")`)).toBe(want);
  });
});
