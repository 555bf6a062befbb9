//! The placeholders of server templates: `%EMAILADDRESS%`, `%EMAILLOCALPART%`
//! and `%EMAILDOMAIN%`, as the Thunderbird autoconfig format defined them and
//! every provider source uses them.
//!
//! This module is the one place that knows their names, fills them in and
//! checks host names that hold them. The provider database, registered
//! records, autoconfig documents, discovery and export all go through it, so
//! a template means the same thing wherever it comes from.
//!
//! Filling is one pass from left to right: text that comes from the address
//! (a local part may hold `%`, even `%EMAILDOMAIN%`) is copied, never read
//! again as a placeholder.
//!
//! ```
//! use mailports::placeholders::{fill_host, fill_user, EMAIL_ADDRESS};
//!
//! assert_eq!(fill_host("imap.%EMAILDOMAIN%", "example.org"), "imap.example.org");
//! assert_eq!(fill_user(EMAIL_ADDRESS, "anna", "example.org"), "anna@example.org");
//! // The local part `%EMAILDOMAIN%` is the user's own text, not a placeholder.
//! assert_eq!(
//!     fill_user(EMAIL_ADDRESS, "%EMAILDOMAIN%", "example.com"),
//!     "%EMAILDOMAIN%@example.com"
//! );
//! ```

use crate::{Error, Result};

/// Stands for the whole address, `anna@example.org`.
pub const EMAIL_ADDRESS: &str = "%EMAILADDRESS%";

/// Stands for the part before the `@`, `anna`.
pub const EMAIL_LOCAL_PART: &str = "%EMAILLOCALPART%";

/// Stands for the domain, `example.org`; the only placeholder allowed in a
/// host name.
pub const EMAIL_DOMAIN: &str = "%EMAILDOMAIN%";

/// Every placeholder.
pub const ALL: [&str; 3] = [EMAIL_ADDRESS, EMAIL_LOCAL_PART, EMAIL_DOMAIN];

/// What `%EMAILDOMAIN%` is replaced by while a template host name is checked
/// as a DNS name: a name under `.invalid` (RFC 2606), which no real host can
/// have.
const STAND_IN: &str = "emaildomain.invalid";

