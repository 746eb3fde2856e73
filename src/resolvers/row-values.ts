// Reading typed values out of result rows. Engines return text for most columns (Athena returns
// everything as text), so conversions are explicit and shared by every mapper.
import type { ResultRow, SqlValue } from '../engine/query-engine';

export function text(row: ResultRow, column: string): string | null {
  const v: SqlValue | undefined = row[column];
  return v === null || v === undefined ? null : String(v);
}

export function bool(row: ResultRow, column: string): boolean | null {
  const v = row[column];
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v;
  const s = String(v).toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : null;
}

/** A timestamp column holding ISO-8601 text: null when the log wrote something that is no instant. */
export function instant(row: ResultRow, column: string): string | null {
  const v = text(row, column);
  return v !== null && !Number.isNaN(Date.parse(v)) ? v : null;
}

/** A JSON column: the whole document, whatever its size; text that is not JSON is returned as text. */
export function json(row: ResultRow, column: string): unknown {
  const v = text(row, column);
  if (v === null) return null;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export function allNull<T extends object>(o: T): T | null {
  return Object.values(o).every((v) => v === null) ? null : o;
}
