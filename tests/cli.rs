//! The command line as a table (`tests/data/cli.toml`): each case runs the built binary with its
//! arguments (and standard input) and checks the exit code and fragments of the output.

mod common;

use common::cases::{CliCase as Case, CliTable as Table};
use common::Verdict;
use std::path::Path;
use std::process::{Command, Stdio};

/// What is wrong with the output of `c` (empty when it passes).
fn check(c: &Case, fixtures: &str) -> Vec<String> {
    let args: Vec<String> = c
        .args
        .iter()
        .map(|a| a.replace("{fixtures}", fixtures))
        .collect();
    let stdin = c.stdin.as_deref().unwrap_or("");
    let out = common::run_cli(&args, Some(stdin.as_bytes()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut bad = Vec::new();
    if out.status.code() != Some(c.code) {
        bad.push(format!(
            "exit code {:?}, expected {}",
            out.status.code(),
            c.code
        ));
    }
    for f in &c.stdout {
        if !stdout.contains(f.as_str()) {
            bad.push(format!("stdout lacks {f:?}"));
        }
    }
    for f in &c.stderr {
        if !stderr.contains(f.as_str()) {
            bad.push(format!("stderr lacks {f:?}"));
        }
    }
    for f in &c.stdout_not {
        if stdout.contains(f.as_str()) {
            bad.push(format!("stdout has {f:?}"));
        }
    }
    let mut from = 0;
    for f in &c.in_order {
        match stdout[from..].find(f.as_str()) {
            Some(i) => from += i + f.len(),
            None => bad.push(format!("stdout lacks {f:?} after byte {from} (order)")),
        }
    }
    if stderr.contains("panicked") {
        bad.push("panicked".into());
    }
    let count = match c.json.as_deref() {
        None => None,
        Some("object") => match serde_json::from_str::<serde_json::Value>(&stdout) {
            Ok(v) if v.is_object() => Some(1),
            _ => {
                bad.push("stdout is not one JSON object".into());
                None
            }
        },
        Some("array") => match serde_json::from_str::<serde_json::Value>(&stdout) {
            Ok(serde_json::Value::Array(a)) => Some(a.len()),
            _ => {
                bad.push("stdout is not a JSON array".into());
                None
            }
        },
        Some("lines") => {
            let lines: Vec<&str> = stdout.lines().collect();
            if !lines
                .iter()
                .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok_and(|v| v.is_object()))
            {
                bad.push("a stdout line is not a JSON object".into());
            }
            Some(lines.len())
        }
        Some(other) => {
            bad.push(format!("unknown json kind {other:?}"));
            None
        }
    };
    if let (Some(want), Some(got)) = (c.count, count) {
        if want != got {
            bad.push(format!("{got} reports, expected {want}"));
        }
    }
    if !bad.is_empty() {
        bad.push(format!(
            "stderr: {}",
            stderr.chars().take(600).collect::<String>()
        ));
    }
    bad
}

#[test]
fn cli_table() {
    let table: Table = common::load("cli.toml");
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut verdict = Verdict::new("cli.toml");
    for c in &table.case {
        verdict.record(&c.name, c.known_failure, &check(c, fixtures));
    }
    verdict.finish();
}

/// `run_with` is the same CLI for library users: usage errors come back as exit code 2.
#[test]
fn run_with_returns_codes() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        zhibiao::cli::run_with(&["--help".into()], &mut out, &mut err),
        0
    );
    assert!(String::from_utf8_lossy(&out).contains("extract"));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(
        zhibiao::cli::run_with(&["extract".into()], &mut out, &mut err),
        2
    );
    assert!(String::from_utf8_lossy(&err).contains("required"));
}

/// With stderr a terminal the progress bar is drawn from the worker threads; the run must still
/// finish (it once deadlocked on the stderr lock). Runs under `script` (util-linux) for a
/// pseudo-terminal; skipped where `script` is missing.
#[test]
fn progress_bar_on_a_terminal_finishes() {
    if !Path::new("/usr/bin/script").exists() {
        println!("skipped: no /usr/bin/script");
        return;
    }
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let out = std::env::temp_dir().join(format!("zhibiao-tty-{}.jsonl", std::process::id()));
    let cmd = format!(
        "'{}' extract --jsonl '{fixtures}/sample.txt' '{fixtures}/sample.html' '{fixtures}/sample-scanned.pdf' > '{}'",
        env!("CARGO_BIN_EXE_zhibiao"),
        out.display()
    );
    let mut child = Command::new("/usr/bin/script")
        .args(["-qec", &cmd, "/dev/null"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let t0 = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if t0.elapsed() > std::time::Duration::from_secs(60) {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    let written = std::fs::read_to_string(&out).unwrap_or_default();
    std::fs::remove_file(&out).ok();
    assert!(status.is_some(), "hung with a terminal on stderr");
    assert_eq!(status.unwrap().code(), Some(1), "the scanned PDF fails");
    assert_eq!(written.lines().count(), 2, "{written}");
}
