//! What the core takes from the platform it runs on, with the native and the
//! wasm variant of each side by side. Natively it is Rust's standard library;
//! in the wasm it is the JS engine, which already has what the standard
//! library would otherwise compile into the module. Both the core modules
//! (`email`, `ports`) and the bindings depend on this module, so the core
//! never imports the bindings.
//!
//! ```
//! assert_eq!(mailports::host::lowercase("ÄRGER.Example"), "ärger.example");
//! assert_eq!(mailports::host::format_number(1.5), "1.5");
//! ```

/// Unicode lower case, character by character, with no context (no final
/// sigma), as `char::to_lowercase` gives it.
#[cfg(not(target_arch = "wasm32"))]
pub fn lowercase(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// Unicode lower case by the JS engine: ASCII here, any other character
/// through `String.prototype.toLowerCase` on that character alone, so that no
/// context (the final sigma) applies, just as with `char::to_lowercase`. The
/// wasm then carries no Unicode case tables.
#[cfg(target_arch = "wasm32")]
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push_str(&String::from(js_sys::JsString::from(c).to_lower_case()));
        }
    }
    out
}

/// A caller's number as the host writes it, for messages that quote it:
/// Rust's `Display` natively (`1.5`, `-0`, `inf`).
#[cfg(not(target_arch = "wasm32"))]
pub fn format_number(value: f64) -> String {
    format!("{value}")
}

/// A caller's number as the JS engine writes it (`Number.prototype.toString`:
/// `1.5`, `0`, `Infinity`, `1e+21`), so the wasm carries no `f64` digit
/// generation (about 8 KB brotli). Both variants give the shortest digits
/// that read back as the same number.
#[cfg(target_arch = "wasm32")]
pub fn format_number(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}
