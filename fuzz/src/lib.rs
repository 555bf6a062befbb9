//! Helpers shared by the mailports fuzz targets: structured inputs built from
//! the fuzzer's bytes with `arbitrary`, mixing raw strings with pieces that
//! are likely to get past the first checks (valid host names, placeholders,
//! IDN, hostile markup), so the fuzzer reaches the deep code quickly.

use arbitrary::{Result, Unstructured};

/// Pieces of text that matter to the parsers: real domains and host names,
/// IDN in both forms, placeholders, markup a page could be attacked with,
/// odd Unicode, and edge lengths.
pub const PIECES: &[&str] = &[
    "",
    " ",
    ".",
    "@",
    "%",
    "-",
    "gmail.com",
    "example.com",
    "mail.example.com",
    "imap.example.com",
    "smtp.example.com",
    "bücher.de",
    "xn--bcher-kva.de",
    "xn--",
    "xn--a",
    "münchen.de",
    "例え.テスト",
    "ＧＭＡＩＬ．ＣＯＭ",
    "gmial.com",
    "yahoo.cmo",
    "hotmial.con",
    "%EMAILADDRESS%",
    "%EMAILLOCALPART%",
    "%EMAILDOMAIN%",
    "%EMAILADDRESS",
    "imap.%EMAILDOMAIN%",
    "<script>window.__xss=true</script>",
    "<img src=x onerror=\"window.__xss=true\">",
    "javascript:window.__xss=true",
    "<svg onload=window.__xss=true>",
    "<iframe srcdoc=\"<script>window.__xss=true</script>\">",
    "{{constructor.constructor('window.__xss=true')()}}",
    "${window.__xss=true}",
    "&amp;&lt;&#x3c;",
    "]]>",
    "<!--",
    "\u{202E}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{0}",
    "\u{FFFF}",
    "\u{E000}",
    "\u{301}",
    "\u{3002}",
    "\u{FF20}",
    "Σ",
    "İ",
    "ß",
    "😀",
    "127.0.0.1",
    "[192.0.2.1]",
    "localhost",
    "_imaps._tcp",
    "a.b",
    "-a.com",
    "a-.com",
    "123.456",
];

/// A short string: a piece, an arbitrary string, or a few of either joined.
pub fn text(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(match u.int_in_range(0..=9u8)? {
        0..=3 => u.choose(PIECES)?.to_string(),
        4..=5 => u.arbitrary::<String>()?,
        6 => {
            // A long run of one piece: lengths around the limits.
            let piece = u.choose(PIECES)?;
            let n = u.int_in_range(1..=400usize)?;
            piece.repeat(n.min(70_000 / piece.len().max(1)))
        }
        _ => {
            let n = u.int_in_range(2..=5usize)?;
            let mut out = String::new();
            for _ in 0..n {
                if u.ratio(2, 3)? {
                    out.push_str(u.choose(PIECES)?);
                } else {
                    out.push_str(&u.arbitrary::<String>()?);
                }
                if u.ratio(1, 2)? {
                    out.push(*u.choose(&['.', '@', '-', ' ', '%'])?);
                }
            }
            out
        }
    })
}

/// A host name-like string: mostly valid names, sometimes anything.
pub fn host(u: &mut Unstructured<'_>) -> Result<String> {
    const HOSTS: &[&str] = &[
        "imap.example.com",
        "smtp.example.com",
        "pop.example.com",
        "mail.example.org",
        "imap.bücher.de",
        "smtp.xn--bcher-kva.de",
        "IMAP.Example.COM.",
        "imap.%EMAILDOMAIN%",
        "%EMAILDOMAIN%",
        "mx.a-b.example",
    ];
    if u.ratio(3, 4)? {
        Ok(u.choose(HOSTS)?.to_string())
    } else {
        text(u)
    }
}

/// A list of `f` results, at most `max` long.
pub fn list<T>(
    u: &mut Unstructured<'_>,
    max: usize,
    mut f: impl FnMut(&mut Unstructured<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let n = u.int_in_range(0..=max)?;
    (0..n).map(|_| f(u)).collect()
}

/// A port-like number: usually a real one, sometimes anything (NaN too).
pub fn port(u: &mut Unstructured<'_>) -> Result<f64> {
    Ok(match u.int_in_range(0..=5u8)? {
        0..=2 => f64::from(*u.choose(&[25u16, 110, 143, 465, 587, 993, 995, 2525])?),
        3 => f64::from(u.arbitrary::<u16>()?),
        4 => *u.choose(&[
            0.0,
            -1.0,
            65536.0,
            993.5,
            f64::NAN,
            f64::INFINITY,
            -0.0,
            1e300,
        ])?,
        _ => u.arbitrary::<f64>()?,
    })
}

/// One of `values`, or now and then any text.
pub fn word(u: &mut Unstructured<'_>, values: &[&str]) -> Result<String> {
    if u.ratio(7, 8)? {
        Ok(u.choose(values)?.to_string())
    } else {
        text(u)
    }
}

/// Checks the invariants of address and domain normalisation for one input:
/// no panic; a typed error with a bounded message; and for an accepted input,
/// a normal form that is ASCII, lower case, within the length limits, and
/// stable (normalising it again changes nothing, and the Unicode form maps
/// back to the same ASCII form).
pub fn check_address(text: &str) {
    use mailports::email::{
        normalize_domain, parse_input, MAX_DOMAIN_LEN, MAX_INPUT_LEN, MAX_LOCAL_LEN,
    };
    match parse_input(text) {
        Ok(a) => {
            assert!(a.domain.is_ascii(), "domain not ASCII: {:?}", a.domain);
            assert_eq!(a.domain, a.domain.to_ascii_lowercase());
            assert!(a.domain.len() < MAX_DOMAIN_LEN, "domain too long");
            assert!(!a.domain.ends_with('.'));
            if let Some(local) = &a.local {
                assert!(!local.is_empty() && local.len() <= MAX_LOCAL_LEN);
            }
            let again = parse_input(&a.to_ascii_string())
                .unwrap_or_else(|e| panic!("normal form {:?} refused: {e}", a.to_ascii_string()));
            assert_eq!(again, a, "normalising twice changed the address");
            let from_unicode = normalize_domain(&a.unicode_domain)
                .unwrap_or_else(|e| panic!("unicode form {:?} refused: {e}", a.unicode_domain));
            assert_eq!(from_unicode, a.domain, "unicode form maps elsewhere");
            assert_eq!(
                normalize_domain(&a.domain).as_deref(),
                Ok(a.domain.as_str())
            );
        }
        Err(e) => check_error(&e),
    }
    match normalize_domain(text) {
        Ok(d) => assert_eq!(normalize_domain(&d).as_deref(), Ok(d.as_str())),
        Err(e) => check_error(&e),
    }
    if text.len() > MAX_INPUT_LEN {
        assert_eq!(parse_input(text).unwrap_err().code(), "too-long");
    }
}

/// An error has a kebab-case code and a message of bounded length (a hostile
/// megabyte is never echoed back).
pub fn check_error(e: &mailports::Error) {
    let code = e.code();
    assert!(!code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
    let message = e.to_string();
    assert!(!message.is_empty());
    assert!(
        message.len() <= 4096,
        "error message of {} bytes",
        message.len()
    );
}
