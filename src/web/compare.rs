//! The comparison tab: one row per loaded report, one column per metric (primary values),
//! sortable by any column.

use super::app::{App, Msg};
use super::format::{exact, human};
use super::i18n::{t, Lang};
use crate::catalog::Metric;
use crate::model::Report;
use std::cmp::Ordering;
use yew::html::Scope;
use yew::prelude::*;

/// The primary value of metric `id` in `r`.
pub fn primary(r: &Report, id: &str) -> Option<f64> {
    r.metrics
        .iter()
        .find(|f| f.id == id && f.primary)
        .or_else(|| r.metrics.iter().find(|f| f.id == id))
        .map(|f| f.value)
}

/// Catalog metrics that at least one of `reports` has, in catalog order.
pub fn present<'a>(reports: &[&Report]) -> Vec<&'a Metric> {
    crate::catalog::builtin()
        .metrics
        .iter()
        .filter(|m| reports.iter().any(|r| r.metrics.iter().any(|f| f.id == m.id)))
        .collect()
}

/// A report's row label: agency (or file name).
pub fn row_label(r: &Report) -> String {
    r.meta.agency.clone().unwrap_or_else(|| r.source.clone())
}

/// Metric column header in the UI language.
pub fn metric_label(lang: Lang, m: &Metric) -> String {
    match lang {
        Lang::Zh => m.label.clone(),
        Lang::En => m.label_en.clone(),
    }
}

/// Order rows (entry index, report) by column `col` (0 = report, 1 = year, 2.. = metrics);
/// missing values always last.
pub fn sort_rows(rows: &mut [(usize, &Report)], metrics: &[&Metric], col: usize, asc: bool) {
    let key_cmp = |a: &Report, b: &Report| -> Ordering {
        match col {
            0 => row_label(a).cmp(&row_label(b)),
            1 => cmp_opt(a.meta.year.map(f64::from), b.meta.year.map(f64::from), true),
            c => match metrics.get(c - 2) {
                Some(m) => cmp_opt(primary(a, &m.id), primary(b, &m.id), true),
                None => cmp_opt(review_key(a, c - 2 - metrics.len()), review_key(b, c - 2 - metrics.len()), true),
            },
        }
    };
    rows.sort_by(|(_, a), (_, b)| {
        let o = key_cmp(a, b);
        // keep missing values last in both directions
        let missing = |r: &Report| match col {
            0 => false,
            1 => r.meta.year.is_none(),
            c => match metrics.get(c - 2) {
                Some(m) => primary(r, &m.id).is_none(),
                None => review_key(r, c - 2 - metrics.len()).is_none(),
            },
        };
        match (missing(a), missing(b)) {
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => {
                if asc {
                    o
                } else {
                    o.reverse()
                }
            }
        }
    });
}

/// The review columns after the metrics: parts present (n of 4), on time, flags (the view passes
/// reports with the cross-year flags added, see [`super::review::with_series`]).
pub const REVIEW_COLUMNS: [&str; 3] = ["rv_col_parts", "rv_col_on_time", "rv_col_flags"];

/// The sort key of review column `k` (see [`REVIEW_COLUMNS`]); on time sorts on_time, early, late
/// (by days), unknown last.
pub fn review_key(r: &Report, k: usize) -> Option<f64> {
    let rv = &r.review;
    match k {
        0 => Some(crate::review::table::parts_present(r) as f64),
        1 => match rv.timeliness.status.as_str() {
            "on_time" => Some(0.0),
            "early" => Some(1.0),
            "late" => Some(2.0 + rv.timeliness.days_late.unwrap_or(0) as f64),
            _ => None,
        },
        2 => Some(rv.flags.len() as f64),
        _ => None,
    }
}

/// The text of review column `k` of a report.
pub fn review_cell(lang: Lang, r: &Report, k: usize) -> String {
    match k {
        0 => format!("{}/4", crate::review::table::parts_present(r)),
        1 => super::review::timeliness_text(lang, r),
        _ => r.review.flags.len().to_string(),
    }
}

fn cmp_opt(a: Option<f64>, b: Option<f64>, _asc: bool) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The comparison tab.
pub fn view(app: &App, link: &Scope<App>) -> Html {
    let lang = app.lang;
    // the reports with the cross-year flags (and series) across the open reports, so that the
    // flags column counts them too; same order as the entries that have a report
    let all = super::review::with_series(app);
    let mut rows: Vec<(usize, &Report)> = app
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.report.is_some())
        .map(|(i, _)| i)
        .zip(all.iter())
        .collect();
    if rows.is_empty() {
        return html! { <p class="empty">{ t(lang, "no_report") }</p> };
    }
    let reports: Vec<&Report> = rows.iter().map(|(_, r)| *r).collect();
    let metrics = present(&reports);
    if let Some((col, asc)) = app.sort {
        sort_rows(&mut rows, &metrics, col, asc);
    }
    let arrow = |c: usize| match app.sort {
        Some((s, true)) if s == c => " ▲",
        Some((s, false)) if s == c => " ▼",
        _ => "",
    };
    let aria = |c: usize| match app.sort {
        Some((s, true)) if s == c => "ascending",
        Some((s, false)) if s == c => "descending",
        _ => "none",
    };
    let mut heads = vec![(0usize, t(lang, "report").to_string()), (1, t(lang, "year").to_string())];
    heads.extend(
        metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (i + 2, format!("{} ({})", metric_label(lang, m), m.unit))),
    );
    let first_review = metrics.len() + 2;
    heads.extend(REVIEW_COLUMNS.iter().enumerate().map(|(k, key)| (first_review + k, t(lang, key).to_string())));
    let head = heads.into_iter().map(|(c, h)| html! {
        <th aria-sort={aria(c)}><button class="sort" data-testid={format!("sort-{c}")} onclick={link.callback(move |_| Msg::SortBy(c))}>{ h }{ arrow(c) }</button></th>
    });
    let body = rows.iter().map(|(i, r)| {
        let i = *i;
        let cells = metrics.iter().map(|m| match primary(r, &m.id) {
            Some(v) => html! { <td class="n" data-id={m.id.clone()} data-value={crate::output::number(v)} title={exact(v, &m.unit)}>{ human(v, &m.unit, lang) }</td> },
            None => html! { <td class="n missing" data-id={m.id.clone()}>{ "—" }</td> },
        });
        html! {
            <tr data-testid="compare-row" class={classes!((i == app.current).then_some("active"))}>
                <th scope="row"><button class="link" onclick={link.callback(move |_| Msg::Select(i))}>{ row_label(r) }</button></th>
                <td class="n">{ r.meta.year.map(|y| y.to_string()).unwrap_or_default() }</td>
                { for cells }
                { for (0..REVIEW_COLUMNS.len()).map(|k| html! { <td class="n review-col" data-testid="compare-review">{ review_cell(lang, r, k) }</td> }) }
            </tr>
        }
    });
    html! {
        <div class="compare">
            <p class="hint">{ t(lang, "compare_hint") }</p>
            <div class="scroll-x"><table class="table" data-testid="compare-table">
                <thead><tr>{ for head }</tr></thead>
                <tbody>{ for body }</tbody>
            </table></div>
        </div>
    }
}
