// Which S3 access log objects a window reads: both layouts, bucket folders, configured prefixes,
// pruning by the delivery date in the object name, and the partition values read from a key.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { removeDir, tempDir } from '../../../../test/helpers/archive';
import { deliveryTimeOfName, fileInfoOfKey, normalisePrefix, parseS3AccessPrefixes } from './s3access-layout';
import { listS3AccessFiles } from './s3access-listing';

const WINDOW = { from: new Date('2026-11-30T06:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

describe('S3 access log object names and keys', () => {
  it.each([
    ['2026-11-30-10-05-09-5F5A5E7E4D43C6C1', '2026-11-30T10:05:09.000Z'],
    ['2026-11-30-10-05-09-abc.gz', '2026-11-30T10:05:09.000Z'],
    ['2026-02-31-10-05-09-ABC', null],
    ['2026-11-30-24-05-09-ABC', null],
    ['2026-11-30-10-05-09', null],
    ['2026-11-30-10-05-09-AB/C', null],
    ['x2026-11-30-10-05-09-ABC', null],
    ['README.txt', null],
  ])('%s is delivered at %s', (name, expected) => {
    const ms = deliveryTimeOfName(name);
    expect(ms === null ? null : new Date(ms).toISOString()).toBe(expected);
  });

  it.each([
    ['s3-access-logs/2026-11-30-10-05-09-ABC', { day: '2026/11/30', account: null, region: null }],
    ['s3-access-logs/my-bucket/2026-11-30-10-05-09-ABC', { day: '2026/11/30', account: null, region: null }],
    ['s3-access-logs/679701687731/eu-west-1/my-bucket/2026/11/29/2026-11-30-00-05-09-ABC', { day: '2026/11/30', account: '679701687731', region: 'eu-west-1' }],
    ['s3-access-logs/per-bucket/679701687731/us-gov-west-1/b/2026/11/30/2026-11-30-10-05-09-ABC', { day: '2026/11/30', account: '679701687731', region: 'us-gov-west-1' }],
    ['s3-access-logs/notes.txt', null],
  ])('%s has partitions %j', (key, expected) => {
    expect(fileInfoOfKey(key)).toEqual(expected);
  });

  it.each([
    ['s3-access-logs', 's3-access-logs'],
    ['/logs/s3/', null],
    ['logs/s3/', 'logs/s3'],
    ['./logs//s3', 'logs/s3'],
    ['logs\\s3', 'logs/s3'],
    ['../outside', null],
    ['logs/../../x', null],
    ['C:/logs', null],
    ['', null],
    ['/', null],
  ])('prefix %j is %j', (prefix, expected) => {
    if (expected === null) expect(() => normalisePrefix(prefix)).toThrow(/must be a folder inside the archive/);
    else expect(normalisePrefix(prefix)).toBe(expected);
  });

  it.each([
    [undefined, ['s3-access-logs']],
    ['', ['s3-access-logs']],
    [' , ', ['s3-access-logs']],
    ['logs/s3', ['logs/s3']],
    ['s3-access-logs, logs/s3/ ,logs/s3', ['s3-access-logs', 'logs/s3']],
  ])('AUDITQL_S3_ACCESS_PREFIXES=%j reads %j', (raw, expected) => {
    expect(parseS3AccessPrefixes(raw)).toEqual(expected);
  });

  it('names the variable when a prefix is bad', () => {
    expect(() => parseS3AccessPrefixes('logs,../x')).toThrow(/^AUDITQL_S3_ACCESS_PREFIXES: an S3 access log prefix must be a folder inside the archive/);
  });
});

describe('listing S3 access log objects', () => {
  let root: string;

  async function put(key: string): Promise<void> {
    await fsp.mkdir(path.dirname(path.join(root, key)), { recursive: true });
    await fsp.writeFile(path.join(root, key), 'x\n');
  }

  beforeAll(async () => {
    root = await tempDir();
    for (const key of [
      // simple, flat: one before the window's first day, one on it (before `from`: its day is read), the
      // next day's first hour (read) and later (not read)
      's3-access-logs/2026-11-29-23-59-59-A',
      's3-access-logs/2026-11-30-01-00-00-A',
      's3-access-logs/2026-12-01-00-59-59-A',
      's3-access-logs/2026-12-01-01-00-00-A',
      's3-access-logs/notes.txt',
      // simple, per-bucket folder; a bucket named like an account id holds simple-layout objects
      's3-access-logs/assets-bucket/2026-11-30-12-00-00-B',
      's3-access-logs/123456789012/2026-11-30-12-00-00-C',
      // date-based, at the prefix and inside a bucket folder; event-time folder of the previous day
      's3-access-logs/679701687731/us-east-1/orders/2026/11/30/2026-11-30-12-00-00-D',
      's3-access-logs/679701687731/us-east-1/orders/2026/11/29/2026-11-30-00-10-00-D',
      's3-access-logs/679701687731/eu-west-1/orders-eu/2026/11/30/2026-11-30-13-00-00-E',
      's3-access-logs/per-bucket/322817180023/us-east-1/reports/2026/12/01/2026-12-01-00-30-00-F',
      's3-access-logs/679701687731/us-east-1/orders/2026/11/28/2026-11-28-12-00-00-D',
      // deeper than one bucket folder: not a layout we read
      's3-access-logs/a/b/2026-11-30-12-00-00-G',
      // another prefix
      'logs/s3/2026-11-30-12-00-00-H',
    ]) {
      await put(key);
    }
  });

  afterAll(() => removeDir(root));

  const keys = async (prefixes: string[], hints = {}): Promise<string[]> => (await listS3AccessFiles(root, prefixes, WINDOW, hints)).map((f) => f.key);

  it('finds the objects delivered from the first day of the window to an hour after its end, in every layout', async () => {
    expect(await keys(['s3-access-logs'])).toEqual([
      's3-access-logs/123456789012/2026-11-30-12-00-00-C',
      's3-access-logs/2026-11-30-01-00-00-A',
      's3-access-logs/2026-12-01-00-59-59-A',
      's3-access-logs/679701687731/eu-west-1/orders-eu/2026/11/30/2026-11-30-13-00-00-E',
      's3-access-logs/679701687731/us-east-1/orders/2026/11/29/2026-11-30-00-10-00-D',
      's3-access-logs/679701687731/us-east-1/orders/2026/11/30/2026-11-30-12-00-00-D',
      's3-access-logs/assets-bucket/2026-11-30-12-00-00-B',
      's3-access-logs/per-bucket/322817180023/us-east-1/reports/2026/12/01/2026-12-01-00-30-00-F',
    ]);
  });

  it('reads only the date-based folders of hinted accounts and regions (the simple layout has neither)', async () => {
    expect(await keys(['s3-access-logs'], { accounts: ['679701687731'], regions: ['us-east-1'] })).toEqual([
      's3-access-logs/679701687731/us-east-1/orders/2026/11/29/2026-11-30-00-10-00-D',
      's3-access-logs/679701687731/us-east-1/orders/2026/11/30/2026-11-30-12-00-00-D',
    ]);
    expect(await keys(['s3-access-logs'], { regions: ['us-east-1'] })).toHaveLength(3);
  });

  it('reads every configured prefix once, and none that is missing', async () => {
    expect(await keys(['logs/s3', 'nothing-here'])).toEqual(['logs/s3/2026-11-30-12-00-00-H']);
    expect(await keys(['s3-access-logs', 's3-access-logs/assets-bucket'])).toHaveLength(8);
  });

  it('returns size and modification time for the file-health cache', async () => {
    const [f] = await listS3AccessFiles(root, ['logs/s3'], WINDOW);
    expect(f).toEqual({ key: 'logs/s3/2026-11-30-12-00-00-H', size: 2, mtimeMs: expect.any(Number) });
  });
});
