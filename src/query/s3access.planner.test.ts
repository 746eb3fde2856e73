import { thrown } from '../../test/helpers/thrown';
import { MAX_GROUP_BY, MAX_TOP } from './cloudtrail.planner';
import { QueryPlan } from './query-plan';
import { S3_ACCESS_GROUP_BY, S3_ACCESS_TIME, S3AccessFilterSpec, S3AccessGroupByKey } from './s3access.catalogue';
import { s3AccessCountsPlan, s3AccessRequestsPlan } from './s3access.planner';
import { TimeWindow } from './time-window';

const WINDOW: TimeWindow = { from: new Date('2026-11-30T22:15:00Z'), to: new Date('2026-12-02T00:00:00Z') };
// The day range reaches into 12/02: objects delivered in the hour after the window (see delivery-window.ts).
const WINDOW_PARAMS = ['2026/11/30', '2026/12/02', '2026-11-30T22:15:00.000Z', '2026-12-02T00:00:00.000Z'];
const TIME = "parse_datetime(requestdatetime, 'dd/MMM/yyyy:HH:mm:ss Z')";
const WINDOW_WHERE = ['WHERE (day BETWEEN ? AND ?)', `  AND (${TIME} >= from_iso8601_timestamp(?))`, `  AND (${TIME} < from_iso8601_timestamp(?))`].join('\n');

const HOSTILE = ["' OR '1'='1", "x\\' --", '"; DROP TABLE x; --', 'ünïcødé — 日本語 🚀', "a?b'?", '{{where}}', "$1 /* '"];

type Plans = (filter: S3AccessFilterSpec | null | undefined) => QueryPlan;
const BUILDERS: [string, Plans][] = [
  ['requests', (f) => s3AccessRequestsPlan(WINDOW, f)],
  ['requests DESC', (f) => s3AccessRequestsPlan(WINDOW, f, 'DESC')],
  ['counts', (f) => s3AccessCountsPlan(WINDOW, f, ['BUCKET', 'REQUESTER'], 50)],
];

const marks = (sql: string): number => (sql.match(/\?/g) ?? []).length;
const inList = (expr: string, n: number): string => `${expr} IN (${Array.from({ length: n }, () => '?').join(', ')})`;

function paramsOf(plan: QueryPlan, clause: string): unknown[] {
  const at = plan.sql.indexOf(`(${clause})`);
  expect(at).toBeGreaterThan(-1);
  const first = marks(plan.sql.slice(0, at));
  return plan.params.slice(first, first + marks(clause));
}

interface FieldCase<V> {
  filter: (v: V) => S3AccessFilterSpec;
  clause: (f: S3AccessFilterSpec) => string;
  params: (v: V) => unknown[];
  values: V[];
}

// A Record over every key: adding a filter field without a row here fails to compile.
const FIELDS: { [K in Exclude<keyof S3AccessFilterSpec, 'httpStatuses'>]-?: FieldCase<string> } & { httpStatuses: FieldCase<number> } = {
  buckets: { filter: (v) => ({ buckets: [v, 'other'] }), clause: () => inList('bucket_name', 2), params: (v) => [v, 'other'], values: HOSTILE },
  keyPrefix: { filter: (v) => ({ keyPrefix: v }), clause: () => 'starts_with(key, ?)', params: (v) => [v], values: HOSTILE },
  operations: { filter: (v) => ({ operations: [v] }), clause: () => inList('operation', 1), params: (v) => [v], values: HOSTILE },
  requester: { filter: (v) => ({ requester: v }), clause: () => 'requester = ?', params: (v) => [v], values: HOSTILE },
  remoteIp: {
    filter: (v) => ({ remoteIp: v }),
    clause: (f) => `CASE WHEN strpos(remoteip, ':') ${String(f.remoteIp).includes(':') ? '>' : '='} 0 THEN contains(?, TRY_CAST(remoteip AS IPADDRESS)) ELSE false END`,
    params: (v) => [v.includes('/') ? v : `${v}/${v.includes(':') ? 128 : 32}`],
    values: ['198.51.100.0/24', '2001:db8:77::/48', '198.51.100.23', '2001:db8::7'],
  },
  httpStatuses: { filter: (v) => ({ httpStatuses: [v, 404] }), clause: () => 'httpstatus IN (?, ?)', params: (v) => [v, 404], values: [100, 200, 403, 599] },
  errorCodes: { filter: (v) => ({ errorCodes: [v] }), clause: () => inList('errorcode', 1), params: (v) => [v], values: HOSTILE },
  accounts: { filter: (v) => ({ accounts: [v] }), clause: () => inList('account', 1), params: (v) => [v], values: ['123456789012', '000000000000'] },
  regions: { filter: (v) => ({ regions: [v] }), clause: () => inList('region', 1), params: (v) => [v], values: HOSTILE },
};

