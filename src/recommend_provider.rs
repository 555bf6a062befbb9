//! The recommender for a known provider: when [`Needs::email`] matches a
//! record of [`crate::providers`], the generic answer of
//! [`crate::recommend::recommend`] is mapped onto that provider's own servers,
//! with their host names, and onto only what the provider offers.
//!
//! - Reading: the protocol the generic answer prefers for the needs (IMAP, or
//!   POP3 for one offline device), from the provider's best open server of
//!   that protocol (its lists are sorted best first; a server on a blocked
//!   port is not open). A provider without that protocol gives the other,
//!   with the reason `provider-pop3-only` or `provider-imap-only`. An
//!   Exchange choice stays when the needs asked for Exchange.
//! - Sending: the provider's best open SMTP server, never one on port 25
//!   unless the provider lists nothing else (then `provider-port-25-only`).
//!   A provider with a single submission port other than 465 adds
//!   `provider-one-submission-port`.
//! - A server without TLS is chosen only when the provider has nothing
//!   better open, with the warning `provider-no-tls`.
//! - When every open server is blocked, webmail over HTTPS stands in, as in
//!   the generic answer.
//! - Alternatives are the provider's other open servers with TLS (reading,
//!   then sending); POP3 ones only where the generic answer would offer POP3.
//! - A provider without IMAP or POP3 for mail apps (status `no-mail-app`)
//!   gets no connection at all, only the warning `provider-no-mail-app`.
//! - Each of the provider's requirements becomes a warning with the
//!   requirement's code and an empty `rfc` (no RFC applies).

use serde::Serialize;

use crate::ports::Security;
use crate::providers::{ProviderMatch, ProviderStatus};
use crate::recommend::{
    explain, reason, Choice, ClientProtocol, Needs, Plan, Reason, Recommendation, WEBMAIL,
};
use crate::settings::{MailProtocol, Server};

/// The provider an answer is for, as [`Recommendation::provider`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderRef {
    /// The record's id, e.g. `"googlemail.com"`.
    pub id: String,
    /// The provider's name.
    pub name: String,
    /// The domain that matched (ASCII, lower case).
    pub domain: String,
    /// What a mail app needs to work with the provider.
    pub status: ProviderStatus,
}

pub(crate) const PROVIDER_IMAP_ONLY: Reason = reason("provider-imap-only", "RFC 9051");
pub(crate) const PROVIDER_NO_MAIL_APP: Reason = reason("provider-no-mail-app", "RFC 9051");
pub(crate) const PROVIDER_NO_TLS: Reason = reason("provider-no-tls", "RFC 8314 §4.1");
pub(crate) const PROVIDER_ONE_SUBMISSION_PORT: Reason =
    reason("provider-one-submission-port", "RFC 8314 §3.3");
pub(crate) const PROVIDER_POP3_ONLY: Reason = reason("provider-pop3-only", "RFC 1939");
pub(crate) const PROVIDER_PORT_25_ONLY: Reason = reason("provider-port-25-only", "RFC 8314 §3.3");
pub(crate) const PROVIDER_SUBMISSION_BLOCKED: Reason =
    reason("provider-submission-blocked", "RFC 6409 §1");

/// What a known provider adds to the reasoning of [`explain`].
#[derive(Debug, Default)]
pub(crate) struct Facts {
    /// Why reading uses another protocol than the needs suggest.
    pub(crate) incoming_reason: Option<Reason>,
    /// Why sending uses the port it does.
    pub(crate) outgoing_reason: Option<Reason>,
    /// The outgoing choice comes from the provider's SMTP servers (or
    /// webmail stands in for them); `false` when the answer kept Exchange or
    /// the provider lists no SMTP server.
    pub(crate) provider_outgoing: bool,
    /// The provider lists port 25 only for sending.
    pub(crate) port_25_only: bool,
    /// Protocols whose implicit-TLS servers at the provider are all blocked.
    pub(crate) implicit_blocked: Vec<ClientProtocol>,
    /// The provider's requirements as warnings, given first.
    pub(crate) warnings: Vec<Reason>,
}

fn client_protocol(p: MailProtocol) -> ClientProtocol {
    match p {
        MailProtocol::Imap => ClientProtocol::Imap,
        MailProtocol::Pop3 => ClientProtocol::Pop3,
        MailProtocol::Smtp => ClientProtocol::Smtp,
    }
}

fn choice(s: &Server) -> Choice {
    Choice {
        protocol: client_protocol(s.protocol),
        port: s.port,
        security: s.security,
        host: Some(s.hostname.clone()),
    }
}

/// The servers of `list` speaking one of `protocols`, in that order, those
/// with TLS before those without (each group keeps the provider's order).
fn ranked<'a>(list: &'a [Server], protocols: &[MailProtocol]) -> Vec<&'a Server> {
    let of = |p: MailProtocol| list.iter().filter(move |s| s.protocol == p);
    let all = protocols.iter().flat_map(|&p| of(p));
    let (mut tls, plain): (Vec<&Server>, Vec<&Server>) = all.partition(|s| s.security.uses_tls());
    tls.extend(plain);
    tls
}

