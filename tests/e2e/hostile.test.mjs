// Hostile text in every input and every data field of <mail-ports>: provider
// names and user names of registered providers, the email and port inputs,
// the element's attributes, autoconfig display names (through the API and
// through discovery in the element) and DNS answers. Every
// payload would set window.__xss (or open a dialog) if it ever ran; the tests
// assert that none runs, that each one shows literally as text, and that the
// widget's shadow tree never gains an element made from data.
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

/** Markup, script URLs and template syntax; each would set __xss or alert if run. */
const PAYLOADS = [
  '<script>window.__xss=true</script>',
  '<img src=x onerror="window.__xss=true">',
  '"><img src=x onerror=window.__xss=true>',
  "'><svg onload=window.__xss=true>",
  '<svg><script>window.__xss=true</script></svg>',
  'javascript:window.__xss=true',
  '<a href="javascript:window.__xss=true">click</a>',
  '<iframe srcdoc="<script>parent.__xss=true</script>"></iframe>',
  '<details open ontoggle=window.__xss=true>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=true>',
  '<template><img src=x onerror=window.__xss=true></template>',
  '<img src=x onerror=alert(1)>',
  '&lt;img src=x onerror=window.__xss=true&gt;',
  '{{constructor.constructor(\'window.__xss=true\')()}}',
  '${window.__xss=true}',
  '{name} {mine} {domain} $& $` $\' $1',
  '<style>@import "https://evil.test/x.css";</style>',
];

/** Elements that data must never create inside the widget. */
const FOREIGN = 'script,img,svg,iframe,object,embed,math,template,style,a,link,meta,base,form,frame';

/** Opens the widget with the page watching for dialogs; returns helpers. */
async function open(attrs) {
  const opened = await openWidget(browser, site.url, { attrs });
  const dialogs = [];
  opened.page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return { ...opened, dialogs };
}

/** Nothing ran: no flag, no dialog, no element or handler made from data. */
async function assertInert(page, dialogs, where) {
  const state = await page.evaluate((foreign) => {
    const root = document.querySelector('mail-ports').shadowRoot;
    const fixture = new Set(['html', 'head', 'meta', 'title', 'link', 'script', 'body', 'main', 'h1', 'mail-ports']);
    const handlers = [];
    for (const el of [...document.querySelectorAll('*'), ...root.querySelectorAll('*')]) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name) || (el.getRootNode() === root && /^(href|src|srcdoc|action|formaction|style)$/i.test(a.name))) {
          handlers.push(`${el.localName}[${a.name}=${a.value}]`);
        }
      }
    }
    return {
      xss: window.__xss,
      foreign: [...root.querySelectorAll(foreign)].map((e) => e.outerHTML),
      page: [...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => !fixture.has(n)),
      handlers,
    };
  }, FOREIGN);
  assert.deepEqual(state, { xss: undefined, foreign: [], page: [], handlers: [] }, where);
  assert.deepEqual(dialogs, [], `no dialog opened (${where})`);
}