/// Fills the placeholders of a user-name template for the address
/// `local@domain`, in one pass. Any other `%` stays as it is.
///
/// ```
/// use mailports::placeholders::fill_user;
/// assert_eq!(fill_user("%EMAILLOCALPART%", "anna", "example.org"), "anna");
/// assert_eq!(fill_user("%EMAILADDRESS%", "%EMAILDOMAIN%a", "x.test"), "%EMAILDOMAIN%a@x.test");
/// assert_eq!(fill_user("100%", "a", "b.c"), "100%");
/// ```
pub fn fill_user(template: &str, local: &str, domain: &str) -> String {
    let address = format!("{local}@{domain}");
    let mut out = String::with_capacity(template.len() + address.len());
    let mut rest = template;
    // `get` rather than indexing: `find` gives a character boundary, and
    // this way the wasm carries no panic path for slicing.
    while let Some(i) = rest.find('%') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let tail = rest.get(i..).unwrap_or_default();
        let found = [
            (EMAIL_ADDRESS, address.as_str()),
            (EMAIL_LOCAL_PART, local),
            (EMAIL_DOMAIN, domain),
        ]
        .into_iter()
        .find_map(|(p, value)| Some((value, tail.strip_prefix(p)?)));
        match found {
            Some((value, after)) => {
                out.push_str(value);
                rest = after;
            }
            None => {
                out.push('%');
                rest = tail.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// Fills `%EMAILDOMAIN%` in a host-name template.
///
/// ```
/// assert_eq!(mailports::placeholders::fill_host("mail.%EMAILDOMAIN%", "b.c"), "mail.b.c");
/// ```
pub fn fill_host(template: &str, domain: &str) -> String {
    replace_all(template, EMAIL_DOMAIN, domain)
}

/// Whether every `%` in `text` starts one of the placeholders.
///
/// ```
/// use mailports::placeholders::only_known;
/// assert!(only_known("%EMAILLOCALPART%+mail@%EMAILDOMAIN%"));
/// assert!(!only_known("%EMAIL%"));
/// ```
pub fn only_known(text: &str) -> bool {
    let mut rest = text;
    while let Some(tail) = rest.find('%').and_then(|i| rest.get(i..)) {
        match ALL.iter().find_map(|p| tail.strip_prefix(p)) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    true
}

/// Checks a host name that holds `%EMAILDOMAIN%` as a DNS name, with the
/// placeholder standing for a name that cannot clash with a real one, and
/// returns it in ASCII, lower case, without a trailing dot, the placeholder
/// kept. A host name without the placeholder is checked as it is.
///
/// Errors: `invalid-domain` (and the other errors of
/// [`crate::email::normalize_domain`]) naming what is wrong.
///
/// ```
/// use mailports::placeholders::normalize_template_host;
/// assert_eq!(normalize_template_host("IMAP.%EMAILDOMAIN%.").unwrap(), "imap.%EMAILDOMAIN%");
/// assert_eq!(normalize_template_host("Mail.Example.COM").unwrap(), "mail.example.com");
/// assert!(normalize_template_host("imap.%EMAILLOCALPART%").is_err());
/// assert!(normalize_template_host("%EMAILDOMAIN%.emaildomain.invalid").is_err());
/// ```
pub fn normalize_template_host(host: &str) -> Result<String> {
    let concrete = fill_host(host, STAND_IN);
    if concrete == host {
        return crate::email::normalize_domain(host);
    }
    if contains(host, STAND_IN) {
        return Err(Error::InvalidDomain("it is not a host name".into()));
    }
    let ascii = crate::email::normalize_domain(&concrete)?;
    Ok(replace_all(&ascii, STAND_IN, EMAIL_DOMAIN))
}

/// Whether a host name is a template: it holds `%EMAILDOMAIN%`.
///
/// ```
/// assert!(mailports::placeholders::is_template_host("mail.%EMAILDOMAIN%"));
/// assert!(!mailports::placeholders::is_template_host("mail.example.com"));
/// ```
pub fn is_template_host(host: &str) -> bool {
    contains(host, EMAIL_DOMAIN)
}

/// Whether `part` occurs in `text` (a byte scan, which keeps core's substring
/// searcher out of the wasm).
fn contains(text: &str, part: &str) -> bool {
    text.as_bytes()
        .windows(part.len())
        .any(|w| w == part.as_bytes())
}

/// `text` with every `from` replaced by `to`, left to right, as
/// `str::replace` does for a non-empty `from`. It tests for `from` at each
/// character instead of using core's substring searcher, which keeps that
/// searcher out of the wasm; the texts here are host names, so the cost of
/// the simple scan does not matter.
fn replace_all(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        if let Some(after) = rest.strip_prefix(from).filter(|_| !from.is_empty()) {
            out.push_str(to);
            rest = after;
            continue;
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            return out;
        };
        out.push(c);
        rest = chars.as_str();
    }
}

#[cfg(test)]
mod tests {
    use super::replace_all;

    #[test]
    fn replace_all_is_str_replace() {
        for (text, from, to) in [
            ("imap.%D%.%D%", "%D%", "example.org"),
            ("ü%D", "%D%", "x"),
            ("%D%%D%", "%D%", ""),
            ("aaa", "aa", "b"),
            ("", "%D%", "x"),
            (
                "emaildomain.invalid.emaildomain.invalid",
                "emaildomain.invalid",
                "%EMAILDOMAIN%",
            ),
        ] {
            assert_eq!(
                replace_all(text, from, to),
                text.replace(from, to),
                "{text}"
            );
        }
    }
}
