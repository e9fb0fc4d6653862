//! Confidence of a fact: a fact is *weak* when `classify` marked its match `loose` (a weak
//! trigger, a trigger far from the figure, words only from the phrase before), or when the words
//! of its evidence match none of its metric's triggers (a table cell, a generic word). The page
//! marks such a fact and asks the reader to check the source.

use crate::data::catalog::Catalog;
use crate::model::Fact;

/// Whether the match of `f` is weak (see the module doc). Metrics the catalog does not know,
/// and facts without evidence text, are not judged.
pub fn is_weak(cat: &Catalog, f: &Fact) -> bool {
    if f.loose {
        return true;
    }
    let Some(i) = cat.metrics.iter().position(|m| m.id == f.id) else {
        return false;
    };
    if f.raw.trim().is_empty() {
        return false;
    }
    let mx = &cat.matchers[i];
    let mut strong = mx.triggers.iter().chain(&mx.after).peekable();
    strong.peek().is_some() && !strong.any(|r| r.is_match(&f.raw))
}
