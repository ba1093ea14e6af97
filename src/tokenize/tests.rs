use super::*;

fn cfg() -> TokenizerConfig {
    let mut c = TokenizerConfig::default();
    for e in [
        "l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu",
    ] {
        c.elisions.insert(e.into());
    }
    for (a, end) in [
        ("M", false),
        ("Mme", false),
        ("Dr", false),
        ("Inc", true),
        ("etc", true),
        ("cf", false),
    ] {
        c.abbreviations.insert(a.into(), end);
    }
    for p in ["t", "il", "elle", "on", "ils", "vous", "le"] {
        c.clitics.insert(p.into());
    }
    c.hyphen_words.insert("rendez-vous".into());
    c.hyphen_prefixes.insert("ex".into());
    c.glue_suffixes = vec!["qui".into(), "que".into()];
    for w in ["le", "la", "les", "selon"] {
        c.stopwords.insert(w.into());
    }
    for w in ["openai", "techcrunch", "usd", "bill"] {
        c.known_words.insert(w.into());
    }
    c.known_lower.insert("derniere".into());
    c.glue_suffixes.push("et".into());
    c
}

fn words(text: &str) -> Vec<&str> {
    tokenize(text, &cfg())
        .tokens
        .iter()
        .map(|t| t.text(text))
        .collect()
}

fn kinds(text: &str) -> Vec<TokenKind> {
    tokenize(text, &cfg())
        .tokens
        .iter()
        .map(|t| t.kind)
        .collect()
}

#[test]
fn elision_is_split_with_straight_and_curly_apostrophes() {
    assert_eq!(words("d'OpenAI"), ["d'", "OpenAI"]);
    assert_eq!(words("d’OpenAI"), ["d’", "OpenAI"]);
    assert_eq!(kinds("l'IA"), [TokenKind::Elision, TokenKind::Word]);
    for (text, first) in [
        ("l'entreprise", "l'"),
        ("qu'il", "qu'"),
        ("j'ai", "j'"),
        ("n'a", "n'"),
        ("s'est", "s'"),
        ("c'est", "c'"),
        ("m'a", "m'"),
        ("t'a", "t'"),
        ("jusqu'à", "jusqu'"),
        ("lorsqu'elle", "lorsqu'"),
        ("puisqu'il", "puisqu'"),
        ("D'autres", "D'"),
    ] {
        assert_eq!(words(text)[0], first, "{text}");
        assert_eq!(words(text).len(), 2, "{text}");
    }
}

#[test]
fn non_elided_apostrophes_stay_inside_words() {
    assert_eq!(words("aujourd'hui"), ["aujourd'hui"]);
    assert_eq!(words("O'Brien"), ["O'Brien"]);
    assert_eq!(words("d'aujourd'hui"), ["d'", "aujourd'hui"]);
}

#[test]
fn numbers_keep_decimal_comma_and_thousands_separators() {
    assert_eq!(words("1 400 000,50 euros"), ["1 400 000,50", "euros"]);
    assert_eq!(words("1\u{00A0}400 euros"), ["1\u{00A0}400", "euros"]);
    assert_eq!(
        words("1\u{202F}400\u{202F}000 euros"),
        ["1\u{202F}400\u{202F}000", "euros"]
    );
    assert_eq!(words("1.400.000 euros"), ["1.400.000", "euros"]);
    assert_eq!(words("1,4 milliard"), ["1,4", "milliard"]);
    assert_eq!(kinds("1 400 000,50"), [TokenKind::Number]);
}

