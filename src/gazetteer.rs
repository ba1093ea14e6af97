//! Gazetteer: every lexicon entry compiled into one trie over folded words,
//! matched in one pass over a document, on whole tokens only.
//!
//! Entries are tokenized with the document tokenizer and folded (see
//! [`crate::normalize`]) into sequences of folded tokens; a match is a run
//! of whole document tokens whose folded forms are the entry's, so `AI`
//! never matches inside `OpenAI`. The entries form a trie over word ids
//! (every distinct folded word of the lexicons gets one): a document's
//! tokens are looked up once each, then the trie is walked from every token
//! that starts an entry. This finds exactly what an Aho-Corasick automaton
//! over ` tok1 tok2 … ` layouts found (folded forms never contain a space),
//! at a fraction of the cost of compiling and running that automaton.
//! Folding makes matching accent-, case- and apostrophe-tolerant;
//! case is then checked per entry on the original tokens: proper names keep
//! a capital mask (`Société Générale` needs capitals on both words, role
//! words need none).
//!
//! Every hit is reported, overlapping ones included (`Jean` as a first name
//! and `Jean Dupont` as a known person): choosing between them is the job
//! of the recognisers and of resolution.

use crate::lexicon::Lexicons;
use crate::tokenize::{flags, tokenize, TokenizerConfig, Tokens};
use rustc_hash::{FxHashMap, FxHashSet};

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

/// Bit of [`Hits::has`] marking a function word (`stopwords.txt`).
const STOPWORD_BIT: u32 = 1 << 31;
/// Bit of [`Hits::has`] marking the first word of an event trigger.
const TRIGGER_BIT: u32 = 1 << 30;

/// Facts about single words that the event rules ask for many tokens,
/// answered by the look-up the gazetteer makes for every token anyway
/// (see [`Gazetteer::build_with_marks`]).
#[derive(Debug, Default)]
pub struct WordMarks<'a> {
    /// Folded cue word → its cue bits (`event_cues.tsv`).
    pub cues: Vec<(&'a str, u16)>,
    /// Folded first words of event triggers.
    pub triggers: Vec<&'a str>,
}

/// The hits of one document, sorted by first token then longest first.
#[derive(Debug, Default, Clone)]
pub struct Hits {
    hits: Vec<Hit>,
    /// `by_start[i]..by_start[i + 1]` are the hits starting at token `i`.
    by_start: Vec<u32>,
    /// Per token, one bit per [`EntryKind`] with a case-checked hit starting
    /// there, [`STOPWORD_BIT`] and [`TRIGGER_BIT`]: recognisers ask these
    /// questions for every token, so they are answered once.
    kinds: Vec<u32>,
    /// Per token, the cue bits of its folded form ([`WordMarks::cues`]).
    cues: Vec<u16>,
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

    /// Whether token `i` may start an event trigger: its folded form is one
    /// of the [`WordMarks::triggers`] the gazetteer was built with.
    #[inline]
    pub fn is_trigger_word(&self, i: usize) -> bool {
        self.kinds.get(i).is_some_and(|k| k & TRIGGER_BIT != 0)
    }

    /// The cue bits of token `i`'s folded form ([`WordMarks::cues`] of the
    /// gazetteer; 0 for a word that is no cue).
    #[inline]
    pub fn cue_bits(&self, i: usize) -> u16 {
        self.cues.get(i).copied().unwrap_or(0)
    }

    /// Whether token `i` is a function word (see [`Hits::mark_stopwords`]).
    #[inline]
    pub fn is_stopword(&self, i: usize) -> bool {
        self.kinds.get(i).is_some_and(|k| k & STOPWORD_BIT != 0)
    }

    /// Marks the tokens whose folded form is in `stopwords`.
    /// [`Gazetteer::find`] already marks the stop words of the tokenizer
    /// configuration it was built with; this is for another list.
    pub fn mark_stopwords(&mut self, toks: &Tokens, stopwords: &rustc_hash::FxHashSet<String>) {
        for (i, k) in self.kinds.iter_mut().enumerate() {
            if stopwords.contains(toks.fold(i)) {
                *k |= STOPWORD_BIT;
            }
        }
    }
}

