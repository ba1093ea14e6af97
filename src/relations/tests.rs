//! The constructions `ROLE_OF` reads, one sentence each, checked by reading:
//! (person, role, organisation) in canonical texts.

use crate::Extractor;
use std::sync::OnceLock;

fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(Extractor::new)
}

/// (person, role, org) of each relation of `text`, canonical texts.
fn rels(text: &str) -> Vec<(String, String, Option<String>)> {
    let doc = extractor().extract(text);
    let name = |id: &str| {
        doc.entity(id)
            .map_or(String::new(), |e| e.name().to_string())
    };
    doc.relations
        .iter()
        .map(|r| (name(&r.person), name(&r.role), r.org.as_deref().map(name)))
        .collect()
}

fn rel(person: &str, role: &str, org: Option<&str>) -> (String, String, Option<String>) {
    (person.into(), role.into(), org.map(Into::into))
}

#[test]
fn roles_coordinated_before_the_name() {
    assert_eq!(
        rels("Selon nos informations, le fondateur et président d'Airbus, Mathieu Costes, pourrait partir."),
        [
            rel("Mathieu Costes", "fondateur", Some("Airbus")),
            rel("Mathieu Costes", "président", Some("Airbus")),
        ]
    );
}

#[test]
fn roles_coordinated_before_a_company_noun_and_a_civility() {
    // Both roles take the complement written after the last one.
    assert_eq!(
        rels(
            "La société Calorys a été fondée par Hélène Mouchot. Présidente et directrice générale \
             de l'entreprise, Mme Mouchot passera la main."
        ),
        [
            rel("Hélène Mouchot", "président", Some("Calorys")),
            rel("Hélène Mouchot", "directeur général", Some("Calorys")),
        ]
    );
}

#[test]
fn a_predicate_role_before_a_comma_is_no_apposition() {
    // The name after the comma opens the next clause, here an ellipsis.
    assert_eq!(
        rels(
            "Chez Airbus, Bastien Lafforgue occupe le poste de président, Inès Carrère \
             celui de directrice technique."
        ),
        [
            rel("Bastien Lafforgue", "président", Some("Airbus")),
            rel("Inès Carrère", "directeur technique", Some("Airbus")),
        ]
    );
    // With no subject before it, the role is fronted and the name after the
    // comma is its subject.
    assert_eq!(
        rels("Nommée en mars au poste de directrice financière d'Airbus, Agnès Verrier a démissionné."),
        [rel("Agnès Verrier", "directeur financier", Some("Airbus"))]
    );
}

#[test]
fn a_plural_role_before_a_list_of_three_names() {
    assert_eq!(
        rels(
            "Fondée par trois ingénieurs agronomes, Bastien Lafforgue, Inès Carrère \
             et Mathieu Saint-Girons, la société a grandi."
        )
        .into_iter()
        .map(|(p, r, _)| (p, r))
        .collect::<Vec<_>>(),
        [
            (
                "Bastien Lafforgue".to_string(),
                "ingénieur agronome".to_string()
            ),
            ("Inès Carrère".to_string(), "ingénieur agronome".to_string()),
            (
                "Mathieu Saint-Girons".to_string(),
                "ingénieur agronome".to_string()
            ),
        ]
    );
}

#[test]
fn an_apposed_name_is_no_list() {
    // `jusque-là` is one word; the region belongs to the role, not to the
    // organisation's name; `M. Cassagne, Kenji Morita` is no list (no `et`).
    assert_eq!(
        rels(
            "Le successeur de M. Cassagne, Kenji Morita, jusque-là directeur Europe de \
             Hanamura Holdings, a été nommé."
        ),
        [rel(
            "Kenji Morita",
            "directeur europe",
            Some("Hanamura Holdings")
        )]
    );
}

#[test]
fn article_and_title_between_role_and_name() {
    assert_eq!(
        rels("Airbus a versé une indemnité à son ancien directeur, le Dr Yves Le Floch."),
        [rel("Yves Le Floch", "directeur", Some("Airbus"))]
    );
}

#[test]
fn respectively() {
    assert_eq!(
        rels(
            "Luc Marin et Hélène Vasseur, respectivement PDG et directrice financière \
             d'Airbus, ont démissionné."
        ),
        [
            rel("Luc Marin", "PDG", Some("Airbus")),
            rel("Hélène Vasseur", "directeur financier", Some("Airbus")),
        ]
    );
}

