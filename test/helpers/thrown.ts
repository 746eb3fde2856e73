// Captures the AuditqlError a call throws, failing the test when it throws something else or nothing.
import { AuditqlError } from '../../src/errors';

export function thrown(fn: () => unknown): AuditqlError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AuditqlError);
    return e as AuditqlError;
  }
  throw new Error('expected a throw');
}
