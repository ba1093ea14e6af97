//! The SPEC JSON record of a document: `jsonl` (one compact object a line,
//! the default) and `json` (pretty-printed).

use super::Format;
use crate::document::{Document, Entity, Event, Relation, Sentence};
use serde::Serialize;
use serde_json::{Map, Value};

/// A record borrowed from its parts, serialised without building a
/// `serde_json::Value` first (the hot path of batch extraction). Carried
/// input fields that would clash with the record's own keys are dropped, so
/// a record never has a key twice.
struct RecordRef<'a> {
    id: &'a Value,
    extra: &'a Map<String, Value>,
    entities: &'a [Entity],
    relations: &'a [Relation],
    events: &'a [Event],
    sentences: &'a [Sentence],
}

impl Serialize for RecordRef<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = serializer.serialize_map(None)?;
        m.serialize_entry("id", self.id)?;
        for (k, v) in self.extra.iter().filter(|(k, _)| {
            !matches!(
                k.as_str(),
                "id" | "entities" | "relations" | "events" | "sentences"
            )
        }) {
            m.serialize_entry(k, v)?;
        }
        m.serialize_entry("entities", self.entities)?;
        m.serialize_entry("relations", self.relations)?;
        m.serialize_entry("events", self.events)?;
        m.serialize_entry("sentences", self.sentences)?;
        m.end()
    }
}

impl<'a> RecordRef<'a> {
    fn new(id: &'a Value, extra: &'a Map<String, Value>, doc: &'a Document) -> Self {
        RecordRef {
            id,
            extra,
            entities: &doc.entities,
            relations: &doc.relations,
            events: &doc.events,
            sentences: &doc.sentences,
        }
    }
}

/// One output record: the input's id and carried fields, plus the extraction.
pub fn record(id: &Value, extra: &Map<String, Value>, doc: &Document) -> Value {
    serde_json::to_value(RecordRef::new(id, extra, doc)).unwrap_or(Value::Null)
}

/// Writes one record (see [`record`]) as JSON (pretty for [`Format::Json`],
/// one line otherwise), without an intermediate value.
pub fn write_record(
    out: &mut impl std::io::Write,
    format: Format,
    id: &Value,
    extra: &Map<String, Value>,
    doc: &Document,
) -> std::io::Result<()> {
    let r = RecordRef::new(id, extra, doc);
    match format {
        Format::Json => serde_json::to_writer_pretty(&mut *out, &r)?,
        _ => serde_json::to_writer(&mut *out, &r)?,
    }
    out.write_all(b"\n")
}
