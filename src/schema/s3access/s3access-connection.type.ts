import { Field, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../scalars';
import { PageInfo, QueryStats } from '../common.types';
import { S3AccessRequest } from './s3access-request.type';

@ObjectType()
export class S3AccessRequestEdge {
  @Field(() => String) cursor!: string;
  @Field(() => S3AccessRequest) node!: S3AccessRequest;
}

@ObjectType()
export class S3AccessRequestConnection {
  @Field(() => [S3AccessRequestEdge]) edges!: S3AccessRequestEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => BigIntScalar, { description: 'Requests matching the window and filter.' }) totalCount!: bigint;
  @Field(() => QueryStats) stats!: QueryStats;
}
