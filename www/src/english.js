// The English words of the JS API's results. The core returns numbers and
// codes only; every sentence a reader sees lives in the locales
// (www/src/locales/), English included, so that the element loads just the
// language it shows. The package's entry modules (index.js, node.js) pass
// their results through here, so a script calling lookupPort() or
// recommend() still gets English text: a port's `summary` and `caveats`, a
// reason's `message`, a requirement's `text`.
import en from './locales/en.js';
import enPorts from './locales/ports/en.js';
import * as core from './core.js';

/** A port row with its English summary and caveats. */
const port = (row) => row && { ...row, summary: enPorts[row.port]?.summary ?? '', caveats: enPorts[row.port]?.caveats ?? [] };

/** A reason or warning with its English sentence; a provider's requirement is coded by the requirement. */
const reason = (r) => ({ ...r, message: en.codes[r.code] ?? en.req[r.code] ?? '' });

/** A provider match whose requirement codes become `{ code, text }`. */
const provider = (m) => m && { ...m, requirements: m.requirements.map((code) => ({ code, text: en.req[code] ?? '' })) };

export const lookupPort = (p) => port(core.lookupPort(p));
export const listPorts = (filter) => core.listPorts(filter).map(port);
export const lookupProvider = (input) => provider(core.lookupProvider(input));

export function recommend(needs) {
  const r = core.recommend(needs);
  return { ...r, reasons: r.reasons.map(reason), warnings: r.warnings.map(reason) };
}

export function reasonCatalog() {
  const catalog = core.reasonCatalog();
  for (const code of Object.keys(catalog)) catalog[code] = reason(catalog[code]);
  return catalog;
}

/** discover(), with the database's answer in English like lookupProvider()'s. */
export const englishDiscover = (discover) => async (input, options) => {
  const r = await discover(input, options);
  return r.source === 'database' ? { ...r, settings: provider(r.settings) } : r;
};
