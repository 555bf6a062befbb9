// <mail-ports> Find my settings: provider lookup, typo suggestions, copy
// buttons, the provider restriction and localised requirements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withBrowserAndSite } from './support.mjs';
import { openWidget, recordEvents, css } from './element-support.mjs';

let browser;
let site;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

const active = (page) => page.evaluate(() => {
  const a = document.querySelector('mail-ports').shadowRoot.activeElement;
  return a && (a.id || a.getAttribute('aria-label') || a.textContent);
});

test('typing anna@gmail.com shows imap.gmail.com, port 993, implicit TLS and the user name', async () => {
  const { page, w, context } = await openWidget(browser, site.url);
  const events = await recordEvents(page);
  await css(w, '#email').focus();
  await page.keyboard.type('anna@gmail.com');
  const incoming = css(w, '[part~=server][part~=incoming][part~=primary]');
  assert.equal(await incoming.locator('css=h3').textContent(), 'Incoming mail · IMAP');
  assert.equal(await incoming.locator('css=[part=hostname]').textContent(), 'imap.gmail.com');
  assert.equal(await incoming.locator('css=[part=port]').textContent(), '993');
  assert.equal(await incoming.locator('css=[part=security]').textContent(), 'SSL/TLS (implicit TLS)');
  assert.equal(await incoming.locator('css=[part=username]').textContent(), 'anna@gmail.com');
  const outgoing = css(w, '[part~=server][part~=outgoing][part~=primary]');
  assert.equal(await outgoing.locator('css=[part=hostname]').textContent(), 'smtp.gmail.com');
  assert.match(await outgoing.locator('css=[part=port]').textContent(), /^(465|587)$/);
  assert.match(await css(w, '[part~=provider] h2').textContent(), /gmail\.com/i);
  assert.equal(await w.getAttribute('email'), 'anna@gmail.com');
  const found = (await events()).filter((e) => e.type === 'mailports-result' && e.detail.status === 'found');
  assert.ok(found.length >= 1);
  assert.equal(found.at(-1).detail.email, 'anna@gmail.com');
  assert.equal(found.at(-1).detail.provider.incoming[0].hostname, 'imap.gmail.com');
  // One event per new answer, not per keystroke: the last keystrokes changed nothing visible.
  await page.waitForFunction(() => /imap\.gmail\.com/.test(document.querySelector('mail-ports').shadowRoot.querySelector('[role=status]').textContent));
  await context.close();
});

test('copy buttons copy the value, say so visibly and to screen readers, and fire mailports-copy', async () => {
  const { page, w, context } = await openWidget(browser, site.url, {
    attrs: { email: 'anna@gmail.com' },
    contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
  });
  const events = await recordEvents(page);
  const incoming = css(w, '[part~=server][part~=incoming][part~=primary]');
  // Mouse.
  const hostCopy = incoming.getByRole('button', { name: 'Copy server name' });
  await hostCopy.click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'imap.gmail.com');
  assert.equal(await hostCopy.textContent(), 'Copied');
  assert.equal(await css(w, '[part=status]').textContent(), 'Server copied: imap.gmail.com');
  // Keyboard: focus the port's copy button and press Enter.
  await incoming.getByRole('button', { name: 'Copy port' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t === '993'));
  assert.equal(await active(page), 'Copy port');
  const copies = (await events()).filter((e) => e.type === 'mailports-copy');
  assert.deepEqual(copies.map((e) => e.detail), [
    { field: 'hostname', value: 'imap.gmail.com', ok: true },
    { field: 'port', value: '993', ok: true },
  ]);
  assert.ok(copies.every((e) => e.bubbles && e.composed));
  // The confirmation goes back to "Copy" after a moment.
  await hostCopy.filter({ hasText: /^Copy$/ }).waitFor({ timeout: 5000 });
  await context.close();
});

test('a typo gets a "did you mean" that fixes the address when chosen', async () => {
  const { page, w, context } = await openWidget(browser, site.url);
  const events = await recordEvents(page);
  await css(w, '#email').fill('anna@gmial.com');
  const suggestion = css(w, '[part~=suggestion]');
  assert.equal(await suggestion.textContent(), 'Did you mean anna@gmail.com?');
  const last = (await events()).filter((e) => e.type === 'mailports-result').at(-1).detail;
  assert.equal(last.suggestion, 'anna@gmail.com');
  await suggestion.getByRole('button', { name: 'anna@gmail.com' }).click();
  assert.equal(await css(w, '#email').inputValue(), 'anna@gmail.com');
  assert.equal(await active(page), 'email');
  assert.equal(await css(w, '[part~=incoming][part~=primary] [part=hostname]').textContent(), 'imap.gmail.com');
  assert.equal(await css(w, '[part~=suggestion]').count(), 0);
  await context.close();
});

test('invalid addresses get a clear message and break nothing', async () => {
  const { w, context, problems } = await openWidget(browser, site.url);
  for (const bad of ['anna@@gmail.com', 'a b@exa mple.com', `${'x'.repeat(300)}@example.com`, 'anna@exa\u202Emple.com']) {
    await css(w, '#email').fill(bad);
    const text = await css(w, '#p-settings [part~=result]').textContent();
    assert.ok(text.length > 0, bad);
    assert.doesNotMatch(text, /undefined|\[object/, bad);
  }
  await css(w, '#email').fill('anna@gmail.com');
  assert.equal(await css(w, '[part~=incoming][part~=primary] [part=hostname]').textContent(), 'imap.gmail.com');
  assert.deepEqual(problems, []);
  await context.close();
});

test('provider="gmail.com" restricts the view to that provider', async () => {
  const { page, w, context } = await openWidget(browser, site.url, { attrs: { provider: 'gmail.com' } });
  const names = await page.evaluate(async () => {
    const api = await import('./lib/index.js');
    return [api.lookupProvider('gmail.com').name, api.lookupProvider('outlook.com').name];
  });
  assert.equal(await css(w, '#email-hint').textContent(), `Settings for ${names[0]} addresses. The address never leaves this page.`);
  await css(w, '#email').fill('bob@outlook.com');
  assert.equal(await css(w, '[part~=unknown]').textContent(),
    `This address belongs to ${names[1]}. This page only covers ${names[0]} addresses.`);
  assert.equal(await css(w, '[part~=server]').count(), 0);
  await css(w, '#email').fill('bob@gmail.com');
  assert.equal(await css(w, '[part~=incoming][part~=primary] [part=hostname]').textContent(), 'imap.gmail.com');
  await context.close();
});

test('the settings view speaks German, including its labels and copy buttons', async () => {
  const { w, context } = await openWidget(browser, site.url, { attrs: { lang: 'de', email: 'anna@gmail.com' } });
  const incoming = css(w, '[part~=server][part~=incoming][part~=primary]');
  assert.equal(await incoming.locator('css=h3').textContent(), 'Posteingang · IMAP');
  assert.equal(await incoming.locator('css=[part=security]').textContent(), 'SSL/TLS (implizites TLS)');
  assert.equal(await incoming.getByRole('button', { name: 'Servernamen kopieren' }).textContent(), 'Kopieren');
  assert.equal(await css(w, 'label[for=email]').textContent(), 'Ihre E-Mail-Adresse');
  await context.close();
});
