import { CLOUDTRAIL_GROUP_BY, CloudTrailFilterSpec, CloudTrailGroupByKey } from './cloudtrail.catalogue';
import { cloudTrailCountsPlan, cloudTrailEventsPlan, MAX_GROUP_BY, MAX_TOP } from './cloudtrail.planner';
import { QueryPlan } from './query-plan';
import { TimeWindow } from './time-window';
import { thrown } from '../../test/helpers/thrown';

const WINDOW: TimeWindow = { from: new Date('2026-11-30T22:15:00Z'), to: new Date('2026-12-02T00:00:00Z') };
// The day range reaches the first hour after the window: files are in the folder of their delivery day.
const WINDOW_PARAMS = ['2026/11/30', '2026/12/02', '2026-11-30T22:15:00.000Z', '2026-12-02T00:00:00.000Z'];
const WINDOW_WHERE = [
  'WHERE (day BETWEEN ? AND ?)',
  '  AND (from_iso8601_timestamp(eventtime) >= from_iso8601_timestamp(?))',
  '  AND (from_iso8601_timestamp(eventtime) < from_iso8601_timestamp(?))',
].join('\n');

const HOSTILE = [
  "' OR '1'='1",
  "x\\' --",
  "x\\\\' --",
  '"; DROP TABLE x; --',
  'ünïcødé — 日本語 🚀',
  "a?b'?",
  '{{where}}',
  "$1 /* '",
];

type Plans = (filter: CloudTrailFilterSpec | null | undefined) => QueryPlan;
const BUILDERS: [string, Plans][] = [
  ['events', (f) => cloudTrailEventsPlan(WINDOW, f)],
  ['events DESC', (f) => cloudTrailEventsPlan(WINDOW, f, 'DESC')],
  ['counts', (f) => cloudTrailCountsPlan(WINDOW, f, ['EVENT_NAME', 'PRINCIPAL_ARN'], 50)],
];

const marks = (sql: string): number => (sql.match(/\?/g) ?? []).length;

/** The parameters that fill `clause`'s `?` marks in the plan (located by counting marks before it). */
function paramsOf(plan: QueryPlan, clause: string): unknown[] {
  const at = plan.sql.indexOf(`(${clause})`);
  expect(at).toBeGreaterThan(-1);
  const first = marks(plan.sql.slice(0, at));
  return plan.params.slice(first, first + marks(clause));
}


/** One row a filter field: how to set it from a value, the clause it must produce, and its params. */
interface FieldCase {
  filter: (v: string) => CloudTrailFilterSpec;
  clause: (f: CloudTrailFilterSpec) => string;
  params: (v: string) => unknown[];
  /** Values the field accepts (hostile text where the field is free text). */
  values: string[];
}

const inList = (expr: string, n: number): string => `${expr} IN (${Array.from({ length: n }, () => '?').join(', ')})`;

