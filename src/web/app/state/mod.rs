//! The page's state and its transitions: [`Msg`], [`State`] and [`State::update`], which
//! handles every message that needs nothing but the state (the rest — timers, the worker,
//! files, downloads, the clipboard — are the app's, see `super`). Extraction on the main
//! thread ([`State::extract_at`]) is part of the state: it is the core, called and timed.
//!
//! The transitions are grouped by what they touch: `entries.rs` (the list, main-thread
//! extraction, the comparison's rows), `views.rs` (tabs, panes, drawer, keyboard), `answers.rs`
//! (the worker's answers, file batches).

mod answers;
mod entries;
mod views;

use crate::model::{Report, Span};
use crate::web::components::compare::CompareRow;
use crate::web::edits::MetaEdit;
pub use crate::web::entry::Entry;
use crate::web::exports::Export;
use crate::web::filters::Filters;
use crate::web::genre;
use crate::web::i18n::{t, Lang};
use crate::web::storage::{self, Saved, SavedDoc};
pub use crate::web::tabs::{tab_after_key, tab_id, Pane, Tab, TABS};
use std::collections::HashSet;
use std::rc::Rc;

/// How often a running batch redraws the page (ms).
pub const BATCH_REDRAW_MS: f64 = 400.0;

/// Messages of the app.
pub enum Msg {
    /// The text area changed.
    Edit(String),
    /// The debounce timer fired: extract the open input if it changed.
    Extract,
    /// Start a new empty input.
    NewDoc,
    /// Load the built-in example.
    Example,
    /// Open input `i`.
    Select(usize),
    /// Remove input `i`.
    Remove(usize),
    /// Remove every input and the saved copy.
    ClearAll,
    /// Switch tab.
    SetTab(Tab),
    /// Switch the left pane.
    SetPane(Pane),
    /// Switch the UI language.
    ToggleLang,
    /// Highlight spans of the source, optionally marking a fact as selected.
    Jump(Vec<Span>, Option<usize>),
    /// Show or hide a metric's alternatives.
    ToggleAlts(String),
    /// Files were picked or dropped.
    Files(Vec<web_sys::File>),
    /// Files with their names (paths inside a dropped or picked folder).
    NamedFiles(Vec<(web_sys::File, String)>),
    /// Files and folders were dropped (the drop's entries, walked asynchronously).
    Dropped(js_sys::Array),
    /// One file of a batch was read (name, bytes or error).
    FileRead(String, Result<Vec<u8>, String>),
    /// A PDF or .doc was read by its on-demand reader (name, text or error).
    FileDecoded(String, Result<crate::input::Decoded, String>),
    /// A zip archive or .docx unpacked by the engine: what its files became.
    Unpacked(Vec<crate::web::files::Loaded>),
    /// Clear the error list.
    DismissErrors,
    /// Download an export.
    Export(Export),
    /// Copy the summary table.
    Copy,
    /// The copy finished.
    Copied(bool),
    /// Sort the comparison table by a column (click again to reverse).
    SortBy(usize),
    /// Choose the charted metric.
    ChartMetric(String),
    /// Filter documents by kind (`""` = all).
    DocKind(String),
    /// A file is being dragged over the page.
    Dragging(bool),
    /// A worker answered: (entry id, request number, report JSON, ms, worker index).
    Extracted(u64, u64, String, f64, usize),
    /// The worker could not start: extract on the main thread from now on.
    WorkerFailed,
    /// The engine loaded on the main thread (`true`), or could not be loaded.
    LocalReady(bool),
    /// A worker failed on one input (entry id, worker index): report it and start a fresh
    /// worker in its place.
    ExtractFailed(u64, usize),
    /// Cancel the running batch: stop reading, drop what is not extracted yet.
    Cancel,
    /// The saved texts read back from IndexedDB (after the first render).
    Restored(Saved),
    /// Close the "storage is full" notice (until the next failed save).
    DismissStorage,
    /// Put back what the last removal took.
    Undo,
    /// Forget the removed entries and the skipped duplicates (close their notice).
    DismissUndo,
    /// Open the detail drawer for (entry, metric id).
    OpenCell(usize, String),
    /// Close the drawer.
    CloseDrawer,
    /// From the drawer: show fact `i` (of the drawer's metric) in the source.
    DrawerSource(usize),
    /// Change the comparison's filters.
    SetFilters(Filters),
    /// Fold or unfold the source pane.
    ToggleFold,
    /// Open or close the source sheet (phone layout).
    Sheet(bool),
    /// Save the corrections of the open report's card.
    SaveEdit(MetaEdit),
    /// A key on the result tabs (arrows, Home, End).
    TabKey(String),
    /// Escape: close the drawer, else the sheet, else the notices, else the highlight.
    Escape,
    /// Nothing to do.
    Noop,
}

