//! Email addresses and domain names as people type them: trimming, case,
//! full-width forms, trailing dots and internationalised domain names (IDN).
//!
//! [`parse_input`] takes what a person typed — a whole address or a bare
//! domain — and returns an [`Address`] whose domain is in the ASCII form a
//! resolver or a provider lookup wants (`xn--bcher-kva.de`) together with the
//! Unicode form a person wants to see (`bücher.de`). [`normalize_domain`]
//! does the same for a domain alone.
//!
//! ```
//! use mailports::email::parse_input;
//!
//! let a = parse_input("  Jane.Doe+news@Bücher.DE. ").unwrap();
//! assert_eq!(a.local.as_deref(), Some("Jane.Doe+news"));
//! assert_eq!(a.domain, "xn--bcher-kva.de");
//! assert_eq!(a.unicode_domain, "bücher.de");
//!
//! let err = parse_input("jane@@example.com").unwrap_err();
//! assert_eq!(err.code(), "invalid-address");
//! ```
//!
//! # Rules
//!
//! * Input longer than [`MAX_INPUT_LEN`] bytes is refused before anything else
//!   is looked at, so a pasted megabyte costs nothing.
//! * Leading and trailing whitespace (any Unicode space) is trimmed.
//! * Controls, invisible and bidirectional formatting characters (zero-width
//!   joiners, the right-to-left override…), private-use characters and
//!   noncharacters are refused anywhere, as `invalid-character`.
//! * Full-width ASCII (what a CJK input method types in wide mode) is read as
//!   ASCII everywhere; `＠` (U+FF20) separates like `@`, and `。` `．` `｡`
//!   separate labels like `.`, as UTS #46 does.
//! * The local part is kept as typed: its case may matter to the receiving
//!   server (RFC 5321 §2.4) and a `+tag` sub-address is part of it. It must be
//!   an unquoted dot-atom (RFC 5322 §3.4.1) of at most 64 octets; UTF-8 is
//!   allowed (RFC 6532). **Quoted local parts (`"john doe"@example.com`) and
//!   comments are refused**: they are legal but real mailboxes do not use
//!   them, and a mail client setup tool has nothing to gain from them.
//! * The domain is case-insensitive and is returned in lower case, without
//!   its trailing dot (one is allowed), with at least two labels, labels of
//!   1 to 63 octets and at most 253 octets in all (ASCII form). ASCII labels
//!   are letters, digits and hyphens, not starting or ending with a hyphen.
//!   The last label may not be all digits, and address literals
//!   (`user@[192.0.2.1]`) are refused: a provider has a name.
//!
//! # IDN
//!
//! Punycode encoding comes from the `idna` crate ([`idna::punycode`]);
//! decoding is done here, in a few lines that keep idna's decoder and the
//! sort it uses out of the wasm (see the crate's `punycode` module). idna's full UTS #46
//! processing is not used: with the Unicode tables it needs it would add about
//! 47 KB (brotli) to the wasm, more than half of the whole widget's budget.
//! Instead this module does the part of the mapping that matters for typed
//! domain names with what Rust's standard library already carries:
//!
//! * upper case is lowered character by character (`Ü` → `ü`, `Σ` → `σ`,
//!   never the final `ς`: a letter's context is not looked at);
//! * full-width ASCII and the ideographic full stops are folded (see above);
//! * symbols, punctuation, emoji, full-width and half-width forms and
//!   stray combining accents are refused with a clear message (a sorted table,
//!   [`DOMAIN_DENIED`]), where UTS #46 would sometimes map them instead;
//! * an `xn--` label is decoded, must round-trip exactly and must pass the
//!   same checks, so nothing hostile hides inside Punycode.
//!
//! Lower-casing is the one Unicode table this needs, and the wasm build does
//! not carry it either: native builds use the standard library's
//! `char::to_lowercase`, while on `wasm32` [`crate::host::lowercase`] asks
//! the JS engine (`String.prototype.toLowerCase`, one character at a time so
//! that no context applies, the same mapping as `char::to_lowercase`). The
//! choice is made when compiling, so there is nothing to set up at run time,
//! and this module never sees a JS type. The tables weigh about 5 KB (brotli),
//! and the engine has them anyway.
//!
//! There is no Unicode normalisation table in the core either: text should arrive in
//! NFC (composed) form. The wasm bindings normalise with the browser's own
//! `String.prototype.normalize("NFC")` first; a native caller that may get
//! decomposed text (`u` + U+0308) gets an `invalid-domain` error naming the
//! stray accent rather than a wrong A-label. The bidi and joiner rules of
//! IDNA 2008 (RFC 5893, RFC 5892 appendix A) are not checked; joiners are
//! refused outright, which errs on the safe side.

use std::borrow::Cow;

