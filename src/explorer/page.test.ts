import vm from 'node:vm';
import { BOOT_SCRIPT, CONFIG_ELEMENT_ID, type ExplorerPageConfig } from './page';

interface FetchCall {
  url: string;
  init: { method: string; headers: Record<string, string>; body: string };
}

interface GraphiQLProps {
  fetcher(params: { query: string; operationName?: string | null }, opts?: { headers?: Record<string, string> }): Promise<unknown>;
  defaultTabs?: unknown;
  variables?: string;
}

/**
 * Runs the boot script against stand-ins for the browser globals it touches. The browser test covers
 * the real thing; this pins the fetcher's contract, which a quick click in the browser hits only
 * sometimes.
 */
function boot(config: ExplorerPageConfig, options: { storedTabs?: string; responseText?: string; status?: number } = {}) {
  const calls: FetchCall[] = [];
  let rendered: GraphiQLProps | undefined;
  const mount = { textContent: 'loading' };
  const sandbox = {
    document: {
      getElementById: (id: string) =>
        id === CONFIG_ELEMENT_ID ? { textContent: JSON.stringify(config) } : id === 'graphiql' ? mount : null,
    },
    window: { localStorage: { getItem: (key: string) => (key === 'graphiql:tabState' ? options.storedTabs ?? null : null) } },
    React: { createElement: (_component: unknown, props: GraphiQLProps) => props },
    ReactDOM: {
      createRoot: () => ({
        render: (props: GraphiQLProps) => {
          rendered = props;
        },
      }),
    },
    GraphiQL: {},
    fetch: (url: string, init: FetchCall['init']) => {
      calls.push({ url, init });
      return Promise.resolve({
        status: options.status ?? 200,
        statusText: 'OK',
        text: () => Promise.resolve(options.responseText ?? '{"data":{"ok":true}}'),
      });
    },
  };
  vm.runInNewContext(BOOT_SCRIPT, sandbox);
  if (!rendered) throw new Error('the boot script rendered nothing');
  return { props: rendered, calls, mount };
}

const CONFIG: ExplorerPageConfig = {
  graphqlPath: '/api/graphql',
  tabs: [
    { query: 'query First($w: Int) { a }', variables: '{"w": 1}' },
    { query: 'query Second { b }' },
  ],
};

describe('explorer boot script', () => {
  it('posts JSON with the preflight header to graphqlPath, keeping headers from the headers editor', async () => {
    const { props, calls } = boot(CONFIG);

    await expect(props.fetcher({ query: '{ a }' }, { headers: { authorization: 'Bearer t' } })).resolves.toEqual({ data: { ok: true } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('/api/graphql');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toEqual({
      authorization: 'Bearer t',
      'content-type': 'application/json',
      accept: 'application/json',
      'apollo-require-preflight': 'true',
    });
    expect(JSON.parse(calls[0]?.init.body ?? '')).toEqual({ query: '{ a }' });
  });

  it("drops an operation name the document does not define (GraphiQL's stale name after a tab switch)", async () => {
    const { props, calls } = boot(CONFIG);

    await props.fetcher({ query: '# Second\nquery Second { b }', operationName: 'First' });
    await props.fetcher({ query: 'query A { a }\nmutation B { b }', operationName: 'B' });
    await props.fetcher({ query: 'subscription  Live\n{ c }', operationName: 'Live' });
    await props.fetcher({ query: 'query Abc { a }', operationName: 'Ab' });

    const sent = calls.map((c) => (JSON.parse(c.init.body) as { operationName?: string }).operationName);
    expect(sent).toEqual([undefined, 'B', 'Live', undefined]);
  });

  it('turns a non-JSON reply into a GraphQL error the response pane can show', async () => {
    const { props } = boot(CONFIG, { status: 502, responseText: '<html>Bad gateway</html>' });

    await expect(props.fetcher({ query: '{ a }' })).resolves.toEqual({
      errors: [{ message: 'HTTP 502 OK: <html>Bad gateway</html>' }],
    });
  });

  it("seeds the first tab's variables on a first visit only", () => {
    expect(boot(CONFIG).props.variables).toBe('{"w": 1}');
    expect(boot(CONFIG, { storedTabs: '{"activeTabIndex":0,"tabs":[]}' }).props.variables).toBeUndefined();
    expect(boot(CONFIG).props.defaultTabs).toEqual(CONFIG.tabs);
  });

  it('says so on the page when the GraphiQL bundle did not load', () => {
    const mount = { textContent: 'loading' };
    vm.runInNewContext(BOOT_SCRIPT, {
      document: { getElementById: () => mount },
      React: {},
      ReactDOM: {},
    });
    expect(mount.textContent).toMatch(/did not load/);
  });
});
