// Where S3 server access logs lie in the archive, and what an object key says about its file.
//
// AWS fixes no prefix: whoever enables logging names one. Our convention is the archive's
// `s3-access-logs/` folder (plus any configured prefixes), holding log objects directly or in one
// sub-folder per logged bucket, in either of S3's two layouts:
//   simple:     PREFIX/YYYY-MM-DD-HH-MM-SS-UNIQUE
//   date-based: PREFIX/SOURCEACCOUNT/SOURCEREGION/SOURCEBUCKET/YYYY/MM/DD/YYYY-MM-DD-HH-MM-SS-UNIQUE
// The object name's date is its delivery time (UTC): it is the file's `day` partition whatever folder
// the file is in.

export const DEFAULT_S3_ACCESS_PREFIXES: readonly string[] = ['s3-access-logs'];

/** S3 names objects YYYY-MM-DD-HH-MM-SS-<unique string>; `.gz` is accepted for archives compressed after download. */
const OBJECT_NAME = /^(\d{4})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-(\d{2})-[0-9A-Za-z]+(\.gz)?$/;
export const ACCOUNT_FOLDER = /^\d{12}$/;
export const REGION_FOLDER = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const DATE_BASED_TAIL = /(?:^|\/)(\d{12})\/([a-z]{2}(?:-[a-z]+)+-\d{1,2})\/[^/]+\/\d{4}\/\d{2}\/\d{2}\/[^/]+$/;

/** Delivery instant of an S3 log object name (UTC ms), or null for any other name. */
export function deliveryTimeOfName(name: string): number | null {
  const m = OBJECT_NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  // Date.UTC rolls 2024-02-31 over to March: such a name is not one S3 wrote.
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return ms;
}

export interface S3AccessFileInfo {
  /** yyyy/MM/dd of the object name. */
  day: string;
  /** Source account and region folders of the date-based layout; null in the simple layout. */
  account: string | null;
  region: string | null;
}

/** The partition values of a log object key (null when its name is not an S3 log object name). */
export function fileInfoOfKey(key: string): S3AccessFileInfo | null {
  const name = key.slice(key.lastIndexOf('/') + 1);
  if (deliveryTimeOfName(name) === null) return null;
  const day = `${name.slice(0, 4)}/${name.slice(5, 7)}/${name.slice(8, 10)}`;
  const m = DATE_BASED_TAIL.exec(key);
  return { day, account: m?.[1] ?? null, region: m?.[2] ?? null };
}

/**
 * A prefix as a clean relative folder ("logs/s3/"→"logs/s3"). Refuses absolute paths and `..`: a
 * prefix names a folder of the archive, never one outside it.
 */
export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  const parts = trimmed.split('/').filter((p) => p !== '' && p !== '.');
  if (prefix.trim().startsWith('/') || /^[A-Za-z]:/.test(prefix.trim()) || parts.includes('..') || parts.length === 0) {
    throw new Error(`an S3 access log prefix must be a folder inside the archive, such as s3-access-logs or logs/s3; got ${JSON.stringify(prefix)}`);
  }
  return parts.join('/');
}

/**
 * AUDITQL_S3_ACCESS_PREFIXES: comma-separated archive folders holding S3 access logs; unset or blank
 * means the default. Each is checked as normalisePrefix checks it, so a bad one fails at start-up.
 */
export function parseS3AccessPrefixes(raw: string | undefined): string[] {
  const items = (raw ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
  const prefixes = items.length === 0 ? [...DEFAULT_S3_ACCESS_PREFIXES] : items;
  try {
    return [...new Set(prefixes.map(normalisePrefix))];
  } catch (e) {
    throw new Error(`AUDITQL_S3_ACCESS_PREFIXES: ${(e as Error).message}`);
  }
}