/// What the saved copy in localStorage needs after a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Store {
    /// Nothing changed that is saved.
    #[default]
    Keep,
    /// Save the texts, corrections and open index again.
    Save,
    /// Remove the saved copy.
    Clear,
}

/// The page's state: everything the views show, and what the app does after a render.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// UI language.
    pub lang: Lang,
    /// Loaded inputs.
    pub entries: Vec<Entry>,
    /// Index of the open input.
    pub current: usize,
    /// Active tab.
    pub tab: Tab,
    /// Left pane mode.
    pub pane: Pane,
    /// Highlighted source spans.
    pub highlight: Vec<Span>,
    /// Selected fact of the open report.
    pub selected: Option<usize>,
    /// Metric ids whose alternatives are open.
    pub open_alts: HashSet<String>,
    /// Error messages naming files.
    pub errors: Vec<String>,
    /// A transient notice (copied …).
    pub notice: Option<String>,
    /// What the last × or 全部清除 removed, (index, entry) in ascending order: undo puts it back.
    pub trash: Vec<(usize, Entry)>,
    /// Duplicates skipped on add: (skipped name, the name of the same text already loaded).
    pub skipped: Vec<(String, String)>,
    /// The detail drawer: (entry index, metric id).
    pub drawer: Option<(usize, String)>,
    /// The comparison's filters.
    pub filters: Filters,
    /// The source pane is folded away (results take the full width).
    pub fold: bool,
    /// The source sheet is open (phone layout).
    pub sheet: bool,
    /// The comparison's rows, rebuilt when reports change outside a batch.
    pub rows: Rc<Vec<CompareRow>>,
    /// Bumped at each rebuild of `rows`.
    pub generation: u64,
    /// `rows` is out of date.
    pub stale: bool,
    /// Entries of the running batch whose report has not come back yet.
    pub batch: HashSet<u64>,
    /// Whether the running batch keeps the open report (it had one when the batch began).
    pub keep_current: bool,
    /// Element to focus after the next render (a CSS selector).
    pub focus: Option<String>,
    /// Files of the running batch read: (done, total).
    pub progress: Option<(usize, usize)>,
    /// Files counted into the running batch since it began (for the progress bar).
    pub batch_total: usize,
    /// When the running batch began (ms, `performance.now()`).
    pub batch_t0: f64,
    /// When the page was last redrawn during the batch (ms): a batch redraws a few times a
    /// second, not once per file.
    pub batch_drawn: f64,
    /// Time of the last extraction (ms).
    pub last_ms: Option<f64>,
    /// Comparison sort: (column, ascending).
    pub sort: Option<(usize, bool)>,
    /// Charted metric id.
    pub chart_metric: Option<String>,
    /// Document kind filter.
    pub doc_kind: String,
    /// A drag is over the page.
    pub dragging: bool,
    /// The text area shows another entry's text than the open one: set it after the render.
    pub sync_textarea: bool,
    /// Scroll to the first evidence mark after the render.
    pub scroll_pending: bool,
    /// The last save worked (else the "storage is full" notice).
    pub storage_ok: bool,
    /// What the saved copy needs after this transition (the app does it and resets this).
    pub store: Store,
    /// The last number given to a pasted text's name.
    pub pasted_seq: usize,
    /// The next entry id.
    pub next_uid: u64,
    /// The engine on the main thread (when workers cannot start).
    pub local: crate::web::app::extractor::Local,
    /// An extraction here waits for the engine to load on the main thread.
    pub want_local: bool,
}

