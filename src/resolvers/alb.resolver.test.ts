// The ALB resolvers through GraphQL: a schema built with the CloudTrail and ALB resolvers, run with
// Apollo's executeOperation over the real DuckDB engine and an archive the test writes. Checks the
// contract's names, the value mapping (nulls for `-`, -1 timings, BigInt bytes, lists, UTC
// instants), paging from one execution, counts, and bad input refused before any engine work.
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { albLine, writeAlbFile } from '../../test/helpers/alb-archive';
import { removeDir, tempDir } from '../../test/helpers/archive';
import { DuckDbEngine } from '../engine/duckdb/duckdb.engine';
import { albSource } from '../engine/duckdb/sources/alb.source';
import { AlbResolver } from './alb.resolver';
import { CloudTrailResolver } from './cloudtrail.resolver';
import { formatError } from './format-error';
import type { AppContext } from '../context';
import { OperationResult, runOperation } from '../../test/helpers/operation';

const WINDOW = { from: '2026-11-30T00:00:00Z', to: '2026-12-01T00:00:00Z' };

let root: string;
let engine: DuckDbEngine;
let schema: GraphQLSchema;
let apollo: ApolloServer<AppContext>;

function run(query: string, variables: Record<string, unknown> = {}): Promise<OperationResult> {
  return runOperation(apollo, engine, root, query, { window: WINDOW, ...variables });
}

beforeAll(async () => {
  root = await tempDir('auditql-alb-gql-');
  await writeAlbFile(root, {
    day: '2026/11/30',
    lines: [
      albLine({ time: '2026-11-30T10:00:00.123456Z', tail: '"transformed.example.com" "https://transformed.example.com/index.html" "TransformSuccess"' }),
      albLine({ time: '2026-11-30T11:00:00.000000Z', client: '[2001:db8::7]:443', target: '-', request: '"- - -"', elbStatus: '400' })
        .replace('0.086 0.048 0.037', '-1 -1 -1')
        .replace(' 200 0 57 ', ' - 9007199254740993 57 ')
        .replace('"authenticate,forward"', '"-"')
        .replace('"10.0.0.1:80" "200"', '"-" "-"'),
      albLine({ time: '2026-11-30T12:00:00.000000Z', client: '203.0.113.9:1234' }),
    ],
  });
  engine = await DuckDbEngine.create({ archiveDir: root, sources: [albSource] });
  schema = await buildSchema({ resolvers: [CloudTrailResolver, AlbResolver], validate: false });
  apollo = new ApolloServer<AppContext>({ schema, formatError, includeStacktraceInErrorResponses: false });
  await apollo.start();
});

afterAll(async () => {
  await apollo?.stop();
  await engine?.close();
  await removeDir(root);
});

const REQUESTS = `query($window: TimeWindow!, $filter: AlbFilter, $first: Int, $after: String) {
  albRequests(window: $window, filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node {
      type time elb clientIp clientPort targetIp targetPort requestProcessingTime targetProcessingTime responseProcessingTime
      elbStatusCode targetStatusCode receivedBytes sentBytes requestVerb requestUrl requestProto userAgent sslCipher sslProtocol
      targetGroupArn traceId domainName chosenCertArn matchedRulePriority requestCreationTime actionsExecuted redirectUrl errorReason
      targetPortList targetStatusCodeList classification classificationReason connTraceId transformedHost transformedUri
      requestTransformStatus account region sourceFile } }
    pageInfo { hasNextPage endCursor }
    stats { engine filesRead rowsMatched malformedRecords malformedFiles sql parameters }
  } }`;

