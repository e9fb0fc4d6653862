//! The page's extraction engine: a wasm of its own (trunk: `data-bin="engine"`), loaded by the
//! page's Web Workers (and by the page itself when workers cannot start). It holds the pipeline,
//! the `regex` engine and the language data, so the page's shell does not.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Extract `text` named `name`: the [`zhibiao::engine::Answer`] as JSON.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn answer(text: &str, name: &str) -> String {
    zhibiao::engine::answer(text, name)
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("engine: the page's extraction engine runs in the browser; natively use `zhibiao`");
    std::process::exit(2);
}
