//! Arguments from JavaScript, reduced to plain values the core can check.
//!
//! The bindings turn a JS object into `(key, ArgValue)` pairs and hand them
//! to a core parser such as [`PortFilter::from_args`] or
//! [`Needs::from_args`], which owns every rule and message. Parsing this way
//! instead of through serde keeps several kilobytes of generic deserialiser
//! code out of the wasm (measured: about 3 KB brotli per argument type).
//!
//! [`PortFilter::from_args`]: crate::ports::PortFilter::from_args
//! [`Needs::from_args`]: crate::recommend::Needs::from_args
//!
//! ```
//! use mailports::arg::ArgValue;
//! assert_eq!(ArgValue::Number(1.5).kind(), "number");
//! assert_eq!(ArgValue::Null.as_text(), None);
//! ```

use crate::error::Quoted;
use crate::{Error, Result};

/// One argument value, as a JS caller gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    /// `null` or `undefined`: "not given".
    Null,
    /// A boolean.
    Bool(bool),
    /// A number (any JS number, including NaN and infinities).
    Number(f64),
    /// A string.
    Text(String),
    /// An array, element by element.
    List(Vec<ArgValue>),
    /// An object: its own string keys and their values, in the order the
    /// object gives them.
    Object(Vec<(String, ArgValue)>),
    /// Anything else; the payload names its type (e.g. `"object"`).
    Other(&'static str),
}

impl ArgValue {
    /// The JS-style name of the value's type, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            ArgValue::Null => "null",
            ArgValue::Bool(_) => "boolean",
            ArgValue::Number(_) => "number",
            ArgValue::Text(_) => "string",
            ArgValue::List(_) => "array",
            ArgValue::Object(_) => "object",
            ArgValue::Other(kind) => kind,
        }
    }

    /// The text of a [`ArgValue::Text`].
    pub fn as_text(&self) -> Option<&str> {
        match self {
            ArgValue::Text(s) => Some(s),
            _ => None,
        }
    }
}

/// Builds the `invalid-argument` error for `what` (e.g. `"needs.devices"`).
pub(crate) fn invalid(what: &str, problem: impl core::fmt::Display) -> Error {
    Error::InvalidArgument(format!("{what}: {problem}"))
}

