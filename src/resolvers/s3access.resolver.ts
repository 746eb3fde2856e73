// S3 server access log queries: validate, build a plan, run it through the request's loaders, map the rows.
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../context';
import { s3AccessCountsPlan, s3AccessRequestsPlan } from '../query/s3access.planner';
import { validateWindow } from '../query/time-window';
import { CountResult, SortOrder } from '../schema/common.types';
import { S3AccessCountsArgs, S3AccessRequestsArgs } from '../schema/s3access/s3access-args';
import { S3AccessRequestConnection } from '../schema/s3access/s3access-connection.type';
import { countResultOf } from './counts';
import { connectionOf } from './paging';
import { s3AccessRequestFromRow } from './s3access.mapper';

@Resolver()
export class S3AccessResolver {
  @Query(() => S3AccessRequestConnection, { description: 'S3 server access log records in a window, oldest first unless order: DESC.' })
  async s3AccessRequests(@Args(() => S3AccessRequestsArgs) args: S3AccessRequestsArgs, @Ctx() ctx: AppContext): Promise<S3AccessRequestConnection> {
    const plan = s3AccessRequestsPlan(validateWindow(args.window, ctx.config.maxWindowDays), args.filter, args.order ?? SortOrder.ASC);
    return connectionOf(ctx, plan, args.first ?? 100, args.after, s3AccessRequestFromRow);
  }

  @Query(() => CountResult, { description: 'S3 server access log records counted by up to four columns, largest groups first.' })
  async s3AccessCounts(@Args(() => S3AccessCountsArgs) args: S3AccessCountsArgs, @Ctx() ctx: AppContext): Promise<CountResult> {
    const top = args.top ?? 50;
    const plan = s3AccessCountsPlan(validateWindow(args.window, ctx.config.maxWindowDays), args.filter, args.groupBy, top);
    return countResultOf(ctx, plan, args.groupBy.length, top);
  }
}
