//! The JavaScript surface of mailports: the only module that uses
//! `#[wasm_bindgen]`. It reads arguments into the core's plain values (see
//! [`crate::arg`]), hands results back as plain JS objects, and turns every
//! core [`Error`] into a thrown JS `Error` carrying a `code`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::arg::ArgValue;
use crate::error::Quoted;
use crate::{ports, recommend, Error};

/// The wasm's allocator: talc instead of Rust's default dlmalloc, for a
/// smaller module. It grows the wasm memory as it needs and reuses freed
/// blocks; the module is single-threaded, so it takes no lock.
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// A result as a plain JS value, built by serde-wasm-bindgen's JSON-compatible
/// serialiser: `None` is `null`, maps are plain objects, a skipped field is
/// missing (not `undefined`), and numbers are JS numbers.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|_| {
            js_error(
                "internal",
                "the result could not be converted to a JS value",
            )
        })
}

/// A JS `Error` with `name = "MailportsError"` and a stable `code`.
fn js_error(code: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    err.set_name("MailportsError");
    let _ = js_sys::Reflect::set(&err, &"code".into(), &code.into());
    err.into()
}

impl From<Error> for JsValue {
    fn from(e: Error) -> JsValue {
        js_error(e.code(), &e.to_string())
    }
}

/// Reads a port argument: anything but a whole number from 1 to 65535 is an
/// `invalid-port` error.
fn port_arg(value: &JsValue) -> Result<u16, Error> {
    match value.as_f64() {
        Some(n) => ports::validate_port(n),
        None => Err(Error::InvalidPort(
            value
                .as_string()
                .map(|s| Quoted(&s, 40).to_string())
                .unwrap_or_else(|| value.js_typeof().as_string().unwrap_or_default()),
        )),
    }
}

/// `lookupPort(port)`: the registry row, or `null` for a port that is not a
/// mail port. Throws `invalid-port` for anything that is not a port.
#[wasm_bindgen(js_name = lookupPort, skip_typescript)]
pub fn lookup_port(port: JsValue) -> Result<JsValue, JsValue> {
    let port = port_arg(&port)?;
    match ports::lookup(port) {
        Some(info) => to_js(info),
        None => Ok(JsValue::NULL),
    }
}

/// Converts one JS value into the core's plain [`ArgValue`]. `nest` is how
/// many levels of arrays and objects are read from here down; deeper ones
/// become [`ArgValue::Other`], so a hostile deep value costs little.
fn arg_value(value: &JsValue, nest: u8) -> ArgValue {
    if value.is_undefined() || value.is_null() {
        ArgValue::Null
    } else if let Some(b) = value.as_bool() {
        ArgValue::Bool(b)
    } else if let Some(n) = value.as_f64() {
        ArgValue::Number(n)
    } else if let Some(s) = value.as_string() {
        ArgValue::Text(s)
    } else if js_sys::Array::is_array(value) {
        if nest == 0 {
            return ArgValue::Other("nested array");
        }
        // Element by element through Reflect, so that a Proxy or a getter
        // that throws yields a value we reject rather than an exception.
        let length = js_sys::Reflect::get(value, &"length".into())
            .ok()
            .and_then(|n| n.as_f64())
            .unwrap_or(0.0);
        if length > 65535.0 {
            return ArgValue::Other("array longer than 65535");
        }
        ArgValue::List(
            (0..length as u32)
                .map(|i| match js_sys::Reflect::get(value, &i.into()) {
                    Ok(v) => arg_value(&v, nest - 1),
                    Err(_) => ArgValue::Other("unreadable value"),
                })
                .collect(),
        )
    } else if value.is_function() {
        ArgValue::Other("function")
    } else if value.is_object() && nest > 0 {
        own_pairs(value, nest - 1).map_or(ArgValue::Other("unreadable object"), ArgValue::Object)
    } else if value.is_object() {
        ArgValue::Other("object")
    } else {
        ArgValue::Other("other")
    }
}

