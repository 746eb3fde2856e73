// The S3 access log filter and group-by names of the API contract; values reach SQL only as parameters.
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { S3_ACCESS_GROUP_BY, S3AccessFilterSpec } from '../../query/s3access.catalogue';

@InputType({ description: 'All given conditions must hold. Lists match any of their values.' })
export class S3AccessFilter implements S3AccessFilterSpec {
  @Field(() => [String], { nullable: true, description: 'Names of the logged buckets.' }) buckets?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Start of the object key, URL-encoded as S3 logs it (a space is + or %20).' }) keyPrefix?: string | null;
  @Field(() => [String], { nullable: true, description: 'REST.GET.OBJECT, REST.PUT.OBJECT, REST.DELETE.OBJECT, S3.EXPIRE.OBJECT, …' }) operations?: string[] | null;
  @Field(() => String, { nullable: true, description: 'The requester ARN or canonical user id, exactly.' }) requester?: string | null;
  @Field(() => String, { nullable: true, description: 'An IPv4/IPv6 address or CIDR block.' }) remoteIp?: string | null;
  @Field(() => [Int], { nullable: true }) httpStatuses?: number[] | null;
  @Field(() => [String], { nullable: true }) errorCodes?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Source-account folders of the date-based layout (partition), 12-digit ids. Objects in the simple layout have none.' }) accounts?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Source-region folders of the date-based layout (partition). Objects in the simple layout have none.' }) regions?: string[] | null;
}

export enum S3AccessGroupBy {
  BUCKET = 'BUCKET',
  OPERATION = 'OPERATION',
  REQUESTER = 'REQUESTER',
  REMOTE_IP = 'REMOTE_IP',
  HTTP_STATUS = 'HTTP_STATUS',
  ERROR_CODE = 'ERROR_CODE',
  KEY = 'KEY',
  USER_AGENT = 'USER_AGENT',
  TLS_VERSION = 'TLS_VERSION',
  DAY = 'DAY',
  HOUR = 'HOUR',
}
registerEnumType(S3AccessGroupBy, { name: 'S3AccessGroupBy', description: 'Columns s3AccessCounts can group by. DAY is yyyy-MM-dd and HOUR yyyy-MM-ddTHH of the request time (UTC).' });

// Every GraphQL group-by has a catalogue expression and the other way round (checked at compile time).
const _exhaustive: Record<S3AccessGroupBy, string> = S3_ACCESS_GROUP_BY;
void _exhaustive;
