// VPC Flow Logs queries: validate, build a plan, run it through the request's loaders, map the rows.
import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../context';
import { validateWindow } from '../query/time-window';
import { vpcFlowCountsPlan, vpcFlowRecordsPlan } from '../query/vpcflow.planner';
import { CountResult, SortOrder } from '../schema/common.types';
import { VpcFlowCountsArgs, VpcFlowRecordsArgs } from '../schema/vpcflow/vpcflow-args';
import { VpcFlowRecordConnection } from '../schema/vpcflow/vpcflow-connection.type';
import { countResultOf } from './counts';
import { connectionOf } from './paging';
import { vpcFlowRecordFromRow } from './vpcflow.mapper';

@Resolver()
export class VpcFlowResolver {
  @Query(() => VpcFlowRecordConnection, { description: 'VPC flow log records whose start lies in the window, oldest first unless order: DESC.' })
  async vpcFlowRecords(@Args(() => VpcFlowRecordsArgs) args: VpcFlowRecordsArgs, @Ctx() ctx: AppContext): Promise<VpcFlowRecordConnection> {
    const plan = vpcFlowRecordsPlan(validateWindow(args.window, ctx.config.maxWindowDays), args.filter, args.order ?? SortOrder.ASC);
    return connectionOf(ctx, plan, args.first ?? 100, args.after, vpcFlowRecordFromRow);
  }

  @Query(() => CountResult, { description: 'VPC flow log records counted by up to four columns, largest groups first.' })
  async vpcFlowCounts(@Args(() => VpcFlowCountsArgs) args: VpcFlowCountsArgs, @Ctx() ctx: AppContext): Promise<CountResult> {
    const top = args.top ?? 50;
    const plan = vpcFlowCountsPlan(validateWindow(args.window, ctx.config.maxWindowDays), args.filter, args.groupBy, top);
    return countResultOf(ctx, plan, args.groupBy.length, top);
  }
}
