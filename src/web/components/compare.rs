//! The comparison tab: one row per loaded report, one column per metric (primary values),
//! sortable by any column, filtered by department, year and level. The report names stay on
//! the left on one line, the units sit in the header, a cell opens the detail drawer. It is a
//! component that redraws only when its data generation, language, sort, filters or open
//! report change (a batch of reports redraws it once). The sorted, filtered rows and the
//! columns are worked out once per change of those; each row is a component of its own that
//! redraws only when its report or the open report changes, and a page's rows are drawn
//! [`CHUNK_ROWS`] at a time, one task each ([`crate::web::paging`]). One click handler on the
//! table body serves every row's buttons (found by the row's `data-entry` and the cell's
//! `data-id`).

use crate::data::catalog::Metric;
use crate::model::Report;
use crate::web::filters::{self, Filters};
use crate::web::format::{decimals, exact};
use crate::web::i18n::{t, unit_label, Lang};
use crate::web::labels::{metric_label, present, primary, row_label, timeliness_text};
use crate::web::paging::{self, Paging, View};
use gloo_timers::callback::Timeout;
use std::cmp::Ordering;
use std::rc::Rc;
use yew::prelude::*;

pub use crate::web::paging::{CHUNK_ROWS, PAGE_ROWS};

/// Order rows (entry index, report) by column `col` (0 = report, 1 = year, 2.. = metrics);
/// missing values always last.
pub fn sort_rows(rows: &mut [(usize, &Report)], metrics: &[&Metric], col: usize, asc: bool) {
    let key_cmp = |a: &Report, b: &Report| -> Ordering {
        match col {
            0 => row_label(a).cmp(&row_label(b)),
            1 => cmp_opt(a.meta.year.map(f64::from), b.meta.year.map(f64::from), true),
            c => match metrics.get(c - 2) {
                Some(m) => cmp_opt(primary(a, &m.id), primary(b, &m.id), true),
                None => cmp_opt(
                    review_key(a, c - 2 - metrics.len()),
                    review_key(b, c - 2 - metrics.len()),
                    true,
                ),
            },
        }
    };
    crate::web::order::sort_by(rows, |(_, a), (_, b)| {
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
        1 => timeliness_text(lang, r),
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

/// One row of the comparison: the entry it belongs to, its report (with the cross-report series
/// and flags), and its genre and coverage (see [`crate::web::genre`]).
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    /// Index of the entry in the page's list.
    pub entry: usize,
    /// The report (shared with its entry unless the series across reports wrote into it).
    pub report: std::rc::Rc<Report>,
    /// Genre (index into the core's genres, see [`crate::web::genre`]).
    pub genre: Option<usize>,
    /// Months covered when only a part of the year.
    pub months: Option<u32>,
}

/// Props of [`CompareTable`].
#[derive(Properties, Clone)]
pub struct CompareProps {
    /// UI language.
    pub lang: Lang,
    /// Every report's row (unfiltered, unsorted).
    pub rows: Rc<Vec<CompareRow>>,
    /// Bumped when `rows` changes: the table redraws only then (or on the fields below).
    pub generation: u64,
    /// The open entry.
    pub current: usize,
    /// Sort column and direction.
    pub sort: Option<(usize, bool)>,
    /// The filters.
    pub filters: Filters,
    /// Sort by a column.
    pub on_sort: Callback<usize>,
    /// Open an entry.
    pub on_select: Callback<usize>,
    /// Open the drawer for (entry, metric id).
    pub on_cell: Callback<(usize, String)>,
    /// Change the filters.
    pub on_filter: Callback<Filters>,
}

impl PartialEq for CompareProps {
    fn eq(&self, o: &Self) -> bool {
        // callbacks are new on every render of the page: they do not count
        self.generation == o.generation
            && self.lang == o.lang
            && self.current == o.current
            && self.sort == o.sort
            && self.filters == o.filters
    }
}

/// The unit a metric's column is shown in, and the divisor of its values: money in 万元.
pub fn column_unit(lang: Lang, m: &Metric) -> (String, f64) {
    if m.unit == "元" {
        (lang.pick("万元", "10k yuan").to_string(), 1e4)
    } else {
        (unit_label(lang, &m.unit).to_string(), 1.0)
    }
}

fn select(
    lang: Lang,
    label: &'static str,
    id: &'static str,
    value: &str,
    choices: &[String],
    onchange: Callback<String>,
) -> Html {
    let onchange = onchange.reform(|e: Event| {
        let s: Option<web_sys::HtmlSelectElement> = e.target_dyn_into();
        s.map(|s| s.value()).unwrap_or_default()
    });
    html! {
        <label class="filter">{ t(lang, label) }{ " " }
            <select data-testid={id} {onchange}>
                <option value="" selected={value.is_empty()}>{ t(lang, "all") }</option>
                { for choices.iter().map(|c| html! { <option value={c.clone()} selected={c == value}>{ c }</option> }) }
            </select>
        </label>
    }
}

/// The choices of the filters: departments, years, levels (from every report).
struct Choices([Vec<String>; 3]);

impl Choices {
    fn of(rows: &[CompareRow]) -> Choices {
        let all: Vec<&Report> = rows.iter().map(|r| &*r.report).collect();
        Choices([
            filters::choices(&all, filters::department),
            filters::choices(&all, |r| {
                r.meta.year.map(|y| y.to_string()).unwrap_or_default()
            }),
            filters::choices(&all, |r| r.meta.level.clone().unwrap_or_default()),
        ])
    }
}

/// The filter bar: department, year, level.
fn filter_bar(p: &CompareProps, choices: &Choices) -> Html {
    let lang = p.lang;
    let [depts, years, levels] = &choices.0;
    let set = |f: fn(&mut Filters, String)| {
        let cur = p.filters.clone();
        p.on_filter.reform(move |v: String| {
            let mut n = cur.clone();
            f(&mut n, v);
            n
        })
    };
    html! {
        <div class="row filters" data-testid="compare-filters">
            { select(lang, "department", "filter-dept", &p.filters.department, depts, set(|f, v| f.department = v)) }
            { select(lang, "year", "filter-year", &p.filters.year, years, set(|f, v| f.year = v)) }
            { select(lang, "level", "filter-level", &p.filters.level, levels, set(|f, v| f.level = v)) }
        </div>
    }
}

/// The header row: report, year, the metrics (with their units), the review columns; each
/// sorts by its column.
fn head_row(p: &CompareProps, metrics: &[&Metric]) -> Html {
    let lang = p.lang;
    let arrow = |c: usize| match p.sort {
        Some((s, true)) if s == c => " ▲",
        Some((s, false)) if s == c => " ▼",
        _ => "",
    };
    let aria = |c: usize| match p.sort {
        Some((s, true)) if s == c => "ascending",
        Some((s, false)) if s == c => "descending",
        _ => "none",
    };
    let mut heads: Vec<(usize, String, String)> = vec![
        (0usize, t(lang, "report").to_string(), String::new()),
        (1, t(lang, "year").to_string(), String::new()),
    ];
    heads.extend(
        metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (i + 2, metric_label(lang, m), column_unit(lang, m).0)),
    );
    let first_review = metrics.len() + 2;
    heads.extend(
        REVIEW_COLUMNS
            .iter()
            .enumerate()
            .map(|(k, key)| (first_review + k, t(lang, key).to_string(), String::new())),
    );
    let head = heads.into_iter().map(|(c, h, unit)| {
        let on_sort = p.on_sort.reform(move |_: MouseEvent| c);
        html! {
            <th scope="col" aria-sort={aria(c)} class={classes!((c == 0).then_some("name"))}>
                <button class="sort" data-testid={format!("sort-{c}")} onclick={on_sort}>{ h }{ arrow(c) }
                    if !unit.is_empty() { <span class="unit">{ unit }</span> }
                </button>
            </th>
        }
    });
    html! { <tr>{ for head }</tr> }
}

/// One metric's cell of a row: its primary value (a button to the drawer, found by the cell's
/// `data-id`), or —.
fn metric_cell(lang: Lang, r: &Report, m: &Metric) -> Html {
    let (_, div) = column_unit(lang, m);
    let weak = r
        .metrics
        .iter()
        .find(|f| f.id == m.id && f.primary)
        .is_some_and(|f| f.weak);
    match primary(r, &m.id) {
        Some(v) => {
            let title = if weak {
                format!("{} · {}", exact(v, &m.unit), t(lang, "weak_hint"))
            } else {
                exact(v, &m.unit)
            };
            let shown = format!("{}{}", decimals(v / div, 2), if weak { "?" } else { "" });
            html! {
                <td class={classes!("n", weak.then_some("weak"))} data-id={m.id.clone()} data-value={crate::format::number(v)}>
                    <button class="cell" {title}>{ shown }</button>
                </td>
            }
        }
        None => {
            html! { <td class="n missing" data-id={m.id.clone()} aria-label={t(lang, "not_found")}>{ "—" }</td> }
        }
    }
}

/// Props of [`CompareRowView`]: equal when the row would draw the same (the report compared by
/// pointer, the columns by pointer).
#[derive(Properties, Clone)]
pub struct RowProps {
    /// UI language.
    pub lang: Lang,
    /// The row.
    pub row: CompareRow,
    /// The metric columns.
    pub metrics: Rc<Vec<&'static Metric>>,
    /// Whether it is the open entry's row.
    pub active: bool,
}

impl PartialEq for RowProps {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang
            && self.active == o.active
            && self.row.entry == o.row.entry
            && Rc::ptr_eq(&self.row.report, &o.row.report)
            && self.row.genre == o.row.genre
            && self.row.months == o.row.months
            && Rc::ptr_eq(&self.metrics, &o.metrics)
    }
}