use serde::Serialize;

use crate::chars::domain_denied;
use crate::error::QuotedChar;
use crate::{Error, Result};

// The character tables live in `chars` (the error messages use them too);
// they stay reachable here, where callers have always found them.
pub use crate::chars::{forbidden, DOMAIN_DENIED, FORBIDDEN};

/// The longest address, in octets, that this module ever calls valid: 64 for
/// the local part, one for the `@` and 255 for the domain (the classic
/// RFC 3696 ceiling; a domain is in fact limited to 253, see
/// [`MAX_DOMAIN_LEN`]).
pub const MAX_ADDRESS_LEN: usize = 320;

/// The longest domain, in octets of its ASCII form, counting one optional
/// trailing dot. Without that dot a domain has at most 253 octets
/// (RFC 1035 §2.3.4: 255 octets on the wire, less the length octets).
pub const MAX_DOMAIN_LEN: usize = 254;

/// The longest local part, in octets (RFC 5321 §4.5.3.1.1).
pub const MAX_LOCAL_LEN: usize = 64;

/// The longest label of a domain, in octets of its ASCII form (RFC 1035).
pub const MAX_LABEL_LEN: usize = 63;

/// The longest raw input, in bytes, that is looked at at all. Any character
/// takes at most four bytes in UTF-8, so every input that could still fit in
/// [`MAX_ADDRESS_LEN`] characters once trimmed and folded is below this.
pub const MAX_INPUT_LEN: usize = 4 * MAX_ADDRESS_LEN;

/// The most octets of a domain without its trailing dot.
const DOMAIN_NAME_MAX: usize = MAX_DOMAIN_LEN - 1;

/// An address (or a bare domain) as typed, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// The part before the `@`, exactly as typed (case and `+tag` kept), or
    /// `None` when only a domain was given.
    pub local: Option<String>,
    /// The domain in ASCII form (A-labels), lower case, no trailing dot.
    pub domain: String,
    /// The domain in Unicode form (U-labels), lower case, for display. The
    /// same as `domain` when it has no IDN label.
    pub unicode_domain: String,
}

impl Address {
    /// The address in ASCII-domain form, `local@domain`, or the domain alone
    /// when there is no local part.
    ///
    /// ```
    /// let a = mailports::email::parse_input("Ana@Bücher.de").unwrap();
    /// assert_eq!(a.to_ascii_string(), "Ana@xn--bcher-kva.de");
    /// ```
    pub fn to_ascii_string(&self) -> String {
        match &self.local {
            Some(local) => format!("{local}@{}", self.domain),
            None => self.domain.clone(),
        }
    }
}

/// Parses what a person typed: `user@domain` or a bare `domain`.
///
/// ```
/// use mailports::email::parse_input;
///
/// let a = parse_input("ｊｏｈｎ＠ｇｍａｉｌ．ｃｏｍ").unwrap(); // full width
/// assert_eq!(a.local.as_deref(), Some("john"));
/// assert_eq!(a.domain, "gmail.com");
///
/// let bare = parse_input("xn--bcher-kva.de").unwrap();
/// assert_eq!(bare.local, None);
/// assert_eq!(bare.unicode_domain, "bücher.de");
///
/// assert_eq!(parse_input("   ").unwrap_err().code(), "empty-input");
/// assert_eq!(parse_input(&"a".repeat(1 << 20)).unwrap_err().code(), "too-long");
/// ```
pub fn parse_input(input: &str) -> Result<Address> {
    let text = prepare(input)?;
    let mut parts = text.split('@');
    let first = parts.next().unwrap_or_default();
    let Some(domain_part) = parts.next() else {
        // No @: a bare domain.
        let (domain, unicode_domain) = parse_domain(first)?;
        return Ok(Address {
            local: None,
            domain,
            unicode_domain,
        });
    };
    // Byte searches: `str::contains` with a `char` brings core's substring
    // searcher into the wasm (for non-ASCII characters).
    if first.as_bytes().contains(&b'"') || domain_part.as_bytes().contains(&b'"') {
        return Err(Error::InvalidAddress(
            "quoted local parts (\"…\") are not supported".into(),
        ));
    }
    if parts.next().is_some() {
        return Err(Error::InvalidAddress("it contains more than one @".into()));
    }
    check_local(first)?;
    if domain_part.is_empty() {
        return Err(Error::InvalidAddress("nothing follows the @".into()));
    }
    let (domain, unicode_domain) = parse_domain(domain_part)?;
    Ok(Address {
        local: Some(first.to_owned()),
        domain,
        unicode_domain,
    })
}

