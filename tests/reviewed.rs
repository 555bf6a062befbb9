//! The reviewed layer and the rules that keep the whole provider table
//! honest: sources with URLs and dates, status and requirements that follow
//! from the servers, country-domain families, MX patterns of the large
//! hosting providers, and no MX host name among the mail domains.

use mailports::discovery::{is_within, match_mx_patterns};
use mailports::providers::{by_id, domains, list, lookup, mx_patterns, ProviderStatus, Source};
use mailports::requirements::disagreement;

fn id_of(input: &str) -> String {
    lookup(input)
        .unwrap()
        .unwrap_or_else(|| panic!("{input} is known"))
        .id
}

/// Every reviewed file names its pages with URLs and dates (the importer
/// refuses one that does not; see importer/src/reviewed.rs): here, the
/// compiled table carries each reviewed record's date.
#[test]
fn every_reviewed_record_is_dated_and_sources_come_best_first() {
    let mut reviewed = 0;
    for p in list() {
        let m = by_id(&p.id).unwrap();
        for s in &m.sources {
            let date = s.checked.as_deref().unwrap_or("");
            if s.name == Source::Reviewed {
                reviewed += 1;
                assert_eq!(date.len(), 10, "{}: {date:?}", p.id);
            }
            if !date.is_empty() {
                let b = date.as_bytes();
                assert!(b[4] == b'-' && b[7] == b'-', "{date}");
            }
            // The wasm carries no page URLs (build.rs).
            assert_eq!(s.url, None, "{}", p.id);
        }
        // The match's date is the newest of its sources.
        let newest = m.sources.iter().filter_map(|s| s.checked.clone()).max();
        assert_eq!(m.checked, newest, "{}", p.id);
        // One reviewed entry per record in the compiled table.
        let pages = m
            .sources
            .iter()
            .filter(|s| s.name == Source::Reviewed)
            .count();
        assert!(pages <= 1, "{}", p.id);
        // Sources are listed best first.
        assert!(
            m.sources.windows(2).all(|w| w[0].name <= w[1].name),
            "{}",
            p.id
        );
    }
    assert!(reviewed > 50, "{reviewed} reviewed records");
}

/// Every file in data/reviewed/ has at least one page with an http(s) URL
/// and a date, read straight from the files (the importer's own check, run
/// again over what is committed).
#[test]
fn every_committed_reviewed_file_names_its_pages() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/reviewed");
    let mut files = 0;
    for entry in std::fs::read_dir(dir).expect("data/reviewed") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let sources = text
            .lines()
            .filter(|l| l.trim_end() == "[[source]]")
            .count();
        let urls = text
            .lines()
            .filter(|l| l.starts_with("url = \"http"))
            .count();
        let dates = text
            .lines()
            .filter(|l| l.starts_with("checked = \"20"))
            .count();
        assert!(sources > 0, "{}", path.display());
        assert_eq!((urls, dates), (sources, sources), "{}", path.display());
    }
    assert!(files > 50, "{files} files");
}

#[test]
fn status_and_requirements_agree_with_the_servers_across_the_table() {
    let mut statuses = std::collections::BTreeSet::new();
    for p in list() {
        let m = by_id(&p.id).unwrap();
        let codes: Vec<_> = m.requirements.clone();
        if let Some(problem) = disagreement(&codes, &m.incoming, &m.outgoing) {
            panic!("{}: {problem}", p.id);
        }
        assert_eq!(
            m.status,
            ProviderStatus::derive(&codes, &m.incoming),
            "{}",
            p.id
        );
        assert_eq!(p.status, m.status, "{}", p.id);
        statuses.insert(m.status);
    }
    // Every status occurs somewhere in the real data.
    assert_eq!(statuses.len(), ProviderStatus::NAMES.len(), "{statuses:?}");
}

