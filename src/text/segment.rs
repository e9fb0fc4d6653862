//! Stage 2 — segment: the normalised text → lines, headings, sentences and clauses.
//!
//! In: normalised text. Out: [`Segmentation`] with byte ranges into it, each list in text order.
//! - a **heading** is a line that starts with a marker: `一、` (level 1), `(一)` (2), `1.`/`1、` (3),
//!   `(1)`/`①` (4), or an inline `一是`/`二是` item (5), and is short or ends at its first `。`;
//! - a **sentence** ends at `。!?;` or a line break;
//! - a **clause** ends at a sentence end or `,:、` (quotes and brackets do not nest here).

use super::swar::{word_at, HIGH, LOW};
use std::ops::Range;

/// A heading found at the start of a line (or an inline 一是 item).
#[derive(Debug, Clone, PartialEq)]
pub struct HeadingSeg {
    /// 1 = 一、 2 = (一) 3 = 1. 4 = (1) 5 = 一是
    pub level: u8,
    /// The heading text (marker included), up to the line end or the first 。
    pub span: Range<usize>,
}

/// The segmentation of one text.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub lines: Vec<Range<usize>>,
    pub headings: Vec<HeadingSeg>,
    pub sentences: Vec<Range<usize>>,
    pub clauses: Vec<Range<usize>>,
}

impl Segmentation {
    /// Index of the sentence containing byte `b`.
    pub fn sentence_of(&self, b: usize) -> Option<usize> {
        find_range(&self.sentences, b)
    }
    /// Index of the line (a paragraph) containing byte `b`.
    pub fn line_of(&self, b: usize) -> Option<usize> {
        find_range(&self.lines, b)
    }
    /// Index of the clause containing byte `b`.
    pub fn clause_of(&self, b: usize) -> Option<usize> {
        find_range(&self.clauses, b)
    }
    /// The last heading starting at or before `b` at each level (level 1 first).
    pub fn headings_before(&self, b: usize) -> Vec<&HeadingSeg> {
        let mut out: Vec<&HeadingSeg> = Vec::new();
        for h in &self.headings {
            if h.span.start > b {
                break;
            }
            out.retain(|o| o.level < h.level);
            out.push(h);
        }
        out
    }
}

fn find_range(v: &[Range<usize>], b: usize) -> Option<usize> {
    let i = v.partition_point(|r| r.end <= b);
    (i < v.len() && v[i].start <= b).then_some(i)
}

/// The Chinese numerals of heading markers (a char array: a char's test is ten compares, no
/// substring search).
const CN_DIGITS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// The heading level of a line that starts with a marker, and the marker's byte length.
pub fn heading_marker(line: &str) -> Option<(u8, usize)> {
    let t = line;
    let mut it = t.char_indices().peekable();
    let (_, c0) = *it.peek()?;
    // 一、 / 十二、
    if CN_DIGITS.contains(&c0) {
        let mut end = 0;
        for (i, c) in t.char_indices() {
            if CN_DIGITS.contains(&c) {
                end = i + c.len_utf8();
            } else {
                break;
            }
        }
        let rest = &t[end..];
        if rest.starts_with('、') {
            return Some((1, end + '、'.len_utf8()));
        }
        // `一.加强` (a point after a Chinese numeral) is a level-1 marker too
        if rest.starts_with('.') && end <= 6 && !rest[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return Some((1, end + 1));
        }
        if rest.starts_with('是') && end <= 6 {
            return Some((5, end + '是'.len_utf8()));
        }
        return None;
    }
    // (一) (1)
    if c0 == '(' {
        let close = t.find(')')?;
        let inner = &t[1..close];
        if inner.is_empty() || inner.chars().count() > 3 {
            return None;
        }
        if inner.chars().all(|c| CN_DIGITS.contains(&c)) {
            return Some((2, close + 1));
        }
        if inner.chars().all(|c| c.is_ascii_digit()) {
            return Some((4, close + 1));
        }
        return None;
    }
    // 1. / 1、 / 1．
    if c0.is_ascii_digit() {
        let end = t.find(|c: char| !c.is_ascii_digit())?;
        if end > 2 {
            return None;
        }
        // `8 .加强` (a stray space before the point) is still a marker
        let spaced = &t[end..];
        let end = end + (spaced.len() - spaced.trim_start_matches(' ').len()).min(2);
        let rest = &t[end..];
        // `1)` is a level-4 marker like `(1)`
        if rest.starts_with(')') {
            return Some((4, end + 1));
        }
        for m in ['.', '、'] {
            if rest.starts_with(m) {
                let after = &rest[m.len_utf8()..];
                // "1.5万" is a number, not a heading
                if after.starts_with(|c: char| c.is_ascii_digit()) {
                    return None;
                }
                return Some((3, end + m.len_utf8()));
            }
        }
        return None;
    }
    if ('①'..='⑳').contains(&c0) {
        return Some((4, c0.len_utf8()));
    }
    None
}