/// Normalises a domain name alone to its ASCII form: lower case, A-labels,
/// no trailing dot.
///
/// ```
/// use mailports::email::normalize_domain;
///
/// assert_eq!(normalize_domain(" Mail.Example.COM. ").unwrap(), "mail.example.com");
/// assert_eq!(normalize_domain("bücher.de").unwrap(), "xn--bcher-kva.de");
/// assert_eq!(normalize_domain("user@example.com").unwrap_err().code(), "invalid-domain");
/// ```
pub fn normalize_domain(input: &str) -> Result<String> {
    let text = prepare(input)?;
    if text.as_bytes().contains(&b'@') {
        return Err(Error::InvalidDomain(
            "it contains an @: give the domain alone".into(),
        ));
    }
    parse_domain(&text).map(|(ascii, _)| ascii)
}

/// Length check, trim, refusal of forbidden characters, width folding.
fn prepare(input: &str) -> Result<Cow<'_, str>> {
    // First, before looking at a single character: bounded work for any input.
    if input.len() > MAX_INPUT_LEN {
        return Err(Error::TooLong {
            what: "input",
            max: MAX_INPUT_LEN,
        });
    }
    let text = input.trim();
    if text.is_empty() {
        return Err(Error::EmptyInput);
    }
    if let Some((ch, kind)) = text.chars().find_map(|c| forbidden(c).map(|k| (c, k))) {
        return Err(Error::InvalidCharacter { ch, kind });
    }
    Ok(fold_width(text))
}

/// Folds full-width ASCII (U+FF01..U+FF5E) to ASCII and the ideographic full
/// stops (U+3002, U+FF61) to `.`.
fn fold_width(text: &str) -> Cow<'_, str> {
    let wide = |c: char| matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3002}' | '\u{FF61}');
    if !text.chars().any(wide) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\u{3002}' | '\u{FF61}' => '.',
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
                _ => c,
            })
            .collect(),
    )
}

/// Checks an unquoted local part.
fn check_local(local: &str) -> Result<()> {
    if local.is_empty() {
        return Err(Error::InvalidAddress("nothing comes before the @".into()));
    }
    if local.len() > MAX_LOCAL_LEN {
        return Err(Error::TooLong {
            what: "local part",
            max: MAX_LOCAL_LEN,
        });
    }
    // An empty piece between dots: one at either end, or two in a row.
    if local.split('.').any(str::is_empty) {
        return Err(Error::InvalidAddress(
            "the part before the @ may not start or end with a dot, or have two dots in a row"
                .into(),
        ));
    }
    for c in local.chars() {
        if c.is_whitespace() {
            return Err(space_error(c, false));
        }
        if c == '(' || c == ')' {
            return Err(Error::InvalidAddress(
                "comments in parentheses are not supported".into(),
            ));
        }
        let allowed = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~.".contains(&b);
        if c.is_ascii() && !allowed(c as u8) {
            return Err(Error::InvalidAddress(format!(
                "the part before the @ contains {}, which is only allowed inside quotes",
                QuotedChar(c)
            )));
        }
    }
    Ok(())
}

fn space_error(c: char, domain: bool) -> Error {
    let why = format!(
        "it contains a space (U+{:04X}); an address has no spaces",
        u32::from(c)
    );
    if domain {
        Error::InvalidDomain(why)
    } else {
        Error::InvalidAddress(why)
    }
}

use crate::host::lowercase;

/// Parses a domain (already trimmed, checked for forbidden characters and
/// width-folded): returns its ASCII and Unicode forms.
fn parse_domain(text: &str) -> Result<(String, String)> {
    if text.starts_with('[') {
        return Err(Error::InvalidDomain(
            "address literals like [192.0.2.1] are not supported: use the provider's domain name"
                .into(),
        ));
    }
    let text = text.strip_suffix('.').unwrap_or(text);
    if text.is_empty() {
        return Err(Error::InvalidDomain("it is only a dot".into()));
    }
    let mut ascii = String::with_capacity(text.len());
    let mut unicode = String::with_capacity(text.len());
    let mut labels = 0usize;
    let mut last_all_digits = false;
    for label in text.split('.') {
        if label.is_empty() {
            return Err(Error::InvalidDomain(
                "it has an empty label (a dot at the start, or two dots in a row)".into(),
            ));
        }
        if labels > 0 {
            ascii.push('.');
            unicode.push('.');
        }
        labels += 1;
        last_all_digits = label.bytes().all(|b| b.is_ascii_digit());
        push_label(label, &mut ascii, &mut unicode)?;
        if ascii.len() > DOMAIN_NAME_MAX {
            return Err(Error::TooLong {
                what: "domain",
                max: DOMAIN_NAME_MAX,
            });
        }
    }
    if labels < 2 {
        return Err(Error::InvalidDomain(
            "it needs at least one dot, as in example.com".into(),
        ));
    }
    if last_all_digits {
        return Err(Error::InvalidDomain(
            "the last label is a number: IP addresses are not supported, use the domain name"
                .into(),
        ));
    }
    Ok((ascii, unicode))
}

