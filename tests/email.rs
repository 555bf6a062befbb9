//! Address and domain normalisation: real-looking inputs in many forms, and
//! malformed or hostile ones, each with the error code it must give.

use mailports::email::{
    normalize_domain, parse_input, Address, MAX_DOMAIN_LEN, MAX_INPUT_LEN, MAX_LABEL_LEN,
    MAX_LOCAL_LEN,
};
use mailports::Error;

#[path = "shared/upper_case_domains.rs"]
mod upper_case_domains;
use upper_case_domains::UPPER_CASE_DOMAINS;

/// (input, local part, ASCII domain, Unicode domain)
const VALID: &[(&str, Option<&str>, &str, &str)] = &[
    (
        "john.smith@gmail.com",
        Some("john.smith"),
        "gmail.com",
        "gmail.com",
    ),
    (
        "  Jane.Doe@Outlook.COM  ",
        Some("Jane.Doe"),
        "outlook.com",
        "outlook.com",
    ),
    (
        "User+tag@Domain.COM ",
        Some("User+tag"),
        "domain.com",
        "domain.com",
    ),
    ("UPPER@CASE.ORG", Some("UPPER"), "case.org", "case.org"),
    ("gmail.com", None, "gmail.com", "gmail.com"),
    ("GMail.Com", None, "gmail.com", "gmail.com"),
    ("gmail.com.", None, "gmail.com", "gmail.com"),
    ("user@GMAIL.COM.", Some("user"), "gmail.com", "gmail.com"),
    (
        "\tsupport@fastmail.com\r\n",
        Some("support"),
        "fastmail.com",
        "fastmail.com",
    ),
    (
        "\u{3000}kontakt@web.de\u{A0}",
        Some("kontakt"),
        "web.de",
        "web.de",
    ),
    (
        "\u{2003}info@posteo.de\u{2009}",
        Some("info"),
        "posteo.de",
        "posteo.de",
    ),
    ("bücher.de", None, "xn--bcher-kva.de", "bücher.de"),
    ("BÜCHER.DE", None, "xn--bcher-kva.de", "bücher.de"),
    ("xn--bcher-kva.de", None, "xn--bcher-kva.de", "bücher.de"),
    ("XN--BCHER-KVA.DE", None, "xn--bcher-kva.de", "bücher.de"),
    (
        "info@Bücher.de",
        Some("info"),
        "xn--bcher-kva.de",
        "bücher.de",
    ),
    (
        "rathaus@münchen.de",
        Some("rathaus"),
        "xn--mnchen-3ya.de",
        "münchen.de",
    ),
    (
        "rathaus@xn--mnchen-3ya.de",
        Some("rathaus"),
        "xn--mnchen-3ya.de",
        "münchen.de",
    ),
    ("dom@köln.de", Some("dom"), "xn--kln-sna.de", "köln.de"),
    (
        "info@straße.de",
        Some("info"),
        "xn--strae-oqa.de",
        "straße.de",
    ),
    (
        "hola@españa.es",
        Some("hola"),
        "xn--espaa-rta.es",
        "españa.es",
    ),
    (
        "пример@почта.рф",
        Some("пример"),
        "xn--80a1acny.xn--p1ai",
        "почта.рф",
    ),
    ("ПОЧТА.РФ", None, "xn--80a1acny.xn--p1ai", "почта.рф"),
    (
        "info@例子.中国",
        Some("info"),
        "xn--fsqu00a.xn--fiqs8s",
        "例子.中国",
    ),
    (
        "user@例え.テスト",
        Some("user"),
        "xn--r8jz45g.xn--zckzah",
        "例え.テスト",
    ),
    (
        "δοκιμή@παράδειγμα.δοκιμή",
        Some("δοκιμή"),
        "xn--hxajbheg2az3al.xn--jxalpdlp",
        "παράδειγμα.δοκιμή",
    ),
    ("ΕΛΛΆΔΑ.gr", None, "xn--hxakic4aa.gr", "ελλάδα.gr"),
    (
        "Ünïcödé@example.com",
        Some("Ünïcödé"),
        "example.com",
        "example.com",
    ),
    // Full width, as typed with a CJK input method in wide mode.
    (
        "ｊｏｈｎ＠ｇｍａｉｌ．ｃｏｍ",
        Some("john"),
        "gmail.com",
        "gmail.com",
    ),
    (
        "Ｊｏｈｎ＠Ｇｍａｉｌ．ｃｏｍ",
        Some("John"),
        "gmail.com",
        "gmail.com",
    ),
    (
        "support@example。com",
        Some("support"),
        "example.com",
        "example.com",
    ),
    (
        "support@example｡co｡jp",
        Some("support"),
        "example.co.jp",
        "example.co.jp",
    ),
    (
        "user＠yahoo.co.jp",
        Some("user"),
        "yahoo.co.jp",
        "yahoo.co.jp",
    ),
    ("a@b.co", Some("a"), "b.co", "b.co"),
    (
        "o'reilly@example.org",
        Some("o'reilly"),
        "example.org",
        "example.org",
    ),
    (
        "first_last@sub.mail.example.co.uk",
        Some("first_last"),
        "sub.mail.example.co.uk",
        "sub.mail.example.co.uk",
    ),
    (
        "a.b-c_d@x-y.z0.io",
        Some("a.b-c_d"),
        "x-y.z0.io",
        "x-y.z0.io",
    ),
    (
        "!#$%&'*+-/=?^_`{|}~@example.com",
        Some("!#$%&'*+-/=?^_`{|}~"),
        "example.com",
        "example.com",
    ),
    (
        "user@123.example.com",
        Some("user"),
        "123.example.com",
        "123.example.com",
    ),
    (
        "media@r3---sn-abc.googlevideo.com",
        Some("media"),
        "r3---sn-abc.googlevideo.com",
        "r3---sn-abc.googlevideo.com",
    ),
    (
        "catalunya@col·legi.cat",
        Some("catalunya"),
        "xn--collegi-xma.cat",
        "col·legi.cat",
    ),
    // RFC 6532 allows any UTF-8 in the local part; only hostile characters are refused.
    ("😀@example.com", Some("😀"), "example.com", "example.com"),
];

