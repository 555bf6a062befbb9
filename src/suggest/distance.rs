//! The optimal string alignment distance, plainly ([`distance`]) and
//! bit-parallel for one name against many (`Pattern`).

/// A typed name prepared for [`distance`] against many names at once: the
/// bit-parallel algorithm of Hyyrö (2003) for the optimal string alignment
/// distance, which handles a column of the dynamic programme per
/// machine word. Only for names of up to 64 bytes (fuzzy names are at most
/// [`MAX_FUZZY_NAME`](super::MAX_FUZZY_NAME)); longer ones fall back to [`distance`].
pub(super) struct Pattern<'a> {
    name: &'a [u8],
    /// For each byte value, the positions in `name` that hold it.
    peq: [u64; 256],
}

impl<'a> Pattern<'a> {
    pub(super) fn new(name: &'a [u8]) -> Self {
        let mut peq = [0u64; 256];
        if name.len() <= 64 {
            for (i, &b) in name.iter().enumerate() {
                if let Some(bits) = peq.get_mut(usize::from(b)) {
                    *bits |= 1 << i;
                }
            }
        }
        Pattern { name, peq }
    }

    /// The same number as `distance(name, text)`.
    pub(super) fn distance(&self, text: &[u8]) -> usize {
        let m = self.name.len();
        if m == 0 || m > 64 {
            return distance_bytes(self.name, text);
        }
        let last = 1u64 << (m - 1);
        let (mut vp, mut vn, mut d0, mut pm_before) = (!0u64, 0u64, 0u64, 0u64);
        let mut dist = m;
        for &c in text {
            let pm = self.peq.get(usize::from(c)).copied().unwrap_or(0);
            // A swap of two adjacent bytes: this one matched one later, the
            // previous one matched here.
            let tr = ((!d0 & pm) << 1) & pm_before;
            d0 = (((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn | tr;
            let hp = vn | !(d0 | vp);
            let hn = d0 & vp;
            if hp & last != 0 {
                dist += 1;
            } else if hn & last != 0 {
                dist -= 1;
            }
            let hp = (hp << 1) | 1;
            vp = (hn << 1) | !(d0 | hp);
            vn = hp & d0;
            pm_before = pm;
        }
        dist
    }
}

/// Optimal string alignment distance (Damerau–Levenshtein without editing a
/// substring twice) between two strings, by bytes: insertions, deletions,
/// substitutions and swaps of two adjacent bytes each cost one.
///
/// ```
/// use mailports::suggest::distance;
/// assert_eq!(distance("gmial", "gmail"), 1); // swap
/// assert_eq!(distance("gmil", "gmail"), 1); // insertion
/// assert_eq!(distance("hey", "me"), 2);
/// ```
pub fn distance(a: &str, b: &str) -> usize {
    distance_bytes(a.as_bytes(), b.as_bytes())
}

/// [`distance`] of two byte strings.
fn distance_bytes(a: &[u8], b: &[u8]) -> usize {
    // Three rows of the dynamic programme: i-2, i-1 and i.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur: Vec<usize> = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let mut best = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            if i > 0 && j > 0 && Some(&ca) == b.get(j - 1) && a.get(i - 1) == Some(&cb) {
                best = best.min(before[j - 1] + 1);
            }
            cur[j + 1] = best;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_basics() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("gmail", "gmail"), 0);
        assert_eq!(distance("hotmial", "hotmail"), 1);
        assert_eq!(distance("yahooo", "yahoo"), 1);
        assert_eq!(distance("gmil", "gmail"), 1);
        assert_eq!(distance("ca", "abc"), 3); // OSA, not full Damerau
        assert_eq!(distance("outlok", "outlook"), 1);
    }

    #[test]
    fn the_bit_parallel_distance_is_the_plain_one() {
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        // Small alphabets make repeats, swaps and near-misses common.
        for _ in 0..20_000 {
            let alphabet = 1 + next(5) as u8;
            let mut word = |max: u64| -> Vec<u8> {
                (0..next(max + 1))
                    .map(|_| b'a' + next(u64::from(alphabet)) as u8)
                    .collect()
            };
            let (a, b) = (word(12), word(14));
            let expected = distance_bytes(&a, &b);
            assert_eq!(Pattern::new(&a).distance(&b), expected, "{a:?} {b:?}");
        }
        let long = [b'x'; 70];
        assert_eq!(Pattern::new(&long).distance(b"xx"), 68);
        assert_eq!(Pattern::new(b"").distance(b"abc"), 3);
        assert_eq!(Pattern::new(b"ca").distance(b"abc"), 3);
        assert_eq!(Pattern::new(b"gmial").distance(b"gmail"), 1);
    }
}
