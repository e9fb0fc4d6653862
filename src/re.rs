//! The regex engine: `regex` (its lazy DFA) natively and in the page's extraction engine alike,
//! so both give the same matches at the same speed. The page's shell never compiles a pattern
//! (see `src/bin/engine.rs`), so `regex` is not in the initial load.

pub use regex::{Regex, RegexSet};

/// A [`RegexSet`] of many patterns (the catalog's triggers): its lazy DFA gets a cache big
/// enough to stay warm across figures and documents (the default 2 MB is cleared over and over,
/// then the search falls back to the slow PikeVM).
pub fn set<I: IntoIterator<Item = S>, S: AsRef<str>>(pats: I) -> Result<RegexSet, regex::Error> {
    regex::RegexSetBuilder::new(pats)
        .dfa_size_limit(SET_CACHE)
        .build()
}

/// The lazy-DFA cache of a [`set`], in bytes.
const SET_CACHE: usize = 16 << 20;
