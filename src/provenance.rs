//! Where a provider's facts come from and when they were last checked.
//!
//! Every answer of [`crate::providers::lookup`] names its sources, best
//! first: the project's reviewed layer (`data/reviewed/`, checked against the
//! provider's own help pages), then the upstream databases it was imported
//! from, each with the date of the snapshot used. Where two sources disagree
//! on a server, the preferred one is in the answer's server lists and the
//! other is kept as an [`Alternative`] with its source.
//!
//! ```
//! use mailports::provenance::{newest, Source, SourceRef};
//!
//! let ispdb = SourceRef { name: Source::Ispdb, url: None, checked: Some("2026-03-12".into()), second_hand: false };
//! let reviewed = SourceRef { checked: Some("2026-12-03".into()), name: Source::Reviewed, ..ispdb.clone() };
//! assert_eq!(newest(&[ispdb, reviewed]), Some("2026-12-03".to_string()));
//! assert!(Source::Reviewed < Source::Ispdb); // declaration order is preference order
//! ```

use serde::Serialize;

use crate::settings::Server;

pub use crate::codes::Source;

/// One source of a provider's facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SourceRef {
    /// Which source.
    pub name: Source,
    /// The page the facts were checked against (reviewed sources only). The
    /// data files carry it; answers from the compiled table do not, to keep
    /// the wasm small (the pages are listed in `data/reviewed/`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When: `YYYY-MM-DD`, the day of the check, or the date of the upstream
    /// snapshot the data was imported from.
    pub checked: Option<String>,
    /// The page is not the provider's own (a mail client's or a university's
    /// help page), used where the provider's own could not be found.
    #[serde(skip_serializing_if = "core::ops::Not::not")]
    pub second_hand: bool,
}

/// A server that a less preferred source gives, where it disagrees with the
/// preferred one (another host, port or TLS mode), or that only it lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alternative {
    /// The server.
    pub server: Server,
    /// Which source gives it.
    pub source: Source,
}

/// The newest `checked` date among `sources` (dates compare as text).
pub fn newest(sources: &[SourceRef]) -> Option<String> {
    let mut best: Option<&String> = None;
    for s in sources {
        if let Some(c) = &s.checked {
            if best.map_or(true, |b| c > b) {
                best = Some(c);
            }
        }
    }
    best.cloned()
}
