// `auditql query --explain`: an engine that runs nothing. It records each plan a document would
// execute (engine, SQL text, parameters) and answers with an empty result so resolution completes.
// The SQL is the same text every engine runs, so explaining for Athena needs no AWS credentials.
import { executionParameters } from '../athena/execution-parameters';
import type { EngineName } from '../config';
import { AuditqlError } from '../errors';
import type { QueryPlan } from '../query/query-plan';
import type { Execution, Page, QueryEngine } from './query-engine';

export interface ExplainedExecution {
  engine: EngineName;
  operation: string;
  table: string;
  sql: string;
  parameters: QueryPlan['params'];
  /** What Athena's StartQueryExecution would receive as ExecutionParameters (engine athena only). */
  executionParameters?: string[];
}

export class ExplainEngine implements QueryEngine {
  readonly explained: ExplainedExecution[] = [];
  private readonly executions = new Map<string, Execution>();

  constructor(readonly name: EngineName) {}

  async execute(plan: QueryPlan): Promise<Execution> {
    this.explained.push({
      engine: this.name,
      operation: plan.operation,
      table: plan.table,
      sql: plan.sql,
      parameters: plan.params,
      ...(this.name === 'athena' ? { executionParameters: executionParameters(plan.params) } : {}),
    });
    const id = `explain-${this.explained.length}`;
    const execution: Execution = {
      id,
      plan,
      stats: { engine: this.name, executionId: id, elapsedMs: 0, filesRead: null, bytesScanned: null, rowsMatched: 0n, malformedRecords: 0n, malformedFiles: [], sql: plan.sql, params: plan.params },
    };
    this.executions.set(id, execution);
    return execution;
  }

  async execution(id: string): Promise<Execution> {
    const e = this.executions.get(id);
    if (!e) throw new AuditqlError('CURSOR_EXPIRED', `--explain keeps no result sets; execution ${id} is unknown`);
    return e;
  }

  async readPage(): Promise<Page> {
    return { rows: [], next: null };
  }

  async close(): Promise<void> {}
}
