//! The largest seed cold and warm, as a fresh page worker sees it: `cargo run --profile fast
//! --example first_doc`. Prints the data's load (a tiny report), the largest seed's first
//! extraction (the regexes' lazy DFAs still empty), its second, and its best of 20 after every
//! seed has run once.
use std::time::Instant;

/// Milliseconds of one `extract` of `text`.
fn ms(text: &str) -> f64 {
    let s = Instant::now();
    let _ = zhibiao::extract(text, "x");
    s.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut docs: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    docs.sort_by_key(|d| std::cmp::Reverse(d.chars().count()));
    let Some(big) = docs.first() else {
        eprintln!("no seeds in ../shared/corpus");
        return;
    };
    let init = ms("一、工作情况\n全年办理案件3件。");
    let first = ms(big);
    let second = ms(big);
    for d in &docs[1..] {
        let _ = ms(d);
    }
    let warm = (0..20).map(|_| ms(big)).fold(f64::MAX, f64::min);
    println!(
        "{} chars: data load {init:.1} ms, first {first:.2} ms, second {second:.2} ms, warm best {warm:.2} ms",
        big.chars().count()
    );
}
