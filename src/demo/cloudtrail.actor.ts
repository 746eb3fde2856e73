/**
 * Who makes a call and from where: the identity, address, user agent and TLS version that the
 * record builder stamps on every event one actor produces.
 */

import type { DemoPrincipal } from './demo-world';
import { USER_AGENTS } from './demo-world';
import { awsServiceIdentity, identityOf, serviceEventIdentity, type Credential } from './cloudtrail.identity';
import type { CallStamp } from './cloudtrail.record';
import type { TlsVersion, UserIdentity } from './cloudtrail.types';

export interface Actor {
  /** The account whose trail records the call. */
  readonly accountId: string;
  readonly identity: UserIdentity | undefined;
  readonly sourceIp: string;
  readonly userAgent: string;
  /** undefined: a modern client; null: no TLS details at all (calls inside AWS). */
  readonly tls?: TlsVersion | null;
  readonly fromConsole?: boolean;
}

export interface PrincipalActorOptions {
  readonly sessionCreatedMs: number;
  readonly credential?: Credential;
  readonly mfa?: boolean;
  readonly sourceIp?: string;
  readonly userAgent?: string;
  readonly tls?: TlsVersion | null;
  /** Calls the AWS console makes for a signed-in user. */
  readonly fromConsole?: boolean;
}

/** Users sign with their long-lived key when they have one; sessions and root use temporary credentials. */
export function defaultCredential(p: DemoPrincipal): Credential {
  return p.type === 'IAMUser' && p.longLivedKeyId !== undefined ? 'longLived' : 'session';
}

export function principalActor(p: DemoPrincipal, opts: PrincipalActorOptions): Actor {
  const credential = opts.credential ?? defaultCredential(p);
  const identity = identityOf(p, {
    credential,
    sessionCreatedMs: opts.sessionCreatedMs,
    ...(opts.mfa === undefined ? {} : { mfa: opts.mfa }),
  });
  const fromConsole = opts.fromConsole === true;
  return {
    accountId: p.accountId,
    identity,
    sourceIp: opts.sourceIp ?? p.sourceIps[0] ?? 'AWS Internal',
    userAgent: opts.userAgent ?? (fromConsole ? USER_AGENTS.console : p.userAgent),
    ...(opts.tls === undefined ? {} : { tls: opts.tls }),
    ...(fromConsole ? { fromConsole } : {}),
  };
}

/** An AWS service acting for itself, e.g. Lambda assuming a function's role: type AWSService, no arn. */
export function serviceActor(accountId: string, service: string): Actor {
  return { accountId, identity: awsServiceIdentity(service), sourceIp: service, userAgent: service, tls: null };
}

/** The source of an AwsServiceEvent: only { accountId, invokedBy }, or no userIdentity at all. */
export function serviceEventActor(accountId: string, invokedBy: string, withIdentity: boolean): Actor {
  return {
    accountId,
    identity: withIdentity ? serviceEventIdentity(accountId, invokedBy) : undefined,
    sourceIp: invokedBy,
    userAgent: invokedBy,
    tls: null,
  };
}

/** The actor's part of a record at a given eventTime. */
export function stampOf(actor: Actor, eventTime: string): CallStamp {
  return {
    identity: actor.identity,
    eventTime,
    sourceIp: actor.sourceIp,
    userAgent: actor.userAgent,
    recipientAccountId: actor.accountId,
    tls: actor.tls,
    fromConsole: actor.fromConsole === true,
  };
}
