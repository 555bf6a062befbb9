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
mod reviewed;
mod sources;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use mailports::providers::{self, Alternative, ProviderStatus, Requirement, Source, SourceRef};
use mailports::settings::{MailProtocol, Server};
use serde::Serialize;

use reviewed::{Ranked, Reviewed};
use sources::{DcProvider, DcStatus, IspProvider, NmService, SourceInfo};

/// The merge rules, written into the data file's header.
const MERGE_RULES: &[&str] = &[
    "Merge rules (applied in this order):",
    "1. Thunderbird ISPDB: one record per file (id = file name). Its server lists win for every",
    "   domain it covers. Domains listed right after an XML comment that mentions MX are also",
    "   kept as MX patterns (`mx`). A domain in two files stays with the first file by name.",
    "2. Delta Chat: for domains an ISPDB record covers, it adds requirement codes (its own",
    "   verdict about the Delta Chat app only feeds those rules), and its servers only as",
    "   alternatives where they differ (so zoho.com keeps the ISPDB's US servers first).",
    "   Domains ISPDB lacks join the covered ISPDB record whose host names include all of",
    "   Delta Chat's (any covered one when Delta Chat lists no servers), else form a record",
    "   of their own (id = Delta Chat file name) with Delta Chat's servers. The placeholder",
    "   provider for example.com/.org/.net is skipped, and so are domains that are not",
    "   domain names (wildcards, single labels).",
    "3. nodemailer: a service joins the record that owns one of its domains or already uses",
    "   its SMTP host; there it adds its missing domains, and its SMTP server only when the",
    "   record has no outgoing server and is not broken. Otherwise it forms an SMTP-only",
    "   record (id = service key, lower case) with status unknown.",
    "   A domain that ISPDB lists only after an MX comment is an MX pattern, not a mail",
    "   domain, unless it is the record's id or another source lists it as a mail domain.",
    "4. Reviewed layer (data/reviewed/*.toml, our own, checked against the providers' help",
    "   pages): applied last. It sets the name, adds and drops domains and MX patterns (a",
    "   domain it adds moves from any other record), replaces the servers of each protocol",
    "   it lists, removes the protocols it says are not offered, and its requirement list",
    "   replaces the derived one. Where sources disagree on a server (host, port or TLS",
    "   mode), the preferred source's server stays and the other becomes an alternative",
    "   with its source (reviewed > ISPDB > Delta Chat > nodemailer).",
    "Requirement codes are derived from upstream fields (<enable>, strict_tls,",
    "max_smtp_rcpt_to, .onion and localhost hosts) and keywords in upstream hints, unless",
    "reviewed; oauth2, oauth2-only and no-imap always follow from the servers",
    "(src/requirements.rs). Their texts are our own. Status is not stored: the core derives",
    "it from the requirements and servers. Servers are sorted best first (TLS before",
    "plaintext, IMAP before POP3, implicit TLS before STARTTLS, standard port first).",
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
    sources: Vec<SourceRef>,
    requirements: Vec<Requirement>,
    domains: Vec<String>,
    mx: Vec<String>,
    incoming: Vec<Server>,
    outgoing: Vec<Server>,
    alternatives: Vec<Alternative>,
}

/// A record while merging.
struct Draft {
    record: Record,
    /// The upstream sources that contributed.
    upstream: BTreeSet<Source>,
    /// Delta Chat's verdict, which only feeds the requirement rules.
    dc_status: DcStatus,
    /// Which source gave each main server.
    origin: HashMap<String, Source>,
    /// Texts the requirement keywords are looked for in.
    hints: Vec<String>,
    /// Requirements from upstream fields.
    flags: BTreeSet<Requirement>,
    /// Delta Chat said it has no servers (broken without a server list).
    dc_no_servers: bool,
    /// The reviewed entry applied to this record, if any.
    reviewed: Option<Reviewed>,
}

impl Draft {
    fn new(record: Record, source: Option<Source>) -> Draft {
        let mut d = Draft {
            record,
            upstream: BTreeSet::new(),
            dc_status: DcStatus::Unknown,
            origin: HashMap::new(),
            hints: Vec::new(),
            flags: BTreeSet::new(),
            dc_no_servers: false,
            reviewed: None,
        };
        if let Some(source) = source {
            d.upstream.insert(source);
            for s in d.record.incoming.iter().chain(&d.record.outgoing) {
                d.origin.insert(server_key(s), source);
            }
        }
        d
    }