/// The own string keys of an object with their values, read `nest` levels
/// deep. Reflect's functions report a throwing getter or Proxy trap as an
/// error instead of unwinding through the wasm.
fn own_pairs(value: &JsValue, nest: u8) -> Result<Vec<(String, ArgValue)>, JsValue> {
    let keys = js_sys::Reflect::own_keys(value.unchecked_ref::<js_sys::Object>())?;
    let mut pairs = Vec::new();
    for key in keys.iter() {
        // Symbol keys carry no data for us; skip them.
        if let Some(name) = key.as_string() {
            let v = js_sys::Reflect::get(value, &key)?;
            pairs.push((name, arg_value(&v, nest)));
        }
    }
    Ok(pairs)
}

/// The own keys and values of an optional object argument, ready for a core
/// `from_args` parser: `undefined` and `null` give no pairs; anything but a
/// plain object is an `invalid-argument` error naming `what`. Values are
/// read `nest` levels deep (see [`arg_value`]).
fn object_args(value: &JsValue, what: &str, nest: u8) -> Result<Vec<(String, ArgValue)>, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(Error::InvalidArgument(format!(
            "{what} must be an object, got {}",
            arg_value(value, 1).kind()
        )));
    }
    own_pairs(value, nest).map_err(|_| Error::InvalidArgument(format!("{what} could not be read")))
}

/// `listPorts(filter?)`: the registry rows matching
/// `{ protocol?, role?, security?, status? }`, in port order. Unknown keys or
/// values throw `invalid-argument`.
#[wasm_bindgen(js_name = listPorts, skip_typescript)]
pub fn list_ports(filter: JsValue) -> Result<JsValue, JsValue> {
    let filter = ports::PortFilter::from_args(object_args(&filter, "filter", 1)?)?;
    let rows: Vec<&ports::PortInfo> = ports::list(&filter).collect();
    to_js(&rows)
}

/// `recommend(needs?)`: `{ incoming, outgoing, alternatives, reasons,
/// warnings, provider }` for `{ devices, offline, smallQuota, sends,
/// blockedPorts, exchange, push, untrustedNetwork, email }`. Unknown keys and
/// impossible values throw `invalid-argument`; an `email` that is not an
/// address throws the error `lookupProvider` would (`invalid-address`,
/// `invalid-domain`, …). For a known provider the choices carry its host
/// names and `provider` is `{ id, name, domain, status }`, otherwise `null`.
#[wasm_bindgen(js_name = recommend, skip_typescript)]
pub fn recommend(needs: JsValue) -> Result<JsValue, JsValue> {
    let needs = recommend::Needs::from_args(object_args(&needs, "needs", 1)?)?;
    to_js(&recommend::recommend(&needs)?)
}

/// `reasonCatalog()`: every reason and warning code, mapped to its
/// `{ code, rfc }` entry (the JS API adds the English `message`).
#[wasm_bindgen(js_name = reasonCatalog, skip_typescript)]
pub fn reason_catalog() -> Result<JsValue, JsValue> {
    /// Serialises the sorted catalogue straight into a JS object keyed by
    /// code, written as a struct whose field names are the codes (they are
    /// `&'static str`): no intermediate map, and no map serialiser in the
    /// wasm, which nothing else needs.
    struct Catalog;
    impl Serialize for Catalog {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let mut object = s.serialize_struct("ReasonCatalog", recommend::REASONS.len())?;
            for r in recommend::REASONS {
                object.serialize_field(r.code, r)?;
            }
            object.end()
        }
    }
    to_js(&Catalog)
}

/// Test hook: panics inside the wasm, so the tests can prove that the JS
/// wrapper recovers a usable module afterwards. Not part of the public API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests, skip_typescript)]
pub fn panic_for_tests() {
    panic!("deliberate panic from the test hook");
}

// ---- Provider database ---------------------------------------------------

