//! The built-in provider database: lookups of real addresses in many forms,
//! the merge rules, the data's integrity, and typed errors for bad input.
//! Uses only the committed data (data/providers.jsonl, compiled in).

use mailports::ports::Security;
use mailports::providers::{
    self, by_id, domains, list, lookup, mx_patterns, ProviderMatch, ProviderStatus, Requirement,
    Source, REQUIREMENTS,
};
use mailports::settings::{MailProtocol, Server};

fn must(input: &str) -> ProviderMatch {
    match lookup(input) {
        Ok(Some(m)) => m,
        Ok(None) => panic!("{input:?}: no provider"),
        Err(e) => panic!("{input:?}: {e}"),
    }
}

fn has(m: &ProviderMatch, r: Requirement) -> bool {
    m.requirements.contains(&r)
}

/// (input, record id, matched domain, first incoming host, its resolved user name)
const ADDRESSES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "john.smith@gmail.com",
        "googlemail.com",
        "gmail.com",
        "imap.gmail.com",
        "john.smith@gmail.com",
    ),
    (
        "  John.Smith@GMAIL.COM  ",
        "googlemail.com",
        "gmail.com",
        "imap.gmail.com",
        "John.Smith@gmail.com",
    ),
    (
        "jane+newsletters@gmail.com",
        "googlemail.com",
        "gmail.com",
        "imap.gmail.com",
        "jane+newsletters@gmail.com",
    ),
    (
        "old.account@googlemail.com",
        "googlemail.com",
        "googlemail.com",
        "imap.gmail.com",
        "old.account@googlemail.com",
    ),
    (
        "ｊｏｈｎ＠ｇｍａｉｌ．ｃｏｍ",
        "googlemail.com",
        "gmail.com",
        "imap.gmail.com",
        "john@gmail.com",
    ),
    (
        "user@gmail.com.",
        "googlemail.com",
        "gmail.com",
        "imap.gmail.com",
        "user@gmail.com",
    ),
    (
        "someone@hotmail.com",
        "hotmail.com",
        "hotmail.com",
        "outlook.office365.com",
        "someone@hotmail.com",
    ),
    (
        "someone@hotmail.co.uk",
        "hotmail.com",
        "hotmail.co.uk",
        "outlook.office365.com",
        "someone@hotmail.co.uk",
    ),
    (
        "someone@live.com",
        "hotmail.com",
        "live.com",
        "outlook.office365.com",
        "someone@live.com",
    ),
    (
        "someone@OUTLOOK.com",
        "hotmail.com",
        "outlook.com",
        "outlook.office365.com",
        "someone@outlook.com",
    ),
    (
        "someone@msn.com",
        "hotmail.com",
        "msn.com",
        "outlook.office365.com",
        "someone@msn.com",
    ),
    ("staff@contoso.onmicrosoft.com", "", "", "", ""), // subdomain: not matched (exact domains only)
    (
        "staff@onmicrosoft.com",
        "office365.com",
        "onmicrosoft.com",
        "outlook.office365.com",
        "staff@onmicrosoft.com",
    ),
    (
        "me@yahoo.com",
        "yahoo.com",
        "yahoo.com",
        "imap.mail.yahoo.com",
        "me@yahoo.com",
    ),
    (
        "me@yahoo.de",
        "yahoo.com",
        "yahoo.de",
        "imap.mail.yahoo.com",
        "me@yahoo.de",
    ),
    (
        "me@ymail.com",
        "yahoo.com",
        "ymail.com",
        "imap.mail.yahoo.com",
        "me@ymail.com",
    ),
    (
        "me@aol.com",
        "aol.com",
        "aol.com",
        "imap.aol.com",
        "me@aol.com",
    ),
    (
        "tim@icloud.com",
        "me.com",
        "icloud.com",
        "imap.mail.me.com",
        "tim",
    ),
    (
        "tim@mac.com",
        "me.com",
        "mac.com",
        "imap.mail.me.com",
        "tim",
    ),
    (
        "max@gmx.de",
        "gmx.net",
        "gmx.de",
        "imap.gmx.net",
        "max@gmx.de",
    ),
    (
        "max@gmx.com",
        "gmx.com",
        "gmx.com",
        "imap.gmx.com",
        "max@gmx.com",
    ),
    (
        "Erika.Muster@web.de",
        "web.de",
        "web.de",
        "imap.web.de",
        "Erika.Muster",
    ),
    (
        "hans@t-online.de",
        "t-online.de",
        "t-online.de",
        "secureimap.t-online.de",
        "hans@t-online.de",
    ),
    (
        "ann@fastmail.com",
        "fastmail",
        "fastmail.com",
        "imap.fastmail.com",
        "ann@fastmail.com",
    ),
    (
        "ann@fastmail.fm",
        "fastmail",
        "fastmail.fm",
        "imap.fastmail.com",
        "ann@fastmail.fm",
    ),
    (
        "ann@mailbox.org",
        "mailbox.org",
        "mailbox.org",
        "imap.mailbox.org",
        "ann@mailbox.org",
    ),
    (
        "ivan@yandex.ru",
        "yandex.ru",
        "yandex.ru",
        "imap.yandex.com",
        "ivan@yandex.ru",
    ),
    (
        "ivan@ya.ru",
        "yandex.ru",
        "ya.ru",
        "imap.yandex.com",
        "ivan@ya.ru",
    ),
    (
        "ivan@mail.ru",
        "mail.ru",
        "mail.ru",
        "imap.mail.ru",
        "ivan@mail.ru",
    ),
    (
        "taras@ukr.net",
        "ukr.net",
        "ukr.net",
        "imap.ukr.net",
        "taras@ukr.net",
    ),
    (
        "wei@qq.com",
        "qq.com",
        "qq.com",
        "imap.qq.com",
        "wei@qq.com",
    ),
    (
        "wei@163.com",
        "163.com",
        "163.com",
        "imap.163.com",
        "wei@163.com",
    ),
    (
        "li@126.com",
        "126.com",
        "126.com",
        "imap.126.com",
        "li@126.com",
    ),
    (
        "kim@naver.com",
        "naver.com",
        "naver.com",
        "imap.naver.com",
        "kim@naver.com",
    ),
    (
        "kim@daum.net",
        "daum.net",
        "daum.net",
        "imap.daum.net",
        "kim@daum.net",
    ),
    (
        "anna@posteo.de",
        "posteo.de",
        "posteo.de",
        "posteo.de",
        "anna@posteo.de",
    ),
    (
        "anna@posteo.net",
        "posteo.de",
        "posteo.net",
        "posteo.de",
        "anna@posteo.net",
    ),
    (
        "mario@libero.it",
        "libero.it",
        "libero.it",
        "imapmail.libero.it",
        "mario@libero.it",
    ),
    (
        "marie@orange.fr",
        "orange.fr",
        "orange.fr",
        "imap.orange.fr",
        "marie@orange.fr",
    ),
    (
        "marie@free.fr",
        "free.fr",
        "free.fr",
        "imap.free.fr",
        "marie",
    ),
    (
        "marie@laposte.net",
        "laposte.net",
        "laposte.net",
        "imap.laposte.net",
        // The full address, by the reviewed entry (upstream had the local part).
        "marie@laposte.net",
    ),
    (
        "jan@seznam.cz",
        "seznam.cz",
        "seznam.cz",
        "imap.seznam.cz",
        "jan@seznam.cz",
    ),
    ("jan@wp.pl", "wp.pl", "wp.pl", "imap.wp.pl", "jan"),
    (
        "bob@comcast.net",
        "comcast.net",
        "comcast.net",
        "imap.comcast.net",
        "bob@comcast.net",
    ),
    (
        "bob@att.net",
        "att.net",
        "att.net",
        "imap.mail.att.net",
        "bob@att.net",
    ),
    (
        "bob@btinternet.com",
        "btinternet.com",
        "btinternet.com",
        "mail.btinternet.com",
        "bob@btinternet.com",
    ),
    (
        "kate@bigpond.com",
        "bigpond.com",
        "bigpond.com",
        "imap.telstra.com",
        "kate@bigpond.com",
    ),
    (
        "kate@xtra.co.nz",
        "xtra.co.nz",
        "xtra.co.nz",
        "imap.xtra.co.nz",
        "kate@xtra.co.nz",
    ),
    (
        "hugo@riseup.net",
        "riseup.net",
        "riseup.net",
        "mail.riseup.net",
        "hugo@riseup.net",
    ),
    (
        "hugo@disroot.org",
        "disroot",
        "disroot.org",
        "disroot.org",
        "hugo",
    ),
    (
        "ana@zoho.com",
        "zoho.com",
        "zoho.com",
        "imap.zoho.com",
        "ana@zoho.com",
    ),
    (
        "ana@zohomail.eu",
        "zoho.eu",
        "zohomail.eu",
        "imap.zoho.eu",
        "ana@zohomail.eu",
    ),
    (
        "marta@arcor.de",
        "vodafonemail.de",
        "arcor.de",
        "imap.vodafonemail.de",
        "marta@arcor.de",
    ),
    (
        "rita@bluewin.ch",
        "bluewin.ch",
        "bluewin.ch",
        "imaps.bluewin.ch",
        "rita@bluewin.ch",
    ),
    (
        "rita@aliyun.com",
        "aliyun",
        "aliyun.com",
        "imap.aliyun.com",
        "rita@aliyun.com",
    ),
    // A bare domain keeps the user-name template.
    (
        "gmail.com",
        "googlemail.com",
        "gmail.com",
        "imap.gmail.com",
        "%EMAILADDRESS%",
    ),
    (
        "WEB.DE",
        "web.de",
        "web.de",
        "imap.web.de",
        "%EMAILLOCALPART%",
    ),
    // Host names built from the domain are filled in even for a bare domain.
    (
        "inbox.lv",
        "inbox.lv",
        "inbox.lv",
        "mail.inbox.lv",
        "%EMAILADDRESS%",
    ),
    (
        "juhan@mail.ee",
        "mail.ee",
        "mail.ee",
        "mail.ee",
        "juhan@mail.ee",
    ),
];

