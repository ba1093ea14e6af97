//! Which organisation a passage is about.
//!
//! Events and relations both meet words that stand for an organisation
//! without naming it: `la société`, `elle`, `son PDG`, `de l'entreprise`.
//! This module picks the organisation they stand for, the same way for both
//! stages, so an event and the relation it relies on agree.

use crate::document::Label;
use crate::events::Cue;
use crate::recognize::{Candidate, Ctx};
use rustc_hash::FxHashMap;

/// What a document's references to organisations are resolved with,
/// computed once per document and shared by relations and events.
pub(crate) struct Salience {
    /// See [`main_org`].
    pub main: Option<usize>,
    /// See [`org_name_counts`].
    counts: Vec<u32>,
    /// See [`org_kind_nouns`].
    kinds: Vec<u32>,
    /// See [`investors`].
    investors: Vec<bool>,
    /// Per entity, the company noun some mention of the same name was
    /// introduced with (`u32::MAX` for none): `le fonds américain
    /// Tramontane Capital … Tramontane Capital` is a fund twice.
    name_kinds: Vec<u32>,
}

impl Salience {
    pub(crate) fn new(ctx: &Ctx, ents: &[Candidate]) -> Salience {
        let kinds = org_kind_nouns(ctx, ents);
        let by_name = org_names(ents);
        let counts = org_name_counts(ents, &by_name);
        Salience {
            main: main_org(&by_name),
            investors: investors(ctx, ents, &kinds, &counts),
            name_kinds: name_kinds(ents, &kinds),
            counts,
            kinds,
        }
    }

    /// See [`salient_org`].
    pub(crate) fn org_at(&self, ctx: &Ctx, ents: &[Candidate], at: usize) -> Option<usize> {
        self.org_at_except(ctx, ents, at, &[])
    }

    /// [`Self::org_at`] among the organisations not in `except`.
    pub(crate) fn org_at_except(
        &self,
        ctx: &Ctx,
        ents: &[Candidate],
        at: usize,
        except: &[usize],
    ) -> Option<usize> {
        salient_org(ctx, ents, self, at, &|k| !except.contains(&k))
    }

    /// The organisation the company noun at token `noun` stands for: the
    /// last one the text introduced with the same noun ([`org_of_kind`]),
    /// else the salient one at token `at`.
    pub(crate) fn org_for_noun(
        &self,
        ctx: &Ctx,
        ents: &[Candidate],
        noun: usize,
        at: usize,
    ) -> Option<usize> {
        self.org_for_noun_except(ctx, ents, noun, at, &[])
    }

    /// [`Self::org_for_noun`] among the organisations not in `except`
    /// (`Le syndicat a assigné l'employeur`: not the syndicate itself).
    pub(crate) fn org_for_noun_except(
        &self,
        ctx: &Ctx,
        ents: &[Candidate],
        noun: usize,
        at: usize,
        except: &[usize],
    ) -> Option<usize> {
        // `le club` after `le fonds américain Tramontane Capital`: an
        // organisation of another known kind is not what the noun names.
        // (The organisation's kind is looked up only for a noun of a kind:
        // any organisation fits `elle`, `la société`.)
        let noun_kind = ctx.head_kind(noun).filter(|&k| k != GENERIC_KIND);
        let fits = |k: usize| {
            !except.contains(&k)
                && match noun_kind {
                    Some(want) => match self.kind_of(ctx, ents, k) {
                        Some(have) => have == want || have == GENERIC_KIND,
                        None => true,
                    },
                    None => true,
                }
        };
        let allowed = |k: &usize| !except.contains(k);
        self.org_of_noun(ctx, ents, noun)
            .filter(allowed)
            .or_else(|| namesake_org(ctx, ents, at).filter(allowed))
            .or_else(|| salient_org(ctx, ents, self, at, &fits))
    }

    /// The kind of the organisation `e`: its own in `orgs.tsv` or by its
    /// head, else that of the noun the text introduced it with.
    fn kind_of<'c>(&self, ctx: &'c Ctx, ents: &[Candidate], e: usize) -> Option<&'c str> {
        ctx.org_kind(&ents[e]).or_else(|| {
            let noun = self.name_kinds[e];
            (noun != u32::MAX)
                .then(|| ctx.head_kind(noun as usize))
                .flatten()
        })
    }

    /// The organisation the text introduced with the company noun at token
    /// `noun` (`la mutuelle bretonne Assurances Kerval … la présidente de la
    /// mutuelle`), and no guess when there is none.
    pub(crate) fn org_of_noun(&self, ctx: &Ctx, ents: &[Candidate], noun: usize) -> Option<usize> {
        org_of_kind(ctx, ents, &self.kinds, noun)
    }
}

/// The kind of `org_heads.tsv` every other kind is a case of (`la
/// société` may be a bank, a club or a newspaper).
const GENERIC_KIND: &str = "company";

