//! The page's header (title, example, language switch) and footer (extraction time, version).

use crate::web::i18n::{t, Lang};
use yew::prelude::*;

/// What the header reads.
pub struct HeaderProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// Load the built-in example.
    pub on_example: &'a Callback<()>,
    /// Switch the UI language.
    pub on_lang: &'a Callback<()>,
}

/// The header.
pub fn header(p: &HeaderProps<'_>) -> Html {
    let lang = p.lang;
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ lang.pick("指标", "zhibiao") }<span class="sub">{ lang.pick(" 法治政府建设年度报告 → 结构化指标", " · rule-of-law reports → metrics") }</span></h1>
                <p class="tagline">{ t(lang, "tagline") }</p>
            </div>
            <div class="actions">
                <button data-testid="example" onclick={p.on_example.reform(|_| ())}>{ t(lang, "example") }</button>
                <button data-testid="lang-switch" onclick={p.on_lang.reform(|_| ())} lang={lang.other().code()}>{ t(lang, "lang_switch") }</button>
            </div>
        </header>
    }
}

/// The footer: the last extraction's time (and whether the worker did it), version, privacy.
pub fn footer(lang: Lang, last_ms: Option<f64>, worker: bool) -> Html {
    let timing = last_ms.map(|ms| {
        html! {
            <span data-testid="extract-time" data-ms={format!("{ms:.3}")} data-worker={worker.to_string()}>{ format!("{} {:.1} ms", t(lang, "extracted_in"), ms) }</span>
        }
    });
    html! {
        <footer class="foot">
            { timing }
            <span>{ format!("zhibiao {} · ", env!("CARGO_PKG_VERSION")) }{ t(lang, "privacy") }</span>
        </footer>
    }
}