#[test]
fn real_addresses_find_their_providers() {
    assert!(ADDRESSES.len() >= 55);
    for &(input, id, domain, host, user) in ADDRESSES {
        let found = lookup(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        if id.is_empty() {
            assert!(found.is_none(), "{input:?} should not match: {found:?}");
            continue;
        }
        let m = found.unwrap_or_else(|| panic!("{input:?}: no provider"));
        assert_eq!(m.id, id, "{input:?}");
        assert_eq!(m.domain, domain, "{input:?}");
        let first = m
            .incoming
            .first()
            .unwrap_or_else(|| panic!("{input:?}: no incoming"));
        assert_eq!(first.hostname, host, "{input:?}");
        assert_eq!(first.username, user, "{input:?}");
        assert!(!m.outgoing.is_empty(), "{input:?}: no outgoing");
    }
}

#[test]
fn every_address_form_gives_the_same_record() {
    let forms = [
        "Someone@Gmail.Com",
        "\tsomeone@gmail.com\n",
        "someone+tag+more@gmail.com",
        "someone@ＧＭＡＩＬ.com",
        "gmail.com.",
        "GMAIL.COM",
    ];
    for f in forms {
        let m = must(f);
        assert_eq!(
            (m.id.as_str(), m.domain.as_str()),
            ("googlemail.com", "gmail.com"),
            "{f:?}"
        );
    }
}

#[test]
fn idn_domains_are_matched_in_ascii_form() {
    // No built-in domain is an IDN, so an IDN address is simply unknown…
    assert_eq!(lookup("anna@bücher.de").unwrap(), None);
    assert_eq!(lookup("anna@xn--bcher-kva.de").unwrap(), None);
    // …while Unicode look-alike forms of ASCII domains fold to them.
    assert_eq!(must("user@ｙａｈｏｏ．ｃｏｍ").id, "yahoo.com");
}

#[test]
fn zoho_com_keeps_the_ispdb_us_servers() {
    let m = must("someone@zoho.com");
    assert!(names(&m).contains(&Source::Ispdb) && names(&m).contains(&Source::Deltachat));
    assert!(m
        .incoming
        .iter()
        .chain(&m.outgoing)
        .all(|s| s.hostname.ends_with(".zoho.com")));
    // The IMAP switch makes the status "change a setting first".
    assert!(has(&m, Requirement::ImapMustBeEnabled));
    assert_eq!(m.status, ProviderStatus::EnableFirst);
    // The EU region is its own ISPDB record.
    assert!(must("x@zoho.eu")
        .incoming
        .iter()
        .all(|s| s.hostname.ends_with(".zoho.eu")));
}

/// The sources' names of a match, best first.
fn names(m: &mailports::providers::ProviderMatch) -> Vec<Source> {
    m.sources.iter().map(|s| s.name).collect()
}

#[test]
fn sources_are_named_best_first_with_dates() {
    let gmail = must("a@gmail.com");
    assert_eq!(
        names(&gmail),
        [
            Source::Reviewed,
            Source::Ispdb,
            Source::Deltachat,
            Source::Nodemailer
        ]
    );
    // The page carried is Google's own (the importer puts own pages first).
    let reviewed = &gmail.sources[0];
    assert!(!reviewed.second_hand);
    assert_eq!(gmail.checked, reviewed.checked);
    // Upstream sources carry the date of the snapshot imported.
    let ispdb = gmail
        .sources
        .iter()
        .find(|s| s.name == Source::Ispdb)
        .unwrap();
    assert_eq!(ispdb.checked.as_deref(), Some("2026-03-12"));
    assert_eq!(ispdb.url, None);
    // An ISPDB-only record is dated by the ISPDB snapshot.
    let kelcom = must("a@kelcom.net");
    assert_eq!(names(&kelcom), [Source::Ispdb]);
    assert_eq!(kelcom.checked.as_deref(), Some("2026-03-12"));
}

#[test]
fn outlook_com_is_oauth_only_and_never_called_broken() {
    let ms = must("kim@outlook.com");
    assert_eq!(ms.status, ProviderStatus::OauthOnly);
    // "oauth2" is implied by "oauth2-only" and not repeated.
    assert!(has(&ms, Requirement::Oauth2Only) && !has(&ms, Requirement::Oauth2));
    assert!(ms
        .incoming
        .iter()
        .chain(&ms.outgoing)
        .all(|s| s.auth == [mailports::settings::Auth::Oauth2]));
    let text = serde_json::to_string(&ms).unwrap().to_lowercase();
    assert!(
        !text.contains("badly") && !text.contains("broken"),
        "{text}"
    );
    assert_eq!(names(&ms)[0], Source::Reviewed);
}

#[test]
fn providers_only_delta_chat_knows() {
    for (input, id) in [
        ("a@fastmail.com", "fastmail"),
        ("a@mailbox.org", "mailbox.org"),
        ("a@protonmail.com", "protonmail"),
        ("a@tutanota.com", "tutanota"),
        ("a@hey.com", "hey.com"),
        ("a@ukr.net", "ukr.net"),
    ] {
        let m = must(input);
        assert_eq!(m.id, id);
        assert!(names(&m).contains(&Source::Deltachat), "{input}");
        assert!(!names(&m).contains(&Source::Ispdb), "{input}");
    }
    // Fastmail's many vanity domains all point to it.
    assert_eq!(must("x@sent.com").id, "fastmail");
    assert_eq!(must("x@fastmail.co.uk").id, "fastmail");
}

#[test]
fn imap_less_providers_say_so() {
    let proton = must("me@pm.me");
    assert_eq!(proton.status, ProviderStatus::NoMailApp);
    assert!(proton.incoming.is_empty() && proton.outgoing.is_empty());
    assert!(has(&proton, Requirement::BridgeRequired) && has(&proton, Requirement::NoImap));
    assert!(!has(&proton, Requirement::NotSupported));

    for input in ["me@tutanota.com", "me@tuta.io", "me@hey.com", "me@i.ua"] {
        let m = must(input);
        assert_eq!(m.status, ProviderStatus::NoMailApp, "{input}");
        assert!(m.incoming.is_empty(), "{input}");
        assert!(has(&m, Requirement::NoImap), "{input}");
    }
}

#[test]
fn pop_only_providers_offer_pop3_and_say_no_imap() {
    for input in [
        "taro@nifty.com",
        "taro@biglobe.ne.jp",
        "taro@ocn.ne.jp",
        "raj@rediffmail.com",
    ] {
        let m = must(input);
        assert!(!m.incoming.is_empty(), "{input}");
        assert!(
            m.incoming.iter().all(|s| s.protocol == MailProtocol::Pop3),
            "{input}"
        );
        assert!(has(&m, Requirement::NoImap), "{input}");
        assert!(!has(&m, Requirement::ImapMustBeEnabled), "{input}");
    }
    let nifty = must("taro@nifty.com");
    assert_eq!(nifty.incoming[0].username, "taro");
    // The reviewed entry gives Yahoo! JAPAN an IMAP server, so "no-imap" goes.
    let yahoo_jp = must("taro@yahoo.co.jp");
    assert_eq!(yahoo_jp.incoming[0].protocol, MailProtocol::Imap);
    assert!(!has(&yahoo_jp, Requirement::NoImap));
}

#[test]
fn requirement_codes_from_upstream_fields() {
    assert!(has(&must("x@mail2tor.com"), Requirement::TorRequired));
    assert!(must("x@mail2tor.com").incoming[0]
        .hostname
        .ends_with(".onion"));
    assert!(has(&must("x@nauta.cu"), Requirement::CertificateWarning));
    assert!(has(&must("x@mail.com"), Requirement::PaidPlan));
    assert!(has(&must("x@web.de"), Requirement::ImapMustBeEnabled));
    assert!(has(&must("x@web.de"), Requirement::PopMustBeEnabled));
    assert!(has(&must("x@yahoo.com"), Requirement::AppPassword));
}

#[test]
fn servers_are_ordered_best_first_everywhere() {
    let mut checked = 0;
    let mut with_plaintext = 0;
    for p in list() {
        let Some(m) = by_id(&p.id) else {
            panic!("{}: by_id failed", p.id)
        };
        for servers in [&m.incoming, &m.outgoing] {
            let mut sorted: Vec<Server> = servers.clone();
            providers::sort_servers(&mut sorted);
            assert_eq!(&sorted, servers, "{}", p.id);
            // TLS first: no plaintext server before a TLS one.
            let first_plain = servers
                .iter()
                .position(|s| s.security == Security::Plaintext);
            if let Some(i) = first_plain {
                with_plaintext += 1;
                assert!(
                    servers[i..]
                        .iter()
                        .all(|s| s.security == Security::Plaintext),
                    "{}",
                    p.id
                );
            }
            checked += servers.len();
        }
        assert!(
            m.incoming.iter().all(|s| s.protocol != MailProtocol::Smtp),
            "{}",
            p.id
        );
        assert!(
            m.outgoing.iter().all(|s| s.protocol == MailProtocol::Smtp),
            "{}",
            p.id
        );
        assert_eq!(
            (m.incoming.len(), m.outgoing.len()),
            (p.incoming as usize, p.outgoing as usize),
            "{}",
            p.id
        );
    }
    assert!(checked > 500, "only {checked} servers");
    // Some records keep a plaintext server, so the TLS-first check ran.
    assert!(with_plaintext > 0, "no server list has a plaintext server");
    // Implicit TLS before STARTTLS, IMAP before POP3.
    let gmx = must("a@gmx.net");
    let order: Vec<(MailProtocol, u16)> =
        gmx.incoming.iter().map(|s| (s.protocol, s.port)).collect();
    assert_eq!(
        order,
        [
            (MailProtocol::Imap, 993),
            (MailProtocol::Imap, 143),
            (MailProtocol::Pop3, 995)
        ]
    );
    assert_eq!(
        must("a@zoho.com")
            .outgoing
            .iter()
            .map(|s| s.port)
            .collect::<Vec<_>>(),
        [465, 587]
    );
}

#[test]
fn coverage_is_at_least_what_the_importer_reported() {
    let all: Vec<&str> = domains().collect();
    assert!(all.len() >= 1200, "{} domains", all.len());
    assert!(
        all.windows(2).all(|w| w[0] < w[1]),
        "domains sorted and unique"
    );
    let providers = list();
    assert!(providers.len() >= 220, "{} providers", providers.len());
    let ids: Vec<&str> = providers.iter().map(|p| p.id.as_str()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "ids sorted and unique");
    let listed: usize = providers.iter().map(|p| p.domains.len()).sum();
    assert_eq!(listed, all.len());
}

#[test]
fn every_domain_looks_up_to_its_own_record() {
    for p in list() {
        assert!(!p.name.trim().is_empty(), "{}", p.id);
        assert!(!p.sources.is_empty(), "{}", p.id);
        for d in &p.domains {
            let m = must(d);
            assert_eq!(m.id, p.id, "{d}");
            assert_eq!(&m.domain, d);
            // Every placeholder in a host name is filled in.
            assert!(
                m.incoming
                    .iter()
                    .chain(&m.outgoing)
                    .all(|s| !s.hostname.contains('%')),
                "{d}"
            );
        }
        // A record without domains is an SMTP relay service from nodemailer,
        // or a hosting service known only by its MX hosts.
        if p.domains.is_empty() {
            let relay = p.sources == [Source::Nodemailer] && (p.incoming, p.outgoing) == (0, 1);
            assert!(relay || !p.mx.is_empty(), "{}", p.id);
        }
    }
}

#[test]
fn domain_data_is_well_formed() {
    for d in domains() {
        assert_eq!(
            mailports::email::normalize_domain(d).as_deref(),
            Ok(d),
            "{d}"
        );
    }
    for (mx, id) in mx_patterns() {
        assert_eq!(
            mailports::email::normalize_domain(mx).as_deref(),
            Ok(mx),
            "{mx}"
        );
        assert!(by_id(id).is_some(), "{id}");
    }
    assert!(mx_patterns().any(|(mx, id)| mx == "google.com" && id == "googlemail.com"));
    assert!(mx_patterns().any(|(mx, id)| mx == "olc.protection.outlook.com" && id == "hotmail.com"));
    // ...but none of them is a mail domain.
    assert!(!domains().any(|d| d == "olc.protection.outlook.com"));
}

#[test]
fn smtp_only_services_from_nodemailer() {
    let sendgrid = by_id("sendgrid").expect("SendGrid is listed");
    assert!(sendgrid.incoming.is_empty());
    assert_eq!(sendgrid.outgoing[0].hostname, "smtp.sendgrid.net");
    assert_eq!(
        sendgrid.outgoing[0].username, "",
        "relay services issue their own credentials"
    );
    assert_eq!(sendgrid.status, ProviderStatus::NoMailApp);
    // A mailbox provider only nodemailer knows: outgoing only, address as user name.
    let runbox = must("ola@runbox.com");
    assert!(runbox.incoming.is_empty());
    assert_eq!(runbox.outgoing[0].username, "ola@runbox.com");
}

#[test]
fn unknown_but_valid_input_is_none() {
    for input in [
        "someone@example.com",
        "example.org",
        "a@my-company.co.uk",
        "a@xn--bcher-kva.example",
    ] {
        assert_eq!(lookup(input).unwrap(), None, "{input}");
    }
}

#[test]
fn malformed_input_gives_typed_errors_never_a_panic() {
    let cases: &[(&str, &str)] = &[
        ("", "empty-input"),
        ("   \t ", "empty-input"),
        ("@", "invalid-address"),
        ("user@", "invalid-address"),
        ("a@b@gmail.com", "invalid-address"),
        ("user@@gmail.com", "invalid-address"),
        ("user@gmail..com", "invalid-domain"),
        ("user@-gmail.com", "invalid-domain"),
        ("user@gmail", "invalid-domain"),
        ("user@gm ail.com", "invalid-domain"),
        ("user@gmail.com\u{0}", "invalid-character"),
        ("user@gmail.com\u{202E}", "invalid-character"),
        ("us\u{200D}er@gmail.com", "invalid-character"),
        ("user@😀.com", "invalid-domain"),
    ];
    for &(input, code) in cases {
        match lookup(input) {
            Err(e) => assert_eq!(e.code(), code, "{input:?}: {e}"),
            Ok(m) => panic!("{input:?} should fail, got {m:?}"),
        }
    }
    let huge = format!("user@{}.com", "a".repeat(100_000));
    assert_eq!(lookup(&huge).unwrap_err().code(), "too-long");
    let long_label = format!("user@{}.com", "a".repeat(64));
    assert_eq!(lookup(&long_label).unwrap_err().code(), "too-long");
}

#[test]
fn random_input_never_panics() {
    // A fixed-seed generator over a hostile alphabet.
    let alphabet: Vec<char> =
        "aZ0.@-_+%\" \t\u{0}\u{202E}\u{200B}ü\u{FF21}＠．😀\u{D7FF}\u{FFFF}\\/[]()<>,;:"
            .chars()
            .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let known = [
        "empty-input",
        "too-long",
        "invalid-character",
        "invalid-address",
        "invalid-domain",
    ];
    for _ in 0..5000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 40) as usize;
        let s: String = (0..len)
            .map(|i| alphabet[((seed >> (i % 50)) as usize + i * 7) % alphabet.len()])
            .collect();
        if let Err(e) = lookup(&s) {
            assert!(known.contains(&e.code()), "{s:?}: {}", e.code());
        }
    }
}