#[test]
fn age_between_name_and_role() {
    assert_eq!(
        rels("Luc Marin, 54 ans, directeur financier d'Airbus, a démissionné."),
        [rel("Luc Marin", "directeur financier", Some("Airbus"))]
    );
    assert_eq!(
        rels("Hélène Vasseur, 54 ans, est directrice financière d'Airbus."),
        [rel("Hélène Vasseur", "directeur financier", Some("Airbus"))]
    );
}

#[test]
fn relative_clause_and_adverbs() {
    assert_eq!(
        rels("Hélène Vasseur, qui était directrice financière d'Airbus, a démissionné."),
        [rel("Hélène Vasseur", "directeur financier", Some("Airbus"))]
    );
    // A date and its `depuis` between the verb and the post.
    assert_eq!(
        rels("Paul Morel, qui occupait depuis 2019 le poste de directeur financier, part."),
        [rel("Paul Morel", "directeur financier", None)]
    );
    assert_eq!(
        rels("Luc Marin, PDG de Sanofi, part. M. Marin était aussi président du conseil d'administration."),
        [
            rel("Luc Marin", "PDG", Some("Sanofi")),
            rel("Luc Marin", "président du conseil d'administration", Some("Sanofi")),
        ]
    );
}

#[test]
fn verbs_of_appointment_and_joining() {
    assert_eq!(
        rels("Sanofi a nommé Hélène Vasseur directrice financière."),
        [rel("Hélène Vasseur", "directeur financier", Some("Sanofi"))]
    );
    assert_eq!(
        rels("Sanofi a recruté Luc Marin en tant que directeur financier."),
        [rel("Luc Marin", "directeur financier", Some("Sanofi"))]
    );
    assert_eq!(
        rels("Luc Marin prendra le poste de directeur financier de Sanofi en mai."),
        [rel("Luc Marin", "directeur financier", Some("Sanofi"))]
    );
    // The organisation joined, not the one left.
    assert_eq!(
        rels("Luc Marin quitte Airbus pour rejoindre Sanofi au poste de directeur financier."),
        [rel("Luc Marin", "directeur financier", Some("Sanofi"))]
    );
    // A nationality between the article and the organisation.
    assert_eq!(
        rels("Luc Marin a rejoint le suédois Vattenfall comme vice-président exécutif."),
        [rel(
            "Luc Marin",
            "vice-président exécutif",
            Some("Vattenfall")
        )]
    );
}

#[test]
fn subject_pronoun_stands_for_the_last_person_named() {
    assert_eq!(
        rels(
            "Le directeur général d'Airbus, Beat Zürcher, partira fin mars. \
             Il rejoindra le suédois Vattenfall comme vice-président exécutif."
        ),
        [
            rel("Beat Zürcher", "directeur général", Some("Airbus")),
            rel(
                "Beat Zürcher",
                "vice-président exécutif",
                Some("Vattenfall")
            ),
        ]
    );
    // A pronoun with no copula before the role is no subject.
    assert!(rels("Il a rencontré un directeur financier.").is_empty());
}

#[test]
fn relative_words_name_the_organisation() {
    assert_eq!(
        rels(
            "Mme Berthelot a quitté TotalEnergies, où elle occupait le poste de \
             vice-présidente exécutive, après quatorze ans."
        ),
        [rel(
            "Berthelot",
            "vice-président exécutif",
            Some("TotalEnergies")
        )]
    );
    assert_eq!(
        rels("Le groupe a racheté Sanofi, dont Céline Marchetti a été nommée présidente."),
        [rel("Céline Marchetti", "président", Some("Sanofi"))]
    );
}

#[test]
fn organisation_after_a() {
    assert_eq!(
        rels("Charles de Courson, rapporteur général du budget à l'Assemblée nationale, parle."),
        [rel(
            "Charles de Courson",
            "rapporteur général du budget",
            Some("Assemblée nationale")
        )]
    );
    // The verb `a` (folded like `à`) introduces no organisation nor complement.
    assert!(rels("Le directeur général a démissionné, Luc Marin le remplace.").is_empty());
}

#[test]
fn another_roles_organisation_is_not_the_sentences_only_one() {
    // Sanofi is her former employer: the new one is the document's.
    assert_eq!(
        rels(
            "Airbus lève des fonds. La start-up a recruté Marion Delcourt, jusqu'ici directrice des affaires cliniques chez Sanofi, comme \
             directrice générale."
        ),
        [
            rel("Marion Delcourt", "directeur des affaires cliniques", Some("Sanofi")),
            rel("Marion Delcourt", "directeur général", Some("Airbus")),
        ]
    );
}

