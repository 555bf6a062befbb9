//! Browser tests: the JS surface of the wasm module, run in headless Chromium
//! by wasm-bindgen-test (`npm test` runs them; see scripts/test.mjs).
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use mailports::bindings;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Reads `obj[key]`.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).expect("object")
}

/// The `code` of a thrown MailportsError.
pub fn error_code(err: &JsValue) -> String {
    assert!(
        err.is_instance_of::<js_sys::Error>(),
        "errors are JS Error objects"
    );
    assert_eq!(
        get(err, "name").as_string().as_deref(),
        Some("MailportsError")
    );
    get(err, "code")
        .as_string()
        .expect("errors carry a string code")
}

#[wasm_bindgen_test]
fn lookup_port_returns_plain_object() {
    let info = bindings::lookup_port(JsValue::from(465)).unwrap();
    assert_eq!(get(&info, "port").as_f64(), Some(465.0));
    assert_eq!(
        get(&info, "security").as_string().as_deref(),
        Some("implicit-tls")
    );
    let services = js_sys::Array::from(&get(&info, "services"));
    assert_eq!(services.get(0).as_string().as_deref(), Some("submissions"));
}

#[wasm_bindgen_test]
fn lookup_port_not_a_mail_port_is_null() {
    assert!(bindings::lookup_port(JsValue::from(8080))
        .unwrap()
        .is_null());
}

#[wasm_bindgen_test]
fn lookup_port_rejects_bad_values_with_codes() {
    for bad in [
        JsValue::from(0),
        JsValue::from(-1),
        JsValue::from(65536),
        JsValue::from(1.5),
        JsValue::from(f64::NAN),
        JsValue::from_str("993"),
        JsValue::UNDEFINED,
        JsValue::NULL,
    ] {
        let err = bindings::lookup_port(bad).unwrap_err();
        assert_eq!(error_code(&err), "invalid-port");
    }
    // An error leaves the module usable.
    assert!(bindings::lookup_port(JsValue::from(993))
        .unwrap()
        .is_object());
}
