//! The lines of a text as byte ranges, found with `memchr` (SIMD) rather than `str::split`'s
//! generic char search.

use std::ops::Range;

/// The byte range of each line of `text` without its `\n`: the pieces of
/// `text.split_inclusive('\n')`, each without the `\n` it ends with (so no last empty line after a
/// final `\n`, and nothing at all for an empty text). A `\r` before the `\n` stays.
pub fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(Some)
        .chain([None])
        .filter_map(move |nl| {
            let start = from;
            match nl {
                Some(i) => {
                    from = i + 1;
                    Some(start..i)
                }
                None => (start < text.len()).then_some(start..text.len()),
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ranges are `split_inclusive('\n')`'s pieces without their `\n`, on texts with and
    /// without a last `\n`, blank lines, `\r\n` and multi-byte chars.
    #[test]
    fn line_ranges_are_split_inclusive_without_the_newline() {
        for text in [
            "",
            "\n",
            "\n\n",
            "一行",
            "一行\n",
            "第一行\n\n第三行",
            "甲\r\n乙\r\n",
            "a\nb\nc",
            "表格 | 1 |\n\u{3000}\n",
        ] {
            let want: Vec<&str> = text
                .split_inclusive('\n')
                .map(|l| l.strip_suffix('\n').unwrap_or(l))
                .collect();
            let got: Vec<&str> = line_ranges(text).map(|r| &text[r]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
