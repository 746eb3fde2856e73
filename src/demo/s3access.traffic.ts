/**
 * Who requests what from the demo buckets in one day: the scripted requests that evidence queries
 * should find (mirroring the CloudTrail demo's S3 data events: the same principals, addresses, buckets
 * and key shapes) and background traffic per bucket. Pure: a function of (seed, day, volume).
 */

import type { TlsVersion } from './cloudtrail.types';
import {
  bucketFor,
  DEMO_ACCOUNT_IDS,
  DEMO_BUCKETS,
  DEMO_IPS,
  DEMO_PARTNER_ACCOUNT_ID,
  DEMO_PRINCIPAL as P,
  HOME_REGION,
  roamingIpForDay,
  USER_AGENTS,
  type DemoBucket,
  type DemoPrincipal,
} from './demo-world';
import { mixSeed, Rng } from './random';
import type { S3AccessRecord, S3LineFormat } from './s3access.line';
import { encodePath } from './s3access.line';
import { compactMinute, DAY_MS, epochDay, HOUR_MS, SECOND_MS } from './time';

/** Who sends a request, from where, with which client. */
export interface Client {
  readonly requester: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly tls: TlsVersion | null;
  /** The Region a request from inside AWS comes from; null from outside AWS. */
  readonly sourceRegion: string | null;
  readonly referrer?: string;
}

/** The S3 access log requester of the partner account's reader (CloudTrail shows it as an AWSAccount identity). */
export const PARTNER_REQUESTER = `arn:aws:iam::${DEMO_PARTNER_ACCOUNT_ID}:user/partner-feed-reader`;
export const CONSOLE_USER_AGENT =
  '[S3Console/0.4, aws-internal/3 aws-sdk-java/1.12.488 Linux/5.10.217-183.860.amzn2int.x86_64 OpenJDK_64-Bit_Server_VM/25.372-b08 java/1.8.0_372 vendor/Oracle_Corporation cfg/retry-mode/standard]';
/** An unauthenticated scanner whose user agent holds spaces and double quotes (logged escaped). */
export const SCANNER_USER_AGENT = 'Mozilla/5.0 (compatible; "BucketFinder" 2.1; +http://scanner.example)';

/** A demo principal from its first address; the workloads' private addresses all lie in home-region VPCs. */
function principal(p: DemoPrincipal, overrides: Partial<Client> = {}): Client {
  const inside = p.sourceIps[0]?.startsWith('10.') ?? false;
  return { requester: p.arn, ip: p.sourceIps[0] ?? null, userAgent: p.userAgent, tls: 'TLSv1.3', sourceRegion: inside ? HOME_REGION : null, ...overrides };
}

function service(name: string, region: string): Client {
  return { requester: `svc:${name}`, ip: null, userAgent: null, tls: 'TLSv1.2', sourceRegion: region };
}

type Op = 'GET' | 'PUT' | 'HEAD' | 'DELETE' | 'LIST' | 'LOCATION';

const OPERATION: Readonly<Record<Op, string>> = {
  GET: 'REST.GET.OBJECT',
  PUT: 'REST.PUT.OBJECT',
  HEAD: 'REST.HEAD.OBJECT',
  DELETE: 'REST.DELETE.OBJECT',
  LIST: 'REST.GET.BUCKET',
  LOCATION: 'REST.GET.LOCATION',
};

interface RequestSpec {
  readonly bytes?: number;
  readonly status?: number;
  readonly errorCode?: 'AccessDenied' | 'NoSuchKey';
  readonly accessPointArn?: string;
  readonly aclRequired?: boolean;
  readonly format?: S3LineFormat;
}

