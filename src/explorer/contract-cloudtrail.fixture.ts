/**
 * The CloudTrail slice of shared/design/api-contract.md, written out as SDL for examples.test.ts: the
 * examples must keep to the contract's names even if the built schema drifts from them.
 */
export const CONTRACT_CLOUDTRAIL_SDL = /* GraphQL */ `
  scalar DateTime
  scalar JSON
  scalar BigInt

  input TimeWindow { from: DateTime!  to: DateTime! }
  type PageInfo { hasNextPage: Boolean!  endCursor: String }
  type QueryStats {
    engine: String!
    executionId: ID!
    elapsedMs: Float!
    filesRead: Int
    bytesScanned: BigInt
    rowsMatched: BigInt
    malformedRecords: BigInt!
    malformedFiles: [String!]!
    sql: String!
  }
  type CountGroup { keys: [String]!  count: BigInt! }
  type CountResult { groups: [CountGroup!]!  stats: QueryStats! }

  input CloudTrailFilter {
    eventNames: [String!]
    eventSources: [String!]
    principalArn: String
    principalArnPrefix: String
    userName: String
    accessKeyId: String
    sourceIp: String
    errorCode: String
    anyError: Boolean
    readOnly: Boolean
    regions: [String!]
    accounts: [String!]
    eventTypes: [String!]
    resourceArn: String
  }
  enum CloudTrailGroupBy {
    EVENT_NAME EVENT_SOURCE PRINCIPAL_ARN USER_NAME ACCESS_KEY_ID SOURCE_IP ERROR_CODE REGION ACCOUNT DAY
  }

  type SessionIssuer { type: String  arn: String  userName: String }
  type SessionContext { mfaAuthenticated: Boolean  creationDate: DateTime  sessionIssuer: SessionIssuer }
  type UserIdentity {
    type: String
    principalId: String
    arn: String
    accountId: String
    accessKeyId: String
    userName: String
    invokedBy: String
    sessionContext: SessionContext
  }
  type CloudTrailResource { arn: String  accountId: String  type: String }
  type TlsDetails { tlsVersion: String  cipherSuite: String  clientProvidedHostHeader: String }
  type CloudTrailEvent {
    eventTime: DateTime!
    eventName: String!
    eventSource: String!
    awsRegion: String
    sourceIpAddress: String
    userAgent: String
    errorCode: String
    errorMessage: String
    eventId: String
    eventType: String
    readOnly: Boolean
    recipientAccountId: String
    requestParameters: JSON
    responseElements: JSON
    additionalEventData: JSON
    resources: [CloudTrailResource!]
    userIdentity: UserIdentity
    tlsDetails: TlsDetails
    sourceFile: String!
  }
  type CloudTrailEventEdge { cursor: String!  node: CloudTrailEvent! }
  type CloudTrailEventConnection {
    edges: [CloudTrailEventEdge!]!
    pageInfo: PageInfo!
    stats: QueryStats!
    totalCount: BigInt!
  }

  type Query {
    cloudTrailEvents(window: TimeWindow!, filter: CloudTrailFilter, first: Int = 100, after: String): CloudTrailEventConnection!
    cloudTrailCounts(window: TimeWindow!, filter: CloudTrailFilter, groupBy: [CloudTrailGroupBy!]!, top: Int = 50): CountResult!
  }
`;
