// The non-CloudTrail examples must validate against the schema the resolvers build, with their
// variables coercing, and run on a demo archive without errors.
import 'reflect-metadata';
import { getVariableValues, Kind, parse, validate, type OperationDefinitionNode } from 'graphql';
import { auditqlSchema } from '../schema/build-schema';
import { logExampleOperations } from './log-examples';

describe('log explorer examples', () => {
  const examples = logExampleOperations(new Date('2026-12-03T12:00:00Z'));

  it.each(examples.map((e) => [e.title, e] as const))('%s validates and its variables coerce', async (_title, example) => {
    const schema = await auditqlSchema();
    const document = parse(example.query);
    expect(validate(schema, document)).toEqual([]);
    const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const coerced = getVariableValues(schema, op.variableDefinitions ?? [], example.variables ?? {});
    expect(coerced.errors).toBeUndefined();
  });
});
