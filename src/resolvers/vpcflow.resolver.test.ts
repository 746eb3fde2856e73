// vpcFlowRecords and vpcFlowCounts through GraphQL (schema built from the resolvers, Apollo's
// executeOperation, the real DuckDB engine over files the test writes).
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'type-graphql';
import { removeDir, tempDir } from '../../test/helpers/archive';
import { v2Line, writeFlowFile } from '../../test/helpers/vpcflow-files';
import { AppContext } from '../context';
import { DuckDbEngine } from '../engine/duckdb/duckdb.engine';
import { createVpcFlowSource } from '../engine/duckdb/sources/vpcflow.source';
import { CloudTrailResolver } from './cloudtrail.resolver';
import { formatError } from './format-error';
import { VpcFlowResolver } from './vpcflow.resolver';
import { OperationResult, runOperation } from '../../test/helpers/operation';

const WINDOW = { from: '2026-11-30T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const T = (hhmm: string): number => Date.parse(`2026-11-30T${hhmm}:00Z`) / 1000;

let root: string;
let engine: DuckDbEngine;
let apollo: ApolloServer<AppContext>;
let badKey: string;

function run(query: string, variables: Record<string, unknown> = {}): Promise<OperationResult> {
  return runOperation(apollo, engine, root, query, { window: WINDOW, ...variables });
}

beforeAll(async () => {
  root = await tempDir('auditql-vpcflow-gql-');
  await writeFlowFile(root, {
    day: '2026/11/30',
    account: '679701687731',
    header: 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id flow-direction ecs-cluster-arn reject-reason',
    lines: [
      `5 679701687731 eni-0a1b2c3d4e5f67890 203.0.113.66 10.0.1.23 51000 22 6 3 180 ${T('10:00')} ${T('10:01')} REJECT OK vpc-0a11c3e5f7a9b1d3f ingress - BPA`,
      `5 679701687731 eni-0a1b2c3d4e5f67890 10.0.1.23 198.51.100.10 443 50000 6 4294967297 5000000000 ${T('10:05')} ${T('10:06')} ACCEPT OK vpc-0a11c3e5f7a9b1d3f egress arn:aws:ecs:us-east-1:679701687731:cluster/web -`,
      `5 679701687731 eni-0a1b2c3d4e5f67890 - - - - - - - ${T('10:10')} ${T('10:11')} - NODATA vpc-0a11c3e5f7a9b1d3f - - -`,
    ],
  });
  badKey = await writeFlowFile(root, { day: '2026/11/30', lines: [v2Line({ start: T('11:00') }), 'not a record'] });
  engine = await DuckDbEngine.create({ archiveDir: root, sources: [createVpcFlowSource()] });
  const schema = await buildSchema({ resolvers: [CloudTrailResolver, VpcFlowResolver], validate: false });
  apollo = new ApolloServer<AppContext>({ schema, formatError });
  await apollo.start();
});

afterAll(async () => {
  await apollo?.stop();
  await engine?.close();
  await removeDir(root);
});

const RECORDS = `query($window: TimeWindow!, $filter: VpcFlowFilter, $first: Int, $after: String, $order: SortOrder) {
  vpcFlowRecords(window: $window, filter: $filter, first: $first, after: $after, order: $order) {
    totalCount
    edges { cursor node { version accountId interfaceId srcAddr dstAddr srcPort dstPort protocol packets bytes start end action logStatus
      vpcId flowDirection ecsClusterArn rejectReason subnetId tcpFlags region account day sourceFile } }
    pageInfo { hasNextPage endCursor }
    stats { engine filesRead rowsMatched malformedRecords malformedFiles sql parameters }
  } }`;

describe('vpcFlowRecords', () => {
  it('returns records with the contract field names, instants in UTC and exact counters', async () => {
    const { data, errors } = await run(RECORDS, { first: 10 });
    expect(errors).toBeUndefined();
    const c = data.vpcFlowRecords;
    expect(c.totalCount).toBe('4');
    expect(c.edges[1].node).toEqual({
      version: 5,
      accountId: '679701687731',
      interfaceId: 'eni-0a1b2c3d4e5f67890',
      srcAddr: '10.0.1.23',
      dstAddr: '198.51.100.10',
      srcPort: 443,
      dstPort: 50000,
      protocol: 6,
      packets: '4294967297',
      bytes: '5000000000',
      start: '2026-11-30T10:05:00.000Z',
      end: '2026-11-30T10:06:00.000Z',
      action: 'ACCEPT',
      logStatus: 'OK',
      vpcId: 'vpc-0a11c3e5f7a9b1d3f',
      flowDirection: 'egress',
      ecsClusterArn: 'arn:aws:ecs:us-east-1:679701687731:cluster/web',
      rejectReason: null,
      subnetId: null,
      tcpFlags: null,
      region: 'us-east-1',
      account: '679701687731',
      day: '2026/11/30',
      sourceFile: expect.stringMatching(/^AWSLogs\/679701687731\/vpcflowlogs\/us-east-1\/2026\/11\/30\/679701687731_vpcflowlogs_us-east-1_fl-[0-9a-f]+_20261130T1200Z_\d+\.log\.gz$/),
    });
    expect(c.edges[2].node).toMatchObject({ logStatus: 'NODATA', srcAddr: null, packets: null, bytes: null, action: null, start: '2026-11-30T10:10:00.000Z' });
    expect(c.stats).toMatchObject({ engine: 'duckdb', filesRead: 2, malformedRecords: '1', malformedFiles: [badKey] });
  });

  it('pages through one execution with cursors', async () => {
    const first = await run(RECORDS, { first: 3, order: 'DESC' });
    expect(first.data.vpcFlowRecords.pageInfo.hasNextPage).toBe(true);
    const next = await run(RECORDS, { first: 3, order: 'DESC', after: first.data.vpcFlowRecords.pageInfo.endCursor });
    expect(next.data.vpcFlowRecords.edges.map((e: any) => e.node.start)).toEqual(['2026-11-30T10:00:00.000Z']);
    expect(next.data.vpcFlowRecords.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by a CIDR on either end and by action, with values as parameters', async () => {
    const { data } = await run(RECORDS, { filter: { address: '203.0.113.0/24', actions: ['REJECT'] } });
    expect(data.vpcFlowRecords.edges.map((e: any) => e.node.rejectReason)).toEqual(['BPA']);
    expect(data.vpcFlowRecords.stats.sql).toContain("CASE WHEN strpos(srcaddr, ':') = 0 THEN contains(?, TRY_CAST(srcaddr AS IPADDRESS)) ELSE false END");
    expect(data.vpcFlowRecords.stats.parameters.slice(4)).toEqual(['REJECT', '203.0.113.0/24', '203.0.113.0/24', '203.0.113.0/24', '203.0.113.0/24']);
  });

  it('refuses bad filter values before any engine work, naming the argument', async () => {
    const before = engine.executions;
    const bad = await run(RECORDS, { filter: { address: '10.0.0.300' } });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'filter.address' } });
    const action = await run(RECORDS, { filter: { actions: ['DROP'] } });
    expect(action.errors?.[0].message).toContain('filter.actions: must be ACCEPT or REJECT; got "DROP"');
    const port = await run(RECORDS, { filter: { ports: [70000] } });
    expect(port.errors?.[0].message).toContain('filter.ports: must be a port number from 0 to 65535; got 70000');
    expect(engine.executions).toBe(before);
  });
});

describe('vpcFlowCounts', () => {
  it('counts by the contract group-bys, largest first', async () => {
    const q = `query($window: TimeWindow!, $groupBy: [VpcFlowGroupBy!]!) { vpcFlowCounts(window: $window, groupBy: $groupBy) { groups { keys count } stats { rowsMatched } } }`;
    const { data, errors } = await run(q, { groupBy: ['LOG_STATUS', 'ACTION'] });
    expect(errors).toBeUndefined();
    expect(data.vpcFlowCounts.groups).toEqual([
      { keys: ['OK', 'ACCEPT'], count: '2' },
      { keys: ['NODATA', null], count: '1' },
      { keys: ['OK', 'REJECT'], count: '1' },
    ]);
    const byDir = await run(q, { groupBy: ['FLOW_DIRECTION', 'VPC_ID', 'DST_PORT', 'HOUR'] });
    expect(byDir.data.vpcFlowCounts.groups[0]).toEqual({ keys: ['egress', 'vpc-0a11c3e5f7a9b1d3f', '50000', '2026-11-30T10'], count: '1' });
  });
});
