//! The protocol recommender: from a few questions about how someone uses
//! mail to the incoming and outgoing connection they should set up, with the
//! reasons and warnings behind the choice.
//!
//! The rules follow RFC 8314 ("Cleartext Considered Obsolete"): implicit TLS
//! first (993 or 995 for reading, 465 for sending), the STARTTLS port with
//! STARTTLS *required* as the alternative, never port 25 from a client. IMAP
//! is chosen whenever mail is read on several devices or push is wanted;
//! POP3 only for a single device that needs its mail offline or has a small
//! server quota, with the warning that the copy on the device is then the
//! only one.
//!
//! Every reason and warning comes from one catalogue, [`REASONS`], sorted by
//! its stable kebab-case `code`, so a front end can translate by code. The
//! one exception: with an address of a known provider ([`Needs::email`]),
//! the answer names the provider's own servers (see `src/recommend_provider.rs`)
//! and each of the provider's requirements becomes a warning whose code is
//! the requirement code (e.g. `app-password`), whose message is its text, and
//! whose `rfc` is empty, because no RFC applies.
//!
//! ```
//! use mailports::recommend::{recommend, ClientProtocol, Needs};
//!
//! let needs = Needs { devices: Some(3), sends: Some(true), ..Needs::default() };
//! let rec = recommend(&needs).unwrap();
//! let incoming = rec.incoming.unwrap();
//! assert_eq!((incoming.protocol, incoming.port), (ClientProtocol::Imap, 993));
//! assert_eq!(rec.outgoing.unwrap().port, 465);
//! assert!(rec.alternatives.iter().any(|c| c.port == 587));
//! assert!(rec.reasons.iter().any(|r| r.code == "imap-multi-device"));
//! ```

use serde::Serialize;

use crate::ports::Security;
use crate::recommend_provider::{self as provider, Facts};
use crate::Result;

pub use crate::needs::Needs;
pub use crate::recommend_provider::ProviderRef;

/// The most devices a [`Needs`] may name. Anything above is treated as a
/// mistake rather than a real answer.
pub const MAX_DEVICES: u32 = 1000;

/// How a recommended connection is made. Wider than the port registry's
/// protocols: Exchange, JMAP and webmail all run over HTTPS on 443.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClientProtocol {
    /// IMAP: mail stays on the server and syncs to every device.
    Imap,
    /// POP3: mail is downloaded to one device.
    Pop3,
    /// SMTP message submission (sending).
    Smtp,
    /// JMAP over HTTPS, where the provider offers it (RFC 8620, RFC 8621).
    Jmap,
    /// Exchange's own protocols (ActiveSync, EWS, MAPI over HTTP) over HTTPS,
    /// found through Autodiscover.
    Exchange,
    /// The provider's webmail in a browser.
    Webmail,
}

/// One connection to set up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Choice {
    /// The protocol to select in the client.
    pub protocol: ClientProtocol,
    /// The TCP port.
    pub port: u16,
    /// The TLS mode; it must match the port.
    pub security: Security,
    /// The server host name, when known: set from the provider data when
    /// [`Needs::email`] names a known provider, `None` otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
}

impl Choice {
    const fn new(protocol: ClientProtocol, port: u16, security: Security) -> Choice {
        Choice {
            protocol,
            port,
            security,
            host: None,
        }
    }
}

const IMAPS: Choice = Choice::new(ClientProtocol::Imap, 993, Security::ImplicitTls);
const IMAP: Choice = Choice::new(ClientProtocol::Imap, 143, Security::Starttls);
const POP3S: Choice = Choice::new(ClientProtocol::Pop3, 995, Security::ImplicitTls);
const POP3: Choice = Choice::new(ClientProtocol::Pop3, 110, Security::Starttls);
const SUBMISSIONS: Choice = Choice::new(ClientProtocol::Smtp, 465, Security::ImplicitTls);
const SUBMISSION: Choice = Choice::new(ClientProtocol::Smtp, 587, Security::Starttls);
const ALTERNATE_2525: Choice = Choice::new(ClientProtocol::Smtp, 2525, Security::Starttls);
const EXCHANGE: Choice = Choice::new(ClientProtocol::Exchange, 443, Security::ImplicitTls);
const JMAP: Choice = Choice::new(ClientProtocol::Jmap, 443, Security::ImplicitTls);
pub(crate) const WEBMAIL: Choice = Choice::new(ClientProtocol::Webmail, 443, Security::ImplicitTls);

