//! Exporting a provider's settings as the files that mail clients and DNS
//! servers read.
//!
//! [`export`] turns one [`ExportSettings`] (from the provider database, a
//! custom provider record, or what the reader typed) into one [`ExportedFile`]
//! in any of the [`FORMATS`]:
//!
//! - `thunderbird-autoconfig`: a `config-v1.1.xml` `clientConfig` document, for
//!   `https://autoconfig.<domain>/mail/config-v1.1.xml` or
//!   `https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml`;
//! - `apple-mobileconfig`: a configuration profile (XML property list) with one
//!   `com.apple.mail.managed` payload, for Mail on iPhone, iPad and Mac;
//! - `dns-srv`: the RFC 6186 / RFC 8314 SRV records as zone-file lines;
//! - `json`: the checked settings as JSON, for scripts.
//!
//! Each format has its own module: `thunderbird`, `apple`, `dns_srv` and
//! `json`; `check` holds what every format relies on. The XML formats are
//! written directly (their shape is fixed and small, which keeps the wasm
//! small), the JSON one by `serde_json`. Safety comes from checking before
//! writing: host names must be DNS names (stored lower case, without a
//! trailing dot), ports 1 to 65535, free text must hold no control
//! characters, and XML text is escaped. Whatever fails a check is an
//! [`Error`], never a broken file.
//!
//! ```
//! use mailports::export::{export, ExportFormat, ExportOptions, ExportSettings};
//! use mailports::ports::Security;
//! use mailports::settings::{Auth, MailProtocol, Server};
//!
//! let server = |protocol, hostname: &str, port, security| Server {
//!     protocol,
//!     hostname: hostname.into(),
//!     port,
//!     security,
//!     username: "%EMAILADDRESS%".into(),
//!     auth: vec![Auth::Password],
//! };
//! let settings = ExportSettings {
//!     domain: "example.com".into(),
//!     name: Some("Example Mail".into()),
//!     short_name: None,
//!     incoming: vec![server(MailProtocol::Imap, "imap.example.com", 993, Security::ImplicitTls)],
//!     outgoing: vec![server(MailProtocol::Smtp, "smtp.example.com", 465, Security::ImplicitTls)],
//! };
//! let file = export(&settings, ExportFormat::DnsSrv, &ExportOptions::default()).unwrap();
//! let records: Vec<String> = file
//!     .content
//!     .lines()
//!     .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
//!     .collect();
//! assert!(records.contains(&"_imaps._tcp IN SRV 0 1 993 imap.example.com.".to_owned()));
//! assert!(records.contains(&"_pop3._tcp IN SRV 0 0 0 .".to_owned()));
//! ```

mod apple;
mod check;
mod dns_srv;
mod json;
mod thunderbird;

use serde::Serialize;

use crate::arg::{self, ArgValue};

use crate::ports::Security;
use crate::settings::{MailProtocol, Server};
use crate::truncate::truncate;
use crate::{Error, Result};

pub use apple::{fnv1a_128, uuid_v8};
pub use dns_srv::SRV_SERVICES;

use check::{check_email, check_settings};

/// The settings to export: one mail domain and its servers, best first.
///
/// Read from the camelCase shape of the JS API by
/// [`from_args`](Self::from_args); serialises to the same shape (the `json`
/// format). Unknown keys are ignored, so a provider match can be passed as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportSettings {
    /// The email domain, e.g. `example.com` (the part after the `@`).
    pub domain: String,
    /// The provider's display name, e.g. `Example Mail`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A short display name, e.g. `Example`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Servers for reading mail (IMAP or POP3), best first.
    pub incoming: Vec<Server>,
    /// Servers for sending mail (SMTP submission), best first.
    pub outgoing: Vec<Server>,
}

named_enum! {
    /// The keys of [`ExportSettings`] in JS.
    enum SettingsKey {
        Domain = "domain",
        Name = "name",
        ShortName = "shortName",
        Incoming = "incoming",
        Outgoing = "outgoing",
    }
}

