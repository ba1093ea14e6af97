//! The [`Extractor`]: compiled lexicons plus the pipeline that runs them
//! over one document.
//!
//! ```text
//! text ─ tokenize ─ gazetteer ─ recognisers (money, role, org, person) ─ resolve ─ Document
//! ```

use crate::document::{Arg, Document, Entity, Event, Label, Relation, Sentence, Trigger};
use crate::error::Result;
use crate::events::engine::FoundEvent;
use crate::lexicon::Lexicons;
use crate::recognize::{self, Candidate, Ctx};
use crate::relations::RoleOf;
use crate::resources::Resources;
use crate::tokenize::tokenize;
use chrono::NaiveDate;
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::path::PathBuf;
use std::sync::Arc;

/// Extracts entities from French text. Build it once, share it freely: it is
/// `Send + Sync` and cloning it is cheap (the compiled lexicons are shared).
///
/// ```
/// use frextract::{Extractor, Label};
/// let extractor = Extractor::new();
/// let doc = extractor.extract("Le PDG Sam Altman a quitté OpenAI, qui a levé 1,4 milliard de dollars.");
/// let people: Vec<&str> = doc.entities_with(Label::Person).map(|e| e.text.as_str()).collect();
/// assert_eq!(people, ["Sam Altman"]);
/// let money = doc.entities_with(Label::Money).next().unwrap();
/// assert_eq!(money.amount.as_ref().unwrap().value.unwrap().to_string(), "1400000000");
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    res: Arc<Resources>,
    labels: Vec<Label>,
    events: bool,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the lexicons embedded in the binary.
    ///
    /// # Panics
    /// Never in practice: the embedded lexicons are checked by the test suite.
    pub fn new() -> Extractor {
        Extractor::builder()
            .build()
            .expect("the embedded lexicons are valid")
    }

    /// A builder for options: user lexicons, labels.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Extracts the entities of one text. Relative dates (`hier`, `l'année
    /// dernière`) keep no ISO value: see [`Self::extract_dated`].
    pub fn extract(&self, text: &str) -> Document {
        self.extract_dated(text, None)
    }

    /// Extracts the entities of one text published on `date`, against which
    /// relative dates are resolved.
    ///
    /// ```
    /// use frextract::{Extractor, Label, NaiveDate};
    /// let date = NaiveDate::from_ymd_opt(2024, 8, 6);
    /// let doc = Extractor::new().extract_dated("Il est parti l'année dernière.", date);
    /// let d = doc.entities_with(Label::Date).next().unwrap();
    /// assert_eq!(d.text, "l'année dernière");
    /// assert_eq!(d.date.as_ref().unwrap().iso.as_deref(), Some("2023"));
    /// ```
    pub fn extract_dated(&self, text: &str, date: Option<NaiveDate>) -> Document {
        let toks = tokenize(text, &self.res.tokenizer);
        // Each token's folded form, sliced once for the gazetteer and the
        // recognisers (see `Ctx::fold`).
        let folds: Vec<&str> = (0..toks.len()).map(|i| toks.fold(i)).collect();
        let hits = self.res.gazetteer.find_folded(&toks, &folds);
        let ctx = Ctx::with_folds(text, &toks, &hits, &self.res, folds);
        // Sized for one candidate per four tokens (news text has about one
        // entity per ten tokens): the recognisers do not grow (copy) it step by step.
        let mut cands: Vec<Candidate> = Vec::with_capacity(ctx.len() / 4);
        let wants = |l: Label| self.labels.contains(&l);
        if wants(Label::Money) {
            recognize::money::find(&ctx, &mut cands);
        }
        if wants(Label::Date) {
            recognize::date::find(&ctx, date, &mut cands);
        }
        // Roles, organisations and persons are found together even when not
        // all are asked for: they settle each other's boundaries.
        recognize::role::find(&ctx, &mut cands);
        recognize::org::find(&ctx, &mut cands);
        recognize::person::find(&ctx, &mut cands);
        let mut chosen = crate::resolve::resolve(&ctx, cands);
        let mut salience = crate::salience::Salience::new(&ctx, &chosen);
        let mut relations = crate::relations::role_of(&ctx, &chosen, &salience);
        // A role that is also a company noun and that no relation ties to a
        // person is the company (`L'éditeur a nommé…`): without it, the
        // relations and events see that noun as they see `la société`.
        if let Some(fewer) = crate::relations::without_company_roles(&ctx, &chosen, &relations) {
            chosen = fewer;
            salience = crate::salience::Salience::new(&ctx, &chosen);
            relations = crate::relations::role_of(&ctx, &chosen, &salience);
        }
        let events = if self.events {
            crate::events::engine::find(&ctx, &chosen, &salience, &relations, &self.res.rules)
        } else {
            Vec::new()
        };
        crate::relations::add_from_events(&chosen, &events, &self.res.rules, &mut relations);
        build_document(
            text,
            &toks,
            chosen,
            &relations,
            &events,
            &self.res.rules,
            &self.labels,
        )
    }

    /// Extracts many texts in parallel (rayon), results in input order.
    /// Relative dates stay unresolved; use [`Self::extract_dated`] per text
    /// for dated documents.
    ///
    /// ```
    /// let docs = frextract::Extractor::new().extract_batch(&["Jean Dupont rejoint Airbus.", "Rien."]);
    /// assert_eq!(docs.len(), 2);
    /// ```
    pub fn extract_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Document> {
        texts.par_iter().map(|t| self.extract(t.as_ref())).collect()
    }

    /// Reads a French number phrase with this extractor's lexicons:
    /// `quatre-vingt-dix-neuf` → 99, `1,2M` → 1 200 000.
    ///
    /// ```
    /// let x = frextract::Extractor::new();
    /// assert_eq!(x.parse_number("soixante et onze").unwrap().to_string(), "71");
    /// assert_eq!(x.parse_number("1,4 milliard").unwrap().to_string(), "1400000000");
    /// ```
    pub fn parse_number(&self, phrase: &str) -> Option<Decimal> {
        self.res.numbers.parse_phrase(phrase, &self.res.tokenizer)
    }

    /// The compiled lexicons (for diagnostics and tools).
    pub fn lexicons(&self) -> &Lexicons {
        &self.res.lexicons
    }

    /// The tokens and sentences of `text`, as this extractor sees them (its
    /// tokenizer word lists): for token-level output such as CoNLL.
    ///
    /// ```
    /// let text = "Luc Marin a rejoint Airbus.";
    /// let toks = frextract::Extractor::new().tokenize(text);
    /// let words: Vec<&str> = toks.tokens.iter().map(|t| t.text(text)).collect();
    /// assert_eq!(words, ["Luc", "Marin", "a", "rejoint", "Airbus", "."]);
    /// ```
    pub fn tokenize(&self, text: &str) -> crate::tokenize::Tokens {
        tokenize(text, &self.res.tokenizer)
    }
}

