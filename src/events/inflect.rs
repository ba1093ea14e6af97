//! Every inflected form of a trigger verb, from its infinitive, with the
//! tense of each form (a future form makes an event `planned`, a
//! conditional one `hypothetical`).
//!
//! Regular verbs take the endings of `conjugation.tsv`; the spelling changes
//! of the first group are applied here (`lancer` → `lançons`, `limoger` →
//! `limogeons`, `lever` → `lève`, `succéder` → `succède`, `renvoyer` →
//! `renvoie`). Irregular verbs are listed whole in `verb_forms.tsv`.

use crate::lexicon::Lexicons;

/// The tense of a form, as far as modality cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    /// Future: an announced event.
    Future,
    /// Conditional: a hypothetical one.
    Conditional,
    /// Past participle: may be passive (`a été licencié`).
    PastParticiple,
    /// A noun trigger (`départ`, `chiffre d'affaires`): its complements
    /// come before the clause's subject when slots are filled.
    Noun,
    /// Anything else.
    Other,
}

fn tense_of(tag: &str) -> Tense {
    match tag {
        "fut" => Tense::Future,
        "cond" => Tense::Conditional,
        "pp" => Tense::PastParticiple,
        _ => Tense::Other,
    }
}

/// The forms of `infinitive` (the infinitive included), or `None` when the
/// verb is neither listed nor regular (`-er`, `-ir`, `-re`).
///
/// A form that is both a passé simple and a past participle (`acquis`,
/// `pris`, `mis`, `élus`) is given as the participle only: news never
/// writes the first or second person of the passé simple, and read as a
/// participle `Essences du Tanneron, acquis en septembre` is the target,
/// not the buyer. A present-tense form stays one (`rejoint`, `fait`).
pub fn forms(lex: &Lexicons, infinitive: &str) -> Option<Vec<(String, Tense)>> {
    let mut tagged: Vec<(String, &str)> = Vec::new();
    let listed: Vec<_> = lex
        .verb_forms
        .iter()
        .filter(|(v, _, _)| v == infinitive)
        .collect();
    if !listed.is_empty() {
        for (_, tag, list) in listed {
            tagged.extend(list.iter().map(|f| (f.clone(), tag.as_str())));
        }
    } else {
        let class = ["er", "ir", "re"]
            .into_iter()
            .find(|c| infinitive.ends_with(c) && infinitive.len() > c.len() + 1)?;
        let root = &infinitive[..infinitive.len() - 2];
        let future_stem = if class == "re" {
            &infinitive[..infinitive.len() - 1]
        } else {
            infinitive
        };
        for (c, tag, stem, endings) in &lex.conjugation {
            if c != class {
                continue;
            }
            for ending in endings {
                // The first group builds its future on the root (spell_er
                // adds `er`, or `èr` for lever → lèvera).
                let form = if class == "er" {
                    spell_er(root, ending, stem == "inf")
                } else {
                    let base = if stem == "inf" { future_stem } else { root };
                    format!("{base}{ending}")
                };
                tagged.push((form, tag.as_str()));
            }
        }
    }
    let participle = |f: &str| tagged.iter().any(|(g, t)| *t == "pp" && g == f);
    let mut out = vec![(infinitive.to_string(), Tense::Other)];
    out.extend(
        tagged
            .iter()
            .filter(|(f, tag)| *tag != "ps" || !participle(f))
            .map(|(f, tag)| (f.clone(), tense_of(tag))),
    );
    Some(out)
}

/// First-group spelling changes.
fn spell_er(base: &str, ending: &str, future: bool) -> String {
    let hard = ending.starts_with(['a', 'o', 'â']);
    let mute = !future && (ending.is_empty() || ending == "e" || ending == "es" || ending == "ent");
    // lancer → lançons; limoger → limogeons
    if hard && base.ends_with('c') {
        return format!("{}ç{ending}", &base[..base.len() - 1]);
    }
    if hard && base.ends_with('g') {
        return format!("{base}e{ending}");
    }
    // renvoyer → renvoie (and renverra is irregular; rare enough to list)
    if (mute || future) && base.ends_with("oy") {
        let stem = format!("{}oi", &base[..base.len() - 2]);
        return if future {
            format!("{stem}e{}", &ending_after_er(ending))
        } else {
            format!("{stem}{ending}")
        };
    }
    // lever → lève, lèvera; succéder → succède (future keeps é)
    if mute || (future && !base_has_acute_before_last(base)) {
        if let Some(changed) = grave_before_last_consonants(base, future) {
            return if future {
                format!("{changed}er{ending}")
            } else {
                format!("{changed}{ending}")
            };
        }
    }
    if future {
        format!("{base}er{ending}")
    } else {
        format!("{base}{ending}")
    }
}

fn ending_after_er(ending: &str) -> String {
    format!("r{ending}")
}

fn base_has_acute_before_last(base: &str) -> bool {
    last_vowel_before_consonants(base).is_some_and(|(_, c)| c == 'é')
}