mod word_table;

use word_table::WordTable;

/// "No word", "no node", "no pattern" in [`TokenTrie`].
const NONE: u32 = u32::MAX;

/// What the look-up of a token's folded form gives: everything the search
/// needs for most tokens, in one slot of the [`WordTable`].
#[derive(Debug, Clone, Copy)]
struct WordInfo {
    /// The word id ([`NONE`]: a word of no pattern and no stop word).
    id: u32,
    /// The trie node reached from the root by this word, or [`NONE`].
    root: u32,
    /// `lo..hi` in [`Gazetteer::entries`]: the entries of the one-word
    /// pattern that is this word (empty when there is none).
    lo: u32,
    hi: u32,
    /// Longer patterns start with this word.
    children: bool,
    /// A stop word of the tokenizer configuration.
    stop: bool,
    /// The first word of an event trigger ([`WordMarks::triggers`]).
    trigger: bool,
    /// Its cue bits ([`WordMarks::cues`]).
    cues: u16,
}

impl Default for WordInfo {
    fn default() -> Self {
        WordInfo {
            id: NONE,
            root: NONE,
            lo: 0,
            hi: 0,
            children: false,
            stop: false,
            trigger: false,
            cues: 0,
        }
    }
}

/// The patterns as sequences of folded words, in a trie whose edges are
/// word ids. `words`, `roots` and `stop` serve the build only: the search
/// reads them from the [`WordInfo`]s of [`Gazetteer::words`].
#[derive(Debug, Clone, Default)]
struct TokenTrie {
    /// Folded word → word id: every word of every pattern, and the stop words.
    words: FxHashMap<Box<str>, u32>,
    /// Word id → the node reached from the root by that word ([`NONE`]
    /// when no pattern starts with it).
    roots: Vec<u32>,
    /// Word id → whether it is a stop word of the tokenizer configuration.
    stop: Vec<bool>,
    /// Word id → whether it may start an event trigger.
    trigger: Vec<bool>,
    /// Word id → cue bits.
    cues: Vec<u16>,
    /// (node, word id) → child node, for every word after the first.
    edges: FxHashMap<(u32, u32), u32>,
    /// Node → the pattern ending there, or [`NONE`].
    pattern: Vec<u32>,
}

impl TokenTrie {
    /// The id of `word`, created if new.
    fn word_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.words.get(word) {
            return id;
        }
        let id = self.roots.len() as u32;
        self.words.insert(word.into(), id);
        self.roots.push(NONE);
        self.stop.push(false);
        self.trigger.push(false);
        self.cues.push(0);
        id
    }

    fn new_node(&mut self) -> u32 {
        self.pattern.push(NONE);
        self.pattern.len() as u32 - 1
    }

    /// Adds pattern `id`, written ` w1 w2 … ` (a space before every word and
    /// one at the end).
    fn insert(&mut self, layout: &str, id: u32) {
        let inner = &layout[1..layout.len() - 1];
        let mut node = NONE;
        for word in inner.split(' ') {
            let w = self.word_id(word);
            node = if node == NONE {
                match self.roots[w as usize] {
                    NONE => {
                        let n = self.new_node();
                        self.roots[w as usize] = n;
                        n
                    }
                    n => n,
                }
            } else {
                match self.edges.get(&(node, w)) {
                    Some(&n) => n,
                    None => {
                        let n = self.new_node();
                        self.edges.insert((node, w), n);
                        n
                    }
                }
            };
        }
        self.pattern[node as usize] = id;
    }
}

/// The compiled lexicons.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    trie: TokenTrie,
    /// Folded word → its [`WordInfo`].
    words: WordTable<WordInfo>,
    /// Pattern id → range in `entries`.
    pattern_entries: Vec<(u32, u32)>,
    entries: Vec<Entry>,
}

impl Gazetteer {
    /// Compiles every lexicon of `lex`, tokenizing entries with `cfg`.
    pub fn build(lex: &Lexicons, cfg: &TokenizerConfig) -> Gazetteer {
        Gazetteer::build_with_marks(lex, cfg, &WordMarks::default())
    }

