// The Trino macros of sql/duckdb/macros.sql, run on a real DuckDB: contains(cidr, ipaddress) is checked
// against Node's net.BlockList on ~2000 seeded pseudo-random pairs, the other functions on fixed values.
// The last block runs the planner's SQL, unchanged, over a table shaped like cloudtrail_logs.
import { DuckDBConnection, DuckDBInstance, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { BlockList, isIP } from 'node:net';
import { cloudTrailCountsPlan, cloudTrailEventsPlan } from '../../query/cloudtrail.planner';
import { loadSql } from '../../query/sql-template';
import type { SqlParam } from '../../query/sql-literal';

let instance: DuckDBInstance;
let c: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  c = await instance.connect();
  await c.run('CREATE TYPE ipaddress AS VARCHAR');
  await c.run(loadSql('duckdb/macros.sql'));
});

afterAll(() => {
  c?.closeSync();
  instance?.closeSync();
});

async function rows(sql: string, params?: SqlParam[]): Promise<Record<string, unknown>[]> {
  const reader = await c.runAndReadAll(sql, params as never);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}

/** contains(cidr, TRY_CAST(addr AS IPADDRESS)) for every pair, in one query (arrays passed as two list parameters). */
async function containsAll(pairs: readonly (readonly [string, string | null])[]): Promise<(boolean | null)[]> {
  const cidrs = listValue(pairs.map(([cidr]) => cidr));
  const addrs = listValue(pairs.map(([, addr]) => addr));
  const reader = await c.runAndReadAll(
    `SELECT i, contains(c[i], TRY_CAST(a[i] AS IPADDRESS)) AS hit
     FROM (SELECT $1 AS c, $2 AS a), range(1, len(c) + 1) AS t(i)
     ORDER BY i`,
    [cidrs, addrs],
    [LIST(VARCHAR), LIST(VARCHAR)],
  );
  const out = reader.getRowObjectsJS().map((r) => r.hit as boolean | null);
  expect(out).toHaveLength(pairs.length);
  return out;
}

// ---- the oracle and the generator ------------------------------------------------------------

/** Node's BlockList: an IPv4 address is also ::ffff:a.b.c.d to an IPv6 rule, as Trino's IPADDRESS stores it. */
function oracle(cidr: string, addr: string): boolean {
  const [network, prefix] = cidr.split('/') as [string, string];
  const list = new BlockList();
  list.addSubnet(network, Number(prefix), isIP(network) === 4 ? 'ipv4' : 'ipv6');
  return list.check(addr, isIP(addr) === 4 ? 'ipv4' : 'ipv6');
}

/** mulberry32: small, seeded, deterministic. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = seeded(20261201);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const chance = (p: number): boolean => rand() < p;

const V4_PREFIXES = [0, 1, 2, 7, 8, 12, 16, 20, 23, 24, 25, 28, 30, 31, 32];
const V6_PREFIXES = [0, 1, 3, 10, 16, 29, 32, 33, 48, 56, 63, 64, 65, 80, 95, 96, 97, 112, 120, 126, 127, 128];

const v4Text = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
const v4Random = (): number => Math.floor(rand() * 2 ** 32);
const v4Mask = (n: number, p: number): number => n - (n % 2 ** (32 - p));

const ALL = (1n << 128n) - 1n;
const v6Mask = (n: bigint, p: number): bigint => (p === 0 ? 0n : (n >> BigInt(128 - p)) << BigInt(128 - p));
function v6Random(): bigint {
  // groups are often zero, so `::` compression has runs to work on
  let n = 0n;
  for (let g = 0; g < 8; g++) n = (n << 16n) | BigInt(chance(0.4) ? 0 : chance(0.2) ? Math.floor(rand() * 16) : Math.floor(rand() * 65536));
  return n;
}
function v6Groups(n: bigint): number[] {
  return Array.from({ length: 8 }, (_, i) => Number((n >> BigInt(16 * (7 - i))) & 0xffffn));
}
/** Text forms of one IPv6 address: compressed (any zero run, even of one group), full, unpadded, upper case. */
function v6Text(n: bigint): string {
  const groups = v6Groups(n);
  const style = pick(['compressed', 'compressed', 'full', 'unpadded', 'upper'] as const);
  if (style === 'full') return groups.map((g) => g.toString(16).padStart(4, '0')).join(':');
  if (style === 'unpadded') return groups.map((g) => g.toString(16)).join(':');
  const runs: [number, number][] = [];
  for (let i = 0; i < 8; i++) {
    if (groups[i] !== 0) continue;
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    runs.push([i, j]);
    i = j;
  }
  let text: string;
  if (runs.length === 0) text = groups.map((g) => g.toString(16)).join(':');
  else {
    // usually the longest run (RFC 5952), sometimes another; sometimes only part of a run
    const [start, end] = chance(0.7) ? runs.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a)) : pick(runs);
    const cut = chance(0.8) ? end : start + 1 + Math.floor(rand() * (end - start));
    const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
    text = `${hex(groups.slice(0, start))}::${hex(groups.slice(cut))}`;
  }
  return style === 'upper' ? text.toUpperCase() : text;
}

