//! The words the classifier reads around a figure, loaded from `data/classify.toml`.

use crate::data::{self, DataError, Named};
use crate::re::Regex;
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
    pub change_lead: Regex,
    pub part_intro: Regex,
    pub difference: Regex,
    pub category_label: Regex,
    pub inventory_head: Regex,
    pub period_part: Regex,
    pub stage: Regex,
    pub respectively: Regex,
    pub group_threshold: Regex,
    pub group_subject: Regex,
    pub breakdown: Regex,
    pub whole_view: Regex,
    pub dimension: Regex,
    pub outcome_part: Regex,
    pub outcome_words: Regex,
    pub involves_after: Regex,
    pub own_noun_after: Regex,
    pub bare_lead: Regex,
    pub addition: Regex,
}

/// The unit lists (`units_…` of `[lists]`).
pub struct Units {
    /// Specific units of a list of things (`家次`).
    pub specific: Vec<String>,
    /// Units of events (`期`, `场`).
    pub event: Vec<String>,
    /// Units of rounds (`次`).
    pub round: Vec<String>,
    /// Units of entities (`家`).
    pub entity: Vec<String>,
    /// Units of sites and projects (`个`, `处`).
    pub site: Vec<String>,
}

/// The other word lists of `[lists]`.
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

/// Parse and compile the classifier's words (`builtin_data!("classify")`).
pub fn load(src: (&str, &str)) -> Result<Words, DataError> {
    let mut f = Named::builtin(src)?;
    let patterns = Patterns {
        plan_sentence: f.pattern("plan_sentence")?,
        plan_phrase: f.pattern("plan_phrase")?,
        last_year: f.pattern("last_year")?,
        jurisdiction: f.pattern("jurisdiction")?,
        not_a_count_after: f.pattern("not_a_count_after")?,
        share_of_total: f.pattern("share_of_total")?,
        names_body: f.pattern("names_body")?,
        continuation: f.pattern("continuation")?,
        change_aside: f.pattern("change_aside")?,
        change_lead: f.pattern("change_lead")?,
        part_intro: f.pattern("part_intro")?,
        difference: f.pattern("difference")?,
        category_label: f.pattern("category_label")?,
        inventory_head: f.pattern("inventory_head")?,
        period_part: f.pattern("period_part")?,
        stage: f.pattern("stage")?,
        respectively: f.pattern("respectively")?,
        group_threshold: f.pattern("group_threshold")?,
        group_subject: f.pattern("group_subject")?,
        breakdown: f.pattern("breakdown")?,
        whole_view: f.pattern("whole_view")?,
        dimension: f.pattern("dimension")?,
        outcome_part: f.pattern("outcome_part")?,
        outcome_words: f.pattern("outcome_words")?,
        involves_after: f.pattern("involves_after")?,
        own_noun_after: f.pattern("own_noun_after")?,
        bare_lead: f.pattern("bare_lead")?,
        addition: f.pattern("addition")?,
    };
    let units = Units {
        specific: f.list("units_specific")?,
        event: f.list("units_event")?,
        round: f.list("units_round")?,
        entity: f.list("units_entity")?,
        site: f.list("units_site")?,
    };
    let words = Lists {
        bound: f.list("bound")?,
    };
    f.done()?;
    Ok(Words {
        patterns,
        units,
        words,
    })
}

/// The built-in words (compiled once; every test that extracts reads them).
pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| load(data::builtin_data!("classify")).unwrap_or_else(|e| panic!("{e}")))
}