#[test]
fn narrow_no_break_space_separates_words_but_not_thousands() {
    // UAX #29 joins letters and digits across U+202F; French does not.
    let nnbsp = |s: &str| s.replace('_', "\u{202F}");
    let text = nnbsp("Jean_Dupont");
    assert_eq!(words(&text), ["Jean", "Dupont"]);
    let toks = tokenize(&text, &cfg());
    assert!(toks.tokens[1].has(flags::SPACE_BEFORE));
    // French typography: after `«`, before `» ; : ! ?`.
    let text = nnbsp("«_Bonjour_» : oui_; non_! Pourquoi_? 2024_: fin");
    assert_eq!(
        words(&text),
        ["«", "Bonjour", "»", ":", "oui", ";", "non", "!", "Pourquoi", "?", "2024", ":", "fin"]
    );
    // Thousands stay one number, also before a word or a symbol.
    let text = nnbsp("1_400_000_€ et 2_500_000,50_euros en 2024_Paris");
    assert_eq!(
        words(&text),
        [
            &nnbsp("1_400_000") as &str,
            "€",
            "et",
            &nnbsp("2_500_000,50"),
            "euros",
            "en",
            "2024",
            "Paris"
        ]
    );
    // Runs of them, at the edges, and glued to other joiners.
    assert_eq!(words(&nnbsp("__a__b__")), ["a", "b"]);
    assert_eq!(words(&nnbsp("a_b_c_d")), ["a", "b", "c", "d"]);
    assert_eq!(words(&nnbsp("snake_case__x")), ["snake", "case", "x"]);
}

#[test]
fn years_and_phone_numbers_are_not_glued_as_thousands() {
    assert_eq!(
        words("en 2024 200 salariés"),
        ["en", "2024", "200", "salariés"]
    );
    assert_eq!(words("01 23 45"), ["01", "23", "45"]);
}

#[test]
fn signed_and_ordinal_numbers() {
    assert_eq!(
        words("recul de -3,2 points"),
        ["recul", "de", "-3,2", "points"]
    );
    assert_eq!(words("+5 %"), ["+5", "%"]);
    assert_eq!(words("le 1er janvier"), ["le", "1er", "janvier"]);
    assert_eq!(kinds("3e"), [TokenKind::Ordinal]);
    assert_eq!(kinds("2ème"), [TokenKind::Ordinal]);
    // A range dash is not a sign.
    assert_eq!(words("10-15 M€"), ["10", "-", "15", "M", "€"]);
}

#[test]
fn units_glued_to_numbers_are_split() {
    assert_eq!(words("450M€"), ["450", "M", "€"]);
    assert_eq!(words("3,5Md€"), ["3,5", "Md", "€"]);
    assert_eq!(words("10K$"), ["10", "K", "$"]);
    assert_eq!(words("USD1,23"), ["USD", "1,23"]);
    assert_eq!(words("A350"), ["A350"]);
    assert_eq!(words("CO2"), ["CO2"]);
}

#[test]
fn hyphenated_words_and_names_stay_whole() {
    assert_eq!(words("Jean-Baptiste"), ["Jean-Baptiste"]);
    assert_eq!(
        words("président-directeur général"),
        ["président-directeur", "général"]
    );
    assert_eq!(words("quatre-vingt-dix-neuf"), ["quatre-vingt-dix-neuf"]);
    assert_eq!(words("GPT-4o"), ["GPT-4", "o"]);
    assert_eq!(words("rendez-vous"), ["rendez-vous"]);
    assert_eq!(words("mi-2025"), ["mi", "-", "2025"]);
    // A listed prefix stays apart so that the title after it is found.
    assert_eq!(words("l'ex-directrice"), ["l'", "ex", "-", "directrice"]);
}

#[test]
fn verb_pronoun_inversion_is_split() {
    assert_eq!(words("Médite-t-il ?"), ["Médite", "-t-il", "?"]);
    assert_eq!(words("dit-elle"), ["dit", "-elle"]);
    // A pronoun glued between two hyphens is part of a compound name.
    assert_eq!(
        words("Lons-le-Saunier, Aix-les-Bains, Châlons-en-Champagne"),
        [
            "Lons-le-Saunier",
            ",",
            "Aix-les-Bains",
            ",",
            "Châlons-en-Champagne"
        ]
    );
    assert_eq!(kinds("pense-t-on"), [TokenKind::Word, TokenKind::Clitic]);
}

