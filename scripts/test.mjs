// `npm test`: every test layer, in order, stopping at the first failure.
//   1. native Rust tests (unit, integration, doctests) for the whole workspace
//   2. cargo clippy -D warnings (native, and the wasm bindings of both modules),
//      cargo fmt --check, rustdoc without warnings, and a check build of the
//      fuzz targets (fuzz/)
//   3. wasm-bindgen-test in headless Chromium
//   4. build pkg/ and dist/ (JavaScript syntax held to the browser support
//      policy), then eslint-plugin-compat: no web API outside that policy
//   5. the end-to-end tests (node:test; Chromium through playwright-core, and
//      the cross-engine suite in Chromium, Firefox and WebKit)
// The last line is always "N passed, N failed", counted over the test layers.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root, log } from './lib.mjs';

let passed = 0;
let failed = 0;

function finish(code) {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

/** Runs a command, echoing its output, and resolves to { status, output }. */
function exec(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    const tee = (dest) => (chunk) => {
      output += chunk;
      dest.write(chunk);
    };
    child.stdout.on('data', tee(process.stdout));
    child.stderr.on('data', tee(process.stderr));
    child.on('error', (e) => resolve({ status: 127, output: `${cmd}: ${e.message}` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** Adds up cargo's "test result: ... N passed; M failed" lines. */
function countCargo(output) {
  let p = 0;
  let f = 0;
  for (const m of output.matchAll(/test result: \w+\. (\d+) passed; (\d+) failed/g)) {
    p += Number(m[1]);
    f += Number(m[2]);
  }
  return { p, f };
}

async function layer(name, cmd, args, { env, count } = {}) {
  log(`== ${name}: ${cmd} ${args.join(' ')}`);
  const { status, output } = await exec(cmd, args, env);
  const counted = count ? count(output) : { p: 0, f: 0 };
  passed += counted.p;
  failed += counted.f;
  if (status !== 0) {
    if (counted.f === 0) failed += 1; // a layer that failed without a failing test (build error, lint) still fails
    log(`${name} failed (exit ${status})`);
    finish(1);
  }
}

const setup = await exec('node', ['scripts/setup.mjs']);
if (setup.status !== 0) {
  failed += 1;
  finish(1);
}

await layer('native tests', 'cargo', ['test', '--workspace'], { count: countCargo });
await layer('clippy', 'cargo', ['clippy', '--workspace', '--all-targets', '--', '-D', 'warnings']);
// The bindings exist only on wasm32, once per module (core and full).
await layer('clippy (wasm, core module)', 'cargo',
  ['clippy', '--target', 'wasm32-unknown-unknown', '-p', 'mailports', '--no-default-features', '--', '-D', 'warnings']);
await layer('clippy (wasm, full module)', 'cargo',
  ['clippy', '--target', 'wasm32-unknown-unknown', '-p', 'mailports', '--', '-D', 'warnings']);
await layer('rustfmt', 'cargo', ['fmt', '--all', '--check']);
await layer('rustdoc', 'cargo', ['doc', '--no-deps', '-p', 'mailports'], { env: { RUSTDOCFLAGS: '-D warnings' } });
await layer('fuzz targets compile', 'cargo', ['check', '--manifest-path', 'fuzz/Cargo.toml', '--bins']);
await layer('wasm tests (headless Chromium)', 'cargo',
  ['test', '--target', 'wasm32-unknown-unknown', '-p', 'mailports', '--test', 'web'],
  { env: { CHROMEDRIVER: '/usr/bin/chromedriver' }, count: countCargo });
await layer('build', 'node', ['scripts/build.mjs', '--if-needed']);
// Every web API in the shipped JavaScript is in the browser support policy
// (package.json "browserslist"); eslint.config.js says what is checked.
await layer('browser support (eslint-plugin-compat)', 'node',
  ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', 'www/src', 'pkg/mailports.js', 'pkg/mailports_full.js'],
  { env: { BROWSERSLIST_IGNORE_OLD_DATA: '1' } });

const tapDir = mkdtempSync(path.join(tmpdir(), 'mailports-tap-'));
const tap = path.join(tapDir, 'e2e.tap');
await layer('end-to-end tests (Chromium, Firefox, WebKit)', 'node', [
  '--test', '--test-concurrency=1',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${tap}`,
  'tests/e2e/',
], {
  count: () => {
    const text = readFileSync(tap, 'utf8');
    const num = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
    return { p: num('pass'), f: num('fail') + num('cancelled') };
  },
});
rmSync(tapDir, { recursive: true, force: true });

finish(failed === 0 ? 0 : 1);
