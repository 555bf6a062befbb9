//! Small sorts with little code: a stable insertion sort for the core's
//! short lists (a record's domains, requirement codes and servers) and a heap
//! sort for its one long list (the built-in domains).

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

/// An unstable heap sort, for the one long list the core sorts (the
/// built-in domains, about 1,500): O(n log n) like the standard library's
/// sorts, with a fraction of their code (see [`sort_small`]).
pub(crate) fn sort_heap<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    // Moves items[root] down the heap items[..end] until both children are smaller.
    let sift_down = |items: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(&items[child], &items[child + 1]) {
            child += 1;
        }
        if !less(&items[root], &items[child]) {
            break;
        }
        items.swap(root, child);
        root = child;
    };
    let len = items.len();
    for root in (0..len / 2).rev() {
        sift_down(items, root, len);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end);
    }
}
