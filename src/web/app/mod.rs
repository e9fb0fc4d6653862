//! The page's one stateful component: it owns the [`State`], wires the views' callbacks to
//! messages, and does what the state cannot — the typing timer, the extraction worker, files,
//! downloads, the clipboard, localStorage, focus and scrolling after a render.
//!
//! Where things are: `state/` (messages and the pure transitions), `extractor.rs` (the core
//! called here or in the worker), `export.rs` (downloads), `view.rs` (the page composed of
//! `crate::web::components`).

pub mod export;
pub mod extractor;
pub mod state;
mod view;

pub use export::export_name;
pub use extractor::{run, run_pasted, start_worker, Extraction, Local};
pub use state::{tab_after_key, Msg, Pane, State, Store, Tab, TABS};

use crate::web::files::{self, Loaded};
use crate::web::i18n::{t, Lang};
use crate::web::{browser, sample, storage, worker};
use gloo_timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Largest file the page reads (bytes): the core's limit.
pub const MAX_FILE_BYTES: f64 = crate::input::MAX_BYTES as f64;
/// Typing pause before re-extracting (ms).
pub const DEBOUNCE_MS: u32 = 300;

/// The page.
pub struct App {
    /// Everything the page shows (see [`State`]).
    pub state: State,
    textarea: NodeRef,
    debounce: Option<Timeout>,
    extraction: Extraction,
    /// Set to stop the running batch's reading of files (a fresh flag for each batch).
    reading: Rc<Cell<bool>>,
}

/// Write `state`'s saved copy as its last transition asked ([`Store`]). Texts too large for
/// localStorage go to IndexedDB one by one as they come, and the index of them is saved once a
/// batch is over (no task writes every text at once).
fn persist(state: &mut State) {
    match std::mem::take(&mut state.store) {
        Store::Keep => {}
        Store::Save if state.in_batch() => {
            if state.big() {
                storage::put_texts(state.unstored_texts());
            }
            state.store = Store::Save;
        }
        Store::Save if state.big() => {
            storage::put_texts(state.unstored_texts());
            let (json, keys) = state.saved_index();
            state.storage_ok = storage::save_index(json, keys);
        }
        Store::Save => {
            state.forget_stored();
            state.storage_ok = storage::save_json(state.saved_json());
        }
        Store::Clear => storage::remove(storage::DOCS_KEY),
    }
}

/// The app's one property: the engine on the main thread (the page's loads the engine's wasm;
/// the wasm-bindgen tests, which have no engine file, call the core).
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The engine on the main thread (when workers cannot start).
    #[prop_or_default]
    pub local: Local,
}

impl Component for App {
    type Message = Msg;
    type Properties = AppProps;

    fn create(ctx: &Context<Self>) -> Self {
        let lang = match storage::get(storage::LANG_KEY) {
            Some(code) => Lang::from_tag(&code),
            None => Lang::from_tag(&browser::browser_language()),
        };
        let mut state = State::new(lang, storage::load());
        state.local = ctx.props().local;
        let mut extraction = Extraction::start(ctx.link());
        // restored texts: in the worker when there is one, else here
        for i in 0..state.entries.len() {
            if !extraction.request(&mut state, i) {
                state.extract_at(i);
            }
        }
        persist(&mut state);
        if storage::in_idb() {
            let link = ctx.link().clone();
            wasm_bindgen_futures::spawn_local(async move {
                link.send_message(Msg::Restored(storage::load_idb().await));
            });
        }
        App {
            state,
            textarea: NodeRef::default(),
            debounce: None,
            extraction,
            reading: Rc::new(Cell::new(false)),
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let render = match self.state.update(msg) {
            Ok(render) => render,
            Err(msg) => self.effect(ctx, msg),
        };
        self.load_local_if_wanted(ctx);
        persist(&mut self.state);
        // the comparison's rows: rebuilt once a batch is over, and only while it is shown
        self.state.refresh_rows_if_due() || render
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        view::page(self, ctx.link())
    }

    fn rendered(&mut self, ctx: &Context<Self>, _first_render: bool) {
        self.load_local_if_wanted(ctx);
        self.after_render()
    }
}

impl App {
    /// An extraction waits for the engine on the main thread: load it (its answer comes back as
    /// [`Msg::LocalReady`]).
    fn load_local_if_wanted(&mut self, ctx: &Context<Self>) {
        if std::mem::take(&mut self.state.want_local) {
            let link = ctx.link().clone();
            worker::load_local(move |ok| link.send_message(Msg::LocalReady(ok)));
        }
    }

