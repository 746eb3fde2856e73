// The ALB filter and group-by names of the API contract; values reach SQL only as parameters.
import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { ALB_GROUP_BY, AlbFilterSpec } from '../../query/alb.catalogue';

@InputType({ description: 'All given conditions must hold. Lists match any of their values.' })
export class AlbFilter implements AlbFilterSpec {
  @Field(() => [String], { nullable: true, description: 'Load balancers as logged: app/NAME/ID.' }) loadBalancers?: string[] | null;
  @Field(() => String, { nullable: true, description: 'An IPv4/IPv6 address or CIDR block.' }) clientIp?: string | null;
  @Field(() => [Int], { nullable: true, description: 'Status codes the load balancer returned.' }) elbStatusCodes?: number[] | null;
  @Field(() => [Int], { nullable: true, description: 'Status codes the target returned.' }) targetStatusCodes?: number[] | null;
  @Field(() => [String], { nullable: true, description: 'HTTP methods, e.g. GET, POST.' }) verbs?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Text the request URL contains (case-sensitive).' }) urlContains?: string | null;
  @Field(() => [String], { nullable: true, description: 'SNI domain names.' }) domains?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'TLSv1, TLSv1.1, TLSv1.2, TLSv1.3.' }) sslProtocols?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Text the user agent contains (case-sensitive).' }) userAgentContains?: string | null;
  @Field(() => [String], { nullable: true, description: 'Listener types: http, https, h2, grpcs, ws, wss.' }) types?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Account folders (partition), 12-digit ids.' }) accounts?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Region folders (partition).' }) regions?: string[] | null;
}

export enum AlbGroupBy {
  ELB = 'ELB',
  CLIENT_IP = 'CLIENT_IP',
  ELB_STATUS_CODE = 'ELB_STATUS_CODE',
  TARGET_STATUS_CODE = 'TARGET_STATUS_CODE',
  VERB = 'VERB',
  DOMAIN = 'DOMAIN',
  SSL_PROTOCOL = 'SSL_PROTOCOL',
  SSL_CIPHER = 'SSL_CIPHER',
  USER_AGENT = 'USER_AGENT',
  TYPE = 'TYPE',
  URL = 'URL',
  TARGET_IP = 'TARGET_IP',
  REGION = 'REGION',
  ACCOUNT = 'ACCOUNT',
  DAY = 'DAY',
  HOUR = 'HOUR',
}
registerEnumType(AlbGroupBy, { name: 'AlbGroupBy', description: 'Columns albCounts can group by. URL is the request URL; DAY is yyyy-MM-dd and HOUR yyyy-MM-ddTHH of the request time (UTC).' });

// Every GraphQL group-by has a catalogue expression and the other way round (checked at compile time).
const _exhaustive: Record<AlbGroupBy, string> = ALB_GROUP_BY;
void _exhaustive;
