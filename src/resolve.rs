//! Resolution: from overlapping candidates to one entity per span, then
//! in-document coreference.
//!
//! 1. Products and places (`Claude Haiku`, `Paris`) block any PERSON or ORG
//!    candidate they cover.
//! 2. Overlaps are settled greedily: higher priority first, then the longer
//!    span, then the earlier one.
//! 3. Every name found is looked for elsewhere in the document: once `John
//!    Schulman` is found, a later capitalised `Schulman` is a PERSON even
//!    where its context alone would not say so (source `coreference`).
//! 4. Canonical forms: a surname or first name alone takes the fullest name
//!    of that person in the document (nearest before it, else after it); an
//!    acronym takes the name it was defined for; a short organisation name
//!    takes the longer name it begins (`Vexmoor` → `Vexmoor Industries`),
//!    else one it ends after a capitalised word (`Castaing` → `Groupe
//!    Castaing`). After a title, a word that is no
//!    first name and begins a full name is a family name written first
//!    (`M. Zhou` → `Zhou Minghao`).

use crate::document::Label;
use crate::gazetteer::EntryKind;
use crate::recognize::names::span_text;
use crate::recognize::{Candidate, Ctx};
use crate::tokenize::flags;
use rustc_hash::FxHashMap;

/// Chooses the entities among the candidates; returns them in text order.
pub(crate) fn resolve(ctx: &Ctx, mut cands: Vec<Candidate>) -> Vec<Candidate> {
    drop_blocked(ctx, &mut cands);
    drop_person_names_in_company_contexts(ctx, &mut cands);
    drop_names_inside_full_names(&mut cands);
    let mut taken = vec![false; ctx.len()];
    let mut chosen = select(cands, &mut taken);
    spread_names(ctx, &mut chosen, &mut taken);
    let mut chosen = sorted_by(chosen, |c| u128::from(c.first));
    canonicalize(ctx, &mut chosen);
    chosen
}

/// `v` stably sorted by `key` (see [`stable_order`]). Candidates are large
/// (values, canonical forms): sorting their indices and moving each
/// candidate once costs much less than the moves of sorting them in place.
fn sorted_by(v: Vec<Candidate>, key: impl Fn(&Candidate) -> u128) -> Vec<Candidate> {
    let order = stable_order(&v, key);
    let mut slots: Vec<Option<Candidate>> = v.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|k| slots[k as usize].take().expect("each index once"))
        .collect()
}

/// The indices of `v` in the order of a stable sort by `key`, which must
/// fit in 96 bits. Each key is shifted above its candidate's index, so
/// that the keys are unique and an unstable sort of plain integers gives
/// the stable order: a comparison closure reaching into two candidates
/// at every comparison cost more.
fn stable_order(v: &[Candidate], key: impl Fn(&Candidate) -> u128) -> Vec<u32> {
    let mut keyed: Vec<u128> = v
        .iter()
        .enumerate()
        .map(|(k, c)| key(c) << 32 | k as u128)
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|k| k as u32).collect()
}

/// Removes PERSON and ORG candidates inside a product or place name.
/// An organisation found only by its context (`org_contexts.tsv`: `X a
/// racheté`, `a rejoint X`) whose words all belong to a person's name
/// proposed elsewhere in the document is that person (`Marc Delaunay …
/// Delaunay a racheté Kalvia`), unless another rule names a firm so.
fn drop_person_names_in_company_contexts(ctx: &Ctx, cands: &mut Vec<Candidate>) {
    let by_context = |c: &Candidate| {
        c.label == Label::Org && matches!(c.source, "rule:org-object" | "rule:org-subject")
    };
    if !cands.iter().any(by_context) {
        return;
    }
    // The words of the candidates that pass `keep`, in a set sized for
    // them all (collecting from `flat_map` would grow it a step at a time).
    let words_of = |keep: &dyn Fn(&Candidate) -> bool| {
        let kept = || cands.iter().filter(|c| keep(c));
        let n = kept().map(|c| c.len()).sum();
        let mut words = rustc_hash::FxHashSet::with_capacity_and_hasher(n, Default::default());
        words.extend(kept().flat_map(|c| (c.first..c.end).map(|k| ctx.fold(k as usize))));
        words
    };
    let person_words = words_of(&|c| c.label == Label::Person && c.end - c.first >= 2);
    let all_in = |c: &Candidate, words: &rustc_hash::FxHashSet<&str>| {
        (c.first..c.end).all(|k| words.contains(ctx.fold(k as usize)))
    };
    let is_person = |c: &Candidate| by_context(c) && all_in(c, &person_words);
    // Most documents have no such organisation: the firms' words are
    // gathered only for one.
    if !cands.iter().any(is_person) {
        return;
    }
    // A family firm named by another rule (`le joaillier Daubrée`, `Maison
    // Castaigne`) stays a firm where its context says so.
    let firm_words = words_of(&|c| c.label == Label::Org && !by_context(c));
    cands.retain(|c| !is_person(c) || all_in(c, &firm_words));
}

