//! The charts tab: inline SVG drawn here (no charting library) — a bar chart of one metric
//! across reports, and a line over years when one agency has several years. Exports as SVG/PNG.

use crate::model::Report;
use crate::web::exports::Export;
use crate::web::format::{ellipsis, human};
use crate::web::i18n::{t, Lang};
use crate::web::labels::{metric_label, present, primary, row_label};
use yew::prelude::*;

/// What the charts tab reads.
pub struct ChartProps<'a> {
    /// UI language.
    pub lang: Lang,
    /// Every extracted report, in list order.
    pub reports: &'a [&'a Report],
    /// The open report (one of `reports`: its bar is marked).
    pub current: Option<&'a Report>,
    /// The charted metric id (default: the one most reports have).
    pub chart_metric: Option<&'a str>,
    /// Choose the charted metric.
    pub on_chart_metric: &'a Callback<String>,
    /// Download a chart.
    pub on_export: &'a Callback<Export>,
}

/// A plain decimal (`640`, `512.5`) as the charts write it. Not `str::parse::<f64>`: its
/// tables would add ~10 KB to the page's shell for two attributes.
fn plain_number(s: &str) -> Option<f64> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let mut v = f64::from(whole.parse::<u32>().ok()?);
    let mut scale = 1.0;
    for c in frac.chars() {
        scale /= 10.0;
        v += f64::from(c.to_digit(10)?) * scale;
    }
    Some(v)
}

const PALETTE: [&str; 8] = [
    "#2563eb", "#dc2626", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4b5563",
];
const FONT: &str =
    "'WenQuanYi Micro Hei','Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif";

/// `width` and `height` attributes of an SVG's markup (defaults 640×320).
pub fn svg_size(svg: &str) -> (f64, f64) {
    let attr = |name: &str| -> Option<f64> {
        let i = svg.find(&format!(" {name}=\""))? + name.len() + 3;
        let rest = &svg[i..];
        plain_number(&rest[..rest.find('"')?])
    };
    (
        attr("width").unwrap_or(640.0),
        attr("height").unwrap_or(320.0),
    )
}

