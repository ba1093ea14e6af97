//! Gazetteer: every lexicon entry compiled into one trie of words,
//! matched from every token of a document, on whole tokens only.
//!
//! Entries are tokenized with the document tokenizer and folded (see
//! [`crate::normalize`]), and the trie (see `gazetteer/trie.rs`) holds each
//! entry as the sequence of its folded tokens; a document's tokens are
//! folded the same way, so a match can only start and end on token
//! boundaries (`AI` never matches inside `OpenAI`). Folding makes matching
//! accent-, case- and apostrophe-tolerant; case is then checked per entry
//! on the original tokens: proper names keep a capital mask (`Société
//! Générale` needs capitals on both words, role words need none).
//!
//! Every hit is reported, overlapping ones included (`Jean` as a first name
//! and `Jean Dupont` as a known person): choosing between them is the job
//! of the recognisers and of resolution.
//!
//! Building is much of [`crate::Extractor::new`] (folding the entries, some
//! through the tokenizer): it runs on a thread of its own while the rest of
//! the extractor is built (see [`Gazetteer::build_alongside`]).

mod trie;

use crate::lexicon::Lexicons;
use crate::tokenize::{flags, tokens_and_folds, TokenizerConfig, Tokens};
use trie::WordTrie;

/// Which lexicon an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum EntryKind {
    /// `persons.tsv` (canonical or alias).
    Person,
    /// `first_names.txt`.
    FirstName,
    /// `titles.tsv`.
    Title,
    /// `orgs.tsv` (canonical or alias).
    Org,
    /// `org_heads.tsv`.
    OrgHead,
    /// `org_suffixes.txt`.
    OrgSuffix,
    /// `places.txt`.
    Place,
    /// `products.txt`.
    Product,
    /// `roles.tsv` (any form).
    Role,
    /// `role_modifiers.tsv` (any form).
    RoleModifier,
    /// `speech_verbs.tsv`.
    Speech,
    /// `currencies.tsv`.
    Currency,
    /// `money_scales.tsv`.
    Scale,
    /// `money_qualifiers.tsv`.
    Qualifier,
    /// `dates.tsv`.
    DateWord,
    /// `numbers.tsv`.
    Number,
    /// `org_contexts.tsv` (every form of its verbs; not its auxiliaries).
    OrgContext,
}

/// One lexicon entry behind a pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The lexicon.
    pub kind: EntryKind,
    /// Index of the entry in its lexicon vector (e.g. `Lexicons::orgs`).
    pub index: u32,
    /// Bit `k` set: token `k` of the match must start with a capital.
    pub cap_mask: u64,
    /// Number of tokens.
    pub len: u32,
}

/// A gazetteer match: tokens `first..end` match entry `entry`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// First token.
    pub first: u32,
    /// One past the last token.
    pub end: u32,
    /// Index into [`Gazetteer::entry`].
    pub entry: u32,
    /// The entry's lexicon (copied here for fast filtering).
    pub kind: EntryKind,
    /// The capitals the entry needs are there (see [`Gazetteer::case_ok`]).
    pub case_ok: bool,
}

/// Marks of a token's folded form, beside the entry kinds of
/// [`Hits::has`] (which use one low bit per kind): the questions the recognisers
/// and the event engine ask about most tokens, answered by one look-up per
/// token's word when the gazetteer is searched (see
/// [`Gazetteer::set_word_marks`]) instead of one hash look-up per question.
pub mod marks {
    /// A function word (`stopwords.txt`).
    pub const STOPWORD: u32 = 1 << 31;
    /// A number word (`numbers.tsv`): `NumberParser::is_word` may hold.
    pub const NUMBER_WORD: u32 = 1 << 30;
    /// The first word of some event trigger: the rule index may hold it.
    pub const TRIGGER_WORD: u32 = 1 << 29;
    /// A cue word of some kind (`event_cues.tsv`).
    pub const CUE_WORD: u32 = 1 << 28;
    /// A name particle ([`crate::resources::Resources::particles`]).
    pub const PARTICLE: u32 = 1 << 27;
    /// A copula word ([`crate::resources::Resources::copulas`]).
    pub const COPULA: u32 = 1 << 26;
    /// A chain word of a role ([`crate::resources::Resources::role_chain`]).
    pub const ROLE_CHAIN: u32 = 1 << 25;
    /// A word introducing a role's organisation
    /// ([`crate::resources::Resources::role_org_links`]).
    pub const ROLE_ORG_LINK: u32 = 1 << 24;
    /// An epithet after a role ([`crate::resources::Resources::role_epithets`]).
    pub const ROLE_EPITHET: u32 = 1 << 23;
    /// A relative `dont` word ([`crate::resources::Resources::role_whose`]).
    pub const ROLE_WHOSE: u32 = 1 << 22;
    /// An adjective before a role
    /// ([`crate::resources::Resources::role_premodifiers`]).
    pub const ROLE_PREMODIFIER: u32 = 1 << 21;
    /// An auxiliary between an organisation and its verb
    /// ([`crate::resources::Resources::org_subject_auxiliaries`]).
    pub const ORG_SUBJECT_AUXILIARY: u32 = 1 << 20;
    /// An all-caps word that is no organisation
    /// ([`crate::resources::Resources::acronym_stoplist`]).
    pub const ACRONYM_STOP: u32 = 1 << 19;
    /// The lowest bit of a mark: the bits below are [`super::EntryKind`]s.
    pub(crate) const LOWEST: u32 = ACRONYM_STOP;
}