    /// Keeps `server` from `source` as an alternative unless a main server
    /// or an earlier alternative already has its protocol, host, port and
    /// TLS mode.
    fn offer(&mut self, server: &Server, source: Source) {
        let key = server_key(server);
        let r = &mut self.record;
        if r.incoming
            .iter()
            .chain(&r.outgoing)
            .any(|s| server_key(s) == key)
            || r.alternatives.iter().any(|a| server_key(&a.server) == key)
        {
            return;
        }
        r.alternatives.push(Alternative {
            server: server.clone(),
            source,
        });
    }
}

/// What makes two servers the same for conflict purposes.
fn server_key(s: &Server) -> String {
    format!(
        "{:?} {} {} {:?}",
        s.protocol, s.hostname, s.port, s.security
    )
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
    let layer = reviewed::read_dir(&args.out.join("reviewed"))?;
    let ranking = reviewed::read_ranking(&args.out.join("top-domains.txt"))?;
    let drafts = merge(isp, dc, nm, layer, &mut quirks, &mut stats)?;
    let unconfirmed: Vec<(String, Vec<String>)> = drafts
        .values()
        .filter_map(|d| d.reviewed.as_ref())
        .filter(|r| !r.unconfirmed.is_empty())
        .map(|r| (r.file.clone(), r.unconfirmed.clone()))
        .collect();
    let records = finish(drafts, &info);
    let mut disagreements = 0;
    for r in &records {
        if let Some(problem) =
            mailports::requirements::disagreement(&r.requirements, &r.incoming, &r.outgoing)
        {
            quirks.add(
                "requirement/auth disagreement",
                format!("{}: {problem}", r.id),
            );
            disagreements += 1;
        }
    }
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
    let reviewed_ok = print_review(&records, &ranking, &unconfirmed, disagreements);
    if !reviewed_ok {
        return Err("the reviewed layer does not fit the data (see above)".into());
    }

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
    /// ISPDB MX-comment domains kept as MX patterns only.
    mx_only: usize,
    /// What the reviewed layer changed.
    review_changes: ReviewChanges,
}

#[derive(Default)]
struct ReviewChanges {
    names: usize,
    servers: usize,
    domains_added: usize,
    domains_dropped: usize,
    mx_added: usize,
}