/// The last vowel of `base` when only consonants follow it.
fn last_vowel_before_consonants(base: &str) -> Option<(usize, char)> {
    let mut seen_consonant = false;
    for (i, c) in base.char_indices().rev() {
        if "aeiouyéèêàâîôû".contains(c) {
            return seen_consonant.then_some((i, c));
        }
        seen_consonant = true;
    }
    None
}

/// `lev` → `lèv`, `succéd` → `succèd` (not in the future for é), `achet` → `achèt`.
fn grave_before_last_consonants(base: &str, future: bool) -> Option<String> {
    let (i, c) = last_vowel_before_consonants(base)?;
    let eligible = c == 'e' || (c == 'é' && !future);
    // Only a single consonant (or a consonant + r/l) after the vowel.
    let tail = &base[i + c.len_utf8()..];
    let n = tail.chars().count();
    let ok_tail = n == 1 || (n == 2 && tail.ends_with(['r', 'l']));
    if !eligible || !ok_tail || i == 0 {
        return None;
    }
    Some(format!("{}è{tail}", &base[..i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(forms: &[(String, Tense)], f: &str, t: Tense) -> bool {
        forms.iter().any(|(x, y)| x == f && *y == t)
    }

    #[test]
    fn regular_and_spelling_changes() {
        let lex = Lexicons::embedded().unwrap();
        let q = forms(&lex, "quitter").unwrap();
        for f in [
            "quitte",
            "quittent",
            "quittait",
            "quittant",
            "quitta",
            "quittèrent",
        ] {
            assert!(q.iter().any(|(x, _)| x == f), "{f}");
        }
        assert!(has(&q, "quittera", Tense::Future));
        assert!(
            !q.iter()
                .any(|(x, _)| x.contains("erer") || x.contains("èrer")),
            "{q:?}"
        );
        assert!(has(&q, "quitterait", Tense::Conditional));
        assert!(has(&q, "quitté", Tense::PastParticiple));
        let l = forms(&lex, "lancer").unwrap();
        assert!(l.iter().any(|(x, _)| x == "lançons") && l.iter().any(|(x, _)| x == "lança"));
        let g = forms(&lex, "limoger").unwrap();
        assert!(g.iter().any(|(x, _)| x == "limogeait"));
        let lv = forms(&lex, "lever").unwrap();
        assert!(
            lv.iter().any(|(x, _)| x == "lève")
                && has(&lv, "lèvera", Tense::Future)
                && lv.iter().any(|(x, _)| x == "levons")
        );
        let s = forms(&lex, "succéder").unwrap();
        assert!(s.iter().any(|(x, _)| x == "succède") && has(&s, "succédera", Tense::Future));
        let r = forms(&lex, "racheter").unwrap();
        assert!(r.iter().any(|(x, _)| x == "rachète") && r.iter().any(|(x, _)| x == "racheté"));
        let i = forms(&lex, "investir").unwrap();
        assert!(
            i.iter().any(|(x, _)| x == "investit")
                && i.iter().any(|(x, _)| x == "investissent")
                && has(&i, "investi", Tense::PastParticiple)
        );
        let p = forms(&lex, "perdre").unwrap();
        assert!(
            p.iter().any(|(x, _)| x == "perd")
                && has(&p, "perdu", Tense::PastParticiple)
                && has(&p, "perdra", Tense::Future)
        );
    }

    #[test]
    fn irregular_verbs_are_listed() {
        let lex = Lexicons::embedded().unwrap();
        let r = forms(&lex, "rejoindre").unwrap();
        assert!(r.iter().any(|(x, _)| x == "rejoint") && has(&r, "rejoindra", Tense::Future));
        assert!(forms(&lex, "xyz").is_none());
    }

    #[test]
    fn a_passe_simple_that_is_a_participle_too_is_the_participle() {
        let lex = Lexicons::embedded().unwrap();
        let first_tense = |verb: &str, form: &str| {
            forms(&lex, verb)
                .unwrap()
                .into_iter()
                .find(|(x, _)| x == form)
                .map(|(_, t)| t)
        };
        // Listed verbs (verb_forms.tsv); a generated form that is also a
        // present (`bâtis`) stays a present, and `perdis` is no participle.
        assert_eq!(
            first_tense("acquérir", "acquis"),
            Some(Tense::PastParticiple)
        );
        assert_eq!(first_tense("prendre", "pris"), Some(Tense::PastParticiple));
        assert_eq!(first_tense("bâtir", "bâtis"), Some(Tense::Other));
        assert_eq!(first_tense("perdre", "perdis"), Some(Tense::Other));
        // A present tense form stays one.
        assert_eq!(first_tense("rejoindre", "rejoint"), Some(Tense::Other));
        // The third person of the passé simple is no participle.
        assert_eq!(first_tense("acquérir", "acquit"), Some(Tense::Other));
    }
}
