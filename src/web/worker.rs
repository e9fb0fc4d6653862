//! Extraction off the main thread: the page's extraction engine (`src/bin/engine.rs`, a wasm of
//! its own that `scripts/hash-engine.sh` names by its content and links from the page as
//! `<link data-engine="js|wasm">`) started in module Web Workers. Where workers cannot start,
//! the page loads the same engine on its main thread ([`load_local`], [`local_answer`]).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
function engine() {
  if (typeof document === 'undefined') return null;
  const js = document.querySelector('link[data-engine="js"]');
  const wasm = document.querySelector('link[data-engine="wasm"]');
  return js && wasm ? [js.href, wasm.href] : null;
}
export function make_worker(onmessage) {
  try {
    const urls = engine();
    if (typeof Worker === 'undefined' || !urls) return null;
    const src = `import init, { answer } from ${JSON.stringify(urls[0])};
const ready = init({ module_or_path: ${JSON.stringify(urls[1])} }).catch(() => self.postMessage([-1, -1, '', 0]));
self.onmessage = async (e) => {
  await ready;
  const [id, seq, text, name] = e.data;
  try {
    // the warm-up (id 0) runs a few times: the engine's code is compiled to its fast tier
    // before the first real text (measured: the first real run 41 → 22 ms)
    for (let k = 1; id === 0 && k < 5; k++) answer(text, name);
    const t0 = performance.now();
    const json = answer(text, name);
    self.postMessage([id, seq, json, performance.now() - t0]);
  } catch (err) {
    self.postMessage([id, seq, '', -1]);
  }
};`;
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    const w = new Worker(url, { type: 'module' });
    w.onmessage = (e) => onmessage(e.data[0], e.data[1], e.data[2], e.data[3]);
    w.onerror = () => onmessage(-1, -1, '', 0);
    return w;
  } catch (e) { return null; }
}
export function terminate(w) {
  try { w.terminate(); } catch (e) { /* gone already */ }
}
export function post(w, id, seq, text, name) {
  try { w.postMessage([id, seq, text, name]); return true; } catch (e) { return false; }
}
let local = null;
let loading = false;
export function load_local(onready) {
  if (local) { onready(true); return; }
  if (loading) return;
  const urls = engine();
  if (!urls) { onready(false); return; }
  loading = true;
  import(urls[0])
    .then(async (m) => { await m.default({ module_or_path: urls[1] }); local = m; onready(true); })
    .catch(() => { loading = false; onready(false); });
}
export function local_answer(text, name) {
  try { return local ? local.answer(text, name) : undefined; } catch (e) { return ''; }
}
"#)]
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