fn drop_blocked(ctx: &Ctx, cands: &mut Vec<Candidate>) {
    let mut blocks: Vec<(u32, u32)> = Vec::new();
    for h in ctx.hits.all() {
        let kind = ctx.res.gazetteer.entry(h).kind;
        if matches!(kind, EntryKind::Product | EntryKind::Place)
            && ctx.res.gazetteer.case_ok(h, ctx.toks)
        {
            blocks.push((h.first, h.end));
        }
    }
    if blocks.is_empty() {
        return;
    }
    // Blocks sorted by first token, with the furthest end of those up to
    // each: looking at every block for every candidate was quadratic.
    blocks.sort_unstable();
    let furthest_end: Vec<u32> = blocks
        .iter()
        .scan(0, |furthest, &(_, e)| {
            *furthest = e.max(*furthest);
            Some(*furthest)
        })
        .collect();
    let longest_block = blocks.iter().map(|&(f, e)| e - f).max().unwrap_or(0);
    cands.retain(|c| {
        let starting_by = blocks.partition_point(|&(f, _)| f <= c.first);
        let blocked = starting_by > 0 && furthest_end[starting_by - 1] >= c.end;
        !matches!(c.label, Label::Person | Label::Org)
            || !blocked
            // A known organisation that is also a place name (a club) stays.
            || (c.source == "gazetteer:orgs" && longest_block <= c.end - c.first)
    });
}

/// A first name or an initial and a surname that is also an organisation
/// (`Jean DUPONT`, `J. Dupont`, `Walt Disney`) are a person: the shorter
/// organisation inside goes. After a title (`M. Dupont`) even a name of the
/// same length goes.
fn drop_names_inside_full_names(cands: &mut Vec<Candidate>) {
    let mut persons: Vec<(u32, u32, bool)> = cands
        .iter()
        .filter(|c| {
            c.label == Label::Person
                && matches!(c.source, "rule:first-name" | "rule:initial" | "rule:title")
        })
        .map(|c| (c.first, c.end, c.source == "rule:title"))
        .collect();
    if persons.is_empty() {
        return;
    }
    // Looking at every person for every organisation was quadratic (a text
    // of thousands of `Jean Dupont, PDG de Airbus.` took seconds): persons
    // sorted by first token, with the furthest end of those before each.
    persons.sort_unstable();
    let mut furthest_end_before = Vec::with_capacity(persons.len() + 1);
    furthest_end_before.push(0);
    for &(_, e, _) in &persons {
        let furthest = *furthest_end_before.last().expect("not empty");
        furthest_end_before.push(furthest.max(e));
    }
    cands.retain(|c| {
        if c.label != Label::Org {
            return true;
        }
        // A person starting before the organisation and ending at or after
        // it holds it and is longer; one starting with it must be longer or
        // found by its title.
        let starting_before = persons.partition_point(|&(f, _, _)| f < c.first);
        let inside = furthest_end_before[starting_before] >= c.end
            || persons[starting_before..]
                .iter()
                .take_while(|&&(f, _, _)| f == c.first)
                .any(|&(f, e, title)| c.end <= e && (title || (e - f) > c.end - c.first));
        !inside
    });
}