#[test]
fn abbreviations_and_initials_keep_their_dot() {
    assert_eq!(words("M. Schulman"), ["M.", "Schulman"]);
    assert_eq!(
        words("Safe Superintelligence Inc. qui"),
        ["Safe", "Superintelligence", "Inc.", "qui"]
    );
    assert_eq!(words("J. Dupont"), ["J.", "Dupont"]);
    assert_eq!(words("cf. infra"), ["cf.", "infra"]);
    // A capital letter ending a sentence is not an initial.
    assert_eq!(
        words("le plan B. Le lendemain"),
        ["le", "plan", "B", ".", "Le", "lendemain"]
    );
}

#[test]
fn glued_words_are_split_on_known_left_parts() {
    assert_eq!(
        words("que OpenAILes coûts"),
        ["que", "OpenAI", "Les", "coûts"]
    );
    assert_eq!(words("TechCrunchNous ne"), ["TechCrunch", "Nous", "ne"]);
    assert_eq!(words("OpenAIDémonstration"), ["OpenAI", "Démonstration"]);
    assert_eq!(
        words("l'année dernièrequi a vu"),
        ["l'", "année", "dernière", "qui", "a", "vu"]
    );
    // Unknown left parts and known whole words stay whole.
    assert_eq!(words("DailyAI"), ["DailyAI"]);
    assert_eq!(words("OpenAI"), ["OpenAI"]);
    assert_eq!(words("presque"), ["presque"]);
    // Proper names never split a lowercase word: `billet` is not `Bill` + `et`.
    assert_eq!(words("un billet"), ["un", "billet"]);
}

#[test]
fn folded_forms_are_laid_out_for_automata() {
    let toks = tokenize("Société Générale d’OpenAI", &cfg());
    assert_eq!(toks.folded, " societe generale d' openai ");
    assert_eq!(toks.fold(3), "openai");
    assert_eq!(
        toks.token_at_fold(toks.tokens[1].fold_start as usize),
        Some(1)
    );
}

fn sentences(text: &str) -> Vec<&str> {
    let toks = tokenize(text, &cfg());
    toks.sentences
        .iter()
        .map(|s| &text[s.start_byte as usize..s.end_byte as usize])
        .collect()
}

#[test]
fn sentences_end_at_terminal_punctuation_not_abbreviations() {
    assert_eq!(
        sentences("M. Schulman part. Il rejoint Anthropic ! Pourquoi ? Nul ne sait."),
        [
            "M. Schulman part.",
            "Il rejoint Anthropic !",
            "Pourquoi ?",
            "Nul ne sait."
        ]
    );
    assert_eq!(
        sentences("Selon J. Dupont, tout va bien."),
        ["Selon J. Dupont, tout va bien."]
    );
    assert_eq!(
        sentences("Des vins, des fruits, etc. Le reste suit."),
        ["Des vins, des fruits, etc.", "Le reste suit."]
    );
    assert_eq!(
        sentences("Il a signé avec Safe Superintelligence Inc. qui recrute."),
        ["Il a signé avec Safe Superintelligence Inc. qui recrute."]
    );
}

#[test]
fn sentences_and_quotes() {
    assert_eq!(
        sentences("« Nous partons. » Il a raison. « Pourquoi ? » demande-t-il."),
        [
            "« Nous partons. »",
            "Il a raison.",
            "« Pourquoi ? » demande-t-il."
        ]
    );
    assert_eq!(
        sentences("Il a dit : \"Je pars.\" Puis il est parti."),
        ["Il a dit : \"Je pars.\"", "Puis il est parti."]
    );
}

#[test]
fn headings_and_bullets_are_sentences() {
    assert_eq!(
        sentences("John Schulman : Cofondateur\n\nLe départ.\n  • Ilya Sutskever - Cofondateur\n  • Jan Leike - Responsable"),
        ["John Schulman : Cofondateur", "Le départ.", "• Ilya Sutskever - Cofondateur", "• Jan Leike - Responsable"]
    );
    assert_eq!(
        sentences("PDF GRATUIT\nGardez une longueur"),
        ["PDF GRATUIT", "Gardez une longueur"]
    );
    // A hard-wrapped line goes on; a blank line ends a paragraph, on the
    // ASCII pass and on the general one (an unknown character `✓` sends its
    // chunk there), with spaces or CRs on the blank line.
    assert_eq!(
        sentences("Il a quitté\nla société hier."),
        ["Il a quitté\nla société hier."]
    );
    for text in [
        "Il a quitté\n\nla société hier.",
        "Il a quitté\r\n  \r\nla société hier.",
        "Il a quitté ✓\n\nla société hier.",
    ] {
        assert_eq!(sentences(text).len(), 2, "{text:?}");
    }
}

