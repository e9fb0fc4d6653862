//! The char lists the scanner reads around a numeral, loaded from `data/numbers.toml`.

use crate::data;
use serde::Deserialize;
use std::sync::OnceLock;

/// The lists of `[chars]` (what each holds is said in the data file).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chars {
    /// Function words beside a numeral.
    pub function: String,
    /// Chars before 一 that make it part of a word.
    pub one_as_word_after: String,
    /// Financial numerals that are also parts of words.
    pub ambiguous_financial: String,
    /// Chars after 一起 that make it a case count.
    pub case_after_yiqi: String,
    /// Chars after 打 that make it a verb.
    pub verb_after_da: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    chars: Chars,
}

/// The built-in char lists (parsed once; every test that extracts reads them).
pub fn chars() -> &'static Chars {
    static W: OnceLock<Chars> = OnceLock::new();
    W.get_or_init(|| {
        data::builtin::<File>(data::builtin_data!("numbers"))
            .map(|f| f.chars)
            .unwrap_or_else(|e| panic!("data/numbers.toml: {e}"))
    })
}
