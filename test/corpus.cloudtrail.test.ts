// The API over the real CloudTrail files of the invictus-ir dataset (../shared/corpus), laid into a
// temporary archive in the bucket layout. Every expected value can be checked with jq on the same
// files; the command is beside each assertion (R = `cat *.json | jq -c '.Records[]'`).
import 'reflect-metadata';
import { createContext } from '../src/context';
import { loadConfig } from '../src/config';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb.engine';
import { createApollo } from '../src/apollo';
import { corpusArchive, corpusHas, removeDir } from './helpers/archive';

const HAVE_CORPUS = corpusHas('cloudtrail/invictus-ir-aws_dataset');
if (!HAVE_CORPUS) console.warn('corpus.cloudtrail: ../shared/corpus/cloudtrail/invictus-ir-aws_dataset is absent; the real-input tests are skipped');
const describeCorpus = HAVE_CORPUS ? describe : describe.skip;

const WINDOW = { from: '2023-07-10T00:00:00Z', to: '2023-07-11T00:00:00Z' };

let root: string | null = null;
let engine: DuckDbEngine;


async function run(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const apollo = await createApollo();
  await apollo.start();
  const config = loadConfig({}, { archiveDir: root ?? '.' });
  const res = await apollo.executeOperation({ query, variables: { window: WINDOW, ...variables } }, { contextValue: createContext({ engine, config }) });
  await apollo.stop();
  if (res.body.kind !== 'single') throw new Error('unexpected incremental result');
  expect(res.body.singleResult.errors).toBeUndefined();
  return res.body.singleResult.data as Record<string, any>;
}

describeCorpus('CloudTrail over the real invictus-ir corpus', () => {
  beforeAll(async () => {
    root = await corpusArchive();
    engine = await DuckDbEngine.create({ archiveDir: root! });
  });

  afterAll(async () => {
    await engine?.close();
    await removeDir(root);
  });

  it('counts every event, reads every file and skips nothing', async () => {
    // R | wc -l  -> 2900 ; ls *.json | wc -l -> 55
    const d = await run(`query($window: TimeWindow!) { cloudTrailEvents(window: $window, first: 1) { totalCount stats { filesRead malformedRecords malformedFiles } } }`);
    expect(d.cloudTrailEvents.totalCount).toBe('2900');
    expect(d.cloudTrailEvents.stats).toEqual({ filesRead: 55, malformedRecords: '0', malformedFiles: [] });
  });

  it('counts events per event name', async () => {
    // R | jq -r .eventName | sort | uniq -c | sort -rn | head -3
    const d = await run(`query($window: TimeWindow!) { cloudTrailCounts(window: $window, groupBy: [EVENT_NAME], top: 3) { groups { keys count } } }`);
    expect(d.cloudTrailCounts.groups).toEqual([
      { keys: ['Decrypt'], count: '178' },
      { keys: ['DescribeRouteTables'], count: '163' },
      { keys: ['GetUser'], count: '130' },
    ]);
  });

  it('counts events per error code', async () => {
    // R | jq -r '.errorCode // "null"' | sort | uniq -c | sort -rn | head -5
    const d = await run(`query($window: TimeWindow!) { cloudTrailCounts(window: $window, groupBy: [ERROR_CODE], top: 5) { groups { keys count } } }`);
    expect(d.cloudTrailCounts.groups).toEqual([
      { keys: [null], count: '2600' },
      { keys: ['ThrottlingException'], count: '102' },
      { keys: ['Client.UnauthorizedOperation'], count: '44' },
      { keys: ['AccessDenied'], count: '16' },
      { keys: ['NoSuchBucketPolicy'], count: '14' },
    ]);
    // R | jq -c 'select(.errorCode != null)' | wc -l -> 300
    const errors = await run(`query($window: TimeWindow!) { cloudTrailEvents(window: $window, filter: {anyError: true}, first: 0) { totalCount } }`);
    expect(errors.cloudTrailEvents.totalCount).toBe('300');
  });

  it('finds the console sign-in without MFA, with its time and source IP', async () => {
    // R | jq -c 'select(.eventName=="ConsoleLogin") | {eventTime, sourceIPAddress, mfa: .additionalEventData.MFAUsed}'
    const d = await run(`query($window: TimeWindow!) { cloudTrailEvents(window: $window, filter: {eventNames: ["ConsoleLogin"]}) {
      totalCount edges { node { eventTime sourceIpAddress additionalEventData responseElements userIdentity { arn } } } } }`);
    expect(d.cloudTrailEvents.totalCount).toBe('2');
    const noMfa = d.cloudTrailEvents.edges.map((e: any) => e.node).filter((n: any) => n.additionalEventData.MFAUsed === 'No');
    expect(noMfa).toEqual([
      {
        eventTime: '2023-07-10T12:23:15.000Z',
        sourceIpAddress: '192.168.10.20',
        additionalEventData: expect.objectContaining({ MFAUsed: 'No' }),
        responseElements: { ConsoleLogin: 'Success' },
        userIdentity: { arn: 'arn:aws:iam::123837392027:user/stratus-red-team-nmfalu-gfjyeaypjt' },
      },
    ]);
  });

  it('names the principal with the most events', async () => {
    // R | jq -r '.userIdentity.arn // "null"' | sort | uniq -c | sort -rn | head -1
    const d = await run(`query($window: TimeWindow!) { cloudTrailCounts(window: $window, groupBy: [PRINCIPAL_ARN], top: 1) { groups { keys count } } }`);
    expect(d.cloudTrailCounts.groups).toEqual([{ keys: ['arn:aws:iam::123837392027:user/analyst-one'], count: '2641' }]);
  });

  it('returns the first and last event times', async () => {
    // R | jq -r .eventTime | sort | sed -n '1p;$p'
    const q = `query($window: TimeWindow!, $order: SortOrder!) { cloudTrailEvents(window: $window, first: 1, order: $order) { edges { node { eventTime sourceFile } } } }`;
    const first = await run(q, { order: 'ASC' });
    const last = await run(q, { order: 'DESC' });
    expect(first.cloudTrailEvents.edges[0].node.eventTime).toBe('2023-07-10T11:42:18.000Z');
    expect(last.cloudTrailEvents.edges[0].node.eventTime).toBe('2023-07-10T12:37:50.000Z');
    expect(first.cloudTrailEvents.edges[0].node.sourceFile).toMatch(/^AWSLogs\/218007301253\/CloudTrail\/us-east-1\/2023\/07\/10\/218007301253_CloudTrail_us-east-1_20230710T\d{4}Z_\w+\.json$/);
  });

  it('filters by a CIDR block and by event type', async () => {
    // R | jq -r .sourceIPAddress | grep -c '^192\.168\.'  -> 2154
    const d = await run(`query($window: TimeWindow!) { cloudTrailEvents(window: $window, filter: {sourceIp: "192.168.0.0/16"}, first: 0) { totalCount } }`);
    expect(d.cloudTrailEvents.totalCount).toBe('2154');
    // R | jq -r .eventType | sort | uniq -c  -> 42 AwsServiceEvent
    const s = await run(`query($window: TimeWindow!) { cloudTrailEvents(window: $window, filter: {eventTypes: ["AwsServiceEvent"]}, first: 0) { totalCount } }`);
    expect(s.cloudTrailEvents.totalCount).toBe('42');
  });
});
