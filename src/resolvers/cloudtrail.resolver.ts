// CloudTrail queries: validate, build a plan, run it through the request's loaders, map the rows.
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../context';
import { cloudTrailCountsPlan, cloudTrailEventsPlan } from '../query/cloudtrail.planner';
import { validateWindow } from '../query/time-window';
import { CountResult, SortOrder, TimeWindowInput } from '../schema/common.types';
import { CloudTrailEventConnection } from '../schema/cloudtrail/cloudtrail-connection.type';
import { CloudTrailFilter, CloudTrailGroupBy } from '../schema/cloudtrail/cloudtrail-filter.input';
import { cloudTrailEventFromRow } from './cloudtrail.mapper';
import { countResultOf } from './counts';
import { connectionOf } from './paging';

@Resolver()
export class CloudTrailResolver {
  @Query(() => CloudTrailEventConnection, { description: 'CloudTrail events in a window, oldest first unless order: DESC.' })
  async cloudTrailEvents(
    @Arg('window', () => TimeWindowInput) window: TimeWindowInput,
    @Arg('filter', () => CloudTrailFilter, { nullable: true }) filter: CloudTrailFilter | null,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('order', () => SortOrder, { defaultValue: SortOrder.ASC }) order: SortOrder,
    @Ctx() ctx: AppContext,
  ): Promise<CloudTrailEventConnection> {
    const plan = cloudTrailEventsPlan(validateWindow(window, ctx.config.maxWindowDays), filter, order);
    return connectionOf(ctx, plan, first, after, cloudTrailEventFromRow);
  }

  @Query(() => CountResult, { description: 'CloudTrail events counted by up to four columns, largest groups first.' })
  async cloudTrailCounts(
    @Arg('window', () => TimeWindowInput) window: TimeWindowInput,
    @Arg('filter', () => CloudTrailFilter, { nullable: true }) filter: CloudTrailFilter | null,
    @Arg('groupBy', () => [CloudTrailGroupBy]) groupBy: CloudTrailGroupBy[],
    @Arg('top', () => Int, { defaultValue: 50 }) top: number,
    @Ctx() ctx: AppContext,
  ): Promise<CountResult> {
    const plan = cloudTrailCountsPlan(validateWindow(window, ctx.config.maxWindowDays), filter, groupBy, top);
    return countResultOf(ctx, plan, groupBy.length, top);
  }
}
