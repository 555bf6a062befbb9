//! Typo suggestions against a fixed, realistic list of mail domains (defined
//! here, so these tests do not depend on the provider database).

use mailports::suggest::{suggest_with, DomainIndex, Suggestion};

/// Mail domains people really use, of the kind the provider database holds.
const KNOWN: &[&str] = &[
    "126.com",
    "163.com",
    "a1.net",
    "aim.com",
    "alice.it",
    "aol.com",
    "aon.at",
    "arcor.de",
    "att.net",
    "bellsouth.net",
    "bigpond.com",
    "bk.ru",
    "bluewin.ch",
    "bol.com.br",
    "btinternet.com",
    "centrum.cz",
    "charter.net",
    "chello.at",
    "comcast.net",
    "cox.net",
    "daum.net",
    "earthlink.net",
    "email.com",
    "fastmail.com",
    "fastmail.fm",
    "free.fr",
    "freenet.de",
    "gmail.com",
    "gmx.at",
    "gmx.ch",
    "gmx.com",
    "gmx.de",
    "gmx.net",
    "googlemail.com",
    "hanmail.net",
    "hey.com",
    "hotmail.co.uk",
    "hotmail.com",
    "hotmail.de",
    "hotmail.es",
    "hotmail.fr",
    "hotmail.it",
    "icloud.com",
    "inbox.ru",
    "interia.pl",
    "ionos.de",
    "kolumbus.fi",
    "kpnmail.nl",
    "laposte.net",
    "libero.it",
    "list.ru",
    "live.ca",
    "live.co.uk",
    "live.com",
    "live.fr",
    "mac.com",
    "mail.com",
    "mail.de",
    "mail.ru",
    "mailbox.org",
    "me.com",
    "msn.com",
    "naver.com",
    "ntlworld.com",
    "o2.pl",
    "online.no",
    "onet.pl",
    "optonline.net",
    "optusnet.com.au",
    "orange.fr",
    "outlook.com",
    "outlook.de",
    "outlook.fr",
    "planet.nl",
    "pm.me",
    "posteo.de",
    "proton.me",
    "protonmail.ch",
    "protonmail.com",
    "qq.com",
    "rambler.ru",
    "rediffmail.com",
    "rocketmail.com",
    "rogers.com",
    "sbcglobal.net",
    "seznam.cz",
    "sfr.fr",
    "shaw.ca",
    "sina.com",
    "sky.com",
    "skynet.be",
    "sympatico.ca",
    "t-online.de",
    "talktalk.net",
    "telenet.be",
    "telia.com",
    "telus.net",
    "terra.com.br",
    "tiscali.it",
    "tuta.io",
    "tutanota.com",
    "uol.com.br",
    "usa.com",
    "verizon.net",
    "virgilio.it",
    "virginmedia.com",
    "wanadoo.fr",
    "web.de",
    "wp.pl",
    "xs4all.nl",
    "yahoo.ca",
    "yahoo.co.jp",
    "yahoo.co.uk",
    "yahoo.com",
    "yahoo.com.br",
    "yahoo.de",
    "yahoo.es",
    "yahoo.fr",
    "yahoo.it",
    "yandex.com",
    "yandex.ru",
    "ymail.com",
    "ziggo.nl",
    "zoho.com",
    "zohomail.eu",
];

