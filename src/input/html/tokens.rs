//! HTML → text with the `html5gum` tokenizer (native builds; see the parent module for the rules).

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Elements dropped with everything inside them.
pub const DROPPED: &[&[u8]] = &[
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
pub const FURNITURE: &[&str] = &[
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
pub const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// Elements that begin and end a line.
pub const BLOCK: &[&[u8]] = &[
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
    fn text() {
        let t = html_to_text(
            "<html><head><title>T</title><style>p{}</style></head><body><nav><a>首页</a></nav>\
             <div class='main'><p>第一段&mdash;内容&nbsp;A&#65;&#x42;</p><!-- 注释 --><p>第二\n  段</p>\
             <script>if (a<b) x()</script><table><tr><td>甲</td><td>1件</td></tr></table></div>\
             <div class=\"footer\">版权所有</div></body></html>",
        );
        assert_eq!(t, "第一段\u{2014}内容\u{A0}AAB\n第二 段\n甲\t1件");
    }

    #[test]
    fn the_browser_has_the_same_lists() {
        let js = include_str!("dom.js");
        let list = |name: &str| -> Vec<String> {
            let line = js
                .lines()
                .find(|l| l.starts_with(&format!("const {name} = new Set('")));
            let words = line.and_then(|l| l.split('\'').nth(1)).unwrap_or_default();
            words.split(' ').map(str::to_string).collect()
        };
        let bytes = |l: &[&[u8]]| -> Vec<String> {
            l.iter()
                .map(|w| String::from_utf8_lossy(w).into_owned())
                .collect()
        };
        assert_eq!(list("DROPPED"), bytes(DROPPED));
        assert_eq!(list("VOID"), bytes(VOID));
        assert_eq!(list("BLOCK"), bytes(BLOCK));
        assert_eq!(list("FURNITURE"), FURNITURE);
    }
}
