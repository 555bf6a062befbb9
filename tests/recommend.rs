//! The recommender: scenarios from the issue and the facts sheet, the reason
//! catalogue, and input validation.

use std::collections::HashSet;

use mailports::arg::ArgValue;
use mailports::ports::{self, Security};
use mailports::recommend::{
    reason_codes, reason_for, recommend, Choice, ClientProtocol, Needs, Recommendation, REASONS,
};

fn rec(needs: Needs) -> Recommendation {
    recommend(&needs).expect("valid needs")
}

fn triple(c: &Choice) -> (ClientProtocol, u16, Security) {
    (c.protocol, c.port, c.security)
}

fn incoming(r: &Recommendation) -> (ClientProtocol, u16, Security) {
    triple(r.incoming.as_ref().expect("an incoming choice"))
}

fn outgoing(r: &Recommendation) -> (ClientProtocol, u16, Security) {
    triple(r.outgoing.as_ref().expect("an outgoing choice"))
}

fn alternatives(r: &Recommendation) -> Vec<(ClientProtocol, u16, Security)> {
    r.alternatives.iter().map(triple).collect()
}

fn reasons(r: &Recommendation) -> Vec<&'static str> {
    r.reasons.iter().map(|x| x.code).collect()
}

fn warnings(r: &Recommendation) -> Vec<&'static str> {
    r.warnings.iter().map(|x| x.code).collect()
}

/// One device that must read mail offline, and nothing else.
fn one_offline_device() -> Needs {
    Needs {
        devices: Some(1),
        offline: true,
        ..Needs::default()
    }
}

/// Every combination of the six yes/no needs (offline, small quota, no
/// sending, Exchange, push, untrusted network) with each of `devices` and
/// each of `blocked_sets`, all for `email`.
fn combinations(
    devices: &[Option<u32>],
    blocked_sets: &[&[u16]],
    email: Option<&str>,
) -> Vec<Needs> {
    let mut all = Vec::new();
    for bits in 0u32..64 {
        let flag = |i: u32| bits & (1 << i) != 0;
        for &devices in devices {
            for blocked in blocked_sets {
                all.push(Needs {
                    devices,
                    offline: flag(0),
                    small_quota: flag(1),
                    sends: Some(!flag(2)),
                    blocked_ports: blocked.to_vec(),
                    exchange: flag(3),
                    push: flag(4),
                    untrusted_network: flag(5),
                    email: email.map(str::to_owned),
                });
            }
        }
    }
    all
}

use ClientProtocol::{Exchange, Imap, Jmap, Pop3, Smtp, Webmail};
use Security::{ImplicitTls, Starttls};

/// Checks that hold for every answer, whatever the needs.
fn check_invariants(needs: &Needs, r: &Recommendation) {
    let all: Vec<&Choice> = r
        .incoming
        .iter()
        .chain(r.outgoing.iter())
        .chain(r.alternatives.iter())
        .collect();
    for c in &all {
        // Never port 25, never without TLS, never a blocked port.
        assert_ne!(c.port, 25, "{needs:?}");
        assert!(c.security.uses_tls(), "{needs:?}: {c:?}");
        assert!(
            !needs.blocked_ports.contains(&c.port),
            "{needs:?}: {c:?} is blocked"
        );
        assert!(c.host.is_none());
        // A mail-protocol choice matches the registry's TLS mode for its port.
        if matches!(c.protocol, Imap | Pop3 | Smtp) {
            let row = ports::lookup(c.port).expect("a registry port");
            assert_eq!(row.security, c.security, "{c:?}");
        } else {
            assert_eq!((c.port, c.security), (443, ImplicitTls));
        }
    }
    // The chosen incoming and outgoing are never repeated as alternatives.
    for c in r.incoming.iter().chain(r.outgoing.iter()) {
        assert!(
            !r.alternatives.contains(c),
            "{needs:?}: {c:?} also an alternative"
        );
    }
    let unique: HashSet<_> = r.alternatives.iter().map(triple).collect();
    assert_eq!(unique.len(), r.alternatives.len(), "alternatives repeat");
    // Incoming choices read mail, outgoing ones send it.
    if let Some(c) = &r.incoming {
        assert!(
            matches!(c.protocol, Imap | Pop3 | Exchange | Webmail),
            "{c:?}"
        );
    }
    if let Some(c) = &r.outgoing {
        assert!(matches!(c.protocol, Smtp | Exchange | Webmail), "{c:?}");
    }
    // Every reason and warning is a catalogue entry, given once, and a code
    // is either a reason or a warning, not both.
    for x in r.reasons.iter().chain(r.warnings.iter()) {
        assert_eq!(
            reason_for(x.code),
            Some(x),
            "{} not in the catalogue",
            x.code
        );
    }
    let reasons: HashSet<_> = reasons(r).into_iter().collect();
    let warnings: HashSet<_> = warnings(r).into_iter().collect();
    assert_eq!(reasons.len(), r.reasons.len(), "repeated reason");
    assert_eq!(warnings.len(), r.warnings.len(), "repeated warning");
    assert!(reasons.is_disjoint(&warnings));
    assert!(
        !r.reasons.is_empty(),
        "{needs:?}: an answer always says why"
    );
    // A STARTTLS choice anywhere comes with the "set it to required" reason.
    if all.iter().any(|c| c.security == Starttls) {
        assert!(reasons.contains("starttls-required"), "{needs:?}");
    }
    // Sending always rules out port 25.
    if needs.sends != Some(false) {
        assert!(reasons.contains("never-port-25"), "{needs:?}");
    }
}

fn checked(needs: Needs) -> Recommendation {
    let r = rec(needs.clone());
    check_invariants(&needs, &r);
    r
}

// ---- Scenarios ------------------------------------------------------------

#[test]
fn s01_three_devices_that_send_get_imap_993_and_465_with_587_alternative() {
    let r = checked(Needs {
        devices: Some(3),
        sends: Some(true),
        ..Needs::default()
    });
    assert_eq!(incoming(&r), (Imap, 993, ImplicitTls));
    assert_eq!(outgoing(&r), (Smtp, 465, ImplicitTls));
    assert!(alternatives(&r).contains(&(Smtp, 587, Starttls)));
    assert!(alternatives(&r).contains(&(Imap, 143, Starttls)));
    assert!(alternatives(&r).contains(&(Jmap, 443, ImplicitTls)));
    assert!(
        !alternatives(&r).iter().any(|a| a.0 == Pop3),
        "no POP3 for several devices"
    );
    let why = reasons(&r);
    for code in [
        "imap-multi-device",
        "implicit-tls-first",
        "starttls-required",
        "submission-auth",
        "never-port-25",
        "jmap-if-offered",
    ] {
        assert!(why.contains(&code), "{code} in {why:?}");
    }
    assert!(warnings(&r).contains(&"port-tls-mismatch"));
    assert!(!warnings(&r).contains(&"pop3-local-copy"));
}

