//! Deals and disputes (ACQUISITION, FUNDING, LAWSUIT): constructions met on
//! the dev split, each checked on sentences written for the test.

mod common;

use common::args_text;
use frextract::{Document, Extractor, Polarity};

/// The events of type `kind` in `doc`.
fn events<'a>(doc: &'a Document, kind: &str) -> Vec<&'a frextract::Event> {
    doc.events.iter().filter(|e| e.kind == kind).collect()
}

/// Each text gives exactly one event of `kind` whose `slot` holds `want`.
fn check_one(cases: &[(&str, &str, &str, &[&str])]) {
    let x = Extractor::new();
    for &(text, kind, slot, want) in cases {
        let doc = x.extract(text);
        let found = events(&doc, kind);
        assert_eq!(found.len(), 1, "{text}: {:?}", doc.events);
        assert_eq!(args_text(&doc, found[0], slot), want, "{text}");
    }
}

#[test]
fn investors_named_beside_the_lead_investor() {
    check_one(&[
        (
            "La société Torvane a bouclé en 2023 un tour de table de 9 millions d'euros \
             mené par Bpifrance, aux côtés de Kima Ventures.",
            "FUNDING",
            "investors",
            &["Bpifrance", "Kima Ventures"],
        ),
        (
            "Torvane a levé 9 millions d'euros auprès de Bpifrance, aux côtés du fonds \
             Saône Capital.",
            "FUNDING",
            "investors",
            &["Bpifrance", "Saône Capital"],
        ),
    ]);
}

#[test]
fn a_deal_given_up_is_negative_and_its_own_event() {
    let x = Extractor::new();
    // One buyer, two targets: two acquisitions, the second given up.
    let doc = x.extract(
        "La société Marvane a racheté en mai la start-up Tellisko. Marvane a en revanche \
         renoncé à racheter la société Ombrelis, jugée trop chère.",
    );
    let found = events(&doc, "ACQUISITION");
    assert_eq!(found.len(), 2, "{:?}", doc.events);
    assert_eq!(args_text(&doc, found[0], "target"), ["Tellisko"]);
    assert_eq!(found[0].polarity, Polarity::Positive);
    assert_eq!(args_text(&doc, found[1], "target"), ["Ombrelis"]);
    assert_eq!(args_text(&doc, found[1], "buyer"), ["Marvane"]);
    assert_eq!(found[1].polarity, Polarity::Negative);
}

#[test]
fn the_buyer_is_the_name_an_apposition_describes() {
    // The apposition's own names (an owned channel, an owner) buy nothing.
    check_one(&[
        (
            "Le groupe Norvalis, propriétaire de la chaîne Canal Brume, a annoncé hier le \
             rachat de la société Tessaline pour 40 millions d'euros.",
            "ACQUISITION",
            "buyer",
            &["Norvalis"],
        ),
        (
            "Ardéa Invest, la société d'investissement de l'homme d'affaires Paul Vendrame, \
             a racheté lundi la société Tessaline pour 9 millions d'euros.",
            "ACQUISITION",
            "buyer",
            &["Ardéa Invest"],
        ),
    ]);
}

#[test]
fn a_target_bought_through_its_capital() {
    check_one(&[
        (
            "La société Tessaline fabrique des bottes. La holding Norvalis a acquis lundi la \
             totalité du capital de Tessaline pour 64 millions d'euros.",
            "ACQUISITION",
            "target",
            &["Tessaline"],
        ),
        (
            "La holding Norvalis a acquis lundi 85 % du fabricant lyonnais Tessaline.",
            "ACQUISITION",
            "target",
            &["Tessaline"],
        ),
    ]);
}

#[test]
fn a_later_mention_naming_only_the_target_is_the_same_acquisition() {
    let x = Extractor::new();
    let doc = x.extract(
        "Le groupe Norvalis a racheté mardi la société Tessaline pour 40 millions d'euros. \
         « Le rachat de Tessaline est cohérent », juge Paul Vendrame, analyste chez Oddo BHF.",
    );
    let found = events(&doc, "ACQUISITION");
    assert_eq!(found.len(), 1, "{:?}", doc.events);
    assert_eq!(args_text(&doc, found[0], "buyer"), ["Norvalis"]);
    assert_eq!(found[0].evidence.len(), 1, "{:?}", found[0]);
}