/** A request as S3 logs it: status, sizes and timings follow the operation and the outcome. */
export function request(rng: Rng, ms: number, bucket: DemoBucket, client: Client, op: Op, key: string | null, spec: RequestSpec = {}): S3AccessRecord {
  const errorCode = spec.errorCode ?? null;
  const status = spec.status ?? (errorCode === 'AccessDenied' ? 403 : errorCode === 'NoSuchKey' ? 404 : op === 'DELETE' ? 204 : 200);
  const size = spec.bytes ?? rng.int(200, 250_000);
  const failed = errorCode !== null;
  const path = key === null ? '/' : `/${encodePath(key)}`;
  const query = op === 'LIST' ? '?list-type=2&prefix=&encoding-type=url' : op === 'LOCATION' ? '?location' : op === 'GET' || op === 'DELETE' ? `?x-id=${op === 'GET' ? 'GetObject' : 'DeleteObject'}` : '';
  const method = op === 'LIST' || op === 'LOCATION' ? 'GET' : op;
  const total = op === 'PUT' ? rng.int(20, 40) + Math.floor(size / 50_000) : rng.int(3, 60);
  return {
    ms,
    bucket,
    remoteIp: client.ip,
    requester: client.requester,
    operation: OPERATION[op],
    key: op === 'LIST' || op === 'LOCATION' ? null : key,
    requestUri: `${method} ${path}${query} HTTP/1.1`,
    status,
    errorCode,
    bytesSent: failed ? rng.int(240, 320) : op === 'GET' ? size : op === 'LIST' ? rng.int(300, 4000) : op === 'LOCATION' ? 137 : null,
    objectSize: failed || op === 'LIST' || op === 'LOCATION' || op === 'DELETE' ? null : size,
    totalTimeMs: total,
    turnAroundMs: failed ? null : Math.max(1, Math.floor(total / rng.int(2, 6))),
    referrer: client.referrer ?? null,
    userAgent: client.userAgent,
    versionId: op === 'PUT' && !failed && bucket.purpose === 'backups' ? rng.alnum(32) : null,
    signed: client.requester !== null,
    tls: client.tls,
    accessPointArn: spec.accessPointArn ?? null,
    aclRequired: spec.aclRequired ?? false,
    sourceRegion: client.sourceRegion,
    format: spec.format ?? 'current',
  };
}

/** A lifecycle expiration: S3 itself acts, no address, no request line, no TLS. */
function expiration(rng: Rng, ms: number, bucket: DemoBucket, key: string): S3AccessRecord {
  return {
    ...request(rng, ms, bucket, { requester: 'AmazonS3', ip: null, userAgent: null, tls: null, sourceRegion: null }, 'DELETE', key),
    operation: 'S3.EXPIRE.OBJECT',
    requestUri: null,
    status: null,
    bytesSent: null,
    objectSize: rng.int(5_000_000, 50_000_000),
    totalTimeMs: null,
    turnAroundMs: null,
    versionId: rng.alnum(32),
    signed: false,
  };
}

function dayPath(dayStartMs: number): string {
  return new Date(dayStartMs).toISOString().slice(0, 10).replace(/-/g, '/');
}

/** Object keys shaped as in the CloudTrail demo's data events for the same bucket. */
export function objectKey(rng: Rng, bucket: DemoBucket, dayStartMs: number): string {
  const day = dayPath(dayStartMs);
  switch (bucket.purpose) {
    case 'orders':
      return `orders/${day}/ord-${rng.digits(8)}.json`;
    case 'backups':
      return `db/${day}/part-${rng.int(0, 999)}.dump.gz`;
    case 'reports':
      return `reports/daily/${day}/report-${rng.int(1, 40)}.csv`;
    case 'assets':
      return `static/img/${rng.hex(12)}.png`;
    case 'logs':
      return `AWSLogs/${rng.pick([DEMO_ACCOUNT_IDS.production, DEMO_ACCOUNT_IDS.staging])}/CloudTrail/us-east-1/${day}/${rng.alnum(16)}.json.gz`;
    case 'findings':
      return `guardduty/${day}/${rng.uuid()}.jsonl.gz`;
  }
}

const at = (dayStartMs: number, rng: Rng, fromHour: number, toHour: number): number => dayStartMs + rng.int(fromHour * 3600, toHour * 3600 - 1) * SECOND_MS;

