//! ORG: known organisations, and unknown ones found by rule.
//!
//! * `gazetteer:orgs` — a name or alias of `orgs.tsv` with its capitals;
//!   names that are common words (`Orange`, flag `common`) are not taken at
//!   the start of a sentence, and names with a `ctx=` flag (`X`) only after
//!   one of their context words;
//! * `rule:subsidiary` — a known name followed by one or two capitalised
//!   words that are no person's, title, date or other known name (`Orange
//!   Tunisie`, `Renault Maroc`): the subsidiary is one name;
//! * `rule:regional-bank` — a bank or insurer of `orgs.tsv` followed by a
//!   region (`Caisse d'Épargne Bourgogne Franche-Comté`, `Banque Populaire du
//!   Sud`): the regional bank is one name;
//! * `rule:legal-suffix` — capitalised words before a legal suffix
//!   (`Safe Superintelligence Inc.`, `Biolume SAS`), suffix included;
//! * `rule:head-noun` — a name after a head noun of `org_heads.tsv`
//!   (`la start-up Alvéole`, `le groupe Kervadec`, `la société d'IA rivale Anthropic`);
//! * `rule:apposed-head` — a name before a head noun in apposition
//!   (`Kalterm, un petit fabricant allemand`);
//! * `rule:chez` — a name after `chez`;
//! * `rule:org-object`, `rule:org-subject` — a name after a verb whose
//!   object is a company or after words such as `auprès de` (`a racheté
//!   Kalvia`), or before a verb whose subject is one (`Kalvia a levé`):
//!   `org_contexts.tsv`;
//! * `rule:role-of` — a name after a role and `de` (`directrice financière de Biolume`);
//! * `rule:acronym-definition` — a phrase followed by its acronym in
//!   parentheses (`Commission de régulation de l'énergie (CRE)`): both are ORG;
//!   a word gives its first letter, an all-caps word all its letters (`AS
//!   Roche-Vernay (ASRV)`), a hyphenated word one per capitalised part; the
//!   acronym may be written as a word (`Établissement public d'aménagement
//!   Seine-Amont (Epasa)`);
//! * `rule:acronym` — an all-caps word that is not in `org_acronym_stoplist.txt`;
//! * `rule:camel-case` — a word with an inner capital (`DailyAI`);
//! * a capital `L'`, `La`, `Le` or `Les` after a word joins the name that
//!   follows it (`de L'Écho du Var`, `du quotidien La Vigie de Brest`), not
//!   at the start of a sentence or after a dateline;
//! * `rule:list-after-head` — names listed after a plural head noun
//!   (`des entreprises telles que Meta, Uber et Airtable`).

use super::names::{is_name_word, is_particle, name_run, span_text};
use super::{Candidate, Ctx};
use crate::document::Label;
use crate::events::Cue;
use crate::gazetteer::EntryKind;
use crate::tokenize::{flags, TokenKind};

const PRIO_LEXICON: u8 = 80;
// Above the lexicon: a legal suffix or a definition in parentheses is
// longer, more specific evidence than a known short name inside it
// (`Greenfield Capital` over the magazine `Capital`).
const PRIO_SUFFIX: u8 = 82;
const PRIO_DEFINITION: u8 = 82;
const PRIO_INSTITUTION: u8 = 79;
const PRIO_ELIDED_RUN: u8 = 55;
const PRIO_CONTEXT: u8 = 62;
const PRIO_SHAPE: u8 = 50;
// Below a person's name from a first name or a context: `a rejoint
// Kalvia`, but `a rejoint Luc Marin` is a person.
const PRIO_OBJECT: u8 = 60;
const PRIO_SUBJECT: u8 = 58;

/// Proposes ORG candidates.
pub(crate) fn find(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let from = out.len();
    find_names(ctx, out);
    // `de L'Écho du Var`, `du quotidien La Vigie`: a capital `L'`, `La`,
    // `Le` or `Les` after a word belongs to the name (a title); at the start
    // of a sentence or after a dateline's dash it is the article
    // (`L'Autorité de la concurrence a…`).
    for c in &mut out[from..] {
        let first = c.first as usize;
        if c.canonical.is_none()
            && first > 1
            && matches!(ctx.fold(first - 1), "l'" | "la" | "le" | "les")
            && ctx.word(first - 1).starts_with('L')
            && ctx.kind(first - 2) == TokenKind::Word
            && ctx.same_sentence(first - 2, first)
        {
            c.first -= 1;
        }
    }
}

/// The lexicons whose hits [`find_names`] reads: a token that starts no
/// case-checked hit of them (most tokens) has its hits skipped.
const NAME_KINDS: [EntryKind; 5] = [
    EntryKind::Org,
    EntryKind::OrgSuffix,
    EntryKind::OrgHead,
    EntryKind::OrgContext,
    EntryKind::Role,
];