/// Validates one label and appends its ASCII and Unicode forms.
fn push_label(label: &str, ascii: &mut String, unicode: &mut String) -> Result<()> {
    if label.is_ascii() {
        let lower = label.to_ascii_lowercase();
        check_ldh(&lower)?;
        if let Some(puny) = lower.strip_prefix("xn--") {
            let decoded = decode_a_label(&lower, puny)?;
            unicode.push_str(&decoded);
        } else {
            unicode.push_str(&lower);
        }
        ascii.push_str(&lower);
        return Ok(());
    }
    // A U-label: check, lower, encode.
    let lower = lowercase(label);
    // Checked after lowering, so that what we encode is exactly what an
    // `xn--` label must decode to (see `decode_a_label`).
    for c in lower.chars() {
        check_domain_char(c)?;
    }
    if lower.is_ascii() {
        // Only possible through case mapping (e.g. the Kelvin sign): treat as
        // an ordinary label so the forms agree.
        check_ldh(&lower)?;
        ascii.push_str(&lower);
        unicode.push_str(&lower);
        return Ok(());
    }
    if lower.starts_with('-') || lower.ends_with('-') {
        return Err(hyphen_error());
    }
    let encoded = idna::punycode::encode_str(&lower)
        .ok_or_else(|| Error::InvalidDomain("a label could not be encoded".into()))?;
    if encoded.len() + 4 > MAX_LABEL_LEN {
        return Err(Error::TooLong {
            what: "label",
            max: MAX_LABEL_LEN,
        });
    }
    ascii.push_str("xn--");
    ascii.push_str(&encoded);
    unicode.push_str(&lower);
    Ok(())
}

/// Letters, digits and hyphens, 1..=63 octets, no hyphen at either end.
fn check_ldh(label: &str) -> Result<()> {
    if label.len() > MAX_LABEL_LEN {
        return Err(Error::TooLong {
            what: "label",
            max: MAX_LABEL_LEN,
        });
    }
    if let Some(c) = label
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-'))
    {
        if c.is_whitespace() {
            return Err(space_error(c, true));
        }
        return Err(Error::InvalidDomain(format!(
            "it contains {}: a domain holds only letters, digits, hyphens and dots",
            QuotedChar(c)
        )));
    }
    if label.starts_with('-') || label.ends_with('-') {
        return Err(hyphen_error());
    }
    Ok(())
}

fn hyphen_error() -> Error {
    Error::InvalidDomain("a label may not start or end with a hyphen".into())
}

/// A non-ASCII character of a U-label.
fn check_domain_char(c: char) -> Result<()> {
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() || c == '-' {
            Ok(())
        } else if c.is_whitespace() {
            Err(space_error(c, true))
        } else {
            Err(Error::InvalidDomain(format!(
                "it contains {}: a domain holds only letters, digits, hyphens and dots",
                QuotedChar(c)
            )))
        };
    }
    if c.is_whitespace() {
        return Err(space_error(c, true));
    }
    if let Some(kind) = forbidden(c) {
        return Err(Error::InvalidCharacter { ch: c, kind });
    }
    match domain_denied(c) {
        Some("combining accent") => Err(Error::InvalidDomain(format!(
            "it contains a combining accent (U+{:04X}) not joined to its letter: type the accented letter as one character",
            u32::from(c)
        ))),
        Some(kind) => Err(Error::InvalidDomain(format!(
            "it contains {c} (U+{:04X}), a {kind}: a domain holds letters, digits and hyphens",
            u32::from(c)
        ))),
        None => Ok(()),
    }
}

/// Decodes and checks an `xn--` label (`whole` is the lower-case label,
/// `puny` what follows the prefix).
fn decode_a_label(whole: &str, puny: &str) -> Result<String> {
    let bad = || {
        Error::InvalidDomain(format!(
            "{whole} is not a valid internationalised (xn--) label"
        ))
    };
    let decoded = crate::punycode::decode(puny).ok_or_else(bad)?;
    if decoded.is_empty() || decoded.is_ascii() {
        return Err(bad());
    }
    for c in decoded.chars() {
        check_domain_char(c)?;
    }
    // A U-label is lower case: decoding must not give letters to lower.
    if lowercase(&decoded) != decoded {
        return Err(bad());
    }
    if decoded.starts_with('-') || decoded.ends_with('-') {
        return Err(hyphen_error());
    }
    // Only the one canonical encoding is accepted.
    if idna::punycode::encode_str(&decoded).as_deref() != Some(puny) {
        return Err(bad());
    }
    Ok(decoded)
}
