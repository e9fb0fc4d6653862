//! Summary: a short narrative (zh and en) from the primary facts and meta, numbers linked to facts.
//!
//! One sentence on who reports on which year, then up to five sentences, one per group of
//! metrics (enforcement; disputes and complaints; rules, decisions and permits; legal education;
//! environment and inspection follow-up), each naming at most six primary facts in catalog
//! order. Every quantity written is a fact's value (formatted for people: `1021.21万元`,
//! `CNY 10.21 million`, `300余份`, `over 300`) and gets a [`SummaryLink`]; the only other number
//! is the report's year. A report without facts gets the first sentence alone (or nothing when
//! the meta is empty too).

use crate::format::{decimals, group_thousands, plain};
use crate::model::{Approx, Fact, Report, Summary, SummaryLink};

/// Most facts named in one sentence.
const PER_SENTENCE: usize = 6;

/// English glosses of common agency names (the name itself stays in Chinese).
const GLOSSES: [(&str, &str); 12] = [
    ("生态环境局", "ecology and environment bureau"),
    ("生态环境厅", "department of ecology and environment"),
    ("生态环境分局", "ecology and environment sub-bureau"),
    ("市场监督管理局", "market regulation bureau"),
    ("交通运输局", "transport bureau"),
    ("应急管理局", "emergency management bureau"),
    ("城市管理局", "urban management bureau"),
    ("综合行政执法局", "comprehensive law enforcement bureau"),
    ("自然资源局", "natural resources bureau"),
    ("司法局", "justice bureau"),
    ("水利局", "water resources bureau"),
    ("人民政府", "people's government"),
];

/// The quantity of a fact as written in Chinese: `146件`, `300余份`, `近200件`, `1021.21万元`, `100%`.
pub fn zh_quantity(f: &Fact) -> String {
    let (num, unit) = match f.unit.as_str() {
        "元" if f.value.abs() >= 1e8 => (decimals(f.value / 1e8, 2), "亿元".to_string()),
        "元" if f.value.abs() >= 1e4 => (decimals(f.value / 1e4, 2), "万元".to_string()),
        "µg/m³" => (plain(f.value), "微克/立方米".to_string()),
        u => (plain(f.value), u.to_string()),
    };
    match f.approx {
        Some(Approx::MoreThan) if unit == "%" => format!("{num}%以上"),
        Some(Approx::MoreThan) => format!("{num}余{unit}"),
        Some(Approx::Nearly) => format!("近{num}{unit}"),
        None => format!("{num}{unit}"),
    }
}

/// The quantity of a fact as written in English: `146`, `over 300`, `CNY 10.21 million`, `100%`.
pub fn en_quantity(f: &Fact) -> String {
    let v = f.value;
    let q = match f.unit.as_str() {
        "元" if v.abs() >= 1e9 => format!("CNY {} billion", decimals(v / 1e9, 2)),
        "元" if v.abs() >= 1e6 => format!("CNY {} million", decimals(v / 1e6, 2)),
        "元" => format!("CNY {}", group_thousands(&plain(v))),
        "%" => format!("{}%", plain(v)),
        "µg/m³" => format!("{} µg/m³", plain(v)),
        _ => group_thousands(&plain(v)),
    };
    match f.approx {
        Some(Approx::MoreThan) => format!("over {q}"),
        Some(Approx::Nearly) => format!("nearly {q}"),
        None => q,
    }
}

/// A narrative under construction: the text and its links.
struct Writer {
    lang: &'static str,
    text: String,
    chars: usize,
    links: Vec<SummaryLink>,
}

impl Writer {
    fn new(lang: &'static str) -> Self {
        Writer {
            lang,
            text: String::new(),
            chars: 0,
            links: Vec::new(),
        }
    }
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.chars += s.chars().count();
    }
    fn push_linked(&mut self, s: &str, fact: usize) {
        let start = self.chars;
        self.push(s);
        self.links.push(SummaryLink {
            lang: self.lang.to_string(),
            span: [start, self.chars],
            fact,
        });
    }
    /// Write `template` with `{}` replaced by the linked quantity `q`.
    fn phrase(&mut self, template: &str, q: &str, fact: usize) {
        match template.split_once("{}") {
            Some((a, b)) => {
                self.push(a);
                self.push_linked(q, fact);
                self.push(b);
            }
            None => self.push(template),
        }
    }
}

/// The template for a count of one: the first plural word after `{}` made singular
/// (`{} penalty cases` → `{} penalty case`, `{} reduced penalties` → `{} reduced penalty`).
fn singular(template: &str) -> String {
    let Some((a, b)) = template.split_once("{}") else {
        return template.to_string();
    };
    if b.contains(" of those") {
        return template.to_string();
    }
    let mut out = String::from(b);
    let mut pos = 0;
    for w in b.split(' ') {
        let end = pos + w.len();
        if w.len() > 3 && w.ends_with("ies") {
            out = format!("{}y{}", &b[..end - 3], &b[end..]);
            break;
        }
        if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
            out = format!("{}{}", &b[..end - 1], &b[end..]);
            break;
        }
        pos = end + 1;
    }
    format!("{a}{{}}{out}")
}

