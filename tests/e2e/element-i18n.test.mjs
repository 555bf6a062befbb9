// <mail-ports> in sixteen languages: every locale has exactly the messages of
// English with the same placeholders and nothing left in English, the
// element picks its language by BCP 47 (its `lang`, the nearest ancestor's,
// <html lang>, then the browser's languages when the page names none),
// fetches only that language, shows it in every view, and switches at run time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { projectRoot, withBrowserAndSite } from './support.mjs';
import { openWidget, css, recordEvents, withLocales } from './element-support.mjs';

const src = (f) => pathToFileURL(path.join(projectRoot, 'www/src', f)).href;
const i18n = await import(src('i18n.js'));
const { LANGS, LOADING, FAILED, matchLang, fmt, loadLocale } = i18n;
const FILES = readdirSync(path.join(projectRoot, 'www/src/locales')).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3));
const OTHERS = LANGS.filter((l) => l !== 'en');
const locales = withLocales(LANGS);
const portTexts = withLocales(LANGS, 'ports');
let browser;
let site;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

// Texts that may read the same as in English in any language: names of
// protocols, products and standards, and messages made only of placeholders.
const SAME_EVERYWHERE = new Set([
  'IMAP', 'POP3', 'SMTP', 'LMTP', 'ManageSieve', 'POP2', 'IMAP3', 'poppassd', 'HTTP(S)', 'JMAP', 'STARTTLS',
  'Kerberos', 'NTLM', 'Thunderbird ISPDB', 'nodemailer', '{proto}, {role}, {sec}.', 'Exchange (Autodiscover)',
]);
// Words that are the same in that language: loanwords its own mail apps use (Server, Port, Webmail, Password).
const SAME_IN = {
  de: ['Server', 'Port', 'Port {port}', 'Webmail'],
  fr: ['Webmail', 'Port', 'Port {port}'],
  es: ['No'],
  it: ['Server', 'Password', 'Webmail', 'No'],
  nl: ['Server', 'Webmail', 'Protocol'],
  'pt-BR': ['Webmail'],
  pl: ['Port', 'Port {port}'],
  cs: ['Server', 'Port', 'Port {port}'],
  tr: [],
  ru: [], uk: [], ja: [], 'zh-CN': [], ko: [], ar: [],
};
// The script every message of a non-Latin locale is written in (beside its technical words).
const SCRIPT = { ru: /\p{Script=Cyrillic}/u, uk: /\p{Script=Cyrillic}/u, ja: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u,
  'zh-CN': /\p{Script=Han}/u, ko: /\p{Script=Hangul}/u, ar: /\p{Script=Arabic}/u };
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const isPlural = (v) => v && typeof v === 'object' && 'other' in v && Object.keys(v).every((k) => CATEGORIES.includes(k));
const holes = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

/** Every message of a table by key path (a plural message is one entry: its forms). */
function messages(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = `${prefix}${k}`;
    if (typeof v === 'string' || isPlural(v)) out[key] = typeof v === 'string' ? { other: v } : v;
    else messages(v, `${key}.`, out);
  }
  return out;
}
const placeholders = (forms) => [...new Set(Object.values(forms).flatMap(holes))].sort().join(',');
const texts = (t) => Object.values(messages(t)).flatMap((f) => Object.values(f));

test('there is one locale file per language the element offers, and loading and failure texts for each', () => {
  assert.deepEqual([...FILES].sort(), [...LANGS].sort());
  assert.equal(LANGS.length, 16);
  for (const l of LANGS) {
    assert.ok(LOADING[l] && FAILED[l], l);
    if (l !== 'en') assert.ok(LOADING[l] !== LOADING.en && FAILED[l] !== FAILED.en, l);
  }
});

test('every locale has exactly the messages of English, with the same placeholders, none empty', () => {
  const en = messages(locales.en);
  assert.ok(Object.keys(en).length > 150, `English has ${Object.keys(en).length} messages`);
  for (const l of LANGS) {
    const t = messages(locales[l]);
    assert.deepEqual(Object.keys(t).sort(), Object.keys(en).sort(), `${l}: keys`);
    for (const k of Object.keys(en)) assert.equal(placeholders(t[k]), placeholders(en[k]), `${l} ${k}: placeholders`);
    assert.deepEqual(texts(locales[l]).filter((s) => !s.trim()), [], `${l}: empty messages`);
  }
});