/// `lookupProvider(input)`: `ProviderMatch` (`{ id, name, domain, status,
/// requirements: [code], incoming, outgoing, sources }`; the JS API turns each
/// requirement into `{ code, text }`) for an
/// address or a bare domain, or `null` for an unknown provider. Throws the
/// address errors (`empty-input`, `invalid-domain`, …) for anything else.
#[wasm_bindgen(js_name = lookupProvider, skip_typescript)]
pub fn lookup_provider(input: JsValue) -> Result<JsValue, JsValue> {
    // As suggestDomain reads it: NFC, and a pasted megabyte is refused before
    // it is copied into the wasm.
    let input = address_arg(&input, "input")?;
    match crate::providers::lookup(&input)? {
        Some(m) => to_js(&m),
        None => Ok(JsValue::NULL),
    }
}

/// `registerProvider(record)`: stores a page's own provider record (it wins
/// over built-in records for its domains) and returns its `ProviderSummary`.
/// Throws `invalid-provider` naming the bad field, or `invalid-argument` for
/// a value of the wrong type or an unknown key.
#[wasm_bindgen(js_name = registerProvider, skip_typescript)]
pub fn register_provider(record: JsValue) -> Result<JsValue, JsValue> {
    use crate::providers::{register, ProviderRecord};
    if record.is_undefined() || record.is_null() {
        return Err(Error::InvalidArgument("record must be an object, got null".into()).into());
    }
    // Three levels: the record's lists, their server objects, and a
    // server's `auth` list.
    let record = ProviderRecord::from_args(object_args(&record, "record", 3)?)?;
    to_js(&register(record)?)
}

/// `listProviders()`: every `ProviderSummary`, registered records first.
#[wasm_bindgen(js_name = listProviders, skip_typescript)]
pub fn list_providers() -> Result<JsValue, JsValue> {
    to_js(&crate::providers::list())
}

/// `providerDomains()`: every built-in provider domain, sorted.
#[wasm_bindgen(js_name = providerDomains, skip_typescript)]
pub fn provider_domains() -> Result<JsValue, JsValue> {
    let domains: Vec<&str> = crate::providers::domains().collect();
    to_js(&domains)
}

// ---- Addresses and typo suggestions (src/email.rs, src/suggest.rs) --------

/// Reads a typed address or domain: a string, refused as `too-long` before it
/// is copied out of JS when it is far too long, and put in Unicode NFC form by
/// the browser (the core carries no normalisation tables).
fn address_arg(value: &JsValue, what: &str) -> Result<String, Error> {
    let Some(text) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(Error::InvalidArgument(format!(
            "{what} must be a string, not {}",
            value.js_typeof().as_string().unwrap_or_default()
        )));
    };
    // UTF-16 units: at most as many as UTF-8 bytes, so this never refuses an
    // input the core would take.
    if text.length() as usize > crate::email::MAX_INPUT_LEN {
        return Err(Error::TooLong {
            what: "input",
            max: crate::email::MAX_INPUT_LEN,
        });
    }
    Ok(String::from(text.normalize("NFC")))
}

/// Reads `options` of `suggestDomain`: `undefined`, or an object whose only
/// key is `domains`. Returns the `domains` value (`None` when it is missing).
fn page_list(options: &JsValue) -> Result<Option<JsValue>, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(None);
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(Error::InvalidArgument(
            "options must be an object such as { domains: [\"example.com\"] }".into(),
        ));
    }
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if key != "domains" {
            return Err(Error::InvalidArgument(format!(
                "options: unknown key {}; expected domains",
                Quoted(&key, 40)
            )));
        }
    }
    let list = js_sys::Reflect::get(options, &"domains".into()).unwrap_or(JsValue::UNDEFINED);
    if list.is_undefined() || list.is_null() {
        return Ok(None);
    }
    if !js_sys::Array::is_array(&list) {
        return Err(Error::InvalidArgument(
            "options.domains must be an array of domain names".into(),
        ));
    }
    // An empty list adds nothing: no index to make or keep.
    if list.unchecked_ref::<js_sys::Array>().length() == 0 {
        return Ok(None);
    }
    Ok(Some(list))
}

/// Reads the strings of `options.domains`.
fn page_strings(list: &JsValue) -> Result<Vec<String>, Error> {
    let mut domains = Vec::new();
    for (i, entry) in js_sys::Array::from(list).iter().enumerate() {
        domains.push(address_arg(&entry, &format!("options.domains[{i}]"))?);
    }
    Ok(domains)
}