/** The day's scripted requests: every day, whatever the volume. */
export function scriptedRequests(seed: number, dayStartMs: number): S3AccessRecord[] {
  const rng = new Rng(mixSeed(seed, 's3access-script', dayStartMs));
  const out: S3AccessRecord[] = [];
  const orders = bucketFor(DEMO_ACCOUNT_IDS.production, 'us-east-1', 'orders');
  const euOrders = bucketFor(DEMO_ACCOUNT_IDS.production, 'eu-west-1', 'orders');
  const backups = bucketFor(DEMO_ACCOUNT_IDS.production, 'us-east-1', 'backups');
  const reports = bucketFor(DEMO_ACCOUNT_IDS.staging, 'us-east-1', 'reports');
  const assets = bucketFor(DEMO_ACCOUNT_IDS.staging, 'eu-west-1', 'assets');
  const logs = bucketFor(DEMO_ACCOUNT_IDS.security, 'us-east-1', 'logs');
  const day = new Date(dayStartMs).toISOString().slice(0, 10);

  // Workloads (the CloudTrail demo's workloadTraffic): the first of a few is in an older line format,
  // one in a newer one, so every day of the archive exercises both.
  const work: [DemoPrincipal, DemoBucket, Op, S3LineFormat][] = [
    [P.prodAppServer, orders, 'GET', 'legacy-to-tls'],
    [P.prodOrderProcessor, euOrders, 'PUT', 'current'],
    [P.stagingAppServer, reports, 'GET', 'future'],
    [P.logShipper, logs, 'GET', 'legacy-to-version-id'],
  ];
  for (const [p, bucket, op, format] of work) {
    for (let i = 0; i < 3; i++) out.push(request(rng, at(dayStartMs, rng, 0, 24), bucket, principal(p), op, `daily/${rng.digits(6)}.json`, { format: i === 0 ? format : 'current' }));
  }
  // The on-premises backup job on TLS 1.0/1.1 (weak-tls-requests).
  let t = at(dayStartMs, rng, 1, 3);
  for (const tls of ['TLSv1', 'TLSv1.1', 'TLSv1.1', 'TLSv1.1'] as const) {
    out.push(request(rng, t, backups, principal(P.backupAgent, { tls }), 'PUT', `db/${day}/part-${rng.int(0, 999)}.dump.gz`, { bytes: rng.int(5_000_000, 50_000_000) }));
    t += rng.int(30, 600) * SECOND_MS;
  }
  out.push(request(rng, t, backups, principal(P.backupAgent, { tls: 'TLSv1' }), 'LOCATION', null));
  // Deletions (object-deletions): the retention Lambda, bob by hand, and lifecycle expirations.
  const expired = new Date(dayStartMs - 400 * DAY_MS).toISOString().slice(0, 10).replace(/-/g, '/');
  t = dayStartMs + 3 * HOUR_MS;
  for (let i = rng.int(5, 10); i > 0; i--) {
    out.push(request(rng, t, orders, principal(P.prodDataRetention), 'DELETE', `orders/${expired}/ord-${rng.digits(8)}.json`));
    t += rng.int(1, 20) * SECOND_MS;
  }
  out.push(request(rng, at(dayStartMs, rng, 14, 16), orders, principal(P.bob, { ip: rng.pick(P.bob.sourceIps) }), 'DELETE', `exports/manual-export-${rng.digits(4)}.csv`));
  t = at(dayStartMs, rng, 1, 2);
  for (let i = rng.int(3, 6); i > 0; i--) {
    out.push(expiration(rng, t, backups, `db/${new Date(dayStartMs - 90 * DAY_MS).toISOString().slice(0, 10)}/part-${rng.int(0, 999)}.dump.gz`));
    t += rng.int(1, 5) * SECOND_MS;
  }
  // The partner account reading the shared feed.
  const partner: Client = { requester: PARTNER_REQUESTER, ip: DEMO_IPS.partner, userAgent: 'aws-sdk-java/1.12.661 Linux/5.15.0 OpenJDK_64-Bit_Server_VM/11.0.22+7 java/11.0.22', tls: 'TLSv1.2', sourceRegion: null };
  t = at(dayStartMs, rng, 5, 7);
  for (let i = rng.int(2, 4); i > 0; i--) {
    out.push(request(rng, t, orders, partner, 'GET', `shared/partner/feed-${rng.digits(6)}.json`));
    t += rng.int(2, 60) * SECOND_MS;
  }
  // The leaked svc-reporting key probing production buckets from outside: denied.
  const leaked = principal(P.svcReporting, { ip: DEMO_IPS.leakedKeyUser, userAgent: 'aws-cli/1.18.69 Python/3.6.9 Linux/4.15.0-20-generic botocore/1.16.19', tls: 'TLSv1.2' });
  t = at(dayStartMs, rng, 0, 23);
  for (const bucket of [orders, backups, euOrders]) {
    out.push(request(rng, t, bucket, leaked, 'LIST', null, { errorCode: 'AccessDenied' }));
    t += rng.int(1, 25) * SECOND_MS;
  }
  // An unauthenticated scanner guessing object names.
  const scanner: Client = { requester: null, ip: DEMO_IPS.bruteForcer, userAgent: SCANNER_USER_AGENT, tls: 'TLSv1.2', sourceRegion: null };
  t = at(dayStartMs, rng, 2, 5);
  for (const [bucket, key] of [[orders, '.env'], [orders, 'backup.sql'], [assets, '.git/config'], [backups, 'db.sql.gz']] as const) {
    out.push(request(rng, t, bucket, scanner, 'GET', key, { errorCode: 'AccessDenied' }));
    t += rng.int(1, 3) * SECOND_MS;
  }
  // The staging app server denied on the EU assets bucket (the CloudTrail demo's workloadDenied).
  t = at(dayStartMs, rng, 2, 22);
  for (let i = rng.int(2, 4); i > 0; i--) {
    out.push(request(rng, t, assets, principal(P.stagingAppServer), 'GET', `private/config-${rng.int(1, 9)}.json`, { errorCode: 'AccessDenied' }));
    t += rng.int(1, 30) * SECOND_MS;
  }
  // Alice in the console over IPv6: lists the bucket, opens a key with a space, misses one.
  const console: Client = { ...principal(P.aliceSsoAdmin, { ip: DEMO_IPS.aliceIpv6, userAgent: CONSOLE_USER_AGENT }), referrer: 'https://s3.console.aws.amazon.com/s3/buckets' };
  t = at(dayStartMs, rng, 9, 12);
  out.push(request(rng, t, orders, console, 'LIST', null));
  out.push(request(rng, t + 20 * SECOND_MS, orders, console, 'GET', 'exports/Q4 summary.pdf'));
  out.push(request(rng, t + 45 * SECOND_MS, orders, console, 'GET', `exports/missing-${rng.digits(3)}.csv`, { errorCode: 'NoSuchKey' }));
  // Bob's CLI from the day's new travel address (the CloudTrail demo's travellingCli, same hours).
  out.push(request(rng, at(dayStartMs, rng, 20, 22), orders, principal(P.bob, { ip: roamingIpForDay(epochDay(dayStartMs)), userAgent: USER_AGENTS.cli }), 'GET', `exports/manual-export-${rng.digits(4)}.csv`));
  return out;
}

