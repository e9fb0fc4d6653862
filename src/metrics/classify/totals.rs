//! The totals a figure stands in: the item of a list after a type-labelled one, a breakdown
//! sentence that splits the total before it, and a count of what was reviewed whose outcomes
//! follow (`清理规范性文件158件,其中废止21件、修改14件`: the 158 were reviewed, the 21 and 14 are
//! the facts).

use super::around::{clip, phrase_start, Around};
use super::best::{best_metric, unit_ok};
use super::words::words;
use super::{next_list_item, Candidate, Cx, LOOK_BACK};
use crate::numbers::quantities::Quantity;
use std::ops::Range;

impl Cx<'_> {
    /// The metric (and evidence, weak) of a figure (`q2`, its words `a`) whose phrase only names
    /// a place it splits a total by (`其中市本级办理1.2万件`, `其中区本级检查860家次`): that of the
    /// last total in its sentence (from `floor`) whose units it is counted in, also past a figure
    /// of another metric (`…罚没款4.28亿元,其中市本级办理1.2万件`).
    pub(super) fn place_split_of(
        &self,
        a: &Around,
        q2: &Quantity,
        floor: usize,
        out: &[Candidate],
    ) -> Option<(usize, Range<usize>, bool)> {
        let (qs, text) = (self.qs, self.text);
        let words_before = &text[a.left.clone()];
        let split = words().patterns.jurisdiction.find(words_before)?;
        // (the place and a verb at most: `其中市本级办理`)
        if split.start() > 1 || words_before[split.end()..].chars().count() > 6 {
            return None;
        }
        out.iter()
            .rev()
            .take(LOOK_BACK)
            .take_while(|c| qs[c.q].span.start >= floor)
            .find(|c| c.value.is_none() && unit_ok(self.cat, c.metric, q2))
            .map(|c| (c.metric, a.left.start..q2.span.end, false))
    }

    /// The metric (and evidence, weak) of figure `i` (`q2`) that counts the units involved in
    /// the sites counted right before it (`检查项目38个,涉及单位112个`): named by the words before
    /// the sites; counted in a unit of sites (`个`), the units are entities (`units_entity`).
    pub(super) fn units_of_sites(
        &self,
        i: usize,
        a: &Around,
        q2: &Quantity,
    ) -> Option<(usize, Range<usize>, bool)> {
        let from = self.sites_before(i, a)?;
        let mut q3 = q2.clone();
        if let Some(u) = words().units.entity.first() {
            q3.unit.clone_from(u);
        }
        let hits = &mut self.hits.borrow_mut();
        best_metric(self.doc, self.cat, hits, &q3, from..q2.span.start, a)
    }

    /// Where the words of the sites or projects (`units_site`) right before figure `i` begin,
    /// when `i` counts the units they involve (`抽查在建工地38个,涉及参建企业112家`): those words
    /// name the units figure too.
    pub(super) fn sites_before(&self, i: usize, a: &Around) -> Option<usize> {
        let (qs, text) = (self.qs, self.text);
        let p = &qs[i.checked_sub(1)?];
        let q = &qs[i];
        (p.span.start >= a.sentence.start
            && p.span.end <= q.span.start
            && words().units.site.contains(&p.unit)
            && (words().patterns.involves_after)
                .is_match(&text[clip(text, p.span.end, q.span.start)]))
        .then(|| phrase_start(text, p.span.start, a.sentence.start))
    }

    /// The index in `out` of the figure right before `i`, of the same metric `m` and in its
    /// sentence, that counts what was reviewed when `i` states its outcome (`清理文件158件,
    /// 其中废止21件`, `…30件,拟修改2件`): the words between them are an outcome, and the
    /// total's own words name none (`废止6件、修改2件` are two outcomes, no review).
    pub(super) fn reviewed_total(
        &self,
        i: usize,
        a: &Around,
        m: usize,
        out: &[Candidate],
    ) -> Option<usize> {
        let (qs, text) = (self.qs, self.text);
        let k = out.len().checked_sub(1)?;
        let t = &out[k];
        let tq = &qs[t.q];
        if t.metric != m || t.value.is_some() || t.q + 1 != i || tq.span.start < a.sentence.start {
            return None;
        }
        let between = &text[clip(text, tq.span.end, qs[i].span.start)];
        let own = &text[clip(text, t.span.start.min(tq.span.start), tq.span.start)];
        (words().patterns.outcome_part.is_match(between)
            && !words().patterns.outcome_words.is_match(own))
        .then_some(k)
    }

    /// Whether figure `i` is an item of a list right after an item with a type label, counted
    /// in the same unit (`…强制类案件16件、行政许可5件`): a type too.
    pub(super) fn after_category_item(&self, i: usize) -> bool {
        let (qs, text) = (self.qs, self.text);
        let Some(prev) = i.checked_sub(1).map(|k| &qs[k]) else {
            return false;
        };
        let gap = &text[clip(text, prev.span.end, qs[i].span.start)];
        let label = &text[clip(text, prev.span.start.saturating_sub(12), prev.span.start)];
        next_list_item(gap)
            && prev.unit == qs[i].unit
            && words().patterns.category_label.is_match(label)
    }

    /// A sentence that opens a breakdown (`按应诉机关分:…`) splits the total of metric `m` in
    /// the sentence before it, or, when it names its dimension (`按…分`, `从…类型看`), any total
    /// stated earlier in its paragraph; a head that views the whole or a period (`从全年累计看,`)
    /// opens no breakdown.
    pub(super) fn splits_total_before(
        &self,
        i: usize,
        a: &Around,
        m: usize,
        out: &[Candidate],
    ) -> bool {
        let (doc, qs, text) = (self.doc, self.qs, self.text);
        let q = &qs[i];
        // a sentence that opens a breakdown (`按应诉机关分:…`, `分类看,…`) splits the total of
        // the sentence before it: its figures of that total's metric are parts, not facts. The
        // breakdown runs on across `;` to the sentence's `。`.
        let full_start = a.full_start;
        let head = text[clip(text, full_start, q.span.start.min(full_start + 60))].trim_start();
        if words().patterns.breakdown.is_match(head)
            && !words().patterns.whole_view.is_match(head)
            && !words().patterns.jurisdiction.is_match(head)
            && !words().patterns.stage.is_match(head)
        {
            let prev_start = doc
                .segs
                .sentence_of(full_start.saturating_sub(1))
                .map_or(full_start, |s| doc.segs.sentences[s].start);
            let prev_total = out
                .iter()
                .rev()
                .take(LOOK_BACK)
                .take_while(|c| qs[c.q].span.start >= prev_start)
                .any(|c| c.metric == m && c.value.is_none() && qs[c.q].span.start < full_start);
            if prev_total {
                return true;
            }
            // … and, when it names the dimension it sorts by, any total stated earlier in its
            // paragraph (`共审结行政案件120件。按被告机关类别分,区政府部门出庭应诉80件…`): the
            // figures of a breakdown are parts of that total, whatever words name them (a
            // `从…情况看,` opens a topic with totals of its own)
            if !words().patterns.dimension.is_match(head) {
                return false;
            }
            let para_start = doc
                .segs
                .line_of(full_start)
                .map_or(full_start, |l| doc.segs.lines[l].start);
            return out
                .iter()
                .rev()
                .take(LOOK_BACK)
                .take_while(|c| qs[c.q].span.start >= para_start)
                .any(|c| c.value.is_none() && qs[c.q].span.start < full_start);
        }
        false
    }
}
