//! The regex engine: `regex` (its lazy DFA) natively and in the page's extraction engine alike,
//! so both give the same matches at the same speed. The page's shell never compiles a pattern
//! (see `src/bin/engine.rs`), so `regex` is not in the initial load.

pub use regex::Regex;

/// A pattern searched only in short windows of text (a figure's words before and after it, its
/// sentence): `regex-automata`'s meta regex without its lazy DFA, so the bounded backtracker
/// (or the PikeVM) searches. The catalog's 231 patterns are each searched a few times per
/// report; by the time a figure's words are searched, a lazy DFA's transition tables have left
/// the CPU's caches, and the first search of a window cost ~2.8 µs against ~0.3 µs for the same
/// search repeated at once (measured in `classify` on the seeds). The backtracker's state is
/// small. The matches are `Regex`'s: leftmost-first, byte offsets, the same syntax.
#[derive(Debug, Clone)]
pub struct Short {
    /// Compiled on the first search, or why it does not compile (see [`Short::check`]). A
    /// program that never searches a pattern never compiles it (on the seeds ~190 of the
    /// catalog's ~230 are searched; a one-line text needs a few).
    re: std::sync::OnceLock<Result<regex_automata::meta::Regex, String>>,
    pat: String,
    /// Literals one of which every match contains, when the regex has no prefilter of its own
    /// (see [`gate`]): a text without any of them is not searched. Built on the first search.
    gate: std::sync::OnceLock<Option<Gate>>,
}

/// The gate of a pattern (see [`gate`]).
#[derive(Debug, Clone)]
struct Gate {
    /// The literals.
    ac: aho_corasick::AhoCorasick,
    /// When some of the pattern's branches begin with literals: its [`Split`] for
    /// [`Short::is_match`].
    split: Option<Split>,
}

/// A gated alternation split for [`Short::is_match`]: the branches that begin with literals
/// (`lead`: one regex, with its own literal prefilter) and the others (`rest`, searched only
/// when the text holds one of their literals). A text matches the whole alternation exactly when
/// it matches some branch, so `lead` or (`rest_gate` and `rest`) tells what the whole tells,
/// without trying every branch at every position of every text the whole gate lets through
/// (the exclusions of a metric joined into one alternation, `(?:不予|免于)|…|(?:[^各]类的?案件)`:
/// ~15k instructions a search on a figure's words before, all of them at every position).
#[derive(Debug, Clone)]
struct Split {
    lead: regex_automata::meta::Regex,
    rest: regex_automata::meta::Regex,
    rest_gate: aho_corasick::AhoCorasick,
}

impl Short {
    /// `pat` (the `regex` crate's syntax), its syntax checked now and compiled on its first
    /// search; the error is `Regex::new`'s. A pattern that parses but is too big to compile
    /// never matches: [`Short::check`] tells it at once (a user's catalog is checked so).
    pub fn new(pat: &str) -> Result<Short, regex::Error> {
        match regex_syntax::parse(pat) {
            Ok(_) => Ok(Short {
                re: std::sync::OnceLock::new(),
                pat: pat.to_string(),
                gate: std::sync::OnceLock::new(),
            }),
            Err(e) => Err(regex_error(pat, e.to_string())),
        }
    }

    /// Compile it now; the error is `Regex::new`'s.
    pub fn check(&self) -> Result<(), regex::Error> {
        match self.built() {
            Ok(_) => Ok(()),
            Err(why) => Err(regex_error(&self.pat, why.clone())),
        }
    }

    /// The compiled regex (compiled on the first call), or why it does not compile.
    fn built(&self) -> &Result<regex_automata::meta::Regex, String> {
        self.re.get_or_init(|| build(&self.pat))
    }

    /// The compiled regex; None when it does not compile.
    fn regex(&self) -> Option<&regex_automata::meta::Regex> {
        self.built().as_ref().ok()
    }

