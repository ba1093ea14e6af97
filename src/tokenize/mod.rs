//! Tokenizer: French text → tokens with byte spans, kinds and folded forms,
//! and sentence spans.
//!
//! Built on the Unicode word boundaries of UAX #29 (`unicode-segmentation`,
//! with an ASCII fast path: see `segment.rs` and `scan.rs`),
//! then corrected for French:
//!
//! * elisions are split from their word (`d'OpenAI` → `d'` + `OpenAI`),
//!   whatever the apostrophe;
//! * numbers stay whole with their decimal comma and thousands separators
//!   (`1 400 000,50`, `1.400.000`), signs (`-3,2`) and ordinal suffixes (`1er`);
//!   a unit glued to a number is split off (`450M` → `450` + `M`);
//! * hyphenated words and names stay whole (`Jean-Baptiste`,
//!   `président-directeur`, `GPT-4`), inverted pronouns do not
//!   (`Médite-t-il` → `Médite` + `-t-il`);
//! * abbreviations and initials keep their dot (`M.`, `Inc.`, `J.`);
//! * words glued together by bad HTML extraction are split when the left
//!   part is a known lexicon word (`OpenAILes` → `OpenAI` + `Les`,
//!   `dernièrequi` → `dernière` + `qui`).
//!
//! Every token also gets a *folded* form (see [`crate::normalize`]) stored in
//! one buffer per document, laid out as ` tok1 tok2 … ` so that lexicon
//! automata can run over it in one pass and only match whole tokens, and
//! case flags ([`flags::UPPER`], [`flags::ALL_CAPS`]). Both are made by the
//! first pass (`scan.rs`) as it pushes each raw token, while its bytes are
//! at hand; `merge` then joins the folded forms of the raw tokens it joins
//! (see `Folds`), so no token is folded twice.

mod config;
mod scan;
mod segment;
mod sentence;
mod words;

pub use config::TokenizerConfig;
pub(crate) use sentence::is_closed;
pub use sentence::split_sentences;

use crate::lexicon::parse::split_byte;
use crate::normalize::{fold_into, is_thousands_space};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens or an abbreviation dot.
    Word,
    /// Digits with optional sign, decimal comma/point and thousands separators.
    Number,
    /// A number with an ordinal suffix (`1er`, `3e`, `XXe` is a word).
    Ordinal,
    /// An elided word with its apostrophe (`d'`, `l’`, `qu'`).
    Elision,
    /// An inverted pronoun with its hyphens (`-t-il`, `-elle`).
    Clitic,
    /// Punctuation (`.`, `,`, `«`, `-`, `•`).
    Punct,
    /// Any other symbol (`€`, `$`, `%`, `+`).
    Symbol,
}

/// Bit flags describing a token's surroundings and case.
pub mod flags {
    /// Whitespace comes right before the token.
    pub const SPACE_BEFORE: u16 = 1;
    /// A line break comes before the token.
    pub const NEWLINE_BEFORE: u16 = 2;
    /// A blank line (paragraph break) comes before the token.
    pub const PARAGRAPH_BEFORE: u16 = 4;
    /// The first letter is uppercase.
    pub const UPPER: u16 = 8;
    /// At least two letters, none lowercase.
    pub const ALL_CAPS: u16 = 16;
    /// A word ending with an abbreviation dot (`M.`, `Inc.`).
    pub const ABBREVIATION: u16 = 32;
    /// A capital letter with a dot (`J.`).
    pub const INITIAL: u16 = 64;
    /// The abbreviation may end a sentence (`etc.`, `Inc.`).
    pub const MAY_END: u16 = 128;
    /// The folded form holds a `-`: a word joined across a hyphen
    /// (`quatre-vingt`, `Jean-Pierre`, `GPT-4`), a clitic (`-t-il`), a
    /// sign, the hyphen itself, a word with a letter that folds to one
    /// (`ˉ`). Set where the forms are made: by the first pass for the raw
    /// tokens (see `scan::Pass`), by the merges for the tokens they join.
    pub const HYPHENATED: u16 = 256;
    /// A word ([`super::TokenKind::Word`]) with an uppercase letter after
    /// its first character (`OpenAI`, `McKinsey`, `SNCF`, `A-B`): what a
    /// test for camel case or an inner capital needs first, answered once.
    /// Set with the other case flags, by the first pass and by the merges
    /// that grow a word.
    pub const INNER_UPPER: u16 = 512;
}

