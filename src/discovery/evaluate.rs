//! Everything at once: from the bytes the JavaScript layer fetched for a
//! [`Plan`] to the settings to show, through the provider database and the
//! autoconfig parser (behind [`Directory`]).
//!
//! ```
//! use mailports::discovery::{evaluate, plan, Builtin, Fetched};
//! let out = evaluate(&plan("a@b.test").unwrap(), &Fetched::default(), &Builtin::new());
//! assert_eq!(out.notes[0].code, "nothing-found");
//! ```

use serde::Serialize;

use super::{
    decide, is_null_mx, is_within, match_mx_patterns, parse_answer, preferred_mx_hosts, select_srv,
    DiscoverySource, DnsStatus, Finding, MxMatch, Note, Plan, RecordType, SrvLookup,
};
use crate::placeholders;
use crate::settings::Server;
use crate::Result;

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
    pub source: Option<DiscoverySource>,
    /// Every source that had settings, most trusted first.
    pub found: Vec<DiscoverySource>,
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
                    source: DiscoverySource::Autoconfig,
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
                source: DiscoverySource::Srv,
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
                        source: DiscoverySource::Mx,
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

    let found: Vec<DiscoverySource> = findings.iter().map(|f| f.source).collect();
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