// The entry kinds' bits and the marks share a token's word of bits.
const _: () = assert!(1 << (EntryKind::OrgContext as u32) < marks::LOWEST);

/// What [`Gazetteer::find`] gives the tokens of one folded word: its
/// [`marks`], and the bits of its cue kinds in the event rules
/// ([`crate::events::RuleSet`], `event_cues.tsv`; 0 for no cue).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WordMarks {
    /// The word's [`marks`].
    pub marks: u32,
    /// The word's cue kind bits.
    pub cues: u32,
    /// The word's number among the words that open an event rule's
    /// complement pattern (`RuleSet::opener_words`), 0 for none.
    pub opener: u32,
}

/// Bit of [`Hits::has`] marking a function word (`stopwords.txt`).
const STOPWORD_BIT: u32 = marks::STOPWORD;

/// The hits of one document, sorted by first token then longest first.
#[derive(Debug, Default, Clone)]
pub struct Hits {
    hits: Vec<Hit>,
    /// `by_start[i]..by_start[i + 1]` are the hits starting at token `i`.
    by_start: Vec<u32>,
    /// Per token, one bit per [`EntryKind`] with a case-checked hit starting
    /// there, and [`STOPWORD_BIT`]: recognisers ask these questions for
    /// every token, so they are answered once.
    kinds: Vec<u32>,
    /// Per token, one bit per [`EntryKind`] with a hit starting there,
    /// whether its case is right or not ([`Hits::has_unchecked`]).
    unchecked: Vec<u32>,
    /// Per token, the cue kind bits of its folded form (see [`WordMarks`]):
    /// the event engine and the relations ask whether a token is a cue of
    /// some kind tens of times per trigger, so the word is looked up once.
    cues: Vec<u32>,
    /// Per token, its word's [`WordMarks::opener`] number: the event engine
    /// looks for each complement pattern's first word at every word of a
    /// trigger's clause.
    openers: Vec<u32>,
}

impl Hits {
    /// The hits starting at token `i`, longest first.
    pub fn at(&self, i: usize) -> &[Hit] {
        if i + 1 >= self.by_start.len() {
            return &[];
        }
        &self.hits[self.by_start[i] as usize..self.by_start[i + 1] as usize]
    }

    /// All hits.
    pub fn all(&self) -> &[Hit] {
        &self.hits
    }

    /// Whether a case-checked hit of `kind` starts at token `i`.
    #[inline]
    pub fn has(&self, i: usize, kind: EntryKind) -> bool {
        self.kinds
            .get(i)
            .is_some_and(|k| k & (1 << kind as u32) != 0)
    }

    /// Whether a hit of `kind` starts at token `i`, whether its case is
    /// right or not: [`Hits::at`] holds one, without walking its hits.
    #[inline]
    pub fn has_unchecked(&self, i: usize, kind: EntryKind) -> bool {
        self.unchecked
            .get(i)
            .is_some_and(|k| k & (1 << kind as u32) != 0)
    }

    /// Whether any hit starts at token `i` ([`Hits::at`] is not empty),
    /// whatever its kind and case.
    #[inline]
    pub fn starts_any(&self, i: usize) -> bool {
        self.unchecked.get(i).is_some_and(|&k| k != 0)
    }

