/**
 * Request/response shapes of the AWS calls the demo produces, written once so that the daily script
 * and the background traffic describe the same API the same way.
 */

import type { DemoBucket, DemoNetwork, DemoRole } from './demo-world';
import { HOME_REGION } from './demo-world';
import type { CallBody } from './cloudtrail.record';
import type { CloudTrailResource, JsonObject } from './cloudtrail.types';
import type { Rng } from './random';
import { displayDate, HOUR_MS } from './time';

export type { CallBody };

const READ_PREFIXES = ['Get', 'List', 'Describe', 'Head', 'Lookup', 'BatchGet', 'Search'];
const READ_NAMES = new Set(['Decrypt', 'GenerateDataKey', 'AssumeRole', 'AssumeRoleWithWebIdentity']);

/** CloudTrail's readOnly flag follows the API, not the outcome. */
export function isReadOnly(eventName: string): boolean {
  return READ_NAMES.has(eventName) || READ_PREFIXES.some((p) => eventName.startsWith(p));
}

export function apiCall(source: string, name: string, region: string, extra: Partial<CallBody> = {}): CallBody {
  return { source, name, region, readOnly: isReadOnly(name), ...extra };
}

/** IAM is global: its calls are logged in the home region against the global endpoint. */
export function iamCall(name: string, params: JsonObject | null, extra: Partial<CallBody> = {}): CallBody {
  return apiCall('iam.amazonaws.com', name, HOME_REGION, { params, ...extra });
}

export function roleResource(role: DemoRole): CloudTrailResource {
  return { accountId: role.accountId, type: 'AWS::IAM::Role', ARN: role.arn };
}

export type S3ObjectOp = 'GetObject' | 'PutObject' | 'DeleteObject' | 'HeadObject';

export interface S3ObjectOptions {
  readonly bytes?: number;
  readonly errorCode?: 'AccessDenied' | 'NoSuchKey';
  readonly kmsKeyArn?: string;
}

