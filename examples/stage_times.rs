//! Time each pipeline stage over the seeds: `cargo run --release --example stage_times`.
use std::time::Instant;
fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let docs: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    let n = 50;
    let cat = zhibiao::catalog::builtin();
    let mut t = [0f64; 9];
    let names = [
        "doc(normalise+clutter+segment)",
        "quantities",
        "classify",
        "resolve",
        "sections",
        "meta",
        "outline",
        "documents",
        "summary",
    ];
    for _ in 0..n {
        for d in &docs {
            let s = Instant::now();
            let doc = zhibiao::stages::Doc::new(d);
            t[0] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let qs = zhibiao::stages::quantities::scan(&doc.body);
            t[1] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let c = zhibiao::stages::classify::classify(&doc, cat, &qs);
            t[2] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let (m, _f) = zhibiao::stages::resolve::resolve(&doc, cat, &qs, c);
            t[3] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let _ = zhibiao::stages::sections::problems(&doc);
            let _ = zhibiao::stages::sections::plans(&doc);
            t[4] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let meta = zhibiao::stages::meta::meta(&doc);
            t[5] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let _ = zhibiao::stages::outline::outline(&doc);
            t[6] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let _ = zhibiao::stages::documents::documents(&doc);
            t[7] += s.elapsed().as_secs_f64();
            let s = Instant::now();
            let r = zhibiao::Report {
                meta,
                metrics: m,
                ..Default::default()
            };
            let _ = zhibiao::stages::summary::summarise(&r);
            t[8] += s.elapsed().as_secs_f64();
        }
    }
    for (i, x) in t.iter().enumerate() {
        println!("{:32} {:7.3} ms per pass", names[i], x * 1000.0 / n as f64);
    }
}
