//! [`DomainIndex`]: the known domains in one string, found by hash, and
//! their names by a scan of filter words (length and character set in
//! one `u64`; see the [module docs](super)).

use super::distance::Pattern;
use super::{split, MAX_EDITS, MAX_FUZZY_NAME};
use crate::email::normalize_domain;

/// A set of known domains, indexed for fast near-miss lookups. Build it once
/// and reuse it; [`suggest`](super::suggest) keeps one for
/// [`known_domains`](super::known_domains).
///
/// The domains sit one after the other in one string (one allocation, not
/// one per domain: building the built-in index is a single pass). They are
/// found through an open-addressing table of their ids, built in the same
/// pass without sorting anything, and their names through a linear scan of
/// filter words (see the [module docs](super)).
#[derive(Debug, Clone)]
pub struct DomainIndex {
    /// Every known domain, normalised, unique, concatenated.
    text: String,
    /// Where each domain ends in `text` (it starts where the previous ends).
    ends: Vec<u32>,
    /// Open addressing by [`fnv1a`]: a slot holds a domain's id + 1, or 0
    /// when empty. There are at least twice as many slots as domains (a
    /// power of two), so a probe meets an empty slot within a few steps.
    slots: Vec<u32>,
    /// For each domain, the filter word of its name: see [`filter_word`].
    filters: Vec<u64>,
}

/// The bits of a filter word that hold the character set.
const CHARSET: u64 = (1 << 48) - 1;

/// The filter word of a name: its length in the top 16 bits, and one bit
/// per kind of character it holds (each letter, each digit, `-`, `.`, and one
/// bit for anything else) in the low ones.
fn filter_word(name: &[u8]) -> u64 {
    let set = name.iter().fold(0u64, |set, &b| {
        let bit = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + b - b'0',
            b'-' => 36,
            b'.' => 37,
            _ => 38,
        };
        set | 1 << bit
    });
    (name.len().min(0xffff) as u64) << 48 | set
}

/// Whether two names with these filter words may be within `max` edits:
/// each edit changes the length by at most one and the character set by at
/// most two kinds (a substitution drops one and brings one).
fn may_be_within(a: u64, b: u64, max: usize) -> bool {
    let lengths = (a >> 48).abs_diff(b >> 48) as usize;
    lengths <= max && ((a ^ b) & CHARSET).count_ones() as usize <= 2 * max
}

