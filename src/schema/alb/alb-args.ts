// Argument sets of the ALB queries, in the order of the API contract (an ArgsType keeps
// declaration order in the printed schema).
import { ArgsType, Field, Int } from 'type-graphql';
import { SortOrder, TimeWindowInput } from '../common.types';
import { AlbFilter, AlbGroupBy } from './alb-filter.input';

@ArgsType()
export class AlbRequestsArgs {
  @Field(() => TimeWindowInput) window!: TimeWindowInput;
  @Field(() => AlbFilter, { nullable: true }) filter?: AlbFilter | null;
  @Field(() => Int, { nullable: true, defaultValue: 100 }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'A cursor from a previous page of the same query.' }) after?: string | null;
  @Field(() => SortOrder, { nullable: true, defaultValue: SortOrder.ASC }) order?: SortOrder | null;
}

@ArgsType()
export class AlbCountsArgs {
  @Field(() => TimeWindowInput) window!: TimeWindowInput;
  @Field(() => AlbFilter, { nullable: true }) filter?: AlbFilter | null;
  @Field(() => [AlbGroupBy]) groupBy!: AlbGroupBy[];
  @Field(() => Int, { nullable: true, defaultValue: 50 }) top?: number | null;
}
