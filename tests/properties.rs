//! Property tests (proptest) for the invariants the hardening work relies on:
//! normalising an address or a domain is idempotent, the length limits hold
//! for any input, a typo suggestion is never the input itself, and every
//! exported file reads back to the settings it was made from. Case counts are
//! bounded so the whole file runs in a few seconds; the fuzz targets in fuzz/
//! check the same invariants on far more inputs.

use mailports::autoconfig;
use mailports::email::{
    normalize_domain, parse_input, MAX_ADDRESS_LEN, MAX_DOMAIN_LEN, MAX_LOCAL_LEN,
};
use mailports::export::{export, ExportFormat, ExportOptions, ExportSettings};
use mailports::ports::Security;
use mailports::settings::{Auth, MailProtocol, Server};
use mailports::suggest::{known_domains, suggest};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestRunner;
use std::sync::atomic::{AtomicUsize, Ordering};

#[path = "shared/json_args.rs"]
mod json_args;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// One label as people type it: ASCII in any case, Unicode letters, full
/// width, or an A-label.
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        // A random `xn--` label is almost never valid Punycode: the A-labels
        // come from the list below.
        4 => "[a-zA-Z0-9]([a-zA-Z0-9-]{0,12}[a-zA-Z0-9])?"
            .prop_filter("a random xn-- label", |l| !l.to_ascii_lowercase().starts_with("xn--")),
        2 => select(vec!["bücher", "MÜNCHEN", "café", "δοκιμή", "пример", "例え", "ÉCOLE", "straße"])
            .prop_map(str::to_owned),
        1 => select(vec!["ｇｍａｉｌ", "ＥＸＡＭＰＬＥ"]).prop_map(str::to_owned),
        1 => select(vec!["xn--bcher-kva", "xn--mnchen-3ya", "XN--CAF-DMA"]).prop_map(str::to_owned),
    ]
}

/// A domain of two to four labels, with a trailing dot now and then.
fn domain() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(label(), 1..=3),
        select(vec!["com", "de", "ORG", "net", "test", "ｃｏｍ"]),
        any::<bool>(),
    )
        .prop_map(|(labels, tld, dot)| {
            format!("{}.{tld}{}", labels.join("."), if dot { "." } else { "" })
        })
}

/// A local part: a dot-atom of ASCII or Unicode text, `+tag` included.
fn local() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]{1,20}(\\.[a-zA-Z0-9_+-]{1,10}){0,2}|[a-zà-ÿ]{1,10}"
}

/// Any text, biased towards the characters addresses are made of.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ a-zA-Z0-9@.\\-_+%ü例ｇ＠。\u{200D}\u{202E}]{0,40}",
        (local(), domain()).prop_map(|(l, d)| format!("  {l}@{d} ")),
    ]
}

