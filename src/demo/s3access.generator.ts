/**
 * The deterministic S3 server access log demo: a log object per bucket and hour of requests, for
 * every demo bucket, covering the `days` UTC days that end today, under the archive's s3-access-logs/
 * folder in both of S3's layouts (s3access.layout.ts).
 *
 * Each day holds its scripted requests (s3access.traffic.ts: the same principals, addresses and
 * buckets as the CloudTrail demo's S3 data events) plus background traffic up to requestsPerDay.
 * S3 delivers an hour's records some minutes after the hour, so the last hour of a day lands in an
 * object named the next day. Only objects delivered by `now` are written. Output is a pure function of
 * (seed, days, requestsPerDay, now); every object delivered before both runs' `now` is the same.
 */

import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { apportion } from './cloudtrail.timeline';
import { DEMO_BUCKETS, type DemoBucket } from './demo-world';
import { mixSeed, Rng } from './random';
import { s3AccessLine, type S3AccessRecord } from './s3access.line';
import { s3AccessObjectKey } from './s3access.layout';
import { BACKGROUND, backgroundRequests, scriptedRequests } from './s3access.traffic';
import { DAY_MS, HOUR_MS, SECOND_MS, startOfUtcDay } from './time';

export interface S3AccessDemoOptions {
  /** How many UTC days, ending today; default 8. */
  days?: number;
  /** Requests per full day, scripted ones included (the script alone is never cut); default 2000. */
  requestsPerDay?: number;
  /** default 42 */
  seed?: number;
  /** default new Date(); the last day of the archive is this instant's UTC day, cut at this instant. */
  now?: Date;
}

export interface S3AccessDemoSummary {
  dir: string;
  /** Log objects written. */
  files: number;
  /** Log lines (requests) written. */
  requests: number;
  /** Start of the first day (00:00Z). */
  from: Date;
  /** `now`: nothing delivered later was written. */
  to: Date;
  buckets: string[];
}

export async function generateS3AccessDemo(dir: string, opts: S3AccessDemoOptions = {}): Promise<S3AccessDemoSummary> {
  const days = wholeNumber(opts.days ?? 8, 'days', 1);
  const requestsPerDay = wholeNumber(opts.requestsPerDay ?? 2000, 'requestsPerDay', 0);
  const seed = wholeNumber(opts.seed ?? 42, 'seed', Number.MIN_SAFE_INTEGER);
  const now = opts.now ?? new Date();
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('generateS3AccessDemo: now is not a valid date');

  const root = path.resolve(dir);
  await mkdir(root, { recursive: true });
  const firstDayMs = startOfUtcDay(nowMs) - (days - 1) * DAY_MS;
  const madeDirs = new Set<string>();
  let files = 0;
  let requests = 0;

  for (let d = 0; d < days; d++) {
    const dayStartMs = firstDayMs + d * DAY_MS;
    const scripted = scriptedRequests(seed, dayStartMs);
    const counts = apportion(Math.max(0, requestsPerDay - scripted.length), BACKGROUND.map((b) => b.share));
    for (const [i, background] of BACKGROUND.entries()) {
      const records = [...scripted.filter((r) => r.bucket === background.bucket), ...backgroundRequests(seed, dayStartMs, background, counts[i] ?? 0)];
      for (const object of hourlyObjects(seed, background.bucket, records)) {
        if (object.deliveredMs > nowMs) continue;
        const file = path.join(root, ...object.key.split('/'));
        if (!madeDirs.has(path.dirname(file))) {
          await mkdir(path.dirname(file), { recursive: true });
          madeDirs.add(path.dirname(file));
        }
        await writeFile(file, object.text);
        files++;
        requests += object.lines;
      }
    }
  }

  return { dir: root, files, requests, from: new Date(firstDayMs), to: new Date(nowMs), buckets: DEMO_BUCKETS.map((b) => b.name) };
}

interface LogObject {
  readonly key: string;
  readonly deliveredMs: number;
  readonly text: string;
  readonly lines: number;
}

/** One object per hour with requests, delivered 1 to 20 minutes after the hour, lines in time order. */
function hourlyObjects(seed: number, bucket: DemoBucket, records: readonly S3AccessRecord[]): LogObject[] {
  const byHour = new Map<number, S3AccessRecord[]>();
  for (const r of records) {
    const hour = Math.floor(r.ms / HOUR_MS) * HOUR_MS;
    let list = byHour.get(hour);
    if (list === undefined) byHour.set(hour, (list = []));
    list.push(r);
  }
  return [...byHour.entries()]
    .sort(([a], [b]) => a - b)
    .map(([hourMs, list]) => {
      const rng = new Rng(mixSeed(seed, 's3access-object', bucket.name, hourMs));
      const deliveredMs = hourMs + HOUR_MS + rng.int(60, 1200) * SECOND_MS;
      const sorted = [...list].sort((a, b) => a.ms - b.ms);
      const key = s3AccessObjectKey(bucket, deliveredMs, hourMs, rng.hex(16).toUpperCase());
      return { key, deliveredMs, text: sorted.map((r) => `${s3AccessLine(r, rng)}\n`).join(''), lines: sorted.length };
    });
}

function wholeNumber(value: number, name: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`generateS3AccessDemo: ${name} must be a whole number ≥ ${min}; got ${value}`);
  return value;
}
