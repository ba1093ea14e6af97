//! Batch extraction: reading documents from files, directories of `.txt`,
//! JSON Lines or standard input, extracting them in parallel, and writing
//! one record per document in input order.
//!
//! Documents are read and processed in chunks, so memory stays bounded
//! whatever the size of the input.

use crate::output::{write_record, Format};
use crate::Extractor;
use chrono::NaiveDate;
use rayon::prelude::*;
use serde_json::{Map, Value};
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// How input files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Each file (or standard input) is one document.
    Text,
    /// Each line is a JSON object with an id and a text field.
    Jsonl,
}

/// Batch options.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// How to read inputs.
    pub input: InputKind,
    /// JSONL field holding the text.
    pub text_field: String,
    /// JSONL field holding the id.
    pub id_field: String,
    /// JSONL field holding the publication date (`YYYY-MM-DD`).
    pub date_field: String,
    /// Publication date for documents that give none.
    pub date: Option<NaiveDate>,
    /// Output format.
    pub format: Format,
    /// Documents per parallel chunk.
    pub chunk: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            input: InputKind::Text,
            text_field: "text".into(),
            id_field: "id".into(),
            date_field: "date".into(),
            date: None,
            format: Format::Jsonl,
            chunk: 256,
        }
    }
}

/// One document to process, or a record that could not be read.
#[derive(Debug)]
enum Item {
    Doc {
        id: Value,
        text: String,
        date: Option<NaiveDate>,
        extra: Map<String, Value>,
    },
    Error {
        id: Value,
        error: String,
    },
}

/// Counts of a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Documents extracted.
    pub ok: usize,
    /// Records that could not be read (an error record was written for each).
    pub failed: usize,
}

/// Runs the extractor over `paths` (standard input when empty or `-`) and
/// writes one record per document to `out`.
pub fn run(
    x: &Extractor,
    paths: &[PathBuf],
    opts: &BatchOptions,
    out: &mut impl Write,
) -> std::io::Result<Summary> {
    let mut summary = Summary::default();
    let mut chunk = Vec::with_capacity(opts.chunk);
    let flush = |chunk: &mut Vec<Item>,
                 out: &mut dyn Write,
                 summary: &mut Summary|
     -> std::io::Result<()> {
        // Each document is extracted and serialised on a worker thread; the
        // buffers are written here, in input order.
        let buffers: Vec<(bool, Vec<u8>)> = chunk
            .par_drain(..)
            .map(|item| {
                let mut buf = Vec::with_capacity(4096);
                let ok = match item {
                    Item::Doc {
                        id,
                        text,
                        date,
                        extra,
                    } => {
                        let doc = x.extract_dated(&text, date);
                        write_record(&mut buf, opts.format, &id, &extra, &doc).map(|_| true)
                    }
                    Item::Error { id, error } => opts
                        .format
                        .write(&mut buf, &serde_json::json!({ "id": id, "error": error }))
                        .map(|_| false),
                };
                (ok.unwrap_or(false), buf)
            })
            .collect();
        for (ok, buf) in &buffers {
            if *ok {
                summary.ok += 1;
            } else {
                summary.failed += 1;
            }
            out.write_all(buf)?;
        }
        out.flush()
    };
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    for path in paths {
        read_path(path, opts, &mut |item| {
            chunk.push(item);
            if chunk.len() >= opts.chunk {
                flush(&mut chunk, out, &mut summary)?;
            }
            Ok(())
        })?;
    }
    flush(&mut chunk, out, &mut summary)?;
    Ok(summary)
}

fn read_path(
    path: &Path,
    opts: &BatchOptions,
    sink: &mut dyn FnMut(Item) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let name = path.display().to_string();
    if path.as_os_str() == "-" {
        let stdin = std::io::stdin();
        return read_stream(&name, &mut stdin.lock(), opts, sink);
    }
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            let is_input = e.is_dir() || e.extension().is_some_and(|x| x == "txt" || x == "jsonl");
            if is_input {
                let mut o = opts.clone();
                if e.extension().is_some_and(|x| x == "jsonl") {
                    o.input = InputKind::Jsonl;
                } else if e.extension().is_some_and(|x| x == "txt") {
                    o.input = InputKind::Text;
                }
                read_path(&e, &o, sink)?;
            }
        }
        return Ok(());
    }
    let file = std::fs::File::open(path)?;
    read_stream(&name, &mut std::io::BufReader::new(file), opts, sink)
}

fn read_stream(
    name: &str,
    r: &mut dyn BufRead,
    opts: &BatchOptions,
    sink: &mut dyn FnMut(Item) -> std::io::Result<()>,
) -> std::io::Result<()> {
    match opts.input {
        InputKind::Text => {
            let mut bytes = Vec::new();
            r.read_to_end(&mut bytes)?;
            let id = Value::String(name.to_string());
            sink(match String::from_utf8(bytes) {
                Ok(text) => Item::Doc {
                    id,
                    text,
                    date: opts.date,
                    extra: Map::new(),
                },
                Err(e) => Item::Error {
                    id,
                    error: format!(
                        "{name}: invalid UTF-8 at byte {}",
                        e.utf8_error().valid_up_to()
                    ),
                },
            })
        }
        InputKind::Jsonl => {
            let mut line = Vec::new();
            let mut number = 0usize;
            loop {
                line.clear();
                if r.read_until(b'\n', &mut line)? == 0 {
                    return Ok(());
                }
                number += 1;
                if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                sink(parse_line(name, number, &line, opts))?;
            }
        }
    }
}

fn parse_line(name: &str, number: usize, line: &[u8], opts: &BatchOptions) -> Item {
    let fallback_id = Value::String(format!("{name}:{number}"));
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => {
            return Item::Error {
                id: fallback_id,
                error: format!(
                    "{name}:{number}: invalid UTF-8 at byte {} of the line",
                    e.valid_up_to()
                ),
            }
        }
    };
    let mut obj = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(obj)) => obj,
        Ok(_) => {
            return Item::Error {
                id: fallback_id,
                error: format!("{name}:{number}: not a JSON object"),
            }
        }
        Err(e) => {
            return Item::Error {
                id: fallback_id,
                error: format!("{name}:{number}: invalid JSON: {e}"),
            }
        }
    };
    let id = obj.remove(&opts.id_field).unwrap_or(fallback_id);
    let bad_date = |v: &dyn std::fmt::Display| {
        format!(
            "{name}:{number}: field {:?} is not a YYYY-MM-DD date: {v}",
            opts.date_field
        )
    };
    let date = match obj.get(&opts.date_field) {
        None | Some(Value::Null) => opts.date,
        Some(Value::String(s)) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                return Item::Error {
                    id,
                    error: bad_date(s),
                }
            }
        },
        Some(other) => {
            return Item::Error {
                id,
                error: bad_date(other),
            }
        }
    };
    match obj.remove(&opts.text_field) {
        Some(Value::String(text)) => Item::Doc {
            id,
            text,
            date,
            extra: obj,
        },
        _ => Item::Error {
            id,
            error: format!("{name}:{number}: no string field {:?}", opts.text_field),
        },
    }
}
