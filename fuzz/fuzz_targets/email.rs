//! Address and domain normalisation (`parse_input`, `normalize_domain`) on
//! any text: no panic, typed errors, and a stable normal form.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    mailports_fuzz::check_address(text);
});
