//! Output formats: how one extracted document (or a record that could not
//! be read) is written. One module per format:
//!
//! * [`json`] — `jsonl`, one JSON object a line (the SPEC JSON), the
//!   default; `json`, the same pretty-printed; [`jsonl`] writes the
//!   `jsonl` line without serde's machinery for the bulk of it;
//! * [`tsv`] — one table (entities, events or relations), one row per item;
//! * [`conll`] — one token a line with its BIO tag;
//! * [`brat`] — `.txt` + `.ann` standoff files per document;
//! * [`html`] — one self-contained page with highlighted entities.
//!
//! Rendering ([`Output::render`]) runs on worker threads, one document at a
//! time; what it produced is then written ([`Output::emit`]) in input order
//! by one thread, between [`Output::begin`] and [`Output::end`].

pub mod brat;
pub mod conll;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod tsv;

use crate::document::Document;
use crate::Extractor;
use serde_json::{Map, Value};
use std::io::{self, Write};
use std::path::PathBuf;

pub use json::{record, write_record};

/// Which table `--format tsv` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// One row per entity.
    Entities,
    /// One row per event.
    Events,
    /// One row per relation.
    Relations,
}

/// How records are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// One compact JSON object a line.
    Jsonl,
    /// Pretty-printed JSON objects, one after the other.
    Json,
    /// A tab-separated table with a header row.
    Tsv(Table),
    /// One token a line with its BIO tag, a blank line between sentences.
    Conll,
    /// brat standoff files (`.txt` + `.ann`) per document in a directory;
    /// one JSON line per document on standard output says where they are.
    Brat(PathBuf),
    /// One self-contained HTML page.
    Html,
}

impl Format {
    /// Writes one JSON record in this format (`jsonl` or `json`; the
    /// other formats write error records as JSON lines too).
    pub fn write(&self, out: &mut impl Write, record: &Value) -> io::Result<()> {
        match self {
            Format::Json => serde_json::to_writer_pretty(&mut *out, record)?,
            _ => serde_json::to_writer(&mut *out, record)?,
        }
        out.write_all(b"\n")
    }
}

/// One document with what was extracted from it.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// Position in the input, from 0 (unique within a run).
    pub seq: u64,
    /// The document id.
    pub id: &'a Value,
    /// Input fields carried through (JSONL).
    pub extra: &'a Map<String, Value>,
    /// The text.
    pub text: &'a str,
    /// The extraction.
    pub doc: &'a Document,
}

/// What rendering one record produced, to be written in input order.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Bytes for the output stream.
    pub bytes: Vec<u8>,
    /// Standoff files (brat).
    pub standoff: Option<brat::Standoff>,
}

