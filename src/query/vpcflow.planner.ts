// Builds VPC Flow Logs query plans from typed inputs. Pure: no I/O, table-tested in vpcflow.planner.test.ts.
import { badInput } from '../errors';
import { SortDirection } from './plan-builder';
import { ACCOUNT_ID, ACCOUNT_RULE, checkList, MAX_LIST_VALUES } from './filter-rules';
import { normaliseIpFilter } from './ip-filter';
import { countsFragments, finishPlan } from './plan-builder';
import { QueryPlan, SqlParts } from './query-plan';
import { fillTemplate, loadSql } from './sql-template';
import { TimeWindow } from './time-window';
import { VPC_FLOW_GROUP_BY, VPC_FLOW_TIME, VpcFlowFilterSpec, VpcFlowGroupByKey } from './vpcflow.catalogue';
import { addWindowPredicate } from './window-predicate';


const ACTIONS = /^(ACCEPT|REJECT)$/;
const LOG_STATUSES = /^(OK|NODATA|SKIPDATA)$/;
// AWS ids are hex, but anonymised samples (and Elastic's test data) use other letters: accept both.
const INTERFACE_ID = /^eni-[0-9a-z]{1,32}$/;
const VPC_ID = /^vpc-[0-9a-z]{1,32}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * `column` holds the address or CIDR. Trino's contains() fails on an address of the other family
 * (it does not return false), so CASE keeps it to rows of the CIDR's family, as cloudtrail.planner does.
 */
function inCidr(column: string, cidr: string): string {
  const sameFamily = cidr.includes(':') ? `strpos(${column}, ':') > 0` : `strpos(${column}, ':') = 0`;
  return `CASE WHEN ${sameFamily} THEN contains(?, TRY_CAST(${column} AS IPADDRESS)) ELSE false END`;
}

function checkPort(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw badInput(argument, 'must be a port number from 0 to 65535', value);
  return value;
}

function checkNumbers(values: readonly number[] | null | undefined, argument: string, check: (v: number, arg: string) => number): readonly number[] | undefined {
  if (values === null || values === undefined) return undefined;
  if (values.length === 0) throw badInput(argument, 'must hold at least one value (omit it to match everything)', values);
  if (values.length > MAX_LIST_VALUES) throw badInput(argument, `must hold at most ${MAX_LIST_VALUES} values`, `${values.length} values`);
  return values.map((v) => check(v, argument));
}

function checkProtocol(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 255) throw badInput(argument, 'must be an IANA protocol number from 0 to 255 (6 TCP, 17 UDP, 1 ICMP)', value);
  return value;
}

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

function filterParts(window: TimeWindow, filter: VpcFlowFilterSpec | null | undefined, arg = 'filter'): SqlParts {
  const parts = new SqlParts();
  addWindowPredicate(parts, window, VPC_FLOW_TIME);
  if (!filter) return parts;
  const list = (name: keyof VpcFlowFilterSpec, expr: string, pattern?: RegExp, rule?: string): void => {
    const values = checkList(filter[name] as readonly string[] | null | undefined, `${arg}.${name}`, pattern, rule);
    if (values) parts.addIn(expr, values);
  };
  list('accounts', 'account', ACCOUNT_ID, ACCOUNT_RULE);
  list('regions', 'region', REGION, 'must be an AWS Region name such as us-east-1');
  list('actions', 'action', ACTIONS, 'must be ACCEPT or REJECT');
  list('logStatuses', 'log_status', LOG_STATUSES, 'must be OK, NODATA or SKIPDATA');
  list('interfaceIds', 'interface_id', INTERFACE_ID, 'must be a network interface id such as eni-0a1b2c3d4e5f67890');
  list('vpcIds', 'vpc_id', VPC_ID, 'must be a VPC id such as vpc-0a1b2c3d4e5f67890');

  if (filter.address !== null && filter.address !== undefined) {
    const cidr = normaliseIpFilter(filter.address, `${arg}.address`);
    // Either end of the flow, and the packet-level addresses NAT gateways and transit gateways keep.
    const columns = ['srcaddr', 'dstaddr', 'pkt_srcaddr', 'pkt_dstaddr'];
    parts.add(columns.map((c) => inCidr(c, cidr)).join(' OR '), ...columns.map(() => cidr));
  }
  const one = (name: 'srcAddr' | 'dstAddr', column: string): void => {
    const value = filter[name];
    if (value === null || value === undefined) return;
    const cidr = normaliseIpFilter(value, `${arg}.${name}`);
    parts.add(inCidr(column, cidr), cidr);
  };
  one('srcAddr', 'srcaddr');
  one('dstAddr', 'dstaddr');

  const ports = checkNumbers(filter.ports, `${arg}.ports`, checkPort);
  if (ports) parts.add(`srcport IN (${marks(ports.length)}) OR dstport IN (${marks(ports.length)})`, ...ports, ...ports);
  if (filter.srcPort !== null && filter.srcPort !== undefined) parts.add('srcport = ?', checkPort(filter.srcPort, `${arg}.srcPort`));
  if (filter.dstPort !== null && filter.dstPort !== undefined) parts.add('dstport = ?', checkPort(filter.dstPort, `${arg}.dstPort`));
  const protocols = checkNumbers(filter.protocols, `${arg}.protocols`, checkProtocol);
  if (protocols) parts.add(`protocol IN (${marks(protocols.length)})`, ...protocols);
  return parts;
}

function plan(operation: string, sql: string, parts: SqlParts, window: TimeWindow, filter: VpcFlowFilterSpec | null | undefined): QueryPlan {
  return finishPlan('vpc_flow_logs', operation, sql, parts, window, { accounts: filter?.accounts, regions: filter?.regions });
}

export function vpcFlowRecordsPlan(window: TimeWindow, filter: VpcFlowFilterSpec | null | undefined, direction: SortDirection = 'ASC'): QueryPlan {
  const parts = filterParts(window, filter);
  const sql = fillTemplate(loadSql('vpcflow/records.sql'), { where: parts.where(), direction });
  return plan('vpcFlowRecords', sql, parts, window, filter);
}

export function vpcFlowCountsPlan(window: TimeWindow, filter: VpcFlowFilterSpec | null | undefined, groupBy: readonly VpcFlowGroupByKey[], top: number): QueryPlan {
  const parts = filterParts(window, filter);
  const sql = fillTemplate(loadSql('vpcflow/counts.sql'), countsFragments(groupBy, VPC_FLOW_GROUP_BY, top, parts));
  return plan('vpcFlowCounts', sql, parts, window, filter);
}