#[test]
fn counsel_sues_for_the_client() {
    check_one(&[
        (
            "Vibra TV a limogé lundi Justine Morel. L'intéressée ne compte pas en rester là. \
             Son avocate, Me Laure Dastier, a saisi mercredi le conseil de prud'hommes de Paris.",
            "LAWSUIT",
            "plaintiff",
            &["Justine Morel"],
        ),
        // A pronoun stands for the client, not for counsel named after her.
        (
            "Émilie Rochet a été licenciée par Vantara. Selon son avocat, Me Paul Garin, elle \
             envisage d'assigner Vantara devant le conseil de prud'hommes de Paris.",
            "LAWSUIT",
            "plaintiff",
            &["Émilie Rochet"],
        ),
    ]);
}

#[test]
fn a_name_that_sues_is_an_organisation() {
    check_one(&[(
        "Reste un contentieux : le loueur Frigorent a assigné Norvalis devant le tribunal de \
         commerce de Nantes en janvier.",
        "LAWSUIT",
        "plaintiff",
        &["Frigorent"],
    )]);
}

#[test]
fn the_price_told_after_the_acquisition_is_its_amount() {
    let x = Extractor::new();
    let doc = x.extract(
        "Le groupe Norvalis a officialisé mardi la reprise de la société Tessaline. Le prix, \
         que la direction refuse de commenter, avoisinerait 95 millions d'euros.",
    );
    let found = events(&doc, "ACQUISITION");
    assert_eq!(found.len(), 1, "{:?}", doc.events);
    assert_eq!(args_text(&doc, found[0], "target"), ["Tessaline"]);
    let amount = doc.entity(match found[0].args.get("amount") {
        Some(frextract::Arg::One(id)) => id,
        other => panic!("no amount: {other:?}"),
    });
    assert_eq!(amount.unwrap().text, "95 millions d'euros");
    // A price with no acquisition before it makes none.
    let doc = x.extract("Chez Norvalis, le prix de la tonne a atteint 95 euros en mars.");
    assert!(events(&doc, "ACQUISITION").is_empty(), "{:?}", doc.events);
}

#[test]
fn a_credit_line_and_a_grant_are_fundings() {
    check_one(&[
        (
            "Pour financer le tout, la maison Norvalis a obtenu en avril une ligne de crédit de \
         150 millions d'euros auprès de BNP Paribas.",
            "FUNDING",
            "investors",
            &["BNP Paribas"],
        ),
        (
            // The lender after the participle and a date.
            "Horizon Radios n'a bouclé son budget que grâce à un prêt de 5 M€ accordé en \
         juin par la Banque des Territoires.",
            "FUNDING",
            "investors",
            &["Banque des Territoires"],
        ),
    ]);
    // A loan and a grant: two fundings, each with its own lender.
    let x = Extractor::new();
    let doc = x.extract(
        "La radio Norvalis a obtenu un prêt de 6 M€ de la Caisse d'Épargne CEPAC, complété \
         par une aide de 450 000 euros de Bpifrance.",
    );
    let found = events(&doc, "FUNDING");
    assert_eq!(found.len(), 2, "{:?}", doc.events);
    assert_eq!(
        args_text(&doc, found[0], "investors"),
        ["Caisse d'Épargne CEPAC"]
    );
    assert_eq!(args_text(&doc, found[1], "investors"), ["Bpifrance"]);
}

#[test]
fn a_court_seized_against_a_defendant() {
    check_one(&[
        (
            "L'intéressé conteste : il a saisi le conseil de prud'hommes de Grenoble contre \
             la société Norvalis et réclame 180 000 euros.",
            "LAWSUIT",
            "defendant",
            &["Norvalis"],
        ),
        (
            "Lucien Ferral, directeur commercial de Norvalis, a été licencié en mars. Il a \
             depuis saisi le conseil de prud'hommes de Grasse contre son ancien employeur.",
            "LAWSUIT",
            "defendant",
            &["Norvalis"],
        ),
    ]);
}

#[test]
fn a_dateline_closed_by_a_hyphen_dates_no_event() {
    let x = Extractor::new();
    let doc = x.extract(
        "ÉPERNAY, 17 avril 2024 - La famille Delorme a accepté de céder la maison Tessaline \
         au groupe Norvalis.",
    );
    let found = events(&doc, "ACQUISITION");
    assert_eq!(found.len(), 1, "{:?}", doc.events);
    assert_eq!(args_text(&doc, found[0], "buyer"), ["Norvalis"]);
    assert!(!found[0].args.contains_key("date"), "{:?}", found[0]);
}

