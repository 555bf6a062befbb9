// The measuring part of the benchmark: plain ES module, no Node or DOM APIs,
// so the very same code runs in Node and in the benchmark page in Chromium.
// It never prints; bench/run.mjs turns its results into the table.

const now = () => performance.now();

/** Scores a suggester `(email) => domain | null` against the labelled set. */
export function scoreSuggest(items, suggest) {
  const s = { correct: 0, wrong: 0, missed: 0, falseAlarms: 0, typos: 0, clean: 0 };
  for (const { email, expect } of items) {
    const got = suggest(email) ?? null;
    if (expect === null) {
      s.clean += 1;
      if (got !== null) s.falseAlarms += 1;
    } else {
      s.typos += 1;
      if (got === null) s.missed += 1;
      else if (got === expect) s.correct += 1;
      else s.wrong += 1;
    }
  }
  return s;
}

/**
 * Calls per second of each function in `fns` over `inputs`. The rounds are
 * interleaved (round 1 of every function, then round 2 of every function…)
 * so that a burst of load from elsewhere on the machine hits all of them
 * alike. A round calls the function on the inputs in order, wrapping around,
 * until at least `minMs` have passed; the next round of that function goes on
 * where the last one stopped (a slow library still sees the whole list over
 * its rounds, and no round runs much past `minMs`). Each result is the median
 * of `rounds` rounds. Return values feed a sink so no call can be optimised away.
 */
export function throughputMany(fns, inputs, { rounds = 5, minMs = 100 } = {}) {
  let sink = 0;
  const at = fns.map(() => 0);
  const rates = fns.map(() => []);
  for (let r = 0; r < rounds; r += 1) {
    fns.forEach((fn, f) => {
      const list = Array.isArray(inputs[0]) ? inputs[f] : inputs;
      let i = at[f];
      let calls = 0;
      const t0 = now();
      let elapsed = 0;
      do {
        for (let k = 0; k < 16; k += 1) {
          if (fn(list[i])) sink += 1;
          i = i + 1 === list.length ? 0 : i + 1;
        }
        calls += 16;
        elapsed = now() - t0;
      } while (elapsed < minMs);
      at[f] = i;
      rates[f].push((calls / elapsed) * 1000);
    });
  }
  return rates.map((rs) => {
    rs.sort((a, b) => a - b);
    return { perSec: rs[Math.floor(rs.length / 2)], rounds: rs.length, sink };
  });
}

/** throughputMany for one function. */
export function throughput(fn, inputs, opts) {
  return throughputMany([fn], inputs, opts)[0];
}

/**
 * Adapters turning each library into `(domains) => (email) => domain | null`.
 * `mods` holds the loaded modules: { mailports, mailcheck, spellChecker }.
 * The peers get the list as their `domains` option and keep their own
 * second-level and top-level lists (the fallback each of them ships).
 */
export function suggesters(mods) {
  const out = [];
  if (mods.mailports) {
    const { suggestDomain } = mods.mailports;
    // mailports always searches its built-in index; `options.domains` can only
    // add to it (indexed on first use, recognised when repeated). Both are measured.
    out.push({ name: 'mailports', builtin: true, make: () => (e) => suggestDomain(e)?.domain ?? null });
    out.push({ name: 'mailports + options.domains', make: (domains) => (e) => suggestDomain(e, { domains })?.domain ?? null });
  }
  if (mods.mailcheck) {
    const mc = mods.mailcheck;
    out.push({ name: 'mailcheck', make: (domains) => (email) => mc.run({ email, domains })?.domain ?? null });
  }
  if (mods.spellChecker) {
    const sc = mods.spellChecker;
    out.push({ name: '@zootools/email-spell-checker', make: (domains) => (email) => sc.run({ email, domains })?.domain ?? null });
  }
  return out;
}

/**
 * The typo-suggestion suite: for every domain list (`levels`: [{ name, domains }])
 * and every library, accuracy on the whole set and calls per second.
 */
export function suggestSuite({ items, mods, levels, rounds, minMs }) {
  const emails = items.map((i) => i.email);
  const rows = [];
  for (const level of levels) {
    // The full list adds nothing to mailports' index (it holds all of it already),
    // and passing 1,000+ domains on every call is the slow path: not run there.
    const libs = suggesters(mods).filter((lib) => !(lib.name.endsWith('options.domains') && level.name === 'all'));
    const fns = libs.map((lib) => lib.make(level.domains));
    const scores = fns.map((fn) => scoreSuggest(items, fn)); // also the warm-up
    const speeds = throughputMany(fns, emails, { rounds, minMs });
    libs.forEach((lib, k) => {
      rows.push({ level: level.name, domains: level.domains.length, library: lib.name, builtin: Boolean(lib.builtin), ...scores[k], perSec: speeds[k].perSec });
    });
  }
  return rows;
}

/**
 * The provider-lookup suite: mailports `lookupProvider` (through the wasm
 * boundary), nodemailer's `wellKnown`, and a plain `Map` from domain to the
 * very objects mailports returns. Counts hits and calls per second.
 */
export function lookupSuite({ queries, mods, domains, rounds, minMs }) {
  const rows = [];
  const libs = [];
  if (mods.mailports) {
    const { lookupProvider } = mods.mailports;
    const map = new Map();
    for (const d of domains) {
      const p = lookupProvider(d);
      if (p) map.set(d, p);
    }
    const get = (q) => map.get(q.slice(q.lastIndexOf('@') + 1).trim().toLowerCase()) ?? null;
    libs.push({ name: 'mailports', fn: (q) => lookupProvider(q) });
    libs.push({ name: 'JS Map (same data)', fn: get });
    // mailports hands out a fresh object per call; so does this variant of the Map.
    libs.push({ name: 'JS Map + structuredClone', fn: (q) => { const p = get(q); return p && structuredClone(p); } });
    // The same calls at domains nobody knows: the boundary, parsing and the
    // search without building a result object.
    libs.push({ name: 'mailports, unknown domains', fn: (q) => lookupProvider(q), inputs: queries.map((q) => q.replace('@', '@unknown-')) });
  }
  if (mods.wellKnown) libs.push({ name: 'nodemailer wellKnown', fn: (q) => mods.wellKnown(q) || null });
  const lists = libs.map((l) => l.inputs ?? queries);
  // The hit count is also the warm-up.
  const hits = libs.map(({ fn }, k) => lists[k].reduce((n, q) => (fn(q) ? n + 1 : n), 0));
  const speeds = throughputMany(libs.map((l) => l.fn), lists, { rounds, minMs });
  libs.forEach(({ name }, k) => {
    rows.push({ library: name, hits: hits[k], queries: lists[k].length, perSec: speeds[k].perSec });
  });
  return rows;
}
