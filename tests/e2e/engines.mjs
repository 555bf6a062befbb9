// The three browser engines behind one small interface, so that the
// cross-engine suite (engines.test.mjs) runs the same scenarios in each:
//
//   chromium  Debian's Chromium through playwright-core, as in the other tests
//   firefox   Debian's Firefox ESR through puppeteer-core over WebDriver BiDi
//             (stock Firefox needs no geckodriver; playwright-core would need
//             its own patched Firefox, which cannot be downloaded here)
//   webkit    Debian's WebKitGTK MiniBrowser through its WebKitWebDriver and
//             selenium-webdriver, on a private Xvfb display started here
//
// A site (startSite) serves dist/ and fixture pages from a plain HTTP server,
// since only Playwright can intercept requests. Every fixture page loads
// /watch.js first, which records errors, rejections, console.error calls and
// CSP violations inside the page, so the same check works in every engine;
// the server records every request and its status.
//
// Only what this file starts is stopped, by PID: Xvfb and WebKitWebDriver
// directly, MiniBrowser through the driver's session (and by PID if it were
// left behind), Firefox and Chromium through their libraries, which kill the
// process they launched.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import zlib from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, Key } from 'selenium-webdriver';
import { serve } from '../../scripts/serve.mjs';
import { CHROMIUM_ARGS, distDir } from './support.mjs';

// All three unless MAILPORTS_ENGINES (comma-separated) names fewer, for a quicker run while developing.
export const ENGINES = process.env.MAILPORTS_ENGINES?.split(',') ?? ['chromium', 'firefox', 'webkit'];

const FIREFOX = '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- the site ----

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Records, inside the page, what would otherwise only reach a devtools console. */
const WATCH = `(function () {
  var problems = window.__problems = [];
  window.__csp = [];
  addEventListener('error', function (e) { problems.push('error: ' + (e.message || (e.target && e.target.src) || e)); }, true);
  addEventListener('unhandledrejection', function (e) { problems.push('unhandledrejection: ' + (e.reason && e.reason.message || e.reason)); });
  document.addEventListener('securitypolicyviolation', function (e) {
    window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
  }, true);
  var log = console.error;
  console.error = function () {
    problems.push('console.error: ' + Array.prototype.map.call(arguments, String).join(' '));
    return log.apply(console, arguments);
  };
  window.__mp = [];
  ['mailports-result', 'mailports-copy', 'mailports-view-change'].forEach(function (t) {
    document.addEventListener(t, function (e) {
      window.__mp.push({ type: t, bubbles: e.bubbles, composed: e.composed, detail: JSON.parse(JSON.stringify(e.detail)) });
    });
  });
})();
`;

/**
 * A fixture page: /watch.js, then `head` (by default the module that defines
 * <mail-ports>) and `extraHead`, then `body` (by default one widget with
 * `attrs`) and `after`.
 */
export function fixturePage({ attrs = {}, htmlLang = 'en', dir = 'ltr', head, extraHead = '', body, after = '' } = {}) {
  const a = Object.entries(attrs).map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v)}"`)).join('');
  return `<!doctype html><html lang="${esc(htmlLang)}" dir="${esc(dir)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>fixture</title><link rel="icon" href="favicon.svg">
<script src="/watch.js"></script>
${head ?? '<script type="module" src="lib/define.js"></script>'}${extraHead}</head>
<body><main><h1>Fixture</h1>${body ?? `<mail-ports${a}></mail-ports>`}${after}</main></body></html>`;
}

/**
 * Serves dist/ on 127.0.0.1 with fixture pages beside it (so `lib/` resolves
 * as on the demo page). `site.page(html, headers)` registers a page and
 * returns its URL; `site.requests` lists every request as [path, status].
 */
