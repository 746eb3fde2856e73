/**
 * Network boundary changes: every day bob (admin session without MFA) opens SSH to the world and
 * alice closes it again; the pipeline adds and removes internal rules; on some weekdays an IPv6
 * world-open rule, a NACL entry, a default route and a VPC endpoint policy change.
 */

import { principalActor, type Actor } from './cloudtrail.actor';
import { apiCall, securityGroupRuleCall, sessionStartOf, type IngressRule } from './cloudtrail.calls';
import type { ScriptWriter } from './cloudtrail.script-writer';
import { DEMO_ACCOUNT_IDS, DEMO_PRINCIPAL as P, networkOf, type DemoPrincipal } from './demo-world';

export function networkChanges(w: ScriptWriter): void {
  worldOpenSsh(w);
  pipelineRules(w);
  weeklyNetworkChanges(w);
}

function ruleId(w: ScriptWriter): string {
  return `sgr-0${w.rng.hex(16)}`;
}

function actorAt(w: ScriptWriter, p: DemoPrincipal, second: number, mfa?: boolean): Actor {
  return principalActor(p, { sessionCreatedMs: sessionStartOf(w.ms(second)), ...(mfa === undefined ? {} : { mfa }) });
}

function worldOpenSsh(w: ScriptWriter): void {
  const net = networkOf(DEMO_ACCOUNT_IDS.production, 'us-east-1');
  const groupId = net.securityGroupIds[0] ?? 'sg-0';
  const rule: IngressRule = { protocol: 'tcp', fromPort: 22, toPort: 22, cidr: '0.0.0.0/0', description: 'temp ssh for debugging' };
  const id = ruleId(w);
  const openedAt = w.at(10, w.rng.int(30, 59));
  w.emit(openedAt, actorAt(w, P.bobProdAdmin, openedAt, false), securityGroupRuleCall(w.rng, 'AuthorizeSecurityGroupIngress', net, groupId, rule, id));
  const closedAt = w.later(openedAt, 3600, 3 * 3600);
  w.emit(closedAt, actorAt(w, P.aliceProdAdmin, closedAt), securityGroupRuleCall(w.rng, 'RevokeSecurityGroupIngress', net, groupId, rule, id));
}

function pipelineRules(w: ScriptWriter): void {
  const net = networkOf(DEMO_ACCOUNT_IDS.staging, w.rng.chance(0.5) ? 'us-east-1' : 'eu-west-1');
  const groupId = net.securityGroupIds[1] ?? 'sg-0';
  const rule: IngressRule = { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '10.1.0.0/16', description: 'https from vpc' };
  const id = ruleId(w);
  const at = w.at(w.rng.int(7, 12));
  w.emit(at, actorAt(w, P.stagingPipeline, at), securityGroupRuleCall(w.rng, 'AuthorizeSecurityGroupIngress', net, groupId, rule, id));
  const later = w.at(w.rng.int(14, 19));
  w.emit(later, actorAt(w, P.stagingPipeline, later), securityGroupRuleCall(w.rng, 'RevokeSecurityGroupIngress', net, groupId, rule, id));
}

function weeklyNetworkChanges(w: ScriptWriter): void {
  const at = w.at(w.rng.int(11, 17));
  if (w.weekday === 4) {
    const net = networkOf(DEMO_ACCOUNT_IDS.staging, 'eu-west-1');
    const rule: IngressRule = { protocol: 'tcp', fromPort: 443, toPort: 443, cidr: '::/0', description: 'public https (ipv6)' };
    w.emit(at, actorAt(w, P.carolStagingAdmin, at), securityGroupRuleCall(w.rng, 'AuthorizeSecurityGroupIngress', net, net.securityGroupIds[0] ?? 'sg-0', rule, ruleId(w)));
  }
  if (w.weekday === 1) {
    const net = networkOf(DEMO_ACCOUNT_IDS.staging, 'us-east-1');
    w.emit(at, actorAt(w, P.carolStagingAdmin, at), apiCall('ec2.amazonaws.com', 'CreateNetworkAclEntry', net.region, {
      params: { networkAclId: net.networkAclId, ruleNumber: 90, egress: false, ruleAction: 'allow', icmpTypeCode: {}, portRange: { from: 3389, to: 3389 }, aclProtocol: '6', cidrBlock: '0.0.0.0/0' },
      response: { requestId: w.rng.uuid(), _return: true },
    }));
  }
  if (w.weekday === 3) {
    const net = networkOf(DEMO_ACCOUNT_IDS.production, 'eu-west-1');
    w.emit(at, actorAt(w, P.bobProdAdmin, at, false), apiCall('ec2.amazonaws.com', 'CreateRoute', net.region, {
      params: { routeTableId: net.routeTableId, destinationCidrBlock: '0.0.0.0/0', gatewayId: `igw-0${w.rng.hex(16)}` },
      response: { requestId: w.rng.uuid(), _return: true },
    }));
  }
  if (w.weekday === 6) {
    const net = networkOf(DEMO_ACCOUNT_IDS.production, 'us-east-1');
    w.emit(at, actorAt(w, P.prodPipeline, at), apiCall('ec2.amazonaws.com', 'ModifyVpcEndpoint', net.region, {
      params: {
        ModifyVpcEndpointRequest: {
          VpcEndpointId: `vpce-0${w.rng.hex(16)}`,
          PolicyDocument: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] }),
        },
      },
      response: { ModifyVpcEndpointResponse: { xmlns: 'http://ec2.amazonaws.com/doc/2016-11-15/', return: true, requestId: w.rng.uuid() } },
    }));
  }
}
