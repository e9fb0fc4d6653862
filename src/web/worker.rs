//! Extraction off the main thread: the page's extraction engine (`src/bin/engine.rs`, a wasm of
//! its own that `scripts/link-engine.sh` names by its content and links from the page as
//! `<link data-engine="js|wasm">`) started in module Web Workers. Where workers cannot start,
//! the page loads the same engine on its main thread ([`load_local`], [`local_answer`]).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/page.js")]
extern "C" {
    fn make_worker(onmessage: &Closure<dyn FnMut(f64, f64, String, f64)>) -> JsValue;
    fn post(worker: &JsValue, id: f64, seq: f64, text: &str, name: &str) -> bool;
    fn terminate(worker: &JsValue);
    #[wasm_bindgen(js_name = load_local)]
    fn load_local_js(onready: &JsValue);
    #[wasm_bindgen(js_name = local_answer)]
    fn local_answer_js(text: &str, name: &str) -> Option<String>;
}

/// Load the engine on the main thread (once; at most one load at a time); `onready(loaded)`
/// is called when it is in (at once when it already is) or could not be loaded.
pub fn load_local(onready: impl FnOnce(bool) + 'static) {
    load_local_js(&Closure::once_into_js(onready));
}

/// The engine's answer for `text` on the main thread (the JSON of [`crate::engine::Answer`]);
/// `None` until [`load_local`] has loaded it.
pub fn local_answer(text: &str, name: &str) -> Option<String> {
    local_answer_js(text, name)
}

/// Page side: a running extraction worker.
pub struct Extractor {
    worker: JsValue,
    _onmessage: Closure<dyn FnMut(f64, f64, String, f64)>,
}

impl Extractor {
    /// Start the worker; `on_result(entry id, request seq, report JSON, ms)` gets each answer:
    /// id −1 when the worker could not start, ms −1 when extracting that text failed (the
    /// worker is then spent and should be replaced). `None` when workers are unavailable.
    pub fn start(on_result: impl FnMut(f64, f64, String, f64) + 'static) -> Option<Extractor> {
        let cb = Closure::<dyn FnMut(f64, f64, String, f64)>::new(on_result);
        let worker = make_worker(&cb);
        if worker.is_null() || worker.is_undefined() {
            return None;
        }
        Some(Extractor {
            worker,
            _onmessage: cb,
        })
    }

    /// Ask for an extraction; `false` when the message could not be sent.
    pub fn request(&self, id: u64, seq: u64, text: &str, name: &str) -> bool {
        post(&self.worker, id as f64, seq as f64, text, name)
    }
}

impl Drop for Extractor {
    fn drop(&mut self) {
        terminate(&self.worker);
    }
}
