//! The page's export formats ([`Export`]) and its exports in the UI's language: the header row
//! of a CSV made by the core is rewritten with [`super::i18n::csv_header`]; the data rows stay
//! as they are. (The downloads themselves: `app/export.rs`.)

use super::i18n::{csv_header, Lang};
use crate::format::{csv_field, BOM};

/// Export formats (the buttons under the results and under the charts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// JSON of the open report.
    JsonOne,
    /// JSON array of all reports.
    JsonAll,
    /// CSV, one row per fact of all reports.
    CsvFacts,
    /// CSV comparison table.
    CsvCompare,
    /// The bar chart as SVG.
    ChartSvg,
    /// The bar chart as PNG.
    ChartPng,
    /// The line chart as SVG.
    LineSvg,
    /// The line chart as PNG.
    LinePng,
}

/// Split one CSV line into fields (double quotes as the core writes them).
pub fn split_csv_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if cur.is_empty() => quoted = true,
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

/// The CSV with its header row in `lang` (BOM and the other rows unchanged).
pub fn localize_csv(lang: Lang, csv: &str) -> String {
    let body = csv.strip_prefix(BOM).unwrap_or(csv);
    let (head, rest) = match body.find("\r\n") {
        Some(i) => (&body[..i], &body[i..]),
        None => (body, ""),
    };
    let head: Vec<String> = split_csv_line(head)
        .iter()
        .map(|c| csv_field(&csv_header(lang, c)))
        .collect();
    format!("{BOM}{}{rest}", head.join(","))
}
