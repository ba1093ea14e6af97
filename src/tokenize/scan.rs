//! The first pass of the tokenizer: text → raw tokens, before `merge` joins
//! numbers, compounds and abbreviations.
//!
//! The reference is `Pass::run_general`: every UAX #29 word segment of
//! `segment::for_each_segment` goes through [`Pass::segment`], which turns
//! spaces into flags and words and symbols into tokens. That walks each word
//! several times: once to find the chunks, once to segment them, then to look
//! for a narrow no-break space, for a letter, for an apostrophe and for an
//! inner capital.
//!
//! [`Pass::run`] gives exactly the same tokens in one walk over the text: it
//! segments a word with the rules of `segment::known_segments` (those of
//! `segment::ascii_segments` on ASCII, a byte-class table for ASCII bytes,
//! the word-break category for accented Latin letters and typographic
//! apostrophes), and learns on the way what the French rules of `words.rs`
//! would otherwise look for (an apostrophe, an inner capital); spaces and
//! symbols become flags and tokens on the spot. It goes chunk by chunk, in
//! the chunks of `segment.rs` (runs of spaces between two ASCII non-space
//! characters cut the text into pieces that segment alone). When it meets a
//! character that `segment.rs` does not know, or a narrow no-break space
//! (which the per-segment rules split out of a segment), it drops the tokens
//! of the current chunk and hands the whole chunk to the general path, so
//! that such text is segmented by `unicode-segmentation` exactly as before.
//! Chunks are mostly one word long, so little work is done twice.
//!
//! Every raw token is folded, and given its case flags, as it is pushed
//! (see `Raw`). Most are words that `words::push_word` would push whole
//! (`Pass::push_plain_word`): the scan knows whether such a word is ASCII
//! and whether its first letter is uppercase, and an ASCII one has no
//! capital after its first letter, so its folded form is a copy of it with
//! that letter lowercased, and its case flags come from the first letter.
//! Other tokens are folded character by character (`Pass::fold_from`).

use super::segment::{self, Cat};
use super::words::{self, GlueTails, WordHints};
use super::{flags, Token, TokenKind, TokenizerConfig};
use crate::normalize::{fold_into, is_all_caps, latin_fold, starts_upper};

/// The narrow no-break space (U+202F).
const NNBSP: char = '\u{202F}';

/// Byte classes of ASCII, for the word scan of [`Pass::run`].
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const UNDERSCORE: u8 = 8;
/// An ASCII punctuation token (not a symbol such as `$` or `+`).
const PUNCT: u8 = 16;
/// Set by the word scan, never in the table: the word has an apostrophe.
const APOSTROPHE: u8 = 32;
/// Set by the word scan, never in the table: a letter after the first is uppercase.
const INNER_UPPER: u8 = 64;
/// Never in the table: given with [`LOWER`] or [`UPPER`] to a letter that is
/// not ASCII, so that a word known to be ASCII can be folded by lowercasing.
const NON_ASCII: u8 = 128;
const ALPHA: u8 = LOWER | UPPER;
const ALNUM: u8 = ALPHA | DIGIT;
/// The bytes UAX #29 keeps together in a word (ALetter, Numeric, ExtendNumLet).
const CORE: u8 = ALNUM | UNDERSCORE;

/// [`LOWER`], [`UPPER`], … of every byte; 0 for bytes of non-ASCII characters.
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else if c == b'_' {
            UNDERSCORE | PUNCT
        } else if c.is_ascii_punctuation()
            && !matches!(
                c,
                b'$' | b'+' | b'<' | b'=' | b'>' | b'^' | b'`' | b'|' | b'~'
            )
        {
            PUNCT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The state of the first pass over one text.
pub(super) struct Pass<'t, 'a> {
    text: &'t str,
    cfg: &'a TokenizerConfig,
    /// `cfg`'s glue suffixes, for [`words::is_plain_word`].
    glue: GlueTails<'a>,
    scratch: &'a mut String,
    raw: Vec<Token>,
    /// The folded forms of the tokens of `raw`, laid out as ` f1 f2 … fn`
    /// (the closing space is `merge`'s to add). Bytes, not a `String`:
    /// the scan copies bytes of the text that it knows to be whole
    /// characters, and a `String` would check at every copy that they
    /// are (`merge` makes it a `String` once, at the end).
    folded: Vec<u8>,
    /// Flags for the next token: the spaces and line breaks seen since the last one.
    pending: u16,
}

/// The raw tokens of a text, each with its folded form and case flags.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Raw {
    pub tokens: Vec<Token>,
    /// See `Pass::folded`.
    pub folded: Vec<u8>,
}

