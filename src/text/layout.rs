//! The layout of a report: where its problems (存在问题/不足/困难) and plans (下步打算/工作安排)
//! sections are.
//!
//! A section starts at a heading whose text matches the patterns of `data/sections.toml` and runs
//! to the next heading of the same or a higher level (or the end of the report, less a trailing
//! signature, date or page footer). Unnumbered short lines (`下步工作计划`) count as level-1
//! headings. A heading naming both kinds (`存在问题和2024年工作计划`) is split by its own
//! sub-headings when they name the kinds, otherwise at the first paragraph that reads like a plan.
//! The items of the sections are read by `report::sections`.

use super::segment::{heading_marker, Segmentation};
use crate::re::Regex;
use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

/// The text the layout is read from: the blanked body and its segmentation.
pub struct Body<'a> {
    /// The normalised text with clutter blanked.
    pub body: &'a str,
    /// The segmentation of `body`.
    pub segs: &'a Segmentation,
}

/// One section: its kind, its byte range in the body (heading included) and where its content starts.
pub type Section = (SectionKind, Range<usize>, usize);

/// The embedded heading patterns (`data/sections.toml`).
pub const SECTIONS_TOML: &str = include_str!("../../data/sections.toml");

/// The kind of a special section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// 存在问题 / 不足 / 困难
    Problems,
    /// 下步打算 / 工作安排 / 工作计划 (next year)
    Plans,
}

#[derive(Deserialize)]
struct KindToml {
    patterns: Vec<String>,
    #[serde(default)]
    top_patterns: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

#[derive(Deserialize)]
struct PlanParagraphToml {
    starts: String,
    says: String,
}

#[derive(Deserialize)]
struct TrailerToml {
    keywords: String,
    max_chars: usize,
    date: String,
    signature: String,
}

#[derive(Deserialize)]
struct SectionsToml {
    problems: KindToml,
    plans: KindToml,
    plan_paragraph: PlanParagraphToml,
    trailer: TrailerToml,
    title: TitleToml,
}

/// The report's own title line (`…2025年工作总结及2026年工作思路`): never a section heading.
#[derive(Deserialize)]
struct TitleToml {
    pattern: String,
}

/// The patterns of one section kind, each list joined into one regex (see `data::shipped_any`).
struct KindRules {
    patterns: Option<Regex>,
    top_patterns: Option<Regex>,
    exclude: Option<Regex>,
}

impl KindRules {
    fn new(t: &KindToml) -> Self {
        let c = |v: &Vec<String>| crate::data::shipped_any("data/sections.toml", "patterns", v);
        KindRules {
            patterns: c(&t.patterns),
            top_patterns: c(&t.top_patterns),
            exclude: c(&t.exclude),
        }
    }
    fn matches(&self, text: &str, top: bool) -> bool {
        let any = |r: &Option<Regex>| r.as_ref().is_some_and(|r| r.is_match(text));
        let hit = any(&self.patterns) || (top && any(&self.top_patterns));
        hit && !any(&self.exclude)
    }
}

struct Rules {
    problems: KindRules,
    plans: KindRules,
    plan_starts: Regex,
    plan_says: Regex,
    trailer: Regex,
    trailer_max: usize,
    date: Regex,
    signature: Regex,
    title: Regex,
}

/// Load the section rules now (see `pipeline::loaders`).
pub(crate) fn load() {
    rules();
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let t: SectionsToml = crate::data::builtin(crate::data::builtin_data!("sections"))
            .expect("data/sections.toml is valid");
        let re = |p: &str| crate::data::shipped("data/sections.toml", "rules", p);
        Rules {
            problems: KindRules::new(&t.problems),
            plans: KindRules::new(&t.plans),
            plan_starts: re(&t.plan_paragraph.starts),
            plan_says: re(&t.plan_paragraph.says),
            trailer: re(&t.trailer.keywords),
            trailer_max: t.trailer.max_chars,
            date: re(&t.trailer.date),
            signature: re(&t.trailer.signature),
            title: re(&t.title.pattern),
        }
    })
}

/// The punctuation a heading's core is trimmed of (with spaces).
const HEADING_PUNCT: [char; 8] = ['。', '.', ':', ';', ',', '、', '!', '?'];

/// A heading without its marker and surrounding spaces/punctuation: `三、存在问题。` → `存在问题`
/// (the layout's and the review's parts read headings so).
pub fn heading_core(text: &str) -> &str {
    let t = text.trim();
    let t = match heading_marker(t) {
        Some((_, n)) => t.get(n..).unwrap_or(""),
        None => t,
    };
    t.trim_matches(|c: char| c.is_whitespace() || HEADING_PUNCT.contains(&c))
}