    /// [`Gazetteer::build`], and the per-word facts of `marks` returned by
    /// [`Gazetteer::find`] for every token ([`Hits::is_trigger_word`],
    /// [`Hits::cue_bits`]).
    pub fn build_with_marks(lex: &Lexicons, cfg: &TokenizerConfig, marks: &WordMarks) -> Gazetteer {
        let mut builder = Builder {
            cfg,
            patterns: FxHashMap::default(),
            order: Vec::new(),
        };
        let cased = |s: &str| s.to_string();
        for (i, p) in lex.persons.iter().enumerate() {
            builder.add(&p.canonical, EntryKind::Person, i, true);
            for a in &p.aliases {
                builder.add(a, EntryKind::Person, i, true);
            }
        }
        for (i, f) in lex.first_names.iter().enumerate() {
            builder.add(f, EntryKind::FirstName, i, true);
        }
        for (i, (t, _)) in lex.titles.iter().enumerate() {
            builder.add(t, EntryKind::Title, i, true);
        }
        for (i, o) in lex.orgs.iter().enumerate() {
            builder.add(&o.canonical, EntryKind::Org, i, true);
            for a in &o.aliases {
                builder.add(a, EntryKind::Org, i, true);
            }
        }
        for (i, (h, _)) in lex.org_heads.iter().enumerate() {
            builder.add(h, EntryKind::OrgHead, i, false);
        }
        for (i, s) in lex.org_suffixes.iter().enumerate() {
            builder.add(s, EntryKind::OrgSuffix, i, true);
        }
        for (i, p) in lex.places.iter().enumerate() {
            builder.add(p, EntryKind::Place, i, true);
        }
        for (i, p) in lex.products.iter().enumerate() {
            builder.add(p, EntryKind::Product, i, true);
        }
        for (i, r) in lex.roles.iter().enumerate() {
            for form in std::iter::once(&r.canonical).chain(&r.forms) {
                builder.add(&cased(form), EntryKind::Role, i, r.abbreviation);
            }
        }
        for (i, m) in lex.role_modifiers.iter().enumerate() {
            for form in std::iter::once(&m.canonical).chain(&m.forms) {
                builder.add(form, EntryKind::RoleModifier, i, false);
            }
        }
        for (i, (form, _)) in lex.speech_verbs.iter().enumerate() {
            builder.add(form, EntryKind::Speech, i, false);
        }
        for (i, c) in lex.currencies.iter().enumerate() {
            let cased = c.kind == crate::lexicon::CurrencyForm::Code;
            builder.add(&c.form, EntryKind::Currency, i, cased);
        }
        for (i, s) in lex.scales.iter().enumerate() {
            builder.add(&s.form, EntryKind::Scale, i, false);
        }
        for (i, (q, _)) in lex.money_qualifiers.iter().enumerate() {
            builder.add(q, EntryKind::Qualifier, i, false);
        }
        for (i, (form, _, _)) in lex.dates.iter().enumerate() {
            builder.add(form, EntryKind::DateWord, i, false);
        }
        for (i, (word, _)) in lex.numbers.iter().enumerate() {
            builder.add(word, EntryKind::Number, i, false);
        }
        builder.finish(&cfg.stopwords, marks)
    }

    /// The entry behind a hit.
    #[inline]
    pub fn entry(&self, hit: &Hit) -> Entry {
        self.entries[hit.entry as usize]
    }

