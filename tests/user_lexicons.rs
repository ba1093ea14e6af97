//! Lexicon and rule files from users are untrusted input (issue #9): each
//! malformed file is a clear error naming the file and line, or a behaviour
//! documented in docs/ROBUSTNESS.md, never a panic.

use frextract::{Extractor, Label};
use std::path::{Path, PathBuf};

/// A fresh directory for one test.
fn tempdir(name: &str) -> PathBuf {
    // Tests run in parallel threads of one process: a counter keeps two
    // directories of the same name apart (one test must not delete another's).
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir =
        std::env::temp_dir().join(format!("frextract-user-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A lexicon directory holding one file.
fn lexicon_dir(name: &str, file: &str, content: &[u8]) -> PathBuf {
    let dir = tempdir(name);
    std::fs::write(dir.join(file), content).unwrap();
    dir
}

fn build(dir: &Path) -> frextract::Result<Extractor> {
    Extractor::builder().lexicon_dir(dir).build()
}

fn build_rules(file: &Path) -> frextract::Result<Extractor> {
    Extractor::builder().rules_file(file).build()
}

/// The texts of the entities of `label` that `x` finds in `text`.
fn found(x: &Extractor, text: &str, label: Label) -> Vec<String> {
    x.extract(text)
        .entities_with(label)
        .map(|e| e.text.clone())
        .collect()
}

fn orgs(x: &Extractor, text: &str) -> Vec<String> {
    found(x, text, Label::Org)
}

const NEW_ORG: &str = "Zorglux\tcompany\n";
// No context of `org_contexts.tsv` (`a rejoint Zorglux` would make it an
// organisation without the user file).
const SENTENCE: &str = "Il a parlé de Zorglux hier.";

#[test]
fn a_user_organisation_is_found() {
    assert_eq!(orgs(&Extractor::new(), SENTENCE), Vec::<String>::new());
    let x = build(&lexicon_dir("plain", "orgs.tsv", NEW_ORG.as_bytes())).unwrap();
    assert_eq!(orgs(&x, SENTENCE), ["Zorglux"]);
}

#[test]
fn a_megabyte_line_is_an_error_naming_file_and_line() {
    let content = format!("# a comment\n{NEW_ORG}{}\tcompany\n", "Z".repeat(1 << 20));
    let dir = lexicon_dir("huge", "orgs.tsv", content.as_bytes());
    let err = build(&dir).unwrap_err().to_string();
    assert!(
        err.contains("orgs.tsv:3:") && err.contains("bytes long"),
        "{err}"
    );
}

#[test]
fn a_megabyte_comment_line_is_skipped() {
    let content = format!("# {}\n{NEW_ORG}", "z".repeat(1 << 20));
    let x = build(&lexicon_dir("huge-comment", "orgs.tsv", content.as_bytes())).unwrap();
    assert_eq!(orgs(&x, SENTENCE), ["Zorglux"]);
}

#[test]
fn duplicate_entries_count_once() {
    let content = NEW_ORG.repeat(3);
    let x = build(&lexicon_dir("dup", "orgs.tsv", content.as_bytes())).unwrap();
    assert_eq!(orgs(&x, SENTENCE), ["Zorglux"]);
    // An entry that repeats an embedded one.
    let x = build(&lexicon_dir(
        "dup-embedded",
        "orgs.tsv",
        b"OpenAI\tcompany\n",
    ))
    .unwrap();
    assert_eq!(orgs(&x, "Il a rejoint OpenAI hier."), ["OpenAI"]);
    let persons = "Zoé Zorglub\tZorglub\nZoé Zorglub\tZorglub\n";
    let x = build(&lexicon_dir(
        "dup-person",
        "persons.tsv",
        persons.as_bytes(),
    ))
    .unwrap();
    assert_eq!(
        found(&x, "Zoé Zorglub parle.", Label::Person),
        ["Zoé Zorglub"]
    );
}

#[test]
fn invalid_utf8_is_an_error_naming_file_and_line() {
    let dir = lexicon_dir("utf8", "orgs.tsv", b"Zorglux\tcompany\nBad\xff\tcompany\n");
    let err = build(&dir).unwrap_err().to_string();
    assert!(
        err.contains("orgs.tsv:2:") && err.contains("UTF-8"),
        "{err}"
    );
}

#[test]
fn empty_files_add_nothing() {
    for content in [&b""[..], b"\n\n", b"# only a comment\n", b"\xef\xbb\xbf"] {
        let x = build(&lexicon_dir("empty", "orgs.tsv", content)).unwrap();
        assert_eq!(
            orgs(&x, "Il a rejoint OpenAI hier."),
            ["OpenAI"],
            "{content:?}"
        );
    }
    // With no embedded lexicons at all, extraction still works.
    let dir = lexicon_dir("none", "orgs.tsv", b"");
    let x = Extractor::builder()
        .lexicon_dir(&dir)
        .no_default_lexicons(true)
        .build()
        .unwrap();
    let text = "Le PDG Sam Altman a quitté OpenAI pour 1,4 milliard de dollars.";
    assert!(x.extract(text).entities.len() < Extractor::new().extract(text).entities.len());
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let content = format!("\u{feff}{NEW_ORG}");
    let x = build(&lexicon_dir("bom", "orgs.tsv", content.as_bytes())).unwrap();
    assert_eq!(orgs(&x, SENTENCE), ["Zorglux"]);
    assert!(x
        .lexicons()
        .orgs
        .iter()
        .all(|o| !o.canonical.contains('\u{feff}')));
    // `@replace` after a byte-order mark still replaces.
    let content = format!("\u{feff}@replace\n{NEW_ORG}");
    let x = build(&lexicon_dir("bom-replace", "orgs.tsv", content.as_bytes())).unwrap();
    assert_eq!(x.lexicons().orgs.len(), 1);
}

#[test]
fn crlf_line_ends_are_read_like_lf() {
    let content = "# Windows\r\nZorglux\tcompany\r\nBiolume SAS\tcompany\tBiolume\r\n";
    let x = build(&lexicon_dir("crlf", "orgs.tsv", content.as_bytes())).unwrap();
    assert_eq!(orgs(&x, SENTENCE), ["Zorglux"]);
    let biolume = x
        .lexicons()
        .orgs
        .iter()
        .find(|o| o.canonical == "Biolume SAS")
        .unwrap();
    assert_eq!(biolume.aliases, ["Biolume"]);
}

/// A rule file of the user's, and the error (or not) it gives.
fn rules(name: &str, content: &[u8]) -> frextract::Result<Extractor> {
    let path = tempdir(name).join("my.rules");
    std::fs::write(&path, content).unwrap();
    build_rules(&path)
}

const RULE: &str = "[zorg/zorgler]\ntype = ZORG\nverb = zorgler\nsubject = person:PERSON\n";

#[test]
fn a_user_rule_fires() {
    let x = rules("plain", RULE.as_bytes()).unwrap();
    let doc = x.extract("Jean Dupont zorgle.");
    assert!(
        doc.events.iter().any(|e| e.kind == "ZORG"),
        "{:?}",
        doc.events
    );
}

#[test]
fn rule_files_bom_crlf_and_empty() {
    let content = format!("\u{feff}{}", RULE.replace('\n', "\r\n"));
    let x = rules("bom-crlf", content.as_bytes()).unwrap();
    let doc = x.extract("Jean Dupont zorgle.");
    assert!(
        doc.events.iter().any(|e| e.kind == "ZORG"),
        "{:?}",
        doc.events
    );
    for empty in [&b""[..], b"\n", b"# nothing\n", b"\xef\xbb\xbf"] {
        rules("empty", empty).unwrap();
    }
}

#[test]
fn rule_files_invalid_utf8_and_duplicates_are_errors_naming_the_line() {
    let err = rules("utf8", b"# ok\n[a/b]\ntype = X\xff\n")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("my.rules:3:") && err.contains("UTF-8"),
        "{err}"
    );
    let twice = format!("{RULE}\n{RULE}");
    let err = rules("dup", twice.as_bytes()).unwrap_err().to_string();
    assert!(
        err.contains("my.rules:6:") && err.contains("used twice"),
        "{err}"
    );
}

#[test]
fn rule_files_with_a_megabyte_line_are_errors_naming_the_line() {
    // Each used to be read: a `verb =` line of a million words took 54 s to
    // compile, and errors quoted the whole line.
    let long_word = "z".repeat(1 << 20);
    for line in [
        format!("verb = {long_word}"),
        format!("verb = {}", "zorgler ".repeat(1 << 17)),
        format!("after = {} ORG -> org", "de ".repeat(1 << 18)),
        format!("type = {}", "Z".repeat(1 << 20)),
        format!("[{long_word}]"),
    ] {
        let content = format!(
            "[zorg/zorgler]\ntype = ZORG\nverb = zorgler\n{line}\nsubject = person:PERSON\n"
        );
        let err = rules("huge", content.as_bytes()).unwrap_err().to_string();
        assert!(
            err.contains("my.rules:4:") && err.contains("bytes long") && err.len() < 500,
            "{}",
            &err[..err.len().min(500)]
        );
    }
    // A long comment is skipped, as in lexicons.
    let content = format!("# {long_word}\n{RULE}");
    rules("huge-comment", content.as_bytes()).unwrap();
}

#[test]
fn a_ten_megabyte_line_is_an_error_in_every_kind_of_file() {
    let huge = "Z".repeat(10 << 20);
    // A file that is one line, without a line end.
    for file in ["orgs.tsv", "persons.tsv", "roles.tsv", "first_names.txt"] {
        let err = build(&lexicon_dir("ten-mb", file, huge.as_bytes()))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("{file}:1:")) && err.contains("bytes long"),
            "{file}: {err}"
        );
    }
    let err = rules("ten-mb", format!("{RULE}verb = {huge}").as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("my.rules:5:") && err.contains("bytes long"),
        "{err}"
    );
}

