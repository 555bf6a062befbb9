//! Readers for the three upstream sources. Each returns plain records and
//! reports what it had to tolerate into [`Quirks`].

use std::collections::BTreeSet;
use std::path::Path;

use mailports::autoconfig;
use mailports::email::normalize_domain;
use mailports::ports::Security;
use mailports::providers::Requirement;
use mailports::settings::{Auth, MailProtocol, Server};
use serde_json::Value as Json;
use serde_norway::Value as Yaml;

use crate::Quirks;

/// One row of SOURCES.md.
pub struct SourceRow {
    pub folder: String,
    pub upstream: String,
    pub commit: String,
    pub date: String,
    pub license: String,
}

/// The provenance table of the shared data folder.
pub struct SourceInfo {
    pub rows: Vec<SourceRow>,
}

/// Reads the table in `SOURCES.md` (folder, upstream, commit, date, licence).
pub fn read_sources_md(shared: &Path) -> SourceInfo {
    let text = std::fs::read_to_string(shared.join("SOURCES.md")).unwrap_or_default();
    let clean = |s: &str| s.trim().trim_matches('`').trim().to_owned();
    let rows = text
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').collect();
            let cell = |i: usize| cells.get(i).map(|c| clean(c)).unwrap_or_default();
            SourceRow {
                folder: cell(0),
                upstream: cell(1),
                commit: cell(2),
                date: cell(3),
                license: cell(4),
            }
        })
        .collect();
    SourceInfo { rows }
}

fn sorted_files(dir: &Path, ext: &str) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    Ok(files)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Normalises a list of domains, reporting and dropping bad ones and repeats.
fn clean_domains(origin: &str, raw: &[String], quirks: &mut Quirks) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in raw {
        let mut text = d.trim().to_owned();
        if let Some(rest) = text.strip_prefix("www.") {
            quirks.add(
                "domain written as a web host (www. dropped)",
                format!("{origin}: {text}"),
            );
            text = rest.to_owned();
        }
        match normalize_domain(&text) {
            Ok(n) => {
                if out.contains(&n) {
                    quirks.add("domain listed twice in one file", format!("{origin}: {n}"));
                } else {
                    out.push(n);
                }
            }
            Err(e) => quirks.add(
                "domain that is not a domain name (dropped)",
                format!("{origin}: {d:?}: {e}"),
            ),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Thunderbird ISPDB

/// One ISPDB file.
pub struct IspProvider {
    pub id: String,
    pub name: String,
    pub domains: Vec<String>,
    pub mx: Vec<String>,
    pub incoming: Vec<Server>,
    pub outgoing: Vec<Server>,
    /// `<enable>` instructions and `<documentation>` descriptions.
    pub hints: Vec<String>,
}

pub fn read_ispdb(dir: &Path, quirks: &mut Quirks) -> Result<Vec<IspProvider>, String> {
    let mut out = Vec::new();
    for path in sorted_files(dir, "xml")? {
        let id = stem(&path);
        let origin = format!("ispdb/{id}.xml");
        let xml = std::fs::read_to_string(&path).map_err(|e| format!("{origin}: {e}"))?;
        let config = match autoconfig::parse(&xml) {
            Ok(c) => c,
            Err(e) => {
                quirks.add(
                    "ISPDB file that could not be parsed (skipped)",
                    format!("{origin}: {e}"),
                );
                continue;
            }
        };
        for note in &config.notes {
            let kind = if note.contains("lacked a closing %") {
                "placeholder without its closing % (repaired)"
            } else if note.contains("left out: only IMAP, POP3 and SMTP") {
                "server type other than IMAP/POP3/SMTP (left out)"
            } else if note.contains("displayNameShort") {
                "misspelt element name (read anyway)"
            } else if note.contains("listed twice") {
                "domain listed twice in one file"
            } else {
                "other autoconfig repairs"
            };
            quirks.add(kind, format!("{origin}: {note}"));
        }
        if !config.id.is_empty() && config.id != id {
            quirks.add(
                "emailProvider id differs from the file name (file name used)",
                format!("{origin}: id=\"{}\"", config.id),
            );
        }
        let domains = clean_domains(&origin, &config.domains, quirks);
        let mx = clean_domains(&origin, &mx_domains(&xml), quirks);
        let name = [&config.display_name, &config.display_short_name, &id]
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .map(|s| s.trim().to_owned())
            .unwrap_or_default();
        let mut hints = Vec::new();
        for block in config.enable.iter().chain(&config.documentation) {
            // English texts only (untagged or en-*): the keywords are English.
            for t in &block.texts {
                if t.lang.is_empty() || t.lang.to_ascii_lowercase().starts_with("en") {
                    hints.push(t.text.clone());
                }
            }
        }
        if config.incoming.is_empty() && config.outgoing.is_empty() {
            quirks.add("ISPDB file without a usable server", origin.clone());
        }
        out.push(IspProvider {
            id,
            name,
            domains,
            mx,
            incoming: config.incoming,
            outgoing: config.outgoing,
            hints,
        });
    }
    Ok(out)
}

/// Domains right after a one-line XML comment that mentions MX (ISPDB's way of
/// marking MX base domains, e.g. `<!-- MX, for Google Apps -->`).
fn mx_domains(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<!--") {
        let after = &rest[i + 4..];
        let Some(j) = after.find("-->") else { break };
        let comment = &after[..j];
        let mut tail = &after[j + 3..];
        let mentions_mx = comment
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "MX");
        if mentions_mx && !comment.contains('\n') {
            loop {
                let t = tail.trim_start();
                let Some(r) = t.strip_prefix("<domain>") else {
                    break;
                };
                let Some(k) = r.find("</domain>") else { break };
                out.push(r[..k].trim().to_owned());
                tail = &r[k + "</domain>".len()..];
            }
        }
        rest = tail;
    }
    out
}

