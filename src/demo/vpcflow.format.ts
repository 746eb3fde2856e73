/**
 * How the demo writes flow log files: the default (v2) format and a custom v5 format in the field
 * order of AWS's own traffic-path example, each file starting with its header line, in the plain
 * layout or (for the security account) the Hive-compatible one with hourly folders.
 */

import { DEFAULT_FORMAT } from '../query/vpcflow.catalogue';
import type { DemoNetwork } from './demo-world';
import { compactMinute, dayPath } from './time';

/** One record with every field the demo's formats use; null is written as `-`. */
export interface FlowRecord {
  version: number;
  accountId: string;
  interfaceId: string;
  srcaddr: string | null;
  dstaddr: string | null;
  srcport: number | null;
  dstport: number | null;
  protocol: number | null;
  packets: number | bigint | null;
  bytes: number | bigint | null;
  start: number;
  end: number;
  action: 'ACCEPT' | 'REJECT' | null;
  logStatus: 'OK' | 'NODATA' | 'SKIPDATA';
  vpcId: string;
  subnetId: string;
  instanceId: string;
  tcpFlags: number | null;
  type: 'IPv4' | 'IPv6' | null;
  pktSrcaddr: string | null;
  pktDstaddr: string | null;
  region: string;
  azId: string;
  pktSrcAwsService: string | null;
  pktDstAwsService: string | null;
  flowDirection: 'ingress' | 'egress' | null;
  trafficPath: number | null;
}

/** AWS's documented v5 example order (flow-logs-records-examples: traffic path). */
export const CUSTOM_V5_FORMAT: readonly string[] =
  'version srcaddr dstaddr srcport dstport protocol start end type packets bytes account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path flow-direction log-status'.split(' ');

export type FlowFormat = 'default' | 'custom-v5';

export function fieldsOf(format: FlowFormat): readonly string[] {
  return format === 'default' ? DEFAULT_FORMAT : CUSTOM_V5_FORMAT;
}

const dash = (v: string | number | bigint | null): string => (v === null ? '-' : String(v));

function fieldValue(r: FlowRecord, field: string): string {
  switch (field) {
    case 'version': return String(r.version);
    case 'account-id': return r.accountId;
    case 'interface-id': return r.interfaceId;
    case 'srcaddr': return dash(r.srcaddr);
    case 'dstaddr': return dash(r.dstaddr);
    case 'srcport': return dash(r.srcport);
    case 'dstport': return dash(r.dstport);
    case 'protocol': return dash(r.protocol);
    case 'packets': return dash(r.packets);
    case 'bytes': return dash(r.bytes);
    case 'start': return String(r.start);
    case 'end': return String(r.end);
    case 'action': return dash(r.action);
    case 'log-status': return r.logStatus;
    case 'vpc-id': return r.vpcId;
    case 'subnet-id': return r.subnetId;
    case 'instance-id': return r.instanceId;
    case 'tcp-flags': return dash(r.tcpFlags);
    case 'type': return dash(r.type);
    case 'pkt-srcaddr': return dash(r.pktSrcaddr);
    case 'pkt-dstaddr': return dash(r.pktDstaddr);
    case 'region': return r.region;
    case 'az-id': return r.azId;
    case 'sublocation-type': return '-';
    case 'sublocation-id': return '-';
    case 'pkt-src-aws-service': return dash(r.pktSrcAwsService);
    case 'pkt-dst-aws-service': return dash(r.pktDstAwsService);
    case 'traffic-path': return dash(r.trafficPath);
    case 'flow-direction': return dash(r.flowDirection);
    default: throw new Error(`vpc flow demo: no value for field ${field}`);
  }
}

/** The whole file: header line, then one line a record. */
export function fileText(format: FlowFormat, records: readonly FlowRecord[]): string {
  const fields = fieldsOf(format);
  // The default format's version is 2 whatever the record would carry in a custom one.
  const lines = records.map((r) => fields.map((f) => (f === 'version' && format === 'default' ? '2' : fieldValue(r, f))).join(' '));
  return `${fields.join(' ')}\n${lines.join('\n')}\n`;
}

/** AWSLogs/ACCOUNT/vpcflowlogs/REGION/YYYY/MM/DD/… or the Hive-compatible form with hour=HH/. */
export function flowFileKey(network: DemoNetwork, flowLogId: string, hourStartMs: number, hive: boolean, hash: string): string {
  const name = `${network.accountId}_vpcflowlogs_${network.region}_${flowLogId}_${compactMinute(hourStartMs + 5 * 60_000)}_${hash}.log.gz`;
  if (!hive) return `AWSLogs/${network.accountId}/vpcflowlogs/${network.region}/${dayPath(hourStartMs)}/${name}`;
  const [y, m, d] = dayPath(hourStartMs).split('/');
  const hour = new Date(hourStartMs).toISOString().slice(11, 13);
  return `AWSLogs/aws-account-id=${network.accountId}/aws-service=vpcflowlogs/aws-region=${network.region}/year=${y}/month=${m}/day=${d}/hour=${hour}/${name}`;
}

/** AWS's text file names, either layout (for tests: every generated key must match). */
export const VPC_FLOW_LOG_KEY =
  /^AWSLogs\/(?:(\d{12})\/vpcflowlogs\/([a-z]{2}-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})|aws-account-id=(\d{12})\/aws-service=vpcflowlogs\/aws-region=([a-z]{2}-[a-z]+-\d)\/year=(\d{4})\/month=(\d{2})\/day=(\d{2})\/hour=\d{2})\/(\d{12})_vpcflowlogs_([a-z]{2}-[a-z]+-\d)_fl-[0-9a-f]{17}_\d{8}T\d{4}Z_[0-9a-f]{8}\.log\.gz$/;
