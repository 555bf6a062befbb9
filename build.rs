//! Turns the committed provider data (`data/providers.jsonl`, written by the
//! importer in `importer/`) into compact static tables for `src/providers/table.rs`.
//!
//! The wasm must not carry a JSON parser or the JSON itself, so this script
//! writes `$OUT_DIR/providers_data.rs` with one compact static table,
//! `PROVIDERS`: one line per provider, sorted by id, fields separated by tabs:
//! `domains id name sources requirements mx servers alternatives`.
//!
//! - The provider's domains come first, sorted and `,`-separated; a domain is
//!   found by scanning the lines' first fields. Measured against a separate sorted domain list with two index
//!   bytes per domain (for a binary search), this is 1.1 KB smaller after
//!   brotli: the index bytes do not compress, and a provider's domains look
//!   alike.
//! - Enums are one-letter codes (src/codes.rs), servers
//!   `<protocol><security><port> <host> <user> <auth letters>` separated by
//!   `;` (see `src/providers/table.rs`).
//! - Sources are `|`-separated: a letter and the date as eight digits; a
//!   reviewed entry is its first page only (`s` when that page is not the
//!   provider's own), without the URL. Alternatives are servers prefixed with
//!   the letter of their source, without the `=` shorthand.
//! - Within a provider's servers, `=` stands for the previous server's host,
//!   user or auth letters, and `$` in a host name for the provider id
//!   (`imap.$` for `imap.gmx.net` under `gmx.net`): 1.1 KB less after brotli,
//!   measured, because most providers repeat one host name and user template.
//!
//! Measured against integer tables with interned strings, this text form is
//! about 7 KB smaller after brotli: host names sit next to their domains and
//! compress far better than offsets. Every value is checked here (unknown
//! enum values fail the build) and the requirement codes once more by the
//! compiler.
//!
//! A missing data file yields empty tables (and a warning), so the importer
//! can be built before it has written the file for the first time.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

fn main() {
    // MAILPORTS_PROVIDER_DATA points at another data file (e.g. an empty one,
    // to measure what the data adds to the wasm).
    println!("cargo:rerun-if-env-changed=MAILPORTS_PROVIDER_DATA");
    let custom = std::env::var_os("MAILPORTS_PROVIDER_DATA");
    let data = custom
        .as_deref()
        .map_or(Path::new("data/providers.jsonl"), Path::new);
    println!("cargo:rerun-if-changed={}", data.display());
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/codes.rs");
    let text = match std::fs::read_to_string(data) {
        Ok(t) => t,
        Err(e) => {
            println!(
                "cargo:warning=no provider data ({}: {e}); building with an empty provider table",
                data.display()
            );
            String::new()
        }
    };
    let code = match generate(&text) {
        Ok(c) => c,
        Err(e) => panic!("{}: {e}", data.display()),
    };
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("providers_data.rs");
    std::fs::write(&out, code).expect("write providers_data.rs");
}

/// `"implicit-tls"` → `"ImplicitTls"`.
fn variant(kebab: &str) -> Result<String, String> {
    if kebab.is_empty()
        || !kebab
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(format!("not a kebab-case enum value: {kebab:?}"));
    }
    Ok(kebab
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect())
}

fn str_field<'a>(v: &'a Value, key: &str) -> Result<&'a str, String> {
    v.get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("missing string field {key:?}"))
}

fn list_field<'a>(v: &'a Value, key: &str) -> Result<&'a [Value], String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .ok_or_else(|| format!("missing list field {key:?}"))
}

fn strings<'a>(v: &'a Value, key: &str) -> Result<Vec<&'a str>, String> {
    list_field(v, key)?
        .iter()
        .map(|x| x.as_str().ok_or_else(|| format!("{key}: not a string")))
        .collect()
}

/// The crate's `named_enum!` (src/named.rs) as build.rs reads it: for each
/// enum in src/codes.rs, only its JS names with their one-letter codes.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $js:literal $letter:literal, )*
        }
    ) => {
        #[allow(non_upper_case_globals)]
        pub const $name: &[(&str, char)] = &[$(($js, $letter)),*];
    };
}

/// The enums of the compiled table, shared with the crate: one definition
/// of each variant's JS name and letter.
#[path = "src/codes.rs"]
mod codes;

