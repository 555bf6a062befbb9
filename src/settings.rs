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

impl MailProtocol {
    /// Every protocol with its JS name, in declaration order.
    pub const NAMES: &'static [(MailProtocol, &'static str)] = &[
        (MailProtocol::Imap, "imap"),
        (MailProtocol::Pop3, "pop3"),
        (MailProtocol::Smtp, "smtp"),
    ];
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

impl Auth {
    /// Every method with its JS name, in declaration order.
    pub const NAMES: &'static [(Auth, &'static str)] = &[
        (Auth::Password, "password"),
        (Auth::PasswordEncrypted, "password-encrypted"),
        (Auth::Oauth2, "oauth2"),
        (Auth::Gssapi, "gssapi"),
        (Auth::Ntlm, "ntlm"),
        (Auth::ClientIpAddress, "client-ip-address"),
        (Auth::None, "none"),
    ];
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
    // `get` rather than indexing: `find` gives a character boundary, and
    // this way the wasm carries no panic path for slicing.
    while let Some(i) = rest.find('%') {
        out.push_str(rest.get(..i).unwrap_or_default());
        let tail = rest.get(i..).unwrap_or_default();
        let found = [
            ("%EMAILADDRESS%", address.as_str()),
            ("%EMAILLOCALPART%", local),
            ("%EMAILDOMAIN%", domain),
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

/// `text` with every `from` replaced by `to`, left to right, as
/// `str::replace` does for a non-empty `from`. It tests for `from` at each
/// character instead of using core's substring searcher, which keeps that
/// searcher out of the wasm; the texts here are host names, so the cost of
/// the simple scan does not matter.
pub(crate) fn replace_all(text: &str, from: &str, to: &str) -> String {
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
