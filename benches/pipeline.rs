//! Throughput of the whole pipeline (`extract`) on the five seed reports and on the 126 texts of
//! the dev set, in chars/s (criterion's "elements" are characters), with the CLI's allocator.
//! Run: `cargo bench --bench pipeline`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

/// The native CLI's allocator (src/main.rs), so that the bench measures what the CLI runs.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The `.txt` files of `../shared/<dir>`, by name.
fn texts(dir: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(dir);
    let mut v: Vec<(String, String)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter_map(|e| {
                    let p = e.path();
                    Some((
                        p.file_name()?.to_string_lossy().into_owned(),
                        std::fs::read_to_string(&p).ok()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("extract");
    for (name, docs) in [
        ("five_seeds", texts("corpus")),
        ("dev_set", texts("dev/texts")),
    ] {
        let chars: usize = docs.iter().map(|(_, t)| t.chars().count()).sum();
        g.throughput(Throughput::Elements(chars as u64));
        g.bench_function(name, |b| {
            b.iter(|| {
                for (name, text) in &docs {
                    std::hint::black_box(zhibiao::extract(text, name));
                }
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