/** An S3 object-level data event: eventCategory Data, an object and a bucket resource. */
export function s3ObjectCall(rng: Rng, op: S3ObjectOp, bucket: DemoBucket, key: string, opts: S3ObjectOptions = {}): CallBody {
  const host = `${bucket.name}.s3.${bucket.region}.amazonaws.com`;
  const bytes = opts.bytes ?? rng.int(200, 250_000);
  const failed = opts.errorCode !== undefined;
  const upload = op === 'PutObject' && !failed;
  const response: JsonObject | null =
    upload && opts.kmsKeyArn !== undefined
      ? { 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': opts.kmsKeyArn }
      : null;
  return {
    source: 's3.amazonaws.com',
    name: op,
    region: bucket.region,
    readOnly: op === 'GetObject' || op === 'HeadObject',
    params: { bucketName: bucket.name, Host: host, key },
    response,
    additional: {
      SignatureVersion: 'SigV4',
      CipherSuite: 'TLS_AES_128_GCM_SHA256',
      bytesTransferredIn: upload ? bytes : 0,
      AuthenticationMethod: 'AuthHeader',
      'x-amz-id-2': rng.base64(76),
      bytesTransferredOut: op === 'GetObject' && !failed ? bytes : 0,
    },
    resources: [
      { type: 'AWS::S3::Object', ARN: `arn:aws:s3:::${bucket.name}/${key}` },
      { accountId: bucket.accountId, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket.name}` },
    ],
    category: 'Data',
    version: '1.09',
    requestId: 's3',
    host,
    ...(failed ? { errorCode: opts.errorCode, errorMessage: opts.errorCode === 'AccessDenied' ? 'Access Denied' : 'The specified key does not exist.' } : {}),
  };
}

/** A bucket-level management call (GetBucketAcl, PutBucketPolicy...). */
export function s3BucketCall(name: string, bucket: DemoBucket, params: JsonObject = {}): CallBody {
  const host = `${bucket.name}.s3.${bucket.region}.amazonaws.com`;
  return {
    source: 's3.amazonaws.com',
    name,
    region: bucket.region,
    readOnly: isReadOnly(name),
    params: { bucketName: bucket.name, Host: host, ...params },
    additional: {
      SignatureVersion: 'SigV4',
      CipherSuite: 'TLS_AES_128_GCM_SHA256',
      bytesTransferredIn: 0,
      AuthenticationMethod: 'AuthHeader',
      bytesTransferredOut: 0,
    },
    resources: [{ accountId: bucket.accountId, type: 'AWS::S3::Bucket', ARN: `arn:aws:s3:::${bucket.name}` }],
    requestId: 's3',
    host,
  };
}

export interface AssumeRoleArgs {
  readonly role: DemoRole;
  readonly sessionName: string;
  /** The ASIA key the new session will sign with. */
  readonly sessionKeyId: string;
  readonly atMs: number;
  readonly region?: string;
  readonly durationSeconds?: number;
  /** The MFA device the caller presented, if any. */
  readonly mfaSerial?: string;
  readonly webIdentity?: { readonly provider: string; readonly subject: string };
}

export function assumeRoleCall(rng: Rng, a: AssumeRoleArgs): CallBody {
  const duration = a.durationSeconds ?? 3600;
  const params: JsonObject = { roleArn: a.role.arn, roleSessionName: a.sessionName, durationSeconds: duration };
  if (a.mfaSerial !== undefined) params['serialNumber'] = a.mfaSerial;
  const response: JsonObject = {
    credentials: {
      accessKeyId: a.sessionKeyId,
      sessionToken: `IQoJb3JpZ2luX2Vj${rng.base64(120)}`,
      expiration: displayDate(a.atMs + duration * 1000, true),
    },
    assumedRoleUser: {
      assumedRoleId: `${a.role.roleId}:${a.sessionName}`,
      arn: `arn:aws:sts::${a.role.accountId}:assumed-role/${a.role.name}/${a.sessionName}`,
    },
  };
  const web = a.webIdentity;
  if (web !== undefined) {
    response['subjectFromWebIdentityToken'] = web.subject;
    response['provider'] = web.provider;
    response['audience'] = 'sts.amazonaws.com';
  }
  return {
    source: 'sts.amazonaws.com',
    name: web === undefined ? 'AssumeRole' : 'AssumeRoleWithWebIdentity',
    region: a.region ?? HOME_REGION,
    readOnly: true,
    params,
    response,
    ...(web === undefined ? {} : { additional: { identityProviderConnectionVerificationMethod: 'IdPThumbprint' } }),
    resources: [roleResource(a.role)],
  };
}

export interface IngressRule {
  readonly protocol: 'tcp' | 'udp' | '-1';
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidr: string;
  readonly description: string;
}

/** Authorize/RevokeSecurityGroupIngress in EC2's item-list request shape. */
export function securityGroupRuleCall(
  rng: Rng,
  op: 'AuthorizeSecurityGroupIngress' | 'RevokeSecurityGroupIngress',
  network: DemoNetwork,
  groupId: string,
  rule: IngressRule,
  ruleId: string,
): CallBody {
  const v6 = rule.cidr.includes(':');
  const range: JsonObject = v6 ? { cidrIpv6: rule.cidr, description: rule.description } : { cidrIp: rule.cidr, description: rule.description };
  const permission: JsonObject = {
    ipProtocol: rule.protocol,
    fromPort: rule.fromPort,
    toPort: rule.toPort,
    groups: {},
    ipRanges: v6 ? {} : { items: [range] },
    ipv6Ranges: v6 ? { items: [range] } : {},
    prefixListIds: {},
  };
  // EC2 repeats its request id inside responseElements.
  const requestId = rng.uuid();
  const response: JsonObject = { requestId, _return: true };
  if (op === 'AuthorizeSecurityGroupIngress') {
    response['securityGroupRuleSet'] = {
      items: [
        {
          groupOwnerId: network.accountId,
          groupId,
          securityGroupRuleId: ruleId,
          description: rule.description,
          isEgress: false,
          ipProtocol: rule.protocol,
          fromPort: rule.fromPort,
          toPort: rule.toPort,
          ...(v6 ? { cidrIpv6: rule.cidr } : { cidrIpv4: rule.cidr }),
        },
      ],
    };
  }
  return apiCall('ec2.amazonaws.com', op, network.region, {
    params: { groupId, ipPermissions: { items: [permission] } },
    response,
    requestId,
  });
}

/** IAM-style denial: errorCode AccessDenied with the policy-evaluation message. */
export function denied(body: CallBody, principalArn: string, action: string, resource: string): CallBody {
  return {
    ...body,
    response: null,
    errorCode: 'AccessDenied',
    errorMessage: `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
  };
}

/** EC2's denial: Client.UnauthorizedOperation, with an encoded message for mutating calls. */
export function ec2Denied(rng: Rng, body: CallBody): CallBody {
  return {
    ...body,
    response: null,
    errorCode: 'Client.UnauthorizedOperation',
    errorMessage: body.readOnly
      ? 'You are not authorized to perform this operation.'
      : `You are not authorized to perform this operation. Encoded authorization failure message: ${rng.base64(180)}`,
  };
}

/** IAM's createDate as it appears in responseElements. */
export function iamDate(ms: number): string {
  return displayDate(ms, false);
}

/** A plausible STS session start: the top of the hour of the first call. */
export function sessionStartOf(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}