/// The key of `keys` (pairs of a key enum and its JS spelling, see
/// `named_enum!`) spelt `key`; any other key is an `invalid-argument` error
/// that lists the keys. Parsers then match the key enum exhaustively.
pub(crate) fn key<K: Copy>(what: &str, key: &str, keys: &[(K, &'static str)]) -> Result<K> {
    match known_key(key, keys) {
        Some(k) => Ok(k),
        None => Err(invalid(
            what,
            format_args!(
                "unknown key {}; expected one of {}",
                Quoted(key, 40),
                join(&mut keys.iter().map(|&(_, name)| name))
            ),
        )),
    }
}

/// The key of `keys` spelt `key`, if there is one (for objects whose other
/// keys are ignored).
pub(crate) fn known_key<K: Copy>(key: &str, keys: &[(K, &'static str)]) -> Option<K> {
    keys.iter().find(|(_, name)| *name == key).map(|&(k, _)| k)
}

/// Reads a name from `table` (pairs of value and JS name) that must be there.
pub(crate) fn required<T: Copy>(
    what: &str,
    value: &ArgValue,
    table: &[(T, &'static str)],
) -> Result<T> {
    named(what, value, table)?.ok_or_else(|| wrong_type(what, "a string", value))
}

/// Reads an optional array of names from `table`: `null` is the same as an
/// empty array; an error names the element (`what[i]`).
pub(crate) fn optional_names<T: Copy>(
    what: &str,
    value: ArgValue,
    table: &[(T, &'static str)],
) -> Result<Vec<T>> {
    let items = match value {
        ArgValue::Null => return Ok(Vec::new()),
        other => list(what, other)?,
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.push(required(&format!("{what}[{i}]"), item, table)?);
    }
    Ok(out)
}

/// Reads a port: a whole number from 1 to 65535. Anything else, a missing
/// port included, is an `invalid-port` error quoting what was given.
pub(crate) fn port(value: &ArgValue) -> Result<u16> {
    match value {
        ArgValue::Number(n) => crate::ports::validate_port(*n),
        ArgValue::Text(s) => Err(Error::InvalidPort(Quoted(s, 40).to_string())),
        other => Err(Error::InvalidPort(other.kind().into())),
    }
}

/// The `invalid-argument` error for a value of the wrong type.
fn wrong_type(what: &str, expected: &str, value: &ArgValue) -> Error {
    invalid(
        what,
        format_args!("expected {expected}, got {}", value.kind()),
    )
}

/// Reads a string that must be there (`null` is refused too).
pub(crate) fn text(what: &str, value: ArgValue) -> Result<String> {
    match value {
        ArgValue::Text(s) => Ok(s),
        other => Err(wrong_type(what, "a string", &other)),
    }
}

/// Reads an optional string.
pub(crate) fn optional_text(what: &str, value: ArgValue) -> Result<Option<String>> {
    match value {
        ArgValue::Null => Ok(None),
        other => text(what, other).map(Some),
    }
}

/// Reads a number that must be there (`null` is refused too).
pub(crate) fn number(what: &str, value: ArgValue) -> Result<f64> {
    match value {
        ArgValue::Number(n) => Ok(n),
        other => Err(wrong_type(what, "a number", &other)),
    }
}

/// Reads an array that must be there (`null` is refused too).
pub(crate) fn list(what: &str, value: ArgValue) -> Result<Vec<ArgValue>> {
    match value {
        ArgValue::List(items) => Ok(items),
        other => Err(wrong_type(what, "an array", &other)),
    }
}

/// Reads an array of strings; an error names the element (`what[i]`).
pub(crate) fn texts(what: &str, value: ArgValue) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (i, item) in list(what, value)?.into_iter().enumerate() {
        out.push(text(&format!("{what}[{i}]"), item)?);
    }
    Ok(out)
}

/// Reads an optional array of strings: `null` is the same as an empty array.
pub(crate) fn optional_texts(what: &str, value: ArgValue) -> Result<Vec<String>> {
    match value {
        ArgValue::Null => Ok(Vec::new()),
        other => texts(what, other),
    }
}

/// Reads an object's pairs (`null` is refused).
pub(crate) fn object(what: &str, value: ArgValue) -> Result<Vec<(String, ArgValue)>> {
    match value {
        ArgValue::Object(pairs) => Ok(pairs),
        other => Err(wrong_type(what, "an object", &other)),
    }
}

/// Reads an optional boolean.
pub(crate) fn flag(what: &str, value: &ArgValue) -> Result<Option<bool>> {
    match value {
        ArgValue::Null => Ok(None),
        ArgValue::Bool(b) => Ok(Some(*b)),
        other => Err(wrong_type(what, "true or false", other)),
    }
}

/// Reads an optional name from `table` (pairs of value and JS name).
pub(crate) fn named<T: Copy>(
    what: &str,
    value: &ArgValue,
    table: &[(T, &'static str)],
) -> Result<Option<T>> {
    let name = match value {
        ArgValue::Null => return Ok(None),
        ArgValue::Text(s) => s,
        other => return Err(wrong_type(what, "a string", other)),
    };
    match table.iter().find(|(_, n)| n == name) {
        Some((v, _)) => Ok(Some(*v)),
        None => Err(invalid(
            what,
            not_one_of(name, &mut table.iter().map(|&(_, n)| n)),
        )),
    }
}

/// `names` separated by commas. Not generic, so every table's message is
/// built by the same code in the wasm.
pub(crate) fn join(names: &mut dyn Iterator<Item = &str>) -> String {
    let mut out = String::new();
    for name in names {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(name);
    }
    out
}

/// The message for a `value` that is none of `names`.
pub(crate) fn not_one_of(value: &str, names: &mut dyn Iterator<Item = &str>) -> String {
    format!("{} is not one of {}", Quoted(value, 40), join(names))
}