#[test]
fn a_verb_coordinated_after_an_event_has_its_subject() {
    let x = Extractor::new();
    let doc = x.extract(
        "La société Norvalis avait racheté en 2022 la start-up Tessaline pour 38 M€ et \
         envisage de racheter cette année l'allemand Wachturm Security.",
    );
    let found = events(&doc, "ACQUISITION");
    assert_eq!(found.len(), 2, "{:?}", doc.events);
    // The second buyer is the first one's, not its target Tessaline.
    for a in found {
        assert_eq!(args_text(&doc, a, "buyer"), ["Norvalis"], "{a:?}");
    }
}

#[test]
fn after_an_acquisition_the_target_and_the_buyer_are_referred_to_by_nouns() {
    let doc = Extractor::new().extract(
        "La société Marvane a racheté la start-up Tellisko pour 40 millions d'euros. \
         Fondée en 2019 par Léa Morvan, la cible a perdu 2 millions d'euros l'an dernier. \
         Pour payer, l'acquéreur a levé 30 millions d'euros auprès de Bpifrance.",
    );
    let founding = &events(&doc, "FOUNDING")[0];
    assert_eq!(args_text(&doc, founding, "org"), ["Tellisko"]);
    assert_eq!(
        args_text(&doc, events(&doc, "LOSS")[0], "org"),
        ["Tellisko"]
    );
    assert_eq!(
        args_text(&doc, events(&doc, "FUNDING")[0], "org"),
        ["Marvane"]
    );
}

#[test]
fn a_referring_noun_subject_stands_for_its_referent_in_the_clauses_after_it() {
    // The target is named once, the buyer three times: the salience alone
    // picks the buyer for `sa perte`, `qui` and `un produit net bancaire`.
    let doc = Extractor::new().extract(
        "La banque Crédit Vendéen a racheté la plateforme Paylis pour 85 M€. Le Crédit \
         Vendéen finance l'opération seul. La cible, qui a perdu 2,1 M€ en 2025, n'avait \
         pas trouvé d'investisseurs. Fondée en 2019, la cible avait levé 30 M€ auprès \
         d'Eurazeo, mais elle n'a jamais été rentable : sa perte a atteint 9,6 M€ l'an \
         dernier. Pour l'exercice 2026, l'acquéreur a publié un produit net bancaire de \
         2,35 milliards d'euros. Le Crédit Vendéen emploie 3 000 salariés.",
    );
    let losses = events(&doc, "LOSS");
    assert_eq!(losses.len(), 2, "{:?}", doc.events);
    for loss in losses {
        assert_eq!(args_text(&doc, loss, "org"), ["Paylis"], "{loss:?}");
    }
    let revenue = &events(&doc, "REVENUE")[0];
    assert_eq!(args_text(&doc, revenue, "org"), ["Crédit Vendéen"]);
}

#[test]
fn the_price_told_after_the_target_completes_the_acquisition() {
    check_one(&[
        // The organisation nearest `montant` is the target, not the buyer;
        // the amount follows a preposition.
        (
            "La société Durance Mobilités a racheté vendredi à Transdev sa filiale Cars \
             Ventoux, pour un montant que la presse locale évalue à 14 M€.",
            "ACQUISITION",
            "amount",
            &["14 M€"],
        ),
        // The price's guess of a buyer (the target) does not become what
        // `le nouvel actionnaire` stands for.
        (
            "Chanel a acquis 70 % du capital de la manufacture Bréjoux & Fils, pour un \
             montant que plusieurs sources évaluent à 24 M€. Le nouvel actionnaire \
             investira 12 M€ dans un four électrique.",
            "SPENDING",
            "org",
            &["Chanel"],
        ),
    ]);
}

/// `par un ancien client, le promoteur X`: an agent that only describes,
/// named in apposition after its comma.
#[test]
fn an_agent_named_after_the_noun_that_describes_it() {
    check_one(&[
        (
            "Le cabinet Kervella & Sauvat reste poursuivi par un ancien client, le promoteur \
             Nexity, pour faute professionnelle.",
            "LAWSUIT",
            "plaintiff",
            &["Nexity"],
        ),
        (
            "Le Racing Drômois est poursuivi par son ancien équipementier, Maillots du Sud, \
             qui lui réclame 600 000 euros.",
            "LAWSUIT",
            "plaintiff",
            &["Maillots du Sud"],
        ),
    ]);
}

