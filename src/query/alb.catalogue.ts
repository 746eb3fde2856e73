// The ALB column catalogue: the only source of identifiers and expressions the ALB builder puts into
// SQL. Names follow AWS's Athena ALB table (src/query/alb-table.ts) plus the partition columns
// account, region and day.

export const ALB_GROUP_BY = {
  ELB: 'elb',
  CLIENT_IP: 'client_ip',
  ELB_STATUS_CODE: 'elb_status_code',
  TARGET_STATUS_CODE: 'target_status_code',
  VERB: 'request_verb',
  DOMAIN: 'domain_name',
  SSL_PROTOCOL: 'ssl_protocol',
  SSL_CIPHER: 'ssl_cipher',
  USER_AGENT: 'user_agent',
  TYPE: 'type',
  URL: 'request_url',
  TARGET_IP: 'target_ip',
  REGION: 'region',
  ACCOUNT: 'account',
  // Day and hour of the request itself (UTC), not of the folder: a file delivered after midnight
  // lands in the next day's folder.
  DAY: 'substr(time, 1, 10)',
  HOUR: 'substr(time, 1, 13)',
} as const;

export type AlbGroupByKey = keyof typeof ALB_GROUP_BY;

/** The typed filter the planner accepts (the GraphQL input maps onto it one to one). */
export interface AlbFilterSpec {
  /** elb as logged: app/NAME/ID. */
  loadBalancers?: readonly string[] | null;
  /** An address or CIDR block, IPv4 or IPv6. */
  clientIp?: string | null;
  elbStatusCodes?: readonly number[] | null;
  targetStatusCodes?: readonly number[] | null;
  verbs?: readonly string[] | null;
  urlContains?: string | null;
  domains?: readonly string[] | null;
  sslProtocols?: readonly string[] | null;
  userAgentContains?: string | null;
  /** Listener types: http, https, h2, grpcs, ws, wss. */
  types?: readonly string[] | null;
  accounts?: readonly string[] | null;
  regions?: readonly string[] | null;
}

export const ALB_TIME_COLUMN = 'time';
