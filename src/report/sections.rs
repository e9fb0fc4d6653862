//! The items of the problems and plans sections (the layout is found by `text::layout`).
//!
//! Items are the section's first level of sub-headings (`(一)…`, `1.…`, `一是…`), or else its
//! sentences (the clauses after an introducing colon); each is cut to about 80 characters at a
//! clause end.

use super::outline::PHRASE_CUTS;
use crate::doc::Doc;
use crate::text::layout::SectionKind;
use crate::text::segment::heading_marker;
use std::ops::Range;

/// Longest item text in chars before it is cut at a clause end.
const ITEM_MAX: usize = 80;

/// Cut `s` to at most [`ITEM_MAX`] chars, at the last sentence or clause end within the limit.
fn cut(s: &str) -> &str {
    let s = s.trim();
    if s.chars().count() <= ITEM_MAX {
        return s;
    }
    let limit = s
        .char_indices()
        .nth(ITEM_MAX)
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    let head = &s[..limit];
    let at = head
        .rfind(['。', ';', '!', '?'])
        .or_else(|| head.rfind(PHRASE_CUTS));
    match at {
        Some(i) if i > limit / 3 => {
            let c = head[i..].chars().next().unwrap_or('。');
            let t = &head[..i + c.len_utf8()];
            t.trim_end_matches(PHRASE_CUTS)
        }
        _ => head,
    }
}

/// Clean an item: strip the marker and leading punctuation, cut to length.
fn item_text(s: &str) -> (usize, &str) {
    let t = s.trim_start();
    let mut skip = s.len() - t.len();
    if let Some((_, n)) = heading_marker(t) {
        skip += n;
    }
    let rest = &s[skip..];
    let t2 =
        rest.trim_start_matches(|c: char| c.is_whitespace() || [',', ':', '、', '.'].contains(&c));
    skip += rest.len() - t2.len();
    (skip, cut(t2))
}

/// The items of the sections of one kind: (text, char offset).
fn items(doc: &Doc, kind: SectionKind) -> (Vec<String>, Vec<usize>) {
    let mut texts = Vec::new();
    let mut ats = Vec::new();
    let body = &doc.body;
    for (k, r, content_start) in doc.sections_full().iter().cloned() {
        if k != kind {
            continue;
        }
        let level = doc
            .segs
            .headings
            .binary_search_by_key(&r.start, |h| h.span.start)
            .map(|i| doc.segs.headings[i].level)
            .unwrap_or(0);
        let head_end = content_start;
        let content = head_end..r.end;
        // sub-headings of the first level below the section's
        let hs = &doc.segs.headings;
        let first = hs.partition_point(|h| h.span.start < content.start);
        let subs: Vec<&crate::text::segment::HeadingSeg> = hs[first..]
            .iter()
            .take_while(|h| h.span.start < content.end)
            .filter(|h| h.level > level)
            .collect();
        let mut push = |b: Range<usize>| {
            let s = body.get(b.clone()).unwrap_or("");
            let (skip, t) = item_text(s);
            if t.chars().count() >= 4 {
                texts.push(t.to_string());
                ats.push(doc.index.char_at(b.start + skip));
            }
        };
        if let Some(top) = subs.iter().map(|h| h.level).min() {
            for h in subs.iter().filter(|h| h.level == top) {
                let end = h.span.end.min(content.end);
                push(h.span.start..end);
            }
            continue;
        }
        // no sub-headings: the sentences (after an introducing colon, its clauses)
        let sents = &doc.segs.sentences;
        let i = sents.partition_point(|s| s.end <= content.start);
        for s in &sents[i..] {
            if s.start >= content.end {
                break;
            }
            let sr = s.start.max(content.start)..s.end.min(content.end);
            let text = body.get(sr.clone()).unwrap_or("");
            if let Some(p) = text.find(':') {
                let intro = &text[..p];
                if p + 1 < text.len()
                    && (intro.contains("存在") || intro.contains("不足") || intro.contains("问题"))
                {
                    let mut from = sr.start + p + 1;
                    for (j, c) in text[p + 1..].char_indices() {
                        if c == ',' || c == ';' || c == '。' {
                            let at = sr.start + p + 1 + j;
                            push(from..at);
                            from = at + c.len_utf8();
                        }
                    }
                    if from < sr.end {
                        push(from..sr.end);
                    }
                    continue;
                }
            }
            push(sr);
        }
    }
    (texts, ats)
}

/// The problems sections' items and their char offsets.
pub fn problems(doc: &Doc) -> (Vec<String>, Vec<usize>) {
    items(doc, SectionKind::Problems)
}

/// The plans sections' items and their char offsets.
pub fn plans(doc: &Doc) -> (Vec<String>, Vec<usize>) {
    items(doc, SectionKind::Plans)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn cut_long() {
        let s = "甲乙丙丁,".repeat(30);
        assert!(cut(&s).chars().count() <= ITEM_MAX);
    }
}