/// A round axis maximum ≥ `v` (1, 2, 5 × 10ⁿ).
pub fn nice_max(v: f64) -> f64 {
    if !(v.is_finite() && v > 0.0) {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    for m in [1.0, 2.0, 5.0, 10.0] {
        if m * p >= v {
            return m * p;
        }
    }
    10.0 * p
}

/// (agency, [(year, value)]) for agencies with two or more years that have the metric.
pub fn series(reports: &[&Report], id: &str) -> Vec<(String, Vec<(i32, f64)>)> {
    let mut out: Vec<(String, Vec<(i32, f64)>)> = Vec::new();
    for r in reports {
        let (Some(agency), Some(year), Some(v)) =
            (r.meta.agency.clone(), r.meta.year, primary(r, id))
        else {
            continue;
        };
        match out.iter_mut().find(|s| s.0 == agency) {
            Some(s) => {
                if !s.1.iter().any(|p| p.0 == year) {
                    s.1.push((year, v));
                }
            }
            None => out.push((agency, vec![(year, v)])),
        }
    }
    out.retain(|s| s.1.len() >= 2);
    for s in &mut out {
        crate::web::order::sort_by_key(&mut s.1, |p| p.0);
    }
    out
}

fn bar_chart(
    lang: Lang,
    reports: &[&Report],
    current: Option<&Report>,
    id: &str,
    unit: &str,
    title: &str,
) -> Html {
    let rows: Vec<(String, Option<f64>, bool)> = reports
        .iter()
        .map(|r| {
            (
                format!(
                    "{}{}",
                    ellipsis(&row_label(r), 14),
                    r.meta.year.map(|y| format!(" {y}")).unwrap_or_default()
                ),
                primary(r, id),
                current.is_some_and(|c| std::ptr::eq(c, *r)),
            )
        })
        .collect();
    let max = nice_max(rows.iter().filter_map(|r| r.1).fold(0.0, f64::max));
    let (w, left, bar_w, row_h, top) = (680.0, 210.0, 330.0, 30.0, 44.0);
    let h = top + rows.len() as f64 * row_h + 30.0;
    let bars = rows.iter().enumerate().map(|(i, (label, v, is_current))| {
        let y = top + i as f64 * row_h;
        let len = v.map(|v| (v / max).max(0.0) * bar_w).unwrap_or(0.0);
        let text = v.map(|v| human(v, unit, lang)).unwrap_or_else(|| "—".into());
        html! {
            <g data-testid="bar">
                <text x={(left - 8.0).to_string()} y={(y + 19.0).to_string()} text-anchor="end" font-size="13" fill="#111827">{ label }</text>
                <rect x={left.to_string()} y={(y + 5.0).to_string()} width={format!("{len:.1}")} height="20" rx="3" fill={if *is_current { "#1e40af" } else { "#60a5fa" }}></rect>
                <text x={(left + len + 6.0).to_string()} y={(y + 19.0).to_string()} font-size="12" fill="#374151">{ text }</text>
            </g>
        }
    });
    html! {
        <svg xmlns="http://www.w3.org/2000/svg" width={w.to_string()} height={h.to_string()} viewBox={format!("0 0 {w} {h}")}
             font-family={FONT} role="img" aria-label={title.to_string()}>
            <rect width="100%" height="100%" fill="#ffffff"></rect>
            <text x="12" y="24" font-size="15" font-weight="bold" fill="#111827">{ title }</text>
            <line x1={left.to_string()} x2={left.to_string()} y1={top.to_string()} y2={(h - 26.0).to_string()} stroke="#9ca3af"></line>
            { for bars }
            <text x={left.to_string()} y={(h - 8.0).to_string()} font-size="11" fill="#6b7280">{ "0" }</text>
            <text x={(left + bar_w).to_string()} y={(h - 8.0).to_string()} font-size="11" fill="#6b7280" text-anchor="middle">{ human(max, unit, lang) }</text>
        </svg>
    }
}

/// A line per (name, [(year, value)]) over the years, with a legend.
pub fn line_chart(lang: Lang, data: &[(String, Vec<(i32, f64)>)], unit: &str, title: &str) -> Html {
    let years: Vec<i32> = data.iter().flat_map(|s| s.1.iter().map(|p| p.0)).collect();
    let (y0, y1) = (
        years.iter().copied().min().unwrap_or(2020),
        years.iter().copied().max().unwrap_or(2021),
    );
    let span = f64::from((y1 - y0).max(1));
    let max = nice_max(
        data.iter()
            .flat_map(|s| s.1.iter().map(|p| p.1))
            .fold(0.0, f64::max),
    );
    let (w, left, right, top, plot_h) = (680.0, 90.0, 40.0, 44.0, 220.0);
    let legend_h = data.len() as f64 * 20.0;
    let h = top + plot_h + 40.0 + legend_h;
    let x = |y: i32| left + f64::from(y - y0) / span * (w - left - right);
    let y = |v: f64| top + plot_h - (v / max).max(0.0) * plot_h;
    let ticks = (y0..=y1).map(|yr| html! {
        <text x={format!("{:.1}", x(yr))} y={(top + plot_h + 18.0).to_string()} font-size="12" text-anchor="middle" fill="#374151">{ yr }</text>
    });
    let lines = data.iter().enumerate().map(|(i, (agency, pts))| {
        let color = PALETTE[i % PALETTE.len()];
        let d = pts.iter().map(|p| format!("{:.1},{:.1}", x(p.0), y(p.1))).collect::<Vec<_>>().join(" ");
        let ly = top + plot_h + 40.0 + i as f64 * 20.0;
        html! {
            <g data-testid="line">
                <polyline points={d} fill="none" stroke={color} stroke-width="2.5"></polyline>
                { for pts.iter().map(|p| html! {
                    <circle cx={format!("{:.1}", x(p.0))} cy={format!("{:.1}", y(p.1))} r="4" fill={color}><title>{ format!("{} {}: {}", agency, p.0, human(p.1, unit, lang)) }</title></circle>
                }) }
                <rect x={left.to_string()} y={(ly - 10.0).to_string()} width="12" height="12" fill={color}></rect>
                <text x={(left + 18.0).to_string()} y={ly.to_string()} font-size="12" fill="#111827">{ agency }</text>
            </g>
        }
    });
    html! {
        <svg xmlns="http://www.w3.org/2000/svg" width={w.to_string()} height={h.to_string()} viewBox={format!("0 0 {w} {h}")}
             font-family={FONT} role="img" aria-label={title.to_string()}>
            <rect width="100%" height="100%" fill="#ffffff"></rect>
            <text x="12" y="24" font-size="15" font-weight="bold" fill="#111827">{ title }</text>
            <line x1={left.to_string()} x2={(w - right).to_string()} y1={(top + plot_h).to_string()} y2={(top + plot_h).to_string()} stroke="#9ca3af"></line>
            <line x1={left.to_string()} x2={left.to_string()} y1={top.to_string()} y2={(top + plot_h).to_string()} stroke="#9ca3af"></line>
            <text x={(left - 6.0).to_string()} y={(top + 4.0).to_string()} font-size="11" text-anchor="end" fill="#6b7280">{ human(max, unit, lang) }</text>
            <text x={(left - 6.0).to_string()} y={(top + plot_h).to_string()} font-size="11" text-anchor="end" fill="#6b7280">{ "0" }</text>
            { for ticks }
            { for lines }
        </svg>
    }
}

/// The charts tab.
pub fn view(p: &ChartProps<'_>) -> Html {
    let (lang, reports) = (p.lang, p.reports);
    let metrics = present(reports);
    if metrics.is_empty() {
        return html! { <p class="empty" data-testid="no-chart">{ t(lang, "no_chart") }</p> };
    }
    // default: the first metric most reports have
    let chosen = p
        .chart_metric
        .and_then(|id| metrics.iter().find(|m| m.id == id))
        .or_else(|| {
            metrics.iter().rev().max_by_key(|m| {
                reports
                    .iter()
                    .filter(|r| primary(r, &m.id).is_some())
                    .count()
            })
        })
        .copied();
    let Some(m) = chosen else { return html! {} };
    let on_chart_metric = p.on_chart_metric.clone();
    let onchange = Callback::from(move |e: Event| {
        let sel: Option<web_sys::HtmlSelectElement> = e.target_dyn_into();
        if let Some(s) = sel {
            on_chart_metric.emit(s.value());
        }
    });
    let title = format!(
        "{} ({})",
        metric_label(lang, m),
        crate::web::i18n::unit_label(lang, &m.unit)
    );
    let line = series(reports, &m.id);
    html! {
        <div class="charts">
            <label class="filter">{ t(lang, "metric") }{ " " }
                <select data-testid="chart-metric" {onchange}>
                    { for metrics.iter().map(|x| html! { <option value={x.id.clone()} selected={x.id == m.id}>{ format!("{} ({})", metric_label(lang, x), crate::web::i18n::unit_label(lang, &x.unit)) }</option> }) }
                </select>
            </label>
            <h3>{ t(lang, "bar_chart") }</h3>
            <div class="chart" data-testid="chart-bar" tabindex="0" role="region" aria-label={t(lang, "bar_chart")}>{ bar_chart(lang, reports, p.current, &m.id, &m.unit, &title) }</div>
            <div class="row">
                <button data-testid="chart-svg" onclick={p.on_export.reform(|_| Export::ChartSvg)}>{ t(lang, "export_svg") }</button>
                <button data-testid="chart-png" onclick={p.on_export.reform(|_| Export::ChartPng)}>{ t(lang, "export_png") }</button>
            </div>
            <h3>{ t(lang, "line_chart") }</h3>
            if line.is_empty() {
                <p class="hint" data-testid="no-line">{ t(lang, "no_line") }</p>
            } else {
                <div class="chart" data-testid="chart-line" tabindex="0" role="region" aria-label={t(lang, "line_chart")}>{ line_chart(lang, &line, &m.unit, &title) }</div>
                <div class="row">
                    <button onclick={p.on_export.reform(|_| Export::LineSvg)}>{ t(lang, "export_svg") }</button>
                    <button onclick={p.on_export.reform(|_| Export::LinePng)}>{ t(lang, "export_png") }</button>
                </div>
            }
        </div>
    }
}