/// A report's row: name (a button that opens it), year with genre and coverage, metrics,
/// review columns. Its clicks are the table body's ([`clicked`]).
#[function_component(CompareRowView)]
pub fn compare_row(p: &RowProps) -> Html {
    let lang = p.lang;
    let (i, r) = (p.row.entry, &*p.row.report);
    let genre = p
        .row
        .genre
        .map(|g| crate::web::genre::genre_label(lang, g))
        .unwrap_or("");
    let months = p.row.months;
    let cells = p.metrics.iter().map(|m| metric_cell(lang, r, m));
    let label = row_label(r);
    let tip = format!(
        "{label}{}{}",
        r.meta.year.map(|y| format!(" {y}")).unwrap_or_default(),
        if genre.is_empty() {
            String::new()
        } else {
            format!(" · {genre}")
        }
    );
    html! {
        <tr data-testid="compare-row" data-entry={i.to_string()} class={classes!(p.active.then_some("active"))}>
            <th scope="row" class="name" title={tip}><button class="link">{ label }</button></th>
            <td class="n year">{ r.meta.year.map(|y| y.to_string()).unwrap_or_default() }
                if !genre.is_empty() { <span class="chip" data-testid="compare-genre">{ genre }</span> }
                if months.is_some() { <span class="chip partial" data-testid="compare-partial">{ crate::web::genre::coverage_label(lang, months) }</span> }
            </td>
            { for cells }
            { for (0..REVIEW_COLUMNS.len()).map(|k| html! { <td class="n review-col" data-testid="compare-review">{ review_cell(lang, r, k) }</td> }) }
        </tr>
    }
}

