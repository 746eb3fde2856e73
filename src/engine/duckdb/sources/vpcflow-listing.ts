// Where VPC Flow Logs delivers its files, in both layouts AWS offers, for the window's days only:
//   AWSLogs/[o-ORG/]ACCOUNT/vpcflowlogs/REGION/YYYY/MM/DD/<name>
//   AWSLogs/[o-ORG/]aws-account-id=ACCOUNT/aws-service=vpcflowlogs/aws-region=REGION/year=YYYY/month=MM/day=DD/[hour=HH/]<name>
// (the second when the flow log was created with Hive-compatible prefixes, optionally per hour).
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { PartitionHints } from '../../../query/query-plan';
import { deliveryDays } from '../../../query/delivery-window';
import { TimeWindow } from '../../../query/time-window';
import { ArchiveFile, listServiceFiles } from '../archive-listing';

/** Text (plain or gzip) and Parquet deliveries; anything else in a day folder is not a flow log. */
export const VPC_FLOW_FILE = /\.(log|log\.gz|parquet)$/;

async function entries(dir: string): Promise<string[]> {
  try {
    return await fsp.readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw e;
  }
}

async function filesIn(root: string, rel: string, into: ArchiveFile[]): Promise<void> {
  const names = (await entries(path.join(root, rel))).sort();
  const hours: string[] = [];
  for (const name of names) {
    if (/^hour=\d{2}$/.test(name)) {
      hours.push(name);
      continue;
    }
    if (!VPC_FLOW_FILE.test(name)) continue;
    const st = await fsp.stat(path.join(root, rel, name));
    if (st.isFile()) into.push({ key: `${rel}/${name}`, size: st.size, mtimeMs: st.mtimeMs });
  }
  for (const hour of hours) await filesIn(root, `${rel}/${hour}`, into);
}

/** The account folders of the Hive-style layout, through organisation folders where present. */
async function hiveAccountDirs(root: string): Promise<{ account: string; rel: string }[]> {
  const out: { account: string; rel: string }[] = [];
  const visit = async (rel: string): Promise<void> => {
    for (const entry of await entries(path.join(root, rel))) {
      const m = /^aws-account-id=(\d{12})$/.exec(entry);
      if (m) out.push({ account: m[1]!, rel: `${rel}/${entry}` });
    }
  };
  await visit('AWSLogs');
  for (const entry of await entries(path.join(root, 'AWSLogs'))) {
    if (/^o-[a-z0-9]{10,32}$/.test(entry)) await visit(`AWSLogs/${entry}`);
  }
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

async function listHiveFiles(root: string, window: TimeWindow, hints: PartitionHints): Promise<ArchiveFile[]> {
  const files: ArchiveFile[] = [];
  for (const { account, rel } of await hiveAccountDirs(root)) {
    if (hints.accounts && !hints.accounts.includes(account)) continue;
    const service = `${rel}/aws-service=vpcflowlogs`;
    for (const regionDir of (await entries(path.join(root, service))).sort()) {
      const region = /^aws-region=(.+)$/.exec(regionDir)?.[1];
      if (region === undefined || (hints.regions && !hints.regions.includes(region))) continue;
      for (const day of deliveryDays(window)) {
        const [y, m, d] = day.split('/');
        await filesIn(root, `${service}/${regionDir}/year=${y}/month=${m}/day=${d}`, files);
      }
    }
  }
  return files;
}

/** Flow log files of the window's days (and hinted accounts/regions) in either layout. */
export async function listVpcFlowFiles(root: string, window: TimeWindow, hints: PartitionHints = {}): Promise<ArchiveFile[]> {
  const plain = await listServiceFiles(root, 'vpcflowlogs', window, hints, (n) => VPC_FLOW_FILE.test(n));
  return [...plain, ...(await listHiveFiles(root, window, hints))];
}

const PLAIN_DAY = /\/vpcflowlogs\/[^/]+\/(\d{4})\/(\d{2})\/(\d{2})\//;
const HIVE_DAY = /\/year=(\d{4})\/month=(\d{2})\/day=(\d{2})\//;

/** The `yyyy/MM/dd` day folder of a listed key (either layout). */
export function dayOfKey(key: string): string {
  const m = PLAIN_DAY.exec(`/${key}`) ?? HIVE_DAY.exec(`/${key}`);
  return m ? `${m[1]}/${m[2]}/${m[3]}` : '';
}
