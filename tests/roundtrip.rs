//! Round trip (issue 4): each seed report (`../shared/corpus/*.txt`) re-encoded as GBK, wrapped
//! into an HTML page (GBK, `<meta charset>`, nav menu, scripts, footer) and written into a .docx
//! (built here with the `zip` crate) must give the same text (modulo whitespace) and the same
//! (id, value) metrics — hence the same score against `../shared/gold` — as the plain text.

mod common;

use serde_json::Value;
use std::collections::BTreeSet;
use std::io::Write;
use zhibiao::input;

fn corpus() -> Vec<(String, String)> {
    common::seeds()
}

/// GBK bytes; a report with chars outside GBK (µ, no-break and en spaces) is written as
/// GB18030, the GBK superset such files really are in.
fn gbk(s: &str) -> Vec<u8> {
    let (b, _, unmappable) = encoding_rs::GBK.encode(s);
    if unmappable {
        return encoding_rs::GB18030.encode(s).0.into_owned();
    }
    b.into_owned()
}

/// GBK bytes for a page: chars outside GBK become numeric character references (`&#160;`), as
/// browsers write them.
fn gbk_page(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A saved government page: GBK bytes, meta charset, nav menu, scripts, styles, comments, footer.
fn html_page(text: &str) -> Vec<u8> {
    let mut p = String::from(
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html><head>\
         <meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">\
         <title>法治政府建设年度报告_门户网站</title>\
         <style>body { font-size: 14px } .nav > li { float: left }</style>\
         <script type=\"text/javascript\">var s = '<p>脚本里的段落</p>'; if (a < b && c > d) {}</script>\
         </head><body>\n<div class=\"header\"><ul class=\"nav\"><li><a href=\"/\">首页</a></li>\
         <li><a href=\"/zwgk\">政务公开</a></li><li><a href=\"/hdjl\">互动交流</a></li></ul></div>\n\
         <nav><a href=\"/a\">机构概况</a> | <a href=\"/b\">新闻动态</a></nav>\n<!-- 正文开始 <p>注释</p> -->\n\
         <div class=\"article\">\n",
    );
    for line in text.lines() {
        p.push_str(&format!(
            "<p style=\"text-indent:2em\">{}</p>\n",
            escape(line)
        ));
    }
    p.push_str(
        "</div>\n<div id=\"footer\"><p>版权所有：某某网站 &copy; 2024</p><p>网站标识码：0000000000</p></div>\n\
         <script>document.write('<div>统计代码</div>');</script></body></html>\n",
    );
    gbk_page(&p)
}

/// A .docx: one paragraph per line, a header part that must not be read.
fn docx(text: &str) -> Vec<u8> {
    let mut body = String::new();
    for line in text.lines() {
        body.push_str(&format!(
            "<w:p><w:pPr><w:ind w:firstLine=\"640\"/></w:pPr><w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            escape(line)
        ));
    }
    let doc = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, content) in [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
        ("word/header1.xml", "<w:hdr xmlns:w=\"x\"><w:p><w:r><w:t>页眉不读</w:t></w:r></w:p></w:hdr>"),
        ("word/document.xml", &doc),
    ] {
        z.start_file(name, opts).unwrap();
        z.write_all(content.as_bytes()).unwrap();
    }
    z.finish().unwrap().into_inner()
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{FEFF}')
        .collect()
}

fn metric_set(r: &zhibiao::Report) -> BTreeSet<(String, String)> {
    r.metrics
        .iter()
        .map(|m| (m.id.clone(), format!("{:.6}", m.value)))
        .collect()
}

