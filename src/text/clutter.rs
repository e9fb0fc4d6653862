//! Page clutter: breadcrumbs, counters, share lines, print/close links, footers.
//!
//! In: normalised text. Out: byte ranges of whole lines to leave out of extraction (the core
//! blanks them byte-for-byte, so offsets still point into what the user gave; metadata still
//! reads them). The line patterns are data: `data/clutter.toml`, embedded at build time.

use crate::re::WordCounts;
use crate::text::normalise::normalise;
use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

/// The built-in rules (`data/clutter.toml`).
pub const BUILTIN_TOML: &str = include_str!("../../data/clutter.toml");

/// One kind of clutter line (see `data/clutter.toml` for the meaning of each field).
#[derive(Debug, Clone, Deserialize)]
pub struct Rule {
    /// What the rule recognises (`breadcrumb`, `footer` …).
    pub name: String,
    /// Longest line (in chars, trimmed) the rule applies to.
    pub max_chars: usize,
    /// The line starts with one of these.
    #[serde(default)]
    pub starts: Vec<String>,
    /// The line ends with one of these.
    #[serde(default)]
    pub ends: Vec<String>,
    /// The line contains one of these.
    #[serde(default)]
    pub contains: Vec<String>,
    /// The line is one of these (ignoring spaces and trailing `:` and `|`).
    #[serde(default)]
    pub lines: Vec<String>,
    /// The line consists only of these characters.
    #[serde(default)]
    pub only: String,
    /// The rule does not apply to a line containing one of these (e.g. `。`: a sentence).
    #[serde(default)]
    pub unless: Vec<String>,
}

/// A set of clutter rules.
#[derive(Debug, Clone, Deserialize)]
pub struct Rules {
    /// The rules, tried in order.
    pub rule: Vec<Rule>,
    /// Every rule's `contains` and `unless` words in one automaton (built by `prepared`).
    #[serde(skip)]
    words: Words,
}

/// The words the rules look for anywhere in a line, counted in one Aho–Corasick pass
/// (`re::WordCounts`) instead of one substring search per word and rule.
#[derive(Debug, Clone, Default)]
struct Words {
    /// Every rule's `contains` words, then its `unless` words, in one list.
    counts: WordCounts,
    /// Per rule: where its `contains` and its `unless` words are in that list.
    contains: Vec<Range<usize>>,
    unless: Vec<Range<usize>>,
}

impl Words {
    fn new(rules: &[Rule]) -> Words {
        let (mut all, mut contains, mut unless) = (Vec::new(), Vec::new(), Vec::new());
        for r in rules {
            for (list, at) in [(&r.contains, &mut contains), (&r.unless, &mut unless)] {
                let start = all.len();
                all.extend(list.iter().cloned());
                at.push(start..all.len());
            }
        }
        Words {
            counts: WordCounts::new(&all),
            contains,
            unless,
        }
    }
}

impl Rules {
    /// Parse rules from TOML (patterns are normalised like the text they are matched against).
    pub fn from_toml(s: &str) -> Result<Rules, crate::data::DataError> {
        let invalid = |m: String| crate::data::DataError::invalid("clutter rules", m);
        let r: Rules = crate::data::user("clutter rules", s)
            .map_err(|e| invalid(format!("clutter rules: {e}")))?;
        Self::prepared(r).map_err(invalid)
    }

    /// The embedded rules (`data/clutter.toml`, converted to JSON at build time).
    pub fn builtin() -> Result<Rules, String> {
        let r: Rules = crate::data::builtin(crate::data::builtin_data!("clutter"))
            .map_err(|e| format!("clutter rules: {e}"))?;
        Self::prepared(r)
    }

    fn prepared(mut r: Rules) -> Result<Rules, String> {
        for rule in &mut r.rule {
            for list in [
                &mut rule.starts,
                &mut rule.ends,
                &mut rule.contains,
                &mut rule.lines,
            ] {
                list.retain(|p| !p.is_empty());
                for p in list.iter_mut() {
                    *p = normalise(p);
                }
            }
            for p in rule.lines.iter_mut() {
                p.retain(|c| c != ' ');
            }
            rule.only = normalise(&rule.only);
        }
        r.words = Words::new(&r.rule);
        Ok(r)
    }

    /// The name of the first rule that makes `line` (one normalised line) clutter.
    pub fn matches(&self, line: &str) -> Option<&str> {
        let t = line.trim_matches([' ', '\t', '\r', '\u{FEFF}']);
        if t.is_empty() {
            return None;
        }
        let longest = self.rule.iter().map(|r| r.max_chars).max().unwrap_or(0);
        // cheap reject before counting chars: a char is at most 4 bytes
        if t.len() > longest * 4 {
            return None;
        }
        let chars = t.chars().count();
        let bare = t.trim_end_matches([':', '|', ' ']);
        // (built only for a rule that lists whole lines)
        let squeezed = std::cell::OnceCell::new();
        let squeezed = || squeezed.get_or_init(|| bare.replace(' ', ""));
        // (counted only once a rule takes lines this long; an empty word is in every line)
        let counts = std::cell::OnceCell::new();
        let has = |words: &Range<usize>| {
            let counts = counts.get_or_init(|| self.words.counts.counts(t));
            counts[words.clone()].iter().any(|&n| n > 0)
        };
        let w = &self.words;
        self.rule
            .iter()
            .enumerate()
            .find(|&(k, r)| {
                chars <= r.max_chars
                    && !has(&w.unless[k])
                    && (r.starts.iter().any(|p| t.starts_with(p.as_str()))
                        || r.ends.iter().any(|p| bare.ends_with(p.as_str()))
                        || has(&w.contains[k])
                        || (!r.lines.is_empty() && r.lines.contains(squeezed()))
                        || (!r.only.is_empty() && t.chars().all(|c| r.only.contains(c))))
            })
            .map(|(_, r)| r.name.as_str())
    }

    /// Byte ranges (whole lines, without the line break) of `norm` that are clutter.
    pub fn lines(&self, norm: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for line in norm.split('\n') {
            if self.matches(line).is_some() {
                out.push(start..start + line.len());
            }
            start += line.len() + 1;
        }
        out
    }
}

/// The built-in rules, parsed once.
pub fn builtin() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| Rules::builtin().expect("the embedded clutter rules parse (tested)"))
}

/// Byte ranges (whole lines) of `norm` that are page clutter, in order, non-overlapping.
pub fn clutter_lines(norm: &str) -> Vec<Range<usize>> {
    builtin().lines(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_ranges_are_lines() {
        let norm = normalise("首页 > 新闻\n正文第一行。\n\n版权所有 某某网站\n");
        let r = clutter_lines(&norm);
        assert_eq!(r.len(), 2);
        assert_eq!(&norm[r[0].clone()], "首页 > 新闻");
        assert_eq!(&norm[r[1].clone()], "版权所有 某某网站");
    }
}
