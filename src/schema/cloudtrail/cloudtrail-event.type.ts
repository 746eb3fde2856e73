// CloudTrailEvent: the CloudTrail record's own field names in camelCase. Every identity field is
// nullable: AWS service events have no userIdentity, AWSService/AWSAccount identities have no arn.
import { Field, ObjectType } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from '../scalars';

@ObjectType()
export class CloudTrailSessionIssuer {
  @Field(() => String, { nullable: true }) type!: string | null;
  @Field(() => String, { nullable: true }) principalId!: string | null;
  @Field(() => String, { nullable: true }) arn!: string | null;
  @Field(() => String, { nullable: true }) accountId!: string | null;
  @Field(() => String, { nullable: true }) userName!: string | null;
}

@ObjectType()
export class CloudTrailSessionContext {
  @Field(() => Boolean, { nullable: true }) mfaAuthenticated!: boolean | null;
  @Field(() => DateTimeScalar, { nullable: true }) creationDate!: string | null;
  @Field(() => CloudTrailSessionIssuer, { nullable: true }) sessionIssuer!: CloudTrailSessionIssuer | null;
}

@ObjectType()
export class CloudTrailUserIdentity {
  @Field(() => String, { nullable: true }) type!: string | null;
  @Field(() => String, { nullable: true }) principalId!: string | null;
  @Field(() => String, { nullable: true }) arn!: string | null;
  @Field(() => String, { nullable: true }) accountId!: string | null;
  @Field(() => String, { nullable: true }) accessKeyId!: string | null;
  @Field(() => String, { nullable: true }) userName!: string | null;
  @Field(() => String, { nullable: true }) invokedBy!: string | null;
  @Field(() => CloudTrailSessionContext, { nullable: true }) sessionContext!: CloudTrailSessionContext | null;
}

@ObjectType()
export class CloudTrailResource {
  @Field(() => String, { nullable: true }) arn!: string | null;
  @Field(() => String, { nullable: true }) accountId!: string | null;
  @Field(() => String, { nullable: true }) type!: string | null;
}

@ObjectType()
export class CloudTrailTlsDetails {
  @Field(() => String, { nullable: true }) tlsVersion!: string | null;
  @Field(() => String, { nullable: true }) cipherSuite!: string | null;
  @Field(() => String, { nullable: true }) clientProvidedHostHeader!: string | null;
}

@ObjectType({ description: 'One CloudTrail event, as delivered, with the object key it came from.' })
export class CloudTrailEvent {
  @Field(() => DateTimeScalar) eventTime!: string;
  @Field(() => String) eventName!: string;
  @Field(() => String) eventSource!: string;
  @Field(() => String, { nullable: true }) awsRegion!: string | null;
  @Field(() => String, { nullable: true }) sourceIpAddress!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
  @Field(() => String, { nullable: true }) eventId!: string | null;
  @Field(() => String, { nullable: true }) eventType!: string | null;
  @Field(() => String, { nullable: true }) eventVersion!: string | null;
  @Field(() => String, { nullable: true }) eventCategory!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => Boolean, { nullable: true }) readOnly!: boolean | null;
  @Field(() => Boolean, { nullable: true }) managementEvent!: boolean | null;
  @Field(() => String, { nullable: true }) recipientAccountId!: string | null;
  @Field(() => String, { nullable: true }) sharedEventId!: string | null;
  @Field(() => String, { nullable: true }) vpcEndpointId!: string | null;
  @Field(() => JSONScalar, { nullable: true }) requestParameters!: unknown;
  @Field(() => JSONScalar, { nullable: true }) responseElements!: unknown;
  @Field(() => JSONScalar, { nullable: true }) additionalEventData!: unknown;
  @Field(() => JSONScalar, { nullable: true }) serviceEventDetails!: unknown;
  @Field(() => [CloudTrailResource], { nullable: true }) resources!: CloudTrailResource[] | null;
  @Field(() => CloudTrailUserIdentity, { nullable: true }) userIdentity!: CloudTrailUserIdentity | null;
  @Field(() => CloudTrailTlsDetails, { nullable: true }) tlsDetails!: CloudTrailTlsDetails | null;
  @Field(() => String, { nullable: true, description: 'Account folder the file was delivered to (partition).' }) account!: string | null;
  @Field(() => String, { nullable: true, description: 'Region folder the file was delivered to (partition).' }) region!: string | null;
  @Field(() => String, { description: 'Object key of the log file this event came from (provenance for evidence).' }) sourceFile!: string;
}
