//! Events: rules from data files link the entities of a sentence around a
//! trigger word (SPEC § Events).
//!
//! * [`rules`] — the rule language (`rules/events.rules`, `docs/RULES.md`);
//! * [`inflect`] — every inflection of a trigger verb, with its tense;
//! * `engine` — finding triggers, filling argument slots, polarity and
//!   modality, merging repeated mentions of one event.
//!
//! Rules compile once into a [`RuleSet`] when the extractor is built.

mod cue;
pub(crate) mod engine;
pub mod inflect;
pub mod rules;

pub(crate) use cue::Cue;

use crate::error::{Error, Result};
use crate::lexicon::Lexicons;
use crate::normalize::fold;
use inflect::Tense;
use rules::{PatWord, Rule, TriggerSpec};
use rustc_hash::{FxHashMap, FxHashSet};

/// The default rules, embedded in the binary.
pub const DEFAULT_RULES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/events.rules"));

/// A trigger form leading to a rule.
#[derive(Debug, Clone)]
pub(crate) struct TriggerEntry {
    pub rule: u32,
    pub tense: Tense,
    /// The form as written (lowercase), to tell `licencie` from `licencié`.
    pub form: String,
    /// Phrase words after the first one.
    pub rest: Vec<PatWord>,
}

/// Compiled rules: a map from folded trigger words to rules.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// The rules, in file order.
    pub rules: Vec<Rule>,
    pub(crate) index: FxHashMap<String, Vec<TriggerEntry>>,
    /// Folded forms of the verbs written `<lemma>` inside phrases.
    pub(crate) lemma_forms: FxHashMap<String, FxHashSet<String>>,
    /// Folded cue word → bit set of its kinds (`event_cues.tsv`); asked for
    /// every word the argument search walks over, so one hash lookup.
    pub(crate) cues: FxHashMap<String, u32>,
    /// Cue kind name → bit.
    pub(crate) cue_bits: FxHashMap<String, u32>,
    /// The bit of each [`Cue`] (0 for a kind no cue has), by discriminant.
    cue_kind_bits: [u32; Cue::ALL.len()],
    /// Word endings that make a cue (`-rait`: a conditional verb), longest
    /// first, with their kind bits; 0 for an exception (`-trait`: `retrait`).
    pub(crate) suffix_cues: Vec<(String, u32)>,
    /// Numbers (from 1) of the words that open an `after` or `passive`
    /// pattern: its first word and that word's elided form (`de` → `d'`),
    /// or every form of its first verb (`<mener>`). The gazetteer gives
    /// every token the number of its word ([`crate::gazetteer::WordMarks`]),
    /// so the search of a complement, which tries every pattern at every
    /// word of a trigger's clause, compares numbers instead of strings.
    pub(crate) opener_words: FxHashMap<String, u32>,
    /// Per rule, the [`Opener`] of each `after` and of each `passive`
    /// pattern, in the rule's order.
    pub(crate) openers: Vec<(Vec<Opener>, Vec<Opener>)>,
    /// Folded nouns written after a possessive in the phrases of JOIN rules
    /// whose subject joins and that name a predecessor (`<prendre> sa
    /// succession`, `<prendre> sa relève`): the possessive stands for the
    /// one who leaves.
    pub(crate) succession_nouns: FxHashSet<String>,
    /// Every rule's `refer` lines with the event type they apply to (every
    /// event of that type, whichever rule found it), in file order.
    pub(crate) refers: Vec<(String, rules::Refer)>,
    /// The first word of each noun in `refers`: a noun after an article is
    /// asked for whether it may refer at all with one look-up.
    pub(crate) refer_words: FxHashSet<String>,
}

/// The words that may open a pattern, as a set of numbers of
/// [`RuleSet::opener_words`] (bit `n % 32` of `set[n / 32]` for number
/// `n`): its first word and that word's elided form, or every form of its
/// first verb; `None` when it opens on a gap. A bit set, not a list: the
/// engine asks it of every word after a trigger, and a verb has a dozen
/// forms to search.
pub(crate) type Opener = Option<Box<[u32]>>;

/// Whether a token whose word has number `word` (0: no opener) may open a
/// pattern of `opener`: the test of the engine's matcher on the first word
/// ([`rules::word_matches`], which takes `d'` for `de`, or the verb's forms).
#[inline]
pub(crate) fn opens(opener: &[u32], word: u32) -> bool {
    // Most words open nothing (number 0, never in a set): one test.
    word != 0
        && opener
            .get(word as usize / 32)
            .is_some_and(|bits| bits & (1 << (word % 32)) != 0)
}

