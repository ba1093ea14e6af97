//! Gazetteer: every lexicon entry compiled into one Aho-Corasick automaton,
//! matched in one pass over a document, on whole tokens only.
//!
//! Entries are tokenized with the document tokenizer and folded (see
//! [`crate::normalize`]), then written as ` tok1 tok2 … ` with a space on
//! both sides; the document's folded buffer has the same layout, so a match
//! can only start and end on token boundaries (`AI` never matches inside
//! `OpenAI`). Folding makes matching accent-, case- and apostrophe-tolerant;
//! case is then checked per entry on the original tokens: proper names keep
//! a capital mask (`Société Générale` needs capitals on both words, role
//! words need none).
//!
//! Every hit is reported, overlapping ones included (`Jean` as a first name
//! and `Jean Dupont` as a known person): choosing between them is the job
//! of the recognisers and of resolution.
//!
//! Building is most of [`crate::Extractor::new`]: the automaton is compiled
//! on a thread of its own while the entries are folded and the rest of the
//! extractor is built (see [`Gazetteer::build_alongside`]).

use crate::lexicon::Lexicons;
use crate::tokenize::{flags, tokenize, TokenizerConfig, Tokens};
use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;
use std::sync::Arc;

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
/// token in [`crate::resources::Resources::word_marks`] (see
/// [`Hits::mark_words`]) instead of one hash look-up per question.
pub mod marks {
    /// A function word (`stopwords.txt`).
    pub const STOPWORD: u32 = 1 << 31;
    /// A number word (`numbers.tsv`): `NumberParser::is_word` may hold.
    pub const NUMBER_WORD: u32 = 1 << 30;
    /// The first word of some event trigger: the rule index may hold it.
    pub const TRIGGER_WORD: u32 = 1 << 29;
    /// A cue word of some kind (`event_cues.tsv`).
    pub const CUE_WORD: u32 = 1 << 28;
}

/// What [`Hits::mark_words`] gives the tokens of one folded word: its
/// [`marks`], and the bits of its cue kinds in the event rules
/// ([`crate::events::RuleSet`], `event_cues.tsv`; 0 for no cue).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WordMarks {
    /// The word's [`marks`].
    pub marks: u32,
    /// The word's cue kind bits.
    pub cues: u32,
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
    /// Per token, the cue kind bits of its folded form (see [`WordMarks`]):
    /// the event engine and the relations ask whether a token is a cue of
    /// some kind tens of times per trigger, so the word is looked up once.
    cues: Vec<u32>,
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

    /// Whether a case-checked hit of one of `kinds` starts at token `i`.
    #[inline]
    pub fn has_any(&self, i: usize, kinds: &[EntryKind]) -> bool {
        let mask = kinds.iter().fold(0, |m, &kind| m | 1 << kind as u32);
        self.kinds.get(i).is_some_and(|k| k & mask != 0)
    }

    /// Whether token `i` is a function word (see [`Hits::mark_stopwords`]).
    #[inline]
    pub fn is_stopword(&self, i: usize) -> bool {
        self.kinds.get(i).is_some_and(|k| k & STOPWORD_BIT != 0)
    }

    /// Marks the tokens whose folded form is in `stopwords`.
    pub fn mark_stopwords(&mut self, toks: &Tokens, stopwords: &rustc_hash::FxHashSet<String>) {
        for (i, k) in self.kinds.iter_mut().enumerate() {
            if stopwords.contains(toks.fold(i)) {
                *k |= STOPWORD_BIT;
            }
        }
    }

    /// Gives every token the [`marks`] and the cue kind bits of its folded
    /// form in `word_marks` (folded word → marks), [`marks::STOPWORD`]
    /// included.
    pub fn mark_words(
        &mut self,
        toks: &Tokens,
        word_marks: &rustc_hash::FxHashMap<String, WordMarks>,
    ) {
        self.cues = vec![0; self.kinds.len()];
        for (i, (k, c)) in self.kinds.iter_mut().zip(&mut self.cues).enumerate() {
            if let Some(m) = word_marks.get(toks.fold(i)) {
                *k |= m.marks;
                *c = m.cues;
            }
        }
    }

    /// The cue kind bits of token `i` (0 before [`Hits::mark_words`]).
    #[inline]
    pub fn cue_bits(&self, i: usize) -> u32 {
        self.cues.get(i).copied().unwrap_or(0)
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
    automaton: AhoCorasick,
    /// Pattern id → range in `entries`.
    pattern_entries: Vec<(u32, u32)>,
    entries: Vec<Entry>,
}

