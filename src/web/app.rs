//! The page's one stateful component: loaded reports, the open one, tabs, highlight, exports.

use super::browser;
use super::card::ReportCard;
use super::compare::{CompareRow, CompareTable};
use super::drawer::Drawer;
use super::edits::{self, MetaEdit};
use super::filters::Filters;
use super::i18n::{t, Lang};
use super::storage::{self, Saved, SavedDoc};
use super::{chart, figures, genre, metrics, sample, source, summary};
use crate::model::{Meta, Report, Span};
use gloo_timers::callback::Timeout;
use std::collections::HashSet;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::html::Scope;
use yew::prelude::*;

/// Largest file the page reads (bytes): the core's limit.
pub const MAX_FILE_BYTES: f64 = crate::input::MAX_BYTES as f64;
/// Typing pause before re-extracting (ms).
pub const DEBOUNCE_MS: u32 = 300;
/// File name endings the file picker offers (the core decides what it can read).
pub const ACCEPT: &str = ".txt,.text,.html,.htm,.xhtml,.shtml,.docx,.doc,.wps,.pdf,.zip,text/plain,text/html,application/msword,application/pdf,application/zip";

/// One loaded input and what it became.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// File name or generated name.
    pub name: String,
    /// The text as pasted or decoded from the file (what the text area shows).
    pub text: String,
    /// The text extracted from when it differs from `text` (pasted HTML → its text); evidence
    /// offsets point into this.
    pub shown: Option<String>,
    /// The extraction result (absent for empty text).
    pub report: Option<Report>,
    /// Extraction time in milliseconds.
    pub ms: f64,
    /// Text changed since the last extraction.
    pub dirty: bool,
    /// Stable id (for answers from the extraction worker).
    pub uid: u64,
    /// Number of the latest extraction request.
    pub seq: u64,
    /// What the decoder noticed (added to the report's warnings).
    pub warnings: Vec<String>,
    /// The user's corrections of the card (kept with the text).
    pub edit: MetaEdit,
    /// The metadata as extracted, before the corrections.
    pub found: Option<Meta>,
}

impl Entry {
    /// A new entry with no result yet.
    fn new(name: String, text: String, uid: u64, dirty: bool, warnings: Vec<String>) -> Self {
        Entry {
            name,
            text,
            shown: None,
            report: None,
            ms: 0.0,
            dirty,
            uid,
            seq: 0,
            warnings,
            edit: MetaEdit::default(),
            found: None,
        }
    }

    /// Take a fresh report: keep its metadata as found, lay the corrections over it.
    fn set_report(&mut self, report: Option<Report>) {
        self.found = report.as_ref().map(|r| r.meta.clone());
        self.report = report.map(|mut r| {
            edits::apply(&self.edit, &mut r);
            r
        });
    }
}

/// The result tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Catalog metrics, grouped.
    Metrics,
    /// Narrative, outline, problems, plans, documents.
    Summary,
    /// Every quantity.
    Figures,
    /// One row per report.
    Compare,
    /// Bar and line charts.
    Charts,
    /// Required parts, deadline, derived rates, flags, density (src/web/review.rs).
    Review,
}

/// The result tabs in their order on the page, with their i18n key and test id.
pub const TABS: [(Tab, &str, &str); 6] = [
    (Tab::Metrics, "tab_metrics", "tab-metrics"),
    (Tab::Summary, "tab_summary", "tab-summary"),
    (Tab::Figures, "tab_figures", "tab-figures"),
    (Tab::Review, "tab_review", "tab-review"),
    (Tab::Compare, "tab_compare", "tab-compare"),
    (Tab::Charts, "tab_charts", "tab-charts"),
];

/// The tab an arrow key moves to (WAI-ARIA tabs: Left/Right wrap, Home/End).
pub fn tab_after_key(tab: Tab, key: &str) -> Option<Tab> {
    let i = TABS.iter().position(|(t, _, _)| *t == tab)?;
    let n = TABS.len();
    let j = match key {
        "ArrowRight" => (i + 1) % n,
        "ArrowLeft" => (i + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return None,
    };
    Some(TABS[j].0)
}

/// What the left pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The editable text area.
    Edit,
    /// The read-only text with highlighted evidence.
    Source,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// JSON of the open report.
    JsonOne,
    /// JSON array of all reports.
    JsonAll,
    /// CSV, one row per fact of all reports.
    CsvFacts,
    /// CSV comparison table.
    CsvCompare,
    /// The bar chart as SVG.
    ChartSvg,
    /// The bar chart as PNG.
    ChartPng,
    /// The line chart as SVG.
    LineSvg,
    /// The line chart as PNG.
    LinePng,
}

/// Messages of [`App`].
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
    /// A PDF was read by pdf.js (name, text or error).
    FileDecoded(String, Result<crate::input::Decoded, String>),
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
    /// The worker answered: (entry id, request number, report JSON, ms).
    Extracted(u64, u64, String, f64),
    /// The worker could not start: extract on the main thread from now on.
    WorkerFailed,
    /// The worker failed on one input (entry id): report it and start a fresh worker.
    ExtractFailed(u64),
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

/// The page.
pub struct App {
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
    stale: bool,
    /// Entries of the running batch whose report has not come back yet.
    batch: HashSet<u64>,
    /// Whether the running batch keeps the open report (it had one when the batch began).
    keep_current: bool,
    /// Element to focus after the next render (a CSS selector).
    focus: Option<String>,
    /// Batch progress: (done, total).
    pub progress: Option<(usize, usize)>,
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
    textarea: NodeRef,
    debounce: Option<Timeout>,
    sync_textarea: bool,
    scroll_pending: bool,
    storage_ok: bool,
    pasted_seq: usize,
    next_uid: u64,
    extractor: Option<super::worker::Extractor>,
}

