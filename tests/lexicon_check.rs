//! `frextract lexicon check DIR`: every bad line of every file is reported
//! as `file:line: message`, exit status 2; a clean directory passes.

mod common;

use common::{frextract, stderr, tempdir};

#[test]
fn every_bad_line_is_reported() {
    let dir = tempdir("check");
    std::fs::write(
        dir.join("orgs.tsv"),
        "# my organisations\nBiolume SAS\tcompany\tBiolume\nBad One\tcompagnie\nGood Two\tcompany\nBad Three\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("roles.tsv"),
        "chef\tcheffe\nbarista\tbaristas\tabbrev\n",
    )
    .unwrap();
    std::fs::write(dir.join("persons.tsv"), b"Jos\xe9 Bov\xe9\n").unwrap();
    std::fs::write(dir.join("colours.tsv"), "red\n").unwrap();
    std::fs::write(
        dir.join("my.rules"),
        "[hire/embaucher]\ntype = HIRE\nverb = embaucher\nsubject = org:ORG\nobject = person:PERSON\n\n\
         [bad/type]\ntype = lowercase\nverb = recruter\n\n\
         [bad/key]\ntype = HIRE\nverb = engager\ncolour = red\n\n\
         [departure/quitter]\ntype = DEPARTURE\nverb = quitter\n",
    )
    .unwrap();
    let out = frextract(&["lexicon", "check", dir.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let has = |file: &str, line: usize, what: &str| {
        lines
            .iter()
            .any(|l| l.contains(&format!("{file}:{line}: ")) && l.contains(what))
    };
    assert!(has("orgs.tsv", 3, "compagnie"), "{text}");
    assert!(has("orgs.tsv", 5, "column"), "{text}");
    assert!(has("roles.tsv", 2, "abbrev"), "{text}");
    assert!(has("persons.tsv", 1, "invalid UTF-8"), "{text}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("colours.tsv") && l.contains("not a frextract lexicon file")),
        "{text}"
    );
    assert!(has("my.rules", 8, "capitals"), "{text}");
    assert!(has("my.rules", 14, "unknown key `colour`"), "{text}");
    assert!(has("my.rules", 16, "already defined"), "{text}");
    assert_eq!(
        lines.len(),
        8,
        "one report per bad line, no cascade: {text}"
    );
    assert!(stderr(&out).contains("8 problem(s)"));
}

#[test]
fn a_clean_directory_passes_and_a_missing_one_is_a_usage_error() {
    let dir = tempdir("check-ok");
    std::fs::write(dir.join("orgs.tsv"), "Biolume SAS\tcompany\tBiolume\n").unwrap();
    let rules = dir.join("extra.rules");
    std::fs::write(
        &rules,
        "[hire/embaucher]\ntype = HIRE\nverb = embaucher\nobject = person:PERSON\n",
    )
    .unwrap();
    let out = frextract(&["lexicon", "check", dir.to_str().unwrap()], "");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        stderr(&out).contains("1 lexicon file(s), 1 rule file(s)"),
        "{}",
        stderr(&out)
    );
    let out = frextract(
        &["lexicon", "check", dir.join("nope").to_str().unwrap()],
        "",
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_megabyte_rule_line_is_one_problem_and_the_rest_is_checked() {
    let dir = tempdir("check-long");
    let rules = format!(
        "[hire/embaucher]\ntype = HIRE\nverb = {}\n\n[bad/type]\ntype = lowercase\nverb = recruter\n",
        "embaucher ".repeat(1 << 17)
    );
    std::fs::write(dir.join("my.rules"), rules).unwrap();
    let out = frextract(&["lexicon", "check", dir.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].contains("my.rules:3: ") && lines[0].contains("bytes long"),
        "{text}"
    );
    assert!(
        lines[1].contains("my.rules:6: ") && lines[1].contains("capitals"),
        "{text}"
    );
}
