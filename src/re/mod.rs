//! The regex engine: `regex` (its lazy DFA) natively and in the page's extraction engine alike,
//! so both give the same matches at the same speed. The page's shell never compiles a pattern
//! (see `src/bin/engine.rs`), so `regex` is not in the initial load.

pub use regex::Regex;

mod near;
mod prefilter;
pub use prefilter::{Prefilter, WordCounts};

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
    /// A pattern anchored at the start that looks for words a few chars in: searched without
    /// the regex, which is then never compiled (see [`near::Near`]; such a pattern is small
    /// enough to compile).
    near: Option<near::Near>,
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
            Ok(hir) => Ok(Short {
                re: std::sync::OnceLock::new(),
                pat: pat.to_string(),
                gate: std::sync::OnceLock::new(),
                near: near::Near::of(&hir),
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
        if let Some(n) = &self.near {
            return n.is_match(hay);
        }
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
        if let Some(n) = &self.near {
            return n.find(hay).map(|m| regex_automata::Match::must(0, m));
        }
        self.may_match(hay)
            .then(|| self.regex().and_then(|re| re.find(hay)))
            .flatten()
    }

    /// The successive non-overlapping matches in `hay`.
    pub fn find_iter<'r, 'h>(
        &'r self,
        hay: &'h str,
    ) -> impl Iterator<Item = regex_automata::Match> + use<'r, 'h> {
        // (anchored at the start, its one match is all)
        let near = self.near.as_ref().map(|_| self.find(hay));
        let near = near.into_iter().flatten();
        (self.near.is_none() && self.may_match(hay))
            .then(|| self.regex().map(|re| re.find_iter(hay)))
            .flatten()
            .into_iter()
            .flatten()
            .chain(near)
    }

    /// How many of `hay`'s first chars can be dropped one by one (at most `most`) with the
    /// pattern still matching each shorter tail, when a walk tells it (see [`near::Near`]);
    /// None when only the regex can (then ask [`Short::is_match`] of each tail).
    pub fn tails_matching(&self, hay: &str, most: usize) -> Option<usize> {
        Some(self.near.as_ref()?.tails_matching(hay, most))
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
    nonempty_literals(&Extractor::new().kind(ExtractKind::Prefix).extract(hir)).is_some()
}

/// The literals of an extracted prefix or suffix set when one of them begins (or ends) every
/// match: a finite, non-empty set, none of them empty. None otherwise.
fn nonempty_literals(
    seq: &regex_syntax::hir::literal::Seq,
) -> Option<&[regex_syntax::hir::literal::Literal]> {
    seq.literals()
        .filter(|l| !l.is_empty() && l.iter().all(|l| !l.is_empty()))
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
    if prefixes.is_exact() || nonempty_literals(&prefixes).is_some() {
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
        let lits = nonempty_literals(&seq)?;
        Some(minimal(
            lits.iter().map(|l| l.as_bytes().to_vec()).collect(),
        ))
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

    /// Every trigger, weak trigger and `after` pattern of the catalog.
    pub(super) fn catalog_patterns() -> Vec<&'static str> {
        let cat = crate::data::catalog::builtin();
        cat.matchers
            .iter()
            .flat_map(|mx| mx.triggers.iter().chain(&mx.weak).chain(&mx.after))
            .map(|r| r.as_str())
            .collect()
    }

    /// The seeds, normalised.
    pub(super) fn seed_texts() -> Vec<String> {
        shared_texts("corpus")
    }

    /// The texts of `../shared/{dir}`, normalised.
    pub(super) fn shared_texts(dir: &str) -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared")
            .join(dir);
        std::fs::read_dir(dir)
            .expect("../shared beside the repository")
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .map(|t| crate::text::normalise::normalise(&t))
            .collect()
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
}
