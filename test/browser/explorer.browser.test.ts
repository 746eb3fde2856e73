import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildTestApp, type TestApp } from '../helpers/test-app';

/**
 * Opens the explorer in a real headless Chromium against the real app (buildApp over a generated demo
 * archive) listening on 127.0.0.1, runs the preloaded examples, and fails if the page reaches for any
 * other host: audit workstations are offline.
 */

const CHROMIUM_PATH = '/usr/bin/chromium';
// Without the background-networking flags Chromium phones home at start-up, which this offline
// machine refuses many times over and which would also trip the no-other-host assertion.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// Generating the demo archive and running every example on DuckDB takes tens of seconds on a loaded
// two-core CI machine.
const SLOW_MS = 180_000;

const haveChromium = existsSync(CHROMIUM_PATH);
if (!haveChromium) {
  console.warn(
    `explorer browser test SKIPPED: ${CHROMIUM_PATH} not found. Install Debian's chromium package (apt-get install -y chromium) to run it.`,
  );
}
const describeWithChromium = haveChromium ? describe : describe.skip;

interface PageConfig {
  graphqlPath: string;
  tabs: { query: string; variables?: string }[];
}

interface BrowserGlobals {
  localStorage: { getItem(key: string): string | null };
}

interface StoredTabs {
  activeTabIndex?: number;
  tabs?: { query?: string | null; variables?: string | null }[];
}

interface GraphQLResponse {
  data?: { cloudTrailEvents?: { totalCount?: unknown; edges?: { node?: { eventName?: unknown } }[] } };
  errors?: unknown[];
}

/** Everything a page did on the network or logged as broken, so one assertion can show it all. */
class PageWatch {
  readonly urls: string[] = [];
  readonly failures: string[] = [];

