/**
 * The records of one flow log for one hour: background traffic (clients on HTTPS, the instances
 * calling AWS endpoints, pings, app-to-worker calls; each conversation logged in both directions, as
 * AWS logs it on the interface) plus the day's scripted episodes, which are what evidence queries
 * find: SSH brute force from DEMO_IPS.bruteForcer (REJECT), the leaked key's user probing staging
 * (REJECT), Bob's SSH from his travel address, a backup transfer beyond 2^32 bytes, the SIEM pulls,
 * idle interfaces (NODATA) and one SKIPDATA window a day.
 */

import { DEMO_IPS, DEMO_NETWORKS, type DemoNetwork } from './demo-world';
import type { FlowRecord } from './vpcflow.format';
import { AWS_ENDPOINTS, CLIENT_IPS, hostsOf, roamingIpForDay, type FlowHost } from './vpcflow.hosts';
import { mixSeed, Rng } from './random';

const HOUR_S = 3600;

const PROD_EAST = DEMO_NETWORKS[0]!;
const STAGING_EAST = DEMO_NETWORKS[2]!;
const SECURITY_EAST = DEMO_NETWORKS[4]!;

/** Traffic by hour of day (UTC): office hours busiest. */
export const HOUR_WEIGHTS: readonly number[] = [2, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 9, 10, 10, 10, 9, 8, 6, 5, 4, 3, 3, 2];

/** An IPv6 address per host (documentation prefix 2001:db8::/32), for the clients that use IPv6. */
function ipv6Of(host: FlowHost): string {
  return `2001:db8:${DEMO_NETWORKS.indexOf(host.network) + 1}00::${host.privateIp.split('.').pop()}`;
}

interface Conversation {
  client: string;
  server: string;
  clientPort: number;
  serverPort: number;
  protocol: number;
  packets: number | bigint;
  bytes: number | bigint;
  start: number;
  seconds: number;
  action: 'ACCEPT' | 'REJECT';
  service?: string;
  trafficPath?: number;
}

function base(host: FlowHost, start: number, end: number): Omit<FlowRecord, 'srcaddr' | 'dstaddr' | 'srcport' | 'dstport' | 'protocol' | 'packets' | 'bytes' | 'action' | 'logStatus' | 'tcpFlags' | 'type' | 'pktSrcaddr' | 'pktDstaddr' | 'pktSrcAwsService' | 'pktDstAwsService' | 'flowDirection' | 'trafficPath'> {
  return {
    version: 5,
    accountId: host.network.accountId,
    interfaceId: host.eniId,
    start,
    end,
    vpcId: host.network.vpcId,
    subnetId: host.subnetId,
    instanceId: host.instanceId,
    region: host.network.region,
    azId: host.azId,
  };
}

/** The record on the host's interface for traffic that reaches it (and, when accepted, its reply). */
function inbound(host: FlowHost, c: Conversation): FlowRecord[] {
  const type = c.server.includes(':') ? 'IPv6' : 'IPv4';
  const end = c.start + c.seconds;
  const request: FlowRecord = {
    ...base(host, c.start, end),
    srcaddr: c.client, dstaddr: c.server, srcport: c.clientPort, dstport: c.serverPort, protocol: c.protocol,
    packets: c.action === 'REJECT' ? 1 : c.packets, bytes: c.action === 'REJECT' ? (type === 'IPv6' ? 80 : 60) : c.bytes,
    action: c.action, logStatus: 'OK', tcpFlags: c.protocol === 6 ? (c.action === 'REJECT' ? 2 : 3) : null, type,
    pktSrcaddr: c.client, pktDstaddr: c.server, pktSrcAwsService: c.service ?? null, pktDstAwsService: null, flowDirection: 'ingress', trafficPath: null,
  };
  if (c.action === 'REJECT') return [request];
  const reply: FlowRecord = {
    ...request,
    srcaddr: c.server, dstaddr: c.client, srcport: c.serverPort, dstport: c.clientPort,
    packets: c.packets, bytes: typeof c.bytes === 'bigint' ? c.bytes * 8n : c.bytes * 8,
    tcpFlags: c.protocol === 6 ? 19 : null, pktSrcaddr: c.server, pktDstaddr: c.client, pktSrcAwsService: null, pktDstAwsService: c.service ?? null,
    flowDirection: 'egress', trafficPath: 8,
  };
  return [request, reply];
}

