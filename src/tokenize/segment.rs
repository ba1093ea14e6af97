//! UAX #29 word-boundary segments, with a fast path for ASCII.
//!
//! [`for_each_segment`] gives exactly the segments of `unicode-segmentation`'s
//! `split_word_bound_indices`, but that iterator looks every character up
//! in the Unicode tables, which made it the most expensive part of
//! tokenization. Most of a French text is ASCII, so the text is cut into
//! chunks at runs of spaces whose neighbours are both ASCII non-space
//! characters. Such a run is always one segment with a boundary on each
//! side: no UAX #29 rule joins an ASCII space to a non-space ASCII
//! character, and the rules that look past a boundary (WB6, WB7, WB11,
//! WB12, WB15, WB16) treat a space exactly like the start or end of the
//! text. So each chunk segments the same alone as inside the text: an ASCII
//! chunk with the few rules that apply to ASCII, a chunk of characters
//! common in French text (accented Latin letters, typographic apostrophes,
//! quotes, dashes and spaces) with the same rules on their word-break
//! property, any other with the Unicode iterator. The tests check every
//! known character, in many contexts, against `unicode-segmentation`.

use unicode_segmentation::UnicodeSegmentation;

/// Calls `f(offset, segment)` for every word-boundary segment of `text`, in
/// text order.
#[cfg(test)]
pub(super) fn for_each_segment<'t>(text: &'t str, mut f: impl FnMut(usize, &'t str)) {
    let b = text.as_bytes();
    let mut chunk = 0;
    while chunk < b.len() {
        let end = chunk_end(b, chunk, chunk);
        segment_chunk(text, chunk, end, text[chunk..end].is_ascii(), &mut f);
        let spaces = end + b[end..].iter().take_while(|&&c| c == b' ').count();
        if spaces > end {
            f(end, &text[end..spaces]);
        }
        chunk = spaces;
    }
}