impl RuleSet {
    /// Compiles rules from `(file name, text)` sources.
    pub fn compile(sources: &[(String, String)], lex: &Lexicons) -> Result<RuleSet> {
        let mut set = RuleSet::default();
        for (word, kind) in &lex.event_cues {
            let bit = if kind == crate::lexicon::NOT_A_CUE {
                0
            } else {
                // One bit per kind: `load_event_cue` accepts at most the
                // kinds it lists, far fewer than 32 (a cap here once made
                // every kind past the sixteenth share one bit).
                debug_assert!(set.cue_bits.len() < 32, "too many cue kinds for a u32");
                let next = 1u32 << set.cue_bits.len();
                *set.cue_bits.entry(kind.clone()).or_insert(next)
            };
            match word.strip_prefix('-') {
                Some(ending) => set.suffix_cues.push((fold(ending), bit)),
                None => *set.cues.entry(fold(word)).or_default() |= bit,
            }
        }
        set.suffix_cues
            .sort_by_key(|(ending, _)| std::cmp::Reverse(ending.chars().count()));
        for cue in Cue::ALL {
            set.cue_kind_bits[cue as usize] = set.cue_bits.get(cue.name()).copied().unwrap_or(0);
        }
        for (file, text) in sources {
            for rule in rules::parse(file, text)? {
                if set.rules.iter().any(|r| r.id == rule.id) {
                    return Err(Error::Rule {
                        file: file.clone(),
                        line: rule.line,
                        message: format!("rule id {:?} is already defined", rule.id),
                    });
                }
                let r = set.rules.len() as u32;
                let rule_error = |message| Error::Rule {
                    file: file.clone(),
                    line: rule.line,
                    message,
                };
                for trig in &rule.triggers {
                    set.add_trigger(r, trig, lex).map_err(rule_error)?;
                }
                // `after = <mener> par ORG -> investors`.
                for p in rule.after.iter().chain(&rule.passive) {
                    set.add_lemmas(&p.words, lex).map_err(rule_error)?;
                }
                let after = rule.after.iter().map(|p| set.opener(p)).collect();
                let passive = rule.passive.iter().map(|p| set.opener(p)).collect();
                set.openers.push((after, passive));
                set.add_succession_nouns(&rule);
                for refer in &rule.refer {
                    set.refer_words.insert(refer.words[0].clone());
                    set.refers.push((rule.event_type.clone(), refer.clone()));
                }
                set.rules.push(rule);
            }
        }
        Ok(set)
    }

    /// See [`RuleSet::succession_nouns`].
    fn add_succession_nouns(&mut self, rule: &Rule) {
        let joins = rule.event_type == "JOIN"
            && rule.subject.as_ref().is_some_and(|s| s.slot == "person")
            && rule.slots().any(|s| s == "predecessor");
        if !joins {
            return;
        }
        let possessive = self.cue_kind_bits[Cue::Possessive as usize];
        for trig in &rule.triggers {
            let TriggerSpec::Phrase(words) = trig else {
                continue;
            };
            for pair in words.windows(2) {
                if let [PatWord::Word(det), PatWord::Word(noun)] = pair {
                    if self
                        .cues
                        .get(det)
                        .is_some_and(|&bits| bits & possessive != 0)
                    {
                        self.succession_nouns.insert(noun.clone());
                    }
                }
            }
        }
    }

    fn add_trigger(
        &mut self,
        rule: u32,
        trig: &TriggerSpec,
        lex: &Lexicons,
    ) -> std::result::Result<(), String> {
        let verb_forms = |v: &str| {
            inflect::forms(lex, v).ok_or_else(|| format!("cannot inflect verb {v:?}: not an -er/-ir/-re verb and not listed in verb_forms.tsv"))
        };
        match trig {
            TriggerSpec::Verb(v) => self.push_verb(rule, verb_forms(v)?, &[]),
            TriggerSpec::Noun(n) => {
                for form in noun_forms(n) {
                    self.push(
                        fold(&form),
                        TriggerEntry {
                            rule,
                            tense: Tense::Noun,
                            form: crate::normalize::into_lowercase(form),
                            rest: Vec::new(),
                        },
                    );
                }
            }
            TriggerSpec::Phrase(words) => {
                let (first, rest) = words.split_first().ok_or("empty phrase")?;
                self.add_lemmas(rest, lex)?;
                match first {
                    PatWord::Word(w) => self.push(
                        w.clone(),
                        TriggerEntry {
                            rule,
                            tense: Tense::Noun,
                            form: w.clone(),
                            rest: rest.to_vec(),
                        },
                    ),
                    PatWord::Lemma(l) => self.push_verb(rule, verb_forms(l)?, rest),
                    PatWord::Gap => return Err("a phrase cannot start with `...`".into()),
                }
            }
        }
        Ok(())
    }

