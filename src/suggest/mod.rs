//! "Did you mean …?" for mistyped mail domains: `gmial.com` → `gmail.com`,
//! `yahoo.cmo` → `yahoo.com`, while `company.io` or `proton.me` are left alone.
//!
//! ```
//! use mailports::suggest::{suggest_with, DomainIndex};
//!
//! let index = DomainIndex::new(["gmail.com", "yahoo.com", "hotmail.com", "outlook.com"]);
//! let s = suggest_with(&index, "Ana.Lima@gmial.com", &[]).unwrap().unwrap();
//! assert_eq!(s.full, "Ana.Lima@gmail.com");
//! assert_eq!(s.domain, "gmail.com");
//!
//! assert_eq!(suggest_with(&index, "ana@company.io", &[]).unwrap(), None);
//! assert_eq!(suggest_with(&index, "ana@gmail.com", &[]).unwrap(), None);
//! ```
//!
//! # How a suggestion is found
//!
//! A domain is split into its *name* (everything before the last dot) and
//! its top-level domain (TLD). The neighbours of a typed name within two
//! edits (insertions, deletions, substitutions and swaps of adjacent letters —
//! optimal string alignment distance) are found by one pass over the distinct
//! known names, each held with its length and the set of characters it uses
//! (one 64-bit word). Every edit changes the length by at most one and that
//! set by at most two characters, so almost every name is ruled out by two
//! integer comparisons; the distance is worked out for the few that remain.
//! The index is built once, on first use, in one pass without any hashing of
//! edit variants (about a millisecond for the built-in list; a table of every
//! name with up to two letters deleted took 20–50 ms to build and was bigger
//! than the provider data).
//!
//! A known domain is a candidate when
//!
//! * its name is within the allowed distance of the typed name: one edit
//!   for 4–5 letters, two for longer ones (up to 24; longer names are only
//!   matched exactly) — the shorter of the two names decides — and one edit
//!   less when the known domain is not in [`POPULAR`]. An edit of the
//!   first letter (`hmail`) counts only towards a [`POPULAR`] domain, and so
//!   do the only edits allowed on 3-letter names: two letters swapped
//!   (`gxm` → `gmx`) or a letter doubled or undoubled (`ggmx`, `fre`).
//!   Shorter names (`qq`, `me`) are never fuzzily matched;
//! * the typed name is not itself a known name (if it is, only domains
//!   with exactly that name are candidates); and
//! * its TLD is the typed one, or the typed TLD is a known slip for it
//!   ([`TLD_TYPOS`]: `con`, `cmo`, `nte`… — none of them a real TLD), or the
//!   names are identical and the TLDs one edit apart — towards `.com`,
//!   `.net` or `.org` when the typed TLD is a real one (`gmail.co`,
//!   `gmail.cm`), anywhere when it is not (`libero.ti` → `libero.it`). So
//!   real TLDs such as `.co`, `.cm` or `.io` are changed only when the name
//!   is a known one, and `outlook.es` never becomes `outlook.de`.
//!
//! The candidates closest to the input (name edits + one for a TLD change)
//! win; if several tie, the one that is by far the most used ([`POPULAR`],
//! four times the next) is taken, and otherwise there is no suggestion:
//! no answer is better than a wrong one. When no known domain comes close but
//! the TLD is a known slip, the TLD alone is corrected (`firma.con` →
//! `firma.com`). A domain that is itself known, an internationalised domain
//! and the input itself are never suggested.
//!
//! # Layout
//!
//! This file holds the public API and the policy above (what is plausible,
//! what a candidate costs, which one wins). The parts it works with live
//! beside it: `index` ([`DomainIndex`], its hash table and filter words),
//! `distance` ([`distance()`] and its bit-parallel form), `popular`
//! ([`POPULAR`]) and `tld` ([`TLD_TYPOS`], [`COUNTRY_TLDS`]). Everything
//! public is re-exported here, so every path is `mailports::suggest::…`.

mod distance;
mod index;
mod popular;
mod tld;

use std::sync::OnceLock;

use serde::Serialize;

use crate::email::{normalize_domain, parse_input};
use crate::error::Quoted;
use crate::{Error, Result};

pub use distance::distance;
pub use index::DomainIndex;
pub use popular::POPULAR;
pub use tld::{COUNTRY_TLDS, TLD_TYPOS};

