/**
 * Assembles one CloudTrail record from what a caller knows about a call, filling in the fields every
 * record has (ids, category, TLS details) the way CloudTrail does, and keeping CloudTrail's field order
 * so that the files read like real ones.
 */

import type { Rng } from './random';
import type {
  CloudTrailRecord,
  CloudTrailResource,
  EventCategory,
  EventType,
  JsonObject,
  TlsDetails,
  TlsVersion,
  UserIdentity,
} from './cloudtrail.types';

/** What a call contributes to its record: the API, its parameters and outcome. */
export interface CallBody {
  readonly source: string;
  readonly name: string;
  readonly region: string;
  readonly readOnly: boolean;
  readonly params?: JsonObject | null;
  readonly response?: JsonObject | null;
  readonly additional?: JsonObject;
  readonly resources?: CloudTrailResource[];
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly eventType?: EventType;
  readonly category?: EventCategory;
  readonly version?: '1.08' | '1.09';
  /** Overrides the caller's TLS version (e.g. a sign-in page that only speaks TLS 1.3). */
  readonly tls?: TlsVersion | null;
  readonly host?: string;
  /** undefined: a UUID; 's3': S3's 16-character ids; null: none (console sign-in). */
  readonly requestId?: string | 's3' | null;
  readonly serviceEventDetails?: JsonObject;
  readonly sharedEventID?: string;
  readonly vpcEndpointId?: string;
}

/** Who made the call, from where and when: stamped by the actor onto every body it sends. */
export interface CallStamp {
  /** Absent for AWS service events that name no identity at all. */
  readonly identity: UserIdentity | undefined;
  readonly eventTime: string;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly recipientAccountId: string;
  /** undefined: a modern client (TLS 1.2 or 1.3); null: no TLS details (calls inside AWS). */
  readonly tls?: TlsVersion | null;
  readonly fromConsole?: boolean;
}

const CIPHERS: Readonly<Record<TlsVersion, string>> = {
  TLSv1: 'ECDHE-RSA-AES128-SHA',
  'TLSv1.1': 'ECDHE-RSA-AES128-SHA',
  'TLSv1.2': 'ECDHE-RSA-AES128-GCM-SHA256',
  'TLSv1.3': 'TLS_AES_128_GCM_SHA256',
};

/** TLS details repeat endlessly (a few hosts, four versions): share them rather than allocate per record. */
const tlsCache = new Map<string, TlsDetails>();

export function tlsDetails(version: TlsVersion, host: string): TlsDetails {
  const key = version + host;
  let found = tlsCache.get(key);
  if (found === undefined) {
    found = { tlsVersion: version, cipherSuite: CIPHERS[version], clientProvidedHostHeader: host };
    tlsCache.set(key, found);
  }
  return found;
}

/** The endpoint a client names in its Host header for a service in a region. */
export function defaultHost(source: string, region: string): string {
  const service = source.slice(0, source.indexOf('.'));
  switch (service) {
    case 'iam':
    case 'organizations':
      return `${service}.amazonaws.com`;
    case 'signin':
      return `${region}.signin.aws.amazon.com`;
    case 'sso':
      return `portal.sso.${region}.amazonaws.com`;
    default:
      return `${service}.${region}.amazonaws.com`;
  }
}

export function buildRecord(rng: Rng, body: CallBody, stamp: CallStamp): CloudTrailRecord {
  const category = body.category ?? 'Management';
  const tls = tlsFor(rng, body, stamp);
  const additional = body.additional;
  // S3 repeats the negotiated cipher in additionalEventData; keep the two in agreement.
  if (additional !== undefined && tls !== undefined && 'CipherSuite' in additional) additional['CipherSuite'] = tls.cipherSuite;
  return {
    eventVersion: body.version ?? '1.08',
    userIdentity: stamp.identity,
    eventTime: stamp.eventTime,
    eventSource: body.source,
    eventName: body.name,
    awsRegion: body.region,
    sourceIPAddress: stamp.sourceIp,
    userAgent: stamp.userAgent,
    errorCode: body.errorCode,
    errorMessage: body.errorMessage,
    requestParameters: body.params ?? null,
    responseElements: body.response ?? null,
    additionalEventData: additional,
    requestID: requestId(rng, body.requestId),
    eventID: rng.uuid(),
    readOnly: body.readOnly,
    resources: body.resources,
    eventType: body.eventType ?? 'AwsApiCall',
    managementEvent: category === 'Management',
    recipientAccountId: stamp.recipientAccountId,
    serviceEventDetails: body.serviceEventDetails,
    sharedEventID: body.sharedEventID,
    vpcEndpointId: body.vpcEndpointId,
    eventCategory: category,
    sessionCredentialFromConsole: stamp.fromConsole === true ? 'true' : undefined,
    tlsDetails: tls,
  };
}

function requestId(rng: Rng, kind: CallBody['requestId']): string | undefined {
  if (kind === null) return undefined;
  if (kind === undefined) return rng.uuid();
  if (kind === 's3') return rng.upperAlnum(16);
  return kind;
}

function tlsFor(rng: Rng, body: CallBody, stamp: CallStamp): TlsDetails | undefined {
  const requested = body.tls !== undefined ? body.tls : stamp.tls;
  if (requested === null) return undefined;
  const version: TlsVersion = requested ?? (rng.chance(0.55) ? 'TLSv1.3' : 'TLSv1.2');
  return tlsDetails(version, body.host ?? defaultHost(body.source, body.region));
}
