// The API's scalars. DateTime: input ISO-8601 with a zone, output UTC ISO-8601 with Z whatever the
// server's zone. BigInt: counters and byte sizes, serialised as a decimal string so values beyond
// 2^53 stay exact in every JSON client. JSON: whole documents (CloudTrail's requestParameters etc.).
import { GraphQLScalarType, Kind } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const DATETIME_RULE = 'DateTime must be an ISO-8601 instant with a time zone, such as 2026-12-01T00:00:00Z';

/** True when the calendar date and clock time written in an ISO string exist (no 30 February, no 25:00). */
function fieldsExist(value: string): boolean {
  const [y, m, d, hh, mm, ss] = [value.slice(0, 4), value.slice(5, 7), value.slice(8, 10), value.slice(11, 13), value.slice(14, 16), value.slice(17, 19)].map(Number);
  const day = new Date(Date.UTC(y!, m! - 1, d!));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m! - 1 && day.getUTCDate() === d && hh! <= 23 && mm! <= 59 && (Number.isNaN(ss!) || ss! <= 59);
}

export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value)) || !fieldsExist(value)) {
    throw new TypeError(`${DATETIME_RULE}; got ${JSON.stringify(value)}`);
  }
  return new Date(value);
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant. Input: ISO-8601 with a time zone (Z or ±hh:mm). Output: UTC ISO-8601 ending in Z.',
  serialize(value) {
    const d = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(d.getTime())) throw new TypeError(`not an instant: ${JSON.stringify(value)}`);
    return d.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new TypeError(`${DATETIME_RULE}; got a ${ast.kind}`);
    return parseDateTime(ast.value);
  },
});

function parseBigInt(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if ((typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value))) {
    return BigInt(value);
  }
  throw new TypeError(`BigInt must be a whole number (a decimal string for values beyond 2^53); got ${JSON.stringify(value)}`);
}

export const BigIntScalar = new GraphQLScalarType<bigint, string>({
  name: 'BigInt',
  description: 'A whole number of any size, serialised as a decimal string so it stays exact beyond 2^53.',
  serialize: (value) => parseBigInt(value).toString(),
  parseValue: parseBigInt,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT && ast.kind !== Kind.STRING) throw new TypeError(`BigInt must be a whole number; got a ${ast.kind}`);
    return parseBigInt(ast.value);
  },
});

export const JSONScalar = GraphQLJSON;
