//! The typed cases of numbers.toml and quantities.toml.

#[allow(unused_imports)]
use super::*;
use serde::Deserialize;

// ───────────────────────────── numbers.toml ─────────────────────────────

/// `numbers.toml`: `rows`, numeral strings and their values.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumbersTable {
    /// The rows, in file order.
    pub rows: Vec<NumberCase>,
}

/// One numeral string and the value the peer-compatible parser must give it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NumberCase {
    /// Unique name of the row.
    pub name: String,
    /// The string parsed as a whole.
    pub s: String,
    /// `strict` / `normal` / `smart` for cn2an's modes; absent: the lenient `parse_number`.
    pub mode: Option<String>,
    /// The expected value, or `"none"` (not one well-formed number).
    pub v: NumberOrNone,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

/// A number, or the word `"none"` for "no value" (an explicit absence).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum NumberOrNone {
    /// A value.
    Number(f64),
    /// Must be `"none"`.
    Word(String),
}

impl NumberOrNone {
    /// The value, `None` for `"none"`; panics on any other word.
    pub fn value(&self) -> Option<f64> {
        match self {
            NumberOrNone::Number(v) => Some(*v),
            NumberOrNone::Word(w) if w == "none" => None,
            NumberOrNone::Word(w) => panic!("expected a number or \"none\", found {w:?}"),
        }
    }
}

// ───────────────────────────── quantities.toml ─────────────────────────────

/// `quantities.toml`: texts and the quantities the scanner must find.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantitiesTable {
    /// The cases, in file order.
    pub case: Vec<QuantityCase>,
}

/// One text and the quantities found in it, in order (`expect = []`: none at all).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityCase {
    /// Unique name of the case.
    pub name: String,
    /// The text (normalised by the harness).
    pub text: String,
    /// The quantities, in text order.
    pub expect: Vec<QuantityWant>,
    /// Listed as a known failure.
    #[serde(default)]
    pub known_failure: bool,
}

/// One expected quantity.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityWant {
    /// The value in the canonical unit of its kind.
    pub value: f64,
    /// The unit in its normal form (`` for a bare number).
    pub unit: String,
    /// count / money / percent / points / concentration / measure / bare.
    pub kind: String,
    /// `more_than` / `nearly`; absent: exact.
    #[serde(default)]
    pub approx: Option<String>,
    /// Preceded by 各.
    #[serde(default)]
    pub each: bool,
}
