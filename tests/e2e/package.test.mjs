// The npm package as its users get it: `npm pack`, then installed into a
// fresh Node project, a fresh Vite 7 app and a fresh webpack 5 app (both built
// for production and served), React 19 and Vue 3 apps (Vite 7 production
// builds, type-checked with tsc and vue-tsc), and the one-tag embed on a plain
// static page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launch, serveDir, openPage, projectRoot } from './support.mjs';

let work;
let tarball;
let browser;

function sh(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A fresh project folder with the packed tarball installed (no registry needed). */
function freshApp(name, pkgJson = {}) {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'),
    JSON.stringify({ name, private: true, type: 'module', ...pkgJson }, null, 2));
  sh('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], dir);
  return dir;
}

/** Links packages from the project's node_modules into an app (react, vue, …; no registry needed). */
function linkFromProject(dir, names) {
  for (const name of names) {
    const to = path.join(dir, 'node_modules', name);
    mkdirSync(path.dirname(to), { recursive: true });
    symlinkSync(path.join(projectRoot, 'node_modules', name), to, 'dir');
  }
}

/**
 * Type-checks a framework app with `cmd` (tsc or vue-tsc): `good` must have no
 * error, and `bad` exactly the errors on the lines `badLines` (one entry per error).
 */
function typeCheck(dir, cmd, { good, bad, badLines, extra = {} }) {
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: false, module: 'esnext', moduleResolution: 'bundler',
      target: 'es2022', lib: ['es2022', 'dom'], types: [], jsx: 'react-jsx',
    },
    ...extra,
    files: [...good, bad],
  }));
  let out = '';
  try {
    sh('node', [cmd, '-p', '.'], dir);
  } catch (e) {
    out = `${e.stdout}${e.stderr}`;
  }
  const errors = out.split('\n').filter((l) => /error TS\d+/.test(l));
  assert.deepEqual(errors.filter((l) => !l.startsWith(bad)), [], `${good.join(', ')} type-check without errors`);
  assert.deepEqual(errors.map((l) => Number(l.match(/\((\d+),\d+\)/)[1])), badLines, out);
}

/**
 * A React or Vue app page in Chromium: state goes into <mail-ports> as
 * properties and an attribute, and the app's handlers for mailports-result
 * and mailports-view-change put what they heard back into the page.
 */
async function assertFrameworkApp(root) {
  const site = await serveDir(root);
  const { page, problems, context } = await openPage(browser, site.url);
  try {
    const w = page.locator('mail-ports');
    await page.locator('mail-ports[ready]').waitFor({ timeout: 15000 });
    assert.deepEqual(await w.evaluate((el) => [el.view, el.theme, el.compact, el.getAttribute('lang')]), ['settings', 'light', true, 'en']);
    // State -> the email property -> the rendered servers.
    await page.click('#gmail');
    await w.locator('css=[part~=incoming][part~=primary] [part=hostname]').filter({ hasText: 'imap.gmail.com' }).waitFor();
    assert.equal(await w.evaluate((el) => el.email), 'anna@gmail.com');
    assert.equal(await w.locator('css=[part~=incoming][part~=primary] [part=port]').textContent(), '993');
    assert.equal(await w.locator('css=[part~=outgoing][part~=primary] [part=hostname]').textContent(), 'smtp.gmail.com');
    // The mailports-result handler ran: its answer is in the app's state.
    assert.equal(await page.locator('#found').textContent(), 'imap.gmail.com');
    // A tab inside the widget -> mailports-view-change -> the app's state.
    await w.locator('css=#t-ports').click();
    await page.locator('#view').filter({ hasText: /^ports$/ }).waitFor();
    assert.equal(await page.locator('#changes').textContent(), 'settings->ports');
    // The app's own button -> the view property (no view-change event: the page did it).
    await page.click('#recommend');
    await w.locator('css=#p-recommend').waitFor();
    assert.equal(await w.getAttribute('view'), 'recommend');
    assert.equal(await page.locator('#changes').textContent(), 'settings->ports');
    // State -> the lang attribute -> German text; state -> theme.
    await page.click('#german');
    await w.locator('css=#t-ports').filter({ hasText: 'Port nachschlagen' }).waitFor();
    assert.equal(await w.getAttribute('lang'), 'de');
    await page.click('#dark');
    assert.equal(await w.getAttribute('theme'), 'dark');
    assert.equal(await w.evaluate((el) => getComputedStyle(el).backgroundColor), 'rgb(21, 25, 30)');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await site.close();
  }
}

