// The browser API without English texts (results carry codes only): what the
// element imports, since it shows every text from its own locale. The wasm
// files are fetched from beside this file unless init() or initCore() is
// given another URL, Response, bytes or WebAssembly.Module. index.js, the
// package's entry, adds the English texts.
import { makeInit } from './core.js';

export * from './core.js';
export const { init, initCore } = makeInit({
  core: () => new URL('mailports_bg.wasm', import.meta.url),
  full: () => new URL('mailports_full_bg.wasm', import.meta.url),
});
/** Resolves once the full module is loaded, loading it from the default place if needed. */
export const ready = () => init();
let discovering = null;
/**
 * Finds a domain's mail settings over the network; opt-in, see DISCOVERY.md.
 * lazy.js loads on the first call, so a page that never discovers never
 * fetches it (0.4 KB brotli). Like lazy.js's discover(), it never rejects.
 */
export async function discover(input, options) {
  try {
    discovering ??= import('./lazy.js').then((m) => m.makeDiscover(init));
    return (await discovering)(input, options);
  } catch (e) {
    discovering = null;
    const message = `discovery could not be loaded: ${String(e?.message ?? e).slice(0, 200)}`;
    return { domain: null, source: null, settings: null, notes: [], errors: [{ code: 'not-initialized', message }] };
  }
}
