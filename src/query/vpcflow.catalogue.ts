// The VPC Flow Logs column catalogue: every field AWS documents for flow log records (VPC v2–v11 and
// Transit Gateway), the column each becomes (AWS's Athena names: hyphens to underscores) and its
// Athena type. The only source of identifiers the planner, the DuckDB reader and the mapper use.

export type VpcFlowColumnType = 'INTEGER' | 'BIGINT' | 'VARCHAR';

export interface VpcFlowField {
  /** The field as a flow log header and ${…} format names it, e.g. `account-id`. */
  field: string;
  /** The table column, e.g. `account_id`. */
  column: string;
  type: VpcFlowColumnType;
  /** The VpcFlowRecord field (the API contract's camelCase, e.g. srcaddr → srcAddr). */
  graphql: string;
}

const f = (field: string, type: VpcFlowColumnType, graphql: string): VpcFlowField => ({ field, column: field.replace(/-/g, '_'), type, graphql });

/** Fields in AWS's documented order: the default v2 format first, then v3–v11, then Transit Gateway's own. */
export const VPC_FLOW_FIELDS: readonly VpcFlowField[] = [
  // v2: the default format, in this order.
  f('version', 'INTEGER', 'version'),
  f('account-id', 'VARCHAR', 'accountId'),
  f('interface-id', 'VARCHAR', 'interfaceId'),
  f('srcaddr', 'VARCHAR', 'srcAddr'),
  f('dstaddr', 'VARCHAR', 'dstAddr'),
  f('srcport', 'INTEGER', 'srcPort'),
  f('dstport', 'INTEGER', 'dstPort'),
  f('protocol', 'INTEGER', 'protocol'),
  f('packets', 'BIGINT', 'packets'),
  f('bytes', 'BIGINT', 'bytes'),
  f('start', 'BIGINT', 'start'),
  f('end', 'BIGINT', 'end'),
  f('action', 'VARCHAR', 'action'),
  f('log-status', 'VARCHAR', 'logStatus'),
  // v3
  f('vpc-id', 'VARCHAR', 'vpcId'),
  f('subnet-id', 'VARCHAR', 'subnetId'),
  f('instance-id', 'VARCHAR', 'instanceId'),
  f('tcp-flags', 'INTEGER', 'tcpFlags'),
  f('type', 'VARCHAR', 'type'),
  f('pkt-srcaddr', 'VARCHAR', 'pktSrcAddr'),
  f('pkt-dstaddr', 'VARCHAR', 'pktDstAddr'),
  // v4 (region: see REGION_FIELD)
  f('region', 'VARCHAR', 'region'),
  f('az-id', 'VARCHAR', 'azId'),
  f('sublocation-type', 'VARCHAR', 'sublocationType'),
  f('sublocation-id', 'VARCHAR', 'sublocationId'),
  // v5
  f('pkt-src-aws-service', 'VARCHAR', 'pktSrcAwsService'),
  f('pkt-dst-aws-service', 'VARCHAR', 'pktDstAwsService'),
  f('flow-direction', 'VARCHAR', 'flowDirection'),
  f('traffic-path', 'INTEGER', 'trafficPath'),
  // v7: ECS
  f('ecs-cluster-arn', 'VARCHAR', 'ecsClusterArn'),
  f('ecs-cluster-name', 'VARCHAR', 'ecsClusterName'),
  f('ecs-container-instance-arn', 'VARCHAR', 'ecsContainerInstanceArn'),
  f('ecs-container-instance-id', 'VARCHAR', 'ecsContainerInstanceId'),
  f('ecs-container-id', 'VARCHAR', 'ecsContainerId'),
  f('ecs-second-container-id', 'VARCHAR', 'ecsSecondContainerId'),
  f('ecs-service-name', 'VARCHAR', 'ecsServiceName'),
  f('ecs-task-definition-arn', 'VARCHAR', 'ecsTaskDefinitionArn'),
  f('ecs-task-arn', 'VARCHAR', 'ecsTaskArn'),
  f('ecs-task-id', 'VARCHAR', 'ecsTaskId'),
  // v8–v11: reject reason (Block Public Access), resource, encryption, tags, interface and next hop.
  f('reject-reason', 'VARCHAR', 'rejectReason'),
  f('resource-id', 'VARCHAR', 'resourceId'),
  f('encryption-status', 'INTEGER', 'encryptionStatus'),
  f('instance-tag', 'VARCHAR', 'instanceTag'),
  f('instance-tag-2', 'VARCHAR', 'instanceTag2'),
  f('interface-tag', 'VARCHAR', 'interfaceTag'),
  f('interface-tag-2', 'VARCHAR', 'interfaceTag2'),
  f('asg-tag', 'VARCHAR', 'asgTag'),
  f('asg-tag-2', 'VARCHAR', 'asgTag2'),
  f('interface-type', 'VARCHAR', 'interfaceType'),
  f('next-hop-interface-id', 'VARCHAR', 'nextHopInterfaceId'),
  f('next-hop-subnet-id', 'VARCHAR', 'nextHopSubnetId'),
  f('next-hop-az-id', 'VARCHAR', 'nextHopAzId'),
  f('next-hop-vpc-id', 'VARCHAR', 'nextHopVpcId'),
  f('next-hop-interface-type', 'VARCHAR', 'nextHopInterfaceType'),
  // Transit Gateway flow logs (version 6), delivered under the same vpcflowlogs/ prefix.
  f('resource-type', 'VARCHAR', 'resourceType'),
  f('tgw-id', 'VARCHAR', 'tgwId'),
  f('tgw-attachment-id', 'VARCHAR', 'tgwAttachmentId'),
  f('tgw-src-vpc-account-id', 'VARCHAR', 'tgwSrcVpcAccountId'),
  f('tgw-dst-vpc-account-id', 'VARCHAR', 'tgwDstVpcAccountId'),
  f('tgw-src-vpc-id', 'VARCHAR', 'tgwSrcVpcId'),
  f('tgw-dst-vpc-id', 'VARCHAR', 'tgwDstVpcId'),
  f('tgw-src-subnet-id', 'VARCHAR', 'tgwSrcSubnetId'),
  f('tgw-dst-subnet-id', 'VARCHAR', 'tgwDstSubnetId'),
  f('tgw-src-eni', 'VARCHAR', 'tgwSrcEni'),
  f('tgw-dst-eni', 'VARCHAR', 'tgwDstEni'),
  f('tgw-src-az-id', 'VARCHAR', 'tgwSrcAzId'),
  f('tgw-dst-az-id', 'VARCHAR', 'tgwDstAzId'),
  f('tgw-pair-attachment-id', 'VARCHAR', 'tgwPairAttachmentId'),
  f('packets-lost-no-route', 'BIGINT', 'packetsLostNoRoute'),
  f('packets-lost-blackhole', 'BIGINT', 'packetsLostBlackhole'),
  f('packets-lost-mtu-exceeded', 'BIGINT', 'packetsLostMtuExceeded'),
  f('packets-lost-ttl-expired', 'BIGINT', 'packetsLostTtlExpired'),
];