type Pair = readonly [string, string];

function v4Pair(): Pair {
  const addr = v4Random();
  const p = chance(0.8) ? pick(V4_PREFIXES) : Math.floor(rand() * 33);
  let base: number;
  const how = rand();
  if (how < 0.45) base = addr; // inside
  else if (how < 0.75 && p > 0) base = addr ^ 2 ** (32 - p); // flips the last prefix bit: just outside
  else base = v4Random(); // anywhere
  // IPv4 blocks are written with no host bits, as ip-filter requires (Trino rejects the others)
  return [`${v4Text(v4Mask(base >>> 0, p))}/${p}`, v4Text(addr)];
}

function v6Pair(): Pair {
  const addr = v6Random();
  const p = chance(0.8) ? pick(V6_PREFIXES) : Math.floor(rand() * 129);
  let base: bigint;
  const how = rand();
  if (how < 0.45) base = addr;
  else if (how < 0.75 && p > 0) base = addr ^ (1n << BigInt(128 - p));
  else base = v6Random();
  // Trino (and the macro) accept host bits in IPv6 blocks: keep them in some
  const network = chance(0.25) ? base : v6Mask(base, p);
  return [`${v6Text(network & ALL)}/${p}`, v6Text(addr)];
}

function crossPair(): Pair {
  if (chance(0.5)) {
    // an IPv4 block and an IPv6 address that is not IPv4-mapped
    let addr = v6Random();
    if (addr >> 32n === 0xffffn) addr |= 1n << 100n;
    const p = pick(V4_PREFIXES);
    return [`${v4Text(v4Mask(v4Random(), p))}/${p}`, v6Text(addr)];
  }
  // an IPv6 block and an IPv4 address
  const p = pick([0, 1, 8, 64, 80, 95, 96, 104, 128]);
  const v4 = v4Random();
  const base = chance(0.5) ? (0xffffn << 32n) | BigInt(v4) : v6Random();
  return [`${v6Text(v6Mask(base, p))}/${p}`, v4Text(v4)];
}

const RANDOM_PAIRS: Pair[] = [
  ...Array.from({ length: 900 }, v4Pair),
  ...Array.from({ length: 900 }, v6Pair),
  ...Array.from({ length: 200 }, crossPair),
];

// ---- contains() ----------------------------------------------------------------------------

