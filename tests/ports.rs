//! The port registry: the table itself, every row, and the lookups.

use std::collections::HashSet;

use mailports::arg::ArgValue;
use mailports::ports::{
    self, by_protocol, find, list, lookup, validate_port, PortFilter, PortInfo, Protocol, Role,
    Security, Status, PORTS,
};
use mailports::Error;

#[path = "shared/json_args.rs"]
mod json_args;

#[path = "shared/quoted_numbers.rs"]
mod quoted_numbers;
use quoted_numbers::QUOTED_NUMBERS;

/// Every port the facts sheet lists, in port order.
const EXPECTED: [u16; 18] = [
    24, 25, 26, 80, 106, 109, 110, 143, 220, 443, 465, 585, 587, 993, 995, 2000, 2525, 4190,
];

fn row(port: u16) -> &'static PortInfo {
    lookup(port).unwrap_or_else(|| panic!("{port} is in the registry"))
}

/// `RFC <1..5 digits>` with an optional ` §<n>(.<n>)*`.
fn is_rfc_reference(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("RFC ") else {
        return false;
    };
    let (number, section) = match rest.split_once(" §") {
        Some((n, sec)) => (n, Some(sec)),
        None => (rest, None),
    };
    let number_ok = !number.is_empty()
        && number.len() <= 5
        && !number.starts_with('0')
        && number.bytes().all(|b| b.is_ascii_digit());
    let section_ok = section.map_or(true, |sec| {
        !sec.is_empty()
            && sec
                .split('.')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric()))
    });
    number_ok && section_ok
}

#[test]
fn rfc_reference_checker_rejects_bad_forms() {
    assert!(is_rfc_reference("RFC 8314 §3.3"));
    assert!(is_rfc_reference("RFC 937"));
    for bad in [
        "rfc 8314",
        "RFC8314",
        "RFC 08314",
        "RFC 8314 §",
        "RFC 8314 §3..3",
        "RFC 123456",
        "8314",
    ] {
        assert!(!is_rfc_reference(bad), "{bad}");
    }
}

#[test]
fn table_is_sorted_and_unique() {
    for pair in PORTS.windows(2) {
        assert!(
            pair[0].port < pair[1].port,
            "{} before {}",
            pair[0].port,
            pair[1].port
        );
    }
}

#[test]
fn table_holds_exactly_the_facts_sheet_ports() {
    let ports: Vec<u16> = PORTS.iter().map(|p| p.port).collect();
    assert_eq!(ports, EXPECTED);
}

#[test]
fn every_rfc_reference_is_well_formed() {
    for p in PORTS {
        for r in p.rfcs {
            assert!(is_rfc_reference(r), "port {}: {r:?}", p.port);
        }
        let unique: HashSet<_> = p.rfcs.iter().collect();
        assert_eq!(unique.len(), p.rfcs.len(), "port {}: repeated RFC", p.port);
    }
}

#[test]
fn every_recommended_port_uses_tls_and_is_iana() {
    for p in PORTS.iter().filter(|p| p.recommended) {
        assert!(
            p.security.uses_tls(),
            "port {} is recommended without TLS",
            p.port
        );
        assert_eq!(
            p.status,
            Status::Iana,
            "port {} is recommended but not IANA",
            p.port
        );
        assert_eq!(
            p.use_instead, None,
            "port {} is recommended and points elsewhere",
            p.port
        );
    }
}

#[test]
fn use_instead_points_to_a_recommended_port_of_the_same_kind() {
    let mut redirected = 0;
    for p in PORTS {
        if let Some(target) = p.use_instead {
            redirected += 1;
            let t = row(target);
            assert!(
                t.recommended,
                "{} -> {target}, which we do not recommend",
                p.port
            );
            assert!(t.security == Security::ImplicitTls || p.role == Role::FilterManagement);
            assert_ne!(p.port, target);
        }
    }
    assert!(redirected > 0, "no port points to another");
}

#[test]
fn recommended_ports_are_unique_per_protocol_and_security() {
    let mut seen = HashSet::new();
    for p in PORTS.iter().filter(|p| p.recommended) {
        assert!(
            seen.insert((p.protocol, p.security)),
            "two recommended {:?}/{:?}",
            p.protocol,
            p.security
        );
    }
}

