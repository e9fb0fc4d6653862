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
/// and within 120 chars.
fn close_of(s: &str, i: usize, open: char, close: char) -> Option<usize> {
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

fn clean_title(raw: &str) -> Option<String> {
    let space = |b: u8| b <= b' ' || matches!(b, 0xC2 | 0xE1..=0xE3); // a space's first byte
    let keep = |c: &char| !c.is_whitespace() && *c != '\u{3000}';
    let t: String = match raw.bytes().any(space) {
        true => raw.chars().filter(keep).collect(),
        false => raw.to_string(),
    };
    let n = t.chars().count();
    (n > 0 && n <= TITLE_MAX && !t.contains('。')).then_some(t)
}

/// All citations in `s` from byte `base` on, nested ones included.
pub(super) fn scan(s: &str, base: usize, inner: bool, out: &mut Vec<Cite>) {
    let mut i = 0;
    while i < s.len() {
        // 〈〉 and <> only name titles inside a 《》 title: outside, `《` alone is looked for (a
        // substring search: `str::find` stops at every byte 8A, common in Han chars)
        let next = if inner {
            s[i..].find(['《', '〈', '<'])
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
