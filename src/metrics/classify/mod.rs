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

mod words;

use crate::data::catalog::{Catalog, MetricKind};
use crate::doc::Doc;
use crate::numbers::quantities::{Kind, Quantity};
use crate::re::Regex;
use crate::text::layout::SectionKind;
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
const LOOSE_CHARS: usize = 16;

/// How far back (bytes) the words before a figure are read.
const LEFT_MAX: usize = 90;

/// How far back (bytes) a sentence is read for plan words.
const SENTENCE_MAX: usize = 360;

/// A trigger ending further than this (chars) before the figure does not count.
const MAX_DIST: usize = 24;

/// Where the phrase holding byte `b` starts: after the nearest `,;:。!?` or line break before it
/// (an enumeration comma `、` does not end a phrase), but not before `floor`.
fn phrase_start(text: &str, b: usize, floor: usize) -> usize {
    let mut b = b.min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    let mut floor = floor.min(b);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let Some(head) = text.get(floor..b) else {
        return b;
    };
    match head
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '。' | '!' | '?' | '\n'))
    {
        Some((i, c)) => floor + i + c.len_utf8(),
        None => floor,
    }
}

fn unit_ok(cat: &Catalog, m: usize, q: &Quantity) -> bool {
    let metric = &cat.metrics[m];
    let kind_ok = match metric.kind {
        MetricKind::Count => q.kind == Kind::Count,
        MetricKind::Money => q.kind == Kind::Money,
        MetricKind::Rate => q.kind == Kind::Percent,
        MetricKind::Concentration => q.kind == Kind::Concentration,
    };
    kind_ok && (metric.units.is_empty() || metric.units.contains(&q.unit))
}

/// Byte range `[a, b)` clipped to char boundaries of `s` (moving `a` forward, `b` back).
fn clip(s: &str, mut a: usize, b: usize) -> Range<usize> {
    let mut b = b.min(s.len());
    while !s.is_char_boundary(b) {
        b -= 1;
    }
    while a < b && !s.is_char_boundary(a) {
        a += 1;
    }
    a.min(b)..b
}

/// The pieces of text around quantity `i` that classification reads.
struct Around {
    left: Range<usize>,
    right: Range<usize>,
    sentence: Range<usize>,
}

fn around(doc: &Doc, qs: &[Quantity], i: usize) -> Around {
    let q = &qs[i];
    let text = &doc.body;
    let sentence = doc
        .segs
        .sentence_of(q.span.start)
        .map(|s| doc.segs.sentences[s].clone())
        .unwrap_or(q.span.clone());
    let clause = doc
        .segs
        .clause_of(q.span.start)
        .map(|c| doc.segs.clauses[c].clone())
        .unwrap_or(q.span.clone());
    let mut floor = sentence.start.max(q.span.start.saturating_sub(LEFT_MAX));
    // the previous figure bounds the words, unless it is an aside in brackets right before
    // this one (`占全年监测有效天数(365天)的92.1%`)
    let mut k = i;
    while k > 0 && i - k < 2 && in_brackets(text, &qs[k - 1].span, q.span.start) {
        k -= 1;
    }
    if k > 0 && qs[k - 1].span.end > floor && qs[k - 1].span.end <= q.span.start {
        floor = qs[k - 1].span.end;
    }
    let floor = clip(text, floor, q.span.start).start;
    let mut lstart = phrase_start(text, q.span.start, floor);
    // a label cut off by a colon (`罚款金额:625万元`): read the phrase before
    let left_text = &text[clip(text, lstart, q.span.start)];
    if !left_text.chars().any(|c| c as u32 >= 0x4E00) && lstart > floor {
        lstart = phrase_start(text, lstart - 1, floor);
    }
    let mut rend = clause.end;
    if let Some(n) = qs.get(i + 1) {
        if n.span.start >= q.span.end {
            rend = rend.min(n.span.start);
        }
    }
    Around {
        left: clip(text, lstart, q.span.start),
        right: clip(text, q.span.end, rend.max(q.span.end)),
        sentence,
    }
}