/// Greedy choice of non-overlapping candidates.
fn select(cands: Vec<Candidate>, taken: &mut [bool]) -> Vec<Candidate> {
    // Higher priority, then longer, then earlier first.
    let order = stable_order(&cands, |c| {
        u128::from(u8::MAX - c.priority) << 64
            | u128::from(u32::MAX - (c.end - c.first)) << 32
            | u128::from(c.first)
    });
    let mut slots: Vec<Option<Candidate>> = cands.into_iter().map(Some).collect();
    let mut chosen = Vec::with_capacity(slots.len() / 2);
    for k in order {
        let slot = &mut slots[k as usize];
        let Some(c) = slot.as_ref() else { continue };
        let span = c.first as usize..c.end as usize;
        if span.is_empty() || taken[span.clone()].iter().any(|&t| t) {
            continue;
        }
        taken[span].iter_mut().for_each(|t| *t = true);
        chosen.extend(slot.take());
    }
    chosen
}

/// A name to look for: its folded tokens, label and canonical form. The
/// folded tokens are a slice of the document's folds and the canonical is
/// borrowed from the candidate or the text: a key costs no allocation.
struct Key<'k> {
    folds: &'k [&'k str],
    label: Label,
    canonical: Option<&'k str>,
    /// The next key with the same first word ([`NONE`] for none).
    next: u32,
}

/// No next key.
const NONE: u32 = u32::MAX;

/// The names to look for, by first word: each first word's keys chained
/// in the order they were added, in one vector (a vector per first word
/// cost an allocation per name).
struct Keys<'k> {
    /// First word → its first and last key in `all`.
    by_first: FxHashMap<&'k str, (u32, u32)>,
    all: Vec<Key<'k>>,
}

impl<'k> Keys<'k> {
    fn with_capacity(n: usize) -> Self {
        Keys {
            by_first: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            all: Vec::with_capacity(n),
        }
    }

    /// Adds the key of a name to look for, unless it has one.
    fn add(&mut self, folds: &'k [&'k str], label: Label, canonical: Option<&'k str>) {
        let k = self.all.len() as u32;
        match self.by_first.get_mut(folds[0]) {
            Some((first, last)) => {
                let all = &self.all;
                let mut at = *first;
                while at != NONE {
                    let key = &all[at as usize];
                    if key.folds == folds && key.label == label {
                        return;
                    }
                    at = key.next;
                }
                self.all[*last as usize].next = k;
                *last = k;
            }
            None => {
                self.by_first.insert(folds[0], (k, k));
            }
        }
        self.all.push(Key {
            folds,
            label,
            canonical,
            next: NONE,
        });
    }

    /// The keys whose first word is `word`, in the order they were added.
    fn starting_with(&self, word: &str) -> impl Iterator<Item = &Key<'k>> {
        let first = self.by_first.get(word).map_or(NONE, |&(first, _)| first);
        std::iter::successors((first != NONE).then(|| &self.all[first as usize]), |k| {
            (k.next != NONE).then(|| &self.all[k.next as usize])
        })
    }
}

