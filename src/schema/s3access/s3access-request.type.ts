// S3AccessRequest: one line of an S3 server access log, with the field names of the API contract.
// S3 writes `-` for any field it has no value for, and older lines stop before the newer fields:
// every field but the request time and the object key is nullable. Values are as S3 logged them
// (the key URL-encoded, an escaped quote in a quoted field kept as \").
import { Field, Int, ObjectType } from 'type-graphql';
import { BigIntScalar, DateTimeScalar } from '../scalars';

@ObjectType({ description: 'One S3 server access log record, as delivered, with the object key it came from.' })
export class S3AccessRequest {
  @Field(() => String, { nullable: true, description: 'Canonical user id of the bucket owner.' }) bucketOwner!: string | null;
  @Field(() => String, { nullable: true }) bucketName!: string | null;
  @Field(() => DateTimeScalar, { description: 'When S3 received the request.' }) requestTime!: string;
  @Field(() => String, { nullable: true }) remoteIp!: string | null;
  @Field(() => String, { nullable: true, description: 'ARN or canonical user id of the requester; null for unauthenticated requests.' }) requester!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => String, { nullable: true, description: 'SOAP.operation, REST.HTTP_method.resource_type, WEBSITE.…, BATCH.DELETE.OBJECT or S3.action.' }) operation!: string | null;
  @Field(() => String, { nullable: true, description: 'The object key, URL-encoded as S3 logs it.' }) key!: string | null;
  @Field(() => String, { nullable: true, description: 'The HTTP request line (method, URI, protocol).' }) requestUri!: string | null;
  @Field(() => Int, { nullable: true }) httpStatus!: number | null;
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field(() => BigIntScalar, { nullable: true, description: 'Response bytes sent, HTTP headers excluded.' }) bytesSent!: bigint | null;
  @Field(() => BigIntScalar, { nullable: true }) objectSize!: bigint | null;
  @Field(() => BigIntScalar, { nullable: true, description: 'Milliseconds the request was in flight, from the server side.' }) totalTimeMs!: bigint | null;
  @Field(() => BigIntScalar, { nullable: true, description: 'Milliseconds S3 spent processing the request.' }) turnAroundTimeMs!: bigint | null;
  @Field(() => String, { nullable: true }) referrer!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => String, { nullable: true }) versionId!: string | null;
  @Field(() => String, { nullable: true, description: 'The x-amz-id-2 (extended request id).' }) hostId!: string | null;
  @Field(() => String, { nullable: true, description: 'SigV2 or SigV4; null for unauthenticated requests.' }) signatureVersion!: string | null;
  @Field(() => String, { nullable: true }) cipherSuite!: string | null;
  @Field(() => String, { nullable: true, description: 'AuthHeader or QueryString (presigned URL).' }) authType!: string | null;
  @Field(() => String, { nullable: true, description: 'The endpoint the client named in its Host header.' }) hostHeader!: string | null;
  @Field(() => String, { nullable: true, description: 'TLSv1, TLSv1.1, TLSv1.2, TLSv1.3; null without TLS.' }) tlsVersion!: string | null;
  @Field(() => String, { nullable: true }) accessPointArn!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true when an ACL was required to authorise the request; null when S3 logged `-` or the line predates the field.' }) aclRequired!: boolean | null;
  @Field(() => String, { nullable: true, description: 'The AWS Region the request came from, where S3 logs it.' }) sourceRegion!: string | null;
  @Field(() => String, { description: 'Object key of the log file this record came from (provenance for evidence).' }) sourceFile!: string;
}
