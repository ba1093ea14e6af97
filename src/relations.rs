//! Relations: `ROLE_OF` ties a person to a role and, when the text says so,
//! an organisation (SPEC § Relations).
//!
//! Sources, over the resolved entities of one sentence:
//!
//! * apposition — `Greg Brockman, président d'OpenAI et autre cofondateur`,
//!   `John Schulman, l'un des cofondateurs d'OpenAI`, coordinated persons
//!   (`Jan Leike et Ilya Sutskever, dirigeants d'OpenAI`);
//! * headings and bullets — `John Schulman : Cofondateur et responsable de
//!   la recherche`, `• Ilya Sutskever - Cofondateur et directeur scientifique d'OpenAI`;
//! * role before the name — `le PDG Sam Altman`, `les cofondateurs Altman et
//!   Brockman`, `la directrice financière de Biolume, Hélène Vasseur`, `le
//!   fondateur et président d'Adsight, X`, `le maire de Lyon, X`;
//! * copula — `Sam est un rédacteur scientifique`, `Luc Marin a été nommé
//!   directeur financier de Biolume`, `a recruté Luc Marin comme directeur`,
//!   `Sanofi a nommé Luc Marin directeur financier`, `Luc Marin, qui était
//!   directeur`, `Luc Marin, 54 ans, directeur`, `Il rejoindra le suédois
//!   Vattenfall comme vice-président` (a subject pronoun stands for the last
//!   person named), `Jean Martin, qui dirigeait la filiale, devient
//!   directeur`, `a démissionné de son poste de directeur` (the clause's
//!   subject);
//! * lists — `Luc Marin et Hélène Vasseur, respectivement PDG et directrice
//!   financière de Biolume` (the n-th role goes to the n-th person).
//!
//! The organisation is the one written after the role or after a role it is
//! coordinated with (`de`, `d'`, `chez`, `à` — `role_links.tsv`); else the
//! antecedent of `dont` / `où` (`Xinghe Auto France, dont Céline Marchetti a
//! été nommée présidente`); else one the sentence joins the person to
//! (`a rejoint Vattenfall comme`); failing that, the only organisation the
//! sentence names that is not another role's (`ancienne directrice chez
//! Sanofi, comme directrice générale`: Sanofi is not the new employer);
//! otherwise the salient organisation (`salience.rs`), as a guess.
//! Mentions of the same (person, role) pair across the document are one
//! relation; an organisation found at any of them is kept.

use crate::document::Label;
use crate::events::Cue;
use crate::recognize::{Candidate, Ctx};
use crate::salience::Salience;
use rustc_hash::FxHashMap;

/// A relation between candidates (indices into the resolved entities).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RoleOf {
    pub person: usize,
    pub role: usize,
    pub org: Option<usize>,
    /// The organisation is a guess (the document's main one, for a sentence
    /// naming none), not read from the text: other evidence beats it.
    pub org_guessed: bool,
}

