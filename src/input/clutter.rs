//! Page clutter: breadcrumbs, counters, share lines, print/close links, footers.
//!
//! In: normalised text. Out: byte ranges of lines to leave out of extraction (kept for meta).

use std::ops::Range;

/// Byte ranges (whole lines) of `norm` that are page clutter, in order, non-overlapping.
pub fn clutter_lines(norm: &str) -> Vec<Range<usize>> {
    let _ = norm;
    Vec::new()
}
