//! The downloads: JSON and CSV of the reports, the charts as SVG or PNG; and the summary
//! table copied to the clipboard.

use super::state::State;
use crate::model::Report;
use crate::web::browser;
use crate::web::components::chart::svg_size;
use crate::web::components::review::with_series;
use crate::web::exports::{localize_csv, Export};
use wasm_bindgen::JsValue;

/// A file name for one report's export: `agency-year`, else the source name without extension.
pub fn export_name(r: &Report) -> String {
    let name = match (&r.meta.agency, r.meta.year) {
        (Some(a), Some(y)) => format!("{a}-{y}"),
        _ => r
            .source
            .rsplit_once('.')
            .map(|(stem, _)| stem.to_string())
            .unwrap_or_else(|| r.source.clone()),
    };
    let clean: String = name
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .collect();
    if clean.trim().is_empty() {
        "zhibiao".into()
    } else {
        clean
    }
}

/// Download a chart (the SVG shown on the page) as SVG or, drawn on a canvas, PNG.
fn chart(what: Export) -> Result<(), JsValue> {
    let bar = matches!(what, Export::ChartSvg | Export::ChartPng);
    let sel = if bar {
        "[data-testid=chart-bar] svg"
    } else {
        "[data-testid=chart-line] svg"
    };
    let Some(svg) = browser::outer_html(sel) else {
        return Ok(());
    };
    match what {
        Export::ChartSvg | Export::LineSvg => {
            let name = if bar {
                "zhibiao-bar.svg"
            } else {
                "zhibiao-line.svg"
            };
            browser::download(name, "image/svg+xml", &svg)
        }
        _ => {
            let name = if bar {
                "zhibiao-bar.png"
            } else {
                "zhibiao-line.png"
            };
            let (w, h) = svg_size(&svg);
            wasm_bindgen_futures::spawn_local(async move {
                browser::download_png(svg, w, h, name.to_string()).await;
            });
            Ok(())
        }
    }
}

/// Download `what`; a failure goes to the error list.
pub fn export(state: &mut State, what: Export) {
    let cat = crate::data::catalog::defs();
    // the exports carry the same series and cross-year flags as the Review tab and the table
    let reports: Vec<crate::model::Report> = with_series(state.reports())
        .into_iter()
        .map(std::rc::Rc::unwrap_or_clone)
        .collect();
    let lang = state.lang;
    let base = state
        .report()
        .map(export_name)
        .unwrap_or_else(|| "zhibiao".into());
    let csv = "text/csv;charset=utf-8";
    let res = match what {
        Export::JsonOne => match state.report() {
            Some(r) => browser::download(
                &format!("{base}.json"),
                "application/json",
                &crate::output::json(std::slice::from_ref(r)),
            ),
            None => Ok(()),
        },
        Export::JsonAll => browser::download(
            "zhibiao-all.json",
            "application/json",
            &crate::output::json(&reports),
        ),
        Export::CsvFacts => browser::download(
            "zhibiao-facts.csv",
            csv,
            &localize_csv(lang, &crate::output::csv_facts(&reports)),
        ),
        Export::CsvCompare => browser::download(
            "zhibiao-comparison.csv",
            csv,
            &localize_csv(lang, &crate::output::csv_comparison(&reports, &cat.metrics)),
        ),
        _ => chart(what),
    };
    if let Err(e) = res {
        state.errors.push(format!("export: {e:?}"));
    }
}

/// Copy the open report's summary table (TSV) to the clipboard; `done` hears whether it worked.
pub fn copy(state: &State, done: impl FnOnce(bool) + 'static) {
    if let Some(r) = state.report() {
        let tsv = crate::output::tsv_summary(r);
        wasm_bindgen_futures::spawn_local(async move {
            done(browser::copy_text(tsv).await);
        });
    }
}
