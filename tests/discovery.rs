//! Discovery core: DNS wire format, answers made by dnspython (hex fixtures
//! in tests/fixtures/dns/, written by tests/e2e/fixtures/doh_server.py
//! --fixtures), hostile messages, MX matching, SRV ordering and the trust
//! order of sources.

use mailports::discovery::*;
use mailports::ports::Security;
use mailports::settings::{Auth, MailProtocol, Server};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/dns/{name}.hex",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let hex: String = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(|l| l.trim().chars())
        .collect();
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

fn mx(p: u16, h: &str) -> MxRecord {
    MxRecord {
        preference: p,
        exchange: h.into(),
    }
}

fn srv(priority: u16, weight: u16, port: u16, target: &str) -> SrvRecord {
    SrvRecord {
        priority,
        weight,
        port,
        target: target.into(),
    }
}

/// Every server of an outcome, incoming then outgoing.
fn all(out: &SrvOutcome) -> Vec<&Server> {
    out.incoming.iter().chain(&out.outgoing).collect()
}

fn lookup(service: SrvService, records: Vec<SrvRecord>) -> SrvLookup {
    SrvLookup { service, records }
}

/// Turns a query into an empty NOERROR response to itself.
fn as_response(mut query: Vec<u8>) -> Vec<u8> {
    query[2] |= 0x80;
    query
}

// ---- queries ---------------------------------------------------------------

#[test]
fn query_matches_the_rfc_1035_layout_byte_for_byte() {
    let q = build_query("Example.COM.", RecordType::Mx, 0).unwrap();
    let want: Vec<u8> = [
        &[0, 0, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0][..], // id 0, RD, one question
        b"\x07example\x03com\x00",
        &[0, 15, 0, 1], // MX, IN
    ]
    .concat();
    assert_eq!(q, want);
}

#[test]
fn query_id_and_srv_names_are_written() {
    let q = build_query("_submissions._tcp.example.org", RecordType::Srv, 0xBEEF).unwrap();
    assert_eq!(&q[..2], &[0xBE, 0xEF]);
    assert!(q.windows(13).any(|w| w == b"\x0c_submissions"));
    assert_eq!(&q[q.len() - 4..], &[0, 33, 0, 1]);
}

#[test]
fn query_round_trips_through_the_parser() {
    for (name, t) in [
        ("example.com", RecordType::Mx),
        ("_imaps._tcp.example.com", RecordType::Srv),
        ("www.example.com", RecordType::Cname),
    ] {
        let q = build_query(name, t, 0).unwrap();
        let a = parse_answer(&as_response(q), name, t).unwrap();
        assert_eq!(a.status, DnsStatus::Ok);
        assert!(a.mx.is_empty() && a.srv.is_empty() && a.cnames.is_empty());
        assert_eq!(a.message, None);
    }
}