/// A document id as plain text: strings as they are, other JSON values as JSON.
pub fn id_text(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A writer of records in one [`Format`].
#[derive(Debug)]
pub struct Output {
    format: Format,
    extractor: Extractor,
    brat: Option<brat::Directory>,
}

impl Output {
    /// An output in `format`; `extractor` tokenizes for CoNLL.
    pub fn new(format: Format, extractor: &Extractor) -> Output {
        let brat = match &format {
            Format::Brat(dir) => Some(brat::Directory::new(dir.clone())),
            _ => None,
        };
        Output {
            format,
            extractor: extractor.clone(),
            brat,
        }
    }

    /// The format.
    pub fn format(&self) -> &Format {
        &self.format
    }

    /// Writes what comes before the first record (a TSV header, the HTML
    /// head and legend; creates the brat directory).
    pub fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match &self.format {
            Format::Tsv(table) => tsv::header(*table, out),
            Format::Html => html::begin(out),
            Format::Brat(_) => self.brat.as_mut().map_or(Ok(()), |d| d.create()),
            _ => Ok(()),
        }
    }

    /// Renders one document (on any thread).
    pub fn render(&self, r: &Record) -> io::Result<Rendered> {
        let mut out = Rendered::default();
        match &self.format {
            Format::Jsonl => {
                // About 200 bytes per entity, 70 per sentence, up to 500 per
                // event: one allocation in most cases (growing the buffer
                // copies all that is written).
                let d = r.doc;
                out.bytes.reserve(
                    256 + r.text.len()
                        + 200 * d.entities.len()
                        + 80 * d.sentences.len()
                        + 200 * d.relations.len()
                        + 600 * d.events.len(),
                );
                jsonl::write_record_line(&mut out.bytes, r.id, r.extra, r.doc)?
            }
            Format::Json => {
                write_record(&mut out.bytes, self.format.clone(), r.id, r.extra, r.doc)?
            }
            Format::Tsv(table) => tsv::document(*table, r, &mut out.bytes)?,
            Format::Conll => {
                let tokens = self.extractor.tokenize(r.text);
                conll::document(r, &tokens, &mut out.bytes)?
            }
            Format::Brat(_) => out.standoff = Some(brat::document(r)),
            Format::Html => html::document(r, &mut out.bytes)?,
        }
        Ok(out)
    }

    /// Renders the error record of a record that could not be read.
    pub fn render_error(&self, seq: u64, id: &Value, error: &str) -> io::Result<Rendered> {
        let mut out = Rendered::default();
        match &self.format {
            Format::Tsv(table) => tsv::error(*table, id, error, &mut out.bytes)?,
            Format::Conll => conll::error(id, error, &mut out.bytes)?,
            Format::Html => html::error(seq, id, error, &mut out.bytes)?,
            _ => self.format.write(
                &mut out.bytes,
                &serde_json::json!({ "id": id, "error": error }),
            )?,
        }
        Ok(out)
    }

    /// Writes a rendered record (in input order, on one thread).
    pub fn emit(&mut self, r: Rendered, id: &Value, out: &mut dyn Write) -> io::Result<()> {
        if let (Some(standoff), Some(dir)) = (r.standoff, self.brat.as_mut()) {
            dir.write(id, standoff, out)?;
        }
        out.write_all(&r.bytes)
    }

    /// Writes what comes after the last record (the end of the HTML page).
    pub fn end(&mut self, out: &mut dyn Write) -> io::Result<()> {
        match &self.format {
            Format::Html => html::end(out),
            _ => Ok(()),
        }
    }
}

/// The normalised value of an entity in words, for notes and tooltips:
/// `1400000000 USD, approx`, `10..20 EUR`, `2023`, `relative`.
pub fn value_text(e: &crate::document::Entity) -> Option<String> {
    if let Some(a) = &e.amount {
        let number = match (a.value, a.min, a.max) {
            (Some(v), _, _) => v.to_string(),
            (None, min, max) => format!(
                "{}..{}",
                min.map(|m| m.to_string()).unwrap_or_default(),
                max.map(|m| m.to_string()).unwrap_or_default()
            ),
        };
        let mut s = format!("{number} {}", a.currency);
        if let Some(q) = a.qualifier {
            s.push_str(&format!(", {}", qualifier_name(q)));
        }
        return Some(s);
    }
    let d = e.date.as_ref()?;
    match (&d.iso, d.relative) {
        (Some(iso), true) => Some(format!("{iso} (relative)")),
        (Some(iso), false) => Some(iso.clone()),
        (None, _) => Some("relative, no document date".to_string()),
    }
}

/// `approx`, `more_than`, `less_than`, as in the JSON.
pub fn qualifier_name(q: crate::document::Qualifier) -> &'static str {
    use crate::document::Qualifier;
    match q {
        Qualifier::Approx => "approx",
        Qualifier::MoreThan => "more_than",
        Qualifier::LessThan => "less_than",
    }
}

/// The entity ids of an event argument (none for a text argument: see
/// [`arg_text`]).
pub fn arg_ids(arg: &crate::document::Arg) -> &[String] {
    match arg {
        crate::document::Arg::One(id) => std::slice::from_ref(id),
        crate::document::Arg::Many(ids) => ids,
        crate::document::Arg::Text(_) => &[],
    }
}

/// The stretch of text of a text argument (`purpose`), `None` for entities.
pub fn arg_text(arg: &crate::document::Arg) -> Option<&crate::document::Span> {
    match arg {
        crate::document::Arg::Text(span) => Some(span),
        _ => None,
    }
}
