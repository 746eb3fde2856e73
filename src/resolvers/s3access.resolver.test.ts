// The S3 access log resolvers through GraphQL: a schema built with the CloudTrail and S3 access
// resolvers, run with Apollo's executeOperation over the real DuckDB engine and an archive the test
// writes. Checks the contract's names, the value mapping (nulls for `-`, BigInt numbers, UTC
// instants, quoted text), paging from one execution, counts, and bad input refused before any engine work.
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { removeDir, tempDir } from '../../test/helpers/archive';
import { OWNER, s3Line, writeS3LogObject } from '../../test/helpers/s3access-archive';
import { DuckDbEngine } from '../engine/duckdb/duckdb.engine';
import { s3AccessSource } from '../engine/duckdb/sources/s3access.source';
import { CloudTrailResolver } from './cloudtrail.resolver';
import { formatError } from './format-error';
import { S3AccessResolver } from './s3access.resolver';
import { s3TimeToIso } from './s3access.mapper';
import type { AppContext } from '../context';
import { OperationResult, runOperation } from '../../test/helpers/operation';

const WINDOW = { from: '2026-11-30T00:00:00Z', to: '2026-12-01T00:00:00Z' };

let root: string;
let engine: DuckDbEngine;
let schema: GraphQLSchema;
let apollo: ApolloServer<AppContext>;
let malformedKey: string;

function run(query: string, variables: Record<string, unknown> = {}): Promise<OperationResult> {
  return runOperation(apollo, engine, root, query, { window: WINDOW, ...variables });
}

beforeAll(async () => {
  root = await tempDir('auditql-s3-gql-');
  malformedKey = await writeS3LogObject(root, {
    delivered: '2026-11-30T12:30:00Z',
    lines: [
      s3Line({ requestid: 'R1', time: '[30/Nov/2026:10:00:00 +0000]', accesspointarn: 'arn:aws:s3:us-east-1:111122223333:accesspoint/ap', aclrequired: 'Yes', bytessent: '9007199254740993' }),
      s3Line({ requestid: 'R2', time: '[30/Nov/2026:11:00:00 +0000]', remoteip: '-', requester: '-', requestUri: '"-"', status: '403', errorcode: 'AccessDenied', bytessent: '-', objectsize: '-', totaltime: '-', turnaround: '-', useragent: '"curl/8 \\"x\\""', sigv: '-', tls: '-' }),
      'not a log line',
      s3Line({ requestid: 'R3', time: '[30/Nov/2026:12:00:00 +0000]', operation: 'REST.PUT.OBJECT', key: 'a+b/c.txt' }, 18),
    ],
  });
  await writeS3LogObject(root, {
    delivered: '2026-11-30T13:00:00Z',
    dateBased: { account: '679701687731', region: 'us-east-1', bucket: 'orders' },
    lines: [s3Line({ requestid: 'R4', bucket: 'orders', time: '[30/Nov/2026:12:59:00 +0000]', remoteip: '2001:db8::7' })],
  });
  engine = await DuckDbEngine.create({ archiveDir: root, sources: [s3AccessSource] });
  schema = await buildSchema({ resolvers: [CloudTrailResolver, S3AccessResolver], validate: false });
  apollo = new ApolloServer<AppContext>({ schema, formatError, includeStacktraceInErrorResponses: false });
  await apollo.start();
});

afterAll(async () => {
  await apollo?.stop();
  await engine?.close();
  await removeDir(root);
});

const FIELDS = `bucketOwner bucketName requestTime remoteIp requester requestId operation key requestUri httpStatus errorCode
  bytesSent objectSize totalTimeMs turnAroundTimeMs referrer userAgent versionId hostId signatureVersion cipherSuite authType
  hostHeader tlsVersion accessPointArn aclRequired sourceRegion sourceFile`;

