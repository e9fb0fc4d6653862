//! `Doc`: everything the stages share about one text — the original, its normalised form, the
//! body with page clutter blanked, the segmentation, the sections' layout and the offset indexes.

use crate::model::Span;
use crate::text::clutter;
use crate::text::layout::{self, Section, SectionKind};
use crate::text::markdown::markdown_marks;
use crate::text::normalise::{normalise_dropping, Shifts};
use crate::text::offsets::CharIndex;
use crate::text::segment::{segment, Segmentation};
use crate::text::spaced::letter_spaces;
use crate::text::unwrap::wrap_breaks;
use std::ops::Range;

/// Everything the stages share about one text: the original, its normalised form, the
/// normalised form with page clutter blanked, the segmentation and the offset index.
pub struct Doc<'a> {
    /// The text as the user gave it.
    pub original: &'a str,
    /// `normalise(original)`: same chars, half-width forms; a hard-wrapped text without the line
    /// breaks it was wrapped at inside its paragraphs ([`crate::text::unwrap`]), a
    /// letter-spaced line without its spaces between chars ([`crate::text::spaced`]), a Markdown
    /// text without its heading `#`s and bold `**` ([`crate::text::markdown`]).
    pub norm: String,
    /// `norm` with clutter lines (breadcrumbs, footers, counters …) blanked byte-for-byte.
    pub body: String,
    /// Segmentation of `body`.
    pub segs: Segmentation,
    /// Byte offsets of `norm`/`body` → char offsets of `original`.
    pub index: CharIndex,
    /// The problems/plans sections, computed once on first use (see [`Doc::sections`]).
    sections: std::sync::OnceLock<Vec<Section>>,
    /// Byte offsets of `norm` → byte offsets of `original` (see [`Doc::original_chars`]).
    shifts: Shifts,
}

/// Lists of byte ranges (each sorted) as one sorted list of ranges that do not overlap or touch
/// (a letter-spaced Markdown heading's `# ` and its first space are one range).
fn merged(lists: [Vec<Range<usize>>; 3]) -> Vec<Range<usize>> {
    let mut all: Vec<Range<usize>> = lists.into_iter().flatten().collect();
    all.sort_unstable_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

impl<'a> Doc<'a> {
    /// Normalise (rejoining a hard-wrapped text's lines, closing a letter-spaced line's gaps,
    /// leaving out Markdown marks), blank clutter and segment `original`.
    pub fn new(original: &'a str) -> Self {
        let drops = merged([
            wrap_breaks(original),
            letter_spaces(original),
            markdown_marks(original),
        ]);
        let (norm, shifts, gaps) = normalise_dropping(original, &drops);
        let clutter = clutter::clutter_lines(&norm);
        let body = blank(&norm, &clutter);
        let segs = segment(&body);
        let index = if gaps.is_empty() {
            CharIndex::new(&norm)
        } else {
            CharIndex::with_gaps(&norm, &gaps)
        };
        Doc {
            original,
            norm,
            body,
            segs,
            index,
            sections: std::sync::OnceLock::new(),
            shifts,
        }
    }

    /// The original text at char span `[a, b)` (an evidence's `raw`): the span's bytes in
    /// `norm`, shifted back to the original's (O(log n)).
    pub fn original_chars(&self, span: Span) -> &str {
        let (a, b) = (
            self.index.byte_at(span[0]),
            self.index.byte_at(span[1].max(span[0])),
        );
        let (a, b) = (self.shifts.original(a), self.shifts.original_end(b));
        self.original.get(a..b).unwrap_or("")
    }

    /// The original's char that the normalised text's char at byte `b` was normalised from (also
    /// across the breaks and spaces left out of `norm`).
    pub fn original_char_at(&self, b: usize) -> Option<char> {
        self.original.get(self.shifts.original(b)..)?.chars().next()
    }

    /// The problems and plans sections with where each one's content starts, found once.
    pub fn sections_full(&self) -> &[Section] {
        self.sections.get_or_init(|| {
            layout::sections(&layout::Body {
                body: &self.body,
                segs: &self.segs,
            })
        })
    }

    /// Byte ranges (in `body`) of the problems and plans sections, in text order; a range
    /// includes its heading.
    pub fn sections(&self) -> Vec<(SectionKind, Range<usize>)> {
        self.sections_full()
            .iter()
            .map(|(k, r, _)| (*k, r.clone()))
            .collect()
    }
}

/// Replace the chars in `ranges` by fillers of the same UTF-8 length (so byte and char offsets
/// are unchanged); line breaks are kept.
pub fn blank(s: &str, ranges: &[std::ops::Range<usize>]) -> String {
    if ranges.is_empty() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for r in ranges {
        if r.start < last
            || r.end > s.len()
            || !s.is_char_boundary(r.start)
            || !s.is_char_boundary(r.end)
        {
            continue;
        }
        out.push_str(&s[last..r.start]);
        for c in s[r.clone()].chars() {
            out.push(match c.len_utf8() {
                _ if c == '\n' => '\n',
                1 => ' ',
                2 => '\u{00A0}',
                3 => '\u{3000}',
                _ => '\u{E0020}',
            });
        }
        last = r.end;
    }
    out.push_str(&s[last..]);
    out
}
