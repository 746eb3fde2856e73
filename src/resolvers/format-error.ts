// Shapes errors for clients: auditql's own errors and GraphQL's validation errors pass as they are;
// anything unexpected is logged and reported without internals.
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AuditqlError } from '../errors';

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AuditqlError) return { ...formatted, message: original.message, extensions: { ...original.extensions } };
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    console.error('auditql: unexpected error', original);
    return { message: `internal error: ${original instanceof Error ? original.message.split('\n')[0] : String(original)}`, path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL' } };
  }
  return formatted;
}