#[test]
fn company_noun_complement_takes_the_organisation_named_before() {
    assert_eq!(
        rels(
            "Noctua Labs recrute. Noctua Labs grandit. Chez Mistral AI, il travaillera \
             auprès d'Arthur Mensch, directeur général de la start-up."
        ),
        [rel(
            "Arthur Mensch",
            "directeur général",
            Some("Mistral AI")
        )]
    );
}

#[test]
fn company_noun_complement_takes_the_organisation_introduced_with_it() {
    // `Vexmoor` is named twice, so salience alone would pick it.
    assert_eq!(
        rels(
            "Le groupe Vexmoor a racheté la start-up Brindel. Vexmoor grandit. \
             Le directeur technique de la start-up, Marc Dupin, reste en poste."
        ),
        [rel("Marc Dupin", "directeur technique", Some("Brindel"))]
    );
}

#[test]
fn an_organisation_after_an_event_trigger_is_not_the_roles() {
    assert_eq!(
        rels(
            "Le groupe Vexmoor publie ses comptes. Vexmoor recrute. Le directeur financier, \
             Marc Peyrolle, a claqué la porte pour rejoindre la Mutuelle Bancaire du Midi."
        ),
        [rel("Marc Peyrolle", "directeur financier", Some("Vexmoor"))]
    );
    // Before the trigger, the sentence's organisation is still the role's.
    assert_eq!(
        rels("Chez Vexmoor, le directeur financier, Marc Peyrolle, a démissionné."),
        [rel("Marc Peyrolle", "directeur financier", Some("Vexmoor"))]
    );
}

#[test]
fn an_epithet_may_follow_a_role_before_the_name() {
    assert_eq!(
        rels("Le président historique, Marc-Henri Cabanel, quittera le club."),
        [rel("Marc-Henri Cabanel", "président", None)]
    );
}

#[test]
fn roles_held_respectively_where_a_place_of_work_was_left() {
    // `ils étaient respectivement`: the persons coordinated before; `où`:
    // the organisation before it, past a date.
    assert_eq!(
        rels(
            "Luc Sérignac et Mme Elsa Doumergue avaient quitté le groupe Voltanis en mars \
             2023, où ils étaient respectivement responsable de la chimie et cheffe \
             de projet, avant de créer Ionéa."
        ),
        [
            rel("Luc Sérignac", "responsable de la chimie", Some("Voltanis")),
            rel("Elsa Doumergue", "chef de projet", Some("Voltanis")),
        ]
    );
    assert_eq!(
        rels(
            "Nadia Ferrand a quitté TotalEnergies, où elle occupait le poste de \
             vice-présidente exécutive, pour rejoindre Engie."
        ),
        [rel(
            "Nadia Ferrand",
            "vice-président exécutif",
            Some("TotalEnergies")
        )]
    );
}

#[test]
fn a_company_noun_may_stand_between_the_copula_and_the_role() {
    assert_eq!(
        rels(
            "La start-up Semaïa recrute. Passée par Naïo Technologies, Delphine \
             Roquefeuil a rejoint la start-up comme directrice commerciale."
        ),
        [rel(
            "Delphine Roquefeuil",
            "directeur commercial",
            Some("Semaïa")
        )]
    );
}

#[test]
fn plural_role_before_names_with_their_own_appositions() {
    assert_eq!(
        rels(
            "Airbus a nommé codirecteurs généraux Corinne Pittet, actuelle directrice \
             financière, et Marco Bernasconi, directeur des réseaux."
        ),
        [
            rel("Corinne Pittet", "codirecteur général", Some("Airbus")),
            rel("Marco Bernasconi", "codirecteur général", Some("Airbus")),
            rel("Corinne Pittet", "directeur financier", Some("Airbus")),
            rel("Marco Bernasconi", "directeur des réseaux", Some("Airbus")),
        ]
    );
    // A singular role is one person's, whatever follows.
    assert_eq!(
        rels(
            "Le directeur général d'Airbus, Luc Marin, ancien de Sanofi, et Hélène \
             Vasseur ont signé."
        ),
        [rel("Luc Marin", "directeur général", Some("Airbus"))]
    );
}

#[test]
fn plural_role_before_its_organisation_and_names() {
    assert_eq!(
        rels("Les cofondateurs d'Airbus, Luc Marin et Hélène Vasseur, ont démissionné."),
        [
            rel("Luc Marin", "cofondateur", Some("Airbus")),
            rel("Hélène Vasseur", "cofondateur", Some("Airbus")),
        ]
    );
}

