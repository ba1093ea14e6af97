//! The compact SPEC JSON record written straight into a byte buffer: the
//! hot path of `--format jsonl` (the default).
//!
//! The record is the one [`super::json::write_record`] writes through
//! `serde_json`, byte for byte: the same keys in the same order, the same
//! string escapes (`\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, `\u00xx` for
//! other control characters, everything else as is). Entities, sentences,
//! relations and events, most of a record, are written here without serde's
//! per-field machinery (and without the `flatten` of
//! [`crate::document::Entity::date`], which goes through a map serializer);
//! the rarer parts (carried input fields, strings to escape) still go
//! through `serde_json`. The tests compare both writers on real documents and on
//! records made to have every optional field.

use crate::document::{
    Amount, Arg, Document, Entity, Event, Modality, Polarity, Qualifier, Relation, Sentence,
    Trigger,
};
use serde_json::{Map, Value};
use std::io::Write;

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
        entity(out, e);
    }
    out.extend_from_slice(b"],\"relations\":");
    list(out, &doc.relations, relation);
    out.extend_from_slice(b",\"events\":");
    list(out, &doc.events, event);
    out.extend_from_slice(b",\"sentences\":");
    list(out, &doc.sentences, sentence);
    out.extend_from_slice(b"}\n");
    Ok(())
}

/// Appends `items` as a JSON array, each written by `item`.
fn list<T>(out: &mut Vec<u8>, items: &[T], item: impl Fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, x);
    }
    out.push(b']');
}

fn relation(out: &mut Vec<u8>, r: &Relation) {
    field(out, b"{\"type\":", &r.kind);
    field(out, b",\"person\":", &r.person);
    field(out, b",\"role\":", &r.role);
    if let Some(org) = &r.org {
        field(out, b",\"org\":", org);
    }
    if r.org_guessed {
        out.extend_from_slice(b",\"org_guessed\":true");
    }
    out.push(b'}');
}

/// Appends `key` (with its punctuation) and `value` as a JSON string.
#[inline]
fn field(out: &mut Vec<u8>, key: &[u8], value: &str) {
    out.extend_from_slice(key);
    string(out, value);
}

fn event(out: &mut Vec<u8>, e: &Event) {
    field(out, b"{\"type\":", &e.kind);
    out.extend_from_slice(b",\"trigger\":");
    trigger(out, &e.trigger);
    if !e.evidence.is_empty() {
        out.extend_from_slice(b",\"evidence\":");
        list(out, &e.evidence, trigger);
    }
    out.extend_from_slice(b",\"sentence\":");
    sentence(out, &e.sentence);
    out.extend_from_slice(b",\"args\":{");
    for (i, (slot, arg)) in e.args.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        string(out, slot);
        out.push(b':');
        match arg {
            Arg::One(id) => string(out, id),
            Arg::Many(ids) => list(out, ids, |out, id| string(out, id)),
            Arg::Text(span) => trigger(out, span),
        }
    }
    out.extend_from_slice(b"},\"polarity\":\"");
    out.extend_from_slice(match e.polarity {
        Polarity::Positive => b"positive",
        Polarity::Negative => b"negative",
    });
    out.extend_from_slice(b"\",\"modality\":\"");
    out.extend_from_slice(match e.modality {
        Modality::Asserted => b"asserted".as_slice(),
        Modality::Hypothetical => b"hypothetical",
        Modality::Planned => b"planned",
    });
    field(out, b"\",\"rule\":", &e.rule);
    out.push(b'}');
}

fn trigger(out: &mut Vec<u8>, t: &Trigger) {
    field(out, b"{\"text\":", &t.text);
    out.push(b',');
    offsets(out, [t.start, t.end, t.char_start, t.char_end]);
    out.push(b'}');
}

fn entity(out: &mut Vec<u8>, e: &Entity) {
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
        amount(out, a);
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
}

/// An [`Amount`] as its derived `Serialize` writes it: the decimals as
/// `rust_decimal`'s `arbitrary_precision_option` writes them (the
/// decimal's `Display` form, which `serde_json` keeps as written), the
/// optional fields only when set.
fn amount(out: &mut Vec<u8>, a: &Amount) {
    let mut sep = b"{".as_slice();
    for (key, value) in [
        (b"\"value\":".as_slice(), a.value),
        (b"\"min\":", a.min),
        (b"\"max\":", a.max),
    ] {
        if let Some(d) = value {
            out.extend_from_slice(sep);
            out.extend_from_slice(key);
            write!(out, "{d}").expect("writing into memory cannot fail");
            sep = b",";
        }
    }
    out.extend_from_slice(sep);
    field(out, b"\"currency\":", &a.currency);
    if let Some(q) = a.qualifier {
        out.extend_from_slice(match q {
            Qualifier::Approx => b",\"qualifier\":\"approx\"".as_slice(),
            Qualifier::MoreThan => b",\"qualifier\":\"more_than\"",
            Qualifier::LessThan => b",\"qualifier\":\"less_than\"",
        });
    }
    if a.currency_inferred {
        out.extend_from_slice(b",\"currency_inferred\":true");
    }
    out.push(b'}');
}

