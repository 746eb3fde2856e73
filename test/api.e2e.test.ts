// The whole stack over HTTP: Fastify on an ephemeral loopback port, GraphQL posted with fetch, the
// real DuckDB engine over an archive the test writes. Bad input must fail before any engine work.
import 'reflect-metadata';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb.engine';
import { startServer } from '../src/server';
import { removeDir, tempDir, trailRecord, writeTrailFile } from './helpers/archive';

const WINDOW = { from: '2026-11-30T00:00:00Z', to: '2026-12-01T00:00:00Z' };
const BIG = 'x'.repeat(200_000);

let root: string;
let engine: DuckDbEngine;
let app: FastifyInstance;
let url: string;

async function post(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  root = await tempDir();
  const records = [];
  for (let i = 0; i < 7; i++) {
    records.push(trailRecord({ eventName: `Call${i}`, eventTime: `2026-11-30T1${i}:00:00Z`, sourceIPAddress: i % 2 ? '203.0.113.7' : '2001:db8::7' }));
  }
  records.push(trailRecord({ eventName: 'PutBucketPolicy', eventTime: '2026-11-30T18:00:00Z', requestParameters: { policy: BIG }, errorCode: 'AccessDenied', resources: [{ ARN: 'arn:aws:s3:::bucket-a', accountId: '111122223333', type: 'AWS::S3::Bucket' }] }));
  records.push(trailRecord({ eventName: 'ServiceEvent', eventTime: '2026-11-30T19:00:00Z', userIdentity: undefined, eventType: 'AwsServiceEvent', sourceIPAddress: 'ec2.amazonaws.com' }));
  await writeTrailFile(root, { day: '2026/11/30', records });
  engine = await DuckDbEngine.create({ archiveDir: root });
  app = await buildApp({ engine, config: loadConfig({ AUDITQL_MAX_WINDOW_DAYS: '31' }, { archiveDir: root }) });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  url = `${address}/graphql`;
});

afterAll(async () => {
  await app.close();
  await engine.close();
  await removeDir(root);
});

const EVENTS = `query($window: TimeWindow!, $filter: CloudTrailFilter, $first: Int, $after: String) {
  cloudTrailEvents(window: $window, filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { eventTime eventName sourceIpAddress errorCode requestParameters resources { arn accountId type } userIdentity { arn userName } } }
    pageInfo { hasNextPage endCursor }
    stats { engine executionId filesRead rowsMatched malformedRecords malformedFiles sql parameters }
  } }`;

