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
//! Every file is written by hand, without serializer crates, to keep the wasm
//! small. Safety comes from checking before writing: host names must be DNS
//! names (stored lower case, without a trailing dot), ports 1 to 65535, free
//! text must hold no control characters, and XML text is escaped. Whatever
//! fails a check is an [`Error`], never a broken file.
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

use serde::{Deserialize, Serialize};

use crate::email;
use crate::placeholders;
use crate::ports::Security;
use crate::settings::{Auth, MailProtocol, Server};
use crate::{Error, Result};

/// The settings to export: one mail domain and its servers, best first.
///
/// Deserialises from the camelCase JSON shape of the JS API. Unknown fields are
/// ignored, so a provider record from the database can be passed as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportSettings {
    /// The email domain, e.g. `example.com` (the part after the `@`).
    pub domain: String,
    /// The provider's display name, e.g. `Example Mail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A short display name, e.g. `Example`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Servers for reading mail (IMAP or POP3), best first.
    #[serde(default)]
    pub incoming: Vec<Server>,
    /// Servers for sending mail (SMTP submission), best first.
    #[serde(default)]
    pub outgoing: Vec<Server>,
}

/// Optional details of an export. Every field may be left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportOptions {
    /// The account's address. The profile is pre-filled with it and user-name
    /// placeholders are resolved with it; without it the device asks.
    #[serde(default)]
    pub email: Option<String>,
    /// Reverse-DNS prefix of the profile's identifiers, e.g. `com.example`.
    /// Default: the domain reversed.
    #[serde(default)]
    pub identifier: Option<String>,
    /// The organisation named in the profile (`PayloadOrganization`).
    #[serde(default)]
    pub organization: Option<String>,
    /// Time to live of the DNS records, in seconds. Default: [`DEFAULT_TTL`].
    #[serde(default)]
    pub ttl: Option<u32>,
}

/// The TTL of exported DNS records when none is given: one hour.
pub const DEFAULT_TTL: u32 = 3600;

/// The largest TTL allowed by RFC 2181 §8 (2³¹ − 1 seconds).
pub const MAX_TTL: u32 = 0x7fff_ffff;

/// The longest free text (names, user names, organisation) accepted, in bytes.
pub const MAX_TEXT: usize = 256;

/// The file formats [`export`] can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
        ExportFormat::ThunderbirdAutoconfig => {
            ("config-v1.1.xml".to_owned(), autoconfig(&s, email.as_ref()))
        }
        ExportFormat::AppleMobileconfig => (
            format!("{}.mobileconfig", s.domain),
            mobileconfig(&s, email.as_ref(), options)?,
        ),
        ExportFormat::DnsSrv => {
            let ttl = options.ttl.unwrap_or(DEFAULT_TTL);
            if ttl > MAX_TTL {
                return Err(Error::InvalidArgument(format!(
                    "ttl must be a whole number of seconds from 0 to {MAX_TTL}"
                )));
            }
            (format!("{}.srv.zone", s.domain), srv_zone(&s, ttl))
        }
        ExportFormat::Json => (format!("{}.mail-settings.json", s.domain), json(&s)),
    };
    Ok(ExportedFile {
        filename,
        mime_type: format.info().mime_type,
        content,
    })
}

// ---------------------------------------------------------------------------
// Checking

/// Checks and normalises settings: host names and the domain lower case
/// without a trailing dot, ports non-zero, protocols on the right side, free
/// text free of control characters.
fn check_settings(s: &ExportSettings) -> Result<ExportSettings> {
    let text = |field: &'static str, v: &Option<String>| -> Result<Option<String>> {
        match v {
            Some(t) if !t.trim().is_empty() => check_text(field, t).map(|()| Some(t.clone())),
            _ => Ok(None),
        }
    };
    let domain = check_hostname(&s.domain)?;
    Ok(ExportSettings {
        name: text("name", &s.name)?,
        short_name: text("short name", &s.short_name)?,
        incoming: check_servers(&s.incoming, true, &domain)?,
        outgoing: check_servers(&s.outgoing, false, &domain)?,
        domain,
    })
}

