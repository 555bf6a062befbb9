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

use std::sync::{PoisonError, RwLock};

use serde::{Deserialize, Serialize};

use crate::arg::{self, ArgValue};
use crate::email;
use crate::placeholders;
use crate::ports::{self, Security};
use crate::settings::{Auth, MailProtocol, Server};
use crate::small_sort::sort_small;
use crate::{Error, Result};

pub use crate::provenance::{Alternative, Source, SourceRef};
pub use crate::requirements::{Requirement, RequirementInfo, Status, REQUIREMENTS};

/// The answer of [`lookup`]: one provider's settings for the address given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderMatch {
    /// The record's id, e.g. `"googlemail.com"` or `"fastmail"`.
    pub id: String,
    /// The provider's name.
    pub name: String,
    /// The domain that matched (ASCII, lower case).
    pub domain: String,
    /// What a mail app needs, derived from the requirements and servers.
    pub status: Status,
    /// What the user must know or do first.
    pub requirements: Vec<Requirement>,
    /// IMAP and POP3 servers, best first.
    pub incoming: Vec<Server>,
    /// SMTP servers, best first.
    pub outgoing: Vec<Server>,
    /// Servers a less preferred source gives where it disagrees with the
    /// preferred one, with that source.
    pub alternatives: Vec<Alternative>,
    /// Where the facts come from, best first.
    pub sources: Vec<SourceRef>,
    /// The newest check date among the sources (`YYYY-MM-DD`), or `None`
    /// when no source has one (a page's own record).
    pub checked: Option<String>,
}

/// One provider in [`list`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderSummary {
    /// The record's id.
    pub id: String,
    /// The provider's name.
    pub name: String,
    /// What a mail app needs.
    pub status: Status,
    /// Requirement codes.
    pub requirements: Vec<Requirement>,
    /// Email domains, sorted.
    pub domains: Vec<String>,
    /// MX base domains that point to this provider (for matching a domain's
    /// MX hosts; may overlap `domains`).
    pub mx: Vec<String>,
    /// Number of incoming servers.
    pub incoming: usize,
    /// Number of outgoing servers.
    pub outgoing: usize,
    /// Where the record comes from, best first.
    pub sources: Vec<Source>,
    /// The newest check date among the sources, if any.
    pub checked: Option<String>,
}

/// A provider record as an embedding page supplies it to [`register`].
///
/// Enumerations are plain strings and the port a plain number here, so that
/// every mistake is reported with the field it is in rather than as a
/// deserialisation failure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ProviderRecord {
    /// A unique id: 1–64 ASCII letters, digits, `.`, `_` or `-`.
    pub id: String,
    /// The provider's name, 1–100 characters.
    pub name: String,
    /// Email domains (1–100), Unicode or ASCII.
    pub domains: Vec<String>,
    /// Requirement codes (see [`REQUIREMENTS`]); `null` reads as none.
    #[serde(deserialize_with = "null_as_empty")]
    pub requirements: Vec<String>,
    /// IMAP/POP3 servers (1–8).
    pub incoming: Vec<ServerRecord>,
    /// SMTP servers (1–8).
    pub outgoing: Vec<ServerRecord>,
    /// MX base domains (0–20); `null` reads as none.
    #[serde(deserialize_with = "null_as_empty")]
    pub mx: Vec<String>,
}

/// Reads an optional list where JSON `null` means the same as no list, as
/// the JS argument reader does (`arg::optional_texts`).
fn null_as_empty<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> core::result::Result<Vec<String>, D::Error> {
    Ok(Option::<Vec<String>>::deserialize(d)?.unwrap_or_default())
}

