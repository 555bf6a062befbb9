//! The checks a registered record must pass ([`register`](super::register)):
//! every field in range, host names and domains in normal form, user-name
//! templates with known placeholders only; each refusal names its field.
//!
//! ```
//! use mailports::providers::{register, ProviderRecord};
//! let err = register(ProviderRecord { id: "x y".into(), ..Default::default() }).unwrap_err();
//! assert!(err.to_string().contains("id"));
//! ```

use super::registry::Custom;
use super::{sort_servers, ProviderRecord, Requirement, ServerRecord, REQUIREMENTS};
use crate::arg;
use crate::email;
use crate::placeholders;
use crate::ports::{self, Security};
use crate::settings::{Auth, MailProtocol, Server};
use crate::small_sort::sort_small;
use crate::{Error, Result};

pub(super) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Error {
    Error::InvalidProvider {
        field: field.into(),
        reason: reason.into(),
    }
}

/// The value named `value` in `table`, or an error listing the names.
fn parse_enum<T: Copy>(field: &str, value: &str, table: &[(T, &str)]) -> Result<T> {
    match table.iter().find(|(_, name)| *name == value) {
        Some(&(v, _)) => Ok(v),
        None => Err(invalid(
            field,
            arg::not_one_of(value, &mut table.iter().map(|&(_, name)| name)),
        )),
    }
}

fn check_text(field: &str, value: &str, max_chars: usize) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(invalid(field, "it is empty"));
    }
    if value.chars().count() > max_chars {
        return Err(invalid(
            field,
            format!("it is longer than {max_chars} characters"),
        ));
    }
    refuse_forbidden(field, value)?;
    Ok(value.to_owned())
}

fn check_domains(field: &str, list: &[String], min: usize, max: usize) -> Result<Vec<String>> {
    if list.len() < min {
        return Err(invalid(field, "at least one domain is needed"));
    }
    if list.len() > max {
        return Err(invalid(field, format!("at most {max} domains are allowed")));
    }
    let mut out: Vec<String> = Vec::with_capacity(list.len());
    for (i, d) in list.iter().enumerate() {
        let domain = email::normalize_domain(d)
            .map_err(|e| invalid(format!("{field}[{i}]"), e.to_string()))?;
        if !out.contains(&domain) {
            out.push(domain);
        }
    }
    sort_small(&mut out, |a, b| a < b);
    Ok(out)
}

/// Checks a host name that may hold `%EMAILDOMAIN%`; returns it in ASCII,
/// lower case, without a trailing dot.
fn check_hostname(field: &str, host: &str) -> Result<String> {
    let ascii = placeholders::normalize_template_host(host.trim())
        .map_err(|e| invalid(field, e.to_string()))?;
    if !placeholders::is_template_host(&ascii)
        && !ascii.as_bytes().contains(&b'.')
        && ascii != "localhost"
    {
        return Err(invalid(field, "a host name needs at least one dot"));
    }
    Ok(ascii)
}

/// Refuses text that holds a character [`email::forbidden`] names (controls,
/// invisible and bidirectional formatting, private use, noncharacters).
fn refuse_forbidden(field: &str, value: &str) -> Result<()> {
    match value
        .chars()
        .find_map(|c| email::forbidden(c).map(|k| (c, k)))
    {
        Some((ch, kind)) => Err(invalid(
            field,
            format!("it contains U+{:04X} ({kind})", u32::from(ch)),
        )),
        None => Ok(()),
    }
}

fn check_username(field: &str, value: Option<&str>) -> Result<String> {
    let Some(value) = value else {
        return Ok(placeholders::EMAIL_ADDRESS.to_owned());
    };
    let value = value.trim();
    if value.is_empty() {
        return Ok(placeholders::EMAIL_ADDRESS.to_owned());
    }
    if value.len() > 255 {
        return Err(invalid(field, "it is longer than 255 bytes"));
    }
    refuse_forbidden(field, value)?;
    if !placeholders::only_known(value) {
        return Err(invalid(
            field,
            "a % must start %EMAILADDRESS%, %EMAILLOCALPART% or %EMAILDOMAIN%",
        ));
    }
    Ok(value.to_owned())
}

fn validate_servers(field: &str, list: &[ServerRecord], incoming: bool) -> Result<Vec<Server>> {
    if list.is_empty() {
        return Err(invalid(field, "at least one server is needed"));
    }
    if list.len() > 8 {
        return Err(invalid(field, "at most 8 servers are allowed"));
    }
    let protocols: &[(MailProtocol, &str)] = if incoming {
        &[(MailProtocol::Imap, "imap"), (MailProtocol::Pop3, "pop3")]
    } else {
        &[(MailProtocol::Smtp, "smtp")]
    };
    let mut out = Vec::with_capacity(list.len());
    for (i, s) in list.iter().enumerate() {
        let f = |name: &str| format!("{field}[{i}].{name}");
        let protocol = parse_enum(&f("protocol"), s.protocol.trim(), protocols)?;
        let hostname = check_hostname(&f("hostname"), &s.hostname)?;
        let port = ports::validate_port(s.port).map_err(|e| invalid(f("port"), e.to_string()))?;
        let security = parse_enum(&f("security"), s.security.trim(), Security::NAMES)?;
        let username = check_username(&f("username"), s.username.as_deref())?;
        let mut auth = Vec::new();
        if s.auth.len() > Auth::NAMES.len() {
            return Err(invalid(f("auth"), "too many entries"));
        }
        for (j, a) in s.auth.iter().enumerate() {
            let m = parse_enum(&format!("{}[{j}]", f("auth")), a.trim(), Auth::NAMES)?;
            if !auth.contains(&m) {
                auth.push(m);
            }
        }
        out.push(Server::new(
            protocol, hostname, port, security, username, auth,
        ));
    }
    sort_servers(&mut out);
    Ok(out)
}

pub(super) fn validate(record: ProviderRecord) -> Result<Custom> {
    let id = record.id.trim();
    if id.is_empty() {
        return Err(invalid("id", "it is empty"));
    }
    if id.len() > 64 {
        return Err(invalid("id", "it is longer than 64 characters"));
    }
    if !id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
    {
        return Err(invalid(
            "id",
            "use only ASCII letters, digits, '.', '_' and '-'",
        ));
    }
    let name = check_text("name", &record.name, 100)?;
    if record.requirements.len() > REQUIREMENTS.len() {
        return Err(invalid("requirements", "too many entries"));
    }
    let mut requirements = Vec::new();
    for (i, code) in record.requirements.iter().enumerate() {
        let r = Requirement::from_code(code.trim()).ok_or_else(|| {
            invalid(
                format!("requirements[{i}]"),
                arg::not_one_of(code, &mut REQUIREMENTS.iter().map(|r| r.code)),
            )
        })?;
        if !requirements.contains(&r) {
            requirements.push(r);
        }
    }
    let incoming = validate_servers("incoming", &record.incoming, true)?;
    let outgoing = validate_servers("outgoing", &record.outgoing, false)?;
    // oauth2, oauth2-only and no-imap follow from the servers.
    crate::requirements::normalize(&mut requirements, &incoming, &outgoing);
    Ok(Custom {
        id: id.to_owned(),
        name,
        requirements,
        domains: check_domains("domains", &record.domains, 1, 100)?,
        mx: check_domains("mx", &record.mx, 0, 20)?,
        incoming,
        outgoing,
    })
}
