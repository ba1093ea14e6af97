//! The invented subset on small hand-made documents.

use super::*;
use crate::eval::{score, Counts};
use serde_json::{json, Value};

/// ASCII only, so byte and char offsets agree.
const TEXT: &str = "Luc Marin rejoint Kelvo, a salue Emmanuel Macron. M. Marin part lundi.";

/// `(start, end)` of the `nth` occurrence of `needle` in [`TEXT`].
fn span(needle: &str, nth: usize) -> (usize, usize) {
    let start = TEXT.match_indices(needle).nth(nth).unwrap().0;
    (start, start + needle.len())
}

fn gold() -> GoldDoc {
    let entity = |needle: &str, nth: usize, label: &str| {
        let (start, end) = span(needle, nth);
        json!({"start": start, "end": end, "label": label})
    };
    serde_json::from_value(json!({
        "id": "d1",
        "text": TEXT,
        "entities": [
            entity("Luc Marin", 0, "PERSON"),
            entity("Kelvo", 0, "ORG"),
            entity("Emmanuel Macron", 0, "PERSON"),
            entity("Marin", 1, "PERSON"),
            entity("lundi", 0, "DATE"),
        ],
        "invented": ["Luc Marin", "Kelvo"]
    }))
    .unwrap()
}

/// A predicted entity on the `nth` `needle`, with its source and canonical.
fn pred(needle: &str, nth: usize, label: &str, source: Option<&str>, canonical: &str) -> Value {
    let (start, end) = span(needle, nth);
    let mut e = json!({"label": label, "char_start": start, "char_end": end,
                       "text": needle, "canonical": canonical});
    if let Some(source) = source {
        e["source"] = json!(source);
    }
    e
}

/// The entities a perfect extractor would give, with plausible sources.
fn perfect() -> Vec<Value> {
    vec![
        pred(
            "Luc Marin",
            0,
            "PERSON",
            Some("rule:first-name"),
            "Luc Marin",
        ),
        pred("Kelvo", 0, "ORG", Some("rule:head-noun"), "Kelvo"),
        pred(
            "Emmanuel Macron",
            0,
            "PERSON",
            Some("gazetteer:persons"),
            "Emmanuel Macron",
        ),
        pred("Marin", 1, "PERSON", Some("coreference"), "Luc Marin"),
        pred("lundi", 0, "DATE", Some("rule:date"), "lundi"),
    ]
}

/// Scores `entities` on the invented subset: (PERSON, ORG) exact counts.
fn invented_scores(entities: Vec<Value>) -> (Counts, Counts) {
    let mut gold = vec![gold()];
    let mut pred = vec![Prediction::from_record(
        &json!({"id": "d1", "entities": entities}),
    )];
    restrict_to_invented(&mut gold, &mut pred);
    let report = score(&gold, &pred, false);
    (report.exact["PERSON"], report.exact["ORG"])
}

fn counts(tp: usize, fp: usize, fn_: usize) -> Counts {
    Counts { tp, fp, fn_ }
}

#[test]
fn a_perfect_prediction_scores_only_the_invented_mentions() {
    // Luc Marin and its short form Marin; Kelvo. Macron and the date are out.
    let (person, org) = invented_scores(perfect());
    assert_eq!(person, counts(2, 0, 0));
    assert_eq!(org, counts(1, 0, 0));
}

#[test]
fn a_missed_invented_name_is_a_false_negative() {
    let mut entities = perfect();
    entities.remove(1);
    let (person, org) = invented_scores(entities);
    assert_eq!(person, counts(2, 0, 0));
    assert_eq!(org, counts(0, 0, 1));
}

#[test]
fn a_wrong_label_or_span_on_an_invented_name_counts_against_both() {
    let mut entities = perfect();
    entities[1] = pred("Kelvo", 0, "PERSON", Some("rule:first-name"), "Kelvo");
    entities[0] = pred("Marin", 0, "PERSON", Some("rule:title"), "Marin");
    let (person, org) = invented_scores(entities);
    assert_eq!(person, counts(1, 2, 1));
    assert_eq!(org, counts(0, 0, 1));
}

/// Scores a perfect prediction plus `extra` entities.
fn perfect_plus(extra: Vec<Value>) -> (Counts, Counts) {
    invented_scores(perfect().into_iter().chain(extra).collect())
}

#[test]
fn a_spurious_name_made_by_a_rule_costs_precision() {
    let (person, org) = perfect_plus(vec![
        pred("rejoint", 0, "ORG", Some("rule:head-noun"), "rejoint"),
        // Other systems' output has no source: it counts too.
        pred("part", 0, "PERSON", None, "part"),
    ]);
    assert_eq!((person, org), (counts(2, 1, 0), counts(1, 1, 0)));
}

#[test]
fn a_spurious_lexicon_match_and_its_copies_are_left_out() {
    let lexicon_match = pred("salue", 0, "ORG", Some("gazetteer:orgs"), "Salue SA");
    let copy = pred("part", 0, "ORG", Some("coreference"), "Salue SA");
    assert_eq!(
        perfect_plus(vec![lexicon_match, copy]),
        (counts(2, 0, 0), counts(1, 0, 0))
    );
}

#[test]
fn a_real_name_is_ignored_whether_found_missed_or_mislabelled() {
    let mut missed = perfect();
    missed.remove(2);
    assert_eq!(invented_scores(missed).0, counts(2, 0, 0));
    let mut mislabelled = perfect();
    mislabelled[2] = pred("Macron", 0, "ORG", Some("rule:acronym"), "Macron");
    assert_eq!(
        invented_scores(mislabelled),
        (counts(2, 0, 0), counts(1, 0, 0))
    );
}

#[test]
fn invented_mentions_are_the_words_of_a_listed_name_in_order() {
    let invented = vec![
        "Jean-Christophe Delorme".to_string(),
        "Kallvik Battery AB".into(),
    ];
    for yes in [
        "Jean-Christophe Delorme",
        "Delorme",
        "jean-christophe",
        "DELORME",
        "Kallvik",
        "Kallvik AB",
    ] {
        assert!(is_invented_mention(yes, &invented), "{yes}");
    }
    for no in [
        "Delorme Jean-Christophe",
        "Christophe Delormes",
        "Battery Kallvik",
        "Jean Dupont",
        "",
    ] {
        assert!(!is_invented_mention(no, &invented), "{no}");
    }
    let accented = vec!["Édouard Delorme".to_string()];
    assert!(is_invented_mention("Edouard", &accented));
}
