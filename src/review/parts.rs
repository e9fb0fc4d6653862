//! The required parts of a report (REVIEW.md §1): which heading covers each, or which sentence
//! mentions it. Headings come from the outline ([`crate::report::outline`]); the problems and plans
//! sections from [`crate::text::layout`]; the words from `data/parts.toml`.

use crate::doc::Doc;
use crate::model::{Part, Report};
use crate::re::Regex;
use crate::text::layout::{self, SectionKind};
use crate::text::segment::heading_marker;
use serde::Deserialize;
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
    headings: Vec<Regex>,
    sections: Option<SectionKind>,
    exclude: Vec<Regex>,
    mentions: Vec<Regex>,
    reasons: Vec<Regex>,
}

impl PartRule {
    /// Does this heading text (with or without its marker) at `level` (0 = unnumbered line) name the part?
    fn covers(&self, text: &str, level: u8) -> bool {
        let core = heading_core(text);
        if core.is_empty() || self.exclude.iter().any(|r| r.is_match(core)) {
            return false;
        }
        let by_sections = self
            .sections
            .is_some_and(|kind| layout::heading_kinds(text, level <= 1).contains(&kind));
        by_sections
            || (level >= 1
                && level <= self.max_level
                && self.headings.iter().any(|r| r.is_match(core)))
    }
    fn gives_reasons(&self, text: &str) -> bool {
        self.reasons.iter().any(|r| r.is_match(text))
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
        let c = |v: &Vec<String>| {
            v.iter()
                .map(|p| crate::data::shipped("data/parts.toml", "part", p))
                .collect::<Vec<_>>()
        };
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

/// A heading without its marker and surrounding punctuation: `三、存在问题。` → `存在问题`.
fn heading_core(text: &str) -> &str {
    let t = text.trim();
    let t = match heading_marker(t) {
        Some((_, n)) => t.get(n..).unwrap_or(""),
        None => t,
    };
    t.trim_matches(|c: char| c.is_whitespace() || "。.:;,、!?".contains(c))
}

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
    let mut by_level: Vec<&crate::model::Heading> = report.outline.iter().collect();
    by_level.sort_by_key(|h| (h.level, h.at));
    let found = doc.sections();
    rules()
        .iter()
        .map(|rule| {
            let mut part = Part {
                id: rule.id.clone(),
                status: "missing".into(),
                ..Default::default()
            };
            if let Some(kind) = rule.sections {
                for (_, r) in found.iter().filter(|(k, _)| *k == kind) {
                    let at = doc.index.char_at(r.start);
                    // the heading over the range: the last outline heading at or before it that names the part
                    let head = report
                        .outline
                        .iter()
                        .rev()
                        .find(|h| h.at <= at && rule.covers(&h.text, h.level));
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
                    if !rule.reasons.is_empty() {
                        part.reasons =
                            Some(rule.gives_reasons(doc.body.get(r.clone()).unwrap_or("")));
                    }
                    break;
                }
            }
            if part.status == "missing" {
                if let Some(h) = by_level.iter().find(|h| rule.covers(&h.text, h.level)) {
                    part.status = "section".into();
                    part.heading = Some(h.text.clone());
                    part.at = Some(h.at);
                    if !rule.reasons.is_empty() {
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
            if part.status == "missing" && !rule.mentions.is_empty() {
                if let Some(s) = doc.segs.sentences.iter().find(|s| {
                    if s.len() > MENTION_MAX_BYTES || s.start > MENTION_SCAN_BYTES {
                        return false;
                    }
                    let t = doc.body.get((*s).clone()).unwrap_or("").trim();
                    rule.mentions.iter().any(|r| r.is_match(t))
                        && !rule.exclude.iter().any(|r| r.is_match(t))
                }) {
                    let t = doc.body.get(s.clone()).unwrap_or("");
                    let lead = t.len() - t.trim_start().len();
                    part.status = "mentioned".into();
                    part.at = Some(doc.index.char_at(s.start + lead));
                    if !rule.reasons.is_empty() {
                        part.reasons = Some(rule.gives_reasons(t));
                    }
                }
            }
            part
        })
        .collect()
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
