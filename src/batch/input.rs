//! Reading documents: files, directories walked recursively, standard
//! input; plain text (one document a file) or JSON Lines (one a line);
//! gzip-compressed or not.
//!
//! Every record that cannot be read becomes an [`Item::Error`] naming the
//! file and the byte offset or line, so that nothing is silently lost and
//! the run goes on. Reading is lazy: one document (or one line) at a time,
//! each at most `max_doc_bytes` long, so memory does not grow with the
//! size of the input.

use super::{BatchOptions, InputKind};
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One document to process, or a record that could not be read.
#[derive(Debug)]
pub(crate) enum Item {
    /// A readable document.
    Doc(Doc),
    /// A record that could not be read, with what is wrong.
    Error {
        id: Value,
        error: String,
        bytes: u64,
    },
}

/// A document read, ready to be extracted.
#[derive(Debug)]
pub(crate) struct Doc {
    pub id: Value,
    pub text: String,
    pub date: Option<NaiveDate>,
    pub extra: Map<String, Value>,
    /// Input bytes of the record (for throughput figures).
    pub bytes: u64,
}

/// Reads every input of `paths` (standard input when empty or `-`), in
/// order, passing each record to `sink`. Stops early, without an error,
/// when `sink` returns `false`.
pub(crate) fn read_all(paths: &[PathBuf], opts: &BatchOptions, sink: &mut dyn FnMut(Item) -> bool) {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    for path in paths {
        if !read_path(path, opts.input, opts, sink) {
            return;
        }
    }
}

/// The kind of a file by its name: `*.jsonl[.gz]` are JSON Lines,
/// `*.txt[.gz]` text; `None` for other names.
fn kind_of(path: &Path) -> Option<InputKind> {
    let name = path.file_name()?.to_string_lossy();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    if name.ends_with(".jsonl") {
        Some(InputKind::Jsonl)
    } else if name.ends_with(".txt") {
        Some(InputKind::Text)
    } else {
        None
    }
}

fn read_path(
    path: &Path,
    default: InputKind,
    opts: &BatchOptions,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let name = path.display().to_string();
    let unreadable = |error: String| Item::Error {
        id: Value::String(name.clone()),
        error,
        bytes: 0,
    };
    if path.as_os_str() == "-" {
        let stdin = std::io::stdin();
        return read_stream(&name, stdin.lock(), default, opts, sink);
    }
    if path.is_dir() {
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => return sink(unreadable(format!("{name}: cannot read directory: {e}"))),
        };
        let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            // In a directory, only files whose name says what they are.
            let keep = if e.is_dir() {
                read_path(&e, default, opts, sink)
            } else if let Some(kind) = kind_of(&e) {
                read_path(&e, kind, opts, sink)
            } else {
                true
            };
            if !keep {
                return false;
            }
        }
        return true;
    }
    let kind = kind_of(path).unwrap_or(default);
    match std::fs::File::open(path) {
        Ok(file) => read_stream(
            &name,
            BufReader::with_capacity(1 << 16, file),
            kind,
            opts,
            sink,
        ),
        Err(e) => sink(unreadable(format!("{name}: cannot open: {e}"))),
    }
}

/// Reads one stream, decompressing it when it starts with the gzip magic
/// bytes (whatever its name).
fn read_stream<'r>(
    name: &str,
    mut r: impl BufRead + 'r,
    kind: InputKind,
    opts: &BatchOptions,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let gzipped = match r.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(e) => {
            return sink(Item::Error {
                id: Value::String(name.to_string()),
                error: format!("{name}: cannot read: {e}"),
                bytes: 0,
            })
        }
    };
    let mut r: Box<dyn BufRead> = if gzipped {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(r),
        ))
    } else {
        Box::new(r)
    };
    match kind {
        InputKind::Text => sink(read_text(name, &mut r, opts)),
        InputKind::Jsonl => {
            let mut line = Vec::new();
            let mut number = 0usize;
            loop {
                line.clear();
                number += 1;
                let fallback_id = || Value::String(format!("{name}:{number}"));
                let (len, complete) = match read_line(&mut r, &mut line, opts.max_doc_bytes) {
                    Ok((0, _)) => return true,
                    Ok(read) => read,
                    Err(e) => {
                        // A corrupt gzip stream or a failing disk: the rest of
                        // this file cannot be read, the other inputs can.
                        return sink(Item::Error {
                            id: fallback_id(),
                            error: format!(
                                "{name}:{number}: cannot read further, the rest of this input is skipped: {e}"
                            ),
                            bytes: 0,
                        });
                    }
                };
                if complete && line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let item = if complete {
                    parse_line(name, number, &line, len, opts)
                } else {
                    Item::Error {
                        id: fallback_id(),
                        error: too_big(&format!("{name}:{number}"), len, opts),
                        bytes: len,
                    }
                };
                if !sink(item) {
                    return false;
                }
            }
        }
    }
}

fn too_big(place: &str, len: u64, opts: &BatchOptions) -> String {
    format!(
        "{place}: document of {len} bytes is larger than the limit of {} bytes; raise it with --max-doc-mb",
        opts.max_doc_bytes
    )
}

