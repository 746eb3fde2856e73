/**
 * Background traffic for one account and region: the bulk of the archive. Workloads read and write
 * objects and decrypt with KMS, people and pipelines describe and list, Config inventories, and
 * long-lived keys keep being used. Nothing here is meant to be a finding; it is what findings hide in.
 *
 * Built for volume: a record per call with shared identity and TLS objects, one Rng draw sequence
 * per stream, no per-record lookups beyond small arrays.
 */

import { defaultCredential, principalActor, serviceActor, stampOf, type Actor } from './cloudtrail.actor';
import { assumeRoleCall } from './cloudtrail.calls';
import { actionLibrary, type Action, type ActionLibrary } from './cloudtrail.noise-actions';
import { buildRecord } from './cloudtrail.record';
import type { CloudTrailRecord } from './cloudtrail.types';
import { accountById, DEMO_PRINCIPAL as P, type DemoPrincipal } from './demo-world';
import type { Rng } from './random';
import type { Credential } from './cloudtrail.identity';
import { DayClock, HOUR_MS } from './time';

interface WeightedAction {
  readonly weight: number;
  readonly action: Action;
}

interface Profile {
  readonly weight: number;
  /** The actor for calls in a given hour (sessions are renewed hourly). */
  readonly actorFor: (hour: number, rng: Rng) => Actor;
  readonly actions: readonly WeightedAction[];
}

export class NoiseSource {
  private readonly profiles: readonly Profile[];
  private readonly cumulative: Float64Array;
  private readonly actorCache = new Map<number, Actor>();
  private readonly clock: DayClock;

  constructor(
    private readonly rng: Rng,
    accountId: string,
    region: string,
    dayStartMs: number,
  ) {
    this.clock = new DayClock(dayStartMs);
    const library = actionLibrary(accountId, region, new Date(dayStartMs).toISOString().slice(0, 10).replace(/-/g, '/'));
    this.profiles = profilesFor(accountId, region, library, dayStartMs).filter((p) => p.actions.length > 0);
    this.cumulative = new Float64Array(this.profiles.length);
    let total = 0;
    this.profiles.forEach((p, i) => {
      total += p.weight;
      this.cumulative[i] = total;
    });
  }

  /** One background record at the given second of the day. */
  recordAt(secondOfDay: number): CloudTrailRecord {
    const index = this.pickProfile();
    const profile = this.profiles[index];
    if (profile === undefined) throw new Error('noise: no profile');
    const hour = Math.floor(secondOfDay / 3600);
    const cacheKey = index * 24 + hour;
    let actor = this.actorCache.get(cacheKey);
    if (actor === undefined) {
      actor = profile.actorFor(hour, this.rng);
      this.actorCache.set(cacheKey, actor);
    }
    const body = pickAction(profile.actions, this.rng.next())(this.rng, this.clock.ms(secondOfDay));
    return buildRecord(this.rng, body, stampOf(actor, this.clock.eventTime(secondOfDay)));
  }

  private pickProfile(): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const target = this.rng.next() * total;
    for (let i = 0; i < this.cumulative.length; i++) {
      if (target < (this.cumulative[i] ?? 0)) return i;
    }
    return this.cumulative.length - 1;
  }
}

function pickAction(actions: readonly WeightedAction[], u: number): Action {
  let total = 0;
  for (const a of actions) total += a.weight;
  let target = u * total;
  for (const a of actions) {
    target -= a.weight;
    if (target < 0) return a.action;
  }
  const last = actions[actions.length - 1];
  if (last === undefined) throw new Error('noise: no action');
  return last.action;
}

function w(weight: number, action: Action | undefined): WeightedAction[] {
  return action === undefined ? [] : [{ weight, action }];
}

function person(p: DemoPrincipal, dayStartMs: number, credential?: Credential, fromConsole = false): Profile['actorFor'] {
  return (hour: number, rng: Rng): Actor =>
    principalActor(p, {
      credential: credential ?? defaultCredential(p),
      sessionCreatedMs: dayStartMs + hour * HOUR_MS,
      sourceIp: rng.pick(p.sourceIps),
      fromConsole,
    });
}

function service(accountId: string, name: string): Profile['actorFor'] {
  return (): Actor => serviceActor(accountId, name);
}

function configRecorder(p: DemoPrincipal, dayStartMs: number): Profile['actorFor'] {
  return (hour: number): Actor => principalActor(p, { sessionCreatedMs: dayStartMs + hour * HOUR_MS, tls: null });
}

