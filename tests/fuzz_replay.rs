//! Replays `fuzz/regressions/TARGET-*` (crashes and odd inputs the fuzzers or we found) the way
//! each fuzz target feeds them: no panic, and an answer within the time limit.

mod common;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};
use zhibiao::input;

#[path = "inputs/build.rs"]
#[allow(dead_code)]
mod build;
use build::raw_zip;

fn limit() -> Duration {
    Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 2 })
}

/// Replays `fuzz/regressions/TARGET-*` (crashes and odd inputs the fuzzers or we found) the way
/// each fuzz target feeds them: no panic, and an answer within the time limit.
#[test]
fn fuzz_regressions_replay() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = std::fs::read(&path).unwrap();
        let t0 = Instant::now();
        let ok = catch_unwind(AssertUnwindSafe(|| {
            if name.starts_with("html") {
                if let Ok(s) = std::str::from_utf8(&data) {
                    let _ = input::html_to_text(s);
                }
                let _ = zhibiao::extract_bytes(&data, "fuzz.html");
            } else if name.starts_with("docx") {
                let _ = zhibiao::extract_bytes(&data, "fuzz.docx");
                if data.first().is_some_and(|b| b & 1 == 1) {
                    let xml = String::from_utf8_lossy(&data[1..]).into_owned();
                    let z = raw_zip("word/document.xml", 0, xml.as_bytes(), xml.len() as u32);
                    let _ = zhibiao::extract_bytes(&z, "fuzz.docx");
                }
            } else if name.starts_with("doc-") {
                // directly, not through input::guard: the page's docread module cannot catch a panic
                let _ = input::doc::doc_to_text(&data, 1 << 20);
                let _ = zhibiao::extract_bytes(&data, "fuzz.doc");
            } else {
                let _ = zhibiao::extract_bytes(&data, "fuzz.txt");
                if let Ok(s) = std::str::from_utf8(&data) {
                    let _ = zhibiao::extract(s, "fuzz.txt");
                }
            }
        }));
        assert!(ok.is_ok(), "{name}: panicked");
        assert!(t0.elapsed() < limit(), "{name}: took {:?}", t0.elapsed());
        n += 1;
    }
    println!("inputs: {n} fuzz regressions replayed");
    assert!(n >= 3, "the regression corpus is there");
    // the first one found by hand: a tiny GIF sniffed as UTF-16 instead of refused
    let gif = std::fs::read(dir.join("extract-gif-as-utf16")).unwrap();
    assert!(input::decode(&gif, "a.gif").unwrap_err().0.contains("GIF"));
}