/// One entry of the reason catalogue: why a choice was made, or what to
/// watch out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    /// Stable kebab-case code. The sentence for it is in each locale
    /// (`www/src/locales/`, English included), keyed by this code.
    pub code: &'static str,
    /// The specification it rests on: `RFC <n>` with an optional ` §<section>`,
    /// or a Microsoft open specification name such as `MS-OXDISCO` for facts
    /// that only Microsoft documents. Every [`REASONS`] entry has one; it is
    /// empty (no RFC applies) only for a provider's requirement given as a
    /// warning.
    pub rfc: &'static str,
}

pub(crate) const fn reason(code: &'static str, rfc: &'static str) -> Reason {
    Reason { code, rfc }
}

const ACCESS_BLOCKED: Reason = reason("access-blocked", "RFC 9110");
const ALTERNATE_PORT_PROVIDER_ONLY: Reason =
    reason("alternate-port-provider-only", "RFC 8314 §5.2");
const EXCHANGE_NATIVE: Reason = reason("exchange-native", "MS-OXDISCO");
const EXCHANGE_OAUTH: Reason = reason("exchange-oauth", "RFC 6749");
const HTTPS_BLOCKED: Reason = reason("https-blocked", "RFC 9110");
const IMAP_DEFAULT: Reason = reason("imap-default", "RFC 9051");
const IMAP_MULTI_DEVICE: Reason = reason("imap-multi-device", "RFC 9051");
const IMAP_OFFLINE_CACHE: Reason = reason("imap-offline-cache", "RFC 4549");
const IMAP_PUSH: Reason = reason("imap-push", "RFC 2177");
const IMAP_QUOTA: Reason = reason("imap-quota", "RFC 9208");
const IMPLICIT_TLS_BLOCKED: Reason = reason("implicit-tls-blocked", "RFC 8314 §3");
const IMPLICIT_TLS_FIRST: Reason = reason("implicit-tls-first", "RFC 8314 §3");
const JMAP_IF_OFFERED: Reason = reason("jmap-if-offered", "RFC 8620");
const NEVER_PORT_25: Reason = reason("never-port-25", "RFC 6409 §3.1");
const NO_ACCESS_PORT: Reason = reason("no-access-port", "RFC 8314 §3");
const NO_SUBMISSION_PORT: Reason = reason("no-submission-port", "RFC 6409 §1");
const POP3_LOCAL_COPY: Reason = reason("pop3-local-copy", "RFC 1939 §1");
const POP3_NO_FOLDERS: Reason = reason("pop3-no-folders", "RFC 1939 §8");
const POP3_NO_PUSH: Reason = reason("pop3-no-push", "RFC 1939 §8");
const POP3_OFFLINE: Reason = reason("pop3-offline", "RFC 1939 §1");
const POP3_SINGLE_DEVICE: Reason = reason("pop3-single-device", "RFC 1939 §8");
const POP3_SMALL_QUOTA: Reason = reason("pop3-small-quota", "RFC 1939 §8");
const PORT_25_BLOCKED_OK: Reason = reason("port-25-blocked-ok", "RFC 6409 §1");
const PORT_TLS_MISMATCH: Reason = reason("port-tls-mismatch", "RFC 8314 §3.3");
const RECEIVE_ONLY: Reason = reason("receive-only", "RFC 6409");
const STARTTLS_ON_UNTRUSTED_NETWORK: Reason =
    reason("starttls-on-untrusted-network", "RFC 8314 §3");
