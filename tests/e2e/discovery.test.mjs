// Opt-in discovery in headless Chromium against a local DNS-over-HTTPS
// resolver (tests/e2e/fixtures/doh_server.py: dnspython builds every answer),
// started on 127.0.0.1 by this test. Covers MX → provider, SRV ordering and
// rejection, NXDOMAIN / SERVFAIL / truncated / malformed answers, a resolver
// that never answers, autoconfig through a proxy template, caching, and the
// network log: with discovery off nothing leaves the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, withBrowserAndSite } from './support.mjs';
import { withDoh } from './doh-fixture.mjs';
import { openWidget } from './element-support.mjs';

let browser;
let site;
let doh; // { url, origin, proc, log(), clear() }

withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});
withDoh((d) => {
  doh = d;
});

/** A page with the library loaded; returns { page, context, requests }. */
async function libraryPage() {
  const opened = await openPage(browser, site.url);
  await opened.page.evaluate(async () => {
    window.mp = await import('./lib/index.js');
    await window.mp.ready();
  });
  return opened;
}

/** The requests in `urls` that leave the widget's own files (lib/, loaded on demand from the page's origin). */
const outside = (urls) => urls.filter((u) => !u.startsWith(new URL('lib/', site.url).href));

/** Runs discover() in the page with a fresh cache; returns { result, progress }. */
function discoverIn(page, input, options = {}) {
  // Autoconfig always goes through the local proxy, so no test request leaves 127.0.0.1.
  if (options.dohUrl && !('proxyTemplate' in options)) options = { ...options, proxyTemplate: doh.proxy };
  return page.evaluate(async ({ input, options }) => {
    window.mp.clearDiscoveryCache();
    const progress = [];
    const result = await window.mp.discover(input, { ...options, onProgress: (p) => progress.push(p) });
    return { result, progress };
  }, { input, options });
}

/**
 * Page errors and console errors, less the browser's own "404" console line
 * for a domain without an autoconfig file (the normal case) and aborted
 * requests (timeouts, superseded lookups).
 */
const realProblems = (problems) => problems.filter((p) => p.startsWith('pageerror')
  || (p.startsWith('console') && !p.includes('status of 404')));

const hostsOf = (servers) => servers.map((s) => `${s.hostname}:${s.port}`);
const codes = (list) => list.map((x) => x.code);

test('a Google Workspace domain is recognised by its MX hosts and gets Google settings', async () => {
  const { page, context } = await libraryPage();
  const { result } = await discoverIn(page, 'jane@gw-customer.test', { dohUrl: doh.url });
  assert.equal(result.source, 'mx');
  assert.equal(result.domain, 'gw-customer.test');
  assert.deepEqual(result.errors, []);
  assert.ok(result.settings.incoming.some((s) => s.hostname === 'imap.gmail.com' && s.port === 993), JSON.stringify(result.settings.incoming));
  assert.ok(result.settings.outgoing.some((s) => s.hostname === 'smtp.gmail.com'));
  const note = result.notes.find((n) => n.code === 'found-by-mx');
  assert.match(note.message, /mail servers/);
  assert.match(note.message, /aspmx\.l\.google\.com/);
  await context.close();
});

test('a Microsoft 365 domain is recognised by its MX host and gets Microsoft settings', async () => {
  const { page, context } = await libraryPage();
  const { result } = await discoverIn(page, 'jane@m365-customer.test', { dohUrl: doh.url });
  assert.equal(result.source, 'mx');
  assert.ok(result.settings.incoming.some((s) => s.hostname === 'outlook.office365.com'), JSON.stringify(result.settings.incoming));
  assert.ok(result.settings.outgoing.some((s) => s.hostname === 'smtp.office365.com'));
  assert.match(result.notes.find((n) => n.code === 'found-by-mx').message, /mail\.protection\.outlook\.com/);
  await context.close();
});

test('SRV records give their servers in order: implicit TLS first, then priority, then weight', async () => {
  const { page, context } = await libraryPage();
  await doh.clear();
  const { result, progress } = await discoverIn(page, 'jane@srv-domain.test', { dohUrl: doh.url });
  assert.equal(result.source, 'srv');
  assert.deepEqual(hostsOf(result.settings.incoming), [
    'imap1.srv-domain.test:993', // priority 0, weight 90
    'imap2.srv-domain.test:993', // priority 0, weight 10
    'imap-backup.srv-domain.test:993', // priority 20
    'imap1.srv-domain.test:143', // STARTTLS, despite its priority 0
  ]);
  assert.deepEqual(result.settings.incoming.map((s) => s.security),
    ['implicit-tls', 'implicit-tls', 'implicit-tls', 'starttls']);
  assert.deepEqual(hostsOf(result.settings.outgoing), ['smtp.srv-domain.test:465', 'smtp.srv-domain.test:587']);
  assert.ok(result.settings.incoming.every((s) => s.username === 'jane@srv-domain.test'));
  assert.equal(result.notes.filter((n) => n.code === 'srv-not-offered').length, 2, 'POP3 and POP3S say "."');
  assert.deepEqual(result.errors, []);
  // Every lookup was made, over RFC 8484 GET with ID 0.
  const asked = (await doh.log()).filter((e) => e.kind === 'dns');
  assert.deepEqual(asked.map((e) => `${e.name} ${e.type}`).sort(), [
    '_imap._tcp.srv-domain.test SRV', '_imaps._tcp.srv-domain.test SRV', '_pop3._tcp.srv-domain.test SRV',
    '_pop3s._tcp.srv-domain.test SRV', '_submission._tcp.srv-domain.test SRV', '_submissions._tcp.srv-domain.test SRV',
    'srv-domain.test MX',
  ]);
  assert.ok(asked.every((e) => e.id === 0));
  // Progress was reported for each step, ending in a final state.
  assert.deepEqual(progress.filter((p) => p.step === 'srv').map((p) => p.state), ['start', 'found']);
  assert.deepEqual(progress.find((p) => p.step === 'database'), { step: 'database', state: 'start' });
  await context.close();
});

