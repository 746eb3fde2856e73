// Maps a row of sql/vpcflow/records.sql to the VpcFlowRecord GraphQL shape, column by column from the
// catalogue. The DuckDB engine returns BIGINT as JS bigint and INTEGER as number; Athena returns
// every value as text: each conversion accepts both and never goes through a float for BIGINTs.
import type { ResultRow } from '../engine/query-engine';
import { REGION_FIELD, VPC_FLOW_FIELDS, VpcFlowField } from '../query/vpcflow.catalogue';
import type { VpcFlowRecord } from '../schema/vpcflow/vpcflow-record.type';
import { text } from './row-values';

function bigint(row: ResultRow, column: string): bigint | null {
  const v = row[column];
  if (v === null || v === undefined) return null;
  return typeof v === 'bigint' ? v : BigInt(String(v));
}

function int(row: ResultRow, column: string): number | null {
  const v = row[column];
  return v === null || v === undefined ? null : Number(v);
}

/** Epoch seconds as a UTC instant (seconds fit a double exactly far beyond any real log). */
function instant(row: ResultRow, column: string): string | null {
  const seconds = bigint(row, column);
  return seconds === null ? null : new Date(Number(seconds) * 1000).toISOString();
}

function value(row: ResultRow, f: VpcFlowField): string | number | bigint | null {
  if (f.field === 'start' || f.field === 'end') return instant(row, f.column);
  if (f.type === 'BIGINT') return bigint(row, f.column);
  if (f.type === 'INTEGER') return int(row, f.column);
  return text(row, f.column);
}

export function vpcFlowRecordFromRow(row: ResultRow): VpcFlowRecord {
  const out: Record<string, unknown> = {};
  // The table's region column is the Region folder (see REGION_FIELD); the records SQL selects it as `region`.
  for (const f of VPC_FLOW_FIELDS) out[f.graphql] = f.field === REGION_FIELD ? text(row, 'region') ?? '' : value(row, f);
  out.account = text(row, 'account') ?? '';
  out.day = text(row, 'day') ?? '';
  out.sourceFile = text(row, 'source_file') ?? '';
  return out as unknown as VpcFlowRecord;
}
