// Node entry (the `node` export condition): reads the wasm from disk, so
// `await init()` needs no arguments in scripts, tests and server rendering.
// Results carry English texts, as from index.js (english.js).
import { readFile } from 'node:fs/promises';
import { makeInit } from './core.js';
import { makeDiscover } from './lazy.js';
import { englishDiscover } from './english.js';

export * from './core.js';
export { lookupPort, listPorts, lookupProvider, recommend, reasonCatalog } from './english.js';
export { DISCOVERY_STEPS, clearDiscoveryCache } from './lazy.js';
export const { init, initCore } = makeInit({
  core: () => readFile(new URL('./mailports_bg.wasm', import.meta.url)),
  full: () => readFile(new URL('./mailports_full_bg.wasm', import.meta.url)),
});
/** Resolves once the full module is loaded. */
export const ready = () => init();
/** Finds a domain's mail settings over the network; opt-in, see DISCOVERY.md. */
export const discover = englishDiscover(makeDiscover(init));
