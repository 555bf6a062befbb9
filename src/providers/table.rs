//! The built-in provider table that `build.rs` compiles from
//! `data/providers.jsonl`: tab-separated lines with one-letter codes and
//! shorthand, and a sorted list of domains, read here without a JSON parser.
//!
//! ```
//! let all: Vec<_> = mailports::providers::domains().collect();
//! assert!(all.contains(&"fastmail.com"));
//! ```

use super::{
    Alternative, ProviderMatch, ProviderStatus, ProviderSummary, Requirement, Source, SourceRef,
};
use crate::ports::Security;
use crate::settings::{Auth, MailProtocol, Server};

mod data {
    #[allow(unused_imports)] // only the check of requirement codes uses it
    use super::Requirement;
    include!(concat!(env!("OUT_DIR"), "/providers_data.rs"));
}

/// One line of `data::PROVIDERS`:
/// `id name sources requirements mx servers alternatives`, separated by tabs
/// (see build.rs).
#[derive(Debug, Clone, Copy)]
struct Entry {
    id: &'static str,
    name: &'static str,
    sources: &'static str,
    requirements: &'static str,
    mx: &'static str,
    servers: &'static str,
    alternatives: &'static str,
}

impl Entry {
    fn parse(line: &'static str) -> Option<Entry> {
        let mut f = line.split('\t');
        let mut next = || f.next();
        Some(Entry {
            id: next()?,
            name: next()?,
            sources: next()?,
            requirements: next()?,
            mx: next()?,
            servers: next()?,
            alternatives: next()?,
        })
    }

    /// The sources field: `|`-separated items, each a source letter and
    /// eight date digits (or none); `s` is a reviewed page that is not the
    /// provider's own. The table carries no URLs (see build.rs).
    fn sources(&self) -> Vec<SourceRef> {
        let mut out = Vec::new();
        for item in self.sources.split('|') {
            let mut chars = item.chars();
            let letter = chars.next().unwrap_or('?');
            let (name, second_hand) = match letter {
                's' => (Source::Reviewed, true),
                other => match Source::from_letter(other) {
                    Some(s) => (s, false),
                    None => continue,
                },
            };
            let date = chars.as_str();
            out.push(SourceRef {
                name,
                url: None,
                // YYYYMMDD -> YYYY-MM-DD, char by char: `split_at` would
                // bring str slicing's panic messages into the wasm (3.2 KB).
                checked: (date.len() == 8).then(|| {
                    let mut out = String::with_capacity(10);
                    for (i, c) in date.chars().enumerate() {
                        if i == 4 || i == 6 {
                            out.push('-');
                        }
                        out.push(c);
                    }
                    out
                }),
                second_hand,
            });
        }
        out
    }

    fn requirements(&self) -> impl Iterator<Item = Requirement> {
        self.requirements
            .split(',')
            .filter_map(Requirement::from_code)
    }