/// Typed input -> the whole suggestion we expect.
const TYPOS: &[(&str, &str)] = &[
    ("ana@gmial.com", "ana@gmail.com"),
    ("ana@gmil.con", "ana@gmail.com"),
    ("ana@gmai.com", "ana@gmail.com"),
    ("ana@gmaill.com", "ana@gmail.com"),
    ("ana@gnail.com", "ana@gmail.com"),
    ("ana@gmal.com", "ana@gmail.com"),
    ("ana@gamil.com", "ana@gmail.com"),
    ("ana@gmaik.com", "ana@gmail.com"),
    ("ana@gmail.con", "ana@gmail.com"),
    ("ana@gmail.cmo", "ana@gmail.com"),
    ("ana@gmail.co", "ana@gmail.com"),
    ("ana@gmail.cm", "ana@gmail.com"),
    ("ana@gmail.comm", "ana@gmail.com"),
    ("ana@gmail.om", "ana@gmail.com"),
    ("ana@gmail.c", "ana@gmail.com"),
    ("ana@gmail.cpm", "ana@gmail.com"),
    ("bob@hotmial.com", "bob@hotmail.com"),
    ("bob@hotmal.com", "bob@hotmail.com"),
    ("bob@hotmai.com", "bob@hotmail.com"),
    ("bob@hotamil.com", "bob@hotmail.com"),
    ("bob@homail.com", "bob@hotmail.com"),
    ("bob@hotmail.con", "bob@hotmail.com"),
    ("bob@hotmail.co", "bob@hotmail.com"),
    ("bob@hotmial.co.uk", "bob@hotmail.co.uk"),
    ("bob@hotmail.co.ku", "bob@hotmail.co.uk"),
    ("cy@yahooo.cmo", "cy@yahoo.com"),
    ("cy@yaho.com", "cy@yahoo.com"),
    ("cy@yahoo.con", "cy@yahoo.com"),
    ("cy@yhoo.com", "cy@yahoo.com"),
    ("cy@yahho.com", "cy@yahoo.com"),
    ("cy@yaoo.com", "cy@yahoo.com"),
    ("cy@yahoo.cm", "cy@yahoo.com"),
    ("di@outlok.com", "di@outlook.com"),
    ("di@outllok.com", "di@outlook.com"),
    ("di@outlook.con", "di@outlook.com"),
    ("di@otulook.com", "di@outlook.com"),
    ("di@outlook.co", "di@outlook.com"),
    ("ed@iclod.com", "ed@icloud.com"),
    ("ed@icoud.com", "ed@icloud.com"),
    ("ed@icloud.con", "ed@icloud.com"),
    ("ed@iclould.com", "ed@icloud.com"),
    ("fi@aol.con", "fi@aol.com"),
    ("fi@aol.cmo", "fi@aol.com"),
    ("fi@msn.con", "fi@msn.com"),
    ("fi@live.cmo", "fi@live.com"),
    ("gu@protonmial.com", "gu@protonmail.com"),
    ("gu@protonmail.con", "gu@protonmail.com"),
    ("gu@prtonmail.com", "gu@protonmail.com"),
    ("hu@gmx.ent", "hu@gmx.net"),
    ("hu@gmx.nte", "hu@gmx.net"),
    ("hu@web.ed", "hu@web.de"),
    ("hu@t-onlin.de", "hu@t-online.de"),
    ("hu@tonline.de", "hu@t-online.de"),
    ("hu@t-online.ed", "hu@t-online.de"),
    ("hu@googlmail.com", "hu@googlemail.com"),
    ("hu@googlemail.con", "hu@googlemail.com"),
    ("hu@freenet.ed", "hu@freenet.de"),
    ("hu@posteo.ed", "hu@posteo.de"),
    ("hu@mailbox.ogr", "hu@mailbox.org"),
    ("io@comcats.net", "io@comcast.net"),
    ("io@comcast.nte", "io@comcast.net"),
    ("io@verizon.ent", "io@verizon.net"),
    ("io@sbcgloabl.net", "io@sbcglobal.net"),
    ("io@bellsouth.ent", "io@bellsouth.net"),
    ("jo@orange.fe", "jo@orange.fr"),
    ("jo@laposte.nte", "jo@laposte.net"),
    ("jo@wanadoo.fe", "jo@wanadoo.fr"),
    ("jo@libero.ti", "jo@libero.it"),
    ("ka@yandex.ri", "ka@yandex.ru"),
    ("ka@mail.ri", "ka@mail.ru"),
    ("ka@qq.con", "ka@qq.com"),
    ("ka@163.con", "ka@163.com"),
    ("ka@naver.con", "ka@naver.com"),
    ("ka@hanmail.ent", "ka@hanmail.net"),
    ("lu@rediffmail.con", "lu@rediffmail.com"),
    ("lu@rediffmial.com", "lu@rediffmail.com"),
    ("lu@zoho.con", "lu@zoho.com"),
    ("lu@fastmial.com", "lu@fastmail.com"),
    ("lu@fastmail.con", "lu@fastmail.com"),
    ("lu@tutanota.con", "lu@tutanota.com"),
    ("mo@seznam.cs", "mo@seznam.cz"),
    ("mo@btinternet.con", "mo@btinternet.com"),
    ("mo@btinternt.com", "mo@btinternet.com"),
    ("mo@bluewin.hc", "mo@bluewin.ch"),
    ("mo@virginmedia.con", "mo@virginmedia.com"),
    // A first-letter slip or a 3-letter name: only towards a popular domain.
    ("ana@hmail.com", "ana@gmail.com"),
    ("ana@mgail.com", "ana@gmail.com"),
    ("bob@otmail.com", "bob@hotmail.com"),
    ("di@utlook.com", "di@outlook.com"),
    ("hu@gxm.de", "hu@gmx.de"),
    ("hu@ggmx.net", "hu@gmx.net"),
    ("hu@wbe.de", "hu@web.de"),
    ("fi@aaol.com", "fi@aol.com"),
    // Local part kept exactly, sub-address included.
    ("Jane.Doe+news@gmial.com", "Jane.Doe+news@gmail.com"),
    ("JOHN@GMIAL.COM", "JOHN@gmail.com"),
    ("  kim@hotmial.com  ", "kim@hotmail.com"),
    ("ｊｏｈｎ＠ｇｍｉａｌ．ｃｏｍ", "john@gmail.com"),
    // Bare domains give a bare domain.
    ("hotmial.com", "hotmail.com"),
    ("yahoo.cmo", "yahoo.com"),
    // Unknown names: only a TLD that is certainly a slip is corrected.
    ("info@firma.con", "info@firma.com"),
    ("kontakt@beispiel.nte", "kontakt@beispiel.net"),
    ("hello@mycompany.cmo", "hello@mycompany.com"),
];

