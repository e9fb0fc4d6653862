//! Numbers for people: `1,021.21 万元` with the exact yuan on hover, qualifiers as short chips.

use super::i18n::{t, Lang};
use crate::model::{Approx, Change, Fact};

pub use crate::format::group_thousands;

/// A number with at most `digits` decimals, trailing zeros dropped.
pub fn decimals(v: f64, digits: usize) -> String {
    if !v.is_finite() {
        return String::from("?");
    }
    group_thousands(&crate::format::decimals(v, digits))
}

/// The exact value in the canonical unit: `10,212,056 元`.
pub fn exact(value: f64, unit: &str) -> String {
    format!("{} {unit}", decimals(value, 6))
}

/// The value as people read it. Money in 万元/亿元 (Chinese UI) or million/billion yuan
/// (English UI); other units as the number plus the unit.
pub fn human(value: f64, unit: &str, lang: Lang) -> String {
    if unit == "元" {
        let a = value.abs();
        return match lang {
            Lang::Zh if a >= 1e8 => format!("{} 亿元", decimals(value / 1e8, 2)),
            Lang::Zh if a >= 1e4 => format!("{} 万元", decimals(value / 1e4, 2)),
            Lang::Zh => format!("{} 元", decimals(value, 2)),
            Lang::En if a >= 1e9 => format!("{} billion yuan", decimals(value / 1e9, 2)),
            Lang::En if a >= 1e6 => format!("{} million yuan", decimals(value / 1e6, 2)),
            Lang::En => format!("{} yuan", decimals(value, 2)),
        };
    }
    if unit == "%" {
        return format!("{}%", decimals(value, 2));
    }
    format!(
        "{} {}",
        decimals(value, 2),
        super::i18n::unit_label(lang, unit)
    )
}

/// A short word for an approximation.
pub fn approx_label(a: Approx, lang: Lang) -> &'static str {
    match a {
        Approx::MoreThan => t(lang, "more_than"),
        Approx::Nearly => t(lang, "nearly"),
    }
}

/// `同比 -16.2%` / `YoY +3.5 pp`.
pub fn change_label(c: Change, lang: Lang) -> String {
    let sign = |v: f64| if v > 0.0 { "+" } else { "" };
    match c {
        Change::Pct(p) => format!("{} {}{}%", t(lang, "yoy"), sign(p), decimals(p, 2)),
        Change::Points(p) => {
            format!(
                "{} {}{} {}",
                t(lang, "yoy"),
                sign(p),
                decimals(p, 2),
                lang.pick("个百分点", "pp")
            )
        }
    }
}

/// The qualifier chips of a fact, in display order.
pub fn qualifiers(f: &Fact, lang: Lang) -> Vec<String> {
    let mut q = Vec::new();
    if let Some(s) = &f.scope {
        q.push(format!("{}: {s}", t(lang, "scope")));
    }
    if let Some(p) = &f.period {
        q.push(format!("{}: {p}", t(lang, "period")));
    }
    if let Some(a) = f.approx {
        q.push(approx_label(a, lang).to_string());
    }
    if let Some(c) = f.change {
        q.push(change_label(c, lang));
    }
    q
}

/// The first `n` chars of `s`, with `…` when cut.
pub fn ellipsis(s: &str, n: usize) -> String {
    let mut it = s.chars();
    let head: String = it.by_ref().take(n).collect();
    if it.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
