// <mail-ports> in English, German, French and Spanish: every locale has every
// message, the element picks its language from `lang`, then <html lang>, then
// English, fetches only that language, and switches at run time.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { projectRoot, withBrowserAndSite } from './support.mjs';
import { openWidget, css } from './element-support.mjs';

const LANGS = ['en', 'de', 'fr', 'es'];
const locales = {};
let browser;
let site;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});
before(async () => {
  for (const l of LANGS) {
    locales[l] = (await import(pathToFileURL(path.join(projectRoot, 'www/src/locales', `${l}.js`)).href)).default;
  }
});

/**
 * Every key path of a message table, with the placeholders its text uses;
 * `req` and `codes` (texts by core code, which English takes from the core)
 * are checked against the core's codes in their own tests.
 */
const shape = (obj) => rawShape(obj).filter((k) => !/^(req|codes)\./.test(k));

function rawShape(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object'
    ? rawShape(v, `${prefix}${k}.`)
    : [`${prefix}${k} ${[...String(v).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',')}`])).sort();
}

test('every locale has the same messages, placeholders included, and no empty text', () => {
  const en = shape(locales.en);
  assert.ok(en.length > 90, `English has ${en.length} messages`);
  for (const l of LANGS) {
    assert.deepEqual(shape(locales[l]), en, l);
    const texts = JSON.stringify(locales[l]).match(/"[^"]*"/g);
    assert.ok(!texts.includes('""'), `${l} has an empty message`);
  }
  // Translations are translations, not copies of the English text.
  for (const l of ['de', 'fr', 'es']) {
    assert.notEqual(locales[l].emailLabel, locales.en.emailLabel, l);
    assert.notEqual(locales[l].why.starttls, locales.en.why.starttls, l);
  }
});