impl<'t, 'a> Pass<'t, 'a> {
    pub(super) fn new(text: &'t str, cfg: &'a TokenizerConfig, scratch: &'a mut String) -> Self {
        Pass {
            text,
            cfg,
            glue: GlueTails::new(cfg),
            scratch,
            raw: Vec::with_capacity(text.len() / 5 + 1),
            folded: Vec::with_capacity(text.len() + text.len() / 5 + 2),
            pending: 0,
        }
    }

    /// The raw tokens, every segment through [`Pass::segment`].
    #[cfg(test)]
    pub(super) fn run_general(mut self) -> Raw {
        let text = self.text;
        segment::for_each_segment(text, |off, seg| self.segment(off, seg));
        self.into_raw()
    }

    fn into_raw(self) -> Raw {
        Raw {
            tokens: self.raw,
            folded: self.folded,
        }
    }

    /// The raw tokens: the same as [`Pass::run_general`], in one pass over
    /// the chunks of known characters (see the module documentation).
    pub(super) fn run(mut self) -> Raw {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        // The current chunk: where it starts, and the tokens and flags to
        // go back to if it has a character this pass does not know.
        let mut chunk = 0;
        let mut chunk_tokens = 0;
        let mut chunk_folded = 0;
        let mut chunk_pending = 0;
        let mut i = 0;
        while i < n {
            let (class, len) = class_at(text, i);
            if class & CORE != 0 {
                let (end, inner) = scan_word(text, i + len, class);
                self.push_scanned_word(i, end, class, inner);
                i = end;
                continue;
            }
            match b[i] {
                b' ' => {
                    let mut j = i + 1;
                    while j < n && b[j] == b' ' {
                        j += 1;
                    }
                    self.pending |= flags::SPACE_BEFORE;
                    // The chunk boundary of `segment::chunk_end`: the byte
                    // before is ASCII and no space (the run is whole), and
                    // so is the byte after.
                    if i > chunk && b[i - 1] < 0x80 && (j == n || b[j] < 0x80) {
                        chunk = j;
                        chunk_tokens = self.raw.len();
                        chunk_folded = self.folded.len();
                        chunk_pending = self.pending;
                    }
                    i = j;
                }
                b'\n' => {
                    self.newline();
                    i += 1;
                }
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    self.newline();
                    i += 2;
                }
                b'\r' | b'\t' | 0x0C => {
                    self.pending |= flags::SPACE_BEFORE;
                    i += 1;
                }
                0x80.. => {
                    let c = text[i..].chars().next().expect("at a character");
                    // Known characters that are no letter stand alone
                    // (a `’` that is not between two letters or digits too).
                    let alone = matches!(
                        segment::category(c),
                        Cat::WSegSpace | Cat::Other | Cat::MidNumLetQ
                    );
                    if !alone {
                        let back = (chunk_tokens, chunk_folded, chunk_pending);
                        i = self.fall_back(chunk, back, i);
                    } else if c.is_whitespace() {
                        self.pending |= flags::SPACE_BEFORE;
                        i += len;
                    } else {
                        let first = self.raw.len();
                        push_symbols(i, &text[i..i + len], self.pending, &mut self.raw);
                        self.fold_from(first, false, false);
                        self.pending = 0;
                        i += len;
                    }
                }
                _ => {
                    let kind = if class & PUNCT != 0 {
                        TokenKind::Punct
                    } else {
                        TokenKind::Symbol
                    };
                    self.push_ascii_byte(i, kind);
                    i += 1;
                }
            }
        }
        self.into_raw()
    }

    /// Opens the folded form of the next token (its separator); returns
    /// where it starts.
    fn open_fold(&mut self) -> u32 {
        self.folded.push(b' ');
        self.folded.len() as u32
    }

    /// Pushes the token of `kind` that is the ASCII punctuation or symbol
    /// at byte `at`, with the pending flags. Such a byte is its own folded
    /// form and has no case.
    fn push_ascii_byte(&mut self, at: usize, kind: TokenKind) {
        let fold_start = self.open_fold();
        let byte = self.text.as_bytes()[at];
        self.folded.push(byte);
        self.raw.push(Token {
            start: at as u32,
            end: at as u32 + 1,
            fold_start,
            fold_end: fold_start + 1,
            kind,
            flags: self.pending | if byte == b'-' { flags::HYPHENATED } else { 0 },
        });
        self.pending = 0;
    }

    /// Pushes the word segment `text[start..end]` found by [`scan_word`]:
    /// its first character has the class `first`, the others `inner`.
    fn push_scanned_word(&mut self, start: usize, end: usize, first: u8, inner: u8) {
        // Sliced as bytes for the plain words (no check of character
        // boundaries, which the scan has found), as text for the others.
        let bytes = &self.text.as_bytes()[start..end];
        let classes = first | inner;
        if classes & ALNUM != 0 {
            let hints = WordHints {
                may_have_apostrophe: classes & APOSTROPHE != 0,
                may_have_inner_upper: classes & INNER_UPPER != 0,
                may_have_digit: classes & DIGIT != 0,
            };
            if words::is_plain_word(bytes, &self.glue, hints) {
                self.push_plain_word(start, end, first, classes);
            } else {
                let seg = &self.text[start..end];
                let from = self.raw.len();
                words::push_word(
                    self.text,
                    start,
                    seg,
                    self.cfg,
                    self.scratch,
                    &mut self.raw,
                    self.pending,
                    hints,
                );
                // A token's characters after its first are the segment's:
                // none is uppercase when the scan saw no inner capital.
                self.fold_from(from, classes & NON_ASCII == 0, hints.may_have_inner_upper);
            }
        } else {
            let from = self.raw.len();
            push_symbols(start, &self.text[start..end], self.pending, &mut self.raw);
            self.fold_from(from, classes & NON_ASCII == 0, false);
        }
        self.pending = 0;
    }

    /// Pushes `text[start..end]`, a word that `words::push_word` would push
    /// whole, folded while its bytes are at hand. The scan already knows
    /// what the folding and the case flags depend on: whether the word is
    /// ASCII, and whether its first letter is uppercase (`first`); and a
    /// plain word has no inner capital ([`flags::INNER_UPPER`]).
    fn push_plain_word(&mut self, start: usize, end: usize, first: u8, classes: u8) {
        let fold_start = self.open_fold();
        let case = if classes & NON_ASCII == 0 {
            // ASCII with no whitespace: the folded form is the lowercase,
            // and a plain word has no uppercase letter after the first.
            append_word(&mut self.folded, self.text.as_bytes(), start, end);
            if first & UPPER != 0 {
                let at = fold_start as usize;
                self.folded[at] = self.folded[at].to_ascii_lowercase();
                // And an ASCII letter that is not uppercase is lowercase:
                // the word is all capitals only if it has one letter,
                // which is too few for `ALL_CAPS`.
                flags::UPPER
            } else {
                0
            }
        } else {
            let seg = &self.text[start..end];
            case_flags(seg, TokenKind::Word) | fold_token(seg, &mut self.folded, self.scratch)
        };
        self.raw.push(Token {
            start: start as u32,
            end: end as u32,
            fold_start,
            fold_end: self.folded.len() as u32,
            kind: TokenKind::Word,
            flags: self.pending | case,
        });
    }

    /// Folds the tokens of `raw` from index `from` on, pushed by the
    /// general path, and sets their case flags. `ascii` says that the
    /// tokens are ASCII (with no whitespace, as tokens are): then their
    /// folded forms are their lowercase. `inner` is false when no token
    /// has an uppercase character after its first (no
    /// [`flags::INNER_UPPER`] to look for).
    fn fold_from(&mut self, from: usize, ascii: bool, inner: bool) {
        for t in &mut self.raw[from..] {
            self.folded.push(b' ');
            t.fold_start = self.folded.len() as u32;
            let s = &self.text[t.start as usize..t.end as usize];
            let hyphen = if ascii {
                self.folded.extend_from_slice(s.as_bytes());
                self.folded[t.fold_start as usize..].make_ascii_lowercase();
                // An ASCII `-` is a segment of its own: a token holds one
                // only if it is one.
                if s == "-" {
                    flags::HYPHENATED
                } else {
                    0
                }
            } else {
                fold_token(s, &mut self.folded, self.scratch)
            };
            t.fold_end = self.folded.len() as u32;
            t.flags |= case_flags(s, t.kind) | hyphen;
            if inner {
                t.flags |= inner_upper(s, t.kind);
            }
        }
    }

    /// Drops the tokens of the chunk starting at byte `chunk`, which has a
    /// non-ASCII byte at `from`, and pushes them again through the general
    /// path. `back` is what to go back to: the number of tokens, the length
    /// of the folded buffer and the pending flags at the chunk's start.
    /// Returns where the chunk ends.
    fn fall_back(&mut self, chunk: usize, back: (usize, usize, u16), from: usize) -> usize {
        let (tokens, folded, pending) = back;
        self.raw.truncate(tokens);
        self.folded.truncate(folded);
        self.pending = pending;
        let text = self.text;
        let end = segment::chunk_end(text.as_bytes(), chunk, from);
        segment::segment_chunk(text, chunk, end, false, &mut |off, seg| {
            self.segment(off, seg)
        });
        end
    }

    /// Pushes the tokens of the word segment `seg` at byte `off`, or the
    /// flags of a space.
    fn segment(&mut self, off: usize, seg: &'t str) {
        // `is_ascii` first: it is much cheaper than `contains`, which sets
        // up a substring search for the three bytes of the character.
        if seg.len() > NNBSP.len_utf8() && !seg.is_ascii() && seg.contains(NNBSP) {
            // UAX #29 joins a narrow no-break space to the letters and
            // digits around it (it is ExtendNumLet), but French puts it
            // between words, after `«`, before `» ; : ! ?` and between
            // groups of thousands: it separates tokens like any space
            // (`merge` joins `1 400 000` back into one number).
            let mut start = 0;
            for (k, piece) in seg.split(NNBSP).enumerate() {
                if k > 0 {
                    self.pending |= flags::SPACE_BEFORE;
                }
                if !piece.is_empty() {
                    self.push_segment(off + start, piece);
                }
                start += piece.len() + NNBSP.len_utf8();
            }
            return;
        }
        let b0 = seg.as_bytes()[0];
        let is_space = if b0.is_ascii() {
            b0.is_ascii_whitespace()
        } else {
            seg.starts_with(char::is_whitespace)
        };
        if is_space {
            self.pending |= flags::SPACE_BEFORE;
            for _ in seg.bytes().filter(|&b| b == b'\n') {
                self.newline();
            }
            return;
        }
        self.push_segment(off, seg);
    }
    /// A line break between two tokens; a second one before the next
    /// token (`\n\n`, `\n  \n`) makes a paragraph break. UAX #29 breaks
    /// around every line break, so paragraphs are counted here, across
    /// segments, not inside one.
    fn newline(&mut self) {
        if self.pending & flags::NEWLINE_BEFORE != 0 {
            self.pending |= flags::PARAGRAPH_BEFORE;
        }
        self.pending |= flags::SPACE_BEFORE | flags::NEWLINE_BEFORE;
    }

    /// Pushes the tokens of `seg`, a word segment at byte `off` that is no
    /// space: a word's, or one per punctuation or symbol character.
    fn push_segment(&mut self, off: usize, seg: &str) {
        let from = self.raw.len();
        if seg.as_bytes()[0].is_ascii_alphanumeric() || seg.chars().any(char::is_alphanumeric) {
            words::push_word(
                self.text,
                off,
                seg,
                self.cfg,
                self.scratch,
                &mut self.raw,
                self.pending,
                WordHints::UNKNOWN,
            );
        } else {
            push_symbols(off, seg, self.pending, &mut self.raw);
        }
        self.fold_from(from, false, true);
        self.pending = 0;
    }
}

