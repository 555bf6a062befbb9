// Smoke test of the `npm run bench` harness so it cannot rot: runs it on ~20
// addresses with one short round and checks the shape of the table and that
// the numbers are sane. It asserts no timing: speed is the benchmark's job.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectRoot } from './support.mjs';
import { generate, serialize, SHARES, COUNT } from '../../bench/data/generate.mjs';

test('the committed labelled set is exactly what the seeded generator makes', () => {
  const committed = readFileSync(path.join(projectRoot, 'bench/data/addresses.json'), 'utf8');
  assert.equal(serialize(generate()), committed, 'run node bench/data/generate.mjs');
  const items = JSON.parse(committed);
  assert.equal(items.length, COUNT);
  assert.ok(items.length >= 1000);
  assert.equal(new Set(items.map((i) => i.email)).size, items.length, 'addresses are unique');
  for (const kind of Object.keys(SHARES).filter((k) => k !== 'correct')) {
    const n = items.filter((i) => i.kind === kind).length;
    assert.ok(Math.abs(n / items.length - SHARES[kind]) < 0.05, `${kind}: ${n} of ${items.length}`);
    for (const i of items.filter((x) => x.kind === kind)) {
      assert.notEqual(i.email.split('@')[1], i.expect, `${i.email} is not a typo of ${i.expect}`);
    }
  }
  const clean = items.filter((i) => i.expect === null);
  assert.ok(Math.abs(clean.length / items.length - SHARES.correct) < 0.05);
  // A different seed gives a different set: the seed really drives it.
  assert.notDeepEqual(generate({ seed: 1, count: 50 }), generate({ count: 50 }));
});

test('npm run bench harness: --quick prints the full table with sane numbers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mailports-bench-smoke-'));
  try {
    const json = path.join(dir, 'bench.json');
    const res = spawnSync(process.execPath, ['bench/run.mjs', '--quick', '--json', json],
      { cwd: projectRoot, encoding: 'utf8', timeout: 240_000 });
    assert.equal(res.status, 0, res.stderr);
    const r = JSON.parse(readFileSync(json, 'utf8'));

    // The printed table: header, separator, one line per row, same columns everywhere.
    const [main, goals = ''] = res.stdout.split('The goals of issue 16');
    const lines = main.split('\n').filter((l) => l.startsWith('|'));
    const header = lines[0].split('|').map((c) => c.trim()).filter(Boolean);
    assert.deepEqual(header, ['area', 'env', 'case', 'library', 'correct', 'wrong', 'missed', 'false alarms', 'accuracy', 'value', 'mailports advantage']);
    for (const l of lines) assert.equal(l.split('|').length, header.length + 2, l);
    const rows = lines.slice(2).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
    const areas = new Set(rows.map((c) => c[0]));
    for (const a of ['typo suggestion', 'provider lookup', 'startup', 'size']) assert.ok(areas.has(a), `no ${a} rows`);

    const libs = ['mailports', 'mailcheck', '@zootools/email-spell-checker'];
    assert.deepEqual(Object.keys(r.envs).sort(), ['chromium', 'node']);
    assert.equal(r.items, 20);
    assert.ok(r.mailportsDomainCount > 100, 'mailports reports its built-in domains');
    for (const [env, e] of Object.entries(r.envs)) {
      // Typo suggestion: every library at every domain count, counts that add up.
      for (const n of r.domainCounts) {
        for (const lib of libs) {
          const s = e.suggest.find((x) => x.library === lib && x.domains === n);
          assert.ok(s, `${env}: no ${lib} row at ${n} domains`);
          assert.equal(s.correct + s.wrong + s.missed, s.typos);
          assert.equal(s.typos + s.clean, r.items);
          assert.ok(s.falseAlarms <= s.clean);
          assert.ok(Number.isFinite(s.perSec) && s.perSec > 0, `${env} ${lib}: ${s.perSec}`);
        }
      }
      // mailports and the peers find the intended domain for most typos even on 20 items.
      const mp = e.suggest.find((x) => x.library === 'mailports' && x.level === 'all');
      assert.ok(mp.correct >= mp.typos / 2, `${env}: mailports corrected only ${mp.correct} of ${mp.typos}`);

      // Provider lookup: the Map over mailports' own data finds exactly what mailports finds.
      const lk = Object.fromEntries(e.lookup.map((x) => [x.library, x]));
      assert.deepEqual(Object.keys(lk).sort(), ['JS Map (same data)', 'JS Map + structuredClone', 'mailports', 'mailports, unknown domains', 'nodemailer wellKnown']);
      assert.equal(lk['mailports, unknown domains'].hits, 0, 'made-up domains are not found');
      assert.equal(lk['JS Map (same data)'].hits, lk.mailports.hits);
      for (const x of e.lookup) assert.ok(Number.isFinite(x.perSec) && x.perSec > 0);

      for (const s of e.startup) assert.ok(s.ms > 0 && s.ms < 60_000, `${env} startup ${s.library}: ${s.ms}`);
      assert.ok(e.startup.some((s) => s.library === 'mailports'));
    }
    // The goals table: every figure of issue 16, unthrottled and at 4× CPU where it has both.
    const goalLines = goals.split('\n').filter((l) => l.startsWith('|'));
    assert.deepEqual(goalLines[0].split('|').map((c) => c.trim()).filter(Boolean), ['figure', 'target', '1× CPU', '4× CPU', 'baseline', 'met']);
    const figures = r.goals.map((g) => g.figure).join('\n');
    for (const f of ['Node: import -> first suggestion', 'Node: slowest single first call', 'element defined -> ready',
      'first suggesting keystroke', 'p99, Find my settings', 'p99, Port lookup', 'p99, Recommend',
      'node: suggestDomain with a 300-domain', 'chromium: suggestDomain with a 300-domain', 'typo accuracy', 'page weight']) {
      assert.ok(figures.includes(f), `no goal row for ${f}`);
    }
    for (const rate of ['1', '4']) {
      const k = r.envs.chromium.element.rates[rate];
      assert.ok(k.ready > 0 && k.firstSuggestion > 0, `element at ${rate}×`);
      assert.ok(k.series['no-op baseline (bare input)'][0].p99 >= 0, `baseline at ${rate}×`);
    }
    const widget = r.envs.chromium.pages.find((p) => p.page === 'widget');
    assert.ok(widget && widget.fcp > 0 && widget.widget > 0, 'widget page measured');

    // Sizes: every library, brotli < gzip < raw, mailports' wasm included.
    for (const lib of ['mailports', 'mailcheck', '@zootools/email-spell-checker', 'nodemailer wellKnown']) {
      assert.ok(r.sizes.some((s) => s.library === lib), `no size row for ${lib}`);
    }
    for (const s of r.sizes) assert.ok(s.brotli > 0 && s.brotli <= s.gzip && s.gzip < s.raw, JSON.stringify(s));
    const mpSize = r.sizes.find((s) => s.library === 'mailports');
    assert.ok(mpSize.raw > 10_000, 'the mailports bundle includes its wasm');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
