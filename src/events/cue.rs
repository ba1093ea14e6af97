//! The cue kinds of `event_cues.tsv` that the extraction asks about.
//!
//! A kind is named in the lexicon (the line of `ne` gives it the kind
//! `negation`); the code asks with a [`Cue`], which [`super::RuleSet`]
//! resolves to the kind's bit once, when the rules are compiled. Asking with the kind's name hashed the name at
//! every question (tens of thousands per megabyte of text).

/// A cue kind of `event_cues.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    Agent,
    Anaphor,
    Auxiliary,
    Complementizer,
    Denial,
    Determiner,
    Former,
    Hypothetical,
    Negation,
    NounMarker,
    Past,
    Planned,
    Possessive,
    Preposition,
    Pronoun,
    Relative,
    Since,
    Anterior,
    Inclusion,
    Tenure,
    Employer,
    Body,
    PhraseEnd,
    Conjunction,
    Counsel,
    Stressed,
    Adjective,
}

impl Cue {
    /// Every kind, in the order of their discriminants.
    pub(crate) const ALL: [Cue; 27] = [
        Cue::Agent,
        Cue::Anaphor,
        Cue::Auxiliary,
        Cue::Complementizer,
        Cue::Denial,
        Cue::Determiner,
        Cue::Former,
        Cue::Hypothetical,
        Cue::Negation,
        Cue::NounMarker,
        Cue::Past,
        Cue::Planned,
        Cue::Possessive,
        Cue::Preposition,
        Cue::Pronoun,
        Cue::Relative,
        Cue::Since,
        Cue::Anterior,
        Cue::Inclusion,
        Cue::Tenure,
        Cue::Employer,
        Cue::Body,
        Cue::PhraseEnd,
        Cue::Conjunction,
        Cue::Counsel,
        Cue::Stressed,
        Cue::Adjective,
    ];

    /// The kind's name in `event_cues.tsv`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Cue::Agent => "agent",
            Cue::Anaphor => "anaphor",
            Cue::Auxiliary => "auxiliary",
            Cue::Complementizer => "complementizer",
            Cue::Denial => "denial",
            Cue::Determiner => "determiner",
            Cue::Former => "former",
            Cue::Hypothetical => "hypothetical",
            Cue::Negation => "negation",
            Cue::NounMarker => "noun_marker",
            Cue::Past => "past",
            Cue::Planned => "planned",
            Cue::Possessive => "possessive",
            Cue::Preposition => "preposition",
            Cue::Pronoun => "pronoun",
            Cue::Relative => "relative",
            Cue::Since => "since",
            Cue::Anterior => "anterior",
            Cue::Inclusion => "inclusion",
            Cue::Tenure => "tenure",
            Cue::Employer => "employer",
            Cue::Body => "body",
            Cue::PhraseEnd => "phrase_end",
            Cue::Conjunction => "conjunction",
            Cue::Counsel => "counsel",
            Cue::Stressed => "stressed",
            Cue::Adjective => "adjective",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Cue;

    #[test]
    fn every_kind_has_a_bit_of_its_own() {
        let lexicon = crate::lexicon::Lexicons::load(None, false).unwrap();
        let set = crate::events::RuleSet::compile(&[], &lexicon).unwrap();
        let bits: Vec<u32> = Cue::ALL.iter().map(|&c| set.cue_bit(c)).collect();
        for (i, &a) in bits.iter().enumerate() {
            assert_eq!(a.count_ones(), 1, "{}", Cue::ALL[i].name());
            for (j, &b) in bits.iter().enumerate().skip(i + 1) {
                // Kinds sharing a bit answer for each other (`depuis`, a
                // `since` cue, was once taken for a `noun_marker`).
                assert_ne!(a, b, "{} and {}", Cue::ALL[i].name(), Cue::ALL[j].name());
            }
        }
    }

    #[test]
    fn all_lists_every_kind_at_its_discriminant_with_a_name_of_the_lexicon() {
        let lexicon = crate::lexicon::Lexicons::load(None, false).unwrap();
        for (k, cue) in Cue::ALL.into_iter().enumerate() {
            assert_eq!(cue as usize, k);
            // A misspelt name would never match a cue of the lexicon.
            assert!(
                lexicon
                    .event_cues
                    .iter()
                    .any(|(_, kind)| kind == cue.name()),
                "{}",
                cue.name()
            );
        }
    }
}
