// Types of the Node entry (the `node` export condition): the same API as
// the browser entry; init() reads the wasm from disk when given no source.
export * from './index.js';