/// What a click in the table body was on: (entry, `Some(metric id)`) for a value's button,
/// (entry, `None`) for a report's name; `None` for anything else.
fn clicked(e: &MouseEvent) -> Option<(usize, Option<String>)> {
    let target: web_sys::Element = e.target_dyn_into()?;
    let button = target.closest("button").ok()??;
    let entry = button.closest("tr").ok()??.get_attribute("data-entry")?;
    let entry = entry.parse().ok()?;
    let classes = button.class_list();
    if classes.contains("cell") {
        let id = button.closest("td").ok()??.get_attribute("data-id")?;
        Some((entry, Some(id)))
    } else {
        classes.contains("link").then_some((entry, None))
    }
}

/// The pager under the table: previous, "101–200 / 1000", next.
fn pager(lang: Lang, turn: &Callback<usize>, w: &paging::Window, n: usize) -> Html {
    let go = |to: usize| turn.reform(move |_: MouseEvent| to);
    let at = w.page;
    let range = format!(
        "{}–{} / {n}",
        at * PAGE_ROWS + 1,
        ((at + 1) * PAGE_ROWS).min(n)
    );
    html! {
        <div class="row pager" data-testid="compare-pager">
            <button data-testid="compare-prev" disabled={at == 0} onclick={go(at.saturating_sub(1))}>{ t(lang, "page_prev") }</button>
            <span data-testid="compare-page" data-page={at.to_string()} data-pages={w.pages.to_string()}>{ range }</span>
            <button data-testid="compare-next" disabled={at + 1 >= w.pages} onclick={go(at + 1)}>{ t(lang, "page_next") }</button>
        </div>
    }
}

