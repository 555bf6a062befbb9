// <mail-ports> in headless Chromium, driven by keyboard and mouse: each view's
// rendered values, the tabs pattern, properties/attributes, events, copying
// and a strict Content Security Policy with Trusted Types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot, openPage, withBrowserAndSite } from './support.mjs';
import { openWidget, recordEvents, fixtureHtml, css } from './element-support.mjs';

let browser;
let site;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

const tab = (w, name) => css(w, `[role=tab]#t-${name}`);

test('the element has an open shadow root, replaces its skeleton and sets [ready]', async () => {
  const { page, w, context, problems } = await openWidget(browser, site.url);
  assert.equal(await page.evaluate(() => document.querySelector('mail-ports').shadowRoot.mode), 'open');
  assert.equal(await css(w, '[part~=skeleton]').count(), 0);
  assert.equal(await css(w, '[role=tablist] [role=tab]').count(), 3);
  assert.deepEqual(await css(w, '[role=tab]').allTextContents(), ['Find my settings', 'Port lookup', 'Recommend']);
  assert.equal(await tab(w, 'settings').getAttribute('aria-selected'), 'true');
  assert.equal(await css(w, '#p-settings').isVisible(), true);
  assert.equal(await css(w, '#p-ports').isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('tabs follow the ARIA pattern: arrows, Home and End move selection and focus', async () => {
  const { page, w, context } = await openWidget(browser, site.url);
  const events = await recordEvents(page);
  await tab(w, 'settings').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await tab(w, 'ports').getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.querySelector('mail-ports').shadowRoot.activeElement.id), 't-ports');
  assert.equal(await tab(w, 'ports').getAttribute('tabindex'), '0');
  assert.equal(await tab(w, 'settings').getAttribute('tabindex'), '-1');
  assert.equal(await css(w, '#p-ports').isVisible(), true);
  assert.equal(await css(w, '#p-settings').isVisible(), false);
  assert.equal(await w.getAttribute('view'), 'ports');
  await page.keyboard.press('End');
  assert.equal(await tab(w, 'recommend').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowRight'); // wraps around
  assert.equal(await tab(w, 'settings').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await tab(w, 'recommend').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Home');
  assert.equal(await tab(w, 'settings').getAttribute('aria-selected'), 'true');
  // Tab leaves the tab list for the panel's first control.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('mail-ports').shadowRoot.activeElement.id), 'email');
  const changes = (await events()).filter((e) => e.type === 'mailports-view-change');
  // Right, End, Right (wrapping around), Left, Home: one change each.
  const visited = ['settings', 'ports', 'recommend', 'settings', 'recommend', 'settings'];
  assert.deepEqual(changes.map((e) => e.detail), visited.slice(1).map((view, i) => ({ view, previous: visited[i] })));
  assert.ok(changes.every((e) => e.bubbles && e.composed));
  await context.close();
});

test('on a right-to-left page ArrowLeft moves to the next tab', async () => {
  const { page, w, context } = await openWidget(browser, site.url, { dir: 'rtl' });
  await tab(w, 'settings').focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await tab(w, 'ports').getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('mail-ports').shadowRoot.querySelector('.card, [role=tabpanel]')).direction), 'rtl');
  await context.close();
});

test('port lookup by keyboard: 587 is submission with STARTTLS, recommended, with reasons', async () => {
  const { page, w, context } = await openWidget(browser, site.url);
  const events = await recordEvents(page);
  await tab(w, 'settings').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Tab');
  await page.keyboard.type('587');
  const card = css(w, '[part~=port-info]');
  assert.match(await card.locator('css=h2').textContent(), /^Port 587 \(submission\)$/);
  assert.match(await card.locator('css=[part=what]').textContent(), /SMTP, for sending mail from an app \(submission\), STARTTLS/);
  assert.equal(await card.locator('css=[part=verdict]').textContent(), '✓ Use it');
  assert.match(await card.locator('css=[part=why]').textContent(), /require STARTTLS/);
  assert.match(await card.textContent(), /RFC 6409/);
  const last = (await events()).filter((e) => e.type === 'mailports-result').at(-1);
  assert.equal(last.detail.view, 'ports');
  assert.equal(last.detail.port, 587);
  assert.equal(last.detail.advice, 'use');
  assert.equal(last.detail.info.security, 'starttls');
  // The live region catches up once typing pauses.
  await page.waitForFunction(() => /Port 587/.test(document.querySelector('mail-ports').shadowRoot.querySelector('[role=status]').textContent));
  await context.close();
});

