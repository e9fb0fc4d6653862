use super::Near;
use crate::re::{Regex, Short};

/// The matcher of `pat`, if it has the shape.
fn near(pat: &str) -> Option<Near> {
    Near::of(&regex_syntax::parse(pat).unwrap())
}

/// What `after_distance` computed with the regex alone: tails dropped while it still matches.
fn tails_by_regex(re: &Regex, hay: &str, most: usize) -> usize {
    let mut rest = hay;
    for d in 0..most {
        let Some(c) = rest.chars().next() else {
            return d;
        };
        let next = &rest[c.len_utf8()..];
        if next.is_empty() || !re.is_match(next) {
            return d;
        }
        rest = next;
    }
    most
}

/// `near` finds, matches and counts tails as `re` does on `hay`.
fn same(near: &Near, re: &Regex, hay: &str) {
    let pat = re.as_str();
    assert_eq!(
        near.find(hay),
        re.find(hay).map(|m| m.range()),
        "{pat} on {hay:?}"
    );
    assert_eq!(near.is_match(hay), re.is_match(hay), "{pat} on {hay:?}");
    for most in [3, 32] {
        let want = tails_by_regex(re, hay, most);
        assert_eq!(near.tails_matching(hay, most), want, "{pat} on {hay:?}");
    }
}

#[test]
fn only_anchored_bounded_class_then_words_is_walked() {
    for pat in [
        "^[^,;。]{0,8}(行政)?复议",
        "^[^,;。]{0,14}双随机",
        "^[^,;。]{0,6}(行政|经济|各类)?(合同|协议)",
        "^[^,;。]{0,6}(案件)??移送(至|到)?公安",
        "^.{0,3}(a|ab|abc)",
    ] {
        assert!(near(pat).is_some(), "{pat}");
    }
    for pat in [
        "[^,;。]{0,8}复议",
        "^[^,;。]{1,8}复议",
        "^[^,;。]{0,8}?复议",
        "^[^,;。]{0,8}复议[^,;。]{0,6}案件",
        "^[^,;。]{0,8}复议$",
        "^[^,;。]{0,8}(复议)*",
        "^[^,;。]{0,8}",
        "^[^,;。]{0,100}复议",
        "(?m)^[^,;。]{0,8}复议",
    ] {
        assert!(near(pat).is_none(), "{pat}");
    }
}

#[test]
fn near_prefers_what_the_regex_prefers() {
    let cases = [
        ("^[^,;。]{0,8}(行政)?复议", "件行政复议案件和复议"),
        ("^.{0,3}(a|ab|abc)", "xabcab"),
        ("^.{0,3}(abc|ab|a)", "xabcab"),
        ("^.{0,3}(x)??(ab)", "xxab"),
        ("^[^,]{0,2}(a|b)", "ab,a"),
        ("^[^,]{0,2}(,a|b)", ",a"),
        (
            "^[^,;。]{0,10}重大(行政)?决策",
            "件规范性文件和重大决策事项重大行政决策",
        ),
    ];
    for (pat, hay) in cases {
        let re = Regex::new(pat).unwrap();
        let n = near(pat).expect(pat);
        for (i, _) in hay.char_indices() {
            same(&n, &re, &hay[i..]);
        }
        same(&n, &re, "");
    }
}

/// Every catalog pattern of the shape (all its `after` patterns but those with a second
/// class), after every figure of the seeds and dev texts (to the clause's end and beyond it),
/// and on generated strings of its own words' chars: the walk tells what the regex tells.
#[test]
fn near_is_the_regex_on_every_catalog_pattern() {
    let cat = crate::data::catalog::builtin();
    let pats: Vec<&str> = cat
        .matchers
        .iter()
        .flat_map(|mx| mx.triggers.iter().chain(&mx.weak).chain(&mx.after))
        .map(Short::as_str)
        .filter(|p| near(p).is_some())
        .collect();
    assert!(pats.len() >= 25, "{} patterns walked", pats.len());
    let mut texts = crate::re::tests::shared_texts("corpus");
    texts.extend(crate::re::tests::shared_texts("dev/texts"));
    let mut windows: Vec<&str> = Vec::new();
    for t in &texts {
        let mut ends = t
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit() || *c == '%');
        for (i, c) in ends.by_ref() {
            let rest = &t[i + c.len_utf8()..];
            let far = rest.char_indices().nth(48).map_or(rest.len(), |(j, _)| j);
            let clause = rest[..far].find([',', ';', '。']).unwrap_or(far);
            windows.extend([&rest[..far], &rest[..clause]]);
        }
    }
    assert!(windows.len() > 10_000, "{} windows", windows.len());
    let mut matched = 0;
    for pat in pats {
        let (n, re) = (near(pat).unwrap(), Regex::new(pat).unwrap());
        for w in &windows {
            same(&n, &re, w);
            matched += usize::from(re.is_match(w));
        }
        // (whole words and their chars, a stop and fillers: words close together and apart)
        let mut tokens: Vec<String> = n.words.clone();
        tokens.extend(n.words.iter().flat_map(|w| w.chars()).map(String::from));
        tokens.extend([",", "。", "x", "件"].map(String::from));
        let mut seed = 0x2545_f491_u64;
        let mut next = |k: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % k
        };
        for _ in 0..3000 {
            let s: String = (0..next(20))
                .map(|_| tokens[next(tokens.len())].as_str())
                .collect();
            same(&n, &re, &s);
        }
    }
    assert!(matched > 500, "{matched} windows matched");
}
