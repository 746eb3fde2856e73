// The VPC Flow Logs filter and group-by names of the API contract; values reach SQL only as parameters.
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { VPC_FLOW_GROUP_BY, VpcFlowFilterSpec } from '../../query/vpcflow.catalogue';

@InputType({ description: 'All given conditions must hold. Lists match any of their values.' })
export class VpcFlowFilter implements VpcFlowFilterSpec {
  @Field(() => String, { nullable: true, description: 'An IPv4/IPv6 address or CIDR block on either end of the flow (srcaddr, dstaddr, pkt-srcaddr or pkt-dstaddr).' }) address?: string | null;
  @Field(() => String, { nullable: true, description: 'An IPv4/IPv6 address or CIDR block matching srcaddr.' }) srcAddr?: string | null;
  @Field(() => String, { nullable: true, description: 'An IPv4/IPv6 address or CIDR block matching dstaddr.' }) dstAddr?: string | null;
  @Field(() => [Int], { nullable: true, description: 'Ports on either end (srcport or dstport).' }) ports?: number[] | null;
  @Field(() => Int, { nullable: true }) srcPort?: number | null;
  @Field(() => Int, { nullable: true }) dstPort?: number | null;
  @Field(() => [Int], { nullable: true, description: 'IANA protocol numbers: 6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6.' }) protocols?: number[] | null;
  @Field(() => [String], { nullable: true, description: 'ACCEPT or REJECT.' }) actions?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Network interface ids (eni-…).' }) interfaceIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'OK, NODATA or SKIPDATA.' }) logStatuses?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Account folders (partition), 12-digit ids.' }) accounts?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Region folders (partition).' }) regions?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'VPC ids (vpc-…), for files whose format has vpc-id.' }) vpcIds?: string[] | null;
}

export enum VpcFlowGroupBy {
  SRC_ADDR = 'SRC_ADDR',
  DST_ADDR = 'DST_ADDR',
  SRC_PORT = 'SRC_PORT',
  DST_PORT = 'DST_PORT',
  PROTOCOL = 'PROTOCOL',
  ACTION = 'ACTION',
  INTERFACE_ID = 'INTERFACE_ID',
  LOG_STATUS = 'LOG_STATUS',
  ACCOUNT = 'ACCOUNT',
  ACCOUNT_ID = 'ACCOUNT_ID',
  REGION = 'REGION',
  DAY = 'DAY',
  HOUR = 'HOUR',
  VPC_ID = 'VPC_ID',
  SUBNET_ID = 'SUBNET_ID',
  INSTANCE_ID = 'INSTANCE_ID',
  FLOW_DIRECTION = 'FLOW_DIRECTION',
  PKT_SRC_AWS_SERVICE = 'PKT_SRC_AWS_SERVICE',
  PKT_DST_AWS_SERVICE = 'PKT_DST_AWS_SERVICE',
  REJECT_REASON = 'REJECT_REASON',
}
registerEnumType(VpcFlowGroupBy, {
  name: 'VpcFlowGroupBy',
  description: 'Columns vpcFlowCounts can group by. ACCOUNT is the account folder, ACCOUNT_ID the record field. DAY is yyyy-MM-dd and HOUR yyyy-MM-ddTHH of start (UTC).',
});

// Every GraphQL group-by has a catalogue expression and the other way round (checked at compile time).
const _exhaustive: Record<VpcFlowGroupBy, string> = VPC_FLOW_GROUP_BY;
void _exhaustive;
