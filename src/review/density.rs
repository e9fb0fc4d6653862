//! Where the numbers are (REVIEW.md §5): per level-1 section of the outline its length, the
//! catalog fact mentions and the other figures in it; the report's figures per 1,000 chars.

use super::parts::Outline;
use crate::doc::Doc;
use crate::model::{Report, SectionDensity};

/// A measures section longer than this (chars) without any figure is `no_figures`.
pub const NO_FIGURES_MIN_CHARS: usize = 500;

/// Parts whose sections are not expected to hold numbers.
const WORDS_ONLY: [&str; 4] = ["leader_duty", "shortcomings", "plans", "other"];

/// The chars of `s` that are not white space (`char::is_whitespace`), counted without decoding
/// a char. One branch-free loop the compiler vectorises counts the bytes that start a char but
/// neither an ASCII space nor U+3000 (`E3 80 80`); every other white space char (see
/// [`wide_space`]) starts with C2, E1 or E2, rare bytes memchr finds, tested one by one.
fn non_space_chars(s: &str) -> usize {
    let b = s.as_bytes();
    let n = b.len();
    if n < 3 {
        return s.chars().filter(|c| !c.is_whitespace()).count();
    }
    let kept = |x: u8, y: u8, z: u8| {
        let ideographic = (x == 0xE3) & (y == 0x80) & (z == 0x80);
        u8::from(((x as i8) >= -0x40) & !(ascii_space(x) | ideographic))
    };
    // the last two bytes (U+3000 takes three), then the others with the two bytes after each,
    // in blocks whose count fits a byte (and whose length is a multiple of any vector's)
    let mut count = usize::from(kept(b[n - 2], b[n - 1], 0) + kept(b[n - 1], 0, 0));
    let (x, y, z) = (&b[..n - 2], &b[1..n - 1], &b[2..]);
    for start in (0..x.len()).step_by(128) {
        let end = (start + 128).min(x.len());
        let (x, y, z) = (&x[start..end], &y[start..end], &z[start..end]);
        let mut block = 0u8;
        for i in 0..x.len() {
            block += kept(x[i], y[i], z[i]);
        }
        count += usize::from(block);
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let leads = memchr::memchr3_iter(0xC2, 0xE1, 0xE2, b);
    count
        - leads
            .filter(|&i| wide_space(b[i], at(i + 1), at(i + 2)))
            .count()
}

/// Whether a byte is ASCII white space (`\t \n \x0B \x0C \r` and the space).
fn ascii_space(x: u8) -> bool {
    (x == b' ') | (x.wrapping_sub(b'\t') < 5)
}

/// Whether the bytes `x y z` begin (in UTF-8) with a white space char beyond ASCII: U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F or U+3000 (Unicode's
/// `White_Space`; the test compares with `char::is_whitespace` for every char). Lead bytes are
/// never continuation bytes, so a match is a whole char. Bitwise, without branches.
fn wide_space(x: u8, y: u8, z: u8) -> bool {
    let latin = (x == 0xC2) & ((y == 0x85) | (y == 0xA0));
    let ogham = (x == 0xE1) & (y == 0x9A) & (z == 0x80);
    let general = (x == 0xE2)
        & (((y == 0x80) & ((0x80..=0x8A).contains(&z) | (z == 0xA8) | (z == 0xA9) | (z == 0xAF)))
            | ((y == 0x81) & (z == 0x9F)));
    let ideographic = (x == 0xE3) & (y == 0x80) & (z == 0x80);
    latin | ogham | general | ideographic
}

/// The level-1 sections and the density (figures per 1,000 non-space chars of the text, one decimal).
pub fn density(doc: &Doc, report: &Report) -> (Vec<SectionDensity>, f64) {
    density_of(doc, report, &Outline::new(report))
}

/// [`density`], the outline read already (see [`Outline`]).
pub fn density_of(doc: &Doc, report: &Report, outline: &Outline) -> (Vec<SectionDensity>, f64) {
    let total = doc.index.len_chars();
    let starts: Vec<usize> = report
        .metrics
        .iter()
        .flat_map(|f| f.evidence.iter().map(|e| e[0]))
        .collect();
    let figs: Vec<usize> = report
        .figures
        .iter()
        .filter_map(|f| f.evidence.first().map(|e| e[0]))
        .collect();
    let count = |v: &[usize], a: usize, b: usize| v.iter().filter(|&&x| a <= x && x < b).count();
    let tops: Vec<usize> = (0..report.outline.len())
        .filter(|&k| report.outline[k].level == 1)
        .collect();
    let mut out = Vec::new();
    for (i, &k) in tops.iter().enumerate() {
        let h = &report.outline[k];
        let end = tops
            .get(i + 1)
            .map_or(total, |&n| report.outline[n].at)
            .max(h.at);
        let facts = count(&starts, h.at, end);
        let figures = count(&figs, h.at, end);
        let chars = end - h.at;
        let words_only = outline
            .top_heading_parts(k)
            .iter()
            .any(|p| WORDS_ONLY.contains(p));
        out.push(SectionDensity {
            heading: h.text.clone(),
            at: h.at,
            chars,
            facts,
            figures,
            no_figures: !words_only && chars > NO_FIGURES_MIN_CHARS && facts + figures == 0,
        });
    }
    let body = non_space_chars(doc.original);
    let density = if body == 0 {
        0.0
    } else {
        ((starts.len() + figs.len()) as f64 * 1000.0 / body as f64 * 10.0).round() / 10.0
    };
    (out, density)
}

#[cfg(test)]
mod tests {
    /// Every white-space char of Unicode (and neighbours of their lead bytes) counts as
    /// `char::is_whitespace` says.
    #[test]
    fn non_space_chars_is_the_filtered_count() {
        let all: String = (0..0x3100u32).filter_map(char::from_u32).collect();
        for s in [
            "",
            "全年办理 案件\u{3000}12件。\n",
            "a\u{85}b\u{a0}c\u{1680}d\u{2000}\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}e\u{180e}f\u{200b}",
            all.as_str(),
        ] {
            let want = s.chars().filter(|c| !c.is_whitespace()).count();
            assert_eq!(super::non_space_chars(s), want, "{s:?}");
        }
        // every char of Unicode, alone (at the end) and before another
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let want = usize::from(!c.is_whitespace());
            assert_eq!(super::non_space_chars(&c.to_string()), want, "{c:?}");
            assert_eq!(super::non_space_chars(&format!("{c}a")), want + 1, "{c:?}");
        }
    }
}
