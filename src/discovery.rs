//! Opt-in discovery of the settings of a custom domain (`jane@acme-dental.com`).
//!
//! This module is the pure half of discovery: it writes DNS queries, reads DNS
//! answers, matches mail-exchanger (MX) hosts against provider patterns,
//! orders RFC 6186 SRV records and decides which source to trust. It never
//! touches the network: the JavaScript layer (`www/src/discovery.js`) sends the
//! queries to a DNS-over-HTTPS resolver (RFC 8484) chosen by the embedding page
//! and hands the bytes back here.
//!
//! ```
//! use mailports::discovery::{build_query, parse_answer, RecordType};
//!
//! let query = build_query("example.com", RecordType::Mx, 0).unwrap();
//! assert_eq!(&query[..2], &[0, 0]); // RFC 8484 §4.1: ID 0 caches best
//! // A query is not an answer: the QR bit is clear.
//! assert!(parse_answer(&query, "example.com", RecordType::Mx).is_err());
//! ```
//!
//! Trust order, most trustworthy first: the provider database (by address),
//! the domain's own autoconfig file, its SRV records, then an MX match.

use domain::base::iana::{Class, Opcode, Rcode, Rtype};
use domain::base::name::{Label, ParsedName};
use domain::base::{Message, MessageBuilder, Name};
use domain::rdata::{Cname, Mx, Srv};
use serde::{Deserialize, Serialize};

use crate::ports::Security;
use crate::settings::{Auth, MailProtocol, Server};
use crate::{Error, Result};

/// The largest DNS message accepted (64 KiB less one byte, the most a DNS
/// message can be). Anything larger is refused before it is parsed.
pub const MAX_MESSAGE_LEN: usize = 65_535;

/// At most this many answer records are read from one message; the rest are
/// ignored, so a hostile answer cannot make us build huge lists.
pub const MAX_RECORDS: usize = 64;

/// At most this many CNAME hops are followed inside one answer.
const MAX_CNAME_HOPS: usize = 8;

/// The record types discovery asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum RecordType {
    /// Mail exchanger (RFC 1035 §3.3.9).
    Mx,
    /// Service location (RFC 2782), used by RFC 6186.
    Srv,
    /// Canonical name (RFC 1035 §3.3.1).
    Cname,
}

impl RecordType {
    /// The numeric type code on the wire.
    ///
    /// ```
    /// use mailports::discovery::RecordType;
    /// assert_eq!(RecordType::Mx.code(), 15);
    /// assert_eq!(RecordType::Srv.code(), 33);
    /// ```
    pub fn code(self) -> u16 {
        match self {
            RecordType::Mx => 15,
            RecordType::Srv => 33,
            RecordType::Cname => 5,
        }
    }

    /// Reads a type name (`"MX"`, `"SRV"`, `"CNAME"`, any case).
    ///
    /// ```
    /// use mailports::discovery::RecordType;
    /// assert_eq!(RecordType::from_name("srv").unwrap(), RecordType::Srv);
    /// assert_eq!(RecordType::from_name("TXT").unwrap_err().code(), "invalid-argument");
    /// ```
    pub fn from_name(name: &str) -> Result<Self> {
        match name.to_ascii_uppercase().as_str() {
            "MX" => Ok(RecordType::Mx),
            "SRV" => Ok(RecordType::Srv),
            "CNAME" => Ok(RecordType::Cname),
            _ => Err(Error::InvalidArgument(format!(
                "DNS record type must be MX, SRV or CNAME, not {:?}",
                truncate(name, 16)
            ))),
        }
    }

    fn rtype(self) -> Rtype {
        Rtype::from_int(self.code())
    }
}

