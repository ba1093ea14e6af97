//! Runs of capitalised words that can form a proper name, shared by the
//! person and organisation recognisers.

use super::Ctx;
use crate::gazetteer::EntryKind;
use crate::tokenize::{flags, TokenKind};

/// Whether token `i` can be a word of a proper name: a capitalised word that
/// is not a function word, a role word or a date word.
pub fn is_name_word(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.toks.tokens[i];
    t.kind == TokenKind::Word
        && t.has(flags::UPPER)
        // A place's first word is a name even when its folded form is a
        // function word's: `Côte d'Opale` (`côté`).
        && (!ctx.is_stopword(i) || ctx.is(i, EntryKind::Place))
        && !ctx.is(i, EntryKind::Role)
        && !ctx.is(i, EntryKind::DateWord)
        && !ctx.is(i, EntryKind::Title)
}

/// Whether token `i` may be (part of) a surname after a first name or a
/// title: a name word, or a capitalised trade or title word that French
/// surnames are made of (`Didier Maréchal`, `Anne Berger`), which
/// [`is_name_word`] refuses because it is also a role or a title. An
/// all-caps role (`PDG`) and an abbreviation (`Dr.`) stay what they are.
pub fn is_surname_word(ctx: &Ctx, i: usize) -> bool {
    if is_name_word(ctx, i) {
        return true;
    }
    let t = &ctx.toks.tokens[i];
    t.kind == TokenKind::Word
        && t.has(flags::UPPER)
        && !t.has(flags::ALL_CAPS)
        && (ctx.is(i, EntryKind::Role) || ctx.is(i, EntryKind::Title))
        && !ctx.is_stopword(i)
        && !ctx.is(i, EntryKind::DateWord)
        && !ctx.word(i).ends_with('.')
}

/// Whether token `i` is an adjective that stands before a role and leaves
/// it the same role (`son ancienne directrice`, `le futur PDG`): a `before`
/// line of `role_modifiers.tsv`.
pub fn is_role_premodifier(ctx: &Ctx, i: usize) -> bool {
    ctx.hits
        .is_marked(i, crate::gazetteer::marks::ROLE_PREMODIFIER)
}

/// Whether token `i` is a name particle (`de`, `d'`, `van`, `ben`, `Le` in `Le Pen`).
pub fn is_particle(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.kind(i), TokenKind::Word | TokenKind::Elision)
        && ctx.hits.is_marked(i, crate::gazetteer::marks::PARTICLE)
}

/// The end of the run of name words starting at token `j` (at most `max`
/// words, particles inside the run allowed when a name word follows).
/// Returns `j` when token `j` is not a name word.
pub fn name_run(ctx: &Ctx, j: usize, max: usize) -> usize {
    name_run_from(ctx, j, max, false)
}

/// A surname after a first name or a title may start with its particles:
/// `Yann Le Bihan`, `M. de Kermadec`, `Thierry DE KERMADEC`.
pub fn surname_run(ctx: &Ctx, j: usize, max: usize) -> usize {
    name_run_from(ctx, j, max, true)
}

fn name_run_from(ctx: &Ctx, j: usize, max: usize, surname: bool) -> usize {
    let mut end = j;
    let mut words = 0;
    let mut k = j;
    let name_word = |k: usize| {
        if surname {
            is_surname_word(ctx, k)
        } else {
            is_name_word(ctx, k)
        }
    };
    while k < ctx.len() && words < max && ctx.same_sentence(j, k) {
        if name_word(k) && (k == j || !ctx.toks.tokens[k].has(flags::NEWLINE_BEFORE)) {
            words += 1;
            k += 1;
            end = k;
            continue;
        }
        // Particles: `Charles de Gaulle`, `Jean-Marie Le Pen`, `Ursula von der Leyen`.
        if (k > j || surname) && is_particle(ctx, k) {
            let mut p = k + 1;
            while p < ctx.len() && p < k + 3 && is_particle(ctx, p) {
                p += 1;
            }
            // Strict after a particle: `M. le Président` is no name.
            if p < ctx.len() && ctx.same_sentence(j, p) && is_name_word(ctx, p) {
                k = p;
                continue;
            }
        }
        break;
    }
    end
}

/// The text of tokens `first..end`.
pub fn span_text<'a>(ctx: &Ctx<'a>, first: usize, end: usize) -> &'a str {
    &ctx.text[ctx.toks.tokens[first].start as usize..ctx.toks.tokens[end - 1].end as usize]
}
