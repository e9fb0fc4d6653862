//! Data files: the embedded ones arrive as JSON (converted from `data/*.toml` by `build.rs`);
//! user files are TOML natively (the CLI's `--catalog`), JSON in the browser (no TOML parser there).

pub mod catalog;
pub mod gazetteer;

use crate::re::Regex;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use std::fmt;

/// Why a data file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// Not valid TOML/JSON, or a field missing, misspelt or of the wrong type.
    Parse {
        /// The data file (`data/catalog.toml`, or the user's file).
        file: String,
        /// The parser's message.
        message: String,
    },
    /// Parsed, but wrong in what it says (an unknown metric id, a bad formula, a bad pattern
    /// named by its metric); the message names the file in the user's terms (`catalog: …`).
    Invalid {
        /// The data file.
        file: String,
        /// What is wrong, as one line.
        message: String,
    },
    /// A regex of the file does not compile.
    Pattern {
        /// The data file.
        file: String,
        /// The field that holds the pattern.
        field: String,
        /// The pattern as written.
        pattern: String,
        /// The regex engine's message.
        message: String,
    },
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // the caller names the file in its own words (`catalog: …`)
            DataError::Parse { message, .. } | DataError::Invalid { message, .. } => {
                f.write_str(message)
            }
            DataError::Pattern {
                file,
                field,
                pattern,
                message,
            } => write!(f, "{file}: {field}: bad pattern {pattern}: {message}"),
        }
    }
}

impl std::error::Error for DataError {}

impl DataError {
    /// A semantic error of data file `file`, its message already in the user's terms.
    pub fn invalid(file: &str, message: String) -> DataError {
        DataError::Invalid {
            file: file.to_string(),
            message,
        }
    }
}

/// An embedded data file: its name (`data/NAME.toml`) and its JSON form (made by `build.rs`).
macro_rules! builtin_data {
    ($name:literal) => {
        (
            concat!("data/", $name, ".toml"),
            include_str!(concat!(env!("OUT_DIR"), "/", $name, ".json")),
        )
    };
}
pub(crate) use builtin_data;

/// Parse an embedded data file (`builtin_data!("name")`).
pub fn builtin<T: DeserializeOwned>((file, json): (&str, &str)) -> Result<T, DataError> {
    serde_json::from_str(json).map_err(|e| DataError::Parse {
        file: file.to_string(),
        message: e.to_string(),
    })
}

/// Parse a user's data file: TOML natively; JSON (or TOML with only JSON syntax) in the browser.
pub fn user<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    #[cfg(not(target_arch = "wasm32"))]
    let r = toml::from_str(text).map_err(|e| e.to_string());
    #[cfg(target_arch = "wasm32")]
    let r = serde_json::from_str(text)
        .map_err(|e| format!("in the browser a data file must be JSON: {e}"));
    r.map_err(|message| DataError::Parse {
        file: file.to_string(),
        message,
    })
}

/// Compile one pattern of a data file; an error names the file, the field and the pattern.
pub fn pattern(file: &str, field: &str, p: &str) -> Result<Regex, DataError> {
    Regex::new(p).map_err(|e| DataError::Pattern {
        file: file.to_string(),
        field: field.to_string(),
        pattern: p.to_string(),
        message: e.to_string(),
    })
}

/// Compile a pattern of a data file shipped in the binary. A bad one is a bug of the release,
/// not of the user's input: it stops at the first extraction, which every test runs, with the
/// file, the field and the pattern named (never a pattern that silently matches nothing).
pub fn shipped(file: &str, field: &str, p: &str) -> Regex {
    pattern(file, field, p).unwrap_or_else(|e| panic!("{e}"))
}

/// One regex that matches where any of `pats` (patterns of a shipped data file) matches: their
/// alternation, so that a text is searched once instead of once per pattern (`is_match` only:
/// which pattern matched is not told). None for no patterns. A bad pattern stops as
/// [`shipped`] does, named.
pub fn shipped_any(file: &str, field: &str, pats: &[String]) -> Option<Regex> {
    if pats.is_empty() {
        return None;
    }
    let joined: Vec<String> = pats.iter().map(|p| format!("(?:{p})")).collect();
    Some(pattern(file, field, &joined.join("|")).unwrap_or_else(|_| {
        // (name the culprit)
        for p in pats {
            shipped(file, field, p);
        }
        panic!("{file}: {field}: the patterns do not compile together")
    }))
}

