//! PERSON: known persons, and unknown ones found by rule.
//!
//! * `gazetteer:persons` — a name of `persons.tsv`, with its capitals;
//! * `rule:first-name` — a first name of `first_names.txt` (or a hyphenated
//!   compound of them: `Claire-Anne`) followed by
//!   capitalised surname words (`Luc Marin`, `Jean DUPONT`, `Charles de Courson`),
//!   after a space: `AlphaValue`, split at its inner capital, is no person;
//! * `rule:title` — a title of `titles.tsv` before capitalised words
//!   (`M. Schulman` → `Schulman`: the title stays out of the span);
//! * `rule:role-before-name` — a role before a name (`le PDG Luc Marin`);
//! * `rule:role-then-apposed-name` — a role opening its clause, its
//!   complement, then a name between commas (`Le capitaine du club, Sione
//!   Taufa, quittera…`);
//! * `rule:apposition` — a name before `, role` (`Luc Marin, directeur financier`),
//!   not after an article (`à l'AS Roche-Vernay, l'entraîneur…` names a club);
//! * `rule:speech-verb` — a name after a speech verb (`a déclaré Luc Marin`, `selon Luc Marin`);
//! * `rule:initial` — an initial and a surname (`J. Dupont`).
//!
//! Names made of one unknown word are only taken where the context is
//! strong (a title); elsewhere a run needs two words. Coreference later
//! finds the other mentions of every name (see [`crate::resolve`]).

use super::names::{is_name_word, is_role_premodifier, is_surname_word, name_run, surname_run};
use super::{Candidate, Ctx};
use crate::document::Label;
use crate::events::Cue;
use crate::gazetteer::EntryKind;
use crate::tokenize::{flags, TokenKind};

const PRIO_LEXICON: u8 = 80;
const PRIO_TITLE: u8 = 74;
const PRIO_FIRST_NAME: u8 = 70;
const PRIO_CONTEXT: u8 = 64;

/// Proposes PERSON candidates.
pub(crate) fn find(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.len();
    for i in 0..n {
        // Most tokens start no hit: one bit test, no slice of the hits.
        let hits = if ctx.hits.starts_any(i) {
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
                EntryKind::Person => {
                    let canonical = &ctx.res.lexicons.persons[entry.index as usize].canonical;
                    out.push(
                        Candidate::new(
                            Label::Person,
                            first,
                            end,
                            PRIO_LEXICON,
                            "gazetteer:persons",
                        )
                        .with_canonical(canonical.clone()),
                    );
                }
                EntryKind::FirstName if !ctx.is_stopword(first) => {
                    // `AlphaValue` is one word the tokenizer splits at its
                    // inner capital, a company, not `Alpha` + a surname (a
                    // hyphen stays: `Marie-Zoé Dupont`).
                    let glued = end < n
                        && ctx.kind(end) == TokenKind::Word
                        && !ctx.toks.tokens[end].has(flags::SPACE_BEFORE | flags::NEWLINE_BEFORE);
                    if glued {
                        continue;
                    }
                    if let Some(stop) = surname_end(ctx, end) {
                        out.push(Candidate::new(
                            Label::Person,
                            first,
                            stop,
                            PRIO_FIRST_NAME,
                            "rule:first-name",
                        ));
                    }
                }
                EntryKind::Title => {
                    let stop = surname_run(ctx, end, 4);
                    if stop > end {
                        out.push(Candidate::new(
                            Label::Person,
                            end,
                            stop,
                            PRIO_TITLE,
                            "rule:title",
                        ));
                    }
                }
                EntryKind::Role | EntryKind::Speech => {
                    if entry.kind == EntryKind::Role {
                        if let Some((start, stop)) = apposed_after_role(ctx, first, end) {
                            out.push(Candidate::new(
                                Label::Person,
                                start,
                                stop,
                                PRIO_CONTEXT,
                                "rule:role-then-apposed-name",
                            ));
                        }
                    }
                    let stop = name_run(ctx, end, 4);
                    if stop >= end + 2 || (stop == end + 1 && starts_with_initial(ctx, end)) {
                        let source = if entry.kind == EntryKind::Role {
                            "rule:role-before-name"
                        } else {
                            "rule:speech-verb"
                        };
                        out.push(Candidate::new(
                            Label::Person,
                            end,
                            stop,
                            PRIO_CONTEXT,
                            source,
                        ));
                    }
                }
                _ => {}
            }
        }
        // `Claire-Anne Mignot`: a compound of listed first names is one.
        if is_compound_first_name(ctx, i) {
            if let Some(stop) = surname_end(ctx, i + 1) {
                out.push(Candidate::new(
                    Label::Person,
                    i,
                    stop,
                    PRIO_FIRST_NAME,
                    "rule:first-name",
                ));
            }
        }
        // `J. Dupont`
        if ctx.toks.tokens[i].has(flags::INITIAL) {
            let stop = name_run(ctx, i + 1, 3);
            if stop > i + 1 && (i == 0 || !ctx.toks.tokens[i - 1].has(flags::INITIAL)) {
                out.push(Candidate::new(
                    Label::Person,
                    i,
                    stop,
                    PRIO_FIRST_NAME,
                    "rule:initial",
                ));
            }
        }
        // `Luc Marin, directeur financier` / `Luc Marin, l'un des cofondateurs`;
        // a person's name takes no article (`à l'AS Roche-Vernay,
        // l'entraîneur…` names a club).
        let after_article = || i > 0 && ctx.is_cue(Cue::Determiner, i - 1);
        if is_name_word(ctx, i) && (i == 0 || !is_name_word(ctx, i - 1)) && !after_article() {
            let stop = name_run(ctx, i, 4);
            if stop >= i + 2 && stop < n && ctx.is_comma(stop) && role_follows(ctx, stop + 1) {
                out.push(Candidate::new(
                    Label::Person,
                    i,
                    stop,
                    PRIO_CONTEXT,
                    "rule:apposition",
                ));
            }
        }
    }
}