/// The price told by what the buyer paid, in a later sentence.
#[test]
fn the_price_the_buyer_paid_completes_the_acquisition() {
    check_one(&[
        (
            "Le groupe Brassac a pris mardi le contrôle de Frenotec. Selon nos informations, \
             le groupe français aurait déboursé quelque 48 millions d'euros.",
            "ACQUISITION",
            "amount",
            &["48 millions d'euros"],
        ),
        (
            "La SEM Eaux de Seine a racheté mardi 51 % du capital de Normeau. La SEM a payé \
             ces parts 27 M€.",
            "ACQUISITION",
            "amount",
            &["27 M€"],
        ),
    ]);
}

/// `l'a attaqué`: the object pronoun before the auxiliary stands for the
/// company of the passage, not for the plaintiff.
#[test]
fn an_object_pronoun_before_the_auxiliary_is_the_company() {
    check_one(&[
        (
            "La société Sentalys a racheté Kryptonef en mai. L'américain Cipherwell Inc. l'a \
             attaqué en octobre devant le tribunal judiciaire de Paris pour contrefaçon.",
            "LAWSUIT",
            "defendant",
            &["Sentalys"],
        ),
        // Adverbs may stand between the auxiliary and the participle.
        (
            "La société Sentalys a racheté Kryptonef en mai. L'américain Cipherwell Inc. l'a \
             par ailleurs attaqué en octobre devant le tribunal judiciaire de Paris.",
            "LAWSUIT",
            "defendant",
            &["Sentalys"],
        ),
    ]);
}

/// A company noun as the object past a date and its preposition, or inside
/// the gap of a phrase trigger (`attaquer … en justice`).
#[test]
fn a_company_noun_object_past_a_date_or_inside_the_phrase() {
    let x = Extractor::new();
    for (text, want) in [
        (
            "L'équipementier Brassac Industries a perdu un client. Le constructeur suédois \
             Nordvik Trucks a assigné en février l'équipementier devant le tribunal de \
             commerce de Lyon.",
            "Brassac Industries",
        ),
        (
            "Le journal La Vigie de Cornouaille publie une enquête. Le conseiller Jean-Yves \
             Kerhoas a attaqué le journal en justice pour diffamation.",
            "La Vigie de Cornouaille",
        ),
    ] {
        let doc = x.extract(text);
        let found = events(&doc, "LAWSUIT");
        assert_eq!(found.len(), 1, "{text}: {:?}", doc.events);
        assert_eq!(args_text(&doc, found[0], "defendant"), [want], "{text}");
    }
}

/// The lent part of a price (`dont 30 M€ prêtés par X`) is a funding of the
/// company of the passage.
#[test]
fn the_lent_part_of_a_price_is_a_funding() {
    let doc = Extractor::new().extract(
        "Le groupe Brassac a pris mardi le contrôle de Frenotec. Selon nos informations, \
         le groupe français aurait déboursé quelque 48 millions d'euros, dont 30 M€ prêtés \
         par la Société Générale.",
    );
    let found = events(&doc, "FUNDING");
    assert_eq!(found.len(), 1, "{:?}", doc.events);
    assert_eq!(args_text(&doc, found[0], "amount"), ["30 M€"]);
    assert_eq!(args_text(&doc, found[0], "investors"), ["Société générale"]);
    assert_eq!(args_text(&doc, found[0], "org"), ["Brassac"]);
}

#[test]
fn a_defendant_named_by_what_it_is_to_the_plaintiff() {
    // `l'employeur` stands for the company of the passage, after a date,
    // and never for the plaintiff, though it is the organisation just named.
    let doc = Extractor::new().extract(
        "Le groupe Vauclair a licencié sa rédactrice en chef. Vauclair est endetté. Le \
         Syndicat national des journalistes a assigné mardi l'employeur devant le \
         tribunal judiciaire de Rennes.",
    );
    let suit = events(&doc, "LAWSUIT")[0];
    assert_eq!(
        args_text(&doc, suit, "plaintiff"),
        ["Syndicat national des journalistes"]
    );
    assert_eq!(args_text(&doc, suit, "defendant"), ["Vauclair"]);
}

