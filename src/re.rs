//! The regex engine: `regex` natively (fast), `regex-lite` in the browser (small). Both take the
//! same syntax for what the project writes (no Unicode classes); `RegexSet` is emulated on wasm.

#[cfg(not(target_arch = "wasm32"))]
pub use regex::{Regex, RegexSet};

#[cfg(target_arch = "wasm32")]
pub use regex_lite::Regex;

/// A [`RegexSet`] of many patterns (the catalog's triggers): natively its lazy DFA gets a cache
/// big enough to stay warm across figures and documents (the default 2 MB is cleared over and
/// over, then the search falls back to the slow PikeVM).
#[cfg(not(target_arch = "wasm32"))]
pub fn set<I: IntoIterator<Item = S>, S: AsRef<str>>(pats: I) -> Result<RegexSet, regex::Error> {
    regex::RegexSetBuilder::new(pats)
        .dfa_size_limit(SET_CACHE)
        .build()
}

/// The lazy-DFA cache of a [`set`], in bytes.
#[cfg(not(target_arch = "wasm32"))]
const SET_CACHE: usize = 16 << 20;

/// A [`RegexSet`] (compiled to check the patterns; see below).
#[cfg(target_arch = "wasm32")]
pub fn set<I: IntoIterator<Item = S>, S: AsRef<str>>(
    pats: I,
) -> Result<RegexSet, regex_lite::Error> {
    RegexSet::new(pats)
}

/// A set of regexes used as a prefilter. On wasm it only checks that the patterns compile and
/// prefilters with each pattern's required literals (see [`required_literals`]): `matched`
/// answers "maybe" (true) unless none of them is in the text, and the caller's own search
/// decides, which is cheaper than running every member of the set with `regex-lite`.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone)]
pub struct RegexSet {
    literals: Vec<Option<Vec<String>>>,
}

/// Which members of a [`RegexSet`] may match.
#[cfg(target_arch = "wasm32")]
pub struct SetMatches(Vec<bool>);

#[cfg(target_arch = "wasm32")]
impl SetMatches {
    /// May member `i` match?
    pub fn matched(&self, i: usize) -> bool {
        self.0.get(i).copied().unwrap_or(true)
    }
}

#[cfg(target_arch = "wasm32")]
impl RegexSet {
    /// Compile every pattern.
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(
        pats: I,
    ) -> Result<Self, regex_lite::Error> {
        let mut literals = Vec::new();
        for p in pats {
            Regex::new(p.as_ref())?;
            literals.push(required_literals(p.as_ref()));
        }
        Ok(RegexSet { literals })
    }
    /// Which patterns may match `text`.
    pub fn matches(&self, text: &str) -> SetMatches {
        SetMatches(
            self.literals
                .iter()
                .map(|l| {
                    l.as_ref()
                        .is_none_or(|l| l.iter().any(|w| text.contains(w.as_str())))
                })
                .collect(),
        )
    }
}

/// Strings one of which every match of `pattern` contains (one per top-level alternative: its
/// longest run of plain chars that no quantifier makes optional), or `None` when that cannot be
/// told simply (escapes, flags, an alternative without such a run). A prefilter: a text holding
/// none of them cannot match.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn required_literals(pattern: &str) -> Option<Vec<String>> {
    if pattern.contains('\\') || pattern.split("(?").skip(1).any(|r| !r.starts_with(':')) {
        return None;
    }
    let cs: Vec<char> = pattern.chars().collect();
    // the end (exclusive) of the class opening at `i`
    let class_end = |i: usize| -> Option<usize> {
        let mut j = i + 1;
        if cs.get(j) == Some(&'^') {
            j += 1;
        }
        if cs.get(j) == Some(&']') {
            j += 1;
        }
        while *cs.get(j)? != ']' {
            if cs[j] == '[' {
                return None;
            }
            j += 1;
        }
        Some(j + 1)
    };
    let mut out = Vec::new();
    let (mut runs, mut run): (Vec<String>, String) = (Vec::new(), String::new());
    let mut depth = 0usize;
    let mut i = 0;
    while i <= cs.len() {
        let c = cs.get(i).copied();
        match c {
            None | Some('|') if depth == 0 => {
                runs.push(std::mem::take(&mut run));
                let best = runs.drain(..).max_by_key(|r| r.chars().count())?;
                if best.is_empty() {
                    return None;
                }
                out.push(best);
                i += 1;
                continue;
            }
            Some('[') => {
                i = class_end(i)?;
                if depth == 0 {
                    runs.push(std::mem::take(&mut run));
                }
                continue;
            }
            Some('(') => depth += 1,
            Some(')') => depth = depth.checked_sub(1)?,
            _ if depth > 0 => {}
            Some('?' | '*' | '{') => {
                // the char before is optional (or repeated an unknown number of times)
                run.pop();
                runs.push(std::mem::take(&mut run));
                if c == Some('{') {
                    while *cs.get(i)? != '}' {
                        i += 1;
                    }
                }
            }
            Some('+') => runs.push(std::mem::take(&mut run)),
            Some('.' | '^' | '$' | '|') => runs.push(std::mem::take(&mut run)),
            Some(c) => run.push(c),
            None => return None,
        }
        if depth > 0 || c == Some(')') {
            // a group: not part of a run (and a quantifier after it is skipped as a group char)
            if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        i += 1;
    }
    (depth == 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::required_literals as lits;

    #[test]
    fn required_literals_of_simple_patterns() {
        let v = |p: &str| lits(p).map(|v| v.join("/"));
        assert_eq!(v("行政复议|复议案件"), Some("行政复议/复议案件".into()));
        assert_eq!(v("受理[^,;。]{0,6}申请"), Some("申请".into()));
        assert_eq!(v("(受理|收到)[^,;。]{0,6}申请件?"), Some("申请".into()));
        assert_eq!(v("办理案件+"), Some("办理案件".into()));
        assert_eq!(v("ab{2}cd"), Some("cd".into()));
        assert_eq!(v("(a|b)"), None);
        assert_eq!(v("x|(a|b)"), None);
        assert_eq!(v("a\\.b"), None);
        assert_eq!(v("(?i)abc"), None);
        assert_eq!(v("(?:共|累计)办理"), Some("办理".into()));
        assert_eq!(v("[|]ab|cd"), Some("ab/cd".into()));
    }

    /// Every catalog pattern with literals: on every clause of the seeds, a match implies one of
    /// its literals (checked with the native engine).
    #[test]
    fn required_literals_never_reject_a_match() {
        let cat = crate::data::catalog::builtin();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let texts: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .map(|t| crate::text::normalise::normalise(&t))
            .collect();
        for mx in &cat.matchers {
            for r in mx.triggers.iter().chain(&mx.weak).chain(&mx.after) {
                let Some(l) = lits(r.as_str()) else { continue };
                for t in &texts {
                    for m in r.find_iter(t) {
                        assert!(
                            l.iter().any(|w| m.as_str().contains(w.as_str())),
                            "{} matched {:?} without {:?}",
                            r.as_str(),
                            m.as_str(),
                            l
                        );
                    }
                }
            }
        }
    }
}
