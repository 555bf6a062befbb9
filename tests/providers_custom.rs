//! Provider records registered by the embedding page: precedence over the
//! built-in data, and a typed error naming the field for every bad value.
//! (Its own test binary: the registry is process-wide, and the tests here
//! take a lock so they never see each other's records.)

use std::sync::Mutex;

use mailports::ports::Security;
use mailports::providers::{
    list, lookup, register, unregister, ProviderRecord, ProviderStatus, Requirement, ServerRecord,
    Source, MAX_REGISTERED,
};
use mailports::settings::{Auth, MailProtocol};

static LOCK: Mutex<()> = Mutex::new(());

fn lock() -> std::sync::MutexGuard<'static, ()> {
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

#[path = "shared/json_args.rs"]
mod json_args;

#[path = "shared/server_record.rs"]
mod shared_server_record;
use shared_server_record::server;

fn record(id: &str, domain: &str) -> ProviderRecord {
    ProviderRecord {
        id: id.into(),
        name: "Example Net Help Desk".into(),
        domains: vec![domain.into()],
        incoming: vec![
            server("pop3", "pop.example-isp.net", 995.0, "implicit-tls"),
            server("imap", "imap.example-isp.net", 143.0, "starttls"),
            server("imap", "imap.example-isp.net", 993.0, "implicit-tls"),
        ],
        outgoing: vec![
            server("smtp", "smtp.example-isp.net", 587.0, "starttls"),
            server("smtp", "smtp.example-isp.net", 465.0, "implicit-tls"),
        ],
        ..ProviderRecord::default()
    }
}

#[test]
fn registered_record_is_found_with_placeholders_filled_and_servers_sorted() {
    let _g = lock();
    let summary = register(record("example-isp", "Example-ISP.net")).unwrap();
    assert_eq!(summary.domains, ["example-isp.net"]);
    assert_eq!(summary.sources, [Source::Custom]);
    assert_eq!(summary.status, ProviderStatus::Ready);
    assert_eq!(summary.checked, None);

    let m = lookup(" Kim.Lee@EXAMPLE-ISP.NET ").unwrap().unwrap();
    assert_eq!(m.id, "example-isp");
    let names: Vec<Source> = m.sources.iter().map(|s| s.name).collect();
    assert_eq!(names, [Source::Custom]);
    assert_eq!(
        (m.sources[0].url.as_deref(), m.checked.as_deref()),
        (None, None)
    );
    let incoming: Vec<(MailProtocol, u16, Security)> = m
        .incoming
        .iter()
        .map(|s| (s.protocol, s.port, s.security))
        .collect();
    assert_eq!(
        incoming,
        [
            (MailProtocol::Imap, 993, Security::ImplicitTls),
            (MailProtocol::Imap, 143, Security::Starttls),
            (MailProtocol::Pop3, 995, Security::ImplicitTls),
        ]
    );
    assert_eq!(m.outgoing[0].port, 465);
    assert_eq!(m.incoming[0].username, "Kim.Lee@example-isp.net");
    assert_eq!(m.incoming[0].auth, [Auth::Password]);
    // A bare domain keeps the template.
    assert_eq!(
        lookup("example-isp.net").unwrap().unwrap().incoming[0].username,
        "%EMAILADDRESS%"
    );
    // Registered records come first in the list.
    assert_eq!(list()[0].id, "example-isp");
    assert!(unregister("example-isp"));
    assert!(!unregister("example-isp"));
    assert_eq!(lookup("kim@example-isp.net").unwrap(), None);
}