const FIELD_ROWS = Object.entries(FIELDS).flatMap(([field, c]) =>
  (c.values as (string | number)[]).flatMap((value) => BUILDERS.map(([builder, build]) => [field, value, builder, build, c as FieldCase<string | number>] as const)),
);

describe('every S3 access filter field becomes a parameterised predicate', () => {
  it.each(FIELD_ROWS)('%s = %j (%s)', (_field, value, _builder, build, c) => {
    const filter = c.filter(value);
    const plan = build(filter);
    const clause = c.clause(filter);
    expect(plan.sql).toContain(`\n  AND (${clause})`);
    expect(paramsOf(plan, clause)).toEqual(c.params(value));
    expect(marks(plan.sql)).toBe(plan.params.length);
    expect(plan.params).toHaveLength(4 + c.params(value).length);
    if (typeof value === 'string') expect(plan.sql).not.toContain(value);
    expect(plan.sql).toContain(`WHERE ${plan.prefilter ?? 'no prefilter'}\n`);
  });

  it.each(HOSTILE)('keeps the hostile value %j out of SQL when every text field holds it at once', (value) => {
    const filter: S3AccessFilterSpec = {
      accounts: ['123456789012'],
      regions: [value],
      buckets: [value],
      keyPrefix: value,
      operations: [value],
      requester: value,
      remoteIp: '10.0.0.0/8',
      httpStatuses: [403],
      errorCodes: [value],
    };
    for (const [, build] of BUILDERS) {
      const plan = build(filter);
      expect(plan.sql).not.toContain(value);
      expect(plan.params).toEqual([...WINDOW_PARAMS, '123456789012', value, value, value, value, value, '10.0.0.0/8', 403, value]);
    }
  });

  it.each([
    ['no filter', undefined],
    ['a null filter', null],
    ['an empty filter', {}],
    ['a filter of nulls', { buckets: null, keyPrefix: null, operations: null, requester: null, remoteIp: null, httpStatuses: null, errorCodes: null, accounts: null, regions: null }],
  ])('%s gives only the window predicate and no prefilter', (_name, filter) => {
    for (const [, build] of BUILDERS) {
      const plan = build(filter);
      expect(plan.params).toEqual(WINDOW_PARAMS);
      expect(plan.sql).toContain(WINDOW_WHERE);
      expect(plan.prefilter).toBeUndefined();
      expect(plan.partitions).toEqual({ accounts: undefined, regions: undefined });
      expect(plan.table).toBe('s3_access_logs');
    }
  });
});

describe('S3 access plans', () => {
  it('start with the delivery-day range, then the instant bounds on the request time', () => {
    for (const [, build] of BUILDERS) {
      const plan = build({ buckets: ['b'] });
      expect(plan.params.slice(0, 4)).toEqual(WINDOW_PARAMS);
      expect(plan.sql.indexOf('?')).toBe(plan.sql.indexOf('WHERE (day BETWEEN ?') + 'WHERE (day BETWEEN '.length);
    }
    expect(S3_ACCESS_TIME).toBe(TIME);
  });

  it.each([
    ['ASC', undefined],
    ['ASC', 'ASC' as const],
    ['DESC', 'DESC' as const],
  ])('order requests %s by request time, request id and object key (direction %p)', (expected, direction) => {
    const plan = s3AccessRequestsPlan(WINDOW, null, direction);
    expect(plan.sql.endsWith(`ORDER BY ${TIME} ${expected}, requestid ${expected}, "$path" ${expected}`)).toBe(true);
    expect(plan.sql.startsWith('SELECT\n  bucketowner,')).toBe(true);
    expect(plan.sql).not.toContain('{{');
    expect(plan.operation).toBe('s3AccessRequests');
  });

  it('groups by catalogue expressions only, cast to text, largest first', () => {
    const keys = Object.keys(S3_ACCESS_GROUP_BY) as S3AccessGroupByKey[];
    for (let i = 0; i < keys.length; i += MAX_GROUP_BY) {
      const groupBy = keys.slice(i, i + MAX_GROUP_BY);
      const plan = s3AccessCountsPlan(WINDOW, null, groupBy, 7);
      groupBy.forEach((g, j) => expect(plan.sql).toContain(`CAST(${S3_ACCESS_GROUP_BY[g]} AS VARCHAR) AS key_${j + 1}`));
      expect(plan.sql).toContain(`ORDER BY n DESC, ${groupBy.map((_, j) => j + 1).join(', ')}\nLIMIT 7`);
      expect(plan.operation).toBe('s3AccessCounts');
    }
  });

  it('carries account and region filters as partition hints', () => {
    expect(s3AccessRequestsPlan(WINDOW, { accounts: ['123456789012'], regions: ['us-east-1'] }).partitions).toEqual({ accounts: ['123456789012'], regions: ['us-east-1'] });
  });

  it('fingerprints equal inputs alike and different inputs apart', () => {
    const a = s3AccessRequestsPlan(WINDOW, { httpStatuses: [403] });
    expect(s3AccessRequestsPlan(WINDOW, { httpStatuses: [403] }).fingerprint).toBe(a.fingerprint);
    expect(s3AccessRequestsPlan(WINDOW, { httpStatuses: [404] }).fingerprint).not.toBe(a.fingerprint);
    expect(s3AccessRequestsPlan(WINDOW, { httpStatuses: [403] }, 'DESC').fingerprint).not.toBe(a.fingerprint);
    expect(s3AccessCountsPlan(WINDOW, { httpStatuses: [403] }, ['BUCKET'], 10).fingerprint).not.toBe(a.fingerprint);
  });
});