/// Appends `text[start..end]` to `out`. A word of at most eight bytes
/// (most words) followed by enough text is copied as eight bytes, a store,
/// and the bytes past its end are cut off again: a copy of any other
/// length is a call.
#[inline]
fn append_word(out: &mut Vec<u8>, text: &[u8], start: usize, end: usize) {
    let len = out.len();
    match text.get(start..start + 8) {
        Some(eight) if end - start <= 8 => {
            let eight: [u8; 8] = eight.try_into().expect("8 bytes");
            out.extend_from_slice(&eight);
            out.truncate(len + end - start);
        }
        _ => out.extend_from_slice(&text[start..end]),
    }
}

/// Appends the folded form of the token `s` to `out`: [`fold_into`], with
/// its ASCII part a byte at a time and the accented letters of French
/// (U+00C0..U+00FF, `C3 xx` in UTF-8) from their second byte: tokens are
/// short and most of their characters are of these two kinds, so this
/// spares them the character decoding, and the reservation per token of
/// `fold_into` (`out` was sized for the whole text). From any other
/// character on, the rest of the token goes through `fold_into` (in
/// `scratch`). Returns [`flags::HYPHENATED`] when the folded form holds a
/// `-` (`-` itself, with a combining mark after it, or a letter that
/// folds to one: `ˉ`), else 0.
fn fold_token(s: &str, out: &mut Vec<u8>, scratch: &mut String) -> u16 {
    let b = s.as_bytes();
    let mut hyphen = false;
    let mut k = 0;
    while k < b.len() {
        match b[k] {
            c @ ..0x80 => {
                if !c.is_ascii_whitespace() {
                    out.push(c.to_ascii_lowercase());
                }
                hyphen |= c == b'-';
                k += 1;
            }
            0xC3 => {
                // U+00C0 + the low six bits of the second byte.
                let c = char::from(0xC0 | (b[k + 1] & 0x3F));
                let folded = latin_fold(c).expect("Latin-1 is in the table").as_bytes();
                // Most fold to one letter: no copy call for them.
                if let [one] = folded {
                    out.push(*one);
                } else {
                    out.extend_from_slice(folded);
                }
                k += 2;
            }
            _ => {
                scratch.clear();
                fold_into(&s[k..], scratch);
                out.extend_from_slice(scratch.as_bytes());
                hyphen |= scratch.contains('-');
                break;
            }
        }
    }
    if hyphen {
        flags::HYPHENATED
    } else {
        0
    }
}

