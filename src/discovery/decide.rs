//! Choosing between the sources that had settings: the most trustworthy one
//! wins, and plaintext servers give way to TLS ones.
//!
//! ```
//! use mailports::discovery::{decide, DiscoverySource};
//! assert!(DiscoverySource::Database < DiscoverySource::Mx); // most trusted first
//! assert_eq!(decide(vec![]).source, None);
//! ```

use serde::Serialize;

use super::Note;
use crate::ports::Security;
use crate::settings::{MailProtocol, Server};

/// Where a discovered answer came from, most trustworthy first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DiscoverySource {
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Where it came from.
    pub source: DiscoverySource,
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
    pub source: Option<DiscoverySource>,
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
/// use mailports::discovery::{decide, Finding, DiscoverySource};
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
        DiscoverySource::Database => Note::new(
            "found-in-database",
            format!("these are {who}'s settings from the mailports provider database"),
        ),
        DiscoverySource::Autoconfig => Note::new(
            "found-by-autoconfig",
            format!("these settings come from the domain's own configuration file ({detail})"),
        ),
        DiscoverySource::Srv => Note::new(
            "found-by-srv",
            "these settings come from the domain's SRV records in DNS (RFC 6186)".into(),
        ),
        DiscoverySource::Mx => Note::new(
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