/// One token of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte in the text.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// Start of the folded form in [`Tokens::folded`].
    pub fold_start: u32,
    /// End of the folded form in [`Tokens::folded`].
    pub fold_end: u32,
    /// What the token is.
    pub kind: TokenKind,
    /// See [`flags`]. A `u16`: it was a `u8` until [`flags::HYPHENATED`]
    /// took a ninth bit (an API change of the pre-1.0 crate); the token is
    /// still 20 bytes, the wider field taking the padding after `kind`.
    pub flags: u16,
}

impl Token {
    /// The token's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start as usize..self.end as usize]
    }

    /// Whether a flag of [`flags`] is set.
    #[inline]
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// Whether the token is a word whose first letter is uppercase.
    #[inline]
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.has(flags::UPPER)
    }
}

/// A sentence: a run of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceSpan {
    /// Index of the first token.
    pub first: u32,
    /// Index one past the last token.
    pub end: u32,
    /// Byte offset of the sentence start.
    pub start_byte: u32,
    /// Byte offset of the sentence end.
    pub end_byte: u32,
}

/// The tokens of one document and their folded forms.
#[derive(Debug, Default, Clone)]
pub struct Tokens {
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Folded forms, laid out as ` f1 f2 … fn ` (a space before each and one at the end).
    pub folded: String,
    /// Sentences in text order, covering every token.
    pub sentences: Vec<SentenceSpan>,
    /// For each token, the index of its sentence.
    pub sentence_of: Vec<u32>,
}

impl Tokens {
    /// The folded form of token `i`.
    #[inline]
    pub fn fold(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.folded[t.fold_start as usize..t.fold_end as usize]
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Index of the token starting at folded offset `pos` (the byte after a separator).
    pub fn token_at_fold(&self, pos: usize) -> Option<usize> {
        self.tokens
            .binary_search_by_key(&(pos as u32), |t| t.fold_start)
            .ok()
    }

    /// Whether token `i` is the first word of its sentence (after opening
    /// punctuation, bullets and quotes).
    pub fn is_sentence_initial(&self, i: usize) -> bool {
        let s = &self.sentences[self.sentence_of[i] as usize];
        (s.first as usize..i).all(|j| {
            matches!(
                self.tokens[j].kind,
                TokenKind::Punct | TokenKind::Symbol | TokenKind::Number
            )
        })
    }
}

/// Splits `text` into tokens and sentences.
///
/// ```
/// use frextract::tokenize::{tokenize, TokenizerConfig};
/// let mut cfg = TokenizerConfig::default();
/// cfg.elisions.insert("d".into());
/// let toks = tokenize("Le départ d'OpenAI.", &cfg);
/// let words: Vec<&str> = toks.tokens.iter().map(|t| t.text("Le départ d'OpenAI.")).collect();
/// assert_eq!(words, ["Le", "départ", "d'", "OpenAI", "."]);
/// ```
pub fn tokenize(text: &str, cfg: &TokenizerConfig) -> Tokens {
    let (tokens, folded) = tokens_and_folds(text, cfg);
    let mut out = Tokens {
        tokens,
        folded,
        sentences: Vec::new(),
        sentence_of: Vec::new(),
    };
    split_sentences(text, &mut out, cfg);
    out
}

/// The tokens of `text` and their folded buffer, as [`tokenize`] gives
/// them, without the sentences: all that a lexicon entry is tokenized for
/// when the extractor is built (some 4,500 entries, whose sentence spans
/// would cost two more allocations each).
pub(crate) fn tokens_and_folds(text: &str, cfg: &TokenizerConfig) -> (Vec<Token>, String) {
    assert!(
        text.len() < u32::MAX as usize,
        "documents are limited to 4 GiB"
    );
    let mut scratch = String::new();
    let raw = scan::Pass::new(text, cfg, &mut scratch).run();
    merge(text, raw, cfg, &mut scratch)
}

/// The words of `s` when [`tokenize`] would give exactly these words and
/// nothing else: `s` is words of Latin letters (capitalised or not: no
/// capital after the first letter) separated by single spaces, and no word
/// ends like a glued function word (see `words::glue_split`). Lexicons are
/// mostly such entries (`Banque de France`), and building the extractor
/// tokenizes every entry: this is the fast path. `None` for anything else.
/// (The words are split again rather than collected: no allocation per entry.)
pub(crate) fn plain_words<'s>(
    s: &'s str,
    cfg: &TokenizerConfig,
) -> Option<impl Iterator<Item = &'s str>> {
    let plain = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(segment::is_latin_letter)
            && chars.all(|c| segment::is_latin_letter(c) && !c.is_uppercase())
            && (w.len() < 6 || !cfg.ends_with_glue_suffix(w))
    };
    let words = || split_byte(s, b' ');
    words().all(plain).then(words)
}

