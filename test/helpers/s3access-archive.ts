// Writes S3 server access log objects for tests, in either of S3's layouts under a prefix folder, and
// builds log lines field by field (so each test shows only the fields it is about).
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export interface S3LogObjectSpec {
  /** Delivery time, which names the object: 2026-11-30T10:05:00Z → 2026-11-30-10-05-00-<unique>. */
  delivered: string;
  lines: readonly string[];
  /** Folder under the archive root; default s3-access-logs. */
  prefix?: string;
  /** A per-bucket sub-folder under the prefix (simple layout, or date-based inside it). */
  bucketFolder?: string;
  /** Date-based layout: ACCOUNT/REGION/BUCKET/YYYY/MM/DD (folder date defaults to the delivery date). */
  dateBased?: { account: string; region: string; bucket: string; folderDay?: string };
  unique?: string;
  /** Line terminator; default \n, and a final one after the last line. */
  eol?: string;
}

let counter = 0;

export function objectName(delivered: string, unique?: string): string {
  const iso = new Date(delivered).toISOString();
  const stamp = `${iso.slice(0, 10)}-${iso.slice(11, 13)}-${iso.slice(14, 16)}-${iso.slice(17, 19)}`;
  return `${stamp}-${unique ?? (counter++).toString(16).toUpperCase().padStart(16, '0')}`;
}

/** Writes one log object and returns its key (relative to the archive root). */
export async function writeS3LogObject(root: string, spec: S3LogObjectSpec): Promise<string> {
  const name = objectName(spec.delivered, spec.unique);
  const parts = [spec.prefix ?? 's3-access-logs'];
  if (spec.bucketFolder) parts.push(spec.bucketFolder);
  if (spec.dateBased) {
    const d = spec.dateBased;
    parts.push(d.account, d.region, d.bucket, d.folderDay ?? new Date(spec.delivered).toISOString().slice(0, 10).replace(/-/g, '/'));
  }
  const key = [...parts, name].join('/');
  const eol = spec.eol ?? '\n';
  await fsp.mkdir(path.dirname(path.join(root, key)), { recursive: true });
  await fsp.writeFile(path.join(root, key), spec.lines.map((l) => l + eol).join(''));
  return key;
}

/** The fields of one S3 access log line, as S3 writes them (quotes and brackets included). */
export interface S3LineFields {
  bucketowner: string;
  bucket: string;
  time: string;
  remoteip: string;
  requester: string;
  requestid: string;
  operation: string;
  key: string;
  requestUri: string;
  status: string;
  errorcode: string;
  bytessent: string;
  objectsize: string;
  totaltime: string;
  turnaround: string;
  referrer: string;
  useragent: string;
  versionid: string;
  hostid: string;
  sigv: string;
  cipher: string;
  authtype: string;
  endpoint: string;
  tls: string;
  accesspointarn: string;
  aclrequired: string;
  sourceregion: string;
}

export const OWNER = '79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be';

const DEFAULTS: S3LineFields = {
  bucketowner: OWNER,
  bucket: 'amzn-s3-demo-bucket1',
  time: '[30/Nov/2026:10:00:00 +0000]',
  remoteip: '192.0.2.3',
  requester: 'arn:aws:iam::111122223333:user/alice',
  requestid: '3E57427F3EXAMPLE',
  operation: 'REST.GET.OBJECT',
  key: 'photos/2026/cat.jpg',
  requestUri: '"GET /photos/2026/cat.jpg HTTP/1.1"',
  status: '200',
  errorcode: '-',
  bytessent: '2662992',
  objectsize: '3462992',
  totaltime: '70',
  turnaround: '10',
  referrer: '"-"',
  useragent: '"S3Console/0.4"',
  versionid: '-',
  hostid: 's9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234=',
  sigv: 'SigV4',
  cipher: 'ECDHE-RSA-AES128-GCM-SHA256',
  authtype: 'AuthHeader',
  endpoint: 'amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com',
  tls: 'TLSv1.2',
  accesspointarn: '-',
  aclrequired: '-',
  sourceregion: 'us-east-1',
};

export const FIELD_ORDER: readonly (keyof S3LineFields)[] = Object.keys(DEFAULTS) as (keyof S3LineFields)[];

/** A line with every known field (27), overriding some; `fields` cuts it after that many fields. */
export function s3Line(overrides: Partial<S3LineFields> = {}, fields = FIELD_ORDER.length): string {
  const all = { ...DEFAULTS, ...overrides };
  return FIELD_ORDER.slice(0, fields).map((f) => all[f]).join(' ');
}
