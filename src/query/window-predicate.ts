// The predicate every plan starts with: the partition range first (prunes Athena partitions and the
// DuckDB folder listing), then the exact instant bounds on the log's own time column.
import { SqlParts } from './query-plan';
import { TimeWindow, windowDayRange } from './time-window';

export function addWindowPredicate(parts: SqlParts, window: TimeWindow, timeExpression: string): void {
  const [firstDay, lastDay] = windowDayRange(window);
  parts.add('day BETWEEN ? AND ?', firstDay, lastDay);
  parts.add(`${timeExpression} >= from_iso8601_timestamp(?)`, window.from.toISOString());
  parts.add(`${timeExpression} < from_iso8601_timestamp(?)`, window.to.toISOString());
}
