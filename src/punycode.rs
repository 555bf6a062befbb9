//! Punycode decoding (RFC 3492) for the `xn--` labels of internationalised
//! domain names.
//!
//! [`decode`] gives what `idna::punycode::decode_to_string` gives (a test
//! compares them) and is written here because idna's decoder keeps its
//! insertions in a `SmallVec` sorted with std's stable sort, about 5 KB of
//! wasm; a label has at most 63 octets, so inserting into a `Vec` costs
//! nothing. idna stays the authority, and its encoder is used as it is:
//! the address parser accepts a decoding only if idna's encoder turns it
//! back into exactly the label, and Punycode encoding is one-to-one, so a
//! mistake here could refuse a label but never accept a wrong reading.

/// The number of digit values, `a`–`z` then `0`–`9` (RFC 3492 §5, `base`).
const BASE: u32 = 36;
/// The smallest threshold of a digit (`tmin`).
const TMIN: u32 = 1;
/// The largest threshold of a digit (`tmax`).
const TMAX: u32 = 26;
/// How much the bias leans towards short numbers (`skew`).
const SKEW: u32 = 38;
/// How much the first delta is scaled down in [`adapt`] (`damp`).
const DAMP: u32 = 700;
/// The bias before the first number (`initial_bias`).
const INITIAL_BIAS: u32 = 72;
/// The code point before the first one inserted (`initial_n`): every code
/// point below it is basic (ASCII).
const INITIAL_N: u32 = 0x80;

/// Decodes the Punycode of an `xn--` label (RFC 3492 §6.2; `input` is what
/// follows the prefix), or `None` when it is not valid Punycode.
pub(crate) fn decode(input: &str) -> Option<String> {
    // The basic code points come before the last hyphen, if there is one.
    let (basic, digits) = match input.bytes().rposition(|b| b == b'-') {
        // As idna: a leading hyphen is read as a (bad) digit.
        Some(0) | None => ("", input),
        Some(p) => (input.get(..p)?, input.get(p + 1..)?),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut out: Vec<char> = basic.chars().collect();
    let (mut code_point, mut bias, mut i) = (INITIAL_N, INITIAL_BIAS, 0u32);
    let mut digits = digits.bytes();
    while let Some(mut byte) = digits.next() {
        let previous_i = i;
        let mut weight = 1u32;
        let mut k = BASE;
        // A variable-length number, added to i.
        loop {
            let digit = digit_value(byte)?;
            i = i.checked_add(digit.checked_mul(weight)?)?;
            let t = k.saturating_sub(bias).clamp(TMIN, TMAX);
            if digit < t {
                break;
            }
            weight = weight.checked_mul(BASE - t)?;
            k += BASE;
            byte = digits.next()?;
        }
        let length = out.len() as u32 + 1;
        bias = adapt(i - previous_i, length, previous_i == 0);
        code_point = code_point.checked_add(i / length)?;
        i %= length;
        out.insert(i as usize, char::from_u32(code_point)?);
        i += 1;
    }
    Some(out.into_iter().collect())
}

/// The value of a Punycode digit (RFC 3492 §5): `a`–`z` (either case) are
/// 0 to 25, `0`–`9` are 26 to 35.
fn digit_value(byte: u8) -> Option<u32> {
    let value = match byte {
        b'a'..=b'z' => byte - b'a',
        b'A'..=b'Z' => byte - b'A',
        b'0'..=b'9' => byte - b'0' + 26, // after the 26 letters
        _ => return None,
    };
    Some(u32::from(value))
}

/// The bias adaptation of RFC 3492 §6.1.
fn adapt(delta: u32, length: u32, first: bool) -> u32 {
    let mut delta = delta / if first { DAMP } else { 2 };
    delta += delta / length;
    let mut k = 0;
    while delta > (BASE - TMIN) * TMAX / 2 {
        delta /= BASE - TMIN;
        k += BASE;
    }
    k + (BASE - TMIN + 1) * delta / (delta + SKEW)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_agrees_with_idna() {
        let mut inputs: Vec<String> = [
            "",
            "-",
            "a-",
            "-a",
            "bcher-kva",
            "mnchen-3ya",
            "4ca",
            "a-b-c",
            "99999999999",
            "zzzzzzz",
            "ihqwcrb4cv8a8dqg056pqjye",
            "--",
            "-4ca",
            "a--4ca",
            "ABC-DEF",
            "xn--a",
            "0",
            "egbpdaj6bu4bxfgehfvwxn",
            "-jgte1-mg",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for word in [
            "bücher",
            "münchen",
            "пример",
            "例え",
            "δοκιμή",
            "a\u{10FFFF}b",
            "ß-x",
        ] {
            inputs.extend(idna::punycode::encode_str(word));
        }
        // Every short string over a small alphabet.
        let alphabet = ['a', 'z', '0', '9', '-', 'B'];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            words = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            inputs.extend(words.iter().cloned());
        }
        for input in &inputs {
            assert_eq!(
                decode(input),
                idna::punycode::decode_to_string(input),
                "{input:?}"
            );
        }
    }

    #[test]
    fn digit_values_cover_the_base() {
        let all: Vec<u32> = (b'a'..=b'z')
            .chain(b'0'..=b'9')
            .map(|b| digit_value(b).unwrap())
            .collect();
        assert_eq!(all, (0..BASE).collect::<Vec<_>>());
        assert_eq!(digit_value(b'Q'), digit_value(b'q'));
        assert_eq!(digit_value(b'-'), None);
    }
}
