//! `--format brat`: the standoff files of the brat annotation tool, a
//! `.txt` (the text) and a `.ann` per document in `--output-dir`:
//!
//! * `T` lines: entities (`T1<TAB>PERSON 0 13<TAB>John Schulman`), and
//!   event triggers;
//! * `E` lines: events with their arguments by role
//!   (`E1<TAB>DEPARTURE:T9 person:T1 org:T2`; list slots repeat the role
//!   with a number: `investors:T3 investors2:T4`);
//! * `R` lines: `ROLE_OF` relations (person, role);
//! * `A` lines: negated and non-asserted events (`Polarity`, `Modality`);
//! * `#` lines: `AnnotatorNotes` with canonical names and normalised values.
//!
//! Offsets are in characters (Unicode scalar values), as brat counts them;
//! a span crossing a line break is written as fragments (`0 5;6 10`).
//! Standard output gets one JSON line per document naming its files.

use super::{arg_ids, arg_text, id_text, value_text, Record};
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::PathBuf;

/// The two files of one document, before they are named.
#[derive(Debug)]
pub struct Standoff {
    /// The text (`.txt`).
    pub txt: String,
    /// The annotations (`.ann`).
    pub ann: String,
}

/// `start end` fragments of a span, split at line breaks (brat spans may
/// not cross them).
fn fragments(text: &str, start: usize, end: usize, char_start: usize) -> String {
    let mut parts = Vec::new();
    let mut from = char_start;
    let mut at = char_start;
    for c in text[start..end].chars() {
        if c == '\n' || c == '\r' {
            if at > from {
                parts.push(format!("{from} {at}"));
            }
            from = at + 1;
        }
        at += 1;
    }
    if at > from {
        parts.push(format!("{from} {at}"));
    }
    parts.join(";")
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ").replace('\t', " ")
}

/// A `T` line: annotation `t` of `kind` over the span (byte start, byte
/// end, character start) of `text`.
fn text_bound(ann: &mut String, t: usize, kind: &str, text: &str, span: (usize, usize, usize)) {
    let (start, end, char_start) = span;
    let _ = writeln!(
        ann,
        "T{t}\t{kind} {}\t{}",
        fragments(text, start, end, char_start),
        one_line(&text[start..end])
    );
}