test('SRV targets outside the domain are rejected, with a message saying so', async () => {
  const { page, context } = await libraryPage();
  const { result } = await discoverIn(page, 'jane@srv-outside.test', { dohUrl: doh.url });
  assert.equal(result.source, null);
  assert.equal(result.settings, null);
  const rejected = result.notes.filter((n) => n.code === 'srv-target-rejected');
  assert.equal(rejected.length, 2);
  assert.ok(rejected.some((n) => /imap\.attacker\.example, which is outside srv-outside\.test/.test(n.message)), JSON.stringify(rejected));
  await context.close();
});

test('a CNAME in front of an SRV record is followed', async () => {
  const { page, context } = await libraryPage();
  const { result } = await discoverIn(page, 'cname-srv.test', { dohUrl: doh.url });
  assert.equal(result.source, 'srv');
  assert.deepEqual(hostsOf(result.settings.incoming), ['imap.cname-srv.test:993']);
  assert.equal(result.settings.incoming[0].username, '%EMAILADDRESS%', 'a bare domain keeps the placeholder');
  await context.close();
});

test('NXDOMAIN, SERVFAIL, truncated and malformed answers each give a clear error and no exception', async () => {
  const { page, context, problems } = await libraryPage();
  const cases = [
    ['jane@nothing.nx.test', 'dns-nxdomain', /nothing\.nx\.test does not exist in DNS/],
    ['jane@broken.servfail.test', 'dns-servfail', /SERVFAIL/],
    ['jane@big.truncated.test', 'dns-truncated', /cut short/],
    ['jane@bad.malformed.test', 'dns-malformed', /could not be read/],
  ];
  for (const [input, code, message] of cases) {
    const { result } = await discoverIn(page, input, { dohUrl: doh.url });
    assert.equal(result.source, null, input);
    const mx = result.errors.find((e) => e.step === 'mx');
    assert.equal(mx?.code, code, `${input}: ${JSON.stringify(result.errors)}`);
    assert.match(mx.message, message);
  }
  assert.deepEqual(realProblems(problems), []);
  await context.close();
});

test('a resolver that never answers gives a timeout message within the configured limit', async () => {
  const { page, context, problems } = await libraryPage();
  const { result, progress } = await discoverIn(page, 'jane@quiet.silent.test', { dohUrl: doh.url, timeoutMs: 300 });
  assert.equal(result.source, null);
  assert.deepEqual([...new Set(codes(result.errors))], ['dns-timeout']);
  assert.deepEqual(result.errors.map((e) => e.step).sort(), ['mx', 'srv']);
  assert.equal(result.errors[0].message, 'the DNS resolver did not answer within 0.3 s');
  assert.deepEqual(progress.filter((p) => p.step === 'mx').map((p) => p.state), ['start', 'failed']);
  assert.deepEqual(realProblems(problems), []);
  await context.close();
});

test('the domain\'s autoconfig file wins over its SRV records (fetched through the proxy template)', async () => {
  const { page, context, requests } = await libraryPage();
  await doh.clear();
  const { result } = await discoverIn(page, 'jane@autoconfig-domain.test', { dohUrl: doh.url, proxyTemplate: doh.proxy });
  assert.equal(result.source, 'autoconfig');
  assert.deepEqual(hostsOf(result.settings.incoming), ['imap.autoconfig-domain.test:993']);
  assert.deepEqual(hostsOf(result.settings.outgoing), ['smtp.autoconfig-domain.test:465']);
  assert.match(result.notes.find((n) => n.code === 'found-by-autoconfig').message,
    /https:\/\/autoconfig\.autoconfig-domain\.test\/mail\/config-v1\.1\.xml/);
  const fetched = (await doh.log()).filter((e) => e.kind === 'autoconfig').map((e) => e.url).sort();
  assert.deepEqual(fetched, [
    'https://autoconfig-domain.test/.well-known/autoconfig/mail/config-v1.1.xml',
    'https://autoconfig.autoconfig-domain.test/mail/config-v1.1.xml',
  ]);
  // Only the page's own files, the resolver and the proxy were contacted.
  for (const u of requests) {
    const url = new URL(u);
    const ok = url.href.startsWith(site.url)
      || (url.origin === doh.origin && (url.pathname === '/dns-query' || url.pathname === '/autoconfig'));
    assert.ok(ok, `unexpected request to ${u}`);
  }
  await context.close();
});