const STARTTLS_REQUIRED: Reason = reason("starttls-required", "RFC 8314 §3");
const SUBMISSION_AUTH: Reason = reason("submission-auth", "RFC 6409 §4.3");
const SUBMISSION_BLOCKED: Reason = reason("submission-blocked", "RFC 6409 §1");
const UNTRUSTED_NETWORK_TLS: Reason = reason("untrusted-network-tls", "RFC 8314 §5.3");

/// The reason catalogue, sorted by code (tests keep it so). Every reason or
/// warning the recommender gives is one of these entries.
pub static REASONS: &[Reason] = &[
    ACCESS_BLOCKED,
    ALTERNATE_PORT_PROVIDER_ONLY,
    EXCHANGE_NATIVE,
    EXCHANGE_OAUTH,
    HTTPS_BLOCKED,
    IMAP_DEFAULT,
    IMAP_MULTI_DEVICE,
    IMAP_OFFLINE_CACHE,
    IMAP_PUSH,
    IMAP_QUOTA,
    IMPLICIT_TLS_BLOCKED,
    IMPLICIT_TLS_FIRST,
    JMAP_IF_OFFERED,
    NEVER_PORT_25,
    NO_ACCESS_PORT,
    NO_SUBMISSION_PORT,
    POP3_LOCAL_COPY,
    POP3_NO_FOLDERS,
    POP3_NO_PUSH,
    POP3_OFFLINE,
    POP3_SINGLE_DEVICE,
    POP3_SMALL_QUOTA,
    PORT_25_BLOCKED_OK,
    PORT_TLS_MISMATCH,
    provider::PROVIDER_IMAP_ONLY,
    provider::PROVIDER_NO_MAIL_APP,
    provider::PROVIDER_NO_TLS,
    provider::PROVIDER_ONE_SUBMISSION_PORT,
    provider::PROVIDER_POP3_ONLY,
    provider::PROVIDER_PORT_25_ONLY,
    provider::PROVIDER_SUBMISSION_BLOCKED,
    RECEIVE_ONLY,
    STARTTLS_ON_UNTRUSTED_NETWORK,
    STARTTLS_REQUIRED,
    SUBMISSION_AUTH,
    SUBMISSION_BLOCKED,
    UNTRUSTED_NETWORK_TLS,
];

/// The catalogue entry for `code`, if there is one.
///
/// ```
/// let r = mailports::recommend::reason_for("never-port-25").unwrap();
/// assert_eq!(r.rfc, "RFC 6409 §3.1");
/// assert!(mailports::recommend::reason_for("no-such-code").is_none());
/// ```
pub fn reason_for(code: &str) -> Option<&'static Reason> {
    REASONS
        .binary_search_by(|r| r.code.cmp(code))
        .ok()
        .and_then(|i| REASONS.get(i))
}

/// Every reason code, sorted.
///
/// ```
/// assert!(mailports::recommend::reason_codes().any(|c| c == "pop3-local-copy"));
/// ```
pub fn reason_codes() -> impl Iterator<Item = &'static str> {
    REASONS.iter().map(|r| r.code)
}

/// The answer: what to set up, what else would work, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    /// How to read mail; `None` only when every way is blocked.
    pub incoming: Option<Choice>,
    /// How to send mail; `None` when the client does not send, or when every
    /// way is blocked.
    pub outgoing: Option<Choice>,
    /// Other set-ups that would also work, best first (incoming ones, then
    /// outgoing ones).
    pub alternatives: Vec<Choice>,
    /// Why these choices were made.
    pub reasons: Vec<Reason>,
    /// What to watch out for.
    pub warnings: Vec<Reason>,
    /// The provider whose servers the answer names, when [`Needs::email`]
    /// matched one; `None` (JS `null`) otherwise.
    pub provider: Option<ProviderRef>,
}

/// Collects reasons and warnings without duplicates, in the order given.
#[derive(Default)]
struct Notes {
    reasons: Vec<Reason>,
    warnings: Vec<Reason>,
}

