// The embedded engine on archives the test writes itself: what it reads, what it skips and reports,
// and that result sets are paged without running the query again.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { removeDir, tempDir, trailRecord, writeTrailFile } from '../../../test/helpers/archive';
import { cloudTrailCountsPlan, cloudTrailEventsPlan } from '../../query/cloudtrail.planner';
import { DuckDbEngine } from './duckdb.engine';

const DAY = '2026/11/30';
const WINDOW = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

describe('DuckDbEngine', () => {
  let root: string;
  let engine: DuckDbEngine;
  let missingFieldKey: string;

  beforeAll(async () => {
    root = await tempDir();
    await writeTrailFile(root, { day: DAY, records: [trailRecord({ eventName: 'A' }), trailRecord({ eventName: 'B', eventTime: '2026-11-30T11:00:00Z' })] });
    // An organisation trail: one more level (o-…) above the account.
    await writeTrailFile(root, { day: DAY, org: 'o-abcdefghij', account: '444455556666', region: 'eu-west-1', records: [trailRecord({ eventName: 'OrgEvent' })], gzip: false });
    // Malformed inputs, each in the window: a truncated gzip, a file that is not JSON, a JSON file
    // without Records, and a file where one record lacks eventTime.
    const whole = gzipSync(JSON.stringify({ Records: [trailRecord(), trailRecord()] }));
    await writeTrailFile(root, { day: DAY, name: '111122223333_CloudTrail_us-east-1_20261130T1300Z_truncated.json.gz', raw: whole.subarray(0, Math.floor(whole.length / 2)) });
    await writeTrailFile(root, { day: DAY, name: '111122223333_CloudTrail_us-east-1_20261130T1305Z_notjson.json', raw: 'this is not json {' });
    await writeTrailFile(root, { day: DAY, name: '111122223333_CloudTrail_us-east-1_20261130T1310Z_norecords.json', raw: '{"logFiles": []}' });
    const { eventTime: _omit, ...noTime } = trailRecord({ eventName: 'NoTime' });
    missingFieldKey = await writeTrailFile(root, { day: DAY, records: [noTime, trailRecord({ eventName: 'C', eventTime: '2026-11-30T12:00:00Z' })] });
    // Values that would break concatenated SQL.
    await writeTrailFile(root, { day: DAY, records: [trailRecord({ eventName: 'Quoted', userIdentity: { type: 'IAMUser', userName: "o'brien\\" } })] });
    // Not events, or outside the window: never read (a corrupt file there would show up in stats).
    const digestDir = path.join(root, 'AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/11/30');
    await fsp.mkdir(digestDir, { recursive: true });
    await fsp.writeFile(path.join(digestDir, '111122223333_CloudTrail-Digest_us-east-1_x_20261130T120000Z.json.gz'), gzipSync('{"digestStartTime":"x"}'));
    await writeTrailFile(root, { day: '2026/11/29', name: '111122223333_CloudTrail_us-east-1_20261129T1200Z_outside.json', raw: 'corrupt, but never read' });
    await writeTrailFile(root, { day: '2026/12/01', records: [trailRecord({ eventName: 'NextDay', eventTime: '2026-12-01T00:00:00Z' })] });
    // Delivered at 00:05 into the next day's folder, as CloudTrail does with the last minutes of a day.
    await writeTrailFile(root, { day: '2026/12/01', name: '111122223333_CloudTrail_us-east-1_20261201T0005Z_late.json.gz', records: [trailRecord({ eventName: 'LateDelivered', eventTime: '2026-11-30T23:58:00Z' })] });
    engine = await DuckDbEngine.create({ archiveDir: root, resultTtlSeconds: 2 });
  });

  afterAll(async () => {
    await engine.close();
    await removeDir(root);
  });

  it('answers from every readable file and counts and names what it skipped', async () => {
    const x = await engine.execute(cloudTrailCountsPlan(WINDOW, null, ['EVENT_NAME'], 50));
    const page = await engine.readPage(x.id, { offset: 0 }, 50);
    const counts = Object.fromEntries(page.rows.map((r) => [r.key_1, Number(r.n)]));
    expect(counts).toEqual({ A: 1, B: 1, C: 1, OrgEvent: 1, Quoted: 1, LateDelivered: 1 });
    // 3 good files of 11/30 plus the 12/01 folder's two, read because files sit in their delivery day.
    expect(x.stats.filesRead).toBe(6);
    expect(x.stats.malformedRecords).toBe(4n);
    expect([...x.stats.malformedFiles].sort()).toEqual(
      [
        'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/30/111122223333_CloudTrail_us-east-1_20261130T1300Z_truncated.json.gz',
        'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/30/111122223333_CloudTrail_us-east-1_20261130T1305Z_notjson.json',
        'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/30/111122223333_CloudTrail_us-east-1_20261130T1310Z_norecords.json',
        missingFieldKey,
      ].sort(),
    );
  });

  it('reads the organisation-trail layout with its account and region partitions', async () => {
    const x = await engine.execute(cloudTrailEventsPlan(WINDOW, { accounts: ['444455556666'] }));
    const page = await engine.readPage(x.id, { offset: 0 }, 10);
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ eventname: 'OrgEvent', account: '444455556666', region: 'eu-west-1', day: DAY });
    expect(page.rows[0]!.source_file).toMatch(/^AWSLogs\/o-abcdefghij\/444455556666\/CloudTrail\/eu-west-1\/2026\/11\/30\//);
    expect(x.stats.filesRead).toBe(1);
  });

  it('treats quotes, backslashes and SQL fragments in filters as values', async () => {
    const hostile = await engine.execute(cloudTrailEventsPlan(WINDOW, { userName: "' OR '1'='1" }));
    expect(hostile.stats.rowsMatched).toBe(0n);
    const quoted = await engine.execute(cloudTrailEventsPlan(WINDOW, { userName: "o'brien\\" }));
    expect(quoted.stats.rowsMatched).toBe(1n);
  });

  it('finds an event delivered after midnight in the next day folder', async () => {
    const x = await engine.execute(cloudTrailEventsPlan({ from: new Date('2026-11-30T23:00:00Z'), to: WINDOW.to }, { eventNames: ['LateDelivered'] }));
    expect(x.stats.rowsMatched).toBe(1n);
  });

  it('keeps the window half-open: an event at `to` belongs to the next window', async () => {
    const x = await engine.execute(cloudTrailEventsPlan({ from: WINDOW.from, to: new Date('2026-12-01T00:00:00.001Z') }, { eventNames: ['NextDay'] }));
    expect(x.stats.rowsMatched).toBe(1n);
    const y = await engine.execute(cloudTrailEventsPlan(WINDOW, { eventNames: ['NextDay'] }));
    expect(y.stats.rowsMatched).toBe(0n);
  });

  it('pages through one execution without running the query again', async () => {
    const before = engine.executions;
    const x = await engine.execute(cloudTrailEventsPlan(WINDOW, null));
    const seen: string[] = [];
    let position: { offset: number } | null = { offset: 0 };
    while (position) {
      const page = await engine.readPage(x.id, position, 2);
      seen.push(...page.rows.map((r) => String(r.eventname)));
      position = page.next;
    }
    expect(seen).toHaveLength(6);
    expect(seen.slice(3)).toEqual(['B', 'C', 'LateDelivered']); // 10:00 (three events) < 11:00 < 12:00 < 23:58
    expect(new Set(seen)).toEqual(new Set(['A', 'B', 'C', 'OrgEvent', 'Quoted', 'LateDelivered']));
    expect(engine.executions - before).toBe(1);
  });

  it('refuses a cursor once its result set has expired', async () => {
    const x = await engine.execute(cloudTrailEventsPlan(WINDOW, null));
    await new Promise((r) => setTimeout(r, 2100));
    await expect(engine.readPage(x.id, { offset: 0 }, 1)).rejects.toMatchObject({ extensions: { code: 'CURSOR_EXPIRED' } });
  });

  it('checks a window ahead of queries, listing only its day folders', async () => {
    expect(await engine.warm(WINDOW, ['cloudtrail_logs'])).toBe(9); // 7 of 11/30 + 2 of 12/01 (late delivery)
    expect(await engine.warm({ from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-01T12:00:00Z') })).toBe(2);
  });

  it('does not start a query whose request was already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(engine.execute(cloudTrailEventsPlan(WINDOW, null), { signal: controller.signal })).rejects.toMatchObject({ extensions: { code: 'CANCELLED' } });
  });
});

describe('DuckDbEngine with records of the wrong shape', () => {
  let root: string;
  let engine: DuckDbEngine;

  beforeAll(async () => {
    root = await tempDir();
    // One file: two good records and five bad ones. The typed reader fails on the shapes, so the file
    // is read record by record; bad times would otherwise fail every query over the window.
    await writeTrailFile(root, {
      day: DAY,
      records: [
        trailRecord({ eventName: 'Good1' }),
        trailRecord({ eventName: 'BadIdentity', userIdentity: 'a string' }),
        trailRecord({ eventName: 'BadResources', resources: 'nope' }),
        trailRecord({ eventName: 'BadTime', eventTime: 'not-a-date' }),
        trailRecord({ eventName: 'ZonelessTime', eventTime: '2026-11-30T10:00:00' }),
        42,
        trailRecord({ eventName: 'Good2', eventTime: '2026-11-30T11:00:00Z' }),
      ],
    });
    // A typed-readable file whose only problem is a bad time.
    await writeTrailFile(root, { day: DAY, records: [trailRecord({ eventName: 'Good3' }), trailRecord({ eventName: 'NumberTime', eventTime: 5 })] });
    engine = await DuckDbEngine.create({ archiveDir: root });
  });

  afterAll(async () => {
    await engine.close();
    await removeDir(root);
  });

  it('keeps the good records of a file and counts each bad one', async () => {
    // A field of the wrong type reads as null (the record stays); a record that is not an object or
    // has no valid UTC eventTime is malformed: 42, BadTime, ZonelessTime, NumberTime.
    const cases: [ReturnType<typeof cloudTrailEventsPlan>, string[]][] = [
      [cloudTrailEventsPlan(WINDOW, null), ['BadIdentity', 'BadResources', 'Good1', 'Good2', 'Good3']],
      [cloudTrailCountsPlan(WINDOW, null, ['EVENT_NAME'], 50), ['BadIdentity', 'BadResources', 'Good1', 'Good2', 'Good3']],
      [cloudTrailEventsPlan(WINDOW, { userName: 'alice' }), ['BadResources', 'Good1', 'Good2', 'Good3']],
    ];
    for (const [plan, expected] of cases) {
      const x = await engine.execute(plan);
      const rows = (await engine.readPage(x.id, { offset: 0 }, 50)).rows;
      expect(rows.map((r) => String(r.eventname ?? r.key_1)).sort()).toEqual(expected);
      expect(x.stats.malformedRecords).toBe(4n);
      expect(x.stats.malformedFiles).toHaveLength(2);
      expect(x.stats.filesRead).toBe(2);
    }
    const all = await engine.execute(cloudTrailEventsPlan(WINDOW, { eventNames: ['BadIdentity', 'BadResources'] }));
    const rows = (await engine.readPage(all.id, { offset: 0 }, 10)).rows;
    expect(rows.map((r) => [r.eventname, r.identity_username, r.resources_json])).toEqual([
      ['BadIdentity', null, null],
      ['BadResources', 'alice', null],
    ]);
  });
});
