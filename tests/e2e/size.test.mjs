// What a page really loads for <mail-ports>, compressed as a server would send
// it. The budget is 80 KB brotli; the widget does not meet it yet (the
// wasm alone is about 130 KB), so this test holds the line at the current
// ceiling to stop further growth, and prints the total next to the target.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, serveDir, openPage, distDir } from './support.mjs';
import { compressedSizes, pageFiles } from '../../scripts/sizes.mjs';

const TARGET_BROTLI = 80 * 1024; // the goal (issue: ship it), reported, not yet met
const CEILING_BROTLI = 160 * 1024; // today's size plus a little: growth beyond it fails

const libDir = path.join(distDir, 'lib');

let browser;
let site;

/** The widget's own files among `urls`, relative to lib/, sorted and without repeats. */
function ownFiles(urls) {
  const base = new URL('lib/', site.url).href;
  return [...new Set(urls.filter((u) => u.startsWith(base)).map((u) => u.slice(base.length)))].sort();
}

/** Brotli bytes of `files` in lib/, as a server compressing at the highest level would send them. */
const brotliOf = (files) => files.reduce((n, f) => n + compressedSizes(readFileSync(path.join(libDir, f))).brotli, 0);
before(async () => {
  browser = await launch();
  site = await serveDir();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test('the files a page loads for the widget are the ones the build reports, within the ceiling', async () => {
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
  assert.deepEqual(loaded, [...pageFiles(libDir)].sort(), 'the build size report lists exactly what the page fetched');
  const brotli = brotliOf(loaded);
  console.log(`widget page weight: ${(brotli / 1024).toFixed(1)} KB brotli ` +
    `(target ${TARGET_BROTLI / 1024} KB, ceiling ${CEILING_BROTLI / 1024} KB)`);
  assert.ok(brotli <= CEILING_BROTLI, `${brotli} bytes brotli exceeds the ceiling of ${CEILING_BROTLI}`);

  // Asking for a setup file fetches the full module and setup-files.js, and nothing else.
  const before = requests.length;
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.locator('mail-ports [part~=setup] button').first().click()]);
  assert.match(download.suggestedFilename(), /\.mobileconfig$/);
  await page.waitForLoadState('networkidle');
  const later = ownFiles(requests.slice(before));
  assert.deepEqual(later, ['mailports_full.js', 'mailports_full_bg.wasm', 'setup-files.js']);
  console.log(`loaded for the first setup file: ${(brotliOf(later) / 1024).toFixed(1)} KB brotli`);
  await context.close();
});
