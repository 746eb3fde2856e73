/**
 * Role sessions and access changes: admin sessions with and without MFA, pipeline runs through
 * GitHub OIDC, a contractor provisioned and removed the same day (linked by a ticket tag), Identity
 * Center assignments, and a weekly admin grant to a developer that is taken back later in the week.
 */

import { principalActor, type Actor } from './cloudtrail.actor';
import { apiCall, assumeRoleCall, iamCall, iamDate, roleResource, sessionStartOf, type CallBody } from './cloudtrail.calls';
import type { ScriptWriter } from './cloudtrail.script-writer';
import {
  DEMO_ACCOUNT_IDS,
  DEMO_IPS,
  DEMO_PRINCIPAL as P,
  DEMO_ROLES,
  HOME_REGION,
  networkOf,
  type DemoPrincipal,
  type DemoRegion,
} from './demo-world';

const GITHUB_SUBJECT = 'repo:examplecorp/infrastructure:ref:refs/heads/main';
const GITHUB_ACTION_AGENT =
  'aws-sdk-js/3.540.0 ua/2.0 os/linux#6.5.0-1017-azure lang/js md/nodejs#20.11.1 api/sts#3.540.0 configure-aws-credentials-for-github-actions';
const SSO_INSTANCE = 'ssoins-7223b5d9e1f3a5c7';

export function accessActivity(w: ScriptWriter): void {
  adminSession(w, P.alice, P.aliceProdAdmin, w.at(w.rng.int(8, 9)), true);
  adminSession(w, P.bob, P.bobProdAdmin, w.at(10, w.rng.int(0, 20)), false);
  adminSession(w, P.carol, P.carolStagingAdmin, w.at(w.rng.int(9, 15)), true);
  securityAuditSession(w, w.at(w.rng.int(9, 11)));
  for (let i = w.rng.int(2, 3); i > 0; i--) pipelineRun(w, P.prodPipeline, w.at(w.rng.int(6, 18)));
  for (let i = w.rng.int(3, 4); i > 0; i--) pipelineRun(w, P.stagingPipeline, w.at(w.rng.int(6, 20)));
  pipelineRun(w, P.securityPipeline, w.at(w.rng.int(6, 18)));
  contractorLifecycle(w);
  identityCenterAssignments(w);
  weeklyAdminGrant(w);
}

/** A user switches into the Admin role; whether the session has MFA decides admin-access-without-mfa. */
function adminSession(w: ScriptWriter, user: DemoPrincipal, session: DemoPrincipal, second: number, mfa: boolean): void {
  const role = session.role;
  if (role === undefined || session.sessionName === undefined || session.sessionKeyId === undefined) return;
  const callerIp = session.sourceIps[0] ?? DEMO_IPS.aliceOffice;
  const caller = principalActor(user, {
    credential: user.longLivedKeyId !== undefined && !mfa ? 'longLived' : 'session',
    sessionCreatedMs: sessionStartOf(w.ms(second)),
    sourceIp: callerIp,
  });
  w.emit(second, caller, assumeRoleCall(w.rng, {
    role,
    sessionName: session.sessionName,
    sessionKeyId: session.sessionKeyId,
    atMs: w.ms(second),
    ...(mfa ? { mfaSerial: `arn:aws:iam::${user.accountId}:mfa/${user.userName ?? ''}` } : {}),
  }));
  const actor = principalActor(session, { sessionCreatedMs: w.ms(second), mfa, sourceIp: callerIp });
  const region: DemoRegion = w.rng.chance(0.7) ? 'us-east-1' : 'eu-west-1';
  const net = networkOf(session.accountId, region);
  const calls: CallBody[] = [
    apiCall('ec2.amazonaws.com', 'DescribeInstances', region, { params: { instancesSet: {}, filterSet: {} } }),
    apiCall('ec2.amazonaws.com', 'DescribeSecurityGroups', region, { params: { securityGroupSet: {}, securityGroupIdSet: {}, filterSet: {} } }),
    iamCall('ListRoles', {}),
    iamCall('ListAttachedRolePolicies', { roleName: role.name }),
    apiCall('ec2.amazonaws.com', 'ModifyInstanceAttribute', region, {
      params: { instanceId: net.instanceIds[0] ?? 'i-0000000000000000', disableApiTermination: { value: false } },
      response: { requestId: w.rng.uuid(), _return: true },
    }),
    apiCall('logs.amazonaws.com', 'DescribeLogGroups', region, { params: { limit: 50 } }),
  ];
  let at = second;
  for (const call of calls) {
    at = w.later(at, 15, 240);
    w.emit(at, actor, call);
  }
}

