// The cross-engine suite: the same scenarios in Chromium, Firefox and WebKit
// (engines.mjs drives each). Every test title starts with its engine. Where an
// engine behaves differently the expectation says so, and why, in ENGINE
// below; nothing is skipped.
//
// Provider assertions stay with Gmail (imap.gmail.com on 993, smtp.gmail.com):
// the other providers' data changes more often than this suite should.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './support.mjs';
import { ENGINES, startEngine, startSite, fixturePage } from './engines.mjs';

const LANGS = ['en', 'de', 'fr', 'es'];
const locales = {};
for (const l of LANGS) {
  locales[l] = (await import(pathToFileURL(path.join(projectRoot, 'www/src/locales', `${l}.js`)).href)).default;
}
const en = locales.en;
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * What differs between the engines, each with its reason. The tests read
 * these instead of branching on the engine name.
 */
const ENGINE = {
  chromium: {
    // Chromium lets a focused page write to the clipboard without a user
    // gesture, so the refusal comes from the page's Permissions-Policy
    // (clipboard-write=()), which Chromium enforces.
    clipboardRefusedBy: 'Permissions-Policy: clipboard-write=()',
    // Trusted Types: in Chromium since version 83.
    trustedTypes: true,
  },
  firefox: {
    // Firefox has no clipboard-write policy; it refuses navigator.clipboard
    // .writeText() without transient user activation, as from a script's click().
    clipboardRefusedBy: 'no user activation (a script called click())',
    // puppeteer-core runs every evaluate() with BiDi's userActivation: true,
    // which Firefox treats as a user gesture for the next 5 s
    // (dom.user_activation.transient.timeout): a refusal needs a click after that.
    scriptActivationMs: 5000,
    // Trusted Types: this Firefox ESR (153) enforces them.
    trustedTypes: true,
  },
  webkit: {
    // Same as Firefox: WebKit ignores the policy and wants a user gesture.
    clipboardRefusedBy: 'no user activation (a script called click())',
    // Trusted Types: this WebKitGTK (2.50) enforces them. An engine without
    // them would get the same policy minus require-trusted-types-for.
    trustedTypes: true,
    // WebKit caps every text field at 524,288 characters (its implicit
    // maxlength), so half of a 1 MB paste arrives; that is still far too long.
    fieldLimit: 524_288,
  },
};

const HOST_IN = '[part~=incoming][part~=primary] [part=hostname]';
const PORT_IN = '[part~=incoming][part~=primary] [part=port]';
const HOST_OUT = '[part~=outgoing][part~=primary] [part=hostname]';

/** The CSP a help-desk site with a strict policy sends, with Trusted Types required. */
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";

