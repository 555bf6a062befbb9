//! The character tables that both the address parser ([`crate::email`])
//! and the error messages ([`crate::error::Quoted`]) need: which characters
//! are refused anywhere in an input ([`forbidden`], [`FORBIDDEN`]) and
//! which are refused in a domain ([`domain_denied`], [`DOMAIN_DENIED`]).
//! It depends on nothing else in the crate, so neither of those modules has
//! to import the other for them.

/// What kind of forbidden character `c` is, if it is one.
///
/// ```
/// use mailports::chars::forbidden;
/// assert_eq!(forbidden('\u{202E}'), Some("bidirectional control"));
/// assert_eq!(forbidden('ü'), None);
/// ```
pub fn forbidden(c: char) -> Option<&'static str> {
    let cp = u32::from(c);
    if c.is_control() {
        return Some("control character");
    }
    if cp >= 0x1_0000 && cp & 0xFFFE == 0xFFFE {
        return Some("noncharacter");
    }
    range_lookup(FORBIDDEN, c)
}

/// Characters refused anywhere in the input, as sorted, non-overlapping,
/// inclusive ranges with what they are. Controls (`char::is_control`) and the
/// noncharacters at the end of each plane are refused by rule, not listed.
pub static FORBIDDEN: &[(char, char, &str)] = &[
    ('\u{AD}', '\u{AD}', "invisible formatting character"), // soft hyphen
    ('\u{34F}', '\u{34F}', "invisible formatting character"), // grapheme joiner
    ('\u{61C}', '\u{61C}', "bidirectional control"),        // Arabic letter mark
    ('\u{115F}', '\u{1160}', "invisible formatting character"), // Hangul fillers
    ('\u{17B4}', '\u{17B5}', "invisible formatting character"),
    ('\u{180B}', '\u{180F}', "invisible formatting character"), // Mongolian selectors
    ('\u{200B}', '\u{200D}', "invisible formatting character"), // ZWSP, ZWNJ, ZWJ
    ('\u{200E}', '\u{200F}', "bidirectional control"),          // LRM, RLM
    ('\u{202A}', '\u{202E}', "bidirectional control"),          // embeddings, overrides
    ('\u{2060}', '\u{2064}', "invisible formatting character"), // word joiner…
    ('\u{2066}', '\u{2069}', "bidirectional control"),          // isolates
    ('\u{206A}', '\u{206F}', "invisible formatting character"),
    ('\u{3164}', '\u{3164}', "invisible formatting character"), // Hangul filler
    ('\u{E000}', '\u{F8FF}', "private-use character"),
    ('\u{FDD0}', '\u{FDEF}', "noncharacter"),
    ('\u{FE00}', '\u{FE0F}', "invisible formatting character"), // variation selectors
    ('\u{FEFF}', '\u{FEFF}', "invisible formatting character"), // byte order mark
    ('\u{FFA0}', '\u{FFA0}', "invisible formatting character"), // Hangul filler
    ('\u{FFF0}', '\u{FFFB}', "invisible formatting character"), // annotations
    ('\u{FFFC}', '\u{FFFD}', "placeholder character"),          // replacement chars
    ('\u{FFFE}', '\u{FFFF}', "noncharacter"),
    ('\u{1BCA0}', '\u{1BCA3}', "invisible formatting character"),
    ('\u{1D173}', '\u{1D17A}', "invisible formatting character"),
    ('\u{E0000}', '\u{E0FFF}', "invisible formatting character"), // tags, selectors
    ('\u{F0000}', '\u{10FFFF}', "private-use character"),
];

