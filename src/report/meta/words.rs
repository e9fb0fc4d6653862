//! The word lists of `data/meta.toml` (embedded as JSON by `build.rs`).

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// All word lists that metadata is read by.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// Title words.
    pub title: TitleWords,
    /// Agency words.
    pub agency: AgencyWords,
    /// Jurisdiction words.
    pub jurisdiction: JurisdictionWords,
    /// Date labels.
    pub date: DateWords,
    /// Document numbers and the provinces their first chars name.
    pub numbers: NumberWords,
    /// The addressee line of a notice sent to bodies one level down.
    pub addressee: AddresseeWords,
    /// Words around a body that hosted what the reporting body attended.
    pub hosts: HostWords,
    /// Where a text pasted as one line is cut into the lines of its page.
    pub oneline: OneLineWords,
}

/// Where a text pasted as one line (its line breaks lost) is cut into the lines of its page
/// (see `data/meta.toml` `[oneline]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OneLineWords {
    /// A line of more bytes than this is no paragraph: it is cut.
    pub long_bytes: usize,
    /// A line of more bytes than this that holds three quarters of the text is cut as well.
    pub most_bytes: usize,
    /// How many of its first bytes a title may end in.
    pub head_bytes: usize,
    /// Chars that end a sentence, and a piece after them.
    pub sentence_ends: String,
    /// Labels of the page's fields: a piece starts at one followed by a colon.
    pub field_labels: Vec<String>,
    /// How many chars a page's column name glued before a title has (`通知公告`).
    pub column_min_chars: usize,
    /// At most.
    pub column_max_chars: usize,
    /// Heads of a body's name that a place follows (`中共X县委`): no column name.
    pub body_heads: Vec<String>,
    /// Chars that join a title ending to more of the title (`总结及…计划`): no cut before them.
    pub joins: String,
}

/// Words around the host of what the reporting body attended (`参加市司法局举办的培训`, see
/// `data/meta.toml` `[hosts]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostWords {
    /// Words of attending (参加 …), before the host.
    pub attend: Vec<String>,
    /// Words of hosting (举办 …), after the host.
    pub host: Vec<String>,
}

/// The addressee line of a notice (`各区应急管理局:`, see `data/meta.toml` `[addressee]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddresseeWords {
    /// Chars between `各` and the department (levels and their separators).
    pub level_chars: String,
    /// Level chars of county-level addressees (the issuer is a city).
    pub county_chars: String,
    /// How many of the first lines are read.
    pub lines: usize,
}

/// Document numbers (`苏依法办[2019]5号`) and the province-level units whose one-char short
/// names open them (see `data/meta.toml` `[numbers]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberWords {
    /// A document number; group 1 is its first char.
    pub pattern: String,
    /// `[short name, province-level unit]`: `苏` → 江苏省.
    pub provinces: Vec<(String, String)>,
}

/// Words of a text's own jurisdiction (see `data/meta.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionWords {
    /// Level chars (`省市区县州旗盟`).
    pub level_chars: String,
    /// County names that are also common words (城区, 郊区): not counted as a place named.
    pub generic_names: Vec<String>,
    /// Level chars a text's own department is named after (`市生态环境局`).
    pub self_department_levels: String,
    /// Last chars of such a department.
    pub self_department_ends: String,
    /// Words that make such a name a phrase (`全市…局`).
    pub not_self_department: Vec<String>,
    /// Chars after which a two-char county-level name (`和县`, `成县`) is still the place
    /// (`在和县`, `赴沛县`); after any other Han char it is part of a word (`市政府和县人大`,
    /// `完成县级`), unless a place name ends right before it (`马鞍山市和县`).
    pub before_short_name: String,
    /// Words that open with a two-char county name but name no place (`代县长`).
    pub not_place_words: Vec<String>,
}

/// Words of a report title (see `data/meta.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleWords {
    /// Words a title ends with.
    pub endings: Vec<String>,
    /// Plan endings that count with 报告/情况 in the title.
    pub plan_endings: Vec<String>,
    /// Chars a title keeps as written in the original (curly quotes).
    pub as_written: String,
    /// Words of which one must be in a title with a plan ending.
    pub plan_with: Vec<String>,
    /// Subjects a title names.
    pub subjects: Vec<String>,
    /// Line starts of navigation.
    pub nav: Vec<String>,
    /// Labels of a title field.
    pub labels: Vec<String>,
    /// Where the agency part of a title ends.
    pub subject_starts: Vec<String>,
    /// Endings of a document that is no headline of a report page (通知, 方案 …).
    pub not_headline_endings: Vec<String>,
    /// Labels of the page's fields near a title (date, source …).
    pub page_fields: Vec<String>,
}