/// How many organisations back a reference may reach: bounded, so a
/// pronoun costs the same in a book as in a brief.
const LOOK_BACK: usize = 64;

/// For each canonical name of the document's organisations, the number of
/// their mentions and the first one: what [`main_org`] and
/// [`org_name_counts`] are read from. One map, sized for every mention to
/// be a name of its own, so it never grows (and rehashes) as it fills.
fn org_names(ents: &[Candidate]) -> FxHashMap<&str, (usize, usize)> {
    let orgs = ents.iter().filter(|e| e.label == Label::Org).count();
    let mut names: FxHashMap<&str, (usize, usize)> =
        FxHashMap::with_capacity_and_hasher(orgs, Default::default());
    for (k, e) in ents
        .iter()
        .enumerate()
        .filter(|(_, e)| e.label == Label::Org)
    {
        let c = names
            .entry(e.canonical.as_deref().unwrap_or(""))
            .or_insert((0, k));
        c.0 += 1;
    }
    names
}

/// The most frequent organisation of the document (by canonical form), at
/// its first mention (`names` from [`org_names`]).
fn main_org(names: &FxHashMap<&str, (usize, usize)>) -> Option<usize> {
    names
        .values()
        .max_by_key(|&&(n, k)| (n, usize::MAX - k))
        .map(|&(_, k)| k)
}

/// For each entity, how many organisation mentions of the document share its
/// canonical name (0 for entities that are not organisations; `names` from
/// [`org_names`]). Computed once per document, so [`salient_org`] stays
/// linear.
fn org_name_counts(ents: &[Candidate], names: &FxHashMap<&str, (usize, usize)>) -> Vec<u32> {
    ents.iter()
        .map(|e| match e.label {
            Label::Org => names[e.canonical.as_deref().unwrap_or("")].0 as u32,
            _ => 0,
        })
        .collect()
}

/// The organisation a reference at token `at` stands for: the last one named
/// before its sentence among those the document names at least twice (one
/// named once is rarely what the text is about, and more often a
/// recogniser's mistake), else the last one named that is no complement
/// (`à VivaTech`), else the last one named, else `main`; all of that first
/// among the organisations that are no investor ([`investors`]), then among
/// all. When the choice is one named twice, a subject named twice earlier in
/// its sentence is taken instead (`Tandem Santé a été créée par …, un ancien
/// développeur de Doctolib`: Tandem Santé).
///
/// Measured on the dev split, this beats both the main organisation alone
/// and the subject of the sentence before: in `Stellantis rachète Valmont
/// Composites… Fondée en 1987, la société…`, the company just described is
/// the one meant.
fn salient_org(
    ctx: &Ctx,
    ents: &[Candidate],
    salience: &Salience,
    at: usize,
    fits: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let sentence_of = &ctx.toks.sentence_of;
    let here = sentence_of[at];
    let end = ents.partition_point(|e| sentence_of[e.first as usize] < here);
    let orgs_before = || {
        ents[..end]
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, e)| e.label == Label::Org)
            .map(|(k, _)| k)
            .take(LOOK_BACK)
            .filter(|&k| fits(k))
    };
    // Investors are first left out: `la société` after `une série B menée
    // par Partech` is the company that raised the money, not the fund.
    let pick = |skip_investors: bool| {
        let mut before = orgs_before().filter(|&k| !(skip_investors && salience.investors[k]));
        let last = before.next();
        let mut prominent = None;
        let twice = last.into_iter().chain(before).find(|&k| {
            if prominent.is_none() && !is_complement(ctx, ents[k].first as usize) {
                prominent = Some(k);
            }
            salience.counts[k] >= 2
        });
        // `Tandem Santé a été créée par … un ancien développeur de Doctolib`:
        // in the sentence of that organisation, one named twice outside a
        // complement (its subject) comes first.
        let twice = twice.map(|k| {
            let sentence = sentence_of[ents[k].first as usize];
            orgs_before()
                .skip_while(|&j| j != k)
                .take_while(|&j| sentence_of[ents[j].first as usize] == sentence)
                .filter(|&j| !(skip_investors && salience.investors[j]))
                .filter(|&j| salience.counts[j] >= 2 && !is_complement(ctx, ents[j].first as usize))
                .last()
                .unwrap_or(k)
        });
        twice.or(prominent).or(last)
    };
    pick(true).or_else(|| pick(false)).or(salience.main)
}

