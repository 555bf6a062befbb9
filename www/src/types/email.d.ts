// Types of address normalisation and typo suggestion (src/email.rs,
// src/suggest.rs, exported through src/bindings.rs). The JSON shapes are the
// serde output of the Rust core; keep the two in step.

/**
 * Codes of the MailportsError thrown for a bad address, domain or option.
 * - `empty-input`: nothing but whitespace was given.
 * - `too-long`: the input, local part (64), domain (253) or a label (63) is too long.
 * - `invalid-character`: a control, invisible or bidirectional formatting
 *   character, private-use character or noncharacter (e.g. U+202E, U+200D, NUL).
 * - `invalid-address`: the shape is wrong (two @, nothing before or after the @,
 *   a quoted local part, spaces…).
 * - `invalid-domain`: the domain is not a usable domain name (no dot, empty
 *   label, bad character, emoji, IP address…).
 * - `invalid-argument`: an argument has the wrong type, or an entry of
 *   `options.domains` is not a valid domain (the message names the entry).
 */
export type AddressErrorCode =
  | 'empty-input'
  | 'too-long'
  | 'invalid-character'
  | 'invalid-address'
  | 'invalid-domain'
  | 'invalid-argument';

/** A typed address or bare domain, normalised by `normalizeAddress`. */
export interface NormalizedAddress {
  /**
   * The part before the @, exactly as typed (case and `+tag` kept; full-width
   * ASCII read as ASCII), or null when only a domain was given.
   */
  local: string | null;
  /** The domain in ASCII form (`xn--` labels for IDN), lower case, no trailing dot. */
  domain: string;
  /** The domain in Unicode form, for display (`bücher.de`); equals `domain` without IDN. */
  unicodeDomain: string;
}

/** A corrected address from `suggestDomain`. */
export interface DomainSuggestion {
  /** The whole corrected input: `local@domain` with the local part as typed, or the domain alone. */
  full: string;
  /** The corrected domain, lower case. */
  domain: string;
}

/** Options of `suggestDomain`. Unknown keys throw `invalid-argument`. */
export interface SuggestDomainOptions {
  /**
   * Domains the page knows (its own, its customers'): they are never
   * "corrected" and may be suggested. Each must be a valid domain.
   */
  domains?: readonly string[] | null;
}

/**
 * Suggests a correction when the domain of `email` (an address or a bare
 * domain) looks mistyped: `gmial.com` → `gmail.com`, `yahoo.cmo` → `yahoo.com`.
 * Returns null when the domain is known, unknown but plausible, or the guess
 * would be ambiguous. Throws a MailportsError (`code`: AddressErrorCode) for
 * malformed input.
 */
export declare function suggestDomain(
  email: string,
  options?: SuggestDomainOptions | null,
): DomainSuggestion | null;

/**
 * Normalises a typed address or bare domain: trims, lowers the domain,
 * converts IDN both ways, strips one trailing dot. Throws a MailportsError
 * (`code`: AddressErrorCode) for malformed input.
 */
export declare function normalizeAddress(input: string): NormalizedAddress;
