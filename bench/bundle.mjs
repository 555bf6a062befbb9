// Bundles each library for the same job the way a page would ship it: one
// minified ES module per library (Vite production build), plus any asset it
// fetches (mailports' wasm). The benchmark page loads these files, and the
// size rows are measured on exactly these bytes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { filesBelow, filesReport } from '../scripts/sizes.mjs';

// Entry modules, one per library and job. Each exports what the page calls.
export const ENTRIES = {
  mailcheck: "import Mailcheck from 'mailcheck';\nexport default Mailcheck;\n",
  'email-spell-checker': "import checker from '@zootools/email-spell-checker';\nexport default checker;\n",
  'nodemailer-well-known': "import wellKnown from 'nodemailer/lib/well-known';\nexport default wellKnown;\n",
  // mailports for the typo job and the lookup job alike: the JS API and its
  // core wasm (initCore; the full module is for export and discovery).
  mailports: (root) => `export { initCore as init, suggestDomain, lookupProvider } from ${JSON.stringify(path.join(root, 'pkg/index.js'))};\n`,
};

/**
 * Builds every entry into `outDir/<name>/`. Returns { name: { files: [{ file, raw, gzip, brotli }], total } }.
 * The entries live under node_modules/.cache so that package names resolve.
 */
export async function bundleAll(root, outDir, names = Object.keys(ENTRIES)) {
  const srcDir = path.join(root, 'node_modules/.cache/mailports-bench');
  mkdirSync(srcDir, { recursive: true });
  const result = {};
  for (const name of names) {
    const entry = path.join(srcDir, `${name}.js`);
    const code = typeof ENTRIES[name] === 'function' ? ENTRIES[name](root) : ENTRIES[name];
    writeFileSync(entry, code);
    const dir = path.join(outDir, name);
    rmSync(dir, { recursive: true, force: true });
    await build({
      root,
      configFile: false,
      logLevel: 'silent',
      publicDir: false,
      build: {
        outDir: dir,
        emptyOutDir: true,
        minify: true,
        target: 'es2022',
        modulePreload: false,
        assetsInlineLimit: 0,
        copyPublicDir: false,
        rollupOptions: {
          input: { [name]: entry },
          preserveEntrySignatures: 'strict',
          output: { format: 'es', entryFileNames: '[name].js', assetFileNames: '[name][extname]' },
        },
      },
    });
    // mailports' full module and the chunks only discovery and setup files
    // import are emitted too, but this job never fetches them.
    result[name] = filesReport(dir, filesBelow(dir, (file) => !/mailports_full|discovery|setup-files/.test(file)));
  }
  return result;
}
