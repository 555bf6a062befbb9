// Discovery wired into <mail-ports>: with `doh-url` set, an address on a
// domain the database does not know is looked up through the local
// DNS-over-HTTPS resolver (tests/e2e/doh-fixture.mjs), with progress, the
// found servers and a note on where they came from, or a localised error
// above the standard settings. Without `doh-url` nothing is requested.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowserAndSite } from './support.mjs';
import { withDoh } from './doh-fixture.mjs';
import { openWidget, recordEvents, css } from './element-support.mjs';

let browser;
let site;
let doh;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});
withDoh((d) => {
  doh = d;
});

const origin = (u) => new URL(u).origin;

/** A widget with discovery on; autoconfig goes to a dist/ URL that 404s, so it fails fast and stays local. */
async function discoveringWidget(attrs = {}) {
  const opened = await openWidget(browser, site.url, {
    attrs: { 'doh-url': doh.url, 'autoconfig-proxy': `${site.url}no-proxy-here?u={url}`, ...attrs },
    // The fixture page is fulfilled by Playwright, not by a loopback server, so Chromium's Local Network
    // Access checks would refuse its requests to the 127.0.0.1 resolver without this permission.
    contextOptions: { permissions: ['local-network-access'] },
  });
  // Every text the progress line shows.
  await opened.page.evaluate(() => {
    const line = document.querySelector('mail-ports').shadowRoot.querySelector('[part~=discovery]');
    window.__progress = [];
    new MutationObserver(() => { if (line.textContent) window.__progress.push(line.textContent); })
      .observe(line, { childList: true, characterData: true, subtree: true });
  });
  return opened;
}

test('a Google Workspace domain is found through its MX records and shown like a database provider', async () => {
  const { page, w, context, requests } = await discoveringWidget();
  const events = await recordEvents(page);
  // The hint says that a domain may be sent to a DNS service.
  assert.match(await css(w, '#email-hint').textContent(), /only the domain name is sent to a DNS service/);
  await doh.clear();
  await css(w, '#email').focus();
  await page.keyboard.type('jane@gw-customer.test');
  const note = css(w, '[part~=discovery-source]');
  assert.equal(await note.textContent(), 'Found online through the domain’s mail servers (MX records).');
  const incoming = css(w, '[part~=server][part~=incoming][part~=primary]');
  assert.equal(await incoming.locator('css=[part=hostname]').textContent(), 'imap.gmail.com');
  assert.equal(await incoming.locator('css=[part=port]').textContent(), '993');
  assert.equal(await incoming.locator('css=[part=username]').textContent(), 'jane@gw-customer.test');
  assert.equal(await css(w, '[part~=server][part~=outgoing][part~=primary] [part=hostname]').textContent(), 'smtp.gmail.com');
  assert.equal(await css(w, '[part~=unknown]').count(), 0, 'the standard settings gave way to the found ones');
  assert.equal(await css(w, '[part~=discovery]').isHidden(), true, 'progress line hidden once done');
  // Progress named the lookups while they ran.
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.some((p) => /^Looking up the settings of gw-customer\.test online: .*mail servers \(MX\)/.test(p)), JSON.stringify(progress));
  // The setup area offers the files for the found settings.
  await css(w, '[part~=setup]').getByRole('button', { name: 'Download profile for iPhone, iPad and Mac' }).waitFor();
  // The page hears about it.
  const found = (await events()).filter((e) => e.type === 'mailports-result' && e.detail.source === 'mx');
  assert.equal(found.length, 1);
  assert.equal(found[0].detail.status, 'found');
  assert.equal(found[0].detail.provider.incoming[0].hostname, 'imap.gmail.com');
  // Only the domain was asked about, debounced: no lookup for the half-typed "gw-customer.te".
  const asked = (await doh.log()).filter((e) => e.kind === 'dns').map((e) => e.name);
  assert.ok(asked.includes('gw-customer.test'));
  assert.ok(asked.every((n) => n.endsWith('gw-customer.test')), JSON.stringify(asked));
  // Nothing went anywhere but the page's own server and the chosen resolver.
  const origins = new Set(requests.map(origin));
  assert.deepEqual([...origins].sort(), [origin(site.url), doh.origin].sort());
  await context.close();
});

