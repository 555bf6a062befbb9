//! The RFC 6186 SRV records of a domain: the six mail services, and which of
//! the records found may be offered to a person (RFC 8314 §5.1), in which
//! order.
//!
//! ```
//! use mailports::discovery::SrvService;
//! assert_eq!(SrvService::Submissions.label(), "_submissions._tcp");
//! ```

use serde::Serialize;

use super::{is_within, Note, SrvRecord, MAX_RECORDS};
use crate::error::Quoted;
use crate::ports::Security;
use crate::settings::{Auth, MailProtocol, Server};

/// The six client mail services of RFC 6186 and RFC 8314.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SrvService {
    /// `_submissions._tcp`: SMTP submission with implicit TLS (RFC 8314).
    Submissions,
    /// `_submission._tcp`: SMTP submission with STARTTLS (RFC 6186 §3.1).
    Submission,
    /// `_imaps._tcp`: IMAP with implicit TLS.
    Imaps,
    /// `_imap._tcp`: IMAP with STARTTLS.
    Imap,
    /// `_pop3s._tcp`: POP3 with implicit TLS.
    Pop3s,
    /// `_pop3._tcp`: POP3 with STARTTLS.
    Pop3,
}

impl SrvService {
    /// Every service, in the order the lookups are listed.
    pub const ALL: [SrvService; 6] = [
        SrvService::Submissions,
        SrvService::Submission,
        SrvService::Imaps,
        SrvService::Imap,
        SrvService::Pop3s,
        SrvService::Pop3,
    ];

    /// The owner-name prefix, e.g. `_imaps._tcp`.
    pub fn label(self) -> &'static str {
        match self {
            SrvService::Submissions => "_submissions._tcp",
            SrvService::Submission => "_submission._tcp",
            SrvService::Imaps => "_imaps._tcp",
            SrvService::Imap => "_imap._tcp",
            SrvService::Pop3s => "_pop3s._tcp",
            SrvService::Pop3 => "_pop3._tcp",
        }
    }

    /// The name to query for `domain`.
    ///
    /// ```
    /// use mailports::discovery::SrvService;
    /// assert_eq!(SrvService::Imaps.query_name("example.com"), "_imaps._tcp.example.com");
    /// ```
    pub fn query_name(self, domain: &str) -> String {
        format!(
            "{}.{}",
            self.label(),
            domain.strip_suffix('.').unwrap_or(domain)
        )
    }

    /// The protocol the service speaks.
    pub fn protocol(self) -> MailProtocol {
        match self {
            SrvService::Submissions | SrvService::Submission => MailProtocol::Smtp,
            SrvService::Imaps | SrvService::Imap => MailProtocol::Imap,
            SrvService::Pop3s | SrvService::Pop3 => MailProtocol::Pop3,
        }
    }

    /// How the service is protected: implicit TLS, or STARTTLS which
    /// mailports always tells the client to require.
    pub fn security(self) -> Security {
        match self {
            SrvService::Submissions | SrvService::Imaps | SrvService::Pop3s => {
                Security::ImplicitTls
            }
            SrvService::Submission | SrvService::Imap | SrvService::Pop3 => Security::Starttls,
        }
    }
}

/// The SRV records found for one service (the input of [`select_srv`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SrvLookup {
    /// Which service was asked for.
    pub service: SrvService,
    /// The records in the answer.
    pub records: Vec<SrvRecord>,
}

/// An SRV target that was not used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RejectedTarget {
    /// The service whose record it was.
    pub service: SrvService,
    /// The target host.
    pub target: String,
    /// The port.
    pub port: u16,
    /// Why it was not used.
    pub message: String,
}

/// What the SRV records of a domain offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SrvOutcome {
    /// Mail-access servers (IMAP, POP3) to offer, best first: implicit TLS
    /// before STARTTLS, then SRV priority (lower first), then weight (larger
    /// first).
    pub incoming: Vec<Server>,
    /// Sending (SMTP submission) servers, in the same order.
    pub outgoing: Vec<Server>,
    /// Targets that were refused.
    pub rejected: Vec<RejectedTarget>,
    /// Services the domain says it does not offer (target `.`).
    pub not_offered: Vec<SrvService>,
    /// One note per refusal or missing service, for display.
    pub notes: Vec<Note>,
}

/// Whether `host` is a plausible host name: LDH labels, at most 253 bytes.
fn is_host_name(host: &str) -> bool {
    host.len() <= 253
        && host.contains('.')
        && host.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
}

