// Argument sets of the S3 access log queries, in the order of the API contract (an ArgsType keeps
// declaration order in the printed schema).
import { ArgsType, Field, Int } from 'type-graphql';
import { SortOrder, TimeWindowInput } from '../common.types';
import { S3AccessFilter, S3AccessGroupBy } from './s3access-filter.input';

@ArgsType()
export class S3AccessRequestsArgs {
  @Field(() => TimeWindowInput) window!: TimeWindowInput;
  @Field(() => S3AccessFilter, { nullable: true }) filter?: S3AccessFilter | null;
  @Field(() => Int, { nullable: true, defaultValue: 100 }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'A cursor from a previous page of the same query.' }) after?: string | null;
  @Field(() => SortOrder, { nullable: true, defaultValue: SortOrder.ASC }) order?: SortOrder | null;
}

@ArgsType()
export class S3AccessCountsArgs {
  @Field(() => TimeWindowInput) window!: TimeWindowInput;
  @Field(() => S3AccessFilter, { nullable: true }) filter?: S3AccessFilter | null;
  @Field(() => [S3AccessGroupBy]) groupBy!: S3AccessGroupBy[];
  @Field(() => Int, { nullable: true, defaultValue: 50 }) top?: number | null;
}