describe('GraphQL over HTTP', () => {
  it('answers a filtered query with events, stats and the SQL it ran', async () => {
    const { status, body } = await post(EVENTS, { window: WINDOW, filter: { sourceIp: '203.0.113.0/24' } });
    expect(status).toBe(200);
    const c = body.data.cloudTrailEvents;
    expect(c.totalCount).toBe('4');
    expect(c.edges.map((e: any) => [e.node.eventName, e.node.sourceIpAddress])).toEqual([
      ['Call1', '203.0.113.7'],
      ['Call3', '203.0.113.7'],
      ['Call5', '203.0.113.7'],
      ['PutBucketPolicy', '203.0.113.10'],
    ]);
    expect(c.stats).toMatchObject({ engine: 'duckdb', filesRead: 1, rowsMatched: '4', malformedRecords: '0', malformedFiles: [] });
    expect(c.stats.sql).toContain("CASE WHEN strpos(sourceipaddress, ':') = 0 THEN contains(?, TRY_CAST(sourceipaddress AS IPADDRESS)) ELSE false END");
    // The day range reaches into 12/01: files sit in the folder of their delivery day.
    expect(c.stats.parameters).toEqual(['2026/11/30', '2026/12/01', '2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z', '203.0.113.0/24']);
  });

  it('matches IPv6 CIDRs and returns every instant in UTC', async () => {
    const { body } = await post(EVENTS, { window: { from: '2026-11-30T02:00:00+02:00', to: '2026-11-30T14:00:00+02:00' }, filter: { sourceIp: '2001:db8::/32' } });
    const nodes = body.data.cloudTrailEvents.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => [n.eventName, n.eventTime])).toEqual([
      ['Call0', '2026-11-30T10:00:00.000Z'],
    ]);
  });

  it('returns JSON columns whole and identity fields as null where the record has none', async () => {
    const { body } = await post(EVENTS, { window: WINDOW, filter: { eventNames: ['PutBucketPolicy', 'ServiceEvent'] } });
    const [put, svc] = body.data.cloudTrailEvents.edges.map((e: any) => e.node);
    expect(put.requestParameters.policy).toHaveLength(BIG.length);
    expect(put.resources).toEqual([{ arn: 'arn:aws:s3:::bucket-a', accountId: '111122223333', type: 'AWS::S3::Bucket' }]);
    expect(put.errorCode).toBe('AccessDenied');
    expect(svc.userIdentity).toBeNull();
  });

  it('pages with cursors from the first execution, never re-running the query', async () => {
    const before = engine.executions;
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { body }: { body: any } = await post(EVENTS, { window: WINDOW, first: 4, after });
      const c = body.data.cloudTrailEvents;
      names.push(...c.edges.map((e: any) => e.node.eventName));
      expect(c.totalCount).toBe('9');
      after = c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(names).toEqual(['Call0', 'Call1', 'Call2', 'Call3', 'Call4', 'Call5', 'Call6', 'PutBucketPolicy', 'ServiceEvent']);
    expect(engine.executions - before).toBe(1);
  });

  it('coalesces identical executions within one request', async () => {
    const before = engine.executions;
    const { body } = await post(`query($window: TimeWindow!) {
      a: cloudTrailEvents(window: $window, first: 1) { totalCount stats { executionId } }
      b: cloudTrailEvents(window: $window, first: 5) { totalCount stats { executionId } }
      c: cloudTrailEvents(window: $window, filter: { anyError: true }) { totalCount }
    }`, { window: WINDOW });
    expect(body.errors).toBeUndefined();
    expect(body.data.a.stats.executionId).toBe(body.data.b.stats.executionId);
    expect(body.data.c.totalCount).toBe('1');
    expect(engine.executions - before).toBe(2);
  });

  it('counts by group with the largest groups first, ties in key order (NULL last)', async () => {
    const { body } = await post(`query($window: TimeWindow!) { cloudTrailCounts(window: $window, groupBy: [ERROR_CODE, HOUR], top: 2) { groups { keys count } } }`, { window: WINDOW });
    expect(body.data.cloudTrailCounts.groups).toEqual([
      { keys: ['AccessDenied', '2026-11-30T18'], count: '1' },
      { keys: [null, '2026-11-30T10'], count: '1' },
    ]);
    const bySource = await post(`query($window: TimeWindow!) { cloudTrailCounts(window: $window, groupBy: [SOURCE_IP]) { groups { keys count } } }`, { window: WINDOW });
    expect(bySource.body.data.cloudTrailCounts.groups[0]).toEqual({ keys: ['2001:db8::7'], count: '4' });
  });
});

describe('bad input', () => {
  const cases: [string, string, Record<string, unknown>, RegExp][] = [
    ['an inverted window', EVENTS, { window: { from: WINDOW.to, to: WINDOW.from } }, /^window: from must be earlier than to/],
    ['a window longer than the maximum', EVENTS, { window: { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } }, /^window: must span at most 31 days/],
    ['an invalid CIDR', EVENTS, { window: WINDOW, filter: { sourceIp: '10.0.0.0/33' } }, /^filter\.sourceIp: CIDR prefix length must be 0 to 32/],
    ['a value that is no address', EVENTS, { window: WINDOW, filter: { sourceIp: "1.2.3.4' OR '1'='1" } }, /^filter\.sourceIp: must be an IPv4 or IPv6 address/],
    ['an empty list', EVENTS, { window: WINDOW, filter: { eventNames: [] } }, /^filter\.eventNames: must hold at least one value/],
    ['a malformed account id', EVENTS, { window: WINDOW, filter: { accounts: ['12345'] } }, /^filter\.accounts: must be a 12-digit AWS account id/],
    ['first above the maximum page size', EVENTS, { window: WINDOW, first: 1001 }, /^first: must be from 0 to 1000/],
    ['a cursor that is not one', EVENTS, { window: WINDOW, after: 'bm9wZQ' }, /^after: must be a cursor returned by this API/],
  ];

  it.each(cases)('rejects %s, naming the argument, before any engine work', async (_name, query, variables, message) => {
    const before = engine.executions;
    const { body } = await post(query, variables);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toMatch(message);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(engine.executions).toBe(before);
  });

  it('rejects an unparsable or zone-less DateTime with HTTP 400 naming the variable', async () => {
    for (const from of ['yesterday', '2026-11-30T00:00:00']) {
      const { status, body } = await post(EVENTS, { window: { from, to: WINDOW.to } });
      expect(status).toBe(400);
      expect(body.errors[0].message).toMatch(/\$window.*from.*DateTime must be an ISO-8601 instant with a time zone/);
    }
  });

  it('rejects a missing window', async () => {
    const { body } = await post(`{ cloudTrailEvents { totalCount } }`);
    expect(body.errors[0].message).toMatch(/argument "window" of type "TimeWindow!" is required/);
  });

  it('refuses a cursor used with another filter', async () => {
    const first = await post(EVENTS, { window: WINDOW, first: 1 });
    const { body } = await post(EVENTS, { window: WINDOW, first: 1, filter: { anyError: true }, after: first.body.data.cloudTrailEvents.pageInfo.endCursor });
    expect(body.errors[0].message).toMatch(/^after: this cursor belongs to a query with another window or filter/);
  });
});

