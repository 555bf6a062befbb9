// What a page really loads for <mail-ports>, compressed as a server would send
// it: the ceiling is 85 KB brotli for everything, wasm, glue, element, styles
// and one locale. Compression is deterministic, so this is a fair test; the
// build prints the same table. What loads only on demand (the full module for
// setup files and discovery) is checked to stay out of the first load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openPage, distDir, withBrowserAndSite } from './support.mjs';
import { filesReport, pageFiles, locales } from '../../scripts/sizes.mjs';
import { LANGS } from '../../www/src/i18n.js';

const BUDGET_BROTLI = 85 * 1024; // 87,040 bytes

const libDir = path.join(distDir, 'lib');

let browser;
let site;

/** The widget's own files among `urls`, relative to lib/, sorted and without repeats. */
function ownFiles(urls) {
  const base = new URL('lib/', site.url).href;
  return [...new Set(urls.filter((u) => u.startsWith(base)).map((u) => u.slice(base.length)))].sort();
}

/** Brotli bytes of `files` in lib/, as a server compressing at the highest level would send them. */
const brotliOf = (files) => filesReport(libDir, files).total.brotli;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

test('the files a page loads for the widget are the ones the build reports, within 85 KB brotli in every language', async () => {
  const { page, requests, context } = await openPage(browser, site.url);
  await page.locator('mail-ports[ready]').waitFor();
  // Use every view, and show a provider with its setup area, so anything
  // loaded for them is counted too.
  for (const view of ['ports', 'recommend', 'settings']) {
    await page.evaluate((v) => { document.querySelector('mail-ports').view = v; }, view);
  }
  await page.evaluate(() => { document.querySelector('mail-ports').email = 'ana@gmail.com'; });
  await page.locator('mail-ports [part~=setup] button').first().waitFor();
  await page.waitForLoadState('networkidle');

  const loaded = ownFiles(requests);
  assert.deepEqual(loaded, [...pageFiles(libDir, 'en')].sort(), 'the build size report lists exactly what the page fetched');
  // A page in another language fetches that locale instead of en.js (the
  // i18n tests check it): every language must fit the budget.
  const langs = locales(libDir);
  assert.deepEqual(langs, [...LANGS].sort(), 'every language the element offers is measured');
  for (const lang of langs) {
    const brotli = brotliOf(pageFiles(libDir, lang));
    console.log(`widget page weight (${lang}): ${(brotli / 1024).toFixed(1)} KB brotli (budget ${BUDGET_BROTLI / 1024} KB)`);
    assert.ok(brotli <= BUDGET_BROTLI, `${lang}: ${brotli} bytes brotli is over the budget of ${BUDGET_BROTLI}`);
  }

  // Asking for a setup file fetches the full module and setup-files.js, and nothing else.
  const before = requests.length;
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.locator('mail-ports [part~=setup] button').first().click()]);
  assert.match(download.suggestedFilename(), /\.mobileconfig$/);
  await page.waitForLoadState('networkidle');
  const later = ownFiles(requests.slice(before));
  assert.deepEqual(later, ['mailports_full.js', 'mailports_full_bg.wasm', 'setup-files.js']);
  console.log(`loaded for the first setup file: ${(brotliOf(later) / 1024).toFixed(1)} KB brotli`);

  // Looking up a port fetches Port lookup's texts in the page's language, and nothing else.
  const mark = requests.length;
  await page.evaluate(() => { document.querySelector('mail-ports').view = 'ports'; });
  await page.locator('mail-ports #port').fill('587');
  await page.locator('mail-ports [part~=port-info] [part=summary]').waitFor();
  await page.waitForLoadState('networkidle');
  const texts = ownFiles(requests.slice(mark));
  assert.deepEqual(texts, ['locales/ports/en.js']);
  console.log(`loaded for the first port lookup: ${(brotliOf(texts) / 1024).toFixed(1)} KB brotli`);
  await context.close();
});