fn find_names(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.len();
    for i in 0..n {
        let hits = if ctx.hits.has_any(i, &NAME_KINDS) {
            ctx.hits.at(i)
        } else {
            &[]
        };
        for hit in hits {
            let entry = ctx.res.gazetteer.entry(hit);
            if !ctx.res.gazetteer.case_ok(hit, ctx.toks) {
                continue;
            }
            let (first, end) = (hit.first as usize, hit.end as usize);
            match entry.kind {
                EntryKind::Org => {
                    let org = &ctx.res.lexicons.orgs[entry.index as usize];
                    if org.common
                        && (ctx.toks.is_sentence_initial(first)
                            || !ctx.toks.tokens[first].has(flags::UPPER))
                    {
                        continue;
                    }
                    if !org.context.is_empty()
                        && (first == 0 || !org.context.iter().any(|w| w == ctx.fold(first - 1)))
                    {
                        continue;
                    }
                    // `Pétroles du Ponant`, `Banque populaire du Léman`: a
                    // known name ending a longer one is not that name.
                    let start = longer_name_start(ctx, first);
                    if start < first {
                        out.push(Candidate::new(
                            Label::Org,
                            start,
                            end,
                            PRIO_LEXICON,
                            "rule:name-with-particle",
                        ));
                        continue;
                    }
                    // `Caisse d'Épargne Bourgogne Franche-Comté`, `Banque
                    // Populaire du Sud`: a cooperative bank's regional bank
                    // is its name and a region.
                    // Not a name that is also a word or a first name
                    // (`Alan`, an insurer: `Alan Turing`).
                    if matches!(org.kind.as_str(), "bank" | "insurer")
                        && !org.common
                        && !ctx.is(first, EntryKind::FirstName)
                    {
                        if let Some(stop) = region_after(ctx, end) {
                            out.push(Candidate::new(
                                Label::Org,
                                first,
                                stop,
                                PRIO_LEXICON,
                                "rule:regional-bank",
                            ));
                            continue;
                        }
                    }
                    // `Orange Tunisie`, `Orange Cyberdefense`, `Renault
                    // Maroc`: a known name and capitalised words right
                    // after it name a subsidiary, not the group.
                    // Not on a name that is also a first name (`Chloé
                    // Vantorre` is a person).
                    let stop = subsidiary_end(ctx, end);
                    if stop > end && !ctx.is(first, EntryKind::FirstName) {
                        out.push(Candidate::new(
                            Label::Org,
                            first,
                            stop,
                            PRIO_LEXICON,
                            "rule:subsidiary",
                        ));
                        continue;
                    }
                    let c = Candidate::new(Label::Org, first, end, PRIO_LEXICON, "gazetteer:orgs")
                        .with_canonical(org.canonical.clone());
                    out.push(if org.common || !org.context.is_empty() {
                        c.not_spread()
                    } else {
                        c
                    });
                }
                EntryKind::OrgSuffix => {
                    let start = name_start_before(ctx, first);
                    if start < first {
                        out.push(Candidate::new(
                            Label::Org,
                            start,
                            end,
                            PRIO_SUFFIX,
                            "rule:legal-suffix",
                        ));
                    }
                }
                // `l'américain Harvey`, `du chinois BYD`: a lowercase
                // nationality after an article names a company (a person
                // would be `l'Américain`). Only right after the article, and
                // only a name right after it: `le président américain X`
                // says nothing.
                EntryKind::OrgHead if is_nationality(ctx, entry.index as usize) => {
                    let after_article = first > 0
                        && matches!(ctx.fold(first - 1), "le" | "l'" | "la" | "du" | "au");
                    if after_article
                        && !ctx.toks.tokens[first].has(flags::UPPER)
                        && end < n
                        && is_name_word(ctx, end)
                    {
                        let stop = org_name_run(ctx, end);
                        if stop > end {
                            out.push(Candidate::new(
                                Label::Org,
                                end,
                                stop,
                                PRIO_CONTEXT,
                                "rule:nationality",
                            ));
                        }
                    }
                }
                // `la directrice financière Durand`: a head noun ending a
                // listed role is that role's word, not a company's.
                EntryKind::OrgHead if ends_role(ctx, first, end) => {}
                EntryKind::OrgHead => {
                    let upper = ctx.toks.tokens[first].has(flags::UPPER);
                    // `Banque Delorme`, `Office national des eaux thermales`,
                    // `tribunal de commerce de Tanger`: head and complement.
                    if upper || named_by_complement(ctx, entry.index as usize) {
                        if let Some(stop) = institution_tail(ctx, end, upper) {
                            let start = if upper {
                                names_before_head(ctx, first)
                            } else {
                                first
                            };
                            out.push(Candidate::new(
                                Label::Org,
                                start,
                                stop,
                                PRIO_INSTITUTION,
                                "rule:institution",
                            ));
                        }
                    }
                    // `la start-up Alvéole`: the name after the head.
                    let apposed_only = is_apposed_only(ctx, entry.index as usize);
                    if !upper || ctx.toks.is_sentence_initial(first) {
                        if let Some((s, e)) =
                            name_after_head(ctx, first, end).filter(|_| !apposed_only)
                        {
                            out.push(Candidate::new(
                                Label::Org,
                                s,
                                e,
                                PRIO_CONTEXT,
                                "rule:head-noun",
                            ));
                        }
                        if !apposed_only {
                            list_after_head(ctx, end, out);
                        }
                        if let Some((s, e)) = name_before_apposed_head(ctx, first) {
                            out.push(Candidate::new(
                                Label::Org,
                                s,
                                e,
                                PRIO_CONTEXT,
                                "rule:apposed-head",
                            ));
                        }
                    }
                }
                EntryKind::OrgContext => org_in_context(ctx, entry.index as usize, first, end, out),
                EntryKind::Role if end + 1 < n && matches!(ctx.fold(end), "de" | "d'" | "du") => {
                    let stop = org_name_run(ctx, end + 1);
                    if stop > end + 1 {
                        out.push(Candidate::new(
                            Label::Org,
                            end + 1,
                            stop,
                            PRIO_CONTEXT,
                            "rule:role-of",
                        ));
                    }
                }
                _ => {}
            }
        }
        let tok = ctx.toks.tokens[i];
        let fold = ctx.fold(i);
        if fold == "chez" {
            let stop = org_name_run(ctx, i + 1);
            if stop > i + 1 {
                out.push(Candidate::new(
                    Label::Org,
                    i + 1,
                    stop,
                    PRIO_CONTEXT,
                    "rule:chez",
                ));
            }
        }
        // The length first: most tokens are not sliced from the text.
        if tok.end - tok.start == 1 && ctx.word(i) == "(" {
            acronym_definition(ctx, i, out);
        }
        // `l'US Penthièvre`, `l'Aviron Landais`: a name of several capitalised
        // words after an elided article, not a person's.
        if fold == "l'"
            && i + 1 < n
            && !ctx.is(i + 1, EntryKind::FirstName)
            && !ctx.is(i + 1, EntryKind::Place)
        {
            let stop = name_run(ctx, i + 1, 5);
            if stop >= i + 3 {
                out.push(Candidate::new(
                    Label::Org,
                    i + 1,
                    stop,
                    PRIO_ELIDED_RUN,
                    "rule:elided-name",
                ));
            }
        }
        if tok.kind == TokenKind::Word && tok.has(flags::ALL_CAPS) && is_acronym(ctx, i) {
            out.push(Candidate::new(Label::Org, i, i + 1, PRIO_SHAPE, "rule:acronym").not_spread());
        } else if tok.kind == TokenKind::Word
            // Camel case starts with a capital and has another after it:
            // most words are skipped here, on their flags.
            && tok.has(flags::UPPER)
            && tok.has(flags::INNER_UPPER)
            && is_camel_case(ctx.word(i))
            && !ctx.is(i, EntryKind::Product)
        {
            out.push(
                Candidate::new(Label::Org, i, i + 1, PRIO_SHAPE, "rule:camel-case").not_spread(),
            );
        }
    }
}

