// Lighthouse on the demo page (dist/index.html), served locally, in headless
// Chromium: `npm run lighthouse` (not a test). Prints the four category
// scores and exits non-zero when one is below 95. Mobile emulation with
// Lighthouse's default throttling, which is the stricter of its two presets;
// `--desktop` uses the desktop preset instead.
//   CHROME_PATH=/usr/bin/chromium node scripts/lighthouse.mjs [--desktop] [--json FILE]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { root, run, log } from './lib.mjs';
import { serve } from './serve.mjs';

const MIN = 95;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};

run('node', ['scripts/build.mjs', '--if-needed']);
const { server, url } = await serve({ root: path.join(root, 'dist') });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const config = process.argv.includes('--desktop') ? desktopConfig : undefined;
  const { lhr } = await lighthouse(`${url}index.html`, {
    port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES,
  }, config);
  if (arg('--json')) writeFileSync(arg('--json'), JSON.stringify(lhr, null, 2));
  console.log(`Lighthouse ${lhr.lighthouseVersion} on dist/index.html (${config ? 'desktop' : 'mobile'} preset)`);
  for (const id of CATEGORIES) {
    const score = Math.round((lhr.categories[id].score ?? 0) * 100);
    if (score < MIN) failed = true;
    console.log(`  ${lhr.categories[id].title.padEnd(16)} ${String(score).padStart(3)}${score < MIN ? `  (below ${MIN})` : ''}`);
    if (score < 100) {
      for (const ref of lhr.categories[id].auditRefs) {
        const a = lhr.audits[ref.id];
        if (ref.weight > 0 && a.score !== null && a.score < 1) console.log(`      - ${a.id}: ${a.title} (${a.displayValue ?? a.score})`);
      }
    }
  }
  const m = (id) => lhr.audits[id]?.displayValue ?? '-';
  console.log(`  FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}`);
} catch (e) {
  log(`lighthouse failed: ${e.message}`);
  failed = true;
} finally {
  await chrome.kill();
  server.close();
}
process.exit(failed ? 1 : 0);
