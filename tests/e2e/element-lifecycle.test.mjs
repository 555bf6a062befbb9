// The element's life cycle: changes made together are drawn once, in a
// microtask; an element off the page leaves nothing running; registration is
// guarded; arrow keys move from the tab that has focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowserAndSite } from './support.mjs';
import { openWidget, css, loadLocales } from './element-support.mjs';

let browser;
let site;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

test('property and attribute changes in one task give one render, in a microtask', async () => {
  const { page, context } = await openWidget(browser, site.url);
  const seen = await page.evaluate(async () => {
    const el = document.querySelector('mail-ports');
    const results = [];
    el.addEventListener('mailports-result', (e) => results.push(e.detail.email));
    const out = el.shadowRoot.querySelector('[part~=result]');
    let mutations = 0;
    new MutationObserver((list) => { mutations += list.length; }).observe(out, { childList: true });
    el.email = 'ana@gmail.com';
    el.setAttribute('email', 'bo@web.de');
    el.view = 'ports';
    el.view = 'settings';
    el.dohUrl = '';
    const before = { results: results.length, text: out.textContent, input: el.shadowRoot.getElementById('email').value };
    await Promise.resolve(); // the render queued by the first change has run
    await new Promise((r) => setTimeout(r)); // and the observer has reported
    return { before, results, mutations, heading: out.querySelector('h2')?.textContent ?? '' };
  });
  // Nothing was drawn while the changes were being made; the input follows at once.
  assert.deepEqual(seen.before, { results: 0, text: '', input: 'bo@web.de' });
  // One render, for the last address.
  assert.deepEqual(seen.results, ['bo@web.de']);
  assert.equal(seen.mutations, 1);
  assert.match(seen.heading, /WEB\.DE|web\.de/i);
  await context.close();
});

test('an element taken off the page stops its discovery timer and its observer of <html lang>', async () => {
  const { page, context, requests } = await openWidget(browser, site.url, { attrs: { 'doh-url': `${site.url}doh` } });
  let doh = 0;
  await context.route('**/doh?*', (route) => { doh += 1; return route.fulfill({ status: 500, body: '' }); });
  await page.evaluate(() => {
    const el = document.querySelector('mail-ports');
    const input = el.shadowRoot.getElementById('email');
    input.value = 'ana@nowhere-known.example';
    input.dispatchEvent(new Event('input'));
    el.remove(); // before discovery's 400 ms pause is over
    document.documentElement.lang = 'de'; // would load the German messages if still observed
  });
  await page.waitForTimeout(900);
  assert.equal(doh, 0, 'no discovery request after removal');
  assert.deepEqual(requests.filter((u) => u.includes('/locales/de')), [], 'no locale loaded for a removed element');
  // Put back, it works as before.
  const back = await page.evaluate(async () => {
    const el = document.createElement('mail-ports');
    document.body.append(el);
    await new Promise((r) => { const t = setInterval(() => { if (el.hasAttribute('ready')) { clearInterval(t); r(); } }, 10); });
    return el.shadowRoot.getElementById('t-settings').textContent;
  });
  assert.equal(back, (await loadLocales(['de'])).de.tabs.settings);
  await context.close();
});

test('define() registers once: a taken tag is left alone, another tag gets a class of its own', async () => {
  const { page, context } = await openWidget(browser, site.url);
  const r = await page.evaluate(async (base) => {
    const { MailPortsElement } = await import(`${base}lib/element.js`);
    const same = MailPortsElement.define() === customElements.get('mail-ports'); // second call: no error
    const again = (await import(`${base}lib/define.js`)).MailPortsElement === MailPortsElement;
    const Other = MailPortsElement.define('help-ports');
    const el = document.createElement('help-ports');
    document.body.append(el);
    await new Promise((res) => { const t = setInterval(() => { if (el.hasAttribute('ready')) { clearInterval(t); res(); } }, 10); });
    let bad = null;
    try {
      MailPortsElement.define('no_dash');
    } catch (e) {
      bad = e.name;
    }
    return { same, again, other: Other !== MailPortsElement && el instanceof MailPortsElement, bad };
  }, site.url);
  assert.deepEqual(r, { same: true, again: true, other: true, bad: 'SyntaxError' });
  await context.close();
});

test('arrow keys move from the focused tab, not from the selected one', async () => {
  const { page, w, context } = await openWidget(browser, site.url);
  // Focus the Port lookup tab without selecting it (Find my settings stays selected).
  await page.evaluate(() => document.querySelector('mail-ports').shadowRoot.getElementById('t-ports').focus());
  assert.equal(await css(w, '#t-settings').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowRight');
  assert.equal(await css(w, '#t-recommend').getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.querySelector('mail-ports').shadowRoot.activeElement?.id), 't-recommend');
  await context.close();
});

test('Recommend leaves its answer (and sends nothing) when a change does not alter it', async () => {
  const { page, context } = await openWidget(browser, site.url, { attrs: { view: 'recommend' } });
  const r = await page.evaluate(async () => {
    const el = document.querySelector('mail-ports');
    const root = el.shadowRoot;
    const events = [];
    el.addEventListener('mailports-result', (e) => events.push(e.detail.view));
    const heading = root.querySelector('#p-recommend [part~=result] h2');
    // The checked answer again: the needs are the same, so is the answer.
    root.querySelector('#p-recommend input[type=radio]:checked').dispatchEvent(new Event('change', { bubbles: true }));
    const same = { events: events.length, kept: heading.isConnected };
    // Another answer to the first question changes it.
    root.querySelector('#p-recommend input[type=radio]:not(:checked)').click();
    return { same, events, replaced: !heading.isConnected };
  });
  assert.deepEqual(r, { same: { events: 0, kept: true }, events: ['recommend'], replaced: true });
  await context.close();
});