/// Finds the `ROLE_OF` relations among `ents` (in text order).
pub(crate) fn role_of(ctx: &Ctx, ents: &[Candidate], salience: &Salience) -> Vec<RoleOf> {
    let n = ctx.len();
    // Entity starting at / covering each token.
    let mut at = vec![u32::MAX; n];
    for (k, e) in ents.iter().enumerate() {
        for t in e.first..e.end {
            at[t as usize] = k as u32;
        }
    }
    let ent_at =
        |t: usize| -> Option<usize> { (t < n && at[t] != u32::MAX).then(|| at[t] as usize) };
    let label_at = |t: usize, l: Label| ent_at(t).filter(|&k| ents[k].label == l);

    let claimed = claimed_orgs(ctx, ents, &ent_at);
    let sentence_orgs = SentenceOrgs::new(ctx, ents, &claimed);
    let mut found: Vec<RoleOf> = Vec::new();
    for (r, role) in ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.label == Label::Role)
    {
        let (first, end) = (role.first as usize, role.end as usize);
        let sentence = ctx.toks.sentence_of[first];
        let same = |t: usize| t < n && ctx.toks.sentence_of[t] == sentence;
        // `son PDG`, `sa directrice financière`: the possessive points to the
        // organisation the document is about.
        // `son ancienne directrice juridique`, `ses deux cofondateurs`: role
        // modifiers and a number may stand between.
        let mut before_role = first;
        while before_role > 0
            && first - before_role < 2
            && (crate::recognize::names::is_role_premodifier(ctx, before_role - 1)
                || ctx
                    .hits
                    .is_marked(before_role - 1, crate::gazetteer::marks::NUMBER_WORD))
        {
            before_role -= 1;
        }
        let possessive = before_role > 0 && ctx.is_cue(Cue::Possessive, before_role - 1);
        // `le directeur financier de l'époque, X`, `l'ancien délégué de
        // l'entreprise, X`: a complement without a name stands between the
        // role and the person; `de l'entreprise` stands for an organisation.
        // `Collectif Usagers Estuaire, dont le porte-parole, X`: the
        // organisation before the relative pronoun has the role.
        let whose = (before_role >= 4
            && matches!(ctx.fold(before_role - 1), "le" | "la" | "les" | "l'")
            && ctx
                .hits
                .is_marked(before_role - 2, crate::gazetteer::marks::ROLE_WHOSE)
            && ctx.is_comma(before_role - 3))
        .then(|| label_at(before_role - 4, Label::Org))
        .flatten()
        .filter(|&o| ents[o].end as usize == before_role - 3);
        // `le fondateur et président d'Adsight, Mathieu Costes`: roles
        // coordinated after this one share its complement and stand between
        // it and the name.
        let mut coordinated_end = end;
        while same(coordinated_end + 1) && ctx.fold(coordinated_end) == "et" {
            match role_at(ctx, ents, &ent_at, coordinated_end + 1) {
                Some(r2) => coordinated_end = ents[r2].end as usize,
                None => break,
            }
        }
        // `Présidente et directrice générale de l'entreprise, Mme Mouchot`.
        let complement = unnamed_complement(ctx, &ent_at, coordinated_end);
        let anaphor = complement.and_then(|(_, noun)| noun);
        let org = org_of_chain(ctx, ents, &ent_at, first, end)
            .or(whose)
            .or_else(|| {
                // `Ferrolux a licencié son directeur commercial`, `Chez Mistral
                // AI, il travaillera auprès d'Arthur Mensch, directeur général
                // de la start-up`: the owner is the organisation named before in
                // the sentence, else the one the passage is about.
                (possessive || anaphor.is_some())
                    .then(|| {
                        org_before(ctx, ents, first, sentence).or_else(|| match anaphor {
                            // `du groupe`, `de l'entreprise`: the organisation
                            // introduced with that noun, else the salient one;
                            // a rarer head noun (`de la mutuelle`) only the
                            // one it introduced.
                            Some(noun) if ctx.is_cue(Cue::Anaphor, noun) => {
                                salience.org_for_noun(ctx, ents, noun, first)
                            }
                            Some(noun) => salience.org_of_noun(ctx, ents, noun),
                            None => salience.org_at(ctx, ents, first),
                        })
                    })
                    .flatten()
            });
        let mut persons: Vec<Subject> = Vec::new();
        // Role before the name: `le PDG Sam Altman`, `directrice de Biolume, Hélène Vasseur`.
        let mut j = coordinated_end;
        // `Le président historique, Marc-Henri Cabanel`: an epithet of
        // `role_links.tsv` may follow the role, outside it.
        while same(j) && ctx.hits.is_marked(j, crate::gazetteer::marks::ROLE_EPITHET) {
            j += 1;
        }
        if let Some(o) = explicit_org_after(ctx, ents, &ent_at, j) {
            j = ents[o].end as usize;
            // `de Forces Motrices du Léman SA (FML), Beat Zürcher`.
            if same(j) && ctx.word(j) == "(" {
                if let Some(close) = (j + 1..(j + 5).min(n)).find(|&k| ctx.word(k) == ")") {
                    j = close + 1;
                }
            }
        } else if let Some((after, _)) = complement {
            j = after;
        }
        // `Directrice générale de Renault depuis 2020, Marie Dupont`,
        // `… depuis six ans, Marie Dupont`.
        if same(j + 1) && matches!(ctx.fold(j), "depuis" | "en" | "des") {
            if let Some(d) = label_at(j + 1, Label::Date) {
                j = ents[d].end as usize;
            } else if ctx.fold(j) == "depuis" && same(j + 2) && is_duration(ctx, j + 1) {
                j += 3;
            }
        }
        if same(j) && ctx.is_comma(j) {
            // Not after a role that is said of a subject before it (`X
            // occupe le poste de président, Y celui de directrice`): the name
            // after the comma starts another clause.
            // Entities are in text order: look back over this sentence's only.
            let said_of_subject = is_predicate(ctx, before_role)
                && ents[..r]
                    .iter()
                    .rev()
                    .take_while(|e| ctx.toks.sentence_of[e.first as usize] == sentence)
                    .any(|e| e.label == Label::Person);
            j = if said_of_subject { n } else { j + 1 };
        }
        // `son avocate, Me Sandrine Le Calvez`, `son ancien directeur, le Dr
        // Yves Le Floch`: titles (and their article) stay out of names.
        if same(j + 1)
            && matches!(ctx.fold(j), "le" | "la")
            && ctx.is(j + 1, crate::gazetteer::EntryKind::Title)
        {
            j += 1;
        }
        while same(j)
            && ctx.is(j, crate::gazetteer::EntryKind::Title)
            && label_at(j, Label::Person).is_none()
        {
            j += 1;
        }
        if same(j) {
            if let Some(p) = label_at(j, Label::Person) {
                let plural = is_plural_role(ctx, ents, r);
                persons.extend(
                    coordinated_persons(ctx, ents, &label_at, p, plural)
                        .into_iter()
                        .map(Subject::named),
                );
            }
        }
        // `X et Y, respectivement PDG et directrice financière`.
        if persons.is_empty() {
            if let Some(subject) = respective_person(ctx, ents, &ent_at, r) {
                persons.push(subject);
            }
        }
        // Apposition, heading, copula: walk left to the person.
        if persons.is_empty() {
            let noun_org = |noun: usize| salience.org_for_noun(ctx, ents, noun, noun);
            if let Some(subject) =
                person_before(ctx, ents, &ent_at, &noun_org, &claimed, first, sentence)
            {
                let p = subject.person;
                persons.push(subject);
                // `Jan Leike et Ilya Sutskever, dirigeants`: earlier coordinated persons.
                // A list ends with `et`: `Le successeur de M. Cassagne, Kenji
                // Morita, directeur` is an apposition.
                let mut k = ents[p].first as usize;
                let listed = k >= 1 && ctx.fold(k - 1) == "et";
                while listed && k >= 2 && same(k - 2) && matches!(ctx.fold(k - 1), "et" | ",") {
                    match label_at(k - 2, Label::Person) {
                        Some(q) => {
                            persons.push(Subject::named(q));
                            k = ents[q].first as usize;
                        }
                        None => break,
                    }
                }
            }
        }
        for subject in persons {
            let p = subject.person;
            // `Le directeur financier, X, a claqué la porte pour rejoindre la
            // Mutuelle Bancaire du Midi`, `X, responsable de l'ingénierie,
            // parti chez Google DeepMind`: an organisation after an event's
            // trigger that follows the role is that event's (where the
            // person goes, what is bought), not the role's.
            let sole = sentence_orgs
                .sole(sentence)
                .filter(|&o| !trigger_between(ctx, end, ents[o].first as usize));
            let hidden = sole.is_some_and(|o| subject.hides(ents, o));
            let org = org.or(subject.org).or_else(|| sole.filter(|_| !hidden));
            // Otherwise the organisation the passage is about, as a guess:
            // the SPEC scores an organisation only where the gold gives one.
            let guess = org
                .is_none()
                .then(|| salience.org_at(ctx, ents, first))
                .flatten()
                .filter(|&o| !ctx.is_court(&ents[o]));
            let (org, org_guessed) = (org.or(guess), guess.is_some());
            // `L'analyste J. Morvan, chez Oddo BHF, juge…`: the organisation
            // follows the name.
            let (org, org_guessed) = match (org, org_guessed) {
                (Some(o), false) => (Some(o), false),
                _ => match chez_after(ctx, ents, &label_at, ents[p].end as usize) {
                    Some(o) => (Some(o), false),
                    None => (org, org_guessed),
                },
            };
            found.push(RoleOf {
                person: p,
                role: r,
                org,
                org_guessed,
            });
        }
    }
    merge(ents, found)
}