/// The annotation type of a text argument: its slot, capitalised
/// (`purpose` → `Purpose`), as brat's types are.
fn text_type(slot: &str) -> String {
    let mut chars = slot.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The standoff files of one document.
pub fn document(r: &Record) -> Standoff {
    let mut ann = String::new();
    let mut t_of: HashMap<&str, usize> = HashMap::new();
    let mut t = 0;
    let mut note = 0;
    for e in &r.doc.entities {
        t += 1;
        t_of.insert(&e.id, t);
        text_bound(
            &mut ann,
            t,
            e.label.as_str(),
            r.text,
            (e.start, e.end, e.char_start),
        );
        let mut notes = Vec::new();
        if let Some(c) = &e.canonical {
            notes.push(format!("canonical: {c}"));
        }
        if let Some(v) = value_text(e) {
            notes.push(format!("value: {v}"));
        }
        if !notes.is_empty() {
            note += 1;
            let _ = writeln!(
                ann,
                "#{note}\tAnnotatorNotes T{t}\t{}",
                one_line(&notes.join("; "))
            );
        }
    }
    for (i, rel) in r.doc.relations.iter().enumerate() {
        if let (Some(p), Some(role)) = (t_of.get(rel.person.as_str()), t_of.get(rel.role.as_str()))
        {
            let _ = writeln!(ann, "R{}\t{} Arg1:T{p} Arg2:T{role}", i + 1, rel.kind);
            if let Some(org) = rel.org.as_deref().and_then(|o| r.doc.entity(o)) {
                note += 1;
                let name = org.canonical.as_deref().unwrap_or(&org.text);
                let _ = writeln!(
                    ann,
                    "#{note}\tAnnotatorNotes R{}\torg: {}",
                    i + 1,
                    one_line(name)
                );
            }
        }
    }
    let mut attr = 0;
    for (i, ev) in r.doc.events.iter().enumerate() {
        let e = i + 1;
        t += 1;
        let trig = &ev.trigger;
        text_bound(
            &mut ann,
            t,
            &ev.kind,
            r.text,
            (trig.start, trig.end, trig.char_start),
        );
        let mut line = format!("E{e}\t{}:T{t}", ev.kind);
        // A text argument (`purpose`) is an annotation of its own, typed
        // by its slot, that the event points to like an entity.
        for (slot, span) in ev.args.iter().filter_map(|(s, a)| Some((s, arg_text(a)?))) {
            t += 1;
            text_bound(
                &mut ann,
                t,
                &text_type(slot),
                r.text,
                (span.start, span.end, span.char_start),
            );
            let _ = write!(line, " {slot}:T{t}");
        }
        for (slot, arg) in &ev.args {
            for (n, id) in arg_ids(arg).iter().enumerate() {
                if let Some(target) = t_of.get(id.as_str()) {
                    let role = if n == 0 {
                        slot.clone()
                    } else {
                        format!("{slot}{}", n + 1)
                    };
                    let _ = write!(line, " {role}:T{target}");
                }
            }
        }
        let _ = writeln!(ann, "{line}");
        let polarity = format!("{:?}", ev.polarity).to_lowercase();
        let modality = format!("{:?}", ev.modality).to_lowercase();
        if polarity != "positive" {
            attr += 1;
            let _ = writeln!(ann, "A{attr}\tPolarity E{e} {polarity}");
        }
        if modality != "asserted" {
            attr += 1;
            let _ = writeln!(ann, "A{attr}\tModality E{e} {modality}");
        }
        note += 1;
        let _ = writeln!(ann, "#{note}\tAnnotatorNotes E{e}\trule: {}", ev.rule);
    }
    Standoff {
        txt: r.text.to_string(),
        ann,
    }
}

/// A file name stem from a document id: letters, digits, `.`, `-` and `_`
/// kept, anything else `_`, a `.txt` ending dropped.
pub fn stem(id: &serde_json::Value) -> String {
    let id = id_text(id);
    let id = id.strip_suffix(".txt").unwrap_or(&id);
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    s = s.trim_start_matches(['.', '_']).to_string();
    if s.is_empty() {
        s = "doc".to_string();
    }
    s
}

/// The output directory, and the names already used in it.
#[derive(Debug)]
pub struct Directory {
    dir: PathBuf,
    used: HashSet<String>,
}

impl Directory {
    /// Files will go to `dir`.
    pub fn new(dir: PathBuf) -> Directory {
        Directory {
            dir,
            used: HashSet::new(),
        }
    }

    /// Creates the directory.
    pub fn create(&mut self) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot create {}: {e}", self.dir.display()),
            )
        })
    }

    /// Writes the files of document `id` under a name of its own (two ids
    /// with the same stem get `-2`, `-3`…), and a JSON line naming them to `out`.
    pub fn write(
        &mut self,
        id: &serde_json::Value,
        s: Standoff,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let base = stem(id);
        let mut name = base.clone();
        let mut n = 1;
        while !self.used.insert(name.clone()) {
            n += 1;
            name = format!("{base}-{n}");
        }
        let txt = self.dir.join(format!("{name}.txt"));
        let ann = self.dir.join(format!("{name}.ann"));
        std::fs::write(&txt, s.txt)?;
        std::fs::write(&ann, s.ann)?;
        serde_json::to_writer(
            &mut *out,
            &serde_json::json!({"id": id, "txt": txt.display().to_string(), "ann": ann.display().to_string()}),
        )?;
        out.write_all(b"\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_cut_at_line_breaks() {
        let text = "é Jean\nDupont x";
        // "Jean\nDupont" is bytes 3..14, characters 2..13.
        assert_eq!(fragments(text, 3, 14, 2), "2 6;7 13");
        assert_eq!(fragments(text, 0, 2, 0), "0 1");
    }

    #[test]
    fn stems_are_safe_file_names() {
        assert_eq!(stem(&"corpus/seed/a b.txt".into()), "corpus_seed_a_b");
        assert_eq!(stem(&"../x".into()), "x");
        assert_eq!(stem(&serde_json::json!(42)), "42");
        assert_eq!(stem(&"".into()), "doc");
    }
}
