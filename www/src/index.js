// Browser (and bundler) entry, the package's "." export: the API of api.js,
// with English texts in its results (english.js).
import { discover as discoverCodes } from './api.js';
import { englishDiscover } from './english.js';

export * from './api.js';
export { DISCOVERY_STEPS, clearDiscoveryCache } from './lazy.js';
export { lookupPort, listPorts, lookupProvider, recommend, reasonCatalog } from './english.js';
/** Finds a domain's mail settings over the network; opt-in, see DISCOVERY.md. */
export const discover = englishDiscover(discoverCodes);
