//! Derived indicators (REVIEW.md §3): formulas over metric ids (`data/derived.toml`, or a user
//! catalog's `[[derived]]` entries), computed from primary facts of one scope and period.

use crate::model::{Derived, Fact, Flag, Report};
use crate::re::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

/// One derived indicator's definition.
#[derive(Debug, Clone, Deserialize)]
pub struct DerivedDef {
    /// Indicator id.
    pub id: String,
    /// Chinese label.
    #[serde(default)]
    pub label: String,
    /// English label.
    #[serde(default)]
    pub label_en: String,
    /// Metric ids, numbers, `+ - * /` and parentheses.
    pub formula: String,
    /// `%` multiplies the quotient by 100.
    pub unit: String,
    /// The catalog metric that states the same rate.
    #[serde(default)]
    pub stated: Option<String>,
    /// Skip reports whose agency matches this regex.
    #[serde(default)]
    pub skip_agency: Option<String>,
    /// `skip_agency` compiled once, when the definitions are loaded.
    #[serde(skip)]
    pub skip_re: Option<Regex>,
}

/// Compile each definition's `skip_agency` (a bad pattern never matches, as before).
fn compiled(mut defs: Vec<DerivedDef>) -> Vec<DerivedDef> {
    for d in &mut defs {
        d.skip_re = d.skip_agency.as_deref().and_then(|p| Regex::new(p).ok());
    }
    defs
}

#[derive(Deserialize)]
struct DerivedFile {
    #[serde(default)]
    derived: Vec<DerivedDef>,
}

/// The built-in definitions (`data/derived.toml`).
pub fn builtin() -> &'static [DerivedDef] {
    static D: OnceLock<Vec<DerivedDef>> = OnceLock::new();
    D.get_or_init(|| {
        compiled(
            crate::data::builtin::<DerivedFile>(crate::data::builtin_data!("derived"))
                .expect("data/derived.toml is valid")
                .derived,
        )
    })
}

/// The `[[derived]]` entries of a user catalog file (TOML natively, JSON in the browser); the
/// rest of the file is ignored. Errors name the bad formula.
pub fn user_defs(text: &str) -> Result<Vec<DerivedDef>, crate::data::DataError> {
    let invalid = |m: String| crate::data::DataError::invalid("catalog", m);
    let f: DerivedFile =
        crate::data::user("catalog", text).map_err(|e| invalid(format!("catalog: {e}")))?;
    for d in &f.derived {
        let mut ids = Vec::new();
        eval(&d.formula, &mut |id| {
            ids.push(id.to_string());
            Some(1.0)
        })
        .ok_or_else(|| {
            invalid(format!(
                "catalog: derived {}: bad formula {:?}",
                d.id, d.formula
            ))
        })?;
    }
    Ok(compiled(f.derived))
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Id(String),
    Op(char),
}

fn lex(s: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let cs: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        if c.is_whitespace() {
            i += 1;
        } else if "+-*/()".contains(c) {
            out.push(Tok::Op(c));
            i += 1;
        } else if c.is_ascii_digit() || c == '.' {
            let j = (i..cs.len())
                .find(|&j| !(cs[j].is_ascii_digit() || cs[j] == '.'))
                .unwrap_or(cs.len());
            out.push(Tok::Num(cs[i..j].iter().collect::<String>().parse().ok()?));
            i = j;
        } else if c.is_ascii_alphabetic() || c == '_' {
            let j = (i..cs.len())
                .find(|&j| !(cs[j].is_ascii_alphanumeric() || cs[j] == '_'))
                .unwrap_or(cs.len());
            out.push(Tok::Id(cs[i..j].iter().collect()));
            i = j;
        } else {
            return None;
        }
    }
    Some(out)
}

struct Parser<'a, F: FnMut(&str) -> Option<f64>> {
    toks: Vec<Tok>,
    pos: usize,
    depth: usize,
    value: &'a mut F,
}