/// A data file of named entries only: `[patterns]` (name → regex), `[lists]` (name → list of
/// words) and `[chars]` (name → a string of single chars). The files of the classifier, the
/// number scanner and the qualifiers share this one reader instead of a serde struct each (every
/// derived struct costs the page's wasm); a name the code does not ask for is an error, as a
/// misspelt field would be.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    #[serde(default)]
    patterns: BTreeMap<String, String>,
    #[serde(default)]
    lists: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    chars: BTreeMap<String, String>,
    #[serde(skip)]
    file: String,
    #[serde(skip)]
    asked: Vec<String>,
}

impl Named {
    /// Parse an embedded file of named entries (`builtin_data!("name")`).
    pub fn builtin(src: (&str, &str)) -> Result<Named, DataError> {
        let mut n: Named = builtin(src)?;
        n.file = src.0.to_string();
        Ok(n)
    }

    fn missing(&self, section: &str, name: &str) -> DataError {
        DataError::Parse {
            file: self.file.clone(),
            message: format!("{}: [{section}] has no `{name}`", self.file),
        }
    }

    /// The compiled pattern `name` of `[patterns]`.
    pub fn pattern(&mut self, name: &str) -> Result<Regex, DataError> {
        self.asked.push(format!("patterns.{name}"));
        let p = self
            .patterns
            .get(name)
            .ok_or_else(|| self.missing("patterns", name))?;
        pattern(&self.file, name, p)
    }

    /// The list `name` of `[lists]`.
    pub fn list(&mut self, name: &str) -> Result<Vec<String>, DataError> {
        self.asked.push(format!("lists.{name}"));
        self.lists
            .get(name)
            .cloned()
            .ok_or_else(|| self.missing("lists", name))
    }

    /// The chars `name` of `[chars]`.
    pub fn chars(&mut self, name: &str) -> Result<String, DataError> {
        self.asked.push(format!("chars.{name}"));
        self.chars
            .get(name)
            .cloned()
            .ok_or_else(|| self.missing("chars", name))
    }

    /// Every entry of the file was asked for: an unknown name is a misspelling.
    pub fn done(self) -> Result<(), DataError> {
        let all = (self.patterns.keys().map(|k| format!("patterns.{k}")))
            .chain(self.lists.keys().map(|k| format!("lists.{k}")))
            .chain(self.chars.keys().map(|k| format!("chars.{k}")));
        for k in all {
            if !self.asked.contains(&k) {
                return Err(DataError::Parse {
                    file: self.file.clone(),
                    message: format!("{}: unknown entry `{k}`", self.file),
                });
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_pattern_names_file_field_and_pattern() {
        let e = pattern("data/x.toml", "plans", "(计划").unwrap_err();
        let text = e.to_string();
        assert!(
            text.starts_with("data/x.toml: plans: bad pattern (计划: "),
            "{text}"
        );
        assert!(pattern("data/x.toml", "plans", "计划").is_ok());
    }

    #[test]
    fn a_misspelt_field_is_an_error() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        struct F {
            #[allow(dead_code)]
            a: u32,
        }
        let e = builtin::<F>(("data/f.toml", r#"{"b": 1}"#)).unwrap_err();
        assert!(matches!(e, DataError::Parse { ref file, .. } if file == "data/f.toml"));
    }

    #[test]
    fn named_entries_missing_or_unknown_are_errors() {
        let src = (
            "data/n.toml",
            r#"{"patterns": {"a": "x+"}, "lists": {"b": ["y"]}}"#,
        );
        let mut n = Named::builtin(src).unwrap();
        assert!(n.pattern("a").unwrap().is_match("xx"));
        assert!(n.pattern("c").is_err(), "a missing name");
        assert!(n.done().is_err(), "`b` was never asked for");
        let mut n = Named::builtin(src).unwrap();
        let _ = (n.pattern("a"), n.list("b"));
        assert!(n.done().is_ok());
    }
}
