//! The port registry: every TCP port a person setting up mail may meet, what
//! it is, and whether we would ever tell a mail-client user to use it.
//!
//! The registry is one static table, [`PORTS`], sorted by port number and
//! checked by tests (sorted, unique, references well formed, every
//! recommended port uses TLS). Lookups are binary searches or short scans
//! over it; none of them can panic.
//!
//! ```
//! use mailports::ports::{self, Protocol, Security};
//!
//! // By number: 8080 is a valid port but not a mail port.
//! assert_eq!(ports::lookup(587).unwrap().services, &["submission"]);
//! assert!(ports::lookup(8080).is_none());
//!
//! // By protocol and TLS mode: the port we would recommend.
//! assert_eq!(ports::find(Protocol::Imap, Security::ImplicitTls).unwrap().port, 993);
//!
//! // By protocol: every IMAP row, including historic ones.
//! let imap: Vec<u16> = ports::by_protocol(Protocol::Imap).map(|p| p.port).collect();
//! assert_eq!(imap, [143, 585, 993]);
//! ```

use serde::Serialize;

use crate::arg::{self, ArgValue};
use crate::{Error, Result};

pub use crate::codes::Security;

named_enum! {
    /// The mail (or mail-adjacent) protocol spoken on a port.
    pub enum Protocol {
        /// SMTP: relay between servers, and message submission from clients
        /// (RFC 5321, RFC 6409).
        Smtp = "smtp",
        /// LMTP, the local delivery variant of SMTP (RFC 2033).
        Lmtp = "lmtp",
        /// POP3 (RFC 1939).
        Pop3 = "pop3",
        /// IMAP (RFC 9051).
        Imap = "imap",
        /// ManageSieve, for server-side filter scripts (RFC 5804).
        Managesieve = "managesieve",
        /// POP2, obsolete (RFC 937).
        Pop2 = "pop2",
        /// IMAP3, obsolete (RFC 1203).
        Imap3 = "imap3",
        /// poppassd, an unofficial password-change service.
        Poppassd = "poppassd",
        /// HTTP; with implicit TLS, HTTPS (RFC 9110). Carries webmail, JMAP,
        /// Exchange protocols and configuration discovery.
        Http = "http",
    }
}

impl Security {
    /// Whether this mode protects the session with TLS at all.
    ///
    /// ```
    /// use mailports::ports::Security;
    /// assert!(Security::Starttls.uses_tls());
    /// assert!(!Security::Plaintext.uses_tls());
    /// ```
    pub fn uses_tls(self) -> bool {
        !matches!(self, Security::Plaintext)
    }
}

named_enum! {
    /// What a port is used for.
    pub enum Role {
        /// Server-to-server relay (MX delivery).
        Relay = "relay",
        /// A mail client handing a new message to its provider.
        Submission = "submission",
        /// A mail client reading a mailbox.
        Access = "access",
        /// A mail server handing accepted mail to its own mailbox store.
        Delivery = "delivery",
        /// Managing server-side filter scripts.
        FilterManagement = "filter-management",
        /// Changing account details such as the password.
        AccountManagement = "account-management",
        /// Web traffic: webmail, JMAP, Exchange protocols, configuration discovery.
        Web = "web",
    }
}

named_enum! {
    /// Standing of a port in the IANA registry and in practice.
    pub enum Status {
        /// Assigned by IANA for this use.
        Iana = "iana",
        /// Used in practice without an IANA assignment for mail.
        Unofficial = "unofficial",
        /// Still assigned, but the protocol is obsolete.
        Historic = "historic",
        /// The assignment was withdrawn in favour of another port.
        Deprecated = "deprecated",
    }
}

/// One row of the registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PortInfo {
    /// TCP port number.
    pub port: u16,
    /// IANA service names on this TCP port (empty when the port has no name).
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
    /// For a port we do not recommend, the port to use instead, if there is
    /// one (e.g. 585 -> 993).
    pub use_instead: Option<u16>,
    /// RFCs the facts rest on, written `RFC <number>` with an optional
    /// ` §<section>`. Empty when no RFC defines the port's use.
    pub rfcs: &'static [&'static str],
}

