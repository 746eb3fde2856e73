import { buildSchema, getVariableValues, Kind, parse, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { CONTRACT_CLOUDTRAIL_SDL } from './contract-cloudtrail.fixture';
import { auditqlSchema } from '../schema/build-schema';
import { exampleOperations } from './examples';

// Checked against both: the contract's own names, and what the resolvers actually build.
const SCHEMAS: [string, () => Promise<GraphQLSchema>][] = [
  ['the API contract', async () => buildSchema(CONTRACT_CLOUDTRAIL_SDL)],
  ['the schema the resolvers build', auditqlSchema],
];

describe('exampleOperations', () => {
  const now = new Date('2025-03-10T12:34:56.789+01:00');
  const examples = exampleOperations(now);

  it('offers the contract examples, each with a distinct title and operation', () => {
    expect(examples.map((e) => e.title)).toEqual([
      'Recent CloudTrail events',
      'Top API calls by principal',
      'Console sign-ins',
      'Access denied',
      'Activity from a CIDR',
    ]);
    const names = examples.map((e) => /query (\w+)/.exec(e.query)?.[1]);
    expect(new Set(names).size).toBe(examples.length);
  });

  it('windows every example on the 7 days before now, in UTC with Z', () => {
    for (const example of examples) {
      expect(example.variables?.window).toEqual({ from: '2025-03-03T11:34:56.789Z', to: '2025-03-10T11:34:56.789Z' });
    }
  });

  it('carries the filters the explorer promises', () => {
    const filterOf = (title: string): unknown => examples.find((e) => e.title === title)?.variables?.filter;
    expect(filterOf('Console sign-ins')).toEqual({ eventNames: ['ConsoleLogin'] });
    expect(filterOf('Access denied')).toEqual({ errorCode: 'AccessDenied' });
    expect(filterOf('Activity from a CIDR')).toEqual({ sourceIp: '203.0.113.0/24' });
  });

  // Saved explorer queries are part of the contract: a renamed field must fail here, not in a browser.
  describe.each(SCHEMAS)('against %s', (_name, loadSchema) => {
    let schema: GraphQLSchema;
    beforeAll(async () => {
      schema = await loadSchema();
    });

    it.each(examples.map((e) => [e.title, e] as const))('%s validates and its variables coerce', (_title, example) => {
      const document = parse(example.query);

      expect(validate(schema, document)).toEqual([]);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], example.variables ?? {});
      expect(coerced.errors).toBeUndefined();
    });
  });
});