#[test]
fn a_place_complement_stands_between_role_and_name() {
    assert_eq!(
        rels("Le maire de Lyon, Grégory Doucet, a réagi."),
        [rel("Grégory Doucet", "maire", None)]
    );
}

#[test]
fn a_possessive_post_is_the_subjects_role() {
    assert_eq!(
        rels("Jean Martin a démissionné de son poste de directeur financier de Renault."),
        [rel("Jean Martin", "directeur financier", Some("Renault"))]
    );
    // A person inside a relative clause on the subject is not the subject.
    assert_eq!(
        rels(
            "Grégoire Montel, qui avait créé Hélionord avec son frère Bastien Montel, \
             abandonne son poste de directeur général."
        ),
        [rel(
            "Grégoire Montel",
            "directeur général",
            Some("Hélionord")
        )]
    );
    // A date between the verb and the post; `cette dernière` is a subject.
    assert_eq!(
        rels(
            "Airbus a nommé Céline Marchetti. Cette dernière a quitté en février son \
             poste de directrice des achats de Stellantis."
        ),
        [rel(
            "Céline Marchetti",
            "directeur des achats",
            Some("Stellantis")
        )]
    );
    // A role between the subject and the post is the subject of that clause.
    assert_eq!(
        rels("Le PDG a quitté ses fonctions de président de Renault."),
        []
    );
    // The subject is the antecedent of `qui`, past an apposition with its
    // own role and organisation; the post is at the sentence's other one.
    assert_eq!(
        rels(
            "Le conseil d'Airbus a choisi Martine Soulé, 57 ans, ancienne déléguée \
             régionale de la DGAC, qui prendra ses fonctions de présidente le 1er mai."
        ),
        [
            rel(
                "Martine Soulé",
                "délégué régional",
                Some("Direction générale de l'aviation civile")
            ),
            rel("Martine Soulé", "président", Some("Airbus")),
        ]
    );
}

#[test]
fn an_incise_between_the_subject_and_its_copula() {
    assert_eq!(
        rels("Jean Martin, qui dirigeait jusqu'ici la filiale, devient directeur financier de Renault."),
        [rel("Jean Martin", "directeur financier", Some("Renault"))]
    );
    // The organisation of the incise is where he came from, not his role's:
    // the organisation the passage is about.
    assert_eq!(
        rels(
            "Renault recrute. Jean Martin, venu de Stellantis, a été recruté comme \
             directeur financier."
        ),
        [rel("Jean Martin", "directeur financier", Some("Renault"))]
    );
}

#[test]
fn a_sentence_naming_no_organisation_takes_the_salient_one() {
    // Sanofi is named most, but the passage is about Renault by now.
    assert_eq!(
        rels(
            "Sanofi et Sanofi et Sanofi. Renault et Renault lancent un plan. \
             Le directeur financier Jean Martin part."
        ),
        [rel("Jean Martin", "directeur financier", Some("Renault"))]
    );
}

#[test]
fn a_sentence_naming_other_organisations_takes_the_salient_one() {
    // Nissan and Stellantis are what is talked about, not the speaker's employer.
    assert_eq!(
        rels(
            "Renault prépare un plan. Renault recrute. « Nous dépasserons Nissan et \
             Stellantis », a affirmé Jean Martin, le directeur financier."
        ),
        [rel("Jean Martin", "directeur financier", Some("Renault"))]
    );
}

#[test]
fn a_fronted_role_may_end_with_a_date() {
    assert_eq!(
        rels("Directrice générale de Renault depuis 2020, Marie Dupont quitte le groupe."),
        [rel("Marie Dupont", "directeur général", Some("Renault"))]
    );
    // Or with a duration.
    assert_eq!(
        rels("Directrice générale de Renault depuis six ans, Marie Dupont quitte le groupe."),
        [rel("Marie Dupont", "directeur général", Some("Renault"))]
    );
}

#[test]
fn auxiliaries_pass_but_make_no_copula() {
    assert_eq!(
        rels("Jean Martin avait rejoint Renault en 2015 en tant que directeur juridique."),
        [rel("Jean Martin", "directeur juridique", Some("Renault"))]
    );
    assert!(rels("Jean Martin avait un directeur financier.").is_empty());
}

