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
use domain::base::Message;
use domain::rdata::{Cname, Mx, Srv};
use serde::{Deserialize, Serialize};

use crate::error::Quoted;
use crate::placeholders;
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
                "DNS record type must be MX, SRV or CNAME, not {}",
                Quoted(name, 16)
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
    // A query is a fixed header and one question: written directly, it costs
    // far fewer wasm bytes than the crate's name parser and message builder
    // (the tests compare it byte for byte with dnspython's).
    let name = query_name(name)?;
    let mut out = Vec::with_capacity(name.len() + 18);
    out.extend_from_slice(&id.to_be_bytes());
    // Flags: RD (recursion desired); one question, no other records.
    out.extend_from_slice(&[0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
    for label in name.split('.') {
        // query_name checked 1..=63 bytes per label.
        out.push(label.len() as u8);
        out.extend_from_slice(label.as_bytes());
    }
    out.push(0);
    out.extend_from_slice(&qtype.code().to_be_bytes());
    out.extend_from_slice(&[0, 1]); // class IN
    Ok(out)
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

// ---------------------------------------------------------------------------
// What to fetch

/// One DNS question of a [`Plan`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedQuery {
    /// Which lookup it belongs to: `"srv"` or `"mx"`.
    pub step: &'static str,
    /// The SRV service, for SRV questions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service: Option<SrvService>,
    /// The name to ask about.
    pub name: String,
    /// The record type to ask for.
    pub record_type: RecordType,
}

/// Everything discovery may fetch for one typed address or domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// The domain in ASCII form (lower case, A-labels).
    pub domain: String,
    /// The domain for display (Unicode).
    pub unicode_domain: String,
    /// The address in ASCII-domain form, or `None` when only a domain was
    /// typed.
    pub address: Option<String>,
    /// The user name to put in SRV-found servers: the address, or the
    /// `%EMAILADDRESS%` placeholder when only a domain was typed.
    pub username: String,
    /// The DNS questions, SRV first (in [`SrvService::ALL`] order), then MX.
    pub dns: Vec<PlannedQuery>,
    /// The autoconfig URLs, HTTPS only, in the order to prefer them.
    pub autoconfig: Vec<String>,
}

/// Works out what discovery would fetch for what a person typed (an
/// address or a bare domain): the DNS questions and the autoconfig URLs.
/// Nothing is fetched here.
///
/// ```
/// use mailports::discovery::plan;
/// let p = plan("Jane@Acme-Dental.com").unwrap();
/// assert_eq!(p.domain, "acme-dental.com");
/// assert_eq!(p.dns.len(), 7); // six SRV services and MX
/// assert_eq!(p.dns[6].name, "acme-dental.com");
/// assert_eq!(p.autoconfig[0], "https://autoconfig.acme-dental.com/mail/config-v1.1.xml");
/// assert_eq!(plan("jane@").unwrap_err().code(), "invalid-address");
/// ```
pub fn plan(input: &str) -> Result<Plan> {
    let address = crate::email::parse_input(input)?;
    let domain = query_name(&address.domain)?;
    let mut dns: Vec<PlannedQuery> = SrvService::ALL
        .iter()
        .map(|&service| PlannedQuery {
            step: "srv",
            service: Some(service),
            name: service.query_name(&domain),
            record_type: RecordType::Srv,
        })
        .collect();
    dns.push(PlannedQuery {
        step: "mx",
        service: None,
        name: domain.clone(),
        record_type: RecordType::Mx,
    });
    let full = address.local.as_ref().map(|_| address.to_ascii_string());
    Ok(Plan {
        autoconfig: vec![
            format!("https://autoconfig.{domain}/mail/config-v1.1.xml"),
            format!("https://{domain}/.well-known/autoconfig/mail/config-v1.1.xml"),
        ],
        username: full
            .clone()
            .unwrap_or_else(|| placeholders::EMAIL_ADDRESS.into()),
        address: full,
        unicode_domain: address.unicode_domain,
        domain,
        dns,
    })
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
    /// The step it belongs to (`autoconfig`, `srv`, `mx`), for problems.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
}

impl Note {
    fn new(code: &str, message: String) -> Self {
        Note {
            code: code.to_owned(),
            message,
            step: None,
        }
    }

