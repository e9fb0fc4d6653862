//! The metrics tab: catalog groups, primary values, qualifiers, alternatives, weak matches marked.

use super::Jump;
use crate::model::{Fact, Report};
use crate::web::format::{exact, human, qualifiers};
use crate::web::i18n::{t, Lang};
use std::collections::HashSet;
use yew::prelude::*;

/// What the metrics tab reads.
pub struct MetricsProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// The open report.
    pub report: &'a Report,
    /// The selected fact (index into the report's metrics).
    pub selected: Option<usize>,
    /// Metric ids whose alternatives are open.
    pub open_alts: &'a HashSet<String>,
    /// Show a fact's evidence in the source (and select it).
    pub on_jump: &'a Callback<Jump>,
    /// Show or hide a metric's alternatives.
    pub on_toggle_alts: &'a Callback<String>,
}

/// A metric's label in the UI language (`zh` always present; English adds the zh in small).
pub fn label(lang: Lang, f: &Fact) -> Html {
    let en = if f.label_en.is_empty() {
        crate::data::catalog::defs()
            .get(&f.id)
            .map(|m| m.label_en.clone())
            .unwrap_or_default()
    } else {
        f.label_en.clone()
    };
    match lang {
        Lang::Zh => html! { <span class="label">{ &f.label }</span> },
        Lang::En => {
            html! { <span class="label">{ if en.is_empty() { f.label.clone() } else { en } }<small lang="zh">{ format!(" {}", f.label) }</small></span> }
        }
    }
}

fn fact_row(p: &MetricsProps<'_>, idx: usize, f: &Fact, primary_row: bool) -> Html {
    let lang = p.lang;
    let spans = f.evidence.clone();
    let onclick = p.on_jump.reform(move |_| (spans.clone(), Some(idx)));
    let active = p.selected == Some(idx);
    let quals = qualifiers(f, lang);
    let weak = f.weak;
    let testid = if primary_row {
        format!("fact-{}", f.id)
    } else {
        format!("alt-{}", f.id)
    };
    html! {
        <button class={classes!("fact", active.then_some("active"), (!primary_row).then_some("alt"), weak.then_some("weak"))} data-testid={testid} data-weak={weak.to_string()}
            data-value={crate::format::number(f.value)} data-primary={f.primary.to_string()} aria-pressed={active.to_string()}
            {onclick} title={f.raw.clone()}>
            if primary_row { { label(lang, f) } }
            <span class="value" title={exact(f.value, &f.unit)} data-testid="fact-value">{ human(f.value, &f.unit, lang) }</span>
            <span class="quals">
                if weak { <span class="chip weak-mark" data-testid="weak-mark" title={t(lang, "weak_hint")}>{ format!("? {}", t(lang, "weak_hint")) }</span> }
                { for quals.into_iter().map(|q| html! { <span class="chip">{ q }</span> }) }
            </span>
            <span class="raw">
                if f.unit == "元" && f.value.abs() >= 1e4 { <span class="exact" data-testid="fact-exact">{ format!("= {} · ", exact(f.value, &f.unit)) }</span> }
                { &f.raw }
            </span>
            if f.evidence.len() > 1 {
                <span class="times">{ format!("{}{}", f.evidence.len(), lang.pick(" 处出现", " mentions")) }</span>
            }
        </button>
    }
}

/// The metrics tab.
pub fn view(p: &MetricsProps<'_>) -> Html {
    let (lang, r) = (p.lang, p.report);
    let cat = crate::data::catalog::defs();
    if r.metrics.is_empty() {
        return html! { <p class="empty" data-testid="no-metrics">{ t(lang, "no_metrics") }</p> };
    }
    // group order as in the catalog; metrics the catalog does not know go last
    let mut groups: Vec<(String, String, Vec<&str>)> = Vec::new();
    for m in &cat.metrics {
        if !r.metrics.iter().any(|f| f.id == m.id) {
            continue;
        }
        match groups.iter_mut().find(|g| g.0 == m.group) {
            Some(g) => g.2.push(&m.id),
            None => groups.push((m.group.clone(), m.group_en.clone(), vec![&m.id])),
        }
    }
    let unknown: Vec<&str> = r
        .metrics
        .iter()
        .filter(|f| cat.get(&f.id).is_none())
        .map(|f| f.id.as_str())
        .collect();
    if !unknown.is_empty() {
        let mut u = unknown;
        u.dedup();
        groups.push(("其他".into(), "Other".into(), u));
    }
    let found = groups.iter().map(|g| g.2.len()).sum::<usize>();
    let group_html = groups.into_iter().map(|(zh, en, ids)| {
        let items = ids.into_iter().map(|id| {
            let facts: Vec<(usize, &Fact)> = r.metrics.iter().enumerate().filter(|(_, f)| f.id == id).collect();
            let primary = facts.iter().find(|(_, f)| f.primary).or(facts.first()).copied();
            let Some((pi, pf)) = primary else { return html! {} };
            let alts: Vec<(usize, &Fact)> = facts.iter().filter(|(i, _)| *i != pi).copied().collect();
            let open = p.open_alts.contains(id);
            let id_owned = id.to_string();
            html! {
                <li class="metric" data-testid="metric" data-id={id.to_string()}>
                    { fact_row(p, pi, pf, true) }
                    if !alts.is_empty() {
                        <button class="alts-toggle" data-testid={format!("alts-{id}")} aria-expanded={open.to_string()}
                            onclick={p.on_toggle_alts.reform(move |_| id_owned.clone())}>
                            { if open { t(lang, "hide").to_string() } else { format!("+{} {}", alts.len(), t(lang, "alternatives")) } }
                        </button>
                        if open {
                            <div class="alts">{ for alts.into_iter().map(|(i, f)| fact_row(p, i, f, false)) }</div>
                        }
                    }
                </li>
            }
        });
        html! {
            <section class="group" data-testid="metric-group">
                <h3>{ lang.pick(&zh, &en) }{ if lang == Lang::En { html!{ <small lang="zh">{ format!(" {zh}") }</small> } } else { html!{} } }</h3>
                <ul>{ for items }</ul>
            </section>
        }
    });
    html! {
        <div class="metrics" data-testid="metrics">
            <p class="count">{ format!("{found} / {} {}", cat.metrics.len(), t(lang, "metrics_found")) }</p>
            { for group_html }
        </div>
    }
}
