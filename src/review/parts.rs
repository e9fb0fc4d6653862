//! The required parts of a report (REVIEW.md §1): which heading covers each, or which sentence
//! mentions it. Headings come from the outline ([`crate::report::outline`]); the problems and plans
//! sections from [`crate::text::layout`]; the words from `data/parts.toml`.

use crate::doc::Doc;
use crate::model::{Part, Report};
use crate::re::Regex;
use crate::text::layout::heading_core;
use crate::text::layout::{self, SectionKind};
use serde::Deserialize;
use std::cell::OnceCell;
use std::sync::OnceLock;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartToml {
    id: String,
    label: String,
    label_en: String,
    #[serde(default = "one")]
    max_level: u8,
    #[serde(default)]
    headings: Vec<String>,
    #[serde(default)]
    sections: Option<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    mentions: Vec<String>,
    #[serde(default)]
    reasons: Vec<String>,
}

fn one() -> u8 {
    1
}

#[derive(Deserialize)]
struct PartsToml {
    part: Vec<PartToml>,
}

/// One required part's rules, compiled from `data/parts.toml`.
pub struct PartRule {
    /// `measures`, `leader_duty`, `shortcomings`, `plans`, `other`.
    pub id: String,
    /// Chinese label.
    pub label: String,
    /// English label.
    pub label_en: String,
    max_level: u8,
    // (each list as one alternation: one search tells whether any of its patterns matches)
    headings: Option<Regex>,
    sections: Option<SectionKind>,
    exclude: Option<Regex>,
    mentions: Option<Regex>,
    /// No pattern of `mentions` has a look-around (`^`, `$`, `\b`): a sentence it matches is
    /// matched inside the whole body too, so a body without a match has no such sentence.
    mentions_anywhere: bool,
    reasons: Option<Regex>,
}

impl PartRule {
    /// Does this heading text (with or without its marker) at `level` (0 = unnumbered line) name the part?
    fn covers(&self, text: &str, level: u8) -> bool {
        self.covers_read(&Read::new(text, level))
    }
    /// [`PartRule::covers`] of a heading read once for all rules.
    fn covers_read(&self, h: &Read) -> bool {
        if h.core.is_empty() || matches(&self.exclude, h.core) {
            return false;
        }
        let by_sections = self.sections.is_some_and(|kind| h.kinds().contains(&kind));
        by_sections
            || (h.level >= 1 && h.level <= self.max_level && matches(&self.headings, h.core))
    }
    /// Whether some sentence of `body` may mention the part: it has mentions, and (one search
    /// of the body ruling out every sentence at once) the body matches them.
    fn may_be_mentioned(&self, body: &str) -> bool {
        self.mentions.is_some() && (!self.mentions_anywhere || matches(&self.mentions, body))
    }
    fn gives_reasons(&self, text: &str) -> bool {
        matches(&self.reasons, text)
    }
}

/// Whether `pat` parses and has no look-around assertion (`^`, `$`, `\b` …).
fn no_look(pat: &str) -> bool {
    regex_syntax::parse(pat).is_ok_and(|h| h.properties().look_set().is_empty())
}

/// Whether one of a list's patterns (its alternation, None for an empty list) matches `text`.
fn matches(any: &Option<Regex>, text: &str) -> bool {
    any.as_ref().is_some_and(|r| r.is_match(text))
}

/// A heading as the part rules read it: its core and, when a rule asks, its section kinds.
struct Read<'a> {
    text: &'a str,
    level: u8,
    core: &'a str,
    kinds: OnceCell<Vec<SectionKind>>,
}

impl<'a> Read<'a> {
    fn new(text: &'a str, level: u8) -> Read<'a> {
        Read {
            text,
            level,
            core: heading_core(text),
            kinds: OnceCell::new(),
        }
    }
    fn kinds(&self) -> &[SectionKind] {
        self.kinds
            .get_or_init(|| layout::heading_kinds(self.text, self.level <= 1))
    }
}

/// The outline of a report as the part rules read it: each heading read once, and whether a
/// rule covers it decided once (the parts and the density both ask, several times each).
pub struct Outline<'r> {
    headings: &'r [crate::model::Heading],
    reads: Vec<Read<'r>>,
    /// `covered[heading * rules + rule]`
    covered: Vec<OnceCell<bool>>,
}

impl<'r> Outline<'r> {
    /// The outline of `report`, nothing decided yet.
    pub fn new(report: &'r Report) -> Outline<'r> {
        let headings = &report.outline[..];
        Outline {
            headings,
            reads: headings
                .iter()
                .map(|h| Read::new(&h.text, h.level))
                .collect(),
            covered: (0..headings.len() * rules().len())
                .map(|_| OnceCell::new())
                .collect(),
        }
    }
    /// Whether rule `rule` (an index of [`rules`]) covers outline heading `k` at its level.
    fn covers(&self, rule: usize, k: usize) -> bool {
        *self.covered[k * rules().len() + rule]
            .get_or_init(|| rules()[rule].covers_read(&self.reads[k]))
    }
    /// The ids of the parts outline heading `k` names read as a level-1 heading (see
    /// [`heading_parts`]).
    pub fn top_heading_parts(&self, k: usize) -> Vec<&'static str> {
        if self.headings[k].level == 1 {
            return (0..rules().len())
                .filter(|&r| self.covers(r, k))
                .map(|r| rules()[r].id.as_str())
                .collect();
        }
        heading_parts(&self.headings[k].text, 1)
    }
}

