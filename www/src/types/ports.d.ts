// Types of the port registry and the recommender (src/ports.rs,
// src/recommend.rs and src/recommend_provider.rs, exported through
// src/bindings.rs). The JSON shapes are the serde output of the Rust core;
// keep the two in step.

import type { ProviderStatus, RequirementCode } from './providers.js';

/** Protocol spoken on a registry port. `http` with `implicit-tls` is HTTPS. */
export type PortProtocol =
  | 'smtp'
  | 'lmtp'
  | 'pop3'
  | 'imap'
  | 'managesieve'
  | 'pop2'
  | 'imap3'
  | 'poppassd'
  | 'http';

/** How a connection is protected. */
export type Security = 'implicit-tls' | 'starttls' | 'plaintext';

/** What a port is used for. */
export type PortRole =
  | 'relay'
  | 'submission'
  | 'access'
  | 'delivery'
  | 'filter-management'
  | 'account-management'
  | 'web';

/** Standing of a port in the IANA registry and in practice. */
export type PortStatus = 'iana' | 'unofficial' | 'historic' | 'deprecated';

/** One row of the port registry, as returned by `lookupPort` and `listPorts`. */
export interface PortInfo {
  /** TCP port, 1 to 65535. */
  port: number;
  /** IANA service names on this TCP port; empty when the port has none (e.g. 26). */
  services: string[];
  protocol: PortProtocol;
  role: PortRole;
  security: Security;
  status: PortStatus;
  /** Whether mailports ever recommends this port to a mail-client user. */
  recommended: boolean;
  /** For a port we do not recommend: the port to use instead, or null. */
  useInstead: number | null;
  /** References such as "RFC 8314 §3.3"; empty when no RFC defines the port. */
  rfcs: string[];
  /** One English line on what the port is. */
  summary: string;
  /** English notes to read before using the port. */
  caveats: string[];
}

/**
 * Criteria for `listPorts`; every key is optional and an absent key matches
 * every row. Unknown keys or values throw a MailportsError with code
 * "invalid-argument".
 */
export interface PortFilter {
  protocol?: PortProtocol | null;
  role?: PortRole | null;
  security?: Security | null;
  status?: PortStatus | null;
}

/**
 * What the user told us; every key is optional and null means "not given".
 * Unknown keys, a `devices` outside 1..1000 or not whole, and blocked ports
 * outside 1..65535 throw a MailportsError with code "invalid-argument"; an
 * `email` that is not an address throws that address error (for example
 * "invalid-address" or "invalid-domain", as `lookupProvider` does).
 */
export interface Needs {
  /** On how many devices mail is read (1 to 1000). */
  devices?: number | null;
  /** Mail must be readable without a connection. */
  offline?: boolean | null;
  /** The server mailbox quota is small. */
  smallQuota?: boolean | null;
  /** Mail is sent from this client; absent or null counts as true. */
  sends?: boolean | null;
  /** Outgoing TCP ports the network blocks. */
  blockedPorts?: number[] | null;
  /** The mailbox is on Exchange or Microsoft 365. */
  exchange?: boolean | null;
  /** New mail should appear at once. */
  push?: boolean | null;
  /** The device is used on untrusted networks such as public Wi-Fi. */
  untrustedNetwork?: boolean | null;
  /**
   * The address (or bare domain) of the mailbox. For a known provider the
   * answer names its own servers and `provider` is set; an unknown domain
   * answers as without it.
   */
  email?: string | null;
}

/** How a recommended connection is made. */
export type ClientProtocol = 'imap' | 'pop3' | 'smtp' | 'jmap' | 'exchange' | 'webmail';

/** One connection to set up. */
export interface Choice {
  protocol: ClientProtocol;
  port: number;
  security: Security;
  /** Server host name from the provider data; absent without a known provider (and for webmail or Exchange). */
  host?: string;
}

/** Every code the recommender can give as a reason or a warning. */
export type ReasonCode =
  | 'access-blocked'
  | 'alternate-port-provider-only'
  | 'exchange-native'
  | 'exchange-oauth'
  | 'https-blocked'
  | 'imap-default'
  | 'imap-multi-device'
  | 'imap-offline-cache'
  | 'imap-push'
  | 'imap-quota'
  | 'implicit-tls-blocked'
  | 'implicit-tls-first'
  | 'jmap-if-offered'
  | 'never-port-25'
  | 'no-access-port'
  | 'no-submission-port'
  | 'pop3-local-copy'
  | 'pop3-no-folders'
  | 'pop3-no-push'
  | 'pop3-offline'
  | 'pop3-single-device'
  | 'pop3-small-quota'
  | 'port-25-blocked-ok'
  | 'port-tls-mismatch'
  | 'provider-imap-only'
  | 'provider-no-mail-app'
  | 'provider-no-tls'
  | 'provider-one-submission-port'
  | 'provider-pop3-only'
  | 'provider-port-25-only'
  | 'provider-submission-blocked'
  | 'receive-only'
  | 'starttls-on-untrusted-network'
  | 'starttls-required'
  | 'submission-auth'
  | 'submission-blocked'
  | 'untrusted-network-tls';

/**
 * A reason for a choice, or a warning. With a known provider, each of its
 * requirements is a warning too, coded by the requirement (e.g.
 * "app-password"), with the requirement's text and an empty `rfc`.
 */
export interface Reason {
  /** Stable code; translate by it. */
  code: ReasonCode | RequirementCode;
  /** English sentence. */
  message: string;
  /**
   * "RFC <n>" with an optional " §<section>", or a Microsoft spec name such
   * as "MS-OXDISCO"; empty when no RFC applies (a provider's requirement).
   */
  rfc: string;
}

/** The answer of `recommend`. */
export interface Recommendation {
  /** How to read mail; null only when every way is blocked. */
  incoming: Choice | null;
  /** How to send mail; null when the client does not send or every way is blocked. */
  outgoing: Choice | null;
  /** Other set-ups that would also work, best first (incoming, then outgoing). */
  alternatives: Choice[];
  reasons: Reason[];
  warnings: Reason[];
  /** The provider whose servers are named, when `email` matched one; otherwise null. */
  provider: { id: string; name: string; domain: string; status: ProviderStatus } | null;
}

/** `reasonCatalog()`: every code mapped to its English message and reference. */
export type ReasonCatalog = Record<ReasonCode, { message: string; rfc: string }>;

export declare function lookupPort(port: number): PortInfo | null;
export declare function listPorts(filter?: PortFilter | null): PortInfo[];
export declare function recommend(needs?: Needs | null): Recommendation;
export declare function reasonCatalog(): ReasonCatalog;