test('port lookup: implicit TLS ports, a non-mail port and invalid input each say so', async () => {
  const { w, context } = await openWidget(browser, site.url, { attrs: { view: 'ports' } });
  const input = css(w, '#port');
  await input.fill('993');
  assert.match(await css(w, '[part~=port-info] [part=what]').textContent(), /IMAP, for reading mail in an app, SSL\/TLS \(implicit TLS\)/);
  assert.match(await css(w, '[part~=port-info] [part=why]').textContent(), /encrypted from the first byte/);
  await input.fill('8080');
  assert.equal(await css(w, '[part~=unknown]').textContent(), 'Port 8080 is not used for email. A mail app has no reason to use it.');
  for (const bad of ['70000', '0', 'abc', '5.5']) {
    await input.fill(bad);
    assert.equal(await css(w, '#p-ports [part~=error]').textContent(),
      'That is not a port: a port is a whole number from 1 to 65535.', bad);
  }
  await input.fill('');
  assert.equal(await css(w, '#p-ports [part~=result]').first().textContent(), '');
  await context.close();
});

test('port lookup by mouse: picking a port and picking protocol + security', async () => {
  const { w, context } = await openWidget(browser, site.url, { attrs: { view: 'ports' } });
  await css(w, '#pick').selectOption('465');
  assert.equal(await css(w, '#port').inputValue(), '465');
  assert.match(await css(w, '[part~=port-info] h2').textContent(), /Port 465 \(submissions, urd\)/);
  assert.match(await css(w, '[part~=finder-result]').textContent(), /^Port 993 IMAP with SSL\/TLS/);
  await css(w, '#proto').selectOption('smtp');
  await css(w, '#sec').selectOption('starttls');
  assert.match(await css(w, '[part~=finder-result]').textContent(), /^Port 587 Sending with STARTTLS/);
  await css(w, '#proto').selectOption('pop3');
  await css(w, '#sec').selectOption('implicit-tls');
  assert.match(await css(w, '[part~=finder-result]').textContent(), /^Port 995 /);
  await context.close();
});

test('properties are the source of truth and attributes reflect them', async () => {
  const { page, w, context } = await openWidget(browser, site.url, { attrs: { view: 'ports' } });
  assert.equal(await tab(w, 'ports').getAttribute('aria-selected'), 'true');
  const state = await page.evaluate(() => {
    const el = document.querySelector('mail-ports');
    const out = { view: el.view };
    el.view = 'recommend';
    out.viewAttr = el.getAttribute('view');
    el.view = 'nonsense';
    out.fallback = [el.view, el.getAttribute('view')];
    el.compact = true;
    out.compactAttr = el.hasAttribute('compact');
    el.removeAttribute('compact');
    out.compact = el.compact;
    el.theme = 'dark';
    out.themeAttr = el.getAttribute('theme');
    el.setAttribute('email', 'x@example.org');
    out.email = el.email;
    out.input = el.shadowRoot.getElementById('email').value;
    el.email = '';
    out.emailAttr = el.hasAttribute('email');
    el.setAttribute('view', 'ports');
    out.viewProp = el.view;
    return out;
  });
  assert.deepEqual(state, {
    view: 'ports', viewAttr: 'recommend', fallback: ['settings', 'settings'], compactAttr: true, compact: false,
    themeAttr: 'dark', email: 'x@example.org', input: 'x@example.org', emailAttr: false, viewProp: 'ports',
  });
  assert.equal(await css(w, '#p-ports').isVisible(), true);
  await context.close();
});

