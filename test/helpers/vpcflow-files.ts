// Writes VPC flow log files in the Log Archive layouts for tests: text (header line plus records,
// gzip or plain) in the plain or Hive-style layout. Parquet files are written by the tests with
// DuckDB's COPY … (FORMAT parquet) into the key flowLogKey returns.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

export const DEFAULT_HEADER = 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status';

export interface FlowFileSpec {
  account?: string;
  region?: string;
  /** yyyy/MM/dd */
  day: string;
  org?: string;
  /** Hive-compatible prefixes (aws-account-id=…/aws-service=vpcflowlogs/…), with an hour folder when set. */
  hive?: boolean;
  hour?: string;
  /** The file's first line; DEFAULT_HEADER unless given (null: no header line at all). */
  header?: string | null;
  lines?: readonly string[];
  gzip?: boolean;
  /** .parquet: only the key is made (the caller writes the file). */
  extension?: '.log' | '.log.gz' | '.parquet';
  name?: string;
}

let counter = 0;

/** The object key a spec's file gets. */
export function flowLogKey(spec: FlowFileSpec): string {
  const account = spec.account ?? '111122223333';
  const region = spec.region ?? 'us-east-1';
  const [y, m, d] = spec.day.split('/') as [string, string, string];
  const extension = spec.extension ?? ((spec.gzip ?? true) ? '.log.gz' : '.log');
  const name = spec.name ?? `${account}_vpcflowlogs_${region}_fl-0123456789abcdef0_${y}${m}${d}T1200Z_${String(counter++).padStart(8, '0')}${extension}`;
  const folders = spec.hive
    ? [`aws-account-id=${account}`, 'aws-service=vpcflowlogs', `aws-region=${region}`, `year=${y}`, `month=${m}`, `day=${d}`, ...(spec.hour ? [`hour=${spec.hour}`] : [])]
    : [account, 'vpcflowlogs', region, y, m, d];
  return ['AWSLogs', ...(spec.org ? [spec.org] : []), ...folders, name].join('/');
}

/** Writes one text flow log file and returns its object key. */
export async function writeFlowFile(root: string, spec: FlowFileSpec): Promise<string> {
  const key = flowLogKey(spec);
  const header = spec.header === undefined ? DEFAULT_HEADER : spec.header;
  const body = [...(header === null ? [] : [header]), ...(spec.lines ?? [])].join('\n') + '\n';
  const gzip = key.endsWith('.gz');
  await fsp.mkdir(path.dirname(path.join(root, key)), { recursive: true });
  await fsp.writeFile(path.join(root, key), gzip ? gzipSync(body) : body);
  return key;
}

/** A default-format (v2) record line; override any field by name. */
export function v2Line(o: Partial<Record<'version' | 'account' | 'eni' | 'src' | 'dst' | 'srcport' | 'dstport' | 'protocol' | 'packets' | 'bytes' | 'start' | 'end' | 'action' | 'status', string | number>> = {}): string {
  const start = o.start ?? Date.UTC(2026, 10, 30, 10) / 1000;
  return [
    o.version ?? 2,
    o.account ?? '111122223333',
    o.eni ?? 'eni-0a1b2c3d4e5f67890',
    o.src ?? '10.0.1.23',
    o.dst ?? '198.51.100.10',
    o.srcport ?? 443,
    o.dstport ?? 51515,
    o.protocol ?? 6,
    o.packets ?? 10,
    o.bytes ?? 4200,
    start,
    o.end ?? Number(start) + 60,
    o.action ?? 'ACCEPT',
    o.status ?? 'OK',
  ].join(' ');
}