fn code(input: &str) -> &'static str {
    match parse_input(input) {
        Ok(a) => panic!("{input:?} should fail but gave {a:?}"),
        Err(e) => e.code(),
    }
}

#[test]
fn valid_inputs_normalise() {
    assert!(VALID.len() >= 40);
    for &(input, local, domain, unicode) in VALID {
        let a = parse_input(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(a.local.as_deref(), local, "local of {input:?}");
        assert_eq!(a.domain, domain, "domain of {input:?}");
        assert_eq!(a.unicode_domain, unicode, "unicode domain of {input:?}");
        assert_eq!(normalize_domain(unicode).unwrap(), domain, "{unicode:?}");
        assert_eq!(normalize_domain(domain).unwrap(), domain, "{domain:?}");
    }
}

/// Upper case outside ASCII is lowered one character at a time: no final
/// sigma. tests/web.rs checks the same table in the wasm, which lowers
/// through the browser instead of std's tables.
#[test]
fn unicode_case_is_lowered_per_character() {
    for &(input, ascii, unicode) in UPPER_CASE_DOMAINS {
        let a = parse_input(input).unwrap();
        assert_eq!(
            (a.domain.as_str(), a.unicode_domain.as_str()),
            (ascii, unicode)
        );
    }
    // mÜnchen: an xn-- label must decode to lower case.
    assert_eq!(code("xn--mnchen-psa.de"), "invalid-domain");
    assert_eq!(code("İSTANBUL.example"), "invalid-domain");
}

#[test]
fn normalisation_is_idempotent() {
    for &(input, ..) in VALID {
        let a = parse_input(input).unwrap();
        let again = parse_input(&a.to_ascii_string()).unwrap();
        assert_eq!(again, a, "{input:?}");
        let display = match &a.local {
            Some(l) => format!("{l}@{}", a.unicode_domain),
            None => a.unicode_domain.clone(),
        };
        assert_eq!(parse_input(&display).unwrap(), a, "{input:?}");
    }
}

/// (input, expected code)
const INVALID: &[(&str, &str)] = &[
    ("", "empty-input"),
    ("   ", "empty-input"),
    ("\u{3000}\t\n", "empty-input"),
    ("a@b@example.com", "invalid-address"),
    ("john@@example.com", "invalid-address"),
    ("@gmail.com", "invalid-address"),
    ("john@", "invalid-address"),
    ("john..doe@example.com", "invalid-address"),
    (".john@example.com", "invalid-address"),
    ("john.@example.com", "invalid-address"),
    ("\"john doe\"@example.com", "invalid-address"),
    ("\"a@b\"@example.com", "invalid-address"),
    ("john doe@example.com", "invalid-address"),
    ("John Smith <john@example.com>", "invalid-address"),
    ("mailto:john@example.com", "invalid-address"),
    ("john(work)@example.com", "invalid-address"),
    ("john,jane@example.com", "invalid-address"),
    ("john@gmail", "invalid-domain"),
    ("gmail", "invalid-domain"),
    ("john@localhost", "invalid-domain"),
    ("john@exa mple.com", "invalid-domain"),
    ("john@example..com", "invalid-domain"),
    ("john@.example.com", "invalid-domain"),
    ("john@example.com..", "invalid-domain"),
    (".", "invalid-domain"),
    ("..", "invalid-domain"),
    ("john@-example.com", "invalid-domain"),
    ("john@example-.com", "invalid-domain"),
    ("john@exam_ple.com", "invalid-domain"),
    ("john@example.com>", "invalid-domain"),
    ("john@[192.168.0.1]", "invalid-domain"),
    ("john@192.168.0.1", "invalid-domain"),
    ("john@example.123", "invalid-domain"),
    ("john@i❤.ws", "invalid-domain"),
    ("john@😀.com", "invalid-domain"),
    ("xn--ls8h.la", "invalid-domain"), // 💩.la, hidden in Punycode
    ("john@ℌℯ𝓁𝓁ℴ.com", "invalid-domain"),
    ("bu\u{308}cher.de", "invalid-domain"), // decomposed ü
    ("xn--abc-.com", "invalid-domain"),
    ("xn--bcher-2pa.de", "invalid-domain"), // decodes to upper-case bÜcher
    ("xn--istanbul-o0e.com", "invalid-domain"), // a bare combining dot inside
    ("john@ab\u{FF5F}c.com", "invalid-domain"),
    ("jo\u{0}hn@example.com", "invalid-character"),
    ("john@example.com\u{0}", "invalid-character"),
    ("john\u{7}@example.com", "invalid-character"),
    ("john@exa\u{202E}moc.elpmaxe", "invalid-character"),
    ("\u{202E}moc.liamg@nhoj", "invalid-character"),
    ("john@example.com\u{200F}", "invalid-character"),
    ("jo\u{200D}hn@example.com", "invalid-character"),
    ("john@gma\u{200B}il.com", "invalid-character"),
    ("\u{FEFF}john@example.com", "invalid-character"),
    ("john@exam\u{AD}ple.com", "invalid-character"),
    ("john@\u{E000}.com", "invalid-character"),
    ("👨\u{200D}👩\u{200D}👧@example.com", "invalid-character"),
    ("xn--abc-4q0a.com", "invalid-character"), // RLO + abc, hidden in Punycode
    ("xn--x-tgn.com", "invalid-character"),    // ZWJ + x, hidden in Punycode
];

#[test]
fn malformed_inputs_give_their_codes() {
    for &(input, expected) in INVALID {
        assert_eq!(code(input), expected, "{input:?}");
        if !input.contains('@') {
            let got = normalize_domain(input).map_err(|e| e.code());
            assert_eq!(got, Err(expected), "normalize_domain({input:?})");
        }
    }
}

#[test]
fn hostile_characters_are_named() {
    let err = parse_input("john@exa\u{202E}moc.elpmaxe").unwrap_err();
    assert_eq!(
        err,
        Error::InvalidCharacter {
            ch: '\u{202E}',
            kind: "bidirectional control"
        }
    );
    assert!(err.to_string().contains("U+202E"), "{err}");
    let err = parse_input("jo\u{0}hn@example.com").unwrap_err();
    assert!(err.to_string().contains("U+0000"), "{err}");
    let err = parse_input("john@i❤.ws").unwrap_err();
    assert!(err.to_string().contains("U+2764"), "{err}");
}

#[test]
fn length_limits() {
    // A megabyte paste is refused by its byte length alone.
    let huge = "a".repeat(1 << 20);
    assert_eq!(
        parse_input(&huge).unwrap_err(),
        Error::TooLong {
            what: "input",
            max: MAX_INPUT_LEN
        }
    );
    assert_eq!(normalize_domain(&huge).unwrap_err().code(), "too-long");
    let huge_address = format!("{}@{}.com", "a".repeat(1 << 19), "b".repeat(1 << 19));
    assert_eq!(code(&huge_address), "too-long");

    // Local part: 64 octets pass, 65 do not (octets, not characters).
    let local = "l".repeat(MAX_LOCAL_LEN);
    assert!(parse_input(&format!("{local}@example.com")).is_ok());
    assert_eq!(
        parse_input(&format!("{local}x@example.com")).unwrap_err(),
        Error::TooLong {
            what: "local part",
            max: MAX_LOCAL_LEN
        }
    );
    let wide_local = "ü".repeat(33); // 66 octets
    assert_eq!(code(&format!("{wide_local}@example.com")), "too-long");

    // Labels: 63 octets pass, 64 do not, in ASCII or after encoding.
    let label = "a".repeat(MAX_LABEL_LEN);
    assert!(parse_input(&format!("{label}.com")).is_ok());
    assert_eq!(
        parse_input(&format!("{label}a.com")).unwrap_err(),
        Error::TooLong {
            what: "label",
            max: MAX_LABEL_LEN
        }
    );
    let long_idn = format!("ü{}.de", "a".repeat(60)); // xn--…-…: over 63
    assert_eq!(code(&long_idn), "too-long");

    // Domain: 253 octets pass (254 with the trailing dot), 254 do not.
    let l63 = "a".repeat(63);
    let domain253 = format!("{l63}.{l63}.{l63}.{}", "b".repeat(61));
    assert_eq!(domain253.len(), MAX_DOMAIN_LEN - 1);
    assert_eq!(normalize_domain(&domain253).unwrap(), domain253);
    assert_eq!(
        normalize_domain(&format!("{domain253}.")).unwrap(),
        domain253
    );
    let domain254 = format!("{l63}.{l63}.{l63}.{}", "b".repeat(62));
    assert_eq!(
        normalize_domain(&domain254).unwrap_err(),
        Error::TooLong {
            what: "domain",
            max: MAX_DOMAIN_LEN - 1
        }
    );
}

#[test]
fn every_error_has_a_message() {
    for &(input, _) in INVALID {
        let e = parse_input(input).unwrap_err();
        let msg = e.to_string();
        assert!(msg.len() > 20, "{input:?}: {msg}");
        assert!(!msg.contains("Error"), "{input:?}: {msg}");
    }
}

#[test]
fn address_serialises_in_camel_case() {
    // The JSON shape is the JS API: `local`, `domain`, `unicodeDomain`.
    fn fields(a: &Address) -> [(&'static str, Option<&str>); 3] {
        [
            ("local", a.local.as_deref()),
            ("domain", Some(&a.domain)),
            ("unicodeDomain", Some(&a.unicode_domain)),
        ]
    }
    let a = parse_input("info@bücher.de").unwrap();
    assert_eq!(
        fields(&a),
        [
            ("local", Some("info")),
            ("domain", Some("xn--bcher-kva.de")),
            ("unicodeDomain", Some("bücher.de")),
        ]
    );
}

/// A small deterministic generator: no panics, and whatever is accepted is
/// well formed and stable.
#[test]
fn random_inputs_never_panic_and_accepted_ones_are_well_formed() {
    const ALPHABET: &[char] = &[
        'a', 'b', 'Z', '0', '9', '-', '.', '@', '+', '_', ' ', '"', 'ü', 'ß', 'Σ', 'я', '中', '。',
        '＠', '．', 'ｇ', '\u{0}', '\u{200D}', '\u{202E}', '\u{308}', '😀', '❤', 'İ', 'K',
        '\u{FEFF}', '[', ']', 'x', 'n',
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut accepted = 0;
    for _ in 0..20_000 {
        // Three random pieces joined by separators, so that some inputs
        // get far enough to be accepted.
        let mut s = String::new();
        for piece in 0..3 {
            if piece > 0 {
                s.push(['@', '.', '.', '．', '。', '＠'][(next() % 6) as usize]);
            }
            for _ in 0..(next() % 8) {
                let c = if next() % 3 == 0 {
                    ALPHABET[(next() % ALPHABET.len() as u64) as usize]
                } else {
                    char::from(b'a' + (next() % 26) as u8)
                };
                s.push(c);
            }
        }
        if let Ok(a) = parse_input(&s) {
            accepted += 1;
            assert!(a.domain.is_ascii(), "{s:?} -> {a:?}");
            assert_eq!(a.domain, a.domain.to_ascii_lowercase(), "{s:?}");
            assert!(a.domain.len() < MAX_DOMAIN_LEN, "{s:?}");
            assert!(a.domain.contains('.') && !a.domain.ends_with('.'), "{s:?}");
            assert_eq!(parse_input(&a.to_ascii_string()).as_ref(), Ok(&a), "{s:?}");
            assert_eq!(
                normalize_domain(&a.unicode_domain).as_ref(),
                Ok(&a.domain),
                "{s:?}"
            );
        }
    }
    assert!(
        accepted > 500,
        "the generator should hit some valid inputs ({accepted})"
    );
}