impl Gazetteer {
    /// Compiles every lexicon of `lex`, tokenizing entries with `cfg`.
    pub fn build(lex: &Lexicons, cfg: &TokenizerConfig) -> Gazetteer {
        Gazetteer::build_alongside(lex, cfg, || ()).0
    }

    /// [`Gazetteer::build`], and `alongside` on the calling thread while the
    /// automaton is finished.
    ///
    /// Compiling the automaton is about half of [`crate::Extractor::new`]
    /// and cannot be split, so it runs on a thread of its own that takes the
    /// patterns in batches as they are folded (its trie grows while the
    /// entries are still being read); `alongside` is the caller's other
    /// work, done while that thread finishes. The automaton gets the same
    /// patterns in the same order as a single-threaded build would give it.
    ///
    /// The thread is a scoped `std` thread, not a rayon task: it blocks
    /// waiting for patterns, which would deadlock a rayon pool whose other
    /// workers are busy (or a pool of one thread).
    pub fn build_alongside<T>(
        lex: &Lexicons,
        cfg: &TokenizerConfig,
        alongside: impl FnOnce() -> T,
    ) -> (Gazetteer, T) {
        std::thread::scope(|scope| {
            let (to_automaton, patterns) = std::sync::mpsc::channel::<Vec<Pattern>>();
            let automaton = scope.spawn(move || {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(patterns.into_iter().flatten())
                    .expect("lexicon patterns are small enough for an automaton")
            });
            let mut builder = Builder {
                cfg,
                ids: FxHashMap::default(),
                patterns: Vec::new(),
                scratch: String::new(),
                batch: Vec::with_capacity(Builder::BATCH),
                to_automaton,
            };
            builder.add_lexicons(lex);
            let (pattern_entries, entries) = builder.finish();
            let other = alongside();
            let automaton = automaton
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let gazetteer = Gazetteer {
                automaton,
                pattern_entries,
                entries,
            };
            (gazetteer, other)
        })
    }

    /// The entry behind a hit.
    #[inline]
    pub fn entry(&self, hit: &Hit) -> Entry {
        self.entries[hit.entry as usize]
    }

