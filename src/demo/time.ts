/** UTC calendar arithmetic and the time formats the AWS log layouts use. */

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** Days since 1970-01-01 UTC: a stable per-day key that does not depend on the archive's length. */
export function epochDay(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** CloudTrail's eventTime: "YYYY-MM-DDTHH:MM:SSZ" (no fraction). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** The day folder of an S3 log key: "YYYY/MM/DD". */
export function dayPath(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
}

/** "YYYYMMDDTHHmmZ", as in CloudTrail log file names. */
export function compactMinute(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
}

/** "YYYYMMDDTHHmmssZ", as in CloudTrail digest file names. */
export function compactSecond(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${compactMinute(ms).slice(0, -1)}${iso.slice(17, 19)}Z`;
}

/**
 * Formats a time within one day quickly. Formatting a million eventTimes through Date objects is a
 * measurable share of the generator's run time, and every event of a file shares its day prefix.
 */
export class DayClock {
  private readonly prefix: string;

  constructor(readonly dayStartMs: number) {
    this.prefix = new Date(dayStartMs).toISOString().slice(0, 11);
  }

  /** eventTime for a second of this day (0 … 86399). */
  eventTime(secondOfDay: number): string {
    const h = Math.floor(secondOfDay / 3600);
    const m = Math.floor((secondOfDay % 3600) / 60);
    const s = secondOfDay % 60;
    return `${this.prefix}${two(h)}:${two(m)}:${two(s)}Z`;
  }

  ms(secondOfDay: number): number {
    return this.dayStartMs + secondOfDay * SECOND_MS;
  }
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The human-readable dates some services put in responseElements, e.g. IAM's createDate
 * "Jul 10, 2023 12:24:29 PM" and STS's expiration "Jul 10, 2023, 12:31:14 PM" (note the extra comma).
 */
export function displayDate(ms: number, commaAfterYear: boolean): string {
  const d = new Date(ms);
  const hour24 = d.getUTCHours();
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const time = `${hour12}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${hour24 < 12 ? 'AM' : 'PM'}`;
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCDate()}, ${d.getUTCFullYear()}${commaAfterYear ? ',' : ''} ${time}`;
}