#[test]
fn registered_record_takes_precedence_over_built_in_data() {
    let _g = lock();
    let built_in = lookup("someone@web.de").unwrap().unwrap();
    assert_eq!(built_in.id, "web.de");

    let mut r = record("webde-helpdesk", "web.de");
    r.requirements = vec!["imap-must-be-enabled".into(), "app-password".into()];
    r.incoming[2].username = Some("%EMAILLOCALPART%".into());
    register(r).unwrap();
    let m = lookup("someone@web.de").unwrap().unwrap();
    assert_eq!(m.id, "webde-helpdesk");
    // The status follows from the requirements: an app password outweighs
    // the IMAP switch.
    assert_eq!(m.status, ProviderStatus::AppPassword);
    let codes: Vec<Requirement> = m.requirements.clone();
    assert_eq!(
        codes,
        [Requirement::AppPassword, Requirement::ImapMustBeEnabled]
    );
    assert_eq!(m.incoming[0].username, "someone");
    // Other built-in domains are untouched.
    assert_eq!(lookup("someone@gmx.de").unwrap().unwrap().id, "gmx.net");

    // A newer registration for the same domain wins; re-registering an id replaces it.
    register(record("second-desk", "web.de")).unwrap();
    assert_eq!(lookup("a@web.de").unwrap().unwrap().id, "second-desk");
    assert!(unregister("second-desk"));
    assert_eq!(lookup("a@web.de").unwrap().unwrap().id, "webde-helpdesk");
    assert!(unregister("webde-helpdesk"));
    assert_eq!(lookup("a@web.de").unwrap().unwrap().id, "web.de");
}

#[test]
fn idn_domains_and_domain_placeholders_are_accepted() {
    let _g = lock();
    let mut r = record("buecher", "Bücher.example");
    r.incoming = vec![server("imap", "mail.%EMAILDOMAIN%", 993.0, "implicit-tls")];
    r.outgoing = vec![server("smtp", "smtp.bücher.example", 465.0, "implicit-tls")];
    let summary = register(r).unwrap();
    assert_eq!(summary.domains, ["xn--bcher-kva.example"]);
    let m = lookup("Ana@bücher.example").unwrap().unwrap();
    assert_eq!(m.domain, "xn--bcher-kva.example");
    assert_eq!(m.incoming[0].hostname, "mail.xn--bcher-kva.example");
    assert_eq!(m.outgoing[0].hostname, "smtp.xn--bcher-kva.example");
    assert_eq!(m.incoming[0].username, "Ana@xn--bcher-kva.example");
    assert_eq!(
        lookup("ana@xn--bcher-kva.example").unwrap().unwrap().id,
        "buecher"
    );
    assert!(unregister("buecher"));
}

/// Applies `change` to a valid record and expects `invalid-provider` with
/// `field` in the message.
fn rejects(field: &str, change: impl FnOnce(&mut ProviderRecord)) {
    let mut r = record("bad-record", "bad-record.example");
    change(&mut r);
    match register(r) {
        Err(e) => {
            assert_eq!(e.code(), "invalid-provider", "{field}: {e}");
            let msg = e.to_string();
            assert!(msg.contains(field), "{msg:?} does not name {field}");
        }
        Ok(s) => panic!("{field}: accepted {s:?}"),
    }
}

