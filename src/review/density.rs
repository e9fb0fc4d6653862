//! Where the numbers are (REVIEW.md §5): per level-1 section of the outline its length, the
//! catalog fact mentions and the other figures in it; the report's figures per 1,000 chars.

use crate::doc::Doc;
use crate::model::{Report, SectionDensity};

/// A measures section longer than this (chars) without any figure is `no_figures`.
pub const NO_FIGURES_MIN_CHARS: usize = 500;

/// Parts whose sections are not expected to hold numbers.
const WORDS_ONLY: [&str; 4] = ["leader_duty", "shortcomings", "plans", "other"];

/// The chars of `s` that are not white space (`char::is_whitespace`), counted without decoding
/// every char: white space is ASCII or begins with one of four lead bytes.
fn non_space_chars(s: &str) -> usize {
    let mut space = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => space += 1,
            0xC2 | 0xE1 | 0xE2 | 0xE3 if s[i..].chars().next().is_some_and(char::is_whitespace) => {
                space += 1
            }
            _ => {}
        }
    }
    s.chars().count() - space
}

/// The level-1 sections and the density (figures per 1,000 non-space chars of the text, one decimal).
pub fn density(doc: &Doc, report: &Report) -> (Vec<SectionDensity>, f64) {
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
    let tops: Vec<&crate::model::Heading> =
        report.outline.iter().filter(|h| h.level == 1).collect();
    let mut out = Vec::new();
    for (i, h) in tops.iter().enumerate() {
        let end = tops.get(i + 1).map_or(total, |n| n.at).max(h.at);
        let facts = count(&starts, h.at, end);
        let figures = count(&figs, h.at, end);
        let chars = end - h.at;
        let words_only = super::parts::heading_parts(&h.text, 1)
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
    }
}