/// The folded buffer of the merged tokens, made from that of the raw
/// tokens. Folding goes character by character and drops whitespace, the
/// only text between two raw tokens that `merge` joins: so a merged token's
/// folded form is its raw tokens' forms end to end, and merging only drops
/// the separators between them. The buffer is copied once, a run between
/// two dropped separators at a time, and only if a document has a merge.
/// It is bytes, like the first pass's, until [`Folds::finish`] makes it a
/// `String`.
struct Folds {
    /// The raw tokens' folded forms, ` f1 f2 … fn` (see `scan::Raw`).
    raw: Vec<u8>,
    /// The merged tokens' folded forms up to `copied`: empty until the
    /// first merge, when the tokens' forms start to move.
    out: Vec<u8>,
    /// The bytes of `raw` that are accounted for in `out`.
    copied: usize,
}

impl Folds {
    fn new(raw: Vec<u8>) -> Self {
        Folds {
            raw,
            out: Vec::new(),
            copied: 0,
        }
    }

    /// How far back the folded forms after the last merge have moved: the
    /// number of separators dropped.
    fn shift(&self) -> u32 {
        (self.copied - self.out.len()) as u32
    }

    /// The raw token `t`, its folded form where it is in the merged buffer.
    fn keep(&self, mut t: Token) -> Token {
        let shift = self.shift();
        t.fold_start -= shift;
        t.fold_end -= shift;
        t
    }

    /// Appends the folded form of the raw token `piece` to that of `to`,
    /// the last merged token, whose form ends right before `piece`'s
    /// separator: drops that separator.
    fn append(&mut self, to: &mut Token, piece: &Token) {
        if self.copied == 0 {
            self.out.reserve(self.raw.len());
        }
        let separator = piece.fold_start as usize - 1;
        self.out
            .extend_from_slice(&self.raw[self.copied..separator]);
        self.copied = separator + 1;
        to.fold_end = piece.fold_end - self.shift();
    }

    /// The merged buffer, with its closing space.
    fn finish(self) -> String {
        let mut out = if self.copied == 0 {
            self.raw
        } else {
            let mut out = self.out;
            out.extend_from_slice(&self.raw[self.copied..]);
            out
        };
        out.push(b' ');
        // Whole folded forms, each of whole characters, and spaces.
        String::from_utf8(out).expect("folded forms are UTF-8")
    }
}

/// Sets the case flags of `t`, a word that has grown by a merge, for its
/// new text (`A-B` is all capitals, `A` alone is not; `A-B` has an inner
/// capital, `A` has none).
fn recase(text: &str, t: &mut Token) {
    t.flags &= !(flags::UPPER | flags::ALL_CAPS | flags::INNER_UPPER);
    let s = t.text(text);
    t.flags |= scan::case_flags(s, t.kind) | scan::inner_upper(s, t.kind);
}

