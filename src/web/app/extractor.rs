//! Running the extraction: the pool of engine workers ([`Extraction`]), whose answers come
//! back to the app as messages, and timed calls of the engine on the main thread ([`run`],
//! [`run_pasted`]) when workers cannot start.

use super::state::{Msg, State, Store};
use super::App;
use crate::model::Report;
use crate::web::{browser, sample, worker};
use std::collections::VecDeque;
use yew::html::Scope;

/// The engine on the main thread: the [`crate::engine::Answer`] JSON for (text, name), `None`
/// while it is not loaded. The page's is [`worker::local_answer`]; the state's tests call the
/// core instead. Not part of the state's equality.
#[derive(Debug, Clone, Copy)]
pub struct Local(pub fn(&str, &str) -> Option<String>);

impl PartialEq for Local {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Default for Local {
    /// The page's: the engine loaded into the page ([`worker::load_local`]).
    fn default() -> Self {
        Local(worker::local_answer)
    }
}

/// Extract `text` named `name` with `local`, timing it; `None` while the engine is not loaded.
pub fn run(local: Local, text: &str, name: &str) -> Option<(Option<Report>, f64)> {
    if text.trim().is_empty() {
        return Some((None, 0.0));
    }
    let t0 = browser::now_ms();
    let json = (local.0)(text, name)?;
    Some((crate::engine::read(&json), browser::now_ms() - t0))
}

/// Extract a pasted or restored text with `local`: HTML markup is first turned into its text
/// (shown in the source view instead of the markup, never rendered). Returns (report, ms,
/// converted text); `None` while the engine is not loaded.
pub fn run_pasted(
    local: Local,
    text: &str,
    name: &str,
) -> Option<(Option<Report>, f64, Option<String>)> {
    if crate::input::looks_like_html(text) {
        let t0 = browser::now_ms();
        let plain = crate::input::decode_str(text);
        let (mut r, _) = run(local, &plain, name)?;
        if let Some(r) = r.as_mut() {
            r.warnings
                .push("HTML converted to text / 已将 HTML 转为文本".into());
        }
        return Some((r, browser::now_ms() - t0, Some(plain)));
    }
    let (r, ms) = run(local, text, name)?;
    Some((r, ms, None))
}

/// The most workers of the pool (each holds its own copy of the core).
pub const MAX_WORKERS: usize = 4;

/// How many workers: one per core (`navigator.hardwareConcurrency`), at least 1, at most
/// [`MAX_WORKERS`].
pub fn pool_size() -> usize {
    let cores = web_sys::window()
        .map(|w| w.navigator().hardware_concurrency())
        .unwrap_or(1.0);
    (cores as usize).clamp(1, MAX_WORKERS)
}

/// Start extraction worker `k`, its answers sent to the page as messages.
pub fn start_worker(link: &Scope<App>, k: usize) -> Option<worker::Extractor> {
    let link = link.clone();
    let x = worker::Extractor::start(move |id, seq, json, ms| {
        if id < 0.0 {
            link.send_message(Msg::WorkerFailed);
        } else if ms < 0.0 {
            link.send_message(Msg::ExtractFailed(id as u64, k));
        } else {
            link.send_message(Msg::Extracted(id as u64, seq as u64, json, ms, k));
        }
    });
    // compile the catalog in the worker before the first real request (entry ids start at 1,
    // so the answer to id 0 is dropped)
    if let Some(x) = &x {
        x.request(0, 0, sample::SAMPLE_TEXT, "warm-up");
    }
    x
}

/// One worker of the pool and whether it has a request on its way.
struct Slot {
    worker: worker::Extractor,
    busy: bool,
}

/// The pool of extraction workers and the queue of requests (entry id, request number) they
/// take one at a time, so a cancel empties the queue and each answer frees its worker for the
/// next; when workers are unavailable the page extracts on the main thread instead.
pub struct Extraction {
    pool: Vec<Slot>,
    queue: VecDeque<(u64, u64)>,
}

impl Extraction {
    /// Start the pool ([`pool_size`] workers, each warming up first).
    pub fn start(link: &Scope<App>) -> Self {
        let pool: Option<Vec<Slot>> = (0..pool_size())
            .map(|k| start_worker(link, k).map(|worker| Slot { worker, busy: true }))
            .collect();
        Extraction {
            pool: pool.unwrap_or_default(),
            queue: VecDeque::new(),
        }
    }

