//! The char lists the scanner reads around a numeral, loaded from `data/numbers.toml`.

use crate::data::{self, DataError, Named};
use std::sync::OnceLock;

/// The lists of `[chars]` (what each holds is said in the data file).
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

/// Parse the char lists (`builtin_data!("numbers")`).
pub fn load(src: (&str, &str)) -> Result<Chars, DataError> {
    let mut f = Named::builtin(src)?;
    let c = Chars {
        function: f.chars("function")?,
        one_as_word_after: f.chars("one_as_word_after")?,
        ambiguous_financial: f.chars("ambiguous_financial")?,
        case_after_yiqi: f.chars("case_after_yiqi")?,
        verb_after_da: f.chars("verb_after_da")?,
    };
    f.done()?;
    Ok(c)
}

/// The built-in char lists (parsed once; every test that extracts reads them).
pub fn chars() -> &'static Chars {
    static W: OnceLock<Chars> = OnceLock::new();
    W.get_or_init(|| load(data::builtin_data!("numbers")).unwrap_or_else(|e| panic!("{e}")))
}