/// Options for an [`Extractor`].
///
/// ```no_run
/// let x = frextract::Extractor::builder()
///     .lexicon_dir("my-lexicons")
///     .labels(&[frextract::Label::Person, frextract::Label::Org])
///     .build()?;
/// # Ok::<(), frextract::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    lexicon_dir: Option<PathBuf>,
    no_default_lexicons: bool,
    labels: Option<Vec<Label>>,
    rule_files: Vec<PathBuf>,
    no_default_rules: bool,
    no_events: bool,
}

impl ExtractorBuilder {
    /// Adds the lexicon files of `dir` to the embedded ones (a file starting
    /// with `@replace` replaces its embedded counterpart).
    pub fn lexicon_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.lexicon_dir = Some(dir.into());
        self
    }

    /// Uses only the lexicons of [`Self::lexicon_dir`], none of the embedded ones.
    pub fn no_default_lexicons(mut self, yes: bool) -> Self {
        self.no_default_lexicons = yes;
        self
    }

    /// Keeps only these labels in the output (all by default).
    pub fn labels(mut self, labels: &[Label]) -> Self {
        self.labels = Some(labels.to_vec());
        self
    }

    /// Adds the event rules of `file` to the embedded ones (format:
    /// `docs/RULES.md`).
    pub fn rules_file(mut self, file: impl Into<PathBuf>) -> Self {
        self.rule_files.push(file.into());
        self
    }

    /// Uses only the rules of [`Self::rules_file`], none of the embedded ones.
    pub fn no_default_rules(mut self, yes: bool) -> Self {
        self.no_default_rules = yes;
        self
    }

    /// Skips event extraction (entities and relations only).
    pub fn no_events(mut self, yes: bool) -> Self {
        self.no_events = yes;
        self
    }

    /// Loads and compiles the lexicons and event rules. Fails on a malformed
    /// lexicon or rule line, naming the file and line.
    pub fn build(self) -> Result<Extractor> {
        let lexicons = Lexicons::load(self.lexicon_dir.as_deref(), self.no_default_lexicons)?;
        let mut rules = Vec::new();
        if !self.no_default_rules {
            rules.push((
                "rules/events.rules (embedded)".to_string(),
                crate::events::DEFAULT_RULES.to_string(),
            ));
        }
        for f in &self.rule_files {
            let bytes = std::fs::read(f).map_err(|source| crate::Error::Io {
                path: f.clone(),
                source,
            })?;
            // Like lexicons: no byte-order mark, invalid UTF-8 and lines
            // over `MAX_LINE_BYTES` named by line.
            let text = crate::lexicon::parse::user_text(bytes)
                .and_then(|text| match crate::lexicon::parse::long_rule_line(&text) {
                    Some(long) => Err(long),
                    None => Ok(text),
                })
                .map_err(|(line, message)| crate::Error::Rule {
                    file: f.display().to_string(),
                    line,
                    message,
                })?;
            rules.push((f.display().to_string(), text));
        }
        Ok(Extractor {
            res: Arc::new(Resources::build_with_rules(lexicons, &rules)?),
            labels: self.labels.unwrap_or_else(|| Label::ALL.to_vec()),
            events: !self.no_events,
        })
    }
}

