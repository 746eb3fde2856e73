/**
 * The deterministic ALB demo archive: access logs of the demo world's production load balancers,
 * in the Log Archive bucket's layout, for the `days` UTC days that end today, with a few NLB access
 * log files beside them in the same folders (another format, which readers must skip by name).
 *
 * Real load balancers deliver a file per node every 5 minutes; the demo batches an hour of a node's
 * requests per file to keep the archive small (a few hundred files a week). Names keep AWS's format,
 * and as on AWS a file is filed under its delivery date: the hour before midnight lands in the next
 * day's folder.
 * Today is cut at `now`: only files delivered by then are written. Output is a pure function of
 * (seed, days, requestsPerDay, now), and every file of a past day is the same whatever the time of
 * day of `now`.
 */

import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { formatAlbLine, formatNlbLine } from './alb.line';
import { albFileKey, DEMO_LOAD_BALANCERS, DEMO_NLB, elbOf, nlbFileKey } from './alb.layout';
import { requestsForDay, type DemoRequest } from './alb.traffic';
import { DEMO_IPS } from './demo-world';
import { GzipFileSink } from './gzip-sink';
import { mixSeed, Rng } from './random';
import { DAY_MS, epochDay, HOUR_MS, startOfUtcDay } from './time';

export interface AlbDemoOptions {
  /** How many UTC days, ending today; default 8. */
  days?: number;
  /** Requests per full day, scripted ones included (the script alone is never cut); default 2000. */
  requestsPerDay?: number;
  /** default 42 */
  seed?: number;
  /** default new Date(); the last day of the archive is this instant's UTC day, cut at this instant. */
  now?: Date;
}

export interface AlbDemoSummary {
  dir: string;
  /** ALB access log files written (NLB files not counted). */
  files: number;
  requests: number;
  /** NLB access log files written beside them (readers must skip these). */
  nlbFiles: number;
  /** Start of the first day (00:00Z). */
  from: Date;
  /** `now`: nothing later was written. */
  to: Date;
  /** elb values (app/NAME/ID) of the demo load balancers. */
  loadBalancers: string[];
}

const MAX_FILES_IN_FLIGHT = 8;
const NLB_HOURS = [11, 23] as const;

export async function generateAlbDemo(dir: string, opts: AlbDemoOptions = {}): Promise<AlbDemoSummary> {
  const days = wholeNumber(opts.days ?? 8, 'days', 1);
  const requestsPerDay = wholeNumber(opts.requestsPerDay ?? 2000, 'requestsPerDay', 0);
  const seed = wholeNumber(opts.seed ?? 42, 'seed', Number.MIN_SAFE_INTEGER);
  const now = opts.now ?? new Date();
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('generateAlbDemo: now is not a valid date');

  const root = path.resolve(dir);
  await mkdir(root, { recursive: true });
  const sink = new GzipFileSink(root, MAX_FILES_IN_FLIGHT);
  const firstDayMs = startOfUtcDay(nowMs) - (days - 1) * DAY_MS;
  let files = 0;
  let requests = 0;
  let nlbFiles = 0;

  for (let d = 0; d < days; d++) {
    const dayStartMs = firstDayMs + d * DAY_MS;
    for (const [key, batch] of hourFiles(seed, dayStartMs, requestsForDay(seed, dayStartMs, requestsPerDay), nowMs)) {
      await sink.write(key, batch.map((r) => `${formatAlbLine(r.entry)}\n`).join(''));
      files++;
      requests += batch.length;
    }
    for (const hour of NLB_HOURS) {
      if (dayStartMs + (hour + 1) * HOUR_MS > nowMs) continue;
      await sink.write(nlbFileKey(endOfHour(dayStartMs, hour), names(seed, dayStartMs, 'nlb', hour)), nlbLines(seed, dayStartMs, hour));
      nlbFiles++;
    }
  }
  await sink.close();

  return { dir: root, files, requests, nlbFiles, from: new Date(firstDayMs), to: new Date(nowMs), loadBalancers: DEMO_LOAD_BALANCERS.map(elbOf) };
}

/** A file is named by the end of the interval it covers (and filed under that date). */
function endOfHour(dayStartMs: number, hour: number): number {
  return dayStartMs + (hour + 1) * HOUR_MS;
}

/** The 8-character random part of a file name, from its own stream (independent of the cut). */
function names(seed: number, dayStartMs: number, ...parts: (string | number)[]): string {
  return new Rng(mixSeed('alb-names', seed, epochDay(dayStartMs), ...parts)).alnum(8).toLowerCase();
}

/** One file per load balancer node and hour that has requests and was delivered by `now`. */
function hourFiles(seed: number, dayStartMs: number, requests: readonly DemoRequest[], nowMs: number): Map<string, DemoRequest[]> {
  const out = new Map<string, DemoRequest[]>();
  for (const r of requests) {
    const hour = Math.floor((r.ms - dayStartMs) / HOUR_MS);
    if (dayStartMs + (hour + 1) * HOUR_MS > nowMs) continue;
    const key = albFileKey(r.lb, r.node, endOfHour(dayStartMs, hour), names(seed, dayStartMs, r.lb.name, r.node, hour));
    let batch = out.get(key);
    if (batch === undefined) out.set(key, (batch = []));
    batch.push(r);
  }
  return out;
}

/** A few NLB TLS-listener lines: the other format sharing the folder. */
function nlbLines(seed: number, dayStartMs: number, hour: number): string {
  const rng = new Rng(mixSeed('alb-nlb', seed, epochDay(dayStartMs), hour));
  const lines: string[] = [];
  for (let i = 0; i < 3; i++) {
    const ms = dayStartMs + hour * HOUR_MS + rng.int(0, HOUR_MS - 1);
    const at = new Date(ms).toISOString().slice(0, 19);
    lines.push(
      formatNlbLine({
        time: at,
        elb: `net/${DEMO_NLB.name}/${DEMO_NLB.id}`,
        listenerId: rng.hex(16),
        client: `${rng.pick([DEMO_IPS.partner, DEMO_IPS.ciRunner, DEMO_IPS.siemCollector])}:${rng.int(1024, 65535)}`,
        destination: `10.0.1.${rng.int(30, 40)}:6514`,
        connectionTimeMs: rng.int(5, 90_000),
        handshakeTimeMs: rng.int(1, 40),
        receivedBytes: rng.int(100, 90_000),
        sentBytes: rng.int(100, 9_000),
        chosenCertArn: `arn:aws:acm:${DEMO_NLB.region}:${DEMO_NLB.accountId}:certificate/0d2f4a6c-8e1b-4d3f-a5c7-e9b1d3f5a7c9`,
        tlsCipher: 'ECDHE-RSA-AES128-GCM-SHA256',
        tlsProtocol: 'tlsv12',
        domainName: 'syslog.examplecorp.example',
        connectionCreationTime: new Date(ms - rng.int(1000, 60_000)).toISOString().slice(0, 19),
      }),
    );
  }
  return lines.map((l) => `${l}\n`).join('');
}

function wholeNumber(value: number, name: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`generateAlbDemo: ${name} must be a whole number ≥ ${min}; got ${value}`);
  return value;
}
