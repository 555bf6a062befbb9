//! The recommender and the port registry with caller-supplied options, read
//! as the JS bindings read them (`Needs::from_args`, `PortFilter::from_args`
//! over `(key, ArgValue)` pairs), and `ports::validate_port` on any number:
//! no panic, typed errors, and a recommendation never uses a blocked port or
//! port 25.
#![no_main]
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use mailports::arg::ArgValue;
use mailports::ports::{list, lookup, validate_port, PortFilter};
use mailports::recommend::{recommend, Needs};
use mailports_fuzz::{check_error, port, text};

fn value(u: &mut Unstructured<'_>, depth: u8) -> Result<ArgValue> {
    Ok(match u.int_in_range(0..=8u8)? {
        0 => ArgValue::Null,
        1 => ArgValue::Bool(u.arbitrary()?),
        2 => ArgValue::Number(port(u)?),
        3 => ArgValue::Number(f64::from(u.int_in_range(0..=2000u32)?)),
        4 => ArgValue::Text(text(u)?),
        5 => ArgValue::Text(
            u.choose(&[
                "imap",
                "pop3",
                "smtp",
                "implicit-tls",
                "starttls",
                "access",
                "submission",
                "standard",
            ])?
            .to_string(),
        ),
        6 if depth < 2 => ArgValue::List(
            (0..u.int_in_range(0..=4u8)?)
                .map(|_| value(u, depth + 1))
                .collect::<Result<_>>()?,
        ),
        7 => ArgValue::Other(*u.choose(&["object", "function", "symbol", "nested array"])?),
        _ => ArgValue::Number(f64::from(
            *u.choose(&[25u16, 465, 587, 993, 995, 143, 110, 2525, 443])?,
        )),
    })
}

fn pairs(u: &mut Unstructured<'_>, keys: &[&str]) -> Result<Vec<(String, ArgValue)>> {
    let n = u.int_in_range(0..=keys.len() + 1)?;
    (0..n)
        .map(|_| {
            let key = if u.ratio(15, 16)? {
                u.choose(keys)?.to_string()
            } else {
                text(u)?
            };
            Ok((key, value(u, 0)?))
        })
        .collect()
}

fn run(u: &mut Unstructured<'_>) -> Result<()> {
    let n = port(u)?;
    match validate_port(n) {
        Ok(p) => {
            assert_eq!(f64::from(p), n);
            let _ = lookup(p);
        }
        Err(e) => check_error(&e),
    }
    match Needs::from_args(pairs(u, Needs::KEYS)?) {
        Ok(needs) => match recommend(&needs) {
            Ok(r) => {
                for c in r.incoming.iter().chain(&r.outgoing).chain(&r.alternatives) {
                    assert!(
                        !needs.blocked_ports.contains(&c.port),
                        "blocked port {} used",
                        c.port
                    );
                    assert_ne!(c.port, 25);
                }
                let _ = serde_json::to_string(&r).expect("serialises");
            }
            Err(e) => check_error(&e),
        },
        Err(e) => check_error(&e),
    }
    match PortFilter::from_args(pairs(u, PortFilter::KEYS)?) {
        Ok(filter) => {
            for row in list(&filter) {
                assert!(filter.matches(row));
            }
        }
        Err(e) => check_error(&e),
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