    /// Numbers the words that may open `p` in [`RuleSet::opener_words`]:
    /// its first word and that word's elided form (`de`, `d'`; see
    /// [`rules::word_matches`]), or the folded forms of its first verb
    /// (after [`RuleSet::add_lemmas`]).
    fn opener(&mut self, p: &rules::Pattern) -> Opener {
        let words: Vec<String> = match p.words.first()? {
            PatWord::Word(w) => std::iter::once(w.clone())
                .chain(w.strip_suffix(['e', 'a']).map(|stem| format!("{stem}'")))
                .collect(),
            PatWord::Lemma(l) => self.lemma_forms.get(l)?.iter().cloned().collect(),
            PatWord::Gap => return None,
        };
        let numbers: Vec<u32> = words
            .into_iter()
            .map(|word| {
                let next = self.opener_words.len() as u32 + 1;
                *self.opener_words.entry(word).or_insert(next)
            })
            .collect();
        let top = numbers.iter().max().map_or(0, |&n| n as usize / 32 + 1);
        let mut set = vec![0u32; top];
        for n in numbers {
            set[n as usize / 32] |= 1 << (n % 32);
        }
        Some(set.into())
    }

    /// Records the folded forms of every `<lemma>` of `words`, for matching.
    fn add_lemmas(&mut self, words: &[PatWord], lex: &Lexicons) -> std::result::Result<(), String> {
        for w in words {
            if let PatWord::Lemma(l) = w {
                if self.lemma_forms.contains_key(l) {
                    continue;
                }
                let forms = inflect::forms(lex, l).ok_or_else(|| {
                    format!("cannot inflect verb {l:?}: not an -er/-ir/-re verb and not listed in verb_forms.tsv")
                })?;
                self.lemma_forms
                    .insert(l.clone(), forms.iter().map(|(f, _)| fold(f)).collect());
            }
        }
        Ok(())
    }

    /// Indexes every form of a verb (with the phrase words that follow it).
    fn push_verb(&mut self, rule: u32, forms: Vec<(String, Tense)>, rest: &[PatWord]) {
        for (form, tense) in forms {
            let key = fold(&form);
            let entry = TriggerEntry {
                rule,
                tense,
                form: crate::normalize::into_lowercase(form),
                rest: rest.to_vec(),
            };
            self.push(key, entry);
        }
    }

    fn push(&mut self, key: String, entry: TriggerEntry) {
        let list = self.index.entry(key).or_default();
        // Folding makes some forms alike (`licencie`, `licencié`): keep each tense.
        if !list
            .iter()
            .any(|e| e.rule == entry.rule && e.rest == entry.rest && e.form == entry.form)
        {
            list.push(entry);
        }
    }

    /// Whether `folded` is a cue of `kind` (`negation`, `preposition`…).
    /// The folded first words of the triggers (the keys of `index`).
    pub(crate) fn trigger_words(&self) -> impl Iterator<Item = &str> {
        self.index.keys().map(String::as_str)
    }

    /// The words that open a pattern, with their numbers (see
    /// [`RuleSet::opener_words`]).
    pub(crate) fn opener_words(&self) -> impl Iterator<Item = (&str, u32)> {
        self.opener_words
            .iter()
            .map(|(word, &n)| (word.as_str(), n))
    }

    /// The folded cue words of every kind, with their kind bits (see
    /// [`RuleSet::cue_bit`]).
    pub(crate) fn cue_words(&self) -> impl Iterator<Item = (&str, u32)> {
        self.cues.iter().map(|(word, &bits)| (word.as_str(), bits))
    }

    /// The bit of cue kind `kind`, 0 for a kind no cue has.
    #[inline]
    pub(crate) fn cue_bit(&self, kind: Cue) -> u32 {
        self.cue_kind_bits[kind as usize]
    }

