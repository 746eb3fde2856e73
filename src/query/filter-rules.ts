// Checks shared by every log's filters: each bad value names its argument and the rule it broke.
import { badInput } from '../errors';

export const MAX_LIST_VALUES = 1000;

export function checkList(values: readonly string[] | null | undefined, argument: string, pattern?: RegExp, patternRule?: string): readonly string[] | undefined {
  if (values === null || values === undefined) return undefined;
  if (values.length === 0) throw badInput(argument, 'must hold at least one value (omit it to match everything)', values);
  if (values.length > MAX_LIST_VALUES) throw badInput(argument, `must hold at most ${MAX_LIST_VALUES} values`, `${values.length} values`);
  for (const v of values) checkText(v, argument, pattern, patternRule);
  return values;
}

export function checkText(value: string | null | undefined, argument: string, pattern?: RegExp, patternRule?: string): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (value.length === 0) throw badInput(argument, 'must not be empty (omit it to match everything)', value);
  if (value.length > 2048) throw badInput(argument, 'must be at most 2048 characters', `${value.length} characters`);
  if (pattern && !pattern.test(value)) throw badInput(argument, patternRule ?? `must match ${pattern}`, value);
  return value;
}

export const ACCOUNT_ID = /^\d{12}$/;
export const ACCOUNT_RULE = 'must be a 12-digit AWS account id';