/// The case flags ([`flags::UPPER`], [`flags::ALL_CAPS`]) of the token `s`
/// of `kind`.
pub(super) fn case_flags(s: &str, kind: TokenKind) -> u16 {
    // `starts_upper`, with its ASCII test inlined (a token is never empty).
    let b0 = s.as_bytes()[0];
    let upper = if b0.is_ascii() {
        b0.is_ascii_uppercase()
    } else {
        starts_upper(s)
    };
    match upper {
        false => 0,
        true if kind == TokenKind::Word && is_all_caps(s) => flags::UPPER | flags::ALL_CAPS,
        true => flags::UPPER,
    }
}

/// [`flags::INNER_UPPER`] for the token `s` of `kind`, else 0.
pub(super) fn inner_upper(s: &str, kind: TokenKind) -> u16 {
    let inner = kind == TokenKind::Word
        && if s.is_ascii() {
            s.as_bytes()[1..].iter().any(u8::is_ascii_uppercase)
        } else {
            s.chars().skip(1).any(char::is_uppercase)
        };
    if inner {
        flags::INNER_UPPER
    } else {
        0
    }
}

/// The class of the character at byte `i` of `text` (0 for a character
/// that is no letter, digit or `_`) and its length in bytes.
#[inline(always)]
fn class_at(text: &str, i: usize) -> (u8, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (CLASS[b as usize], 1)
    } else {
        non_ascii_class_at(text, i)
    }
}

