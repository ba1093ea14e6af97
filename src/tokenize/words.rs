//! Splitting one UAX #29 word segment into French tokens: elision,
//! number + unit, glued words.

use super::{Token, TokenKind, TokenizerConfig};
use crate::normalize::{fold_into, is_apostrophe};

/// Ordinal suffixes that stay glued to their number (`1er`, `2e`, `3ème`).
const ORDINAL_SUFFIXES: &[&str] = &[
    "er", "re", "ere", "e", "eme", "nd", "nde", "es", "ers", "res", "emes",
];

/// The longest left part of a glued word that is looked up in the lexicons,
/// in bytes: longer than any single-word lexicon entry.
const MAX_GLUED_LEFT_BYTES: usize = 128;

/// What the caller already knows of a word segment, so that [`push_word`]
/// does not look for what is not there. `true` means "may be": look.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordHints {
    /// The segment may have an apostrophe.
    pub may_have_apostrophe: bool,
    /// The segment may have an uppercase letter after its first character.
    pub may_have_inner_upper: bool,
    /// The segment may have a digit.
    pub may_have_digit: bool,
}

impl WordHints {
    /// Nothing known: look for everything.
    pub const UNKNOWN: WordHints = WordHints {
        may_have_apostrophe: true,
        may_have_inner_upper: true,
        may_have_digit: true,
    };
}

/// Whether [`push_word`] would push `seg` whole, as one word, known from
/// the hints alone: most words have no elision (no apostrophe), no number
/// or currency code (no digit), no case change to split at (no inner
/// capital), and are too short for a glued function word or do not end
/// like one.
#[inline]
pub(super) fn is_plain_word(seg: &[u8], glue: &GlueTails, hints: WordHints) -> bool {
    !hints.may_have_apostrophe
        && !hints.may_have_digit
        && !hints.may_have_inner_upper
        && (seg.len() < 6 || !glue.ends(seg))
}

/// The glue suffixes of a [`TokenizerConfig`] made ready to test the end
/// of every word of a text ([`is_plain_word`]): French words end in `e`,
/// `s` or `t` like `que`, `les` and `est`, so comparing last bytes first
/// (`TokenizerConfig::ends_with_glue_suffix`) still leaves a string
/// comparison for most words. Here the last bytes of the suffixes are a
/// bit set, and each suffix of up to four bytes is a mask and a value of a
/// word's last four bytes read as one integer: a bit test for most words
/// and a few integer comparisons for the others, made once per text.
pub(super) struct GlueTails<'a> {
    /// The last bytes of the suffixes, a bit per byte value.
    last: [u64; 4],
    /// Masks and values: the word ends with suffix `k` when its last four
    /// bytes, little-endian, masked by `masks[k]`, are `values[k]`. The
    /// slots of no suffix never match (mask 0, value 1), so that all eight
    /// are compared at once, without a branch per suffix.
    masks: [u32; 8],
    values: [u32; 8],
    len: usize,
    /// The suffixes, when some cannot be a tail above (empty, longer than
    /// four bytes, or more than eight): compared as strings.
    general: Option<&'a [String]>,
}

impl<'a> GlueTails<'a> {
    pub(super) fn new(cfg: &'a TokenizerConfig) -> Self {
        let suffixes = cfg.glue_suffixes.as_slice();
        let mut glue = GlueTails {
            last: [0; 4],
            masks: [0; 8],
            values: [1; 8],
            len: 0,
            general: None,
        };
        // One plain loop, with shifts rather than arrays and copies: this
        // is made for every text, and building the extractor tokenizes
        // thousands of lexicon entries.
        for s in suffixes {
            let b = s.as_bytes();
            if b.is_empty() || b.len() > 4 || glue.len == glue.masks.len() {
                glue.general = Some(suffixes);
                return glue;
            }
            let last = b[b.len() - 1];
            glue.last[usize::from(last >> 6)] |= 1 << (last & 63);
            // The suffix's bytes at the high end of four: where the word's
            // last bytes are when its last four are read little-endian.
            let mut value = 0u32;
            for &x in b.iter().rev() {
                value = (value << 8) | u32::from(x);
            }
            let shift = 8 * (4 - b.len() as u32);
            glue.masks[glue.len] = u32::MAX << shift;
            glue.values[glue.len] = value << shift;
            glue.len += 1;
        }
        glue
    }

