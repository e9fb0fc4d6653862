//! HTML → text in the browser (the DOMParser walk of `src/input/html/dom.js`) against the table
//! of `tests/data/html.toml` that the native html5gum path meets too (`tests/html.rs`).

#[path = "../common/cases/html.rs"]
mod html_cases;

use html_cases::{html_table, text_of};
use wasm_bindgen_test::*;
use zhibiao::input;

#[wasm_bindgen_test]
fn html_table_with_domparser() {
    let t = html_table();
    assert!(t.case.len() >= 15);
    for c in &t.case {
        assert_eq!(text_of(c), c.text, "{}", c.name);
    }
}

#[wasm_bindgen_test]
fn html_decoded_before_domparser() {
    // a GBK page that declares its charset: the browser's TextDecoder first, then DOMParser
    let head = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\"></head><body><nav>\xca\xd7\xd2\xb3</nav><p>";
    let body = b"\xb0\xec\xc0\xed\xb0\xb8\xbc\xfe3\xbc\xfe\xa1\xa3";
    let bytes = [&head[..], body, b"</p></body></html>"].concat();
    let d = input::decode(&bytes, "p.html").expect("a page");
    assert_eq!(d.text, "办理案件3件。");
    assert!(
        d.warnings.iter().any(|w| w.contains("GB")),
        "{:?}",
        d.warnings
    );
    // pasted markup and hostile nesting: text, no panic
    assert_eq!(
        input::decode_str("<p>甲</p><p>乙</p><br><div>丙</div>"),
        "甲\n乙\n\n丙"
    );
    let deep = format!("<div>{}深</div>", "<span><b><i>".repeat(20_000));
    assert_eq!(input::html_to_text(&deep), "深");
}