test('messages with a count give the plural forms their language uses, and only those', () => {
  for (const l of LANGS) {
    const rules = new Intl.PluralRules(l);
    const allowed = rules.resolvedOptions().pluralCategories;
    const needed = new Set(Array.from({ length: 100 }, (_, i) => rules.select(i + 1)));
    for (const [k, forms] of Object.entries(messages(locales[l]))) {
      if (!placeholders(forms).split(',').includes('n')) continue;
      assert.deepEqual(Object.keys(forms).filter((c) => !allowed.includes(c)), [], `${l} ${k}: forms the language does not have`);
      assert.deepEqual([...needed].filter((c) => !forms[c]), [], `${l} ${k}: forms missing`);
    }
  }
});

test('no message is left in English (names of protocols and the like excepted), and non-Latin locales write in their script', () => {
  const en = messages(locales.en);
  for (const l of OTHERS) {
    const t = messages(locales[l]);
    const same = Object.keys(en).filter((k) => JSON.stringify(t[k]) === JSON.stringify(en[k]))
      .filter((k) => !SAME_EVERYWHERE.has(en[k].other) && !SAME_IN[l].includes(en[k].other));
    assert.deepEqual(same, [], `${l}: messages still in English`);
    if (SCRIPT[l]) {
      const latin = Object.entries(t).filter(([k, f]) => k !== 'emailPlaceholder' && !SAME_EVERYWHERE.has(en[k].other)
        && !SCRIPT[l].test(Object.values(f).join(' ')))
        .map(([k]) => k);
      assert.deepEqual(latin, [], `${l}: messages without a word of the language`);
    } else {
      // A Latin-script translation must not keep English running text.
      const english = /\b(the|your|you|with|only|from|this|which|should)\b/i;
      const left = texts(locales[l]).filter((s) => english.test(s));
      assert.deepEqual(left, [], `${l}: English words`);
    }
  }
});

test('language tags match by BCP 47: Portuguese and Simplified Chinese have one locale each, Traditional Chinese falls to English', () => {
  const cases = {
    en: 'en', 'en-GB': 'en', 'de-AT': 'de', DE: 'de', fr_CA: 'fr', 'es-419': 'es', 'it-CH': 'it', 'nl-BE': 'nl',
    pt: 'pt-BR', 'pt-BR': 'pt-BR', 'pt-PT': 'pt-BR', 'pt-AO': 'pt-BR', pl: 'pl', 'cs-CZ': 'cs', 'tr-TR': 'tr', 'ru-UA': 'ru', uk: 'uk',
    'ja-JP': 'ja', zh: 'zh-CN', 'zh-CN': 'zh-CN', 'zh-Hans': 'zh-CN', 'zh-SG': 'zh-CN', 'zh-Hans-HK': 'zh-CN',
    'zh-TW': '', 'zh-HK': '', 'zh-Hant': '', 'zh-MO': '', 'zh-Hant-CN': '', 'ko-KR': 'ko', ar: 'ar', 'ar-EG': 'ar', 'ar-SA': 'ar',
    sv: '', '': '', 'x-klingon': '', 'i-default': '',
  };
  for (const [tag, want] of Object.entries(cases)) assert.equal(matchLang(tag), want, tag);
});

