//! Genre and year coverage of a report as the page shows them. The core reads both
//! (`meta.genre`, `meta.coverage`; the words are `data/genres.toml`, see
//! `crate::report::meta::genre`); this module only labels them in the UI language.

use super::i18n::Lang;
use crate::model::Meta;
use crate::report::meta::genre::names;

/// The report's genre: an index into the core's genres (`data/genres.toml`).
pub fn genre_of(meta: &Meta) -> Option<usize> {
    let id = meta.genre.as_deref()?;
    names().iter().position(|g| g.id == id)
}

/// The genre's label in the UI language.
pub fn genre_label(lang: Lang, g: usize) -> &'static str {
    names()
        .get(g)
        .map(|x| lang.pick(&x.zh, &x.en))
        .unwrap_or("")
}

/// Whether the genre is the annual rule-of-law report (the comparable kind).
pub fn is_annual(g: usize) -> bool {
    names().get(g).is_some_and(|x| x.id == "rule_of_law_report")
}

/// Months covered when the report covers only a part of the year (`截至7月底` → 7, `1-9月`,
/// `上半年`, `一季度`, `前三季度`); `None` for a full year or an unknown part.
pub fn months_of(meta: &Meta) -> Option<u32> {
    meta.coverage
        .as_deref()
        .filter(|c| *c != "全年")
        .and_then(part_year)
}

fn part_year(s: &str) -> Option<u32> {
    if s.contains("上半年") {
        return Some(6);
    }
    if s.contains("一季度") {
        return Some(3);
    }
    if s.contains("前三季度") {
        return Some(9);
    }
    let chars: Vec<char> = s.chars().collect();
    for (i, w) in chars.windows(2).enumerate() {
        let start = match (w[0], w[1]) {
            ('截', '至') | ('截', '止') => i + 2,
            ('1', '-') | ('1', '至') | ('1', '—') | ('1', '~') => i + 2,
            _ => continue,
        };
        // the month number, then 月
        let mut j = start;
        let mut n = 0u32;
        let mut digits = 0;
        // skip a year: 2023年
        while j < chars.len() && digits < 5 {
            let c = chars[j];
            if let Some(d) = c.to_digit(10) {
                n = n * 10 + d;
                digits += 1;
                j += 1;
            } else if c == '年' {
                n = 0;
                digits = 0;
                j += 1;
            } else if let Some(d) = cn_digit(c) {
                n = if c == '十' {
                    if n == 0 {
                        10
                    } else {
                        n * 10
                    }
                } else if n == 10 {
                    10 + d
                } else {
                    n * 10 + d
                };
                digits += 1;
                j += 1;
            } else {
                break;
            }
        }
        if j < chars.len() && chars[j] == '月' && (1..12).contains(&n) {
            return Some(n);
        }
    }
    None
}

fn cn_digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九十"
        .chars()
        .position(|d| d == c)
        .map(|p| p as u32)
}

/// `全年` / `full year`, `截至7月` / `to July (7 months)`.
pub fn coverage_label(lang: Lang, months: Option<u32>) -> String {
    match (months, lang) {
        (None, Lang::Zh) => "全年".into(),
        (None, Lang::En) => "full year".into(),
        (Some(m), Lang::Zh) => format!("截至{m}月"),
        (Some(m), Lang::En) => format!("{m} months only"),
    }
}
