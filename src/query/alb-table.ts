// The `alb_logs` table, engine-neutral: AWS's Athena column names and types, and the ONE regular
// expression that splits an ALB access log line into them. The DuckDB reader applies it with
// regexp_extract; the Athena table will hand the very same text to RegexSerDe (input.regex), whose
// capture groups map to columns by position, so the column list below IS the group order.
//
// Rules the pattern keeps, and why:
// - AWS writes `-` for "no value". Every field is `(?:-|(value))`, so a `-` leaves its group unset and
//   RegexSerDe returns NULL for it; DuckDB's regexp_extract returns '' for an unset group, and because
//   no group can match an empty string (every value is `+`), the reader's NULLIF(g, '') gives exactly
//   the same NULLs. The one exception is deliberate: the three timings keep `-1` (see ALB_COLUMNS).
// - A line that does not match is malformed. RegexSerDe would return an all-NULL row for it silently;
//   the DuckDB reader counts it per file and leaves it out (the time group is then empty).
// - Fields AWS added over the years are nested optional levels after trace_id, so lines of every
//   era parse (2016 lines end at trace_id, 2019 lines at error_reason, 2024 at conn_trace_id). Only
//   after the last known field may unknown fields follow (the catch-all tail `(?: .*)?`): a field
//   broken in the middle of a line makes it malformed, never silently shifts or drops the rest.
// - Quoted values may hold spaces and backslash escapes (\"): the text is kept as logged. The quoted
//   text uses the unrolled form [^"\\]*(?:\\.[^"\\]*)*, which Java's backtracking engine runs
//   without recursing per character (a plain (?:[^"\\]|\\.)+ can overflow its stack on 8 KB user
//   agents); RE2 (DuckDB) runs either form in linear time.

export type AthenaType = 'string' | 'int' | 'bigint' | 'double';

export interface AlbColumn {
  /** Column name as in AWS's documented Athena `alb_access_logs` table. */
  name: string;
  type: AthenaType;
}

interface Field {
  /** Regex text of the field, with one capture group per column (in order). */
  regex: string;
  columns: AlbColumn[];
  /** True when the field ends with a closing quote: the space after it may be missing (see SEP). */
  quoted: boolean;
}

const str = (name: string): AlbColumn => ({ name, type: 'string' });

/** Non-empty quoted text: one character, then the unrolled `[^"\\]*(?:\\.[^"\\]*)*` loop. */
const QTEXT = String.raw`(?:[^"\\]|\\.)[^"\\]*(?:\\.[^"\\]*)*`;

const token = (name: string, type: AthenaType = 'string'): Field => ({ regex: String.raw`(?:-|([^ ]+))`, columns: [{ name, type }], quoted: false });
const quoted = (name: string): Field => ({ regex: String.raw`"(?:-|(${QTEXT}))?"`, columns: [str(name)], quoted: true });
/**
 * AWS quotes target:port_list and target_status_code_list; Vector's test lines write them bare. The
 * quotes are optional and the value one token (AWS's own Athena regex allows no space there either).
 */
const list = (name: string): Field => ({ regex: String.raw`"?(?:-|([^ "]+))"?`, columns: [str(name)], quoted: false });
/** ip:port, IPv6 as [addr]:port or addr:port (the last colon is the port's); brackets are dropped. */
const address = (ip: string, port: string, optional: boolean): Field => {
  const pair = String.raw`\[?([^ \[\]]+?)\]?:([0-9]+)`;
  return { regex: optional ? `(?:-|${pair})` : pair, columns: [str(ip), { name: port, type: 'int' }], quoted: false };
};

