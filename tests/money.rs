//! MONEY in running text: every form of the SPEC, exact values, spans, and
//! the amounts that are not money. Each case is its own sentence.

use frextract::{Extractor, Label, Qualifier};
use rust_decimal::Decimal;
use std::str::FromStr;
use std::sync::OnceLock;

fn x() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::new)
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The MONEY entities of `text` as (span text, value or (min, max), currency, qualifier, inferred).
fn money(text: &str) -> Vec<(String, String, String, Option<Qualifier>, bool)> {
    x().extract(text)
        .entities_with(Label::Money)
        .map(|e| {
            let a = e.amount.clone().unwrap();
            let value = match (a.value, a.min, a.max) {
                (Some(v), _, _) => v.normalize().to_string(),
                (None, Some(lo), Some(hi)) => format!("{}..{}", lo.normalize(), hi.normalize()),
                _ => "?".into(),
            };
            (
                e.text.clone(),
                value,
                a.currency,
                a.qualifier,
                a.currency_inferred,
            )
        })
        .collect()
}

#[track_caller]
fn one(text: &str, span: &str, value: &str, currency: &str) {
    let m = money(text);
    assert_eq!(m.len(), 1, "{text:?}: {m:?}");
    assert_eq!(
        (m[0].0.as_str(), m[0].1.as_str(), m[0].2.as_str()),
        (span, value, currency),
        "{text:?}"
    );
}

#[test]
fn digits_scales_and_symbols() {
    one(
        "OpenAI a perdu 1,4 milliard de dollars.",
        "1,4 milliard de dollars",
        "1400000000",
        "USD",
    );
    one(
        "Le groupe vise 3,5 Md€ de ventes.",
        "3,5 Md€",
        "3500000000",
        "EUR",
    );
    one(
        "Un contrat de 450 M€ a été signé.",
        "450 M€",
        "450000000",
        "EUR",
    );
    one(
        "La cagnotte a levé 12 k€ en un jour.",
        "12 k€",
        "12000",
        "EUR",
    );
    one(
        "Le fonds a levé 2 Mds$ cette année.",
        "2 Mds$",
        "2000000000",
        "USD",
    );
    one(
        "Une enveloppe de 1,2 Mrd d'euros est prévue.",
        "1,2 Mrd d'euros",
        "1200000000",
        "EUR",
    );
    one(
        "L'abonnement coûte EUR 29,99 par mois.",
        "EUR 29,99",
        "29.99",
        "EUR",
    );
    one(
        "L'abonnement coûte 29,99 EUR par mois.",
        "29,99 EUR",
        "29.99",
        "EUR",
    );
    one(
        "Elle a reçu US$ 5 millions de Greenfield.",
        "US$ 5 millions",
        "5000000",
        "USD",
    );
    one(
        "Elle a reçu 5 millions de dollars US de Greenfield.",
        "5 millions de dollars US",
        "5000000",
        "USD",
    );
    one(
        "Le ticket vaut 1 USD et 23 centimes.",
        "1 USD et 23 centimes",
        "1.23",
        "USD",
    );
    one(
        "La dette atteint 1 billion d'euros.",
        "1 billion d'euros",
        "1000000000000",
        "EUR",
    );
    one(
        "Il a touché 1 400 000,50 euros.",
        "1 400 000,50 euros",
        "1400000.5",
        "EUR",
    );
    one(
        "Il a touché 200\u{00A0}000 euros.",
        "200\u{00A0}000 euros",
        "200000",
        "EUR",
    );
    one(
        "Il a touché 200\u{202F}000 euros.",
        "200\u{202F}000 euros",
        "200000",
        "EUR",
    );
    one(
        "Il a touché 1.400.000 euros.",
        "1.400.000 euros",
        "1400000",
        "EUR",
    );
    one(
        "Le rachat se monte à 1,5 million d'euros.",
        "1,5 million d'euros",
        "1500000",
        "EUR",
    );
}

#[test]
fn spelled_out_numbers() {
    one(
        "Il a investi vingt millions d'euros.",
        "vingt millions d'euros",
        "20000000",
        "EUR",
    );
    one(
        "Il a versé deux cent cinquante mille euros.",
        "deux cent cinquante mille euros",
        "250000",
        "EUR",
    );
    one(
        "Le club a payé quatre-vingt-dix-neuf millions d'euros.",
        "quatre-vingt-dix-neuf millions d'euros",
        "99000000",
        "EUR",
    );
    one(
        "Il a levé soixante et onze millions d'euros.",
        "soixante et onze millions d'euros",
        "71000000",
        "EUR",
    );
    one(
        "Le budget atteint septante millions de francs suisses.",
        "septante millions de francs suisses",
        "70000000",
        "CHF",
    );
    one(
        "Le budget atteint nonante millions de francs suisses.",
        "nonante millions de francs suisses",
        "90000000",
        "CHF",
    );
}

#[test]
fn ranges() {
    one(
        "Le prix est compris entre 10 et 15 millions d'euros.",
        "10 et 15 millions d'euros",
        "10000000..15000000",
        "EUR",
    );
    one(
        "Il investira de 2 à 3 Md€ en France.",
        "2 à 3 Md€",
        "2000000000..3000000000",
        "EUR",
    );
    one(
        "Une levée de 10-15 M€ est envisagée.",
        "10-15 M€",
        "10000000..15000000",
        "EUR",
    );
    one(
        "Le billet coûte entre 12 euros et 15 euros.",
        "12 euros et 15 euros",
        "12..15",
        "EUR",
    );
    one(
        "Il a investi 1 et 2 milliards d'euros.",
        "1 et 2 milliards d'euros",
        "1000000000..2000000000",
        "EUR",
    );
    // A range goes up: a year before `et` and an amount is no lower bound.
    one(
        "Les travaux dureront jusqu'à 2028 et 10 M€ suffiront.",
        "10 M€",
        "10000000",
        "EUR",
    );
}

