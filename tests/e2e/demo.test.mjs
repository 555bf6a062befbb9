// The built demo site (dist/) in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, withBrowserAndSite } from './support.mjs';

let browser;
let site;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

test('the demo page loads with no console errors and no failed requests (favicon included)', async () => {
  const { page, problems, requests, context } = await openPage(browser, site.url);
  await page.locator('mail-ports[ready]').waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(problems, []);
  assert.ok(requests.some((u) => u.endsWith('favicon.svg')), 'the favicon was requested');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the wasm was loaded');
  await context.close();
});

test('the server sends .wasm as application/wasm', async () => {
  const res = await fetch(new URL('lib/mailports_bg.wasm', site.url));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/wasm');
});

test('the page answers a port lookup through the wasm core', async () => {
  const { page, context } = await openPage(browser, site.url);
  const answer = await page.evaluate(async () => {
    const api = await import('./lib/index.js');
    await api.ready();
    return api.lookupPort(465);
  });
  assert.equal(answer.port, 465);
  assert.deepEqual(answer.services.slice(0, 1), ['submissions']);
  assert.equal(answer.security, 'implicit-tls');
  const err = await page.evaluate(async () => {
    const api = await import('./lib/index.js');
    try { api.lookupPort(70000); return null; } catch (e) { return { name: e.name, code: e.code }; }
  });
  assert.deepEqual(err, { name: 'MailportsError', code: 'invalid-port' });
  await context.close();
});

test('a panic inside the wasm is reported as a typed error and the next call still works', async () => {
  const { page, context } = await openPage(browser, site.url);
  const result = await page.evaluate(async () => {
    const api = await import('./lib/index.js');
    await api.ready();
    let first = null;
    try { api.__panicForTests(); } catch (e) { first = { name: e.name, code: e.code }; }
    let again = null;
    try { api.__panicForTests(); } catch (e) { again = e.code; }
    return { first, again, after: api.lookupPort(993)?.port };
  });
  assert.deepEqual(result, { first: { name: 'MailportsError', code: 'internal' }, again: 'internal', after: 993 });
  await context.close();
});

test('the language picker offers every locale, and picking Arabic lays the widget out right to left', async () => {
  const { LANGS } = await import('../../www/src/i18n.js');
  const { page, problems, context } = await openPage(browser, site.url);
  await page.locator('mail-ports[ready]').waitFor();
  const offered = await page.locator('select[name=lang] option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.deepEqual([...offered].sort(), [...LANGS].sort());
  await page.locator('select[name=lang]').selectOption('ar');
  const w = page.locator('mail-ports');
  await w.locator('css=[part~=root][lang=ar]').waitFor();
  assert.equal(await w.locator('css=[role=tablist]').evaluate((el) => getComputedStyle(el).direction), 'rtl');
  // "Left to right" on the element wins over the language.
  await page.locator('select[name=dir]').selectOption('ltr');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('mail-ports').shadowRoot.querySelector('[role=tablist]')).direction === 'ltr');
  assert.deepEqual(problems, []);
  await context.close();
});