    /// Finds every lexicon entry in the document, on whole tokens, and
    /// marks the stop words of the tokenizer configuration the gazetteer
    /// was built with (see [`Hits::is_stopword`]).
    pub fn find(&self, toks: &Tokens) -> Hits {
        let trie = &self.trie;
        let infos: Vec<WordInfo> = (0..toks.len())
            .map(|i| self.words.get(toks.fold(i)).unwrap_or_default())
            .collect();
        let mut hits = Vec::new();
        for (i, w) in infos.iter().enumerate() {
            if w.lo < w.hi {
                self.push_entries(w.lo, w.hi, i as u32, toks, &mut hits);
            }
            if !w.children {
                continue;
            }
            let mut node = w.root;
            for next in &infos[i + 1..] {
                if next.id == NONE {
                    break;
                }
                match trie.edges.get(&(node, next.id)) {
                    Some(&child) => node = child,
                    None => break,
                }
                let p = trie.pattern[node as usize];
                if p != NONE {
                    let (lo, hi) = self.pattern_entries[p as usize];
                    self.push_entries(lo, hi, i as u32, toks, &mut hits);
                }
            }
        }
        hits.sort_unstable_by(|a, b| {
            a.first
                .cmp(&b.first)
                .then(b.end.cmp(&a.end))
                .then(a.entry.cmp(&b.entry))
        });
        let mut by_start = Vec::with_capacity(toks.len() + 1);
        let mut kinds = vec![0u32; toks.len()];
        let mut h = 0;
        for i in 0..=toks.len() {
            while h < hits.len() && (hits[h].first as usize) < i {
                h += 1;
            }
            by_start.push(h as u32);
        }
        for hit in hits.iter().filter(|h| h.case_ok) {
            kinds[hit.first as usize] |= 1 << hit.kind as u32;
        }
        for (k, w) in kinds.iter_mut().zip(&infos) {
            if w.stop {
                *k |= STOPWORD_BIT;
            }
            if w.trigger {
                *k |= TRIGGER_BIT;
            }
        }
        Hits {
            hits,
            by_start,
            kinds,
            cues: infos.iter().map(|w| w.cues).collect(),
        }
    }

