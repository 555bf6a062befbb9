//! mailports-importer: builds the project's provider data file.
//!
//! ```text
//! cargo run -p mailports-importer --release -- --shared ../shared/data --out data [--check]
//! ```
//!
//! Reads the three upstream sources in `--shared` (see its SOURCES.md):
//! `ispdb/*.xml` (Thunderbird ISPDB, autoconfig XML, read with the core's own
//! parser), `deltachat-provider-db/*.md` (YAML front matter) and
//! `nodemailer/services.json`; merges them by domain (rules in
//! [`MERGE_RULES`]); and writes into `--out`:
//!
//! - `providers.jsonl`: `#` header lines, then one JSON object per provider,
//!   sorted by id, keys in a fixed order;
//! - `ATTRIBUTION.md` and `licenses/*`: credits and the upstream licence texts.
//!
//! It prints coverage (domains, providers, per source) and every upstream
//! quirk it tolerated. With `--check` it writes nothing and exits with status
//! 1 when the committed files differ from what it would write.

mod derive;
mod sources;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mailports::providers::{self, Requirement, Source, Status};
use mailports::settings::{MailProtocol, Server};
use serde::Serialize;

use sources::{DcProvider, IspProvider, NmService, SourceInfo};

/// The merge rules, written into the data file's header.
const MERGE_RULES: &[&str] = &[
    "Merge rules (applied in this order):",
    "1. Thunderbird ISPDB: one record per file (id = file name). Its server lists win for every",
    "   domain it covers. Domains listed right after an XML comment that mentions MX are also",
    "   kept as MX patterns (`mx`). A domain in two files stays with the first file by name.",
    "2. Delta Chat: for domains an ISPDB record covers, it adds its status (ok / preparation /",
    "   broken; the worst wins when several apply) and requirement codes, never its servers",
    "   (so zoho.com keeps the ISPDB's US servers although Delta Chat lists EU ones for it).",
    "   Domains ISPDB lacks join the covered ISPDB record whose host names include all of",
    "   Delta Chat's (any covered one when Delta Chat lists no servers), else form a record",
    "   of their own (id = Delta Chat file name) with Delta Chat's servers. The placeholder",
    "   provider for example.com/.org/.net is skipped, and so are domains that are not",
    "   domain names (wildcards, single labels).",
    "3. nodemailer: a service joins the record that owns one of its domains or already uses",
    "   its SMTP host; there it adds its missing domains, and its SMTP server only when the",
    "   record has no outgoing server and is not broken. Otherwise it forms an SMTP-only",
    "   record (id = service key, lower case) with status unknown.",
    "Status `unknown` = no Delta Chat verdict. Requirement codes are derived from upstream",
    "fields (OAuth2 authentication, <enable>, strict_tls, max_smtp_rcpt_to, .onion and",
    "localhost hosts, missing IMAP) and keywords in upstream hints; their texts are our own",
    "(src/providers.rs). Servers are sorted best first (TLS before plaintext, IMAP before",
    "POP3, implicit TLS before STARTTLS, standard port first).",
];

struct Args {
    shared: PathBuf,
    out: PathBuf,
    check: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut shared = None;
    let mut out = None;
    let mut check = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--shared" => shared = it.next().map(PathBuf::from),
            "--out" => out = it.next().map(PathBuf::from),
            "--check" => check = true,
            "-h" | "--help" => {
                return Err(
                    "usage: mailports-importer --shared <shared/data> --out <data> [--check]"
                        .into(),
                )
            }
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        }
    }
    Ok(Args {
        shared: shared.ok_or("--shared <dir> is required")?,
        out: out.ok_or("--out <dir> is required")?,
        check,
    })
}

