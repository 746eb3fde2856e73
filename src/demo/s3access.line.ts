/**
 * One S3 server access log record and the line S3 writes for it: space-separated fields in S3's
 * documented order, `-` for no value, the time in brackets, request line, referrer and user agent in
 * double quotes (a quote inside escaped as \"), the key URL-encoded. Lines written before S3 added
 * its newer fields stop early, and lines from after our format carry extra fields: `format` picks one.
 */

import { createHash } from 'node:crypto';
import type { TlsVersion } from './cloudtrail.types';
import type { DemoBucket } from './demo-world';
import type { Rng } from './random';

export type S3LineFormat = 'current' | 'legacy-to-version-id' | 'legacy-to-tls' | 'future';

export interface S3AccessRecord {
  readonly ms: number;
  readonly bucket: DemoBucket;
  readonly remoteIp: string | null;
  /** ARN, canonical id, or svc:<service>; null for anonymous requests. */
  readonly requester: string | null;
  readonly operation: string;
  /** The object key as stored (not encoded): the line URL-encodes it. */
  readonly key: string | null;
  /** The HTTP request line, or null when there is none (lifecycle actions). */
  readonly requestUri: string | null;
  readonly status: number | null;
  readonly errorCode: string | null;
  readonly bytesSent: number | null;
  readonly objectSize: number | null;
  readonly totalTimeMs: number | null;
  readonly turnAroundMs: number | null;
  readonly referrer: string | null;
  readonly userAgent: string | null;
  readonly versionId: string | null;
  readonly signed: boolean;
  readonly tls: TlsVersion | null;
  readonly accessPointArn: string | null;
  readonly aclRequired: boolean;
  readonly sourceRegion: string | null;
  readonly format: S3LineFormat;
}

const CIPHERS: Readonly<Record<TlsVersion, string>> = {
  TLSv1: 'ECDHE-RSA-AES128-SHA',
  'TLSv1.1': 'ECDHE-RSA-AES128-SHA',
  'TLSv1.2': 'ECDHE-RSA-AES128-GCM-SHA256',
  'TLSv1.3': 'TLS_AES_128_GCM_SHA256',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** [06/Feb/2019:00:00:38 +0000]: S3 always logs UTC. */
export function s3Time(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `[${two(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000]`;
}

/** The 64-hex canonical user id S3 logs as bucket owner: stable per account. */
export function canonicalUserId(accountId: string): string {
  return createHash('sha256').update(`auditql-demo-canonical-user:${accountId}`).digest('hex');
}

/** S3 logs keys URL-encoded with spaces as `+`, keeping the slashes. */
export function encodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+');
}

/** Path of a request line: percent-encoding with the slashes kept. */
export function encodePath(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/');
}

function quoted(value: string | null): string {
  return value === null ? '"-"' : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function plain(value: string | number | null): string {
  return value === null ? '-' : String(value);
}

/** The log line of a record; ids are drawn from `rng` (the file's stream). */
export function s3AccessLine(r: S3AccessRecord, rng: Rng): string {
  const fields = [
    canonicalUserId(r.bucket.accountId),
    r.bucket.name,
    s3Time(r.ms),
    plain(r.remoteIp),
    plain(r.requester),
    rng.upperAlnum(16),
    r.operation,
    plain(r.key === null ? null : encodeKey(r.key)),
    quoted(r.requestUri),
    plain(r.status),
    plain(r.errorCode),
    plain(r.bytesSent),
    plain(r.objectSize),
    plain(r.totalTimeMs),
    plain(r.turnAroundMs),
    quoted(r.referrer),
    quoted(r.userAgent),
    plain(r.versionId),
  ];
  if (r.format === 'legacy-to-version-id') return fields.join(' ');
  fields.push(
    rng.base64(76),
    r.signed ? 'SigV4' : '-',
    r.tls === null ? '-' : CIPHERS[r.tls],
    r.signed ? 'AuthHeader' : '-',
    // S3's own actions (lifecycle) have no HTTP request, so no Host header.
    r.requestUri === null ? '-' : `${r.bucket.name}.s3.${r.bucket.region}.amazonaws.com`,
    plain(r.tls),
  );
  if (r.format === 'legacy-to-tls') return fields.join(' ');
  fields.push(plain(r.accessPointArn), r.aclRequired ? 'Yes' : '-', plain(r.sourceRegion));
  // A field S3 may add after ours, and a quoted one with spaces: readers must ignore both.
  if (r.format === 'future') fields.push('-', quoted('a field added after sourceregion'));
  return fields.join(' ');
}
