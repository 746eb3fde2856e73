/**
 * The demo's load balancers and where Elastic Load Balancing puts their files in the Log Archive
 * bucket. The regular expressions are exported so tests check names against one definition.
 */

import { DEMO_ACCOUNT_IDS } from './demo-world';
import { compactMinute, dayPath } from './time';

/** AWSLogs/ACCOUNT/elasticloadbalancing/REGION/YYYY/MM/DD/ACCOUNT_elasticloadbalancing_REGION_app.NAME.ID_YYYYMMDDTHHmmZ_IP_RANDOM.log.gz */
export const ALB_LOG_KEY =
  /^AWSLogs\/(\d{12})\/elasticloadbalancing\/([a-z]{2}-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/\1_elasticloadbalancing_\2_app\.([a-z0-9-]+)\.([0-9a-f]{16})_(\3\4\5T\d{4}Z)_(\d{1,3}(?:\.\d{1,3}){3})_([a-z0-9]{8})\.log\.gz$/;

/** NLB access logs share the folder: ..._net.NAME.ID_YYYYMMDDTHHmmZ_RANDOM.log.gz (no node address). */
export const NLB_LOG_KEY =
  /^AWSLogs\/(\d{12})\/elasticloadbalancing\/([a-z]{2}-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/\1_elasticloadbalancing_\2_net\.([a-z0-9-]+)\.([0-9a-f]{16})_(\3\4\5T\d{4}Z)_([a-z0-9]{8})\.log\.gz$/;

export interface DemoTarget {
  readonly ip: string;
  readonly port: number;
}

export interface DemoLoadBalancer {
  readonly key: 'web' | 'api';
  readonly name: string;
  readonly id: string;
  readonly accountId: string;
  readonly region: string;
  /** Node addresses: each node delivers its own files (the address is part of the file name). */
  readonly nodes: readonly string[];
  /** The SNI name clients use, and the host in logged URLs. */
  readonly domain: string;
  readonly certificateArn: string;
  readonly targetGroupArn: string;
  readonly targets: readonly DemoTarget[];
  /** Share of the day's background requests. */
  readonly share: number;
}

const P = DEMO_ACCOUNT_IDS.production;

function lb(key: DemoLoadBalancer['key'], region: string, name: string, id: string, nodes: readonly string[], domain: string, targetGroup: string, targets: readonly DemoTarget[], share: number, cert: string): DemoLoadBalancer {
  return {
    key,
    name,
    id,
    accountId: P,
    region,
    nodes,
    domain,
    certificateArn: `arn:aws:acm:${region}:${P}:certificate/${cert}`,
    targetGroupArn: `arn:aws:elasticloadbalancing:${region}:${P}:targetgroup/${targetGroup}`,
    targets,
    share,
  };
}

/** The production shop (internet-facing, us-east-1) and the partner API (eu-west-1). */
export const DEMO_LOAD_BALANCERS: readonly DemoLoadBalancer[] = [
  lb('web', 'us-east-1', 'examplecorp-prod-web', '3f9a1c5e7b2d4a60', ['10.0.0.12', '10.0.64.12'], 'shop.examplecorp.example', 'prod-web/6a0c2e4f81b3d5a7',
    [{ ip: '10.0.1.23', port: 8080 }, { ip: '10.0.1.24', port: 8080 }], 0.75, '5b1d7c3e-9f2a-4e6b-8c0d-2a4f6e8b0c1d'),
  lb('api', 'eu-west-1', 'examplecorp-prod-api', '8e4b2d6f0a1c3e57', ['10.0.128.12'], 'api.examplecorp.example', 'prod-api/0f2e4c6a8b1d3f59',
    [{ ip: '10.0.130.15', port: 8443 }], 0.25, 'c7e9a1b3-d5f7-4092-a4c6-e8f0a2b4c6d8'),
];

export const DEMO_NLB = { name: 'examplecorp-prod-nlb', id: '5c7e9a1b3d5f7092', accountId: P, region: 'us-east-1' } as const;

/** elb as logged: app/NAME/ID. */
export function elbOf(l: DemoLoadBalancer): string {
  return `app/${l.name}/${l.id}`;
}

function folder(accountId: string, region: string, dayMs: number): string {
  return `AWSLogs/${accountId}/elasticloadbalancing/${region}/${dayPath(dayMs)}`;
}

/**
 * The day folder is the delivery date, which the demo takes to be the date of the interval's end: a
 * file ending at 00:00 lies in the next day's folder with the last requests of the day before.
 */
export function albFileKey(l: DemoLoadBalancer, node: string, endMs: number, random: string): string {
  return `${folder(l.accountId, l.region, endMs)}/${l.accountId}_elasticloadbalancing_${l.region}_app.${l.name}.${l.id}_${compactMinute(endMs)}_${node}_${random}.log.gz`;
}

export function nlbFileKey(endMs: number, random: string): string {
  const n = DEMO_NLB;
  return `${folder(n.accountId, n.region, endMs)}/${n.accountId}_elasticloadbalancing_${n.region}_net.${n.name}.${n.id}_${compactMinute(endMs)}_${random}.log.gz`;
}
