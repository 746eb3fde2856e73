/**
 * The day's console sign-ins: with and without MFA, failures, a user name that does not exist,
 * an IAM Identity Center sign-in (MFA happens upstream, so CloudTrail says MFAUsed "No"), and one
 * root sign-in with the AwsServiceEvent credential checks that precede it.
 */

import type { Actor } from './cloudtrail.actor';
import { principalActor } from './cloudtrail.actor';
import { apiCall, type CallBody } from './cloudtrail.calls';
import { identityOf, signInIdentityOf } from './cloudtrail.identity';
import type { ScriptWriter } from './cloudtrail.script-writer';
import type { JsonObject } from './cloudtrail.types';
import {
  DEMO_ACCOUNT_IDS,
  DEMO_ACCOUNTS,
  DEMO_IPS,
  DEMO_PRINCIPAL as P,
  HOME_REGION,
  roamingIpForDay,
  USER_AGENTS,
  type DemoPrincipal,
} from './demo-world';

interface SignIn {
  readonly success: boolean;
  readonly mfa: boolean;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly failureMessage?: string;
}

export function consoleSignIns(w: ScriptWriter): void {
  const aliceAt = w.at(w.rng.int(7, 8));
  signIn(w, aliceAt, P.alice, { success: true, mfa: true, sourceIp: DEMO_IPS.aliceOffice, userAgent: USER_AGENTS.firefox });
  consoleBrowsing(w, aliceAt, P.alice, DEMO_IPS.aliceOffice, true);

  const bobAt = w.at(w.rng.int(8, 9));
  signIn(w, bobAt, P.bob, { success: true, mfa: false, sourceIp: DEMO_IPS.bobOffice, userAgent: USER_AGENTS.chrome });
  consoleBrowsing(w, bobAt, P.bob, DEMO_IPS.bobOffice, false);

  // Bob, travelling, mistypes his password from an address never seen before, then gets in without MFA.
  const roaming = roamingIpForDay(w.epochDay);
  const travelAt = w.at(w.rng.int(19, 21));
  signIn(w, travelAt, P.bob, { success: false, mfa: false, sourceIp: roaming, userAgent: USER_AGENTS.chrome, failureMessage: 'Failed authentication' });
  const travelOk = w.later(travelAt, 20, 90);
  signIn(w, travelOk, P.bob, { success: true, mfa: false, sourceIp: roaming, userAgent: USER_AGENTS.chrome });
  consoleBrowsing(w, travelOk, P.bob, roaming, false);

  const carolAt = w.at(w.rng.int(8, 10));
  signIn(w, carolAt, P.carol, { success: true, mfa: true, sourceIp: DEMO_IPS.carolIpv6, userAgent: USER_AGENTS.chrome });
  consoleBrowsing(w, carolAt, P.carol, DEMO_IPS.carolIpv6, true);

  const daveAt = w.at(w.rng.int(7, 9));
  signIn(w, daveAt, P.dave, { success: true, mfa: true, sourceIp: DEMO_IPS.daveOffice, userAgent: USER_AGENTS.edge });
  consoleBrowsing(w, daveAt, P.dave, DEMO_IPS.daveOffice, true);

  ssoSignIn(w, w.at(w.rng.int(12, 14)));
  passwordGuessing(w);
  rootSignIn(w);
}

function signIn(w: ScriptWriter, second: number, p: DemoPrincipal, s: SignIn): void {
  const actor: Actor = { accountId: p.accountId, identity: signInIdentityOf(p), sourceIp: s.sourceIp, userAgent: s.userAgent };
  w.emit(second, actor, consoleLoginBody(p, s));
}

function consoleLoginBody(p: DemoPrincipal, s: SignIn): CallBody {
  const additional: JsonObject = {
    LoginTo: 'https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_us-east-1_a1b2c3d4e5f60718',
    MobileVersion: 'No',
  };
  if (s.mfa) additional['MFAIdentifier'] = `arn:aws:iam::${p.accountId}:mfa/${p.userName ?? 'root-account-mfa-device'}`;
  additional['MFAUsed'] = s.mfa ? 'Yes' : 'No';
  return apiCall('signin.amazonaws.com', 'ConsoleLogin', HOME_REGION, {
    readOnly: false,
    params: null,
    response: { ConsoleLogin: s.success ? 'Success' : 'Failure' },
    additional,
    eventType: 'AwsConsoleSignIn',
    requestId: null,
    tls: 'TLSv1.3',
    host: `${HOME_REGION}.signin.aws.amazon.com`,
    ...(s.success ? {} : { errorMessage: s.failureMessage ?? 'Failed authentication' }),
  });
}

/** What the console itself calls for a user who just signed in: read-only, signed with the console session. */
function consoleBrowsing(w: ScriptWriter, after: number, p: DemoPrincipal, sourceIp: string, mfa: boolean): void {
  const actor = principalActor(p, { credential: 'session', sessionCreatedMs: w.ms(after), mfa, sourceIp, fromConsole: true });
  const region = w.rng.pick(['us-east-1', 'eu-west-1']);
  const pages: CallBody[] = [
    apiCall('ec2.amazonaws.com', 'DescribeInstances', region, { params: { instancesSet: {}, filterSet: {} } }),
    apiCall('monitoring.amazonaws.com', 'DescribeAlarms', region, { params: { maxRecords: 100 } }),
    apiCall('health.amazonaws.com', 'DescribeEventAggregates', HOME_REGION, { params: { aggregateField: 'eventTypeCategory' } }),
    apiCall('iam.amazonaws.com', 'GetAccountSummary', HOME_REGION, { params: null }),
  ];
  let second = after;
  for (const page of pages) {
    second = w.later(second, 3, 40);
    w.emit(second, actor, page);
  }
}