    /// Finds every lexicon entry in the document, on whole tokens.
    pub fn find(&self, toks: &Tokens) -> Hits {
        let n = toks.len();
        let mut found = Vec::new();
        // The tokens whose folded form starts at or before the end of the
        // current match. Matches come in the order of their ends, so this
        // only grows, and the match's first token is a few tokens back:
        // found by walking back from here rather than by a binary search of
        // all the tokens per match.
        let mut before_end = 0;
        for m in self.automaton.find_overlapping_iter(&toks.folded) {
            while before_end < n && toks.tokens[before_end].fold_start as usize <= m.end() {
                before_end += 1;
            }
            let start = (m.start() + 1) as u32;
            let Some(first) = toks.tokens[..before_end]
                .iter()
                .rposition(|t| t.fold_start <= start)
                .filter(|&k| toks.tokens[k].fold_start == start)
            else {
                continue;
            };
            let (lo, hi) = self.pattern_entries[m.pattern().as_usize()];
            for e in lo..hi {
                let entry = self.entries[e as usize];
                let first = first as u32;
                let end = first + entry.len;
                let case_ok = case_ok(entry.cap_mask, first, end, toks);
                found.push(Hit {
                    first,
                    end,
                    entry: e,
                    kind: entry.kind,
                    case_ok,
                });
            }
        }
        // Sorted by first token (a counting sort, which also gives
        // `by_start`), then, among the few hits of one token, longest first
        // and by entry: (first, end, entry) is unique, so this is the order
        // one sort of all the hits by the three would give.
        let mut by_start = vec![0u32; n + 1];
        for hit in &found {
            by_start[hit.first as usize + 1] += 1;
        }
        for i in 0..n {
            by_start[i + 1] += by_start[i];
        }
        let mut next = by_start.clone();
        let mut hits = found.clone();
        for hit in found {
            let slot = &mut next[hit.first as usize];
            hits[*slot as usize] = hit;
            *slot += 1;
        }
        for i in 0..n {
            let here = &mut hits[by_start[i] as usize..by_start[i + 1] as usize];
            if here.len() > 1 {
                here.sort_unstable_by(|a, b| b.end.cmp(&a.end).then(a.entry.cmp(&b.entry)));
            }
        }
        let mut kinds = vec![0u32; n];
        for hit in hits.iter().filter(|h| h.case_ok) {
            kinds[hit.first as usize] |= 1 << hit.kind as u32;
        }
        Hits {
            hits,
            by_start,
            kinds,
            cues: Vec::new(),
        }
    }

    /// Whether the capitals the entry needs are there.
    pub fn case_ok(&self, hit: &Hit, _toks: &Tokens) -> bool {
        hit.case_ok
    }