    /// Whether a case-checked hit of one of `kinds` starts at token `i`.
    #[inline]
    pub fn has_any(&self, i: usize, kinds: &[EntryKind]) -> bool {
        let mask = kinds.iter().fold(0, |m, &kind| m | 1 << kind as u32);
        self.kinds.get(i).is_some_and(|k| k & mask != 0)
    }

    /// Whether token `i` is a function word ([`marks::STOPWORD`]).
    #[inline]
    pub fn is_stopword(&self, i: usize) -> bool {
        self.kinds.get(i).is_some_and(|k| k & STOPWORD_BIT != 0)
    }

    /// The cue kind bits of token `i` (0 when the gazetteer has no word marks).
    #[inline]
    pub fn cue_bits(&self, i: usize) -> u32 {
        self.cues.get(i).copied().unwrap_or(0)
    }

    /// The [`WordMarks::opener`] number of token `i`'s word (0 for none).
    #[inline]
    pub fn opener(&self, i: usize) -> u32 {
        self.openers.get(i).copied().unwrap_or(0)
    }

    /// Whether token `i` has the mark `mark` (one of [`marks`]).
    #[inline]
    pub fn is_marked(&self, i: usize, mark: u32) -> bool {
        self.kinds.get(i).is_some_and(|k| k & mark != 0)
    }
}

/// The compiled lexicons.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    trie: WordTrie,
    /// Per word id of `trie`, the word's marks (see
    /// [`Gazetteer::set_word_marks`]; empty before).
    word_marks: Vec<WordMarks>,
    /// Pattern id → range in `entries`.
    pattern_entries: Vec<(u32, u32)>,
    entries: Vec<Entry>,
}

impl Gazetteer {
    /// Compiles every lexicon of `lex`, tokenizing entries with `cfg`.
    pub fn build(lex: &Lexicons, cfg: &TokenizerConfig) -> Gazetteer {
        Gazetteer::build_alongside(lex, cfg, || ()).0
    }

    /// [`Gazetteer::build`], and `alongside` on the calling thread
    /// meanwhile.
    ///
    /// Folding the entries (some through the tokenizer) is the longest
    /// part of [`crate::Extractor::new`], so it runs on a thread of its
    /// own while `alongside`, the caller's other work, runs on this one.
    ///
    /// The thread is a scoped `std` thread, not a rayon task, so that the
    /// build never waits for a busy pool's workers (or a pool of one thread).
    pub fn build_alongside<T>(
        lex: &Lexicons,
        cfg: &TokenizerConfig,
        alongside: impl FnOnce() -> T,
    ) -> (Gazetteer, T) {
        std::thread::scope(|scope| {
            let gazetteer = scope.spawn(move || {
                // A quarter more than the entries counted: the inflected
                // forms add patterns, and multi-word patterns trie nodes
                // (17,125 patterns and 19,966 nodes for 16,860 entries).
                let entries = entry_count(lex);
                let room = entries + entries / 4;
                let mut builder = Builder {
                    cfg,
                    patterns: Vec::with_capacity(room),
                    scratch: String::new(),
                    trie: WordTrie::with_capacity(room),
                };
                builder.add_lexicons(lex);
                builder.finish()
            });
            let other = alongside();
            let gazetteer = gazetteer
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (gazetteer, other)
        })
    }

    /// The entry behind a hit.
    #[inline]
    pub fn entry(&self, hit: &Hit) -> Entry {
        self.entries[hit.entry as usize]
    }

    /// Gives [`Gazetteer::find`] the marks of each folded word of
    /// `word_marks`, so that its one look-up of each token's word also
    /// answers [`Hits::is_marked`] and [`Hits::cue_bits`] (no second
    /// look-up per token).
    pub fn set_word_marks(&mut self, word_marks: &rustc_hash::FxHashMap<String, WordMarks>) {
        for (word, &marks) in word_marks {
            let id = self.trie.intern(word) as usize;
            if id >= self.word_marks.len() {
                self.word_marks.resize(id + 1, WordMarks::default());
            }
            self.word_marks[id] = marks;
        }
        self.word_marks
            .resize(self.trie.word_count(), WordMarks::default());
    }

    /// Finds every lexicon entry in the document, on whole tokens, and
    /// gives every token the marks of its word (see
    /// [`Gazetteer::set_word_marks`]).
    pub fn find(&self, toks: &Tokens) -> Hits {
        let folds: Vec<&str> = (0..toks.len()).map(|i| toks.fold(i)).collect();
        self.find_folded(toks, &folds)
    }

