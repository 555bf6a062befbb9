//! Exported files: content, escaping, determinism and error cases. The
//! independent parsers (Python's plistlib, an XML parser, dnspython) check the
//! same files in tests/e2e/export-parsers.test.mjs.

use mailports::export::{export, ExportFormat, ExportOptions, ExportSettings, FORMATS};
use mailports::ports::Security;
use mailports::settings::{Auth, MailProtocol};

#[path = "shared/json_args.rs"]
mod json_args;

#[path = "shared/server.rs"]
mod shared_server;
use shared_server::server;

fn sample() -> ExportSettings {
    use MailProtocol::*;
    use Security::*;
    ExportSettings {
        domain: "Example.COM.".into(),
        name: Some("Example Mail".into()),
        short_name: Some("Example".into()),
        incoming: vec![
            server(Pop3, "pop.example.com", 995, ImplicitTls),
            server(Imap, "imap.example.com", 143, Starttls),
            server(Imap, "IMAP.example.com", 993, ImplicitTls),
        ],
        outgoing: vec![
            server(Smtp, "smtp.example.com", 587, Starttls),
            server(Smtp, "smtp.example.com", 465, ImplicitTls),
        ],
    }
}

fn run(settings: &ExportSettings, format: ExportFormat, options: &ExportOptions) -> String {
    export(settings, format, options)
        .unwrap_or_else(|e| panic!("{format:?}: {e}"))
        .content
}

fn code(settings: &ExportSettings, format: ExportFormat, options: &ExportOptions) -> &'static str {
    export(settings, format, options)
        .expect_err("should fail")
        .code()
}

fn with_email(email: &str) -> ExportOptions {
    ExportOptions {
        email: Some(email.into()),
        ..ExportOptions::default()
    }
}

const ALL: [ExportFormat; 4] = [
    ExportFormat::AppleMobileconfig,
    ExportFormat::DnsSrv,
    ExportFormat::Json,
    ExportFormat::ThunderbirdAutoconfig,
];

// --- file names and media types --------------------------------------------

#[test]
fn file_names_and_media_types() {
    let o = ExportOptions::default();
    let names: Vec<(String, &str)> = ALL
        .iter()
        .map(|&f| {
            let file = export(&sample(), f, &o).unwrap();
            (file.filename, file.mime_type)
        })
        .collect();
    assert_eq!(
        names,
        [
            (
                "example.com.mobileconfig".to_owned(),
                "application/x-apple-aspen-config"
            ),
            ("example.com.srv.zone".to_owned(), "text/dns"),
            (
                "example.com.mail-settings.json".to_owned(),
                "application/json"
            ),
            ("config-v1.1.xml".to_owned(), "application/xml"),
        ]
    );
    assert_eq!(FORMATS.len(), ALL.len());
}

#[test]
fn every_format_is_deterministic() {
    let o = with_email("anna@example.com");
    for f in ALL {
        assert_eq!(run(&sample(), f, &o), run(&sample(), f, &o), "{f:?}");
    }
}

// --- Thunderbird autoconfig ---------------------------------------------------

#[test]
fn autoconfig_lists_every_server_in_order_with_placeholders() {
    let xml = run(
        &sample(),
        ExportFormat::ThunderbirdAutoconfig,
        &ExportOptions::default(),
    );
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
    assert!(xml.contains("<clientConfig version=\"1.1\">"));
    assert!(xml.contains("<emailProvider id=\"example.com\">"));
    assert!(xml.contains("<domain>example.com</domain>"));
    assert!(xml.contains("<displayName>Example Mail</displayName>"));
    assert!(xml.contains("<displayShortName>Example</displayShortName>"));
    assert_eq!(xml.matches("<incomingServer type=").count(), 3);
    assert_eq!(xml.matches("<outgoingServer type=\"smtp\">").count(), 2);
    let pop = xml.find("<hostname>pop.example.com</hostname>").unwrap();
    let imap = xml.find("<port>143</port>").unwrap();
    let imaps = xml.find("<port>993</port>").unwrap();
    assert!(pop < imap && imap < imaps, "the order given is kept");
    assert!(xml.contains(
        "<incomingServer type=\"imap\">\n      <hostname>imap.example.com</hostname>\n      \
         <port>993</port>\n      <socketType>SSL</socketType>\n      \
         <username>%EMAILADDRESS%</username>\n      \
         <authentication>password-cleartext</authentication>\n    </incomingServer>"
    ));
    assert!(xml.contains("<socketType>STARTTLS</socketType>"));
    assert!(xml.ends_with("</clientConfig>\n"));
}

