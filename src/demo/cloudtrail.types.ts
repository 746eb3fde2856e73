/**
 * The shape of a CloudTrail record, with CloudTrail's own field names, as far as the demo fills it.
 * Optional fields are omitted from the JSON when absent, as CloudTrail does.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface SessionIssuer {
  type?: 'Role' | 'Root' | 'IAMUser';
  principalId?: string;
  arn?: string;
  accountId?: string;
  userName?: string;
}

export interface SessionContext {
  sessionIssuer: SessionIssuer;
  webIdFederationData: JsonObject;
  attributes: { creationDate: string; mfaAuthenticated: 'true' | 'false' };
  ec2RoleDelivery?: string;
  sourceIdentity?: string;
}

export type UserIdentityType =
  | 'IAMUser'
  | 'AssumedRole'
  | 'Root'
  | 'AWSService'
  | 'AWSAccount'
  | 'WebIdentityUser'
  | 'FederatedUser';

/** `type` is optional because AWS service events carry only { accountId, invokedBy }. */
export interface UserIdentity {
  type?: UserIdentityType;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  sessionContext?: SessionContext;
  invokedBy?: string;
  identityProvider?: string;
}

export interface CloudTrailResource {
  accountId?: string;
  type: string;
  ARN: string;
}

export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export interface TlsDetails {
  tlsVersion: TlsVersion;
  cipherSuite: string;
  clientProvidedHostHeader: string;
}

export type EventType = 'AwsApiCall' | 'AwsServiceEvent' | 'AwsConsoleSignIn';
export type EventCategory = 'Management' | 'Data';

export interface CloudTrailRecord {
  eventVersion: '1.08' | '1.09';
  /** Absent on some AWS service events. */
  userIdentity?: UserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters: JsonObject | null;
  responseElements: JsonObject | null;
  additionalEventData?: JsonObject;
  requestID?: string;
  eventID: string;
  readOnly: boolean;
  resources?: CloudTrailResource[];
  eventType: EventType;
  apiVersion?: string;
  managementEvent: boolean;
  recipientAccountId: string;
  serviceEventDetails?: JsonObject;
  sharedEventID?: string;
  vpcEndpointId?: string;
  eventCategory: EventCategory;
  sessionCredentialFromConsole?: 'true';
  tlsDetails?: TlsDetails;
}

/** A record and the instant it happened, so that files can be cut and sorted without parsing eventTime. */
export interface TimedRecord {
  readonly ms: number;
  readonly record: CloudTrailRecord;
}
