// `npm run bench`: mailports against the libraries people use instead, on the
// same work in the same run, in Node and in headless Chromium; prints one table.
//
//   node bench/run.mjs [--quick] [--json FILE] [--no-browser]
//
//   --quick       20 items, 1 round, 1 cold start: for the smoke test (numbers are not meaningful)
//   --json FILE   also writes every measurement as JSON
//   --no-browser  Node only
//
// Needs pkg/ and dist/ (npm run bench builds them first). BENCHMARKS.md says
// what each row measures and how the labelled set is made.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { suggestSuite, lookupSuite } from './harness.mjs';
import { POPULAR, mulberry32 } from './data/generate.mjs';
import { bundleAll } from './bundle.mjs';
import { compressedSizes, filesReport, heaviestPage } from '../scripts/sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const withBrowser = !args.includes('--no-browser');

const ROUNDS = quick ? 1 : 5;
const MIN_MS = quick ? 1 : 100;
const STARTS = quick ? 1 : 5;
const started = Date.now();
const log = (m) => process.stderr.write(`[bench] ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s  ${m}\n`);

/** mailports from pkg/node.js, or null while the bindings are not built yet. */
async function loadMailports() {
  const file = path.join(root, 'pkg/node.js');
  if (!existsSync(file)) return null;
  const m = await import(pathToFileURL(file).href);
  if (typeof m.suggestDomain !== 'function' || typeof m.lookupProvider !== 'function') return null;
  await m.initCore(); // suggestions and lookups need only the core module
  return m;
}

/** Every email domain mailports knows (its built-in list), deduplicated and sorted. */
export function mailportsDomains(m) {
  if (typeof m.providerDomains === 'function') return [...new Set(m.providerDomains().map((d) => d.toLowerCase()))].sort();
  const out = new Set();
  for (const p of m.listProviders?.() ?? []) {
    for (const d of p.domains ?? m.providerDomains?.(p.id) ?? []) out.add(String(d).toLowerCase());
  }
  return [...out].sort();
}

/**
 * The domain lists: the popularity ranking of bench/data/generate.mjs first,
 * then mailports' other domains in alphabetical order. "all" is the union.
 */
export function domainLevels(known) {
  const ranked = [...new Set([...POPULAR.map(([d]) => d), ...known])];
  const levels = [30, 300].filter((n) => n < ranked.length).map((n) => ({ name: String(n), domains: ranked.slice(0, n) }));
  levels.push({ name: 'all', domains: ranked });
  return levels;
}

/** Lookup queries: one address per domain of the full list plus the set's correct addresses, shuffled (seeded). */
export function lookupQueries(items, domains) {
  const qs = [...domains.map((d, i) => `user${i}@${d}`), ...items.filter((i) => i.expect === null).map((i) => i.email)];
  const rnd = mulberry32(7);
  for (let i = qs.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [qs[i], qs[j]] = [qs[j], qs[i]];
  }
  return qs;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/**
 * Cold starts in fresh Node processes, the libraries' runs interleaved (run 1
 * of each, then run 2…) so that a burst of load hits them alike. For each
 * library the median time, and for mailports the median of each phase.
 */
function nodeStartups(names) {
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < STARTS; i += 1) {
    for (const name of names) {
      const res = spawnSync(process.execPath, [path.join(root, 'bench/startup-node.mjs'), name], { encoding: 'utf8', cwd: root });
      if (res.status !== 0) throw new Error(`startup-node ${name} failed: ${res.stderr}`);
      runs[name].push(JSON.parse(res.stdout.trim().split('\n').pop()));
    }
  }
  return names.map((name) => {
    const list = runs[name];
    const phases = {};
    for (const key of Object.keys(list[0].phases ?? {})) phases[key] = median(list.map((r) => r.phases[key]));
    return { library: name, ms: median(list.map((r) => r.ms)), runs: list.length, phases };
  });
}

// ---------------------------------------------------------------- the table