    fn mx(&self) -> impl Iterator<Item = &'static str> {
        self.mx.split(',').filter(|m| !m.is_empty())
    }

    fn servers(&self) -> impl Iterator<Item = Server> {
        let id = self.id;
        let mut previous: Option<Server> = None;
        self.servers.split(';').filter_map(move |text| {
            let server = parse_server(text, id, previous.as_ref())?;
            previous = Some(server.clone());
            Some(server)
        })
    }

    /// Each alternative is a source letter followed by a server in the same
    /// form as `servers`, without the `=` shorthand.
    fn alternatives(&self) -> impl Iterator<Item = Alternative> {
        let id = self.id;
        self.alternatives.split(';').filter_map(move |text| {
            let mut chars = text.chars();
            let source = Source::from_letter(chars.next()?)?;
            let server = parse_server(chars.as_str(), id, None)?;
            Some(Alternative { server, source })
        })
    }

    fn split_servers(&self) -> (Vec<Server>, Vec<Server>) {
        let (mut incoming, mut outgoing) = (Vec::new(), Vec::new());
        for server in self.servers() {
            if server.protocol == MailProtocol::Smtp {
                outgoing.push(server);
            } else {
                incoming.push(server);
            }
        }
        (incoming, outgoing)
    }

    fn summary(&self, domains: Vec<String>) -> ProviderSummary {
        let (incoming, outgoing) = self.split_servers();
        let requirements: Vec<Requirement> = self.requirements().collect();
        let sources = self.sources();
        ProviderSummary {
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            status: ProviderStatus::derive(&requirements, &incoming),
            requirements,
            domains,
            mx: self.mx().map(str::to_owned).collect(),
            incoming: incoming.len(),
            outgoing: outgoing.len(),
            checked: crate::provenance::newest(&sources),
            sources: sources.iter().map(|s| s.name).collect(),
        }
    }

    /// The match for `domain`, placeholders not yet filled in.
    fn to_match(self, domain: &str) -> ProviderMatch {
        let (incoming, outgoing) = self.split_servers();
        let requirements: Vec<Requirement> = self.requirements().collect();
        let sources = self.sources();
        ProviderMatch {
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            domain: domain.to_owned(),
            status: ProviderStatus::derive(&requirements, &incoming),
            requirements,
            incoming,
            outgoing,
            alternatives: self.alternatives().collect(),
            checked: crate::provenance::newest(&sources),
            sources,
        }
    }
}

/// `<protocol><security><port> <host> <user> <auth letters>`, where `=`
/// repeats the field of `previous` (the provider's server before this one)
/// and `$` in the host stands for the provider `id` (see build.rs).
fn parse_server(text: &str, id: &str, previous: Option<&Server>) -> Option<Server> {
    let mut parts = text.split(' ');
    let head = parts.next()?;
    let mut chars = head.chars();
    let protocol = MailProtocol::from_letter(chars.next()?)?;
    let security = Security::from_letter(chars.next()?)?;
    let port = chars.as_str().parse().ok()?;
    let hostname = match parts.next()? {
        "=" => previous?.hostname.clone(),
        host => host.replace('$', id),
    };
    let username = match parts.next()? {
        "=" => previous?.username.clone(),
        user => user.to_owned(),
    };
    let auth = match parts.next()? {
        "=" => previous?.auth.clone(),
        letters => letters.chars().filter_map(Auth::from_letter).collect(),
    };
    Some(Server::new(
        protocol, hostname, port, security, username, auth,
    ))
}

fn entries() -> impl Iterator<Item = Entry> {
    data::PROVIDERS.split('\n').filter_map(Entry::parse)
}

fn entry(index: usize) -> Option<Entry> {
    data::PROVIDERS
        .split('\n')
        .nth(index)
        .and_then(Entry::parse)
}

/// Reads the `DOMAINS` entry that holds byte `pos`: its domain, its
/// provider's index, and the position just past it.
fn domain_entry(pos: usize) -> Option<(&'static str, usize, usize)> {
    let bytes = data::DOMAINS;
    let mut start = pos.min(bytes.len());
    // Back to the start of the domain: just past the previous index bytes.
    while start > 0 && bytes.get(start - 1).is_some_and(|b| b.is_ascii()) {
        start -= 1;
    }
    // If `pos` was inside the index bytes, the domain lies before them.
    if bytes.get(start).is_some_and(|b| !b.is_ascii()) {
        let mut s = start;
        while s > 0 && bytes.get(s - 1).is_some_and(|b| !b.is_ascii()) {
            s -= 1;
        }
        // `s` is the end of this entry's domain; find its start.
        start = s;
        while start > 0 && bytes.get(start - 1).is_some_and(|b| b.is_ascii()) {
            start -= 1;
        }
    }
    let len = bytes.get(start..)?.iter().position(|b| !b.is_ascii())?;
    let end = start + len;
    let hi = usize::from(*bytes.get(end)? & 0x7f);
    let lo = usize::from(*bytes.get(end + 1)? & 0x7f);
    let domain = core::str::from_utf8(bytes.get(start..end)?).ok()?;
    Some((domain, hi << 7 | lo, end + 2))
}

