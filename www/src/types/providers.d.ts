// Types of the provider database (src/providers.rs, exported through
// src/bindings.rs as lookupProvider, registerProvider, listProviders and
// providerDomains). The JSON shapes are the serde output of the Rust core;
// keep the two in step (tests/providers.rs checks the unions below against
// the core's tables).

import type { MailAuth, MailProtocol, MailServer } from './export.js';
import type { Security } from './ports.js';

/**
 * One server of a provider (`crate::settings::Server`), best first in its list.
 * In a `ProviderMatch` the placeholders are filled in for the address given:
 * `%EMAILDOMAIN%` always, `%EMAILADDRESS%` / `%EMAILLOCALPART%` in `username`
 * only when the input had a local part (a bare domain keeps the template).
 * An empty `username` means the service issues its own credentials.
 */
export type Server = MailServer;

/**
 * What a mail app needs, derived by the core from the requirements and
 * servers (never an upstream verdict): `ready` (works as it is);
 * `enable-first` (switch IMAP/POP on in the web settings, or a paid plan);
 * `app-password`; `oauth-only` (an app that signs in with the provider,
 * OAuth 2.0); `no-mail-app` (no IMAP/POP at all: the provider's app or bridge).
 */
export type ProviderStatus = 'ready' | 'enable-first' | 'app-password' | 'oauth-only' | 'no-mail-app';

/**
 * Where facts come from, in order of preference: `reviewed` (the project's
 * own review against the provider's help pages), the upstream databases, and
 * `custom` (registered by the page).
 */
export type ProviderSource = 'reviewed' | 'ispdb' | 'deltachat' | 'nodemailer' | 'custom';

/**
 * One source of a provider's facts. The pages a reviewed entry was checked
 * against are listed, with URLs, in the project's `data/reviewed/` files; the
 * answers carry the name and date only, to keep the wasm small.
 */
export interface SourceRef {
  name: ProviderSource;
  /** `YYYY-MM-DD`: the day of the check, or the date of the upstream snapshot; null for `custom`. */
  checked: string | null;
  /** The page is not the provider's own (present and true only then). */
  secondHand?: true;
}

/** A server a less preferred source gives where it disagrees with the preferred one. */
export interface AlternativeServer {
  server: Server;
  source: ProviderSource;
}

/** Stable codes of what a user must know or do first; translate by code. */
export type RequirementCode =
  | 'app-password'
  | 'bridge-required'
  | 'certificate-warning'
  | 'imap-must-be-enabled'
  | 'no-imap'
  | 'not-supported'
  | 'oauth2'
  | 'oauth2-only'
  | 'paid-plan'
  | 'pop-must-be-enabled'
  | 'sending-limits'
  | 'tor-required';

/** A requirement: its code and one English sentence. */
export interface Requirement {
  code: RequirementCode;
  text: string;
}

/** The answer of `lookupProvider`. */
export interface ProviderMatch {
  /** Record id, e.g. `googlemail.com` or `fastmail`. */
  id: string;
  name: string;
  /** The domain that matched: ASCII (`xn--` labels for IDN), lower case. */
  domain: string;
  status: ProviderStatus;
  requirements: Requirement[];
  /** IMAP and POP3 servers: TLS before plaintext, IMAP before POP3, implicit TLS before STARTTLS. */
  incoming: Server[];
  /** SMTP servers, best first. */
  outgoing: Server[];
  /** Servers other sources give where they disagree (host, port or TLS mode), best first. */
  alternatives: AlternativeServer[];
  /** Where the facts come from, best first. */
  sources: SourceRef[];
  /** The newest `checked` date among the sources, or null. */
  checked: string | null;
}

/** One entry of `listProviders()`. */
export interface ProviderSummary {
  id: string;
  name: string;
  status: ProviderStatus;
  requirements: RequirementCode[];
  /** Email domains, sorted (empty for an SMTP relay service). */
  domains: string[];
  /** MX base domains that point to this provider. */
  mx: string[];
  /** Number of incoming servers. */
  incoming: number;
  /** Number of outgoing servers. */
  outgoing: number;
  sources: ProviderSource[];
  /** The newest check date among the sources, or null. */
  checked: string | null;
}

/** One server of a `ProviderRecord`. */
export interface ServerRecord {
  /** `imap` or `pop3` in `incoming`, `smtp` in `outgoing`. */
  protocol: MailProtocol;
  /** Host name (Unicode or ASCII); `%EMAILDOMAIN%` may stand for the user's domain. */
  hostname: string;
  /** 1 to 65535. */
  port: number;
  security: Security;
  /** Template; `%EMAILADDRESS%` when absent. Only the three placeholders may use `%`. */
  username?: string | null;
  /** `['password']` when absent or empty. */
  auth?: MailAuth[] | null;
}

/**
 * A page's own provider record for `registerProvider`. It takes precedence
 * over built-in records for its domains; registering the same id again
 * replaces it. Unknown keys throw `invalid-argument`; a bad field throws
 * `invalid-provider` with the field (e.g. `incoming[0].port`) in the message.
 */
export interface ProviderRecord {
  /** 1 to 64 ASCII letters, digits, `.`, `_` or `-`. */
  id: string;
  /** 1 to 100 characters. */
  name: string;
  /** 1 to 100 email domains (Unicode or ASCII). */
  domains: string[];
  /** `oauth2`, `oauth2-only` and `no-imap` are derived from the servers whatever is given here. */
  requirements?: RequirementCode[] | null;
  /** 1 to 8 servers. */
  incoming: ServerRecord[];
  /** 1 to 8 servers. */
  outgoing: ServerRecord[];
  /** Up to 20 MX base domains. */
  mx?: string[] | null;
}

/**
 * Codes of the MailportsError thrown by the provider functions:
 * the address codes of `lookupProvider` (`empty-input`, `too-long`,
 * `invalid-character`, `invalid-address`, `invalid-domain`), and
 * `invalid-provider` / `invalid-argument` from `registerProvider`.
 */
export type ProviderErrorCode =
  | 'empty-input'
  | 'too-long'
  | 'invalid-character'
  | 'invalid-address'
  | 'invalid-domain'
  | 'invalid-provider'
  | 'invalid-argument';

/** The provider for an address or a bare domain, or null when it is not known. */
export declare function lookupProvider(input: string): ProviderMatch | null;
/** Stores a page's own record; returns it as stored. */
export declare function registerProvider(record: ProviderRecord): ProviderSummary;
/** Every provider: registered records first (newest first), then built-in ones by id. */
export declare function listProviders(): ProviderSummary[];
/** Every built-in provider domain, sorted. */
export declare function providerDomains(): string[];