impl Notes {
    fn reason(&mut self, r: Reason) {
        if !self.reasons.contains(&r) {
            self.reasons.push(r);
        }
    }
    fn warn(&mut self, r: Reason) {
        if !self.warnings.contains(&r) {
            self.warnings.push(r);
        }
    }
}

/// The first open entry of `order`, and the open entries of `alternatives`
/// other than that one.
fn pick(needs: &Needs, order: &[Choice], alternatives: &[Choice]) -> (Option<Choice>, Vec<Choice>) {
    let chosen = order.iter().find(|c| needs.is_open(c)).cloned();
    let rest = alternatives
        .iter()
        .filter(|c| needs.is_open(c) && Some(*c) != chosen.as_ref())
        .cloned()
        .collect();
    (chosen, rest)
}

/// The implicit-TLS port that a STARTTLS choice stands in for.
fn implicit_sibling(choice: &Choice) -> Option<Choice> {
    match (choice.protocol, choice.security) {
        (ClientProtocol::Imap, Security::Starttls) => Some(IMAPS),
        (ClientProtocol::Pop3, Security::Starttls) => Some(POP3S),
        (ClientProtocol::Smtp, Security::Starttls) => Some(SUBMISSIONS),
        _ => None,
    }
}

/// Recommends how to set up a mail client for `needs`.
///
/// Fails with [`Error::InvalidArgument`](crate::Error::InvalidArgument) when `needs` holds impossible
/// values (see [`Needs::validate`]), and with the address errors of
/// [`crate::providers::lookup`] (`invalid-address`, `invalid-domain`, …)
/// when [`Needs::email`] is not an address; otherwise always answers.
///
/// ```
/// use mailports::recommend::{recommend, ClientProtocol, Needs};
///
/// let needs = Needs { devices: Some(1), offline: true, small_quota: true, ..Needs::default() };
/// let rec = recommend(&needs).unwrap();
/// let incoming = rec.incoming.unwrap();
/// assert_eq!((incoming.protocol, incoming.port), (ClientProtocol::Pop3, 995));
/// assert!(rec.warnings.iter().any(|w| w.code == "pop3-local-copy"));
///
/// let blocked = Needs { blocked_ports: vec![465], ..Needs::default() };
/// assert_eq!(recommend(&blocked).unwrap().outgoing.unwrap().port, 587);
///
/// let gmail = Needs { email: Some("ann@gmail.com".into()), ..Needs::default() };
/// let rec = recommend(&gmail).unwrap();
/// assert_eq!(rec.incoming.unwrap().host.as_deref(), Some("imap.gmail.com"));
/// assert_eq!(rec.provider.unwrap().domain, "gmail.com");
/// ```
pub fn recommend(needs: &Needs) -> Result<Recommendation> {
    needs.validate()?;
    let found = match needs.email.as_deref() {
        Some(email) => crate::providers::lookup(email)?,
        None => None,
    };
    let plan = generic_plan(needs);
    Ok(match found {
        Some(m) => provider::recommend(needs, &m, plan),
        None => explain(needs, plan, None),
    })
}

/// What to set up, before the reasons are worked out.
pub(crate) struct Plan {
    pub(crate) incoming: Option<Choice>,
    pub(crate) outgoing: Option<Choice>,
    pub(crate) alternatives: Vec<Choice>,
}

