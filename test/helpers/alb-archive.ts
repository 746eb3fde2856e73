// Writes ALB (and NLB) log files in the bucket layout for tests: lines the test supplies, named as
// Elastic Load Balancing names them.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AlbFileSpec {
  account?: string;
  region?: string;
  /** yyyy/MM/dd */
  day: string;
  org?: string;
  /** The load balancer part of the name: app.NAME.ID (ALB) or net.NAME.ID (NLB). */
  lb?: string;
  /** A whole file name instead of one built from the parts. */
  name?: string;
  lines?: readonly string[];
  /** Raw bytes instead of the lines. */
  raw?: string | Buffer;
  gzip?: boolean;
}

let counter = 0;

/** Writes one file and returns its object key (relative to the archive root). */
export async function writeAlbFile(root: string, spec: AlbFileSpec): Promise<string> {
  const account = spec.account ?? '111122223333';
  const region = spec.region ?? 'us-east-1';
  const gzip = spec.gzip ?? true;
  const lb = spec.lb ?? 'app.my-loadbalancer.50dc6c495c0c9188';
  const compact = spec.day.replace(/\//g, '');
  const id = `t${String(counter++).padStart(7, '0')}`;
  // NLB file names have no node address.
  const node = lb.startsWith('net.') ? '' : '_10.0.0.1';
  const name = spec.name ?? `${account}_elasticloadbalancing_${region}_${lb}_${compact}T1200Z${node}_${id}.log${gzip ? '.gz' : ''}`;
  const key = ['AWSLogs', ...(spec.org ? [spec.org] : []), account, 'elasticloadbalancing', region, spec.day, name].join('/');
  const body = spec.raw ?? (spec.lines ?? []).map((l) => `${l}\n`).join('');
  const bytes = gzip && spec.raw === undefined ? gzipSync(body) : Buffer.isBuffer(body) ? body : Buffer.from(body);
  await fsp.mkdir(path.dirname(path.join(root, key)), { recursive: true });
  await fsp.writeFile(path.join(root, key), bytes);
  return key;
}

/** A valid ALB line (AWS's documented https example, with a connection trace id); override by field position. */
export function albLine(overrides: { time?: string; client?: string; target?: string; elbStatus?: string; request?: string; userAgent?: string; tail?: string } = {}): string {
  const time = overrides.time ?? '2026-11-30T10:00:00.123456Z';
  return [
    'https',
    time,
    'app/my-loadbalancer/50dc6c495c0c9188',
    overrides.client ?? '192.168.131.39:2817',
    overrides.target ?? '10.0.0.1:80',
    '0.086 0.048 0.037',
    overrides.elbStatus ?? '200',
    '200 0 57',
    overrides.request ?? '"GET https://www.example.com:443/ HTTP/1.1"',
    overrides.userAgent ?? '"curl/7.46.0"',
    'ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2',
    'arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067',
    '"Root=1-58337281-1d84f3d73c47ec4e58577259" "www.example.com"',
    '"arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012"',
    `1 ${time.slice(0, 19)}.000000Z "authenticate,forward" "-" "-" "10.0.0.1:80" "200" "-" "-" TID_1234abcd5678ef90`,
    overrides.tail ?? '"-" "-" "-"',
  ].join(' ');
}
