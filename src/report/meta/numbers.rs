//! The province a text's document numbers are issued in: `苏依法办[2019]5号` opens with 苏, the
//! one-char short name of 江苏省 (`data/meta.toml` `[numbers]`).

use super::words::words;
use std::sync::OnceLock;

/// The province-level unit whose short name opens more of the text's document numbers than any
/// other's (at least one), if one does.
pub(super) fn province_of_numbers(norm: &str) -> Option<String> {
    static RE: OnceLock<crate::re::Regex> = OnceLock::new();
    let w = &words().numbers;
    let re = RE.get_or_init(|| crate::data::shipped("meta.toml", "numbers.pattern", &w.pattern));
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for caps in re.captures_iter(norm) {
        let Some(first) = caps.get(1) else { continue };
        let Some((_, province)) = w.provinces.iter().find(|(s, _)| s == first.as_str()) else {
            continue;
        };
        match counts.iter_mut().find(|(p, _)| *p == province.as_str()) {
            Some((_, n)) => *n += 1,
            None => counts.push((province, 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(p, _)] => Some(p.to_string()),
        [(p, a), (_, b), ..] if a > b => Some(p.to_string()),
        _ => None,
    }
}
