// The closed set of error kinds auditql reports, each mapped once to a GraphQL `extensions.code`.
// Messages state the rule and the value received so a user can fix the call without reading code.
import { GraphQLError } from 'graphql';

export type ErrorKind =
  | 'BAD_USER_INPUT'
  | 'CURSOR_EXPIRED'
  | 'THROTTLED'
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'ENGINE_FAILED'
  | 'INTERNAL';

export class AuditqlError extends GraphQLError {
  readonly kind: ErrorKind;
  constructor(kind: ErrorKind, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: kind, ...extra } });
    this.kind = kind;
  }
}

/** A bad argument: names the argument (its path, e.g. `window.from`) and the rule it broke. */
export function badInput(argument: string, rule: string, received?: unknown): AuditqlError {
  const got = received === undefined ? '' : `; got ${JSON.stringify(received)}`;
  return new AuditqlError('BAD_USER_INPUT', `${argument}: ${rule}${got}`, { argument });
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
