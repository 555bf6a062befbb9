//! Round trips: the autoconfig file export writes reads back through the same
//! parser the importer uses (src/autoconfig.rs) with the same servers, for a
//! hand-made example and for every provider in the committed data.

use mailports::autoconfig;
use mailports::export::{export, ExportFormat, ExportOptions, ExportSettings};
use mailports::ports::Security;
use mailports::providers::{self, ProviderMatch, Source};
use mailports::settings::{Auth, MailProtocol, Server};

#[path = "shared/json_args.rs"]
mod json_args;

fn settings_of(m: &ProviderMatch) -> ExportSettings {
    ExportSettings {
        domain: m.domain.clone(),
        name: Some(m.name.clone()),
        short_name: None,
        incoming: m.incoming.clone(),
        outgoing: m.outgoing.clone(),
    }
}

/// What the servers should read back as: host names lower case with the
/// domain placeholder resolved and, in autoconfig, a password where no method
/// was given (Thunderbird needs one).
fn expected(servers: &[Server], domain: &str, fill_auth: bool) -> Vec<Server> {
    servers
        .iter()
        .map(|s| Server {
            hostname: s
                .hostname
                .replace("%EMAILDOMAIN%", domain)
                .to_ascii_lowercase(),
            auth: if fill_auth && s.auth.is_empty() {
                vec![Auth::Password]
            } else {
                s.auth.clone()
            },
            ..s.clone()
        })
        .collect()
}

fn round_trip(settings: &ExportSettings) -> autoconfig::ClientConfig {
    let file = export(
        settings,
        ExportFormat::ThunderbirdAutoconfig,
        &ExportOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{}: {e}", settings.domain));
    autoconfig::parse(&file.content).unwrap_or_else(|e| panic!("{}: {e}", settings.domain))
}

#[test]
fn a_hand_made_example_reads_back_the_same() {
    let server = |protocol, host: &str, port, security, username: &str, auth: Vec<Auth>| Server {
        protocol,
        hostname: host.into(),
        port,
        security,
        username: username.into(),
        auth,
    };
    let settings = ExportSettings {
        domain: "example.org".into(),
        name: Some("Example & <Sons> \"Mail\"".into()),
        short_name: Some("Ex'ample".into()),
        incoming: vec![
            server(
                MailProtocol::Imap,
                "imap.example.org",
                993,
                Security::ImplicitTls,
                "%EMAILADDRESS%",
                vec![Auth::Oauth2, Auth::Password],
            ),
            server(
                MailProtocol::Pop3,
                "pop.example.org",
                110,
                Security::Starttls,
                "%EMAILLOCALPART%",
                vec![Auth::PasswordEncrypted],
            ),
            server(
                MailProtocol::Imap,
                "legacy.example.org",
                143,
                Security::Plaintext,
                "%EMAILLOCALPART%.%EMAILDOMAIN%",
                vec![Auth::Ntlm, Auth::Gssapi],
            ),
        ],
        outgoing: vec![
            server(
                MailProtocol::Smtp,
                "smtp.example.org",
                465,
                Security::ImplicitTls,
                "%EMAILADDRESS%",
                vec![Auth::Password],
            ),
            server(
                MailProtocol::Smtp,
                "relay.example.org",
                25,
                Security::Plaintext,
                "",
                vec![Auth::ClientIpAddress, Auth::None],
            ),
        ],
    };
    let config = round_trip(&settings);
    assert_eq!(config.id, "example.org");
    assert_eq!(config.domains, ["example.org"]);
    assert_eq!(config.display_name, "Example & <Sons> \"Mail\"");
    assert_eq!(config.display_short_name, "Ex'ample");
    assert_eq!(config.incoming, settings.incoming);
    let mut outgoing = settings.outgoing.clone();
    outgoing[1].username = "%EMAILADDRESS%".into(); // an empty one is filled in
    assert_eq!(config.outgoing, outgoing);
    assert_eq!(config.notes, Vec::<String>::new(), "nothing needed repair");
}

#[test]
fn every_ispdb_provider_reads_back_with_identical_servers() {
    let mut checked = 0;
    for summary in providers::list() {
        // Hosting services whose ISPDB domains are only MX patterns have no
        // address domain to fill host names with.
        if !summary.sources.contains(&Source::Ispdb) || summary.domains.is_empty() {
            continue;
        }
        let m = providers::by_id(&summary.id).expect("listed providers exist");
        let settings = settings_of(&m);
        let config = round_trip(&settings);
        assert_eq!(
            config.incoming,
            expected(&m.incoming, &m.domain, true),
            "{}",
            m.id
        );
        assert_eq!(
            config.outgoing,
            expected(&m.outgoing, &m.domain, true),
            "{}",
            m.id
        );
        assert_eq!(config.domains, std::slice::from_ref(&m.domain), "{}", m.id);
        assert_eq!(config.notes, Vec::<String>::new(), "{}", m.id);
        checked += 1;
    }
    // The ISPDB snapshot has 163 files; merged with the other sources they
    // still make well over a hundred providers.
    assert!(checked > 100, "only {checked} ISPDB providers were checked");
}

#[test]
fn every_provider_exports_in_every_format_or_says_why_not() {
    let formats = [
        ExportFormat::AppleMobileconfig,
        ExportFormat::DnsSrv,
        ExportFormat::Json,
        ExportFormat::ThunderbirdAutoconfig,
    ];
    let (mut files, mut refused) = (0, 0);
    for summary in providers::list() {
        let m = providers::by_id(&summary.id).expect("listed providers exist");
        let settings = settings_of(&m);
        for format in formats {
            match export(&settings, format, &ExportOptions::default()) {
                Ok(file) => {
                    assert!(!file.content.is_empty());
                    files += 1;
                    if format == ExportFormat::Json {
                        let back =
                            ExportSettings::from_args(json_args::pairs(&file.content)).unwrap();
                        assert_eq!(back.incoming, expected(&m.incoming, &m.domain, false));
                        assert_eq!(back.outgoing, expected(&m.outgoing, &m.domain, false));
                    }
                }
                Err(e) => {
                    // The only honest refusals: a provider without a server
                    // of one kind, OAuth2-only sign-in in an Apple profile,
                    // and a provider with no domain of its own.
                    let why = match e.code() {
                        "missing-server" => m.incoming.is_empty() || m.outgoing.is_empty(),
                        "unsupported-settings" => format == ExportFormat::AppleMobileconfig,
                        // Known only by its mail servers: the reader's own
                        // domain is needed.
                        "invalid-hostname" => m.domain.is_empty(),
                        _ => false,
                    };
                    assert!(why, "{} as {format:?}: {e}", m.id);
                    refused += 1;
                }
            }
        }
    }
    assert!(files > 4 * 100, "{files} files, {refused} refused");
}