/// The answer for `needs` from the standard ports alone, without host names.
fn generic_plan(needs: &Needs) -> Plan {
    let single = needs.devices == Some(1);
    let multi = needs.devices.is_some_and(|d| d > 1);
    let local_need = needs.offline || needs.small_quota;
    let pop3_fits = single && local_need && !needs.push;
    let exchange = needs.exchange && needs.is_open(&EXCHANGE);
    let sends = needs.sends.unwrap_or(true);

    // Incoming: an ordered list of what to try, and what to offer besides.
    let (incoming, mut alternatives) = if exchange {
        pick(needs, &[EXCHANGE, IMAPS, IMAP], &[IMAPS, IMAP])
    } else if pop3_fits {
        pick(
            needs,
            &[POP3S, POP3, IMAPS, IMAP, WEBMAIL],
            &[POP3S, POP3, IMAPS],
        )
    } else {
        let pop3_ok = single && !needs.push;
        let mut order = vec![IMAPS, IMAP];
        let mut alts = vec![IMAPS, IMAP];
        if pop3_ok {
            order.extend([POP3S, POP3]);
            alts.push(POP3S);
        }
        order.push(WEBMAIL);
        if multi || needs.push {
            alts.push(JMAP);
        }
        pick(needs, &order, &alts)
    };

    // Outgoing.
    let (outgoing, outgoing_alternatives) = if !sends {
        (None, Vec::new())
    } else if exchange {
        pick(needs, &[EXCHANGE, SUBMISSION, SUBMISSIONS], &[SUBMISSION])
    } else {
        let standard_blocked = !needs.is_open(&SUBMISSIONS) && !needs.is_open(&SUBMISSION);
        let mut alts = vec![SUBMISSIONS, SUBMISSION];
        if standard_blocked {
            alts.push(ALTERNATE_2525);
        }
        pick(
            needs,
            &[SUBMISSIONS, SUBMISSION, WEBMAIL, ALTERNATE_2525],
            &alts,
        )
    };
    for alt in outgoing_alternatives {
        if !alternatives.contains(&alt) {
            alternatives.push(alt);
        }
    }
    Plan {
        incoming,
        outgoing,
        alternatives,
    }
}

