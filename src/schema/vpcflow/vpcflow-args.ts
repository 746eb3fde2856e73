// Argument sets of the VPC Flow Logs queries, in the order of the API contract (an ArgsType keeps
// declaration order in the printed schema).
import { ArgsType, Field, Int } from 'type-graphql';
import { SortOrder, TimeWindowInput } from '../common.types';
import { VpcFlowFilter, VpcFlowGroupBy } from './vpcflow-filter.input';

@ArgsType()
export class VpcFlowRecordsArgs {
  @Field(() => TimeWindowInput) window!: TimeWindowInput;
  @Field(() => VpcFlowFilter, { nullable: true }) filter?: VpcFlowFilter | null;
  @Field(() => Int, { nullable: true, defaultValue: 100 }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'A cursor from a previous page of the same query.' }) after?: string | null;
  @Field(() => SortOrder, { nullable: true, defaultValue: SortOrder.ASC }) order?: SortOrder | null;
}

@ArgsType()
export class VpcFlowCountsArgs {
  @Field(() => TimeWindowInput) window!: TimeWindowInput;
  @Field(() => VpcFlowFilter, { nullable: true }) filter?: VpcFlowFilter | null;
  @Field(() => [VpcFlowGroupBy]) groupBy!: VpcFlowGroupBy[];
  @Field(() => Int, { nullable: true, defaultValue: 50 }) top?: number | null;
}