// The summary and caveats of each port are reader texts: they live in the
// locales (www/src/locales/), and tests/e2e/texts.test.mjs checks the English.
#[test]
fn service_names_are_iana_style() {
    for p in PORTS {
        for s in p.services {
            assert!(
                !s.is_empty()
                    && s.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "port {}: service name {s:?}",
                p.port
            );
        }
    }
}

/// (port, services, protocol, role, security, status, recommended, useInstead)
type Row = (
    u16,
    &'static [&'static str],
    Protocol,
    Role,
    Security,
    Status,
    bool,
    Option<u16>,
);

/// Each row, field by field: (port, services, protocol, role, security,
/// status, recommended, use_instead).
#[test]
fn every_row_matches_the_facts_sheet() {
    use Protocol as P;
    use Role as R;
    use Security as S;
    use Status as St;
    #[rustfmt::skip]
    let expected: [Row; 18] = [
        (24, &[], P::Lmtp, R::Delivery, S::Plaintext, St::Iana, false, None),
        (25, &["smtp"], P::Smtp, R::Relay, S::Starttls, St::Iana, false, Some(465)),
        (26, &[], P::Smtp, R::Submission, S::Starttls, St::Unofficial, false, Some(465)),
        (80, &["http"], P::Http, R::Web, S::Plaintext, St::Iana, false, Some(443)),
        (106, &["3com-tsmux"], P::Poppassd, R::AccountManagement, S::Plaintext, St::Unofficial, false, None),
        (109, &["pop2"], P::Pop2, R::Access, S::Plaintext, St::Historic, false, Some(995)),
        (110, &["pop3"], P::Pop3, R::Access, S::Starttls, St::Iana, true, None),
        (143, &["imap"], P::Imap, R::Access, S::Starttls, St::Iana, true, None),
        (220, &["imap3"], P::Imap3, R::Access, S::Plaintext, St::Historic, false, Some(993)),
        (443, &["https"], P::Http, R::Web, S::ImplicitTls, St::Iana, true, None),
        (465, &["submissions", "urd"], P::Smtp, R::Submission, S::ImplicitTls, St::Iana, true, None),
        (585, &[], P::Imap, R::Access, S::ImplicitTls, St::Deprecated, false, Some(993)),
        (587, &["submission"], P::Smtp, R::Submission, S::Starttls, St::Iana, true, None),
        (993, &["imaps"], P::Imap, R::Access, S::ImplicitTls, St::Iana, true, None),
        (995, &["pop3s"], P::Pop3, R::Access, S::ImplicitTls, St::Iana, true, None),
        (2000, &["cisco-sccp"], P::Managesieve, R::FilterManagement, S::Starttls, St::Unofficial, false, Some(4190)),
        (2525, &["ms-v-worlds"], P::Smtp, R::Submission, S::Starttls, St::Unofficial, false, Some(465)),
        (4190, &["sieve"], P::Managesieve, R::FilterManagement, S::Starttls, St::Iana, true, None),
    ];
    for (port, services, protocol, role, security, status, recommended, use_instead) in expected {
        let p = row(port);
        assert_eq!(p.services, services, "{port} services");
        assert_eq!(p.protocol, protocol, "{port} protocol");
        assert_eq!(p.role, role, "{port} role");
        assert_eq!(p.security, security, "{port} security");
        assert_eq!(p.status, status, "{port} status");
        assert_eq!(p.recommended, recommended, "{port} recommended");
        assert_eq!(p.use_instead, use_instead, "{port} useInstead");
    }
}

/// The RFC each row must cite (a prefix match, so sections may follow).
#[test]
fn every_row_cites_its_defining_rfc() {
    let expected: [(u16, &[&str]); 18] = [
        (24, &["RFC 2033"]),
        (25, &["RFC 5321", "RFC 3207"]),
        (26, &[]),
        (80, &["RFC 9110"]),
        (106, &[]),
        (109, &["RFC 937"]),
        (110, &["RFC 1939", "RFC 2595"]),
        (143, &["RFC 9051", "RFC 2595"]),
        (220, &["RFC 1203"]),
        (443, &["RFC 9110", "RFC 8620", "RFC 8621", "RFC 8461"]),
        (465, &["RFC 8314 §3.3", "RFC 8314 §7.3", "RFC 6409"]),
        (585, &[]),
        (587, &["RFC 6409", "RFC 3207", "RFC 4954"]),
        (993, &["RFC 9051", "RFC 8314 §3.2"]),
        (995, &["RFC 8314 §3.1"]),
        (2000, &[]),
        (2525, &[]),
        (4190, &["RFC 5804"]),
    ];
    for (port, wanted) in expected {
        let p = row(port);
        for w in wanted {
            assert!(
                p.rfcs
                    .iter()
                    .any(|r| r == w || r.starts_with(&format!("{w} §"))),
                "{port} should cite {w}, has {:?}",
                p.rfcs
            );
        }
        if wanted.is_empty() {
            assert!(p.rfcs.is_empty(), "{port}: no RFC defines it");
        }
    }
}

