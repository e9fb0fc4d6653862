//! HTML → text natively (the html5gum tokenizer) against the table of `tests/data/html.toml`,
//! which the browser's DOMParser path meets too (`tests/web/html.rs`).
#![cfg(not(target_arch = "wasm32"))]

use serde::Deserialize;
use zhibiao::input;

#[derive(Deserialize)]
struct Table {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    #[serde(default)]
    html: String,
    #[serde(default)]
    fixture: String,
    text: String,
}

#[test]
fn the_table_natively() {
    let t: Table = toml::from_str(include_str!("data/html.toml")).expect("a well-formed table");
    assert!(t.case.len() >= 15);
    for c in t.case {
        let html = match c.fixture.as_str() {
            "" => c.html,
            "sample.html" => include_str!("fixtures/sample.html").to_string(),
            f => panic!("{}: unknown fixture {f}", c.name),
        };
        assert_eq!(input::html_to_text(&html), c.text, "{}", c.name);
    }
}
