//! HTML → text: the text of a saved page or of pasted markup, one line per paragraph.
//!
//! Natively ([`tokens`]) the `html5gum` WHATWG tokenizer (entities decoded, `<script>`/`<style>` read as raw text,
//! comments separate) and no tree, so the work is one linear pass and nesting depth costs
//! nothing. Dropped with their content: `script style noscript template head title nav footer
//! aside iframe object svg math select button`, elements with the `hidden` attribute, and
//! elements whose `class`/`id` names navigation, menus, breadcrumbs, footers or share boxes.
//! Block elements end a line; table cells are separated by a tab, rows end a line.
//!
//! In the browser ([`dom`]) the same rules walk the tree of the browser's `DOMParser` (no
//! tokenizer in the wasm); both give the texts of `tests/data/html.toml`.

#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(not(target_arch = "wasm32"))]
pub mod tokens;

#[cfg(target_arch = "wasm32")]
pub use dom::html_to_text;
#[cfg(not(target_arch = "wasm32"))]
pub use tokens::html_to_text;

/// Tags that suggest a text is HTML markup (`<p>`, `<div …>`, `</td>` …); `<script>` and `<img>`
/// do not count, so plain text that merely quotes them stays text.
const STRUCTURAL: &[&str] = &[
    "p", "div", "br", "span", "td", "tr", "th", "table", "tbody", "li", "ul", "ol", "h1", "h2",
    "h3", "h4", "h5", "h6", "body", "head", "html", "meta", "font", "strong", "b", "a", "section",
    "article", "center",
];

/// Whether `s` looks like HTML markup: it starts with `<!doctype html>`, `<html` or `<?xml`, or it
/// has at least 4 structural tags (`<p>`, `</div>`, `<br/>` …). One linear pass.
pub fn looks_like_html(s: &str) -> bool {
    let t = s.trim_start_matches(['\u{FEFF}', ' ', '\t', '\r', '\n']);
    let head: String = t.chars().take(15).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml")
    {
        return true;
    }
    structural_tags(s, 4) >= 4
}

/// A text (Markdown, as PDF-to-Markdown tools write it) whose only markup is `<table>`s: the text
/// with each table read as HTML ([`html_to_text`]: a row a line, cells ended by tabs) and the
/// lines around them as they are. None when `s` holds no table, or markup outside its tables
/// (then it is a page, read whole as HTML).
pub fn with_tables_read(s: &str) -> Option<String> {
    let tables = table_blocks(s);
    if tables.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    for t in &tables {
        if structural_tags(&s[from..t.start], 1) > 0 {
            return None;
        }
        out.push_str(&s[from..t.start]);
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(html_to_text(&s[t.clone()]).trim_matches('\n'));
        out.push('\n');
        from = t.end;
    }
    if structural_tags(&s[from..], 1) > 0 {
        return None;
    }
    out.push_str(s[from..].trim_start_matches(['\r', '\n']));
    Some(out)
}

/// The byte ranges of `s`'s `<table …>…</table>` blocks (ASCII case ignored; a table not closed
/// runs to the end), in order.
fn table_blocks(s: &str) -> Vec<std::ops::Range<usize>> {
    let b = s.as_bytes();
    let at = |i: usize, tag: &[u8]| {
        b.get(i..i + tag.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(tag))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        let start = i + k;
        if !(at(start, b"<table")
            && matches!(b.get(start + 6), Some(b'>' | b' ' | b'\t' | b'\r' | b'\n')))
        {
            i = start + 1;
            continue;
        }
        let mut end = b.len();
        let mut j = start + 6;
        while let Some(k) = memchr::memchr(b'<', &b[j..]) {
            if at(j + k, b"</table>") {
                end = j + k + 8;
                break;
            }
            j += k + 1;
        }
        out.push(start..end);
        i = end;
    }
    out
}

/// How many structural tags `s` holds, counted up to `enough`.
fn structural_tags(s: &str, enough: usize) -> usize {
    let b = s.as_bytes();
    let mut tags = 0;
    for (i, _) in s.match_indices('<') {
        let mut j = i + 1;
        if b.get(j) == Some(&b'/') {
            j += 1;
        }
        let start = j;
        while j < b.len() && j - start < 10 && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        let name = &s[start..j];
        let ends = matches!(b.get(j), Some(b'>' | b' ' | b'/' | b'\t' | b'\n' | b'\r'));
        if ends && STRUCTURAL.iter().any(|t| t.eq_ignore_ascii_case(name)) {
            tags += 1;
            if tags >= enough {
                return tags;
            }
        }
    }
    tags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects() {
        assert!(looks_like_html("  <!DOCTYPE html><p>x"));
        assert!(looks_like_html("前言<p>一</p><p>二</p>"));
        assert!(!looks_like_html("a < b 且 c > d"));
        assert!(!looks_like_html(
            "<script>alert(1)</script><img src=x onerror=alert(1)>"
        ));
    }
}