fn merge(
    isp: Vec<IspProvider>,
    dc: Vec<DcProvider>,
    nm: Vec<NmService>,
    layer: Vec<Reviewed>,
    quirks: &mut Quirks,
    stats: &mut Stats,
) -> Result<BTreeMap<String, Draft>, String> {
    let mut drafts: BTreeMap<String, Draft> = BTreeMap::new();
    let mut owner: HashMap<String, String> = HashMap::new();
    // Domains ISPDB lists only after an MX comment, by record.
    let mut mx_only: Vec<(String, String)> = Vec::new();

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
            if p.mx.contains(&d) && d != p.id {
                mx_only.push((p.id.clone(), d.clone()));
            }
            owner.insert(d.clone(), p.id.clone());
            domains.push(d);
        }
        *stats.domains_by.entry("ispdb").or_default() += domains.len();
        *stats.records_by.entry("ispdb").or_default() += 1;
        let mut draft = Draft::new(
            Record {
                id: p.id.clone(),
                name: p.name,
                sources: Vec::new(),
                requirements: Vec::new(),
                domains,
                mx: p.mx,
                incoming: p.incoming,
                outgoing: p.outgoing,
                alternatives: Vec::new(),
            },
            Some(Source::Ispdb),
        );
        draft.hints = p.hints;
        drafts.insert(p.id, draft);
    }

    // 2. Delta Chat.
    let mut dc_mail_domains: BTreeSet<String> = BTreeSet::new();
    for p in dc {
        dc_mail_domains.extend(p.domains.iter().cloned());
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
            for s in p.incoming.iter().chain(&p.outgoing) {
                draft.offer(s, Source::Deltachat);
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
        let mut draft = Draft::new(
            Record {
                id: id.clone(),
                name: p.name.clone(),
                sources: Vec::new(),
                requirements: Vec::new(),
                domains: uncovered,
                mx: Vec::new(),
                incoming: p.incoming.clone(),
                outgoing: p.outgoing.clone(),
                alternatives: Vec::new(),
            },
            Some(Source::Deltachat),
        );
        apply_dc(&mut draft, &p, quirks);
        drafts.insert(id, draft);
    }

    // 3. nodemailer.
    let mut nm_mail_domains: BTreeSet<String> = BTreeSet::new();
    for s in nm {
        nm_mail_domains.extend(s.domains.iter().cloned());
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
                    d.upstream.insert(Source::Nodemailer);
                }
            }
            if let Some(d) = drafts.get_mut(&first) {
                for dom in uncovered {
                    owner.insert(dom.clone(), first.clone());
                    d.record.domains.push(dom);
                    *stats.domains_by.entry("nodemailer").or_default() += 1;
                }
                if let Some(server) = &s.server {
                    if d.record.outgoing.is_empty() && d.dc_status != DcStatus::Broken {
                        d.origin.insert(server_key(server), Source::Nodemailer);
                        d.record.outgoing.push(server.clone());
                    } else {
                        d.offer(server, Source::Nodemailer);
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
            Draft::new(
                Record {
                    id,
                    name: s.name,
                    sources: Vec::new(),
                    requirements: Vec::new(),
                    domains: uncovered,
                    mx: Vec::new(),
                    incoming: Vec::new(),
                    outgoing: vec![server],
                    alternatives: Vec::new(),
                },
                Some(Source::Nodemailer),
            ),
        );
    }

    // ISPDB's MX-comment domains that no source calls a mail domain are MX
    // patterns only (kept in `mx`).
    for (id, d) in mx_only {
        if dc_mail_domains.contains(&d) || nm_mail_domains.contains(&d) {
            continue;
        }
        if let Some(draft) = drafts.get_mut(&id) {
            draft.record.domains.retain(|x| *x != d);
            owner.remove(&d);
            stats.mx_only += 1;
        }
    }

    // 4. The reviewed layer.
    for r in layer {
        let id = r.record.clone().unwrap_or_else(|| r.file.clone());
        if r.record.is_some() && !drafts.contains_key(&id) {
            return Err(format!(
                "data/reviewed/{}.toml: record {id:?} is not in the upstream data",
                r.file
            ));
        }
        if r.record.is_none() && drafts.contains_key(&id) {
            return Err(format!(
                "data/reviewed/{}.toml: a record {id:?} exists; name it with `record`",
                r.file
            ));
        }
        if let Some(d) = drafts.get(&id) {
            if let Some(other) = &d.reviewed {
                return Err(format!(
                    "data/reviewed/{}.toml and {}.toml both amend {id:?}",
                    other.file, r.file
                ));
            }
        }
        // Domains it adds move here from wherever they were.
        for dom in &r.domains.add {
            if let Some(prev) = owner.get(dom).cloned() {
                if prev == id {
                    continue;
                }
                if let Some(other) = drafts.get_mut(&prev) {
                    other.record.domains.retain(|x| x != dom);
                }
                quirks.add(
                    "domain moved by the reviewed layer",
                    format!("{dom}: {prev} -> {id} ({}.toml)", r.file),
                );
            }
        }
        let draft = drafts.entry(id.clone()).or_insert_with(|| {
            *stats.records_by.entry("reviewed").or_default() += 1;
            Draft::new(
                Record {
                    id: id.clone(),
                    name: String::new(),
                    sources: Vec::new(),
                    requirements: Vec::new(),
                    domains: Vec::new(),
                    mx: Vec::new(),
                    incoming: Vec::new(),
                    outgoing: Vec::new(),
                    alternatives: Vec::new(),
                },
                None,
            )
        });
        apply_reviewed(draft, &r, quirks, stats);
        for dom in &r.domains.add {
            owner.insert(dom.clone(), id.clone());
        }
        for dom in &r.domains.drop {
            if owner.get(dom) == Some(&id) {
                owner.remove(dom);
            }
        }
        draft.reviewed = Some(r);
    }
    Ok(drafts)
}

