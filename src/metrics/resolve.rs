//! Stage 6 — resolve: candidates → one [`Fact`] per (metric, value) with all its evidence and
//! exactly one primary per metric; every quantity no metric took → a [`Figure`].
//!
//! The primary is the figure an analyst would put in a summary table: the whole year (or the
//! latest cut-off), the whole jurisdiction, not a campaign. It is chosen by a score over
//! general signals: a `其中` part, a per-item `各N次`, a weak trigger, a figure in the problems
//! section or for "every year", a period that starts before the report year, a campaign word in
//! the sentence lower it; a cumulative / whole-year / whole-jurisdiction word raises it; the
//! first statement and the larger value break ties.

use crate::data::catalog::{Catalog, PrimaryWeights};
use crate::doc::Doc;
use crate::metrics::classify::Candidate;
use crate::metrics::qualify::{qualify, Qualifiers};
use crate::metrics::words::words;
use crate::model::{Fact, Figure, Span};
use crate::numbers::quantities::{Kind, Quantity};
use crate::text::layout::SectionKind;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// One mention of a fact, before merging.
struct Mention {
    metric: usize,
    value: f64,
    span: Range<usize>,
    q: Option<usize>,
    weak: bool,
    part: bool,
    loose: bool,
    quals: Qualifiers,
    sentence: Range<usize>,
}

fn sentence_of(doc: &Doc, b: usize) -> Range<usize> {
    doc.segs
        .sentence_of(b)
        .map(|s| doc.segs.sentences[s].clone())
        .unwrap_or(b..b)
}

/// Build the facts and the figures.
pub fn resolve(
    doc: &Doc,
    cat: &Catalog,
    qs: &[Quantity],
    cands: Vec<Candidate>,
) -> (Vec<Fact>, Vec<Figure>) {
    let (mentions, used) = mentions(doc, cat, qs, &cands);
    let (facts, metric_of) = merge(doc, cat, qs, &mentions);
    let facts = choose_primary(cat, facts, &metric_of);
    let figures = qs
        .iter()
        .enumerate()
        .filter(|(i, _)| !used[*i])
        .map(|(i, q)| Figure {
            value: q.value,
            unit: q.unit.clone(),
            subject: subject(doc, qs, i),
            approx: q.approx,
            evidence: vec![doc.index.span(&q.span)],
        })
        .collect();
    (facts, figures)
}

/// Every statement of a metric's value (the candidates and the catalog's explicit zeros) with
/// its qualifiers, in text order; and which quantities they used.
fn mentions(
    doc: &Doc,
    cat: &Catalog,
    qs: &[Quantity],
    cands: &[Candidate],
) -> (Vec<Mention>, Vec<bool>) {
    let text = &doc.body;
    let mut used = vec![false; qs.len()];
    let mut mentions: Vec<Mention> = Vec::new();
    for c in cands {
        used[c.q] = true;
        let q = &qs[c.q];
        let sentence = sentence_of(doc, q.span.start);
        let quals = qualify(text, &sentence, &q.span);
        mentions.push(Mention {
            metric: c.metric,
            value: c.value.unwrap_or(q.value),
            span: c.span.clone(),
            q: Some(c.q),
            weak: c.weak,
            part: c.part,
            loose: c.loose,
            quals,
            sentence,
        });
    }
    for (m, span) in crate::metrics::classify::zeros(doc, cat) {
        let sentence = sentence_of(doc, span.start);
        let quals = qualify(text, &sentence, &span);
        mentions.push(Mention {
            metric: m,
            value: 0.0,
            span,
            q: None,
            weak: false,
            part: false,
            loose: false,
            quals,
            sentence,
        });
    }
    mentions.sort_by_key(|m| m.span.start);

    (mentions, used)
}

