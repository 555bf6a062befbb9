//! The records an embedding page registers at run time ([`register`]): kept
//! in memory, searched before the built-in table, newest first.
//!
//! ```
//! assert!(!mailports::providers::unregister("never-registered"));
//! ```

use std::sync::{PoisonError, RwLock};

use super::types::count;
use super::validate::{invalid, validate};
use super::{
    ProviderMatch, ProviderRecord, ProviderStatus, ProviderSummary, Requirement, Source, SourceRef,
};
use crate::settings::Server;
use crate::Result;

/// A validated record: what [`register`] keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Custom {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) requirements: Vec<Requirement>,
    pub(super) domains: Vec<String>,
    pub(super) mx: Vec<String>,
    pub(super) incoming: Vec<Server>,
    pub(super) outgoing: Vec<Server>,
}

impl Custom {
    fn summary(&self) -> ProviderSummary {
        ProviderSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            status: ProviderStatus::derive(&self.requirements, &self.incoming),
            requirements: self.requirements.clone(),
            domains: self.domains.clone(),
            mx: self.mx.clone(),
            incoming: count(&self.incoming),
            outgoing: count(&self.outgoing),
            sources: vec![Source::Custom],
            checked: None,
        }
    }

    /// The match for `domain`, placeholders not yet filled in.
    fn to_match(&self, domain: &str) -> ProviderMatch {
        ProviderMatch {
            id: self.id.clone(),
            name: self.name.clone(),
            domain: domain.to_owned(),
            status: ProviderStatus::derive(&self.requirements, &self.incoming),
            requirements: self.requirements.clone(),
            incoming: self.incoming.clone(),
            outgoing: self.outgoing.clone(),
            alternatives: Vec::new(),
            sources: vec![SourceRef {
                name: Source::Custom,
                url: None,
                checked: None,
                second_hand: false,
            }],
            checked: None,
        }
    }
}

/// The most records a page may register.
pub const MAX_REGISTERED: usize = 64;

/// Registered records, oldest first. A plain `RwLock` in a static: it works on
/// single-threaded wasm too, and a poisoned lock is used as it is (the data is
/// only ever replaced whole, so it cannot be half-written).
static REGISTERED: RwLock<Vec<Custom>> = RwLock::new(Vec::new());

/// Registers a provider record. It replaces an earlier registration with the
/// same id, and takes precedence over built-in records (and earlier
/// registrations) for its domains. Returns the record as it was stored.
///
/// Errors: [`Error::InvalidProvider`](crate::Error::InvalidProvider) naming the bad field.
///
/// ```
/// use mailports::providers::{lookup, register, unregister, ProviderRecord, ServerRecord};
///
/// let server = |protocol: &str, host: &str, port: f64, security: &str| ServerRecord {
///     protocol: protocol.into(),
///     hostname: host.into(),
///     port,
///     security: security.into(),
///     ..Default::default()
/// };
/// let record = ProviderRecord {
///     id: "example-isp".into(),
///     name: "Example ISP".into(),
///     domains: vec!["example-isp.test".into()],
///     incoming: vec![server("imap", "imap.example-isp.test", 993.0, "implicit-tls")],
///     outgoing: vec![server("smtp", "smtp.example-isp.test", 465.0, "implicit-tls")],
///     ..Default::default()
/// };
/// register(record.clone()).unwrap();
/// let m = lookup("ann@example-isp.test").unwrap().unwrap();
/// assert_eq!(m.id, "example-isp");
/// assert_eq!(m.incoming[0].username, "ann@example-isp.test");
///
/// let bad = ProviderRecord { incoming: vec![server("imap", "imap.example-isp.test", 0.0, "implicit-tls")], ..record };
/// let err = register(bad).unwrap_err();
/// assert_eq!(err.code(), "invalid-provider");
/// assert!(err.to_string().contains("incoming[0].port"));
/// assert!(unregister("example-isp"));
/// ```
pub fn register(record: ProviderRecord) -> Result<ProviderSummary> {
    let custom = validate(record)?;
    let summary = custom.summary();
    let mut list = REGISTERED.write().unwrap_or_else(PoisonError::into_inner);
    list.retain(|c| c.id != custom.id);
    if list.len() >= MAX_REGISTERED {
        return Err(invalid(
            "id",
            format!("at most {MAX_REGISTERED} providers can be registered"),
        ));
    }
    list.push(custom);
    Ok(summary)
}

/// Removes the registered record with this id; `false` when there was none.
pub fn unregister(id: &str) -> bool {
    let mut list = REGISTERED.write().unwrap_or_else(PoisonError::into_inner);
    let before = list.len();
    list.retain(|c| c.id != id);
    list.len() != before
}

/// The newest registered record for `domain`, placeholders not yet filled in.
pub(super) fn match_domain(domain: &str) -> Option<ProviderMatch> {
    let list = REGISTERED.read().unwrap_or_else(PoisonError::into_inner);
    list.iter()
        .rev()
        .find(|c| c.domains.iter().any(|d| d == domain))
        .map(|c| c.to_match(domain))
}

/// The registered record with this id, `domain` set to its first domain.
pub(super) fn by_id(id: &str) -> Option<ProviderMatch> {
    let list = REGISTERED.read().unwrap_or_else(PoisonError::into_inner);
    let c = list.iter().rev().find(|c| c.id == id)?;
    Some(c.to_match(c.domains.first().map_or("", String::as_str)))
}

/// Every registered record, newest first.
pub(super) fn summaries() -> Vec<ProviderSummary> {
    REGISTERED
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .rev()
        .map(Custom::summary)
        .collect()
}