impl ProviderRecord {
    /// The keys a record may have, as JavaScript spells them.
    pub const KEYS: &'static [&'static str] = &[
        "id",
        "name",
        "domains",
        "requirements",
        "incoming",
        "outgoing",
        "mx",
    ];

    /// Reads a record from the `(key, value)` pairs of a JS object (see
    /// [`crate::arg`]). This checks the shape only: an unknown key, or a
    /// value of the wrong type, is an `invalid-argument` error naming it.
    /// Missing keys take their default, `null` is refused where a value is
    /// required (a server's `username` may be `null`), and keys
    /// a server does not have are ignored. [`register`] checks the values.
    ///
    /// ```
    /// use mailports::arg::ArgValue;
    /// use mailports::providers::ProviderRecord;
    ///
    /// let text = |s: &str| ArgValue::Text(s.into());
    /// let server = ArgValue::Object(vec![
    ///     ("protocol".into(), text("smtp")),
    ///     ("hostname".into(), text("smtp.example.net")),
    ///     ("port".into(), ArgValue::Number(465.0)),
    ///     ("security".into(), text("implicit-tls")),
    /// ]);
    /// let record = ProviderRecord::from_args([
    ///     ("id", text("example")),
    ///     ("outgoing", ArgValue::List(vec![server])),
    /// ])
    /// .unwrap();
    /// assert_eq!(record.outgoing[0].port, 465.0);
    ///
    /// let err = ProviderRecord::from_args([("id", ArgValue::Number(1.0))]).unwrap_err();
    /// assert_eq!(err.code(), "invalid-argument");
    /// assert!(err.to_string().contains("record.id: expected a string, got number"));
    /// let err = ProviderRecord::from_args([("ids", text("x"))]).unwrap_err();
    /// assert!(err.to_string().contains("unknown key \"ids\""));
    /// ```
    pub fn from_args<K: AsRef<str>>(args: impl IntoIterator<Item = (K, ArgValue)>) -> Result<Self> {
        let args: Vec<(K, ArgValue)> = args.into_iter().collect();
        // Every key first, so that an unknown key is reported before a bad value.
        for (key, _) in &args {
            arg::check_key("record", key.as_ref(), Self::KEYS)?;
        }
        let mut record = ProviderRecord::default();
        for (key, value) in args {
            let key = key.as_ref();
            let what = format!("record.{key}");
            match key {
                "id" => record.id = arg::text(&what, value)?,
                "name" => record.name = arg::text(&what, value)?,
                "domains" => record.domains = arg::texts(&what, value)?,
                "requirements" => record.requirements = arg::optional_texts(&what, value)?,
                "incoming" | "outgoing" => {
                    let mut servers = Vec::new();
                    for (i, s) in arg::list(&what, value)?.into_iter().enumerate() {
                        servers.push(ServerRecord::from_arg(&format!("{what}[{i}]"), s)?);
                    }
                    if key == "incoming" {
                        record.incoming = servers;
                    } else {
                        record.outgoing = servers;
                    }
                }
                _ => record.mx = arg::optional_texts(&what, value)?,
            }
        }
        Ok(record)
    }
}

/// One server of a [`ProviderRecord`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct ServerRecord {
    /// `imap`, `pop3` (incoming) or `smtp` (outgoing).
    pub protocol: String,
    /// Host name; `%EMAILDOMAIN%` may stand for the user's domain.
    pub hostname: String,
    /// Port, 1–65535.
    pub port: f64,
    /// `implicit-tls`, `starttls` or `plaintext`.
    pub security: String,
    /// User name template; `%EMAILADDRESS%` when missing.
    pub username: Option<String>,
    /// Authentication methods (`password`, `oauth2`, …); `password` when
    /// empty or `null`.
    #[serde(deserialize_with = "null_as_empty")]
    pub auth: Vec<String>,
}

impl ServerRecord {
    /// Reads one server of [`ProviderRecord::from_args`]; `what` names it in
    /// errors (e.g. `record.incoming[0]`).
    fn from_arg(what: &str, value: ArgValue) -> Result<Self> {
        let mut server = ServerRecord::default();
        for (key, value) in arg::object(what, value)? {
            let what = format!("{what}.{key}");
            match key.as_str() {
                "protocol" => server.protocol = arg::text(&what, value)?,
                "hostname" => server.hostname = arg::text(&what, value)?,
                "port" => server.port = arg::number(&what, value)?,
                "security" => server.security = arg::text(&what, value)?,
                "username" => server.username = arg::optional_text(&what, value)?,
                "auth" => server.auth = arg::optional_texts(&what, value)?,
                _ => {}
            }
        }
        Ok(server)
    }
}

