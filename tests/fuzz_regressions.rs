//! Inputs that crashed a fuzz target (`fuzz/`, `scripts/fuzz.sh`), replayed
//! through what both targets check: every file of `fuzz/regressions/` (named
//! after the target that found it) must give a valid document, and the
//! number readers must not panic on it. Each bug fixed also has a named test.

mod invariants;

use frextract::recognize::number::parse_digits;
use invariants::extract_checked;

#[test]
fn every_regression_input_passes_both_targets() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue; // the targets skip invalid UTF-8 too
        };
        extract_checked(text);
        let _ = invariants::extractor().parse_number(text);
        let _ = parse_digits(text);
        count += 1;
    }
    assert!(count >= 1, "no regression input in {}", dir.display());
}

/// `fuzz/regressions/money-empty`: reading a number in an empty phrase
/// indexed the first of no tokens.
#[test]
fn parse_number_of_nothing_is_none() {
    let x = invariants::extractor();
    for phrase in ["", " ", "\n\t", "\u{a0}"] {
        assert_eq!(x.parse_number(phrase), None, "{phrase:?}");
    }
    assert_eq!(x.parse_number(" 12 ").unwrap().to_string(), "12");
}