/// Works out the reasons and warnings for `plan`. `facts` is what a known
/// provider adds (see `src/recommend_provider.rs`); `None` for the generic
/// answer.
pub(crate) fn explain(needs: &Needs, plan: Plan, facts: Option<&Facts>) -> Recommendation {
    let Plan {
        incoming,
        outgoing,
        alternatives,
    } = plan;
    let single = needs.devices == Some(1);
    let multi = needs.devices.is_some_and(|d| d > 1);
    let local_need = needs.offline || needs.small_quota;
    let exchange = needs.exchange && needs.is_open(&EXCHANGE);
    let sends = needs.sends.unwrap_or(true);

    let mut notes = Notes::default();
    for w in facts.iter().flat_map(|f| &f.warnings) {
        notes.warn(*w);
    }

    // Why this way of reading mail.
    if let Some(r) = facts.and_then(|f| f.incoming_reason) {
        notes.reason(r);
    }
    match incoming.as_ref().map(|c| c.protocol) {
        Some(ClientProtocol::Exchange) => notes.reason(EXCHANGE_NATIVE),
        Some(ClientProtocol::Imap) => {
            if needs.push {
                notes.reason(IMAP_PUSH);
            }
            if multi {
                notes.reason(IMAP_MULTI_DEVICE);
            }
            if !needs.push && !multi {
                notes.reason(IMAP_DEFAULT);
            }
            if single && local_need && needs.push {
                notes.reason(POP3_NO_PUSH);
            }
            if needs.offline {
                notes.reason(IMAP_OFFLINE_CACHE);
            }
            if needs.small_quota {
                notes.reason(IMAP_QUOTA);
            }
        }
        Some(ClientProtocol::Pop3) => {
            // Only a POP3-only provider gives POP3 to several devices.
            if single {
                notes.reason(POP3_SINGLE_DEVICE);
            }
            if needs.offline {
                notes.reason(POP3_OFFLINE);
            }
            if needs.small_quota {
                notes.reason(POP3_SMALL_QUOTA);
            }
            notes.warn(POP3_LOCAL_COPY);
            notes.warn(POP3_NO_FOLDERS);
        }
        Some(_) => notes.warn(ACCESS_BLOCKED),
        None => notes.warn(NO_ACCESS_PORT),
    }
    if needs.exchange && !exchange {
        notes.warn(HTTPS_BLOCKED);
    }

    // Sending. `provider_out`: the outgoing choice is from the provider's
    // own SMTP servers (or stands in for them, when they are all blocked).
    let provider_out = facts.filter(|f| f.provider_outgoing);
    let port_25_only = provider_out.is_some_and(|f| f.port_25_only);
    if sends {
        match outgoing.as_ref() {
            Some(c) if c.protocol == ClientProtocol::Smtp => {
                if let Some(r) = provider_out.and_then(|f| f.outgoing_reason) {
                    notes.reason(r);
                }
                if provider_out.is_none() && c.port == ALTERNATE_2525.port {
                    notes.warn(SUBMISSION_BLOCKED);
                }
                notes.reason(SUBMISSION_AUTH);
            }
            Some(c) if c.protocol == ClientProtocol::Webmail => notes.warn(match provider_out {
                Some(_) => provider::PROVIDER_SUBMISSION_BLOCKED,
                None => SUBMISSION_BLOCKED,
            }),
            Some(_) => {}
            None => notes.warn(NO_SUBMISSION_PORT),
        }
        if port_25_only {
            // Port 25 is all the provider lists: say so instead of "never".
            notes.warn(provider::PROVIDER_PORT_25_ONLY);
        } else {
            notes.reason(NEVER_PORT_25);
            if needs.blocked_ports.contains(&25) {
                notes.reason(PORT_25_BLOCKED_OK);
            }
        }
    } else {
        notes.reason(RECEIVE_ONLY);
    }

    // TLS: the chosen connections first, then the alternatives.
    let chosen: Vec<&Choice> = incoming.iter().chain(outgoing.iter()).collect();
    for c in &chosen {
        match c.security {
            Security::ImplicitTls => notes.reason(IMPLICIT_TLS_FIRST),
            Security::Starttls => {
                // A provider's server: whether the provider's own
                // implicit-TLS servers are blocked; otherwise the standard port.
                let implicit_blocked = match facts {
                    Some(f) if c.host.is_some() => f.implicit_blocked.contains(&c.protocol),
                    _ => implicit_sibling(c).is_some_and(|s| !needs.is_open(&s)),
                };
                if implicit_blocked {
                    notes.warn(IMPLICIT_TLS_BLOCKED);
                }
                notes.reason(STARTTLS_REQUIRED);
            }
            // Only a provider's server can be without TLS.
            Security::Plaintext => notes.warn(provider::PROVIDER_NO_TLS),
        }
    }
    let everything = || chosen.iter().copied().chain(alternatives.iter());
    if everything().any(|c| c.security == Security::Starttls) {
        notes.reason(STARTTLS_REQUIRED);
    }
    let mail_port = |c: &&Choice| {
        matches!(
            c.protocol,
            ClientProtocol::Imap | ClientProtocol::Pop3 | ClientProtocol::Smtp
        )
    };
    let has_mode = |mode: Security| everything().filter(mail_port).any(|c| c.security == mode);
    if has_mode(Security::ImplicitTls) && has_mode(Security::Starttls) {
        notes.warn(PORT_TLS_MISMATCH);
    }
    if alternatives.contains(&JMAP) {
        notes.reason(JMAP_IF_OFFERED);
    }
    if everything().any(|c| c.port == ALTERNATE_2525.port) {
        notes.warn(ALTERNATE_PORT_PROVIDER_ONLY);
    }
    if needs.exchange && everything().any(|c| mail_port(&c)) {
        notes.warn(EXCHANGE_OAUTH);
    }
    if needs.untrusted_network {
        notes.reason(UNTRUSTED_NETWORK_TLS);
        if chosen.iter().any(|c| c.security == Security::Starttls) {
            notes.warn(STARTTLS_ON_UNTRUSTED_NETWORK);
        }
    }

    Recommendation {
        incoming,
        outgoing,
        alternatives,
        reasons: notes.reasons,
        warnings: notes.warnings,
        provider: None,
    }
}
