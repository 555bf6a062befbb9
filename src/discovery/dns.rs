//! The DNS wire format discovery needs: a query for one name and record
//! type (RFC 1035, sent as RFC 8484 DNS-over-HTTPS), and a careful reading of
//! the answer, with hostile or damaged messages refused.
//!
//! ```
//! use mailports::discovery::{build_query, parse_answer, RecordType};
//!
//! let query = build_query("example.com", RecordType::Mx, 0).unwrap();
//! // A query is not an answer: the QR bit is clear.
//! assert!(parse_answer(&query, "example.com", RecordType::Mx).is_err());
//! ```

use domain::base::iana::{Class, Opcode, Rcode, Rtype};
use domain::base::name::{Label, ParsedName};
use domain::base::Message;
use domain::rdata::{Cname, Mx, Srv};
use serde::Serialize;

use crate::error::Quoted;
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MxRecord {
    /// Lower is preferred.
    pub preference: u16,
    /// The mail exchanger's host name, lower case, no trailing dot; `"."` for
    /// a null MX (RFC 7505).
    pub exchange: String,
}

/// One SRV record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