fn sentence(out: &mut Vec<u8>, s: &Sentence) {
    out.push(b'{');
    offsets(out, [s.start, s.end, s.char_start, s.char_end]);
    out.push(b'}');
}

/// Appends the four offset fields of a span, in SPEC order. They are
/// written into a buffer on the stack, keys and digits, and copied into
/// `out` once: a copy per key and per number, each a call for a few
/// bytes, cost more than the digits.
fn offsets(out: &mut Vec<u8>, values: [usize; 4]) {
    let keys: [&[u8]; 4] = [
        b"\"start\":",
        b",\"end\":",
        b",\"char_start\":",
        b",\"char_end\":",
    ];
    // The keys, and at most 20 digits for each number.
    let mut buf = [0u8; 41 + 4 * 20];
    let mut len = 0;
    for (key, n) in keys.into_iter().zip(values) {
        buf[len..len + key.len()].copy_from_slice(key);
        len += key.len();
        len += decimal(&mut buf[len..], n);
    }
    out.extend_from_slice(&buf[..len]);
}

/// The two digits of every number below 100.
const PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// Writes `n` in decimal at the start of `buf` (which has room for its
/// digits: at most 20); returns the number of digits.
fn decimal(buf: &mut [u8], n: usize) -> usize {
    let mut digits = 1;
    let mut m = n;
    while m >= 100 {
        digits += 2;
        m /= 100;
    }
    if m >= 10 {
        digits += 1;
    }
    let mut end = digits;
    let mut n = n;
    while n >= 100 {
        let pair = 2 * (n % 100);
        n /= 100;
        end -= 2;
        buf[end..end + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        buf[..2].copy_from_slice(&PAIRS[2 * n..2 * n + 2]);
    } else {
        buf[0] = b'0' + n as u8;
    }
    digits
}

/// Appends `s` as a JSON string. Most strings (ids, labels, names) hold
/// nothing to escape: they are copied between quotes after one test of
/// eight bytes at a time; any other goes through `serde_json`'s own
/// escaping (writing a `&str` into a `Vec` cannot fail).
#[inline]
fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if needs_escape(bytes) {
        serde_json::to_writer(&mut *out, s).expect("writing a JSON string into memory cannot fail");
    } else {
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
    }
}

/// Whether `bytes` hold a byte that JSON escapes: a control character
/// (below `0x20`), `"` or `\`. Eight bytes are tested at a time, the last
/// word overlapping the one before; a string under eight bytes is tested
/// as two overlapping four-byte words, or byte by byte under four.
#[inline]
fn needs_escape(bytes: &[u8]) -> bool {
    let n = bytes.len();
    if n >= 8 {
        let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
        (0..n / 8).any(|k| escapes_in(word(8 * k))) || escapes_in(word(n - 8))
    } else if n >= 4 {
        // The upper half is filled with `a`, which needs no escape.
        let word = |at: usize| {
            let half = u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
            u64::from(half) | 0x6161_6161 << 32
        };
        escapes_in(word(0)) || escapes_in(word(n - 4))
    } else {
        bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\')
    }
}