/// Every built-in domain with its provider's index, in order.
fn domain_entries() -> impl Iterator<Item = (&'static str, usize)> {
    let mut pos = 0;
    core::iter::from_fn(move || {
        let (domain, provider, next) = domain_entry(pos)?;
        pos = next;
        Some((domain, provider))
    })
}

/// Every built-in email domain (ASCII, lower case), sorted. Includes MX base
/// domains that the Thunderbird ISPDB lists as domains (e.g. `google.com`);
/// registered records are not included.
///
/// ```
/// let all: Vec<_> = mailports::providers::domains().collect();
/// assert!(all.contains(&"gmail.com"));
/// assert!(all.windows(2).all(|w| w[0] < w[1]));
/// ```
pub fn domains() -> impl Iterator<Item = &'static str> {
    domain_entries().map(|(d, _)| d)
}

/// Every built-in MX pattern with the id of its provider: a mail server host
/// equal to the pattern or ending in `.` + pattern belongs to that provider.
///
/// ```
/// assert!(mailports::providers::mx_patterns()
///     .any(|(mx, id)| mx == "mail.protection.outlook.com" && id == "office365.com"));
/// ```
pub fn mx_patterns() -> impl Iterator<Item = (&'static str, &'static str)> {
    entries().flat_map(|e| e.mx().map(move |m| (m, e.id)))
}

/// The built-in provider index of `domain` (binary search over `DOMAINS`).
fn builtin_index(domain: &str) -> Option<usize> {
    let (mut lo, mut hi) = (0, data::DOMAINS.len());
    while lo < hi {
        let (found, provider, next) = domain_entry(lo + (hi - lo) / 2)?;
        let start = next - 2 - found.len();
        match found.cmp(domain) {
            core::cmp::Ordering::Less => lo = next,
            core::cmp::Ordering::Greater => hi = start,
            core::cmp::Ordering::Equal => return Some(provider),
        }
    }
    None
}

/// The built-in match for `domain`, placeholders not yet filled in.
pub(super) fn match_domain(domain: &str) -> Option<ProviderMatch> {
    Some(entry(builtin_index(domain)?)?.to_match(domain))
}

/// The built-in record with this id, `domain` set to its first domain.
pub(super) fn by_id(id: &str) -> Option<ProviderMatch> {
    let (index, e) = entries().enumerate().find(|(_, e)| e.id == id)?;
    let domain = domain_entries()
        .find(|&(_, p)| p == index)
        .map_or("", |(d, _)| d);
    Some(e.to_match(domain))
}

/// Every built-in provider, sorted by id.
pub(super) fn summaries() -> impl Iterator<Item = ProviderSummary> {
    let all: Vec<Entry> = entries().collect();
    let mut by_provider: Vec<Vec<String>> = vec![Vec::new(); all.len()];
    for (domain, p) in domain_entries() {
        if let Some(list) = by_provider.get_mut(p) {
            list.push(domain.to_owned());
        }
    }
    all.into_iter()
        .zip(by_provider)
        .map(|(e, domains)| e.summary(domains))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The compact table (with its `=` and `$` shorthand, see build.rs) reads
    /// back to exactly the servers of every record in the data file.
    #[test]
    fn table_servers_match_the_data_file() {
        let text = include_str!("../../data/providers.jsonl");
        let records: Vec<serde_json::Value> = text
            .lines()
            .filter(|l| l.starts_with('{'))
            .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
            .collect();
        let table: Vec<Entry> = entries().collect();
        assert_eq!(table.len(), records.len());
        let mut shortened = 0;
        for (entry, record) in table.iter().zip(&records) {
            assert_eq!(entry.id, record["id"]);
            let expected: Vec<serde_json::Value> = ["incoming", "outgoing"]
                .iter()
                .flat_map(|k| record[k].as_array().expect("a server list").clone())
                .collect();
            let got: Vec<serde_json::Value> = entry
                .servers()
                .map(|s| serde_json::to_value(s).expect("a server serialises"))
                .collect();
            assert_eq!(got, expected, "servers of {}", entry.id);
            shortened += entry.servers.matches(['=', '$']).count();
        }
        assert!(shortened > 500, "the shorthand is in use ({shortened})");
    }
}