    /// The pattern it was compiled from.
    pub fn as_str(&self) -> &str {
        &self.pat
    }

    /// Whether it matches anywhere in `hay`.
    pub fn is_match(&self, hay: &str) -> bool {
        // (the whole gate first: it rules out most texts fastest; a whole too big never matches)
        if !self.may_match(hay) || self.regex().is_none() {
            return false;
        }
        match self.gate() {
            Some(Gate { split: Some(s), .. }) => {
                s.lead.is_match(hay) || s.rest_gate.is_match(hay) && s.rest.is_match(hay)
            }
            _ => self.regex().is_some_and(|re| re.is_match(hay)),
        }
    }

    /// The leftmost-first match in `hay`.
    pub fn find(&self, hay: &str) -> Option<regex_automata::Match> {
        self.may_match(hay)
            .then(|| self.regex().and_then(|re| re.find(hay)))
            .flatten()
    }

    /// The successive non-overlapping matches in `hay`.
    pub fn find_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> impl Iterator<Item = regex_automata::Match> + use<'r, 'h> {
        self.may_match(hay)
            .then(|| self.regex().map(|re| re.find_iter(hay)))
            .flatten()
            .into_iter()
            .flatten()
    }

    /// False when `hay` surely holds no match (it lacks every literal of the gate).
    fn may_match(&self, hay: &str) -> bool {
        self.gate().is_none_or(|g| g.ac.is_match(hay))
    }

    /// The gate (built on the first call).
    fn gate(&self) -> Option<&Gate> {
        self.gate.get_or_init(|| gate(&self.pat)).as_ref()
    }
}

/// `pat` compiled for short windows: the meta regex without its lazy DFA (see [`Short`]).
fn build(pat: &str) -> Result<regex_automata::meta::Regex, String> {
    regex_automata::meta::Regex::builder()
        .configure(config())
        .build(pat)
        .map_err(|e| e.to_string())
}

/// The meta regex's configuration for short windows: no lazy DFA (see [`Short`]).
fn config() -> regex_automata::meta::Config {
    // (only the whole match is ever asked for: groups compile without capture states)
    regex_automata::meta::Config::new()
        .hybrid(false)
        .dfa(false)
        .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit)
}

/// `Regex::new`'s error for `pat`, else (`regex` compiles what the meta regex does not) one that
/// says `why`.
fn regex_error(pat: &str, why: String) -> regex::Error {
    Regex::new(pat).err().unwrap_or(regex::Error::Syntax(why))
}

/// The [`Split`] of a gated alternation's `branches`; None when no branch begins with literals
/// (or one does not build).
fn split(branches: &[&regex_syntax::hir::Hir]) -> Option<Split> {
    use regex_syntax::hir::Hir;
    let (lead, rest): (Vec<&Hir>, Vec<&Hir>) = branches.iter().partition(|b| has_prefixes(b));
    if lead.is_empty() {
        return None;
    }
    let mut lits: Vec<Vec<u8>> = Vec::new();
    for b in &rest {
        lits.extend(literals_of(b)?);
    }
    let build = |bs: Vec<&Hir>| {
        regex_automata::meta::Regex::builder()
            .configure(config())
            .build_from_hir(&Hir::alternation(bs.into_iter().cloned().collect()))
            .ok()
    };
    Some(Split {
        lead: build(lead)?,
        rest: build(rest)?,
        rest_gate: nfa(&lits)?,
    })
}

/// Whether every match of `hir` begins with one of a finite set of non-empty literals.
fn has_prefixes(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    (prefixes.literals()).is_some_and(|l| !l.is_empty() && l.iter().all(|l| !l.is_empty()))
}

