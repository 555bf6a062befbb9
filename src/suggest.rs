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
//! its top-level domain (TLD). Known domains are indexed by name, SymSpell
//! style: every variant of a name with up to two characters deleted is
//! hashed into one sorted table, so the neighbours of a typed name within two
//! edits (insertions, deletions, substitutions and swaps of adjacent letters —
//! optimal string alignment distance) are found with a few dozen binary
//! searches, whatever the number of known domains. The index is built once,
//! on first use.
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

use std::sync::OnceLock;

use serde::Serialize;

use crate::email::{normalize_domain, parse_input};
use crate::error::Quoted;
use crate::{Error, Result};

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

/// Common slips in the TLD that are not TLDs themselves, sorted by the slip.
/// Real TLDs that are also frequent slips (`.co`, `.cm`, `.om`, `.ne`) are
/// deliberately absent: they are corrected only for known names.
pub static TLD_TYPOS: &[(&str, &str)] = &[
    ("c", "com"),
    ("c0m", "com"),
    ("ccom", "com"),
    ("cim", "com"),
    ("clm", "com"),
    ("cmm", "com"),
    ("cmo", "com"),
    ("coim", "com"),
    ("comm", "com"),
    ("comn", "com"),
    ("con", "com"),
    ("coom", "com"),
    ("cpm", "com"),
    ("ed", "de"),
    ("ent", "net"),
    ("eud", "edu"),
    ("ner", "net"),
    ("nett", "net"),
    ("nrt", "net"),
    ("nte", "net"),
    ("ocm", "com"),
    ("ogr", "org"),
    ("orgg", "org"),
    ("otg", "org"),
    ("prg", "org"),
    ("rog", "org"),
    ("vom", "com"),
    ("xom", "com"),
];

/// Two-letter country-code TLDs in use (ISO 3166-1 codes plus `ac`, `eu`,
/// `su` and `uk`), sorted. Used to tell a real TLD (`.co`, `.es`) from a slip
/// that is not one (`.ti`, `.ri`).
pub static COUNTRY_TLDS: &[[u8; 2]] = &[
    *b"ac", *b"ad", *b"ae", *b"af", *b"ag", *b"ai", *b"al", *b"am", *b"ao", *b"aq", *b"ar", *b"as",
    *b"at", *b"au", *b"aw", *b"ax", *b"az", *b"ba", *b"bb", *b"bd", *b"be", *b"bf", *b"bg", *b"bh",
    *b"bi", *b"bj", *b"bm", *b"bn", *b"bo", *b"bq", *b"br", *b"bs", *b"bt", *b"bv", *b"bw", *b"by",
    *b"bz", *b"ca", *b"cc", *b"cd", *b"cf", *b"cg", *b"ch", *b"ci", *b"ck", *b"cl", *b"cm", *b"cn",
    *b"co", *b"cr", *b"cu", *b"cv", *b"cw", *b"cx", *b"cy", *b"cz", *b"de", *b"dj", *b"dk", *b"dm",
    *b"do", *b"dz", *b"ec", *b"ee", *b"eg", *b"er", *b"es", *b"et", *b"eu", *b"fi", *b"fj", *b"fk",
    *b"fm", *b"fo", *b"fr", *b"ga", *b"gb", *b"gd", *b"ge", *b"gf", *b"gg", *b"gh", *b"gi", *b"gl",
    *b"gm", *b"gn", *b"gp", *b"gq", *b"gr", *b"gs", *b"gt", *b"gu", *b"gw", *b"gy", *b"hk", *b"hm",
    *b"hn", *b"hr", *b"ht", *b"hu", *b"id", *b"ie", *b"il", *b"im", *b"in", *b"io", *b"iq", *b"ir",
    *b"is", *b"it", *b"je", *b"jm", *b"jo", *b"jp", *b"ke", *b"kg", *b"kh", *b"ki", *b"km", *b"kn",
    *b"kp", *b"kr", *b"kw", *b"ky", *b"kz", *b"la", *b"lb", *b"lc", *b"li", *b"lk", *b"lr", *b"ls",
    *b"lt", *b"lu", *b"lv", *b"ly", *b"ma", *b"mc", *b"md", *b"me", *b"mg", *b"mh", *b"mk", *b"ml",
    *b"mm", *b"mn", *b"mo", *b"mp", *b"mq", *b"mr", *b"ms", *b"mt", *b"mu", *b"mv", *b"mw", *b"mx",
    *b"my", *b"mz", *b"na", *b"nc", *b"ne", *b"nf", *b"ng", *b"ni", *b"nl", *b"no", *b"np", *b"nr",
    *b"nu", *b"nz", *b"om", *b"pa", *b"pe", *b"pf", *b"pg", *b"ph", *b"pk", *b"pl", *b"pm", *b"pn",
    *b"pr", *b"ps", *b"pt", *b"pw", *b"py", *b"qa", *b"re", *b"ro", *b"rs", *b"ru", *b"rw", *b"sa",
    *b"sb", *b"sc", *b"sd", *b"se", *b"sg", *b"sh", *b"si", *b"sj", *b"sk", *b"sl", *b"sm", *b"sn",
    *b"so", *b"sr", *b"ss", *b"st", *b"su", *b"sv", *b"sx", *b"sy", *b"sz", *b"tc", *b"td", *b"tf",
    *b"tg", *b"th", *b"tj", *b"tk", *b"tl", *b"tm", *b"tn", *b"to", *b"tr", *b"tt", *b"tv", *b"tw",
    *b"tz", *b"ua", *b"ug", *b"uk", *b"us", *b"uy", *b"uz", *b"va", *b"vc", *b"ve", *b"vg", *b"vi",
    *b"vn", *b"vu", *b"wf", *b"ws", *b"ye", *b"yt", *b"za", *b"zm", *b"zw",
];

