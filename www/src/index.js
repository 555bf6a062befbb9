// Browser (and bundler) entry: the wasm is fetched from beside this file
// unless init() is given another URL, Response, bytes or WebAssembly.Module.
import { makeInit } from './core.js';

export * from './core.js';
export const init = makeInit(() => new URL('mailports_bg.wasm', import.meta.url));
/** Resolves once the wasm is loaded, loading it from the default place if needed. */
export const ready = () => init();
export { discover, clearDiscoveryCache, DISCOVERY_STEPS } from './discovery.js';
