import { Field, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../scalars';
import { PageInfo, QueryStats } from '../common.types';
import { CloudTrailEvent } from './cloudtrail-event.type';

@ObjectType()
export class CloudTrailEventEdge {
  @Field(() => String) cursor!: string;
  @Field(() => CloudTrailEvent) node!: CloudTrailEvent;
}

@ObjectType()
export class CloudTrailEventConnection {
  @Field(() => [CloudTrailEventEdge]) edges!: CloudTrailEventEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => BigIntScalar, { description: 'Events matching the window and filter.' }) totalCount!: bigint;
  @Field(() => QueryStats) stats!: QueryStats;
}