test('a property set before the element is defined is kept', async () => {
  const context = await browser.newContext();
  await context.route('**/blank.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>t</title><mail-ports></mail-ports>' }));
  const page = await context.newPage();
  await page.goto(`${site.url}blank.html`);
  const view = await page.evaluate(async (base) => {
    const el = document.querySelector('mail-ports');
    el.view = 'ports';
    await import(`${base}lib/define.js`);
    await customElements.whenDefined('mail-ports');
    return [el.view, el.getAttribute('view')];
  }, site.url);
  assert.deepEqual(view, ['ports', 'ports']);
  await context.close();
});

test('every view works under a strict CSP with Trusted Types required, with no violation reported', async () => {
  const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
  const context = await browser.newContext({ acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
  // Every securitypolicyviolation, from the document or any shadow root, is recorded.
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    }, true);
  });
  await context.route('**/fixture.html', (route) => route.fulfill({
    status: 200, contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': csp }, body: fixtureHtml(),
  }));
  const { page, problems, requests } = await openPage({ newContext: async () => context }, `${site.url}fixture.html`);
  const w = page.locator('mail-ports[ready]');
  await w.waitFor();
  const violations = () => page.evaluate(() => window.__csp);

  // Find my settings: a provider with its cards, copying, the other servers,
  // the setup files, a typo and its fix, a registered provider, discovery, an
  // unknown domain.
  const email = css(w, '#email');
  await email.fill('anna@gmail.com');
  assert.equal(await css(w, '[part~=incoming][part~=primary] [part=hostname]').textContent(), 'imap.gmail.com');
  await css(w, '[part~=incoming][part~=primary]').getByRole('button', { name: 'Copy server name' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'imap.gmail.com');
  if (await css(w, '[part~=more] summary').count()) {
    await css(w, '[part~=more] summary').click();
    // The other servers are built when the disclosure's toggle event arrives.
    await css(w, '[part~=more] [part~=server]').first().waitFor();
  }
  // Set up automatically: the profile download and the administrators' files.
  const setup = css(w, '[part~=setup]');
  const [profile] = await Promise.all([page.waitForEvent('download'),
    setup.getByRole('button', { name: 'Download profile for iPhone, iPad and Mac' }).click()]);
  assert.equal(profile.suggestedFilename(), 'gmail.com.mobileconfig');
  await css(w, '[part~=setup-admin] summary').click();
  await css(w, '[part~=setup-admin]').getByRole('button', { name: 'Copy the autoconfig file' }).click();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /<clientConfig version="1\.1">/);
  await email.fill('anna@gmial.com');
  await css(w, '[part~=suggestion] button').click();
  assert.equal(await email.inputValue(), 'anna@gmail.com');
  await page.evaluate(async () => {
    const api = await import('./lib/index.js');
    api.registerProvider({
      id: 'csp-isp', name: 'CSP ISP', domains: ['csp-isp.test'],
      incoming: [{ protocol: 'imap', hostname: 'imap.csp-isp.test', port: 993, security: 'implicit-tls' }],
      outgoing: [{ protocol: 'smtp', hostname: 'smtp.csp-isp.test', port: 465, security: 'implicit-tls' }],
    });
  });
  await email.fill('anna@csp-isp.test');
  assert.match(await css(w, '[part~=provider] h2').textContent(), /CSP ISP/);
  await email.fill('anna@@example.com');
  assert.ok((await css(w, '#p-settings [part~=error]').textContent()).length > 0);
  // Discovery, through a resolver and an autoconfig proxy on the page's own origin.
  await context.route('**/doh?*', (route) => {
    const q = Buffer.from(new URL(route.request().url()).searchParams.get('dns'), 'base64url');
    const empty = Buffer.concat([Buffer.from([q[0], q[1], 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0]), q.subarray(12)]);
    return route.fulfill({ status: 200, contentType: 'application/dns-message', body: empty });
  });
  await context.route('**/autoconfig?*', (route) => route.fulfill({
    status: 200,
    contentType: 'application/xml',
    body: `<clientConfig version="1.1"><emailProvider id="csp-found.example"><domain>csp-found.example</domain>
<displayName>Found Mail</displayName>
<incomingServer type="imap"><hostname>imap.csp-found.example</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>
<outgoingServer type="smtp"><hostname>smtp.csp-found.example</hostname><port>465</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username></outgoingServer>
</emailProvider></clientConfig>`,
  }));
  await page.evaluate((base) => {
    const el = document.querySelector('mail-ports');
    el.setAttribute('doh-url', `${base}doh`);
    el.setAttribute('autoconfig-proxy', `${base}autoconfig?u={url}`);
  }, site.url);
  await email.fill('anna@csp-found.example');
  await css(w, '[part~=discovery-source]').waitFor();
  assert.match(await css(w, '[part~=provider] h2').textContent(), /Found Mail/);
  await page.evaluate(() => {
    const el = document.querySelector('mail-ports');
    el.removeAttribute('doh-url');
    el.removeAttribute('autoconfig-proxy');
  });
  await email.fill('someone@unknown-domain.example');
  await css(w, '[part~=unknown]').getByRole('button', { name: 'Answer a few questions' }).click();

  // Recommend: every question answered both ways.
  assert.equal(await css(w, '#p-recommend').isVisible(), true);
  for (const input of await css(w, '#p-recommend input[type=radio]').all()) await input.check();
  assert.ok(await css(w, '[part~=choice]').count() > 0);

  // Port lookup: typing, picking, the finder, an invalid port.
  await tab(w, 'ports').click();
  await css(w, '#port').fill('993');
  assert.match(await css(w, '[part~=port-info] h2').textContent(), /Port 993/);
  await css(w, '#pick').selectOption('587');
  assert.match(await css(w, '[part~=port-info] h2').textContent(), /Port 587/);
  await css(w, '#proto').selectOption('smtp');
  await css(w, '#sec').selectOption('starttls');
  assert.match(await css(w, '[part~=finder-result]').textContent(), /587/);
  await css(w, '#port').fill('99999');
  assert.ok((await css(w, '#p-ports [part~=error]').textContent()).length > 0);

  // Theme and language at run time (the German locale module loads under the policy).
  await page.evaluate(() => {
    const el = document.querySelector('mail-ports');
    el.theme = 'dark';
    el.setAttribute('lang', 'de');
  });
  await page.waitForFunction(() => document.querySelector('mail-ports').shadowRoot.querySelector('#t-ports')?.textContent === 'Port nachschlagen');

  assert.deepEqual(await violations(), []);
  // DNS lookups still running when the autoconfig file answered are cancelled, by design.
  assert.deepEqual(problems.filter((p) => !/\/doh\?dns=\S+ net::ERR_ABORTED$/.test(p)), []);
  const origin = new URL(site.url).origin;
  assert.deepEqual(requests.filter((u) => !u.startsWith(origin)), [], 'no request leaves the site');

  // The policy is in force and the listener hears it: an HTML string sink is refused.
  const refused = await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      return false;
    } catch (e) {
      return e instanceof TypeError;
    }
  });
  assert.equal(refused, true);
  await page.waitForFunction(() => window.__csp.length > 0);
  assert.match((await violations()).join('\n'), /require-trusted-types-for/);
  await context.close();
});

