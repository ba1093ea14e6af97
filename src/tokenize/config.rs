//! The French knowledge the tokenizer needs, loaded from
//! `lexicons/tokenizer/*` and the word lists of the other lexicons.

use rustc_hash::{FxHashMap, FxHashSet};

/// Word lists that steer tokenization. Built once per [`crate::Extractor`].
#[derive(Debug, Default, Clone)]
pub struct TokenizerConfig {
    /// Folded elided words split before an apostrophe (`d`, `qu`, `jusqu`).
    pub elisions: FxHashSet<String>,
    /// Abbreviations keeping their dot (case-sensitive), and whether they may end a sentence.
    pub abbreviations: FxHashMap<String, bool>,
    /// Folded inversion pronouns (`il`, `t`, `elle`).
    pub clitics: FxHashSet<String>,
    /// Folded hyphenated words that stay whole although they end like a clitic.
    pub hyphen_words: FxHashSet<String>,
    /// Folded prefixes kept apart from the hyphenated word they start
    /// (`ex` in `ex-directrice`, so that the title is found).
    pub hyphen_prefixes: FxHashSet<String>,
    /// Folded function words that may be glued to the previous word.
    pub glue_suffixes: Vec<String>,
    /// Folded function words: never a name, even capitalised.
    pub stopwords: FxHashSet<String>,
    /// Folded single-word lexicon entries: the left part of a glued word
    /// must be one of these to be split off (`OpenAILes` → `OpenAI` + `Les`).
    pub known_words: FxHashSet<String>,
    /// Folded single-word entries of the common-word lexicons (dates, roles,
    /// currencies): the left part of a lowercase glued word must be one of
    /// these (`dernièrequi` → `dernière` + `qui`). Proper names are left out
    /// so that `billet` is never `Bill` + `et`.
    pub known_lower: FxHashSet<String>,
}

impl TokenizerConfig {
    /// Whether `word` ends with one of [`TokenizerConfig::glue_suffixes`].
    /// Most words end with no suffix's last byte, so that byte is compared
    /// first, without a string comparison per suffix.
    pub(crate) fn ends_with_glue_suffix(&self, word: &str) -> bool {
        let Some(&last) = word.as_bytes().last() else {
            return false;
        };
        self.glue_suffixes
            .iter()
            .any(|s| s.as_bytes().last() == Some(&last) && word.ends_with(s.as_str()))
    }
}
