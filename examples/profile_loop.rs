//! Run `extract` over the seeds many times (for profilers): `cargo run --release --example
//! profile_loop [PASSES] [DIR]` (DIR under `../shared`, default `corpus`; `dev/texts` for the dev
//! set).
/// The CLI's allocator, as in the criterion bench.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let sub = std::env::args().nth(2).unwrap_or_else(|| "corpus".into());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(sub);
    let mut docs = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if let Ok(t) = std::fs::read_to_string(e.path()) {
            docs.push(t);
        }
    }
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let chars: usize = docs.iter().map(|d| d.chars().count()).sum();
    // (one pass first, untimed: the patterns compile on their first search)
    for d in &docs {
        std::hint::black_box(zhibiao::extract(d, "x"));
    }
    let t = std::time::Instant::now();
    for _ in 0..n {
        for d in &docs {
            std::hint::black_box(zhibiao::extract(d, "x"));
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!("{:.2} M chars/s", (chars * n) as f64 / s / 1e6);
}
