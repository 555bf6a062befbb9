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
    for bits in 0u32..64 {
        for devices in [None, Some(1), Some(2), Some(1000)] {
            for blocked in blocked_sets {
                let flag = |i: u32| bits & (1 << i) != 0;
                let needs = Needs {
                    devices,
                    offline: flag(0),
                    small_quota: flag(1),
                    sends: Some(!flag(2)),
                    blocked_ports: blocked.to_vec(),
                    exchange: flag(3),
                    push: flag(4),
                    untrusted_network: flag(5),
                };
                let r = checked(needs.clone());
                // POP3 only ever as the incoming choice for one device, no push.
                if r.incoming.as_ref().is_some_and(|c| c.protocol == Pop3) {
                    assert_eq!(devices, Some(1), "{needs:?}");
                    assert!(!needs.push, "{needs:?}");
                    // Exchange only when its own protocols are out of reach.
                    assert!(!needs.exchange || blocked.contains(&443), "{needs:?}");
                    assert!(warnings(&r).contains(&"pop3-local-copy"));
                }
                count += 1;
            }
        }
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
        assert!(
            r.message.ends_with('.') && r.message.len() < 250,
            "{}",
            r.code
        );
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
    for bits in 0u32..64 {
        for devices in [None, Some(1), Some(3)] {
            for blocked in blocked_sets {
                let flag = |i: u32| bits & (1 << i) != 0;
                let r = rec(Needs {
                    devices,
                    offline: flag(0),
                    small_quota: flag(1),
                    sends: Some(!flag(2)),
                    blocked_ports: blocked.to_vec(),
                    exchange: flag(3),
                    push: flag(4),
                    untrusted_network: flag(5),
                });
                seen.extend(r.reasons.iter().chain(r.warnings.iter()).map(|x| x.code));
            }
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
fn needs_deserialise_from_camel_case_js() {
    let needs: Needs = serde_json::from_str(
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
        }
    );
    // Empty and null fields are defaults.
    let empty: Needs = serde_json::from_str("{}").unwrap();
    assert_eq!(empty, Needs::default());
    let nulls: Needs = serde_json::from_str(
        r#"{"devices":null,"offline":null,"sends":null,"blockedPorts":null,"push":null}"#,
    )
    .unwrap();
    assert_eq!(nulls, Needs::default());
    // Whole numbers written as floats are fine.
    let float: Needs = serde_json::from_str(r#"{"devices":3.0,"blockedPorts":[465.0]}"#).unwrap();
    assert_eq!((float.devices, float.blocked_ports), (Some(3), vec![465]));
}

#[test]
fn bad_needs_fail_to_deserialise_with_a_clear_message() {
    let cases = [
        (
            r#"{"devices":-1}"#,
            "devices must be a whole number from 1 to 1000, not -1",
        ),
        (r#"{"devices":1e9}"#, "not 1000000000"),
        (r#"{"devices":0}"#, "not 0"),
        (r#"{"devices":2.5}"#, "not 2.5"),
        (r#"{"devices":"3"}"#, "invalid type"),
        (
            r#"{"blockedPorts":[0]}"#,
            "blockedPorts: 0 is not a valid port",
        ),
        (
            r#"{"blockedPorts":[65536]}"#,
            "blockedPorts: 65536 is not a valid port",
        ),
        (
            r#"{"blockedPorts":[-25]}"#,
            "blockedPorts: -25 is not a valid port",
        ),
        (
            r#"{"blockedPorts":[1.5]}"#,
            "blockedPorts: 1.5 is not a valid port",
        ),
        (r#"{"blockedPorts":["465"]}"#, "invalid type"),
        (r#"{"blockedPorts":465}"#, "invalid type"),
        (r#"{"offline":"yes"}"#, "invalid type"),
        (r#"{"smallquota":true}"#, "unknown field `smallquota`"),
    ];
    for (json, expected) in cases {
        let err = serde_json::from_str::<Needs>(json).unwrap_err().to_string();
        assert!(err.contains(expected), "{json}: {err}");
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
    assert_eq!(first["code"], "imap-multi-device");
    assert!(first["message"]
        .as_str()
        .unwrap()
        .contains("more than one device"));
    assert_eq!(first["rfc"], "RFC 9051");
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "alternatives",
            "incoming",
            "outgoing",
            "reasons",
            "warnings"
        ]
    );
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
        let json = format!("{{\"{key}\":null}}");
        assert!(serde_json::from_str::<Needs>(&json).is_ok(), "{key}");
    }
    assert_eq!(Needs::KEYS.len(), 8);
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

/// Converts JSON the way the wasm bindings convert a JS value.
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

/// The JS path (`from_args`) and the serde path accept and reject the same
/// inputs and build the same needs.
#[test]
fn from_args_agrees_with_serde() {
    let cases = [
        "{}",
        r#"{"devices":3,"sends":true}"#,
        r#"{"devices":1,"offline":true,"smallQuota":true}"#,
        r#"{"blockedPorts":[465]}"#,
        r#"{"blockedPorts":[25,465,587],"exchange":true,"push":false,"untrustedNetwork":true}"#,
        r#"{"devices":null,"offline":null,"sends":null,"blockedPorts":null}"#,
        r#"{"devices":1000}"#,
        r#"{"devices":3.0,"blockedPorts":[465.0]}"#,
        r#"{"devices":-1}"#,
        r#"{"devices":1e9}"#,
        r#"{"devices":0}"#,
        r#"{"devices":2.5}"#,
        r#"{"devices":"3"}"#,
        r#"{"devices":true}"#,
        r#"{"devices":[3]}"#,
        r#"{"blockedPorts":[0]}"#,
        r#"{"blockedPorts":[65536]}"#,
        r#"{"blockedPorts":[-25]}"#,
        r#"{"blockedPorts":[1.5]}"#,
        r#"{"blockedPorts":["465"]}"#,
        r#"{"blockedPorts":[[465]]}"#,
        r#"{"blockedPorts":465}"#,
        r#"{"offline":"yes"}"#,
        r#"{"offline":1}"#,
        r#"{"sends":{}}"#,
        r#"{"smallquota":true}"#,
        r#"{"email":"a@b.c"}"#,
    ];
    for json in cases {
        let serde = serde_json::from_str::<Needs>(json).map_err(|e| e.to_string());
        let args = from_json_args(json);
        match (&serde, &args) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{json}"),
            (Err(_), Err(e)) => {
                assert_eq!(e.code(), "invalid-argument", "{json}");
                assert!(
                    e.to_string().starts_with("invalid argument: needs"),
                    "{json}: {e}"
                );
            }
            _ => panic!("{json}: serde {serde:?}, from_args {args:?}"),
        }
    }
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
