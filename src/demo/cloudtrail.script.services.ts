/**
 * Machine activity the auditors' queries must handle: AWS service events (with only accountId and
 * invokedBy, or with no userIdentity at all), services assuming roles (type AWSService, no arn),
 * an outside account reading a shared bucket (type AWSAccount, no arn), workload and long-lived-key
 * traffic, object deletions, and an old backup client still speaking TLS 1.0/1.1.
 */

import { principalActor, serviceActor, serviceEventActor, type Actor } from './cloudtrail.actor';
import { apiCall, assumeRoleCall, s3BucketCall, s3ObjectCall, type S3ObjectOp } from './cloudtrail.calls';
import { otherAccountIdentity } from './cloudtrail.identity';
import type { ScriptWriter } from './cloudtrail.script-writer';
import {
  DEMO_ACCOUNT_IDS,
  bucketFor,
  DEMO_IPS,
  DEMO_KMS_KEYS,
  DEMO_PARTNER_ACCOUNT_ID,
  DEMO_PRINCIPAL as P,
  kmsKeyOf,
  type DemoBucket,
  type DemoPrincipal,
} from './demo-world';

export function serviceActivity(w: ScriptWriter): void {
  serviceEvents(w);
  serviceRoleAssumptions(w);
  legacyTlsBackups(w);
  objectDeletions(w);
  partnerReads(w);
  workloadTraffic(w);
  legacyCiDeploy(w);
}

function serviceEvents(w: ScriptWriter): void {
  const key = DEMO_KMS_KEYS[w.epochDay % DEMO_KMS_KEYS.length];
  if (key !== undefined) {
    w.emit(w.at(w.rng.int(0, 23)), serviceEventActor(key.accountId, 'AWS Internal', true), apiCall('kms.amazonaws.com', 'RotateKey', key.region, {
      readOnly: false,
      params: null,
      response: null,
      resources: [{ accountId: key.accountId, type: 'AWS::KMS::Key', ARN: key.arn }],
      eventType: 'AwsServiceEvent',
      serviceEventDetails: { keyId: key.keyId },
    }));
  }
  // Some service events carry no userIdentity at all; readers must not assume the field exists.
  const vault = 'examplecorp-prod-vault';
  for (const region of ['us-east-1', 'eu-west-1'] as const) {
    w.emit(w.at(w.rng.int(2, 4)), serviceEventActor(DEMO_ACCOUNT_IDS.production, 'backup.amazonaws.com', false), apiCall('backup.amazonaws.com', 'BackupJobCompleted', region, {
      readOnly: false,
      params: null,
      response: null,
      eventType: 'AwsServiceEvent',
      serviceEventDetails: {
        backupJobId: w.rng.uuid().toUpperCase(),
        backupVaultName: vault,
        resourceArn: `arn:aws:ec2:${region}:${DEMO_ACCOUNT_IDS.production}:volume/vol-0${w.rng.hex(16)}`,
        state: 'COMPLETED',
      },
    }));
  }
}

function serviceRoleAssumptions(w: ScriptWriter): void {
  const assumptions: [string, DemoPrincipal, number][] = [
    ['config.amazonaws.com', P.prodConfig, 3],
    ['config.amazonaws.com', P.securityConfig, 3],
    ['lambda.amazonaws.com', P.prodOrderProcessor, 3],
    ['lambda.amazonaws.com', P.prodDataRetention, 1],
    ['ec2.amazonaws.com', P.stagingAppServer, 2],
  ];
  for (const [service, session, times] of assumptions) {
    const role = session.role;
    if (role === undefined || session.sessionKeyId === undefined) continue;
    for (let i = 0; i < times; i++) {
      const at = w.at(w.rng.int(0, 23));
      w.emit(at, serviceActor(role.accountId, service), assumeRoleCall(w.rng, {
        role,
        sessionName: session.sessionName ?? service,
        sessionKeyId: session.sessionKeyId,
        atMs: w.ms(at),
        durationSeconds: 3600 * 6,
      }));
    }
  }
}

function legacyTlsBackups(w: ScriptWriter): void {
  const backups = bucketFor(DEMO_ACCOUNT_IDS.production, 'us-east-1', 'backups');
  let at = w.at(w.rng.int(1, 3));
  const day = new Date(w.dayStartMs).toISOString().slice(0, 10);
  for (const tls of ['TLSv1', 'TLSv1.1', 'TLSv1.1', 'TLSv1.1'] as const) {
    const actor: Actor = principalActor(P.backupAgent, { sessionCreatedMs: w.dayStartMs, tls });
    w.emit(at, actor, s3ObjectCall(w.rng, 'PutObject', backups, `db/${day}/part-${w.rng.int(0, 999)}.dump.gz`, { bytes: w.rng.int(5_000_000, 50_000_000) }));
    at = w.later(at, 30, 600);
  }
  const actor = principalActor(P.backupAgent, { sessionCreatedMs: w.dayStartMs, tls: 'TLSv1' });
  w.emit(at, actor, s3BucketCall('GetBucketLocation', backups, { location: '' }));
}

