import { readFileSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerExplorer, type ExampleOperation } from './explorer.plugin';
import { CONFIG_ELEMENT_ID, type ExplorerPageConfig } from './page';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

const EXAMPLES: ExampleOperation[] = [
  { title: 'First', query: 'query First { __typename }', variables: { window: { from: '2024-01-01T00:00:00.000Z', to: '2024-01-08T00:00:00.000Z' } } },
  { title: 'Second', query: 'query Second { __typename }' },
];

type RouteOrder = 'graphql-route-first' | 'graphql-route-in-later-plugin';

/**
 * A dummy GET/POST /graphql stands in for Apollo: whatever reaches it was not intercepted. It is
 * registered both before the explorer and from a plugin loaded after it (how fastifyApollo is added),
 * because Fastify applies hooks per encapsulation context.
 */
async function buildApp(examples: ExampleOperation[], order: RouteOrder = 'graphql-route-first'): Promise<FastifyInstance> {
  const app = Fastify();
  const graphqlRoutes = (instance: FastifyInstance): void => {
    instance.get('/graphql', async () => ({ data: { passedThrough: 'GET' } }));
    instance.post('/graphql', async () => ({ data: { passedThrough: 'POST' } }));
  };
  if (order === 'graphql-route-first') graphqlRoutes(app);
  await registerExplorer(app, { graphqlPath: '/graphql', examples });
  if (order === 'graphql-route-in-later-plugin') await app.register(async (child) => graphqlRoutes(child));
  await app.ready();
  return app;
}

function attributeUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1] ?? '');
}

function embeddedConfig(html: string): ExplorerPageConfig {
  const open = `<script type="application/json" id="${CONFIG_ELEMENT_ID}">`;
  const start = html.indexOf(open);
  expect(start).toBeGreaterThanOrEqual(0);
  // The HTML parser ends a script element at the first "</script": read exactly what a browser would.
  const end = html.toLowerCase().indexOf('</script', start + open.length);
  return JSON.parse(html.slice(start + open.length, end)) as ExplorerPageConfig;
}

describe('registerExplorer', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildApp(EXAMPLES);
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves the explorer page at / referencing only local assets', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    const urls = attributeUrls(res.body);
    const scripts = urls.filter((u) => u.endsWith('.js'));
    expect(scripts).toHaveLength(4);
    expect(urls.filter((u) => u.endsWith('.css'))).toHaveLength(1);
    for (const url of urls) {
      expect(url).toMatch(/^(\/explorer\/assets\/|data:)/);
    }
    expect(res.body).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(res.body).not.toMatch(/https?:\/\//i);
  });

  it('serves every referenced asset from the npm packages with a content type and a long cache', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    const urls = attributeUrls(page.body).filter((u) => u.startsWith('/explorer/assets/'));
    expect(urls).toHaveLength(5);

    for (const url of urls) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(url.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.rawPayload.length).toBeGreaterThan(0);
    }

    const graphiqlDir = path.dirname(require.resolve('graphiql/package.json'));
    const graphiqlJsUrl = urls.find((u) => u.endsWith('/graphiql.min.js'));
    expect(graphiqlJsUrl).toBe('/explorer/assets/graphiql-3.9.0/graphiql.min.js');
    const graphiqlJs = await app.inject({ method: 'GET', url: graphiqlJsUrl ?? '' });
    expect(graphiqlJs.rawPayload.equals(readFileSync(path.join(graphiqlDir, 'graphiql.min.js')))).toBe(true);
  });

  it('answers a browser navigation to /graphql with the page', async () => {
    const root = await app.inject({ method: 'GET', url: '/' });
    const res = await app.inject({ method: 'GET', url: '/graphql', headers: { accept: BROWSER_ACCEPT } });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toBe(root.body);
  });

  it.each([
    ['Accept application/json', '/graphql', { accept: 'application/json' }],
    ['Accept */* (curl)', '/graphql', { accept: '*/*' }],
    ['no Accept header', '/graphql', {}],
    ['text/html refused with q=0', '/graphql', { accept: 'text/html;q=0, application/json' }],
    ['a query parameter, even from a browser', '/graphql?query=%7B__typename%7D', { accept: BROWSER_ACCEPT }],
    ['a different path that starts the same', '/graphql2', { accept: BROWSER_ACCEPT }],
  ])('lets a GET with %s through to the GraphQL route', async (_name, url, headers) => {
    const res = await app.inject({ method: 'GET', url, headers });

    if (url === '/graphql2') {
      expect(res.statusCode).toBe(404);
      return;
    }
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ data: { passedThrough: 'GET' } });
  });

  it('never intercepts POST', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' },
      payload: { query: '{ __typename }' },
    });

    expect(res.json()).toEqual({ data: { passedThrough: 'POST' } });
  });

  it('embeds the examples as GraphiQL tabs with their titles and variables as JSON text', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    const config = embeddedConfig(res.body);

    expect(config.graphqlPath).toBe('/graphql');
    expect(config.tabs).toEqual([
      { query: '# First\nquery First { __typename }', variables: JSON.stringify(EXAMPLES[0]?.variables, null, 2) },
      { query: '# Second\nquery Second { __typename }' },
    ]);
  });
});

describe('registerExplorer with the GraphQL route in a plugin registered later', () => {
  it('still intercepts navigations and passes JSON GETs through', async () => {
    const app = await buildApp(EXAMPLES, 'graphql-route-in-later-plugin');
    try {
      const page = await app.inject({ method: 'GET', url: '/graphql', headers: { accept: BROWSER_ACCEPT } });
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      const json = await app.inject({ method: 'GET', url: '/graphql', headers: { accept: 'application/json' } });
      expect(json.json()).toEqual({ data: { passedThrough: 'GET' } });
    } finally {
      await app.close();
    }
  });
});

describe('registerExplorer escaping', () => {
  it('keeps hostile example text inside the config data block', async () => {
    const hostile = 'query X { __typename } # </script><script>window.pwned = 1</script><!-- & \u2028';
    const app = await buildApp([{ title: 'Bad </script><b>title', query: hostile, variables: { s: '</SCRIPT>' } }]);
    try {
      const res = await app.inject({ method: 'GET', url: '/' });

      // Only the config block and the four script elements may close a script.
      expect(res.body.match(/<\/script/gi)).toHaveLength(5);
      expect(res.body).not.toContain('window.pwned = 1</script>');
      expect(res.body).not.toContain('<!--');
      const config = embeddedConfig(res.body);
      expect(config.tabs[0]?.query).toBe(`# Bad </script><b>title\n${hostile}`);
      expect(JSON.parse(config.tabs[0]?.variables ?? 'null')).toEqual({ s: '</SCRIPT>' });
    } finally {
      await app.close();
    }
  });

  it('rejects a relative graphqlPath', async () => {
    const app = Fastify();
    await expect(registerExplorer(app, { graphqlPath: 'graphql', examples: [] })).rejects.toThrow(/must start with/);
    await app.close();
  });
});