/// Checks a DNS name for a query and returns it in lower case without a
/// trailing dot. Labels may hold letters, digits, `-` and `_` (for
/// `_imaps._tcp`); an internationalised name must already be in its `xn--`
/// form.
///
/// ```
/// use mailports::discovery::query_name;
/// assert_eq!(query_name("_IMAPS._tcp.Example.COM.").unwrap(), "_imaps._tcp.example.com");
/// assert!(query_name("exa mple.com").is_err());
/// ```
pub fn query_name(name: &str) -> Result<String> {
    let bad = |why: &str| Error::InvalidDomain(why.to_owned());
    let trimmed = name.strip_suffix('.').unwrap_or(name);
    if trimmed.is_empty() {
        return Err(bad("the name is empty"));
    }
    if trimmed.len() > 253 {
        return Err(Error::TooLong {
            what: "domain",
            max: 253,
        });
    }
    for label in trimmed.split('.') {
        if label.is_empty() {
            return Err(bad("it has an empty label (two dots in a row)"));
        }
        if label.len() > 63 {
            return Err(Error::TooLong {
                what: "label",
                max: 63,
            });
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(bad(
                "a DNS name may hold only letters, digits, hyphens and underscores \
                 (internationalised names in their xn-- form)",
            ));
        }
    }
    Ok(trimmed.to_ascii_lowercase())
}

/// Writes an RFC 1035 query for `name` and `qtype` with recursion desired, in
/// the wire format RFC 8484 sends. Use `id` 0 for DNS-over-HTTPS (RFC 8484
/// §4.1), so that HTTP caches can share answers.
///
/// ```
/// use mailports::discovery::{build_query, RecordType};
/// let q = build_query("_imaps._tcp.example.com", RecordType::Srv, 0).unwrap();
/// assert_eq!(q[5], 1); // one question
/// assert_eq!(&q[q.len() - 4..], &[0, 33, 0, 1]); // type SRV, class IN
/// ```
pub fn build_query(name: &str, qtype: RecordType, id: u16) -> Result<Vec<u8>> {
    let name = query_name(name)?;
    let wire: Name<Vec<u8>> = name
        .parse()
        .map_err(|_| Error::InvalidDomain("it cannot be written as a DNS name".into()))?;
    let mut builder = MessageBuilder::new_vec();
    builder.header_mut().set_id(id);
    builder.header_mut().set_rd(true);
    let mut question = builder.question();
    question
        .push((&wire, qtype.rtype()))
        .map_err(|_| Error::InvalidDomain("the query does not fit in a DNS message".into()))?;
    Ok(question.finish())
}

/// How the resolver answered, from the response code (RFC 1035 §4.1.1,
/// RFC 6895).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DnsStatus {
    /// NOERROR: the name exists (the answer may still hold no records of the
    /// asked type).
    Ok,
    /// NXDOMAIN: the name does not exist.
    Nxdomain,
    /// SERVFAIL: the resolver could not get an answer (often a DNSSEC or
    /// upstream failure).
    Servfail,
    /// REFUSED: the resolver will not answer this question.
    Refused,
    /// Any other response code (FORMERR, NOTIMP, …).
    Error,
}

/// One MX record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MxRecord {
    /// Lower is preferred.
    pub preference: u16,
    /// The mail exchanger's host name, lower case, no trailing dot; `"."` for
    /// a null MX (RFC 7505).
    pub exchange: String,
}

/// One SRV record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SrvRecord {
    /// Lower is preferred.
    pub priority: u16,
    /// Among records of equal priority, a larger weight gets more clients.
    pub weight: u16,
    /// TCP port.
    pub port: u16,
    /// Host name, lower case, no trailing dot; `"."` means "not offered".
    pub target: String,
}

/// A parsed DNS answer: the status, and the records of the asked type that
/// belong to the asked name (following CNAMEs inside the message).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    /// How the resolver answered.
    pub status: DnsStatus,
    /// The numeric response code.
    pub rcode: u8,
    /// Whether the resolver says it validated the answer with DNSSEC (the AD
    /// bit). Only as trustworthy as the connection to the resolver.
    pub authenticated: bool,
    /// CNAME targets followed from the asked name, in order.
    pub cnames: Vec<String>,
    /// MX records (for an MX question).
    pub mx: Vec<MxRecord>,
    /// SRV records (for an SRV question).
    pub srv: Vec<SrvRecord>,
    /// A sentence explaining a status other than `ok`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

fn malformed(why: &str) -> Error {
    Error::DnsMalformed(why.to_owned())
}

