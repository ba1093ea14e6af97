//! The output formats of `frextract extract`: TSV tables, CoNLL, brat
//! standoff. (HTML is checked in a browser: tests/html_browser.rs.)

mod common;

use common::{frextract, records, stderr, tempdir};

const TWO_DOCS: &str = "{\"id\": \"a\\tb\", \"text\": \"Le PDG Sam Altman a quitté OpenAI.\\nIl a rejoint Anthropic, qui a levé 1,4 milliard de dollars.\"}\n\
{\"id\": \"c\", \"text\": \"Christine Lagarde dirige la BCE.\"}\nnot json\n";

fn tsv(table: &str) -> Vec<Vec<String>> {
    let out = frextract(
        &[
            "extract", "--input", "jsonl", "--format", "tsv", "--table", table,
        ],
        TWO_DOCS,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    for r in &rows {
        assert_eq!(
            r.len(),
            rows[0].len(),
            "every row has the header's columns: {r:?}"
        );
    }
    rows
}

#[test]
fn tsv_entities_one_row_each_with_values_and_escaped_fields() {
    let rows = tsv("entities");
    assert_eq!(
        rows[0].join(" "),
        "doc_id entity_id label text canonical value currency qualifier start end char_start char_end source"
    );
    // Header; PDG, Sam Altman, OpenAI, Anthropic, 1,4 milliard de dollars;
    // Christine Lagarde, BCE; the error row.
    assert_eq!(rows.len(), 1 + 5 + 2 + 1, "{rows:?}");
    assert_eq!(rows[1][0], "a\\tb", "a TAB in a field is escaped");
    let money = rows.iter().find(|r| r[2] == "MONEY").unwrap();
    assert_eq!(
        &money[3..8],
        ["1,4 milliard de dollars", "", "1400000000", "USD", ""]
    );
    let lagarde = rows.iter().find(|r| r[3] == "Christine Lagarde").unwrap();
    assert_eq!((lagarde[0].as_str(), lagarde[2].as_str()), ("c", "PERSON"));
    assert_eq!(&lagarde[8..12], ["0", "17", "0", "17"]);
    let error = rows.last().unwrap();
    assert_eq!((error[0].as_str(), error[2].as_str()), ("-:3", "ERROR"));
    assert!(error[3].contains("invalid JSON"));
}

#[test]
fn tsv_events_and_relations() {
    let rows = tsv("events");
    assert_eq!(
        &rows[0][..5],
        ["doc_id", "event", "type", "trigger", "arguments"]
    );
    let departure = rows.iter().find(|r| r[2] == "DEPARTURE").unwrap();
    assert_eq!(departure[3], "quitté");
    // `Il a rejoint Anthropic` in the next sentence is where he went.
    assert_eq!(
        departure[4],
        "destination=Anthropic; org=OpenAI; person=Sam Altman; role=PDG"
    );
    assert_eq!(
        &departure[5..8],
        ["positive", "asserted", "departure/quitter"]
    );
    // Byte 20..27, characters 20..26: `é` is two bytes.
    assert_eq!(&departure[8..12], ["20", "27", "20", "26"]);

    let rows = tsv("relations");
    assert_eq!(&rows[0][..5], ["doc_id", "type", "person", "role", "org"]);
    assert_eq!(
        &rows[1][..8],
        [
            "a\\tb",
            "ROLE_OF",
            "Sam Altman",
            "PDG",
            "OpenAI",
            "e2",
            "e1",
            "e3"
        ]
    );
}

#[test]
fn conll_tokens_with_bio_tags_and_sentences() {
    let out = frextract(
        &["extract", "--input", "jsonl", "--format", "conll"],
        TWO_DOCS,
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let blocks: Vec<&str> = text.split("\n\n").collect();
    assert!(
        blocks[0].starts_with("# id = a b\nLe\tO\nPDG\tB-ROLE\nSam\tB-PERSON\nAltman\tI-PERSON\n"),
        "{text}"
    );
    assert!(
        blocks[1].starts_with("Il\tO\n"),
        "a blank line between sentences: {text}"
    );
    assert!(
        blocks[1].contains("1,4\tB-MONEY\nmilliard\tI-MONEY\nde\tI-MONEY\ndollars\tI-MONEY\n.\tO")
    );
    assert!(blocks[2].starts_with("# id = c\nChristine\tB-PERSON\nLagarde\tI-PERSON\n"));
    assert!(blocks[3].starts_with("# id = -:3\n# error = -:3: invalid JSON"));
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let tag = line
            .split('\t')
            .nth(1)
            .unwrap_or_else(|| panic!("{line:?}"));
        assert!(
            tag == "O" || tag.starts_with("B-") || tag.starts_with("I-"),
            "{line}"
        );
    }
}

/// `frextract extract --input jsonl --format brat --output-dir DIR` on `input`.
fn brat(dir: &std::path::Path, input: &str) -> std::process::Output {
    frextract(
        &[
            "extract",
            "--input",
            "jsonl",
            "--format",
            "brat",
            "--output-dir",
            dir.to_str().unwrap(),
        ],
        input,
    )
}

#[test]
fn brat_standoff_files_per_document() {
    let dir = tempdir("brat");
    let input = format!("{TWO_DOCS}{{\"id\": \"c\", \"text\": \"Airbus\"}}\n");
    let out = brat(&dir, &input);
    assert_eq!(out.status.code(), Some(2));
    let r = records(&out);
    assert_eq!(r.len(), 4, "one line per record");
    assert!(r[0]["ann"].as_str().unwrap().ends_with("a_b.ann"));
    assert!(r[1]["ann"].as_str().unwrap().ends_with("/c.ann"));
    assert!(r[2]["error"].as_str().unwrap().contains("invalid JSON"));
    assert!(
        r[3]["ann"].as_str().unwrap().ends_with("/c-2.ann"),
        "ids sharing a name get their own files"
    );

    let txt = std::fs::read_to_string(dir.join("a_b.txt")).unwrap();
    let ann = std::fs::read_to_string(dir.join("a_b.ann")).unwrap();
    assert!(txt.starts_with("Le PDG Sam Altman"));
    // Every T line's character offsets select its text in the .txt.
    let chars: Vec<char> = txt.chars().collect();
    let mut t_lines = 0;
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (kind_span, text) = (cols[1], cols[2]);
        let mut it = kind_span.split(' ');
        let _kind = it.next();
        let start: usize = it.next().unwrap().parse().unwrap();
        let end: usize = it.next().unwrap().parse().unwrap();
        assert_eq!(chars[start..end].iter().collect::<String>(), text, "{line}");
        t_lines += 1;
    }
    assert_eq!(t_lines, 5 + 3, "5 entities and 3 event triggers:\n{ann}");
    assert!(ann.contains("T2\tPERSON 7 17\tSam Altman\n"), "{ann}");
    assert!(
        ann.contains("\tAnnotatorNotes T5\tvalue: 1400000000 USD\n"),
        "{ann}"
    );
    assert!(ann.contains("R1\tROLE_OF Arg1:T2 Arg2:T1\n"), "{ann}");
    let departure = ann.lines().find(|l| l.starts_with("E1\t")).unwrap();
    assert_eq!(
        departure,
        "E1\tDEPARTURE:T6 destination:T4 org:T3 person:T2 role:T1"
    );
    assert!(
        ann.lines()
            .any(|l| l.starts_with("T4\tORG ") && l.ends_with("\tAnthropic")),
        "{ann}"
    );
    assert!(ann.lines().any(|l| l == "T6\tDEPARTURE 20 26\tquitté"));
}

#[test]
fn brat_gives_a_text_argument_a_text_bound_annotation_of_its_own() {
    let dir = tempdir("brat-text");
    let input =
        "{\"id\": \"s\", \"text\": \"Hélioprim investira 320 M€ dans quatre centrales.\"}\n";
    let out = brat(&dir, input);
    assert_eq!(out.status.code(), Some(0));
    let ann = std::fs::read_to_string(dir.join("s.ann")).unwrap();
    // Character offsets: `é` is one character.
    assert!(
        ann.lines()
            .any(|l| l == "T4\tPurpose 32 48\tquatre centrales"),
        "{ann}"
    );
    let spending = ann.lines().find(|l| l.starts_with("E1\t")).unwrap();
    assert_eq!(spending, "E1\tSPENDING:T3 purpose:T4 amount:T2 org:T1");
}