/// Non-ASCII characters refused in a domain (after width folding), as
/// sorted, non-overlapping, inclusive ranges with what they are. Letters,
/// digits and the marks of scripts pass; these blocks hold symbols,
/// punctuation, emoji, compatibility forms and stray combining accents.
/// U+00B7 (middle dot, Catalan `l·l`) is left out on purpose.
pub static DOMAIN_DENIED: &[(char, char, &str)] = &[
    ('\u{A0}', '\u{B6}', "symbol or punctuation mark"),
    ('\u{B8}', '\u{BF}', "symbol or punctuation mark"),
    ('\u{D7}', '\u{D7}', "symbol or punctuation mark"),
    ('\u{F7}', '\u{F7}', "symbol or punctuation mark"),
    ('\u{300}', '\u{36F}', "combining accent"),
    ('\u{1AB0}', '\u{1AFF}', "combining accent"),
    ('\u{1DC0}', '\u{1DFF}', "combining accent"),
    ('\u{2000}', '\u{206F}', "symbol or punctuation mark"),
    ('\u{2070}', '\u{209F}', "superscript or subscript"),
    ('\u{20A0}', '\u{20CF}', "symbol or punctuation mark"),
    ('\u{20D0}', '\u{20FF}', "combining accent"),
    ('\u{2100}', '\u{2BFF}', "symbol or punctuation mark"),
    ('\u{2E00}', '\u{2E7F}', "symbol or punctuation mark"),
    ('\u{2FF0}', '\u{2FFF}', "symbol or punctuation mark"),
    ('\u{3000}', '\u{3004}', "symbol or punctuation mark"),
    ('\u{3008}', '\u{3020}', "symbol or punctuation mark"),
    ('\u{3030}', '\u{3030}', "symbol or punctuation mark"),
    ('\u{3036}', '\u{3037}', "symbol or punctuation mark"),
    ('\u{303D}', '\u{303F}', "symbol or punctuation mark"),
    ('\u{3200}', '\u{33FF}', "symbol or punctuation mark"),
    ('\u{FE10}', '\u{FE1F}', "symbol or punctuation mark"),
    ('\u{FE20}', '\u{FE2F}', "combining accent"),
    ('\u{FE30}', '\u{FE6F}', "symbol or punctuation mark"),
    ('\u{FF00}', '\u{FFEF}', "full-width or half-width form"),
    ('\u{1D000}', '\u{1D7FF}', "symbol or styled letter"),
    ('\u{1F000}', '\u{1FBFF}', "emoji or pictograph"),
];

/// What kind of character `c` is, if it is a non-ASCII character that a
/// domain may not hold (see [`DOMAIN_DENIED`]).
///
/// ```
/// use mailports::chars::domain_denied;
/// assert_eq!(domain_denied('\u{2603}'), Some("symbol or punctuation mark"));
/// assert_eq!(domain_denied('ü'), None);
/// ```
pub fn domain_denied(c: char) -> Option<&'static str> {
    range_lookup(DOMAIN_DENIED, c)
}

/// Binary search of a sorted range table.
fn range_lookup(table: &'static [(char, char, &'static str)], c: char) -> Option<&'static str> {
    let i = table.partition_point(|&(_, last, _)| last < c);
    match table.get(i) {
        Some(&(first, _, what)) if first <= c => Some(what),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_table(table: &[(char, char, &str)]) {
        for w in table.windows(2) {
            assert!(w[0].1 < w[1].0, "sorted, disjoint: {:?} {:?}", w[0], w[1]);
        }
        for (first, last, what) in table {
            assert!(first <= last, "{first:?}..{last:?}");
            assert!(!what.is_empty());
        }
    }

    #[test]
    fn tables_are_sorted_and_disjoint() {
        check_table(FORBIDDEN);
        check_table(DOMAIN_DENIED);
    }

    #[test]
    fn range_lookup_edges() {
        assert_eq!(range_lookup(FORBIDDEN, '\u{AC}'), None);
        assert!(range_lookup(FORBIDDEN, '\u{AD}').is_some());
        assert_eq!(range_lookup(FORBIDDEN, '\u{AE}'), None);
        assert!(range_lookup(FORBIDDEN, '\u{10FFFF}').is_some());
        assert_eq!(range_lookup(DOMAIN_DENIED, '\u{B7}'), None);
        assert_eq!(range_lookup(DOMAIN_DENIED, 'z'), None);
    }

    #[test]
    fn plane_end_noncharacters() {
        assert_eq!(forbidden('\u{1FFFE}'), Some("noncharacter"));
        assert_eq!(forbidden('\u{2FFFF}'), Some("noncharacter"));
        assert_eq!(forbidden('\u{20000}'), None); // a CJK ideograph
    }
}