/// Reads one whole-file document, at most `max_doc_bytes` of it.
fn read_text(name: &str, r: &mut impl BufRead, opts: &BatchOptions) -> Item {
    let id = Value::String(name.to_string());
    let mut bytes = Vec::new();
    let limit = opts.max_doc_bytes as u64;
    if let Err(e) = r.by_ref().take(limit + 1).read_to_end(&mut bytes) {
        return Item::Error {
            id,
            error: format!("{name}: cannot read: {e}"),
            bytes: bytes.len() as u64,
        };
    }
    if bytes.len() as u64 > limit {
        // Skip the rest without keeping it, to report the real size.
        let rest = std::io::copy(r, &mut std::io::sink()).unwrap_or(0);
        let len = bytes.len() as u64 + rest;
        return Item::Error {
            id,
            error: too_big(name, len, opts),
            bytes: len,
        };
    }
    let len = bytes.len() as u64;
    match decode(bytes, opts.lossy) {
        Ok(text) => document(name, id, text, opts.date, Map::new(), len),
        Err(why) => Item::Error {
            id,
            error: format!("{name}: {why}"),
            bytes: len,
        },
    }
}

/// Reads a line into `buf` (newline excluded), keeping at most `max` bytes.
/// Returns the bytes consumed and whether the line fitted.
fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<(u64, bool)> {
    let mut consumed = 0u64;
    loop {
        let chunk = r.fill_buf()?;
        if chunk.is_empty() {
            return Ok((consumed, buf.len() as u64 == consumed));
        }
        let (part, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        let room = max.saturating_sub(buf.len());
        buf.extend_from_slice(&part[..part.len().min(room)]);
        let used = done.unwrap_or(chunk.len());
        consumed += used as u64;
        r.consume(used);
        if done.is_some() {
            let line_len = consumed - 1;
            return Ok((consumed, buf.len() as u64 == line_len));
        }
    }
}

/// Bytes to text: an error naming the byte offset of the first invalid
/// sequence or NUL byte, or the text with invalid sequences replaced
/// (`lossy`). A NUL byte is never text: it marks binary data.
fn decode(bytes: Vec<u8>, lossy: bool) -> Result<String, String> {
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(format!(
            "binary data, not text (NUL byte at byte offset {at})"
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(format!(
            "invalid UTF-8 at byte offset {}; use --lossy to replace invalid bytes",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// A document, unless its text is empty.
fn document(
    place: &str,
    id: Value,
    text: String,
    date: Option<NaiveDate>,
    extra: Map<String, Value>,
    bytes: u64,
) -> Item {
    if text.trim().is_empty() {
        return Item::Error {
            id,
            error: format!("{place}: empty document"),
            bytes,
        };
    }
    Item::Doc(Doc {
        id,
        text,
        date,
        extra,
        bytes,
    })
}

fn parse_line(name: &str, number: usize, line: &[u8], bytes: u64, opts: &BatchOptions) -> Item {
    let place = format!("{name}:{number}");
    let fallback_id = Value::String(place.clone());
    let error = |id: Value, error: String| Item::Error { id, error, bytes };
    let decoded;
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(_) if opts.lossy => {
            decoded = String::from_utf8_lossy(line);
            &decoded
        }
        Err(e) => {
            return error(
                fallback_id,
                format!(
                    "{place}: invalid UTF-8 at byte {} of the line; use --lossy to replace invalid bytes",
                    e.valid_up_to()
                ),
            )
        }
    };
    let mut obj = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(obj)) => obj,
        Ok(_) => return error(fallback_id, format!("{place}: not a JSON object")),
        Err(e) => return error(fallback_id, format!("{place}: invalid JSON: {e}")),
    };
    let id = obj.remove(&opts.id_field).unwrap_or(fallback_id);
    let bad_date = |v: &dyn std::fmt::Display| {
        format!(
            "{place}: field {:?} is not a YYYY-MM-DD date: {v}",
            opts.date_field
        )
    };
    let date = match obj.get(&opts.date_field) {
        None | Some(Value::Null) => opts.date,
        Some(Value::String(s)) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => return error(id, bad_date(s)),
        },
        Some(other) => return error(id, bad_date(other)),
    };
    match obj.remove(&opts.text_field) {
        Some(Value::String(text)) => document(&place, id, text, date, obj, bytes),
        _ => error(
            id,
            format!(
                "{place}: no string field {:?}; name the text field with --text-field",
                opts.text_field
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_but_consumed_whole() {
        let mut r = std::io::Cursor::new(b"abcdef\nxy\nlast".to_vec());
        let mut buf = Vec::new();
        assert_eq!(read_line(&mut r, &mut buf, 3).unwrap(), (7, false));
        assert_eq!(buf, b"abc");
        buf.clear();
        assert_eq!(read_line(&mut r, &mut buf, 3).unwrap(), (3, true));
        assert_eq!(buf, b"xy");
        buf.clear();
        assert_eq!(read_line(&mut r, &mut buf, 4).unwrap(), (4, true));
        assert_eq!(buf, b"last");
        buf.clear();
        assert_eq!(read_line(&mut r, &mut buf, 4).unwrap(), (0, true));
    }

    #[test]
    fn decode_names_the_offset() {
        assert_eq!(
            decode(b"ab\xffc".to_vec(), false).unwrap_err(),
            "invalid UTF-8 at byte offset 2; use --lossy to replace invalid bytes"
        );
        assert_eq!(decode(b"ab\xffc".to_vec(), true).unwrap(), "ab\u{fffd}c");
        assert!(decode(b"a\0b".to_vec(), true)
            .unwrap_err()
            .contains("NUL byte at byte offset 1"));
    }

    #[test]
    fn file_kinds_by_name() {
        assert_eq!(kind_of(Path::new("a/b.jsonl.gz")), Some(InputKind::Jsonl));
        assert_eq!(kind_of(Path::new("b.txt")), Some(InputKind::Text));
        assert_eq!(kind_of(Path::new("b.txt.gz")), Some(InputKind::Text));
        assert_eq!(kind_of(Path::new("b.csv")), None);
    }
}
