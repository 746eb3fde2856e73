// The window predicate for logs whose `day` partition is the DELIVERY time, not the time of the
// records inside: all four logs (S3 server access logs: the date in the object name; CloudTrail, VPC
// Flow Logs and ALB: the day folder, named by the delivery time). CloudTrail documents that a file
// "can contain records written at any point before" its delivery, so an event of 23:58 delivered at
// 00:05 sits in the next day's folder.
//
// Why it differs from addWindowPredicate: S3 writes a log object some minutes after the requests it
// records, so an object named 00:20 on day D+1 may hold requests of 23:55 on day D. Objects named
// before the window's first day cannot hold requests of the window (delivery never precedes the
// request), but objects named shortly after its end can. We read the objects delivered from the start
// of the window's first day until the later of the end of its last day and one hour after the window
// ends: for a window ending at midnight, the following day's first hour. The exact instant bounds on
// the request time then decide, so nothing outside the window comes back. Requests delivered more than
// an hour after the window's end are not found; S3 delivers most records well within that (best effort,
// as AWS documents). The clauses have addWindowPredicate's shape: `day BETWEEN ? AND ?` first.
import { SqlParts } from './query-plan';
import { partitionDay, TimeWindow } from './time-window';

export const LATE_DELIVERY_MS = 60 * 60 * 1000;
const DAY_MS = 86_400_000;

export interface DeliveryRange {
  /** Start of the window's first UTC day. */
  fromMs: number;
  /** Exclusive: max(end of the window's last UTC day, window.to + LATE_DELIVERY_MS). */
  toMs: number;
}

/** The delivery instants [fromMs, toMs) whose objects may hold records of the window. */
export function deliveryRange(window: TimeWindow): DeliveryRange {
  const fromMs = Math.floor(window.from.getTime() / DAY_MS) * DAY_MS;
  const endOfLastDay = (Math.floor((window.to.getTime() - 1) / DAY_MS) + 1) * DAY_MS;
  return { fromMs, toMs: Math.max(endOfLastDay, window.to.getTime() + LATE_DELIVERY_MS) };
}

/** First and last `yyyy/MM/dd` delivery day of the window: the bounds of `day BETWEEN ? AND ?`. */
export function deliveryDayRange(window: TimeWindow): [string, string] {
  const { fromMs, toMs } = deliveryRange(window);
  return [partitionDay(new Date(fromMs)), partitionDay(new Date(toMs - 1))];
}

/** Every `yyyy/MM/dd` delivery day whose folder may hold records of the window, oldest first. */
export function deliveryDays(window: TimeWindow): string[] {
  const { fromMs, toMs } = deliveryRange(window);
  const days: string[] = [];
  for (let t = fromMs; t < toMs; t += DAY_MS) days.push(partitionDay(new Date(t)));
  return days;
}

export function addDeliveryWindowPredicate(parts: SqlParts, window: TimeWindow, timeExpression: string): void {
  const [firstDay, lastDay] = deliveryDayRange(window);
  parts.add('day BETWEEN ? AND ?', firstDay, lastDay);
  parts.add(`${timeExpression} >= from_iso8601_timestamp(?)`, window.from.toISOString());
  parts.add(`${timeExpression} < from_iso8601_timestamp(?)`, window.to.toISOString());
  parts.markWindow();
}
