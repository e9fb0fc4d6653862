//! The command line (OUTPUT.md): `zhibiao extract [--json|--csv] [--lines] FILE...`.
//!
//! One JSON object per file (an array when several); `-` reads standard input; `--lines` makes
//! every input line its own document; `--csv` writes one row per fact (UTF-8 with BOM). A file
//! that cannot be read gets a one-line error on stderr naming it; the others are still processed
//! and the exit code is 1.

use crate::model::Report;
use crate::output;
use std::io::{Read, Write};

const USAGE: &str = "usage: zhibiao extract [--json|--csv] [--lines] [--catalog FILE] FILE...   (- reads standard input)\n\
       zhibiao review [--csv|--json] [--catalog FILE] FILE...   (one review row/object per report)\n\
Formats read by content: UTF-8/UTF-16/GB18030 text, HTML pages, Word .docx.";

#[derive(PartialEq)]
enum Format {
    Json,
    Csv,
}

fn read_input(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().take(crate::input::MAX_BYTES as u64 + 1).read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        let meta = std::fs::metadata(path)?;
        if meta.is_dir() {
            return Err(std::io::Error::other("is a directory"));
        }
        let mut buf = Vec::new();
        std::fs::File::open(path)?.take(crate::input::MAX_BYTES as u64 + 1).read_to_end(&mut buf)?;
        Ok(buf)
    }
}

fn source_name(path: &str) -> String {
    if path == "-" {
        return "-".into();
    }
    std::path::Path::new(path).file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| path.to_string())
}

/// Run the CLI with `args` (without the program name); returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    run_with(args, &mut out, &mut err)
}

/// [`run`] with explicit output streams (for tests).
pub fn run_with(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut it = args.iter();
    let mut review_mode = false;
    match it.next().map(String::as_str) {
        Some("extract") => {}
        Some("review") => review_mode = true,
        Some("-h") | Some("--help") | Some("help") => {
            let _ = writeln!(out, "{USAGE}");
            return 0;
        }
        _ => {
            let _ = writeln!(err, "{USAGE}");
            return 2;
        }
    }
    let mut format = Format::Json;
    let mut lines = false;
    let mut files: Vec<String> = Vec::new();
    let mut catalog: Option<crate::catalog::Catalog> = None;
    let mut derived: Vec<crate::review::derived::DerivedDef> = Vec::new();
    let mut rest = it.peekable();
    while let Some(a) = rest.next() {
        match a.as_str() {
            "--json" => format = Format::Json,
            "--csv" => format = Format::Csv,
            "--lines" => lines = true,
            "--catalog" => {
                let Some(p) = rest.next() else {
                    let _ = writeln!(err, "zhibiao: --catalog needs a file");
                    return 2;
                };
                let text = std::fs::read_to_string(p).map_err(|e| format!("{p}: {e}"));
                let defs = text.clone().and_then(|s| crate::review::derived::user_defs(&s));
                match text.and_then(|s| crate::catalog::Catalog::from_toml(&s)).and_then(|c| defs.map(|d| (c, d))) {
                    Ok((c, d)) => {
                        catalog = Some(c);
                        derived = d;
                    }
                    Err(e) => {
                        let _ = writeln!(err, "zhibiao: {e}");
                        return 2;
                    }
                }
            }
            "-" => files.push(a.clone()),
            s if s.starts_with("--") => {
                let _ = writeln!(err, "zhibiao: unknown option {s}\n{USAGE}");
                return 2;
            }
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        let _ = writeln!(err, "zhibiao: no input files\n{USAGE}");
        return 2;
    }
    let cat = catalog.as_ref().unwrap_or_else(|| crate::catalog::builtin());
    let mut reports: Vec<Report> = Vec::new();
    let mut failed = false;
    for f in &files {
        let name = source_name(f);
        let bytes = match read_input(f) {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(err, "zhibiao: {f}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        let decoded = match crate::input::decode(&bytes, &name) {
            Ok(d) => d,
            Err(e) => {
                let _ = writeln!(err, "zhibiao: {e}");
                failed = true;
                continue;
            }
        };
        if lines {
            for line in decoded.text.lines() {
                reports.push(crate::extract_with(line, &name, cat));
            }
        } else {
            let mut r = crate::extract_with(&decoded.text, &name, cat);
            r.warnings.extend(decoded.warnings);
            reports.push(r);
        }
    }
    if !derived.is_empty() {
        reports.iter_mut().for_each(|r| crate::review::add_derived(r, &derived));
    }
    if reports.len() > 1 {
        crate::review::series::across(&mut reports);
    }
    if review_mode {
        let s = match format {
            Format::Csv => crate::review::table::review_csv(&reports),
            Format::Json => crate::review::table::review_json(&reports) + "\n",
        };
        return if out.write_all(s.as_bytes()).is_err() || failed { 1 } else { 0 };
    }
    let written = match format {
        Format::Json => {
            let s = if reports.len() == 1 && !lines && files.len() == 1 {
                output::json(&reports)
            } else {
                serde_json::to_string_pretty(&reports).unwrap_or_default()
            };
            writeln!(out, "{s}")
        }
        Format::Csv => write!(out, "{}", output::csv_facts(&reports)),
    };
    if written.is_err() {
        return 1;
    }
    if failed {
        1
    } else {
        0
    }
}