const COLUMNS = ['area', 'env', 'case', 'library', 'correct', 'wrong', 'missed', 'false alarms', 'accuracy', 'value', 'mailports advantage'];
const num = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ratio = (x) => (Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x >= 0.1 ? x.toFixed(2) : x.toPrecision(2)}×` : '');
const sizeText = (s) => `${kb(s.raw)} / ${kb(s.gzip)} / ${kb(s.brotli)}`;

/** Builds the rows of the one table from the raw results. */
export function tableRows(r) {
  const rows = [];
  const add = (o) => rows.push(Object.fromEntries(COLUMNS.map((c) => [c, o[c] ?? ''])));
  for (const [env, res] of Object.entries(r.envs)) {
    const byLevel = {};
    for (const s of res.suggest) (byLevel[s.level] ??= []).push(s);
    for (const [level, list] of Object.entries(byLevel)) {
      const mp = list.find((s) => s.library === 'mailports');
      for (const s of list) {
        const note = s.builtin ? ` (mailports: its ${r.mailportsDomainCount} built-in)` : '';
        add({
          area: 'typo suggestion', env, case: `${s.domains}-domain list${note}`, library: s.library,
          correct: s.correct, wrong: s.wrong, missed: s.missed, 'false alarms': s.falseAlarms,
          // Right calls: the intended domain for a typo, silence for a correct address.
          accuracy: `${(((s.correct + s.clean - s.falseAlarms) / (s.typos + s.clean)) * 100).toFixed(1)} %`,
          value: `${num(s.perSec)} calls/s`,
          'mailports advantage': mp && !s.library.startsWith('mailports') ? ratio(mp.perSec / s.perSec) : '',
        });
      }
    }
    const mpLookup = res.lookup.find((l) => l.library === 'mailports');
    for (const l of res.lookup) {
      add({
        area: 'provider lookup', env, case: `${l.queries} queries, ${l.hits} found`, library: l.library,
        value: `${num(l.perSec)} calls/s`,
        'mailports advantage': mpLookup && !l.library.startsWith('mailports') ? ratio(mpLookup.perSec / l.perSec) : '',
      });
    }
    const mpStart = res.startup.find((s) => s.library === 'mailports');
    for (const s of res.startup) {
      const what = s.library === 'mailports' && env === 'node' ? 'first suggestion, lookup and port answer' : 'first answer';
      add({
        area: 'startup', env, case: `import -> ${what} (median of ${s.runs})`, library: s.library,
        value: `${s.ms.toFixed(1)} ms`,
        'mailports advantage': mpStart && s !== mpStart ? ratio(s.ms / mpStart.ms) : '',
      });
      for (const [phase, ms] of Object.entries(s.phases ?? {})) {
        add({ area: 'startup', env, case: `  of which: ${phase} (median of ${s.runs})`, library: s.library, value: `${ms.toFixed(2)} ms` });
      }
    }
    for (const pg of res.pages ?? []) {
      add({ area: 'startup', env, case: `${pg.page} page: first contentful paint (median of ${pg.runs})`, library: pg.page === 'widget' ? 'mailports <mail-ports>' : 'no widget', value: `${pg.fcp.toFixed(1)} ms` });
      if (pg.widget !== null) {
        add({ area: 'startup', env, case: 'element connected -> first painted UI', library: 'mailports <mail-ports>', value: `${pg.widget.toFixed(1)} ms` });
      }
    }
    for (const [rate, k] of Object.entries(res.element?.rates ?? {})) {
      const cpu = `${rate}× CPU`;
      add({ area: 'startup', env, case: `${cpu}: element defined -> ready (median of ${r.envs.chromium.element.starts})`, library: 'mailports <mail-ports>', value: `${k.ready.toFixed(1)} ms` });
      add({ area: 'startup', env, case: `${cpu}: element defined -> ready UI painted (median of ${r.envs.chromium.element.starts})`, library: 'mailports <mail-ports>', value: `${k.painted.toFixed(1)} ms` });
      add({ area: 'keystroke', env, case: `${cpu}: first suggesting keystroke after ready: input / keydown -> rendered (median of ${r.envs.chromium.element.starts})`, library: 'mailports <mail-ports>', value: `${k.firstSuggestion.toFixed(1)} / ${k.firstSuggestionKeydown.toFixed(1)} ms` });
      for (const [name, [input, keydown]] of Object.entries(k.series)) {
        const library = /baseline/i.test(name) ? 'no widget (bare input)' : 'mailports <mail-ports>';
        const n = r.envs.chromium.element.keys;
        add({ area: 'keystroke', env, case: `${cpu}: ${name}: input -> rendered, p50 / p99 (n=${n})`, library, value: `${input.p50.toFixed(2)} / ${input.p99.toFixed(2)} ms` });
        add({ area: 'keystroke', env, case: `${cpu}: ${name}: keydown -> rendered, p50 / p99 (n=${n})`, library, value: `${keydown.p50.toFixed(2)} / ${keydown.p99.toFixed(2)} ms` });
      }
    }
  }
  const sizes = r.sizes;
  const mpSize = sizes.find((s) => s.library === 'mailports');
  for (const s of sizes) {
    add({
      area: 'size', env: 'page', case: `${s.job} (raw / gzip / brotli)`, library: s.library, value: sizeText(s),
      'mailports advantage': mpSize && s !== mpSize && !s.whole ? ratio(s.brotli / mpSize.brotli) : '',
    });
  }
  return rows;
}

export function formatTable(rows) {
  const widths = COLUMNS.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(COLUMNS), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((r) => line(COLUMNS.map((c) => r[c])))].join('\n');
}

// ---------------------------------------------------------------- main

export async function main() {
  const t0 = Date.now();
  let items = JSON.parse(readFileSync(path.join(root, 'bench/data/addresses.json'), 'utf8'));
  if (quick) items = items.filter((_, i) => i % Math.floor(items.length / 20) === 0).slice(0, 20);

  const mailports = await loadMailports();
  if (!mailports) log('pkg/ has no suggestDomain/lookupProvider yet: mailports rows are left out');
  const known = mailports ? mailportsDomains(mailports) : [];
  const levels = domainLevels(known);
  const all = levels[levels.length - 1].domains;
  let queries = lookupQueries(items, all);
  if (quick) queries = queries.slice(0, 20);

  const mods = {
    mailports,
    mailcheck: require('mailcheck'),
    spellChecker: require('@zootools/email-spell-checker').default,
    wellKnown: require('nodemailer/lib/well-known'),
  };
  if (typeof mods.wellKnown !== 'function') mods.wellKnown = mods.wellKnown.default;

  const result = {
    machine: {
      cpu: os.cpus()[0]?.model, cores: os.cpus().length, memGiB: Math.round(os.totalmem() / 2 ** 30),
      os: `${os.type()} ${os.release()}`, node: process.version, loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
    },
    items: items.length, domainCounts: levels.map((l) => l.domains.length), mailportsDomainCount: known.length,
    quick, envs: {},
  };

  log(`Node: typo suggestion on ${items.length} addresses at ${levels.map((l) => l.domains.length).join(' / ')} domains`);
  const node = {
    suggest: suggestSuite({ items, mods, levels, rounds: ROUNDS, minMs: MIN_MS }),
    lookup: lookupSuite({ queries, mods, domains: all, rounds: ROUNDS, minMs: MIN_MS }),
  };
  log('Node: cold starts');
  node.startup = nodeStartups([...(mailports ? ['mailports'] : []), 'mailcheck', 'email-spell-checker', 'nodemailer-well-known']);
  result.envs.node = node;

  log('bundling each library for the page (Vite production build)');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mailports-bench-'));
  try {
    const bundleDir = path.join(tmp, 'bundles');
    const names = ['mailcheck', 'email-spell-checker', 'nodemailer-well-known', ...(mailports ? ['mailports'] : [])];
    const bundles = await bundleAll(root, bundleDir, names);
    result.sizes = sizeRows(bundles, all, mailports);

    if (withBrowser) {
      log('Chromium: suites, cold starts, pages');
      const { writeSite, runBrowser } = await import('./browser.mjs');
      const site = path.join(tmp, 'site');
      writeSite({ root, site, bundleDir, bundles });
      const hasElement = existsSync(path.join(site, 'lib/define.js'));
      const chromium = await runBrowser({
        site, items, levels, queries, allDomains: all, rounds: ROUNDS, minMs: MIN_MS, starts: STARTS,
        hasMailports: Boolean(mailports), hasElement,
      });
      result.chromium = chromium.version;
      if (chromium.widgetFiles?.length) {
        // What the widget page really fetched from dist/lib (the JS as shipped, the core wasm, one locale).
        const { total } = filesReport(site, chromium.widgetFiles);
        result.sizes.push({ job: `whole widget as shipped (${chromium.widgetFiles.length} files)`, library: 'mailports <mail-ports>', whole: true, ...total });
      }
      result.envs.chromium = chromium;
      chromium.element = elementBench(quick, tmp);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  result.page = heaviestPage(path.join(root, 'pkg'));
  result.seconds = (Date.now() - t0) / 1000;
  const table = formatTable(tableRows(result));
  console.log(table);
  result.goals = goalRows(result);
  console.log(`\nThe goals of issue 16 (measured above, in this run):\n${formatGoals(result.goals)}`);
  console.log(`\n${items.length} addresses; domain lists ${result.domainCounts.join(' / ')}; ${ROUNDS} round(s); ` +
    `Node ${process.version}${result.chromium ? `, Chromium ${result.chromium}` : ''}; ` +
    `${result.machine.cpu} x${result.machine.cores}, load average at start ${result.machine.loadavg[0]}; ${result.seconds.toFixed(0)} s`);
  if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ ...result, table }, null, 2)}\n`);
  return result;
}

