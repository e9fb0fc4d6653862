//! Outline: the heading tree (一、 / (一) / 1. / 一是 …) with levels and char offsets.
//!
//! The list is flat and in text order; levels nest (1 = `一、`, 2 = `(一)`, 3 = `1.`,
//! 4 = `(1)`/`①`, 5 = `一是`). A heading's text is its phrase: the marker and the words up to
//! the first `。`/`;` (the run-in heading of a paragraph), cut to about 60 characters at a clause
//! end. A numbered line whose first sentence is longer than that is a list item in a paragraph,
//! not a heading (levels 3 and 4 only).

use crate::doc::Doc;
use crate::model::Heading;

/// Longest heading text in chars.
pub const HEADING_MAX: usize = 60;

/// The heading phrase of a heading span: up to the first `。`/`;`, without it, cut to
/// [`HEADING_MAX`] chars (at a clause end when there is one in the second half).
pub fn heading_phrase(s: &str) -> &str {
    let s = s.trim();
    phrase_of(&s[..clause_stop(s)])
}

/// The byte offset of the first `。` or `;` of `s` (its length when there is none): what
/// `s.find(['。', ';'])` tells, from the bytes memchr finds (`;`, and E3, the first of `。`'s
/// three) without decoding the chars between.
fn clause_stop(s: &str) -> usize {
    let b = s.as_bytes();
    memchr::memchr2_iter(b';', 0xE3, b)
        .find(|&i| b[i] == b';' || b[i..].starts_with("。".as_bytes()))
        .unwrap_or(b.len())
}

/// Where a heading's or an item's phrase may be cut short, and what its end sheds: `,` `:` `、`.
pub(super) const PHRASE_CUTS: [char; 3] = [',', ':', '、'];

/// [`heading_phrase`] of a trimmed span already cut at its first `。`/`;`.
fn phrase_of(s: &str) -> &str {
    let s = s.trim_end_matches(|c: char| c.is_whitespace() || PHRASE_CUTS.contains(&c));
    if s.chars().count() <= HEADING_MAX {
        return s;
    }
    let limit = s
        .char_indices()
        .nth(HEADING_MAX)
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let head = &s[..limit];
    match head.rfind(PHRASE_CUTS) {
        Some(i) if i > limit / 2 => &head[..i],
        _ => head,
    }
}

/// The headings of the report in text order.
pub fn outline(doc: &Doc) -> Vec<Heading> {
    let mut out = Vec::new();
    for h in &doc.segs.headings {
        let Some(span) = doc.body.get(h.span.clone()) else {
            continue;
        };
        let raw = span.trim();
        // (the span up to its first stop, read once for the test and the phrase)
        let first = &raw[..clause_stop(raw)];
        if (3..=4).contains(&h.level) && first.chars().count() > HEADING_MAX {
            continue;
        }
        let text = phrase_of(first);
        if text.is_empty() {
            continue;
        }
        let lead = span.len() - span.trim_start().len();
        out.push(Heading {
            level: h.level,
            text: text.to_string(),
            at: doc.index.char_at(h.span.start + lead),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn phrase() {
        assert_eq!(heading_phrase("1.强化组织领导。全市上下"), "1.强化组织领导");
        assert_eq!(
            heading_phrase("一、工作任务完成情况"),
            "一、工作任务完成情况"
        );
        let long = "一是".to_string() + &"甲".repeat(70);
        assert_eq!(heading_phrase(&long).chars().count(), HEADING_MAX);
    }

    /// `clause_stop` is `str::find` of `。` or `;`: either first, none, at either end, after
    /// other chars that begin with E3 (`、`, `《`, `〇`), after wide chars.
    #[test]
    fn clause_stop_is_find() {
        for s in [
            "",
            ";",
            "。",
            "无标点",
            "、《规定》〇;后。",
            "甲。乙;丙",
            "一是加强\u{1F600}é领导、",
            "〃〃〃",
            "(一);",
        ] {
            let want = s.find(['。', ';']).unwrap_or(s.len());
            assert_eq!(clause_stop(s), want, "{s:?}");
        }
    }
}