function profilesFor(accountId: string, region: string, a: ActionLibrary, dayStartMs: number): Profile[] {
  const d = dayStartMs;
  const humanReads: WeightedAction[] = [...w(6, a.ec2Describe), ...w(2, a.iamRead), ...w(1, a.listBuckets), ...w(2, a.bucketRead), ...w(2, a.logsRead), ...w(2, a.metrics), ...w(1, a.lambdaRead)];
  const pipelineReads: WeightedAction[] = [...w(6, a.ec2Describe), ...w(2, a.iamRead), ...w(2, a.bucketRead), ...w(1, a.lambdaRead), ...w(1, a.callerIdentity)];
  const config: WeightedAction[] = [...w(4, a.configInventory), ...w(2, a.bucketRead), ...w(1, a.iamRead)];
  switch (accountById(accountId).environment) {
    case 'production':
      return [
        { weight: 30, actorFor: person(P.prodAppServer, d), actions: [...w(35, a.objectRead), ...w(12, a.objectWrite), ...w(6, a.objectHead), ...w(15, a.kmsDecrypt), ...w(8, a.ssmGetParameter), ...w(3, a.secretValue), ...w(1, a.callerIdentity)] },
        { weight: 18, actorFor: person(P.prodOrderProcessor, d), actions: [...w(10, a.objectWrite), ...w(5, a.objectRead), ...w(6, a.kmsDecrypt), ...w(2, a.logsWrite)] },
        { weight: 1, actorFor: person(P.prodDataRetention, d), actions: [...w(5, a.objectDelete), ...w(3, a.objectHead)] },
        { weight: 5, actorFor: person(P.ciDeployer, d), actions: [...w(4, a.ecrToken), ...w(4, a.ecsDescribe), ...w(2, a.lambdaRead)] },
        { weight: 3, actorFor: person(P.backupAgent, d), actions: [...w(6, a.backupWrite), ...w(1, a.listBuckets)] },
        { weight: 3, actorFor: person(P.alice, d, 'session', true), actions: humanReads },
        { weight: 3, actorFor: person(P.bob, d, 'longLived'), actions: humanReads },
        { weight: 2, actorFor: person(P.aliceProdAdmin, d), actions: humanReads },
        { weight: 1, actorFor: person(P.bobProdAdmin, d), actions: humanReads },
        { weight: 1, actorFor: person(P.aliceSsoAdmin, d, 'session', true), actions: humanReads },
        { weight: 4, actorFor: person(P.prodPipeline, d), actions: pipelineReads },
        { weight: 4, actorFor: configRecorder(P.prodConfig, d), actions: config },
        { weight: 1, actorFor: service(accountId, 'lambda.amazonaws.com'), actions: [{ weight: 1, action: serviceAssume(P.prodOrderProcessor, region) }] },
      ];
    case 'staging':
      return [
        { weight: 25, actorFor: person(P.stagingAppServer, d), actions: [...w(30, a.objectRead), ...w(10, a.objectWrite), ...w(12, a.kmsDecrypt), ...w(6, a.ssmGetParameter), ...w(1, a.callerIdentity)] },
        { weight: 6, actorFor: person(P.svcReporting, d), actions: [...w(8, a.objectRead), ...w(1, a.callerIdentity), ...w(1, a.listBuckets)] },
        { weight: 3, actorFor: person(P.carol, d, 'session', true), actions: humanReads },
        { weight: 2, actorFor: person(P.carol, d, 'longLived'), actions: humanReads },
        { weight: 2, actorFor: person(P.carolStagingAdmin, d), actions: humanReads },
        { weight: 4, actorFor: person(P.stagingPipeline, d), actions: pipelineReads },
        { weight: 1, actorFor: service(accountId, 'ec2.amazonaws.com'), actions: [{ weight: 1, action: serviceAssume(P.stagingAppServer, region) }] },
      ];
    case 'security':
      return [
        { weight: 20, actorFor: person(P.logShipper, d), actions: [...w(20, a.logArchiveRead), ...w(3, a.objectRead), ...w(1, a.listBuckets)] },
        { weight: 3, actorFor: person(P.dave, d, 'session', true), actions: [...humanReads, ...w(4, a.securityFindings)] },
        { weight: 6, actorFor: person(P.daveSecurityAudit, d), actions: [...w(6, a.securityFindings), ...w(3, a.configInventory), ...w(2, a.iamRead)] },
        { weight: 6, actorFor: configRecorder(P.securityConfig, d), actions: config },
        { weight: 2, actorFor: person(P.securityPipeline, d), actions: pipelineReads },
        { weight: 1, actorFor: service(accountId, 'guardduty.amazonaws.com'), actions: [...w(1, a.ec2Describe)] },
      ];
  }
}

/** A service assuming a workload's role: userIdentity type AWSService, no arn. */
function serviceAssume(session: DemoPrincipal, region: string): Action {
  return (rng, atMs) => {
    const role = session.role;
    if (role === undefined) throw new Error(`${session.key} is not a role session`);
    return assumeRoleCall(rng, {
      role,
      sessionName: session.sessionName ?? session.key,
      sessionKeyId: session.sessionKeyId ?? '',
      atMs,
      region,
      durationSeconds: 3600,
    });
  };
}
