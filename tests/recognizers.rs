//! Persons, organisations, roles, dates and relations found by rule, and
//! in-document coreference, each on its own sentence.

use frextract::{Extractor, Label, NaiveDate};
use std::sync::OnceLock;

fn x() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::new)
}

fn texts(text: &str, label: Label) -> Vec<String> {
    x().extract(text)
        .entities_with(label)
        .map(|e| e.text.clone())
        .collect()
}

#[test]
fn extractor_is_send_sync_and_cheap_to_clone() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Extractor>();
}

#[test]
fn a_first_name_glued_to_a_capitalised_word_is_a_company() {
    let text = "Selon Noémie Baratier, analyste chez AlphaValue, le marché se consolide.";
    assert_eq!(texts(text, Label::Person), ["Noémie Baratier"]);
    assert_eq!(texts(text, Label::Org), ["AlphaValue"]);
}

#[test]
fn persons_by_rule() {
    assert_eq!(
        texts("Selon Luc Marin, tout va bien.", Label::Person),
        ["Luc Marin"]
    );
    assert_eq!(
        texts("M. Schulman et Mme Vasseur sont partis.", Label::Person),
        ["Schulman", "Vasseur"]
    );
    assert_eq!(
        texts("Le directeur, Yann Le Bihan, a démissionné.", Label::Person),
        ["Yann Le Bihan"]
    );
    // A role with its complement, then an apposed name nobody listed; not
    // a name that is no person's (`Paris Match`, a known title).
    assert_eq!(
        texts(
            "Le capitaine du club, Sione Taufa, quittera Vannes.",
            Label::Person
        ),
        ["Sione Taufa"]
    );
    assert!(texts(
        "Le directeur de Vernial, Paris Match, a parlé.",
        Label::Person
    )
    .is_empty());
    // A compound of listed first names, unlisted itself, at a sentence's start.
    assert_eq!(
        texts("Claire-Anne Mignot a parlé.", Label::Person),
        ["Claire-Anne Mignot"]
    );
    assert_eq!(
        texts("M. de Kermadec dément.", Label::Person),
        ["de Kermadec"]
    );
    assert_eq!(
        texts("Jean DUPONT a signé.", Label::Person),
        ["Jean DUPONT"]
    );
    assert_eq!(
        texts("Selon J. Dupont, c'est fini.", Label::Person),
        ["J. Dupont"]
    );
    // Sentence-initial words, months and places are not persons.
    assert!(texts(
        "Selon nos informations, Paris et Mars sont concernés.",
        Label::Person
    )
    .is_empty());
    // A product is not a person.
    assert!(texts("Claude Haiku est un modèle.", Label::Person).is_empty());
}

