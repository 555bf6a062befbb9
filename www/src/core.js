// The JavaScript API of mailports: loads the wasm, then forwards calls to
// the generated bindings. Errors thrown by the core are `Error`s named
// "MailportsError" with a stable `code` property.
//
// There are two builds of the same Rust core. `mailports_bg.wasm` (the core
// module) has everything but settings export and discovery, and is what the
// element loads to start. `mailports_full_bg.wasm` has every function; init()
// loads it, and the element asks for it only when a visitor wants a setup
// file or the page turned discovery on. Only one instance is in use at a
// time: the full module replaces the core one, with the page's registered
// providers carried over.
import initCoreWasm, * as coreGlue from './mailports.js';

/** The bindings in use: the core or the full module's, or null before a load. */
let glue = null;
let full = false;
let corePending = null;
let fullPending = null;
/** Default places of the two wasm files, set by the entry module (index.js or node.js). */
let defaults = { core: () => undefined, full: () => undefined };

/**
 * Instantiates a glue module from `source`. Bytes and compiled modules go
 * through `initSync` (compiled asynchronously first): the glue's async
 * loader asks whether the source is a `Response` or `Request`, and in Node
 * that first look at those globals loads the whole fetch implementation,
 * measured at 15–35 ms of a 50 ms cold start. URLs, strings and responses
 * keep the streaming path.
 */
async function instantiate(init, initSync, source) {
  const bytes = source instanceof ArrayBuffer || ArrayBuffer.isView(source);
  if (!bytes && !(source instanceof WebAssembly.Module)) return init({ module_or_path: source });
  const module = bytes ? await WebAssembly.compile(source) : source;
  return initSync({ module });
}

/** Loads the core module unless a module is in use already. */
function loadCore(source) {
  if (glue) return Promise.resolve();
  if (!corePending) {
    corePending = Promise.resolve(source ?? defaults.core())
      .then((module_or_path) => instantiate(initCoreWasm, coreGlue.initSync, module_or_path))
      .then(() => {
        glue ??= coreGlue; // the full module may have won the race
      })
      .catch((e) => {
        corePending = null; // a failed load (network, 404) may be retried
        throw e;
      });
  }
  return corePending;
}

/** Loads the full module and switches every call over to it. */
function loadFull(source) {
  if (!fullPending) {
    fullPending = Promise.all([import('./mailports_full.js'), source ?? defaults.full()])
      .then(async ([fullGlue, module_or_path]) => {
        await instantiate(fullGlue.default, fullGlue.initSync, module_or_path);
        const replaced = glue !== null;
        glue = fullGlue;
        full = true;
        if (replaced) registerAgain();
      })
      .catch((e) => {
        fullPending = null;
        throw e;
      });
  }
  return fullPending;
}

/**
 * Returns `{ init, initCore }` for an entry module. `init(source?)` loads the
 * full module at most once, however often and from however many places it is
 * called; `initCore(source?)` loads the smaller core module unless a module
 * is loaded already. `sources.core()` and `sources.full()` give the default
 * places (URLs in browsers, bytes in Node).
 */
export function makeInit(sources) {
  defaults = sources;
  return { init: loadFull, initCore: loadCore };
}

/** Whether a wasm module has finished loading. */
export function isReady() {
  return glue !== null;
}

/** Whether the full module (settings export, discovery) is loaded. */
export function isFullReady() {
  return full;
}

/** Errors made here, so that a caller's exception can never pass for one. */
const ours = new WeakSet();

function mailportsError(code, message) {
  const err = new Error(message);
  err.name = 'MailportsError';
  err.code = code;
  ours.add(err);
  return err;
}

/** A short description of any thrown value, even one whose getters throw. */
function describe(e) {
  try {
    return String(e instanceof Error ? e.message : e).slice(0, 200);
  } catch {
    return 'an unreadable value was thrown';
  }
}

/** Whether `e` is a core error: the glue throws the core's MailportsError when a call returns an error. */
function isCoreError(e) {
  try {
    return e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && e.name === 'MailportsError' && typeof e.code === 'string';
  } catch {
    return false;
  }
}

