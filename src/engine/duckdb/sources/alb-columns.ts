// How the DuckDB view turns the regular expression's groups into typed alb_logs columns, valued as
// Athena's RegexSerDe values them: an unset group (regexp_extract's '') is NULL, and a value that
// does not parse as the column's type is NULL (Trino's RegexDeserializer catches the parse error
// and writes NULL; TRY_CAST does the same here).
import { ALB_COLUMNS, AlbColumn, ALB_LINE_PATTERN, AthenaType } from '../../../query/alb-table';
import { sqlString } from '../../../query/sql-literal';

const DUCKDB_TYPE: Readonly<Record<Exclude<AthenaType, 'string'>, string>> = { int: 'INTEGER', bigint: 'BIGINT', double: 'DOUBLE' };

function expression(c: AlbColumn): string {
  const raw = `NULLIF(f.${c.name}, '')`;
  return c.type === 'string' ? raw : `TRY_CAST(${raw} AS ${DUCKDB_TYPE[c.type]})`;
}

/** The view's select list: every column of the line, in the table's order. */
export function albSelectList(): string {
  return ALB_COLUMNS.map((c) => `  ${expression(c)} AS ${c.name},`).join('\n');
}

/** regexp_extract's arguments: the pattern and the struct field names (one per capture group). */
export const ALB_PATTERN_SQL = sqlString(ALB_LINE_PATTERN);
export const ALB_GROUP_NAMES_SQL = `[${ALB_COLUMNS.map((c) => sqlString(c.name)).join(', ')}]`;