function objectDeletions(w: ScriptWriter): void {
  const orders = bucketFor(DEMO_ACCOUNT_IDS.production, 'us-east-1', 'orders');
  const retention = principalActor(P.prodDataRetention, { sessionCreatedMs: w.dayStartMs });
  const expired = new Date(w.dayStartMs - 400 * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '/');
  let at = w.at(3);
  for (let i = w.rng.int(5, 10); i > 0; i--) {
    w.emit(at, retention, s3ObjectCall(w.rng, 'DeleteObject', orders, `orders/${expired}/ord-${w.rng.digits(8)}.json`));
    at = w.later(at, 1, 20);
  }
  const bobAt = w.at(w.rng.int(14, 16));
  w.emit(bobAt, principalActor(P.bob, { sessionCreatedMs: w.dayStartMs }), s3ObjectCall(w.rng, 'DeleteObject', orders, `exports/manual-export-${w.rng.digits(4)}.csv`));
}

function partnerReads(w: ScriptWriter): void {
  const orders = bucketFor(DEMO_ACCOUNT_IDS.production, 'us-east-1', 'orders');
  const actor: Actor = {
    accountId: DEMO_ACCOUNT_IDS.production,
    identity: otherAccountIdentity(DEMO_PARTNER_ACCOUNT_ID, 'AIDAXQ7PARTNER5EXAMPL'),
    sourceIp: DEMO_IPS.partner,
    userAgent: 'aws-sdk-java/1.12.661 Linux/5.15.0 OpenJDK_64-Bit_Server_VM/11.0.22+7 java/11.0.22',
  };
  let at = w.at(w.rng.int(5, 7));
  for (let i = w.rng.int(2, 4); i > 0; i--) {
    w.emit(at, actor, s3ObjectCall(w.rng, 'GetObject', orders, `shared/partner/feed-${w.rng.digits(6)}.json`));
    at = w.later(at, 2, 60);
  }
}

/** A floor of workload data events, so small archives still hold S3 reads and writes every day. */
function workloadTraffic(w: ScriptWriter): void {
  const work: [DemoPrincipal, DemoBucket, S3ObjectOp][] = [
    [P.prodAppServer, bucketFor(DEMO_ACCOUNT_IDS.production, 'us-east-1', 'orders'), 'GetObject'],
    [P.prodOrderProcessor, bucketFor(DEMO_ACCOUNT_IDS.production, 'eu-west-1', 'orders'), 'PutObject'],
    [P.stagingAppServer, bucketFor(DEMO_ACCOUNT_IDS.staging, 'us-east-1', 'reports'), 'GetObject'],
    [P.logShipper, bucketFor(DEMO_ACCOUNT_IDS.security, 'us-east-1', 'logs'), 'GetObject'],
  ];
  for (const [principal, target, op] of work) {
    const actor = principalActor(principal, { sessionCreatedMs: w.dayStartMs });
    const kms = kmsKeyOf(target.accountId, target.region).arn;
    for (let i = 0; i < 3; i++) {
      w.emit(w.at(w.rng.int(0, 23)), actor, s3ObjectCall(w.rng, op, target, `daily/${w.rng.digits(6)}.json`, { kmsKeyArn: kms }));
    }
  }
}

function legacyCiDeploy(w: ScriptWriter): void {
  const actor = principalActor(P.ciDeployer, { sessionCreatedMs: w.dayStartMs });
  let at = w.at(w.rng.int(9, 17));
  for (const call of [
    apiCall('ecr.amazonaws.com', 'GetAuthorizationToken', 'us-east-1', { params: { registryIds: [DEMO_ACCOUNT_IDS.production] } }),
    apiCall('ecs.amazonaws.com', 'DescribeServices', 'us-east-1', { params: { cluster: 'orders', services: ['orders-api'] } }),
    apiCall('ecs.amazonaws.com', 'UpdateService', 'us-east-1', {
      params: { cluster: 'orders', service: 'orders-api', taskDefinition: `orders-api:${100 + (w.epochDay % 500)}`, forceNewDeployment: true },
      response: { service: { serviceName: 'orders-api', status: 'ACTIVE', desiredCount: 3 } },
    }),
  ]) {
    w.emit(at, actor, call);
    at = w.later(at, 2, 45);
  }
}
