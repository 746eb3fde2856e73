// The ALB planner, table-driven: every filter field becomes one parameterised predicate (values only
// in params, hostile text included), the window comes first, bad input is refused with the argument
// named, and the SQL files and the column catalogue agree both ways.
import { thrown } from '../../test/helpers/thrown';
import { ALB_COLUMNS } from './alb-table';
import { ALB_GROUP_BY, AlbFilterSpec, AlbGroupByKey } from './alb.catalogue';
import { albCountsPlan, albRequestsPlan } from './alb.planner';
import { QueryPlan } from './query-plan';
import { loadSql } from './sql-template';
import { TimeWindow } from './time-window';

const WINDOW: TimeWindow = { from: new Date('2026-11-30T22:15:00Z'), to: new Date('2026-12-02T00:00:00Z') };
// ALB day folders are delivery dates: the partition range reaches into the day after the window.
const WINDOW_PARAMS = ['2026/11/30', '2026/12/02', '2026-11-30T22:15:00.000Z', '2026-12-02T00:00:00.000Z'];
const WINDOW_WHERE = [
  'WHERE (day BETWEEN ? AND ?)',
  '  AND (from_iso8601_timestamp(time) >= from_iso8601_timestamp(?))',
  '  AND (from_iso8601_timestamp(time) < from_iso8601_timestamp(?))',
].join('\n');

const HOSTILE = ["' OR '1'='1", "x\\' --", '"; DROP TABLE x; --', 'ünïcødé — 日本語 🚀', "a?b'?", '{{where}}', "$1 /* '"];

const BUILDERS: [string, (f: AlbFilterSpec | null | undefined) => QueryPlan][] = [
  ['requests', (f) => albRequestsPlan(WINDOW, f)],
  ['requests DESC', (f) => albRequestsPlan(WINDOW, f, 'DESC')],
  ['counts', (f) => albCountsPlan(WINDOW, f, ['ELB', 'CLIENT_IP'], 50)],
];

const marks = (sql: string): number => (sql.match(/\?/g) ?? []).length;
const inList = (expr: string, n: number): string => `${expr} IN (${Array.from({ length: n }, () => '?').join(', ')})`;

function paramsOf(plan: QueryPlan, clause: string): unknown[] {
  const at = plan.sql.indexOf(`(${clause})`);
  expect(at).toBeGreaterThan(-1);
  const first = marks(plan.sql.slice(0, at));
  return plan.params.slice(first, first + marks(clause));
}

interface FieldCase {
  filter: (v: string) => AlbFilterSpec;
  clause: (f: AlbFilterSpec) => string;
  params: (v: string) => unknown[];
  values: string[];
}

const textList = (field: keyof AlbFilterSpec, expr: string): FieldCase => ({
  filter: (v) => ({ [field]: [v, 'other'] }),
  clause: () => inList(expr, 2),
  params: (v) => [v, 'other'],
  values: HOSTILE,
});

// A Record over every key: adding a filter field without a row here fails to compile.
const FIELDS: Record<keyof AlbFilterSpec, FieldCase> = {
  accounts: { filter: (v) => ({ accounts: [v] }), clause: () => inList('account', 1), params: (v) => [v], values: ['123456789012'] },
  regions: textList('regions', 'region'),
  loadBalancers: textList('loadBalancers', 'elb'),
  types: textList('types', 'type'),
  clientIp: {
    filter: (v) => ({ clientIp: v }),
    clause: (f) => `CASE WHEN strpos(client_ip, ':') ${String(f.clientIp).includes(':') ? '>' : '='} 0 THEN contains(?, TRY_CAST(client_ip AS IPADDRESS)) ELSE false END`,
    params: (v) => [v.includes('/') ? v : `${v}/${v.includes(':') ? 128 : 32}`],
    values: ['198.51.100.0/24', '2001:db8:77::/48', '198.51.100.23', '2001:db8::7'],
  },
  elbStatusCodes: {
    filter: (v) => ({ elbStatusCodes: [Number(v), 503] }),
    clause: () => 'elb_status_code IN (?, ?)',
    params: (v) => [Number(v), 503],
    values: ['200', '460'],
  },
  targetStatusCodes: {
    filter: (v) => ({ targetStatusCodes: [Number(v)] }),
    clause: () => inList('target_status_code', 1),
    params: (v) => [v],
    values: ['200', '502'],
  },
  verbs: textList('verbs', 'request_verb'),
  urlContains: { filter: (v) => ({ urlContains: v }), clause: () => 'strpos(request_url, ?) > 0', params: (v) => [v], values: HOSTILE },
  domains: textList('domains', 'domain_name'),
  sslProtocols: textList('sslProtocols', 'ssl_protocol'),
  userAgentContains: { filter: (v) => ({ userAgentContains: v }), clause: () => 'strpos(user_agent, ?) > 0', params: (v) => [v], values: HOSTILE },
};

