//! Flags on the real reports: every seed (`../shared/corpus`) and dev document
//! (`../shared/dev/texts`) is extracted, the reports are reviewed together (series, cross-year),
//! and every flag must be one listed in `tests/data/flags_real.toml`. Prints the false-flag
//! count (goal 0) and, for each unexpected flag, the document, the message and the evidence.

mod common;

use common::cases::FlagsRealTable as File;

#[test]
fn no_false_flags_on_real_reports() {
    let table: File = common::load("flags_real.toml");
    assert!(table.doc.iter().all(|d| !d.why.is_empty()));
    let mut files = common::shared_texts("corpus");
    files.extend(common::shared_texts("dev/texts"));
    assert!(
        files.len() >= 100,
        "the seeds and the dev set are needed beside the repository ({} files)",
        files.len()
    );
    let mut reports = Vec::new();
    let mut originals = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        match zhibiao::extract_bytes(&bytes, &name) {
            Ok(r) => {
                originals.push(
                    zhibiao::input::decode(&bytes, &name)
                        .map(|d| d.text)
                        .unwrap_or_default(),
                );
                reports.push(r);
            }
            Err(e) => panic!("{name}: {e}"),
        }
    }
    zhibiao::review::series::across(&mut reports);
    let (mut raised, mut unexpected, mut missing) = (0, 0, 0);
    for (r, text) in reports.iter().zip(&originals) {
        let mut want: Vec<String> = table
            .doc
            .iter()
            .find(|d| d.name == r.source)
            .map(|d| d.flags.clone())
            .unwrap_or_default();
        for fl in &r.review.flags {
            raised += 1;
            if let Some(i) = want.iter().position(|k| k == &fl.kind) {
                want.remove(i);
                continue;
            }
            unexpected += 1;
            let ev: Vec<String> = fl
                .evidence
                .iter()
                .take(3)
                .map(|e| {
                    text.chars()
                        .skip(e[0].saturating_sub(20))
                        .take(e[1].saturating_sub(e[0]) + 40)
                        .collect()
                })
                .collect();
            println!(
                "UNEXPECTED {} {}: {} | evidence {:?}",
                r.source, fl.kind, fl.zh, ev
            );
        }
        for k in want {
            missing += 1;
            println!("MISSING    {} {k} (listed in flags_real.toml, not raised: update the table if the extraction changed)", r.source);
        }
    }
    println!("real reports: {} documents, {raised} flags raised, false flags {unexpected} (goal 0), expected but not raised {missing}", reports.len());
    assert_eq!(
        unexpected, 0,
        "flags not in tests/data/flags_real.toml (see the UNEXPECTED lines above)"
    );
}
