//! The review tab (REVIEW.md): the checklist of the required parts (click jumps to the
//! heading), the deadline line, derived rates with their formulas, the consistency flags (click
//! highlights their evidence), the numbers per section as a small bar chart, and — with reports
//! of the same agency for several years open — the series and cross-year flags.

use super::chart::line_chart;
use super::Jump;
use crate::format::number;
use crate::model::{Flag, Report, Series, Span};
use crate::web::i18n::{t, Lang};
use crate::web::labels::{metric_label, timeliness_text};
use std::rc::Rc;
use yew::prelude::*;

/// What the review tab reads.
pub struct ReviewProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// The open report.
    pub report: &'a Report,
    /// Every report with the series across them ([`with_series`]).
    pub all: &'a [Rc<Report>],
    /// The charted metric id.
    pub chart_metric: Option<&'a str>,
    /// Show spans of the source.
    pub on_jump: &'a Callback<Jump>,
    /// Choose the charted metric.
    pub on_chart_metric: &'a Callback<String>,
}

/// The part's label in the UI language (from `data/parts.toml`).
pub fn part_label(lang: Lang, id: &str) -> String {
    crate::review::parts::names()
        .iter()
        .find(|r| r.id == id)
        .map(|r| lang.pick(&r.label, &r.label_en).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn checklist(p: &ReviewProps<'_>) -> Html {
    let (lang, r) = (p.lang, p.report);
    let on_jump = p.on_jump;
    let items = r.review.parts.iter().map(|p| {
        let (mark, class) = match p.status.as_str() {
            "section" => ("✓", "ok"),
            "mentioned" => ("~", "partly"),
            _ => ("✗", "missing"),
        };
        let status = t(lang, match p.status.as_str() {
            "section" => "rv_section",
            "mentioned" => "rv_mentioned",
            _ => "rv_missing",
        });
        let target: Option<Span> = p.at.map(|at| [at, at + p.heading.as_ref().map_or(12, |h| h.chars().count())]);
        let label = part_label(lang, &p.id);
        let reasons = match p.reasons {
            Some(true) => html! { <span class="tag">{ t(lang, "rv_reasons") }</span> },
            Some(false) => html! { <span class="tag missing">{ t(lang, "rv_no_reasons") }</span> },
            None => html! {},
        };
        let body = match target {
            Some(span) => html! {
                <button class="link" data-testid="review-part-link" onclick={on_jump.reform(move |_| (vec![span], None))}>
                    { p.heading.clone().unwrap_or_else(|| status.to_string()) }
                </button>
            },
            None => html! { <span class="missing">{ status }</span> },
        };
        html! {
            <li class={classes!("part", class)} data-testid="review-part" data-id={p.id.clone()} data-status={p.status.clone()}>
                <span class="mark" aria-hidden="true">{ mark }</span>{ " " }<strong>{ label }</strong>{ ": " }{ body }{ " " }{ reasons }
            </li>
        }
    });
    html! { <ul class="checklist" data-testid="review-parts">{ for items }</ul> }
}

fn deadline(lang: Lang, r: &Report) -> Html {
    let tl = &r.review.timeliness;
    html! {
        <p class="deadline" data-testid="review-deadline" data-status={tl.status.clone()}>
            { t(lang, "rv_deadline") }{ ": " }{ tl.deadline.clone().unwrap_or_else(|| "—".into()) }
            { " · " }{ t(lang, "rv_published") }{ ": " }{ tl.published.clone().unwrap_or_else(|| "—".into()) }
            { " · " }<strong>{ timeliness_text(lang, r) }</strong>
        </p>
    }
}

fn derived(p: &ReviewProps<'_>) -> Html {
    let (lang, r) = (p.lang, p.report);
    if r.review.derived.is_empty() {
        return html! { <p class="empty">{ t(lang, "none") }</p> };
    }
    let rows = r.review.derived.iter().map(|d| {
        let spans: Vec<Span> = d
            .uses
            .iter()
            .filter_map(|u| r.metrics.iter().find(|f| &f.id == u && f.primary).and_then(|f| f.evidence.first().copied()))
            .collect();
        let label = lang.pick(&d.label, &d.label_en).to_string();
        html! {
            <tr data-testid="review-derived">
                <th scope="row"><button class="link" onclick={p.on_jump.reform(move |_| (spans.clone(), None))}>{ if label.is_empty() { d.id.clone() } else { label } }</button></th>
                <td class="n">{ format!("{} {}", number(d.value), d.unit) }</td>
                <td><code>{ &d.formula }</code></td>
            </tr>
        }
    });
    html! {
        <table class="table"><thead><tr><th>{ t(lang, "rv_indicator") }</th><th>{ t(lang, "value") }</th><th>{ t(lang, "rv_formula") }</th></tr></thead>
        <tbody>{ for rows }</tbody></table>
    }
}

fn flags(p: &ReviewProps<'_>, flags: &[Flag]) -> Html {
    let lang = p.lang;
    if flags.is_empty() {
        return html! { <p class="empty" data-testid="review-no-flags">{ t(lang, "rv_no_flags") }</p> };
    }
    let items = flags.iter().map(|f| {
        let spans = f.evidence.clone();
        html! {
            <li data-testid="review-flag" data-kind={f.kind.clone()}>
                <button class="link" onclick={p.on_jump.reform(move |_| (spans.clone(), None))}>{ lang.pick(&f.zh, &f.en) }</button>
                { " " }<span class="tag">{ &f.kind }</span>
            </li>
        }
    });
    html! { <ul class="flags">{ for items }</ul> }
}

/// The figures per 1,000 chars of each level-1 section as an SVG bar chart.
pub fn density_svg(r: &Report) -> Html {
    let secs = &r.review.sections;
    if secs.is_empty() {
        return html! {};
    }
    let per = |s: &crate::model::SectionDensity| {
        if s.chars == 0 {
            0.0
        } else {
            (s.facts + s.figures) as f64 * 1000.0 / s.chars as f64
        }
    };
    let max = secs.iter().map(per).fold(1.0_f64, f64::max);
    let (w, row) = (360.0, 22.0);
    let h = row * secs.len() as f64 + 4.0;
    let bars = secs.iter().enumerate().map(|(i, s)| {
        let y = i as f64 * row + 2.0;
        let bw = (per(s) / max * 150.0).max(1.0);
        let name: String = s.heading.chars().take(12).collect();
        let class = if s.no_figures { "bar no-figures" } else { "bar" };
        html! {
            <g data-testid="review-density-bar">
                <title>{ format!("{} — {} chars, {} facts, {} figures", s.heading, s.chars, s.facts, s.figures) }</title>
                <text x="0" y={(y + 14.0).to_string()} font-size="11">{ name }</text>
                <rect class={class} x="170" y={y.to_string()} width={format!("{bw:.1}")} height={(row - 6.0).to_string()} fill={if s.no_figures { "#c0392b" } else { "#2c7fb8" }} />
                <text x={format!("{:.1}", 174.0 + bw)} y={(y + 14.0).to_string()} font-size="11">{ format!("{:.1}", per(s)) }</text>
            </g>
        }
    });
    html! {
        <svg xmlns="http://www.w3.org/2000/svg" data-testid="review-density" width={w.to_string()} height={h.to_string()} viewBox={format!("0 0 {w} {h}")} role="img"
            aria-label={secs.iter().map(|s| format!("{} {}", s.heading, s.figures)).collect::<Vec<_>>().join("; ")}>
            { for bars }
        </svg>
    }
}

/// All open reports (list order) with the series and cross-year flags across them
/// ([`crate::review::series::across`]) written into their `review`; only the reports written
/// into are copied (`Rc::make_mut`), the others stay shared with the entries.
pub fn with_series(mut all: Vec<Rc<Report>>) -> Vec<Rc<Report>> {
    if all.len() >= 2 {
        crate::review::series::across_by(&mut all, |r| r, Rc::make_mut);
    }
    all
}

/// A metric's label in the UI language (the catalog's, else the fact's).
fn series_label(lang: Lang, s: &Series) -> String {
    crate::data::catalog::defs()
        .metrics
        .iter()
        .find(|m| m.id == s.metric)
        .map(|m| metric_label(lang, m))
        .unwrap_or_else(|| s.label.clone())
}

/// The line chart of one series (chosen in a selector; years on the x axis).
fn series_chart(p: &ReviewProps<'_>, all: &[Series]) -> Html {
    let lang = p.lang;
    let Some(s) = p
        .chart_metric
        .and_then(|id| all.iter().find(|s| s.metric == id))
        .or_else(|| all.first())
    else {
        return html! {};
    };
    let on_chart_metric = p.on_chart_metric.clone();
    let onchange = Callback::from(move |e: Event| {
        let sel: Option<web_sys::HtmlSelectElement> = e.target_dyn_into();
        if let Some(s) = sel {
            on_chart_metric.emit(s.value());
        }
    });
    let data = vec![(
        s.agency.clone(),
        s.points
            .iter()
            .map(|p| (p.year, p.value))
            .collect::<Vec<_>>(),
    )];
    let title = format!(
        "{} ({})",
        series_label(lang, s),
        crate::web::i18n::unit_label(lang, &s.unit)
    );
    html! {
        <>
            <label class="filter">{ t(lang, "rv_series_chart") }{ " " }
                <select data-testid="review-series-metric" {onchange}>
                    { for all.iter().map(|x| html! {
                        <option value={x.metric.clone()} selected={x.metric == s.metric}>{ format!("{} ({})", series_label(lang, x), crate::web::i18n::unit_label(lang, &x.unit)) }</option>
                    }) }
                </select>
            </label>
            <div class="chart" data-testid="review-series-chart" data-metric={s.metric.clone()} tabindex="0" role="region" aria-label={t(lang, "rv_series")}>
                { line_chart(lang, &data, &s.unit, &title) }
            </div>
        </>
    }
}

fn series(p: &ReviewProps<'_>) -> (Html, Vec<Flag>) {
    let (lang, r, all) = (p.lang, p.report, p.all);
    if all.len() < 2 {
        return (html! {}, Vec::new());
    }
    let Some(me) = all
        .iter()
        .find(|o| o.source == r.source && o.meta == r.meta)
    else {
        return (html! {}, Vec::new());
    };
    let cross: Vec<Flag> = me
        .review
        .flags
        .iter()
        .filter(|f| f.kind == "cross_year_mismatch")
        .cloned()
        .collect();
    if me.review.series.is_empty() {
        return (html! {}, cross);
    }
    let mut years: Vec<i32> = me
        .review
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.year))
        .collect();
    crate::web::order::sort(&mut years);
    years.dedup();
    let head = years.iter().map(|y| html! { <th>{ y }</th> });
    let rows = me.review.series.iter().map(|s| {
        let cells = years.iter().map(|y| match s.points.iter().find(|p| p.year == *y) {
            Some(p) => html! { <td class="n">{ number(p.value) }</td> },
            None => html! { <td class="n missing">{ "—" }</td> },
        });
        html! { <tr data-testid="review-series-row"><th scope="row">{ format!("{} ({})", series_label(lang, s), crate::web::i18n::unit_label(lang, &s.unit)) }</th>{ for cells }</tr> }
    });
    let table = html! {
        <>
            <h3>{ t(lang, "rv_series") }</h3>
            <div class="scroll-x" tabindex="0" role="region" aria-label={t(lang, "rv_series")}><table class="table" data-testid="review-series"><thead><tr><th scope="col">{ t(lang, "rv_indicator") }</th>{ for head }</tr></thead><tbody>{ for rows }</tbody></table></div>
            { series_chart(p, &me.review.series) }
        </>
    };
    (table, cross)
}

/// The review tab of the open report.
pub fn view(p: &ReviewProps<'_>) -> Html {
    let (lang, r) = (p.lang, p.report);
    let (series_table, cross) = series(p);
    let mut all_flags = r.review.flags.clone();
    all_flags.extend(cross);
    html! {
        <div class="review" data-testid="review">
            <h3>{ t(lang, "rv_parts") }</h3>
            { checklist(p) }
            { deadline(lang, r) }
            <h3>{ t(lang, "rv_flags") }</h3>
            { flags(p, &all_flags) }
            <h3>{ t(lang, "rv_derived") }</h3>
            { derived(p) }
            <h3>{ t(lang, "rv_density") }{ format!(" · {} {}", number(r.review.density), t(lang, "rv_per_1000")) }</h3>
            { density_svg(r) }
            { series_table }
        </div>
    }
}