/// Words of agency names (see `data/meta.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyWords {
    /// Last chars of an agency name.
    pub org_end: String,
    /// Labels of the publishing body.
    pub source_labels: Vec<String>,
    /// Field labels that may follow a value on the same line.
    pub field_stop: Vec<String>,
    /// Page-footer words.
    pub footer: Vec<String>,
    /// Suffixes of zones that are not administrative divisions.
    pub not_division: Vec<String>,
    /// Endings of a named zone governed like a county (`…管理区`, `…经开区`, `…新城`).
    pub zones: Vec<String>,
    /// Words no county name holds (`依法治市` is no county).
    pub not_county_words: Vec<String>,
    /// Words of a jurisdiction-wide phrase.
    pub jurisdiction_words: Vec<String>,
    /// Department endings of a body named after a place.
    pub department_ends: Vec<String>,
    /// Department starts that make a `<place><department>` phrase no body (`委…` of a party
    /// committee's commission).
    pub not_department_starts: Vec<String>,
    /// National bodies (region and level null).
    pub national: Vec<String>,
    /// Endings of a national vertical system's body named after its province's or city's short
    /// name (`江苏监管局`, `上海海关`).
    pub vertical_units: Vec<String>,
    /// How a report refers to its own body (我局 …).
    pub self_refs: Vec<String>,
    /// How a branch bureau refers to itself (我分局 …).
    pub branch_refs: Vec<String>,
    /// Endings of a branch named right after its bureau (`…生态环境局马关分局`).
    pub branch_ends: Vec<String>,
    /// Words of going somewhere (赴 …): a place named right after one is not the body's own.
    pub travel_to: Vec<String>,
    /// What follows a township named after its county (`X县Y镇人民政府`) when the township is
    /// the body's place.
    pub township_bodies: Vec<String>,
    /// Chars and words no township name holds (`各部门及街道`).
    pub not_township: Vec<String>,
    /// Short department names → full official names.
    pub expansions: BTreeMap<String, String>,
    /// Department kinds told apart by their vocabulary, for a text that says 我局 but never
    /// names itself.
    pub departments: Vec<DepartmentWords>,
    /// The fewest signal words of the winning department kind.
    pub department_min: usize,
    /// How many times the next kind's count the winner's must be.
    pub department_ratio: f64,
    /// `[self reference, suffix]`: `我厅` → `厅`.
    pub self_suffixes: Vec<(String, String)>,
    /// Every department kind's signals in one counter (built on first use).
    #[serde(skip)]
    pub signal_counter: OnceLock<crate::re::WordCounts>,
    /// The footer words in one counter (built on first use, see [`AgencyWords::in_footer`]).
    #[serde(skip)]
    pub footer_counter: OnceLock<crate::re::WordCounts>,
}

/// One kind of department and the words its reports use (see `data/meta.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentWords {
    /// The name between the place and the suffix (`市场监督管理` of `X市市场监督管理局`).
    pub stem: String,
    /// Words whose occurrences count for this kind.
    pub signals: Vec<String>,
    /// `[regex, stem]`: the stem to use instead when the regex matches the text
    /// (`草原|林草` → 林业和草原).
    #[serde(default)]
    pub alt: Option<(String, String)>,
}

/// Date labels (see `data/meta.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateWords {
    /// (label, rank) of a page date.
    pub labels: Vec<(String, u8)>,
    /// (label, rank) of a page stamp, counted only with a clock time.
    pub stamp_labels: Vec<(String, u8)>,
    /// Labels of a document's own date (成文日期 …): a date after them is never the page's.
    pub document_labels: Vec<String>,
}

impl AgencyWords {
    /// For each department kind, how many times its signal words occur in `norm` (each word's
    /// `str::matches` count, summed), in one pass over the text.
    pub fn department_counts(&self, norm: &str) -> Vec<usize> {
        let counter = self.signal_counter.get_or_init(|| {
            let all: Vec<&str> = self
                .departments
                .iter()
                .flat_map(|d| d.signals.iter().map(String::as_str))
                .collect();
            crate::re::WordCounts::new(&all)
        });
        let mut each = counter.counts(norm).into_iter();
        self.departments
            .iter()
            .map(|d| each.by_ref().take(d.signals.len()).sum())
            .collect()
    }

    /// Whether `s` contains any of the footer words (as [`any_in`] tells), in one pass.
    pub fn in_footer(&self, s: &str) -> bool {
        self.footer_counter
            .get_or_init(|| crate::re::WordCounts::new(&self.footer))
            .any(s)
    }

    /// Whether `c` may end an agency name.
    pub fn org_end(&self, c: char) -> bool {
        self.org_end.contains(c)
    }
}

/// The embedded word lists.
pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        crate::data::builtin(crate::data::builtin_data!("meta"))
            .expect("the embedded data/meta.toml parses (tested)")
    })
}

/// Whether `s` contains any of `list`.
pub fn any_in(s: &str, list: &[String]) -> bool {
    list.iter().any(|w| s.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_words_parse() {
        let w = super::words();
        assert!(!w.title.endings.is_empty());
        assert!(w.agency.expansions.len() >= 10);
        assert!(!w.date.labels.is_empty());
    }
}
