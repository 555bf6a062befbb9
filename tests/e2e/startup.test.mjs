// Startup behaviour (issue 16), asserted without any timing: speed is the
// benchmark's job (bench/keystroke.mjs, bench/startup-node.mjs).
//  - The first suggestDomain() of a fresh wasm instance, which builds the
//    suggestion index, answers exactly as later calls do, over many inputs.
//  - The element paints its first view without ever calling the suggester
//    (so without the suggestion index), and calls it once a visitor types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot, withBrowserAndSite } from './support.mjs';
import { fixtureHtml, css } from './element-support.mjs';

const pkg = path.join(projectRoot, 'pkg');
const items = JSON.parse(readFileSync(path.join(projectRoot, 'bench/data/addresses.json'), 'utf8'));

/** An answer or the error code, comparable with deepEqual. */
function answer(fn) {
  try {
    return fn();
  } catch (e) {
    return { error: e.code ?? String(e) };
  }
}

test('the first suggestDomain of a fresh instance answers as later calls do', async () => {
  // The generated glue, driven directly: __wbg_reset_state() replaces the
  // instance, so every input below is the first call of its own instance.
  const glue = await import(pathToFileURL(path.join(pkg, 'mailports.js')).href);
  glue.initSync({ module: new WebAssembly.Module(readFileSync(path.join(pkg, 'mailports_bg.wasm'))) });
  const page = ['acmemail.com', 'example-corp.de', 'gmail.com', 'ourschool.edu'];
  const inputs = [
    ...items.filter((_, i) => i % 4 === 0).map((i) => i.email),
    'ana@gmial.com', 'bob@hotmial.co.uk', 'x@', '', 'a@b', 'ana@acmemial.com', 'ana@gmail.con', 'bücher@bücher.de',
  ];
  const calls = [
    ...inputs.map((email) => () => glue.suggestDomain(email)),
    ...inputs.slice(0, 60).map((email) => () => glue.suggestDomain(email, { domains: page })),
    () => glue.suggestDomain('ana@acmemial.com', { domains: page }),
    () => glue.suggestDomain('ana@gmial.com', { domains: ['not a domain'] }),
  ];
  const first = calls.map((call) => {
    glue.__wbg_reset_state();
    return answer(call);
  });
  // Later calls, in one long-lived instance, twice over.
  glue.__wbg_reset_state();
  for (let round = 0; round < 2; round++) {
    calls.forEach((call, i) => assert.deepEqual(answer(call), first[i], `call #${i}, round ${round}`));
  }
  // The comparison has substance: suggestions, silence and errors all occur.
  const suggested = first.filter((a) => a && a.domain).length;
  assert.ok(suggested > 100, `${suggested} suggestions`);
  assert.ok(first.filter((a) => a === null).length > 30);
  assert.ok(first.some((a) => a?.error === 'invalid-argument'));
  assert.deepEqual(first.at(-2), { full: 'ana@acmemail.com', domain: 'acmemail.com' });
});

let browser;
let site;
withBrowserAndSite((b, s) => {
  browser = b;
  site = s;
});

/**
 * The minified name of core.js's suggestDomain, the one way from the element
 * to the suggester (`export { xy as suggestDomain }`, or the plain name).
 */
function suggesterName() {
  const code = readFileSync(path.join(projectRoot, 'dist/lib/core.js'), 'utf8');
  const alias = code.match(/[{,]\s*([\w$]+) as suggestDomain\b/);
  const name = alias ? alias[1] : 'suggestDomain';
  assert.match(code, new RegExp(`function ${name.replace('$', '\\$')}\\(`), 'core.js defines the suggester');
  return name;
}

test('the element paints its first view without the suggester, and uses it once someone types', async () => {
  const name = suggesterName();
  const context = await browser.newContext();
  await context.route('**/fixture.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: fixtureHtml() }));
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Profiler.enable');
  // Call counts of every function, from before the page's first script.
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  /** Calls of the suggester since the last look (taking coverage resets the counts). */
  const suggesterCalls = async () => {
    const { result } = await cdp.send('Profiler.takePreciseCoverage');
    const core = result.filter((s) => s.url.endsWith('/lib/core.js'));
    assert.ok(core.length > 0, 'core.js was loaded');
    return core.flatMap((s) => s.functions).filter((f) => f.functionName === name)
      .reduce((n, f) => n + f.ranges[0].count, 0);
  };
  await p.goto(`${site.url}fixture.html`);
  await p.locator('mail-ports[ready]').waitFor();
  const w = p.locator('mail-ports');
  // The first view is painted and usable, and what was put off until after
  // the first paint has run too.
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
  assert.equal(await css(w, '#email').isVisible(), true);
  assert.equal(await css(w, '#p-settings').isVisible(), true);
  assert.ok((await css(w, '#pick option').count()) > 5, 'the hidden port view was filled after the first paint');
  assert.equal(await suggesterCalls(), 0, 'nothing before or right after the first paint asked for a suggestion');
  await css(w, '#email').fill('ana@gmial.com');
  await css(w, '[part~=suggestion]').waitFor();
  assert.match(await css(w, '[part~=suggestion]').textContent(), /ana@gmail\.com/);
  assert.ok(await suggesterCalls() >= 1, 'typing a typo reached the suggester');
  await context.close();
});

test('define.js and element.js name every module of their start-up graph, so it is fetched in one round', async () => {
  const { pageFiles, staticImports } = await import('../../scripts/sizes.mjs');
  const direct = (file) => [...new Set(staticImports(pkg, file))].sort();
  // Everything below define.js but the wasm and the locale, which the element fetches itself.
  const closure = pageFiles(pkg).filter((f) => f.endsWith('.js') && !f.startsWith('locales/') && f !== 'define.js').sort();
  for (const f of ['api.js', 'core.js', 'element.js', 'mailports.js']) assert.ok(closure.includes(f), `${f} is in the graph`);
  assert.deepEqual(direct('define.js'), closure);
  assert.deepEqual(direct('element.js'), closure.filter((f) => f !== 'element.js'));
});
