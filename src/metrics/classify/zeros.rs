//! Explicit zeros (`未发生行政诉讼案件`): the catalog's zero phrases, outside plans and breakdowns.

use super::in_plans;
use crate::data::catalog::Catalog;
use crate::doc::Doc;
use std::ops::Range;

/// Explicit zeros (`均无败诉`): (metric index, byte span) for each match outside the plans section.
/// Only the sentences that the catalog's alternation of all zero phrases matches (found by one
/// pass over the text) are searched phrase by phrase.
pub fn zeros(doc: &Doc, cat: &Catalog) -> Vec<(usize, Range<usize>)> {
    if cat.zeros.is_empty() {
        return Vec::new();
    }
    let secs = doc.sections();
    // the alternation's matches in the whole text, in one pass: a sentence that holds a match of
    // its own overlaps one of them (the pass never steps past a match's start without yielding
    // a match that reaches it), so only those sentences are searched (not every sentence once)
    let hits: Option<Vec<Range<usize>>> = cat
        .any_zero
        .as_ref()
        .map(|r| r.find_iter(&doc.body).map(|m| m.range()).collect());
    let mut k = 0;
    let mut out = Vec::new();
    for sr in &doc.segs.sentences {
        if let Some(hits) = &hits {
            while hits.get(k).is_some_and(|h| h.end <= sr.start) {
                k += 1;
            }
            if hits.get(k).is_none_or(|h| h.start >= sr.end) {
                continue;
            }
        }
        let Some(sentence) = doc.body.get(sr.clone()) else {
            continue;
        };
        if cat.any_zero.as_ref().is_some_and(|r| !r.is_match(sentence)) || in_plans(&secs, sr.start)
        {
            continue;
        }
        for (m, r) in &cat.zeros {
            for mt in r.find_iter(sentence) {
                out.push((*m, sr.start + mt.start()..sr.start + mt.end()));
            }
        }
    }
    out
}