describe('albRequests and albCounts', () => {
  it('has the contract\'s names', () => {
    const query = schema.getQueryType()!.getFields();
    expect(query.albRequests!.args.map((a) => `${a.name}: ${String(a.type)}`).slice(0, 4)).toEqual(['window: TimeWindow!', 'filter: AlbFilter', 'first: Int', 'after: String']);
    expect(query.albCounts!.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['window: TimeWindow!', 'filter: AlbFilter', 'groupBy: [AlbGroupBy!]!', 'top: Int']);
    const fields = Object.keys((schema.getType('AlbRequest') as GraphQLObjectType).getFields());
    expect(fields).toEqual(
      expect.arrayContaining(
        `type time elb clientIp clientPort targetIp targetPort requestProcessingTime targetProcessingTime responseProcessingTime elbStatusCode
        targetStatusCode receivedBytes sentBytes requestVerb requestUrl requestProto userAgent sslCipher sslProtocol targetGroupArn traceId
        domainName chosenCertArn matchedRulePriority requestCreationTime actionsExecuted redirectUrl errorReason targetPortList
        targetStatusCodeList classification classificationReason connTraceId transformedHost transformedUri requestTransformStatus sourceFile`.split(/\s+/),
      ),
    );
    const filter = Object.keys((schema.getType('AlbFilter') as GraphQLInputObjectType).getFields());
    expect(filter).toEqual(expect.arrayContaining(['loadBalancers', 'clientIp', 'elbStatusCodes', 'targetStatusCodes', 'verbs', 'urlContains', 'domains', 'sslProtocols', 'userAgentContains', 'types', 'accounts', 'regions']));
    const groupBy = (schema.getType('AlbGroupBy') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(groupBy).toEqual(expect.arrayContaining(['ELB', 'CLIENT_IP', 'ELB_STATUS_CODE', 'TARGET_STATUS_CODE', 'VERB', 'DOMAIN', 'SSL_PROTOCOL', 'USER_AGENT', 'TYPE', 'URL', 'DAY', 'HOUR']));
  });

  it('maps a full entry, and an unfinished request with `-` values and -1 timings', async () => {
    const { data, errors } = await run(REQUESTS, { first: 2 });
    expect(errors).toBeUndefined();
    const [full, broken] = data.albRequests.edges.map((e: { node: unknown }) => e.node);
    expect(full).toMatchObject({
      type: 'https',
      time: '2026-11-30T10:00:00.123Z',
      elb: 'app/my-loadbalancer/50dc6c495c0c9188',
      clientIp: '192.168.131.39',
      clientPort: 2817,
      targetIp: '10.0.0.1',
      targetPort: 80,
      requestProcessingTime: 0.086,
      elbStatusCode: 200,
      targetStatusCode: 200,
      receivedBytes: '0',
      sentBytes: '57',
      requestVerb: 'GET',
      requestUrl: 'https://www.example.com:443/',
      requestProto: 'HTTP/1.1',
      sslProtocol: 'TLSv1.2',
      domainName: 'www.example.com',
      matchedRulePriority: 1,
      requestCreationTime: '2026-11-30T10:00:00.000Z',
      actionsExecuted: ['authenticate', 'forward'],
      redirectUrl: null,
      errorReason: null,
      targetPortList: ['10.0.0.1:80'],
      targetStatusCodeList: ['200'],
      connTraceId: 'TID_1234abcd5678ef90',
      transformedHost: 'transformed.example.com',
      transformedUri: 'https://transformed.example.com/index.html',
      requestTransformStatus: 'TransformSuccess',
      account: '111122223333',
      region: 'us-east-1',
    });
    expect(full.sourceFile).toMatch(/^AWSLogs\/111122223333\/elasticloadbalancing\/us-east-1\/2026\/11\/30\/.*_app\.my-loadbalancer\.50dc6c495c0c9188_.*\.log\.gz$/);
    expect(broken).toMatchObject({
      clientIp: '2001:db8::7',
      clientPort: 443,
      targetIp: null,
      targetPort: null,
      requestProcessingTime: -1,
      targetProcessingTime: -1,
      responseProcessingTime: -1,
      elbStatusCode: 400,
      targetStatusCode: null,
      receivedBytes: '9007199254740993',
      requestVerb: null,
      requestUrl: null,
      requestProto: null,
      actionsExecuted: null,
      targetPortList: null,
      targetStatusCodeList: null,
      transformedHost: null,
    });
    expect(data.albRequests.totalCount).toBe('3');
    expect(data.albRequests.stats).toMatchObject({ engine: 'duckdb', filesRead: 1, rowsMatched: '3', malformedRecords: '0', malformedFiles: [] });
    expect(data.albRequests.stats.sql).toContain('FROM alb_logs');
  });

  it('pages from the first execution with the cursor', async () => {
    const first = await run(REQUESTS, { first: 2 });
    const before = engine.executions;
    const next = await run(REQUESTS, { first: 2, after: first.data.albRequests.pageInfo.endCursor });
    expect(next.data.albRequests.edges.map((e: { node: { clientIp: string } }) => e.node.clientIp)).toEqual(['203.0.113.9']);
    expect(next.data.albRequests.pageInfo.hasNextPage).toBe(false);
    expect(engine.executions).toBe(before);
  });

  it('filters by a CIDR and counts by group', async () => {
    const filtered = await run(REQUESTS, { filter: { clientIp: '203.0.113.0/24', elbStatusCodes: [200] } });
    expect(filtered.data.albRequests.edges.map((e: { node: { clientIp: string } }) => e.node.clientIp)).toEqual(['203.0.113.9']);
    expect(filtered.data.albRequests.stats.parameters).toEqual(['2026/11/30', '2026/12/01', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '203.0.113.0/24', '200']);
    const counts = await run(`query($window: TimeWindow!) { albCounts(window: $window, groupBy: [ELB_STATUS_CODE, TYPE]) { groups { keys count } stats { rowsMatched } } }`);
    expect(counts.errors).toBeUndefined();
    expect(counts.data.albCounts.groups).toEqual([
      { keys: ['200', 'https'], count: '2' },
      { keys: ['400', 'https'], count: '1' },
    ]);
  });

  it('refuses bad input before any engine work, naming the argument', async () => {
    const before = engine.executions;
    const bad = await run(REQUESTS, { filter: { clientIp: 'not-an-ip' } });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'filter.clientIp' } });
    const badCode = await run(REQUESTS, { filter: { elbStatusCodes: [1000] } });
    expect(badCode.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'filter.elbStatusCodes' } });
    expect(engine.executions).toBe(before);
  });
});
