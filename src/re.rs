//! The regex engine: `regex` natively (fast), `regex-lite` in the browser (small). Both take the
//! same syntax for what the project writes (no Unicode classes); `RegexSet` is emulated on wasm.

#[cfg(not(target_arch = "wasm32"))]
pub use regex::{Regex, RegexSet};

#[cfg(target_arch = "wasm32")]
pub use regex_lite::Regex;

/// A set of regexes asked at once which of them match (a loop over them on wasm).
#[cfg(target_arch = "wasm32")]
#[derive(Debug, Clone)]
pub struct RegexSet(Vec<Regex>);

/// Which members of a [`RegexSet`] matched.
#[cfg(target_arch = "wasm32")]
pub struct SetMatches(Vec<bool>);

#[cfg(target_arch = "wasm32")]
impl SetMatches {
    /// Did member `i` match?
    pub fn matched(&self, i: usize) -> bool {
        self.0.get(i).copied().unwrap_or(false)
    }
}

#[cfg(target_arch = "wasm32")]
impl RegexSet {
    /// Compile every pattern.
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(pats: I) -> Result<Self, regex_lite::Error> {
        pats.into_iter().map(|p| Regex::new(p.as_ref())).collect::<Result<Vec<_>, _>>().map(RegexSet)
    }
    /// Which patterns match `text`.
    pub fn matches(&self, text: &str) -> SetMatches {
        SetMatches(self.0.iter().map(|r| r.is_match(text)).collect())
    }
}