// ---------------------------------------------------------------------------
// Delta Chat provider database

/// Delta Chat's verdict on a provider, about Delta Chat's own app. It only
/// feeds the importer's requirement rules; mailports derives its own status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DcStatus {
    Ok,
    Preparation,
    Broken,
    Unknown,
}

/// One Delta Chat provider file.
pub struct DcProvider {
    pub file: String,
    pub id: String,
    pub name: String,
    pub status: DcStatus,
    pub domains: Vec<String>,
    pub incoming: Vec<Server>,
    pub outgoing: Vec<Server>,
    /// `before_login_hint` and `after_login_hint`.
    pub hints: Vec<String>,
    /// Requirements from fields (`oauth2`, `opt.strict_tls`, `opt.max_smtp_rcpt_to`).
    pub flags: BTreeSet<Requirement>,
}

fn yaml_str(v: &Yaml, key: &str) -> Option<String> {
    match v.get(key)? {
        Yaml::String(s) => Some(s.clone()),
        Yaml::Number(n) => Some(n.to_string()),
        Yaml::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Reads an upper-case enum value, reporting values written in another case.
fn dc_enum(origin: &str, field: &str, value: &str, quirks: &mut Quirks) -> String {
    let upper = value.trim().to_ascii_uppercase();
    if value.trim() != upper {
        quirks.add(
            "enum value not in upper case (read case-insensitively)",
            format!("{origin}: {field}"),
        );
    }
    upper
}

pub fn read_deltachat(dir: &Path, quirks: &mut Quirks) -> Result<Vec<DcProvider>, String> {
    let mut out = Vec::new();
    for path in sorted_files(dir, "md")? {
        let id = stem(&path);
        if id == "README" {
            continue;
        }
        let origin = format!("deltachat-provider-db/{id}.md");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{origin}: {e}"))?;
        let body = text.trim_start_matches('\u{feff}');
        let front = match body
            .strip_prefix("---")
            .and_then(|rest| rest.split_once("\n---"))
        {
            Some((front, _)) => front,
            None => {
                quirks.add("Delta Chat file without front matter (skipped)", origin);
                continue;
            }
        };
        let yaml: Yaml = match serde_norway::from_str(front) {
            Ok(y) => y,
            Err(e) => {
                quirks.add(
                    "Delta Chat front matter that is not YAML (skipped)",
                    format!("{origin}: {e}"),
                );
                continue;
            }
        };
        let raw_domains: Vec<String> = match yaml.get("domains") {
            Some(Yaml::Sequence(list)) => list
                .iter()
                .filter_map(|d| match d {
                    Yaml::String(s) => Some(s.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let domains = clean_domains(&origin, &raw_domains, quirks);
        if !domains.is_empty()
            && domains
                .iter()
                .all(|d| matches!(d.as_str(), "example.com" | "example.org" | "example.net"))
        {
            quirks.add(
                "placeholder provider for reserved example domains (skipped)",
                origin,
            );
            continue;
        }
        if domains.is_empty() {
            quirks.add("Delta Chat provider without domains (skipped)", origin);
            continue;
        }
        let status_text = yaml_str(&yaml, "status").unwrap_or_default();
        let status = match dc_enum(&origin, "status", &status_text, quirks).as_str() {
            "OK" => DcStatus::Ok,
            "PREPARATION" => DcStatus::Preparation,
            "BROKEN" => DcStatus::Broken,
            other => {
                quirks.add(
                    "unknown Delta Chat status (read as unknown)",
                    format!("{origin}: {other:?}"),
                );
                DcStatus::Unknown
            }
        };
        let oauth2 = yaml_str(&yaml, "oauth2").is_some_and(|s| !s.trim().is_empty());
        let mut flags = BTreeSet::new();
        if oauth2 {
            flags.insert(Requirement::Oauth2);
        }
        if let Some(opt) = yaml.get("opt") {
            if yaml_str(opt, "strict_tls").as_deref() == Some("false") {
                flags.insert(Requirement::CertificateWarning);
            }
            if opt.get("max_smtp_rcpt_to").is_some() {
                flags.insert(Requirement::SendingLimits);
            }
        }
        let mut incoming = Vec::new();
        let mut outgoing = Vec::new();
        if let Some(Yaml::Sequence(servers)) = yaml.get("server") {
            for s in servers {
                if let Some(server) = dc_server(&origin, s, oauth2, quirks) {
                    if server.protocol == MailProtocol::Smtp {
                        outgoing.push(server);
                    } else {
                        incoming.push(server);
                    }
                }
            }
        }
        let hints = ["before_login_hint", "after_login_hint"]
            .iter()
            .filter_map(|k| yaml_str(&yaml, k))
            .collect();
        let name = yaml_str(&yaml, "name").map_or_else(|| id.clone(), |n| n.trim().to_owned());
        out.push(DcProvider {
            file: format!("{id}.md"),
            id: id.to_ascii_lowercase(),
            name,
            status,
            domains,
            incoming,
            outgoing,
            hints,
            flags,
        });
    }
    Ok(out)
}

fn dc_server(origin: &str, s: &Yaml, oauth2: bool, quirks: &mut Quirks) -> Option<Server> {
    let kind = dc_enum(
        origin,
        "type",
        &yaml_str(s, "type").unwrap_or_default(),
        quirks,
    );
    let protocol = match kind.as_str() {
        "IMAP" => MailProtocol::Imap,
        "POP3" => MailProtocol::Pop3,
        "SMTP" => MailProtocol::Smtp,
        other => {
            quirks.add(
                "server of an unknown type (left out)",
                format!("{origin}: {other:?}"),
            );
            return None;
        }
    };
    let socket = dc_enum(
        origin,
        "socket",
        &yaml_str(s, "socket").unwrap_or_default(),
        quirks,
    );
    let security = match socket.as_str() {
        "SSL" => Security::ImplicitTls,
        "STARTTLS" => Security::Starttls,
        "PLAIN" => Security::Plaintext,
        other => {
            quirks.add(
                "server with an unknown socket (left out)",
                format!("{origin}: {other:?}"),
            );
            return None;
        }
    };
    let host_raw = yaml_str(s, "hostname").unwrap_or_default();
    let Ok(hostname) = normalize_domain(&host_raw) else {
        quirks.add(
            "server with a bad host name (left out)",
            format!("{origin}: {host_raw:?}"),
        );
        return None;
    };
    let port_raw = yaml_str(s, "port").unwrap_or_default();
    let port = match port_raw.trim().parse::<u16>() {
        Ok(p) if p > 0 => p,
        _ => {
            quirks.add(
                "server with a bad port (left out)",
                format!("{origin}: {hostname} port {port_raw:?}"),
            );
            return None;
        }
    };
    let username = match yaml_str(s, "username_pattern") {
        None => "%EMAILADDRESS%".to_owned(),
        Some(p) => match dc_enum(origin, "username_pattern", &p, quirks).as_str() {
            "EMAIL" => "%EMAILADDRESS%".to_owned(),
            "EMAILLOCALPART" => "%EMAILLOCALPART%".to_owned(),
            other => {
                quirks.add(
                    "unknown username_pattern (full address assumed)",
                    format!("{origin}: {other:?}"),
                );
                "%EMAILADDRESS%".to_owned()
            }
        },
    };
    let auth = if oauth2 {
        vec![Auth::Password, Auth::Oauth2]
    } else {
        vec![Auth::Password]
    };
    Some(Server::new(
        protocol, hostname, port, security, username, auth,
    ))
}

// ---------------------------------------------------------------------------
// nodemailer

/// One nodemailer well-known service.
pub struct NmService {
    pub key: String,
    pub id: String,
    pub name: String,
    pub domains: Vec<String>,
    /// `None` when the entry lacks a host or a port.
    pub server: Option<Server>,
}

/// Parenthesised remarks that describe rather than name (dropped from names).
const GENERIC_REMARKS: &[&str] = &[
    "provider", "service", "testing", "delivery", "hosting", "formerly", "by ",
];

fn slug(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || c == '.' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

fn service_name(key: &str, description: Option<&str>) -> String {
    let Some(d) = description.map(str::trim).filter(|d| !d.is_empty()) else {
        return key.to_owned();
    };
    match (d.find(" ("), d.ends_with(')')) {
        (Some(i), true) => {
            let remark = d[i + 2..d.len() - 1].to_lowercase();
            if GENERIC_REMARKS.iter().any(|g| remark.contains(g)) {
                d[..i].to_owned()
            } else {
                d.to_owned()
            }
        }
        _ => d.to_owned(),
    }
}

pub fn read_nodemailer(path: &Path, quirks: &mut Quirks) -> Result<Vec<NmService>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: Json = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let Some(map) = json.as_object() else {
        return Err("services.json is not an object".into());
    };
    let mut out = Vec::new();
    for (key, v) in map {
        let origin = format!("nodemailer {key}");
        let raw_domains: Vec<String> = v
            .get("domains")
            .and_then(Json::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|d| d.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let domains = clean_domains(&origin, &raw_domains, quirks);
        let host = v.get("host").and_then(Json::as_str).map(str::to_owned);
        let port = match v.get("port") {
            Some(Json::Number(n)) => n.as_u64(),
            Some(Json::String(s)) => {
                quirks.add(
                    "port written as a string (read as a number)",
                    format!("{origin}: {s:?}"),
                );
                s.trim().parse().ok()
            }
            _ => None,
        };
        let secure = v.get("secure").and_then(Json::as_bool).unwrap_or(false);
        let ignore_tls = v.get("ignoreTLS").and_then(Json::as_bool).unwrap_or(false);
        let server = match (
            host,
            port.and_then(|p| u16::try_from(p).ok()).filter(|&p| p > 0),
        ) {
            (Some(host), Some(port)) => match normalize_domain(&host) {
                Ok(hostname) => {
                    let security = if secure || port == 465 {
                        if !secure {
                            quirks.add(
                                "port 465 without secure: true (read as implicit TLS)",
                                format!("{origin}: {hostname}"),
                            );
                        }
                        Security::ImplicitTls
                    } else if ignore_tls {
                        Security::Plaintext
                    } else {
                        Security::Starttls
                    };
                    let auth = match v
                        .get("authMethod")
                        .and_then(Json::as_str)
                        .map(str::to_ascii_uppercase)
                        .as_deref()
                    {
                        Some("CRAM-MD5") => Auth::PasswordEncrypted,
                        Some("XOAUTH2") => Auth::Oauth2,
                        _ => Auth::Password,
                    };
                    Some(Server {
                        protocol: MailProtocol::Smtp,
                        hostname,
                        port,
                        security,
                        // A relay service issues its own credentials; only a
                        // mailbox provider (one with domains) logs in by address.
                        username: if domains.is_empty() {
                            String::new()
                        } else {
                            "%EMAILADDRESS%".to_owned()
                        },
                        auth: vec![auth],
                    })
                }
                Err(e) => {
                    quirks.add(
                        "service with a bad host name (skipped)",
                        format!("{origin}: {host:?}: {e}"),
                    );
                    None
                }
            },
            (host, _) => {
                quirks.add(
                    "service without a host or a port (no server taken)",
                    format!("{origin}: host {host:?}, port {port:?}"),
                );
                None
            }
        };
        out.push(NmService {
            key: key.clone(),
            id: slug(key),
            name: service_name(key, v.get("description").and_then(Json::as_str)),
            domains,
            server,
        });
    }
    Ok(out)
}
