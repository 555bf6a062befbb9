//! The shape of a mail account's server settings, shared by the provider
//! database, discovery and export: the protocol, the sign-in methods and one
//! server. Placeholders in its user and host names are
//! [`crate::placeholders`]' business.
//!
//! ```
//! use mailports::settings::{Auth, MailProtocol};
//! assert_eq!(MailProtocol::NAMES[2], (MailProtocol::Smtp, "smtp"));
//! assert!(Auth::NAMES.iter().any(|&(a, name)| a == Auth::Oauth2 && name == "oauth2"));
//! ```

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
