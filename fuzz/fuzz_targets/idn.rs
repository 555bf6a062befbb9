//! IDN handling: Punycode labels (`xn--…`), Unicode labels, case and width
//! folding, built around the fuzzer's text so most inputs reach the IDN code.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let lower = text.to_lowercase();
    for candidate in [
        format!("xn--{text}.de"),
        format!("mail.xn--{lower}"),
        format!("{text}.xn--p1ai"),
        format!("{lower}.com"),
        format!("ana@{text}.de"),
        format!("ana@xn--{text}.example"),
    ] {
        mailports_fuzz::check_address(&candidate);
    }
});