/**
 * The v4 `region` field names the Region of the interface, which is always the Region folder the
 * flow log is delivered to. Every table's `region` column is that folder (the partition, as in AWS's
 * partition-projection DDL, which drops the field for the same reason), so the field binds no column.
 */
export const REGION_FIELD = 'region';

/** Fields that become table columns of their own (every field but the region one). */
export const VPC_FLOW_COLUMNS: readonly VpcFlowField[] = VPC_FLOW_FIELDS.filter((x) => x.field !== REGION_FIELD);

const BY_FIELD = new Map(VPC_FLOW_FIELDS.map((x) => [x.field, x]));
const BY_COLUMN = new Map(VPC_FLOW_FIELDS.map((x) => [x.column, x]));

export function vpcFlowField(field: string): VpcFlowField | undefined {
  return BY_FIELD.get(field);
}

/** Parquet delivery names columns with underscores (account_id): the same catalogue by column. */
export function vpcFlowFieldByColumn(column: string): VpcFlowField | undefined {
  return BY_COLUMN.get(column);
}

/** The default (v2) format: what a file's header holds when the flow log was created with no format. */
export const DEFAULT_FORMAT: readonly string[] = VPC_FLOW_FIELDS.slice(0, 14).map((x) => x.field);

/** Table expressions the counts can group by; DAY and HOUR are of `start` in UTC (yyyy-MM-dd, yyyy-MM-ddTHH). */
export const VPC_FLOW_GROUP_BY = {
  SRC_ADDR: 'srcaddr',
  DST_ADDR: 'dstaddr',
  SRC_PORT: 'srcport',
  DST_PORT: 'dstport',
  PROTOCOL: 'protocol',
  ACTION: 'action',
  INTERFACE_ID: 'interface_id',
  LOG_STATUS: 'log_status',
  ACCOUNT: 'account',
  ACCOUNT_ID: 'account_id',
  REGION: 'region',
  DAY: `date_format(from_unixtime("start") AT TIME ZONE 'UTC', '%Y-%m-%d')`,
  HOUR: `date_format(from_unixtime("start") AT TIME ZONE 'UTC', '%Y-%m-%dT%H')`,
  VPC_ID: 'vpc_id',
  SUBNET_ID: 'subnet_id',
  INSTANCE_ID: 'instance_id',
  FLOW_DIRECTION: 'flow_direction',
  PKT_SRC_AWS_SERVICE: 'pkt_src_aws_service',
  PKT_DST_AWS_SERVICE: 'pkt_dst_aws_service',
  REJECT_REASON: 'reject_reason',
} as const;

export type VpcFlowGroupByKey = keyof typeof VPC_FLOW_GROUP_BY;

/** The typed filter the planner accepts (the GraphQL input maps onto it one to one). */
export interface VpcFlowFilterSpec {
  address?: string | null;
  srcAddr?: string | null;
  dstAddr?: string | null;
  ports?: readonly number[] | null;
  srcPort?: number | null;
  dstPort?: number | null;
  protocols?: readonly number[] | null;
  actions?: readonly string[] | null;
  interfaceIds?: readonly string[] | null;
  logStatuses?: readonly string[] | null;
  accounts?: readonly string[] | null;
  regions?: readonly string[] | null;
  vpcIds?: readonly string[] | null;
}

/** The record's time: epoch seconds of the start of its capture window. */
export const VPC_FLOW_TIME = 'from_unixtime("start")';