/// Joins raw tokens that French writes as one: numbers with thousands
/// separators and signs, hyphenated compounds, abbreviations with their dot.
/// Returns the tokens and their folded buffer.
fn merge(
    text: &str,
    raw: scan::Raw,
    cfg: &TokenizerConfig,
    scratch: &mut String,
) -> (Vec<Token>, String) {
    let scan::Raw {
        tokens: raw,
        folded,
    } = raw;
    let mut folds = Folds::new(folded);
    let mut out: Vec<Token> = Vec::with_capacity(raw.len());
    let mut i = 0;
    let tx = |t: &Token| &text[t.start as usize..t.end as usize];
    // The punctuation tested at every token, compared as bytes: a byte
    // slice needs no check that its ends fall between characters.
    let bytes = |t: &Token| &text.as_bytes()[t.start as usize..t.end as usize];
    const MINUS: &[u8] = "−".as_bytes();
    let adjacent = |a: &Token, b: &Token| a.end == b.start;
    while i < raw.len() {
        let t = raw[i];
        // Thousands groups: `1 400 000,50`.
        if t.kind == TokenKind::Number && is_group_head(tx(&t)) {
            let mut merged = folds.keep(t);
            let mut j = i + 1;
            while j < raw.len()
                && raw[j].kind == TokenKind::Number
                && is_single_thousands_gap(&text[merged.end as usize..raw[j].start as usize])
                && is_group_tail(tx(&raw[j]))
            {
                merged.end = raw[j].end;
                folds.append(&mut merged, &raw[j]);
                j += 1;
            }
            if j > i + 1 {
                out.push(merged);
                i = j;
                continue;
            }
        }
        // Sign: ` -3,2` (not the dash of a range `10-15`).
        if matches!(t.kind, TokenKind::Punct | TokenKind::Symbol)
            && matches!(bytes(&t), b"-" | b"+" | MINUS)
            && (t.has(flags::SPACE_BEFORE) || out.is_empty())
            && i + 1 < raw.len()
            && raw[i + 1].kind == TokenKind::Number
            && adjacent(&t, &raw[i + 1])
        {
            // The sign's flags: no case, as a sign has none.
            let mut merged = folds.keep(t);
            merged.end = raw[i + 1].end;
            merged.kind = TokenKind::Number;
            folds.append(&mut merged, &raw[i + 1]);
            out.push(merged);
            i += 2;
            continue;
        }
        // Hyphen after a word: a compound, or inverted pronouns.
        if t.kind == TokenKind::Punct && bytes(&t) == b"-" && !t.has(flags::SPACE_BEFORE) {
            if let (Some(prev), Some(next)) = (out.last().copied(), raw.get(i + 1).copied()) {
                if prev.kind == TokenKind::Word && adjacent(&t, &next) {
                    if let Some(consumed) = clitic_chain(text, &raw[i..], cfg, scratch, tx(&prev)) {
                        let mut clitic = folds.keep(t);
                        clitic.kind = TokenKind::Clitic;
                        clitic.flags = flags::HYPHENATED;
                        for piece in &raw[i + 1..i + consumed] {
                            clitic.end = piece.end;
                            folds.append(&mut clitic, piece);
                        }
                        out.push(clitic);
                        i += consumed;
                        continue;
                    }
                    let prefix = {
                        scratch.clear();
                        fold_into(tx(&prev), scratch);
                        cfg.hyphen_prefixes.contains(scratch.as_str())
                    };
                    let joins = match next.kind {
                        _ if prefix => false,
                        TokenKind::Word => true,
                        // `GPT-4`, `Covid-19`, but not `mi-2025`.
                        TokenKind::Number => crate::normalize::starts_upper(tx(&prev)),
                        _ => false,
                    };
                    if joins {
                        let last = out.last_mut().expect("prev exists");
                        last.end = next.end;
                        last.flags |= flags::HYPHENATED;
                        folds.append(last, &t);
                        folds.append(last, &next);
                        recase(text, last);
                        i += 2;
                        continue;
                    }
                }
            }
        }
        // Dot after an abbreviation or an initial.
        if t.kind == TokenKind::Punct && bytes(&t) == b"." && !t.has(flags::SPACE_BEFORE) {
            if let Some(prev) = out.last_mut() {
                if prev.kind == TokenKind::Word && prev.end == t.start {
                    let word = &text[prev.start as usize..prev.end as usize];
                    let joins = if let Some(&may_end) = cfg.abbreviations.get(word) {
                        prev.flags |= flags::ABBREVIATION;
                        if may_end {
                            prev.flags |= flags::MAY_END;
                        }
                        true
                    } else if is_initial_letter(word)
                        && next_is_name(text, &raw[i + 1..], cfg, scratch)
                    {
                        prev.flags |= flags::INITIAL;
                        true
                    } else {
                        false
                    };
                    if joins {
                        prev.end = t.end;
                        folds.append(prev, &t);
                        recase(text, prev);
                        i += 1;
                        continue;
                    }
                }
            }
        }
        out.push(folds.keep(t));
        i += 1;
    }
    (out, folds.finish())
}

