//! Reading lexicon lines: comments, blank lines, TAB-separated columns,
//! the `@replace` directive, errors with file and line.

use crate::error::{Error, Result};

/// One data line of a lexicon file.
#[derive(Debug)]
pub struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The columns (TAB-separated; trailing empty columns may be missing).
    pub cols: Vec<&'a str>,
}

/// `s.split(sep)` for an ASCII `sep`, found eight bytes at a time by
/// [`find_byte`]: lexicon lines and entries are split by the thousand when
/// the extractor is built, into pieces shorter than what `split`'s search
/// for a character (`memchr`) costs to set up.
pub(crate) fn split_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    debug_assert!(sep.is_ascii(), "a byte inside a character is no separator");
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match find_byte(r.as_bytes(), sep) {
            Some(k) => {
                rest = Some(&r[k + 1..]);
                Some(&r[..k])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The index of the first `sep` in `bytes`: eight bytes at a time, then
/// the last few one by one (a search a byte at a time cost about four
/// instructions a byte, 3.5 M when the default lexicons are read).
fn find_byte(bytes: &[u8], sep: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let pattern = ONES * u64::from(sep);
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        // The bytes equal to `sep` are the zero bytes of `x`. Subtracting
        // one from each byte sets the high bit of a zero byte; a borrow
        // may set it in a byte above the first zero too, never below, so
        // the lowest bit found is the first `sep`.
        let x = u64::from_le_bytes(word.try_into().expect("8 bytes")) ^ pattern;
        let zeros = x.wrapping_sub(ONES) & !x & HIGH_BITS;
        if zeros != 0 {
            return Some(at + zeros.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    words
        .remainder()
        .iter()
        .position(|&b| b == sep)
        .map(|k| at + k)
}

/// `text.lines()`, each line's end found by [`find_byte`]: `str::lines`
/// searches with `memchr`, whose set-up cost more than a lexicon line
/// (about 170 instructions a line). As `str::lines`, a line ends at `\n`
/// or `\r\n`, and a `\r` ending the text stays.
pub(crate) fn text_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        Some(match find_byte(rest.as_bytes(), b'\n') {
            Some(k) => {
                let line = &rest[..k];
                rest = &rest[k + 1..];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => std::mem::take(&mut rest),
        })
    })
}

/// `s.trim()`, with the common case told by two bytes: `s` starting and
/// ending with an ASCII byte that is no whitespace is its own trim (the
/// columns of every lexicon line are checked for spaces around them).
fn trim(s: &str) -> &str {
    // `char::is_whitespace` of ASCII: `\t`, `\n`, vertical tab, form feed,
    // `\r` and space.
    let plain = |b: &u8| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = s.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(a), Some(z)) if plain(a) && plain(z) => s,
        _ => s.trim(),
    }
}

/// The longest line accepted: longer lines are an error, not a silent slowdown.
pub const MAX_LINE_BYTES: usize = 4096;

/// The text of a user's lexicon or rule file: UTF-8, without the byte-order
/// mark some editors write first (it would otherwise be part of the first
/// entry, or hide an `@replace`). Invalid UTF-8 gives the 1-based line of the
/// first bad byte and a message.
pub(crate) fn user_text(bytes: Vec<u8>) -> std::result::Result<String, (usize, String)> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(text)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err((
                line,
                format!("invalid UTF-8 at byte {at}; the file must be UTF-8"),
            ))
        }
    }
}

/// The error for a data line of `len` bytes, more than [`MAX_LINE_BYTES`].
fn too_long(len: usize) -> String {
    format!("line is {len} bytes long, more than the {MAX_LINE_BYTES} allowed")
}

/// The first line of a user's rule file that is longer than
/// [`MAX_LINE_BYTES`] and no comment: its 1-based number and the error.
/// Lexicon lines are checked by [`lines`]; rule lines are checked before
/// parsing because a rule with a multi-megabyte line takes minutes to
/// compile (a `verb =` line of a million words took 54 s).
pub(crate) fn long_rule_line(text: &str) -> Option<(usize, String)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let long = line.len() > MAX_LINE_BYTES && !line.trim_start().starts_with('#');
        long.then(|| (i + 1, too_long(line.len())))
    })
}

/// Whether a user file starts with `@replace` (its entries replace the
/// embedded ones instead of adding to them).
pub fn wants_replace(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| l == "@replace")
}