/// The choice: `kept` when given, else the first open server of `ranked`,
/// else webmail where port 443 is open. The alternatives: the other open
/// servers with TLS.
fn choose(
    needs: &Needs,
    ranked: &[&Server],
    kept: Option<&Choice>,
) -> (Option<Choice>, Vec<Choice>) {
    let mut open = ranked
        .iter()
        .filter(|s| !needs.blocked_ports.contains(&s.port))
        .map(|s| choice(s));
    let chosen = match kept {
        Some(c) => Some(c.clone()),
        None => open
            .next()
            .or_else(|| needs.is_open(&WEBMAIL).then_some(WEBMAIL)),
    };
    (chosen, open.filter(|c| c.security.uses_tls()).collect())
}

/// The answer for `needs` at provider `m`, from the generic `plan`.
pub(crate) fn recommend(needs: &Needs, m: &ProviderMatch, plan: Plan) -> Recommendation {
    let provider = ProviderRef {
        id: m.id.clone(),
        name: m.name.clone(),
        domain: m.domain.clone(),
        status: m.status,
    };
    let mut facts = Facts {
        warnings: m
            .requirements
            .iter()
            .map(|r| Reason {
                code: r.code(),
                rfc: "",
            })
            .collect(),
        ..Facts::default()
    };
    if m.status == ProviderStatus::NoMailApp {
        let mut warnings = vec![PROVIDER_NO_MAIL_APP];
        warnings.extend(facts.warnings);
        return Recommendation {
            incoming: None,
            outgoing: None,
            alternatives: Vec::new(),
            reasons: Vec::new(),
            warnings,
            provider: Some(provider),
        };
    }
    // The generic answer's Exchange choices stay (it makes them only when
    // the needs ask for Exchange and port 443 is open).
    let exchange =
        |c: &Option<Choice>| c.clone().filter(|c| c.protocol == ClientProtocol::Exchange);

    // Reading: the protocols to try, in order.
    let single = needs.devices == Some(1);
    let pop3_ok = single && !needs.push;
    let pop3_first = pop3_ok && (needs.offline || needs.small_quota);
    let (wanted, other) = if pop3_first {
        (MailProtocol::Pop3, MailProtocol::Imap)
    } else {
        (MailProtocol::Imap, MailProtocol::Pop3)
    };
    let offers = |p: MailProtocol| m.incoming.iter().any(|s| s.protocol == p);
    let protocols: &[MailProtocol] = if !offers(wanted) {
        facts.incoming_reason = Some(match wanted {
            MailProtocol::Imap => PROVIDER_POP3_ONLY,
            _ => PROVIDER_IMAP_ONLY,
        });
        &[other]
    } else if other == MailProtocol::Imap || pop3_ok {
        &[wanted, other]
    } else {
        &[wanted]
    };
    let kept = exchange(&plan.incoming);
    if kept.is_some() {
        facts.incoming_reason = None;
    }
    let (incoming, mut alternatives) =
        choose(needs, &ranked(&m.incoming, protocols), kept.as_ref());

    // Sending: never port 25 while the provider lists another port.
    let smtp = &m.outgoing;
    let sends = needs.sends != Some(false);
    facts.port_25_only = sends && !smtp.is_empty() && smtp.iter().all(|s| s.port == 25);
    let usable: Vec<&Server> = ranked(smtp, &[MailProtocol::Smtp])
        .into_iter()
        .filter(|s| facts.port_25_only || s.port != 25)
        .collect();
    let kept = exchange(&plan.outgoing);
    let outgoing = if !sends {
        None
    } else if smtp.is_empty() && kept.is_none() {
        // No SMTP server in the data: the generic choice, without a host.
        let generic = plan
            .alternatives
            .iter()
            .filter(|c| c.protocol == ClientProtocol::Smtp);
        alternatives.extend(generic.cloned());
        plan.outgoing
    } else {
        let (outgoing, others) = choose(needs, &usable, kept.as_ref());
        alternatives.extend(others);
        facts.provider_outgoing = kept.is_none();
        let one_port = smtp.iter().all(|s| s.port == smtp[0].port);
        let port = outgoing
            .as_ref()
            .filter(|c| c.host.is_some())
            .map(|c| c.port);
        if facts.provider_outgoing && one_port && port.is_some_and(|p| p != 465 && p != 25) {
            facts.outgoing_reason = Some(PROVIDER_ONE_SUBMISSION_PORT);
        }
        outgoing
    };

    for protocol in [MailProtocol::Imap, MailProtocol::Pop3, MailProtocol::Smtp] {
        let mut implicit = m
            .incoming
            .iter()
            .chain(smtp)
            .filter(|s| s.protocol == protocol && s.security == Security::ImplicitTls)
            .peekable();
        if implicit.peek().is_some() && implicit.all(|s| needs.blocked_ports.contains(&s.port)) {
            facts.implicit_blocked.push(client_protocol(protocol));
        }
    }

    // A provider may list a server twice (e.g. from two sources).
    let mut unique: Vec<Choice> = Vec::new();
    for c in alternatives {
        if Some(&c) != incoming.as_ref() && Some(&c) != outgoing.as_ref() && !unique.contains(&c) {
            unique.push(c);
        }
    }
    let plan = Plan {
        incoming,
        outgoing,
        alternatives: unique,
    };
    let mut rec = explain(needs, plan, Some(&facts));
    rec.provider = Some(provider);
    rec
}