#[test]
fn autoconfig_turns_the_accounts_own_names_back_into_placeholders() {
    let mut s = sample();
    s.incoming[0].username = "anna".into();
    s.incoming[1].username = "Anna@example.com".into();
    s.incoming[2].username = "shared-login".into();
    s.outgoing[0].username = String::new();
    let xml = run(
        &s,
        ExportFormat::ThunderbirdAutoconfig,
        &with_email("anna@example.com"),
    );
    assert!(xml.contains("<username>%EMAILLOCALPART%</username>"));
    assert_eq!(
        xml.matches("<username>%EMAILADDRESS%</username>").count(),
        3
    );
    assert!(xml.contains("<username>shared-login</username>"));
    assert!(
        !xml.contains("anna"),
        "no personal address in a file for everyone"
    );
}

#[test]
fn autoconfig_writes_every_auth_method_and_defaults_to_password() {
    let mut s = sample();
    s.incoming[0].auth = vec![
        Auth::Oauth2,
        Auth::Password,
        Auth::PasswordEncrypted,
        Auth::Gssapi,
        Auth::Ntlm,
        Auth::ClientIpAddress,
        Auth::None,
    ];
    s.outgoing[0].auth.clear();
    let xml = run(
        &s,
        ExportFormat::ThunderbirdAutoconfig,
        &ExportOptions::default(),
    );
    let block = &xml[xml.find("<incomingServer").unwrap()..xml.find("</incomingServer>").unwrap()];
    let methods: Vec<&str> = block
        .split("<authentication>")
        .skip(1)
        .map(|p| p.split('<').next().unwrap())
        .collect();
    assert_eq!(
        methods,
        [
            "OAuth2",
            "password-cleartext",
            "password-encrypted",
            "GSSAPI",
            "NTLM",
            "client-IP-address",
            "none"
        ]
    );
    let out = &xml[xml.find("<outgoingServer").unwrap()..xml.find("</outgoingServer>").unwrap()];
    assert_eq!(
        out.matches("<authentication>password-cleartext</authentication>")
            .count(),
        1
    );
}

#[test]
fn hostile_text_is_escaped_in_xml_and_plist() {
    let mut s = sample();
    s.name = Some("<script>alert(1)</script> & \"quotes\" 'apos'".into());
    s.short_name = Some("]]><!--".into());
    s.incoming[2].username = "<user>&\"'".into();
    for f in [
        ExportFormat::ThunderbirdAutoconfig,
        ExportFormat::AppleMobileconfig,
    ] {
        let text = run(&s, f, &ExportOptions::default());
        assert!(!text.contains("<script>"), "{f:?}");
        assert!(
            text.contains(
                "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &apos;apos&apos;"
            ),
            "{f:?}"
        );
        assert!(!text.contains("]]><!--"), "{f:?}");
    }
    let xml = run(
        &s,
        ExportFormat::ThunderbirdAutoconfig,
        &ExportOptions::default(),
    );
    assert!(xml.contains("]]&gt;&lt;!--"));
    assert!(xml.contains("<username>&lt;user&gt;&amp;&quot;&apos;</username>"));
    let json = run(&s, ExportFormat::Json, &ExportOptions::default());
    assert!(json.contains(r#""name": "<script>alert(1)</script> & \"quotes\" 'apos'""#));
}

#[test]
fn idn_hostnames_become_a_labels() {
    let mut s = sample();
    s.domain = "Bücher.DE".into();
    s.incoming[0].hostname = "pop.bücher.de".into();
    let xml = run(
        &s,
        ExportFormat::ThunderbirdAutoconfig,
        &ExportOptions::default(),
    );
    assert!(xml.contains("<domain>xn--bcher-kva.de</domain>"));
    assert!(xml.contains("<hostname>pop.xn--bcher-kva.de</hostname>"));
    let zone = run(&s, ExportFormat::DnsSrv, &ExportOptions::default());
    assert!(zone.contains("$ORIGIN xn--bcher-kva.de.\n"));
    assert!(zone.contains(" 995 pop.xn--bcher-kva.de.\n"));
}

// --- Apple configuration profile ---------------------------------------------

fn plist_value<'a>(plist: &'a str, key: &str) -> Vec<&'a str> {
    plist
        .split(&format!("<key>{key}</key>\n"))
        .skip(1)
        .map(|rest| rest.trim_start().split('\n').next().unwrap())
        .collect()
}