/// The chars that end a sentence (the reference the byte scan is tested against).
#[cfg(test)]
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '\n')
}

/// The chars that end a clause.
#[cfg(test)]
fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | ':' | '、')
}

/// The lines of `text`, trimmed, without empty ones (the line breaks found with `memchr`).
fn lines_of(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for line in super::lines::line_ranges(text) {
        push_trimmed(text, line, &mut out);
    }
    out
}

/// The sentences and the clauses of `text`, trimmed, in one pass (a sentence end also ends a
/// clause). The ends are read from the bytes: each one is ASCII or starts with `0xE3 0x80`, so
/// of eight bytes only those are looked at.
fn sentences_and_clauses(text: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    // (room for a clause per ~16 bytes, a sentence per ~64: reports run ~12 and ~40 chars)
    let (mut sentences, mut clauses) = (
        Vec::with_capacity(text.len() / 64 + 1),
        Vec::with_capacity(text.len() / 16 + 1),
    );
    let (mut sentence, mut clause) = (Sentence::default(), 0);
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // (the top bit of each of the next eight bytes that may start an end; all of fewer)
        let n = (bytes.len() - at).min(8);
        let mut may = match word_at(bytes, at) {
            Some(w) => may_end(w),
            None => HIGH >> (8 * (8 - n)),
        };
        while may != 0 {
            let i = at + may.trailing_zeros() as usize / 8;
            may &= may - 1;
            let Some((len, ends_sentence)) = end_at(bytes, i) else {
                continue;
            };
            // (a piece ending at a line break is pushed without it: trimmed, it would go anyway)
            let (end, kept) = (i + len, if bytes[i] == b'\n' { i } else { i + len });
            sentence.took(push_trimmed(text, clause..kept, &mut clauses));
            clause = end;
            if ends_sentence {
                sentence.end(&mut sentences);
            }
        }
        at += n;
    }
    sentence.took(push_trimmed(text, clause..text.len(), &mut clauses));
    sentence.end(&mut sentences);
    (sentences, clauses)
}

/// The sentence being read, trimmed, from its clauses (trimmed): it begins where its first
/// clause that is not all spaces begins and ends where its last such clause ends (a sentence is
/// its clauses end to end, so its first and last chars that are not spaces are theirs); no
/// sentence when every clause is all spaces. Each piece of text is trimmed once, not twice.
#[derive(Default)]
struct Sentence {
    /// The first and the last trimmed clause's start and end, when one is not empty.
    span: Option<Range<usize>>,
}

impl Sentence {
    /// A clause was read: its trimmed range, None when it was all spaces.
    fn took(&mut self, clause: Option<Range<usize>>) {
        if let Some(c) = clause {
            match &mut self.span {
                Some(s) => s.end = c.end,
                None => self.span = Some(c),
            }
        }
    }

    /// The sentence ends: push it (if any) and start the next.
    fn end(&mut self, out: &mut Vec<Range<usize>>) {
        out.extend(self.span.take());
    }
}

/// Of the eight bytes of `w` (a `swar::word`), those that may start a sentence or clause end, by
/// their top bit: every ASCII byte and every `0xE3` (and maybe a byte next to a `0xE3`).
fn may_end(w: u64) -> u64 {
    // (a byte of `e3` is zero where `w` has 0xE3: the borrow test marks every zero byte, and
    // maybe a byte above one)
    let e3 = w ^ (LOW * 0xE3);
    (!w | (e3.wrapping_sub(LOW) & !e3)) & HIGH
}

