//! Which PDF text extractor to use, by measurement on the PDF fixtures (`tests/fixtures/*.pdf`,
//! made by `tests/fixtures/make.sh` from the synthetic sample):
//!
//! ```text
//! cargo run --release --example pdf_compare
//! ```
//!
//! Candidates: natively `pdf-extract` (what the CLI uses) and `lopdf`'s own `extract_text` (the
//! PDF parser under `pdf-extract`, so measuring it adds no dependency); in the browser pdf.js
//! (what the page uses), run here by `node scripts/pdfjs-pages.mjs` with the page's line logic.
//! Each extractor's page texts go through the same [`zhibiao::input::pdf::tidy_pages`] and
//! [`zhibiao::extract`]. Printed, as a Markdown table: whether the metrics equal the plain
//! text's (`sample.txt`), the character-level similarity of the text to the plain text
//! (1 − edit distance / length, whitespace ignored) and what the reader warned. With
//! `PDF_COMPARE_DUMP=dir` each tidied text is also written to `dir/<fixture>.<extractor>.txt`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use zhibiao::input::pdf::tidy_pages;

type Metrics = BTreeSet<(String, String)>;

fn metrics(text: &str) -> Metrics {
    zhibiao::extract(text, "x")
        .metrics
        .iter()
        .map(|m| (m.id.clone(), format!("{:.6}", m.value)))
        .collect()
}

/// 1 − Levenshtein distance / the longer length, over the chars that are not whitespace.
fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().filter(|c| !c.is_whitespace()).collect();
    let b: Vec<char> = b.chars().filter(|c| !c.is_whitespace()).collect();
    let n = a.len().max(b.len());
    if n == 0 {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[b.len()] as f64 / n as f64
}

fn pdf_extract_pages(bytes: &[u8]) -> Result<Vec<String>, String> {
    zhibiao::input::guard(|| pdf_extract::extract_text_from_mem_by_pages(bytes))
        .ok_or("panicked")?
        .map_err(|e| e.to_string())
}

fn lopdf_pages(bytes: &[u8]) -> Result<Vec<String>, String> {
    zhibiao::input::guard(|| {
        let doc = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
        let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
        pages
            .iter()
            .map(|&n| doc.extract_text(&[n]).map_err(|e| e.to_string()))
            .collect()
    })
    .ok_or("panicked")?
}

fn pdfjs_pages(path: &Path) -> Result<Vec<String>, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new("node")
        .arg(root.join("scripts/pdfjs-pages.mjs"))
        .arg(path)
        .output()
        .map_err(|e| format!("node: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr)
            .lines()
            .next()
            .unwrap_or("")
            .to_string());
    }
    serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let plain = std::fs::read_to_string(dir.join("sample.txt")).expect("tests/fixtures/sample.txt");
    let reference = metrics(&plain);
    let mut pdfs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    // the text PDF first, then the others by name
    pdfs.sort_by_key(|p| (p.as_os_str().len(), p.clone()));
    println!("reference: sample.txt, {} metrics\n", reference.len());
    println!("| fixture | extractor | metrics = plain text's | similarity | warning / message |");
    println!("|---|---|---|---|---|");
    for pdf in &pdfs {
        let bytes = std::fs::read(pdf).unwrap();
        let name = pdf.file_name().unwrap().to_string_lossy();
        let runs: [(&str, Result<Vec<String>, String>); 3] = [
            ("pdf-extract 0.9 (native, Rust)", pdf_extract_pages(&bytes)),
            (
                "lopdf 0.36 `extract_text` (native, Rust)",
                lopdf_pages(&bytes),
            ),
            ("pdf.js 5.6 (browser; via node)", pdfjs_pages(pdf)),
        ];
        for (extractor, pages) in runs {
            let row = match pages.map(|p| tidy_pages(&p)) {
                Err(e) => format!("error | – | {}", e.replace(['\n', '|'], " ")),
                Ok(Err(message)) => format!("– (message) | – | {message}"),
                Ok(Ok((text, warnings))) => {
                    if let Some(d) = std::env::var_os("PDF_COMPARE_DUMP") {
                        let short = extractor.split(' ').next().unwrap_or("x");
                        let _ = std::fs::write(
                            Path::new(&d).join(format!("{name}.{short}.txt")),
                            &text,
                        );
                    }
                    let got = metrics(&text);
                    let same = got == reference;
                    let common = got.intersection(&reference).count();
                    format!(
                        "{} ({common}/{} shared, {} extra) | {:.4} | {}",
                        if same { "**yes**" } else { "no" },
                        reference.len(),
                        got.len() - common,
                        similarity(&text, &plain),
                        if warnings.is_empty() {
                            "–".to_string()
                        } else {
                            warnings.join("; ")
                        }
                    )
                }
            };
            println!("| {name} | {extractor} | {row} |");
        }
    }
}
