//! The reviewed layer: `data/reviewed/*.toml`, one provider per file, each
//! fact checked against the provider's help pages (format: data/REVIEW.md).
//!
//! Reading checks everything that can be checked without the merged table:
//! every file has at least one source with an `https://` URL and a real
//! `YYYY-MM-DD` date, codes and enum values are known, servers are complete.
//! A file that fails is an error, so `npm run data:check` fails on it.

use std::path::Path;

use mailports::ports::Security;
use mailports::providers::Requirement;
use mailports::settings::{Auth, MailProtocol, Server};
use serde::Deserialize;

/// One reviewed file as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    record: Option<String>,
    name: Option<String>,
    requirements: Option<Vec<String>>,
    #[serde(default)]
    offers_no: Vec<String>,
    #[serde(default)]
    unconfirmed: Vec<String>,
    #[serde(default)]
    source: Vec<RawSource>,
    #[serde(default)]
    domains: AddDrop,
    #[serde(default)]
    mx: AddDrop,
    #[serde(default)]
    incoming: Vec<RawServer>,
    #[serde(default)]
    outgoing: Vec<RawServer>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    url: Option<String>,
    title: Option<String>,
    checked: Option<String>,
    #[serde(default)]
    second_hand: bool,
}

/// `add` and `drop` lists of domains or MX patterns.
#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
#[derive(Debug)]
pub struct AddDrop {
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub drop: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawServer {
    protocol: String,
    hostname: String,
    port: u16,
    security: String,
    username: Option<String>,
    auth: Option<Vec<String>>,
}

/// A page a reviewed entry was checked against.
#[derive(Debug, Clone)]
pub struct Page {
    pub url: String,
    pub checked: String,
    pub second_hand: bool,
}

/// A reviewed server; `auth` is `None` when the page did not say.
#[derive(Debug, Clone)]
pub struct ReviewedServer {
    pub server: Server,
    pub auth_given: bool,
    /// Whether the page gave the user name (else `%EMAILADDRESS%`, or the
    /// matching upstream server's).
    pub username_given: bool,
}

/// One reviewed entry, checked.
#[derive(Debug)]
pub struct Reviewed {
    /// The file name without `.toml`.
    pub file: String,
    /// The upstream record it amends; `None` makes a new record.
    pub record: Option<String>,
    pub name: Option<String>,
    pub requirements: Option<Vec<Requirement>>,
    pub offers_no: Vec<MailProtocol>,
    pub unconfirmed: Vec<String>,
    pub pages: Vec<Page>,
    pub domains: AddDrop,
    pub mx: AddDrop,
    pub incoming: Vec<ReviewedServer>,
    pub outgoing: Vec<ReviewedServer>,
}

/// Whether `d` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| d.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(y), Some(m), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (2000..=2100).contains(&y) && (1..=days).contains(&day)
}

fn name_of<T: Copy>(table: &[(T, &str)], value: &str, what: &str) -> Result<T, String> {
    table
        .iter()
        .find(|(_, n)| *n == value)
        .map(|(v, _)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = table.iter().map(|(_, n)| *n).collect();
            format!("{what} {value:?} is not one of {}", names.join(", "))
        })
}

