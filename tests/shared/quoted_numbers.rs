//! Numbers as the port error quotes them: natively as Rust's `Display`
//! writes them (checked by tests/ports.rs), in the wasm as the JS engine
//! writes them (checked by tests/web.rs).

/// (number, as quoted natively, as quoted in the wasm)
pub const QUOTED_NUMBERS: &[(f64, &str, &str)] = &[
    (1.5, "1.5", "1.5"),
    (-25.0, "-25", "-25"),
    (-0.0, "-0", "0"),
    (f64::NAN, "NaN", "NaN"),
    (f64::INFINITY, "inf", "Infinity"),
    (f64::NEG_INFINITY, "-inf", "-Infinity"),
    (1e21, "1000000000000000000000", "1e+21"),
    (-1.5e22, "-15000000000000000000000", "-1.5e+22"),
    (1.2345e-7, "0.00000012345", "1.2345e-7"),
    (0.1, "0.1", "0.1"),
    (123456.789, "123456.789", "123456.789"),
    // Two shortest digit strings equally close: Rust takes the larger, JS the even one.
    (
        2084752858613199.2,
        "2084752858613199.3",
        "2084752858613199.2",
    ),
    (
        71_685_369_466_452.13,
        "71685369466452.13",
        "71685369466452.12",
    ),
    (9007199254740993.0, "9007199254740992", "9007199254740992"),
];