/// Checks servers; a host name written with the `%EMAILDOMAIN%` placeholder
/// (as hosting providers' records are, `mail.%EMAILDOMAIN%`) is resolved with
/// the settings' domain first, as every exported file is for that domain.
fn check_servers(servers: &[Server], incoming: bool, domain: &str) -> Result<Vec<Server>> {
    servers
        .iter()
        .map(|srv| {
            if (srv.protocol == MailProtocol::Smtp) == incoming {
                return Err(Error::InvalidArgument(
                    if incoming {
                        "an incoming server must use imap or pop3"
                    } else {
                        "an outgoing server must use smtp"
                    }
                    .into(),
                ));
            }
            if srv.port == 0 {
                return Err(Error::InvalidPort("0".into()));
            }
            check_text("user name", &srv.username)?;
            Ok(Server {
                hostname: check_hostname(&placeholders::fill_host(&srv.hostname, domain))?,
                ..srv.clone()
            })
        })
        .collect()
}

/// Free text must fit in [`MAX_TEXT`] bytes and hold none of the characters
/// [`email::forbidden`] refuses: controls (XML 1.0 cannot carry most of them),
/// noncharacters, bidirectional and invisible formatting characters, private
/// use. None of them belongs in a name.
fn check_text(field: &'static str, text: &str) -> Result<()> {
    if text.len() > MAX_TEXT {
        return Err(Error::TooLong {
            what: field,
            max: MAX_TEXT,
        });
    }
    match text
        .chars()
        .find_map(|c| email::forbidden(c).map(|k| (c, k)))
    {
        Some((ch, kind)) => Err(Error::InvalidText { field, ch, kind }),
        None => Ok(()),
    }
}

/// A host name as a DNS name, through [`email::normalize_domain`]: lower case,
/// A-labels for IDN, no trailing dot, LDH labels, not an IP address. Errors
/// name the host.
fn check_hostname(raw: &str) -> Result<String> {
    email::normalize_domain(raw).map_err(|reason| Error::InvalidHostname {
        host: truncate(raw, 64),
        reason: Box::new(match reason {
            Error::EmptyInput => Error::InvalidDomain("it is empty".into()),
            other => other,
        }),
    })
}

/// The account address of the options, through [`email::parse_input`]: it
/// must have a local part.
fn check_email(raw: &str) -> Result<Email> {
    let a = email::parse_input(raw)?;
    let Some(local) = a.local else {
        return Err(Error::InvalidAddress(
            "the email option needs a whole address, with an @".into(),
        ));
    };
    Ok(Email {
        address: format!("{local}@{}", a.domain),
        local,
        domain: a.domain,
    })
}

struct Email {
    address: String,
    local: String,
    domain: String,
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// Shared helpers

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

// ---------------------------------------------------------------------------
// Thunderbird autoconfig

fn socket_type(security: Security) -> &'static str {
    match security {
        Security::ImplicitTls => "SSL",
        Security::Starttls => "STARTTLS",
        Security::Plaintext => "plain",
    }
}

fn autoconfig_auth(auth: Auth) -> &'static str {
    match auth {
        Auth::Password => "password-cleartext",
        Auth::PasswordEncrypted => "password-encrypted",
        Auth::Oauth2 => "OAuth2",
        Auth::Gssapi => "GSSAPI",
        Auth::Ntlm => "NTLM",
        Auth::ClientIpAddress => "client-IP-address",
        Auth::None => "none",
    }
}

fn protocol_name(protocol: MailProtocol) -> &'static str {
    js_name(MailProtocol::NAMES, protocol)
}

/// The user name for a file served to everyone: the account's own address
/// and local part become placeholders again.
fn username_template<'a>(username: &'a str, email: Option<&Email>) -> &'a str {
    match email {
        _ if username.is_empty() => placeholders::EMAIL_ADDRESS,
        Some(e) if username.eq_ignore_ascii_case(&e.address) => placeholders::EMAIL_ADDRESS,
        Some(e) if username == e.local => placeholders::EMAIL_LOCAL_PART,
        _ => username,
    }
}

