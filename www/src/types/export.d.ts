// Types of settings export (src/export.rs, exported through src/bindings.rs
// as exportConfig). The JSON shapes are the serde output of
// the Rust core; keep the two in step.

import type { Security } from './ports.js';

/** The file formats `exportConfig` writes. */
export type ExportFormat =
  | 'apple-mobileconfig'
  | 'dns-srv'
  | 'json'
  | 'thunderbird-autoconfig';

/** Protocol of a configured server. */
export type MailProtocol = 'imap' | 'pop3' | 'smtp';

/** How a client proves who it is, best first in a server's list. */
export type MailAuth =
  | 'password'
  | 'password-encrypted'
  | 'oauth2'
  | 'gssapi'
  | 'ntlm'
  | 'client-ip-address'
  | 'none';

/** One server a mail client connects to. */
export interface MailServer {
  protocol: MailProtocol;
  /** A DNS name; IDN names are written as A-labels (xn--…). */
  hostname: string;
  /** 1 to 65535. */
  port: number;
  security: Security;
  /** A user name or a template such as `%EMAILADDRESS%` / `%EMAILLOCALPART%`. */
  username: string;
  auth: MailAuth[];
}

/**
 * What `exportConfig` writes. A provider record from the database can be
 * passed as it is: other keys are ignored.
 */
export interface ExportSettings {
  /** The email domain, e.g. `example.com`. */
  domain: string;
  name?: string | null;
  shortName?: string | null;
  /** IMAP or POP3 servers, best first. */
  incoming: MailServer[];
  /** SMTP submission servers, best first. */
  outgoing: MailServer[];
}

/** Optional details of an export. */
export interface ExportOptions {
  /** The account's address: pre-fills the Apple profile; without it the device asks. */
  email?: string;
  /** Reverse-DNS prefix of the profile's identifiers; default: the domain reversed. */
  identifier?: string;
  /** `PayloadOrganization` of the profile. */
  organization?: string;
  /** TTL of the SRV records in seconds (0 to 2147483647); default 3600. */
  ttl?: number;
}

/** A file ready to save: see `www/src/setup-files.js` for a download helper. */
export interface ExportedFile {
  /** e.g. `config-v1.1.xml`, `example.com.mobileconfig`, `example.com.srv.zone`. */
  filename: string;
  /** e.g. `application/xml`, `application/x-apple-aspen-config`, `text/dns`. */
  mimeType: string;
  /** The whole file (UTF-8 text). */
  content: string;
}

/**
 * Codes of the MailportsError thrown by `exportConfig`.
 * - `unknown-format`: `format` is not one of `ExportFormat`.
 * - `invalid-hostname`: the domain or a server's host name is not a DNS name.
 * - `invalid-port`: a port is not a whole number from 1 to 65535.
 * - `missing-server`: no incoming or no outgoing server (SRV: no server at all).
 * - `invalid-text`: a name, user name or organisation holds a control,
 *   invisible or bidirectional formatting character.
 * - `too-long`: a name, user name or organisation is over 256 bytes.
 * - `unsupported-settings`: the format cannot express the settings (an Apple
 *   profile for a server that only offers OAuth2).
 * - `invalid-address`, `invalid-domain`, `empty-input`, `invalid-character`:
 *   `options.email` is not an address.
 * - `invalid-argument`: an argument has the wrong shape, `options.identifier`
 *   is not reverse-DNS, or `options.ttl` is out of range.
 */
export type ExportErrorCode =
  | 'unknown-format'
  | 'invalid-hostname'
  | 'invalid-port'
  | 'missing-server'
  | 'invalid-text'
  | 'too-long'
  | 'unsupported-settings'
  | 'invalid-address'
  | 'invalid-domain'
  | 'empty-input'
  | 'invalid-character'
  | 'invalid-argument';

/** Writes `settings` as a file in `format`. Throws a MailportsError (see `ExportErrorCode`). */
export declare function exportConfig(
  settings: ExportSettings,
  format: ExportFormat,
  options?: ExportOptions,
): ExportedFile;