/// `rule:org-object` and `rule:org-subject`: an unknown name next to a
/// context of `org_contexts.tsv` (tokens `first..end`): after a verb whose
/// object is an organisation or after words such as `auprès de` (`a racheté
/// Kalvia`), or before a verb whose subject is one (`Kalvia a levé`).
fn org_in_context(ctx: &Ctx, index: usize, first: usize, end: usize, out: &mut Vec<Candidate>) {
    use crate::lexicon::OrgContextKind as K;
    // `La SPL a racheté`: a generic acronym of `org_acronym_stoplist.txt`
    // alone names no organisation, whatever its context.
    let unknown = |s: usize, e: usize| {
        e > s
            && !(s..e).any(|k| ctx.is(k, EntryKind::Person) || ctx.is(k, EntryKind::Product))
            && !(e == s + 1 && ctx.hits.is_marked(s, crate::gazetteer::marks::ACRONYM_STOP))
    };
    match ctx.res.lexicons.org_contexts[index].1 {
        K::Object | K::Before => {
            let stop = org_name_run(ctx, end);
            if unknown(end, stop) {
                out.push(Candidate::new(
                    Label::Org,
                    end,
                    stop,
                    PRIO_OBJECT,
                    "rule:org-object",
                ));
            }
        }
        K::Subject => {
            // `Kalvia vient de lever`: up to three auxiliary words between.
            let mut k = first;
            while k > 0
                && first - k < 3
                && ctx.same_sentence(k - 1, first)
                && ctx
                    .hits
                    .is_marked(k - 1, crate::gazetteer::marks::ORG_SUBJECT_AUXILIARY)
            {
                k -= 1;
            }
            // `Nuvelia, qui conçoit des puces, a récolté`: past a relative
            // clause set off by commas (a `relative` cue of event_cues.tsv:
            // `qui`, `que`, `dont`), as the event engine's subject search.
            if k > 0 && ctx.is_comma(k - 1) {
                if let Some(q) = (k.saturating_sub(20)..k - 1)
                    .rev()
                    .take_while(|&q| ctx.same_sentence(q, k))
                    .find(|&q| q > 0 && ctx.is_comma(q - 1) && ctx.is_cue(Cue::Relative, q))
                {
                    k = q - 1;
                }
            }
            let start = name_start_before(ctx, k);
            if start < k
                && org_name_run(ctx, start) == k
                && !ctx.is(start, EntryKind::Place)
                && unknown(start, k)
            {
                out.push(Candidate::new(
                    Label::Org,
                    start,
                    k,
                    PRIO_SUBJECT,
                    "rule:org-subject",
                ));
            }
        }
        K::Auxiliary => {}
    }
}

