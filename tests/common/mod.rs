//! Shared by the test binaries (`mod common;` at the top of each): where the repository and
//! `../shared` are, typed loading of the case tables in `tests/data/*.toml` ([`cases`]), float
//! comparison, running the CLI binary, and the verdict over a table of named cases
//! ([`Verdict`]): known failures are listed in the table, and a harness fails both when a case
//! not listed fails and when a listed known failure starts to pass.
//!
//! `../shared` (the seeds, the development set, the gold files and the peer suites) must sit
//! beside the repository; a test that needs it fails with a clear message when it is missing
//! ([`shared`]), it never passes without checking anything.

#![allow(dead_code)]

pub mod cases;
pub mod cn2an;

use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root (`CARGO_MANIFEST_DIR`).
pub fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures` (the input fixtures made by `tests/fixtures/make.sh`).
pub fn fixtures_dir() -> PathBuf {
    manifest().join("tests/fixtures")
}

/// The path of one file under `tests/data`.
pub fn data_path(file: &str) -> PathBuf {
    manifest().join("tests/data").join(file)
}

/// The text of one file under `tests/data`; panics with the file name when it cannot be read.
pub fn data_text(file: &str) -> String {
    let p = data_path(file);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// One table of `tests/data` read into its typed form (see [`cases`]); a missing file, a
/// misspelt or unknown key, or a missing required key is a panic naming the file and the key.
pub fn load<T: DeserializeOwned>(file: &str) -> T {
    toml::from_str(&data_text(file)).unwrap_or_else(|e| panic!("tests/data/{file}: {e}"))
}

/// `../shared` (beside the repository), or a panic saying it must be there.
pub fn shared() -> PathBuf {
    let p = manifest().join("../shared");
    assert!(
        p.join("corpus").is_dir(),
        "{}: ../shared (corpus, dev, gold, peers) must sit beside the repository; \
         this test cannot check anything without it",
        p.display()
    );
    p
}

/// A path under `../shared` that must exist (file or directory), or a panic naming it.
pub fn shared_path(rel: &str) -> PathBuf {
    let p = shared().join(rel);
    assert!(p.exists(), "../shared/{rel} is missing; this test needs it");
    p
}

/// The `*.txt` files of a directory under `../shared`, sorted by name; panics when there are none.
pub fn shared_texts(rel: &str) -> Vec<PathBuf> {
    let dir = shared_path(rel);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("../shared/{rel}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "../shared/{rel} holds no .txt files");
    v
}

/// The seed reports `../shared/corpus/*.txt` as (file name, text), sorted by name.
pub fn seeds() -> Vec<(String, String)> {
    shared_texts("corpus")
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text)
        })
        .collect()
}

/// Equal up to a relative tolerance of 1e-9 (values printed with few digits compare equal).
pub fn close(a: f64, b: f64) -> bool {
    close_within(a, b, 1e-9)
}

/// Equal up to the relative tolerance `tol` (relative to the larger magnitude, at least 1e-12).
pub fn close_within(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * a.abs().max(b.abs()).max(1e-12)
}

/// A [`Command`] for the built `zhibiao` binary.
pub fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhibiao"))
}

/// Run the `zhibiao` binary with `args` (and `stdin` when given) and wait for it.
pub fn run_cli<S: AsRef<std::ffi::OsStr>>(args: &[S], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut cmd = cli();
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("run the zhibiao binary");
    if let Some(input) = stdin {
        let mut w = child.stdin.take().expect("stdin");
        // a closed pipe (the binary refused the input early) is not an error here
        let _ = w.write_all(input);
    }
    child
        .wait_with_output()
        .expect("wait for the zhibiao binary")
}

/// The tally of one table of named cases: every case is recorded with its errors (empty = it
/// passed) and whether the table lists it as a known failure; [`Verdict::finish`] prints the
/// failing names and the pass rate, and fails on an unlisted failure or on a listed known
/// failure that passes.
pub struct Verdict {
    table: String,
    total: usize,
    passed: usize,
    known: usize,
    failing: Vec<String>,
    unexpected: Vec<String>,
    now_pass: Vec<String>,
    names: std::collections::HashSet<String>,
}

impl Verdict {
    /// A new tally for the table called `table` (printed in every line).
    pub fn new(table: &str) -> Self {
        Verdict {
            table: table.to_string(),
            total: 0,
            passed: 0,
            known: 0,
            failing: Vec::new(),
            unexpected: Vec::new(),
            now_pass: Vec::new(),
            names: std::collections::HashSet::new(),
        }
    }

    /// Record one case: `errs` empty means it passed. A failure is printed with its errors.
    /// Panics when two cases of the table share a name (or a name is empty).
    pub fn record(&mut self, name: &str, known_failure: bool, errs: &[String]) {
        assert!(!name.is_empty(), "{}: a case without a name", self.table);
        assert!(
            self.names.insert(name.to_string()),
            "{}: two cases are named {name:?}",
            self.table
        );
        self.total += 1;
        self.known += usize::from(known_failure);
        if errs.is_empty() {
            self.passed += 1;
            if known_failure {
                println!("[now passes] {}: {name} (remove known_failure)", self.table);
                self.now_pass.push(name.to_string());
            }
            return;
        }
        let tag = if known_failure {
            "known failure"
        } else {
            "FAIL"
        };
        println!("[{tag}] {}: {name}: {}", self.table, errs.join("; "));
        self.failing.push(name.to_string());
        if !known_failure {
            self.unexpected.push(name.to_string());
        }
    }

    /// Cases recorded so far.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Cases passed so far.
    pub fn passed(&self) -> usize {
        self.passed
    }

    /// The share of cases passed (0 when none was recorded).
    pub fn rate(&self) -> f64 {
        self.passed as f64 / self.total.max(1) as f64
    }

    /// The names of the failing cases, in table order.
    pub fn failing(&self) -> &[String] {
        &self.failing
    }

    /// Print `table: P/N passed`, then the problems: an unlisted failure, a known failure that
    /// passes. Returns them (empty = the table is as expected) instead of panicking, for tests
    /// that check several tables.
    pub fn summary(&self) -> Vec<String> {
        println!(
            "{}: {}/{} passed ({} listed as known failures)",
            self.table, self.passed, self.total, self.known
        );
        let mut msg = Vec::new();
        if self.total == 0 {
            msg.push(format!("{}: no cases", self.table));
        }
        if !self.unexpected.is_empty() {
            msg.push(format!(
                "{}: failing cases not listed as known failures: {}",
                self.table,
                self.unexpected.join(", ")
            ));
        }
        if !self.now_pass.is_empty() {
            msg.push(format!(
                "{}: known failures that now pass (remove known_failure): {}",
                self.table,
                self.now_pass.join(", ")
            ));
        }
        msg
    }

    /// [`Verdict::summary`], then panic if it found a problem.
    pub fn finish(self) {
        let msg = self.summary();
        assert!(msg.is_empty(), "{}", msg.join("\n"));
    }

    /// A pass-rate floor instead of exact known failures: print the rate and the failing names,
    /// and return a message naming them when the rate is below `floor` (a share, 0.975 = 97.5%).
    pub fn below_floor(&self, floor: f64) -> Option<String> {
        println!(
            "{}: {}/{} passed ({:.1}%, floor {:.1}%)",
            self.table,
            self.passed,
            self.total,
            100.0 * self.rate(),
            100.0 * floor
        );
        if !self.failing.is_empty() {
            println!("{}: failing: {}", self.table, self.failing.join(", "));
        }
        (self.total == 0 || self.rate() + 1e-9 < floor).then(|| {
            format!(
                "{}: {}/{} below the floor {floor}; failing: {}",
                self.table,
                self.passed,
                self.total,
                self.failing.join(", ")
            )
        })
    }
}

/// The SHA-256 of `bytes` as 64 lowercase hex digits (FIPS 180-4; small and dependency-free,
/// for the snapshot check).
pub fn sha256_hex(bytes: &[u8]) -> String {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = bytes.to_vec();
    let bits = (bytes.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bits.to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 64];
        for (i, c) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().map(|x| format!("{x:08x}")).collect()
}

/// The approx marker as the tables write it: `more_than`, `nearly`, or `""` (exact).
pub fn approx_name(a: Option<zhibiao::model::Approx>) -> &'static str {
    match a {
        Some(zhibiao::model::Approx::MoreThan) => "more_than",
        Some(zhibiao::model::Approx::Nearly) => "nearly",
        None => "",
    }
}

/// Equal as catalog values: relative tolerance 1e-6, absolute below 1.
fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// Differences in the optional fields of one matched fact (empty: it matches).
pub fn fact_errors(w: &cases::FactWant, got: &zhibiao::model::Fact) -> Vec<String> {
    use zhibiao::model::Change;
    let mut errs = Vec::new();
    if let Some(a) = &w.approx {
        let g = approx_name(got.approx);
        if a != g {
            errs.push(format!("approx {a:?} got {g:?}"));
        }
    }
    for (k, want, g) in [
        ("scope", &w.scope, &got.scope),
        ("period", &w.period, &got.period),
    ] {
        if let Some(want) = want {
            if g.as_deref() != Some(want.as_str()) {
                errs.push(format!("{k} {want:?} got {g:?}"));
            }
        }
    }
    if let Some(p) = w.change_pct {
        if !matches!(got.change, Some(Change::Pct(x)) if same_value(x, p)) {
            errs.push(format!("change_pct {p} got {:?}", got.change));
        }
    }
    if let Some(p) = w.change_points {
        if !matches!(got.change, Some(Change::Points(x)) if same_value(x, p)) {
            errs.push(format!("change_points {p} got {:?}", got.change));
        }
    }
    if let Some(p) = w.primary {
        if got.primary != p {
            errs.push(format!("primary {p} got {}", got.primary));
        }
    }
    if let Some(l) = w.loose {
        if got.loose != l {
            errs.push(format!("loose {l} got {}", got.loose));
        }
    }
    errs
}

/// What differs between the expected facts (an exact multiset of (id, value), optional fields
/// checked when given) and the catalog facts `extract` produces from `text` (empty: pass).
pub fn facts_diff(text: &str, want: &[cases::FactWant]) -> Vec<String> {
    let r = zhibiao::extract(text, "case");
    let mut got: Vec<&zhibiao::model::Fact> = r.metrics.iter().collect();
    let mut errs = Vec::new();
    for w in want {
        match got
            .iter()
            .position(|f| f.id == w.id && same_value(f.value, w.value))
        {
            Some(i) => {
                for e in fact_errors(w, got[i]) {
                    errs.push(format!("{}={}: {e}", w.id, w.value));
                }
                got.remove(i);
            }
            None => errs.push(format!("missing {}={}", w.id, w.value)),
        }
    }
    for f in got {
        errs.push(format!("extra {}={} ({})", f.id, f.value, f.raw));
    }
    errs
}

/// The neutral sentence (our own wording) a cn2an numeral is read in through the scanner, and
/// the byte offset of the numeral in it: money forms (with 元/圆) carry their own unit, any other
/// numeral gets the measure unit 吨.
pub fn cn2an_sentence(numeral: &str) -> (String, usize) {
    let money = numeral.contains(['元', '圆']);
    let head = if money {
        "全年共收缴罚没款"
    } else {
        "全年共处置固体废物"
    };
    let tail = if money { "。" } else { "吨。" };
    (format!("{head}{numeral}{tail}"), head.len())
}

/// The peer inputs as (key, text): every `Input` of the three Recognizers-Text specs the peer
/// test runs (`rt-<spec>-<index>`), and every distinct cn2an input, bare (`cn2an-<index>`) and in
/// its sentence (`cn2an-sentence-<index>`); empty inputs are left out.
pub fn peer_inputs() -> Vec<(String, String)> {
    let read = |rel: &str| -> serde_json::Value {
        let p = shared_path(rel);
        let s = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        serde_json::from_str(s.trim_start_matches('\u{feff}'))
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    let mut out = Vec::new();
    for (tag, rel) in [
        ("number", "Number/Chinese/NumberModel.json"),
        ("percent", "Number/Chinese/PercentModel.json"),
        ("currency", "NumberWithUnit/Chinese/CurrencyModel.json"),
    ] {
        let spec = read(&format!("peers/recognizers-text/Specs/{rel}"));
        for (i, c) in spec.as_array().expect(rel).iter().enumerate() {
            let input = c["Input"].as_str().unwrap_or("");
            if !input.is_empty() {
                out.push((format!("rt-{tag}-{i:04}"), input.to_string()));
            }
        }
    }
    let doc = read("peers/cn2an/cn2an_cases.json");
    let mut seen = std::collections::HashSet::new();
    let all = doc["cases"].as_array().into_iter().flatten();
    let inputs = all.chain(doc["errors"].as_array().into_iter().flatten());
    for c in inputs {
        let input = c["input"].as_str().unwrap_or("");
        if input.is_empty() || !seen.insert(input.to_string()) {
            continue;
        }
        let i = seen.len() - 1;
        out.push((format!("cn2an-{i:04}"), input.to_string()));
        out.push((format!("cn2an-sentence-{i:04}"), cn2an_sentence(input).0));
    }
    out
}

/// A seed report of `../shared/corpus`: its text and its report.
pub fn seed(file: &str) -> (String, zhibiao::model::Report) {
    let p = shared_path("corpus").join(file);
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    let r = zhibiao::extract(&text, file);
    (text, r)
}

/// Fail with every error listed when there is any.
pub fn fail_if_any(what: &str, errors: Vec<String>) {
    assert!(
        errors.is_empty(),
        "{what}: {} failure(s):\n  {}",
        errors.len(),
        errors.join("\n  ")
    );
}

/// One file read: its name and its text with warnings, or the message.
pub type Read = (String, Result<(String, Vec<String>), String>);

/// How the CLI reads `bytes` named `name`: `input::expand`, then `input::decode` per file.
pub fn cli_reads(bytes: &[u8], name: &str) -> Vec<Read> {
    zhibiao::input::expand(bytes.to_vec(), name)
        .into_iter()
        .map(|p| {
            let r = p.bytes.and_then(|b| zhibiao::input::decode(&b, &p.name));
            (p.name, r.map(|d| (d.text, d.warnings)).map_err(|e| e.0))
        })
        .collect()
}

/// How the page reads `bytes` named `name` (`web::files`): a zip through the engine's
/// `engine::unpack`, each file it leaves as bytes (and anything not a zip) through
/// `input::decode_unzipped`, as the shell does (natively, PDF and .doc too, which the page
/// reads with pdf.js and docread instead).
pub fn page_reads(bytes: &[u8], name: &str) -> Vec<Read> {
    use zhibiao::engine::Unpacked;
    let here = |n: String, b: &[u8]| {
        let r = zhibiao::input::decode_unzipped(b, &n);
        (n, r.map(|d| (d.text, d.warnings)).map_err(|e| e.0))
    };
    if !zhibiao::input::is_zip(bytes) {
        return vec![here(name.to_string(), bytes)];
    }
    zhibiao::engine::unpack(bytes.to_vec(), name)
        .into_iter()
        .map(|u| match u {
            Unpacked::Text(n, d) => (n, Ok((d.text, d.warnings))),
            Unpacked::Bytes(n, b) => here(n, &b),
            // the message names its file; the page lists it without a name of its own
            Unpacked::Error(e) => (e.split(": ").next().unwrap_or("").to_string(), Err(e)),
        })
        .collect()
}