fn gloss(agency: &str) -> Option<&'static str> {
    GLOSSES
        .iter()
        .find(|(zh, _)| agency.ends_with(zh))
        .map(|(_, en)| *en)
}

/// Write the narrative of a report whose metrics and meta are filled, with the phrases of the
/// built-in catalog.
pub fn summarise(report: &Report) -> Summary {
    summarise_with(report, crate::data::catalog::builtin())
}

/// The first sentence: who reports on which year, what kind of page, which part of the year.
fn opening(report: &Report, zh: &mut Writer, en: &mut Writer) {
    let agency = report
        .meta
        .agency
        .as_deref()
        .filter(|a| !a.trim().is_empty());
    let year = report.meta.year;
    // what the page reports on (its genre, `data/genres.toml`), and a part of the year
    let genre = report
        .meta
        .genre
        .as_deref()
        .and_then(crate::report::meta::genre::genre);
    let (what_zh, what_en) = genre.map_or(("工作情况", "work"), |g| {
        (g.what_zh.as_str(), g.what_en.as_str())
    });
    let part = report.meta.coverage.as_deref().filter(|c| *c != "全年");
    let part_zh = part.map(|p| format!("({p})")).unwrap_or_default();
    let part_en = part
        .map(|p| format!(" (part of the year: {p})"))
        .unwrap_or_default();
    match (agency, year) {
        (Some(a), Some(y)) => {
            zh.push(&format!("{a}报告了{y}年{part_zh}{what_zh}。"));
            let g = gloss(a).map(|g| format!(" ({g})")).unwrap_or_default();
            en.push(&format!("{a}{g} reports on its {y} {what_en}{part_en}."));
        }
        (Some(a), None) => {
            zh.push(&format!("{a}报告了{what_zh}。"));
            let g = gloss(a).map(|g| format!(" ({g})")).unwrap_or_default();
            en.push(&format!("{a}{g} reports on its {what_en}."));
        }
        (None, Some(y)) => {
            zh.push(&format!("本报告介绍了{y}年{part_zh}{what_zh}。"));
            en.push(&format!("The report covers {y} {what_en}{part_en}."));
        }
        (None, None) => {}
    }
}

/// Write the narrative with the phrases and sentence groups of catalog `cat`
/// (`summary_zh`/`summary_en` per metric, `[[summary_group]]`).
pub fn summarise_with(report: &Report, cat: &crate::data::catalog::Catalog) -> Summary {
    let mut zh = Writer::new("zh");
    let mut en = Writer::new("en");
    opening(report, &mut zh, &mut en);
    let primary = |id: &str| {
        report
            .primary_at(id)
            .filter(|&i| report.metrics[i].value.is_finite())
    };
    for group in &cat.summary_groups {
        // (metric, fact index) of the group's metrics that have a phrase and a primary fact
        let picked: Vec<(&crate::data::catalog::Metric, usize)> = group
            .metrics
            .iter()
            .filter_map(|id| cat.get(id))
            .filter(|m| m.summary_zh.is_some() && m.summary_en.is_some())
            .filter_map(|m| primary(&m.id).map(|i| (m, i)))
            .take(PER_SENTENCE)
            .collect();
        if picked.is_empty() {
            continue;
        }
        if !zh.text.is_empty() {
            en.push(" ");
        }
        zh.push(&group.zh);
        en.push(&group.en);
        en.push(": ");
        for (n, (m, i)) in picked.iter().enumerate() {
            let f = &report.metrics[*i];
            zh.push("，");
            if n > 0 {
                en.push(if n + 1 == picked.len() { " and " } else { ", " });
            }
            if f.value == 0.0 {
                if let (Some(z), Some(e)) = (&m.summary_zero_zh, &m.summary_zero_en) {
                    zh.push(z);
                    en.push(e);
                    continue;
                }
            }
            let (ph_zh, ph_en) = (
                m.summary_zh.as_deref().unwrap_or("{}"),
                m.summary_en.as_deref().unwrap_or("{}"),
            );
            zh.phrase(ph_zh, &zh_quantity(f), *i);
            let en_t = if f.value == 1.0 && f.approx.is_none() {
                singular(ph_en)
            } else {
                ph_en.to_string()
            };
            en.phrase(&en_t, &en_quantity(f), *i);
        }
        zh.push("。");
        en.push(".");
    }
    let mut links = zh.links;
    links.extend(en.links);
    Summary {
        zh: zh.text,
        en: en.text,
        links,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn grouping() {
        assert_eq!(group_thousands("1234567"), "1,234,567");
        assert_eq!(group_thousands("533"), "533");
        assert_eq!(decimals(1021.2056, 2), "1021.21");
        assert_eq!(decimals(4.5, 2), "4.5");
        assert_eq!(singular("{} penalty cases"), "{} penalty case");
        assert_eq!(singular("{} reduced penalties"), "{} reduced penalty");
        assert_eq!(
            singular("{} of those issues fixed"),
            "{} of those issues fixed"
        );
        assert_eq!(singular("fines of {}"), "fines of {}");
    }
}
