//! Citations: the `《…》` titles of a text (and the `〈…〉`, `<…>` inside them), each with its byte
//! range and its title cleaned of spaces.

use super::TITLE_MAX;

/// The searcher for `《`, built once (`memmem::find` would build one for each search).
fn open_quote() -> &'static memchr::memmem::Finder<'static> {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    FINDER.get_or_init(|| memchr::memmem::Finder::new("《"))
}

/// One citation: the byte range of `《…》` and its cleaned title.
pub(super) struct Cite {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) title: String,
    /// Nested inside another title.
    pub(super) inner: bool,
}

/// The byte offset just after the `close` matching the `open` at `i`, if it closes before a `。`
/// and within 120 chars. Only `。`, `open` and `close` decide, and each begins with E3 or is
/// `<`/`>`: memchr3 jumps between those bytes, and the chars before a closing one are counted
/// (fast) only then (a stop past 120 chars gives None either way).
fn close_of(s: &str, i: usize, open: char, close: char) -> Option<usize> {
    let (mut o, mut c) = ([0u8; 4], [0u8; 4]);
    let (open, close) = (
        open.encode_utf8(&mut o).as_bytes(),
        close.encode_utf8(&mut c).as_bytes(),
    );
    let b = &s.as_bytes()[i..];
    let mut depth = 0usize;
    for j in memchr::memchr3_iter(0xE3, open[0], close[0], b) {
        let at = &b[j..];
        if at.starts_with("。".as_bytes()) {
            return None;
        }
        if at.starts_with(open) {
            depth += 1;
        } else if at.starts_with(close) {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                // (the char number of `close`, from 0, is the count of the chars before it,
                // counted only when their bytes are more than 120)
                let near = j <= 120 || s[i..i + j].chars().count() <= 120;
                return near.then_some(i + j + close.len());
            }
        }
    }
    None
}

/// Where the first `《`, `〈` or `<` of `s` starts (`s.find(['《', '〈', '<'])`): `<` and the
/// first byte the other two share (E3) found by memchr, not every char decoded.
fn first_open(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'<', 0xE3, b).find(|&j| {
        b[j] == b'<' || b[j..].starts_with("《".as_bytes()) || b[j..].starts_with("〈".as_bytes())
    })
}

fn clean_title(raw: &str) -> Option<String> {
    let space = |b: u8| b <= b' ' || matches!(b, 0xC2 | 0xE1..=0xE3); // a space's first byte
    let keep = |c: &char| !c.is_whitespace() && *c != '\u{3000}';
    let t: String = match raw.bytes().any(space) {
        true => raw.chars().filter(keep).collect(),
        false => raw.to_string(),
    };
    // (a title of at most TITLE_MAX bytes has at most that many chars: not counted)
    let fits = !t.is_empty() && (t.len() <= TITLE_MAX || t.chars().count() <= TITLE_MAX);
    (fits && !t.contains('。')).then_some(t)
}

/// All citations in `s` from byte `base` on, nested ones included.
pub(super) fn scan(s: &str, base: usize, inner: bool, out: &mut Vec<Cite>) {
    let mut i = 0;
    while i < s.len() {
        // 〈〉 and <> only name titles inside a 《》 title: outside, `《` alone is looked for (a
        // substring search: `str::find` stops at every byte 8A, common in Han chars)
        let next = if inner {
            first_open(&s[i..])
        } else {
            open_quote().find(&s.as_bytes()[i..])
        };
        let Some(p) = next else {
            break;
        };
        let at = i + p;
        let open = s[at..].chars().next().unwrap_or('《');
        let close = match open {
            '《' => '》',
            '〈' => '〉',
            _ => '>',
        };
        // 〈〉 and <> only name titles inside a 《》 title
        if open != '《' && !inner {
            i = at + open.len_utf8();
            continue;
        }
        match close_of(s, at, open, close) {
            Some(e) => {
                let raw = &s[at + open.len_utf8()..e - close.len_utf8()];
                if let Some(title) = clean_title(raw) {
                    out.push(Cite {
                        start: base + at,
                        end: base + e,
                        title,
                        inner,
                    });
                    scan(raw, base + at + open.len_utf8(), true, out);
                }
                i = e;
            }
            None => i = at + open.len_utf8(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char walk `close_of` replaces.
    fn close_of_simple(s: &str, i: usize, open: char, close: char) -> Option<usize> {
        let mut depth = 0usize;
        for (n, (j, c)) in s[i..].char_indices().enumerate() {
            if n > 120 || c == '。' {
                return None;
            }
            if c == open {
                depth += 1;
            } else if c == close {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i + j + c.len_utf8());
                }
            }
        }
        None
    }

    /// `close_of` finds what the walk finds, and `first_open` what `str::find` finds: nested,
    /// unclosed, stopped by `。`, other chars that begin with E3 (`、`, `〇`), closing at 120
    /// and 121 chars, from every char of the text.
    #[test]
    fn close_of_and_first_open_are_the_simple_ones() {
        let long = |k: usize| format!("《{}》后", "规".repeat(k));
        let texts = [
            String::new(),
            "《某某条例》".to_string(),
            "《关于〈某办法〉的说明》、《某<规定>》".to_string(),
            "《未闭合,后文。《另一个》".to_string(),
            "《外《内》外》》".to_string(),
            "〇、《乙》、〈丙〉<丁>〉》".to_string(),
            "a《é\u{1F600}》b<<x>>".to_string(),
            long(118),
            long(119),
            long(120),
            "<a〈b>c〉".to_string(),
        ];
        for t in &texts {
            for (i, c) in t.char_indices() {
                for (open, close) in [('《', '》'), ('〈', '〉'), ('<', '>')] {
                    if c == open {
                        let want = close_of_simple(t, i, open, close);
                        assert_eq!(close_of(t, i, open, close), want, "{t:?} {i}");
                    }
                }
                let want = t[i..].find(['《', '〈', '<']);
                assert_eq!(first_open(&t[i..]), want, "{t:?} {i}");
            }
        }
    }

    /// `clean_title` drops every whitespace char, whatever its bytes, and keeps every other.
    #[test]
    fn clean_title_drops_every_space() {
        let keep = |c: &&char| !c.is_whitespace() && **c != '\u{3000}';
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let want: String = ['某', c, '条'].iter().filter(keep).collect();
            let got = clean_title(&format!("某{c}条"));
            assert_eq!(got, (c != '。').then_some(want), "U+{:04X}", c as u32);
        }
    }
}