fn autoconfig(s: &ExportSettings, email: Option<&Email>) -> String {
    let mut out = String::with_capacity(1024);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!-- Mail client settings (Thunderbird autoconfig format), made by mailports.\n     \
         Serve as https://autoconfig.DOMAIN/mail/config-v1.1.xml or\n     \
         https://DOMAIN/.well-known/autoconfig/mail/config-v1.1.xml -->\n\
         <clientConfig version=\"1.1\">\n  <emailProvider id=\"",
    );
    // The domain is a checked DNS name: nothing in it needs escaping.
    cat(&mut out, &[&s.domain, "\">\n"]);
    let short = s.short_name.as_deref().or(s.name.as_deref());
    for (tag, text) in [
        ("domain", s.domain.as_str()),
        ("displayName", display_name(s)),
        ("displayShortName", short.unwrap_or(&s.domain)),
    ] {
        xml_element(&mut out, "    ", tag, text);
    }
    for (servers, tag) in [
        (&s.incoming, "incomingServer"),
        (&s.outgoing, "outgoingServer"),
    ] {
        for srv in servers {
            cat(
                &mut out,
                &[
                    "    <",
                    tag,
                    " type=\"",
                    protocol_name(srv.protocol),
                    "\">\n",
                ],
            );
            xml_element(&mut out, "      ", "hostname", &srv.hostname);
            xml_element(&mut out, "      ", "port", &srv.port.to_string());
            xml_element(&mut out, "      ", "socketType", socket_type(srv.security));
            let user = username_template(&srv.username, email);
            xml_element(&mut out, "      ", "username", user);
            // Thunderbird needs at least one method; a password is what it
            // would assume.
            let auths: &[Auth] = if srv.auth.is_empty() {
                &[Auth::Password]
            } else {
                &srv.auth
            };
            for &a in auths {
                xml_element(&mut out, "      ", "authentication", autoconfig_auth(a));
            }
            cat(&mut out, &["    </", tag, ">\n"]);
        }
    }
    out.push_str("  </emailProvider>\n</clientConfig>\n");
    out
}

// ---------------------------------------------------------------------------
// Apple configuration profile

/// The Apple name of the first method a profile can express, if any; an empty
/// list means a password.
fn apple_auth(auths: &[Auth]) -> Option<&'static str> {
    if auths.is_empty() {
        return Some("EmailAuthPassword");
    }
    auths.iter().find_map(|a| match a {
        Auth::Password => Some("EmailAuthPassword"),
        Auth::PasswordEncrypted => Some("EmailAuthCRAMMD5"),
        Auth::Ntlm => Some("EmailAuthNTLM"),
        Auth::None | Auth::ClientIpAddress => Some("EmailAuthNone"),
        Auth::Oauth2 | Auth::Gssapi => None,
    })
}

/// The user name to write into a profile: placeholders resolved with the
/// address, or `None` (the device asks) when there is no address.
fn resolve_username(template: &str, email: Option<&Email>) -> Option<String> {
    match email {
        Some(e) => Some(if template.is_empty() {
            e.address.clone()
        } else {
            placeholders::fill_user(template, &e.local, &e.domain)
        }),
        None if template.is_empty() || template.contains('%') => None,
        None => Some(template.to_owned()),
    }
}

/// A reverse-DNS identifier: dot-separated labels of ASCII letters, digits and
/// hyphens.
fn check_identifier(id: &str) -> Result<String> {
    let id = id.trim();
    let ok = !id.is_empty()
        && id.len() <= 200
        && id
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    if ok {
        Ok(id.to_owned())
    } else {
        Err(Error::InvalidArgument(
            "identifier must be a reverse-DNS name such as com.example (letters, digits, hyphens and dots)"
                .into(),
        ))
    }
}

/// FNV-1a, 128-bit (the FNV parameters published with the algorithm): a
/// small, well-known, non-cryptographic hash.
///
/// ```
/// assert_eq!(mailports::export::fnv1a_128(b"a"), 0xd228cb696f1a8caf78912b704e4a8964);
/// ```
pub fn fnv1a_128(bytes: &[u8]) -> u128 {
    const PRIME: u128 = (1 << 88) + 0x13b;
    bytes
        .iter()
        .fold(0x6c62272e07bb014262b821756295c58d, |h, &b| {
            (h ^ u128::from(b)).wrapping_mul(PRIME)
        })
}