/// The entities without the roles that are also company nouns
/// (`org_heads.tsv`: `éditeur`, `courtier`, `développeur`) and that no
/// relation ties to a person: in business news `L'éditeur a nommé…` or `un
/// courtier en ligne nantais` is a company, while `l'éditeur Luc Marin` is
/// a person's job. `None` when there is no such role.
pub(crate) fn without_company_roles(
    ctx: &Ctx,
    ents: &[Candidate],
    relations: &[RoleOf],
) -> Option<Vec<Candidate>> {
    let mut tied = vec![false; ents.len()];
    for rel in relations {
        tied[rel.role] = true;
    }
    let company_noun = |k: usize| {
        let e = &ents[k];
        e.label == Label::Role
            && !tied[k]
            && ctx.is(e.first as usize, crate::gazetteer::EntryKind::OrgHead)
    };
    if !(0..ents.len()).any(company_noun) {
        return None;
    }
    Some(
        ents.iter()
            .enumerate()
            .filter(|&(k, _)| !company_noun(k))
            .map(|(_, e)| e.clone())
            .collect(),
    )
}

/// Whether the first word of an event trigger (`rejoindre`, `parti`,
/// `rachat`) stands between tokens `from` and `to`.
fn trigger_between(ctx: &Ctx, from: usize, to: usize) -> bool {
    (from..to).any(|k| ctx.hits.is_marked(k, crate::gazetteer::marks::TRIGGER_WORD))
}

/// The person a role is said of, with the organisation the construction
/// ties them to when it names one (`Xinghe Auto France, dont X a été nommée
/// présidente`, `a rejoint Vattenfall comme`).
#[derive(Debug, Clone, Copy)]
struct Subject {
    person: usize,
    org: Option<usize>,
    /// Tokens of an incise between the person and the role (`Walid Ben
    /// Amor, venu d'Orange Tunisie, a été recruté comme directeur`): an
    /// organisation there is not the role's.
    incise: Option<(usize, usize)>,
}

impl Subject {
    fn named(person: usize) -> Subject {
        Subject::with_org(person, None)
    }

    fn with_org(person: usize, org: Option<usize>) -> Subject {
        Subject {
            person,
            org,
            incise: None,
        }
    }

    /// Whether entity `e` stands in the incise.
    fn hides(&self, ents: &[Candidate], e: usize) -> bool {
        self.incise
            .is_some_and(|(a, b)| (a..b).contains(&(ents[e].first as usize)))
    }
}

/// The role entity starting at token `k`, after `autre` / `ancien` if any.
fn role_at(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    mut k: usize,
) -> Option<usize> {
    while k < ctx.len() && matches!(ctx.fold(k), "autre" | "ancien" | "ancienne") {
        k += 1;
    }
    ent_at(k).filter(|&e| ents[e].label == Label::Role && ents[e].first as usize == k)
}

/// Whether role `r` is written in the plural (`codirecteurs généraux`).
fn is_plural_role(ctx: &Ctx, ents: &[Candidate], r: usize) -> bool {
    let head = ctx.fold(ents[r].first as usize);
    let canonical = ents[r].canonical.as_deref().unwrap_or("");
    let canonical_head = crate::normalize::fold(canonical.split(' ').next().unwrap_or(""));
    (head.ends_with('s') || head.ends_with('x')) && head != canonical_head
}

