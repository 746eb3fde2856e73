/**
 * Where the demo's S3 server access logs go: the archive's s3-access-logs/ folder, in both of S3's
 * layouts, so readers meet each one every day. Production buckets log date-based
 * (ACCOUNT/REGION/BUCKET/YYYY/MM/DD/, the EU orders bucket partitioned by event time, the others by
 * delivery time); staging buckets log in the simple layout, one sub-folder per bucket; security
 * buckets log in the simple layout straight into the folder, side by side.
 */

import { DEMO_ACCOUNT_IDS, type DemoBucket } from './demo-world';

export const S3_ACCESS_DEMO_PREFIX = 's3-access-logs';

/** YYYY-MM-DD-HH-MM-SS: the delivery time in an S3 log object name (UTC). */
export function objectStamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)}-${iso.slice(11, 13)}-${iso.slice(14, 16)}-${iso.slice(17, 19)}`;
}

function folderDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '/');
}

/**
 * The key of a log object delivered at `deliveredMs` holding requests from `firstRequestMs` on.
 * `unique` is S3's random suffix (16 upper-case hex digits).
 */
export function s3AccessObjectKey(bucket: DemoBucket, deliveredMs: number, firstRequestMs: number, unique: string): string {
  const name = `${objectStamp(deliveredMs)}-${unique}`;
  switch (bucket.accountId) {
    case DEMO_ACCOUNT_IDS.production: {
      const eventTime = bucket.region === 'eu-west-1';
      return `${S3_ACCESS_DEMO_PREFIX}/${bucket.accountId}/${bucket.region}/${bucket.name}/${folderDate(eventTime ? firstRequestMs : deliveredMs)}/${name}`;
    }
    case DEMO_ACCOUNT_IDS.staging:
      return `${S3_ACCESS_DEMO_PREFIX}/${bucket.name}/${name}`;
    default:
      return `${S3_ACCESS_DEMO_PREFIX}/${name}`;
  }
}