#[test]
fn requirement_table_is_sorted_and_matches_serde() {
    assert!(REQUIREMENTS.windows(2).all(|w| w[0].code < w[1].code));
    for (i, info) in REQUIREMENTS.iter().enumerate() {
        assert_eq!(
            info.requirement as usize, i,
            "{} is out of declaration order",
            info.code
        );
        let json = serde_json::to_string(&info.requirement).unwrap();
        assert_eq!(json, format!("\"{}\"", info.code));
        assert_eq!(Requirement::from_code(info.code), Some(info.requirement));
        assert_eq!(info.requirement.code(), info.code);
    }
}

/// The TypeScript unions in www/src/types/providers.d.ts list exactly the
/// core's codes.
#[test]
fn typescript_unions_match_the_core() {
    let dts = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/src/types/providers.d.ts"
    ))
    .expect("providers.d.ts");
    let union = |name: &str| -> Vec<String> {
        let start = dts
            .find(&format!("export type {name} ="))
            .unwrap_or_else(|| panic!("{name}"));
        let body = &dts[start..];
        let body = &body[..body.find(';').unwrap()];
        body.split('\'')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    };
    let codes: Vec<String> = REQUIREMENTS.iter().map(|r| r.code.to_owned()).collect();
    assert_eq!(union("RequirementCode"), codes);
    let statuses: Vec<String> = ProviderStatus::NAMES
        .iter()
        .map(|(_, n)| n.to_string())
        .collect();
    assert_eq!(union("ProviderStatus"), statuses);
    for (s, name) in ProviderStatus::NAMES {
        assert_eq!(serde_json::to_string(s).unwrap(), format!("\"{name}\""));
    }
    let sources: Vec<String> = Source::NAMES.iter().map(|(_, n)| n.to_string()).collect();
    assert_eq!(union("ProviderSource"), sources);
    for (s, name) in Source::NAMES {
        assert_eq!(serde_json::to_string(s).unwrap(), format!("\"{name}\""));
    }
}