/// The gate of a pattern whose matches need not begin with a literal (the meta regex then has no
/// prefilter and, without its DFAs, tries every branch at every position) but whose every
/// top-level branch begins or ends with one: the union of the branches' literals. An exclusion
/// list joined into one alternation (`(?:不予|免于)|…|(?:[^各]类的?案件)`) is the case it is for.
/// None when the whole pattern has prefix literals (the regex's own prefilter does this) or
/// some branch has none.
fn gate(pat: &str) -> Option<Gate> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    use regex_syntax::hir::HirKind;
    let hir = regex_syntax::parse(pat).ok()?;
    let prefixes = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    if prefixes.is_exact()
        || prefixes
            .literals()
            .is_some_and(|l| !l.is_empty() && l.iter().all(|l| !l.is_empty()))
    {
        return None;
    }
    let branches = match hir.kind() {
        HirKind::Alternation(bs) => bs.iter().collect(),
        _ => vec![&hir],
    };
    let mut lits: Vec<Vec<u8>> = Vec::new();
    for b in &branches {
        lits.extend(literals_of(b)?);
    }
    Some(Gate {
        ac: nfa(&lits)?,
        split: split(&branches),
    })
}

/// An Aho-Corasick NFA of `lits` (a DFA would take longer to build than the few searches of a
/// pattern need).
fn nfa(lits: &[Vec<u8>]) -> Option<aho_corasick::AhoCorasick> {
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(lits)
        .ok()
}

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

/// Literals one of which begins, or one of which ends, every match of `pat`; None when there are
/// no such (an empty literal, a class too wide, a pattern that does not parse).
fn literals(pat: &str) -> Option<Vec<Vec<u8>>> {
    literals_of(&regex_syntax::parse(pat).ok()?)
}

/// Literals one of which begins, or one of which ends, every match of `hir`: of the two sets the
/// more selective (its shortest literal the longer, then the fewer literals), each [`minimal`].
/// None when there are no such.
fn literals_of(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    let [prefix, suffix] = [ExtractKind::Prefix, ExtractKind::Suffix].map(|kind| {
        let seq = Extractor::new().kind(kind).extract(hir);
        let lits = seq.literals()?;
        (!lits.is_empty() && lits.iter().all(|l| !l.as_bytes().is_empty()))
            .then(|| minimal(lits.iter().map(|l| l.as_bytes().to_vec()).collect()))
    });
    match (prefix, suffix) {
        (Some(p), Some(s)) => Some(if selectivity(&s) > selectivity(&p) {
            s
        } else {
            p
        }),
        (p, s) => p.or(s),
    }
}

/// `lits` without those that hold another of them: a text holds one of the rest exactly when it
/// holds one of `lits` (`行政复议,`, `行政复议案件` and `行政复议` are `行政复议`).
fn minimal(mut lits: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    lits.sort_by_key(Vec::len);
    lits.dedup();
    let mut kept: Vec<Vec<u8>> = Vec::new();
    for l in lits {
        if !kept
            .iter()
            .any(|k| l.windows(k.len()).any(|w| w == k.as_slice()))
        {
            kept.push(l);
        }
    }
    kept
}

/// How selective a set of literals is, the greater the more: its shortest literal's length,
/// then the fewer literals.
fn selectivity(lits: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = lits.iter().map(Vec::len).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(lits.len()))
}

#[cfg(test)]
mod tests {
    use super::Prefilter;

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

