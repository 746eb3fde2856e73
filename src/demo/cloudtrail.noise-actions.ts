/**
 * The background calls one account and region can make, keyed by what they do. An action whose
 * resource does not exist there (a bucket of that purpose, IAM outside the home region) is undefined,
 * so profiles simply leave it out.
 */

import { apiCall, iamCall, s3BucketCall, s3ObjectCall, type CallBody } from './cloudtrail.calls';
import { accountById, DEMO_BUCKETS, HOME_REGION, kmsKeyOf, networkOf, type DemoBucket } from './demo-world';
import type { Rng } from './random';

/** Builds a call's body; `atMs` is when it happens (for expirations and the like). */
export type Action = (rng: Rng, atMs: number) => CallBody;

/** The calls available in one account and region; an action whose resource is absent there is undefined. */
export interface ActionLibrary {
  readonly ec2Describe: Action;
  readonly iamRead: Action | undefined;
  readonly listBuckets: Action | undefined;
  readonly bucketRead: Action | undefined;
  readonly kmsDecrypt: Action;
  readonly ssmGetParameter: Action;
  readonly secretValue: Action;
  readonly callerIdentity: Action;
  readonly logsRead: Action;
  readonly logsWrite: Action;
  readonly lambdaRead: Action;
  readonly metrics: Action;
  readonly ecrToken: Action;
  readonly ecsDescribe: Action;
  readonly securityFindings: Action;
  readonly configInventory: Action;
  readonly objectRead: Action | undefined;
  readonly objectWrite: Action | undefined;
  readonly objectHead: Action | undefined;
  readonly objectDelete: Action | undefined;
  readonly logArchiveRead: Action | undefined;
  readonly backupWrite: Action | undefined;
}

