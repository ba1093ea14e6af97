//! Everything an [`crate::Extractor`] compiles once from its lexicons and
//! shares, read-only, between threads.

use crate::error::Result;
use crate::events::RuleSet;
use crate::gazetteer::{Gazetteer, WordMarks};
use crate::lexicon::Lexicons;
use crate::normalize::fold;
use crate::recognize::number::NumberParser;
use crate::tokenize::{tokens_and_folds, TokenizerConfig};
use rustc_hash::{FxHashMap, FxHashSet};

/// The compiled lexicons.
///
/// The gazetteer marks the tokens whose folded form is in one of the word
/// lists below (particles, role links, premodifiers, organisation
/// auxiliaries, the acronym stop list: see [`crate::gazetteer::marks`]),
/// and the recognisers test those marks: the lists are read once, when
/// [`Resources::build_with_rules`] compiles them.
#[derive(Debug)]
pub struct Resources {
    /// The lexicons as loaded.
    pub lexicons: Lexicons,
    /// Tokenizer word lists.
    pub tokenizer: TokenizerConfig,
    /// Every lexicon, compiled for matching.
    pub gazetteer: Gazetteer,
    /// The French number reader.
    pub numbers: NumberParser,
    /// Folded all-caps words that are not organisations.
    pub acronym_stoplist: FxHashSet<String>,
    /// Folded name particles (`de`, `van`, `ben`).
    pub particles: FxHashSet<String>,
    /// Folded first names.
    pub first_names: FxHashSet<String>,
    /// Folded words of `role_links.tsv`, by kind.
    pub copulas: FxHashSet<String>,
    /// See [`Resources::copulas`].
    pub role_chain: FxHashSet<String>,
    /// See [`Resources::copulas`].
    pub role_org_links: FxHashSet<String>,
    /// See [`Resources::copulas`].
    pub role_epithets: FxHashSet<String>,
    /// See [`Resources::copulas`].
    pub role_whose: FxHashSet<String>,
    /// Folded forms of the `before` modifiers of `role_modifiers.tsv`
    /// (`ancienne`, `futur`).
    pub role_premodifiers: FxHashSet<String>,
    /// Folded `auxiliary` words of `org_contexts.tsv` (`a`, `vient`, `de`).
    pub org_subject_auxiliaries: FxHashSet<String>,
    /// The compiled event rules.
    pub rules: RuleSet,
}

impl Resources {
    /// Compiles `lexicons` with the default event rules.
    pub fn build(lexicons: Lexicons) -> Result<Resources> {
        let rules = vec![(
            "rules/events.rules (embedded)".to_string(),
            crate::events::DEFAULT_RULES.to_string(),
        )];
        Resources::build_with_rules(lexicons, &rules)
    }

    /// Compiles `lexicons` and the event rules of `rule_sources` (file name, text).
    pub fn build_with_rules(
        lexicons: Lexicons,
        rule_sources: &[(String, String)],
    ) -> Result<Resources> {
        let folded = |list: &[String]| list.iter().map(|s| fold(s)).collect();
        let mut tokenizer = TokenizerConfig {
            elisions: folded(&lexicons.elisions),
            abbreviations: lexicons.abbreviations.iter().cloned().collect(),
            clitics: folded(&lexicons.clitics),
            hyphen_words: folded(&lexicons.hyphen_words),
            glue_suffixes: lexicons.glue_suffixes.iter().map(|s| fold(s)).collect(),
            hyphen_prefixes: folded(&lexicons.hyphen_prefixes),
            stopwords: folded(&lexicons.stopwords),
            ..TokenizerConfig::default()
        };
        let (known_words, known_lower) = known_words(&lexicons, &tokenizer);
        tokenizer.known_words = known_words;
        tokenizer.known_lower = known_lower;
        // Everything else is compiled while the gazetteer, the longest
        // part, is built on a thread of its own.
        let (gazetteer, rest) = Gazetteer::build_alongside(&lexicons, &tokenizer, || {
            let numbers = NumberParser::new(&lexicons);
            let rules = RuleSet::compile(rule_sources, &lexicons)?;
            Ok(Rest {
                acronym_stoplist: lexicons.acronym_stoplist.iter().map(|s| fold(s)).collect(),
                particles: lexicons.name_particles.iter().map(|s| fold(s)).collect(),
                first_names: lexicons.first_names.iter().map(|s| fold(s)).collect(),
                copulas: links(&lexicons, "copula"),
                role_chain: links(&lexicons, "chain"),
                role_org_links: links(&lexicons, "org"),
                role_epithets: links(&lexicons, "epithet"),
                role_whose: links(&lexicons, "whose"),
                role_premodifiers: premodifiers(&lexicons),
                org_subject_auxiliaries: lexicons
                    .org_contexts
                    .iter()
                    .filter(|(_, k)| *k == crate::lexicon::OrgContextKind::Auxiliary)
                    .map(|(f, _)| fold(f))
                    .collect(),
                rules,
                numbers,
            })
        });
        let rest: Rest = rest?;
        let mut res = Resources {
            acronym_stoplist: rest.acronym_stoplist,
            particles: rest.particles,
            first_names: rest.first_names,
            copulas: rest.copulas,
            role_chain: rest.role_chain,
            role_org_links: rest.role_org_links,
            role_epithets: rest.role_epithets,
            role_whose: rest.role_whose,
            role_premodifiers: rest.role_premodifiers,
            org_subject_auxiliaries: rest.org_subject_auxiliaries,
            rules: rest.rules,
            lexicons,
            tokenizer,
            gazetteer,
            numbers: rest.numbers,
        };
        let word_marks = word_marks(&res);
        res.gazetteer.set_word_marks(&word_marks);
        Ok(res)
    }

