// The S3 server access log reader through the embedded engine, on archives the test writes itself:
// both layouts under the default and a configured prefix, partition values, malformed lines counted per
// file and kept out, the delivery-day slack, and the filters as SQL over real rows.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { removeDir, tempDir } from '../../../../test/helpers/archive';
import { s3Line, writeS3LogObject } from '../../../../test/helpers/s3access-archive';
import { s3AccessCountsPlan, s3AccessRequestsPlan } from '../../../query/s3access.planner';
import type { S3AccessFilterSpec } from '../../../query/s3access.catalogue';
import { DuckDbEngine } from '../duckdb.engine';
import type { ResultRow } from '../../query-engine';
import { createS3AccessSource, s3AccessSource } from './s3access.source';

const WINDOW = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
const PROD = '679701687731';

describe('S3 access logs on the embedded engine', () => {
  let root: string;
  let engine: DuckDbEngine;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    root = await tempDir();
    // Simple layout, directly under the prefix: a good line, an empty line, a blank line and a malformed one.
    keys.flat = await writeS3LogObject(root, {
      delivered: '2026-11-30T10:20:00Z',
      lines: [s3Line({ requestid: 'FLAT1', time: '[30/Nov/2026:10:00:00 +0000]' }), '', '   ', 'this is not an S3 access log line', s3Line({ requestid: 'FLAT2', time: '[30/Nov/2026:10:01:00 +0000]', remoteip: '2001:db8::7' })],
    });
    // Simple layout in a per-bucket folder, with CRLF line ends.
    keys.bucketFolder = await writeS3LogObject(root, {
      delivered: '2026-11-30T11:00:00Z',
      bucketFolder: 'examplecorp-assets',
      eol: '\r\n',
      lines: [s3Line({ requestid: 'SUB1', bucket: 'examplecorp-assets', time: '[30/Nov/2026:10:50:00 +0000]', status: '403', errorcode: 'AccessDenied', requester: '-' })],
    });
    // Date-based layout.
    keys.dated = await writeS3LogObject(root, {
      delivered: '2026-11-30T12:00:00Z',
      dateBased: { account: PROD, region: 'eu-west-1', bucket: 'examplecorp-prod-eu-orders' },
      lines: [s3Line({ requestid: 'DATED1', bucket: 'examplecorp-prod-eu-orders', time: '[30/Nov/2026:11:59:00 +0000]', status: '404', errorcode: 'NoSuchKey', key: 'orders/missing.json' })],
    });
    // Date-based inside a per-bucket folder, event-time partitioned: folder 11/30, delivered 12/01 00:10.
    keys.lateDelivery = await writeS3LogObject(root, {
      delivered: '2026-12-01T00:10:00Z',
      bucketFolder: 'prod-orders',
      dateBased: { account: PROD, region: 'us-east-1', bucket: 'examplecorp-prod-orders', folderDay: '2026/11/30' },
      lines: [
        s3Line({ requestid: 'LATE1', bucket: 'examplecorp-prod-orders', time: '[30/Nov/2026:23:58:00 +0000]' }),
        s3Line({ requestid: 'NEXTDAY1', bucket: 'examplecorp-prod-orders', time: '[01/Dec/2026:00:01:00 +0000]' }),
      ],
    });
    // Delivered after the next day's first hour: never read (a corrupt one would show up in stats).
    await writeS3LogObject(root, { delivered: '2026-12-01T01:30:00Z', lines: ['corrupt, but never read'] });
    await writeS3LogObject(root, { delivered: '2026-11-29T23:59:59Z', lines: ['corrupt, but never read'] });
    // A file whose every line is malformed, and one that cannot be read as text at all.
    keys.allBad = await writeS3LogObject(root, { delivered: '2026-11-30T13:00:00Z', lines: ['garbage one', 'garbage two'] });
    keys.binary = await writeS3LogObject(root, { delivered: '2026-11-30T13:05:00Z', lines: [] });
    await fsp.writeFile(path.join(root, keys.binary), Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xfe, 0xc3, 0x28, 10, 0x80, 0x81]));
    // Mixed line ends: DuckDB's line reader refuses the file; it is reported, not fatal.
    keys.mixed = await writeS3LogObject(root, { delivered: '2026-11-30T13:10:00Z', eol: '\n', lines: [s3Line({ requestid: 'MIXED1' }) + '\r', s3Line({ requestid: 'MIXED2' })] });
    // Not log objects: other names in the prefix are ignored.
    await fsp.writeFile(path.join(root, 's3-access-logs', 'README.txt'), 'notes');
    // Another prefix, only read by a source configured with it.
    keys.other = await writeS3LogObject(root, { prefix: 'logs/s3', delivered: '2026-11-30T09:00:00Z', lines: [s3Line({ requestid: 'OTHER1', time: '[30/Nov/2026:08:59:00 +0000]' })] });
    // Values that would break concatenated SQL, and quoted fields with spaces and escaped quotes.
    keys.quoted = await writeS3LogObject(root, {
      delivered: '2026-11-30T14:00:00Z',
      lines: [s3Line({ requestid: 'QUOTED1', time: '[30/Nov/2026:13:59:00 +0000]', requester: "arn:aws:iam::111122223333:user/o'brien", useragent: '"curl/8.5 (x86_64) \\"scanner\\" v2"', key: 'a%20b/c' })],
    });
    engine = await DuckDbEngine.create({ archiveDir: root, sources: [s3AccessSource] });
  });

  afterAll(async () => {
    await engine.close();
    await removeDir(root);
  });

  async function rows(filter: S3AccessFilterSpec | null = null, window = WINDOW): Promise<{ rows: ResultRow[]; stats: Awaited<ReturnType<DuckDbEngine['execute']>>['stats'] }> {
    const x = await engine.execute(s3AccessRequestsPlan(window, filter));
    const page = await engine.readPage(x.id, { offset: 0 }, 100);
    return { rows: page.rows, stats: x.stats };
  }

  it('reads both layouts, with and without bucket folders, and counts and names what it skipped', async () => {
    const { rows: r, stats } = await rows();
    expect(r.map((x) => x.requestid)).toEqual(['FLAT1', 'FLAT2', 'SUB1', 'DATED1', 'QUOTED1', 'LATE1']);
    // Malformed lines never come back as rows of NULLs (Athena's RegexSerDe would return them so).
    for (const row of r) expect([row.requestdatetime, row.bucket_name, row.operation].includes(null)).toBe(false);
    expect(stats.filesRead).toBe(5);
    // One malformed line in the flat file, two in the all-bad file, one unreadable binary file, one mixed-EOL file.
    expect(stats.malformedRecords).toBe(5n);
    expect([...stats.malformedFiles].sort()).toEqual([keys.flat, keys.allBad, keys.binary, keys.mixed].sort());
  });

  it('takes day from the object name and account/region from the date-based folders only', async () => {
    const { rows: r } = await rows();
    const byId = Object.fromEntries(r.map((x) => [x.requestid, x]));
    expect(byId.FLAT1).toMatchObject({ day: '2026/11/30', account: null, region: null, source_file: keys.flat });
    expect(byId.SUB1).toMatchObject({ day: '2026/11/30', account: null, region: null, source_file: keys.bucketFolder });
    expect(byId.DATED1).toMatchObject({ day: '2026/11/30', account: PROD, region: 'eu-west-1', source_file: keys.dated });
    expect(byId.LATE1).toMatchObject({ day: '2026/12/01', account: PROD, region: 'us-east-1', source_file: keys.lateDelivery });
  });

  it('exposes every field with - as NULL, numbers as numbers, quoted text without its quotes', async () => {
    const { rows: r } = await rows({ buckets: ['examplecorp-assets'] });
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({
      requestdatetime: '30/Nov/2026:10:50:00 +0000',
      requester: null,
      errorcode: 'AccessDenied',
      httpstatus: 403,
      bytessent: 2662992n,
      objectsize: 3462992n,
      totaltime: 70n,
      turnaroundtime: 10n,
      request_uri: 'GET /photos/2026/cat.jpg HTTP/1.1',
      referrer: null,
      useragent: 'S3Console/0.4',
      versionid: null,
      accesspointarn: null,
      aclrequired: null,
      sourceregion: 'us-east-1',
    });
    const quoted = (await rows({ requester: "arn:aws:iam::111122223333:user/o'brien" })).rows;
    expect(quoted.map((x) => [x.requestid, x.useragent, x.key])).toEqual([['QUOTED1', 'curl/8.5 (x86_64) \\"scanner\\" v2', 'a%20b/c']]);
  });

  it('reads objects delivered in the hour after a window that ends at midnight, and keeps the window exact', async () => {
    const late = await rows({ requester: 'arn:aws:iam::111122223333:user/alice' }, { from: new Date('2026-11-30T23:00:00Z'), to: new Date('2026-12-01T00:00:00Z') });
    expect(late.rows.map((x) => x.requestid)).toEqual(['LATE1']);
    // The next day's window reads the same object and finds its other record.
    const next = await rows(null, { from: new Date('2026-12-01T00:00:00Z'), to: new Date('2026-12-01T01:00:00Z') });
    expect(next.rows.map((x) => x.requestid)).toEqual(['NEXTDAY1']);
  });

  it('applies every filter as a parameterised predicate', async () => {
    const ids = async (f: S3AccessFilterSpec): Promise<unknown[]> => (await rows(f)).rows.map((x) => x.requestid);
    expect(await ids({ accounts: [PROD] })).toEqual(['DATED1', 'LATE1']);
    expect(await ids({ regions: ['eu-west-1'] })).toEqual(['DATED1']);
    expect(await ids({ httpStatuses: [403, 404] })).toEqual(['SUB1', 'DATED1']);
    expect(await ids({ errorCodes: ['NoSuchKey'] })).toEqual(['DATED1']);
    expect(await ids({ keyPrefix: 'orders/' })).toEqual(['DATED1']);
    expect(await ids({ operations: ['REST.GET.OBJECT'], buckets: ['examplecorp-prod-orders'] })).toEqual(['LATE1']);
    expect(await ids({ remoteIp: '2001:db8::/32' })).toEqual(['FLAT2']);
    expect(await ids({ remoteIp: '192.0.2.0/24' })).toEqual(['FLAT1', 'SUB1', 'DATED1', 'QUOTED1', 'LATE1']);
    expect(await ids({ requester: "' OR '1'='1" })).toEqual([]);
  });

  it('opens only the date-based folders of a hinted account', async () => {
    const { stats } = await rows({ accounts: [PROD] });
    expect(stats.filesRead).toBe(2);
  });

  it('counts by group-by keys, DAY and HOUR of the request time in UTC', async () => {
    const x = await engine.execute(s3AccessCountsPlan(WINDOW, null, ['HTTP_STATUS', 'HOUR'], 10));
    const page = await engine.readPage(x.id, { offset: 0 }, 10);
    expect(page.rows.map((r) => [r.key_1, r.key_2, Number(r.n)])).toEqual([
      ['200', '2026-11-30T10', 2],
      ['200', '2026-11-30T13', 1],
      ['200', '2026-11-30T23', 1],
      ['403', '2026-11-30T10', 1],
      ['404', '2026-11-30T11', 1],
    ]);
    const d = await engine.execute(s3AccessCountsPlan(WINDOW, null, ['DAY'], 10));
    expect((await engine.readPage(d.id, { offset: 0 }, 10)).rows).toEqual([{ key_1: '2026-11-30', n: 6n }]);
  });

  it('reads configured prefixes instead of the default one', async () => {
    const other = await DuckDbEngine.create({ archiveDir: root, sources: [createS3AccessSource(['logs/s3/'])] });
    try {
      const x = await other.execute(s3AccessRequestsPlan(WINDOW, null));
      const page = await other.readPage(x.id, { offset: 0 }, 10);
      expect(page.rows.map((r) => [r.requestid, r.source_file])).toEqual([['OTHER1', keys.other]]);
    } finally {
      await other.close();
    }
  });

  it('answers an empty window with no rows and no files', async () => {
    const { rows: r, stats } = await rows(null, { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2020-01-02T00:00:00Z') });
    expect(r).toEqual([]);
    expect(stats.filesRead).toBe(0);
  });
});
