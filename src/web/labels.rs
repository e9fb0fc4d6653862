//! Labels and values the views share (the comparison, the charts, the review tab): a report's
//! row label, a metric's label in the UI language, its primary value, the metrics present in a
//! set of reports, the timeliness text. No view of its own, so views import it, never each other
//! in a circle.

use crate::data::catalog::Metric;
use crate::model::Report;
use crate::web::i18n::{t, Lang};

/// The primary value of metric `id` in `r`.
pub fn primary(r: &Report, id: &str) -> Option<f64> {
    r.primary(id).map(|f| f.value)
}

/// Catalog metrics that at least one of `reports` has, in catalog order (one pass over the
/// facts: a thousand reports redraw fast).
pub fn present<'a>(reports: &[&Report]) -> Vec<&'a Metric> {
    crate::data::catalog::defs().present(reports.iter().copied())
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

/// `on time` / `late (12 days)` / … in the UI language.
pub fn timeliness_text(lang: Lang, r: &Report) -> String {
    let tl = &r.review.timeliness;
    let status = t(
        lang,
        match tl.status.as_str() {
            "on_time" => "rv_on_time",
            "late" => "rv_late",
            "early" => "rv_early",
            _ => "rv_unknown",
        },
    );
    match tl.days_late {
        Some(d) => format!("{status} ({d} {})", t(lang, "rv_days")),
        None => status.to_string(),
    }
}
