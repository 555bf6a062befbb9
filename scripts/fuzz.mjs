// `npm run fuzz`: runs every cargo-fuzz target in fuzz/ for a bounded time and
// prints how many inputs each one executed.
//
//   npm run fuzz                         every target, 20 s each
//   npm run fuzz -- --time 120           120 s each (or FUZZ_TIME=120)
//   npm run fuzz -- --targets dns,email  only these
//   npm run fuzz -- --sanitizer none     no AddressSanitizer (faster; the default is address)
//
// Needs the nightly toolchain and cargo-fuzz; both are installed on first use
// (`rustup toolchain install nightly --profile minimal`, `cargo install
// cargo-fuzz`). New inputs the fuzzer finds go into fuzz/corpus/<target>/
// under hash names (ignored by git; the committed seeds are named seed-*).
// A crash stops nothing: every target still runs, the input that crashed is
// kept in fuzz/artifacts/<target>/, and the script exits with status 1.
// Each run is appended to fuzz/artifacts/runs.jsonl; the table also shows the
// total number of executions per target over every run logged there.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root, run, capture, log } from './lib.mjs';

const fuzzDir = path.join(root, 'fuzz');
const logFile = path.join(fuzzDir, 'artifacts', 'runs.jsonl');

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const seconds = Number(arg('--time') ?? process.env.FUZZ_TIME ?? 20);
if (!Number.isInteger(seconds) || seconds < 1) {
  log(`--time must be a whole number of seconds, not ${arg('--time') ?? process.env.FUZZ_TIME}`);
  process.exit(2);
}
const sanitizer = arg('--sanitizer') ?? process.env.FUZZ_SANITIZER ?? 'address';
if (!['address', 'leak', 'memory', 'thread', 'none'].includes(sanitizer)) {
  log(`--sanitizer must be address, leak, memory, thread or none, not ${sanitizer}`);
  process.exit(2);
}
const all = readdirSync(path.join(fuzzDir, 'fuzz_targets'))
  .filter((f) => f.endsWith('.rs'))
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = arg('--targets')?.split(',').map((t) => t.trim()).filter(Boolean) ?? all;
const unknown = wanted.filter((t) => !all.includes(t));
if (unknown.length) {
  log(`unknown target(s): ${unknown.join(', ')}; the targets are ${all.join(', ')}`);
  process.exit(2);
}

// ---- tools ----
if (!capture('rustup', ['toolchain', 'list']).stdout.split('\n').some((l) => l.startsWith('nightly'))) {
  log('installing the nightly toolchain (cargo-fuzz needs it)');
  run('rustup', ['toolchain', 'install', 'nightly', '--profile', 'minimal']);
}
if (!capture('cargo', ['fuzz', '--version']).ok) {
  log('installing cargo-fuzz');
  run('cargo', ['install', 'cargo-fuzz', '--locked']);
}

log('building the fuzz targets with nightly');
run('cargo', ['+nightly', 'fuzz', 'build', '--sanitizer', sanitizer]);

/** Runs one target; resolves to { target, execs, seconds, crashed, status, corpus }. */
function fuzz(target) {
  const corpus = path.join(fuzzDir, 'corpus', target);
  mkdirSync(corpus, { recursive: true });
  const args = ['+nightly', 'fuzz', 'run', '--sanitizer', sanitizer, target, corpus, '--',
    `-max_total_time=${seconds}`, '-print_final_stats=1', '-timeout=10', '-rss_limit_mb=2048'];
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn('cargo', args, { cwd: root });
    let text = '';
    const keep = (chunk) => {
      text += chunk;
      if (text.length > 1 << 20) text = text.slice(-(1 << 19)); // the end holds the stats
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (status) => {
      const stat = text.match(/stat::number_of_executed_units:\s*(\d+)/);
      const done = [...text.matchAll(/^#(\d+)\s+DONE/gm)].at(-1);
      const execs = Number(stat?.[1] ?? done?.[1] ?? 0);
      const rate = Number(text.match(/stat::average_exec_per_sec:\s*(\d+)/)?.[1] ?? 0);
      const crashed = status !== 0;
      if (crashed) {
        // Show what went wrong: the panic message and the saved input.
        const lines = text.split('\n');
        const from = Math.max(0, lines.findIndex((l) => /panicked|ERROR: libFuzzer|==\d+==ERROR/.test(l)));
        process.stderr.write(`${lines.slice(from, from + 40).join('\n')}\n`);
      }
      const corpusSize = readdirSync(corpus).length;
      resolve({ target, sanitizer, execs, rate, seconds: (Date.now() - t0) / 1000, crashed, status, corpus: corpusSize });
    });
  });
}

mkdirSync(path.dirname(logFile), { recursive: true });
const results = [];
for (const target of wanted) {
  log(`fuzzing ${target} for ${seconds} s`);
  const r = await fuzz(target);
  results.push(r);
  appendFileSync(logFile, `${JSON.stringify({ date: new Date().toISOString(), ...r })}\n`);
  log(`${target}: ${r.execs.toLocaleString('en')} executions${r.crashed ? ` — FAILED (exit ${r.status})` : ''}`);
}

// Totals over every run in the log (this one included).
const totals = {};
if (existsSync(logFile)) {
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line);
      totals[r.target] = (totals[r.target] ?? 0) + (r.crashed ? 0 : r.execs);
    } catch {}
  }
}

const fmt = (n) => n.toLocaleString('en');
const rows = results.map((r) => [r.target, fmt(r.execs), fmt(r.rate),
  String(r.corpus), r.crashed ? 'CRASH' : 'ok', fmt(totals[r.target] ?? 0)]);
const head = ['target', 'executions', 'per second', 'corpus', 'result', 'total (all logged runs)'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 || i === 4 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const r of rows) console.log(line(r));
const failed = results.filter((r) => r.crashed);
console.log(failed.length
  ? `\n${failed.length} target(s) failed: ${failed.map((r) => r.target).join(', ')} (inputs in fuzz/artifacts/)`
  : `\nno crash in ${results.length} target(s), ${seconds} s each (sanitizer: ${sanitizer})`);
process.exit(failed.length ? 1 : 0);
