//! Running the extraction: timed calls of the core on the main thread ([`run`],
//! [`run_pasted`]) and the extraction worker ([`Extraction`]), whose answers come back to the
//! app as messages.

use super::state::{Msg, State, Store};
use super::App;
use crate::model::Report;
use crate::web::{browser, sample, worker};
use yew::html::Scope;

/// Extract `text` named `name`, timing it.
pub fn run(text: &str, name: &str) -> (Option<Report>, f64) {
    if text.trim().is_empty() {
        return (None, 0.0);
    }
    let t0 = browser::now_ms();
    let r = crate::pipeline::extract(text, name);
    (Some(r), browser::now_ms() - t0)
}

/// Extract a pasted or restored text: HTML markup is first turned into its text (shown in the
/// source view instead of the markup, never rendered). Returns (report, ms, converted text).
pub fn run_pasted(text: &str, name: &str) -> (Option<Report>, f64, Option<String>) {
    if crate::input::looks_like_html(text) {
        let t0 = browser::now_ms();
        let plain = crate::input::decode_str(text);
        let (mut r, _) = run(&plain, name);
        if let Some(r) = r.as_mut() {
            r.warnings
                .push("HTML converted to text / 已将 HTML 转为文本".into());
        }
        return (r, browser::now_ms() - t0, Some(plain));
    }
    let (r, ms) = run(text, name);
    (r, ms, None)
}

/// Start the extraction worker, its answers sent to the page as messages.
pub fn start_worker(link: &Scope<App>) -> Option<worker::Extractor> {
    let link = link.clone();
    let x = worker::Extractor::start(move |id, seq, json, ms| {
        if id < 0.0 {
            link.send_message(Msg::WorkerFailed);
        } else if ms < 0.0 {
            link.send_message(Msg::ExtractFailed(id as u64));
        } else {
            link.send_message(Msg::Extracted(id as u64, seq as u64, json, ms));
        }
    });
    // compile the catalog in the worker before the first real request (entry ids start at 1,
    // so the answer to id 0 is dropped)
    if let Some(x) = &x {
        x.request(0, 0, sample::SAMPLE_TEXT, "warm-up");
    }
    x
}

/// The extraction worker, when there is one (else the page extracts on the main thread).
pub struct Extraction {
    worker: Option<worker::Extractor>,
}

impl Extraction {
    /// Start the worker.
    pub fn start(link: &Scope<App>) -> Self {
        Extraction {
            worker: start_worker(link),
        }
    }

    /// Whether a worker extracts.
    pub fn has_worker(&self) -> bool {
        self.worker.is_some()
    }

    /// Extract on the main thread from now on.
    pub fn stop(&mut self) {
        self.worker = None;
    }

    /// The worker failed on entry `uid`: start a fresh one (a failed warm-up, id 0, means the
    /// worker is no use: extract on the main thread instead).
    pub fn restart(&mut self, link: &Scope<App>, uid: u64) {
        self.worker = if uid == 0 { None } else { start_worker(link) };
    }

    /// Send input `i` to the worker when it changed; `true` when sent.
    pub fn request(&self, state: &mut State, i: usize) -> bool {
        let Some(x) = self.worker.as_ref() else {
            return false;
        };
        let Some(e) = state.entries.get_mut(i) else {
            return false;
        };
        if !e.dirty {
            return false;
        }
        let (text, shown) = if crate::input::looks_like_html(&e.text) {
            let plain = crate::input::decode_str(&e.text);
            (plain.clone(), Some(plain))
        } else if e.text.trim().is_empty() {
            return false;
        } else {
            (e.text.clone(), None)
        };
        e.seq += 1;
        if !x.request(e.uid, e.seq, &text, &e.name) {
            return false;
        }
        e.dirty = false;
        e.shown = shown;
        state.store = Store::Save;
        true
    }

    /// Extract input `i` (new or restored): in the worker when there is one (in a batch, its
    /// answer is waited for), else here.
    pub fn extract(&self, state: &mut State, i: usize) {
        if self.request(state, i) {
            state.sent(i);
        } else {
            state.extract_at(i);
        }
    }
}
