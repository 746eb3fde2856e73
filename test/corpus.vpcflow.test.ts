// VPC Flow Logs conformance over the shared corpus (../shared/corpus/vpcflow, see its SOURCES.md):
// every sample is laid into a temporary archive in the bucket layout (one account folder per file, so
// each query's stats are that file's), read through the DuckDB engine, and where a peer parser gives
// expected values (Vector's VRL cases and docs, Elastic's *-expected.json, OTel's expected YAML) our
// columns are compared with theirs, mapped by meaning. Pass rates are printed per source; every
// deliberate difference is listed with its reason in DIFFERENCES and asserted to be the only ones.
//
// Layout notes. Elastic's inputs carry no header line (Elastic picks a layout by field count), and
// neither do the AWS docs' default-format examples: we prepend the AWS header for the layout they
// are in (v2 default, v5 all fields, the v7 ECS and v8 layouts, or Transit Gateway's default format),
// because AWS always writes one and we bind by it. Vector's cases come as (format, line) pairs: the
// format becomes the header with AWS's hyphens (Vector writes pkt_srcaddr for pkt-srcaddr).
import { existsSync, promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDbEngine } from '../src/engine/duckdb/duckdb.engine';
import { createVpcFlowSource } from '../src/engine/duckdb/sources/vpcflow.source';
import type { ResultRow } from '../src/engine/query-engine';
import { DEFAULT_FORMAT, VPC_FLOW_FIELDS } from '../src/query/vpcflow.catalogue';
import { vpcFlowRecordsPlan } from '../src/query/vpcflow.planner';
import { vpcFlowRecordFromRow } from '../src/resolvers/vpcflow.mapper';
import { CORPUS_DIR, removeDir, tempDir } from './helpers/archive';

const DIR = path.join(CORPUS_DIR, 'vpcflow');
const HAVE = existsSync(DIR);
if (!HAVE) console.warn('corpus.vpcflow: ../shared/corpus/vpcflow is absent; the conformance tests are skipped');
const d = HAVE ? describe : describe.skip;

const V2 = DEFAULT_FORMAT.join(' ');
const V3_V5 = 'vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id sublocation-type sublocation-id pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path';
const V5_ALL = `${V2} ${V3_V5}`;
const ECS = 'ecs-cluster-arn ecs-cluster-name ecs-container-instance-arn ecs-container-instance-id ecs-container-id ecs-second-container-id ecs-service-name ecs-task-definition-arn ecs-task-arn ecs-task-id';
const V7_ECS = `${V5_ALL} ${ECS}`;
const V8 = `${V7_ECS} reject-reason`;
const TGW =
  'version resource-type account-id tgw-id tgw-attachment-id tgw-src-vpc-account-id tgw-dst-vpc-account-id tgw-src-vpc-id tgw-dst-vpc-id tgw-src-subnet-id tgw-dst-subnet-id tgw-src-eni tgw-dst-eni tgw-src-az-id tgw-dst-az-id tgw-pair-attachment-id srcaddr dstaddr srcport dstport protocol packets bytes start end log-status type packets-lost-no-route packets-lost-blackhole packets-lost-mtu-exceeded packets-lost-ttl-expired tcp-flags region flow-direction pkt-src-aws-service pkt-dst-aws-service';

/** Deliberate differences from a peer, by source and field, with the reason. */
const DIFFERENCES: Record<string, string> = {
  'vector:custom format (no start)':
    'the format has no start field: a record we cannot place in a time window is counted malformed (the file is reported), never dropped silently; Vector returns the fields',
  'elastic:test-v8-samples cloud.region': 'Elastic keeps the literal "-" for a missing region; we read "-" as NULL, and our region column is the delivery folder (the partition)',
  'elastic:test-v8-samples cloud.availability_zone': 'Elastic keeps the literal "-"; `-` means no value, so az_id is NULL',
};

interface Sample {
  source: 'awsdocs' | 'elastic' | 'otel' | 'grafana' | 'vector';
  name: string;
  text: string;
  /** What the file must yield: readable records and malformed lines (with why, where not 0). */
  records: number;
  malformed: number;
  why?: string;
  region?: string;
}

function read(rel: string): string {
  const p = path.join(DIR, rel);
  return p.endsWith('.gz') ? gunzipSync(readFileSync(p)).toString('utf8') : readFileSync(p, 'utf8');
}

const withHeader = (header: string, body: string): string => `${header}\n${body.replace(/\n?$/, '\n')}`;
const hyphens = (format: string): string => format.replace(/_/g, '-');