    /// Every trigger, weak trigger and `after` pattern of the catalog.
    fn catalog_patterns() -> Vec<&'static str> {
        let cat = crate::data::catalog::builtin();
        cat.matchers
            .iter()
            .flat_map(|mx| mx.triggers.iter().chain(&mx.weak).chain(&mx.after))
            .map(|r| r.as_str())
            .collect()
    }

    /// The seeds, normalised.
    fn seed_texts() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        std::fs::read_dir(dir)
            .expect("../shared/corpus beside the repository")
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .map(|t| crate::text::normalise::normalise(&t))
            .collect()
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

    /// Every catalog pattern (triggers, vetoes, contexts, zero phrases), on every line and every
    /// phrase of the seeds: `Short` finds what `Regex` finds (the classifier's windows are
    /// searched with `Short`).
    #[test]
    fn short_finds_what_regex_finds() {
        let cat = crate::data::catalog::builtin();
        let vetoes = cat.matchers.iter().flat_map(|mx| {
            [&mx.exclude, &mx.exclude_after, &mx.context]
                .into_iter()
                .flatten()
        });
        let pats: Vec<&str> = catalog_patterns()
            .into_iter()
            .chain(vetoes.map(|r| r.as_str()))
            .chain(cat.zeros.iter().map(|(_, r)| r.as_str()))
            .collect();
        let texts = seed_texts();
        let hays: Vec<&str> = texts
            .iter()
            .flat_map(|t| t.lines().chain(t.split([',', '。', ';'])))
            .collect();
        let mut found = 0;
        for p in pats {
            let (short, regex) = (super::Short::new(p).unwrap(), super::Regex::new(p).unwrap());
            for h in &hays {
                let a: Vec<_> = short.find_iter(h).map(|m| m.range()).collect();
                let b: Vec<_> = regex.find_iter(h).map(|m| m.range()).collect();
                assert_eq!(a, b, "{p} on {h:?}");
                assert_eq!(short.is_match(h), regex.is_match(h), "{p} on {h:?}");
                found += a.len();
            }
        }
        assert!(
            found > 1000,
            "the catalog's patterns match the seeds ({found} matches)"
        );
    }

    /// A pattern gets a gate only when its own prefilter is missing and every branch has
    /// literals; a gated pattern still finds what `Regex` finds. Its branches that begin with
    /// literals are split off for `is_match`: the two parts tell what the whole tells.
    #[test]
    fn the_gate_is_set_only_where_it_is_sound_and_needed() {
        let pat = "(?:不予|免于)|(?:[^各]类的?案件)|(?:罚没类[^,;。]{1,8}$)|(?:[^甲]乙丙)";
        let gated = super::Short::new(pat).unwrap();
        let split = super::gate(pat).and_then(|g| g.split).expect("split");
        let regex = super::Regex::new(pat).unwrap();
        for (hay, want) in [
            ("依法不予处罚", true),
            ("办理各类案件", false),
            ("办理此类案件", true),
            ("此类的案件不予", true),
            ("罚没类收入", true),
            ("罚没类收入,", false),
            ("其他", false),
            ("乙丙", false),
            ("甲乙丙", false),
            ("丁乙丙", true),
        ] {
            assert_eq!(gated.is_match(hay), want, "{hay}");
            assert_eq!(split.lead.is_match(hay) || split.rest.is_match(hay), want);
            assert_eq!(
                gated.find(hay).map(|m| m.range()),
                regex.find(hay).map(|m| m.range())
            );
        }
        // its own prefilter: every match begins with a literal
        assert!(super::gate("行政复议|复议案件").is_none());
        // a branch without a literal: no gate
        assert!(super::gate("(?:不予)|(?:[^,]{2})").is_none());
        // no branch begins with a literal: no split
        assert!(super::gate("(?:[^各]类案件)|(?:[^甲]乙丙)").is_some_and(|g| g.split.is_none()));
    }

    /// A bad pattern gets `Regex`'s message.
    #[test]
    fn short_reports_regexs_error() {
        let bad = String::from("(检查");
        let e = super::Short::new(&bad).unwrap_err().to_string();
        assert_eq!(e, super::Regex::new(&bad).unwrap_err().to_string());
    }

    /// Every catalog pattern, on every line of the seeds: a pattern the prefilter rules out has
    /// no match there (the classifier searches only the patterns it lets through).
    #[test]
    fn the_prefilter_never_rules_out_a_match_of_the_catalog() {
        let pats = catalog_patterns();
        let regexes: Vec<super::Short> = pats
            .iter()
            .map(|p| super::Short::new(p).expect("compiles"))
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
