import { Field, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../scalars';
import { PageInfo, QueryStats } from '../common.types';
import { AlbRequest } from './alb-request.type';

@ObjectType()
export class AlbRequestEdge {
  @Field(() => String) cursor!: string;
  @Field(() => AlbRequest) node!: AlbRequest;
}

@ObjectType()
export class AlbRequestConnection {
  @Field(() => [AlbRequestEdge]) edges!: AlbRequestEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => BigIntScalar, { description: 'Requests matching the window and filter.' }) totalCount!: bigint;
  @Field(() => QueryStats) stats!: QueryStats;
}
