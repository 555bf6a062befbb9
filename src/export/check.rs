//! The checks every export format relies on: the settings' domain and host
//! names in normal form, servers on the right side, free text without
//! characters that would break a file, and the account address.
//!
//! ```
//! use mailports::export::{export, ExportFormat, ExportOptions, ExportSettings};
//! let bad = ExportSettings {
//!     domain: "exa mple.com".into(),
//!     name: None,
//!     short_name: None,
//!     incoming: vec![],
//!     outgoing: vec![],
//! };
//! let err = export(&bad, ExportFormat::DnsSrv, &ExportOptions::default()).unwrap_err();
//! assert_eq!(err.code(), "invalid-hostname");
//! ```

use super::{ExportSettings, MAX_TEXT};
use crate::email;
use crate::placeholders;
use crate::settings::{MailProtocol, Server};
use crate::truncate::truncate;
use crate::{Error, Result};

/// Checks and normalises settings: host names and the domain lower case
/// without a trailing dot, ports non-zero, protocols on the right side, free
/// text free of control characters.
pub(super) fn check_settings(s: &ExportSettings) -> Result<ExportSettings> {
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
        incoming: checked_servers(&s.incoming, true, &domain)?,
        outgoing: checked_servers(&s.outgoing, false, &domain)?,
        domain,
    })
}

/// Checks servers; a host name written with the `%EMAILDOMAIN%` placeholder
/// (as hosting providers' records are, `mail.%EMAILDOMAIN%`) is resolved with
/// the settings' domain first, as every exported file is for that domain.
fn checked_servers(servers: &[Server], incoming: bool, domain: &str) -> Result<Vec<Server>> {
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
pub(super) fn check_text(field: &'static str, text: &str) -> Result<()> {
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
pub(super) fn check_hostname(raw: &str) -> Result<String> {
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
pub(super) fn check_email(raw: &str) -> Result<Email> {
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

/// The account address of the options, checked.
pub(super) struct Email {
    /// `local@domain`.
    pub(super) address: String,
    /// The part before the `@`.
    pub(super) local: String,
    /// The domain, ASCII and lower case.
    pub(super) domain: String,
}