    fn problem(step: &str, code: &str, message: String) -> Self {
        Note {
            code: code.to_owned(),
            message,
            step: Some(step.to_owned()),
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
    /// The mail-access servers it offers (IMAP, POP3).
    #[serde(default)]
    pub incoming: Vec<Server>,
    /// The sending servers it offers (SMTP).
    #[serde(default)]
    pub outgoing: Vec<Server>,
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
    /// Mail-access servers, best first, with plaintext dropped where TLS is
    /// offered for the same protocol.
    pub incoming: Vec<Server>,
    /// Sending servers, treated the same way.
    pub outgoing: Vec<Server>,
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
    let usable = |f: &Finding| !f.incoming.is_empty() || !f.outgoing.is_empty();
    let Some(chosen) = findings.into_iter().find(usable) else {
        return Decision {
            source: None,
            incoming: Vec::new(),
            outgoing: Vec::new(),
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
    let (incoming, dropped_in) = tls_first(chosen.incoming);
    let (outgoing, dropped_out) = tls_first(chosen.outgoing);
    if dropped_in || dropped_out {
        notes.push(Note::new(
            "plaintext-dropped",
            "servers without TLS were left out because the same service is offered with TLS".into(),
        ));
    }
    Decision {
        source: Some(chosen.source),
        incoming,
        outgoing,
        provider: chosen.provider,
        notes,
    }
}

/// Drops plaintext servers of every protocol that also has a TLS server, and
/// moves implicit TLS first (a stable sort: the order is otherwise kept).
/// Says whether anything was dropped.
fn tls_first(mut servers: Vec<Server>) -> (Vec<Server>, bool) {
    let before = servers.len();
    let tls: Vec<MailProtocol> = servers
        .iter()
        .filter(|s| s.security != Security::Plaintext)
        .map(|s| s.protocol)
        .collect();
    servers.retain(|s| s.security != Security::Plaintext || !tls.contains(&s.protocol));
    let dropped = servers.len() < before;
    servers.sort_by_key(|s| {
        (
            s.security != Security::ImplicitTls,
            s.security == Security::Plaintext,
        )
    });
    (servers, dropped)
}

// ---------------------------------------------------------------------------
// Everything at once: from fetched bytes to the answer

/// What discovery needs to know about providers: the provider database and
/// the autoconfig parser, behind a trait so the logic can be tested with a
/// small fake. [`Builtin`] is the real one.
pub trait Directory {
    /// The provider whose MX pattern matches one of `hosts` (see
    /// [`match_mx_patterns`]).
    fn match_mx(&self, hosts: &[String]) -> Option<MxMatch>;
    /// Whether `host` belongs to a provider in the database (an SRV target
    /// outside the queried domain is accepted only then).
    fn is_provider_host(&self, host: &str) -> bool;
    /// A provider's name and servers by id, with placeholders
    /// (`%EMAILADDRESS%`, `%EMAILDOMAIN%`…) left in.
    fn provider(&self, id: &str) -> Option<Found>;
    /// Reads an autoconfig document into a name and servers, placeholders left in.
    fn autoconfig(&self, xml: &str) -> Result<Found>;
}

/// A provider's name and servers, as a [`Directory`] gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Display name.
    pub name: String,
    /// IMAP/POP3 servers, best first.
    pub incoming: Vec<Server>,
    /// SMTP servers, best first.
    pub outgoing: Vec<Server>,
}

/// The raw material the JS layer fetched for a [`Plan`]. `None` marks a
/// lookup that did not complete (a timeout or network failure, which the JS
/// layer reports itself) or, for autoconfig, a file that does not exist.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fetched {
    /// One answer per SRV question of the plan, in plan order.
    pub srv: Vec<Option<Vec<u8>>>,
    /// The answer to the MX question.
    pub mx: Option<Vec<u8>>,
    /// One document per autoconfig URL of the plan, in plan order.
    pub autoconfig: Vec<Option<String>>,
}

/// The answer of [`evaluate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Outcome {
    /// The source used, or `None`.
    pub source: Option<Source>,
    /// Every source that had settings, most trusted first.
    pub found: Vec<Source>,
    /// The provider id (MX matches).
    pub provider: Option<String>,
    /// A display name: the provider's, or the autoconfig file's.
    pub name: Option<String>,
    /// Mail-access servers, best first, placeholders filled for the address.
    pub incoming: Vec<Server>,
    /// Sending servers, best first.
    pub outgoing: Vec<Server>,
    /// Where the settings came from, and what was left out or refused.
    pub notes: Vec<Note>,
    /// Problems with answers (NXDOMAIN, SERVFAIL, malformed…), with their step.
    pub errors: Vec<Note>,
}

fn push_once(list: &mut Vec<Note>, note: Note) {
    if !list
        .iter()
        .any(|n| n.code == note.code && n.step == note.step)
    {
        list.push(note);
    }
}

/// Fills `%EMAILDOMAIN%` in host names, and the address placeholders in user
/// names when the plan has an address (one pass: see [`placeholders`]).
fn fill(mut servers: Vec<Server>, plan: &Plan) -> Vec<Server> {
    for s in &mut servers {
        s.hostname = placeholders::fill_host(&s.hostname, &plan.domain);
        if let Some(address) = &plan.address {
            let local = address.rsplit_once('@').map_or("", |(l, _)| l);
            s.username = placeholders::fill_user(&s.username, local, &plan.domain);
        }
    }
    servers
}

/// Reads what the JS layer fetched for `plan` and decides: autoconfig
/// documents are parsed, SRV answers selected ([`select_srv`]), the MX answer
/// matched to a provider, and the most trustworthy result taken
/// ([`decide`]). Works on partial material too (the JS layer calls it as
/// lookups finish, to stop the others once the answer cannot change).
pub fn evaluate(plan: &Plan, fetched: &Fetched, dir: &dyn Directory) -> Outcome {
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    let mut findings = Vec::new();

    // Autoconfig: the first URL with a usable document wins.
    for (url, doc) in plan.autoconfig.iter().zip(&fetched.autoconfig) {
        let Some(xml) = doc else { continue };
        match dir.autoconfig(xml) {
            Ok(found) if !found.incoming.is_empty() || !found.outgoing.is_empty() => {
                findings.push(Finding {
                    source: Source::Autoconfig,
                    incoming: fill(found.incoming, plan),
                    outgoing: fill(found.outgoing, plan),
                    provider: None,
                    provider_name: Some(found.name).filter(|n| !n.is_empty()),
                    detail: Some(url.clone()),
                });
                break;
            }
            Ok(_) => push_once(
                &mut errors,
                Note::problem(
                    "autoconfig",
                    "autoconfig-empty",
                    format!("the autoconfig file at {url} lists no server mailports can use"),
                ),
            ),
            Err(e) => push_once(
                &mut errors,
                Note::problem(
                    "autoconfig",
                    e.code(),
                    format!("the autoconfig file at {url} could not be used: {e}"),
                ),
            ),
        }
    }

    // SRV.
    let questions = plan.dns.iter().filter(|q| q.step == "srv");
    let mut lookups = Vec::new();
    for (q, answer) in questions.zip(&fetched.srv) {
        let (Some(service), Some(bytes)) = (q.service, answer) else {
            continue;
        };
        match parse_answer(bytes, &q.name, RecordType::Srv) {
            Ok(a) => {
                if matches!(
                    a.status,
                    DnsStatus::Servfail | DnsStatus::Refused | DnsStatus::Error
                ) {
                    let code = status_code(a.status);
                    push_once(
                        &mut errors,
                        Note::problem("srv", code, a.message.unwrap_or_default()),
                    );
                }
                lookups.push(SrvLookup {
                    service,
                    records: a.srv,
                });
            }
            Err(e) => push_once(&mut errors, Note::problem("srv", e.code(), e.to_string())),
        }
    }
    if !lookups.is_empty() {
        let srv = select_srv(&lookups, &plan.domain, &plan.username, |h| {
            dir.is_provider_host(h)
        });
        notes.extend(srv.notes);
        if !srv.incoming.is_empty() || !srv.outgoing.is_empty() {
            findings.push(Finding {
                source: Source::Srv,
                incoming: srv.incoming,
                outgoing: srv.outgoing,
                provider: None,
                provider_name: None,
                detail: None,
            });
        }
    }

    // MX.
    if let Some(bytes) = &fetched.mx {
        match parse_answer(bytes, &plan.domain, RecordType::Mx) {
            Err(e) => push_once(&mut errors, Note::problem("mx", e.code(), e.to_string())),
            Ok(a) if a.status != DnsStatus::Ok => {
                let code = status_code(a.status);
                push_once(
                    &mut errors,
                    Note::problem("mx", code, a.message.unwrap_or_default()),
                );
            }
            Ok(a) if is_null_mx(&a.mx) => notes.push(Note::new(
                "null-mx",
                format!(
                    "{} says it receives no email at all (a null MX record, RFC 7505)",
                    plan.domain
                ),
            )),
            Ok(a) if a.mx.is_empty() => notes.push(Note::new(
                "no-mx",
                format!("{} has no mail servers (MX records) in DNS", plan.domain),
            )),
            Ok(a) => {
                let hosts = preferred_mx_hosts(&a.mx);
                let matched = dir.match_mx(&hosts);
                match matched.and_then(|m| dir.provider(&m.provider).map(|p| (m, p))) {
                    Some((m, p)) => findings.push(Finding {
                        source: Source::Mx,
                        incoming: fill(p.incoming, plan),
                        outgoing: fill(p.outgoing, plan),
                        provider: Some(m.provider),
                        provider_name: Some(p.name),
                        detail: Some(m.host),
                    }),
                    None => notes.push(Note::new(
                        "mx-unknown",
                        format!(
                            "{} receives mail at {}, which is not a provider mailports knows",
                            plan.domain,
                            hosts.first().map_or("", String::as_str)
                        ),
                    )),
                }
            }
        }
    }

    let found: Vec<Source> = findings.iter().map(|f| f.source).collect();
    let name = findings
        .iter()
        .min_by_key(|f| f.source)
        .and_then(|f| f.provider_name.clone());
    let decision = decide(findings);
    let mut all_notes = if decision.source.is_some() || (notes.is_empty() && errors.is_empty()) {
        decision.notes
    } else {
        Vec::new()
    };
    all_notes.extend(notes);
    Outcome {
        source: decision.source,
        found,
        provider: decision.provider,
        name,
        incoming: decision.incoming,
        outgoing: decision.outgoing,
        notes: all_notes,
        errors,
    }
}

fn status_code(status: DnsStatus) -> &'static str {
    match status {
        DnsStatus::Ok => "dns-ok",
        DnsStatus::Nxdomain => "dns-nxdomain",
        DnsStatus::Servfail => "dns-servfail",
        DnsStatus::Refused => "dns-refused",
        DnsStatus::Error => "dns-error",
    }
}

