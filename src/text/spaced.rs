//! Letter-spaced lines: text copied out of a PDF whose lines were justified or letter-spaced
//! comes with a space after every char (`行 政 处 罚 案 件 1 2 件`), on some lines or on all.
//! Read as it is, no trigger word and no figure of such a line is whole.
//!
//! A line is letter-spaced when most of its CJK chars are followed by exactly one space and then
//! another char. Its single spaces between two chars are left out of the normalised text
//! ([`crate::text::normalise::normalise_dropping`], as the breaks of a hard-wrapped text are), so
//! that `行政处罚案件12件` is read; a wider gap (two spaces or more: a word break the PDF kept)
//! stays one space. The offsets into the original step over the dropped spaces
//! ([`crate::text::CharIndex::with_gaps`]), so evidence spans are the original's, spaces and all.
//! A line of prose with a few spaces (`受理 58 件`), a list of names, and a table's rows (cells
//! broken by `|` or tabs) are not letter-spaced.

use super::lines::line_ranges;
use std::ops::Range;

/// The fewest chars (other than spaces) a letter-spaced line holds, and of them CJK chars before
/// its last (`合 计` is a label's width, `1 2 3` may be a table's cells).
const MIN_CHARS: usize = 4;
const MIN_CJK: usize = 2;

/// The share (in tenths) of a line's chars, the last one aside, that a single space follows.
const SPACED_TENTHS: usize = 7;

/// The fewest `CJK␠CJK` pairs a text must hold before its lines are looked at (most texts hold
/// none, and are turned away by one byte search).
const MIN_PAIRS: usize = 4;

/// The byte ranges of the spaces (` `) between two chars on a letter-spaced line of `text`, in
/// text order: each single space, and a wider gap's spaces but its first (the spaces
/// `Doc` leaves out).
pub fn letter_spaces(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    // (a CJK char's last byte, a space, a CJK char's first: a continuation byte before the
    // space, a lead byte after it; a table's ` | ` or a spaced figure `受理 58 件` is no pair)
    let pairs = memchr::memchr_iter(b' ', b)
        .filter(|&i| i > 0 && (0x80..0xC0).contains(&b[i - 1]) && b.get(i + 1) >= Some(&0xC0))
        .take(MIN_PAIRS)
        .count();
    if pairs < MIN_PAIRS {
        return Vec::new();
    }
    let mut out = Vec::new();
    for r in line_ranges(text) {
        let line = &text[r.clone()];
        if !may_be_letter_spaced(line.as_bytes())
            || memchr::memchr2(b'|', b'\t', line.as_bytes()).is_some()
            || !is_letter_spaced(line)
        {
            continue;
        }
        // each single space between two chars; of a wider gap, all its spaces but the first
        let lb = line.as_bytes();
        let mut i = 0;
        while let Some(k) = memchr::memchr(b' ', &lb[i..]) {
            let start = i + k;
            let end = lb[start..]
                .iter()
                .position(|&c| c != b' ')
                .map_or(lb.len(), |n| start + n);
            let between = start > 0 && end < lb.len() && lb[end] != b'\r';
            if between {
                let from = if end - start == 1 { start } else { start + 1 };
                out.push(r.start + from..r.start + end);
            }
            i = end;
        }
    }
    out
}

/// Whether `line` has spaces enough to be letter-spaced, by bytes alone (most lines are turned
/// away here without decoding a char): its `n` chars take at least a quarter of its bytes after
/// the spaces, and [`is_letter_spaced`] wants a space after 7 in 10 of them.
fn may_be_letter_spaced(line: &[u8]) -> bool {
    let spaces = memchr::memchr_iter(b' ', line).count();
    let least_chars = line.len().saturating_sub(spaces) / 4;
    spaces + 1 >= MIN_CHARS && spaces * 10 + SPACED_TENTHS >= least_chars * SPACED_TENTHS
}

/// Whether most of `line`'s chars before its last (at least [`MIN_CHARS`] in all, [`MIN_CJK`] of
/// them CJK), and most of its CJK chars, are followed by exactly one space and then a char.
fn is_letter_spaced(line: &str) -> bool {
    let mut chars = line.trim_end_matches([' ', '\r']).chars().peekable();
    // (all chars, CJK chars, and of each those a single space follows; the last char aside)
    let (mut n, mut wide, mut spaced, mut wide_spaced) = (0usize, 0usize, 0usize, 0usize);
    while let Some(c) = chars.next() {
        if c == ' ' || c == '\u{3000}' {
            continue;
        }
        let cjk = !c.is_ascii();
        if chars.peek().is_some() {
            n += 1;
            wide += usize::from(cjk);
        }
        if chars.peek() == Some(&' ') {
            chars.next();
            if chars.peek().is_some_and(|&n| n != ' ') {
                spaced += 1;
                wide_spaced += usize::from(cjk);
            }
        }
    }
    // (the CJK chars too: `规章 1 0 4`, a table row of single-digit cells, is no letter-spaced line)
    n + 1 >= MIN_CHARS
        && wide >= MIN_CJK
        && spaced * 10 >= n * SPACED_TENTHS
        && wide_spaced * 10 >= wide * SPACED_TENTHS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str) -> String {
        let drops = letter_spaces(text);
        let mut out = String::new();
        let mut from = 0;
        for d in drops {
            out.push_str(&text[from..d.start]);
            from = d.end;
        }
        out + &text[from..]
    }

    /// A letter-spaced line loses its single spaces, a word gap of two stays one gap; lines of
    /// prose with a few spaces, short labels and table rows keep theirs.
    #[test]
    fn only_letter_spaced_lines_lose_their_spaces() {
        let text = "一 、 执 法 工 作\n全 年 办 理 行 政 处 罚 案 件 1 2 3 件 ,  同 比 下 降 5 % 。\n受理 58 件,办结 57 件。\n合 计\n项 目 | 数 量\n";
        assert_eq!(
            kept(text),
            "一、执法工作\n全年办理行政处罚案件123件, 同比下降5%。\n受理 58 件,办结 57 件。\n合 计\n项 目 | 数 量\n"
        );
        // a table row of single-digit cells is none
        assert_eq!(
            kept("工 作 情 况 报 告\n规章 1 0 4\n"),
            "工作情况报告\n规章 1 0 4\n"
        );
        // a short line of ASCII and two CJK chars is one too (a date line)
        assert_eq!(
            kept("工 作 报 告\n日 期 : 2 0 2 4 - 0 2 - 2 6\n"),
            "工作报告\n日期:2024-02-26\n"
        );
        // a text with no letter-spaced line is turned away
        assert!(letter_spaces("受理 58 件,办结 57 件,罚款 3 万元,复议 2 件。").is_empty());
    }

    /// A line with CRLF ending and a last char with no space after it is still letter-spaced.
    #[test]
    fn crlf_lines_and_the_last_char() {
        assert_eq!(
            kept("本 年 度 收 到 申 请 十 件\r\n"),
            "本年度收到申请十件\r\n"
        );
    }
}