/// Real addresses: no suggestion may be made for any of them.
const CORRECT: &[&str] = &[
    "ana@gmail.com",
    "Ana@GMail.COM",
    "gmail.com.",
    "ceo@company.io",
    "me@proton.me",
    "dhh@hey.com",
    "ops@mail.example.com",
    "info@bücher.de",
    "rathaus@xn--mnchen-3ya.de",
    "taro@yahoo.co.jp",
    "max@gmx.at",
    "max@mail.de",
    "max@web.de",
    "pat@email.com",
    "pat@me.com",
    "pat@mac.com",
    "pat@pm.me",
    "pat@tuta.io",
    "dean@stanford.edu",
    "dean@ox.ac.uk",
    "sales@example.org",
    "team@acme.co",
    "team@startup.io",
    "shop@boutique.cm",
    "hello@travel.om",
    "info@firma.de",
    "info@muster.ch",
    "student@uni-hamburg.de",
    "x@posteo.net",
    "x@gmail.de",
    "x@outlook.es",
    "x@hotmail.be",
    "x@live.be",
    "x@gmx.fr",
    "x@gmial.co", // two slips, one of them into a real TLD: no guess
    "x@hotmail.net",
    "x@yahoo.net",
    "x@aol.de",
    "x@gmx.us",
    "x@gmax.com",
    "x@qqq.com",
    "x@mail.google.com",
    "x@newsletter.yahoo.com",
    "x@icloud.example.com",
    "x@zoho.in",
    "x@mai.com",
    "x@gma.com",
    "x@wb.de",
    "x@al.com",
    "x@sk.com",
    "x@hmail.org",
    "x@xyz.com",
];

fn index() -> DomainIndex {
    DomainIndex::new(KNOWN.iter().copied())
}

fn full(index: &DomainIndex, input: &str) -> Option<String> {
    suggest_with(index, input, &[])
        .unwrap_or_else(|e| panic!("{input:?}: {e}"))
        .map(|s| s.full)
}