use popular::weight;
use tld::{is_real_tld, tld_fix};

/// A corrected address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// The whole corrected input: `local@domain`, with the local part as
    /// typed, or the domain alone when only a domain was typed.
    pub full: String,
    /// The corrected domain (ASCII, lower case).
    pub domain: String,
}

/// Most edits ever allowed between a typed name and a known one.
const MAX_EDITS: usize = 2;

/// Names longer than this (in bytes) are matched exactly, not fuzzily.
const MAX_FUZZY_NAME: usize = 24;

/// How many edits are allowed for a name of `len` bytes.
fn allowed_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        6..=MAX_FUZZY_NAME => MAX_EDITS,
        _ => 0,
    }
}

/// Whether `known` (a known name) is a believable intended form of `typed`
/// (a typed name), `edits` apart; `popular` says whether the known domain is
/// in [`POPULAR`].
fn plausible(typed: &str, known: &str, edits: usize, popular: bool) -> bool {
    if edits == 0 {
        return true;
    }
    let shorter = typed.len().min(known.len());
    // A domain few people use is a less likely target than a typo of an
    // unknown but real domain (`poste.it` is not `posteo.it`): one edit less.
    let budget = allowed_edits(shorter).saturating_sub(usize::from(!popular));
    if edits <= budget {
        // A slip in the very first letter is the rarer kind; it is only
        // guessed towards a domain that many people use.
        return popular || typed.bytes().next() == known.bytes().next();
    }
    // Three-letter names get one edit only for the two commonest mechanical
    // slips, and only towards a popular domain: two letters swapped
    // (`gxm` → `gmx`) or a letter doubled or undoubled (`ggmx`, `fre`).
    popular && edits == 1 && shorter == 3 && (swapped(typed, known) || doubled(typed, known))
}

/// `a` is `b` with two adjacent letters swapped.
fn swapped(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a.get(i) != b.get(i)).collect();
    matches!(diff.as_slice(), [i, j] if *j == i + 1 && a.get(*i) == b.get(*j) && a.get(*j) == b.get(*i))
}

/// One of `a`, `b` is the other with one letter of a doubled pair removed.
fn doubled(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    let long = long.as_bytes();
    long.len() == short.len() + 1
        && long.windows(2).enumerate().any(|(i, w)| {
            w[0] == w[1]
                && long
                    .get(..i)
                    .zip(long.get(i + 1..))
                    .is_some_and(|(head, tail)| {
                        head.len() + tail.len() == short.len()
                            && short.as_bytes().starts_with(head)
                            && short.as_bytes().ends_with(tail)
                    })
        })
}

/// `("mail.example", "com")` for `"mail.example.com"`.
fn split(domain: &str) -> (&str, &str) {
    domain.rsplit_once('.').unwrap_or((domain, ""))
}

/// The known domains behind [`suggest`]: the popular mail domains and every
/// built-in domain of the provider database
/// ([`providers::domains`](crate::providers::domains)), in no set order.
/// (Duplicates are fine: the index removes them.) This is the one function
/// that decides what the global index holds.
///
/// ```
/// assert!(mailports::suggest::known_domains().any(|d| d == "gmail.com"));
/// ```
pub fn known_domains() -> impl Iterator<Item = &'static str> {
    POPULAR
        .iter()
        .map(|&(d, _)| d)
        .chain(crate::providers::domains_unsorted())
}

/// Suggests a correction of a mistyped domain in `input` (an address or a
/// bare domain), against the built-in known domains ([`known_domains`],
/// indexed once, on first use) plus `extra` (domains the embedding page
/// knows, e.g. its own). `Ok(None)` means: nothing to correct,
/// or not sure enough.
///
/// Errors: the input is not a valid address or domain (see
/// [`parse_input`]), or an entry of `extra` is not
/// a valid domain (`invalid-argument`, naming the entry).
///
/// ```
/// use mailports::suggest::suggest;
/// let s = suggest("bob@hotmial.com", &[]).unwrap().unwrap();
/// assert_eq!(s.full, "bob@hotmail.com");
/// assert_eq!(suggest("bob@hotmail.com", &[]).unwrap(), None);
/// ```
pub fn suggest(input: &str, extra: &[&str]) -> Result<Option<Suggestion>> {
    suggest_from(&[builtin_index()], input, extra)
}

