//! French numbers: digits (`1 400 000,50`, `1.400.000`, `6.700,54`, `3.5`),
//! words (`quatre-vingt-dix-neuf`, `soixante et onze`, `deux cent cinquante
//! mille`, Belgian and Swiss `septante`, `nonante`), mixed (`trente 3`,
//! `1,5 million`), scales (`milliard` = 10^9, `billion` = 10^12, `k`, `M`,
//! `Md`) and signs (`-1,2M`, `moins 1200000`).
//!
//! Values are exact [`Decimal`]s: `1,4 milliard` is 1 400 000 000, never a
//! binary float. The vocabulary comes from `numbers.tsv` and `money_scales.tsv`.

use crate::lexicon::Lexicons;
use crate::normalize::fold;
use crate::tokenize::{tokenize, TokenKind, TokenizerConfig, Tokens};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::str::FromStr;

/// A number read from tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedNumber {
    /// The value, scale applied.
    pub value: Decimal,
    /// One past the last token read.
    pub end: usize,
    /// A scale word or abbreviation was read (`million`, `M`, `k`).
    pub scaled: bool,
    /// The number was written with digits (not only words).
    pub digits: bool,
    /// The power of ten of the last scale read (0 without a scale), so that
    /// the first bound of a range can borrow it (`entre 10 et 15 millions`).
    pub exponent: u32,
}

/// Reads French numbers; built once from the lexicons.
#[derive(Debug, Clone, Default)]
pub struct NumberParser {
    /// Folded number words → value (`vingt` → 20).
    words: FxHashMap<String, Decimal>,
    /// One bit per byte that begins some key of `words`: a compound of
    /// number words begins with one (see [`NumberParser::may_be_compound`]).
    word_first_bytes: [u64; 4],
    /// Folded scale words → power of ten (`milliards` → 9).
    word_scales: FxHashMap<String, u32>,
    /// Case-sensitive scale abbreviations (`M` → 6, `k` → 3).
    exact_scales: FxHashMap<String, u32>,
}

