// Lists the log files a query may read from a local folder laid out like the Log Archive bucket.
// Only the day folders inside the query's window are opened: the rest of the archive is never read,
// which is the embedded engine's equivalent of Athena's partition pruning.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { PartitionHints } from '../../query/query-plan';
import { deliveryDays } from '../../query/delivery-window';
import { TimeWindow } from '../../query/time-window';

export interface ArchiveFile {
  /** Object key relative to the archive root, e.g. AWSLogs/111122223333/CloudTrail/us-east-1/2026/12/01/x.json.gz */
  key: string;
  size: number;
  mtimeMs: number;
  /** Read record by record: the file parses but a record has the wrong shape (set by the health check). */
  lenient?: boolean;
  /** How many files the listing accepted in this file's folder (a reader may then read the folder whole). */
  folderFiles?: number;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fsp.readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw e;
  }
}

/** The account folders under AWSLogs/, through organisation-trail folders (o-…) where present. */
export async function listAccountDirs(root: string): Promise<{ account: string; rel: string }[]> {
  const out: { account: string; rel: string }[] = [];
  for (const entry of await listDir(path.join(root, 'AWSLogs'))) {
    if (/^\d{12}$/.test(entry)) out.push({ account: entry, rel: `AWSLogs/${entry}` });
    else if (/^o-[a-z0-9]{10,32}$/.test(entry)) {
      for (const sub of await listDir(path.join(root, 'AWSLogs', entry))) {
        if (/^\d{12}$/.test(sub)) out.push({ account: sub, rel: `AWSLogs/${entry}/${sub}` });
      }
    }
  }
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

interface FolderListing {
  mtimeMs: number;
  files: ArchiveFile[];
}

// Day folders of past days rarely change, and a folder's mtime moves whenever a file is added,
// removed or renamed in it: one stat of the folder then stands in for a stat of each of its files.
const folders = new Map<string, FolderListing>();
const MAX_CACHED_FOLDERS = 50_000;

/** The accepted files of one folder, each with its size and mtime (cached by the folder's mtime). */
async function listFolder(root: string, rel: string, accept: (name: string) => boolean): Promise<ArchiveFile[]> {
  const dir = path.join(root, rel);
  let mtimeMs: number;
  try {
    mtimeMs = (await fsp.stat(dir)).mtimeMs;
  } catch {
    return [];
  }
  const cached = folders.get(dir);
  // A folder changed within the last two seconds may change again within the same mtime tick.
  if (cached && cached.mtimeMs === mtimeMs && Date.now() - mtimeMs > 2000) return cached.files;
  const names = (await listDir(dir)).filter(accept).sort();
  const stats = await Promise.all(names.map((n) => fsp.stat(path.join(dir, n)).catch(() => null)));
  const found: ArchiveFile[] = [];
  names.forEach((n, i) => {
    const st = stats[i];
    if (st && st.isFile()) found.push({ key: `${rel}/${n}`, size: st.size, mtimeMs: st.mtimeMs });
  });
  const files = found.map((f) => ({ ...f, folderFiles: found.length }));
  if (folders.size >= MAX_CACHED_FOLDERS) folders.clear();
  folders.set(dir, { mtimeMs, files });
  return files;
}

/**
 * Files of one AWS service's day folders in the window: AWSLogs/[o-ORG/]ACCOUNT/<service>/REGION/
 * YYYY/MM/DD/<name>, for names `accept` takes. Used by every log delivered in that layout
 * (CloudTrail, vpcflowlogs, elasticloadbalancing).
 */
export async function listServiceFiles(root: string, service: string, window: TimeWindow, hints: PartitionHints, accept: (name: string) => boolean): Promise<ArchiveFile[]> {
  const days = deliveryDays(window);
  const files: ArchiveFile[] = [];
  for (const { account, rel } of await listAccountDirs(root)) {
    if (hints.accounts && !hints.accounts.includes(account)) continue;
    for (const region of await listDir(path.join(root, rel, service))) {
      if (hints.regions && !hints.regions.includes(region)) continue;
      for (const day of days) {
        files.push(...(await listFolder(root, `${rel}/${service}/${region}/${day}`, accept)));
      }
    }
  }
  return files;
}

// Every JSON file in a CloudTrail day folder is read (a stray or broken one is then reported as
// malformed rather than skipped unseen), except digest files, which are not events.
const CLOUDTRAIL_FILE = /\.json(\.gz)?$/;
const NOT_EVENTS = /CloudTrail-Digest/;

/** CloudTrail event files of the window's days (never CloudTrail-Digest, Insight or other folders). */
export function listCloudTrailFiles(root: string, window: TimeWindow, hints: PartitionHints = {}): Promise<ArchiveFile[]> {
  return listServiceFiles(root, 'CloudTrail', window, hints, (n) => CLOUDTRAIL_FILE.test(n) && !NOT_EVENTS.test(n));
}
