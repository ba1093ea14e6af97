//! What must hold of every [`Document`], whatever the text (issue #9): the
//! checks shared by the property tests (`tests/properties.rs`) and the
//! pathological inputs (`tests/pathological.rs`).

use frextract::{Arg, Document, Extractor, Label, Sentence, Trigger};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The default extractor, built once per test binary.
pub fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::new)
}

/// Checks that `start..end` is a non-empty span of `text` on char
/// boundaries whose char offsets are `char_start..char_end` and, when given,
/// whose text is `expected`.
fn check_span(
    text: &str,
    chars: &CharOffsets,
    what: &str,
    (start, end): (usize, usize),
    (char_start, char_end): (usize, usize),
    expected: Option<&str>,
) -> Result<(), String> {
    if !(start < end && end <= text.len()) {
        return Err(format!(
            "{what}: span {start}..{end} is empty or outside the text ({} bytes)",
            text.len()
        ));
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(format!(
            "{what}: span {start}..{end} is not on char boundaries"
        ));
    }
    if let Some(expected) = expected {
        if &text[start..end] != expected {
            return Err(format!(
                "{what}: text[{start}..{end}] is {:?}, the entity says {expected:?}",
                &text[start..end]
            ));
        }
    }
    let expected = (chars.at(start), chars.at(end));
    if (char_start, char_end) != expected {
        return Err(format!(
            "{what}: char offsets {char_start}..{char_end} for bytes {start}..{end}, expected {}..{}",
            expected.0, expected.1
        ));
    }
    Ok(())
}

/// The char offset of any byte offset of a text, in time independent of
/// the text's length. Counting the chars before every span from the start
/// of the text made checking a 10 MB document with 280 000 entities take
/// minutes (issue #9).
struct CharOffsets<'t> {
    text: &'t [u8],
    /// `before_block[k]`: the chars in `text[..k * BLOCK]`.
    before_block: Vec<usize>,
}

impl<'t> CharOffsets<'t> {
    const BLOCK: usize = 4096;

