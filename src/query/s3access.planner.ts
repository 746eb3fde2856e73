// Builds S3 server access log query plans from typed inputs. Pure: no I/O, table-tested in
// s3access.planner.test.ts.
import { badInput } from '../errors';
import { SortDirection } from './plan-builder';
import { addDeliveryWindowPredicate } from './delivery-window';
import { ACCOUNT_ID, ACCOUNT_RULE, checkList, checkText, MAX_LIST_VALUES } from './filter-rules';
import { normaliseIpFilter } from './ip-filter';
import { countsFragments, finishPlan } from './plan-builder';
import { QueryPlan, SqlParts } from './query-plan';
import { S3_ACCESS_GROUP_BY, S3_ACCESS_TIME, S3AccessFilterSpec, S3AccessGroupByKey } from './s3access.catalogue';
import { fillTemplate, loadSql } from './sql-template';
import { TimeWindow } from './time-window';


function checkStatuses(values: readonly number[] | null | undefined, argument: string): readonly number[] | undefined {
  if (values === null || values === undefined) return undefined;
  if (values.length === 0) throw badInput(argument, 'must hold at least one value (omit it to match everything)', values);
  if (values.length > MAX_LIST_VALUES) throw badInput(argument, `must hold at most ${MAX_LIST_VALUES} values`, `${values.length} values`);
  for (const v of values) {
    if (!Number.isInteger(v) || v < 100 || v > 599) throw badInput(argument, 'each value must be an HTTP status code from 100 to 599', v);
  }
  return values;
}

function filterParts(window: TimeWindow, filter: S3AccessFilterSpec | null | undefined, arg = 'filter'): SqlParts {
  const parts = new SqlParts();
  addDeliveryWindowPredicate(parts, window, S3_ACCESS_TIME);
  if (!filter) return parts;
  const list = (name: 'buckets' | 'operations' | 'errorCodes' | 'accounts' | 'regions', expr: string, pattern?: RegExp, rule?: string): void => {
    const values = checkList(filter[name], `${arg}.${name}`, pattern, rule);
    if (values) parts.addIn(expr, values);
  };
  list('accounts', 'account', ACCOUNT_ID, ACCOUNT_RULE);
  list('regions', 'region');
  list('buckets', 'bucket_name');
  const prefix = checkText(filter.keyPrefix, `${arg}.keyPrefix`);
  if (prefix !== undefined) parts.add('starts_with(key, ?)', prefix);
  list('operations', 'operation');
  const requester = checkText(filter.requester, `${arg}.requester`);
  if (requester !== undefined) parts.add('requester = ?', requester);
  if (filter.remoteIp !== null && filter.remoteIp !== undefined) {
    const cidr = normaliseIpFilter(filter.remoteIp, `${arg}.remoteIp`);
    // Trino's contains() fails on an address of the other family (it does not return false), and one
    // bucket logs IPv4 and IPv6 clients side by side; CASE keeps contains() to rows of the CIDR's family.
    const sameFamily = cidr.includes(':') ? "strpos(remoteip, ':') > 0" : "strpos(remoteip, ':') = 0";
    parts.add(`CASE WHEN ${sameFamily} THEN contains(?, TRY_CAST(remoteip AS IPADDRESS)) ELSE false END`, cidr);
  }
  const statuses = checkStatuses(filter.httpStatuses, `${arg}.httpStatuses`);
  if (statuses) parts.add(`httpstatus IN (${statuses.map(() => '?').join(', ')})`, ...statuses);
  list('errorCodes', 'errorcode');
  return parts;
}

function plan(operation: string, sql: string, parts: SqlParts, window: TimeWindow, filter: S3AccessFilterSpec | null | undefined): QueryPlan {
  return finishPlan('s3_access_logs', operation, sql, parts, window, { accounts: filter?.accounts, regions: filter?.regions });
}

export function s3AccessRequestsPlan(window: TimeWindow, filter: S3AccessFilterSpec | null | undefined, direction: SortDirection = 'ASC'): QueryPlan {
  const parts = filterParts(window, filter);
  const sql = fillTemplate(loadSql('s3access/requests.sql'), { where: parts.where(), time: S3_ACCESS_TIME, direction });
  return plan('s3AccessRequests', sql, parts, window, filter);
}

export function s3AccessCountsPlan(window: TimeWindow, filter: S3AccessFilterSpec | null | undefined, groupBy: readonly S3AccessGroupByKey[], top: number): QueryPlan {
  const parts = filterParts(window, filter);
  const sql = fillTemplate(loadSql('s3access/counts.sql'), countsFragments(groupBy, S3_ACCESS_GROUP_BY, top, parts));
  return plan('s3AccessCounts', sql, parts, window, filter);
}
