//! Export (`export::export`) of any settings in every format: no panic, typed
//! errors, and every file it writes is well formed and reads back to the same
//! settings: the autoconfig file through `autoconfig::parse`, the JSON through
//! serde (and exporting it again gives the same bytes), the profile through an
//! XML reader, the zone file line by line.
#![no_main]
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use mailports::autoconfig::{parse, repair_placeholders};
use mailports::email::{normalize_domain, parse_input};
use mailports::export::{export, ExportFormat, ExportOptions, ExportSettings};
use mailports::ports::Security;
use mailports::settings::{Auth, MailProtocol, Server};
use mailports_fuzz::{check_error, host, list, text};

#[path = "../../tests/shared/json_args.rs"]
mod json_args;

const AUTH: [Auth; 7] = [
    Auth::Password,
    Auth::PasswordEncrypted,
    Auth::Oauth2,
    Auth::Gssapi,
    Auth::Ntlm,
    Auth::ClientIpAddress,
    Auth::None,
];

fn server(u: &mut Unstructured<'_>, incoming: bool) -> Result<Server> {
    let protocol = if u.ratio(1, 16)? {
        *u.choose(&[MailProtocol::Imap, MailProtocol::Pop3, MailProtocol::Smtp])?
    } else if incoming {
        *u.choose(&[MailProtocol::Imap, MailProtocol::Pop3])?
    } else {
        MailProtocol::Smtp
    };
    Ok(Server {
        protocol,
        hostname: host(u)?,
        port: if u.ratio(1, 16)? {
            0
        } else {
            u.arbitrary::<u16>()?.max(1)
        },
        security: *u.choose(&[
            Security::ImplicitTls,
            Security::Starttls,
            Security::Plaintext,
        ])?,
        username: if u.ratio(1, 2)? {
            u.choose(&[
                "%EMAILADDRESS%",
                "%EMAILLOCALPART%",
                "",
                "ana",
                "ana@example.com",
            ])?
            .to_string()
        } else {
            text(u)?
        },
        auth: list(u, 4, |u| u.choose(&AUTH).copied())?,
    })
}

fn opt_text(u: &mut Unstructured<'_>) -> Result<Option<String>> {
    Ok(if u.arbitrary()? { Some(text(u)?) } else { None })
}

/// The user name the autoconfig file should give back for `srv`.
fn expected_username(username: &str, email: Option<&str>) -> String {
    let account = email.and_then(|e| parse_input(e).ok()).and_then(|a| {
        let local = a.local?;
        Some((format!("{local}@{}", a.domain), local))
    });
    let template = match &account {
        _ if username.is_empty() => "%EMAILADDRESS%",
        Some((address, _)) if username.eq_ignore_ascii_case(address) => "%EMAILADDRESS%",
        Some((_, local)) if username == local => "%EMAILLOCALPART%",
        _ => username,
    };
    match repair_placeholders(template.trim()).0 {
        t if t.is_empty() => "%EMAILADDRESS%".to_owned(),
        t => t,
    }
}

fn check_autoconfig(content: &str, s: &ExportSettings, options: &ExportOptions) {
    let config =
        parse(content).unwrap_or_else(|e| panic!("autoconfig does not parse: {e}\n{content}"));
    let domain = normalize_domain(&s.domain).expect("exported, so valid");
    assert_eq!(config.domains, [domain.clone()]);
    if let Some(name) = &s.name {
        if !name.trim().is_empty() {
            assert_eq!(config.display_name, name.trim());
        }
    }
    for (got, want) in [
        (&config.incoming, &s.incoming),
        (&config.outgoing, &s.outgoing),
    ] {
        let mut expected: Vec<Server> = Vec::new();
        for w in want {
            let mut auth: Vec<Auth> = Vec::new();
            for a in if w.auth.is_empty() {
                &[Auth::Password][..]
            } else {
                &w.auth
            } {
                if !auth.contains(a) {
                    auth.push(*a);
                }
            }
            let server = Server {
                // `%EMAILDOMAIN%` in a host name stands for the settings' domain.
                hostname: normalize_domain(&w.hostname.replace("%EMAILDOMAIN%", &domain))
                    .expect("exported, so valid"),
                username: expected_username(&w.username, options.email.as_deref()),
                auth,
                ..w.clone()
            };
            if !expected.contains(&server) {
                expected.push(server);
            }
        }
        assert_eq!(got, &expected, "\n{content}");
    }
}

