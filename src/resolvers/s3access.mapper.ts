// Maps a row of sql/s3access/requests.sql to the S3AccessRequest GraphQL shape. Engines differ in
// how they return numbers (DuckDB: bigint and number; Athena: text), so each is converted explicitly.
import type { ResultRow } from '../engine/query-engine';
import type { S3AccessRequest } from '../schema/s3access/s3access-request.type';
import { text } from './row-values';

const MONTHS: Readonly<Record<string, string>> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };
const S3_TIME = /^(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/** requestdatetime ('06/Feb/2019:00:00:38 +0000', brackets already stripped) as a UTC ISO-8601 instant. */
export function s3TimeToIso(value: string): string {
  const m = S3_TIME.exec(value);
  const month = m ? MONTHS[m[2]!] : undefined;
  if (!m || month === undefined) throw new Error(`not an S3 access log time: ${JSON.stringify(value)}`);
  const [, d, , y, hh, mm, ss, sign, oh, om] = m;
  return new Date(`${y}-${month}-${d}T${hh}:${mm}:${ss}${sign}${oh}:${om}`).toISOString();
}

function bigint(row: ResultRow, column: string): bigint | null {
  const v = row[column];
  return v === null || v === undefined ? null : BigInt(typeof v === 'bigint' ? v : String(v));
}

function int(row: ResultRow, column: string): number | null {
  const v = text(row, column);
  return v === null ? null : Number(v);
}

/** S3 writes Yes when an ACL was required; anything but Yes/No (its `-`, or an older line) is unknown. */
function yesNo(row: ResultRow, column: string): boolean | null {
  const v = text(row, column);
  return v === 'Yes' ? true : v === 'No' ? false : null;
}

export function s3AccessRequestFromRow(row: ResultRow): S3AccessRequest {
  return {
    bucketOwner: text(row, 'bucketowner'),
    bucketName: text(row, 'bucket_name'),
    requestTime: s3TimeToIso(text(row, 'requestdatetime') ?? ''),
    remoteIp: text(row, 'remoteip'),
    requester: text(row, 'requester'),
    requestId: text(row, 'requestid'),
    operation: text(row, 'operation'),
    key: text(row, 'key'),
    requestUri: text(row, 'request_uri'),
    httpStatus: int(row, 'httpstatus'),
    errorCode: text(row, 'errorcode'),
    bytesSent: bigint(row, 'bytessent'),
    objectSize: bigint(row, 'objectsize'),
    totalTimeMs: bigint(row, 'totaltime'),
    turnAroundTimeMs: bigint(row, 'turnaroundtime'),
    referrer: text(row, 'referrer'),
    userAgent: text(row, 'useragent'),
    versionId: text(row, 'versionid'),
    hostId: text(row, 'hostid'),
    signatureVersion: text(row, 'sigv'),
    cipherSuite: text(row, 'ciphersuite'),
    authType: text(row, 'authtype'),
    hostHeader: text(row, 'endpoint'),
    tlsVersion: text(row, 'tlsversion'),
    accessPointArn: text(row, 'accesspointarn'),
    aclRequired: yesNo(row, 'aclrequired'),
    sourceRegion: text(row, 'sourceregion'),
    sourceFile: text(row, 'source_file') ?? '',
  };
}
