//! HTML → text: the text of a saved page or of pasted markup, one line per paragraph.
//!
//! Uses the `html5gum` WHATWG tokenizer (entities decoded, `<script>`/`<style>` read as raw text,
//! comments separate) and no tree, so the work is one linear pass and nesting depth costs
//! nothing. Dropped with their content: `script style noscript template head title nav footer
//! aside iframe object svg math select button`, elements with the `hidden` attribute, and
//! elements whose `class`/`id` names navigation, menus, breadcrumbs, footers or share boxes.
//! Block elements end a line; table cells are separated by a tab, rows end a line.

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements dropped with everything inside them.
const DROPPED: &[&[u8]] = &[
    b"script",
    b"style",
    b"noscript",
    b"template",
    b"head",
    b"title",
    b"nav",
    b"footer",
    b"aside",
    b"iframe",
    b"object",
    b"svg",
    b"math",
    b"select",
    b"button",
    b"textarea",
    b"noframes",
    b"xmp",
];

/// `class`/`id` words (split at spaces, `-` and `_`) that mark page furniture.
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "footer",
    "copyright",
    "share",
    "bdsharebuttonbox",
    "sidebar",
    "toolbar",
];

/// Elements that have no content and no end tag.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// Elements that begin and end a line.
const BLOCK: &[&[u8]] = &[
    b"address",
    b"article",
    b"blockquote",
    b"body",
    b"caption",
    b"center",
    b"dd",
    b"details",
    b"dialog",
    b"div",
    b"dl",
    b"dt",
    b"fieldset",
    b"figcaption",
    b"figure",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"header",
    b"hgroup",
    b"hr",
    b"html",
    b"legend",
    b"li",
    b"main",
    b"menu",
    b"ol",
    b"p",
    b"pre",
    b"section",
    b"summary",
    b"table",
    b"tbody",
    b"tfoot",
    b"thead",
    b"tr",
    b"ul",
];

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
            if tags >= 4 {
                return true;
            }
        }
    }
    false
}

/// The text output being built, with whitespace collapsed the way a browser shows it.
#[derive(Default)]
struct Out {
    s: String,
    space: bool,
}

impl Out {
    fn at_line_start(&self) -> bool {
        self.s.is_empty() || self.s.ends_with('\n')
    }
    fn trim_end(&mut self) {
        let n = self.s.trim_end_matches([' ', '\t']).len();
        self.s.truncate(n);
        self.space = false;
    }
    fn text(&mut self, t: &str, pre: bool) {
        if pre {
            self.space = false;
            self.s
                .push_str(&t.replace("\r\n", "\n").replace('\r', "\n"));
            return;
        }
        for c in t.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C') {
                self.space = true;
            } else {
                if self.space && !self.at_line_start() && !self.s.ends_with('\t') {
                    self.s.push(' ');
                }
                self.space = false;
                self.s.push(c);
            }
        }
    }
    fn line_end(&mut self) {
        self.trim_end();
        if !self.at_line_start() {
            self.s.push('\n');
        }
    }
    fn br(&mut self) {
        self.trim_end();
        if !self.s.is_empty() && !self.s.ends_with("\n\n") {
            self.s.push('\n');
        }
    }
    fn cell_end(&mut self) {
        self.trim_end();
        if !self.at_line_start() {
            self.s.push('\t');
        }
    }
}

fn is_furniture(
    attrs: &std::collections::BTreeMap<
        html5gum::HtmlString,
        html5gum::Spanned<html5gum::HtmlString, ()>,
    >,
) -> bool {
    if attrs.keys().any(|k| k.as_slice() == b"hidden") {
        return true;
    }
    [&b"class"[..], &b"id"[..]].iter().any(|k| {
        attrs.iter().any(|(name, v)| {
            name.as_slice() == *k && {
                let v = String::from_utf8_lossy(&v.value).to_ascii_lowercase();
                v.split([' ', '-', '_', '\t', '\n'])
                    .any(|w| FURNITURE.contains(&w))
            }
        })
    })
}

/// The text of an HTML page or fragment (see the module doc). Never panics; linear time.
pub fn html_to_text(html: &str) -> String {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let tokens = Tokenizer::new_with_emitter(html, emitter);
    let mut out = Out::default();
    // the element being dropped (name, nesting depth of that name)
    let mut skip: Option<(Vec<u8>, usize)> = None;
    let mut pre = 0usize;
    for token in tokens {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.as_slice();
                let void = tag.self_closing || VOID.contains(&name);
                if let Some((n, depth)) = &mut skip {
                    if n.as_slice() == name && !void {
                        *depth += 1;
                    }
                    continue;
                }
                if !void && (DROPPED.contains(&name) || is_furniture(&tag.attributes)) {
                    skip = Some((name.to_vec(), 1));
                    continue;
                }
                match name {
                    b"br" => out.br(),
                    b"pre" | b"listing" => {
                        out.line_end();
                        if !void {
                            pre += 1;
                        }
                    }
                    b"td" | b"th" => {}
                    _ if BLOCK.contains(&name) => out.line_end(),
                    _ => {}
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.as_slice();
                if let Some((n, depth)) = &mut skip {
                    if n.as_slice() == name {
                        *depth -= 1;
                        if *depth == 0 {
                            skip = None;
                        }
                    }
                    continue;
                }
                match name {
                    b"br" => out.br(),
                    b"pre" | b"listing" => {
                        pre = pre.saturating_sub(1);
                        out.line_end();
                    }
                    b"td" | b"th" => out.cell_end(),
                    _ if BLOCK.contains(&name) => out.line_end(),
                    _ => {}
                }
            }
            Token::String(s) if skip.is_none() => {
                out.text(&String::from_utf8_lossy(&s.value), pre > 0)
            }
            _ => {}
        }
    }
    out.trim_end();
    let end = out.s.trim_end().len();
    out.s.truncate(end);
    out.s
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

    #[test]
    fn text() {
        let t = html_to_text(
            "<html><head><title>T</title><style>p{}</style></head><body><nav><a>首页</a></nav>\
             <div class='main'><p>第一段&mdash;内容&nbsp;A&#65;&#x42;</p><!-- 注释 --><p>第二\n  段</p>\
             <script>if (a<b) x()</script><table><tr><td>甲</td><td>1件</td></tr></table></div>\
             <div class=\"footer\">版权所有</div></body></html>",
        );
        assert_eq!(t, "第一段\u{2014}内容\u{A0}AAB\n第二 段\n甲\t1件");
    }
}