test('counts are written with Intl.NumberFormat and pick their plural form; ports stay plain ASCII digits', async () => {
  const ru = await loadLocale('ru');
  assert.deepEqual([1, 2, 5, 21, 1000].map((n) => String(fmt(ru.moreServers, { n }))),
    ['Ещё 1 способ подключения', 'Ещё 2 способа подключения', 'Ещё 5 способов подключения', 'Ещё 21 способ подключения',
      `Ещё ${new Intl.NumberFormat('ru').format(1000)} способов подключения`]);
  const ar = await loadLocale('ar');
  assert.equal(String(fmt(ar.moreServers, { n: 2 })), 'طريقتان أخريان للاتصال');
  assert.equal(String(fmt(ar.moreServers, { n: 3 })), `${new Intl.NumberFormat('ar').format(3)} طرق أخرى للاتصال`);
  const de = await loadLocale('de');
  assert.equal(String(fmt(de.moreServers, { n: 1 })), 'Ein weiterer Verbindungsweg');
  assert.equal(String(fmt(de.moreServers, { n: 1234 })), '1.234 weitere Verbindungswege');
  for (const l of ['ar', 'de', 'ja']) {
    const t = await loadLocale(l);
    assert.match(String(fmt(t.portTitle, { port: 12345 })), /(^|[^\d])12345([^\d]|$)/, l);
  }
  // A message knows its values: h() isolates each in a <bdi>.
  assert.deepEqual(fmt(de.foundAnnounce, { name: 'Gmail', host: 'imap.gmail.com', port: 993, sec: 'SSL/TLS' }).parts,
    ['', 'Gmail', ': Posteingangsserver ', 'imap.gmail.com', ', Port ', '993', ', ', 'SSL/TLS', '.']);
});

test('every locale covers every port the core knows; the core sends no port text of its own', async () => {
  const { page, context } = await openWidget(browser, site.url);
  const rows = await page.evaluate(async () => (await import('./lib/api.js')).listPorts());
  assert.ok(rows.length >= 18);
  assert.deepEqual(rows.filter((r) => 'summary' in r || 'caveats' in r), [], 'the element\'s API carries numbers and codes only');
  for (const l of LANGS) assert.deepEqual(Object.keys(portTexts[l]).map(Number).sort((a, b) => a - b), rows.map((r) => r.port), l);
  await context.close();
});

/** Text of every element matching `sel`. */
const all = (w, sel) => css(w, sel).allTextContents();