/// Writes a name from the message as lower-case text without the trailing
/// dot (`"."` for the root). Bytes that never belong in a host name are
/// written as `\DDD` escapes, so such a name can never pass as a host name.
fn name_text<O: AsRef<[u8]>>(name: &ParsedName<O>) -> String {
    let mut out = String::new();
    for label in name.iter() {
        push_label(&mut out, label);
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

fn push_label(out: &mut String, label: &Label) {
    if label.is_root() {
        return;
    }
    if !out.is_empty() {
        out.push('.');
    }
    for b in label.as_slice() {
        let b = b.to_ascii_lowercase();
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("\\{b:03}"));
        }
    }
}

/// Reads a DNS answer to the question (`qname`, `qtype`).
///
/// NXDOMAIN, SERVFAIL and REFUSED are answers, not errors: they come back with
/// [`Answer::status`] set and a [`message`](Answer::message). Errors are for
/// messages that cannot be used: larger than [`MAX_MESSAGE_LEN`]
/// (`dns-too-large`), truncated (`dns-truncated`, the TC bit), or malformed
/// (`dns-malformed`: too short, not a response, the answer to another
/// question, a bad compression pointer, a record that runs past the end).
///
/// ```
/// use mailports::discovery::{parse_answer, RecordType};
/// let err = parse_answer(&[0u8; 5], "example.com", RecordType::Mx).unwrap_err();
/// assert_eq!(err.code(), "dns-malformed");
/// ```
pub fn parse_answer(bytes: &[u8], qname: &str, qtype: RecordType) -> Result<Answer> {
    if bytes.len() > MAX_MESSAGE_LEN {
        return Err(Error::DnsTooLarge(bytes.len()));
    }
    let qname = query_name(qname)?;
    let msg = Message::from_octets(bytes)
        .map_err(|_| malformed("it is shorter than a DNS header (12 bytes)"))?;
    let header = msg.header();
    if !header.qr() {
        return Err(malformed("it is a query, not a response"));
    }
    if header.opcode() != Opcode::QUERY {
        return Err(malformed("it is not the answer to a standard query"));
    }
    if header.tc() {
        return Err(Error::DnsTruncated);
    }

    // The answer must repeat our question (RFC 1035 §4.1.2).
    let mut questions = msg.question();
    let question = match questions.next() {
        Some(Ok(q)) => q,
        Some(Err(_)) => return Err(malformed("its question section is damaged")),
        None => return Err(malformed("it does not repeat the question")),
    };
    if name_text(question.qname()) != qname
        || question.qtype() != qtype.rtype()
        || question.qclass() != Class::IN
    {
        return Err(malformed("it answers a different question"));
    }
    if msg.header_counts().qdcount() != 1 {
        return Err(malformed("it holds more than one question"));
    }

    let rcode = header.rcode();
    let status = match rcode {
        Rcode::NOERROR => DnsStatus::Ok,
        Rcode::NXDOMAIN => DnsStatus::Nxdomain,
        Rcode::SERVFAIL => DnsStatus::Servfail,
        Rcode::REFUSED => DnsStatus::Refused,
        _ => DnsStatus::Error,
    };
    let mut answer = Answer {
        status,
        rcode: rcode.to_int(),
        authenticated: header.ad(),
        cnames: Vec::new(),
        mx: Vec::new(),
        srv: Vec::new(),
        message: status_message(status, rcode.to_int(), &qname),
    };
    if status != DnsStatus::Ok {
        return Ok(answer);
    }

    // Read every answer record first (bounded), then follow CNAMEs from the
    // asked name, so the order of records in the message does not matter.
    let section = msg
        .answer()
        .map_err(|_| malformed("its question section runs past the end"))?;
    let mut cnames: Vec<(String, String)> = Vec::new();
    let mut mx: Vec<(String, MxRecord)> = Vec::new();
    let mut srv: Vec<(String, SrvRecord)> = Vec::new();
    for record in section.take(MAX_RECORDS) {
        let record = record.map_err(|_| malformed("a record in it is damaged"))?;
        if record.class() != Class::IN {
            continue;
        }
        let owner = name_text(&record.owner());
        let damaged = |_| malformed("the data of a record in it is damaged");
        match record.rtype() {
            Rtype::CNAME => {
                if let Some(r) = record.to_record::<Cname<_>>().map_err(damaged)? {
                    cnames.push((owner, name_text(r.data().cname())));
                }
            }
            Rtype::MX if qtype == RecordType::Mx => {
                if let Some(r) = record.to_record::<Mx<_>>().map_err(damaged)? {
                    let exchange = name_text(r.data().exchange());
                    let preference = r.data().preference();
                    mx.push((
                        owner,
                        MxRecord {
                            preference,
                            exchange,
                        },
                    ));
                }
            }
            Rtype::SRV if qtype == RecordType::Srv => {
                if let Some(r) = record.to_record::<Srv<_>>().map_err(damaged)? {
                    let d = r.data();
                    srv.push((
                        owner,
                        SrvRecord {
                            priority: d.priority(),
                            weight: d.weight(),
                            port: d.port(),
                            target: name_text(d.target()),
                        },
                    ));
                }
            }
            _ => {}
        }
    }
    let mut names = vec![qname];
    for _ in 0..MAX_CNAME_HOPS {
        let current = names.last();
        match cnames.iter().find(|(owner, _)| Some(owner) == current) {
            Some((_, target)) if !names.contains(target) => names.push(target.clone()),
            _ => break,
        }
    }
    answer.cnames = names.iter().skip(1).cloned().collect();
    let wanted = |owner: &String| names.contains(owner);
    answer.mx = mx
        .into_iter()
        .filter(|(o, _)| wanted(o))
        .map(|(_, r)| r)
        .collect();
    answer.srv = srv
        .into_iter()
        .filter(|(o, _)| wanted(o))
        .map(|(_, r)| r)
        .collect();
    Ok(answer)
}

