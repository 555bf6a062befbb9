// Installs what `npm start` and `npm test` need when it is missing, and does
// nothing else. Idempotent: on a warm machine every check is a quick probe.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { root, run, capture, log } from './lib.mjs';

const started = Date.now();

function wasmTarget() {
  const installed = capture('rustup', ['target', 'list', '--installed']);
  if (installed.ok && installed.stdout.split('\n').includes('wasm32-unknown-unknown')) return;
  log('adding the Rust target wasm32-unknown-unknown');
  try {
    run('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
  } catch (e) {
    throw new Error(`could not add the wasm32-unknown-unknown target (${e.message}). ` +
      'rustup needs to download it: check the network, or run `rustup target add wasm32-unknown-unknown` by hand.');
  }
}

/** The wasm-bindgen version pinned in Cargo.lock; the CLI must match it exactly. */
export function lockedWasmBindgenVersion() {
  const lock = readFileSync(path.join(root, 'Cargo.lock'), 'utf8');
  const m = lock.match(/\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!m) throw new Error('Cargo.lock has no wasm-bindgen entry');
  return m[1];
}

function wasmBindgenCli() {
  const want = lockedWasmBindgenVersion();
  const have = capture('wasm-bindgen', ['--version']);
  const runner = capture('wasm-bindgen-test-runner', ['--version']);
  if (have.ok && have.stdout.trim() === `wasm-bindgen ${want}` && runner.ok) return;
  log(`installing wasm-bindgen-cli ${want} (matches Cargo.lock; takes a few minutes once)`);
  const base = ['install', 'wasm-bindgen-cli', '--version', want, '--force'];
  try {
    run('cargo', [...base, '--locked']);
  } catch {
    // The registry copy of wasm-bindgen-cli can lack a locked dependency
    // version; resolving afresh is the documented fallback.
    log('cargo install --locked failed; retrying without --locked');
    run('cargo', base);
  }
}

let aptUpdated = false;
/** apt-get as root (or through sudo), non-interactive; `apt-get update` runs once per setup. */
function apt(...args) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const asRoot = !process.getuid || process.getuid() === 0;
  const call = (a) => (asRoot ? run('apt-get', a, { env }) : run('sudo', ['apt-get', ...a], { env }));
  if (!aptUpdated) {
    call(['update']);
    aptUpdated = true;
  }
  call(args);
}

function chromium() {
  if (existsSync('/usr/bin/chromium') && existsSync('/usr/bin/chromedriver')) return;
  log('installing Chromium and ChromeDriver from Debian (apt-get)');
  apt('install', '-y', 'chromium', 'chromium-driver');
}

/** What the cross-engine tests drive besides Chromium, with the file that shows each Debian package is there. */
export const ENGINE_PACKAGES = {
  'firefox-esr': '/usr/bin/firefox-esr',
  'webkit2gtk-driver': '/usr/bin/WebKitWebDriver',
  // MiniBrowser comes with the WebKitGTK library the driver depends on.
  'libwebkit2gtk-4.1-0': '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  xvfb: '/usr/bin/Xvfb',
};

function engines() {
  const missing = Object.entries(ENGINE_PACKAGES).filter(([, file]) => !existsSync(file)).map(([name]) => name);
  if (missing.length === 0) return;
  log(`installing ${missing.join(', ')} from Debian (apt-get; Firefox and WebKit for the cross-engine tests)`);
  apt('install', '-y', '--no-install-recommends', ...missing);
}

/** Chinese, Japanese and Korean glyphs for the screenshots (Debian's Noto CJK; Arabic is in DejaVu Sans). */
function cjkFonts() {
  const have = capture('fc-list', [':lang=ja', 'family']);
  if (!have.ok || have.stdout.trim()) return;
  log('installing the Noto CJK fonts from Debian (apt-get)');
  apt('install', '-y', '--no-install-recommends', 'fonts-noto-cjk');
}

function nodeModules() {
  const lockFile = path.join(root, 'package-lock.json');
  const stamp = path.join(root, 'node_modules', '.mailports-lock-sha256');
  const sha = createHash('sha256').update(readFileSync(lockFile)).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === sha) return;
  log('installing npm dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund'], {
    // No package may download a browser of its own: the tests use Debian's.
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', PUPPETEER_SKIP_DOWNLOAD: '1' },
  });
  writeFileSync(stamp, sha);
}

function pythonTools() {
  // The export and discovery tests check our files with independent parsers.
  if (capture('python3', ['-c', 'import dns.zone, dns.message']).ok) return;
  log('installing dnspython (pip)');
  run('python3', ['-m', 'pip', 'install', '--quiet', 'dnspython']);
}

const steps = { wasmTarget, wasmBindgenCli, chromium, engines, cjkFonts, nodeModules, pythonTools };
if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    for (const step of Object.values(steps)) step();
    log(`setup ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    log(`setup failed: ${e.message}`);
    process.exit(1);
  }
}