#[test]
fn typo_accuracy_and_no_false_alarms() {
    assert!(TYPOS.len() >= 60);
    let index = index();
    let mut right = 0;
    let mut misses = Vec::new();
    for &(typo, expected) in TYPOS {
        let got = full(&index, typo);
        if got.as_deref() == Some(expected) {
            right += 1;
        } else {
            misses.push(format!("{typo:?} -> {got:?}, expected {expected:?}"));
        }
    }
    let mut false_alarms = Vec::new();
    for &input in CORRECT {
        if let Some(s) = full(&index, input) {
            false_alarms.push(format!("{input:?} -> {s:?}"));
        }
    }
    let accuracy = right as f64 / TYPOS.len() as f64;
    println!(
        "typo accuracy: {right}/{} = {:.1}%; false alarms: {}/{}",
        TYPOS.len(),
        accuracy * 100.0,
        false_alarms.len(),
        CORRECT.len()
    );
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(
        accuracy >= 0.9,
        "accuracy {accuracy:.3}; misses: {misses:#?}"
    );
    assert!(false_alarms.is_empty(), "false alarms: {false_alarms:#?}");
}

#[test]
fn a_suggestion_is_never_the_input() {
    let index = index();
    let mut inputs: Vec<String> = TYPOS.iter().map(|(t, _)| t.to_string()).collect();
    inputs.extend(CORRECT.iter().map(|c| c.to_string()));
    inputs.extend(KNOWN.iter().map(|k| format!("a@{k}")));
    inputs.extend(KNOWN.iter().map(|k| k.to_uppercase()));
    let mut suggested = 0;
    for input in &inputs {
        if let Some(s) = suggest_with(&index, input, &[]).unwrap() {
            suggested += 1;
            assert_ne!(s.full, input.trim(), "{input:?}");
            let typed = mailports::email::parse_input(input).unwrap();
            assert_ne!(s.domain, typed.domain, "{input:?}");
            // And a suggestion is stable: it is itself known, or at least
            // not corrected again.
            assert_eq!(
                suggest_with(&index, &s.full, &[]).unwrap(),
                None,
                "{input:?}"
            );
        }
    }
    // At least the typos the accuracy test expects to be corrected got a
    // suggestion, so the checks above ran.
    assert!(
        suggested >= TYPOS.len() * 9 / 10,
        "only {suggested} of {} inputs got a suggestion",
        inputs.len()
    );
}

#[test]
fn known_domains_are_never_corrected() {
    let index = index();
    for known in KNOWN {
        assert_eq!(full(&index, &format!("someone@{known}")), None, "{known}");
    }
}

#[test]
fn page_domains_count_as_known() {
    let index = index();
    // Without the page's help, `gmail.co` looks like gmail.com…
    assert_eq!(full(&index, "a@gmail.co").as_deref(), Some("a@gmail.com"));
    // …but a page whose own domain it is says so.
    assert_eq!(
        suggest_with(&index, "a@gmail.co", &["GMAIL.co"]).unwrap(),
        None
    );
    // A page domain is also a target: `acmee.com` -> `acme-mail.com`? No:
    // too far. `acmemial.com` -> `acmemail.com`: yes.
    assert_eq!(
        suggest_with(&index, "a@acmee.com", &["acme-mail.com"]).unwrap(),
        None
    );
    assert_eq!(
        suggest_with(&index, "a@acmemial.com", &["acmemail.com"]).unwrap(),
        Some(Suggestion {
            full: "a@acmemail.com".into(),
            domain: "acmemail.com".into()
        })
    );
    // A bad page domain is an error naming the entry.
    let err = suggest_with(&index, "a@b.com", &["ok.com", "not a domain"]).unwrap_err();
    assert_eq!(err.code(), "invalid-argument");
    assert!(err.to_string().contains("#1"), "{err}");
    assert!(err.to_string().contains("not a domain"), "{err}");
}

#[test]
fn ambiguous_typos_get_no_answer() {
    // Two equally close, equally (un)popular candidates: no guess.
    let index = DomainIndex::new(["examplea.com", "exampleb.com"]);
    assert_eq!(suggest_with(&index, "x@examplec.com", &[]).unwrap(), None);
    // One of them clearly popular: that one.
    let index = DomainIndex::new(["gmail.com", "gmaul.com"]);
    assert_eq!(full(&index, "x@gmaql.com").as_deref(), Some("x@gmail.com"));
}

