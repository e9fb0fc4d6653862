//! The notices above the layout: batch progress, errors, transient notices, undo after a
//! removal, duplicates skipped, storage full.

use crate::web::entry::Entry;
use crate::web::i18n::{self, t, Lang};
use yew::prelude::*;

/// What the notices read.
pub struct MessagesProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// Batch progress: (done, total, seconds left when known).
    pub progress: Option<(usize, usize, Option<f64>)>,
    /// Cancel the running batch.
    pub on_cancel: &'a Callback<()>,
    /// Error messages naming files.
    pub errors: &'a [String],
    /// A transient notice (copied …).
    pub notice: Option<&'a str>,
    /// Saving to localStorage worked (else: the "storage is full" notice).
    pub storage_ok: bool,
    /// What the last removal took: (index, entry).
    pub trash: &'a [(usize, Entry)],
    /// No entries left (the removal was of everything).
    pub no_entries: bool,
    /// Duplicates skipped: (skipped name, the name of the same text already loaded).
    pub skipped: &'a [(String, String)],
    /// Close the errors and the notice.
    pub on_dismiss_errors: &'a Callback<()>,
    /// Close the storage notice.
    pub on_dismiss_storage: &'a Callback<()>,
    /// Put back what the last removal took.
    pub on_undo: &'a Callback<()>,
    /// Close the undo and duplicates notices.
    pub on_dismiss_undo: &'a Callback<()>,
}

fn close(lang: Lang, cb: &Callback<()>) -> Html {
    html! { <button aria-label={t(lang, "close")} onclick={cb.reform(|_| ())}>{ "×" }</button> }
}

/// The progress bar: count, the time left, a cancel button.
fn progress(
    lang: Lang,
    (d, n, eta): (usize, usize, Option<f64>),
    on_cancel: &Callback<()>,
) -> Html {
    let eta = eta
        .map(|s| format!(" · {} {:.0} {}", t(lang, "eta"), s.ceil(), t(lang, "eta_s")))
        .unwrap_or_default();
    html! {
        <div class="progress" data-testid="progress" role="status" data-done={d.to_string()} data-total={n.to_string()}>
            <span data-testid="progress-count">{ format!("{} {d}/{n}", t(lang, "working")) }</span>
            <span data-testid="progress-eta">{ eta }</span>
            <progress max={n.to_string()} value={d.to_string()}></progress>
            <button data-testid="cancel-batch" onclick={on_cancel.reform(|_| ())}>{ t(lang, "cancel_batch") }</button>
        </div>
    }
}

fn errors(p: &MessagesProps<'_>) -> Html {
    let lang = p.lang;
    html! {
        <div class="errors" data-testid="errors" role="alert">
            <strong>{ t(lang, "errors") }</strong>
            <ul>{ for p.errors.iter().map(|e| html! { <li data-testid="error">{ i18n::message(lang, e) }</li> }) }</ul>
            <button onclick={p.on_dismiss_errors.reform(|_| ())}>{ t(lang, "dismiss") }</button>
        </div>
    }
}

fn undo(p: &MessagesProps<'_>) -> Html {
    let lang = p.lang;
    let what = if p.trash.len() == 1 && !p.no_entries {
        format!("{}: {}", t(lang, "removed"), p.trash[0].1.title())
    } else {
        format!("{} ({})", t(lang, "cleared"), p.trash.len())
    };
    html! {
        <div class="notice" data-testid="undo-notice" role="status">
            <span>{ what }</span>
            <span class="row">
                <button data-testid="undo" onclick={p.on_undo.reform(|_| ())}>{ t(lang, "undo") }</button>
                { close(lang, p.on_dismiss_undo) }
            </span>
        </div>
    }
}

fn skipped(p: &MessagesProps<'_>) -> Html {
    let lang = p.lang;
    let s = p.skipped;
    html! {
        <div class="notice" data-testid="duplicates" role="status"
            data-skipped={s.iter().map(|(a, b)| format!("{a} = {b}\n")).collect::<String>()}>
            <span>{ format!("{} ({}): ", t(lang, "duplicates_skipped"), s.len()) }
                { s.iter().take(5).map(|(a, b)| format!("{a} = {b}")).collect::<Vec<_>>().join("; ") }
                { if s.len() > 5 { " …" } else { "" } }</span>
            { close(lang, p.on_dismiss_undo) }
        </div>
    }
}

/// The notices, in their order on the page.
pub fn view(p: &MessagesProps<'_>) -> Html {
    let lang = p.lang;
    let progress = p.progress.map(|x| progress(lang, x, p.on_cancel));
    let errors = (!p.errors.is_empty()).then(|| errors(p));
    let notice = p.notice.map(|n| {
        html! {
            <div class="notice" data-testid="notice" role="status">{ n }
                { close(lang, p.on_dismiss_errors) }</div>
        }
    });
    let storage = (!p.storage_ok).then(|| {
        html! { <div class="errors" role="alert">{ t(lang, "storage_full") }
        { close(lang, p.on_dismiss_storage) }</div> }
    });
    let undo = (!p.trash.is_empty()).then(|| undo(p));
    let skipped = (!p.skipped.is_empty()).then(|| skipped(p));
    html! { <>{ progress }{ errors }{ notice }{ undo }{ skipped }{ storage }</> }
}