    fn new(text: &'t str) -> CharOffsets<'t> {
        let text = text.as_bytes();
        let mut before_block = vec![0];
        let mut count = 0;
        for block in text.chunks(Self::BLOCK) {
            count += Self::char_starts(block);
            before_block.push(count);
        }
        CharOffsets { text, before_block }
    }

    /// The bytes of `bytes` that start a char (are no UTF-8 continuation byte).
    fn char_starts(bytes: &[u8]) -> usize {
        bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
    }

    /// The chars in `text[..byte]` (`byte` on a char boundary).
    fn at(&self, byte: usize) -> usize {
        let block = byte / Self::BLOCK;
        self.before_block[block] + Self::char_starts(&self.text[block * Self::BLOCK..byte])
    }
}

fn check_trigger(text: &str, chars: &CharOffsets, what: &str, t: &Trigger) -> Result<(), String> {
    let (bytes, offsets) = ((t.start, t.end), (t.char_start, t.char_end));
    check_span(text, chars, what, bytes, offsets, Some(&t.text))
}

fn check_sentence(text: &str, chars: &CharOffsets, what: &str, s: &Sentence) -> Result<(), String> {
    check_span(
        text,
        chars,
        what,
        (s.start, s.end),
        (s.char_start, s.char_end),
        None,
    )
}

/// Every invariant of a document extracted from `text`:
///
/// * entity, sentence, trigger and evidence spans are non-empty, inside the
///   text, on char boundaries; their char offsets agree with their byte
///   offsets; an entity's and a trigger's `text` is `text[start..end]`;
/// * entities are in text order with unique ids, and two entities of one
///   label never overlap; every MONEY has an amount and every DATE a value;
/// * sentences are in order and do not overlap;
/// * relations and event arguments name existing entities, relations with
///   the right labels; an event's trigger lies inside its sentence.
pub fn check_document(text: &str, doc: &Document) -> Result<(), String> {
    let chars = CharOffsets::new(text);
    let mut by_id = HashMap::new();
    let mut last_end: HashMap<Label, usize> = HashMap::new();
    let mut last_start = 0;
    for e in &doc.entities {
        let what = format!("entity {} {} {:?}", e.id, e.label.as_str(), e.text);
        check_span(
            text,
            &chars,
            &what,
            (e.start, e.end),
            (e.char_start, e.char_end),
            Some(&e.text),
        )?;
        if e.start < last_start {
            return Err(format!("{what}: entities are not in text order"));
        }
        last_start = e.start;
        if let Some(&end) = last_end.get(&e.label) {
            if e.start < end {
                return Err(format!(
                    "{what}: overlaps the previous {} ending at byte {end}",
                    e.label.as_str()
                ));
            }
        }
        last_end.insert(e.label, e.end);
        if e.label == Label::Money && e.amount.is_none() {
            return Err(format!("{what}: MONEY without an amount"));
        }
        if e.label == Label::Date && e.date.is_none() {
            return Err(format!("{what}: DATE without a value"));
        }
        if by_id.insert(e.id.as_str(), e.label).is_some() {
            return Err(format!("{what}: id used twice"));
        }
    }
    let mut previous_end = 0;
    for (k, s) in doc.sentences.iter().enumerate() {
        check_sentence(text, &chars, &format!("sentence {k}"), s)?;
        if s.start < previous_end {
            return Err(format!("sentence {k} overlaps the previous one"));
        }
        previous_end = s.end;
    }
    let has = |id: &str, label: Label, what: &str| match by_id.get(id) {
        Some(&l) if l == label => Ok(()),
        Some(&l) => Err(format!(
            "{what}: {id} is a {}, not a {}",
            l.as_str(),
            label.as_str()
        )),
        None => Err(format!("{what}: no entity {id}")),
    };
    for r in &doc.relations {
        let what = format!("relation {r:?}");
        has(&r.person, Label::Person, &what)?;
        has(&r.role, Label::Role, &what)?;
        if let Some(org) = &r.org {
            has(org, Label::Org, &what)?;
        }
    }
    for (k, ev) in doc.events.iter().enumerate() {
        let what = format!("event {k} {}", ev.kind);
        check_trigger(text, &chars, &format!("{what} trigger"), &ev.trigger)?;
        for t in &ev.evidence {
            check_trigger(text, &chars, &format!("{what} evidence"), t)?;
        }
        check_sentence(text, &chars, &format!("{what} sentence"), &ev.sentence)?;
        if ev.trigger.start < ev.sentence.start || ev.trigger.end > ev.sentence.end {
            return Err(format!("{what}: trigger outside its sentence"));
        }
        if ev.args.is_empty() {
            return Err(format!("{what}: no argument"));
        }
        for (slot, arg) in &ev.args {
            let ids = match arg {
                Arg::One(id) => std::slice::from_ref(id),
                Arg::Many(ids) => ids.as_slice(),
                // A text argument (`purpose`) is a span of its sentence.
                Arg::Text(span) => {
                    check_trigger(text, &chars, &format!("{what} {slot}"), span)?;
                    if span.start < ev.sentence.start || span.end > ev.sentence.end {
                        return Err(format!("{what}: {slot} outside its sentence"));
                    }
                    continue;
                }
            };
            for id in ids {
                if !by_id.contains_key(id.as_str()) {
                    return Err(format!("{what}: argument {slot} names no entity ({id})"));
                }
            }
        }
    }
    Ok(())
}

/// Extracts `text` with the default extractor and panics with the broken
/// invariant, if any.
#[allow(dead_code)] // not every test binary uses it
pub fn extract_checked(text: &str) -> Document {
    let doc = extractor().extract(text);
    if let Err(e) = check_document(text, &doc) {
        panic!("{e}");
    }
    doc
}