/// Whether `tld` is certainly a real TLD: a country code or one of the
/// original generic ones. (Hundreds of newer generic TLDs are not listed;
/// they are treated like unknown strings.)
fn is_real_tld(tld: &str) -> bool {
    <[u8; 2]>::try_from(tld.as_bytes()).is_ok_and(|code| COUNTRY_TLDS.binary_search(&code).is_ok())
        || matches!(
            tld,
            "biz" | "com" | "edu" | "gov" | "info" | "int" | "mil" | "net" | "org"
        )
}

/// The most used consumer mail domains with a rough relative weight (our own
/// order-of-magnitude estimate, not a measurement), sorted by domain. Only
/// used to break ties between equally close candidates; every one of them is
/// also a known domain.
pub static POPULAR: &[(&str, u16)] = &[
    ("126.com", 20),
    ("139.com", 3),
    ("163.com", 50),
    ("a1.net", 3),
    ("abv.bg", 3),
    ("aim.com", 5),
    ("alice.it", 3),
    ("aliyun.com", 3),
    ("aol.com", 60),
    ("aon.at", 3),
    ("arcor.de", 3),
    ("att.net", 20),
    ("azet.sk", 2),
    ("bellsouth.net", 8),
    ("biglobe.ne.jp", 2),
    ("bigpond.com", 6),
    ("bigpond.net.au", 3),
    ("bk.ru", 4),
    ("bluewin.ch", 6),
    ("blueyonder.co.uk", 2),
    ("bol.com.br", 8),
    ("btinternet.com", 10),
    ("centrum.cz", 3),
    ("centurylink.net", 2),
    ("charter.net", 6),
    ("chello.at", 2),
    ("comcast.net", 30),
    ("cox.net", 8),
    ("daum.net", 5),
    ("docomo.ne.jp", 3),
    ("earthlink.net", 5),
    ("email.com", 3),
    ("email.cz", 3),
    ("email.it", 2),
    ("ezweb.ne.jp", 3),
    ("fastmail.com", 6),
    ("foxmail.com", 4),
    ("free.fr", 15),
    ("freemail.hu", 3),
    ("freenet.de", 8),
    ("frontier.com", 2),
    ("gazeta.pl", 3),
    ("globo.com", 3),
    ("gmail.com", 1000),
    ("gmx.at", 6),
    ("gmx.ch", 5),
    ("gmx.com", 15),
    ("gmx.de", 30),
    ("gmx.net", 30),
    ("googlemail.com", 20),
    ("hanmail.net", 10),
    ("hey.com", 2),
    ("hotmail.ca", 3),
    ("hotmail.co.uk", 20),
    ("hotmail.com", 250),
    ("hotmail.com.ar", 3),
    ("hotmail.com.br", 3),
    ("hotmail.de", 8),
    ("hotmail.es", 10),
    ("hotmail.fr", 15),
    ("hotmail.it", 8),
    ("hotmail.nl", 3),
    ("hushmail.com", 2),
    ("icloud.com", 120),
    ("ig.com.br", 3),
    ("inbox.lv", 2),
    ("inbox.ru", 4),
    ("interia.pl", 6),
    ("juno.com", 3),
    ("kpnmail.nl", 3),
    ("laposte.net", 12),
    ("libero.it", 15),
    ("list.ru", 4),
    ("live.ca", 3),
    ("live.co.uk", 8),
    ("live.com", 60),
    ("live.com.mx", 3),
    ("live.fr", 8),
    ("live.it", 3),
    ("live.nl", 3),
    ("mac.com", 10),
    ("mail.com", 15),
    ("mail.de", 3),
    ("mail.ru", 40),
    ("mailbox.org", 4),
    ("me.com", 25),
    ("msn.com", 30),
    ("nate.com", 3),
    ("naver.com", 30),
    ("netzero.net", 2),
    ("nifty.com", 2),
    ("ntlworld.com", 3),
    ("o2.pl", 6),
    ("onet.pl", 6),
    ("online.no", 2),
    ("op.pl", 3),
    ("optonline.net", 4),
    ("optusnet.com.au", 3),
    ("orange.fr", 25),
    ("outlook.com", 200),
    ("outlook.de", 6),
    ("outlook.es", 3),
    ("outlook.fr", 6),
    ("outlook.it", 3),
    ("planet.nl", 2),
    ("pm.me", 3),
    ("posteo.de", 4),
    ("prodigy.net.mx", 3),
    ("proton.me", 15),
    ("protonmail.ch", 3),
    ("protonmail.com", 20),
    ("qq.com", 80),
    ("rambler.ru", 5),
    ("rediffmail.com", 10),
    ("roadrunner.com", 3),
    ("rocketmail.com", 5),
    ("rogers.com", 5),
    ("sbcglobal.net", 15),
    ("seznam.cz", 10),
    ("sfr.fr", 10),
    ("shaw.ca", 5),
    ("sina.com", 4),
    ("sky.com", 5),
    ("skynet.be", 3),
    ("sohu.com", 3),
    ("sympatico.ca", 3),
    ("t-online.de", 20),
    ("talktalk.net", 3),
    ("telenet.be", 3),
    ("telia.com", 3),
    ("terra.com.br", 5),
    ("tin.it", 2),
    ("tiscali.it", 3),
    ("tuta.io", 2),
    ("tutanota.com", 5),
    ("tutanota.de", 2),
    ("ukr.net", 4),
    ("uol.com.br", 10),
    ("verizon.net", 15),
    ("videotron.ca", 2),
    ("virgilio.it", 4),
    ("virginmedia.com", 5),
    ("wanadoo.fr", 10),
    ("web.de", 35),
    ("windstream.net", 2),
    ("wp.pl", 10),
    ("xtra.co.nz", 3),
    ("ya.ru", 4),
    ("yahoo.ca", 5),
    ("yahoo.co.in", 4),
    ("yahoo.co.jp", 20),
    ("yahoo.co.uk", 20),
    ("yahoo.com", 300),
    ("yahoo.com.ar", 3),
    ("yahoo.com.au", 4),
    ("yahoo.com.br", 10),
    ("yahoo.com.mx", 4),
    ("yahoo.de", 8),
    ("yahoo.es", 6),
    ("yahoo.fr", 15),
    ("yahoo.in", 4),
    ("yahoo.it", 6),
    ("yandex.com", 5),
    ("yandex.ru", 40),
    ("yeah.net", 3),
    ("ymail.com", 10),
    ("ziggo.nl", 4),
    ("zoho.com", 10),
];

