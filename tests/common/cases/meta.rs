//! The typed cases of meta.toml and gazetteer.toml.

use serde::Deserialize;

// ───────────────────────────── meta.toml, gazetteer.toml ─────────────────────────────

/// `meta.toml`: synthetic page heads and their meta.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaTable {
    /// The cases, in file order.
    pub case: Vec<MetaCase>,
}

/// One page head; a field left out must come out as `None`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetaCase {
    /// Unique name of the case.
    pub name: String,
    /// The text.
    pub text: String,
    /// The reporting agency.
    pub agency: Option<String>,
    /// Its region.
    pub region: Option<String>,
    /// Its province.
    pub province: Option<String>,
    /// Its level.
    pub level: Option<String>,
    /// The year reported on.
    pub year: Option<i32>,
    /// The published date (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// The title.
    pub title: Option<String>,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

/// `gazetteer.toml`: lookups in the gazetteer. In all but `[[resolve]]`, `name` is the place
/// looked up, which also names the case.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerTable {
    /// Full name → province, level, parent.
    pub lookup: Vec<LookupCase>,
    /// A string such as an agency → region, province, level.
    pub resolve: Vec<ResolveCase>,
    /// A short form → the full name.
    pub short: Vec<ShortCase>,
    /// A place → its parent.
    pub parent: Vec<ParentCase>,
    /// How many places of a name lie within another.
    pub within: Vec<WithinCase>,
    /// GB/T 2260 codes.
    pub code: Vec<CodeCase>,
}

/// A full name looked up.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LookupCase {
    /// The full name (and the case's name).
    pub name: String,
    /// Its province.
    #[serde(default)]
    pub province: Option<String>,
    /// Its level.
    #[serde(default)]
    pub level: Option<String>,
    /// Its parent.
    #[serde(default)]
    pub parent: Option<String>,
    /// Several places have this name.
    #[serde(default)]
    pub ambiguous: bool,
    /// How many.
    #[serde(default)]
    pub count: Option<usize>,
    /// Not in the gazetteer.
    #[serde(default)]
    pub unknown: bool,
}

/// A string resolved to a region.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResolveCase {
    /// Unique name of the case.
    pub name: String,
    /// The string (an agency name …).
    pub text: String,
    /// Expected region (absent: None).
    pub region: Option<String>,
    /// Expected province.
    pub province: Option<String>,
    /// Expected level.
    pub level: Option<String>,
}

/// A short form expanded.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShortCase {
    /// The short form (and the case's name).
    pub name: String,
    /// The full name; absent when unknown or ambiguous.
    pub full: Option<String>,
}

/// A place's parent.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParentCase {
    /// The place (and the case's name).
    pub name: String,
    /// Its parent; absent: none.
    pub parent: Option<String>,
}

/// Places of a name within another place.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithinCase {
    /// The name (with `within`, the case's name).
    pub name: String,
    /// The enclosing place.
    pub within: String,
    /// How many places of that name lie in it.
    pub count: usize,
}

/// A place's GB/T 2260 code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeCase {
    /// Unique name of the case.
    pub name: String,
    /// The place.
    pub place: String,
    /// The code.
    pub code: String,
}
