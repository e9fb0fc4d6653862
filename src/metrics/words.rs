//! The words qualify and resolve read around a fact, loaded from `data/facts.toml`.

use crate::data::{self, DataError, Named};
use crate::re::Regex;
use std::sync::OnceLock;

/// The qualifier patterns of `[patterns]`.
pub struct QualifyWords {
    /// Scope words (`全市`, `市本级`).
    pub scope: Regex,
    /// Period words (`截至11月`, `累计`).
    pub period: Regex,
    /// A year-on-year change after a figure (groups `dir`, `v`, `u`).
    pub change: Regex,
}

/// The primary choice's patterns of `[patterns]`.
pub struct ResolveWords {
    /// A figure of one campaign or field.
    pub campaign: Regex,
    /// Words of the year's whole.
    pub whole: Regex,
    /// A cumulative figure over several years.
    pub since_before: Regex,
    /// The report year itself.
    pub this_year: Regex,
}

/// Everything of `data/facts.toml`.
pub struct Words {
    /// The qualifier patterns.
    pub qualify: QualifyWords,
    /// Periods taken only when nothing more specific is said.
    pub vague_periods: Vec<String>,
    /// Direction words of a change that make it a fall.
    pub down: Vec<String>,
    /// The primary choice's patterns.
    pub resolve: ResolveWords,
}

/// Parse and compile the words (`builtin_data!("facts")`).
pub fn load(src: (&str, &str)) -> Result<Words, DataError> {
    let mut f = Named::builtin(src)?;
    let w = Words {
        qualify: QualifyWords {
            scope: f.pattern("scope")?,
            period: f.pattern("period")?,
            change: f.pattern("change")?,
        },
        vague_periods: f.list("vague_periods")?,
        down: f.list("down")?,
        resolve: ResolveWords {
            campaign: f.pattern("campaign")?,
            whole: f.pattern("whole")?,
            since_before: f.pattern("since_before")?,
            this_year: f.pattern("this_year")?,
        },
    };
    f.done()?;
    Ok(w)
}

/// The built-in words (compiled once; every test that extracts reads them).
pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| load(data::builtin_data!("facts")).unwrap_or_else(|e| panic!("{e}")))
}
