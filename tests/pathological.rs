//! Pathological inputs (issue #9): each must give a valid document (see
//! `invariants::check_document`) with sensible content. These tests assert
//! correctness, not time; `benches/pathological.rs` checks that the time
//! grows linearly with the input.

mod invariants;

use frextract::{Document, Label};
use invariants::extract_checked;

fn texts(doc: &Document, label: Label) -> Vec<&str> {
    doc.entities_with(label).map(|e| e.text.as_str()).collect()
}

/// The sentence the other tests hide among garbage, and what it holds.
const SENTENCE: &str = "Jean Dupont a quitté OpenAI.";

fn has_the_sentence_entities(doc: &Document) -> bool {
    texts(doc, Label::Person) == ["Jean Dupont"] && texts(doc, Label::Org) == ["OpenAI"]
}

#[test]
fn the_hidden_sentence_alone() {
    assert!(has_the_sentence_entities(&extract_checked(SENTENCE)));
}

#[test]
fn ten_megabytes_of_one_lowercase_word() {
    let text = "abcdéfghij".repeat(1_000_000);
    assert!(text.len() > 10_000_000);
    let doc = extract_checked(&text);
    assert_eq!(doc.entities, []);
    assert_eq!(doc.sentences.len(), 1);
    assert_eq!(
        (doc.sentences[0].start, doc.sentences[0].end),
        (0, text.len())
    );
}

#[test]
fn ten_megabytes_without_whitespace() {
    // Every kind of token, glued: names, numbers, currencies, elisions, quotes.
    let text = "OpenAI1,5M€d'«Jean»-Dupont.PDG(2024)".repeat(10_000_000 / 36 + 1);
    assert!(text.len() > 10_000_000);
    extract_checked(&text);
}

#[test]
fn ten_megabytes_of_digits() {
    let text = "1234567890".repeat(1_000_000);
    let doc = extract_checked(&text);
    assert_eq!(doc.entities, [], "a 10 MB number is no amount");
}

#[test]
fn a_million_titles() {
    let text = "M. ".repeat(1_000_000);
    let doc = extract_checked(&text);
    assert_eq!(
        texts(&doc, Label::Person),
        Vec::<&str>::new(),
        "titles without a name are no person"
    );
    let text = format!("{text}{SENTENCE}");
    let doc = extract_checked(&text);
    assert_eq!(texts(&doc, Label::Person), ["Jean Dupont"]);
    assert_eq!(texts(&doc, Label::Org), ["OpenAI"]);
}

#[test]
fn a_hundred_thousand_capitalised_words() {
    let words = [
        "Jean",
        "Dupont",
        "Marie",
        "Curie",
        "Abel",
        "Zorn",
        "Société",
        "Générale",
    ];
    let text: Vec<&str> = (0..100_000).map(|k| words[k * 7 % words.len()]).collect();
    let text = format!("{}. {SENTENCE}", text.join(" "));
    let doc = extract_checked(&text);
    // Names stay names: no entity swallows the run.
    let longest = doc.entities.iter().map(|e| e.text.split(' ').count()).max();
    assert!(
        longest.is_some_and(|w| w <= 5),
        "longest entity: {longest:?} words"
    );
    let last_sentence = text.len() - SENTENCE.len();
    let tail: Vec<(Label, &str)> = doc
        .entities
        .iter()
        .filter(|e| e.start >= last_sentence)
        .map(|e| (e.label, e.text.as_str()))
        .collect();
    assert_eq!(
        tail,
        [(Label::Person, "Jean Dupont"), (Label::Org, "OpenAI")]
    );
}

#[test]
fn deeply_nested_quotes() {
    for (open, close) in [
        ("«", "»"),
        ("“", "”"),
        ("\"", "\""),
        ("(", ")"),
        ("« “ (", ") ” »"),
    ] {
        let depth = 10_000;
        let text = format!("{}{SENTENCE}{}", open.repeat(depth), close.repeat(depth));
        let doc = extract_checked(&text);
        assert!(
            has_the_sentence_entities(&doc),
            "{open}: {:?}",
            doc.entities
        );
    }
}

/// The Unicode White_Space characters that separate words on a line
/// (U+202F too, which UAX #29 treats as a joiner inside words).
const HORIZONTAL_SPACES: &[char] = &[
    ' ', '\t', '\u{a0}', '\u{1680}', '\u{2000}', '\u{2001}', '\u{2002}', '\u{2003}', '\u{2004}',
    '\u{2005}', '\u{2006}', '\u{2007}', '\u{2008}', '\u{2009}', '\u{200a}', '\u{202f}', '\u{205f}',
    '\u{3000}',
];

/// The other White_Space characters (line breaks), and invisible
/// characters that are not White_Space.
const OTHER_SPACES: &[char] = &[
    '\n', '\u{b}', '\u{c}', '\r', '\u{85}', '\u{2028}', '\u{2029}', '\u{200b}', '\u{200c}',
    '\u{200d}', '\u{2060}', '\u{feff}', '\u{180e}',
];

