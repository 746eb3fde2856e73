// Reading back a folder a generator wrote: every file's key (relative, `/`-separated, sorted) and a
// digest of the whole tree, for determinism tests.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';

export async function listFiles(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(root, full)));
    else out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/** SHA-256 over every key and its bytes: equal exactly when two trees hold the same files. */
export async function treeDigest(root: string): Promise<string> {
  const h = createHash('sha256');
  for (const key of await listFiles(root)) h.update(key).update('\0').update(await readFile(path.join(root, key))).update('\0');
  return h.digest('hex');
}
