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
    out.reserve(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if !c.is_ascii_whitespace() {
                out.push(c.to_ascii_lowercase());
            }
        } else if let Some(folded) = latin_fold(c) {
            out.push_str(folded);
        } else {
            fold_char(c, out);
        }
    }
}

/// Appends the folded form of the non-ASCII character `c`.
fn fold_char(c: char, out: &mut String) {
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

/// The first character of the table of [`latin_fold`].
const LATIN_FIRST: u32 = 0x80;
/// One past the last character of the table of [`latin_fold`]: Latin-1,
/// Latin Extended-A and B, where French accented letters are.
const LATIN_END: u32 = 0x250;

/// The folded form of a character of `U+0080..U+0250`, from a table that
/// [`fold_char`] fills once: accented letters are most of the non-ASCII
/// characters of French text, and the table spares them the Unicode and
/// transliteration look-ups.
pub(crate) fn latin_fold(c: char) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let k = (c as u32).checked_sub(LATIN_FIRST)?;
    if k >= LATIN_END - LATIN_FIRST {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        (LATIN_FIRST..LATIN_END)
            .map(|u| {
                let mut folded = String::new();
                if let Some(c) = char::from_u32(u) {
                    fold_char(c, &mut folded);
                }
                folded
            })
            .collect()
    });
    Some(&table[k as usize])
}

/// The folded form of `s` as a new string (for building lexicons; the
/// per-document path uses [`fold_into`] with a reused buffer).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// `s` in lowercase, exactly as [`str::to_lowercase`] writes it, borrowed
/// when that would change nothing: canonical forms of roles and most
/// trigger words are lowercase already, and the callers compare or key by
/// them many times per document.
pub(crate) fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(lowers_to_itself) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// [`lowercase`] of an owned string: `s` itself when it is lowercase.
pub(crate) fn into_lowercase(s: String) -> String {
    if s.chars().all(lowers_to_itself) {
        s
    } else {
        s.to_lowercase()
    }
}

/// Whether `c` is its own lowercase. (`str::to_lowercase` lowers every
/// character as `char::to_lowercase` does but a capital sigma, which is not
/// its own lowercase either.) ASCII and the lowercase half of Latin-1
/// (`ß` to `ÿ`, with `÷`), most of French text, are told without the
/// Unicode tables.
fn lowers_to_itself(c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_uppercase()
    } else {
        ('\u{DF}'..='\u{FF}').contains(&c) || c.to_lowercase().eq(std::iter::once(c))
    }
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
    fn latin_table_folds_like_the_character_rules() {
        for u in LATIN_FIRST..LATIN_END {
            let c = char::from_u32(u).expect("no surrogates here");
            let mut slow = String::new();
            fold_char(c, &mut slow);
            assert_eq!(latin_fold(c), Some(slow.as_str()), "{c:?}");
        }
        assert_eq!(latin_fold('\u{7F}'), None);
        assert_eq!(latin_fold('\u{250}'), None);
        assert_eq!(fold("Œuvre À Bientôt Ærø ß"), "oeuvreabientotaeross");
    }

    #[test]
    fn keeps_symbols_and_unknown_scripts() {
        assert_eq!(fold("€"), "€");
        assert!(!fold("Москва").is_empty());
    }

    #[test]
    fn lowercase_is_str_to_lowercase() {
        // Every character alone, then beside others: a capital sigma lowers
        // by its place in the word.
        for u in 0..=0x10FFFF {
            let Some(c) = char::from_u32(u) else { continue };
            let s = c.to_string();
            let low = lowercase(&s);
            assert_eq!(low, s.to_lowercase(), "{c:?}");
            assert_eq!(
                matches!(low, std::borrow::Cow::Borrowed(_)),
                s.to_lowercase() == s,
                "{c:?}"
            );
        }
        for s in [
            "directeur général",
            "Directeur Général",
            "ΟΔΟΣ",
            "Σ",
            "aΣ b",
            "ς",
            "×÷ßÿ",
            "ÀÖØÞ",
            "İstanbul",
            "ǅ",
            "",
        ] {
            assert_eq!(lowercase(s), s.to_lowercase(), "{s:?}");
            assert_eq!(into_lowercase(s.to_string()), s.to_lowercase(), "{s:?}");
        }
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
