//! Discounts (`三成`, `八折`) and money written with its small units (`5元3角`, `美元又三美分`).

use super::chars::*;
use super::run::{read_run, Run};
use super::Kind;
use super::{q, Finish};
use crate::numbers::numerals::{self, digit_value};
use std::ops::Range;

/// `N成` (N×10 %), `N折` (a discount: `9折` = 90 %, `75折` = 75 %), `三成半`, `七成 六`.
pub(super) fn discount(
    t: &str,
    run: &Run,
    value: f64,
    ua: usize,
    number: Range<usize>,
) -> Option<Finish> {
    let c = ch(t, ua)?;
    if c != '成' && c != '折' {
        return None;
    }
    let after = ua + HAN;
    let n = ch(t, after);
    let ok_next =
        |n: Option<char>| !is_word_char(n) || matches!(n, Some('以' | '左' | '多' | '半' | '余'));
    if c == '成' {
        if !(0.0..=10.0).contains(&value) {
            return None;
        }
        if n == Some('半') {
            return Some(Ok(q(
                value * 10.0 + 5.0,
                "%",
                Kind::Percent,
                None,
                run.start..after + HAN,
                number,
            )));
        }
        // 七成 六
        let k = skip_spaces(t, after);
        if k > after {
            if let Some(d) = ch(t, k).and_then(digit_value) {
                if !ch(t, k + HAN).is_some_and(|x| numerals::is_cn_numeral_char(x) || is_han(x)) {
                    return Some(Ok(q(
                        value * 10.0 + d as f64,
                        "%",
                        Kind::Percent,
                        None,
                        run.start..k + HAN,
                        number,
                    )));
                }
            }
        }
        if !ok_next(n) {
            return None;
        }
        return Some(Ok(q(
            value * 10.0,
            "%",
            Kind::Percent,
            None,
            run.start..after,
            number,
        )));
    }
    if !ok_next(n) {
        return None;
    }
    let v = if value > 0.0 && value < 10.0 {
        value * 10.0
    } else if value > 10.0 && value < 100.0 && value.fract() == 0.0 {
        value
    } else {
        return Some(Err(after));
    };
    Some(Ok(q(v, "%", Kind::Percent, None, run.start..after, number)))
}

/// After a money unit: `N角` / `N毛` / `N分`, `又N美分`, `N日本銭` — (extra value, end).
pub(super) fn money_tail(t: &str, end: usize, unit: &str) -> (f64, usize) {
    let mut extra = 0.0;
    let mut e = end;
    let mut k = end;
    if unit == "美元" && ch(t, k) == Some('又') {
        k += HAN;
    }
    let Some(r) = read_run(t, k, false).filter(|r| !r.bad && r.value < 100.0) else {
        return (0.0, end);
    };
    let (v, after) = (r.value, r.end);
    match unit {
        "元" if starts(t, after, "角") || starts(t, after, "毛") => {
            extra += v / 10.0;
            e = after + HAN;
            if let Some(r2) = read_run(t, e, false).filter(|r| !r.bad && r.value < 10.0) {
                if starts(t, r2.end, "分") {
                    extra += r2.value / 100.0;
                    e = r2.end + HAN;
                }
            }
        }
        "美元" if starts(t, after, "美分") => {
            extra += v / 100.0;
            e = after + "美分".len();
        }
        "日元" if starts(t, after, "日本銭") || starts(t, after, "日本钱") => {
            extra += v / 100.0;
            e = after + "日本銭".len();
        }
        _ => {}
    }
    (extra, e)
}
