// The VPC Flow Logs planner: every filter's clause and parameters, values never in the SQL text,
// refusals that name the argument, and the SQL files and the catalogue agreeing both ways.
import { thrown } from '../../test/helpers/thrown';
import { loadSql } from './sql-template';
import { VPC_FLOW_COLUMNS, VPC_FLOW_GROUP_BY, VpcFlowFilterSpec, VpcFlowGroupByKey } from './vpcflow.catalogue';
import { vpcFlowCountsPlan, vpcFlowRecordsPlan } from './vpcflow.planner';
import type { TimeWindow } from './time-window';

const WINDOW: TimeWindow = { from: new Date('2026-11-30T22:15:00Z'), to: new Date('2026-12-02T00:00:00Z') };
const WINDOW_PARAMS = ['2026/11/30', '2026/12/02', '2026-11-30T22:15:00.000Z', '2026-12-02T00:00:00.000Z'];
const v4 = (c: string): string => `CASE WHEN strpos(${c}, ':') = 0 THEN contains(?, TRY_CAST(${c} AS IPADDRESS)) ELSE false END`;
const v6 = (c: string): string => `CASE WHEN strpos(${c}, ':') > 0 THEN contains(?, TRY_CAST(${c} AS IPADDRESS)) ELSE false END`;

// A Record over every key: adding a filter field without a row here fails to compile.
const CASES: Record<keyof VpcFlowFilterSpec, [VpcFlowFilterSpec, string, unknown[]]> = {
  address: [{ address: '203.0.113.0/24' }, ['srcaddr', 'dstaddr', 'pkt_srcaddr', 'pkt_dstaddr'].map(v4).join(' OR '), Array(4).fill('203.0.113.0/24')],
  srcAddr: [{ srcAddr: '2001:db8::7' }, v6('srcaddr'), ['2001:db8::7/128']],
  dstAddr: [{ dstAddr: '10.0.1.23' }, v4('dstaddr'), ['10.0.1.23/32']],
  ports: [{ ports: [22, 3389] }, 'srcport IN (?, ?) OR dstport IN (?, ?)', [22, 3389, 22, 3389]],
  srcPort: [{ srcPort: 0 }, 'srcport = ?', [0]],
  dstPort: [{ dstPort: 443 }, 'dstport = ?', [443]],
  protocols: [{ protocols: [6, 17] }, 'protocol IN (?, ?)', [6, 17]],
  actions: [{ actions: ['REJECT'] }, 'action IN (?)', ['REJECT']],
  interfaceIds: [{ interfaceIds: ['eni-0a1b2c3d4e5f67890'] }, 'interface_id IN (?)', ['eni-0a1b2c3d4e5f67890']],
  logStatuses: [{ logStatuses: ['NODATA', 'SKIPDATA'] }, 'log_status IN (?, ?)', ['NODATA', 'SKIPDATA']],
  accounts: [{ accounts: ['679701687731'] }, 'account IN (?)', ['679701687731']],
  regions: [{ regions: ['eu-west-1'] }, 'region IN (?)', ['eu-west-1']],
  vpcIds: [{ vpcIds: ['vpc-0a11c3e5f7a9b1d3f'] }, 'vpc_id IN (?)', ['vpc-0a11c3e5f7a9b1d3f']],
};

