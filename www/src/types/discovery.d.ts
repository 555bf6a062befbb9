// Types of opt-in discovery (src/discovery.rs through src/bindings.rs, and
// www/src/discovery.js). The JSON shapes are the serde output of the Rust
// core; keep the two in step. See www/DISCOVERY.md.

import type { MailServer } from './export.js';
import type { ProviderMatch } from './providers.js';

/** The steps of discovery, most trustworthy first. */
export type DiscoveryStep = 'database' | 'autoconfig' | 'srv' | 'mx';

/** Where the chosen settings came from. */
export type DiscoverySource = DiscoveryStep;

/** A progress report: `skipped` means a more trusted step already answered. */
export interface DiscoveryProgress {
  step: DiscoveryStep;
  state: 'start' | 'found' | 'none' | 'failed' | 'skipped' | 'off' | 'cached';
}

/** A note or a problem, with a stable code. */
export interface DiscoveryNote {
  /** e.g. `found-by-mx`, `srv-target-rejected`, `dns-timeout`, `discovery-off`. */
  code: string;
  message: string;
  /** For problems: the step it happened in. */
  step?: DiscoveryStep;
}

export interface DiscoverOptions {
  /** An RFC 8484 DNS-over-HTTPS resolver URL (https://). Without it, only the database is used and nothing is fetched. */
  dohUrl?: string;
  /** A URL template with `{url}` for fetching autoconfig files through a CORS proxy (https://). */
  proxyTemplate?: string;
  /** Time limit of each lookup, in milliseconds (default 3000). */
  timeoutMs?: number;
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  onProgress?: (progress: DiscoveryProgress) => void;
}

/** Settings found by autoconfig, SRV or MX. */
export interface DiscoveredSettings {
  domain: string;
  name: string | null;
  /** The provider id, for an MX match. */
  provider: string | null;
  incoming: MailServer[];
  outgoing: MailServer[];
}

export interface DiscoveryResult {
  /** The domain in ASCII form, or null when the input was not an address or domain. */
  domain: string | null;
  source: DiscoverySource | null;
  /** A `ProviderMatch` for `database`, otherwise `DiscoveredSettings`; null when nothing was found. */
  settings: ProviderMatch | DiscoveredSettings | null;
  notes: DiscoveryNote[];
  errors: DiscoveryNote[];
}

/** Finds the settings of an address or domain. Never rejects. */
export function discover(input: string, options?: DiscoverOptions): Promise<DiscoveryResult>;
/** Forgets the answers cached for this page. */
export function clearDiscoveryCache(): void;
export const DISCOVERY_STEPS: readonly DiscoveryStep[];

/** What discovery would fetch for an input (fetches nothing). */
export function discoveryPlan(input: string): {
  domain: string;
  unicodeDomain: string;
  address: string | null;
  username: string;
  dns: { step: 'srv' | 'mx'; service?: string; name: string; recordType: 'SRV' | 'MX' }[];
  autoconfig: string[];
};
/** An RFC 8484 wire-format query (ID 0). */
export function dnsQuery(name: string, type: 'MX' | 'SRV' | 'CNAME'): Uint8Array;
/** Reads a DNS answer; throws `dns-too-large`, `dns-truncated` or `dns-malformed`. */
export function dnsParse(bytes: Uint8Array | ArrayBuffer, name: string, type: 'MX' | 'SRV' | 'CNAME'): {
  status: 'ok' | 'nxdomain' | 'servfail' | 'refused' | 'error';
  rcode: number;
  authenticated: boolean;
  cnames: string[];
  mx: { preference: number; exchange: string }[];
  srv: { priority: number; weight: number; port: number; target: string }[];
  message?: string;
};
/** The provider whose MX pattern matches one of the hosts, or null. */
export function matchMx(hosts: string[]): { provider: string; host: string; pattern: string } | null;
