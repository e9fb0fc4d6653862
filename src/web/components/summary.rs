//! The summary tab: narrative with numbers linked to evidence, the outline tree, problems,
//! plans and the cited documents.

use super::Jump;
use crate::model::{Heading, Report, Span};
use crate::web::i18n::{t, Lang};
use yew::prelude::*;

/// What the summary tab reads.
pub struct SummaryProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// The open report.
    pub report: &'a Report,
    /// The open report's genre and months covered (see [`crate::web::genre`]).
    pub genre: (Option<usize>, Option<u32>),
    /// The documents' kind filter (`""` = all).
    pub doc_kind: &'a str,
    /// Show spans of the source (and select a fact).
    pub on_jump: &'a Callback<Jump>,
    /// Filter the documents by kind.
    pub on_doc_kind: &'a Callback<String>,
}

/// `[at, at + chars(text))`, the span of a text that starts at `at`.
pub fn span_of(at: usize, text: &str) -> Span {
    [at, at + text.chars().count()]
}

/// Cut `s` into (piece, link index) runs at the link char spans (sorted, non-overlapping).
pub fn linked_pieces(s: &str, links: &[(Span, usize)]) -> Vec<(String, Option<usize>)> {
    let chars: Vec<char> = s.chars().collect();
    let mut links: Vec<(Span, usize)> = links
        .iter()
        .copied()
        .filter(|(sp, _)| sp[0] < sp[1] && sp[1] <= chars.len())
        .collect();
    crate::web::order::sort_by_key(&mut links, |(sp, _)| sp[0]);
    let mut out = Vec::new();
    let mut last = 0;
    for (sp, fact) in links {
        if sp[0] < last {
            continue;
        }
        if sp[0] > last {
            out.push((chars[last..sp[0]].iter().collect(), None));
        }
        out.push((chars[sp[0]..sp[1]].iter().collect(), Some(fact)));
        last = sp[1];
    }
    if last < chars.len() {
        out.push((chars[last..].iter().collect(), None));
    }
    out
}

fn narrative(p: &SummaryProps<'_>) -> Html {
    let (lang, r) = (p.lang, p.report);
    let text = lang.pick(&r.summary.zh, &r.summary.en);
    if text.is_empty() {
        return html! { <p class="empty">{ t(lang, "none") }</p> };
    }
    let links: Vec<(Span, usize)> = r
        .summary
        .links
        .iter()
        .filter(|l| l.lang == lang.code())
        .map(|l| (l.span, l.fact))
        .collect();
    let parts = linked_pieces(text, &links)
        .into_iter()
        .map(|(s, fact)| match fact.and_then(|i| r.metrics.get(i).map(|f| (i, f))) {
            Some((i, f)) => {
                let spans = f.evidence.clone();
                html! {
                    <button class="num" data-testid="summary-link" data-fact={i.to_string()} title={f.raw.clone()}
                        onclick={p.on_jump.reform(move |_| (spans.clone(), Some(i)))}>{ s }</button>
                }
            }
            None => html! { { s } },
        });
    html! { <p class="narrative" data-testid="narrative" lang={if lang == Lang::Zh { "zh" } else { "en" }}>{ for parts }</p> }
}

fn jump_item(
    on_jump: &Callback<Jump>,
    text: &str,
    at: Option<usize>,
    testid: &'static str,
    class: &'static str,
) -> Html {
    match at {
        Some(at) => {
            let span = span_of(at, text);
            html! {
                <li class={class}><button class="link" data-testid={testid} onclick={on_jump.reform(move |_| (vec![span], None))}>{ text }</button></li>
            }
        }
        None => html! { <li class={class}>{ text }</li> },
    }
}

fn heading_class(level: u8) -> &'static str {
    match level {
        1 => "lvl1",
        2 => "lvl2",
        3 => "lvl3",
        _ => "lvl4",
    }
}

/// The outline as a tree: each top-level heading with its sub-headings below it (no buttons
/// inside a `<summary>`: that nests interactive elements).
fn outline_tree(on_jump: &Callback<Jump>, outline: &[Heading]) -> Html {
    let mut groups: Vec<(Option<&Heading>, Vec<&Heading>)> = vec![(None, Vec::new())];
    for h in outline {
        if h.level <= 1 {
            groups.push((Some(h), Vec::new()));
        } else if let Some(g) = groups.last_mut() {
            g.1.push(h);
        }
    }
    let item = |h: &Heading| {
        jump_item(
            on_jump,
            &h.text,
            Some(h.at),
            "outline-item",
            heading_class(h.level),
        )
    };
    let parts = groups.into_iter().map(|(top, kids)| match top {
        None => html! { <>{ for kids.into_iter().map(item) }</> },
        Some(h) if kids.is_empty() => item(h),
        Some(h) => {
            let span = span_of(h.at, &h.text);
            html! {
                <li class="lvl1">
                    <button class="link" data-testid="outline-item" onclick={on_jump.reform(move |_| (vec![span], None))}>{ &h.text }</button>
                    <ul class="outline">{ for kids.into_iter().map(item) }</ul>
                </li>
            }
        }
    });
    html! { <>{ for parts }</> }
}

