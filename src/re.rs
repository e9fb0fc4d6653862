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
/// prefilters nothing: `matched` answers "maybe" (true) and the caller's own search decides,
/// which is cheaper than running every member of the set with `regex-lite`.
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone)]
pub struct RegexSet;

/// Which members of a [`RegexSet`] may match (all of them, on wasm).
#[cfg(target_arch = "wasm32")]
pub struct SetMatches;

#[cfg(target_arch = "wasm32")]
impl SetMatches {
    /// May member `i` match? Always true on wasm.
    pub fn matched(&self, _i: usize) -> bool {
        true
    }
}

#[cfg(target_arch = "wasm32")]
impl RegexSet {
    /// Compile every pattern.
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(
        pats: I,
    ) -> Result<Self, regex_lite::Error> {
        for p in pats {
            Regex::new(p.as_ref())?;
        }
        Ok(RegexSet)
    }
    /// Which patterns may match `text`.
    pub fn matches(&self, _text: &str) -> SetMatches {
        SetMatches
    }
}