test('answers are cached per domain for the page\'s life', async () => {
  const { page, context } = await libraryPage();
  await doh.clear();
  const first = await page.evaluate(async (dohUrl) => {
    window.mp.clearDiscoveryCache();
    const r = await window.mp.discover('a@srv-domain.test', { dohUrl });
    return { source: r.source, user: r.settings.incoming[0].username };
  }, doh.url);
  // The first lookup's queries run side by side; one still on its way when
  // the answer is decided may reach the resolver a moment later. Wait until
  // the count holds still before taking it.
  const dnsCount = async () => (await doh.log()).filter((e) => e.kind === 'dns').length;
  let before = await dnsCount();
  for (let settled = 0; settled < 3;) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await dnsCount();
    settled = now === before ? settled + 1 : 0;
    before = now;
  }
  assert.ok(before >= 6, `the first lookup asked the resolver (${before} queries)`);
  const second = await page.evaluate(async (dohUrl) => {
    const progress = [];
    const r = await window.mp.discover('b@SRV-domain.test', { dohUrl, onProgress: (p) => progress.push(p) });
    return { source: r.source, user: r.settings.incoming[0].username, progress };
  }, doh.url);
  assert.deepEqual([first.source, second.source], ['srv', 'srv']);
  assert.deepEqual([first.user, second.user], ['a@srv-domain.test', 'b@srv-domain.test'], 'the cache holds answers, not user names');
  assert.ok(second.progress.some((p) => p.state === 'cached'));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await dnsCount(), before, 'the second call made no request');
  await context.close();
});

test('a domain in the provider database is answered locally, with no request even when a resolver is set', async () => {
  const { page, context, requests } = await libraryPage();
  await doh.clear();
  const before = requests.length;
  const { result, progress } = await discoverIn(page, 'jane@gmail.com', { dohUrl: doh.url });
  assert.equal(result.source, 'database');
  assert.ok(result.settings.incoming.some((s) => s.hostname === 'imap.gmail.com'));
  assert.deepEqual(progress, [{ step: 'database', state: 'start' }, { step: 'database', state: 'found' }]);
  assert.deepEqual(outside(requests.slice(before)), []);
  assert.deepEqual(await doh.log(), []);
  await context.close();
});

test('with discovery off (no resolver) nothing leaves the page', async () => {
  const { page, context, requests } = await libraryPage();
  await doh.clear();
  const before = requests.length;
  const { result } = await discoverIn(page, 'jane@srv-domain.test');
  assert.equal(result.source, null);
  assert.deepEqual(codes(result.errors), ['discovery-off']);
  // A fetch that records calls: none.
  const calls = await page.evaluate(async () => {
    let n = 0;
    await window.mp.discover('jane@gw-customer.test', { fetch: () => { n += 1; return Promise.reject(new Error('no')); } });
    return n;
  });
  assert.equal(calls, 0);
  // Invalid resolver URLs are refused before any request.
  const bad = await discoverIn(page, 'jane@srv-domain.test', { dohUrl: 'http://example.com/dns-query' });
  assert.deepEqual(codes(bad.result.errors), ['invalid-doh-url']);
  await page.waitForTimeout(200);
  assert.deepEqual(outside(requests.slice(before)), []);
  assert.deepEqual(await doh.log(), []);
  await context.close();
});

test('through the element: with no resolver configured, a custom domain causes no request beyond the widget\'s own files', async () => {
  await doh.clear();
  const { page, w, context, requests } = await openWidget(browser, site.url);
  await w.locator('css=#email').fill('jane@srv-domain.test');
  await w.locator('css=[part~=unknown]').waitFor();
  await page.waitForLoadState('networkidle');
  for (const u of requests) assert.ok(u.startsWith(site.url), `unexpected request to ${u}`);
  assert.deepEqual(await doh.log(), []);
  await context.close();
});

test('bad input never throws out of discover()', async () => {
  const { page, context } = await libraryPage();
  const results = await page.evaluate(async (dohUrl) => {
    const out = [];
    for (const input of ['', 'jane@', 'a'.repeat(100000), null, 42, 'jane@exa mple.com', 'jane@\u202Eevil.com']) {
      const r = await window.mp.discover(input, { dohUrl, timeoutMs: 'soon' });
      out.push({ source: r.source, codes: r.errors.map((e) => e.code) });
    }
    return out;
  }, doh.url);
  for (const r of results) {
    assert.equal(r.source, null);
    assert.equal(r.codes.length, 1);
    assert.match(r.codes[0], /^[a-z-]+$/);
  }
  await context.close();
});
