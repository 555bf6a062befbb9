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
/// The domains sit one after the other in one string (one allocation, not
/// one per domain: building the built-in index is a single pass). They are
/// found through a vector of `(hash, index)` pairs sorted with the module's
/// one sort (a wasm size matter: each sorted type costs its own copy of the
/// sort code), and their names through a linear scan of filter words (see
/// the module docs).
#[derive(Debug, Clone)]
pub struct DomainIndex {
    /// Every known domain, normalised, unique, concatenated.
    text: String,
    /// Where each domain ends in `text` (it starts where the previous ends).
    ends: Vec<u32>,
    /// (hash of a domain, its index), sorted.
    domain_hashes: Vec<(u64, u32)>,
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
        Self::from_normalized(&given.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// [`DomainIndex::new`] once the domains are normalised; not generic,
    /// so the wasm carries it once for every kind of list.
    fn from_normalized(given: &[&str]) -> Self {
        let mut pairs: Vec<(u64, u32)> = given
            .iter()
            .zip(0u32..)
            .map(|(d, i)| (fnv1a(d.as_bytes()), i))
            .collect();
        sort_pairs(&mut pairs);
        let mut index = DomainIndex {
            text: String::new(),
            ends: Vec::with_capacity(pairs.len()),
            domain_hashes: Vec::with_capacity(pairs.len()),
            filters: Vec::with_capacity(pairs.len()),
        };
        for run in pairs.chunk_by(|a, b| a.0 == b.0) {
            let first = index.ends.len();
            for &(hash, i) in run {
                let Some(&d) = given.get(i as usize) else {
                    continue;
                };
                if (first..index.ends.len()).any(|k| index.domain(k) == Some(d)) {
                    continue;
                }
                index.domain_hashes.push((hash, index.ends.len() as u32));
                index.filters.push(filter_word(split(d).0.as_bytes()));
                index.text.push_str(d);
                index.ends.push(index.text.len() as u32);
            }
        }
        index
    }

    /// The domain with index `id`.
    fn domain(&self, id: usize) -> Option<&str> {
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
        with_hash(&self.domain_hashes, fnv1a(domain.as_bytes()))
            .any(|i| self.domain(i) == Some(domain))
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
    fn neighbour_ids(&self, name: &str, max_edits: usize) -> Vec<(usize, usize)> {
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

/// A typed name prepared for [`distance`] against many names at once: the
/// bit-parallel algorithm of Hyyrö (2003) for the optimal string alignment
/// distance, which handles a column of the dynamic programme per
/// machine word. Only for names of up to 64 bytes (fuzzy names are at most
/// [`MAX_FUZZY_NAME`]); longer ones fall back to [`distance`].
struct Pattern<'a> {
    name: &'a [u8],
    /// For each byte value, the positions in `name` that hold it.
    peq: [u64; 256],
}

impl<'a> Pattern<'a> {
    fn new(name: &'a [u8]) -> Self {
        let mut peq = [0u64; 256];
        if name.len() <= 64 {
            for (i, &b) in name.iter().enumerate() {
                if let Some(bits) = peq.get_mut(usize::from(b)) {
                    *bits |= 1 << i;
                }
            }
        }
        Pattern { name, peq }
    }

    /// The same number as `distance(name, text)`.
    fn distance(&self, text: &[u8]) -> usize {
        let m = self.name.len();
        if m == 0 || m > 64 {
            return distance_bytes(self.name, text);
        }
        let last = 1u64 << (m - 1);
        let (mut vp, mut vn, mut d0, mut pm_before) = (!0u64, 0u64, 0u64, 0u64);
        let mut dist = m;
        for &c in text {
            let pm = self.peq.get(usize::from(c)).copied().unwrap_or(0);
            // A swap of two adjacent bytes: this one matched one later, the
            // previous one matched here.
            let tr = ((!d0 & pm) << 1) & pm_before;
            d0 = (((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn | tr;
            let hp = vn | !(d0 | vp);
            let hn = d0 & vp;
            if hp & last != 0 {
                dist += 1;
            } else if hn & last != 0 {
                dist -= 1;
            }
            let hp = (hp << 1) | 1;
            vp = (hn << 1) | !(d0 | hp);
            vn = hp & d0;
            pm_before = pm;
        }
        dist
    }
}

/// FNV-1a, 64 bit: small, stable across platforms and runs.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
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
    distance_bytes(a.as_bytes(), b.as_bytes())
}

/// [`distance`] of two byte strings.
fn distance_bytes(a: &[u8], b: &[u8]) -> usize {
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
    fn built_in_domains_are_normalised_as_the_index_expects() {
        for d in known_domains() {
            assert_eq!(normalize_domain(d).as_deref(), Ok(d));
        }
        assert_eq!(
            builtin_index().len(),
            DomainIndex::new(known_domains()).len()
        );
    }

    #[test]
    fn the_bit_parallel_distance_is_the_plain_one() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        // Small alphabets make repeats, swaps and near-misses common.
        for _ in 0..20_000 {
            let alphabet = 1 + next(5) as u8;
            let mut word = |max: u64| -> Vec<u8> {
                (0..next(max + 1))
                    .map(|_| b'a' + next(u64::from(alphabet)) as u8)
                    .collect()
            };
            let (a, b) = (word(12), word(14));
            let expected = distance_bytes(&a, &b);
            assert_eq!(Pattern::new(&a).distance(&b), expected, "{a:?} {b:?}");
        }
        let long = [b'x'; 70];
        assert_eq!(Pattern::new(&long).distance(b"xx"), 68);
        assert_eq!(Pattern::new(b"").distance(b"abc"), 3);
        assert_eq!(Pattern::new(b"ca").distance(b"abc"), 3);
        assert_eq!(Pattern::new(b"gmial").distance(b"gmail"), 1);
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
