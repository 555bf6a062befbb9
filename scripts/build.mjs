// Builds the npm package files into pkg/ and the static demo site into dist/.
//
//   cargo build (wasm32, release; once without and once with the `full`
//   feature) -> wasm-bindgen --target web -> wasm-opt -Oz
//   (the npm package `binaryen`) -> copy www/src into pkg/ -> bundle the
//   element with its private modules into element.js -> minify the JS there
//   with esbuild (one file each, with source maps) -> assemble dist/.
//
// `--if-needed` skips the work when dist/ is newer than every input.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { buildSync, transformSync } from 'esbuild';
import browserslist from 'browserslist';
import path from 'node:path';
import { root, run, log } from './lib.mjs';
import { sizeReport, heaviestPage, onDemandReport, printSizes } from './sizes.mjs';

const pkg = path.join(root, 'pkg');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');
const inputs = ['src', 'www', 'data', 'build.rs', 'Cargo.toml', 'Cargo.lock', 'package.json', 'scripts/build.mjs'];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function upToDate() {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return inputs.every((i) => newestMtime(path.join(root, i)) <= built);
}

/**
 * Builds one wasm module into pkg/: cargo (with `features`), wasm-bindgen
 * (glue `<name>.js`, module `<name>_bg.wasm`), then wasm-opt -Oz.
 */
function buildModule(name, features) {
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'mailports', ...features]);
  const raw = path.join(root, 'target/wasm32-unknown-unknown/release/mailports.wasm');
  // The reset-state function lets the JS wrapper replace the instance after a
  // trap (a panic aborts), so one bad call can never leave the module unusable.
  run('wasm-bindgen', ['--target', 'web', '--experimental-reset-state-function',
    '--out-dir', pkg, '--out-name', name, raw]);

  const wasm = path.join(pkg, `${name}_bg.wasm`);
  const wasmOpt = path.join(root, 'node_modules/.bin/wasm-opt');
  run(wasmOpt, [
    wasm, '-Oz', '-o', wasm,
    // Repeats the passes while they still shrink the module: 381 bytes brotli
    // less in the core module, 326 in the full one, measured (issue 15).
    '--converge',
    // Features rustc enables by default for wasm32-unknown-unknown.
    '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
    // Rust puts the stack at the bottom of linear memory, growing down towards
    // address 0, so the first KB is never touched unless the stack overflows;
    // binaryen may then fold constant offsets into loads and stores (0.5 KB
    // brotli less, measured).
    '--low-memory-unused',
    // Tool-name and feature sections no runtime reads.
    '--strip-producers', '--strip-target-features',
  ]);
}

// browserslist's names -> esbuild's, for the engines esbuild knows.
// The policy is read against the caniuse-lite data in package-lock.json, on purpose: no
// nagging about its age.
process.env.BROWSERSLIST_IGNORE_OLD_DATA = '1';
const ESBUILD_NAMES = { chrome: 'chrome', edge: 'edge', firefox: 'firefox', safari: 'safari', ios_saf: 'ios' };

/**
 * esbuild's `target` for the browser support policy (package.json
 * "browserslist", README "Browser support"): the oldest version of each
 * engine it selects, e.g. ['chrome157', 'firefox153', 'safari16.4', …]. Syntax
 * newer than that fails the build (esbuild cannot lower everything) or is
 * rewritten for it; web APIs are checked by eslint-plugin-compat in npm test.
 */
export function esbuildTarget() {
  const policy = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).browserslist;
  const oldest = {};
  for (const entry of browserslist(policy)) {
    const [name, range] = entry.split(' ');
    const engine = ESBUILD_NAMES[name];
    if (!engine) throw new Error(`the browser support policy selects ${entry}, which esbuild has no target for`);
    const version = range.split('-')[0];
    const key = (v) => v.split('.').map(Number);
    const older = (a, b) => { const [x, y] = [key(a), key(b)]; return x[0] - y[0] || (x[1] ?? 0) - (y[1] ?? 0); };
    if (!oldest[engine] || older(version, oldest[engine]) < 0) oldest[engine] = version;
  }
  return Object.entries(oldest).map(([engine, v]) => `${engine}${v}`);
}

// Modules the element shares with the rest of the package, or loads only on
// demand: they stay files of their own. Everything else element.js imports
// is the element's alone and goes into its bundle.
const SHARED = ['./api.js', './core.js', './mailports.js', './setup-files.js', './locales/*'];