/// The sorted, filtered rows (indexes into the props' rows) and the metric columns they have.
struct Table {
    order: Vec<usize>,
    metrics: Rc<Vec<&'static Metric>>,
}

impl Table {
    fn of(rows: &[CompareRow], filters: &Filters, sort: Option<(usize, bool)>) -> Table {
        let mut kept: Vec<(usize, &Report)> = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| filters.keeps(&r.report))
            .map(|(k, r)| (k, &*r.report))
            .collect();
        let reports: Vec<&Report> = kept.iter().map(|(_, r)| *r).collect();
        let metrics = present(&reports);
        if let Some((col, asc)) = sort {
            sort_rows(&mut kept, &metrics, col, asc);
        }
        Table {
            order: kept.into_iter().map(|(k, _)| k).collect(),
            metrics: Rc::new(metrics),
        }
    }
}

/// The comparison table with its filters.
#[function_component(CompareTable)]
pub fn compare_table(p: &CompareProps) -> Html {
    let lang = p.lang;
    let view = View {
        generation: p.generation,
        lang,
        filters: p.filters.clone(),
        sort: p.sort,
    };
    let table = {
        let rows = p.rows.clone();
        let key = (p.generation, p.filters.clone(), p.sort);
        use_memo(key, move |(_, filters, sort)| {
            Table::of(&rows, filters, *sort)
        })
    };
    let choices = {
        let rows = p.rows.clone();
        use_memo(p.generation, move |_| Choices::of(&rows))
    };
    let paging = use_state(Paging::default);
    let (page, drawn) = paging.at(&view);
    let w = paging::window(table.order.len(), page, drawn);
    {
        // the page's next rows in a task of their own (a newer render cancels the timer)
        let more = paging.more(&view, w.on_page);
        let paging = paging.clone();
        use_effect_with(more, move |more| {
            let timer = more
                .clone()
                .map(|next| Timeout::new(0, move || paging.set(next)));
            move || drop(timer)
        });
    }
    if p.rows.is_empty() {
        return html! { <p class="empty">{ t(lang, "no_report") }</p> };
    }
    let turn = {
        let (paging, view) = (paging.clone(), view.clone());
        Callback::from(move |to: usize| paging.set(Paging::turned(&view, to)))
    };
    let body = table.order[w.drawn.clone()].iter().filter_map(|&k| p.rows.get(k)).map(|row| {
        html! { <CompareRowView key={row.entry} {lang} row={row.clone()} metrics={table.metrics.clone()} active={row.entry == p.current} /> }
    });
    let onclick = {
        let (on_select, on_cell) = (p.on_select.clone(), p.on_cell.clone());
        Callback::from(move |e: MouseEvent| match clicked(&e) {
            Some((i, Some(id))) => on_cell.emit((i, id)),
            Some((i, None)) => on_select.emit(i),
            None => {}
        })
    };
    let n = table.order.len();
    let pager = (w.pages > 1).then(|| pager(lang, &turn, &w, n));
    let complete = w.drawn.len() == w.on_page;
    html! {
        <div class="compare">
            <p class="hint">{ t(lang, "compare_hint") }</p>
            { filter_bar(p, &choices) }
            <div class="scroll-x table-box" tabindex="0" role="region" aria-label={t(lang, "tab_compare")}>
                <table class="table compare-table" data-testid="compare-table" data-drawn={w.drawn.len().to_string()} aria-busy={(!complete).then_some("true")}>
                    <thead>{ head_row(p, &table.metrics) }</thead>
                    <tbody {onclick}>{ for body }</tbody>
                </table>
            </div>
            { pager }
            if n == 0 { <p class="empty" data-testid="filtered-out">{ t(lang, "filtered_out") }</p> }
        </div>
    }
}
