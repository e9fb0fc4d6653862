//! The read-only source view: the text as given (never rendered as HTML), with the evidence
//! spans of the selected item marked.

use crate::model::Span;
use yew::prelude::*;

/// Sort and merge overlapping `[start, end)` spans, dropping empty ones.
pub fn merge(spans: &[Span]) -> Vec<Span> {
    let mut v: Vec<Span> = spans.iter().copied().filter(|s| s[1] > s[0]).collect();
    crate::web::order::sort(&mut v);
    let mut out: Vec<Span> = Vec::new();
    for s in v {
        match out.last_mut() {
            Some(last) if s[0] <= last[1] => last[1] = last[1].max(s[1]),
            _ => out.push(s),
        }
    }
    out
}

/// Cut `text` into (piece, highlighted) runs at the char spans (clamped to the text).
pub fn pieces<'a>(text: &'a str, spans: &[Span]) -> Vec<(&'a str, bool)> {
    let spans = merge(spans);
    if spans.is_empty() {
        return vec![(text, false)];
    }
    // char offsets of every boundary → byte offsets, in one pass
    let mut bounds: Vec<usize> = spans.iter().flat_map(|s| [s[0], s[1]]).collect();
    crate::web::order::sort(&mut bounds);
    let mut bytes = Vec::with_capacity(bounds.len());
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let mut ci = 0usize;
    let mut cur = it.next().unwrap_or(text.len());
    for &b in &bounds {
        while ci < b {
            match it.next() {
                Some(n) => {
                    cur = n;
                    ci += 1;
                }
                None => break,
            }
        }
        bytes.push((b, cur));
    }
    let byte_of = |c: usize| {
        bytes
            .iter()
            .find(|(ch, _)| *ch == c)
            .map(|(_, b)| *b)
            .unwrap_or(text.len())
    };
    let mut out = Vec::new();
    let mut last = 0usize;
    for s in spans {
        let (a, b) = (byte_of(s[0]).max(last), byte_of(s[1]));
        if a > last {
            out.push((&text[last..a], false));
        }
        if b > a {
            out.push((&text[a..b], true));
        }
        last = last.max(b);
    }
    if last < text.len() {
        out.push((&text[last..], false));
    }
    out
}

/// The source pane.
pub fn view(text: &str, highlight: &[Span]) -> Html {
    let parts = pieces(text, highlight).into_iter().map(|(s, hl)| {
        if hl {
            html! { <mark data-testid="evidence-mark">{ s }</mark> }
        } else {
            html! { { s } }
        }
    });
    html! { <div class="source" data-testid="source-view" tabindex="0">{ for parts }</div> }
}
