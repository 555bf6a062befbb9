//! The one error type of the mailports core.
//!
//! Every fallible function returns [`Error`]. Each variant has a stable,
//! kebab-case [`code`](Error::code) that JavaScript callers can branch on, and a
//! human message (its [`Display`](core::fmt::Display) text).

use core::fmt;

/// What went wrong, with enough detail for a clear message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A port was not a whole number from 1 to 65535. The payload is the
    /// offending value as the caller gave it.
    InvalidPort(String),
    /// An argument had the wrong shape (e.g. a string where an object was
    /// expected). The payload says which argument and what was expected.
    InvalidArgument(String),
    /// Nothing was entered (the input was empty or only whitespace).
    EmptyInput,
    /// The input, or one part of it, is longer than the standards allow.
    TooLong {
        /// Which part: `"input"`, `"address"`, `"local part"`, `"domain"` or
        /// `"label"`.
        what: &'static str,
        /// The largest allowed length, in bytes (octets).
        max: usize,
    },
    /// The input contains a character that never belongs in an address:
    /// a control, an invisible or bidirectional formatting character, a
    /// private-use character or a noncharacter.
    InvalidCharacter {
        /// The offending character.
        ch: char,
        /// What kind of character it is, e.g. `"bidirectional control"`.
        kind: &'static str,
    },
    /// The text is not a usable email address (its shape, or its local part,
    /// is wrong). The payload says why.
    InvalidAddress(String),
    /// The domain is not a usable domain name. The payload says why.
    InvalidDomain(String),
    /// A DNS answer was larger than a DNS message can be (64 KiB). The
    /// payload is its size in bytes.
    DnsTooLarge(usize),
    /// A DNS answer had the truncation (TC) bit set: it is incomplete.
    DnsTruncated,
    /// A DNS answer could not be read. The payload says why.
    DnsMalformed(String),
    /// There is no export format by this name (the payload, shortened).
    UnknownFormat(String),
    /// A server's host name (or the settings' domain) is not a usable DNS name.
    InvalidHostname {
        /// The host name as given (shortened).
        host: String,
        /// Why it was refused.
        reason: Box<Error>,
    },
    /// The settings lack a server the file needs: `"incoming"`, `"outgoing"`
    /// or `"incoming or outgoing"`.
    MissingServer(&'static str),
    /// A piece of free text (a name, a user name) holds a character that
    /// cannot be written safely into a file.
    InvalidText {
        /// Which text, e.g. `"name"`.
        field: &'static str,
        /// The offending character.
        ch: char,
        /// What kind of character it is.
        kind: &'static str,
    },
    /// The chosen file format cannot express these settings. The payload says
    /// what is missing.
    UnsupportedSettings(String),
    /// An autoconfig (`config-v1.1.xml`) document could not be read: it is
    /// malformed, hostile, or not a `<clientConfig>`. The payload says why.
    InvalidAutoconfig(String),
    /// A provider record given to `register_provider` has a bad field.
    InvalidProvider {
        /// Where the problem is, e.g. `"incoming[0].port"`.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl Error {
    /// The stable machine-readable code of this error, e.g. `"invalid-port"`.
    ///
    /// ```
    /// use mailports::Error;
    /// assert_eq!(Error::InvalidPort("0".into()).code(), "invalid-port");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidPort(_) => "invalid-port",
            Error::InvalidArgument(_) => "invalid-argument",
            Error::EmptyInput => "empty-input",
            Error::TooLong { .. } => "too-long",
            Error::InvalidCharacter { .. } => "invalid-character",
            Error::InvalidAddress(_) => "invalid-address",
            Error::InvalidDomain(_) => "invalid-domain",
            Error::DnsTooLarge(_) => "dns-too-large",
            Error::DnsTruncated => "dns-truncated",
            Error::DnsMalformed(_) => "dns-malformed",
            Error::UnknownFormat(_) => "unknown-format",
            Error::InvalidHostname { .. } => "invalid-hostname",
            Error::MissingServer(_) => "missing-server",
            Error::InvalidText { .. } => "invalid-text",
            Error::UnsupportedSettings(_) => "unsupported-settings",
            Error::InvalidAutoconfig(_) => "invalid-autoconfig",
            Error::InvalidProvider { .. } => "invalid-provider",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidPort(v) => write!(
                f,
                "{v} is not a valid port: a port is a whole number from 1 to 65535"
            ),
            Error::InvalidArgument(what) => write!(f, "invalid argument: {what}"),
            Error::EmptyInput => {
                f.write_str("nothing was entered: type an email address or a domain")
            }
            Error::TooLong { what, max } => {
                write!(f, "the {what} is too long: at most {max} bytes are allowed")
            }
            Error::InvalidCharacter { ch, kind } => {
                write!(
                f,
                "the input contains U+{:04X}, {} {kind}, which never belongs in an email address",
                u32::from(*ch),
                if kind.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
            )
            }
            Error::InvalidAddress(why) => write!(f, "this is not a valid email address: {why}"),
            Error::InvalidDomain(why) => write!(f, "this is not a valid domain: {why}"),
            Error::DnsTooLarge(n) => write!(
                f,
                "the DNS answer is {n} bytes, more than a DNS message can hold; it was not read"
            ),
            Error::DnsTruncated => f.write_str(
                "the DNS answer was cut short (truncated), so it cannot be trusted to be complete",
            ),
            Error::DnsMalformed(why) => write!(f, "the DNS answer could not be read: {why}"),
            Error::UnknownFormat(name) => write!(
                f,
                "there is no export format called {}: choose apple-mobileconfig, dns-srv, json or thunderbird-autoconfig",
                Quoted(name, usize::MAX)
            ),
            Error::InvalidHostname { host, reason } => {
                write!(
                    f,
                    "the host name {} cannot be used: {reason}",
                    Quoted(host, usize::MAX)
                )
            }
            Error::MissingServer(which) => write!(
                f,
                "the settings have no {which} server, and this file cannot be written without one"
            ),
            Error::InvalidText { field, ch, kind } => write!(
                f,
                "the {field} contains U+{:04X} ({kind}), which cannot be written into the file",
                u32::from(*ch)
            ),
            Error::UnsupportedSettings(why) => {
                write!(f, "this file format cannot hold these settings: {why}")
            }
            Error::InvalidAutoconfig(why) => {
                write!(f, "this is not a usable autoconfig document: {why}")
            }
            Error::InvalidProvider { field, reason } => {
                write!(f, "the provider record's {field} is not valid: {reason}")
            }
        }
    }
}