fn server(raw: RawServer, incoming: bool, at: &str) -> Result<ReviewedServer, String> {
    let protocol = name_of(MailProtocol::NAMES, &raw.protocol, "protocol")?;
    if incoming == (protocol == MailProtocol::Smtp) {
        return Err(format!(
            "{at}: {} does not belong in this list",
            raw.protocol
        ));
    }
    let security = name_of(Security::NAMES, &raw.security, "security")?;
    let host = raw
        .hostname
        .trim()
        .to_ascii_lowercase()
        .replace("%emaildomain%", "%EMAILDOMAIN%");
    if host.is_empty() || !host.contains('.') || host.contains([' ', '/', ':']) {
        return Err(format!("{at}: {:?} is not a host name", raw.hostname));
    }
    if raw.port == 0 {
        return Err(format!("{at}: port 0"));
    }
    let auth_given = raw.auth.is_some();
    let username_given = raw.username.is_some();
    let mut auth = Vec::new();
    for a in raw.auth.unwrap_or_else(|| vec!["password".into()]) {
        let m = name_of(Auth::NAMES, &a, "auth")?;
        if !auth.contains(&m) {
            auth.push(m);
        }
    }
    if auth.is_empty() {
        return Err(format!("{at}: an empty auth list"));
    }
    Ok(ReviewedServer {
        server: Server {
            protocol,
            hostname: host,
            port: raw.port,
            security,
            username: raw.username.unwrap_or_else(|| "%EMAILADDRESS%".into()),
            auth,
        },
        auth_given,
        username_given,
    })
}

/// Parses one file's text; `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Reviewed, String> {
    let at = |e: String| format!("data/reviewed/{file}.toml: {e}");
    let raw: RawFile = toml::from_str(text).map_err(|e| at(e.to_string()))?;
    if raw.source.is_empty() {
        return Err(at(
            "no [[source]]: every entry needs the page it was checked against".into(),
        ));
    }
    let mut pages = Vec::new();
    for (i, s) in raw.source.into_iter().enumerate() {
        let url = s
            .url
            .filter(|u| !u.trim().is_empty())
            .ok_or_else(|| at(format!("source {}: no url", i + 1)))?;
        if !url.starts_with("https://") && !url.starts_with("http://") {
            return Err(at(format!(
                "source {}: {url:?} is not a web address",
                i + 1
            )));
        }
        if url.contains([' ', '\t', '|', '\n']) || !url.is_ascii() {
            return Err(at(format!(
                "source {}: {url:?} has spaces or non-ASCII text (percent-encode it)",
                i + 1
            )));
        }
        let checked = s
            .checked
            .ok_or_else(|| at(format!("source {}: no checked date", i + 1)))?;
        if !is_date(&checked) {
            return Err(at(format!(
                "source {}: checked {checked:?} is not a YYYY-MM-DD date",
                i + 1
            )));
        }
        let _ = s.title;
        pages.push(Page {
            url,
            checked,
            second_hand: s.second_hand,
        });
    }
    let requirements = match raw.requirements {
        None => None,
        Some(codes) => {
            let mut out = Vec::new();
            for c in codes {
                let r = Requirement::from_code(&c)
                    .ok_or_else(|| at(format!("unknown requirement code {c:?}")))?;
                if matches!(
                    r,
                    Requirement::Oauth2 | Requirement::Oauth2Only | Requirement::NoImap
                ) {
                    return Err(at(format!(
                        "{c:?} follows from the servers' auth lists; do not list it"
                    )));
                }
                out.push(r);
            }
            Some(out)
        }
    };
    let mut offers_no = Vec::new();
    for p in raw.offers_no {
        offers_no.push(name_of(MailProtocol::NAMES, &p, "offers_no").map_err(at)?);
    }
    let mut incoming = Vec::new();
    for (i, s) in raw.incoming.into_iter().enumerate() {
        incoming.push(server(s, true, &format!("incoming {}", i + 1)).map_err(at)?);
    }
    let mut outgoing = Vec::new();
    for (i, s) in raw.outgoing.into_iter().enumerate() {
        outgoing.push(server(s, false, &format!("outgoing {}", i + 1)).map_err(at)?);
    }
    for d in raw
        .domains
        .add
        .iter()
        .chain(&raw.domains.drop)
        .chain(&raw.mx.add)
        .chain(&raw.mx.drop)
    {
        let ok = !d.is_empty()
            && d.contains('.')
            && d.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
        if !ok {
            return Err(at(format!("{d:?} is not a lower-case ASCII domain")));
        }
    }
    if raw.record.is_none() && (raw.name.is_none() || raw.domains.add.is_empty()) {
        return Err(at(
            "a new provider (no `record`) needs a name and domains.add".into(),
        ));
    }
    Ok(Reviewed {
        file: file.to_owned(),
        record: raw.record,
        name: raw.name,
        requirements,
        offers_no,
        unconfirmed: raw.unconfirmed,
        pages,
        domains: raw.domains,
        mx: raw.mx,
        incoming,
        outgoing,
    })
}