test('hostile provider names and user names from registerProvider show literally, as text', async () => {
  const { page, w, context, dialogs, problems } = await open();
  const registered = await page.evaluate(async (payloads) => {
    const api = await import('./lib/index.js');
    return payloads.map((p, i) => {
      const srv = (protocol, port) => ({ protocol, hostname: `${protocol}.hostile-${i}.test`, port, security: 'implicit-tls', username: p });
      const s = api.registerProvider({
        id: `hostile-${i}`,
        name: p,
        domains: [`hostile-${i}.test`],
        incoming: [srv('imap', 993)],
        outgoing: [srv('smtp', 465)],
        requirements: ['app-password'],
      });
      return s.name;
    });
  }, PAYLOADS);
  assert.deepEqual(registered, PAYLOADS.map((p) => p.trim()), 'stored as given');

  const email = css(w, '#email');
  for (const [i, payload] of PAYLOADS.entries()) {
    await email.fill(`ana@hostile-${i}.test`);
    const title = css(w, '[part~=provider] h2');
    await title.filter({ hasText: `hostile-${i}.test` }).waitFor({ timeout: 10_000 });
    assert.equal(await title.textContent(), `${payload} (hostile-${i}.test)`);
    assert.deepEqual(await css(w, '[part~=username]').allTextContents(), [payload, payload]);
    await assertInert(page, dialogs, `provider ${i}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a hostile provider name shows literally in the restricted-provider texts', async () => {
  const { page, w, context, dialogs } = await open();
  await page.evaluate(async (payloads) => {
    const api = await import('./lib/index.js');
    payloads.forEach((p, i) => api.registerProvider({
      id: `hostile-${i}`,
      name: p,
      domains: [`hostile-${i}.test`],
      incoming: [{ protocol: 'imap', hostname: `imap.hostile-${i}.test`, port: 993, security: 'implicit-tls' }],
      outgoing: [{ protocol: 'smtp', hostname: `smtp.hostile-${i}.test`, port: 465, security: 'implicit-tls' }],
    }));
  }, PAYLOADS);
  for (const [i, payload] of PAYLOADS.entries()) {
    await page.evaluate((id) => { document.querySelector('mail-ports').provider = id; }, `hostile-${i}`);
    const hint = css(w, '#email-hint');
    assert.equal(await hint.textContent(), `Settings for ${payload} addresses. The address never leaves this page.`);
    // An address of another (hostile) provider names both, literally.
    const other = (i + 1) % PAYLOADS.length;
    await css(w, '#email').fill(`ana@hostile-${other}.test`);
    const card = css(w, '[part~=unknown]');
    await card.waitFor({ timeout: 10_000 });
    assert.equal(await card.textContent(),
      `This address belongs to ${PAYLOADS[other]}. This page only covers ${payload} addresses.`);
    await assertInert(page, dialogs, `restricted to provider ${i}`);
  }
  await context.close();
});

test('registerProvider refuses hostile ids, domains and host names with typed errors', async () => {
  const { page, context, dialogs } = await open();
  const results = await page.evaluate(async (payloads) => {
    const api = await import('./lib/index.js');
    const base = {
      id: 'fine', name: 'Fine', domains: ['fine.test'],
      incoming: [{ protocol: 'imap', hostname: 'imap.fine.test', port: 993, security: 'implicit-tls' }],
      outgoing: [{ protocol: 'smtp', hostname: 'smtp.fine.test', port: 465, security: 'implicit-tls' }],
    };
    const out = [];
    for (const p of payloads) {
      for (const [field, record] of [
        ['id', { ...base, id: p }],
        ['domains[0]', { ...base, domains: [p] }],
        ['incoming[0].hostname', { ...base, incoming: [{ ...base.incoming[0], hostname: p }] }],
        ['outgoing[0].hostname', { ...base, outgoing: [{ ...base.outgoing[0], hostname: `smtp.${p}` }] }],
        ['mx[0]', { ...base, mx: [p] }],
      ]) {
        try {
          api.registerProvider(record);
          out.push({ field, accepted: true });
        } catch (e) {
          out.push({ field, name: e.name, code: e.code, names: e.message.includes(field) });
        }
      }
    }
    out.push({ field: 'after', ok: api.lookupPort(993)?.port === 993 });
    return out;
  }, PAYLOADS);
  const after = results.pop();
  assert.deepEqual(after, { field: 'after', ok: true });
  for (const r of results) {
    assert.deepEqual(r, { field: r.field, name: 'MailportsError', code: 'invalid-provider', names: true }, JSON.stringify(r));
  }
  await assertInert(page, dialogs, 'after refused records');
  await context.close();
});

test('hostile text typed into the email and port inputs and set as attributes stays text', async () => {
  const { page, w, context, dialogs } = await open();
  const email = css(w, '#email');
  for (const payload of PAYLOADS) {
    for (const typed of [`${payload}@example.com`, `ana@${payload}.com`]) {
      await email.fill(typed);
      assert.equal(await email.inputValue(), typed.replace(/[\r\n]/g, ''));
      // A typed error, or (for a local part that is valid, such as
      // `${…}`) the answer for the domain.
      const answer = css(w, '#p-settings [part~=error], #p-settings [part~=unknown]');
      await answer.first().waitFor({ timeout: 10_000 });
      assert.ok((await answer.first().textContent()).trim().length > 0);
      await assertInert(page, dialogs, `email ${typed}`);
    }
  }
  await page.evaluate(() => { document.querySelector('mail-ports').view = 'ports'; });
  const port = css(w, '#port');
  for (const payload of PAYLOADS) {
    await port.fill(payload);
    assert.equal(await port.inputValue(), payload.slice(0, 12), 'maxlength keeps 12 characters');
    assert.equal(await css(w, '#p-ports [part~=error]').textContent(), 'That is not a port: a port is a whole number from 1 to 65535.');
    await assertInert(page, dialogs, `port ${payload}`);
  }
  for (const payload of PAYLOADS) {
    await page.evaluate((p) => {
      const el = document.querySelector('mail-ports');
      for (const a of ['view', 'email', 'provider', 'theme', 'lang', 'wasm-url']) el.setAttribute(a, p);
      el.email = p;
    }, payload);
    await assertInert(page, dialogs, `attributes ${payload}`);
  }
  // The element still works after all that.
  await page.evaluate(() => {
    const el = document.querySelector('mail-ports');
    el.removeAttribute('lang');
    el.provider = '';
    el.view = 'settings';
    el.email = '';
  });
  await email.fill('ana@gmail.com');
  await css(w, '[part~=provider] h2').waitFor({ timeout: 10_000 });
  assert.match(await css(w, '[part~=provider] h2').textContent(), /gmail\.com/);
  await context.close();
});

test('discovery answers: hostile autoconfig names come back as inert text, hostile DNS names escaped', async () => {
  const { page, context, dialogs } = await open();
  const out = await page.evaluate(async (payloads) => {
    const api = await import('./lib/index.js');
    await api.init(); // the widget loaded the core module; discovery needs the full one
    const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const plan = api.discoveryPlan('ana@hostile-autoconfig.test');
    const names = [];
    for (const p of payloads) {
      const doc = `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="hostile-autoconfig.test">
<domain>hostile-autoconfig.test</domain><displayName>${xmlText(p)}</displayName>
<incomingServer type="imap"><hostname>imap.hostile-autoconfig.test</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>
<incomingServer type="imap"><hostname>${xmlText(p)}</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>
<outgoingServer type="smtp"><hostname>smtp.hostile-autoconfig.test</hostname><port>465</port><socketType>SSL</socketType><username>${xmlText(p)}</username></outgoingServer>
</emailProvider></clientConfig>`;
      const r = api.decideDiscovery('ana@hostile-autoconfig.test', { srv: [], mx: null, autoconfig: plan.autoconfig.map(() => doc) });
      names.push({ name: r.name, hosts: [...r.incoming, ...r.outgoing].map((s) => s.hostname), user: r.outgoing[0]?.username });
    }
    // An MX answer whose exchange name carries markup bytes.
    const label = (s) => { const b = new TextEncoder().encode(s); return [b.length, ...b]; };
    const qname = [...label('hostile-dns'), ...label('test'), 0];
    const exchange = [...label('<img src=x onerror=alert(1)>'), ...label('hostile-dns'), ...label('test'), 0];
    const rdata = [0, 10, ...exchange];
    const msg = new Uint8Array([
      0, 0, 0x81, 0x80, 0, 1, 0, 1, 0, 0, 0, 0, ...qname, 0, 15, 0, 1,
      0xc0, 12, 0, 15, 0, 1, 0, 0, 1, 44, rdata.length >> 8, rdata.length & 255, ...rdata,
    ]);
    const mx = api.dnsParse(msg, 'hostile-dns.test', 'MX');
    return { names, exchange: mx.mx.map((m) => m.exchange) };
  }, PAYLOADS);
  for (const [i, r] of out.names.entries()) {
    assert.equal(r.name, PAYLOADS[i].trim(), 'the display name comes back literally');
    assert.deepEqual(r.hosts, ['imap.hostile-autoconfig.test', 'smtp.hostile-autoconfig.test'], 'a hostile host name is left out');
    assert.equal(r.user, PAYLOADS[i].trim());
  }
  assert.equal(out.exchange.length, 1);
  assert.doesNotMatch(out.exchange[0], /[<>"' =()]/, 'markup bytes are escaped');
  assert.match(out.exchange[0], /^\\060img\\032src\\061x/);
  await assertInert(page, dialogs, 'discovery');
  await context.close();
});

test('discovery in the element: a hostile autoconfig file shows its names literally, as text', async () => {
  const { page, w, context, dialogs, problems } = await open({
    'doh-url': `${site.url}doh`,
    'autoconfig-proxy': `${site.url}autoconfig?u={url}`,
  });
  // The resolver: every question gets an empty NOERROR answer (no SRV, no MX).
  await context.route('**/doh?*', (route) => {
    const q = Buffer.from(new URL(route.request().url()).searchParams.get('dns'), 'base64url');
    const answer = Buffer.concat([Buffer.from([q[0], q[1], 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0]), q.subarray(12)]);
    return route.fulfill({ status: 200, contentType: 'application/dns-message', body: answer });
  });
  // The domain's own autoconfig file: hostile display name and user names.
  const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let current = '';
  await context.route('**/autoconfig?*', (route) => {
    const domain = new URL(decodeURIComponent(new URL(route.request().url()).searchParams.get('u'))).hostname
      .replace(/^autoconfig\./, '');
    const p = xmlText(current);
    return route.fulfill({
      status: 200,
      contentType: 'application/xml',
      body: `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="${domain}"><domain>${domain}</domain>
<displayName>${p}</displayName><displayShortName>${p}</displayShortName>
<incomingServer type="imap"><hostname>imap.${domain}</hostname><port>993</port><socketType>SSL</socketType><username>${p}</username></incomingServer>
<outgoingServer type="smtp"><hostname>smtp.${domain}</hostname><port>465</port><socketType>SSL</socketType><username>${p}</username></outgoingServer>
</emailProvider></clientConfig>`,
    });
  });
  const email = css(w, '#email');
  for (const [i, payload] of PAYLOADS.entries()) {
    current = payload;
    const domain = `disco-${i}.example`;
    await email.fill(`ana@${domain}`);
    const title = css(w, '[part~=provider] h2');
    await title.filter({ hasText: `(${domain})` }).waitFor({ timeout: 10_000 });
    assert.equal(await css(w, '[part~=discovery-source]').count(), 1, 'found by discovery');
    assert.equal(await title.textContent(), `${payload} (${domain})`);
    assert.deepEqual(await css(w, '[part~=username]').allTextContents(), [payload, payload]);
    await assertInert(page, dialogs, `discovered provider ${i}`);
  }
  // DNS lookups still running when the autoconfig file answered are cancelled, by design.
  assert.deepEqual(problems.filter((p) => !/\/doh\?dns=\S+ net::ERR_ABORTED$/.test(p)), []);
  await context.close();
});
