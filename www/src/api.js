// The browser API without English texts (results carry codes only): what the
// element imports, since it shows every text from its own locale. The wasm
// files are fetched from beside this file unless init() or initCore() is
// given another URL, Response, bytes or WebAssembly.Module. index.js, the
// package's entry, adds the English texts.
import { makeInit } from './core.js';
import { makeDiscover } from './lazy.js';

export * from './core.js';
export { DISCOVERY_STEPS, clearDiscoveryCache } from './lazy.js';
export const { init, initCore } = makeInit({
  core: () => new URL('mailports_bg.wasm', import.meta.url),
  full: () => new URL('mailports_full_bg.wasm', import.meta.url),
});
/** Resolves once the full module is loaded, loading it from the default place if needed. */
export const ready = () => init();
/** Finds a domain's mail settings over the network; opt-in, see DISCOVERY.md. */
export const discover = makeDiscover(init);
