// The CloudTrail column catalogue: the only source of identifiers and expressions the builder puts
// into SQL. Names follow AWS's Athena CloudTrail table plus the partition columns account, region, day.

export const CLOUDTRAIL_GROUP_BY = {
  EVENT_NAME: 'eventname',
  EVENT_SOURCE: 'eventsource',
  EVENT_TYPE: 'eventtype',
  PRINCIPAL_ARN: 'useridentity.arn',
  IDENTITY_TYPE: 'useridentity.type',
  USER_NAME: 'useridentity.username',
  ACCESS_KEY_ID: 'useridentity.accesskeyid',
  SOURCE_IP: 'sourceipaddress',
  USER_AGENT: 'useragent',
  ERROR_CODE: 'errorcode',
  REGION: 'region',
  ACCOUNT: 'account',
  // Day of the event itself (yyyy-MM-dd), not of the folder: late deliveries land in the next folder.
  DAY: 'substr(eventtime, 1, 10)',
  HOUR: 'substr(eventtime, 1, 13)',
} as const;

export type CloudTrailGroupByKey = keyof typeof CLOUDTRAIL_GROUP_BY;

/** The typed filter the planner accepts (the GraphQL input maps onto it one to one). */
export interface CloudTrailFilterSpec {
  eventNames?: readonly string[] | null;
  eventSources?: readonly string[] | null;
  eventTypes?: readonly string[] | null;
  principalArn?: string | null;
  principalArnPrefix?: string | null;
  userName?: string | null;
  accessKeyId?: string | null;
  sourceIp?: string | null;
  errorCode?: string | null;
  anyError?: boolean | null;
  readOnly?: boolean | null;
  regions?: readonly string[] | null;
  accounts?: readonly string[] | null;
  resourceArn?: string | null;
}

export const CLOUDTRAIL_TIME_COLUMN = 'eventtime';