export async function startSite() {
  const pages = new Map([['/watch.js', { body: WATCH, type: 'text/javascript; charset=utf-8' }]]);
  const requests = [];
  let n = 0;
  const { server, url } = await serve({
    root: distDir,
    pages: (p) => {
      const page = pages.get(p);
      const file = path.join(distDir, p);
      requests.push([p, page || (file.startsWith(distDir) && existsSync(file)) ? 200 : 404]);
      return page;
    },
  });
  return {
    url,
    requests,
    page(html, headers = {}, name = `fixture-${++n}.html`) {
      pages.set(`/${name}`, { body: html, headers });
      return `${url}${name}`;
    },
    /** Requests since `mark` (an index into `requests`). */
    since: (mark) => requests.slice(mark),
    close: () => new Promise((r) => server.close(r)),
  };
}

// ---- processes ----

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Ends the process `child` (one we spawned) by its PID: SIGTERM, then SIGKILL after `grace` ms. */
async function stop(child, grace = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(child.pid, 'SIGTERM');
  if (await Promise.race([exited.then(() => true), sleep(grace).then(() => false)])) return;
  process.kill(child.pid, 'SIGKILL');
  await exited;
}

/** PIDs whose parent is `pid` (Linux /proc). */
function childrenOf(pid) {
  const out = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {} // gone meanwhile
  }
  return out;
}

/** A private X display: `Xvfb -displayfd` picks a free number and writes it to fd 3. */
async function startXvfb() {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    child.stdio[3].on('data', (d) => {
      text += d;
      if (text.includes('\n')) resolve(`:${text.trim()}`);
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err}`)));
    child.once('error', reject);
  });
  return { child, display };
}

/** WebKitWebDriver on a free port of 127.0.0.1, answering /status. */
async function startWebKitDriver(env) {
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=local'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    for (let i = 0; i < 100 && child.exitCode === null; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return { child, url: `http://127.0.0.1:${port}` };
      } catch {} // not listening yet
      await sleep(50);
    }
    await stop(child);
    // Another process may have taken the port between probe and start: try another.
    if (attempt === 2) throw new Error(`WebKitWebDriver did not start: ${err}`);
  }
}

// ---- PNG ----

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Cuts the rectangle { x, y, width, height } (in pixels) out of an 8-bit,
 * non-interlaced RGB or RGBA PNG, as screenshots are. Used for WebKit,
 * whose driver's element screenshots come out shifted (see SeleniumTab).
 */
export function cropPng(png, { x, y, width, height }) {
  let pos = 8;
  let ihdr;
  const idat = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') ihdr = data;
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const [w, h, depth, color, interlace] = [ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9], ihdr[12]];
  if (depth !== 8 || (color !== 2 && color !== 6) || interlace !== 0) throw new Error('cropPng: only 8-bit RGB(A), non-interlaced');
  const bpp = color === 6 ? 4 : 3;
  const stride = w * bpp;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(h * stride);
  for (let row = 0; row < h; row++) {
    const filter = raw[row * (stride + 1)];
    const line = raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1));
    const out = pixels.subarray(row * stride, (row + 1) * stride);
    const prev = row > 0 ? pixels.subarray((row - 1) * stride, row * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? out[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = v & 0xff;
    }
  }
  [x, y] = [Math.max(0, Math.round(x)), Math.max(0, Math.round(y))];
  width = Math.min(Math.round(width), w - x);
  height = Math.min(Math.round(height), h - y);
  const cut = Buffer.alloc(height * (width * bpp + 1));
  for (let row = 0; row < height; row++) {
    pixels.copy(cut, row * (width * bpp + 1) + 1, (y + row) * stride + x * bpp, (y + row) * stride + (x + width) * bpp);
  }
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.from(ihdr);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  return Buffer.concat([png.subarray(0, 8), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(cut)), chunk('IEND', Buffer.alloc(0))]);
}

// ---- engines ----

const KEYS = {
  ArrowRight: Key.ARROW_RIGHT, ArrowLeft: Key.ARROW_LEFT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN,
  Home: Key.HOME, End: Key.END, Tab: Key.TAB, Enter: Key.ENTER, Backspace: Key.BACK_SPACE, Space: Key.SPACE,
  Escape: Key.ESCAPE, Control: Key.CONTROL, Shift: Key.SHIFT,
};