/** The size rows: each library's bundle for the job, next to mailports. */
function sizeRows(bundles, all, mailports) {
  const rows = [];
  const plus = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
  const domainsJson = compressedSizes(Buffer.from(JSON.stringify(all)));
  if (bundles.mailports) rows.push({ job: 'typo suggestion + provider lookup', library: 'mailports', ...bundles.mailports.total });
  rows.push({ job: 'typo suggestion, own 30-domain default', library: 'mailcheck', ...bundles.mailcheck.total });
  rows.push({ job: `typo suggestion + the ${all.length}-domain list`, library: 'mailcheck', ...plus(bundles.mailcheck.total, domainsJson) });
  rows.push({ job: 'typo suggestion, own default list', library: '@zootools/email-spell-checker', ...bundles['email-spell-checker'].total });
  rows.push({ job: `typo suggestion + the ${all.length}-domain list`, library: '@zootools/email-spell-checker', ...plus(bundles['email-spell-checker'].total, domainsJson) });
  rows.push({ job: 'SMTP settings of its own services', library: 'nodemailer wellKnown', ...bundles['nodemailer-well-known'].total });
  if (mailports) {
    const data = {};
    for (const d of all) {
      const p = mailports.lookupProvider(d);
      if (p) data[d] = p;
    }
    rows.push({ job: 'provider lookup: the same data as JSON', library: 'JS Map (same data)', ...compressedSizes(Buffer.from(JSON.stringify(data))) });
  }
  return rows;
}