// ---------------------------------------------------------------------------
// The built-in tables.

mod data {
    #[allow(unused_imports)] // only the check of requirement codes uses it
    use super::Requirement;
    include!(concat!(env!("OUT_DIR"), "/providers_data.rs"));
}

/// One line of `data::PROVIDERS`:
/// `id name sources requirements mx servers alternatives`, separated by tabs
/// (see build.rs).
#[derive(Debug, Clone, Copy)]
struct Entry {
    id: &'static str,
    name: &'static str,
    sources: &'static str,
    requirements: &'static str,
    mx: &'static str,
    servers: &'static str,
    alternatives: &'static str,
}

impl Entry {
    fn parse(line: &'static str) -> Option<Entry> {
        let mut f = line.split('\t');
        let mut next = || f.next();
        Some(Entry {
            id: next()?,
            name: next()?,
            sources: next()?,
            requirements: next()?,
            mx: next()?,
            servers: next()?,
            alternatives: next()?,
        })
    }

    /// The sources field: `|`-separated items, each a source letter and
    /// eight date digits (or none); `s` is a reviewed page that is not the
    /// provider's own. The table carries no URLs (see build.rs).
    fn sources(&self) -> Vec<SourceRef> {
        let mut out = Vec::new();
        for item in self.sources.split('|') {
            let mut chars = item.chars();
            let letter = chars.next().unwrap_or('?');
            let (name, second_hand) = match letter {
                's' => (Source::Reviewed, true),
                other => match Source::from_letter(other) {
                    Some(s) => (s, false),
                    None => continue,
                },
            };
            let date = chars.as_str();
            out.push(SourceRef {
                name,
                url: None,
                // YYYYMMDD -> YYYY-MM-DD, char by char: `split_at` would
                // bring str slicing's panic messages into the wasm (3.2 KB).
                checked: (date.len() == 8).then(|| {
                    let mut out = String::with_capacity(10);
                    for (i, c) in date.chars().enumerate() {
                        if i == 4 || i == 6 {
                            out.push('-');
                        }
                        out.push(c);
                    }
                    out
                }),
                second_hand,
            });
        }
        out
    }

    fn requirements(&self) -> impl Iterator<Item = Requirement> {
        self.requirements
            .split(',')
            .filter_map(Requirement::from_code)
    }

    fn mx(&self) -> impl Iterator<Item = &'static str> {
        self.mx.split(',').filter(|m| !m.is_empty())
    }

    fn servers(&self) -> impl Iterator<Item = Server> {
        let id = self.id;
        let mut previous: Option<Server> = None;
        self.servers.split(';').filter_map(move |text| {
            let server = parse_server(text, id, previous.as_ref())?;
            previous = Some(server.clone());
            Some(server)
        })
    }

    /// Each alternative is a source letter followed by a server in the same
    /// form as `servers`, without the `=` shorthand.
    fn alternatives(&self) -> impl Iterator<Item = Alternative> {
        let id = self.id;
        self.alternatives.split(';').filter_map(move |text| {
            let mut chars = text.chars();
            let source = Source::from_letter(chars.next()?)?;
            let server = parse_server(chars.as_str(), id, None)?;
            Some(Alternative { server, source })
        })
    }

    fn split_servers(&self) -> (Vec<Server>, Vec<Server>) {
        let (mut incoming, mut outgoing) = (Vec::new(), Vec::new());
        for server in self.servers() {
            if server.protocol == MailProtocol::Smtp {
                outgoing.push(server);
            } else {
                incoming.push(server);
            }
        }
        (incoming, outgoing)
    }

    fn summary(&self, domains: Vec<String>) -> ProviderSummary {
        let (incoming, outgoing) = self.split_servers();
        let requirements: Vec<Requirement> = self.requirements().collect();
        let sources = self.sources();
        ProviderSummary {
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            status: Status::derive(&requirements, &incoming),
            requirements,
            domains,
            mx: self.mx().map(str::to_owned).collect(),
            incoming: incoming.len(),
            outgoing: outgoing.len(),
            checked: crate::provenance::newest(&sources),
            sources: sources.iter().map(|s| s.name).collect(),
        }
    }

    /// The match for `domain`, placeholders not yet filled in.
    fn to_match(self, domain: &str) -> ProviderMatch {
        let (incoming, outgoing) = self.split_servers();
        let requirements: Vec<Requirement> = self.requirements().collect();
        let sources = self.sources();
        ProviderMatch {
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            domain: domain.to_owned(),
            status: Status::derive(&requirements, &incoming),
            requirements: requirements.into_iter().map(Into::into).collect(),
            incoming,
            outgoing,
            alternatives: self.alternatives().collect(),
            checked: crate::provenance::newest(&sources),
            sources,
        }
    }
}