/// Finds the other occurrences of the names already found.
fn spread_names(ctx: &Ctx, chosen: &mut Vec<Candidate>, taken: &mut [bool]) {
    // Sized for a first word per name found: not rehashed as it grows.
    let mut keys = Keys::with_capacity(chosen.len());
    let mut add = |folds, label, canonical| keys.add(folds, label, canonical);
    // The position of a one-word short form and its organisation's canonical.
    let mut short_forms: Vec<(usize, &str)> = Vec::new();
    // `« Baptiste a construit notre équipe »` after `Baptiste Lefranc`: a
    // first name alone stands for the one person of the document who bears
    // it; shared by two persons, it stands for neither. The value is the
    // first name's position and the full name.
    let mut first_names: FxHashMap<&str, (usize, Option<&[&str]>)> = FxHashMap::default();
    for c in chosen
        .iter()
        .filter(|c| c.label == Label::Person && c.len() >= 2)
    {
        let f = c.first as usize;
        if !ctx.is(f, EntryKind::FirstName) || !ctx.toks.tokens[f].is_capitalized() {
            continue;
        }
        let full = ctx.folds(f, c.end as usize);
        first_names
            .entry(ctx.fold(f))
            .and_modify(|(_, have)| {
                if *have != Some(full) {
                    *have = None;
                }
            })
            .or_insert((f, Some(full)));
    }
    for c in chosen
        .iter()
        .filter(|c| c.spread && matches!(c.label, Label::Person | Label::Org))
    {
        let (first, end) = (c.first as usize, c.end as usize);
        let folds = ctx.folds(first, end);
        if c.label == Label::Person && folds.len() >= 2 {
            // The surname alone: `Schulman`.
            if ctx.toks.tokens[end - 1].has(flags::UPPER) {
                add(ctx.folds(end - 1, end), Label::Person, None);
                // With its particles, a family name is one name: `Le Gall`
                // for `Maxime Le Gall` (a first name stays before them).
                let mut family = end - 1;
                while family > first + 1
                    && ctx
                        .hits
                        .is_marked(family - 1, crate::gazetteer::marks::PARTICLE)
                {
                    family -= 1;
                }
                if family < end - 1 {
                    add(ctx.folds(family, end), Label::Person, None);
                }
            }
        }
        let canonical = if c.label == Label::Org {
            c.canonical.as_deref()
        } else {
            None
        };
        let own = || canonical.unwrap_or_else(|| span_text(ctx, first, end));
        // `Caribou Sands` for `Caribou Sands Ltd.`: the name without its
        // legal suffix.
        if c.label == Label::Org && c.len() >= 2 && ctx.is(end - 1, EntryKind::OrgSuffix) {
            let stem = &folds[..folds.len() - 1];
            if stem.len() == 1 {
                short_forms.push((first, own()));
            } else {
                add(stem, Label::Org, Some(own()));
            }
        }
        if c.label == Label::Org && org_short_form(ctx, c) {
            // `Noctua` for `Noctua Labs`, `Harrowgate` for `Harrowgate Drinks plc`.
            short_forms.push((first, own()));
        }
        add(folds, c.label, canonical);
    }
    for (_, (f, full)) in first_names {
        if full.is_some() {
            add(ctx.folds(f, f + 1), Label::Person, None);
        }
    }
    // A short form that the document also writes in lowercase is a common
    // word (`Pétroles`, `Crédit`), not a name.
    if !short_forms.is_empty() {
        // A few short forms against every lowercase word: compare each word
        // with them rather than hash every word into a set, and only a word
        // of the length of some short form (one bit per length, the last
        // for all the longer ones): most words are compared with none.
        let length_bit = |word: &str| 1u64 << word.len().min(63);
        let lengths = short_forms
            .iter()
            .fold(0, |bits, &(at, _)| bits | length_bit(ctx.fold(at)));
        let mut common = vec![false; short_forms.len()];
        for t in 0..ctx.len() {
            if ctx.toks.tokens[t].kind == crate::tokenize::TokenKind::Word
                && !ctx.toks.tokens[t].is_capitalized()
                && lengths & length_bit(ctx.fold(t)) != 0
            {
                let fold = ctx.fold(t);
                for (seen, &(at, _)) in common.iter_mut().zip(&short_forms) {
                    *seen |= fold == ctx.fold(at);
                }
            }
        }
        for ((at, canonical), seen) in short_forms.into_iter().zip(common) {
            if !seen {
                add(ctx.folds(at, at + 1), Label::Org, Some(canonical));
            }
        }
    }
    if keys.all.is_empty() {
        return;
    }
    // The names found here are pushed once the keys, which borrow the
    // candidates' canonical forms, are no longer needed.
    let mut found = Vec::new();
    let n = ctx.len();
    let mut i = 0;
    while i < n {
        if taken[i] || !ctx.toks.tokens[i].is_capitalized() {
            i += 1;
            continue;
        }
        let best = keys
            .starting_with(ctx.fold(i))
            .filter(|k| {
                let end = i + k.folds.len();
                end <= n
                    && (0..k.folds.len()).all(|m| !taken[i + m] && ctx.fold(i + m) == k.folds[m] && (m == 0 || ctx.toks.tokens[i + m].has(flags::UPPER) || ctx.toks.tokens[i + m].kind != crate::tokenize::TokenKind::Word || ctx.hits.is_marked(i + m, crate::gazetteer::marks::PARTICLE)))
                    // A surname alone must not be followed by another
                    // capitalised word (`Deng Xiaoping` is someone else).
                    && !(k.folds.len() == 1 && end < n && ctx.toks.tokens[end].is_capitalized() && ctx.same_sentence(i, end) && !ctx.is_stopword(end))
            })
            .max_by_key(|k| k.folds.len());
        match best {
            Some(k) => {
                let end = i + k.folds.len();
                taken[i..end].iter_mut().for_each(|t| *t = true);
                let mut c = Candidate::new(k.label, i, end, 0, "coreference");
                c.canonical = k.canonical.map(str::to_string);
                found.push(c);
                i = end;
            }
            None => i += 1,
        }
    }
    chosen.extend(found);
}