for (const lang of LANGS) {
  test(`lang="${lang}": every view in ${lang}, and only ${lang}.js fetched`, async () => {
    const t = locales[lang];
    const { page, w, context, requests, problems } = await openWidget(browser, site.url, { attrs: { lang } });
    const core = await page.evaluate(async () => {
      // The element's own API (codes only): importing index.js would fetch en.js.
      const api = await import('./lib/api.js');
      return { gmail: api.lookupProvider('anna@gmail.com') };
    });
    assert.equal(await css(w, '[part~=root]').getAttribute('lang'), lang);
    assert.deepEqual(await all(w, '[role=tab]'), [t.tabs.settings, t.tabs.ports, t.tabs.recommend]);
    assert.equal(await css(w, '[role=tablist]').getAttribute('aria-label'), t.tablist);
    assert.equal(await css(w, 'label[for=email]').textContent(), t.emailLabel);

    // Find my settings: a provider, with its requirements, servers and setup area.
    await css(w, '#email').fill('anna@gmail.com');
    const card = css(w, '[part~=server][part~=incoming][part~=primary]');
    assert.equal(await card.locator('css=h3').textContent(), `${t.incoming} · IMAP`);
    assert.deepEqual(await card.locator('css=dt').allTextContents(), [t.field.hostname, t.field.port, t.security, t.field.username, t.signIn]);
    assert.equal(await card.locator('css=[part=security]').textContent(), t.sec['implicit-tls']);
    assert.equal(await css(w, '[part~=requirements] h3').textContent(), t.requirements);
    assert.deepEqual(await all(w, '[part~=requirements] li'), core.gmail.requirements.map((code) => t.req[code]));
    // Every server but the first of each side, then the other sources' alternatives.
    const { incoming, outgoing, alternatives } = core.gmail;
    const more = incoming.length + outgoing.length - 2 + alternatives.length;
    assert.ok(more >= 1);
    assert.equal(await css(w, '[part~=more] summary').textContent(), String(fmt((await loadLocale(lang)).moreServers, { n: more })));
    assert.deepEqual(await all(w, '[part~=server] [part=copy]').then((b) => [...new Set(b)]), [t.copy]);
    await css(w, '[part~=setup] h2').filter({ hasText: t.setup.title }).waitFor();
    // An unknown domain, and an error.
    await css(w, '#email').fill('anna@no-such-provider.example');
    assert.equal(await css(w, '[part~=unknown] h2').textContent(), String(fmt(t.unknownTitle, { domain: 'no-such-provider.example' })));
    // A typo: the question, its words and its question mark, are the locale's.
    await css(w, '#email').fill('anna@gmial.com');
    assert.equal(await css(w, '[part~=suggestion]').textContent(), String(fmt(t.didYouMean, { address: 'anna@gmail.com' })));
    await css(w, '#email').fill('anna@@gmail.com');
    assert.equal(await css(w, '#p-settings [part~=error]').textContent(), t.errors['invalid-address']);

    // Port lookup: a port with its summary and caveats, an unknown port, an error.
    await css(w, '[role=tab]').nth(1).click();
    assert.equal(await css(w, 'label[for=port]').textContent(), t.portLabel);
    await css(w, '#port').fill('587');
    const info = css(w, '[part~=port-info]');
    assert.equal(await info.locator('css=h2').textContent(), `${fmt(t.portTitle, { port: 587 })} (submission)`);
    assert.equal(await info.locator('css=[part=what]').textContent(),
      String(fmt(t.portWhat, { proto: 'SMTP', role: t.role.submission, sec: 'STARTTLS' })));
    assert.equal(await info.locator('css=[part=summary]').textContent(), portTexts[lang][587].summary);
    assert.equal(await info.locator('css=[part=verdict]').textContent(), t.verdict.use);
    assert.equal(await info.locator('css=[part=why]').textContent(), t.why.starttls);
    assert.deepEqual(await info.locator('css=[part=caveats] li').allTextContents(), portTexts[lang][587].caveats);
    await css(w, '#port').fill('25');
    assert.equal(await info.locator('css=[part=instead]').textContent(), String(fmt(t.instead, { port: 465 })));
    await css(w, '#port').fill('8080');
    assert.equal(await css(w, '#p-ports [part~=unknown]').textContent(), String(fmt(t.portUnknown, { port: 8080 })));
    await css(w, '#port').fill('99999');
    assert.equal(await css(w, '#p-ports [part~=error]').textContent(), t.errors['invalid-port']);
    assert.match(await css(w, '[part~=finder-result]').textContent(), new RegExp(`^${fmt(t.finderAnswer, { port: 993 })}`));

    // Recommend: questions, choices, reasons and warnings.
    await css(w, '[role=tab]').nth(2).click();
    assert.equal(await css(w, '#p-recommend legend').first().textContent(), t.q.devices);
    await css(w, 'input[name=devices][value="1"]').check();
    await css(w, 'input[name=offline][value=true]').check();
    assert.equal(await css(w, '#p-recommend h2').first().textContent(), t.recTitle);
    assert.equal(await css(w, '[part~=choice][part~=incoming] .verdict').textContent(),
      String(fmt(t.choice, { proto: 'POP3', port: 995, sec: t.sec['implicit-tls'] })));
    const reason = (code) => t.codes[code];
    const reasons = await all(w, '[part~=reasons] li');
    assert.ok(reasons.some((r) => r.startsWith(reason('pop3-single-device'))), reasons.join('\n'));
    assert.equal(await css(w, '[part~=warnings] h3').textContent(), t.head.warnings);
    const warnings = await all(w, '[part~=warnings] li');
    assert.ok(warnings.some((r) => r.startsWith(reason('pop3-local-copy'))), warnings.join('\n'));

    // The locale, and Port lookup's texts once a port was looked up: each of this language only.
    const fetched = requests.filter((u) => u.includes('/locales/')).map((u) => u.slice(u.indexOf('/locales/') + 9));
    assert.deepEqual(fetched, [`${lang}.js`, `ports/${lang}.js`]);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the page language counts when the element has none; then the browser’s languages, only when the page names none', async () => {
  const first = async (opts) => {
    const { w, context } = await openWidget(browser, site.url, opts);
    const got = [await css(w, '[role=tab]').first().textContent(), await css(w, '[part~=root]').getAttribute('lang')];
    await context.close();
    return got;
  };
  const tab = (l) => [locales[l].tabs.settings, l];
  assert.deepEqual(await first({ htmlLang: 'fr-CA' }), tab('fr'));
  assert.deepEqual(await first({ htmlLang: 'pt-PT' }), tab('pt-BR'));
  assert.deepEqual(await first({ htmlLang: 'zh-Hans-SG' }), tab('zh-CN'));
  assert.deepEqual(await first({ htmlLang: 'zh-TW' }), tab('en'));
  // The element's own lang first; one the element does not have falls to the page's.
  assert.deepEqual(await first({ htmlLang: 'es', attrs: { lang: 'ja' } }), tab('ja'));
  assert.deepEqual(await first({ htmlLang: 'es', attrs: { lang: 'sv' } }), tab('es'));
  // The browser's languages only when the page says nothing, first match first.
  assert.deepEqual(await first({ htmlLang: '', contextOptions: { locale: 'ko-KR' } }), tab('ko'));
  assert.deepEqual(await first({ htmlLang: 'de', contextOptions: { locale: 'ko-KR' } }), tab('de'));
  assert.deepEqual(await first({ htmlLang: 'sv', contextOptions: { locale: 'ko-KR' } }), tab('en'));
  assert.deepEqual(await first({ htmlLang: '', contextOptions: { locale: 'zh-TW' } }), tab('en'));
});

test('a lang on an ancestor counts, nearer than the page’s, also when the element is moved there', async () => {
  const { page, w, context } = await openWidget(browser, site.url, { htmlLang: 'de' });
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.lang = 'it';
    const el = document.querySelector('mail-ports');
    el.before(box);
    box.append(el);
  });
  await css(w, '[role=tab]').first().filter({ hasText: locales.it.tabs.settings }).waitFor();
  await context.close();
});

