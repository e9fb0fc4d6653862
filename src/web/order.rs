//! Sorting in the page's shell through one copy of the sort code: each sort orders the indices
//! of its items with a comparator behind `dyn`, so the standard library's stable sort is
//! compiled once for the whole shell, not once per item type and key. Same order as
//! `slice::sort_by` (stable).

use std::cmp::Ordering;

/// Sort `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut idx, &mut |a: &usize, b: &usize| cmp(&v[*a], &v[*b]));
    permute(v, idx);
}

/// Sort `v` stably by `key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sort `v` stably.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Put `v[idx[k]]` at `k` for every `k`, in place (one cycle of swaps at a time).
fn permute<T>(v: &mut [T], mut idx: Vec<usize>) {
    for i in 0..v.len() {
        let mut cur = i;
        while idx[cur] != usize::MAX {
            let src = std::mem::replace(&mut idx[cur], usize::MAX);
            if src == i {
                break;
            }
            v.swap(cur, src);
            cur = src;
        }
    }
}

/// The one sort of the shell: indices by a comparator.
#[inline(never)]
fn sort_indices(idx: &mut [usize], cmp: &mut dyn FnMut(&usize, &usize) -> Ordering) {
    idx.sort_by(cmp);
}
