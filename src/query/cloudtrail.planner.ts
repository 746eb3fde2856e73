// Builds CloudTrail query plans from typed inputs. Pure: no I/O, table-tested in cloudtrail.planner.test.ts.
import { CLOUDTRAIL_GROUP_BY, CloudTrailFilterSpec, CloudTrailGroupByKey } from './cloudtrail.catalogue';
import { ACCOUNT_ID, ACCOUNT_RULE, checkList, checkText } from './filter-rules';
import { normaliseIpFilter } from './ip-filter';
import { countsFragments, finishPlan, SortDirection } from './plan-builder';

export { MAX_GROUP_BY, MAX_TOP, SortDirection } from './plan-builder';
import { QueryPlan, SqlParts } from './query-plan';
import { fillTemplate, loadSql } from './sql-template';
import { TimeWindow } from './time-window';
import { addWindowPredicate } from './window-predicate';

const EVENT_TIME = 'from_iso8601_timestamp(eventtime)';

function filterParts(window: TimeWindow, filter: CloudTrailFilterSpec | null | undefined, arg = 'filter'): SqlParts {
  const parts = new SqlParts();
  addWindowPredicate(parts, window, EVENT_TIME);
  if (!filter) return parts;
  const list = (name: keyof CloudTrailFilterSpec, expr: string, pattern?: RegExp, rule?: string): void => {
    const values = checkList(filter[name] as readonly string[] | null | undefined, `${arg}.${name}`, pattern, rule);
    if (values) parts.addIn(expr, values);
  };
  const equal = (name: keyof CloudTrailFilterSpec, expr: string): void => {
    const value = checkText(filter[name] as string | null | undefined, `${arg}.${name}`);
    if (value !== undefined) parts.add(`${expr} = ?`, value);
  };
  list('accounts', 'account', ACCOUNT_ID, ACCOUNT_RULE);
  list('regions', 'region');
  list('eventNames', 'eventname');
  list('eventSources', 'eventsource');
  list('eventTypes', 'eventtype');
  equal('principalArn', 'useridentity.arn');
  const prefix = checkText(filter.principalArnPrefix, `${arg}.principalArnPrefix`);
  if (prefix !== undefined) parts.add('starts_with(useridentity.arn, ?)', prefix);
  equal('userName', 'useridentity.username');
  equal('accessKeyId', 'useridentity.accesskeyid');
  if (filter.sourceIp !== null && filter.sourceIp !== undefined) {
    const cidr = normaliseIpFilter(filter.sourceIp, `${arg}.sourceIp`);
    // Trino's contains() fails on an address of the other family (it does not return false), and
    // CloudTrail mixes IPv4, IPv6 and service names; CASE keeps contains() to rows of the CIDR's family.
    const sameFamily = cidr.includes(':') ? "strpos(sourceipaddress, ':') > 0" : "strpos(sourceipaddress, ':') = 0";
    parts.add(`CASE WHEN ${sameFamily} THEN contains(?, TRY_CAST(sourceipaddress AS IPADDRESS)) ELSE false END`, cidr);
  }
  equal('errorCode', 'errorcode');
  if (filter.anyError === true) parts.add('errorcode IS NOT NULL');
  if (filter.anyError === false) parts.add('errorcode IS NULL');
  // Athena's table declares readonly as a string column holding "true"/"false".
  if (filter.readOnly !== null && filter.readOnly !== undefined) parts.add('readonly = ?', String(filter.readOnly));
  const resourceArn = checkText(filter.resourceArn, `${arg}.resourceArn`);
  if (resourceArn !== undefined) parts.add('cardinality(filter(resources, r -> r.arn = ?)) > 0', resourceArn);
  return parts;
}

function plan(operation: string, sql: string, parts: SqlParts, window: TimeWindow, filter: CloudTrailFilterSpec | null | undefined): QueryPlan {
  return finishPlan('cloudtrail_logs', operation, sql, parts, window, { accounts: filter?.accounts, regions: filter?.regions });
}


export function cloudTrailEventsPlan(window: TimeWindow, filter: CloudTrailFilterSpec | null | undefined, direction: SortDirection = 'ASC'): QueryPlan {
  const parts = filterParts(window, filter);
  const sql = fillTemplate(loadSql('cloudtrail/events.sql'), { where: parts.where(), direction });
  return plan('cloudTrailEvents', sql, parts, window, filter);
}


export function cloudTrailCountsPlan(
  window: TimeWindow,
  filter: CloudTrailFilterSpec | null | undefined,
  groupBy: readonly CloudTrailGroupByKey[],
  top: number,
): QueryPlan {
  const parts = filterParts(window, filter);
  const sql = fillTemplate(loadSql('cloudtrail/counts.sql'), countsFragments(groupBy, CLOUDTRAIL_GROUP_BY, top, parts));
  return plan('cloudTrailCounts', sql, parts, window, filter);
}