/// The data lines of `text`, each with between `min` and `max` columns.
pub fn lines<'a>(file: &str, text: &'a str, min: usize, max: usize) -> Result<Vec<Line<'a>>> {
    let mut out = Vec::new();
    for (i, raw) in text_lines(text).enumerate() {
        let number = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = trim(line);
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed == "@replace" {
            continue;
        }
        let err = |message: String| Error::Lexicon {
            file: file.to_string(),
            line: number,
            message,
        };
        if line.len() > MAX_LINE_BYTES {
            return Err(err(too_long(line.len())));
        }
        let mut cols: Vec<&str> = split_byte(line, b'\t').collect();
        while cols.len() > min && cols.last().is_some_and(|c| c.is_empty()) {
            cols.pop();
        }
        if cols.len() < min || cols.len() > max {
            let expected = if min == max {
                format!("{min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(err(format!(
                "expected {expected} TAB-separated column(s), found {}: {:?}",
                cols.len(),
                line
            )));
        }
        for c in &cols {
            if trim(c).len() != c.len() {
                return Err(err(format!("column {c:?} has leading or trailing spaces")));
            }
        }
        if cols[0].is_empty() {
            return Err(err("the first column is empty".to_string()));
        }
        out.push(Line { number, cols });
    }
    Ok(out)
}

/// Splits a `|`-separated list column, skipping empty items.
pub fn list<'a>(col: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    col.copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skips_comments_and_blank_lines() {
        let l = lines("f.tsv", "# c\n\nA\tb\n  # indented comment\nC\n", 1, 2).unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].number, 3);
        assert_eq!(l[0].cols, ["A", "b"]);
        assert_eq!(l[1].cols, ["C"]);
    }

    #[test]
    fn errors_name_file_and_line() {
        let e = lines("orgs.tsv", "ok\tcompany\nbad\ta\tb\tc\td\n", 2, 4).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("orgs.tsv:2: expected 2 to 4"), "{msg}");
        let e = lines("x.txt", "# h\n trailing \n", 1, 1).unwrap_err();
        assert!(e.to_string().starts_with("x.txt:2:"), "{e}");
        let e = lines("x.txt", &"a".repeat(MAX_LINE_BYTES + 1), 1, 1).unwrap_err();
        assert!(e.to_string().contains("bytes long"));
    }

    #[test]
    fn split_byte_splits_as_split_does() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            " a  b ",
            "Banque de France",
            "é à",
            "  ",
            "a\tb\t",
        ] {
            for sep in [' ', '\t'] {
                assert_eq!(
                    split_byte(s, sep as u8).collect::<Vec<_>>(),
                    s.split(sep).collect::<Vec<_>>(),
                    "{s:?} by {sep:?}"
                );
            }
        }
    }

    #[test]
    fn find_byte_finds_the_first_separator() {
        // Pseudo-random bytes around every separator of the lexicons and
        // ASCII, with neighbours that differ from it by one bit or one
        // unit (a borrow), at every length up to five words.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for sep in [b'\t', b' ', b'|', 0, b'\x7f'] {
            let near = [
                sep,
                sep ^ 1,
                sep.wrapping_add(1),
                sep.wrapping_sub(1),
                0x80 | sep,
                0xff,
                0,
            ];
            for len in 0..=40 {
                for _ in 0..50 {
                    let bytes: Vec<u8> = (0..len)
                        .map(|_| match next() % 4 {
                            0 => near[(next() % near.len() as u64) as usize],
                            _ => (next() % 256) as u8,
                        })
                        .collect();
                    let want = bytes.iter().position(|&b| b == sep);
                    assert_eq!(find_byte(&bytes, sep), want, "{sep:?} in {bytes:?}");
                }
            }
        }
    }

    #[test]
    fn text_lines_and_trim_are_the_str_methods() {
        // Every string of up to five characters drawn from a letter, the
        // line ends, ASCII and other whitespace, a multi-byte letter and `#`.
        let alphabet = ["a", "\n", "\r", " ", "\t", "\u{b}", "\u{a0}", "é", "#"];
        let mut level = vec![String::new()];
        let mut strings = level.clone();
        for _ in 0..5 {
            level = level
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(level.iter().cloned());
        }
        for s in &strings {
            assert_eq!(
                text_lines(s).collect::<Vec<_>>(),
                s.lines().collect::<Vec<_>>(),
                "{s:?}"
            );
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn replace_directive() {
        assert!(wants_replace("# mine\n@replace\nA\n"));
        assert!(!wants_replace("A\n@replace\n"));
    }
}