    /// [`Gazetteer::find`] given the folded form of each token, which the
    /// extractor slices once for the gazetteer and the recognisers.
    pub(crate) fn find_folded(&self, toks: &Tokens, folds: &[&str]) -> Hits {
        let n = toks.len();
        let mut kinds = vec![0u32; n];
        let mut unchecked = vec![0u32; n];
        let mut cues = vec![0u32; n];
        let mut openers = vec![0u32; n];
        let mut words = Vec::with_capacity(n);
        for i in 0..n {
            let word = self.trie.word(folds[i]);
            if let Some(m) = self.word_marks.get(word as usize) {
                kinds[i] = m.marks;
                cues[i] = m.cues;
                openers[i] = m.opener;
            }
            words.push(word);
        }
        // Sized for one hit per token, so that it is rarely grown (copied).
        let mut hits = Vec::with_capacity(n);
        let mut by_start = Vec::with_capacity(n + 1);
        by_start.push(0);
        for (first, (kind_bits, unchecked_bits)) in
            kinds.iter_mut().zip(unchecked.iter_mut()).enumerate()
        {
            let here = hits.len();
            self.trie.matches_at(&words, first, |pattern| {
                let (lo, hi) = self.pattern_entries[pattern as usize];
                for e in lo..hi {
                    let entry = self.entries[e as usize];
                    let first = first as u32;
                    let end = first + entry.len;
                    let case_ok = case_ok(entry.cap_mask, first, end, toks);
                    if case_ok {
                        *kind_bits |= 1 << entry.kind as u32;
                    }
                    *unchecked_bits |= 1 << entry.kind as u32;
                    hits.push(Hit {
                        first,
                        end,
                        entry: e,
                        kind: entry.kind,
                        case_ok,
                    });
                }
            });
            // Longest first, then by entry.
            let here = &mut hits[here..];
            if here.len() > 1 {
                here.sort_unstable_by(|a, b| b.end.cmp(&a.end).then(a.entry.cmp(&b.entry)));
            }
            by_start.push(hits.len() as u32);
        }
        Hits {
            hits,
            by_start,
            kinds,
            unchecked,
            cues,
            openers,
        }
    }

    /// Whether the capitals the entry needs are there.
    pub fn case_ok(&self, hit: &Hit, _toks: &Tokens) -> bool {
        hit.case_ok
    }

    /// Number of distinct patterns (for diagnostics).
    pub fn pattern_count(&self) -> usize {
        self.trie.pattern_count()
    }
}

/// A word of letters with at most an initial capital (`Paris`, `société`):
/// one token whatever the tokenizer's rules, since glued-word splitting
/// needs an inner capital and elisions an apostrophe.
fn is_plain_word(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(char::is_alphabetic)
        && chars.all(|c| c.is_alphabetic() && !c.is_uppercase())
}

/// Whether tokens `first..end` have the capitals of `mask`.
fn case_ok(mask: u64, first: u32, end: u32, toks: &Tokens) -> bool {
    mask == 0
        || (first..end).enumerate().all(|(k, t)| {
            k >= 64 || mask & (1 << k) == 0 || toks.tokens[t as usize].has(flags::UPPER)
        })
}

/// About the number of entries [`Builder::add_lexicons`] adds (inflected
/// forms of the organisation contexts left out): the builder's tables are
/// sized for it once, instead of growing (and copying themselves) a dozen
/// times each.
fn entry_count(lex: &Lexicons) -> usize {
    let persons: usize = lex.persons.iter().map(|p| 1 + p.aliases.len()).sum();
    let orgs: usize = lex.orgs.iter().map(|o| 1 + o.aliases.len()).sum();
    let roles: usize = lex.roles.iter().map(|r| 1 + r.forms.len()).sum();
    let modifiers: usize = lex.role_modifiers.iter().map(|m| 1 + m.forms.len()).sum();
    persons
        + orgs
        + roles
        + modifiers
        + lex.first_names.len()
        + lex.titles.len()
        + lex.org_heads.len()
        + lex.org_suffixes.len()
        + lex.org_contexts.len()
        + lex.places.len()
        + lex.products.len()
        + lex.speech_verbs.len()
        + lex.dates.len()
        + lex.currencies.len()
        + lex.scales.len()
        + lex.numbers.len()
        + lex.money_qualifiers.len()
}