    /// The messages the state cannot handle alone (see [`State::update`]).
    fn effect(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let link = ctx.link();
        let s = &mut self.state;
        match msg {
            Msg::Edit(text) => {
                let created = s.edit(text);
                let link = link.clone();
                self.debounce = Some(Timeout::new(DEBOUNCE_MS, move || {
                    link.send_message(Msg::Extract)
                }));
                created
            }
            Msg::Extract => {
                self.debounce = None;
                self.extraction.request(s, s.current);
                s.extract_current()
            }
            Msg::Extracted(uid, seq, json, ms, k) => {
                let render = s.extracted(uid, seq, &json, ms);
                self.extraction.done(s, k);
                render
            }
            Msg::ExtractFailed(uid, k) => {
                let render = s.extract_failed(uid);
                self.extraction.restart(link, s, uid, k);
                render
            }
            Msg::WorkerFailed => {
                self.extraction.stop(s);
                s.worker_failed()
            }
            Msg::LocalReady(ok) => s.local_ready(ok),
            Msg::Restored(saved) => {
                if !s.entries.is_empty() {
                    return false;
                }
                *s = State::new(s.lang, saved);
                s.begin_batch(0);
                for i in 0..s.entries.len() {
                    self.extraction.extract(s, i);
                }
                s.progress = None;
                s.batch_total = s.batch.len();
                true
            }
            Msg::Cancel => {
                self.reading.set(true);
                self.extraction.cancel(s);
                s.cancel()
            }
            Msg::Example => {
                if !s.open_example() {
                    self.add(
                        sample::SAMPLE_NAME.into(),
                        sample::SAMPLE_TEXT.into(),
                        Vec::new(),
                    );
                }
                true
            }
            Msg::ClearAll => {
                self.debounce = None;
                s.clear_all()
            }
            Msg::ToggleLang => {
                s.toggle_lang();
                storage::set(storage::LANG_KEY, s.lang.code());
                true
            }
            Msg::Export(what) => {
                s.extract_current();
                export::export(s, what);
                true
            }
            Msg::Copy => {
                s.extract_current();
                let link = link.clone();
                export::copy(s, move |ok| link.send_message(Msg::Copied(ok)));
                false
            }
            msg => self.files(ctx, msg),
        }
    }

    /// Add a loaded text (see [`State::push_entry`]) and extract it.
    fn add(&mut self, name: String, text: String, warnings: Vec<String>) {
        if let Some(i) = self.state.push_entry(name, text, warnings) {
            self.extraction.extract(&mut self.state, i);
        }
        self.state.store = Store::Save;
    }

    /// The messages of files: picked, dropped, read, decoded.
    fn files(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let link = ctx.link().clone();
        match msg {
            Msg::Files(picked) => {
                let named = picked.into_iter().map(|f| {
                    let n = files::picked_name(&f);
                    (f, n)
                });
                link.send_message(Msg::NamedFiles(
                    named.filter(|(_, n)| files::wanted(n)).collect(),
                ));
                false
            }
            Msg::Dropped(entries) => {
                wasm_bindgen_futures::spawn_local(async move {
                    let found = files::dropped_files(entries).await;
                    link.send_message(Msg::NamedFiles(
                        found
                            .into_iter()
                            .filter(|(_, n)| files::wanted(n))
                            .collect(),
                    ));
                });
                false
            }
            Msg::NamedFiles(named) => self.read_files(ctx, named),
            // a batch cancelled: what was still on its way is dropped
            Msg::FileRead(..) | Msg::FileDecoded(..) | Msg::Unpacked(..)
                if self.state.progress.is_none() =>
            {
                false
            }
            Msg::FileRead(name, bytes) => {
                let loaded = match bytes {
                    Ok(b) => files::load(b, &name),
                    Err(e) => Loaded::Error(format!("{name}: {e}")),
                };
                self.take_loaded(ctx, vec![loaded]);
                self.state.step();
                self.state.tick()
            }
            Msg::Unpacked(loaded) => {
                self.take_loaded(ctx, loaded);
                self.state.step();
                true
            }
            Msg::FileDecoded(name, decoded) => {
                match decoded {
                    Ok(d) => self.add(name, d.text, d.warnings),
                    Err(e) => self.state.errors.push(e),
                }
                self.state.step();
                true
            }
            // every other message is the state's (State::update) or `effect`'s
            _ => false,
        }
    }