    /// Whether the word's ending makes it a cue of `kind`: the longest
    /// listed ending decides, and the word must be longer than the ending
    /// by three letters at least (`-rait` is no cue in `trait`).
    pub(crate) fn is_suffix_cue(&self, kind: Cue, folded: &str) -> bool {
        let bit = self.cue_bit(kind);
        if bit == 0 {
            return false;
        }
        self.suffix_cues
            .iter()
            .find(|(ending, _)| {
                folded.len() >= ending.len() + 3 && folded.ends_with(ending.as_str())
            })
            .is_some_and(|&(_, bits)| bits & bit != 0)
    }

    /// Whether `folded` is a cue of `kind`. The extraction asks
    /// [`crate::recognize::Ctx::is_cue`], which answers from the token's
    /// cue bits; this is the reference its tests compare it with.
    #[cfg(test)]
    pub(crate) fn is_cue(&self, kind: &str, folded: &str) -> bool {
        // The word first: most words are no cue at all, and then the kind
        // need not be hashed.
        let Some(bits) = self.cues.get(folded) else {
            return false;
        };
        self.cue_bits.get(kind).is_some_and(|bit| bits & bit != 0)
    }
}

/// Singular and plural of a noun (`départ` → `départs`, `journal` → `journaux`).
fn noun_forms(n: &str) -> Vec<String> {
    let plural = if n.ends_with(['s', 'x', 'z']) {
        n.to_string()
    } else if let Some(stem) = n.strip_suffix("al") {
        format!("{stem}aux")
    } else if n.ends_with("eau") || n.ends_with("eu") {
        format!("{n}x")
    } else {
        format!("{n}s")
    };
    vec![n.to_string(), plural]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The nouns whose possessive stands for the one who leaves come from
    /// the JOIN phrases whose subject joins, not from those whose subject
    /// leaves (`<céder> sa place` in `[join/passer-la-main]`).
    #[test]
    fn succession_nouns_come_from_the_joiners_phrases() {
        let lex = Lexicons::load(None, false).unwrap();
        let sources = [("events.rules".to_string(), DEFAULT_RULES.to_string())];
        let set = RuleSet::compile(&sources, &lex).unwrap();
        let mut nouns: Vec<&str> = set.succession_nouns.iter().map(String::as_str).collect();
        nouns.sort_unstable();
        assert_eq!(nouns, ["releve", "succession"]);
    }

    /// The numbers of the patterns' first words answer as
    /// [`rules::word_matches`] does, on the default rules and on words
    /// that are, are not, or look like elided openers.
    #[test]
    fn openers_match_the_tokens_the_first_word_matches() {
        let lex = Lexicons::load(None, false).unwrap();
        let sources = [("events.rules".to_string(), DEFAULT_RULES.to_string())];
        let set = RuleSet::compile(&sources, &lex).unwrap();
        let tokens = [
            "de", "d'", "da", "du", "l'", "la", "le", "qu'", "que", "jusqu'", "a", "'", "par",
            "pour", "chez", "x", "",
        ];
        // Forms of the verbs that open patterns (`<mener> par ORG`), and
        // forms of other verbs.
        let verb_forms = [
            "mene",
            "menee",
            "menes",
            "menees",
            "menait",
            "emmene",
            "evalue",
            "estimee",
            "occupait",
            "occupe",
            "revient",
            "reprendra",
            "quitte",
            "rejoint",
        ];
        let mut checked = 0;
        for (rule, (after, passive)) in set.rules.iter().zip(&set.openers) {
            assert_eq!(after.len(), rule.after.len());
            assert_eq!(passive.len(), rule.passive.len());
            let pairs = rule.after.iter().zip(after);
            for (p, opener) in pairs.chain(rule.passive.iter().zip(passive)) {
                let opener = opener.as_deref().expect("no pattern opens on a gap");
                let matches = |t: &str| match &p.words[0] {
                    PatWord::Word(w) => rules::word_matches(w, t),
                    PatWord::Lemma(l) => set.lemma_forms[l].contains(t),
                    PatWord::Gap => unreachable!(),
                };
                for t in tokens.iter().copied().chain(verb_forms.iter().copied()) {
                    let number = set.opener_words.get(t).copied().unwrap_or(0);
                    assert_eq!(opens(opener, number), matches(t), "{:?} {t}", p.words[0]);
                    checked += 1;
                }
            }
        }
        // `de` and `d'` both open patterns of the default rules.
        assert!(set.opener_words.contains_key("de") && set.opener_words.contains_key("d'"));
        assert!(set.opener_words.contains_key("menee"));
        assert!(checked > 100);
    }
}