/// [`class_at`] for a non-ASCII character: kept out of line, so that the
/// ASCII test is all that is inlined in the loops.
#[inline(never)]
pub(super) fn non_ascii_class_at(text: &str, i: usize) -> (u8, usize) {
    let b = text.as_bytes();
    if b[i] == 0xC3 {
        // U+00C0..U+00FF, where the accented letters of French are (`é`,
        // `À`): most of the non-ASCII characters of a French text, classed
        // from their second byte without decoding them.
        return (latin1_class(0xC0 | (b[i + 1] & 0x3F)), 2);
    }
    let c = text[i..].chars().next().expect("at a character");
    (char_class(c), c.len_utf8())
}

/// The class of a non-ASCII character: [`UPPER`] or [`LOWER`] for the
/// letters that `segment.rs` knows, with [`NON_ASCII`]; 0 for any other.
pub(super) fn char_class(c: char) -> u8 {
    match segment::category(c) {
        Cat::Letter if c.is_uppercase() => UPPER | NON_ASCII,
        Cat::Letter => LOWER | NON_ASCII,
        _ => 0,
    }
}

/// [`char_class`] of the character U+00C0 + `low - 0xC0` (`low` is
/// `0xC0..=0xFF`): uppercase letters up to `Þ`, lowercase from `ß`, but
/// `×` and `÷`, which are no letters.
fn latin1_class(low: u8) -> u8 {
    match low {
        0xD7 | 0xF7 => 0,
        0xC0..=0xDE => UPPER | NON_ASCII,
        _ => LOWER | NON_ASCII,
    }
}

