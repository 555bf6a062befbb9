// The element's own speed in headless Chromium: startup and keystroke ->
// rendered result latency of <mail-ports>, each at full CPU speed and with
// the CPU throttled through the Chrome DevTools Protocol
// (`Emulation.setCPUThrottlingRate`; 4× stands for a mid-range phone).
// A benchmark, not a test: `npm run bench:keystroke` (builds dist/ if needed);
// `npm run bench` runs it too and puts its figures into the goals table.
//
// Per CPU rate:
//  - ready: from just before the module that defines the element is imported
//    (the element is in the page already, so it connects on definition)
//    until it sets its `ready` attribute; median of --starts fresh contexts
//    (empty cache). "painted" adds the two animation frames after it.
//  - first suggesting keystroke: in each of those fresh pages, right after
//    `ready`, `ana@gmial.com` is typed key by key; the first keystroke whose
//    result shows a suggestion is the first one that needs the typo
//    suggester. Its input -> rendered time, median over the starts.
//  - series: 1,000 real key presses per view (CDP Input events) into one page,
//    after a warm-up: Find my settings (typing addresses), Port lookup (typing
//    ports) and Recommend (arrow keys moving between the answers of a
//    question, which re-runs the recommendation), next to a bare <input> in a
//    shadow root with a no-op listener (the baseline, same page, same run).
//
// Two clocks per keystroke, both read inside the page:
//  - input -> rendered: from a capturing `input` listener on the shadow root
//    (before the element's own handler) to a bubbling one (`change` for the
//    radio buttons of Recommend) that forces style and layout of the result,
//    as the next frame would: the widget's own cost per keystroke;
//  - keydown -> rendered: from the keydown event's timestamp, which adds the
//    browser's own key handling (text editing, beforeinput) on top.
// Timer resolution is 0.1 ms (the page is not cross-origin isolated), so
// percentiles are multiples of 0.1 ms.
//
//   node bench/keystroke.mjs [--keys N] [--starts N] [--rates 1,4] [--json FILE]
import { chromium } from 'playwright-core';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root, run } from '../scripts/lib.mjs';
import { serve } from '../scripts/serve.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const KEYS = Number(arg('keys', 1000));
const STARTS = Number(arg('starts', 5));
const RATES = arg('rates', '1,4').split(',').map(Number);
const JSON_OUT = arg('json', null);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

// What people type: known providers, a typo, unknown domains; and ports.
const ADDRESSES = ['anna@gmail.com', 'bob@gmial.com', 'carla@outlook.com', 'dieter@web.de', 'eve@yahoo.com',
  'farid@example.org', 'gus@gmx.net', 'hana@icloud.com', 'ines@posteo.de', 'jo@fastmail.com'];
const PORTS = ['587', '993', '25', '465', '110', '143', '995', '2525', '8080', '70000'];
const TYPO = 'ana@gmial.com';

if (!existsSync(path.join(root, 'dist/lib/element.js'))) run('node', ['scripts/build.mjs', '--if-needed']);

const PAGE = `<!doctype html><html lang="en"><title>bench</title>
<mail-ports></mail-ports><div id="base"></div>
<script type="module">
  const el = document.querySelector('mail-ports');
  window.__ready = new Promise((resolve) => {
    const done = () => {
      const ready = performance.now();
      requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ready, painted: performance.now() })));
    };
    new MutationObserver((_, o) => { if (el.hasAttribute('ready')) { o.disconnect(); done(); } })
      .observe(el, { attributes: true, attributeFilter: ['ready'] });
  });
  window.__define = performance.now();
  await import('./lib/define.js');
</script>`;

// Instruments the shadow roots of the page: __samples gets [input -> rendered,
// keydown -> rendered, whether a suggestion shows] per key press.
function instrument() {
  const base = document.getElementById('base').attachShadow({ mode: 'open' });
  const input = document.createElement('input');
  input.id = 'noop';
  input.addEventListener('input', () => {});
  base.append(input);
  window.__samples = [];
  for (const sr of [document.querySelector('mail-ports').shadowRoot, base]) {
    let key = 0;
    let start = 0;
    sr.addEventListener('keydown', (e) => { key = e.timeStamp; start = 0; }, true);
    sr.addEventListener('input', () => { start ||= performance.now(); }, true);
    const end = (e) => {
      if (!key || !start) return; // not from a key press (the harness clearing a field)
      const out = e.target.closest('[role=tabpanel]')?.querySelector('[part~=result]') ?? e.target;
      out.getBoundingClientRect(); // style + layout of what was just rendered
      const t = performance.now();
      window.__samples.push([t - start, t - key, Boolean(sr.querySelector('[part~=suggestion]'))]);
      key = 0;
    };
    sr.addEventListener('input', (e) => { if (e.target.type !== 'radio') end(e); });
    sr.addEventListener('change', (e) => { if (e.target.type === 'radio') end(e); });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

const { server, url } = await serve({ root: path.join(root, 'dist') });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ARGS });

