//! The sidebar: the drop zone and file/folder pickers, new/clear buttons, the list of reports.

use crate::web::browser;
use crate::web::entry::Entry;
use crate::web::i18n::{t, Lang};
use yew::prelude::*;

/// File name endings the file picker offers (the core decides what it can read).
pub const ACCEPT: &str = ".txt,.text,.md,.markdown,.html,.htm,.xhtml,.shtml,.docx,.doc,.wps,.pdf,.zip,text/plain,text/markdown,text/html,application/msword,application/pdf,application/zip";

/// What the sidebar reads.
pub struct SidebarProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// Loaded inputs.
    pub entries: &'a [Entry],
    /// Index of the open input.
    pub current: usize,
    /// A drag is over the page.
    pub dragging: bool,
    /// Files were picked.
    pub on_files: &'a Callback<Vec<web_sys::File>>,
    /// Open input `i`.
    pub on_select: &'a Callback<usize>,
    /// Remove input `i`.
    pub on_remove: &'a Callback<usize>,
    /// Start a new empty input.
    pub on_new: &'a Callback<()>,
    /// Remove every input.
    pub on_clear: &'a Callback<()>,
}

/// One report in the list: open button (agency, year, edited badge, name, length) and ×.
fn doc_item(p: &SidebarProps<'_>, i: usize, e: &Entry) -> Html {
    let lang = p.lang;
    let agency = e
        .report
        .as_ref()
        .and_then(|r| r.meta.agency.clone())
        .unwrap_or_else(|| e.name.clone());
    let year = e.report.as_deref().and_then(|r| r.meta.year);
    let tip = format!(
        "{agency}{}\n{}",
        year.map(|y| format!(" {y}")).unwrap_or_default(),
        e.name
    );
    let active = i == p.current;
    let edited = !e.edit.is_empty();
    html! {
        <li class={classes!("doc", active.then_some("active"))} data-testid="doc-item">
            <button class="doc-open" aria-current={active.then_some("true")} onclick={p.on_select.reform(move |_| i)} title={tip}>
                <span class="doc-label"><span class="doc-agency">{ agency }</span>
                    if let Some(y) = year { <span class="doc-year" data-testid="doc-year">{ y }</span> }
                    if edited { <span class="badge">{ t(lang, "edited") }</span> }
                </span>
                <span class="doc-name">{ format!("{} · {} {}", e.name, e.char_count(), lang.pick("字", "chars")) }</span>
            </button>
            <button class="doc-remove" aria-label={format!("{} {}", t(lang, "remove"), e.name)} data-testid="doc-remove"
                onclick={p.on_remove.reform(move |_| i)}>{ "×" }</button>
        </li>
    }
}

/// The most reports the list shows (besides the open one): a batch of a thousand stays out of
/// the DOM.
pub const LIST_MAX: usize = 200;

/// The sidebar.
pub fn view(p: &SidebarProps<'_>) -> Html {
    let lang = p.lang;
    let on_files = p.on_files.clone();
    let onchange = Callback::from(move |e: Event| {
        let input: Option<web_sys::HtmlInputElement> = e.target_dyn_into();
        if let Some(i) = input {
            let files = browser::files_of(i.files());
            i.set_value("");
            on_files.emit(files);
        }
    });
    // a long list shows its first LIST_MAX and the open one (the comparison tab has them all)
    let items = p
        .entries
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < LIST_MAX || *i == p.current)
        .map(|(i, e)| doc_item(p, i, e));
    let more = p
        .entries
        .len()
        .saturating_sub(LIST_MAX + usize::from(p.current >= LIST_MAX));
    let more = (more > 0).then(|| {
        html! { <li class="doc more" data-testid="doc-more">{ format!("… +{more} ") }{ t(lang, "more_reports") }</li> }
    });
    html! {
        <aside class="sidebar">
            <label class={classes!("drop", p.dragging.then_some("over"))} data-testid="drop-zone">
                <span>{ t(lang, "drop_here") }{ " " }<u>{ t(lang, "pick_files") }</u></span>
                <small>{ t(lang, "file_types") }</small>
                <input type="file" multiple=true accept={ACCEPT} data-testid="file-input" onchange={onchange.clone()} />
            </label>
            <label class="pick-folder">
                <u>{ t(lang, "pick_folder") }</u>
                <input type="file" webkitdirectory=true multiple=true data-testid="folder-input" {onchange} />
            </label>
            <div class="row">
                <button data-testid="new-doc" onclick={p.on_new.reform(|_| ())}>{ "+ " }{ t(lang, "new_doc") }</button>
                <button data-testid="clear-all" class="danger" onclick={p.on_clear.reform(|_| ())} disabled={p.entries.is_empty()}>{ t(lang, "clear_all") }</button>
            </div>
            <h2 class="h-small">{ t(lang, "reports") }{ format!(" ({})", p.entries.len()) }</h2>
            <ul class="docs" data-testid="doc-list">{ for items }{ more }</ul>
            <p class="privacy">{ t(lang, "privacy") }</p>
        </aside>
    }
}
