// Maps a row of sql/alb/requests.sql to the AlbRequest GraphQL shape. Engines differ in how numbers
// arrive (DuckDB: number and bigint; Athena: text), so every conversion below accepts both; bigint
// columns never pass through a JS number.
import type { ResultRow } from '../engine/query-engine';
import type { AlbRequest } from '../schema/alb/alb-request.type';
import { parseDateTime } from '../schema/scalars';
import { text } from './row-values';

function int(row: ResultRow, column: string): number | null {
  const v = row[column];
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  const s = text(row, column);
  return s !== null && /^-?\d{1,9}$/.test(s) ? Number(s) : null;
}

function float(row: ResultRow, column: string): number | null {
  const v = row[column];
  if (typeof v === 'number') return v;
  const s = text(row, column);
  if (s === null || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function big(row: ResultRow, column: string): bigint | null {
  const v = row[column];
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
  const s = text(row, column);
  return s !== null && /^-?\d+$/.test(s) ? BigInt(s) : null;
}

/** AWS's comma- or space-separated list fields as lists. */
function list(row: ResultRow, column: string, separator: RegExp): string[] | null {
  const s = text(row, column);
  return s === null ? null : s.split(separator).filter((item) => item !== '');
}

/** An instant the DateTime scalar can print, or null (request_creation_time is not checked by the regex). */
function instant(row: ResultRow, column: string): string | null {
  const s = text(row, column);
  if (s === null) return null;
  try {
    parseDateTime(s);
    return s;
  } catch {
    return null;
  }
}

export function albRequestFromRow(row: ResultRow): AlbRequest {
  return {
    type: text(row, 'type') ?? '',
    time: text(row, 'time') ?? '',
    elb: text(row, 'elb') ?? '',
    clientIp: text(row, 'client_ip') ?? '',
    clientPort: int(row, 'client_port'),
    targetIp: text(row, 'target_ip'),
    targetPort: int(row, 'target_port'),
    requestProcessingTime: float(row, 'request_processing_time'),
    targetProcessingTime: float(row, 'target_processing_time'),
    responseProcessingTime: float(row, 'response_processing_time'),
    elbStatusCode: int(row, 'elb_status_code'),
    targetStatusCode: int(row, 'target_status_code'),
    receivedBytes: big(row, 'received_bytes'),
    sentBytes: big(row, 'sent_bytes'),
    requestVerb: text(row, 'request_verb'),
    requestUrl: text(row, 'request_url'),
    requestProto: text(row, 'request_proto'),
    userAgent: text(row, 'user_agent'),
    sslCipher: text(row, 'ssl_cipher'),
    sslProtocol: text(row, 'ssl_protocol'),
    targetGroupArn: text(row, 'target_group_arn'),
    traceId: text(row, 'trace_id'),
    domainName: text(row, 'domain_name'),
    chosenCertArn: text(row, 'chosen_cert_arn'),
    matchedRulePriority: int(row, 'matched_rule_priority'),
    requestCreationTime: instant(row, 'request_creation_time'),
    actionsExecuted: list(row, 'actions_executed', /,/),
    redirectUrl: text(row, 'redirect_url'),
    errorReason: text(row, 'lambda_error_reason'),
    targetPortList: list(row, 'target_port_list', / /),
    targetStatusCodeList: list(row, 'target_status_code_list', / /),
    classification: text(row, 'classification'),
    classificationReason: text(row, 'classification_reason'),
    connTraceId: text(row, 'conn_trace_id'),
    transformedHost: text(row, 'transformed_host'),
    transformedUri: text(row, 'transformed_uri'),
    requestTransformStatus: text(row, 'request_transform_status'),
    account: text(row, 'account'),
    region: text(row, 'region'),
    sourceFile: text(row, 'source_file') ?? '',
  };
}
