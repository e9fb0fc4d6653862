//! Figures in lists: `分别` labels, and whether a total and a part are counted alike.

use super::around::{clip, phrase_start};
use super::words::words;
use super::SENTENCE_MAX;
use crate::doc::Doc;
use crate::numbers::quantities::Quantity;
use std::ops::Range;

/// `A、B、C分别为x、y、z`: the label text for each of the values after 分别, as byte ranges.
pub(super) fn respectively_labels(
    doc: &Doc,
    qs: &[Quantity],
    i: usize,
    sentence: &Range<usize>,
) -> Option<Range<usize>> {
    let text = &doc.body;
    let q = &qs[i];
    let from = clip(
        text,
        sentence
            .start
            .max(q.span.start.saturating_sub(SENTENCE_MAX)),
        q.span.start,
    )
    .start;
    let head = text.get(from..q.span.start)?;
    if !head.contains("分别") {
        return None;
    }
    let mt = words().patterns.respectively.find_iter(head).last()?;
    let resp_at = from + mt.start();
    // the values after 分别: the run of quantities right after it, joined by 、 or 和
    let first = qs.partition_point(|k| k.span.start < from + mt.end());
    if first >= qs.len() || qs[first].span.end > sentence.end {
        return None;
    }
    let mut vals = vec![first];
    while let Some(&last) = vals.last() {
        let next = last + 1;
        let Some(n) = qs.get(next) else { break };
        let gap = text
            .get(qs[last].span.end.min(n.span.start)..n.span.start)
            .unwrap_or("x");
        if n.span.end > sentence.end || !gap.chars().all(|c| matches!(c, '、' | '和' | ' ' | '及'))
        {
            break;
        }
        vals.push(next);
    }
    let pos = vals.iter().position(|&k| k == i)?;
    if vals.len() < 2 {
        return None;
    }
    // the labels before 分别: the phrase before it split on 、 和 及 — or the phrase before that
    // when this one only sums them up (`PM2.5、PM10…和CO这六项污染物,分别为…`)
    let mut start = phrase_start(text, resp_at, from);
    let mut end = resp_at;
    if !text[start..resp_at].contains(['、', '和', '及']) && start > from {
        let prev = phrase_start(text, start - 1, from);
        if text[prev..start].contains('、') {
            // up to the punctuation that ends the earlier phrase
            end = text[..start]
                .char_indices()
                .next_back()
                .map_or(start, |(p, _)| p);
            start = prev;
        }
    }
    let mut labels: Vec<Range<usize>> = Vec::new();
    let mut item = start;
    for (off, c) in text[start..end].char_indices() {
        if matches!(c, '、' | '和' | '及') {
            labels.push(item..start + off);
            item = start + off + c.len_utf8();
        }
    }
    labels.push(item..end);
    if labels.len() < vals.len() {
        return None;
    }
    let labels = &labels[labels.len() - vals.len()..];
    Some(labels[pos].clone())
}

/// Can a figure in `total` be the total of one in `part`? Not rounds of entities checked.
pub(super) fn same_kind_of_unit(total: &str, part: &str) -> bool {
    let round = |u: &str| words().units.round.iter().any(|w| w == u);
    let entity = |u: &str| words().units.entity.iter().any(|w| w == u);
    !(round(total) && entity(part) || entity(total) && round(part))
}
