//! The metric whose words stand nearest a figure: triggers before it, `after` words behind it,
//! context in its sentence or headings, a narrower metric named earlier in the clause.

use super::around::{heading_text, Around};
use super::MAX_DIST;
use crate::data::catalog::{Catalog, MetricKind};
use crate::doc::Doc;
use crate::numbers::quantities::{Kind, Quantity};
use crate::re::Short;
use std::ops::Range;

/// Whether metric `m` takes `q`: its kind, and its unit when the metric lists units.
pub(super) fn unit_ok(cat: &Catalog, m: usize, q: &Quantity) -> bool {
    let metric = &cat.metrics[m];
    kind_ok(cat, m, q) && (metric.units.is_empty() || metric.units.contains(&q.unit))
}

/// Whether metric `m`'s kind is `q`'s (all [`unit_ok`] asks of the metrics that list `q`'s unit
/// or list none, the only ones [`best_metric`] reads).
fn kind_ok(cat: &Catalog, m: usize, q: &Quantity) -> bool {
    match cat.metrics[m].kind {
        MetricKind::Count => q.kind == Kind::Count,
        MetricKind::Money => q.kind == Kind::Money,
        MetricKind::Rate => q.kind == Kind::Percent,
        MetricKind::Concentration => q.kind == Kind::Concentration,
    }
}

/// The metric that narrows `m` (its `refines`) and whose triggers match `words`, if any.
pub(super) fn narrower(cat: &Catalog, m: usize, words: &str, q: &Quantity) -> Option<usize> {
    let id = &cat.metrics[m].id;
    cat.metrics.iter().enumerate().find_map(|(r, metric)| {
        let mx = &cat.matchers[r];
        (metric.refines.as_deref() == Some(id.as_str())
            && unit_ok(cat, r, q)
            && mx.triggers.iter().any(|t| t.is_match(words))
            && !mx.exclude.as_ref().is_some_and(|x| x.is_match(words)))
        .then_some(r)
    })
}

/// The best metric for one quantity given its left words and its right words and sentence (`a`;
/// the sentence starts at `a.full_start` when read across a `;`). Only the patterns the
/// catalog's prefilters say may match (marked in `h`, refilled here) are searched: the others
/// surely do not match. A metric's context is read in the sentence (also before a `;`) up to
/// the end of the figure's clause, not in a later clause (`办结率100%,零投诉`), or in the heading.
pub(super) fn best_metric(
    doc: &Doc,
    cat: &Catalog,
    h: &mut Hits,
    q: &Quantity,
    left: Range<usize>,
    a: &Around,
) -> Option<(usize, Range<usize>, bool)> {
    let (right, sentence) = (&a.right, &a.sentence);
    let text = &doc.body;
    let ltext = text.get(left.clone()).unwrap_or("");
    let rtext = text.get(right.clone()).unwrap_or("");
    let s_end = right.end.max(q.span.end).min(sentence.end);
    let stext = text
        .get(a.full_start.min(sentence.start)..s_end)
        .unwrap_or("");
    let mut best: Option<(i64, usize, Range<usize>, bool)> = None;
    let listed = cat.by_unit.get(&q.unit).map(Vec::as_slice).unwrap_or(&[]);
    if listed.is_empty() && cat.any_unit.is_empty() {
        return None;
    }
    // (no metric takes this unit: nothing to search for)
    if !listed
        .iter()
        .chain(cat.any_unit.iter())
        .any(|&m| kind_ok(cat, m, q))
    {
        return None;
    }
    h.fill(cat, ltext, rtext);
    for &m in listed.iter().chain(cat.any_unit.iter()) {
        let mx = &cat.matchers[m];
        if !h.named[m] || !kind_ok(cat, m, q) {
            continue;
        }
        let prio = cat.metrics[m].priority as i64 * 10;
        // (score, span, weak) of this metric's nearest trigger
        let mut mine: Option<(i64, Range<usize>, bool)> = None;
        let consider = |mine: &mut Option<_>, dist_chars: usize, span, weak| {
            let score = prio - dist_chars.min(40) as i64 - if weak { 5 } else { 0 };
            if mine.as_ref().is_none_or(|b: &(i64, _, _)| score > b.0) {
                *mine = Some((score, span, weak));
            }
        };
        // (a trigger scores at most `prio`, a weak one `prio - 5`, an `after` `prio - 2`)
        let settled = |mine: &Option<_>, top| settled(mine, &best, top);
        for (list, base, weak) in [
            (&mx.triggers, cat.trigger_base[m], false),
            (&mx.weak, cat.weak_base[m], true),
        ] {
            for (k, r) in list.iter().enumerate() {
                if !h.left[base + k] || settled(&mine, prio - if weak { 5 } else { 0 }) {
                    continue;
                }
                // the match nearest the figure
                if let Some(mt) = r.find_iter(ltext).last() {
                    let dist = chars_outside_brackets(&ltext[mt.end()..]);
                    if dist <= MAX_DIST {
                        consider(&mut mine, dist, left.start + mt.start()..q.span.end, weak);
                    }
                }
            }
        }
        for (k, r) in mx.after.iter().enumerate() {
            if !h.right[cat.after_base[m] + k] || settled(&mine, prio - 2) {
                continue;
            }
            if let Some(mt) = r.find(rtext) {
                consider(
                    &mut mine,
                    2 * after_distance(r, rtext, mt.start()) + 2,
                    q.span.start..right.start + mt.end(),
                    false,
                );
            }
        }
        let Some((score, span, weak)) = mine else {
            continue;
        };
        if best.as_ref().is_some_and(|b| b.0 >= score) {
            continue;
        }
        if mx.exclude.as_ref().is_some_and(|r| r.is_match(ltext))
            || mx.exclude_after.as_ref().is_some_and(|r| r.is_match(rtext))
        {
            continue;
        }
        if let Some(ctx) = &mx.context {
            if !ctx.is_match(stext)
                && !heading_text(doc, q.span.start)
                    .iter()
                    .any(|h| ctx.is_match(h))
            {
                continue;
            }
        }
        best = Some((score, m, span, weak));
    }
    best.map(|(_, m, span, weak)| (m, span, weak))
}