/// A UUID derived from `name`: version 8 (RFC 9562 §5.8, "custom") with the
/// 122 free bits taken from [`fnv1a_128`] of the name. The same inputs always
/// give the same UUID, so a re-exported profile is byte-for-byte the same
/// file. A profile's UUIDs only need to differ between profiles, not to
/// resist an attacker, and this costs a few hundred bytes of wasm where
/// SHA-1 for a version-5 UUID costs several kilobytes.
///
/// ```
/// let u = mailports::export::uuid_v8("mailports.example");
/// assert_eq!(u, "534aebdc-0c43-8762-b0a1-e4711a0869de");
/// ```
pub fn uuid_v8(name: &str) -> String {
    let h = fnv1a_128(name.as_bytes());
    let h = (h & !(0xf << 76) & !(0x3 << 62)) | (0x8 << 76) | (0x2 << 62);
    let hex = format!("{h:032x}");
    let mut out = String::with_capacity(36);
    for (i, c) in hex.chars().enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            out.push('-');
        }
        out.push(c);
    }
    out
}

/// Appends `<key>key</key><string>value</string>` (value escaped) at depth
/// `tabs`.
fn plist_string(out: &mut String, tabs: &str, key: &str, value: &str) {
    plist_raw(out, tabs, key, "<string>");
    push_xml(out, value);
    out.push_str("</string>\n");
}

/// Appends `<key>key</key>` and the start of a value written by the caller
/// (`value` is trusted markup such as `<true/>`).
fn plist_raw(out: &mut String, tabs: &str, key: &str, value: &str) {
    cat(out, &[tabs, "<key>", key, "</key>\n", tabs, value]);
}

