// The Chromium half of the benchmark: builds a small site (the bundles from
// bench/bundle.mjs, dist/lib, the harness, three pages), serves it on
// 127.0.0.1 and measures in headless Chromium through tests/e2e/support.mjs.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, serveDir } from '../tests/e2e/support.mjs';

const TEXT = '<h1>Help centre</h1><p>Set up your mail app: find the server names, ports and security settings below.</p>';
const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>\n`;

/**
 * Writes the benchmark site into `site`: /lib (dist/lib), /peers/<name>.js,
 * /harness.mjs, and blank.html, baseline.html, widget.html.
 */
export function writeSite({ root, site, bundleDir, bundles }) {
  mkdirSync(path.join(site, 'peers'), { recursive: true });
  if (existsSync(path.join(root, 'dist/lib'))) cpSync(path.join(root, 'dist/lib'), path.join(site, 'lib'), { recursive: true });
  for (const name of Object.keys(bundles)) cpSync(path.join(bundleDir, name), path.join(site, 'peers', name), { recursive: true });
  cpSync(path.join(root, 'bench/harness.mjs'), path.join(site, 'harness.mjs'));
  writeFileSync(path.join(site, 'blank.html'), page(''));
  writeFileSync(path.join(site, 'baseline.html'), page(TEXT));
  // The widget page: the same text plus the element, registered by a module script.
  writeFileSync(path.join(site, 'widget.html'), page(`${TEXT}<mail-ports></mail-ports>
<script type="module">
  const el = document.querySelector('mail-ports');
  window.__bench = new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
    if (el.hasAttribute('ready')) done();
    else new MutationObserver((_, o) => { if (el.hasAttribute('ready')) { o.disconnect(); done(); } })
      .observe(el, { attributes: true, attributeFilter: ['ready'] });
  });
  window.__connect = performance.now();
  await import('/lib/define.js');
</script>`));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

// How the page loads each library and gets its first answer (runs in the page).
const START = {
  mailports: async () => {
    const m = await import('/lib/index.js');
    await m.initCore();
    return Boolean(m.suggestDomain('ana@gmial.com'));
  },
  mailcheck: async () => Boolean((await import('/peers/mailcheck/mailcheck.js')).default.run({ email: 'ana@gmial.com' })),
  'email-spell-checker': async () =>
    Boolean((await import('/peers/email-spell-checker/email-spell-checker.js')).default.run({ email: 'ana@gmial.com' })),
  'nodemailer-well-known': async () =>
    Boolean((await import('/peers/nodemailer-well-known/nodemailer-well-known.js')).default('ana@gmail.com')),
};

/**
 * Runs every Chromium measurement. `opts`: { items, levels, queries, allDomains,
 * rounds, minMs, starts (cold starts per case), hasMailports, keystroke }.
 */
export async function runBrowser({ site, items, levels, queries, allDomains, rounds, minMs, starts, hasMailports, hasElement }) {
  const server = await serveDir(site);
  const browser = await launch();
  const out = { suggest: [], lookup: [], startup: [], pages: [], version: browser.version() };
  try {
    // 1. Suites, in one page, with the same harness module as in Node.
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(`${server.url}blank.html`);
    Object.assign(out, await p.evaluate(async (a) => {
      const h = await import('/harness.mjs');
      const mods = {
        mailcheck: (await import('/peers/mailcheck/mailcheck.js')).default,
        spellChecker: (await import('/peers/email-spell-checker/email-spell-checker.js')).default,
        wellKnown: (await import('/peers/nodemailer-well-known/nodemailer-well-known.js')).default,
      };
      if (a.hasMailports) {
        mods.mailports = await import('/lib/index.js');
        await mods.mailports.initCore();
      }
      const suggest = h.suggestSuite({ items: a.items, mods, levels: a.levels, rounds: a.rounds, minMs: a.minMs });
      const lookup = h.lookupSuite({ queries: a.queries, mods, domains: a.allDomains, rounds: a.rounds, minMs: a.minMs });
      return { suggest, lookup };
    }, { items, levels, queries, allDomains, rounds, minMs, hasMailports }));
    await ctx.close();

    // 2. Cold starts: a fresh context (empty cache) per run.
    for (const [name, fn] of Object.entries(START)) {
      if (name === 'mailports' && !hasMailports) continue;
      const times = [];
      for (let i = 0; i < starts; i += 1) {
        const c = await browser.newContext();
        const pg = await c.newPage();
        await pg.goto(`${server.url}blank.html`);
        times.push(await pg.evaluate(`(async () => { const t0 = performance.now(); const ok = await (${fn})(); if (!ok) throw new Error('no answer'); return performance.now() - t0; })()`));
        await c.close();
      }
      out.startup.push({ library: name, ms: median(times), runs: times.length });
    }

    // 3. Pages: first contentful paint without and with the widget, and the
    //    time from the element's connection to its first painted UI.
    const pages = hasElement ? ['baseline', 'widget'] : ['baseline'];
    for (const name of pages) {
      const fcp = [];
      const ready = [];
      for (let i = 0; i < starts; i += 1) {
        const c = await browser.newContext();
        const pg = await c.newPage();
        const loaded = [];
        pg.on('requestfinished', (req) => loaded.push(new URL(req.url()).pathname));
        await pg.goto(`${server.url}${name}.html`, { waitUntil: 'load' });
        const r = await pg.evaluate(async () => {
          const painted = await new Promise((resolve) => {
            const seen = performance.getEntriesByName('first-contentful-paint');
            if (seen.length) resolve(seen[0].startTime);
            else new PerformanceObserver((l, o) => { o.disconnect(); resolve(l.getEntries()[0].startTime); })
              .observe({ type: 'paint', buffered: true });
          });
          const widget = window.__bench ? (await window.__bench) - window.__connect : null;
          return { fcp: painted, widget };
        });
        if (name === 'widget' && i === 0) out.widgetFiles = loaded.filter((f) => f.startsWith('/lib/'));
        fcp.push(r.fcp);
        if (r.widget !== null) ready.push(r.widget);
        await c.close();
      }
      out.pages.push({ page: name, fcp: median(fcp), widget: ready.length ? median(ready) : null, runs: fcp.length });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}
