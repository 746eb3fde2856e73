// schema.graphql is committed so reviewers and client generators see the API; it must match what
// the resolvers build. Regenerate with `npm run schema:emit` after changing the schema on purpose.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GraphQLEnumType, GraphQLInputObjectType } from 'graphql';
import { auditqlSchema, printAuditqlSchema } from '../src/schema/build-schema';

describe('schema.graphql', () => {
  it('matches the schema the resolvers build', async () => {
    const committed = readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8');
    const fresh = await printAuditqlSchema();
    if (committed !== fresh) {
      throw new Error('schema.graphql is out of date: run `npm run schema:emit` and commit it (or revert the schema change)');
    }
    expect(committed).toBe(fresh);
  });

  it('keeps the names and argument types of the API contract', async () => {
    const schema = await auditqlSchema();
    const args = (field: string): string[] =>
      schema.getQueryType()!.getFields()[field]!.args.map((a) => `${a.name}: ${String(a.type)}${a.defaultValue === undefined ? '' : ` = ${String(a.defaultValue)}`}`);
    expect(args('cloudTrailEvents').slice(0, 4)).toEqual(['window: TimeWindow!', 'filter: CloudTrailFilter', 'first: Int = 100', 'after: String']);
    expect(args('cloudTrailCounts')).toEqual(['window: TimeWindow!', 'filter: CloudTrailFilter', 'groupBy: [CloudTrailGroupBy!]!', 'top: Int = 50']);
    const sdl = await printAuditqlSchema();
    for (const name of ['scalar DateTime', 'scalar BigInt', 'scalar JSON', 'malformedFiles: [String!]!', 'malformedRecords: BigInt!', 'input TimeWindow {']) {
      expect(sdl).toContain(name);
    }
    const filter = Object.keys((schema.getType('CloudTrailFilter') as GraphQLInputObjectType).getFields());
    expect(filter).toEqual(expect.arrayContaining(['eventNames', 'eventSources', 'principalArn', 'principalArnPrefix', 'userName', 'accessKeyId', 'sourceIp', 'errorCode', 'anyError', 'readOnly', 'regions', 'accounts', 'eventTypes', 'resourceArn']));
    const groupBy = (schema.getType('CloudTrailGroupBy') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(groupBy).toEqual(expect.arrayContaining(['EVENT_NAME', 'EVENT_SOURCE', 'PRINCIPAL_ARN', 'USER_NAME', 'ACCESS_KEY_ID', 'SOURCE_IP', 'ERROR_CODE', 'REGION', 'ACCOUNT', 'DAY']));
  });
});
