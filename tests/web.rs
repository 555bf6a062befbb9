//! Browser tests: the JS surface of the wasm module, run in headless Chromium
//! by wasm-bindgen-test (`npm test` runs them; see scripts/test.mjs).
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use mailports::bindings;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

#[path = "shared/upper_case_domains.rs"]
mod upper_case_domains;
use upper_case_domains::UPPER_CASE_DOMAINS;

#[path = "shared/quoted_numbers.rs"]
mod quoted_numbers;
use quoted_numbers::QUOTED_NUMBERS;

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

#[wasm_bindgen_test]
fn list_ports_filters_and_rejects_unknown_values() {
    let all = js_sys::Array::from(&bindings::list_ports(JsValue::UNDEFINED).unwrap());
    assert_eq!(all.length(), 18);
    let filter = js_sys::JSON::parse(r#"{"protocol":"imap","security":"implicit-tls"}"#).unwrap();
    let imaps = js_sys::Array::from(&bindings::list_ports(filter).unwrap());
    let ports: Vec<f64> = imaps
        .iter()
        .filter_map(|p| get(&p, "port").as_f64())
        .collect();
    assert_eq!(ports, [585.0, 993.0]);
    assert_eq!(get(&imaps.get(0), "useInstead").as_f64(), Some(993.0));
    for bad in [
        r#"{"protocol":"imapx"}"#,
        r#"{"protocl":"imap"}"#,
        r#"{"status":"IANA"}"#,
        r#""imap""#,
        r#"["imap"]"#,
    ] {
        let err = bindings::list_ports(js_sys::JSON::parse(bad).unwrap()).unwrap_err();
        assert_eq!(error_code(&err), "invalid-argument", "{bad}");
    }
}

#[wasm_bindgen_test]
fn recommend_answers_the_issue_scenarios() {
    let run = |json: &str| bindings::recommend(js_sys::JSON::parse(json).unwrap()).unwrap();
    let port_of = |rec: &JsValue, side: &str| get(&get(rec, side), "port").as_f64();

    let rec = run(r#"{"devices":3,"sends":true}"#);
    assert_eq!(
        get(&get(&rec, "incoming"), "protocol")
            .as_string()
            .as_deref(),
        Some("imap")
    );
    assert_eq!(port_of(&rec, "incoming"), Some(993.0));
    assert_eq!(port_of(&rec, "outgoing"), Some(465.0));
    let alts = js_sys::Array::from(&get(&rec, "alternatives"));
    assert!(alts.iter().any(|a| get(&a, "port").as_f64() == Some(587.0)
        && get(&a, "security").as_string().as_deref() == Some("starttls")));
    assert!(
        get(&get(&rec, "incoming"), "host").is_undefined(),
        "host is left out until known"
    );

    let rec = run(r#"{"devices":1,"offline":true,"smallQuota":true}"#);
    assert_eq!(port_of(&rec, "incoming"), Some(995.0));
    let warnings = js_sys::Array::from(&get(&rec, "warnings"));
    assert!(warnings
        .iter()
        .any(|w| get(&w, "code").as_string().as_deref() == Some("pop3-local-copy")));

    assert_eq!(
        port_of(&run(r#"{"blockedPorts":[465]}"#), "outgoing"),
        Some(587.0)
    );
    // undefined and null mean "nothing known".
    for empty in [JsValue::UNDEFINED, JsValue::NULL] {
        assert_eq!(
            port_of(&bindings::recommend(empty).unwrap(), "incoming"),
            Some(993.0)
        );
    }
}

#[wasm_bindgen_test]
fn recommend_rejects_bad_needs_with_invalid_argument() {
    for bad in [
        r#"{"devices":-1}"#,
        r#"{"devices":1e9}"#,
        r#"{"devices":1.5}"#,
        r#"{"blockedPorts":[0]}"#,
        r#"{"blockedPorts":[70000]}"#,
        r#"{"blockedPorts":["465"]}"#,
        r#"{"smallquota":true}"#,
        r#""devices""#,
        "42",
    ] {
        let err = bindings::recommend(js_sys::JSON::parse(bad).unwrap()).unwrap_err();
        assert_eq!(error_code(&err), "invalid-argument", "{bad}");
    }
    let message = |json: &str| {
        let err = bindings::recommend(js_sys::JSON::parse(json).unwrap()).unwrap_err();
        get(&err, "message").as_string().unwrap_or_default()
    };
    assert!(message(r#"{"devices":-1}"#)
        .contains("needs.devices: must be a whole number from 1 to 1000, not -1"));
    assert!(
        message(r#"{"blockedPorts":[0]}"#).contains("needs.blockedPorts: 0 is not a valid port")
    );
    assert!(message(r#"{"smallquota":true}"#).contains("unknown key \"smallquota\""));
    let nan = js_sys::Object::new();
    Reflect::set(&nan, &"devices".into(), &JsValue::from(f64::NAN)).unwrap();
    let err = bindings::recommend(nan.into()).unwrap_err();
    assert_eq!(error_code(&err), "invalid-argument");
    // Hostile objects: a throwing getter, a huge array, symbols are skipped.
    let hostile = js_sys::Function::new_no_args(
        "return [\
           { get devices() { throw new Error('boom'); } },\
           { blockedPorts: new Array(100000).fill(465) },\
           new Proxy({}, { ownKeys() { throw new Error('trap'); } }),\
         ];",
    )
    .call0(&JsValue::NULL)
    .unwrap();
    for value in js_sys::Array::from(&hostile).iter() {
        let err = bindings::recommend(value).unwrap_err();
        assert_eq!(error_code(&err), "invalid-argument");
    }
    let with_symbol = js_sys::Function::new_no_args("return { [Symbol('x')]: 1, devices: 2 };")
        .call0(&JsValue::NULL)
        .unwrap();
    assert!(bindings::recommend(with_symbol).is_ok());
    // The module is still usable afterwards.
    assert!(bindings::recommend(JsValue::UNDEFINED).unwrap().is_object());
}

#[wasm_bindgen_test]
fn reason_catalog_maps_codes_to_rfc() {
    let catalog = bindings::reason_catalog().unwrap();
    let entry = get(&catalog, "never-port-25");
    assert_eq!(
        get(&entry, "rfc").as_string().as_deref(),
        Some("RFC 6409 §3.1")
    );
    // The English sentence is added by the JS API (english.js), not the core.
    assert!(get(&entry, "message").is_undefined());
    let keys = js_sys::Object::keys(catalog.unchecked_ref::<js_sys::Object>());
    assert_eq!(keys.length() as usize, mailports::recommend::REASONS.len());
}

// ---- suggestDomain / normalizeAddress -------------------------------------

#[wasm_bindgen_test]
fn suggest_domain_returns_a_plain_object_or_null() {
    let s = bindings::suggest_domain("Ana+x@gmial.com".into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&s, "full").as_string().as_deref(),
        Some("Ana+x@gmail.com")
    );
    assert_eq!(get(&s, "domain").as_string().as_deref(), Some("gmail.com"));
    assert_eq!(
        js_sys::Object::get_prototype_of(&s),
        js_sys::Object::get_prototype_of(&js_sys::Object::new().into())
    );
    let none = bindings::suggest_domain("ana@gmail.com".into(), JsValue::NULL).unwrap();
    assert!(none.is_null());
}

#[wasm_bindgen_test]
fn suggest_domain_options_domains_count_as_known() {
    let options = js_sys::Object::new();
    let list = js_sys::Array::of1(&"GMIAL.com".into());
    js_sys::Reflect::set(&options, &"domains".into(), &list).unwrap();
    let s = bindings::suggest_domain("ana@gmial.com".into(), options.clone().into()).unwrap();
    assert!(s.is_null());
    // The same list again (now served from the kept index), then a changed
    // list in the same array: the answer follows the list.
    let s = bindings::suggest_domain("ana@gmial.com".into(), options.clone().into()).unwrap();
    assert!(s.is_null());
    list.set(0, "acmemail.com".into());
    let s = bindings::suggest_domain("ana@gmial.com".into(), options.clone().into()).unwrap();
    assert_eq!(get(&s, "domain").as_string().as_deref(), Some("gmail.com"));
    let s = bindings::suggest_domain("ana@acmemial.com".into(), options.into()).unwrap();
    assert_eq!(
        get(&s, "domain").as_string().as_deref(),
        Some("acmemail.com")
    );
}

#[wasm_bindgen_test]
fn suggest_domain_rejects_bad_arguments_with_codes() {
    let options = js_sys::Object::new();
    let list = js_sys::Array::of2(&"ok.com".into(), &"not a domain".into());
    js_sys::Reflect::set(&options, &"domains".into(), &list).unwrap();
    let err = bindings::suggest_domain("a@b.com".into(), options.into()).unwrap_err();
    assert_eq!(error_code(&err), "invalid-argument");
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("options.domains[1]"), "{message}");

    let typo_key = js_sys::Object::new();
    js_sys::Reflect::set(&typo_key, &"domain".into(), &js_sys::Array::new()).unwrap();
    let err = bindings::suggest_domain("a@b.com".into(), typo_key.into()).unwrap_err();
    assert_eq!(error_code(&err), "invalid-argument");

    let err = bindings::suggest_domain(JsValue::from(42), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(error_code(&err), "invalid-argument");
    let huge = "a".repeat(1 << 20);
    let err = bindings::suggest_domain(huge.as_str().into(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(error_code(&err), "too-long");
    let err = bindings::suggest_domain("a@@gmial.com".into(), JsValue::UNDEFINED).unwrap_err();
    assert_eq!(error_code(&err), "invalid-address");
}

#[wasm_bindgen_test]
fn normalize_address_shapes_and_nfc() {
    // Decomposed ü (u + U+0308) is composed by the browser before the core.
    let a = bindings::normalize_address("Info@Bu\u{308}cher.DE.".into()).unwrap();
    assert_eq!(get(&a, "local").as_string().as_deref(), Some("Info"));
    assert_eq!(
        get(&a, "domain").as_string().as_deref(),
        Some("xn--bcher-kva.de")
    );
    assert_eq!(
        get(&a, "unicodeDomain").as_string().as_deref(),
        Some("bücher.de")
    );
    let bare = bindings::normalize_address("gmail.com".into()).unwrap();
    assert!(get(&bare, "local").is_null());
    let err = bindings::normalize_address("jo\u{202E}hn@example.com".into()).unwrap_err();
    assert_eq!(error_code(&err), "invalid-character");
    let err = bindings::normalize_address(JsValue::UNDEFINED).unwrap_err();
    assert_eq!(error_code(&err), "invalid-argument");
}

// ---- registerProvider --------------------------------------------------------

#[wasm_bindgen_test]
fn register_provider_reads_records_and_names_bad_fields() {
    let record = |json: &str| js_sys::JSON::parse(json).unwrap();
    let valid = r#"{"id":"web-isp","name":"Web ISP","domains":["Web-ISP.test"],
        "incoming":[{"protocol":"imap","hostname":"imap.web-isp.test","port":993,"security":"implicit-tls","auth":["oauth2"]}],
        "outgoing":[{"protocol":"smtp","hostname":"smtp.web-isp.test","port":465,"security":"implicit-tls","username":null}]}"#;
    let summary = bindings::register_provider(record(valid)).unwrap();
    assert_eq!(get(&summary, "id").as_string().as_deref(), Some("web-isp"));
    assert_eq!(get(&summary, "incoming").as_f64(), Some(1.0));
    let m = bindings::lookup_provider("ana@web-isp.test".into()).unwrap();
    let imap = js_sys::Array::from(&get(&m, "incoming")).get(0);
    let auth = js_sys::JSON::stringify(&get(&imap, "auth")).unwrap();
    assert_eq!(auth.as_string().as_deref(), Some(r#"["oauth2"]"#));

    let message = |err: &JsValue| get(err, "message").as_string().unwrap_or_default();
    let bad_port = valid.replace("\"port\":993", "\"port\":99300");
    let err = bindings::register_provider(record(&bad_port)).unwrap_err();
    assert_eq!(error_code(&err), "invalid-provider");
    assert!(
        message(&err).contains("incoming[0].port"),
        "{}",
        message(&err)
    );
    let port_text = valid.replace("\"port\":993", "\"port\":\"993\"");
    let err = bindings::register_provider(record(&port_text)).unwrap_err();
    assert_eq!(error_code(&err), "invalid-argument");
    assert!(message(&err).contains("record.incoming[0].port: expected a number, got string"));
    let typo = valid.replace("\"name\"", "\"title\"");
    let err = bindings::register_provider(record(&typo)).unwrap_err();
    assert_eq!(error_code(&err), "invalid-argument");
    assert!(message(&err).contains("unknown key \"title\""));
    for bad in [JsValue::UNDEFINED, JsValue::from(1), record("[]")] {
        let err = bindings::register_provider(bad).unwrap_err();
        assert_eq!(error_code(&err), "invalid-argument");
    }
    let getter = js_sys::Function::new_no_args("return { get id() { throw new Error('boom'); } };")
        .call0(&JsValue::NULL)
        .unwrap();
    let err = bindings::register_provider(getter).unwrap_err();
    assert_eq!(error_code(&err), "invalid-argument");
}

/// Upper-case domains as in tests/email.rs (`unicode_case_is_lowered_per_character`):
/// the wasm lowers through the browser, natively through std, with one result.
#[wasm_bindgen_test]
fn unicode_upper_case_is_lowered_as_natively() {
    for &(input, ascii, unicode) in UPPER_CASE_DOMAINS {
        let a = bindings::normalize_address(input.into()).unwrap();
        assert_eq!(get(&a, "domain").as_string().as_deref(), Some(ascii));
        assert_eq!(
            get(&a, "unicodeDomain").as_string().as_deref(),
            Some(unicode)
        );
    }
    // An xn-- label that decodes to an upper-case letter (mÜnchen) is refused.
    let err = bindings::normalize_address("xn--mnchen-psa.de".into()).unwrap_err();
    assert_eq!(error_code(&err), "invalid-domain");
    // İ lowers to i and a combining dot, which a domain refuses.
    let err = bindings::normalize_address("İSTANBUL.example".into()).unwrap_err();
    assert_eq!(error_code(&err), "invalid-domain");
}

/// Numbers of every size, from random bits, are quoted as the JS engine
/// writes them (`String(n)`).
#[wasm_bindgen_test]
fn bad_ports_are_quoted_as_the_js_engine_writes_them() {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let string: js_sys::Function = Reflect::get(&js_sys::global(), &"String".into())
        .expect("String exists")
        .unchecked_into();
    for _ in 0..2_000 {
        let n = f64::from_bits(next());
        if mailports::ports::validate_port(n).is_ok() {
            continue;
        }
        let err = bindings::lookup_port(JsValue::from(n)).unwrap_err();
        let message = get(&err, "message").as_string().unwrap_or_default();
        let shown = string
            .call1(&JsValue::NULL, &JsValue::from(n))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let shown = format!("{shown} is not a valid port");
        assert!(message.starts_with(&shown), "{message} / {shown}");
    }
}

#[wasm_bindgen_test]
fn bad_ports_are_quoted_in_the_engines_words() {
    for &(n, _, shown) in QUOTED_NUMBERS {
        let err = bindings::lookup_port(JsValue::from(n)).unwrap_err();
        let message = get(&err, "message").as_string().unwrap_or_default();
        assert!(
            message.starts_with(&format!("{shown} is not a valid port")),
            "{message}"
        );
    }
}
