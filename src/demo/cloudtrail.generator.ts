/**
 * The deterministic CloudTrail demo archive: a local folder laid out like the Log Archive bucket,
 * covering the `days` UTC days that end today, for every demo account and region.
 *
 * Each day holds its scripted events (the findings every evidence query should turn up) plus
 * background traffic up to eventsPerDay. Today is cut at `now`: only files CloudTrail would already
 * have delivered (windows ending by `now`) are written, so no event lies in the future. Output is a
 * pure function of (seed, days, eventsPerDay, now); every file of a past day, and every file of today
 * delivered before both runs' `now`, is the same whatever the time of day of `now`.
 */

import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { DigestLink } from './cloudtrail.digest';
import { scriptForDay } from './cloudtrail.script';
import { writeStreamDay } from './cloudtrail.stream-day';
import { apportion } from './cloudtrail.timeline';
import type { TimedRecord } from './cloudtrail.types';
import { DEMO_ACCOUNTS, DEMO_REGIONS, HOME_REGION, type DemoAccount } from './demo-world';
import { GzipFileSink } from './gzip-sink';
import { DAY_MS, startOfUtcDay } from './time';

export interface DemoOptions {
  /** How many UTC days, ending today; default 8. */
  days?: number;
  /** Events per full day, scripted ones included (the script alone is never cut); default 3000. */
  eventsPerDay?: number;
  /** default 42 */
  seed?: number;
  /** default new Date(); the last day of the archive is this instant's UTC day, cut at this instant. */
  now?: Date;
}

export interface DemoSummary {
  dir: string;
  /** CloudTrail log files written (digest files not counted). */
  files: number;
  events: number;
  /** Start of the first day (00:00Z). */
  from: Date;
  /** `now`: nothing later was written. */
  to: Date;
  accounts: string[];
  regions: string[];
}

interface Stream {
  readonly account: DemoAccount;
  readonly region: string;
  /** Share of the day's background traffic: production is busiest, the home region busier than the other. */
  readonly share: number;
}

const ACCOUNT_SHARE: Readonly<Record<DemoAccount['environment'], number>> = { production: 0.48, staging: 0.26, security: 0.26 };
const HOME_REGION_SHARE = 0.7;

const STREAMS: readonly Stream[] = DEMO_ACCOUNTS.flatMap((account) =>
  DEMO_REGIONS.map((region) => ({
    account,
    region,
    share: ACCOUNT_SHARE[account.environment] * (region === HOME_REGION ? HOME_REGION_SHARE : 1 - HOME_REGION_SHARE),
  })),
);

/** Files compressing at once: enough to keep the thread pool busy, few enough to bound memory. */
const MAX_FILES_IN_FLIGHT = 8;

export async function generateCloudTrailDemo(dir: string, opts: DemoOptions = {}): Promise<DemoSummary> {
  const days = wholeNumber(opts.days ?? 8, 'days', 1);
  const eventsPerDay = wholeNumber(opts.eventsPerDay ?? 3000, 'eventsPerDay', 0);
  const seed = wholeNumber(opts.seed ?? 42, 'seed', Number.MIN_SAFE_INTEGER);
  const now = opts.now ?? new Date();
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('generateCloudTrailDemo: now is not a valid date');

  const root = path.resolve(dir);
  await mkdir(root, { recursive: true });
  const sink = new GzipFileSink(root, MAX_FILES_IN_FLIGHT);
  const firstDayMs = startOfUtcDay(nowMs) - (days - 1) * DAY_MS;
  const digests = new Map<Stream, DigestLink>();
  let files = 0;
  let events = 0;

  for (let d = 0; d < days; d++) {
    const dayStartMs = firstDayMs + d * DAY_MS;
    const scripted = byStream(scriptForDay(seed, dayStartMs));
    const scriptedCount = [...scripted.values()].reduce((n, list) => n + list.length, 0);
    const background = apportion(Math.max(0, eventsPerDay - scriptedCount), STREAMS.map((s) => s.share));
    for (const [i, stream] of STREAMS.entries()) {
      const result = await writeStreamDay(
        {
          seed,
          account: stream.account,
          region: stream.region,
          dayStartMs,
          nowMs,
          scripted: scripted.get(streamKey(stream.account.id, stream.region)) ?? [],
          backgroundCount: background[i] ?? 0,
          previousDigest: digests.get(stream),
        },
        sink,
      );
      files += result.files;
      events += result.events;
      if (result.digest !== undefined) digests.set(stream, result.digest);
    }
  }
  await sink.close();

  return {
    dir: root,
    files,
    events,
    from: new Date(firstDayMs),
    to: new Date(nowMs),
    accounts: DEMO_ACCOUNTS.map((a) => a.id),
    regions: [...DEMO_REGIONS],
  };
}

function streamKey(accountId: string, region: string): string {
  return `${accountId}|${region}`;
}

/** Routes scripted events to the trail that records them, each list sorted by time (stable). */
function byStream(records: readonly TimedRecord[]): Map<string, TimedRecord[]> {
  const known = new Set(STREAMS.map((s) => streamKey(s.account.id, s.region)));
  const out = new Map<string, TimedRecord[]>();
  for (const r of records) {
    const key = streamKey(r.record.recipientAccountId, r.record.awsRegion);
    if (!known.has(key)) throw new Error(`demo script wrote an event for an unknown trail: ${key}`);
    let list = out.get(key);
    if (list === undefined) out.set(key, (list = []));
    list.push(r);
  }
  for (const list of out.values()) list.sort((a, b) => a.ms - b.ms);
  return out;
}

function wholeNumber(value: number, name: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`generateCloudTrailDemo: ${name} must be a whole number ≥ ${min}; got ${value}`);
  return value;
}
