//! Stage 4 — classify: which catalog metric (if any) each quantity is a figure of.
//!
//! In: the [`Doc`], the [`Catalog`], the quantities. Out: [`Candidate`]s, decided from the words
//! before the figure in its clause (back to the previous figure), the words right after it, its
//! unit, its sentence and the section it stands in. No metric is named in this code: the
//! patterns are the catalog's.
//!
//! General rules applied here (METRICS.md "Conventions"):
//! - figures in the plans section, or stated as a target (力争, 目标, 不少于 …), are not facts;
//! - a figure given for last year (`去年`, `上年` just before it) is not a fact;
//! - a `其中` part of the same metric as the total before it is not a fact, unless it names a
//!   jurisdiction (`其中市本级…`);
//! - `A、B、C分别为x、y、z` pairs each value with its label.

mod around;
mod best;
mod lists;
mod totals;
pub(crate) mod words;
mod zeros;

use around::*;
use best::{best_metric, narrower, unit_ok, Hits};
use lists::{respectively_labels, same_kind_of_unit};
pub use zeros::zeros;

use crate::data::catalog::Catalog;
use crate::doc::Doc;
use crate::numbers::quantities::{Kind, Quantity};
use crate::text::layout::SectionKind;
use std::cell::{Cell, RefCell};
use std::ops::Range;
use words::words;

/// A quantity classified as a metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Index into the quantities.
    pub q: usize,
    /// Index into `catalog.metrics`.
    pub metric: usize,
    /// Bytes of the evidence: the trigger words and the figure.
    pub span: Range<usize>,
    /// Classified by a weak trigger (a poor primary).
    pub weak: bool,
    /// A `其中` part (a poor primary).
    pub part: bool,
    /// The value, when it is not the quantity's (explicit zeros).
    pub value: Option<f64>,
    /// A loose match worth checking against the source: a weak trigger, a trigger far from the
    /// figure, or words found only in the phrase before.
    pub loose: bool,
}

/// Chars between a trigger and its figure beyond which the match is loose (worth a check).
pub(super) const LOOSE_CHARS: usize = 16;

/// How far back (bytes) the words before a figure are read.
pub(super) const LEFT_MAX: usize = 90;

/// How far back (bytes) a sentence is read for plan words.
pub(super) const SENTENCE_MAX: usize = 360;

/// A trigger ending further than this (chars) before the figure does not count.
pub(super) const MAX_DIST: usize = 24;

/// How many earlier candidates are read back for a total (keeps one long sentence linear).
pub(super) const LOOK_BACK: usize = 64;

/// Whether `gap`, the words between two figures, makes the second the next item of a list
/// (`、` and a short label, no clause or sentence end).
fn next_list_item(gap: &str) -> bool {
    gap.starts_with('、') && gap.chars().count() <= 12 && !gap.contains([',', ';', '。', '\n'])
}

/// Is byte `b` inside the plans section?
pub(super) fn in_plans(secs: &[(SectionKind, Range<usize>)], b: usize) -> bool {
    secs.iter()
        .any(|(k, r)| *k == SectionKind::Plans && r.contains(&b))
}

/// Classify every quantity; also emit the catalog's explicit zeros.
pub fn classify(doc: &Doc, cat: &Catalog, qs: &[Quantity]) -> Vec<Candidate> {
    let cx = Cx {
        doc,
        cat,
        qs,
        text: &doc.body,
        secs: doc.sections(),
        hits: RefCell::default(),
        reviewed: Cell::new(None),
    };
    let mut out: Vec<Candidate> = Vec::new();
    for i in 0..qs.len() {
        if let Some(c) = cx.candidate(i, &out) {
            // (a count of what was reviewed, whose outcome this figure states, is no fact)
            if let Some(k) = cx.reviewed.take() {
                out.remove(k);
            }
            out.push(c);
        }
    }
    out
}

/// What [`classify`] reads each figure against.
struct Cx<'a> {
    doc: &'a Doc<'a>,
    cat: &'a Catalog,
    qs: &'a [Quantity],
    text: &'a str,
    secs: Vec<(SectionKind, Range<usize>)>,
    /// The patterns that may match a figure's words ([`best_metric`]'s buffers, refilled).
    hits: RefCell<Hits>,
    /// The index in the candidates of a total the last candidate showed to be a count of what
    /// was reviewed ([`Cx::reviewed_total`]).
    reviewed: Cell<Option<usize>>,
}