/// The end of the chunk that starts at `b[chunk]`, looking from `b[from]`
/// on (`from` is in the chunk, not inside a run of spaces unless it is the
/// chunk's start): the start of the next run of spaces between an ASCII
/// non-space byte and an ASCII byte or the end of the text, or the end of
/// the text.
pub(super) fn chunk_end(b: &[u8], chunk: usize, from: usize) -> usize {
    let n = b.len();
    let mut i = from;
    while i < n {
        if b[i] == b' ' && i > chunk && b[i - 1] < 0x80 && b[i - 1] != b' ' {
            let mut j = i + 1;
            while j < n && b[j] == b' ' {
                j += 1;
            }
            if j == n || b[j] < 0x80 {
                return i;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    n
}

/// Calls `f` for the segments of `text[start..end]`, a chunk of
/// [`chunk_end`]; `ascii` says whether it is all ASCII.
pub(super) fn segment_chunk<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    ascii: bool,
    f: &mut impl FnMut(usize, &'t str),
) {
    let chunk = &text[start..end];
    if ascii {
        ascii_segments(chunk, |off, seg| f(start + off, seg));
    } else if chunk.chars().all(|c| category(c) != Cat::Unknown) {
        known_segments(chunk, |off, seg| f(start + off, seg));
    } else {
        for (off, seg) in chunk.split_word_bound_indices() {
            f(start + off, seg);
        }
    }
}

/// Whether `c` is a letter that the fast paths of this module know (ASCII,
/// Latin-1, Latin Extended-A and B): a run of them is one word segment.
pub(super) fn is_latin_letter(c: char) -> bool {
    category(c) == Cat::Letter
}

/// The UAX #29 word-break property of the characters French news uses;
/// [`Cat::Unknown`] for all others, whose chunks go to `unicode-segmentation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cat {
    /// ALetter (AHLetter: no Hebrew letter is known here).
    Letter,
    Numeric,
    MidLetter,
    /// MidNumLet or Single_Quote (the rules use them together, as MidNumLetQ).
    MidNumLetQ,
    MidNum,
    ExtendNumLet,
    WSegSpace,
    Cr,
    Lf,
    Newline,
    /// A character no rule keeps with its neighbours.
    Other,
    Unknown,
}

pub(super) fn category(c: char) -> Cat {
    match c {
        'a'..='z' | 'A'..='Z' => Cat::Letter,
        '0'..='9' => Cat::Numeric,
        ':' => Cat::MidLetter,
        '.' | '\'' | '\u{2018}' | '\u{2019}' => Cat::MidNumLetQ,
        ',' | ';' => Cat::MidNum,
        '_' | '\u{202F}' => Cat::ExtendNumLet,
        ' ' | '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}' => Cat::WSegSpace,
        '\r' => Cat::Cr,
        '\n' => Cat::Lf,
        '\u{0B}' | '\u{0C}' => Cat::Newline,
        '\0'..='\u{7F}' => Cat::Other,
        // Latin-1 letters and Latin Extended-A and B, but `×` and `÷`.
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}' => Cat::Letter,
        '\u{A0}' | '\u{AB}' | '\u{BB}' | '\u{B0}' | '\u{A9}' | '\u{AE}' | '\u{2013}'
        | '\u{2014}' | '\u{2022}' | '\u{201C}' | '\u{201D}' | '\u{2026}' | '\u{20AC}' => Cat::Other,
        _ => Cat::Unknown,
    }
}

/// The UAX #29 word segments of a string whose characters all have a known
/// [`Cat`]: the rules of [`ascii_segments`], on characters. None of these
/// characters is Extend, Format, ZWJ, a regional indicator, Katakana or
/// a Hebrew letter, so no other rule applies.
fn known_segments<'t>(s: &'t str, mut f: impl FnMut(usize, &'t str)) {
    let core = |c: Cat| matches!(c, Cat::Letter | Cat::Numeric | Cat::ExtendNumLet);
    let cat_at = |i: usize| -> (Cat, usize) {
        let c = s[i..].chars().next().expect("in bounds");
        (category(c), c.len_utf8())
    };
    let n = s.len();
    let mut i = 0;
    while i < n {
        let (c, len) = cat_at(i);
        let mut j = i + len;
        if c == Cat::WSegSpace {
            while j < n {
                let (d, l) = cat_at(j);
                if d != Cat::WSegSpace {
                    break;
                }
                j += l;
            }
        } else if core(c) {
            let mut prev = c;
            while j < n {
                let (d, l) = cat_at(j);
                if core(d) {
                    prev = d;
                    j += l;
                    continue;
                }
                if j + l >= n {
                    break;
                }
                let (next, next_len) = cat_at(j + l);
                let joins = match d {
                    Cat::MidLetter => prev == Cat::Letter && next == Cat::Letter,
                    Cat::MidNumLetQ => {
                        (prev == Cat::Letter && next == Cat::Letter)
                            || (prev == Cat::Numeric && next == Cat::Numeric)
                    }
                    Cat::MidNum => prev == Cat::Numeric && next == Cat::Numeric,
                    _ => false,
                };
                if !joins {
                    break;
                }
                prev = next;
                j += l + next_len;
            }
        } else if c == Cat::Cr && j < n && s.as_bytes()[j] == b'\n' {
            j += 1;
        }
        f(i, &s[i..j]);
        i = j;
    }
}

/// The UAX #29 word segments of an ASCII string. For ASCII the rules come
/// down to: spaces stay together (WB3d), CR LF stays together (WB3),
/// letters, digits and `_` stay together (WB5, WB8–WB10, WB13a, WB13b),
/// so do `.` `'` `:` between two letters (WB6, WB7) and `.` `,` `;` `'`
/// between two digits (WB11, WB12); every other byte is a segment alone.
fn ascii_segments<'t>(s: &'t str, mut f: impl FnMut(usize, &'t str)) {
    let b = s.as_bytes();
    let n = b.len();
    let core = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < n {
        let c = b[i];
        let mut j = i + 1;
        if c == b' ' {
            while j < n && b[j] == b' ' {
                j += 1;
            }
        } else if core(c) {
            while j < n {
                let d = b[j];
                let joins = core(d)
                    || (j + 1 < n && {
                        let (prev, next) = (b[j - 1], b[j + 1]);
                        match d {
                            b'.' | b'\'' | b':'
                                if prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() =>
                            {
                                true
                            }
                            b'.' | b',' | b';' | b'\''
                                if prev.is_ascii_digit() && next.is_ascii_digit() =>
                            {
                                true
                            }
                            _ => false,
                        }
                    });
                if !joins {
                    break;
                }
                j += 1;
            }
        } else if c == b'\r' && j < n && b[j] == b'\n' {
            j += 1;
        }
        f(i, &s[i..j]);
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(text: &str) -> Vec<(usize, &str)> {
        let mut out = Vec::new();
        for_each_segment(text, |off, seg| out.push((off, seg)));
        out
    }

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices().collect()
    }

    #[test]
    fn same_segments_as_unicode_segmentation_on_tricky_strings() {
        for text in [
            "",
            " ",
            "  a  b  ",
            "Le départ d'OpenAI, 1 400,50 €.",
            "e.g. http://x.fr 3.14 1,000;2 a'b a:b a.1 1.a _a_ a_1",
            "x\r\ny\n\nz\t\tw",
            "1\u{202F}400 a\u{00A0}b c\u{2009} d \u{0301}e f \u{2009}g",
            "« Bonjour » — dit-il… l’AMF",
            "🇫🇷🇫🇷 a 🇫🇷",
        ] {
            assert_eq!(ours(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn every_known_character_segments_like_unicode_segmentation() {
        let known = (0..0x2100u32)
            .filter_map(char::from_u32)
            .filter(|&c| category(c) != Cat::Unknown);
        for c in known {
            for ctx in [
                "a{}b",
                "1{}2",
                "{}{}",
                "a{}",
                "{}1",
                "x {} y",
                "a{}.b",
                "a.{}",
                "1,{}",
                "{}'a",
                "{}\r\n",
                "_{}_",
                "{}\u{202F}5",
            ] {
                let text = ctx.replace("{}", &c.to_string());
                assert_eq!(ours(&text), reference(&text), "{c:?} in {text:?}");
            }
        }
    }

    #[test]
    fn same_segments_as_unicode_segmentation_on_random_strings() {
        let alphabet = [
            " ", " ", " ", "a", "Z", "é", "1", "9", ".", ",", ";", ":", "'", "_", "\r", "\n", "\t",
            "-", "’", "€", "«", "\u{202F}", "\u{00A0}", "\u{2009}", "\u{0301}", "\u{200D}",
            "\u{3000}", "🇫", "«", "»", "…", "—", "ç", "À", "\u{2008}", "\u{2007}",
        ];
        // A fixed linear congruential generator: the same strings on every run.
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            let mut text = String::new();
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            let len = (state >> 59) as usize;
            for _ in 0..len {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                text.push_str(alphabet[(state >> 33) as usize % alphabet.len()]);
            }
            assert_eq!(ours(&text), reference(&text), "{text:?}");
        }
    }
}