/// A run of name words for an organisation, not starting with a first name
/// (that would be a person: `chez Luc Marin`), nor with a domain word
/// (`ministre de l'Économie`).
fn org_name_run(ctx: &Ctx, j: usize) -> usize {
    if j >= ctx.len() || ctx.is(j, EntryKind::RoleModifier) {
        return j;
    }
    name_words_run(ctx, j)
}

/// [`org_name_run`] without its domain-word check: right after a head noun
/// a capitalised domain word begins the name (`le groupe Presse Alpine
/// Réunie`).
fn name_words_run(ctx: &Ctx, j: usize) -> usize {
    if j >= ctx.len() {
        return j;
    }
    let mut stop = name_run(ctx, j, 5);
    // `Kessel & Weber`, `Reverdin & Cie`.
    if stop > j && stop + 1 < ctx.len() && ctx.word(stop) == "&" && is_name_word(ctx, stop + 1) {
        stop = name_run(ctx, stop + 1, 3);
    }
    // A place alone is no organisation (`la banque Paris`), but a place
    // followed by a word that is no place names one: `Orsay Gestion`,
    // `Mont-de-Marsan Agglomération`.
    if ctx.is(j, EntryKind::Place)
        && !(j + 1..stop).any(|k| is_name_word(ctx, k) && !ctx.is(k, EntryKind::Place))
    {
        return j;
    }
    stop
}

/// Where a longer name holding the name at `first` starts: `Pétroles du`
/// before `Ponant`. A capitalised word and a particle must come before it;
/// a role, a title or a function word is no name (`Président de Renault`,
/// `M. de Kermadec`).
fn longer_name_start(ctx: &Ctx, first: usize) -> usize {
    if first < 2 || !is_particle(ctx, first - 1) || !ctx.same_sentence(first - 2, first) {
        return first;
    }
    let head = first - 2;
    let plain_word = is_name_word(ctx, head)
        && !ctx.is(head, EntryKind::Role)
        && !ctx.is(head, EntryKind::Title)
        && !ctx.is(head, EntryKind::OrgHead)
        && !ctx.is(head, EntryKind::Place)
        && !ctx.is(head, EntryKind::FirstName)
        && !ctx.is_stopword(head)
        // `Ancien de BNP Paribas Cardif, M. Kessler…`.
        && !ctx.hits.is_marked(head, crate::gazetteer::marks::ROLE_CHAIN);
    if plain_word {
        name_start_before(ctx, first - 1)
    } else {
        first
    }
}

/// Where the name of a subsidiary ends when a known organisation ending at
/// token `end` is followed by one or two capitalised words (`Orange
/// Tunisie`, `Xinghe Auto France`): not a person's name (`le PDG de Renault
/// Luca de Meo`), a title, a role, a known organisation or a date, and
/// not across a line break or glued to it; `end` when there is none.
fn subsidiary_end(ctx: &Ctx, end: usize) -> usize {
    let fits = |k: usize| {
        k < ctx.len()
            && ctx.same_sentence(end - 1, k)
            && !ctx.toks.tokens[k].has(flags::NEWLINE_BEFORE)
            // `OpenAIDémonstration`: a glued word is split, not a name.
            && ctx.toks.tokens[k].start > ctx.toks.tokens[k - 1].end
            && is_name_word(ctx, k)
            && ![
                EntryKind::FirstName,
                EntryKind::Person,
                EntryKind::Title,
                EntryKind::Role,
                EntryKind::Org,
                EntryKind::DateWord,
            ]
            .iter()
            .any(|&kind| ctx.is(k, kind))
    };
    let mut stop = end;
    while stop < end + 2 && fits(stop) {
        stop += 1;
    }
    stop
}