export function actionLibrary(accountId: string, region: string, dayPath: string): ActionLibrary {
  const net = networkOf(accountId, region);
  const key = kmsKeyOf(accountId, region);
  const environment = accountById(accountId).environment;
  const buckets = DEMO_BUCKETS.filter((b) => b.accountId === accountId && b.region === region);
  const globalOnly = (action: Action): Action | undefined => (region === HOME_REGION ? action : undefined);
  const ec2 = (name: string, params: CallBody['params']): CallBody => apiCall('ec2.amazonaws.com', name, region, { params });
  const withBucket = (
    purpose: DemoBucket['purpose'] | undefined,
    build: (b: DemoBucket, rng: Rng) => CallBody,
  ): Action | undefined => {
    const candidates = buckets.filter((b) => purpose === undefined || b.purpose === purpose);
    return candidates.length === 0 ? undefined : (rng) => build(rng.pick(candidates), rng);
  };
  const objectKey = (b: DemoBucket, rng: Rng): string => {
    switch (b.purpose) {
      case 'orders':
        return `orders/${dayPath}/ord-${rng.digits(8)}.json`;
      case 'backups':
        return `db/${dayPath}/part-${rng.int(0, 999)}.dump.gz`;
      case 'reports':
        return `reports/daily/${dayPath}/report-${rng.int(1, 40)}.csv`;
      case 'assets':
        return `static/img/${rng.hex(12)}.png`;
      case 'logs':
        return `AWSLogs/${rng.pick(['679701687731', '322817180023'])}/CloudTrail/${HOME_REGION}/${dayPath}/${rng.alnum(16)}.json.gz`;
      case 'findings':
        return `guardduty/${dayPath}/${rng.uuid()}.jsonl.gz`;
    }
  };
  const kms = (name: 'Decrypt' | 'GenerateDataKey'): CallBody =>
    apiCall('kms.amazonaws.com', name, region, {
      params: name === 'Decrypt' ? { encryptionAlgorithm: 'SYMMETRIC_DEFAULT' } : { keyId: key.alias, keySpec: 'AES_256' },
      resources: [{ accountId: key.accountId, type: 'AWS::KMS::Key', ARN: key.arn }],
    });

  return {
    ec2Describe: (rng) => {
      switch (rng.int(0, 6)) {
        case 0:
          return ec2('DescribeInstances', { instancesSet: { items: [{ instanceId: rng.pick(net.instanceIds) }] }, filterSet: {} });
        case 1:
          return ec2('DescribeSecurityGroups', { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: { items: [{ name: 'vpc-id', valueSet: { items: [{ value: net.vpcId }] } }] } });
        case 2:
          return ec2('DescribeVpcs', { vpcSet: {}, filterSet: {} });
        case 3:
          return ec2('DescribeSubnets', { subnetSet: {}, filterSet: {} });
        case 4:
          return ec2('DescribeNetworkInterfaces', { networkInterfaceIdSet: {}, filterSet: {} });
        case 5:
          return ec2('DescribeVolumes', { volumeSet: {}, filterSet: {} });
        default:
          return ec2('DescribeAvailabilityZones', { availabilityZoneSet: {}, availabilityZoneIdSet: {} });
      }
    },
    iamRead: globalOnly((rng) => {
      switch (rng.int(0, 4)) {
        case 0:
          return iamCall('GetUser', { userName: rng.pick(['alice.nguyen', 'bob.martin', 'ci-deployer']) });
        case 1:
          return iamCall('ListUsers', {});
        case 2:
          return iamCall('GetRole', { roleName: rng.pick(['app-server', 'Admin', 'terraform-pipeline']) });
        case 3:
          return iamCall('ListAttachedRolePolicies', { roleName: 'app-server' });
        default:
          return iamCall('ListPolicies', { scope: 'Local', onlyAttached: false });
      }
    }),
    listBuckets: globalOnly(() =>
      apiCall('s3.amazonaws.com', 'ListBuckets', HOME_REGION, { params: { Host: 's3.amazonaws.com' }, host: 's3.amazonaws.com' }),
    ),
    bucketRead: withBucket(undefined, (b, rng) =>
      s3BucketCall(rng.pick(['GetBucketAcl', 'GetBucketPolicy', 'GetBucketEncryption', 'GetBucketVersioning', 'GetBucketPublicAccessBlock']), b),
    ),
    kmsDecrypt: (rng) => kms(rng.chance(0.8) ? 'Decrypt' : 'GenerateDataKey'),
    ssmGetParameter: (rng) =>
      apiCall('ssm.amazonaws.com', 'GetParameter', region, {
        params: { name: `/${environment}/${rng.pick(['orders/db-host', 'orders/queue-url', 'reports/bucket'])}`, withDecryption: true },
      }),
    secretValue: () =>
      apiCall('secretsmanager.amazonaws.com', 'GetSecretValue', region, {
        params: { secretId: `arn:aws:secretsmanager:${region}:${accountId}:secret:orders-db-credentials-Ab12Cd` },
      }),
    callerIdentity: () => apiCall('sts.amazonaws.com', 'GetCallerIdentity', region, { params: null }),
    logsRead: (rng) =>
      rng.chance(0.5)
        ? apiCall('logs.amazonaws.com', 'DescribeLogGroups', region, { params: { limit: 50 } })
        : apiCall('logs.amazonaws.com', 'DescribeLogStreams', region, { params: { logGroupName: '/aws/lambda/order-processor', descending: true, orderBy: 'LastEventTime' } }),
    logsWrite: (rng) =>
      apiCall('logs.amazonaws.com', 'CreateLogStream', region, {
        params: { logGroupName: '/aws/lambda/order-processor', logStreamName: `${dayPath}/[$LATEST]${rng.hex(32)}` },
      }),
    lambdaRead: () => apiCall('lambda.amazonaws.com', 'ListFunctions20150331', region, { params: null }),
    metrics: (rng) =>
      rng.chance(0.6)
        ? apiCall('monitoring.amazonaws.com', 'GetMetricData', region, { params: { maxDatapoints: 1440 } })
        : apiCall('monitoring.amazonaws.com', 'DescribeAlarms', region, { params: { maxRecords: 100 } }),
    ecrToken: () => apiCall('ecr.amazonaws.com', 'GetAuthorizationToken', region, { params: { registryIds: [accountId] } }),
    ecsDescribe: () => apiCall('ecs.amazonaws.com', 'DescribeServices', region, { params: { cluster: 'orders', services: ['orders-api'] } }),
    securityFindings: (rng) =>
      rng.chance(0.5)
        ? apiCall('guardduty.amazonaws.com', 'ListFindings', region, { params: { maxResults: 50 } })
        : apiCall('securityhub.amazonaws.com', 'GetFindings', region, { params: { maxResults: 100 } }),
    configInventory: (rng) => {
      switch (rng.int(0, 3)) {
        case 0:
          return ec2('DescribeSecurityGroups', { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} });
        case 1:
          return ec2('DescribeNetworkAcls', { networkAclIdSet: {}, filterSet: {} });
        case 2:
          return apiCall('cloudtrail.amazonaws.com', 'DescribeTrails', region, { params: { includeShadowTrails: false } });
        default:
          return apiCall('kms.amazonaws.com', 'ListKeys', region, { params: { limit: 1000 } });
      }
    },
    objectRead: withBucket(undefined, (b, rng) =>
      s3ObjectCall(rng, 'GetObject', b, objectKey(b, rng), rng.chance(0.01) ? { errorCode: 'NoSuchKey' } : {}),
    ),
    objectWrite: withBucket(undefined, (b, rng) => s3ObjectCall(rng, 'PutObject', b, objectKey(b, rng), { kmsKeyArn: key.arn })),
    objectHead: withBucket(undefined, (b, rng) => s3ObjectCall(rng, 'HeadObject', b, objectKey(b, rng))),
    objectDelete: withBucket('orders', (b, rng) => s3ObjectCall(rng, 'DeleteObject', b, objectKey(b, rng))),
    logArchiveRead: withBucket('logs', (b, rng) => s3ObjectCall(rng, 'GetObject', b, objectKey(b, rng))),
    backupWrite: withBucket('backups', (b, rng) =>
      s3ObjectCall(rng, 'PutObject', b, objectKey(b, rng), { bytes: rng.int(1_000_000, 40_000_000) }),
    ),
  };
}
