//! Typo suggestion (`suggest`, `suggest_with`, `DomainIndex`, `distance`):
//! no panic, and a suggestion is never the input itself, is a valid domain
//! and keeps the local part.
#![no_main]
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use mailports::email::{normalize_domain, parse_input};
use mailports::suggest::{distance, suggest, suggest_with, DomainIndex, Suggestion};
use mailports_fuzz::{check_error, host, list, text};

fn check(input: &str, result: mailports::Result<Option<Suggestion>>) {
    match result {
        Ok(Some(s)) => {
            let typed = parse_input(input).expect("a suggestion for an invalid input");
            assert_ne!(s.domain, typed.domain, "suggested the input itself");
            assert_eq!(
                normalize_domain(&s.domain).as_deref(),
                Ok(s.domain.as_str())
            );
            let want = match &typed.local {
                Some(local) => format!("{local}@{}", s.domain),
                None => s.domain.clone(),
            };
            assert_eq!(s.full, want);
        }
        Ok(None) => {}
        Err(e) => check_error(&e),
    }
}

fn run(u: &mut Unstructured<'_>) -> Result<()> {
    let input = text(u)?;
    let extra = list(u, 4, host)?;
    let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
    check(&input, suggest(&input, &extra));

    let known = list(u, 6, text)?;
    let index = DomainIndex::new(known.iter().map(String::as_str));
    check(&input, suggest_with(&index, &input, &extra));
    let max_edits = u.int_in_range(0..=3usize)?;
    for (name, edits) in index.neighbours(&input, max_edits) {
        assert!(edits <= max_edits);
        assert_eq!(distance(&input, name), edits, "{input:?} ~ {name:?}");
    }
    // distance() is quadratic; the core only calls it on names of at most
    // 24 bytes (longer ones are matched exactly).
    let other = text(u)?;
    if input.len() <= 64 && other.len() <= 64 {
        assert_eq!(distance(&input, &other), distance(&other, &input));
        assert_eq!(distance(&input, &input), 0);
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