/// Where the words of figure `i` may begin at the earliest: after the previous figure (one in
/// brackets right before it does not count), else 0.
fn bracket_floor(text: &str, qs: &[Quantity], i: usize) -> usize {
    let mut k = i;
    while k > 0 && i - k < 2 && in_brackets(text, &qs[k - 1].span, qs[i].span.start) {
        k -= 1;
    }
    if k > 0 && qs[k - 1].span.end <= qs[i].span.start {
        qs[k - 1].span.end
    } else {
        0
    }
}

/// The metric that narrows `m` (its `refines`) and whose triggers match `words`, if any.
fn narrower(cat: &Catalog, m: usize, words: &str, q: &Quantity) -> Option<usize> {
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

/// Is the figure at `span` an aside in brackets that closes shortly before byte `next`
/// (`(365天)的`)?
fn in_brackets(text: &str, span: &Range<usize>, next: usize) -> bool {
    let before = &text[clip(text, span.start.saturating_sub(12), span.start)];
    let after = &text[clip(text, span.end, next.min(span.end + 9))];
    before
        .rfind('(')
        .is_some_and(|o| !before[o..].contains(')'))
        && after.starts_with(')')
}

/// The nearest heading above byte `b` (for `context` patterns).
fn heading_text<'a>(doc: &'a Doc, b: usize) -> Vec<&'a str> {
    doc.segs
        .headings_before(b)
        .into_iter()
        .last()
        .map(|h| &doc.body[h.span.clone()])
        .into_iter()
        .collect()
}

