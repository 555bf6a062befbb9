// <mail-ports> says where a provider's answer comes from and how old it is,
// in every locale; shows what other sources say behind "Other ways to
// connect"; and for an unknown domain offers common host-name patterns,
// marked as guesses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowserAndSite } from './support.mjs';
import { openWidget, css, withLocales } from './element-support.mjs';
import { LANGS } from '../../www/src/i18n.js';
import { provenance } from '../../www/src/provenance.js';

const locales = withLocales(LANGS);
let browser;
let site;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

/** lookupProvider's answer for `email`, from the page's own module. */
const lookup = (page, email) => page.evaluate(async (e) => {
  const m = await import('./lib/index.js');
  await m.initCore();
  return m.lookupProvider(e);
}, email);

test('the provenance line names the reviewed source and its month in every locale', async () => {
  for (const lang of LANGS) {
    const { page, w, context } = await openWidget(browser, site.url, { attrs: { lang } });
    const rec = await lookup(page, 'anna@gmail.com');
    assert.equal(rec.sources[0].name, 'reviewed');
    assert.match(rec.checked, /^\d{4}-\d{2}-\d{2}$/);
    await css(w, '#email').fill('anna@gmail.com');
    const line = css(w, '[part=provenance]');
    await line.waitFor();
    const expected = locales[lang].provenance.reviewed
      .replace('{name}', rec.name).replace('{date}', rec.checked.slice(0, 7));
    assert.equal(await line.textContent(), expected, lang);
    await context.close();
  }
});

test('an upstream-only answer says which database it is from, and an old check is worded softly', async () => {
  const { page, w, context } = await openWidget(browser, site.url);
  const rec = await lookup(page, 'a@kelcom.net');
  assert.deepEqual(rec.sources.map((s) => s.name), ['ispdb']);
  await css(w, '#email').fill('a@kelcom.net');
  assert.equal(await css(w, '[part=provenance]').textContent(), `From the Thunderbird ISPDB, ${rec.checked.slice(0, 7)}`);
  // The same record seen four years later.
  const later = new Date(`${rec.checked}T00:00:00Z`);
  later.setUTCFullYear(later.getUTCFullYear() + 4);
  const old = provenance(rec, locales.en.provenance, later);
  assert.equal(old.old, true);
  assert.equal(old.text, `Last checked ${rec.checked.slice(0, 7)}: the provider may have changed these settings since.`);
  assert.equal(provenance(rec, locales.en.provenance, new Date(`${rec.checked}T00:00:00Z`)).old, false);
  await context.close();
});

test('servers another source gives differently are shown behind "Other ways to connect" with that source', async () => {
  const { page, w, context } = await openWidget(browser, site.url);
  // A provider whose sources disagree: find one in the data.
  const email = await page.evaluate(async () => {
    const m = await import('./lib/index.js');
    await m.initCore();
    for (const p of m.listProviders()) {
      if (!p.domains.length) continue;
      const r = m.lookupProvider(p.domains[0]);
      if (r?.alternatives.length) return `someone@${p.domains[0]}`;
    }
    return null;
  });
  assert.ok(email, 'some provider has an alternative server');
  const rec = await lookup(page, email);
  await css(w, '#email').fill(email);
  await css(w, '[part~=more] summary').click();
  const alt = css(w, '[part~=more] [part~=alternative]');
  await alt.first().waitFor();
  assert.equal(await alt.count(), rec.alternatives.length);
  const first = rec.alternatives[0];
  assert.equal(await alt.first().locator('css=[part=hostname]').textContent(), first.server.hostname);
  assert.equal(await alt.first().locator('css=[part=server-source]').textContent(),
    locales.en.altFrom.replace('{source}', locales.en.sourceName[first.source]));
  await context.close();
});

test('an unknown domain shows the usual host-name patterns, marked as guesses, in ASCII form', async () => {
  const { w, context } = await openWidget(browser, site.url);
  await css(w, '#email').fill('jo@bücher-example.de');
  const guesses = css(w, '[part=guesses]');
  await guesses.waitFor();
  assert.equal(await guesses.locator('css=h3').textContent(), locales.en.guessTitle);
  assert.equal(await guesses.locator('css=.hint').textContent(), locales.en.guessBody);
  assert.deepEqual(await guesses.locator('css=code').allTextContents(), [
    'imap.xn--bcher-example-wob.de', 'mail.xn--bcher-example-wob.de',
    'smtp.xn--bcher-example-wob.de', 'mail.xn--bcher-example-wob.de',
  ]);
  await context.close();
});

test('Recommend answers for the provider of the address typed in Find my settings', async () => {
  const { page, w, context } = await openWidget(browser, site.url);
  await css(w, '#email').fill('anna@gmail.com');
  await css(w, '[part=provenance]').waitFor();
  await css(w, '[role=tab]').nth(2).click();
  const expected = await page.evaluate(async () => {
    const m = await import('./lib/index.js');
    await m.initCore();
    return m.recommend({ email: 'anna@gmail.com' });
  });
  assert.equal(expected.provider.id, 'googlemail.com');
  assert.equal(await css(w, '[part=rec-provider]').textContent(), `For ${expected.provider.name} (gmail.com)`);
  assert.equal(await css(w, '[part~=choice][part~=incoming] [part=hostname]').textContent(), expected.incoming.host);
  assert.equal(await css(w, '[part~=choice][part~=outgoing] [part=hostname]').textContent(), expected.outgoing.host);
  assert.equal(expected.incoming.host, 'imap.gmail.com');
  // A provider without IMAP or POP3 gets no mail-app answer, and says why.
  await css(w, '[role=tab]').first().click();
  await css(w, '#email').fill('jo@hey.com');
  await css(w, '[part=provider-status]').waitFor();
  await css(w, '[role=tab]').nth(2).click();
  assert.equal(await css(w, '[part~=choice]').count(), 0);
  const warnings = await css(w, '[part~=warnings] li').allTextContents();
  assert.ok(warnings.some((x) => x.startsWith('Your provider does not let mail apps connect')), warnings.join('\n'));
  // Without an address, the answer is the general one.
  await css(w, '[role=tab]').first().click();
  await css(w, '#email').fill('');
  await css(w, '[role=tab]').nth(2).click();
  assert.equal(await css(w, '[part=rec-provider]').count(), 0);
  assert.equal(await css(w, '[part~=choice][part~=incoming] [part=hostname]').count(), 0);
  await context.close();
});