    /// Whether workers extract.
    pub fn has_worker(&self) -> bool {
        !self.pool.is_empty()
    }

    /// How many workers extract.
    pub fn workers(&self) -> usize {
        self.pool.len()
    }

    /// Extract on the main thread from now on: what was queued or on its way is extracted here.
    pub fn stop(&mut self, state: &mut State) {
        self.pool.clear();
        let mut uids: Vec<u64> = self.queue.drain(..).map(|(u, _)| u).collect();
        uids.extend(state.batch.drain());
        for uid in uids {
            if let Some(i) = state.entries.iter().position(|e| e.uid == uid) {
                state.entries[i].dirty = true;
                state.extract_at(i);
            }
        }
    }

    /// Worker `k` failed on entry `uid`: start a fresh one in its place (a failed warm-up,
    /// id 0, means workers are no use: extract on the main thread instead).
    pub fn restart(&mut self, link: &Scope<App>, state: &mut State, uid: u64, k: usize) {
        match start_worker(link, k) {
            Some(worker) if uid != 0 && k < self.pool.len() => {
                self.pool[k] = Slot { worker, busy: true }
            }
            _ => self.stop(state),
        }
    }

    /// Worker `k` answered: it takes the next request.
    pub fn done(&mut self, state: &mut State, k: usize) {
        if let Some(slot) = self.pool.get_mut(k) {
            slot.busy = false;
        }
        self.pump(state);
    }

    /// Cancel the batch: its queued requests are dropped.
    pub fn cancel(&mut self, state: &State) {
        self.queue.retain(|(u, _)| !state.batch.contains(u));
    }

    /// Queue input `i` for the workers when it changed; `true` when queued. The open input
    /// outside a batch goes first (typing is never stuck behind a batch).
    pub fn request(&mut self, state: &mut State, i: usize) -> bool {
        if self.pool.is_empty() {
            return false;
        }
        let urgent = i == state.current && !state.in_batch();
        let Some(e) = state.entries.get_mut(i) else {
            return false;
        };
        if !e.dirty || e.text.trim().is_empty() {
            return false;
        }
        e.seq += 1;
        e.dirty = false;
        if urgent {
            self.queue.push_front((e.uid, e.seq));
        } else {
            self.queue.push_back((e.uid, e.seq));
        }
        state.store = Store::Save;
        self.pump(state);
        true
    }

    /// Hand queued requests to idle workers (requests overtaken by a newer one are dropped).
    fn pump(&mut self, state: &mut State) {
        while let Some(k) = self.pool.iter().position(|s| !s.busy) {
            let Some((uid, seq)) = self.queue.pop_front() else {
                return;
            };
            let Some(i) = state.entries.iter().position(|e| e.uid == uid) else {
                continue;
            };
            let e = &mut state.entries[i];
            if e.seq != seq || e.dirty {
                continue;
            }
            let (text, shown) = if crate::input::looks_like_html(&e.text) {
                let plain = crate::input::decode_str(&e.text);
                (plain.clone(), Some(plain))
            } else {
                (e.text.clone(), None)
            };
            e.shown = shown;
            if self.pool[k].worker.request(uid, seq, &text, &e.name) {
                self.pool[k].busy = true;
            } else {
                e.dirty = true;
                state.batch.remove(&uid);
                state.extract_at(i);
            }
        }
    }

    /// Extract input `i` (new or restored): in a worker when there is one (in a batch, its
    /// answer is waited for), else here.
    pub fn extract(&mut self, state: &mut State, i: usize) {
        if self.request(state, i) {
            state.sent(i);
        } else {
            state.extract_at(i);
        }
    }
}