function ssoSignIn(w: ScriptWriter, second: number): void {
  const p = P.aliceSsoAdmin;
  const identity = { ...identityOf(p, { credential: 'session', sessionCreatedMs: w.ms(second), mfa: false }), accessKeyId: '' };
  const actor: Actor = { accountId: p.accountId, identity, sourceIp: DEMO_IPS.aliceIpv6, userAgent: USER_AGENTS.firefox };
  w.emit(second, actor, consoleLoginBody(p, { success: true, mfa: false, sourceIp: actor.sourceIp, userAgent: actor.userAgent }));
  const session = principalActor(p, { sessionCreatedMs: w.ms(second), sourceIp: DEMO_IPS.aliceIpv6, fromConsole: true });
  w.emit(w.later(second, 5, 30), session, apiCall('ce.amazonaws.com', 'GetCostAndUsage', HOME_REGION, { params: { granularity: 'DAILY' } }));
}

/** Someone tries user names that do not exist: AWS hides the name it was given. */
function passwordGuessing(w: ScriptWriter): void {
  const accountId = w.rng.chance(0.7) ? DEMO_ACCOUNT_IDS.production : DEMO_ACCOUNT_IDS.staging;
  let second = w.at(w.rng.int(1, 5));
  const attempts = w.rng.int(3, 6);
  for (let i = 0; i < attempts; i++) {
    const actor: Actor = {
      accountId,
      identity: { type: 'IAMUser', principalId: '', accountId, accessKeyId: '', userName: 'HIDDEN_DUE_TO_SECURITY_REASONS' },
      sourceIp: DEMO_IPS.bruteForcer,
      userAgent: USER_AGENTS.python,
    };
    const body = consoleLoginBody(P.bob, { success: false, mfa: false, sourceIp: actor.sourceIp, userAgent: actor.userAgent });
    w.emit(second, actor, { ...body, errorMessage: 'No username found in supplied account' });
    second = w.later(second, 4, 50);
  }
}

/**
 * One root sign-in a day, rotating across the accounts. On Saturdays it skips MFA, so the weekly
 * archive always holds a root sign-in without MFA as well as the usual ones with it.
 */
function rootSignIn(w: ScriptWriter): void {
  const account = DEMO_ACCOUNTS[w.epochDay % DEMO_ACCOUNTS.length] ?? DEMO_ACCOUNTS[0];
  if (account === undefined) return;
  const root = [P.prodRoot, P.stagingRoot, P.securityRoot].find((r) => r.accountId === account.id) ?? P.prodRoot;
  const mfa = w.weekday !== 5;
  const sourceIp = root.sourceIps[0] ?? DEMO_IPS.aliceOffice;
  let second = w.at(w.rng.int(10, 16));
  const checker: Actor = { accountId: root.accountId, identity: signInIdentityOf(root), sourceIp, userAgent: USER_AGENTS.chrome };
  // CloudTrail logs the password and MFA checks as AwsServiceEvents under the root identity.
  const checks: [string, string][] = mfa ? [['CredentialChallenge', 'PASSWORD'], ['CredentialVerification', 'TOTP']] : [['CredentialChallenge', 'PASSWORD']];
  for (const [name, credentialType] of checks) {
    w.emit(second, checker, apiCall('signin.amazonaws.com', name, HOME_REGION, {
      readOnly: false,
      params: null,
      additional: { CredentialType: credentialType },
      eventType: 'AwsServiceEvent',
      serviceEventDetails: { [name]: 'Success' },
      tls: 'TLSv1.3',
      host: `${HOME_REGION}.signin.aws.amazon.com`,
    }));
    second = w.later(second, 2, 15);
  }
  w.emit(second, checker, consoleLoginBody(root, { success: true, mfa, sourceIp, userAgent: USER_AGENTS.chrome }));
  const actor = principalActor(root, { sessionCreatedMs: w.ms(second), mfa, sourceIp, fromConsole: true });
  const calls: CallBody[] = [
    apiCall('iam.amazonaws.com', 'GetAccountSummary', HOME_REGION, { params: null }),
    apiCall('iam.amazonaws.com', 'ListMFADevices', HOME_REGION, { params: null }),
    apiCall('s3.amazonaws.com', 'ListBuckets', HOME_REGION, { params: { Host: 's3.amazonaws.com' }, host: 's3.amazonaws.com' }),
    apiCall('iam.amazonaws.com', 'UpdateAccountPasswordPolicy', HOME_REGION, {
      params: { minimumPasswordLength: 14, requireSymbols: true, requireNumbers: true, requireUppercaseCharacters: true, requireLowercaseCharacters: true, allowUsersToChangePassword: true, maxPasswordAge: 90, passwordReusePrevention: 24 },
    }),
  ];
  for (const call of calls) {
    second = w.later(second, 10, 120);
    w.emit(second, actor, call);
  }
}
