// Types of the mailports JS API (the package's "." export). Every function
// except init/ready/isReady throws a MailportsError on bad input.

export * from './types/ports.js';
export * from './types/email.js';
export * from './types/providers.js';
export * from './types/export.js';
export * from './types/discovery.js';

/** What init() accepts: where the wasm is, or the wasm itself. */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the full wasm module once (every function works afterwards); later
 * calls return the same promise. In browsers and bundlers the default is
 * `mailports_full_bg.wasm` beside this module; in Node (the `node` export
 * condition) it is read from disk. After `initCore()`, it replaces the core
 * module and keeps the providers registered so far.
 */
export declare function init(source?: WasmSource | Promise<WasmSource>): Promise<void>;
/**
 * Loads only the smaller core module (`mailports_bg.wasm`), unless a module
 * is loaded already: every function except `exportConfig`, `discoveryPlan`,
 * `dnsQuery`, `dnsParse`, `matchMx` and `decideDiscovery`, which throw
 * `not-initialized` until `init()` has loaded the full module. `discover()`
 * loads the full module itself. The element starts this way.
 */
export declare function initCore(source?: WasmSource | Promise<WasmSource>): Promise<void>;
/** Same as `init()` with no argument. */
export declare function ready(): Promise<void>;
/** Whether a wasm module (core or full) has finished loading. */
export declare function isReady(): boolean;
/** Whether the full module has finished loading. */
export declare function isFullReady(): boolean;

/** Every error the API throws. `code` is stable; `message` is English. */
export interface MailportsError extends Error {
  name: 'MailportsError';
  code: string;
}