/// Whether a pattern that scores at most `top` cannot change the outcome, this metric's best
/// (`mine`) or the best so far scoring `top` already: then it is not searched.
fn settled<T, U>(
    mine: &Option<(i64, T, bool)>,
    best: &Option<(i64, U, T, bool)>,
    top: i64,
) -> bool {
    mine.as_ref().is_some_and(|b| b.0 >= top) || best.as_ref().is_some_and(|b| b.0 >= top)
}

/// How many chars of `s` stand outside brackets: an aside that lists items
/// (`活动(进社区、进学校…),共开展171次`) does not set a trigger further from its figure.
fn chars_outside_brackets(s: &str) -> usize {
    // (`inside`: the chars of a bracket not closed yet; they count when it never closes)
    let (mut n, mut depth, mut inside) = (0usize, 0usize, 0usize);
    for c in s.chars() {
        match c {
            '(' => {
                depth += 1;
                inside += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    inside = 0;
                }
            }
            _ if depth == 0 => n += 1,
            _ => inside += 1,
        }
    }
    n + inside
}

/// Which of the catalog's trigger (`left`) and `after` (`right`) patterns may match a figure's
/// words, and so which metrics own any (`named`: the others find no words there). One is kept
/// for all the figures of a text and refilled for each (not three new buffers a figure).
#[derive(Default)]
pub(super) struct Hits {
    left: Vec<bool>,
    right: Vec<bool>,
    named: Vec<bool>,
}

impl Hits {
    /// Mark the patterns that may match `ltext` (triggers) and `rtext` (`after`), and no other.
    fn fill(&mut self, cat: &Catalog, ltext: &str, rtext: &str) {
        for (v, n) in [
            (&mut self.left, cat.trigger_owner.len()),
            (&mut self.right, cat.after_owner.len()),
            (&mut self.named, cat.metrics.len()),
        ] {
            v.clear();
            v.resize(n, false);
        }
        cat.trigger_pre.maybe_each(ltext, |k| {
            self.left[k] = true;
            self.named[cat.trigger_owner[k]] = true;
        });
        cat.after_pre.maybe_each(rtext, |k| {
            self.right[k] = true;
            self.named[cat.after_owner[k]] = true;
        });
    }
}

/// How far (chars) after the figure an `after` pattern's words begin: a pattern anchored at the
/// figure (`^[^,;。]{0,10}重大决策`) is tried on ever shorter tails while it still matches, so that
/// the nearer noun (`18件行政规范性文件和重大决策事项` → 规范性文件) wins. At most 32 tries.
/// (A pattern of that shape is walked once, not searched again for each tail.)
pub(super) fn after_distance(r: &Short, rtext: &str, start: usize) -> usize {
    let mut rest = &rtext[start..];
    let mut d = rtext[..start].chars().count();
    if let Some(n) = r.tails_matching(rest, 32) {
        return d + n;
    }
    for _ in 0..32 {
        let Some(c) = rest.chars().next() else { break };
        let next = &rest[c.len_utf8()..];
        if next.is_empty() || !r.is_match(next) {
            break;
        }
        rest = next;
        d += 1;
    }
    d
}

#[cfg(test)]
mod tests {
    use super::chars_outside_brackets;

    /// Closed brackets are skipped; an unclosed one counts in full.
    #[test]
    fn brackets_are_skipped_when_closed() {
        assert_eq!(chars_outside_brackets("活动(进社区、进学校),共开展"), 6);
        assert_eq!(chars_outside_brackets("活动(进社区"), 6);
        assert_eq!(chars_outside_brackets("a(b(c)d)e"), 2);
        assert_eq!(chars_outside_brackets("a)b"), 3);
        assert_eq!(chars_outside_brackets(""), 0);
    }
}
