//! The words the classifier reads around a figure, loaded from `data/classify.toml`.

use crate::data::{self, DataError};
use crate::re::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

/// The regexes of `[patterns]` (what each matches is said in the data file).
pub struct Patterns {
    pub plan_sentence: Regex,
    pub plan_phrase: Regex,
    pub last_year: Regex,
    pub jurisdiction: Regex,
    pub not_a_count_after: Regex,
    pub share_of_total: Regex,
    pub names_body: Regex,
    pub continuation: Regex,
    pub change_aside: Regex,
    pub part_intro: Regex,
    pub difference: Regex,
    pub category_label: Regex,
    pub period_part: Regex,
    pub stage: Regex,
    pub respectively: Regex,
    pub group_threshold: Regex,
    pub group_subject: Regex,
    pub breakdown: Regex,
}

/// The unit lists of `[units]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Units {
    /// Specific units of a list of things (`家次`).
    pub specific: Vec<String>,
    /// Units of events (`期`, `场`).
    pub event: Vec<String>,
    /// Units of rounds (`次`).
    pub round: Vec<String>,
    /// Units of entities (`家`).
    pub entity: Vec<String>,
}

/// The word lists of `[words]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lists {
    /// Comparison words that make a figure a threshold (`超过`).
    pub bound: Vec<String>,
}

/// Everything of `data/classify.toml`.
pub struct Words {
    /// The patterns.
    pub patterns: Patterns,
    /// The unit lists.
    pub units: Units,
    /// The word lists.
    pub words: Lists,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPatterns {
    plan_sentence: String,
    plan_phrase: String,
    last_year: String,
    jurisdiction: String,
    not_a_count_after: String,
    share_of_total: String,
    names_body: String,
    continuation: String,
    change_aside: String,
    part_intro: String,
    difference: String,
    category_label: String,
    period_part: String,
    stage: String,
    respectively: String,
    group_threshold: String,
    group_subject: String,
    breakdown: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    patterns: RawPatterns,
    units: Units,
    words: Lists,
}

/// Parse and compile the classifier's words (`builtin_data!("classify")`).
pub fn load(src: (&str, &str)) -> Result<Words, DataError> {
    let t: File = data::builtin(src)?;
    let pattern = |field: &str, p: &str| data::pattern(src.0, field, p);
    Ok(Words {
        patterns: Patterns {
            plan_sentence: pattern("plan_sentence", &t.patterns.plan_sentence)?,
            plan_phrase: pattern("plan_phrase", &t.patterns.plan_phrase)?,
            last_year: pattern("last_year", &t.patterns.last_year)?,
            jurisdiction: pattern("jurisdiction", &t.patterns.jurisdiction)?,
            not_a_count_after: pattern("not_a_count_after", &t.patterns.not_a_count_after)?,
            share_of_total: pattern("share_of_total", &t.patterns.share_of_total)?,
            names_body: pattern("names_body", &t.patterns.names_body)?,
            continuation: pattern("continuation", &t.patterns.continuation)?,
            change_aside: pattern("change_aside", &t.patterns.change_aside)?,
            part_intro: pattern("part_intro", &t.patterns.part_intro)?,
            difference: pattern("difference", &t.patterns.difference)?,
            category_label: pattern("category_label", &t.patterns.category_label)?,
            period_part: pattern("period_part", &t.patterns.period_part)?,
            stage: pattern("stage", &t.patterns.stage)?,
            respectively: pattern("respectively", &t.patterns.respectively)?,
            group_threshold: pattern("group_threshold", &t.patterns.group_threshold)?,
            group_subject: pattern("group_subject", &t.patterns.group_subject)?,
            breakdown: pattern("breakdown", &t.patterns.breakdown)?,
        },
        units: t.units,
        words: t.words,
    })
}

/// The built-in words (compiled once; the data file is checked by the tests).
pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| load(data::builtin_data!("classify")).unwrap_or_else(|e| panic!("{e}")))
}