/** JS that finds the element `sel` (optionally with exactly the text `text`) in the widget's shadow root, if visible. */
const FIND = `(function (sel, text) {
  var host = document.querySelector('mail-ports');
  var root = host && host.shadowRoot;
  if (!root) return null;
  var all = Array.prototype.slice.call(root.querySelectorAll(sel));
  var el = all.find(function (e) { return text == null || e.textContent.trim() === text; });
  return el && el.getClientRects().length > 0 ? el : null;
})`;

/**
 * What a test does with a page, the same in every engine. Element selectors
 * are CSS inside the <mail-ports> shadow root; `text` picks the match with
 * exactly that text. Pointer and keyboard actions are real input events from
 * each engine's automation (a click is a mouse press at the element's centre).
 */
class Tab {
  constructor(engine) {
    this.engine = engine;
  }

  /** Runs `fn(...args)` in the page (awaiting a promise) and returns its JSON-able result. */
  evaluate(fn, ...args) {
    return this.run(`(${fn})(...${JSON.stringify(args)})`);
  }

  /** Like evaluate, with the widget's shadow root as the first argument. */
  inWidget(fn, ...args) {
    return this.run(`((f, a) => f(document.querySelector('mail-ports').shadowRoot, ...a))(${fn}, ${JSON.stringify(args)})`);
  }

  /** Polls `fn(...args)` in the page until it returns something truthy; returns that. */
  async waitFor(fn, ...args) {
    const deadline = Date.now() + 15_000;
    let last;
    for (;;) {
      // A DOM node does not cross every driver as a value: it counts as true.
      last = await this.run(`Promise.resolve((${fn})(...${JSON.stringify(args)})).then((v) => (v instanceof Node ? true : v))`);
      if (last) return last;
      if (Date.now() > deadline) throw new Error(`${this.engine}: timed out waiting for ${String(fn).slice(0, 200)} (${JSON.stringify(args)})`);
      await sleep(40);
    }
  }

  /** The text of the first visible `sel` in the widget, waiting for it. */
  async text(sel) {
    await this.visible(sel);
    return this.evaluate((s) => document.querySelector('mail-ports').shadowRoot.querySelector(s).textContent, sel);
  }

  /** The texts of every `sel` in the widget (no waiting). */
  texts(sel) {
    return this.evaluate((s) => [...document.querySelector('mail-ports').shadowRoot.querySelectorAll(s)].map((e) => e.textContent), sel);
  }

  /** Waits until `sel` (with `text`, if given) is visible in the widget. */
  visible(sel, text) {
    return this.waitFor(`(s, t) => !!${FIND}(s, t)`, sel, text ?? null);
  }

  /** Waits until the widget's text at `sel` matches `re` (a RegExp or exact string); returns the text. */
  async textMatches(sel, re) {
    const src = re instanceof RegExp ? [re.source, re.flags] : [`^${re.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, ''];
    await this.waitFor((s, p, f) => {
      const el = document.querySelector('mail-ports').shadowRoot.querySelector(s);
      return el && new RegExp(p, f).test(el.textContent);
    }, sel, ...src).catch(async (e) => {
      throw new Error(`${e.message}\nlast text: ${JSON.stringify(await this.texts(sel))}`);
    });
    return (await this.texts(sel))[0];
  }

  /** Records of mailports-* events since the page loaded (watch.js). */
  events(type) {
    return this.evaluate((t) => window.__mp.filter((e) => !t || e.type === t), type ?? null);
  }

  /** Errors, rejections and console.error calls seen in the page (watch.js). */
  problems() {
    return this.evaluate(() => window.__problems);
  }

  /** The id of the focused element inside the widget. */
  focusedId() {
    return this.evaluate(() => document.querySelector('mail-ports').shadowRoot.activeElement?.id ?? null);
  }

  /** Clicks, then replaces the field's whole text by typing `value` key by key. */
  async fill(sel, value) {
    await this.click(sel);
    await this.evaluate((s) => document.querySelector('mail-ports').shadowRoot.querySelector(s).select(), sel);
    if (value === '') await this.press('Backspace');
    else await this.type(value);
  }

  /** Waits for a download named `name` to be complete in the engine's download folder; returns its text. */
  async download(name) {
    const file = path.join(this.downloads, name);
    const deadline = Date.now() + 15_000;
    let size = -1;
    for (;;) {
      // Firefox writes a .part file and renames it; WebKit and Chromium write in place.
      if (existsSync(file) && !existsSync(`${file}.part`)) {
        const now = readFileSync(file).length;
        if (now > 0 && now === size) return readFileSync(file, 'utf8');
        size = now;
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.engine}: no download ${name} in ${this.downloads} (${readdirSync(this.downloads).join(', ')})`);
      }
      await sleep(100);
    }
  }
}