/// `Luc Marin et Hélène Vasseur, respectivement PDG et directrice financière
/// de Biolume`: the person at the same rank in the list of names as role `r`
/// in the list of roles.
fn respective_person(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    r: usize,
) -> Option<Subject> {
    let sentence = ctx.toks.sentence_of[ents[r].first as usize];
    let same = |t: usize| ctx.toks.sentence_of[t] == sentence;
    // Walk left over the roles listed before this one (and their
    // organisations: `PDG de Biolume et directrice financière de Sanofi`).
    let mut rank = 0;
    let mut k = ents[r].first as usize;
    while k >= 2 && same(k - 2) && matches!(ctx.fold(k - 1), "et" | ",") {
        let mut e = ent_at(k - 2)?;
        if ents[e].label == Label::Org {
            let mut q = ents[e].first as usize;
            if q > 0 && matches!(ctx.fold(q - 1), "la" | "le" | "l'") {
                q -= 1;
            }
            if q < 2 || !is_org_link(ctx, q - 1) {
                return None;
            }
            e = ent_at(q - 2)?;
        }
        if ents[e].label != Label::Role {
            break;
        }
        rank += 1;
        k = ents[e].first as usize;
    }
    if k < 3 || ctx.fold(k - 1) != "respectivement" {
        return None;
    }
    if ctx.word(k - 2) != "," {
        // `X et Y avaient quitté Voltanis, où ils étaient respectivement…`:
        // a copula and a subject pronoun stand for the persons coordinated
        // earlier in the sentence; `où` for the organisation before it.
        let person = respective_by_pronoun(ctx, ents, ent_at, k - 1)?
            .get(rank)
            .copied()?;
        let org = (k >= 4 && ctx.word(k - 4) == "où")
            .then(|| antecedent_org(ctx, ents, ent_at, k - 4))
            .flatten();
        return Some(Subject::with_org(person, org));
    }
    // The names, read leftwards from the comma.
    let mut names = Vec::new();
    let mut q = k - 2;
    while q > 0 {
        let Some(p) = ent_at(q - 1).filter(|&p| ents[p].label == Label::Person) else {
            break;
        };
        names.push(p);
        q = ents[p].first as usize;
        if q < 2 || !same(q - 1) || !matches!(ctx.fold(q - 1), "et" | ",") {
            break;
        }
        q -= 1;
    }
    names.reverse();
    names.get(rank).copied().map(Subject::named)
}

/// `ils étaient respectivement`: with a copula and a subject pronoun right
/// before `respectivement` (token `resp`), the first persons coordinated by
/// `et` earlier in the sentence, in text order.
fn respective_by_pronoun(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    resp: usize,
) -> Option<Vec<usize>> {
    if resp < 2 || !is_copula_verb(ctx, resp - 1) || !ctx.is_cue(Cue::Pronoun, resp - 2) {
        return None;
    }
    let sentence = ctx.toks.sentence_of[resp];
    let start = ctx.toks.sentences[sentence as usize].first as usize;
    let label_at = |t: usize, l: Label| ent_at(t).filter(|&e| ents[e].label == l);
    let first = (start..resp).find_map(|k| label_at(k, Label::Person))?;
    let names = coordinated_persons(ctx, ents, &label_at, first, false);
    (names.len() > 1 && names.iter().all(|&p| (ents[p].end as usize) < resp)).then_some(names)
}

/// Persons coordinated after person `p`: `Altman et Brockman`, `M. Sérignac
/// et Mme Doumergue`. After a
/// plural role, each name may carry its own apposition: `nommé codirecteurs
/// Corinne Pittet, actuelle directrice financière, et Marco Bernasconi`.
fn coordinated_persons(
    ctx: &Ctx,
    ents: &[Candidate],
    label_at: &dyn Fn(usize, Label) -> Option<usize>,
    p: usize,
    plural: bool,
) -> Vec<usize> {
    let mut out = vec![p];
    let mut end = ents[p].end as usize;
    loop {
        if plural {
            if let Some(close) = role_apposition(ctx, label_at, end) {
                if close + 1 < ctx.len() && ctx.fold(close + 1) == "et" {
                    end = close + 1;
                }
            }
        }
        if !(end + 1 < ctx.len() && matches!(ctx.fold(end), "et" | ",")) {
            break;
        }
        // `M. Sérignac et Mme Doumergue`: a title may stand before a name.
        let mut next = end + 1;
        while next + 1 < ctx.len() && ctx.is(next, crate::gazetteer::EntryKind::Title) {
            next += 1;
        }
        match label_at(next, Label::Person) {
            Some(q) => {
                out.push(q);
                end = ents[q].end as usize;
            }
            None => break,
        }
    }
    out
}

/// `, actuelle directrice financière,` at token `j`: a comma, a role within
/// the next few words and no person, then a comma (returned).
fn role_apposition(
    ctx: &Ctx,
    label_at: &dyn Fn(usize, Label) -> Option<usize>,
    j: usize,
) -> Option<usize> {
    if j >= ctx.len() || ctx.word(j) != "," {
        return None;
    }
    let mut has_role = false;
    for k in j + 1..(j + 12).min(ctx.len()) {
        if !ctx.same_sentence(j, k) || label_at(k, Label::Person).is_some() {
            return None;
        }
        if ctx.is_comma(k) {
            return has_role.then_some(k);
        }
        has_role |= label_at(k, Label::Role).is_some();
    }
    None
}

