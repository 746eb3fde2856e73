// Builds the executable schema from the resolvers. `emitSchema` prints it for schema.graphql, which
// is committed; schema.test.ts fails when the two drift.
import { GraphQLSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CloudTrailResolver } from '../resolvers/cloudtrail.resolver';
import { AlbResolver } from '../resolvers/alb.resolver';
import { S3AccessResolver } from '../resolvers/s3access.resolver';
import { VpcFlowResolver } from '../resolvers/vpcflow.resolver';

let schema: Promise<GraphQLSchema> | undefined;

export function auditqlSchema(): Promise<GraphQLSchema> {
  // type-graphql keeps metadata globally; building once per process avoids duplicate-type errors.
  schema ??= buildSchema({ resolvers: [CloudTrailResolver, VpcFlowResolver, S3AccessResolver, AlbResolver], validate: false });
  return schema;
}

export async function printAuditqlSchema(): Promise<string> {
  return printSchema(await auditqlSchema()) + '\n';
}