#[test]
fn organisations_by_rule() {
    assert_eq!(
        texts("La start-up Alvéole recrute.", Label::Org),
        ["Alvéole"]
    );
    assert_eq!(
        texts("Il dirige Biolume SAS depuis peu.", Label::Org),
        ["Biolume SAS"]
    );
    assert_eq!(
        texts("Elle travaille chez Kervadec depuis dix ans.", Label::Org),
        ["Kervadec"]
    );
    // A domain word right after the head begins a name of several words;
    // past the head's modifiers it is the domain.
    assert_eq!(
        texts(
            "Le groupe Presse Alpine Réunie a racheté la plateforme Ondéa.",
            Label::Org
        ),
        ["Presse Alpine Réunie", "Ondéa"]
    );
    assert_eq!(
        texts("Il a rejoint la société d'IA rivale Anthropic.", Label::Org),
        ["Anthropic"]
    );
    assert_eq!(
        texts("Le tribunal de commerce de Tanger a tranché.", Label::Org),
        ["tribunal de commerce de Tanger"]
    );
    // A capitalised head and its complement; the verb after the name is not
    // part of it.
    for (text, org) in [
        (
            "Les Éditions du Héron ont été vendues.",
            "Éditions du Héron",
        ),
        (
            "Les Laboratoires du Marais avaient été fondés en 1978.",
            "Laboratoires du Marais",
        ),
        // Name words before a capitalised head, after an article.
        (
            "Le président du Racing Club Drômois a parlé.",
            "Racing Club Drômois",
        ),
        // A head written with a capital in `org_heads.tsv` heads a name
        // only when capitalised in the text too: `le stade Bollaert` is a
        // ground.
        (
            "Le Stade Ligérien joue au stade Bollaert.",
            "Stade Ligérien",
        ),
        // A verb after a capitalised head is no adjective of the name.
        (
            "Le groupe Kervadec Médias aurait mandaté une banque.",
            "Kervadec Médias",
        ),
        // A club's initials head its name, a town alone included.
        (
            "Le FC Valmont-Cévennes a été racheté.",
            "FC Valmont-Cévennes",
        ),
        ("Le RC Vannes a perdu 2 M€.", "RC Vannes"),
    ] {
        assert_eq!(texts(text, Label::Org), [org], "{text}");
    }
    // A place whose first word folds to a function word (`Côte`, `côté`)
    // still belongs to a name and to an acronym's letters.
    assert_eq!(
        texts(
            "Il travaille chez Kerval Côte d'Azur depuis 2010.",
            Label::Org
        ),
        ["Kerval Côte d'Azur"]
    );
    assert_eq!(
        texts(
            "Le déficit de Mobilités Côte d'Opale (MCO) a atteint 14 millions d'euros.",
            Label::Org
        ),
        ["Mobilités Côte d'Opale", "MCO"]
    );
    // Lowercase institutions named by their complement: universities and
    // public bodies with a head of several words, not a one-word head.
    assert_eq!(
        texts(
            "Elle enseigne à l'université de Rennes et à l'université Grenoble Alpes.",
            Label::Org
        ),
        ["université de Rennes", "université Grenoble Alpes"]
    );
    assert_eq!(
        texts(
            "La communauté d'agglomération du Boulonnais et la chambre régionale \
             des comptes Hauts-de-France ont tranché.",
            Label::Org
        ),
        [
            "communauté d'agglomération du Boulonnais",
            "chambre régionale des comptes Hauts-de-France"
        ]
    );
    assert!(texts("L'agence de Lyon ferme.", Label::Org).is_empty());
    // `Financière`, a holding's head noun, but not inside a listed role.
    assert_eq!(
        texts(
            "Le conseil de la Financière Aubrac a révoqué son président.",
            Label::Org
        ),
        ["Financière Aubrac"]
    );
    assert!(texts("La directrice financière Durand est partie.", Label::Org).is_empty());
    // A name before an apposed head noun, with or without an article.
    assert_eq!(
        texts(
            "À Montbéliard, Voltéo, start-up fondée en 2021, recrute.",
            Label::Org
        ),
        ["Voltéo"]
    );
    // A cooperative bank's regional bank: its name and a region.
    assert_eq!(
        texts(
            "Le prêt est accordé par la Caisse d'Épargne Bourgogne Franche-Comté.",
            Label::Org
        ),
        ["Caisse d'Épargne Bourgogne Franche-Comté"]
    );
    assert_eq!(
        texts(
            "Le club a obtenu un prêt de la Banque Populaire du Sud.",
            Label::Org
        ),
        ["Banque Populaire du Sud"]
    );
    assert_eq!(
        texts("Le résultat de BNP Paribas avait reculé.", Label::Org),
        ["BNP Paribas"]
    );
    // `Alan` is an insurer and a first name: here a person.
    assert_eq!(
        texts("Selon Alan Turing, la machine pense.", Label::Person),
        ["Alan Turing"]
    );
    // A capitalised head and its name, a place among more name words.
    assert_eq!(
        texts(
            "Elle dirigeait le service juridique de la Mutuelle Sarthe Horizon.",
            Label::Org
        ),
        ["Mutuelle Sarthe Horizon"]
    );
    let doc = x().extract(
        "La Commission de régulation de l'énergie (CRE) a statué. La CRE publiera son avis.",
    );
    let orgs: Vec<(&str, Option<&str>)> = doc
        .entities_with(Label::Org)
        .map(|e| (e.text.as_str(), e.canonical.as_deref()))
        .collect();
    assert_eq!(orgs[0].0, "Commission de régulation de l'énergie");
    assert!(
        orgs.iter()
            .filter(|(t, _)| *t == "CRE")
            .all(|(_, c)| *c == Some("Commission de régulation de l'énergie")),
        "{orgs:?}"
    );
    // One letter per capitalised part of a hyphenated word.
    let doc = x().extract("Le Racing Club de Saint-Vallier (RCSV) est promu. Le RCSV recrute.");
    let canonicals: Vec<Option<&str>> = doc
        .entities_with(Label::Org)
        .map(|e| e.canonical.as_deref())
        .collect();
    assert_eq!(
        canonicals,
        [Some("Racing Club de Saint-Vallier"); 3],
        "{:?}",
        doc.entities
    );
    // A capital `L'` after a word is part of a title; after a dateline it
    // is the article.
    assert_eq!(
        texts(
            "Le rachat de L'Écho du Var par le groupe Médiapolis est bouclé.",
            Label::Org
        ),
        ["L'Écho du Var", "Médiapolis"]
    );
    // So is a capital `La`, `Le` or `Les`.
    assert_eq!(
        texts(
            "Ponant Médias, éditeur du quotidien La Vigie de Brest, recrute.",
            Label::Org
        ),
        ["Ponant Médias", "La Vigie de Brest"]
    );
    assert_eq!(
        texts(
            "MONT-DE-MARSAN, 18 janvier 2024 - L'Aviron Landais a signé un contrat.",
            Label::Org
        ),
        ["Aviron Landais"]
    );
    // A trade noun names a company even when a person bears the name.
    assert_eq!(
        texts(
            "La fromagerie Bouvret a été vendue. Gérald Bouvret témoigne.",
            Label::Org
        ),
        ["Bouvret"]
    );
    // A name before a head noun in apposition, but not a person's.
    assert_eq!(
        texts(
            "Elle a racheté Kalterm, un petit fabricant allemand de membranes.",
            Label::Org
        ),
        ["Kalterm"]
    );
    assert!(texts(
        "Il a rencontré M. Bodin, un ancien fabricant de selles.",
        Label::Org
    )
    .is_empty());
    assert!(texts(
        "Il a rencontré Luc Bodin, un ancien fabricant de selles.",
        Label::Org
    )
    .is_empty());
    // A common word is no organisation at the start of a sentence.
    assert!(texts("Orange est la couleur de la saison.", Label::Org).is_empty());
    assert_eq!(
        texts("Le groupe a signé avec Orange hier.", Label::Org),
        ["Orange"]
    );
}

