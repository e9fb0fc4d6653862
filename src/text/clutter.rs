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
    /// The rules' `contains` and `unless` words, and their longest line (built by `prepared`).
    #[serde(skip)]
    words: Words,
}

/// The words the rules look for anywhere in a line, counted in one Aho–Corasick pass each
/// (`re::WordCounts`) instead of one substring search per word and rule. A line is counted only
/// when it holds one of the words at all (one prefiltered search), and the `contains` words only
/// once a rule's `unless` words (`。`) are not in the line.
#[derive(Debug, Clone, Default)]
struct Words {
    /// Every rule's `contains` words, in one list.
    contains: WordCounts,
    /// Every rule's `unless` words, in one list.
    unless: WordCounts,
    /// Per rule: where its `contains` and its `unless` words are in those lists.
    contains_at: Vec<Range<usize>>,
    unless_at: Vec<Range<usize>>,
    /// Whether each list is one word repeated (every rule's `unless = ["。"]`): a line then holds
    /// one of a rule's words exactly when it holds one of the list's, and no count is taken.
    contains_one: bool,
    unless_one: bool,
    /// The most chars of a line any rule applies to.
    longest: usize,
    /// Per rule: the first bytes of its `starts`, the last bytes of its `ends` and the first
    /// bytes of its `lines`: a rule's list is compared with a line only when the line's byte
    /// there is one of them (most lines begin and end with bytes no rule's words do).
    starts_first: Vec<ByteSet>,
    ends_last: Vec<ByteSet>,
    lines_first: Vec<ByteSet>,
}

/// A set of byte values.
#[derive(Debug, Clone, Default)]
struct ByteSet([u64; 4]);

impl ByteSet {
    /// The set of the bytes `pick` takes from each word (every byte for a word it takes none from).
    fn of<'w>(words: &'w [String], pick: impl Fn(&'w [u8]) -> Option<&'w u8>) -> ByteSet {
        let mut set = ByteSet::default();
        for w in words {
            match pick(w.as_bytes()) {
                Some(&b) => set.0[b as usize >> 6] |= 1 << (b & 63),
                None => set.0 = [u64::MAX; 4],
            }
        }
        set
    }

    /// Whether `b` is in the set.
    fn has(&self, b: u8) -> bool {
        self.0[b as usize >> 6] >> (b & 63) & 1 == 1
    }
}

impl Words {
    fn new(rules: &[Rule]) -> Words {
        let (mut contains, mut unless) = (Vec::new(), Vec::new());
        let (mut contains_at, mut unless_at) = (Vec::new(), Vec::new());
        for r in rules {
            for (list, all, at) in [
                (&r.contains, &mut contains, &mut contains_at),
                (&r.unless, &mut unless, &mut unless_at),
            ] {
                let start = all.len();
                all.extend(list.iter().cloned());
                at.push(start..all.len());
            }
        }
        let one = |words: &[String]| words.windows(2).all(|w| w[0] == w[1]);
        Words {
            contains_one: one(&contains),
            unless_one: one(&unless),
            contains: WordCounts::new(&contains),
            unless: WordCounts::new(&unless),
            contains_at,
            unless_at,
            longest: rules.iter().map(|r| r.max_chars).max().unwrap_or(0),
            starts_first: rules
                .iter()
                .map(|r| ByteSet::of(&r.starts, <[u8]>::first))
                .collect(),
            ends_last: rules
                .iter()
                .map(|r| ByteSet::of(&r.ends, <[u8]>::last))
                .collect(),
            lines_first: rules
                .iter()
                .map(|r| ByteSet::of(&r.lines, <[u8]>::first))
                .collect(),
        }
    }
}