#[test]
fn empty_and_whitespace_texts() {
    assert!(tokenize("", &cfg()).tokens.is_empty());
    assert!(tokenize(" \n\t ", &cfg()).sentences.is_empty());
}

#[test]
fn plain_words_are_exactly_the_tokens() {
    let cfg = cfg();
    for s in [
        "Caisse des Dépôts",
        "Électricité de France",
        "société",
        "Paris",
        "président directeur",
        "Ça",
    ] {
        let words: Vec<&str> = plain_words(s, &cfg)
            .unwrap_or_else(|| panic!("{s:?} is plain"))
            .collect();
        let toks = tokenize(s, &cfg);
        let texts: Vec<&str> = toks.tokens.iter().map(|t| t.text(s)).collect();
        assert_eq!(texts, words, "{s:?}");
        assert!(toks.tokens.iter().all(|t| t.kind == TokenKind::Word));
    }
    // Anything the tokenizer might split or join differently.
    for s in [
        "l'AMF",
        "Jean-Luc",
        "OpenAI",
        "SNCF",
        "M. Dupont",
        "Banque  de France",
        " Paris",
        "dernièrequi",
        "Banque",
        "3M",
        "東京",
        "",
    ] {
        assert!(plain_words(s, &cfg).is_none(), "{s:?}");
    }
}

/// Checks what `tokenize` gives every token besides its span: its folded
/// form (`normalize::fold` of its text) at its place in a buffer laid out as
/// ` f1 f2 … fn `, and its case flags. The first pass folds the raw tokens
/// as it pushes them and `merge` joins their folded forms: this is the
/// definition both must keep.
fn check_folds_and_case(text: &str) {
    let toks = tokenize(text, &cfg());
    let mut layout = String::from(" ");
    for (i, t) in toks.tokens.iter().enumerate() {
        let s = t.text(text);
        assert_eq!(t.fold_start as usize, layout.len(), "{s:?} in {text:?}");
        layout.push_str(&crate::normalize::fold(s));
        layout.push(' ');
        assert_eq!(toks.fold(i), crate::normalize::fold(s), "{s:?} in {text:?}");
        let upper = crate::normalize::starts_upper(s);
        let all_caps = upper && t.kind == TokenKind::Word && crate::normalize::is_all_caps(s);
        assert_eq!(t.has(flags::UPPER), upper, "{s:?} in {text:?}");
        assert_eq!(t.has(flags::ALL_CAPS), all_caps, "{s:?} in {text:?}");
        let inner = t.kind == TokenKind::Word && s.chars().skip(1).any(char::is_uppercase);
        assert_eq!(t.has(flags::INNER_UPPER), inner, "{s:?} in {text:?}");
    }
    assert_eq!(toks.folded, layout, "{text:?}");
}

#[test]
fn folded_forms_and_case_survive_merging() {
    for text in [
        "",
        "Le départ d'OpenAI, 1 400 000,50 € et -3,2 %.",
        "1\u{202F}400 1\u{a0}400 1\u{2009}400,5 +5 −7 10-15",
        "Jean-Baptiste JEAN-BAPTISTE A-B SNCF-Voyageurs GPT-4 ex-directrice",
        "M. Dupont, J. Dupont, Inc. etc. le plan B. Le lendemain",
        "Médite-t-il ? rendez-vous. Vient-Il l’AMF d’Édouard ÉCOLE École Aǅ",
        "OpenAILes dernièrequi USD1,23 450M€ 1er AB A _A_ A.B É.",
        "McKinsey iPhone eÉ aÀb d'OpenAI l’État DailyAI x-Y Vient-Il ǅa aǅ aΣ XXe",
    ] {
        check_folds_and_case(text);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// Random mixes of what `merge` joins (numbers and their separators,
    /// signs, hyphens, abbreviations, initials, clitics) with accented and
    /// capital letters.
    #[test]
    fn folded_forms_and_case_survive_merging_on_mixed_text(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                " ", " ", "1", "14", "400", "000", ",50", "-", "+", "−", ".", "M", "Inc",
                "J", "Dupont", "le", "t", "il", "A", "B", "É", "é", "ǅ", "x", "SNCF", "ex",
                "rendez", "vous", "'", "’", "d", "\u{202F}", "\u{a0}", "\n", "«", "€",
            ]),
            0..24,
        )
    ) {
        check_folds_and_case(&pieces.concat());
    }
}

