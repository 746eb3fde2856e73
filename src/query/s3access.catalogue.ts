// The S3 server access log catalogue: the only source of identifiers and expressions the builder puts
// into SQL. Column names are those of AWS's documented Athena table (s3_access_logs), in the order S3
// writes the fields, plus the partition columns account, region and day and "$path".

/** How a field is written in the log line; it decides the field's pattern and its SQL type. */
export type S3AccessFieldKind =
  /** A run of non-space characters, or `-` for no value. */
  | 'token'
  /** A double-quoted string that may hold spaces and escaped quotes (\"), or `-` / `"-"` for no value. */
  | 'quoted'
  /** `[06/Feb/2019:00:00:38 +0000]`: the column keeps the text between the brackets, as Athena's table does. */
  | 'time'
  /** A three-digit HTTP status, or `-`. */
  | 'status'
  /** A whole number of any length (bytes, milliseconds), or `-`. */
  | 'count';

export interface S3AccessColumn {
  /** Column name as in AWS's Athena table. */
  readonly name: string;
  readonly kind: S3AccessFieldKind;
}

const c = (name: string, kind: S3AccessFieldKind = 'token'): S3AccessColumn => ({ name, kind });

/**
 * Every field S3 documents, in the order it writes them. S3 appends fields at the end from time to
 * time: lines written before a field existed stop earlier, and lines from after our last update carry
 * more. The first REQUIRED_FIELDS are in every line S3 has ever written.
 */
export const S3_ACCESS_COLUMNS: readonly S3AccessColumn[] = [
  c('bucketowner'),
  c('bucket_name'),
  c('requestdatetime', 'time'),
  c('remoteip'),
  c('requester'),
  c('requestid'),
  c('operation'),
  c('key'),
  c('request_uri', 'quoted'),
  c('httpstatus', 'status'),
  c('errorcode'),
  c('bytessent', 'count'),
  c('objectsize', 'count'),
  c('totaltime', 'count'),
  c('turnaroundtime', 'count'),
  c('referrer', 'quoted'),
  c('useragent', 'quoted'),
  c('versionid'),
  c('hostid'),
  c('sigv'),
  c('ciphersuite'),
  c('authtype'),
  c('endpoint'),
  c('tlsversion'),
  c('accesspointarn'),
  c('aclrequired'),
  c('sourceregion'),
];

/** bucketowner … useragent: the original format. versionid and everything after it came later. */
export const REQUIRED_FIELDS = 17;

/** The Joda-Time pattern of requestdatetime, for Trino's parse_datetime (DuckDB: macros.s3access.sql). */
export const S3_ACCESS_TIME_PATTERN = 'dd/MMM/yyyy:HH:mm:ss Z';

/** The request's instant (timestamp with time zone) on every engine. */
export const S3_ACCESS_TIME = `parse_datetime(requestdatetime, '${S3_ACCESS_TIME_PATTERN}')`;

/** The request's instant as UTC text 'yyyy-MM-dd HH:mm:ss…' (both engines cast a UTC timestamp to this shape). */
const UTC_TEXT = `CAST((${S3_ACCESS_TIME} AT TIME ZONE 'UTC') AS VARCHAR)`;

export const S3_ACCESS_GROUP_BY = {
  BUCKET: 'bucket_name',
  OPERATION: 'operation',
  REQUESTER: 'requester',
  REMOTE_IP: 'remoteip',
  HTTP_STATUS: 'httpstatus',
  ERROR_CODE: 'errorcode',
  KEY: 'key',
  USER_AGENT: 'useragent',
  TLS_VERSION: 'tlsversion',
  // Day and hour of the request itself (yyyy-MM-dd, yyyy-MM-ddTHH in UTC, as CloudTrail's keys), not
  // of the object name: S3 delivers a request's record some minutes to hours after it.
  DAY: `substr(${UTC_TEXT}, 1, 10)`,
  HOUR: `replace(substr(${UTC_TEXT}, 1, 13), ' ', 'T')`,
} as const;

export type S3AccessGroupByKey = keyof typeof S3_ACCESS_GROUP_BY;

/** The typed filter the planner accepts (the GraphQL input maps onto it one to one). */
export interface S3AccessFilterSpec {
  buckets?: readonly string[] | null;
  /** Start of the object key as S3 logs it (URL-encoded). */
  keyPrefix?: string | null;
  operations?: readonly string[] | null;
  requester?: string | null;
  /** An address or CIDR block, IPv4 or IPv6. */
  remoteIp?: string | null;
  httpStatuses?: readonly number[] | null;
  errorCodes?: readonly string[] | null;
  /** Source-account folders of the date-based layout (partition). */
  accounts?: readonly string[] | null;
  /** Source-region folders of the date-based layout (partition). */
  regions?: readonly string[] | null;
}
