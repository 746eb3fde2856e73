// CloudTrail queries: validate, build a plan, run it through the request's loaders, map the rows.
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../context';
import { cloudTrailCountsPlan, cloudTrailEventsPlan } from '../query/cloudtrail.planner';
import { validateWindow } from '../query/time-window';
import { CountResult, SortOrder } from '../schema/common.types';
import { CloudTrailCountsArgs, CloudTrailEventsArgs } from '../schema/cloudtrail/cloudtrail-args';
import { CloudTrailEventConnection } from '../schema/cloudtrail/cloudtrail-connection.type';
import { cloudTrailEventFromRow } from './cloudtrail.mapper';
import { countResultOf } from './counts';
import { connectionOf } from './paging';

@Resolver()
export class CloudTrailResolver {
  @Query(() => CloudTrailEventConnection, { description: 'CloudTrail events in a window, oldest first unless order: DESC.' })
  async cloudTrailEvents(@Args(() => CloudTrailEventsArgs) args: CloudTrailEventsArgs, @Ctx() ctx: AppContext): Promise<CloudTrailEventConnection> {
    const plan = cloudTrailEventsPlan(validateWindow(args.window, ctx.config.maxWindowDays), args.filter, args.order ?? SortOrder.ASC);
    return connectionOf(ctx, plan, args.first ?? 100, args.after, cloudTrailEventFromRow);
  }

  @Query(() => CountResult, { description: 'CloudTrail events counted by up to four columns, largest groups first.' })
  async cloudTrailCounts(@Args(() => CloudTrailCountsArgs) args: CloudTrailCountsArgs, @Ctx() ctx: AppContext): Promise<CountResult> {
    const top = args.top ?? 50;
    const plan = cloudTrailCountsPlan(validateWindow(args.window, ctx.config.maxWindowDays), args.filter, args.groupBy, top);
    return countResultOf(ctx, plan, args.groupBy.length, top);
  }
}
