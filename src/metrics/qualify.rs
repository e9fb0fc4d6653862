//! Stage 5 — qualify: the scope (全市, 市本级 …), period (截至11月, 累计 …) and year-on-year
//! change stated with a figure.
//!
//! In: the normalised text, the figure's sentence and its span. Out: [`Qualifiers`]. Scope and
//! period are the nearest such words before the figure in its sentence; the change is a
//! `同比增长/下降 X%` (or `X个百分点`) right after it.

use crate::model::Change;
use crate::re::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// How far back (bytes, ~80 chars) a sentence is read for scope and period words.
const READ_BACK: usize = 240;

/// The qualifiers of one figure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Qualifiers {
    pub scope: Option<String>,
    pub period: Option<String>,
    pub change: Option<Change>,
}

fn scope_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new("全市(生态环境|市场监管|交通运输|水利|应急管理|城管|司法行政)?系统|全省(生态环境)?系统|全系统|全领域|市本级|区本级|县本级|省本级|全市|全区|全县|全省|全旗|全州|全盟|全局|本局|我局|本部门|机关本级").expect("static")
    })
}

fn period_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new("(截至|截止|截止到|截至到)(20[0-9]{2}年)?([0-9]{1,2}月(份|底|末)?([0-9]{1,2}日)?|目前|年底|年末|当前)|(20[0-9]{2}年)?(1-[0-9]{1,2}月|[0-9]{1,2}月以来)|20[0-9]{2}年(全年|度|以来|上半年|下半年)?|今年以来|今年|全年|年内|本年度|年度内|累计|目前|自[^,;。]{1,14}以来|每年").expect("static")
    })
}

fn change_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new("^[,、(]?[^,;。]{0,4}?(同比|较上年|较去年|比上年|比去年|较2[0-9]{3}年)(同期)?[^,;。]{0,16}?(?P<dir>增长|增加|上升|提高|提升|下降|减少|降低|回落)(了)?(约|近)?(?P<v>[0-9]+(\\.[0-9]+)?)(?P<u>%|个百分点)").expect("static")
    })
}

/// The qualifiers of the figure at `fig` inside `sentence` (both byte ranges of `text`).
pub fn qualify(text: &str, sentence: &Range<usize>, fig: &Range<usize>) -> Qualifiers {
    // qualifiers stand within a few phrases of the figure: read at most READ_BACK bytes
    let mut start = sentence
        .start
        .min(fig.start)
        .max(fig.start.saturating_sub(READ_BACK));
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before = text.get(start..fig.start).unwrap_or("");
    let scope = scope_re()
        .find_iter(before)
        .last()
        .map(|m| m.as_str().to_string());
    // the nearest specific period; `累计`/`目前` only when nothing more specific is said
    let periods: Vec<&str> = period_re().find_iter(before).map(|m| m.as_str()).collect();
    let period = periods
        .iter()
        .rev()
        .find(|p| !matches!(**p, "累计" | "目前"))
        .or(periods.last())
        .map(|p| p.to_string());
    let after = text.get(fig.end..sentence.end.max(fig.end)).unwrap_or("");
    // look past the figure's own clause only up to the next figure-free stretch
    let change = change_re().captures(after).and_then(|c| {
        let v: f64 = c.name("v")?.as_str().parse().ok()?;
        let down = matches!(c.name("dir")?.as_str(), "下降" | "减少" | "降低" | "回落");
        let v = if down { -v } else { v };
        Some(if c.name("u")?.as_str() == "%" {
            Change::Pct(v)
        } else {
            Change::Points(v)
        })
    });
    Qualifiers {
        scope,
        period,
        change,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn qualifiers() {
        let t = "截至11月,全市共办理处罚案件146件,同比下降16.2%。";
        let fig = t.find("146").unwrap()..t.find("件,").unwrap() + 3;
        let q = qualify(t, &(0..t.len()), &fig);
        assert_eq!(q.scope.as_deref(), Some("全市"));
        assert_eq!(q.period.as_deref(), Some("截至11月"));
        assert_eq!(q.change, Some(Change::Pct(-16.2)));
        let t = "优良率为93.4%,同比上升3.5个百分点。";
        let fig = t.find("93").unwrap()..t.find("%").unwrap() + 1;
        assert_eq!(
            qualify(t, &(0..t.len()), &fig).change,
            Some(Change::Points(3.5))
        );
    }
}
