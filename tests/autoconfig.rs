//! The autoconfig (config-v1.1.xml) parser: what it reads, what it repairs,
//! and that hostile documents are typed errors, never panics.

use mailports::autoconfig::{parse, MAX_DEPTH, MAX_DOCUMENT_LEN};
use mailports::ports::Security;
use mailports::settings::{Auth, MailProtocol};

/// A made-up provider exercising every element the parser reads.
const FULL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root -->
<clientConfig version="1.1">
  <emailProvider id="mail.example.net">
    <domain>example.net</domain>
    <domain>Example.ORG.</domain>
    <domain>example.net</domain>
    <displayName>Example &amp; Sons Mail</displayName>
    <displayShortName><![CDATA[Ex&S]]></displayShortName>
    <incomingServer type="imap">
      <hostname>IMAP.Example.NET</hostname>
      <port>993</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS%</username>
      <authentication>OAuth2</authentication>
      <authentication>password-cleartext</authentication>
    </incomingServer>
    <incomingServer type="pop3">
      <hostname>pop.%EMAILDOMAIN%</hostname>
      <port>110</port>
      <socketType>starttls</socketType>
      <username>%EMAILLOCALPART%</username>
      <authentication>password-encrypted</authentication>
      <pop3><leaveMessagesOnServer>true</leaveMessagesOnServer></pop3>
    </incomingServer>
    <incomingServer type="exchange">
      <hostname>ews.example.net</hostname>
      <port>443</port>
      <socketType>SSL</socketType>
      <username>%EMAILADDRESS</username>
    </incomingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.net</hostname>
      <port>587</port>
      <socketType>STARTTLS</socketType>
      <username>%EMAILADDRESS</username>
      <authentication>TLS-client-cert</authentication>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.net</hostname>
      <port>70000</port>
      <socketType>SSL</socketType>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>relay.example.net</hostname>
      <port>25</port>
      <socketType>Plain</socketType>
    </outgoingServer>
    <outgoingServer type="smtp">
      <hostname>smtp.example.net</hostname>
      <port>465</port>
      <socketType>quantum</socketType>
    </outgoingServer>
    <enable visiturl="https://example.net/settings">
      <instruction>Switch on external access first.</instruction>
      <instruction lang="de">Zuerst den externen Zugriff einschalten.</instruction>
    </enable>
    <documentation url="https://example.net/help"/>
  </emailProvider>
  <oAuth2>
    <issuer>login.example.net</issuer>
    <scope>mail offline</scope>
    <authURL>https://login.example.net/auth</authURL>
    <tokenURL>https://login.example.net/token</tokenURL>
  </oAuth2>
</clientConfig>
"#;

#[test]
fn reads_every_field() {
    let c = parse(FULL).unwrap();
    assert_eq!(c.id, "mail.example.net");
    assert_eq!(c.domains, ["example.net", "example.org"]);
    assert_eq!(c.display_name, "Example & Sons Mail");
    assert_eq!(c.display_short_name, "Ex&S");

    assert_eq!(c.incoming.len(), 2, "{:?}", c.incoming);
    let imap = &c.incoming[0];
    assert_eq!(
        (
            imap.protocol,
            imap.hostname.as_str(),
            imap.port,
            imap.security
        ),
        (
            MailProtocol::Imap,
            "imap.example.net",
            993,
            Security::ImplicitTls
        )
    );
    assert_eq!(imap.username, "%EMAILADDRESS%");
    assert_eq!(imap.auth, [Auth::Oauth2, Auth::Password]);
    let pop = &c.incoming[1];
    assert_eq!(
        (pop.protocol, pop.hostname.as_str(), pop.security),
        (MailProtocol::Pop3, "pop.%EMAILDOMAIN%", Security::Starttls)
    );
    assert_eq!(pop.auth, [Auth::PasswordEncrypted]);

    let out: Vec<(&str, u16, Security)> = c
        .outgoing
        .iter()
        .map(|s| (s.hostname.as_str(), s.port, s.security))
        .collect();
    assert_eq!(
        out,
        [
            ("smtp.example.net", 587, Security::Starttls),
            ("relay.example.net", 25, Security::Plaintext)
        ]
    );
    // Repaired placeholder; unknown auth skipped, password assumed.
    assert_eq!(c.outgoing[0].username, "%EMAILADDRESS%");
    assert_eq!(c.outgoing[0].auth, [Auth::Password]);
    // No user name given: the full address is assumed.
    assert_eq!(c.outgoing[1].username, "%EMAILADDRESS%");

    let enable = c.enable.as_ref().unwrap();
    assert_eq!(enable.url, "https://example.net/settings");
    assert_eq!(enable.texts.len(), 2);
    assert_eq!(enable.texts[1].lang, "de");
    assert_eq!(c.documentation.len(), 1);
    assert_eq!(c.documentation[0].url, "https://example.net/help");
    let o = c.oauth2.as_ref().unwrap();
    assert_eq!(
        (o.issuer.as_str(), o.token_url.as_str()),
        ("login.example.net", "https://login.example.net/token")
    );
}

