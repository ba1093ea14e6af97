use super::*;

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("frextract-lex-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("tokenizer")).unwrap();
    dir
}

#[test]
fn embedded_lexicons_load() {
    let lex = Lexicons::embedded().unwrap();
    assert!(lex
        .currencies
        .iter()
        .any(|c| c.form == "€" && c.iso == "EUR"));
    assert!(lex
        .scales
        .iter()
        .any(|s| s.form == "billion" && s.exponent == 12));
    assert!(lex.elisions.contains(&"jusqu".to_string()));
}

#[test]
fn user_files_add_to_the_defaults() {
    let dir = tempdir("add");
    std::fs::write(
        dir.join("orgs.tsv"),
        "# mine\nBiolume SAS\tcompany\tBiolume\t\n",
    )
    .unwrap();
    let lex = Lexicons::load(Some(&dir), false).unwrap();
    assert!(lex
        .orgs
        .iter()
        .any(|o| o.canonical == "Biolume SAS" && o.aliases == ["Biolume"]));
    assert!(
        lex.currencies.len() > 50,
        "defaults of other files are kept"
    );
    let embedded = Lexicons::embedded().unwrap();
    assert_eq!(lex.orgs.len(), embedded.orgs.len() + 1);
}

#[test]
fn replace_directive_drops_the_defaults_of_that_file() {
    let dir = tempdir("replace");
    std::fs::write(dir.join("currencies.tsv"), "@replace\n¤\tXXX\tsymbol\n").unwrap();
    let lex = Lexicons::load(Some(&dir), false).unwrap();
    assert_eq!(lex.currencies.len(), 1);
    assert!(!lex.scales.is_empty());
}

#[test]
fn bad_lines_name_file_and_line() {
    let dir = tempdir("bad");
    std::fs::write(dir.join("orgs.tsv"), "Good\tcompany\n\nBad\tplanet\n").unwrap();
    let err = Lexicons::load(Some(&dir), false).unwrap_err().to_string();
    assert!(err.contains("orgs.tsv:3:"), "{err}");
    assert!(
        err.contains("unknown organisation kind \"planet\""),
        "{err}"
    );

    std::fs::write(dir.join("orgs.tsv"), "ok\tcompany\n").unwrap();
    std::fs::write(dir.join("currencies.tsv"), "x\teuro\tname\n").unwrap();
    let err = Lexicons::load(Some(&dir), false).unwrap_err().to_string();
    assert!(
        err.contains("currencies.tsv:1:") && err.contains("ISO 4217"),
        "{err}"
    );

    // `none` is an exception to a word ending, never a whole word.
    std::fs::write(
        dir.join("currencies.tsv"),
        "EUR	euro	name
",
    )
    .unwrap();
    std::fs::write(
        dir.join("event_cues.tsv"),
        "-rait	hypothetical
mot	none
",
    )
    .unwrap();
    let err = Lexicons::load(Some(&dir), false).unwrap_err().to_string();
    assert!(
        err.contains("event_cues.tsv:2:") && err.contains("only for a word ending"),
        "{err}"
    );

    // An org context verb must be an infinitive; kinds are checked.
    std::fs::write(dir.join("event_cues.tsv"), "pas\tnegation\n").unwrap();
    for (line, expected) in [
        ("rachète\tobject\n", "is not an infinitive"),
        ("auprès de\tsomewhere\n", "unknown kind \"somewhere\""),
        ("vient de\tauxiliary\n", "one word a line"),
    ] {
        std::fs::write(dir.join("org_contexts.tsv"), line).unwrap();
        let err = Lexicons::load(Some(&dir), false).unwrap_err().to_string();
        assert!(
            err.contains("org_contexts.tsv:1:") && err.contains(expected),
            "{line:?}: {err}"
        );
    }
}

#[test]
fn the_first_bad_file_in_reading_order_is_reported() {
    // Files are split into lines in parallel, but the error must be the one
    // reading them in order gives, whether a line has the wrong columns
    // (found when splitting) or a wrong value (found when adding it).
    let dir = tempdir("order");
    std::fs::write(dir.join("orgs.tsv"), "Bad\tplanet\n").unwrap();
    std::fs::write(dir.join("currencies.tsv"), "too\tfew\n").unwrap();
    let err = Lexicons::load(Some(&dir), false).unwrap_err().to_string();
    assert!(
        err.contains("orgs.tsv:1:") && err.contains("planet"),
        "{err}"
    );

    std::fs::write(dir.join("orgs.tsv"), "one column only\n").unwrap();
    std::fs::write(dir.join("currencies.tsv"), "x\teuro\tname\n").unwrap();
    let err = Lexicons::load(Some(&dir), false).unwrap_err().to_string();
    assert!(
        err.contains("orgs.tsv:1:") && err.contains("column"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_and_unknown_files_are_errors() {
    let dir = tempdir("utf8");
    std::fs::write(dir.join("places.txt"), b"Paris\n\xff\xfe\n").unwrap();
    let err = Lexicons::load(Some(&dir), false).unwrap_err().to_string();
    assert!(
        err.contains("places.txt:2:") && err.contains("UTF-8"),
        "{err}"
    );

    let dir = tempdir("unknown");
    std::fs::write(dir.join("org.tsv"), "x\tcompany\n").unwrap();
    let err = Lexicons::load(Some(&dir), false).unwrap_err().to_string();
    assert!(err.contains("org.tsv") && err.contains("orgs.tsv"), "{err}");
}

#[test]
fn missing_directory_is_an_error() {
    let err = Lexicons::load(Some(Path::new("/nonexistent/frextract")), false).unwrap_err();
    assert!(err.to_string().contains("/nonexistent/frextract"));
}

#[test]
fn an_org_suffix_may_give_the_kind_it_marks() {
    let dir = tempdir("suffix-kind");
    std::fs::write(dir.join("org_suffixes.txt"), "Fonderie\nAmorce\tfund\n").unwrap();
    let lex = Lexicons::load(Some(&dir), false).unwrap();
    assert_eq!(lex.org_suffixes.len(), lex.org_suffix_kinds.len());
    let kind = |suffix: &str| {
        let at = lex.org_suffixes.iter().rposition(|s| s == suffix).unwrap();
        lex.org_suffix_kinds[at].clone()
    };
    assert_eq!(kind("Amorce").as_deref(), Some("fund"));
    assert_eq!(kind("Fonderie"), None);
    // The embedded file marks the names of funds.
    assert_eq!(kind("Ventures").as_deref(), Some("fund"));
    assert_eq!(kind("SA"), None);
}
