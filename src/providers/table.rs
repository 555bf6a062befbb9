//! The built-in provider table that `build.rs` compiles from
//! `data/providers.jsonl`: tab-separated lines, each starting with the
//! provider's domains, with one-letter codes and shorthand, read here without
//! a JSON parser.
//!
//! ```
//! let all: Vec<_> = mailports::providers::domains().collect();
//! assert!(all.contains(&"fastmail.com"));
//! ```

use super::types::count;
use super::{
    Alternative, ProviderMatch, ProviderStatus, ProviderSummary, Requirement, Source, SourceRef,
};
use crate::ports::Security;
use crate::settings::{Auth, MailProtocol, Server};
use crate::small_sort::sort_heap;
use std::sync::OnceLock;

mod data {
    #[allow(unused_imports)] // only the check of requirement codes uses it
    use super::Requirement;
    include!(concat!(env!("OUT_DIR"), "/providers_data.rs"));
}

/// One line of `data::PROVIDERS`:
/// `domains id name sources requirements mx servers alternatives`, separated
/// by tabs (see build.rs).
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The provider's domains, sorted, `,`-separated.
    domains: &'static str,
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
            domains: next()?,
            id: next()?,
            name: next()?,
            sources: next()?,
            requirements: next()?,
            mx: next()?,
            servers: next()?,
            alternatives: next()?,
        })
    }

    /// The provider's domains, in the table's (sorted) order.
    fn each_domain(&self) -> impl Iterator<Item = &'static str> {
        self.domains.split(',').filter(|d| !d.is_empty())
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
            incoming: count(&incoming),
            outgoing: count(&outgoing),
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

/// Every built-in domain with its provider's index, sorted by domain: made
/// from the table on first use (one pass and a heap sort of about 1,500
/// entries), so lookups are binary searches.
fn domain_index() -> &'static [(&'static str, usize)] {
    static INDEX: OnceLock<Vec<(&'static str, usize)>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut all: Vec<(&'static str, usize)> = entries()
            .enumerate()
            .flat_map(|(i, e)| e.each_domain().map(move |d| (d, i)))
            .collect();
        sort_heap(&mut all, |a, b| a.0 < b.0);
        all
    })
}

/// Every built-in email domain in table order (grouped by provider, not
/// sorted), read straight from the table: for a caller that sorts or hashes
/// them itself, such as the suggestion index, so that its first use does not
/// also sort them for [`domains`].
pub(crate) fn domains_unsorted() -> impl Iterator<Item = &'static str> {
    entries().flat_map(|e| e.each_domain())
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
    domain_index().iter().map(|&(d, _)| d)
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

/// The built-in provider index of `domain`.
fn builtin_index(domain: &str) -> Option<usize> {
    let index = domain_index();
    let at = index.binary_search_by(|&(d, _)| d.cmp(domain)).ok()?;
    index.get(at).map(|&(_, provider)| provider)
}

/// The built-in match for `domain`, placeholders not yet filled in.
pub(super) fn match_domain(domain: &str) -> Option<ProviderMatch> {
    Some(entry(builtin_index(domain)?)?.to_match(domain))
}

/// The built-in record with this id, `domain` set to its first domain.
pub(super) fn by_id(id: &str) -> Option<ProviderMatch> {
    let e = entries().find(|e| e.id == id)?;
    let domain = e.each_domain().next().unwrap_or("");
    Some(e.to_match(domain))
}

/// Every built-in provider, sorted by id.
pub(super) fn summaries() -> impl Iterator<Item = ProviderSummary> {
    entries().map(|e| e.summary(e.each_domain().map(str::to_owned).collect()))
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

    /// Every domain of the data file finds its own record, and nothing else
    /// does (prefixes, suffixes and other fields of a line are no domains).
    #[test]
    fn every_domain_finds_its_record() {
        let text = include_str!("../../data/providers.jsonl");
        let mut count = 0;
        for record in text.lines().filter(|l| l.starts_with('{')) {
            let record: serde_json::Value = serde_json::from_str(record).unwrap();
            for d in record["domains"].as_array().unwrap() {
                let d = d.as_str().unwrap();
                let found = builtin_index(d).and_then(entry).map(|e| e.id);
                assert_eq!(found, record["id"].as_str(), "{d}");
                count += 1;
            }
        }
        assert_eq!(domains().count(), count);
        for not_one in [
            "",
            "gmail",
            "mail.com.",
            "ail.com",
            "imap.gmail.com",
            "gmx.net,gmx.de",
        ] {
            if !domains().any(|d| d == not_one) {
                assert_eq!(builtin_index(not_one), None, "{not_one}");
            }
        }
    }
}
