//! Autoconfig XML (`autoconfig::parse`) on any text: no panic, typed errors,
//! bounded output, and whatever it accepts survives an export to
//! `thunderbird-autoconfig` and a second parse with the same servers.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mailports::autoconfig::{auth_method, parse, repair_placeholders};
use mailports::email::normalize_domain;
use mailports::export::{export, ExportFormat, ExportOptions, ExportSettings};
use mailports_fuzz::check_error;

fuzz_target!(|xml: &str| {
    let (fixed, _) = repair_placeholders(xml);
    assert_eq!(
        repair_placeholders(&fixed).0,
        fixed,
        "repairing twice changed the text"
    );
    let _ = auth_method(xml);

    let config = match parse(xml) {
        Ok(c) => c,
        Err(e) => return check_error(&e),
    };
    for s in config.incoming.iter().chain(&config.outgoing) {
        assert!(s.port > 0);
        assert!(s.hostname.is_ascii() && !s.hostname.is_empty());
        assert!(!s.auth.is_empty());
    }
    assert!(config.notes.len() <= 1000);
    assert!(config.notes.iter().all(|n| n.len() <= 4096));

    // Round trip: what was read can be written and read back unchanged.
    let Some(domain) = config.domains.first() else {
        return;
    };
    let settings = ExportSettings {
        domain: domain.clone(),
        name: Some(config.display_name.clone()).filter(|n| !n.is_empty()),
        short_name: Some(config.display_short_name.clone()).filter(|n| !n.is_empty()),
        incoming: config.incoming.clone(),
        outgoing: config.outgoing.clone(),
    };
    let file = match export(
        &settings,
        ExportFormat::ThunderbirdAutoconfig,
        &ExportOptions::default(),
    ) {
        Ok(f) => f,
        Err(e) => return check_error(&e),
    };
    let again = parse(&file.content)
        .unwrap_or_else(|e| panic!("exported file does not parse: {e}\n{}", file.content));
    assert_eq!(
        again.domains.first().map(String::as_str),
        normalize_domain(domain).ok().as_deref()
    );
    assert_eq!(again.incoming.len(), settings.incoming.len());
    assert_eq!(again.outgoing.len(), settings.outgoing.len());
    for (a, b) in again
        .incoming
        .iter()
        .chain(&again.outgoing)
        .zip(settings.incoming.iter().chain(&settings.outgoing))
    {
        assert_eq!(
            (a.protocol, a.port, a.security),
            (b.protocol, b.port, b.security)
        );
        assert_eq!(a.username, b.username);
        assert_eq!(a.auth, b.auth);
        if !b.hostname.contains('%') {
            assert_eq!(Ok(&a.hostname), normalize_domain(&b.hostname).as_ref());
        }
    }
    if let Some(name) = &settings.name {
        assert_eq!(&again.display_name, name.trim());
    }
});
