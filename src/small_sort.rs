//! One stable insertion sort for the core's short lists (a record's
//! domains, requirement codes and servers).

/// A stable insertion sort, for the short lists of a record (at most 100
/// domains, 12 requirements, 8 servers). Each `sort` or `sort_by_key` of
/// the standard library brings its own copy of a merge sort, about 3 KB of
/// wasm per element type; this is a few hundred bytes.
pub(crate) fn sort_small<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}
