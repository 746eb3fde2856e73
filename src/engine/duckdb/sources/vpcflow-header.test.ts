// Header lines and first-line reading: the quirks each gets right, on inputs written here.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { removeDir, tempDir } from '../../../../test/helpers/archive';
import { DEFAULT_HEADER, flowLogKey } from '../../../../test/helpers/vpcflow-files';
import { parseHeader, readFirstLine } from './vpcflow-header';
import { dayOfKey, listVpcFlowFiles } from './vpcflow-listing';

describe('parseHeader', () => {
  it('binds the default format and any known fields in any order', () => {
    const v2 = parseHeader(DEFAULT_HEADER);
    expect(v2.ok && v2.fields.map((f) => f.column)).toEqual(['version', 'account_id', 'interface_id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log_status']);
    const custom = parseHeader('start ecs-task-id pkt-srcaddr reject-reason tgw-src-eni next-hop-interface-type');
    expect(custom.ok && custom.fields.map((f) => f.column)).toEqual(['start', 'ecs_task_id', 'pkt_srcaddr', 'reject_reason', 'tgw_src_eni', 'next_hop_interface_type']);
    expect(parseHeader(`${DEFAULT_HEADER}\r`).ok).toBe(true);
  });

  it.each([
    [null, 'no header line'],
    ['', 'no header line'],
    [`${DEFAULT_HEADER} made-up`, 'does not know: "made-up"'],
    ['2 123456789010 eni-1 - - - - - - - 1 2 - NODATA', 'the first line looks like a record'],
    ['version  start', 'empty field name'],
    ['start start', 'names the field "start" twice'],
    ['version srcaddr dstaddr', 'no start field'],
    ['version account_id start', 'does not know: "account_id"'],
  ])('refuses %j: %s', (line, problem) => {
    const h = parseHeader(line);
    expect(h.ok).toBe(false);
    if (!h.ok) expect(h.problem).toContain(problem);
  });
});

describe('readFirstLine', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir('auditql-firstline-');
  });
  afterAll(() => removeDir(dir));

  it('reads the first line of plain and gzip files, without a newline at the end, and null for empty ones', async () => {
    const write = async (name: string, body: string | Buffer): Promise<string> => {
      await fsp.writeFile(path.join(dir, name), body);
      return path.join(dir, name);
    };
    const long = `${'x'.repeat(40_000)} tail`;
    expect(await readFirstLine(await write('a.log', 'first line\nsecond\n'))).toBe('first line');
    expect(await readFirstLine(await write('b.log.gz', gzipSync(`${long}\nnext`)))).toBe(long);
    expect(await readFirstLine(await write('c.log', 'only line'))).toBe('only line');
    expect(await readFirstLine(await write('d.log', ''))).toBeNull();
    await expect(readFirstLine(await write('e.log.gz', 'not gzip at all'))).rejects.toThrow();
  });
});

describe('listVpcFlowFiles', () => {
  let root: string;
  const window = { from: new Date('2026-11-30T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
  beforeAll(async () => {
    root = await tempDir('auditql-vpclist-');
    for (const key of [
      flowLogKey({ day: '2026/11/30', name: 'a.log.gz' }),
      flowLogKey({ day: '2026/11/30', org: 'o-abcdefghij', account: '222233334444', name: 'b.log' }),
      flowLogKey({ day: '2026/11/30', hive: true, name: 'c.parquet' }),
      flowLogKey({ day: '2026/11/30', hive: true, hour: '07', region: 'eu-west-1', name: 'd.log.gz' }),
      flowLogKey({ day: '2026/11/30', name: 'notes.txt' }),
      flowLogKey({ day: '2026/11/29', name: 'old.log.gz' }),
    ]) {
      await fsp.mkdir(path.dirname(path.join(root, key)), { recursive: true });
      await fsp.writeFile(path.join(root, key), 'x');
    }
  });
  afterAll(() => removeDir(root));

  it('lists text and Parquet files of the window in both layouts, with hour folders and organisation prefixes', async () => {
    const keys = (await listVpcFlowFiles(root, window)).map((f) => f.key);
    expect(keys).toEqual([
      'AWSLogs/111122223333/vpcflowlogs/us-east-1/2026/11/30/a.log.gz',
      'AWSLogs/o-abcdefghij/222233334444/vpcflowlogs/us-east-1/2026/11/30/b.log',
      'AWSLogs/aws-account-id=111122223333/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2026/month=11/day=30/hour=07/d.log.gz',
      'AWSLogs/aws-account-id=111122223333/aws-service=vpcflowlogs/aws-region=us-east-1/year=2026/month=11/day=30/c.parquet',
    ]);
    expect(keys.map(dayOfKey)).toEqual(['2026/11/30', '2026/11/30', '2026/11/30', '2026/11/30']);
    expect((await listVpcFlowFiles(root, window, { regions: ['eu-west-1'] })).map((f) => f.key)).toEqual([keys[2]]);
    expect((await listVpcFlowFiles(root, window, { accounts: ['222233334444'] })).map((f) => f.key)).toEqual([keys[1]]);
  });
});