function notReady() {
  return mailportsError('not-initialized', 'mailports is not loaded yet: await init() (or ready()) first');
}

function internalError(cause) {
  return mailportsError('internal', `mailports hit an internal error and has restarted its core: ${describe(cause)}`);
}

// Arguments are copied into plain data before the wasm sees them (plain()):
// reading an argument may run the caller's code (a getter, a Proxy trap), and
// an exception thrown from there must not unwind through the wasm, which
// would skip its clean-up and leak its stack. Copying reads everything here,
// in JavaScript, where an exception is caught and reported as a typed error.
const MAX_DEPTH = 16; // the deepest argument (exportConfig's auth lists) is 4 levels down
const MAX_ITEMS = 65536; // per array or object; the core's own limits are far lower

function badArgument(message) {
  return mailportsError('invalid-argument', `invalid argument: ${message}`);
}

/** A plain-data copy of `value`: objects, arrays, bytes (Uint8Array, ArrayBuffer) and primitives only. */
function plain(value, depth = 0, seen = new Set()) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (typeof value === 'function') return value; // refused by the core, never called
  if (depth > MAX_DEPTH) throw badArgument('it is nested too deeply');
  if (seen.has(value)) throw badArgument('it contains a reference to itself');
  let copy;
  try {
    if (value instanceof Uint8Array) return new Uint8Array(value);
    if (value instanceof ArrayBuffer) return value.slice(0);
    seen.add(value);
    if (Array.isArray(value)) {
      const length = value.length;
      if (!(length <= MAX_ITEMS)) throw badArgument(`an array of ${length} elements is too long`);
      copy = [];
      for (let i = 0; i < length; i++) copy.push(plain(value[i], depth + 1, seen));
    } else {
      const keys = Object.keys(value);
      if (keys.length > MAX_ITEMS) throw badArgument(`an object with ${keys.length} keys is too large`);
      copy = {};
      for (const key of keys) copy[key] = plain(value[key], depth + 1, seen);
    }
    seen.delete(value);
  } catch (e) {
    if (ours.has(e)) throw e;
    throw badArgument(`it could not be read (${describe(e)})`);
  }
  return copy;
}

/**
 * Providers registered through registerProvider(), by id, as the plain
 * copies the core accepted: a fresh instance gets them again, so they
 * survive a trap.
 */
const registered = new Map();

/** Registers the page's providers again, in a fresh instance. */
function registerAgain() {
  for (const record of registered.values()) {
    try {
      glue.registerProvider(record);
    } catch {
      // It was accepted before; nothing better to do than go on without it.
    }
  }
}

/** Replaces the wasm instance (its state is unknown) and re-registers the providers. */
function restart() {
  glue.__wbg_reset_state();
  registerAgain();
}

/**
 * Calls a wasm export with plain-data arguments, turning every failure into a
 * MailportsError. `adjust` may swap a copy for an equal one made before.
 */
function call(name, args, adjust) {
  if (!glue) throw notReady();
  // What the core module's glue lacks (export, discovery) needs the full one.
  if (!full && typeof coreGlue[name] !== 'function') {
    throw mailportsError('not-initialized', `${name}() needs the full module: await init() first (initCore() loads only the core)`);
  }
  const copies = args.map((a) => plain(a));
  if (adjust) adjust(copies);
  try {
    return { result: glue[name](...copies), copies };
  } catch (e) {
    // A core error: the call returned normally and the glue threw it.
    if (isCoreError(e)) throw e;
    // Anything else (a trap: a Rust panic aborts; or an exception that went
    // through the wasm) leaves the instance in an unknown state: replace it
    // before reporting, so the next call works.
    restart();
    throw internalError(e);
  }
}

/** Wraps a wasm export (see call()). */
function bind(name) {
  return (...args) => call(name, args).result;
}