test('the sources never use an HTML parsing sink', () => {
  const dir = path.join(projectRoot, 'www/src');
  const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js'));
  assert.ok(files.includes('element.js'));
  for (const f of files) {
    const src = readFileSync(path.join(dir, f), 'utf8');
    assert.doesNotMatch(src, /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/, f);
  }
});

test('port lookup: ports to avoid say why and what to use instead', async () => {
  const { w, context } = await openWidget(browser, site.url, { attrs: { view: 'ports' } });
  const input = css(w, '#port');
  const card = css(w, '[part~=port-info]');
  await input.fill('25');
  assert.equal(await card.locator('css=[part=verdict]').textContent(), '✕ Do not use it in a mail app');
  assert.match(await card.locator('css=[part=why]').textContent(), /servers delivering to each other/);
  assert.equal(await card.locator('css=[part=instead]').textContent(), 'Use port 465 instead.');
  assert.equal(await card.getAttribute('class'), 'card bad');
  await input.fill('143');
  assert.equal(await card.locator('css=[part=verdict]').textContent(), '✓ Use it');
  assert.match(await card.locator('css=[part=why]').textContent(), /Port 993 is the better choice/);
  await input.fill('2525');
  assert.equal(await card.locator('css=[part=verdict]').textContent(), '! Only if you must');
  await input.fill('585');
  assert.match(await card.locator('css=[part=why]').textContent(), /outdated protocol or an assignment that was withdrawn/);
  assert.equal(await card.locator('css=[part=instead]').textContent(), 'Use port 993 instead.');
  await context.close();
});

