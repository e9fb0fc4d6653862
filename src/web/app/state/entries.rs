//! The transitions of the list of entries: adding, opening, removing, undoing; extraction on
//! the main thread; the comparison's rows.

use super::{Entry, Pane, State, Store, Tab};
use crate::web::app::extractor::run_pasted;
use crate::web::components::compare::CompareRow;
use crate::web::components::review::with_series;
use crate::web::dedup::text_hash;
use crate::web::{genre, sample};
use std::rc::Rc;

impl State {
    /// Add a loaded text. The same text (whitespace aside) already loaded: skipped and noted in
    /// `skipped`, `None`. Else its index (to extract); it opens unless a batch keeps the open one.
    pub fn push_entry(
        &mut self,
        name: String,
        text: String,
        warnings: Vec<String>,
    ) -> Option<usize> {
        let hash = text_hash(&text);
        if !text.trim().is_empty() {
            if let Some(same) = self.entries.iter().find(|e| e.text_hash() == hash) {
                self.skipped.push((name, same.name.clone()));
                return None;
            }
        }
        let uid = self.new_uid();
        self.entries
            .push(Entry::new(name, text, uid, true, warnings));
        let i = self.entries.len() - 1;
        self.stale = true;
        // in a batch, the report open when it began stays open
        if !(self.progress.is_some() && self.keep_current) {
            self.current = i;
            self.after_switch();
        }
        Some(i)
    }

    /// Entry `i` was sent to the worker: in a batch, wait for its answer before redrawing.
    pub fn sent(&mut self, i: usize) {
        if self.progress.is_some() {
            if let Some(e) = self.entries.get(i).filter(|e| e.report.is_none()) {
                self.batch.insert(e.uid);
            }
        }
    }

    /// Extract input `i` here, on the main thread, when it changed; `true` when it did. While
    /// the engine is not loaded here the input stays changed and `want_local` asks for it.
    pub fn extract_at(&mut self, i: usize) -> bool {
        let Some(e) = self.entries.get_mut(i) else {
            return false;
        };
        if !e.dirty {
            return false;
        }
        let Some((mut report, ms, shown)) = run_pasted(self.local, &e.text, &e.name) else {
            self.want_local = true;
            return false;
        };
        if let Some(r) = report.as_mut() {
            r.warnings.extend(e.warnings.iter().cloned());
        }
        e.set_report(report);
        self.stale = true;
        e.shown = shown;
        e.ms = ms;
        e.dirty = false;
        self.last_ms = Some(ms);
        self.highlight.clear();
        self.selected = None;
        self.save();
        true
    }

    /// Extract the open input here when it changed (before anything that shows its report).
    pub fn extract_current(&mut self) -> bool {
        self.extract_at(self.current)
    }

    /// Rebuild the comparison's rows (reports with the cross-report series and flags, genre,
    /// coverage).
    pub fn refresh_rows(&mut self) {
        let reports = with_series(self.reports());
        let entries = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.report.is_some());
        let rows = entries
            .zip(reports)
            .map(|((i, _), report)| CompareRow {
                entry: i,
                genre: genre::genre_of(&report.meta),
                months: genre::months_of(&report.meta),
                report,
            })
            .collect();
        self.rows = Rc::new(rows);
        self.generation += 1;
        self.stale = false;
    }

    /// After a message: the comparison's rows are rebuilt once a batch is over, and only while
    /// it is shown; `true` when they were.
    pub fn refresh_rows_if_due(&mut self) -> bool {
        if self.stale && !self.in_batch() && self.tab == Tab::Compare {
            self.refresh_rows();
            return true;
        }
        false
    }
}

/// The transitions of the list of entries.
impl State {
    /// The text area changed: the open entry's text (a first entry is made for it when there
    /// is none; `true` then, to show it in the list). The app extracts after a pause.
    pub fn edit(&mut self, text: String) -> bool {
        let mut created = false;
        if self.entries.is_empty() {
            let name = self.next_pasted_name();
            let uid = self.new_uid();
            self.entries
                .push(Entry::new(name, String::new(), uid, true, Vec::new()));
            self.current = 0;
            created = true;
        }
        if let Some(e) = self.entries.get_mut(self.current) {
            e.set_text(text);
            e.dirty = true;
        }
        created
    }

    /// A new empty input, opened in the text box (unfolded; on a phone, the sheet).
    pub fn new_doc(&mut self) -> bool {
        self.extract_current();
        let name = self.next_pasted_name();
        let uid = self.new_uid();
        self.entries
            .push(Entry::new(name, String::new(), uid, false, Vec::new()));
        self.current = self.entries.len() - 1;
        self.pane = Pane::Edit;
        self.fold = false;
        self.sheet = true;
        self.focus = Some("[data-testid=input-text]".into());
        self.after_switch();
        self.save();
        true
    }

    /// Open the example when it is loaded already (`true`); else `false` (the app adds it).
    pub fn open_example(&mut self) -> bool {
        self.extract_current();
        let found = self
            .entries
            .iter()
            .position(|e| e.name == sample::SAMPLE_NAME);
        if let Some(i) = found {
            self.current = i;
            self.after_switch();
        }
        self.save();
        found.is_some()
    }

    /// Open input `i`.
    pub fn select(&mut self, i: usize) -> bool {
        self.extract_current();
        if i < self.entries.len() {
            self.current = i;
            self.after_switch();
            self.save();
        }
        true
    }

    /// Remove input `i` into the trash (undo puts it back; the focus goes to the undo button,
    /// never onto the next ×).
    pub fn remove(&mut self, i: usize) -> bool {
        if i < self.entries.len() {
            self.extract_current();
            let e = self.entries.remove(i);
            self.trash = vec![(i, e)];
            if self.current >= self.entries.len() {
                self.current = self.entries.len().saturating_sub(1);
            } else if i < self.current {
                self.current -= 1;
            }
            self.drawer = None;
            self.stale = true;
            self.after_switch();
            self.save();
            self.focus = Some("[data-testid=undo]".into());
        }
        true
    }

    /// Remove every input into the trash, and the saved copy.
    pub fn clear_all(&mut self) -> bool {
        self.extract_current();
        self.trash = std::mem::take(&mut self.entries)
            .into_iter()
            .enumerate()
            .collect();
        self.current = 0;
        self.errors.clear();
        self.last_ms = None;
        self.drawer = None;
        self.stale = true;
        self.after_switch();
        self.store = Store::Clear;
        self.storage_ok = true;
        self.focus = Some("[data-testid=undo]".into());
        true
    }

    /// Put back what the last removal took; the first one put back opens.
    pub fn undo(&mut self) -> bool {
        let trash = std::mem::take(&mut self.trash);
        let mut first = None;
        for (i, e) in trash {
            let at = i.min(self.entries.len());
            self.entries.insert(at, e);
            first.get_or_insert(at);
        }
        if let Some(i) = first {
            self.current = i;
            self.after_switch();
            self.focus = Some(format!(
                "[data-testid=doc-item]:nth-child({}) .doc-open",
                i + 1
            ));
        }
        self.stale = true;
        self.save();
        true
    }
}