/// The person a role is said of, to its left in the same sentence: after an
/// apposition comma, a heading colon or dash, or a copula (`role_links.tsv`).
/// Also through a relative (`X, qui était directeur`, `Sanofi, dont X a été
/// nommée présidente`), an age (`X, 54 ans, directeur`), a subject pronoun
/// (`Il rejoindra Vattenfall comme…`: the last person named, in this
/// sentence or the one before) and after a verb of appointment (`Sanofi a
/// nommé X directeur`).
#[allow(clippy::too_many_arguments)]
fn person_before(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    noun_org: &dyn Fn(usize) -> Option<usize>,
    claimed: &[bool],
    first: usize,
    sentence: u32,
) -> Option<Subject> {
    let mut k = first;
    let mut copula = false;
    // The nearest organisation the walk steps over that is no other role's:
    // `a rejoint Vattenfall comme`, `recrutée par Sanofi en tant que`.
    let mut passed_org = None;
    let mut steps = 0;
    while k > 0 && steps < 24 {
        k -= 1;
        steps += 1;
        if ctx.toks.sentence_of[k] != sentence {
            return None;
        }
        if let Some(e) = ent_at(k) {
            match ents[e].label {
                Label::Person => {
                    let start = ents[e].first as usize;
                    let after = ents[e].end as usize;
                    let sep = ctx.word(after);
                    let appointed = start > 0 && is_copula_verb(ctx, start - 1);
                    let linked = matches!(sep, "," | ":" | "-" | "–" | "(") || copula || appointed;
                    if !linked {
                        return None;
                    }
                    // `Xinghe Auto France, dont Céline Marchetti a été nommée`.
                    let org = (copula && start > 0 && ctx.fold(start - 1) == "dont")
                        .then(|| antecedent_org(ctx, ents, ent_at, start - 1))
                        .flatten()
                        .or(copula.then_some(passed_org).flatten());
                    return Some(Subject::with_org(e, org));
                }
                // Coordinated roles and their organisations: `président d'OpenAI et autre`.
                Label::Role | Label::Org => {
                    if ents[e].label == Label::Org && !claimed[e] && passed_org.is_none() {
                        passed_org = Some(e);
                    }
                    k = ents[e].first as usize;
                    // `le suédois Vattenfall`, `la start-up Lexio`: one word
                    // between the organisation and its article.
                    if ents[e].label == Label::Org
                        && k >= 2
                        && ent_at(k - 1).is_none()
                        && ctx
                            .word(k - 1)
                            .chars()
                            .next()
                            .is_some_and(char::is_lowercase)
                        && matches!(ctx.fold(k - 2), "le" | "la" | "l'" | "les")
                    {
                        k -= 1;
                    }
                    continue;
                }
                // `a quitté en février son poste de`, `qui occupait depuis
                // 2019 le poste de`: the date and its preposition.
                Label::Date => {
                    k = ents[e].first as usize;
                    if k > 0 && ctx.is_cue(Cue::Since, k - 1) {
                        k -= 1;
                    }
                    continue;
                }
                _ => return None,
            }
        }
        let f = ctx.fold(k);
        // `a rejoint la start-up comme directrice`: a company noun and its
        // article stand for the organisation `noun_org` gives.
        if k > 0 && ctx.is_cue(Cue::Anaphor, k) && matches!(ctx.fold(k - 1), "le" | "la" | "l'") {
            if passed_org.is_none() {
                passed_org = noun_org(k);
            }
            k -= 1;
            continue;
        }
        // `a démissionné de son poste de directeur`, `quittera ses fonctions
        // de directrice`: the role is the subject's, whatever the verb.
        if matches!(f, "poste" | "fonction" | "fonctions")
            && k > 0
            && matches!(ctx.fold(k - 1), "son" | "sa" | "ses" | "leur" | "leurs")
        {
            return subject_before(ctx, ents, ent_at, k - 1, sentence);
        }
        // `Jean Martin, qui dirigeait la filiale, devient directeur`: an
        // incise between the subject and its copula.
        if copula && ctx.is_comma(k) {
            if let Some((p, incise)) = person_before_incise(ctx, ents, ent_at, k, sentence) {
                return Some(Subject {
                    person: p,
                    org: passed_org,
                    incise: Some(incise),
                });
            }
        }
        // `X, 54 ans, directeur`.
        if f == "ans" && k > 0 && ctx.word(k - 1).chars().all(|c| c.is_ascii_digit()) {
            k -= 1;
            continue;
        }
        // `X et Y, deux anciens consultants`.
        if ctx.hits.is_marked(k, crate::gazetteer::marks::NUMBER_WORD)
            || crate::recognize::names::is_role_premodifier(ctx, k)
        {
            continue;
        }
        // `Il rejoindra Vattenfall comme vice-président`, `TotalEnergies, où
        // elle occupait le poste de`, `Cette dernière a quitté son poste de`.
        if let Some(start) = copula.then(|| subject_pronoun(ctx, k)).flatten() {
            k = start;
            let person = last_person_before(ctx, ents, k, sentence)?;
            let org = (k >= 2 && ctx.word(k - 1) == "où")
                .then(|| antecedent_org(ctx, ents, ent_at, k - 1))
                .flatten()
                .or(passed_org);
            return Some(Subject::with_org(person, org));
        }
        let chain = ctx.hits.is_marked(
            k,
            crate::gazetteer::marks::ROLE_CHAIN | crate::gazetteer::marks::ROLE_ORG_LINK,
        ) || matches!(ctx.word(k), ":" | "–" | "(");
        let cop = ctx.hits.is_marked(k, crate::gazetteer::marks::COPULA);
        if cop && !chain && is_copula_verb(ctx, k) {
            copula = true;
        }
        if !(chain || cop) {
            return None;
        }
    }
    None
}

/// The subject of the clause ending before token `at` (`Jean Martin a
/// démissionné de | son poste`): the nearest person to the left in the
/// sentence, or what a subject pronoun stands for; with the organisation the
/// clause names between them (`a quitté Renault et | ses fonctions`).
fn subject_before(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    at: usize,
    sentence: u32,
) -> Option<Subject> {
    let mut org = None;
    let mut k = at;
    while k > 0 && at - k < 24 {
        k -= 1;
        if ctx.toks.sentence_of[k] != sentence {
            return None;
        }
        if let Some(e) = ent_at(k) {
            match ents[e].label {
                Label::Person => {
                    let person = outside_relative_clause(ctx, ents, ent_at, e, at, sentence);
                    return Some(Subject::with_org(person, org));
                }
                Label::Role => return None,
                Label::Org => org = org.or(Some(e)),
                _ => {}
            }
            k = ents[e].first as usize;
            continue;
        }
        // `X, 57 ans, ancienne déléguée de la DGAC, qui prendra ses fonctions
        // de`: the subject is the relative's antecedent, the person nearest
        // before it, whatever apposition stands between.
        if k > 0 && ctx.is_comma(k - 1) && ctx.is_cue(Cue::Relative, k) && ctx.fold(k) == "qui" {
            let person = last_person_before(ctx, ents, k, sentence)
                .filter(|&p| ctx.toks.sentence_of[ents[p].first as usize] == sentence)?;
            return Some(Subject::with_org(person, org));
        }
        if let Some(start) = subject_pronoun(ctx, k) {
            let person = last_person_before(ctx, ents, start, sentence)?;
            return Some(Subject::with_org(person, org));
        }
    }
    None
}

