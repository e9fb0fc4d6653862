//! The detail drawer of the comparison: one report's value of one metric, with its qualifiers,
//! its sentence, the weak-match hint and a button to the source — opened in place, so the
//! comparison stays where it was. Escape or × closes it.

use crate::model::Fact;
use crate::web::format::{exact, human, qualifiers};
use crate::web::i18n::{t, Lang};
use yew::prelude::*;

/// Props of [`Drawer`].
#[derive(Properties, PartialEq, Clone)]
pub struct DrawerProps {
    /// UI language.
    pub lang: Lang,
    /// The report's name (agency, year).
    pub report: String,
    /// The metric's label.
    pub metric: String,
    /// The facts of that metric in that report (primary first); empty = not found.
    pub facts: Vec<Fact>,
    /// Which facts are weak matches (same order as `facts`).
    pub weak: Vec<bool>,
    /// Close the drawer.
    pub on_close: Callback<()>,
    /// Show fact `i`'s evidence in the source.
    pub on_source: Callback<usize>,
}

/// The drawer.
#[function_component(Drawer)]
pub fn drawer(p: &DrawerProps) -> Html {
    let lang = p.lang;
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        let key = (p.report.clone(), p.metric.clone());
        use_effect_with(key, move |_| {
            if let Some(b) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let on_close = p.on_close.reform(|_: MouseEvent| ());
    let facts = p.facts.iter().enumerate().map(|(i, f)| {
        let weak = p.weak.get(i).copied().unwrap_or(false);
        let on_source = p.on_source.reform(move |_: MouseEvent| i);
        html! {
            <li class={classes!("drawer-fact", weak.then_some("weak"))} data-testid="drawer-fact">
                <div class="value"><strong>{ human(f.value, &f.unit, lang) }</strong>
                    { format!(" = {}", exact(f.value, &f.unit)) }
                    if f.primary { <span class="chip">{ t(lang, "primary") }</span> }
                    { for qualifiers(f, lang).into_iter().map(|q| html! { <span class="chip">{ q }</span> }) }
                </div>
                if weak { <p class="weak-hint" data-testid="weak-hint">{ t(lang, "weak_hint") }</p> }
                <blockquote lang="zh">{ &f.raw }</blockquote>
                <button data-testid="drawer-source" onclick={on_source}>{ t(lang, "show_in_source") }</button>
            </li>
        }
    });
    html! {
        <div class="drawer" role="dialog" aria-modal="false" aria-labelledby="drawer-title" data-testid="drawer">
            <div class="drawer-head">
                <h2 id="drawer-title">{ format!("{} · {}", p.report, p.metric) }</h2>
                <button ref={close_ref} class="close" data-testid="drawer-close" aria-label={t(lang, "close")} onclick={on_close}>{ "×" }</button>
            </div>
            if p.facts.is_empty() {
                <p class="empty">{ t(lang, "not_found") }</p>
            } else {
                <ul>{ for facts }</ul>
            }
        </div>
    }
}
