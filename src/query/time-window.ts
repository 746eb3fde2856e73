// Time windows: validation and the partition predicate every query carries (grafana's $__timeFilter
// idea). Windows are half-open [from, to). Partition days are the `yyyy/MM/dd` strings of AWS's
// partition projection, so the same predicate prunes Athena partitions and the DuckDB file listing.
import { badInput } from '../errors';

export interface TimeWindow {
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

export function validateWindow(window: TimeWindow, maxDays: number, argument = 'window'): TimeWindow {
  const { from, to } = window;
  if (!(from instanceof Date) || Number.isNaN(from.getTime())) throw badInput(`${argument}.from`, 'must be an ISO-8601 instant');
  if (!(to instanceof Date) || Number.isNaN(to.getTime())) throw badInput(`${argument}.to`, 'must be an ISO-8601 instant');
  if (from.getTime() >= to.getTime()) {
    throw badInput(argument, 'from must be earlier than to (the window is half-open [from, to))', {
      from: from.toISOString(),
      to: to.toISOString(),
    });
  }
  const days = (to.getTime() - from.getTime()) / DAY_MS;
  if (days > maxDays) {
    // Just over the limit reads as "31 days + 1 ms", not a rounded "31.00 days" that looks allowed.
    const overMs = to.getTime() - from.getTime() - maxDays * DAY_MS;
    const received = overMs < 60_000 ? `${maxDays} days + ${overMs} ms` : `${days.toFixed(2)} days`;
    throw badInput(argument, `must span at most ${maxDays} days (AUDITQL_MAX_WINDOW_DAYS)`, received);
  }
  return window;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The `yyyy/MM/dd` partition value of an instant, in UTC (as AWS names the day folders). */
export function partitionDay(d: Date): string {
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
}

/** Every UTC day the half-open window touches, oldest first. */
export function windowDays(window: TimeWindow): string[] {
  const days: string[] = [];
  const last = new Date(window.to.getTime() - 1);
  const cursor = new Date(Date.UTC(window.from.getUTCFullYear(), window.from.getUTCMonth(), window.from.getUTCDate()));
  while (cursor.getTime() <= last.getTime()) {
    days.push(partitionDay(cursor));
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return days;
}

/** First and last partition day of a window: the bounds of the `day BETWEEN ? AND ?` predicate. */
export function windowDayRange(window: TimeWindow): [string, string] {
  return [partitionDay(window.from), partitionDay(new Date(window.to.getTime() - 1))];
}

/** A window is closed when it ends in the past: its logs are delivered and immutable. */
export function isClosed(window: TimeWindow, now: Date, deliveryLagMs = 60 * 60 * 1000): boolean {
  return window.to.getTime() + deliveryLagMs <= now.getTime();
}
