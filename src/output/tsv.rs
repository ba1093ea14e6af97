//! `--format tsv`: one table, one row per entity, event or relation, with a
//! header row. Fields are escaped (`\t`, `\n`, `\r`, `\\`) so that every
//! row is one line and every column one cell when a spreadsheet opens it.

use super::{arg_ids, arg_text, id_text, qualifier_name, Record, Table};
use crate::document::Entity;
use serde_json::Value;
use std::io::{self, Write};

const ENTITY_COLUMNS: &[&str] = &[
    "doc_id",
    "entity_id",
    "label",
    "text",
    "canonical",
    "value",
    "currency",
    "qualifier",
    "start",
    "end",
    "char_start",
    "char_end",
    "source",
];

const EVENT_COLUMNS: &[&str] = &[
    "doc_id",
    "event",
    "type",
    "trigger",
    "arguments",
    "polarity",
    "modality",
    "rule",
    "start",
    "end",
    "char_start",
    "char_end",
];

const RELATION_COLUMNS: &[&str] = &[
    "doc_id",
    "type",
    "person",
    "role",
    "org",
    "person_id",
    "role_id",
    "org_id",
    "start",
    "end",
    "char_start",
    "char_end",
];

fn columns(table: Table) -> &'static [&'static str] {
    match table {
        Table::Entities => ENTITY_COLUMNS,
        Table::Events => EVENT_COLUMNS,
        Table::Relations => RELATION_COLUMNS,
    }
}

/// Writes the header row.
pub fn header(table: Table, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", columns(table).join("\t"))
}

/// Escapes a field: backslash, TAB, newline and carriage return become
/// `\\`, `\t`, `\n`, `\r`.
pub fn escape(field: &str) -> String {
    let mut s = String::with_capacity(field.len());
    for c in field.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '\t' => s.push_str("\\t"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            c => s.push(c),
        }
    }
    s
}

fn row(out: &mut Vec<u8>, fields: &[String]) -> io::Result<()> {
    let escaped: Vec<String> = fields.iter().map(|f| escape(f)).collect();
    writeln!(out, "{}", escaped.join("\t"))
}

/// The rows of one document.
pub fn document(table: Table, r: &Record, out: &mut Vec<u8>) -> io::Result<()> {
    let doc_id = id_text(r.id);
    let offsets = |e: &Entity| [e.start, e.end, e.char_start, e.char_end].map(|n| n.to_string());
    match table {
        Table::Entities => {
            for e in &r.doc.entities {
                let (value, currency, qualifier) = match (&e.amount, &e.date) {
                    (Some(a), _) => (
                        match (a.value, a.min, a.max) {
                            (Some(v), _, _) => v.to_string(),
                            (None, min, max) => format!(
                                "{}..{}",
                                min.map(|m| m.to_string()).unwrap_or_default(),
                                max.map(|m| m.to_string()).unwrap_or_default()
                            ),
                        },
                        a.currency.clone(),
                        a.qualifier.map(qualifier_name).unwrap_or("").to_string(),
                    ),
                    (None, Some(d)) => (
                        d.iso.clone().unwrap_or_default(),
                        String::new(),
                        String::new(),
                    ),
                    (None, None) => Default::default(),
                };
                let mut fields = vec![
                    doc_id.clone(),
                    e.id.clone(),
                    e.label.as_str().to_string(),
                    e.text.clone(),
                    e.canonical.clone().unwrap_or_default(),
                    value,
                    currency,
                    qualifier,
                ];
                fields.extend(offsets(e));
                fields.push(e.source.clone());
                row(out, &fields)?;
            }
        }
        Table::Events => {
            for (i, ev) in r.doc.events.iter().enumerate() {
                let args: Vec<String> = ev
                    .args
                    .iter()
                    .map(|(slot, arg)| {
                        let texts: Vec<&str> = match arg_text(arg) {
                            Some(span) => vec![span.text.as_str()],
                            None => arg_ids(arg)
                                .iter()
                                .map(|id| r.doc.entity(id).map_or(id.as_str(), |e| e.text.as_str()))
                                .collect(),
                        };
                        format!("{slot}={}", texts.join(" | "))
                    })
                    .collect();
                let t = &ev.trigger;
                row(
                    out,
                    &[
                        doc_id.clone(),
                        (i + 1).to_string(),
                        ev.kind.clone(),
                        t.text.clone(),
                        args.join("; "),
                        format!("{:?}", ev.polarity).to_lowercase(),
                        format!("{:?}", ev.modality).to_lowercase(),
                        ev.rule.clone(),
                        t.start.to_string(),
                        t.end.to_string(),
                        t.char_start.to_string(),
                        t.char_end.to_string(),
                    ],
                )?;
            }
        }
        Table::Relations => {
            for rel in &r.doc.relations {
                let ids = [Some(&rel.person), Some(&rel.role), rel.org.as_ref()];
                let ents: Vec<Option<&Entity>> = ids
                    .iter()
                    .map(|id| id.and_then(|id| r.doc.entity(id)))
                    .collect();
                let name = |e: &Option<&Entity>| {
                    e.map(|e| e.canonical.clone().unwrap_or_else(|| e.text.clone()))
                        .unwrap_or_default()
                };
                let present: Vec<&Entity> = ents.iter().flatten().copied().collect();
                let span = |f: fn(&Entity) -> usize, max: bool| {
                    let it = present.iter().map(|e| f(e));
                    if max { it.max() } else { it.min() }
                        .map(|n| n.to_string())
                        .unwrap_or_default()
                };
                let mut fields = vec![doc_id.clone(), rel.kind.clone()];
                fields.extend(ents.iter().map(name));
                fields.extend(ids.iter().map(|id| id.cloned().unwrap_or_default()));
                fields.push(span(|e| e.start, false));
                fields.push(span(|e| e.end, true));
                fields.push(span(|e| e.char_start, false));
                fields.push(span(|e| e.char_end, true));
                row(out, &fields)?;
            }
        }
    }
    Ok(())
}

/// The row of a record that could not be read: its id, `ERROR` as the
/// label or type and the message as the text, the other cells empty.
pub fn error(table: Table, id: &Value, error: &str, out: &mut Vec<u8>) -> io::Result<()> {
    let mut fields = vec![String::new(); columns(table).len()];
    let kind = if table == Table::Relations { 1 } else { 2 };
    fields[0] = id_text(id);
    fields[kind] = "ERROR".to_string();
    fields[kind + 1] = error.to_string();
    row(out, &fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_would_break_a_row() {
        assert_eq!(escape("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
        assert_eq!(escape("Société Générale"), "Société Générale");
    }
}
