//! The TLD tables of [`suggest`](super): slips that are no TLD
//! ([`TLD_TYPOS`]) and the country codes that are ([`COUNTRY_TLDS`]).

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
pub(super) fn is_real_tld(tld: &str) -> bool {
    <[u8; 2]>::try_from(tld.as_bytes()).is_ok_and(|code| COUNTRY_TLDS.binary_search(&code).is_ok())
        || matches!(
            tld,
            "biz" | "com" | "edu" | "gov" | "info" | "int" | "mil" | "net" | "org"
        )
}

/// The corrected TLD for a known slip.
pub(super) fn tld_fix(tld: &str) -> Option<&'static str> {
    TLD_TYPOS
        .binary_search_by(|(typo, _)| (*typo).cmp(tld))
        .ok()
        .and_then(|i| TLD_TYPOS.get(i))
        .map(|&(_, fix)| fix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::distance;

    #[test]
    fn tld_typos_are_sorted() {
        for w in TLD_TYPOS.windows(2) {
            assert!(w[0].0 < w[1].0, "{:?} {:?}", w[0], w[1]);
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
}