/// Merge the mentions of the same (metric, value) into one fact each, with its primary score;
/// and the [`FirstOfId`] metric of each fact.
fn merge(
    doc: &Doc,
    cat: &Catalog,
    qs: &[Quantity],
    mentions: &[Mention],
) -> (Vec<(Fact, f64)>, Vec<usize>) {
    let mut first = FirstOfId::new(cat);
    let mut metric_of = Vec::new();
    let secs = doc.sections();
    let in_problems = |b: usize| {
        secs.iter()
            .any(|(k, r)| *k == SectionKind::Problems && r.contains(&b))
    };
    // merge mentions of the same (metric, value)
    let mut facts: Vec<(Fact, f64)> = Vec::new();
    let mut order: Vec<(usize, f64)> = Vec::new();
    // (metric, value in thousandths) → index in `facts`: merging stays linear in the mentions
    let mut index: HashMap<(usize, i64), usize> = HashMap::default();
    for mn in mentions {
        let metric = &cat.metrics[mn.metric];
        let q = mn.q.map(|i| &qs[i]);
        let span: Span = doc.index.span(&mn.span);
        let score = primary_score(doc, mn, q, &in_problems, &cat.primary);
        let key = value_key(mn.value);
        let same = [key, key.saturating_sub(1), key.saturating_add(1)]
            .iter()
            .filter_map(|k| index.get(&(mn.metric, *k)).copied())
            .find(|&i| same_value(facts[i].0.value, mn.value));
        if let Some((f, s)) = same.map(|i| &mut facts[i]) {
            // mentions come sorted by position, so a repeated span is the last one pushed
            if f.evidence.last() != Some(&span) {
                f.evidence.push(span);
            }
            *s = s.max(score);
            if f.change.is_none() {
                f.change = mn.quals.change;
            }
            // one close statement of the value is enough
            f.loose &= mn.loose;
            continue;
        }
        order.push((mn.metric, mn.value));
        index.entry((mn.metric, key)).or_insert(facts.len());
        metric_of.push(first.get(mn.metric));
        facts.push((
            Fact {
                id: metric.id.clone(),
                label: metric.label.clone(),
                label_en: metric.label_en.clone(),
                group: metric.group.clone(),
                value: mn.value,
                unit: metric.unit.clone(),
                primary: false,
                raw: doc.original_chars(span).to_string(),
                approx: q.and_then(|q| q.approx),
                scope: mn.quals.scope.clone(),
                period: mn.quals.period.clone(),
                change: mn.quals.change,
                evidence: vec![span],
                loose: mn.loose,
                weak: false,
            },
            score,
        ));
    }
    (facts, metric_of)
}

/// For each metric of the catalog, the first metric of its id (itself, unless an earlier one has
/// the same id): where `position(|m| m.id == id)` finds its id. Looked up on a metric's first
/// use only: a report names a few of the catalog's metrics (a map of all of them, built per
/// report, cost a short text more than it saved).
struct FirstOfId<'c> {
    cat: &'c Catalog,
    /// `usize::MAX`: not looked up yet.
    memo: Vec<usize>,
}

impl<'c> FirstOfId<'c> {
    fn new(cat: &'c Catalog) -> Self {
        FirstOfId {
            cat,
            memo: vec![usize::MAX; cat.metrics.len()],
        }
    }

    /// Metric `m`'s first metric of its id.
    fn get(&mut self, m: usize) -> usize {
        if self.memo[m] == usize::MAX {
            let ms = &self.cat.metrics;
            self.memo[m] = ms.iter().position(|o| o.id == ms[m].id).unwrap_or(m);
        }
        self.memo[m]
    }
}

/// One primary per metric (the highest score, the earlier first statement winning a close
/// call), the facts in the catalog's order of metrics, then by first mention. `metric_of[i]`
/// is fact i's [`FirstOfId`] metric: facts of one id are those of one such metric.
fn choose_primary(cat: &Catalog, mut facts: Vec<(Fact, f64)>, metric_of: &[usize]) -> Vec<Fact> {
    // the earlier first statement wins a close call: -0.5 per fact of the same id stated before;
    // one primary per id: the highest score, the first stated on a tie (one pass)
    let mut stated = vec![0usize; cat.metrics.len()];
    let mut best: Vec<Option<usize>> = vec![None; cat.metrics.len()];
    for (i, &m) in metric_of.iter().enumerate() {
        facts[i].1 += cat.primary.later * stated[m] as f64;
        stated[m] += 1;
        match best[m] {
            Some(b) if facts[i].1 > facts[b].1 => best[m] = Some(i),
            Some(_) => {}
            None => best[m] = Some(i),
        }
    }
    for i in best.into_iter().flatten() {
        facts[i].0.primary = true;
    }
    // order the facts as the catalog orders the metrics, then by first mention (stable)
    let mut facts: Vec<(usize, Fact)> = metric_of
        .iter()
        .copied()
        .zip(facts.into_iter().map(|(f, _)| f))
        .collect();
    facts.sort_by_key(|(m, f)| (*m, f.evidence[0][0]));
    facts.into_iter().map(|(_, f)| f).collect()
}

/// A value rounded to thousandths, the key under which facts of one metric are merged.
fn value_key(v: f64) -> i64 {
    (v * 1000.0).round().clamp(i64::MIN as f64, i64::MAX as f64) as i64
}