/** What the Playwright and Puppeteer tabs share: both drive a `page` with the same calls. */
class PageTab extends Tab {
  run(expr) {
    return this.page.evaluate(expr);
  }

  async handle(sel, text) {
    await this.visible(sel, text);
    return (await this.page.evaluateHandle(`${FIND}(${JSON.stringify(sel)}, ${JSON.stringify(text ?? null)})`)).asElement();
  }

  async click(sel, text) {
    await (await this.handle(sel, text)).click();
  }

  type(text) {
    return this.page.keyboard.type(text);
  }

  close() {
    return this.context.close();
  }
}

class PlaywrightTab extends PageTab {
  static async start() {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const downloads = mkdtempSync(path.join(tmpdir(), 'mailports-dl-chromium-'));
    return {
      version: browser.version(),
      downloads,
      open: async (url, { viewport } = {}) => {
        const context = await browser.newContext({ acceptDownloads: true, viewport: viewport ?? { width: 1024, height: 768 } });
        const tab = new PlaywrightTab('chromium');
        tab.context = context;
        tab.page = await context.newPage();
        tab.downloads = downloads;
        tab.page.on('download', (d) => d.saveAs(path.join(downloads, d.suggestedFilename())));
        await tab.page.goto(url);
        return tab;
      },
      close: async () => {
        await browser.close();
        rmSync(downloads, { recursive: true, force: true });
      },
    };
  }

  async select(sel, value) {
    await (await this.handle(sel)).selectOption(value);
  }

  press(key) {
    return this.page.keyboard.press(key);
  }

  async screenshot() {
    return this.page.locator('mail-ports').screenshot({ animations: 'disabled' });
  }

}

class PuppeteerTab extends PageTab {
  static async start() {
    const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
    const downloads = mkdtempSync(path.join(tmpdir(), 'mailports-dl-firefox-'));
    return {
      version: await browser.version(),
      downloads,
      open: async (url, { viewport } = {}) => {
        const context = await browser.createBrowserContext({ downloadBehavior: { policy: 'allow', downloadPath: downloads } });
        const tab = new PuppeteerTab('firefox');
        tab.context = context;
        tab.page = await context.newPage();
        tab.downloads = downloads;
        await tab.page.setViewport(viewport ?? { width: 1024, height: 768 });
        await tab.page.goto(url);
        return tab;
      },
      close: async () => {
        const child = browser.process();
        try {
          await browser.close();
        } finally {
          if (child && child.exitCode === null) await stop(child);
          rmSync(downloads, { recursive: true, force: true });
        }
      },
    };
  }

  async select(sel, value) {
    await (await this.handle(sel)).select(value);
  }

  async press(key) {
    const parts = key.split('+');
    const last = parts.pop();
    for (const m of parts) await this.page.keyboard.down(m);
    await this.page.keyboard.press(last);
    for (const m of parts.reverse()) await this.page.keyboard.up(m);
  }

  async screenshot() {
    return Buffer.from(await (await this.page.$('mail-ports')).screenshot());
  }

}

