//! The page's extraction engine: a wasm of its own (trunk: `data-bin="engine"`), loaded by the
//! page's Web Workers (and by the page itself when workers cannot start, and to open zip archives
//! and .docx files). It holds the pipeline, the `regex` engine, the language data and the zip and
//! XML readers, so the page's shell does not.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// Extract `text` named `name`: the [`zhibiao::engine::Answer`] as JSON.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn answer(text: &str, name: &str) -> String {
    zhibiao::engine::answer(text, name)
}

/// Extract the engine's own warm-up report once, the result dropped
/// ([`zhibiao::engine::warm_up`]): what an idle worker runs.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn warm_up() {
    zhibiao::engine::warm_up()
}

/// The files of a zip archive or a Word .docx ([`zhibiao::engine::unpack`]), for the page's
/// shell: an array of `[kind, name, payload, warnings]`, where kind is `"text"` (payload the
/// .docx's text), `"bytes"` (payload a `Uint8Array` the shell reads itself) or `"error"`
/// (payload the message).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn unpack(bytes: Vec<u8>, name: &str) -> js_sys::Array {
    use zhibiao::engine::Unpacked;
    let strings = |v: Vec<String>| v.into_iter().map(JsValue::from).collect::<js_sys::Array>();
    zhibiao::engine::unpack(bytes, name)
        .into_iter()
        .map(|u| {
            let (kind, name, payload, warnings) = match u {
                Unpacked::Text(n, d) => ("text", n, JsValue::from(d.text), d.warnings),
                Unpacked::Bytes(n, b) => (
                    "bytes",
                    n,
                    js_sys::Uint8Array::from(&b[..]).into(),
                    Vec::new(),
                ),
                Unpacked::Error(e) => ("error", String::new(), JsValue::from(e), Vec::new()),
            };
            let item: [JsValue; 4] = [kind.into(), name.into(), payload, strings(warnings).into()];
            item.into_iter().collect::<js_sys::Array>()
        })
        .map(JsValue::from)
        .collect()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("engine: the page's extraction engine runs in the browser; natively use `zhibiao`");
    std::process::exit(2);
}
