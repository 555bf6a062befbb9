// www/src/setup-files.js in headless Chromium: an exportConfig() result
// becomes a real download with the right name and bytes, and the helper
// leaves nothing behind in the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { openPage, withBrowserAndSite } from './support.mjs';

let browser;
let site;

withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

test('downloadFile saves an exported file under its own name', async () => {
  const { context, page, problems } = await openPage(browser, site.url, { acceptDownloads: true });
  try {
    const [download, result] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(async () => {
        const { init, exportConfig } = await import('/lib/index.js');
        const { downloadFile, toBlob } = await import('/lib/setup-files.js');
        await init();
        const file = exportConfig({
          domain: 'example.com',
          name: 'Example <Mail>',
          incoming: [{ protocol: 'imap', hostname: 'imap.example.com', port: 993, security: 'implicit-tls' }],
          outgoing: [{ protocol: 'smtp', hostname: 'smtp.example.com', port: 465, security: 'implicit-tls' }],
        }, 'apple-mobileconfig');
        const before = document.querySelectorAll('a').length;
        const link = downloadFile(file, { revokeAfterMs: 0 });
        const blob = toBlob(file);
        let typeError = '';
        try {
          toBlob({ filename: 'x' });
        } catch (e) {
          typeError = e.name;
        }
        return {
          content: file.content,
          linkGone: !link.isConnected && document.querySelectorAll('a').length === before,
          blobType: blob.type,
          blobSize: blob.size,
          typeError,
        };
      }),
    ]);
    assert.equal(download.suggestedFilename(), 'example.com.mobileconfig');
    const saved = await readFile(await download.path(), 'utf8');
    assert.equal(saved, result.content);
    assert.match(saved, /<string>Example &lt;Mail&gt;<\/string>/);
    assert.equal(result.linkGone, true);
    assert.equal(result.blobType, 'application/x-apple-aspen-config');
    assert.equal(result.blobSize, new TextEncoder().encode(result.content).length);
    assert.equal(result.typeError, 'TypeError');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('downloadFile makes unsafe file names safe', async () => {
  const { context, page } = await openPage(browser, site.url, { acceptDownloads: true });
  try {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(async () => {
        const { downloadFile } = await import('/lib/setup-files.js');
        downloadFile({ filename: '../a/b:c*?.json', mimeType: 'application/json', content: '{}' });
      }),
    ]);
    assert.equal(download.suggestedFilename(), '_a_b_c__.json');
  } finally {
    await context.close();
  }
});