/// The weight of a domain in [`POPULAR`], 1 for any other.
fn weight(domain: &str) -> u32 {
    POPULAR
        .binary_search_by(|(d, _)| (*d).cmp(domain))
        .ok()
        .and_then(|i| POPULAR.get(i))
        .map_or(1, |&(_, w)| u32::from(w))
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

/// The corrected TLD for a known slip.
fn tld_fix(tld: &str) -> Option<&'static str> {
    TLD_TYPOS
        .binary_search_by(|(typo, _)| (*typo).cmp(tld))
        .ok()
        .and_then(|i| TLD_TYPOS.get(i))
        .map(|&(_, fix)| fix)
}

/// `("mail.example", "com")` for `"mail.example.com"`.
fn split(domain: &str) -> (&str, &str) {
    domain.rsplit_once('.').unwrap_or((domain, ""))
}

/// The known domains behind [`suggest`]: every built-in domain of the
/// provider database ([`providers::domains`](crate::providers::domains)) and
/// the popular mail domains. (Duplicates are fine: the index removes them.)
/// This is the one function that decides what the global index holds.
///
/// ```
/// assert!(mailports::suggest::known_domains().any(|d| d == "gmail.com"));
/// ```
pub fn known_domains() -> impl Iterator<Item = &'static str> {
    POPULAR
        .iter()
        .map(|&(d, _)| d)
        .chain(crate::providers::domains())
}