/// Turns chosen candidates into the public document, with ids and char offsets.
#[allow(clippy::too_many_arguments)]
fn build_document(
    text: &str,
    toks: &crate::tokenize::Tokens,
    chosen: Vec<Candidate>,
    relations: &[RoleOf],
    events: &[FoundEvent],
    rules: &crate::events::RuleSet,
    labels: &[Label],
) -> Document {
    let mut chars = CharOffsets::new(text);
    let mut entities = Vec::with_capacity(chosen.len());
    // Candidate index → entity id (`None` when its label is not output).
    let mut ids: Vec<Option<String>> = Vec::with_capacity(chosen.len());
    for c in chosen {
        if !labels.contains(&c.label) {
            ids.push(None);
            continue;
        }
        let id = entity_id(entities.len() + 1);
        ids.push(Some(id.clone()));
        let start = toks.tokens[c.first as usize].start as usize;
        let end = toks.tokens[c.end as usize - 1].end as usize;
        let char_start = chars.at(start);
        let char_end = chars.at(end);
        entities.push(Entity {
            id,
            label: c.label,
            start,
            end,
            char_start,
            char_end,
            text: text[start..end].to_string(),
            canonical: c.canonical,
            amount: c.amount.map(|a| *a),
            date: c.date.map(|d| *d),
            source: c.source.to_string(),
        });
    }
    let mut chars = CharOffsets::new(text);
    let sentences = toks
        .sentences
        .iter()
        .map(|s| {
            let (start, end) = (s.start_byte as usize, s.end_byte as usize);
            Sentence {
                start,
                end,
                char_start: chars.at(start),
                char_end: chars.at(end),
            }
        })
        .collect();
    // A relation is output only when its entities are.
    let relations = relations
        .iter()
        .filter_map(|r| {
            let org = match r.org {
                Some(o) => Some(ids[o].clone()?),
                None => None,
            };
            Some(Relation {
                kind: "ROLE_OF".to_string(),
                person: ids[r.person].clone()?,
                role: ids[r.role].clone()?,
                org_guessed: org.is_some() && r.org_guessed,
                org,
            })
        })
        .collect();
    let char_index = CharIndex::new(if events.is_empty() { "" } else { text });
    let char_at = |b: usize| char_index.at(b);
    let span = |first: usize, end: usize| -> Trigger {
        let (start, stop) = (
            toks.tokens[first].start as usize,
            toks.tokens[end - 1].end as usize,
        );
        Trigger {
            text: text[start..stop].to_string(),
            start,
            end: stop,
            char_start: char_at(start),
            char_end: char_at(stop),
        }
    };
    let events = events
        .iter()
        .filter_map(|ev| {
            let rule = &rules.rules[ev.rule as usize];
            let mut args = std::collections::BTreeMap::new();
            for (slot, list) in &ev.args {
                // A one-entity slot clones only its first output entity's id.
                let arg = if rule.list.contains(slot) {
                    let ids: Vec<String> = list.iter().filter_map(|&e| ids[e].clone()).collect();
                    if ids.is_empty() {
                        continue;
                    }
                    Arg::Many(ids)
                } else {
                    match list.iter().find_map(|&e| ids[e].as_ref()) {
                        Some(id) => Arg::One(id.clone()),
                        None => continue,
                    }
                };
                args.insert(slot.clone(), arg);
            }
            for (slot, (first, end)) in &ev.texts {
                args.insert(slot.clone(), Arg::Text(span(*first, *end)));
            }
            if args.is_empty() {
                return None;
            }
            let s = &toks.sentences[toks.sentence_of[ev.trigger.0] as usize];
            let (ss, se) = (s.start_byte as usize, s.end_byte as usize);
            Some(Event {
                kind: rule.event_type.clone(),
                trigger: span(ev.trigger.0, ev.trigger.1),
                evidence: ev.evidence.iter().map(|&(f, e)| span(f, e)).collect(),
                sentence: Sentence {
                    start: ss,
                    end: se,
                    char_start: char_at(ss),
                    char_end: char_at(se),
                },
                args,
                polarity: ev.polarity,
                modality: ev.modality,
                rule: rule.id.clone(),
            })
        })
        .collect();
    Document {
        entities,
        relations,
        events,
        sentences,
    }
}

