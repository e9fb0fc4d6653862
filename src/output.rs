//! Output: reports as JSON (OUTPUT.md) or CSV (one row per fact, UTF-8 with BOM so Excel reads
//! Chinese), the comparison table (one row per report, one column per metric), and a
//! tab-separated summary for the clipboard.

use crate::data::catalog::{present_in, Metric};
use crate::format::{csv_field, number, BOM};
use crate::model::{Approx, Change, Fact, Report};

/// One report as a JSON object, or several as a JSON array (pretty-printed).
pub fn json(reports: &[Report]) -> String {
    let r = if reports.len() == 1 {
        serde_json::to_string_pretty(&reports[0])
    } else {
        serde_json::to_string_pretty(reports)
    };
    r.unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// `r` as an element of a pretty JSON array of reports: indented one level, without the comma
/// (what `serde_json::to_string_pretty` writes for it inside the array).
pub fn json_element(r: &Report) -> String {
    let s = serde_json::to_string_pretty(std::slice::from_ref(r))
        .unwrap_or_else(|e| format!("[\n  {{\"error\": \"{e}\"}}\n]"));
    // "[\n" element "\n]"
    s.get(2..s.len().saturating_sub(2))
        .unwrap_or_default()
        .to_string()
}

/// Write `reports` as a pretty JSON array and a newline, byte for byte what
/// `serde_json::to_string_pretty(reports)` gives, using the elements already made
/// (`made[i]`: [`json_element`] of `reports[i]`, or None).
pub fn write_json_array(
    reports: &[Report],
    made: Vec<Option<String>>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    if reports.is_empty() {
        return writeln!(out, "[]");
    }
    out.write_all(b"[\n")?;
    let made = made.into_iter().chain(std::iter::repeat(None));
    for (i, (r, m)) in reports.iter().zip(made).enumerate() {
        if i > 0 {
            out.write_all(b",\n")?;
        }
        let element = m.unwrap_or_else(|| json_element(r));
        out.write_all(element.as_bytes())?;
    }
    out.write_all(b"\n]\n")
}

/// `more_than` / `nearly` / ``.
pub fn approx_str(a: Option<Approx>) -> &'static str {
    match a {
        Some(Approx::MoreThan) => "more_than",
        Some(Approx::Nearly) => "nearly",
        None => "",
    }
}

/// `-16.2%` / `+3.5pp` / ``.
pub fn change_str(c: Option<Change>) -> String {
    match c {
        Some(Change::Pct(p)) => format!("{}{}%", if p > 0.0 { "+" } else { "" }, number(p)),
        Some(Change::Points(p)) => format!("{}{}pp", if p > 0.0 { "+" } else { "" }, number(p)),
        None => String::new(),
    }
}

/// The columns of [`csv_facts`].
pub const FACT_COLUMNS: [&str; 15] = [
    "source",
    "agency",
    "year",
    "id",
    "label",
    "value",
    "unit",
    "primary",
    "approx",
    "scope",
    "period",
    "change",
    "raw",
    "evidence_start",
    "evidence_end",
];

fn fact_row(r: &Report, f: &Fact) -> Vec<String> {
    let ev = f.evidence.first().copied().unwrap_or([0, 0]);
    vec![
        r.source.clone(),
        r.meta.agency.clone().unwrap_or_default(),
        r.meta.year.map(|y| y.to_string()).unwrap_or_default(),
        f.id.clone(),
        f.label.clone(),
        number(f.value),
        f.unit.clone(),
        f.primary.to_string(),
        approx_str(f.approx).to_string(),
        f.scope.clone().unwrap_or_default(),
        f.period.clone().unwrap_or_default(),
        change_str(f.change),
        f.raw.clone(),
        ev[0].to_string(),
        ev[1].to_string(),
    ]
}

fn join_rows(rows: impl Iterator<Item = Vec<String>>, sep: char, quote: bool) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if quote {
                    csv_field(c)
                } else {
                    c.replace(['\t', '\n', '\r'], " ")
                }
            })
            .collect();
        out.push_str(&cells.join(&sep.to_string()));
        out.push_str("\r\n");
    }
    out
}

/// CSV, one row per fact of every report, with a header; UTF-8 with BOM.
pub fn csv_facts(reports: &[Report]) -> String {
    let header = std::iter::once(FACT_COLUMNS.iter().map(|s| s.to_string()).collect());
    let rows = reports
        .iter()
        .flat_map(|r| r.metrics.iter().map(move |f| fact_row(r, f)));
    format!("{BOM}{}", join_rows(header.chain(rows), ',', true))
}

/// The comparison table: one row per report (source, agency, region, province, level, year,
/// published), one column per metric of `metrics` that any report has, holding the primary value.
pub fn comparison_rows(reports: &[Report], metrics: &[Metric]) -> Vec<Vec<String>> {
    let ids = present_in(metrics, reports);
    let mut head: Vec<String> = [
        "source",
        "agency",
        "region",
        "province",
        "level",
        "year",
        "published",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    head.extend(ids.iter().map(|m| format!("{} ({})", m.label, m.unit)));
    head.extend(
        [
            "review_parts",
            "review_timeliness",
            "review_days_late",
            "review_flags",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    let mut rows = vec![head];
    for r in reports {
        let m = &r.meta;
        let mut row = vec![
            r.source.clone(),
            m.agency.clone().unwrap_or_default(),
            m.region.clone().unwrap_or_default(),
            m.province.clone().unwrap_or_default(),
            m.level.clone().unwrap_or_default(),
            m.year.map(|y| y.to_string()).unwrap_or_default(),
            m.published.clone().unwrap_or_default(),
        ];
        for metric in &ids {
            let v = r.primary(&metric.id);
            row.push(v.map(|f| number(f.value)).unwrap_or_default());
        }
        let rv = &r.review;
        row.push(format!("{}/4", crate::review::table::parts_present(r)));
        row.push(rv.timeliness.status.clone());
        row.push(
            rv.timeliness
                .days_late
                .map(|d| d.to_string())
                .unwrap_or_default(),
        );
        row.push(rv.flags.len().to_string());
        rows.push(row);
    }
    rows
}

/// The comparison table as CSV with BOM.
pub fn csv_comparison(reports: &[Report], metrics: &[Metric]) -> String {
    format!(
        "{BOM}{}",
        join_rows(comparison_rows(reports, metrics).into_iter(), ',', true)
    )
}

/// One report's primary facts as tab-separated rows (label, value, unit, qualifiers) for
/// pasting into a spreadsheet.
pub fn tsv_summary(r: &Report) -> String {
    let head = vec![
        "指标 metric".to_string(),
        "数值 value".into(),
        "单位 unit".into(),
        "范围 scope".into(),
        "时间 period".into(),
        "同比 change".into(),
        "原文 source".into(),
    ];
    let rows = r.metrics.iter().filter(|f| f.primary).map(|f| {
        vec![
            f.label.clone(),
            number(f.value),
            f.unit.clone(),
            f.scope.clone().unwrap_or_default(),
            f.period.clone().unwrap_or_default(),
            change_str(f.change),
            f.raw.clone(),
        ]
    });
    join_rows(std::iter::once(head).chain(rows), '\t', false)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn fields_and_numbers() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(number(146.0), "146");
        assert_eq!(number(89.1), "89.1");
        assert_eq!(change_str(Some(Change::Pct(-16.2))), "-16.2%");
        assert!(csv_facts(&[]).starts_with(BOM));
    }
}