fn status_message(status: DnsStatus, rcode: u8, name: &str) -> Option<String> {
    match status {
        DnsStatus::Ok => None,
        DnsStatus::Nxdomain => Some(format!("{name} does not exist in DNS (NXDOMAIN)")),
        DnsStatus::Servfail => Some(format!(
            "the DNS resolver could not look up {name} (SERVFAIL); the domain's DNS servers may be down or misconfigured"
        )),
        DnsStatus::Refused => Some(format!(
            "the DNS resolver refused to look up {name} (REFUSED)"
        )),
        DnsStatus::Error => Some(format!(
            "the DNS resolver answered the lookup of {name} with error code {rcode}"
        )),
    }
}

fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

// ---------------------------------------------------------------------------
// MX → provider

/// Whether `host` is `base` or lies under it (`aspmx.l.google.com` is under
/// `google.com`; `notgoogle.com` is not).
///
/// ```
/// use mailports::discovery::is_within;
/// assert!(is_within("aspmx.l.google.com", "google.com"));
/// assert!(is_within("google.com", "google.com"));
/// assert!(!is_within("notgoogle.com", "google.com"));
/// ```
pub fn is_within(host: &str, base: &str) -> bool {
    let host = host.strip_suffix('.').unwrap_or(host);
    let base = base.strip_suffix('.').unwrap_or(base);
    if base.is_empty() || host.len() < base.len() {
        return false;
    }
    let split = host.len() - base.len();
    host.is_char_boundary(split)
        && host[split..].eq_ignore_ascii_case(base)
        && (split == 0 || host.as_bytes().get(split - 1) == Some(&b'.'))
}

/// Whether the MX records form a null MX (RFC 7505): the domain says it
/// receives no mail.
///
/// ```
/// use mailports::discovery::{is_null_mx, MxRecord};
/// assert!(is_null_mx(&[MxRecord { preference: 0, exchange: ".".into() }]));
/// assert!(!is_null_mx(&[]));
/// ```
pub fn is_null_mx(records: &[MxRecord]) -> bool {
    !records.is_empty() && records.iter().all(|r| r.exchange == ".")
}