impl State {
    /// The state at start: language, and the saved texts (none extracted yet, all dirty; the
    /// uids count from 1, 0 being the worker's warm-up).
    pub fn new(lang: Lang, saved: Saved) -> Self {
        let mut entries = Vec::new();
        for d in saved.docs {
            let mut e = Entry::new(d.name, d.text, entries.len() as u64 + 1, true, Vec::new());
            e.edit = d.edit;
            e.stored.replace(d.key);
            entries.push(e);
        }
        let current = saved.current.min(entries.len().saturating_sub(1));
        let next_uid = entries.len() as u64 + 1;
        State {
            lang,
            entries,
            current,
            tab: Tab::Metrics,
            pane: Pane::Edit,
            highlight: Vec::new(),
            selected: None,
            open_alts: HashSet::new(),
            errors: Vec::new(),
            notice: None,
            trash: Vec::new(),
            skipped: Vec::new(),
            drawer: None,
            filters: Filters::default(),
            fold: false,
            sheet: false,
            rows: Rc::new(Vec::new()),
            generation: 0,
            stale: true,
            batch: HashSet::new(),
            keep_current: false,
            focus: None,
            progress: None,
            batch_total: 0,
            batch_t0: 0.0,
            batch_drawn: 0.0,
            last_ms: None,
            sort: None,
            chart_metric: None,
            doc_kind: String::new(),
            dragging: false,
            sync_textarea: true,
            scroll_pending: false,
            storage_ok: true,
            store: Store::Keep,
            pasted_seq: 0,
            next_uid,
            local: Default::default(),
            want_local: false,
        }
    }

    /// The open entry.
    pub fn entry(&self) -> Option<&Entry> {
        self.entries.get(self.current)
    }

    /// The text the open report's evidence points into.
    pub fn source_text(&self) -> &str {
        self.entry()
            .map(|e| e.shown.as_deref().unwrap_or(&e.text))
            .unwrap_or("")
    }

    /// The open report.
    pub fn report(&self) -> Option<&Report> {
        self.entry().and_then(|e| e.report.as_deref())
    }

    /// All extracted reports, in list order (shared, not copied).
    pub fn reports(&self) -> Vec<std::rc::Rc<Report>> {
        self.entries
            .iter()
            .filter_map(|e| e.report.clone())
            .collect()
    }

    /// Genre and coverage of the open report (see [`genre`]).
    pub fn open_genre(&self) -> (Option<usize>, Option<u32>) {
        match self.report() {
            Some(r) => (genre::genre_of(&r.meta), genre::months_of(&r.meta)),
            None => (None, None),
        }
    }

    /// A batch is running: files still being read or reports still being extracted.
    pub fn in_batch(&self) -> bool {
        self.progress.is_some() || !self.batch.is_empty()
    }

    /// The progress bar of the running batch: (done, total, seconds left when known).
    pub fn batch_progress(&self) -> Option<(usize, usize, Option<f64>)> {
        if !self.in_batch() {
            return None;
        }
        let unread = self.progress.map_or(0, |(d, n)| n.saturating_sub(d));
        let total = self.batch_total.max(unread + self.batch.len());
        let done = total.saturating_sub(unread + self.batch.len());
        let spent = crate::web::browser::now_ms() - self.batch_t0;
        let eta =
            (done > 0 && spent > 0.0).then(|| spent / done as f64 * (total - done) as f64 / 1000.0);
        Some((done, total, eta))
    }

    /// In a batch: whether to redraw now (at most every [`BATCH_REDRAW_MS`]); `true` outside.
    pub fn tick(&mut self) -> bool {
        if !self.in_batch() {
            return true;
        }
        let now = crate::web::browser::now_ms();
        if now - self.batch_drawn < BATCH_REDRAW_MS {
            return false;
        }
        self.batch_drawn = now;
        true
    }

    /// What localStorage keeps: the texts, their corrections and the open index.
    pub fn saved(&self) -> Saved {
        Saved {
            docs: self
                .entries
                .iter()
                .map(|e| SavedDoc {
                    name: e.name.clone(),
                    text: e.text.clone(),
                    key: None,
                    edit: e.edit.clone(),
                })
                .collect(),
            current: self.current,
        }
    }

    /// [`State::saved`] as JSON, for localStorage (what fits there; a larger collection is saved
    /// text by text, [`State::saved_index`]).
    pub fn saved_json(&self) -> String {
        serde_json::to_string(&self.saved()).unwrap_or_default()
    }

    fn save(&mut self) {
        self.store = Store::Save;
    }

    /// Whether the texts are too large for localStorage: they are kept in IndexedDB, one value
    /// each ([`storage::LOCAL_MAX`]).
    pub fn big(&self) -> bool {
        self.entries
            .iter()
            .map(|e| e.text.len() + 64)
            .sum::<usize>()
            > storage::LOCAL_MAX
    }

