//! Property tests (issue #9): whatever the text, `extract` does not panic,
//! returns valid spans (see `invariants::check_document`), is deterministic
//! (also across rayon thread counts), and finds the same entities in a
//! document whether it stands alone or is embedded between other
//! paragraphs.
//!
//! Two kinds of input: arbitrary Unicode strings, and French-like text built
//! from the pieces the recognisers care about (names, numbers with spaces
//! and no-break spaces, currencies, apostrophes, quotes, line breaks), which
//! reaches far more of the pipeline than random characters do.
//!
//! The case counts keep the whole file within a few seconds in release mode.

mod invariants;

use frextract::{Arg, Document, Entity, Trigger};
use invariants::{check_document, extractor};
use proptest::prelude::*;

/// Pieces of French news text, joined by [`separator`]s.
fn piece() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "et",
        "à",
        "a",
        "est",
        "sont",
        "qui",
        "pour",
        "avec",
        "son",
        "sa",
        "ses",
        "chez",
        "par",
        "selon",
        "entre",
        "environ",
        "près de",
        "plus de",
        "moins de",
        "quelque",
        "jusqu'à",
        "quitté",
        "quitte",
        "rejoint",
        "rejoindre",
        "nommé",
        "nommée",
        "démissionne",
        "départ",
        "limogé",
        "fondé",
        "fondée",
        "racheté",
        "rachat",
        "lève",
        "levé",
        "levée de fonds",
        "poursuit",
        "plainte",
        "dépensé",
        "perte",
        "chiffre d'affaires",
        "congé",
        "n'a pas",
        "pourrait",
        "envisage de",
        "président",
        "présidente",
        "directeur général",
        "directrice financière",
        "PDG",
        "CEO",
        "cofondateur",
        "ministre",
        "porte-parole",
        "société",
        "groupe",
        "entreprise",
        "start-up",
        "million",
        "millions",
        "milliard",
        "milliards",
        "mille",
        "cent",
        "vingt",
        "quatre-vingt-dix",
        "soixante et onze",
        "hier",
        "lundi",
        "mars",
        "janvier",
        "2024",
        "l'année dernière",
        "le 3 mars 2024",
        "en 2023",
        "au premier trimestre",
    ];
    const NAMES: &[&str] = &[
        "M.",
        "Mme",
        "Dr",
        "Jean",
        "Marie",
        "Greg Brockman",
        "Sam Altman",
        "John Schulman",
        "Jean-Baptiste",
        "Dupont",
        "de Gaulle",
        "OpenAI",
        "Anthropic",
        "Airbus",
        "Google",
        "Microsoft",
        "BNP Paribas",
        "Renault",
        "AMF",
        "Paris",
        "France",
        "Inc.",
        "SAS",
    ];
    const CURRENCIES: &[&str] = &[
        "€",
        "$",
        "euros",
        "euro",
        "dollars",
        "de dollars",
        "d'euros",
        "M€",
        "Md€",
        "k€",
        "USD",
        "EUR",
        "francs suisses",
        "livres sterling",
        "US$",
        "centimes",
    ];
    const PUNCT: &[&str] = &[
        ",", ".", ";", ":", "!", "?", "…", "-", "–", "—", "(", ")", "«", "»", "« ", " »", "\"",
        "“", "”", "’", "'", "d’", "l’", "qu’", "d'", "l'", "%", "•", "/", "&",
    ];
    prop_oneof![
        3 => proptest::sample::select(WORDS).prop_map(str::to_string),
        2 => proptest::sample::select(NAMES).prop_map(str::to_string),
        1 => "[A-ZÉ][a-zéèêëàçîïôû]{1,9}(-[A-Z][a-zé]{1,6})?",
        1 => "[A-Z]{2,5}",
        1 => number(),
        1 => proptest::sample::select(CURRENCIES).prop_map(str::to_string),
        2 => proptest::sample::select(PUNCT).prop_map(str::to_string),
    ]
}

/// Numbers as written in French text: thousands grouped by spaces, no-break
/// spaces or dots, decimal commas, signs.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,4}",
        "[1-9][0-9]{0,2}([ \u{a0}\u{202f}.][0-9]{3}){1,4}(,[0-9]{1,2})?",
        "-?[0-9]{1,3},[0-9]{1,3}",
        "[0-9]{1,3}[kKM]",
        "[0-9]{30,40}",
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(
        &[
            " ", " ", " ", " ", "", "\u{a0}", "\u{202f}", "\n", "\n\n", "\t", "  ",
        ][..],
    )
}

