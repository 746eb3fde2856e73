// The CloudTrail filter and group-by names of the API contract; values reach SQL only as parameters.
import { Field, InputType, registerEnumType } from 'type-graphql';
import { CLOUDTRAIL_GROUP_BY, CloudTrailFilterSpec } from '../../query/cloudtrail.catalogue';

@InputType({ description: 'All given conditions must hold. Lists match any of their values.' })
export class CloudTrailFilter implements CloudTrailFilterSpec {
  @Field(() => [String], { nullable: true }) eventNames?: string[] | null;
  @Field(() => [String], { nullable: true }) eventSources?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'AwsApiCall, AwsServiceEvent, AwsConsoleSignIn, …' }) eventTypes?: string[] | null;
  @Field(() => String, { nullable: true }) principalArn?: string | null;
  @Field(() => String, { nullable: true }) principalArnPrefix?: string | null;
  @Field(() => String, { nullable: true }) userName?: string | null;
  @Field(() => String, { nullable: true }) accessKeyId?: string | null;
  @Field(() => String, { nullable: true, description: 'An IPv4/IPv6 address or CIDR block.' }) sourceIp?: string | null;
  @Field(() => String, { nullable: true }) errorCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only failed calls; false: only successful ones.' }) anyError?: boolean | null;
  @Field(() => Boolean, { nullable: true }) readOnly?: boolean | null;
  @Field(() => [String], { nullable: true, description: 'Region folders (partition).' }) regions?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Account folders (partition), 12-digit ids.' }) accounts?: string[] | null;
  @Field(() => String, { nullable: true, description: 'An ARN among the event resources.' }) resourceArn?: string | null;
}

export enum CloudTrailGroupBy {
  EVENT_NAME = 'EVENT_NAME',
  EVENT_SOURCE = 'EVENT_SOURCE',
  EVENT_TYPE = 'EVENT_TYPE',
  PRINCIPAL_ARN = 'PRINCIPAL_ARN',
  IDENTITY_TYPE = 'IDENTITY_TYPE',
  USER_NAME = 'USER_NAME',
  ACCESS_KEY_ID = 'ACCESS_KEY_ID',
  SOURCE_IP = 'SOURCE_IP',
  USER_AGENT = 'USER_AGENT',
  ERROR_CODE = 'ERROR_CODE',
  REGION = 'REGION',
  ACCOUNT = 'ACCOUNT',
  DAY = 'DAY',
  HOUR = 'HOUR',
}
registerEnumType(CloudTrailGroupBy, { name: 'CloudTrailGroupBy', description: 'Columns cloudTrailCounts can group by. DAY is yyyy-MM-dd and HOUR yyyy-MM-ddTHH of the event time (UTC).' });

// Every GraphQL group-by has a catalogue expression and the other way round (checked at compile time).
const _exhaustive: Record<CloudTrailGroupBy, string> = CLOUDTRAIL_GROUP_BY;
void _exhaustive;