/// F1 of `r` against the gold file of `name` (pairs match on id and value within 0.5%).
fn f1(name: &str, r: &zhibiao::Report) -> f64 {
    let path = common::shared_path("gold").join(name.replace(".txt", ".json"));
    let s = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let gold: Value = serde_json::from_str(&s).unwrap();
    let mut g: Vec<(String, f64)> = gold["metrics"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| Some((m["id"].as_str()?.to_string(), m["value"].as_f64()?)))
                .collect()
        })
        .unwrap_or_default();
    let (p, mut tp) = (r.metrics.len(), 0);
    for m in &r.metrics {
        if let Some(i) = g.iter().position(|(id, v)| {
            *id == m.id && (v - m.value).abs() <= 0.005 * v.abs().max(m.value.abs())
        }) {
            g.remove(i);
            tp += 1;
        }
    }
    let (prec, rec) = (
        tp as f64 / p.max(1) as f64,
        tp as f64 / (tp + g.len()).max(1) as f64,
    );
    if prec + rec == 0.0 {
        0.0
    } else {
        2.0 * prec * rec / (prec + rec)
    }
}

#[test]
fn gbk_html_and_docx_give_the_same_metrics_as_plain_text() {
    let mut failures = Vec::new();
    for (name, text) in corpus() {
        let plain = zhibiao::extract(&text, &name);
        let want = metric_set(&plain);
        let variants: Vec<(&str, String, Vec<u8>)> = vec![
            ("gbk", name.clone(), gbk(&text)),
            ("html", name.replace(".txt", ".html"), html_page(&text)),
            ("html named .txt", name.clone(), html_page(&text)),
            ("docx", name.replace(".txt", ".docx"), docx(&text)),
            ("docx named .bin", name.replace(".txt", ".bin"), docx(&text)),
        ];
        for (kind, file, bytes) in variants {
            let decoded = match input::decode(&bytes, &file) {
                Ok(d) => d,
                Err(e) => {
                    failures.push(format!("{name} {kind}: {e}"));
                    continue;
                }
            };
            if kind == "gbk" && decoded.text != text {
                failures.push(format!("{name} {kind}: text differs"));
            }
            if squash(&decoded.text) != squash(&text) {
                let (a, b) = (squash(&decoded.text), squash(&text));
                let at = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
                failures.push(format!(
                    "{name} {kind}: text differs at char {at}: got {:?}, want {:?}",
                    a.chars().skip(at).take(20).collect::<String>(),
                    b.chars().skip(at).take(20).collect::<String>()
                ));
            }
            for junk in [
                "脚本里的段落",
                "注释",
                "互动交流",
                "机构概况",
                "新闻动态",
                "统计代码",
                "页眉不读",
                "网站标识码：0000",
            ] {
                if decoded.text.contains(junk) {
                    failures.push(format!("{name} {kind}: page furniture {junk:?} kept"));
                }
            }
            let r = zhibiao::extract_bytes(&bytes, &file).unwrap();
            let got = metric_set(&r);
            if got != want {
                failures.push(format!(
                    "{name} {kind}: metrics differ: missing {:?}, extra {:?}",
                    want.difference(&got).collect::<Vec<_>>(),
                    got.difference(&want).collect::<Vec<_>>()
                ));
            }
            let (fp, fv) = (f1(&name, &plain), f1(&name, &r));
            if !(fp == fv || fp.is_nan() && fv.is_nan()) {
                failures.push(format!("{name} {kind}: gold F1 {fv:.3} vs plain {fp:.3}"));
            }
            println!(
                "roundtrip: {name} {kind:<16} {} metrics, gold F1 {fv:.3} (plain {fp:.3})",
                got.len()
            );
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The clutter lines of the seed reports: page furniture only (short, no sentence), a small
/// share of the text; printed for review.
#[test]
fn seed_report_clutter_is_furniture_only() {
    for (name, text) in corpus() {
        let norm = zhibiao::stages::normalise::normalise(&text);
        let lines = zhibiao::stages::clutter::clutter_lines(&norm);
        let blanked: usize = lines.iter().map(|r| norm[r.clone()].chars().count()).sum();
        for r in &lines {
            let line = &norm[r.clone()];
            println!(
                "clutter: {name}: {:?} ({})",
                line.trim(),
                zhibiao::stages::clutter::builtin()
                    .matches(line)
                    .unwrap_or("?")
            );
            assert!(!line.contains('。'), "{name}: a sentence blanked: {line}");
        }
        assert!(
            blanked * 20 < text.chars().count(),
            "{name}: {blanked} chars blanked"
        );
    }
}