#[test]
fn malformed_input_is_an_error() {
    let index = index();
    for (input, code) in [
        ("", "empty-input"),
        ("a@@gmial.com", "invalid-address"),
        ("a@gmial", "invalid-domain"),
        ("a@gm\u{202E}ial.com", "invalid-character"),
    ] {
        let err = suggest_with(&index, input, &[]).unwrap_err();
        assert_eq!(err.code(), code, "{input:?}");
    }
    let huge = format!("a@{}.com", "g".repeat(1 << 20));
    assert_eq!(
        suggest_with(&index, &huge, &[]).unwrap_err().code(),
        "too-long"
    );
}

/// A deterministic stream of filler domains: random letters, far from any
/// real mail domain.
fn filler(count: usize) -> Vec<String> {
    const TLDS: &[&str] = &["com", "net", "org", "de", "fr", "io", "co.uk", "com.br"];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let len = 9 + (next() % 8) as usize;
            let name: String = (0..len)
                .map(|_| char::from(b'a' + (next() % 26) as u8))
                .collect();
            format!("{name}.{}", TLDS[(next() % TLDS.len() as u64) as usize])
        })
        .collect()
}

#[test]
fn answers_do_not_depend_on_index_size() {
    let small: Vec<&str> = KNOWN.iter().copied().take(30).collect();
    let mut large: Vec<String> = small.iter().map(|s| s.to_string()).collect();
    large.extend(filler(2970));
    let small_index = DomainIndex::new(small.iter().copied());
    let large_index = DomainIndex::new(large.iter());
    assert_eq!(small_index.len(), 30);
    assert_eq!(large_index.len(), 3000);
    let mut answered = 0;
    for &(typo, _) in TYPOS {
        let a = suggest_with(&small_index, typo, &[]).unwrap();
        let b = suggest_with(&large_index, typo, &[]).unwrap();
        assert_eq!(a, b, "{typo:?}");
        answered += usize::from(a.is_some());
    }
    assert!(
        answered >= 10,
        "the small list should still answer some ({answered})"
    );
}

#[test]
fn index_lookups_match_a_brute_force_scan() {
    let domains = filler(1500);
    let index = DomainIndex::new(domains.iter());
    // A name is everything before the last dot (`abc.co` for `abc.co.uk`).
    let mut names: Vec<&str> = domains
        .iter()
        .map(|d| d.rsplit_once('.').unwrap().0)
        .collect();
    names.sort_unstable();
    names.dedup();
    // Probe with real names, and with each one edited once and twice.
    for (i, name) in names.iter().enumerate().step_by(75) {
        let mut probes = vec![name.to_string()];
        let b = name.as_bytes();
        probes.push(String::from_utf8([&b[..2], &b[3..]].concat()).unwrap()); // deletion
        probes.push(String::from_utf8([&b[..3], b"q", &b[3..]].concat()).unwrap()); // insertion
        probes.push(String::from_utf8([&b[..1], &b[2..3], &b[1..2], &b[3..]].concat()).unwrap()); // swap
        probes.push(String::from_utf8([b"zz", &b[2..]].concat()).unwrap()); // two substitutions
        for probe in probes {
            let mut expected: Vec<(&str, usize)> = names
                .iter()
                .map(|n| (*n, mailports::suggest::distance(&probe, n)))
                .filter(|&(_, d)| d <= 2)
                .collect();
            expected.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
            expected.dedup();
            let mut got = index.neighbours(&probe, 2);
            got.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
            assert_eq!(got, expected, "probe {probe:?} (from #{i} {name:?})");
            assert!(!got.is_empty());
        }
    }
}

#[test]
fn an_indexed_page_list_answers_like_the_plain_list() {
    use mailports::suggest::{suggest, suggest_with_known};
    let page = DomainIndex::new(KNOWN.iter().copied());
    let mut inputs: Vec<&str> = TYPOS.iter().map(|(t, _)| *t).collect();
    inputs.extend(CORRECT.iter().copied());
    inputs.extend([
        "a@acmemial.com",
        "a@gmial.co",
        "x@verylongcompanyname-example.co.uk",
    ]);
    for input in inputs {
        assert_eq!(
            suggest_with_known(input, &page).unwrap(),
            suggest(input, KNOWN).unwrap(),
            "{input:?}"
        );
    }
}