/**
 * The element benchmark (bench/keystroke.mjs: startup, first keystroke and
 * keystroke series of <mail-ports>, unthrottled and at 4× CPU throttling),
 * run as its own process (it drives its own browser); its JSON result.
 */
function elementBench(short, tmp) {
  const file = path.join(root, 'bench/keystroke.mjs');
  const json = path.join(tmp, 'element.json');
  log('Chromium: <mail-ports> startup and keystrokes at 1× and 4× CPU (bench/keystroke.mjs)');
  const opts = short ? ['--keys', '20', '--starts', '1'] : ['--keys', '1000', '--starts', String(STARTS)];
  const res = spawnSync(process.execPath, [file, ...opts, '--json', json], { encoding: 'utf8', cwd: root, timeout: 900_000 });
  if (res.status !== 0) {
    throw new Error(`bench/keystroke.mjs failed (exit ${res.status}): ${(res.stderr || res.error?.message || '').trim().split('\n').slice(-8).join(' | ')}`);
  }
  return JSON.parse(readFileSync(json, 'utf8'));
}

/**
 * One row per figure of the issue's goals: what is measured, the target, the
 * value unthrottled and at 4× CPU (where the goal has both), the no-op
 * baseline of the same run where there is one, and whether it is met.
 */
export function goalRows(r) {
  const rows = [];
  const fmt = (x, unit = 'ms') => (x === undefined || Number.isNaN(x) ? '' : `${x.toFixed(x < 10 ? 2 : 1)} ${unit}`);
  const goal = (figure, target, one, four, baseline, met) => rows.push({ figure, target, '1× CPU': one, '4× CPU': four, baseline, met: met === undefined ? '' : met ? 'yes' : 'no' });
  const node = r.envs.node;
  const mp = node?.startup.find((s) => s.library === 'mailports');
  const mc = node?.startup.find((s) => s.library === 'mailcheck');
  if (mp && mc) {
    goal('Node: import -> first suggestion, lookup and port answer', `<= 3× mailcheck (${fmt(3 * mc.ms)})`, `${fmt(mp.ms)} (${(mp.ms / mc.ms).toFixed(1)}×)`, '', `mailcheck ${fmt(mc.ms)}`, mp.ms <= 3 * mc.ms);
    const firsts = Object.entries(mp.phases).filter(([k]) => /^first (suggestDomain|lookupProvider|lookupPort)$/.test(k));
    const worst = Math.max(...firsts.map(([, v]) => v));
    goal('Node: slowest single first call', '<= 3 ms', `${fmt(worst)} (${firsts.map(([k, v]) => `${k.replace('first ', '')} ${v.toFixed(2)}`).join(', ')})`, '', '', worst <= 3);
    goal('Node: initCore() (read, compile, instantiate the core wasm)', '', fmt(mp.phases.initCore), '', '');
  }
  const el = r.envs.chromium?.element?.rates;
  if (el) {
    const [one, four] = [el[1], el[4]];
    goal('Chromium: element defined -> ready (median)', '<= 40 ms / <= 100 ms', fmt(one?.ready), fmt(four?.ready), '', one && four && one.ready <= 40 && four.ready <= 100);
    goal('Chromium: first suggesting keystroke -> rendered (median)', '<= 16 ms at 4×', fmt(one?.firstSuggestion), fmt(four?.firstSuggestion), '', four && four.firstSuggestion <= 16);
    for (const name of Object.keys(one?.series ?? {}).filter((n) => !/baseline/i.test(n))) {
      const [a, b] = [one.series[name][0].p99, four?.series[name]?.[0].p99];
      const base = ['1', '4'].map((k) => el[k]?.series['no-op baseline (bare input)']?.[0].p99).map((x) => fmt(x)).join(' / ');
      goal(`Chromium: keystroke -> rendered p99, ${name}`, '<= 1.6 ms / <= 8 ms', fmt(a), fmt(b), `bare input ${base}`, a <= 1.6 && b <= 8);
    }
  }
  for (const [env, res] of Object.entries(r.envs)) {
    const plain = res.suggest.find((s) => s.library === 'mailports' && s.domains === 300);
    const withList = res.suggest.find((s) => s.library === 'mailports + options.domains' && s.domains === 300);
    if (plain && withList) {
      goal(`${env}: suggestDomain with a 300-domain options.domains`, '>= 0.5× built-in alone', `${num(withList.perSec)} calls/s (${(withList.perSec / plain.perSec).toFixed(2)}×)`, '', `built-in alone ${num(plain.perSec)} calls/s`, withList.perSec >= plain.perSec / 2);
    }
    const acc = res.suggest.find((s) => s.library === 'mailports' && s.level === 'all');
    if (acc) {
      const a = ((acc.correct + acc.clean - acc.falseAlarms) / (acc.typos + acc.clean)) * 100;
      goal(`${env}: typo accuracy`, '>= 94.3 %, 0 wrong, 0 false alarms', `${a.toFixed(1)} %, ${acc.wrong} wrong, ${acc.falseAlarms} false alarms`, '', '', Number(a.toFixed(1)) >= 94.3 && acc.wrong === 0 && acc.falseAlarms === 0);
    }
  }
  if (r.page) goal(`page weight (heaviest locale: ${r.page.lang})`, '<= 85 KB brotli', kb(r.page.total.brotli), '', '', r.page.total.brotli <= 85 * 1024);
  return rows;
}

export function formatGoals(rows) {
  const cols = ['figure', 'target', '1× CPU', '4× CPU', 'baseline', 'met'];
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((x) => String(x[c]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(cols), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((x) => line(cols.map((c) => x[c])))].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    log(`failed: ${e.stack ?? e.message}`);
    process.exit(1);
  });
}