#[test]
fn coreference_gives_the_fullest_name() {
    let doc = x().extract(
        "John Schulman quitte OpenAI. Schulman rejoint Anthropic. M. Schulman s'explique.",
    );
    let canon: Vec<&str> = doc
        .entities_with(Label::Person)
        .map(|e| e.canonical.as_deref().unwrap())
        .collect();
    assert_eq!(canon, ["John Schulman", "John Schulman", "John Schulman"]);
}

#[test]
fn role_words_used_as_other_words_are_no_roles() {
    for text in [
        // Other accents: a participle and a verb that fold like `juge` and `délégué`.
        "Un magazine jugé trop coûteux ferme.",
        "Il délègue la gestion du site.",
        // After an article and a noun: that noun's adjective.
        "L'équipe dirigeante se renforce.",
        "Le comité directeur a voté.",
    ] {
        assert!(texts(text, Label::Role).is_empty(), "{text}");
    }
    // `élu` is how a person got a role, not one (`élue présidente`), and
    // the gold gives no role to `les élus` of a council.
    assert_eq!(
        texts(
            "Elle a été élue présidente du directoire. Les élus ont voté.",
            Label::Role
        ),
        ["présidente du directoire"]
    );
    // A text without accents, or in capitals, is still read; adjectives of
    // roles, ordinals and possessives leave the role.
    assert_eq!(
        texts(
            "La presidente Anne Roy et le PRÉSIDENT Luc Marin. Le nouveau directeur \
             arrive. Le troisième cofondateur part. Il reste pour sa part directeur \
             des opérations.",
            Label::Role
        ),
        [
            "presidente",
            "PRÉSIDENT",
            "directeur",
            "cofondateur",
            "directeur des opérations"
        ]
    );
}

#[test]
fn a_club_after_an_article_is_no_person_and_its_acronym_takes_its_name() {
    let doc = x().extract(
        "Séisme à l'AS Roche-Vernay, l'entraîneur démis. Lanterne rouge, \
         l'AS Roche-Vernay (ASRV) a limogé son entraîneur. L'ASRV recrute.",
    );
    assert_eq!(doc.entities_with(Label::Person).count(), 0);
    let orgs: Vec<(&str, &str)> = doc
        .entities_with(Label::Org)
        .map(|e| (e.text.as_str(), e.name()))
        .collect();
    assert_eq!(
        orgs,
        [
            ("AS Roche-Vernay", "AS Roche-Vernay"),
            ("AS Roche-Vernay", "AS Roche-Vernay"),
            ("ASRV", "AS Roche-Vernay"),
            ("ASRV", "AS Roche-Vernay")
        ]
    );
}

#[test]
fn a_competition_is_no_organisation() {
    // `Ligue 2` is a competition (products.txt); `Ligue 1+`, a channel, and
    // the league's body stay organisations.
    assert_eq!(
        texts(
            "Le fonds a racheté 80 % du club de Ligue 2. Ligue 1+ diffuse les matchs de la \
             Ligue de football professionnel.",
            Label::Org
        ),
        ["Ligue 1+", "Ligue de football professionnel"]
    );
}

#[test]
fn an_unlisted_noun_right_after_de_completes_a_role() {
    assert_eq!(
        texts(
            "Amine Tazi, directeur des expositions, et Olivier Taddeï, directeur \
             des marchés de capitaux de Natixis.",
            Label::Role
        ),
        [
            "directeur des expositions",
            "directeur des marchés de capitaux"
        ]
    );
    // Not a time (a `never` line), not after an article.
    assert_eq!(
        texts(
            "Luc Marin, associé de longue date, devient directeur du club.",
            Label::Role
        ),
        ["associé", "directeur"]
    );
    // After `d'` too; an event word is no domain.
    assert_eq!(
        texts(
            "Le journaliste d'investigation Marc Teyssier enquête.",
            Label::Role
        ),
        ["journaliste d'investigation"]
    );
}

#[test]
fn a_unit_of_an_organisation_keeps_its_name() {
    assert_eq!(
        texts(
            "Il était directeur de la division poids lourds de Michelin.",
            Label::Role
        ),
        ["directeur de la division poids lourds"]
    );
    assert_eq!(
        texts(
            "La cheffe du service économie, Sandrine Ollier, part.",
            Label::Role
        ),
        ["cheffe du service économie"]
    );
    // The name stops before a verb.
    assert_eq!(
        texts("Le chef du service politique démissionne.", Label::Role),
        ["chef du service politique"]
    );
}

