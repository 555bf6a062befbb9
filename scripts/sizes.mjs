// Sizes of the files a page loads, raw, gzip and brotli (maximum quality), so
// the build and a test can report and check them. Compression is
// deterministic, which makes the numbers fit for a test.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export function compressedSizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

/** Every file below `dir` whose name passes `keep`, as paths relative to `dir`. */
export function filesBelow(dir, keep = () => true) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Sizes of `names` (paths relative to `dir`), largest first, with a total. */
export function filesReport(dir, names) {
  const files = names.map((file) => ({ file, ...compressedSizes(readFileSync(path.join(dir, file))) }));
  files.sort((a, b) => b.brotli - a.brotli);
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return { files, total };
}

/** Every runtime file in `dir` (recursively; no types, docs or source maps), with its sizes and a total. */
export function sizeReport(dir) {
  return filesReport(dir, filesBelow(dir, (name) => !/\.(d\.ts|md|map)$/.test(name)));
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);

export function printSizes({ files, total }, title = 'sizes of pkg/ (wasm after wasm-opt -Oz)') {
  const w = Math.max(5, ...files.map((f) => f.file.length));
  const line = (name, s) => `  ${name.padEnd(w)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`;
  const out = [`  ${'file'.padEnd(w)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`];
  for (const f of files) out.push(line(f.file, f));
  out.push(line('total', total));
  process.stderr.write(`[mailports] ${title}:\n${out.join('\n')}\n`);
}

/**
 * The files `file` (a path relative to `dir`) imports statically: imports and
 * re-exports of sibling files, minified or not. A dynamic import('./x.js') is
 * not one (it loads on demand).
 */
export function staticImports(dir, file) {
  const staticImport = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']\.\/([^"']+)["']/g;
  const text = readFileSync(path.join(dir, file), 'utf8');
  return [...text.matchAll(staticImport)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])));
}

/**
 * The files a page loads for the widget: define.js and every module it
 * imports statically (followed through `import … from './x.js'`), the core
 * wasm, and the page's one locale (`locales/<lang>.js`). What the element imports
 * dynamically (discovery.js, setup-files.js, the full module) loads only
 * when a visitor or the page asks for it, and is reported by onDemandReport.
 */
export function pageFiles(dir, lang = 'en') {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const f of staticImports(dir, file)) visit(f);
  };
  visit('define.js');
  return [...seen, 'mailports_bg.wasm', `locales/${lang}.js`];
}

/** The languages the element ships messages for (locales/*.js). */
export function locales(dir) {
  return readdirSync(path.join(dir, 'locales')).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
}

/** Sizes of pageFiles(dir, lang), largest first, with a total. */
export function pageReport(dir, lang = 'en') {
  return filesReport(dir, pageFiles(dir, lang));
}

/** The language whose page is heaviest, and that page's report: what the budget must hold for. */
export function heaviestPage(dir) {
  return locales(dir)
    .map((lang) => ({ lang, ...pageReport(dir, lang) }))
    .reduce((a, b) => (b.total.brotli > a.total.brotli ? b : a));
}

/**
 * What loads on demand on top of pageFiles(dir): the full module with its
 * glue (replacing the core module), discovery.js and setup-files.js, and
 * Port lookup's texts (English here; each language has its own file).
 */
export function onDemandReport(dir) {
  return filesReport(dir, ['mailports_full_bg.wasm', 'mailports_full.js', 'discovery.js', 'setup-files.js', 'locales/ports/en.js']);
}