const REQUESTS = `query($window: TimeWindow!, $filter: S3AccessFilter, $first: Int, $after: String, $order: SortOrder) {
  s3AccessRequests(window: $window, filter: $filter, first: $first, after: $after, order: $order) {
    totalCount
    edges { cursor node { ${FIELDS} } }
    pageInfo { hasNextPage endCursor }
    stats { engine executionId filesRead rowsMatched malformedRecords malformedFiles sql parameters }
  } }`;

describe('the S3 access log API', () => {
  it('has exactly the contract fields, filter, group-bys and arguments', () => {
    const request = schema.getType('S3AccessRequest') as GraphQLObjectType;
    expect(Object.keys(request.getFields()).sort()).toEqual(FIELDS.split(/\s+/).filter(Boolean).sort());
    const filter = schema.getType('S3AccessFilter') as GraphQLInputObjectType;
    expect(Object.keys(filter.getFields())).toEqual(['buckets', 'keyPrefix', 'operations', 'requester', 'remoteIp', 'httpStatuses', 'errorCodes', 'accounts', 'regions']);
    const groupBy = schema.getType('S3AccessGroupBy') as GraphQLEnumType;
    expect(groupBy.getValues().map((v) => v.name)).toEqual(['BUCKET', 'OPERATION', 'REQUESTER', 'REMOTE_IP', 'HTTP_STATUS', 'ERROR_CODE', 'KEY', 'USER_AGENT', 'TLS_VERSION', 'DAY', 'HOUR']);
    const query = schema.getQueryType()!.getFields();
    expect(query.s3AccessRequests!.args.map((a) => a.name)).toEqual(['window', 'filter', 'first', 'after', 'order']);
    expect(query.s3AccessCounts!.args.map((a) => a.name)).toEqual(['window', 'filter', 'groupBy', 'top']);
    expect(String(query.s3AccessRequests!.type)).toBe('S3AccessRequestConnection!');
  });

  it('returns every field mapped, with - as null and the malformed line reported', async () => {
    const res = await run(REQUESTS);
    expect(res.errors).toBeUndefined();
    const c = res.data.s3AccessRequests;
    expect(c.totalCount).toBe('4');
    expect(c.stats).toMatchObject({ engine: 'duckdb', filesRead: 2, rowsMatched: '4', malformedRecords: '1', malformedFiles: [malformedKey] });
    const [r1, r2, r3, r4] = c.edges.map((e: { node: unknown }) => e.node);
    expect(r1).toEqual({
      bucketOwner: OWNER,
      bucketName: 'amzn-s3-demo-bucket1',
      requestTime: '2026-11-30T10:00:00.000Z',
      remoteIp: '192.0.2.3',
      requester: 'arn:aws:iam::111122223333:user/alice',
      requestId: 'R1',
      operation: 'REST.GET.OBJECT',
      key: 'photos/2026/cat.jpg',
      requestUri: 'GET /photos/2026/cat.jpg HTTP/1.1',
      httpStatus: 200,
      errorCode: null,
      bytesSent: '9007199254740993',
      objectSize: '3462992',
      totalTimeMs: '70',
      turnAroundTimeMs: '10',
      referrer: null,
      userAgent: 'S3Console/0.4',
      versionId: null,
      hostId: 's9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234=',
      signatureVersion: 'SigV4',
      cipherSuite: 'ECDHE-RSA-AES128-GCM-SHA256',
      authType: 'AuthHeader',
      hostHeader: 'amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com',
      tlsVersion: 'TLSv1.2',
      accessPointArn: 'arn:aws:s3:us-east-1:111122223333:accesspoint/ap',
      aclRequired: true,
      sourceRegion: 'us-east-1',
      sourceFile: malformedKey,
    });
    expect(r2).toMatchObject({ requestId: 'R2', remoteIp: null, requester: null, requestUri: null, httpStatus: 403, errorCode: 'AccessDenied', bytesSent: null, objectSize: null, totalTimeMs: null, turnAroundTimeMs: null, userAgent: 'curl/8 \\"x\\"', signatureVersion: null, tlsVersion: null, aclRequired: null });
    // An 18-field line: everything after versionid is null.
    expect(r3).toMatchObject({ requestId: 'R3', operation: 'REST.PUT.OBJECT', key: 'a+b/c.txt', hostId: null, tlsVersion: null, sourceRegion: null });
    expect(r4).toMatchObject({ requestId: 'R4', bucketName: 'orders', remoteIp: '2001:db8::7', sourceFile: expect.stringMatching(/^s3-access-logs\/679701687731\/us-east-1\/orders\/2026\/11\/30\//) });
  });

  it('pages from one execution and orders by request time', async () => {
    const before = engine.executions;
    const first = await run(REQUESTS, { first: 3, order: 'DESC' });
    expect(first.data.s3AccessRequests.edges.map((e: { node: { requestId: string } }) => e.node.requestId)).toEqual(['R4', 'R3', 'R2']);
    expect(first.data.s3AccessRequests.pageInfo.hasNextPage).toBe(true);
    const next = await run(REQUESTS, { first: 3, order: 'DESC', after: first.data.s3AccessRequests.pageInfo.endCursor });
    expect(next.data.s3AccessRequests.edges.map((e: { node: { requestId: string } }) => e.node.requestId)).toEqual(['R1']);
    expect(next.data.s3AccessRequests.pageInfo.hasNextPage).toBe(false);
    expect(engine.executions).toBe(before + 1);
  });

  it('filters by address family safely and by status', async () => {
    const v6 = await run(REQUESTS, { filter: { remoteIp: '2001:db8::/32' } });
    expect(v6.data.s3AccessRequests.edges.map((e: { node: { requestId: string } }) => e.node.requestId)).toEqual(['R4']);
    const denied = await run(REQUESTS, { filter: { httpStatuses: [403], errorCodes: ['AccessDenied'] } });
    expect(denied.data.s3AccessRequests.totalCount).toBe('1');
    expect(denied.data.s3AccessRequests.stats.parameters).toEqual(['2026/11/30', '2026/12/01', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '403', 'AccessDenied']);
  });

  it('counts by the contract group-bys', async () => {
    const res = await run(`query($window: TimeWindow!) { s3AccessCounts(window: $window, groupBy: [HTTP_STATUS, DAY], top: 5) { groups { keys count } stats { malformedRecords } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.s3AccessCounts.groups).toEqual([
      { keys: ['200', '2026-11-30'], count: '3' },
      { keys: ['403', '2026-11-30'], count: '1' },
    ]);
  });

  it.each([
    ['a bad CIDR', { filter: { remoteIp: '10.0.0.1/8' } }, 'filter.remoteIp'],
    ['a status out of range', { filter: { httpStatuses: [42] } }, 'filter.httpStatuses'],
    ['an account that is not 12 digits', { filter: { accounts: ['123'] } }, 'filter.accounts'],
    ['a window that ends before it starts', { window: { from: '2026-12-01T00:00:00Z', to: '2026-11-30T00:00:00Z' } }, 'window'],
  ])('refuses %s before any engine work', async (_name, variables, argument) => {
    const before = engine.executions;
    const res = await run(REQUESTS, variables);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(engine.executions).toBe(before);
  });
});

describe('s3TimeToIso', () => {
  it.each([
    ['06/Feb/2019:00:00:38 +0000', '2019-02-06T00:00:38.000Z'],
    ['06/Feb/2019:02:00:38 +0200', '2019-02-06T00:00:38.000Z'],
    ['31/Dec/2026:23:59:59 -0100', '2027-01-01T00:59:59.000Z'],
  ])('reads %s as %s', (input, iso) => expect(s3TimeToIso(input)).toBe(iso));

  it.each(['[06/Feb/2019:00:00:38 +0000]', '06/Foo/2019:00:00:38 +0000', '2019-02-06T00:00:38Z', ''])('refuses %j', (input) => {
    expect(() => s3TimeToIso(input)).toThrow(/not an S3 access log time/);
  });
});