/// `<protocol><security><port> <host> <user> <auth letters>`, where `=`
/// repeats the field of `previous` (the provider's server before this one)
/// and `$` in the host stands for the provider `id` (see build.rs).
fn parse_server(text: &str, id: &str, previous: Option<&Server>) -> Option<Server> {
    let mut parts = text.split(' ');
    let head = parts.next()?;
    let mut chars = head.chars();
    let protocol = match chars.next()? {
        'i' => MailProtocol::Imap,
        'p' => MailProtocol::Pop3,
        's' => MailProtocol::Smtp,
        _ => return None,
    };
    let security = match chars.next()? {
        't' => Security::ImplicitTls,
        's' => Security::Starttls,
        'p' => Security::Plaintext,
        _ => return None,
    };
    let port = chars.as_str().parse().ok()?;
    let hostname = match parts.next()? {
        "=" => previous?.hostname.clone(),
        host => host.replace('$', id),
    };
    let username = match parts.next()? {
        "=" => previous?.username.clone(),
        user => user.to_owned(),
    };
    let auth = match parts.next()? {
        "=" => previous?.auth.clone(),
        letters => letters
            .chars()
            .filter_map(|c| {
                Some(match c {
                    'p' => Auth::Password,
                    'e' => Auth::PasswordEncrypted,
                    'o' => Auth::Oauth2,
                    'g' => Auth::Gssapi,
                    'n' => Auth::Ntlm,
                    'c' => Auth::ClientIpAddress,
                    'x' => Auth::None,
                    _ => return None,
                })
            })
            .collect(),
    };
    Some(Server {
        protocol,
        hostname,
        port,
        security,
        username,
        auth,
    })
}

fn entries() -> impl Iterator<Item = Entry> {
    data::PROVIDERS.split('\n').filter_map(Entry::parse)
}

fn entry(index: usize) -> Option<Entry> {
    data::PROVIDERS
        .split('\n')
        .nth(index)
        .and_then(Entry::parse)
}

/// Reads the `DOMAINS` entry that holds byte `pos`: its domain, its
/// provider's index, and the position just past it.
fn domain_entry(pos: usize) -> Option<(&'static str, usize, usize)> {
    let bytes = data::DOMAINS;
    let mut start = pos.min(bytes.len());
    // Back to the start of the domain: just past the previous index bytes.
    while start > 0 && bytes.get(start - 1).is_some_and(|b| b.is_ascii()) {
        start -= 1;
    }
    // If `pos` was inside the index bytes, the domain lies before them.
    if bytes.get(start).is_some_and(|b| !b.is_ascii()) {
        let mut s = start;
        while s > 0 && bytes.get(s - 1).is_some_and(|b| !b.is_ascii()) {
            s -= 1;
        }
        // `s` is the end of this entry's domain; find its start.
        start = s;
        while start > 0 && bytes.get(start - 1).is_some_and(|b| b.is_ascii()) {
            start -= 1;
        }
    }
    let len = bytes.get(start..)?.iter().position(|b| !b.is_ascii())?;
    let end = start + len;
    let hi = usize::from(*bytes.get(end)? & 0x7f);
    let lo = usize::from(*bytes.get(end + 1)? & 0x7f);
    let domain = core::str::from_utf8(bytes.get(start..end)?).ok()?;
    Some((domain, hi << 7 | lo, end + 2))
}