    /// Number of distinct patterns (for diagnostics).
    pub fn pattern_count(&self) -> usize {
        self.pattern_entries.len()
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

struct Builder<'a> {
    cfg: &'a TokenizerConfig,
    /// Folded pattern → its index in `patterns`.
    ids: FxHashMap<Arc<str>, u32>,
    /// The entries of each pattern (almost always one: the others apart),
    /// patterns in the order first added.
    patterns: Vec<(Entry, Vec<Entry>)>,
    /// The pattern being folded (one buffer for all entries).
    scratch: String,
    /// New patterns not yet sent to the automaton.
    batch: Vec<Pattern>,
    /// The thread compiling the automaton (see [`Gazetteer::build_alongside`]).
    to_automaton: std::sync::mpsc::Sender<Vec<Pattern>>,
}

/// A folded pattern as the automaton takes it (`Arc<str>` gives no bytes).
struct Pattern(Arc<str>);

impl AsRef<[u8]> for Pattern {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl Builder<'_> {
    /// Patterns sent to the automaton at a time: few enough sends that the
    /// two threads rarely wait for each other, early enough that the
    /// automaton's trie grows while entries are folded.
    const BATCH: usize = 512;

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
            self.add(h, EntryKind::OrgHead, i, false);
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
            let toks = tokenize(surface, self.cfg);
            if toks.is_empty() {
                return None;
            }
            let mut cap_mask = 0u64;
            if cased {
                for (k, t) in toks.tokens.iter().enumerate().take(64) {
                    if t.has(flags::UPPER) {
                        cap_mask |= 1 << k;
                    }
                }
            }
            pattern.push_str(&toks.folded);
            Some((cap_mask, toks.len() as u32))
        }
    }

    fn add_pattern(&mut self, pattern: &str, entry: Entry) {
        match self.ids.get(pattern) {
            Some(&id) => {
                // The same entry under two spellings that fold alike
                // (`Société générale`, `Société Générale`): keep the laxer capitals.
                let (first, more) = &mut self.patterns[id as usize];
                let same = |e: &&mut Entry| e.kind == entry.kind && e.index == entry.index;
                match std::iter::once(first).chain(more.iter_mut()).find(same) {
                    Some(e) => e.cap_mask &= entry.cap_mask,
                    None => more.push(entry),
                }
            }
            None => {
                // One allocation per distinct pattern, shared by the map
                // that finds it again and the automaton that compiles it.
                let shared = Pattern(Arc::from(pattern));
                self.ids
                    .insert(Arc::clone(&shared.0), self.patterns.len() as u32);
                self.patterns.push((entry, Vec::new()));
                self.batch.push(shared);
                if self.batch.len() == Self::BATCH {
                    self.send_batch();
                }
            }
        }
    }

    fn send_batch(&mut self) {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(Self::BATCH));
        // A send fails only when the automaton's thread has stopped, that
        // is panicked: `build_alongside` passes its panic on when it joins.
        let _ = self.to_automaton.send(batch);
    }

    /// Sends the last patterns (dropping the sender ends the automaton's
    /// input) and returns each pattern's range in the entries, and the entries.
    fn finish(mut self) -> (Vec<(u32, u32)>, Vec<Entry>) {
        self.send_batch();
        drop(self.to_automaton);
        drop(self.ids);
        let mut entries = Vec::new();
        let mut pattern_entries = Vec::with_capacity(self.patterns.len());
        for (first, more) in &self.patterns {
            let lo = entries.len() as u32;
            entries.push(*first);
            entries.extend_from_slice(more);
            pattern_entries.push((lo, entries.len() as u32));
        }
        (pattern_entries, entries)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{OrgEntry, RoleEntry};

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
    fn role_words_need_no_capitals_but_abbreviations_do() {
        let m = matches("La Présidente et le pdg");
        assert!(m.contains(&("Présidente".to_string(), EntryKind::Role, true)));
        assert!(m.contains(&("pdg".to_string(), EntryKind::Role, false)));
    }

    #[test]
    fn word_marks_are_given_to_every_token_of_the_word() {
        let (g, cfg) = setup();
        let toks = tokenize("Le départ de Jean et le DÉPART", &cfg);
        let mut hits = g.find(&toks);
        let mut word_marks = rustc_hash::FxHashMap::default();
        let marks_only = |marks| WordMarks { marks, cues: 0 };
        word_marks.insert("le".to_string(), marks_only(marks::STOPWORD));
        word_marks.insert(
            "depart".to_string(),
            WordMarks {
                marks: marks::TRIGGER_WORD | marks::CUE_WORD,
                cues: 0b101,
            },
        );
        hits.mark_words(&toks, &word_marks);
        let marked = |mark| {
            (0..toks.len())
                .filter(|&i| hits.is_marked(i, mark))
                .collect::<Vec<_>>()
        };
        assert_eq!(marked(marks::STOPWORD), [0, 5]);
        assert_eq!(marked(marks::TRIGGER_WORD), [1, 6]);
        assert_eq!(marked(marks::CUE_WORD), [1, 6]);
        assert!(marked(marks::NUMBER_WORD).is_empty());
        assert!(hits.is_stopword(5) && !hits.is_stopword(1));
        let cues: Vec<u32> = (0..toks.len()).map(|i| hits.cue_bits(i)).collect();
        assert_eq!(cues, [0, 0b101, 0, 0, 0, 0, 0b101]);
        // The entry kinds are still there.
        assert!(hits.has(3, EntryKind::FirstName));
    }

    #[test]
    fn every_batch_of_patterns_reaches_the_automaton() {
        // More patterns than one batch, and a last batch that is not full.
        let count = 3 * Builder::BATCH + 7;
        let lex = Lexicons {
            places: (0..count).map(|i| format!("Ville{i:04}x")).collect(),
            ..Lexicons::default()
        };
        let cfg = TokenizerConfig::default();
        let g = Gazetteer::build(&lex, &cfg);
        assert_eq!(g.pattern_count(), count);
        for i in [0, Builder::BATCH - 1, Builder::BATCH, count - 1] {
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
}
