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
//!   Brockman`, `la directrice financière de Biolume, Hélène Vasseur`;
//! * copula — `Sam est un rédacteur scientifique`, `Luc Marin a été nommé
//!   directeur financier de Biolume`, `a recruté Luc Marin comme directeur`.
//!
//! The organisation is the one written after the role or after a role it is
//! coordinated with (`de`, `d'`, `chez` — `role_links.tsv`); failing that,
//! the only organisation the sentence names, if there is exactly one.
//! Mentions of the same (person, role) pair across the document are one
//! relation; an organisation found at any of them is kept.

use crate::document::Label;
use crate::recognize::{Candidate, Ctx};
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
pub(crate) fn role_of(ctx: &Ctx, ents: &[Candidate]) -> Vec<RoleOf> {
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

    let main_org = crate::salience::main_org(ents);
    let sentence_orgs = SentenceOrgs::new(ctx, ents);
    let org_counts = crate::salience::org_name_counts(ents);
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
        // `son ancienne directrice juridique`: role modifiers may stand between.
        let mut before_role = first;
        while before_role > 0
            && first - before_role < 2
            && crate::recognize::names::is_role_premodifier(ctx.fold(before_role - 1))
        {
            before_role -= 1;
        }
        let possessive = before_role > 0
            && ctx
                .res
                .rules
                .is_cue("possessive", ctx.fold(before_role - 1));
        // `le directeur financier de l'époque, X`, `l'ancien délégué de
        // l'entreprise, X`: a complement without a name stands between the
        // role and the person; `de l'entreprise` stands for an organisation.
        let complement = unnamed_complement(ctx, &ent_at, end);
        let anaphoric = possessive || complement.is_some_and(|(_, anaphor)| anaphor);
        let org = org_of_chain(ctx, ents, &ent_at, first, end)
            .or_else(|| {
                // `Ferrolux a licencié son directeur commercial`: the owner is
                // the organisation named before in the sentence, else the
                // one the passage is about.
                possessive
                    .then(|| org_before(ctx, ents, first, sentence))
                    .flatten()
            })
            .or_else(|| {
                anaphoric
                    .then(|| crate::salience::salient_org(ctx, ents, &org_counts, first, main_org))
                    .flatten()
            })
            .or_else(|| sentence_orgs.sole(sentence));
        let guess = (org.is_none() && sentence_orgs.none_in(sentence))
            .then_some(main_org)
            .flatten();
        let (org, org_guessed) = (org.or(guess), guess.is_some());
        let mut persons = Vec::new();
        // Role before the name: `le PDG Sam Altman`, `directrice de Biolume, Hélène Vasseur`.
        let mut j = end;
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
        if same(j) && ctx.word(j) == "," {
            j += 1;
        }
        // `son avocate, Me Sandrine Le Calvez`: titles stay out of names.
        while same(j)
            && ctx.is(j, crate::gazetteer::EntryKind::Title)
            && label_at(j, Label::Person).is_none()
        {
            j += 1;
        }
        if same(j) {
            if let Some(p) = label_at(j, Label::Person) {
                persons.extend(coordinated_persons(ctx, ents, &label_at, p));
            }
        }
        // Apposition, heading, copula: walk left to the person.
        if persons.is_empty() {
            if let Some(p) = person_before(ctx, ents, &ent_at, first, sentence) {
                persons.push(p);
                // `Jan Leike et Ilya Sutskever, dirigeants`: earlier coordinated persons.
                let mut k = ents[p].first as usize;
                while k >= 2 && same(k - 2) && matches!(ctx.fold(k - 1), "et" | ",") {
                    match label_at(k - 2, Label::Person) {
                        Some(q) => {
                            persons.push(q);
                            k = ents[q].first as usize;
                        }
                        None => break,
                    }
                }
            }
        }
        for p in persons {
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

/// Persons coordinated after person `p`: `Altman et Brockman`.
fn coordinated_persons(
    ctx: &Ctx,
    ents: &[Candidate],
    label_at: &dyn Fn(usize, Label) -> Option<usize>,
    p: usize,
) -> Vec<usize> {
    let mut out = vec![p];
    let mut end = ents[p].end as usize;
    while end + 1 < ctx.len() && matches!(ctx.fold(end), "et" | ",") {
        match label_at(end + 1, Label::Person) {
            Some(q) => {
                out.push(q);
                end = ents[q].end as usize;
            }
            None => break,
        }
    }
    out
}

/// The person a role is said of, to its left in the same sentence: after an
/// apposition comma, a heading colon or dash, or a copula.
fn person_before(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    first: usize,
    sentence: u32,
) -> Option<usize> {
    let res = ctx.res;
    let mut k = first;
    let mut copula = false;
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
                    let after = ents[e].end as usize;
                    let sep = ctx.word(after);
                    let linked = matches!(sep, "," | ":" | "-" | "–" | "(") || copula;
                    return linked.then_some(e);
                }
                // Coordinated roles and their organisations: `président d'OpenAI et autre`.
                Label::Role | Label::Org => {
                    k = ents[e].first as usize;
                    continue;
                }
                _ => return None,
            }
        }
        let f = ctx.fold(k);
        let chain = res.role_chain.contains(f)
            || res.role_org_links.contains(f)
            || matches!(ctx.word(k), ":" | "–" | "(");
        let cop = res.copulas.contains(f);
        if cop
            && !chain
            && !matches!(
                f,
                "a" | "un" | "une" | "le" | "la" | "l'" | "au" | "de" | "d'"
            )
        {
            copula = true;
        }
        if !(chain || cop) {
            return None;
        }
    }
    None
}