#[test]
fn repairs_and_omissions_are_noted() {
    let c = parse(FULL).unwrap();
    let notes = c.notes.join("\n");
    for needle in [
        "listed twice",                         // duplicate domain
        "\"%EMAILADDRESS\" lacked a closing %", // placeholder repair
        "type \"exchange\" was left out",
        "\"70000\" is not a port",
        "unknown socketType \"quantum\"",
        "\"TLS-client-cert\" is not known",
        "gives no user name",
    ] {
        assert!(
            notes.contains(needle),
            "no note with {needle:?} in:\n{notes}"
        );
    }
}

#[test]
fn minimal_and_tolerant_documents() {
    // Namespace prefix, misspelt short name, no XML declaration, lower-case values.
    let c = parse(
        r#"<cc:clientConfig xmlns:cc="urn:x"><cc:emailProvider id="x">
        <cc:domain>x.example</cc:domain><cc:displayNameShort>X</cc:displayNameShort>
        <cc:incomingServer type="IMAP"><cc:hostname>imap.x.example</cc:hostname>
        <cc:port> 143 </cc:port><cc:socketType>STARTTLS</cc:socketType>
        <cc:username>%EMAILLOCALPART%</cc:username></cc:incomingServer>
        </cc:emailProvider></cc:clientConfig>"#,
    )
    .unwrap();
    assert_eq!(c.display_short_name, "X");
    assert_eq!(c.incoming[0].port, 143);
    assert!(c.outgoing.is_empty());
    assert!(c.notes.iter().any(|n| n.contains("displayNameShort")));
    // A provider without servers is read (the caller decides what to do).
    let empty = parse("<clientConfig><emailProvider id='e'/></clientConfig>").unwrap();
    assert!(empty.incoming.is_empty() && empty.domains.is_empty());
    // Numeric character references are fine.
    let c = parse("<clientConfig><emailProvider><displayName>Caf&#233; &#x4E2D;</displayName></emailProvider></clientConfig>").unwrap();
    assert_eq!(c.display_name, "Café 中");
}