/// The index of [`known_domains`], built on first use.
fn builtin_index() -> &'static DomainIndex {
    static INDEX: OnceLock<DomainIndex> = OnceLock::new();
    // The built-in domains are normalised already (a test checks it): a
    // second normalisation took most of the time of building the index.
    INDEX.get_or_init(|| DomainIndex::from_normalized(&known_domains().collect::<Vec<_>>()))
}

/// [`suggest`] with the page's domains already indexed: for a caller that
/// passes the same long list again and again (the wasm bindings keep the
/// index of the last list), so each call costs no more than with none.
///
/// ```
/// use mailports::suggest::{suggest_with_known, DomainIndex};
/// let ours = DomainIndex::new(["acmemail.com"]);
/// let s = suggest_with_known("a@acmemial.com", &ours).unwrap().unwrap();
/// assert_eq!(s.domain, "acmemail.com");
/// assert_eq!(suggest_with_known("a@gmial.com", &ours).unwrap().unwrap().domain, "gmail.com");
/// ```
pub fn suggest_with_known(input: &str, known: &DomainIndex) -> Result<Option<Suggestion>> {
    suggest_from(&[builtin_index(), known], input, &[])
}

/// A candidate: a known domain and how far it is from the input.
struct Candidate<'a> {
    domain: &'a str,
    cost: usize,
}

/// [`suggest`] against a given index (plus `extra`) instead of the built-in
/// domains.
pub fn suggest_with(
    index: &DomainIndex,
    input: &str,
    extra: &[&str],
) -> Result<Option<Suggestion>> {
    suggest_from(&[index], input, extra)
}

/// The work of [`suggest`], against several indexes plus a short list.
fn suggest_from(
    indexes: &[&DomainIndex],
    input: &str,
    extra: &[&str],
) -> Result<Option<Suggestion>> {
    let address = parse_input(input)?;
    let extra = normalize_extra(extra)?;
    let domain = address.domain.as_str();
    if indexes.iter().any(|index| index.contains(domain)) || extra.iter().any(|e| e == domain) {
        return Ok(None);
    }
    if domain.split('.').any(|label| label.starts_with("xn--")) {
        return Ok(None);
    }
    let (name, tld) = split(domain);
    let fixed_tld = tld_fix(tld);

    // Known domains whose name is close enough: (domain, name edits).
    let close = |known: &str, known_name: &str, edits: usize| {
        plausible(name, known_name, edits, weight(known) > 1)
    };
    // No name further away than this can pass `plausible`: the shorter
    // name decides, and it is at most as long as the typed one.
    let reach = match name.len() {
        0..=2 => 0,
        3..=5 => 1,
        _ => MAX_EDITS,
    };
    let mut matches: Vec<(&str, usize)> = Vec::new();
    for index in indexes {
        for (id, edits) in index.neighbour_ids(name, reach) {
            let Some(known) = index.domain(id) else {
                continue;
            };
            if close(known, split(known).0, edits) {
                matches.push((known, edits));
            }
        }
    }
    for known in &extra {
        let known_name = split(known).0;
        // Same bounds as the index: long names only match exactly, and no
        // distance is worked out for names of very different lengths.
        let fuzzy = name.len() <= MAX_FUZZY_NAME && known_name.len() <= MAX_FUZZY_NAME;
        let edits = if name == known_name {
            0
        } else if fuzzy && name.len().abs_diff(known_name.len()) <= MAX_EDITS {
            distance(name, known_name)
        } else {
            continue;
        };
        if close(known, known_name, edits) {
            matches.push((known, edits));
        }
    }
    // When the typed name is itself a known name, the name is right: only
    // its TLD may be off (`hotmail.net` is not `hanmail.net`).
    if matches.iter().any(|&(_, edits)| edits == 0) {
        matches.retain(|&(_, edits)| edits == 0);
    }
    let candidates: Vec<Candidate<'_>> = matches
        .into_iter()
        .filter_map(|(known, edits)| {
            judge(domain, tld, fixed_tld, known, edits).map(|cost| Candidate {
                domain: known,
                cost,
            })
        })
        .collect();

    let chosen = match pick(&candidates) {
        Some(d) => d.to_owned(),
        None => match fixed_tld {
            Some(fix) if candidates.is_empty() => format!("{name}.{fix}"),
            _ => return Ok(None),
        },
    };
    if chosen == domain {
        return Ok(None);
    }
    let full = match &address.local {
        Some(local) => format!("{local}@{chosen}"),
        None => chosen.clone(),
    };
    Ok(Some(Suggestion {
        full,
        domain: chosen,
    }))
}

