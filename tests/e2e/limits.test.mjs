// Over-long input: a megabyte pasted into the widget's inputs, and text past
// the address limits (RFC 5321: 64-octet local part, 253-octet domain, 320 in
// all) through every API function that takes text. Each gets a clear, typed
// error and the page stays responsive. There are no timing thresholds: the
// test timeout only detects a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowserAndSite } from './support.mjs';
import { openWidget, css } from './element-support.mjs';

let browser;
let site;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

const MB = 1 << 20;
const HANG = { timeout: 60_000 };

/** Pastes `text` into the focused input as a person would (one input event); resolves once the handler returned. */
function paste(page, selector, text) {
  return page.evaluate(([sel, t]) => {
    const input = document.querySelector('mail-ports').shadowRoot.querySelector(sel);
    input.focus();
    input.select();
    document.execCommand('insertText', false, t);
    return input.value.length;
  }, [selector, text]);
}

test('a 1 MB paste into the email input gets a clear error and the page stays responsive', HANG, async () => {
  const { page, w, context, problems } = await openWidget(browser, site.url);
  const error = css(w, '#p-settings [part~=error]');
  for (const text of ['x'.repeat(MB), `${'a'.repeat(MB)}@example.com`, `ana@${'b'.repeat(MB)}`, 'ü'.repeat(MB)]) {
    assert.equal(await paste(page, '#email', text), text.length, 'the handler returned with the whole text in the input');
    assert.equal(await error.textContent(), 'That is too long for an email address.');
    assert.equal(await page.evaluate(() => 6 * 7), 42, 'the page answers');
  }
  // Just over the limits, not only megabytes.
  for (const text of [`${'a'.repeat(65)}@example.com`, `ana@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}.com`, 'x'.repeat(321)]) {
    await paste(page, '#email', text);
    assert.equal(await error.textContent(), 'That is too long for an email address.', text.slice(0, 40));
  }
  // And then it works as before.
  await paste(page, '#email', 'ana@gmail.com');
  assert.equal(await css(w, '[part~=incoming][part~=primary] [part=hostname]').textContent(), 'imap.gmail.com');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a 1 MB paste into the port input gets a clear error and the page stays responsive', HANG, async () => {
  const { page, w, context, problems } = await openWidget(browser, site.url, { attrs: { view: 'ports' } });
  const error = css(w, '#p-ports [part~=error]');
  const message = 'That is not a port: a port is a whole number from 1 to 65535.';
  // A paste is cut to the input's maxlength (12)…
  assert.equal(await paste(page, '#port', '9'.repeat(MB)), 12);
  assert.equal(await error.textContent(), message);
  assert.equal(await paste(page, '#port', `<b>${'x'.repeat(MB)}`), 12);
  assert.equal(await error.textContent(), message);
  // …and a script that sets the value directly gets the same answer.
  const length = await page.evaluate((n) => {
    const input = document.querySelector('mail-ports').shadowRoot.querySelector('#port');
    input.value = '9'.repeat(n);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return input.value.length;
  }, MB);
  assert.equal(length, MB);
  assert.equal(await error.textContent(), message);
  assert.equal(await page.evaluate(() => 6 * 7), 42, 'the page answers');
  await paste(page, '#port', '993');
  assert.match(await css(w, '[part~=port-info] h2').textContent(), /Port 993/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every API function that takes text refuses over-long text with a typed error', HANG, async () => {
  const { page, context } = await openWidget(browser, site.url);
  const results = await page.evaluate(async (n) => {
    const api = await import('./lib/index.js');
    await api.init(); // the widget loaded the core module; discovery and export need the full one
    const big = 'x'.repeat(n);
    const servers = {
      incoming: [{ protocol: 'imap', hostname: 'imap.example.com', port: 993, security: 'implicit-tls' }],
      outgoing: [{ protocol: 'smtp', hostname: 'smtp.example.com', port: 465, security: 'implicit-tls' }],
    };
    const calls = {
      'normalizeAddress: local part of 65': () => api.normalizeAddress(`${'a'.repeat(65)}@example.com`),
      'normalizeAddress: domain of 254': () => api.normalizeAddress(`ana@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}.com`),
      'normalizeAddress: address of 321': () => api.normalizeAddress(`${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(12)}.com`),
      'normalizeAddress: 1 MB': () => api.normalizeAddress(big),
      'lookupProvider: 1 MB': () => api.lookupProvider(`${big}@example.com`),
      'suggestDomain: 1 MB': () => api.suggestDomain(big),
      'suggestDomain: 1 MB extra domain': () => api.suggestDomain('ana@gmial.com', { domains: [big] }),
      'discoveryPlan: 1 MB': () => api.discoveryPlan(big),
      'dnsQuery: 1 MB name': () => api.dnsQuery(big, 'MX'),
      'dnsQuery: 1 MB type': () => api.dnsQuery('example.com', big),
      'dnsParse: 1 MB answer': () => api.dnsParse(new Uint8Array(n), 'example.com', 'MX'),
      'registerProvider: 1 MB name': () => api.registerProvider({ id: 'big', name: big, domains: ['big.test'], ...servers }),
      'registerProvider: 1 MB domain': () => api.registerProvider({ id: 'big', name: 'Big', domains: [big], ...servers }),
      'exportConfig: 1 MB domain': () => api.exportConfig({ domain: big, ...servers }, 'json'),
      'exportConfig: 1 MB name': () => api.exportConfig({ domain: 'example.com', name: big, ...servers }, 'thunderbird-autoconfig'),
      'exportConfig: 1 MB format': () => api.exportConfig({ domain: 'example.com', ...servers }, big),
      'lookupPort: 1 MB': () => api.lookupPort(big),
      'decideDiscovery: 1 MB autoconfig': () => api.decideDiscovery('ana@example.com', { autoconfig: [big] }).errors.map((e) => e.code).join(),
    };
    const out = {};
    for (const [name, call] of Object.entries(calls)) {
      try {
        out[name] = { returned: call() };
      } catch (e) {
        out[name] = { name: e.name, code: e.code, message: e.message.length < 300 };
      }
    }
    out.after = api.lookupProvider('ana@gmail.com')?.domain;
    return out;
  }, MB);
  assert.equal(results.after, 'gmail.com', 'the core still works');
  const typed = (code) => ({ name: 'MailportsError', code, message: true });
  assert.deepEqual(results, {
    'normalizeAddress: local part of 65': typed('too-long'),
    'normalizeAddress: domain of 254': typed('too-long'),
    'normalizeAddress: address of 321': typed('too-long'),
    'normalizeAddress: 1 MB': typed('too-long'),
    'lookupProvider: 1 MB': typed('too-long'),
    'suggestDomain: 1 MB': typed('too-long'),
    'suggestDomain: 1 MB extra domain': typed('too-long'),
    'discoveryPlan: 1 MB': typed('too-long'),
    'dnsQuery: 1 MB name': typed('too-long'),
    'dnsQuery: 1 MB type': typed('invalid-argument'),
    'dnsParse: 1 MB answer': typed('dns-too-large'),
    'registerProvider: 1 MB name': typed('invalid-provider'),
    'registerProvider: 1 MB domain': typed('invalid-provider'),
    'exportConfig: 1 MB domain': typed('invalid-hostname'),
    'exportConfig: 1 MB name': typed('too-long'),
    'exportConfig: 1 MB format': typed('unknown-format'),
    'lookupPort: 1 MB': typed('invalid-port'),
    'decideDiscovery: 1 MB autoconfig': { returned: 'too-long' },
    after: 'gmail.com',
  });
  await context.close();
});