/// The section kinds a heading names (both for `存在问题和下步打算`). `top` is true for a
/// level-1 heading or an unnumbered line, where the weaker patterns apply too.
pub fn heading_kinds(text: &str, top: bool) -> Vec<SectionKind> {
    let core = heading_core(text);
    let r = rules();
    let mut out = Vec::new();
    if core.is_empty() {
        return out;
    }
    if r.problems.matches(core, top) {
        out.push(SectionKind::Problems);
    }
    if r.plans.matches(core, top) {
        out.push(SectionKind::Plans);
    }
    out
}

/// A candidate section heading: its kinds, level (0 = unnumbered line), heading byte range.
struct Cand {
    kinds: Vec<SectionKind>,
    level: u8,
    head: Range<usize>,
}

/// An unnumbered line short enough to be a heading.
fn short_line(line: &str) -> bool {
    let core = line.trim().trim_end_matches(['。', ':']);
    let n = core.chars().count();
    (2..=30).contains(&n) && !core.contains(['。', ';', ',', '!', '?']) && !core.contains("报告")
}

/// Headings in order: (level, byte range of the heading line/phrase); unnumbered candidate lines
/// get level 0.
/// A line this long (chars), or one ending with `。`, is body text, not a heading or a page-head line.
const BODY_LINE_CHARS: usize = 40;

fn candidates(doc: &Body) -> Vec<Cand> {
    let body = &doc.body;
    let mut out = Vec::new();
    for h in &doc.segs.headings {
        let text = body.get(h.span.clone()).unwrap_or("");
        let kinds = heading_kinds(text, h.level == 1);
        out.push(Cand {
            kinds,
            level: h.level,
            head: h.span.clone(),
        });
    }
    let numbered_starts: Vec<usize> = doc.segs.headings.iter().map(|h| h.span.start).collect();
    let first_numbered = numbered_starts.first().copied().unwrap_or(usize::MAX);
    // the page head (site column names, crumbs, the title) ends at the first paragraph of body
    // text: a short line above it is no section heading (`工作计划` as a site's column name)
    let first_body = doc
        .segs
        .lines
        .iter()
        .find(|l| {
            body.get((*l).clone()).is_some_and(|t| {
                t.chars().count() >= BODY_LINE_CHARS || t.trim_end().ends_with('。')
            })
        })
        .map_or(usize::MAX, |l| l.start);
    for l in &doc.segs.lines {
        if l.start < first_body {
            continue;
        }
        if numbered_starts.binary_search(&l.start).is_ok() {
            continue;
        }
        let line = body.get(l.clone()).unwrap_or("");
        if !short_line(line) || (l.start < first_numbered && rules().title.is_match(line)) {
            continue;
        }
        let kinds = heading_kinds(line, true);
        if !kinds.is_empty() {
            out.push(Cand {
                kinds,
                level: 0,
                head: l.clone(),
            });
        }
    }
    out.sort_by_key(|c| c.head.start);
    out
}

/// Where the content of a section headed at `i` ends, else `end`. A numbered heading's section
/// ends at the next heading of the same or a higher level, or at an unnumbered section line.
/// An unnumbered line's section (`存在的问题`) ends at the next unnumbered section line, at a
/// heading above its own items (the first numbered level after it), at a numbered section
/// heading of its items' level, or at a heading of the level it stands in (the last numbered
/// heading before it above its items' level) or higher.
fn section_end(cands: &[Cand], i: usize, end: usize) -> usize {
    let me = &cands[i];
    if me.level == 0 {
        let items = cands[i + 1..]
            .iter()
            .find(|c| c.level > 0)
            .map_or(u8::MAX, |c| c.level);
        let outer = cands[..i]
            .iter()
            .rev()
            .find(|c| c.level > 0 && c.level < items)
            .map_or(0, |c| c.level);
        for c in &cands[i + 1..] {
            let stop = if c.level == 0 {
                !c.kinds.is_empty()
            } else {
                c.level <= outer || c.level < items || (!c.kinds.is_empty() && c.level <= items)
            };
            if stop {
                return c.head.start;
            }
        }
        return end;
    }
    for c in &cands[i + 1..] {
        let other = if c.level == 0 {
            if c.kinds.is_empty() {
                continue;
            }
            1
        } else {
            c.level
        };
        if other <= me.level {
            return c.head.start;
        }
    }
    end
}

