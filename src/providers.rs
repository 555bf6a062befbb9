//! The provider database: which servers, ports and TLS modes an email
//! provider's customers use, and what they must do first.
//!
//! The built-in records come from `data/providers.jsonl`, which the importer
//! (`importer/`) derives from the Thunderbird ISPDB, the Delta Chat provider
//! database and nodemailer's service list; `build.rs` turns that file into
//! compact static tables (interned strings, small integers), so the wasm holds
//! neither JSON nor a JSON parser. `data/ATTRIBUTION.md` names the sources and
//! their licences.
//!
//! A page can add its own records with [`register`] (an ISP's help desk that
//! shows only its own settings); they take precedence over built-in records
//! for their domains.
//!
//! | module | what it holds |
//! | --- | --- |
//! | `types` | the answer and record shapes ([`ProviderMatch`], [`ProviderRecord`]) |
//! | `table` | the built-in table ([`domains`], [`mx_patterns`]) |
//! | `registry` | records registered at run time ([`register`], [`unregister`]) |
//! | `validate` | the checks a registered record passes |
//!
//! This module itself finds a record ([`lookup`], [`by_id`], [`list`]) and
//! orders servers ([`sort_servers`]).
//!
//! ```
//! use mailports::providers::lookup;
//!
//! let m = lookup("Jane.Doe@GMAIL.com").unwrap().expect("gmail is known");
//! assert_eq!(m.domain, "gmail.com");
//! assert_eq!(m.incoming[0].hostname, "imap.gmail.com");
//! assert_eq!(m.incoming[0].username, "Jane.Doe@gmail.com");
//! assert_eq!(m.sources[0].name, mailports::providers::Source::Reviewed);
//! assert!(m.checked.is_some());
//!
//! assert!(lookup("nobody@unknown-provider.invalid").unwrap().is_none());
//! assert_eq!(lookup("not an address").unwrap_err().code(), "invalid-domain");
//! ```

mod registry;
mod table;
mod types;
mod validate;

use crate::email;
use crate::placeholders;
use crate::ports::Security;
use crate::settings::{MailProtocol, Server};
use crate::small_sort::sort_small;
use crate::Result;

pub use crate::provenance::{Alternative, Source, SourceRef};
pub use crate::requirements::{ProviderStatus, Requirement, RequirementInfo, REQUIREMENTS};
pub use registry::{register, unregister, MAX_REGISTERED};
pub(crate) use table::domains_unsorted;
pub use table::{domains, mx_patterns};
pub use types::{ProviderMatch, ProviderRecord, ProviderSummary, ServerRecord};

// ---------------------------------------------------------------------------
// Lookup.

/// Finds the provider for an email address or a bare domain.
///
/// The input is normalised by [`email::parse_input`] (trimming, case,
/// full-width forms, IDN). Registered records are searched first, then the
/// built-in ones; the match is on the exact domain. Placeholders in the
/// servers are filled in for the address: `%EMAILDOMAIN%` always, and in user
/// names `%EMAILADDRESS%` and `%EMAILLOCALPART%` only when a local part was
/// given (with a bare domain the user name stays a template).
///
/// Returns `Ok(None)` for a well-formed address of an unknown provider, and an
/// error (`empty-input`, `too-long`, `invalid-character`, `invalid-address`,
/// `invalid-domain`) for input that is not an address or a domain.
pub fn lookup(input: &str) -> Result<Option<ProviderMatch>> {
    let address = email::parse_input(input)?;
    let local = address.local.as_deref();
    let domain = address.domain.as_str();
    let Some(mut m) = registry::match_domain(domain).or_else(|| table::match_domain(domain)) else {
        return Ok(None);
    };
    // One loop fills the placeholders of every server, in place.
    let alternatives = m.alternatives.iter_mut().map(|a| &mut a.server);
    for s in m
        .incoming
        .iter_mut()
        .chain(m.outgoing.iter_mut())
        .chain(alternatives)
    {
        s.hostname = placeholders::fill_host(&s.hostname, domain);
        if let Some(local) = local {
            s.username = placeholders::fill_user(&s.username, local, domain);
        }
    }
    Ok(Some(m))
}

/// A record by id (registered ones first), with placeholders left in and
/// `domain` set to its first domain (empty for a record without domains,
/// such as an SMTP relay service).
///
/// ```
/// let m = mailports::providers::by_id("fastmail").unwrap();
/// assert_eq!(m.incoming[0].username, "%EMAILADDRESS%");
/// assert!(mailports::providers::by_id("no-such-provider").is_none());
/// ```
pub fn by_id(id: &str) -> Option<ProviderMatch> {
    registry::by_id(id).or_else(|| table::by_id(id))
}

/// Every provider, registered ones first (newest first), then the built-in
/// ones sorted by id.
///
/// ```
/// let all = mailports::providers::list();
/// assert!(all.iter().any(|p| p.id == "fastmail" && p.domains.contains(&"fastmail.com".to_string())));
/// ```
pub fn list() -> Vec<ProviderSummary> {
    let mut out = registry::summaries();
    out.extend(table::summaries());
    out
}

/// Orders servers best first: every TLS server before any plaintext one;
/// then IMAP before POP3; then implicit TLS before STARTTLS (RFC 8314);
/// then the protocol's standard port before others. Ties keep their order.
///
/// ```
/// use mailports::ports::Security;
/// use mailports::settings::{Auth, MailProtocol, Server};
/// let s = |protocol, port, security| Server {
///     protocol, hostname: "mail.example.com".into(), port, security,
///     username: "%EMAILADDRESS%".into(), auth: vec![Auth::Password],
/// };
/// let mut list = vec![
///     s(MailProtocol::Pop3, 995, Security::ImplicitTls),
///     s(MailProtocol::Imap, 143, Security::Plaintext),
///     s(MailProtocol::Imap, 143, Security::Starttls),
///     s(MailProtocol::Imap, 993, Security::ImplicitTls),
/// ];
/// mailports::providers::sort_servers(&mut list);
/// let ports: Vec<u16> = list.iter().map(|s| s.port).collect();
/// assert_eq!(ports, [993, 143, 995, 143]);
/// assert_eq!(list[3].security, Security::Plaintext);
/// ```
pub fn sort_servers(servers: &mut [Server]) {
    let key = |s: &Server| {
        (
            s.security == Security::Plaintext,
            s.protocol,
            s.security,
            !standard_port(s.protocol, s.security, s.port),
        )
    };
    sort_small(servers, |a, b| key(a) < key(b));
}

/// Whether `port` is the usual one for this protocol and TLS mode (993/143,
/// 995/110, 465/587). Anything else is unusual, though it may be right.
///
/// ```
/// use mailports::{ports::Security, settings::MailProtocol};
/// assert!(mailports::providers::standard_port(MailProtocol::Smtp, Security::Starttls, 587));
/// assert!(!mailports::providers::standard_port(MailProtocol::Smtp, Security::Starttls, 25));
/// ```
pub fn standard_port(protocol: MailProtocol, security: Security, port: u16) -> bool {
    matches!(
        (protocol, security, port),
        (MailProtocol::Imap, Security::ImplicitTls, 993)
            | (
                MailProtocol::Imap,
                Security::Starttls | Security::Plaintext,
                143
            )
            | (MailProtocol::Pop3, Security::ImplicitTls, 995)
            | (
                MailProtocol::Pop3,
                Security::Starttls | Security::Plaintext,
                110
            )
            | (MailProtocol::Smtp, Security::ImplicitTls, 465)
            | (
                MailProtocol::Smtp,
                Security::Starttls | Security::Plaintext,
                587
            )
    )
}