/// Upstream oddities seen while importing, grouped by kind.
#[derive(Default)]
pub struct Quirks(BTreeMap<&'static str, Vec<String>>);

impl Quirks {
    pub fn add(&mut self, kind: &'static str, what: String) {
        let list = self.0.entry(kind).or_default();
        if !list.contains(&what) {
            list.push(what);
        }
    }
}

/// One provider record as written to the data file (field order is the key
/// order in the file).
#[derive(Serialize, Clone)]
struct Record {
    id: String,
    name: String,
    status: Status,
    sources: Vec<Source>,
    requirements: Vec<Requirement>,
    domains: Vec<String>,
    mx: Vec<String>,
    incoming: Vec<Server>,
    outgoing: Vec<Server>,
}

/// A record while merging.
struct Draft {
    record: Record,
    /// Texts the requirement keywords are looked for in.
    hints: Vec<String>,
    /// Requirements from upstream fields.
    flags: BTreeSet<Requirement>,
    /// Delta Chat said it has no servers (broken without a server list).
    dc_no_servers: bool,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &Args) -> Result<bool, String> {
    let mut quirks = Quirks::default();
    let info = sources::read_sources_md(&args.shared);
    let isp = sources::read_ispdb(&args.shared.join("ispdb"), &mut quirks)?;
    let dc = sources::read_deltachat(&args.shared.join("deltachat-provider-db"), &mut quirks)?;
    let nm = sources::read_nodemailer(&args.shared.join("nodemailer/services.json"), &mut quirks)?;

    let mut stats = Stats {
        ispdb_files: isp.len(),
        deltachat_files: dc.len(),
        nodemailer_services: nm.len(),
        ..Stats::default()
    };
    let records = merge(isp, dc, nm, &mut quirks, &mut stats);
    for r in &records {
        for (p, s) in r
            .incoming
            .iter()
            .chain(&r.outgoing)
            .map(|s| (s.protocol, s))
        {
            if !providers::standard_port(p, s.security, s.port) {
                quirks.add(
                    "unusual port for the protocol and TLS mode (kept)",
                    format!(
                        "{}: {} {:?} {}:{}",
                        r.id,
                        proto(p),
                        s.security,
                        s.hostname,
                        s.port
                    ),
                );
            }
        }
    }

    let jsonl = render_jsonl(&records, &info)?;
    let attribution = render_attribution(&info, &records);
    let licenses = [
        ("ispdb/LICENSE", "thunderbird-ispdb-MPL-2.0.txt"),
        (
            "deltachat-provider-db/LICENSE",
            "deltachat-provider-db-MPL-2.0.txt",
        ),
        ("nodemailer/LICENSE", "nodemailer-MIT-0.txt"),
    ];
    let mut outputs: Vec<(PathBuf, String)> = vec![
        (args.out.join("providers.jsonl"), jsonl),
        (args.out.join("ATTRIBUTION.md"), attribution),
    ];
    for (from, to) in licenses {
        let text =
            std::fs::read_to_string(args.shared.join(from)).map_err(|e| format!("{from}: {e}"))?;
        outputs.push((args.out.join("licenses").join(to), text));
    }

    print_report(&records, &stats, &quirks);

    if args.check {
        let mut same = true;
        for (path, text) in &outputs {
            if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
                println!("out of date: {}", path.display());
                same = false;
            }
        }
        if same {
            println!("check: the committed files match the sources");
        }
        return Ok(same);
    }
    for (path, text) in &outputs {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(true)
}

fn proto(p: MailProtocol) -> &'static str {
    match p {
        MailProtocol::Imap => "IMAP",
        MailProtocol::Pop3 => "POP3",
        MailProtocol::Smtp => "SMTP",
    }
}

#[derive(Default)]
struct Stats {
    ispdb_files: usize,
    deltachat_files: usize,
    nodemailer_services: usize,
    /// Domains first brought in by each source.
    domains_by: BTreeMap<&'static str, usize>,
    /// Records created by each source.
    records_by: BTreeMap<&'static str, usize>,
}