/// A required part's names (`data/parts.toml`), its patterns not compiled: what the page's
/// shell labels.
#[derive(Deserialize)]
pub struct PartName {
    /// `measures`, `leader_duty`, `shortcomings`, `plans`, `other`.
    pub id: String,
    /// Chinese label.
    pub label: String,
    /// English label.
    pub label_en: String,
}

/// The parts' names of `data/parts.toml`, in its order.
pub fn names() -> &'static [PartName] {
    static N: OnceLock<Vec<PartName>> = OnceLock::new();
    N.get_or_init(|| {
        let (_, json) = crate::data::builtin_data!("parts_names");
        crate::model::from_json::data_field(json, "part")
    })
}

crate::model::from_json::struct_from_json! {
    PartName { id, label, label_en }
}

/// The part rules of `data/parts.toml`, in its order.
pub fn rules() -> &'static [PartRule] {
    static R: OnceLock<Vec<PartRule>> = OnceLock::new();
    R.get_or_init(|| {
        let t: PartsToml = crate::data::builtin(crate::data::builtin_data!("parts"))
            .expect("data/parts.toml is valid");
        let c = |v: &Vec<String>| crate::data::shipped_any("data/parts.toml", "part", v);
        t.part
            .iter()
            .map(|p| PartRule {
                id: p.id.clone(),
                label: p.label.clone(),
                label_en: p.label_en.clone(),
                max_level: p.max_level,
                headings: c(&p.headings),
                sections: match p.sections.as_deref() {
                    Some("problems") => Some(SectionKind::Problems),
                    Some("plans") => Some(SectionKind::Plans),
                    _ => None,
                },
                exclude: c(&p.exclude),
                mentions: c(&p.mentions),
                mentions_anywhere: p.mentions.iter().all(|m| no_look(m)),
                reasons: c(&p.reasons),
            })
            .collect()
    })
}

/// Longer "sentences" (bytes) are run-on text without full stops, not a sentence that mentions
/// a part; skipping them keeps the review cheap on pathological input.
pub const MENTION_MAX_BYTES: usize = 3000;

/// Mentions are looked for in the first this many bytes of the text (a long report is about
/// 300 KB): bounded work on multi-megabyte input.
pub const MENTION_SCAN_BYTES: usize = 400_000;

/// The ids of the parts a heading names at outline `level` (0 = an unnumbered line); a heading
/// may name two (`存在问题和2024年工作计划`).
pub fn heading_parts(text: &str, level: u8) -> Vec<&'static str> {
    rules()
        .iter()
        .filter(|r| r.covers(text, level))
        .map(|r| r.id.as_str())
        .collect()
}

/// The status of each required part of the report.
pub fn parts(doc: &Doc, report: &Report) -> Vec<Part> {
    parts_of(doc, report, &Outline::new(report))
}

/// [`parts`], the outline read already.
pub fn parts_of(doc: &Doc, report: &Report, outline: &Outline) -> Vec<Part> {
    let mut by_level: Vec<usize> = (0..report.outline.len()).collect();
    by_level.sort_by_key(|&k| (report.outline[k].level, report.outline[k].at));
    let found = doc.sections();
    rules()
        .iter()
        .enumerate()
        .map(|(ri, rule)| {
            let mut part = Part {
                id: rule.id.clone(),
                status: "missing".into(),
                ..Default::default()
            };
            if let Some(kind) = rule.sections {
                for (_, r) in found.iter().filter(|(k, _)| *k == kind) {
                    let at = doc.index.char_at(r.start);
                    // the heading over the range: the last outline heading at or before it that names the part
                    let head = (0..report.outline.len())
                        .rev()
                        .find(|&k| report.outline[k].at <= at && outline.covers(ri, k))
                        .map(|k| &report.outline[k]);
                    let (text, hat) = match head {
                        Some(h) => (h.text.clone(), h.at),
                        None => {
                            let line = doc
                                .body
                                .get(r.clone())
                                .unwrap_or("")
                                .lines()
                                .next()
                                .unwrap_or("")
                                .trim();
                            let lead = doc.body.get(r.clone()).unwrap_or("").len()
                                - doc.body.get(r.clone()).unwrap_or("").trim_start().len();
                            if !rule.covers(line, 0) {
                                continue;
                            }
                            (line.to_string(), doc.index.char_at(r.start + lead))
                        }
                    };
                    part.status = "section".into();
                    part.heading = Some(text);
                    part.at = Some(hat);
                    if rule.reasons.is_some() {
                        part.reasons =
                            Some(rule.gives_reasons(doc.body.get(r.clone()).unwrap_or("")));
                    }
                    break;
                }
            }
            if part.status == "missing" {
                if let Some(h) = by_level
                    .iter()
                    .find(|&&k| outline.covers(ri, k))
                    .map(|&k| &report.outline[k])
                {
                    part.status = "section".into();
                    part.heading = Some(h.text.clone());
                    part.at = Some(h.at);
                    if rule.reasons.is_some() {
                        // the section: to the next heading of the same or a higher level
                        let end = report
                            .outline
                            .iter()
                            .find(|o| o.at > h.at && o.level <= h.level)
                            .map_or(usize::MAX, |o| o.at);
                        let text: String = doc
                            .original
                            .chars()
                            .skip(h.at)
                            .take(end.saturating_sub(h.at))
                            .collect();
                        part.reasons = Some(rule.gives_reasons(&text));
                    }
                }
            }
            if part.status == "missing" && rule.may_be_mentioned(&doc.body) {
                if let Some(s) = doc.segs.sentences.iter().find(|s| {
                    if s.len() > MENTION_MAX_BYTES || s.start > MENTION_SCAN_BYTES {
                        return false;
                    }
                    let t = doc.body.get((*s).clone()).unwrap_or("").trim();
                    matches(&rule.mentions, t) && !matches(&rule.exclude, t)
                }) {
                    let t = doc.body.get(s.clone()).unwrap_or("");
                    let lead = t.len() - t.trim_start().len();
                    part.status = "mentioned".into();
                    part.at = Some(doc.index.char_at(s.start + lead));
                    if rule.reasons.is_some() {
                        part.reasons = Some(rule.gives_reasons(t));
                    }
                }
            }
            part
        })
        .collect()
}