const REQUIRED: readonly Field[] = [
  { regex: '([a-z0-9]+)', columns: [str('type')], quoted: false },
  // Strict ISO-8601 (microseconds, Z): from_iso8601_timestamp(time) must never fail a query.
  { regex: '([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:[.][0-9]+)?Z)', columns: [str('time')], quoted: false },
  { regex: '([^ ]+)', columns: [str('elb')], quoted: false },
  address('client_ip', 'client_port', false),
  address('target_ip', 'target_port', true),
  // -1 ("not applicable": no target, or the request never reached one) is a value, kept as -1.
  { regex: '([-.0-9]+)', columns: [{ name: 'request_processing_time', type: 'double' }], quoted: false },
  { regex: '([-.0-9]+)', columns: [{ name: 'target_processing_time', type: 'double' }], quoted: false },
  { regex: '([-.0-9]+)', columns: [{ name: 'response_processing_time', type: 'double' }], quoted: false },
  { regex: '(?:-|([0-9]+))', columns: [{ name: 'elb_status_code', type: 'int' }], quoted: false },
  // A string in AWS's table (it holds `-` there); digits only here, `-` is NULL.
  { regex: '(?:-|([0-9]+))', columns: [str('target_status_code')], quoted: false },
  { regex: '(?:-|([0-9]+))', columns: [{ name: 'received_bytes', type: 'bigint' }], quoted: false },
  { regex: '(?:-|([0-9]+))', columns: [{ name: 'sent_bytes', type: 'bigint' }], quoted: false },
  // "VERB URL PROTO": the URL may hold spaces (it runs to the last space); `- - -` and
  // `- http://host:80- -` are requests the client never finished; the proto may be missing.
  {
    regex: String.raw`"(?:-|([^ "\\]+)) (?:-|(${QTEXT})) (?:-|([^ "\\]+))?"`,
    columns: [str('request_verb'), str('request_url'), str('request_proto')],
    quoted: true,
  },
  quoted('user_agent'),
  token('ssl_cipher'),
  token('ssl_protocol'),
  token('target_group_arn'),
  quoted('trace_id'),
];

/** In the order AWS appended them; each may be the last field of a line. */
const LATER: readonly Field[] = [
  quoted('domain_name'),
  quoted('chosen_cert_arn'),
  token('matched_rule_priority'),
  token('request_creation_time'),
  quoted('actions_executed'),
  quoted('redirect_url'),
  // AWS's Athena table calls the error_reason field lambda_error_reason.
  quoted('lambda_error_reason'),
  list('target_port_list'),
  list('target_status_code_list'),
  quoted('classification'),
  quoted('classification_reason'),
  { regex: String.raw`"?(?:-|([^ "]+))"?`, columns: [str('conn_trace_id')], quoted: false },
  quoted('transformed_host'),
  quoted('transformed_uri'),
  quoted('request_transform_status'),
];

/** The space between fields; after a closing quote it may be missing (the quote ends the field). */
function sep(previous: Field): string {
  return previous.quoted ? ' ?' : ' ';
}

function buildPattern(): string {
  let text = REQUIRED.map((f, i) => (i === 0 ? f.regex : sep(REQUIRED[i - 1]!) + f.regex)).join('');
  // Innermost first: the catch-all tail only after the last known field.
  let nested = '(?: .*)?';
  for (let i = LATER.length - 1; i >= 0; i--) {
    const previous = i === 0 ? REQUIRED[REQUIRED.length - 1]! : LATER[i - 1]!;
    nested = `(?:${sep(previous)}${LATER[i]!.regex}${nested})?`;
  }
  text += nested;
  return `^${text} *$`;
}

/** The line regex: the same text for DuckDB's regexp_extract and Athena's RegexSerDe. */
export const ALB_LINE_PATTERN = buildPattern();

/** Every column of alb_logs that the line fills, in capture-group order. */
export const ALB_COLUMNS: readonly AlbColumn[] = [...REQUIRED, ...LATER].flatMap((f) => f.columns);

/** The partition and provenance columns the reader adds (from the object key). */
export const ALB_KEY_COLUMNS = ['account', 'region', 'day', '"$path"'] as const;