function securityAuditSession(w: ScriptWriter, second: number): void {
  const caller = principalActor(P.dave, { credential: 'session', sessionCreatedMs: sessionStartOf(w.ms(second)) });
  const role = DEMO_ROLES.securityAudit;
  w.emit(second, caller, assumeRoleCall(w.rng, { role, sessionName: 'dave.okafor', sessionKeyId: P.daveSecurityAudit.sessionKeyId ?? '', atMs: w.ms(second), mfaSerial: `arn:aws:iam::${role.accountId}:mfa/dave.okafor` }));
  const actor = principalActor(P.daveSecurityAudit, { sessionCreatedMs: w.ms(second) });
  let at = second;
  for (const region of ['us-east-1', 'eu-west-1'] as const) {
    for (const call of [
      apiCall('guardduty.amazonaws.com', 'ListFindings', region, { params: { maxResults: 50 } }),
      apiCall('securityhub.amazonaws.com', 'GetFindings', region, { params: { maxResults: 100 } }),
      apiCall('cloudtrail.amazonaws.com', 'GetTrailStatus', region, { params: { name: `arn:aws:cloudtrail:${HOME_REGION}:${role.accountId}:trail/management-events` } }),
    ]) {
      at = w.later(at, 5, 90);
      w.emit(at, actor, call);
    }
  }
}