/// Orders and checks the SRV records found for `domain` (RFC 6186, RFC 8314
/// §5.1, RFC 2782).
///
/// - A service whose only target is `.` is not offered; it is listed in
///   `not_offered` and never used.
/// - A target is used only when it lies within `domain` or when
///   `known_provider_host` says it belongs to a provider in the database;
///   any other target is rejected with a message (RFC 8314 §5.1 asks
///   clients to check this when the records are not DNSSEC-signed).
/// - Implicit TLS comes before STARTTLS whatever the SRV priorities say
///   (RFC 8314 §4.5.2); then lower priority first; then, among equal
///   priorities, larger weight first (the deterministic reading of RFC 2782's
///   weighted choice); then IMAP before POP3. A plaintext server is never
///   produced: a STARTTLS service is always offered with STARTTLS required.
/// - `username` fills [`Server::username`] (SRV records do not say).
///
/// ```
/// use mailports::discovery::{select_srv, SrvLookup, SrvRecord, SrvService};
/// let rec = |p, w, port, t: &str| SrvRecord { priority: p, weight: w, port, target: t.into() };
/// let found = [
///     SrvLookup { service: SrvService::Imap, records: vec![rec(0, 1, 143, "mail.example.com")] },
///     SrvLookup { service: SrvService::Imaps, records: vec![rec(10, 1, 993, "mail.example.com")] },
///     SrvLookup { service: SrvService::Pop3, records: vec![rec(0, 0, 0, ".")] },
///     SrvLookup { service: SrvService::Submission, records: vec![rec(0, 1, 587, "smtp.evil.test")] },
/// ];
/// let out = select_srv(&found, "example.com", "jane@example.com", |_| false);
/// assert_eq!(out.incoming[0].port, 993); // implicit TLS first despite priority 10
/// assert_eq!(out.incoming[1].port, 143);
/// assert_eq!(out.incoming.len(), 2);
/// assert!(out.outgoing.is_empty());
/// assert_eq!(out.rejected[0].target, "smtp.evil.test");
/// assert_eq!(out.not_offered, [SrvService::Pop3]);
/// ```
pub fn select_srv(
    lookups: &[SrvLookup],
    domain: &str,
    username: &str,
    known_provider_host: impl Fn(&str) -> bool,
) -> SrvOutcome {
    let domain = domain
        .strip_suffix('.')
        .unwrap_or(domain)
        .to_ascii_lowercase();
    let mut out = SrvOutcome {
        incoming: Vec::new(),
        outgoing: Vec::new(),
        rejected: Vec::new(),
        not_offered: Vec::new(),
        notes: Vec::new(),
    };
    // (rank of security, priority, reversed weight, service, server)
    type Candidate = (u8, u16, u16, SrvService, Server);
    let mut candidates: Vec<Candidate> = Vec::new();
    for lookup in lookups {
        let service = lookup.service;
        let records = &lookup.records[..lookup.records.len().min(MAX_RECORDS)];
        if !records.is_empty() && records.iter().all(|r| r.target == ".") {
            if !out.not_offered.contains(&service) {
                out.not_offered.push(service);
                out.notes.push(Note::new(
                    "srv-not-offered",
                    format!(
                        "{} says it does not offer {} ({} has the target \".\")",
                        domain,
                        service_words(service),
                        service.query_name(&domain)
                    ),
                ));
            }
            continue;
        }
        for r in records.iter().filter(|r| r.target != ".") {
            let reject = |why: String| RejectedTarget {
                service,
                target: r.target.clone(),
                port: r.port,
                message: why,
            };
            let problem = if !is_host_name(&r.target) {
                Some(format!(
                    "the SRV record {} points to {}, which is not a host name; it was ignored",
                    service.query_name(&domain),
                    Quoted(&r.target, 64)
                ))
            } else if r.port == 0 {
                Some(format!(
                    "the SRV record {} gives port 0 for {}; it was ignored",
                    service.query_name(&domain),
                    r.target
                ))
            } else if !is_within(&r.target, &domain) && !known_provider_host(&r.target) {
                Some(format!(
                    "the SRV record {} points to {}, which is outside {} and not a known provider's server; \
                     it was ignored, because an unsigned SRV record could send your password elsewhere",
                    service.query_name(&domain),
                    r.target,
                    domain
                ))
            } else {
                None
            };
            if let Some(why) = problem {
                out.notes
                    .push(Note::new("srv-target-rejected", why.clone()));
                out.rejected.push(reject(why));
                continue;
            }
            let security = service.security();
            let rank = u8::from(security != Security::ImplicitTls);
            candidates.push((
                rank,
                r.priority,
                u16::MAX - r.weight,
                service,
                Server {
                    protocol: service.protocol(),
                    hostname: r.target.clone(),
                    port: r.port,
                    security,
                    username: username.to_owned(),
                    auth: vec![Auth::Password],
                },
            ));
        }
    }
    let group = |p: MailProtocol| u8::from(p == MailProtocol::Smtp);
    candidates.sort_by(|a, b| {
        (group(a.4.protocol), a.0, a.1, a.2, a.3, &a.4.hostname).cmp(&(
            group(b.4.protocol),
            b.0,
            b.1,
            b.2,
            b.3,
            &b.4.hostname,
        ))
    });
    for (_, _, _, _, server) in candidates {
        let list = if server.protocol == MailProtocol::Smtp {
            &mut out.outgoing
        } else {
            &mut out.incoming
        };
        let duplicate = list.iter().any(|s| {
            s.protocol == server.protocol
                && s.hostname == server.hostname
                && s.port == server.port
                && s.security == server.security
        });
        if !duplicate {
            list.push(server);
        }
    }
    out
}

fn service_words(service: SrvService) -> &'static str {
    match service {
        SrvService::Submissions => "sending with implicit TLS (port 465 style)",
        SrvService::Submission => "sending with STARTTLS (port 587 style)",
        SrvService::Imaps => "IMAP with implicit TLS",
        SrvService::Imap => "IMAP with STARTTLS",
        SrvService::Pop3s => "POP3 with implicit TLS",
        SrvService::Pop3 => "POP3 with STARTTLS",
    }
}