for (const name of ENGINES) {
  describe(name, () => {
    const expect = ENGINE[name];
    let engine;
    let site;
    before(async () => {
      site = await startSite();
      engine = await startEngine(name);
    });
    after(async () => {
      await engine?.close();
      await site?.close();
    });

    /** Opens a fixture page (fixturePage options) and waits for mail-ports[ready]. */
    async function open(pageOptions = {}, { headers, viewport } = {}) {
      const url = site.page(fixturePage(pageOptions), headers);
      const tab = await engine.open(url, { viewport });
      await tab.waitFor(() => document.querySelector('mail-ports[ready]'));
      return tab;
    }

    /** A test titled "<engine>: <title>" with a fresh tab from `open`, closed afterwards. */
    function scenario(title, fn) {
      test(`${name}: ${title}`, async () => {
        const tabs = [];
        try {
          await fn({ open: async (...a) => { const t = await open(...a); tabs.push(t); return t; } });
        } finally {
          for (const t of tabs) await t.close();
        }
      });
    }

    scenario('Find my settings by keyboard: anna@gmail.com shows imap.gmail.com on 993 and smtp.gmail.com', async ({ open }) => {
      const tab = await open();
      assert.deepEqual(await tab.texts('[role=tab]'), [en.tabs.settings, en.tabs.ports, en.tabs.recommend]);
      await tab.evaluate(() => document.querySelector('mail-ports').shadowRoot.getElementById('t-settings').focus());
      await tab.press('Tab');
      assert.equal(await tab.focusedId(), 'email');
      await tab.type('anna@gmail.com');
      assert.equal(await tab.textMatches(HOST_IN, 'imap.gmail.com'), 'imap.gmail.com');
      assert.equal(await tab.text(PORT_IN), '993');
      assert.equal(await tab.text(HOST_OUT), 'smtp.gmail.com');
      assert.equal(await tab.text('[part~=incoming][part~=primary] [part=username]'), 'anna@gmail.com');
      const last = (await tab.events('mailports-result')).at(-1);
      assert.equal(last.detail.status, 'found');
      assert.equal(last.detail.email, 'anna@gmail.com');
      assert.equal(last.detail.provider.incoming[0].hostname, 'imap.gmail.com');
      assert.equal(last.detail.provider.incoming[0].port, 993);
      assert.ok(last.bubbles && last.composed);
      assert.equal(await tab.evaluate(() => document.querySelector('mail-ports').email), 'anna@gmail.com');
      assert.deepEqual(await tab.problems(), []);
    });

    scenario('tabs by keyboard: arrows from the focused tab, Home and End move selection and focus; Tab enters the panel', async ({ open }) => {
      const tab = await open();
      const selected = () => tab.evaluate(() => [...document.querySelector('mail-ports').shadowRoot.querySelectorAll('[role=tab]')]
        .filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => `${t.id}:${t.tabIndex}`));
      const shown = () => tab.evaluate(() => [...document.querySelector('mail-ports').shadowRoot.querySelectorAll('[role=tabpanel]')]
        .filter((p) => p.getClientRects().length > 0).map((p) => p.id));
      await tab.evaluate(() => document.querySelector('mail-ports').shadowRoot.getElementById('t-settings').focus());
      await tab.press('ArrowRight');
      assert.deepEqual(await selected(), ['t-ports:0']);
      assert.equal(await tab.focusedId(), 't-ports');
      assert.deepEqual(await shown(), ['p-ports']);
      assert.equal(await tab.evaluate(() => document.querySelector('mail-ports').getAttribute('view')), 'ports');
      await tab.press('ArrowRight');
      assert.deepEqual(await selected(), ['t-recommend:0']);
      await tab.press('ArrowRight'); // wraps around
      assert.deepEqual(await selected(), ['t-settings:0']);
      await tab.press('ArrowLeft');
      assert.equal(await tab.focusedId(), 't-recommend');
      await tab.press('Home');
      assert.deepEqual(await selected(), ['t-settings:0']);
      await tab.press('End');
      assert.deepEqual(await selected(), ['t-recommend:0']);
      assert.deepEqual(await shown(), ['p-recommend']);
      await tab.press('Home');
      await tab.press('Tab');
      assert.equal(await tab.focusedId(), 'email');
      const changes = await tab.events('mailports-view-change');
      assert.deepEqual(changes.map((e) => e.detail), [
        { view: 'ports', previous: 'settings' },
        { view: 'recommend', previous: 'ports' },
        { view: 'settings', previous: 'recommend' },
        { view: 'recommend', previous: 'settings' },
        { view: 'settings', previous: 'recommend' },
        { view: 'recommend', previous: 'settings' },
        { view: 'settings', previous: 'recommend' },
      ]);
    });

    scenario('by pointer: tabs switch views, and a typo suggestion (gmial.com) is taken with one click', async ({ open }) => {
      const tab = await open();
      await tab.click('#t-ports');
      assert.equal(await tab.evaluate(() => document.querySelector('mail-ports').view), 'ports');
      assert.equal(await tab.inWidget((r) => r.getElementById('p-ports').hidden), false);
      await tab.click('#t-recommend');
      assert.equal(await tab.inWidget((r) => r.getElementById('p-ports').hidden), true);
      await tab.click('#t-settings');
      await tab.click('#email');
      await tab.type('anna@gmial.com');
      const offer = en.didYouMean.replace('{address}', 'anna@gmail.com');
      assert.equal(await tab.textMatches('[part~=suggestion]', offer), offer);
      assert.equal((await tab.events('mailports-result')).at(-1).detail.suggestion, 'anna@gmail.com');
      await tab.click('[part~=suggestion] button');
      assert.equal(await tab.inWidget((r) => r.getElementById('email').value), 'anna@gmail.com');
      assert.equal(await tab.textMatches(HOST_IN, 'imap.gmail.com'), 'imap.gmail.com');
      assert.equal(await tab.focusedId(), 'email');
      assert.deepEqual((await tab.events('mailports-view-change')).map((e) => e.detail.view), ['ports', 'recommend', 'settings']);
    });

    scenario('port lookup by keyboard: 587 is submission with STARTTLS, 8080 is not mail, abc is no port', async ({ open }) => {
      const tab = await open();
      await tab.evaluate(() => document.querySelector('mail-ports').shadowRoot.getElementById('t-settings').focus());
      await tab.press('ArrowRight');
      await tab.press('Tab');
      assert.equal(await tab.focusedId(), 'port');
      await tab.type('587');
      assert.equal(await tab.textMatches('[part~=port-info] h2', 'Port 587 (submission)'), 'Port 587 (submission)');
      assert.match(await tab.text('[part~=port-info] [part=what]'), /SMTP, for sending mail from an app \(submission\), STARTTLS/);
      assert.equal(await tab.text('[part~=port-info] [part=verdict]'), en.verdict.use);
      assert.match(await tab.text('[part~=port-info]'), /RFC 6409/);
      const last = (await tab.events('mailports-result')).at(-1).detail;
      assert.deepEqual([last.view, last.port, last.advice, last.info.security], ['ports', 587, 'use', 'starttls']);
      for (let i = 0; i < 3; i++) await tab.press('Backspace');
      await tab.type('8080');
      assert.equal(await tab.textMatches('#p-ports [part~=unknown]', 'Port 8080 is not used for email. A mail app has no reason to use it.'),
        'Port 8080 is not used for email. A mail app has no reason to use it.');
      await tab.fill('#port', 'abc');
      assert.equal(await tab.textMatches('#p-ports [part~=error]', en.errors['invalid-port']), en.errors['invalid-port']);
    });

    scenario('port lookup by pointer: picking 465 from the list, then SMTP + STARTTLS in the finder gives 587', async ({ open }) => {
      const tab = await open({ attrs: { view: 'ports' } });
      await tab.select('#pick', '465');
      assert.equal(await tab.textMatches('[part~=port-info] h2', 'Port 465 (submissions, urd)'), 'Port 465 (submissions, urd)');
      assert.equal(await tab.inWidget((r) => r.getElementById('port').value), '465');
      assert.match(await tab.text('[part~=finder-result]'), /^Port 993 IMAP with SSL\/TLS/);
      await tab.select('#proto', 'smtp');
      await tab.select('#sec', 'starttls');
      assert.match(await tab.textMatches('[part~=finder-result]', /^Port 587 /), /^Port 587 Sending with STARTTLS/);
      const last = (await tab.events('mailports-result')).at(-1).detail;
      assert.deepEqual(last, { view: 'ports', protocol: 'smtp', security: 'starttls', port: 587 });
    });

    scenario('recommend by keyboard: one device that reads offline gets POP3 on 995', async ({ open }) => {
      const tab = await open();
      const verdict = '[part~=choice][part~=incoming] .verdict';
      await tab.evaluate(() => document.querySelector('mail-ports').shadowRoot.getElementById('t-settings').focus());
      await tab.press('End');
      assert.equal(await tab.text(verdict), 'IMAP on port 993, SSL/TLS (implicit TLS)');
      await tab.press('Tab'); // the first question (devices), at its checked answer
      assert.equal(await tab.evaluate(() => document.querySelector('mail-ports').shadowRoot.activeElement.name), 'devices');
      await tab.press('ArrowDown'); // "on one device only"
      await tab.press('Tab'); // the next question (offline)
      await tab.press('ArrowDown'); // "yes"
      assert.equal(await tab.textMatches(verdict, 'POP3 on port 995, SSL/TLS (implicit TLS)'), 'POP3 on port 995, SSL/TLS (implicit TLS)');
      const warnings = await tab.texts('[part~=warnings] li');
      assert.ok(warnings.some((w) => w.startsWith('POP3 normally removes mail from the server')), warnings.join('\n'));
      const last = (await tab.events('mailports-result')).at(-1).detail;
      assert.deepEqual([last.needs.devices, last.needs.offline, last.result.incoming.port], [1, true, 995]);
    });

    scenario('recommend by pointer: Exchange gets Exchange over HTTPS on 443; receive-only drops sending', async ({ open }) => {
      const tab = await open({ attrs: { view: 'recommend' } });
      await tab.click('input[name=exchange][value=true]');
      assert.equal(await tab.textMatches('[part~=choice][part~=incoming] .verdict', /443/),
        'Exchange (Autodiscover) on port 443, SSL/TLS (implicit TLS)');
      await tab.click('input[name=exchange][value=false]');
      await tab.click('input[name=sends][value=false]');
      await tab.waitFor(() => !document.querySelector('mail-ports').shadowRoot.querySelector('[part~=choice][part~=outgoing]'));
      assert.ok((await tab.texts('[part~=reasons] li')).some((r) => r.startsWith('You do not send from this client')));
    });

    scenario('every locale (en, de, fr, es) shows its own texts and fetches only its own module', async ({ open }) => {
      for (const lang of LANGS) {
        const t = locales[lang];
        const mark = site.requests.length;
        const tab = await open({ attrs: { lang, view: 'ports' } });
        assert.deepEqual(await tab.texts('[role=tab]'), [t.tabs.settings, t.tabs.ports, t.tabs.recommend], lang);
        assert.equal(await tab.text('label[for=port]'), t.portLabel, lang);
        assert.equal(await tab.inWidget((r) => r.querySelector('[role=tablist]').getAttribute('aria-label')), t.tablist, lang);
        await tab.fill('#port', '587');
        assert.equal(await tab.textMatches('[part~=port-info] [part=why]', t.why.starttls), t.why.starttls, lang);
        await tab.fill('#port', '99999');
        assert.equal(await tab.textMatches('#p-ports [part~=error]', t.errors['invalid-port']), t.errors['invalid-port'], lang);
        const fetched = site.since(mark).map(([p]) => p).filter((p) => p.includes('/locales/')).map((p) => p.slice(p.indexOf('/locales/') + 9));
        assert.deepEqual(fetched, [`${lang}.js`, `ports/${lang}.js`], lang);
        assert.equal(await tab.evaluate(() => document.querySelector('mail-ports').shadowRoot.querySelector('.root').lang), lang);
        await tab.close();
      }
    });

    scenario('right-to-left: ArrowLeft moves to the next tab, cards mirror, addresses stay left-to-right', async ({ open }) => {
      const tab = await open({ dir: 'rtl', attrs: { email: 'anna@gmail.com' } }, { viewport: { width: 820, height: 900 } });
      await tab.visible(HOST_IN);
      const layout = await tab.inWidget((r) => {
        const rect = (el) => el.getBoundingClientRect();
        const card = r.querySelector('[part~=incoming][part~=primary]');
        const out = r.querySelector('[part~=outgoing][part~=primary]');
        const style = getComputedStyle(card);
        return {
          direction: style.direction,
          // The card's coloured edge (an inset shadow) is on the right: a negative x offset.
          edge: style.boxShadow.match(/(-?\d+)px 0px 0px/)?.[1],
          incomingRightOfOutgoing: rect(card).left > rect(out).left,
          hostnameDir: getComputedStyle(r.querySelector('[part=hostname]')).direction,
          emailDir: getComputedStyle(r.getElementById('email')).direction,
          firstTabRightmost: rect(r.getElementById('t-settings')).left > rect(r.getElementById('t-ports')).left,
        };
      });
      assert.deepEqual(layout, {
        direction: 'rtl', edge: '-4', incomingRightOfOutgoing: true,
        hostnameDir: 'ltr', emailDir: 'ltr', firstTabRightmost: true,
      });
      await tab.evaluate(() => document.querySelector('mail-ports').shadowRoot.getElementById('t-settings').focus());
      await tab.press('ArrowLeft');
      assert.equal(await tab.focusedId(), 't-ports');
      await tab.press('ArrowRight');
      assert.equal(await tab.focusedId(), 't-settings');
    });

    scenario('Copy buttons put the value on the clipboard: a paste gives it back', async ({ open }) => {
      const tab = await open({ after: '<textarea id="paste" aria-label="paste here"></textarea>' });
      await tab.fill('#email', 'anna@gmail.com');
      await tab.click('[aria-label="Copy server name"]');
      assert.equal(await tab.textMatches('[aria-label="Copy server name"]', en.copied), en.copied);
      assert.deepEqual((await tab.events('mailports-copy')).map((e) => e.detail), [{ field: 'hostname', value: 'imap.gmail.com', ok: true }]);
      const announced = en.copiedAnnounce.replace('{what}', en.field.hostname).replace('{value}', 'imap.gmail.com');
      assert.equal(await tab.textMatches('[role=status][part=status]', announced), announced);
      await tab.evaluate(() => document.getElementById('paste').focus());
      await tab.press('Control+v');
      assert.equal(await tab.waitFor(() => document.getElementById('paste').value), 'imap.gmail.com');
      // The button says so for two seconds, then is a Copy button again.
      assert.equal(await tab.textMatches('[aria-label="Copy server name"]', en.copy), en.copy);
    });

    scenario(`where the clipboard refuses (${expect.clipboardRefusedBy}), the text is selected to copy by hand`, async ({ open }) => {
      const tab = await open({ attrs: { email: 'anna@gmail.com' }, after: '<textarea id="paste" aria-label="paste here"></textarea>' },
        { headers: { 'Permissions-Policy': 'clipboard-write=()' } });
      await tab.visible(HOST_IN);
      // A click from the page's own script, once any activation the driver gave has run out.
      await tab.inWidget((r, wait) => new Promise((done) => setTimeout(() => {
        r.querySelector('[aria-label="Copy server name"]').click();
        done();
      }, wait)), expect.scriptActivationMs ? expect.scriptActivationMs + 500 : 0);
      await tab.waitFor(() => window.__mp.some((e) => e.type === 'mailports-copy'));
      assert.deepEqual((await tab.events('mailports-copy')).map((e) => e.detail), [{ field: 'hostname', value: 'imap.gmail.com', ok: false }]);
      assert.equal(await tab.text('[aria-label="Copy server name"]'), en.copyFailed);
      assert.equal(await tab.evaluate(() => String(getSelection())), 'imap.gmail.com');
      assert.equal(await tab.text('[role=status][part=status]'), en.copyFailedAnnounce.replace('{what}', en.field.hostname));
      // The selection is the person's to copy: Ctrl+C, then a paste elsewhere.
      await tab.press('Control+c');
      await tab.evaluate(() => document.getElementById('paste').focus());
      await tab.press('Control+v');
      assert.equal(await tab.waitFor(() => document.getElementById('paste').value), 'imap.gmail.com');
    });

    scenario('Set up automatically: the Apple profile and the SRV records download with the Gmail servers', async ({ open }) => {
      for (const f of readdirSync(engine.downloads)) if (/^gmail\.com/.test(f)) rmSync(path.join(engine.downloads, f));
      const tab = await open();
      await tab.fill('#email', 'anna@gmail.com');
      await tab.click('[part~=setup] button', en.setup.apple);
      const profile = await tab.download('gmail.com.mobileconfig');
      assert.match(profile, /^<\?xml[^>]*\?>\s*<!DOCTYPE plist/);
      assert.match(profile, /<key>IncomingMailServerHostName<\/key>\s*<string>imap\.gmail\.com<\/string>/);
      assert.match(profile, /<key>IncomingMailServerPortNumber<\/key>\s*<integer>993<\/integer>/);
      assert.match(profile, /<key>OutgoingMailServerHostName<\/key>\s*<string>smtp\.gmail\.com<\/string>/);
      await tab.click('[part~=setup-admin] summary');
      await tab.click('[aria-label="Download the SRV records"]');
      const srv = await tab.download('gmail.com.srv.zone');
      assert.match(srv, /^_imaps\._tcp\s+IN SRV \d+ \d+ 993 imap\.gmail\.com\.$/m);
      assert.match(srv, /^_submissions\._tcp\s+IN SRV \d+ \d+ 465 smtp\.gmail\.com\.$/m);
      assert.deepEqual(await tab.problems(), []);
    });

    scenario(`strict Content-Security-Policy${expect.trustedTypes ? ' with Trusted Types' : ''}: every view works and nothing is reported`, async ({ open }) => {
      const policy = expect.trustedTypes ? STRICT_CSP : STRICT_CSP.replace(/; require-trusted-types-for 'script'$/, '');
      const tab = await open({}, { headers: { 'Content-Security-Policy': policy } });
      await tab.fill('#email', 'anna@gmail.com');
      assert.equal(await tab.textMatches(HOST_IN, 'imap.gmail.com'), 'imap.gmail.com');
      // The full module and setup-files.js load on demand under the policy.
      for (const f of readdirSync(engine.downloads)) if (/^gmail\.com/.test(f)) rmSync(path.join(engine.downloads, f));
      await tab.click('[part~=setup] button', en.setup.apple);
      assert.match(await tab.download('gmail.com.mobileconfig'), /imap\.gmail\.com/);
      await tab.fill('#email', 'anna@gmial.com');
      await tab.click('[part~=suggestion] button');
      await tab.textMatches(HOST_IN, 'imap.gmail.com');
      await tab.click('#t-ports');
      await tab.fill('#port', '993');
      assert.match(await tab.textMatches('[part~=port-info] h2', /^Port 993/), /^Port 993/);
      await tab.click('#t-recommend');
      await tab.click('input[name=offline][value=true]');
      await tab.click('input[name=devices][value="1"]');
      await tab.textMatches('[part~=choice][part~=incoming] .verdict', /^POP3 on port 995/);
      // A locale module loads at run time under the policy, and the dark theme applies.
      await tab.evaluate(() => {
        const el = document.querySelector('mail-ports');
        el.theme = 'dark';
        el.setAttribute('lang', 'de');
      });
      await tab.textMatches('#t-ports', locales.de.tabs.ports);
      assert.equal(await tab.evaluate(() => getComputedStyle(document.querySelector('mail-ports')).backgroundColor), 'rgb(21, 25, 30)');
      assert.deepEqual(await tab.evaluate(() => window.__csp), []);
      assert.deepEqual(await tab.problems(), []);
      // The policy is in force: an inline script, and with Trusted Types an HTML string sink, are refused.
      const refused = await tab.evaluate(() => {
        const out = {};
        try {
          document.createElement('div').innerHTML = '<b>x</b>';
          out.sink = 'allowed';
        } catch (e) {
          out.sink = e instanceof TypeError ? 'TypeError' : String(e);
        }
        try {
          // With Trusted Types the text assignment throws; without, CSP blocks the script.
          const s = document.createElement('script');
          s.textContent = 'window.__inline = true';
          document.head.append(s);
        } catch {}
        out.inline = window.__inline === true;
        return out;
      });
      assert.deepEqual(refused, { sink: expect.trustedTypes ? 'TypeError' : 'allowed', inline: false });
      const seen = await tab.waitFor(() => window.__csp.length > 0 && window.__csp.join('\n'));
      // With Trusted Types both attempts stop at the sink, before script-src is consulted.
      assert.match(seen, expect.trustedTypes ? /^require-trusted-types-for .*innerHTML/m : /^script-src/m);
    });

    scenario('hostile provider names, user names and typed text show literally; nothing runs', async ({ open }) => {
      const PAYLOADS = [
        '<script>window.__xss=1</script>',
        '<img src=x onerror="window.__xss=2">',
        '"><svg onload=window.__xss=3>',
        'javascript:window.__xss=4',
        '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>',
        '<details open ontoggle=window.__xss=6>',
        '{{constructor.constructor(\'window.__xss=7\')()}} ${window.__xss=8} {name} $& $1',
      ];
      const tab = await open();
      await tab.evaluate(async (payloads) => {
        const api = await import('./lib/index.js');
        payloads.forEach((p, i) => api.registerProvider({
          id: `hostile-${i}`, name: p, domains: [`hostile-${i}.test`],
          incoming: [{ protocol: 'imap', hostname: `imap.hostile-${i}.test`, port: 993, security: 'implicit-tls', username: p }],
          outgoing: [{ protocol: 'smtp', hostname: `smtp.hostile-${i}.test`, port: 465, security: 'implicit-tls', username: p }],
        }));
      }, PAYLOADS);
      const inert = () => tab.inWidget((r) => ({
        xss: window.__xss ?? null,
        foreign: [...r.querySelectorAll('script,img,svg,iframe,details[ontoggle],a,style,template,math')].map((e) => e.localName),
        handlers: [...r.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
      }));
      for (const [i, p] of PAYLOADS.entries()) {
        await tab.evaluate((e) => { document.querySelector('mail-ports').email = e; }, `ana@hostile-${i}.test`);
        assert.equal(await tab.textMatches('[part~=provider] h2', /hostile-/), `${p} (hostile-${i}.test)`);
        assert.deepEqual(await tab.texts('[part~=username]'), [p, p]);
        assert.deepEqual(await inert(), { xss: null, foreign: [], handlers: [] }, p);
      }
      // Typed into the field: refused as an address, and kept as text in the field.
      const typed = 'a@<img src=x onerror=window.__xss=9>.test';
      await tab.fill('#email', typed);
      await tab.visible('#p-settings [part~=error]');
      const last = (await tab.events('mailports-result')).at(-1).detail;
      assert.deepEqual([last.status, last.email], ['error', typed]);
      assert.equal(await tab.text('#p-settings [part~=error]'), en.errors[last.error]);
      assert.equal(await tab.inWidget((r) => r.getElementById('email').value), typed);
      assert.deepEqual(await inert(), { xss: null, foreign: [], handlers: [] });
      assert.deepEqual(await tab.problems(), []);
    });

    scenario('a 1 MB paste into each field gets a clear error and the page stays responsive', async ({ open }) => {
      const tab = await open();
      const paste = (sel, n) => tab.inWidget((r, s, len) => {
        const input = r.querySelector(s);
        input.focus();
        input.select();
        document.execCommand('insertText', false, 'x'.repeat(len));
        return input.value.length;
      }, sel, n);
      assert.equal(await paste('#email', 1 << 20), Math.min(1 << 20, expect.fieldLimit ?? Infinity));
      assert.equal(await tab.textMatches('#p-settings [part~=error]', en.errors['too-long']), en.errors['too-long']);
      assert.equal(await tab.evaluate(() => 6 * 7), 42);
      await tab.click('#t-ports');
      assert.equal(await paste('#port', 1 << 20), 12, 'the paste is cut to maxlength');
      assert.equal(await tab.textMatches('#p-ports [part~=error]', en.errors['invalid-port']), en.errors['invalid-port']);
      await tab.fill('#port', '993');
      assert.match(await tab.textMatches('[part~=port-info] h2', /^Port 993/), /^Port 993/);
      assert.deepEqual(await tab.problems(), []);
    });

    scenario('the one-tag embed (<script async src=".../embed.js">) renders and answers', async ({ open }) => {
      const tab = await open({ head: '', body: '<article><script async src="lib/embed.js"></script><mail-ports></mail-ports></article>' });
      await tab.evaluate(() => { document.querySelector('mail-ports').email = 'anna@gmail.com'; });
      assert.equal(await tab.textMatches(HOST_IN, 'imap.gmail.com'), 'imap.gmail.com');
      assert.equal(await tab.text(HOST_OUT), 'smtp.gmail.com');
      assert.deepEqual(await tab.problems(), []);
    });

    for (const theme of ['light', 'dark']) {
      scenario(`axe-core: no violations in any view with results showing (${theme} theme)`, async ({ open }) => {
        const tab = await open({ attrs: { theme } });
        await tab.evaluate((src) => {
          const s = document.createElement('script');
          s.textContent = src;
          document.head.append(s);
        }, AXE);
        const axe = (label) => tab.evaluate(async (tags) => {
          const r = await window.axe.run(document.querySelector('mail-ports'), { runOnly: { type: 'tag', values: tags } });
          return {
            violations: r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
            contrast: r.passes.some((p) => p.id === 'color-contrast'),
          };
        }, AXE_TAGS).then((r) => ({ ...r, label }));
        const results = [];
        await tab.fill('#email', 'anna@gmail.com');
        await tab.click('[part~=more] summary');
        await tab.visible('[part~=more] [part~=server]');
        results.push(await axe('settings, provider found'));
        await tab.fill('#email', 'anna@gmial.com');
        await tab.visible('[part~=suggestion]');
        results.push(await axe('settings, typo and unknown domain'));
        await tab.click('#t-ports');
        await tab.fill('#port', '587');
        await tab.visible('[part~=port-info]');
        results.push(await axe('ports'));
        await tab.click('#t-recommend');
        await tab.click('input[name=offline][value=true]');
        await tab.visible('[part~=warnings]');
        results.push(await axe('recommend'));
        for (const r of results) {
          assert.deepEqual(r.violations, [], r.label);
          assert.ok(r.contrast, `contrast was checked (${r.label})`);
        }
      });
    }

    // iOS zooms the page in when a text field or select with a font under 16px
    // gets focus (radio buttons take no text and do not zoom).
    scenario('every text field and select is at least 16px (no zoom on focus in iOS) and names its keyboard and autofill', async ({ open }) => {
      const tab = await open({ extraHead: '<style>html{font-size:14px}</style>' });
      const fields = () => tab.inWidget((r) => [...r.querySelectorAll('input:not([type=radio]), select')].map((el) => ({
        id: el.id || `${el.name}=${el.value}`,
        size: parseFloat(getComputedStyle(el).fontSize),
        inputmode: el.getAttribute('inputmode'),
        autocomplete: el.getAttribute('autocomplete'),
        type: el.type,
      })));
      for (const compact of [false, true]) {
        await tab.evaluate((c) => { document.querySelector('mail-ports').compact = c; }, compact);
        const all = await fields();
        assert.equal(all.length, 5);
        const small = all.filter((f) => f.size < 16).map((f) => `${f.id}: ${f.size}px`);
        assert.deepEqual(small, [], `compact=${compact}`);
      }
      assert.deepEqual((await fields()).map((f) => [f.id, f.inputmode, f.autocomplete]), [
        ['email', 'email', 'email'],
        ['port', 'numeric', 'off'],
        ['pick', null, 'off'],
        ['proto', null, 'off'],
        ['sec', null, 'off'],
      ]);
    });

    scenario('layout at 820px: the Gmail server cards sit side by side and nothing overflows', async ({ open }) => {
      const tab = await open({ attrs: { email: 'anna@gmail.com' } }, { viewport: { width: 820, height: 900 } });
      await tab.visible(HOST_IN);
      const layout = await tab.inWidget((r) => {
        const a = r.querySelector('[part~=incoming][part~=primary]').getBoundingClientRect();
        const b = r.querySelector('[part~=outgoing][part~=primary]').getBoundingClientRect();
        const tabs = [...r.querySelectorAll('[role=tab]')].map((t) => Math.round(t.getBoundingClientRect().top));
        const overflowing = [...r.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
          .map((e) => e.localName);
        const host = document.querySelector('mail-ports');
        return {
          sideBySide: Math.abs(a.top - b.top) < 1 && a.right <= b.left,
          tabsOnOneRow: new Set(tabs).size === 1,
          widerThanHost: [...r.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > host.getBoundingClientRect().right + 0.5)
            .map((e) => e.localName),
          overflowing,
        };
      });
      assert.deepEqual(layout, { sideBySide: true, tabsOnOneRow: true, widerThanHost: [], overflowing: [] });
    });
  });
}