/// A complement naming nothing right after a role and before a comma:
/// `de l'époque`, `du groupe`, `de la société`. Returns the comma's token and
/// whether the complement's noun stands for an organisation (an `anaphor`
/// cue of `event_cues.tsv`).
fn unnamed_complement(
    ctx: &Ctx,
    ent_at: &dyn Fn(usize) -> Option<usize>,
    end: usize,
) -> Option<(usize, bool)> {
    let cues = &ctx.res.rules;
    // The same links as `directeur de Biolume` (role_links.tsv, kind `org`).
    if end >= ctx.len() || !ctx.res.role_org_links.contains(ctx.fold(end)) {
        return None;
    }
    let mut k = end + 1;
    if k < ctx.len() && cues.is_cue("determiner", ctx.fold(k)) {
        k += 1;
    }
    // One or two lowercase words, then the comma.
    let noun = k;
    for _ in 0..2 {
        if k >= ctx.len() || ent_at(k).is_some() || !ctx.same_sentence(end, k) {
            return None;
        }
        if !ctx.word(k).chars().next().is_some_and(char::is_lowercase) {
            return None;
        }
        k += 1;
        if k < ctx.len() && ctx.word(k) == "," {
            return Some((k, cues.is_cue("anaphor", ctx.fold(noun))));
        }
    }
    None
}

/// An organisation written right after token `j`: `de Biolume`, `d'OpenAI`,
/// `chez Sanofi`, `de la Banque Delorme`.
fn explicit_org_after(
    ctx: &Ctx,
    ents: &[Candidate],
    ent_at: &dyn Fn(usize) -> Option<usize>,
    j: usize,
) -> Option<usize> {
    if j >= ctx.len() || !ctx.res.role_org_links.contains(ctx.fold(j)) {
        return None;
    }
    let mut k = j + 1;
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
        && ctx.word(j) == ","
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
                && ctx.res.role_org_links.contains(ctx.fold(p - 1))
                && p >= 2
                && ent_at(p - 2).is_some_and(|e| ents[e].label == Label::Role)
            {
                return Some(o);
            }
        }
    }
    None
}

/// The last organisation named before token `at` in its sentence.
fn org_before(ctx: &Ctx, ents: &[Candidate], at: usize, sentence: u32) -> Option<usize> {
    let end = ents.partition_point(|e| (e.first as usize) < at);
    ents[..end]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, e)| ctx.toks.sentence_of[e.first as usize] == sentence)
        .find(|(_, e)| e.label == Label::Org)
        .map(|(k, _)| k)
}

/// The organisations of each sentence, computed once per document: scanning
/// every entity for every role made a document with many roles quadratic
/// (issue #9: `PDG(2024)` repeated over 160 kB took 1.8 s).
struct SentenceOrgs(FxHashMap<u32, Option<usize>>);

impl SentenceOrgs {
    /// Per sentence that names an organisation: the first one, or `None`
    /// when it names another one with a different canonical name.
    fn new(ctx: &Ctx, ents: &[Candidate]) -> SentenceOrgs {
        let mut map: FxHashMap<u32, Option<usize>> = FxHashMap::default();
        for (k, e) in ents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.label == Label::Org)
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

    /// Whether the sentence names no organisation at all.
    fn none_in(&self, sentence: u32) -> bool {
        !self.0.contains_key(&sentence)
    }

    /// The organisation of the sentence, when it names exactly one.
    fn sole(&self, sentence: u32) -> Option<usize> {
        self.0.get(&sentence).copied().flatten()
    }
}

/// One relation per (person, role) pair, by canonical forms; the first
/// mention's entities, with an organisation from any mention.
fn merge(ents: &[Candidate], found: Vec<RoleOf>) -> Vec<RoleOf> {
    let key = |k: usize| ents[k].canonical.clone().unwrap_or_default().to_lowercase();
    let mut index: FxHashMap<(String, String), usize> = FxHashMap::default();
    let mut out: Vec<RoleOf> = Vec::new();
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
