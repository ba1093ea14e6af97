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

use super::segment::{self, Cat};
use super::words::{self, WordHints};
use super::{flags, Token, TokenKind, TokenizerConfig};

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
    scratch: &'a mut String,
    raw: Vec<Token>,
    /// Flags for the next token: the spaces and line breaks seen since the last one.
    pending: u8,
}

impl<'t, 'a> Pass<'t, 'a> {
    pub(super) fn new(text: &'t str, cfg: &'a TokenizerConfig, scratch: &'a mut String) -> Self {
        Pass {
            text,
            cfg,
            scratch,
            raw: Vec::with_capacity(text.len() / 5 + 1),
            pending: 0,
        }
    }

    /// The raw tokens, every segment through [`Pass::segment`].
    #[cfg(test)]
    pub(super) fn run_general(mut self) -> Vec<Token> {
        let text = self.text;
        segment::for_each_segment(text, |off, seg| self.segment(off, seg));
        self.raw
    }

    /// The raw tokens: the same as [`Pass::run_general`], in one pass over
    /// the chunks of known characters (see the module documentation).
    pub(super) fn run(mut self) -> Vec<Token> {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        // The current chunk: where it starts, and the tokens and flags to
        // go back to if it has a character this pass does not know.
        let mut chunk = 0;
        let mut chunk_tokens = 0;
        let mut chunk_pending = 0;
        let mut i = 0;
        while i < n {
            let (class, len) = class_at(text, i);
            if class & CORE != 0 {
                let (end, inner) = scan_word(text, i + len, class);
                self.push_scanned_word(i, end, class | inner);
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
                        i = self.fall_back(chunk, chunk_tokens, chunk_pending, i);
                    } else if c.is_whitespace() {
                        self.pending |= flags::SPACE_BEFORE;
                        i += len;
                    } else {
                        push_symbols(i, &text[i..i + len], self.pending, &mut self.raw);
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
                    self.push_token(i, i + 1, kind);
                    i += 1;
                }
            }
        }
        self.raw
    }

    /// Pushes a token of `kind` over `text[start..end]` with the pending flags.
    fn push_token(&mut self, start: usize, end: usize, kind: TokenKind) {
        self.raw.push(Token {
            start: start as u32,
            end: end as u32,
            fold_start: 0,
            fold_end: 0,
            kind,
            flags: self.pending,
        });
        self.pending = 0;
    }

    /// Pushes the word segment `text[start..end]` found by [`scan_word`],
    /// whose bytes have the classes `classes`.
    fn push_scanned_word(&mut self, start: usize, end: usize, classes: u8) {
        let seg = &self.text[start..end];
        if classes & ALNUM != 0 {
            let hints = WordHints {
                may_have_apostrophe: classes & APOSTROPHE != 0,
                may_have_inner_upper: classes & INNER_UPPER != 0,
                may_have_digit: classes & DIGIT != 0,
            };
            if words::is_plain_word(seg, self.cfg, hints) {
                self.push_token(start, end, TokenKind::Word);
            } else {
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
            }
        } else {
            push_symbols(start, seg, self.pending, &mut self.raw);
        }
        self.pending = 0;
    }

    /// Drops the tokens of the chunk starting at byte `chunk`, which has a
    /// non-ASCII byte at `from`, and pushes them again through the general
    /// path. Returns where the chunk ends.
    fn fall_back(&mut self, chunk: usize, tokens: usize, pending: u8, from: usize) -> usize {
        self.raw.truncate(tokens);
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
        self.pending = 0;
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
fn non_ascii_class_at(text: &str, i: usize) -> (u8, usize) {
    let c = text[i..].chars().next().expect("at a character");
    let class = match segment::category(c) {
        Cat::Letter if c.is_uppercase() => UPPER,
        Cat::Letter => LOWER,
        _ => 0,
    };
    (class, c.len_utf8())
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
        // ASCII letters, digits and `_` (non-ASCII bytes are of class 0).
        let class = CLASS[b[j] as usize];
        if class & CORE != 0 {
            inner |= class;
            before = class;
            j += 1;
            continue;
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
        j += len;
    }
    if inner & UPPER != 0 {
        inner |= INNER_UPPER;
    }
    (j, inner)
}

/// Pushes one punctuation or symbol token per character of `seg`.
fn push_symbols(off: usize, seg: &str, pending: u8, raw: &mut Vec<Token>) {
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