#[test]
fn port_465_is_submissions_with_implicit_tls() {
    let p = row(465);
    assert_eq!(p.services, ["submissions", "urd"]);
    assert_eq!(p.security, Security::ImplicitTls);
    assert!(p.rfcs.iter().any(|r| r.starts_with("RFC 8314")));
}

#[test]
fn port_587_is_submission_with_starttls_per_rfc_6409() {
    let p = row(587);
    assert_eq!(p.services, ["submission"]);
    assert_eq!(p.security, Security::Starttls);
    assert_eq!(p.rfcs.first(), Some(&"RFC 6409"));
}

#[test]
fn ports_26_and_2525_are_unofficial_and_not_recommended() {
    for port in [26, 2525] {
        let p = row(port);
        assert_eq!(p.status, Status::Unofficial);
        assert!(!p.recommended);
    }
}

#[test]
fn port_585_points_to_993() {
    let p = row(585);
    assert!(!p.recommended);
    assert_eq!(p.use_instead, Some(993));
}

#[test]
fn port_2000_points_to_4190() {
    let p = row(2000);
    assert_eq!(p.use_instead, Some(4190));
}

#[test]
fn port_25_is_never_for_clients() {
    let p = row(25);
    assert!(!p.recommended);
    assert_eq!(p.role, Role::Relay);
}

#[test]
fn lookup_of_ports_outside_the_table_is_none() {
    for port in [1, 23, 27, 8080, 10025, 65535] {
        assert!(lookup(port).is_none(), "{port}");
    }
    assert_eq!(lookup(24).map(|p| p.port), Some(24));
    assert_eq!(lookup(4190).map(|p| p.port), Some(4190));
}

#[test]
fn validate_port_rejects_everything_but_1_to_65535() {
    for bad in [
        0.0,
        -1.0,
        65536.0,
        1.5,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -0.5,
        1e300,
    ] {
        let err = validate_port(bad).unwrap_err();
        assert_eq!(err.code(), "invalid-port", "{bad}");
        assert!(matches!(err, Error::InvalidPort(_)));
        assert!(err.to_string().contains("1 to 65535"));
    }
    assert_eq!(validate_port(1.0), Ok(1));
    assert_eq!(validate_port(65535.0), Ok(65535));
    assert_eq!(validate_port(8080.0), Ok(8080));
    assert!(lookup(validate_port(8080.0).unwrap()).is_none());
    assert_eq!(
        validate_port(f64::NAN).unwrap_err(),
        Error::InvalidPort("NaN".into())
    );
}

#[test]
fn by_protocol_lists_every_row_of_a_protocol() {
    let ports_of = |p| by_protocol(p).map(|r| r.port).collect::<Vec<_>>();
    assert_eq!(ports_of(Protocol::Imap), [143, 585, 993]);
    assert_eq!(ports_of(Protocol::Pop3), [110, 995]);
    assert_eq!(ports_of(Protocol::Smtp), [25, 26, 465, 587, 2525]);
    assert_eq!(ports_of(Protocol::Managesieve), [2000, 4190]);
    assert_eq!(ports_of(Protocol::Http), [80, 443]);
    assert_eq!(ports_of(Protocol::Lmtp), [24]);
    let total: usize = [
        Protocol::Smtp,
        Protocol::Lmtp,
        Protocol::Pop3,
        Protocol::Imap,
        Protocol::Managesieve,
        Protocol::Pop2,
        Protocol::Imap3,
        Protocol::Poppassd,
        Protocol::Http,
    ]
    .into_iter()
    .map(|p| by_protocol(p).count())
    .sum();
    assert_eq!(
        total,
        PORTS.len(),
        "every row has one of the listed protocols"
    );
}