/// Whether the first word of organisation `c` may stand for it alone: a
/// name of two or more words whose first word is capitalised, at least four
/// letters long, and no head noun, place, first name, role or function word
/// (`Banque Delorme`, `Paris Saint-Germain`, `Air France` have none), with no
/// particle after it (`Pétroles du Ponant`).
fn org_short_form(ctx: &Ctx, c: &Candidate) -> bool {
    let (first, end) = (c.first as usize, c.end as usize);
    end - first >= 2
        && ctx.toks.tokens[first].has(flags::UPPER)
        && ctx.word(first).chars().count() >= 4
        && ctx.toks.tokens[first].kind == crate::tokenize::TokenKind::Word
        && !ctx.is_stopword(first)
        && !crate::recognize::names::is_particle(ctx, first + 1)
        && ![
            EntryKind::OrgHead,
            EntryKind::Place,
            EntryKind::FirstName,
            EntryKind::Role,
            EntryKind::Title,
            EntryKind::Person,
        ]
        .into_iter()
        .any(|kind| ctx.is(first, kind))
}

/// Sets the canonical form of every PERSON and ORG.
///
/// The candidates that can give a mention its canonical form are looked up
/// in indexes built once (by surname, first name, prefix, acronym): a scan of
/// every name for every mention made documents with thousands of names
/// quadratic (issue #9: `-Dupont.` repeated over 160 kB took 9 s).
fn canonicalize(ctx: &Ctx, chosen: &mut [Candidate]) {
    let folds_of = |c: &Candidate| ctx.folds(c.first as usize, c.end as usize);
    // Full names (two words or more), in text order, by surname and by first name.
    // The indexes are sized for the keys they may get (a count of the
    // candidates below), so that none grows and rehashes as it fills.
    let (mut full_names, mut prefixes) = (0, 0);
    for c in chosen.iter() {
        match c.label {
            Label::Person if c.len() >= 2 => full_names += 1,
            Label::Org => prefixes += c.len() - 1,
            _ => {}
        }
    }
    fn sized<K, V>(n: usize) -> FxHashMap<K, V> {
        FxHashMap::with_capacity_and_hasher(n, Default::default())
    }
    let mut by_surname: FxHashMap<&str, Vec<(usize, &str)>> = sized(full_names);
    let mut by_first_name: FxHashMap<&str, Vec<(usize, &str)>> = sized(full_names);
    // Organisation names: the canonical forms of the longer names starting
    // with a prefix, and of the names an acronym definition gives. The keys
    // are slices of the document's folds, the canonical forms borrowed.
    let mut longer: FxHashMap<&[&str], FirstTwo> = sized(prefixes);
    let mut defined: FxHashMap<&[&str], FirstTwo> = FxHashMap::default();
    let mut ending: FxHashMap<&[&str], FirstTwo> = sized(prefixes);
    for (k, c) in chosen.iter().enumerate() {
        let folds = folds_of(c);
        if c.label == Label::Person && c.len() >= 2 {
            let canon = canon_of(ctx, c);
            by_surname
                .entry(folds[folds.len() - 1])
                .or_default()
                .push((k, canon));
            by_first_name.entry(folds[0]).or_default().push((k, canon));
        } else if c.label == Label::Org {
            let canon = canon_of(ctx, c);
            for len in 1..folds.len() {
                FirstTwo::add(longer.entry(&folds[..len]), canon);
            }
            // `Delorme-Aubry` for `Champagne Delorme-Aubry`: the last words
            // (three tokens at most, a short name's length) after a
            // capitalised first word.
            if ctx.toks.tokens[c.first as usize].is_capitalized() {
                for start in folds.len().saturating_sub(3).max(1)..folds.len() {
                    FirstTwo::add(ending.entry(&folds[start..]), canon);
                }
            }
            if c.source == "rule:acronym-definition" {
                FirstTwo::add(defined.entry(folds), canon);
            }
        }
    }
    // The new canonical forms, written once the indexes, which borrow the
    // candidates' own, are no longer needed. A candidate whose canonical
    // stays as it is has none here.
    let mut new_canonicals: Vec<(usize, String)> = Vec::with_capacity(chosen.len());
    for (k, c) in chosen.iter().enumerate() {
        let folds = folds_of(c);
        let canonical = match c.label {
            Label::Person if c.canonical.is_none() => {
                if folds.len() >= 2 {
                    // `Le Gall` for `Maxime Le Gall`: a family name with its
                    // particle takes the full name that ends with it; any
                    // other name of two words or more is its own.
                    let full_name = || {
                        if !ctx
                            .hits
                            .is_marked(c.first as usize, crate::gazetteer::marks::PARTICLE)
                        {
                            return None;
                        }
                        let names = by_surname.get(folds[folds.len() - 1])?;
                        let ending: Vec<(usize, &str)> = names
                            .iter()
                            .filter(|&&(j, _)| {
                                let other = folds_of(&chosen[j]);
                                other.len() > folds.len() && other.ends_with(folds)
                            })
                            .copied()
                            .collect();
                        nearest(&ending, k)
                    };
                    full_name().unwrap_or_else(|| span_text(ctx, c.first as usize, c.end as usize))
                } else {
                    let by_surname = folds.last().and_then(|f| nearest(by_surname.get(f)?, k));
                    let by_first = || {
                        let f = folds.first()?;
                        if !ctx.res.first_names.contains(*f) {
                            return None;
                        }
                        nearest(by_first_name.get(f)?, k)
                    };
                    // `M. Zhou` for `Zhou Minghao`: after a title, a word
                    // that is no first name and starts a full name is its
                    // family name, written first.
                    let family_name_first = || {
                        let f = folds.first()?;
                        let titled = c.first > 0 && ctx.is(c.first as usize - 1, EntryKind::Title);
                        if !titled || ctx.res.first_names.contains(*f) {
                            return None;
                        }
                        nearest(by_first_name.get(f)?, k)
                    };
                    by_surname
                        .or_else(by_first)
                        .or_else(family_name_first)
                        .unwrap_or_else(|| span_text(ctx, c.first as usize, c.end as usize))
                }
            }
            // A lexicon name keeps its canonical; a longer mention may still extend it.
            Label::Person => continue,
            Label::Org => {
                let own = canon_of(ctx, c);
                // An acronym or short name that another ORG of the document defines or extends.
                match [&defined, &longer, &ending]
                    .into_iter()
                    .find_map(|index| index.get(folds)?.other_than(own))
                {
                    Some(other) => other,
                    None if c.canonical.is_some() => continue,
                    None => own,
                }
            }
            _ => continue,
        };
        new_canonicals.push((k, canonical.to_string()));
    }
    for (k, canonical) in new_canonicals {
        chosen[k].canonical = Some(canonical);
    }
}