impl ExportSettings {
    /// Reads settings from the keys and values of a JS object `{ domain,
    /// name?, shortName?, incoming?, outgoing? }` (see [`crate::arg`]).
    /// Other keys are ignored; `null` is "not given" for the optional ones.
    /// A value of the wrong type is an `invalid-argument` error naming its
    /// field, a bad port an `invalid-port` error. [`export`] checks the rest.
    ///
    /// ```
    /// use mailports::arg::ArgValue;
    /// use mailports::export::ExportSettings;
    ///
    /// let s = ExportSettings::from_args([
    ///     ("domain", ArgValue::Text("example.com".into())),
    ///     ("status", ArgValue::Text("ready".into())),
    /// ])
    /// .unwrap();
    /// assert_eq!((s.domain.as_str(), s.incoming.len()), ("example.com", 0));
    /// let err = ExportSettings::from_args([("name", ArgValue::Number(1.0))]).unwrap_err();
    /// assert!(err.to_string().contains("settings.name: expected a string, got number"));
    /// ```
    pub fn from_args<K: AsRef<str>>(args: impl IntoIterator<Item = (K, ArgValue)>) -> Result<Self> {
        let mut domain = None;
        let mut settings = ExportSettings {
            domain: String::new(),
            name: None,
            short_name: None,
            incoming: Vec::new(),
            outgoing: Vec::new(),
        };
        for (key, value) in args {
            let key = key.as_ref();
            let Some(which) = arg::known_key(key, SettingsKey::NAMES) else {
                continue;
            };
            let what = format!("settings.{key}");
            match which {
                SettingsKey::Domain => domain = Some(arg::text(&what, value)?),
                SettingsKey::Name => settings.name = arg::optional_text(&what, value)?,
                SettingsKey::ShortName => settings.short_name = arg::optional_text(&what, value)?,
                SettingsKey::Incoming => settings.incoming = Server::list_from_arg(&what, value)?,
                SettingsKey::Outgoing => settings.outgoing = Server::list_from_arg(&what, value)?,
            }
        }
        settings.domain = match domain {
            Some(d) => d,
            None => arg::text("settings.domain", ArgValue::Null)?,
        };
        Ok(settings)
    }
}

/// Optional details of an export. Every field may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The account's address. The profile is pre-filled with it and user-name
    /// placeholders are resolved with it; without it the device asks.
    pub email: Option<String>,
    /// Reverse-DNS prefix of the profile's identifiers, e.g. `com.example`.
    /// Default: the domain reversed.
    pub identifier: Option<String>,
    /// The organisation named in the profile (`PayloadOrganization`).
    pub organization: Option<String>,
    /// Time to live of the DNS records, in seconds. Default: [`DEFAULT_TTL`].
    pub ttl: Option<u32>,
}

named_enum! {
    /// The keys of [`ExportOptions`] in JS.
    enum OptionsKey {
        Email = "email",
        Identifier = "identifier",
        Organization = "organization",
        Ttl = "ttl",
    }
}

