//! The shape of a mail account's server settings, shared by the provider
//! database, discovery and export.

use serde::{Deserialize, Serialize};

use crate::ports::Security;

/// The three protocols a mail client is configured with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MailProtocol {
    /// IMAP: mail stays on the server, synced to every device.
    Imap,
    /// POP3: mail is downloaded to one device.
    Pop3,
    /// SMTP submission: sending.
    Smtp,
}

/// How a client proves who it is to a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Auth {
    /// The account (or app) password, sent inside TLS.
    Password,
    /// A challenge-response password mechanism such as CRAM-MD5.
    PasswordEncrypted,
    /// OAuth 2.0 sign-in through the provider's web page.
    Oauth2,
    /// Kerberos / GSSAPI.
    Gssapi,
    /// NTLM (Microsoft).
    Ntlm,
    /// Allowed by the client's network address, no login.
    ClientIpAddress,
    /// No authentication.
    None,
}

/// One server a client connects to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Server {
    /// Protocol spoken.
    pub protocol: MailProtocol,
    /// Host name (ASCII, lower case).
    pub hostname: String,
    /// TCP port.
    pub port: u16,
    /// TLS mode; must match the port's convention on the server side.
    pub security: Security,
    /// The user name to log in with (placeholders already resolved when an
    /// address was given; otherwise a template such as `%EMAILADDRESS%`).
    pub username: String,
    /// Accepted authentication methods, best first.
    pub auth: Vec<Auth>,
}

/// Fills the user-name placeholders of a template (`%EMAILADDRESS%`,
/// `%EMAILLOCALPART%`, `%EMAILDOMAIN%`) in one pass, so text that comes from
/// the address (a local part may hold `%`) is never read as a placeholder.
/// Any other `%` stays as it is.
///
/// ```
/// use mailports::settings::fill_placeholders;
/// assert_eq!(fill_placeholders("%EMAILLOCALPART%", "anna", "example.org"), "anna");
/// assert_eq!(fill_placeholders("%EMAILADDRESS%", "%EMAILDOMAIN%a", "x.test"), "%EMAILDOMAIN%a@x.test");
/// assert_eq!(fill_placeholders("100%", "a", "b.c"), "100%");
/// ```
pub fn fill_placeholders(template: &str, local: &str, domain: &str) -> String {
    let address = format!("{local}@{domain}");
    let mut out = String::with_capacity(template.len() + address.len());
    let mut rest = template;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let found = [
            ("%EMAILADDRESS%", address.as_str()),
            ("%EMAILLOCALPART%", local),
            ("%EMAILDOMAIN%", domain),
        ]
        .into_iter()
        .find(|(p, _)| rest.starts_with(p));
        match found {
            Some((p, value)) => {
                out.push_str(value);
                rest = &rest[p.len()..];
            }
            None => {
                out.push('%');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