    /// Whether `word`, of at least four bytes, ends with a glue suffix:
    /// `TokenizerConfig::ends_with_glue_suffix`.
    #[inline]
    pub(super) fn ends(&self, word: &[u8]) -> bool {
        if let Some(suffixes) = self.general {
            return suffixes.iter().any(|s| word.ends_with(s.as_bytes()));
        }
        let n = word.len();
        let b = word[n - 1];
        if self.last[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
            return false;
        }
        let last = u32::from_le_bytes([word[n - 4], word[n - 3], word[n - 2], word[n - 1]]);
        (0..8).fold(false, |found, k| {
            found | (last & self.masks[k] == self.values[k])
        })
    }
}

/// Pushes the tokens of the word segment `seg` found at byte `off`.
#[allow(clippy::too_many_arguments)]
pub(super) fn push_word(
    text: &str,
    off: usize,
    seg: &str,
    cfg: &TokenizerConfig,
    scratch: &mut String,
    out: &mut Vec<Token>,
    mut flags: u16,
    hints: WordHints,
) {
    let mut start = off;
    let end = off + seg.len();
    // Elision: `d'OpenAI`, `qu’il`, `jusqu'à` (only the first apostrophe:
    // `d'aujourd'hui` → `d'` + `aujourd'hui`).
    // Only look for an apostrophe where one may be (`'` or a non-ASCII byte).
    let maybe_apostrophe =
        hints.may_have_apostrophe && seg.bytes().any(|b| b == b'\'' || b >= 0xC2);
    let apostrophe = if maybe_apostrophe {
        seg.char_indices().find(|&(_, c)| is_apostrophe(c))
    } else {
        None
    };
    if let Some((i, c)) = apostrophe {
        let after = i + c.len_utf8();
        if i > 0 && after < seg.len() {
            scratch.clear();
            fold_into(&seg[..i], scratch);
            if cfg.elisions.contains(scratch.as_str()) {
                push(out, start, off + after, TokenKind::Elision, flags);
                flags = 0;
                start = off + after;
            }
        }
    }
    let rest = &text[start..end];
    // A currency code glued to its amount: `USD1,23`, `EUR29,99`.
    if let Some(split) = code_before_number(rest, cfg, scratch) {
        push(out, start, start + split, TokenKind::Word, flags);
        push(out, start + split, end, TokenKind::Number, 0);
        return;
    }
    // A number, possibly followed by an ordinal suffix or a glued unit.
    if rest.as_bytes()[0].is_ascii_digit() {
        let num_len = numeric_prefix_len(rest);
        if num_len == rest.len() {
            push(out, start, end, TokenKind::Number, flags);
            return;
        }
        scratch.clear();
        fold_into(&rest[num_len..], scratch);
        let all_digits = rest[..num_len].bytes().all(|b| b.is_ascii_digit());
        if all_digits && ORDINAL_SUFFIXES.contains(&scratch.as_str()) {
            push(out, start, end, TokenKind::Ordinal, flags);
            return;
        }
        if rest[num_len..].starts_with(|c: char| c.is_alphabetic()) {
            push(out, start, start + num_len, TokenKind::Number, flags);
            flags = 0;
            start += num_len;
        } else {
            push(out, start, end, TokenKind::Word, flags);
            return;
        }
    }
    push_glued(text, start, end, cfg, scratch, out, flags, hints);
}

/// `USD1,23` → 3: capitals that are a known word, followed by a whole number.
fn code_before_number(s: &str, cfg: &TokenizerConfig, scratch: &mut String) -> Option<usize> {
    let b = s.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(2..=4).contains(&letters) || letters == b.len() || !b[letters].is_ascii_digit() {
        return None;
    }
    if numeric_prefix_len(&s[letters..]) != s.len() - letters {
        return None;
    }
    scratch.clear();
    fold_into(&s[..letters], scratch);
    cfg.known_words
        .contains(scratch.as_str())
        .then_some(letters)
}