/// Checks every page domain (an error names the first bad entry) and indexes
/// them.
fn page_index(list: &[String]) -> Result<crate::suggest::DomainIndex, Error> {
    for (i, text) in list.iter().enumerate() {
        crate::email::normalize_domain(text).map_err(|e| {
            Error::InvalidArgument(format!(
                "options.domains[{i}] ({}) is not a valid domain: {e}",
                Quoted(text, 60)
            ))
        })?;
    }
    Ok(crate::suggest::DomainIndex::new(list))
}

/// The last `options.domains`: the array, its strings and their index.
type PageCache = (JsValue, Vec<String>, crate::suggest::DomainIndex);

thread_local! {
    /// The last `options.domains` and its index. Pages pass the same list on
    /// every keystroke. The JS wrapper (core.js) then passes the very array
    /// it copied and froze the first time: a frozen array seen before
    /// (`===`) cannot have changed, so it is not read again. Any other array
    /// is read and compared with the kept strings. The module is
    /// single-threaded and nothing in a call reenters it, so `with` and
    /// `borrow_mut` cannot fail here (their panic paths are in the wasm
    /// already: this is 182 bytes smaller than taking the value out of a
    /// `Cell` and putting it back, measured).
    static PAGE_INDEX: std::cell::RefCell<Option<PageCache>> =
        const { std::cell::RefCell::new(None) };
}

/// Suggests for `email` with the page's `list` of domains, through `cache`
/// (see [`PAGE_INDEX`]): the kept index when the list is the frozen array
/// seen last or holds the same strings, otherwise a new one, which is kept.
fn suggest_with_page_list(
    email: &str,
    list: JsValue,
    cache: &mut Option<PageCache>,
) -> Result<Option<crate::suggest::Suggestion>, Error> {
    use crate::suggest::suggest_with_known;
    if let Some((seen, _, index)) = &*cache {
        if *seen == list && js_sys::Object::is_frozen(list.unchecked_ref::<js_sys::Object>()) {
            return suggest_with_known(email, index);
        }
    }
    let strings = page_strings(&list)?;
    if let Some((seen, kept, index)) = cache {
        if *kept == strings {
            *seen = list;
            return suggest_with_known(email, index);
        }
    }
    let index = page_index(&strings)?;
    let found = suggest_with_known(email, &index);
    *cache = Some((list, strings, index));
    found
}

/// `suggestDomain(email, options?)`: `{ full, domain }` when the domain of
/// `email` (an address or a bare domain) looks mistyped, else `null`.
/// `options.domains` adds domains the page knows. Malformed input throws
/// (`empty-input`, `too-long`, `invalid-character`, `invalid-address`,
/// `invalid-domain`, `invalid-argument`).
#[wasm_bindgen(js_name = suggestDomain, skip_typescript)]
pub fn suggest_domain(email: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let email = address_arg(&email, "email")?;
    let found = match page_list(&options)? {
        None => crate::suggest::suggest(&email, &[])?,
        Some(list) => {
            PAGE_INDEX.with(|cell| suggest_with_page_list(&email, list, &mut cell.borrow_mut()))?
        }
    };
    match found {
        Some(s) => to_js(&s),
        None => Ok(JsValue::NULL),
    }
}

/// `normalizeAddress(input)`: `{ local, domain, unicodeDomain }` for a typed
/// address or bare domain (`local` is `null` for a domain). Malformed input
/// throws as for `suggestDomain`.
#[wasm_bindgen(js_name = normalizeAddress, skip_typescript)]
pub fn normalize_address(input: JsValue) -> Result<JsValue, JsValue> {
    let input = address_arg(&input, "input")?;
    to_js(&crate::email::parse_input(&input)?)
}

/// The exports only the full module has (`--features full`, the default):
/// settings export and opt-in discovery. The element loads the smaller core
/// module first and this one only when a visitor asks for a setup file or a
/// page turns discovery on.
#[cfg(feature = "full")]
mod full {
    use super::*;

