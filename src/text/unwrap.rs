//! Hard-wrapped text: the line breaks a text was wrapped at inside its paragraphs, as in text
//! copied out of a PDF viewer or saved by `pdftotext` (every line of a 公文 page is 28 chars wide,
//! and a sentence runs on over several lines).
//!
//! A break is a wrap when its line is about as wide as the text's full lines, does not end a
//! sentence and the next line starts no heading. Texts whose lines are paragraphs (web pages,
//! Word) have no such breaks or only a few: the breaks count only when they are a good share of
//! the lines, so such a text is read as it is. The normalised text leaves the wraps out
//! ([`crate::text::normalise::normalise_dropping`]), so that a sentence is read whole; the
//! offsets into the original step over them ([`crate::text::CharIndex::with_gaps`]).

use super::lines::line_ranges;
use super::segment::heading_marker;
use std::ops::Range;

/// The fewest non-blank lines a hard-wrapped text has.
const MIN_LINES: usize = 6;

/// The narrowest full line (columns: an ASCII char is one, any other two) that counts as wrapped.
const MIN_WIDTH: usize = 24;

/// The widest: lines of 60 CJK chars or more are paragraphs, not a page's lines.
const MAX_WIDTH: usize = 120;

/// Chars that end a line at a sentence's end or a cell's (not wrapped there).
const ENDS: [char; 12] = [
    '。', '!', '?', ';', ':', '！', '？', '；', '：', '|', '”', '"',
];

/// Marks of which a wrapped line of prose (some 28 CJK chars) or the line after it holds at least
/// one (`,、;。`, also full-width); a list of titles or names, however wide, holds none.
const MARKS: [char; 7] = [',', '、', ';', '。', '\u{FF0C}', '\u{FF1B}', '\u{FF61}'];

/// The byte ranges (`\n` or `\r\n`) of the breaks at which `text` was hard-wrapped inside its
/// paragraphs; empty unless at least a third of its non-blank lines (and 3) end at one.
pub fn wrap_breaks(text: &str) -> Vec<Range<usize>> {
    // (bytes first, lines untrimmed: a text of long paragraphs is turned away without
    // measuring its lines)
    let mut bytes: Vec<usize> = line_ranges(text)
        .map(|r| r.len())
        .filter(|&n| n > 0)
        .collect();
    if bytes.len() < MIN_LINES {
        return Vec::new();
    }
    let k = bytes.len() * 4 / 5;
    let p80 = *bytes.select_nth_unstable(k).1;
    if !(MIN_WIDTH..=MAX_WIDTH * 3 / 2 + 8).contains(&p80) {
        return Vec::new();
    }
    let lines: Vec<Range<usize>> = line_ranges(text)
        .map(|r| {
            let t = text[r.clone()].trim_end_matches([' ', '\r', '\t', '\u{3000}']);
            r.start..r.start + t.len()
        })
        .collect();
    let filled = lines.iter().filter(|r| !r.is_empty()).count();
    if filled < MIN_LINES {
        return Vec::new();
    }
    let widths: Vec<usize> = lines.iter().map(|r| width(&text[r.clone()])).collect();
    let full = {
        let mut w: Vec<usize> = widths.iter().copied().filter(|&w| w > 0).collect();
        let k = w.len() * 4 / 5;
        *w.select_nth_unstable(k).1
    };
    if !(MIN_WIDTH..=MAX_WIDTH).contains(&full) {
        return Vec::new();
    }
    let mut breaks = Vec::new();
    for (k, pair) in lines.windows(2).enumerate() {
        let (line, next) = (&text[pair[0].clone()], &text[pair[1].clone()]);
        let wrapped = widths[k] * 10 >= full * 9
            && !line.ends_with(ENDS)
            && (line.contains(MARKS) || next.contains(MARKS))
            && !is_row(line)
            && !is_row(next)
            && !next.is_empty()
            && heading_marker(next.trim_start()).is_none();
        if wrapped {
            // the break: its `\n`, and the `\r` before it (trailing spaces stay)
            let nl = pair[1].start - 1;
            let from = if text.as_bytes().get(nl.wrapping_sub(1)) == Some(&b'\r') {
                nl - 1
            } else {
                nl
            };
            breaks.push(from..nl + 1);
        }
    }
    if breaks.len() < 3 || breaks.len() * 3 < filled {
        return Vec::new();
    }
    breaks
}

