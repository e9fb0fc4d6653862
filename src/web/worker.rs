//! Extraction off the main thread: the same wasm module, started again in a module Web Worker
//! (found through the page's `modulepreload` / `preload` links that trunk writes). Where that is
//! not possible (tests, old browsers), the page extracts on the main thread instead.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function make_worker(onmessage) {
  try {
    if (typeof Worker === 'undefined' || typeof document === 'undefined') return null;
    const js = [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.href)
      .find((h) => h.endsWith('.js') && !h.includes('/snippets/'));
    const wasm = [...document.querySelectorAll('link[rel="preload"][as="fetch"]')].map((l) => l.href)
      .find((h) => h.endsWith('.wasm'));
    if (!js || !wasm) return null;
    const src = `import init, { worker_extract } from ${JSON.stringify(js)};
const ready = init({ module_or_path: ${JSON.stringify(wasm)} }).catch(() => self.postMessage([-1, -1, '', 0]));
self.onmessage = async (e) => {
  await ready;
  const [id, seq, text, name] = e.data;
  try {
    const t0 = performance.now();
    const json = worker_extract(text, name);
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
"#)]
extern "C" {
    fn make_worker(onmessage: &Closure<dyn FnMut(f64, f64, String, f64)>) -> JsValue;
    fn post(worker: &JsValue, id: f64, seq: f64, text: &str, name: &str) -> bool;
    fn terminate(worker: &JsValue);
}

/// Worker side: extract and return the report as JSON (OUTPUT.md).
#[wasm_bindgen]
pub fn worker_extract(text: &str, name: &str) -> String {
    serde_json::to_string(&crate::pipeline::extract(text, name)).unwrap_or_default()
}

/// Whether this instance runs in a worker (no `window`).
pub fn in_worker() -> bool {
    web_sys::window().is_none()
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