struct Builder<'a> {
    cfg: &'a TokenizerConfig,
    /// The entries of each pattern (almost always one: the others apart),
    /// patterns in the order first added.
    patterns: Vec<(Entry, Vec<Entry>)>,
    /// The pattern being folded (one buffer for all entries).
    scratch: String,
    /// The patterns' words.
    trie: WordTrie,
}

impl Builder<'_> {
    /// Adds the entries of every lexicon, in a fixed order.
    fn add_lexicons(&mut self, lex: &Lexicons) {
        for (i, p) in lex.persons.iter().enumerate() {
            self.add(&p.canonical, EntryKind::Person, i, true);
            for a in &p.aliases {
                self.add(a, EntryKind::Person, i, true);
            }
        }
        for (i, f) in lex.first_names.iter().enumerate() {
            self.add(f, EntryKind::FirstName, i, true);
        }
        for (i, (t, _)) in lex.titles.iter().enumerate() {
            self.add(t, EntryKind::Title, i, true);
        }
        for (i, o) in lex.orgs.iter().enumerate() {
            self.add(&o.canonical, EntryKind::Org, i, true);
            for a in &o.aliases {
                self.add(a, EntryKind::Org, i, true);
            }
        }
        for (i, (h, _)) in lex.org_heads.iter().enumerate() {
            // Cased: a capital written in a head (`PME`, `Stade`) must be in
            // the text (`le stade Bollaert` is a ground, not a club).
            self.add(h, EntryKind::OrgHead, i, true);
        }
        for (i, s) in lex.org_suffixes.iter().enumerate() {
            self.add(s, EntryKind::OrgSuffix, i, true);
        }
        for (i, p) in lex.places.iter().enumerate() {
            self.add(p, EntryKind::Place, i, true);
        }
        for (i, p) in lex.products.iter().enumerate() {
            self.add(p, EntryKind::Product, i, true);
        }
        for (i, r) in lex.roles.iter().enumerate() {
            for form in std::iter::once(&r.canonical).chain(&r.forms) {
                self.add(form, EntryKind::Role, i, r.abbreviation);
            }
        }
        for (i, m) in lex.role_modifiers.iter().enumerate() {
            for form in std::iter::once(&m.canonical).chain(&m.forms) {
                self.add(form, EntryKind::RoleModifier, i, false);
            }
        }
        for (i, (form, _)) in lex.speech_verbs.iter().enumerate() {
            self.add(form, EntryKind::Speech, i, false);
        }
        for (i, c) in lex.currencies.iter().enumerate() {
            let cased = c.kind == crate::lexicon::CurrencyForm::Code;
            self.add(&c.form, EntryKind::Currency, i, cased);
        }
        for (i, s) in lex.scales.iter().enumerate() {
            self.add(&s.form, EntryKind::Scale, i, false);
        }
        for (i, (q, _)) in lex.money_qualifiers.iter().enumerate() {
            self.add(q, EntryKind::Qualifier, i, false);
        }
        for (i, (form, _, _)) in lex.dates.iter().enumerate() {
            self.add(form, EntryKind::DateWord, i, false);
        }
        for (i, (word, _)) in lex.numbers.iter().enumerate() {
            self.add(word, EntryKind::Number, i, false);
        }
        for (i, (form, kind)) in lex.org_contexts.iter().enumerate() {
            use crate::lexicon::OrgContextKind as K;
            match kind {
                K::Object | K::Subject => {
                    for (f, _) in crate::events::inflect::forms(lex, form).unwrap_or_default() {
                        self.add(&f, EntryKind::OrgContext, i, false);
                    }
                }
                K::Before => {
                    self.add(form, EntryKind::OrgContext, i, false);
                    // `auprès d'Eurazeo`.
                    if let Some(stem) = form.strip_suffix(" de") {
                        self.add(&format!("{stem} d'"), EntryKind::OrgContext, i, false);
                    }
                }
                K::Auxiliary => {}
            }
        }
    }

    fn add(&mut self, surface: &str, kind: EntryKind, index: usize, cased: bool) {
        let mut pattern = std::mem::take(&mut self.scratch);
        pattern.clear();
        if let Some((cap_mask, len)) = self.fold_entry(surface, cased, &mut pattern) {
            let entry = Entry {
                kind,
                index: index as u32,
                cap_mask,
                len,
            };
            self.add_pattern(&pattern, entry);
        }
        self.scratch = pattern;
    }

    /// Writes the folded tokens of `surface` to `pattern` as ` tok1 tok2 … `
    /// and returns its capital mask and number of tokens (`None`: no token).
    fn fold_entry(&self, surface: &str, cased: bool, pattern: &mut String) -> Option<(u64, u32)> {
        use crate::normalize::{fold_into, starts_upper};
        if is_plain_word(surface) {
            // Most entries are one plain word: the tokenizer would give the
            // same single token, so skip it (build time matters).
            pattern.push(' ');
            fold_into(surface, pattern);
            pattern.push(' ');
            Some((u64::from(cased && starts_upper(surface)), 1))
        } else if let Some(words) = crate::tokenize::plain_words(surface, self.cfg) {
            // Plain words (`Banque de France`): the tokens are the words.
            let (mut cap_mask, mut len) = (0u64, 0);
            for (k, w) in words.enumerate() {
                pattern.push(' ');
                fold_into(w, pattern);
                if cased && k < 64 && starts_upper(w) {
                    cap_mask |= 1 << k;
                }
                len += 1;
            }
            pattern.push(' ');
            Some((cap_mask, len))
        } else {
            let (tokens, folded) = tokens_and_folds(surface, self.cfg);
            if tokens.is_empty() {
                return None;
            }
            let mut cap_mask = 0u64;
            if cased {
                for (k, t) in tokens.iter().enumerate().take(64) {
                    if t.has(flags::UPPER) {
                        cap_mask |= 1 << k;
                    }
                }
            }
            pattern.push_str(&folded);
            Some((cap_mask, tokens.len() as u32))
        }
    }

    /// Adds `entry` under `pattern` (` tok1 tok2 … `: folded forms hold
    /// no whitespace, so its words are its tokens).
    fn add_pattern(&mut self, pattern: &str, entry: Entry) {
        let words = crate::lexicon::parse::split_byte(&pattern[1..pattern.len() - 1], b' ');
        match self.trie.add(words) {
            (id, false) => {
                // The same entry under two spellings that fold alike
                // (`Société générale`, `Société Générale`): keep the laxer capitals.
                let (first, more) = &mut self.patterns[id as usize];
                let same = |e: &&mut Entry| e.kind == entry.kind && e.index == entry.index;
                match std::iter::once(first).chain(more.iter_mut()).find(same) {
                    Some(e) => e.cap_mask &= entry.cap_mask,
                    None => more.push(entry),
                }
            }
            (_, true) => self.patterns.push((entry, Vec::new())),
        }
    }

    /// The gazetteer: each pattern's range in the entries, and the entries.
    fn finish(self) -> Gazetteer {
        // Sized once (about 17,000 entries): grown by doubling, the vector
        // was copied a dozen times.
        let total = self.patterns.iter().map(|(_, more)| 1 + more.len()).sum();
        let mut entries = Vec::with_capacity(total);
        let mut pattern_entries = Vec::with_capacity(self.patterns.len());
        for (first, more) in &self.patterns {
            let lo = entries.len() as u32;
            entries.push(*first);
            entries.extend_from_slice(more);
            pattern_entries.push((lo, entries.len() as u32));
        }
        Gazetteer {
            trie: self.trie,
            word_marks: Vec::new(),
            pattern_entries,
            entries,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{OrgEntry, RoleEntry};
    use crate::tokenize::tokenize;

    fn setup() -> (Gazetteer, TokenizerConfig) {
        let mut cfg = TokenizerConfig::default();
        cfg.elisions.insert("d".into());
        cfg.elisions.insert("l".into());
        let mut lex = Lexicons::default();
        for (name, aliases) in [
            ("OpenAI", vec![]),
            ("Société générale", vec!["Société Générale".to_string()]),
            ("Autorité des marchés financiers", vec!["AMF".to_string()]),
        ] {
            lex.orgs.push(OrgEntry {
                canonical: name.into(),
                kind: "company".into(),
                aliases,
                common: false,
                context: vec![],
            });
        }
        lex.roles.push(RoleEntry {
            canonical: "président".into(),
            forms: vec!["présidente".into()],
            abbreviation: false,
        });
        lex.roles.push(RoleEntry {
            canonical: "PDG".into(),
            forms: vec![],
            abbreviation: true,
        });
        lex.first_names.push("Jean".into());
        lex.persons.push(crate::lexicon::PersonEntry {
            canonical: "Jean Dupont".into(),
            aliases: vec![],
        });
        (Gazetteer::build(&lex, &cfg), cfg)
    }

    fn matches(text: &str) -> Vec<(String, EntryKind, bool)> {
        let (g, cfg) = setup();
        let toks = tokenize(text, &cfg);
        let hits = g.find(&toks);
        hits.all()
            .iter()
            .map(|h| {
                let s = &text[toks.tokens[h.first as usize].start as usize
                    ..toks.tokens[h.end as usize - 1].end as usize];
                (s.to_string(), g.entry(h).kind, g.case_ok(h, &toks))
            })
            .collect()
    }

    #[test]
    fn matches_whole_tokens_only() {
        assert_eq!(
            matches("Le départ d'OpenAI."),
            [("OpenAI".to_string(), EntryKind::Org, true)]
        );
        assert!(matches("OpenAIX et XOpenAI").is_empty());
    }

    #[test]
    fn accent_apostrophe_and_case_tolerant_with_case_check() {
        let m = matches("la Societe Generale et l’Autorité des Marchés Financiers");
        assert!(
            m.contains(&("Societe Generale".to_string(), EntryKind::Org, true)),
            "{m:?}"
        );
        assert!(
            m.contains(&(
                "Autorité des Marchés Financiers".to_string(),
                EntryKind::Org,
                true
            )),
            "{m:?}"
        );
        let m = matches("la société générale des eaux");
        assert_eq!(m, [("société générale".to_string(), EntryKind::Org, false)]);
    }

    #[test]
    fn unchecked_kinds_include_the_hits_of_the_wrong_case() {
        let (g, cfg) = setup();
        let toks = tokenize("la société générale et la Societe Generale", &cfg);
        let hits = g.find(&toks);
        let starts =
            |has: &dyn Fn(usize) -> bool| (0..toks.len()).filter(|&i| has(i)).collect::<Vec<_>>();
        assert_eq!(starts(&|i| hits.has(i, EntryKind::Org)), [5]);
        assert_eq!(starts(&|i| hits.has_unchecked(i, EntryKind::Org)), [1, 5]);
        assert!(starts(&|i| hits.has_unchecked(i, EntryKind::Role)).is_empty());
        assert!(!hits.has_unchecked(toks.len(), EntryKind::Org));
        let any: Vec<usize> = starts(&|i| hits.starts_any(i));
        assert_eq!(any, starts(&|i| !hits.at(i).is_empty()));
        assert_eq!(any, [1, 5]);
    }

    #[test]
    fn role_words_need_no_capitals_but_abbreviations_do() {
        let m = matches("La Présidente et le pdg");
        assert!(m.contains(&("Présidente".to_string(), EntryKind::Role, true)));
        assert!(m.contains(&("pdg".to_string(), EntryKind::Role, false)));
    }

    #[test]
    fn word_marks_are_given_to_every_token_of_the_word() {
        let (mut g, cfg) = setup();
        let toks = tokenize("Le départ de Jean et le DÉPART", &cfg);
        let mut word_marks = rustc_hash::FxHashMap::default();
        let marks_only = |marks| WordMarks {
            marks,
            ..WordMarks::default()
        };
        word_marks.insert("le".to_string(), marks_only(marks::STOPWORD));
        word_marks.insert(
            "depart".to_string(),
            WordMarks {
                marks: marks::TRIGGER_WORD | marks::CUE_WORD,
                cues: 0b101,
                opener: 0,
            },
        );
        // A word that also begins an entry.
        word_marks.insert(
            "jean".to_string(),
            WordMarks {
                marks: marks::CUE_WORD,
                cues: 0b10,
                opener: 2,
            },
        );
        // A word that opens a complement pattern, and nothing else.
        word_marks.insert(
            "de".to_string(),
            WordMarks {
                opener: 1,
                ..WordMarks::default()
            },
        );
        g.set_word_marks(&word_marks);
        let hits = g.find(&toks);
        let marked = |mark| {
            (0..toks.len())
                .filter(|&i| hits.is_marked(i, mark))
                .collect::<Vec<_>>()
        };
        assert_eq!(marked(marks::STOPWORD), [0, 5]);
        assert_eq!(marked(marks::TRIGGER_WORD), [1, 6]);
        assert_eq!(marked(marks::CUE_WORD), [1, 3, 6]);
        assert!(marked(marks::NUMBER_WORD).is_empty());
        assert!(hits.is_stopword(5) && !hits.is_stopword(1));
        let cues: Vec<u32> = (0..toks.len()).map(|i| hits.cue_bits(i)).collect();
        assert_eq!(cues, [0, 0b101, 0, 0b10, 0, 0, 0b101]);
        let openers: Vec<u32> = (0..toks.len()).map(|i| hits.opener(i)).collect();
        assert_eq!(openers, [0, 0, 1, 2, 0, 0, 0]);
        // The entry kinds and hits are still there.
        assert!(hits.has(3, EntryKind::FirstName));
        assert_eq!(hits.at(3).len(), 1);
    }

    #[test]
    fn every_pattern_of_many_is_found() {
        let count = 1543;
        let lex = Lexicons {
            places: (0..count).map(|i| format!("Ville{i:04}x")).collect(),
            ..Lexicons::default()
        };
        let cfg = TokenizerConfig::default();
        let g = Gazetteer::build(&lex, &cfg);
        assert_eq!(g.pattern_count(), count);
        for i in [0, 511, 512, count - 1] {
            let text = format!("Près de Ville{i:04}x.");
            let toks = tokenize(&text, &cfg);
            let hits = g.find(&toks);
            assert_eq!(hits.all().len(), 1, "{text}");
            assert_eq!(g.entry(&hits.all()[0]).index as usize, i);
        }
    }

    #[test]
    fn overlapping_hits_are_all_reported_longest_first() {
        let m = matches("Jean Dupont");
        assert_eq!(m[0], ("Jean Dupont".to_string(), EntryKind::Person, true));
        assert_eq!(m[1], ("Jean".to_string(), EntryKind::FirstName, true));
    }

    /// The entries of [`setup`] with the lexicon each comes from, for
    /// [`naive_hits`].
    fn setup_surfaces() -> Vec<(&'static str, EntryKind)> {
        vec![
            ("OpenAI", EntryKind::Org),
            ("Société générale", EntryKind::Org),
            ("Société Générale", EntryKind::Org),
            ("Autorité des marchés financiers", EntryKind::Org),
            ("AMF", EntryKind::Org),
            ("président", EntryKind::Role),
            ("présidente", EntryKind::Role),
            ("PDG", EntryKind::Role),
            ("Jean", EntryKind::FirstName),
            ("Jean Dupont", EntryKind::Person),
        ]
    }

    /// Hits as a byte search of the folded buffer finds them: every
    /// occurrence of an entry's folded tokens, laid out as ` tok1 tok2 … `,
    /// that starts at the space before a token (the gazetteer's original
    /// definition, with an automaton over the buffer).
    fn naive_hits(toks: &Tokens, cfg: &TokenizerConfig) -> Vec<(u32, u32, EntryKind)> {
        let mut out = Vec::new();
        for (surface, kind) in setup_surfaces() {
            let pattern = tokenize(surface, cfg).folded;
            let len = tokenize(surface, cfg).len() as u32;
            let buffer = toks.folded.as_bytes();
            for at in 0..buffer.len() {
                if buffer[at..].starts_with(pattern.as_bytes()) {
                    if let Some(first) = toks.token_at_fold(at + 1) {
                        out.push((first as u32, first as u32 + len, kind));
                    }
                }
            }
        }
        out.sort_unstable_by_key(|&(first, end, kind)| (first, end, kind as u8));
        out.dedup();
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// Matching word by word finds what a byte search of the folded
        /// buffer finds, on random mixes of entry words, near misses,
        /// apostrophes and punctuation.
        #[test]
        fn finds_what_a_byte_search_of_the_folded_text_finds(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    " ", " ", "  ", "OpenAI", "Open", "AI", "Société", "societe", "générale",
                    "Generale", "Autorité", "des", "marchés", "financiers", "AMF", "amf",
                    "président", "présidente", "PDG", "pdg", "Jean", "jean", "Dupont",
                    "Jean-Dupont", "d'", "l’", "de", "la", ".", ",", "'", "-", "\n", "é",
                    "1", "42", "«", "»",
                ]),
                0..20,
            )
        ) {
            let (g, cfg) = setup();
            let text: String = pieces.concat();
            let toks = tokenize(&text, &cfg);
            let mut found: Vec<(u32, u32, EntryKind)> = g
                .find(&toks)
                .all()
                .iter()
                .map(|h| (h.first, h.end, h.kind))
                .collect();
            found.sort_unstable_by_key(|&(first, end, kind)| (first, end, kind as u8));
            found.dedup();
            proptest::prop_assert_eq!(found, naive_hits(&toks, &cfg), "{:?}", text);
        }
    }
}