#[test]
fn bad_fields_are_typed_errors_naming_the_field() {
    let _g = lock();
    rejects("id", |r| r.id = String::new());
    rejects("id", |r| r.id = "has space".into());
    rejects("id", |r| r.id = "x".repeat(65));
    rejects("name", |r| r.name = "   ".into());
    rejects("name", |r| r.name = "N".repeat(101));
    rejects("name", |r| r.name = "Evil\u{202E}Name".into());
    rejects("domains", |r| r.domains.clear());
    rejects("domains[0]", |r| r.domains = vec!["not a domain".into()]);
    rejects("domains[1]", |r| r.domains.push("user@example.com".into()));
    rejects("domains", |r| {
        r.domains = (0..101).map(|i| format!("d{i}.example")).collect()
    });
    rejects("requirements[0]", |r| {
        r.requirements = vec!["needs-magic".into()]
    });
    rejects("incoming", |r| r.incoming.clear());
    rejects("outgoing", |r| r.outgoing.clear());
    rejects("incoming", |r| {
        r.incoming = vec![server("imap", "imap.example.net", 993.0, "implicit-tls"); 9]
    });
    rejects("incoming[0].protocol", |r| {
        r.incoming[0].protocol = "smtp".into()
    });
    rejects("incoming[0].protocol", |r| {
        r.incoming[0].protocol = "IMAP4".into()
    });
    rejects("outgoing[1].protocol", |r| {
        r.outgoing[1].protocol = "imap".into()
    });
    rejects("incoming[0].port", |r| r.incoming[0].port = 0.0);
    rejects("incoming[1].port", |r| r.incoming[1].port = 70000.0);
    rejects("outgoing[0].port", |r| r.outgoing[0].port = 587.5);
    rejects("outgoing[0].port", |r| r.outgoing[0].port = f64::NAN);
    rejects("outgoing[0].port", |r| r.outgoing[0].port = -25.0);
    rejects("incoming[0].hostname", |r| {
        r.incoming[0].hostname = "imap..example.net".into()
    });
    rejects("incoming[0].hostname", |r| {
        r.incoming[0].hostname = String::new()
    });
    rejects("incoming[0].hostname", |r| {
        r.incoming[0].hostname = "imap example net".into()
    });
    rejects("incoming[0].hostname", |r| {
        r.incoming[0].hostname = "localhost:993".into()
    });
    rejects("incoming[0].hostname", |r| {
        r.incoming[0].hostname = format!("{}.net", "a".repeat(64))
    });
    rejects("outgoing[0].hostname", |r| {
        r.outgoing[0].hostname = "smtp".into()
    });
    rejects("incoming[0].security", |r| {
        r.incoming[0].security = "SSL".into()
    });
    rejects("incoming[0].security", |r| {
        r.incoming[0].security = String::new()
    });
    rejects("incoming[0].username", |r| {
        r.incoming[0].username = Some("%USER%".into())
    });
    rejects("incoming[0].username", |r| {
        r.incoming[0].username = Some("a\u{0}b".into())
    });
    rejects("incoming[0].username", |r| {
        r.incoming[0].username = Some("u".repeat(256))
    });
    rejects("incoming[0].auth[1]", |r| {
        r.incoming[0].auth = vec!["password".into(), "kerberos5".into()]
    });
    rejects("mx[0]", |r| r.mx = vec!["*.example.net".into()]);
    // Nothing was stored by any of these.
    assert_eq!(lookup("a@bad-record.example").unwrap(), None);
}

#[test]
fn the_registry_is_bounded() {
    let _g = lock();
    for i in 0..MAX_REGISTERED {
        register(record(&format!("bulk-{i}"), &format!("bulk-{i}.example"))).unwrap();
    }
    let err = register(record("one-too-many", "one-too-many.example")).unwrap_err();
    assert_eq!(err.code(), "invalid-provider");
    // Replacing an existing id is still allowed when full.
    register(record("bulk-0", "bulk-zero.example")).unwrap();
    assert_eq!(lookup("a@bulk-zero.example").unwrap().unwrap().id, "bulk-0");
    for i in 0..MAX_REGISTERED {
        assert!(unregister(&format!("bulk-{i}")));
    }
    assert_eq!(lookup("a@bulk-1.example").unwrap(), None);
}

#[test]
fn records_read_from_json_and_reject_unknown_keys() {
    let _g = lock();
    let json = r#"{
        "id": "json-isp", "name": "JSON ISP", "domains": ["json-isp.example"],
        "requirements": ["not-supported"],
        "incoming": [{ "protocol": "imap", "hostname": "imap.json-isp.example", "port": 993,
                       "security": "implicit-tls", "auth": ["oauth2", "password"] }],
        "outgoing": [{ "protocol": "smtp", "hostname": "smtp.json-isp.example", "port": 587,
                       "security": "starttls", "username": "%EMAILLOCALPART%" }]
    }"#;
    register(from_json(json).unwrap()).unwrap();
    let m = lookup("x@json-isp.example").unwrap().unwrap();
    assert_eq!(m.status, ProviderStatus::NoMailApp);
    assert_eq!(m.incoming[0].auth, [Auth::Oauth2, Auth::Password]);
    // oauth2 follows from the servers even though the record did not say it.
    let codes: Vec<Requirement> = m.requirements.clone();
    assert_eq!(codes, [Requirement::NotSupported, Requirement::Oauth2]);
    assert_eq!(m.outgoing[0].username, "x");
    assert!(unregister("json-isp"));
    let typo = r#"{ "id": "t", "name": "T", "domains": ["t.example"], "hostName": "x" }"#;
    let err = from_json(typo).unwrap_err();
    assert!(
        err.to_string().contains("unknown key \"hostName\""),
        "{err}"
    );
}

/// `ProviderRecord::from_args` for a JSON object.
fn from_json(json: &str) -> mailports::Result<ProviderRecord> {
    ProviderRecord::from_args(json_args::pairs(json))
}