    // ---- Settings export (src/export.rs) ---------------------------------------

    /// `exportConfig(settings, format, options?)`: `{ filename, mimeType,
    /// content }`, the settings written as a file mail clients or DNS servers
    /// read. `settings` is `{ domain, name?, shortName?, incoming, outgoing }` (a
    /// provider match works as it is: other keys are ignored); `format` is
    /// `thunderbird-autoconfig`, `apple-mobileconfig`, `dns-srv` or `json`;
    /// `options` is `{ email?, identifier?, organization?, ttl? }`.
    #[wasm_bindgen(js_name = exportConfig, skip_typescript)]
    pub fn export_config(
        settings: JsValue,
        format: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        use crate::export::{export, ExportFormat, ExportOptions, ExportSettings};
        let Some(format) = format.as_string() else {
            return Err(
                Error::InvalidArgument("format must be a string such as \"json\"".into()).into(),
            );
        };
        let format = ExportFormat::parse(&format)?;
        if settings.is_undefined() || settings.is_null() {
            return Err(
                Error::InvalidArgument("settings must be an object, got null".into()).into(),
            );
        }
        // Three levels: the server lists, their server objects, and a
        // server's `auth` list.
        let settings = ExportSettings::from_args(object_args(&settings, "settings", 3)?)?;
        let opts = ExportOptions::from_args(object_args(&options, "options", 1)?)?;
        to_js(&export(&settings, format, &opts)?)
    }

    // ---- Discovery (opt-in): the JS layer fetches, the core decides ----------

    /// Reads a string argument or fails with `invalid-argument` naming `what`.
    fn string_arg(value: &JsValue, what: &str) -> Result<String, Error> {
        value.as_string().ok_or_else(|| {
            Error::InvalidArgument(format!(
                "{what} must be a string, not {}",
                value.js_typeof().as_string().unwrap_or_default()
            ))
        })
    }

    /// Reads DNS or document bytes: `null`/`undefined` give `None`; a
    /// `Uint8Array` or `ArrayBuffer` is copied, at most one byte past the largest
    /// DNS message, so an oversized answer is refused without copying it all.
    fn bytes_arg(value: &JsValue, what: &str) -> Result<Option<Vec<u8>>, Error> {
        use crate::discovery::MAX_MESSAGE_LEN;
        if value.is_undefined() || value.is_null() {
            return Ok(None);
        }
        let array = if value.is_instance_of::<js_sys::Uint8Array>() {
            js_sys::Uint8Array::from(value.clone())
        } else if value.is_instance_of::<js_sys::ArrayBuffer>() {
            js_sys::Uint8Array::new(value)
        } else {
            return Err(Error::InvalidArgument(format!(
                "{what} must be a Uint8Array, an ArrayBuffer or null"
            )));
        };
        let keep = array.length().min(MAX_MESSAGE_LEN as u32 + 1);
        Ok(Some(array.subarray(0, keep).to_vec()))
    }

    /// Reads `object[key]` as an array (a missing key is an empty array).
    fn array_field(object: &JsValue, key: &str) -> Result<Vec<JsValue>, Error> {
        let value = js_sys::Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() || value.is_null() {
            return Ok(Vec::new());
        }
        if !js_sys::Array::is_array(&value) {
            return Err(Error::InvalidArgument(format!(
                "fetched.{key} must be an array"
            )));
        }
        Ok(js_sys::Array::from(&value).iter().take(16).collect())
    }

    /// `discoveryPlan(input)`: `{ domain, unicodeDomain, address, username, dns:
    /// [{ step, service?, name, recordType }], autoconfig: [url] }`, what
    /// discovery would fetch for a typed address or domain. Fetches nothing.
    #[wasm_bindgen(js_name = discoveryPlan, skip_typescript)]
    pub fn discovery_plan(input: JsValue) -> Result<JsValue, JsValue> {
        let input = address_arg(&input, "input")?;
        to_js(&crate::discovery::plan(&input)?)
    }