#[test]
fn country_domain_families_resolve_to_their_provider() {
    for (family, id) in [
        (
            &[
                "hotmail.com",
                "hotmail.co.uk",
                "hotmail.fr",
                "hotmail.it",
                "hotmail.es",
                "hotmail.de",
                "hotmail.com.br",
                "hotmail.com.ar",
                "live.com",
                "live.co.uk",
                "outlook.com",
                "outlook.de",
                "msn.com",
            ][..],
            "hotmail.com",
        ),
        (
            &[
                "yahoo.com",
                "yahoo.co.uk",
                "yahoo.fr",
                "yahoo.es",
                "yahoo.com.br",
                "yahoo.co.in",
                "yahoo.com.mx",
                "yahoo.com.ar",
                "ymail.com",
                "rocketmail.com",
            ][..],
            "yahoo.com",
        ),
        (&["gmx.de", "gmx.at", "gmx.ch", "gmx.net"][..], "gmx.net"),
        (&["icloud.com", "me.com", "mac.com"][..], "me.com"),
        (&["mail.ru", "bk.ru", "inbox.ru", "list.ru"][..], "mail.ru"),
        (
            &["yandex.ru", "ya.ru", "yandex.com", "yandex.com.tr"][..],
            "yandex.ru",
        ),
        (&["qq.com", "foxmail.com"][..], "qq.com"),
        (&["gmail.com", "googlemail.com"][..], "googlemail.com"),
        (&["proton.me", "protonmail.com", "pm.me"][..], "protonmail"),
        (
            &["mailo.com", "netcourrier.com", "net-c.fr", "mailoo.org"][..],
            "mailo.com",
        ),
        (
            &["brighthouse.com", "tampabay.rr.com", "cfl.rr.com"][..],
            "spectrum-brighthouse",
        ),
        (&["twc.com", "roadrunner.com"][..], "spectrum-twc"),
    ] {
        for d in family {
            assert_eq!(id_of(&format!("someone@{d}")), id, "{d}");
        }
    }
}

#[test]
fn mx_hosts_of_the_large_hosting_providers_match() {
    let patterns: Vec<(&str, &str)> = mx_patterns().collect();
    for (host, id) in [
        ("aspmx.l.google.com", "googlemail.com"),
        ("alt1.aspmx.l.google.com", "googlemail.com"),
        ("example-org.mail.protection.outlook.com", "office365.com"),
        ("mx.zoho.com", "zoho.com"),
        ("mx2.zoho.eu", "zoho.eu"),
        ("mx.zoho.in", "zoho.in"),
        ("in1-smtp.messagingengine.com", "fastmail"),
        ("mx.yandex.net", "yandex.ru"),
        ("mail.protonmail.ch", "protonmail"),
        ("mx01.mail.icloud.com", "me.com"),
        ("mx02.mail.icloud.com", "me.com"),
        ("mxext1.mailbox.org", "mailbox.org"),
        ("mxext3.mailbox.org", "mailbox.org"),
    ] {
        let m = match_mx_patterns(&[host.to_string()], patterns.iter().copied())
            .unwrap_or_else(|| panic!("{host} matches no pattern"));
        assert_eq!(m.provider, id, "{host}");
    }
    assert!(match_mx_patterns(&["mx.example.net".to_string()], patterns.iter().copied()).is_none());
}

#[test]
fn no_domain_in_the_index_is_an_mx_host_name() {
    let patterns: Vec<&str> = mx_patterns().map(|(p, _)| p).collect();
    for d in domains() {
        for p in &patterns {
            // A mail domain may be an MX base itself (google.com), never a
            // host below one.
            assert!(
                !(is_within(d, p) && d != *p),
                "{d} lies under the MX pattern {p}"
            );
        }
        for host_family in [
            "yahoodns.net",
            "protection.outlook.com",
            "secureserver.net",
            "rzone.de",
        ] {
            assert!(!is_within(d, host_family), "{d} is an MX host name");
        }
    }
}
