//! The left pane: the editable text area or the read-only source with the evidence marked
//! (two tabs), and the phone sheet's close button.

use super::source;
use crate::model::Span;
use crate::web::i18n::{t, Lang};
use crate::web::tabs::Pane;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// What the text pane reads.
pub struct TextPaneProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// Which of the two the pane shows.
    pub pane: Pane,
    /// The text the open report's evidence points into.
    pub text: &'a str,
    /// Highlighted source spans.
    pub highlight: &'a [Span],
    /// The text area (the app sets its value after a switch).
    pub textarea: &'a NodeRef,
    /// The text area changed.
    pub on_edit: &'a Callback<String>,
    /// Switch the pane.
    pub on_pane: &'a Callback<Pane>,
    /// Open or close the source sheet (phone layout).
    pub on_sheet: &'a Callback<bool>,
}

/// The text pane.
pub fn view(p: &TextPaneProps<'_>) -> Html {
    let lang = p.lang;
    let on_edit = p.on_edit.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let ta: Option<HtmlTextAreaElement> = e.target_dyn_into();
        if let Some(ta) = ta {
            on_edit.emit(ta.value());
        }
    });
    let edit = p.pane == Pane::Edit;
    let on_pane = p.on_pane.clone();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if matches!(
            e.key().as_str(),
            "ArrowLeft" | "ArrowRight" | "Home" | "End"
        ) {
            e.prevent_default();
            on_pane.emit(if edit { Pane::Source } else { Pane::Edit });
        }
    });
    html! {
        <section class="left" aria-label={t(lang, "open_text")}>
            <div class="tab-bar">
                <div class="tabs" role="tablist" {onkeydown}>
                    <button role="tab" aria-selected={edit.to_string()} tabindex={if edit { "0" } else { "-1" }} data-testid="pane-edit" onclick={p.on_pane.reform(|_| Pane::Edit)}>{ t(lang, "input") }</button>
                    <button role="tab" aria-selected={(!edit).to_string()} tabindex={if edit { "-1" } else { "0" }} data-testid="pane-source" onclick={p.on_pane.reform(|_| Pane::Source)}>{ t(lang, "source") }</button>
                </div>
                <button class="sheet-only close" data-testid="sheet-close" aria-label={t(lang, "close")} onclick={p.on_sheet.reform(|_| false)}>{ "×" }</button>
            </div>
            <textarea ref={p.textarea.clone()} class="input" hidden={!edit} data-testid="input-text" spellcheck="false"
                placeholder={t(lang, "paste_here")} aria-label={t(lang, "paste_here")} {oninput} />
            if !edit {
                { source::view(p.text, p.highlight) }
            }
        </section>
    }
}