#[test]
fn duplicates_in_lists_and_roles_count_once() {
    let x = build(&lexicon_dir(
        "dup-names",
        "first_names.txt",
        b"Zorbalde\nZorbalde\n",
    ))
    .unwrap();
    assert_eq!(
        found(&x, "Zorbalde Martin parle.", Label::Person),
        ["Zorbalde Martin"]
    );
    let x = build(&lexicon_dir(
        "dup-roles",
        "roles.tsv",
        "zorgleur\tzorgleuse\nzorgleur\tzorgleuse\n".as_bytes(),
    ))
    .unwrap();
    assert_eq!(
        found(&x, "Le zorgleur de la société parle.", Label::Role),
        ["zorgleur"]
    );
}

/// The command line reads user files through the same builder: each bad
/// file is a usage error (exit status 1) naming the file and line, never a
/// panic, and the behaviours documented for the others hold.
#[test]
fn the_command_line_reports_bad_user_files() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_frextract"))
            .args(["extract", "--quiet"])
            .args(args)
            .arg(tempdir("cli-input").join("none.txt").to_str().unwrap())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!err.contains("panicked"), "{err}");
        (out.status.code(), err)
    };
    let input = tempdir("cli-text");
    let text = input.join("text.txt");
    std::fs::write(&text, SENTENCE).unwrap();
    let huge = format!("{NEW_ORG}{}\tcompany\n", "Z".repeat(10 << 20));
    for (content, line, what) in [
        (huge.as_bytes(), 2, "bytes long"),
        (b"Zorglux\tcompany\nBad\xff\tcompany\n", 2, "UTF-8"),
    ] {
        let dir = lexicon_dir("cli-bad", "orgs.tsv", content);
        let (code, err) = run(&["--lexicons", dir.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{err}");
        assert!(
            err.contains(&format!("orgs.tsv:{line}:")) && err.contains(what),
            "{err}"
        );
    }
    let ten_mb_verb = format!("{RULE}verb = {}\n", "zorgler ".repeat(10 << 17));
    let twice = format!("{RULE}\n{RULE}");
    for (content, line, what) in [
        (ten_mb_verb.as_bytes(), 5, "bytes long"),
        (b"# ok\n[a/b]\ntype = X\xff\n", 3, "UTF-8"),
        (twice.as_bytes(), 6, "used twice"),
    ] {
        let file = tempdir("cli-rules").join("my.rules");
        std::fs::write(&file, content).unwrap();
        let (code, err) = run(&["--rules", file.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{err}");
        assert!(
            err.contains(&format!("my.rules:{line}:")) && err.contains(what),
            "{err}"
        );
    }
    // Duplicates and empty files are read (the organisations found).
    let extract = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_frextract"))
            .args(["extract", "--quiet", "--no-events"])
            .args(args)
            .arg(&text)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let entities = doc["entities"].as_array().unwrap().iter();
        entities
            .filter(|e| e["label"] == "ORG")
            .map(|e| e["text"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let dir = lexicon_dir("cli-dup", "orgs.tsv", NEW_ORG.repeat(3).as_bytes());
    assert_eq!(extract(&["--lexicons", dir.to_str().unwrap()]), ["Zorglux"]);
    let dir = lexicon_dir("cli-empty", "orgs.tsv", b"");
    assert_eq!(
        extract(&["--lexicons", dir.to_str().unwrap()]),
        Vec::<String>::new()
    );
    let file = tempdir("cli-empty-rules").join("my.rules");
    std::fs::write(&file, b"").unwrap();
    assert_eq!(
        extract(&["--rules", file.to_str().unwrap()]),
        Vec::<String>::new()
    );
}
