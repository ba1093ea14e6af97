//! ROLE: job titles from `roles.tsv`, extended by the modifiers of
//! `role_modifiers.tsv`:
//!
//! * adjectives after the head (`directrice financière`, `rédacteur
//!   scientifique et technologique`);
//! * domain complements after `de`, `du`, `de la`, `de l'`, `des`
//!   (`responsable de la recherche`, `responsable de l'alignement et du
//!   superalignement`), never an organisation (`président d'OpenAI` → `président`);
//!   right after `de`, `d'` or `des`, an unlisted lowercase noun too
//!   (`directeur de site`), unless `role_modifiers.tsv` says `never`; after
//!   a `unit` noun, the unit's name (`directeur de la division poids lourds`);
//! * a role a text writes with other accents is another word (`jugé`).
//!
//! Coordinated titles stay separate (`cofondateur et responsable de la
//! recherche` → two roles). A plural title is a ROLE only when it is tied to
//! named persons (`l'un des cofondateurs`, `les cofondateurs Altman et
//! Brockman`, `les cofondateurs d'Airbus, Luc Marin et Hélène Vasseur`,
//! `Jan Leike et Ilya Sutskever, dirigeants d'OpenAI`); generic
//! plurals (`les dirigeants de l'année dernière`) are not (SPEC).
//!
//! The canonical form is the masculine singular of the head and adjectives,
//! followed by the complement as written, in lowercase (abbreviations keep
//! their capitals: `PDG`).

use super::names::name_run;
use super::{Candidate, Ctx};
use crate::document::Label;
use crate::events::Cue;
use crate::gazetteer::EntryKind;
use crate::lexicon::ModifierKind;
use crate::tokenize::TokenKind;

const PRIO_ROLE: u8 = 68;

/// Proposes ROLE candidates.
pub(crate) fn find(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.len();
    let mut i = 0;
    while i < n {
        let Some(hit) = ctx.hit_at(i, EntryKind::Role) else {
            i += 1;
            continue;
        };
        let entry = &ctx.res.lexicons.roles[ctx.index(&hit)];
        let mut canonical = if entry.abbreviation {
            entry.canonical.clone()
        } else {
            crate::normalize::lowercase(&entry.canonical).into_owned()
        };
        follow_written_joins(
            &mut canonical,
            super::names::span_text(ctx, hit.first as usize, hit.end as usize),
        );
        let mut end = hit.end as usize;
        end = extend(ctx, end, &mut canonical);
        if used_as_verb(ctx, hit.first as usize, hit.end as usize)
            || accents_differ(ctx, hit.first as usize, hit.end as usize, entry)
            || used_as_adjective(ctx, hit.first as usize)
        {
            i += 1;
            continue;
        }
        let plural = is_plural(ctx, hit.first as usize, hit.end as usize, &entry.canonical);
        if !plural || tied_to_persons(ctx, hit.first as usize, end) {
            out.push(
                Candidate::new(Label::Role, i, end, PRIO_ROLE, "gazetteer:roles")
                    .with_canonical(canonical),
            );
        }
        i = end.max(i + 1);
    }
}