/// A set of known domains, indexed for fast near-miss lookups. Build it once
/// and reuse it; [`suggest`] keeps one for [`known_domains`].
///
/// Every table is a vector of `(hash, index)` pairs sorted with one and the
/// same sort (a wasm size matter: each sorted type costs its own copy of the
/// sort code); strings are compared only after a hash matches.
#[derive(Debug, Clone)]
pub struct DomainIndex {
    /// Every known domain, normalised, unique.
    domains: Vec<Box<str>>,
    /// (hash of a domain, index in `domains`), sorted.
    domain_hashes: Vec<(u64, u32)>,
    /// Distinct names (domain minus its TLD).
    names: Vec<Box<str>>,
    /// For each name, the indices in `domains` of the domains with that name.
    name_domains: Vec<Vec<u32>>,
    /// (hash of a deletion variant of a name, index in `names`), sorted.
    keys: Vec<(u64, u32)>,
}

/// The one sort of this module: a heapsort, then duplicates dropped. It is a
/// tenth of the size of std's `sort_unstable` in the wasm, and the tables are
/// built once per list of domains, so its speed hardly matters.
fn sort_pairs(pairs: &mut Vec<(u64, u32)>) {
    /// Moves `pairs[root]` down the max-heap held in `pairs[..end]`.
    fn sift_down(pairs: &mut [(u64, u32)], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && pairs[child] < pairs[child + 1] {
                child += 1;
            }
            if pairs[root] >= pairs[child] {
                return;
            }
            pairs.swap(root, child);
            root = child;
        }
    }
    let len = pairs.len();
    for root in (0..len / 2).rev() {
        sift_down(pairs, root, len);
    }
    for end in (1..len).rev() {
        pairs.swap(0, end);
        sift_down(pairs, 0, end);
    }
    pairs.dedup();
}

/// The entries of a sorted pair table whose hash is `hash`.
fn with_hash(pairs: &[(u64, u32)], hash: u64) -> impl Iterator<Item = usize> + '_ {
    let start = pairs.partition_point(|&(k, _)| k < hash);
    pairs
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(move |&&(k, _)| k == hash)
        .map(|&(_, i)| i as usize)
}