interface VectorCase {
  name: string;
  format: string | null;
  line: string;
  want: Record<string, unknown>;
}

function vectorCases(): VectorCase[] {
  const tests = JSON.parse(read('vector-vrl/parse_aws_vpc_flow_log.test_cases.json')) as { cases: { name: string; args: { value: string; format?: string }; want: Record<string, unknown> }[] };
  const docs = JSON.parse(read('vector-vrl/parse_aws_vpc_flow_log.docs.json')) as { examples: { title: string; source: string; return: Record<string, unknown> }[] };
  const out: VectorCase[] = tests.cases.map((c) => ({ name: `test ${c.name}`, format: c.args.format ?? null, line: c.args.value, want: c.want }));
  for (const ex of docs.examples) {
    // The docs give VRL source text: the first string literal is the line, a second (or format:) the format.
    const literals = [...ex.source.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
    const title = /custom format/.test(ex.title) ? 'custom format (no start)' : ex.title;
    out.push({ name: title, format: literals[1] ?? null, line: literals[0]!, want: ex.return });
  }
  return out;
}

function samples(): Sample[] {
  const s: Sample[] = [];
  const add = (x: Sample): void => void s.push(x);
  // AWS docs (flow-logs-records-examples): the default-format block has no header in the doc.
  add({ source: 'awsdocs', name: 'default-format-v2', text: withHeader(V2, read('awsdocs-amazon-vpc-user-guide/default-format-v2.examples.log')), records: 7, malformed: 0 });
  add({ source: 'awsdocs', name: 'tcp-flag', text: read('awsdocs-amazon-vpc-user-guide/tcp-flag.examples.log'), records: 7, malformed: 1, why: 'one line has two spaces in a row (a doc typo): 22 fields for a 21-field header, as Vector also rejects' });
  add({ source: 'awsdocs', name: 'nat', text: read('awsdocs-amazon-vpc-user-guide/nat.examples.log'), records: 0, malformed: 6, why: 'the format has no start field (and two lines carry doc comments)' });
  add({ source: 'awsdocs', name: 'tgw', text: read('awsdocs-amazon-vpc-user-guide/tgw.examples.log'), records: 0, malformed: 5, why: 'the format has no start field (and one line is the doc\'s literal "...")' });
  add({ source: 'awsdocs', name: 'traffic-path', text: read('awsdocs-amazon-vpc-user-guide/traffic-path.examples.log'), records: 2, malformed: 0, region: 'ap-southeast-2' });
  add({ source: 'elastic', name: 'test-extra-samples', text: withHeader(V2, read('elastic-integrations/test-extra-samples.log')), records: 7, malformed: 0 });
  add({ source: 'elastic', name: 'test-tcp-flag-sequence', text: read('elastic-integrations/test-tcp-flag-sequence.log'), records: 3, malformed: 0 });
  add({ source: 'elastic', name: 'test-v5-all-fields', text: withHeader(V5_ALL, read('elastic-integrations/test-v5-all-fields.log')), records: 1, malformed: 0 });
  add({ source: 'elastic', name: 'test-ecs-samples', text: withHeader(V7_ECS, read('elastic-integrations/test-ecs-samples.log')), records: 10, malformed: 0 });
  add({ source: 'elastic', name: 'test-v8-samples', text: withHeader(V8, read('elastic-integrations/test-v8-samples.log')), records: 1, malformed: 0 });
  add({ source: 'elastic', name: 'test-tgw-samples', text: withHeader(TGW, read('elastic-integrations/test-tgw-samples.log')), records: 10, malformed: 0 });
  add({ source: 'elastic', name: 'test-with-message-field', text: withHeader(V2, read('elastic-integrations/test-with-message-field.log')), records: 0, malformed: 1, why: 'a CloudWatch/Firehose JSON envelope, not a line of a delivered file: its version field is `{"message":"2`' });
  add({ source: 'otel', name: 'valid_vpc_flow_log', text: read('otel-collector-contrib-awslogsencoding/valid_vpc_flow_log.log'), records: 1, malformed: 0 });
  add({ source: 'otel', name: 'valid_vpc_flow_log_ecs', text: read('otel-collector-contrib-awslogsencoding/valid_vpc_flow_log_ecs.log'), records: 1, malformed: 0 });
  add({ source: 'otel', name: 'valid_vpc_flow_log_multi', text: read('otel-collector-contrib-awslogsencoding/valid_vpc_flow_log_multi.log'), records: 2, malformed: 0 });
  add({ source: 'otel', name: 'valid_tgw_flow_log', text: read('otel-collector-contrib-awslogsencoding/valid_tgw_flow_log.log'), records: 1, malformed: 0 });
  add({ source: 'grafana', name: 'vpcflowlog', text: read('grafana-lambda-promtail/vpcflowlog.log.gz'), records: 3, malformed: 0 });
  const ok = JSON.parse(read('vector-vrl/parse_aws_vpc_flow_log.parse_ok_cases.json')) as { groups: { format: string | null; logs: string[] }[] };
  ok.groups.forEach((g, i) => {
    const header = g.format === null ? V2 : hyphens(g.format);
    const noStart = !header.split(' ').includes('start');
    add({
      source: 'vector',
      name: `parse_ok group ${i + 1}`,
      text: withHeader(header, g.logs.join('\n')),
      records: noStart ? 0 : g.logs.length,
      malformed: noStart ? g.logs.length : 0,
      why: noStart ? DIFFERENCES['vector:custom format (no start)'] : undefined,
      region: /ap-southeast-2/.test(g.logs.join(' ')) ? 'ap-southeast-2' : undefined,
    });
  });
  for (const c of vectorCases()) {
    const header = c.format === null ? V2 : hyphens(c.format);
    const noStart = !header.split(' ').includes('start');
    add({ source: 'vector', name: c.name, text: withHeader(header, c.line), records: noStart ? 0 : 1, malformed: noStart ? 1 : 0, region: typeof c.want.region === 'string' ? c.want.region : undefined });
  }
  return s;
}

// ---- laying the samples out and reading them back ------------------------------------------------

interface Laid extends Sample {
  account: string;
  key: string;
  window: { from: Date; to: Date };
}

/** The window a file's records fall in (start column of its header); a fixed day for files without one. */
function windowOf(text: string): { from: Date; to: Date } {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const at = lines[0]!.split(' ').indexOf('start');
  const starts = at < 0 ? [] : lines.slice(1).map((l) => Number(l.split(' ')[at])).filter((n) => Number.isSafeInteger(n) && n > 0);
  if (starts.length === 0) return { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2020-01-02T00:00:00Z') };
  return { from: new Date(Math.min(...starts) * 1000), to: new Date((Math.max(...starts) + 1) * 1000) };
}

async function lay(root: string, list: readonly Sample[]): Promise<Laid[]> {
  const out: Laid[] = [];
  for (const [i, sample] of list.entries()) {
    const account = String(100_000_000_000 + i);
    const region = sample.region ?? 'us-east-1';
    const window = windowOf(sample.text);
    const iso = window.from.toISOString();
    const day = `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
    const key = `AWSLogs/${account}/vpcflowlogs/${region}/${day}/${account}_vpcflowlogs_${region}_fl-0123456789abcdef0_${day.replace(/\//g, '')}T0000Z_${String(i).padStart(8, '0')}.log`;
    await fsp.mkdir(path.dirname(path.join(root, key)), { recursive: true });
    await fsp.writeFile(path.join(root, key), sample.text);
    out.push({ ...sample, account, key, window });
  }
  return out;
}

d('VPC Flow Logs over the shared corpus', () => {
  let root: string;
  let engine: DuckDbEngine;
  let laid: Laid[];
  const results = new Map<string, { rows: ResultRow[]; malformed: number; files: string[] }>();

  beforeAll(async () => {
    root = await tempDir('auditql-vpcflow-corpus-');
    laid = await lay(root, samples());
    engine = await DuckDbEngine.create({ archiveDir: root, sources: [createVpcFlowSource()] });
    for (const f of laid) {
      const x = await engine.execute(vpcFlowRecordsPlan(f.window, { accounts: [f.account] }));
      const page = await engine.readPage(x.id, { offset: 0 }, 1000);
      results.set(f.name, { rows: page.rows, malformed: Number(x.stats.malformedRecords), files: x.stats.malformedFiles });
    }
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    await removeDir(root);
  });

  it('parses every sample: each line is a record or is counted malformed, for a stated reason', () => {
    const rates = new Map<string, [number, number]>();
    const wrong: string[] = [];
    for (const f of laid) {
      const r = results.get(f.name)!;
      const pass = r.rows.length === f.records && r.malformed === f.malformed && (f.malformed === 0) === (r.files.length === 0);
      if (!pass) wrong.push(`${f.source}/${f.name}: ${r.rows.length} records, ${r.malformed} malformed; expected ${f.records} and ${f.malformed}`);
      if (f.malformed > 0) expect(f.why ?? DIFFERENCES[`vector:${f.name}`]).toBeTruthy();
      const [p, n] = rates.get(f.source) ?? [0, 0];
      // Vector parses every one of its lines: one we count malformed is a deliberate difference, not a pass.
      const peerParses = f.source === 'vector' && f.malformed > 0;
      rates.set(f.source, [p + (pass && !peerParses ? 1 : 0), n + 1]);
    }
    for (const [source, [p, n]] of rates) {
      const what = source === 'vector' ? 'parsed as Vector parses them' : 'read as expected (records and malformed lines)';
      console.log(`corpus.vpcflow parse ${source}: ${p}/${n} files ${what} (${((100 * p) / n).toFixed(0)}%)`);
    }
    expect(wrong).toEqual([]);
  });

  /** Compares our value with a peer's; records the field as passed or as a difference. */
  function comparer(source: string): { check: (label: string, ours: unknown, theirs: unknown) => void; report: () => string[] } {
    let passed = 0;
    let total = 0;
    const diffs: string[] = [];
    const norm = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v === undefined ? null : v);
    return {
      check(label, ours, theirs) {
        total++;
        if (JSON.stringify(norm(ours)) === JSON.stringify(norm(theirs))) passed++;
        else diffs.push(`${source}:${label}`);
      },
      report() {
        console.log(`corpus.vpcflow values ${source}: ${passed}/${total} fields equal (${total ? ((100 * passed) / total).toFixed(1) : '0'}%); differences: ${diffs.length ? diffs.join(', ') : 'none'}`);
        return diffs;
      },
    };
  }

  it('gives Vector\'s expected values for its VRL test cases and documented examples', () => {
    const c = comparer('vector');
    for (const v of vectorCases()) {
      const rows = results.get(v.name)!.rows;
      if (rows.length === 0) {
        c.check(v.name, 'counted malformed', 'parsed');
        continue;
      }
      const row = rows[0]!;
      for (const [field, want] of Object.entries(v.want)) c.check(`${v.name} ${field}`, row[field], want);
      // Fields outside the format are absent in Vector's object and NULL in our row.
      const inFormat = new Set(Object.keys(v.want));
      for (const f of VPC_FLOW_FIELDS) if (!inFormat.has(f.column) && f.field !== 'region') c.check(`${v.name} ${f.column} (absent)`, row[f.column], null);
    }
    expect(c.report().filter((x) => !DIFFERENCES[x])).toEqual([]);
  });

  it('gives Elastic\'s expected values for its two expected documents', () => {
    const c = comparer('elastic');
    for (const name of ['test-v5-all-fields', 'test-v8-samples']) {
      const doc = (JSON.parse(read(`elastic-integrations/${name}.log-expected.json`)) as { expected: any[] }).expected[0];
      const row = results.get(name)!.rows[0]!;
      const rec = vpcFlowRecordFromRow(row);
      const vpc = doc.aws.vpcflow as Record<string, string>;
      // aws.vpcflow.* holds the fields Elastic does not move to ECS, as text; tcp_flags_array and
      // sublocation are Elastic's own derivations (no field of the record).
      const renamed: Record<string, string> = { pkt_src_service: 'pkt_src_aws_service', pkt_dst_service: 'pkt_dst_aws_service' };
      for (const [k, v] of Object.entries(vpc)) {
        if (k === 'tcp_flags_array' || k === 'sublocation') continue;
        const ours = row[renamed[k] ?? k];
        c.check(`${name} aws.vpcflow.${k}`, ours === null ? null : String(ours), v);
      }
      c.check(`${name} source.address`, row.srcaddr, doc.source.address);
      c.check(`${name} source.port`, row.srcport, doc.source.port);
      c.check(`${name} destination.address`, row.dstaddr, doc.destination.address);
      c.check(`${name} destination.port`, row.dstport, doc.destination.port);
      c.check(`${name} network.bytes`, row.bytes, doc.network.bytes);
      c.check(`${name} network.packets`, row.packets, doc.network.packets);
      c.check(`${name} network.iana_number`, String(row.protocol), doc.network.iana_number);
      c.check(`${name} network.direction`, row.flow_direction, doc.network.direction);
      c.check(`${name} event.start`, rec.start, doc.event.start);
      c.check(`${name} event.end`, rec.end, doc.event.end);
      c.check(`${name} event.outcome`, row.action === 'REJECT' ? 'failure' : 'success', doc.event.outcome);
      c.check(`${name} cloud.account.id`, row.account_id, doc.cloud.account.id);
      c.check(`${name} cloud.region`, row.region, doc.cloud.region);
      c.check(`${name} cloud.availability_zone`, row.az_id, doc.cloud.availability_zone);
      if (doc.cloud.instance) c.check(`${name} cloud.instance.id`, row.instance_id, doc.cloud.instance.id);
      if (doc.event.reason) c.check(`${name} event.reason`, row.reject_reason, doc.event.reason);
      if (doc.orchestrator) {
        c.check(`${name} orchestrator.cluster.id`, row.ecs_cluster_arn, doc.orchestrator.cluster.id);
        c.check(`${name} orchestrator.cluster.name`, row.ecs_cluster_name, doc.orchestrator.cluster.name);
        c.check(`${name} orchestrator.resource.id`, row.ecs_container_instance_id, doc.orchestrator.resource.id);
        c.check(`${name} orchestrator.resource.name`, row.ecs_container_instance_arn, doc.orchestrator.resource.name);
        c.check(`${name} service.name`, row.ecs_service_name, doc.service.name);
      }
    }
    expect(c.report().filter((x) => !DIFFERENCES[x])).toEqual([]);
  });

  it('gives OTel\'s expected attributes for its expected YAML files', () => {
    const c = comparer('otel');
    const protocols: Record<string, number> = { tcp: 6, udp: 17, icmp: 1 };
    const attr: Record<string, (row: ResultRow, v: string) => [unknown, unknown]> = {
      'aws.vpc.flow.log.version': (r, v) => [r.version, Number(v)],
      'network.interface.name': (r, v) => [r.interface_id, v],
      'source.port': (r, v) => [r.srcport, Number(v)],
      'destination.port': (r, v) => [r.dstport, Number(v)],
      'network.protocol.name': (r, v) => [r.protocol, protocols[v]],
      'aws.vpc.flow.packets': (r, v) => [r.packets, Number(v)],
      'aws.vpc.flow.bytes': (r, v) => [r.bytes, Number(v)],
      'aws.vpc.flow.start': (r, v) => [r.start, Number(v)],
      'aws.vpc.flow.action': (r, v) => [r.action, v],
      'aws.vpc.flow.status': (r, v) => [r.log_status, v],
      // OTel names the source/destination from pkt-* when the format has them; these formats do not.
      'source.address': (r, v) => [r.srcaddr, v],
      'destination.address': (r, v) => [r.dstaddr, v],
    };
    for (const [file, log] of [['valid_vpc_flow_log_ecs_expected.yaml', 'valid_vpc_flow_log_ecs'], ['valid_vpc_flow_log_expected_multi.yaml', 'valid_vpc_flow_log_multi']] as const) {
      const yaml = read(`otel-collector-contrib-awslogsencoding/${file}`);
      const account = /key: cloud\.account\.id\n\s+value:\n\s+stringValue: "?([^"\n]+)"?/.exec(yaml)?.[1];
      const rows = results.get(log)!.rows;
      // Record blocks only: the scope's own attributes (encoding.format) follow the last record.
      for (const block of yaml.split(/\n\s+scope:\n/)[0]!.split(/\n\s+- attributes:\n/).slice(1)) {
        const pairs = [...block.matchAll(/- key: (\S+)\n\s+value:\n\s+(?:stringValue|intValue): "?([^"\n]*)"?/g)].map((m) => [m[1]!, m[2]!] as const);
        const get = (k: string): string | undefined => pairs.find(([key]) => key === k)?.[1];
        const row = rows.find((r) => String(r.srcport) === get('source.port') && String(r.dstport) === get('destination.port'));
        if (!row) {
          c.check(`${log} record ${get('source.port')}->${get('destination.port')}`, null, 'a record');
          continue;
        }
        const label = `${log} ${get('source.port')}->${get('destination.port')}`;
        for (const [k, v] of pairs) {
          const map = attr[k];
          if (map) {
            const [ours, theirs] = map(row, v);
            c.check(`${label} ${k}`, ours, theirs);
          } else if (k.startsWith('aws.ecs.')) {
            // aws.ecs.cluster.arn → ecs_cluster_arn, aws.ecs.second.container.id → ecs_second_container_id …
            c.check(`${label} ${k}`, row[k.slice(4).replace(/\./g, '_')], v);
          } else {
            c.check(`${label} ${k} (unmapped)`, 'mapped', 'unmapped');
          }
        }
        const nanos = /timeUnixNano: "(\d+)"/.exec(block)?.[1];
        c.check(`${label} timeUnixNano (end)`, `${String(row.end)}000000000`, nanos);
        c.check(`${label} cloud.account.id`, row.account_id, account);
      }
    }
    expect(c.report().filter((x) => !DIFFERENCES[x])).toEqual([]);
  });
});
