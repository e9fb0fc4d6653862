//! The report card: title, agency, region, province, level, year, published date, genre and
//! period coverage; agency, region, year and level can be corrected (kept with the text, see
//! [`crate::web::edits`]) and are then marked as edited.

use crate::model::Meta;
use crate::web::edits::MetaEdit;
use crate::web::i18n::{t, Lang};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`ReportCard`].
#[derive(Properties, PartialEq, Clone)]
pub struct CardProps {
    /// UI language.
    pub lang: Lang,
    /// The metadata shown (with the corrections laid over it).
    pub meta: Meta,
    /// The metadata as extracted (what a correction is compared against).
    pub found: Meta,
    /// The report's source name.
    pub source: String,
    /// The report's warnings.
    pub warnings: Vec<String>,
    /// The corrections kept for this report.
    pub edit: MetaEdit,
    /// Genre label (empty when unknown).
    pub genre: String,
    /// Period coverage label (全年 / 截至N月).
    pub coverage: String,
    /// Whether the report covers only a part of the year.
    pub partial: bool,
    /// Save corrections (an empty edit resets the card).
    pub on_save: Callback<MetaEdit>,
}

/// The card's rows: agency, region, province, level, year, published, genre, coverage,
/// source; corrected fields are marked.
fn card_rows(p: &CardProps) -> Html {
    let lang = p.lang;
    let m = &p.meta;
    let edited = p.edit.fields();
    let row = |key: &'static str, id: &'static str, v: Option<String>, field: &str| {
        let was_edited = edited.contains(&field);
        html! {
            <div class={classes!("kv", was_edited.then_some("edited"))}><dt>{ t(lang, key) }</dt>
                <dd data-testid={id}>{ v.unwrap_or_else(|| t(lang, "unknown").to_string()) }
                    if was_edited { <span class="badge" data-testid="edited-mark" title={t(lang, "edited_hint")}>{ t(lang, "edited") }</span> }
                </dd></div>
        }
    };
    html! {
        <dl>
            { row("agency", "meta-agency", m.agency.clone(), "agency") }
            { row("region", "meta-region", m.region.clone(), "region") }
            { row("province", "meta-province", m.province.clone(), "") }
            { row("level", "meta-level", m.level.clone(), "level") }
            { row("year", "meta-year", m.year.map(|y| y.to_string()), "year") }
            { row("published", "meta-published", m.published.clone(), "") }
            { row("genre", "meta-genre", (!p.genre.is_empty()).then(|| p.genre.clone()), "") }
            <div class={classes!("kv", p.partial.then_some("partial"))}><dt>{ t(lang, "coverage") }</dt>
                <dd data-testid="meta-coverage">{ &p.coverage }</dd></div>
            { row("source_name", "meta-source", Some(p.source.clone()), "") }
        </dl>
    }
}

/// The report card with its edit form.
#[function_component(ReportCard)]
pub fn report_card(p: &CardProps) -> Html {
    let lang = p.lang;
    let editing = use_state(|| false);
    let refs = use_memo((), |_| {
        [
            NodeRef::default(),
            NodeRef::default(),
            NodeRef::default(),
            NodeRef::default(),
        ]
    });
    let m = &p.meta;
    let open = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(true))
    };
    let cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(false))
    };
    let save = {
        let editing = editing.clone();
        let refs = refs.clone();
        let found = p.found.clone();
        let on_save = p.on_save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let v = |i: usize| {
                refs[i]
                    .cast::<HtmlInputElement>()
                    .map(|x| x.value())
                    .unwrap_or_default()
            };
            on_save.emit(MetaEdit::from_form(&found, &v(0), &v(1), &v(2), &v(3)));
            editing.set(false);
        })
    };
    let reset = {
        let editing = editing.clone();
        let on_save = p.on_save.clone();
        Callback::from(move |_| {
            on_save.emit(MetaEdit::default());
            editing.set(false);
        })
    };
    let field = |i: usize, key: &'static str, id: &'static str, value: String| {
        html! {
            <label class="field">{ t(lang, key) }
                <input ref={refs[i].clone()} data-testid={id} value={value} />
            </label>
        }
    };
    html! {
        <div class="card" data-testid="report-card">
            <h2 data-testid="meta-title">{ m.title.clone().unwrap_or_else(|| p.source.clone()) }</h2>
            if *editing {
                <form class="card-edit" data-testid="card-form" onsubmit={save}>
                    { field(0, "agency", "edit-agency", m.agency.clone().unwrap_or_default()) }
                    { field(1, "region", "edit-region", m.region.clone().unwrap_or_default()) }
                    { field(2, "year", "edit-year", m.year.map(|y| y.to_string()).unwrap_or_default()) }
                    { field(3, "level", "edit-level", m.level.clone().unwrap_or_default()) }
                    <div class="row">
                        <button type="submit" data-testid="card-save">{ t(lang, "save") }</button>
                        <button type="button" onclick={cancel}>{ t(lang, "cancel") }</button>
                        if !p.edit.is_empty() {
                            <button type="button" data-testid="card-reset" onclick={reset}>{ t(lang, "reset_found") }</button>
                        }
                    </div>
                </form>
            } else {
                { card_rows(p) }
                <button class="small" data-testid="card-edit" onclick={open}>{ t(lang, "edit_card") }</button>
            }
            if !p.warnings.is_empty() {
                <p class="warn" data-testid="warnings">{ format!("{}: {}", t(lang, "warnings"), p.warnings.join("; ")) }</p>
            }
        </div>
    }
}