impl DomainIndex {
    /// Indexes `domains`. Entries that are not valid domains are skipped
    /// (this is for trusted lists; [`suggest_with`] checks the extra domains
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
        Self::from_normalized(given)
    }

    /// [`DomainIndex::new`] once the domains are normalised; not generic,
    /// so the wasm carries it once for every kind of list.
    fn from_normalized(given: Vec<String>) -> Self {
        let mut pairs: Vec<(u64, u32)> = given
            .iter()
            .zip(0u32..)
            .map(|(d, i)| (fnv1a(d.as_bytes()), i))
            .collect();
        sort_pairs(&mut pairs);
        let mut list: Vec<Box<str>> = Vec::with_capacity(pairs.len());
        let mut domain_hashes = Vec::with_capacity(pairs.len());
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            let first = list.len();
            for &(hash, i) in run {
                let Some(d) = given.get(i as usize) else {
                    continue;
                };
                let seen = list.get(first..).unwrap_or_default();
                if !seen.iter().any(|known| **known == **d) {
                    domain_hashes.push((hash, list.len() as u32));
                    list.push(d.as_str().into());
                }
            }
        }

        let mut by_name: Vec<(u64, u32)> = list
            .iter()
            .zip(0u32..)
            .map(|(d, i)| (fnv1a(split(d).0.as_bytes()), i))
            .collect();
        sort_pairs(&mut by_name);
        let mut names: Vec<Box<str>> = Vec::new();
        let mut name_domains: Vec<Vec<u32>> = Vec::new();
        for run in by_name.chunk_by(|a, b| a.0 == b.0) {
            let first = names.len();
            for &(_, id) in run {
                let Some(name) = list.get(id as usize).map(|d| split(d).0) else {
                    continue;
                };
                let same = names
                    .get(first..)
                    .unwrap_or_default()
                    .iter()
                    .position(|n| **n == *name);
                match same.and_then(|p| name_domains.get_mut(first + p)) {
                    Some(ids) => ids.push(id),
                    None => {
                        names.push(name.into());
                        name_domains.push(vec![id]);
                    }
                }
            }
        }

        let mut keys = Vec::new();
        let mut hashes = Vec::new();
        for (name, id) in names.iter().zip(0u32..) {
            hashes.clear();
            let depth = if name.len() <= MAX_FUZZY_NAME {
                MAX_EDITS
            } else {
                0
            };
            deletion_hashes(name.as_bytes(), depth, &mut hashes);
            keys.extend(hashes.iter().map(|&h| (h, id)));
        }
        sort_pairs(&mut keys);

        DomainIndex {
            domains: list,
            domain_hashes,
            names,
            name_domains,
            keys,
        }
    }

    /// How many distinct domains are indexed.
    pub fn len(&self) -> usize {
        self.domains.len()
    }

    /// Whether no domain is indexed.
    pub fn is_empty(&self) -> bool {
        self.domains.is_empty()
    }

    /// Whether `domain` (already normalised: ASCII, lower case) is known.
    pub fn contains(&self, domain: &str) -> bool {
        with_hash(&self.domain_hashes, fnv1a(domain.as_bytes()))
            .any(|i| self.domains.get(i).is_some_and(|d| **d == *domain))
    }

    /// The known names (domains without their TLD) within `max_edits` (at
    /// most 2) of `name`, with their distance, closest first.
    ///
    /// ```
    /// let index = mailports::suggest::DomainIndex::new(["gmail.com", "gmx.de", "mail.ru"]);
    /// let mut found = index.neighbours("gmial", 2);
    /// found.sort();
    /// assert_eq!(found, vec![("gmail", 1), ("mail", 2)]);
    /// ```
    pub fn neighbours(&self, name: &str, max_edits: usize) -> Vec<(&str, usize)> {
        self.neighbour_ids(name, max_edits.min(MAX_EDITS))
            .into_iter()
            .filter_map(|(id, d)| self.names.get(id).map(|n| (&**n, d)))
            .collect()
    }

    fn neighbour_ids(&self, name: &str, max_edits: usize) -> Vec<(usize, usize)> {
        let max_edits = if name.len() > MAX_FUZZY_NAME {
            0
        } else {
            max_edits
        };
        let mut hashes = Vec::new();
        deletion_hashes(name.as_bytes(), max_edits, &mut hashes);
        let mut ids: Vec<usize> = Vec::new();
        for h in hashes {
            for id in with_hash(&self.keys, h) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        let mut found: Vec<(u64, u32)> = ids
            .into_iter()
            .filter_map(|id| {
                let d = distance(name, self.names.get(id)?);
                (d <= max_edits).then_some((d as u64, id as u32))
            })
            .collect();
        sort_pairs(&mut found);
        found
            .into_iter()
            .map(|(d, id)| (id as usize, d as usize))
            .collect()
    }
}

/// FNV-1a, 64 bit: small, stable across platforms and runs.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Pushes the hashes of `s` and of every variant of it with up to `depth`
/// bytes deleted (with repeats; callers sort and dedup).
fn deletion_hashes(s: &[u8], depth: usize, out: &mut Vec<u64>) {
    out.push(fnv1a(s));
    if depth == 0 {
        return;
    }
    let mut variant = Vec::with_capacity(s.len());
    for i in 0..s.len() {
        variant.clear();
        let (head, tail) = s.split_at(i);
        variant.extend_from_slice(head);
        variant.extend_from_slice(tail.get(1..).unwrap_or_default());
        deletion_hashes(&variant, depth - 1, out);
    }
}

