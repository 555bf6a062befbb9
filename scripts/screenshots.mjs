// Screenshots of each <mail-ports> view in the light and the dark theme, for
// the README: docs/screenshots/<view>-<theme>.png; Find my settings in
// Arabic (right to left) and Japanese: settings-<lang>-light.png; and the
// settings view in each engine the tests drive, to compare their layout:
// docs/screenshots/settings-<engine>.png. `npm run screenshots`.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib.mjs';
import { serve } from './serve.mjs';
import { ENGINES, startEngine, startSite, fixturePage } from '../tests/e2e/engines.mjs';

const out = path.join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// What each view shows in its picture.
const STATES = {
  async settings(w) {
    await w.locator('css=#email').fill('anna@gmail.com');
    await w.locator('css=[part~=provider]').waitFor();
  },
  async ports(w) {
    await w.locator('css=#port').fill('587');
    await w.locator('css=[part~=port-info]').waitFor();
  },
  async recommend(w) {
    await w.locator('css=input[name=devices][value="1"]').check();
    await w.locator('css=input[name=offline][value=true]').check();
    await w.locator('css=[part~=choice]').first().waitFor();
  },
};

const { server, url } = await serve({ root: path.join(root, 'dist') });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });
for (const theme of ['light', 'dark']) {
  const context = await browser.newContext({ viewport: { width: 820, height: 900 }, colorScheme: theme, deviceScaleFactor: 1 });
  await context.route('**/shot.html', (r) => r.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><title>shot</title><script type="module" src="lib/define.js"></script>
<body style="margin:0;padding:16px;background:${theme === 'dark' ? '#0e1116' : '#f7f8fa'}"><mail-ports theme="${theme}"></mail-ports>`,
  }));
  const page = await context.newPage();
  await page.goto(`${url}shot.html`);
  await page.locator('mail-ports[ready]').waitFor();
  const w = page.locator('mail-ports');
  for (const [view, setUp] of Object.entries(STATES)) {
    await page.evaluate((v) => { document.querySelector('mail-ports').view = v; }, view);
    await setUp(w);
    await page.mouse.move(0, 0);
    await page.evaluate(() => document.activeElement?.blur());
    const file = path.join(out, `${view}-${theme}.png`);
    await w.screenshot({ path: file, animations: 'disabled' });
    console.log(path.relative(root, file));
  }
  await context.close();
}
for (const lang of ['ar', 'ja']) {
  const context = await browser.newContext({ viewport: { width: 820, height: 900 }, colorScheme: 'light', deviceScaleFactor: 1 });
  await context.route('**/shot.html', (r) => r.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="${lang}"><title>shot</title><script type="module" src="lib/define.js"></script>
<body style="margin:0;padding:16px;background:#f7f8fa"><mail-ports theme="light"></mail-ports>`,
  }));
  const page = await context.newPage();
  await page.goto(`${url}shot.html`);
  await page.locator('mail-ports[ready]').waitFor();
  const w = page.locator('mail-ports');
  await STATES.settings(w);
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement?.blur());
  const file = path.join(out, `settings-${lang}-light.png`);
  await w.screenshot({ path: file, animations: 'disabled' });
  console.log(path.relative(root, file));
  await context.close();
}
await browser.close();
server.close();

// The same settings view, light theme, 788 px wide, in Chromium, Firefox and WebKit.
const site = await startSite();
for (const name of ENGINES) {
  const engine = await startEngine(name);
  try {
    const tab = await engine.open(site.page(fixturePage({
      attrs: { theme: 'light', email: 'anna@gmail.com' },
      extraHead: '<style>body{margin:0;padding:16px;background:#f7f8fa}main>h1{display:none}</style>',
    })), { viewport: { width: 820, height: 1200 } }); // tall enough for the whole widget: no scroll bar
    await tab.visible('[part~=provider]');
    await tab.evaluate(() => document.activeElement?.blur());
    // WebKitGTK under Xvfb can hand back an earlier paint (the loading
    // skeleton) right after the content appears: let two frames and a
    // moment pass first.
    await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500)))));
    const file = path.join(out, `settings-${name}.png`);
    writeFileSync(file, await tab.screenshot());
    console.log(path.relative(root, file));
  } finally {
    await engine.close();
  }
}
await site.close();