test('switching lang at run time re-renders in place, keeping view, input and focus', async () => {
  const { page, w, context } = await openWidget(browser, site.url, { attrs: { view: 'ports' } });
  await css(w, '#port').fill('993');
  for (const lang of ['de', 'ar', 'ja', 'pt-BR', 'en']) {
    await page.evaluate((l) => document.querySelector('mail-ports').setAttribute('lang', l), lang);
    await css(w, '[role=tab]').first().filter({ hasText: locales[lang].tabs.settings }).waitFor();
    assert.equal(await css(w, '#port').inputValue(), '993');
    assert.equal(await css(w, '[part~=port-info] [part=why]').textContent(), locales[lang].why.tls);
    assert.equal(await css(w, '[part~=port-info] [part=summary]').textContent(), portTexts[lang][993].summary);
    assert.equal(await css(w, '#p-ports').isVisible(), true);
    assert.equal(await css(w, '[part~=root]').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
  }
  // The page language counts too while the element has no lang of its own.
  await page.evaluate(() => {
    document.querySelector('mail-ports').removeAttribute('lang');
    document.documentElement.lang = 'uk';
  });
  await css(w, '[role=tab]').first().filter({ hasText: locales.uk.tabs.settings }).waitFor();
  await context.close();
});

test('every recommender reason code and provider requirement code has a message in every locale', async () => {
  const { page, context } = await openWidget(browser, site.url);
  const { catalog, reqs } = await page.evaluate(async () => {
    const api = await import('./lib/index.js');
    return { catalog: Object.keys(api.reasonCatalog()), reqs: [...new Set(api.listProviders().flatMap((p) => p.requirements))] };
  });
  assert.ok(catalog.length >= 20 && reqs.length >= 3);
  for (const l of LANGS) {
    assert.deepEqual(catalog.filter((c) => !locales[l].codes[c]), [], `${l} lacks reasons`);
    assert.deepEqual(Object.keys(locales[l].codes).filter((c) => !catalog.includes(c)), [], `${l}: unknown reasons`);
    assert.deepEqual(reqs.filter((c) => !locales[l].req[c]), [], `${l} lacks requirements`);
  }
  await context.close();
});

test('Arabic lays the element out right to left by itself; host names, ports and RFC references stay left to right', async () => {
  const { page, w, context } = await openWidget(browser, site.url, { attrs: { lang: 'ar' } });
  const events = await recordEvents(page);
  assert.equal(await css(w, '[part~=root]').getAttribute('dir'), 'rtl');
  await css(w, '#email').fill('anna@gmail.com');
  const card = css(w, '[part~=server][part~=incoming][part~=primary]');
  // The card reads right to left: its label column is on the right.
  const [dt, dd] = await Promise.all([card.locator('css=dt').first().boundingBox(), card.locator('css=dd').first().boundingBox()]);
  assert.ok(dt.x > dd.x, 'labels on the right');
  // "imap.gmail.com" and "993" keep their order: each character further right than the one before.
  for (const part of ['hostname', 'port', 'username']) {
    const order = await card.locator(`css=[part=${part}]`).evaluate((el) => {
      const text = el.firstChild;
      const xs = [...text.data].map((_, i) => {
        const r = document.createRange();
        r.setStart(text, i);
        r.setEnd(text, i + 1);
        return r.getBoundingClientRect().left;
      });
      return { dir: getComputedStyle(el).direction, text: text.data, increasing: xs.every((x, i) => i === 0 || x > xs[i - 1]) };
    });
    assert.deepEqual(order, { ...order, dir: 'ltr', increasing: true }, part);
  }
  // The address field is left to right too, and Copy copies the plain value.
  assert.equal(await css(w, '#email').evaluate((el) => getComputedStyle(el).direction), 'ltr');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await card.locator('css=[part=copy]').first().click();
  await page.waitForFunction(() => window.__mp.some((e) => e.type === 'mailports-copy'));
  assert.deepEqual((await events()).filter((e) => e.type === 'mailports-copy').map((e) => e.detail.value), ['imap.gmail.com']);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'imap.gmail.com');
  // Values inside sentences are isolated: the RFC list, the port in a title.
  await css(w, '[role=tab]').nth(1).click();
  await css(w, '#port').fill('587');
  const isolated = await css(w, '[part~=port-info]').evaluate((el) => [...el.querySelectorAll('bdi')].map((b) => [b.textContent, b.matches(':dir(ltr)')]));
  // Each takes the direction of its own first letter: Latin and digits left to right, Arabic words right to left.
  assert.deepEqual(isolated.filter(([s, ltr]) => ltr === /^[^A-Za-z0-9]*\p{Script=Arabic}/u.test(s)), []);
  assert.ok(isolated.some(([s]) => s.startsWith('RFC 6409')), JSON.stringify(isolated));
  assert.ok(isolated.some(([s]) => s === '587'));
  // A sentence built around values reads right to left: "SMTP على المنفذ 465، …" has SMTP at the right, then the port.
  await css(w, '[role=tab]').nth(2).click();
  const [proto, port] = await css(w, '[part~=choice][part~=outgoing] .verdict bdi').evaluateAll((bs) => bs.slice(0, 2).map((b) => b.getBoundingClientRect().left));
  assert.ok(proto > port, 'the protocol comes first, at the right');
  // ArrowLeft is "next" in right-to-left.
  await css(w, '[role=tab]').nth(1).click();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await css(w, '[role=tab]').nth(2).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowRight');
  assert.equal(await css(w, '[role=tab]').nth(1).getAttribute('aria-selected'), 'true');
  await context.close();
});

test('a dir the page sets wins over the language’s; an English element on an Arabic page is left to right', async () => {
  let { w, context } = await openWidget(browser, site.url, { attrs: { lang: 'ar', dir: 'ltr' } });
  assert.equal(await css(w, '[part~=root]').getAttribute('dir'), null);
  assert.equal(await css(w, '[role=tablist]').evaluate((el) => getComputedStyle(el).direction), 'ltr');
  await context.close();
  ({ w, context } = await openWidget(browser, site.url, { htmlLang: 'ar', dir: 'rtl', attrs: { lang: 'en' } }));
  assert.equal(await css(w, '[part~=root]').getAttribute('dir'), 'ltr');
  assert.equal(await css(w, '[role=tablist]').evaluate((el) => getComputedStyle(el).direction), 'ltr');
  await context.close();
  // A page in Arabic that sets dir itself keeps it.
  ({ w, context } = await openWidget(browser, site.url, { htmlLang: 'ar', dir: 'rtl' }));
  assert.equal(await css(w, '[part~=root]').getAttribute('dir'), null);
  assert.equal(await css(w, '[role=tablist]').evaluate((el) => getComputedStyle(el).direction), 'rtl');
  await context.close();
});