/// French-like text: up to 60 pieces.
fn french_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((piece(), separator()), 0..60)
        .prop_map(|parts| parts.into_iter().map(|(p, s)| p + s).collect::<String>())
}

/// Any Unicode text, biased towards the characters tokenizers stumble on.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "\\PC{0,200}",
        "[a-zA-Z0-9 .,'’«»\u{a0}\u{202f}\u{200b}\u{feff}\u{301}\u{0}-\u{1f}\u{600}-\u{6ff}€$\n-]{0,200}",
    ]
}

/// Paragraphs with no entity, no event trigger and no number: put around a
/// document, they must not change what is found in it.
fn neutral_paragraph() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(
        &[
            "Il faisait beau.",
            "Rien ne s'est passé depuis.",
            "La suite est à lire dans notre prochaine édition.",
            "Voici ce que nous savons.",
        ][..],
    )
}

#[test]
fn neutral_paragraphs_are_neutral() {
    let text = "Il faisait beau.\n\nRien ne s'est passé depuis.\n\nLa suite est à lire dans notre prochaine édition.\n\nVoici ce que nous savons.";
    let doc = extractor().extract(text);
    assert_eq!(doc.entities, [], "{text}");
    assert_eq!(doc.sentences.len(), 4);
}

/// Checks `text`'s document, and that a second extraction gives the same.
fn check(text: &str) -> Result<Document, TestCaseError> {
    let doc = extractor().extract(text);
    check_document(text, &doc).map_err(TestCaseError::fail)?;
    prop_assert_eq!(&extractor().extract(text), &doc, "not deterministic");
    Ok(doc)
}

fn shift_trigger(t: &mut Trigger, bytes: usize, chars: usize) {
    t.start -= bytes;
    t.end -= bytes;
    t.char_start -= chars;
    t.char_end -= chars;
}

/// `text` between neutral paragraphs gives `doc` shifted: same entities,
/// relations and events with offsets moved by the prefix.
fn check_embedded(
    text: &str,
    doc: &Document,
    before: &str,
    after: &str,
) -> Result<(), TestCaseError> {
    let prefix = format!("{before}\n\n");
    let big_text = format!("{prefix}{text}\n\n{after}");
    let mut big = extractor().extract(&big_text);
    check_document(&big_text, &big).map_err(TestCaseError::fail)?;
    let (bytes, chars) = (prefix.len(), prefix.chars().count());
    for e in &mut big.entities {
        prop_assert!(
            e.start >= bytes && e.end <= bytes + text.len(),
            "entity {:?} outside the document",
            e.text
        );
        e.start -= bytes;
        e.end -= bytes;
        e.char_start -= chars;
        e.char_end -= chars;
    }
    for ev in &mut big.events {
        shift_trigger(&mut ev.trigger, bytes, chars);
        for t in &mut ev.evidence {
            shift_trigger(t, bytes, chars);
        }
        // A text argument (`purpose`) is a span of the text too.
        for arg in ev.args.values_mut() {
            if let Arg::Text(span) = arg {
                shift_trigger(span, bytes, chars);
            }
        }
        ev.sentence.start -= bytes;
        ev.sentence.end -= bytes;
        ev.sentence.char_start -= chars;
        ev.sentence.char_end -= chars;
    }
    prop_assert_eq!(&big.entities, &doc.entities);
    prop_assert_eq!(&big.relations, &doc.relations);
    prop_assert_eq!(&big.events, &doc.events);
    Ok(())
}

/// A text argument moves with its document: proptest met one
/// (`chez dépensé M€ 0 à d’`) whose `purpose` the embedding check had left
/// unshifted.
#[test]
fn a_text_argument_moves_with_its_document() {
    let text = "La société a dépensé 3 millions d'euros à la rénovation du siège.";
    let doc = check(text).unwrap();
    assert!(
        doc.events
            .iter()
            .any(|e| matches!(e.args.get("purpose"), Some(Arg::Text(_)))),
        "{:?}",
        doc.events
    );
    check_embedded(text, &doc, "Il faisait beau.", "Il faisait beau.").unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Valid spans, deterministic, the same when embedded: any Unicode.
    #[test]
    fn any_unicode_text_keeps_the_invariants(text in any_text(), before in neutral_paragraph(), after in neutral_paragraph()) {
        let doc = check(&text)?;
        check_embedded(&text, &doc, before, after)?;
    }

    /// The same for French-like text.
    #[test]
    fn french_like_text_keeps_the_invariants(text in french_text(), before in neutral_paragraph(), after in neutral_paragraph()) {
        let doc = check(&text)?;
        check_embedded(&text, &doc, before, after)?;
    }
}

