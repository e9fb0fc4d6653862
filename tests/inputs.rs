//! Inputs a user really has (issue 4): encodings, HTML, .docx, page clutter, and hostile files.
//!
//! Every input is built here (no large binaries in the repository). Each goes through the core
//! (`zhibiao::extract_bytes`) and the CLI binary and must give the expected result or a one-line
//! message naming the file and what is supported — no panic, and under 2 s for inputs under 5 MB
//! (release build; debug builds get 10×). Clutter phrases come from `tests/data/clutter.toml`.

mod common;

use common::cases::ClutterTable;
use common::Verdict;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use zhibiao::input::{self, InputError};
use zhibiao::stages::clutter;

fn limit() -> Duration {
    Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 2 })
}

#[path = "inputs/build.rs"]
mod build;
use build::*;

// ---------------------------------------------------------------- expectations

enum Expect {
    /// `Err` whose message contains this.
    Err(&'static str),
    /// `Ok` whose decoded text contains this (and not the second, if given).
    Text(&'static str, Option<&'static str>),
    /// Either a result or a message.
    Either,
}

struct Case {
    what: &'static str,
    file: &'static str,
    bytes: Vec<u8>,
    expect: Expect,
}

/// Hostile inputs: empty, binary, invalid, huge text.
fn text_cases() -> Vec<Case> {
    let r = report();
    let mut invalid_utf8 = r.clone().into_bytes();
    invalid_utf8.insert(40, 0xFF);
    invalid_utf8.insert(80, 0xC3);
    vec![
        Case {
            what: "empty file",
            file: "empty.txt",
            bytes: vec![],
            expect: Expect::Err("empty"),
        },
        Case {
            what: "whitespace only",
            file: "blank.txt",
            bytes: " \n\t\r\n\u{3000}\u{FEFF}\n".into(),
            expect: Expect::Err("no text"),
        },
        Case {
            what: "PNG read as text",
            file: "report.txt",
            bytes: [&b"\x89PNG\r\n\x1a\n"[..], &noise(4000, 1, 0)].concat(),
            expect: Expect::Err("PNG"),
        },
        Case {
            what: "PDF read as text",
            file: "report.txt",
            bytes: [&b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"[..], &noise(4000, 2, 0)].concat(),
            expect: Expect::Err("PDF"),
        },
        Case {
            what: "binary with NULs",
            file: "data.bin",
            bytes: noise(10_000, 3, 0),
            expect: Expect::Err("binary"),
        },
        Case {
            what: "random high bytes",
            file: "noise.txt",
            bytes: noise(100_000, 4, 0x80),
            expect: Expect::Either,
        },
        Case {
            what: "a few invalid UTF-8 bytes",
            file: "r.txt",
            bytes: invalid_utf8,
            expect: Expect::Text("办理行政复议案件25件", None),
        },
        Case {
            what: "50 MB text",
            file: "big.txt",
            bytes: "法治".repeat(50 * 1024 * 1024 / 6).into_bytes(),
            expect: Expect::Err("limit of 20 MB"),
        },
        Case {
            what: "5 MB single line",
            file: "line.txt",
            bytes: "法治政府建设依法行政"
                .repeat(5 * 1024 * 1024 / 30)
                .into_bytes(),
            expect: Expect::Text("法治政府建设", None),
        },
        Case {
            what: "5 MB of digits",
            file: "digits.txt",
            bytes: "1234567890".repeat(500_000).into_bytes(),
            expect: Expect::Either,
        },
    ]
}

/// Hostile inputs: deep HTML, broken and bomb .docx, scripts, other formats.
fn container_cases() -> Vec<Case> {
    let nested = format!(
        "{}<p>深层段落文字</p>{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let unclosed = format!("<html><body>{}深层未闭合", "<span><b><i>".repeat(40_000));
    vec![
        Case {
            what: "HTML nested 100,000 deep",
            file: "deep.html",
            bytes: nested.into_bytes(),
            expect: Expect::Text("深层段落文字", Some("<div>")),
        },
        Case {
            what: "HTML unclosed 120,000 deep",
            file: "deep2.htm",
            bytes: unclosed.into_bytes(),
            expect: Expect::Text("深层未闭合", None),
        },
    ]
}

/// Hostile .docx files: not a zip, bombs, missing parts, encrypted.
fn docx_cases() -> Vec<Case> {
    vec![
        Case {
            what: "docx that is not a zip",
            file: "report.docx",
            bytes: noise(5000, 5, 0),
            expect: Expect::Err("not a valid .docx"),
        },
        Case {
            what: "docx zip bomb",
            file: "bomb.docx",
            bytes: raw_zip(
                "word/document.xml",
                8,
                &deflate_bomb(b"<w:document><w:body>", b"<w:p/>", 256 << 20),
                u32::MAX,
            ),
            expect: Expect::Err("zip bomb"),
        },
        Case {
            what: "docx text bomb",
            file: "bomb2.docx",
            bytes: raw_zip(
                "word/document.xml",
                8,
                &deflate_bomb(
                    b"<w:document><w:body><w:p><w:r><w:t>",
                    b"\xE6\xB3\x95\xE6\xB2\xBB",
                    40 << 20,
                ),
                1000,
            ),
            expect: Expect::Err("zip bomb"),
        },
        Case {
            what: "docx without word/document.xml",
            file: "other.docx",
            bytes: zip_with(&[("word/other.xml", "<x/>")]),
            expect: Expect::Err("without word/document.xml"),
        },
        Case {
            what: "xlsx given as docx",
            file: "sheet.docx",
            bytes: zip_with(&[("xl/workbook.xml", "<x/>")]),
            expect: Expect::Err("Excel"),
        },
        Case {
            what: "truncated docx",
            file: "cut.docx",
            bytes: {
                let d = docx(&["办理案件3件。"], &[]);
                d[..d.len() / 2].to_vec()
            },
            expect: Expect::Err("damaged"),
        },
        Case {
            what: "encrypted member",
            file: "enc.docx",
            bytes: {
                let mut z = raw_zip("word/document.xml", 0, b"<w:t>x</w:t>", 12);
                z[6] = 1;
                let cd = z.len() - 22 - 46 - 17;
                z[cd + 8] = 1;
                z
            },
            expect: Expect::Err("encrypted"),
        },
    ]
}

/// Script-laden text and pages, other formats given as reports.
fn script_cases() -> Vec<Case> {
    let scripts =
        "<script>alert(1)</script><img src=x onerror=alert(1)>正文：办理案件3件。\n".repeat(2000);
    let page_with_scripts = format!(
        "<!doctype html><html><body><p>办理案件3件。</p>{}</body></html>",
        "<script>alert(1)</script><img src=x onerror=\"alert(1)\">".repeat(2000)
    );
    vec![
        Case {
            what: "text full of script and img tags",
            file: "xss.txt",
            bytes: scripts.into_bytes(),
            expect: Expect::Text("办理案件3件", None),
        },
        Case {
            what: "page full of script and img tags",
            file: "xss.html",
            bytes: page_with_scripts.into_bytes(),
            expect: Expect::Text("办理案件3件", Some("alert")),
        },
        Case {
            what: "GIF",
            file: "a.gif",
            bytes: b"GIF89a\x01\0\x01\0".to_vec(),
            expect: Expect::Err("GIF"),
        },
        Case {
            what: "old Word .doc",
            file: "a.doc",
            bytes: [&b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"[..], &[0; 100]].concat(),
            expect: Expect::Err(".doc"),
        },
    ]
}

fn cases() -> Vec<Case> {
    let mut all = text_cases();
    all.extend(container_cases());
    all.extend(docx_cases());
    all.extend(script_cases());
    all
}

fn check_message(what: &str, file: &str, e: &InputError) {
    assert!(
        e.0.starts_with(&format!("{file}: ")),
        "{what}: message names the file: {e}"
    );
    assert!(!e.0.contains('\n'), "{what}: one line: {e}");
    assert!(
        e.0.contains(input::SUPPORTED),
        "{what}: says what is supported: {e}"
    );
}

#[test]
fn hostile_inputs_through_the_core() {
    let mut failures = Vec::new();
    for c in cases() {
        let mut took = Duration::ZERO;
        let got = catch_unwind(AssertUnwindSafe(|| {
            let t0 = Instant::now();
            let r = zhibiao::extract_bytes(&c.bytes, c.file);
            took = t0.elapsed();
            (input::decode(&c.bytes, c.file), r.map(|r| r.source))
        }));
        let Ok((decoded, report)) = got else {
            failures.push(format!("{}: PANIC", c.what));
            continue;
        };
        if c.bytes.len() < 5 * 1024 * 1024 + 1024 && took > limit() {
            failures.push(format!("{}: took {took:?}", c.what));
        }
        assert_eq!(
            decoded.is_ok(),
            report.is_ok(),
            "{}: decode and extract_bytes agree",
            c.what
        );
        match (&c.expect, &decoded) {
            (Expect::Err(want), Err(e)) => {
                check_message(c.what, c.file, e);
                if !e.0.contains(want) {
                    failures.push(format!("{}: message {e:?} lacks {want:?}", c.what));
                }
            }
            (Expect::Text(want, not), Ok(d)) => {
                if !d.text.contains(want) {
                    failures.push(format!("{}: text lacks {want:?}", c.what));
                }
                if let Some(not) = not {
                    if d.text.contains(not) {
                        failures.push(format!("{}: text has {not:?}", c.what));
                    }
                }
            }
            (Expect::Either, Err(e)) => check_message(c.what, c.file, e),
            (Expect::Either, Ok(_)) => {}
            (_, got) => failures.push(format!(
                "{}: unexpected {:?}",
                c.what,
                got.as_ref()
                    .map(|d| d.text.chars().take(60).collect::<String>())
            )),
        }
        println!(
            "inputs: {:<34} {:>9} bytes {:>8.1} ms",
            c.what,
            c.bytes.len(),
            took.as_secs_f64() * 1000.0
        );
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

// ---------------------------------------------------------------- encodings

/// Every hostile input is read by the page's path (a zip through the engine's `unpack`, the
/// rest as the shell decodes) exactly as by the CLI's: the same texts, warnings and messages.
#[test]
fn hostile_inputs_through_the_page_path() {
    let mut bad = Vec::new();
    for c in cases() {
        let page = common::page_reads(&c.bytes, c.file);
        let cli = common::cli_reads(&c.bytes, c.file);
        if page != cli {
            bad.push(format!(
                "{}: the page reads {page:?}, the CLI {cli:?}",
                c.what
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn encodings_decode_to_the_same_text() {
    let text = report();
    let page = |charset: &str, body: &str| {
        format!("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\"></head><body><p>{body}</p></body></html>")
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("utf-8", text.clone().into_bytes(), ""),
        (
            "utf-8 with BOM",
            [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
            "",
        ),
        ("utf-16le with BOM", utf16(&text, true), "UTF-16LE"),
        ("utf-16be with BOM", utf16(&text, false), "UTF-16BE"),
        (
            "utf-16le without BOM",
            utf16(&text, true)[2..].to_vec(),
            "UTF-16LE",
        ),
        ("gbk, undeclared", gbk(&text), "GB18030"),
        (
            "gb18030 4-byte chars",
            encoding_rs::GB18030
                .encode(&format!("{text}㐀€"))
                .0
                .into_owned(),
            "GB18030",
        ),
    ];
    for (what, bytes, warning) in cases {
        let d = input::decode(&bytes, "r.txt").unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(
            d.text.starts_with(text.trim_end()),
            "{what}: {:?}",
            &d.text.chars().take(30).collect::<String>()
        );
        assert_eq!(
            d.warnings.iter().any(|w| w.contains(warning)),
            !warning.is_empty(),
            "{what}: {:?}",
            d.warnings
        );
    }
    // HTML pages that declare their charset; Big5 only this way
    let trad = "某某市政府法治報告，辦理案件3件。";
    let d = input::decode(&big5(&page("big5", trad)), "p.html").unwrap();
    assert_eq!(d.text, trad);
    assert!(
        d.warnings.iter().any(|w| w.contains("BIG5")),
        "{:?}",
        d.warnings
    );
    let d = input::decode(&gbk(&page("gb2312", "办理案件3件。")), "p.htm").unwrap();
    assert_eq!(d.text, "办理案件3件。");
    // a UTF-8 page that (wrongly) declares gbk is still UTF-8
    let d = input::decode(page("gbk", "办理案件3件。").as_bytes(), "p.html").unwrap();
    assert_eq!(d.text, "办理案件3件。");
}

// ---------------------------------------------------------------- HTML and docx

#[test]
fn html_pages_keep_paragraphs_and_drop_furniture() {
    let page = "<!DOCTYPE html><html><head><title>标题</title><script>var a = '<p>不要</p>';</script>\
        <style>p { color: red }</style></head><body>\
        <div class=\"top-nav\"><a href=\"/\">首页</a><a>政务公开</a></div>\
        <nav><ul><li>导航一</li><li>导航二</li></ul></nav>\
        <div class=\"article\"><h1>某某局2023年法治政府建设年度报告</h1>\
        <p>一、主要成效</p><p>办理案件&nbsp;3件&mdash;同比增长&#0;10%&#x4E00;次。</p><!-- <p>注释</p> -->\
        <p>甲&amp;乙&lt;丙&gt;</p><br><br><br>\
        <table><tr><td>项目</td><td>数量</td></tr><tr><td>复议</td><td>25件</td></tr></table></div>\
        <div id=\"footer\">版权所有 某某局</div></body></html>";
    let t = input::decode(page.as_bytes(), "page.bin").unwrap().text;
    assert_eq!(
        t,
        "某某局2023年法治政府建设年度报告\n一、主要成效\n办理案件\u{A0}3件\u{2014}同比增长\u{FFFD}10%一次。\n甲&乙<丙>\n\n项目\t数量\n复议\t25件"
    );
    // pasted markup (the page's text box): looks_like_html + html_to_text
    let pasted = "<p>第一段</p>\n<p>第二段</p><div>第三段</div><br/>";
    assert!(input::looks_like_html(pasted));
    assert_eq!(input::decode_str(pasted), "第一段\n第二段\n第三段");
    assert_eq!(input::decode_str("a < b, c > d"), "a < b, c > d");
}

#[test]
fn docx_paragraphs_and_tables_in_order() {
    let d = docx(
        &["标题", "", "", "", "第一段 & 更多", "第二段"],
        &[&["项目", "数量"], &["复议", "25件"]],
    );
    let t = input::decode(&d, "any-name.bin").unwrap().text;
    assert_eq!(t, "标题\n\n第一段 & 更多\n第二段\n项目\t数量\n复议\t25件");
    // by content: a .docx named .txt is still a .docx
    assert_eq!(input::kind(&d, "x.txt"), input::Kind::Docx);
    // stored (uncompressed) members work too
    let xml = "<w:document><w:body><w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r></w:p>\
               <w:p><w:r><w:delText>删除</w:delText><w:t>丙</w:t></w:r></w:p></w:body></w:document>";
    let z = raw_zip("word/document.xml", 0, xml.as_bytes(), xml.len() as u32);
    assert_eq!(input::decode(&z, "s.docx").unwrap().text, "甲\t乙\n丙");
}

// ---------------------------------------------------------------- clutter

#[test]
fn clutter_table() {
    let table: ClutterTable = common::load("clutter.toml");
    let rules = clutter::builtin();
    let mut verdict = Verdict::new("clutter.toml");
    for c in &table.case {
        let norm = zhibiao::stages::normalise::normalise(&c.line);
        let got = rules.matches(&norm).map(str::to_string);
        let errs = if got == c.rule {
            vec![]
        } else {
            vec![format!(
                "{:?}: expected {:?}, got {:?}",
                c.line, c.rule, got
            )]
        };
        verdict.record(&c.name, c.known_failure, &errs);
    }
    verdict.finish();
}

#[test]
fn clutter_is_blanked_in_body_with_offsets_kept() {
    let text = report();
    let doc = zhibiao::stages::Doc::new(&text);
    assert_eq!(doc.body.len(), doc.norm.len());
    assert_eq!(doc.body.chars().count(), text.chars().count());
    for gone in ["当前位置", "点击次数", "打印本页", "版权所有"] {
        assert!(!doc.body.contains(gone), "{gone} blanked");
        assert!(doc.norm.contains(gone), "{gone} kept in norm (for meta)");
    }
    for kept in [
        "某某市司法局2023年法治政府建设年度报告",
        "全年办理行政复议案件25件",
        "基层执法力量仍然薄弱",
    ] {
        assert!(doc.body.contains(kept), "{kept} kept");
    }
    // the lines of body and norm start at the same byte offsets
    let starts = |s: &str| s.match_indices('\n').map(|(i, _)| i).collect::<Vec<_>>();
    assert_eq!(starts(&doc.body), starts(&doc.norm));
}

#[test]
fn user_rules_extend_the_table() {
    let rules = clutter::Rules::from_toml(
        "[[rule]]\nname = \"mine\"\nmax_chars = 20\ncontains = [\"本站自定义\"]\n",
    )
    .unwrap();
    assert_eq!(rules.matches("本站自定义页脚"), Some("mine"));
    assert_eq!(rules.matches("版权所有"), None);
    assert!(clutter::Rules::from_toml("[[rule]]\nname = 1").is_err());
}

// ---------------------------------------------------------------- the CLI

fn tmp_dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("zhibiao-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The CLI contract (OUTPUT.md): `zhibiao extract --json FILE...` prints JSON for the files it
/// can read; each bad file gets one line on stderr naming it; exit non-zero if any failed.
#[test]
fn hostile_inputs_through_the_cli() {
    let dir = tmp_dir();
    let good = dir.join("good.txt");
    std::fs::write(&good, report()).unwrap();
    let good_docx = dir.join("good.docx");
    std::fs::write(
        &good_docx,
        docx(
            &[
                "某某局2023年法治政府建设年度报告",
                "全年办理行政复议案件25件。",
            ],
            &[],
        ),
    )
    .unwrap();
    let mut bad = Vec::new();
    let mut ok = vec![good.clone(), good_docx.clone()];
    for c in cases() {
        let p = dir.join(c.file);
        std::fs::write(&p, &c.bytes).unwrap();
        let t0 = Instant::now();
        let out = common::cli()
            .arg("extract")
            .arg("--json")
            .arg(&p)
            .output()
            .unwrap();
        let took = t0.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("panicked"),
            "{}: CLI panicked: {stderr}",
            c.what
        );
        if c.bytes.len() < 5 * 1024 * 1024 + 1024 {
            assert!(took < limit() * 2, "{}: CLI took {took:?}", c.what);
        }
        match c.expect {
            Expect::Err(_) => {
                assert!(!out.status.success(), "{}: exit non-zero", c.what);
                assert_eq!(
                    stderr.trim_end().lines().count(),
                    1,
                    "{}: one line: {stderr}",
                    c.what
                );
                assert!(
                    stderr.contains(c.file),
                    "{}: names the file: {stderr}",
                    c.what
                );
                bad.push(p);
            }
            Expect::Text(..) => {
                assert!(out.status.success(), "{}: exit 0 ({stderr})", c.what);
                let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
                assert!(v.is_object(), "{}: one object", c.what);
                ok.push(p);
            }
            Expect::Either => {}
        }
    }
    // all at once: the good ones are still processed, one stderr line per bad one
    let out = common::cli()
        .arg("extract")
        .arg("--json")
        .args(&ok)
        .args(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim_end().lines().count(), bad.len(), "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON array");
    assert_eq!(
        v.as_array().map(|a| a.len()),
        Some(ok.len()),
        "one object per readable file"
    );
    std::fs::remove_dir_all(&dir).ok();
}