#[test]
fn bad_query_names_are_refused_with_typed_errors() {
    let long_label = format!("{}.com", "a".repeat(64));
    let long_name = format!("{}com", "abcdefghi.".repeat(26));
    for (name, code) in [
        ("", "invalid-domain"),
        (".", "invalid-domain"),
        ("a..b", "invalid-domain"),
        ("exa mple.com", "invalid-domain"),
        ("bücher.de", "invalid-domain"),
        ("evil\\.com", "invalid-domain"),
        (long_label.as_str(), "too-long"),
        (long_name.as_str(), "too-long"),
    ] {
        let err = build_query(name, RecordType::Mx, 0).unwrap_err();
        assert_eq!(err.code(), code, "{name:?}");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn record_type_names() {
    assert_eq!(RecordType::from_name("mx").unwrap(), RecordType::Mx);
    assert_eq!(RecordType::from_name("CNAME").unwrap().code(), 5);
    assert_eq!(
        RecordType::from_name("A").unwrap_err().code(),
        "invalid-argument"
    );
}

// ---- answers made by dnspython ---------------------------------------------

#[test]
fn google_workspace_mx_answer() {
    let a = parse_answer(&fixture("google_mx"), "gw-customer.test", RecordType::Mx).unwrap();
    assert_eq!(a.status, DnsStatus::Ok);
    assert_eq!(a.mx.len(), 3);
    assert_eq!(preferred_mx_hosts(&a.mx), ["aspmx.l.google.com"]);
    let m = match_mx_patterns(
        &preferred_mx_hosts(&a.mx),
        [("google.com", "google"), ("outlook.com", "outlook")],
    )
    .unwrap();
    assert_eq!(
        (m.provider.as_str(), m.pattern.as_str()),
        ("google", "google.com")
    );
}

#[test]
fn microsoft_365_mx_answer() {
    let a = parse_answer(
        &fixture("microsoft_mx"),
        "m365-customer.test",
        RecordType::Mx,
    )
    .unwrap();
    let hosts = preferred_mx_hosts(&a.mx);
    assert_eq!(hosts, ["m365-customer-test.mail.protection.outlook.com"]);
    // The more specific pattern wins over a shorter one that also matches.
    let m = match_mx_patterns(
        &hosts,
        [
            ("outlook.com", "outlook"),
            ("mail.protection.outlook.com", "microsoft365"),
        ],
    )
    .unwrap();
    assert_eq!(m.provider, "microsoft365");
    assert_eq!(m.host, hosts[0]);
}

#[test]
fn srv_answer_with_weights() {
    let a = parse_answer(
        &fixture("srv_imaps"),
        "_imaps._tcp.srv-domain.test",
        RecordType::Srv,
    )
    .unwrap();
    assert_eq!(a.srv.len(), 3);
    assert!(a.srv.contains(&srv(0, 90, 993, "imap1.srv-domain.test")));
    let out = select_srv(
        &[lookup(SrvService::Imaps, a.srv)],
        "srv-domain.test",
        "jane@srv-domain.test",
        |_| false,
    );
    let hosts: Vec<&str> = all(&out).into_iter().map(|s| s.hostname.as_str()).collect();
    assert_eq!(
        hosts,
        [
            "imap1.srv-domain.test",
            "imap2.srv-domain.test",
            "imap-backup.srv-domain.test"
        ]
    );
    assert!(all(&out)
        .into_iter()
        .all(|s| s.security == Security::ImplicitTls
            && s.protocol == MailProtocol::Imap
            && s.username == "jane@srv-domain.test"));
}

#[test]
fn srv_not_offered_answer() {
    let a = parse_answer(
        &fixture("srv_pop3_not_offered"),
        "_pop3._tcp.srv-domain.test",
        RecordType::Srv,
    )
    .unwrap();
    assert_eq!(a.srv, [srv(0, 0, 0, ".")]);
    let out = select_srv(
        &[lookup(SrvService::Pop3, a.srv)],
        "srv-domain.test",
        "",
        |_| false,
    );
    assert!(all(&out).is_empty());
    assert_eq!(out.not_offered, [SrvService::Pop3]);
    assert_eq!(out.notes[0].code, "srv-not-offered");
}

#[test]
fn srv_target_outside_the_domain_is_rejected_with_a_message() {
    let a = parse_answer(
        &fixture("srv_outside"),
        "_imaps._tcp.srv-outside.test",
        RecordType::Srv,
    )
    .unwrap();
    let out = select_srv(
        &[lookup(SrvService::Imaps, a.srv.clone())],
        "srv-outside.test",
        "",
        |_| false,
    );
    assert!(all(&out).is_empty());
    assert_eq!(out.rejected.len(), 1);
    assert_eq!(out.rejected[0].target, "imap.attacker.example");
    assert!(
        out.rejected[0].message.contains("outside srv-outside.test"),
        "{}",
        out.rejected[0].message
    );
    assert_eq!(out.notes[0].code, "srv-target-rejected");
    // The same target is accepted when it belongs to a known provider.
    let out = select_srv(
        &[lookup(SrvService::Imaps, a.srv)],
        "srv-outside.test",
        "",
        |h| h.ends_with(".attacker.example"),
    );
    assert_eq!(all(&out).len(), 1);
    assert!(out.rejected.is_empty());
}

#[test]
fn srv_through_a_cname_chain() {
    let a = parse_answer(
        &fixture("srv_cname"),
        "_imaps._tcp.cname-srv.test",
        RecordType::Srv,
    )
    .unwrap();
    assert_eq!(a.cnames, ["imaps-srv.hosting.cname-srv.test"]);
    assert_eq!(a.srv, [srv(0, 0, 993, "imap.cname-srv.test")]);
}

#[test]
fn null_mx_answer() {
    let a = parse_answer(&fixture("null_mx"), "null-mx.test", RecordType::Mx).unwrap();
    assert!(is_null_mx(&a.mx));
    assert!(preferred_mx_hosts(&a.mx).is_empty());
}

#[test]
fn nxdomain_and_servfail_are_typed_outcomes_with_messages() {
    let a = parse_answer(&fixture("nxdomain"), "nothing.nx.test", RecordType::Mx).unwrap();
    assert_eq!((a.status, a.rcode), (DnsStatus::Nxdomain, 3));
    assert!(a
        .message
        .unwrap()
        .contains("nothing.nx.test does not exist"));
    let a = parse_answer(&fixture("servfail"), "broken.servfail.test", RecordType::Mx).unwrap();
    assert_eq!((a.status, a.rcode), (DnsStatus::Servfail, 2));
    assert!(a.message.unwrap().contains("SERVFAIL"));
}

#[test]
fn truncated_and_malformed_answers_are_errors() {
    let err =
        parse_answer(&fixture("truncated"), "big.truncated.test", RecordType::Mx).unwrap_err();
    assert_eq!(err.code(), "dns-truncated");
    let err =
        parse_answer(&fixture("malformed"), "bad.malformed.test", RecordType::Mx).unwrap_err();
    assert_eq!(err.code(), "dns-malformed");
    assert!(err
        .to_string()
        .starts_with("the DNS answer could not be read"));
}

#[test]
fn empty_answer_is_ok_with_no_records() {
    let a = parse_answer(&fixture("no_records"), "srv-outside.test", RecordType::Srv).unwrap();
    assert_eq!(a.status, DnsStatus::Ok);
    assert!(a.srv.is_empty());
}

#[test]
fn answer_to_another_question_is_refused() {
    let bytes = fixture("google_mx");
    for (name, t) in [
        ("other.test", RecordType::Mx),
        ("gw-customer.test", RecordType::Srv),
    ] {
        let err = parse_answer(&bytes, name, t).unwrap_err();
        assert_eq!(err.code(), "dns-malformed");
        assert!(err.to_string().contains("different question"));
    }
}

// ---- hostile messages --------------------------------------------------------

/// A response header (QR, RD, RA) with the given counts, then the question
/// `a.test MX IN`.
fn response_head(ancount: u16) -> Vec<u8> {
    let mut m = vec![0, 0, 0x81, 0x80, 0, 1];
    m.extend_from_slice(&ancount.to_be_bytes());
    m.extend_from_slice(&[0, 0, 0, 0]);
    m.extend_from_slice(b"\x01a\x04test\x00\x00\x0f\x00\x01");
    m
}

#[test]
fn compression_pointer_loops_and_bad_pointers_are_refused() {
    // An answer whose owner name is a pointer to itself (offset 24), a
    // forward pointer, a pointer past the end, and two pointers to each other.
    for name in [
        vec![0xC0, 24],
        vec![0xC0, 40],
        vec![0xFF, 0xFF],
        vec![0x01, b'x', 0xC0, 24],
    ] {
        let mut m = response_head(1);
        assert_eq!(m.len(), 24);
        m.extend_from_slice(&name);
        m.extend_from_slice(&[0, 15, 0, 1, 0, 0, 0, 60, 0, 4, 0, 10, 0xC0, 12]);
        let err = parse_answer(&m, "a.test", RecordType::Mx).unwrap_err();
        assert_eq!(err.code(), "dns-malformed", "{name:?}");
    }
}

#[test]
fn rdata_pointer_loop_is_refused() {
    let mut m = response_head(1);
    m.extend_from_slice(&[0xC0, 12, 0, 15, 0, 1, 0, 0, 0, 60, 0, 4, 0, 10]);
    let at = m.len() as u8;
    m.extend_from_slice(&[0xC0, at]); // MX exchange points to itself
    assert_eq!(
        parse_answer(&m, "a.test", RecordType::Mx)
            .unwrap_err()
            .code(),
        "dns-malformed"
    );
}

#[test]
fn oversized_and_short_messages() {
    let err = parse_answer(&vec![0u8; MAX_MESSAGE_LEN + 1], "a.test", RecordType::Mx).unwrap_err();
    assert_eq!(err.code(), "dns-too-large");
    assert!(err.to_string().contains("65536 bytes"));
    for len in 0..12 {
        let err = parse_answer(&vec![0x80; len], "a.test", RecordType::Mx).unwrap_err();
        assert_eq!(err.code(), "dns-malformed");
    }
    // A response with no question at all.
    let err = parse_answer(
        &[0, 0, 0x81, 0x80, 0, 0, 0, 0, 0, 0, 0, 0],
        "a.test",
        RecordType::Mx,
    )
    .unwrap_err();
    assert_eq!(err.code(), "dns-malformed");
}

#[test]
fn record_count_is_bounded() {
    let mut m = response_head(500);
    for i in 0..500u16 {
        m.extend_from_slice(&[0xC0, 12, 0, 15, 0, 1, 0, 0, 0, 60, 0, 4]);
        m.extend_from_slice(&i.to_be_bytes());
        m.extend_from_slice(&[0xC0, 12]);
    }
    let a = parse_answer(&m, "a.test", RecordType::Mx).unwrap();
    assert_eq!(a.mx.len(), MAX_RECORDS);
}

#[test]
fn odd_bytes_in_names_never_pass_as_host_names() {
    let mut m = response_head(1);
    m.extend_from_slice(&[
        0xC0, 12, 0, 33, 0, 1, 0, 0, 0, 60, 0, 19, 0, 0, 0, 0, 0x03, 0xE1,
    ]);
    m.extend_from_slice(b"\x06ev l.x\x04test\x00");
    let m = {
        // Turn the question into an SRV question to match.
        let mut m = m;
        m[21] = 33;
        m
    };
    let a = parse_answer(&m, "a.test", RecordType::Srv).unwrap();
    assert_eq!(a.srv[0].target, "ev\\032l\\046x.test");
    let out = select_srv(&[lookup(SrvService::Imaps, a.srv)], "test", "", |_| true);
    assert!(all(&out).is_empty());
    assert!(out.rejected[0].message.contains("not a host name"));
}

#[test]
fn every_cut_and_byte_flip_of_every_fixture_is_handled_without_panic() {
    let cases = [
        ("google_mx", "gw-customer.test", RecordType::Mx),
        ("srv_imaps", "_imaps._tcp.srv-domain.test", RecordType::Srv),
        ("srv_cname", "_imaps._tcp.cname-srv.test", RecordType::Srv),
        ("microsoft_mx", "m365-customer.test", RecordType::Mx),
    ];
    let mut outcomes = (0, 0);
    for (file, name, t) in cases {
        let bytes = fixture(file);
        for cut in 0..bytes.len() {
            match parse_answer(&bytes[..cut], name, t) {
                Ok(_) => outcomes.0 += 1,
                Err(_) => outcomes.1 += 1,
            }
        }
        for i in 0..bytes.len() {
            for flip in [0x01u8, 0x40, 0x80, 0xFF] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                match parse_answer(&b, name, t) {
                    Ok(a) => {
                        outcomes.0 += 1;
                        assert!(a.mx.len() + a.srv.len() <= MAX_RECORDS);
                    }
                    Err(e) => {
                        outcomes.1 += 1;
                        assert!(e.code().starts_with("dns-"), "{}", e.code());
                    }
                }
            }
        }
    }
    assert!(outcomes.0 > 0 && outcomes.1 > 0, "{outcomes:?}");
}

// ---- MX ------------------------------------------------------------------------

#[test]
fn mx_helpers() {
    assert!(is_within("A.B.Example.com.", "example.com"));
    assert!(!is_within("badexample.com", "example.com"));
    assert!(!is_within("example.com", ""));
    assert!(!is_within("com", "example.com"));
    let hosts = preferred_mx_hosts(&[
        mx(5, "b.test"),
        mx(5, "a.test"),
        mx(5, "b.test"),
        mx(0, "."),
        mx(9, "c.test"),
    ]);
    assert_eq!(hosts, ["b.test", "a.test"]);
    assert!(!is_null_mx(&[mx(0, "."), mx(10, "mx.test")]));
    assert_eq!(match_mx_patterns(&[], [("google.com", "google")]), None);
}

// ---- SRV selection ---------------------------------------------------------------

#[test]
fn srv_orders_tls_first_then_priority_then_weight_and_keeps_starttls_as_fallback() {
    let found = [
        lookup(
            SrvService::Submission,
            vec![srv(0, 0, 587, "smtp.example.com")],
        ),
        lookup(
            SrvService::Submissions,
            vec![srv(5, 0, 465, "smtp.example.com")],
        ),
        lookup(SrvService::Imap, vec![srv(0, 0, 143, "mail.example.com")]),
        lookup(
            SrvService::Imaps,
            vec![
                srv(10, 1, 993, "b.example.com"),
                srv(10, 50, 993, "a2.example.com"),
                srv(1, 0, 993, "c.example.com"),
            ],
        ),
        lookup(SrvService::Pop3s, vec![srv(0, 0, 995, "pop.example.com")]),
        lookup(SrvService::Pop3, vec![srv(0, 0, 0, ".")]),
    ];
    let out = select_srv(&found, "Example.com.", "%EMAILADDRESS%", |_| false);
    let got: Vec<(MailProtocol, &str, u16, Security)> = all(&out)
        .into_iter()
        .map(|s| (s.protocol, s.hostname.as_str(), s.port, s.security))
        .collect();
    use MailProtocol::*;
    use Security::*;
    assert_eq!(
        got,
        [
            (Pop3, "pop.example.com", 995, ImplicitTls), // priority 0 beats IMAPS priority 1 (RFC 6186 §3.4)
            (Imap, "c.example.com", 993, ImplicitTls),
            (Imap, "a2.example.com", 993, ImplicitTls), // weight 50 before weight 1
            (Imap, "b.example.com", 993, ImplicitTls),
            (Imap, "mail.example.com", 143, Starttls), // STARTTLS after every implicit-TLS server
            (Smtp, "smtp.example.com", 465, ImplicitTls),
            (Smtp, "smtp.example.com", 587, Starttls),
        ]
    );
    assert!(all(&out).into_iter().all(|s| s.security != Plaintext));
    assert!(all(&out)
        .into_iter()
        .all(|s| s.auth == [Auth::Password] && s.username == "%EMAILADDRESS%"));
    assert_eq!(out.not_offered, [SrvService::Pop3]);
}

#[test]
fn srv_port_zero_duplicates_and_empty_lookups() {
    let found = [
        lookup(SrvService::Imaps, vec![srv(0, 0, 0, "imap.example.com")]),
        lookup(
            SrvService::Imaps,
            vec![
                srv(0, 0, 993, "imap.example.com"),
                srv(0, 0, 993, "imap.example.com"),
            ],
        ),
        lookup(SrvService::Pop3s, vec![]),
    ];
    let out = select_srv(&found, "example.com", "", |_| false);
    assert_eq!(all(&out).len(), 1);
    assert_eq!(out.rejected.len(), 1);
    assert!(out.rejected[0].message.contains("port 0"));
    assert!(out.not_offered.is_empty());
}

#[test]
fn srv_service_names() {
    let labels: Vec<&str> = SrvService::ALL.iter().map(|s| s.label()).collect();
    assert_eq!(
        labels,
        [
            "_submissions._tcp",
            "_submission._tcp",
            "_imaps._tcp",
            "_imap._tcp",
            "_pop3s._tcp",
            "_pop3._tcp"
        ]
    );
    for s in SrvService::ALL {
        assert!(query_name(&s.query_name("example.com")).is_ok());
    }
}

// ---- deciding --------------------------------------------------------------------

#[path = "shared/server.rs"]
mod shared_server;
use shared_server::server;

fn finding(source: DiscoverySource, host: &str) -> Finding {
    Finding {
        source,
        incoming: vec![server(MailProtocol::Imap, host, 993, Security::ImplicitTls)],
        outgoing: vec![],
        provider: None,
        provider_name: None,
        detail: None,
    }
}

#[test]
fn decide_follows_the_trust_order() {
    let all = vec![
        finding(DiscoverySource::Mx, "mx"),
        finding(DiscoverySource::Srv, "srv"),
        finding(DiscoverySource::Autoconfig, "autoconfig"),
        finding(DiscoverySource::Database, "db"),
    ];
    let d = decide(all.clone());
    assert_eq!(
        (d.source, d.incoming[0].hostname.as_str()),
        (Some(DiscoverySource::Database), "db")
    );
    assert_eq!(d.notes[0].code, "found-in-database");
    let d = decide(all[..3].to_vec());
    assert_eq!(d.source, Some(DiscoverySource::Autoconfig));
    let d = decide(all[..2].to_vec());
    assert_eq!(d.source, Some(DiscoverySource::Srv));
    let mut mx = finding(DiscoverySource::Mx, "imap.gmail.com");
    mx.provider = Some("google".into());
    mx.provider_name = Some("Google".into());
    mx.detail = Some("aspmx.l.google.com".into());
    // A source with no servers is skipped.
    let empty = Finding {
        incoming: vec![],
        ..finding(DiscoverySource::Srv, "")
    };
    let d = decide(vec![empty, mx]);
    assert_eq!(d.source, Some(DiscoverySource::Mx));
    assert_eq!(d.provider.as_deref(), Some("google"));
    assert_eq!(d.notes[0].code, "found-by-mx");
    assert!(
        d.notes[0].message.contains("mail servers")
            && d.notes[0].message.contains("aspmx.l.google.com")
    );
}

#[test]
fn decide_drops_plaintext_when_tls_is_offered() {
    let mut f = finding(DiscoverySource::Autoconfig, "x");
    f.incoming = vec![
        server(MailProtocol::Imap, "imap.x", 143, Security::Plaintext),
        server(MailProtocol::Imap, "imap.x", 143, Security::Starttls),
        server(MailProtocol::Imap, "imap.x", 993, Security::ImplicitTls),
    ];
    f.outgoing = vec![server(
        MailProtocol::Smtp,
        "smtp.x",
        25,
        Security::Plaintext,
    )];
    let d = decide(vec![f]);
    let ports: Vec<(u16, Security)> = d
        .incoming
        .iter()
        .chain(&d.outgoing)
        .map(|s| (s.port, s.security))
        .collect();
    // SMTP has only a plaintext server: it stays, the client must warn.
    assert_eq!(
        ports,
        [
            (993, Security::ImplicitTls),
            (143, Security::Starttls),
            (25, Security::Plaintext)
        ]
    );
    assert!(d.notes.iter().any(|n| n.code == "plaintext-dropped"));
}

#[test]
fn decide_with_nothing() {
    let d = decide(vec![Finding {
        incoming: vec![],
        ..finding(DiscoverySource::Mx, "")
    }]);
    assert_eq!(d.source, None);
    assert_eq!(d.notes[0].code, "nothing-found");
}

// ---- evaluate: fetched bytes to an answer --------------------------------------

struct FakeDirectory;

impl Directory for FakeDirectory {
    fn match_mx(&self, hosts: &[String]) -> Option<MxMatch> {
        match_mx_patterns(
            hosts,
            [
                ("google.com", "google"),
                ("mail.protection.outlook.com", "office365"),
            ],
        )
    }
    fn is_provider_host(&self, host: &str) -> bool {
        is_within(host, "fastmail.com")
    }
    fn provider(&self, id: &str) -> Option<Found> {
        let host = match id {
            "google" => "imap.gmail.com",
            "office365" => "outlook.office365.com",
            _ => return None,
        };
        let mut s = server(MailProtocol::Imap, host, 993, Security::ImplicitTls);
        s.username = "%EMAILLOCALPART%+x@%EMAILDOMAIN%".into();
        Some(Found {
            name: id.to_uppercase(),
            incoming: vec![s],
            outgoing: vec![],
        })
    }
    fn autoconfig(&self, xml: &str) -> mailports::Result<Found> {
        match xml {
            "good" => Ok(Found {
                name: "Acme Mail".into(),
                incoming: vec![server(
                    MailProtocol::Imap,
                    "imap.%EMAILDOMAIN%",
                    993,
                    Security::ImplicitTls,
                )],
                outgoing: vec![],
            }),
            "empty" => Ok(Found::default()),
            _ => Err(mailports::Error::InvalidArgument("not XML".into())),
        }
    }
}

fn fetched_mx(bytes: Vec<u8>) -> Fetched {
    Fetched {
        mx: Some(bytes),
        ..Fetched::default()
    }
}

#[test]
fn evaluate_matches_mx_and_fills_placeholders() {
    let p = plan("Jane@GW-customer.test").unwrap();
    let out = evaluate(&p, &fetched_mx(fixture("google_mx")), &FakeDirectory);
    assert_eq!(out.source, Some(DiscoverySource::Mx));
    assert_eq!(out.provider.as_deref(), Some("google"));
    assert_eq!(out.name.as_deref(), Some("GOOGLE"));
    assert_eq!(out.incoming[0].hostname, "imap.gmail.com");
    assert_eq!(out.incoming[0].username, "Jane+x@gw-customer.test");
    assert_eq!(out.notes[0].code, "found-by-mx");
    assert!(out.errors.is_empty());
    let p = plan("m365-customer.test").unwrap();
    let out = evaluate(&p, &fetched_mx(fixture("microsoft_mx")), &FakeDirectory);
    assert_eq!(out.provider.as_deref(), Some("office365"));
    // A bare domain keeps the user-name template.
    assert_eq!(out.incoming[0].username, "%EMAILLOCALPART%+x@%EMAILDOMAIN%");
}

/// A local part that looks like a placeholder is the user's own text: the
/// address `%EMAILDOMAIN%@example.com` fills `%EMAILADDRESS%` with itself,
/// not with `example.com@example.com`.
#[test]
fn evaluate_never_reads_the_local_part_as_a_placeholder() {
    let p = plan("%EMAILDOMAIN%@example.com").unwrap();
    assert_eq!(p.username, "%EMAILDOMAIN%@example.com");
    let out = evaluate(
        &p,
        &Fetched {
            autoconfig: vec![Some("good".into()), None],
            ..Fetched::default()
        },
        &FakeDirectory,
    );
    assert_eq!(out.source, Some(DiscoverySource::Autoconfig));
    assert_eq!(out.incoming[0].hostname, "imap.example.com");
    assert_eq!(out.incoming[0].username, "%EMAILDOMAIN%@example.com");
}

#[test]
fn evaluate_prefers_autoconfig_then_srv_then_mx() {
    let p = plan("jane@srv-domain.test").unwrap();
    let srv_index = p
        .dns
        .iter()
        .position(|q| q.service == Some(SrvService::Imaps))
        .unwrap();
    let mut srv = vec![None; 6];
    srv[srv_index] = Some(fixture("srv_imaps"));
    let mut f = Fetched {
        srv,
        mx: None,
        autoconfig: vec![Some("broken".into()), Some("good".into())],
    };
    let out = evaluate(&p, &f, &FakeDirectory);
    assert_eq!(out.source, Some(DiscoverySource::Autoconfig));
    assert_eq!(
        out.found,
        [DiscoverySource::Autoconfig, DiscoverySource::Srv]
    );
    assert_eq!(out.incoming[0].hostname, "imap.srv-domain.test");
    assert_eq!(out.name.as_deref(), Some("Acme Mail"));
    assert!(out.notes[0].message.contains(".well-known/autoconfig"));
    assert_eq!(out.errors[0].step.as_deref(), Some("autoconfig"));
    f.autoconfig = vec![Some("empty".into()), None];
    let out = evaluate(&p, &f, &FakeDirectory);
    assert_eq!(out.source, Some(DiscoverySource::Srv));
    assert_eq!(out.incoming[0].hostname, "imap1.srv-domain.test");
    assert_eq!(out.errors[0].code, "autoconfig-empty");
}

#[test]
fn evaluate_reports_dns_problems_by_step() {
    for (input, file, code) in [
        ("jane@nothing.nx.test", "nxdomain", "dns-nxdomain"),
        ("jane@broken.servfail.test", "servfail", "dns-servfail"),
        ("jane@big.truncated.test", "truncated", "dns-truncated"),
        ("jane@bad.malformed.test", "malformed", "dns-malformed"),
    ] {
        let out = evaluate(
            &plan(input).unwrap(),
            &fetched_mx(fixture(file)),
            &FakeDirectory,
        );
        assert_eq!(out.source, None);
        assert_eq!(out.errors.len(), 1, "{input}");
        assert_eq!(out.errors[0].code, code);
        assert_eq!(out.errors[0].step.as_deref(), Some("mx"));
        assert!(out.notes.is_empty(), "{:?}", out.notes);
    }
    let out = evaluate(
        &plan("null-mx.test").unwrap(),
        &fetched_mx(fixture("null_mx")),
        &FakeDirectory,
    );
    assert_eq!(out.notes[0].code, "null-mx");
    let out = evaluate(
        &plan("a@b.test").unwrap(),
        &Fetched::default(),
        &FakeDirectory,
    );
    assert_eq!(
        (out.source, out.notes[0].code.as_str()),
        (None, "nothing-found")
    );
}

#[test]
fn evaluate_rejects_srv_targets_outside_the_domain() {
    let p = plan("jane@srv-outside.test").unwrap();
    let mut srv = vec![None; 6];
    srv[2] = Some(fixture("srv_outside"));
    let out = evaluate(
        &p,
        &Fetched {
            srv,
            ..Fetched::default()
        },
        &FakeDirectory,
    );
    assert_eq!(out.source, None);
    assert_eq!(out.notes[0].code, "srv-target-rejected");
}