/// Start of the capitalised words that end right before token `i`, with
/// the particles between them (`Forces Motrices du Léman` before `SA`).
fn name_start_before(ctx: &Ctx, i: usize) -> usize {
    let mut k = i;
    while k > 0 && i - k < 6 && ctx.same_sentence(k - 1, i) {
        let prev = k - 1;
        // Not past a role's region (`directeur Europe de Hanamura
        // Holdings`): a role modifier right after a role is the role's.
        let roles_modifier = |w: usize| {
            w > 0 && ctx.is(w, EntryKind::RoleModifier) && ctx.is(w - 1, EntryKind::Role)
        };
        let joining = matches!(ctx.word(prev), "&" | "-")
            || (is_particle(ctx, prev)
                && prev > 0
                && is_name_word(ctx, prev - 1)
                && !roles_modifier(prev - 1));
        if is_name_word(ctx, prev) || (joining && k < i) {
            k -= 1;
        } else {
            break;
        }
    }
    // Never start on a joining sign.
    while k < i && !is_name_word(ctx, k) {
        k += 1;
    }
    k
}

/// After a head noun: skip lowercase modifiers (`d'IA rivale`, `américain`,
/// `française de vidéo à la demande`) and take the name that follows.
fn name_after_head(ctx: &Ctx, head: usize, mut j: usize) -> Option<(usize, usize)> {
    let (head_end, limit) = (j, (j + 8).min(ctx.len()));
    while j < limit {
        let t = ctx.toks.tokens[j];
        if is_name_word(ctx, j) {
            // A domain word right after the head begins a name of several
            // words (`le groupe Presse Alpine Réunie`); past modifiers it is
            // the domain (`la société d'IA rivale Anthropic`).
            let stop = match name_words_run(ctx, j) {
                stop if j == head_end && stop > j + 1 => stop,
                _ => org_name_run(ctx, j),
            };
            return (stop > j).then_some((j, stop));
        }
        // `Sa filiale horlogère, Orsini Genève, a perdu…`: the name set
        // off by commas after the head and its modifiers; the closing
        // comma tells the apposition from a clause (`la société, Renault
        // en tête, …` has none right after the name).
        if ctx.is_comma(j) && !complements_a_noun(ctx, head) && plain_modifiers(ctx, head_end, j) {
            let name = j + 1;
            if name < ctx.len() && is_name_word(ctx, name) {
                let stop = org_name_run(ctx, name);
                if stop > name && stop < ctx.len() && ctx.is_comma(stop) {
                    return Some((name, stop));
                }
            }
            return None;
        }
        let modifier = (t.kind == TokenKind::Word
            && !t.has(flags::UPPER)
            && (!ctx.is_stopword(j) || MODIFIER_LINKS.contains(&ctx.fold(j))))
            || t.kind == TokenKind::Elision
            || ctx.hits.is_marked(j, crate::gazetteer::marks::ACRONYM_STOP);
        if !modifier || ctx.is(j, EntryKind::Role) || ctx.toks.tokens[j].has(flags::NEWLINE_BEFORE)
        {
            return None;
        }
        j += 1;
    }
    None
}

/// Whether the head noun at token `head` is the complement of another
/// noun (`l'ancien leader du groupe`, `l'entraîneur de l'équipe`): a name
/// set off by commas after it is in apposition to that noun, most often a
/// person's, not to the head.
fn complements_a_noun(ctx: &Ctx, head: usize) -> bool {
    let of = |k: usize| matches!(ctx.fold(k), "de" | "d'" | "du" | "des");
    (head >= 1 && of(head - 1))
        || (head >= 2 && of(head - 2) && ctx.is_cue(Cue::Determiner, head - 1))
}

/// Whether tokens `from..to` are only what describes a company noun
/// (`horlogère`, `de crédit à la consommation`): adjectives and their
/// prepositions, with no determiner opening another noun phrase (`Le
/// groupe comprenait un de ses camarades d'école, Boz Scaggs`) and no
/// other company noun (`le leader du groupe, Syd Barrett`).
fn plain_modifiers(ctx: &Ctx, from: usize, to: usize) -> bool {
    // `à` as written: folded, it would be the verb `a`.
    let preposition = |k: usize| {
        matches!(
            ctx.fold(k),
            "de" | "d'" | "du" | "des" | "au" | "aux" | "en"
        ) || ctx.word(k) == "à"
    };
    (from..to).all(|k| {
        let adjective = ctx.is_lowercase_content_word(k)
            && !ctx.is(k, EntryKind::Role)
            && !ctx.is(k, EntryKind::OrgHead);
        adjective
            || preposition(k)
            || (matches!(ctx.fold(k), "la" | "l'") && k > from && preposition(k - 1))
    })
}

