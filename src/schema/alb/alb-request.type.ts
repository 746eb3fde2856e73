// AlbRequest: the fields of an ALB access log entry, named as the API contract names them (AWS's
// field names in camelCase). AWS writes `-` for "no value": every such field is null here. The three
// timings keep AWS's -1 ("not applicable": no target, or the request never reached one).
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BigIntScalar, DateTimeScalar } from '../scalars';

@ObjectType({ description: 'One ALB access log entry, as delivered, with the object key it came from.' })
export class AlbRequest {
  @Field(() => String, { description: 'Listener type: http, https, h2, grpcs, ws or wss.' }) type!: string;
  @Field(() => DateTimeScalar, { description: 'When the load balancer sent the response (UTC; DateTime keeps milliseconds, the log has microseconds).' }) time!: string;
  @Field(() => String, { description: 'The load balancer: app/NAME/ID.' }) elb!: string;
  @Field(() => String) clientIp!: string;
  @Field(() => Int, { nullable: true }) clientPort!: number | null;
  @Field(() => String, { nullable: true, description: 'Null when no target handled the request.' }) targetIp!: string | null;
  @Field(() => Int, { nullable: true }) targetPort!: number | null;
  @Field(() => Float, { nullable: true, description: 'Seconds; -1 when not applicable (AWS\'s own value, kept).' }) requestProcessingTime!: number | null;
  @Field(() => Float, { nullable: true, description: 'Seconds; -1 when not applicable.' }) targetProcessingTime!: number | null;
  @Field(() => Float, { nullable: true, description: 'Seconds; -1 when not applicable.' }) responseProcessingTime!: number | null;
  @Field(() => Int, { nullable: true }) elbStatusCode!: number | null;
  @Field(() => Int, { nullable: true }) targetStatusCode!: number | null;
  @Field(() => BigIntScalar, { nullable: true }) receivedBytes!: bigint | null;
  @Field(() => BigIntScalar, { nullable: true }) sentBytes!: bigint | null;
  @Field(() => String, { nullable: true }) requestVerb!: string | null;
  @Field(() => String, { nullable: true, description: 'As the client sent it (it may hold spaces).' }) requestUrl!: string | null;
  @Field(() => String, { nullable: true }) requestProto!: string | null;
  @Field(() => String, { nullable: true, description: 'As logged: double quotes inside stay escaped (\\").' }) userAgent!: string | null;
  @Field(() => String, { nullable: true }) sslCipher!: string | null;
  @Field(() => String, { nullable: true, description: 'TLSv1, TLSv1.1, TLSv1.2, TLSv1.3; null on plain HTTP.' }) sslProtocol!: string | null;
  @Field(() => String, { nullable: true }) targetGroupArn!: string | null;
  @Field(() => String, { nullable: true, description: 'The X-Amzn-Trace-Id header.' }) traceId!: string | null;
  @Field(() => String, { nullable: true, description: 'SNI domain the client sent in the TLS handshake.' }) domainName!: string | null;
  @Field(() => String, { nullable: true }) chosenCertArn!: string | null;
  @Field(() => Int, { nullable: true, description: '0 for the default rule.' }) matchedRulePriority!: number | null;
  @Field(() => DateTimeScalar, { nullable: true }) requestCreationTime!: string | null;
  @Field(() => [String], { nullable: true, description: 'E.g. ["waf", "forward"].' }) actionsExecuted!: string[] | null;
  @Field(() => String, { nullable: true }) redirectUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'error_reason (lambda_error_reason in AWS\'s Athena table).' }) errorReason!: string | null;
  @Field(() => [String], { nullable: true, description: 'target:port_list, as ip:port items.' }) targetPortList!: string[] | null;
  @Field(() => [String], { nullable: true }) targetStatusCodeList!: string[] | null;
  @Field(() => String, { nullable: true, description: 'Desync mitigation: Acceptable, Ambiguous or Severe.' }) classification!: string | null;
  @Field(() => String, { nullable: true }) classificationReason!: string | null;
  @Field(() => String, { nullable: true, description: 'TID_…: joins the request to its connection log entry.' }) connTraceId!: string | null;
  @Field(() => String, { nullable: true }) transformedHost!: string | null;
  @Field(() => String, { nullable: true }) transformedUri!: string | null;
  @Field(() => String, { nullable: true }) requestTransformStatus!: string | null;
  @Field(() => String, { nullable: true, description: 'Account folder the file was delivered to (partition).' }) account!: string | null;
  @Field(() => String, { nullable: true, description: 'Region folder the file was delivered to (partition).' }) region!: string | null;
  @Field(() => String, { description: 'Object key of the log file this entry came from (provenance for evidence).' }) sourceFile!: string;
}
