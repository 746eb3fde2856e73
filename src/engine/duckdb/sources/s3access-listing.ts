// Lists the S3 server access log objects a query may read: under each prefix, objects delivered
// inside the window's delivery range (src/query/delivery-window.ts), in the simple or the date-based
// layout, directly under the prefix or in one sub-folder per logged bucket (s3access-layout.ts).
// Pruning is by the date in the object name; the simple layout keeps every object of a bucket in one
// folder, so that folder is read once and filtered by name before any file is opened.
import type { Dirent } from 'node:fs';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { deliveryRange } from '../../../query/delivery-window';
import type { PartitionHints } from '../../../query/query-plan';
import { partitionDay, TimeWindow } from '../../../query/time-window';
import type { ArchiveFile } from '../archive-listing';
import { ACCOUNT_FOLDER, deliveryTimeOfName, REGION_FOLDER } from './s3access-layout';

const DAY_MS = 86_400_000;

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await fsp.readdir(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw e;
  }
}

/** Follows symbolic links, as a synced archive may hold them. */
async function kindOf(dir: string, e: Dirent): Promise<'file' | 'dir' | 'other'> {
  if (e.isFile()) return 'file';
  if (e.isDirectory()) return 'dir';
  if (!e.isSymbolicLink()) return 'other';
  const st = await fsp.stat(path.join(dir, e.name)).catch(() => null);
  return st?.isFile() ? 'file' : st?.isDirectory() ? 'dir' : 'other';
}

class Lister {
  private readonly files = new Map<string, ArchiveFile>();
  private readonly fromMs: number;
  private readonly toMs: number;
  /** Day folders of the date-based layout that may hold objects delivered in range. */
  private readonly folderDays: string[];

  constructor(
    private readonly root: string,
    window: TimeWindow,
    private readonly hints: PartitionHints,
  ) {
    ({ fromMs: this.fromMs, toMs: this.toMs } = deliveryRange(window));
    // With event-time partitioning (S3's PartitionDateSource=EventTime) the folder is the date of the
    // requests, so an object delivered just after midnight may sit in the previous day's folder.
    this.folderDays = [];
    for (let ms = this.fromMs - DAY_MS; ms < this.toMs; ms += DAY_MS) this.folderDays.push(partitionDay(new Date(ms)));
  }

  private inRange(name: string): boolean {
    const ms = deliveryTimeOfName(name);
    return ms !== null && ms >= this.fromMs && ms < this.toMs;
  }

  /** The simple layout has no account or region: a filter on either can match none of its files. */
  private get wantsSimple(): boolean {
    return this.hints.accounts === undefined && this.hints.regions === undefined;
  }

  async prefix(rel: string): Promise<void> {
    await this.folder(rel, true);
  }

  private async folder(rel: string, bucketFoldersAllowed: boolean): Promise<void> {
    const dir = path.join(this.root, rel);
    const names: string[] = [];
    for (const e of await entries(dir)) {
      const kind = await kindOf(dir, e);
      if (kind === 'file') {
        if (this.wantsSimple && this.inRange(e.name)) names.push(e.name);
      } else if (kind === 'dir') {
        if (ACCOUNT_FOLDER.test(e.name) && (await this.isDateBased(`${rel}/${e.name}`))) await this.account(`${rel}/${e.name}`, e.name);
        else if (bucketFoldersAllowed) await this.folder(`${rel}/${e.name}`, false);
      }
    }
    await this.add(rel, names);
  }

  /** A 12-digit folder is a source account when it holds region folders (a bucket may be named with 12 digits). */
  private async isDateBased(rel: string): Promise<boolean> {
    const dir = path.join(this.root, rel);
    for (const e of await entries(dir)) {
      if (REGION_FOLDER.test(e.name) && (await kindOf(dir, e)) === 'dir') return true;
    }
    return false;
  }

  private async account(rel: string, account: string): Promise<void> {
    if (this.hints.accounts && !this.hints.accounts.includes(account)) return;
    for (const region of await entries(path.join(this.root, rel))) {
      if (!REGION_FOLDER.test(region.name)) continue;
      if (this.hints.regions && !this.hints.regions.includes(region.name)) continue;
      for (const bucket of await entries(path.join(this.root, rel, region.name))) {
        for (const day of this.folderDays) {
          const dayRel = `${rel}/${region.name}/${bucket.name}/${day}`;
          await this.add(dayRel, (await entries(path.join(this.root, dayRel))).map((e) => e.name).filter((n) => this.inRange(n)));
        }
      }
    }
  }

  private async add(rel: string, names: readonly string[]): Promise<void> {
    const stats = await Promise.all(names.map((n) => fsp.stat(path.join(this.root, rel, n)).catch(() => null)));
    names.forEach((n, i) => {
      const st = stats[i];
      if (st && st.isFile()) this.files.set(`${rel}/${n}`, { key: `${rel}/${n}`, size: st.size, mtimeMs: st.mtimeMs });
    });
  }

  result(): ArchiveFile[] {
    return [...this.files.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

/**
 * S3 access log objects under the given prefixes (clean relative folders) delivered in the window's
 * delivery range; keys are relative to the archive root. A file reached through two prefixes is listed once.
 */
export async function listS3AccessFiles(root: string, prefixes: readonly string[], window: TimeWindow, hints: PartitionHints = {}): Promise<ArchiveFile[]> {
  const lister = new Lister(root, window, hints);
  for (const prefix of prefixes) await lister.prefix(prefix);
  return lister.result();
}
