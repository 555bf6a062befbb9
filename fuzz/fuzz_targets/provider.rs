//! Custom provider records (`providers::register`, `lookup`, `list`,
//! `unregister`): no panic, typed errors naming the field, and a stored
//! record holds only checked values and is found again by its domains.
#![no_main]
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use mailports::email::{normalize_domain, parse_input};
use mailports::providers::{
    list as providers, lookup, register, unregister, ProviderRecord, ServerRecord,
};
use mailports_fuzz::{check_error, host, list, port, text, word};

fn server(u: &mut Unstructured<'_>, protocols: &[&str]) -> Result<ServerRecord> {
    Ok(ServerRecord {
        protocol: word(u, protocols)?,
        hostname: host(u)?,
        port: port(u)?,
        security: word(u, &["implicit-tls", "starttls", "plaintext"])?,
        username: if u.arbitrary()? { Some(text(u)?) } else { None },
        auth: list(u, 3, |u| {
            word(
                u,
                &["password", "oauth2", "none", "ntlm", "client-ip-address"],
            )
        })?,
    })
}

fn record(u: &mut Unstructured<'_>) -> Result<ProviderRecord> {
    Ok(ProviderRecord {
        id: word(u, &["acme", "acme-mail", "a.b_c", "x"])?,
        name: text(u)?,
        domains: list(u, 4, |u| {
            word(u, &["acme.test", "bücher.de", "ACME.example.", "gmail.com"])
        })?,
        requirements: list(u, 3, |u| {
            word(
                u,
                &[
                    "oauth2",
                    "app-password",
                    "imap-must-be-enabled",
                    "paid-plan",
                ],
            )
        })?,
        incoming: list(u, 3, |u| server(u, &["imap", "pop3"]))?,
        outgoing: list(u, 3, |u| server(u, &["smtp"]))?,
        mx: list(u, 2, host)?,
    })
}

/// The user name a template gives for an address, placeholders replaced in
/// one pass (text from the address is never read as a placeholder).
fn fill(template: &str, local: &str, domain: &str) -> String {
    let address = format!("{local}@{domain}");
    let mut out = String::new();
    let mut rest = template;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let hit = [
            ("%EMAILADDRESS%", address.as_str()),
            ("%EMAILLOCALPART%", local),
            ("%EMAILDOMAIN%", domain),
        ]
        .into_iter()
        .find(|(p, _)| rest.starts_with(p));
        match hit {
            Some((p, value)) => {
                out.push_str(value);
                rest = &rest[p.len()..];
            }
            None => {
                out.push('%');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn run(u: &mut Unstructured<'_>) -> Result<()> {
    let rec = record(u)?;
    let local = text(u)?;
    let summary = match register(rec.clone()) {
        Ok(s) => s,
        Err(e) => {
            check_error(&e);
            assert_eq!(e.code(), "invalid-provider");
            return Ok(());
        }
    };
    assert_eq!(summary.id, rec.id.trim());
    assert!(!summary.name.is_empty() && summary.name.chars().count() <= 100);
    // list() summarises every built-in provider too: checked now and then only.
    if u.ratio(1, 64).unwrap_or(false) {
        assert!(providers().iter().any(|p| p.id == summary.id));
    }
    for d in &summary.domains {
        assert_eq!(normalize_domain(d).as_deref(), Ok(d.as_str()));
        let found = lookup(d)
            .expect("a stored domain is a valid input")
            .expect("found");
        assert_eq!(found.id, summary.id);
        for s in found.incoming.iter().chain(&found.outgoing) {
            assert!(s.port > 0);
            assert!(
                !s.hostname.contains('%'),
                "placeholder left in {}",
                s.hostname
            );
        }
        match lookup(&format!("{local}@{d}")) {
            Ok(Some(m)) => {
                assert_eq!(m.id, summary.id);
                let typed = parse_input(&format!("{local}@{d}")).expect("looked up, so valid");
                let local = typed.local.as_deref().unwrap_or_default();
                let templates = found.incoming.iter().chain(&found.outgoing);
                for (s, t) in m.incoming.iter().chain(&m.outgoing).zip(templates) {
                    assert_eq!(s.username, fill(&t.username, local, &typed.domain));
                }
            }
            Ok(None) => panic!("{local}@{d} not found"),
            Err(e) => check_error(&e),
        }
    }
    assert!(unregister(&summary.id));
    assert!(!unregister(&summary.id));
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