test('recommend by keyboard: one device that reads offline gets POP3 on 995, with reasons and warnings', async () => {
  const { page, w, context } = await openWidget(browser, site.url);
  const events = await recordEvents(page);
  await tab(w, 'settings').focus();
  await page.keyboard.press('End');
  assert.equal(await css(w, '#p-recommend').isVisible(), true);
  // The default answers already give a recommendation: IMAP and submission.
  assert.equal(await css(w, '[part~=choice][part~=incoming] .verdict').textContent(), 'IMAP on port 993, SSL/TLS (implicit TLS)');
  assert.equal(await css(w, '[part~=choice][part~=outgoing] .verdict').textContent(), 'SMTP on port 465, SSL/TLS (implicit TLS)');
  await page.keyboard.press('Tab'); // into the first radio group (devices)
  await page.keyboard.press('ArrowDown'); // "On one device only"
  await page.keyboard.press('Tab'); // next group (offline)
  await page.keyboard.press('ArrowDown'); // "Yes"
  assert.equal(await css(w, '[part~=choice][part~=incoming] .verdict').textContent(), 'POP3 on port 995, SSL/TLS (implicit TLS)');
  const reasons = await css(w, '[part~=reasons] li').allTextContents();
  assert.ok(reasons.some((r) => r.startsWith('You read mail on one device only, so POP3 is enough') && r.endsWith('(RFC 1939 §8)')), reasons.join('\n'));
  const warnings = await css(w, '[part~=warnings] li').allTextContents();
  assert.ok(warnings.some((r) => r.startsWith('POP3 normally removes mail from the server')), warnings.join('\n'));
  assert.ok((await css(w, '[part~=alternatives] li').allTextContents()).includes('IMAP on port 993, SSL/TLS (implicit TLS)'));
  const last = (await events()).filter((e) => e.type === 'mailports-result').at(-1).detail;
  assert.equal(last.view, 'recommend');
  assert.deepEqual({ devices: last.needs.devices, offline: last.needs.offline }, { devices: 1, offline: true });
  assert.deepEqual(last.result.incoming, { protocol: 'pop3', port: 995, security: 'implicit-tls' });
  await context.close();
});

test('recommend by mouse: an Exchange mailbox gets Exchange over HTTPS, receive-only drops sending', async () => {
  const { w, context } = await openWidget(browser, site.url, { attrs: { view: 'recommend' } });
  await css(w, 'input[name=exchange][value=true]').click();
  assert.equal(await css(w, '[part~=choice][part~=incoming] .verdict').textContent(), 'Exchange (Autodiscover) on port 443, SSL/TLS (implicit TLS)');
  await css(w, 'input[name=exchange][value=false]').click();
  await css(w, 'input[name=sends][value=false]').click();
  assert.equal(await css(w, '[part~=choice][part~=outgoing]').count(), 0);
  assert.ok((await css(w, '[part~=reasons] li').allTextContents()).some((r) => r.startsWith('You do not send from this client')));
  await context.close();
});

test('an unknown domain says so, shows the standard settings and leads to the recommender', async () => {
  const { page, w, context } = await openWidget(browser, site.url);
  await css(w, '#email').fill('someone@unknown-domain.example');
  const card = css(w, '[part~=unknown]');
  assert.equal(await card.locator('css=h2').textContent(), 'We have no settings on file for unknown-domain.example');
  assert.match(await card.textContent(), /IMAP on port 993, SSL\/TLS \(implicit TLS\)/);
  assert.match(await card.textContent(), /SMTP on port 465, SSL\/TLS \(implicit TLS\)/);
  await card.getByRole('button', { name: 'Answer a few questions' }).click();
  assert.equal(await w.getAttribute('view'), 'recommend');
  assert.equal(await css(w, '#p-recommend').isVisible(), true);
  assert.equal(await page.evaluate(() => document.querySelector('mail-ports').shadowRoot.activeElement.id), 't-recommend');
  await context.close();
});