#[test]
fn a_stressed_pronoun_after_contre_is_the_person_named_before() {
    let doc = Extractor::new().extract(
        "Un ingénieur, Sylvain Tréguer, a été licencié pour avoir revendu des données ; la \
         société Vigilis a porté plainte contre lui.",
    );
    let suit = events(&doc, "LAWSUIT")[0];
    assert_eq!(args_text(&doc, suit, "defendant"), ["Sylvain Tréguer"]);
    assert_eq!(args_text(&doc, suit, "plaintiff"), ["Vigilis"]);
    // A complement's words at the very end of the text (found by
    // `tests/properties.rs`: the pronoun was looked up past the last token).
    let doc = Extractor::new().extract("La société Vigilis a porté plainte contre");
    assert!(events(&doc, "LAWSUIT").len() <= 1);
}

#[test]
fn takeovers_said_with_other_words() {
    check_one(&[
        (
            "Le groupe Ferrovelle s'empare de l'allemand Lichtwerk pour 118 M€.",
            "ACQUISITION",
            "target",
            &["Lichtwerk"],
        ),
        (
            "Le cabinet lyonnais Delorme Vidal Avocats vient d'absorber la boutique \
             parisienne Kervella & Sauvat.",
            "ACQUISITION",
            "target",
            &["Kervella & Sauvat"],
        ),
        (
            "La prise de contrôle du groupe Lichtwerk par la société Ferrovelle a été \
             finalisée mardi.",
            "ACQUISITION",
            "buyer",
            &["Ferrovelle"],
        ),
    ]);
}

/// `prendre le contrôle de` and its other side, `passer sous le contrôle
/// de`: the company controlled after `du`, past a determiner and its nouns.
#[test]
fn control_taken_and_control_passed() {
    let x = Extractor::new();
    for (text, buyer, target) in [
        (
            "Le fonds Arvel Capital a pris le contrôle du club Stade Nantais en mai.",
            "Arvel Capital",
            "Stade Nantais",
        ),
        (
            "L'équipementier lyonnais Valdrome est passé lundi sous le contrôle du groupe \
             allemand Kessler Mobility.",
            "Kessler Mobility",
            "Valdrome",
        ),
    ] {
        let doc = x.extract(text);
        let found = events(&doc, "ACQUISITION");
        assert_eq!(found.len(), 1, "{text}: {:?}", doc.events);
        assert_eq!(args_text(&doc, found[0], "buyer"), [buyer], "{text}");
        assert_eq!(args_text(&doc, found[0], "target"), [target], "{text}");
    }
}

#[test]
fn a_participle_after_a_name_is_passive_even_when_it_spells_a_passe_simple() {
    // `acquis` is also the passé simple of `j'acquis`: read as that, the
    // distillery would be the buyer of its own purchase.
    let doc = Extractor::new().extract(
        "Le groupe Clairval a absorbé le distillateur varois Essences du Tanneron, acquis \
         en septembre pour 9 millions d'euros.",
    );
    let deals = events(&doc, "ACQUISITION");
    assert_eq!(deals.len(), 1, "{:?}", doc.events);
    assert_eq!(
        args_text(&doc, deals[0], "target"),
        ["Essences du Tanneron"]
    );
    assert_eq!(args_text(&doc, deals[0], "buyer"), ["Clairval"]);
}

#[test]
fn a_deal_in_a_title_has_the_modality_the_article_gives_it() {
    use frextract::Modality::{Asserted, Planned};
    const ARTICLE: &str = "TOULOUSE, 19 mai 2027 – L'éditeur toulousain Altiscope va acquérir \
                           la société munichoise Geoframe pour 67 M€.";
    for (text, want) in [
        // The headline writes the deal in the present; the article says it
        // is still to come.
        (
            format!("Spatial : le toulousain Altiscope s'offre l'allemand Geoframe\n\n{ARTICLE}"),
            Planned,
        ),
        // A title is a line of its own anywhere (a subheading too), so the
        // same text after another paragraph reads the same.
        (
            format!(
                "Il faisait beau.\n\nSpatial : le toulousain Altiscope s'offre l'allemand \
                 Geoframe\n\n{ARTICLE}"
            ),
            Planned,
        ),
        // Without a title, the first mention's modality stands.
        (
            "Le toulousain Altiscope s'offre l'allemand Geoframe. Altiscope va acquérir la \
             société munichoise Geoframe pour 67 M€."
                .to_string(),
            Asserted,
        ),
    ] {
        let doc = Extractor::new().extract(&text);
        let deals = events(&doc, "ACQUISITION");
        assert_eq!(deals.len(), 1, "{text}: {:?}", doc.events);
        assert_eq!(deals[0].modality, want, "{text}");
    }
}