/// The facts of metric `id` in `r`, primary first, with their index in `r.metrics`.
pub fn facts_of<'a>(r: &'a Report, id: &str) -> Vec<(usize, &'a crate::model::Fact)> {
    let mut v: Vec<(usize, &crate::model::Fact)> = r
        .metrics
        .iter()
        .enumerate()
        .filter(|(_, f)| f.id == id)
        .collect();
    v.sort_by_key(|(_, f)| !f.primary);
    v
}

/// Extract `text` named `name`, timing it.
pub fn run(text: &str, name: &str) -> (Option<Report>, f64) {
    if text.trim().is_empty() {
        return (None, 0.0);
    }
    let t0 = browser::now_ms();
    let r = crate::extract(text, name);
    (Some(r), browser::now_ms() - t0)
}

/// Start the extraction worker, its answers sent to the page as messages.
pub fn start_worker(link: &Scope<App>) -> Option<super::worker::Extractor> {
    let link = link.clone();
    let x = super::worker::Extractor::start(move |id, seq, json, ms| {
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

/// A report's name for people: agency and year, else the source name.
pub fn entry_title(r: &Report) -> String {
    match (&r.meta.agency, r.meta.year) {
        (Some(a), Some(y)) => format!("{a} {y}"),
        (Some(a), None) => a.clone(),
        _ => r.source.clone(),
    }
}

/// A file name for one report's export: `agency-year`, else the source name without extension.
pub fn export_name(r: &Report) -> String {
    let name = match (&r.meta.agency, r.meta.year) {
        (Some(a), Some(y)) => format!("{a}-{y}"),
        _ => r
            .source
            .rsplit_once('.')
            .map(|(stem, _)| stem.to_string())
            .unwrap_or_else(|| r.source.clone()),
    };
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    if clean.trim().is_empty() {
        "zhibiao".into()
    } else {
        clean
    }
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

impl App {
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
        self.entry().and_then(|e| e.report.as_ref())
    }

    /// All extracted reports, in list order.
    pub fn reports(&self) -> Vec<Report> {
        self.entries
            .iter()
            .filter_map(|e| e.report.clone())
            .collect()
    }

    fn persist(&mut self) {
        let saved = Saved {
            docs: self
                .entries
                .iter()
                .map(|e| SavedDoc {
                    name: e.name.clone(),
                    text: e.text.clone(),
                    edit: e.edit.clone(),
                })
                .collect(),
            current: self.current,
        };
        self.storage_ok = storage::save(&saved);
    }

    fn next_pasted_name(&mut self) -> String {
        loop {
            self.pasted_seq += 1;
            let name = format!("pasted-{}.txt", self.pasted_seq);
            if !self.entries.iter().any(|e| e.name == name) {
                return name;
            }
        }
    }

    fn push_entry(&mut self, name: String, text: String, warnings: Vec<String>) {
        // the same text (whitespace aside) already loaded: skip it and say so
        let hash = super::dedup::text_hash(&text);
        if !text.trim().is_empty() {
            if let Some(same) = self
                .entries
                .iter()
                .find(|e| super::dedup::text_hash(&e.text) == hash)
            {
                self.skipped.push((name, same.name.clone()));
                return;
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
        if self.request_at(i) {
            if self.progress.is_some() {
                self.batch.insert(uid);
            }
        } else {
            self.extract_at(i);
        }
    }

    /// A batch is running: files still being read or reports still being extracted.
    pub fn in_batch(&self) -> bool {
        self.progress.is_some() || !self.batch.is_empty()
    }

    /// Rebuild the comparison's rows (reports with the cross-report series and flags, genre,
    /// Read a PDF (`pdf: true`, with pdf.js) or a legacy .doc/.wps with its on-demand reader;
    /// one more step for the progress bar, done when the reader answers with `FileDecoded`.
    fn read_later(&mut self, ctx: &Context<Self>, name: String, bytes: Vec<u8>, pdf: bool) {
        if let Some((done, total)) = self.progress {
            self.progress = Some((done, total + 1));
        }
        let link = ctx.link().clone();
        wasm_bindgen_futures::spawn_local(async move {
            let r = if pdf {
                super::files::read_pdf(&bytes, &name).await
            } else {
                super::files::read_doc(&bytes, &name).await
            };
            link.send_message(Msg::FileDecoded(name, r));
        });
    }

    /// coverage).
    fn refresh_rows(&mut self) {
        let reports = super::review::with_series(self);
        let entries: Vec<(usize, &Entry)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.report.is_some())
            .collect();
        let rows = entries
            .into_iter()
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

    /// Genre and coverage of the open report (see [`genre`]).
    pub fn open_genre(&self) -> (Option<usize>, Option<u32>) {
        match self.report() {
            Some(r) => (genre::genre_of(&r.meta), genre::months_of(&r.meta)),
            None => (None, None),
        }
    }

    fn after_switch(&mut self) {
        self.highlight.clear();
        self.selected = None;
        self.sync_textarea = true;
    }

    fn new_uid(&mut self) -> u64 {
        self.next_uid += 1;
        self.next_uid - 1
    }

    /// Send the open input to the worker when it changed; always `false` (the answer
    /// re-renders), so that `extract_in_worker() || extract_current()` extracts here when
    /// there is no worker.
    fn extract_in_worker(&mut self) -> bool {
        self.request_at(self.current);
        false
    }

    /// Send input `i` to the worker when it changed; `true` when sent.
    fn request_at(&mut self, i: usize) -> bool {
        let Some(x) = self.extractor.as_ref() else {
            return false;
        };
        let Some(e) = self.entries.get_mut(i) else {
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
        self.persist();
        true
    }

    fn extract_current(&mut self) -> bool {
        self.extract_at(self.current)
    }

    /// Extract input `i` here, on the main thread, when it changed.
    fn extract_at(&mut self, i: usize) -> bool {
        let Some(e) = self.entries.get_mut(i) else {
            return false;
        };
        if !e.dirty {
            return false;
        }
        let (mut report, ms, shown) = run_pasted(&e.text, &e.name);
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
        self.persist();
        true
    }

    fn export(&mut self, what: Export) {
        let cat = crate::data::catalog::builtin();
        // the exports carry the same series and cross-year flags as the Review tab and the table
        let reports = super::review::with_series(self);
        let base = self
            .report()
            .map(export_name)
            .unwrap_or_else(|| "zhibiao".into());
        let res = match what {
            Export::JsonOne => match self.report() {
                Some(r) => browser::download(
                    &format!("{base}.json"),
                    "application/json",
                    &crate::output::json(std::slice::from_ref(r)),
                ),
                None => Ok(()),
            },
            Export::JsonAll => browser::download(
                "zhibiao-all.json",
                "application/json",
                &crate::output::json(&reports),
            ),
            Export::CsvFacts => browser::download(
                "zhibiao-facts.csv",
                "text/csv;charset=utf-8",
                &super::exports::localize_csv(self.lang, &crate::output::csv_facts(&reports)),
            ),
            Export::CsvCompare => browser::download(
                "zhibiao-comparison.csv",
                "text/csv;charset=utf-8",
                &super::exports::localize_csv(
                    self.lang,
                    &crate::output::csv_comparison(&reports, cat),
                ),
            ),
            Export::ChartSvg | Export::LineSvg => {
                let (sel, name) = if what == Export::ChartSvg {
                    ("[data-testid=chart-bar] svg", "zhibiao-bar.svg")
                } else {
                    ("[data-testid=chart-line] svg", "zhibiao-line.svg")
                };
                match browser::outer_html(sel) {
                    Some(svg) => browser::download(name, "image/svg+xml", &svg),
                    None => Ok(()),
                }
            }
            Export::ChartPng | Export::LinePng => {
                let (sel, name) = if what == Export::ChartPng {
                    ("[data-testid=chart-bar] svg", "zhibiao-bar.png")
                } else {
                    ("[data-testid=chart-line] svg", "zhibiao-line.png")
                };
                if let Some(svg) = browser::outer_html(sel) {
                    let (w, h) = chart::svg_size(&svg);
                    wasm_bindgen_futures::spawn_local(async move {
                        browser::download_png(svg, w, h, name.to_string()).await;
                    });
                }
                Ok(())
            }
        };
        if let Err(e) = res {
            self.errors.push(format!("export: {e:?}"));
        }
    }
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let lang = match storage::get(storage::LANG_KEY) {
            Some(code) => Lang::from_tag(&code),
            None => Lang::from_tag(&browser::browser_language()),
        };
        let saved = storage::load();
        let mut entries = Vec::new();
        for d in saved.docs {
            let mut e = Entry::new(d.name, d.text, entries.len() as u64 + 1, true, Vec::new());
            e.edit = d.edit;
            entries.push(e);
        }
        let current = saved.current.min(entries.len().saturating_sub(1));
        let next_uid = entries.len() as u64 + 1;
        let extractor = start_worker(ctx.link());
        let mut app = App {
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
            sort: None,
            chart_metric: None,
            doc_kind: String::new(),
            dragging: false,
            textarea: NodeRef::default(),
            debounce: None,
            sync_textarea: true,
            scroll_pending: false,
            storage_ok: true,
            pasted_seq: 0,
            next_uid,
            extractor,
            last_ms: None,
        };
        // restored texts: in the worker when there is one, else here
        for i in 0..app.entries.len() {
            if !app.request_at(i) {
                app.extract_at(i);
            }
        }
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let render = self.handle(ctx, msg);
        // the comparison's rows: rebuilt once a batch is over, and only while it is shown
        if self.stale && !self.in_batch() && self.tab == Tab::Compare {
            self.refresh_rows();
            return true;
        }
        render
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        self.view_page(ctx)
    }

    fn rendered(&mut self, _ctx: &Context<Self>, first_render: bool) {
        self.after_render(first_render)
    }
}

impl App {
    fn handle(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Edit(text) => {
                let mut created = false;
                if self.entries.is_empty() {
                    let name = self.next_pasted_name();
                    self.entries.push(Entry::new(
                        name,
                        String::new(),
                        self.next_uid,
                        true,
                        Vec::new(),
                    ));
                    self.next_uid += 1;
                    self.current = 0;
                    created = true;
                }
                if let Some(e) = self.entries.get_mut(self.current) {
                    e.text = text;
                    e.dirty = true;
                }
                let link = ctx.link().clone();
                self.debounce = Some(Timeout::new(DEBOUNCE_MS, move || {
                    link.send_message(Msg::Extract)
                }));
                created
            }
            Msg::Extract => {
                self.debounce = None;
                self.extract_in_worker() || self.extract_current()
            }
            Msg::Extracted(uid, seq, json, ms) => {
                let Some(e) = self.entries.iter_mut().find(|e| e.uid == uid) else {
                    return false;
                };
                if e.seq != seq || e.dirty {
                    return false; // a newer request is on its way
                }
                match serde_json::from_str::<Report>(&json) {
                    Ok(mut r) => {
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
                        let is_open = self.entries.get(self.current).is_some_and(|e| e.uid == uid);
                        if is_open {
                            self.highlight.clear();
                            self.selected = None;
                        }
                        // in a batch only the open report and the batch's end redraw the page
                        !was_batch || is_open || !self.in_batch()
                    }
                    Err(_) => {
                        e.dirty = true;
                        self.extract_current()
                    }
                }
            }
            Msg::ExtractFailed(uid) => {
                // never retry that text here: a failure in the core must not take the page down
                // (a failed warm-up, id 0, means the worker is no use: extract here instead)
                self.extractor = if uid == 0 {
                    None
                } else {
                    start_worker(ctx.link())
                };
                self.batch.remove(&uid);
                if let Some(e) = self.entries.iter_mut().find(|e| e.uid == uid) {
                    e.report = None;
                    self.errors
                        .push(format!("{}: {}", e.name, t(self.lang, "extract_failed")));
                }
                true
            }
            Msg::WorkerFailed => {
                self.extractor = None;
                if let Some(e) = self.entries.get_mut(self.current) {
                    e.dirty = true;
                }
                self.extract_current()
            }
            Msg::NewDoc => {
                self.extract_current();
                let name = self.next_pasted_name();
                self.entries.push(Entry::new(
                    name,
                    String::new(),
                    self.next_uid,
                    false,
                    Vec::new(),
                ));
                self.next_uid += 1;
                self.current = self.entries.len() - 1;
                self.pane = Pane::Edit;
                // a new text is typed: show the text box (unfolded; on a phone, the sheet)
                self.fold = false;
                self.sheet = true;
                self.focus = Some("[data-testid=input-text]".into());
                self.after_switch();
                self.persist();
                true
            }
            Msg::Example => {
                self.extract_current();
                if let Some(i) = self
                    .entries
                    .iter()
                    .position(|e| e.name == sample::SAMPLE_NAME)
                {
                    self.current = i;
                    self.after_switch();
                } else {
                    self.push_entry(
                        sample::SAMPLE_NAME.to_string(),
                        sample::SAMPLE_TEXT.to_string(),
                        Vec::new(),
                    );
                }
                self.persist();
                true
            }
            Msg::Select(i) => {
                self.extract_current();
                if i < self.entries.len() {
                    self.current = i;
                    self.after_switch();
                    self.persist();
                }
                true
            }
            Msg::Remove(i) => {
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
                    self.persist();
                    // never onto the next ×: the undo button
                    self.focus = Some("[data-testid=undo]".into());
                }
                true
            }
            Msg::ClearAll => {
                self.extract_current();
                self.trash = std::mem::take(&mut self.entries)
                    .into_iter()
                    .enumerate()
                    .collect();
                self.current = 0;
                self.errors.clear();
                self.debounce = None;
                self.last_ms = None;
                self.drawer = None;
                self.stale = true;
                self.after_switch();
                storage::remove(storage::DOCS_KEY);
                self.storage_ok = true;
                self.focus = Some("[data-testid=undo]".into());
                true
            }
            Msg::Undo => {
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
                self.persist();
                true
            }
            Msg::DismissStorage => {
                self.storage_ok = true;
                true
            }
            Msg::DismissUndo => {
                self.trash.clear();
                self.skipped.clear();
                true
            }
            Msg::OpenCell(i, id) => {
                self.drawer = Some((i, id));
                true
            }
            Msg::CloseDrawer => {
                // the focus goes back to the cell that opened the drawer (else the table)
                self.focus = Some(match self.drawer.take() {
                    Some((i, id)) => {
                        format!("tr[data-entry=\"{i}\"] td[data-id=\"{id}\"] button || .table-box")
                    }
                    None => ".table-box".into(),
                });
                true
            }
            Msg::DrawerSource(k) => {
                if let Some((i, id)) = self.drawer.take() {
                    self.extract_current();
                    if i < self.entries.len() {
                        self.current = i;
                        self.after_switch();
                    }
                    let hit = self.report().and_then(|r| {
                        facts_of(r, &id)
                            .get(k)
                            .map(|(idx, f)| (*idx, f.evidence.clone()))
                    });
                    if let Some((idx, ev)) = hit {
                        self.highlight = ev;
                        self.selected = Some(idx);
                    }
                    self.fold = false;
                    self.sheet = true;
                    self.pane = Pane::Source;
                    self.scroll_pending = true;
                }
                true
            }
            Msg::SetFilters(f) => {
                self.filters = f;
                true
            }
            Msg::ToggleFold => {
                self.fold = !self.fold;
                true
            }
            Msg::Sheet(open) => {
                self.sheet = open;
                if open {
                    self.extract_current();
                    self.focus = Some("[data-testid=sheet-close]".into());
                } else {
                    self.focus = Some("#results".into());
                }
                true
            }
            Msg::SaveEdit(edit) => {
                if let Some(e) = self.entries.get_mut(self.current) {
                    e.edit = edit;
                    let found = e.found.clone();
                    if let (Some(r), Some(m)) = (e.report.as_mut(), found) {
                        r.meta = m;
                        r.warnings.retain(|w| !w.starts_with(edits::EDITED_NOTE));
                        edits::apply(&e.edit, r);
                    }
                    self.stale = true;
                    self.persist();
                }
                true
            }
            Msg::TabKey(key) => match tab_after_key(self.tab, &key) {
                Some(tab) => {
                    let id = TABS
                        .iter()
                        .find(|(t, _, _)| *t == tab)
                        .map(|x| x.2)
                        .unwrap_or("tab-metrics");
                    self.focus = Some(format!("[data-testid={id}]"));
                    self.handle(ctx, Msg::SetTab(tab))
                }
                None => false,
            },
            Msg::Escape => {
                if self.drawer.is_some() {
                    return self.handle(ctx, Msg::CloseDrawer);
                }
                if self.sheet {
                    return self.handle(ctx, Msg::Sheet(false));
                }
                if !self.trash.is_empty() || !self.skipped.is_empty() || self.notice.is_some() {
                    self.trash.clear();
                    self.skipped.clear();
                    self.notice = None;
                    return true;
                }
                let had = !self.highlight.is_empty();
                self.highlight.clear();
                self.selected = None;
                had
            }
            Msg::SetTab(tab) => {
                // the comparison and the charts take the full width; the other tabs show the text
                if tab != self.tab {
                    self.fold = matches!(tab, Tab::Compare | Tab::Charts);
                }
                self.tab = tab;
                self.drawer = None;
                true
            }
            Msg::SetPane(p) => {
                if p == Pane::Source {
                    self.extract_current();
                }
                self.pane = p;
                true
            }
            Msg::ToggleLang => {
                self.lang = self.lang.other();
                storage::set(storage::LANG_KEY, self.lang.code());
                true
            }
            Msg::Jump(spans, fact) => {
                self.extract_current();
                self.highlight = spans;
                self.selected = fact;
                self.fold = false;
                self.sheet = true;
                self.pane = Pane::Source;
                self.scroll_pending = true;
                true
            }
            Msg::ToggleAlts(id) => {
                if !self.open_alts.remove(&id) {
                    self.open_alts.insert(id);
                }
                true
            }
            Msg::Files(files) => {
                let named = files.into_iter().map(|f| {
                    let n = super::files::picked_name(&f);
                    (f, n)
                });
                ctx.link().send_message(Msg::NamedFiles(
                    named.filter(|(_, n)| super::files::wanted(n)).collect(),
                ));
                false
            }
            Msg::Dropped(entries) => {
                let link = ctx.link().clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let files = super::files::dropped_files(entries).await;
                    link.send_message(Msg::NamedFiles(
                        files
                            .into_iter()
                            .filter(|(_, n)| super::files::wanted(n))
                            .collect(),
                    ));
                });
                false
            }
            Msg::NamedFiles(files) => {
                self.extract_current();
                let mut todo = Vec::new();
                for (f, name) in files {
                    if f.size() > MAX_FILE_BYTES {
                        self.errors.push(format!(
                            "{name}: {} ({:.1} MB > 20 MB)",
                            t(self.lang, "too_large"),
                            f.size() / 1048576.0
                        ));
                    } else {
                        todo.push((f, name));
                    }
                }
                if todo.is_empty() {
                    return true;
                }
                let (done, total) = self.progress.unwrap_or((0, 0));
                if self.progress.is_none() {
                    // a batch keeps the open report in view (one file alone opens as before)
                    self.keep_current = !self.entries.is_empty() && todo.len() > 1;
                    self.skipped.clear();
                }
                self.progress = Some((done, total + todo.len()));
                let link = ctx.link().clone();
                wasm_bindgen_futures::spawn_local(async move {
                    for (f, name) in todo {
                        let bytes = browser::read_file(&f).await;
                        link.send_message(Msg::FileRead(name, bytes));
                    }
                });
                true
            }
            Msg::FileRead(name, bytes) => {
                use super::files::Loaded;
                let loaded = match bytes {
                    Ok(b) => super::files::load(b, &name),
                    Err(e) => vec![Loaded::Error(format!("{name}: {e}"))],
                };
                for item in loaded {
                    match item {
                        Loaded::Text(name, decoded) => {
                            self.push_entry(name, decoded.text, decoded.warnings);
                            self.persist();
                        }
                        Loaded::Error(e) => self.errors.push(e),
                        Loaded::Pdf(name, bytes) => self.read_later(ctx, name, bytes, true),
                        Loaded::Doc(name, bytes) => self.read_later(ctx, name, bytes, false),
                    }
                }
                if let Some((done, total)) = self.progress {
                    self.progress = if done + 1 >= total {
                        None
                    } else {
                        Some((done + 1, total))
                    };
                }
                true
            }
            Msg::FileDecoded(name, decoded) => {
                match decoded {
                    Ok(d) => {
                        self.push_entry(name, d.text, d.warnings);
                        self.persist();
                    }
                    Err(e) => self.errors.push(e),
                }
                if let Some((done, total)) = self.progress {
                    self.progress = if done + 1 >= total {
                        None
                    } else {
                        Some((done + 1, total))
                    };
                }
                true
            }
            Msg::DismissErrors => {
                self.errors.clear();
                self.notice = None;
                true
            }
            Msg::Export(what) => {
                self.extract_current();
                self.export(what);
                true
            }
            Msg::Copy => {
                self.extract_current();
                if let Some(r) = self.report() {
                    let tsv = crate::output::tsv_summary(r);
                    let link = ctx.link().clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let ok = browser::copy_text(tsv).await;
                        link.send_message(Msg::Copied(ok));
                    });
                }
                false
            }
            Msg::Copied(ok) => {
                self.notice =
                    Some(t(self.lang, if ok { "copied" } else { "copy_failed" }).to_string());
                true
            }
            Msg::SortBy(col) => {
                self.sort = match self.sort {
                    Some((c, asc)) if c == col => Some((c, !asc)),
                    _ => Some((col, true)),
                };
                true
            }
            Msg::ChartMetric(id) => {
                self.chart_metric = Some(id);
                true
            }
            Msg::DocKind(k) => {
                self.doc_kind = k;
                true
            }
            Msg::Dragging(d) => {
                let changed = self.dragging != d;
                self.dragging = d;
                changed
            }
            Msg::Noop => false,
        }
    }

    fn view_page(&self, ctx: &Context<Self>) -> Html {
        let lang = self.lang;
        let link = ctx.link();
        let ondragover = link.callback(|e: DragEvent| {
            e.prevent_default();
            Msg::Dragging(true)
        });
        let ondragleave = link.callback(|_e: DragEvent| Msg::Dragging(false));
        let ondrop = link.callback(|e: DragEvent| {
            e.prevent_default();
            let Some(dt) = e.data_transfer() else {
                return Msg::Dragging(false);
            };
            // folders only come through the drop's entries; plain files through either
            let entries = super::files::entries_of_drop(&dt);
            if entries.length() > 0 {
                return Msg::Dropped(entries);
            }
            let files = browser::files_of(dt.files());
            if files.is_empty() {
                Msg::Dragging(false)
            } else {
                Msg::Files(files)
            }
        });
        let onkeydown =
            link.batch_callback(|e: KeyboardEvent| (e.key() == "Escape").then_some(Msg::Escape));
        let wide = self.fold;
        html! {
            <div class={classes!("app", self.dragging.then_some("dragging"))} lang={lang.code()}
                 {ondragover} {ondragleave} {ondrop} {onkeydown} data-testid="app">
                <a class="skip" href="#results" data-testid="skip-link">{ t(lang, "skip_to_results") }</a>
                { self.view_header(link) }
                { self.view_messages(link) }
                <main class={classes!("layout", wide.then_some("wide"), self.sheet.then_some("sheet-open"))}>
                    { self.view_sidebar(link) }
                    { self.view_left(link) }
                    { self.view_results(link) }
                </main>
                { self.view_drawer(link) }
                { self.view_footer() }
            </div>
        }
    }

    fn after_render(&mut self, first_render: bool) {
        if let Some(sel) = self.focus.take() {
            browser::focus(&sel);
        }
        if first_render {
            // compile the catalog's patterns while the user reads the page, not on the first paste
            Timeout::new(30, || {
                let _ = crate::extract(sample::SAMPLE_TEXT, "warm-up");
            })
            .forget();
        }
        if self.sync_textarea {
            if let Some(ta) = self.textarea.cast::<HtmlTextAreaElement>() {
                ta.set_value(self.entry().map(|e| e.text.as_str()).unwrap_or(""));
                self.sync_textarea = false;
            }
        }
        if self.scroll_pending {
            self.scroll_pending = false;
            browser::scroll_to("[data-testid=evidence-mark]");
        }
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", if self.lang == Lang::Zh { "zh-CN" } else { "en" });
        }
    }
}

