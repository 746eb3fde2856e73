// Builds small archives in the bucket layout for tests: real-format CloudTrail files written by the
// test itself, or the shared corpus files laid into the layout (never copied into the repository).
import { existsSync, promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

export const CORPUS_DIR = path.resolve(__dirname, '../../../shared/corpus');

export function corpusHas(relative: string): boolean {
  return existsSync(path.join(CORPUS_DIR, relative));
}

export async function tempDir(prefix = 'auditql-test-'): Promise<string> {
  return fsp.mkdtemp(path.join(os.tmpdir(), prefix));
}

export interface TrailFileSpec {
  account?: string;
  region?: string;
  /** yyyy/MM/dd */
  day: string;
  org?: string;
  name?: string;
  records?: unknown[];
  /** Raw bytes instead of {"Records": records}. */
  raw?: string | Buffer;
  gzip?: boolean;
}

let counter = 0;

/** Writes one CloudTrail file and returns its object key (relative to the archive root). */
export async function writeTrailFile(root: string, spec: TrailFileSpec): Promise<string> {
  const account = spec.account ?? '111122223333';
  const region = spec.region ?? 'us-east-1';
  const dayCompact = spec.day.replace(/\//g, '');
  const gzip = spec.gzip ?? true;
  const name = spec.name ?? `${account}_CloudTrail_${region}_${dayCompact}T1200Z_test${String(counter++).padStart(8, '0')}.json${gzip ? '.gz' : ''}`;
  const key = ['AWSLogs', ...(spec.org ? [spec.org] : []), account, 'CloudTrail', region, spec.day, name].join('/');
  const body = spec.raw ?? JSON.stringify({ Records: spec.records ?? [] });
  const bytes = gzip && spec.raw === undefined ? gzipSync(body) : Buffer.isBuffer(body) ? body : Buffer.from(body);
  await fsp.mkdir(path.dirname(path.join(root, key)), { recursive: true });
  await fsp.writeFile(path.join(root, key), bytes);
  return key;
}

/** A minimal valid CloudTrail record; override any field. */
export function trailRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333', accessKeyId: 'AKIAEXAMPLE0000001', userName: 'alice' },
    eventTime: '2026-11-30T10:00:00Z',
    eventSource: 'iam.amazonaws.com',
    eventName: 'ListUsers',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.10',
    userAgent: 'aws-cli/2.0',
    requestParameters: null,
    responseElements: null,
    requestID: `req-${counter}`,
    eventID: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
    ...overrides,
  };
}

/** Lays the real invictus-ir CloudTrail files into a temporary archive in the bucket layout. */
export async function corpusArchive(): Promise<string | null> {
  const src = path.join(CORPUS_DIR, 'cloudtrail', 'invictus-ir-aws_dataset');
  let names: string[];
  try {
    names = (await fsp.readdir(src)).filter((n) => n.endsWith('.json'));
  } catch {
    return null;
  }
  const root = await tempDir('auditql-corpus-');
  for (const n of names) {
    const m = /^(\d{12})_CloudTrail_([^_]+)_(\d{4})(\d{2})(\d{2})T/.exec(n);
    if (!m) continue;
    const dir = path.join(root, 'AWSLogs', m[1]!, 'CloudTrail', m[2]!, m[3]!, m[4]!, m[5]!);
    await fsp.mkdir(dir, { recursive: true });
    await fsp.copyFile(path.join(src, n), path.join(dir, n));
  }
  return root;
}

export async function removeDir(dir: string | null | undefined): Promise<void> {
  if (dir) await fsp.rm(dir, { recursive: true, force: true });
}