    /// The texts not in IndexedDB yet, with their keys ([`storage::text_key`]); from now on
    /// they count as there (the app puts them).
    pub fn unstored_texts(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for e in &self.entries {
            if e.stored.borrow().is_none() {
                let key = storage::text_key(&e.text);
                e.stored.replace(Some(key.clone()));
                out.push((key, e.text.clone()));
            }
        }
        out
    }

    /// The saved index of texts kept in IndexedDB (the JSON of a [`Saved`] whose docs name
    /// their text by key) and those keys. Call [`State::unstored_texts`] first.
    pub fn saved_index(&self) -> (String, Vec<String>) {
        let docs: Vec<SavedDoc> = self
            .entries
            .iter()
            .map(|e| SavedDoc {
                name: e.name.clone(),
                text: String::new(),
                key: e.stored.borrow().clone(),
                edit: e.edit.clone(),
            })
            .collect();
        let keys = docs.iter().filter_map(|d| d.key.clone()).collect();
        let saved = Saved {
            docs,
            current: self.current,
        };
        (serde_json::to_string(&saved).unwrap_or_default(), keys)
    }

    /// The texts are no longer in IndexedDB (the saved copy went back to localStorage).
    pub fn forget_stored(&self) {
        for e in &self.entries {
            e.stored.replace(None);
        }
    }

    /// A fresh `pasted-N.txt` name no entry has.
    pub fn next_pasted_name(&mut self) -> String {
        loop {
            self.pasted_seq += 1;
            let name = format!("pasted-{}.txt", self.pasted_seq);
            if !self.entries.iter().any(|e| e.name == name) {
                return name;
            }
        }
    }

    fn new_uid(&mut self) -> u64 {
        self.next_uid += 1;
        self.next_uid - 1
    }

    /// Another entry was opened: no highlight, no selection, the text area to refill.
    fn after_switch(&mut self) {
        self.highlight.clear();
        self.selected = None;
        self.sync_textarea = true;
    }
}

/// The transitions, one per message that needs nothing but the state.
impl State {
    /// Handle `msg` if it needs nothing but the state: `Ok(render)`; else `Err(msg)` back, for
    /// the app.
    pub fn update(&mut self, msg: Msg) -> Result<bool, Msg> {
        Ok(match msg {
            Msg::NewDoc => self.new_doc(),
            Msg::Select(i) => self.select(i),
            Msg::Remove(i) => self.remove(i),
            Msg::Undo => self.undo(),
            Msg::DismissStorage => set(&mut self.storage_ok, true),
            Msg::DismissUndo => {
                self.trash.clear();
                self.skipped.clear();
                true
            }
            Msg::OpenCell(i, id) => set(&mut self.drawer, Some((i, id))),
            Msg::CloseDrawer => self.close_drawer(),
            Msg::DrawerSource(k) => self.drawer_source(k),
            Msg::SetFilters(f) => set(&mut self.filters, f),
            Msg::ToggleFold => {
                self.fold = !self.fold;
                true
            }
            Msg::Sheet(open) => self.open_sheet(open),
            Msg::SaveEdit(edit) => self.save_edit(edit),
            Msg::TabKey(key) => self.tab_key(&key),
            Msg::Escape => self.escape(),
            Msg::SetTab(tab) => self.set_tab(tab),
            Msg::SetPane(p) => self.set_pane(p),
            Msg::Jump(spans, fact) => self.jump(spans, fact),
            Msg::ToggleAlts(id) => {
                if !self.open_alts.remove(&id) {
                    self.open_alts.insert(id);
                }
                true
            }
            Msg::DismissErrors => {
                self.errors.clear();
                self.notice = None;
                true
            }
            Msg::Copied(ok) => {
                let key = if ok { "copied" } else { "copy_failed" };
                set(&mut self.notice, Some(t(self.lang, key).to_string()))
            }
            Msg::SortBy(col) => self.sort_by(col),
            Msg::ChartMetric(id) => set(&mut self.chart_metric, Some(id)),
            Msg::DocKind(k) => set(&mut self.doc_kind, k),
            Msg::Dragging(d) => {
                let changed = self.dragging != d;
                self.dragging = d;
                changed
            }
            Msg::Noop => false,
            other => return Err(other),
        })
    }
}

/// Set a field; `true` (render).
fn set<T>(field: &mut T, value: T) -> bool {
    *field = value;
    true
}
