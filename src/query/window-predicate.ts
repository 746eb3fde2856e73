// The predicate every plan starts with: the partition range first (prunes Athena partitions and the
// DuckDB folder listing), then the exact instant bounds on the log's own time column. Every log's
// `day` partition is its delivery day, so the range reaches past the window's end by the late-delivery
// allowance (see delivery-window.ts).
import { addDeliveryWindowPredicate } from './delivery-window';
import { SqlParts } from './query-plan';
import { TimeWindow } from './time-window';

export function addWindowPredicate(parts: SqlParts, window: TimeWindow, timeExpression: string): void {
  addDeliveryWindowPredicate(parts, window, timeExpression);
}