#[test]
fn profile_picks_imap_with_implicit_tls_and_prompts_without_an_address() {
    let p = run(
        &sample(),
        ExportFormat::AppleMobileconfig,
        &ExportOptions::default(),
    );
    assert!(p.contains("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""));
    assert_eq!(
        plist_value(&p, "PayloadType"),
        [
            "<string>com.apple.mail.managed</string>",
            "<string>Configuration</string>"
        ]
    );
    assert_eq!(
        plist_value(&p, "EmailAccountType"),
        ["<string>EmailTypeIMAP</string>"]
    );
    assert_eq!(
        plist_value(&p, "IncomingMailServerHostName"),
        ["<string>imap.example.com</string>"]
    );
    assert_eq!(
        plist_value(&p, "IncomingMailServerPortNumber"),
        ["<integer>993</integer>"]
    );
    assert_eq!(plist_value(&p, "IncomingMailServerUseSSL"), ["<true/>"]);
    assert_eq!(
        plist_value(&p, "OutgoingMailServerPortNumber"),
        ["<integer>465</integer>"]
    );
    assert_eq!(
        plist_value(&p, "IncomingMailServerAuthentication"),
        ["<string>EmailAuthPassword</string>"]
    );
    // No address given: the device asks for it and for the user name.
    for key in [
        "EmailAddress",
        "IncomingMailServerUsername",
        "OutgoingMailServerUsername",
    ] {
        assert!(plist_value(&p, key).is_empty(), "{key}");
    }
    for key in ["IncomingPassword", "OutgoingPassword"] {
        assert!(
            !p.contains(&format!("<key>{key}</key>")),
            "never a password"
        );
    }
    assert_eq!(
        plist_value(&p, "PayloadIdentifier"),
        [
            "<string>com.example.mail.account</string>",
            "<string>com.example.mail</string>"
        ]
    );
    assert_eq!(plist_value(&p, "PayloadRemovalDisallowed"), ["<false/>"]);
}

#[test]
fn profile_with_an_address_fills_in_user_names() {
    let mut s = sample();
    s.incoming[2].username = "%EMAILLOCALPART%".into();
    let o = ExportOptions {
        email: Some("  Anna.B@Example.com ".into()),
        identifier: Some("org.helpdesk".into()),
        organization: Some("Help & Desk".into()),
        ttl: None,
    };
    let p = run(&s, ExportFormat::AppleMobileconfig, &o);
    assert_eq!(
        plist_value(&p, "EmailAddress"),
        ["<string>Anna.B@example.com</string>"]
    );
    assert_eq!(
        plist_value(&p, "IncomingMailServerUsername"),
        ["<string>Anna.B</string>"]
    );
    assert_eq!(
        plist_value(&p, "OutgoingMailServerUsername"),
        ["<string>Anna.B@example.com</string>"]
    );
    assert_eq!(
        plist_value(&p, "PayloadOrganization"),
        ["<string>Help &amp; Desk</string>"]
    );
    let ids = plist_value(&p, "PayloadIdentifier");
    assert!(ids[1].starts_with("<string>org.helpdesk.mail."), "{ids:?}");
    assert_eq!(ids[0], ids[1].replace("</string>", ".account</string>"));
}

#[test]
fn profile_uuids_are_v8_stable_and_distinct() {
    let uuids = |s: &ExportSettings, o: &ExportOptions| -> Vec<String> {
        plist_value(&run(s, ExportFormat::AppleMobileconfig, o), "PayloadUUID")
            .iter()
            .map(|v| {
                v.trim_start_matches("<string>")
                    .trim_end_matches("</string>")
                    .to_owned()
            })
            .collect()
    };
    let a = uuids(&sample(), &ExportOptions::default());
    assert_eq!(a.len(), 2);
    assert_ne!(a[0], a[1]);
    for u in &a {
        assert_eq!(u.len(), 36);
        let b: Vec<char> = u.chars().collect();
        assert_eq!(b[14], '8', "version 8: {u}");
        assert!("89ab".contains(b[19]), "RFC 9562 variant: {u}");
        assert!(u
            .chars()
            .all(|c| c == '-' || c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }
    assert_eq!(a, uuids(&sample(), &ExportOptions::default()));
    let mut other = sample();
    other.outgoing.swap(0, 1);
    assert_ne!(a, uuids(&other, &ExportOptions::default()));
    assert_ne!(a, uuids(&sample(), &with_email("anna@example.com")));
}

#[test]
fn profile_falls_back_to_pop_and_plain_methods() {
    use MailProtocol::*;
    let mut s = sample();
    s.incoming = vec![server(Pop3, "pop.example.com", 110, Security::Starttls)];
    s.incoming[0].auth = vec![Auth::Oauth2, Auth::PasswordEncrypted];
    s.outgoing = vec![server(Smtp, "smtp.example.com", 25, Security::Plaintext)];
    s.outgoing[0].auth = vec![Auth::ClientIpAddress];
    let p = run(
        &s,
        ExportFormat::AppleMobileconfig,
        &ExportOptions::default(),
    );
    assert_eq!(
        plist_value(&p, "EmailAccountType"),
        ["<string>EmailTypePOP</string>"]
    );
    assert_eq!(
        plist_value(&p, "IncomingMailServerAuthentication"),
        ["<string>EmailAuthCRAMMD5</string>"]
    );
    assert_eq!(
        plist_value(&p, "OutgoingMailServerAuthentication"),
        ["<string>EmailAuthNone</string>"]
    );
    assert_eq!(plist_value(&p, "OutgoingMailServerUseSSL"), ["<false/>"]);
}

#[test]
fn profile_prefers_tls_imap_over_plaintext_imap_and_tls_pop() {
    use MailProtocol::*;
    let mut s = sample();
    s.incoming = vec![
        server(Imap, "plain.example.com", 143, Security::Plaintext),
        server(Pop3, "pop.example.com", 995, Security::ImplicitTls),
        server(Imap, "starttls.example.com", 143, Security::Starttls),
    ];
    let p = run(
        &s,
        ExportFormat::AppleMobileconfig,
        &ExportOptions::default(),
    );
    assert_eq!(
        plist_value(&p, "IncomingMailServerHostName"),
        ["<string>starttls.example.com</string>"]
    );
}

#[test]
fn profile_cannot_express_oauth2_only_servers() {
    let mut s = sample();
    for srv in &mut s.incoming {
        srv.auth = vec![Auth::Oauth2];
    }
    let o = ExportOptions::default();
    assert_eq!(
        code(&s, ExportFormat::AppleMobileconfig, &o),
        "unsupported-settings"
    );
    // The other formats carry OAuth2 fine.
    assert!(run(&s, ExportFormat::ThunderbirdAutoconfig, &o).contains("OAuth2"));
}

// --- DNS SRV ------------------------------------------------------------------

#[test]
fn srv_records_prefer_implicit_tls_and_imap() {
    let zone = run(&sample(), ExportFormat::DnsSrv, &ExportOptions::default());
    let records: Vec<&str> = zone.lines().filter(|l| !l.starts_with(';')).collect();
    assert_eq!(
        records,
        [
            "$ORIGIN example.com.",
            "$TTL 3600",
            "_submissions._tcp IN SRV 0 1 465 smtp.example.com.",
            "_submission._tcp  IN SRV 10 1 587 smtp.example.com.",
            "_imaps._tcp       IN SRV 0 1 993 imap.example.com.",
            "_imap._tcp        IN SRV 10 1 143 imap.example.com.",
            "_pop3s._tcp       IN SRV 20 1 995 pop.example.com.",
            "_pop3._tcp        IN SRV 0 0 0 .",
        ]
    );
}

#[test]
fn srv_records_for_several_hosts_and_missing_services() {
    use MailProtocol::*;
    let mut s = sample();
    s.incoming = vec![
        server(Imap, "b.example.net", 993, Security::ImplicitTls),
        server(Imap, "plain.example.net", 143, Security::Plaintext),
        server(Imap, "a.example.net", 993, Security::ImplicitTls),
        server(Imap, "tls.example.net", 143, Security::Starttls),
    ];
    s.outgoing.clear();
    let o = ExportOptions {
        ttl: Some(300),
        ..ExportOptions::default()
    };
    let zone = run(&s, ExportFormat::DnsSrv, &o);
    let records: Vec<&str> = zone.lines().filter(|l| !l.starts_with(';')).collect();
    assert_eq!(
        records,
        [
            "$ORIGIN example.com.",
            "$TTL 300",
            "_submissions._tcp IN SRV 0 0 0 .",
            "_submission._tcp  IN SRV 0 0 0 .",
            "_imaps._tcp       IN SRV 0 1 993 b.example.net.",
            "_imaps._tcp       IN SRV 10 1 993 a.example.net.",
            "_imap._tcp        IN SRV 20 1 143 tls.example.net.",
            "_imap._tcp        IN SRV 30 1 143 plain.example.net.",
            "_pop3s._tcp       IN SRV 0 0 0 .",
            "_pop3._tcp        IN SRV 0 0 0 .",
        ]
    );
}

#[test]
fn srv_ttl_is_bounded() {
    let o = ExportOptions {
        ttl: Some(u32::MAX),
        ..ExportOptions::default()
    };
    assert_eq!(
        code(&sample(), ExportFormat::DnsSrv, &o),
        "invalid-argument"
    );
    let o = ExportOptions {
        ttl: Some(0),
        ..ExportOptions::default()
    };
    assert!(run(&sample(), ExportFormat::DnsSrv, &o).contains("$TTL 0\n"));
}

// --- JSON ---------------------------------------------------------------------

#[test]
fn json_matches_serde_for_the_checked_settings() {
    let mut s = sample();
    s.name = Some("Ünïcode \"quoted\" \\ back <tag> ✉".into());
    s.incoming[0].auth = vec![Auth::Oauth2, Auth::ClientIpAddress, Auth::PasswordEncrypted];
    s.outgoing[1].auth.clear();
    let text = run(&s, ExportFormat::Json, &ExportOptions::default());
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    // What serde would write for the normalised settings.
    let mut want = s.clone();
    want.domain = "example.com".into();
    want.incoming[2].hostname = "imap.example.com".into();
    assert_eq!(parsed, serde_json::to_value(&want).unwrap());
    // And it reads back as the same settings.
    let back = ExportSettings::from_args(json_args::pairs(&text)).unwrap();
    assert_eq!(back, want);

    s.name = None;
    s.short_name = None;
    s.outgoing.clear();
    let err = export(&s, ExportFormat::Json, &ExportOptions::default()).unwrap_err();
    assert_eq!(err.code(), "missing-server");
}

#[test]
fn provider_records_are_accepted_as_they_are() {
    let record = r#"{
        "id": "example", "name": "Example Mail", "domain": "example.com",
        "status": "ok", "requirements": [], "sources": ["ispdb"],
        "incoming": [{"protocol": "imap", "hostname": "imap.example.com", "port": 993,
                      "security": "implicit-tls", "username": "%EMAILADDRESS%",
                      "auth": ["password"], "extra": true}],
        "outgoing": [{"protocol": "smtp", "hostname": "smtp.example.com", "port": 465,
                      "security": "implicit-tls", "username": "%EMAILADDRESS%",
                      "auth": ["password"]}]
    }"#;
    let s = ExportSettings::from_args(json_args::pairs(record)).unwrap();
    assert_eq!(s.name.as_deref(), Some("Example Mail"));
    assert_eq!(s.short_name, None);
    for f in ALL {
        export(&s, f, &ExportOptions::default()).unwrap();
    }
    let o = ExportOptions::from_args(json_args::pairs(
        r#"{"email": "a@example.com", "ttl": 60, "other": 1}"#,
    ))
    .unwrap();
    assert_eq!(o.ttl, Some(60));
    assert_eq!(o.email.as_deref(), Some("a@example.com"));
}

/// What `exportConfig` reads: every field named in its error, a bad port as
/// `invalid-port`, and null or missing optional fields as not given.
#[test]
fn settings_and_options_readers_name_the_bad_field() {
    let server = r#"{"protocol": "imap", "hostname": "imap.example.com", "port": 993, "security": "implicit-tls"}"#;
    let settings = |incoming: &str| {
        ExportSettings::from_args(json_args::pairs(&format!(
            r#"{{"domain": "example.com", "name": null, "incoming": [{incoming}], "outgoing": null}}"#
        )))
    };
    let s = settings(server).unwrap();
    assert_eq!(s.incoming[0].port, 993);
    assert_eq!(
        (s.incoming[0].username.as_str(), s.incoming[0].auth.len()),
        ("", 0)
    );
    assert!(s.name.is_none() && s.outgoing.is_empty());
    // The server with `key` set to `value` (a later duplicate key wins).
    let with =
        |key: &str, value: &str| format!("{}, \"{key}\": {value}}}", &server[..server.len() - 1]);
    let cases = [
        (
            with("protocol", r#""jmap""#),
            "invalid-argument",
            "settings.incoming[0].protocol: \"jmap\" is not one of imap, pop3, smtp",
        ),
        (
            with("security", r#""tls""#),
            "invalid-argument",
            "settings.incoming[0].security: \"tls\" is not one of",
        ),
        (
            with("hostname", "5"),
            "invalid-argument",
            "settings.incoming[0].hostname: expected a string, got number",
        ),
        (
            with("port", r#""993""#),
            "invalid-port",
            "\"993\" is not a valid port",
        ),
        (with("port", "0"), "invalid-port", "0 is not a valid port"),
        (
            with("port", "null"),
            "invalid-port",
            "null is not a valid port",
        ),
        (
            r#"{"protocol": "imap", "hostname": "h.example.com", "security": "starttls"}"#
                .to_owned(),
            "invalid-port",
            "null is not a valid port",
        ),
        (
            r#"{"hostname": "h.example.com", "port": 143, "security": "starttls"}"#.to_owned(),
            "invalid-argument",
            "settings.incoming[0].protocol: expected a string, got null",
        ),
        (
            with("username", "[]"),
            "invalid-argument",
            "settings.incoming[0].username: expected a string, got array",
        ),
        (
            with("auth", r#""password""#),
            "invalid-argument",
            "settings.incoming[0].auth: expected an array, got string",
        ),
        (
            with("auth", r#"["password", "kerberos"]"#),
            "invalid-argument",
            "settings.incoming[0].auth[1]: \"kerberos\" is not one of",
        ),
        (
            "7".to_owned(),
            "invalid-argument",
            "settings.incoming[0]: expected an object, got number",
        ),
    ];
    for (incoming, code, message) in cases {
        let err = settings(&incoming).unwrap_err();
        assert_eq!(err.code(), code, "{incoming}");
        assert!(err.to_string().contains(message), "{incoming}: {err}");
    }
    let err = ExportSettings::from_args(json_args::pairs(r#"{"incoming": []}"#)).unwrap_err();
    assert!(
        err.to_string()
            .contains("settings.domain: expected a string, got null"),
        "{err}"
    );
    let err = ExportSettings::from_args(json_args::pairs(
        r#"{"domain": "example.com", "outgoing": {}}"#,
    ))
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("settings.outgoing: expected an array, got object"),
        "{err}"
    );

    for (json, ok) in [
        (
            r#"{"ttl": null, "email": null, "identifier": null, "organization": null}"#,
            true,
        ),
        (r#"{"ttl": 0}"#, true),
        (r#"{"ttl": 4294967295}"#, true),
        (r#"{"ttl": 4294967296}"#, false),
        (r#"{"ttl": 1.5}"#, false),
        (r#"{"ttl": -1}"#, false),
        (r#"{"ttl": "60"}"#, false),
        (r#"{"email": 5}"#, false),
        (r#"{"organization": true}"#, false),
    ] {
        let read = ExportOptions::from_args(json_args::pairs(json));
        assert_eq!(read.is_ok(), ok, "{json}: {read:?}");
        if let Err(e) = read {
            assert!(
                e.to_string().starts_with("invalid argument: options."),
                "{e}"
            );
        }
    }
}

// --- errors -------------------------------------------------------------------

#[test]
fn bad_settings_are_typed_errors_in_every_format() {
    let o = ExportOptions::default();
    type Mutation = Box<dyn Fn(&mut ExportSettings)>;
    let cases: Vec<(&str, Mutation)> = vec![
        ("invalid-port", Box::new(|s| s.incoming[0].port = 0)),
        (
            "invalid-hostname",
            Box::new(|s| s.incoming[0].hostname = "imap example.com".into()),
        ),
        (
            "invalid-hostname",
            Box::new(|s| s.outgoing[0].hostname = "smtp.example.com\n$ORIGIN evil.".into()),
        ),
        (
            "invalid-hostname",
            Box::new(|s| s.incoming[0].hostname = "192.0.2.7".into()),
        ),
        (
            "invalid-hostname",
            Box::new(|s| s.incoming[0].hostname = String::new()),
        ),
        (
            "invalid-hostname",
            Box::new(|s| s.domain = "exa<mple>.com".into()),
        ),
        ("invalid-hostname", Box::new(|s| s.domain = "a".repeat(300))),
        (
            "invalid-text",
            Box::new(|s| s.name = Some("bell\u{7}".into())),
        ),
        (
            "invalid-text",
            Box::new(|s| s.short_name = Some("rtl\u{202E}override".into())),
        ),
        (
            "invalid-text",
            Box::new(|s| s.incoming[1].username = "line\nbreak".into()),
        ),
        ("too-long", Box::new(|s| s.name = Some("x".repeat(10_000)))),
        (
            "invalid-argument",
            Box::new(|s| s.incoming[0].protocol = MailProtocol::Smtp),
        ),
        (
            "invalid-argument",
            Box::new(|s| s.outgoing[0].protocol = MailProtocol::Imap),
        ),
    ];
    for (want, mutate) in &cases {
        let mut s = sample();
        mutate(&mut s);
        for f in ALL {
            let err = export(&s, f, &o).expect_err("must fail");
            assert_eq!(err.code(), *want, "{f:?}: {err}");
            assert!(!err.to_string().is_empty());
        }
    }
}

#[test]
fn domain_placeholders_in_host_names_are_resolved() {
    let mut s = sample();
    s.domain = "Customer.example".into();
    s.incoming[0].hostname = "mail.%EMAILDOMAIN%".into();
    s.outgoing[0].hostname = "%EMAILDOMAIN%".into();
    let xml = run(
        &s,
        ExportFormat::ThunderbirdAutoconfig,
        &ExportOptions::default(),
    );
    assert!(xml.contains("<hostname>mail.customer.example</hostname>"));
    assert!(xml.contains("<hostname>customer.example</hostname>"));
    s.incoming[1].hostname = "%EMAILLOCALPART%.example.com".into();
    let err = export(&s, ExportFormat::Json, &ExportOptions::default()).unwrap_err();
    assert_eq!(err.code(), "invalid-hostname");
}

#[test]
fn hostname_errors_name_the_host() {
    let mut s = sample();
    s.outgoing[1].hostname = "smtp_relay.example.com".into();
    let err = export(&s, ExportFormat::Json, &ExportOptions::default()).unwrap_err();
    assert!(err.to_string().contains("smtp_relay.example.com"), "{err}");
}

#[test]
fn missing_servers() {
    let o = ExportOptions::default();
    let mut s = sample();
    s.outgoing.clear();
    for f in [
        ExportFormat::ThunderbirdAutoconfig,
        ExportFormat::AppleMobileconfig,
        ExportFormat::Json,
    ] {
        assert_eq!(code(&s, f, &o), "missing-server", "{f:?}");
    }
    // SRV records for reading only are fine: submission is "not offered".
    assert!(run(&s, ExportFormat::DnsSrv, &o).contains("_submission._tcp  IN SRV 0 0 0 ."));
    s.incoming.clear();
    assert_eq!(code(&s, ExportFormat::DnsSrv, &o), "missing-server");
}

#[test]
fn bad_options_are_typed_errors() {
    let s = sample();
    for (email, want) in [
        ("not-an-address", "invalid-domain"),
        ("@example.com", "invalid-address"),
        ("example.com", "invalid-address"),
        ("a b@example.com", "invalid-address"),
        ("anna@exa mple.com", "invalid-domain"),
        ("", "empty-input"),
    ] {
        assert_eq!(
            code(&s, ExportFormat::AppleMobileconfig, &with_email(email)),
            want,
            "{email:?}"
        );
    }
    for id in ["", "com..example", "com.exa mple", "com/example", "<x>"] {
        let o = ExportOptions {
            identifier: Some(id.into()),
            ..ExportOptions::default()
        };
        assert_eq!(
            code(&s, ExportFormat::AppleMobileconfig, &o),
            "invalid-argument",
            "{id:?}"
        );
    }
    let o = ExportOptions {
        organization: Some("tab\there".into()),
        ..ExportOptions::default()
    };
    assert_eq!(
        code(&s, ExportFormat::AppleMobileconfig, &o),
        "invalid-text"
    );
}

#[test]
fn unknown_formats_are_typed_errors() {
    for name in ["", "JSON", "vcard", "thunderbird_autoconfig", "dns-srv "] {
        let err = ExportFormat::parse(name).unwrap_err();
        assert_eq!(err.code(), "unknown-format", "{name:?}");
    }
    let long = ExportFormat::parse(&"x".repeat(100_000)).unwrap_err();
    assert!(long.to_string().len() < 300, "the message stays short");
}