impl ExportOptions {
    /// Reads options from the keys and values of a JS object `{ email?,
    /// identifier?, organization?, ttl? }`. Other keys are ignored and `null`
    /// is "not given"; a value of the wrong type is an `invalid-argument`
    /// error naming its field. [`export`] checks the values.
    ///
    /// ```
    /// use mailports::arg::ArgValue;
    /// use mailports::export::ExportOptions;
    ///
    /// let o = ExportOptions::from_args([("ttl", ArgValue::Number(600.0))]).unwrap();
    /// assert_eq!(o.ttl, Some(600));
    /// assert!(ExportOptions::from_args([("ttl", ArgValue::Number(1.5))]).is_err());
    /// ```
    pub fn from_args<K: AsRef<str>>(args: impl IntoIterator<Item = (K, ArgValue)>) -> Result<Self> {
        let mut options = ExportOptions::default();
        for (key, value) in args {
            let key = key.as_ref();
            let Some(which) = arg::known_key(key, OptionsKey::NAMES) else {
                continue;
            };
            let what = format!("options.{key}");
            match which {
                OptionsKey::Email => options.email = arg::optional_text(&what, value)?,
                OptionsKey::Identifier => options.identifier = arg::optional_text(&what, value)?,
                OptionsKey::Organization => {
                    options.organization = arg::optional_text(&what, value)?
                }
                OptionsKey::Ttl => {
                    options.ttl = match value {
                        ArgValue::Null => None,
                        ArgValue::Number(n)
                            if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) =>
                        {
                            Some(n as u32)
                        }
                        _ => return Err(arg::invalid(&what, "must be a whole number of seconds")),
                    }
                }
            }
        }
        Ok(options)
    }
}

/// The TTL of exported DNS records when none is given: one hour.
pub const DEFAULT_TTL: u32 = 3600;

/// The largest TTL allowed by RFC 2181 §8 (2³¹ − 1 seconds).
pub const MAX_TTL: u32 = 0x7fff_ffff;

/// The longest free text (names, user names, organisation) accepted, in bytes.
pub const MAX_TEXT: usize = 256;

/// The file formats [`export`] can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    /// Apple configuration profile (`.mobileconfig`).
    AppleMobileconfig,
    /// RFC 6186 / RFC 8314 SRV records in zone-file syntax.
    DnsSrv,
    /// The checked settings as JSON.
    Json,
    /// Thunderbird autoconfig `config-v1.1.xml`.
    ThunderbirdAutoconfig,
}

/// One row of [`FORMATS`]: what a format is called and how its file is served.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormatInfo {
    /// The format.
    pub format: ExportFormat,
    /// Its stable kebab-case name, as the JS API spells it.
    pub id: &'static str,
    /// A short English label for menus.
    pub label: &'static str,
    /// The media type of the file.
    pub mime_type: &'static str,
}

/// Every export format, sorted by `id` (checked by a test).
pub static FORMATS: &[FormatInfo] = &[
    FormatInfo {
        format: ExportFormat::AppleMobileconfig,
        id: "apple-mobileconfig",
        label: "Apple configuration profile",
        mime_type: "application/x-apple-aspen-config",
    },
    FormatInfo {
        format: ExportFormat::DnsSrv,
        id: "dns-srv",
        label: "DNS SRV records",
        mime_type: "text/dns",
    },
    FormatInfo {
        format: ExportFormat::Json,
        id: "json",
        label: "JSON settings",
        mime_type: "application/json",
    },
    FormatInfo {
        format: ExportFormat::ThunderbirdAutoconfig,
        id: "thunderbird-autoconfig",
        label: "Thunderbird autoconfig file",
        mime_type: "application/xml",
    },
];

impl ExportFormat {
    /// The format named `id` (kebab-case), or an `unknown-format` error.
    ///
    /// ```
    /// use mailports::export::ExportFormat;
    /// assert_eq!(ExportFormat::parse("dns-srv"), Ok(ExportFormat::DnsSrv));
    /// assert_eq!(ExportFormat::parse("vcard").unwrap_err().code(), "unknown-format");
    /// ```
    pub fn parse(id: &str) -> Result<Self> {
        FORMATS
            .binary_search_by(|f| f.id.cmp(id))
            .map(|i| FORMATS[i].format)
            .map_err(|_| Error::UnknownFormat(truncate(id, 40)))
    }

    /// This format's row of [`FORMATS`].
    pub fn info(self) -> &'static FormatInfo {
        // The table holds one row per variant, in variant order (tested).
        &FORMATS[self as usize]
    }
}

