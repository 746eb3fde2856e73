/**
 * The demo VPC flow logs' cast, drawn from demo-world: one flow log per demo VPC, the instances'
 * network interfaces with their private addresses (the ones CloudTrail's demo events come from),
 * and the public addresses that talk to them.
 */

import { DEMO_IPS, DEMO_NETWORKS, roamingIpForDay, type DemoNetwork } from './demo-world';
import { mixSeed } from './random';

export interface FlowHost {
  readonly network: DemoNetwork;
  readonly instanceId: string;
  readonly eniId: string;
  readonly privateIp: string;
  readonly subnetId: string;
  readonly azId: string;
  /** What the host serves; drives which traffic it sees. */
  readonly role: 'app' | 'worker' | 'tools';
}

/** Addresses demo-world names for instances; the others get one inside their VPC's CIDR. */
const KNOWN_IPS: Readonly<Record<string, string>> = {
  'i-0a1b2c3d4e5f67890': DEMO_IPS.prodAppServer,
  'i-0f9e8d7c6b5a43210': DEMO_IPS.stagingAppServer,
  'i-0b3d5f7b9d1f3b5d7': DEMO_IPS.securityTools,
  'i-0c3d5e7f9a1b3c5d7': '10.0.1.57',
  'i-0e5f7a9b1c3d5e7f9': '10.0.129.23',
  'i-0a2c4e6a8c0e2a4c6': '10.1.129.17',
  'i-0c4e6a8c0e2a4c6e8': '10.2.129.9',
};

const AZ_PREFIX: Readonly<Record<string, string>> = { 'us-east-1': 'use1', 'eu-west-1': 'euw1' };

export const FLOW_HOSTS: readonly FlowHost[] = DEMO_NETWORKS.flatMap((network) =>
  network.instanceIds.map((instanceId, i) => {
    const privateIp = KNOWN_IPS[instanceId];
    if (privateIp === undefined) throw new Error(`vpc flow demo: no address for ${instanceId}`);
    return {
      network,
      instanceId,
      eniId: network.eniIds[i] ?? `eni-${instanceId.slice(2)}`,
      privateIp,
      subnetId: network.subnetIds[i % network.subnetIds.length] ?? network.subnetIds[0]!,
      azId: `${AZ_PREFIX[network.region] ?? 'az'}-az${(i % 2) + 1}`,
      role: network.accountId === DEMO_NETWORKS[4]!.accountId ? 'tools' : i === 0 ? 'app' : 'worker',
    };
  }),
);

export function hostsOf(network: DemoNetwork): readonly FlowHost[] {
  return FLOW_HOSTS.filter((h) => h.network === network);
}

/** A flow log id (fl- and 17 hex digits) fixed per VPC. */
export function flowLogId(network: DemoNetwork): string {
  const a = mixSeed('flow-log', network.vpcId).toString(16).padStart(8, '0');
  const b = mixSeed('flow-log-2', network.vpcId).toString(16).padStart(8, '0');
  return `fl-0${a}${b}`;
}

/** People and services that reach the instances over the internet (documentation ranges only). */
export const CLIENT_IPS: readonly string[] = [
  DEMO_IPS.aliceOffice,
  DEMO_IPS.bobOffice,
  DEMO_IPS.carolOffice,
  DEMO_IPS.daveOffice,
  DEMO_IPS.partner,
  DEMO_IPS.ciRunner,
  DEMO_IPS.pipelineRunner,
];

/** Addresses the demo uses for AWS service endpoints, with the service VPC flow logs name (v5). */
export const AWS_ENDPOINTS: readonly { ip: string; service: string }[] = [
  { ip: '198.51.100.201', service: 'S3' },
  { ip: '198.51.100.202', service: 'EC2' },
  { ip: '198.51.100.203', service: 'AMAZON' },
  { ip: '198.51.100.204', service: 'DYNAMODB' },
];

export { roamingIpForDay };
