// <mail-ports> "Set up automatically": the Apple profile download, and behind
// the "For administrators" disclosure the autoconfig file and the SRV records,
// each downloadable and copyable; axe on the opened area.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { withBrowserAndSite } from './support.mjs';
import { openWidget, recordEvents, css } from './element-support.mjs';

let browser;
let site;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

/** Clicks `button` and returns { name, text } of the file the browser downloads. */
async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: dl.suggestedFilename(), text: await readFile(await dl.path(), 'utf8') };
}

test('the profile for Apple devices downloads as a plist with the Gmail servers and no password', async () => {
  const { page, w, context, problems } = await openWidget(browser, site.url, { contextOptions: { acceptDownloads: true } });
  await css(w, '#email').fill('anna@gmail.com');
  const setup = css(w, '[part~=setup]');
  assert.equal(await setup.locator('css=h2').textContent(), 'Set up automatically');
  const file = await download(page, setup.getByRole('button', { name: 'Download profile for iPhone, iPad and Mac' }));
  assert.equal(file.name, 'gmail.com.mobileconfig');
  assert.match(file.text, /^<\?xml[^>]*\?>\s*<!DOCTYPE plist/);
  assert.match(file.text, /<string>com\.apple\.mail\.managed<\/string>/);
  assert.match(file.text, /<key>IncomingMailServerHostName<\/key>\s*<string>imap\.gmail\.com<\/string>/);
  assert.match(file.text, /<key>IncomingMailServerPortNumber<\/key>\s*<integer>993<\/integer>/);
  assert.match(file.text, /anna@gmail\.com/);
  // No password travels in the file (the flag saying both servers share one is fine).
  const keys = [...file.text.matchAll(/<key>([^<]*Password[^<]*)<\/key>/g)].map((m) => m[1]);
  assert.deepEqual(keys, ['OutgoingPasswordSameAsIncomingPassword']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('administrators get the SRV records as a file and the autoconfig XML through Copy', async () => {
  const { page, w, context } = await openWidget(browser, site.url, {
    attrs: { email: 'anna@gmail.com' },
    contextOptions: { acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] },
  });
  const events = await recordEvents(page);
  const admin = css(w, '[part~=setup-admin]');
  assert.equal(await admin.getByRole('button', { name: 'Download the SRV records' }).isVisible(), false, 'closed at first');
  await admin.locator('css=summary').click();
  const srv = await download(page, admin.getByRole('button', { name: 'Download the SRV records' }));
  assert.equal(srv.name, 'gmail.com.srv.zone');
  assert.match(srv.text, /^_imaps\._tcp\s+IN SRV \d+ \d+ 993 imap\.gmail\.com\.$/m);
  assert.match(srv.text, /^_submissions\._tcp\s+IN SRV \d+ \d+ 465 smtp\.gmail\.com\.$/m);

  const copy = admin.getByRole('button', { name: 'Copy the autoconfig file' });
  await copy.click();
  const xml = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(xml, /^<\?xml/);
  assert.match(xml, /<clientConfig version="1\.1">/);
  assert.match(xml, /<hostname>imap\.gmail\.com<\/hostname>/);
  assert.equal(await copy.textContent(), 'Copied');
  assert.equal(await css(w, '[role=status]').textContent(), 'Copied: autoconfig file.');
  const copied = (await events()).filter((e) => e.type === 'mailports-copy');
  assert.equal(copied.length, 1);
  assert.equal(copied[0].detail.field, 'autoconfig');
  assert.equal(copied[0].detail.value, xml);
  assert.equal(copied[0].detail.ok, true);

  const autoconfig = await download(page, admin.getByRole('button', { name: 'Download the autoconfig file' }));
  assert.equal(autoconfig.name, 'config-v1.1.xml');
  assert.equal(autoconfig.text, xml);
  await context.close();
});

test('files are made on the first press: the full module loads only then', async () => {
  const { page, w, context, requests } = await openWidget(browser, site.url, { contextOptions: { acceptDownloads: true } });
  await css(w, '#email').fill('anna@gmail.com');
  const button = css(w, '[part~=setup]').getByRole('button', { name: 'Download profile for iPhone, iPad and Mac' });
  await button.waitFor();
  assert.ok(!requests.some((u) => /mailports_full|setup-files/.test(u)), 'nothing is fetched before a press');
  const file = await download(page, button);
  assert.equal(file.name, 'gmail.com.mobileconfig');
  assert.ok(requests.some((u) => u.endsWith('/mailports_full_bg.wasm')), 'the full module was fetched');
  await context.close();
});

test('an OAuth-only provider gets no password-only profile, but word of what works, in every shipped locale', async () => {
  for (const [lang, oauthOnly, apple] of [
    ['en', 'A profile file cannot set up Outlook.com', 'Download profile for iPhone, iPad and Mac'],
    ['de', 'Ein Profil kann Outlook.com nicht einrichten', 'Profil für iPhone, iPad und Mac herunterladen'],
    ['fr', 'Un profil ne peut pas configurer Outlook.com', null],
    ['es', 'Un perfil no puede configurar Outlook.com', null],
  ]) {
    const { w, context } = await openWidget(browser, site.url, { attrs: { lang } });
    await css(w, '#email').fill('kim@outlook.com');
    const note = css(w, '[part~=setup] [part=oauth-only]');
    await note.waitFor();
    assert.ok((await note.textContent()).startsWith(oauthOnly), `${lang}: ${await note.textContent()}`);
    if (apple) assert.equal(await css(w, '[part~=setup]').getByRole('button', { name: apple }).count(), 0, lang);
    assert.equal(await css(w, '[part~=setup] button').filter({ hasText: /iPhone/ }).count(), 0, lang);
    // The status says what works, not that the provider is broken.
    const status = await css(w, '[part=provider-status]').textContent();
    assert.doesNotMatch(status, /badly|schlecht|mal |mal\b/i, lang);
    assert.match(status, /Outlook\.com/, lang);
    // The autoconfig file can carry OAuth 2.0, so administrators still get it.
    await css(w, '[part~=setup-admin] summary').click();
    assert.equal(await css(w, '[part~=setup-admin] li').count(), 2, lang);
    await context.close();
  }
});

test('the setup area is localised, and empty while no provider is shown', async () => {
  const { w, context } = await openWidget(browser, site.url, { attrs: { lang: 'de' } });
  await css(w, '#email').fill('anna@example.invalid');
  await css(w, '[part~=unknown]').first().waitFor();
  assert.equal(await css(w, '[part~=setup]').evaluate((n) => n.childElementCount), 0);
  await css(w, '#email').fill('anna@gmail.com');
  const setup = css(w, '[part~=setup]');
  assert.equal(await setup.locator('css=h2').textContent(), 'Automatisch einrichten');
  await setup.getByRole('button', { name: 'Profil für iPhone, iPad und Mac herunterladen' }).waitFor();
  assert.equal(await setup.locator('css=summary').textContent(), 'Für Administratoren');
  await context.close();
});

for (const theme of ['light', 'dark']) {
  test(`axe: the opened setup area (${theme} theme) has no violations`, async () => {
    const { page, w, context } = await openWidget(browser, site.url, { attrs: { theme, email: 'anna@gmail.com' } });
    await css(w, '[part~=setup-admin] summary').click();
    await css(w, '[part~=setup-admin] li').nth(1).waitFor();
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).include('mail-ports').analyze();
    assert.equal(violations.length, 0, violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`).join('\n'));
    await context.close();
  });
}
