// axe-core (WCAG 2.2 A and AA rules) on every view of <mail-ports>, with
// results on screen, in the light and the dark theme (forced with the `theme`
// attribute and through prefers-color-scheme), in Arabic (right to left) in
// both themes, and on the whole demo page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { openPage, withBrowserAndSite } from './support.mjs';
import { openWidget, css } from './element-support.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
let browser;
let site;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

/** Each view in a state with results showing: [view, set-up]. */
const STATES = {
  ports: ['ports', async (w) => {
    await css(w, '#port').fill('587');
    await css(w, '[part~=port-info]').waitFor();
  }],
  recommend: ['recommend', async (w) => {
    await css(w, 'input[name=devices][value="1"]').check();
    await css(w, 'input[name=offline][value=true]').check();
    await css(w, '[part~=warnings]').waitFor();
  }],
  'settings (provider found)': ['settings', async (w) => {
    await css(w, '#email').fill('anna@gmail.com');
    await css(w, '[part~=more] summary').click();
    await css(w, '[part~=server]').nth(2).waitFor();
  }],
  'settings (typo, unknown domain)': ['settings', async (w) => {
    await css(w, '#email').fill('anna@gmial.com');
    await css(w, '[part~=suggestion]').waitFor();
    await css(w, '[part~=unknown]').waitFor();
  }],
};

function report(violations) {
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`).join('\n');
}

for (const scheme of ['light', 'dark']) {
  for (const how of ['attribute', 'media']) {
    for (const [name, [view, setUp]] of Object.entries(STATES)) {
      test(`axe: ${name}, ${scheme} theme (${how === 'attribute' ? 'theme attribute' : 'prefers-color-scheme'})`, async () => {
        const { page, w, context } = await openWidget(browser, site.url, {
          attrs: how === 'attribute' ? { view, theme: scheme } : { view },
          contextOptions: { colorScheme: how === 'media' ? scheme : scheme === 'dark' ? 'light' : 'dark' },
        });
        await setUp(w);
        const bg = await page.evaluate(() => getComputedStyle(document.querySelector('mail-ports')).backgroundColor);
        assert.equal(bg, scheme === 'dark' ? 'rgb(21, 25, 30)' : 'rgb(255, 255, 255)');
        const { violations, passes } = await new AxeBuilder({ page }).withTags(TAGS).include('mail-ports').analyze();
        assert.equal(violations.length, 0, report(violations));
        assert.ok(passes.some((p) => p.id === 'color-contrast'), 'contrast was checked');
        await context.close();
      });
    }
  }
}

// Arabic: laid out right to left by the language alone (the fixture page is lang="en" dir="ltr").
for (const scheme of ['light', 'dark']) {
  for (const [name, [view, setUp]] of Object.entries(STATES)) {
    test(`axe: Arabic, right to left, ${name}, ${scheme} theme`, async () => {
      const { page, w, context } = await openWidget(browser, site.url, { attrs: { view, theme: scheme, lang: 'ar' } });
      await setUp(w);
      assert.equal(await css(w, '[role=tablist]').evaluate((el) => getComputedStyle(el).direction), 'rtl');
      const { violations, passes } = await new AxeBuilder({ page }).withTags(TAGS).include('mail-ports').analyze();
      assert.equal(violations.length, 0, report(violations));
      assert.ok(passes.some((p) => p.id === 'color-contrast'), 'contrast was checked');
      await context.close();
    });
  }
}

test('axe: the whole demo page, light and dark, with the widget loaded', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await openPage(browser, site.url, { colorScheme });
    await page.locator('mail-ports[ready]').waitFor();
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.equal(violations.length, 0, `${colorScheme}: ${report(violations)}`);
    await context.close();
  }
});
