//! The `change_mismatch` flag: a sentence that states a change (`同比下降16.2%`) together with
//! this year's and last year's figures, where the figures give another change; and the last
//! year's values such sentences name.

use super::rules::{after_delimiter, char_span, fact_of, flag, rules, subject, tail};
use crate::doc::Doc;
use crate::format::number;
use crate::model::{Fact, Flag, LastYear, Report};
use crate::numbers::quantities::{Kind, Quantity};
use std::ops::Range;

/// The words of `q`'s clause before it (up to 300 bytes back, from the last delimiter).
fn clause_before<'d>(doc: &'d Doc, s: &Range<usize>, q: &Quantity) -> &'d str {
    let before = tail(doc.body.get(s.start..q.span.start).unwrap_or(""), 300);
    let start = after_delimiter(before, &[',', ';', '。', ':']);
    &before[start..]
}

/// The last `n` chars of `s` (all of it when shorter).
fn last_chars(s: &str, n: usize) -> &str {
    let from = match n.checked_sub(1) {
        Some(k) => s.char_indices().rev().nth(k).map_or(0, |(i, _)| i),
        None => s.len(),
    };
    &s[from..]
}

/// Whether [`last_and_this`] can find a pair in `qs` at all: a figure of a kind it takes as last
/// year's and another one in the same unit (no pattern searched: a cheap guard).
fn may_pair(qs: &[Quantity]) -> bool {
    qs.iter().any(|l| {
        !matches!(l.kind, Kind::Percent | Kind::Points | Kind::Bare)
            && qs.iter().any(|q| q.unit == l.unit && q.span != l.span)
    })
}

/// A sentence's one last-year figure and its one figure of this year in the same unit.
fn last_and_this<'q>(
    doc: &Doc,
    s: &Range<usize>,
    qs: &'q [Quantity],
) -> Option<(&'q Quantity, &'q Quantity)> {
    let r = rules();
    let last: Vec<&Quantity> = qs
        .iter()
        .filter(|q| {
            !matches!(q.kind, Kind::Percent | Kind::Points | Kind::Bare)
                && r.last_year.is_match(clause_before(doc, s, q))
        })
        .collect();
    if last.len() != 1 {
        return None;
    }
    let l = last[0];
    let this: Vec<&Quantity> = qs
        .iter()
        .filter(|q| q.unit == l.unit && q.span != l.span)
        .collect();
    if this.len() != 1 || this[0].each || l.each || this[0].approx.is_some() || l.approx.is_some() {
        return None;
    }
    Some((l, this[0]))
}

/// The sentence's one stated change: a percentage after a direction word, signed.
fn stated_change<'q>(
    doc: &Doc,
    s: &Range<usize>,
    qs: &'q [Quantity],
) -> Option<(&'q Quantity, f64)> {
    let r = rules();
    let pcts: Vec<(&Quantity, f64)> = qs
        .iter()
        .filter(|q| q.kind == Kind::Percent)
        .filter_map(|q| {
            let tail = last_chars(clause_before(doc, s, q), 8);
            if r.up.is_match(tail) {
                Some((q, q.value))
            } else if r.down.is_match(tail) {
                Some((q, -q.value))
            } else {
                None
            }
        })
        .collect();
    if pcts.len() != 1 || qs.iter().filter(|q| q.kind == Kind::Percent).count() != 1 {
        return None;
    }
    Some(pcts[0])
}

/// The `change_mismatch` flag: this year `v`, last year `l`, the stated change at `pq`.
fn mismatch_flag(
    doc: &Doc,
    fact: Option<&Fact>,
    (v, l, pq): (&Quantity, &Quantity, &Quantity),
    stated: f64,
    computed: f64,
) -> Flag {
    let name = fact
        .map(|f| f.label.clone())
        .unwrap_or_else(|| subject(doc, v));
    let pct = |x: f64| {
        format!(
            "{}{}%",
            if x > 0.0 { "+" } else { "" },
            number((x * 10.0).round() / 10.0)
        )
    };
    let pct_zh = |x: f64| {
        format!(
            "{}{}%",
            if x >= 0.0 { "增长" } else { "下降" },
            number((x.abs() * 10.0).round() / 10.0)
        )
    };
    let pairs = [
        ("metric", name),
        ("current", format!("{}{}", number(v.value), v.unit)),
        ("last", format!("{}{}", number(l.value), l.unit)),
        ("computed", pct(computed)),
        ("stated", pct(stated)),
        ("computed_zh", pct_zh(computed)),
        ("stated_zh", pct_zh(stated)),
    ];
    let ev = vec![
        char_span(doc, &v.span),
        char_span(doc, &l.span),
        char_span(doc, &pq.span),
    ];
    flag(
        "change_mismatch",
        "change_mismatch",
        &pairs,
        fact.map(|f| vec![f.id.clone()]).unwrap_or_default(),
        ev,
    )
}

/// Stated changes with both values in one sentence (`change_mismatch`), and the last-year values.
pub(super) fn changes(
    doc: &Doc,
    report: &Report,
    sents: &[(Range<usize>, &[Quantity])],
    out: &mut Vec<Flag>,
) -> Vec<LastYear> {
    let r = rules();
    let mut last_years = Vec::new();
    for (s, qs) in sents {
        // (pure tests: the cheap one first)
        if !may_pair(qs) {
            continue;
        }
        let text = doc.body.get(s.clone()).unwrap_or("");
        if r.change_veto.is_match(text) {
            continue;
        }
        let Some((l, v)) = last_and_this(doc, s, qs) else {
            continue;
        };
        let fact = fact_of(doc, report, v);
        if let Some(f) = fact {
            last_years.push(LastYear {
                metric: f.id.clone(),
                value: l.value,
                current: v.value,
                evidence: char_span(doc, &l.span),
            });
        }
        let Some((pq, stated)) = stated_change(doc, s, qs) else {
            continue;
        };
        if l.value <= 0.0 {
            continue;
        }
        let computed = (v.value - l.value) / l.value * 100.0;
        if (computed - stated).abs() <= 1.0 && computed.signum() == stated.signum() {
            continue;
        }
        out.push(mismatch_flag(doc, fact, (v, l, pq), stated, computed));
    }
    last_years
}

#[cfg(test)]
mod tests {
    /// `last_chars` is the string of the last n chars, collected.
    #[test]
    fn last_chars_are_the_collected_ones() {
        for s in ["", "a", "同比下降16.2%", "较上年增长é\u{1F600}x"] {
            for n in 0..12 {
                let v: Vec<char> = s.chars().rev().take(n).collect();
                let want: String = v.into_iter().rev().collect();
                assert_eq!(super::last_chars(s, n), want, "{s:?} {n}");
            }
        }
    }
}
