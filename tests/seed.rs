//! End to end on the seed article: the `frextract` binary against the gold
//! annotations of `corpus/seed/` (copied from the project's shared seed).
//! PERSON and ORG exact-match F1 must each be at least 0.90.

use serde_json::Value;
use std::collections::BTreeSet;
use std::process::Command;

const ARTICLE: &str = "corpus/seed/openai-departures.fr.txt";
const GOLD: &str = "corpus/seed/openai-departures.gold.jsonl";

type Span = (usize, usize, String);

fn gold_spans(label: &str) -> (String, BTreeSet<Span>) {
    let line = std::fs::read_to_string(GOLD).expect("seed gold");
    let gold: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    let text = gold["text"].as_str().unwrap().to_string();
    let chars: Vec<char> = text.chars().collect();
    let spans = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["label"] == label)
        .map(|e| {
            let (s, t) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            (s, t, chars[s..t].iter().collect())
        })
        .collect();
    (text, spans)
}

fn predicted(label: &str) -> BTreeSet<Span> {
    let out = Command::new(env!("CARGO_BIN_EXE_frextract"))
        .args(["extract", ARTICLE])
        .output()
        .expect("run frextract");
    assert!(
        out.status.success(),
        "frextract failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record: Value = serde_json::from_slice(&out.stdout).expect("one JSON record");
    record["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["label"] == label)
        .map(|e| {
            (
                e["char_start"].as_u64().unwrap() as usize,
                e["char_end"].as_u64().unwrap() as usize,
                e["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn check(label: &str) {
    let (text, gold) = gold_spans(label);
    assert_eq!(
        text,
        std::fs::read_to_string(ARTICLE).unwrap(),
        "the seed text and its gold agree"
    );
    let pred = predicted(label);
    let tp = gold.intersection(&pred).count() as f64;
    let precision = if pred.is_empty() {
        0.0
    } else {
        tp / pred.len() as f64
    };
    let recall = if gold.is_empty() {
        0.0
    } else {
        tp / gold.len() as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    let missed: Vec<&Span> = gold.difference(&pred).collect();
    let spurious: Vec<&Span> = pred.difference(&gold).collect();
    eprintln!(
        "{label}: P={precision:.3} R={recall:.3} F1={f1:.3} (gold {}, predicted {})",
        gold.len(),
        pred.len()
    );
    assert!(
        f1 >= 0.90,
        "{label} exact F1 {f1:.3} < 0.90\nmissed: {missed:#?}\nspurious: {spurious:#?}"
    );
}

#[test]
fn seed_person_f1() {
    check("PERSON");
}

#[test]
fn seed_org_f1() {
    check("ORG");
}
