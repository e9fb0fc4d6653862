//! HTML → text in the browser: `dom.js` walks the tree of the browser's `DOMParser` with the
//! rules of the native tokenizer path (same drops, lines, cells and whitespace). Without
//! `DOMParser` (a worker, an old engine) it strips the tags instead. The page calls it on the
//! main thread only: the extraction workers get text.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/input/html/dom.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn html_text(html: &str) -> Result<String, JsValue>;
}

/// The text of an HTML page or fragment (see the parent module doc). Never panics; when the
/// script fails, the markup itself.
pub fn html_to_text(html: &str) -> String {
    html_text(html).unwrap_or_else(|_| html.to_string())
}