#[test]
fn non_ascii_classes_of_the_fast_path_are_those_of_the_word_break_categories() {
    for c in ('\u{80}'..='\u{2100}').chain(['’', '€', '東', '🇫']) {
        let text = format!("{c}a");
        assert_eq!(
            scan::non_ascii_class_at(&text, 0),
            (scan::char_class(c), c.len_utf8()),
            "{c:?}"
        );
    }
}

/// The raw tokens (before `merge`), with their folded forms and case flags,
/// of the one-pass scan and of the general path, which sends every UAX #29
/// segment through the per-segment rules and folds every token the general
/// way.
fn raw_both_ways(text: &str) -> (scan::Raw, scan::Raw) {
    let cfg = cfg();
    let mut scratch = String::new();
    let fast = scan::Pass::new(text, &cfg, &mut scratch).run();
    let general = scan::Pass::new(text, &cfg, &mut scratch).run_general();
    (fast, general)
}

#[test]
fn one_pass_scan_gives_the_tokens_of_the_general_path() {
    for text in [
        "",
        " ",
        "  Le départ d'OpenAI, 1 400,50 €.",
        "l'AMF et l’AMF, aujourd'hui O'Brien",
        "OpenAILes TechCrunchNous dernièrequi billet",
        "USD1,23 450M€ 3,5Md 1er 2ème A350 CO2 snake_case __ _a a_",
        "e.g. a.B x:Y 1.5 1,5 1;5 1'5 a'1 1'a a.1",
        "x\r\ny\rz\n\n\tw\x0Bv\x0Cu",
        "Jean-Baptiste M. Dupont Inc. etc. -3,2 +5 %",
        "a.b\u{301} c \u{301}d e\u{202F}f 1\u{202F}400 g\u{a0}h",
        "é a b é",
        "abc déf ghi",
        "l’AMF d’Édouard 1’5 a’ ’b é.é é:É é,é 1’a É’1 Œuvre ǅa ǀx",
        "a\u{2009}b \u{2003} c\u{a0}d « e » f×g h\u{85}i",
        "« Bonjour » — dit-il… 🇫🇷🇫🇷 東京",
        "$ + < = > ^ ` | ~ # @ & * ( ) [ ] { } \\ / \" ! ?",
    ] {
        let (fast, general) = raw_both_ways(text);
        assert_eq!(fast, general, "{text:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// Random mixes of ASCII words, accented letters, apostrophes, spaces and
    /// the characters the segmentation rules look at.
    #[test]
    fn one_pass_scan_equals_the_general_path_on_mixed_text(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                " ", " ", "  ", "a", "e", "Z", "Q", "l", "d", "qu", "OpenAI", "Les", "que",
                "qui", "et", "derniere", "dernière", "usd", "USD", "1", "42", "400", ".", ",",
                ";", ":", "'", "’", "_", "-", "\n", "\r", "\t", "é", "É", "ç", "œ", "\u{202F}",
                "\u{a0}", "\u{2009}", "\u{301}", "€", "$", "%", "«", "»", "…", "—", "东", "🇫",
                "M", "Inc", "er", "e", "‘", "“", "”", "\u{2003}", "×", "ǅ", "ß", "Œ", "°", "•",
                "\u{85}", "\u{2028}", "ª", "Ĳ", "ǀ",
            ]),
            0..24,
        )
    ) {
        let text: String = pieces.concat();
        let (fast, general) = raw_both_ways(&text);
        proptest::prop_assert_eq!(fast, general, "{:?}", text);
    }
}