/// The one-letter code of `value` in `table` (one of [`codes`]).
fn letter(table: &[(&str, char)], kind: &str, value: &str) -> Result<char, String> {
    table
        .iter()
        .find(|(k, _)| *k == value)
        .map(|(_, c)| *c)
        .ok_or_else(|| format!("unknown {kind} {value:?}"))
}

/// The letter of a data source; `custom` is for records a page registers at
/// run time and never appears in the data file.
fn source_letter(name: &str) -> Result<char, String> {
    match name {
        "custom" => Err("the source \"custom\" is not for the data file".into()),
        _ => letter(codes::Source, "source", name),
    }
}

/// A field of a provider line: no separators inside.
fn field(s: &str) -> Result<&str, String> {
    if s.contains(['\t', '\n', '\r', ' ', ';', ',']) || !s.is_ascii() {
        return Err(format!("{s:?} holds a separator or non-ASCII text"));
    }
    Ok(s)
}

/// The server fields `[host, user, auth]` as written to the table: `=` for a
/// field equal to the previous server's, and `$` for the provider id inside a
/// host name (src/providers/table.rs reverses both).
fn shorten(parts: [&str; 3], previous: Option<&[String; 3]>, id: &str) -> [String; 3] {
    let mut out = parts.map(str::to_owned);
    for (i, part) in parts.iter().enumerate() {
        if previous.is_some_and(|p| p[i] == *part) {
            out[i] = "=".to_owned();
        } else if i == 0 {
            out[i] = part.replace(id, "$");
        }
    }
    out
}

/// `YYYY-MM-DD` → `YYYYMMDD`, checking the form.
fn check_date(d: &str) -> Result<String, String> {
    let b = d.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !ok {
        return Err(format!("not a YYYY-MM-DD date: {d:?}"));
    }
    Ok(d.replace('-', ""))
}

/// A server object as `(head, [host, user, auth letters])`, where head is
/// `<protocol letter><security letter><port>`.
fn server_parts(s: &Value) -> Result<(String, [String; 3]), String> {
    let protocol = letter(codes::MailProtocol, "protocol", str_field(s, "protocol")?)?;
    let security = letter(codes::Security, "security", str_field(s, "security")?)?;
    let port = s
        .get("port")
        .and_then(Value::as_u64)
        .filter(|p| (1..=65535).contains(p))
        .ok_or_else(|| "port: not 1..=65535".to_string())?;
    let auth: String = strings(s, "auth")?
        .into_iter()
        .map(|a| letter(codes::Auth, "auth", a))
        .collect::<Result<_, _>>()?;
    let host = field(str_field(s, "hostname")?)?;
    let user = field(str_field(s, "username")?)?;
    let parts = [host.to_owned(), user.to_owned(), auth];
    if parts.iter().any(|p| p.contains(['=', '$'])) {
        return Err(format!("{parts:?}: = and $ are reserved"));
    }
    Ok((format!("{protocol}{security}{port}"), parts))
}

