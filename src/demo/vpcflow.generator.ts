/**
 * The deterministic VPC Flow Logs demo archive: one flow log per demo VPC (demo-world's networks),
 * one gzip file per flow log and hour, for the `days` UTC days that end today, cut at `now` (only
 * hours that have ended are written). Production and staging use the default (v2) format; the other
 * VPCs a custom v5 format; the security account delivers with Hive-compatible hourly prefixes. Output
 * is a pure function of (seed, days, recordsPerDay, now), like generateCloudTrailDemo's.
 */

import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { apportion } from './cloudtrail.timeline';
import { DEMO_ACCOUNT_IDS, DEMO_NETWORKS, HOME_REGION, type DemoNetwork } from './demo-world';
import { GzipFileSink } from './gzip-sink';
import { mixSeed, Rng } from './random';
import { DAY_MS, epochDay, HOUR_MS, startOfUtcDay } from './time';
import { fileText, flowFileKey, type FlowFormat } from './vpcflow.format';
import { flowLogId } from './vpcflow.hosts';
import { HOUR_WEIGHTS, recordsForHour } from './vpcflow.traffic';

export interface VpcFlowDemoOptions {
  /** How many UTC days, ending today; default 8. */
  days?: number;
  /** Background records per full day across every flow log (scripted ones come on top); default 4000. */
  recordsPerDay?: number;
  /** default 42 */
  seed?: number;
  /** default new Date(); the last day of the archive is this instant's UTC day, cut at this instant. */
  now?: Date;
}

export interface VpcFlowDemoSummary {
  dir: string;
  files: number;
  records: number;
  /** Start of the first day (00:00Z). */
  from: Date;
  /** `now`: no record starts later. */
  to: Date;
  accounts: string[];
  regions: string[];
}

interface FlowLog {
  readonly network: DemoNetwork;
  readonly id: string;
  readonly format: FlowFormat;
  readonly hive: boolean;
  readonly share: number;
}

const SHARE: Readonly<Record<string, number>> = { [DEMO_ACCOUNT_IDS.production]: 0.5, [DEMO_ACCOUNT_IDS.staging]: 0.3, [DEMO_ACCOUNT_IDS.security]: 0.2 };

const FLOW_LOGS: readonly FlowLog[] = DEMO_NETWORKS.map((network) => ({
  network,
  id: flowLogId(network),
  format: network.accountId !== DEMO_ACCOUNT_IDS.security && network.region === HOME_REGION ? 'default' : 'custom-v5',
  hive: network.accountId === DEMO_ACCOUNT_IDS.security,
  share: (SHARE[network.accountId] ?? 0.1) * (network.region === HOME_REGION ? 0.7 : 0.3),
}));

const MAX_FILES_IN_FLIGHT = 8;

export async function generateVpcFlowDemo(dir: string, opts: VpcFlowDemoOptions = {}): Promise<VpcFlowDemoSummary> {
  const days = wholeNumber(opts.days ?? 8, 'days', 1);
  const recordsPerDay = wholeNumber(opts.recordsPerDay ?? 4000, 'recordsPerDay', 0);
  const seed = wholeNumber(opts.seed ?? 42, 'seed', Number.MIN_SAFE_INTEGER);
  const now = opts.now ?? new Date();
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('generateVpcFlowDemo: now is not a valid date');

  const root = path.resolve(dir);
  await mkdir(root, { recursive: true });
  const sink = new GzipFileSink(root, MAX_FILES_IN_FLIGHT);
  const firstDayMs = startOfUtcDay(nowMs) - (days - 1) * DAY_MS;
  let files = 0;
  let records = 0;

  for (let d = 0; d < days; d++) {
    const dayStartMs = firstDayMs + d * DAY_MS;
    const perLog = apportion(recordsPerDay, FLOW_LOGS.map((l) => l.share));
    for (const [i, log] of FLOW_LOGS.entries()) {
      const perHour = apportion(perLog[i] ?? 0, HOUR_WEIGHTS);
      for (let h = 0; h < 24; h++) {
        const hourStartMs = dayStartMs + h * HOUR_MS;
        // A file holds an hour that has ended: nothing in the archive starts after `now`.
        if (hourStartMs + HOUR_MS > nowMs) break;
        const hourRecords = recordsForHour({ seed, network: log.network, hourStartMs, epochDay: epochDay(dayStartMs), backgroundCount: perHour[h] ?? 0 });
        if (hourRecords.length === 0) continue;
        const hash = new Rng(mixSeed(seed, 'vpcflow-file', log.id, hourStartMs)).hex(8);
        await sink.write(flowFileKey(log.network, log.id, hourStartMs, log.hive, hash), fileText(log.format, hourRecords));
        files++;
        records += hourRecords.length;
      }
    }
  }
  await sink.close();

  return {
    dir: root,
    files,
    records,
    from: new Date(firstDayMs),
    to: new Date(nowMs),
    accounts: [...new Set(FLOW_LOGS.map((l) => l.network.accountId))],
    regions: [...new Set(FLOW_LOGS.map((l) => l.network.region))],
  };
}

function wholeNumber(value: number, name: string, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`generateVpcFlowDemo: ${name} must be a whole number ≥ ${min}; got ${value}`);
  return value;
}