/// Reads every `*.toml` in `dir`, sorted by file name. A missing folder is
/// an empty layer.
pub fn read_dir(dir: &Path) -> Result<Vec<Reviewed>, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(Vec::new());
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let file = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.push(parse(&file, &text)?);
    }
    Ok(out)
}

/// One row of `data/top-domains.txt`.
pub struct Ranked {
    pub rank: usize,
    pub domain: String,
    pub file: String,
}

/// Reads the ranked list: `rank domain file region` per line, `#` comments.
/// Ranks must run 1, 2, 3, … and domains must be unique.
pub fn read_ranking(path: &Path) -> Result<Vec<Ranked>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out: Vec<Ranked> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split_whitespace().collect();
        let [rank, domain, file, _region] = f[..] else {
            return Err(format!("{}:{}: expected 4 columns", path.display(), n + 1));
        };
        let rank: usize = rank
            .parse()
            .map_err(|_| format!("{}:{}: bad rank", path.display(), n + 1))?;
        if rank != out.len() + 1 || out.iter().any(|r| r.domain == domain) {
            return Err(format!(
                "{}:{}: ranks must run 1, 2, 3 and domains be unique",
                path.display(),
                n + 1
            ));
        }
        out.push(Ranked {
            rank,
            domain: domain.to_owned(),
            file: file.to_owned(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
record = "example"
[[source]]
url = "https://help.example.com/imap"
checked = "2026-12-03"
[[incoming]]
protocol = "imap"
hostname = "imap.example.com"
port = 993
security = "implicit-tls"
"#;

    #[test]
    fn a_complete_entry_reads() {
        let r = parse("example", GOOD).unwrap();
        assert_eq!(r.pages[0].checked, "2026-12-03");
        assert_eq!(r.incoming[0].server.auth, [Auth::Password]);
        assert!(!r.incoming[0].auth_given);
    }

    #[test]
    fn an_entry_without_a_source_url_or_date_is_refused() {
        let no_url = GOOD.replace("url = \"https://help.example.com/imap\"\n", "");
        assert!(parse("x", &no_url).unwrap_err().contains("no url"));
        let no_date = GOOD.replace("checked = \"2026-12-03\"\n", "");
        assert!(parse("x", &no_date)
            .unwrap_err()
            .contains("no checked date"));
        let bad_date = GOOD.replace("2026-12-03", "2026-02-30");
        assert!(parse("x", &bad_date)
            .unwrap_err()
            .contains("not a YYYY-MM-DD"));
        let no_source = "record = \"example\"\n";
        assert!(parse("x", no_source).unwrap_err().contains("no [[source]]"));
    }

    #[test]
    fn derived_codes_and_misplaced_keys_are_refused() {
        let oauth = format!("requirements = [\"oauth2-only\"]\n{GOOD}");
        assert!(parse("x", &oauth)
            .unwrap_err()
            .contains("follows from the servers"));
        // A top-level key written after a table belongs to that table.
        let late = format!("{GOOD}requirements = [\"app-password\"]\n");
        assert!(parse("x", &late).is_err());
        let smtp_in = GOOD.replace("\"imap\"", "\"smtp\"");
        assert!(parse("x", &smtp_in)
            .unwrap_err()
            .contains("does not belong"));
    }

    #[test]
    fn dates_are_checked_as_dates() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(!is_date("2026-13-01"));
        assert!(!is_date("26-12-03"));
    }
}