/// A first mention that names only the target (`un fonds américain prend le
/// contrôle du Racing Club`) and a later one that names the buyer too are
/// one acquisition; a second mention with another date is another event.
#[test]
fn a_first_mention_without_its_buyer_joins_the_one_that_names_it() {
    let x = Extractor::new();
    let doc = x.extract(
        "Football : un fonds américain prend le contrôle du Racing Club Angoumoisin\n\n\
         ANGOULÊME, 26 octobre 2028 – Le fonds américain Bluegrass Sports Partners a pris \
         mardi le contrôle du Racing Club Angoumoisin.",
    );
    let deals = events(&doc, "ACQUISITION");
    assert_eq!(deals.len(), 1, "{:?}", doc.events);
    assert_eq!(
        args_text(&doc, deals[0], "buyer"),
        ["Bluegrass Sports Partners"]
    );
    assert_eq!(
        args_text(&doc, deals[0], "target"),
        ["Racing Club Angoumoisin"]
    );
    assert_eq!(deals[0].evidence.len(), 1, "{:?}", deals[0]);

    let doc = x.extract(
        "La société Orvane a été créée en 2017. Elle a été fondée en 2025 par le groupe \
         Xinghe Auto.",
    );
    assert_eq!(events(&doc, "FOUNDING").len(), 2, "{:?}", doc.events);
}

/// `la jeune pousse`: an adjective between the article and the company
/// noun, which still stands for the company of the passage.
#[test]
fn a_company_noun_after_an_adjective_stands_for_the_company() {
    check_one(&[(
        "Le groupe Frigalys a levé 10 M€ en mars. En septembre, la jeune pousse avait \
         racheté son concurrent lyonnais Cryoptim.",
        "ACQUISITION",
        "buyer",
        &["Frigalys"],
    )]);
}

#[test]
fn loans_and_bonds_are_fundings() {
    check_one(&[
        (
            "La régie de transports publics Transarverne empruntera 45 M€ à la Banque \
             européenne d'investissement.",
            "FUNDING",
            "investors",
            &["Banque européenne d'investissement"],
        ),
        (
            "La société Vernoux Industries a contracté l'an dernier un emprunt de 35 millions \
             d'euros auprès de la Banque populaire.",
            "FUNDING",
            "org",
            &["Vernoux Industries"],
        ),
        // `émis` and `souscrites` are irregular (verb_forms.tsv).
        (
            "Le groupe Altiscope a émis mardi des obligations convertibles pour 30 M€, \
             souscrites par Tikehau Capital.",
            "FUNDING",
            "investors",
            &["Tikehau Capital"],
        ),
    ]);
}

#[test]
fn a_target_after_du_and_an_adjective_and_a_deal_told_as_to_be_completed() {
    let x = Extractor::new();
    let doc = x.extract(
        "Le rachat du bordelais Myosense, spécialiste des capteurs musculaires, par \
         Sanofi, pour 12 M€, sera finalisé en juin.",
    );
    let found = events(&doc, "ACQUISITION");
    assert_eq!(found.len(), 1, "{:?}", doc.events);
    assert_eq!(args_text(&doc, found[0], "target"), ["Myosense"]);
    assert_eq!(args_text(&doc, found[0], "buyer"), ["Sanofi"]);
    // The noun opening the clause takes the future of its verb.
    assert_eq!(found[0].modality, frextract::Modality::Planned);
    let doc = x.extract(
        "Le rachat de la start-up Myosense par Sanofi, pour 12 M€, devrait être bouclé en juin.",
    );
    assert_eq!(
        events(&doc, "ACQUISITION")[0].modality,
        frextract::Modality::Planned
    );
    // A past verb is no plan, and neither is a noun inside the clause.
    for text in [
        "Le rachat de la start-up Myosense par Sanofi a été finalisé en juin ; Sanofi sera cotée.",
        "Sanofi a annoncé le rachat de la start-up Myosense ; la société sera cotée en juin.",
    ] {
        let doc = x.extract(text);
        assert_eq!(
            events(&doc, "ACQUISITION")[0].modality,
            frextract::Modality::Asserted,
            "{text}"
        );
    }
}

