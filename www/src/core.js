// The JavaScript API of mailports: loads the wasm once, then forwards calls to
// the generated bindings. Errors thrown by the core are `Error`s named
// "MailportsError" with a stable `code` property.
import initWasm, * as glue from './mailports.js';

let pending = null;
let loaded = false;

/**
 * Returns an `init(source?)` that loads the wasm at most once, however often
 * and from however many places it is called. `defaultSource` supplies the
 * module when the caller gives none (a URL in browsers, bytes in Node).
 */
export function makeInit(defaultSource) {
  return function init(source) {
    if (!pending) {
      pending = Promise.resolve(source ?? defaultSource())
        .then((module_or_path) => initWasm({ module_or_path }))
        .then(() => {
          loaded = true;
        })
        .catch((e) => {
          pending = null; // a failed load (network, 404) may be retried
          throw e;
        });
    }
    return pending;
  };
}

/** Whether the wasm has finished loading. */
export function isReady() {
  return loaded;
}

function notReady() {
  const err = new Error('mailports is not loaded yet: await init() (or ready()) first');
  err.name = 'MailportsError';
  err.code = 'not-initialized';
  return err;
}

function internalError(cause) {
  const err = new Error(`mailports hit an internal error and has restarted its core: ${cause.message}`);
  err.name = 'MailportsError';
  err.code = 'internal';
  return err;
}

/**
 * Wraps a wasm export. Core errors arrive as MailportsError already. A trap
 * (a Rust panic aborts) leaves the instance in an unknown state, so it is
 * replaced by a fresh one before the error is reported: the next call works.
 * Providers registered with registerProvider() are lost with the old instance.
 */
function bind(name) {
  return (...args) => {
    if (!loaded) throw notReady();
    try {
      return glue[name](...args);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        glue.__wbg_reset_state();
        throw internalError(e);
      }
      throw e;
    }
  };
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
/** @type {(email: string, options?: { domains?: string[] }) => { full: string, domain: string } | null} */
export const suggestDomain = bind('suggestDomain');
/** @type {(input: string) => { local: string | null, domain: string, unicodeDomain: string }} */
export const normalizeAddress = bind('normalizeAddress');
/** @type {(record: object) => object} */
export const registerProvider = bind('registerProvider');
/** @type {() => { id: string, name: string, status: string, requirements: string[], domains: string[], mx: string[], incoming: number, outgoing: number, sources: string[] }[]} */
export const listProviders = bind('listProviders');
/** @type {() => string[]} */
export const providerDomains = bind('providerDomains');