// A Record over every key: adding a filter field without a row here fails to compile.
const FIELDS: Record<keyof CloudTrailFilterSpec, FieldCase> = {
  accounts: {
    filter: (v) => ({ accounts: [v, '210987654321'] }),
    clause: () => inList('account', 2),
    params: (v) => [v, '210987654321'],
    values: ['123456789012', '000000000000'],
  },
  regions: {
    filter: (v) => ({ regions: [v, 'eu-west-1'] }),
    clause: () => inList('region', 2),
    params: (v) => [v, 'eu-west-1'],
    values: HOSTILE,
  },
  eventNames: {
    filter: (v) => ({ eventNames: ['ConsoleLogin', v, 'AssumeRole'] }),
    clause: () => inList('eventname', 3),
    params: (v) => ['ConsoleLogin', v, 'AssumeRole'],
    values: HOSTILE,
  },
  eventSources: {
    filter: (v) => ({ eventSources: [v] }),
    clause: () => inList('eventsource', 1),
    params: (v) => [v],
    values: HOSTILE,
  },
  eventTypes: {
    filter: (v) => ({ eventTypes: [v] }),
    clause: () => inList('eventtype', 1),
    params: (v) => [v],
    values: HOSTILE,
  },
  principalArn: { filter: (v) => ({ principalArn: v }), clause: () => 'useridentity.arn = ?', params: (v) => [v], values: HOSTILE },
  principalArnPrefix: {
    filter: (v) => ({ principalArnPrefix: v }),
    clause: () => 'starts_with(useridentity.arn, ?)',
    params: (v) => [v],
    values: HOSTILE,
  },
  userName: { filter: (v) => ({ userName: v }), clause: () => 'useridentity.username = ?', params: (v) => [v], values: HOSTILE },
  accessKeyId: { filter: (v) => ({ accessKeyId: v }), clause: () => 'useridentity.accesskeyid = ?', params: (v) => [v], values: HOSTILE },
  sourceIp: {
    filter: (v) => ({ sourceIp: v }),
    clause: (f) => `CASE WHEN strpos(sourceipaddress, ':') ${String(f.sourceIp).includes(':') ? '>' : '='} 0 THEN contains(?, TRY_CAST(sourceipaddress AS IPADDRESS)) ELSE false END`,
    params: (v) => [v.includes('/') ? v : `${v}/${v.includes(':') ? 128 : 32}`],
    values: ['198.51.100.0/24', '2001:db8:77::/48', '198.51.100.23', '2001:db8::7'],
  },
  errorCode: { filter: (v) => ({ errorCode: v }), clause: () => 'errorcode = ?', params: (v) => [v], values: HOSTILE },
  anyError: {
    filter: (v) => ({ anyError: v === 'true' }),
    clause: (f) => (f.anyError ? 'errorcode IS NOT NULL' : 'errorcode IS NULL'),
    params: () => [],
    values: ['true', 'false'],
  },
  readOnly: {
    filter: (v) => ({ readOnly: v === 'true' }),
    clause: () => 'readonly = ?',
    params: (v) => [v],
    values: ['true', 'false'],
  },
  resourceArn: {
    filter: (v) => ({ resourceArn: v }),
    clause: () => 'cardinality(filter(resources, r -> r.arn = ?)) > 0',
    params: (v) => [v],
    values: HOSTILE,
  },
};

const FIELD_ROWS = Object.entries(FIELDS).flatMap(([field, c]) =>
  c.values.flatMap((value) => BUILDERS.map(([builder, build]) => [field, value, builder, build, c] as const)),
);

describe('every filter field becomes a parameterised predicate', () => {
  it.each(FIELD_ROWS)('%s = %j (%s): predicate with ? and the value only in params', (_field, value, _builder, build, c) => {
    const filter = c.filter(value);
    const plan = build(filter);
    const clause = c.clause(filter);
    expect(plan.sql).toContain(`\n  AND (${clause})`);
    expect(paramsOf(plan, clause)).toEqual(c.params(value));
    expect(marks(plan.sql)).toBe(plan.params.length);
    expect(plan.params).toHaveLength(4 + c.params(value).length);
    // booleans travel as `readonly = ?` with "true"/"false"; every other value must be absent from the text
    if (!['true', 'false'].includes(value)) expect(plan.sql).not.toContain(value);
    for (const p of c.params(value)) expect(plan.params).toContain(p);
  });

  it.each(HOSTILE)('keeps the hostile value %j out of SQL when every text field holds it at once', (value) => {
    const filter: CloudTrailFilterSpec = {
      accounts: ['123456789012'],
      regions: [value],
      eventNames: [value, value],
      eventSources: [value],
      eventTypes: [value],
      principalArn: value,
      principalArnPrefix: value,
      userName: value,
      accessKeyId: value,
      sourceIp: '10.0.0.0/8',
      errorCode: value,
      anyError: true,
      readOnly: false,
      resourceArn: value,
    };
    for (const [, build] of BUILDERS) {
      const plan = build(filter);
      expect(plan.sql).not.toContain(value);
      expect(marks(plan.sql)).toBe(plan.params.length);
      expect(plan.params).toEqual([
        ...WINDOW_PARAMS,
        '123456789012',
        value,
        value,
        value,
        value,
        value,
        value,
        value,
        value,
        value,
        '10.0.0.0/8',
        value,
        'false',
        value,
      ]);
    }
  });

  it.each([
    ['no filter', undefined],
    ['a null filter', null],
    ['an empty filter', {}],
    [
      'a filter of nulls',
      {
        accounts: null,
        regions: null,
        eventNames: null,
        eventSources: null,
        eventTypes: null,
        principalArn: null,
        principalArnPrefix: null,
        userName: null,
        accessKeyId: null,
        sourceIp: null,
        errorCode: null,
        anyError: null,
        readOnly: null,
        resourceArn: null,
      },
    ],
  ])('%s gives only the window predicate', (_name, filter) => {
    for (const [, build] of BUILDERS) {
      const plan = build(filter);
      expect(plan.params).toEqual(WINDOW_PARAMS);
      expect(marks(plan.sql)).toBe(4);
      expect(plan.partitions).toEqual({ accounts: undefined, regions: undefined });
    }
  });
});