fn mobileconfig(
    s: &ExportSettings,
    email: Option<&Email>,
    options: &ExportOptions,
) -> Result<String> {
    let pick = |servers: &[Server]| servers.iter().min_by_key(|srv| rank(srv)).cloned();
    let (Some(incoming), Some(outgoing)) = (pick(&s.incoming), pick(&s.outgoing)) else {
        return Err(Error::MissingServer("incoming"));
    };
    let mut auths = [""; 2];
    for (slot, srv) in auths.iter_mut().zip([&incoming, &outgoing]) {
        *slot = apple_auth(&srv.auth).ok_or_else(|| {
            Error::UnsupportedSettings(
                "Apple profiles cannot set up OAuth2 or Kerberos sign-in; the server offers nothing else"
                    .into(),
            )
        })?;
    }
    let organization = match &options.organization {
        Some(o) if !o.trim().is_empty() => {
            check_text("organization", o)?;
            Some(o.as_str())
        }
        _ => None,
    };
    let prefix = match &options.identifier {
        Some(id) => check_identifier(id)?,
        None => {
            let labels: Vec<&str> = s.domain.split('.').collect();
            let mut reversed = String::with_capacity(s.domain.len());
            for label in labels.iter().rev() {
                if !reversed.is_empty() {
                    reversed.push('.');
                }
                reversed.push_str(label);
            }
            reversed
        }
    };
    // One profile per domain, or per account when the address is known, so
    // installing it again replaces the old one instead of adding a second.
    let profile_id = match email {
        Some(e) => format!("{prefix}.mail.{}", &uuid_v8(&e.address)[..8]),
        None => format!("{prefix}.mail"),
    };
    let account_id = format!("{profile_id}.account");
    // Everything the profile says goes into its UUIDs.
    let seed = format!(
        "mailports:apple-mobileconfig\n{}\n{}\n{}",
        organization.unwrap_or(""),
        email.map_or("", |e| &e.address),
        json(s)
    );
    let name = display_name(s);

    let mut out = String::with_capacity(3072);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <plist version=\"1.0\">\n<dict>\n\t<key>PayloadContent</key>\n\t<array>\n\t\t<dict>\n",
    );
    let t = "\t\t\t";
    plist_string(&mut out, t, "EmailAccountDescription", name);
    let kind = if incoming.protocol == MailProtocol::Pop3 {
        "EmailTypePOP"
    } else {
        "EmailTypeIMAP"
    };
    plist_string(&mut out, t, "EmailAccountType", kind);
    if let Some(e) = email {
        plist_string(&mut out, t, "EmailAddress", &e.address);
    }
    for ((side, srv), auth) in [("Incoming", &incoming), ("Outgoing", &outgoing)]
        .into_iter()
        .zip(auths)
    {
        let key = |k: &str| format!("{side}MailServer{k}");
        plist_string(&mut out, t, &key("Authentication"), auth);
        plist_string(&mut out, t, &key("HostName"), &srv.hostname);
        plist_raw(&mut out, t, &key("PortNumber"), "<integer>");
        cat(&mut out, &[&srv.port.to_string(), "</integer>\n"]);
        let tls = if srv.security == Security::Plaintext {
            "<false/>\n"
        } else {
            "<true/>\n"
        };
        plist_raw(&mut out, t, &key("UseSSL"), tls);
        if let Some(user) = resolve_username(&srv.username, email) {
            plist_string(&mut out, t, &key("Username"), &user);
        }
    }
    plist_raw(
        &mut out,
        t,
        "OutgoingPasswordSameAsIncomingPassword",
        "<true/>\n",
    );
    let what = format!("Mail account settings for {}", s.domain);
    // The account payload, then the profile around it: the same keys.
    for (t, description, display, id, kind) in [
        (
            t,
            what.as_str(),
            name,
            &account_id,
            "com.apple.mail.managed",
        ),
        ("\t", what.as_str(), name, &profile_id, "Configuration"),
    ] {
        plist_string(&mut out, t, "PayloadDescription", description);
        plist_string(&mut out, t, "PayloadDisplayName", display);
        plist_string(&mut out, t, "PayloadIdentifier", id);
        if t == "\t" {
            if let Some(org) = organization {
                plist_string(&mut out, t, "PayloadOrganization", org);
            }
            plist_raw(&mut out, t, "PayloadRemovalDisallowed", "<false/>\n");
        }
        plist_string(&mut out, t, "PayloadType", kind);
        plist_string(
            &mut out,
            t,
            "PayloadUUID",
            &uuid_v8(&format!("{id}\n{seed}")),
        );
        plist_raw(&mut out, t, "PayloadVersion", "<integer>1</integer>\n");
        if t != "\t" {
            out.push_str("\t\t</dict>\n\t</array>\n");
        }
    }
    out.push_str("</dict>\n</plist>\n");
    Ok(out)
}

// ---------------------------------------------------------------------------
// DNS SRV records

/// The SRV services of RFC 6186 and RFC 8314, in the order written, with the
/// protocol and TLS mode each one stands for. Submission has one priority
/// scale, reading mail another shared by IMAP and POP3 (RFC 6186 §3.4), and
/// along each scale the services come best first: implicit TLS before
/// STARTTLS (RFC 8314 §4.5.2), IMAP before POP3. Plaintext servers share the
/// STARTTLS label and come after the STARTTLS ones.
pub static SRV_SERVICES: &[(&str, MailProtocol, Security)] = &[
    (
        "_submissions._tcp",
        MailProtocol::Smtp,
        Security::ImplicitTls,
    ),
    ("_submission._tcp", MailProtocol::Smtp, Security::Starttls),
    ("_imaps._tcp", MailProtocol::Imap, Security::ImplicitTls),
    ("_imap._tcp", MailProtocol::Imap, Security::Starttls),
    ("_pop3s._tcp", MailProtocol::Pop3, Security::ImplicitTls),
    ("_pop3._tcp", MailProtocol::Pop3, Security::Starttls),
];

/// Spaces that line the record types up after the longest owner name.
fn pad(label: &str) -> &'static str {
    "                 ".get(label.len()..).unwrap_or("")
}