test('a compact skeleton holds the space while the wasm loads, and the page stays usable', async () => {
  const context = await browser.newContext();
  let release;
  const gate = new Promise((r) => { release = r; });
  await context.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  const page = await context.newPage();
  await page.goto(`${site.url}index.html`);
  const w = page.locator('mail-ports');
  await css(w, '[part~=skeleton]').waitFor();
  assert.equal(await css(w, '[part~=skeleton]').getAttribute('aria-busy'), 'true');
  assert.equal(await css(w, '[part~=skeleton] [role=status]').textContent(), 'Loading…');
  const box = await w.boundingBox();
  assert.ok(box.height >= 150, `the skeleton reserves room (${box.height}px)`);
  // The host page is not blocked: it has finished loading and answers input.
  assert.equal(await page.evaluate(() => document.readyState), 'complete');
  await page.selectOption('select[name=theme]', 'dark');
  assert.equal(await w.getAttribute('theme'), 'dark');
  assert.equal(await w.getAttribute('ready'), null);
  release();
  await page.locator('mail-ports[ready]').waitFor();
  assert.equal(await css(w, '[part~=skeleton]').count(), 0);
  await context.close();
});

test('wasm-url loads the wasm from another place (self-hosting); a missing file shows a clear message', async () => {
  let { w, context, requests, page: first } = await openWidget(browser, site.url, {
    attrs: { 'wasm-url': 'lib/mailports_bg.wasm?self-hosted' }, contextOptions: { acceptDownloads: true },
  });
  assert.ok(requests.some((u) => u.endsWith('/lib/mailports_bg.wasm?self-hosted')), requests.join('\n'));
  assert.equal(await w.evaluate((el) => el.wasmUrl), 'lib/mailports_bg.wasm?self-hosted');
  // The full module, for a setup file, comes from the same folder.
  await css(w, '#email').fill('ana@gmail.com');
  await Promise.all([first.waitForEvent('download'),
    css(w, '[part~=setup]').getByRole('button', { name: 'Download profile for iPhone, iPad and Mac' }).click()]);
  assert.deepEqual(requests.filter((u) => u.includes('mailports_full_bg')).map((u) => new URL(u).pathname),
    ['/lib/mailports_full_bg.wasm']);
  await context.close();
  context = await browser.newContext();
  await context.route('**/fixture.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><html lang="de"><title>t</title><script type="module" src="lib/define.js"></script><mail-ports wasm-url="nowhere/x.wasm"></mail-ports>',
  }));
  const page = await context.newPage();
  await page.goto(`${site.url}fixture.html`);
  w = page.locator('mail-ports');
  await css(w, '[part~=error]').waitFor();
  assert.equal(await css(w, '[part~=error]').getAttribute('role'), 'alert');
  assert.equal(await css(w, '[part~=error]').textContent(), 'Der Helfer für Mail-Einstellungen konnte nicht geladen werden.');
  assert.equal(await w.getAttribute('ready'), null);
  await context.close();
});

test('motion stops under prefers-reduced-motion, and compact tightens the spacing', async () => {
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const context = await browser.newContext({ reducedMotion });
    let release;
    const gate = new Promise((r) => { release = r; });
    await context.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
    const page = await context.newPage();
    await page.goto(`${site.url}index.html`);
    const bar = css(page.locator('mail-ports'), '[part~=skeleton] i').first();
    await bar.waitFor();
    const animation = await bar.evaluate((el) => getComputedStyle(el).animationName);
    assert.equal(animation, reducedMotion === 'reduce' ? 'none' : 'p', reducedMotion);
    release();
    await context.close();
  }
  const { page, context } = await openWidget(browser, site.url);
  const padding = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('mail-ports')).paddingTop));
  const normal = await padding();
  await page.evaluate(() => { document.querySelector('mail-ports').compact = true; });
  assert.ok(await padding() < normal, 'compact has less padding');
  await context.close();
});
