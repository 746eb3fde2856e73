import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { generateCloudTrailDemo, type DemoSummary } from './cloudtrail.generator';
import { recordJson } from './cloudtrail.json';
import { CLOUDTRAIL_DIGEST_KEY, CLOUDTRAIL_LOG_KEY } from './cloudtrail.layout';
import { NoiseSource } from './cloudtrail.noise';
import { scriptForDay } from './cloudtrail.script';
import type { CloudTrailRecord } from './cloudtrail.types';
import { DEMO_ACCOUNTS, DEMO_ORG_ID, DEMO_REGIONS } from './demo-world';
import { Rng } from './random';
import { listFiles } from '../../test/helpers/tree';

const DAY_MS = 86_400_000;
/** A Sunday afternoon: the last day is cut at 13:37, the week holds every weekday's episodes. */
const NOW = new Date('2024-03-10T13:37:00Z');
const OPTIONS = { days: 8, eventsPerDay: 600, seed: 7, now: NOW } as const;

interface LogFile {
  readonly key: string;
  readonly bytes: Buffer;
  readonly records: CloudTrailRecord[];
}

interface Archive {
  readonly logs: LogFile[];
  readonly digests: { key: string; bytes: Buffer; doc: Record<string, unknown> }[];
  readonly all: Map<string, Buffer>;
}

async function readArchive(root: string): Promise<Archive> {
  const all = new Map<string, Buffer>();
  const logs: LogFile[] = [];
  const digests: Archive['digests'] = [];
  for (const key of await listFiles(root)) {
    const bytes = await readFile(path.join(root, key));
    all.set(key, bytes);
    const doc = JSON.parse(gunzipSync(bytes).toString('utf8')) as Record<string, unknown>;
    if (key.includes('/CloudTrail-Digest/')) digests.push({ key, bytes, doc });
    else logs.push({ key, bytes, records: (doc['Records'] ?? []) as CloudTrailRecord[] });
  }
  return { logs, digests, all };
}

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'auditql-ct-demo-'));
}

function dayOf(r: CloudTrailRecord): string {
  return r.eventTime.slice(0, 10);
}