    /// Read picked or dropped files (too large ones are refused with an error once read): a
    /// batch. The files are read one by one, each in a task of its own (a thousand files never
    /// block the page; a cancel stops the reading).
    fn read_files(&mut self, ctx: &Context<Self>, todo: Vec<(web_sys::File, String)>) -> bool {
        let s = &mut self.state;
        s.extract_current();
        if todo.is_empty() {
            return true;
        }
        if !s.in_batch() {
            self.reading = Rc::new(Cell::new(false));
        }
        s.begin_batch(todo.len());
        let link = ctx.link().clone();
        let stop = self.reading.clone();
        let too_large = t(s.lang, "too_large");
        wasm_bindgen_futures::spawn_local(async move {
            for (f, name) in todo {
                if stop.get() {
                    return;
                }
                // the size once read (`File.size` is a synchronous look at the disk, ~1 ms)
                let bytes = browser::read_file(&f).await.and_then(|b| {
                    if b.len() as f64 > MAX_FILE_BYTES {
                        let mb = b.len() as f64 / 1048576.0;
                        Err(format!("{too_large} ({mb:.1} MB > 20 MB)"))
                    } else {
                        Ok(b)
                    }
                });
                link.send_message(Msg::FileRead(name, bytes));
            }
        });
        true
    }

    /// What files became: texts added, errors listed, PDFs, .docs and zips read later.
    fn take_loaded(&mut self, ctx: &Context<Self>, loaded: Vec<Loaded>) {
        for item in loaded {
            match item {
                Loaded::Text(name, decoded) => self.add(name, decoded.text, decoded.warnings),
                Loaded::Error(e) => self.state.errors.push(e),
                Loaded::Pdf(name, bytes) => self.read_later(ctx, name, bytes, true),
                Loaded::Doc(name, bytes) => self.read_later(ctx, name, bytes, false),
                Loaded::Zip(name, bytes) => {
                    self.state.one_more();
                    let link = ctx.link().clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let loaded = files::read_zip(&bytes, &name).await;
                        link.send_message(Msg::Unpacked(loaded));
                    });
                }
            }
        }
    }

    /// Read a PDF (`pdf: true`, with pdf.js) or a legacy .doc/.wps with its on-demand reader;
    /// one more step for the progress bar, done when the reader answers with `FileDecoded`.
    fn read_later(&mut self, ctx: &Context<Self>, name: String, bytes: Vec<u8>, pdf: bool) {
        self.state.one_more();
        let link = ctx.link().clone();
        wasm_bindgen_futures::spawn_local(async move {
            let r = if pdf {
                files::read_pdf(&bytes, &name).await
            } else {
                files::read_doc(&bytes, &name).await
            };
            link.send_message(Msg::FileDecoded(name, r));
        });
    }

    /// After a render: focus, the text area's value after a switch, scrolling to the mark, the
    /// document's language.
    fn after_render(&mut self) {
        let s = &mut self.state;
        if let Some(sel) = s.focus.take() {
            browser::focus(&sel);
        }
        if s.sync_textarea {
            if let Some(ta) = self.textarea.cast::<HtmlTextAreaElement>() {
                ta.set_value(s.entry().map(|e| e.text.as_str()).unwrap_or(""));
                s.sync_textarea = false;
            }
        }
        if s.scroll_pending {
            s.scroll_pending = false;
            browser::scroll_to("[data-testid=evidence-mark]");
        }
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", if s.lang == Lang::Zh { "zh-CN" } else { "en" });
        }
    }
}