const FIELD_ROWS = Object.entries(FIELDS).flatMap(([field, c]) => c.values.flatMap((value) => BUILDERS.map(([builder, build]) => [field, value, builder, build, c] as const)));

describe('every ALB filter field becomes a parameterised predicate', () => {
  it.each(FIELD_ROWS)('%s = %j (%s)', (_field, value, _builder, build, c) => {
    const filter = c.filter(value);
    const plan = build(filter);
    const clause = c.clause(filter);
    expect(plan.sql).toContain(`\n  AND (${clause})`);
    expect(paramsOf(plan, clause)).toEqual(c.params(value));
    expect(marks(plan.sql)).toBe(plan.params.length);
    expect(plan.params.slice(0, 4)).toEqual(WINDOW_PARAMS);
    if (!/^\d+$/.test(value)) expect(plan.sql).not.toContain(value);
    expect(plan.prefilter).toBeDefined();
  });

  it('starts every plan with the window, on the delivery day folders and the request instant', () => {
    for (const [, build] of BUILDERS) {
      const plan = build(null);
      expect(plan.sql).toContain(WINDOW_WHERE);
      expect(plan.params).toEqual(WINDOW_PARAMS);
      expect(plan.table).toBe('alb_logs');
      expect(plan.prefilter).toBeUndefined();
    }
  });

  it('passes accounts and regions on as partition hints', () => {
    expect(albRequestsPlan(WINDOW, { accounts: ['123456789012'], regions: ['eu-west-1'] }).partitions).toEqual({ accounts: ['123456789012'], regions: ['eu-west-1'] });
  });

  it('groups by catalogue expressions only, as text keys', () => {
    const plan = albCountsPlan(WINDOW, null, ['URL', 'DAY'], 10);
    expect(plan.sql).toContain('CAST(request_url AS VARCHAR) AS key_1');
    expect(plan.sql).toContain('CAST(substr(time, 1, 10) AS VARCHAR) AS key_2');
    expect(plan.sql).toMatch(/GROUP BY 1, 2\nORDER BY n DESC, 1, 2\nLIMIT 10$/);
  });
});

describe('bad ALB input is refused, naming the argument', () => {
  it.each<[string, () => unknown, string]>([
    ['an empty list', () => albRequestsPlan(WINDOW, { verbs: [] }), 'filter.verbs'],
    ['a non-account', () => albRequestsPlan(WINDOW, { accounts: ['12345'] }), 'filter.accounts'],
    ['an address that is not one', () => albRequestsPlan(WINDOW, { clientIp: '10.0.0.300' }), 'filter.clientIp'],
    ['a CIDR with host bits', () => albRequestsPlan(WINDOW, { clientIp: '10.0.0.1/8' }), 'filter.clientIp'],
    ['a status code out of range', () => albRequestsPlan(WINDOW, { elbStatusCodes: [42] }), 'filter.elbStatusCodes'],
    ['a fractional status code', () => albRequestsPlan(WINDOW, { targetStatusCodes: [200.5] }), 'filter.targetStatusCodes'],
    ['an empty status list', () => albRequestsPlan(WINDOW, { targetStatusCodes: [] }), 'filter.targetStatusCodes'],
    ['an empty substring', () => albRequestsPlan(WINDOW, { urlContains: '' }), 'filter.urlContains'],
    ['no group-by', () => albCountsPlan(WINDOW, null, [], 10), 'groupBy'],
    ['five group-bys', () => albCountsPlan(WINDOW, null, ['ELB', 'URL', 'DAY', 'HOUR', 'TYPE'], 10), 'groupBy'],
    ['a repeated group-by', () => albCountsPlan(WINDOW, null, ['ELB', 'ELB'], 10), 'groupBy'],
    ['a zero top', () => albCountsPlan(WINDOW, null, ['ELB'], 0), 'top'],
  ])('%s', (_name, fn, argument) => {
    expect(thrown(fn).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

describe('the ALB SQL files and the column catalogue agree', () => {
  const tableColumns = new Set([...ALB_COLUMNS.map((c) => c.name), 'account', 'region', 'day']);

  it('selects every column of alb_logs in requests.sql, and nothing else', () => {
    const select = loadSql('alb/requests.sql').split('\nFROM ')[0]!.replace(/^SELECT\n/, '');
    const names = select.split(',\n').map((s) => s.trim());
    expect(names.pop()).toBe('"$path" AS source_file');
    expect(names).toEqual([...tableColumns]);
  });

  it('groups by expressions over alb_logs columns only', () => {
    for (const [key, expr] of Object.entries(ALB_GROUP_BY) as [AlbGroupByKey, string][]) {
      const identifiers = expr.replace(/substr\(|\d+|[(),\s]/g, ' ').split(' ').filter(Boolean);
      for (const id of identifiers) expect({ key, id, known: tableColumns.has(id) }).toEqual({ key, id, known: true });
    }
  });
});