/// Every built-in domain with its provider's index, in order.
fn domain_entries() -> impl Iterator<Item = (&'static str, usize)> {
    let mut pos = 0;
    core::iter::from_fn(move || {
        let (domain, provider, next) = domain_entry(pos)?;
        pos = next;
        Some((domain, provider))
    })
}

/// Every built-in email domain (ASCII, lower case), sorted. Includes MX base
/// domains that the Thunderbird ISPDB lists as domains (e.g. `google.com`);
/// registered records are not included.
///
/// ```
/// let all: Vec<_> = mailports::providers::domains().collect();
/// assert!(all.contains(&"gmail.com"));
/// assert!(all.windows(2).all(|w| w[0] < w[1]));
/// ```
pub fn domains() -> impl Iterator<Item = &'static str> {
    domain_entries().map(|(d, _)| d)
}

/// Every built-in MX pattern with the id of its provider: a mail server host
/// equal to the pattern or ending in `.` + pattern belongs to that provider.
///
/// ```
/// assert!(mailports::providers::mx_patterns()
///     .any(|(mx, id)| mx == "mail.protection.outlook.com" && id == "office365.com"));
/// ```
pub fn mx_patterns() -> impl Iterator<Item = (&'static str, &'static str)> {
    entries().flat_map(|e| e.mx().map(move |m| (m, e.id)))
}