/** Loads a built app in Chromium and checks that <mail-ports> renders and answers a lookup. */
async function assertWidgetWorks(root, pagePath = '') {
  const site = await serveDir(root);
  const { page, problems, context } = await openPage(browser, site.url + pagePath);
  try {
    await page.locator('mail-ports[ready]').waitFor({ timeout: 15000 });
    // Ask the element for a provider through its own property; the answer must
    // appear in its shadow DOM.
    await page.evaluate(() => { document.querySelector('mail-ports').email = 'anna@gmail.com'; });
    await page.locator('mail-ports').getByText('imap.gmail.com').first().waitFor({ timeout: 10000 });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await site.close();
  }
}

const PAGE = (script) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>app</title><link rel="icon" href="data:,">
<script type="module" src="${script}"></script></head>
<body><mail-ports view="settings"></mail-ports></body></html>
`;

before(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'mailports-pack-'));
  const out = sh('npm', ['pack', '--json', '--pack-destination', work], projectRoot);
  tarball = path.join(work, JSON.parse(out)[0].filename);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball ships the wasm, glue, API, element, types, manifest and licences, and nothing else', () => {
  const listing = JSON.parse(sh('npm', ['pack', '--dry-run', '--json'], projectRoot))[0].files.map((f) => f.path);
  for (const must of ['pkg/mailports_bg.wasm', 'pkg/mailports.js', 'pkg/mailports_full_bg.wasm', 'pkg/mailports_full.js', 'pkg/index.js', 'pkg/index.d.ts', 'pkg/node.js',
    'pkg/element.js', 'pkg/element.d.ts', 'pkg/define.js', 'pkg/define.d.ts', 'pkg/embed.js', 'pkg/react.d.ts', 'pkg/vue.d.ts',
    'custom-elements.json', 'data/ATTRIBUTION.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'package.json', 'README.md']) {
    assert.ok(listing.includes(must), `${must} is in the package`);
  }
  assert.ok(listing.some((f) => f.startsWith('data/licenses/')), 'upstream licence texts ship');
  for (const f of listing) {
    assert.ok(/^(pkg\/|data\/|custom-elements\.json$|LICENSE-|package\.json$|README\.md$)/.test(f), `${f} should not ship`);
  }
});

test('Node: import { lookupProvider } from "mailports" works after await init() with no arguments', () => {
  const dir = freshApp('node-app');
  writeFileSync(path.join(dir, 'main.js'), `