/// `1`, `12`, `400`: a first group of digits that may be followed by groups of three.
fn is_group_head(s: &str) -> bool {
    let digits = s.trim_start_matches(['-', '+', '−']);
    (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
}

/// `400`, `000,50`: a group of exactly three digits, with an optional decimal part.
fn is_group_tail(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && (b.len() == 3 || (b[3] == b',' && b.len() > 4 && b[4..].iter().all(u8::is_ascii_digit)))
}

fn is_single_thousands_gap(gap: &str) -> bool {
    let mut chars = gap.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if is_thousands_space(c))
}

fn is_initial_letter(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Whether the token after an initial's dot is a capitalised name (`J. Dupont`),
/// not the first word of a new sentence (`le plan B. Le lendemain`).
fn next_is_name(text: &str, rest: &[Token], cfg: &TokenizerConfig, scratch: &mut String) -> bool {
    let Some(next) = rest.first() else {
        return false;
    };
    if next.kind != TokenKind::Word || next.has(flags::NEWLINE_BEFORE) {
        return false;
    }
    let word = &text[next.start as usize..next.end as usize];
    if !crate::normalize::starts_upper(word) {
        return false;
    }
    scratch.clear();
    fold_into(word, scratch);
    !cfg.stopwords.contains(scratch.as_str())
}

/// If `rest` (starting at a hyphen) is `-pronoun(-pronoun)*` after a verb,
/// the number of raw tokens it spans.
fn clitic_chain(
    text: &str,
    rest: &[Token],
    cfg: &TokenizerConfig,
    scratch: &mut String,
    verb: &str,
) -> Option<usize> {
    let mut n = 0;
    while n + 1 < rest.len()
        && text[rest[n].start as usize..rest[n].end as usize] == *"-"
        && rest[n].end == rest[n + 1].start
        && rest[n + 1].kind == TokenKind::Word
    {
        let word = &text[rest[n + 1].start as usize..rest[n + 1].end as usize];
        if crate::normalize::starts_upper(word) {
            break;
        }
        scratch.clear();
        fold_into(word, scratch);
        if !cfg.clitics.contains(scratch.as_str()) {
            break;
        }
        n += 2;
        // A clitic ends the word: what follows `-t-il` is not glued to it.
        if n < rest.len() && rest[n].start != rest[n - 1].end {
            break;
        }
    }
    // `Lons-le-Saunier`, `Aix-les-Bains`, `Châlons-en-Champagne`: a word
    // glued after the chain by another hyphen makes a compound name, not a
    // verb and its pronouns.
    if n == 0
        || (n < rest.len()
            && rest[n].start == rest[n - 1].end
            && text[rest[n].start as usize..rest[n].end as usize] == *"-")
    {
        return None;
    }
    // `rendez-vous`, `peut-être`: listed compounds stay whole.
    scratch.clear();
    fold_into(verb, scratch);
    scratch.push('-');
    fold_into(&text[rest[1].start as usize..rest[1].end as usize], scratch);
    if cfg.hyphen_words.contains(scratch.as_str()) {
        return None;
    }
    Some(n)
}

#[cfg(test)]
mod tests;