#[test]
fn a_pronoun_subject_is_no_person_named_in_a_complement_before_it() {
    check_one(&[
        (
            "Fondée en 1991 par Jean-Louis Orsenne, la société de gestion Orsenne Gestion gère \
             9,4 milliards d'euros d'actifs. Elle a racheté en janvier la boutique lyonnaise \
             Saône Capital.",
            "ACQUISITION",
            "buyer",
            &["Orsenne Gestion"],
        ),
        // A person who is the subject is still what the pronoun takes up.
        (
            "Jean-Louis Orsenne a quitté la société de gestion Orsenne Gestion. Il a racheté \
             en janvier la boutique lyonnaise Saône Capital.",
            "ACQUISITION",
            "buyer",
            &["Jean-Louis Orsenne"],
        ),
    ]);
}

#[test]
fn a_company_noun_in_a_complement_stands_for_its_organisation() {
    check_one(&[
        // `par le groupe`: the buyer is the group the text introduced.
        (
            "Le groupe Vexmoor emploie 300 personnes. Lucas Martin a été nommé directeur, un \
             poste créé après le rachat par le groupe, en janvier, du développeur Solarcausse \
             pour 38 M€.",
            "ACQUISITION",
            "buyer",
            &["Vexmoor"],
        ),
        // After a word of the pattern that holds the article (`au`, `du`).
        (
            "Le groupe Sellatec a racheté Tapisserie Gaudin. M. Marchandeau a fait savoir \
             qu'il saisirait le tribunal de commerce de Besançon pour réclamer au groupe 2,1 \
             millions d'euros d'indemnités.",
            "LAWSUIT",
            "defendant",
            &["Sellatec"],
        ),
        (
            "Le Stade Cornouaillais, club de rugby de Quimper, change de mains. Le fonds \
             new-yorkais Harbor Point Sports a racheté vendredi 80 % du club à son président, \
             Yannick Le Berre, pour 9 M€.",
            "ACQUISITION",
            "target",
            &["Stade Cornouaillais"],
        ),
        // A noun that introduces a name leaves the slot to the name.
        (
            "John Schulman a annoncé sa décision de quitter OpenAI et de rejoindre la société \
             d'IA rivale Anthropic.",
            "DEPARTURE",
            "destination",
            &["Anthropic"],
        ),
        // The complement's company noun is the one defendant: the words
        // after the trigger are not read again as an object.
        (
            "Le groupe Aubrac Énergies a racheté Méthavia en 2016. L'association Causses \
             Vivantes a porté plainte contre la maison mère pour la pollution de l'Aveyron.",
            "LAWSUIT",
            "defendant",
            &["Aubrac Énergies"],
        ),
    ]);
}

#[test]
fn a_company_noun_far_before_its_name_still_introduces_it() {
    // `l'éditeur` stands six words before `Lunacarte`, past `de logiciels
    // d'imagerie satellitaire`: the later `l'éditeur` is that company, not
    // the group named since.
    check_one(&[(
        "L'éditeur nantais de logiciels d'imagerie satellitaire Lunacarte va acquérir la \
         société Terramap pour 40 M€. Le groupe Terramap emploie 90 personnes. Fondé en 2011 \
         par Paul Ternier, l'éditeur compte 300 salariés.",
        "FOUNDING",
        "org",
        &["Lunacarte"],
    )]);
}

#[test]
fn a_second_result_of_the_clause_shares_the_first_ones_company() {
    // `une perte` has no subject of its own: it is the loss of the company
    // whose revenue the clause gives, not of the buyer the text names most.
    check_one(&[(
        "Le groupe Hermès a pris le contrôle de la manufacture Vallier & Fils. Hermès \
         investira 8 M€. Fondée en 1901 par Louis Vallier, la maison emploie 120 artisans. Elle a réalisé l'an \
         dernier un chiffre d'affaires de 25 millions d'euros, mais aussi une perte de 1,8 M€.",
        "LOSS",
        "org",
        &["Vallier & Fils"],
    )]);
}

