//! The matching form of text: what two spellings of one word have in common.
//!
//! French news writes the same name with and without accents (`Société
//! Générale`, `Societe Generale`), with straight or curly apostrophes
//! (`l'AMF`, `l’AMF`) and in any case. Lexicon lookups compare *folded*
//! forms: lowercase, accents and ligatures removed, every apostrophe as `'`,
//! every hyphen as `-`, no whitespace. Case is checked separately, on the
//! original text, where it matters (proper names).

/// Appends the folded form of `s` to `out`.
///
/// ```
/// let mut out = String::new();
/// frextract::normalize::fold_into("L’Œuvre Générale", &mut out);
/// assert_eq!(out, "l'oeuvregenerale");
/// ```
pub fn fold_into(s: &str, out: &mut String) {
    // Fast path: plain ASCII without whitespace, the common case.
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_whitespace()) {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        if c.is_ascii() {
            if !c.is_ascii_whitespace() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}' | '\u{00B4}' => out.push('\''),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            c if c.is_whitespace() => {}
            c if c.is_alphabetic() => match deunicode::deunicode_char(c) {
                Some(ascii) if !ascii.is_empty() => {
                    for a in ascii.chars().filter(|a| !a.is_whitespace()) {
                        out.push(a.to_ascii_lowercase());
                    }
                }
                _ => out.extend(c.to_lowercase()),
            },
            c => out.push(c),
        }
    }
}

/// The folded form of `s` as a new string (for building lexicons; the
/// per-document path uses [`fold_into`] with a reused buffer).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Whether `c` is an apostrophe, straight or typographic.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{FF07}')
}

/// Whether `c` separates groups of thousands in a French number
/// (space, no-break space, narrow no-break space, thin space).
pub fn is_thousands_space(c: char) -> bool {
    matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

/// Whether the first letter of `s` is uppercase.
pub fn starts_upper(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => s.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Whether `s` has at least two letters and no lowercase letter (`SNCF`, `DUPONT`).
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_apostrophes() {
        assert_eq!(fold("Société Générale"), "societegenerale");
        assert_eq!(fold("d’OpenAI"), "d'openai");
        assert_eq!(fold("ŒUVRE"), "oeuvre");
        assert_eq!(fold("1\u{202F}400"), "1400");
    }

    #[test]
    fn keeps_symbols_and_unknown_scripts() {
        assert_eq!(fold("€"), "€");
        assert!(!fold("Москва").is_empty());
    }

    #[test]
    fn case_predicates() {
        assert!(starts_upper("Écho"));
        assert!(!starts_upper("écho"));
        assert!(is_all_caps("DUPONT"));
        assert!(is_all_caps("L'ÉQUIPE"));
        assert!(!is_all_caps("A"));
        assert!(!is_all_caps("Dupont"));
    }
}