describe('secure by default', () => {
  it('refuses to listen beyond loopback without authentication', async () => {
    await expect(startServer(loadConfig({}, { archiveDir: root, host: '0.0.0.0', port: 0 }))).rejects.toThrow(/refusing to listen on 0\.0\.0\.0 without authentication: set AUDITQL_API_TOKEN/);
  });

  it('requires the bearer token when one is configured', async () => {
    const secured = await buildApp({ engine, config: loadConfig({ AUDITQL_API_TOKEN: 's3cret' }, { archiveDir: root }) });
    try {
      const payload = { query: '{ __typename }' };
      const denied = await secured.inject({ method: 'POST', url: '/graphql', payload });
      expect(denied.statusCode).toBe(401);
      for (const url of ['/%67raphql', '/graph%71l', '/graphql/', '/GRAPHQL']) {
        const sneaky = await secured.inject({ method: 'POST', url, payload });
        expect([401, 404]).toContain(sneaky.statusCode);
        expect(sneaky.body).not.toContain('"__typename"');
      }
      const noScheme = await secured.inject({ method: 'POST', url: '/graphql', payload, headers: { authorization: 's3cret' } });
      expect(noScheme.statusCode).toBe(401);
      const viaGet = await secured.inject({ method: 'GET', url: '/graphql?query=%7B__typename%7D', headers: { accept: 'text/html', 'apollo-require-preflight': '1' } });
      expect(viaGet.statusCode).toBe(401);
      const page = await secured.inject({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('auditql explorer');
      const allowed = await secured.inject({ method: 'POST', url: '/graphql', payload, headers: { authorization: 'Bearer s3cret' } });
      expect(allowed.json()).toEqual({ data: { __typename: 'Query' } });
    } finally {
      await secured.close();
    }
  });
});

describe('limits and edges found by a hostile new user', () => {
  it('rejects an operation with too many root fields before any engine work', async () => {
    const before = engine.executions;
    const fields = Array.from({ length: 11 }, (_, i) => `a${i}: cloudTrailCounts(window: $window, groupBy: [EVENT_NAME], top: ${i + 1}) { groups { count } }`).join('\n');
    const { body } = await post(`query($window: TimeWindow!) { ${fields} }`, { window: WINDOW });
    expect(body.errors[0].message).toMatch(/^this operation asks for 11 root fields \(aliases included\); the limit is 10 \(AUDITQL_MAX_ROOT_FIELDS\)/);
    expect(engine.executions).toBe(before);
  });

  it('rejects dates that do not exist rather than rolling them over', async () => {
    const { status, body } = await post(EVENTS, { window: { from: '2026-02-30T00:00:00Z', to: WINDOW.to } });
    expect(status).toBe(400);
    expect(body.errors[0].message).toMatch(/DateTime must be an ISO-8601 instant/);
  });

  it('says by how much a window is too long', async () => {
    const { body } = await post(EVENTS, { window: { from: '2026-11-01T00:00:00Z', to: '2026-12-02T00:00:00.001Z' } });
    expect(body.errors[0].message).toBe('window: must span at most 31 days (AUDITQL_MAX_WINDOW_DAYS); got "31 days + 1 ms"');
  });

  it('rejects an empty cursor instead of starting over', async () => {
    const { body } = await post(EVENTS, { window: WINDOW, after: '' });
    expect(body.errors[0].message).toMatch(/^after: must be a cursor returned by this API/);
  });

  it('answers a body that is not JSON, and an unknown path, in GraphQL error shape', async () => {
    const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
    const missing = await fetch(url.replace('/graphql', '/nowhere'));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
