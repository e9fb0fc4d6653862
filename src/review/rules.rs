//! The words, thresholds and messages of the consistency flags (`data/flags.toml`), and the
//! helpers every flag rule shares: building a flag, evidence spans, the fact of a figure, the
//! words before it.

use crate::doc::Doc;
use crate::model::{Fact, Flag, Report, Span};
use crate::numbers::quantities::Quantity;
use crate::re::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Deserialize, Default)]
pub(super) struct Message {
    zh: String,
    en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FlagsToml {
    parts_marker: String,
    parts_veto: String,
    change_up: String,
    change_down: String,
    last_year: String,
    change_veto: String,
    conflict_lead: usize,
    conflict_veto: String,
    whole_year: Vec<String>,
    own_scope: Vec<String>,
    /// Read by [`messages`] (declared here so that no unknown key passes).
    #[serde(rename = "messages")]
    _messages: serde::de::IgnoredAny,
}

/// The flag messages of `data/flags.toml`, by key.
pub struct Messages(HashMap<String, Message>);

impl Messages {
    /// The (zh, en) templates of a message key (empty when unknown).
    pub fn get(&self, key: &str) -> (&str, &str) {
        self.0
            .get(key)
            .map_or(("", ""), |m| (m.zh.as_str(), m.en.as_str()))
    }
}

pub(super) struct Rules {
    /// The parts marker (`parts_marker`), its searcher built once.
    pub(super) parts_marker: memchr::memmem::Finder<'static>,
    pub(super) parts_veto: Regex,
    pub(super) up: Regex,
    pub(super) down: Regex,
    pub(super) last_year: Regex,
    pub(super) change_veto: Regex,
    pub(super) conflict_lead: usize,
    pub(super) conflict_veto: Regex,
    pub(super) whole_year: Vec<String>,
    pub(super) own_scope: Vec<String>,
    pub(super) year: Regex,
}

/// Load the review rules now (see `pipeline::loaders`).
pub(crate) fn load() {
    rules();
}

pub(super) fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let t: FlagsToml = crate::data::builtin(crate::data::builtin_data!("flags"))
            .expect("data/flags.toml is valid");
        let re = |p: &str| crate::data::shipped("data/flags.toml", "rules", p);
        Rules {
            parts_marker: memchr::memmem::Finder::new(&t.parts_marker).into_owned(),
            parts_veto: re(&t.parts_veto),
            up: re(&t.change_up),
            down: re(&t.change_down),
            last_year: re(&t.last_year),
            change_veto: re(&t.change_veto),
            conflict_lead: t.conflict_lead,
            conflict_veto: re(&t.conflict_veto),
            whole_year: t.whole_year,
            own_scope: t.own_scope,
            year: re("(?:^|[^0-9])(20[0-9][0-9]) ?年"),
        }
    })
}

/// The flag messages (`data/flags.toml`).
/// Read apart from the rules (their patterns not compiled): the page's shell fills cross-year
/// messages without the regex engine.
pub fn messages() -> &'static Messages {
    static M: OnceLock<Messages> = OnceLock::new();
    M.get_or_init(|| {
        let (_, json) = crate::data::builtin_data!("flags_names");
        Messages(crate::model::from_json::data_field(json, "messages"))
    })
}

crate::model::from_json::struct_from_json! {
    Message { zh, en }
}

pub(super) fn flag(
    kind: &str,
    key: &str,
    pairs: &[(&str, String)],
    metrics: Vec<String>,
    evidence: Vec<Span>,
) -> Flag {
    let (zh, en) = messages().get(key);
    Flag {
        kind: kind.into(),
        zh: super::fill(zh, pairs),
        en: super::fill(en, pairs),
        metrics,
        evidence,
    }
}

pub(super) fn char_span(doc: &Doc, r: &Range<usize>) -> Span {
    doc.index.span(r)
}

/// The fact (if any) one of whose evidence spans holds this quantity.
pub(super) fn fact_of<'r>(doc: &Doc, report: &'r Report, q: &Quantity) -> Option<&'r Fact> {
    let [s, e] = char_span(doc, &q.span);
    report.metrics.iter().find(|f| {
        (f.value - q.value).abs() <= 1e-9 * f.value.abs().max(1.0)
            && f.evidence.iter().any(|ev| ev[0] <= s && e <= ev[1])
    })
}

/// The words right before a quantity in its clause (at most 12 chars), as a name.
pub(super) fn subject(doc: &Doc, q: &Quantity) -> String {
    let before = tail(doc.body.get(..q.span.start).unwrap_or(""), 120);
    let start = after_delimiter(before, &[',', ';', '。', ':', '\n']);
    let words: Vec<char> = before[start..].trim().chars().collect();
    words[words.len().saturating_sub(12)..].iter().collect()
}

/// The last `max` bytes of `s` (from a char boundary): reads before a figure stay bounded, so that
/// one long line without punctuation costs linear time.
pub(super) fn tail(s: &str, max: usize) -> &str {
    let mut from = s.len().saturating_sub(max);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    &s[from..]
}

/// The byte offset just after the last of `delims` in `s` (0 when there is none).
pub(super) fn after_delimiter(s: &str, delims: &[char]) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| delims.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

#[cfg(test)]
mod messages_tests {
    /// The shell's reading of the flag messages is serde's reading of the same file.
    #[test]
    fn the_shells_messages_are_serdes() {
        #[derive(serde::Deserialize)]
        struct Only {
            messages: std::collections::HashMap<String, super::Message>,
        }
        let (_, json) = crate::data::builtin_data!("flags");
        let t: Only = serde_json::from_str(json).expect("flags parse");
        assert!(t.messages.len() >= 5);
        assert_eq!(t.messages.len(), super::messages().0.len());
        for (k, m) in &t.messages {
            assert_eq!(
                super::messages().get(k),
                (m.zh.as_str(), m.en.as_str()),
                "{k}"
            );
        }
    }
}

#[cfg(test)]
mod marker_tests {
    /// The marker's searcher finds what `str::find` finds: first, repeated, at either end,
    /// inside wider chars, absent.
    #[test]
    fn the_marker_finder_is_str_find() {
        let r = super::rules();
        let marker = std::str::from_utf8(r.parts_marker.needle()).expect("the marker is text");
        assert!(!marker.is_empty());
        let texts = [
            String::new(),
            "全年共办理案件12件".to_string(),
            marker.to_string(),
            format!("共120件,{marker}A类80件,{marker}B类40件"),
            format!("前面的话{marker}"),
            format!("é\u{1F600}{marker}x"),
        ];
        for t in &texts {
            assert_eq!(r.parts_marker.find(t.as_bytes()), t.find(marker), "{t}");
        }
    }
}