impl NumberParser {
    /// Builds the parser from `numbers.tsv` and `money_scales.tsv`.
    pub fn new(lex: &Lexicons) -> NumberParser {
        let mut p = NumberParser::default();
        for (w, v) in &lex.numbers {
            p.words.insert(fold(w), *v);
        }
        for w in p.words.keys() {
            if let Some(&b) = w.as_bytes().first() {
                p.word_first_bytes[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        for s in &lex.scales {
            if s.case_sensitive {
                p.exact_scales.insert(s.form.clone(), s.exponent);
            } else {
                p.word_scales.insert(fold(&s.form), s.exponent);
            }
        }
        p
    }

    /// Parses a whole phrase as one number (`quatre vingt dix neuf` → 99,
    /// `-1,2M` → -1 200 000); `None` if the phrase is not exactly a number.
    pub fn parse_phrase(&self, phrase: &str, cfg: &TokenizerConfig) -> Option<Decimal> {
        let toks = tokenize(phrase.trim(), cfg);
        let parsed = self.parse_at(phrase.trim(), &toks, 0)?;
        (parsed.end == toks.len()).then_some(parsed.value)
    }

    /// Reads the number starting at token `i`, if any.
    pub fn parse_at(&self, text: &str, toks: &Tokens, i: usize) -> Option<ParsedNumber> {
        let n = toks.len();
        // Found by fuzzing (issue #9): `parse_phrase("")` asked for token 0
        // of no tokens and panicked.
        if i >= n {
            return None;
        }
        let word = |k: usize| toks.tokens[k].text(text);
        let mut j = i;
        let mut negative = false;
        if j + 1 < n
            && (matches!(word(j), "-" | "−") || toks.fold(j) == "moins")
            && self.starts_number(text, toks, j + 1)
        {
            negative = true;
            j += 1;
        }
        let mut parsed = if toks.tokens[j].kind == TokenKind::Number {
            let value = parse_digits(word(j))?;
            self.after_digits(text, toks, value, j + 1)?
        } else if word(j) == ","
            && j + 1 < n
            && toks.tokens[j + 1].kind == TokenKind::Number
            && toks.tokens[j].end == toks.tokens[j + 1].start
        {
            // `,0012G`: a decimal part without its zero.
            let value = parse_digits(&format!("0,{}", word(j + 1)))?;
            self.after_digits(text, toks, value, j + 2)?
        } else {
            self.parse_words(text, toks, j)?
        };
        if negative {
            parsed.value = -parsed.value;
        }
        Some(parsed)
    }

    fn starts_number(&self, text: &str, toks: &Tokens, i: usize) -> bool {
        toks.tokens[i].kind == TokenKind::Number
            || toks.tokens[i].text(text) == ","
            || self.is_word(toks.fold(i))
    }

    /// A digit number, then an optional scale (`1,4 milliard`, `3M`, `10 k`)
    /// or spelled units (`trente 3` is handled by [`Self::parse_words`]).
    fn after_digits(
        &self,
        text: &str,
        toks: &Tokens,
        mut value: Decimal,
        mut j: usize,
    ) -> Option<ParsedNumber> {
        let mut scaled = false;
        let mut exponent = 0;
        // Up to two scales: `mille milliards`.
        for _ in 0..2 {
            let Some(exp) = (j < toks.len())
                .then(|| self.scale_of(text, toks, j))
                .flatten()
            else {
                break;
            };
            value = value.checked_mul(pow10(exp)?)?;
            scaled = true;
            exponent += exp;
            j += 1;
        }
        Some(ParsedNumber {
            value: value.normalize(),
            end: j,
            scaled,
            digits: true,
            exponent,
        })
    }

    /// The power of ten of a scale at token `j`.
    pub fn scale_of(&self, text: &str, toks: &Tokens, j: usize) -> Option<u32> {
        if toks.tokens[j].kind != TokenKind::Word {
            return None;
        }
        self.exact_scales
            .get(toks.tokens[j].text(text))
            .or_else(|| self.word_scales.get(toks.fold(j)))
            .copied()
    }

    /// Whether a folded token is a number word or a hyphenated compound of them.
    pub fn is_word(&self, folded: &str) -> bool {
        // (`gazetteer::marks::NUMBER_WORD` marks the tokens that are one of
        // `word_forms`: callers may skip the others when `folded` has no `-`.)
        if !folded.as_bytes().contains(&b'-') {
            // One part (the common case): no split.
            return !folded.starts_with("et") && self.words.contains_key(folded);
        }
        folded
            .split('-')
            .all(|p| self.words.contains_key(p) || p == "et")
            && !folded.starts_with("et")
    }

    /// Whether a folded token may be a hyphenated compound of number words
    /// (`quatre-vingt-dix`): it has a `-` and begins with the first byte of
    /// some number word, as its first part must be one. (Money tests the
    /// token's [`crate::tokenize::flags::HYPHENATED`] instead of the `-`.)
    #[cfg(test)]
    pub(crate) fn may_be_compound(&self, folded: &str) -> bool {
        self.may_start_compound(folded) && folded.bytes().any(|b| b == b'-')
    }

    /// Whether a folded token begins with the first byte of some number
    /// word, as a compound's first part must (money asks it only of a
    /// token joined across a hyphen: [`crate::tokenize::flags::HYPHENATED`]).
    pub(crate) fn may_start_compound(&self, folded: &str) -> bool {
        folded
            .as_bytes()
            .first()
            .is_some_and(|&b| self.word_first_bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
    }

    /// The folded number words (the keys `is_word` looks up).
    pub(crate) fn word_forms(&self) -> impl Iterator<Item = &str> {
        self.words.keys().map(String::as_str)
    }

    /// Spelled-out numbers with their big scales: `un million deux cent mille`,
    /// `soixante et onze`, `quatre-vingt-dix-neuf`, `trente 3`.
    fn parse_words(&self, text: &str, toks: &Tokens, i: usize) -> Option<ParsedNumber> {
        let mut total = Decimal::ZERO; // completed big-scale groups
        let mut group = Decimal::ZERO; // below a thousand… or thousands, before a big scale
        let mut current = Decimal::ZERO; // below a thousand
        let mut last_atom = Decimal::ZERO;
        let mut j = i;
        let mut any = false;
        let mut scaled = false;
        let mut exponent = 0;
        while j < toks.len() {
            let folded = toks.fold(j);
            if let Some(&exp) = self.word_scales.get(folded).filter(|_| any) {
                if exp >= 6 {
                    let mult = pow10(exp)?;
                    let base = group + current;
                    let base = if base.is_zero() { Decimal::ONE } else { base };
                    total = total.checked_add(base.checked_mul(mult)?)?;
                    group = Decimal::ZERO;
                    current = Decimal::ZERO;
                    scaled = true;
                    exponent = exp;
                    j += 1;
                    continue;
                }
            }
            if toks.tokens[j].kind == TokenKind::Number && any {
                // `trente 3`: units written as a digit after tens.
                match parse_digits(toks.tokens[j].text(text)) {
                    Some(v)
                        if v < Decimal::TEN
                            && v >= Decimal::ONE
                            && (current % Decimal::TEN).is_zero()
                            && !current.is_zero() =>
                    {
                        current += v;
                        j += 1;
                        continue;
                    }
                    _ => break,
                }
            }
            // `et` only joins two numbers (`vingt et un`).
            if folded == "et" {
                if !any
                    || j + 1 >= toks.len()
                    || !self.is_word(toks.fold(j + 1))
                    || toks.fold(j + 1) == "et"
                {
                    break;
                }
                j += 1;
                continue;
            }
            if toks.tokens[j].kind != TokenKind::Word || !self.is_word(folded) {
                break;
            }
            for part in folded.split('-').filter(|p| *p != "et") {
                let v = self.words[part];
                if v == Decimal::ONE_HUNDRED {
                    current = if current.is_zero() { v } else { current * v };
                } else if v == Decimal::ONE_THOUSAND {
                    let base = if current.is_zero() {
                        Decimal::ONE
                    } else {
                        current
                    };
                    group += base * v;
                    current = Decimal::ZERO;
                } else if v == Decimal::from(20)
                    && last_atom == Decimal::from(4)
                    && !current.is_zero()
                {
                    // `quatre-vingt(s)`: four twenties.
                    current = current - last_atom + Decimal::from(80);
                } else {
                    current += v;
                }
                last_atom = v;
            }
            any = true;
            j += 1;
        }
        if !any {
            return None;
        }
        Some(ParsedNumber {
            value: (total + group + current).normalize(),
            end: j,
            scaled,
            digits: false,
            exponent,
        })
    }
}

/// 10^exp as a decimal (`None` past the decimal range).
pub(crate) fn pow10(exp: u32) -> Option<Decimal> {
    let mut v = Decimal::ONE;
    for _ in 0..exp {
        v = v.checked_mul(Decimal::TEN)?;
    }
    Some(v)
}

/// Reads a written number: decimal comma, thousands separators (spaces,
/// no-break spaces, dots), sign. `3.5` is 3.5 but `100.000` is 100 000: a dot
/// followed by groups of exactly three digits separates thousands.
pub fn parse_digits(s: &str) -> Option<Decimal> {
    // Plain digits (`2024`, `15`), most numbers of a text (years, days):
    // read as an integer, without the cleaned copy and the decimal parse.
    // Eighteen digits at most fit in a `u64`.
    if (1..=18).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        let v = s.bytes().fold(0, |v, b| v * 10 + u64::from(b - b'0'));
        return Some(Decimal::from(v));
    }
    let mut cleaned = String::with_capacity(s.len());
    let mut negative = false;
    for (k, c) in s.chars().enumerate() {
        match c {
            '-' | '−' if k == 0 => negative = true,
            '+' if k == 0 => {}
            '0'..='9' | ',' | '.' => cleaned.push(c),
            c if crate::normalize::is_thousands_space(c) => {}
            _ => return None,
        }
    }
    let normalized = if cleaned.contains(',') {
        // French: comma is the decimal mark, dots group thousands.
        cleaned.replace('.', "").replacen(',', ".", 1)
    } else if cleaned.contains('.') {
        let groups: Vec<&str> = cleaned.split('.').collect();
        let thousands = groups.len() > 1
            && groups[1..].iter().all(|g| g.len() == 3)
            && !groups[0].is_empty()
            && groups[0].len() <= 3;
        if thousands {
            cleaned.replace('.', "")
        } else {
            cleaned
        }
    } else {
        cleaned
    };
    if normalized.matches('.').count() > 1 || normalized.is_empty() {
        return None;
    }
    let v = Decimal::from_str(&normalized).ok()?;
    Some(if negative { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros_free::d;

    #[test]
    fn digits() {
        assert_eq!(parse_digits("1 400 000,50"), Some(d("1400000.5")));
        assert_eq!(parse_digits("1.400.000"), Some(d("1400000")));
        assert_eq!(parse_digits("6.700,54"), Some(d("6700.54")));
        assert_eq!(parse_digits("3.5"), Some(d("3.5")));
        assert_eq!(parse_digits("29,99"), Some(d("29.99")));
        assert_eq!(parse_digits("-3,2"), Some(d("-3.2")));
        assert_eq!(parse_digits("1,2,3"), None);
        assert_eq!(parse_digits("12a"), None);
    }

    #[test]
    fn plain_digits_read_as_an_integer_are_the_decimal_they_spell() {
        for s in [
            "0",
            "7",
            "007",
            "2024",
            "999999999999999999",
            "1000000000000000000",
        ] {
            let v = parse_digits(s).unwrap();
            let spelled = Decimal::from_str(s).unwrap();
            // Same value and same scale: the output writes the value.
            assert_eq!(
                (v, v.scale(), v.to_string()),
                (spelled, spelled.scale(), spelled.to_string())
            );
        }
    }

    #[test]
    fn every_compound_of_number_words_may_be_one() {
        let p = NumberParser::new(&crate::lexicon::Lexicons::load(None, false).unwrap());
        let words: Vec<&str> = p.word_forms().collect();
        let mut compounds = 0;
        for a in &words {
            for b in ["vingt", "dix", "et", "un", "cents", a] {
                let w = format!("{a}-{b}");
                if p.is_word(&w) {
                    assert!(p.may_be_compound(&w), "{w}");
                    compounds += 1;
                }
            }
        }
        assert!(compounds > 100, "{compounds}");
        assert!(p.may_be_compound("quatre-vingt-dix-neuf"));
        // No `-`, or a first part that begins no number word.
        assert!(!p.may_be_compound("quatre"));
        assert!(!p.may_be_compound("-vingt"));
        assert!(!p.may_be_compound(""));
    }
}

#[cfg(test)]
mod rust_decimal_macros_free {
    pub fn d(s: &str) -> rust_decimal::Decimal {
        s.parse().unwrap()
    }
}