#[test]
fn every_latin_letter_folds_as_normalize_folds_it() {
    // The first pass folds U+00C0..U+00FF from their second UTF-8 byte and
    // the rest of a token after any other non-ASCII character through
    // `fold_into`: both ways, alone, after ASCII, before and after others.
    for c in '\u{80}'..'\u{250}' {
        check_folds_and_case(&format!("{c} a{c} {c}b É{c}é {c}Œ x{c}{c}y"));
    }
}

#[test]
fn glue_tails_answer_as_the_glue_suffixes() {
    let words = [
        "dernièrequi",
        "derniereque",
        "derniere",
        "billet",
        "billets",
        "billeta",
        "quiqui",
        "lesdes",
        "abcdont",
        "abcdon",
        "prêtest",
        "prêtét",
        "aqui",
        "lest",
        "ÉTÉQUI",
        "éééé",
        "aaaaé",
        "dontdont",
    ];
    // (Words of four bytes or more: the others are never asked.)
    let mut cfg = cfg();
    for suffixes in [
        vec!["qui", "que", "les", "des", "dont", "est", "et"],
        vec!["et"],
        vec![],
        // Longer than four bytes, an accented one: compared as strings.
        vec!["qui", "dontt"],
        vec!["é", "té"],
        vec!["a", "b", "c", "d", "e", "f", "g", "h", "i"],
    ] {
        cfg.glue_suffixes = suffixes.iter().map(|s| s.to_string()).collect();
        let glue = words::GlueTails::new(&cfg);
        for w in words {
            assert_eq!(
                glue.ends(w.as_bytes()),
                cfg.ends_with_glue_suffix(w),
                "{w:?} with {suffixes:?}"
            );
        }
    }
}

/// [`flags::HYPHENATED`] says exactly which tokens' folded forms hold a
/// `-` (money tests it instead of looking for the `-`).
#[test]
fn hyphenated_tokens_are_flagged() {
    let texts = [
        "quatre-vingt-dix-neuf Jean-Baptiste GPT-4o mi-2025 l'ex-directrice",
        "Médite-t-il ? rendez-vous M. Jean-P. Dupont, -3,2 % 10-15 a‐b c‑d e—f",
        "président-directeur général de Saint-Gobain, vingt-et-un aˉb -",
        include_str!("../../corpus/seed/openai-departures.fr.txt"),
    ];
    let mut hyphenated = Vec::new();
    for text in texts {
        let toks = tokenize(text, &cfg());
        for (i, t) in toks.tokens.iter().enumerate() {
            assert_eq!(
                t.has(flags::HYPHENATED),
                toks.fold(i).contains('-'),
                "{}",
                toks.fold(i)
            );
            if t.has(flags::HYPHENATED) {
                hyphenated.push(t.text(text));
            }
        }
    }
    for w in [
        "quatre-vingt-dix-neuf",
        "Jean-Baptiste",
        "GPT-4",
        "-3,2",
        "aˉb",
        "‐",
    ] {
        assert!(hyphenated.contains(&w), "{w}: {hyphenated:?}");
    }
}

/// Widening [`Token::flags`] to 16 bits took the padding byte after
/// `kind`: a token is still 20 bytes.
#[test]
fn tokens_stay_twenty_bytes() {
    assert_eq!(std::mem::size_of::<Token>(), 20);
}

#[test]
fn a_line_is_closed_by_terminal_punctuation_and_a_quote_after_it() {
    let closed = |text: &str| {
        let toks = tokenize(text, &cfg());
        super::is_closed(text, &toks.tokens, toks.tokens.len() - 1)
    };
    assert!(closed("Il part."));
    assert!(closed("« Nous partons. »"));
    assert!(closed("Vraiment ?"));
    // Headlines: no terminal punctuation, a quote alone closes nothing.
    assert!(!closed("Altiscope s'offre Geoframe"));
    assert!(!closed("Nexalia lance « Orion »"));
}
