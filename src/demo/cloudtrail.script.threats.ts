/**
 * Denied calls and unfamiliar sources: a leaked long-lived key probed from outside (mostly
 * AccessDenied and Client.UnauthorizedOperation), a developer bumping into his permissions, a
 * workload denied on a bucket, and bob's CLI used from the day's new travel address.
 */

import { principalActor, type Actor } from './cloudtrail.actor';
import { apiCall, denied, ec2Denied, iamCall, s3ObjectCall, type CallBody } from './cloudtrail.calls';
import type { ScriptWriter } from './cloudtrail.script-writer';
import { DEMO_ACCOUNT_IDS, DEMO_BUCKETS, DEMO_IPS, DEMO_PRINCIPAL as P, networkOf, roamingIpForDay, USER_AGENTS } from './demo-world';

export function threatActivity(w: ScriptWriter): void {
  leakedKeyProbe(w);
  developerDenials(w);
  workloadDenied(w);
  travellingCli(w);
}

function leakedKeyProbe(w: ScriptWriter): void {
  const p = P.svcReporting;
  const actor: Actor = principalActor(p, {
    sessionCreatedMs: w.dayStartMs,
    sourceIp: DEMO_IPS.leakedKeyUser,
    userAgent: 'aws-cli/1.18.69 Python/3.6.9 Linux/4.15.0-20-generic botocore/1.16.19',
  });
  const acct = p.accountId;
  const arn = p.arn;
  const probes: CallBody[] = [
    apiCall('sts.amazonaws.com', 'GetCallerIdentity', 'us-east-1', { params: null }),
    denied(iamCall('ListUsers', null), arn, 'iam:ListUsers', `arn:aws:iam::${acct}:user/`),
    denied(iamCall('ListRoles', null), arn, 'iam:ListRoles', `arn:aws:iam::${acct}:role/`),
    denied(iamCall('CreateUser', { userName: 'support-backup' }), arn, 'iam:CreateUser', `arn:aws:iam::${acct}:user/support-backup`),
    denied(apiCall('s3.amazonaws.com', 'ListBuckets', 'us-east-1', { params: { Host: 's3.amazonaws.com' }, host: 's3.amazonaws.com' }), arn, 's3:ListAllMyBuckets', '*'),
    denied(apiCall('secretsmanager.amazonaws.com', 'ListSecrets', 'us-east-1', { params: null }), arn, 'secretsmanager:ListSecrets', '*'),
  ];
  for (const region of ['us-east-1', 'eu-west-1'] as const) {
    probes.push(ec2Denied(w.rng, apiCall('ec2.amazonaws.com', 'DescribeInstances', region, { params: { instancesSet: {}, filterSet: {} } })));
    probes.push(ec2Denied(w.rng, apiCall('ec2.amazonaws.com', 'RunInstances', region, {
      params: { instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 10 }] }, instanceType: 'p3.16xlarge' },
    })));
  }
  let at = w.at(w.rng.int(0, 23));
  const rounds = w.rng.int(1, 2);
  for (let r = 0; r < rounds; r++) {
    for (const probe of probes) {
      w.emit(at, actor, probe);
      at = w.later(at, 1, 25);
    }
  }
}

function developerDenials(w: ScriptWriter): void {
  const p = P.bob;
  const actor = principalActor(p, { sessionCreatedMs: w.dayStartMs, sourceIp: w.rng.pick(p.sourceIps) });
  const acct = p.accountId;
  let at = w.at(w.rng.int(13, 16));
  const calls: CallBody[] = [
    denied(iamCall('CreateAccessKey', { userName: 'ci-deployer' }), p.arn, 'iam:CreateAccessKey', `arn:aws:iam::${acct}:user/ci-deployer`),
    denied(iamCall('ListAccessKeys', { userName: 'ci-deployer' }), p.arn, 'iam:ListAccessKeys', `arn:aws:iam::${acct}:user/ci-deployer`),
    ec2Denied(w.rng, apiCall('ec2.amazonaws.com', 'StopInstances', 'us-east-1', {
      params: { instancesSet: { items: [{ instanceId: networkOf(acct, 'us-east-1').instanceIds[1] ?? '' }] }, force: false },
    })),
    ec2Denied(w.rng, apiCall('ec2.amazonaws.com', 'DescribeFlowLogs', 'eu-west-1', { params: { DescribeFlowLogsRequest: '' } })),
  ];
  for (const call of calls) {
    w.emit(at, actor, call);
    at = w.later(at, 20, 300);
  }
}

function workloadDenied(w: ScriptWriter): void {
  const bucket = DEMO_BUCKETS.find((b) => b.accountId === DEMO_ACCOUNT_IDS.staging && b.region === 'eu-west-1');
  if (bucket === undefined) return;
  const actor = principalActor(P.stagingAppServer, { sessionCreatedMs: w.dayStartMs });
  let at = w.at(w.rng.int(2, 22));
  for (let i = w.rng.int(2, 4); i > 0; i--) {
    w.emit(at, actor, s3ObjectCall(w.rng, 'GetObject', bucket, `private/config-${w.rng.int(1, 9)}.json`, { errorCode: 'AccessDenied' }));
    at = w.later(at, 1, 30);
  }
}

/** Bob's long-lived key from an address he has never used before: new-source-ips finds it every day. */
function travellingCli(w: ScriptWriter): void {
  const actor = principalActor(P.bob, {
    sessionCreatedMs: w.dayStartMs,
    sourceIp: roamingIpForDay(w.epochDay),
    userAgent: USER_AGENTS.cli,
  });
  let at = w.at(w.rng.int(20, 22));
  for (const call of [
    apiCall('sts.amazonaws.com', 'GetCallerIdentity', 'us-east-1', { params: null }),
    apiCall('s3.amazonaws.com', 'ListBuckets', 'us-east-1', { params: { Host: 's3.amazonaws.com' }, host: 's3.amazonaws.com' }),
    apiCall('ec2.amazonaws.com', 'DescribeInstances', 'us-east-1', { params: { instancesSet: {}, filterSet: {} } }),
    apiCall('logs.amazonaws.com', 'FilterLogEvents', 'us-east-1', { params: { logGroupName: '/aws/lambda/order-processor', limit: 100 } }),
  ]) {
    w.emit(at, actor, call);
    at = w.later(at, 5, 120);
  }
}