/** A Terraform run: GitHub's OIDC token buys a pipeline session, which reads a lot and changes a little. */
function pipelineRun(w: ScriptWriter, session: DemoPrincipal, second: number): void {
  const role = session.role;
  if (role === undefined || session.sessionKeyId === undefined) return;
  const provider = `arn:aws:iam::${role.accountId}:oidc-provider/token.actions.githubusercontent.com`;
  const oidc: Actor = {
    accountId: role.accountId,
    identity: {
      type: 'WebIdentityUser',
      principalId: `${provider}:sts.amazonaws.com:${GITHUB_SUBJECT}`,
      userName: GITHUB_SUBJECT,
      identityProvider: provider,
    },
    sourceIp: DEMO_IPS.pipelineRunner,
    userAgent: GITHUB_ACTION_AGENT,
  };
  w.emit(second, oidc, assumeRoleCall(w.rng, {
    role,
    sessionName: session.sessionName ?? 'GitHubActions',
    sessionKeyId: session.sessionKeyId,
    atMs: w.ms(second),
    webIdentity: { provider, subject: GITHUB_SUBJECT },
  }));
  const actor = principalActor(session, { sessionCreatedMs: w.ms(second) });
  const region: DemoRegion = w.rng.chance(0.6) ? 'us-east-1' : 'eu-west-1';
  const net = networkOf(role.accountId, region);
  const reads: CallBody[] = [
    apiCall('ec2.amazonaws.com', 'DescribeVpcs', region, { params: { vpcSet: { items: [{ vpcId: net.vpcId }] }, filterSet: {} } }),
    apiCall('ec2.amazonaws.com', 'DescribeSubnets', region, { params: { subnetSet: {}, filterSet: {} } }),
    apiCall('ec2.amazonaws.com', 'DescribeSecurityGroups', region, { params: { securityGroupSet: {}, securityGroupIdSet: { items: [{ groupId: net.securityGroupIds[0] ?? '' }] }, filterSet: {} } }),
    apiCall('ec2.amazonaws.com', 'DescribeRouteTables', region, { params: { routeTableIdSet: {}, filterSet: {} } }),
    iamCall('GetRole', { roleName: 'app-server' }),
    iamCall('ListRolePolicies', { roleName: 'app-server' }),
    apiCall('kms.amazonaws.com', 'DescribeKey', region, { params: { keyId: 'alias/orders' } }),
  ];
  const changes: CallBody[] = [
    apiCall('ec2.amazonaws.com', 'CreateTags', region, {
      params: { resourcesSet: { items: [{ resourceId: net.instanceIds[0] ?? '' }] }, tagSet: { items: [{ key: 'deployed-by', value: 'terraform' }] } },
      response: { requestId: w.rng.uuid(), _return: true },
    }),
    apiCall('lambda.amazonaws.com', 'UpdateFunctionConfiguration20150331v2', region, {
      params: { functionName: 'order-processor', timeout: 30, memorySize: 512 },
      response: { functionName: 'order-processor', lastUpdateStatus: 'InProgress' },
    }),
  ];
  let at = second;
  for (const call of reads) {
    at = w.later(at, 1, 8);
    w.emit(at, actor, call);
  }
  for (const call of changes) {
    at = w.later(at, 2, 20);
    w.emit(at, actor, call);
  }
  if (role.accountId === DEMO_ACCOUNT_IDS.production) {
    at = w.later(at, 2, 20);
    w.emit(at, actor, iamCall('PutRolePolicy', {
      roleName: 'app-server',
      policyName: 'orders-bucket-access',
      policyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::examplecorp-prod-orders-${role.accountId}/*` }],
      }),
    }, { resources: [roleResource(DEMO_ROLES.prodAppServer)] }));
  }
}

/** Provisioning and same-day removal of a contractor; the ticket tag links the two for access-removal. */
function contractorLifecycle(w: ScriptWriter): void {
  const day = new Date(w.dayStartMs).toISOString();
  const userName = `contractor-${day.slice(5, 7)}${day.slice(8, 10)}`;
  const userArn = `arn:aws:iam::${DEMO_ACCOUNT_IDS.production}:user/${userName}`;
  const ticket = `ACCESS-${1000 + (w.epochDay % 9000)}`;
  const keyId = `AKIA${w.rng.upperAlnum(16)}`;
  const readOnlyPolicy = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
  let at = w.at(w.rng.int(9, 11));
  const actor = principalActor(P.aliceProdAdmin, { sessionCreatedMs: sessionStartOf(w.ms(at)) });
  const grant: CallBody[] = [
    iamCall('CreateUser', { userName, tags: [{ key: 'ticket', value: ticket }] }, {
      response: { user: { path: '/', userName, userId: `AIDA${w.rng.upperAlnum(17)}`, arn: userArn, createDate: iamDate(w.ms(at)), tags: [{ key: 'ticket', value: ticket }] } },
    }),
    iamCall('CreateLoginProfile', { userName, passwordResetRequired: true }, {
      response: { loginProfile: { userName, createDate: iamDate(w.ms(at)), passwordResetRequired: true } },
    }),
    iamCall('AddUserToGroup', { groupName: 'developers', userName }),
    iamCall('AttachUserPolicy', { userName, policyArn: readOnlyPolicy }),
    iamCall('CreateAccessKey', { userName }, {
      response: { accessKey: { userName, accessKeyId: keyId, status: 'Active', createDate: iamDate(w.ms(at)) } },
    }),
  ];
  for (const call of grant) {
    w.emit(at, actor, call);
    at = w.later(at, 5, 60);
  }
  at = w.at(w.rng.int(16, 19));
  const revoke: CallBody[] = [
    iamCall('DeleteAccessKey', { userName, accessKeyId: keyId }),
    iamCall('RemoveUserFromGroup', { groupName: 'developers', userName }),
    iamCall('DetachUserPolicy', { userName, policyArn: readOnlyPolicy }),
    iamCall('DeleteLoginProfile', { userName }),
    iamCall('DeleteUser', { userName }),
  ];
  const remover = principalActor(P.aliceProdAdmin, { sessionCreatedMs: sessionStartOf(w.ms(at)) });
  for (const call of revoke) {
    w.emit(at, remover, call);
    at = w.later(at, 3, 40);
  }
}

function identityCenterAssignments(w: ScriptWriter): void {
  const actor = principalActor(P.securityPipeline, { sessionCreatedMs: sessionStartOf(w.ms(w.at(9))) });
  const assignment = {
    instanceArn: `arn:aws:sso:::instance/${SSO_INSTANCE}`,
    targetId: DEMO_ACCOUNT_IDS.production,
    targetType: 'AWS_ACCOUNT',
    permissionSetArn: `arn:aws:sso:::permissionSet/${SSO_INSTANCE}/ps-3c5e7a9c1e3a5c7e`,
    principalType: 'USER',
    principalId: `9067${w.rng.hex(6)}-${w.rng.uuid().slice(9)}`,
  };
  w.emit(w.at(w.rng.int(9, 11)), actor, apiCall('sso.amazonaws.com', 'CreateAccountAssignment', HOME_REGION, {
    params: assignment,
    response: { accountAssignmentCreationStatus: { status: 'IN_PROGRESS', requestId: w.rng.uuid(), ...assignment } },
  }));
  w.emit(w.at(w.rng.int(16, 18)), actor, apiCall('sso.amazonaws.com', 'DeleteAccountAssignment', HOME_REGION, {
    params: assignment,
    response: { accountAssignmentDeletionStatus: { status: 'IN_PROGRESS', requestId: w.rng.uuid(), ...assignment } },
  }));
}

/** Wednesday: bob is made an administrator "for a migration"; Saturday: it is taken back. */
function weeklyAdminGrant(w: ScriptWriter): void {
  const policyArn = 'arn:aws:iam::aws:policy/AdministratorAccess';
  if (w.weekday === 2) {
    const at = w.at(w.rng.int(13, 15));
    w.emit(at, principalActor(P.aliceProdAdmin, { sessionCreatedMs: sessionStartOf(w.ms(at)) }), iamCall('AttachUserPolicy', { userName: 'bob.martin', policyArn }));
  }
  if (w.weekday === 5) {
    const at = w.at(w.rng.int(10, 12));
    w.emit(at, principalActor(P.aliceProdAdmin, { sessionCreatedMs: sessionStartOf(w.ms(at)) }), iamCall('DetachUserPolicy', { userName: 'bob.martin', policyArn }));
  }
}