  constructor(context: BrowserContext, page: Page) {
    // On the context, not the page, so requests from workers or popups are counted too.
    context.on('request', (request) => this.urls.push(request.url()));
    context.on('requestfailed', (request) => this.failures.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
    context.on('response', (response) => {
      if (response.status() >= 400) this.failures.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    page.on('pageerror', (error) => this.failures.push(`page error: ${error.message}`));
    // CSP violations and failed script loads surface only as console errors.
    page.on('console', (message) => {
      if (message.type() === 'error') this.failures.push(`console error: ${message.text()}`);
    });
  }

  /** URLs that left 127.0.0.1; data: and blob: URLs never touch the network. */
  foreignRequests(): string[] {
    return this.urls.filter((url) => {
      const parsed = new URL(url);
      if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
      return parsed.hostname !== '127.0.0.1';
    });
  }
}

/** Waits for the response pane to show text, and on timeout says what it showed instead. */
async function expectResponsePaneToShow(page: Page, text: string): Promise<void> {
  const pane = page.locator('.graphiql-response');
  try {
    await pane.filter({ hasText: text }).waitFor({ timeout: 20_000 });
  } catch (error) {
    const screenshot = path.join(os.tmpdir(), 'auditql-explorer-failure.png');
    const saved = await page.screenshot({ path: screenshot }).then(() => ` (screenshot: ${screenshot})`, () => '');
    const shown = await pane.textContent().catch(() => null);
    throw new Error(`response pane never showed ${text}${saved}; it showed: ${shown ?? '(no pane)'}\n${String(error)}`);
  }
}

describeWithChromium('GraphQL explorer in Chromium', () => {
  let subject: TestApp;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    subject = await buildTestApp();
    await subject.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = subject.app.server.address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  }, SLOW_MS);

  afterAll(async () => {
    await browser?.close();
    await subject?.close();
  });

  it('renders GraphiQL from local assets at /graphql, runs every preloaded example and keeps its tabs on reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const watch = new PageWatch(context, page);
    try {
      const navigation = await page.goto(`${baseUrl}/graphql`);
      expect(navigation?.status()).toBe(200);
      expect(navigation?.headers()['content-type']).toContain('text/html');

      // Ask the server the same question the first tab asks, to know what the response pane must show.
      const configText = await page.locator('#auditql-explorer-config').textContent();
      const config = JSON.parse(configText ?? '{}') as PageConfig;
      const firstTab = config.tabs[0];
      if (!firstTab) throw new Error('the explorer page embeds no example tabs');
      const direct = await fetch(`${baseUrl}${config.graphqlPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: firstTab.query, variables: JSON.parse(firstTab.variables ?? '{}') as unknown }),
      });
      const expected = (await direct.json()) as GraphQLResponse;
      expect(expected.errors).toBeUndefined();
      const totalCount = expected.data?.cloudTrailEvents?.totalCount;
      expect(totalCount).toBeDefined();

      await page.locator('.graphiql-container').waitFor();
      await page.locator('.graphiql-query-editor', { hasText: 'cloudTrailEvents' }).waitFor();
      const operationRequest = page.waitForRequest(
        (request) => request.method() === 'POST' && (request.postData() ?? '').includes('RecentEvents'),
      );
      await page.locator('button.graphiql-execute-button').click();

      const sent = await operationRequest;
      expect(new URL(sent.url()).pathname).toBe(config.graphqlPath);
      expect(sent.headers()['content-type']).toBe('application/json');
      await expectResponsePaneToShow(page, `"totalCount": ${JSON.stringify(totalCount)}`);
      const firstEventName = expected.data?.cloudTrailEvents?.edges?.[0]?.node?.eventName;
      if (typeof firstEventName === 'string') {
        await expectResponsePaneToShow(page, `"eventName": "${firstEventName}"`);
      }

      // Every other preloaded tab runs with its own variables and the server answers without errors.
      for (const tab of config.tabs.slice(1)) {
        const operationName = /query (\w+)/.exec(tab.query)?.[1];
        if (!operationName) throw new Error(`example without a named query: ${tab.query}`);
        await page.locator('.graphiql-tab', { hasText: operationName }).click();
        const reply = page.waitForResponse(
          (response) => response.request().method() === 'POST' && (response.request().postData() ?? '').includes(`query ${operationName}`),
        );
        await page.locator('button.graphiql-execute-button').click();
        const response = await reply;
        const body = JSON.parse(response.request().postData() ?? '{}') as { variables?: unknown; operationName?: unknown };
        expect(body.variables).toEqual(JSON.parse(tab.variables ?? '{}'));
        expect(body.operationName === undefined || body.operationName === operationName).toBe(true);
        const result = (await response.json()) as GraphQLResponse;
        expect({ operationName, errors: result.errors }).toEqual({ operationName, errors: undefined });
        await expectResponsePaneToShow(page, '"data"');
      }
      await page.locator('.graphiql-tab', { hasText: 'ConsoleSignIns' }).click();

      // A revisit restores the stored tabs instead of stacking an extra one. GraphiQL saves the tabs and
      // the active editors' text on separate debounces, and on load it opens a new tab when the two
      // disagree, so wait until they agree, as they do for anyone who did not reload within half a second.
      // A function, not a string (the page's CSP refuses eval); tsconfig has no DOM lib, hence the cast.
      await page.waitForFunction(() => {
        const storage = (globalThis as unknown as BrowserGlobals).localStorage;
        const state = JSON.parse(storage.getItem('graphiql:tabState') ?? '{}') as StoredTabs;
        const active = state.tabs?.[state.activeTabIndex ?? -1];
        return (
          active !== undefined &&
          (active.query ?? '').includes('ConsoleSignIns') &&
          active.query === storage.getItem('graphiql:query') &&
          active.variables === storage.getItem('graphiql:variables')
        );
      });
      await page.reload();
      await page.locator('button.graphiql-execute-button').waitFor();
      expect(await page.locator('.graphiql-tab').count()).toBe(config.tabs.length);
      await page.locator('.graphiql-editor-tool', { hasText: 'ConsoleLogin' }).waitFor();

      expect(watch.foreignRequests()).toEqual([]);
      expect(watch.failures).toEqual([]);
      expect(watch.urls.some((url) => url.includes('/explorer/assets/graphiql-'))).toBe(true);
    } finally {
      await context.close();
    }
  }, SLOW_MS);

  it('renders the same explorer at /', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const watch = new PageWatch(context, page);
    try {
      await page.goto(`${baseUrl}/`);
      await page.locator('button.graphiql-execute-button').waitFor();
      await page.locator('.graphiql-tab', { hasText: 'RecentEvents' }).first().waitFor();

      expect(watch.foreignRequests()).toEqual([]);
      expect(watch.failures).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
