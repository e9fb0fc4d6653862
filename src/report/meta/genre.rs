//! What kind of page a report is (`data/genres.toml`: 法治政府建设年度报告, 政府信息公开年报,
//! 行政执法统计, 通报 …) and whether it covers the whole year or a part (`截至7月底`).

use crate::model::{Fact, Meta};
use crate::re::Regex;
use crate::text::offsets::first_chars;
use serde::Deserialize;
use std::sync::OnceLock;

/// One genre of `data/genres.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Genre {
    /// Stable id written to the output (`rule_of_law_report`).
    pub id: String,
    /// Its name in Chinese and English (for the page).
    pub zh: String,
    /// Its name in English.
    pub en: String,
    /// What such a page reports on, for the summary's first sentence (`法治政府建设情况`).
    pub what_zh: String,
    /// The same in English (`work on rule-of-law government`).
    pub what_en: String,
    /// A regex over the title.
    #[serde(default)]
    pub title: Option<String>,
    /// A regex over the opening of the text.
    #[serde(default)]
    pub body: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GenresFile {
    opening_chars: usize,
    partial: String,
    #[serde(rename = "genre")]
    genres: Vec<Genre>,
}

/// The genres with their patterns compiled.
pub struct Genres {
    /// Chars of the text read as its opening.
    pub opening_chars: usize,
    /// A part of the year.
    pub partial: Regex,
    /// The genres in the order they are tried.
    pub genres: Vec<Genre>,
    title: Vec<Option<Regex>>,
    body: Vec<Option<Regex>>,
}

fn compile(p: &Option<String>) -> Option<Regex> {
    p.as_deref()
        .map(|p| Regex::new(p).expect("data/genres.toml patterns compile (tested)"))
}

/// The embedded genres.
pub fn genres() -> &'static Genres {
    static G: OnceLock<Genres> = OnceLock::new();
    G.get_or_init(|| {
        let f: GenresFile = crate::data::builtin(crate::data::builtin_data!("genres"))
            .expect("data/genres.toml parses (tested)");
        Genres {
            opening_chars: f.opening_chars,
            partial: Regex::new(&f.partial).expect("data/genres.toml partial compiles (tested)"),
            title: f.genres.iter().map(|g| compile(&g.title)).collect(),
            body: f.genres.iter().map(|g| compile(&g.body)).collect(),
            genres: f.genres,
        }
    })
}

/// The embedded genres' names, their patterns not compiled (what the page's shell labels).
pub fn names() -> &'static [Genre] {
    static G: OnceLock<Vec<Genre>> = OnceLock::new();
    G.get_or_init(|| {
        let (_, json) = crate::data::builtin_data!("genres_names");
        crate::model::from_json::data_field(json, "genre")
    })
}

crate::model::from_json::struct_from_json! {
    Genre { id, zh, en, what_zh, what_en, title, body }
}

/// The genre with this id.
pub fn genre(id: &str) -> Option<&'static Genre> {
    genres().genres.iter().find(|g| g.id == id)
}

/// The genre of a page with this title and text: the first whose title pattern matches the
/// title (or, without one, a headline-like first line), else the first whose body pattern
/// matches the opening.
pub fn detect(title: Option<&str>, norm: &str) -> Option<String> {
    let g = genres();
    // no title found: the first line when it reads like a headline (short, no sentence end)
    let first_line = || {
        norm.lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .filter(|l| l.chars().count() <= 60 && !l.contains(['。', ',', ';']))
    };
    if let Some(t) = title.or_else(first_line) {
        if let Some(k) = g
            .title
            .iter()
            .position(|r| r.as_ref().is_some_and(|r| r.is_match(t)))
        {
            return Some(g.genres[k].id.clone());
        }
    }
    let opening = first_chars(norm, g.opening_chars);
    g.body
        .iter()
        .position(|r| r.as_ref().is_some_and(|r| r.is_match(opening)))
        .map(|k| g.genres[k].id.clone())
}

/// What part of the year the report covers: a part named in the title or the opening
/// (`截至7月底`), else the part most primary facts are dated to, else `全年` when the year is
/// known.
pub fn coverage(meta: &Meta, norm: &str, facts: &[Fact]) -> Option<String> {
    let g = genres();
    let named = meta
        .title
        .as_deref()
        .and_then(|t| g.partial.find(t))
        .or_else(|| g.partial.find(first_chars(norm, g.opening_chars)));
    // `1-12月`, `截至12月底` is the whole year
    let whole = |m: &str| m.contains("12月") || m.contains("十二月");
    if let Some(m) = named.filter(|m| !whole(m.as_str())) {
        return Some(m.as_str().to_string());
    }
    let dated: Vec<&str> = facts
        .iter()
        .filter(|f| f.primary)
        .filter_map(|f| f.period.as_deref())
        .collect();
    let partial: Vec<&str> = dated
        .iter()
        .filter_map(|p| g.partial.find(p).map(|m| m.as_str()))
        .filter(|m| !whole(m))
        .collect();
    if !partial.is_empty() && 2 * partial.len() > facts.iter().filter(|f| f.primary).count() {
        return Some(partial[0].to_string());
    }
    meta.year.map(|_| "全年".to_string())
}

/// The year reported on when genre or coverage tell it: the year of a dated part
/// (`截至2025年6月底` → 2025), or the page date's year for a news item.
pub fn year_of(meta: &Meta) -> Option<i32> {
    let dated = meta.coverage.as_deref().and_then(|c| {
        let i = c.find("20")?;
        c.get(i..i + 4)
            .filter(|_| c[i + 4..].starts_with('年'))?
            .parse()
            .ok()
    });
    let news = (meta.genre.as_deref() == Some("news"))
        .then(|| meta.published.as_deref()?.get(..4)?.parse().ok())
        .flatten();
    dated.or(news)
}

#[cfg(test)]
mod tests {
    /// The shell's reading of the genres' names is the engine's (serde's) reading.
    #[test]
    fn the_shells_names_are_the_engines() {
        let key =
            |g: &super::Genre| [&g.id, &g.zh, &g.en, &g.what_zh, &g.what_en].map(|s| s.clone());
        let shell: Vec<[String; 5]> = super::names().iter().map(key).collect();
        let engine: Vec<[String; 5]> = super::genres().genres.iter().map(key).collect();
        assert!(super::names()
            .iter()
            .all(|g| g.title.is_none() && g.body.is_none()));
        assert_eq!(shell, engine);
    }

    #[test]
    fn embedded_genres_compile() {
        let g = super::genres();
        assert!(g.genres.len() >= 5);
        assert_eq!(
            super::detect(Some("某县2023年政府信息公开工作年度报告"), ""),
            Some("gov_info_disclosure".into())
        );
    }
}