/// Extends a role over adjectives and domain complements, appending their
/// canonical forms.
fn extend(ctx: &Ctx, mut end: usize, canonical: &mut String) -> usize {
    let n = ctx.len();
    // After a complement (`des opérations industrielles`) an adjective
    // agrees with the complement's noun, not with the title: it keeps its
    // written form instead of the masculine singular.
    let mut after_complement = false;
    let adjective = |m: &crate::gazetteer::Hit, after_complement: bool| {
        if after_complement {
            span_lower(ctx, m.first as usize, m.end as usize)
        } else {
            ctx.res.lexicons.role_modifiers[ctx.index(m)]
                .canonical
                .clone()
        }
    };
    loop {
        // Adjective: `financière`, `par intérim`.
        if end < n {
            if let Some(m) = modifier_at(ctx, end, ModifierKind::Adjective) {
                canonical.push(' ');
                canonical.push_str(&adjective(&m, after_complement));
                end = m.end as usize;
                continue;
            }
        }
        // Coordinated adjective: `scientifique et technologique`.
        if end + 1 < n && ctx.fold(end) == "et" {
            if let Some(m) = modifier_at(ctx, end + 1, ModifierKind::Adjective) {
                if !ctx.is(end + 1, EntryKind::Role) {
                    canonical.push_str(" et ");
                    canonical.push_str(&adjective(&m, after_complement));
                    end = m.end as usize;
                    continue;
                }
            }
        }
        // `chargée des Comptes publics`: a link adjective and its free complement.
        if end < n {
            if let Some(m) = modifier_at(ctx, end, ModifierKind::Link) {
                if let Some(after) = preposition(ctx, m.end as usize) {
                    let stop = free_complement(ctx, after);
                    if stop > after {
                        // The link in the masculine (`chargée` → `chargé`),
                        // its complement as written.
                        canonical.push(' ');
                        canonical
                            .push_str(&ctx.res.lexicons.role_modifiers[ctx.index(&m)].canonical);
                        canonical.push(' ');
                        canonical.push_str(&span_lower(ctx, m.end as usize, stop));
                        end = stop;
                        after_complement = true;
                        continue;
                    }
                }
            }
        }
        // Scope: `pour la France`, `pour l'Europe du Sud`.
        if end + 2 < n && ctx.fold(end) == "pour" {
            let mut k = end + 1;
            if matches!(ctx.fold(k), "la" | "le" | "l'" | "les") {
                k += 1;
            }
            if k < n && ctx.is(k, EntryKind::Place) {
                let stop = super::names::name_run(ctx, k, 4).max(k + 1);
                canonical.push(' ');
                canonical.push_str(&span_lower(ctx, end, stop));
                end = stop;
                after_complement = true;
                continue;
            }
        }
        // Complement: `de la recherche`, `et du superalignement`.
        let mut j = end;
        let coordinated = j < n && ctx.fold(j) == "et";
        if coordinated {
            j += 1;
        }
        let Some(after_prep) = preposition(ctx, j) else {
            break;
        };
        if coordinated && ctx.is(after_prep, EntryKind::Role) {
            break;
        }
        let unit = modifier_at(ctx, after_prep, ModifierKind::Unit);
        let Some(mut m_end) = modifier_at(ctx, after_prep, ModifierKind::Domain)
            .or(unit)
            .map(|m| m.end as usize)
            .or_else(|| plain_domain_noun(ctx, j, after_prep))
        else {
            break;
        };
        // `secrétaire général du cabinet`, `directeur général du studio`:
        // after a title of two words or more, a company noun with its
        // definite article is the organisation the title belongs to, not
        // its domain (`directeur du studio` is a title), unless a complement
        // of its own follows (`directrice adjointe du cabinet du ministre`,
        // `du cabinet de ce dernier`: a minister's cabinet is the domain).
        let definite = ctx.fold(j) == "du" || after_prep == j + 2;
        if !after_complement
            && definite
            && canonical.contains(' ')
            && ctx.is_cue(crate::events::Cue::Anaphor, after_prep)
            && preposition(ctx, after_prep + 1).is_none()
        {
            break;
        }
        // `associé du cabinet Oliver Wyman`, `associée du cabinet lyonnais
        // Delorme Vidal Avocats`: a company noun before a name (past up to
        // two adjectives) introduces the organisation, not a domain.
        if ctx.is(after_prep, EntryKind::OrgHead) {
            let mut name = m_end;
            while name < n && name < m_end + 2 && ctx.is_lowercase_content_word(name) {
                name += 1;
            }
            if name < n
                && super::names::is_name_word(ctx, name)
                && ctx.same_sentence(after_prep, name)
            {
                break;
            }
        }
        // `de la division poids lourds`: the unit's name, up to two words.
        if unit.is_some() {
            let start = m_end;
            while m_end < n && m_end < start + 2 && is_plain_noun(ctx, m_end) {
                m_end += 1;
            }
        }
        if ctx.is(after_prep, EntryKind::Org)
            && ctx.toks.tokens[after_prep].is_capitalized()
            && !ctx.is(after_prep, EntryKind::RoleModifier)
        {
            break;
        }
        // `directrice d'Habitat Sud-Loire`: a capitalised domain word that a
        // name word follows starts an organisation's name.
        if ctx.toks.tokens[after_prep].is_capitalized()
            && m_end < n
            && ctx.same_sentence(after_prep, m_end)
            && super::names::is_name_word(ctx, m_end)
        {
            break;
        }
        canonical.push(' ');
        canonical.push_str(
            &ctx.text[ctx.toks.tokens[end].start as usize..ctx.toks.tokens[m_end - 1].end as usize]
                .to_lowercase(),
        );
        end = m_end;
        after_complement = true;
    }
    end
}