/// Before a head noun in apposition: the name that the apposition is about
/// (`Kalterm, un petit fabricant allemand`, `Sellerie Bodin, un
/// sous-traitant de Cholet`). The head comes after an article, itself
/// right after a comma, with at most two lowercase adjectives between
/// (`une jeune`, `un petit`). The name is refused where a person's would
/// be: after a title (`M. Bodin, un ancien fabricant`) or on a first name.
fn name_before_apposed_head(ctx: &Ctx, head: usize) -> Option<(usize, usize)> {
    let mut k = head;
    while k > 0
        && head - k < 2
        && ctx.is_lowercase_content_word(k - 1)
        && !ctx.is(k - 1, EntryKind::Role)
    {
        k -= 1;
    }
    // `Kalterm, un petit fabricant`, and without an article, as news
    // writing has it: `Voltéo, start-up fondée en 2021`.
    let comma = if k >= 3 && matches!(ctx.fold(k - 1), "un" | "une" | "le" | "la" | "l'") {
        k - 2
    } else if k >= 2 && ctx.is_comma(k - 1) {
        k - 1
    } else {
        return None;
    };
    if !matches!(ctx.word(comma), "," | ":") || !ctx.same_sentence(comma, head) {
        return None;
    }
    let start = name_start_before(ctx, comma);
    if start == comma || org_name_run(ctx, start) != comma {
        return None;
    }
    // `revient à Stratosyn : le fabricant toulousain`; but a headline's
    // rubric is no name (`Joaillerie : la maison X`).
    if ctx.word(comma) == ":" && ctx.toks.is_sentence_initial(start) {
        return None;
    }
    if ctx.is(start, EntryKind::FirstName) || (start > 0 && ctx.is(start - 1, EntryKind::Title)) {
        return None;
    }
    Some((start, comma))
}

/// Function words that may stand inside the modifiers of a head noun.
const MODIFIER_LINKS: &[&str] = &["de", "d'", "du", "des", "la", "l'", "a", "en", "et"];

/// Whether org head `index` is a nationality (`américain`): see its use.
fn is_nationality(ctx: &Ctx, index: usize) -> bool {
    ctx.res.lexicons.org_heads[index].1 == "nationality"
}

/// Whether org head `index` names a company only in apposition after its
/// name (kind `apposed`: `Hydrelis, le producteur d'hydrogène`, but `le
/// producteur Don Hahn` is a person).
fn is_apposed_only(ctx: &Ctx, index: usize) -> bool {
    ctx.res.lexicons.org_heads[index].1 == "apposed"
}

/// Whether a role of `roles.tsv` starting before token `first` covers the
/// tokens `first..end` (`financière` in `directrice financière`).
fn ends_role(ctx: &Ctx, first: usize, end: usize) -> bool {
    (first.saturating_sub(6)..first).any(|k| {
        ctx.hits_at(k, EntryKind::Role)
            .any(|h| h.end as usize >= end)
    })
}

/// `Bourgogne Franche-Comté`, `du Sud`, `Méditerranée` at token `j`: the
/// capitalised words (after `du`/`de`/`des`) that make a cooperative bank's
/// regional bank; not a person's first name (`selon la Banque populaire,
/// Marc Olivo…` has a comma anyway).
fn region_after(ctx: &Ctx, j: usize) -> Option<usize> {
    let n = ctx.len();
    let start = match (j < n).then(|| ctx.fold(j)) {
        Some("du" | "de" | "des") => j + 1,
        Some(_) => j,
        None => return None,
    };
    let name = start < n
        && ctx.same_sentence(j, start)
        && !ctx.toks.tokens[start].has(flags::NEWLINE_BEFORE)
        && is_name_word(ctx, start)
        && !ctx.is(start, EntryKind::FirstName);
    name.then(|| name_run(ctx, start, 3))
}

/// Whether org head `index` is written lowercase in French, yet names an
/// institution with its complement: a court (`tribunal de commerce de
/// Tanger`, `conseil de prud'hommes`), a university (`université de
/// Rennes`), a public body whose head has several words (`communauté
/// d'agglomération du Boulonnais`, `chambre régionale des comptes
/// Hauts-de-France`). A one-word public head (`l'agence de Lyon`) is too
/// common a noun for that.
fn named_by_complement(ctx: &Ctx, index: usize) -> bool {
    let (form, kind) = &ctx.res.lexicons.org_heads[index];
    matches!(kind.as_str(), "court" | "university") || (kind == "public" && form.contains(' '))
}

/// Where a name whose capitalised head is at token `head` starts: one or
/// two name words may come before the head, right after an article or a
/// preposition (`le Racing Club Drômois`, `du Paris Football Club`).
fn names_before_head(ctx: &Ctx, head: usize) -> usize {
    let mut start = head;
    while start > 0
        && head - start < 2
        && ctx.same_sentence(start - 1, head)
        && is_name_word(ctx, start - 1)
        && !ctx.is(start - 1, EntryKind::OrgHead)
    {
        start -= 1;
    }
    let opened = start > 0
        && ctx.same_sentence(start - 1, head)
        && (ctx.is_cue(Cue::Determiner, start - 1) || ctx.is_cue(Cue::Preposition, start - 1));
    if start < head && opened {
        start
    } else {
        head
    }
}

