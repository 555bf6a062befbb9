//! The shapes of the provider API: what [`lookup`](super::lookup) and
//! [`list`](super::list) answer, and the record a page gives to
//! [`register`](super::register), with its reader for JavaScript objects.
//!
//! ```
//! use mailports::providers::ProviderRecord;
//! assert!(ProviderRecord::KEYS.contains(&"incoming"));
//! ```

use serde::Serialize;

use super::{Alternative, ProviderStatus, Requirement, Source, SourceRef};
use crate::arg::{self, ArgValue};
use crate::settings::{Server, ServerKey};
use crate::Result;

/// The answer of [`lookup`](super::lookup): one provider's settings for the address given.
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
    pub status: ProviderStatus,
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

/// One provider in [`list`](super::list).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderSummary {
    /// The record's id.
    pub id: String,
    /// The provider's name.
    pub name: String,
    /// What a mail app needs.
    pub status: ProviderStatus,
    /// Requirement codes.
    pub requirements: Vec<Requirement>,
    /// Email domains, sorted.
    pub domains: Vec<String>,
    /// MX base domains that point to this provider (for matching a domain's
    /// MX hosts; may overlap `domains`).
    pub mx: Vec<String>,
    /// Number of incoming servers.
    pub incoming: u32,
    /// Number of outgoing servers.
    pub outgoing: u32,
    /// Where the record comes from, best first.
    pub sources: Vec<Source>,
    /// The newest check date among the sources, if any.
    pub checked: Option<String>,
}

/// A provider record as an embedding page supplies it to [`register`](super::register).
///
/// Enumerations are plain strings and the port a plain number here, so that
/// every mistake is reported with the field it is in rather than as a
/// deserialisation failure.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderRecord {
    /// A unique id: 1–64 ASCII letters, digits, `.`, `_` or `-`.
    pub id: String,
    /// The provider's name, 1–100 characters.
    pub name: String,
    /// Email domains (1–100), Unicode or ASCII.
    pub domains: Vec<String>,
    /// Requirement codes (see [`REQUIREMENTS`](super::REQUIREMENTS)); `null` reads as none.
    pub requirements: Vec<String>,
    /// IMAP/POP3 servers (1–8).
    pub incoming: Vec<ServerRecord>,
    /// SMTP servers (1–8).
    pub outgoing: Vec<ServerRecord>,
    /// MX base domains (0–20); `null` reads as none.
    pub mx: Vec<String>,
}

named_enum! {
    /// The keys of a [`ProviderRecord`] in JS.
    enum RecordKey {
        Id = "id",
        Name = "name",
        Domains = "domains",
        Requirements = "requirements",
        Incoming = "incoming",
        Outgoing = "outgoing",
        Mx = "mx",
    }
}

impl ProviderRecord {
    /// The keys a record may have, as JavaScript spells them.
    pub const KEYS: &'static [&'static str] = RecordKey::JS_NAMES;

    /// Reads a record from the `(key, value)` pairs of a JS object (see
    /// [`crate::arg`]). This checks the shape only: an unknown key, or a
    /// value of the wrong type, is an `invalid-argument` error naming it.
    /// Missing keys take their default, `null` is refused where a value is
    /// required (a server's `username` may be `null`), and keys
    /// a server does not have are ignored. [`register`](super::register) checks the values.
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
        // Every key first, so that an unknown key is reported before a bad value.
        let mut fields = Vec::new();
        for (key, value) in args {
            let key = key.as_ref();
            fields.push((
                arg::key("record", key, RecordKey::NAMES)?,
                format!("record.{key}"),
                value,
            ));
        }
        let mut record = ProviderRecord::default();
        for (key, what, value) in fields {
            let servers = |value| -> Result<Vec<ServerRecord>> {
                let mut servers = Vec::new();
                for (i, s) in arg::list(&what, value)?.into_iter().enumerate() {
                    servers.push(ServerRecord::from_arg(&format!("{what}[{i}]"), s)?);
                }
                Ok(servers)
            };
            match key {
                RecordKey::Id => record.id = arg::text(&what, value)?,
                RecordKey::Name => record.name = arg::text(&what, value)?,
                RecordKey::Domains => record.domains = arg::texts(&what, value)?,
                RecordKey::Requirements => record.requirements = arg::optional_texts(&what, value)?,
                RecordKey::Incoming => record.incoming = servers(value)?,
                RecordKey::Outgoing => record.outgoing = servers(value)?,
                RecordKey::Mx => record.mx = arg::optional_texts(&what, value)?,
            }
        }
        Ok(record)
    }
}

/// One server of a [`ProviderRecord`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
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
    pub auth: Vec<String>,
}

impl ServerRecord {
    /// Reads one server of [`ProviderRecord::from_args`]; `what` names it in
    /// errors (e.g. `record.incoming[0]`).
    fn from_arg(what: &str, value: ArgValue) -> Result<Self> {
        let mut server = ServerRecord::default();
        for (key, value) in arg::object(what, value)? {
            let Some(which) = arg::known_key(&key, ServerKey::NAMES) else {
                continue;
            };
            let what = format!("{what}.{key}");
            match which {
                ServerKey::Protocol => server.protocol = arg::text(&what, value)?,
                ServerKey::Hostname => server.hostname = arg::text(&what, value)?,
                ServerKey::Port => server.port = arg::number(&what, value)?,
                ServerKey::Security => server.security = arg::text(&what, value)?,
                ServerKey::Username => server.username = arg::optional_text(&what, value)?,
                ServerKey::Auth => server.auth = arg::optional_texts(&what, value)?,
            }
        }
        Ok(server)
    }
}

/// The number of servers in a list, for [`ProviderSummary`] (a record has at
/// most 8 per direction). A `u32` rather than a `usize`: serde-wasm-bindgen
/// checks 64-bit numbers against the JS safe-integer range, and its error
/// message would bring 64-bit number formatting into the wasm.
pub(crate) fn count<T>(list: &[T]) -> u32 {
    u32::try_from(list.len()).unwrap_or(u32::MAX)
}
