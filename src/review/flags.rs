//! Consistency flags (REVIEW.md §4): numbers of one report that do not add up. Precision over
//! recall: a flag is raised only when the arithmetic is unambiguous; every rule skips a sentence
//! whose words (`data/flags.toml`) leave room for another reading.

use super::rules::{char_span, fact_of, flag, rules, subject};
pub use super::rules::{messages, Messages};
use crate::data::catalog::Catalog;
use crate::doc::Doc;
use crate::format::number;
use crate::model::{Flag, LastYear, Report, Review, Span};
use crate::numbers::quantities::{Kind, Quantity};
use crate::re::Regex;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// What the flag rules find: the flags and the stated last-year values.
pub struct Found {
    /// The flags raised.
    pub flags: Vec<Flag>,
    /// Last-year values stated beside this year's.
    pub last_year: Vec<LastYear>,
}

/// All flags of one report (but `stated_vs_derived`, see [`super::derived`]).
pub fn flags(
    doc: &Doc,
    quantities: &[Quantity],
    report: &Report,
    review: &Review,
    cat: &Catalog,
) -> Found {
    let mut out = Vec::new();
    rate_over_100(report, cat, &mut out);
    let per_sentence = by_sentence(doc, quantities);
    parts_exceed_total(doc, report, &per_sentence, &mut out);
    conflicting_values(doc, quantities, report, &mut out);
    let last_year = super::changes::changes(doc, report, &per_sentence, &mut out);
    year_mismatch(report, review, &mut out);
    Found {
        flags: out,
        last_year,
    }
}

/// For each sentence (byte range of `doc.body`), the quantities inside it.
fn by_sentence<'q>(doc: &Doc, qs: &'q [Quantity]) -> Vec<(Range<usize>, &'q [Quantity])> {
    let mut out = Vec::new();
    let mut i = 0;
    for s in &doc.segs.sentences {
        while i < qs.len() && qs[i].span.start < s.start {
            i += 1;
        }
        let j = i + qs[i..].iter().take_while(|q| q.span.end <= s.end).count();
        if j > i {
            out.push((s.clone(), &qs[i..j]));
        }
        i = j;
    }
    out
}

fn rate_over_100(report: &Report, cat: &Catalog, out: &mut Vec<Flag>) {
    for f in &report.metrics {
        // (the catalog searched only for a percentage over 100)
        let rate = || {
            cat.metrics
                .iter()
                .any(|m| m.id == f.id && m.kind == crate::data::catalog::MetricKind::Rate)
        };
        if f.unit == "%" && f.value > 100.0 && rate() {
            let pairs = [("metric", f.label.clone()), ("value", number(f.value))];
            out.push(flag(
                "rate_over_100",
                "rate_over_100",
                &pairs,
                vec![f.id.clone()],
                f.evidence.iter().take(1).copied().collect(),
            ));
        }
    }
}

/// `共办理120件,其中A 80件、B 50件`: the parts after `其中`, in the total's unit, sum to more.
fn parts_exceed_total(
    doc: &Doc,
    report: &Report,
    sents: &[(Range<usize>, &[Quantity])],
    out: &mut Vec<Flag>,
) {
    let r = rules();
    for (s, qs) in sents {
        let text = doc.body.get(s.clone()).unwrap_or("");
        let Some(p) = r.parts_marker.find(text.as_bytes()) else {
            continue;
        };
        if r.parts_veto.is_match(text) {
            continue;
        }
        let marker = s.start + p;
        // the total: the last quantity before the marker, right before it (a clause end between)
        let Some(ti) = qs.iter().rposition(|q| q.span.end <= marker) else {
            continue;
        };
        let total = &qs[ti];
        let gap = doc.body.get(total.span.end..marker).unwrap_or("x");
        if gap
            .trim_matches(|c: char| c.is_whitespace() || ",;:".contains(c))
            .chars()
            .count()
            > 0
        {
            continue;
        }
        if total.approx.is_some() || !matches!(total.kind, Kind::Count | Kind::Money) {
            continue;
        }
        let parts: Vec<&Quantity> = qs[ti + 1..]
            .iter()
            .filter(|q| q.unit == total.unit)
            .collect();
        if parts.len() < 2 || parts.iter().any(|q| q.approx.is_some() || q.each) {
            continue;
        }
        let sum: f64 = parts.iter().map(|q| q.value).sum();
        if sum <= total.value * 1.005 || sum - total.value < 1.0 {
            continue;
        }
        let fact = fact_of(doc, report, total);
        let name = fact
            .map(|f| f.label.clone())
            .unwrap_or_else(|| subject(doc, total));
        let pairs = [
            ("metric", name),
            ("sum", number(sum)),
            ("total", number(total.value)),
        ];
        let mut ev = vec![char_span(doc, &total.span)];
        ev.extend(parts.iter().map(|q| char_span(doc, &q.span)));
        out.push(flag(
            "parts_exceed_total",
            "parts_exceed_total",
            &pairs,
            fact.map(|f| vec![f.id.clone()]).unwrap_or_default(),
            ev,
        ));
    }
}