/// The committed data file carries its generated-by notice, sources with
/// commits and licence, and exactly the records the core was built from.
#[test]
fn committed_data_file_header_and_records() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/providers.jsonl"))
            .expect("data/providers.jsonl");
    let header: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
    let joined = header.join("\n");
    for needle in [
        "@generated",
        "MPL-2.0",
        "MIT-0",
        "Merge rules",
        "zoho.com",
        "commit c6ad7965",
    ] {
        assert!(joined.contains(needle), "header lacks {needle:?}");
    }
    let records: Vec<serde_json::Value> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(records.len(), list().len());
    let keys: Vec<&str> = records[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut sorted_keys = keys.clone();
    sorted_keys.sort();
    assert_eq!(
        sorted_keys,
        [
            "alternatives",
            "domains",
            "id",
            "incoming",
            "mx",
            "name",
            "outgoing",
            "requirements",
            "sources"
        ]
    );
    let attribution =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/ATTRIBUTION.md"))
            .unwrap();
    assert!(attribution.contains("MPL-2.0") && attribution.contains("MIT-0"));
    for lic in [
        "thunderbird-ispdb-MPL-2.0.txt",
        "deltachat-provider-db-MPL-2.0.txt",
        "nodemailer-MIT-0.txt",
    ] {
        let path = format!("{}/data/licenses/{lic}", env!("CARGO_MANIFEST_DIR"));
        let body = std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{path}"));
        assert!(body.len() > 500 || lic.contains("MIT-0"), "{lic}");
        assert!(attribution.contains(lic), "{lic} not linked");
    }
}
