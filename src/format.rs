//! Formatting shared by the output, the review table, the summary and the page: numbers as
//! people and spreadsheets read them, CSV fields. A leaf: imports nothing of the crate.

/// UTF-8 byte order mark: Excel needs it to open a CSV as UTF-8.
pub const BOM: &str = "\u{FEFF}";

/// Quote a CSV field when it needs it (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A number as people and spreadsheets read it: no `.0` on whole numbers, no exponent.
pub fn number(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
