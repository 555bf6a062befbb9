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
 * Loads the wasm once; later calls return the same promise. In browsers and
 * bundlers the default is `mailports_bg.wasm` beside this module; in Node
 * (the `node` export condition) it is read from disk.
 */
export declare function init(source?: WasmSource | Promise<WasmSource>): Promise<void>;
/** Same as `init()` with no argument. */
export declare function ready(): Promise<void>;
/** Whether the wasm has finished loading. */
export declare function isReady(): boolean;

/** Every error the API throws. `code` is stable; `message` is English. */
export interface MailportsError extends Error {
  name: 'MailportsError';
  code: string;
}
