//! The regex engine: `regex` natively (fast), `regex-lite` in the browser (small). Both take the
//! same syntax for what the project writes (no Unicode classes); `RegexSet` is emulated on wasm.

#[cfg(not(target_arch = "wasm32"))]
pub use regex::{Regex, RegexSet};

#[cfg(target_arch = "wasm32")]
pub use regex_lite::Regex;

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