test('a domain that receives no mail gets a clear message above the standard settings', async () => {
  const { w, context } = await discoveringWidget({ lang: 'de' });
  await css(w, '#email').fill('jane@null-mx.test');
  const msg = css(w, '[part~=discovery-error]');
  assert.equal(await msg.textContent(),
    'Für null-mx.test ließen sich online keine Einstellungen finden. Diese Domain gibt an, keine Mail zu empfangen.');
  assert.equal(await css(w, '[part~=unknown]').count(), 1, 'the standard settings stay');
  assert.equal(await css(w, '[part~=setup]').evaluate((n) => n.childElementCount), 0);
  await context.close();
});

test('discovery-timeout limits each lookup: a silent resolver gives a timeout message', async () => {
  const { w, context } = await discoveringWidget({ 'discovery-timeout': '300' });
  assert.equal(await w.evaluate((el) => el.discoveryTimeout), 300);
  await css(w, '#email').fill('jane@silent.test');
  assert.equal(await css(w, '[part~=discovery-error]').textContent(),
    'No settings for silent.test could be found online. The DNS resolver did not answer in time.');
  await context.close();
});

test('a new address while a lookup runs: the old answer is ignored when it arrives', async () => {
  const { page, w, context } = await discoveringWidget({ 'discovery-timeout': '1000' });
  const events = await recordEvents(page);
  await css(w, '#email').fill('jane@silent.test');
  await page.waitForFunction(() => window.__progress.length > 0); // the silent lookup is under way
  await css(w, '#email').fill('anna@gmail.com');
  assert.equal(await css(w, '[part~=server][part~=incoming][part~=primary] [part=hostname]').textContent(), 'imap.gmail.com');
  assert.equal(await css(w, '[part~=discovery]').isHidden(), true);
  await page.waitForTimeout(1500); // past the silent lookup's time limit: its answer has come back
  assert.equal(await css(w, '[part~=discovery-error]').count(), 0);
  assert.equal(await css(w, '[part~=discovery]').isHidden(), true);
  assert.equal(await css(w, '[part~=server][part~=incoming][part~=primary] [part=hostname]').textContent(), 'imap.gmail.com');
  assert.deepEqual((await events()).filter((e) => e.type === 'mailports-result').map((e) => e.detail.status), ['unknown', 'found']);
  await context.close();
});

test('doh-url, autoconfig-proxy and discovery-timeout reflect their properties', async () => {
  const { w, context } = await openWidget(browser, site.url);
  const state = await w.evaluate((el) => {
    const before = [el.dohUrl, el.autoconfigProxy, el.discoveryTimeout];
    el.dohUrl = 'https://dns.example/dns-query';
    el.discoveryTimeout = 5000;
    el.setAttribute('autoconfig-proxy', 'https://proxy.example/?u={url}');
    return { before, doh: el.getAttribute('doh-url'), timeout: el.getAttribute('discovery-timeout'), proxy: el.autoconfigProxy };
  });
  assert.deepEqual(state, {
    before: ['', '', 3000], doh: 'https://dns.example/dns-query', timeout: '5000', proxy: 'https://proxy.example/?u={url}',
  });
  await context.close();
});

test('without doh-url, a custom domain requests nothing beyond the widget’s own files', async () => {
  const { page, w, context, requests } = await openWidget(browser, site.url);
  await css(w, '#email').focus();
  await page.keyboard.type('jane@gw-customer.test');
  await css(w, '[part~=unknown]').waitFor();
  await page.waitForTimeout(1000); // well past the discovery debounce
  assert.match(await css(w, '#email-hint').textContent(), /never leaves this page/);
  assert.equal(await css(w, '[part~=discovery]').isHidden(), true);
  assert.equal(await css(w, '[part~=discovery-source], [part~=discovery-error]').count(), 0);
  const own = origin(site.url);
  assert.deepEqual(requests.filter((u) => origin(u) !== own), []);
  assert.ok(requests.every((u) => /\/(fixture\.html|favicon\.svg|lib\/[\w/.-]+\.(js|wasm))$/.test(new URL(u).pathname)), JSON.stringify(requests));
  await context.close();
});
