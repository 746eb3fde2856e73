// The DuckDB statements of the VPC Flow Logs reader, filled from the catalogue and from each file's
// header line. Pure text building: which files share a header is decided by vpcflow.source.ts.
import { fileListSql } from '../file-sql';
import { fillTemplate, loadSql } from '../../../query/sql-template';
import { sqlIdentifier, sqlString } from '../../../query/sql-literal';
import { REGION_FIELD, VPC_FLOW_COLUMNS, VpcFlowField } from '../../../query/vpcflow.catalogue';
import type { ArchiveFile } from '../archive-listing';


/** Every column as VARCHAR and no rows (vpcflow_empty.sql). */
export function emptySource(): string {
  return fillTemplate(loadSql('duckdb/vpcflow_empty.sql'), {
    columns: VPC_FLOW_COLUMNS.map((c) => `CAST(NULL AS VARCHAR) AS ${sqlIdentifier(c.column)}`).join(', '),
  });
}

/** Columns a branch hands to the view: the header's fields that become columns, in header order. */
function selected(fields: readonly VpcFlowField[]): string {
  return fields.filter((x) => x.field !== REGION_FIELD).map((x) => sqlIdentifier(x.column)).join(', ');
}

/**
 * What a text branch keeps: not a repeated header line (its first field equals its own name), every
 * numeric field empty or a number of its type, and a start.
 */
function validity(fields: readonly VpcFlowField[]): string {
  const first = fields[0]!;
  const checks = [`${sqlIdentifier(first.column)} IS DISTINCT FROM ${sqlString(first.field)}`, `${sqlIdentifier('start')} IS NOT NULL`];
  for (const x of fields) {
    if (x.type !== 'VARCHAR') checks.push(`(${sqlIdentifier(x.column)} IS NULL OR TRY_CAST(${sqlIdentifier(x.column)} AS ${x.type}) IS NOT NULL)`);
  }
  return checks.join(' AND ');
}

/** Text files sharing one header line, as a view branch (vpcflow_text_branch.sql). */
export function textBranch(root: string, files: readonly ArchiveFile[], fields: readonly VpcFlowField[], day: string): string {
  return fillTemplate(loadSql('duckdb/vpcflow_text_branch.sql'), {
    select: selected(fields),
    day: sqlString(day),
    files: fileListSql(root, files),
    columns: `{${fields.map((x) => `${sqlString(x.column)}: 'VARCHAR'`).join(', ')}}`,
    valid: validity(fields),
  });
}

/** Parquet files as a view branch (vpcflow_parquet_branch.sql). */
export function parquetBranch(root: string, files: readonly ArchiveFile[], day: string): string {
  return fillTemplate(loadSql('duckdb/vpcflow_parquet_branch.sql'), {
    select: VPC_FLOW_COLUMNS.map((c) => sqlIdentifier(c.column)).join(', '),
    day: sqlString(day),
    empty: emptySource(),
    files: fileListSql(root, files),
  });
}

function linesOf(root: string, files: readonly ArchiveFile[]): string {
  return fillTemplate(loadSql('duckdb/lines_read.sql'), { files: fileListSql(root, files) });
}

export function textHealth(root: string, files: readonly ArchiveFile[], header: string, fields: readonly VpcFlowField[], keyStart: string): string {
  return fillTemplate(loadSql('duckdb/vpcflow_health_text.sql'), {
    keyStart,
    header: sqlString(header),
    lines: linesOf(root, files),
    branch: textBranch(root, files, fields, ''),
  });
}

export function unreadableHealth(root: string, files: readonly ArchiveFile[], problem: string, keyStart: string): string {
  return fillTemplate(loadSql('duckdb/vpcflow_health_unreadable.sql'), { keyStart, problem: sqlString(problem), lines: linesOf(root, files) });
}

export function parquetHealth(root: string, files: readonly ArchiveFile[], keyStart: string): string {
  return fillTemplate(loadSql('duckdb/vpcflow_health_parquet.sql'), { keyStart, files: fileListSql(root, files), branch: parquetBranch(root, files, '') });
}

/** The view's select list: each column cast to its Athena type (the branches carry text). */
export function viewColumns(): string {
  return VPC_FLOW_COLUMNS.map((c) => {
    const id = sqlIdentifier(c.column);
    return c.type === 'VARCHAR' ? `  ${id},` : `  CAST(${id} AS ${c.type}) AS ${id},`;
  }).join('\n');
}

export function viewSql(sources: readonly string[], keyStart: string): string {
  return fillTemplate(loadSql('duckdb/vpc_flow_logs.view.sql'), { columns: viewColumns(), sources: sources.join('\nUNION ALL BY NAME\n'), keyStart });
}