/// The `n` CJK chars right before a quantity, when there are that many (read back from it, no
/// further than the first char that is not one).
fn lead(doc: &Doc, q: &Quantity, n: usize) -> Option<String> {
    last_cjk(doc.body.get(..q.span.start)?, n)
}

/// The last `n` chars of `before` when they are all CJK ideographs (U+4E00–U+9FFF).
fn last_cjk(before: &str, n: usize) -> Option<String> {
    let mut from = before.len();
    let mut back = before.char_indices().rev();
    for _ in 0..n {
        let (i, c) = back.next()?;
        if !('\u{4E00}'..='\u{9FFF}').contains(&c) {
            return None;
        }
        from = i;
    }
    Some(before[from..].to_string())
}

/// (metric, scope, period, unit, the words before the number).
type ConflictKey = (String, Option<String>, Option<String>, String, String);

/// One metric stated twice with different values for the same scope and period, in the same words.
fn conflicting_values(doc: &Doc, qs: &[Quantity], report: &Report, out: &mut Vec<Flag>) {
    let r = rules();
    // (metric, scope, period, unit, lead) → [(value, span)]
    let mut seen: HashMap<ConflictKey, Vec<(f64, Span, usize)>> = HashMap::default();
    let mut keys = Vec::new();
    for f in &report.metrics {
        if f.approx.is_some() {
            continue;
        }
        for ev in &f.evidence {
            let (bs, be) = (doc.index.byte_at(ev[0]), doc.index.byte_at(ev[1]));
            let i = qs.partition_point(|q| q.span.start < bs);
            for q in qs[i..].iter().take_while(|q| q.span.end <= be) {
                if (q.value - f.value).abs() > 1e-9 * f.value.abs().max(1.0)
                    || q.approx.is_some()
                    || q.each
                {
                    continue;
                }
                let Some(si) = doc.segs.sentence_of(q.span.start) else {
                    continue;
                };
                // the clause names what it counts by words alone (no other figure before this one)
                let Some(ci) = doc.segs.clause_of(q.span.start) else {
                    continue;
                };
                let before = doc
                    .body
                    .get(doc.segs.clauses[ci].start..q.span.start)
                    .unwrap_or("0");
                let cstart = doc.segs.clauses[ci].start;
                let first = qs.partition_point(|o| o.span.start < cstart);
                if before.contains(|c: char| c.is_ascii_digit())
                    || qs.get(first).is_some_and(|o| o.span.end <= q.span.start)
                {
                    continue;
                }
                // (the words before read, and the sentence searched, only past the cheap tests)
                let Some(l) = lead(doc, q, r.conflict_lead) else {
                    continue;
                };
                let sent = doc.body.get(doc.segs.sentences[si].clone()).unwrap_or("");
                if r.conflict_veto.is_match(sent) {
                    continue;
                }
                let norm =
                    |v: &Option<String>, same: &[String]| v.clone().filter(|x| !same.contains(x));
                let key = (
                    f.id.clone(),
                    norm(&f.scope, &r.own_scope),
                    norm(&f.period, &r.whole_year),
                    q.unit.clone(),
                    l,
                );
                let v = seen.entry(key.clone()).or_default();
                if v.is_empty() {
                    keys.push(key);
                }
                v.push((q.value, char_span(doc, &q.span), si));
            }
        }
    }
    for key in keys {
        let v = &seen[&key];
        let mut values: Vec<f64> = v.iter().map(|x| x.0).collect();
        values.sort_by(f64::total_cmp);
        values.dedup();
        // two values, stated in different sentences
        let mut sents: Vec<usize> = v.iter().map(|x| x.2).collect();
        sents.sort_unstable();
        sents.dedup();
        // two values in one sentence are a total and its part, not a conflict (one pass)
        let mut in_sentence: HashMap<usize, f64> = HashMap::default();
        let mixed = v
            .iter()
            .any(|a| *in_sentence.entry(a.2).or_insert(a.0) != a.0);
        if values.len() < 2 || sents.len() < 2 || mixed {
            continue;
        }
        let label = report
            .metrics
            .iter()
            .find(|f| f.id == key.0)
            .map(|f| f.label.clone())
            .unwrap_or_default();
        let list = values
            .iter()
            .map(|x| format!("{}{}", number(*x), key.3))
            .collect::<Vec<_>>()
            .join(", ");
        let pairs = [("metric", label), ("values", list)];
        out.push(flag(
            "conflicting_values",
            "conflicting_values",
            &pairs,
            vec![key.0.clone()],
            v.iter().map(|x| x.1).collect(),
        ));
    }
}

