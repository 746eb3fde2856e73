// Which files in an elasticloadbalancing day folder are ALB access logs. The folder is shared: NLB
// access logs (`…_net.NAME.ID_…`), ALB connection logs (`conn_log.…`) and Classic ELB logs
// (`…_REGION_NAME_…`, no `app.`) land beside them in other formats. They are told apart by name and
// skipped unread: another log's lines are not malformed ALB lines. A file named like an ALB log that
// holds something else is read, and its lines are reported as malformed.
import type { PartitionHints } from '../../../query/query-plan';
import type { TimeWindow } from '../../../query/time-window';
import { ArchiveFile, listServiceFiles } from '../archive-listing';

/**
 * ACCOUNT_elasticloadbalancing_REGION_app.LBNAME.LBID_YYYYMMDDTHHmmZ_IP_RANDOM.log.gz (or .log). Only
 * the `_app.` part decides: the rest is not checked, so an oddly named ALB file is read (and any
 * lines it holds that are not ALB lines reported) rather than skipped unseen.
 */
export const ALB_FILE_NAME = /^\d{12}_elasticloadbalancing_[a-z0-9-]+_app\.[^/]*\.log(\.gz)?$/;

export function isAlbLogName(name: string): boolean {
  return ALB_FILE_NAME.test(name);
}

/**
 * ALB access log files that may hold requests of the window: those of the day folders
 * (AWSLogs/[o-ORG/]ACCOUNT/elasticloadbalancing/REGION/YYYY/MM/DD/, the delivery date) that
 * listServiceFiles opens for it, which reach past the window's end as the planner's `day BETWEEN` does.
 */
export function listAlbFiles(root: string, window: TimeWindow, hints: PartitionHints = {}): Promise<ArchiveFile[]> {
  return listServiceFiles(root, 'elasticloadbalancing', window, hints, isAlbLogName);
}

const DAY_OF_KEY = /\/elasticloadbalancing\/[^/]+\/(\d{4}\/\d{2}\/\d{2})\//;

/** The `yyyy/MM/dd` day folder of a key ('' when the key is not in the layout). */
export function albDayOfKey(key: string): string {
  return DAY_OF_KEY.exec(key)?.[1] ?? '';
}