#[test]
fn qualifiers_stay_out_of_the_span() {
    for (text, span, q) in [
        (
            "Il a dépensé près de 10 millions d'euros.",
            "10 millions d'euros",
            Qualifier::Approx,
        ),
        (
            "Il a dépensé environ 10 millions d'euros.",
            "10 millions d'euros",
            Qualifier::Approx,
        ),
        (
            "Il a dépensé quelque 1,4 milliard de dollars.",
            "1,4 milliard de dollars",
            Qualifier::Approx,
        ),
        (
            "Il a dépensé plus de 10 millions d'euros.",
            "10 millions d'euros",
            Qualifier::MoreThan,
        ),
        (
            "Il a dépensé au moins 10 millions d'euros.",
            "10 millions d'euros",
            Qualifier::MoreThan,
        ),
        (
            "Il a dépensé moins de 10 millions d'euros.",
            "10 millions d'euros",
            Qualifier::LessThan,
        ),
        (
            "Il pourra dépenser jusqu'à 10 millions d'euros.",
            "10 millions d'euros",
            Qualifier::LessThan,
        ),
    ] {
        let m = money(text);
        assert_eq!(m.len(), 1, "{text}");
        assert_eq!(m[0].0, span, "{text}");
        assert_eq!(m[0].3, Some(q), "{text}");
    }
}

#[test]
fn currency_inferred_from_the_sentence() {
    let m = money("Elle aurait dépensé 1,4 milliard de dollars pour la formation et 1,5 milliard pour le personnel.");
    assert_eq!(m.len(), 2, "{m:?}");
    assert_eq!(
        (m[1].0.as_str(), m[1].1.as_str(), m[1].2.as_str(), m[1].4),
        ("1,5 milliard", "1500000000", "USD", true)
    );
    assert!(!m[0].4);
    // No currency in the sentence: not money.
    assert!(
        money("La ville compte 1,5 million d'habitants et 2 millions de visiteurs.").is_empty()
    );
}

#[test]
fn currencies_from_the_lexicon() {
    for (text, iso) in [
        ("Il a payé 10 livres sterling.", "GBP"),
        ("Il a payé 10 livres.", "GBP"),
        ("Il a payé 10 £.", "GBP"),
        ("Il a payé 10 livres égyptiennes.", "EGP"),
        ("Il a payé 10 dollars canadiens.", "CAD"),
        ("Il a payé 10 dollars australiens.", "AUD"),
        ("Il a payé 10 francs suisses.", "CHF"),
        ("Il a payé 10 yens.", "JPY"),
        ("Il a payé 10 yuans.", "CNY"),
        ("Il a payé 10 roupies.", "INR"),
        ("Il a payé 10 roubles.", "RUB"),
        ("Il a payé 10 reais.", "BRL"),
        ("Il a payé 10 wons.", "KRW"),
        ("Il a payé 10 couronnes suédoises.", "SEK"),
        ("Il a payé 10 couronnes norvégiennes.", "NOK"),
        ("Il a payé 10 couronnes danoises.", "DKK"),
        ("Il a payé 10 zlotys.", "PLN"),
        ("Il a payé 10 francs CFA.", "XOF"),
        ("Il a payé 10 dirhams.", "MAD"),
        ("Il a payé 10 dinars tunisiens.", "TND"),
        ("Il a payé 10 dinars algériens.", "DZD"),
        ("Il a payé 10 dirhams émiratis.", "AED"),
        ("Il a payé 10 riyals saoudiens.", "SAR"),
        ("Il a payé 10 bitcoins.", "BTC"),
        ("Il a payé 10 $.", "USD"),
    ] {
        let m = money(text);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        assert_eq!(m[0].2, iso, "{text}");
    }
}

#[test]
fn exact_values_never_go_through_floats() {
    let doc = x().extract("Le titre vaut 29,99 EUR, la dette 1,4 milliard de dollars.");
    let values: Vec<Decimal> = doc
        .entities_with(Label::Money)
        .map(|e| e.amount.as_ref().unwrap().value.unwrap())
        .collect();
    assert_eq!(values, [d("29.99"), d("1400000000")]);
    let json = serde_json::to_string(&doc.entities).unwrap();
    assert!(json.contains(r#""value":29.99"#), "{json}");
    assert!(json.contains(r#""value":1400000000"#), "{json}");
}

#[test]
fn not_money() {
    for text in [
        "La région compte 3 millions d'habitants.",
        "Il est visé par 15 chefs d'accusation.",
        "Il dirige l'entreprise depuis 9 ans.",
        "Les ventes ont progressé de 12 % en 2023.",
        "La compagnie a commandé des Airbus A350 et GPT-4o tourne.",
        "Appelez le 01 23 45 67 89.",
        "Le PSG a gagné 3-1 contre Lyon.",
        "En 2024, 1 200 salariés ont été recrutés.",
    ] {
        assert!(money(text).is_empty(), "{text}: {:?}", money(text));
    }
}

#[test]
fn regressions_of_peers() {
    // `40 000 euros` is one amount, not 0 EUR plus a number.
    one(
        "Il a reçu 40 000 euros de prime.",
        "40 000 euros",
        "40000",
        "EUR",
    );
    // `entre 12 euros et 15 euros` is 12–15 EUR, not 12.15.
    one(
        "Le billet coûte entre 12 euros et 15 euros.",
        "12 euros et 15 euros",
        "12..15",
        "EUR",
    );
    // `EUR 1000 sur` does not swallow `sur`.
    one(
        "Il a payé EUR 1000 sur son compte.",
        "EUR 1000",
        "1000",
        "EUR",
    );
}
