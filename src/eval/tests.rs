//! Scoring on small hand-made cases.

use super::*;
use serde_json::json;

fn gold() -> GoldDoc {
    serde_json::from_value(json!({
        "id": "d1",
        "text": "Luc Marin quitte Biolume pour 12 M€ en 2024.",
        "entities": [
            {"start": 0, "end": 9, "label": "PERSON"},
            {"start": 17, "end": 24, "label": "ORG"},
            {"start": 30, "end": 35, "label": "MONEY", "amount": {"value": 12000000, "currency": "EUR"}},
            {"start": 39, "end": 43, "label": "DATE", "iso": "2024"}
        ],
        "events": [{"type": "DEPARTURE", "person": "Luc Marin", "org": "Biolume"}],
        "relations": []
    }))
    .unwrap()
}

fn record(entities: serde_json::Value, events: serde_json::Value) -> Prediction {
    Prediction::from_record(
        &json!({"id": "d1", "entities": entities, "events": events, "relations": []}),
    )
}

fn perfect_entities() -> serde_json::Value {
    json!([
        {"id": "e1", "label": "PERSON", "char_start": 0, "char_end": 9, "text": "Luc Marin", "canonical": "Luc Marin"},
        {"id": "e2", "label": "ORG", "char_start": 17, "char_end": 24, "text": "Biolume"},
        {"id": "e3", "label": "MONEY", "char_start": 30, "char_end": 35, "text": "12 M€", "amount": {"value": 12000000, "currency": "EUR"}},
        {"id": "e4", "label": "DATE", "char_start": 39, "char_end": 43, "text": "2024", "iso": "2024"}
    ])
}

#[test]
fn perfect_prediction_scores_one() {
    let p = record(
        perfect_entities(),
        json!([{"type": "DEPARTURE", "args": {"person": "e1", "org": "e2"}}]),
    );
    let r = score(&[gold()], &[p], true);
    assert_eq!(
        Report::micro(&r.exact),
        Counts {
            tp: 4,
            fp: 0,
            fn_: 0
        }
    );
    assert_eq!(r.money_values, (1, 1));
    assert_eq!(r.date_values, (1, 1));
    assert_eq!(
        r.events["DEPARTURE"],
        Counts {
            tp: 1,
            fp: 0,
            fn_: 0
        }
    );
    assert!(r.errors.is_empty());
    assert_eq!(r.figures()["entities.exact"], 1.0);
}

#[test]
fn empty_prediction_has_zero_recall() {
    let r = score(&[gold()], &[Prediction::default()], true);
    let micro = Report::micro(&r.exact);
    assert_eq!(
        micro,
        Counts {
            tp: 0,
            fp: 0,
            fn_: 4
        }
    );
    assert_eq!(micro.recall(), 0.0);
    assert_eq!(micro.f1(), 0.0);
    assert_eq!(r.events["DEPARTURE"].fn_, 1);
    assert_eq!(r.money_values, (0, 1));
    assert_eq!(
        r.errors
            .iter()
            .filter(|e| e.kind == "false_negative")
            .count(),
        5
    );
}

#[test]
fn shifted_span_counts_for_overlap_not_exact() {
    let mut ents = perfect_entities();
    ents[0]["char_start"] = json!(4); // "Marin" instead of "Luc Marin"
    let r = score(&[gold()], &[record(ents, json!([]))], true);
    assert_eq!(
        r.exact["PERSON"],
        Counts {
            tp: 0,
            fp: 1,
            fn_: 1
        }
    );
    assert_eq!(
        r.overlap["PERSON"],
        Counts {
            tp: 1,
            fp: 0,
            fn_: 0
        }
    );
    let fneg = r
        .errors
        .iter()
        .find(|e| e.kind == "false_negative" && e.what == "PERSON")
        .unwrap();
    assert_eq!(fneg.text, "Luc Marin");
    assert!(fneg.context.contains("[Luc Marin]"));
}

#[test]
fn wrong_money_value_keeps_the_span_but_loses_value_accuracy() {
    let mut ents = perfect_entities();
    ents[2]["amount"] = json!({"value": 12, "currency": "EUR"});
    let r = score(&[gold()], &[record(ents.clone(), json!([]))], false);
    assert_eq!(r.exact["MONEY"].tp, 1);
    assert_eq!(r.money_values, (0, 1));
    ents[2]["amount"] = json!({"value": 12000000, "currency": "USD"});
    assert_eq!(
        score(&[gold()], &[record(ents, json!([]))], false).money_values,
        (0, 1)
    );
}