fn check_plist(content: &str, s: &ExportSettings) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(content);
    let mut texts: Vec<String> = Vec::new();
    let mut current = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(_)) => current.clear(),
            Ok(Event::Text(t)) => current.push_str(&t.decode().expect("UTF-8")),
            Ok(Event::GeneralRef(r)) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    _ => match &*r.decode().expect("UTF-8") {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unknown entity &{other};\n{content}"),
                    },
                };
                current.push(c);
            }
            Ok(Event::End(_)) => texts.push(std::mem::take(&mut current)),
            Ok(_) => {}
            Err(e) => panic!("profile is not well-formed XML: {e}\n{content}"),
        }
    }
    // Free text comes back whole from one element: nothing escaped it.
    if let Some(name) = s.name.as_deref().filter(|n| !n.trim().is_empty()) {
        assert!(
            texts.iter().any(|t| t == name),
            "name {name:?} not found whole\n{content}"
        );
    }
    let keys = texts.iter().filter(|t| *t == "PayloadType").count();
    assert!(keys >= 2, "\n{content}");
}

fn check_zone(content: &str) {
    let mut records = 0;
    for line in content.lines() {
        assert!(
            !line.chars().any(char::is_control),
            "control character in {line:?}"
        );
        if line.starts_with(';') || line.starts_with("$TTL ") {
            continue;
        }
        if let Some(origin) = line.strip_prefix("$ORIGIN ") {
            assert!(
                origin.ends_with('.') && normalize_domain(origin).is_ok(),
                "{line}"
            );
            continue;
        }
        let f: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(f.len(), 7, "{line:?}");
        assert!(f[0].starts_with('_') && f[0].ends_with("._tcp"), "{line:?}");
        assert_eq!((f[1], f[2]), ("IN", "SRV"));
        for n in &f[3..6] {
            n.parse::<u16>().unwrap_or_else(|_| panic!("{line:?}"));
        }
        assert!(
            f[6] == "." || (f[6].ends_with('.') && normalize_domain(f[6]).is_ok()),
            "{line:?}"
        );
        records += 1;
    }
    assert!(records >= 6);
}

fn run(u: &mut Unstructured<'_>) -> Result<()> {
    let settings = ExportSettings {
        domain: host(u)?,
        name: opt_text(u)?,
        short_name: opt_text(u)?,
        incoming: list(u, 3, |u| server(u, true))?,
        outgoing: list(u, 3, |u| server(u, false))?,
    };
    let options = ExportOptions {
        email: if u.arbitrary()? {
            Some(if u.arbitrary()? {
                "Ana@Example.com".to_owned()
            } else {
                text(u)?
            })
        } else {
            None
        },
        identifier: opt_text(u)?,
        organization: opt_text(u)?,
        ttl: if u.arbitrary()? {
            Some(u.arbitrary()?)
        } else {
            None
        },
    };
    for format in [
        ExportFormat::ThunderbirdAutoconfig,
        ExportFormat::AppleMobileconfig,
        ExportFormat::DnsSrv,
        ExportFormat::Json,
    ] {
        let file = match export(&settings, format, &options) {
            Ok(f) => f,
            Err(e) => {
                check_error(&e);
                continue;
            }
        };
        assert!(!file.filename.contains('/') && !file.filename.contains('\\'));
        assert!(!file.content.contains('\0'));
        match format {
            ExportFormat::ThunderbirdAutoconfig => {
                check_autoconfig(&file.content, &settings, &options)
            }
            ExportFormat::AppleMobileconfig => check_plist(&file.content, &settings),
            ExportFormat::DnsSrv => check_zone(&file.content),
            ExportFormat::Json => {
                let back = ExportSettings::from_args(json_args::pairs(&file.content))
                    .unwrap_or_else(|e| panic!("JSON does not read back: {e}\n{}", file.content));
                assert_eq!(back.incoming.len(), settings.incoming.len());
                assert_eq!(back.outgoing.len(), settings.outgoing.len());
                let again = export(&back, ExportFormat::Json, &ExportOptions::default())
                    .expect("exported settings export again");
                assert_eq!(again.content, file.content, "JSON is not a fixed point");
            }
        }
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
