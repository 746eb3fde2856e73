/**
 * Rare, high-signal changes scattered over the week (one weekday each), so that any seven-day
 * archive holds them all: trail stopped and updated, event selectors narrowed, KMS keys disabled or
 * scheduled for deletion, GuardDuty/Config/Security Hub turned off, flow logs and bucket logging
 * removed, and buckets opened up.
 */

import { principalActor, type Actor } from './cloudtrail.actor';
import { apiCall, s3BucketCall, sessionStartOf, type CallBody } from './cloudtrail.calls';
import type { ScriptWriter } from './cloudtrail.script-writer';
import type { CloudTrailResource } from './cloudtrail.types';
import {
  accountById,
  DEMO_ACCOUNT_IDS,
  bucketFor,
  DEMO_PARTNER_ACCOUNT_ID,
  DEMO_PRINCIPAL as P,
  guardDutyDetectorId,
  HOME_REGION,
  kmsKeyOf,
  type DemoPrincipal,
} from './demo-world';

type Change = readonly [DemoPrincipal, CallBody, boolean?];

export function weeklyTampering(w: ScriptWriter): void {
  const changes = changesFor(w);
  let at = w.at(w.rng.int(11, 15));
  for (const [principal, body, mfa] of changes) {
    const actor: Actor = principalActor(principal, {
      sessionCreatedMs: sessionStartOf(w.ms(at)),
      ...(mfa === undefined ? {} : { mfa }),
    });
    w.emit(at, actor, body);
    at = w.later(at, 600, 2400);
  }
}

function changesFor(w: ScriptWriter): Change[] {
  const prod = DEMO_ACCOUNT_IDS.production;
  const staging = DEMO_ACCOUNT_IDS.staging;
  switch (w.weekday) {
    case 0:
      return [
        [P.carolStagingAdmin, trailCall('StopLogging', staging)],
        [P.carolStagingAdmin, trailCall('StartLogging', staging)],
      ];
    case 1:
      return [
        [P.prodPipeline, trailCall('UpdateTrail', prod, { isMultiRegionTrail: true, enableLogFileValidation: false })],
        [P.bobProdAdmin, apiCall('cloudtrail.amazonaws.com', 'PutEventSelectors', HOME_REGION, {
          params: {
            trailName: trailArn(prod),
            eventSelectors: [{ readWriteType: 'WriteOnly', includeManagementEvents: true, dataResources: [], excludeManagementEventSources: [] }],
          },
          resources: [trailResource(prod)],
        }), false],
      ];
    case 2: {
      const key = kmsKeyOf(prod, 'us-east-1');
      const orders = bucketFor(prod, 'us-east-1', 'orders');
      return [
        [P.aliceProdAdmin, kmsCall('DisableKey', key.arn, key.region, key.accountId)],
        [P.bobProdAdmin, s3BucketCall('PutBucketPolicy', orders, {
          bucketPolicy: {
            Version: '2012-10-17',
            Statement: [{ Sid: 'PartnerRead', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${DEMO_PARTNER_ACCOUNT_ID}:root` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${orders.name}/*` }],
          },
          policy: '',
        }), false],
        [P.aliceProdAdmin, kmsCall('EnableKey', key.arn, key.region, key.accountId)],
      ];
    }
    case 3: {
      const key = kmsKeyOf(staging, 'eu-west-1');
      const logKey = kmsKeyOf(DEMO_ACCOUNT_IDS.security, 'us-east-1');
      return [
        [P.carolStagingAdmin, kmsCall('ScheduleKeyDeletion', key.arn, key.region, key.accountId, { pendingWindowInDays: 7 }, {
          keyId: key.arn,
          keyState: 'PendingDeletion',
          pendingWindowInDays: 7,
        })],
        [P.securityPipeline, kmsCall('PutKeyPolicy', logKey.arn, logKey.region, logKey.accountId, {
          policyName: 'default',
          policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'EnableRoot', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${logKey.accountId}:root` }, Action: 'kms:*', Resource: '*' }] }),
          bypassPolicyLockoutSafetyCheck: false,
        })],
      ];
    }
    case 4:
      return [
        [P.carolStagingAdmin, apiCall('guardduty.amazonaws.com', 'DeleteDetector', 'eu-west-1', {
          params: { detectorId: guardDutyDetectorId(staging, 'eu-west-1') },
        })],
        [P.carolStagingAdmin, apiCall('config.amazonaws.com', 'StopConfigurationRecorder', 'us-east-1', {
          params: { configurationRecorderName: 'default' },
        })],
      ];
    case 5:
      return [
        [P.bobProdAdmin, apiCall('ec2.amazonaws.com', 'DeleteFlowLogs', 'eu-west-1', {
          params: { DeleteFlowLogsRequest: { FlowLogId: { content: `fl-0${w.rng.hex(16)}`, tag: 1 } } },
          response: { DeleteFlowLogsResponse: { xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/', requestId: w.rng.uuid(), unsuccessful: '' } },
        }), false],
        [P.bobProdAdmin, s3BucketCall('PutBucketLogging', bucketFor(prod, 'us-east-1', 'backups'), {
          logging: '',
          BucketLoggingStatus: { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
        }), false],
        [P.carolStagingAdmin, apiCall('securityhub.amazonaws.com', 'DisableSecurityHub', 'us-east-1', { params: null })],
      ];
    default:
      return [
        [P.carolStagingAdmin, s3BucketCall('PutBucketAcl', bucketFor(staging, 'us-east-1', 'reports'), { acl: '', 'x-amz-acl': ['public-read'] })],
        [P.carolStagingAdmin, s3BucketCall('DeleteBucketPublicAccessBlock', bucketFor(staging, 'us-east-1', 'reports'), { publicAccessBlock: '' })],
        [P.securityPipeline, apiCall('guardduty.amazonaws.com', 'UpdateDetector', 'us-east-1', {
          params: { detectorId: guardDutyDetectorId(DEMO_ACCOUNT_IDS.security, 'us-east-1'), findingPublishingFrequency: 'SIX_HOURS' },
        })],
      ];
  }
}

function trailArn(accountId: string): string {
  return `arn:aws:cloudtrail:${HOME_REGION}:${accountId}:trail/${accountById(accountId).trailName}`;
}

function trailResource(accountId: string): CloudTrailResource {
  return { accountId, type: 'AWS::CloudTrail::Trail', ARN: trailArn(accountId) };
}

function trailCall(name: string, accountId: string, extra: Record<string, boolean> = {}): CallBody {
  return apiCall('cloudtrail.amazonaws.com', name, HOME_REGION, {
    params: { name: trailArn(accountId), ...extra },
    response: name === 'UpdateTrail' ? { name: accountById(accountId).trailName, trailARN: trailArn(accountId), isMultiRegionTrail: true, logFileValidationEnabled: false } : null,
    resources: [trailResource(accountId)],
  });
}

function kmsCall(
  name: string,
  keyArn: string,
  region: string,
  accountId: string,
  params: Record<string, string | number | boolean> = {},
  response: Record<string, string | number> | null = null,
): CallBody {
  return apiCall('kms.amazonaws.com', name, region, {
    params: { keyId: keyArn, ...params },
    response,
    resources: [{ accountId, type: 'AWS::KMS::Key', ARN: keyArn }],
  });
}