fn generate(text: &str) -> Result<String, String> {
    let mut lines: Vec<String> = Vec::new();
    let mut domains: BTreeMap<String, usize> = BTreeMap::new();
    let mut codes: BTreeSet<String> = BTreeSet::new();
    let mut last_id = String::new();

    for (line_no, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |e: String| format!("line {}: {e}", line_no + 1);
        let v: Value = serde_json::from_str(line).map_err(|e| at(e.to_string()))?;
        let id = field(str_field(&v, "id").map_err(at)?).map_err(at)?;
        if id <= last_id.as_str() {
            return Err(at(format!(
                "ids must be sorted and unique: {id:?} after {last_id:?}"
            )));
        }
        last_id = id.to_owned();
        let name = str_field(&v, "name").map_err(at)?;
        if name.contains(|c: char| c.is_control()) || name.is_empty() || name.len() > 255 {
            return Err(at(format!("bad name {name:?}")));
        }
        let index = lines.len();
        let mut own: Vec<&str> = Vec::new();
        for d in strings(&v, "domains").map_err(at)? {
            let d = field(d).map_err(at)?;
            if d.is_empty() || d.len() > 253 || d.bytes().any(|b| b.is_ascii_uppercase()) {
                return Err(at(format!("bad domain {d:?}")));
            }
            if let Some(prev) = domains.insert(d.to_owned(), index) {
                return Err(at(format!("domain {d:?} also belongs to provider #{prev}")));
            }
            own.push(d);
        }
        own.sort_unstable();
        let requirements = strings(&v, "requirements").map_err(at)?;
        for r in &requirements {
            codes.insert(variant(field(r).map_err(at)?).map_err(at)?);
        }
        let mx: Vec<&str> = strings(&v, "mx")
            .map_err(at)?
            .into_iter()
            .map(field)
            .collect::<Result<_, _>>()
            .map_err(at)?;
        let mut servers: Vec<String> = Vec::new();
        let mut previous: Option<[String; 3]> = None;
        for key in ["incoming", "outgoing"] {
            for s in list_field(&v, key).map_err(at)? {
                let (head, parts) = server_parts(s).map_err(at)?;
                if (key == "incoming") == head.starts_with('s') {
                    return Err(at(format!("{key}: wrong protocol {head}")));
                }
                let [host_code, user_code, auth_code] =
                    shorten(parts.each_ref().map(String::as_str), previous.as_ref(), id);
                servers.push(format!("{head} {host_code} {user_code} {auth_code}"));
                previous = Some(parts);
            }
        }
        let mut alternatives: Vec<String> = Vec::new();
        for a in list_field(&v, "alternatives").map_err(at)? {
            let source = source_letter(str_field(a, "source").map_err(at)?).map_err(at)?;
            let server = a
                .get("server")
                .ok_or_else(|| at("alternative without server".into()))?;
            let (head, [host, user, auth]) = server_parts(server).map_err(at)?;
            alternatives.push(format!(
                "{source}{head} {} {user} {auth}",
                host.replace(id, "$")
            ));
        }
        let mut source_items: Vec<String> = Vec::new();
        let mut reviewed_pages = 0;
        for s in list_field(&v, "sources").map_err(at)? {
            let name = str_field(s, "name").map_err(at)?;
            // The wasm carries the first page of a reviewed entry (the
            // provider's own where there is one; the importer lists those
            // first). Every page stays in data/reviewed/ and providers.jsonl:
            // the others cost 2.1 KB of brotli in the core module, measured.
            if name == "reviewed" {
                reviewed_pages += 1;
                if reviewed_pages > 1 {
                    continue;
                }
            }
            let mut code = source_letter(name).map_err(at)?;
            if s.get("secondHand").and_then(Value::as_bool) == Some(true) {
                code = 's';
            }
            let date = match s.get("checked").and_then(Value::as_str) {
                Some(d) => check_date(d).map_err(at)?,
                None => String::new(),
            };
            // The wasm carries no page URLs: they cost 1.8 KB of brotli
            // (0.9 KB for the providers' own pages alone), measured, against
            // the 85 KB page ceiling. Every page stays in data/reviewed/ and
            // providers.jsonl.
            let has_url = s
                .get("url")
                .and_then(Value::as_str)
                .is_some_and(|u| !u.is_empty());
            if name == "reviewed" && (!has_url || date.is_empty()) {
                return Err(at("a reviewed source needs a URL and a date".into()));
            }
            source_items.push(format!("{code}{date}"));
        }
        lines.push(format!(
            "{}\t{id}\t{name}\t{}\t{}\t{}\t{}\t{}",
            own.join(","),
            source_items.join("|"),
            requirements.join(","),
            mx.join(","),
            servers.join(";"),
            alternatives.join(";")
        ));
    }
    let mut out =
        String::from("// @generated by build.rs from data/providers.jsonl — do not edit.\n");
    let _ = writeln!(
        out,
        "pub(super) static PROVIDERS: &str = {:?};",
        lines.join("\n")
    );
    // Every requirement code named in the data must be a variant: checked
    // by the compiler here, read with `Requirement::from_code` at run time.
    let _ = writeln!(
        out,
        "#[allow(dead_code)]\nconst _CODES: [Requirement; {}] = [{}];",
        codes.len(),
        codes
            .iter()
            .map(|c| format!("Requirement::{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(out)
}