/// Whether one of the eight bytes of `w` is one JSON escapes. Each test
/// is exact as a yes-or-no answer: a borrow can only mark bytes above one
/// that is found.
#[inline]
fn escapes_in(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte of `w` is below `n` (`n` at most 0x80).
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH != 0;
    below(w, 0x20)
        || below(w ^ (ONES * u64::from(b'"')), 1)
        || below(w ^ (ONES * u64::from(b'\\')), 1)
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

    /// A byte to escape at every place of strings one to three words
    /// long, around the eight-byte tests of [`needs_escape`].
    #[test]
    fn strings_to_escape_are_found_at_every_place() {
        let specials = ["\"", "\\", "\n", "\u{0}", "\u{1f}"];
        let plain = [" ", "a", "~", "\u{7f}", "é", "€"];
        for len in 0..24 {
            for at in 0..len {
                for c in specials.iter().chain(&plain) {
                    let s: String = (0..len).map(|k| if k == at { *c } else { "x" }).collect();
                    let mut out = Vec::new();
                    string(&mut out, &s);
                    assert_eq!(out, serde_json::to_vec(&s).unwrap(), "{s:?}");
                    assert_eq!(needs_escape(s.as_bytes()), specials.contains(c), "{s:?}");
                }
            }
        }
    }

    /// Every optional field of an amount, and decimals of every shape:
    /// the hand-written amount must be serde's byte for byte.
    #[test]
    fn amounts_are_written_like_serde_json() {
        use crate::document::{Amount, Entity, Label, Qualifier};
        use rust_decimal::Decimal;
        let d = |s: &str| Some(s.parse::<Decimal>().unwrap());
        let amount = |value, min, max, qualifier, currency_inferred| Amount {
            value,
            min,
            max,
            currency: "EUR".into(),
            qualifier,
            currency_inferred,
        };
        let amounts = [
            amount(d("1400000000"), None, None, None, false),
            amount(d("29.99"), None, None, Some(Qualifier::Approx), true),
            amount(d("1.50"), None, None, Some(Qualifier::MoreThan), false),
            amount(
                None,
                d("2000000"),
                d("3000000.5"),
                Some(Qualifier::LessThan),
                false,
            ),
            amount(None, d("0"), None, None, true),
            amount(None, None, d("-0.001"), None, false),
            amount(d("79228162514264337593543950335"), None, None, None, false),
            amount(d("-12"), d("-13"), d("-11"), None, false),
            amount(None, None, None, None, false),
        ];
        let entities = amounts
            .into_iter()
            .enumerate()
            .map(|(k, a)| Entity {
                id: format!("e{k}"),
                label: Label::Money,
                start: k,
                end: k + 1,
                char_start: k,
                char_end: k + 1,
                text: "1,4 milliard".into(),
                canonical: None,
                amount: Some(a),
                date: None,
                source: "rule:money".into(),
            })
            .collect();
        let doc = Document {
            entities,
            ..Document::default()
        };
        let (fast, serde) = both(&serde_json::json!("d"), &Map::new(), &doc);
        assert_eq!(fast, serde);
    }

    #[test]
    fn numbers_are_written_like_serde_json() {
        let mut numbers = vec![0, usize::MAX, usize::MAX / 10];
        // Around every power of ten: one digit more or less.
        let mut p = 1usize;
        while let Some(next) = p.checked_mul(10) {
            numbers.extend([p - 1, p, p + 1, next - 1]);
            p = next;
        }
        numbers.extend([7, 42, 99, 100, 12345, 123_456, 9_876_543]);
        for n in numbers {
            let mut buf = [0u8; 20];
            let len = decimal(&mut buf, n);
            assert_eq!(buf[..len], serde_json::to_vec(&n).unwrap(), "{n}");
        }
        let mut out = Vec::new();
        offsets(&mut out, [0, 12345, usize::MAX, 9]);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!(
                "\"start\":0,\"end\":12345,\"char_start\":{},\"char_end\":9",
                usize::MAX
            )
        );
    }

    /// Every optional field of relations and events, set and unset, and
    /// strings that need escaping: the hand-written parts of the record
    /// must be serde's byte for byte.
    #[test]
    fn relations_and_events_are_written_like_serde_json() {
        use crate::document::{Arg, Event, Modality, Polarity, Relation, Sentence, Trigger};
        let span = |n: usize| Trigger {
            text: format!("quitté \"{n}\"\n"),
            start: n,
            end: n + 10,
            char_start: n,
            char_end: n + 9,
        };
        let sentence = Sentence {
            start: 0,
            end: 120,
            char_start: 0,
            char_end: 118,
        };
        let relation = |org: Option<&str>, org_guessed| Relation {
            kind: "ROLE_OF".into(),
            person: "e1".into(),
            role: "e\\2".into(),
            org: org.map(String::from),
            org_guessed,
        };
        let event = |evidence: Vec<Trigger>, args: Vec<(&str, Arg)>, polarity, modality| Event {
            kind: "DEPARTURE".into(),
            trigger: span(3),
            evidence,
            sentence,
            args: args.into_iter().map(|(k, v)| (k.to_string(), v)).collect(),
            polarity,
            modality,
            rule: "departure/quitter\t".into(),
        };
        let doc = Document {
            entities: Vec::new(),
            relations: vec![
                relation(None, false),
                relation(Some("e3"), false),
                relation(Some("e3"), true),
            ],
            events: vec![
                event(
                    Vec::new(),
                    Vec::new(),
                    Polarity::Positive,
                    Modality::Asserted,
                ),
                event(
                    vec![span(40), span(80)],
                    vec![
                        ("person", Arg::One("e1".into())),
                        ("founder", Arg::Many(vec!["e1".into(), "e\"4".into()])),
                        ("investors", Arg::Many(Vec::new())),
                        ("purpose", Arg::Text(span(12))),
                    ],
                    Polarity::Negative,
                    Modality::Planned,
                ),
                event(
                    vec![span(9)],
                    Vec::new(),
                    Polarity::Positive,
                    Modality::Hypothetical,
                ),
            ],
            sentences: vec![sentence, sentence],
        };
        for d in [&doc, &Document::default()] {
            let (fast, serde) = both(&serde_json::json!("d"), &Map::new(), d);
            assert_eq!(fast, serde);
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
            "Kalvia investira 3 M€ dans la rénovation de ses bureaux.",
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