/** The host calling out: its request (egress) and the reply (ingress), both on its interface. */
function outbound(host: FlowHost, c: Conversation): FlowRecord[] {
  const type = c.server.includes(':') ? 'IPv6' : 'IPv4';
  const end = c.start + c.seconds;
  const request: FlowRecord = {
    ...base(host, c.start, end),
    srcaddr: c.client, dstaddr: c.server, srcport: c.clientPort, dstport: c.serverPort, protocol: c.protocol,
    packets: c.packets, bytes: c.bytes, action: 'ACCEPT', logStatus: 'OK', tcpFlags: c.protocol === 6 ? 19 : null, type,
    pktSrcaddr: c.client, pktDstaddr: c.server, pktSrcAwsService: null, pktDstAwsService: c.service ?? null, flowDirection: 'egress', trafficPath: c.trafficPath ?? 8,
  };
  const reply: FlowRecord = {
    ...request,
    srcaddr: c.server, dstaddr: c.client, srcport: c.serverPort, dstport: c.clientPort,
    // Replies to an upload are acknowledgements: a small fraction of the bytes sent.
    bytes: typeof c.bytes === 'bigint' ? c.bytes / 64n : Math.max(40, Math.round(c.bytes / 16)),
    pktSrcaddr: c.server, pktDstaddr: c.client, pktSrcAwsService: c.service ?? null, pktDstAwsService: null, flowDirection: 'ingress', trafficPath: null,
  };
  return [request, reply];
}

function idle(host: FlowHost, start: number, status: 'NODATA' | 'SKIPDATA'): FlowRecord {
  return {
    ...base(host, start, start + (status === 'NODATA' ? 59 : 60)),
    srcaddr: null, dstaddr: null, srcport: null, dstport: null, protocol: null, packets: null, bytes: null, action: null, logStatus: status,
    tcpFlags: null, type: null, pktSrcaddr: null, pktDstaddr: null, pktSrcAwsService: null, pktDstAwsService: null, flowDirection: null, trafficPath: null,
  };
}

const ephemeral = (rng: Rng): number => rng.int(32768, 60999);

function background(rng: Rng, hosts: readonly FlowHost[], hourStart: number, hour: number): FlowRecord[] {
  const busy = hosts.filter((h) => !(h.role === 'worker' && hour < 6));
  if (busy.length === 0) return [];
  const host = rng.pick(busy);
  const start = hourStart + rng.int(0, HOUR_S - 61);
  const kind = rng.weighted([
    { weight: 5, value: 'client' },
    { weight: 3, value: 'aws' },
    { weight: 1, value: 'ping' },
    { weight: 2, value: 'internal' },
  ] as const);
  if (kind === 'aws' || (kind === 'client' && host.role === 'worker')) {
    const endpoint = rng.pick(AWS_ENDPOINTS);
    return outbound(host, { client: host.privateIp, server: endpoint.ip, clientPort: ephemeral(rng), serverPort: 443, protocol: 6, packets: rng.int(4, 400), bytes: rng.int(900, 250_000), start, seconds: rng.int(0, 59), action: 'ACCEPT', service: endpoint.service, trafficPath: endpoint.service === 'S3' ? 7 : 8 });
  }
  if (kind === 'ping') {
    return inbound(host, { client: DEMO_IPS.ciRunner, server: host.privateIp, clientPort: 0, serverPort: 0, protocol: 1, packets: 4, bytes: 336, start, seconds: rng.int(0, 5), action: 'ACCEPT' });
  }
  const worker = hosts.find((h) => h.role === 'worker');
  if (kind === 'internal' && worker && host.role === 'app' && hour >= 6) {
    return outbound(host, { client: host.privateIp, server: worker.privateIp, clientPort: ephemeral(rng), serverPort: 8080, protocol: 6, packets: rng.int(6, 60), bytes: rng.int(600, 40_000), start, seconds: rng.int(0, 59), action: 'ACCEPT', trafficPath: 1 });
  }
  const useV6 = rng.chance(0.1) && host.role === 'app';
  const client = useV6 ? rng.pick([DEMO_IPS.aliceIpv6, DEMO_IPS.carolIpv6]) : rng.pick(CLIENT_IPS);
  return inbound(host, { client, server: useV6 ? ipv6Of(host) : host.privateIp, clientPort: ephemeral(rng), serverPort: 443, protocol: 6, packets: rng.int(8, 120), bytes: rng.int(700, 30_000), start, seconds: rng.int(0, 59), action: 'ACCEPT' });
}

