//! The byte-identical regression check: the SHA-256 of the CLI's JSON output for every seed
//! (`../shared/corpus/*.txt`), every dev text (`../shared/dev/texts/*.txt`) and every peer input
//! (`common::peer_inputs`), compared with the hashes committed in `tests/data/snapshot.toml`
//! (hashes only, never report text).
//!
//! A seed or dev text is one run of `zhibiao extract --json FILE` from inside `../shared` (so the
//! `source` field is the same everywhere); the peer inputs are written one per file into a
//! temporary directory and read by one run of `zhibiao extract --jsonl DIR`, each output line
//! hashed by its file. The test prints every input whose output changed, is new or is gone,
//! and fails on any. When a change of output is deliberate, `BLESS=1` (or
//! `bash scripts/snapshot.sh --bless`) rewrites the file with the current hashes.

mod common;

use common::cases::SnapshotTable;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const FILE: &str = "snapshot.toml";

/// Hash the `--json` output of one text, run from `shared` with the path relative to it.
fn hash_file(shared: &Path, rel: &str) -> String {
    let out = common::cli()
        .current_dir(shared)
        .args(["extract", "--json", rel])
        .output()
        .expect("run zhibiao");
    assert!(
        out.status.success(),
        "zhibiao extract --json {rel}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    common::sha256_hex(&out.stdout)
}

/// Hashes of the seeds and dev texts, on two threads.
fn hash_texts(shared: &Path) -> BTreeMap<String, String> {
    let mut rels: Vec<String> = Vec::new();
    for dir in ["corpus", "dev/texts"] {
        for p in common::shared_texts(dir) {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            rels.push(format!("{dir}/{name}"));
        }
    }
    let half = rels.len().div_ceil(2);
    let (a, b) = rels.split_at(half);
    let hash_all = |part: &[String]| -> Vec<(String, String)> {
        part.iter()
            .map(|r| (r.clone(), hash_file(shared, r)))
            .collect()
    };
    let (ha, hb) = std::thread::scope(|s| {
        let t = s.spawn(|| hash_all(b));
        (hash_all(a), t.join().expect("hashing thread"))
    });
    ha.into_iter().chain(hb).collect()
}

/// Hashes of the peer inputs: one file each, one `--jsonl` run, one hash per output line.
fn hash_peers() -> BTreeMap<String, String> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("snapshot-peers");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let inputs = common::peer_inputs();
    for (key, text) in &inputs {
        std::fs::write(dir.join(format!("{key}.txt")), text).expect("write a peer input");
    }
    let out = common::cli()
        .current_dir(&dir)
        .args(["extract", "--jsonl", "."])
        .output()
        .expect("run zhibiao");
    assert!(
        out.status.success(),
        "zhibiao extract --jsonl (peer inputs): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut hashes = BTreeMap::new();
    for line in out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        let v: serde_json::Value = serde_json::from_slice(line).expect("a JSON line");
        let source = v["source"].as_str().expect("source");
        let key = source
            .trim_start_matches("./")
            .trim_end_matches(".txt")
            .to_string();
        hashes.insert(format!("peers/{key}"), common::sha256_hex(line));
    }
    assert_eq!(hashes.len(), inputs.len(), "one output line per peer input");
    let _ = std::fs::remove_dir_all(&dir);
    hashes
}

fn render(hashes: &BTreeMap<String, String>) -> String {
    let mut s = String::from(
        "# SHA-256 of the CLI's JSON output per input (tests/snapshot.rs): `zhibiao extract --json\n\
         # FILE` for ../shared/corpus/*.txt and ../shared/dev/texts/*.txt (run inside ../shared),\n\
         # one line of `zhibiao extract --jsonl` per peer input (tests/common: peer_inputs).\n\
         # Hashes only. After a deliberate change of output: bash scripts/snapshot.sh --bless\n\n\
         [sha256]\n",
    );
    for (k, v) in hashes {
        s.push_str(&format!("\"{k}\" = \"{v}\"\n"));
    }
    s
}

#[test]
fn json_output_is_byte_identical() {
    let shared = common::shared();
    let mut now = hash_texts(&shared);
    now.extend(hash_peers());
    if std::env::var_os("BLESS").is_some_and(|v| v != "0") {
        std::fs::write(common::data_path(FILE), render(&now)).expect("write snapshot.toml");
        println!(
            "snapshot: blessed {} hashes into tests/data/{FILE}",
            now.len()
        );
        return;
    }
    let was: SnapshotTable = common::load(FILE);
    let mut bad = Vec::new();
    for (k, h) in &now {
        match was.sha256.get(k) {
            None => bad.push(format!("new: {k}")),
            Some(old) if old != h => bad.push(format!("changed: {k}")),
            Some(_) => {}
        }
    }
    for k in was.sha256.keys().filter(|k| !now.contains_key(*k)) {
        bad.push(format!("gone: {k}"));
    }
    for b in &bad {
        println!("snapshot: {b}");
    }
    println!(
        "snapshot: {}/{} outputs byte-identical",
        now.len() - bad.iter().filter(|b| !b.starts_with("gone")).count(),
        now.len()
    );
    assert!(
        bad.is_empty(),
        "{} outputs differ from tests/data/{FILE} (listed above); if the change is deliberate: \
         bash scripts/snapshot.sh --bless",
        bad.len()
    );
}
