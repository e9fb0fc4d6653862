//! HTML → text natively (the html5gum tokenizer) against the table of `tests/data/html.toml`,
//! which the browser's DOMParser path meets too (`tests/web/html.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cases/html.rs"]
mod html_cases;

use html_cases::{html_table, text_of};

#[test]
fn the_table_natively() {
    let t = html_table();
    assert!(t.case.len() >= 15);
    let names: std::collections::HashSet<&str> = t.case.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), t.case.len(), "case names are unique");
    for c in &t.case {
        assert_eq!(text_of(c), c.text, "{}", c.name);
    }
}
