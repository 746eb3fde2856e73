/** The explorer's HTML shell and its boot script; no Fastify here so both are testable as plain strings. */

/** A GraphiQL 3 tab definition: GraphiQL wants variables as JSON text, not as an object. */
export interface ExplorerTab {
  query: string;
  variables?: string;
}

export interface ExplorerPageConfig {
  graphqlPath: string;
  tabs: ExplorerTab[];
}

export interface ExplorerPageAssets {
  reactJs: string;
  reactDomJs: string;
  graphiqlJs: string;
  graphiqlCss: string;
  bootJs: string;
}

export const CONFIG_ELEMENT_ID = 'auditql-explorer-config';

/**
 * JSON that is safe inside an HTML <script> element: `</script>` or `<!--` in a value must not end or
 * alter the element. \u003c etc. are ordinary JSON escapes, so JSON.parse still gives the original text.
 * U+2028/U+2029 are escaped too so the text stays valid even if it is ever inlined as a JS literal.
 */
export function jsonForScriptElement(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('value is not JSON-serialisable');
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Scripts come only from this origin and the page may only talk to this origin, so an offline audit
 * workstation cannot be made to fetch anything remote from here. Inline styles are allowed because
 * GraphiQL (React style props, CodeMirror) sets them at run time.
 */
export const EXPLORER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function renderExplorerPage(config: ExplorerPageConfig, assets: ExplorerPageAssets): string {
  const a = (url: string): string => escapeAttribute(url);
  // The config is a data block (type=application/json): it never executes, and the CSP needs no
  // nonce or hash because the boot script is a separate same-origin file.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>auditql explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${a(assets.graphiqlCss)}">
<style>html, body, #graphiql { height: 100%; margin: 0; overflow: hidden; }</style>
</head>
<body>
<div id="graphiql">Loading the auditql explorer…</div>
<script type="application/json" id="${CONFIG_ELEMENT_ID}">${jsonForScriptElement(config)}</script>
<script src="${a(assets.reactJs)}"></script>
<script src="${a(assets.reactDomJs)}"></script>
<script src="${a(assets.graphiqlJs)}"></script>
<script src="${a(assets.bootJs)}"></script>
</body>
</html>
`;
}

/**
 * Runs in the browser, so it is plain ES2017 text rather than compiled TypeScript. It is kept free of
 * backslashes: inside this template literal they would be consumed before the browser saw them. The fetcher is
 * written out instead of GraphiQL.createFetcher: that one negotiates multipart incremental delivery,
 * and Apollo Server needs only a JSON POST (its CSRF check accepts a JSON content type; the
 * apollo-require-preflight header keeps it passing if the request ever becomes a GET).
 */
export const BOOT_SCRIPT = `(function () {
  'use strict';
  var mount = document.getElementById('graphiql');
  if (typeof React === 'undefined' || typeof ReactDOM === 'undefined' || typeof GraphiQL === 'undefined') {
    mount.textContent = 'The explorer scripts did not load (React, ReactDOM or GraphiQL is missing). Check the server log.';
    return;
  }
  var config = JSON.parse(document.getElementById(${JSON.stringify(CONFIG_ELEMENT_ID)}).textContent);

  // GraphiQL refreshes the operation name on a debounce after a tab switch, so a quick click sends the
  // previous tab's name. Dropping a name the document does not define lets a single-operation document
  // run, and makes the server ask for a name when there are several.
  function definesOperation(query, name) {
    var words = String(query || '').split(/[^_0-9A-Za-z]+/);
    for (var i = 0; i + 1 < words.length; i++) {
      if ((words[i] === 'query' || words[i] === 'mutation' || words[i] === 'subscription') && words[i + 1] === name) {
        return true;
      }
    }
    return false;
  }

  function fetcher(params, opts) {
    if (params.operationName && !definesOperation(params.query, params.operationName)) {
      params = Object.assign({}, params, { operationName: undefined });
    }
    var headers = Object.assign({}, opts && opts.headers, {
      'content-type': 'application/json',
      accept: 'application/json',
      'apollo-require-preflight': 'true'
    });
    return fetch(config.graphqlPath, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: JSON.stringify(params)
    }).then(function (res) {
      return res.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (e) {
          // A proxy error page or a body-size rejection is not JSON: show it rather than a parse error.
          return { errors: [{ message: 'HTTP ' + res.status + ' ' + res.statusText + ': ' + text.slice(0, 2000) }] };
        }
      });
    });
  }

  var props = {
    fetcher: fetcher,
    defaultTabs: config.tabs.length > 0 ? config.tabs : undefined,
    defaultEditorToolsVisibility: 'variables'
  };
  // GraphiQL 3.9 fills the first default tab's query editor but not its variables editor: that reads only
  // the variables prop or storage. Supply the prop on a first visit only; once tabs are stored, a
  // variables prop would not match them and GraphiQL would open an extra tab for it.
  var storedTabs = null;
  try {
    storedTabs = window.localStorage.getItem('graphiql:tabState');
  } catch (e) {
    // Storage disabled: GraphiQL then starts from the default tabs every time.
  }
  if (!storedTabs && config.tabs.length > 0 && config.tabs[0].variables) {
    props.variables = config.tabs[0].variables;
  }

  mount.textContent = '';
  ReactDOM.createRoot(mount).render(React.createElement(GraphiQL, props));
})();
`;
