//! Recognising a provider from a domain's mail exchangers (MX records): which
//! hosts are preferred, and which provider pattern they lie under.
//!
//! ```
//! assert!(mailports::discovery::is_within("mx1.mail.example.com", "example.com"));
//! ```

use serde::Serialize;

use super::MxRecord;

/// Whether `host` is `base` or lies under it (`aspmx.l.google.com` is under
/// `google.com`; `notgoogle.com` is not).
///
/// ```
/// use mailports::discovery::is_within;
/// assert!(is_within("aspmx.l.google.com", "google.com"));
/// assert!(is_within("google.com", "google.com"));
/// assert!(!is_within("notgoogle.com", "google.com"));
/// ```
pub fn is_within(host: &str, base: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    let base = base.strip_suffix('.').unwrap_or(base);
    if base.is_empty() || host.len() < base.len() {
        return false;
    }
    let split = host.len() - base.len();
    host.is_char_boundary(split)
        && host[split..].eq_ignore_ascii_case(base)
        && (split == 0 || host.as_bytes().get(split - 1) == Some(&b'.'))
}

/// Whether the MX records form a null MX (RFC 7505): the domain says it
/// receives no mail.
///
/// ```
/// use mailports::discovery::{is_null_mx, MxRecord};
/// assert!(is_null_mx(&[MxRecord { preference: 0, exchange: ".".into() }]));
/// assert!(!is_null_mx(&[]));
/// ```
pub fn is_null_mx(records: &[MxRecord]) -> bool {
    !records.is_empty() && records.iter().all(|r| r.exchange == ".")
}

/// The host names of the most preferred (lowest preference) MX records, in
/// the order given, without duplicates and without null-MX targets.
///
/// ```
/// use mailports::discovery::{preferred_mx_hosts, MxRecord};
/// let mx = |p, h: &str| MxRecord { preference: p, exchange: h.into() };
/// let hosts = preferred_mx_hosts(&[mx(10, "alt1.aspmx.l.google.com"), mx(1, "aspmx.l.google.com")]);
/// assert_eq!(hosts, ["aspmx.l.google.com"]);
/// ```
pub fn preferred_mx_hosts(records: &[MxRecord]) -> Vec<String> {
    let usable = records.iter().filter(|r| r.exchange != ".");
    let Some(best) = usable.clone().map(|r| r.preference).min() else {
        return Vec::new();
    };
    let mut hosts: Vec<String> = Vec::new();
    for r in usable.filter(|r| r.preference == best) {
        if !hosts.contains(&r.exchange) {
            hosts.push(r.exchange.clone());
        }
    }
    hosts
}

/// A provider recognised from a domain's mail servers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MxMatch {
    /// The provider's id in the database.
    pub provider: String,
    /// The MX host that matched.
    pub host: String,
    /// The pattern (an MX base domain) it matched.
    pub pattern: String,
}

/// Matches MX hosts against `(pattern, provider id)` pairs: a host matches a
/// pattern when it is the pattern or lies under it. The longest (most
/// specific) matching pattern wins; among equals, the earlier host.
///
/// ```
/// use mailports::discovery::match_mx_patterns;
/// let patterns = [("google.com", "google"), ("mail.protection.outlook.com", "microsoft365")];
/// let m = match_mx_patterns(&["acme-com.mail.protection.outlook.com".to_string()], patterns).unwrap();
/// assert_eq!(m.provider, "microsoft365");
/// assert!(match_mx_patterns(&["mx.acme.com".to_string()], patterns).is_none());
/// ```
pub fn match_mx_patterns<'p>(
    hosts: &[String],
    patterns: impl IntoIterator<Item = (&'p str, &'p str)> + Clone,
) -> Option<MxMatch> {
    let mut best: Option<MxMatch> = None;
    for host in hosts {
        for (pattern, provider) in patterns.clone() {
            let longer = best
                .as_ref()
                .map_or(true, |b| pattern.len() > b.pattern.len());
            if longer && is_within(host, pattern) {
                best = Some(MxMatch {
                    provider: provider.to_owned(),
                    host: host.clone(),
                    pattern: pattern.to_owned(),
                });
            }
        }
    }
    best
}