/// Optimal string alignment distance (Damerau–Levenshtein without editing a
/// substring twice) between two strings, by bytes: insertions, deletions,
/// substitutions and swaps of two adjacent bytes each cost one.
///
/// ```
/// use mailports::suggest::distance;
/// assert_eq!(distance("gmial", "gmail"), 1); // swap
/// assert_eq!(distance("gmil", "gmail"), 1); // insertion
/// assert_eq!(distance("hey", "me"), 2);
/// ```
pub fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // Three rows of the dynamic programme: i-2, i-1 and i.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let mut best = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            if i > 0 && j > 0 && Some(&ca) == b.get(j - 1) && a.get(i - 1) == Some(&cb) {
                best = best.min(before[j - 1] + 1);
            }
            cur[j + 1] = best;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
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
    INDEX.get_or_init(|| DomainIndex::new(known_domains()))
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
    let mut matches: Vec<(&str, usize)> = Vec::new();
    for index in indexes {
        for (id, edits) in index.neighbour_ids(name, MAX_EDITS) {
            let (Some(known_name), Some(ids)) = (index.names.get(id), index.name_domains.get(id))
            else {
                continue;
            };
            matches.extend(
                ids.iter()
                    .filter_map(|&d| index.domains.get(d as usize))
                    .filter(|known| close(known, known_name, edits))
                    .map(|known| (&**known, edits)),
            );
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
    fn sort_pairs_sorts_and_dedups_like_std() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        for len in [0, 1, 2, 3, 7, 64, 1000] {
            let mut pairs: Vec<(u64, u32)> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % 50, (seed >> 32) as u32 % 3)
                })
                .collect();
            let mut expected = pairs.clone();
            expected.sort_unstable();
            expected.dedup();
            sort_pairs(&mut pairs);
            assert_eq!(pairs, expected, "{len}");
        }
    }

    #[test]
    fn tables_are_sorted_unique_and_normalised() {
        for w in TLD_TYPOS.windows(2) {
            assert!(w[0].0 < w[1].0, "{:?} {:?}", w[0], w[1]);
        }
        for w in POPULAR.windows(2) {
            assert!(w[0].0 < w[1].0, "{:?} {:?}", w[0], w[1]);
        }
        for (d, weight) in POPULAR {
            assert_eq!(normalize_domain(d).as_deref(), Ok(*d));
            assert!(
                *weight >= 2,
                "{d}: a popular domain outweighs an unknown one"
            );
        }
    }

    #[test]
    fn tld_typos_are_not_real_tlds_and_fix_to_common_ones() {
        // Real TLDs that look like slips must never be in the table.
        const REAL_LOOKALIKES: &[&str] = &[
            "cm", "co", "om", "ne", "nr", "et", "er", "re", "cn", "ch", "cx", "cl", "cv", "cc",
            "de", "dk", "edu", "net", "org", "com", "io", "rs", "ro", "bet", "cam", "car", "mom",
            "one", "ong", "ngo", "nl", "tel",
        ];
        for (typo, fix) in TLD_TYPOS {
            assert!(!REAL_LOOKALIKES.contains(typo), "{typo} is a real TLD");
            assert!(
                ["com", "net", "org", "de", "edu"].contains(fix),
                "{typo} -> {fix}"
            );
            assert!(distance(typo, fix) <= 2, "{typo} -> {fix}");
        }
    }

    #[test]
    fn country_tlds_are_sorted_two_letter_codes() {
        for w in COUNTRY_TLDS.windows(2) {
            assert!(w[0] < w[1], "{w:?}");
        }
        for t in COUNTRY_TLDS {
            assert!(t.iter().all(u8::is_ascii_lowercase), "{t:?}");
            let t = std::str::from_utf8(t).unwrap();
            assert_eq!(tld_fix(t), None, "{t} is real, not a slip");
            assert!(is_real_tld(t));
        }
        assert!((245..=255).contains(&COUNTRY_TLDS.len()));
        assert!(is_real_tld("co") && is_real_tld("com") && !is_real_tld("ti"));
        assert!(!is_real_tld("c") && !is_real_tld("coo"));
    }

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
    fn distance_basics() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("gmail", "gmail"), 0);
        assert_eq!(distance("hotmial", "hotmail"), 1);
        assert_eq!(distance("yahooo", "yahoo"), 1);
        assert_eq!(distance("gmil", "gmail"), 1);
        assert_eq!(distance("ca", "abc"), 3); // OSA, not full Damerau
        assert_eq!(distance("outlok", "outlook"), 1);
    }

    #[test]
    fn deletion_hashes_cover_the_neighbourhood() {
        let mut h = Vec::new();
        deletion_hashes(b"abc", 2, &mut h);
        for v in ["abc", "ab", "ac", "bc", "a", "b", "c"] {
            assert!(h.contains(&fnv1a(v.as_bytes())), "{v}");
        }
        assert!(!h.contains(&fnv1a(b"")));
    }
}