describe('contains(cidr, TRY_CAST(addr AS IPADDRESS))', () => {
  it('generates a deterministic, varied sample that every CIDR parser accepts', () => {
    expect(RANDOM_PAIRS).toHaveLength(2000);
    for (const [cidr, addr] of RANDOM_PAIRS) {
      expect(isIP(cidr.split('/')[0] as string)).not.toBe(0);
      expect(isIP(addr)).not.toBe(0);
    }
    const prefixes = new Set(RANDOM_PAIRS.map(([cidr]) => Number(cidr.split('/')[1])));
    for (const p of [0, 1, 31, 32, 64, 127, 128]) expect(prefixes.has(p)).toBe(true);
    expect(RANDOM_PAIRS.some(([cidr, addr]) => cidr.startsWith('::') || addr.startsWith('::'))).toBe(true);
    expect(RANDOM_PAIRS.some(([, addr]) => addr.includes('::') && !addr.startsWith('::') && !addr.endsWith('::'))).toBe(true);
    expect(RANDOM_PAIRS.some(([, addr]) => /[A-F]/.test(addr))).toBe(true);
    const hits = RANDOM_PAIRS.filter(([cidr, addr]) => oracle(cidr, addr)).length;
    // both outcomes are well represented
    expect(hits).toBeGreaterThan(600);
    expect(hits).toBeLessThan(1400);
  });

  it('agrees with net.BlockList on 2000 seeded IPv4, IPv6 and mixed-family pairs', async () => {
    const got = await containsAll(RANDOM_PAIRS);
    const disagreements = RANDOM_PAIRS.map(([cidr, addr], i) => ({ cidr, addr, duckdb: got[i], blockList: oracle(cidr, addr) })).filter(
      (r) => r.duckdb !== r.blockList,
    );
    expect(disagreements).toEqual([]);
  });

  // Fixed edge cases and the non-addresses are each checked in one batched query: binding the macro
  // expansion costs DuckDB a few hundred milliseconds a statement, evaluating it almost nothing.
  const FIXED: [string, string, string, boolean][] = [
    // IPv4 edges
    ['/0 holds every IPv4 address', '0.0.0.0/0', '255.255.255.255', true],
    ['/0 holds 0.0.0.0', '0.0.0.0/0', '0.0.0.0', true],
    ['/1 upper half excludes the top of the lower half', '128.0.0.0/1', '127.255.255.255', false],
    ['/1 upper half holds its first address', '128.0.0.0/1', '128.0.0.0', true],
    ['/1 lower half holds 127.255.255.255', '0.0.0.0/1', '127.255.255.255', true],
    ['/31 holds its second address', '10.0.0.0/31', '10.0.0.1', true],
    ['/31 excludes the next address', '10.0.0.0/31', '10.0.0.2', false],
    ['/32 holds its own address', '10.0.0.1/32', '10.0.0.1', true],
    ['/32 excludes the neighbour', '10.0.0.1/32', '10.0.0.2', false],
    ['/24 holds .255', '203.0.113.0/24', '203.0.113.255', true],
    ['/24 excludes the next block', '203.0.113.0/24', '203.0.114.0', false],
    ['/8 holds 10.255.255.255', '10.0.0.0/8', '10.255.255.255', true],
    ['/8 excludes 11.0.0.0', '10.0.0.0/8', '11.0.0.0', false],
    // IPv6 edges and text forms
    ['::/0 holds the last IPv6 address', '::/0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['8000::/1 excludes 7fff:…', '8000::/1', '7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', false],
    ['8000::/1 holds 8000::', '8000::/1', '8000::', true],
    ['/64 holds its last address', '2001:db8::/64', '2001:db8::ffff:ffff:ffff:ffff', true],
    ['/64 excludes the next /64', '2001:db8::/64', '2001:db8:0:1::', false],
    ['/127 holds ::1 of the pair', '2001:db8::/127', '2001:db8::1', true],
    ['/127 excludes ::2', '2001:db8::/127', '2001:db8::2', false],
    ['::1/128 holds ::1', '::1/128', '::1', true],
    ['::1/128 excludes ::', '::1/128', '::', false],
    [':: /128 holds the full zero form', '::/128', '0:0:0:0:0:0:0:0', true],
    ['a full-form block holds a compressed address', '2001:0db8:0000:0000:0000:0000:0000:0000/32', '2001:db8:abcd::1', true],
    ['an upper-case block holds a lower-case address', '2001:DB8::/32', '2001:db8:ffff::', true],
    ['a block holds an upper-case, zero-padded address', '2001:db8::/32', '2001:0DB8:0000::00A1', true],
    ['a one-group :: compression is read right', '1::3:4:5:6:7:8/128', '1:0:3:4:5:6:7:8', true],
    ['a trailing :: is read right', 'fe80::/10', 'febf:ffff::', true],
    ['fe80::/10 excludes fec0::', 'fe80::/10', 'fec0::1', false],
    ['IPv6 host bits in the block are ignored', '2001:db8::1/64', '2001:db8::ffff', true],
    // mixed families: an IPv4 block never holds an IPv6 address
    ['0.0.0.0/0 does not hold ::1', '0.0.0.0/0', '::1', false],
    ['0.0.0.0/0 does not hold 2001:db8::1', '0.0.0.0/0', '2001:db8::1', false],
    ['0.0.0.0/0 does not hold ::', '0.0.0.0/0', '::', false],
    ['10.0.0.0/8 does not hold the IPv4-compatible ::a00:1', '10.0.0.0/8', '::a00:1', false],
    ['10.0.0.0/8 does not hold 10::1', '10.0.0.0/8', '10::1', false],
    // an IPv4-mapped IPv6 address is the IPv4 address (Trino's IPADDRESS stores IPv4 that way)
    ['10.0.0.0/8 holds the IPv4-mapped ::ffff:a01:203', '10.0.0.0/8', '::ffff:a01:203', true],
    ['11.0.0.0/8 does not hold ::ffff:a01:203', '11.0.0.0/8', '::ffff:a01:203', false],
    // an IPv6 block sees an IPv4 address as ::ffff:a.b.c.d (as BlockList does; see the report on Trino)
    ['2001:db8::/32 does not hold 10.1.2.3', '2001:db8::/32', '10.1.2.3', false],
    ['::ffff:0:0/96 holds 10.1.2.3', '::ffff:0:0/96', '10.1.2.3', true],
    ['::ffff:a00:0/104 holds 10.1.2.3', '::ffff:a00:0/104', '10.1.2.3', true],
  ];
  let fixed: (boolean | null)[] = [];
  beforeAll(async () => {
    fixed = await containsAll(FIXED.map(([, cidr, addr]) => [cidr, addr] as const));
  });

  it.each(FIXED.map((row, i) => [...row, i] as const))('%s (%s, %s → %s)', (_name, cidr, addr, expected, i) => {
    expect(oracle(cidr, addr)).toBe(expected);
    expect(fixed[i]).toBe(expected);
  });

  const NON_ADDRESSES: [string, string | null][] = [
    ['a service principal', 'ec2.amazonaws.com'],
    ['AWS Internal', 'AWS Internal'],
    ['the empty string', ''],
    ['a leading-zero octet', '035.1.2.3'],
    ['a two-digit leading-zero octet', '01.2.3.4'],
    ['a leading zero in the last octet', '1.2.3.04'],
    ['an octet over 255', '256.1.1.1'],
    ['three octets', '10.1.2'],
    ['five octets', '10.1.2.3.4'],
    ['a trailing dot', '10.1.2.3.'],
    ['surrounding space', ' 10.1.2.3'],
    ['a CIDR instead of an address', '10.1.2.3/32'],
    ['two ::', '2001:db8::1::2'],
    [':::', '2001:db8:::1'],
    ['a five-digit group', '12345::1'],
    ['a non-hex group', 'g::1'],
    ['nine groups', '1:2:3:4:5:6:7:8:9'],
    ['seven groups without ::', '1:2:3:4:5:6:7'],
    [':: with eight groups around it', '1::2:3:4:5:6:7:8'],
    ['a lone colon', ':'],
    ['a leading single colon before ::', ':1::2'],
    ['a trailing single colon after ::', '1::2:'],
    ['a leading single colon', ':1:2:3:4:5:6:7'],
    ['NULL', null],
  ];
  const BLOCKS = ['0.0.0.0/0', '::/0', '10.0.0.0/8', '2001:db8::/32'];
  let nonAddress: (boolean | null)[] = [];
  beforeAll(async () => {
    nonAddress = await containsAll(NON_ADDRESSES.flatMap(([, addr]) => BLOCKS.map((b) => [b, addr] as const)));
  });

  it.each(NON_ADDRESSES.map((row, i) => [...row, i] as const))('gives NULL for %s (%j) against IPv4 and IPv6 blocks', (_name, addr, i) => {
    if (addr !== null) expect(isIP(addr)).toBe(0);
    expect(nonAddress.slice(i * BLOCKS.length, (i + 1) * BLOCKS.length)).toEqual([null, null, null, null]);
  });

  it('keeps a NULL address out of a WHERE clause (not matched, not negated)', async () => {
    const r = await rows(
      `SELECT count(*) FILTER (WHERE contains(?, TRY_CAST(a AS IPADDRESS))) AS hit,
              count(*) FILTER (WHERE NOT contains(?, TRY_CAST(a AS IPADDRESS))) AS miss
       FROM (VALUES ('10.1.2.3'), ('ec2.amazonaws.com'), ('AWS Internal'), ('192.0.2.1'), (NULL)) AS t(a)`,
      ['10.0.0.0/8', '10.0.0.0/8'],
    );
    expect(r).toEqual([{ hit: 1n, miss: 1n }]);
  });
});

// ---- the other Trino functions -------------------------------------------------------------

describe('from_iso8601_timestamp', () => {
  it.each([
    ['UTC with Z', '2026-12-01T10:00:00Z'],
    ['a positive offset', '2026-12-01T12:00:00+02:00'],
    ['a negative half-hour offset', '2026-12-01T05:30:00-04:30'],
    ['milliseconds with Z', '2026-12-01T10:00:00.123Z'],
    ['milliseconds with an offset', '2026-12-01T12:00:00.999+02:00'],
    ['the end of a leap day', '2028-02-29T23:59:59Z'],
    ['a year boundary', '2026-12-31T23:59:59.999Z'],
  ])('reads %s as the same instant JavaScript does (%s)', async (_name, iso) => {
    const r = await rows('SELECT epoch_ms(from_iso8601_timestamp(?)) AS ms', [iso]);
    expect(Number(r[0]?.ms)).toBe(Date.parse(iso));
  });

  it('orders instants written with different offsets by time, not by text', async () => {
    const r = await rows(
      `SELECT from_iso8601_timestamp(?) < from_iso8601_timestamp(?) AS earlier,
              from_iso8601_timestamp(?) = from_iso8601_timestamp(?) AS same`,
      ['2026-12-01T11:00:00+02:00', '2026-12-01T10:00:00Z', '2026-12-01T12:00:00+02:00', '2026-12-01T10:00:00.000Z'],
    );
    expect(r).toEqual([{ earlier: true, same: true }]);
  });

  it('gives NULL for NULL', async () => {
    expect(await rows('SELECT from_iso8601_timestamp(CAST(NULL AS VARCHAR)) AS t')).toEqual([{ t: null }]);
  });
});

describe('regexp_like', () => {
  it.each<[string, string | null, string, boolean | null]>([
    ['matches anywhere in the text (a search, not a full match)', 'AssumeRoleWithSAML', 'Role', true],
    ['honours ^ anchors', 'AssumeRole', '^Role', false],
    ['honours $ anchors', 'AssumeRole', 'Role$', true],
    ['is case-sensitive', 'ConsoleLogin', 'consolelogin', false],
    ['honours (?i)', 'ConsoleLogin', '(?i)consolelogin', true],
    ['supports alternation and classes', 'arn:aws:iam::123456789012:role/Admin', ':role/(Admin|Ops)$', true],
    ['treats a dot as any character', 's3.amazonaws.com', 's3.amazonaws.com', true],
    ['matches an escaped dot only literally', 's3xamazonaws.com', 's3\\.amazonaws\\.com', false],
    ['gives NULL for NULL text', null, 'x', null],
  ])('%s', async (_name, text, pattern, expected) => {
    const r = await rows('SELECT regexp_like(CAST(? AS VARCHAR), ?) AS m', [text, pattern]);
    expect(r).toEqual([{ m: expected }]);
  });
});

describe('json_format(CAST(list AS JSON))', () => {
  const RESOURCES = `[{'arn': 'arn:aws:s3:::bucket', 'accountid': '123456789012', 'type': 'AWS::S3::Bucket'},
                      {'arn': 'arn:aws:iam::123456789012:role/"quoted"', 'accountid': NULL, 'type': 'AWS::IAM::Role'}]`;

  it('renders a list of structs as a JSON array of objects, quotes escaped and NULLs as null', async () => {
    const r = await rows(`SELECT json_format(CAST(${RESOURCES} AS JSON)) AS j`);
    const text = r[0]?.j as string;
    expect(typeof text).toBe('string');
    expect(JSON.parse(text)).toEqual([
      { arn: 'arn:aws:s3:::bucket', accountid: '123456789012', type: 'AWS::S3::Bucket' },
      { arn: 'arn:aws:iam::123456789012:role/"quoted"', accountid: null, type: 'AWS::IAM::Role' },
    ]);
    expect(text).toBe(
      '[{"arn":"arn:aws:s3:::bucket","accountid":"123456789012","type":"AWS::S3::Bucket"},' +
        '{"arn":"arn:aws:iam::123456789012:role/\\"quoted\\"","accountid":null,"type":"AWS::IAM::Role"}]',
    );
  });

  it.each([
    ['an empty list', "CAST([] AS STRUCT(arn VARCHAR)[])", '[]'],
    ['a list of strings', "['a', 'b''c']", '["a","b\'c"]'],
    ['a NULL list', 'CAST(NULL AS STRUCT(arn VARCHAR)[])', null],
  ])('renders %s', async (_name, list, expected) => {
    expect(await rows(`SELECT json_format(CAST(${list} AS JSON)) AS j`)).toEqual([{ j: expected }]);
  });
});

describe('cardinality(filter(list, r -> r.arn = ?))', () => {
  const LIST_SQL = `[{'arn': 'arn:a', 'type': 'x'}, {'arn': 'arn:b', 'type': 'y'}, {'arn': 'arn:a', 'type': 'z'}, {'arn': NULL, 'type': 'w'}]`;

  it.each<[string, string, number]>([
    ['counts two matching elements', 'arn:a', 2],
    ['counts one matching element', 'arn:b', 1],
    ['counts none for an absent value', 'arn:c', 0],
    ['counts none for a hostile value', "arn:a' OR '1'='1", 0],
  ])('%s', async (_name, arn, expected) => {
    const r = await rows(`SELECT cardinality(filter(${LIST_SQL}, r -> r.arn = ?)) AS n`, [arn]);
    expect(Number(r[0]?.n)).toBe(expected);
  });

  it.each([
    ['an empty list', 'CAST([] AS STRUCT(arn VARCHAR)[])', 0],
    ['a NULL list', 'CAST(NULL AS STRUCT(arn VARCHAR)[])', null],
  ])('gives %s the Trino result', async (_name, list, expected) => {
    const r = await rows(`SELECT cardinality(filter(${list}, r -> r.arn = ?)) AS n`, ['arn:a']);
    expect(r[0]?.n === null ? null : Number(r[0]?.n)).toBe(expected);
  });

  it('also counts plain arrays (Trino cardinality takes arrays, DuckDB only maps)', async () => {
    expect(await rows('SELECT cardinality([1, 2, 3]) AS n')).toEqual([{ n: 3n }]);
  });
});

// ---- the planner's SQL, unchanged, on DuckDB -----------------------------------------------

describe("the planner's SQL runs on DuckDB through the macros", () => {
  const WINDOW = { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-02T00:00:00Z') };

  // A stand-in for the engine's cloudtrail_logs view: Athena's column names and shapes, the columns
  // events.sql and counts.sql read. (The engine's own view over files is tested with the engine.)
  const S = (fields: string): string => `STRUCT(${fields})`;
  const ROW_TYPE = S(
    [
      'eventversion VARCHAR, eventtime VARCHAR, eventsource VARCHAR, eventname VARCHAR, awsregion VARCHAR',
      'sourceipaddress VARCHAR, useragent VARCHAR, errorcode VARCHAR, errormessage VARCHAR, requestparameters VARCHAR',
      'responseelements VARCHAR, additionaleventdata VARCHAR, requestid VARCHAR, eventid VARCHAR, readonly VARCHAR',
      `resources ${S('arn VARCHAR, accountid VARCHAR, type VARCHAR')}[], eventtype VARCHAR, recipientaccountid VARCHAR`,
      'serviceeventdetails VARCHAR, sharedeventid VARCHAR, vpcendpointid VARCHAR, eventcategory VARCHAR, managementevent VARCHAR',
      `useridentity ${S(
        'type VARCHAR, principalid VARCHAR, arn VARCHAR, accountid VARCHAR, invokedby VARCHAR, accesskeyid VARCHAR, username VARCHAR, ' +
          `sessioncontext ${S(`attributes ${S('mfaauthenticated VARCHAR, creationdate VARCHAR')}, sessionissuer ${S('type VARCHAR, principalid VARCHAR, arn VARCHAR, accountid VARCHAR, username VARCHAR')}`)}`,
      )}`,
      `tlsdetails ${S('tlsversion VARCHAR, ciphersuite VARCHAR, clientprovidedhostheader VARCHAR')}`,
      'account VARCHAR, region VARCHAR, day VARCHAR, "$path" VARCHAR',
    ].join(', '),
  );

  const record = (id: string, name: string, ip: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    eventversion: '1.09',
    eventtime: `2026-12-01T10:00:0${id}Z`,
    eventsource: 'iam.amazonaws.com',
    eventname: name,
    awsregion: 'us-east-1',
    sourceipaddress: ip,
    useragent: 'aws-cli/2',
    errorcode: null,
    errormessage: null,
    requestparameters: null,
    responseelements: null,
    additionaleventdata: null,
    requestid: `req-${id}`,
    eventid: `event-${id}`,
    readonly: 'false',
    resources: null,
    eventtype: 'AwsApiCall',
    recipientaccountid: '123456789012',
    serviceeventdetails: null,
    sharedeventid: null,
    vpcendpointid: null,
    eventcategory: 'Management',
    managementevent: 'true',
    useridentity: {
      type: 'IAMUser',
      principalid: `AIDA${id}`,
      arn: `arn:aws:iam::123456789012:user/u${id}`,
      accountid: '123456789012',
      invokedby: null,
      accesskeyid: `AKIA${id}`,
      username: `u${id}`,
      sessioncontext: null,
    },
    tlsdetails: null,
    account: '123456789012',
    region: 'us-east-1',
    day: '2026/12/01',
    $path: `AWSLogs/123456789012/CloudTrail/us-east-1/2026/12/01/f${id}.json.gz`,
    ...extra,
  });

  beforeAll(async () => {
    const records = [
      record('1', 'ConsoleLogin', '203.0.113.7'),
      record('2', 'CreateUser', '2001:db8::42', { errorcode: 'AccessDenied' }),
      record('3', 'GetUser', 'iam.amazonaws.com', {
        readonly: 'true',
        resources: [{ arn: 'arn:aws:iam::123456789012:user/target', accountid: '123456789012', type: 'AWS::IAM::User' }],
      }),
      record('4', "O'Brien' OR '1'='1", '198.51.100.9'),
      // in the window's last partition but at its (exclusive) end: the instant bounds must drop it
      record('5', 'ConsoleLogin', '203.0.113.8', { eventtime: '2026-12-02T00:00:00Z' }),
      // inside the instant bounds but in a folder outside the partition range: the day predicate drops it
      record('6', 'ConsoleLogin', '203.0.113.9', { day: '2026/12/03' }),
    ];
    await c.run(`CREATE OR REPLACE TEMP TABLE cloudtrail_logs AS SELECT s.* FROM (SELECT unnest(CAST(CAST(? AS JSON) AS ${ROW_TYPE}[])) AS s)`, [
      JSON.stringify(records),
    ]);
  });

  afterAll(async () => {
    await c.run('DROP TABLE IF EXISTS cloudtrail_logs');
  });

  const eventIds = async (filter: Parameters<typeof cloudTrailEventsPlan>[1]): Promise<string[]> => {
    const plan = cloudTrailEventsPlan(WINDOW, filter);
    return (await rows(plan.sql, plan.params)).map((r) => r.eventid as string);
  };

  it.each<[string, Parameters<typeof cloudTrailEventsPlan>[1], string[]]>([
    ['no filter returns every event inside the half-open window', null, ['event-1', 'event-2', 'event-3', 'event-4']],
    ['an IPv4 block matches the IPv4 source only', { sourceIp: '203.0.113.0/24' }, ['event-1']],
    ['an IPv6 address matches the IPv6 source only', { sourceIp: '2001:db8::42' }, ['event-2']],
    ['::/0 matches IPv6 sources only, as on Trino where address families never mix', { sourceIp: '::/0' }, ['event-2']],
    ['0.0.0.0/0 matches IPv4 sources only', { sourceIp: '0.0.0.0/0' }, ['event-1', 'event-4']],
    ['a hostile event name is matched as plain text', { eventNames: ["O'Brien' OR '1'='1"] }, ['event-4']],
    ['a classic injection matches nothing', { eventNames: ["' OR '1'='1"], userName: '"; DROP TABLE x; --' }, []],
    ['a resource ARN', { resourceArn: 'arn:aws:iam::123456789012:user/target' }, ['event-3']],
    ['readOnly true', { readOnly: true }, ['event-3']],
    ['anyError true', { anyError: true }, ['event-2']],
    ['a principal ARN prefix', { principalArnPrefix: 'arn:aws:iam::123456789012:user/u1' }, ['event-1']],
    ['the account and region partitions', { accounts: ['123456789012'], regions: ['us-east-1'], accessKeyId: 'AKIA2' }, ['event-2']],
    ['another account', { accounts: ['210987654321'] }, []],
  ])('%s', async (_name, filter, expected) => {
    expect(await eventIds(filter)).toEqual(expected);
  });

  it('counts by catalogue expressions, limited to top', async () => {
    const plan = cloudTrailCountsPlan(WINDOW, null, ['EVENT_SOURCE', 'HOUR'], 1);
    expect(await rows(plan.sql, plan.params)).toEqual([{ key_1: 'iam.amazonaws.com', key_2: '2026-12-01T10', n: 4n }]);
  });
});