/// The person whose clause holds person `e`, found before token `at`: `e`
/// itself, or, when `e` is inside a relative clause closed by a comma
/// before `at` (`Grégoire Montel, qui avait créé Hélionord avec son frère
/// Bastien Montel, abandonne son poste`), the person the clause describes.
fn outside_relative_clause(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    e: usize,
    at: usize,
    sentence: u32,
) -> usize {
    let closed = (ents[e].end as usize..at).any(|k| ctx.is_comma(k));
    if !closed {
        return e;
    }
    let mut k = ents[e].first as usize;
    while k >= 2 && ctx.toks.sentence_of[k - 1] == sentence {
        k -= 1;
        if ctx.is_comma(k) {
            // Only the comma that opens the clause: `X, qui`.
            if !ctx.is_cue(Cue::Relative, k + 1) {
                return e;
            }
            return ent_at(k - 1)
                .filter(|&p| ents[p].label == Label::Person && ents[p].end as usize == k)
                .unwrap_or(e);
        }
    }
    e
}

/// `Jean Martin, qui dirigeait la filiale, | devient directeur`: the person
/// right before the comma that opens the incise closed at token `comma`,
/// and the incise's tokens.
fn person_before_incise(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    comma: usize,
    sentence: u32,
) -> Option<(usize, (usize, usize))> {
    let mut k = comma;
    while k > 0 && comma - k < 16 {
        k -= 1;
        if ctx.toks.sentence_of[k] != sentence
            || ent_at(k).is_some_and(|e| ents[e].label == Label::Person)
        {
            return None;
        }
        if ctx.is_comma(k) {
            return (k > 0)
                .then(|| ent_at(k - 1))
                .flatten()
                .filter(|&p| ents[p].label == Label::Person && ents[p].end as usize == k)
                .map(|p| (p, (k, comma)));
        }
    }
    None
}

/// Whether tokens `k`, `k + 1` are a number and a unit of time: `six ans`,
/// `18 mois`.
fn is_duration(ctx: &Ctx, k: usize) -> bool {
    let number = ctx.word(k).bytes().all(|b| b.is_ascii_digit())
        || ctx.hits.is_marked(k, crate::gazetteer::marks::NUMBER_WORD);
    number && crate::recognize::date::is_time_unit(ctx, k + 1)
}

/// Whether the role starting at token `first` (its premodifiers included)
/// is what a copula says of a subject before it: `est directeur`, `occupe
/// le poste de président`, `Y celui de directrice` (`poste`, `celui` are
/// copula words of `role_links.tsv` too).
fn is_predicate(ctx: &Ctx, first: usize) -> bool {
    first > 0
        && (is_copula_verb(ctx, first - 1)
            || (first > 1
                && matches!(ctx.fold(first - 1), "de" | "d'")
                && is_copula_verb(ctx, first - 2)))
}

/// Whether token `k` is a copula or a verb of appointment (`est`, `nommée`,
/// `comme`), not one of the auxiliaries, articles and prepositions
/// `role_links.tsv` also lists among the copula's words (`Jean Martin avait
/// un directeur` says nothing of his own role).
fn is_copula_verb(ctx: &Ctx, k: usize) -> bool {
    let f = ctx.fold(k);
    ctx.hits.is_marked(k, crate::gazetteer::marks::COPULA)
        && !matches!(
            f,
            "a" | "avait"
                | "ont"
                | "avaient"
                | "aura"
                | "aurait"
                | "un"
                | "une"
                | "le"
                | "la"
                | "l'"
                | "au"
                | "de"
                | "d'"
                | "en"
                | "par"
                | "pour"
        )
}

/// The organisation a relative word at token `rel` (`dont`, `où`) refers
/// to: `Xinghe Auto France, dont`, `TotalEnergies, où`, and past a date
/// and its preposition (`avaient quitté Voltanis en mars 2023, où`).
fn antecedent_org(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    rel: usize,
) -> Option<usize> {
    if rel < 2 || ctx.word(rel - 1) != "," {
        return None;
    }
    let mut k = rel - 2;
    if let Some(d) = ent_at(k).filter(|&d| ents[d].label == Label::Date) {
        let first = ents[d].first as usize;
        if first < 2 || !ctx.is_cue(Cue::Preposition, first - 1) {
            return None;
        }
        k = first - 2;
    }
    ent_at(k).filter(|&o| ents[o].label == Label::Org)
}

/// A subject pronoun ending at token `k` (`il`, `elle`, `cette dernière`):
/// its first token.
fn subject_pronoun(ctx: &Ctx, k: usize) -> Option<usize> {
    match ctx.fold(k) {
        "il" | "elle" => Some(k),
        "dernier" | "derniere" if k > 0 && matches!(ctx.fold(k - 1), "ce" | "cette") => Some(k - 1),
        _ => None,
    }
}

/// The last person named before token `at`, in its sentence or the one
/// before: what a subject pronoun stands for.
fn last_person_before(ctx: &Ctx, ents: &[Candidate], at: usize, sentence: u32) -> Option<usize> {
    let end = ents.partition_point(|e| (e.first as usize) < at);
    ents[..end]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, e)| ctx.toks.sentence_of[e.first as usize] + 1 >= sentence)
        .find(|(_, e)| e.label == Label::Person)
        .map(|(k, _)| k)
}