/// A domain complement that `role_modifiers.tsv` does not list: one
/// lowercase noun right after `de`, `d'` or `des` (`directeur des magazines`,
/// `directeur de site`, `directeur des marchés de capitaux`), when it is no
/// function word, company noun, known organisation (`de franceinfo`),
/// product, place, date word or role, is not listed as
/// `never` (`associé de longue date`), and no capitalised name follows it.
/// Returns the end of the complement.
fn plain_domain_noun(ctx: &Ctx, prep: usize, noun: usize) -> Option<usize> {
    // Only `de site`, `des magazines`, `d'investigation`: after a definite
    // singular article (`du club`, `de la banque`, `de l'établissement`) the
    // noun mostly names what the role serves, not its domain.
    let bare = matches!(ctx.fold(prep), "de" | "des" | "d'") && noun == prep + 1;
    let ok = bare && ctx.same_sentence(prep, noun) && is_plain_noun(ctx, noun);
    // `directeur de site Renault` may be `de site` or `de Renault`; a
    // person's name after it (`le journaliste d'investigation Marc
    // Teyssier`) leaves the noun to the role.
    let next_is_name = noun + 1 < ctx.len()
        && ctx.toks.tokens[noun + 1].is_capitalized()
        && !ctx.is(noun + 1, EntryKind::FirstName);
    (ok && !next_is_name).then_some(noun + 1)
}

/// Whether token `noun` can be an unlisted lowercase noun of a role's domain:
/// no function word, company noun, known organisation, product, place, date
/// word, role, number, event trigger or cue, and not listed as `never`.
fn is_plain_noun(ctx: &Ctx, noun: usize) -> bool {
    let t = &ctx.toks.tokens[noun];
    t.kind == TokenKind::Word
        && !t.has(crate::tokenize::flags::UPPER)
        && !t.has(crate::tokenize::flags::NEWLINE_BEFORE)
        && ctx.fold(noun).len() >= 3
        && !ctx.is_stopword(noun)
        && !ctx.hits.is_marked(
            noun,
            crate::gazetteer::marks::TRIGGER_WORD | crate::gazetteer::marks::CUE_WORD,
        )
        && !ctx.is_cue(Cue::Anaphor, noun)
        && ![
            EntryKind::OrgHead,
            EntryKind::Org,
            EntryKind::Product,
            EntryKind::Place,
            EntryKind::DateWord,
            EntryKind::Role,
            EntryKind::Number,
            EntryKind::Currency,
            EntryKind::Scale,
        ]
        .iter()
        .any(|&kind| ctx.is(noun, kind))
        && modifier_at(ctx, noun, ModifierKind::Never).is_none()
}

fn modifier_at(ctx: &Ctx, i: usize, kind: ModifierKind) -> Option<crate::gazetteer::Hit> {
    ctx.hits_at(i, EntryKind::RoleModifier)
        .find(|h| ctx.res.lexicons.role_modifiers[ctx.index(h)].kind == kind)
}