impl std::error::Error for Error {}

/// Caller-supplied text in double quotes, as messages show it, cut after a
/// number of characters (an ellipsis inside the quotes marks the cut).
///
/// Nothing the text holds can hide or disguise the rest of the message: a
/// quote or backslash gets a backslash; tab, carriage return, line feed and
/// NUL are written `\t`, `\r`, `\n`, `\0`; and every other character that
/// is whitespace but not a plain space (line and paragraph separators
/// included) or that [`chars::forbidden`](crate::chars::forbidden) refuses
/// (controls, bidirectional and invisible formatting characters, private-use
/// characters, noncharacters) is written as `\u{hex}`. Everything else is
/// written as it is: the rule needs no Unicode tables of its own, so
/// unassigned code points and combining marks are not escaped.
///
/// ```
/// use mailports::error::Quoted;
/// assert_eq!(Quoted("say \"hi\"", 40).to_string(), r#""say \"hi\"""#);
/// assert_eq!(Quoted("ab\u{202E}\u{2028}c d", 40).to_string(), r#""ab\u{202e}\u{2028}c d""#);
/// assert_eq!(Quoted("abcdef", 3).to_string(), "\"abc…\"");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Quoted<'a>(
    /// The text.
    pub &'a str,
    /// How many of its characters are shown at most.
    pub usize,
);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, self.0, '"', self.1)
    }
}

/// One character in single quotes, escaped as [`Quoted`] escapes text.
///
/// ```
/// use mailports::error::QuotedChar;
/// assert_eq!(QuotedChar('\'').to_string(), r"'\''");
/// assert_eq!(QuotedChar('"').to_string(), r#"'"'"#);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct QuotedChar(
    /// The character.
    pub char,
);

impl fmt::Display for QuotedChar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_quoted(f, self.0.encode_utf8(&mut [0; 4]), '\'', 1)
    }
}

fn write_quoted(f: &mut fmt::Formatter<'_>, text: &str, quote: char, max: usize) -> fmt::Result {
    use fmt::Write;
    f.write_char(quote)?;
    for (i, c) in text.chars().enumerate() {
        if i == max {
            f.write_char('…')?;
            break;
        }
        match c {
            '\t' => f.write_str("\\t")?,
            '\r' => f.write_str("\\r")?,
            '\n' => f.write_str("\\n")?,
            '\0' => f.write_str("\\0")?,
            '\\' => f.write_str("\\\\")?,
            c if c == quote => {
                f.write_char('\\')?;
                f.write_char(c)?;
            }
            c if (c.is_whitespace() && c != ' ') || crate::chars::forbidden(c).is_some() => {
                write!(f, "\\u{{{:x}}}", u32::from(c))?
            }
            c => f.write_char(c)?,
        }
    }
    f.write_char(quote)
}

/// Shorthand for results of the mailports core.
pub type Result<T> = core::result::Result<T, Error>;
