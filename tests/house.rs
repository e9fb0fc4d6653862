//! The shape of the code: the layers of ARCHITECTURE.md (which module may import which) and the
//! size limits (no source file over 600 lines, no function over 100), from `tests/data/house.toml`.
//! The table's cases check the import rule itself on made-up sources; then every file of `src/`
//! is checked, and every file of the sized trees is measured.

mod common;

use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct House {
    layers: Vec<String>,
    leaves: Vec<String>,
    apart: Vec<String>,
    facade: Vec<String>,
    max_file_lines: usize,
    max_fn_lines: usize,
    sized: Vec<String>,
    case: Vec<Case>,
}

/// A made-up source file and how many forbidden imports it has.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    file: String,
    source: String,
    errors: usize,
}

/// The module of a path under `src/`: its first component, without `.rs`.
fn module_of(rel: &str) -> String {
    let rest = rel.strip_prefix("src/").unwrap_or(rel);
    let first = rest.split('/').next().unwrap_or(rest);
    first.trim_end_matches(".rs").to_string()
}

/// Every `crate::NAME` a source names (code and doc links alike: a doc link that runs up the
/// layers is as misleading as an import), before its unit tests (`#[cfg(test)] mod tests`, which
/// may reach any layer to set a case up).
fn imports(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = source
        .find("#[cfg(test)]\nmod tests")
        .map_or(source, |i| &source[..i]);
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        // `zhibiao_crate::` or `$crate::` are no paths of ours
        let before = rest[..i].chars().last();
        if !name.is_empty()
            && !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
        {
            out.push(name);
        }
        rest = after;
    }
    out
}

/// The forbidden imports of one file of module `me`.
fn errors(h: &House, file: &str, source: &str) -> Vec<String> {
    let me = module_of(file);
    if matches!(me.as_str(), "lib" | "main") || h.facade.contains(&me) {
        return Vec::new();
    }
    let rank = |m: &str| h.layers.iter().position(|l| l == m);
    let mut out = Vec::new();
    for to in imports(source) {
        let ok = if to == me {
            true
        } else if h.leaves.contains(&me) {
            h.leaves.contains(&to) || to == "model"
        } else if h.apart.contains(&me) {
            false
        } else if h.leaves.contains(&to) || h.apart.contains(&to) {
            true
        } else {
            matches!((rank(&me), rank(&to)), (Some(a), Some(b)) if b < a)
        };
        if !ok {
            out.push(format!("{file}: {me} imports crate::{to}"));
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            if !p.ends_with("target") {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Functions longer than `max` lines: from a `fn` line to its closing brace, counting braces
/// outside strings, chars and line comments.
fn long_functions(source: &str, max: usize) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = source.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.trim_start();
        let t = t
            .strip_prefix("pub(crate) ")
            .or_else(|| t.strip_prefix("pub(super) "))
            .or_else(|| t.strip_prefix("pub "))
            .unwrap_or(t);
        let t = t.strip_prefix("const ").unwrap_or(t);
        if !t.starts_with("fn ") {
            continue;
        }
        let (mut depth, mut started) = (0i64, false);
        for (j, line) in lines.iter().enumerate().skip(i) {
            let code = strip_literals(line);
            if !started && code.trim_end().ends_with(';') {
                break;
            }
            for c in code.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        started = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if started && depth <= 0 {
                if j + 1 - i > max {
                    out.push((i + 1, j + 1 - i));
                }
                break;
            }
        }
    }
    out
}

/// A line without its string and char literals and its `//` comment.
fn strip_literals(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '\'' => {
                // a char literal ('{', '\'') or a lifetime ('a): skip only a literal
                let rest: String = chars.clone().take(3).collect();
                let lit = rest.starts_with('\\') || rest.chars().nth(1) == Some('\'');
                if lit {
                    while let Some(d) = chars.next() {
                        match d {
                            '\\' => {
                                chars.next();
                            }
                            '\'' => break,
                            _ => {}
                        }
                    }
                }
            }
            '/' if chars.peek() == Some(&'/') => break,
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn the_import_rule_catches_what_it_should() {
    let h: House = common::load("house.toml");
    common::cases::unique_names("house.toml", h.case.iter().map(|c| c.name.as_str()));
    for c in &h.case {
        let got = errors(&h, &c.file, &c.source);
        assert_eq!(got.len(), c.errors, "{}: {got:?}", c.name);
    }
}

#[test]
fn every_import_points_down_the_layers() {
    let h: House = common::load("house.toml");
    let mut files = Vec::new();
    rust_files(&common::manifest().join("src"), &mut files);
    assert!(files.len() > 50, "only {} files under src/", files.len());
    let mut bad = Vec::new();
    for p in &files {
        let rel = p
            .strip_prefix(common::manifest())
            .unwrap_or(p)
            .to_string_lossy()
            .replace('\\', "/");
        let source = std::fs::read_to_string(p).unwrap_or_default();
        bad.extend(errors(&h, &rel, &source));
    }
    assert!(
        bad.is_empty(),
        "imports against the layers:\n  {}",
        bad.join("\n  ")
    );
}

#[test]
fn no_file_or_function_over_the_limits() {
    let h: House = common::load("house.toml");
    let mut bad = Vec::new();
    for tree in &h.sized {
        let mut files = Vec::new();
        rust_files(&common::manifest().join(tree), &mut files);
        for p in files {
            let source = std::fs::read_to_string(&p).unwrap_or_default();
            let rel = p
                .strip_prefix(common::manifest())
                .unwrap_or(&p)
                .display()
                .to_string();
            let n = source.lines().count();
            if n > h.max_file_lines {
                bad.push(format!("{rel}: {n} lines"));
            }
            for (at, len) in long_functions(&source, h.max_fn_lines) {
                bad.push(format!("{rel}:{at}: a function of {len} lines"));
            }
        }
    }
    assert!(bad.is_empty(), "over the limits:\n  {}", bad.join("\n  "));
}

#[test]
fn the_function_measure_can_fail() {
    let body = "    let x = 1;\n".repeat(120);
    let src = format!("fn long() {{\n{body}}}\nfn short() {{ let s = \"}}\"; }}\n");
    assert_eq!(long_functions(&src, 100), vec![(1, 122)]);
}