/// The metric a figure was given, with where its words are and how sure the match is.
struct Found {
    metric: usize,
    span: Range<usize>,
    weak: bool,
    loose: bool,
    /// Where a total this figure may be a part of can start (before a `;` when the clause
    /// opens with `其中`).
    prev_floor: usize,
}

impl Cx<'_> {
    /// The candidate of figure `i`, given the candidates before it; None when it is no fact.
    ///
    /// The tests are pure, so their order only decides the cost: the cheap ones first, then the
    /// metric, then the vetoes that read the words around the figure (most figures name no
    /// metric and never reach them).
    fn candidate(&self, i: usize, out: &[Candidate]) -> Option<Candidate> {
        let a = self.plausible(i)?;
        let (q2, left) = self.as_list_item(i, &a);
        if q2.kind == Kind::Bare {
            return None;
        }
        let f = self.metric_of(i, &a, &q2, left, out)?;
        if self.vetoed(i, &a) {
            return None;
        }
        // an outcome of a reviewed total is no part of it (`清理158件,其中废止21件`)
        let reviewed = self.reviewed_total(i, &a, f.metric, out);
        let part = match reviewed {
            Some(_) => false,
            None => self.part_of_total(i, &a, &f, out)?,
        };
        if self.splits_total_before(i, &a, f.metric, out) {
            return None;
        }
        self.reviewed.set(reviewed);
        let (text, q) = (self.text, &self.qs[i]);
        let (m, span, weak) = (f.metric, f.span, f.weak);
        // a trigger more than 16 chars before the figure is a loose match
        let far = text
            .get(span.start.min(q.span.start)..q.span.start)
            .is_some_and(|t| t.chars().count() > LOOSE_CHARS);
        let loose = f.loose || weak || far;
        Some(Candidate {
            q: i,
            metric: m,
            span,
            weak,
            part,
            value: None,
            loose,
        })
    }

    /// Figure `i`'s surroundings, or None when it is surely no count of a metric: a measure, a
    /// figure in the plans section, an article `一`.
    fn plausible(&self, i: usize) -> Option<Around> {
        let (doc, qs, text) = (self.doc, self.qs, self.text);
        let q = &qs[i];
        if matches!(q.kind, Kind::Measure | Kind::Points) {
            return None;
        }
        if in_plans(&self.secs, q.span.start) {
            return None;
        }
        // `一个`/`一次` is an article more often than a count (`整改一个、销号一个`), unless it
        // ends the phrase (`举办法治讲座一期。`)
        if &text[q.number.clone()] == "一"
            && !(words().units.event.contains(&q.unit) && ends_phrase(text, q.span.end))
        {
            return None;
        }
        Some(around(doc, qs, i))
    }

    /// Whether figure `i` is no count of a metric by the words around it: a count of bodies over
    /// a threshold, a share of its total, a plan, last year's figure, a difference.
    fn vetoed(&self, i: usize, a: &Around) -> bool {
        let (cat, qs, text) = (self.cat, self.qs, self.text);
        let q = &qs[i];
        if words()
            .patterns
            .not_a_count_after
            .is_match(&text[a.right.clone()])
        {
            return true;
        }
        let ltext = &text[a.left.clone()];
        if i > 0
            && matches!(qs[i - 1].unit.as_str(), "个" | "家")
            && qs[i - 1].span.end <= q.span.start
        {
            let since_bodies = &text[clip(text, qs[i - 1].span.end, q.span.start)];
            // (`超过40件` may carry its comparison inside the figure)
            let head = &text[clip(text, q.span.start, q.number.start)];
            let bound = words()
                .words
                .bound
                .iter()
                .any(|w| head.contains(w.as_str()));
            if words().patterns.group_threshold.is_match(since_bodies)
                || bound && words().patterns.group_subject.is_match(since_bodies)
            {
                return true;
            }
        }
        // the words up to the next figure (`…13件,在总量中占38%`), within the sentence
        let upto_next = qs
            .get(i + 1)
            .map_or(a.sentence.end, |n| n.span.start.min(a.sentence.end))
            .max(q.span.end);
        let after_words = &text[clip(text, q.span.end, upto_next.min(q.span.end + 96))];
        // (a narrower metric's share of its general total stays: `双随机检查215家次,占全部执法检查的38.6%`)
        // (read only when the rest holds)
        let narrow_words = || {
            cat.metrics.iter().zip(&cat.matchers).any(|(mt, mx)| {
                mt.refines.is_some() && mx.triggers.iter().any(|t| t.is_match(ltext))
            })
        };
        if qs
            .get(i + 1)
            .is_some_and(|n| n.kind == Kind::Percent && n.span.start <= upto_next)
            && words().patterns.share_of_total.is_match(after_words)
            && !narrow_words()
            && !words().patterns.names_body.is_match(
                &text[clip(
                    text,
                    phrase_start(text, q.span.start, a.sentence.start),
                    q.span.start,
                )],
            )
        {
            return true;
        }
        // plan words stand near the sentence start or near the figure: read a bounded prefix
        let before_in_sentence = &text[clip(
            text,
            a.sentence
                .start
                .max(q.span.start.saturating_sub(SENTENCE_MAX)),
            q.span.start,
        )];
        let sentence_head = &text[clip(
            text,
            a.sentence.start,
            q.span.start.min(a.sentence.start + 24),
        )];
        if words().patterns.plan_sentence.is_match(before_in_sentence)
            || words().patterns.plan_phrase.is_match(ltext)
            || words().patterns.last_year.is_match(ltext)
            || words().patterns.last_year.is_match(sentence_head)
            || words().patterns.difference.is_match(ltext)
        {
            return true;
        }
        false
    }

    /// The figure as an item of a list: its unit from the list, the words that name it.
    fn as_list_item(&self, i: usize, a: &Around) -> (Quantity, Range<usize>) {
        let (doc, qs, text) = (self.doc, self.qs, self.text);
        let q = &qs[i];
        let mut q2 = q.clone();
        let mut left = a.left.clone();
        // a figure right after `、` opens a new item of a list: the words before the `、` belong to
        // the item before (`重大决策事项、21项上会文件`); only the words after it can name it
        if text[..q.span.start].ends_with('、') {
            left = q.span.start..q.span.start;
        }
        if let Some(label) = respectively_labels(doc, qs, i, &a.sentence) {
            left = label;
            // a bare value in a list takes the unit of the list's last value
            if q.kind == Kind::Bare {
                if let Some(last) = qs[i..]
                    .iter()
                    .take_while(|k| k.span.end <= a.sentence.end)
                    .find(|k| k.kind != Kind::Bare)
                {
                    q2.kind = last.kind;
                    q2.unit = last.unit.clone();
                }
            }
        }
        // a bare figure in a list whose next item has a unit (`行政许可798、行政处罚559件`)
        if q2.kind == Kind::Bare {
            if let Some(n) = qs
                .get(i + 1)
                .filter(|n| n.kind == Kind::Count && n.span.start >= q.span.end)
            {
                let gap = &text[clip(text, q.span.end, n.span.start)];
                if next_list_item(gap) {
                    q2.kind = n.kind;
                    q2.unit = n.unit.clone();
                }
            }
        }
        (q2, left)
    }

    /// The metric of figure `i` from its words, the phrase before, or the figure it continues;
    /// a narrower metric named earlier in the clause wins.
    fn metric_of(
        &self,
        i: usize,
        a: &Around,
        q2: &Quantity,
        left: Range<usize>,
        out: &[Candidate],
    ) -> Option<Found> {
        let (doc, cat, qs, text) = (self.doc, self.cat, self.qs, self.text);
        let q = &qs[i];
        let ltext = &text[a.left.clone()];
        let best = |l: Range<usize>| best_metric(doc, cat, &mut self.hits.borrow_mut(), q2, l, a);
        let mut found = best(left);
        let mut loose = false;
        found = found.or_else(|| self.units_of_sites(i, a, q2));
        let prev_floor = self.prev_floor(i, a);
        let prev = out
            .last()
            .filter(|c| qs[c.q].span.start >= prev_floor && c.value.is_none());
        if found.is_none() && ltext.chars().count() <= 6 && !self.own_noun(a) {
            // the phrase before may hold the words (`对…实行告知承诺制审批,共审批9个`) …
            // (a change stated ahead of the figure, `数量同比下降12.5%,共计560件`, is no figure
            // that bounds them)
            let k = if self.change_ahead(i) { i - 1 } else { i };
            let floor = if k > 0 {
                qs[k - 1].span.end.max(a.sentence.start)
            } else {
                a.sentence.start
            };
            if a.left.start > floor {
                let wider = clip(
                    text,
                    phrase_start(text, a.left.start.saturating_sub(1), floor),
                    q.span.start,
                );
                found = best(wider);
                loose = found.is_some();
            }
        }
        if found.is_none() {
            // … or the figure continues the previous one (`收到申请12件,受理10件`, `废止6件、修改2件`)
            // (a sentence that opens with only a stage verb continues the sentence before it)
            let carried = prev
                .map(|p| (p, qs[p.q].span.end))
                .or_else(|| self.stage_opening(i, a, out).map(|p| (p, a.sentence.start)));
            if let Some((p, from)) = carried {
                let between = &text[clip(text, from, q.span.start)];
                // a change stated with the previous figure is no word of this one
                let between = words()
                    .patterns
                    .change_aside
                    .find(between)
                    .map_or(between, |m| &between[m.end()..]);
                // a list of things counted in the same specific unit (`检查网吧400家次,歌舞厅200家次`)
                let listed = words().units.specific.contains(&q.unit)
                    && qs[p.q].unit == q.unit
                    && between.chars().count() <= 12
                    && between.chars().filter(|c| *c == ',' || *c == '、').count() == 1;
                let continues = words().patterns.continuation.is_match(between)
                    || words().patterns.jurisdiction.is_match(between)
                        && between.chars().count() <= 12
                    || listed;
                let excluded = cat.matchers[p.metric]
                    .exclude
                    .as_ref()
                    .is_some_and(|r| r.is_match(ltext));
                if continues && !excluded && unit_ok(cat, p.metric, q2) {
                    found = Some((p.metric, a.left.start..q.span.end, false));
                }
            }
        }
        found = found.or_else(|| self.place_split_of(a, q2, prev_floor, out));
        let (mut m, span, weak) = found?;
        // a narrower metric named earlier in the clause (`开展双随机抽查,检查企业40家`)
        let clause_words = &text[clip(
            text,
            a.sentence.start.max(bracket_floor(text, qs, i)),
            q.span.start,
        )];
        if let Some(r) = narrower(cat, m, clause_words, q2) {
            m = r;
        }
        Some(Found {
            metric: m,
            span,
            weak,
            loose,
            prev_floor,
        })
    }

    /// Where a total figure `i` may continue or split can start: its sentence, or the sentence
    /// before its `;` when its clause opens with `其中` or, with no split of its own, follows a
    /// clause that split a total (`共46家,其中A40家;B6家`; not after `另…`).
    fn prev_floor(&self, i: usize, a: &Around) -> usize {
        let text = self.text;
        let head = &text[clip(text, a.sentence.start, self.qs[i].span.start)];
        let part_intro = &words().patterns.part_intro;
        let opens_part = head.trim_start().starts_with("其中")
            || a.full_start < a.sentence.start
                && !part_intro.is_match(head)
                && !words().patterns.addition.is_match(head.trim_start())
                && part_intro.is_match(&text[clip(text, a.full_start, a.sentence.start)]);
        if opens_part {
            a.full_start.min(a.sentence.start)
        } else {
            a.sentence.start
        }
    }

    /// Whether the figure has only a lead word before it and its own noun after it (`共有3个
    /// 项目`): it counts that noun, not what the phrase before names.
    fn own_noun(&self, a: &Around) -> bool {
        let text = self.text;
        words()
            .patterns
            .bare_lead
            .is_match(text[a.left.clone()].trim())
            && words()
                .patterns
                .own_noun_after
                .is_match(&text[a.right.clone()])
    }

    /// Whether the figure before `i` is a percent said as a year-on-year change ahead of `i`
    /// (`同比下降12.5%,共计560件`), in the same sentence.
    fn change_ahead(&self, i: usize) -> bool {
        let (qs, text) = (self.qs, self.text);
        let Some(p) = i.checked_sub(1).map(|k| &qs[k]) else {
            return false;
        };
        p.kind == Kind::Percent
            && p.span.end <= qs[i].span.start
            && self.doc.segs.sentence_of(p.span.start)
                == self.doc.segs.sentence_of(qs[i].span.start)
            && words()
                .patterns
                .change_lead
                .is_match(&text[clip(text, p.span.start.saturating_sub(48), p.span.start)])
    }

    /// The last candidate of the sentence before figure `i`'s, when `i`'s sentence opens with
    /// only a stage verb (`收到申请240件,同比增长9%。受理221件`): the figure continues it.
    fn stage_opening<'o>(
        &self,
        i: usize,
        a: &Around,
        out: &'o [Candidate],
    ) -> Option<&'o Candidate> {
        let (doc, qs, text) = (self.doc, self.qs, self.text);
        let head = &text[clip(text, a.sentence.start, qs[i].span.start)];
        if !words().patterns.continuation.is_match(head.trim_start()) {
            return None;
        }
        let before = doc.segs.sentence_of(a.sentence.start.checked_sub(1)?)?;
        let prev_start = doc.segs.sentences[before].start;
        // (the same paragraph only)
        if doc.segs.line_of(prev_start) != doc.segs.line_of(a.sentence.start) {
            return None;
        }
        out.last().filter(|c| {
            c.value.is_none()
                && qs[c.q].span.start >= prev_start
                && qs[c.q].span.start < a.sentence.start
        })
    }

    /// Whether figure `i` is a part of a total of its metric before it (`其中…`); None when it is
    /// no fact at all (a part that names no place, stage or period; a type label under another
    /// metric's total).
    fn part_of_total(&self, i: usize, a: &Around, f: &Found, out: &[Candidate]) -> Option<bool> {
        let (qs, text) = (self.qs, self.text);
        let q = &qs[i];
        let (m, span, prev_floor) = (f.metric, &f.span, f.prev_floor);
        // 其中: a part of the same metric as the total before it in the sentence
        // (a `其中` after `;` still splits a total earlier in the sentence up to its `。`)
        let whole_start = prev_floor;
        let total = out
            .iter()
            .rev()
            .take(LOOK_BACK)
            .take_while(|c| qs[c.q].span.start >= whole_start)
            .find(|c| {
                c.metric == m && c.value.is_none() && same_kind_of_unit(&qs[c.q].unit, &q.unit)
            });
        // `其中行政处罚类142件` under a total of another metric: a type of that total's cases
        if words()
            .patterns
            .category_label
            .is_match(&text[span.start.min(q.span.start)..q.span.start])
        {
            let other = out
                .iter()
                .rev()
                .take(LOOK_BACK)
                .take_while(|c| qs[c.q].span.start >= whole_start)
                .find(|c| c.value.is_none());
            if other.is_some_and(|t| {
                t.metric != m
                    && words()
                        .patterns
                        .part_intro
                        .is_match(&text[clip(text, qs[t.q].span.end, q.span.start)])
            }) {
                return None;
            }
        }
        if self.after_category_item(i) {
            return None;
        }
        let mut part = false;
        let since_start = match total {
            Some(t) => qs[t.q].span.end,
            None => phrase_start(text, q.span.start, a.sentence.start),
        };
        let since_at = clip(text, since_start, q.span.start).start;
        let since = &text[since_at..q.span.start.max(since_at)];
        // a `其中` whose bracket closed before the figure (`学法8次(其中…1次),…学习1次`) is over
        if let Some(p) = words()
            .patterns
            .part_intro
            .find(since)
            .map(|m| m.start())
            .filter(|&p| !since[p..].contains(')'))
        {
            // the year's share of a cumulative total is the year's own figure, not a part
            // … and a part of a total of something else (`归集执法案件59535件,其中行政处罚案件1917件`)
            // is this metric's whole figure
            part = total.is_some() && !words().patterns.period_part.is_match(&since[p..]);
            // the words of this part: from 其中 (or the last phrase start) to the figure
            // a split by place (`其中市本级…`) or a later stage (`收到申请188件,其中受理109件`) counts
            let names_place = words().patterns.jurisdiction.is_match(&since[p..])
                || words().patterns.stage.is_match(&since[p..]);
            let names_place = names_place || words().patterns.period_part.is_match(&since[p..]);
            if total.is_some() && !names_place {
                return None;
            }
            // the parts of an inventory of powers (`职权事项88项,包括行政许可7项`) are kinds
            let head_end = since_at + p;
            let head = &text[clip(
                text,
                a.sentence.start.max(head_end.saturating_sub(LEFT_MAX)),
                head_end,
            )];
            if total.is_none() && words().patterns.inventory_head.is_match(head) {
                return None;
            }
        }
        Some(part)
    }
}