impl App {
    fn view_header(&self, link: &Scope<Self>) -> Html {
        let lang = self.lang;
        html! {
            <header class="top">
                <div class="brand">
                    <h1>{ lang.pick("指标", "zhibiao") }<span class="sub">{ lang.pick(" 法治政府建设年度报告 → 结构化指标", " · rule-of-law reports → metrics") }</span></h1>
                    <p class="tagline">{ t(lang, "tagline") }</p>
                </div>
                <div class="actions">
                    <button data-testid="example" onclick={link.callback(|_| Msg::Example)}>{ t(lang, "example") }</button>
                    <button data-testid="lang-switch" onclick={link.callback(|_| Msg::ToggleLang)} lang={lang.other().code()}>{ t(lang, "lang_switch") }</button>
                </div>
            </header>
        }
    }

    fn view_messages(&self, link: &Scope<Self>) -> Html {
        let lang = self.lang;
        let progress = self.progress.map(|(d, n)| {
            html! {
                <div class="progress" data-testid="progress" role="status">
                    { format!("{} {d}/{n}", t(lang, "working")) }
                    <progress max={n.to_string()} value={d.to_string()}></progress>
                </div>
            }
        });
        let errors = (!self.errors.is_empty()).then(|| {
            html! {
                <div class="errors" data-testid="errors" role="alert">
                    <strong>{ t(lang, "errors") }</strong>
                    <ul>{ for self.errors.iter().map(|e| html! { <li data-testid="error">{ super::i18n::message(lang, e) }</li> }) }</ul>
                    <button onclick={link.callback(|_| Msg::DismissErrors)}>{ t(lang, "dismiss") }</button>
                </div>
            }
        });
        let notice = self.notice.as_ref().map(|n| {
            html! {
                <div class="notice" data-testid="notice" role="status">{ n }
                    <button aria-label={t(lang, "close")} onclick={link.callback(|_| Msg::DismissErrors)}>{ "×" }</button></div>
            }
        });
        let storage = (!self.storage_ok)
            .then(|| html! { <div class="errors" role="alert">{ t(lang, "storage_full") }
                <button aria-label={t(lang, "close")} onclick={link.callback(|_| Msg::DismissStorage)}>{ "×" }</button></div> });
        let undo = (!self.trash.is_empty()).then(|| {
            let what = if self.trash.len() == 1 && !self.entries.is_empty() {
                format!("{}: {}", t(lang, "removed"), self.trash[0].1.report.as_ref().map(entry_title).unwrap_or_else(|| self.trash[0].1.name.clone()))
            } else {
                format!("{} ({})", t(lang, "cleared"), self.trash.len())
            };
            html! {
                <div class="notice" data-testid="undo-notice" role="status">
                    <span>{ what }</span>
                    <span class="row">
                        <button data-testid="undo" onclick={link.callback(|_| Msg::Undo)}>{ t(lang, "undo") }</button>
                        <button aria-label={t(lang, "close")} onclick={link.callback(|_| Msg::DismissUndo)}>{ "×" }</button>
                    </span>
                </div>
            }
        });
        let skipped = (!self.skipped.is_empty()).then(|| {
            html! {
                <div class="notice" data-testid="duplicates" role="status"
                    data-skipped={self.skipped.iter().map(|(a, b)| format!("{a} = {b}\n")).collect::<String>()}>
                    <span>{ format!("{} ({}): ", t(lang, "duplicates_skipped"), self.skipped.len()) }
                        { self.skipped.iter().take(5).map(|(a, b)| format!("{a} = {b}")).collect::<Vec<_>>().join("; ") }
                        { if self.skipped.len() > 5 { " …" } else { "" } }</span>
                    <button aria-label={t(lang, "close")} onclick={link.callback(|_| Msg::DismissUndo)}>{ "×" }</button>
                </div>
            }
        });
        html! { <>{ progress }{ errors }{ notice }{ undo }{ skipped }{ storage }</> }
    }