#[test]
fn an_apposed_only_head_names_a_company_after_its_name_not_before_one() {
    assert_eq!(
        texts(
            "Hydrelis, le producteur d'hydrogène vert, investira deux milliards.",
            Label::Org
        ),
        ["Hydrelis"]
    );
    // After a colon too, but a headline's rubric is no name.
    assert_eq!(
        texts(
            "La plus grosse revient à Stratosyn : le fabricant toulousain de satellites.",
            Label::Org
        ),
        ["Stratosyn"]
    );
    assert_eq!(
        texts(
            "Joaillerie : la maison Daubrée ouvre son capital.",
            Label::Org
        ),
        ["Daubrée"]
    );
    // Before a name, `producteur` is a person's job.
    assert!(texts("Le producteur Don Hahn craint le pire.", Label::Org).is_empty());
}

#[test]
fn an_unknown_name_in_a_company_context_is_an_organisation() {
    // The object of a verb whose object is a company, a name after
    // `auprès de`, the subject of a verb whose subject is one.
    assert_eq!(
        texts(
            "Sorelia a racheté Kalvia pour 3 millions d'euros.",
            Label::Org
        ),
        ["Sorelia", "Kalvia"]
    );
    assert_eq!(
        texts("La PME a levé 2 millions auprès de Demeter.", Label::Org),
        ["Demeter"]
    );
    assert_eq!(
        texts("Hélionord vient de boucler sa levée.", Label::Org),
        ["Hélionord"]
    );
    assert_eq!(
        texts("Daubrée a débauché Capucine Aït-Brahim.", Label::Org),
        ["Daubrée"]
    );
    // A person, a place, a pronoun or a word not next to the context is no
    // organisation.
    assert!(texts("Elle a rejoint Luc Marin à Lyon.", Label::Org).is_empty());
    assert!(texts("Il a quitté Toulouse en mars.", Label::Org).is_empty());
    assert!(texts("Celle-ci vient de lever 950 000 euros.", Label::Org).is_empty());
    assert_eq!(
        texts("Sorelia, selon Le Monde, a levé des fonds.", Label::Org),
        ["Le Monde"]
    );
    // A person's surname stays a person; a family firm's name a firm.
    assert_eq!(
        texts(
            "Delaunay a racheté Kalvia. Marc Delaunay avait quitté Sorelia.",
            Label::Org
        ),
        ["Kalvia", "Sorelia"]
    );
    assert_eq!(
        texts(
            "La maison Castaigne perd sa styliste. Castaigne a nommé Luc Marin.",
            Label::Org
        ),
        ["Castaigne", "Castaigne"]
    );
}

#[test]
fn a_company_noun_is_a_role_only_when_tied_to_a_person() {
    assert!(
        texts("L'éditeur parisien a nommé un nouveau patron.", Label::Role)
            .iter()
            .all(|r| r != "éditeur")
    );
    assert!(texts("Il a racheté un courtier en ligne nantais.", Label::Role).is_empty());
    // `joaillier`, `promoteur`: a company before a company's name, a job
    // before a person's.
    assert!(texts("Ambrine a racheté le joaillier Mauboussin.", Label::Role).is_empty());
    assert_eq!(
        texts(
            "Fondée par la joaillière Louise Hazan, Ambrine grandit.",
            Label::Role
        ),
        ["joaillière"]
    );
    assert_eq!(
        texts(
            "Le promoteur Vincent Aguerre poursuit le journal.",
            Label::Role
        ),
        ["promoteur"]
    );
    assert_eq!(
        texts(
            "Luc Marin, éditeur chez Gallimard, publie un roman.",
            Label::Role
        ),
        ["éditeur"]
    );
}

#[test]
fn an_acronym_written_as_a_word_is_defined_too() {
    let doc = x().extract(
        "Elle dirige l'Établissement public d'aménagement Seine-Amont (Epasa). \
         L'Epasa perd de l'argent.",
    );
    let orgs: Vec<(&str, &str)> = doc
        .entities_with(Label::Org)
        .map(|e| (e.text.as_str(), e.name()))
        .collect();
    let long = "Établissement public d'aménagement Seine-Amont";
    assert_eq!(orgs, [(long, long), ("Epasa", long), ("Epasa", long)]);
    // Its letters must match: a place in parentheses is no acronym.
    assert!(texts("Une usine à Fos-sur-Mer (Marseille).", Label::Org).is_empty());
}

