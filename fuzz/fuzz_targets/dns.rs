//! DNS answers (`discovery::parse_answer`) on any bytes, then what discovery
//! does with the records (`select_srv`, MX matching, `decide`): no panic,
//! typed errors, and every name that comes out is plain text that cannot
//! carry markup (`\DDD` escapes for anything but letters, digits, `-`, `_`).
//!
//! Input: one selector byte (record type and which question name to expect),
//! then the DNS message.
#![no_main]
use libfuzzer_sys::fuzz_target;
use mailports::discovery::{
    build_query, decide, is_null_mx, match_mx_patterns, parse_answer, preferred_mx_hosts,
    query_name, select_srv, Finding, RecordType, DiscoverySource, SrvLookup, SrvService, MAX_RECORDS,
};
use mailports::ports::Security;
use mailports_fuzz::check_error;

/// The question names of the committed seeds (tests/fixtures/dns).
const NAMES: [&str; 7] = [
    "gw-customer.test",
    "m365-customer.test",
    "null-mx.test",
    "srv-outside.test",
    "_imaps._tcp.srv-domain.test",
    "_imaps._tcp.cname-srv.test",
    "_pop3._tcp.srv-domain.test",
];

/// The first question's name, read without compression (best effort), so the
/// fuzzer can also reach the code behind the question check.
fn question_name(msg: &[u8]) -> String {
    let mut labels = Vec::new();
    let mut i = 12;
    while let Some(&len) = msg.get(i) {
        if len == 0 || len > 63 || labels.len() > 127 {
            break;
        }
        let Some(label) = msg.get(i + 1..i + 1 + usize::from(len)) else {
            break;
        };
        labels.push(String::from_utf8_lossy(label).into_owned());
        i += 1 + usize::from(len);
    }
    labels.join(".")
}

fn plain_name(name: &str) -> bool {
    name == "."
        || name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.\\".contains(&b))
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, msg)) = data.split_first() else {
        return;
    };
    let qtype = [
        RecordType::Mx,
        RecordType::Srv,
        RecordType::Cname,
        RecordType::Mx,
    ][usize::from(selector & 3)];
    let qname = match usize::from(selector >> 2) % 8 {
        7 => question_name(msg),
        i => NAMES[i].to_owned(),
    };
    match query_name(&qname) {
        Ok(name) => {
            let q = build_query(&name, qtype, 0).expect("a checked name makes a query");
            assert!(q.len() <= 12 + 255 + 4);
        }
        Err(e) => check_error(&e),
    }
    let answer = match parse_answer(msg, &qname, qtype) {
        Ok(a) => a,
        Err(e) => return check_error(&e),
    };
    assert!(answer.mx.len() <= MAX_RECORDS && answer.srv.len() <= MAX_RECORDS);
    assert!(answer.cnames.len() <= 64);
    for name in answer
        .cnames
        .iter()
        .chain(answer.mx.iter().map(|r| &r.exchange))
        .chain(answer.srv.iter().map(|r| &r.target))
    {
        assert!(plain_name(name), "name {name:?} is not plain");
    }
    let _ = serde_json::to_string(&answer).expect("an answer serialises");

    // MX: what discovery does with the records.
    let hosts = preferred_mx_hosts(&answer.mx);
    let _ = is_null_mx(&answer.mx);
    let patterns: Vec<(&str, &str)> = mailports::providers::mx_patterns().collect();
    if let Some(m) = match_mx_patterns(&hosts, patterns.iter().copied()) {
        assert!(hosts.contains(&m.host));
    }

    // SRV: selection keeps only TLS servers within the domain.
    let domain = qname.rsplitn(3, '.').take(2).collect::<Vec<_>>();
    let domain = domain.into_iter().rev().collect::<Vec<_>>().join(".");
    let service = SrvService::ALL[usize::from(selector >> 5) % 6];
    let lookups = [SrvLookup {
        service,
        records: answer.srv.clone(),
    }];
    let out = select_srv(&lookups, &domain, "%EMAILADDRESS%", |_| false);
    for s in out.incoming.iter().chain(&out.outgoing) {
        assert_ne!(s.security, Security::Plaintext);
        assert!(
            mailports::discovery::is_within(&s.hostname, &domain),
            "{} outside {domain}",
            s.hostname
        );
        assert!(plain_name(&s.hostname));
    }
    let decision = decide(vec![Finding {
        source: DiscoverySource::Srv,
        incoming: out.incoming.clone(),
        outgoing: out.outgoing.clone(),
        provider: None,
        provider_name: None,
        detail: hosts.first().cloned(),
    }]);
    assert_eq!(
        decision.incoming.len() + decision.outgoing.len(),
        out.incoming.len() + out.outgoing.len()
    );
});