/// Whether a line is a table's row (cells broken by `|` or tabs): a row is never wrapped.
fn is_row(line: &str) -> bool {
    memchr::memchr2(b'|', b'\t', line.as_bytes()).is_some()
}

/// The width of a line in columns: one per ASCII char, two per other char; a single space after
/// a CJK char and before a char counts none (a letter-spaced line, [`crate::text::spaced`], is as
/// wide as its chars).
fn width(line: &str) -> usize {
    let b = line.as_bytes();
    b.iter()
        .enumerate()
        .map(|(i, &c)| match c {
            b' ' if i > 0
                && (0x80..0xC0).contains(&b[i - 1])
                && b.get(i + 1).is_some_and(|&n| n != b' ') =>
            {
                0
            }
            0..0x80 => 1,
            0xC0.. => 2,
            _ => 0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A paragraph wrapped at 14 CJK chars: each break inside it is found, not the paragraph's
    /// end nor the break before a heading; a text of paragraph lines gives none.
    #[test]
    fn finds_the_breaks_inside_paragraphs_only() {
        let wrapped = "一、执法工作\n全年共办理行政处罚案件一百二十\n件,罚款金额合计三十五万元,同\n比下降百分之十二。\n二、复议应诉\n本年度收到行政复议申请十四件,\n已全部审结,其中维持原行政行为\n十一件。\n";
        let breaks = wrap_breaks(wrapped);
        let at: Vec<String> = breaks
            .iter()
            .map(|r| {
                let before: Vec<char> = wrapped[..r.start].chars().collect();
                before[before.len() - 2..].iter().collect::<String>()
            })
            .collect();
        assert_eq!(at, ["二十", ",同", "件,", "行为"]);
        let paragraphs = "一、执法工作\n全年共办理行政处罚案件一百二十件。\n罚款金额合计三十五万元,同比下降。\n二、复议应诉\n收到行政复议申请十四件。\n已全部审结。\n维持原行政行为十一件。\n";
        assert!(wrap_breaks(paragraphs).is_empty());
    }

    /// Rows of a table (cells broken by tabs or `|`), however alike their widths, are no wraps.
    #[test]
    fn table_rows_are_never_wrapped() {
        let rows = "本年新收政府信息公开申请数量\t12\t0\t0\n上年结转政府信息公开申请数量\t0\t0\t0\n本年度办理结果予以公开的数量\t8\t0\t1\n部分公开区分处理的申请数量\t2\t0\t0\n不予公开属于国家秘密的数量\t0\t1\t0\n结转下年度继续办理的数量合计\t1\t0\t0\n";
        assert!(wrap_breaks(rows).is_empty());
        assert!(wrap_breaks(&rows.replace('\t', "|")).is_empty());
    }

    /// A list of titles as wide as each other (`相关阅读` links) is no wrapped paragraph.
    #[test]
    fn a_list_of_titles_is_not_wrapped() {
        let list = "相关阅读\n某市农业农村局2021年法治政府建设年度报告\n某市农业农村局2022年法治政府建设年度报告\n某市农业农村局2023年法治政府建设年度报告\n某市农业农村局2024年法治政府建设年度报告\n发布时间:2025-01-20\n2024年,本局统筹推进依法行政。\n";
        assert!(wrap_breaks(list).is_empty());
    }

    /// `\r\n` breaks are dropped whole.
    #[test]
    fn a_crlf_break_is_two_bytes() {
        let t = "全年共办理行政处罚案件一百二十\r\n件,罚款金额合计三十五万元,同\r\n比下降百分之十二,收到申请四十\r\n件,审结三十件,维持二十件,纠错\r\n十件。\r\n完。\r\n";
        let breaks = wrap_breaks(t);
        assert_eq!(breaks.len(), 4);
        assert!(breaks.iter().all(|r| &t[r.clone()] == "\r\n"));
    }
}