/** @type {(port: number) => object | null} */
export const lookupPort = bind('lookupPort');
/** Internal: panics inside the wasm (tests prove the recovery). */
export const __panicForTests = bind('__panicForTests');
/** @type {(filter?: { protocol?: string, role?: string, security?: string, status?: string }) => object[]} */
export const listPorts = bind('listPorts');
/** @type {(needs?: object) => { incoming: object | null, outgoing: object | null, alternatives: object[], reasons: object[], warnings: object[] }} */
export const recommend = bind('recommend');
/** @type {() => Record<string, { message: string, rfc: string }>} */
export const reasonCatalog = bind('reasonCatalog');
/** @type {(input: string) => { domain: string, unicodeDomain: string, address: string | null, username: string, dns: { step: string, service?: string, name: string, recordType: string }[], autoconfig: string[] }} */
export const discoveryPlan = bind('discoveryPlan');
/** @type {(name: string, type: 'MX' | 'SRV' | 'CNAME') => Uint8Array} */
export const dnsQuery = bind('dnsQuery');
/** @type {(bytes: Uint8Array | ArrayBuffer, name: string, type: 'MX' | 'SRV' | 'CNAME') => { status: string, rcode: number, authenticated: boolean, cnames: string[], mx: object[], srv: object[], message?: string }} */
export const dnsParse = bind('dnsParse');
/** @type {(hosts: string[]) => { provider: string, host: string, pattern: string } | null} */
export const matchMx = bind('matchMx');
/** @type {(input: string, fetched: { srv?: (Uint8Array | null)[], mx?: Uint8Array | null, autoconfig?: (string | null)[] }) => { source: string | null, found: string[], provider: string | null, name: string | null, incoming: object[], outgoing: object[], notes: { code: string, message: string }[], errors: { code: string, message: string, step?: string }[] }} */
export const decideDiscovery = bind('decideDiscovery');
/** @type {(settings: object, format: string, options?: { email?: string, identifier?: string, organization?: string, ttl?: number }) => { filename: string, mimeType: string, content: string }} */
export const exportConfig = bind('exportConfig');
/** @type {(input: string) => { id: string, name: string, domain: string, status: string, requirements: { code: string, text: string }[], incoming: object[], outgoing: object[], sources: string[] } | null} */
export const lookupProvider = bind('lookupProvider');
/**
 * The last `options` of suggestDomain() as copied here. A page passes the
 * same `domains` on every keystroke; when a new copy holds the same strings,
 * the old copy goes to the wasm instead, and the core, which keeps the index
 * of the last list it saw, recognises that frozen array by identity and reads nothing. This
 * object never leaves this module, so no one can change it behind the
 * core's back.
 */
let lastOptions = null;

/** `options` for the wasm: the copy made before when it has the same domains. */
function sameOptions(copy) {
  const list = copy?.domains;
  const last = lastOptions?.domains;
  if (!Array.isArray(list) || Object.keys(copy).length !== 1) return copy;
  if (last && last.length === list.length && list.every((d, i) => d === last[i])) return lastOptions;
  Object.freeze(list); // the core trusts a frozen array it has seen not to have changed
  lastOptions = copy;
  return copy;
}

/** @type {(email: string, options?: { domains?: string[] }) => { full: string, domain: string } | null} */
export function suggestDomain(...args) {
  return call('suggestDomain', args, (copies) => {
    if (copies.length > 1) copies[1] = sameOptions(copies[1]);
  }).result;
}
/** @type {(input: string) => { local: string | null, domain: string, unicodeDomain: string }} */
export const normalizeAddress = bind('normalizeAddress');
/**
 * Registered providers outlive a trap of the core: they are registered again
 * in the fresh instance.
 * @type {(record: object) => object}
 */
export function registerProvider(record) {
  const { result, copies } = call('registerProvider', [record]);
  registered.delete(result.id); // a new registration of an id moves it last, as in the core
  registered.set(result.id, copies[0]);
  return result;
}
/** @type {() => { id: string, name: string, status: string, requirements: string[], domains: string[], mx: string[], incoming: number, outgoing: number, sources: string[] }[]} */
export const listProviders = bind('listProviders');
/** @type {() => string[]} */
export const providerDomains = bind('providerDomains');
