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

use serde::Serialize;

use crate::arg::{self, ArgValue};
use crate::ports::Security;
use crate::Result;

pub use crate::codes::{Auth, MailProtocol};

/// One server a client connects to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

named_enum! {
    /// The keys of a server object in JS, for [`Server::from_arg`] and the
    /// provider records' reader.
    pub(crate) enum ServerKey {
        Protocol = "protocol",
        Hostname = "hostname",
        Port = "port",
        Security = "security",
        Username = "username",
        Auth = "auth",
    }
}

impl Server {
    /// A server from its parts. A server that names no sign-in method takes
    /// a password (as mail apps assume), so an empty `auth` becomes
    /// `[Password]`.
    ///
    /// ```
    /// use mailports::ports::Security;
    /// use mailports::settings::{Auth, MailProtocol, Server};
    /// let s = Server::new(MailProtocol::Imap, "imap.example.com".into(), 993, Security::ImplicitTls, String::new(), vec![]);
    /// assert_eq!(s.auth, [Auth::Password]);
    /// ```
    pub fn new(
        protocol: MailProtocol,
        hostname: String,
        port: u16,
        security: Security,
        username: String,
        mut auth: Vec<Auth>,
    ) -> Server {
        if auth.is_empty() {
            auth.push(Auth::Password);
        }
        Server {
            protocol,
            hostname,
            port,
            security,
            username,
            auth,
        }
    }

    /// Reads one server from a JS value `{ protocol, hostname, port,
    /// security, username?, auth? }`; `what` names it in errors (e.g.
    /// `settings.incoming[0]`). Other keys are ignored, so a server of a
    /// provider match can be passed as it is. A missing value reads as
    /// `null`: `username` is then empty and `auth` has no methods; the other
    /// four are required. A bad port is an `invalid-port` error, anything
    /// else `invalid-argument` naming the field.
    ///
    /// ```
    /// use mailports::arg::ArgValue;
    /// use mailports::settings::{MailProtocol, Server};
    ///
    /// let text = |s: &str| ArgValue::Text(s.into());
    /// let mut pairs = vec![
    ///     ("protocol".to_owned(), text("imap")),
    ///     ("hostname".to_owned(), text("imap.example.com")),
    ///     ("port".to_owned(), ArgValue::Number(993.0)),
    ///     ("security".to_owned(), text("implicit-tls")),
    /// ];
    /// let server = Server::from_arg("server", ArgValue::Object(pairs.clone())).unwrap();
    /// assert_eq!((server.protocol, server.port), (MailProtocol::Imap, 993));
    ///
    /// pairs[2].1 = text("993");
    /// let err = Server::from_arg("server", ArgValue::Object(pairs)).unwrap_err();
    /// assert_eq!(err.code(), "invalid-port");
    /// ```
    pub fn from_arg(what: &str, value: ArgValue) -> Result<Server> {
        let (mut protocol, mut hostname, mut port, mut security) = (None, None, None, None);
        let (mut username, mut auth) = (String::new(), Vec::new());
        for (key, value) in arg::object(what, value)? {
            let Some(which) = arg::known_key(&key, ServerKey::NAMES) else {
                continue;
            };
            let what = format!("{what}.{key}");
            match which {
                ServerKey::Protocol => {
                    protocol = Some(arg::required(&what, &value, MailProtocol::NAMES)?)
                }
                ServerKey::Hostname => hostname = Some(arg::text(&what, value)?),
                ServerKey::Port => port = Some(arg::port(&value)?),
                ServerKey::Security => {
                    security = Some(arg::required(&what, &value, Security::NAMES)?)
                }
                ServerKey::Username => {
                    username = arg::optional_text(&what, value)?.unwrap_or_default()
                }
                ServerKey::Auth => auth = arg::optional_names(&what, value, Auth::NAMES)?,
            }
        }
        // What is still missing is read as `null`, which fails as it would have.
        let field = |key: ServerKey| format!("{what}.{}", key.name());
        let null = &ArgValue::Null;
        Ok(Server {
            protocol: protocol.map_or_else(
                || arg::required(&field(ServerKey::Protocol), null, MailProtocol::NAMES),
                Ok,
            )?,
            hostname: hostname.map_or_else(
                || arg::text(&field(ServerKey::Hostname), ArgValue::Null),
                Ok,
            )?,
            port: port.map_or_else(|| arg::port(null), Ok)?,
            security: security.map_or_else(
                || arg::required(&field(ServerKey::Security), null, Security::NAMES),
                Ok,
            )?,
            username,
            auth,
        })
    }

    /// Reads a list of servers (`what` names it in errors); `null` is an
    /// empty list.
    pub fn list_from_arg(what: &str, value: ArgValue) -> Result<Vec<Server>> {
        let items = match value {
            ArgValue::Null => return Ok(Vec::new()),
            other => arg::list(what, other)?,
        };
        let mut servers = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            servers.push(Server::from_arg(&format!("{what}[{i}]"), item)?);
        }
        Ok(servers)
    }
}
