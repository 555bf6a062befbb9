// Helpers for the <mail-ports> end-to-end tests: a minimal page beside dist/
// (served through request interception, so `lib/` resolves as on the demo
// page) with the widget configured up front, and a recorder for its events.
import { before } from 'node:test';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPage, projectRoot } from './support.mjs';

/**
 * The message tables of `langs` from www/src/locales, by language; with
 * `dir` 'ports', Port lookup's texts (www/src/locales/ports).
 */
export async function loadLocales(langs, dir = '') {
  const tables = {};
  for (const l of langs) tables[l] = (await import(pathToFileURL(path.join(projectRoot, 'www/src/locales', dir, `${l}.js`)).href)).default;
  return tables;
}

/** For a whole test file: the tables of loadLocales(langs, dir), filled in before its tests run. */
export function withLocales(langs, dir) {
  const tables = {};
  before(async () => {
    Object.assign(tables, await loadLocales(langs, dir));
  });
  return tables;
}

/** Locates `sel` inside the widget `w` (CSS pierces its open shadow root). */
export const css = (w, sel) => w.locator(`css=${sel}`);

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML of a fixture page holding one <mail-ports> with `attrs`. */
export function fixtureHtml({ attrs = {}, htmlLang = 'en', dir = 'ltr' } = {}) {
  const a = Object.entries(attrs).map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v)}"`)).join('');
  return `<!doctype html><html lang="${esc(htmlLang)}" dir="${esc(dir)}"><head><meta charset="utf-8">
<title>fixture</title><link rel="icon" href="favicon.svg"><script type="module" src="lib/define.js"></script></head>
<body><main><h1>Fixture</h1><mail-ports${a}></mail-ports></main></body></html>`;
}

/**
 * Opens a fixture page with the widget and waits for `mail-ports[ready]`.
 * Returns { page, w, context, problems, requests }; `w` locates the element
 * (CSS inside it pierces the open shadow root).
 */
export async function openWidget(browser, siteUrl, { attrs, htmlLang, dir, contextOptions = {}, headers = {} } = {}) {
  const context = await browser.newContext(contextOptions);
  const html = fixtureHtml({ attrs, htmlLang, dir });
  await context.route('**/fixture.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: html }));
  const opened = await openPage({ newContext: async () => context }, `${siteUrl}fixture.html`);
  await opened.page.locator('mail-ports[ready]').waitFor();
  return { ...opened, w: opened.page.locator('mail-ports') };
}

/** Starts collecting mailports-* events at `document`; returns a reader. */
export async function recordEvents(page) {
  await page.evaluate(() => {
    window.__mp = [];
    for (const t of ['mailports-result', 'mailports-copy', 'mailports-view-change']) {
      document.addEventListener(t, (e) => window.__mp.push({
        type: t, composed: e.composed, bubbles: e.bubbles, detail: JSON.parse(JSON.stringify(e.detail)),
      }));
    }
  });
  return () => page.evaluate(() => window.__mp);
}