/// The complement of an institution head: `Delorme` (Banque Delorme),
/// `national des eaux thermales` (Office …), `de commerce de Tanger`
/// (tribunal …). A lowercase head must end on a capitalised word.
fn institution_tail(ctx: &Ctx, j: usize, capitalised_head: bool) -> Option<usize> {
    let n = ctx.len();
    if j >= n || ctx.toks.tokens[j].has(flags::NEWLINE_BEFORE) {
        return None;
    }
    // `Banque Delorme`, `Studio Bellerive`; a place only with more words
    // after it (`Mutuelle Sarthe Horizon`, not `Groupe Paris`), or after a
    // club's initials (`RC Vannes`).
    if capitalised_head && is_name_word(ctx, j) {
        let stop = name_run(ctx, j, 4);
        let initials = j > 0 && ctx.toks.tokens[j - 1].has(flags::ALL_CAPS);
        if !ctx.is(j, EntryKind::Place) || stop > j + 1 || initials {
            return Some(stop);
        }
    }
    // `université Grenoble Alpes`, `chambre régionale des comptes
    // Hauts-de-France`: a lowercase head right before a place.
    if !capitalised_head && ctx.is(j, EntryKind::Place) && is_name_word(ctx, j) {
        return Some(name_run(ctx, j, 3));
    }
    let mut k = j;
    let mut end = None;
    // Up to two adjectives: `national`, `administratif`; not a verb the
    // name is the subject of, as far as the rules know it (an event
    // trigger or a cue: `Ponant Médias consacrera`, `Sud Médias aurait`).
    let lower_word = |k: usize| {
        k < n
            && ctx.kind(k) == TokenKind::Word
            && !ctx.toks.tokens[k].has(flags::UPPER)
            && !ctx.is_stopword(k)
            && !ctx.is(k, EntryKind::Role)
            && !ctx.hits.is_marked(
                k,
                crate::gazetteer::marks::TRIGGER_WORD | crate::gazetteer::marks::CUE_WORD,
            )
    };
    while k < j + 2 && lower_word(k) {
        k += 1;
        end = Some(k);
    }
    // Up to three complements: `de commerce`, `des eaux thermales`, `de Tanger`.
    for _ in 0..3 {
        let mut p = k;
        match (p < n).then(|| ctx.fold(p)) {
            Some("du" | "des" | "d'") => p += 1,
            Some("de") => {
                p += 1;
                if p < n && matches!(ctx.fold(p), "la" | "l'") {
                    p += 1;
                }
            }
            _ => break,
        }
        let start = p;
        // `du Héron avaient été`: lowercase words after a name are the
        // clause's, not the name's.
        let mut named = false;
        while p < n
            && p < start + 3
            && ((lower_word(p) && !named) || is_name_word(ctx, p))
            && !ctx.toks.tokens[p].has(flags::NEWLINE_BEFORE)
        {
            named |= is_name_word(ctx, p);
            p += 1;
        }
        if p == start {
            break;
        }
        k = p;
        end = Some(p);
    }
    let end = end?;
    let last_capitalised = ctx.toks.tokens[end - 1].has(flags::UPPER);
    (capitalised_head || last_capitalised).then_some(end)
}

/// `des entreprises telles que Meta, Uber et Airtable`.
fn list_after_head(ctx: &Ctx, end: usize, out: &mut Vec<Candidate>) {
    let mut j = end;
    // `telles que`, `comme`, `dont`, `:`
    let intro = match ctx.fold(j.min(ctx.len() - 1)) {
        "tels" | "telles" | "tel" | "telle" if j + 1 < ctx.len() && ctx.fold(j + 1) == "que" => 2,
        "comme" | "dont" | ":" => 1,
        _ => return,
    };
    j += intro;
    loop {
        let stop = org_name_run(ctx, j);
        if stop == j {
            return;
        }
        out.push(Candidate::new(
            Label::Org,
            j,
            stop,
            PRIO_CONTEXT,
            "rule:list-after-head",
        ));
        if stop < ctx.len() && matches!(ctx.fold(stop), "," | "et" | "ou") {
            j = stop + 1;
        } else {
            return;
        }
    }
}

