/**
 * When things happen within a day: how CloudTrail cuts a stream into delivered files, when the
 * background calls fall, and how the day's volume is shared between accounts and regions.
 */

import type { Rng } from './random';

export interface DeliveryWindow {
  /** Seconds of the day; the window holds events in [startSecond, endSecond). */
  readonly startSecond: number;
  readonly endSecond: number;
}

const FIVE_MINUTES = 300;
const DAY_SECONDS = 86_400;

/**
 * CloudTrail delivers a stream's events every 5 to 15 minutes, and names each file after the 5-minute
 * mark at which it was delivered, so windows here end on 5-minute marks.
 */
export function deliveryWindows(rng: Rng): DeliveryWindow[] {
  const windows: DeliveryWindow[] = [];
  let start = 0;
  while (start < DAY_SECONDS) {
    const end = Math.min(DAY_SECONDS, start + FIVE_MINUTES * rng.int(1, 3));
    windows.push({ startSecond: start, endSecond: end });
    start = end;
  }
  return windows;
}

/** Relative call volume by UTC hour: a working day over a floor of machine traffic. */
const HOUR_WEIGHTS = [3, 3, 3, 3, 3, 3, 4, 6, 9, 10, 10, 10, 9, 10, 10, 10, 9, 7, 5, 4, 4, 3, 3, 3];
const HOUR_CUMULATIVE = (() => {
  const out = new Float64Array(HOUR_WEIGHTS.length);
  let total = 0;
  HOUR_WEIGHTS.forEach((w, i) => {
    total += w;
    out[i] = total;
  });
  return out;
})();

/** `count` seconds of the day for background calls, following HOUR_WEIGHTS, sorted ascending. */
export function backgroundSeconds(rng: Rng, count: number): Uint32Array {
  const out = new Uint32Array(count);
  const total = HOUR_CUMULATIVE[HOUR_CUMULATIVE.length - 1] ?? 1;
  for (let i = 0; i < count; i++) {
    const target = rng.next() * total;
    let hour = 0;
    while (hour < 23 && target >= (HOUR_CUMULATIVE[hour] ?? total)) hour++;
    out[i] = hour * 3600 + Math.floor(rng.next() * 3600);
  }
  return out.sort();
}

/** Splits `total` across weights exactly (largest remainders), so the day's count is what was asked. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}