/** The day's scripted episodes that fall in this hour on this network. */
function scripted(seed: number, network: DemoNetwork, hosts: readonly FlowHost[], hourStart: number, hour: number, epochDay: number): FlowRecord[] {
  const rng = new Rng(mixSeed(seed, 'vpcflow-script', network.vpcId, epochDay, hour));
  const out: FlowRecord[] = [];
  const app = hosts.find((h) => h.role !== 'worker') ?? hosts[0]!;
  if (network === PROD_EAST && hour === 3) {
    // SSH brute force: one rejected SYN per attempt, mostly port 22, a few at RDP.
    for (let i = 0; i < 40; i++) {
      out.push(...inbound(app, { client: DEMO_IPS.bruteForcer, server: app.privateIp, clientPort: ephemeral(rng), serverPort: i % 8 === 7 ? 3389 : 22, protocol: 6, packets: 1, bytes: 60, start: hourStart + 600 + i * 20, seconds: 0, action: 'REJECT' }));
    }
  }
  if (network === PROD_EAST && hour === 2) {
    // The nightly backup: more than 2^32 bytes in one record.
    out.push(...outbound(app, { client: app.privateIp, server: DEMO_IPS.backupServer, clientPort: ephemeral(rng), serverPort: 443, protocol: 6, packets: BigInt(3_500_000 + rng.int(0, 99_999)), bytes: 5_000_000_000n + BigInt(rng.int(0, 999_999_999)), start: hourStart + 300, seconds: 59, action: 'ACCEPT', trafficPath: 8 }));
  }
  if (network === STAGING_EAST && hour === 14) {
    out.push(...inbound(app, { client: roamingIpForDay(epochDay), server: app.privateIp, clientPort: ephemeral(rng), serverPort: 22, protocol: 6, packets: rng.int(40, 400), bytes: rng.int(4_000, 90_000), start: hourStart + 1200, seconds: 59, action: 'ACCEPT' }));
  }
  if (network === STAGING_EAST && hour === 9) {
    for (let i = 0; i < 5; i++) out.push(...inbound(app, { client: DEMO_IPS.leakedKeyUser, server: app.privateIp, clientPort: ephemeral(rng), serverPort: 443, protocol: 6, packets: 1, bytes: 60, start: hourStart + 60 * i, seconds: 0, action: 'REJECT' }));
  }
  if (network === SECURITY_EAST) {
    out.push(...inbound(app, { client: DEMO_IPS.siemCollector, server: app.privateIp, clientPort: ephemeral(rng), serverPort: 443, protocol: 6, packets: rng.int(20, 200), bytes: rng.int(2_000, 60_000), start: hourStart + 30, seconds: 59, action: 'ACCEPT' }));
  }
  // Idle workers at night: the interface reports NODATA for its capture window.
  if (hour < 6) for (const h of hosts) if (h.role === 'worker') out.push(idle(h, hourStart + 120, 'NODATA'));
  if (hour === mixSeed(seed, 'vpcflow-skip', network.vpcId, epochDay) % 24) out.push(idle(app, hourStart + 1800, 'SKIPDATA'));
  return out;
}

export interface HourRequest {
  seed: number;
  network: DemoNetwork;
  hourStartMs: number;
  epochDay: number;
  /** Background records wanted this hour (conversations come in pairs, so this is a floor). */
  backgroundCount: number;
}

/** Scripted plus background records for one flow log hour, ordered by start. */
export function recordsForHour(req: HourRequest): FlowRecord[] {
  const hosts = hostsOf(req.network);
  const hourStart = req.hourStartMs / 1000;
  const hour = new Date(req.hourStartMs).getUTCHours();
  const records = scripted(req.seed, req.network, hosts, hourStart, hour, req.epochDay);
  const rng = new Rng(mixSeed(req.seed, 'vpcflow-background', req.network.vpcId, req.hourStartMs));
  let made = 0;
  while (made < req.backgroundCount) {
    const batch = background(rng, hosts, hourStart, hour);
    if (batch.length === 0) break;
    records.push(...batch);
    made += batch.length;
  }
  return records.map((r, i) => ({ r, i })).sort((a, b) => a.r.start - b.r.start || a.i - b.i).map((x) => x.r);
}