/// The built-in provider index of `domain` (binary search over `DOMAINS`).
fn builtin_index(domain: &str) -> Option<usize> {
    let (mut lo, mut hi) = (0, data::DOMAINS.len());
    while lo < hi {
        let (found, provider, next) = domain_entry(lo + (hi - lo) / 2)?;
        let start = next - 2 - found.len();
        match found.cmp(domain) {
            core::cmp::Ordering::Less => lo = next,
            core::cmp::Ordering::Greater => hi = start,
            core::cmp::Ordering::Equal => return Some(provider),
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Registered records.

/// A validated record: what [`register`] keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Custom {
    id: String,
    name: String,
    requirements: Vec<Requirement>,
    domains: Vec<String>,
    mx: Vec<String>,
    incoming: Vec<Server>,
    outgoing: Vec<Server>,
}

impl Custom {
    fn summary(&self) -> ProviderSummary {
        ProviderSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            status: Status::derive(&self.requirements, &self.incoming),
            requirements: self.requirements.clone(),
            domains: self.domains.clone(),
            mx: self.mx.clone(),
            incoming: self.incoming.len(),
            outgoing: self.outgoing.len(),
            sources: vec![Source::Custom],
            checked: None,
        }
    }

    /// The match for `domain`, placeholders not yet filled in.
    fn to_match(&self, domain: &str) -> ProviderMatch {
        ProviderMatch {
            id: self.id.clone(),
            name: self.name.clone(),
            domain: domain.to_owned(),
            status: Status::derive(&self.requirements, &self.incoming),
            requirements: self.requirements.clone(),
            incoming: self.incoming.clone(),
            outgoing: self.outgoing.clone(),
            alternatives: Vec::new(),
            sources: vec![SourceRef {
                name: Source::Custom,
                url: None,
                checked: None,
                second_hand: false,
            }],
            checked: None,
        }
    }
}

/// The most records a page may register.
pub const MAX_REGISTERED: usize = 64;

/// Registered records, oldest first. A plain `RwLock` in a static: it works on
/// single-threaded wasm too, and a poisoned lock is used as it is (the data is
/// only ever replaced whole, so it cannot be half-written).
static REGISTERED: RwLock<Vec<Custom>> = RwLock::new(Vec::new());

/// Registers a provider record. It replaces an earlier registration with the
/// same id, and takes precedence over built-in records (and earlier
/// registrations) for its domains. Returns the record as it was stored.
///
/// Errors: [`Error::InvalidProvider`] naming the bad field.
///
/// ```
/// use mailports::providers::{lookup, register, unregister, ProviderRecord, ServerRecord};
///
/// let server = |protocol: &str, host: &str, port: f64, security: &str| ServerRecord {
///     protocol: protocol.into(),
///     hostname: host.into(),
///     port,
///     security: security.into(),
///     ..Default::default()
/// };
/// let record = ProviderRecord {
///     id: "example-isp".into(),
///     name: "Example ISP".into(),
///     domains: vec!["example-isp.test".into()],
///     incoming: vec![server("imap", "imap.example-isp.test", 993.0, "implicit-tls")],
///     outgoing: vec![server("smtp", "smtp.example-isp.test", 465.0, "implicit-tls")],
///     ..Default::default()
/// };
/// register(record.clone()).unwrap();
/// let m = lookup("ann@example-isp.test").unwrap().unwrap();
/// assert_eq!(m.id, "example-isp");
/// assert_eq!(m.incoming[0].username, "ann@example-isp.test");
///
/// let bad = ProviderRecord { incoming: vec![server("imap", "imap.example-isp.test", 0.0, "implicit-tls")], ..record };
/// let err = register(bad).unwrap_err();
/// assert_eq!(err.code(), "invalid-provider");
/// assert!(err.to_string().contains("incoming[0].port"));
/// assert!(unregister("example-isp"));
/// ```
pub fn register(record: ProviderRecord) -> Result<ProviderSummary> {
    let custom = validate(record)?;
    let summary = custom.summary();
    let mut list = REGISTERED.write().unwrap_or_else(PoisonError::into_inner);
    list.retain(|c| c.id != custom.id);
    if list.len() >= MAX_REGISTERED {
        return Err(invalid(
            "id",
            format!("at most {MAX_REGISTERED} providers can be registered"),
        ));
    }
    list.push(custom);
    Ok(summary)
}

/// Removes the registered record with this id; `false` when there was none.
pub fn unregister(id: &str) -> bool {
    let mut list = REGISTERED.write().unwrap_or_else(PoisonError::into_inner);
    let before = list.len();
    list.retain(|c| c.id != id);
    list.len() != before
}

fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Error {
    Error::InvalidProvider {
        field: field.into(),
        reason: reason.into(),
    }
}

/// The value named `value` in `table`, or an error listing the names.
fn parse_enum<T: Copy>(field: &str, value: &str, table: &[(T, &str)]) -> Result<T> {
    match table.iter().find(|(_, name)| *name == value) {
        Some(&(v, _)) => Ok(v),
        None => Err(invalid(
            field,
            arg::not_one_of(value, &mut table.iter().map(|&(_, name)| name)),
        )),
    }
}

fn check_text(field: &str, value: &str, max_chars: usize) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(invalid(field, "it is empty"));
    }
    if value.chars().count() > max_chars {
        return Err(invalid(
            field,
            format!("it is longer than {max_chars} characters"),
        ));
    }
    if let Some((ch, kind)) = value
        .chars()
        .find_map(|c| email::forbidden(c).map(|k| (c, k)))
    {
        return Err(invalid(
            field,
            format!("it contains U+{:04X} ({kind})", u32::from(ch)),
        ));
    }
    Ok(value.to_owned())
}

fn check_domains(field: &str, list: &[String], min: usize, max: usize) -> Result<Vec<String>> {
    if list.len() < min {
        return Err(invalid(field, "at least one domain is needed"));
    }
    if list.len() > max {
        return Err(invalid(field, format!("at most {max} domains are allowed")));
    }
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for (i, d) in list.iter().enumerate() {
        let domain = email::normalize_domain(d)
            .map_err(|e| invalid(format!("{field}[{i}]"), e.to_string()))?;
        if !out.contains(&domain) {
            out.push(domain);
        }
    }
    sort_small(&mut out, |a, b| a < b);
    Ok(out)
}