#[test]
fn hostile_documents_are_typed_errors() {
    let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<clientConfig><emailProvider><displayName>&lol2;</displayName></emailProvider></clientConfig>"#;
    let external = r#"<!DOCTYPE c [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><clientConfig>&xxe;</clientConfig>"#;
    let deep = format!("{}{}", "<a>".repeat(5_000), "</a>".repeat(5_000));
    let just_deep_enough = format!(
        "<clientConfig>{}{}<emailProvider/></clientConfig>",
        "<x>".repeat(MAX_DEPTH),
        "</x>".repeat(MAX_DEPTH)
    );
    let cases: Vec<(&str, String)> = vec![
        ("billion laughs", laughs.to_owned()),
        ("external entity", external.to_owned()),
        ("deep nesting", deep),
        ("nesting one past the limit", just_deep_enough),
        (
            "undefined entity",
            "<clientConfig><emailProvider>&nbsp;</emailProvider></clientConfig>".into(),
        ),
        (
            "undefined entity in attribute",
            "<clientConfig><emailProvider id='&x;'/></clientConfig>".into(),
        ),
        (
            "NUL reference",
            "<clientConfig><emailProvider>&#0;</emailProvider></clientConfig>".into(),
        ),
        (
            "control reference",
            "<clientConfig><emailProvider>&#x1B;</emailProvider></clientConfig>".into(),
        ),
        (
            "surrogate reference",
            "<clientConfig><emailProvider>&#xD800;</emailProvider></clientConfig>".into(),
        ),
        (
            "mismatched tags",
            "<clientConfig><emailProvider></clientConfig></emailProvider>".into(),
        ),
        ("unclosed", "<clientConfig><emailProvider>".into()),
        (
            "two roots",
            "<clientConfig><emailProvider/></clientConfig><clientConfig/>".into(),
        ),
        (
            "text after root",
            "<clientConfig><emailProvider/></clientConfig>junk".into(),
        ),
        (
            "text before root",
            "junk<clientConfig><emailProvider/></clientConfig>".into(),
        ),
        ("wrong root", "<html><body>Not found</body></html>".into()),
        ("no provider", "<clientConfig version='1.1'/>".into()),
        ("empty", String::new()),
        ("not XML", "{\"incoming\": []}".into()),
        (
            "bad attribute",
            "<clientConfig a=b><emailProvider/></clientConfig>".into(),
        ),
        (
            "bare ampersand",
            "<clientConfig><emailProvider>a & b</emailProvider></clientConfig>".into(),
        ),
    ];
    for (what, xml) in cases {
        match parse(&xml) {
            Err(e) => assert_eq!(e.code(), "invalid-autoconfig", "{what}: {e}"),
            Ok(c) => panic!("{what}: accepted {c:?}"),
        }
    }
}

#[test]
fn oversized_documents_are_refused_before_parsing() {
    let padding = " ".repeat(MAX_DOCUMENT_LEN);
    let xml = format!("<clientConfig><emailProvider id='x'/></clientConfig>{padding}");
    let err = parse(&xml).unwrap_err();
    assert_eq!(err.code(), "too-long");
    // Just under the limit is fine.
    let ok = format!(
        "<clientConfig><emailProvider id='x'/></clientConfig>{}",
        " ".repeat(1000)
    );
    assert!(parse(&ok).is_ok());
}

#[test]
fn mutated_documents_never_panic() {
    let bytes = FULL.as_bytes();
    let specials = b"<>&;/\"'=%#x![]-?\0\xff";
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut errors = 0;
    for round in 0..3000 {
        let mut doc = bytes.to_vec();
        for _ in 0..(1 + round % 6) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let pos = (seed as usize) % doc.len();
            match seed % 4 {
                0 => doc[pos] = specials[(seed >> 20) as usize % specials.len()],
                1 => {
                    doc.remove(pos);
                }
                2 => doc.insert(pos, specials[(seed >> 24) as usize % specials.len()]),
                _ => doc.truncate(pos.max(1)),
            }
        }
        let text = String::from_utf8_lossy(&doc);
        match parse(&text) {
            Ok(c) => {
                // Whatever survives is usable: valid ports, known protocols.
                assert!(c.incoming.iter().chain(&c.outgoing).all(|s| s.port > 0));
                assert!(c.incoming.iter().all(|s| s.protocol != MailProtocol::Smtp));
            }
            Err(e) => {
                errors += 1;
                assert_eq!(e.code(), "invalid-autoconfig");
            }
        }
    }
    assert!(
        errors > 500,
        "mutations should break most documents ({errors})"
    );
}

#[test]
fn the_parsed_config_serialises_to_the_js_shape() {
    let c = parse(FULL).unwrap();
    let json = serde_json::to_value(&c).unwrap();
    assert_eq!(json["displayShortName"], "Ex&S");
    assert_eq!(json["incoming"][0]["security"], "implicit-tls");
    assert_eq!(json["incoming"][0]["protocol"], "imap");
    assert_eq!(json["incoming"][0]["port"], c.incoming[0].port);
    assert_eq!(
        json["domains"].as_array().map(Vec::len),
        Some(c.domains.len())
    );
}