#[test]
fn find_picks_the_recommended_port_for_protocol_and_security() {
    let f = |p, s| find(p, s).map(|r| r.port);
    assert_eq!(f(Protocol::Imap, Security::ImplicitTls), Some(993));
    assert_eq!(f(Protocol::Imap, Security::Starttls), Some(143));
    assert_eq!(f(Protocol::Pop3, Security::ImplicitTls), Some(995));
    assert_eq!(f(Protocol::Pop3, Security::Starttls), Some(110));
    assert_eq!(f(Protocol::Smtp, Security::ImplicitTls), Some(465));
    assert_eq!(f(Protocol::Smtp, Security::Starttls), Some(587));
    assert_eq!(f(Protocol::Http, Security::ImplicitTls), Some(443));
    assert_eq!(f(Protocol::Managesieve, Security::Starttls), Some(4190));
    // No recommended row: the first match.
    assert_eq!(f(Protocol::Http, Security::Plaintext), Some(80));
    assert_eq!(f(Protocol::Pop2, Security::Plaintext), Some(109));
    // No row at all.
    assert_eq!(f(Protocol::Imap, Security::Plaintext), None);
    assert_eq!(f(Protocol::Pop3, Security::Plaintext), None);
}

#[test]
fn list_filters_on_every_field() {
    let ports_for = |filter: PortFilter| list(&filter).map(|p| p.port).collect::<Vec<_>>();
    assert_eq!(ports_for(PortFilter::default()).len(), PORTS.len());
    assert_eq!(
        ports_for(PortFilter {
            role: Some(Role::Submission),
            ..Default::default()
        }),
        [26, 465, 587, 2525]
    );
    assert_eq!(
        ports_for(PortFilter {
            status: Some(Status::Historic),
            ..Default::default()
        }),
        [109, 220]
    );
    assert_eq!(
        ports_for(PortFilter {
            status: Some(Status::Deprecated),
            ..Default::default()
        }),
        [585]
    );
    assert_eq!(
        ports_for(PortFilter {
            security: Some(Security::ImplicitTls),
            ..Default::default()
        }),
        [443, 465, 585, 993, 995]
    );
    assert_eq!(
        ports_for(PortFilter {
            protocol: Some(Protocol::Imap),
            security: Some(Security::ImplicitTls),
            status: Some(Status::Iana),
            ..Default::default()
        }),
        [993]
    );
    assert_eq!(
        ports_for(PortFilter {
            protocol: Some(Protocol::Pop3),
            role: Some(Role::Web),
            ..Default::default()
        }),
        Vec::<u16>::new()
    );
}

#[test]
fn port_filter_reads_the_js_shape_and_rejects_unknowns() {
    let f = PortFilter::from_args(json_args::pairs(
        r#"{"protocol":"managesieve","role":"filter-management","security":"starttls","status":"iana"}"#,
    ))
    .unwrap();
    assert_eq!(list(&f).map(|p| p.port).collect::<Vec<_>>(), [4190]);
    assert_eq!(
        PortFilter::from_args(json_args::pairs("{}")).unwrap(),
        PortFilter::default()
    );
    let nulls = PortFilter::from_args(json_args::pairs(
        r#"{"protocol":null,"role":null,"security":null,"status":"historic"}"#,
    ))
    .unwrap();
    let historic = PortFilter {
        status: Some(Status::Historic),
        ..PortFilter::default()
    };
    assert_eq!(nulls, historic);
    for bad in [
        r#"{"protocol":"imapx"}"#,
        r#"{"protocl":"imap"}"#,
        r#"{"security":"ssl"}"#,
        r#"{"status":"IANA"}"#,
        r#"{"role":42}"#,
        r#"{"role":["web"]}"#,
    ] {
        let err = PortFilter::from_args(json_args::pairs(bad)).unwrap_err();
        assert_eq!(err.code(), "invalid-argument", "{bad}");
        assert!(
            err.to_string().starts_with("invalid argument: filter"),
            "{err}"
        );
    }
}