#[test]
fn roles_with_complements_and_plurals() {
    assert_eq!(
        texts("La directrice financière de Biolume part.", Label::Role),
        ["directrice financière"]
    );
    assert_eq!(
        texts(
            "Il est cofondateur et responsable de la recherche.",
            Label::Role
        ),
        ["cofondateur", "responsable de la recherche"]
    );
    assert_eq!(
        texts("Le président d'OpenAI parle.", Label::Role),
        ["président"]
    );
    // A listed compound is one role, not `agent` and a plural `joueurs`.
    assert_eq!(
        texts(
            "Il est poursuivi par l'agent de joueurs Mehdi Sassi.",
            Label::Role
        ),
        ["agent de joueurs"]
    );
    assert!(texts("Le drame des dirigeants de l'année dernière.", Label::Role).is_empty());
    // `l'un des trois cofondateurs`: a number word may stand after `des`.
    assert_eq!(
        texts(
            "Paul Remy, l'un des trois cofondateurs de Vernial, part.",
            Label::Role
        ),
        ["cofondateurs"]
    );
    assert_eq!(
        texts(
            "Jan Leike et Ilya Sutskever, dirigeants d'OpenAI, ont parlé.",
            Label::Role
        ),
        ["dirigeants"]
    );
    // Titles and domain complements of the seventh batch: the whole
    // title, not `chef`, `secrétaire` or `responsable du commerce`.
    for (text, role) in [
        (
            "Lucie Ferrat, parfumeuse en chef, part.",
            "parfumeuse en chef",
        ),
        (
            "Sandra Pell, secrétaire du comité social et économique, proteste.",
            "secrétaire du comité social et économique",
        ),
        (
            "Naïma Bensa, responsable du commerce en ligne, arrive.",
            "responsable du commerce en ligne",
        ),
        (
            "Mathilde Roz, directrice de la gestion privée, arrive.",
            "directrice de la gestion privée",
        ),
    ] {
        assert_eq!(texts(text, Label::Role), [role], "{text}");
    }
    let doc = x().extract("La directrice financière quitte le groupe.");
    assert_eq!(
        doc.entities_with(Label::Role)
            .next()
            .unwrap()
            .canonical
            .as_deref(),
        Some("directeur financier")
    );
}

#[test]
fn dates_with_iso_values() {
    let d = NaiveDate::from_ymd_opt(2024, 8, 6);
    let iso = |text: &str| -> Vec<(String, Option<String>)> {
        x().extract_dated(text, d)
            .entities_with(Label::Date)
            .map(|e| (e.text.clone(), e.date.clone().unwrap().iso))
            .collect()
    };
    assert_eq!(
        iso("Le 6 août 2024, il part."),
        [("6 août 2024".into(), Some("2024-08-06".into()))]
    );
    assert_eq!(
        iso("Signé le 06/08/2024."),
        [("06/08/2024".into(), Some("2024-08-06".into()))]
    );
    assert_eq!(
        iso("Il est arrivé en 2023."),
        [("2023".into(), Some("2023".into()))]
    );
    assert_eq!(
        iso("Il investira 75 M€ d'ici à 2028 et 10 M€ jusqu'à 2030."),
        [
            ("2028".into(), Some("2028".into())),
            ("2030".into(), Some("2030".into()))
        ]
    );
    assert_eq!(
        iso("Résultats au troisième trimestre 2024."),
        [("troisième trimestre 2024".into(), Some("2024-Q3".into()))]
    );
    assert_eq!(
        iso("Livraison mi-2025."),
        [("mi-2025".into(), Some("2025-06".into()))]
    );
    // 2024-08-06 is a Tuesday: a bare weekday is the last one, or the next
    // one in a clause in the future.
    assert_eq!(
        iso("Il a signé lundi."),
        [("lundi".into(), Some("2024-08-05".into()))]
    );
    assert_eq!(
        iso("Il prendra ses fonctions lundi."),
        [("lundi".into(), Some("2024-08-12".into()))]
    );
    assert_eq!(
        iso("Elle va signer jeudi."),
        [("jeudi".into(), Some("2024-08-08".into()))]
    );
    assert_eq!(
        iso("En congé jusqu'à la mi-décembre, puis mi-mars 2026."),
        [
            ("la mi-décembre".into(), Some("2024-12".into())),
            ("mi-mars 2026".into(), Some("2026-03".into()))
        ]
    );
    assert_eq!(
        iso("Il partira à la fin de l'année."),
        [("la fin de l'année".into(), Some("2024-12".into()))]
    );
    assert_eq!(
        iso("Il est parti hier."),
        [("hier".into(), Some("2024-08-05".into()))]
    );
    assert_eq!(
        iso("Il est parti lundi."),
        [("lundi".into(), Some("2024-08-05".into()))]
    );
    assert_eq!(
        iso("Il reviendra la semaine prochaine."),
        [("la semaine prochaine".into(), Some("2024-W33".into()))]
    );
    // A month without year is the one nearest to the document date, or, in
    // a compound past, the last one.
    assert_eq!(
        iso("Il partira en octobre."),
        [("octobre".into(), Some("2024-10".into()))]
    );
    assert_eq!(
        iso("Il a été licencié en octobre."),
        [("octobre".into(), Some("2023-10".into()))]
    );
    // Durations and years in titles are not dates.
    assert!(iso("Il est resté 9 ans et quelques jours.").is_empty());
    assert!(iso("Notre Guide 2024 est paru.").is_empty());
    // Without a document date a relative date has no ISO value.
    let e = x().extract("Il est parti l'année dernière.");
    let v = e
        .entities_with(Label::Date)
        .next()
        .unwrap()
        .date
        .clone()
        .unwrap();
    assert!(v.relative && v.iso.is_none());
}

