/**
 * ALB access log lines in AWS's format, field by field in AWS's order: bare fields, quoted fields
 * (with `"` and `\` escaped), and `-` for every absent value. Also the NLB (TLS listener) line
 * format, which the demo writes beside ALB files so that readers must tell the two apart.
 */

export type AlbListenerType = 'http' | 'https' | 'h2' | 'grpcs' | 'ws' | 'wss';

export interface AlbEntry {
  readonly type: AlbListenerType;
  /** ISO-8601 with microseconds, e.g. 2026-12-01T10:00:00.123456Z */
  readonly time: string;
  /** app/NAME/ID */
  readonly elb: string;
  readonly clientIp: string;
  readonly clientPort: number;
  /** null: no target (redirect, fixed response, no healthy target, malformed request). */
  readonly target: { readonly ip: string; readonly port: number } | null;
  /** Seconds; -1 where AWS logs "not applicable". */
  readonly requestProcessingTime: number;
  readonly targetProcessingTime: number;
  readonly responseProcessingTime: number;
  readonly elbStatusCode: number;
  readonly targetStatusCode: number | null;
  readonly receivedBytes: number;
  readonly sentBytes: number;
  /** null verb/url/proto print as `-` (a request the client never finished). */
  readonly verb: string | null;
  readonly url: string | null;
  readonly proto: string | null;
  readonly userAgent: string | null;
  readonly sslCipher: string | null;
  readonly sslProtocol: string | null;
  readonly targetGroupArn: string | null;
  readonly traceId: string | null;
  readonly domainName: string | null;
  readonly chosenCertArn: string | null;
  readonly matchedRulePriority: number | null;
  readonly requestCreationTime: string;
  readonly actionsExecuted: readonly string[];
  readonly redirectUrl: string | null;
  readonly errorReason: string | null;
  readonly classification: string | null;
  readonly classificationReason: string | null;
  readonly connTraceId: string;
  readonly transformedHost: string | null;
  readonly transformedUri: string | null;
  readonly requestTransformStatus: string | null;
  /** Fields a newer ALB might append; written after the last field this code knows. */
  readonly extraFields?: readonly string[];
}

const bare = (v: string | number | null): string => (v === null ? '-' : String(v));
const quoted = (v: string | null): string => `"${v === null ? '-' : v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** AWS prints timings with three decimals, and -1 bare. */
function seconds(v: number): string {
  return v === -1 ? '-1' : v.toFixed(3);
}

export function formatAlbLine(e: AlbEntry): string {
  const target = e.target === null ? '-' : e.target.ip.includes(':') ? `[${e.target.ip}]:${e.target.port}` : `${e.target.ip}:${e.target.port}`;
  const client = e.clientIp.includes(':') ? `[${e.clientIp}]:${e.clientPort}` : `${e.clientIp}:${e.clientPort}`;
  // The request line is one quoted field; its URL is written as the client sent it (spaces included).
  const request = `"${bare(e.verb)} ${e.url === null ? '-' : e.url.replace(/"/g, '\\"')} ${bare(e.proto)}"`;
  const fields = [
    e.type,
    e.time,
    e.elb,
    client,
    target,
    seconds(e.requestProcessingTime),
    seconds(e.targetProcessingTime),
    seconds(e.responseProcessingTime),
    String(e.elbStatusCode),
    bare(e.targetStatusCode),
    String(e.receivedBytes),
    String(e.sentBytes),
    request,
    quoted(e.userAgent),
    bare(e.sslCipher),
    bare(e.sslProtocol),
    bare(e.targetGroupArn),
    quoted(e.traceId),
    quoted(e.domainName),
    quoted(e.chosenCertArn),
    bare(e.matchedRulePriority),
    e.requestCreationTime,
    quoted(e.actionsExecuted.length === 0 ? null : e.actionsExecuted.join(',')),
    quoted(e.redirectUrl),
    quoted(e.errorReason),
    quoted(e.target === null ? null : target),
    quoted(e.targetStatusCode === null ? null : String(e.targetStatusCode)),
    quoted(e.classification),
    quoted(e.classificationReason),
    e.connTraceId,
    quoted(e.transformedHost),
    quoted(e.transformedUri),
    quoted(e.requestTransformStatus),
    ...(e.extraFields ?? []),
  ];
  return fields.join(' ');
}

export interface NlbEntry {
  /** ISO-8601 to the second, without a zone, as NLB writes it. */
  readonly time: string;
  /** net/NAME/ID */
  readonly elb: string;
  readonly listenerId: string;
  readonly client: string;
  readonly destination: string;
  readonly connectionTimeMs: number;
  readonly handshakeTimeMs: number;
  readonly receivedBytes: number;
  readonly sentBytes: number;
  readonly chosenCertArn: string;
  readonly tlsCipher: string;
  readonly tlsProtocol: string;
  readonly domainName: string;
  readonly connectionCreationTime: string;
}

/** An NLB TLS listener access log line (version 2.0): another format in the same folder. */
export function formatNlbLine(e: NlbEntry): string {
  return [
    'tls',
    '2.0',
    e.time,
    e.elb,
    e.listenerId,
    e.client,
    e.destination,
    String(e.connectionTimeMs),
    String(e.handshakeTimeMs),
    String(e.receivedBytes),
    String(e.sentBytes),
    '-',
    e.chosenCertArn,
    '-',
    e.tlsCipher,
    e.tlsProtocol,
    '-',
    e.domainName,
    '-',
    '-',
    '-',
    e.connectionCreationTime,
  ].join(' ');
}