/// A complement naming nothing right after a role and before a comma:
/// `de l'époque`, `du groupe`, `de la société`, `de Lyon`. Returns the comma's token and,
/// when the complement's noun stands for an organisation (an `anaphor`
/// cue of `event_cues.tsv` or a head noun of `org_heads.tsv`), that noun's token.
fn unnamed_complement(
    ctx: &Ctx,
    ent_at: &dyn Fn(usize) -> Option<usize>,
    end: usize,
) -> Option<(usize, Option<usize>)> {
    // The same links as `directeur de Biolume` (role_links.tsv, kind `org`).
    if end >= ctx.len() || !is_org_link(ctx, end) {
        return None;
    }
    let mut k = end + 1;
    if k < ctx.len() && ctx.is_cue(Cue::Determiner, k) {
        k += 1;
    }
    // One or two lowercase words or a place (`le maire de Lyon, X`), then
    // the comma.
    let noun = k;
    for _ in 0..2 {
        if k >= ctx.len() || ent_at(k).is_some() || !ctx.same_sentence(end, k) {
            return None;
        }
        let lowercase = ctx.word(k).chars().next().is_some_and(char::is_lowercase);
        if !lowercase && !ctx.is(k, crate::gazetteer::EntryKind::Place) {
            return None;
        }
        k += 1;
        if k < ctx.len() && ctx.is_comma(k) {
            let company = ctx.is_org_noun(noun);
            return Some((k, company.then_some(noun)));
        }
    }
    None
}

/// Whether token `j` introduces the organisation of a role (`de`, `chez`,
/// `à`: `role_links.tsv`). Matching is on folded words, where `à` and the
/// verb `a` meet: `le directeur a démissionné` introduces nothing.
fn is_org_link(ctx: &Ctx, j: usize) -> bool {
    ctx.hits
        .is_marked(j, crate::gazetteer::marks::ROLE_ORG_LINK)
        && ctx.word(j) != "a"
}

/// An organisation written right after token `j`: `de Biolume`, `d'OpenAI`,
/// `chez Sanofi`, `de la Banque Delorme`.
fn explicit_org_after(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    j: usize,
) -> Option<usize> {
    if j >= ctx.len() || !is_org_link(ctx, j) {
        return None;
    }
    let mut k = j + 1;
    // `de L'Écho des Landes`: an article that belongs to the name.
    if let Some(o) =
        ent_at(k).filter(|&o| ents[o].label == Label::Org && ents[o].first as usize == k)
    {
        return Some(o);
    }
    if k < ctx.len() && matches!(ctx.fold(k), "la" | "le" | "l'" | "les") {
        k += 1;
    }
    // `du groupe de BTP Castaing Construction`: a head noun and its own
    // complement may stand before the name.
    if k < ctx.len() && ctx.is(k, crate::gazetteer::EntryKind::OrgHead) && ent_at(k).is_none() {
        let head = k;
        while k < ctx.len()
            && k < head + 4
            && ent_at(k).is_none()
            && ctx.same_sentence(head, k)
            && ctx
                .word(k)
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            k += 1;
        }
    }
    ent_at(k).filter(|&o| ents[o].label == Label::Org && ents[o].first as usize == k)
}

/// `, chez X` right after a person's name: the organisation X.
fn chez_after(
    ctx: &Ctx,
    ents: &[Candidate],
    label_at: &dyn Fn(usize, Label) -> Option<usize>,
    j: usize,
) -> Option<usize> {
    (j + 2 < ctx.len()
        && ctx.is_comma(j)
        && ctx.fold(j + 1) == "chez"
        && ctx.same_sentence(j, j + 2))
    .then(|| label_at(j + 2, Label::Org))
    .flatten()
    .filter(|&o| ents[o].first as usize == j + 2)
}

/// The organisation of a role: after it, or after a role coordinated with
/// it on either side (`président d'OpenAI et autre cofondateur`,
/// `cofondateur et directeur scientifique d'OpenAI`).
fn org_of_chain(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    first: usize,
    end: usize,
) -> Option<usize> {
    if let Some(o) = explicit_org_after(ctx, ents, ent_at, end) {
        return Some(o);
    }
    let sentence = ctx.toks.sentence_of[first];
    // To the right: `et` + role + `de ORG`.
    let mut j = end;
    while j + 1 < ctx.len()
        && ctx.toks.sentence_of[j] == sentence
        && matches!(ctx.fold(j), "et" | ",")
    {
        let mut k = j + 1;
        while k < ctx.len() && matches!(ctx.fold(k), "autre" | "ancien" | "ancienne") {
            k += 1;
        }
        match ent_at(k).filter(|&e| ents[e].label == Label::Role && ents[e].first as usize == k) {
            Some(r2) => {
                let e2 = ents[r2].end as usize;
                if let Some(o) = explicit_org_after(ctx, ents, ent_at, e2) {
                    return Some(o);
                }
                j = e2;
            }
            None => break,
        }
    }
    // To the left: role + `de ORG` + `et` + [autre] + this role.
    let mut k = first;
    while k > 0 && matches!(ctx.fold(k - 1), "autre" | "ancien" | "ancienne") {
        k -= 1;
    }
    if k >= 2 && matches!(ctx.fold(k - 1), "et" | ",") {
        if let Some(o) = ent_at(k - 2).filter(|&e| ents[e].label == Label::Org) {
            let o_first = ents[o].first as usize;
            let mut p = o_first;
            if p > 0 && matches!(ctx.fold(p - 1), "la" | "le" | "l'") {
                p -= 1;
            }
            if p > 0
                && is_org_link(ctx, p - 1)
                && p >= 2
                && ent_at(p - 2).is_some_and(|e| ents[e].label == Label::Role)
            {
                return Some(o);
            }
        }
    }
    None
}