    /// `dnsQuery(name, type)`: the RFC 8484 wire-format query (ID 0, recursion
    /// desired) as a `Uint8Array`. `type` is `"MX"`, `"SRV"` or `"CNAME"`.
    #[wasm_bindgen(js_name = dnsQuery, skip_typescript)]
    pub fn dns_query(name: JsValue, record_type: JsValue) -> Result<JsValue, JsValue> {
        use crate::discovery::{build_query, RecordType};
        let name = string_arg(&name, "name")?;
        let record_type = RecordType::from_name(&string_arg(&record_type, "type")?)?;
        let bytes = build_query(&name, record_type, 0)?;
        Ok(js_sys::Uint8Array::from(&bytes[..]).into())
    }

    /// `dnsParse(bytes, name, type)`: `{ status, rcode, authenticated, cnames,
    /// mx: [{ preference, exchange }], srv: [{ priority, weight, port, target }],
    /// message? }` for a DNS answer (`Uint8Array` or `ArrayBuffer`) to the
    /// question (`name`, `type`). Throws `dns-too-large`, `dns-truncated` or
    /// `dns-malformed` for answers that cannot be used.
    #[wasm_bindgen(js_name = dnsParse, skip_typescript)]
    pub fn dns_parse(
        bytes: JsValue,
        name: JsValue,
        record_type: JsValue,
    ) -> Result<JsValue, JsValue> {
        use crate::discovery::{parse_answer, RecordType};
        let bytes = bytes_arg(&bytes, "bytes")?.ok_or_else(|| {
            Error::InvalidArgument("bytes must be a Uint8Array or an ArrayBuffer".into())
        })?;
        let name = string_arg(&name, "name")?;
        let record_type = RecordType::from_name(&string_arg(&record_type, "type")?)?;
        to_js(&parse_answer(&bytes, &name, record_type)?)
    }

    /// `matchMx(hosts)`: `{ provider, host, pattern }` for the provider whose MX
    /// pattern matches one of the host names (most specific pattern wins), or
    /// `null`.
    #[wasm_bindgen(js_name = matchMx, skip_typescript)]
    pub fn match_mx(hosts: JsValue) -> Result<JsValue, JsValue> {
        use crate::discovery::{Builtin, Directory};
        if !js_sys::Array::is_array(&hosts) {
            return Err(
                Error::InvalidArgument("hosts must be an array of host names".into()).into(),
            );
        }
        let hosts: Vec<String> = js_sys::Array::from(&hosts)
            .iter()
            .take(64)
            .filter_map(|h| h.as_string())
            .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
            .collect();
        match Builtin::default().match_mx(&hosts) {
            Some(m) => to_js(&m),
            None => Ok(JsValue::NULL),
        }
    }

    /// `decideDiscovery(input, fetched)`: reads what the JS layer fetched for
    /// `discoveryPlan(input)` — `{ srv: [answer | null] (plan order), mx: answer
    /// | null, autoconfig: [xml | null] (plan order) }`, answers as `Uint8Array`
    /// — and returns `{ source, found, provider, name, incoming, outgoing, notes,
    /// errors }` (see `discovery::evaluate`).
    #[wasm_bindgen(js_name = decideDiscovery, skip_typescript)]
    pub fn decide_discovery(input: JsValue, fetched: JsValue) -> Result<JsValue, JsValue> {
        use crate::discovery::{evaluate, plan, Builtin, Fetched};
        let plan = plan(&address_arg(&input, "input")?)?;
        if !fetched.is_object() {
            return Err(Error::InvalidArgument("fetched must be an object".into()).into());
        }
        let mut raw = Fetched::default();
        for answer in array_field(&fetched, "srv")? {
            raw.srv.push(bytes_arg(&answer, "fetched.srv[]")?);
        }
        let mx = js_sys::Reflect::get(&fetched, &"mx".into()).unwrap_or(JsValue::UNDEFINED);
        raw.mx = bytes_arg(&mx, "fetched.mx")?;
        for doc in array_field(&fetched, "autoconfig")? {
            raw.autoconfig.push(doc.as_string());
        }
        to_js(&evaluate(&plan, &raw, &Builtin::new()))
    }
}