/// `Commission de régulation de l'énergie (CRE)`: the words before the
/// parenthesis whose initials spell the acronym.
fn acronym_definition(ctx: &Ctx, open: usize, out: &mut Vec<Candidate>) {
    if open + 2 >= ctx.len() || ctx.word(open + 2) != ")" {
        return;
    }
    let inside = ctx.toks.tokens[open + 1];
    let acronym: Vec<char> = ctx
        .fold(open + 1)
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    // `(CRE)`, and an acronym written as a word (`(Epasa)`): the letters
    // must still match the words before, so three at least.
    let shaped = inside.has(flags::ALL_CAPS) || (inside.is_capitalized() && acronym.len() >= 3);
    if !shaped || acronym.len() < 2 || acronym.len() > 8 {
        return;
    }
    let mut want = acronym.len();
    let mut k = open;
    let mut start = None;
    while k > 0 && open - k < 16 {
        k -= 1;
        if !ctx.same_sentence(k, open) {
            return;
        }
        let kind = ctx.kind(k);
        // Function words give no letter; a place's first word does even when
        // it folds to one (`Côte d'Opale`, `côté`).
        if kind == TokenKind::Elision
            || (kind == TokenKind::Word && ctx.is_stopword(k) && !ctx.is(k, EntryKind::Place))
        {
            continue;
        }
        if kind != TokenKind::Word {
            return;
        }
        // A hyphenated word may give one letter per capitalised part
        // (`Saint-Vallier` in `RCSV`) or one in all (`Île-de-France`).
        let parts: Vec<char> = ctx
            .word(k)
            .split('-')
            .filter(|p| p.starts_with(char::is_uppercase))
            .filter_map(|p| crate::normalize::fold(p).chars().next())
            .collect();
        // An all-caps word may give all its letters (`AS` in `ASRV`).
        let caps: Vec<char> = if ctx.toks.tokens[k].has(flags::ALL_CAPS) {
            ctx.fold(k).chars().filter(|c| c.is_alphabetic()).collect()
        } else {
            Vec::new()
        };
        if caps.len() > 1 && caps.len() <= want && acronym[want - caps.len()..want] == caps[..] {
            want -= caps.len();
        } else if parts.len() > 1
            && parts.len() <= want
            && acronym[want - parts.len()..want] == parts[..]
        {
            want -= parts.len();
        } else if ctx.fold(k).starts_with(acronym[want - 1]) {
            want -= 1;
        } else {
            return;
        }
        if want == 0 {
            start = Some(k);
            break;
        }
    }
    let Some(start) = start else { return };
    if !ctx.toks.tokens[start].has(flags::UPPER) {
        return;
    }
    let phrase = span_text(ctx, start, open).to_string();
    out.push(
        Candidate::new(
            Label::Org,
            start,
            open,
            PRIO_DEFINITION,
            "rule:acronym-definition",
        )
        .with_canonical(phrase.clone()),
    );
    out.push(
        Candidate::new(
            Label::Org,
            open + 1,
            open + 2,
            PRIO_DEFINITION,
            "rule:acronym-definition",
        )
        .with_canonical(phrase),
    );
}

/// An all-caps word that names an organisation: not a listed common
/// acronym, not a role or currency code, not inside an all-caps headline.
fn is_acronym(ctx: &Ctx, i: usize) -> bool {
    let word = ctx.word(i);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if !(2..=6).contains(&letters) || word.chars().count() > 8 {
        return false;
    }
    if ctx.hits.is_marked(i, crate::gazetteer::marks::ACRONYM_STOP)
        || ctx.is(i, EntryKind::Role)
        || ctx.is(i, EntryKind::Currency)
        || ctx.is(i, EntryKind::Title)
        || ctx.is(i, EntryKind::Product)
        || ctx.is(i, EntryKind::Place)
    {
        return false;
    }
    !in_caps_headline(ctx, i)
}

/// Whether a neighbouring word of the same sentence is also in capitals.
fn in_caps_headline(ctx: &Ctx, i: usize) -> bool {
    let caps_word = |k: usize| {
        ctx.same_sentence(i, k)
            && ctx.kind(k) == TokenKind::Word
            && ctx.toks.tokens[k].has(flags::ALL_CAPS)
            && ctx.word(k).chars().count() >= 3
    };
    (i > 0 && caps_word(i - 1)) || (i + 1 < ctx.len() && caps_word(i + 1))
}

/// `DailyAI`, `TechCrunch`: a capital after a lowercase letter inside the word.
fn is_camel_case(word: &str) -> bool {
    let mut prev_lower = false;
    let mut first = true;
    for c in word.chars() {
        if !first && prev_lower && c.is_uppercase() {
            return word.starts_with(char::is_uppercase);
        }
        if !c.is_alphabetic() {
            return false;
        }
        prev_lower = c.is_lowercase();
        first = false;
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn camel_case_shape() {
        assert!(super::is_camel_case("DailyAI"));
        assert!(super::is_camel_case("TechCrunch"));
        assert!(!super::is_camel_case("iPhone"));
        assert!(!super::is_camel_case("Paris"));
        assert!(!super::is_camel_case("SNCF"));
    }
}