#[test]
fn a_lender_named_before_the_loan_noun_is_the_investor() {
    check_one(&[
        (
            "Le Racing Club Vierzonnais a bouclé auprès de la Caisse d'Épargne Loire-Centre un \
             financement de 3 M€ pour son centre de formation.",
            "FUNDING",
            "investors",
            &["Caisse d'Épargne Loire-Centre"],
        ),
        (
            "Le Racing Club Vierzonnais a bouclé auprès de la Caisse d'Épargne Loire-Centre un \
             financement de 3 M€ pour son centre de formation.",
            "FUNDING",
            "org",
            &["Racing Club Vierzonnais"],
        ),
        (
            "Pour boucler son plan, la société Transalpine Fret a signé avec la Banque \
             européenne d'investissement un prêt de 150 M€ sur vingt ans.",
            "FUNDING",
            "investors",
            &["Banque européenne d'investissement"],
        ),
        // `à` before the name: the borrower.
        (
            "La Banque des Territoires a accordé lundi à Getlink un financement de 40 M€.",
            "FUNDING",
            "org",
            &["Getlink"],
        ),
    ]);
}

#[test]
fn a_pronoun_subject_is_not_the_investor_of_its_own_event() {
    // The fund is named four times, so it is no mere investor for the
    // salience, and `elle` would take it up; still, the fund did not raise
    // money from itself: the organisation is the one the text is about.
    let doc = Extractor::new().extract(
        "Hylior boucle un tour de table. Le fabricant d'électrolyseurs Hylior a bouclé un tour \
         de table de 140 M€ mené par le fonds Isère Transition Capital. Fondée en 2021, Hylior \
         emploie 80 personnes ; Hylior vise 2 000 salariés. Isère Transition Capital détient \
         désormais 30 % de Hylior et l'associée d'Isère Transition Capital entre au conseil. \
         Elle avait déjà levé 45 M€ en 2027 auprès d'Isère Transition Capital.",
    );
    let raised = events(&doc, "FUNDING");
    let earlier = raised
        .iter()
        .find(|e| e.trigger.text == "levé")
        .unwrap_or_else(|| panic!("no FUNDING on `levé`: {raised:?}"));
    assert_eq!(args_text(&doc, earlier, "org"), ["Hylior"]);
    assert_eq!(
        args_text(&doc, earlier, "investors"),
        ["Isère Transition Capital"]
    );
}

#[test]
fn a_generic_acronym_subject_stands_for_the_organisation_of_the_passage() {
    // `SPL` (société publique locale) is no name, even before `a racheté`:
    // it is the company the passage is about.
    let doc = Extractor::new().extract(
        "Créée en 2016 par l'agglomération, Mobilités Béarn emploie 410 agents. La SPL a \
         racheté en mai, pour 3,2 M€, le transporteur Vallée Navettes.",
    );
    assert!(
        !doc.entities.iter().any(|e| e.text == "SPL"),
        "{:?}",
        doc.entities
    );
    let bought = events(&doc, "ACQUISITION");
    assert_eq!(bought.len(), 1, "{bought:?}");
    assert_eq!(args_text(&doc, bought[0], "buyer"), ["Mobilités Béarn"]);
}

#[test]
fn a_gerund_has_the_subject_of_its_clause() {
    // `en acquérant` is Orvane's doing, not the house's named before it:
    // one acquisition, priced by the gerund.
    check_one(&[(
        "Le groupe de luxe Orvane a pris lundi le contrôle de la maison de maroquinerie \
         Delbarre, en acquérant 70 % de son capital pour environ 90 millions d'euros.",
        "ACQUISITION",
        "buyer",
        &["Orvane"],
    )]);
}

#[test]
fn investors_named_in_the_next_sentence_complete_the_funding() {
    // `Le tour de table est mené par …` alone makes no event: it names the
    // investors of the round told before.
    check_one(&[(
        "La start-up nantaise Cargomind change de braquet. Elle a bouclé jeudi un tour de \
         table de 38 millions d'euros. Le tour de table est mené par Partech, aux côtés de \
         Bpifrance.",
        "FUNDING",
        "investors",
        &["Partech", "Bpifrance"],
    )]);
}

#[test]
fn a_fund_known_by_its_name_ending_is_not_what_the_start_up_stands_for() {
    // `Ventures` marks a fund (`org_suffixes.txt`, second column): named
    // twice, it is still an investor, and `la start-up` is the company.
    check_one(&[(
        "La jeune pousse Semeo a levé 32 M€ auprès de Garrigue Ventures. Garrigue Ventures \
         détient désormais 20 % du capital. Cofondée en 2025 par Lucie Fabre, la start-up a \
         réalisé en 2029 un chiffre d'affaires de 5,1 M€.",
        "REVENUE",
        "org",
        &["Semeo"],
    )]);
}