#[test]
fn a_number_between_the_possessive_and_the_role() {
    // The owner is the organisation named before in the sentence, not the
    // one the passage is about.
    assert_eq!(
        rels(
            "Le fabricant Voltanis a assigné la jeune société Ionéa et ses deux \
             cofondateurs, Marc-Antoine Sérignac et Elsa Doumergue."
        ),
        [
            rel("Marc-Antoine Sérignac", "cofondateur", Some("Ionéa")),
            rel("Elsa Doumergue", "cofondateur", Some("Ionéa")),
        ]
    );
}

#[test]
fn a_plural_role_with_a_number_after_coordinated_names() {
    assert_eq!(
        rels(
            "Imaginée en 2019 par Maëlle Kervella et Arnaud Le Bihan, deux anciens \
             consultants de Capgemini, la start-up Korrig revendique 4 000 clients."
        ),
        [
            rel("Arnaud Le Bihan", "consultant", Some("Capgemini")),
            rel("Maëlle Kervella", "consultant", Some("Capgemini")),
        ]
    );
}

#[test]
fn an_adverb_between_the_copula_and_the_role() {
    assert_eq!(
        rels("Véronique Salaün a passé vingt ans chez Valeo, où elle était dernièrement directrice des achats."),
        [rel("Véronique Salaün", "directeur des achats", Some("Valeo"))]
    );
}

#[test]
fn a_head_noun_complement_takes_the_organisation_it_introduced() {
    // `la mutuelle` stands for the organisation introduced as `La mutuelle
    // bretonne Assurances Kerval`, not for the last one named.
    assert_eq!(
        rels(
            "La mutuelle bretonne Assurances Kerval a remercié son patron. \
             Il attendra l'agrément de l'Autorité de contrôle prudentiel. \
             « C'était nécessaire », a commenté la présidente de la mutuelle, Annabelle Stéphan."
        )
        .last()
        .cloned(),
        Some(rel(
            "Annabelle Stéphan",
            "président",
            Some("Assurances Kerval")
        ))
    );
    // `du cabinet Oliver Wyman`: the head noun introduces the name.
    assert_eq!(
        rels("« Rien d'étonnant », observe Denis Oudard, associé du cabinet Oliver Wyman."),
        [rel("Denis Oudard", "associé", Some("Oliver Wyman"))]
    );
}

#[test]
fn a_court_is_not_whom_a_role_works_for() {
    // `ses associés`: the possessive's organisation is the company named
    // before, not the court it is sued before.
    assert_eq!(
        rels("La société Domicilio a assigné devant le tribunal de commerce de Paris ses deux associés, Ludovic Arnal et Claire Obadia."),
        [
            rel("Ludovic Arnal", "associé", Some("Domicilio")),
            rel("Claire Obadia", "associé", Some("Domicilio")),
        ]
    );
    // The sentence's only organisation is a court: none is given.
    assert_eq!(
        rels("Devant le tribunal judiciaire de Nantes, l'entraîneur, Marc Olivo, a témoigné."),
        [rel("Marc Olivo", "entraîneur", None)]
    );
}

#[test]
fn a_role_after_dont_belongs_to_the_organisation_before_it() {
    assert_eq!(
        rels("La régie TME augmente ses tarifs. TME invoque ses coûts. L'association Collectif Usagers Estuaire, dont le porte-parole, Kevin Lemonnier, réclame un audit, a attaqué TME."),
        [rel("Kevin Lemonnier", "porte-parole", Some("Collectif Usagers Estuaire"))]
    );
}

#[test]
fn a_person_event_states_the_role_it_names() {
    // The role is far from the name, past a clause: the JOIN links them.
    assert_eq!(
        rels(
            "Vincent Ollier a quitté en août le groupe pétrolier, après quinze ans de \
             maison, et rejoindra Hydrolia en novembre comme directeur général."
        ),
        [rel("Vincent Ollier", "directeur général", Some("Hydrolia"))]
    );
    // A hypothetical join states nothing.
    assert_eq!(
        rels(
            "Vincent Ollier a quitté en août le groupe pétrolier, après quinze ans de \
             maison, et pourrait rejoindre Hydrolia en novembre comme directeur général."
        ),
        []
    );
}

#[test]
fn an_organisation_whose_name_starts_with_its_article() {
    assert_eq!(
        rels("La directrice financière de L'Écho des Landes, Anne Morel, a démissionné."),
        [rel(
            "Anne Morel",
            "directeur financier",
            Some("L'Écho des Landes")
        )]
    );
}