for (const lang of ['de', 'fr', 'es']) {
  test(`lang="${lang}" shows ${lang} text everywhere and fetches only that locale`, async () => {
    const t = locales[lang];
    const { w, context, requests, problems } = await openWidget(browser, site.url, { attrs: { lang, view: 'ports' } });
    assert.deepEqual(await css(w, '[role=tab]').allTextContents(), [t.tabs.settings, t.tabs.ports, t.tabs.recommend]);
    assert.equal(await css(w, 'label[for=port]').textContent(), t.portLabel);
    assert.equal(await css(w, '[role=tablist]').getAttribute('aria-label'), t.tablist);
    await css(w, '#port').fill('587');
    assert.equal(await css(w, '[part~=port-info] [part=why]').textContent(), t.why.starttls);
    assert.equal(await css(w, '[part~=port-info] [part=verdict]').textContent(), t.verdict.use);
    await css(w, '#port').fill('99999');
    assert.equal(await css(w, '#p-ports [part~=error]').textContent(), t.errors['invalid-port']);
    const fetched = requests.filter((u) => u.includes('/locales/')).map((u) => u.split('/').pop());
    assert.deepEqual(fetched, [`${lang}.js`]);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('without a lang attribute the page language is used; unsupported languages fall through', async () => {
  let { w, context } = await openWidget(browser, site.url, { htmlLang: 'fr-CA' });
  assert.equal(await css(w, '[role=tab]').first().textContent(), locales.fr.tabs.settings);
  await context.close();
  ({ w, context } = await openWidget(browser, site.url, { htmlLang: 'es', attrs: { lang: 'it' } }));
  assert.equal(await css(w, '[role=tab]').first().textContent(), locales.es.tabs.settings);
  await context.close();
  ({ w, context } = await openWidget(browser, site.url, { htmlLang: 'ja' }));
  assert.equal(await css(w, '[role=tab]').first().textContent(), locales.en.tabs.settings);
  await context.close();
});

test('switching lang at run time re-renders in place, keeping view, input and focus', async () => {
  const { page, w, context } = await openWidget(browser, site.url, { attrs: { view: 'ports' } });
  await css(w, '#port').fill('993');
  for (const lang of ['de', 'fr', 'es', 'en']) {
    await page.evaluate((l) => document.querySelector('mail-ports').setAttribute('lang', l), lang);
    await css(w, '[role=tab]').first().filter({ hasText: locales[lang].tabs.settings }).waitFor();
    assert.equal(await css(w, '#port').inputValue(), '993');
    assert.equal(await css(w, '[part~=port-info] [part=why]').textContent(), locales[lang].why.tls);
    assert.equal(await css(w, '#p-ports').isVisible(), true);
  }
  // The page language counts too while the element has no lang of its own.
  await page.evaluate(() => {
    document.querySelector('mail-ports').removeAttribute('lang');
    document.documentElement.lang = 'de';
  });
  await css(w, '[role=tab]').first().filter({ hasText: locales.de.tabs.settings }).waitFor();
  await context.close();
});

test('every recommender reason code has a message in every locale, and German reasons are shown', async () => {
  const { page, w, context } = await openWidget(browser, site.url, { attrs: { lang: 'de', view: 'recommend' } });
  const catalog = await page.evaluate(async () => (await import('./lib/index.js')).reasonCatalog());
  const codes = Object.keys(catalog);
  assert.ok(codes.length >= 20, `${codes.length} codes`);
  assert.equal(locales.en.codes, undefined, 'English reasons are the core\'s own texts');
  for (const l of LANGS.filter((x) => x !== 'en')) {
    assert.deepEqual(codes.filter((c) => !locales[l].codes[c]), [], `${l} lacks messages`);
    assert.deepEqual(Object.keys(locales[l].codes).filter((c) => !catalog[c]), [], `${l} has messages for unknown codes`);
  }
  await css(w, 'input[name=devices][value="1"]').check();
  await css(w, 'input[name=offline][value=true]').check();
  const reasons = await css(w, '[part~=reasons] li').allTextContents();
  assert.ok(reasons.some((r) => r.startsWith(locales.de.codes['pop3-single-device'])), reasons.join('\n'));
  assert.equal(await css(w, '[part~=choice][part~=incoming] .verdict').textContent(), 'POP3 auf Port 995, SSL/TLS (implizites TLS)');
  assert.equal(await css(w, '[part~=warnings] h3').textContent(), locales.de.head.warnings);
  // In English the widget shows the core's texts.
  await w.evaluate((el) => el.setAttribute('lang', 'en'));
  await css(w, '[part~=warnings] h3').filter({ hasText: locales.en.head.warnings }).waitFor();
  const english = await css(w, '[part~=reasons] li').allTextContents();
  assert.ok(english.some((r) => r.startsWith(catalog['pop3-single-device'].message)), english.join('\n'));
  await context.close();
});

test('every provider requirement code has a message in every locale, and requirements are shown translated', async () => {
  const { page, w, context } = await openWidget(browser, site.url, { attrs: { lang: 'fr' } });
  const { codes, example } = await page.evaluate(async () => {
    const api = await import('./lib/index.js');
    const all = api.listProviders();
    const codes = [...new Set(all.flatMap((p) => p.requirements))].sort();
    const p = all.find((x) => x.requirements.includes('app-password') && x.domains.length);
    const reqs = p && api.lookupProvider(p.domains[0]).requirements;
    return { codes, example: p && { domain: p.domains[0], codes: reqs.map((r) => r.code), texts: reqs.map((r) => r.text) } };
  });
  assert.ok(codes.length >= 3, codes.join());
  assert.equal(locales.en.req, undefined, 'English requirements are the core\'s own texts');
  for (const l of LANGS.filter((x) => x !== 'en')) {
    assert.deepEqual(codes.filter((c) => !locales[l].req[c]), [], `${l} lacks requirement messages`);
  }
  assert.ok(example, 'a provider that needs an app password');
  await css(w, '#email').fill(`someone@${example.domain}`);
  assert.equal(await css(w, '[part~=requirements] h3').textContent(), locales.fr.requirements);
  assert.deepEqual(await css(w, '[part~=requirements] li').allTextContents(), example.codes.map((c) => locales.fr.req[c]));
  // In English the widget shows the core's texts.
  await w.evaluate((el) => el.setAttribute('lang', 'en'));
  await css(w, '[part~=requirements] h3').filter({ hasText: locales.en.requirements }).waitFor();
  assert.deepEqual(await css(w, '[part~=requirements] li').allTextContents(), example.texts);
  await context.close();
});