#[test]
fn s02_one_device_offline_small_quota_gets_pop3_995_with_local_copy_warning() {
    let r = checked(Needs {
        devices: Some(1),
        offline: true,
        small_quota: true,
        ..Needs::default()
    });
    assert_eq!(incoming(&r), (Pop3, 995, ImplicitTls));
    assert_eq!(
        outgoing(&r),
        (Smtp, 465, ImplicitTls),
        "sending is assumed when not said"
    );
    assert_eq!(
        alternatives(&r),
        [
            (Pop3, 110, Starttls),
            (Imap, 993, ImplicitTls),
            (Smtp, 587, Starttls)
        ]
    );
    let why = reasons(&r);
    for code in ["pop3-single-device", "pop3-offline", "pop3-small-quota"] {
        assert!(why.contains(&code), "{code}");
    }
    assert!(warnings(&r).contains(&"pop3-local-copy"));
    assert!(warnings(&r).contains(&"pop3-no-folders"));
    assert_eq!(
        r.warnings
            .iter()
            .find(|w| w.code == "pop3-local-copy")
            .unwrap()
            .rfc,
        "RFC 1939 §1"
    );
}

#[test]
fn s03_blocked_465_falls_back_to_587_starttls() {
    let r = checked(Needs {
        blocked_ports: vec![465],
        ..Needs::default()
    });
    assert_eq!(outgoing(&r), (Smtp, 587, Starttls));
    assert!(!alternatives(&r).iter().any(|a| a.1 == 465));
    assert!(reasons(&r).contains(&"starttls-required"));
    assert!(warnings(&r).contains(&"implicit-tls-blocked"));
    // Reading mail is unaffected.
    assert_eq!(incoming(&r), (Imap, 993, ImplicitTls));
}

#[test]
fn s04_nothing_known_defaults_to_imap_and_implicit_tls() {
    let r = checked(Needs::default());
    assert_eq!(incoming(&r), (Imap, 993, ImplicitTls));
    assert_eq!(outgoing(&r), (Smtp, 465, ImplicitTls));
    assert_eq!(
        alternatives(&r),
        [(Imap, 143, Starttls), (Smtp, 587, Starttls)]
    );
    assert_eq!(reasons(&r).first(), Some(&"imap-default"));
    assert!(!reasons(&r).contains(&"imap-multi-device"));
}

#[test]
fn s05_single_device_without_offline_needs_still_gets_imap_with_pop3_alternative() {
    let r = checked(Needs {
        devices: Some(1),
        ..Needs::default()
    });
    assert_eq!(incoming(&r), (Imap, 993, ImplicitTls));
    assert!(alternatives(&r).contains(&(Pop3, 995, ImplicitTls)));
    assert!(reasons(&r).contains(&"imap-default"));
    assert!(
        !warnings(&r).contains(&"pop3-local-copy"),
        "POP3 is only an alternative"
    );
}

#[test]
fn s06_push_beats_pop3_even_for_one_offline_device() {
    let r = checked(Needs {
        devices: Some(1),
        offline: true,
        push: true,
        ..Needs::default()
    });
    assert_eq!(incoming(&r), (Imap, 993, ImplicitTls));
    let why = reasons(&r);
    for code in ["imap-push", "pop3-no-push", "imap-offline-cache"] {
        assert!(why.contains(&code), "{code} in {why:?}");
    }
    assert!(
        !alternatives(&r).iter().any(|a| a.0 == Pop3),
        "POP3 cannot push"
    );
    assert!(alternatives(&r).contains(&(Jmap, 443, ImplicitTls)));
}

#[test]
fn s07_several_devices_with_small_quota_stay_on_imap() {
    let r = checked(Needs {
        devices: Some(4),
        small_quota: true,
        offline: true,
        ..Needs::default()
    });
    assert_eq!(incoming(&r), (Imap, 993, ImplicitTls));
    let why = reasons(&r);
    for code in ["imap-multi-device", "imap-quota", "imap-offline-cache"] {
        assert!(why.contains(&code), "{code}");
    }
    assert!(!why.iter().any(|c| c.starts_with("pop3")));
}

#[test]
fn s08_no_sending_means_no_outgoing_choice() {
    let r = checked(Needs {
        devices: Some(2),
        sends: Some(false),
        ..Needs::default()
    });
    assert!(r.outgoing.is_none());
    assert!(!alternatives(&r).iter().any(|a| a.0 == Smtp));
    assert!(reasons(&r).contains(&"receive-only"));
    assert!(!reasons(&r).contains(&"never-port-25"));
    assert!(!reasons(&r).contains(&"submission-auth"));
}

#[test]
fn s09_every_standard_submission_port_blocked_gives_webmail_and_2525() {
    let r = checked(Needs {
        blocked_ports: vec![25, 465, 587],
        ..Needs::default()
    });
    assert_eq!(outgoing(&r), (Webmail, 443, ImplicitTls));
    assert!(alternatives(&r).contains(&(Smtp, 2525, Starttls)));
    let w = warnings(&r);
    assert!(w.contains(&"submission-blocked"));
    assert!(w.contains(&"alternate-port-provider-only"));
    assert!(reasons(&r).contains(&"port-25-blocked-ok"));
    assert_eq!(incoming(&r), (Imap, 993, ImplicitTls));
}

#[test]
fn s10_submission_and_https_blocked_gives_2525_with_tls_required() {
    let r = checked(Needs {
        blocked_ports: vec![465, 587, 443],
        ..Needs::default()
    });
    assert_eq!(outgoing(&r), (Smtp, 2525, Starttls));
    let w = warnings(&r);
    assert!(w.contains(&"submission-blocked") && w.contains(&"alternate-port-provider-only"));
    assert!(reasons(&r).contains(&"starttls-required"));
}

#[test]
fn s11_every_sending_port_blocked_says_so() {
    let r = checked(Needs {
        blocked_ports: vec![465, 587, 443, 2525],
        ..Needs::default()
    });
    assert!(r.outgoing.is_none());
    assert!(warnings(&r).contains(&"no-submission-port"));
}

#[test]
fn s12_exchange_mailbox_uses_native_protocols_on_443() {
    let r = checked(Needs {
        exchange: true,
        devices: Some(2),
        ..Needs::default()
    });
    assert_eq!(incoming(&r), (Exchange, 443, ImplicitTls));
    assert_eq!(outgoing(&r), (Exchange, 443, ImplicitTls));
    assert_eq!(
        alternatives(&r),
        [
            (Imap, 993, ImplicitTls),
            (Imap, 143, Starttls),
            (Smtp, 587, Starttls)
        ]
    );
    assert_eq!(reasons(&r).first(), Some(&"exchange-native"));
    assert_eq!(r.reasons[0].rfc, "MS-OXDISCO");
    assert!(warnings(&r).contains(&"exchange-oauth"));
}

#[test]
fn s13_exchange_with_https_blocked_falls_back_to_imap_and_submission() {
    let r = checked(Needs {
        exchange: true,
        blocked_ports: vec![443],
        ..Needs::default()
    });
    assert_eq!(incoming(&r), (Imap, 993, ImplicitTls));
    assert_eq!(outgoing(&r), (Smtp, 465, ImplicitTls));
    let w = warnings(&r);
    assert!(w.contains(&"https-blocked") && w.contains(&"exchange-oauth"));
}

