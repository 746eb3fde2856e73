/**
 * Where CloudTrail puts its files in the Log Archive bucket, and the patterns that recognise them.
 * The regular expressions are exported so tests (and readers) check names against one definition.
 */

import { DEMO_ORG_ID, HOME_REGION, type DemoAccount } from './demo-world';
import { compactMinute, compactSecond, dayPath } from './time';

/** AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_ID.json.gz */
export const CLOUDTRAIL_LOG_KEY =
  /^AWSLogs\/(?:(o-[a-z0-9]{10,32})\/)?(\d{12})\/CloudTrail\/([a-z]{2}(?:-gov)?-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/\2_CloudTrail_\3_(\4\5\6T\d{4}Z)_([A-Za-z0-9]{16})\.json\.gz$/;

/** AWSLogs/[o-ORGID/]ACCOUNT/CloudTrail-Digest/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail-Digest_REGION_TRAIL_HOMEREGION_YYYYMMDDTHHmmssZ.json.gz */
export const CLOUDTRAIL_DIGEST_KEY =
  /^AWSLogs\/(?:(o-[a-z0-9]{10,32})\/)?(\d{12})\/CloudTrail-Digest\/([a-z]{2}(?:-gov)?-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/\2_CloudTrail-Digest_\3_([A-Za-z0-9._-]+)_([a-z]{2}(?:-gov)?-[a-z]+-\d)_(\4\5\6T\d{6}Z)\.json\.gz$/;

/** AWSLogs/ACCOUNT, or AWSLogs/o-ORGID/ACCOUNT for an account logged by the organisation trail. */
export function accountPrefix(account: DemoAccount): string {
  return account.organisationTrail ? `AWSLogs/${DEMO_ORG_ID}/${account.id}` : `AWSLogs/${account.id}`;
}

/** The key of a log file whose name carries `deliveredMs` (to the minute) and a 16-character id. */
export function logFileKey(account: DemoAccount, region: string, folderDayMs: number, deliveredMs: number, id: string): string {
  return `${accountPrefix(account)}/CloudTrail/${region}/${dayPath(folderDayMs)}/${account.id}_CloudTrail_${region}_${compactMinute(deliveredMs)}_${id}.json.gz`;
}

export function digestFileKey(account: DemoAccount, region: string, folderDayMs: number, endMs: number): string {
  return `${accountPrefix(account)}/CloudTrail-Digest/${region}/${dayPath(folderDayMs)}/${account.id}_CloudTrail-Digest_${region}_${account.trailName}_${HOME_REGION}_${compactSecond(endMs)}.json.gz`;
}
