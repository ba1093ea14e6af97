//! `--format conll`: one token a line, `token<TAB>tag` with BIO tags
//! (`B-PERSON`, `I-PERSON`, `O`), a blank line after each sentence and a
//! `# id = …` comment before each document, the layout read by CoNLL-2003
//! style training tools.

use super::{id_text, Record};
use crate::tokenize::Tokens;
use serde_json::Value;
use std::io::{self, Write};

/// Keeps a comment or token on one line.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r', '\t'], " ")
}

/// Writes the tokens of one document with their tags.
pub fn document(r: &Record, tokens: &Tokens, out: &mut Vec<u8>) -> io::Result<()> {
    writeln!(out, "# id = {}", one_line(&id_text(r.id)))?;
    let entities = &r.doc.entities;
    // Entities and tokens are both in text order: one pass over each.
    let mut next = 0;
    let mut inside: Option<usize> = None;
    for s in &tokens.sentences {
        for t in &tokens.tokens[s.first as usize..s.end as usize] {
            let (start, end) = (t.start as usize, t.end as usize);
            while next < entities.len() && entities[next].end <= start {
                next += 1;
            }
            let tag = match entities.get(next) {
                Some(e) if e.start < end => {
                    let tag = if inside == Some(next) { "I" } else { "B" };
                    inside = Some(next);
                    format!("{tag}-{}", e.label)
                }
                _ => {
                    inside = None;
                    "O".to_string()
                }
            };
            writeln!(out, "{}\t{tag}", one_line(t.text(r.text)))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// A record that could not be read: its id and the error as comments.
pub fn error(id: &Value, error: &str, out: &mut Vec<u8>) -> io::Result<()> {
    writeln!(out, "# id = {}", one_line(&id_text(id)))?;
    writeln!(out, "# error = {}\n", one_line(error))
}
