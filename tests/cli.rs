//! The `frextract` command line, end to end.

mod common;

use common::{frextract, records, tempdir};
use serde_json::Value;
use std::process::Command;

#[test]
fn plain_text_from_stdin() {
    let out = frextract(&["extract"], "Le PDG Sam Altman a quitté OpenAI.");
    assert!(out.status.success());
    let r = records(&out);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0]["id"], "-");
    let labels: Vec<&str> = r[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["ROLE", "PERSON", "ORG"]);
    let person = &r[0]["entities"][1];
    assert_eq!(
        (person["start"].as_u64(), person["char_start"].as_u64()),
        (Some(7), Some(7))
    );
    assert_eq!(person["text"], "Sam Altman");
    assert_eq!(person["source"], "gazetteer:persons");
}

#[test]
fn jsonl_keeps_order_ids_and_other_fields() {
    let input: String = (0..600)
        .map(|i| format!("{{\"doc\": \"d{i}\", \"body\": \"Luc Marin a rejoint Airbus le {i}.\", \"source\": \"afp\"}}\n"))
        .collect();
    let out = frextract(
        &[
            "extract",
            "--input",
            "jsonl",
            "--id-field",
            "doc",
            "--text-field",
            "body",
            "--threads",
            "2",
        ],
        &input,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = records(&out);
    assert_eq!(r.len(), 600);
    for (i, rec) in r.iter().enumerate() {
        assert_eq!(rec["id"], format!("d{i}"));
        assert_eq!(rec["source"], "afp");
        assert!(rec.get("body").is_none(), "the text is not repeated");
        assert_eq!(rec["entities"][0]["text"], "Luc Marin");
    }
}

#[test]
fn pretty_json_format() {
    let out = frextract(&["extract", "--format", "json"], "Airbus recrute.");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\n  \"entities\""), "{text}");
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["entities"][0]["text"], "Airbus");
}

#[test]
fn text_files_and_directories() {
    let dir = tempdir("files");
    std::fs::write(dir.join("a.txt"), "Christine Lagarde dirige la BCE.").unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("sub/b.jsonl"),
        "{\"id\": \"b1\", \"text\": \"Xavier Niel\"}\n{\"id\": \"b2\", \"text\": \"Iliad\"}\n",
    )
    .unwrap();
    std::fs::write(dir.join("ignored.csv"), "x").unwrap();
    let out = frextract(&["extract", dir.to_str().unwrap()], "");
    assert!(out.status.success());
    let ids: Vec<String> = records(&out)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids[0].ends_with("a.txt"));
    assert_eq!(&ids[1..], ["b1", "b2"]);
}

#[test]
fn relative_dates_use_the_document_date() {
    let input = "{\"id\": 1, \"date\": \"2024-08-06\", \"text\": \"Il est parti l'année dernière.\"}\n{\"id\": 2, \"text\": \"Il est parti l'année dernière.\"}\n";
    let r = records(&frextract(&["extract", "--input", "jsonl"], input));
    assert_eq!(r[0]["entities"][0]["iso"], "2023");
    assert_eq!(r[0]["entities"][0]["relative"], true);
    assert!(r[1]["entities"][0].get("iso").is_none());
    let r = records(&frextract(
        &["extract", "--input", "jsonl", "--date", "2020-01-15"],
        input,
    ));
    assert_eq!(r[1]["entities"][0]["iso"], "2019");
}

#[test]
fn bad_records_give_error_records_and_status_2() {
    let input = "{\"id\": \"ok\", \"text\": \"Airbus\"}\nnot json\n{\"id\": \"notext\"}\n{\"id\": \"ok2\", \"text\": \"Renault\"}\n";
    let out = frextract(&["extract", "--input", "jsonl"], input);
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out);
    assert_eq!(r.len(), 4, "one record out per record in");
    assert_eq!(r[0]["id"], "ok");
    assert!(r[1]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(r[2]["id"], "notext");
    assert!(r[2]["error"].as_str().unwrap().contains("\"text\""));
    assert_eq!(r[3]["id"], "ok2");
}

#[test]
fn user_lexicons_add_entries_and_bad_lines_are_reported() {
    let dir = tempdir("lex");
    std::fs::write(dir.join("orgs.tsv"), "Biolume SAS\tcompany\tBiolume\t\n").unwrap();
    let out = frextract(
        &["extract", "--lexicons", dir.to_str().unwrap()],
        "Les ventes de Biolume progressent.",
    );
    assert!(out.status.success());
    let e = &records(&out)[0]["entities"][0];
    assert_eq!(
        (e["text"].as_str(), e["canonical"].as_str()),
        (Some("Biolume"), Some("Biolume SAS"))
    );

    std::fs::write(dir.join("orgs.tsv"), "Biolume SAS\tcompagnie\n").unwrap();
    let out = frextract(&["extract", "--lexicons", dir.to_str().unwrap()], "x");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("orgs.tsv:1:") && err.contains("compagnie"),
        "{err}"
    );
}

#[test]
fn labels_option_filters_the_output() {
    let out = frextract(
        &["extract", "--labels", "MONEY"],
        "Luc Marin a levé 12 M€ pour Biolume.",
    );
    let r = records(&out);
    let labels: Vec<&str> = r[0]["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["MONEY"]);
    let out = frextract(&["extract", "--labels", "PLANET"], "x");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn help_shows_examples() {
    let out = Command::new(env!("CARGO_BIN_EXE_frextract"))
        .arg("--help")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Examples:") && text.contains("frextract extract"),
        "{text}"
    );
}

#[test]
fn eval_subset_invented_scores_only_invented_names() {
    let dir = tempdir("subset-invented");
    let text = "Le PDG Luc Marin a quitté Airbus. Emmanuel Macron a salué M. Marin.";
    // The last occurrence: `Marin` is the one after `M.`.
    let at = |needle: &str| text[..text.rfind(needle).unwrap()].chars().count();
    let entity = |needle: &str, label: &str| {
        let start = at(needle);
        serde_json::json!({"start": start, "end": start + needle.chars().count(), "label": label})
    };
    let gold = serde_json::json!({
        "id": "d1", "text": text,
        "entities": [entity("Luc Marin", "PERSON"), entity("Airbus", "ORG"),
                     entity("Emmanuel Macron", "PERSON"), entity("Marin", "PERSON")],
        "invented": ["Luc Marin"]
    });
    let path = dir.join("d1.gold.jsonl");
    std::fs::write(&path, format!("{gold}\n")).unwrap();
    let out = frextract(
        &[
            "eval",
            "--subset",
            "invented",
            "--json",
            path.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let exact = &report["exact"];
    // Gold: Luc Marin and Marin; Macron (real) and Airbus (lexicon) are out.
    let person = &exact["PERSON"];
    assert_eq!(
        person["tp"].as_u64().unwrap() + person["fn_"].as_u64().unwrap(),
        2
    );
    assert_eq!(
        exact["ORG"],
        serde_json::json!({"tp": 0, "fp": 0, "fn_": 0})
    );
    assert_eq!(report["events"], serde_json::json!({}));

    // Gold files without invented names: a clear error, not empty scores.
    std::fs::write(&path, format!("{{\"id\": \"d1\", \"text\": \"{text}\"}}\n")).unwrap();
    let out = frextract(
        &["eval", "--subset", "invented", path.to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(common::stderr(&out).contains("no gold document lists invented names"));
}