/// `e{n}`, without the formatting machinery of `format!` (one per entity).
fn entity_id(n: usize) -> String {
    let mut id = Vec::with_capacity(8);
    id.push(b'e');
    crate::document::push_decimal(&mut id, n);
    String::from_utf8(id).expect("ASCII digits")
}

/// Char offsets of byte offsets given in any order (event spans): the char
/// count at every [`CharIndex::BLOCK`]th byte, so that each lookup counts
/// at most one block instead of the text up to the offset. (Blocks of 64
/// bytes: with 256, the lookups of event spans counted about 2 MB of the
/// 500 KB benchmark input; 32 gains nothing more.)
struct CharIndex<'a> {
    text: &'a [u8],
    /// `blocks[k]`: chars in the first `k * BLOCK` bytes.
    blocks: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    const BLOCK: usize = 64;

    fn new(text: &'a str) -> Self {
        let text = text.as_bytes();
        let mut blocks = Vec::with_capacity(text.len() / Self::BLOCK + 1);
        let mut chars = 0;
        // The count at the start of every whole block, and at the start of
        // the last bytes (or the end): nothing is looked up past them.
        for block in text.chunks_exact(Self::BLOCK) {
            blocks.push(chars);
            // The block's eight words, as `count_chars` counts them.
            let counters: u64 = block
                .chunks_exact(8)
                .map(|w| continuation_marks(u64::from_le_bytes(w.try_into().expect("8 bytes"))))
                .sum();
            chars += Self::BLOCK - byte_sum(counters);
        }
        blocks.push(chars);
        CharIndex { text, blocks }
    }

    /// The char offset of byte offset `b` (a char boundary).
    fn at(&self, b: usize) -> usize {
        let k = b / Self::BLOCK;
        self.blocks[k] + count_chars(&self.text[k * Self::BLOCK..b])
    }
}

/// The number of chars in UTF-8 bytes: the bytes that are not continuation
/// bytes (`0b10xx_xxxx`).
///
/// Eight bytes at a time: the byte-by-byte count was about 3 instructions
/// a byte, and every document's text is counted once whole (for
/// [`CharIndex`]) and up to a block more per event span. The continuation
/// bytes of each word are added up byte-wise, one counter per byte place,
/// summed once at the end (a run of up to 255 words at a time, so that no
/// counter overflows): a population count per word is a dozen instructions
/// on the x86-64 baseline, which has no instruction for it. The bytes after
/// the last whole word are counted in the text's last word, not one by
/// one: most calls count the short gap between two entity offsets.
fn count_chars(bytes: &[u8]) -> usize {
    const RUN: usize = 8 * 255;
    let n = bytes.len();
    if n > RUN {
        return bytes.chunks(RUN).map(count_chars).sum();
    }
    if n < 8 {
        return n - bytes.iter().filter(|&&b| (b as i8) < -0x40).count();
    }
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
    let mut counters = 0u64;
    for k in 0..n / 8 {
        counters += continuation_marks(word(8 * k));
    }
    // The last bytes, less than a word: the last word of the slice, of
    // which only the bytes after the last whole word count (its top ones).
    let rest = n % 8;
    if rest > 0 {
        counters += continuation_marks(word(n - 8)) & (u64::MAX << (8 * (8 - rest)));
    }
    n - byte_sum(counters)
}

