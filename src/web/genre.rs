//! What kind of document a report is (年度报告 / 执法统计 / 年报 / 通报 / 工作总结) and which part
//! of the year it covers (全年 / 截至N月), read in the page from the title and the opening of the
//! text. The words are the table [`GENRES`]; the first that the title (else the opening) holds wins.

use super::i18n::Lang;

/// (words any of which names the genre, zh label, en label), most specific first.
pub const GENRES: &[(&[&str], &str, &str)] = &[
    (
        &["执法统计", "执法数据", "行政执法情况统计", "执法情况统计"],
        "执法统计",
        "enforcement statistics",
    ),
    (&["通报"], "通报", "bulletin"),
    (
        &[
            "工作年报",
            "年度报表",
            "政务公开工作年度报告",
            "信息公开工作年度报告",
        ],
        "年报",
        "annual return",
    ),
    (
        &["年度报告", "情况报告", "工作报告", "情况的报告", "工作情况"],
        "年度报告",
        "annual report",
    ),
    (&["总结"], "工作总结", "work summary"),
];

/// A report's genre: index into [`GENRES`], `None` when no word of the table is found.
pub fn genre(title: Option<&str>, opening: &str) -> Option<usize> {
    let find = |s: &str| {
        GENRES
            .iter()
            .position(|(words, _, _)| words.iter().any(|w| s.contains(w)))
    };
    title.and_then(find).or_else(|| find(opening))
}

/// The genre's label in the UI language.
pub fn genre_label(lang: Lang, g: usize) -> &'static str {
    GENRES
        .get(g)
        .map(|(_, zh, en)| lang.pick(zh, en))
        .unwrap_or("")
}

/// Months covered when the title or opening says a part of the year (`截至7月底`,
/// `1-9月`, `1至9月`, `上半年`, `前三季度`); `None` for a full year.
pub fn months_covered(title: Option<&str>, opening: &str) -> Option<u32> {
    title.and_then(part_year).or_else(|| part_year(opening))
}

fn part_year(s: &str) -> Option<u32> {
    if s.contains("上半年") {
        return Some(6);
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

/// The opening of a text the genre and coverage are read from (its first 300 chars).
pub fn opening(text: &str) -> String {
    text.chars().take(300).collect()
}