/// The sentence or clause end starting at byte `i`: its length and whether it ends a sentence.
fn end_at(bytes: &[u8], i: usize) -> Option<(usize, bool)> {
    match bytes[i] {
        b @ (b'!' | b'?' | b';' | b'\n' | b',' | b':') => {
            Some((1, matches!(b, b'!' | b'?' | b';' | b'\n')))
        }
        0xE3 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
            Some(0x82) => Some((3, true)),  // 。
            Some(0x81) => Some((3, false)), // 、
            _ => None,
        },
        _ => None,
    }
}

/// Push `r` with its spaces trimmed off both ends onto `out`, unless nothing is left; the range
/// pushed.
fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    // (most pieces neither begin nor end with a space: a look at each end's bytes, and a trim
    // only of an end that has one)
    let head = if space_first(s) { s.trim_start() } else { s };
    if head.is_empty() {
        return None;
    }
    let t = if space_last(head) {
        head.trim_end()
    } else {
        head
    };
    let start = r.end - head.len();
    out.push(start..start + t.len());
    Some(start..start + t.len())
}

/// Whether `s` is empty or its first char is whitespace (`char::is_whitespace`), told from the
/// bytes for ASCII and the chars U+3000..=U+FFFF (lead bytes `0xE3..=0xEF`; of them only U+3000
/// is whitespace).
fn space_first(s: &str) -> bool {
    match s.as_bytes() {
        [] => true,
        [b, ..] if *b < 0x80 => matches!(b, b'\t'..=b'\r' | b' '),
        [0xE3, x, y, ..] => [*x, *y] == [0x80, 0x80],
        [0xE4..=0xEF, ..] => false,
        _ => s.chars().next().is_none_or(char::is_whitespace),
    }
}

/// Whether `s` is empty or its last char is whitespace, told from the last bytes for ASCII and
/// the chars U+3000..=U+FFFF (of them only U+3000 is whitespace).
fn space_last(s: &str) -> bool {
    match s.as_bytes() {
        [] => true,
        [.., b] if *b < 0x80 => matches!(b, b'\t'..=b'\r' | b' '),
        [.., 0xE3, x, y] => [*x, *y] == [0x80, 0x80],
        [.., 0xE4..=0xEF, _, _] => false,
        _ => s.chars().next_back().is_none_or(char::is_whitespace),
    }
}

/// The byte offsets of the circled numbers ① to ⑳ (U+2460..=U+2473: `E2 91 A0..=B3` in
/// UTF-8) in `text`, found by their first two bytes (memmem) rather than char by char.
fn circled_numbers(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, &[0xE2, 0x91])
        .filter(|&p| bytes.get(p + 2).is_some_and(|b| (0xA0..=0xB3).contains(b)))
}

