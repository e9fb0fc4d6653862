//! The typed cases of `tests/data/html.toml`, shared by the native harness (`tests/html.rs`) and
//! the browser's (`tests/web/html.rs`): one table for both engines.

use serde::Deserialize;

/// `html.toml`: HTML and the text it must give.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HtmlTable {
    /// The cases, in file order.
    pub case: Vec<HtmlCase>,
}

/// One page (inline, or a fixture file) and its text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HtmlCase {
    /// Unique name.
    pub name: String,
    /// The page's markup (empty when `fixture` names it).
    #[serde(default)]
    pub html: String,
    /// A file of `tests/fixtures` instead of `html`.
    #[serde(default)]
    pub fixture: String,
    /// Read as pasted text (`input::decode_str`: a text whose only markup is tables keeps its
    /// lines) instead of as a page (`input::html_to_text`).
    #[serde(default)]
    pub pasted: bool,
    /// The text expected.
    pub text: String,
}

/// The text a case gives: its markup read as a page, or as pasted text when `pasted`.
pub fn text_of(c: &HtmlCase) -> String {
    if c.pasted {
        zhibiao::input::decode_str(&html_of(c))
    } else {
        zhibiao::input::html_to_text(&html_of(c))
    }
}

/// The markup of a case: its `html`, or its fixture's.
pub fn html_of(c: &HtmlCase) -> String {
    match c.fixture.as_str() {
        "" => c.html.clone(),
        "sample.html" => include_str!("../../fixtures/sample.html").to_string(),
        f => panic!("{}: unknown fixture {f}", c.name),
    }
}

/// The table, parsed (a misspelt key is an error).
pub fn html_table() -> HtmlTable {
    toml::from_str(include_str!("../../data/html.toml")).expect("a well-formed table")
}
