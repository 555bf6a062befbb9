//! The JSON format: the checked settings as serde writes them, for scripts.
//!
//! ```
//! use mailports::export::{export, ExportFormat, ExportOptions, ExportSettings};
//! use mailports::ports::Security;
//! use mailports::settings::{Auth, MailProtocol, Server};
//! let server = |protocol, port| Server {
//!     protocol, hostname: "Mail.Example.COM".into(), port, security: Security::ImplicitTls,
//!     username: "%EMAILADDRESS%".into(), auth: vec![Auth::Password],
//! };
//! let settings = ExportSettings {
//!     domain: "example.com".into(), name: None, short_name: None,
//!     incoming: vec![server(MailProtocol::Imap, 993)],
//!     outgoing: vec![server(MailProtocol::Smtp, 465)],
//! };
//! let file = export(&settings, ExportFormat::Json, &ExportOptions::default()).unwrap();
//! assert!(file.content.contains("\"hostname\": \"mail.example.com\""));
//! ```

use super::ExportSettings;

/// The settings as pretty-printed JSON (two-space indents), ending in a
/// newline. Serialising strings, numbers and lists cannot fail; the empty
/// text that would stand for a failure keeps a panic path out of the wasm.
pub(super) fn write(s: &ExportSettings) -> String {
    let mut out = serde_json::to_string_pretty(s).unwrap_or_default();
    out.push('\n');
    out
}
