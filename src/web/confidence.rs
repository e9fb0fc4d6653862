//! Confidence of a fact: a fact is *weak* when the core marked its match `loose` (a weak
//! trigger, a trigger far from the figure, words only from the phrase before — see
//! `classify`), or when the words of its evidence match none of its metric's triggers (a table
//! cell, a generic word). The page marks such a fact and asks the reader to check the source.

use crate::model::Fact;
use crate::re::Regex;
use std::cell::RefCell;
use std::collections::HashMap;

/// The compiled triggers (before and after the figure) of one metric.
type Patterns = Vec<Regex>;

thread_local! {
    static CACHE: RefCell<HashMap<String, Patterns>> = RefCell::new(HashMap::new());
}

fn compile(list: &[String]) -> Vec<Regex> {
    list.iter().filter_map(|p| Regex::new(p).ok()).collect()
}

/// Whether the match of `f` is weak (see the module doc). Metrics the catalog does not know,
/// and facts without evidence text, are not judged.
pub fn is_weak(f: &Fact) -> bool {
    if f.loose {
        return true;
    }
    let Some(m) = crate::data::catalog::builtin().get(&f.id) else {
        return false;
    };
    if f.raw.trim().is_empty() {
        return false;
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        let strong = c.entry(f.id.clone()).or_insert_with(|| {
            let mut s = compile(&m.triggers);
            s.extend(compile(&m.after));
            s
        });
        !strong.is_empty() && !strong.iter().any(|r| r.is_match(&f.raw))
    })
}