/// The registry, sorted by port number (tests keep it so).
///
/// Sources: the IANA service-name registry and the RFCs cited per row, as
/// summarised in the project's facts sheet. To add a row, insert it in port
/// order and fill every field; the tests in `tests/ports.rs` check the rest.
/// Everything here is TCP: no mail protocol runs over UDP.
pub static PORTS: &[PortInfo] = &[
    PortInfo {
        port: 24,
        services: &[],
        protocol: Protocol::Lmtp,
        role: Role::Delivery,
        security: Security::Plaintext,
        status: Status::Iana,
        recommended: false,
        use_instead: None,
        rfcs: &["RFC 2033"],
    },
    PortInfo {
        port: 25,
        services: &["smtp"],
        protocol: Protocol::Smtp,
        role: Role::Relay,
        security: Security::Starttls,
        status: Status::Iana,
        recommended: false,
        use_instead: Some(465),
        rfcs: &["RFC 5321 §4.5.4.2", "RFC 3207", "RFC 6409 §1"],
    },
    PortInfo {
        port: 26,
        services: &[],
        protocol: Protocol::Smtp,
        role: Role::Submission,
        security: Security::Starttls,
        status: Status::Unofficial,
        recommended: false,
        use_instead: Some(465),
        rfcs: &[],
    },
    PortInfo {
        port: 80,
        services: &["http"],
        protocol: Protocol::Http,
        role: Role::Web,
        security: Security::Plaintext,
        status: Status::Iana,
        recommended: false,
        use_instead: Some(443),
        rfcs: &["RFC 9110"],
    },
    PortInfo {
        port: 106,
        services: &["3com-tsmux"],
        protocol: Protocol::Poppassd,
        role: Role::AccountManagement,
        security: Security::Plaintext,
        status: Status::Unofficial,
        recommended: false,
        use_instead: None,
        rfcs: &[],
    },
    PortInfo {
        port: 109,
        services: &["pop2"],
        protocol: Protocol::Pop2,
        role: Role::Access,
        security: Security::Plaintext,
        status: Status::Historic,
        recommended: false,
        use_instead: Some(995),
        rfcs: &["RFC 937"],
    },
    PortInfo {
        port: 110,
        services: &["pop3"],
        protocol: Protocol::Pop3,
        role: Role::Access,
        security: Security::Starttls,
        status: Status::Iana,
        recommended: true,
        use_instead: None,
        rfcs: &["RFC 1939", "RFC 2449", "RFC 2595"],
    },
    PortInfo {
        port: 143,
        services: &["imap"],
        protocol: Protocol::Imap,
        role: Role::Access,
        security: Security::Starttls,
        status: Status::Iana,
        recommended: true,
        use_instead: None,
        rfcs: &["RFC 9051 §2.1", "RFC 9051 §11.2", "RFC 2595"],
    },
    PortInfo {
        port: 220,
        services: &["imap3"],
        protocol: Protocol::Imap3,
        role: Role::Access,
        security: Security::Plaintext,
        status: Status::Historic,
        recommended: false,
        use_instead: Some(993),
        rfcs: &["RFC 1203"],
    },
    PortInfo {
        port: 443,
        services: &["https"],
        protocol: Protocol::Http,
        role: Role::Web,
        security: Security::ImplicitTls,
        status: Status::Iana,
        recommended: true,
        use_instead: None,
        rfcs: &["RFC 9110", "RFC 8620", "RFC 8621", "RFC 8461"],
    },
    PortInfo {
        port: 465,
        services: &["submissions", "urd"],
        protocol: Protocol::Smtp,
        role: Role::Submission,
        security: Security::ImplicitTls,
        status: Status::Iana,
        recommended: true,
        use_instead: None,
        rfcs: &["RFC 8314 §3.3", "RFC 8314 §7.3", "RFC 6409"],
    },
    PortInfo {
        port: 585,
        services: &[],
        protocol: Protocol::Imap,
        role: Role::Access,
        security: Security::ImplicitTls,
        status: Status::Deprecated,
        recommended: false,
        use_instead: Some(993),
        rfcs: &[],
    },
    PortInfo {
        port: 587,
        services: &["submission"],
        protocol: Protocol::Smtp,
        role: Role::Submission,
        security: Security::Starttls,
        status: Status::Iana,
        recommended: true,
        use_instead: None,
        rfcs: &[
            "RFC 6409",
            "RFC 6409 §4.3",
            "RFC 3207",
            "RFC 4954",
            "RFC 8314 §3.3",
        ],
    },
    PortInfo {
        port: 993,
        services: &["imaps"],
        protocol: Protocol::Imap,
        role: Role::Access,
        security: Security::ImplicitTls,
        status: Status::Iana,
        recommended: true,
        use_instead: None,
        rfcs: &["RFC 9051 §2.1", "RFC 8314 §3.2"],
    },
    PortInfo {
        port: 995,
        services: &["pop3s"],
        protocol: Protocol::Pop3,
        role: Role::Access,
        security: Security::ImplicitTls,
        status: Status::Iana,
        recommended: true,
        use_instead: None,
        rfcs: &["RFC 8314 §3.1", "RFC 1939"],
    },
    PortInfo {
        port: 2000,
        services: &["cisco-sccp"],
        protocol: Protocol::Managesieve,
        role: Role::FilterManagement,
        security: Security::Starttls,
        status: Status::Unofficial,
        recommended: false,
        use_instead: Some(4190),
        rfcs: &[],
    },
    PortInfo {
        port: 2525,
        services: &["ms-v-worlds"],
        protocol: Protocol::Smtp,
        role: Role::Submission,
        security: Security::Starttls,
        status: Status::Unofficial,
        recommended: false,
        use_instead: Some(465),
        rfcs: &[],
    },
    PortInfo {
        port: 4190,
        services: &["sieve"],
        protocol: Protocol::Managesieve,
        role: Role::FilterManagement,
        security: Security::Starttls,
        status: Status::Iana,
        recommended: true,
        use_instead: None,
        rfcs: &["RFC 5804"],
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

pub(crate) use crate::host::format_number;

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
        .and_then(|i| PORTS.get(i))
}

/// Every row for `protocol`, in port order.
///
/// ```
/// use mailports::ports::{by_protocol, Protocol};
/// let pop3: Vec<u16> = by_protocol(Protocol::Pop3).map(|p| p.port).collect();
/// assert_eq!(pop3, [110, 995]);
/// ```
pub fn by_protocol(protocol: Protocol) -> impl Iterator<Item = &'static PortInfo> {
    PORTS.iter().filter(move |p| p.protocol == protocol)
}

