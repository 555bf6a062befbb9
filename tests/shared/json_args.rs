//! JSON values as the wasm bindings hand JS values to the core: as
//! `ArgValue`s, for the `from_args` readers (tests and the fuzz targets).

use mailports::arg::ArgValue;
use serde_json::Value;

/// A JSON value as an argument value (`null` stays `Null`).
pub fn arg(value: &Value) -> ArgValue {
    match value {
        Value::Null => ArgValue::Null,
        Value::Bool(b) => ArgValue::Bool(*b),
        Value::Number(n) => ArgValue::Number(n.as_f64().unwrap_or(f64::NAN)),
        Value::String(s) => ArgValue::Text(s.clone()),
        Value::Array(items) => ArgValue::List(items.iter().map(arg).collect()),
        Value::Object(map) => {
            ArgValue::Object(map.iter().map(|(k, v)| (k.clone(), arg(v))).collect())
        }
    }
}

/// The keys and values of a JSON object text, ready for a `from_args` reader.
/// Panics when the text is not a JSON object.
#[allow(dead_code)] // not every test file reads JSON text
pub fn pairs(json: &str) -> Vec<(String, ArgValue)> {
    match arg(&serde_json::from_str(json).expect("valid JSON")) {
        ArgValue::Object(pairs) => pairs,
        other => panic!("not a JSON object: {other:?}"),
    }
}