#[test]
fn role_of_relations() {
    let rel = |text: &str| -> Vec<(String, String, Option<String>)> {
        let doc = x().extract(text);
        let t = |id: &str| {
            doc.entity(id)
                .unwrap()
                .canonical
                .clone()
                .unwrap_or_else(|| doc.entity(id).unwrap().text.clone())
        };
        doc.relations
            .iter()
            .map(|r| (t(&r.person), t(&r.role), r.org.as_deref().map(t)))
            .collect()
    };
    assert_eq!(
        rel("Greg Brockman, président d'OpenAI et autre cofondateur, prend un congé."),
        [
            (
                "Greg Brockman".into(),
                "président".into(),
                Some("OpenAI".into())
            ),
            (
                "Greg Brockman".into(),
                "cofondateur".into(),
                Some("OpenAI".into())
            )
        ]
    );
    assert_eq!(
        rel("Le PDG Sam Altman a été licencié."),
        [("Sam Altman".into(), "PDG".into(), None)]
    );
    // Copulas in the future and the imperfect: `restera`, `restait`.
    for text in [
        "Julien Sabatès, qui restera président d'Héliandre, a parlé.",
        "Julien Sabatès restait président d'Héliandre.",
    ] {
        assert_eq!(
            rel(text),
            [(
                "Julien Sabatès".into(),
                "président".into(),
                Some("Héliandre".into())
            )],
            "{text}"
        );
    }
    assert_eq!(
        rel("John Schulman : Cofondateur et responsable de la recherche"),
        [
            ("John Schulman".into(), "cofondateur".into(), None),
            (
                "John Schulman".into(),
                "responsable de la recherche".into(),
                None
            )
        ]
    );
    assert_eq!(
        rel("Luc Marin a été nommé directeur financier de Biolume SAS."),
        [(
            "Luc Marin".into(),
            "directeur financier".into(),
            Some("Biolume SAS".into())
        )]
    );
}

#[test]
fn a_name_set_off_by_commas_after_a_company_noun_is_an_organisation() {
    for (text, want) in [
        (
            "Sa filiale horlogère, Orsini Genève, a en revanche perdu 11 millions.",
            &["Orsini Genève"][..],
        ),
        (
            "Seule ombre, la filiale de vente à distance, Ardelle Direct, a perdu 6 M€.",
            &["Ardelle Direct"],
        ),
        // The name describes the noun the head complements, a person's.
        (
            "On regrette l'ancien leader du groupe, Syd Barrett, qui a quitté la scène.",
            &[],
        ),
        // A determiner past the head opens another noun phrase: the head's
        // words end before it.
        (
            "Le groupe comprenait un de ses camarades d'école, Boz Scaggs, qui chantait.",
            &[],
        ),
    ] {
        assert_eq!(texts(text, Label::Org), want, "{text}");
    }
}

#[test]
fn a_known_name_and_capitalised_words_after_it_name_a_subsidiary() {
    for (text, orgs) in [
        (
            "Il a quitté Orange Tunisie en mars.",
            vec!["Orange Tunisie"],
        ),
        (
            "Le directeur de Renault Maroc démissionne.",
            vec!["Renault Maroc"],
        ),
        // Not a person named right after it, nor a glued word.
        ("Le PDG de Renault Luca de Meo a parlé.", vec!["Renault"]),
        ("Il a parlé à Renault Jeudi.", vec!["Renault"]),
    ] {
        assert_eq!(texts(text, Label::Org), orgs, "{text}");
    }
}

#[test]
fn a_known_name_ending_a_longer_one_is_not_that_name() {
    // `Ponant` is in orgs.tsv (Compagnie du Ponant): here it ends another name.
    assert_eq!(
        texts(
            "Le pétrolier indépendant Pétroles du Ponant envisage une acquisition.",
            Label::Org
        ),
        ["Pétroles du Ponant"]
    );
    // The particle rule never swallows a role or a title.
    assert_eq!(
        texts("Le Président de Renault est arrivé.", Label::Org),
        ["Renault"]
    );
    assert_eq!(
        texts(
            "Ancien de BNP Paribas Cardif, M. Kessler a succédé à Mme Arnoux.",
            Label::Org
        ),
        ["BNP Paribas Cardif"]
    );
    // Particles inside a name before a legal suffix.
    assert_eq!(
        texts(
            "Le patron de Forces Motrices du Léman SA quittera ses fonctions.",
            Label::Org
        ),
        ["Forces Motrices du Léman SA"]
    );
}