#[test]
fn every_unicode_space() {
    for &space in HORIZONTAL_SPACES {
        let text = SENTENCE.replace(' ', &space.to_string());
        let doc = extract_checked(&text);
        let name = format!("Jean{space}Dupont");
        assert_eq!(texts(&doc, Label::Person), [name.as_str()], "{space:?}");
        assert_eq!(texts(&doc, Label::Org), ["OpenAI"], "{space:?}");
    }
    for &space in OTHER_SPACES {
        extract_checked(&SENTENCE.replace(' ', &space.to_string()));
        extract_checked(&SENTENCE.replace(' ', &format!(" {space}")));
    }
    // French typography: a narrow no-break space after `«`, before `»`,
    // `;`, `:`, `!`, `?`, and between groups of thousands. It reads like
    // a space.
    let text = "«\u{202f}Jean Dupont a quitté OpenAI\u{202f}!\u{202f}» Il touchait 1\u{202f}400\u{202f}000\u{202f}€\u{202f}; Marie Curie\u{202f}: non\u{202f}?";
    let doc = extract_checked(text);
    assert_eq!(texts(&doc, Label::Person), ["Jean Dupont", "Marie Curie"]);
    assert_eq!(texts(&doc, Label::Org), ["OpenAI"]);
    assert_eq!(
        texts(&doc, Label::Money),
        ["1\u{202f}400\u{202f}000\u{202f}€"]
    );
    let spaced = text.replace('\u{202f}', " ");
    let entities = |doc: &Document| -> Vec<(Label, String)> {
        let entities = doc.entities.iter();
        entities
            .map(|e| (e.label, e.text.replace('\u{202f}', " ")))
            .collect()
    };
    assert_eq!(entities(&doc), entities(&extract_checked(&spaced)));
    let all: String = HORIZONTAL_SPACES.iter().chain(OTHER_SPACES).collect();
    let doc = extract_checked(&all.repeat(1000));
    assert_eq!(doc.entities, []);
}

#[test]
fn every_apostrophe() {
    // The apostrophes of `normalize::is_apostrophe` elide; the look-alikes
    // must at least give valid spans.
    for ap in ['\'', '’', '‘', 'ʼ', '＇'] {
        let text = format!("Jean Dupont a quitté l{ap}entreprise d{ap}OpenAI.");
        let doc = extract_checked(&text);
        assert!(
            has_the_sentence_entities(&doc),
            "{ap:?}: {:?}",
            doc.entities
        );
    }
    for ap in ['´', '`', '′', 'ʹ', '‛', '"'] {
        extract_checked(&format!(
            "Jean Dupont a quitté l{ap}entreprise d{ap}OpenAI."
        ));
    }
}

#[test]
fn right_to_left_text() {
    let arabic = "أعلنت الشركة يوم الاثنين عن استقالة مديرها العام بعد خمس سنوات.";
    let hebrew = "החברה הודיעה ביום שני על התפטרות המנכ\"ל שלה.";
    for text in [arabic, hebrew] {
        assert_eq!(
            extract_checked(text).entities,
            [],
            "no names without capitals"
        );
    }
    // French between bidirectional controls and right-to-left text.
    for (open, close) in [
        ("\u{202b}", "\u{202c}"),
        ("\u{202e}", "\u{202c}"),
        ("\u{2067}", "\u{2069}"),
        ("\u{200f}", "\u{200f}"),
    ] {
        let text = format!("{arabic} {open}{SENTENCE}{close} {hebrew}");
        let doc = extract_checked(&text);
        assert!(
            has_the_sentence_entities(&doc),
            "{open:?}: {:?}",
            doc.entities
        );
    }
}

#[test]
fn nul_and_control_characters() {
    let controls: String = (0u32..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect();
    assert_eq!(extract_checked(&controls.repeat(1000)).entities, []);
    let text = format!("\0{SENTENCE}\0\u{1b}[0m\u{7f}");
    assert!(has_the_sentence_entities(&extract_checked(&text)));
    // A control character between words is not a space (`Jean\0Dupont` is
    // no name), but the sentence around it is still read.
    for c in controls.chars() {
        let doc = extract_checked(&SENTENCE.replace(' ', &c.to_string()));
        assert_eq!(texts(&doc, Label::Org).last(), Some(&"OpenAI"), "{c:?}");
    }
}

#[test]
fn one_sentence_of_many_triggers() {
    // No full stop: half a megabyte of one sentence, a trigger every five
    // words. Every mention is the same departure, merged with its evidence
    // (the time is bounded by the engine's reach, checked by the
    // `unicode_spaces` and `right_to_left` benchmarks).
    let text = "Jean Dupont a quitté OpenAI, ".repeat(20_000);
    let doc = extract_checked(&text);
    assert_eq!(doc.events.len(), 1);
    let ev = &doc.events[0];
    assert_eq!(ev.kind, "DEPARTURE");
    assert_eq!(ev.evidence.len(), 19_999);
    let name = |slot: &str| match ev.args.get(slot) {
        Some(frextract::Arg::One(id)) => doc.entity(id).unwrap().text.clone(),
        other => panic!("{slot}: {other:?}"),
    };
    assert_eq!(name("person"), "Jean Dupont");
    assert_eq!(name("org"), "OpenAI");
}