    /// The word lists whose words the gazetteer marks (see
    /// [`crate::gazetteer::marks`]), each with its mark: the recognisers
    /// test a token's mark, not its folded form in the list.
    pub(crate) fn marked_word_lists(&self) -> [(&FxHashSet<String>, u32); 9] {
        use crate::gazetteer::marks;
        [
            (&self.particles, marks::PARTICLE),
            (&self.copulas, marks::COPULA),
            (&self.role_chain, marks::ROLE_CHAIN),
            (&self.role_org_links, marks::ROLE_ORG_LINK),
            (&self.role_epithets, marks::ROLE_EPITHET),
            (&self.role_whose, marks::ROLE_WHOSE),
            (&self.role_premodifiers, marks::ROLE_PREMODIFIER),
            (&self.org_subject_auxiliaries, marks::ORG_SUBJECT_AUXILIARY),
            (&self.acronym_stoplist, marks::ACRONYM_STOP),
        ]
    }
}

/// The parts of [`Resources`] compiled beside the gazetteer.
struct Rest {
    acronym_stoplist: FxHashSet<String>,
    particles: FxHashSet<String>,
    first_names: FxHashSet<String>,
    copulas: FxHashSet<String>,
    role_chain: FxHashSet<String>,
    role_org_links: FxHashSet<String>,
    role_epithets: FxHashSet<String>,
    role_whose: FxHashSet<String>,
    role_premodifiers: FxHashSet<String>,
    org_subject_auxiliaries: FxHashSet<String>,
    rules: RuleSet,
    numbers: NumberParser,
}

/// Folded word → its [`crate::gazetteer::marks`], cue kind bits and opener
/// number: stop words, number words, the words of
/// [`Resources::marked_word_lists`], first words of event triggers, cue
/// words and first words of complement patterns, so that the gazetteer's
/// one look-up of each token's word answers for all of them
/// ([`Gazetteer::set_word_marks`]).
fn word_marks(res: &Resources) -> FxHashMap<String, WordMarks> {
    use crate::gazetteer::marks;
    let (tokenizer, numbers, rules) = (&res.tokenizer, &res.numbers, &res.rules);
    let mut out: FxHashMap<String, WordMarks> = FxHashMap::default();
    let mut mark = |word: &str, mark: u32| out.entry(word.to_string()).or_default().marks |= mark;
    tokenizer
        .stopwords
        .iter()
        .for_each(|w| mark(w, marks::STOPWORD));
    numbers
        .word_forms()
        .for_each(|w| mark(w, marks::NUMBER_WORD));
    for (set, bit) in res.marked_word_lists() {
        set.iter().for_each(|w| mark(w, bit));
    }
    rules
        .trigger_words()
        .for_each(|w| mark(w, marks::TRIGGER_WORD));
    for (word, bits) in rules.cue_words() {
        let marks = out.entry(word.to_string()).or_default();
        marks.marks |= marks::CUE_WORD;
        marks.cues = bits;
    }
    for (word, number) in rules.opener_words() {
        out.entry(word.to_string()).or_default().opener = number;
    }
    out
}

fn premodifiers(lex: &Lexicons) -> FxHashSet<String> {
    lex.role_modifiers
        .iter()
        .filter(|m| m.kind == crate::lexicon::ModifierKind::Before)
        .flat_map(|m| std::iter::once(&m.canonical).chain(&m.forms))
        .map(|f| fold(f))
        .collect()
}

fn links(lex: &Lexicons, kind: &str) -> FxHashSet<String> {
    lex.role_links
        .iter()
        .filter(|(_, k)| k == kind)
        .map(|(f, _)| fold(f))
        .collect()
}

/// Single-word lexicon entries, folded: a glued word is split only where
/// its left part is one of them (`OpenAILes`, `dernièrequi`).
///
/// The entries are folded in parallel (several thousand, a tenth of
/// `Extractor::new`), then inserted in their lexicon order.
fn known_words(lex: &Lexicons, cfg: &TokenizerConfig) -> (FxHashSet<String>, FxHashSet<String>) {
    use rayon::prelude::*;
    let single = |s: &&str| -> Option<String> {
        if s.contains(char::is_whitespace) || s.chars().count() < 2 {
            return None;
        }
        if crate::tokenize::plain_words(s, cfg).is_some() {
            return Some(fold(s));
        }
        let (tokens, folded) = tokens_and_folds(s, cfg);
        match tokens[..] {
            [t] => Some(folded[t.fold_start as usize..t.fold_end as usize].to_string()),
            _ => None,
        }
    };
    let mut common: Vec<&str> = Vec::new();
    for r in &lex.roles {
        common.push(&r.canonical);
        common.extend(r.forms.iter().map(String::as_str));
    }
    common.extend(lex.dates.iter().map(|(f, _, _)| f.as_str()));
    common.extend(lex.currencies.iter().map(|c| c.form.as_str()));
    let mut names: Vec<&str> = Vec::new();
    for o in &lex.orgs {
        names.push(&o.canonical);
        names.extend(o.aliases.iter().map(String::as_str));
    }
    names.extend(lex.persons.iter().map(|p| p.canonical.as_str()));
    names.extend(lex.first_names.iter().map(String::as_str));
    let (common, names): (Vec<Option<String>>, Vec<Option<String>>) = rayon::join(
        || common.par_iter().map(single).collect(),
        || names.par_iter().map(single).collect(),
    );
    let lower: FxHashSet<String> = common.into_iter().flatten().collect();
    let mut words = lower.clone();
    words.extend(names.into_iter().flatten());
    (words, lower)
}