fn merge(
    isp: Vec<IspProvider>,
    dc: Vec<DcProvider>,
    nm: Vec<NmService>,
    quirks: &mut Quirks,
    stats: &mut Stats,
) -> Vec<Record> {
    let mut drafts: BTreeMap<String, Draft> = BTreeMap::new();
    let mut owner: HashMap<String, String> = HashMap::new();

    // 1. ISPDB.
    for p in isp {
        let mut domains = Vec::new();
        for d in p.domains {
            if let Some(first) = owner.get(&d) {
                quirks.add(
                    "domain listed by two ISPDB files (kept with the first)",
                    format!("{d}: {first} and {}", p.id),
                );
                continue;
            }
            owner.insert(d.clone(), p.id.clone());
            domains.push(d);
        }
        *stats.domains_by.entry("ispdb").or_default() += domains.len();
        *stats.records_by.entry("ispdb").or_default() += 1;
        let mut flags = BTreeSet::new();
        derive::from_isp_servers(&p.incoming, &p.outgoing, &mut flags);
        drafts.insert(
            p.id.clone(),
            Draft {
                record: Record {
                    id: p.id,
                    name: p.name,
                    status: Status::Unknown,
                    sources: vec![Source::Ispdb],
                    requirements: Vec::new(),
                    domains,
                    mx: p.mx,
                    incoming: p.incoming,
                    outgoing: p.outgoing,
                },
                hints: p.hints,
                flags,
                dc_no_servers: false,
            },
        );
    }

    // 2. Delta Chat.
    for p in dc {
        let mut covered: Vec<String> = Vec::new();
        let mut uncovered: Vec<String> = Vec::new();
        for d in &p.domains {
            match owner.get(d) {
                Some(id) => {
                    if !covered.contains(id) {
                        covered.push(id.clone());
                    }
                }
                None => uncovered.push(d.clone()),
            }
        }
        let dc_hosts: BTreeSet<&str> = p
            .incoming
            .iter()
            .chain(&p.outgoing)
            .map(|s| s.hostname.as_str())
            .collect();
        for id in &covered {
            let Some(draft) = drafts.get_mut(id) else {
                continue;
            };
            apply_dc(draft, &p, quirks);
            let hosts: BTreeSet<&str> = draft
                .record
                .incoming
                .iter()
                .chain(&draft.record.outgoing)
                .map(|s| s.hostname.as_str())
                .collect();
            if !dc_hosts.is_empty() && !dc_hosts.is_subset(&hosts) {
                quirks.add(
                    "Delta Chat servers differ from ISPDB's for the same domains (ISPDB kept)",
                    format!(
                        "{id} (Delta Chat {}): ISPDB {} vs Delta Chat {}",
                        p.file,
                        hosts.iter().copied().collect::<Vec<_>>().join(" "),
                        dc_hosts.iter().copied().collect::<Vec<_>>().join(" ")
                    ),
                );
            }
        }
        if uncovered.is_empty() {
            continue;
        }
        // Join a covered ISPDB record that uses the same servers.
        let target = covered.iter().find(|id| {
            drafts.get(*id).is_some_and(|d| {
                let hosts: BTreeSet<&str> = d
                    .record
                    .incoming
                    .iter()
                    .chain(&d.record.outgoing)
                    .map(|s| s.hostname.as_str())
                    .collect();
                // Without servers of its own, Delta Chat defers to ISPDB.
                dc_hosts.is_empty() || dc_hosts.is_subset(&hosts)
            })
        });
        if let Some(id) = target.cloned() {
            if let Some(draft) = drafts.get_mut(&id) {
                for d in uncovered {
                    owner.insert(d.clone(), id.clone());
                    draft.record.domains.push(d);
                    *stats.domains_by.entry("deltachat").or_default() += 1;
                }
            }
            continue;
        }
        let mut id = p.id.clone();
        if drafts.contains_key(&id) {
            quirks.add(
                "record id already taken (suffixed)",
                format!("Delta Chat {} -> {id}-deltachat", p.file),
            );
            id.push_str("-deltachat");
        }
        for d in &uncovered {
            owner.insert(d.clone(), id.clone());
        }
        *stats.domains_by.entry("deltachat").or_default() += uncovered.len();
        *stats.records_by.entry("deltachat").or_default() += 1;
        let mut draft = Draft {
            record: Record {
                id: id.clone(),
                name: p.name.clone(),
                status: Status::Unknown,
                sources: Vec::new(),
                requirements: Vec::new(),
                domains: uncovered,
                mx: Vec::new(),
                incoming: p.incoming.clone(),
                outgoing: p.outgoing.clone(),
            },
            hints: Vec::new(),
            flags: BTreeSet::new(),
            dc_no_servers: false,
        };
        apply_dc(&mut draft, &p, quirks);
        drafts.insert(id, draft);
    }

    // 3. nodemailer.
    for s in nm {
        let mut matched: Vec<String> = Vec::new();
        for d in &s.domains {
            if let Some(id) = owner.get(d) {
                if !matched.contains(id) {
                    matched.push(id.clone());
                }
            }
        }
        if let Some(server) = &s.server {
            for (id, d) in &drafts {
                if d.record
                    .outgoing
                    .iter()
                    .any(|o| o.hostname == server.hostname)
                    && !matched.contains(id)
                {
                    matched.push(id.clone());
                }
            }
        }
        let uncovered: Vec<String> = s
            .domains
            .iter()
            .filter(|d| !owner.contains_key(*d))
            .cloned()
            .collect();
        if let Some(first) = matched.first().cloned() {
            for id in &matched {
                if let Some(d) = drafts.get_mut(id) {
                    if !d.record.sources.contains(&Source::Nodemailer) {
                        d.record.sources.push(Source::Nodemailer);
                    }
                }
            }
            if let Some(d) = drafts.get_mut(&first) {
                for dom in uncovered {
                    owner.insert(dom.clone(), first.clone());
                    d.record.domains.push(dom);
                    *stats.domains_by.entry("nodemailer").or_default() += 1;
                }
                if d.record.outgoing.is_empty() && d.record.status != Status::Broken {
                    if let Some(server) = &s.server {
                        d.record.outgoing.push(server.clone());
                    }
                }
            }
            continue;
        }
        let Some(server) = s.server.clone() else {
            continue; // reported when read
        };
        let mut id = s.id.clone();
        if drafts.contains_key(&id) {
            quirks.add(
                "record id already taken (suffixed)",
                format!("nodemailer {} -> {id}-nodemailer", s.key),
            );
            id.push_str("-nodemailer");
        }
        for d in &uncovered {
            owner.insert(d.clone(), id.clone());
        }
        *stats.domains_by.entry("nodemailer").or_default() += uncovered.len();
        *stats.records_by.entry("nodemailer").or_default() += 1;
        drafts.insert(
            id.clone(),
            Draft {
                record: Record {
                    id,
                    name: s.name,
                    status: Status::Unknown,
                    sources: vec![Source::Nodemailer],
                    requirements: Vec::new(),
                    domains: uncovered,
                    mx: Vec::new(),
                    incoming: Vec::new(),
                    outgoing: vec![server],
                },
                hints: Vec::new(),
                flags: BTreeSet::new(),
                dc_no_servers: false,
            },
        );
    }

    // Finish: requirements, order.
    drafts
        .into_values()
        .map(|mut d| {
            let r = &mut d.record;
            providers::sort_servers(&mut r.incoming);
            providers::sort_servers(&mut r.outgoing);
            r.domains.sort();
            r.mx.sort();
            r.mx.dedup();
            r.sources.sort();
            r.requirements = derive::requirements(
                &r.incoming,
                &r.outgoing,
                r.status,
                &d.hints,
                &d.flags,
                d.dc_no_servers,
            );
            d.record
        })
        .collect()
}