/// The port for `protocol` with `security`: the row we recommend when there
/// is one, otherwise the first matching row in port order, otherwise `None`.
///
/// ```
/// use mailports::ports::{find, Protocol, Security};
/// assert_eq!(find(Protocol::Smtp, Security::ImplicitTls).map(|p| p.port), Some(465));
/// // 25, 26, 587 and 2525 all speak SMTP with STARTTLS; 587 is the one we recommend.
/// assert_eq!(find(Protocol::Smtp, Security::Starttls).map(|p| p.port), Some(587));
/// assert_eq!(find(Protocol::Imap, Security::Plaintext), None);
/// ```
pub fn find(protocol: Protocol, security: Security) -> Option<&'static PortInfo> {
    let matches = |p: &&PortInfo| p.protocol == protocol && p.security == security;
    let mut matching = PORTS.iter().filter(matches);
    let first = matching.next();
    first
        .filter(|p| p.recommended)
        .or_else(|| matching.find(|p| p.recommended))
        .or(first)
}

named_enum! {
    /// The keys of a [`PortFilter`] in JS.
    enum FilterKey {
        Protocol = "protocol",
        Role = "role",
        Security = "security",
        Status = "status",
    }
}

/// Criteria for [`list`]; a `None` field matches every row. Read from the JS
/// shape `{ protocol?, role?, security?, status? }` by
/// [`from_args`](Self::from_args), which rejects unknown keys, so a typo
/// cannot silently widen the result.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PortFilter {
    /// Only rows with this protocol.
    pub protocol: Option<Protocol>,
    /// Only rows with this role.
    pub role: Option<Role>,
    /// Only rows with this TLS mode.
    pub security: Option<Security>,
    /// Only rows with this registry standing.
    pub status: Option<Status>,
}

impl PortFilter {
    /// The keys of the JS shape.
    pub const KEYS: &'static [&'static str] = FilterKey::JS_NAMES;

    /// Builds a filter from the keys and values of a JS object. `null`
    /// values are "any"; unknown keys, unknown names and non-string values
    /// are `invalid-argument` errors.
    ///
    /// ```
    /// use mailports::arg::ArgValue;
    /// use mailports::ports::{PortFilter, Protocol};
    ///
    /// let f = PortFilter::from_args([("protocol", ArgValue::Text("imap".into()))]).unwrap();
    /// assert_eq!(f.protocol, Some(Protocol::Imap));
    /// let err = PortFilter::from_args([("protocol", ArgValue::Text("imapx".into()))]).unwrap_err();
    /// assert_eq!(err.code(), "invalid-argument");
    /// ```
    pub fn from_args<K: AsRef<str>>(args: impl IntoIterator<Item = (K, ArgValue)>) -> Result<Self> {
        let mut filter = PortFilter::default();
        for (key, value) in args {
            let key = key.as_ref();
            let what = format!("filter.{key}");
            match arg::key("filter", key, FilterKey::NAMES)? {
                FilterKey::Protocol => {
                    filter.protocol = arg::named(&what, &value, Protocol::NAMES)?
                }
                FilterKey::Role => filter.role = arg::named(&what, &value, Role::NAMES)?,
                FilterKey::Security => {
                    filter.security = arg::named(&what, &value, Security::NAMES)?
                }
                FilterKey::Status => filter.status = arg::named(&what, &value, Status::NAMES)?,
            }
        }
        Ok(filter)
    }

    /// Whether `info` passes every criterion that is set.
    pub fn matches(&self, info: &PortInfo) -> bool {
        self.protocol.map_or(true, |v| v == info.protocol)
            && self.role.map_or(true, |v| v == info.role)
            && self.security.map_or(true, |v| v == info.security)
            && self.status.map_or(true, |v| v == info.status)
    }
}

/// The rows that pass `filter`, in port order.
///
/// ```
/// use mailports::ports::{list, PortFilter, Role, Security};
/// let filter = PortFilter {
///     role: Some(Role::Submission),
///     security: Some(Security::ImplicitTls),
///     ..PortFilter::default()
/// };
/// let ports: Vec<u16> = list(&filter).map(|p| p.port).collect();
/// assert_eq!(ports, [465]);
/// ```
pub fn list(filter: &PortFilter) -> impl Iterator<Item = &'static PortInfo> + '_ {
    PORTS.iter().filter(move |p| filter.matches(p))
}
