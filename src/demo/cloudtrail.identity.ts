/** Turns the demo cast into CloudTrail userIdentity objects, in the shapes AWS writes for each kind. */

import type { DemoPrincipal } from './demo-world';
import type { SessionContext, UserIdentity } from './cloudtrail.types';
import { isoSeconds } from './time';

/** Which credentials signed the call: a long-lived AKIA key or temporary ASIA session credentials. */
export type Credential = 'longLived' | 'session';

export interface IdentityOptions {
  readonly credential: Credential;
  /** When the session began (sessionContext.attributes.creationDate). */
  readonly sessionCreatedMs: number;
  /** Overrides the principal's usual MFA state (a session that skipped MFA). */
  readonly mfa?: boolean;
}

export function identityOf(p: DemoPrincipal, opts: IdentityOptions): UserIdentity {
  const mfa = opts.mfa ?? p.mfa;
  const attributes = { creationDate: isoSeconds(opts.sessionCreatedMs), mfaAuthenticated: bool(mfa) };
  switch (p.type) {
    case 'IAMUser': {
      const base: UserIdentity = {
        type: 'IAMUser',
        principalId: p.principalId,
        arn: p.arn,
        accountId: p.accountId,
        accessKeyId: keyFor(p, opts.credential),
        userName: p.userName ?? '',
      };
      if (opts.credential === 'longLived') return base;
      // Console sessions of IAM users carry an empty sessionIssuer, as AWS writes them.
      return { ...base, sessionContext: { sessionIssuer: {}, webIdFederationData: {}, attributes } };
    }
    case 'Root':
      return {
        type: 'Root',
        principalId: p.principalId,
        arn: p.arn,
        accountId: p.accountId,
        accessKeyId: keyFor(p, 'session'),
        sessionContext: { sessionIssuer: {}, webIdFederationData: {}, attributes },
      };
    case 'AssumedRole': {
      const role = p.role;
      if (role === undefined) throw new Error(`assumed-role principal ${p.key} has no role`);
      const sessionContext: SessionContext = {
        sessionIssuer: {
          type: 'Role',
          principalId: role.roleId,
          arn: role.arn,
          accountId: role.accountId,
          userName: role.name,
        },
        webIdFederationData: {},
        attributes,
      };
      if (p.sessionName?.startsWith('i-') === true) sessionContext.ec2RoleDelivery = '2.0';
      const identity: UserIdentity = {
        type: 'AssumedRole',
        principalId: p.principalId,
        arn: p.arn,
        accountId: p.accountId,
        accessKeyId: keyFor(p, 'session'),
        sessionContext,
      };
      if (role.path.startsWith('/aws-service-role/')) identity.invokedBy = serviceOfPath(role.path);
      return identity;
    }
  }
}

/** The identity of a console sign-in: no session yet, so an empty access key and no sessionContext. */
export function signInIdentityOf(p: DemoPrincipal): UserIdentity {
  const identity: UserIdentity = {
    type: p.type === 'Root' ? 'Root' : 'IAMUser',
    principalId: p.principalId,
    arn: p.arn,
    accountId: p.accountId,
    accessKeyId: '',
  };
  if (p.userName !== undefined) identity.userName = p.userName;
  return identity;
}

/** A call an AWS service makes on its own behalf (AssumeRole of a service role...): no arn. */
export function awsServiceIdentity(service: string): UserIdentity {
  return { type: 'AWSService', invokedBy: service };
}

/** AWS service events name only the account and the invoking service. */
export function serviceEventIdentity(accountId: string, invokedBy = 'AWS Internal'): UserIdentity {
  return { accountId, invokedBy };
}

/** A principal of another account, as the resource owner's trail sees it: no arn. */
export function otherAccountIdentity(accountId: string, principalId: string): UserIdentity {
  return { type: 'AWSAccount', principalId, accountId };
}

export function keyFor(p: DemoPrincipal, credential: Credential): string {
  const key = credential === 'longLived' ? p.longLivedKeyId : p.sessionKeyId;
  if (key === undefined) throw new Error(`${p.key} has no ${credential} credentials`);
  return key;
}

function bool(b: boolean): 'true' | 'false' {
  return b ? 'true' : 'false';
}

function serviceOfPath(path: string): string {
  return path.split('/')[2] ?? 'AWS Internal';
}