describe('vpcFlowRecordsPlan', () => {
  it('starts with the window on the day partition and on from_unixtime(start)', () => {
    const plan = vpcFlowRecordsPlan(WINDOW, null);
    expect(plan.sql).toContain(['WHERE (day BETWEEN ? AND ?)', '  AND (from_unixtime("start") >= from_iso8601_timestamp(?))', '  AND (from_unixtime("start") < from_iso8601_timestamp(?))'].join('\n'));
    expect(plan.params).toEqual(WINDOW_PARAMS);
    expect(plan.table).toBe('vpc_flow_logs');
    expect(plan.prefilter).toBeUndefined();
    expect(vpcFlowRecordsPlan(WINDOW, null, 'DESC').sql).toContain('ORDER BY "start" DESC');
  });

  it.each(Object.entries(CASES))('turns %s into its clause with values as parameters', (_name, [filter, clause, params]) => {
    const plan = vpcFlowRecordsPlan(WINDOW, filter);
    expect(plan.sql).toContain(`AND (${clause})`);
    expect(plan.params).toEqual([...WINDOW_PARAMS, ...params]);
    expect(plan.prefilter).toContain(clause);
    for (const p of params) if (typeof p === 'string') expect(plan.sql).not.toContain(p);
  });

  it('passes account and region filters on as partition hints', () => {
    expect(vpcFlowRecordsPlan(WINDOW, { accounts: ['679701687731'], regions: ['us-east-1'] }).partitions).toEqual({ accounts: ['679701687731'], regions: ['us-east-1'] });
  });

  it.each([
    [{ address: '10.0.0.1/33' }, 'filter.address'],
    [{ address: '10.0.0.1/8' }, 'filter.address'],
    [{ srcAddr: 'example.com' }, 'filter.srcAddr'],
    [{ ports: [] }, 'filter.ports'],
    [{ ports: [65536] }, 'filter.ports'],
    [{ srcPort: -1 }, 'filter.srcPort'],
    [{ dstPort: 1.5 }, 'filter.dstPort'],
    [{ protocols: [256] }, 'filter.protocols'],
    [{ actions: ['accept'] }, 'filter.actions'],
    [{ logStatuses: ['FAILED'] }, 'filter.logStatuses'],
    [{ interfaceIds: ["eni-1' OR '1'='1"] }, 'filter.interfaceIds'],
    [{ vpcIds: ['subnet-1'] }, 'filter.vpcIds'],
    [{ accounts: ['1234'] }, 'filter.accounts'],
    [{ regions: ['moon'] }, 'filter.regions'],
  ] as [VpcFlowFilterSpec, string][])('refuses %j naming %s', (filter, argument) => {
    expect(thrown(() => vpcFlowRecordsPlan(WINDOW, filter)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });
});

describe('vpcFlowCountsPlan', () => {
  const keys = Object.keys(VPC_FLOW_GROUP_BY) as VpcFlowGroupByKey[];
  const groups = Array.from({ length: Math.ceil(keys.length / 4) }, (_, i) => keys.slice(i * 4, i * 4 + 4));

  it.each(groups.map((g) => [g.join(', '), g] as const))('selects only catalogue expressions for [%s]', (_n, groupBy) => {
    const plan = vpcFlowCountsPlan(WINDOW, null, groupBy, 25);
    groupBy.forEach((g, i) => expect(plan.sql).toContain(`CAST(${VPC_FLOW_GROUP_BY[g]} AS VARCHAR) AS key_${i + 1}`));
    expect(plan.sql).toContain('LIMIT 25');
  });

  it('refuses empty, long, repeated group-bys and a bad top', () => {
    expect(thrown(() => vpcFlowCountsPlan(WINDOW, null, [], 5)).extensions).toMatchObject({ argument: 'groupBy' });
    expect(thrown(() => vpcFlowCountsPlan(WINDOW, null, keys.slice(0, 5), 5)).extensions).toMatchObject({ argument: 'groupBy' });
    expect(thrown(() => vpcFlowCountsPlan(WINDOW, null, ['DAY', 'DAY'], 5)).extensions).toMatchObject({ argument: 'groupBy' });
    expect(thrown(() => vpcFlowCountsPlan(WINDOW, null, ['DAY'], 0)).extensions).toMatchObject({ argument: 'top' });
  });
});

describe('sql/vpcflow and the catalogue', () => {
  it('records.sql selects every catalogue column, and names no column the catalogue lacks', () => {
    const sql = loadSql('vpcflow/records.sql');
    const selected = sql.slice(sql.indexOf('SELECT') + 6, sql.indexOf('FROM')).split(',').map((s) => s.trim().replace(/"/g, '').split(/\s+AS\s+/i)[0]!);
    const partitions = ['account', 'region', 'day', '$path'];
    expect(selected.filter((c) => !partitions.includes(c))).toEqual(VPC_FLOW_COLUMNS.map((c) => c.column));
  });
});
