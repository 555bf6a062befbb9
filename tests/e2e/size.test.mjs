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

let browser;
let site;
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
  // Use every view so anything loaded on demand is counted too.
  for (const view of ['settings', 'ports', 'recommend']) {
    await page.evaluate((v) => { document.querySelector('mail-ports').view = v; }, view);
  }
  await page.waitForLoadState('networkidle');
  await context.close();

  const libBase = new URL('lib/', site.url).href;
  const loaded = [...new Set(requests.filter((u) => u.startsWith(libBase)).map((u) => u.slice(libBase.length)))].sort();
  assert.deepEqual(loaded, [...pageFiles(path.join(distDir, 'lib'))].sort(),
    'the build size report lists exactly what the page fetched');

  let brotli = 0;
  for (const file of loaded) brotli += compressedSizes(readFileSync(path.join(distDir, 'lib', file))).brotli;
  console.log(`widget page weight: ${(brotli / 1024).toFixed(1)} KB brotli ` +
    `(target ${TARGET_BROTLI / 1024} KB, ceiling ${CEILING_BROTLI / 1024} KB)`);
  assert.ok(brotli <= CEILING_BROTLI, `${brotli} bytes brotli exceeds the ceiling of ${CEILING_BROTLI}`);
});
