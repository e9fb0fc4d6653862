//! Explicit zeros (`未发生行政诉讼案件`): the catalog's zero phrases, outside plans and breakdowns.

use super::in_plans;
use crate::data::catalog::Catalog;
use crate::doc::Doc;
use std::ops::Range;

/// Explicit zeros (`均无败诉`): (metric index, byte span) for each match outside the plans section.
/// Only the sentences that the catalog's alternation of all zero phrases matches (one pass each,
/// its literal prefilter skipping most) are searched phrase by phrase.
pub fn zeros(doc: &Doc, cat: &Catalog) -> Vec<(usize, Range<usize>)> {
    if cat.zeros.is_empty() {
        return Vec::new();
    }
    let secs = doc.sections();
    let mut out = Vec::new();
    for sr in &doc.segs.sentences {
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