/// After a first name: the end of the surname (more first names, then
/// capitalised or all-caps words and particles), if there is one.
fn surname_end(ctx: &Ctx, j: usize) -> Option<usize> {
    if j >= ctx.len()
        || !ctx.same_sentence(j - 1, j)
        || ctx.toks.tokens[j].has(flags::NEWLINE_BEFORE)
    {
        return None;
    }
    let stop = surname_run(ctx, j, 3);
    (stop > j && is_surname_word(ctx, stop - 1)).then_some(stop)
}

/// `Le PDG de Vernial, Sione Taufa, a parlé`, `Le capitaine du club,
/// Sione Taufa, quittera…`: after a role that opens its clause with a
/// determiner (token `first` to `end`), its complement (`de`/`du`/`des` and
/// at most five more tokens), a comma, then two to four name words closed
/// by another comma name a person the lexicons may not know. The span of
/// that name, if there is one.
fn apposed_after_role(ctx: &Ctx, first: usize, end: usize) -> Option<(usize, usize)> {
    let n = ctx.len();
    let opens = first >= 1
        && ctx.is_cue(Cue::Determiner, first - 1)
        && (first == 1 || !ctx.same_sentence(first - 2, first) || ctx.is_comma(first - 2));
    if !opens || end >= n || !matches!(ctx.fold(end), "de" | "du" | "des" | "d'") {
        return None;
    }
    let comma = (end + 1..(end + 7).min(n))
        .take_while(|&k| ctx.same_sentence(end, k))
        .find(|&k| ctx.is_comma(k))?;
    let stop = name_run(ctx, comma + 1, 4);
    (stop >= comma + 3 && stop < n && ctx.is_comma(stop)).then_some((comma + 1, stop))
}

/// Whether token `i` is a capitalised hyphenated word that no lexicon
/// lists as a first name but whose parts all are (`Claire-Anne`,
/// `Marie-Zoé`).
fn is_compound_first_name(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.toks.tokens[i];
    let folded = ctx.fold(i);
    t.kind == TokenKind::Word
        && t.has(flags::UPPER)
        && folded.contains('-')
        && !ctx.is(i, EntryKind::FirstName)
        && folded
            .split('-')
            .all(|part| ctx.res.first_names.contains(part))
}

fn starts_with_initial(ctx: &Ctx, i: usize) -> bool {
    i < ctx.len() && ctx.toks.tokens[i].has(flags::INITIAL)
}

/// Whether a role starts at token `i`, possibly after `l'un des`/`l'une des`
/// or a determiner (`Luc Marin, le directeur financier`).
fn role_follows(ctx: &Ctx, mut i: usize) -> bool {
    for _ in 0..4 {
        if i >= ctx.len() {
            return false;
        }
        if ctx.is(i, EntryKind::Role) {
            return true;
        }
        let skippable = matches!(
            ctx.fold(i),
            "l'" | "un" | "une" | "des" | "le" | "la" | "son" | "sa" | "notre" | "leur" | "autre"
        ) || is_role_premodifier(ctx, i)
            || ctx.kind(i) == TokenKind::Elision;
        if !skippable {
            return false;
        }
        i += 1;
    }
    false
}
