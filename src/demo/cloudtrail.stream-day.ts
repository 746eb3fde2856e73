/**
 * Writes one account/region/day of CloudTrail: merges the day's scripted events with background
 * traffic, cuts them into delivered files, and closes the day with a digest.
 *
 * Everything drawn here is seeded by (seed, day, account, region) and drawn in a fixed order before
 * `now` is consulted, so cutting the day at `now` only drops files; it never changes earlier ones.
 */

import { digestDocument, sha256Hex, type DigestedLogFile, type DigestLink } from './cloudtrail.digest';
import { logFileJson } from './cloudtrail.json';
import { digestFileKey, logFileKey } from './cloudtrail.layout';
import { NoiseSource } from './cloudtrail.noise';
import { backgroundSeconds, deliveryWindows } from './cloudtrail.timeline';
import type { CloudTrailRecord, TimedRecord } from './cloudtrail.types';
import type { DemoAccount } from './demo-world';
import type { GzipFileSink } from './gzip-sink';
import { mixSeed, Rng } from './random';
import { epochDay, SECOND_MS } from './time';

/** Files are named by the minute of delivery; the day's last file keeps the day's own date. */
const LAST_DELIVERY_SECOND = 86_340;
const LAST_SECOND = 86_399;

export interface StreamDay {
  readonly seed: number;
  readonly account: DemoAccount;
  readonly region: string;
  readonly dayStartMs: number;
  readonly nowMs: number;
  /** This stream's scripted events for the day, sorted by time. */
  readonly scripted: readonly TimedRecord[];
  readonly backgroundCount: number;
  readonly previousDigest: DigestLink | undefined;
}

export interface StreamDayResult {
  readonly files: number;
  readonly events: number;
  readonly digest: DigestLink | undefined;
}

export async function writeStreamDay(s: StreamDay, sink: GzipFileSink): Promise<StreamDayResult> {
  const day = epochDay(s.dayStartMs);
  const stream = [s.seed, day, s.account.id, s.region] as const;
  const windows = deliveryWindows(new Rng(mixSeed('cloudtrail-windows', ...stream)));
  const names = new Rng(mixSeed('cloudtrail-names', ...stream));
  const rng = new Rng(mixSeed('cloudtrail-background', ...stream));
  const seconds = backgroundSeconds(rng, s.backgroundCount);
  const noise = new NoiseSource(rng, s.account.id, s.region, s.dayStartMs);

  const files: DigestedLogFile[] = [];
  let events = 0;
  let scriptIndex = 0;
  let noiseIndex = 0;
  let lastDeliveredSecond: number | undefined;

  for (const window of windows) {
    if (s.dayStartMs + window.endSecond * SECOND_MS > s.nowMs) break;
    lastDeliveredSecond = window.endSecond;
    const id = names.alnum(16);
    const endMs = s.dayStartMs + window.endSecond * SECOND_MS;
    const records: CloudTrailRecord[] = [];
    for (;;) {
      const scripted = s.scripted[scriptIndex];
      const scriptedDue = scripted !== undefined && scripted.ms < endMs;
      const noiseSecond = noiseIndex < seconds.length ? (seconds[noiseIndex] ?? Infinity) : Infinity;
      const noiseDue = noiseSecond < window.endSecond;
      if (scripted !== undefined && scriptedDue && (!noiseDue || scripted.ms <= s.dayStartMs + noiseSecond * SECOND_MS)) {
        records.push(scripted.record);
        scriptIndex++;
      } else if (noiseDue) {
        records.push(noise.recordAt(noiseSecond));
        noiseIndex++;
      } else {
        break;
      }
    }
    // CloudTrail delivers no empty files.
    if (records.length === 0) continue;
    const deliveredMs = s.dayStartMs + Math.min(window.endSecond, LAST_DELIVERY_SECOND) * SECOND_MS;
    const key = logFileKey(s.account, s.region, s.dayStartMs, deliveredMs, id);
    // Encoded once: the digest hashes these bytes and the sink compresses them.
    const content = Buffer.from(logFileJson(records), 'utf8');
    files.push({
      key,
      sha256: sha256Hex(content),
      oldestEventTime: records[0]?.eventTime ?? null,
      newestEventTime: records[records.length - 1]?.eventTime ?? null,
    });
    events += records.length;
    await sink.write(key, content);
  }

  if (lastDeliveredSecond === undefined) return { files: 0, events: 0, digest: s.previousDigest };
  const digestEndMs = s.dayStartMs + Math.min(lastDeliveredSecond, LAST_SECOND) * SECOND_MS;
  const digestKey = digestFileKey(s.account, s.region, s.dayStartMs, digestEndMs);
  const digest = digestDocument({
    accountId: s.account.id,
    key: digestKey,
    startMs: s.dayStartMs,
    endMs: digestEndMs,
    files,
    previous: s.previousDigest,
  });
  await sink.write(digestKey, digest.json);
  return { files: files.length, events, digest: digest.link };
}