fn same_value(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

fn primary_score(
    doc: &Doc,
    mn: &Mention,
    q: Option<&Quantity>,
    in_problems: &dyn Fn(usize) -> bool,
    w: &PrimaryWeights,
) -> f64 {
    let text = &doc.body;
    // a bounded read around the figure: its sentence, at most ~80 chars before it
    let mut from = mn
        .sentence
        .start
        .min(mn.span.start)
        .max(mn.span.start.saturating_sub(240));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = mn
        .sentence
        .end
        .max(mn.span.end)
        .min(mn.span.end + 240)
        .min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let stext = text.get(from..to).unwrap_or("");
    let before = text.get(from..mn.span.start).unwrap_or("");
    let flags = [
        (mn.part, w.part),
        (q.is_some_and(|q| q.each), w.each),
        (mn.weak, w.weak),
        (in_problems(mn.span.start), w.problems),
        (
            words().resolve.since_before.is_match(before),
            w.since_before,
        ),
        (words().resolve.campaign.is_match(stext), w.campaign),
        (words().resolve.whole.is_match(before), w.whole),
        (
            mn.quals
                .scope
                .as_deref()
                .is_some_and(|x| x.ends_with("本级")),
            w.own_level,
        ),
        (words().resolve.this_year.is_match(before), w.this_year),
    ];
    let s: f64 = flags.iter().filter(|(on, _)| *on).map(|(_, wt)| wt).sum();
    // ties: the larger value, the earlier statement (see `later`)
    s + w.value_log * (mn.value.abs() + 1.0).log10()
}

/// `s` without its white space: its runs of other chars joined (`chars().filter(..).collect()`
/// copied a run at a time); `s` itself, not copied, when it holds none.
fn without_spaces(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(char::is_whitespace) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    for run in s.split(char::is_whitespace) {
        out.push_str(run);
    }
    out.into()
}

/// A short phrase naming what a figure counts: the words before it in its clause (or after it).
fn subject(doc: &Doc, qs: &[Quantity], i: usize) -> String {
    let text = &doc.body;
    let q = &qs[i];
    let clause = doc
        .segs
        .clause_of(q.span.start)
        .map(|c| doc.segs.clauses[c].clone())
        .unwrap_or(q.span.clone());
    let mut start = clause.start;
    if i > 0 && qs[i - 1].span.end > start && qs[i - 1].span.end <= q.span.start {
        start = qs[i - 1].span.end;
    }
    // the last 14 chars before the figure that are no spaces (read back from the figure)
    let left = text.get(start..q.span.start).unwrap_or("");
    let word = |c: &char| !c.is_whitespace() && *c != '\u{3000}';
    let from = left
        .char_indices()
        .rev()
        .filter(|(_, c)| word(c))
        .take(14)
        .last()
        .map_or(left.len(), |(i, _)| i);
    let piece = without_spaces(&left[from..]);
    let trimmed = piece.trim_matches(|c: char| {
        matches!(
            c,
            '"' | '(' | ')' | ',' | '、' | ':' | '共' | '为' | '达' | '约' | '近' | '了'
        )
    });
    if trimmed.chars().nth(1).is_some() {
        return trimmed.to_string();
    }
    let end = if let Some(n) = qs.get(i + 1) {
        clause.end.min(n.span.start).max(q.span.end)
    } else {
        clause.end.max(q.span.end)
    };
    let right: String = text
        .get(q.span.end..end)
        .unwrap_or("")
        .chars()
        .filter(|c| !matches!(c, ',' | '。' | ';' | '、'))
        .take(12)
        .collect();
    if q.kind == Kind::Bare && right.is_empty() {
        return trimmed.to_string();
    }
    right.trim().to_string()
}

#[cfg(test)]
mod tests {
    /// `FirstOfId` finds each metric's id where `position` finds it, asked in any order.
    #[test]
    fn first_of_id_is_position() {
        let cat = crate::data::catalog::builtin();
        let mut first = super::FirstOfId::new(cat);
        for (i, m) in cat.metrics.iter().enumerate().rev() {
            assert_eq!(
                Some(first.get(i)),
                cat.metrics.iter().position(|o| o.id == m.id)
            );
        }
    }

    /// `without_spaces` keeps the chars `char::is_whitespace` rejects, as the filtered collect.
    #[test]
    fn without_spaces_is_the_filtered_collect() {
        for s in [
            "",
            " ",
            "\u{3000}\u{3000}",
            "全年 共办理\u{3000}案件",
            "a\tb\nc\u{a0}d\u{2003}e\u{85}",
            "  首尾 ",
            "无空白",
        ] {
            let want: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(*super::without_spaces(s), *want, "{s:?}");
        }
    }
}
