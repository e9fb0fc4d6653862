//! One Aho–Corasick pass for many patterns or words: which patterns of a list may match a text
//! ([`Prefilter`]), and how often each of a list of words occurs in it ([`WordCounts`]).

use super::literals;

/// Which of a list of patterns may match a text: one Aho-Corasick pass over the literals each
/// match must begin (or end) with. A pattern with no such literals always may. Sound: a pattern
/// it rules out has no match, so `maybe` then the pattern's own search gives what a
/// `RegexSet` then that search gives, without the set's big lazy DFA.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// The literals of every pattern (deduplicated), or None when there are none.
    ac: Option<aho_corasick::AhoCorasick>,
    /// `owners[l]`: the patterns literal `l` belongs to.
    owners: Vec<Vec<usize>>,
    /// Patterns without literals.
    always: Vec<usize>,
    /// How many patterns.
    len: usize,
}

impl Prefilter {
    /// The prefilter of `pats` (patterns that do not parse always may match).
    pub fn new<S: AsRef<str>>(pats: &[S]) -> Prefilter {
        let mut ids: std::collections::HashMap<Vec<u8>, usize> = Default::default();
        let (mut lits, mut owners, mut always) = (Vec::new(), Vec::new(), Vec::new());
        for (k, p) in pats.iter().enumerate() {
            let Some(found) = literals(p.as_ref()) else {
                always.push(k);
                continue;
            };
            for lit in found {
                let id = *ids.entry(lit.clone()).or_insert_with(|| {
                    lits.push(lit);
                    owners.push(Vec::new());
                    owners.len() - 1
                });
                if owners[id].last() != Some(&k) {
                    owners[id].push(k);
                }
            }
        }
        let ac = aho_corasick::AhoCorasick::new(&lits).ok();
        if ac.is_none() {
            always = (0..pats.len()).collect();
        }
        Prefilter {
            ac: ac.filter(|_| !lits.is_empty()),
            owners,
            always,
            len: pats.len(),
        }
    }

    /// For each pattern, whether it may match `hay` (false: it surely does not).
    pub fn maybe(&self, hay: &str) -> Vec<bool> {
        let mut out = vec![false; self.len];
        self.maybe_each(hay, |k| out[k] = true);
        out
    }

    /// Call `f` with each pattern that may match `hay` (some more than once): the ones
    /// [`Prefilter::maybe`] marks.
    pub fn maybe_each(&self, hay: &str, mut f: impl FnMut(usize)) {
        self.always.iter().for_each(|&k| f(k));
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(hay) {
                self.owners[m.pattern().as_usize()]
                    .iter()
                    .for_each(|&k| f(k));
            }
        }
    }
}

/// How often each of a list of words occurs in a text, in one Aho–Corasick pass: per word, its
/// non-overlapping occurrences from the left, as `str::matches(word).count()` counts them (one
/// pass instead of one substring search per word; the page's wasm has no SIMD substring search).
#[derive(Debug, Clone, Default)]
pub struct WordCounts {
    /// The distinct non-empty words, or None when there are none.
    ac: Option<aho_corasick::AhoCorasick>,
    /// `ids[k]`: the automaton's pattern of word k (None: an empty word).
    ids: Vec<Option<usize>>,
}

impl WordCounts {
    /// The counter of `words`.
    pub fn new<S: AsRef<str>>(words: &[S]) -> WordCounts {
        let mut distinct: Vec<&str> = Vec::new();
        let ids = words
            .iter()
            .map(|w| {
                let w = w.as_ref();
                (!w.is_empty()).then(|| {
                    distinct.iter().position(|d| *d == w).unwrap_or_else(|| {
                        distinct.push(w);
                        distinct.len() - 1
                    })
                })
            })
            .collect();
        let ac = (!distinct.is_empty())
            .then(|| aho_corasick::AhoCorasick::new(&distinct).ok())
            .flatten();
        WordCounts { ac, ids }
    }

    /// Whether any of the words occurs in `hay` (an empty word occurs in every text): one
    /// prefiltered search, which stops at the first.
    pub fn any(&self, hay: &str) -> bool {
        self.ids.iter().any(Option::is_none) || self.ac.as_ref().is_some_and(|ac| ac.is_match(hay))
    }

