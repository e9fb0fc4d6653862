//! Stage 5 — qualify: the scope (全市, 市本级 …), period (截至11月, 累计 …) and year-on-year
//! change stated with a figure.
//!
//! In: the normalised text, the figure's sentence and its span. Out: [`Qualifiers`]. Scope and
//! period are the nearest such words before the figure in its sentence; the change is a
//! `同比增长/下降 X%` (or `X个百分点`) right after it.

use super::words::words;
use crate::model::Change;
use std::ops::Range;

/// How far back (bytes, ~80 chars) a sentence is read for scope and period words.
const READ_BACK: usize = 240;

/// The qualifiers of one figure.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Qualifiers {
    pub scope: Option<String>,
    pub period: Option<String>,
    pub change: Option<Change>,
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
    let scope = words()
        .qualify
        .scope
        .find_iter(before)
        .last()
        .map(|m| m.as_str().to_string());
    // the nearest specific period; `累计`/`目前` only when nothing more specific is said
    // (the last match, and the last that is not vague, kept as the matches come)
    let (mut last, mut specific) = (None, None);
    for m in words().qualify.period.find_iter(before) {
        let p = m.as_str();
        if !words().vague_periods.iter().any(|w| w == p) {
            specific = Some(p);
        }
        last = Some(p);
    }
    let period = specific.or(last).map(str::to_string);
    let after = text.get(fig.end..sentence.end.max(fig.end)).unwrap_or("");
    // look past the figure's own clause only up to the next figure-free stretch
    // (most figures state no change: `is_match` tells it without the groups' allocation)
    let change = words().qualify.change.is_match(after);
    let change = change
        .then(|| words().qualify.change.captures(after))
        .flatten();
    let change = change.as_ref().and_then(change_of);
    Qualifiers {
        scope,
        period,
        change,
    }
}

/// The change a match of the change pattern states: its value (negative when its direction is
/// a word of `down`), a percentage or percentage points by its unit.
fn change_of(c: &regex::Captures) -> Option<Change> {
    let v: f64 = c.name("v")?.as_str().parse().ok()?;
    let down = words()
        .down
        .iter()
        .any(|w| w == c.name("dir").map_or("", |m| m.as_str()));
    let v = if down { -v } else { v };
    Some(if c.name("u")?.as_str() == "%" {
        Change::Pct(v)
    } else {
        Change::Points(v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The period and change as first written: every period match collected, the last specific
    /// one taken (else the last); the change's groups captured at once.
    fn simple(before: &str, after: &str) -> (Option<String>, Option<Change>) {
        let periods: Vec<&str> = words()
            .qualify
            .period
            .find_iter(before)
            .map(|m| m.as_str())
            .collect();
        let period = periods
            .iter()
            .rev()
            .find(|p| !words().vague_periods.iter().any(|w| w.as_str() == **p))
            .or(periods.last())
            .map(|p| p.to_string());
        let change = words()
            .qualify
            .change
            .captures(after)
            .as_ref()
            .and_then(change_of);
        (period, change)
    }

    /// `qualify` reads the period and change the simple way does: no period, vague ones only,
    /// vague after specific and specific after vague, a change and none, one beyond a clause.
    #[test]
    fn period_and_change_are_the_simple_reading() {
        let befores = [
            "",
            "目前",
            "累计,目前",
            "截至9月底,累计",
            "累计办结,截至10月",
            "2020年以来,今年,累计",
            "自机构改革以来,目前",
            "全年",
        ];
        let afters = [
            "",
            "。",
            ",同比减少2.5%",
            ",较上年提高0.8个百分点",
            "(比去年同期增加了约12%)",
            ",其中,同比增长3%",
            "件,同比持平",
        ];
        let mut seen = (0, 0);
        for b in befores {
            for a in afters {
                let t = format!("{b}共9件{a}");
                let fig = b.len()..b.len() + "共9件".len();
                let q = qualify(&t, &(0..t.len()), &fig);
                let want = simple(b, a);
                seen.0 += usize::from(want.0.is_some());
                seen.1 += usize::from(want.1.is_some());
                assert_eq!((q.period, q.change), want, "{t:?}");
            }
        }
        assert!(seen.0 > 20 && seen.1 > 10, "{seen:?}");
    }
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
