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
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand for results of the mailports core.
pub type Result<T> = core::result::Result<T, Error>;
