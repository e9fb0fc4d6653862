//! The all-figures tab: every quantity with its subject phrase, so nothing is lost.

use super::app::{App, Msg};
use super::format::{approx_label, decimals};
use super::i18n::t;
use crate::model::Report;
use yew::html::Scope;
use yew::prelude::*;

/// The figures tab.
pub fn view(app: &App, r: &Report, link: &Scope<App>) -> Html {
    let lang = app.lang;
    let rows = r.figures.iter().map(|f| {
        let spans = f.evidence.clone();
        html! {
            <tr data-testid="figure-row">
                <td class="n">{ decimals(f.value, 4) }{ f.approx.map(|a| format!(" ({})", approx_label(a, lang))).unwrap_or_default() }</td>
                <td>{ &f.unit }</td>
                <td>{ &f.subject }</td>
                <td>{ if f.evidence.is_empty() { html!{} } else { html! {
                    <button class="link" onclick={link.callback(move |_| Msg::Jump(spans.clone(), None))}>{ t(lang, "evidence") }{ " →" }</button>
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