/// The last organisation named before token `at` in its sentence, not a
/// court (see [`Ctx::is_court`]).
fn org_before(ctx: &Ctx, ents: &[Candidate], at: usize, sentence: u32) -> Option<usize> {
    let end = ents.partition_point(|e| (e.first as usize) < at);
    ents[..end]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, e)| ctx.toks.sentence_of[e.first as usize] == sentence)
        .find(|(_, e)| e.label == Label::Org && !ctx.is_court(e))
        .map(|(k, _)| k)
}

/// For each entity, whether it is an organisation written right after a role
/// (`directrice chez Sanofi`): that role's, not one to give another role of
/// the sentence for want of a better one.
fn claimed_orgs(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
) -> Vec<bool> {
    let mut claimed = vec![false; ents.len()];
    for role in ents.iter().filter(|e| e.label == Label::Role) {
        if let Some(o) = explicit_org_after(ctx, ents, ent_at, role.end as usize) {
            claimed[o] = true;
        }
    }
    claimed
}

/// The organisations of each sentence, computed once per document: scanning
/// every entity for every role made a document with many roles quadratic
/// (issue #9: `PDG(2024)` repeated over 160 kB took 1.8 s).
struct SentenceOrgs(FxHashMap<u32, Option<usize>>);

impl SentenceOrgs {
    /// Per sentence that names an organisation no role claims (see
    /// [`claimed_orgs`]) and that is not a court: the first one, or `None` when it names another one
    /// with a different canonical name.
    fn new(ctx: &Ctx, ents: &[Candidate], claimed: &[bool]) -> SentenceOrgs {
        let mut map: FxHashMap<u32, Option<usize>> = FxHashMap::default();
        for (k, e) in ents
            .iter()
            .enumerate()
            .filter(|&(k, e)| e.label == Label::Org && !claimed[k] && !ctx.is_court(e))
        {
            let sole = map
                .entry(ctx.toks.sentence_of[e.first as usize])
                .or_insert(Some(k));
            if sole.is_some_and(|f| ents[f].canonical != e.canonical) {
                *sole = None;
            }
        }
        SentenceOrgs(map)
    }

    /// The organisation of the sentence, when it names exactly one.
    fn sole(&self, sentence: u32) -> Option<usize> {
        self.0.get(&sentence).copied().flatten()
    }
}

/// Adds the `ROLE_OF` a person's event states: `X rejoindra Hydrolia en novembre
/// comme directeur général` gives X that role at Hydrolia even where the
/// relation rules, which read appositions and copulas, see no link (the
/// verb and the role far from the name, a clause between them). Only a
/// positive JOIN, DEPARTURE, DISMISSAL or LEAVE (a post taken, left or
/// held), asserted or planned, whose role entity no relation ties to anyone
/// yet; the organisation is the event's.
pub(crate) fn add_from_events(
    ents: &[Candidate],
    events: &[crate::events::engine::FoundEvent],
    rules: &crate::events::RuleSet,
    relations: &mut Vec<RoleOf>,
) {
    use crate::document::{Modality, Polarity};
    let before = relations.len();
    for ev in events {
        if !matches!(
            rules.rules[ev.rule as usize].event_type.as_str(),
            "JOIN" | "DEPARTURE" | "DISMISSAL" | "LEAVE"
        ) || ev.polarity != Polarity::Positive
            || ev.modality == Modality::Hypothetical
        {
            continue;
        }
        let slot = |name: &str| {
            ev.args
                .iter()
                .find(|(slot, _)| slot == name)
                .and_then(|(_, e)| (e.len() == 1).then_some(e[0]))
        };
        let (Some(person), Some(role)) = (slot("person"), slot("role")) else {
            continue;
        };
        if ents[person].label != Label::Person
            || ents[role].label != Label::Role
            || relations.iter().any(|r| r.role == role)
        {
            continue;
        }
        relations.push(RoleOf {
            person,
            role,
            org: slot("org").filter(|&o| ents[o].label == Label::Org),
            org_guessed: false,
        });
    }
    // Another mention may already hold that person's role: one relation
    // per (person, role), as `role_of` gives.
    if relations.len() > before {
        *relations = merge(ents, std::mem::take(relations));
    }
}

/// One relation per (person, role) pair, by canonical forms; the first
/// mention's entities, with an organisation from any mention.
fn merge(ents: &[Candidate], found: Vec<RoleOf>) -> Vec<RoleOf> {
    // Each entity's canonical form lowered once (a person holds several
    // roles, a role is said of several persons), and borrowed when it is
    // lowercase already (most roles).
    let mut lower: Vec<Option<std::borrow::Cow<str>>> = vec![None; ents.len()];
    for rel in &found {
        for k in [rel.person, rel.role] {
            if lower[k].is_none() {
                lower[k] = Some(crate::normalize::lowercase(
                    ents[k].canonical.as_deref().unwrap_or(""),
                ));
            }
        }
    }
    let key = |k: usize| lower[k].as_deref().unwrap_or("");
    let mut index: FxHashMap<(&str, &str), usize> =
        FxHashMap::with_capacity_and_hasher(found.len(), Default::default());
    let mut out: Vec<RoleOf> = Vec::with_capacity(found.len());
    for rel in found {
        let k = (key(rel.person), key(rel.role));
        match index.get(&k) {
            Some(&i) => {
                if out[i].org.is_none() || (out[i].org_guessed && !rel.org_guessed) {
                    out[i].org = rel.org;
                    out[i].org_guessed = rel.org_guessed;
                }
            }
            None => {
                index.insert(k, out.len());
                out.push(rel);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