/// Adds what Delta Chat knows to a record: status (worst wins), source, hints
/// and field-derived requirement flags.
fn apply_dc(draft: &mut Draft, p: &DcProvider, quirks: &mut Quirks) {
    let r = &mut draft.record;
    let rank = |s: Status| match s {
        Status::Ok => 1,
        Status::Preparation => 2,
        Status::Broken => 3,
        Status::Unknown => 0,
    };
    if r.status != Status::Unknown && r.status != p.status {
        quirks.add(
            "Delta Chat files disagree on one record's status (worst kept)",
            format!("{}: {:?} and {:?} ({})", r.id, r.status, p.status, p.file),
        );
    }
    if rank(p.status) > rank(r.status) {
        r.status = p.status;
    }
    if !r.sources.contains(&Source::Deltachat) {
        r.sources.push(Source::Deltachat);
    }
    draft.hints.extend(p.hints.iter().cloned());
    draft.flags.extend(p.flags.iter().copied());
    if p.status == Status::Broken && p.incoming.is_empty() && p.outgoing.is_empty() {
        draft.dc_no_servers = true;
    }
}

fn render_jsonl(records: &[Record], info: &SourceInfo) -> Result<String, String> {
    let mut out = String::new();
    let mut h = |line: &str| {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    };
    h("@generated by mailports-importer (importer/) - do not edit; re-run `npm run data:import`.");
    h("Provider settings for mailports, one JSON object per line, sorted by id.");
    h("Licence: MPL-2.0 (derived from MPL-2.0 sources; see data/ATTRIBUTION.md).");
    h("Sources:");
    for s in &info.rows {
        h(&format!(
            "- {}: {} at commit {} ({}), {}",
            s.folder, s.upstream, s.commit, s.date, s.license
        ));
    }
    for line in MERGE_RULES {
        h(line);
    }
    h("Keys: id, name, status (ok|preparation|broken|unknown), sources, requirements (codes),");
    h("domains, mx (MX base domains), incoming/outgoing servers {protocol, hostname, port,");
    h("security, username (template), auth}.");
    for r in records {
        let line = serde_json::to_string(r).map_err(|e| e.to_string())?;
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

fn render_attribution(info: &SourceInfo, records: &[Record]) -> String {
    let count = |s: Source| records.iter().filter(|r| r.sources.contains(&s)).count();
    let mut out = String::from(
        "# Provider data: credits and licences\n\n\
         mailports embeds a table of email providers' server settings in its WebAssembly\n\
         module. The table is built by `importer/` from the three public sources below and\n\
         kept in source form in `data/providers.jsonl` in the mailports repository.\n\n\
         The provider table (`data/providers.jsonl` and the tables compiled from it into\n\
         `mailports_bg.wasm`) is derived from files licensed under the Mozilla Public\n\
         License 2.0, and is itself available under the MPL-2.0. The rest of mailports\n\
         is MIT OR Apache-2.0.\n\n\
         | Source | Upstream | Commit | Licence | Records using it | Licence text |\n\
         | --- | --- | --- | --- | --- | --- |\n",
    );
    let files = [
        (
            "ispdb/",
            "licenses/thunderbird-ispdb-MPL-2.0.txt",
            Source::Ispdb,
            "Thunderbird ISPDB",
        ),
        (
            "deltachat-provider-db/",
            "licenses/deltachat-provider-db-MPL-2.0.txt",
            Source::Deltachat,
            "Delta Chat provider database",
        ),
        (
            "nodemailer/",
            "licenses/nodemailer-MIT-0.txt",
            Source::Nodemailer,
            "nodemailer well-known services",
        ),
    ];
    for (folder, lic, source, title) in files {
        let row = info.rows.iter().find(|r| r.folder == folder);
        let (upstream, commit, license) = row.map_or(("?", "?", "?"), |r| {
            (r.upstream.as_str(), r.commit.as_str(), r.license.as_str())
        });
        out.push_str(&format!(
            "| {title} | {upstream} | `{commit}` | {license} | {} | [{lic}]({lic}) |\n",
            count(source)
        ));
    }
    out.push_str(
        "\nWhat is taken: host names, ports, TLS modes, user-name templates, authentication\n\
         methods, domain lists, provider names, Delta Chat's status, and requirement codes\n\
         derived from upstream fields and keywords. No upstream prose is copied: the\n\
         sentence shown for each requirement code is mailports' own (src/providers.rs).\n\n\
         Under MPL-2.0 §3.2 the source form of the MPL-covered data is `data/providers.jsonl`\n\
         (shipped in the mailports repository) together with the upstream files at the\n\
         commits named above.\n",
    );
    out
}

fn print_report(records: &[Record], stats: &Stats, quirks: &Quirks) {
    let domains: usize = records.iter().map(|r| r.domains.len()).sum();
    let with_domains = records.iter().filter(|r| !r.domains.is_empty()).count();
    let mx: usize = records.iter().map(|r| r.mx.len()).sum();
    println!("coverage:");
    println!("  distinct domains: {domains}");
    println!(
        "  providers: {} ({with_domains} with at least one domain)",
        records.len()
    );
    println!("  MX patterns: {mx}");
    println!(
        "  read: ISPDB {} files, Delta Chat {} providers, nodemailer {} services",
        stats.ispdb_files, stats.deltachat_files, stats.nodemailer_services
    );
    for (name, source) in [
        ("ispdb", Source::Ispdb),
        ("deltachat", Source::Deltachat),
        ("nodemailer", Source::Nodemailer),
    ] {
        println!(
            "  {name}: in {} records, created {}, brought {} domains",
            records
                .iter()
                .filter(|r| r.sources.contains(&source))
                .count(),
            stats.records_by.get(name).copied().unwrap_or(0),
            stats.domains_by.get(name).copied().unwrap_or(0),
        );
    }
    let by_status = |s: Status| records.iter().filter(|r| r.status == s).count();
    println!(
        "  status: ok {}, preparation {}, broken {}, unknown {}",
        by_status(Status::Ok),
        by_status(Status::Preparation),
        by_status(Status::Broken),
        by_status(Status::Unknown)
    );
    let pop_only = records
        .iter()
        .filter(|r| {
            !r.incoming.is_empty() && r.incoming.iter().all(|s| s.protocol == MailProtocol::Pop3)
        })
        .count();
    let smtp_only = records
        .iter()
        .filter(|r| r.incoming.is_empty() && !r.outgoing.is_empty())
        .count();
    println!("  POP3-only: {pop_only}, SMTP-only: {smtp_only}");
    let total: usize = quirks.0.values().map(Vec::len).sum();
    println!("quirks tolerated: {total}");
    for (kind, list) in &quirks.0 {
        println!("  {kind} ({}):", list.len());
        for q in list {
            println!("    - {q}");
        }
    }
}

/// Where a path is shown relative to.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
}