#[test]
fn port_info_serialises_to_the_js_shape() {
    let v = serde_json::to_value(row(585)).unwrap();
    assert_eq!(v["port"], 585);
    assert_eq!(v["useInstead"], 993);
    assert_eq!(v["status"], "deprecated");
    assert_eq!(v["security"], "implicit-tls");
    assert_eq!(v["recommended"], false);
    let v = serde_json::to_value(row(4190)).unwrap();
    assert_eq!(v["role"], "filter-management");
    assert_eq!(v["protocol"], "managesieve");
    assert!(v["useInstead"].is_null());
    let keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    for k in [
        "port",
        "services",
        "protocol",
        "role",
        "security",
        "status",
        "recommended",
        "useInstead",
        "rfcs",
    ] {
        assert!(keys.iter().any(|x| x == k), "missing {k}");
    }
    // The summary and caveats are reader texts, added by the JS API from the locale.
    assert_eq!(keys.len(), 9);
    let v = serde_json::to_value(row(106)).unwrap();
    assert_eq!(v["role"], "account-management");
    assert_eq!(ports::lookup(106).unwrap().services, ["3com-tsmux"]);
}

#[test]
fn port_filter_keys_are_exactly_the_fields() {
    for key in PortFilter::KEYS {
        assert!(
            PortFilter::from_args([(*key, ArgValue::Null)]).is_ok(),
            "{key}"
        );
        // Each key sets its own field and no other.
        let filter = PortFilter::from_args(json_args::pairs(&format!("{{\"{key}\":\"x\"}}")));
        assert!(
            filter
                .unwrap_err()
                .to_string()
                .contains(&format!("filter.{key}:")),
            "{key}"
        );
    }
    let err = PortFilter::from_args([("port", ArgValue::Null)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid argument: filter: unknown key \"port\"; expected one of protocol, role, security, status"
    );
    let set = PortFilter::from_args(json_args::pairs(
        r#"{"protocol":"imap","role":"access","security":"plaintext","status":"deprecated"}"#,
    ))
    .unwrap();
    assert_eq!(
        set,
        PortFilter {
            protocol: Some(Protocol::Imap),
            role: Some(Role::Access),
            security: Some(Security::Plaintext),
            status: Some(Status::Deprecated),
        }
    );
}

/// The TypeScript unions name every serialised enum value of the registry.
#[test]
fn typescript_unions_match_the_enums() {
    let dts = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/src/types/ports.d.ts"
    ))
    .expect("www/src/types/ports.d.ts");
    let union = |name: &str| -> Vec<String> {
        let start = dts.find(&format!("export type {name} =")).expect(name);
        let block = &dts[start..];
        let block = &block[..block.find(';').expect("end of union")];
        block
            .split('\'')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    };
    let json = |v: serde_json::Value| v.as_str().unwrap().to_owned();
    let mut protocols: Vec<String> = PORTS
        .iter()
        .map(|p| json(serde_json::json!(p.protocol)))
        .collect();
    let mut roles: Vec<String> = PORTS
        .iter()
        .map(|p| json(serde_json::json!(p.role)))
        .collect();
    let mut statuses: Vec<String> = PORTS
        .iter()
        .map(|p| json(serde_json::json!(p.status)))
        .collect();
    let mut securities: Vec<String> = PORTS
        .iter()
        .map(|p| json(serde_json::json!(p.security)))
        .collect();
    for v in [&mut protocols, &mut roles, &mut statuses, &mut securities] {
        v.sort();
        v.dedup();
    }
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    // Every enum value is used by some row, so the table covers the unions.
    assert_eq!(sorted(union("PortProtocol")), protocols);
    assert_eq!(sorted(union("PortRole")), roles);
    assert_eq!(sorted(union("PortStatus")), statuses);
    assert_eq!(sorted(union("Security")), securities);
}

#[test]
fn port_filter_errors_name_the_field_and_the_choices() {
    let err = PortFilter::from_args([("security", ArgValue::Text("ssl".into()))]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid argument: filter.security: \"ssl\" is not one of implicit-tls, starttls, plaintext"
    );
}

