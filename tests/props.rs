//! Property tests for the numerals (the scanner's, and the peer-compatible parser of
//! `tests/common/cn2an.rs`) and the quantity scanner: no panic on any string, spans at
//! char boundaries inside the text, in order and non-overlapping, and the text at `number`
//! holds a digit or a Chinese numeral (`半` and `对` of `半成`/`打对折` count as numerals).

mod common;

use common::cn2an::{parse_mode, parse_number, Mode};
use proptest::prelude::*;
use zhibiao::stages::numerals::is_cn_numeral_char;
use zhibiao::stages::quantities::scan;

/// Strings biased towards what numbers are made of: digits, Chinese numerals, units, markers.
fn numberish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "0",
        "1",
        "2",
        "9",
        ".",
        ",",
        "-",
        "%",
        "/",
        "^",
        "e",
        "k",
        " ",
        "\n",
        "一",
        "二",
        "两",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "零",
        "〇",
        "点",
        "负",
        "余",
        "多",
        "几",
        "近",
        "约",
        "以上",
        "左右",
        "各",
        "第",
        "是",
        "、",
        "(",
        ")",
        "[",
        "]",
        "年",
        "月",
        "日",
        "号",
        "件",
        "家次",
        "人次",
        "元",
        "万元",
        "个百分点",
        "µg/m3",
        "微克/立方米",
        "分之",
        "又",
        "成",
        "折",
        "打",
        "半",
        "壹",
        "拾",
        "陆",
        "\"",
        "统",
        "进",
        "PM",
        "http://",
        "·",
        ":",
        "&mdash;",
        "¥",
        "$",
        "美元",
        "角",
        "分",
        "é",
        "😀",
        "\u{3000}",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let qs = scan(text);
    let mut last = 0;
    for q in &qs {
        assert!(
            q.span.start <= q.span.end && q.span.end <= text.len(),
            "span out of text: {q:?} in {text:?}"
        );
        assert!(
            text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end),
            "span not at char boundary: {q:?} in {text:?}"
        );
        assert!(
            text.is_char_boundary(q.number.start) && text.is_char_boundary(q.number.end),
            "number not at char boundary: {q:?} in {text:?}"
        );
        assert!(
            q.span.start <= q.number.start && q.number.end <= q.span.end,
            "number outside span: {q:?} in {text:?}"
        );
        assert!(
            q.span.start >= last,
            "overlapping or out of order: {q:?} in {text:?}"
        );
        last = q.span.end;
        let num = &text[q.number.clone()];
        assert!(
            num.chars().any(|c| c.is_ascii_digit()
                || is_cn_numeral_char(c)
                || matches!(c, '半' | '对' | '對')),
            "no numeral in {num:?} ({q:?}) in {text:?}"
        );
        assert!(q.value.is_finite(), "value not finite: {q:?} in {text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn scan_numberish(s in numberish()) {
        check(&s);
        let _ = parse_number(&s);
        for m in [Mode::Strict, Mode::Normal, Mode::Smart] {
            let _ = parse_mode(&s, m);
        }
    }

    #[test]
    fn scan_any_string(s in any::<String>()) {
        check(&s);
        let _ = parse_number(&s);
        let _ = parse_mode(&s, Mode::Smart);
    }

    #[test]
    fn scan_cjk_and_digits(s in "[0-9一二三四五六七八九十百千万亿零两点.,%件元年月日第是、 \\n]{0,40}") {
        check(&s);
    }
}

#[test]
fn scan_corpus_invariants() {
    for (_, t) in common::seeds() {
        check(&zhibiao::stages::normalise::normalise(&t));
        check(&t);
    }
}

/// Long runs must not take quadratic time nor produce non-finite values.
#[test]
fn long_inputs_are_linear() {
    let inputs = [
        "一".repeat(200_000),
        "1".repeat(200_000),
        format!("一{}", "万".repeat(100_000)),
        "1.".repeat(100_000),
        "百分之".repeat(50_000),
        "一又".repeat(50_000),
        "1-".repeat(100_000),
        "12件,".repeat(50_000),
        "负".repeat(100_000),
        "1,000".repeat(50_000),
    ];
    let t0 = std::time::Instant::now();
    for s in &inputs {
        check(s);
    }
    let dt = t0.elapsed().as_secs_f64();
    assert!(dt < 20.0, "long inputs took {dt:.1}s");
}
