//! Domains with upper case outside ASCII, lowered one character at a time
//! (no final sigma): checked natively by tests/email.rs and in the wasm by
//! tests/web.rs, where the browser does the lowering.

/// (input, ASCII form, Unicode form)
pub const UPPER_CASE_DOMAINS: &[(&str, &str, &str)] = &[
    ("MÜNCHEN.DE", "xn--mnchen-3ya.de", "münchen.de"),
    (
        "Ünïcödé.Example",
        "xn--ncd-dma1a7bzb.example",
        "ünïcödé.example",
    ),
    ("ΣΊΣΥΦΟΣ.GR", "xn--kxa6akbbkh.gr", "σίσυφοσ.gr"),
    ("ǅEMAL.ba", "xn--emal-ulb.ba", "ǆemal.ba"),
];