/// The name tables are exactly the serde names, for every variant.
#[test]
fn name_tables_match_serde_names() {
    fn check<T: serde::Serialize + Copy + PartialEq + core::fmt::Debug>(
        table: &[(T, &str)],
        count: usize,
    ) {
        assert_eq!(table.len(), count);
        for (v, name) in table {
            assert_eq!(serde_json::to_value(v).unwrap(), *name, "{v:?}");
        }
        for (i, (a, name)) in table.iter().enumerate() {
            assert!(!table[i + 1..].iter().any(|(b, _)| a == b), "{a:?} twice");
            assert!(
                !table[i + 1..].iter().any(|(_, n)| n == name),
                "{name} twice"
            );
        }
    }
    // The counts are the variant counts; the exhaustive matches below make
    // adding a variant without updating this test a compile error.
    let _ = |p: Protocol| match p {
        Protocol::Smtp
        | Protocol::Lmtp
        | Protocol::Pop3
        | Protocol::Imap
        | Protocol::Managesieve
        | Protocol::Pop2
        | Protocol::Imap3
        | Protocol::Poppassd
        | Protocol::Http => (),
    };
    let _ = |r: Role| match r {
        Role::Relay
        | Role::Submission
        | Role::Access
        | Role::Delivery
        | Role::FilterManagement
        | Role::AccountManagement
        | Role::Web => (),
    };
    let _ = |s: Status| match s {
        Status::Iana | Status::Unofficial | Status::Historic | Status::Deprecated => (),
    };
    let _ = |s: Security| match s {
        Security::ImplicitTls | Security::Starttls | Security::Plaintext => (),
    };
    check(Protocol::NAMES, 9);
    check(Role::NAMES, 7);
    check(Status::NAMES, 4);
    check(Security::NAMES, 3);
    use mailports::settings::{Auth, MailProtocol};
    let _ = |p: MailProtocol| match p {
        MailProtocol::Imap | MailProtocol::Pop3 | MailProtocol::Smtp => (),
    };
    let _ = |a: Auth| match a {
        Auth::Password
        | Auth::PasswordEncrypted
        | Auth::Oauth2
        | Auth::Gssapi
        | Auth::Ntlm
        | Auth::ClientIpAddress
        | Auth::None => (),
    };
    check(MailProtocol::NAMES, 3);
    check(Auth::NAMES, 7);
}

/// The one-letter codes of the compiled provider table: one per variant,
/// distinct, and read back to the same variant.
#[test]
fn table_letters_are_distinct_and_read_back() {
    use mailports::provenance::Source;
    use mailports::settings::{Auth, MailProtocol};
    fn check<T: Copy + PartialEq + core::fmt::Debug>(
        names: &[(T, &str)],
        letters: &[(T, char)],
        from_letter: fn(char) -> Option<T>,
    ) {
        assert_eq!(names.len(), letters.len());
        for (i, ((a, _), (b, letter))) in names.iter().zip(letters).enumerate() {
            assert_eq!(a, b, "declaration order");
            assert_eq!(from_letter(*letter), Some(*a));
            assert!(
                !letters[i + 1..].iter().any(|(_, l)| l == letter),
                "{letter} twice"
            );
        }
        assert_eq!(from_letter('?'), None);
    }
    check(
        MailProtocol::NAMES,
        MailProtocol::LETTERS,
        MailProtocol::from_letter,
    );
    check(Security::NAMES, Security::LETTERS, Security::from_letter);
    check(Auth::NAMES, Auth::LETTERS, Auth::from_letter);
    check(Source::NAMES, Source::LETTERS, Source::from_letter);
    // `s` marks a second-hand reviewed page in the table's sources field.
    assert_eq!(Source::from_letter('s'), None);
}

#[test]
fn bad_ports_are_quoted_as_rust_writes_numbers() {
    for &(n, shown, _) in QUOTED_NUMBERS {
        let err = mailports::ports::validate_port(n).unwrap_err();
        assert_eq!(err, mailports::Error::InvalidPort(shown.into()), "{n:e}");
    }
}

#[test]
fn quoted_keys_and_values_cannot_hide_the_message() {
    use mailports::arg::ArgValue;
    use mailports::ports::PortFilter;
    // A key with a right-to-left override, a line separator and a quote.
    let err = PortFilter::from_args([("a\u{202E}b\u{2028}\"", ArgValue::Null)]).unwrap_err();
    assert!(
        err.to_string()
            .contains(r#"unknown key "a\u{202e}b\u{2028}\""; expected one of"#),
        "{err}"
    );
    // A value is cut after 40 characters, inside the quotes.
    let long = format!("imap{}", "x".repeat(60));
    let err = PortFilter::from_args([("protocol", ArgValue::Text(long))]).unwrap_err();
    let shown = format!("\"imap{}…\" is not one of", "x".repeat(36));
    assert!(err.to_string().contains(&shown), "{err}");
}