#[test]
fn events_need_every_gold_argument_but_not_more() {
    let extra = json!([{"type": "DEPARTURE", "args": {"person": "e1", "org": "e2", "date": "e4"}}]);
    let r = score(&[gold()], &[record(perfect_entities(), extra)], false);
    assert_eq!(
        r.events["DEPARTURE"].tp, 1,
        "extra arguments are not penalised"
    );
    let wrong = json!([{"type": "DEPARTURE", "args": {"person": "e1"}}]);
    let r = score(&[gold()], &[record(perfect_entities(), wrong)], false);
    assert_eq!(
        r.events["DEPARTURE"],
        Counts {
            tp: 0,
            fp: 1,
            fn_: 1
        }
    );
}

#[test]
fn a_text_argument_is_compared_by_its_words() {
    let mut g = gold();
    g.events = vec![serde_json::from_value(
        json!({"type": "SPENDING", "org": "Biolume", "purpose": "Rénovation du site"}),
    )
    .unwrap()];
    let spending = |words: &str| {
        json!([{"type": "SPENDING", "args": {"org": "e2", "purpose":
            {"text": words, "start": 0, "end": 3, "char_start": 0, "char_end": 3}}}])
    };
    let r = score(
        &[g.clone()],
        &[record(perfect_entities(), spending("rénovation du site"))],
        false,
    );
    assert_eq!(r.events["SPENDING"].tp, 1);
    let r = score(
        &[g],
        &[record(perfect_entities(), spending("rénovation"))],
        false,
    );
    assert_eq!(r.events["SPENDING"].tp, 0);
}

#[test]
fn event_arguments_compare_case_insensitively_and_lists_as_sets() {
    let g: Map<String, Value> = serde_json::from_value(
        json!({"type": "LAWSUIT", "plaintiff": "Elon Musk", "defendant": ["OpenAI", "Sam Altman"]}),
    )
    .unwrap();
    let p: Map<String, Value> = serde_json::from_value(
        json!({"type": "LAWSUIT", "plaintiff": "elon musk", "defendant": ["Sam Altman", "OpenAI"]}),
    )
    .unwrap();
    assert!(item_matches(&g, &p, &BTreeMap::new()));
    let amount_g: Map<String, Value> = serde_json::from_value(
        json!({"type": "LOSS", "amount": {"value": 1400000000, "currency": "USD"}}),
    )
    .unwrap();
    let amount_p: Map<String, Value> = serde_json::from_value(json!({"type": "LOSS", "amount": {"value": 1.4e9, "currency": "USD", "qualifier": "approx"}})).unwrap();
    assert!(
        item_matches(&amount_g, &amount_p, &BTreeMap::new()),
        "amounts compare on the fields the gold gives"
    );
}

#[test]
fn floors_report_only_figures_below_them() {
    let p = record(perfect_entities(), json!([]));
    let r = score(&[gold()], &[p], false);
    let floors: BTreeMap<String, f64> = [
        ("entities.exact".to_string(), 0.99),
        ("events".to_string(), 0.5),
        ("no.such.figure".to_string(), 0.1),
    ]
    .into();
    let below = below_floors(&r, &floors);
    let names: Vec<&str> = below.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(names, ["events", "no.such.figure"]);
}

#[test]
fn an_argument_may_name_its_entity_by_any_of_its_names_in_the_document() {
    let g: Map<String, Value> = serde_json::from_value(
        json!({"type": "ROLE_OF", "person": "Laure Dumas", "role": "président", "org": "Autorité de régulation des télécoms"}),
    )
    .unwrap();
    let p: Map<String, Value> = serde_json::from_value(
        json!({"type": "ROLE_OF", "person": "Laure Dumas", "role": "président", "org": "ARCT"}),
    )
    .unwrap();
    // Without the document's names, a canonical acronym is another name…
    assert!(!item_matches(&g, &p, &BTreeMap::new()));
    // …with them, the full name written in the text is the same entity.
    let mut names = BTreeMap::new();
    names.insert(
        "arct".to_string(),
        BTreeSet::from([
            "arct".to_string(),
            "autorité de régulation des télécoms".to_string(),
        ]),
    );
    assert!(item_matches(&g, &p, &names));
    // Another entity is still wrong.
    let unrelated: Map<String, Value> = serde_json::from_value(
        json!({"type": "ROLE_OF", "person": "Laure Dumas", "role": "président", "org": "Orange"}),
    )
    .unwrap();
    assert!(!item_matches(&g, &unrelated, &names));
}
