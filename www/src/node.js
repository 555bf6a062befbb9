// Node entry (the `node` export condition): reads the wasm from disk, so
// `await init()` needs no arguments in scripts, tests and server rendering.
import { readFile } from 'node:fs/promises';
import { makeInit } from './core.js';

export * from './core.js';
export const init = makeInit(() => readFile(new URL('./mailports_bg.wasm', import.meta.url)));
/** Resolves once the wasm is loaded. */
export const ready = () => init();
export { discover, clearDiscoveryCache, DISCOVERY_STEPS } from './discovery.js';
