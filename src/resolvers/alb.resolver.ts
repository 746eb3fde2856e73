// ALB queries: validate, build a plan, run it through the request's loaders, map the rows.
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../context';
import { albCountsPlan, albRequestsPlan } from '../query/alb.planner';
import { validateWindow } from '../query/time-window';
import { AlbCountsArgs, AlbRequestsArgs } from '../schema/alb/alb-args';
import { AlbRequestConnection } from '../schema/alb/alb-connection.type';
import { CountResult, SortOrder } from '../schema/common.types';
import { albRequestFromRow } from './alb.mapper';
import { countResultOf } from './counts';
import { connectionOf } from './paging';

@Resolver()
export class AlbResolver {
  @Query(() => AlbRequestConnection, { description: 'ALB access log entries in a window, oldest first unless order: DESC.' })
  async albRequests(@Args(() => AlbRequestsArgs) args: AlbRequestsArgs, @Ctx() ctx: AppContext): Promise<AlbRequestConnection> {
    const plan = albRequestsPlan(validateWindow(args.window, ctx.config.maxWindowDays), args.filter, args.order ?? SortOrder.ASC);
    return connectionOf(ctx, plan, args.first ?? 100, args.after, albRequestFromRow);
  }

  @Query(() => CountResult, { description: 'ALB requests counted by up to four columns, largest groups first.' })
  async albCounts(@Args(() => AlbCountsArgs) args: AlbCountsArgs, @Ctx() ctx: AppContext): Promise<CountResult> {
    const top = args.top ?? 50;
    const plan = albCountsPlan(validateWindow(args.window, ctx.config.maxWindowDays), args.filter, args.groupBy, top);
    return countResultOf(ctx, plan, args.groupBy.length, top);
  }
}
