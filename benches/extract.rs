//! Criterion benchmarks of the library.
//!
//! ```sh
//! cargo bench --bench extract                 # all groups
//! cargo bench --bench extract -- new          # only Extractor::new()
//! ```
//!
//! * `new`: building an [`Extractor`] with the embedded lexicons (the start-up
//!   cost of every command; target ≤ 50 ms);
//! * `extract_dated`: the full pipeline on one thread over every text of the
//!   gold corpus (`corpus/*/*.gold.jsonl`, read at bench start), each with its
//!   publication date, reported in bytes of text per second;
//! * `extract_batch`: the same texts through [`Extractor::extract_batch`]
//!   (rayon, all cores), also in bytes per second.
//!
//! Measurement times are kept short: the project's machines have 2 cores.
//! See `docs/PERFORMANCE.md` for the figures and `scripts/bench.sh` for the
//! end-to-end (CLI, large input, peak RSS) measurement.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use frextract::{Extractor, NaiveDate};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One corpus document: its text and publication date.
struct Doc {
    text: String,
    date: Option<NaiveDate>,
}

/// Reads every `corpus/<dir>/*.gold.jsonl` (dev, test, seed), sorted by path
/// so that runs see the same order.
fn corpus() -> Vec<Doc> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("corpus/ is readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .flat_map(|dir| {
            std::fs::read_dir(dir)
                .expect("corpus subdirectory is readable")
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.to_string_lossy().ends_with(".gold.jsonl"))
                .collect::<Vec<_>>()
        })
        .collect();
    files.sort();
    let mut docs = Vec::new();
    for file in files {
        let content = std::fs::read_to_string(&file).expect("gold file is readable");
        for line in content.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
            let Some(text) = v["text"].as_str() else {
                continue;
            };
            let date = v["date"]
                .as_str()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            docs.push(Doc {
                text: text.to_string(),
                date,
            });
        }
    }
    assert!(!docs.is_empty(), "no gold documents found under {root:?}");
    docs
}

fn bench_new(c: &mut Criterion) {
    let mut g = c.benchmark_group("new");
    g.sample_size(20);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(5));
    g.bench_function("Extractor::new", |b| b.iter(|| black_box(Extractor::new())));
    g.finish();
}

fn bench_extract(c: &mut Criterion) {
    let docs = corpus();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let texts: Vec<&str> = docs.iter().map(|d| d.text.as_str()).collect();
    let x = Extractor::new();
    eprintln!(
        "corpus: {} documents, {} bytes of text (mean {} bytes)",
        docs.len(),
        bytes,
        bytes / docs.len() as u64
    );

    let mut g = c.benchmark_group("extract_dated");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(20);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(6));
    g.bench_function("corpus_1_thread", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for d in &docs {
                n += black_box(x.extract_dated(black_box(&d.text), d.date))
                    .entities
                    .len();
            }
            n
        })
    });
    g.finish();

    let mut g = c.benchmark_group("extract_batch");
    g.throughput(Throughput::Bytes(bytes));
    g.sample_size(20);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(6));
    g.bench_function(
        format!("corpus_{}_threads", rayon::current_num_threads()),
        |b| b.iter(|| black_box(x.extract_batch(black_box(&texts))).len()),
    );
    g.finish();
}

criterion_group!(benches, bench_new, bench_extract);
criterion_main!(benches);