/// The canonical form of `c`: the one it was given, else its text.
fn canon_of<'c>(ctx: &Ctx<'c>, c: &'c Candidate) -> &'c str {
    c.canonical
        .as_deref()
        .unwrap_or_else(|| span_text(ctx, c.first as usize, c.end as usize))
}

/// The first canonical form added, and the first one different from it:
/// enough to give the first one different from any `own`.
struct FirstTwo<'c> {
    first: &'c str,
    second: Option<&'c str>,
}

impl<'c> FirstTwo<'c> {
    fn add<K>(entry: std::collections::hash_map::Entry<'_, K, FirstTwo<'c>>, canon: &'c str) {
        let t = entry.or_insert(FirstTwo {
            first: canon,
            second: None,
        });
        if t.second.is_none() && t.first != canon {
            t.second = Some(canon);
        }
    }

    fn other_than(&self, own: &str) -> Option<&'c str> {
        if self.first != own {
            Some(self.first)
        } else {
            self.second
        }
    }
}

/// The canonical of the full name nearest to candidate `k` among `names`
/// (in text order), preferring one before it.
fn nearest<'c>(names: &[(usize, &'c str)], k: usize) -> Option<&'c str> {
    let before = names.partition_point(|(j, _)| *j < k);
    let after = names.partition_point(|(j, _)| *j <= k);
    before
        .checked_sub(1)
        .map(|b| &names[b])
        .or_else(|| names.get(after))
        .map(|&(_, canon)| canon)
}

