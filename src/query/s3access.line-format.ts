// The one regular expression that splits an S3 server access log line into the columns of
// s3_access_logs. DuckDB applies it with regexp_extract (RE2); Athena will apply the same text with
// Hive's RegexSerDe (java.util.regex), so it uses only syntax both read alike: no look-around, no
// named groups, no possessive quantifiers. Built from the column catalogue so the two cannot drift.
//
// Why it is shaped this way:
// - One capturing group per column, in column order (RegexSerDe binds groups to columns by position);
//   every other group is non-capturing.
// - `-` (and `"-"` in quoted fields) is matched OUTSIDE the group, so the group does not take part:
//   Java returns null, which RegexSerDe stores as NULL; RE2 returns '', which the DuckDB view maps to
//   NULL. Either way "no value" is NULL, for strings and numbers alike.
// - Quotes and brackets are outside the groups: request_uri is `GET /x HTTP/1.1`, not `"GET /x HTTP/1.1"`.
//   An escaped quote (\") inside a quoted field is part of the value, kept as S3 wrote it.
// - Fields after useragent are optional and nested, so a line may stop after any of them (older
//   formats); anything after the last field we know is matched by a catch-all tail and ignored (newer
//   formats, or the trailing space of some lines). Optional groups are greedy, so a known field is
//   never pushed into the tail.
// - The time and numeric fields are strict (digits, a real month name): a line whose fields are shifted
//   does not match and is counted as malformed, instead of producing a row of misplaced values.
import { REQUIRED_FIELDS, S3_ACCESS_COLUMNS, S3AccessFieldKind } from './s3access.catalogue';

const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';

const PIECE: Readonly<Record<S3AccessFieldKind, string>> = {
  token: '(?:-|([^ ]+))',
  quoted: '(?:"-"|-|"((?:[^"\\\\]|\\\\.)*)")',
  time: `\\[([0-9]{2}/(?:${MONTHS})/[0-9]{4}:[0-9]{2}:[0-9]{2}:[0-9]{2} [+-][0-9]{4})\\]`,
  status: '(?:-|([0-9]{3}))',
  count: '(?:-|([0-9]+))',
};

function buildPattern(): string {
  const pieces = S3_ACCESS_COLUMNS.map((col) => PIECE[col.kind]);
  const required = pieces.slice(0, REQUIRED_FIELDS).join(' ');
  const optional = pieces.slice(REQUIRED_FIELDS).reduceRight((inner, piece) => `(?: ${piece}${inner})?`, '');
  return `^${required}${optional}(?: .*)?$`;
}

/** The pattern, as both engines take it (one capturing group per column of S3_ACCESS_COLUMNS). */
export const S3_ACCESS_LINE_PATTERN = buildPattern();

/** The column names in group order (DuckDB's regexp_extract name list). */
export const S3_ACCESS_FIELD_NAMES: readonly string[] = S3_ACCESS_COLUMNS.map((col) => col.name);

/** 1-based group of requestdatetime: a line matched the pattern exactly when this group is not empty. */
export const S3_ACCESS_TIME_GROUP = S3_ACCESS_COLUMNS.findIndex((col) => col.kind === 'time') + 1;