#[test]
fn an_organisation_is_found_again_by_its_first_word() {
    let doc = x().extract(
        "Le laboratoire Noctua Labs a levé 20 millions d'euros. « Noctua restera \
         indépendant », a déclaré sa présidente.",
    );
    let orgs: Vec<(String, Option<String>)> = doc
        .entities_with(Label::Org)
        .map(|e| (e.text.clone(), e.canonical.clone()))
        .collect();
    assert_eq!(
        orgs,
        [
            ("Noctua Labs".to_string(), Some("Noctua Labs".to_string())),
            ("Noctua".to_string(), Some("Noctua Labs".to_string())),
        ]
    );
    // A first word the text also writes in lowercase is a common word.
    let doc = x().extract(
        "Crédit Rhodanien Conseil ouvre une agence. Le crédit est cher. Crédit et \
         épargne progressent.",
    );
    assert!(doc.entities_with(Label::Org).all(|e| e.text != "Crédit"));
}

#[test]
fn a_first_name_alone_stands_for_the_one_person_who_bears_it() {
    let doc = x().extract(
        "Baptiste Lefranc quitte Noctua Labs. « Baptiste a construit notre équipe », dit-elle.",
    );
    let persons: Vec<(&str, &str)> = doc
        .entities_with(Label::Person)
        .map(|e| (e.text.as_str(), e.canonical.as_deref().unwrap()))
        .collect();
    assert_eq!(
        persons,
        [
            ("Baptiste Lefranc", "Baptiste Lefranc"),
            ("Baptiste", "Baptiste Lefranc")
        ]
    );
    // Two persons share it: it stands for neither.
    assert_eq!(
        texts(
            "Luc Marin et Luc Gautier quittent Renault. « Luc a raison », dit-on.",
            Label::Person
        ),
        ["Luc Marin", "Luc Gautier"]
    );
}

#[test]
fn a_lowercase_nationality_after_an_article_names_a_company() {
    assert_eq!(
        texts(
            "L'américain Harvey a levé 300 millions de dollars.",
            Label::Org
        ),
        ["Harvey"]
    );
    assert_eq!(
        texts("Il a racheté l'allemand Wachturm Security.", Label::Org),
        ["Wachturm Security"]
    );
    // A person's nationality is capitalised, and an adjective after a role
    // introduces nobody's company.
    assert!(texts("L'Américain Harvey Smith est arrivé.", Label::Org).is_empty());
    assert!(texts("Le président américain Trump a parlé.", Label::Org).is_empty());
}

#[test]
fn a_place_followed_by_another_word_can_name_an_organisation() {
    assert_eq!(
        texts(
            "La société de gestion parisienne Orsay Gestion a été sanctionnée.",
            Label::Org
        ),
        ["Orsay Gestion"]
    );
    // A place alone after a head noun is no organisation.
    assert!(texts("Le groupe Orsay a été sanctionné.", Label::Org).is_empty());
}

/// (person, role, org) of each ROLE_OF of `text`, canonical texts.
fn relations_of(text: &str) -> Vec<(String, String, Option<String>)> {
    let doc = x().extract(text);
    let t = |id: &str| {
        let e = doc.entity(id).unwrap();
        e.canonical.clone().unwrap_or_else(|| e.text.clone())
    };
    doc.relations
        .iter()
        .map(|r| (t(&r.person), t(&r.role), r.org.as_deref().map(t)))
        .collect()
}

#[test]
fn possessive_roles_and_parenthesised_acronyms() {
    // `son ancienne directrice`: the modifier does not hide the possessive,
    // which takes the organisation named before in the sentence.
    assert_eq!(
        relations_of(
            "Le tribunal a condamné le groupe Novastra à verser 1 million d'euros \
             à son ancienne directrice juridique, Sabine Lacroix."
        ),
        [(
            "Sabine Lacroix".into(),
            "directeur juridique".into(),
            Some("Novastra".into())
        )]
    );
    // The acronym in parentheses after the organisation is skipped.
    assert_eq!(
        relations_of(
            "Le directeur général de Forces Motrices du Léman SA (FML), Beat Zürcher, part."
        ),
        [(
            "Beat Zürcher".into(),
            "directeur général".into(),
            Some("Forces Motrices du Léman SA".into())
        )]
    );
    // No organisation is named twice: the last one that was no complement
    // (`à VivaTech`, `auprès du fonds X` are complements).
    assert_eq!(
        relations_of(
            "La start-up Oliveraie Connectée a levé 4 millions d'euros auprès du fonds \
             AfricInvest. Primée à VivaTech, la société grandit.\n\n\
             Sa fondatrice, Yasmine Trabelsi, prendra un congé."
        ),
        [(
            "Yasmine Trabelsi".into(),
            "fondateur".into(),
            Some("Oliveraie Connectée".into())
        )]
    );
}

#[test]
fn names_joined_by_an_ampersand_and_names_without_their_legal_suffix() {
    assert_eq!(
        texts(
            "Il rachète la banque privée luxembourgeoise Kessel & Weber.",
            Label::Org
        ),
        ["Kessel & Weber"]
    );
    let doc = x().extract(
        "Le groupe rachète Caribou Sands Ltd. pour 2 milliards.\n\n\
         Selon l'analyste, Caribou Sands a dégagé un bénéfice.",
    );
    let orgs: Vec<(&str, &str)> = doc
        .entities_with(Label::Org)
        .map(|e| (e.text.as_str(), e.canonical.as_deref().unwrap()))
        .collect();
    assert_eq!(
        orgs,
        [
            ("Caribou Sands Ltd.", "Caribou Sands Ltd."),
            ("Caribou Sands", "Caribou Sands Ltd.")
        ]
    );
    // `, chez X` after a name gives the organisation of its role.
    assert_eq!(
        relations_of("L'analyste J. Morvan, chez Oddo BHF, juge que Caribou Sands Ltd. est chère."),
        [(
            "J. Morvan".into(),
            "analyste".into(),
            Some("Oddo BHF".into())
        )]
    );
}