/// A 1 in the low bit of each byte of `w` that is a UTF-8 continuation
/// byte, 0 elsewhere. A continuation byte has bit 7 set and bit 6 clear;
/// shifting left by one moves each byte's bit 6 to its bit 7 (the bit
/// shifted out of a byte's top lands in the next byte's bit 0, masked away).
#[inline]
fn continuation_marks(w: u64) -> u64 {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    (w & !(w << 1) & HIGH_BITS) >> 7
}

/// The sum of the eight bytes of `x`: byte pairs summed into 16-bit lanes,
/// then the four lanes summed into the top lane by a multiplication.
fn byte_sum(x: u64) -> usize {
    const LOW_BYTES: u64 = 0x00FF_00FF_00FF_00FF;
    let pairs = (x & LOW_BYTES) + ((x >> 8) & LOW_BYTES);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

/// Converts increasing byte offsets to char offsets in one pass.
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The char offset of byte offset `b` (must not decrease between calls… if
    /// it does, counting restarts from the beginning). Counted by
    /// [`count_chars`] on the bytes: slicing the `str` checked both ends
    /// for a char boundary, and `chars().count()` of a short gap went a
    /// byte at a time.
    fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += count_chars(&self.text.as_bytes()[self.byte..b]);
        self.byte = b;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::{entity_id, CharIndex};

    #[test]
    fn entity_ids_are_e_and_the_number() {
        for n in [1, 9, 10, 11, 99, 100, 123456, usize::MAX] {
            assert_eq!(entity_id(n), format!("e{n}"));
        }
    }

    #[test]
    fn count_chars_counts_every_char_once() {
        // Every length up to three words, every alignment of the
        // multi-byte chars across the 8-byte words.
        let text = "aé€😀b".repeat(8);
        for start in text.char_indices().map(|(b, _)| b) {
            for (end, _) in text[start..].char_indices().map(|(b, c)| (start + b, c)) {
                let want = text[start..end].chars().count();
                assert_eq!(super::count_chars(&text.as_bytes()[start..end]), want);
            }
        }
        // Bytes that are not whole chars: only the three continuation bytes
        // (`0x80`, `0xBF`, `0x9F`) are not counted.
        assert_eq!(
            super::count_chars(&[0x80, 0xBF, 0xC0, 0xFF, 0x7F, 0x00, 0x41, 0x9F, 0xE2]),
            6
        );
        // Long texts, over several runs of 255 words: every byte a
        // continuation byte (each counter at its most), and mixed chars.
        for len in [8 * 255 - 1, 8 * 255, 8 * 255 + 1, 8 * 255 * 3 + 13] {
            assert_eq!(super::count_chars(&vec![0x80; len]), 0, "{len}");
            assert_eq!(super::count_chars(&vec![b'a'; len]), len, "{len}");
        }
        let long = "aé€😀b".repeat(700);
        for start in 0..8 {
            let s = &long.as_bytes()[start..];
            let want = s.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            assert_eq!(super::count_chars(s), want, "{start}");
        }
    }

    #[test]
    fn char_offsets_count_chars_before_every_boundary() {
        let text = "é€a😀 b".repeat(30);
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let mut offsets = super::CharOffsets::new(&text);
        // Increasing offsets, some repeated, then one going back.
        for &b in bounds.iter().step_by(3).chain(&bounds[40..45]) {
            assert_eq!(offsets.at(b), text[..b].chars().count(), "{b}");
            assert_eq!(offsets.at(b), text[..b].chars().count(), "{b} again");
        }
    }

    #[test]
    fn char_index_counts_chars_before_every_boundary() {
        for text in ["", "abc", &"é€a😀".repeat(40), &"a".repeat(512)] {
            let index = CharIndex::new(text);
            for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(index.at(b), text[..b].chars().count(), "{b} in {text:?}");
            }
        }
    }
}
