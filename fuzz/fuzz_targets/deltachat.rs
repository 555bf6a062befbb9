//! The importer's reader of Delta Chat provider files (YAML front matter in
//! Markdown): `read_deltachat` from importer/src/sources.rs, compiled in here
//! as a module (the importer is a binary, not a library). Each input is
//! written as one `.md` file in a scratch folder the reader then reads.
//! No panic; every provider it returns has checked domains and servers.
#![no_main]
use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mailports::email::normalize_domain;

#[allow(dead_code)]
#[path = "../../importer/src/sources.rs"]
mod sources;

/// Stands in for the importer's `Quirks` (what the readers tolerated).
#[derive(Default)]
pub struct Quirks(Vec<(&'static str, String)>);

impl Quirks {
    pub fn add(&mut self, kind: &'static str, what: String) {
        self.0.push((kind, what));
    }
}

fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("mailports-fuzz-deltachat-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    })
}

fuzz_target!(|text: &str| {
    let dir = scratch();
    std::fs::write(dir.join("provider.md"), text).expect("scratch file");
    let mut quirks = Quirks::default();
    let Ok(providers) = sources::read_deltachat(dir, &mut quirks) else {
        return;
    };
    assert!(providers.len() <= 1);
    for p in &providers {
        assert!(!p.domains.is_empty());
        for d in &p.domains {
            assert_eq!(normalize_domain(d).as_deref(), Ok(d.as_str()));
        }
        for s in p.incoming.iter().chain(&p.outgoing) {
            assert!(s.port > 0);
            assert_eq!(
                normalize_domain(&s.hostname).as_deref(),
                Ok(s.hostname.as_str())
            );
        }
    }
});