/// The host names of the most preferred (lowest preference) MX records, in
/// the order given, without duplicates and without null-MX targets.
///
/// ```
/// use mailports::discovery::{preferred_mx_hosts, MxRecord};
/// let mx = |p, h: &str| MxRecord { preference: p, exchange: h.into() };
/// let hosts = preferred_mx_hosts(&[mx(10, "alt1.aspmx.l.google.com"), mx(1, "aspmx.l.google.com")]);
/// assert_eq!(hosts, ["aspmx.l.google.com"]);
/// ```
pub fn preferred_mx_hosts(records: &[MxRecord]) -> Vec<String> {
    let usable = records.iter().filter(|r| r.exchange != ".");
    let Some(best) = usable.clone().map(|r| r.preference).min() else {
        return Vec::new();
    };
    let mut hosts: Vec<String> = Vec::new();
    for r in usable.filter(|r| r.preference == best) {
        if !hosts.contains(&r.exchange) {
            hosts.push(r.exchange.clone());
        }
    }
    hosts
}

/// A provider recognised from a domain's mail servers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MxMatch {
    /// The provider's id in the database.
    pub provider: String,
    /// The MX host that matched.
    pub host: String,
    /// The pattern (an MX base domain) it matched.
    pub pattern: String,
}

/// Matches MX hosts against `(pattern, provider id)` pairs: a host matches a
/// pattern when it is the pattern or lies under it. The longest (most
/// specific) matching pattern wins; among equals, the earlier host.
///
/// ```
/// use mailports::discovery::match_mx_patterns;
/// let patterns = [("google.com", "google"), ("mail.protection.outlook.com", "microsoft365")];
/// let m = match_mx_patterns(&["acme-com.mail.protection.outlook.com".to_string()], patterns).unwrap();
/// assert_eq!(m.provider, "microsoft365");
/// assert!(match_mx_patterns(&["mx.acme.com".to_string()], patterns).is_none());
/// ```
pub fn match_mx_patterns<'p>(
    hosts: &[String],
    patterns: impl IntoIterator<Item = (&'p str, &'p str)> + Clone,
) -> Option<MxMatch> {
    let mut best: Option<MxMatch> = None;
    for host in hosts {
        for (pattern, provider) in patterns.clone() {
            let longer = best
                .as_ref()
                .map_or(true, |b| pattern.len() > b.pattern.len());
            if longer && is_within(host, pattern) {
                best = Some(MxMatch {
                    provider: provider.to_owned(),
                    host: host.clone(),
                    pattern: pattern.to_owned(),
                });
            }
        }
    }
    best
}

// ---------------------------------------------------------------------------
// SRV (RFC 6186, RFC 8314 §5.1)

/// The six client mail services of RFC 6186 and RFC 8314.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SrvLookup {
    /// Which service was asked for.
    pub service: SrvService,
    /// The records in the answer.
    pub records: Vec<SrvRecord>,
}

/// A note or problem with a stable code and a sentence in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    /// Stable kebab-case code, e.g. `srv-target-rejected`.
    pub code: String,
    /// What happened, for a person.
    pub message: String,
}

impl Note {
    fn new(code: &str, message: String) -> Self {
        Note {
            code: code.to_owned(),
            message,
        }
    }
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
    /// Servers to offer, best first: mail access (IMAP/POP3) then sending
    /// (SMTP); within each, implicit TLS before STARTTLS, then SRV priority
    /// (lower first), then weight (larger first).
    pub servers: Vec<Server>,
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
/// assert_eq!(out.servers[0].port, 993); // implicit TLS first despite priority 10
/// assert_eq!(out.servers[1].port, 143);
/// assert_eq!(out.servers.len(), 2);
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
        servers: Vec::new(),
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
                    "the SRV record {} points to {:?}, which is not a host name; it was ignored",
                    service.query_name(&domain),
                    truncate(&r.target, 64)
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
        let duplicate = out.servers.iter().any(|s| {
            s.protocol == server.protocol
                && s.hostname == server.hostname
                && s.port == server.port
                && s.security == server.security
        });
        if !duplicate {
            out.servers.push(server);
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

// ---------------------------------------------------------------------------
// Deciding between sources

/// Where a discovered answer came from, most trustworthy first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// The provider database, by the address's domain.
    Database,
    /// The domain's own autoconfig file (`autoconfig.<domain>` or
    /// `<domain>/.well-known/autoconfig/`).
    Autoconfig,
    /// The domain's RFC 6186 SRV records.
    Srv,
    /// The domain's MX hosts, matched to a provider in the database.
    Mx,
}

/// One source's answer (the input of [`decide`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Where it came from.
    pub source: Source,
    /// The servers it offers.
    pub servers: Vec<Server>,
    /// The provider's id, when the source names one.
    #[serde(default)]
    pub provider: Option<String>,
    /// The provider's display name, when known.
    #[serde(default)]
    pub provider_name: Option<String>,
    /// A detail for the note: the autoconfig URL or the matched MX host.
    #[serde(default)]
    pub detail: Option<String>,
}