#[cfg(test)]
mod mention_tests {
    use super::no_look;

    /// Only a pattern without look-around is taken to match in a text wherever it matches in a
    /// part of it.
    #[test]
    fn look_arounds_are_told() {
        assert!(no_look("其他.{0,4}(情况|事项)"));
        assert!(no_look("[^,]{2}"));
        for p in ["^下一步", "安排$", r"\b年", "(?m)^x", "a(", r"(?:甲|\B乙)"] {
            assert!(!no_look(p), "{p}");
        }
        // a rule so marked: wherever it matches a sentence, it matches the text around it
        for rule in super::rules().iter().filter(|r| r.mentions_anywhere) {
            let re = rule.mentions.as_ref().expect("mentions");
            for s in [
                "其他需要报告的情况",
                "第一责任人",
                "主要做法如下",
                "没有的话",
            ] {
                let whole = format!("前一句。{s}。后一句");
                assert!(!re.is_match(s) || re.is_match(&whole), "{} {s}", rule.id);
            }
        }
    }
}

#[cfg(test)]
mod names_tests {
    /// The shell's reading of the parts' names is serde's reading of the same file.
    #[test]
    fn the_shells_names_are_serdes() {
        let (_, json) = crate::data::builtin_data!("parts");
        let t: super::PartsToml = serde_json::from_str(json).expect("parts parse");
        let serde: Vec<[String; 3]> = t
            .part
            .into_iter()
            .map(|p| [p.id, p.label, p.label_en])
            .collect();
        let shell: Vec<[String; 3]> = super::names()
            .iter()
            .map(|p| [p.id.clone(), p.label.clone(), p.label_en.clone()])
            .collect();
        assert!(shell.len() >= 5);
        assert_eq!(shell, serde);
    }
}

#[cfg(test)]
mod outline_tests {
    use super::{heading_parts, rules, Outline};
    use crate::model::{Heading, Report};

    /// The outline's answers, decided once, are the rules' own on each heading, in any order of
    /// asking and asked twice.
    #[test]
    fn the_outline_decides_as_the_rules_do() {
        let texts = [
            (1, "一、主要工作举措"),
            (1, "二、存在的问题和不足"),
            (2, "(一)存在问题"),
            (1, "三、2025年工作计划"),
            (0, "下一步工作打算"),
            (1, "四、党政主要负责人履行推进法治建设第一责任人职责情况"),
            (3, "1.其他"),
            (1, "五、"),
        ];
        let report = Report {
            outline: texts
                .iter()
                .enumerate()
                .map(|(i, &(level, text))| Heading {
                    level,
                    text: text.to_string(),
                    at: i * 10,
                })
                .collect(),
            ..Default::default()
        };
        let outline = Outline::new(&report);
        for _ in 0..2 {
            for (k, h) in report.outline.iter().enumerate().rev() {
                for (r, rule) in rules().iter().enumerate() {
                    assert_eq!(
                        outline.covers(r, k),
                        rule.covers(&h.text, h.level),
                        "{} {}",
                        rule.id,
                        h.text
                    );
                }
                assert_eq!(outline.top_heading_parts(k), heading_parts(&h.text, 1));
            }
        }
        // not a vacuous table: some headings name a part, some not
        let named = (0..texts.len()).filter(|&k| !outline.top_heading_parts(k).is_empty());
        assert!((1..texts.len()).contains(&named.count()));
    }
}
