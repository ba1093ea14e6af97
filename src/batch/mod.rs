//! Batch extraction: reading documents (see [`input`]), extracting them in
//! parallel, and writing one record per document in input order.
//!
//! One thread reads and sends records through a bounded channel; the
//! calling thread takes what has arrived (up to a chunk of documents or
//! bytes), extracts and renders the chunk on the rayon pool, writes it in
//! input order and flushes. Memory stays bounded whatever the size of the
//! input, and a tool that writes one line and waits for the answer (a
//! coprocess, Spark's `RDD.pipe`) gets it: a chunk never waits for records
//! that have not arrived yet.

mod input;
mod progress;

use crate::output::{Format, Output, Record, Rendered};
use crate::Extractor;
use chrono::NaiveDate;
use input::Item;
use rayon::prelude::*;
use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;

pub use progress::Progress;

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
    /// How to read standard input and files whose name does not say
    /// (`*.jsonl[.gz]` are always JSON Lines, `*.txt[.gz]` always text).
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
    /// Documents per parallel chunk, at most.
    pub chunk: usize,
    /// Input bytes per parallel chunk, at most (a chunk has at least one document).
    pub chunk_bytes: u64,
    /// Larger documents (or JSONL lines) give an error record.
    pub max_doc_bytes: usize,
    /// Replace invalid UTF-8 instead of giving an error record.
    pub lossy: bool,
    /// Stop at the first record that cannot be read.
    pub strict: bool,
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
            chunk_bytes: 64 << 20,
            max_doc_bytes: 10_000_000,
            lossy: false,
            strict: false,
        }
    }
}

/// Counts of a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Documents extracted.
    pub ok: usize,
    /// Records that could not be read (an error record was written for each).
    pub failed: usize,
    /// Input bytes read.
    pub bytes: u64,
    /// The run stopped at the first bad record (`strict`).
    pub stopped: bool,
}

/// Runs the extractor over `paths` (standard input when empty or `-`) and
/// writes one record per input record to `out`, flushing after each chunk.
pub fn run(
    x: &Extractor,
    paths: &[PathBuf],
    opts: &BatchOptions,
    out: &mut dyn Write,
    progress: &Progress,
) -> std::io::Result<Summary> {
    let mut output = Output::new(opts.format.clone(), x);
    output.begin(out)?;
    let (tx, rx) = sync_channel::<Item>(opts.chunk.max(1));
    let reader = {
        let (paths, opts) = (paths.to_vec(), opts.clone());
        std::thread::spawn(move || {
            input::read_all(&paths, &opts, &mut |item| tx.send(item).is_ok());
        })
    };
    let mut summary = Summary::default();
    let mut seq = 0u64;
    let mut chunk: Vec<(u64, Item)> = Vec::with_capacity(opts.chunk);
    // Wait for one record, then take what has already arrived.
    while let Ok(first) = rx.recv() {
        let mut bytes = 0;
        let mut next = Some(first);
        while let Some(item) = next.take() {
            bytes += item_bytes(&item);
            let bad = matches!(item, Item::Error { .. });
            chunk.push((seq, item));
            seq += 1;
            if bad && opts.strict {
                summary.stopped = true;
                break;
            }
            if chunk.len() < opts.chunk && bytes < opts.chunk_bytes {
                // Empty or disconnected: write what we have.
                next = rx.try_recv().ok();
            }
        }
        write_chunk(x, &mut output, &mut chunk, out, &mut summary)?;
        progress.update(&summary);
        if summary.stopped {
            // The reader may be blocked on input we no longer want: leave it.
            output.end(out)?;
            out.flush()?;
            return Ok(summary);
        }
    }
    let _ = reader.join();
    output.end(out)?;
    out.flush()?;
    Ok(summary)
}

fn item_bytes(item: &Item) -> u64 {
    match item {
        Item::Doc(d) => d.bytes,
        Item::Error { bytes, .. } => *bytes,
    }
}

/// Extracts and renders a chunk on the rayon pool, writes it in input order.
fn write_chunk(
    x: &Extractor,
    output: &mut Output,
    chunk: &mut Vec<(u64, Item)>,
    out: &mut dyn Write,
    summary: &mut Summary,
) -> std::io::Result<()> {
    let shared: &Output = output;
    let rendered: Vec<(Value, bool, u64, std::io::Result<Rendered>)> = chunk
        .par_drain(..)
        .map(|(seq, item)| match item {
            Item::Doc(d) => {
                let doc = x.extract_dated(&d.text, d.date);
                let r = shared.render(&Record {
                    seq,
                    id: &d.id,
                    extra: &d.extra,
                    text: &d.text,
                    doc: &doc,
                });
                (d.id, true, d.bytes, r)
            }
            Item::Error { id, error, bytes } => {
                let r = shared.render_error(seq, &id, &error);
                (id, false, bytes, r)
            }
        })
        .collect();
    for (id, ok, bytes, r) in rendered {
        output.emit(r?, &id, out)?;
        summary.bytes += bytes;
        if ok {
            summary.ok += 1;
        } else {
            summary.failed += 1;
        }
    }
    out.flush()
}