class SeleniumTab extends Tab {
  static async start() {
    const xvfb = await startXvfb();
    // A private HOME: MiniBrowser's downloads land there (WebKitGTK saves to
    // the XDG download folder, which is HOME when no user-dirs file exists).
    const home = mkdtempSync(path.join(tmpdir(), 'mailports-webkit-home-'));
    let drv;
    let driver;
    const stopAll = async () => {
      const left = drv ? childrenOf(drv.child.pid) : [];
      try {
        await driver?.quit();
      } finally {
        // MiniBrowser is the driver's child; the session's end closes it, and
        // one still running a moment later is ended by its PID.
        for (const pid of left) {
          for (let i = 0; i < 20 && existsSync(`/proc/${pid}`); i++) await sleep(50);
          if (existsSync(`/proc/${pid}`) && childrenOf(drv.child.pid).includes(pid)) process.kill(pid, 'SIGKILL');
        }
        await stop(drv?.child);
        await stop(xvfb.child);
        rmSync(home, { recursive: true, force: true });
      }
    };
    try {
      drv = await startWebKitDriver({ ...process.env, DISPLAY: xvfb.display, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config') });
      driver = await new Builder().usingServer(drv.url).withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      }).build();
    } catch (e) {
      await stopAll();
      throw e;
    }
    const caps = await driver.getCapabilities();
    await driver.manage().setTimeouts({ script: 60_000 });
    return {
      version: caps.get('browserVersion'),
      downloads: home,
      open: async (url, { viewport } = {}) => {
        const tab = new SeleniumTab('webkit');
        tab.driver = driver;
        tab.downloads = home;
        const { width, height } = viewport ?? { width: 1024, height: 768 };
        // The window's outer size: MiniBrowser's toolbar takes some of the height.
        await driver.manage().window().setRect({ width, height: height + 40 });
        await driver.get(url);
        return tab;
      },
      close: stopAll,
    };
  }

  run(expr) {
    return this.driver.executeScript(`return ${expr}`);
  }

  async handle(sel, text) {
    await this.visible(sel, text);
    const el = await this.driver.executeScript(`return ${FIND}(arguments[0], arguments[1])`, sel, text ?? null);
    await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
    return el;
  }

  async click(sel, text) {
    // WebKitWebDriver's element click hit-tests from the document, finds the
    // shadow host instead of the element inside it, and refuses with "element
    // click intercepted"; a pointer action at the element's centre is the
    // same mouse press and release.
    const el = await this.handle(sel, text);
    await this.driver.actions().move({ origin: el }).click().perform();
  }

  async select(sel, value) {
    const el = await this.handle(sel);
    const option = await this.driver.executeScript(
      'return [...arguments[0].options].find((o) => o.value === arguments[1])', el, String(value));
    await option.click();
  }

  type(text) {
    return this.driver.actions().sendKeys(text).perform();
  }

  async press(key) {
    const parts = key.split('+').map((k) => KEYS[k] ?? k);
    const last = parts.pop();
    let a = this.driver.actions();
    for (const m of parts) a = a.keyDown(m);
    a = a.sendKeys(last);
    for (const m of parts.reverse()) a = a.keyUp(m);
    await a.perform();
  }

  async screenshot() {
    // WebKitWebDriver's element screenshot of a tall element comes out shifted,
    // with part of an earlier paint in it; the viewport screenshot is right,
    // so the element is cut out of that (it must fit in the viewport).
    const rect = await this.evaluate(() => {
      const r = document.querySelector('mail-ports').getBoundingClientRect();
      return { x: r.x * devicePixelRatio, y: r.y * devicePixelRatio, width: r.width * devicePixelRatio, height: r.height * devicePixelRatio };
    });
    return cropPng(Buffer.from(await this.driver.takeScreenshot(), 'base64'), rect);
  }

  async close() {
    await this.driver.get('about:blank');
  }
}

const STARTERS = { chromium: PlaywrightTab, firefox: PuppeteerTab, webkit: SeleniumTab };

/**
 * Starts `name` (one of ENGINES): { name, version, open(url, { viewport }) ->
 * Tab, close() }. Firefox and Chromium give each tab a fresh context; WebKit
 * has one session and one window, so a tab is a navigation in it.
 */
export async function startEngine(name) {
  const started = await STARTERS[name].start();
  return { name, ...started };
}