/// Runs `property` on `cases` generated values, as `proptest!` does, and
/// fails unless at least `min_hits` of them reached its checks (the property
/// returns `Ok(true)` for those): a property that only checks what passes an
/// `if let Ok(..)` must not pass by never getting past the `if`.
fn check_hits<S: Strategy>(
    cases: u32,
    min_hits: usize,
    strategy: S,
    property: impl Fn(S::Value) -> Result<bool, TestCaseError>,
) {
    let hits = AtomicUsize::new(0);
    let mut runner = TestRunner::new(config(cases));
    let result = runner.run(&strategy, |value| {
        if property(value)? {
            hits.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let hits = hits.into_inner();
    assert!(
        hits >= min_hits,
        "only {hits} of {cases} cases reached the checks (at least {min_hits} should)"
    );
}

#[test]
fn normalising_an_address_is_idempotent() {
    check_hits(512, 100, typed(), |text| {
        let Ok(a) = parse_input(&text) else {
            return Ok(false);
        };
        let again = parse_input(&a.to_ascii_string()).expect("the normal form is valid");
        prop_assert_eq!(&again, &a);
        prop_assert_eq!(normalize_domain(&a.unicode_domain), Ok(a.domain.clone()));
        prop_assert_eq!(normalize_domain(&a.domain), Ok(a.domain.clone()));
        prop_assert!(a.domain.is_ascii() && a.domain == a.domain.to_ascii_lowercase());
        Ok(true)
    });
}

#[test]
fn normalising_a_domain_is_idempotent() {
    check_hits(512, 150, prop_oneof![domain(), typed()], |text| {
        let Ok(d) = normalize_domain(&text) else {
            return Ok(false);
        };
        prop_assert_eq!(normalize_domain(&d), Ok(d.clone()));
        let parsed = parse_input(&d).expect("a domain is a valid input");
        prop_assert_eq!(normalize_domain(&parsed.unicode_domain), Ok(d.clone()));
        Ok(true)
    });
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn valid_addresses_are_accepted_and_keep_their_local_part(l in local(), d in domain()) {
        let typed = format!("{l}@{d}");
        let domain = normalize_domain(&d);
        match parse_input(&typed) {
            Ok(a) => {
                prop_assert_eq!(a.local.as_deref(), Some(l.as_str()));
                prop_assert_eq!(Ok(a.domain), domain);
            }
            // Only a length limit may refuse these.
            Err(e) => prop_assert!(
                e.code() == "too-long" || domain.as_ref().is_err_and(|de| de == &e),
                "{typed:?}: {e}"
            ),
        }
    }
}

#[test]
fn accepted_input_fits_the_limits() {
    check_hits(512, 100, (typed(), 0usize..400), |(text, pad)| {
        let long = format!("{}{text}", "a".repeat(pad));
        let mut hit = false;
        for input in [text, long] {
            if let Ok(a) = parse_input(&input) {
                hit = true;
                prop_assert!(a.to_ascii_string().len() <= MAX_ADDRESS_LEN);
                prop_assert!(a.domain.len() < MAX_DOMAIN_LEN);
                prop_assert!(a.local.as_ref().map_or(true, |l| l.len() <= MAX_LOCAL_LEN));
            }
            // More characters than an address can have is always refused.
            if input.trim().chars().count() > MAX_ADDRESS_LEN {
                prop_assert!(parse_input(&input).is_err());
            }
            if input.trim().chars().count() > MAX_DOMAIN_LEN {
                prop_assert!(normalize_domain(&input).is_err());
            }
        }
        Ok(hit)
    });
}

/// A typo of a known domain: one or two deletions, swaps, insertions or
/// substitutions in its name, or a slip in its TLD.
fn typo() -> impl Strategy<Value = String> {
    let known: Vec<&'static str> = known_domains().collect();
    (
        select(known),
        prop::collection::vec((0u8..4, any::<prop::sample::Index>(), "[a-z0-9.]"), 1..=2),
    )
        .prop_map(|(domain, edits)| {
            let mut chars: Vec<char> = domain.chars().collect();
            for (kind, at, c) in edits {
                if chars.len() < 2 {
                    break;
                }
                let i = at.index(chars.len() - 1);
                let c = c.chars().next().unwrap_or('x');
                match kind {
                    0 => {
                        chars.remove(i);
                    }
                    1 => chars.swap(i, i + 1),
                    2 => chars.insert(i, c),
                    _ => chars[i] = c,
                }
            }
            chars.into_iter().collect()
        })
}

#[test]
fn a_suggestion_is_never_the_input_itself() {
    let input = (
        prop_oneof![typo(), domain(), typed()],
        prop::option::of(local()),
    )
        .prop_map(|(domain, local)| match local {
            Some(l) => format!("{l}@{domain}"),
            None => domain,
        });
    check_hits(512, 50, input, |input| {
        let Ok(Some(s)) = suggest(&input, &[]) else {
            return Ok(false);
        };
        let typed = parse_input(&input).expect("only valid input gets a suggestion");
        prop_assert_ne!(&s.domain, &typed.domain);
        prop_assert_eq!(normalize_domain(&s.domain), Ok(s.domain.clone()));
        prop_assert_ne!(&s.full, &typed.to_ascii_string());
        prop_assert_ne!(s.full.as_str(), input.trim());
        // The suggestion itself is a known domain or a TLD fix: taking it
        // settles the question.
        prop_assert_eq!(suggest(&s.full, &[]), Ok(None), "{} -> {}", input, s.full);
        Ok(true)
    });
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn a_known_domain_gets_no_suggestion(domain in select(known_domains().collect::<Vec<_>>())) {
        prop_assert_eq!(suggest(domain, &[]), Ok(None));
        prop_assert_eq!(suggest(&format!("someone@{domain}"), &[]), Ok(None));
    }
}

// ---- export round trips --------------------------------------------------------

fn host() -> impl Strategy<Value = String> {
    (select(vec!["imap", "smtp", "pop", "mail", "MX1"]), domain())
        .prop_map(|(h, d)| format!("{h}.{d}"))
}

fn server(incoming: bool) -> impl Strategy<Value = Server> {
    let protocols = if incoming {
        vec![MailProtocol::Imap, MailProtocol::Pop3]
    } else {
        vec![MailProtocol::Smtp]
    };
    (
        select(protocols),
        host(),
        1u16..=65535,
        select(vec![
            Security::ImplicitTls,
            Security::Starttls,
            Security::Plaintext,
        ]),
        select(vec![
            "%EMAILADDRESS%",
            "%EMAILLOCALPART%",
            "%EMAILLOCALPART%@%EMAILDOMAIN%",
            "support",
            "mail\\ana",
        ]),
        prop::sample::subsequence(
            Auth::NAMES.iter().map(|&(a, _)| a).collect::<Vec<_>>(),
            0..=3,
        ),
    )
        .prop_map(
            |(protocol, hostname, port, security, username, auth)| Server {
                protocol,
                hostname,
                port,
                security,
                username: username.into(),
                auth,
            },
        )
}

fn settings() -> impl Strategy<Value = ExportSettings> {
    (
        domain(),
        prop::option::of("[A-Za-z0-9 &<>\"'é例]{1,30}"),
        prop::option::of("[A-Za-z0-9 &<>]{1,10}"),
        prop::collection::vec(server(true), 1..=3),
        prop::collection::vec(server(false), 1..=2),
    )
        .prop_map(
            |(domain, name, short_name, incoming, outgoing)| ExportSettings {
                domain,
                name: name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
                short_name: short_name
                    .map(|n| n.trim().to_owned())
                    .filter(|n| !n.is_empty()),
                incoming,
                outgoing,
            },
        )
}

/// What the settings look like once checked: host names and the domain in
/// normal form, no repeated server, at least one sign-in method.
fn normalised(s: &ExportSettings) -> ExportSettings {
    let servers = |list: &[Server]| {
        let mut out: Vec<Server> = Vec::new();
        for srv in list {
            let srv = Server {
                hostname: normalize_domain(&srv.hostname).expect("generated hosts are valid"),
                ..srv.clone()
            };
            if !out.contains(&srv) {
                out.push(srv);
            }
        }
        out
    };
    ExportSettings {
        domain: normalize_domain(&s.domain).expect("generated domains are valid"),
        incoming: servers(&s.incoming),
        outgoing: servers(&s.outgoing),
        ..s.clone()
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn an_exported_autoconfig_file_reads_back_to_the_same_settings(s in settings()) {
        let file = export(&s, ExportFormat::ThunderbirdAutoconfig, &ExportOptions::default())
            .expect("generated settings export");
        let back = autoconfig::parse(&file.content).expect("the file parses");
        let want = normalised(&s);
        prop_assert_eq!(&back.domains, &vec![want.domain.clone()]);
        prop_assert_eq!(&back.display_name, want.name.as_ref().unwrap_or(&want.domain));
        let with_password = |list: &[Server]| -> Vec<Server> {
            list.iter()
                .map(|srv| {
                    let mut auth = srv.auth.clone();
                    if auth.is_empty() {
                        auth.push(Auth::Password);
                    }
                    Server { auth, ..srv.clone() }
                })
                .collect()
        };
        prop_assert_eq!(back.incoming, with_password(&want.incoming));
        prop_assert_eq!(back.outgoing, with_password(&want.outgoing));
    }

    #[test]
    fn an_exported_json_file_reads_back_to_the_same_settings(s in settings()) {
        let file = export(&s, ExportFormat::Json, &ExportOptions::default())
            .expect("generated settings export");
        let back = ExportSettings::from_args(json_args::pairs(&file.content)).expect("the file reads back");
        prop_assert_eq!(&back, &normalised(&s));
        let again = export(&back, ExportFormat::Json, &ExportOptions::default()).expect("exports again");
        prop_assert_eq!(again.content, file.content);
    }

    #[test]
    fn an_exported_zone_file_lists_every_server(s in settings(), ttl in 0u32..=86400) {
        let options = ExportOptions { ttl: Some(ttl), ..ExportOptions::default() };
        let file = export(&s, ExportFormat::DnsSrv, &options).expect("generated settings export");
        let want = normalised(&s);
        let records: Vec<Vec<&str>> = file
            .content
            .lines()
            .filter(|l| l.starts_with('_'))
            .map(|l| l.split_whitespace().collect())
            .collect();
        for srv in want.incoming.iter().chain(&want.outgoing) {
            let target = format!("{}.", srv.hostname);
            let port = srv.port.to_string();
            prop_assert!(
                records.iter().any(|r| r.len() == 7 && r[5] == port && r[6] == target),
                "{}:{} missing from\n{}", srv.hostname, srv.port, file.content
            );
        }
        let ttl_line = format!("$TTL {ttl}\n");
        prop_assert!(file.content.contains(&ttl_line));
    }
}

// ---- user names filled in from the address ------------------------------------

/// A document for `placeholder.test` whose user names are templates.
const PLACEHOLDER_AUTOCONFIG: &str = r#"<clientConfig version="1.1"><emailProvider id="placeholder.test">
<domain>placeholder.test</domain>
<incomingServer type="imap"><hostname>mail.%EMAILDOMAIN%</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILLOCALPART%</username></incomingServer>
<outgoingServer type="smtp"><hostname>mail.%EMAILDOMAIN%</hostname><port>465</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username></outgoingServer>
</emailProvider></clientConfig>"#;

proptest! {
    #![proptest_config(config(128))]

    /// The local part is put into user-name templates as it is: a `%` in it
    /// is never read as a placeholder, whether the templates come from a
    /// provider record (lookup), a domain's autoconfig file (discovery) or
    /// the settings being exported (found by the `provider` fuzz target:
    /// `%EMAILDOMAIN%x@…` used to become the domain).
    #[test]
    fn a_local_part_is_never_read_as_a_placeholder(
        local in "[a-z]{0,3}(%EMAILDOMAIN%|%EMAILADDRESS%|%EMAILLOCALPART%|%)[a-z.]{0,3}[a-z]",
    ) {
        use mailports::discovery::{evaluate, plan, Builtin, Fetched};
        use mailports::providers::{lookup, register, ProviderRecord, ServerRecord};
        let address = format!("{local}@placeholder.test");

        // Lookup: a registered record.
        let record_server = |protocol: &str, username: &str| ServerRecord {
            protocol: protocol.into(),
            hostname: "mail.%EMAILDOMAIN%".into(),
            port: if protocol == "smtp" { 465.0 } else { 993.0 },
            security: "implicit-tls".into(),
            username: Some(username.into()),
            ..ServerRecord::default()
        };
        register(ProviderRecord {
            id: "placeholder-test".into(),
            name: "Placeholder test".into(),
            domains: vec!["placeholder.test".into()],
            incoming: vec![record_server("imap", "%EMAILLOCALPART%")],
            outgoing: vec![record_server("smtp", "%EMAILADDRESS%")],
            ..ProviderRecord::default()
        })
        .expect("a valid record");
        let Ok(Some(m)) = lookup(&address) else {
            return Err(TestCaseError::reject("not a valid address"));
        };
        prop_assert_eq!(&m.incoming[0].username, &local);
        prop_assert_eq!(&m.outgoing[0].username, &address);
        prop_assert_eq!(&m.incoming[0].hostname, "mail.placeholder.test");

        // Discovery: the domain's own autoconfig file.
        let p = plan(&address).expect("lookup accepted the address");
        let fetched = Fetched {
            autoconfig: vec![Some(PLACEHOLDER_AUTOCONFIG.into()), None],
            ..Fetched::default()
        };
        let out = evaluate(&p, &fetched, &Builtin::new());
        prop_assert_eq!(&out.incoming[0].username, &local);
        prop_assert_eq!(&out.outgoing[0].username, &address);
        prop_assert_eq!(&out.incoming[0].hostname, "mail.placeholder.test");

        // Export: a profile made for the address.
        let template = |protocol, port, username: &str| Server {
            protocol,
            hostname: "mail.%EMAILDOMAIN%".into(),
            port,
            security: Security::ImplicitTls,
            username: username.into(),
            auth: vec![Auth::Password],
        };
        let settings = ExportSettings {
            domain: "placeholder.test".into(),
            name: None,
            short_name: None,
            incoming: vec![template(MailProtocol::Imap, 993, "%EMAILLOCALPART%")],
            outgoing: vec![template(MailProtocol::Smtp, 465, "%EMAILADDRESS%")],
        };
        let options = ExportOptions { email: Some(address.clone()), ..ExportOptions::default() };
        let profile = export(&settings, ExportFormat::AppleMobileconfig, &options)
            .expect("the settings export")
            .content;
        let user = |side: &str, value: &str| {
            format!("<key>{side}MailServerUsername</key>\n\t\t\t<string>{value}</string>")
        };
        prop_assert!(profile.contains(&user("Incoming", &local)), "{}", profile);
        prop_assert!(profile.contains(&user("Outgoing", &address)), "{}", profile);
    }
}

// ---- autoconfig notes --------------------------------------------------------

proptest! {
    #![proptest_config(config(64))]

    /// A note quotes hostile text only in part (found by the `autoconfig` fuzz
    /// target: a 2 KB user name with a broken placeholder was quoted twice).
    #[test]
    fn autoconfig_notes_quote_hostile_text_briefly(
        filler in "[a-z<>&;\"]{500,2000}",
        placeholder in select(vec!["%EMAILADDRESS", "%EMAILLOCALPART", "%EMAILDOMAIN"]),
    ) {
        let escaped = filler.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let xml = format!(
            r#"<clientConfig version="1.1"><emailProvider id="x.test"><domain>x.test</domain>
<incomingServer type="imap"><hostname>imap.x.test</hostname><port>993</port><socketType>SSL</socketType><username>{escaped}{placeholder}</username></incomingServer>
<outgoingServer type="smtp"><hostname>smtp.x.test</hostname><port>465</port><socketType>SSL</socketType><username>{placeholder}{escaped}</username></outgoingServer>
</emailProvider></clientConfig>"#
        );
        let config = autoconfig::parse(&xml).expect("a valid document");
        prop_assert!(config.notes.iter().any(|n| n.contains("lacked a closing %")));
        for note in &config.notes {
            prop_assert!(note.len() <= 400, "a note of {} bytes", note.len());
        }
    }
}