/// A file ready to save or serve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportedFile {
    /// A suggested file name, e.g. `config-v1.1.xml`.
    pub filename: String,
    /// The media type, e.g. `application/xml`.
    pub mime_type: &'static str,
    /// The whole file, as text (UTF-8).
    pub content: String,
}

/// Writes `settings` as a file in `format`.
///
/// The settings are checked first (see the module documentation); the
/// autoconfig file and the profile need at least one incoming and one outgoing
/// server, the SRV records at least one server of either kind.
///
/// ```
/// use mailports::export::{export, ExportFormat, ExportOptions, ExportSettings};
/// let empty = ExportSettings {
///     domain: "example.com".into(),
///     name: None,
///     short_name: None,
///     incoming: vec![],
///     outgoing: vec![],
/// };
/// let err = export(&empty, ExportFormat::Json, &ExportOptions::default()).unwrap_err();
/// assert_eq!(err.code(), "missing-server");
/// ```
pub fn export(
    settings: &ExportSettings,
    format: ExportFormat,
    options: &ExportOptions,
) -> Result<ExportedFile> {
    let s = check_settings(settings)?;
    let email = match &options.email {
        Some(e) => Some(check_email(e)?),
        None => None,
    };
    if format != ExportFormat::DnsSrv {
        if s.incoming.is_empty() {
            return Err(Error::MissingServer("incoming"));
        }
        if s.outgoing.is_empty() {
            return Err(Error::MissingServer("outgoing"));
        }
    } else if s.incoming.is_empty() && s.outgoing.is_empty() {
        return Err(Error::MissingServer("incoming or outgoing"));
    }
    let (filename, content) = match format {
        ExportFormat::ThunderbirdAutoconfig => (
            "config-v1.1.xml".to_owned(),
            thunderbird::write(&s, email.as_ref()),
        ),
        ExportFormat::AppleMobileconfig => (
            format!("{}.mobileconfig", s.domain),
            apple::write(&s, email.as_ref(), options)?,
        ),
        ExportFormat::DnsSrv => {
            let ttl = options.ttl.unwrap_or(DEFAULT_TTL);
            if ttl > MAX_TTL {
                return Err(Error::InvalidArgument(format!(
                    "ttl must be a whole number of seconds from 0 to {MAX_TTL}"
                )));
            }
            (format!("{}.srv.zone", s.domain), dns_srv::write(&s, ttl))
        }
        ExportFormat::Json => (format!("{}.mail-settings.json", s.domain), json::write(&s)),
    };
    Ok(ExportedFile {
        filename,
        mime_type: format.info().mime_type,
        content,
    })
}

// ---------------------------------------------------------------------------
// Helpers the formats share