fn srv_zone(s: &ExportSettings, ttl: u32) -> String {
    let mut out = String::with_capacity(1024);
    cat(
        &mut out,
        &[
            "; Mail service SRV records (RFC 6186, RFC 8314) for ",
            &s.domain,
            ", made by mailports.\n\
         ; Lower priority numbers are preferred: implicit TLS before STARTTLS,\n\
         ; IMAP before POP3. \"0 0 0 .\" says a service is not offered.\n$ORIGIN ",
            &s.domain,
            ".\n$TTL ",
            &ttl.to_string(),
            "\n",
        ],
    );
    // Priorities step by 10 along each scale, in the order written.
    let mut next = [0u32; 2];
    for &(label, protocol, security) in SRV_SERVICES {
        let sending = protocol == MailProtocol::Smtp;
        let servers = if sending { &s.outgoing } else { &s.incoming };
        let passes: &[Security] = if security == Security::ImplicitTls {
            &[Security::ImplicitTls]
        } else {
            &[Security::Starttls, Security::Plaintext]
        };
        let mut any = false;
        for &pass in passes {
            for srv in servers {
                if srv.protocol == protocol && srv.security == pass {
                    any = true;
                    let priority = &mut next[usize::from(sending)];
                    cat(
                        &mut out,
                        &[
                            label,
                            pad(label),
                            " IN SRV ",
                            &(*priority).min(65535).to_string(),
                            " 1 ",
                            &srv.port.to_string(),
                            " ",
                            &srv.hostname,
                            ".\n",
                        ],
                    );
                    *priority += 10;
                }
            }
        }
        if !any {
            cat(&mut out, &[label, pad(label), " IN SRV 0 0 0 .\n"]);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// JSON

fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let hex = b"0123456789abcdef";
                let n = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(hex[n >> 4]));
                out.push(char::from(hex[n & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn security_name(security: Security) -> &'static str {
    js_name(Security::NAMES, security)
}

fn auth_name(auth: Auth) -> &'static str {
    js_name(Auth::NAMES, auth)
}

/// The JS name of `value` in one of the `NAMES` tables, which list every
/// variant (tests/ports.rs checks them against serde's names).
fn js_name<T: Copy + PartialEq>(table: &[(T, &'static str)], value: T) -> &'static str {
    table
        .iter()
        .find(|(v, _)| *v == value)
        .map_or("", |&(_, name)| name)
}

/// The settings as pretty-printed JSON, in the same shape serde gives them
/// (a test compares the two).
fn json(s: &ExportSettings) -> String {
    let mut out = String::with_capacity(1024);
    out.push_str("{\n  \"domain\": ");
    push_json_string(&mut out, &s.domain);
    for (key, value) in [("name", &s.name), ("shortName", &s.short_name)] {
        if let Some(v) = value {
            cat(&mut out, &[",\n  \"", key, "\": "]);
            push_json_string(&mut out, v);
        }
    }
    for (key, servers) in [("incoming", &s.incoming), ("outgoing", &s.outgoing)] {
        cat(&mut out, &[",\n  \"", key, "\": ["]);
        for (i, srv) in servers.iter().enumerate() {
            cat(
                &mut out,
                &[
                    if i == 0 { "\n    {" } else { ",\n    {" },
                    "\n      \"protocol\": \"",
                    protocol_name(srv.protocol),
                    "\",\n      \"hostname\": \"",
                    &srv.hostname,
                    "\",\n      \"port\": ",
                    &srv.port.to_string(),
                    ",\n      \"security\": \"",
                    security_name(srv.security),
                    "\",\n      \"username\": ",
                ],
            );
            push_json_string(&mut out, &srv.username);
            out.push_str(",\n      \"auth\": [");
            for (j, a) in srv.auth.iter().enumerate() {
                cat(
                    &mut out,
                    &[if j == 0 { "\"" } else { ", \"" }, auth_name(*a), "\""],
                );
            }
            out.push_str("]\n    }");
        }
        out.push_str(if servers.is_empty() { "]" } else { "\n  ]" });
    }
    out.push_str("\n}\n");
    out
}

#[cfg(test)]
mod tests {
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
