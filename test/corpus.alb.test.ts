// Conformance of the ALB reader with the shared corpus (../shared/corpus/alb, see its SOURCES.md):
// every sample is laid into a temporary archive in the bucket layout (one account folder per source,
// so each source's stats stand alone), read through the DuckDB engine and the GraphQL mapper, and
// compared with each peer's expected values mapped by meaning: Elastic's *-expected.json (lines 1–2),
// OpenTelemetry's expected YAML (3 records) and Vector's VRL test cases and documented examples.
// Prints the pass rate per source. A difference is either listed below as deliberate, with its
// reason, or it fails the test. Corpus files are read in place, never copied into the repository.
import { existsSync, promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb.engine';
import { albSource } from '../src/engine/duckdb/sources/alb.source';
import { albRequestsPlan } from '../src/query/alb.planner';
import { albRequestFromRow } from '../src/resolvers/alb.mapper';
import type { AlbRequest } from '../src/schema/alb/alb-request.type';
import { CORPUS_DIR, removeDir, tempDir } from './helpers/archive';

const ALB = path.join(CORPUS_DIR, 'alb');
const HAVE = existsSync(ALB);
if (!HAVE) console.warn(`corpus.alb: ${ALB} is absent; the ALB conformance tests are skipped`);
const d = HAVE ? describe : describe.skip;

const WINDOW = { from: new Date('2018-01-01T00:00:00Z'), to: new Date('2026-01-01T00:00:00Z') };
const ACCOUNT = {
  elastic: '100000000001',
  beats: '100000000002',
  otel: '100000000003',
  vector: '100000000004',
  grafana: '100000000005',
  /** Elastic's NLB and connection-log lines, filed as AWS delivers those logs. */
  routed: '100000000006',
} as const;
type Source = keyof typeof ACCOUNT;

// ---- laying the samples out ---------------------------------------------------------------------

let root: string;
let engine: DuckDbEngine;
let serial = 0;

/** Writes lines as one file named like an ALB (or NLB, or connection) log of the first line's day. */
async function lay(source: Source, lines: readonly string[] | Buffer, kind: 'app' | 'net' | 'conn_log' = 'app', day?: string): Promise<string> {
  const text = Buffer.isBuffer(lines) ? '' : lines.join('\n');
  const first = day ?? /(\d{4})-(\d{2})-(\d{2})T/.exec(text)?.slice(1, 4).join('/') ?? '2018/07/02';
  const account = ACCOUNT[source];
  const stamp = `${first.replace(/\//g, '')}T0000Z`;
  const id = `c${String(serial++).padStart(7, '0')}`;
  const base = `${account}_elasticloadbalancing_us-east-1_${kind === 'net' ? 'net' : 'app'}.corpus.0123456789abcdef_${stamp}${kind === 'net' ? '' : '_10.0.0.1'}_${id}.log${Buffer.isBuffer(lines) ? '.gz' : ''}`;
  const name = kind === 'conn_log' ? `conn_log.${base}` : base;
  const key = `AWSLogs/${account}/elasticloadbalancing/us-east-1/${first}/${name}`;
  await fsp.mkdir(path.dirname(path.join(root, key)), { recursive: true });
  await fsp.writeFile(path.join(root, key), Buffer.isBuffer(lines) ? lines : text);
  return key;
}

const read = (relative: string): string => readFileSync(path.join(ALB, relative), 'utf8');
const linesOf = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

interface VectorCase {
  name: string;
  line: string;
  want: Record<string, unknown>;
}

function vectorCases(): VectorCase[] {
  const tests = JSON.parse(read('vector-vrl/parse_aws_alb_log.test_cases.json')) as { cases: { name: string; args: { value: string }; want: Record<string, unknown> }[] };
  const docs = JSON.parse(read('vector-vrl/parse_aws_alb_log.docs.json')) as { examples: { title: string; source: string; return: Record<string, unknown> }[] };
  return [
    ...tests.cases.map((c) => ({ name: `case ${c.name}`, line: c.args.value, want: c.want })),
    // The documented examples hold their line as a VRL string literal, whose escapes are JSON's.
    ...docs.examples.map((e) => ({ name: `docs "${e.title}"`, line: JSON.parse(/parse_aws_alb_log!\(\s*("(?:[^"\\]|\\.)*")/.exec(e.source)![1]!) as string, want: e.return })),
  ];
}

/**
 * OpenTelemetry's expected YAML, read with a parser for exactly its shape (resource attributes, then
 * log records of key/value attributes, arrays of strings, and timeUnixNano). The repository has no
 * YAML dependency of its own; this shape is all the file holds.
 */
function otelRecords(): { resource: Record<string, string>; records: Record<string, string | string[]>[] } {
  const resource: Record<string, string> = {};
  const records: Record<string, string | string[]>[] = [];
  let current: Record<string, string | string[]> | null = null;
  let key = '';
  for (const raw of read('otel-collector-contrib-awslogsencoding/alb_al_valid_logs_expected.yaml').split('\n')) {
    const line = raw.trim();
    const unquote = (s: string): string => s.replace(/^"(.*)"$/, '$1');
    let m: RegExpExecArray | null;
    if (line === '- attributes:') records.push((current = {}));
    else if ((m = /^- key: (.+)$/.exec(line))) key = m[1]!;
    else if (line === 'arrayValue:' && current) current[key] = [];
    else if ((m = /^-? ?(stringValue|intValue|doubleValue): (.*)$/.exec(line))) {
      const value = unquote(m[2]!);
      if (!current) resource[key] = value;
      else if (Array.isArray(current[key])) (current[key] as string[]).push(value);
      else current[key] = value;
    } else if ((m = /^timeUnixNano: (.+)$/.exec(line)) && current) current.timeUnixNano = unquote(m[1]!);
  }
  return { resource, records };
}

// ---- comparing by meaning -----------------------------------------------------------------------

interface Deliberate {
  /** True when this known difference explains ours vs theirs. */
  applies: (ours: unknown, theirs: unknown) => boolean;
  why: string;
}

class Tally {
  fields = 0;
  equal = 0;
  records = 0;
  recordsAgreeing = 0;
  readonly deliberate: string[] = [];
  readonly mismatches: string[] = [];

  record(name: string, checks: readonly [field: string, ours: unknown, theirs: unknown, deliberate?: Deliberate][]): void {
    this.records++;
    let ok = true;
    for (const [field, ours, theirs, known] of checks) {
      this.fields++;
      if (JSON.stringify(ours) === JSON.stringify(theirs)) this.equal++;
      else if (known?.applies(ours, theirs)) this.deliberate.push(`${name} ${field}: ours ${JSON.stringify(ours)}, theirs ${JSON.stringify(theirs)} (${known.why})`);
      else {
        ok = false;
        this.mismatches.push(`${name} ${field}: ours ${JSON.stringify(ours)}, theirs ${JSON.stringify(theirs)}`);
      }
    }
    if (ok) this.recordsAgreeing++;
  }

  report(source: string): string {
    const rate = this.fields === 0 ? 0 : (100 * (this.equal + this.deliberate.length)) / this.fields;
    return `${source}: ${this.recordsAgreeing}/${this.records} records agree; ${this.equal}/${this.fields} fields equal, ${this.deliberate.length} deliberate differences (${rate.toFixed(1)}% pass)`;
  }
}

// The deliberate differences, each with its reason.
const KEEP_MINUS_ONE: Deliberate = {
  applies: (ours, theirs) => ours === -1 && theirs === null,
  why: 'AWS writes -1 for "not applicable" and its Athena table keeps -1.0; Vector keeps -1.0 too; Elastic drops the field. We keep -1 so the same SQL gives the same answer on Athena',
};
const DASH_IS_NULL: Deliberate = {
  applies: (ours, theirs) => ours === null && theirs === '-',
  why: 'AWS\'s "-" means no value: null here, as Vector does and as Elastic does for every other field',
};
const AWS_TLS_SPELLING: Deliberate = {
  applies: (ours, theirs) => typeof ours === 'string' && typeof theirs === 'string' && ours.toLowerCase() === theirs && ours !== theirs,
  why: 'OpenTelemetry lower-cases the TLS version; we keep AWS\'s spelling (TLSv1.2), which filters and evidence queries compare with',
};

const or = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
/** Vector's client_host: address and port joined by a colon, IPv6 without brackets. */
const joined = (r: AlbRequest): string => `${r.clientIp}:${r.clientPort}`;
const proto = (r: AlbRequest): string | null => r.requestProto?.replace(/^HTTP\//, '') ?? null;
const num = (v: bigint | null): number | null => (v === null ? null : Number(v));
/** Nanoseconds since the epoch of an ISO time with up to 9 fractional digits. */
function nanos(iso: string): string {
  const [, whole, fraction] = /^(.*?:\d{2})(?:\.(\d+))?Z$/.exec(iso)!;
  return (BigInt(Date.parse(`${whole}Z`)) * 1_000_000n + BigInt((fraction ?? '').padEnd(9, '0').slice(0, 9))).toString();
}

// ---- the test -----------------------------------------------------------------------------------

d('ALB conformance with the shared corpus', () => {
  const bySource = new Map<Source, AlbRequest[]>();
  const stats = new Map<Source, { filesRead: number | null; malformedRecords: bigint; malformedFiles: string[] }>();
  let elasticKey = '';
  let vectorKeys: Map<string, VectorCase>;
  let otelSynthesised = '';

  beforeAll(async () => {
    root = await tempDir('auditql-corpus-alb-');
    // Elastic's mixed file as it is (ALB, NLB and connection-log lines together), then its NLB and
    // connection-log lines again, filed as AWS files those logs.
    const elastic = read('elastic-integrations/test-alb.log').split('\n');
    elasticKey = await lay('elastic', elastic);
    await lay('routed', elastic.slice(2, 6), 'net', '2018/12/20');
    await lay('routed', elastic.slice(6, 9), 'conn_log', '2024/10/04');
    for (const f of ['application-lb-http.log', 'example-alb-http.log']) await lay('beats', read(`elastic-beats/${f}`).split('\n'));
    await lay('otel', read('otel-collector-contrib-awslogsencoding/alb_al_valid_logs.log').split('\n'));
    // OTel's record 3 belongs to a newer .log that is not in the store (SOURCES.md). Its attributes
    // are record 1's plus the three 2025 transform fields, so the line is record 1's line with those
    // fields appended: synthesised here from the stored line, not a corpus file.
    const otelFirst = linesOf(read('otel-collector-contrib-awslogsencoding/alb_al_valid_logs.log'))[0]!;
    otelSynthesised = await lay('otel', [`${otelFirst} "transformed.example.com" "https://transformed.example.com/index.html" "TransformSuccess"`]);
    vectorKeys = new Map();
    for (const c of vectorCases()) vectorKeys.set(await lay('vector', [c.line]), c);
    // Grafana's files are gzip, as AWS delivers them: laid byte for byte, in their lines' day folder.
    const grafanaAlb = readFileSync(path.join(ALB, 'grafana-lambda-promtail/albaccesslog.log.gz'));
    expect(gunzipSync(grafanaAlb).toString('utf8')).toMatch(/^http 2022-12-06T/);
    await lay('grafana', grafanaAlb, 'app', '2022/12/06');
    // Grafana's NLB sample, named as NLB files are: skipped unread.
    await lay('grafana', readFileSync(path.join(ALB, 'grafana-lambda-promtail/nlbaccesslog.log.gz')), 'net', '2018/12/20');
    engine = await DuckDbEngine.create({ archiveDir: root, sources: [albSource] });
    for (const source of Object.keys(ACCOUNT) as Source[]) {
      const x = await engine.execute(albRequestsPlan(WINDOW, { accounts: [ACCOUNT[source]] }));
      const page = await engine.readPage(x.id, { offset: 0 }, 1000);
      bySource.set(source, page.rows.map(albRequestFromRow));
      stats.set(source, x.stats);
    }
  });

  afterAll(async () => {
    await engine?.close();
    await removeDir(root);
  });

  it('parses every ALB line of every sample, and skips or counts what is not an ALB access line', () => {
    // Elastic's test-alb.log: lines 1, 2 and 10 are ALB access lines. Lines 3–6 are NLB access log
    // lines and 7–9 ALB connection-log lines: other formats, which AWS delivers in `_net.` and
    // `conn_log.` files. Read inside a file named as an ALB log they are malformed (7, reported with
    // the file); filed as AWS files them they are skipped by name, neither read nor counted.
    expect(bySource.get('elastic')).toHaveLength(3);
    expect(stats.get('elastic')).toMatchObject({ filesRead: 1, malformedRecords: 7n, malformedFiles: [elasticKey] });
    expect(bySource.get('routed')).toHaveLength(0);
    expect(stats.get('routed')).toMatchObject({ filesRead: 0, malformedRecords: 0n, malformedFiles: [] });
    // Beats: 10 + 9 lines, the trailing empty lines are not records, and the wss line whose source
    // lost the space before matched_rule_priority (`"-" "-"1`) still parses (a closing quote ends a field).
    expect(bySource.get('beats')).toHaveLength(19);
    expect(stats.get('beats')).toMatchObject({ filesRead: 2, malformedRecords: 0n });
    expect(bySource.get('beats')!.find((r) => r.type === 'wss')).toMatchObject({ matchedRulePriority: 1, requestCreationTime: '2018-07-02T22:22:48.364000Z', actionsExecuted: ['forward'] });
    expect(bySource.get('otel')).toHaveLength(3);
    expect(bySource.get('vector')).toHaveLength(vectorKeys.size);
    expect(stats.get('vector')).toMatchObject({ malformedRecords: 0n });
    // Grafana: the ALB file's 2 lines (its client `12.34.178.90.32` is not an address, but the line
    // is well formed and kept as logged); the NLB file is skipped by name.
    expect(bySource.get('grafana')!.map((r) => r.clientIp)).toEqual(['12.34.178.90.32', '12.34.178.90.32']);
    expect(stats.get('grafana')).toMatchObject({ filesRead: 1, malformedRecords: 0n });
    for (const [, rows] of bySource) {
      for (const r of rows) {
        expect(Object.values(r).some((v) => v !== null)).toBe(true);
        expect([r.type, r.time, r.elb, r.clientIp].every((v) => typeof v === 'string' && v !== '')).toBe(true);
      }
    }
    const types = new Set([...bySource.values()].flat().map((r) => r.type));
    expect([...types].sort()).toEqual(['h2', 'http', 'https', 'ws', 'wss']);
  });

  it('agrees with Elastic\'s expected documents (lines 1–2)', () => {
    const expected = (JSON.parse(read('elastic-integrations/test-alb.log-expected.json')) as { expected: Record<string, any>[] }).expected; // eslint-disable-line @typescript-eslint/no-explicit-any -- ECS documents are free-form JSON
    const rows = bySource.get('elastic')!;
    const t = new Tally();
    expected.forEach((doc, i) => {
      const elb = doc.aws.elb;
      const r = rows.find((x) => x.time.startsWith(String(doc.event.original).split(' ')[1]!))!;
      const sec = (v: { sec: number } | undefined): number | null => (v === undefined ? null : v.sec);
      t.record(`line ${i + 1}`, [
        ['type', r.type, elb.type],
        ['type (protocol)', r.type, elb.protocol],
        // Elastic's @timestamp keeps milliseconds; the log (and this reader) has microseconds.
        ['time', new Date(r.time).toISOString(), doc['@timestamp']],
        ['elb', r.elb, elb.name],
        ['clientIp', r.clientIp, doc.source.ip],
        ['clientPort', r.clientPort, doc.source.port],
        ['targetIp', r.targetIp, or(elb.backend?.ip)],
        ['targetPort', r.targetPort === null ? null : String(r.targetPort), or(elb.backend?.port)],
        ['requestProcessingTime', r.requestProcessingTime, sec(elb.request_processing_time), KEEP_MINUS_ONE],
        ['targetProcessingTime', r.targetProcessingTime, sec(elb.backend_processing_time), KEEP_MINUS_ONE],
        ['responseProcessingTime', r.responseProcessingTime, sec(elb.response_processing_time), KEEP_MINUS_ONE],
        ['elbStatusCode', r.elbStatusCode, doc.http.response.status_code],
        ['targetStatusCode', r.targetStatusCode, or(elb.backend?.http?.response?.status_code)],
        ['receivedBytes', num(r.receivedBytes), doc.http.request.body.bytes],
        ['sentBytes', num(r.sentBytes), doc.http.response.body.bytes],
        ['requestVerb', r.requestVerb, doc.http.request.method],
        ['requestUrl', r.requestUrl, doc.url.original],
        ['requestProto', proto(r), doc.http.version],
        ['userAgent', r.userAgent, doc.user_agent.original],
        ['sslCipher', r.sslCipher, or(doc.tls?.cipher)],
        ['targetGroupArn', r.targetGroupArn, or(elb.target_group?.arn), DASH_IS_NULL],
        ['traceId', r.traceId, elb.trace_id],
        ['traceId (trace.id)', r.traceId, doc.trace.id],
        ['domainName', r.domainName, null],
        ['matchedRulePriority', r.matchedRulePriority === null ? null : String(r.matchedRulePriority), elb.matched_rule_priority],
        ['requestCreationTime', r.requestCreationTime, doc.event.start],
        ['actionsExecuted', r.actionsExecuted, or(elb.action_executed)],
        ['redirectUrl', r.redirectUrl, or(elb.redirect_url)],
        ['targetPortList', r.targetPortList, or(elb.target_port)],
        ['targetStatusCodeList', r.targetStatusCodeList, or(elb.target_status_code)],
        ['classification', r.classification, or(elb.classification)],
        ['classificationReason', r.classificationReason, or(elb.classification_reason)],
      ]);
    });
    console.log(t.report('elastic-integrations'), t.deliberate.length ? `\n  ${t.deliberate.join('\n  ')}` : '');
    expect(t.mismatches).toEqual([]);
    expect(t.records).toBe(2);
    // Line 10 has no expected document; its malformed request is still split as AWS documents it.
    expect(rows.find((r) => r.time.startsWith('2025-'))).toMatchObject({ requestVerb: null, requestUrl: 'http://internal-service-alb.example.com:80-/', requestProto: null, connTraceId: 'TID_00000000000000000000000000000000', requestProcessingTime: -1 });
  });

  it('agrees with OpenTelemetry\'s expected records (record 3 from the synthesised 2025 line)', () => {
    const { resource, records } = otelRecords();
    const rows = bySource.get('otel')!;
    const t = new Tally();
    expect(records).toHaveLength(3);
    records.forEach((a, i) => {
      // Records 1 and 3 share client and time: record 3 is the synthesised line's.
      const r = i === 2 ? rows.find((x) => x.sourceFile === otelSynthesised)! : rows.find((x) => x.sourceFile !== otelSynthesised && x.clientIp === a['client.address'])!;
      const int = (k: string): number | null => (a[k] === undefined ? null : Number(a[k]));
      t.record(`record ${i + 1}`, [
        ['elb', r.elb, resource['cloud.resource_id']],
        ['type', r.type, a['network.protocol.name']],
        ['requestProto', proto(r), a['network.protocol.version']],
        ['clientIp', r.clientIp, a['client.address']],
        ['clientPort', r.clientPort, int('client.port')],
        ['requestVerb', r.requestVerb, a['http.request.method']],
        ['requestUrl', r.requestUrl, a['url.full']],
        ['receivedBytes', num(r.receivedBytes), int('http.request.size')],
        ['sentBytes', num(r.sentBytes), int('http.response.size')],
        ['elbStatusCode', r.elbStatusCode, int('aws.elb.status.code')],
        ['targetStatusCode', r.targetStatusCode, int('aws.elb.backend.status.code')],
        ['sslProtocol', r.sslProtocol, a['tls.protocol.version'], AWS_TLS_SPELLING],
        ['sslCipher', r.sslCipher, a['tls.cipher']],
        ['userAgent', r.userAgent, a['user_agent.original']],
        ['domainName', r.domainName, a['url.domain']],
        ['targetIp', r.targetIp, a['destination.address']],
        ['targetPort', r.targetPort, int('destination.port')],
        ['actionsExecuted', r.actionsExecuted, a['aws.elb.actions_executed']],
        ['chosenCertArn', r.chosenCertArn, a['aws.elb.chosen_cert_arn']],
        ['traceId', r.traceId, a['aws.elb.aws_trace_id']],
        ['connTraceId', r.connTraceId, a['aws.elb.connection_trace_id']],
        ['requestProcessingTime', r.requestProcessingTime, Number(a['aws.elb.request_processing_time'])],
        ['targetProcessingTime', r.targetProcessingTime, Number(a['aws.elb.target_processing_time'])],
        ['responseProcessingTime', r.responseProcessingTime, Number(a['aws.elb.response_processing_time'])],
        ['targetGroupArn', r.targetGroupArn, a['aws.elb.target_group_arn']],
        ['transformedHost', r.transformedHost, or(a['aws.elb.transformed_host'] as string | undefined)],
        ['transformedUri', r.transformedUri, or(a['aws.elb.transformed_uri'] as string | undefined)],
        ['requestTransformStatus', r.requestTransformStatus, or(a['aws.elb.request_transform_status'] as string | undefined)],
        // To the nanosecond: the reader keeps AWS's microseconds.
        ['time', nanos(r.time), a.timeUnixNano],
      ]);
    });
    console.log(t.report('otel-collector-contrib-awslogsencoding'), t.deliberate.length ? `\n  ${t.deliberate.join('\n  ')}` : '');
    expect(t.mismatches).toEqual([]);
  });

  it('agrees with Vector\'s VRL test cases and documented examples', () => {
    const rows = bySource.get('vector')!;
    const t = new Tally();
    for (const [key, c] of vectorKeys) {
      const r = rows.find((x) => x.sourceFile === key)!;
      const w = c.want;
      const str = (v: number | null): string | null => (v === null ? null : String(v));
      // Vector gives [] where AWS writes "-"; the API gives null for every "-". Same meaning: none.
      const list = (v: unknown): unknown => (Array.isArray(v) && v.length === 0 ? null : v);
      t.record(c.name, [
        ['type', r.type, w.type],
        ['time', r.time, w.timestamp],
        ['elb', r.elb, w.elb],
        ['client', joined(r), w.client_host],
        ['target', r.targetIp === null ? null : `${r.targetIp}:${r.targetPort}`, w.target_host],
        ['requestProcessingTime', r.requestProcessingTime, w.request_processing_time],
        ['targetProcessingTime', r.targetProcessingTime, w.target_processing_time],
        ['responseProcessingTime', r.responseProcessingTime, w.response_processing_time],
        ['elbStatusCode', str(r.elbStatusCode), w.elb_status_code],
        ['targetStatusCode', str(r.targetStatusCode), w.target_status_code],
        ['receivedBytes', num(r.receivedBytes), w.received_bytes],
        ['sentBytes', num(r.sentBytes), w.sent_bytes],
        ['requestVerb', r.requestVerb, w.request_method],
        ['requestUrl', r.requestUrl, w.request_url],
        ['requestProto', r.requestProto, w.request_protocol],
        ['userAgent', r.userAgent, w.user_agent],
        ['sslCipher', r.sslCipher, w.ssl_cipher],
        ['sslProtocol', r.sslProtocol, w.ssl_protocol],
        ['targetGroupArn', r.targetGroupArn, w.target_group_arn],
        ['traceId', r.traceId, w.trace_id],
        ['domainName', r.domainName, w.domain_name],
        ['chosenCertArn', r.chosenCertArn, w.chosen_cert_arn],
        ['matchedRulePriority', str(r.matchedRulePriority), w.matched_rule_priority],
        ['requestCreationTime', r.requestCreationTime, w.request_creation_time],
        ['actionsExecuted', r.actionsExecuted?.join(',') ?? null, w.actions_executed],
        ['redirectUrl', r.redirectUrl, w.redirect_url],
        ['errorReason', r.errorReason, w.error_reason],
        ['targetPortList', r.targetPortList, list(w.target_port_list)],
        ['targetStatusCodeList', r.targetStatusCodeList, list(w.target_status_code_list)],
        ['classification', r.classification, w.classification],
        ['classificationReason', r.classificationReason, w.classification_reason],
        ['connTraceId', r.connTraceId, or(w.traceability_id)],
      ]);
    }
    console.log(t.report('vector-vrl'), t.deliberate.length ? `\n  ${t.deliberate.join('\n  ')}` : '');
    expect(t.mismatches).toEqual([]);
    expect(t.records).toBe(15);
  });

  it('reads the samples without peer expectations as AWS documents them (Beats, Grafana)', () => {
    const beats = bySource.get('beats')!;
    const t = new Tally();
    // Beats' example-alb-http.log follows AWS's documented examples entry by entry.
    const lambda = beats.find((r) => r.errorReason !== null)!;
    const unfinished = beats.filter((r) => r.elbStatusCode === 400);
    t.record('beats 460/504 lines', beats.filter((r) => r.elbStatusCode === 504 || r.elbStatusCode === 460).map((r, i) => [`#${i} timings`, [r.requestProcessingTime, r.targetProcessingTime, r.responseProcessingTime], [-1, -1, -1]] as const));
    t.record('beats lambda line', [['errorReason', lambda.errorReason, 'LambdaInvalidResponse'], ['targetIp', lambda.targetIp, null], ['targetStatusCode', lambda.targetStatusCode, null]]);
    t.record('beats unfinished requests', [
      ['requests', unfinished.map((r) => [r.requestVerb, r.requestUrl, r.requestProto]), [[null, 'http://www.example.com:80-', null], [null, null, null]]],
      ['userAgent', unfinished.map((r) => r.userAgent), [null, null]],
    ]);
    const grafana = bySource.get('grafana')!;
    t.record('grafana', [
      ['actions', grafana.map((r) => r.actionsExecuted), [['redirect'], ['fixed-response']]],
      ['redirect', grafana[0]!.redirectUrl, 'https://5.334.234.101:443/'],
      ['domain', grafana[1]!.domainName, '5.334.234.101:443'],
      ['elb', grafana[0]!.elb, 'random/lb/f12345d67890'],
    ]);
    console.log(t.report('elastic-beats + grafana-lambda-promtail (no peer expectations: AWS\'s documented meaning)'));
    expect(t.mismatches).toEqual([]);
  });
});