    fn view_sidebar(&self, link: &Scope<Self>) -> Html {
        let lang = self.lang;
        let onchange = link.callback(|e: Event| {
            let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
            match input {
                Some(i) => {
                    let files = browser::files_of(i.files());
                    i.set_value("");
                    Msg::Files(files)
                }
                None => Msg::Noop,
            }
        });
        let items = self.entries.iter().enumerate().map(|(i, e)| {
            let agency = e.report.as_ref().and_then(|r| r.meta.agency.clone()).unwrap_or_else(|| e.name.clone());
            let year = e.report.as_ref().and_then(|r| r.meta.year);
            let tip = format!("{agency}{}\n{}", year.map(|y| format!(" {y}")).unwrap_or_default(), e.name);
            let active = i == self.current;
            let edited = !e.edit.is_empty();
            html! {
                <li class={classes!("doc", active.then_some("active"))} data-testid="doc-item">
                    <button class="doc-open" aria-current={active.then_some("true")} onclick={link.callback(move |_| Msg::Select(i))} title={tip}>
                        <span class="doc-label"><span class="doc-agency">{ agency }</span>
                            if let Some(y) = year { <span class="doc-year" data-testid="doc-year">{ y }</span> }
                            if edited { <span class="badge">{ t(lang, "edited") }</span> }
                        </span>
                        <span class="doc-name">{ format!("{} · {} {}", e.name, e.text.chars().count(), lang.pick("字", "chars")) }</span>
                    </button>
                    <button class="doc-remove" aria-label={format!("{} {}", t(lang, "remove"), e.name)} data-testid="doc-remove"
                        onclick={link.callback(move |_| Msg::Remove(i))}>{ "×" }</button>
                </li>
            }
        });
        html! {
            <aside class="sidebar">
                <label class={classes!("drop", self.dragging.then_some("over"))} data-testid="drop-zone">
                    <span>{ t(lang, "drop_here") }{ " " }<u>{ t(lang, "pick_files") }</u></span>
                    <small>{ t(lang, "file_types") }</small>
                    <input type="file" multiple=true accept={ACCEPT} data-testid="file-input" onchange={onchange.clone()} />
                </label>
                <label class="pick-folder">
                    <u>{ t(lang, "pick_folder") }</u>
                    <input type="file" webkitdirectory=true multiple=true data-testid="folder-input" {onchange} />
                </label>
                <div class="row">
                    <button data-testid="new-doc" onclick={link.callback(|_| Msg::NewDoc)}>{ "+ " }{ t(lang, "new_doc") }</button>
                    <button data-testid="clear-all" class="danger" onclick={link.callback(|_| Msg::ClearAll)} disabled={self.entries.is_empty()}>{ t(lang, "clear_all") }</button>
                </div>
                <h2 class="h-small">{ t(lang, "reports") }{ format!(" ({})", self.entries.len()) }</h2>
                <ul class="docs" data-testid="doc-list">{ for items }</ul>
                <p class="privacy">{ t(lang, "privacy") }</p>
            </aside>
        }
    }