#[test]
fn s14_untrusted_network_with_implicit_tls_has_no_starttls_warning() {
    let r = checked(Needs {
        untrusted_network: true,
        devices: Some(2),
        ..Needs::default()
    });
    assert!(reasons(&r).contains(&"untrusted-network-tls"));
    assert!(!warnings(&r).contains(&"starttls-on-untrusted-network"));
}

#[test]
fn s15_untrusted_network_with_implicit_ports_blocked_warns_about_starttls() {
    let r = checked(Needs {
        untrusted_network: true,
        blocked_ports: vec![993, 465],
        ..Needs::default()
    });
    assert_eq!(incoming(&r), (Imap, 143, Starttls));
    assert_eq!(outgoing(&r), (Smtp, 587, Starttls));
    let w = warnings(&r);
    assert!(w.contains(&"starttls-on-untrusted-network"));
    assert!(w.contains(&"implicit-tls-blocked"));
    assert!(!reasons(&r).contains(&"implicit-tls-first"));
    assert!(
        !w.contains(&"port-tls-mismatch"),
        "only STARTTLS ports are left"
    );
}

#[test]
fn s16_all_imap_ports_blocked_gives_webmail_for_reading() {
    let r = checked(Needs {
        devices: Some(3),
        blocked_ports: vec![993, 143],
        ..Needs::default()
    });
    assert_eq!(incoming(&r), (Webmail, 443, ImplicitTls));
    assert!(warnings(&r).contains(&"access-blocked"));
    assert_eq!(outgoing(&r), (Smtp, 465, ImplicitTls));
}

#[test]
fn s17_pop3_user_with_pop3_ports_blocked_moves_to_imap() {
    let r = checked(Needs {
        devices: Some(1),
        offline: true,
        blocked_ports: vec![995, 110],
        ..Needs::default()
    });
    assert_eq!(incoming(&r), (Imap, 993, ImplicitTls));
    assert!(!warnings(&r).contains(&"pop3-local-copy"));
}

#[test]
fn s18_everything_blocked_still_answers_without_choices() {
    let r = checked(Needs {
        blocked_ports: vec![993, 143, 995, 110, 443, 465, 587, 2525],
        devices: Some(1),
        ..Needs::default()
    });
    assert!(r.incoming.is_none() && r.outgoing.is_none());
    assert!(r.alternatives.is_empty());
    let w = warnings(&r);
    assert!(w.contains(&"no-access-port") && w.contains(&"no-submission-port"));
}

#[test]
fn blocking_unrelated_ports_changes_nothing() {
    let plain = rec(Needs {
        devices: Some(2),
        ..Needs::default()
    });
    let blocked = rec(Needs {
        devices: Some(2),
        blocked_ports: vec![8080, 22, 2000, 65535],
        ..Needs::default()
    });
    assert_eq!(plain, blocked);
}

/// Every combination of the yes/no answers, several device counts and a few
/// blocked-port sets keeps the invariants.
#[test]
fn invariants_hold_across_all_combinations() {
    let blocked_sets: [&[u16]; 6] = [
        &[],
        &[25],
        &[465],
        &[465, 587],
        &[993, 995, 465],
        &[443, 465, 587],
    ];
    let mut count = 0;
    for needs in combinations(&[None, Some(1), Some(2), Some(1000)], &blocked_sets, None) {
        let r = checked(needs.clone());
        // POP3 only ever as the incoming choice for one device, no push.
        if r.incoming.as_ref().is_some_and(|c| c.protocol == Pop3) {
            assert_eq!(needs.devices, Some(1), "{needs:?}");
            assert!(!needs.push, "{needs:?}");
            // Exchange only when its own protocols are out of reach.
            assert!(
                !needs.exchange || needs.blocked_ports.contains(&443),
                "{needs:?}"
            );
            assert!(warnings(&r).contains(&"pop3-local-copy"));
        }
        count += 1;
    }
    assert_eq!(count, 64 * 4 * 6);
}

// ---- The reason catalogue ---------------------------------------------------

#[test]
fn catalogue_is_sorted_unique_and_well_formed() {
    for pair in REASONS.windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} before {}",
            pair[0].code,
            pair[1].code
        );
    }
    for r in REASONS {
        assert!(
            !r.code.is_empty()
                && !r.code.starts_with('-')
                && !r.code.ends_with('-')
                && !r.code.contains("--")
                && r.code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{} is not kebab-case",
            r.code
        );
        // Every catalogue entry names its RFC; only a provider's requirement,
        // given as a warning, has an empty `rfc` (see check_provider_invariants).
        let rfc_ok = r.rfc.strip_prefix("RFC ").is_some_and(|rest| {
            let (n, sec) = rest.split_once(" §").unwrap_or((rest, "1"));
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && !sec.is_empty()
        });
        let ms_ok = r
            .rfc
            .strip_prefix("MS-")
            .is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_uppercase()));
        assert!(rfc_ok || ms_ok, "{}: {:?}", r.code, r.rfc);
    }
    assert_eq!(reason_codes().count(), REASONS.len());
    assert!(reason_for("nope").is_none());
    for code in [
        "imap-multi-device",
        "implicit-tls-first",
        "starttls-required",
        "pop3-local-copy",
        "never-port-25",
        "submission-blocked",
        "exchange-native",
    ] {
        assert!(reason_for(code).is_some(), "{code}");
    }
}

#[test]
fn every_catalogue_entry_is_reachable() {
    let mut seen = HashSet::new();
    let blocked_sets: [&[u16]; 9] = [
        &[],
        &[25],
        &[465],
        &[465, 587],
        &[443],
        &[993, 465],
        &[993, 143],
        &[443, 465, 587],
        &[993, 143, 995, 110, 443, 465, 587, 2525],
    ];
    for needs in combinations(&[None, Some(1), Some(3)], &blocked_sets, None) {
        let r = rec(needs);
        seen.extend(r.reasons.iter().chain(r.warnings.iter()).map(|x| x.code));
    }
    // The provider-* reasons need a provider.
    register_test_providers();
    let emails = [
        "ann@hey.com".to_string(),
        "ann@rec-full.test".into(),
        "ann@rec-587.test".into(),
        "ann@rec-25.test".into(),
        "ann@rec-plain.test".into(),
        "ann@rec-imap-only.test".into(),
    ];
    for email in emails {
        for (devices, offline, blocked) in [
            (Some(3), false, &[][..]),
            (Some(1), true, &[][..]),
            (None, false, &[465, 587][..]),
            (None, false, &[25][..]),
        ] {
            let r = rec(Needs {
                devices,
                offline,
                blocked_ports: blocked.to_vec(),
                email: Some(email.clone()),
                ..Needs::default()
            });
            seen.extend(r.reasons.iter().chain(r.warnings.iter()).map(|x| x.code));
        }
    }
    let unused: Vec<_> = reason_codes().filter(|c| !seen.contains(c)).collect();
    assert!(unused.is_empty(), "never produced: {unused:?}");
}

// ---- Input validation and the JS shape --------------------------------------