/// Whether one of some words of a [`WordCounts`] is in a line: whether any word of the list is,
/// asked once, then its counts, taken on the first ask (never for a list of one word repeated).
struct Lazy<'a> {
    counter: &'a WordCounts,
    line: &'a str,
    /// The list is one word repeated (see `Words`).
    one: bool,
    any: std::cell::OnceCell<bool>,
    counts: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> Lazy<'a> {
    fn new(counter: &'a WordCounts, line: &'a str, one: bool) -> Self {
        Lazy {
            counter,
            line,
            one,
            any: std::cell::OnceCell::new(),
            counts: std::cell::OnceCell::new(),
        }
    }

    /// Whether one of the counter's words `words` is in the line.
    fn has(&self, words: &Range<usize>) -> bool {
        if words.is_empty() {
            return false;
        }
        let (counter, line) = (self.counter, self.line);
        *self.any.get_or_init(|| counter.any(line))
            && (self.one
                || self.counts.get_or_init(|| counter.counts(line))[words.clone()]
                    .iter()
                    .any(|&n| n > 0))
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
        // cheap reject before counting chars: a char is at most 4 bytes
        let w = &self.words;
        if t.len() > w.longest * 4 {
            return None;
        }
        let chars = t.chars().count();
        // (a start's first byte compared first: no call of `memcmp` for most)
        let first = t.as_bytes()[0];
        let starts_with = |p: &String| p.as_bytes().first() == Some(&first) && t.starts_with(p);
        let bare = t.trim_end_matches([':', '|', ' ']);
        // (the line without its spaces, compared byte by byte with a rule's whole lines: a space
        // is one byte, and no copy of the line is made)
        let squeezed_is = |p: &String| bare.bytes().filter(|&b| b != b' ').eq(p.bytes());
        // (the gates of a rule's `ends` and `lines` by the line's last and first bytes; a line
        // with nothing left but `:|` is compared with every rule's whole lines, as an empty one)
        let (last, lead) = (bare.as_bytes().last(), bare.as_bytes().first());
        let ends_at = |k: usize| last.is_some_and(|&b| w.ends_last[k].has(b));
        let lines_at = |k: usize| lead.is_none_or(|&b| w.lines_first[k].has(b));
        // (the words counted only once a rule takes lines this long, the `unless` words first:
        // a sentence's `。`, one quick search, spares the many `contains` words; an empty word
        // is in every line)
        let (contains, unless) = (
            Lazy::new(&w.contains, t, w.contains_one),
            Lazy::new(&w.unless, t, w.unless_one),
        );
        self.rule
            .iter()
            .enumerate()
            .find(|&(k, r)| {
                chars <= r.max_chars
                    && !unless.has(&w.unless_at[k])
                    && (w.starts_first[k].has(first) && r.starts.iter().any(starts_with)
                        || ends_at(k) && r.ends.iter().any(|p| bare.ends_with(p.as_str()))
                        || lines_at(k) && r.lines.iter().any(squeezed_is)
                        || (!r.only.is_empty() && t.chars().all(|c| r.only.contains(c)))
                        || contains.has(&w.contains_at[k]))
            })
            .map(|(_, r)| r.name.as_str())
    }

    /// Byte ranges (whole lines, without the line break) of `norm` that are clutter.
    pub fn lines(&self, norm: &str) -> Vec<Range<usize>> {
        // (an empty last line is no clutter: `line_ranges` leaves it out)
        super::lines::line_ranges(norm)
            .filter(|line| self.matches(&norm[line.clone()]).is_some())
            .collect()
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

    /// `matches` names the rule a plain reading of the rules names (each word searched, the
    /// spaceless line built), with the built-in rules and with rules whose `unless` and
    /// `contains` lists are, or are not, one word repeated.
    #[test]
    fn matches_like_a_plain_reading() {
        fn plain(rules: &Rules, line: &str) -> Option<String> {
            let t = line.trim_matches([' ', '\t', '\r', '\u{FEFF}']);
            let chars = t.chars().count();
            let bare = t.trim_end_matches([':', '|', ' ']);
            let squeezed = bare.replace(' ', "");
            let has = |words: &[String]| words.iter().any(|w| t.contains(w.as_str()));
            let rule = rules.rule.iter().find(|r| {
                !t.is_empty()
                    && chars <= r.max_chars
                    && !has(&r.unless)
                    && (r.starts.iter().any(|p| t.starts_with(p.as_str()))
                        || r.ends.iter().any(|p| bare.ends_with(p.as_str()))
                        || r.lines.contains(&squeezed)
                        || (!r.only.is_empty() && t.chars().all(|c| r.only.contains(c)))
                        || has(&r.contains))
            });
            rule.map(|r| r.name.clone())
        }
        let mixed = Rules::from_toml(
            "[[rule]]\nname = \"a\"\nmax_chars = 20\nunless = [\"。\", \"!\"]\n\
             contains = [\"看过\"]\nlines = [\"收 起\"]\n\
             [[rule]]\nname = \"b\"\nmax_chars = 30\nunless = [\"!\"]\n\
             contains = [\"看过\", \"点赞\"]\nstarts = [\"首页\", \"来自\"]\n\
             [[rule]]\nname = \"c\"\nmax_chars = 30\nends = [\"尾\"]\nlines = [\" \"]\n",
        )
        .unwrap();
        let lines = [
            "",
            "  ",
            "首页>栏目>正文",
            "来自:本站",
            "首页好看。",
            "已有12人看过",
            "已有12人看过。",
            "已有12人看过!",
            "点赞 3",
            "点赞 3!",
            "收 起",
            " 收起 :",
            "收起了",
            "分 享|",
            "打印 关闭",
            "本页浏览量 98",
            "字号:大 中 小",
            "-- -- --",
            "|>»",
            "主办:某某中心",
            "某单位主办",
            "我们坚持依法行政,取得成效。",
            "©某站",
            "版权所有",
            ":|",
            "结尾",
            "结尾:",
        ];
        for rules in [builtin(), &mixed] {
            for line in lines {
                let got = rules.matches(line).map(str::to_string);
                assert_eq!(got, plain(rules, line), "{line:?}");
            }
        }
        assert_eq!(mixed.matches("已有12人看过!"), None);
        assert_eq!(mixed.matches("已有12人看过。"), Some("b"));
        assert_eq!(mixed.matches(" 收起 :"), Some("a"));
    }

    /// The lines found between the line breaks' positions are those `split('\n')` gives.
    #[test]
    fn lines_are_the_split_lines() {
        let rules = builtin();
        for t in [
            "",
            "\n",
            "分享",
            "\n\n版权所有 某站\n",
            "正文。\n首页>甲\n\n分享\n",
            "分享\n打印",
        ] {
            let mut want = Vec::new();
            let mut start = 0;
            for line in t.split('\n') {
                if rules.matches(line).is_some() {
                    want.push(start..start + line.len());
                }
                start += line.len() + 1;
            }
            assert_eq!(rules.lines(t), want, "{t:?}");
        }
        assert_eq!(rules.lines("分享\n打印").len(), 2);
    }
}
