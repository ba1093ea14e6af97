//! Linearity on pathological inputs (issue #9): each input of
//! `tests/pathological.rs` (and the runs that were once quadratic) is
//! extracted at `n` and `4n` bytes; the time must grow about 4×, not 16×.
//!
//! ```sh
//! cargo bench --bench pathological
//! PATHOLOGICAL_BYTES=1000000 cargo bench --bench pathological   # n = 1 MB
//! scripts/linearity.py            # the 4n/n time ratio of each case
//! ```
//!
//! Figures and the bugs this found are in `docs/ROBUSTNESS.md`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use frextract::Extractor;
use std::hint::black_box;
use std::time::Duration;

/// The smaller size, in bytes, unless `PATHOLOGICAL_BYTES` says otherwise;
/// the larger is four times it. Some slowdowns only show on megabytes (the
/// memory of one sentence or token of the whole text): try 1 MB too.
const N: usize = 100_000;

fn smaller_size() -> usize {
    match std::env::var("PATHOLOGICAL_BYTES") {
        Ok(n) => n.parse().expect("PATHOLOGICAL_BYTES is a number of bytes"),
        Err(_) => N,
    }
}

/// Each case: a name and the unit repeated to fill the size.
const CASES: &[(&str, &str)] = &[
    ("lowercase_word", "abcdéfghij"),
    ("no_whitespace", "OpenAI1,5M€d'«Jean»-Dupont.PDG(2024)"),
    ("glued_names", "OpenAI"),
    ("digits", "1234567890"),
    ("titles", "M. "),
    (
        "capitalised_words",
        "Jean Dupont Marie Curie Abel Zorn Société Générale ",
    ),
    ("nested_quotes", "« “ ("),
    (
        "unicode_spaces",
        "Jean\u{2009}Dupont\u{a0}a\u{202f}quitté\u{3000}OpenAI\u{2028}",
    ),
    (
        "apostrophes",
        "Jean Dupont a quitté l’entreprise d'OpenAI, dʼAirbus, l＇État, l‘x l´y l`z l′w. ",
    ),
    (
        "right_to_left",
        "أعلنت الشركة \u{202b}Jean Dupont a quitté OpenAI\u{202c} החברה הודיעה. ",
    ),
    (
        "control_characters",
        "Jean\0Dupont\u{1b}[0m\u{7f}\u{85}a quitté\u{1}OpenAI.\r\n",
    ),
    ("surnames", "-Dupont."),
    ("roles", "PDG(2024)"),
    ("money", "1,5M€"),
    ("role_of", "Jean Dupont, PDG de Airbus. "),
];

fn sized(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

fn pathological(c: &mut Criterion) {
    let x = Extractor::new();
    let mut group = c.benchmark_group("pathological");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    let n = smaller_size();
    for &(name, unit) in CASES {
        for size in [n, 4 * n] {
            let text = sized(unit, size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size), &text, |b, t| {
                b.iter(|| black_box(x.extract(black_box(t))))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, pathological);
criterion_main!(benches);