/// Gives the canonical form the hyphens and spaces the writer chose.
///
/// The lexicon lists `associée gérante` and `associée-gérante` as forms of
/// one title, but the canonical form is the lemma of what was written:
/// `associé gérant` for the first, `associé-gérant` for the second. When
/// the canonical form and the text have as many parts (split at spaces and
/// hyphens), each joint of the canonical form takes the text's; otherwise
/// (an abbreviation, a form with more words) the canonical form stays.
fn follow_written_joins(canonical: &mut String, written: &str) {
    let is_joint = |c: char| c == ' ' || c == '-';
    let written_joints: Vec<char> = written.chars().filter(|&c| is_joint(c)).collect();
    if written_joints.is_empty() && !canonical.contains(is_joint) {
        return;
    }
    if canonical.chars().filter(|&c| is_joint(c)).count() != written_joints.len() {
        return;
    }
    let mut joints = written_joints.into_iter();
    *canonical = canonical
        .chars()
        .map(|c| {
            if is_joint(c) {
                joints.next().unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
}

/// Tokens `first..end` in lowercase, for canonical forms.
fn span_lower(ctx: &Ctx, first: usize, end: usize) -> String {
    super::names::span_text(ctx, first, end).to_lowercase()
}

/// The end of a free complement: up to four words, capitalised or not,
/// stopping at punctuation and function words other than particles.
fn free_complement(ctx: &Ctx, start: usize) -> usize {
    let mut k = start;
    while k < ctx.len()
        && k < start + 4
        && ctx.kind(k) == TokenKind::Word
        && !ctx.toks.tokens[k].has(crate::tokenize::flags::NEWLINE_BEFORE)
    {
        if ctx.is_stopword(k) && !matches!(ctx.fold(k), "de" | "du" | "des") {
            break;
        }
        // `chargé des finances de Renault`: a name after an inner `de` is
        // the organisation, not the complement.
        if k > start
            && matches!(ctx.fold(k), "de" | "du" | "des" | "d'")
            && k + 1 < ctx.len()
            && ctx
                .word(k + 1)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            break;
        }
        k += 1;
    }
    // Never end on a particle.
    while k > start && matches!(ctx.fold(k - 1), "de" | "du" | "des") {
        k -= 1;
    }
    k
}

/// After `de`, `du`, `des`, `de la`, `de l'`, `d'`, `à la`, `à l'`: the index of the next word.
fn preposition(ctx: &Ctx, j: usize) -> Option<usize> {
    let n = ctx.len();
    if j >= n {
        return None;
    }
    match ctx.fold(j) {
        "du" | "des" | "d'" => Some(j + 1).filter(|&k| k < n),
        "de" if j + 1 < n && matches!(ctx.fold(j + 1), "la" | "l'") => {
            Some(j + 2).filter(|&k| k < n)
        }
        "de" => Some(j + 1).filter(|&k| k < n),
        "a" if j + 1 < n && matches!(ctx.fold(j + 1), "la" | "l'") => {
            Some(j + 2).filter(|&k| k < n)
        }
        _ => None,
    }
}

/// A one-word role that is also a speech verb form, used as a verb
/// (`», juge Thomas Lelièvre`, `l'analyste juge le prix`).
fn used_as_verb(ctx: &Ctx, first: usize, end: usize) -> bool {
    if end != first + 1 || !ctx.is(first, EntryKind::Speech) {
        return false;
    }
    let after_quote_or_comma = first > 0 && matches!(ctx.word(first - 1), "»" | "," | "\"" | "”");
    let object_follows = end < ctx.len()
        && matches!(
            ctx.fold(end),
            "le" | "la" | "les" | "l'" | "que" | "qu'" | "un" | "une" | "des" | "ce" | "cette"
        );
    after_quote_or_comma || object_follows
}

/// A one-word role whose accents the text writes differently: another word
/// with the same folded form (`jugé` is no `juge`, `il délègue` no
/// `délégué`). Folding forgives a word written without any accent
/// (`presidente`), not other accents; capitals keep theirs (`PRÉSIDENT`).
fn accents_differ(ctx: &Ctx, first: usize, end: usize, entry: &crate::lexicon::RoleEntry) -> bool {
    let word = ctx.word(first);
    if end != first + 1 || word.is_ascii() {
        return false;
    }
    !std::iter::once(&entry.canonical)
        .chain(&entry.forms)
        .any(|form| lowercase_eq(form, word))
}

/// Whether `a` and `b` are the same in lowercase, without allocating.
fn lowercase_eq(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// A role word right after an article and a lowercase noun is that noun's
/// adjective (`l'équipe dirigeante`, `le comité directeur`), unless the
/// noun is a role, an adjective of roles (`le nouveau directeur`) or an
/// ordinal (`le troisième cofondateur`).
fn used_as_adjective(ctx: &Ctx, first: usize) -> bool {
    if first < 2 {
        return false;
    }
    let noun = first - 1;
    let t = &ctx.toks.tokens[noun];
    t.kind == TokenKind::Word
        && !t.has(crate::tokenize::flags::UPPER)
        && ctx.same_sentence(noun - 1, first)
        && ctx.is_cue(Cue::Determiner, noun - 1)
        // `pour sa part directeur`: an article, not a possessive.
        && !ctx.is_cue(Cue::Possessive, noun - 1)
        && !ctx.is_stopword(noun)
        // `le troisième cofondateur`.
        && !ctx.is(noun, EntryKind::DateWord)
        && !ctx.is(noun, EntryKind::Role)
        && !ctx.is(noun, EntryKind::RoleModifier)
        && !ctx.hits.is_marked(noun, crate::gazetteer::marks::NUMBER_WORD)
        && !super::names::is_role_premodifier(ctx, noun)
}

/// A plural form: ends with -s/-x where the canonical form does not.
fn is_plural(ctx: &Ctx, first: usize, end: usize, canonical: &str) -> bool {
    let head = ctx.fold(first);
    let canon_head = crate::normalize::fold(canonical.split(' ').next().unwrap_or(canonical));
    let _ = end;
    (head.ends_with('s') || head.ends_with('x'))
        && !canon_head.ends_with('s')
        && !canon_head.ends_with('x')
}

/// `d'Airbus, Luc Marin et Hélène Vasseur` or `, Luc Marin et Hélène
/// Vasseur` at token `end`: an organisation may stand between the role and
/// a comma followed by two coordinated names.
fn names_after_organisation(ctx: &Ctx, end: usize) -> bool {
    let mut k = end;
    if let Some(mut name) = preposition(ctx, k) {
        // `trois associés du cabinet bordelais Lestrade & Associés, A, B
        // et C`: the organisation's head noun and up to two lowercase
        // words before its name.
        if ctx.is_org_noun(name) {
            let mut q = name + 1;
            while q < ctx.len()
                && q < name + 3
                && ctx.kind(q) == TokenKind::Word
                && !ctx.toks.tokens[q].has(crate::tokenize::flags::UPPER)
            {
                q += 1;
            }
            name = q;
        }
        k = name_run(ctx, name, 4);
        if k == name {
            return false;
        }
        // `Lestrade & Associés`, `Bréjoux & Fils`: any capitalised word
        // after the ampersand.
        while k + 1 < ctx.len() && ctx.word(k) == "&" && ctx.toks.tokens[k + 1].is_capitalized() {
            k += 2;
        }
    }
    if k >= ctx.len() || ctx.word(k) != "," || !ctx.same_sentence(end, k) {
        return false;
    }
    // `trois ingénieurs agronomes, A, B et C`: more names may come before
    // the last two, each after a comma.
    let mut name_end = name_run(ctx, k + 1, 4);
    if name_end == k + 1 {
        return false;
    }
    while name_end + 1 < ctx.len() && ctx.is_comma(name_end) {
        let next = name_run(ctx, name_end + 1, 4);
        if next == name_end + 1 {
            return false;
        }
        name_end = next;
    }
    name_end + 1 < ctx.len()
        && ctx.fold(name_end) == "et"
        && name_run(ctx, name_end + 1, 4) > name_end + 1
}

/// Whether a plural role refers to named persons around it.
fn tied_to_persons(ctx: &Ctx, first: usize, end: usize) -> bool {
    // `l'un des cofondateurs`, `l'une des directrices`, `l'un des trois
    // cofondateurs` (a number word may stand between).
    let counted = first >= 1
        && ctx
            .hits
            .is_marked(first - 1, crate::gazetteer::marks::NUMBER_WORD);
    let det = if counted { first - 1 } else { first };
    if det >= 2 && ctx.fold(det - 1) == "des" && matches!(ctx.fold(det - 2), "un" | "une") {
        return true;
    }
    // `les cofondateurs Altman et Brockman`
    if end < ctx.len() && name_run(ctx, end, 3) > end {
        return true;
    }
    // `les cofondateurs d'Airbus, Luc Marin et Hélène Vasseur`,
    // `les cofondateurs, Luc Marin et Hélène Vasseur`: an organisation may
    // stand between, then a comma and two coordinated names.
    if names_after_organisation(ctx, end) {
        return true;
    }
    // `Jan Leike et Ilya Sutskever, dirigeants d'OpenAI`, `…, deux anciens
    // consultants de Capgemini`: a number and modifiers may stand between.
    let mut first = first;
    while first >= 3
        && (super::names::is_role_premodifier(ctx, first - 1)
            || ctx
                .hits
                .is_marked(first - 1, crate::gazetteer::marks::NUMBER_WORD))
    {
        first -= 1;
    }
    if first >= 2 && ctx.is_comma(first - 1) && ctx.kind(first - 2) == TokenKind::Word {
        let mut k = first - 2;
        // Back over the name, its particles included (`Arnaud Le Bihan`).
        while k > 0
            && super::names::is_name_word(ctx, k)
            && (super::names::is_name_word(ctx, k - 1)
                || (k > 1
                    && super::names::is_particle(ctx, k - 1)
                    && super::names::is_name_word(ctx, k - 2)))
        {
            k -= if super::names::is_name_word(ctx, k - 1) {
                1
            } else {
                2
            };
        }
        return super::names::is_name_word(ctx, k) && k > 0 && ctx.fold(k - 1) == "et";
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::document::Label;

    fn roles(text: &str) -> Vec<String> {
        crate::Extractor::new()
            .extract(text)
            .entities_with(Label::Role)
            .map(|e| e.text.clone())
            .collect()
    }

    fn canonical_roles(text: &str) -> Vec<String> {
        crate::Extractor::new()
            .extract(text)
            .entities_with(Label::Role)
            .map(|e| e.name().to_string())
            .collect()
    }

    #[test]
    fn the_canonical_form_keeps_the_written_hyphens() {
        assert_eq!(
            canonical_roles("L'associée gérante Cécile Reverdin a porté plainte."),
            ["associé gérant"]
        );
        assert_eq!(
            canonical_roles("L'associée-gérante Cécile Reverdin a porté plainte."),
            ["associé-gérant"]
        );
        assert_eq!(
            canonical_roles("Son président-fondateur, Jean Ollivier, part."),
            ["président-fondateur"]
        );
        assert_eq!(
            canonical_roles("La présidente directrice générale, Anne Morel, part."),
            ["président directeur général"]
        );
    }

    #[test]
    fn an_adjective_after_a_complement_agrees_with_the_complement() {
        assert_eq!(
            canonical_roles(
                "Renault a nommé Youssef Amrani directrice des opérations industrielles."
            ),
            ["directeur des opérations industrielles"]
        );
        // Before the complement, it agrees with the title.
        assert_eq!(
            canonical_roles("La directrice financière adjointe, Anne Morel, part."),
            ["directeur financier adjoint"]
        );
    }

    #[test]
    fn the_parties_of_a_deal_are_no_job_titles() {
        assert_eq!(
            roles("Le vendeur, Gilles Tavernier, président du club, conserve 20 % des parts."),
            ["président"]
        );
    }

    #[test]
    fn plural_role_before_its_organisation_and_two_names() {
        assert_eq!(
            roles("Les cofondateurs d'Airbus, Luc Marin et Hélène Vasseur, ont démissionné."),
            ["cofondateurs"]
        );
        assert_eq!(
            roles("Les cofondateurs, Luc Marin et Hélène Vasseur, ont démissionné."),
            ["cofondateurs"]
        );
        // Three names and more.
        assert_eq!(
            roles(
                "Fondée par trois ingénieurs agronomes, Bastien Lafforgue, Inès Carrère \
                 et Mathieu Saint-Girons, la société a grandi."
            ),
            ["ingénieurs agronomes"]
        );
        // The organisation's head noun and an adjective before its name,
        // an ampersand inside it.
        assert_eq!(
            roles(
                "Trois associés du cabinet bordelais Lestrade & Associés, Camille Dufourcq, \
                 Hugo Berthelot et Inès Marchetti, ont rendu leur tablier."
            ),
            ["associés"]
        );
        // Generic plurals stay out, with or without an organisation.
        assert!(roles("Les cofondateurs d'Airbus ont démissionné.").is_empty());
        assert!(roles("Les dirigeants d'Airbus, selon Le Monde, ont démissionné.").is_empty());
    }

    #[test]
    fn a_region_or_a_domain_adjective_after_the_role_stays_in_it() {
        assert_eq!(
            canonical_roles(
                "Pieter Hoogeveen reste directeur Europe du Nord ; Marc Morel, directeur \
                 des énergies renouvelables, et Léa Morel, directrice de la cybersécurité \
                 navale, partent."
            ),
            [
                "directeur europe du nord",
                "directeur des énergies renouvelables",
                "directeur de la cybersécurité navale"
            ]
        );
    }

    #[test]
    fn a_company_noun_after_a_title_of_two_words_is_its_organisation() {
        assert_eq!(
            roles(
                "Le secrétaire général du cabinet, Jean Raffin, et le directeur général du \
                 studio, Léa Guivarch, sont partis."
            ),
            ["secrétaire général", "directeur général"]
        );
        // After a one-word title the noun is its domain, and so is a
        // company noun with a complement of its own.
        assert_eq!(
            roles(
                "Le directeur du studio, Tomás Iriarte, et la directrice adjointe du cabinet \
                 du ministre sont partis."
            ),
            [
                "directeur du studio",
                "directrice adjointe du cabinet",
                "ministre"
            ]
        );
    }

    #[test]
    fn trades_and_newsroom_domains() {
        assert_eq!(
            canonical_roles(
                "Fondée par le négociant Auguste Arvel et le maître parfumeur Antoine \
                 Reyssac, la maison emploie la présentatrice du journal du soir, Lina \
                 Cherkaoui, et le directeur des magazines, Amine Tazi."
            ),
            [
                "négociant",
                "maître parfumeur",
                "présentateur du journal du soir",
                "directeur des magazines"
            ]
        );
        // A capitalised domain word before a name word opens an organisation.
        assert_eq!(
            roles("La directrice d'Habitat Sud-Loire, Véronique Pailloux, a été révoquée."),
            ["directrice"]
        );
        // Domains of a printing works, a trading desk, a sports club.
        assert_eq!(
            roles(
                "Le directeur de l'imprimerie, le directeur du trading, la responsable de la \
                 maintenance et la présidente de la section féminine sont partis."
            ),
            [
                "directeur de l'imprimerie",
                "directeur du trading",
                "responsable de la maintenance",
                "présidente de la section féminine"
            ]
        );
    }

    #[test]
    fn a_free_complement_stops_before_an_organisation() {
        assert_eq!(
            roles("Jean Martin, directeur général adjoint chargé des finances de Renault, part."),
            ["directeur général adjoint chargé des finances"]
        );
    }
}