impl<F: FnMut(&str) -> Option<f64>> Parser<'_, F> {
    fn expr(&mut self) -> Option<f64> {
        let mut v = self.term()?;
        while let Some(Tok::Op(c @ ('+' | '-'))) = self.toks.get(self.pos).cloned() {
            self.pos += 1;
            let r = self.term()?;
            v = if c == '+' { v + r } else { v - r };
        }
        Some(v)
    }
    fn term(&mut self) -> Option<f64> {
        let mut v = self.atom()?;
        while let Some(Tok::Op(c @ ('*' | '/'))) = self.toks.get(self.pos).cloned() {
            self.pos += 1;
            let r = self.atom()?;
            v = if c == '*' { v * r } else { v / r };
        }
        Some(v)
    }
    fn atom(&mut self) -> Option<f64> {
        let t = self.toks.get(self.pos).cloned()?;
        self.pos += 1;
        match t {
            Tok::Num(n) => Some(n),
            Tok::Id(id) => (self.value)(&id),
            Tok::Op('(') => {
                self.depth += 1;
                if self.depth > 32 {
                    return None;
                }
                let v = self.expr()?;
                self.depth -= 1;
                (self.toks.get(self.pos) == Some(&Tok::Op(')'))).then(|| self.pos += 1)?;
                Some(v)
            }
            _ => None,
        }
    }
}

/// Evaluate a formula; `value` gives a metric id's value (None: the formula cannot be computed).
pub fn eval(formula: &str, value: &mut impl FnMut(&str) -> Option<f64>) -> Option<f64> {
    let toks = lex(formula)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
        value,
    };
    let v = p.expr()?;
    (p.pos == p.toks.len()).then_some(v)
}

fn primary<'a>(report: &'a Report, id: &str) -> Option<&'a Fact> {
    report.primary(id)
}

/// The indicators of `defs` that the report's primary facts allow.
pub fn derived(report: &Report, defs: &[DerivedDef]) -> Vec<Derived> {
    let mut out = Vec::new();
    for d in defs {
        if let (Some(r), Some(agency)) = (&d.skip_re, &report.meta.agency) {
            if r.is_match(agency) {
                continue;
            }
        }
        let mut uses: Vec<String> = Vec::new();
        let mut scope: Option<(Option<String>, Option<String>)> = None;
        let mut same = true;
        let v = eval(&d.formula, &mut |id| {
            let f = primary(report, id)?;
            let key = (f.scope.clone(), f.period.clone());
            match &scope {
                None => scope = Some(key),
                Some(k) if *k != key => same = false,
                _ => {}
            }
            if !uses.iter().any(|u| u == id) {
                uses.push(id.to_string());
            }
            Some(f.value)
        });
        let Some(v) = v else { continue };
        if !same || !v.is_finite() || v < 0.0 {
            continue;
        }
        let v = if d.unit == "%" { v * 100.0 } else { v };
        out.push(Derived {
            id: d.id.clone(),
            label: d.label.clone(),
            label_en: d.label_en.clone(),
            value: (v * 100.0).round() / 100.0,
            unit: d.unit.clone(),
            formula: d.formula.clone(),
            uses,
        });
    }
    out
}

/// `stated_vs_derived` flags: a stated rate and the computed one differ by more than one point.
pub fn stated_vs_derived(report: &Report, derived: &[Derived], defs: &[DerivedDef]) -> Vec<Flag> {
    let mut out = Vec::new();
    for d in derived {
        let Some(def) = defs.iter().find(|x| x.id == d.id) else {
            continue;
        };
        let Some(sid) = &def.stated else { continue };
        let Some(f) = primary(report, sid) else {
            continue;
        };
        let Some(used) = d.uses.first().and_then(|u| primary(report, u)) else {
            continue;
        };
        if f.scope != used.scope || f.period != used.period || (f.value - d.value).abs() <= 1.0 {
            continue;
        }
        let m = super::flags::messages();
        let (zh, en) = m.get("stated_vs_derived");
        let pairs = [
            ("metric", f.label.clone()),
            ("stated", crate::format::number(f.value)),
            ("computed", crate::format::number(d.value)),
            ("formula", d.formula.clone()),
        ];
        let mut metrics = vec![sid.clone()];
        metrics.extend(d.uses.iter().cloned());
        let mut evidence: Vec<crate::model::Span> = f.evidence.iter().take(1).copied().collect();
        for u in &d.uses {
            if let Some(e) = primary(report, u).and_then(|x| x.evidence.first()) {
                evidence.push(*e);
            }
        }
        out.push(Flag {
            kind: "stated_vs_derived".into(),
            zh: super::fill(zh, &pairs),
            en: super::fill(en, &pairs),
            metrics,
            evidence,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn formulas() {
        let mut v = |id: &str| match id {
            "a" => Some(2.0),
            "b" => Some(3.0),
            _ => None,
        };
        assert_eq!(eval("a / (a + b)", &mut v), Some(0.4));
        assert_eq!(eval("a * 2 - b", &mut v), Some(1.0));
        assert_eq!(eval("a / c", &mut v), None);
        assert_eq!(eval("a / (b", &mut v), None);
        assert_eq!(eval(&"(".repeat(100), &mut v), None);
    }
}
