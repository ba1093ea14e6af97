//! Conformance with Duckling's French money and numeral corpora
//! (`tests/data/duckling/`, BSD; see its README).
//!
//! * Numerals: [`Extractor::parse_number`] must read every phrase to its value.
//! * Money: each phrase, as its own document, must give exactly one MONEY
//!   entity with the expected amount. The SPEC keeps qualifier words out of
//!   the span, so the entity must cover the phrase except a leading
//!   qualifier (`au moins`, `plus de`, `exactement`), which must show in the
//!   amount's `qualifier`.
//!
//! Mapping of Duckling's expectations to the SPEC:
//! * kind `value` → `value`; `interval` → `min`/`max`; `min` (`au moins 10`)
//!   → `value` with qualifier `more_than`; `max` (`moins de 10`) → `value`
//!   with qualifier `less_than`.
//! * Duckling's ambiguous `Dollar` counts as USD and `Pound` as GBP (the
//!   SPEC maps a bare dollar/livre to them); `rial`, `riyal` and `unknown`
//!   (slang) are ambiguous in Duckling itself, so any ISO code is accepted
//!   for them — the value must still be right.
//!
//! Pass rate required: 95 %. Known failures, each explained:
//! * `à peu près 3 pouloutes`: `pouloutes` is slang that no dictionary of
//!   ours lists; we do not guess a currency for unknown words.

use frextract::{Extractor, Label, Qualifier};
use rust_decimal::Decimal;
use serde_json::Value;
use std::str::FromStr;

const KNOWN_MONEY_FAILURES: &[&str] = &["à peu près 3 pouloutes"];

fn lines(path: &str) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn dec(v: &Value) -> Option<Decimal> {
    match v {
        Value::Null => None,
        v => Some(Decimal::from_str(&v.to_string()).unwrap().normalize()),
    }
}

#[test]
fn numerals() {
    let x = Extractor::new();
    let cases = lines("tests/data/duckling/numeral-fr.jsonl");
    let mut failures = Vec::new();
    for case in &cases {
        let text = case["text"].as_str().unwrap();
        let want = dec(&case["value"]).unwrap();
        let got = x.parse_number(text).map(|d| d.normalize());
        if got != Some(want) {
            failures.push(format!("{text:?}: want {want}, got {got:?}"));
        }
    }
    let rate = 1.0 - failures.len() as f64 / cases.len() as f64;
    eprintln!(
        "numerals: {}/{} pass ({:.1} %)",
        cases.len() - failures.len(),
        cases.len(),
        rate * 100.0
    );
    assert!(
        rate >= 0.95,
        "numeral pass rate {:.1} % < 95 %:\n{}",
        rate * 100.0,
        failures.join("\n")
    );
}

/// Why a money phrase fails, or `None` when it passes.
fn check_money(x: &Extractor, case: &Value) -> Option<String> {
    let text = case["text"].as_str().unwrap();
    let doc = x.extract(text);
    let money: Vec<_> = doc.entities_with(Label::Money).collect();
    if money.len() != 1 {
        return Some(format!(
            "{text:?}: {} MONEY entities: {:?}",
            money.len(),
            money.iter().map(|e| &e.text).collect::<Vec<_>>()
        ));
    }
    let e = money[0];
    let a = e.amount.as_ref().unwrap();
    // The entity covers the phrase, but for a leading qualifier and the end.
    let before = text[..e.start].trim();
    let prefix_ok =
        before.is_empty() || a.qualifier.is_some() || ["exactement", "entre"].contains(&before);
    if e.end != text.len() || !prefix_ok {
        return Some(format!(
            "{text:?}: entity {:?} does not cover the phrase",
            e.text
        ));
    }
    let currency = case["currency"].as_str().unwrap();
    let want_currency = match currency {
        "Dollar" => Some("USD"),
        "Pound" => Some("GBP"),
        "rial" | "riyal" | "unknown" => None,
        iso => Some(iso),
    };
    if want_currency.is_some_and(|c| c != a.currency) {
        return Some(format!(
            "{text:?}: currency {} instead of {}",
            a.currency,
            want_currency.unwrap()
        ));
    }
    let (value, min, max) = (dec(&case["value"]), dec(&case["min"]), dec(&case["max"]));
    let norm = |d: Option<Decimal>| d.map(|d| d.normalize());
    let ok = match case["kind"].as_str().unwrap() {
        "value" => norm(a.value) == value && a.min.is_none(),
        "interval" => norm(a.min) == min && norm(a.max) == max,
        "min" => norm(a.value) == min && a.qualifier == Some(Qualifier::MoreThan),
        "max" => norm(a.value) == max && a.qualifier == Some(Qualifier::LessThan),
        k => panic!("unknown kind {k}"),
    };
    (!ok).then(|| format!("{text:?}: amount {a:?} expected {case}"))
}

#[test]
fn money() {
    let x = Extractor::new();
    let cases = lines("tests/data/duckling/money-fr.jsonl");
    let mut failures = Vec::new();
    let mut unexpected = Vec::new();
    for case in &cases {
        if let Some(why) = check_money(&x, case) {
            if !KNOWN_MONEY_FAILURES.contains(&case["text"].as_str().unwrap()) {
                unexpected.push(why.clone());
            }
            failures.push(why);
        }
    }
    let rate = 1.0 - failures.len() as f64 / cases.len() as f64;
    eprintln!(
        "money: {}/{} pass ({:.1} %)",
        cases.len() - failures.len(),
        cases.len(),
        rate * 100.0
    );
    assert!(
        rate >= 0.95,
        "money pass rate {:.1} % < 95 %:\n{}",
        rate * 100.0,
        failures.join("\n")
    );
    assert!(
        unexpected.is_empty(),
        "failures not listed as known:\n{}",
        unexpected.join("\n")
    );
}