/// The chosen answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// The source used, or `None` when no source had servers.
    pub source: Option<Source>,
    /// The servers, best first, with plaintext dropped where TLS is offered
    /// for the same protocol.
    pub servers: Vec<Server>,
    /// The provider id, when known.
    pub provider: Option<String>,
    /// Notes on where the settings came from and what was left out.
    pub notes: Vec<Note>,
}

/// Takes the most trustworthy finding that has servers (database, then
/// autoconfig, then SRV, then MX) and explains the choice. For every
/// protocol that has a TLS server (implicit or STARTTLS), plaintext servers
/// are dropped (RFC 8314 §5.1); implicit-TLS servers are moved first.
///
/// ```
/// use mailports::discovery::{decide, Finding, Source};
/// let d = decide(vec![]);
/// assert_eq!(d.source, None);
/// assert_eq!(d.notes[0].code, "nothing-found");
/// ```
pub fn decide(mut findings: Vec<Finding>) -> Decision {
    findings.sort_by_key(|f| f.source);
    let Some(chosen) = findings.into_iter().find(|f| !f.servers.is_empty()) else {
        return Decision {
            source: None,
            servers: Vec::new(),
            provider: None,
            notes: vec![Note::new(
                "nothing-found",
                "no settings were found for this domain: ask your mail provider or administrator"
                    .into(),
            )],
        };
    };
    let mut notes = Vec::new();
    let who = chosen
        .provider_name
        .clone()
        .or_else(|| chosen.provider.clone())
        .unwrap_or_else(|| "the provider".into());
    let detail = chosen.detail.clone().unwrap_or_default();
    notes.push(match chosen.source {
        Source::Database => Note::new(
            "found-in-database",
            format!("these are {who}'s settings from the mailports provider database"),
        ),
        Source::Autoconfig => Note::new(
            "found-by-autoconfig",
            format!("these settings come from the domain's own configuration file ({detail})"),
        ),
        Source::Srv => Note::new(
            "found-by-srv",
            "these settings come from the domain's SRV records in DNS (RFC 6186)".into(),
        ),
        Source::Mx => Note::new(
            "found-by-mx",
            format!(
                "these settings were found through the domain's mail servers: its mail goes to {detail}, which is run by {who}"
            ),
        ),
    });
    let mut servers = chosen.servers;
    let has_tls = |servers: &[Server], p: MailProtocol| {
        servers
            .iter()
            .any(|s| s.protocol == p && s.security != Security::Plaintext)
    };
    let before = servers.len();
    let snapshot = servers.clone();
    servers.retain(|s| s.security != Security::Plaintext || !has_tls(&snapshot, s.protocol));
    if servers.len() < before {
        notes.push(Note::new(
            "plaintext-dropped",
            "servers without TLS were left out because the same service is offered with TLS".into(),
        ));
    }
    // Stable sort: implicit TLS first within each protocol, order otherwise kept.
    servers.sort_by_key(|s| {
        (
            s.protocol == MailProtocol::Smtp,
            s.security != Security::ImplicitTls,
            s.security == Security::Plaintext,
        )
    });
    Decision {
        source: Some(chosen.source),
        servers,
        provider: chosen.provider,
        notes,
    }
}
