//! The all-figures tab: every quantity with its subject phrase, so nothing is lost.

use super::Jump;
use crate::model::Report;
use crate::web::format::{approx_label, decimals};
use crate::web::i18n::{t, Lang};
use yew::prelude::*;

/// What the figures tab reads.
pub struct FiguresProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// The open report.
    pub report: &'a Report,
    /// Show evidence spans in the source.
    pub on_jump: &'a Callback<Jump>,
}

/// The figures tab.
pub fn view(p: &FiguresProps<'_>) -> Html {
    let (lang, r) = (p.lang, p.report);
    let rows = r.figures.iter().map(|f| {
        let spans = f.evidence.clone();
        html! {
            <tr data-testid="figure-row">
                <td class="n">{ decimals(f.value, 4) }{ f.approx.map(|a| format!(" ({})", approx_label(a, lang))).unwrap_or_default() }</td>
                <td>{ &f.unit }</td>
                <td>{ &f.subject }</td>
                <td>{ if f.evidence.is_empty() { html!{} } else { html! {
                    <button class="link" onclick={p.on_jump.reform(move |_| (spans.clone(), None))}>{ t(lang, "evidence") }{ " →" }</button>
                } } }</td>
            </tr>
        }
    });
    html! {
        <div class="figures">
            <p class="count">{ format!("{} {}", r.figures.len(), t(lang, "figures_count")) }</p>
            <div class="scroll-x" tabindex="0" role="region" aria-label={t(lang, "tab_figures")}><table class="table" data-testid="figures">
                <thead><tr><th>{ t(lang, "value") }</th><th>{ t(lang, "unit") }</th><th>{ t(lang, "subject") }</th><th>{ t(lang, "evidence") }</th></tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
        </div>
    }
}
