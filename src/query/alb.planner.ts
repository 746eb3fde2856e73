// Builds ALB query plans from typed inputs. Pure: no I/O, table-tested in alb.planner.test.ts.
import { badInput } from '../errors';
import { ALB_GROUP_BY, AlbFilterSpec, AlbGroupByKey } from './alb.catalogue';
import { SortDirection } from './plan-builder';
import { ACCOUNT_ID, ACCOUNT_RULE, checkList, checkText, MAX_LIST_VALUES } from './filter-rules';
import { normaliseIpFilter } from './ip-filter';
import { countsFragments, finishPlan } from './plan-builder';
import { QueryPlan, SqlParts } from './query-plan';
import { fillTemplate, loadSql } from './sql-template';
import { TimeWindow } from './time-window';
import { addWindowPredicate } from './window-predicate';

const REQUEST_TIME = 'from_iso8601_timestamp(time)';

/** HTTP status codes as ALB logs them: three digits (ALB's own 460, 463, 561 included). */
function checkStatusCodes(values: readonly number[] | null | undefined, argument: string): readonly number[] | undefined {
  if (values === null || values === undefined) return undefined;
  if (values.length === 0) throw badInput(argument, 'must hold at least one value (omit it to match everything)', values);
  if (values.length > MAX_LIST_VALUES) throw badInput(argument, `must hold at most ${MAX_LIST_VALUES} values`, `${values.length} values`);
  for (const v of values) {
    if (!Number.isInteger(v) || v < 100 || v > 999) throw badInput(argument, 'must hold HTTP status codes from 100 to 999', v);
  }
  return values;
}

function filterParts(window: TimeWindow, filter: AlbFilterSpec | null | undefined, arg = 'filter'): SqlParts {
  const parts = new SqlParts();
  // The day folder of an ALB file is its delivery date, and a file holds the 5 minutes before the end
  // time in its name: requests of 23:55–24:00 lie in the next day's folder. The window predicate's
  // partition range reaches past the window's end for this (src/query/delivery-window.ts); the
  // instant bounds then decide.
  addWindowPredicate(parts, window, REQUEST_TIME);
  if (!filter) return parts;
  const list = (name: keyof AlbFilterSpec, expr: string, pattern?: RegExp, rule?: string): void => {
    const values = checkList(filter[name] as readonly string[] | null | undefined, `${arg}.${name}`, pattern, rule);
    if (values) parts.addIn(expr, values);
  };
  const substring = (name: keyof AlbFilterSpec, expr: string): void => {
    const value = checkText(filter[name] as string | null | undefined, `${arg}.${name}`);
    if (value !== undefined) parts.add(`strpos(${expr}, ?) > 0`, value);
  };
  list('accounts', 'account', ACCOUNT_ID, ACCOUNT_RULE);
  list('regions', 'region');
  list('loadBalancers', 'elb');
  list('types', 'type');
  if (filter.clientIp !== null && filter.clientIp !== undefined) {
    const cidr = normaliseIpFilter(filter.clientIp, `${arg}.clientIp`);
    // Trino's contains() fails on an address of the other family (it does not return false), and
    // ALB logs both families; CASE keeps contains() to rows of the CIDR's family.
    const sameFamily = cidr.includes(':') ? "strpos(client_ip, ':') > 0" : "strpos(client_ip, ':') = 0";
    parts.add(`CASE WHEN ${sameFamily} THEN contains(?, TRY_CAST(client_ip AS IPADDRESS)) ELSE false END`, cidr);
  }
  const elbCodes = checkStatusCodes(filter.elbStatusCodes, `${arg}.elbStatusCodes`);
  if (elbCodes) parts.add(`elb_status_code IN (${elbCodes.map(() => '?').join(', ')})`, ...elbCodes);
  // AWS's table declares target_status_code a string (it holds `-` there): compare as text.
  const targetCodes = checkStatusCodes(filter.targetStatusCodes, `${arg}.targetStatusCodes`);
  if (targetCodes) parts.addIn('target_status_code', targetCodes.map(String));
  list('verbs', 'request_verb');
  substring('urlContains', 'request_url');
  list('domains', 'domain_name');
  list('sslProtocols', 'ssl_protocol');
  substring('userAgentContains', 'user_agent');
  return parts;
}

function plan(operation: string, sql: string, parts: SqlParts, window: TimeWindow, filter: AlbFilterSpec | null | undefined): QueryPlan {
  return finishPlan('alb_logs', operation, sql, parts, window, { accounts: filter?.accounts, regions: filter?.regions });
}

export function albRequestsPlan(window: TimeWindow, filter: AlbFilterSpec | null | undefined, direction: SortDirection = 'ASC'): QueryPlan {
  const parts = filterParts(window, filter);
  const sql = fillTemplate(loadSql('alb/requests.sql'), { where: parts.where(), direction });
  return plan('albRequests', sql, parts, window, filter);
}

export function albCountsPlan(window: TimeWindow, filter: AlbFilterSpec | null | undefined, groupBy: readonly AlbGroupByKey[], top: number): QueryPlan {
  const parts = filterParts(window, filter);
  const sql = fillTemplate(loadSql('alb/counts.sql'), countsFragments(groupBy, ALB_GROUP_BY, top, parts));
  return plan('albCounts', sql, parts, window, filter);
}
