// The one audited place where a value becomes SQL text. User values never come here: they travel as
// `?` parameters. This renders only what the engine itself produces (file paths it listed, integers it
// validated) and Athena's ExecutionParameters, which the API requires as SQL literals.

/** A string literal in the ANSI form both Trino and DuckDB accept: single quotes, quotes doubled. */
export function sqlString(value: string): string {
  if (value.includes('\u0000')) throw new Error('a SQL string literal cannot hold a NUL character');
  return `'${value.replace(/'/g, "''")}'`;
}

/** A whole number rendered as a literal (LIMIT and similar places that take no parameter). */
export function sqlInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not a safe integer: ${value}`);
  return String(value);
}

export type SqlParam = string | number | boolean | null;

/** A parameter as a literal, for engines (Athena) whose parameters are literal text. */
export function sqlLiteral(value: SqlParam): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return Number.isInteger(value) ? sqlInteger(value) : String(value);
  }
  return sqlString(value);
}

/** Quotes an identifier. Callers pass only names from the column catalogue, never user text. */
export function sqlIdentifier(name: string): string {
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name)) throw new Error(`not a catalogue identifier: ${name}`);
  return `"${name}"`;
}