/// The cost of suggesting `known` for `typed` (whose TLD is `tld`, a known
/// slip for `fixed_tld` if that is set), given `name_edits` between their
/// names; `None` if `known` is not a candidate.
fn judge(
    typed: &str,
    tld: &str,
    fixed_tld: Option<&str>,
    known: &str,
    name_edits: usize,
) -> Option<usize> {
    if known == typed {
        return None;
    }
    let known_tld = split(known).1;
    let tld_cost = if known_tld == tld {
        0
    } else if fixed_tld == Some(known_tld) {
        1
    } else if name_edits == 0
        && distance(tld, known_tld) <= 1
        && (!is_real_tld(tld) || matches!(known_tld, "com" | "net" | "org"))
    {
        // Same name, TLD one edit away: `gmail.co` → `gmail.com`. A real
        // TLD is only ever moved to a generic one, so `outlook.es` never
        // becomes `outlook.de`; a non-TLD (`libero.ti`) may go anywhere.
        1
    } else {
        return None;
    };
    Some(name_edits + tld_cost)
}

/// The single best candidate, or `None` when there is none or it is not
/// clearly ahead (four times the weight of the runner-up).
fn pick<'a>(candidates: &[Candidate<'a>]) -> Option<&'a str> {
    let best = candidates.iter().map(|c| c.cost).min()?;
    let mut closest: Vec<&'a str> = Vec::new();
    for c in candidates.iter().filter(|c| c.cost == best) {
        if !closest.contains(&c.domain) {
            closest.push(c.domain);
        }
    }
    let mut first: Option<(u32, &'a str)> = None;
    let mut runner_up = 0;
    for domain in closest {
        let w = weight(domain);
        match first {
            Some((top, _)) if w <= top => runner_up = runner_up.max(w),
            _ => {
                runner_up = runner_up.max(first.map_or(0, |(top, _)| top));
                first = Some((w, domain));
            }
        }
    }
    let (top, domain) = first?;
    (runner_up == 0 || top >= 4 * runner_up).then_some(domain)
}

/// Normalises the page's extra domains; a bad entry is an error naming it.
fn normalize_extra(extra: &[&str]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (i, entry) in extra.iter().enumerate() {
        out.push(normalize_domain(entry).map_err(|e| {
            Error::InvalidArgument(format!(
                "extra domain #{i} ({}) is not a valid domain: {e}",
                Quoted(entry, 60)
            ))
        })?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slip_shapes() {
        assert!(swapped("gxm", "gmx"));
        assert!(!swapped("gmx", "gmx"));
        assert!(!swapped("gxm", "gmy"));
        assert!(!swapped("abc", "cba"));
        assert!(doubled("ggmx", "gmx"));
        assert!(doubled("fre", "free"));
        assert!(doubled("gmxx", "gmx"));
        assert!(!doubled("gmax", "gmx"));
        assert!(!doubled("gmx", "gmx"));
        assert!(plausible("gmial", "gmail", 1, true));
        assert!(!plausible("gmial", "gmail", 1, false)); // 5 letters, not popular
        assert!(plausible("postoe", "posteo", 1, false));
        assert!(!plausible("pstoe", "posteo", 2, false));
        assert!(!plausible("hmail", "gmail", 1, false));
        assert!(plausible("hmail", "gmail", 1, true));
        assert!(!plausible("gxm", "gmx", 1, false));
        assert!(plausible("gxm", "gmx", 1, true));
        assert!(!plausible("gma", "gmx", 1, true));
    }

    #[test]
    fn built_in_domains_are_normalised_as_the_index_expects() {
        for d in known_domains() {
            assert_eq!(normalize_domain(d).as_deref(), Ok(d));
        }
        assert_eq!(
            builtin_index().len(),
            DomainIndex::new(known_domains()).len()
        );
    }
}
