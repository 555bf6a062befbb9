//! What discovery fetches for one typed address or domain: the DNS questions
//! and the autoconfig URLs, worked out before anything is fetched.
//!
//! ```
//! let p = mailports::discovery::plan("jane@example.com").unwrap();
//! assert_eq!(p.username, "jane@example.com");
//! ```

use serde::Serialize;

use super::{query_name, RecordType, SrvService};
use crate::placeholders;
use crate::Result;

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