    /// For each word, how often it occurs in `hay` (`hay.matches(word).count()`).
    pub fn counts(&self, hay: &str) -> Vec<usize> {
        let n = self.ac.as_ref().map_or(0, |ac| ac.patterns_len());
        let (mut count, mut end) = (vec![0usize; n], vec![0usize; n]);
        // overlapping matches come in order of their end; a word's matches (all of one length)
        // thus come in order of their start, and one that starts before the last counted one
        // ends overlaps it
        for m in self.ac.iter().flat_map(|ac| ac.find_overlapping_iter(hay)) {
            let p = m.pattern().as_usize();
            if count[p] == 0 || m.start() >= end[p] {
                count[p] += 1;
                end[p] = m.end();
            }
        }
        // (an empty word matches before every char and at the end)
        let empty = || hay.chars().count() + 1;
        self.ids
            .iter()
            .map(|id| id.map_or_else(empty, |p| count[p]))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::re::tests::{catalog_patterns, seed_texts};

    #[test]
    fn the_prefilter_rules_out_only_what_cannot_match() {
        let pats = [
            "行政复议|复议案件",
            "受理[^,;。]{0,6}申请",
            "[^,]{2}",
            "(?:共|累计)办理",
        ];
        let pre = Prefilter::new(&pats);
        assert_eq!(pre.maybe("收到复议案件3件"), [true, false, true, false]);
        assert_eq!(pre.maybe("累计办理"), [false, false, true, true]);
        // a pattern without a literal every match begins or ends with (`[^,]{2}`) always may
        assert_eq!(pre.maybe(""), [false, false, true, false]);
    }

    /// A pattern is ruled out by the rarer end of its matches: `(无|未发生)…行政复议` by
    /// `行政复议`, not by `无`; literals that hold another (`复议案件,` holds `复议案件`) are
    /// dropped.
    #[test]
    fn the_prefilter_reads_the_rarer_end() {
        let pats = ["(无|未发生)[^,;。]{0,24}行政复议", "复议案件(,|;|。)?"];
        let pre = Prefilter::new(&pats);
        assert_eq!(pre.maybe("无其他情况"), [false, false]);
        assert_eq!(pre.maybe("全年未发生行政复议"), [true, false]);
        assert_eq!(pre.maybe("复议案件"), [false, true]);
        assert_eq!(
            super::literals(pats[1]),
            Some(vec!["复议案件".as_bytes().to_vec()])
        );
    }

    /// Each word's count is `str::matches`'s: overlapping occurrences of one word, words inside
    /// others, repeated and empty words.
    #[test]
    fn word_counts_are_str_matches_counts() {
        let words = ["检查", "检查检", "查", "", "检查", "罚款", "aa"];
        let counter = super::WordCounts::new(&words);
        for hay in [
            "",
            "检查检查检查",
            "开展检查检查检查罚款aaa",
            "aaaa罚款罚款",
            "无",
        ] {
            let want: Vec<usize> = words.iter().map(|w| hay.matches(w).count()).collect();
            assert_eq!(counter.counts(hay), want, "{hay:?}");
        }
        let none = super::WordCounts::new::<&str>(&[]);
        assert!(none.counts("检查").is_empty());
        // `any`: some count above 0
        for hay in ["", "检", "查看", "罚没款", "aa"] {
            let any = counter.counts(hay).iter().any(|&n| n > 0);
            assert_eq!(counter.any(hay), any, "{hay:?}");
            let some = super::WordCounts::new(&["罚款", "查处"]);
            let any = some.counts(hay).iter().any(|&n| n > 0);
            assert_eq!(some.any(hay), any, "{hay:?}");
        }
        assert!(!none.any("检查"));
    }

    /// Every catalog pattern, on every line of the seeds: a pattern the prefilter rules out has
    /// no match there (the classifier searches only the patterns it lets through).
    #[test]
    fn the_prefilter_never_rules_out_a_match_of_the_catalog() {
        let pats = catalog_patterns();
        let regexes: Vec<crate::re::Short> = pats
            .iter()
            .map(|p| crate::re::Short::new(p).expect("compiles"))
            .collect();
        let pre = Prefilter::new(&pats);
        let texts = seed_texts();
        assert!(!texts.is_empty());
        for line in texts.iter().flat_map(|t| t.lines()) {
            for (k, may) in pre.maybe(line).into_iter().enumerate() {
                assert!(
                    may || !regexes[k].is_match(line),
                    "{} matches {line:?} but was ruled out",
                    pats[k]
                );
            }
        }
    }
}
