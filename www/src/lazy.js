// discover() and its cache, loaded on first use: a page that never calls
// discover() never downloads discovery.js (or the full wasm it needs).
import { isReady, isFullReady } from './core.js';

/** Every step, most trustworthy first. */
export const DISCOVERY_STEPS = Object.freeze(['database', 'autoconfig', 'srv', 'mx']);

let loading = null;
let discovery = null;

/** discover()'s answer when nothing was found because of `problem` ({ code, message, step? }). */
export const failure = (problem, domain = null) => ({ domain, source: null, settings: null, notes: [], errors: [problem] });

const failed = (message) => failure({ code: 'not-initialized', message });
const reason = (e) => String(e?.message ?? e).slice(0, 200);

/**
 * Returns discover(input, options) for an entry module whose `init` loads
 * the full module (see discovery.js for the options and the result). It never
 * rejects: failures are in `errors`.
 */
export function makeDiscover(init) {
  return async function discover(input, options) {
    if (!isReady()) {
      return failed('mailports is not loaded yet: await init() (or ready()) before discover()');
    }
    try {
      // Discovery needs the full module; after initCore() it is fetched now
      // (from the default place, unless the page has loaded it already).
      if (!isFullReady()) await init();
    } catch (e) {
      return failed(`the full mailports module could not be loaded: ${reason(e)}`);
    }
    try {
      loading ??= import('./discovery.js').then((m) => (discovery = m));
      await loading;
    } catch (e) {
      loading = null;
      return failed(`discovery could not be loaded: ${reason(e)}`);
    }
    return discovery.discover(input, options);
  };
}

/** Forgets every cached answer (tests; or a page that changes resolver policy). */
export function clearDiscoveryCache() {
  discovery?.clearDiscoveryCache();
}