#[test]
fn records_read_from_arguments_field_by_field() {
    let json = r#"{
        "id": "args-isp", "name": "Args ISP", "domains": ["args-isp.example"],
        "requirements": ["oauth2"], "mx": ["mx.args-isp.example"],
        "incoming": [{ "protocol": "imap", "hostname": "imap.args-isp.example", "port": 993,
                       "security": "implicit-tls", "auth": ["oauth2"], "username": null }],
        "outgoing": [{ "protocol": "smtp", "hostname": "smtp.args-isp.example", "port": 587,
                       "security": "starttls", "username": "%EMAILLOCALPART%" }]
    }"#;
    let server = |protocol: &str, hostname: &str, port, security: &str| ServerRecord {
        protocol: protocol.into(),
        hostname: hostname.into(),
        port,
        security: security.into(),
        username: None,
        auth: Vec::new(),
    };
    let want = ProviderRecord {
        id: "args-isp".into(),
        name: "Args ISP".into(),
        domains: vec!["args-isp.example".into()],
        requirements: vec!["oauth2".into()],
        incoming: vec![ServerRecord {
            auth: vec!["oauth2".into()],
            ..server("imap", "imap.args-isp.example", 993.0, "implicit-tls")
        }],
        outgoing: vec![ServerRecord {
            username: Some("%EMAILLOCALPART%".into()),
            ..server("smtp", "smtp.args-isp.example", 587.0, "starttls")
        }],
        mx: vec!["mx.args-isp.example".into()],
    };
    assert_eq!(from_json(json).unwrap(), want);
    // `null` for an optional list is the same as leaving it out.
    let nulls = r#"{ "id": "n", "requirements": null, "mx": null,
                     "incoming": [{ "protocol": "imap", "auth": null }] }"#;
    let read = from_json(nulls).unwrap();
    assert!(read.requirements.is_empty() && read.mx.is_empty());
    assert_eq!(
        read.incoming,
        [ServerRecord {
            protocol: "imap".into(),
            ..ServerRecord::default()
        }]
    );
    // Missing keys take their defaults, which register() then refuses.
    assert_eq!(from_json("{}").unwrap(), ProviderRecord::default());
    // Keys a server does not have are ignored, as the bindings always did.
    let extra = r#"{ "incoming": [{ "protocol": "imap", "extra": 1 }] }"#;
    assert_eq!(from_json(extra).unwrap().incoming[0].protocol, "imap");
}

#[test]
fn argument_errors_name_the_value() {
    let problem = |json: &str| {
        let err = from_json(json).unwrap_err();
        assert_eq!(err.code(), "invalid-argument", "{json}: {err}");
        err.to_string()
    };
    assert!(problem(r#"{ "id": 7 }"#).contains("record.id: expected a string, got number"));
    assert!(problem(r#"{ "name": null }"#).contains("record.name: expected a string, got null"));
    assert!(problem(r#"{ "domains": "a.example" }"#)
        .contains("record.domains: expected an array, got string"));
    assert!(problem(r#"{ "domains": ["a.example", 1] }"#)
        .contains("record.domains[1]: expected a string, got number"));
    assert!(problem(r#"{ "mx": 5 }"#).contains("record.mx: expected an array, got number"));
    assert!(problem(r#"{ "outgoing": [[]] }"#)
        .contains("record.outgoing[0]: expected an object, got array"));
    assert!(problem(r#"{ "incoming": [{ "port": "993" }] }"#)
        .contains("record.incoming[0].port: expected a number, got string"));
    assert!(
        problem(r#"{ "incoming": [{ "auth": ["password", true] }] }"#)
            .contains("record.incoming[0].auth[1]: expected a string, got boolean")
    );
    assert!(problem(r#"{ "name": 1 }"#).contains("record.name: expected a string, got number"));
    // The status is derived, never given.
    assert!(problem(r#"{ "status": "ok" }"#).contains("unknown key \"status\""));
    // An unknown key is reported before any bad value.
    let message = problem(r#"{ "id": 7, "hostName": "x" }"#);
    assert!(
        message.contains("record: unknown key \"hostName\"; expected one of id, name, domains"),
        "{message}"
    );
}
