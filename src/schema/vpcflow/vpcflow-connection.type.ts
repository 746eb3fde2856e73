import { Field, ObjectType } from 'type-graphql';
import { BigIntScalar } from '../scalars';
import { PageInfo, QueryStats } from '../common.types';
import { VpcFlowRecord } from './vpcflow-record.type';

@ObjectType()
export class VpcFlowRecordEdge {
  @Field(() => String) cursor!: string;
  @Field(() => VpcFlowRecord) node!: VpcFlowRecord;
}

@ObjectType()
export class VpcFlowRecordConnection {
  @Field(() => [VpcFlowRecordEdge]) edges!: VpcFlowRecordEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => BigIntScalar, { description: 'Records matching the window and filter.' }) totalCount!: bigint;
  @Field(() => QueryStats) stats!: QueryStats;
}
