// Athena's StartQueryExecution takes a query's `?` values as ExecutionParameters: a list of SQL
// literals as text (strings quoted, quotes doubled), not typed values. This is the one place plan
// parameters become that list; `auditql query --explain --engine athena` prints it.
import { SqlParam, sqlLiteral } from '../query/sql-literal';

/** Athena refuses an empty ExecutionParameters list, so a statement without `?` sends none at all. */
export function executionParameters(params: readonly SqlParam[]): string[] | undefined {
  return params.length === 0 ? undefined : params.map(sqlLiteral);
}
