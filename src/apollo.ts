// The Apollo Server both the HTTP app and the in-process `auditql query` command use, so a script
// gets exactly the errors and values an explorer user gets.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { AppContext } from './context';
import { maxRootFieldsRule } from './request-limits';
import { formatError } from './resolvers/format-error';
import { auditqlSchema } from './schema/build-schema';

export async function createApollo(maxRootFields = 10): Promise<ApolloServer<AppContext>> {
  return new ApolloServer<AppContext>({
    schema: await auditqlSchema(),
    validationRules: [maxRootFieldsRule(maxRootFields)],
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
}
