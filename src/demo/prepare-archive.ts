// The first-run experience: when no archive was configured and the default folder is empty, fill it
// with the deterministic demo archive so `npm start` has something to query on a fresh machine.
import { promises as fsp } from 'node:fs';
import type { Config } from '../config';
import { describeDemo, generateDemoArchive } from './demo-archive';

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await fsp.readdir(dir)).length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
}

export async function prepareArchive(config: Config, log: (line: string) => void): Promise<void> {
  const empty = await isEmptyOrMissing(config.archiveDir);
  if (!config.archiveIsDefault) {
    if (empty) log(`warning: the archive folder ${config.archiveDir} is empty or missing; queries will find nothing`);
    return;
  }
  if (!empty) {
    log(`archive: ${config.archiveDir} (the default folder; delete it to regenerate the demo data)`);
    return;
  }
  log(`archive: no AUDITQL_ARCHIVE configured and ${config.archiveDir} is empty: generating demo data…`);
  const summary = await generateDemoArchive(config.archiveDir, {});
  log(`archive: wrote ${describeDemo(summary)} to ${config.archiveDir} (${summary.from.toISOString()} to ${summary.to.toISOString()})`);
}
