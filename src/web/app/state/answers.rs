//! The transitions of the extraction worker's answers and of file batches.

use super::State;
use crate::web::i18n::t;

/// The transitions of extraction answers and of file batches.
impl State {
    /// The worker's answer for entry `uid`, request `seq`: taken unless a newer request is on
    /// its way. JSON that does not parse: the open input is extracted here instead. Returns
    /// whether to render (in a batch only the open report and the batch's end redraw).
    pub fn extracted(&mut self, uid: u64, seq: u64, json: &str, ms: f64) -> bool {
        let Some(e) = self.entries.iter_mut().find(|e| e.uid == uid) else {
            return false;
        };
        if e.seq != seq || e.dirty {
            return false;
        }
        let Some(mut r) = crate::engine::read(json) else {
            e.dirty = true;
            return self.extract_current();
        };
        r.warnings.extend(e.warnings.iter().cloned());
        if e.shown.is_some() {
            r.warnings
                .push("HTML converted to text / 已将 HTML 转为文本".into());
        }
        e.set_report(Some(r));
        e.ms = ms;
        self.last_ms = Some(ms);
        self.stale = true;
        let was_batch = self.batch.remove(&uid);
        let is_open = self.entry().is_some_and(|e| e.uid == uid);
        if is_open {
            self.highlight.clear();
            self.selected = None;
        }
        !was_batch || is_open || self.tick()
    }

    /// The worker failed on entry `uid`: no report, an error naming it (never retried here:
    /// a failure in the core must not take the page down).
    pub fn extract_failed(&mut self, uid: u64) -> bool {
        self.batch.remove(&uid);
        if let Some(e) = self.entries.iter_mut().find(|e| e.uid == uid) {
            e.report = None;
            self.errors
                .push(format!("{}: {}", e.name, t(self.lang, "extract_failed")));
        }
        true
    }

    /// The engine on the main thread is loaded (`ok`): extract what waited for it; or it could
    /// not be loaded: say so (the texts stay).
    pub fn local_ready(&mut self, ok: bool) -> bool {
        if !ok {
            self.errors.push(t(self.lang, "engine_failed").to_string());
            return true;
        }
        for i in 0..self.entries.len() {
            self.extract_at(i);
        }
        true
    }

    /// The worker is gone: extract the open input here.
    pub fn worker_failed(&mut self) -> bool {
        if let Some(e) = self.entries.get_mut(self.current) {
            e.dirty = true;
        }
        self.extract_current()
    }

    /// `n` more files to read: a new batch keeps the open report in view when it has several
    /// files and there was a report (one file alone opens as before).
    pub fn begin_batch(&mut self, n: usize) {
        let (done, total) = self.progress.unwrap_or((0, 0));
        if !self.in_batch() {
            self.batch_total = 0;
            self.batch_t0 = crate::web::browser::now_ms();
            self.batch_drawn = self.batch_t0;
        }
        if self.progress.is_none() {
            self.keep_current = !self.entries.is_empty() && n > 1;
            self.skipped.clear();
        }
        self.batch_total += n;
        self.progress = Some((done, total + n));
    }

    /// One more step in the running batch (a file handed on to an on-demand reader).
    pub fn one_more(&mut self) {
        if let Some((done, total)) = self.progress {
            self.progress = Some((done, total + 1));
            self.batch_total += 1;
        }
    }

    /// Cancel the running batch: the entries whose report has not come back are removed (the
    /// app stops reading files and empties the workers' queue).
    pub fn cancel(&mut self) -> bool {
        let pending = std::mem::take(&mut self.batch);
        let open = self.entry().map(|e| e.uid);
        self.entries.retain(|e| !pending.contains(&e.uid));
        self.current = open
            .and_then(|u| self.entries.iter().position(|e| e.uid == u))
            .unwrap_or(self.entries.len().saturating_sub(1));
        self.progress = None;
        self.drawer = None;
        self.stale = true;
        self.after_switch();
        self.save();
        self.notice = Some(t(self.lang, "cancelled").to_string());
        true
    }

    /// One step of the running batch done; the last one ends it.
    pub fn step(&mut self) {
        if let Some((done, total)) = self.progress {
            self.progress = if done + 1 >= total {
                None
            } else {
                Some((done + 1, total))
            };
        }
    }
}
