//! Markdown marks: a report converted to Markdown (by a PDF-to-Markdown tool or `pandoc` from a
//! .docx) opens its headings with `#`s (`# 标题`, `## 一、总体情况`) and wraps bold words in `**`
//! (`**一是**`). Read as they are, the title keeps its `#` and a heading is no heading.
//!
//! The marks are left out of the normalised text ([`crate::text::normalise::normalise_dropping`],
//! as a wrapped text's breaks are) and the offsets into the original step over them
//! ([`crate::text::CharIndex::with_gaps`]). Only a line's leading `#`s (one to six, then spaces)
//! and the `**` of a line that holds an even number of them are marks; a `#` inside a line
//! (`第3#楼`) and a lone `**` stay.

use super::lines::line_ranges;
use std::ops::Range;

/// The byte ranges of the Markdown marks of `text`, in text order: each line's leading `#`s with
/// the spaces after them, and the `**` pairs of a line.
pub fn markdown_marks(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    // (one search each for a byte most texts never hold: `\n#` or `**` as pairs would stop at
    // every line break or at none)
    let has_heading = memchr::memchr_iter(b'#', b).any(|i| i == 0 || b[i - 1] == b'\n');
    let has_bold = memchr::memchr_iter(b'*', b).any(|i| b.get(i + 1) == Some(&b'*'));
    if !has_heading && !has_bold {
        return Vec::new();
    }
    let mut out = Vec::new();
    for r in line_ranges(text) {
        let lb = &b[r.clone()];
        if has_heading {
            let hashes = lb.iter().take_while(|&&c| c == b'#').count();
            let spaces = lb[hashes..].iter().take_while(|&&c| c == b' ').count();
            let rest = &lb[hashes + spaces..];
            if (1..=6).contains(&hashes) && spaces > 0 && !rest.is_empty() && rest[0] != b'\r' {
                out.push(r.start..r.start + hashes + spaces);
            }
        }
        if has_bold {
            let stars: Vec<usize> = memchr::memmem::find_iter(lb, b"**").collect();
            // (`***` is one `**` and a `*`: the finder steps over a match it found)
            if !stars.is_empty() && stars.len().is_multiple_of(2) {
                out.extend(stars.iter().map(|&i| r.start + i..r.start + i + 2));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> String {
        let mut out = String::new();
        let mut from = 0;
        for d in markdown_marks(text) {
            out.push_str(&text[from..d.start]);
            from = d.end;
        }
        out + &text[from..]
    }

    /// Leading `#`s and paired `**` go; a `#` inside a line, seven `#`s, a `#` with no space
    /// after it and a line's lone `**` stay.
    #[test]
    fn only_the_marks_go() {
        assert_eq!(
            kept("# 某局工作报告\r\n## 一、**执法**情况\n第3#楼 **一是**加强\n####### 七级\n#话题\n仅一处**星号\n"),
            "某局工作报告\r\n一、执法情况\n第3#楼 一是加强\n####### 七级\n#话题\n仅一处**星号\n"
        );
        assert!(markdown_marks("全年办理案件12件。\n").is_empty());
    }
}