#[test]
fn impossible_needs_are_typed_errors() {
    for needs in [
        Needs {
            devices: Some(0),
            ..Needs::default()
        },
        Needs {
            devices: Some(1001),
            ..Needs::default()
        },
        Needs {
            devices: Some(u32::MAX),
            ..Needs::default()
        },
        Needs {
            blocked_ports: vec![587, 0],
            ..Needs::default()
        },
    ] {
        let err = recommend(&needs).unwrap_err();
        assert_eq!(err.code(), "invalid-argument", "{needs:?}");
        assert!(
            err.to_string().starts_with("invalid argument: needs."),
            "{err}"
        );
    }
    assert!(recommend(&Needs {
        devices: Some(1000),
        ..Needs::default()
    })
    .is_ok());
}

#[test]
fn needs_read_from_camel_case_js() {
    let needs = from_json_args(
        r#"{"devices":1,"offline":true,"smallQuota":true,"sends":false,"blockedPorts":[25,465],
            "exchange":false,"push":false,"untrustedNetwork":true}"#,
    )
    .unwrap();
    assert_eq!(
        needs,
        Needs {
            devices: Some(1),
            offline: true,
            small_quota: true,
            sends: Some(false),
            blocked_ports: vec![25, 465],
            exchange: false,
            push: false,
            untrusted_network: true,
            email: None,
        }
    );
    // Empty and null fields are defaults.
    assert_eq!(from_json_args("{}").unwrap(), Needs::default());
    let nulls = from_json_args(
        r#"{"devices":null,"offline":null,"smallQuota":null,"sends":null,"blockedPorts":null,
            "exchange":null,"push":null,"untrustedNetwork":null,"email":null}"#,
    )
    .unwrap();
    assert_eq!(nulls, Needs::default());
    // Whole numbers written as floats are fine.
    let float = from_json_args(r#"{"devices":3.0,"blockedPorts":[465.0]}"#).unwrap();
    assert_eq!((float.devices, float.blocked_ports), (Some(3), vec![465]));
    let some = from_json_args(r#"{"devices":1000,"push":true,"email":"a@b.c","exchange":true}"#);
    assert_eq!(
        some.unwrap(),
        Needs {
            devices: Some(1000),
            push: true,
            exchange: true,
            email: Some("a@b.c".into()),
            ..Needs::default()
        }
    );
}

#[test]
fn bad_needs_fail_with_a_clear_message() {
    let cases = [
        (
            r#"{"devices":-1}"#,
            "needs.devices: must be a whole number from 1 to 1000, not -1",
        ),
        (r#"{"devices":1e9}"#, "not 1000000000"),
        (r#"{"devices":0}"#, "not 0"),
        (r#"{"devices":2.5}"#, "not 2.5"),
        (
            r#"{"devices":"3"}"#,
            "needs.devices: expected a number, got string",
        ),
        (r#"{"devices":true}"#, "expected a number, got boolean"),
        (r#"{"devices":[3]}"#, "expected a number, got array"),
        (
            r#"{"blockedPorts":[0]}"#,
            "needs.blockedPorts: 0 is not a valid port",
        ),
        (
            r#"{"blockedPorts":[65536]}"#,
            "needs.blockedPorts: 65536 is not a valid port",
        ),
        (
            r#"{"blockedPorts":[-25]}"#,
            "needs.blockedPorts: -25 is not a valid port",
        ),
        (
            r#"{"blockedPorts":[1.5]}"#,
            "needs.blockedPorts: 1.5 is not a valid port",
        ),
        (
            r#"{"blockedPorts":["465"]}"#,
            "expected port numbers, got string",
        ),
        (r#"{"blockedPorts":[[465]]}"#, "expected port numbers, got"),
        (
            r#"{"blockedPorts":465}"#,
            "expected an array of port numbers, got number",
        ),
        (
            r#"{"offline":"yes"}"#,
            "needs.offline: expected true or false, got string",
        ),
        (r#"{"offline":1}"#, "expected true or false, got number"),
        (
            r#"{"sends":{}}"#,
            "needs.sends: expected true or false, got object",
        ),
        (
            r#"{"email":3}"#,
            "needs.email: expected a string, got number",
        ),
        (r#"{"email":["a@b.c"]}"#, "expected a string, got array"),
        (r#"{"smallquota":true}"#, "unknown key \"smallquota\""),
    ];
    for (json, expected) in cases {
        let err = from_json_args(json).unwrap_err();
        assert_eq!(err.code(), "invalid-argument", "{json}");
        let text = err.to_string();
        assert!(
            text.starts_with("invalid argument: needs"),
            "{json}: {text}"
        );
        assert!(text.contains(expected), "{json}: {text}");
    }
}

#[test]
fn recommendation_serialises_to_the_js_shape() {
    let r = rec(Needs {
        devices: Some(3),
        sends: Some(true),
        ..Needs::default()
    });
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(
        v["incoming"],
        serde_json::json!({ "protocol": "imap", "port": 993, "security": "implicit-tls" })
    );
    assert_eq!(
        v["outgoing"],
        serde_json::json!({ "protocol": "smtp", "port": 465, "security": "implicit-tls" })
    );
    assert!(v["alternatives"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!({ "protocol": "smtp", "port": 587, "security": "starttls" })));
    let first = &v["reasons"][0];
    // A reason is its code and reference; the sentence comes from the locale.
    assert_eq!(
        first,
        &serde_json::json!({ "code": "imap-multi-device", "rfc": "RFC 9051" })
    );
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "alternatives",
            "incoming",
            "outgoing",
            "provider",
            "reasons",
            "warnings"
        ]
    );
    assert!(v["provider"].is_null(), "null without an address");
    // With nothing to send, `outgoing` is null, not missing.
    let v = serde_json::to_value(rec(Needs {
        sends: Some(false),
        ..Needs::default()
    }))
    .unwrap();
    assert!(v["outgoing"].is_null());
    // An Exchange choice names the protocol.
    let v = serde_json::to_value(rec(Needs {
        exchange: true,
        ..Needs::default()
    }))
    .unwrap();
    assert_eq!(v["incoming"]["protocol"], "exchange");
}

#[test]
fn needs_keys_are_exactly_the_fields() {
    for key in Needs::KEYS {
        assert_eq!(
            Needs::from_args([(*key, ArgValue::Null)]),
            Ok(Needs::default()),
            "{key}"
        );
        // Each key reads its own field: a string is wrong for every one but email.
        let text = Needs::from_args([(*key, ArgValue::Text("x".into()))]);
        match text {
            Ok(needs) => assert_eq!((*key, needs.email.as_deref()), ("email", Some("x"))),
            Err(e) => assert!(e.to_string().contains(&format!("needs.{key}:")), "{e}"),
        }
    }
    assert_eq!(Needs::KEYS.len(), 9);
}

/// The TypeScript declarations list exactly the codes of the catalogue.
#[test]
fn typescript_reason_codes_match_the_catalogue() {
    let dts = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/www/src/types/ports.d.ts"
    ))
    .expect("www/src/types/ports.d.ts");
    let start = dts
        .find("export type ReasonCode =")
        .expect("ReasonCode union");
    let block = &dts[start..];
    let block = &block[..block.find(';').expect("end of union")];
    let listed: Vec<&str> = block.split('\'').skip(1).step_by(2).collect();
    let codes: Vec<&str> = reason_codes().collect();
    assert_eq!(listed, codes);
}

/// Converts JSON the way the wasm bindings convert a JS value, one level
/// deep (as `recommend` reads its argument).
fn arg_value(v: &serde_json::Value, depth: u8) -> ArgValue {
    use serde_json::Value as J;
    match v {
        J::Null => ArgValue::Null,
        J::Bool(b) => ArgValue::Bool(*b),
        J::Number(n) => ArgValue::Number(n.as_f64().unwrap_or(f64::NAN)),
        J::String(s) => ArgValue::Text(s.clone()),
        J::Array(_) if depth > 0 => ArgValue::Other("nested array"),
        J::Array(items) => ArgValue::List(items.iter().map(|i| arg_value(i, depth + 1)).collect()),
        J::Object(_) => ArgValue::Other("object"),
    }
}

fn from_json_args(json: &str) -> mailports::Result<Needs> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let pairs: Vec<(String, ArgValue)> = v
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), arg_value(v, 0)))
        .collect();
    Needs::from_args(pairs)
}

#[test]
fn from_args_messages_name_the_key_and_the_problem() {
    let msg = |json: &str| from_json_args(json).unwrap_err().to_string();
    assert_eq!(
        msg(r#"{"devices":-1}"#),
        "invalid argument: needs.devices: must be a whole number from 1 to 1000, not -1"
    );
    assert_eq!(
        msg(r#"{"devices":"3"}"#),
        "invalid argument: needs.devices: expected a number, got string"
    );
    assert_eq!(
        msg(r#"{"blockedPorts":[0]}"#),
        "invalid argument: needs.blockedPorts: 0 is not a valid port: a port is a whole number from 1 to 65535"
    );
    assert_eq!(
        msg(r#"{"blockedPorts":465}"#),
        "invalid argument: needs.blockedPorts: expected an array of port numbers, got number"
    );
    assert_eq!(
        msg(r#"{"push":"yes"}"#),
        "invalid argument: needs.push: expected true or false, got string"
    );
    assert!(msg(r#"{"smallquota":true}"#).starts_with(
        "invalid argument: needs: unknown key \"smallquota\"; expected one of devices, "
    ));
    // A hostile key is shortened in the message.
    let long = format!("{{\"{}\":1}}", "k".repeat(10_000));
    assert!(msg(&long).len() < 300);
}

// ---- With a provider (`Needs::email`) ----------------------------------------

use mailports::providers::{self, ProviderMatch, ProviderRecord, ProviderStatus};
use mailports::recommend::ProviderRef;
use mailports::settings::{MailProtocol, Server};

fn with_email(email: &str, needs: Needs) -> Needs {
    Needs {
        email: Some(email.into()),
        ..needs
    }
}

fn found(email: &str) -> ProviderMatch {
    providers::lookup(email)
        .expect("an address")
        .unwrap_or_else(|| panic!("{email} is a known provider"))
}

fn client(p: MailProtocol) -> ClientProtocol {
    match p {
        MailProtocol::Imap => Imap,
        MailProtocol::Pop3 => Pop3,
        MailProtocol::Smtp => Smtp,
    }
}

fn same_server(c: &Choice, s: &Server) -> bool {
    c.protocol == client(s.protocol)
        && c.port == s.port
        && c.security == s.security
        && c.host.as_deref() == Some(s.hostname.as_str())
}

/// The provider's servers of `protocol` whose port is not blocked, best first.
fn open_servers<'a>(
    m: &'a ProviderMatch,
    needs: &Needs,
    protocol: MailProtocol,
) -> Vec<&'a Server> {
    m.incoming
        .iter()
        .chain(&m.outgoing)
        .filter(|s| s.protocol == protocol && !needs.blocked_ports.contains(&s.port))
        .collect()
}

/// Checks that hold for every answer with a known provider.
fn check_provider_invariants(needs: &Needs, m: &ProviderMatch, r: &Recommendation) {
    let ctx = format!("{} {needs:?}", m.id);
    assert_eq!(
        r.provider,
        Some(ProviderRef {
            id: m.id.clone(),
            name: m.name.clone(),
            domain: m.domain.clone(),
            status: m.status,
        }),
        "{ctx}"
    );
    let servers: Vec<&Server> = m.incoming.iter().chain(&m.outgoing).collect();
    let port_25_only = !m.outgoing.is_empty() && m.outgoing.iter().all(|s| s.port == 25);
    let chosen: Vec<&Choice> = r.incoming.iter().chain(r.outgoing.iter()).collect();
    let all: Vec<&Choice> = chosen.iter().copied().chain(&r.alternatives).collect();
    for c in &all {
        assert!(
            !needs.blocked_ports.contains(&c.port),
            "{ctx}: {c:?} is blocked"
        );
        match &c.host {
            // A host is one of the provider's own servers.
            Some(_) => assert!(servers.iter().any(|s| same_server(c, s)), "{ctx}: {c:?}"),
            // Without one: webmail or Exchange on 443 (or a generic SMTP
            // choice for a provider without SMTP servers).
            None => assert!(
                matches!(c.protocol, Webmail | Exchange)
                    || (c.protocol == Smtp && m.outgoing.is_empty()),
                "{ctx}: {c:?}"
            ),
        }
        if c.port == 25 {
            assert!(
                port_25_only,
                "{ctx}: port 25 while the provider lists another"
            );
        }
    }
    for c in &r.alternatives {
        assert!(
            c.security.uses_tls(),
            "{ctx}: alternative {c:?} without TLS"
        );
        assert!(!chosen.contains(&c), "{ctx}: {c:?} also an alternative");
    }
    let unique: HashSet<_> = r
        .alternatives
        .iter()
        .map(|c| (c.protocol, c.port, c.security, c.host.clone()))
        .collect();
    assert_eq!(
        unique.len(),
        r.alternatives.len(),
        "{ctx}: alternatives repeat"
    );
    // Reasons and warnings: catalogue entries, or the provider's requirements
    // (the requirement's code, empty rfc); each given once.
    for x in r.reasons.iter().chain(&r.warnings) {
        if m.requirements.iter().any(|q| q.code() == x.code) {
            assert_eq!(x.rfc, "", "{ctx}");
        } else {
            assert_eq!(
                reason_for(x.code),
                Some(x),
                "{ctx}: {} not in the catalogue",
                x.code
            );
        }
    }
    for req in &m.requirements {
        assert!(
            r.warnings.iter().any(|w| w.code == req.code()),
            "{ctx}: requirement {} not among the warnings",
            req.code()
        );
    }
    let why: HashSet<_> = reasons(r).into_iter().collect();
    let watch: HashSet<_> = warnings(r).into_iter().collect();
    assert_eq!(why.len(), r.reasons.len(), "{ctx}: repeated reason");
    assert_eq!(watch.len(), r.warnings.len(), "{ctx}: repeated warning");
    assert!(why.is_disjoint(&watch), "{ctx}");
    if m.status == ProviderStatus::NoMailApp {
        assert!(r.incoming.is_none() && r.outgoing.is_none() && r.alternatives.is_empty());
        assert_eq!(warnings(r).first(), Some(&"provider-no-mail-app"), "{ctx}");
        return;
    }
    assert!(!r.reasons.is_empty(), "{ctx}: an answer always says why");
    if all.iter().any(|c| c.security == Starttls) {
        assert!(why.contains("starttls-required"), "{ctx}");
    }
    if chosen.iter().any(|c| c.security == Security::Plaintext) {
        assert!(watch.contains("provider-no-tls"), "{ctx}");
    }
    if needs.sends != Some(false) {
        // Port 25 is ruled out, unless it is all the provider lists; then
        // the answer says so instead.
        let provider_smtp =
            !m.outgoing.is_empty() && !r.outgoing.as_ref().is_some_and(|c| c.protocol == Exchange);
        if port_25_only && provider_smtp {
            assert!(watch.contains("provider-port-25-only"), "{ctx}");
            assert!(!why.contains("never-port-25"), "{ctx}");
        } else {
            assert!(why.contains("never-port-25"), "{ctx}");
        }
    }
}

fn provider_checked(email: &str, needs: Needs) -> (ProviderMatch, Recommendation) {
    let m = found(email);
    let needs = with_email(email, needs);
    let r = rec(needs.clone());
    check_provider_invariants(&needs, &m, &r);
    (m, r)
}

/// A provider of the built-in data whose incoming servers are all POP3,
/// with TLS (found in the data rather than named, as the data may change).
fn pop3_only_address() -> String {
    providers::list()
        .iter()
        .filter(|p| p.status != ProviderStatus::NoMailApp)
        .filter_map(|p| p.domains.first())
        .find(|d| {
            let m = found(d);
            m.incoming.iter().all(|s| s.protocol == MailProtocol::Pop3)
                && m.incoming.iter().any(|s| s.security.uses_tls())
                && m.outgoing
                    .iter()
                    .any(|s| s.security.uses_tls() && s.port != 25)
        })
        .map(|d| format!("ann@{d}"))
        .expect("a POP3-only provider in the data")
}

#[path = "shared/server_record.rs"]
mod shared_server_record;
use shared_server_record::server;

/// Registers made-up providers once, for the cases the built-in data may not
/// keep: each has its own id and `.test` domain.
fn register_test_providers() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let records = [
            (
                "rec-full",
                vec![
                    server("imap", "imap.rec-full.test", 993, "implicit-tls"),
                    server("imap", "imap.rec-full.test", 143, "starttls"),
                    server("pop3", "pop.rec-full.test", 995, "implicit-tls"),
                ],
                vec![
                    server("smtp", "smtp.rec-full.test", 465, "implicit-tls"),
                    server("smtp", "smtp.rec-full.test", 587, "starttls"),
                    server("smtp", "mx.rec-full.test", 25, "starttls"),
                ],
                vec!["app-password".to_string(), "sending-limits".to_string()],
            ),
            (
                "rec-587",
                vec![server("imap", "mail.rec-587.test", 993, "implicit-tls")],
                vec![server("smtp", "mail.rec-587.test", 587, "starttls")],
                vec![],
            ),
            (
                "rec-25",
                vec![server("imap", "mail.rec-25.test", 993, "implicit-tls")],
                vec![server("smtp", "mail.rec-25.test", 25, "starttls")],
                vec![],
            ),
            (
                "rec-plain",
                vec![server("pop3", "mail.rec-plain.test", 110, "plaintext")],
                vec![server("smtp", "mail.rec-plain.test", 587, "plaintext")],
                vec![],
            ),
            (
                "rec-imap-only",
                vec![server(
                    "imap",
                    "mail.rec-imap-only.test",
                    993,
                    "implicit-tls",
                )],
                vec![server(
                    "smtp",
                    "mail.rec-imap-only.test",
                    465,
                    "implicit-tls",
                )],
                vec![],
            ),
        ];
        for (id, incoming, outgoing, requirements) in records {
            providers::register(ProviderRecord {
                id: id.into(),
                name: format!("Test {id}"),
                domains: vec![format!("{id}.test")],
                requirements,
                incoming,
                outgoing,
                mx: vec![],
            })
            .expect("a valid test record");
        }
    });
}

fn test_provider(id: &str, needs: Needs) -> (ProviderMatch, Recommendation) {
    register_test_providers();
    provider_checked(&format!("ann@{id}.test"), needs)
}

fn hosts(r: &Recommendation) -> Vec<(ClientProtocol, u16, Option<&str>)> {
    r.alternatives
        .iter()
        .map(|c| (c.protocol, c.port, c.host.as_deref()))
        .collect()
}

fn blocked(ports: &[u16]) -> Needs {
    Needs {
        blocked_ports: ports.to_vec(),
        ..Needs::default()
    }
}

#[test]
fn p01_gmail_gets_its_own_hosts_and_requirements() {
    let (m, r) = provider_checked(
        "Jane.Doe@gmail.com",
        Needs {
            devices: Some(2),
            ..Needs::default()
        },
    );
    let chosen_in = r.incoming.as_ref().unwrap();
    let chosen_out = r.outgoing.as_ref().unwrap();
    assert_eq!(chosen_in.host.as_deref(), Some("imap.gmail.com"));
    assert_eq!(chosen_out.host.as_deref(), Some("smtp.gmail.com"));
    // The provider's best IMAP and SMTP servers.
    let imap = open_servers(&m, &Needs::default(), MailProtocol::Imap)[0];
    let smtp = open_servers(&m, &Needs::default(), MailProtocol::Smtp)[0];
    assert!(same_server(chosen_in, imap) && same_server(chosen_out, smtp));
    let provider = r.provider.as_ref().unwrap();
    assert_eq!(provider.domain, "gmail.com");
    assert_eq!(provider.id, m.id);
    // Every requirement is a warning, by its code, with its text and no RFC.
    assert!(!m.requirements.is_empty());
    for req in &m.requirements {
        let w = r.warnings.iter().find(|w| w.code == req.code()).unwrap();
        assert_eq!(w.rfc, "");
    }
    assert!(reasons(&r).contains(&"imap-multi-device"));
    // No generic JMAP suggestion, and no POP3 for several devices.
    assert!(r
        .alternatives
        .iter()
        .all(|c| c.host.is_some() && c.protocol != Pop3));
    // The JS shape: `provider` is an object and hosts are filled in.
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["incoming"]["host"], "imap.gmail.com");
    assert_eq!(v["provider"]["domain"], "gmail.com");
    assert_eq!(
        v["provider"]["status"],
        serde_json::to_value(m.status).unwrap()
    );
    let keys: Vec<&String> = v["provider"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["domain", "id", "name", "status"]);
}

#[test]
fn p02_pop3_only_provider_gives_pop3_with_a_reason() {
    let email = pop3_only_address();
    let (m, r) = provider_checked(
        &email,
        Needs {
            devices: Some(3),
            ..Needs::default()
        },
    );
    let chosen = r.incoming.as_ref().unwrap();
    assert_eq!(chosen.protocol, Pop3, "{email}");
    let best = open_servers(&m, &Needs::default(), MailProtocol::Pop3)[0];
    assert!(same_server(chosen, best));
    assert_eq!(reasons(&r).first(), Some(&"provider-pop3-only"), "{email}");
    let why = r
        .reasons
        .iter()
        .find(|x| x.code == "provider-pop3-only")
        .unwrap();
    assert_eq!(why.rfc, "RFC 1939");
    assert!(
        !reasons(&r).contains(&"pop3-single-device"),
        "not one device"
    );
    assert!(warnings(&r).contains(&"pop3-local-copy"));
    assert!(
        warnings(&r).contains(&"no-imap"),
        "the provider's requirement"
    );

    // For one offline device POP3 is the generic choice anyway: no
    // provider-pop3-only reason then.
    let (_, r) = provider_checked(&email, one_offline_device());
    assert_eq!(r.incoming.as_ref().unwrap().protocol, Pop3);
    assert!(!reasons(&r).contains(&"provider-pop3-only"));
    assert!(reasons(&r).contains(&"pop3-single-device"));
}

#[test]
fn p03_imap_only_provider_gives_imap_to_one_offline_device() {
    let (_, r) = test_provider("rec-imap-only", one_offline_device());
    let chosen = r.incoming.as_ref().unwrap();
    assert_eq!(
        (chosen.protocol, chosen.host.as_deref()),
        (Imap, Some("mail.rec-imap-only.test"))
    );
    assert_eq!(reasons(&r).first(), Some(&"provider-imap-only"));
    assert!(reasons(&r).contains(&"imap-offline-cache"));
    assert!(!warnings(&r).contains(&"pop3-local-copy"));
    // The same in the built-in data, for a provider found there without POP3.
    let imap_only = providers::list()
        .iter()
        .filter(|p| p.status != ProviderStatus::NoMailApp)
        .filter_map(|p| p.domains.first().cloned())
        .find(|d| {
            let m = found(d);
            m.incoming.iter().all(|s| s.protocol == MailProtocol::Imap)
                && m.incoming.iter().any(|s| s.security.uses_tls())
        })
        .expect("an IMAP-only provider in the data");
    let (_, r) = provider_checked(
        &imap_only,
        Needs {
            devices: Some(1),
            small_quota: true,
            ..Needs::default()
        },
    );
    assert_eq!(r.incoming.as_ref().unwrap().protocol, Imap);
    assert!(reasons(&r).contains(&"provider-imap-only"), "{imap_only}");
}

#[test]
fn p04_providers_without_mail_app_access_get_no_answer() {
    for email in ["ann@hey.com", "ann@tutanota.com", "ann@proton.me"] {
        let (m, r) = provider_checked(
            email,
            Needs {
                devices: Some(2),
                ..Needs::default()
            },
        );
        assert_eq!(m.status, ProviderStatus::NoMailApp, "{email}");
        assert!(r.incoming.is_none() && r.outgoing.is_none(), "{email}");
        assert!(r.alternatives.is_empty() && r.reasons.is_empty(), "{email}");
        assert_eq!(warnings(&r)[0], "provider-no-mail-app");
        let w = &r.warnings[0];
        assert_eq!(w.rfc, "RFC 9051");
        let rest: Vec<&str> = warnings(&r)[1..].to_vec();
        let codes: Vec<&str> = m.requirements.iter().map(|q| q.code()).collect();
        assert_eq!(rest, codes, "{email}");
        assert_eq!(
            r.provider.as_ref().unwrap().status,
            ProviderStatus::NoMailApp
        );
    }
}

#[test]
fn p05_blocked_ports_pick_the_providers_next_open_server() {
    // Built-in data: gmail with 993 and 465 blocked, for one device.
    let needs = Needs {
        devices: Some(1),
        blocked_ports: vec![993, 465],
        ..Needs::default()
    };
    let (m, r) = provider_checked("ann@gmail.com", needs.clone());
    let smtp = open_servers(&m, &needs, MailProtocol::Smtp);
    assert!(same_server(r.outgoing.as_ref().unwrap(), smtp[0]));
    let chosen = r.incoming.as_ref().unwrap();
    let next = open_servers(&m, &needs, MailProtocol::Imap)
        .into_iter()
        .chain(open_servers(&m, &needs, MailProtocol::Pop3))
        .next()
        .expect("gmail has another open incoming server");
    assert!(same_server(chosen, next), "{chosen:?}");
    if r.outgoing.as_ref().unwrap().security == Starttls {
        assert!(warnings(&r).contains(&"implicit-tls-blocked"));
        assert!(reasons(&r).contains(&"starttls-required"));
    }

    // A made-up provider, for exact answers.
    let (_, r) = test_provider("rec-full", Needs::default());
    assert_eq!(incoming(&r), (Imap, 993, ImplicitTls));
    let host = r.outgoing.as_ref().unwrap().host.as_deref();
    assert_eq!(host, Some("smtp.rec-full.test"));
    assert_eq!(
        hosts(&r),
        [
            (Imap, 143, Some("imap.rec-full.test")),
            (Smtp, 587, Some("smtp.rec-full.test"))
        ],
        "port 25 and POP3 (not for an unknown device count) are left out"
    );
    assert_eq!(warnings(&r)[..2], ["app-password", "sending-limits"]);
    let one_device = Needs {
        devices: Some(1),
        ..Needs::default()
    };
    let (_, r) = test_provider("rec-full", one_device);
    assert!(hosts(&r).contains(&(Pop3, 995, Some("pop.rec-full.test"))));

    let (_, r) = test_provider("rec-full", blocked(&[465]));
    assert_eq!(outgoing(&r), (Smtp, 587, Starttls));
    assert!(warnings(&r).contains(&"implicit-tls-blocked"));
    assert!(reasons(&r).contains(&"starttls-required"));
    assert!(!reasons(&r).contains(&"provider-one-submission-port"));

    let (_, r) = test_provider("rec-full", blocked(&[993]));
    assert_eq!(incoming(&r), (Imap, 143, Starttls));
    assert!(warnings(&r).contains(&"implicit-tls-blocked"));

    // 465 and 587 blocked: not the provider's port 25, but webmail.
    let (_, r) = test_provider("rec-full", blocked(&[465, 587]));
    assert_eq!(outgoing(&r), (Webmail, 443, ImplicitTls));
    assert!(warnings(&r).contains(&"provider-submission-blocked"));
    assert!(reasons(&r).contains(&"never-port-25"));
    let (_, r) = test_provider("rec-full", blocked(&[465, 587, 443]));
    assert!(r.outgoing.is_none());
    assert!(warnings(&r).contains(&"no-submission-port"));

    // Every incoming port blocked: webmail, as without a provider.
    let (_, r) = test_provider(
        "rec-full",
        Needs {
            devices: Some(1),
            ..blocked(&[993, 143, 995])
        },
    );
    assert_eq!(incoming(&r), (Webmail, 443, ImplicitTls));
    assert!(warnings(&r).contains(&"access-blocked"));
}

#[test]
fn p06_a_single_submission_port_is_used_with_a_reason() {
    let (_, r) = test_provider("rec-587", Needs::default());
    assert_eq!(outgoing(&r), (Smtp, 587, Starttls));
    assert!(reasons(&r).contains(&"provider-one-submission-port"));
    assert!(reasons(&r).contains(&"starttls-required"));
    assert!(
        !warnings(&r).contains(&"implicit-tls-blocked"),
        "465 is not offered, not blocked"
    );
    let why = reason_for("provider-one-submission-port").unwrap();
    assert_eq!(why.rfc, "RFC 8314 §3.3");
    // Real data: every provider whose only submission port is not 465.
    let mut seen = 0;
    for p in providers::list()
        .iter()
        .filter(|p| p.status != ProviderStatus::NoMailApp)
    {
        let Some(domain) = p.domains.first() else {
            continue;
        };
        let m = found(domain);
        let Some(first) = m.outgoing.first() else {
            continue;
        };
        if m.outgoing.iter().all(|s| s.port == first.port) && ![25, 465].contains(&first.port) {
            let (_, r) = provider_checked(domain, Needs::default());
            assert_eq!(r.outgoing.as_ref().unwrap().port, first.port, "{domain}");
            assert!(
                reasons(&r).contains(&"provider-one-submission-port"),
                "{domain}"
            );
            seen += 1;
        }
    }
    assert!(seen > 0, "the data has such providers (e.g. outlook.com)");
}

#[test]
fn p07_port_25_only_when_the_provider_lists_nothing_else() {
    let (_, r) = test_provider("rec-25", Needs::default());
    assert_eq!(outgoing(&r), (Smtp, 25, Starttls));
    assert!(warnings(&r).contains(&"provider-port-25-only"));
    assert!(!reasons(&r).contains(&"never-port-25"));
    assert!(!reasons(&r).contains(&"provider-one-submission-port"));
    let (_, r) = test_provider("rec-25", blocked(&[25]));
    assert_eq!(outgoing(&r), (Webmail, 443, ImplicitTls));
    let w = warnings(&r);
    assert!(w.contains(&"provider-port-25-only") && w.contains(&"provider-submission-blocked"));
    assert!(!reasons(&r).contains(&"port-25-blocked-ok"));
    // Not sending: no word about port 25.
    let receive_only = Needs {
        sends: Some(false),
        ..Needs::default()
    };
    let (_, r) = test_provider("rec-25", receive_only);
    assert!(!warnings(&r).contains(&"provider-port-25-only"));
    assert!(reasons(&r).contains(&"receive-only"));
}

#[test]
fn p08_a_server_without_tls_is_used_with_a_warning() {
    let two_devices = Needs {
        devices: Some(2),
        ..Needs::default()
    };
    let (_, r) = test_provider("rec-plain", two_devices);
    assert_eq!(incoming(&r), (Pop3, 110, Security::Plaintext));
    assert_eq!(outgoing(&r), (Smtp, 587, Security::Plaintext));
    assert!(warnings(&r).contains(&"provider-no-tls"));
    assert!(reasons(&r).contains(&"provider-pop3-only"));
    assert!(!reasons(&r).contains(&"implicit-tls-first"));
}

#[test]
fn p09_an_unknown_domain_answers_as_without_an_address() {
    for needs in [
        Needs::default(),
        one_offline_device(),
        Needs {
            exchange: true,
            ..blocked(&[465])
        },
    ] {
        for email in ["ann@unknown-provider.invalid", "example.org"] {
            let with = rec(with_email(email, needs.clone()));
            assert_eq!(with, rec(needs.clone()), "{email}");
        }
    }
}

#[test]
fn p10_a_bad_address_is_the_lookup_error() {
    for bad in [
        "not an address",
        "ann@",
        "@gmail.com",
        "ann@@gmail.com",
        "ann@gmail..com",
    ] {
        let expected = providers::lookup(bad).unwrap_err();
        let err = recommend(&with_email(bad, Needs::default())).unwrap_err();
        assert_eq!(err, expected, "{bad}");
        assert!(
            ["invalid-address", "invalid-domain"].contains(&err.code()),
            "{bad}: {}",
            err.code()
        );
    }
    // The JS path accepts any string and leaves the check to `recommend`.
    let needs = from_json_args(r#"{"email":"not an address"}"#).unwrap();
    assert_eq!(recommend(&needs).unwrap_err().code(), "invalid-domain");
    assert_eq!(
        from_json_args(r#"{"email":3}"#).unwrap_err().to_string(),
        "invalid argument: needs.email: expected a string, got number"
    );
    assert_eq!(
        from_json_args(r#"{"email":null}"#).unwrap(),
        Needs::default()
    );
}

#[test]
fn p11_exchange_stays_when_asked_for() {
    let needs = Needs {
        exchange: true,
        devices: Some(2),
        ..Needs::default()
    };
    let (m, r) = provider_checked("ann@outlook.com", needs);
    assert_eq!(incoming(&r), (Exchange, 443, ImplicitTls));
    assert_eq!(outgoing(&r), (Exchange, 443, ImplicitTls));
    let imap = open_servers(&m, &Needs::default(), MailProtocol::Imap)[0];
    assert!(r.alternatives.iter().any(|c| same_server(c, imap)));
    assert!(reasons(&r).contains(&"exchange-native"));
    // Without the Exchange answer, the provider's IMAP.
    let needs = Needs {
        devices: Some(2),
        ..Needs::default()
    };
    let (_, r) = provider_checked("ann@outlook.com", needs);
    assert!(same_server(r.incoming.as_ref().unwrap(), imap));
}

#[test]
fn p12_invariants_hold_for_providers_across_combinations() {
    register_test_providers();
    let mut emails = vec![
        "ann@gmail.com".to_string(),
        "ann@outlook.com".into(),
        "ann@hey.com".into(),
        pop3_only_address(),
    ];
    for id in [
        "rec-full",
        "rec-587",
        "rec-25",
        "rec-plain",
        "rec-imap-only",
    ] {
        emails.push(format!("ann@{id}.test"));
    }
    let blocked_sets: [&[u16]; 6] = [
        &[],
        &[25],
        &[465],
        &[993, 995, 465],
        &[465, 587, 25],
        &[443, 993, 143, 995, 110],
    ];
    for email in &emails {
        let m = found(email);
        for needs in combinations(&[None, Some(1), Some(3)], &blocked_sets, Some(email)) {
            let r = rec(needs.clone());
            check_provider_invariants(&needs, &m, &r);
        }
    }
}

/// Every provider in the data answers, and keeps the invariants.
#[test]
fn p13_every_provider_in_the_data_answers() {
    let mut answered = 0;
    for p in providers::list() {
        let Some(domain) = p.domains.first() else {
            continue;
        };
        answered += 1;
        let m = found(domain);
        for needs in [
            Needs::default(),
            one_offline_device(),
            Needs {
                untrusted_network: true,
                ..blocked(&[465, 993])
            },
        ] {
            let needs = with_email(domain, needs);
            check_provider_invariants(&needs, &m, &rec(needs.clone()));
        }
    }
    // Only the relay services have no domain of their own.
    assert!(answered >= 200, "only {answered} providers have a domain");
}