impl DomainIndex {
    /// Indexes `domains`. Entries that are not valid domains are skipped
    /// (this is for trusted lists; [`suggest_with`](super::suggest_with) checks the extra domains
    /// a page passes). Entries are normalised, so `Bücher.DE` and
    /// `xn--bcher-kva.de` are the same domain.
    pub fn new<I, S>(domains: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut given = Vec::new();
        for d in domains {
            if let Ok(d) = normalize_domain(d.as_ref()) {
                given.push(d);
            }
        }
        Self::from_normalized(&given.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// [`DomainIndex::new`] once the domains are normalised; not generic,
    /// so the wasm carries it once for every kind of list. One pass, in the
    /// order given; a repeated domain is kept once.
    pub(super) fn from_normalized(given: &[&str]) -> Self {
        let mut index = DomainIndex {
            text: String::new(),
            ends: Vec::with_capacity(given.len()),
            slots: vec![0; (2 * given.len()).next_power_of_two().max(2)],
            filters: Vec::with_capacity(given.len()),
        };
        for &d in given {
            if let Err(slot) = index.find(d) {
                index.text.push_str(d);
                index.ends.push(index.text.len() as u32);
                index.filters.push(filter_word(split(d).0.as_bytes()));
                // The new domain's id + 1 is the number of domains now.
                if let Some(free) = index.slots.get_mut(slot) {
                    *free = index.ends.len() as u32;
                }
            }
        }
        index
    }

    /// `Ok(id)` of `domain`, or `Err(slot)`: the empty slot it would take.
    fn find(&self, domain: &str) -> Result<usize, usize> {
        let mask = self.slots.len() - 1;
        let mut slot = fnv1a(domain.as_bytes()) as usize & mask;
        // The table is never more than half full, so this ends.
        loop {
            match self.slots.get(slot).copied() {
                None | Some(0) => return Err(slot),
                Some(id) if self.domain(id as usize - 1) == Some(domain) => {
                    return Ok(id as usize - 1)
                }
                Some(_) => slot = (slot + 1) & mask,
            }
        }
    }

    /// The domain with index `id`.
    pub(super) fn domain(&self, id: usize) -> Option<&str> {
        let start = match id.checked_sub(1) {
            Some(before) => *self.ends.get(before)? as usize,
            None => 0,
        };
        self.text.get(start..*self.ends.get(id)? as usize)
    }

    /// How many distinct domains are indexed.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no domain is indexed.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Whether `domain` (already normalised: ASCII, lower case) is known.
    pub fn contains(&self, domain: &str) -> bool {
        self.find(domain).is_ok()
    }

    /// The known names (domains without their TLD) within `max_edits` (at
    /// most 2) of `name`, each once with its distance, in no set order.
    ///
    /// ```
    /// let index = mailports::suggest::DomainIndex::new(["gmail.com", "gmx.de", "mail.ru"]);
    /// let mut found = index.neighbours("gmial", 2);
    /// found.sort();
    /// assert_eq!(found, vec![("gmail", 1), ("mail", 2)]);
    /// ```
    pub fn neighbours(&self, name: &str, max_edits: usize) -> Vec<(&str, usize)> {
        let mut found: Vec<(&str, usize)> = Vec::new();
        for (id, d) in self.neighbour_ids(name, max_edits.min(MAX_EDITS)) {
            // Several domains may share a name (`gmx.de`, `gmx.net`).
            if let Some(known) = self.domain(id).map(|known| (split(known).0, d)) {
                if !found.contains(&known) {
                    found.push(known);
                }
            }
        }
        found
    }

    /// The domains whose names are within `max_edits` of `name`, with that
    /// distance, in index order.
    pub(super) fn neighbour_ids(&self, name: &str, max_edits: usize) -> Vec<(usize, usize)> {
        // Long names are only matched exactly (typed or known).
        let fuzzy = name.len() <= MAX_FUZZY_NAME;
        let word = filter_word(name.as_bytes());
        let pattern = Pattern::new(name.as_bytes());
        let mut found = Vec::new();
        for (id, &known) in self.filters.iter().enumerate() {
            // Most names end here, on their filter word alone.
            if !may_be_within(word, known, max_edits) {
                continue;
            }
            let Some(known_name) = self.domain(id).map(|d| split(d).0) else {
                continue;
            };
            let d = if known_name == name {
                0
            } else if fuzzy && known_name.len() <= MAX_FUZZY_NAME {
                pattern.distance(known_name.as_bytes())
            } else {
                continue;
            };
            if d <= max_edits {
                found.push((id, d));
            }
        }
        found
    }
}

/// FNV-1a, 64 bit: small, stable across platforms and runs.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::distance;

    #[test]
    fn the_table_finds_every_domain_once_and_nothing_else() {
        for n in [0usize, 1, 2, 3, 100, 3000] {
            let names: Vec<String> = (0..n).map(|i| format!("d{i}.example")).collect();
            // Every domain twice: the second copy is dropped.
            let given: Vec<&str> = names.iter().chain(&names).map(String::as_str).collect();
            let index = DomainIndex::from_normalized(&given);
            assert_eq!(index.len(), n);
            assert!(names.iter().all(|d| index.contains(d)), "{n}");
            assert!(
                (0..n).all(|i| index.domain(i) == Some(names[i].as_str())),
                "{n}: in the order given"
            );
            assert!(!index.contains("d-1.example") && !index.contains(""), "{n}");
        }
    }

    #[test]
    fn the_filter_never_rules_out_a_close_name() {
        let names = [
            "gmail", "gmial", "gmil", "gmaill", "g-mail", "gm4il", "hotmail", "ab", "a.b", "",
            "mail",
        ];
        for a in names {
            for b in names {
                let (wa, wb) = (filter_word(a.as_bytes()), filter_word(b.as_bytes()));
                for max in 0..=2 {
                    if distance(a, b) <= max {
                        assert!(may_be_within(wa, wb, max), "{a:?} {b:?} {max}");
                    }
                }
            }
        }
        assert!(!may_be_within(
            filter_word(b"gmail"),
            filter_word(b"yahoo"),
            2
        ));
        assert!(!may_be_within(
            filter_word(b"gmail"),
            filter_word(b"gmailcom"),
            2
        ));
    }
}