/// The best metric for one quantity given its left/right words.
fn best_metric(
    doc: &Doc,
    cat: &Catalog,
    q: &Quantity,
    left: Range<usize>,
    right: Range<usize>,
    sentence: &Range<usize>,
) -> Option<(usize, Range<usize>, bool)> {
    let text = &doc.body;
    let ltext = text.get(left.clone()).unwrap_or("");
    let rtext = text.get(right.clone()).unwrap_or("");
    // the context may be named anywhere in the sentence, also before a `;`
    let stext = text
        .get(
            full_sentence_start(text, sentence.start, q.span.start).min(sentence.start)
                ..sentence.end,
        )
        .unwrap_or("");
    let mut best: Option<(i64, usize, Range<usize>, bool)> = None;
    let listed = cat.by_unit.get(&q.unit).map(Vec::as_slice).unwrap_or(&[]);
    if listed.is_empty() && cat.any_unit.is_empty() {
        return None;
    }
    let lhits = cat.trigger_set.matches(ltext);
    let rhits = cat.after_set.matches(rtext);
    for &m in listed.iter().chain(cat.any_unit.iter()) {
        let mx = &cat.matchers[m];
        if !unit_ok(cat, m, q) {
            continue;
        }
        let prio = cat.metrics[m].priority as i64 * 10;
        // (score, span, weak) of this metric's nearest trigger
        let mut mine: Option<(i64, Range<usize>, bool)> = None;
        let mut consider = |dist_chars: usize, span: Range<usize>, weak: bool| {
            let score = prio - dist_chars.min(40) as i64 - if weak { 5 } else { 0 };
            if mine.as_ref().is_none_or(|b| score > b.0) {
                mine = Some((score, span, weak));
            }
        };
        for (list, base, weak) in [
            (&mx.triggers, cat.trigger_base[m], false),
            (&mx.weak, cat.weak_base[m], true),
        ] {
            for (k, r) in list.iter().enumerate() {
                if !lhits.matched(base + k) {
                    continue;
                }
                // the match nearest the figure
                if let Some(mt) = r.find_iter(ltext).last() {
                    let dist = ltext[mt.end()..].chars().count();
                    if dist <= MAX_DIST {
                        consider(dist, left.start + mt.start()..q.span.end, weak);
                    }
                }
            }
        }
        for (k, r) in mx.after.iter().enumerate() {
            if !rhits.matched(cat.after_base[m] + k) {
                continue;
            }
            if let Some(mt) = r.find(rtext) {
                consider(
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

/// How far (chars) after the figure an `after` pattern's words begin: a pattern anchored at the
/// figure (`^[^,;。]{0,10}重大决策`) is tried on ever shorter tails while it still matches, so that
/// the nearer noun (`18件行政规范性文件和重大决策事项` → 规范性文件) wins. At most 32 tries.
fn after_distance(r: &Regex, rtext: &str, start: usize) -> usize {
    let mut rest = &rtext[start..];
    let mut d = rtext[..start].chars().count();
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

/// `A、B、C分别为x、y、z`: the label text for each of the values after 分别, as byte ranges.
fn respectively_labels(
    doc: &Doc,
    qs: &[Quantity],
    i: usize,
    sentence: &Range<usize>,
) -> Option<Range<usize>> {
    let text = &doc.body;
    let q = &qs[i];
    let from = clip(
        text,
        sentence
            .start
            .max(q.span.start.saturating_sub(SENTENCE_MAX)),
        q.span.start,
    )
    .start;
    let head = text.get(from..q.span.start)?;
    if !head.contains("分别") {
        return None;
    }
    let mt = words().patterns.respectively.find_iter(head).last()?;
    let resp_at = from + mt.start();
    // the values after 分别: the run of quantities right after it, joined by 、 or 和
    let first = qs.partition_point(|k| k.span.start < from + mt.end());
    if first >= qs.len() || qs[first].span.end > sentence.end {
        return None;
    }
    let mut vals = vec![first];
    while let Some(&last) = vals.last() {
        let next = last + 1;
        let Some(n) = qs.get(next) else { break };
        let gap = text
            .get(qs[last].span.end.min(n.span.start)..n.span.start)
            .unwrap_or("x");
        if n.span.end > sentence.end || !gap.chars().all(|c| matches!(c, '、' | '和' | ' ' | '及'))
        {
            break;
        }
        vals.push(next);
    }
    let pos = vals.iter().position(|&k| k == i)?;
    if vals.len() < 2 {
        return None;
    }
    // the labels before 分别: the phrase before it split on 、 和 及 — or the phrase before that
    // when this one only sums them up (`PM2.5、PM10…和CO这六项污染物,分别为…`)
    let mut start = phrase_start(text, resp_at, from);
    let mut end = resp_at;
    if !text[start..resp_at].contains(['、', '和', '及']) && start > from {
        let prev = phrase_start(text, start - 1, from);
        if text[prev..start].contains('、') {
            // up to the punctuation that ends the earlier phrase
            end = text[..start]
                .char_indices()
                .next_back()
                .map_or(start, |(p, _)| p);
            start = prev;
        }
    }
    let mut labels: Vec<Range<usize>> = Vec::new();
    let mut item = start;
    for (off, c) in text[start..end].char_indices() {
        if matches!(c, '、' | '和' | '及') {
            labels.push(item..start + off);
            item = start + off + c.len_utf8();
        }
    }
    labels.push(item..end);
    if labels.len() < vals.len() {
        return None;
    }
    let labels = &labels[labels.len() - vals.len()..];
    Some(labels[pos].clone())
}

/// How many earlier candidates are read back for a total (keeps one long sentence linear).
const LOOK_BACK: usize = 64;

/// Can a figure in `total` be the total of one in `part`? Not rounds of entities checked.
fn same_kind_of_unit(total: &str, part: &str) -> bool {
    let round = |u: &str| words().units.round.iter().any(|w| w == u);
    let entity = |u: &str| words().units.entity.iter().any(|w| w == u);
    !(round(total) && entity(part) || entity(total) && round(part))
}

/// Does the phrase end at byte `b` (punctuation, a line break or the end of the text)?
fn ends_phrase(text: &str, b: usize) -> bool {
    text.get(b..)
        .and_then(|t| t.chars().next())
        .is_none_or(|c| matches!(c, ',' | '。' | ';' | '\n' | ')' | '!'))
}

/// Is byte `b` inside the plans section?
fn in_plans(secs: &[(SectionKind, Range<usize>)], b: usize) -> bool {
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
    };
    let mut out: Vec<Candidate> = Vec::new();
    for i in 0..qs.len() {
        if let Some(c) = cx.candidate(i, &out) {
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
    fn candidate(&self, i: usize, out: &[Candidate]) -> Option<Candidate> {
        let a = self.screened(i)?;
        let (q2, left) = self.as_list_item(i, &a);
        let f = self.metric_of(i, &a, &q2, left, out)?;
        if q2.kind == Kind::Bare {
            return None;
        }
        let part = self.part_of_total(i, &a, &f, out)?;
        if self.splits_total_before(i, &a, f.metric, out) {
            return None;
        }
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

    /// Figure `i`'s surroundings, or None when it is no count of a metric: a measure, a plan, an
    /// article `一`, a count of bodies over a threshold, a share of its total, last year's
    /// figure, a difference.
    fn screened(&self, i: usize) -> Option<Around> {
        let (doc, cat, qs, text) = (self.doc, self.cat, self.qs, self.text);
        let secs = &self.secs;
        let q = &qs[i];
        if matches!(q.kind, Kind::Measure | Kind::Points) {
            return None;
        }
        if in_plans(secs, q.span.start) {
            return None;
        }
        // `一个`/`一次` is an article more often than a count (`整改一个、销号一个`), unless it
        // ends the phrase (`举办法治讲座一期。`)
        if &text[q.number.clone()] == "一"
            && !(words().units.event.contains(&q.unit) && ends_phrase(text, q.span.end))
        {
            return None;
        }
        let a = around(doc, qs, i);
        if words()
            .patterns
            .not_a_count_after
            .is_match(&text[a.right.clone()])
        {
            return None;
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
                return None;
            }
        }
        // the words up to the next figure (`…13件,在总量中占38%`), within the sentence
        let upto_next = qs
            .get(i + 1)
            .map_or(a.sentence.end, |n| n.span.start.min(a.sentence.end))
            .max(q.span.end);
        let after_words = &text[clip(text, q.span.end, upto_next.min(q.span.end + 96))];
        // (a narrower metric's share of its general total stays: `双随机检查215家次,占全部执法检查的38.6%`)
        let narrow_words =
            cat.metrics.iter().zip(&cat.matchers).any(|(mt, mx)| {
                mt.refines.is_some() && mx.triggers.iter().any(|t| t.is_match(ltext))
            });
        if !narrow_words
            && qs
                .get(i + 1)
                .is_some_and(|n| n.kind == Kind::Percent && n.span.start <= upto_next)
            && words().patterns.share_of_total.is_match(after_words)
            && !words().patterns.names_body.is_match(
                &text[clip(
                    text,
                    phrase_start(text, q.span.start, a.sentence.start),
                    q.span.start,
                )],
            )
        {
            return None;
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
            return None;
        }
        Some(a)
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
                if gap.starts_with('、')
                    && gap.chars().count() <= 12
                    && !gap.chars().any(|c| matches!(c, ',' | ';' | '。' | '\n'))
                {
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
        let mut found = best_metric(doc, cat, q2, left.clone(), a.right.clone(), &a.sentence);
        let mut loose = false;
        // (a clause that opens with `其中` continues the sentence before its `;`)
        let opens_part = text[clip(text, a.sentence.start, q.span.start)]
            .trim_start()
            .starts_with("其中");
        let prev_floor = if opens_part {
            full_sentence_start(text, a.sentence.start, q.span.start).min(a.sentence.start)
        } else {
            a.sentence.start
        };
        let prev = out
            .last()
            .filter(|c| qs[c.q].span.start >= prev_floor && c.value.is_none());
        if found.is_none() && ltext.chars().count() <= 6 {
            // the phrase before may hold the words (`对…实行告知承诺制审批,共审批9个`) …
            let floor = if i > 0 {
                qs[i - 1].span.end.max(a.sentence.start)
            } else {
                a.sentence.start
            };
            if a.left.start > floor {
                let wider = clip(
                    text,
                    phrase_start(text, a.left.start.saturating_sub(1), floor),
                    q.span.start,
                );
                found = best_metric(doc, cat, q2, wider, a.right.clone(), &a.sentence);
                loose = found.is_some();
            }
        }
        if found.is_none() {
            // … or the figure continues the previous one (`收到申请12件,受理10件`, `废止6件、修改2件`)
            if let Some(p) = prev {
                let between = &text[clip(text, qs[p.q].span.end, q.span.start)];
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
        let mut part = false;
        let since = match total {
            Some(t) => &text[clip(text, qs[t.q].span.end, q.span.start)],
            None => {
                &text[clip(
                    text,
                    phrase_start(text, q.span.start, a.sentence.start),
                    q.span.start,
                )]
            }
        };
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
        }
        Some(part)
    }

    /// A sentence that opens a breakdown (`按应诉机关分:…`) splits the total of metric `m` in
    /// the sentence before it.
    fn splits_total_before(&self, i: usize, a: &Around, m: usize, out: &[Candidate]) -> bool {
        let (doc, qs, text) = (self.doc, self.qs, self.text);
        let q = &qs[i];
        // a sentence that opens a breakdown (`按应诉机关分:…`, `分类看,…`) splits the total of
        // the sentence before it: its figures of that total's metric are parts, not facts. The
        // breakdown runs on across `;` to the sentence's `。`.
        let full_start = full_sentence_start(text, a.sentence.start, q.span.start);
        let head = text[clip(text, full_start, q.span.start.min(full_start + 60))].trim_start();
        if words().patterns.breakdown.is_match(head)
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
        }
        false
    }
}

/// Where the sentence holding byte `b` starts when only `。`, `!`, `?` and line breaks end one
/// (`;` does not), reading at most 300 bytes back (so never before `floor` when that is nearer).
fn full_sentence_start(text: &str, floor: usize, b: usize) -> usize {
    let from = clip(text, b.saturating_sub(300), b).start;
    if floor > from
        && floor <= b
        && text
            .get(floor.saturating_sub(3)..floor)
            .is_some_and(|t| t.ends_with('。'))
    {
        return floor;
    }
    let head = &text[clip(text, from, b)];
    match head
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '。' | '!' | '?' | '\n'))
    {
        Some((i, c)) => from + i + c.len_utf8(),
        None => from,
    }
}

/// Explicit zeros (`均无败诉`): (metric index, byte span) for each match outside the plans section.
/// A zero is stated with a negation, so only sentences holding one are searched.
pub fn zeros(doc: &Doc, cat: &Catalog) -> Vec<(usize, Range<usize>)> {
    if cat.zeros.is_empty() {
        return Vec::new();
    }
    let secs = doc.sections();
    let mut out = Vec::new();
    for sr in &doc.segs.sentences {
        let Some(sentence) = doc.body.get(sr.clone()) else {
            continue;
        };
        if !["无", "未", "零", "没有", "0"]
            .iter()
            .any(|w| sentence.contains(w))
            || in_plans(&secs, sr.start)
        {
            continue;
        }
        for (m, r) in &cat.zeros {
            for mt in r.find_iter(sentence) {
                out.push((*m, sr.start + mt.start()..sr.start + mt.end()));
            }
        }
    }
    out
}