/// Applies one reviewed entry to its record (see MERGE_RULES, step 4).
fn apply_reviewed(draft: &mut Draft, r: &Reviewed, quirks: &mut Quirks, stats: &mut Stats) {
    let id = draft.record.id.clone();
    if let Some(name) = &r.name {
        if *name != draft.record.name {
            stats.review_changes.names += 1;
        }
        draft.record.name = name.clone();
    }
    for dom in &r.domains.drop {
        if draft.record.domains.contains(dom) {
            draft.record.domains.retain(|x| x != dom);
            stats.review_changes.domains_dropped += 1;
        } else {
            quirks.add(
                "reviewed drop of a domain the record does not have",
                format!("{id}: {dom} ({}.toml)", r.file),
            );
        }
    }
    for dom in &r.domains.add {
        if !draft.record.domains.contains(dom) {
            draft.record.domains.push(dom.clone());
            stats.review_changes.domains_added += 1;
        }
    }
    draft.record.mx.retain(|m| !r.mx.drop.contains(m));
    for m in &r.mx.add {
        if !draft.record.mx.contains(m) {
            draft.record.mx.push(m.clone());
            stats.review_changes.mx_added += 1;
        }
    }
    // Protocols not offered at all.
    for p in &r.offers_no {
        let before = draft.record.incoming.len() + draft.record.outgoing.len();
        draft.record.incoming.retain(|s| s.protocol != *p);
        draft.record.outgoing.retain(|s| s.protocol != *p);
        draft
            .record
            .alternatives
            .retain(|a| a.server.protocol != *p);
        if draft.record.incoming.len() + draft.record.outgoing.len() != before {
            stats.review_changes.servers += 1;
        }
    }
    // Servers, protocol by protocol.
    let reviewed: Vec<&reviewed::ReviewedServer> = r.incoming.iter().chain(&r.outgoing).collect();
    for protocol in [MailProtocol::Imap, MailProtocol::Pop3, MailProtocol::Smtp] {
        let mine: Vec<&&reviewed::ReviewedServer> = reviewed
            .iter()
            .filter(|s| s.server.protocol == protocol)
            .collect();
        if mine.is_empty() {
            continue;
        }
        let list = if protocol == MailProtocol::Smtp {
            &mut draft.record.outgoing
        } else {
            &mut draft.record.incoming
        };
        let old: Vec<Server> = list
            .iter()
            .filter(|s| s.protocol == protocol)
            .cloned()
            .collect();
        list.retain(|s| s.protocol != protocol);
        let mut changed = false;
        for rs in &mine {
            let mut server = rs.server.clone();
            let key = server_key(&server);
            match old.iter().find(|o| server_key(o) == key) {
                Some(o) => {
                    if !rs.auth_given {
                        server.auth = o.auth.clone();
                    }
                    if !rs.username_given {
                        server.username = o.username.clone();
                    }
                    if server != *o {
                        changed = true;
                    }
                }
                None => changed = true,
            }
            draft.origin.insert(key, Source::Reviewed);
            list.push(server);
        }
        let displaced: Vec<Server> = old
            .into_iter()
            .filter(|o| {
                !mine
                    .iter()
                    .any(|rs| server_key(&rs.server) == server_key(o))
            })
            .collect();
        if !displaced.is_empty() {
            changed = true;
        }
        for o in displaced {
            let source = draft
                .origin
                .get(&server_key(&o))
                .copied()
                .unwrap_or(Source::Ispdb);
            draft.offer(&o, source);
        }
        if changed {
            stats.review_changes.servers += 1;
        }
    }
}

