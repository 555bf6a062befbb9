// One cold start in a fresh Node process: time from `import` to the first
// answer. bench/run.mjs runs it several times per library and keeps the median.
//   node bench/startup-node.mjs <mailports|mailcheck|email-spell-checker|nodemailer-well-known>
// Prints one line of JSON: { "library": ..., "ms": ..., "phases": { ... } }.
// For mailports, `ms` runs to the first answer of each of the three calls a
// page makes first (a suggestion, a provider lookup, a port), and `phases`
// says what each step took: import, initCore(), and each first call; then a
// first suggestDomain with 300 page domains (indexing them) and a second
// one (the same list again, which should cost nothing extra).
const name = process.argv[2];
const root = new URL('..', import.meta.url);

const cases = {
  mailports: async (phases) => {
    let t = performance.now();
    const step = (label) => {
      const now = performance.now();
      phases[label] = now - t;
      t = now;
    };
    const m = await import(new URL('pkg/node.js', root));
    step('import');
    await m.initCore(); // the core module is all these calls need
    step('initCore');
    const s = m.suggestDomain('ana@gmial.com');
    step('first suggestDomain');
    const p = m.lookupProvider('ana@gmail.com');
    step('first lookupProvider');
    const port = m.lookupPort(993);
    step('first lookupPort');
    return s && p && port && (() => {
      const domains = m.providerDomains().slice(0, 300);
      t = performance.now();
      m.suggestDomain('ana@gmial.com', { domains });
      step('first suggestDomain with 300 domains');
      m.suggestDomain('bob@yahooo.com', { domains: [...domains] });
      step('next suggestDomain with the same 300');
      return true;
    });
  },
  mailcheck: async () => {
    const { default: Mailcheck } = await import('mailcheck');
    return Mailcheck.run({ email: 'ana@gmial.com' });
  },
  'email-spell-checker': async () => {
    const { default: checker } = await import('@zootools/email-spell-checker');
    return checker.run({ email: 'ana@gmial.com' });
  },
  'nodemailer-well-known': async () => {
    const { default: wellKnown } = await import('nodemailer/lib/well-known');
    return wellKnown('ana@gmail.com');
  },
};

if (!cases[name]) {
  console.error(`unknown library ${name}; one of: ${Object.keys(cases).join(', ')}`);
  process.exit(2);
}
const phases = {};
const t0 = performance.now();
let answer = await cases[name](phases);
const ms = performance.now() - t0;
// Measured after the clock stopped: not part of `ms`.
if (typeof answer === 'function') answer = answer();
console.log(JSON.stringify({ library: name, ms, answered: Boolean(answer), phases }));