fn single_year(r: &Regex, s: &str) -> Option<i32> {
    let mut years: Vec<i32> = r
        .captures_iter(s)
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
        .collect();
    years.dedup();
    (years.len() == 1).then(|| years[0])
}

/// The title's year against the years of the measures and plans headings and the published date.
fn year_mismatch(report: &Report, review: &Review, out: &mut Vec<Flag>) {
    let r = rules();
    let Some(title) = &report.meta.title else {
        return;
    };
    let Some(t) = single_year(&r.year, title) else {
        return;
    };
    for (part, expect) in [("measures", t), ("plans", t + 1)] {
        let Some(p) = review
            .parts
            .iter()
            .find(|p| p.id == part && p.status == "section")
        else {
            continue;
        };
        let (Some(h), Some(at)) = (&p.heading, p.at) else {
            continue;
        };
        if let Some(y) = single_year(&r.year, h) {
            if y != expect {
                let pairs = [
                    ("title", t.to_string()),
                    ("heading", h.clone()),
                    ("year", y.to_string()),
                ];
                let n = h.chars().count();
                out.push(flag(
                    "year_mismatch",
                    "year_mismatch_heading",
                    &pairs,
                    vec![],
                    vec![[at, at + n]],
                ));
            }
        }
    }
    if let Some(p) = &report.meta.published {
        if let Some((py, _, _)) = super::timeliness::parse_date(p) {
            if py < t as i64 {
                let pairs = [("title", t.to_string()), ("published", p.clone())];
                out.push(flag(
                    "year_mismatch",
                    "year_mismatch_published",
                    &pairs,
                    vec![],
                    vec![],
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// `last_cjk` is the collected reading: the last n chars, all CJK, in order.
    #[test]
    fn last_cjk_is_the_collected_reading() {
        let simple = |before: &str, n: usize| -> Option<String> {
            let cs: Vec<char> = before.chars().rev().take(n).collect();
            (cs.len() == n && cs.iter().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)))
                .then(|| cs.iter().rev().collect())
        };
        for s in [
            "",
            "案件",
            "共办理案件",
            "a案件",
            "案a件",
            "é\u{1F600}办理",
            "。办理行政",
        ] {
            for n in 0..8 {
                assert_eq!(super::last_cjk(s, n), simple(s, n), "{s:?} {n}");
            }
        }
    }
}
