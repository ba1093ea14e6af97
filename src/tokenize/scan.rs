//! The first pass of the tokenizer: text → raw tokens, before `merge` joins
//! numbers, compounds and abbreviations.
//!
//! The reference is [`Pass::run_general`]: every UAX #29 word segment of
//! [`segment::for_each_segment`] goes through [`Pass::segment`], which turns
//! spaces into flags and words and symbols into tokens. That walks each word
//! several times: once to find the chunks, once to segment them, then to look
//! for a narrow no-break space, for a letter, for an apostrophe and for an
//! inner capital.
//!
//! [`Pass::run`] gives exactly the same tokens in one walk over the bytes for
//! ASCII text, which is most of French news: it segments an ASCII word with
//! the rules of `segment::ascii_segments`, and learns on the way what the
//! French rules of `words.rs` would otherwise look for (an apostrophe, an
//! inner capital). It works chunk by chunk, in the chunks of `segment.rs`
//! (runs of spaces between two ASCII non-space characters cut the text into
//! pieces that segment alone). When it meets a non-ASCII byte, it drops the
//! tokens of the current chunk and hands the whole chunk to the general path,
//! so that non-ASCII text is segmented by the same code as before
//! (`unicode-segmentation` for any character `segment.rs` does not know).
//! Chunks are mostly one word long, so little work is done twice.

use super::segment;
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
    /// ASCII chunks (see the module documentation).
    pub(super) fn run(mut self) -> Vec<Token> {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        // The current chunk: where it starts, and the tokens and flags to
        // go back to if it is not ASCII.
        let mut chunk = 0;
        let mut chunk_tokens = 0;
        let mut chunk_pending = 0;
        let mut i = 0;
        while i < n {
            let c = b[i];
            let class = CLASS[c as usize];
            if class & CORE != 0 {
                let (end, inner) = scan_word(b, i);
                if end < n && b[end] >= 0x80 {
                    i = self.fall_back(chunk, chunk_tokens, chunk_pending, end);
                    continue;
                }
                let seg = &text[i..end];
                if (class | inner) & ALNUM != 0 {
                    let hints = WordHints {
                        may_have_apostrophe: inner & APOSTROPHE != 0,
                        may_have_inner_upper: inner & UPPER != 0,
                    };
                    words::push_word(
                        text,
                        i,
                        seg,
                        self.cfg,
                        self.scratch,
                        &mut self.raw,
                        self.pending,
                        hints,
                    );
                } else {
                    push_symbols(i, seg, self.pending, &mut self.raw);
                }
                self.pending = 0;
                i = end;
                continue;
            }
            match c {
                b' ' => {
                    let mut j = i + 1;
                    while j < n && b[j] == b' ' {
                        j += 1;
                    }
                    self.pending |= flags::SPACE_BEFORE;
                    // The chunk boundary of `segment::chunk_end`: the byte
                    // before is ASCII and no space (the run is whole), so
                    // is the byte after.
                    if i > chunk && (j == n || b[j] < 0x80) {
                        chunk = j;
                        chunk_tokens = self.raw.len();
                        chunk_pending = self.pending;
                    }
                    i = j;
                }
                b'\n' => {
                    self.pending |= flags::SPACE_BEFORE | flags::NEWLINE_BEFORE;
                    i += 1;
                }
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    self.pending |= flags::SPACE_BEFORE | flags::NEWLINE_BEFORE;
                    i += 2;
                }
                b'\r' | b'\t' | 0x0C => {
                    self.pending |= flags::SPACE_BEFORE;
                    i += 1;
                }
                0x80.. => i = self.fall_back(chunk, chunk_tokens, chunk_pending, i),
                _ => {
                    let kind = if class & PUNCT != 0 {
                        TokenKind::Punct
                    } else {
                        TokenKind::Symbol
                    };
                    self.raw.push(Token {
                        start: i as u32,
                        end: i as u32 + 1,
                        fold_start: 0,
                        fold_end: 0,
                        kind,
                        flags: self.pending,
                    });
                    self.pending = 0;
                    i += 1;
                }
            }
        }
        self.raw
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
            let newlines = seg.bytes().filter(|&b| b == b'\n').count();
            if newlines >= 1 {
                self.pending |= flags::NEWLINE_BEFORE;
            }
            if newlines >= 2 {
                self.pending |= flags::PARAGRAPH_BEFORE;
            }
            return;
        }
        self.push_segment(off, seg);
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

/// The end of the ASCII word segment starting at `b[start]` (a [`CORE`]
/// byte), with the rules of `segment::ascii_segments`, and the classes of
/// its bytes after the first (with [`APOSTROPHE`] for an inner `'`). It
/// stops at the first non-ASCII byte: the caller then falls back.
fn scan_word(b: &[u8], start: usize) -> (usize, u8) {
    let n = b.len();
    let mut inner = 0;
    let mut j = start + 1;
    while j < n {
        let d = b[j];
        let class = CLASS[d as usize];
        if class & CORE != 0 {
            inner |= class;
            j += 1;
            continue;
        }
        if j + 1 == n {
            break;
        }
        // WB6, WB7 (`a.b`, `a'b`, `a:b`), WB11, WB12 (`1.5`, `1,5`, `1;5`, `1'5`).
        let (before, after) = (CLASS[b[j - 1] as usize], CLASS[b[j + 1] as usize]);
        let letters = before & ALPHA != 0 && after & ALPHA != 0;
        let digits = before & DIGIT != 0 && after & DIGIT != 0;
        let joins = match d {
            b'.' => letters || digits,
            b':' => letters,
            b',' | b';' => digits,
            b'\'' if letters || digits => {
                inner |= APOSTROPHE;
                true
            }
            _ => false,
        };
        if !joins {
            break;
        }
        j += 1;
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