/// The real [`Directory`]: the built-in provider database
/// ([`crate::providers`]) and the autoconfig parser ([`crate::autoconfig`]).
#[derive(Debug, Default)]
pub struct Builtin {
    domains: Vec<&'static str>,
}

impl Builtin {
    /// Loads the sorted list of provider domains once.
    pub fn new() -> Self {
        Builtin {
            domains: crate::providers::domains().collect(),
        }
    }
}

impl Directory for Builtin {
    fn match_mx(&self, hosts: &[String]) -> Option<MxMatch> {
        let patterns: Vec<(&str, &str)> = crate::providers::mx_patterns().collect();
        match_mx_patterns(hosts, patterns.iter().copied())
    }

    fn is_provider_host(&self, host: &str) -> bool {
        if crate::providers::mx_patterns().any(|(p, _)| is_within(host, p)) {
            return true;
        }
        // The host or one of its parent domains is a provider's domain.
        let mut rest = host;
        while let Some((_, parent)) = rest.split_once('.') {
            if self.domains.binary_search(&rest).is_ok() {
                return true;
            }
            rest = parent;
        }
        false
    }

    fn provider(&self, id: &str) -> Option<Found> {
        let summary = crate::providers::list().into_iter().find(|p| p.id == id)?;
        let domain = summary.domains.first()?;
        let found = crate::providers::lookup(domain).ok()??;
        Some(Found {
            name: found.name,
            incoming: found.incoming,
            outgoing: found.outgoing,
        })
    }

    fn autoconfig(&self, xml: &str) -> Result<Found> {
        let config = crate::autoconfig::parse(xml)?;
        Ok(Found {
            name: config.display_name,
            incoming: config.incoming,
            outgoing: config.outgoing,
        })
    }
}
