//! The port registry: every TCP port a person setting up mail may meet, what
//! it is, and whether we would ever tell a mail-client user to use it.
//!
//! The registry is one static table, [`PORTS`], sorted by port number and
//! checked by tests (sorted, unique, references well formed, every
//! recommended port uses TLS). Lookups are binary searches over it.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// The mail (or mail-adjacent) protocol spoken on a port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Protocol {
    /// SMTP relay between servers, and message submission (RFC 5321, RFC 6409).
    Smtp,
    /// POP3 (RFC 1939).
    Pop3,
    /// IMAP (RFC 9051).
    Imap,
}

/// How a connection on a port is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Security {
    /// TLS starts as soon as the TCP connection is open.
    ImplicitTls,
    /// The session starts in clear text and is upgraded with STARTTLS/STLS.
    Starttls,
    /// No TLS at all.
    Plaintext,
}

/// What a port is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Server-to-server relay (MX delivery).
    Relay,
    /// A mail client handing a new message to its provider.
    Submission,
    /// A mail client reading a mailbox.
    Access,
}

/// Standing of a port in the IANA registry and in practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Assigned by IANA for this use.
    Iana,
    /// Used in practice without an IANA assignment for mail.
    Unofficial,
}

/// One row of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PortInfo {
    /// TCP port number.
    pub port: u16,
    /// IANA service names on this TCP port (empty when unassigned).
    pub services: &'static [&'static str],
    /// The protocol spoken.
    pub protocol: Protocol,
    /// What the port is for.
    pub role: Role,
    /// How the connection is protected.
    pub security: Security,
    /// Registry standing.
    pub status: Status,
    /// Whether mailports ever recommends this port to a mail-client user.
    pub recommended: bool,
    /// RFCs the facts rest on, written `RFC <number>` with an optional section.
    pub rfcs: &'static [&'static str],
    /// One line on what the port is.
    pub summary: &'static str,
    /// Things to know before using it.
    pub caveats: &'static [&'static str],
}

/// The registry, sorted by port number (tests keep it so).
pub static PORTS: &[PortInfo] = &[
    PortInfo {
        port: 465,
        services: &["submissions", "urd"],
        protocol: Protocol::Smtp,
        role: Role::Submission,
        security: Security::ImplicitTls,
        status: Status::Iana,
        recommended: true,
        rfcs: &["RFC 8314 §3.3", "RFC 6409"],
        summary: "Message submission from a mail client, inside TLS from the first byte.",
        caveats: &[],
    },
    PortInfo {
        port: 587,
        services: &["submission"],
        protocol: Protocol::Smtp,
        role: Role::Submission,
        security: Security::Starttls,
        status: Status::Iana,
        recommended: true,
        rfcs: &["RFC 6409", "RFC 3207"],
        summary: "Message submission from a mail client, upgraded to TLS with STARTTLS.",
        caveats: &[],
    },
    PortInfo {
        port: 993,
        services: &["imaps"],
        protocol: Protocol::Imap,
        role: Role::Access,
        security: Security::ImplicitTls,
        status: Status::Iana,
        recommended: true,
        rfcs: &["RFC 9051 §2.1", "RFC 8314 §3.2"],
        summary: "IMAP inside TLS from the first byte.",
        caveats: &[],
    },
];

/// Checks that a caller-supplied number is a usable TCP port.
///
/// ```
/// assert_eq!(mailports::ports::validate_port(993.0), Ok(993));
/// assert!(mailports::ports::validate_port(0.0).is_err());
/// assert!(mailports::ports::validate_port(1.5).is_err());
/// ```
pub fn validate_port(value: f64) -> Result<u16> {
    if value.is_finite() && value.fract() == 0.0 && (1.0..=65535.0).contains(&value) {
        Ok(value as u16)
    } else {
        Err(Error::InvalidPort(format_number(value)))
    }
}

fn format_number(value: f64) -> String {
    if value.is_nan() {
        "NaN".into()
    } else {
        format!("{value}")
    }
}

/// The registry row of `port`, or `None` when it is not a mail port.
///
/// ```
/// assert_eq!(mailports::ports::lookup(465).unwrap().services[0], "submissions");
/// assert!(mailports::ports::lookup(8080).is_none());
/// ```
pub fn lookup(port: u16) -> Option<&'static PortInfo> {
    PORTS
        .binary_search_by_key(&port, |p| p.port)
        .ok()
        .map(|i| &PORTS[i])
}