describe('bad S3 access arguments are BAD_USER_INPUT naming the argument', () => {
  it.each<[string, string, S3AccessFilterSpec, string]>([
    ['an empty buckets list', 'filter.buckets', { buckets: [] }, 'must hold at least one value'],
    ['an empty bucket', 'filter.buckets', { buckets: [''] }, 'must not be empty'],
    ['an empty keyPrefix', 'filter.keyPrefix', { keyPrefix: '' }, 'must not be empty'],
    ['a 2049-character requester', 'filter.requester', { requester: 'a'.repeat(2049) }, 'must be at most 2048 characters'],
    ['1001 operations', 'filter.operations', { operations: Array.from({ length: 1001 }, (_, i) => `op${i}`) }, 'must hold at most 1000 values'],
    ['an empty errorCodes list', 'filter.errorCodes', { errorCodes: [] }, 'must hold at least one value'],
    ['a hostile remoteIp', 'filter.remoteIp', { remoteIp: "' OR '1'='1" }, 'must be an IPv4 or IPv6 address'],
    ['a remoteIp block with host bits set', 'filter.remoteIp', { remoteIp: '203.0.113.77/24' }, 'did you mean 203.0.113.0/24?'],
    ['an empty httpStatuses list', 'filter.httpStatuses', { httpStatuses: [] }, 'must hold at least one value'],
    ['status 99', 'filter.httpStatuses', { httpStatuses: [200, 99] }, 'each value must be an HTTP status code from 100 to 599; got 99'],
    ['status 600', 'filter.httpStatuses', { httpStatuses: [600] }, 'from 100 to 599'],
    ['a fractional status', 'filter.httpStatuses', { httpStatuses: [200.5] }, 'from 100 to 599'],
    ['1001 statuses', 'filter.httpStatuses', { httpStatuses: Array.from({ length: 1001 }, () => 200) }, 'must hold at most 1000 values'],
    ['an 11-digit account', 'filter.accounts', { accounts: ['12345678901'] }, 'must be a 12-digit AWS account id'],
    ['an empty region', 'filter.regions', { regions: [''] }, 'must not be empty'],
  ])('rejects %s naming %s', (_name, argument, filter, rule) => {
    for (const [, build] of BUILDERS) {
      const err = thrown(() => build(filter));
      expect(err.extensions.code).toBe('BAD_USER_INPUT');
      expect(err.extensions.argument).toBe(argument);
      expect(err.message).toContain(rule);
    }
  });

  it.each<[string, S3AccessGroupByKey[], number, string, string]>([
    ['an empty groupBy', [], 10, 'groupBy', 'must name at least one column to group by'],
    ['a duplicate groupBy column', ['BUCKET', 'BUCKET'], 10, 'groupBy', 'must not name a column twice'],
    ['five groupBy columns', ['BUCKET', 'KEY', 'DAY', 'HOUR', 'REQUESTER'], 10, 'groupBy', `must name at most ${MAX_GROUP_BY} columns`],
    ['top 0', ['BUCKET'], 0, 'top', `must be from 1 to ${MAX_TOP}`],
    ['top 10001', ['BUCKET'], 10_001, 'top', `must be from 1 to ${MAX_TOP}`],
  ])('rejects %s', (_name, groupBy, top, argument, rule) => {
    const err = thrown(() => s3AccessCountsPlan(WINDOW, null, groupBy, top));
    expect(err.extensions.argument).toBe(argument);
    expect(err.message.startsWith(`${argument}: ${rule}`)).toBe(true);
  });
});
