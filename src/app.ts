// Builds the Fastify app: GraphQL (Apollo) on /graphql, the offline explorer, a health check and the
// optional bearer-token check. It never listens: server.ts does that, tests use inject() or listen(0).
import fastifyApollo from '@as-integrations/fastify';
import Fastify, { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { createApollo } from './apollo';
import { AppDeps, createContext } from './context';
import { exampleOperations } from './explorer/examples';
import { logExampleOperations } from './explorer/log-examples';
import { EXPLORER_ASSET_PREFIX, registerExplorer } from './explorer/explorer.plugin';

export const GRAPHQL_PATH = '/graphql';

export interface BuildOptions {
  logger?: boolean;
  /** Clock for the explorer's example windows (tests pin it). */
  now?: () => Date;
}

/** Fires when the client goes away before its response is complete, so running queries are stopped. */
function abortSignalOf(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  const apollo = await createApollo(deps.config.maxRootFields);
  await apollo.start();
  app.addHook('onClose', async () => apollo.stop());

  // Set before the plugins register, so they inherit it. Errors raised before GraphQL runs (a body that is not JSON, too large, the wrong content type, an
  // unknown path) answer in GraphQL's error shape too, so clients read every failure the same way.
  app.setErrorHandler(async (error: FastifyError, _request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) console.error('auditql: unexpected error', error);
    await reply.code(status).send({ errors: [{ message: status === 500 ? 'internal error' : error.message, extensions: { code: status === 500 ? 'INTERNAL' : 'BAD_REQUEST', httpStatus: status } }] });
  });
  app.setNotFoundHandler(async (request, reply) => {
    await reply.code(404).send({ errors: [{ message: `no such path: ${request.method} ${request.url.split('?')[0]} (the API is at ${GRAPHQL_PATH})`, extensions: { code: 'NOT_FOUND', httpStatus: 404 } }] });
  });

  const token = deps.config.apiToken;
  if (token) {
    // Deny by default: only the explorer's page and assets and the health check are public (they
    // hold no data). Decisions use the route Fastify matched, never the raw URL, so an encoded path
    // such as /%67raphql cannot slip past the check.
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const route = request.routeOptions.url;
      const explorerPage = route === GRAPHQL_PATH && request.method === 'GET' && !request.url.includes('?') && (request.headers.accept ?? '').includes('text/html');
      const isPublic = route === '/' || route === '/healthz' || (route?.startsWith(EXPLORER_ASSET_PREFIX) ?? false) || explorerPage;
      if (!isPublic && !tokenMatches(request.headers.authorization, token)) {
        await reply.code(401).header('www-authenticate', 'Bearer').send({ errors: [{ message: 'missing or wrong bearer token: send "Authorization: Bearer <AUDITQL_API_TOKEN>"', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
    });
  }

  await registerExplorer(app, { graphqlPath: GRAPHQL_PATH, examples: [...exampleOperations((options.now ?? (() => new Date()))()), ...logExampleOperations((options.now ?? (() => new Date()))())] });
  await app.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    context: async (_request, reply) => createContext(deps, abortSignalOf(reply)),
  });
  app.get('/healthz', async () => ({ status: 'ok', engine: deps.engine.name }));
  return app;
}