/// For each entity, whether it is an investor: an organisation of kind
/// `fund` (in `orgs.tsv`, or by the head noun that introduces it in
/// `org_heads.tsv`: `le fonds américain Harbor Lane Sports`) that the text
/// names fewer than three times. Funds are named in passages about the
/// companies they back, and are rarely what `la société` or `elle` stands
/// for; one named three times or more is what the text is about (`la
/// Financière Aubrac … la société de gestion`). `counts` comes from
/// [`org_name_counts`].
fn investors<'a>(ctx: &Ctx, ents: &'a [Candidate], kinds: &[u32], counts: &[u32]) -> Vec<bool> {
    let name = |e: &'a Candidate| e.canonical.as_deref().unwrap_or("");
    // By name: `le fonds Orvane … associé d'Orvane` is a fund twice.
    let funds: rustc_hash::FxHashSet<&str> = ents
        .iter()
        .zip(kinds)
        .filter(|&(e, &noun)| {
            ctx.org_kind(e) == Some("fund")
                || (noun != u32::MAX && ctx.head_kind(noun as usize) == Some("fund"))
        })
        .map(|(e, _)| name(e))
        .collect();
    ents.iter()
        .zip(counts)
        .map(|(e, &count)| e.label == Label::Org && count < 3 && funds.contains(name(e)))
        .collect()
}

/// See [`Salience::name_kinds`]; `kinds` comes from [`org_kind_nouns`].
fn name_kinds(ents: &[Candidate], kinds: &[u32]) -> Vec<u32> {
    let mut by_name: FxHashMap<&str, u32> = FxHashMap::default();
    for (e, &noun) in ents.iter().zip(kinds) {
        if noun != u32::MAX {
            by_name
                .entry(e.canonical.as_deref().unwrap_or(""))
                .or_insert(noun);
        }
    }
    ents.iter()
        .zip(kinds)
        .map(|(e, &noun)| match (noun, e.label) {
            (u32::MAX, Label::Org) => by_name
                .get(e.canonical.as_deref().unwrap_or(""))
                .copied()
                .unwrap_or(u32::MAX),
            _ => noun,
        })
        .collect()
}

/// For each entity, the token of the company noun (an `anaphor` cue of
/// `event_cues.tsv` or a head noun of `org_heads.tsv`) the text introduces it with when it is an
/// organisation, `u32::MAX` otherwise: `le groupe Harrowgate`, `la maison
/// Delorme-Aubry`, `le fabricant de batteries Voltanis` (lowercase words
/// may stand between), `Kalterm, un petit fabricant allemand` (an
/// apposition right after it). Computed once per document for
/// [`org_of_kind`].
fn org_kind_nouns(ctx: &Ctx, ents: &[Candidate]) -> Vec<u32> {
    let lower_word = |k: usize| {
        let t = &ctx.toks.tokens[k];
        t.kind == crate::tokenize::TokenKind::Word && !t.has(crate::tokenize::flags::UPPER)
    };
    ents.iter()
        .map(|e| {
            if e.label != Label::Org {
                return u32::MAX;
            }
            let (first, end) = (e.first as usize, e.end as usize);
            // `assigné le club devant le conseil de prud'hommes`: a
            // preposition other than `de` ends the noun's phrase.
            let other_preposition = |k: usize| {
                ctx.is_cue(Cue::Preposition, k)
                    && !matches!(ctx.fold(k), "de" | "d'" | "du" | "des")
            };
            // `le site d'information Hexagone Info`: the elided `d'` of a
            // complement inside the noun's phrase does not end it; right
            // before the name it makes the name the complement (`les
            // investisseurs d'Aquilon Medical` are no kind of Aquilon).
            // Seven words back: `l'éditeur toulousain de logiciels
            // d'imagerie satellitaire Altiscope` (four missed it; ten
            // found nothing more on the dev split).
            let before = (first.saturating_sub(7)..first)
                .rev()
                .take_while(|&k| {
                    ctx.same_sentence(k, first)
                        && (lower_word(k) || (ctx.fold(k) == "d'" && k + 1 < first))
                        && !other_preposition(k)
                })
                .find(|&k| ctx.is_org_noun(k));
            let after = || {
                let mut det = end + 1;
                // `Kalterm, un fabricant`, `Stratosyn : le fabricant`.
                if det >= ctx.len()
                    || !matches!(ctx.word(end), "," | ":")
                    || !ctx.is_cue(Cue::Determiner, det)
                {
                    return None;
                }
                // `Delorme Frères, l'une des dernières banques privées`.
                if det + 2 < ctx.len()
                    && matches!(ctx.fold(det + 1), "un" | "une")
                    && ctx.fold(det + 2) == "des"
                {
                    det += 2;
                }
                (det + 1..(det + 4).min(ctx.len()))
                    .take_while(|&k| ctx.same_sentence(k, first) && lower_word(k))
                    .find(|&k| ctx.is_org_noun(k))
            };
            before.or_else(after).map_or(u32::MAX, |k| k as u32)
        })
        .collect()
}