/// Checks a host name that may hold `%EMAILDOMAIN%`; returns it in ASCII,
/// lower case, without a trailing dot.
fn check_hostname(field: &str, host: &str) -> Result<String> {
    let ascii = placeholders::normalize_template_host(host.trim())
        .map_err(|e| invalid(field, e.to_string()))?;
    if !placeholders::is_template_host(&ascii)
        && !ascii.as_bytes().contains(&b'.')
        && ascii != "localhost"
    {
        return Err(invalid(field, "a host name needs at least one dot"));
    }
    Ok(ascii)
}

fn check_username(field: &str, value: Option<&str>) -> Result<String> {
    let Some(value) = value else {
        return Ok(placeholders::EMAIL_ADDRESS.to_owned());
    };
    let value = value.trim();
    if value.is_empty() {
        return Ok(placeholders::EMAIL_ADDRESS.to_owned());
    }
    if value.len() > 255 {
        return Err(invalid(field, "it is longer than 255 bytes"));
    }
    if let Some((ch, kind)) = value
        .chars()
        .find_map(|c| email::forbidden(c).map(|k| (c, k)))
    {
        return Err(invalid(
            field,
            format!("it contains U+{:04X} ({kind})", u32::from(ch)),
        ));
    }
    if !placeholders::only_known(value) {
        return Err(invalid(
            field,
            "a % must start %EMAILADDRESS%, %EMAILLOCALPART% or %EMAILDOMAIN%",
        ));
    }
    Ok(value.to_owned())
}

fn check_servers(field: &str, list: &[ServerRecord], incoming: bool) -> Result<Vec<Server>> {
    if list.is_empty() {
        return Err(invalid(field, "at least one server is needed"));
    }
    if list.len() > 8 {
        return Err(invalid(field, "at most 8 servers are allowed"));
    }
    let protocols: &[(MailProtocol, &str)] = if incoming {
        &[(MailProtocol::Imap, "imap"), (MailProtocol::Pop3, "pop3")]
    } else {
        &[(MailProtocol::Smtp, "smtp")]
    };
    let mut out = Vec::with_capacity(list.len());
    for (i, s) in list.iter().enumerate() {
        let f = |name: &str| format!("{field}[{i}].{name}");
        let protocol = parse_enum(&f("protocol"), s.protocol.trim(), protocols)?;
        let hostname = check_hostname(&f("hostname"), &s.hostname)?;
        let port = ports::validate_port(s.port).map_err(|e| invalid(f("port"), e.to_string()))?;
        let security = parse_enum(&f("security"), s.security.trim(), Security::NAMES)?;
        let username = check_username(&f("username"), s.username.as_deref())?;
        let mut auth = Vec::new();
        if s.auth.len() > Auth::NAMES.len() {
            return Err(invalid(f("auth"), "too many entries"));
        }
        for (j, a) in s.auth.iter().enumerate() {
            let m = parse_enum(&format!("{}[{j}]", f("auth")), a.trim(), Auth::NAMES)?;
            if !auth.contains(&m) {
                auth.push(m);
            }
        }
        if auth.is_empty() {
            auth.push(Auth::Password);
        }
        out.push(Server {
            protocol,
            hostname,
            port,
            security,
            username,
            auth,
        });
    }
    sort_servers(&mut out);
    Ok(out)
}

