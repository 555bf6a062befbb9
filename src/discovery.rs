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
//!
//! | module | what it does |
//! | --- | --- |
//! | `dns` | writes queries, reads answers ([`build_query`], [`parse_answer`]) |
//! | `plan` | what to fetch for an address ([`plan`]) |
//! | `mx` | MX hosts to a provider ([`match_mx_patterns`]) |
//! | `srv` | SRV records to servers ([`select_srv`]) |
//! | `decide` | the most trustworthy source ([`decide`]) |
//! | `evaluate` | fetched bytes to the answer ([`evaluate`], [`Builtin`]) |

mod decide;
mod dns;
mod evaluate;
mod mx;
mod plan;
mod srv;

use serde::Serialize;

pub use decide::{decide, Decision, DiscoverySource, Finding};
pub use dns::{
    build_query, parse_answer, query_name, Answer, DnsStatus, MxRecord, RecordType, SrvRecord,
    MAX_MESSAGE_LEN, MAX_RECORDS,
};
pub use evaluate::{evaluate, Builtin, Directory, Fetched, Found, Outcome};
pub use mx::{is_null_mx, is_within, match_mx_patterns, preferred_mx_hosts, MxMatch};
pub use plan::{plan, Plan, PlannedQuery};
pub use srv::{select_srv, RejectedTarget, SrvLookup, SrvOutcome, SrvService};

/// A note or problem with a stable code and a sentence in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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
    pub(crate) fn new(code: &str, message: String) -> Self {
        Note {
            code: code.to_owned(),
            message,
            step: None,
        }
    }

    pub(crate) fn problem(step: &str, code: &str, message: String) -> Self {
        Note {
            code: code.to_owned(),
            message,
            step: Some(step.to_owned()),
        }
    }
}