/// Cut a trailing signature, date line or page footer off `r` (never its heading line).
fn trim_trailer(doc: &Body, r: Range<usize>) -> Range<usize> {
    let rr = rules();
    let mut end = r.end;
    let lines = &doc.segs.lines;
    let mut i = lines.partition_point(|l| l.start < r.end);
    while i > 0 {
        i -= 1;
        let l = &lines[i];
        if l.start <= r.start {
            break;
        }
        let line = doc.body.get(l.clone()).unwrap_or("");
        let t = line.trim();
        let short = t.chars().count() < rr.trailer_max && !t.contains('。');
        let footer = rr.trailer.is_match(t) && !t.contains('。');
        let signed = short
            && heading_marker(t).is_none()
            && (rr.date.is_match(t) || rr.signature.is_match(t));
        if t.is_empty() || footer || signed {
            end = l.start;
        } else {
            break;
        }
    }
    // also drop the whitespace before
    let s = doc.body.get(r.start..end).unwrap_or("");
    r.start..r.start + s.trim_end().len()
}

/// The problems and plans sections of a text, in text order (computed once per `Doc`).
pub fn sections(doc: &Body) -> Vec<Section> {
    let cands = candidates(doc);
    let n = doc.body.len();
    // raw sections: (kinds, range, heading)
    let mut raw: Vec<(Vec<SectionKind>, Range<usize>, Range<usize>)> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        if c.kinds.is_empty() {
            continue;
        }
        let end = section_end(&cands, i, n);
        let r = trim_trailer(doc, c.head.start..end.max(c.head.end));
        raw.push((c.kinds.clone(), r, c.head.clone()));
    }
    let mut out: Vec<(SectionKind, Range<usize>, usize)> = Vec::new();
    for (kinds, r, head) in &raw {
        let content = head.end.clamp(r.start, r.end);
        if kinds.len() == 1 {
            out.push((kinds[0], r.clone(), content));
            continue;
        }
        // both kinds: children that name one kind take over
        let has_children = raw
            .iter()
            .skip_while(|(_, o, _)| o.start <= r.start)
            .take_while(|(_, o, _)| o.start < r.end)
            .any(|(ks, _, _)| ks.len() == 1);
        if has_children {
            continue;
        }
        match plan_split(doc, content..r.end) {
            Some(s) => {
                let before = doc.body.get(r.start..s).unwrap_or("");
                let p_end = r.start + before.trim_end().len();
                out.push((SectionKind::Problems, r.start..p_end, content.min(p_end)));
                out.push((SectionKind::Plans, s..r.end, s));
            }
            None => out.push((SectionKind::Problems, r.clone(), content)),
        }
    }
    out.sort_by_key(|(_, r, _)| (r.start, r.end));
    out.dedup();
    // drop ranges nested in another of the same kind
    let mut kept: Vec<(SectionKind, Range<usize>, usize)> = Vec::new();
    let mut reach = [0usize; 2];
    for (k, r, c) in out {
        let slot = &mut reach[k as usize];
        if r.end <= *slot {
            continue;
        }
        *slot = (*slot).max(r.end);
        kept.push((k, r, c));
    }
    kept
}

/// The start of the first line in `r` that reads like a plan paragraph.
fn plan_split(doc: &Body, r: Range<usize>) -> Option<usize> {
    let rr = rules();
    let lines = &doc.segs.lines;
    let i = lines.partition_point(|l| l.start < r.start);
    for l in &lines[i..] {
        if l.start >= r.end {
            break;
        }
        let line = doc.body.get(l.clone()).unwrap_or("");
        let head: String = line.chars().take(30).collect();
        if rr.plan_starts.is_match(line) && rr.plan_says.is_match(&head) {
            return Some(l.start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The punctuation sets as char arrays trim and test what the strings of them did.
    #[test]
    fn punctuation_sets_are_the_strings() {
        fn core(t: &str) -> &str {
            let t = t.trim();
            let t = heading_marker(t).map_or(t, |(_, n)| &t[n..]);
            t.trim_matches(|c: char| c.is_whitespace() || "。.:;,、!?".contains(c))
        }
        let short = |line: &str| {
            let core = line.trim().trim_end_matches(|c: char| "。:".contains(c));
            let n = core.chars().count();
            (2..=30).contains(&n)
                && !core.contains(|c: char| "。;,!?".contains(c))
                && !core.contains("报告")
        };
        for t in [
            "",
            "。",
            "三、存在问题。",
            " (二)下步打算:; ",
            "!?问题、不足,",
            "1.工作计划.",
            "存在问题;下步打算",
            "\u{3000}困难\u{1F600}?",
        ] {
            assert_eq!(heading_core(t), core(t), "{t:?}");
            assert_eq!(short_line(t), short(t), "{t:?}");
        }
    }

    #[test]
    fn kinds_of_headings() {
        assert_eq!(
            heading_kinds("三、存在问题", true),
            vec![SectionKind::Problems]
        );
        assert_eq!(
            heading_kinds("四、下步打算", true),
            vec![SectionKind::Plans]
        );
        assert!(
            heading_kinds("四、党政主要负责人履行推进法治建设第一责任人职责情况", true).is_empty()
        );
    }
}
