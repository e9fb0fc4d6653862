//! One CSV row per report with the review's headline numbers (`zhibiao review --csv`).

use crate::format::{csv_field, number, BOM};
use crate::model::Report;

/// The columns of [`review_csv`].
pub const COLUMNS: [&str; 11] = [
    "source",
    "agency",
    "year",
    "parts",
    "missing",
    "timeliness",
    "published",
    "days_late",
    "flags",
    "flag_kinds",
    "density",
];

/// Required parts present (a section or a mention), of the four required (`other` is optional).
pub fn parts_present(r: &Report) -> usize {
    r.review
        .parts
        .iter()
        .filter(|p| p.id != "other" && p.status != "missing")
        .count()
}

/// One row per report, UTF-8 with BOM: parts n/4, timeliness, days late, flags, density.
pub fn review_csv(reports: &[Report]) -> String {
    let mut s = String::from(BOM);
    s.push_str(&COLUMNS.join(","));
    s.push_str("\r\n");
    for r in reports {
        let rv = &r.review;
        let missing: Vec<&str> = rv
            .parts
            .iter()
            .filter(|p| p.id != "other" && p.status == "missing")
            .map(|p| p.id.as_str())
            .collect();
        let mut kinds: Vec<&str> = rv.flags.iter().map(|f| f.kind.as_str()).collect();
        kinds.dedup();
        let row = [
            r.source.clone(),
            r.meta.agency.clone().unwrap_or_default(),
            r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
            format!("{}/4", parts_present(r)),
            missing.join(";"),
            rv.timeliness.status.clone(),
            r.meta.published.clone().unwrap_or_default(),
            rv.timeliness
                .days_late
                .map(|d| d.to_string())
                .unwrap_or_default(),
            rv.flags.len().to_string(),
            kinds.join(";"),
            number(rv.density),
        ];
        s.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        s.push_str("\r\n");
    }
    s
}

/// The reviews alone: a JSON array of `{"source", "agency", "year", "review"}`, one per report.
pub fn review_json(reports: &[Report]) -> String {
    let v: Vec<serde_json::Value> = reports
        .iter()
        .map(|r| {
            serde_json::json!({
                "source": r.source, "agency": r.meta.agency, "year": r.meta.year, "review": r.review,
            })
        })
        .collect();
    serde_json::to_string_pretty(&v).unwrap_or_default()
}
