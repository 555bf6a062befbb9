//! Numbers as the port error quotes them (Rust's `Display`): checked natively
//! by tests/ports.rs and in the wasm by tests/web.rs, where the digits come
//! from the JS engine.

/// (number, as quoted)
pub const QUOTED_NUMBERS: &[(f64, &str)] = &[
    (1.5, "1.5"),
    (-25.0, "-25"),
    (-0.0, "-0"),
    (f64::NAN, "NaN"),
    (f64::INFINITY, "inf"),
    (f64::NEG_INFINITY, "-inf"),
    (1e21, "1000000000000000000000"),
    (-1.5e22, "-15000000000000000000000"),
    (1.2345e-7, "0.00000012345"),
    (0.1, "0.1"),
    (123456.789, "123456.789"),
    // Two shortest digit strings equally close: Rust takes the larger.
    (2084752858613199.2, "2084752858613199.3"),
    (71_685_369_466_452.13, "71685369466452.13"),
    (9007199254740993.0, "9007199254740992"),
];
