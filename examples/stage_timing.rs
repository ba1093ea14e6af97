//! Times each pipeline stage over a JSONL file of documents, one thread:
//! where does the time go?
//!
//! ```sh
//! cargo run --release --example stage_timing -- docs.jsonl
//! ```

use frextract::resources::Resources;
use frextract::tokenize::tokenize;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: stage_timing FILE.jsonl");
    let texts: Vec<String> = std::fs::read_to_string(&path)
        .expect("readable file")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mb = bytes as f64 / 1e6;
    let t = Instant::now();
    let res = Resources::build(frextract::lexicon::Lexicons::embedded().unwrap()).unwrap();
    println!("build: {:?}", t.elapsed());
    let rate = |name: &str, t: Instant| {
        println!("{name:<22} {:>8.1} MB/s", mb / t.elapsed().as_secs_f64())
    };

    let t = Instant::now();
    let mut n = 0;
    for s in &texts {
        n +=
            unicode_segmentation::UnicodeSegmentation::split_word_bound_indices(s.as_str()).count();
    }
    rate("uax29 word bounds", t);
    let t = Instant::now();
    let toks: Vec<_> = texts.iter().map(|s| tokenize(s, &res.tokenizer)).collect();
    rate("tokenize", t);
    let t = Instant::now();
    let mut hits = 0;
    for tk in &toks {
        hits += res.gazetteer.find(tk).all().len();
    }
    rate("gazetteer", t);
    let x = frextract::Extractor::new();
    let t = Instant::now();
    let mut ents = 0;
    for s in &texts {
        ents += x.extract(s).entities.len();
    }
    rate("extract (all stages)", t);
    let t = Instant::now();
    let mut out = 0;
    for s in &texts {
        out += serde_json::to_vec(&x.extract(s).entities).unwrap().len();
    }
    rate("extract + JSON", t);
    println!(
        "{} docs, {mb:.1} MB, {n} segments, {hits} hits, {ents} entities, {out} bytes",
        texts.len()
    );
}