/** A fresh context (empty cache) with the bench page open, CPU throttled by `rate`. */
async function open(rate) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route('**/bench.html', (r) => r.fulfill({ contentType: 'text/html', body: PAGE }));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${url}bench.html`);
  const t = await page.evaluate(async () => {
    const r = await window.__ready;
    return { ready: r.ready - window.__define, painted: r.painted - window.__define };
  });
  await page.evaluate(instrument);
  return { context, page, ...t };
}

async function series(page, selector, words, prepare) {
  const field = page.locator(selector);
  await field.focus();
  await page.evaluate(() => { window.__samples = []; });
  let typed = 0;
  for (let i = 0; typed < KEYS; i++) {
    const word = words[i % words.length].slice(0, KEYS - typed);
    await prepare();
    await field.focus();
    await page.keyboard.type(word);
    typed += word.length;
  }
  return page.evaluate(() => window.__samples.slice());
}

/** Arrow keys on the radio buttons of the first Recommend question: each press changes the answer. */
async function arrows(page) {
  await page.evaluate(() => { window.__samples = []; });
  await page.locator('mail-ports >> css=input[type=radio]:checked >> nth=0').focus();
  for (let i = 0; i < KEYS; i++) await page.keyboard.press(i % 2 ? 'ArrowUp' : 'ArrowDown');
  return page.evaluate(() => window.__samples.slice());
}

const clear = (page, sel, prop) => () => page.evaluate(([s, p]) => {
  const el = document.querySelector('mail-ports');
  if (p) el[p] = '';
  const input = (s === 'noop' ? document.getElementById('base').shadowRoot : el.shadowRoot).getElementById(s);
  input.value = '';
  if (s === 'port') input.dispatchEvent(new Event('input'));
}, [sel, prop]);

const summary = (xs) => [0, 1].map((i) => {
  const v = xs.map((x) => x[i]);
  return { p50: pct(v, 50), p99: pct(v, 99), max: Math.max(...v) };
});

const result = { keys: KEYS, starts: STARTS, rates: {} };
for (const rate of RATES) {
  const r = { ready: [], painted: [], first: [], firstKeydown: [], firstMax: [] };
  for (let i = 0; i < STARTS; i++) {
    const { context, page, ready, painted } = await open(rate);
    r.ready.push(ready);
    r.painted.push(painted);
    await page.locator('mail-ports >> css=#email').focus();
    await page.keyboard.type(TYPO);
    const samples = await page.evaluate(() => window.__samples);
    const hit = samples.find((s) => s[2]);
    if (!hit) throw new Error(`typing ${TYPO} showed no suggestion`);
    r.first.push(hit[0]);
    r.firstKeydown.push(hit[1]);
    r.firstMax.push(Math.max(...samples.map((s) => s[0])));
    await context.close();
  }
  const out = {
    ready: median(r.ready), painted: median(r.painted), firstSuggestion: median(r.first),
    firstSuggestionKeydown: median(r.firstKeydown), firstTypingMax: median(r.firstMax), raw: r, series: {},
  };
  const { context, page } = await open(rate);
  // Warm-up (JIT, wasm tiering) before anything counts.
  await series(page, 'mail-ports >> css=#email', ADDRESSES.slice(0, 3), clear(page, 'email', 'email'));
  const s = out.series;
  s['no-op baseline (bare input)'] = summary(await series(page, '#base >> css=#noop', ADDRESSES, clear(page, 'noop')));
  s['Find my settings (email)'] = summary(await series(page, 'mail-ports >> css=#email', ADDRESSES, clear(page, 'email', 'email')));
  await page.evaluate(() => { document.querySelector('mail-ports').view = 'ports'; });
  s['Port lookup (port number)'] = summary(await series(page, 'mail-ports >> css=#port', PORTS, clear(page, 'port')));
  await page.evaluate(() => { document.querySelector('mail-ports').view = 'recommend'; });
  s['Recommend (arrow keys)'] = summary(await arrows(page));
  await context.close();
  result.rates[rate] = out;
}

await browser.close();
server.close();

const ms = (x) => `${x.toFixed(2)} ms`.padStart(9);
console.log(`<mail-ports> in headless Chromium; CPU rates ${RATES.map((x) => `${x}×`).join(', ')}; ` +
  `${STARTS} fresh starts and ${KEYS} keystrokes per series per rate`);
for (const [rate, o] of Object.entries(result.rates)) {
  console.log(`\nCPU ${rate}×: element defined -> ready ${o.ready.toFixed(1)} ms, -> painted ${o.painted.toFixed(1)} ms (median of ${STARTS})`);
  console.log(`CPU ${rate}×: first suggesting keystroke (${TYPO}) input -> rendered ${o.firstSuggestion.toFixed(1)} ms, ` +
    `keydown -> rendered ${o.firstSuggestionKeydown.toFixed(1)} ms; slowest key of that first typing ${o.firstTypingMax.toFixed(1)} ms`);
  console.log(`${''.padEnd(36)} ${'input -> rendered'.padStart(29)}   ${'keydown -> rendered'.padStart(29)}`);
  console.log(`${'series'.padEnd(36)} ${['p50', 'p99', 'max'].map((x) => x.padStart(9)).join(' ')}   ${['p50', 'p99', 'max'].map((x) => x.padStart(9)).join(' ')}`);
  for (const [name, cols] of Object.entries(o.series)) {
    const label = `${name}, ${rate}× CPU`;
    console.log(`${label.padEnd(36)} ${[cols[0].p50, cols[0].p99, cols[0].max].map(ms).join(' ')}   ` +
      `${[cols[1].p50, cols[1].p99, cols[1].max].map(ms).join(' ')}   (n=${KEYS})`);
  }
}
if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(result, null, 2)}\n`);