describe('generateCloudTrailDemo', () => {
  const dirs: string[] = [];
  let summary: DemoSummary;
  let archive: Archive;
  let records: CloudTrailRecord[];

  beforeAll(async () => {
    const dir = await tempDir();
    dirs.push(dir);
    summary = await generateCloudTrailDemo(dir, OPTIONS);
    archive = await readArchive(dir);
    records = archive.logs.flatMap((f) => f.records);
  });

  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  describe('layout', () => {
    it('names every file as AWS does and puts it in its own account, region and day folder', () => {
      expect(archive.logs.length).toBeGreaterThan(0);
      for (const { key } of archive.logs) {
        const m = CLOUDTRAIL_LOG_KEY.exec(key);
        expect(m).not.toBeNull();
        if (m === null) continue;
        const [, org, account, region, yyyy, mm, dd] = m;
        expect(DEMO_ACCOUNTS.map((a) => a.id)).toContain(account);
        expect(DEMO_REGIONS as readonly (string | undefined)[]).toContain(region);
        expect(org === undefined ? undefined : org).toBe(DEMO_ACCOUNTS.find((a) => a.id === account)?.organisationTrail ? DEMO_ORG_ID : undefined);
        expect(`${yyyy}-${mm}-${dd}`).toMatch(/^2024-03-(0[3-9]|10)$/);
      }
    });

    it('uses the organisation-trail prefix for exactly one account', () => {
      const orgAccounts = new Set(archive.logs.filter((f) => f.key.startsWith(`AWSLogs/${DEMO_ORG_ID}/`)).map((f) => f.key.split('/')[2]));
      expect(orgAccounts.size).toBe(1);
      const plainAccounts = new Set(archive.logs.filter((f) => !f.key.startsWith(`AWSLogs/${DEMO_ORG_ID}/`)).map((f) => f.key.split('/')[1]));
      expect(plainAccounts.size).toBe(DEMO_ACCOUNTS.length - 1);
    });

    it('writes several files per hour per account and region, each one JSON object of Records', () => {
      const perHour = new Map<string, number>();
      for (const { key } of archive.logs) {
        const m = CLOUDTRAIL_LOG_KEY.exec(key);
        const hour = `${m?.[2]}|${m?.[3]}|${m?.[7]?.slice(0, 11)}`;
        perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
      }
      const counts = [...perHour.values()];
      expect(counts.filter((n) => n >= 2).length).toBeGreaterThan(counts.length / 2);
      expect(Math.max(...counts)).toBeLessThanOrEqual(12);
    });

    it('writes gzip with no timestamp or file name, so bytes depend on content alone', () => {
      for (const [key, bytes] of [...archive.all].slice(0, 50)) {
        expect(bytes.readUInt32LE(4)).toBe(0);
        expect(bytes[3]! & 0x08).toBe(0);
        expect(bytes[9]).toBe(3);
        expect(key.endsWith('.json.gz')).toBe(true);
      }
    });
  });

  describe('time', () => {
    it('keeps every event inside the window and none after now', () => {
      const from = NOW.getTime() - (NOW.getTime() % DAY_MS) - 7 * DAY_MS;
      expect(summary.from.getTime()).toBe(from);
      expect(summary.to.getTime()).toBe(NOW.getTime());
      for (const r of records) {
        const t = Date.parse(r.eventTime);
        expect(t).toBeGreaterThanOrEqual(from);
        expect(t).toBeLessThanOrEqual(NOW.getTime());
      }
    });

    it('sorts each file by eventTime, keeps it within its day folder and names it after its events', () => {
      for (const { key, records: rs } of archive.logs) {
        expect(rs.length).toBeGreaterThan(0);
        const times = rs.map((r) => r.eventTime);
        expect(times).toEqual([...times].sort());
        const m = CLOUDTRAIL_LOG_KEY.exec(key);
        expect(rs.every((r) => dayOf(r) === `${m?.[4]}-${m?.[5]}-${m?.[6]}`)).toBe(true);
        const named = m?.[7] ?? '';
        const namedMs = Date.UTC(+named.slice(0, 4), +named.slice(4, 6) - 1, +named.slice(6, 8), +named.slice(9, 11), +named.slice(11, 13));
        expect(Date.parse(rs[rs.length - 1]!.eventTime)).toBeLessThan(namedMs + 60_000);
        expect(Date.parse(rs[0]!.eventTime)).toBeGreaterThanOrEqual(namedMs - 15 * 60_000);
        for (const r of rs) {
          expect(DEMO_REGIONS as readonly string[]).toContain(r.awsRegion);
          expect(key).toContain(`/${r.recipientAccountId}/CloudTrail/${r.awsRegion}/`);
        }
      }
    });

    it('writes eventsPerDay events on every full day and reports what it wrote', () => {
      const perDay = new Map<string, number>();
      for (const r of records) perDay.set(dayOf(r), (perDay.get(dayOf(r)) ?? 0) + 1);
      for (let d = 3; d <= 9; d++) expect(perDay.get(`2024-03-0${d}`)).toBe(OPTIONS.eventsPerDay);
      expect(perDay.get('2024-03-10')).toBeGreaterThan(0);
      expect(perDay.get('2024-03-10')).toBeLessThan(OPTIONS.eventsPerDay);
      expect(summary.events).toBe(records.length);
      expect(summary.files).toBe(archive.logs.length);
      expect(summary.accounts).toEqual(DEMO_ACCOUNTS.map((a) => a.id));
      expect(summary.regions).toEqual([...DEMO_REGIONS]);
    });
  });

  describe('records', () => {
    it('carry CloudTrail field names and value shapes', () => {
      for (const r of records) {
        expect(['1.08', '1.09']).toContain(r.eventVersion);
        expect(r.eventTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        expect(r.eventID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(typeof r.readOnly).toBe('boolean');
        expect(r.managementEvent).toBe(r.eventCategory === 'Management');
        expect(r.eventSource).toMatch(/\.amazonaws\.com$/);
        expect(['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleSignIn']).toContain(r.eventType);
      }
      expect(new Set(records.map((r) => r.eventID)).size).toBe(records.length);
    });

    const everyDay = (name: string, predicate: (r: CloudTrailRecord) => boolean): void => {
      it(`holds ${name} on every day`, () => {
        for (let d = 3; d <= 9; d++) {
          const day = `2024-03-0${d}`;
          expect([day, records.filter((r) => dayOf(r) === day && predicate(r)).length]).not.toEqual([day, 0]);
        }
      });
    };

    const login = (r: CloudTrailRecord, outcome: string, mfa: string): boolean =>
      r.eventName === 'ConsoleLogin' &&
      r.eventType === 'AwsConsoleSignIn' &&
      r.responseElements?.['ConsoleLogin'] === outcome &&
      r.additionalEventData?.['MFAUsed'] === mfa;

    everyDay('successful console sign-ins with MFA', (r) => login(r, 'Success', 'Yes'));
    everyDay('successful console sign-ins without MFA', (r) => login(r, 'Success', 'No'));
    everyDay('failed console sign-ins', (r) => r.eventName === 'ConsoleLogin' && r.responseElements?.['ConsoleLogin'] === 'Failure' && r.errorMessage !== undefined);
    everyDay('AssumeRole calls', (r) => r.eventName === 'AssumeRole' && r.eventSource === 'sts.amazonaws.com');
    everyDay('calls by assumed-role sessions with a sessionIssuer', (r) =>
      r.userIdentity?.type === 'AssumedRole' &&
      /^arn:aws:sts::\d{12}:assumed-role\/[^/]+\/[^/]+$/.test(r.userIdentity.arn ?? '') &&
      r.userIdentity.sessionContext?.sessionIssuer.type === 'Role');
    everyDay('admin sessions without MFA in production', (r) =>
      r.userIdentity?.sessionContext?.sessionIssuer.userName === 'Admin' &&
      r.userIdentity.sessionContext.attributes.mfaAuthenticated === 'false' &&
      r.recipientAccountId === DEMO_ACCOUNTS.find((a) => a.environment === 'production')?.id);
    for (const name of ['CreateUser', 'CreateAccessKey', 'DeleteAccessKey', 'AttachUserPolicy', 'PutRolePolicy', 'CreateLoginProfile', 'AddUserToGroup', 'RemoveUserFromGroup', 'DeleteUser']) {
      everyDay(`IAM ${name}`, (r) => r.eventSource === 'iam.amazonaws.com' && r.eventName === name && r.errorCode === undefined);
    }
    everyDay('AccessDenied errors', (r) => r.errorCode === 'AccessDenied');
    everyDay('Client.UnauthorizedOperation errors', (r) => r.errorCode === 'Client.UnauthorizedOperation');
    everyDay('root user activity that is not a service event', (r) =>
      r.userIdentity?.type === 'Root' && /^arn:aws:iam::\d{12}:root$/.test(r.userIdentity.arn ?? '') && r.eventType !== 'AwsServiceEvent');
    everyDay('root-identity AWS service events (which root queries must leave out)', (r) => r.userIdentity?.type === 'Root' && r.eventType === 'AwsServiceEvent');
    everyDay('service events naming only accountId and invokedBy', (r) =>
      r.eventType === 'AwsServiceEvent' && r.userIdentity !== undefined && r.userIdentity.type === undefined && r.userIdentity.invokedBy !== undefined);
    everyDay('service events with no userIdentity at all', (r) => r.eventType === 'AwsServiceEvent' && r.userIdentity === undefined);
    everyDay('AWSService identities without an arn', (r) => r.userIdentity?.type === 'AWSService' && r.userIdentity.arn === undefined);
    everyDay('security groups opened to 0.0.0.0/0 on port 22', (r) => {
      if (r.eventName !== 'AuthorizeSecurityGroupIngress') return false;
      const json = JSON.stringify(r.requestParameters);
      return json.includes('"cidrIp":"0.0.0.0/0"') && json.includes('"fromPort":22');
    });
    everyDay('RevokeSecurityGroupIngress', (r) => r.eventName === 'RevokeSecurityGroupIngress');
    for (const op of ['GetObject', 'PutObject', 'DeleteObject']) {
      everyDay(`S3 ${op} data events`, (r) =>
        r.eventName === op && r.eventCategory === 'Data' && r.managementEvent === false && (r.resources ?? []).some((x) => x.type === 'AWS::S3::Object'));
    }
    everyDay('read-only Describe/List/Get noise', (r) => r.readOnly && /^(Describe|List|Get)/.test(r.eventName));
    everyDay('calls signed with long-lived AKIA keys', (r) => /^AKIA[A-Z0-9]{16}$/.test(r.userIdentity?.accessKeyId ?? ''));
    everyDay('calls signed with ASIA session keys', (r) => /^ASIA[A-Z0-9]{16}$/.test(r.userIdentity?.accessKeyId ?? ''));
    everyDay('requests over TLS 1.0 or 1.1', (r) => r.tlsDetails?.tlsVersion === 'TLSv1' || r.tlsDetails?.tlsVersion === 'TLSv1.1');
    everyDay('IPv6 and documentation-range source addresses', (r) => r.sourceIPAddress.startsWith('2001:db8:'));

    it('holds each logging, KMS and GuardDuty change somewhere in the week', () => {
      for (const name of ['StopLogging', 'UpdateTrail', 'PutEventSelectors', 'DisableKey', 'ScheduleKeyDeletion', 'DeleteDetector', 'DeleteFlowLogs', 'PutBucketPolicy']) {
        expect([name, records.filter((r) => r.eventName === name).length]).not.toEqual([name, 0]);
      }
    });

    it('uses only documentation, private and service source addresses', () => {
      for (const r of records) {
        expect(r.sourceIPAddress).toMatch(/^(198\.51\.100\.|203\.0\.113\.|192\.0\.2\.|10\.|2001:db8:|[a-z0-9.-]+\.amazonaws\.com$|AWS Internal$)/);
      }
    });
  });

  describe('digests', () => {
    it('writes one digest per account, region and day, with no Records', () => {
      expect(archive.digests.length).toBe(DEMO_ACCOUNTS.length * DEMO_REGIONS.length * OPTIONS.days);
      for (const { key, doc } of archive.digests) {
        expect(key).toMatch(CLOUDTRAIL_DIGEST_KEY);
        expect(doc['Records']).toBeUndefined();
        expect(typeof doc['digestStartTime']).toBe('string');
        expect(typeof doc['digestEndTime']).toBe('string');
        expect(doc['digestS3Object']).toBe(key);
        expect(Array.isArray(doc['logFiles'])).toBe(true);
      }
    });

    it('lists each log file with the SHA-256 of its uncompressed content', () => {
      const logs = new Map(archive.logs.map((f) => [f.key, f.bytes]));
      let listed = 0;
      for (const { doc } of archive.digests) {
        for (const entry of doc['logFiles'] as { s3Object: string; hashValue: string }[]) {
          const bytes = logs.get(entry.s3Object);
          expect(bytes).toBeDefined();
          if (bytes === undefined) continue;
          expect(createHash('sha256').update(gunzipSync(bytes)).digest('hex')).toBe(entry.hashValue);
          listed++;
        }
      }
      expect(listed).toBe(archive.logs.length);
    });
  });

  describe('determinism', () => {
    it('gives byte-identical files for the same seed, days, eventsPerDay and now', async () => {
      const dir = await tempDir();
      dirs.push(dir);
      await generateCloudTrailDemo(dir, OPTIONS);
      const again = await readArchive(dir);
      expect([...again.all.keys()]).toEqual([...archive.all.keys()]);
      for (const [key, bytes] of archive.all) expect(again.all.get(key)?.equals(bytes)).toBe(true);
    });

    it('keeps every already-delivered file identical when now moves later in the same day', async () => {
      const dir = await tempDir();
      dirs.push(dir);
      await generateCloudTrailDemo(dir, { ...OPTIONS, now: new Date('2024-03-10T22:05:00Z') });
      const later = await readArchive(dir);
      for (const { key, bytes } of archive.logs) expect(later.all.get(key)?.equals(bytes)).toBe(true);
      expect(later.logs.length).toBeGreaterThan(archive.logs.length);
    });

    it('changes with the seed', async () => {
      const dir = await tempDir();
      dirs.push(dir);
      await generateCloudTrailDemo(dir, { ...OPTIONS, days: 1, seed: 8 });
      const other = await readArchive(dir);
      const sameNames = other.logs.filter((f) => archive.all.has(f.key));
      expect(sameNames.length).toBe(0);
    });
  });
});

describe('generateCloudTrailDemo options', () => {
  it('writes no file for today before the first delivery, and nothing in the future', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'auditql-ct-demo-'));
    try {
      const now = new Date('2024-03-10T00:03:00Z');
      const s = await generateCloudTrailDemo(dir, { days: 2, eventsPerDay: 300, seed: 1, now });
      const files = await listFiles(dir);
      expect(files.some((f) => f.includes('/2024/03/10/'))).toBe(false);
      expect(files.some((f) => f.includes('/2024/03/09/'))).toBe(true);
      expect(s.events).toBe(300);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('rejects nonsense options', async () => {
    await expect(generateCloudTrailDemo(os.tmpdir(), { days: 0 })).rejects.toThrow(/days/);
    await expect(generateCloudTrailDemo(os.tmpdir(), { eventsPerDay: 1.5 })).rejects.toThrow(/eventsPerDay/);
    await expect(generateCloudTrailDemo(os.tmpdir(), { now: new Date('nope') })).rejects.toThrow(/now/);
  });
});

describe('CloudTrail key patterns', () => {
  it('accept AWS-style names, with and without the organisation prefix, and reject near misses', () => {
    const log = '111122223333_CloudTrail_us-east-2_20240101T0005Z_aBcDeFgHiJkLmNoP.json.gz';
    expect(`AWSLogs/111122223333/CloudTrail/us-east-2/2024/01/01/${log}`).toMatch(CLOUDTRAIL_LOG_KEY);
    expect(`AWSLogs/o-aa11bb22cc/111122223333/CloudTrail/us-east-2/2024/01/01/${log}`).toMatch(CLOUDTRAIL_LOG_KEY);
    expect(`AWSLogs/444455556666/CloudTrail/us-east-2/2024/01/01/${log}`).not.toMatch(CLOUDTRAIL_LOG_KEY);
    expect(`AWSLogs/111122223333/CloudTrail/us-east-2/2024/01/02/${log}`).not.toMatch(CLOUDTRAIL_LOG_KEY);
    const digest = 'AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2024/01/01/111122223333_CloudTrail-Digest_us-east-2_management-events_us-east-1_20240101T235959Z.json.gz';
    expect(digest).toMatch(CLOUDTRAIL_DIGEST_KEY);
    expect(digest).not.toMatch(CLOUDTRAIL_LOG_KEY);
  });
});

describe('recordJson', () => {
  it('matches JSON.stringify byte for byte', () => {
    const day = Date.UTC(2024, 2, 6);
    const noise = new NoiseSource(new Rng(3), DEMO_ACCOUNTS[0]!.id, 'us-east-1', day);
    const samples = [...scriptForDay(5, day).map((t) => t.record), ...Array.from({ length: 2000 }, (_, i) => noise.recordAt(i * 40))];
    for (const r of samples) expect(recordJson(r)).toBe(JSON.stringify(r));
  });
});