    fn view_left(&self, link: &Scope<Self>) -> Html {
        let lang = self.lang;
        let oninput = link.callback(|e: InputEvent| {
            let ta: Option<HtmlTextAreaElement> = e.target_dyn_into();
            match ta {
                Some(ta) => Msg::Edit(ta.value()),
                None => Msg::Noop,
            }
        });
        let edit = self.pane == Pane::Edit;
        let text = self.source_text();
        let onkeydown = link.batch_callback(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowLeft" | "ArrowRight" | "Home" | "End" => {
                e.prevent_default();
                Some(Msg::SetPane(if edit { Pane::Source } else { Pane::Edit }))
            }
            _ => None,
        });
        html! {
            <section class="left" aria-label={t(lang, "open_text")}>
                <div class="tab-bar">
                    <div class="tabs" role="tablist" {onkeydown}>
                        <button role="tab" aria-selected={edit.to_string()} tabindex={if edit { "0" } else { "-1" }} data-testid="pane-edit" onclick={link.callback(|_| Msg::SetPane(Pane::Edit))}>{ t(lang, "input") }</button>
                        <button role="tab" aria-selected={(!edit).to_string()} tabindex={if edit { "-1" } else { "0" }} data-testid="pane-source" onclick={link.callback(|_| Msg::SetPane(Pane::Source))}>{ t(lang, "source") }</button>
                    </div>
                    <button class="sheet-only close" data-testid="sheet-close" aria-label={t(lang, "close")} onclick={link.callback(|_| Msg::Sheet(false))}>{ "×" }</button>
                </div>
                <textarea ref={self.textarea.clone()} class="input" hidden={!edit} data-testid="input-text" spellcheck="false"
                    placeholder={t(lang, "paste_here")} aria-label={t(lang, "paste_here")} {oninput} />
                if !edit {
                    { source::view(text, &self.highlight) }
                }
            </section>
        }
    }

    fn view_results(&self, link: &Scope<Self>) -> Html {
        let lang = self.lang;
        let tab = |which: Tab, key: &'static str, id: &'static str| {
            let sel = self.tab == which;
            html! {
                <button role="tab" id={id} aria-selected={sel.to_string()} aria-controls="tabpanel" tabindex={if sel { "0" } else { "-1" }} data-testid={id}
                    onclick={link.callback(move |_| Msg::SetTab(which))}>{ t(lang, key) }</button>
            }
        };
        let tabkey = link.batch_callback(|e: KeyboardEvent| {
            let k = e.key();
            matches!(k.as_str(), "ArrowLeft" | "ArrowRight" | "Home" | "End").then(|| {
                e.prevent_default();
                Msg::TabKey(k)
            })
        });
        let selected_id = TABS
            .iter()
            .find(|(t, _, _)| *t == self.tab)
            .map(|x| x.2)
            .unwrap_or("tab-metrics");
        let body = match self.tab {
            Tab::Compare => html! {
                <CompareTable lang={lang} rows={self.rows.clone()} generation={self.generation} current={self.current}
                    sort={self.sort} filters={self.filters.clone()}
                    on_sort={link.callback(Msg::SortBy)} on_select={link.callback(Msg::Select)}
                    on_cell={link.callback(|(i, id)| Msg::OpenCell(i, id))} on_filter={link.callback(Msg::SetFilters)} />
            },
            Tab::Charts => chart::view(self, link),
            _ => match self.report() {
                None => html! { <p class="empty" data-testid="empty">{ t(lang, "no_report") }</p> },
                Some(r) => match self.tab {
                    Tab::Metrics => metrics::view(self, r, link),
                    Tab::Summary => summary::view(self, r, link),
                    Tab::Review => super::review::view(self, r, link),
                    _ => figures::view(self, r, link),
                },
            },
        };
        let has = self.report().is_some();
        // the comparison and the charts are about every report: no card of the open one above them
        let card = match (self.entry(), self.report()) {
            _ if matches!(self.tab, Tab::Compare | Tab::Charts) => html! {},
            (Some(e), Some(r)) => {
                let (g, months) = self.open_genre();
                html! {
                    <ReportCard lang={lang} meta={r.meta.clone()} found={e.found.clone().unwrap_or_else(|| r.meta.clone())}
                        source={r.source.clone()} warnings={r.warnings.clone()} edit={e.edit.clone()}
                        genre={g.map(|g| genre::genre_label(lang, g).to_string()).unwrap_or_default()}
                        coverage={genre::coverage_label(lang, months)} partial={months.is_some()}
                        on_save={link.callback(Msg::SaveEdit)} />
                }
            }
            _ => html! {},
        };
        html! {
            <section class="results" id="results" tabindex="-1" aria-label={t(lang, "results")}>
                { card }
                <div class="tab-bar">
                    <div class="tabs" role="tablist" onkeydown={tabkey}>
                        { for TABS.iter().map(|(w, k, id)| tab(*w, k, id)) }
                    </div>
                    <button class="small desk-only" data-testid="fold-source" aria-pressed={self.fold.to_string()}
                        onclick={link.callback(|_| Msg::ToggleFold)}>{ t(lang, if self.fold { "unfold_source" } else { "fold_source" }) }</button>
                    <button class="small phone-only" data-testid="open-sheet" onclick={link.callback(|_| Msg::Sheet(true))}>{ t(lang, "open_text") }</button>
                </div>
                <div class="tab-body" role="tabpanel" id="tabpanel" aria-labelledby={selected_id}>{ body }</div>
                <div class="export" aria-label={t(lang, "export")}>
                    <span class="h-small">{ t(lang, "export") }</span>
                    <button data-testid="export-json" disabled={!has} onclick={link.callback(|_| Msg::Export(Export::JsonOne))}>{ t(lang, "json_one") }</button>
                    <button data-testid="export-json-all" disabled={self.entries.is_empty()} onclick={link.callback(|_| Msg::Export(Export::JsonAll))}>{ t(lang, "json_all") }</button>
                    <button data-testid="export-csv" disabled={self.entries.is_empty()} onclick={link.callback(|_| Msg::Export(Export::CsvFacts))}>{ t(lang, "csv_facts") }</button>
                    <button data-testid="export-csv-compare" disabled={self.entries.is_empty()} onclick={link.callback(|_| Msg::Export(Export::CsvCompare))}>{ t(lang, "csv_compare") }</button>
                    <button data-testid="copy-tsv" disabled={!has} onclick={link.callback(|_| Msg::Copy)}>{ t(lang, "copy_table") }</button>
                </div>
            </section>
        }
    }

    fn view_drawer(&self, link: &Scope<Self>) -> Html {
        let lang = self.lang;
        let Some((i, id)) = &self.drawer else {
            return html! {};
        };
        let Some(r) = self.entries.get(*i).and_then(|e| e.report.as_ref()) else {
            return html! {};
        };
        let facts: Vec<crate::model::Fact> = facts_of(r, id)
            .into_iter()
            .map(|(_, f)| f.clone())
            .collect();
        let weak: Vec<bool> = facts.iter().map(super::confidence::is_weak).collect();
        let metric = crate::data::catalog::builtin()
            .get(id)
            .map(|m| super::compare::metric_label(lang, m))
            .unwrap_or_else(|| id.clone());
        html! {
            <Drawer lang={lang} report={entry_title(r)} metric={metric} facts={facts} weak={weak}
                on_close={link.callback(|_| Msg::CloseDrawer)} on_source={link.callback(Msg::DrawerSource)} />
        }
    }

    fn view_footer(&self) -> Html {
        let lang = self.lang;
        let timing = self.last_ms.map(|ms| {
            html! {
                <span data-testid="extract-time" data-ms={format!("{ms:.3}")} data-worker={self.extractor.is_some().to_string()}>{ format!("{} {:.1} ms", t(lang, "extracted_in"), ms) }</span>
            }
        });
        html! {
            <footer class="foot">
                { timing }
                <span>{ format!("zhibiao {} · ", env!("CARGO_PKG_VERSION")) }{ t(lang, "privacy") }</span>
            </footer>
        }
    }
}
