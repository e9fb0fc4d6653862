//! The context checks on both sides of a finished quantity, and its decorations (各, approx).

use super::chars::*;
use super::run::Run;
use super::words::chars;
use super::Finish;
use super::{units, Kind, Quantity};
use crate::model::Approx;
use std::ops::Range;

/// A Chinese numeral that is part of a word, an idiom or a slogan, not a number.
fn is_a_word(t: &str, run: &Run, unit: &str, kind: Kind, end: usize) -> bool {
    let p = prev(t, run.start);
    let next = ch(t, end);
    let single_cn = run.chinese && !run.arabic && run.n_chars == 1 && run.int;
    if run.chinese && !run.arabic {
        // slogans right after an opening quote: "三项制度", "两个维护"
        if p == Some('"') && is_han_word_next(next) {
            return true;
        }
        // lone 零 (零容忍, 零跑腿) and lone units are words
        if run.n_chars == 1 && run.int && run.first == '零'
            || run.lone_unit && !super::run::lone_unit_figure(t, run.start, run.first)
        {
            return true;
        }
        if single_cn {
            let c = run.first;
            // 统一, 进一步, 之一, 第一, 新一轮, 上一年度 …
            if c == '一' && matches!(p, Some(x) if chars().one_as_word_after.contains(x)) {
                return true;
            }
            // parallel idioms: 一岗双责, 一法一条例, 一户一档, 六位一体
            let pp = p.and_then(|_| prev(t, run.start - p.map_or(0, char::len_utf8)));
            let p_is_unit =
                p.is_some_and(|x| units::unit_at(&t[run.start - x.len_utf8()..], false).is_some());
            if is_word_char(p) && !p_is_unit && matches!(pp, Some(x) if is_single_numeral(x)) {
                return true;
            }
            if unit.chars().count() <= 1
                && matches!(next, Some('一' | '双'))
                && is_word_char(ch(t, end + HAN))
            {
                return true;
            }
            // 一次性, 一门式, 二次 (secondary), 一批 (vague)
            if kind != Kind::Bare && matches!(next, Some('性' | '式' | '化')) {
                return true;
            }
            if c == '二' && unit == "次" || c == '一' && unit == "批" {
                return true;
            }
            if c == '一' && unit == "起" && !together_case(t, end) {
                return true;
            }
            // financial digits alone are words (队伍, 收拾, 放肆, 陆地) unless set apart
            let ambiguous = chars().ambiguous_financial.contains(c);
            if (kind == Kind::Bare || ambiguous) && is_word_char(p)
                || kind == Kind::Bare && is_word_char(ch(t, run.end))
            {
                return true;
            }
        } else if kind == Kind::Bare
            && is_word_char(next)
            && !matches!(
                next,
                Some('上' | '下' | '增' | '减' | '提' | '降' | '涨' | '跌' | '以' | '余')
            )
        {
            // 十九大, 二十大, 十九届
            return true;
        }
    }
    false
}

/// The final checks for a numeral with its unit (or none), approx markers before and after,
/// `各`; `Err` when the context says it is a word, not a quantity.
#[allow(clippy::too_many_arguments)]
pub(super) fn accept(
    t: &str,
    run: &Run,
    value: f64,
    unit: &str,
    kind: Kind,
    approx: Option<Approx>,
    end: usize,
    number: Range<usize>,
) -> Finish {
    if is_a_word(t, run, unit, kind, end) {
        return Err(end);
    }
    let start = run.start;
    let mut approx = approx;
    // approx after the unit
    let mut end = end;
    if kind != Kind::Bare || approx.is_none() {
        if starts(t, end, "以上") {
            approx = Some(Approx::MoreThan);
            end += "以上".len();
        } else if starts(t, end, "左右") {
            approx = Some(Approx::Nearly);
            end += "左右".len();
        } else if kind != Kind::Bare
            && (starts(t, end, "余") || starts(t, end, "多"))
            && kind != Kind::Percent
        {
            approx = Some(Approx::MoreThan);
            end += HAN;
        }
    }
    // currency written before: ¥ / 人民币 (span only)
    let mut start = start;
    if kind == Kind::Money {
        let k = back_spaces(t, start);
        if ends(t, k, "人民币") {
            start = k - "人民币".len();
        } else if matches!(prev(t, k), Some('¥' | '￥')) {
            start = k - prev(t, k).map_or(0, char::len_utf8);
        }
    }
    Ok(Quantity {
        value,
        unit: unit.to_string(),
        kind,
        approx,
        each: false,
        span: start..end,
        number,
    })
}

/// Approx words before the quantity (`近`, `约`, `超过`, `逾` …; `近3年` is "the last 3 years")
/// and `各` (`各1次`).
pub(super) fn decorate(t: &str, q: &mut Quantity) {
    let pre = back_spaces(t, q.span.start);
    let recent = matches!(q.unit.as_str(), "年" | "个月" | "天" | "周" | "日");
    for (w, a) in [
        ("大约有", Approx::Nearly),
        ("约占", Approx::Nearly),
        ("约为", Approx::Nearly),
        ("约有", Approx::Nearly),
        ("将近", Approx::Nearly),
        ("大约", Approx::Nearly),
        ("超过", Approx::MoreThan),
        ("近", Approx::Nearly),
        ("约", Approx::Nearly),
        ("逾", Approx::MoreThan),
        ("超", Approx::MoreThan),
    ] {
        if ends(t, pre, w) {
            // 不超过 / 不超: an upper bound, not an approximation
            let negated = w.starts_with('超') && t[..pre - w.len()].ends_with('不');
            if !(negated || recent && w == "近") {
                q.approx = q.approx.or(Some(a));
                q.span.start = pre - w.len();
            }
            break;
        }
    }
    q.each = prev(t, q.span.start) == Some('各');
}
