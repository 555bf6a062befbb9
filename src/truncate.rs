//! Shortening text that is quoted back in an error or kept from a hostile
//! document: at most so many characters, an ellipsis where it was cut.
//!
//! ```
//! // The module is the crate's own; its behaviour shows in the errors:
//! let err = mailports::export::ExportFormat::parse(&"x".repeat(50)).unwrap_err();
//! assert!(err.to_string().contains(&format!("{}…", "x".repeat(40))));
//! ```

/// `text` cut after `max` characters, with `…` added where it was cut.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", text.get(..i).unwrap_or_default()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn cuts_after_max_characters() {
        assert_eq!(truncate("abcdef", 3), "abc…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("äöüß", 2), "äö…");
        assert_eq!(truncate("", 0), "");
    }
}