#[cfg(test)]
mod tests {
    use crate::document::Label;

    fn canonicals(text: &str, label: Label) -> Vec<(String, String)> {
        crate::Extractor::new()
            .extract(text)
            .entities_with(label)
            .map(|e| (e.text.clone(), e.name().to_string()))
            .collect()
    }

    #[test]
    fn a_titled_family_name_written_first_takes_the_full_name() {
        assert_eq!(
            person_canonicals("« Nous partons », a déclaré Zhou Minghao. M. Zhou se retire."),
            [
                ("Zhou Minghao".to_string(), "Zhou Minghao".to_string()),
                ("Zhou".to_string(), "Zhou Minghao".to_string())
            ]
        );
        // A first name after a title is not a family name.
        assert_eq!(
            person_canonicals("Jean Martin part. M. Jean Dupont arrive."),
            [
                ("Jean Martin".to_string(), "Jean Martin".to_string()),
                ("Jean Dupont".to_string(), "Jean Dupont".to_string())
            ]
        );
    }

    #[test]
    fn a_family_name_with_its_particle_takes_the_full_name() {
        let names = person_canonicals(
            "La start-up a perdu Maxime Le Gall, son directeur technique. Fondée par \
             Le Gall et Clémence Rivalan, elle emploie 140 personnes.",
        );
        assert!(
            names.contains(&("Le Gall".to_string(), "Maxime Le Gall".to_string())),
            "{names:?}"
        );
        // A name of two words without a particle is a person of its own.
        let names = person_canonicals("Yann Gall part. Pierre Gall arrive.");
        assert!(
            names.contains(&("Pierre Gall".to_string(), "Pierre Gall".to_string())),
            "{names:?}"
        );
    }

    fn person_canonicals(text: &str) -> Vec<(String, String)> {
        canonicals(text, Label::Person)
    }

    fn org_canonicals(text: &str) -> Vec<(String, String)> {
        canonicals(text, Label::Org)
    }

    #[test]
    fn a_short_organisation_name_takes_the_longer_name_it_begins_or_ends() {
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            org_canonicals("Le groupe Vexmoor Industries a publié ses comptes. Vexmoor recrute."),
            pairs(&[
                ("Vexmoor Industries", "Vexmoor Industries"),
                ("Vexmoor", "Vexmoor Industries")
            ])
        );
        // The name ends the longer one; here the short one comes first.
        assert_eq!(
            org_canonicals(
                "Le groupe Castaing recrute. La holding Groupe Castaing a publié ses comptes."
            ),
            pairs(&[
                ("Castaing", "Groupe Castaing"),
                ("Groupe Castaing", "Groupe Castaing")
            ])
        );
    }
}
