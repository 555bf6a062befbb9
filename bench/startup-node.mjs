// One cold start in a fresh Node process: time from `import` to the first
// answer. bench/run.mjs runs it several times per library and keeps the median.
//   node bench/startup-node.mjs <mailports|mailcheck|email-spell-checker|nodemailer-well-known>
// Prints one line of JSON: { "library": ..., "ms": ... }.
const name = process.argv[2];
const root = new URL('..', import.meta.url);

const cases = {
  mailports: async () => {
    const m = await import(new URL('pkg/node.js', root));
    await m.initCore(); // the core module is all a typo suggestion needs
    return m.suggestDomain('ana@gmial.com');
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
const t0 = performance.now();
const answer = await cases[name]();
const ms = performance.now() - t0;
console.log(JSON.stringify({ library: name, ms, answered: Boolean(answer) }));
