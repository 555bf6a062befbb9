//! A server as the tests write one: the whole address as user name and a
//! password to sign in (tests/discovery.rs, tests/export.rs).

use mailports::ports::Security;
use mailports::settings::{Auth, MailProtocol, Server};

/// A server with the `%EMAILADDRESS%` user name and password sign-in.
pub fn server(protocol: MailProtocol, host: &str, port: u16, security: Security) -> Server {
    Server {
        protocol,
        hostname: host.into(),
        port,
        security,
        username: "%EMAILADDRESS%".into(),
        auth: vec![Auth::Password],
    }
}