    /// Pushes the hits of entries `lo..hi` (one pattern's) matched from token `first`.
    fn push_entries(&self, lo: u32, hi: u32, first: u32, toks: &Tokens, hits: &mut Vec<Hit>) {
        for e in lo..hi {
            let entry = self.entries[e as usize];
            let end = first + entry.len;
            let case_ok = case_ok(entry.cap_mask, first, end, toks);
            hits.push(Hit {
                first,
                end,
                entry: e,
                kind: entry.kind,
                case_ok,
            });
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
    /// Folded pattern → entries.
    patterns: FxHashMap<String, Vec<Entry>>,
    order: Vec<String>,
}

impl Builder<'_> {
    fn add(&mut self, surface: &str, kind: EntryKind, index: usize, cased: bool) {
        let (pattern, cap_mask, len) = if is_plain_word(surface) {
            // Most entries are one plain word: the tokenizer would give the
            // same single token, so skip it (build time matters).
            let upper = cased && crate::normalize::starts_upper(surface);
            let mut pattern = String::with_capacity(surface.len() + 2);
            pattern.push(' ');
            crate::normalize::fold_into(surface, &mut pattern);
            pattern.push(' ');
            (pattern, u64::from(upper), 1)
        } else if let Some(words) = crate::tokenize::plain_words(surface, self.cfg) {
            // Plain words (`Banque de France`): the tokens are the words.
            let mut pattern = String::with_capacity(surface.len() + 2);
            let mut cap_mask = 0u64;
            for (k, w) in words.iter().enumerate() {
                pattern.push(' ');
                crate::normalize::fold_into(w, &mut pattern);
                if cased && k < 64 && crate::normalize::starts_upper(w) {
                    cap_mask |= 1 << k;
                }
            }
            pattern.push(' ');
            (pattern, cap_mask, words.len() as u32)
        } else {
            let toks = tokenize(surface, self.cfg);
            if toks.is_empty() {
                return;
            }
            let mut cap_mask = 0u64;
            if cased {
                for (k, t) in toks.tokens.iter().enumerate().take(64) {
                    if t.has(flags::UPPER) {
                        cap_mask |= 1 << k;
                    }
                }
            }
            (toks.folded.clone(), cap_mask, toks.len() as u32)
        };
        let entry = Entry {
            kind,
            index: index as u32,
            cap_mask,
            len,
        };
        match self.patterns.get_mut(&pattern) {
            Some(list) => {
                // The same entry under two spellings that fold alike
                // (`Société générale`, `Société Générale`): keep the laxer capitals.
                if let Some(e) = list
                    .iter_mut()
                    .find(|e| e.kind == kind && e.index == entry.index)
                {
                    e.cap_mask &= cap_mask;
                } else {
                    list.push(entry);
                }
            }
            None => {
                self.order.push(pattern.clone());
                self.patterns.insert(pattern, vec![entry]);
            }
        }
    }

    fn finish(mut self, stopwords: &FxHashSet<String>, marks: &WordMarks) -> Gazetteer {
        let mut entries = Vec::new();
        let mut pattern_entries = Vec::with_capacity(self.order.len());
        let mut trie = TokenTrie::default();
        for (id, p) in self.order.iter().enumerate() {
            let list = self.patterns.remove(p).unwrap_or_default();
            let lo = entries.len() as u32;
            entries.extend(list);
            pattern_entries.push((lo, entries.len() as u32));
            trie.insert(p, id as u32);
        }
        for s in stopwords {
            let w = trie.word_id(s);
            trie.stop[w as usize] = true;
        }
        for &(word, bits) in &marks.cues {
            let w = trie.word_id(word);
            trie.cues[w as usize] |= bits;
        }
        for &word in &marks.triggers {
            let w = trie.word_id(word);
            trie.trigger[w as usize] = true;
        }
        let mut infos: Vec<WordInfo> = trie
            .roots
            .iter()
            .zip(&trie.stop)
            .enumerate()
            .map(|(id, (&root, &stop))| {
                let (trigger, cues) = (trie.trigger[id], trie.cues[id]);
                let (lo, hi) = match root {
                    NONE => (0, 0),
                    n => match trie.pattern[n as usize] {
                        NONE => (0, 0),
                        p => pattern_entries[p as usize],
                    },
                };
                WordInfo {
                    id: id as u32,
                    root,
                    lo,
                    hi,
                    children: false,
                    stop,
                    trigger,
                    cues,
                }
            })
            .collect();
        let mut has_children = vec![false; trie.pattern.len()];
        for &(node, _) in trie.edges.keys() {
            has_children[node as usize] = true;
        }
        for info in &mut infos {
            info.children = info.root != NONE && has_children[info.root as usize];
        }
        let items: Vec<(&str, WordInfo)> = trie
            .words
            .iter()
            .map(|(w, &id)| (&**w, infos[id as usize]))
            .collect();
        let words = WordTable::new(&items);
        drop(items);
        // The search needs only the edges and the patterns of the nodes.
        trie.words = FxHashMap::default();
        trie.roots = Vec::new();
        trie.stop = Vec::new();
        trie.trigger = Vec::new();
        trie.cues = Vec::new();
        Gazetteer {
            trie,
            words,
            pattern_entries,
            entries,
        }
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
    fn entries_sharing_words_are_all_found_from_every_token() {
        let mut cfg = TokenizerConfig::default();
        cfg.stopwords.insert("de".into());
        let mut lex = Lexicons::default();
        for name in ["Banque de France", "Banque", "France", "Banque de Savoie"] {
            lex.orgs.push(OrgEntry {
                canonical: name.into(),
                kind: "company".into(),
                aliases: vec![],
                common: false,
                context: vec![],
            });
        }
        let g = Gazetteer::build(&lex, &cfg);
        let text = "la Banque de France et la banque de Savoie";
        let toks = tokenize(text, &cfg);
        let hits = g.find(&toks);
        let found: Vec<(u32, u32, bool)> = hits
            .all()
            .iter()
            .map(|h| (h.first, h.end, h.case_ok))
            .collect();
        assert_eq!(
            found,
            [
                (1, 4, true),
                (1, 2, true),
                (3, 4, true),
                (6, 9, false),
                (6, 7, false)
            ]
        );
        let stop: Vec<usize> = (0..toks.len()).filter(|&i| hits.is_stopword(i)).collect();
        assert_eq!(stop, [2, 7]);
    }

    #[test]
    fn overlapping_hits_are_all_reported_longest_first() {
        let m = matches("Jean Dupont");
        assert_eq!(m[0], ("Jean Dupont".to_string(), EntryKind::Person, true));
        assert_eq!(m[1], ("Jean".to_string(), EntryKind::FirstName, true));
    }
}