#[test]
fn a_guessed_organisation_of_a_role_is_marked_as_such() {
    let x = Extractor::new();
    let doc = x.extract("Renault a publié ses comptes. Le PDG Luca de Meo a salué la performance.");
    let rel = doc.relations.first().expect("a ROLE_OF relation");
    let org = rel
        .org
        .as_deref()
        .expect("the salient organisation as a guess");
    assert_eq!(doc.entity(org).unwrap().text, "Renault");
    assert!(rel.org_guessed);
    let json = serde_json::to_string(rel).unwrap();
    assert!(json.contains("\"org_guessed\":true"), "{json}");
    // Written with the role: no guess, and the field is left out.
    let doc = x.extract("Luca de Meo, PDG de Renault, a salué la performance.");
    let rel = doc.relations.first().expect("a ROLE_OF relation");
    assert!(!rel.org_guessed);
    assert!(!serde_json::to_string(rel).unwrap().contains("org_guessed"));
}

#[test]
fn titles_of_the_press_the_courts_sport_and_crafts_are_roles() {
    assert_eq!(
        texts(
            "Le gardien Yanis Boudjema est blessé. Le dessinateur Maxime Orsat a été \
             licencié. La présidente de chambre Catherine Roy siège. Le maître joaillier \
             Raphaël Tissot est absent. Le port a révoqué son commandant de port, Patrice \
             Lannes.",
            Label::Role
        ),
        [
            "gardien",
            "dessinateur",
            "présidente de chambre",
            "maître joaillier",
            "commandant de port"
        ]
    );
}

#[test]
fn a_company_noun_and_its_adjective_before_a_name_end_a_role() {
    // `du cabinet lyonnais` introduces the firm, it is no domain of the
    // post; `Avocats` ends a law firm's name, `boutique` introduces one.
    let text = "Me Aurélie Fontanel, associée du cabinet lyonnais Delorme Vidal Avocats, a \
                plaidé contre la boutique parisienne Kervella & Sauvat.";
    assert_eq!(texts(text, Label::Role), ["associée"]);
    assert_eq!(
        texts(text, Label::Org),
        ["Delorme Vidal Avocats", "Kervella & Sauvat"]
    );
}

#[test]
fn a_media_word_ends_a_company_name() {
    // Two capitalised words before a verb read as a person's name unless
    // the last one ends company names (`org_suffixes.txt`).
    for (text, name) in [
        (
            "Horizon Radios a essuyé en 2026 un déficit de 3,4 M€.",
            "Horizon Radios",
        ),
        ("Ponant Médias a levé 3 millions d'euros.", "Ponant Médias"),
    ] {
        assert_eq!(texts(text, Label::Org), [name], "{text}");
        assert!(texts(text, Label::Person).is_empty(), "{text}");
    }
}

#[test]
fn investor_words_end_a_fund_name() {
    // `Angels`, `Croissance`, `Partenaires`, `Invest` end the names of funds
    // (`org_suffixes.txt`), here in a list of investors.
    let text = "Le studio avait levé 3,5 millions d'euros auprès de Kima Ventures, d'Armor \
                Angels et de Saône Croissance. Le vendeur, le fonds Rhône Capital \
                Partenaires, sort du capital. L'opération est menée par Sofinnova \
                Partners, aux côtés du fonds familial Capucine Invest.";
    assert_eq!(
        texts(text, Label::Org),
        [
            "Kima Ventures",
            "Armor Angels",
            "Saône Croissance",
            "Rhône Capital Partenaires",
            "Sofinnova Partners",
            // Not a person: `Invest` ends a fund's name.
            "Capucine Invest"
        ]
    );
}

#[test]
fn a_month_alone_follows_the_tense_of_its_clause() {
    // Written on 27 January 2027: September is nearest in 2026, but a
    // clause in the future tells of the coming one, a past clause of the
    // last one.
    let d = NaiveDate::from_ymd_opt(2027, 1, 27);
    let iso = |text: &str| -> Vec<Option<String>> {
        x().extract_dated(text, d)
            .entities_with(Label::Date)
            .map(|e| e.date.clone().unwrap().iso)
            .collect()
    };
    assert_eq!(
        iso("Il ne reprendra pas son poste avant septembre."),
        [Some("2027-09".to_string())]
    );
    assert_eq!(
        iso("Il a quitté son poste en septembre."),
        [Some("2026-09".to_string())]
    );
    assert_eq!(iso("Le salon de septembre."), [Some("2026-09".to_string())]);
}
