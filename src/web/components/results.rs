//! The results pane: the open report's card, the tab bar (with the fold and sheet buttons),
//! the active tab's body, and the export buttons. The card and the body come ready-made.

use crate::web::exports::Export;
use crate::web::i18n::{t, Lang};
use crate::web::tabs::{tab_id, Tab, TABS};
use yew::prelude::*;

/// What the results pane reads.
pub struct ResultsProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// Active tab.
    pub tab: Tab,
    /// The source pane is folded away.
    pub fold: bool,
    /// The card above the tabs (empty for none).
    pub card: Html,
    /// The active tab's body.
    pub body: Html,
    /// There is an open report (its JSON and its table can be exported).
    pub has_report: bool,
    /// There are inputs (the all-reports exports).
    pub has_entries: bool,
    /// Switch tab.
    pub on_tab: &'a Callback<Tab>,
    /// A key on the tabs (arrows, Home, End).
    pub on_tab_key: &'a Callback<String>,
    /// Fold or unfold the source pane.
    pub on_fold: &'a Callback<()>,
    /// Open or close the source sheet (phone layout).
    pub on_sheet: &'a Callback<bool>,
    /// Download an export.
    pub on_export: &'a Callback<Export>,
    /// Copy the summary table.
    pub on_copy: &'a Callback<()>,
}

/// The tab bar: the tabs (arrow keys move between them), fold and sheet buttons.
fn tab_bar(p: &ResultsProps<'_>) -> Html {
    let lang = p.lang;
    let tab = |which: Tab, key: &'static str, id: &'static str| {
        let sel = p.tab == which;
        html! {
            <button role="tab" id={id} aria-selected={sel.to_string()} aria-controls="tabpanel" tabindex={if sel { "0" } else { "-1" }} data-testid={id}
                onclick={p.on_tab.reform(move |_| which)}>{ t(lang, key) }</button>
        }
    };
    let on_tab_key = p.on_tab_key.clone();
    let tabkey = Callback::from(move |e: KeyboardEvent| {
        let k = e.key();
        if matches!(k.as_str(), "ArrowLeft" | "ArrowRight" | "Home" | "End") {
            e.prevent_default();
            on_tab_key.emit(k);
        }
    });
    html! {
        <div class="tab-bar">
            <div class="tabs" role="tablist" onkeydown={tabkey}>
                { for TABS.iter().map(|(w, k, id)| tab(*w, k, id)) }
            </div>
            <button class="small desk-only" data-testid="fold-source" aria-pressed={p.fold.to_string()}
                onclick={p.on_fold.reform(|_| ())}>{ t(lang, if p.fold { "unfold_source" } else { "fold_source" }) }</button>
            <button class="small phone-only" data-testid="open-sheet" onclick={p.on_sheet.reform(|_| true)}>{ t(lang, "open_text") }</button>
        </div>
    }
}

/// The export buttons.
fn exports(p: &ResultsProps<'_>) -> Html {
    let lang = p.lang;
    let (has, none) = (p.has_report, !p.has_entries);
    let button = |id: &'static str, key: &'static str, disabled: bool, what: Export| {
        html! { <button data-testid={id} {disabled} onclick={p.on_export.reform(move |_| what)}>{ t(lang, key) }</button> }
    };
    html! {
        <div class="export" aria-label={t(lang, "export")}>
            <span class="h-small">{ t(lang, "export") }</span>
            { button("export-json", "json_one", !has, Export::JsonOne) }
            { button("export-json-all", "json_all", none, Export::JsonAll) }
            { button("export-csv", "csv_facts", none, Export::CsvFacts) }
            { button("export-csv-compare", "csv_compare", none, Export::CsvCompare) }
            <button data-testid="copy-tsv" disabled={!has} onclick={p.on_copy.reform(|_| ())}>{ t(lang, "copy_table") }</button>
        </div>
    }
}

/// The results pane.
pub fn view(p: ResultsProps<'_>) -> Html {
    let lang = p.lang;
    let bar = tab_bar(&p);
    let exports = exports(&p);
    html! {
        <section class="results" id="results" tabindex="-1" aria-label={t(lang, "results")}>
            { p.card }
            { bar }
            <div class="tab-body" role="tabpanel" id="tabpanel" aria-labelledby={tab_id(p.tab)}>{ p.body }</div>
            { exports }
        </section>
    }
}