fn validate(record: ProviderRecord) -> Result<Custom> {
    let id = record.id.trim();
    if id.is_empty() {
        return Err(invalid("id", "it is empty"));
    }
    if id.len() > 64 {
        return Err(invalid("id", "it is longer than 64 characters"));
    }
    if !id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
    {
        return Err(invalid(
            "id",
            "use only ASCII letters, digits, '.', '_' and '-'",
        ));
    }
    let name = check_text("name", &record.name, 100)?;
    if record.requirements.len() > REQUIREMENTS.len() {
        return Err(invalid("requirements", "too many entries"));
    }
    let mut requirements = Vec::new();
    for (i, code) in record.requirements.iter().enumerate() {
        let r = Requirement::from_code(code.trim()).ok_or_else(|| {
            invalid(
                format!("requirements[{i}]"),
                arg::not_one_of(code, &mut REQUIREMENTS.iter().map(|r| r.code)),
            )
        })?;
        if !requirements.contains(&r) {
            requirements.push(r);
        }
    }
    let incoming = check_servers("incoming", &record.incoming, true)?;
    let outgoing = check_servers("outgoing", &record.outgoing, false)?;
    // oauth2, oauth2-only and no-imap follow from the servers.
    crate::requirements::normalize(&mut requirements, &incoming, &outgoing);
    Ok(Custom {
        id: id.to_owned(),
        name,
        requirements,
        domains: check_domains("domains", &record.domains, 1, 100)?,
        mx: check_domains("mx", &record.mx, 0, 20)?,
        incoming,
        outgoing,
    })
}

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
    let registered = {
        let list = REGISTERED.read().unwrap_or_else(PoisonError::into_inner);
        list.iter()
            .rev()
            .find(|c| c.domains.iter().any(|d| d == domain))
            .map(|c| c.to_match(domain))
    };
    let Some(mut m) = registered.or_else(|| Some(entry(builtin_index(domain)?)?.to_match(domain)))
    else {
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
    {
        let list = REGISTERED.read().unwrap_or_else(PoisonError::into_inner);
        if let Some(c) = list.iter().rev().find(|c| c.id == id) {
            return Some(c.to_match(c.domains.first().map_or("", String::as_str)));
        }
    }
    let (index, e) = entries().enumerate().find(|(_, e)| e.id == id)?;
    let domain = domain_entries()
        .find(|&(_, p)| p == index)
        .map_or("", |(d, _)| d);
    Some(e.to_match(domain))
}

/// Every provider, registered ones first (newest first), then the built-in
/// ones sorted by id.
///
/// ```
/// let all = mailports::providers::list();
/// assert!(all.iter().any(|p| p.id == "fastmail" && p.domains.contains(&"fastmail.com".to_string())));
/// ```
pub fn list() -> Vec<ProviderSummary> {
    let mut out: Vec<ProviderSummary> = REGISTERED
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .rev()
        .map(Custom::summary)
        .collect();
    let all: Vec<Entry> = entries().collect();
    let mut by_provider: Vec<Vec<String>> = vec![Vec::new(); all.len()];
    for (domain, p) in domain_entries() {
        if let Some(list) = by_provider.get_mut(p) {
            list.push(domain.to_owned());
        }
    }
    out.extend(
        all.iter()
            .zip(by_provider)
            .map(|(e, domains)| e.summary(domains)),
    );
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The compact table (with its `=` and `$` shorthand, see build.rs) reads
    /// back to exactly the servers of every record in the data file.
    #[test]
    fn table_servers_match_the_data_file() {
        let text = include_str!("../data/providers.jsonl");
        let records: Vec<serde_json::Value> = text
            .lines()
            .filter(|l| l.starts_with('{'))
            .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
            .collect();
        let table: Vec<Entry> = entries().collect();
        assert_eq!(table.len(), records.len());
        let mut shortened = 0;
        for (entry, record) in table.iter().zip(&records) {
            assert_eq!(entry.id, record["id"]);
            let expected: Vec<serde_json::Value> = ["incoming", "outgoing"]
                .iter()
                .flat_map(|k| record[k].as_array().expect("a server list").clone())
                .collect();
            let got: Vec<serde_json::Value> = entry
                .servers()
                .map(|s| serde_json::to_value(s).expect("a server serialises"))
                .collect();
            assert_eq!(got, expected, "servers of {}", entry.id);
            shortened += entry.servers.matches(['=', '$']).count();
        }
        assert!(shortened > 500, "the shorthand is in use ({shortened})");
    }
}