import * as m from 'mailports';
await m.init();
await m.ready();
const out = {
  port: m.lookupPort(993),
  ports: m.listPorts({ protocol: 'imap' }).map((p) => p.port),
  rec: m.recommend({ devices: 3, sends: true }),
  provider: m.lookupProvider('Anna@GMAIL.com'),
  suggestion: m.suggestDomain('anna@gmial.com'),
};
let err = null;
try { m.lookupPort(0); } catch (e) { err = { name: e.name, code: e.code }; }
out.err = err;
console.log(JSON.stringify(out));
`);
  const out = JSON.parse(sh('node', ['main.js'], dir));
  assert.deepEqual(out.port.services, ['imaps']);
  assert.ok(out.ports.includes(993) && out.ports.includes(143));
  assert.equal(out.rec.incoming.port, 993);
  assert.equal(out.provider.incoming[0].hostname, 'imap.gmail.com');
  assert.equal(out.suggestion.domain, 'gmail.com');
  assert.deepEqual(out.err, { name: 'MailportsError', code: 'invalid-port' });
});

test('TypeScript: a strict consumer type-checks against the packed .d.ts files, which use no `any`', () => {
  const dir = freshApp('ts-app');
  cpSync(path.join(projectRoot, 'tests/types/consumer.ts'), path.join(dir, 'consumer.ts'));
  const tsc = path.join(projectRoot, 'node_modules/typescript/bin/tsc');
  try {
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: {
        strict: true, noEmit: true, skipLibCheck: false, module: 'nodenext', moduleResolution: 'nodenext',
        target: 'es2022', lib: ['es2022', 'dom'], types: [],
      },
      files: ['consumer.ts'],
    }));
    sh('node', [tsc, '-p', '.'], dir);
  } catch (e) {
    assert.fail(`tsc reported errors:\n${e.stdout}${e.stderr}`);
  }
  const pkgDir = path.join(dir, 'node_modules/mailports/pkg');
  const ours = ['index.d.ts', 'node.d.ts', 'element.d.ts', 'define.d.ts', 'react.d.ts', 'vue.d.ts',
    ...readdirSync(path.join(pkgDir, 'types')).map((f) => `types/${f}`)];
  for (const f of ours) {
    const text = readFileSync(path.join(pkgDir, f), 'utf8');
    assert.doesNotMatch(text, /[:<(,|]\s*any\b/, `${f} declares no any`);
  }
});

test('Vite 7 production build of a fresh app renders <mail-ports> and answers', async () => {
  const dir = freshApp('vite-app');
  writeFileSync(path.join(dir, 'index.html'), PAGE('./main.js'));
  writeFileSync(path.join(dir, 'main.js'), "import 'mailports/define';\n");
  const { build } = await import('vite');
  await build({ root: dir, logLevel: 'error', configFile: false, build: { outDir: path.join(dir, 'dist') } });
  await assertWidgetWorks(path.join(dir, 'dist'));
});

test('React 19: a Vite 7 production build sets <mail-ports> from state and hears its events; JSX type-checks without casts', async () => {
  const dir = freshApp('react-app');
  cpSync(path.join(projectRoot, 'tests/e2e/fixtures/react-app'), dir, { recursive: true });
  linkFromProject(dir, ['react', 'react-dom', 'scheduler', '@types/react', 'csstype']);
  typeCheck(dir, path.join(projectRoot, 'node_modules/typescript/bin/tsc'), { good: ['App.tsx'], bad: 'Bad.tsx', badLines: [5, 6, 7] });
  const { build } = await import('vite');
  // Vite compiles JSX with esbuild; 'automatic' is React 17+'s JSX runtime.
  await build({ root: dir, logLevel: 'error', configFile: false, esbuild: { jsx: 'automatic' }, build: { outDir: path.join(dir, 'dist') } });
  await assertFrameworkApp(path.join(dir, 'dist'));
});

test('Vue 3: a Vite 7 production build sets <mail-ports> from state and hears its events; templates type-check without casts', async () => {
  const dir = freshApp('vue-app');
  cpSync(path.join(projectRoot, 'tests/e2e/fixtures/vue-app'), dir, { recursive: true });
  linkFromProject(dir, ['vue']);
  typeCheck(dir, path.join(projectRoot, 'node_modules/vue-tsc/bin/vue-tsc.js'), {
    good: ['App.vue'], bad: 'Bad.vue', badLines: [9, 9, 9], extra: { vueCompilerOptions: { strictTemplates: true } },
  });
  const { build } = await import('vite');
  const { default: vue } = await import('@vitejs/plugin-vue');
  await build({
    root: dir, logLevel: 'error', configFile: false, build: { outDir: path.join(dir, 'dist') },
    plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'mail-ports' } } })],
  });
  await assertFrameworkApp(path.join(dir, 'dist'));
});

test('webpack 5 production build of a fresh app renders <mail-ports> and answers', async () => {
  const dir = freshApp('webpack-app');
  writeFileSync(path.join(dir, 'main.js'), "import 'mailports/define';\n");
  const { default: webpack } = await import('webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack({
      mode: 'production',
      context: dir,
      entry: './main.js',
      output: { path: path.join(dir, 'dist'), filename: 'main.js', publicPath: 'auto' },
      resolve: { modules: [path.join(dir, 'node_modules')] },
    }, (err, s) => (err ? reject(err) : resolve(s)));
  });
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  assert.ok(readdirSync(path.join(dir, 'dist')).some((f) => f.endsWith('.wasm')), 'webpack emitted the wasm');
  writeFileSync(path.join(dir, 'dist', 'index.html'), PAGE('./main.js'));
  await assertWidgetWorks(path.join(dir, 'dist'));
});

test('one-tag embed: a plain HTML page with only <script async src=".../embed.js"> works', async () => {
  const dir = path.join(work, 'embed-site');
  cpSync(path.join(projectRoot, 'pkg'), path.join(dir, 'assets', 'mailports'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Help centre</title><link rel="icon" href="data:,"></head>
<body><article><h1>Set up your mail app</h1>
<script async src="/assets/mailports/embed.js"></script>
<mail-ports></mail-ports>
</article></body></html>
`);
  await assertWidgetWorks(dir);
});
