// Shared setup for the end-to-end tests: headless Chromium through
// playwright-core, and the built dist/ served on 127.0.0.1.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = path.join(projectRoot, 'dist');

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];

export function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** Serves `root` (default dist/) on a free port; returns { url, close }. */
export async function serveDir(root = distDir, headers) {
  const { server, url } = await serve({ root, headers });
  return { url, close: () => new Promise((r) => server.close(r)) };
}

/**
 * For a whole test file: launches Chromium and serves dist/ before its tests
 * (handing both to `use`), and closes them after.
 */
export function withBrowserAndSite(use) {
  let browser;
  let site;
  before(async () => {
    browser = await launch();
    site = await serveDir();
    use(browser, site);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });
}

/**
 * Opens `url` in a fresh context and records console errors, page errors and
 * failed or 4xx/5xx requests, so a test can assert that a page is clean.
 */
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.goto(url);
  return { context, page, problems, requests };
}