describe('every plan starts with the window predicate', () => {
  it.each([
    // The last day is the delivery day of the window's end plus an hour of late delivery.
    ['a window ending at midnight', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z', '2026/12/01', '2026/12/02'],
    ['a window ending before 23:00', '2026-12-01T00:00:00Z', '2026-12-01T22:59:59.999Z', '2026/12/01', '2026/12/01'],
    ['a window ending just after midnight', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00.001Z', '2026/12/01', '2026/12/02'],
    ['a window across a year end', '2026-12-31T23:00:00Z', '2027-01-01T01:00:00Z', '2026/12/31', '2027/01/01'],
    ['a window over a leap day', '2028-02-28T12:00:00Z', '2028-03-01T00:00:00Z', '2028/02/28', '2028/03/01'],
  ])('%s: day BETWEEN %s AND %s, then the instant bounds', (_name, from, to, firstDay, lastDay) => {
    const window = { from: new Date(from), to: new Date(to) };
    const filter: CloudTrailFilterSpec = { eventNames: ['ConsoleLogin'], accounts: ['123456789012'] };
    const plans = [
      cloudTrailEventsPlan(window, filter),
      cloudTrailEventsPlan(window, null, 'DESC'),
      cloudTrailCountsPlan(window, filter, ['ACCOUNT'], 10),
      cloudTrailCountsPlan(window, undefined, ['DAY', 'HOUR'], 10),
    ];
    for (const plan of plans) {
      expect(plan.params.slice(0, 4)).toEqual([firstDay, lastDay, new Date(from).toISOString(), new Date(to).toISOString()]);
      expect(plan.sql).toContain(WINDOW_WHERE);
      // the first `?` of the statement is the partition range
      expect(plan.sql.indexOf('?')).toBe(plan.sql.indexOf('WHERE (day BETWEEN ?') + 'WHERE (day BETWEEN '.length);
      expect(plan.window).toBe(window);
      expect(plan.table).toBe('cloudtrail_logs');
    }
  });

  it('names the operation that built the plan', () => {
    expect(cloudTrailEventsPlan(WINDOW, null).operation).toBe('cloudTrailEvents');
    expect(cloudTrailCountsPlan(WINDOW, null, ['EVENT_NAME'], 1).operation).toBe('cloudTrailCounts');
  });

  it.each([
    ['ASC', undefined],
    ['ASC', 'ASC' as const],
    ['DESC', 'DESC' as const],
  ])('orders events %s by event time then event id (direction %p)', (expected, direction) => {
    const plan = cloudTrailEventsPlan(WINDOW, null, direction);
    expect(plan.sql.endsWith(`ORDER BY from_iso8601_timestamp(eventtime) ${expected}, eventid ${expected}`)).toBe(true);
    expect(plan.sql.startsWith('SELECT\n  eventtime,')).toBe(true);
    expect(plan.sql).not.toContain('{{');
  });
});

describe('bad arguments are BAD_USER_INPUT naming the argument', () => {
  const LIST_FIELDS = ['accounts', 'regions', 'eventNames', 'eventSources', 'eventTypes'] as const;
  const TEXT_FIELDS = ['principalArn', 'principalArnPrefix', 'userName', 'accessKeyId', 'errorCode', 'resourceArn'] as const;

  const rows: [string, string, CloudTrailFilterSpec, string][] = [
    ...LIST_FIELDS.map((f): [string, string, CloudTrailFilterSpec, string] => [
      `an empty ${f} list`,
      `filter.${f}`,
      { [f]: [] },
      'must hold at least one value',
    ]),
    ...LIST_FIELDS.filter((f) => f !== 'accounts').map((f): [string, string, CloudTrailFilterSpec, string] => [
      `an empty string in ${f}`,
      `filter.${f}`,
      { [f]: ['ok', ''] },
      'must not be empty',
    ]),
    ...LIST_FIELDS.filter((f) => f !== 'accounts').map((f): [string, string, CloudTrailFilterSpec, string] => [
      `1001 values in ${f}`,
      `filter.${f}`,
      { [f]: Array.from({ length: 1001 }, (_, i) => `v${i}`) },
      'must hold at most 1000 values',
    ]),
    ...TEXT_FIELDS.map((f): [string, string, CloudTrailFilterSpec, string] => [`an empty ${f}`, `filter.${f}`, { [f]: '' }, 'must not be empty']),
    ...TEXT_FIELDS.map((f): [string, string, CloudTrailFilterSpec, string] => [
      `a 2049-character ${f}`,
      `filter.${f}`,
      { [f]: 'a'.repeat(2049) },
      'must be at most 2048 characters',
    ]),
    ['a 13-digit account', 'filter.accounts', { accounts: ['1234567890123'] }, 'must be a 12-digit AWS account id; got "1234567890123"'],
    ['an 11-digit account', 'filter.accounts', { accounts: ['12345678901'] }, 'must be a 12-digit AWS account id'],
    ['an account with a letter', 'filter.accounts', { accounts: ['12345678901a'] }, 'must be a 12-digit AWS account id'],
    ['an account with a trailing newline', 'filter.accounts', { accounts: ['123456789012\n'] }, 'must be a 12-digit AWS account id'],
    ['a hostile account after a good one', 'filter.accounts', { accounts: ['123456789012', "' OR '1'='1"] }, 'must be a 12-digit AWS account id'],
    ['an empty account', 'filter.accounts', { accounts: [''] }, 'must not be empty'],
    ['an empty sourceIp', 'filter.sourceIp', { sourceIp: '' }, 'must be an IPv4 or IPv6 address'],
    ['a hostile sourceIp', 'filter.sourceIp', { sourceIp: "' OR '1'='1" }, 'must be an IPv4 or IPv6 address'],
    ['a sourceIp prefix over 32', 'filter.sourceIp', { sourceIp: '10.0.0.0/33' }, 'CIDR prefix length must be 0 to 32 for IPv4'],
    ['a sourceIp block with host bits set', 'filter.sourceIp', { sourceIp: '203.0.113.77/24' }, 'did you mean 203.0.113.0/24?'],
  ];

  it.each(rows)('rejects %s naming %s', (_name, argument, filter, rule) => {
    for (const [, build] of BUILDERS) {
      const err = thrown(() => build(filter));
      expect(err.extensions.code).toBe('BAD_USER_INPUT');
      expect(err.extensions.argument).toBe(argument);
      expect(err.message.startsWith(`${argument}: `)).toBe(true);
      expect(err.message).toContain(rule);
    }
  });

  it.each<[string, CloudTrailGroupByKey[], number, string, string]>([
    ['an empty groupBy', [], 10, 'groupBy', 'must name at least one column to group by'],
    ['a duplicate groupBy column', ['EVENT_NAME', 'EVENT_NAME'], 10, 'groupBy', 'must not name a column twice'],
    ['a duplicate among others', ['ACCOUNT', 'REGION', 'ACCOUNT'], 10, 'groupBy', 'must not name a column twice'],
    ['five groupBy columns', ['EVENT_NAME', 'EVENT_SOURCE', 'REGION', 'ACCOUNT', 'DAY'], 10, 'groupBy', `must name at most ${MAX_GROUP_BY} columns`],
    ['top 0', ['EVENT_NAME'], 0, 'top', `must be from 1 to ${MAX_TOP}; got 0`],
    ['top -1', ['EVENT_NAME'], -1, 'top', `must be from 1 to ${MAX_TOP}`],
    ['top 10001', ['EVENT_NAME'], 10_001, 'top', `must be from 1 to ${MAX_TOP}; got 10001`],
    ['a fractional top', ['EVENT_NAME'], 2.5, 'top', `must be from 1 to ${MAX_TOP}`],
    ['a NaN top', ['EVENT_NAME'], Number.NaN, 'top', `must be from 1 to ${MAX_TOP}`],
  ])('rejects %s', (_name, groupBy, top, argument, rule) => {
    const err = thrown(() => cloudTrailCountsPlan(WINDOW, null, groupBy, top));
    expect(err.extensions.code).toBe('BAD_USER_INPUT');
    expect(err.extensions.argument).toBe(argument);
    expect(err.message.startsWith(`${argument}: ${rule}`)).toBe(true);
  });
});

describe('fingerprints', () => {
  const filter: CloudTrailFilterSpec = { eventNames: ['ConsoleLogin'], accounts: ['123456789012'], sourceIp: '10.0.0.0/8' };

  it.each<[string, () => QueryPlan]>([
    ['events', () => cloudTrailEventsPlan(WINDOW, filter)],
    ['events DESC', () => cloudTrailEventsPlan(WINDOW, filter, 'DESC')],
    ['counts', () => cloudTrailCountsPlan(WINDOW, filter, ['EVENT_NAME'], 10)],
  ])('%s: the same inputs give the same plan and fingerprint', (_name, build) => {
    const a = build();
    const b = build();
    expect(a.fingerprint).toMatch(/^[0-9a-f]{24}$/);
    expect(b.fingerprint).toBe(a.fingerprint);
    expect(b.sql).toBe(a.sql);
    expect(b.params).toEqual(a.params);
  });

  it('is equal for equal inputs built from distinct objects', () => {
    const a = cloudTrailEventsPlan({ from: new Date(WINDOW.from), to: new Date(WINDOW.to) }, { ...filter, eventNames: ['ConsoleLogin'] });
    const b = cloudTrailEventsPlan({ from: new Date(WINDOW.from), to: new Date(WINDOW.to) }, { ...filter, eventNames: ['ConsoleLogin'] });
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it.each<[string, () => QueryPlan]>([
    ['another event name', () => cloudTrailEventsPlan(WINDOW, { ...filter, eventNames: ['AssumeRole'] })],
    ['another account', () => cloudTrailEventsPlan(WINDOW, { ...filter, accounts: ['210987654321'] })],
    ['another CIDR', () => cloudTrailEventsPlan(WINDOW, { ...filter, sourceIp: '10.0.0.0/9' })],
    ['a window one millisecond longer', () => cloudTrailEventsPlan({ from: WINDOW.from, to: new Date(WINDOW.to.getTime() + 1) }, filter)],
    ['a window one millisecond later', () => cloudTrailEventsPlan({ from: new Date(WINDOW.from.getTime() + 1), to: WINDOW.to }, filter)],
    ['the other direction', () => cloudTrailEventsPlan(WINDOW, filter, 'DESC')],
    ['an extra filter', () => cloudTrailEventsPlan(WINDOW, { ...filter, anyError: true })],
    ['anyError false instead of true', () => cloudTrailEventsPlan(WINDOW, { ...filter, anyError: false })],
    ['the counts of the same filter', () => cloudTrailCountsPlan(WINDOW, filter, ['EVENT_NAME'], 10)],
  ])('differs for %s', (_name, build) => {
    const base = cloudTrailEventsPlan(WINDOW, filter);
    expect(build().fingerprint).not.toBe(base.fingerprint);
  });

  it.each<[string, () => QueryPlan]>([
    ['another top', () => cloudTrailCountsPlan(WINDOW, filter, ['EVENT_NAME'], 11)],
    ['another group', () => cloudTrailCountsPlan(WINDOW, filter, ['EVENT_SOURCE'], 10)],
    ['the groups reordered', () => cloudTrailCountsPlan(WINDOW, filter, ['REGION', 'EVENT_NAME'], 10)],
  ])('counts differ for %s', (_name, build) => {
    const base = cloudTrailCountsPlan(WINDOW, filter, ['EVENT_NAME', 'REGION'], 10);
    expect(build().fingerprint).not.toBe(base.fingerprint);
  });

  it('tells apart values that would collide if parameters were concatenated', () => {
    const a = cloudTrailEventsPlan(WINDOW, { eventNames: ['a,b'] });
    const b = cloudTrailEventsPlan(WINDOW, { eventNames: ['a', 'b'] });
    const c = cloudTrailEventsPlan(WINDOW, { eventNames: ['a","b'] });
    expect(new Set([a.fingerprint, b.fingerprint, c.fingerprint]).size).toBe(3);
  });
});

describe('partition hints', () => {
  it.each<[string, CloudTrailFilterSpec | null, { accounts?: readonly string[]; regions?: readonly string[] }]>([
    ['accounts and regions', { accounts: ['123456789012', '210987654321'], regions: ['us-east-1'] }, { accounts: ['123456789012', '210987654321'], regions: ['us-east-1'] }],
    ['accounts only', { accounts: ['123456789012'], eventNames: ['X'] }, { accounts: ['123456789012'], regions: undefined }],
    ['regions only', { regions: ['eu-west-1', 'eu-central-1'] }, { accounts: undefined, regions: ['eu-west-1', 'eu-central-1'] }],
    ['neither', { eventNames: ['X'] }, { accounts: undefined, regions: undefined }],
    ['no filter', null, { accounts: undefined, regions: undefined }],
  ])('carry %s', (_name, filter, partitions) => {
    expect(cloudTrailEventsPlan(WINDOW, filter).partitions).toEqual(partitions);
    expect(cloudTrailCountsPlan(WINDOW, filter, ['ACCOUNT'], 5).partitions).toEqual(partitions);
  });
});

describe('counts SQL', () => {
  const KEYS = Object.keys(CLOUDTRAIL_GROUP_BY) as CloudTrailGroupByKey[];
  // every catalogue key, in groups of up to MAX_GROUP_BY
  const GROUPS: CloudTrailGroupByKey[][] = [];
  for (let i = 0; i < KEYS.length; i += MAX_GROUP_BY) GROUPS.push(KEYS.slice(i, i + MAX_GROUP_BY));
  GROUPS.push(['HOUR'], ['SOURCE_IP', 'ACCOUNT']);

  it.each(GROUPS.map((g) => [g.join(', '), g] as const))('selects only catalogue expressions for [%s]', (_name, groupBy) => {
    const plan = cloudTrailCountsPlan(WINDOW, { regions: ['us-east-1'] }, groupBy, 100);
    const selectList = plan.sql.slice(plan.sql.indexOf('SELECT\n') + 'SELECT\n'.length, plan.sql.indexOf('\nFROM cloudtrail_logs'));
    const expected = groupBy.map((g, i) => `  CAST(${CLOUDTRAIL_GROUP_BY[g]} AS VARCHAR) AS key_${i + 1},`).concat('  count(*) AS n');
    expect(selectList.split('\n')).toEqual(expected);
    const ordinals = groupBy.map((_, i) => String(i + 1)).join(', ');
    expect(plan.sql).toContain(`\nGROUP BY ${ordinals}\nORDER BY n DESC, ${ordinals}\n`);
    expect(plan.sql).toContain(WINDOW_WHERE);
    expect(plan.sql).not.toContain('{{');
  });

  it.each([1, 7, 100, MAX_TOP])('ends with LIMIT %p', (top) => {
    const plan = cloudTrailCountsPlan(WINDOW, null, ['EVENT_NAME'], top);
    expect(plan.sql.endsWith(`\nLIMIT ${top}`)).toBe(true);
    expect(plan.sql.match(/LIMIT \d+/g)).toEqual([`LIMIT ${top}`]);
    // the limit is part of the text, not a parameter
    expect(plan.params).toEqual(WINDOW_PARAMS);
  });
});
