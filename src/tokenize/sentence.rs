//! Sentence splitting over tokens.
//!
//! A sentence ends after terminal punctuation (`.`, `!`, `?`, `…`, or an
//! abbreviation that may close a sentence such as `etc.`) together with the
//! closing quotes and brackets that follow it, when the next token starts a
//! sentence (capital, digit, opening quote, bullet). It also ends at a blank
//! line, at a line break unless the line is hard-wrapped mid-sentence, and
//! before a bullet (`•`). Abbreviations (`M.`, `Inc.`) and initials (`J.`)
//! carry their dot inside the token, so they never end a sentence by
//! themselves.

use super::{flags, SentenceSpan, Token, TokenKind, TokenizerConfig, Tokens};

/// Fills `toks.sentences` and `toks.sentence_of`.
pub fn split_sentences(text: &str, toks: &mut Tokens, _cfg: &TokenizerConfig) {
    let t = &toks.tokens;
    let n = t.len();
    let tx = |k: &Token| &text[k.start as usize..k.end as usize];
    let mut sentences = Vec::with_capacity(n / 20 + 1);
    let mut first = 0usize;
    let mut i = 0usize;
    while i < n {
        let mut last = None;
        if is_terminal(text, &t[i]) {
            let mut j = i + 1;
            while j < n
                && !t[j].has(flags::NEWLINE_BEFORE)
                && ((is_terminal(text, &t[j]) && !t[j].has(flags::SPACE_BEFORE))
                    || is_closing(tx(&t[j]), &t[j]))
            {
                j += 1;
            }
            if j >= n || t[j].has(flags::NEWLINE_BEFORE) || starts_sentence(tx(&t[j])) {
                last = Some(j - 1);
            } else {
                i = j;
                continue;
            }
        } else if i + 1 < n && t[i + 1].has(flags::NEWLINE_BEFORE) {
            let continues = !t[i + 1].has(flags::PARAGRAPH_BEFORE)
                && matches!(
                    t[i].kind,
                    TokenKind::Word | TokenKind::Number | TokenKind::Elision
                )
                || tx(&t[i]) == ",";
            let next_lower = tx(&t[i + 1]).starts_with(char::is_lowercase);
            if !(continues && next_lower) {
                last = Some(i);
            }
        } else if i + 1 < n && t[i + 1].kind == TokenKind::Punct && bytes(text, &t[i + 1]) == BULLET
        {
            last = Some(i);
        }
        match last {
            Some(e) => {
                sentences.push(span(t, first, e + 1));
                first = e + 1;
                i = e + 1;
            }
            None => i += 1,
        }
    }
    if first < n {
        sentences.push(span(t, first, n));
    }
    let mut sentence_of = Vec::with_capacity(n);
    for (k, s) in sentences.iter().enumerate() {
        sentence_of.extend(std::iter::repeat(k as u32).take((s.end - s.first) as usize));
    }
    toks.sentences = sentences;
    toks.sentence_of = sentence_of;
}

fn span(t: &[Token], first: usize, end: usize) -> SentenceSpan {
    SentenceSpan {
        first: first as u32,
        end: end as u32,
        start_byte: t[first].start,
        end_byte: t[end - 1].end,
    }
}

/// `•` in UTF-8.
const BULLET: &[u8] = "•".as_bytes();

/// The bytes of token `t`. The tests run on every token compare bytes: a
/// byte slice needs no check that its ends fall between characters, which
/// slicing the text as a `&str` does for each token.
fn bytes<'t>(text: &'t str, t: &Token) -> &'t [u8] {
    &text.as_bytes()[t.start as usize..t.end as usize]
}

/// Whether the sentence whose last token is `last` ends on terminal
/// punctuation, a closing quote or bracket after it included (`… partons. »`):
/// a line without it is a title or a heading.
pub(crate) fn is_closed(text: &str, tokens: &[Token], last: usize) -> bool {
    let t = &tokens[last];
    is_terminal(text, t)
        || (last > 0
            && is_closing(&text[t.start as usize..t.end as usize], t)
            && is_terminal(text, &tokens[last - 1]))
}

fn is_terminal(text: &str, t: &Token) -> bool {
    match t.kind {
        // `b"\xE2\x80\xA6"` is `…` in UTF-8.
        TokenKind::Punct => matches!(bytes(text, t), b"." | b"!" | b"?" | b"\xE2\x80\xA6"),
        TokenKind::Word => t.has(flags::MAY_END),
        _ => false,
    }
}

/// A closing quote or bracket right after terminal punctuation.
fn is_closing(s: &str, t: &Token) -> bool {
    match s {
        "»" | "”" | ")" | "]" | "›" => true,
        "\"" | "’" | "'" => !t.has(flags::SPACE_BEFORE),
        _ => false,
    }
}

fn starts_sentence(s: &str) -> bool {
    let Some(c) = s.chars().next() else {
        return false;
    };
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '«' | '"' | '“' | '(' | '[' | '•' | '—' | '–' | '-' | '\'' | '‘' | '¿' | '¡'
        )
}
