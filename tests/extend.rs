//! A newcomer extends the catalog without touching Rust: a new metric with its summary phrase,
//! added in a temporary copy of `data/catalog.toml` and passed to the CLI with `--catalog`,
//! is extracted and named in the summary (README, "The catalog is data").

mod common;

use std::fs;

/// The new metric and a summary sentence for it, appended to the built-in catalog.
const ADDITION: &str = r#"

[[metric]]
id = "hazards_fixed"
label = "隐患整改"
label_en = "hazards fixed"
group = "执法"
group_en = "Enforcement"
kind = "count"
unit = "项"
units = ["项", "处", "个"]
triggers = ["(整改|消除)[^,;。]{0,6}隐患"]
priority = 4
summary_zh = "整改隐患{}"
summary_en = "{} hazards fixed"

# a zero stated without 无, 未, 零 or 没有: the zero phrases are the catalog's, not a word list
# of the code's
[[metric]]
id = "major_accidents"
label = "重大事故"
label_en = "major accidents"
group = "执法"
group_en = "Enforcement"
kind = "count"
unit = "起"
units = ["起"]
triggers = ["重大[^,;。]{0,4}事故"]
priority = 4

[[zero]]
id = "major_accidents"
patterns = ["杜绝[^,;。]{0,6}重大[^,;。]{0,4}事故"]

[[summary_group]]
zh = "安全生产方面"
en = "Work safety"
metrics = ["hazards_fixed"]
"#;

#[test]
fn a_metric_added_in_a_data_file_is_extracted_and_summarised() {
    let dir = std::env::temp_dir().join(format!("zhibiao-extend-{}", std::process::id()));
    fs::create_dir_all(&dir).expect("temp dir");
    let catalog = dir.join("catalog.toml");
    let builtin = fs::read_to_string(common::manifest().join("data/catalog.toml"))
        .expect("data/catalog.toml");
    fs::write(&catalog, format!("{builtin}{ADDITION}")).expect("write the catalog");
    let report = dir.join("report.txt");
    fs::write(&report, "某某县应急管理局2023年法治政府建设情况报告\n全年检查企业320家次,督促整改事故隐患1260项。全年杜绝了重大生产安全事故。\n").expect("write the report");

    let out = common::run_cli(
        &[
            "extract",
            "--json",
            "--catalog",
            catalog.to_str().unwrap(),
            report.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "the CLI failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let facts = json["metrics"].as_array().expect("metrics");
    assert!(
        facts
            .iter()
            .any(|f| f["id"] == "hazards_fixed" && f["value"] == 1260),
        "the new metric is not extracted: {facts:?}"
    );
    assert!(
        facts
            .iter()
            .any(|f| f["id"] == "major_accidents" && f["value"] == 0),
        "the new zero phrase is not read: {facts:?}"
    );
    let zh = json["summary"]["zh"].as_str().unwrap_or("");
    let en = json["summary"]["en"].as_str().unwrap_or("");
    assert!(
        zh.contains("安全生产方面，整改隐患1260项。"),
        "zh summary: {zh}"
    );
    assert!(
        en.contains("Work safety: 1,260 hazards fixed."),
        "en summary: {en}"
    );

    // without the addition, the built-in catalog knows no such metric
    let plain = common::run_cli(&["extract", "--json", report.to_str().unwrap()], None);
    let json: serde_json::Value = serde_json::from_slice(&plain.stdout).expect("JSON");
    assert!(!json["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["id"] == "hazards_fixed"));
    let _ = fs::remove_dir_all(&dir);
}