/// Text full of hyphens, signs, clitics and letters that fold to a
/// hyphen, glued or spaced at random.
fn hyphenated_text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "dit", "-", "il", "t", "on", "quatre", "vingt", "\u{2c9}", "\u{2010}", " ", "M", ".", "3",
        "400", "+", "\u{2212}", "Jean", "ex", "GPT", "l'", "\u{303b}", "é", ",",
    ];
    proptest::collection::vec(proptest::sample::select(PIECES), 0..40)
        .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// `flags::HYPHENATED` says exactly which tokens' folded forms hold a
    /// `-`, however the tokens were made (money trusts it).
    #[test]
    fn hyphenated_flag_is_exact(text in prop_oneof![any_text(), french_text(), hyphenated_text()]) {
        use frextract::tokenize::{flags, tokenize, TokenizerConfig};
        let mut cfg = TokenizerConfig::default();
        for e in ["l", "d", "qu"] {
            cfg.elisions.insert(e.into());
        }
        for c in ["t", "il", "elle", "on"] {
            cfg.clitics.insert(c.into());
        }
        cfg.abbreviations.insert("M".into(), false);
        cfg.hyphen_prefixes.insert("ex".into());
        let toks = tokenize(&text, &cfg);
        for (i, t) in toks.tokens.iter().enumerate() {
            prop_assert_eq!(t.has(flags::HYPHENATED), toks.fold(i).contains('-'), "{:?}", toks.fold(i));
        }
    }
}

/// A name and a way to break a valid document.
type Breakage = (&'static str, fn(&mut Document));

/// The checks are not vacuous: each broken invariant is caught.
#[test]
fn check_document_catches_broken_documents() {
    let text = "Le PDG Sam Altman a quitté OpenAI, qui a levé 1,4 milliard de dollars.";
    let doc = extractor().extract(text);
    check_document(text, &doc).unwrap();
    assert!(doc.entities.len() >= 4 && !doc.events.is_empty() && !doc.relations.is_empty());
    let broken: Vec<Breakage> = vec![
        ("off boundary", (|d| d.entities[0].end += 1)),
        ("wrong char offset", (|d| d.entities[1].char_start += 1)),
        (
            "overlap",
            (|d| {
                let e = d.entities[0].clone();
                d.entities.insert(
                    1,
                    Entity {
                        id: "e99".into(),
                        ..e
                    },
                );
            }),
        ),
        (
            "dangling argument",
            (|d| {
                d.events[0]
                    .args
                    .insert("person".into(), frextract::Arg::One("e99".into()));
            }),
        ),
        (
            "dangling relation",
            (|d| d.relations[0].role = "e99".into()),
        ),
        ("trigger text", (|d| d.events[0].trigger.text.push('x'))),
    ];
    for (what, breaks) in broken {
        let mut d = doc.clone();
        breaks(&mut d);
        assert!(check_document(text, &d).is_err(), "{what} not caught");
    }
}

/// The generator reaches the recognisers: most texts have entities, and
/// every label, relations and events all occur.
#[test]
fn french_text_reaches_every_stage() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let (mut with_entities, mut relations, mut events) = (0, 0, 0);
    let mut labels = std::collections::BTreeSet::new();
    for _ in 0..500 {
        let text = french_text().new_tree(&mut runner).unwrap().current();
        let doc = extractor().extract(&text);
        with_entities += usize::from(!doc.entities.is_empty());
        labels.extend(doc.entities.iter().map(|e| e.label.as_str()));
        relations += doc.relations.len();
        events += doc.events.len();
    }
    eprintln!("{with_entities}/500 texts with entities, {relations} relations, {events} events, labels {labels:?}");
    assert!(
        with_entities > 250,
        "{with_entities}/500 texts with entities"
    );
    assert_eq!(labels.len(), 5, "{labels:?}");
    assert!(
        relations > 0 && events > 0,
        "{relations} relations, {events} events"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    /// `extract_batch` on pools of 1 and 2 threads gives what extracting
    /// one text after the other gives.
    #[test]
    fn batches_do_not_depend_on_thread_count(
        texts in proptest::collection::vec(french_text(), 0..24),
    ) {
        let sequential: Vec<Document> = texts.iter().map(|t| extractor().extract(t)).collect();
        for threads in [1, 2] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let batch = pool.install(|| extractor().extract_batch(&texts));
            prop_assert_eq!(&batch, &sequential, "{} thread(s)", threads);
        }
    }
}
