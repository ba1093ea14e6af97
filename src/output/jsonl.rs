//! The compact SPEC JSON record written straight into a byte buffer: the
//! hot path of `--format jsonl` (the default).
//!
//! The record is the one [`super::json::write_record`] writes through
//! `serde_json`, byte for byte: the same keys in the same order, the same
//! string escapes (`\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, `\u00xx` for
//! other control characters, everything else as is). Entities and sentences,
//! most of a record, are written here without serde's per-field machinery
//! (and without the `flatten` of [`crate::document::Entity::date`], which
//! goes through a map serializer); the rarer parts (carried input fields,
//! amounts, relations, events) still go through `serde_json`. The tests
//! compare both writers on real documents.

use crate::document::{push_decimal as number, Document, Entity, Sentence};
use serde_json::{Map, Value};

/// Appends one record and its newline to `out`: the input's id and carried
/// fields, then the extraction.
pub fn write_record_line(
    out: &mut Vec<u8>,
    id: &Value,
    extra: &Map<String, Value>,
    doc: &Document,
) -> serde_json::Result<()> {
    out.extend_from_slice(b"{\"id\":");
    serde_json::to_writer(&mut *out, id)?;
    for (k, v) in extra.iter().filter(|(k, _)| {
        !matches!(
            k.as_str(),
            "id" | "entities" | "relations" | "events" | "sentences"
        )
    }) {
        out.push(b',');
        string(out, k);
        out.push(b':');
        serde_json::to_writer(&mut *out, v)?;
    }
    out.extend_from_slice(b",\"entities\":[");
    for (i, e) in doc.entities.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        entity(out, e)?;
    }
    out.extend_from_slice(b"],\"relations\":");
    serde_json::to_writer(&mut *out, &doc.relations)?;
    out.extend_from_slice(b",\"events\":");
    serde_json::to_writer(&mut *out, &doc.events)?;
    out.extend_from_slice(b",\"sentences\":[");
    for (i, s) in doc.sentences.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        sentence(out, s);
    }
    out.extend_from_slice(b"]}\n");
    Ok(())
}

fn entity(out: &mut Vec<u8>, e: &Entity) -> serde_json::Result<()> {
    out.extend_from_slice(b"{\"id\":");
    string(out, &e.id);
    out.extend_from_slice(b",\"label\":\"");
    out.extend_from_slice(e.label.as_str().as_bytes());
    out.extend_from_slice(b"\",");
    offsets(out, [e.start, e.end, e.char_start, e.char_end]);
    out.extend_from_slice(b",\"text\":");
    string(out, &e.text);
    if let Some(c) = &e.canonical {
        out.extend_from_slice(b",\"canonical\":");
        string(out, c);
    }
    if let Some(a) = &e.amount {
        out.extend_from_slice(b",\"amount\":");
        serde_json::to_writer(&mut *out, a)?;
    }
    if let Some(d) = &e.date {
        if let Some(iso) = &d.iso {
            out.extend_from_slice(b",\"iso\":");
            string(out, iso);
        }
        if d.relative {
            out.extend_from_slice(b",\"relative\":true");
        }
    }
    out.extend_from_slice(b",\"source\":");
    string(out, &e.source);
    out.push(b'}');
    Ok(())
}

fn sentence(out: &mut Vec<u8>, s: &Sentence) {
    out.push(b'{');
    offsets(out, [s.start, s.end, s.char_start, s.char_end]);
    out.push(b'}');
}

/// Appends the four offset fields of a span, in SPEC order.
fn offsets(out: &mut Vec<u8>, values: [usize; 4]) {
    let keys: [&[u8]; 4] = [
        b"\"start\":",
        b",\"end\":",
        b",\"char_start\":",
        b",\"char_end\":",
    ];
    for (key, n) in keys.into_iter().zip(values) {
        out.extend_from_slice(key);
        number(out, n);
    }
}

/// Appends `s` as a JSON string: `serde_json`'s own escaping (writing a
/// `&str` into a `Vec` cannot fail).
fn string(out: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(&mut *out, s).expect("writing a JSON string into memory cannot fail");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{write_record, Format};

    fn both(id: &Value, extra: &Map<String, Value>, doc: &Document) -> (String, String) {
        let mut fast = Vec::new();
        write_record_line(&mut fast, id, extra, doc).unwrap();
        let mut serde = Vec::new();
        write_record(&mut serde, Format::Jsonl, id, extra, doc).unwrap();
        (
            String::from_utf8(fast).unwrap(),
            String::from_utf8(serde).unwrap(),
        )
    }

    #[test]
    fn strings_are_escaped_like_serde_json() {
        let all: String = (0u8..0x80).map(char::from).collect::<String>() + "é€😀\u{2028}";
        for s in [all.as_str(), "", "plain", "\"quoted\"", "a\\b", "\u{7f}"] {
            let mut out = Vec::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn numbers_are_written_like_serde_json() {
        for n in [0, 7, 10, 99, 100, 12345, usize::MAX] {
            let mut out = Vec::new();
            number(&mut out, n);
            assert_eq!(out, serde_json::to_vec(&n).unwrap());
        }
    }

    #[test]
    fn records_are_the_serde_json_records() {
        let x = crate::Extractor::new();
        let date = chrono::NaiveDate::from_ymd_opt(2024, 8, 6);
        let texts = [
            "",
            "Le PDG de Nexity, Jean Dupont, a quitté le groupe hier. Airbus a levé \
             1,4 milliard d'euros et entre 2 et 3 M$ le 3 mars 2024.",
            "Le PDG Sam Altman a quitté OpenAI, qui a levé 1,4 milliard de dollars.\n\
             « Il rejoint Microsoft », a dit Satya Nadella, le directeur général.\t\
             La société Vortex SA a été fondée en 2019 par Marie Curie et Paul Martin.",
            include_str!("../../corpus/seed/openai-departures.gold.jsonl"),
            include_str!("../../corpus/seed/openai-departures.fr.txt"),
        ];
        let mut extra = Map::new();
        extra.insert("date".into(), Value::String("2024-08-06".into()));
        extra.insert("entities".into(), Value::Bool(true));
        extra.insert("meta\n".into(), serde_json::json!({"a": [1, 2.5, null]}));
        let mut events = 0;
        for text in texts {
            let doc = x.extract_dated(text, date);
            events += doc.events.len();
            for id in [Value::String("d\"1".into()), serde_json::json!(3)] {
                let (fast, serde) = both(&id, &extra, &doc);
                assert_eq!(fast, serde);
                let (fast, serde) = both(&id, &Map::new(), &doc);
                assert_eq!(fast, serde);
            }
        }
        assert!(events > 0, "the texts should have events");
    }
}