interface Background {
  readonly bucket: DemoBucket;
  /** Share of the day's background requests. */
  readonly share: number;
  readonly next: (rng: Rng, ms: number, dayStartMs: number) => S3AccessRecord;
}

function backgroundOf(bucket: DemoBucket): Background {
  const key = (rng: Rng, dayStartMs: number): string => objectKey(rng, bucket, dayStartMs);
  const mostlyFound = (rng: Rng): RequestSpec => (rng.chance(0.01) ? { errorCode: 'NoSuchKey' } : {});
  switch (bucket.purpose) {
    case 'orders':
      return bucket.region === 'us-east-1'
        ? { bucket, share: 0.3, next: (rng, ms, d) => request(rng, ms, bucket, principal(P.prodAppServer), rng.pick(['GET', 'GET', 'GET', 'HEAD', 'PUT'] as const), key(rng, d), mostlyFound(rng)) }
        : { bucket, share: 0.15, next: (rng, ms, d) => request(rng, ms, bucket, principal(P.prodOrderProcessor), rng.pick(['PUT', 'PUT', 'GET'] as const), key(rng, d), mostlyFound(rng)) };
    case 'backups':
      return { bucket, share: 0.1, next: (rng, ms, d) => request(rng, ms, bucket, principal(P.backupAgent, { tls: 'TLSv1.1' }), 'PUT', key(rng, d), { bytes: rng.int(1_000_000, 40_000_000) }) };
    case 'reports': {
      const ap = `arn:aws:s3:us-east-1:${DEMO_ACCOUNT_IDS.staging}:accesspoint/reports-readers`;
      const carol: Client = { ...principal(P.carol), referrer: 'https://s3.console.aws.amazon.com/s3/buckets' };
      return {
        bucket,
        share: 0.15,
        next: (rng, ms, d) =>
          rng.chance(0.2)
            ? request(rng, ms, bucket, carol, 'GET', key(rng, d), mostlyFound(rng))
            : request(rng, ms, bucket, principal(P.stagingAppServer), rng.pick(['GET', 'PUT'] as const), key(rng, d), { ...mostlyFound(rng), ...(rng.chance(0.5) ? { accessPointArn: ap } : {}) }),
      };
    }
    case 'assets':
      // A public website bucket: anonymous browsers, some still over plain HTTP.
      return {
        bucket,
        share: 0.1,
        next: (rng, ms, d) =>
          request(rng, ms, bucket, { requester: null, ip: `203.0.113.${rng.int(150, 250)}`, userAgent: rng.pick([USER_AGENTS.firefox, USER_AGENTS.chrome, USER_AGENTS.edge]), tls: rng.chance(0.05) ? null : 'TLSv1.3', sourceRegion: null, referrer: 'https://www.example.com/' }, 'GET', key(rng, d), mostlyFound(rng)),
      };
    case 'logs':
      return {
        bucket,
        share: 0.15,
        next: (rng, ms, d) => {
          const which = rng.int(0, 9);
          if (which < 5) return request(rng, ms, bucket, service('cloudtrail.amazonaws.com', 'us-east-1'), 'PUT', key(rng, d), { aclRequired: true });
          if (which < 7) {
            const acct = rng.pick([DEMO_ACCOUNT_IDS.production, DEMO_ACCOUNT_IDS.staging, DEMO_ACCOUNT_IDS.security]);
            const flowLog = `${acct}_vpcflowlogs_us-east-1_fl-0${rng.hex(16)}_${compactMinute(ms - 5 * 60 * SECOND_MS)}_${rng.hex(8)}.log.gz`;
            return request(rng, ms, bucket, service('delivery.logs.amazonaws.com', 'us-east-1'), 'PUT', `AWSLogs/${acct}/vpcflowlogs/us-east-1/${dayPath(d)}/${flowLog}`, { aclRequired: true });
          }
          return request(rng, ms, bucket, principal(P.logShipper), 'GET', key(rng, d));
        },
      };
    case 'findings':
      return { bucket, share: 0.05, next: (rng, ms, d) => request(rng, ms, bucket, service('guardduty.amazonaws.com', 'eu-west-1'), 'PUT', key(rng, d)) };
  }
}

export const BACKGROUND: readonly Background[] = DEMO_BUCKETS.map(backgroundOf);

/** `count` background requests on one bucket, spread over the day with a working-hours bulge. */
export function backgroundRequests(seed: number, dayStartMs: number, background: Background, count: number): S3AccessRecord[] {
  const rng = new Rng(mixSeed(seed, 's3access-background', background.bucket.name, dayStartMs));
  const out: S3AccessRecord[] = [];
  for (let i = 0; i < count; i++) {
    const hour = rng.chance(0.6) ? rng.int(8, 18) : rng.int(0, 23);
    out.push(background.next(rng, dayStartMs + (hour * 3600 + rng.int(0, 3599)) * SECOND_MS, dayStartMs));
  }
  return out;
}