/// Segment a normalised text.
pub fn segment(text: &str) -> Segmentation {
    let lines = lines_of(text);
    let mut headings = Vec::new();
    // every 是 of the text, found at once (a char search per line, memchr on 是's last byte
    // 0xAF, would stop at many other chars); a 是 is never a trimmed line's space
    let mut shi = memchr::memmem::find_iter(text.as_bytes(), "是").peekable();
    let mut circled = circled_numbers(text).peekable();
    for l in &lines {
        let line = &text[l.clone()];
        if let Some((level, _)) = heading_marker(line) {
            let end = line
                .find('。')
                .map(|i| i + '。'.len_utf8())
                .unwrap_or(line.len());
            // a long paragraph that merely starts with a marker is still headed by its first sentence
            headings.push(HeadingSeg {
                level,
                span: l.start..l.start + end,
            });
        }
        // inline 一是…二是… items inside a paragraph (the line's 是 from the text's, in order)
        while let Some(p) = shi.next_if(|&p| p < l.end) {
            let at = p.saturating_sub(l.start);
            if at < 3 {
                continue;
            }
            let prev = line[..at].chars().next_back().unwrap_or(' ');
            if !CN_DIGITS.contains(&prev) {
                continue;
            }
            let start = at - prev.len_utf8();
            let before = line[..start].chars().next_back().unwrap_or('。');
            if !matches!(before, '。' | ';' | ',' | ':' | ' ') {
                continue;
            }
            let end = line[at..]
                .find('。')
                .map(|i| at + i + '。'.len_utf8())
                .unwrap_or(line.len());
            headings.push(HeadingSeg {
                level: 5,
                span: l.start + start..l.start + end,
            });
        }
        // inline ① items after a sentence end: `…行为。①扎实开展…` (the line's circled numbers
        // from the text's, in order; not at the line's start)
        while let Some(p) = circled.next_if(|&p| p < l.end) {
            let Some(at) = p.checked_sub(l.start).filter(|&at| at > 0) else {
                continue;
            };
            let before = line[..at].chars().next_back().unwrap_or(' ');
            if !matches!(before, '。' | ';' | ':') {
                continue;
            }
            let end = line[at..]
                .find('。')
                .map(|i| at + i + '。'.len_utf8())
                .unwrap_or(line.len());
            headings.push(HeadingSeg {
                level: 4,
                span: l.start + at..l.start + end,
            });
        }
    }
    headings.sort_by_key(|h| (h.span.start, h.level));
    headings.dedup_by_key(|h| h.span.start);
    let (sentences, clauses) = sentences_and_clauses(text);
    Segmentation {
        sentences,
        clauses,
        lines,
        headings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn markers() {
        assert_eq!(heading_marker("一、工作任务"), Some((1, 6)));
        assert_eq!(heading_marker("(一)加强"), Some((2, 5)));
        assert_eq!(heading_marker("1.强化"), Some((3, 2)));
        assert_eq!(heading_marker("1.5万人"), None);
        assert_eq!(heading_marker("8 .加强"), Some((3, 3)));
        assert_eq!(heading_marker("二.存在问题"), Some((1, 4)));
        assert_eq!(heading_marker("2)加强"), Some((4, 2)));
        assert_eq!(heading_marker("一是强化"), Some((5, 6)));
        assert_eq!(heading_marker("我局"), None);
        // the numeral array holds the numerals a substring search of them would find
        for c in "〇一二三四五六七八九十百两".chars() {
            let want = "一二三四五六七八九十".contains(c);
            assert_eq!(heading_marker(&format!("{c}、甲")).is_some(), want, "{c}");
        }
    }
    #[test]
    fn inline_items() {
        let t = "一是强化理论。内容。二是抓实教育。其他";
        let s = segment(t);
        let hs: Vec<&str> = s.headings.iter().map(|h| &t[h.span.clone()]).collect();
        assert_eq!(hs, vec!["一是强化理论。", "二是抓实教育。"]);
    }
    /// The inline 一是 items from the text's 是 found at once are those a search of each line
    /// for its 是 finds.
    #[test]
    fn inline_items_like_a_search_per_line() {
        let t =
            "是非\na是 一是甲。\n  三是乙;四是丙,x五是丁\n\nx十二是戊。是是六是\n七是:八是 九是";
        let lines = lines_of(t);
        let mut want = Vec::new();
        for l in &lines {
            let line = &t[l.clone()];
            let mut from = 0;
            while let Some(p) = line[from..].find('是') {
                let at = from + p;
                from = at + '是'.len_utf8();
                if at < 3 {
                    continue;
                }
                let prev = line[..at].chars().next_back().unwrap_or(' ');
                let start = at - prev.len_utf8();
                let before = line[..start].chars().next_back().unwrap_or('。');
                if "一二三四五六七八九十".contains(prev)
                    && matches!(before, '。' | ';' | ',' | ':' | ' ')
                {
                    want.push(l.start + start);
                }
            }
        }
        let got: Vec<usize> = segment(t)
            .headings
            .iter()
            .filter(|h| h.level == 5)
            .map(|h| h.span.start)
            .collect();
        assert_eq!(got, want);
        assert_eq!(want.len(), 6);
    }
    /// The inline ① items from the text's circled numbers found at once are those a char-by-char
    /// reading of each line finds (① to ⑳ only, never at a line's start).
    #[test]
    fn inline_circled_items_like_a_char_scan() {
        let t = "①开头。②接着\n甲。③乙;④丙:⑤丁,⑥戊。⑳己。⑴不算。⑟也不算。\u{2440}x。Ⅱ。\n\n  。⑦\n末尾。⑩";
        let lines = lines_of(t);
        let mut want = Vec::new();
        for l in &lines {
            let line = &t[l.clone()];
            for (at, c) in line.char_indices().skip(1) {
                let before = line[..at].chars().next_back().unwrap_or(' ');
                if ('①'..='⑳').contains(&c) && matches!(before, '。' | ';' | ':') {
                    want.push(l.start + at);
                }
            }
        }
        let got: Vec<usize> = segment(t)
            .headings
            .iter()
            .filter(|h| h.level == 4 && !lines.iter().any(|l| l.start == h.span.start))
            .map(|h| h.span.start)
            .collect();
        assert_eq!(got, want);
        assert_eq!(want.len(), 7);
    }

    /// The byte scan ends sentences and clauses where `is_sentence_end`/`is_clause_end` say,
    /// with the ends at every place in and across its eight-byte steps.
    #[test]
    fn byte_scan_ends_like_the_char_tests() {
        // (the second with clauses and sentences of spaces only, first, inside and last)
        let bases = [
            "甲,乙:丙、丁。戊!己?庚;辛\n壬 癸〇〃「」,长长长长长长长长长长。短、",
            " \u{3000}\n 甲 , \u{3000}\n  ,  乙。 \n\u{3000}; 丙 , \n \t",
        ];
        for (base, pad) in bases.iter().flat_map(|b| {
            ["", "é", "中", "é中", "中中", "é中中", "中中中", "a中中中"].map(|p| (b, p))
        }) {
            for t in [format!("{pad}{base}"), format!("{pad}{base}\n")] {
                let t = t.as_str();
                let (sentences, clauses) = sentences_and_clauses(t);
                let (mut want_s, mut want_c) = (Vec::new(), Vec::new());
                let (mut s0, mut c0) = (0, 0);
                for (i, c) in t.char_indices() {
                    let end = i + c.len_utf8();
                    if is_clause_end(c) {
                        push_trimmed(t, c0..end, &mut want_c);
                        c0 = end;
                    }
                    if is_sentence_end(c) {
                        push_trimmed(t, s0..end, &mut want_s);
                        s0 = end;
                    }
                }
                push_trimmed(t, s0..t.len(), &mut want_s);
                push_trimmed(t, c0..t.len(), &mut want_c);
                assert_eq!((sentences, clauses), (want_s, want_c), "{t:?}");
            }
        }
    }

    /// `push_trimmed` pushes a piece as `str::trim` cuts it (when something is left), and the
    /// lines are the trimmed pieces between line breaks.
    #[test]
    fn pieces_trimmed_like_str_trim() {
        let t = "  甲 \n\u{3000}乙\u{3000}\n\n《丙》\u{A0}\n \u{2028}x\u{85}\n\u{3000}\n丁\r\n戊";
        let mut want_lines = Vec::new();
        let mut start = 0;
        for piece in t.split('\n') {
            let r = start..start + piece.len();
            start = r.end + 1;
            let (mut got, mut want) = (Vec::new(), Vec::new());
            push_trimmed(t, r.clone(), &mut got);
            let (s, cut) = (piece.trim(), piece.len() - piece.trim_start().len());
            if !s.is_empty() {
                want.push(r.start + cut..r.start + cut + s.len());
            }
            assert_eq!(got, want, "{piece:?}");
            want_lines.extend(want);
        }
        assert_eq!(lines_of(t), want_lines);
        assert_eq!(want_lines.len(), 6);
    }

    /// The byte looks at a piece's ends say what `char::is_whitespace` says of its first and
    /// last chars, for every char up to U+FFFF between CJK and ASCII neighbours.
    #[test]
    fn end_bytes_tell_whitespace_like_the_char_test() {
        let chars = (0u32..0x1_0000)
            .chain([0x1_F600])
            .filter_map(char::from_u32);
        for c in chars {
            let ws = c.is_whitespace();
            for (s, first, last) in [
                (format!("{c}"), ws, ws),
                (format!("{c}中a"), ws, false),
                (format!("a中{c}"), false, ws),
            ] {
                assert_eq!(
                    (space_first(&s), space_last(&s)),
                    (first, last),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
        assert!(space_first("") && space_last(""));
    }
}
