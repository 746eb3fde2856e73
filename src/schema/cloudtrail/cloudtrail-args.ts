// Argument sets of the CloudTrail queries, in the order of the API contract (an ArgsType keeps
// declaration order in the printed schema).
import { ArgsType, Field, Int } from 'type-graphql';
import { SortOrder, TimeWindowInput } from '../common.types';
import { CloudTrailFilter, CloudTrailGroupBy } from './cloudtrail-filter.input';

@ArgsType()
export class CloudTrailEventsArgs {
  @Field(() => TimeWindowInput) window!: TimeWindowInput;
  @Field(() => CloudTrailFilter, { nullable: true }) filter?: CloudTrailFilter | null;
  @Field(() => Int, { nullable: true, defaultValue: 100 }) first?: number | null;
  @Field(() => String, { nullable: true, description: 'A cursor from a previous page of the same query.' }) after?: string | null;
  @Field(() => SortOrder, { nullable: true, defaultValue: SortOrder.ASC }) order?: SortOrder | null;
}

@ArgsType()
export class CloudTrailCountsArgs {
  @Field(() => TimeWindowInput) window!: TimeWindowInput;
  @Field(() => CloudTrailFilter, { nullable: true }) filter?: CloudTrailFilter | null;
  @Field(() => [CloudTrailGroupBy]) groupBy!: CloudTrailGroupBy[];
  @Field(() => Int, { nullable: true, defaultValue: 50 }) top?: number | null;
}
