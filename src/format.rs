//! Formatting shared by the output, the review table, the summary and the page: numbers as
//! people and spreadsheets read them (one rounding, one grouping: the summary writes
//! `1021.21万元` in prose, the page `1,021.21 万元` in its table, both from [`decimals`] and
//! [`group_thousands`]), CSV fields. A leaf: imports nothing of the crate.

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

/// `v` with at most `dec` decimals, trailing zeros dropped: `decimals(1021.2056, 2)` → `1021.21`.
pub fn decimals(v: f64, dec: usize) -> String {
    let s = format!("{:.*}", dec, v);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Thousands separators for the integer part of a plain number string: `1234567.5` →
/// `1,234,567.5`.
pub fn group_thousands(s: &str) -> String {
    let (int, frac) = match s.find('.') {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

/// A whole number without decimals, else at most two decimals: `146`, `93.57`.
pub fn plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        decimals(v, 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_rounding_and_one_grouping() {
        assert_eq!(decimals(1021.2056, 2), "1021.21");
        assert_eq!(decimals(3.0, 2), "3");
        assert_eq!(group_thousands("-1234567.5"), "-1,234,567.5");
        assert_eq!(group_thousands("999"), "999");
        assert_eq!(plain(146.0), "146");
        assert_eq!(plain(93.567), "93.57");
        assert_eq!(number(0.1 + 0.2), "0.3");
    }
}