/// Appends `text` with the five XML special characters escaped. Control
/// characters were rejected by the checks, so the result is valid XML 1.0
/// character data and attribute content.
fn push_xml(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

/// Appends every part in order.
fn cat(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

/// Appends `indent<tag>text</tag>` and a newline, the text escaped.
fn xml_element(out: &mut String, indent: &str, tag: &str, text: &str) {
    cat(out, &[indent, "<", tag, ">"]);
    push_xml(out, text);
    cat(out, &["</", tag, ">\n"]);
}

/// The display name: the given name, else the domain.
fn display_name(s: &ExportSettings) -> &str {
    s.name.as_deref().unwrap_or(&s.domain)
}

/// Rank of a server for the single-account formats: TLS before plaintext,
/// IMAP before POP3 (RFC 6186 §3.4), implicit TLS before STARTTLS (RFC 8314).
fn rank(srv: &Server) -> (bool, MailProtocol, Security) {
    (
        srv.security == Security::Plaintext,
        srv.protocol,
        srv.security,
    )
}

#[cfg(test)]
mod tests {
    use super::apple::resolve_username;
    use super::check::{check_hostname, check_text};
    use super::thunderbird::username_template;
    use super::*;

    #[test]
    fn formats_are_sorted_and_in_variant_order() {
        for (i, f) in FORMATS.iter().enumerate() {
            assert_eq!(f.format as usize, i, "{}", f.id);
            assert_eq!(ExportFormat::parse(f.id), Ok(f.format));
        }
        assert!(FORMATS.windows(2).all(|w| w[0].id < w[1].id));
    }

    #[test]
    fn hostnames_are_checked_and_normalised() {
        assert_eq!(
            check_hostname("IMAP.Example.COM.").unwrap(),
            "imap.example.com"
        );
        assert_eq!(
            check_hostname("mail.bücher.de").unwrap(),
            "mail.xn--bcher-kva.de"
        );
        for bad in [
            "",
            ".",
            "a..b",
            "-a.com",
            "a-.com",
            "a_b.com",
            "a b.com",
            "192.0.2.1",
            "x<y>.com",
        ] {
            let err = check_hostname(bad).unwrap_err();
            assert_eq!(err.code(), "invalid-hostname", "{bad:?}");
            assert!(err.to_string().contains("host name"), "{err}");
        }
        let long_label = format!("{}.com", "a".repeat(64));
        assert!(check_hostname(&long_label).is_err());
        let long_name = vec!["a".repeat(63); 4].join(".") + ".com";
        assert!(check_hostname(&long_name).is_err());
    }

    #[test]
    fn text_rejects_controls_and_noncharacters() {
        assert!(check_text("name", "Fine & <dandy> \"'").is_ok());
        for bad in [
            "a\u{0}b",
            "tab\there",
            "new\nline",
            "\u{7f}",
            "\u{85}",
            "x\u{FFFE}",
            "\u{FDD0}",
        ] {
            assert_eq!(
                check_text("name", bad).unwrap_err().code(),
                "invalid-text",
                "{bad:?}"
            );
        }
        assert_eq!(
            check_text("name", &"x".repeat(MAX_TEXT + 1))
                .unwrap_err()
                .code(),
            "too-long"
        );
    }

    #[test]
    fn usernames_resolve_or_prompt() {
        let e = check_email("Anna.B@Example.COM").unwrap();
        assert_eq!(e.address, "Anna.B@example.com");
        assert_eq!(
            resolve_username("%EMAILADDRESS%", Some(&e)).unwrap(),
            "Anna.B@example.com"
        );
        assert_eq!(
            resolve_username("%EMAILLOCALPART%", Some(&e)).unwrap(),
            "Anna.B"
        );
        assert_eq!(
            resolve_username("%EMAILLOCALPART%.%EMAILDOMAIN%", Some(&e)).unwrap(),
            "Anna.B.example.com"
        );
        assert_eq!(resolve_username("%EMAILADDRESS%", None), None);
        assert_eq!(resolve_username("", None), None);
        assert_eq!(resolve_username("fixed-user", None).unwrap(), "fixed-user");
        assert_eq!(
            username_template("anna.b@example.com", Some(&e)),
            "%EMAILADDRESS%"
        );
        assert_eq!(username_template("Anna.B", Some(&e)), "%EMAILLOCALPART%");
        assert_eq!(username_template("other", Some(&e)), "other");
    }

    #[test]
    fn emails_are_checked() {
        for bad in [
            "",
            "no-at",
            "@example.com",
            "a b@example.com",
            "a@b@c",
            "a@-x.com",
            "a\"@x.com",
        ] {
            assert!(check_email(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn uuid_v8_has_version_and_variant_bits() {
        // FNV-1a-128 of "" is the offset basis; of "foobar" a published vector.
        assert_eq!(fnv1a_128(b""), 0x6c62272e07bb014262b821756295c58d);
        assert_eq!(fnv1a_128(b"foobar"), 0x343e1662793c64bf6f0d3597ba446f18);
        assert_eq!(uuid_v8(""), "6c62272e-07bb-8142-a2b8-21756295c58d");
        assert_ne!(uuid_v8("a"), uuid_v8("b"));
    }
}