/// The organisation the company noun at token `noun` stands for when the
/// text introduced one with the same noun before it (`au groupe Harrowgate
/// … Le groupe a…`, `la maison Delorme-Aubry … la maison exploite`), or
/// named one with it (`le Racing Club Albigeois … le club a`, `la Mutuelle
/// Sarthe Horizon … la mutuelle`): the last such one. A generic noun
/// (`société`, `groupe`) does not name: `la société` after `la Société
/// Générale` is rarely the bank. `kinds` comes from [`org_kind_nouns`].
fn org_of_kind(ctx: &Ctx, ents: &[Candidate], kinds: &[u32], noun: usize) -> Option<usize> {
    let word = ctx.fold(noun);
    let names = ctx.head_kind(noun).is_some_and(|k| k != GENERIC_KIND);
    let end = ents.partition_point(|e| (e.first as usize) < noun);
    (0..end)
        .rev()
        .filter(|&k| ents[k].label == Label::Org)
        .take(LOOK_BACK)
        .find(|&k| {
            let kind = kinds[k] as usize;
            let introduced = kinds[k] != u32::MAX
                && kind != noun
                && (ctx.fold(kind) == word || one_of_plural(ctx, kind, word));
            introduced
                || (names
                    && (ents[k].first as usize..ents[k].end as usize).any(|t| ctx.fold(t) == word))
        })
}

/// The organisation named after a person of the sentence of token `at`:
/// family firms bear their founder's name, so in `Fondée en 1868 par le
/// layetier Anselme Darnal, la maison a…` the house is Darnal, whatever
/// organisation the text named last; a part of a hyphenated name counts
/// (`Bertrand Aubry` and `la maison Delorme-Aubry`). The last such
/// organisation among the [`LOOK_BACK`] named before `at`, else the first
/// among those named after it.
fn namesake_org(ctx: &Ctx, ents: &[Candidate], at: usize) -> Option<usize> {
    let sentence_of = &ctx.toks.sentence_of;
    let here = sentence_of[at];
    let lo = ents.partition_point(|e| sentence_of[e.first as usize] < here);
    let hi = ents.partition_point(|e| sentence_of[e.first as usize] <= here);
    let surnames: Vec<&str> = ents[lo..hi]
        .iter()
        .filter(|e| e.label == Label::Person)
        .map(|e| ctx.fold(e.end as usize - 1))
        .collect();
    if surnames.is_empty() {
        return None;
    }
    let bears = |e: &Candidate| {
        (e.first..e.end).any(|k| {
            let fold = ctx.fold(k as usize);
            // Most words hold no hyphen, as their token's flag says: no
            // split for them.
            if ctx.toks.tokens[k as usize].has(crate::tokenize::flags::HYPHENATED) {
                fold.split('-').any(|part| surnames.contains(&part))
            } else {
                surnames.contains(&fold)
            }
        })
    };
    let split = ents.partition_point(|e| (e.first as usize) < at);
    let orgs = |k: &usize| ents[*k].label == Label::Org;
    let is_namesake = |k: &usize| bears(&ents[*k]);
    (0..split)
        .rev()
        .filter(orgs)
        .take(LOOK_BACK)
        .find(is_namesake)
        .or_else(|| {
            (split..ents.len())
                .filter(orgs)
                .take(LOOK_BACK)
                .find(is_namesake)
        })
}

/// Whether the company noun at token `kind` is the plural of `word` after
/// `l'un des` / `l'une des` (`Delorme Frères, l'une des dernières banques
/// privées` introduces `la banque`). Other plurals name a set, not the
/// organisation: `des entreprises telles que Meta` does not make Meta
/// `l'entreprise`.
fn one_of_plural(ctx: &Ctx, kind: usize, word: &str) -> bool {
    ctx.fold(kind).strip_suffix('s') == Some(word)
        && (kind.saturating_sub(3)..kind)
            .any(|j| j > 0 && ctx.fold(j) == "des" && matches!(ctx.fold(j - 1), "un" | "une"))
}

/// Whether the entity starting at token `start` follows a preposition, past
/// its determiner and the head noun and adjectives before it (`à VivaTech`,
/// `auprès du fonds américain X`): a complement, less likely what a later
/// `la société` stands for than a subject.
fn is_complement(ctx: &Ctx, start: usize) -> bool {
    let cue = |kind: Cue, k: usize| ctx.is_cue(kind, k);
    let mut p = start;
    let mut words = 0;
    while p > 0 && words < 3 {
        let t = &ctx.toks.tokens[p - 1];
        let lower_word =
            t.kind == crate::tokenize::TokenKind::Word && !t.has(crate::tokenize::flags::UPPER);
        if !lower_word || cue(Cue::Preposition, p - 1) || cue(Cue::Determiner, p - 1) {
            break;
        }
        p -= 1;
        words += 1;
    }
    if p > 1 && cue(Cue::Determiner, p - 1) {
        p -= 1;
    }
    p > 0 && cue(Cue::Preposition, p - 1)
}