/// The end of the word segment whose first character (of class `first`)
/// ends at `text[from]`, with the rules of `segment::known_segments`, and
/// the classes of its characters after the first: [`INNER_UPPER`] for an
/// uppercase letter, [`APOSTROPHE`] for an apostrophe between letters or
/// digits. It stops before any character it does not know (the caller
/// then falls back when it meets it).
fn scan_word(text: &str, from: usize, first: u8) -> (usize, u8) {
    let b = text.as_bytes();
    let n = b.len();
    let mut inner = 0;
    let mut before = first;
    let mut j = from;
    while j < n {
        // A run of ASCII letters, digits and `_` (non-ASCII bytes are of
        // class 0), most of a word: a loop of its own, kept tight.
        let run = j;
        while j < n && CLASS[b[j] as usize] & CORE != 0 {
            inner |= CLASS[b[j] as usize];
            j += 1;
        }
        if j > run {
            before = CLASS[b[j - 1] as usize];
            if j == n {
                break;
            }
        }
        // Most words end at a space or at ASCII punctuation that joins
        // nothing: no need for the tests below.
        if b[j] < 0x80 && !matches!(b[j], b'.' | b':' | b',' | b';' | b'\'') {
            break;
        }
        let (class, len) = class_at(text, j);
        if class & CORE != 0 {
            inner |= class;
            before = class;
            j += len;
            continue;
        }
        if j + len == n {
            break;
        }
        let apostrophe =
            b[j] == b'\'' || matches!(b.get(j..j + 3), Some([0xE2, 0x80, 0x98 | 0x99]));
        let (after, _) = class_at(text, j + len);
        // WB6, WB7 (`a.b`, `a'b`, `a’b`, `a:b`), WB11, WB12 (`1.5`, `1,5`, `1;5`, `1'5`).
        let letters = before & ALPHA != 0 && after & ALPHA != 0;
        let digits = before & DIGIT != 0 && after & DIGIT != 0;
        let joins = match b[j] {
            b'.' => letters || digits,
            b':' => letters,
            b',' | b';' => digits,
            _ if apostrophe => letters || digits,
            _ => false,
        };
        if !joins {
            break;
        }
        if apostrophe {
            inner |= APOSTROPHE;
        }
        if len > 1 {
            // A typographic apostrophe: the word is not ASCII.
            inner |= NON_ASCII;
        }
        j += len;
    }
    if inner & UPPER != 0 {
        inner |= INNER_UPPER;
    }
    (j, inner)
}

/// Pushes one punctuation or symbol token per character of `seg`.
fn push_symbols(off: usize, seg: &str, pending: u16, raw: &mut Vec<Token>) {
    for (i, c) in seg.char_indices() {
        let ascii_punct = c.is_ascii_punctuation()
            && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~');
        let kind = if ascii_punct || is_unicode_punct(c) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        let start = (off + i) as u32;
        raw.push(Token {
            start,
            end: start + c.len_utf8() as u32,
            fold_start: 0,
            fold_end: 0,
            kind,
            flags: if i == 0 { pending } else { 0 },
        });
    }
}

fn is_unicode_punct(c: char) -> bool {
    matches!(
        c,
        '«' | '»'
            | '“'
            | '”'
            | '„'
            | '‘'
            | '’'
            | '‹'
            | '›'
            | '–'
            | '—'
            | '―'
            | '…'
            | '•'
            | '·'
            | '‐'
            | '‑'
            | '¿'
            | '¡'
            | '§'
            | '¶'
            | '†'
            | '‡'
            | '′'
            | '″'
            | '‚'
    )
}

#[cfg(test)]
mod tests {
    use super::append_word;

    /// Every word of up to twenty bytes at every place of a text, the end
    /// of the text included (where eight bytes cannot be read past the
    /// word): the same bytes as a plain copy, after what `out` held.
    #[test]
    fn words_are_appended_whole_and_alone() {
        let text: Vec<u8> = (0..40u8).map(|k| b'a' + k % 26).collect();
        for start in 0..=text.len() {
            for end in start..=text.len().min(start + 20) {
                let mut out = b" x".to_vec();
                append_word(&mut out, &text, start, end);
                assert_eq!(out, [b" x", &text[start..end]].concat(), "{start}..{end}");
            }
        }
    }
}
