import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { SqlParam, sqlIdentifier, sqlInteger, sqlLiteral, sqlString } from './sql-literal';

describe('sqlString', () => {
  it.each([
    ['plain text', 'abc', "'abc'"],
    ['the empty string', '', "''"],
    ['one quote, doubled', "O'Brien", "'O''Brien'"],
    ['quotes only', "''", "''''''"],
    ['a classic injection', "' OR '1'='1", "''' OR ''1''=''1'"],
    ['a backslash, kept literally', 'C:\\temp', "'C:\\temp'"],
    ['a backslash before a quote: the backslash stays, the quote is doubled', "x\\' --", "'x\\'' --'"],
    ['double quotes, untouched', '"; DROP TABLE x; --', '\'"; DROP TABLE x; --\''],
    ['a newline and a tab', 'a\nb\tc', "'a\nb\tc'"],
    ['unicode', 'ünïcødé — 日本語 🚀', "'ünïcødé — 日本語 🚀'"],
    ['a question mark', 'a?b', "'a?b'"],
  ])('renders %s', (_name, value, literal) => {
    expect(sqlString(value)).toBe(literal);
  });

  it.each([['a lone NUL', '\u0000'], ['a NUL inside text', 'abc\u0000def'], ['a NUL at the end', "x'\u0000"]])('rejects %s', (_name, value) => {
    expect(() => sqlString(value)).toThrow('a SQL string literal cannot hold a NUL character');
  });
});

describe('sqlInteger', () => {
  it.each([
    [0, '0'],
    [-5, '-5'],
    [10_000, '10000'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
    [Number.MIN_SAFE_INTEGER, '-9007199254740991'],
  ])('renders %p as %p', (value, literal) => {
    expect(sqlInteger(value)).toBe(literal);
  });

  it.each([
    ['one past MAX_SAFE_INTEGER', Number.MAX_SAFE_INTEGER + 1],
    ['a fraction', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['1e21 (would render as 1e+21)', 1e21],
  ])('rejects %s', (_name, value) => {
    expect(() => sqlInteger(value)).toThrow(`not a safe integer: ${value}`);
  });
});

describe('sqlLiteral', () => {
  it.each<[string, SqlParam, string]>([
    ['null', null, 'NULL'],
    ['true', true, 'TRUE'],
    ['false', false, 'FALSE'],
    ['an integer', 42, '42'],
    ['a negative integer', -7, '-7'],
    ['zero', 0, '0'],
    ['negative zero (an integer, rendered 0)', -0, '0'],
    ['a float', 1.5, '1.5'],
    ['a negative float', -0.25, '-0.25'],
    ['a string', "it's", "'it''s'"],
    ['a numeric-looking string, still quoted', '42', "'42'"],
    ['the string NULL, still quoted', 'NULL', "'NULL'"],
  ])('renders %s', (_name, value, literal) => {
    expect(sqlLiteral(value)).toBe(literal);
  });

  it.each([
    ['NaN', Number.NaN, 'not a finite number: NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'not a finite number: Infinity'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'not a finite number: -Infinity'],
    ['an unsafe integer', 2 ** 60, 'not a safe integer'],
  ])('rejects %s', (_name, value, message) => {
    expect(() => sqlLiteral(value)).toThrow(message);
  });

  it('rejects a string holding NUL', () => {
    expect(() => sqlLiteral('a\u0000')).toThrow('NUL');
  });
});

describe('sqlIdentifier', () => {
  it.each([
    ['eventname', '"eventname"'],
    ['_private', '"_private"'],
    ['$path', '"$path"'],
    ['key_1', '"key_1"'],
    ['CamelCase', '"CamelCase"'],
  ])('quotes the plain identifier %p as %p', (name, quoted) => {
    expect(sqlIdentifier(name)).toBe(quoted);
  });

  it.each([
    ['empty', ''],
    ['leading digit', '1abc'],
    ['a space', 'event name'],
    ['a double quote', 'a"b'],
    ['already quoted', '"eventname"'],
    ['a dotted path', 'useridentity.arn'],
    ['a hyphen', 'a-b'],
    ['a semicolon', 'x;DROP TABLE t'],
    ['a non-ASCII letter', 'événement'],
    ['a trailing newline', 'eventname\n'],
    ['an expression', 'count(*)'],
  ])('rejects %s', (_name, name) => {
    expect(() => sqlIdentifier(name)).toThrow(`not a catalogue identifier: ${name}`);
  });
});

// The literals must mean to a real engine what they mean here: DuckDB reads the same ANSI form Trino does.
describe('literals read back by DuckDB', () => {
  let instance: DuckDBInstance;
  let c: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    c = await instance.connect();
  });
  afterAll(() => {
    c.closeSync();
    instance.closeSync();
  });

  it.each([
    ['plain text', 'abc'],
    ['the empty string', ''],
    ['a classic injection', "' OR '1'='1"],
    ['a backslash before a quote', "x\\' --"],
    ['two backslashes before a quote', "x\\\\' --"],
    ['a statement terminator', '"; DROP TABLE x; --'],
    ['a block comment opener', "/* '"],
    ['a newline', "a'\nb"],
    ['unicode', 'ünïcødé — 日本語 🚀'],
    ['a question mark and a $1', '? $1'],
  ])('sqlString round-trips %s', async (_name, value) => {
    const reader = await c.runAndReadAll(`SELECT ${sqlString(value)} AS v, 1 AS after`);
    expect(reader.getRowObjectsJS()).toEqual([{ v: value, after: 1 }]);
  });

  it.each<[SqlParam, unknown]>([
    [null, null],
    [true, true],
    [false, false],
    [42, 42],
    [-7, -7],
    [1.5, 1.5],
    ["it's", "it's"],
  ])('sqlLiteral(%p) reads back as %p', async (value, expected) => {
    const reader = await c.runAndReadAll(`SELECT ${sqlLiteral(value)} AS v`);
    const v = reader.getRowObjectsJS()[0]?.v;
    expect(typeof v === 'object' && v !== null ? Number(v) : v).toEqual(expected);
  });
});