/// The narrative's first sentence: what kind of document this is and which part of the year it
/// covers, with a caution when it is not a full-year annual report (see [`crate::web::genre`]).
fn genre_line(lang: Lang, (g, months): (Option<usize>, Option<u32>)) -> Html {
    let Some(g) = g else {
        return html! {};
    };
    let annual = crate::web::genre::is_annual(g);
    let mut line = format!(
        "{}{}{}",
        lang.pick("本文是", "This is "),
        crate::web::genre::genre_label(lang, g),
        lang.pick(",", ", "),
    ) + &crate::web::genre::coverage_label(lang, months)
        + lang.pick("。", ".");
    if !annual || months.is_some() {
        line += t(lang, "not_comparable");
    }
    html! { <p class={classes!("genre-line", (!annual || months.is_some()).then_some("caution"))} data-testid="summary-genre">{ line }</p> }
}

/// The documents cited, with their kind filter.
fn documents(p: &SummaryProps<'_>) -> Html {
    let (lang, r) = (p.lang, p.report);
    if r.documents.is_empty() {
        return html! {};
    }
    let mut kinds: Vec<&str> = r.documents.iter().map(|d| d.kind.as_str()).collect();
    crate::web::order::sort(&mut kinds);
    kinds.dedup();
    let on_doc_kind = p.on_doc_kind.clone();
    let onkind = Callback::from(move |e: Event| {
        let sel: Option<web_sys::HtmlSelectElement> = e.target_dyn_into();
        if let Some(s) = sel {
            on_doc_kind.emit(s.value());
        }
    });
    let docs = r.documents.iter().filter(|d| p.doc_kind.is_empty() || d.kind == p.doc_kind).map(|d| {
        let span = [d.at, d.at + d.title.chars().count() + 2];
        html! {
            <tr data-testid="document-row">
                <td><button class="link" onclick={p.on_jump.reform(move |_| (vec![span], None))}>{ format!("《{}》", d.title) }</button></td>
                <td>{ &d.kind }</td>
                <td class="n">{ d.count }</td>
                <td>{ if d.issued { "✓" } else { "" } }</td>
            </tr>
        }
    });
    html! {
        <>
            <label class="filter">{ t(lang, "kind") }{ " " }
                <select data-testid="doc-kind" onchange={onkind}>
                    <option value="" selected={p.doc_kind.is_empty()}>{ t(lang, "all_kinds") }</option>
                    { for kinds.into_iter().map(|k| html! { <option value={k.to_string()} selected={p.doc_kind == k}>{ k }</option> }) }
                </select>
            </label>
            <div class="scroll-x" tabindex="0" role="region" aria-label={t(lang, "documents")}><table class="table" data-testid="documents">
                <thead><tr><th>{ t(lang, "documents") }</th><th>{ t(lang, "kind") }</th><th>{ t(lang, "cited") }</th><th>{ t(lang, "issued") }</th></tr></thead>
                <tbody>{ for docs }</tbody>
            </table></div>
        </>
    }
}

/// The summary tab.
pub fn view(p: &SummaryProps<'_>) -> Html {
    let (lang, r) = (p.lang, p.report);
    let outline = outline_tree(p.on_jump, &r.outline);
    let problems = r.problems.iter().enumerate().map(|(i, x)| {
        jump_item(
            p.on_jump,
            x,
            r.problems_at.get(i).copied(),
            "problem-item",
            "",
        )
    });
    let plans = r
        .plans
        .iter()
        .enumerate()
        .map(|(i, x)| jump_item(p.on_jump, x, r.plans_at.get(i).copied(), "plan-item", ""));
    html! {
        <div class="summary" data-testid="summary">
            <h3>{ t(lang, "narrative") }</h3>
            { genre_line(lang, p.genre) }
            { narrative(p) }
            <h3>{ t(lang, "outline") }</h3>
            if r.outline.is_empty() { <p class="empty">{ t(lang, "none") }</p> }
            else { <nav aria-label={t(lang, "outline")}><ul class="outline" data-testid="outline">{ outline }</ul></nav> }
            <div class="two">
                <div>
                    <h3>{ t(lang, "problems") }</h3>
                    if r.problems.is_empty() { <p class="empty">{ t(lang, "none") }</p> }
                    else { <ol data-testid="problems">{ for problems }</ol> }
                </div>
                <div>
                    <h3>{ t(lang, "plans") }</h3>
                    if r.plans.is_empty() { <p class="empty">{ t(lang, "none") }</p> }
                    else { <ol data-testid="plans">{ for plans }</ol> }
                </div>
            </div>
            <h3>{ t(lang, "documents") }{ format!(" ({})", r.documents.len()) }</h3>
            { documents(p) }
        </div>
    }
}
