//! The words qualify and resolve read around a fact, loaded from `data/facts.toml`.

use crate::data::{self, DataError};
use crate::re::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

/// The patterns of `[qualify]`.
pub struct QualifyWords {
    /// Scope words (`全市`, `市本级`).
    pub scope: Regex,
    /// Period words (`截至11月`, `累计`).
    pub period: Regex,
    /// A year-on-year change after a figure (groups `dir`, `v`, `u`).
    pub change: Regex,
}

/// The patterns of `[resolve]`.
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQualify {
    scope: String,
    period: String,
    change: String,
    vague_periods: Vec<String>,
    down: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResolve {
    campaign: String,
    whole: String,
    since_before: String,
    this_year: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    qualify: RawQualify,
    resolve: RawResolve,
}

/// Parse and compile the words (`builtin_data!("facts")`).
pub fn load(src: (&str, &str)) -> Result<Words, DataError> {
    let t: File = data::builtin(src)?;
    let p = |field: &str, pat: &str| data::pattern(src.0, field, pat);
    Ok(Words {
        qualify: QualifyWords {
            scope: p("qualify.scope", &t.qualify.scope)?,
            period: p("qualify.period", &t.qualify.period)?,
            change: p("qualify.change", &t.qualify.change)?,
        },
        vague_periods: t.qualify.vague_periods,
        down: t.qualify.down,
        resolve: ResolveWords {
            campaign: p("resolve.campaign", &t.resolve.campaign)?,
            whole: p("resolve.whole", &t.resolve.whole)?,
            since_before: p("resolve.since_before", &t.resolve.since_before)?,
            this_year: p("resolve.this_year", &t.resolve.this_year)?,
        },
    })
}

/// The built-in words (compiled once; every test that extracts reads them).
pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| load(data::builtin_data!("facts")).unwrap_or_else(|e| panic!("{e}")))
}