/**
 * Bundles `dir`/element.js with the modules only it uses (its views, ui,
 * dom, styles, i18n, provenance) into one minified file with a source map,
 * and removes those modules from `dir`: one request and one compressed
 * stream instead of nine (about 0.2 KB brotli less than the files apart, and
 * no module waits for another to arrive). Returns the files bundled.
 */
function bundleElement(dir, target) {
  const { outputFiles, metafile } = buildSync({
    absWorkingDir: root,
    entryPoints: [path.join(dir, 'element.js')],
    outdir: dir,
    bundle: true,
    external: SHARED,
    format: 'esm',
    minify: true,
    target,
    charset: 'utf8',
    sourcemap: 'external',
    metafile: true,
    write: false,
    logLevel: 'error',
  });
  const bundled = Object.keys(metafile.inputs).map((f) => path.relative(dir, path.resolve(root, f))).filter((f) => f !== 'element.js');
  for (const f of outputFiles) {
    const name = path.basename(f.path);
    writeFileSync(f.path, name.endsWith('.map') ? f.contents : `${f.text}//# sourceMappingURL=${name}.map\n`);
  }
  // A module now inside element.js must not be imported by any other file: it would load twice.
  for (const file of readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js') && f !== 'element.js')) {
    if (bundled.includes(file)) continue;
    const text = readFileSync(path.join(dir, file), 'utf8');
    const used = bundled.find((b) => text.includes(`'./${b}'`) || text.includes(`"./${b}"`));
    if (used) throw new Error(`${file} imports ${used}, which is bundled into element.js; add it to SHARED in scripts/build.mjs`);
  }
  for (const f of bundled) rmSync(path.join(dir, f));
  return bundled;
}

/**
 * Minifies every .js file under `dir` in place with esbuild (no bundling;
 * each module keeps its file, imports and exports; syntax held to the
 * support policy by `target`), and
 * writes a source map with the original text beside it, so browser devtools
 * still show the readable source. embed.js is a classic script, not a module.
 */
function minifyScripts(dir, target, skip) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    if (skip.includes(path.relative(dir, path.join(entry.parentPath, entry.name)))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { code, map } = transformSync(readFileSync(file, 'utf8'), {
      minify: true,
      target,
      format: entry.name === 'embed.js' ? undefined : 'esm',
      sourcemap: 'external',
      // Text as UTF-8, not \u escapes: a third of the size for non-Latin scripts (module scripts are always read as UTF-8).
      charset: 'utf8',
      sourcefile: entry.name,
    });
    writeFileSync(file, `${code}//# sourceMappingURL=${entry.name}.map\n`);
    writeFileSync(`${file}.map`, map);
  }
}

export function build() {
  const t0 = Date.now();
  rmSync(pkg, { recursive: true, force: true });
  // The core module the element starts with, and the full one (settings
  // export and discovery as well) that init() and the element's setup files
  // and discovery load. Cargo keeps both builds, so a rebuild of either is
  // quick when only the other changed.
  buildModule('mailports', ['--no-default-features']);
  buildModule('mailports_full', []);

  // The hand-written JS API, element and types sit beside the generated glue.
  cpSync(path.join(root, 'www/src'), pkg, { recursive: true });
  const target = esbuildTarget();
  log(`JavaScript syntax target (browser support policy): ${target.join(', ')}`);
  const bundled = bundleElement(pkg, target);
  log(`element.js bundles ${bundled.join(', ')}`);
  minifyScripts(pkg, target, ['element.js']);

  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  cpSync(path.join(root, 'www/demo'), dist, { recursive: true });
  cpSync(pkg, path.join(dist, 'lib'), {
    recursive: true,
    filter: (src) => !src.endsWith('.d.ts'),
  });

  const report = sizeReport(pkg);
  printSizes(report, 'every file in pkg/ (wasm after wasm-opt -Oz)');
  const page = heaviestPage(pkg);
  printSizes(page, `what a page loads for <mail-ports> (one locale; ${page.lang}, the heaviest; ceiling 85 KB brotli)`);
  printSizes(onDemandReport(pkg), 'loaded later, only for setup files, discovery or a port lookup');
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
  log(`build done in ${((Date.now() - t0) / 1000).toFixed(1)} s: pkg/ and dist/`);
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    if (process.argv.includes('--if-needed') && upToDate()) {
      log('dist/ is up to date; skipping the build');
    } else {
      build();
    }
  } catch (e) {
    log(`build failed: ${e.message}`);
    process.exit(1);
  }
}