/// Adds what Delta Chat knows to a record: its verdict (worst wins; it only
/// feeds the requirement rules), source, hints and field-derived
/// requirement flags.
fn apply_dc(draft: &mut Draft, p: &DcProvider, quirks: &mut Quirks) {
    let rank = |s: DcStatus| match s {
        DcStatus::Unknown => 0,
        DcStatus::Ok => 1,
        DcStatus::Preparation => 2,
        DcStatus::Broken => 3,
    };
    if draft.dc_status != DcStatus::Unknown && draft.dc_status != p.status {
        quirks.add(
            "Delta Chat files disagree on one record's status (worst kept)",
            format!(
                "{}: {:?} and {:?} ({})",
                draft.record.id, draft.dc_status, p.status, p.file
            ),
        );
    }
    if rank(p.status) > rank(draft.dc_status) {
        draft.dc_status = p.status;
    }
    draft.upstream.insert(Source::Deltachat);
    draft.hints.extend(p.hints.iter().cloned());
    draft.flags.extend(p.flags.iter().copied());
    if p.status == DcStatus::Broken && p.incoming.is_empty() && p.outgoing.is_empty() {
        draft.dc_no_servers = true;
    }
}

/// Turns merged drafts into records: requirements, sources, order.
fn finish(drafts: BTreeMap<String, Draft>, info: &SourceInfo) -> Vec<Record> {
    let date_of = |folder: &str| {
        info.rows
            .iter()
            .find(|r| r.folder == folder)
            .map(|r| r.date.clone())
            .filter(|d| reviewed::is_date(d))
    };
    drafts
        .into_values()
        // A record left with no domain and no MX pattern (its domains moved
        // to a reviewed record) can never be reached; relay services from
        // nodemailer are kept (they are found by id).
        .filter(|d| {
            !d.record.domains.is_empty()
                || !d.record.mx.is_empty()
                || d.upstream.iter().eq([&Source::Nodemailer])
        })
        .map(|mut d| {
            let r = &mut d.record;
            providers::sort_servers(&mut r.incoming);
            providers::sort_servers(&mut r.outgoing);
            let mut alternatives = std::mem::take(&mut r.alternatives);
            alternatives.retain(|a| {
                !r.incoming
                    .iter()
                    .chain(&r.outgoing)
                    .any(|s| server_key(s) == server_key(&a.server))
            });
            let mut alt_servers: Vec<(Server, Source)> = alternatives
                .into_iter()
                .map(|a| (a.server, a.source))
                .collect();
            // Best first, like the main lists: sort the servers and keep each
            // one's source beside it.
            let mut only: Vec<Server> = alt_servers.iter().map(|(s, _)| s.clone()).collect();
            providers::sort_servers(&mut only);
            r.alternatives = only
                .into_iter()
                .filter_map(|s| {
                    let i = alt_servers.iter().position(|(x, _)| *x == s)?;
                    let (server, source) = alt_servers.remove(i);
                    Some(Alternative { server, source })
                })
                .collect();
            r.domains.sort();
            r.domains.dedup();
            r.mx.sort();
            r.mx.dedup();
            let mut requirements = match d.reviewed.as_ref().and_then(|x| x.requirements.clone()) {
                Some(list) => list,
                None => derive::requirements(
                    &r.incoming,
                    &r.outgoing,
                    d.dc_status,
                    &d.hints,
                    &d.flags,
                    d.dc_no_servers,
                ),
            };
            mailports::requirements::normalize(&mut requirements, &r.incoming, &r.outgoing);
            r.requirements = requirements;
            let mut sources = Vec::new();
            if let Some(rev) = &d.reviewed {
                // The provider's own pages first, then second-hand ones.
                let mut pages: Vec<&reviewed::Page> = rev.pages.iter().collect();
                pages.sort_by_key(|p| p.second_hand);
                for page in pages {
                    sources.push(SourceRef {
                        name: Source::Reviewed,
                        url: Some(page.url.clone()),
                        checked: Some(page.checked.clone()),
                        second_hand: page.second_hand,
                    });
                }
            }
            for s in &d.upstream {
                let folder = match s {
                    Source::Ispdb => "ispdb/",
                    Source::Deltachat => "deltachat-provider-db/",
                    Source::Nodemailer => "nodemailer/",
                    Source::Reviewed | Source::Custom => continue,
                };
                sources.push(SourceRef {
                    name: *s,
                    url: None,
                    checked: date_of(folder),
                    second_hand: false,
                });
            }
            r.sources = sources;
            d.record
        })
        .collect()
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
    h("Keys: id, name, sources [{name, url?, checked, secondHand?}], requirements (codes),");
    h("domains, mx (MX base domains), incoming/outgoing servers {protocol, hostname, port,");
    h("security, username (template), auth}, alternatives [{server, source}].");
    for r in records {
        let line = serde_json::to_string(r).map_err(|e| e.to_string())?;
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

fn render_attribution(info: &SourceInfo, records: &[Record]) -> String {
    let count = |s: Source| {
        records
            .iter()
            .filter(|r| r.sources.iter().any(|x| x.name == s))
            .count()
    };
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
    out.push_str(&format!(
        "\nThe reviewed layer (`data/reviewed/`, {} records) is mailports' own work, checked\n\
         against the providers' help pages, and licensed like the code (MIT OR Apache-2.0).\n",
        count(Source::Reviewed)
    ));
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
        ("reviewed", Source::Reviewed),
        ("ispdb", Source::Ispdb),
        ("deltachat", Source::Deltachat),
        ("nodemailer", Source::Nodemailer),
    ] {
        println!(
            "  {name}: in {} records, created {}, brought {} domains",
            records
                .iter()
                .filter(|r| r.sources.iter().any(|s| s.name == source))
                .count(),
            stats.records_by.get(name).copied().unwrap_or(0),
            stats.domains_by.get(name).copied().unwrap_or(0),
        );
    }
    let status = |r: &Record| ProviderStatus::derive(&r.requirements, &r.incoming);
    let by_status: Vec<String> = ProviderStatus::NAMES
        .iter()
        .map(|(s, name)| {
            format!(
                "{name} {}",
                records.iter().filter(|r| status(r) == *s).count()
            )
        })
        .collect();
    println!("  status: {}", by_status.join(", "));
    println!(
        "  ISPDB MX-comment domains kept as MX patterns only: {}",
        stats.mx_only
    );
    let c = &stats.review_changes;
    println!(
        "  reviewed layer changed: names {}, server lists {}, domains +{} -{}, MX patterns +{}",
        c.names, c.servers, c.domains_added, c.domains_dropped, c.mx_added
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

/// Prints the review's coverage of the ranked list, conflicts and
/// disagreements; `false` when a ranked domain names a reviewed file that
/// exists but does not own the domain.
fn print_review(
    records: &[Record],
    ranking: &[Ranked],
    unconfirmed: &[(String, Vec<String>)],
    disagreements: usize,
) -> bool {
    let reviewed = |r: &Record| r.sources.iter().any(|s| s.name == Source::Reviewed);
    let owner = |d: &str| records.iter().find(|r| r.domains.iter().any(|x| x == d));
    let mut ok = true;
    let mut done = 0;
    let mut missing: Vec<String> = Vec::new();
    for row in ranking {
        match owner(&row.domain) {
            Some(r) if reviewed(r) => done += 1,
            Some(r) => missing.push(format!(
                "{} {} ({}; upstream only)",
                row.rank, row.domain, r.id
            )),
            None => missing.push(format!("{} {} (no record)", row.rank, row.domain)),
        }
    }
    let files: BTreeSet<&str> = ranking.iter().map(|r| r.file.as_str()).collect();
    let conflicts: usize = records.iter().map(|r| r.alternatives.len()).sum();
    let with_conflicts = records
        .iter()
        .filter(|r| !r.alternatives.is_empty())
        .count();
    println!("review:");
    println!(
        "  ranked domains: {} ({} providers); resolving to a reviewed record: {done}",
        ranking.len(),
        files.len()
    );
    println!(
        "  reviewed records: {}",
        records.iter().filter(|r| reviewed(r)).count()
    );
    println!("  conflicts found: {conflicts} alternative servers in {with_conflicts} records");
    println!("  requirement/auth disagreements: {disagreements}");
    if disagreements > 0 {
        ok = false;
    }
    println!("  ranked domains not reviewed ({}):", missing.len());
    for m in &missing {
        println!("    - {m}");
    }
    println!("  what reviewers could not confirm:");
    for (file, list) in unconfirmed {
        for u in list {
            println!("    - {file}: {u}");
        }
    }
    ok
}

/// Where a path is shown relative to.
pub fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
}