/// Length of the number at the start of `s`: digits with internal `,` or `.`
/// followed by a digit.
fn numeric_prefix_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let digit = b[i].is_ascii_digit();
        let inner_mark =
            (b[i] == b',' || b[i] == b'.') && i + 1 < b.len() && b[i + 1].is_ascii_digit();
        if !(digit || inner_mark) {
            break;
        }
        i += 1;
    }
    i
}

/// Pushes a word, split where bad extraction glued two words together.
#[allow(clippy::too_many_arguments)]
fn push_glued(
    text: &str,
    mut start: usize,
    end: usize,
    cfg: &TokenizerConfig,
    scratch: &mut String,
    out: &mut Vec<Token>,
    mut flags: u16,
    hints: WordHints,
) {
    // At most a few splits per word; each split point is re-examined on the rest.
    for _ in 0..4 {
        let word = &text[start..end];
        match glue_split(word, cfg, scratch, hints.may_have_inner_upper) {
            Some(at) => {
                push(out, start, start + at, TokenKind::Word, flags);
                flags = 0;
                start += at;
            }
            None => break,
        }
    }
    push(out, start, end, TokenKind::Word, flags);
}

/// Where to split a glued word, if anywhere.
///
/// Two kinds of glue are recognised:
/// * a case change inside the word (`OpenAILes`, `TechCrunchNous`): split
///   before an uppercase letter that follows a lowercase one, or that starts
///   a capitalised word after capitals (`AI|Les`), when the left part is a
///   known lexicon word and the whole word is not;
/// * a lowercase word ending with a glued function word (`dernièrequi`)
///   when the left part is a known lexicon word and the whole word is not.
///
/// `may_have_inner_upper` is false when the caller knows that no letter of
/// `word` but the first is uppercase: no case change to look for.
fn glue_split(
    word: &str,
    cfg: &TokenizerConfig,
    scratch: &mut String,
    may_have_inner_upper: bool,
) -> Option<usize> {
    if word.len() < 4 {
        return None;
    }
    // Cheap pre-checks, so that ordinary words cost no folding: nothing to
    // split without an inner capital or a glue suffix at the end.
    let inner_upper = may_have_inner_upper
        && if word.is_ascii() {
            word.as_bytes()[1..].iter().any(u8::is_ascii_uppercase)
        } else {
            word.chars().skip(1).any(char::is_uppercase)
        };
    if inner_upper {
        scratch.clear();
        fold_into(word, scratch);
        if cfg.known_words.contains(scratch.as_str()) {
            return None;
        }
        let mut best = None;
        let mut prev: Option<char> = None;
        let mut chars = word.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            // Robustness (issue #9): each candidate folds the whole left part,
            // so a long glued run (`OpenAIOpenAI…`, megabytes without a space)
            // cost O(n²). No lexicon word is that long: stop looking.
            if at > MAX_GLUED_LEFT_BYTES {
                break;
            }
            let next = chars.peek().map(|&(_, n)| n);
            // `n|Les`, `I|Les`: the right part must start a capitalised word.
            if let (Some(p), Some(n)) = (prev, next) {
                if c.is_uppercase() && p.is_alphabetic() && n.is_lowercase() {
                    scratch.clear();
                    fold_into(&word[..at], scratch);
                    if cfg.known_words.contains(scratch.as_str()) {
                        best = Some(at);
                    }
                }
            }
            prev = Some(c);
        }
        return best;
    }
    if word.len() < 6 {
        return None;
    }
    if !cfg.ends_with_glue_suffix(word) {
        return None;
    }
    for suffix in &cfg.glue_suffixes {
        if word.len() > suffix.len() + 2 && word.ends_with(suffix.as_str()) {
            let at = word.len() - suffix.len();
            if !word.is_char_boundary(at) {
                continue;
            }
            scratch.clear();
            fold_into(&word[..at], scratch);
            if !cfg.known_lower.contains(scratch.as_str()) {
                continue;
            }
            // The whole word must not be a known word itself.
            scratch.clear();
            fold_into(word, scratch);
            return (!cfg.known_lower.contains(scratch.as_str())).then_some(at);
        }
    }
    None
}

fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind, flags: u16) {
    out.push(Token {
        start: start as u32,
        end: end as u32,
        fold_start: 0,
        fold_end: 0,
        kind,
        flags,
    });
}
