//! The Thunderbird autoconfig format: a `config-v1.1.xml` `clientConfig`
//! document, served to everyone, so the account's own address and local part
//! become placeholders again.
//!
//! ```
//! use mailports::export::{export, ExportFormat, ExportOptions, ExportSettings};
//! use mailports::ports::Security;
//! use mailports::settings::{Auth, MailProtocol, Server};
//! let server = |protocol, port| Server {
//!     protocol, hostname: "mail.example.com".into(), port, security: Security::ImplicitTls,
//!     username: "%EMAILADDRESS%".into(), auth: vec![Auth::Password],
//! };
//! let settings = ExportSettings {
//!     domain: "example.com".into(), name: None, short_name: None,
//!     incoming: vec![server(MailProtocol::Imap, 993)],
//!     outgoing: vec![server(MailProtocol::Smtp, 465)],
//! };
//! let file = export(&settings, ExportFormat::ThunderbirdAutoconfig, &ExportOptions::default()).unwrap();
//! assert!(file.content.contains("<socketType>SSL</socketType>"));
//! ```

use super::check::Email;
use super::{cat, display_name, xml_element, ExportSettings};
use crate::placeholders;
use crate::ports::Security;
use crate::settings::{Auth, MailProtocol};

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
    protocol.name()
}

/// The user name for a file served to everyone: the account's own address
/// and local part become placeholders again.
pub(super) fn username_template<'a>(username: &'a str, email: Option<&Email>) -> &'a str {
    match email {
        _ if username.is_empty() => placeholders::EMAIL_ADDRESS,
        Some(e) if username.eq_ignore_ascii_case(&e.address) => placeholders::EMAIL_ADDRESS,
        Some(e) if username == e.local => placeholders::EMAIL_LOCAL_PART,
        _ => username,
    }
}

/// The autoconfig file for checked settings.
pub(super) fn write(s: &ExportSettings, email: Option<&Email>) -> String {
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
