//! Finding events: triggers, argument slots, polarity and modality, merging.
//!
//! For every trigger of a rule in a sentence:
//! 1. **voice** — a past participle after a form of *être* is passive: the
//!    entity before it fills the object's slot (`Sam Altman être licencié`);
//!    a participle set off by a comma after a name is about that name
//!    (`OpenAI, fondée en 2015 par…`, `X, parti chez Y`);
//! 2. **subject** — the nearest entity of the slot's labels to the left that
//!    is not a complement (not after a preposition), with the entities
//!    coordinated with it (`A, B et C ont démissionné`); after `qui`, the
//!    antecedent; a pronoun or `l'entreprise` takes the salient entity (the
//!    last person of this or the previous sentence, the document's main
//!    organisation);
//! 3. **object** — the first entity of the slot's labels after the trigger
//!    that is not a complement, within a few words;
//! 4. **complements** — `after`/`passive` patterns to the right;
//! 5. **relations** — a person's `ROLE_OF` fills `role`/`org` when the
//!    sentence does not; the sentence's date fills `date`;
//! 6. **polarity and modality** — negation and denial cues, intention,
//!    rumour and conditional cues, future and conditional trigger forms.
//!
//! One event per person and per amount; repeated mentions of an event in the
//! document are merged, every trigger kept as evidence. Last, a departure
//! without a destination takes the organisation its person joins next.

use super::inflect::Tense;
use super::rules::{PatWord, Pattern, Rule, SlotSpec};
use super::RuleSet;
use crate::document::{Label, Modality, Polarity};
use crate::events::Cue;
use crate::gazetteer::marks;
use crate::recognize::{Candidate, Ctx};
use crate::relations::RoleOf;
use crate::salience::Salience;
use crate::tokenize::{flags, TokenKind};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cell::OnceCell;

/// An event over resolved entities (indices into them).
#[derive(Debug, Clone)]
pub(crate) struct FoundEvent {
    pub rule: u32,
    /// Trigger tokens.
    pub trigger: (usize, usize),
    /// Triggers of merged mentions.
    pub evidence: Vec<(usize, usize)>,
    /// Slot → entities.
    pub args: Vec<(String, Vec<usize>)>,
    /// Slot → the tokens of a stretch of text (a rule's `text` line:
    /// `purpose`).
    pub texts: Vec<(String, (usize, usize))>,
    pub polarity: Polarity,
    pub modality: Modality,
}

/// A group of a rule's patterns, read in turn by [`Engine::fill`].
#[derive(Clone, Copy)]
enum Patterns {
    /// `passive` lines: the agent after a passive participle.
    Passive,
    /// `after` lines: complements to the right of the trigger.
    After,
    /// `before` lines: the entity right before the trigger.
    Before,
}

/// Person-centred types whose role and organisation come from `ROLE_OF`.
const PERSON_TYPES: &[&str] = &["DEPARTURE", "JOIN", "DISMISSAL", "LEAVE"];
/// Slots that identify an event when merging mentions, in order.
const KEY_SLOTS: &[&str] = &["person", "founder", "plaintiff", "buyer", "target", "org"];

struct Engine<'a> {
    ctx: &'a Ctx<'a>,
    ents: &'a [Candidate],
    set: &'a RuleSet,
    ent_at: Vec<u32>,
    salience: &'a Salience,
    /// Per entity, its canonical form in lowercase and its key for merging,
    /// made on first use: filling from relations compares the first for
    /// every relation of every event.
    keys: CanonicalKeys<'a>,
    /// Per entity, whether it is a person some mention of whom has a
    /// `counsel` title (`Me Laure Benhamou`).
    counsel: Vec<bool>,
    /// Per `refer` line of the rules ([`RuleSet::refers`]), the entity its
    /// noun stands for: the argument of the last event of its type found
    /// so far (`la cible`: the last acquisition's target).
    referents: Vec<Option<usize>>,
}

/// How far, in tokens, an argument is looked for around its trigger. Real
/// sentences hold their complements well within it; a sentence of a whole
/// megabyte (no full stop, `Jean Dupont a quitté OpenAI, ` repeated) would
/// otherwise make every trigger scan to its end, quadratic in its length.
const REACH: usize = 60;

/// How far after the amount or trigger a `text` argument may open
/// (`90 millions d'euros d'ici à 2028 dans une ligne…`), and how many
/// tokens it may hold.
const TEXT_REACH: usize = 8;
const TEXT_WORDS: usize = 12;

/// Finds the events of a document.
pub(crate) fn find(
    ctx: &Ctx,
    ents: &[Candidate],
    salience: &Salience,
    rels: &[RoleOf],
    set: &RuleSet,
) -> Vec<FoundEvent> {
    if set.rules.is_empty() {
        return Vec::new();
    }
    let n = ctx.len();
    let mut ent_at = vec![u32::MAX; n];
    for (k, e) in ents.iter().enumerate() {
        for t in e.first..e.end {
            ent_at[t as usize] = k as u32;
        }
    }
    let mut eng = Engine {
        ctx,
        ents,
        set,
        ent_at,
        salience,
        keys: CanonicalKeys::new(ctx, ents),
        counsel: Vec::new(),
        referents: vec![None; set.refers.len()],
    };
    eng.counsel = eng.counsel_persons();
    let triggers = eng.triggers();
    let mut found: Vec<FoundEvent> = Vec::new();
    // The sentence and subject of the last event found, for the infinitives
    // it governs.
    let mut last_subject: Option<(u32, Vec<usize>)> = None;
    for (n, &(rule, first, end, tense, _)) in triggers.iter().enumerate() {
        // A complement stops at the next trigger of the sentence.
        let next_trigger = triggers[n + 1..]
            .iter()
            .map(|t| t.1)
            .find(|&t| t >= end)
            .filter(|&t| ctx.same_sentence(t, first));
        // `quittera la banque fin juin pour rejoindre UBS`, `pourrait
        // quitter Engie pour rejoindre Lhyfe`: an infinitive governed by a
        // planned or hypothetical trigger shares its modality.
        let inherited = n
            .checked_sub(1)
            .map(|p| triggers[p])
            .filter(|t| {
                // `quittera la maison à la fin de l'année pour rejoindre`:
                // a complement and a date may stand between, and an incise
                // between two commas (`quittera le club à l'échéance de son
                // contrat, le 30 juin, pour rejoindre`), not a lone comma
                // ending the clause.
                // A pronominal verb's phrase opens on its pronoun (`pour
                // s'engager avec`).
                (tense == Tense::Other || is_reflexive(ctx, first))
                    && t.2 <= first
                    && first - t.2 <= 14
                    && (t.2..first).filter(|&k| ctx.is_comma(k)).count() % 2 == 0
                    && ctx.same_sentence(t.1, first)
                    && first > 0
                    && matches!(ctx.fold(first - 1), "pour" | "de" | "d'")
            })
            .map(|t| (eng.polarity_modality(t.1, t.3, 0).1, t.2))
            .filter(|&(m, _)| m != Modality::Asserted);
        // `Sérignac et Doumergue ont quitté Voltanis … avant de créer
        // Ionéa`: an infinitive after `pour`, `avant de`, `afin de` has the
        // subject of the event before it in the sentence.
        // So has a noun after `pour` and its determiner: `une perte de
        // 7,4 M€ pour des ventes de 212 M€`, `un chiffre d'affaires de
        // 24 M€ pour un déficit de 9,5 M€` are one company's accounts.
        // So has a gerund: `a pris le contrôle de Morand, en acquérant 70 %
        // de son capital`.
        let gerund = first >= 1 && ctx.fold(first - 1) == "en" && ctx.fold(first).ends_with("ant");
        let governed = gerund
            || first >= 2
                && (ctx.fold(first - 1) == "pour"
                    || (matches!(ctx.fold(first - 1), "de" | "d'")
                        && matches!(ctx.fold(first - 2), "avant" | "afin"))
                    || (tense == Tense::Noun
                        && ctx.fold(first - 2) == "pour"
                        && (ctx.fold(first - 1) == "des" || eng.cue(Cue::Determiner, first - 1))));
        // `X avait racheté Y pour 38 M€ et envisage de racheter Z`, `Elle a
        // acquis Y, mais dément vouloir racheter Z`: a verb coordinated
        // after the event before it, with no name between the conjunction
        // and the trigger, has that event's subject (a verb only: a noun
        // reads the clause's subject itself).
        let coordinated = n > 0 && tense != Tense::Noun && {
            let prev = triggers[n - 1];
            prev.2 <= first
                && ctx.same_sentence(prev.1, first)
                && (prev.2..first)
                    .rev()
                    .take_while(|&k| eng.entity_at(k).is_none() && !ctx.is_comma(k))
                    .any(|k| eng.cue(Cue::Conjunction, k))
        };
        let governor = last_subject
            .as_ref()
            .filter(|(sentence, _)| {
                (governed || coordinated) && *sentence == ctx.toks.sentence_of[first]
            })
            .map(|(_, who)| who.clone());
        let before = found.len();
        let this = &set.rules[rule as usize];
        eng.fill(
            this,
            rule,
            (first, end),
            tense,
            inherited,
            governor,
            next_trigger,
            rels,
            &mut found,
        );
        if found.len() > before {
            eng.note_referents(&found[before..]);
            let slot = this.subject.as_ref().map(|s| s.slot.as_str());
            let mut who: Vec<usize> = Vec::new();
            for ev in &found[before..] {
                for (s, v) in &ev.args {
                    if Some(s.as_str()) == slot {
                        for &e in v {
                            if !who.contains(&e) {
                                who.push(e);
                            }
                        }
                    }
                }
            }
            last_subject = Some((ctx.toks.sentence_of[first], who));
        }
    }
    let keys = &eng.keys;
    let mut events = merge(ctx, keys, set, found);
    link_destinations(ctx, keys, set, &mut events);
    link_predecessors(ctx, ents, keys, set, &mut events);
    events
}

impl Engine<'_> {
    fn cue(&self, kind: Cue, i: usize) -> bool {
        // The token's mark says whether it is a cue of any kind at all.
        self.ctx.is_cue(kind, i)
    }

    /// `la société`, `l'entreprise`, `le groupe` at token `i`: a company
    /// noun (cue `anaphor`) after a definite article stands for an
    /// organisation named elsewhere; so does a noun of a rule's `refer`
    /// line (`la cible`, `sa maison mère`), after a `possessive` cue too.
    fn is_company_noun(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        // `la jeune pousse`, `le petit fabricant`: an adjective between.
        if i > 1
            && self.cue(Cue::Adjective, i - 1)
            && matches!(self.ctx.fold(i - 2), "l'" | "la" | "le")
        {
            return self.cue(Cue::Anaphor, i);
        }
        match self.ctx.fold(i - 1) {
            "l'" | "la" | "le" => self.cue(Cue::Anaphor, i) || self.may_refer(i),
            _ if self.cue(Cue::Possessive, i - 1) => self.may_refer(i),
            _ => false,
        }
    }

    /// Whether the word at token `i` opens a noun of a `refer` line.
    fn may_refer(&self, i: usize) -> bool {
        !self.set.refer_words.is_empty() && self.set.refer_words.contains(self.ctx.fold(i))
    }

    /// The entity the noun at token `noun` stands for by a `refer` line
    /// (`la cible` after an acquisition: its target), named before it.
    fn referent(&self, noun: usize) -> Option<usize> {
        if !self.may_refer(noun) {
            return None;
        }
        let ctx = self.ctx;
        // The longest noun first: `maison mère` before `maison`.
        self.set
            .refers
            .iter()
            .zip(&self.referents)
            .filter_map(|((_, refer), e)| e.map(|e| (refer, e)))
            .filter(|(refer, e)| {
                (self.ents[*e].first as usize) < noun
                    && noun + refer.words.len() <= ctx.len()
                    && refer
                        .words
                        .iter()
                        .enumerate()
                        .all(|(j, w)| ctx.fold(noun + j) == w)
            })
            .max_by_key(|(refer, _)| refer.words.len())
            .map(|(_, e)| e)
    }

    /// Records what the `refer` nouns stand for after events were found.
    fn note_referents(&mut self, events: &[FoundEvent]) {
        for ev in events {
            // A completing mention's participant is a guess (`pour un
            // montant estimé à 95 M€` after `a acquis 70 % du joaillier
            // Morand & Fils` takes the target for the buyer); the event it
            // completes named the real one.
            if self.set.rules[ev.rule as usize].only_adds {
                continue;
            }
            let kind = &self.set.rules[ev.rule as usize].event_type;
            for (k, (of, refer)) in self.set.refers.iter().enumerate() {
                if of != kind {
                    continue;
                }
                if let Some((_, v)) = ev
                    .args
                    .iter()
                    .find(|(s, v)| *s == refer.slot && v.len() == 1)
                {
                    self.referents[k] = Some(v[0]);
                }
            }
        }
    }

    /// The person counsel acts for in a sentence at `first`: the last one
    /// before it, no counsel, in its sentence or the three before (`…
    /// le limogeage de Justine Marcadier. L'intéressée ne compte pas en
    /// rester là. Son avocate, Me X, a saisi…`).
    fn client(&self, first: usize) -> Option<usize> {
        let sentence_of = &self.ctx.toks.sentence_of;
        let here = sentence_of[first];
        (first.saturating_sub(4 * REACH)..first)
            .rev()
            .take_while(|&k| sentence_of[k] + 3 >= here)
            .find_map(|k| {
                self.entity_at(k)
                    .filter(|&e| self.ents[e].label == Label::Person && !self.counsel[e])
            })
    }

    /// Per entity, whether it is a person titled as counsel (a `counsel`
    /// cue right before one of its mentions: `Me Laure Benhamou`).
    fn counsel_persons(&self) -> Vec<bool> {
        let person = |e: &Candidate| e.label == Label::Person;
        let titled: rustc_hash::FxHashSet<String> = (0..self.ents.len())
            .filter(|&e| {
                let first = self.ents[e].first as usize;
                person(&self.ents[e]) && first > 0 && self.cue(Cue::Counsel, first - 1)
            })
            .map(|e| self.lower_canonical(e).to_string())
            .filter(|c| !c.is_empty())
            .collect();
        // Most documents name no counsel: no canonical form to lower then.
        if titled.is_empty() {
            return vec![false; self.ents.len()];
        }
        (0..self.ents.len())
            .map(|e| person(&self.ents[e]) && titled.contains(self.lower_canonical(e)))
            .collect()
    }

    /// Whether entities `a` and `b` are mentions of one name (one person,
    /// one organisation, one amount).
    fn same_name(&self, a: usize, b: usize) -> bool {
        self.keys.get(a) == self.keys.get(b)
    }

    /// The canonical form of entity `e` in lowercase, "" without one.
    fn lower_canonical(&self, e: usize) -> &str {
        self.keys.lower(e)
    }

    fn entity_at(&self, i: usize) -> Option<usize> {
        (i < self.ent_at.len() && self.ent_at[i] != u32::MAX).then(|| self.ent_at[i] as usize)
    }

    /// The entity starting at token `i` with one of `labels`.
    fn starting(&self, i: usize, labels: &[Label]) -> Option<usize> {
        self.entity_at(i)
            .filter(|&e| self.ents[e].first as usize == i && labels.contains(&self.ents[e].label))
    }

    /// Every trigger of the document: (rule, first, end, tense, written
    /// exactly as the form), in text order.
    fn triggers(&self) -> Vec<(u32, usize, usize, Tense, bool)> {
        let ctx = self.ctx;
        let mut out = Vec::new();
        for i in 0..ctx.len() {
            // Most tokens start no trigger: their mark spares the look-up.
            if !ctx.hits.is_marked(i, marks::TRIGGER_WORD) {
                continue;
            }
            let Some(list) = self.set.index.get(ctx.fold(i)) else {
                continue;
            };
            // Never inside a name (`Total`, `Le Point`), nor a place
            // written like a verb form (`à Limoges`, `limoges` of
            // `limoger`).
            if self
                .entity_at(i)
                .is_some_and(|e| matches!(self.ents[e].label, Label::Person | Label::Org))
                || (ctx.toks.tokens[i].is_capitalized()
                    && ctx.is(i, crate::gazetteer::EntryKind::Place))
            {
                continue;
            }
            // One trigger per rule and span; the entry written exactly like the
            // token wins (`licencié` is a participle, `licencie` a present).
            // Most words are already lowercase: no allocation for them.
            let written = crate::normalize::lowercase(ctx.word(i));
            // `pour sa part`, `une part de`: after a determiner that is no
            // object pronoun, a one-word verb form is a noun.
            let after_noun_marker =
                i > 0 && ctx.same_sentence(i - 1, i) && self.cue(Cue::NounMarker, i - 1);
            // `l'arrivée`: the object pronoun `l'` stands before a
            // conjugated verb (`l'a nommé`), never before a participle, so
            // a participle after it is a noun.
            let after_elided_article = i > 0 && ctx.fold(i - 1) == "l'";
            let start = out.len();
            for entry in list {
                if (after_noun_marker && entry.tense != Tense::Noun && entry.rest.is_empty())
                    || (after_elided_article && entry.tense == Tense::PastParticiple)
                {
                    continue;
                }
                if let Some(end) = self.match_words(&entry.rest, i + 1, i, 4, &|p| Some(p)) {
                    // A noun phrase that matched is never a look-alike (its
                    // first word is stored folded): `levée de fonds` stays
                    // beside the participle `levée`.
                    let exact = entry.form == written
                        || (entry.tense == Tense::Noun && !entry.rest.is_empty());
                    match out[start..].iter_mut().find(
                        |t: &&mut (u32, usize, usize, Tense, bool)| t.0 == entry.rule && t.2 == end,
                    ) {
                        Some(t) if exact && !t.4 => *t = (entry.rule, i, end, entry.tense, true),
                        Some(_) => {}
                        None => out.push((entry.rule, i, end, entry.tense, exact)),
                    }
                }
            }
            // When some rule's form is written exactly like the token, the
            // accent-folded look-alikes of other rules go (`dépensé` is the
            // verb, not the noun `dépense`).
            if out[start..].iter().any(|t| t.4) {
                let mut k = start;
                while k < out.len() {
                    if out[k].4 {
                        k += 1;
                    } else {
                        out.remove(k);
                    }
                }
            }
        }
        out
    }

    /// Matches `words` from token `pos` (same sentence as `anchor`), then calls `then`.
    fn match_words<R>(
        &self,
        words: &[PatWord],
        pos: usize,
        anchor: usize,
        gap: usize,
        then: &dyn Fn(usize) -> Option<R>,
    ) -> Option<R> {
        let ctx = self.ctx;
        let Some((w, rest)) = words.split_first() else {
            return then(pos);
        };
        let here = pos < ctx.len() && ctx.same_sentence(anchor, pos);
        match w {
            PatWord::Word(word) => (here && super::rules::word_matches(word, ctx.fold(pos)))
                .then(|| self.match_words(rest, pos + 1, anchor, gap, then))
                .flatten(),
            PatWord::Lemma(l) => {
                let ok = here
                    && self
                        .set
                        .lemma_forms
                        .get(l)
                        .is_some_and(|f| f.contains(ctx.fold(pos)));
                ok.then(|| self.match_words(rest, pos + 1, anchor, gap, then))
                    .flatten()
            }
            PatWord::Gap => (0..=gap).find_map(|skip| {
                let p = pos + skip;
                (p <= ctx.len() && (p == pos || ctx.same_sentence(anchor, p - 1)))
                    .then(|| self.match_words(rest, p, anchor, gap, then))
                    .flatten()
            }),
        }
    }

    /// Fills the slots of `rule` for the trigger `first..end`.
    #[allow(clippy::too_many_arguments)]
    fn fill(
        &self,
        rule: &Rule,
        r: u32,
        (first, end): (usize, usize),
        tense: Tense,
        inherited: Option<(Modality, usize)>,
        governor: Option<Vec<usize>>,
        next_trigger: Option<usize>,
        rels: &[RoleOf],
        out: &mut Vec<FoundEvent>,
    ) {
        // `Fondée en 2016 par X, la marque …`: a participle opening its
        // sentence is passive, and the clause after the comma is its object.
        let fronted = tense == Tense::PastParticiple
            && (first == 0 || !self.ctx.same_sentence(first - 1, first));
        // `s'est mise en retrait`: a pronominal verb takes être too, but
        // its subject is its agent.
        let reflexive = |k: usize| k > 0 && is_reflexive(self.ctx, k - 1);
        // `Felix Wagner est parti chez OVHcloud`: a verb with no object
        // (no `object` or `passive` line) has no passive; `être` is its
        // auxiliary of the past.
        let transitive = rule.object.is_some() || !rule.passive.is_empty();
        let passive = fronted
            || (tense == Tense::PastParticiple
                && transitive
                && (first.saturating_sub(3)..first)
                    .any(|k| self.cue(Cue::Auxiliary, k) && !reflexive(k)));
        // `OpenAI, fondée en 2015 par…`, `Julien Caradec, responsable de
        // l'ingénierie, parti en juillet chez…`: a participle set off by a
        // comma right after a name is about that name: its patient when the
        // rule's object takes it, else its subject (`parti`, `arrivé chez`).
        let apposed = (tense == Tense::PastParticiple && !passive)
            .then(|| self.apposed_to(first))
            .flatten();
        let fits = |spec: &Option<SlotSpec>, e: usize| {
            spec.as_ref()
                .is_some_and(|s| s.labels.contains(&self.ents[e].label))
        };
        // `Le chantier informatique de la mutuelle, lancé en 2021`: a
        // participle set off from a common noun is about that thing, which
        // is no entity.
        if tense == Tense::PastParticiple
            && !passive
            && apposed.is_none()
            && self.after_common_noun(first)
        {
            return;
        }
        let apposed_patient = apposed.filter(|&e| fits(&rule.object, e));
        let apposed_subject =
            apposed.filter(|&e| apposed_patient.is_none() && fits(&rule.subject, e));
        let passive = passive || apposed_patient.is_some();
        let mut args: Vec<(String, Vec<usize>)> = Vec::new();
        // A list slot (`founder`) gathers every pattern's entities
        // (`a cofondé Noctua avec Sarah Benhamou`); any other keeps the first.
        let put = |args: &mut Vec<(String, Vec<usize>)>, slot: &str, ents: Vec<usize>| {
            if ents.is_empty() {
                return;
            }
            match args.iter_mut().find(|(s, _)| s == slot) {
                Some((_, have)) if rule.list.iter().any(|l| l == slot) => {
                    // By name: `contre la maison mère` read as a `refer`
                    // noun and as a company noun is one defendant.
                    for e in ents {
                        if !have.iter().any(|&h| self.same_name(h, e)) {
                            have.push(e);
                        }
                    }
                }
                Some(_) => {}
                None => args.push((slot.to_string(), ents)),
            }
        };
        let noun = tense == Tense::Noun;
        let openers = &self.set.openers[r as usize];
        // The slots a company noun filled in a complement (`contre la
        // régie`): checked once every slot is read, see below.
        let mut by_nouns: Vec<&str> = Vec::new();
        // The slots a pattern's words led to (`auprès de X`): what the
        // clause names outright, checked against the subject below.
        let mut by_patterns: Vec<&str> = Vec::new();
        // Reads one group of the rule's patterns into `args`, noting which
        // slots they filled.
        let mut read = |group: Patterns, args: &mut Vec<(String, Vec<usize>)>| {
            let (patterns, openers): (&[Pattern], &[super::Opener]) = match group {
                Patterns::Passive => (&rule.passive, &openers.1),
                Patterns::After => (&rule.after, &openers.0),
                Patterns::Before => (&rule.before, &[]),
            };
            for (k, p) in patterns.iter().enumerate() {
                let (found, by_noun) = match group {
                    Patterns::Before => (self.before(p, first), false),
                    _ => {
                        let opener = openers.get(k).and_then(|o| o.as_deref());
                        self.after(p, opener, end, rule, next_trigger, args)
                    }
                };
                if by_noun {
                    by_nouns.push(p.target.slot.as_str());
                }
                if !found.is_empty() {
                    by_patterns.push(p.target.slot.as_str());
                }
                put(args, &p.target.slot, found);
            }
        };
        if passive {
            if let Some(obj) = &rule.object {
                let patient = if let Some(e) = apposed_patient {
                    vec![e]
                } else if fronted {
                    self.fronted_object(first, end, obj)
                } else {
                    self.subject(first, obj)
                };
                put(&mut args, &obj.slot, patient);
            }
            read(Patterns::Passive, &mut args);
        } else if noun {
            // `l'acquisition de X par Y`: the noun's own complements name the
            // participants before the clause's subject may
            // (`Stellantis a annoncé l'acquisition de X`).
            read(Patterns::After, &mut args);
        }
        if !passive {
            if let Some(subj) = &rule.subject {
                let governor = governor.filter(|who| {
                    !who.is_empty()
                        && who
                            .iter()
                            .all(|&e| subj.labels.contains(&self.ents[e].label))
                });
                let who = match (apposed_subject, governor) {
                    (Some(e), _) => vec![e],
                    (None, Some(who)) => who,
                    (None, None) => match self.subject(first, subj) {
                        // `Lui succède Sébastien Corre`: a verb that opens
                        // its sentence after a dative pronoun has its
                        // subject after it.
                        who if who.is_empty() && self.after_dative_only(first) => {
                            self.object((first, end), subj, next_trigger, &[])
                        }
                        who => who,
                    },
                };
                // `Son avocate, Me X, a saisi le conseil de prud'hommes`:
                // counsel sues for the client, the salient person. (The
                // slot is named here: no rule key says "acts for another".)
                let who = if subj.slot == "plaintiff" && who.len() == 1 && self.counsel[who[0]] {
                    self.client(first).into_iter().collect()
                } else {
                    who
                };
                put(&mut args, &subj.slot, who);
            }
        }
        if let Some(owner) = &rule.owner {
            if first > 0 && self.cue(Cue::Possessive, first - 1) {
                put(&mut args, &owner.slot, self.subject(first, owner));
            }
        }
        // `60 millions d'euros de coûts`: the entity before the noun.
        read(Patterns::Before, &mut args);
        // Complements before the bare object: `contre OpenAI et Altman` is
        // the defendant list, not `Altman` alone.
        read(Patterns::After, &mut args);
        // The object is read when no complement filled its slot: in
        // `a porté plainte contre la maison mère`, the words after the
        // trigger are the complement's, read once.
        if !passive {
            if let Some(obj) = rule
                .object
                .as_ref()
                .filter(|obj| !args.iter().any(|(s, _)| *s == obj.slot))
            {
                let found = self.object((first, end), obj, next_trigger, &args);
                put(&mut args, &obj.slot, found);
            }
        }
        // A company noun in a complement never stands for an entity another
        // slot holds: `La régie a porté plainte contre la régie` is no
        // reading, and the subject, read after a noun trigger's
        // complements, is what the text names.
        for slot in by_nouns {
            let Some(pos) = args.iter().position(|(s, _)| s == slot) else {
                continue;
            };
            let (before, rest) = args.split_at_mut(pos);
            let (own, after) = rest.split_first_mut().expect("pos is in range");
            // By name: two mentions of one organisation are one entity.
            let held = |&e: &usize| {
                before
                    .iter()
                    .chain(after.iter())
                    .any(|(_, v)| v.iter().any(|&o| self.same_name(o, e)))
            };
            own.1.retain(|e| !held(e));
            if own.1.is_empty() {
                args.remove(pos);
            }
        }
        // A subject that another slot, filled by a pattern's words, holds
        // too is a pronoun or a company noun taken up wrongly: in `Elle
        // avait levé 45 M€ auprès d'Alpes Transition Capital`, `elle` is not
        // the fund (the `topic`, if the rule has one, fills the slot again
        // below). The clause has a
        // subject all the same, so the slot still meets a `require`: `il a
        // saisi le conseil de prud'hommes contre Norvalis` is a lawsuit
        // whose plaintiff goes unnamed.
        let mut unnamed_subject = None;
        // In the passive, the clause's subject is the rule's object:
        // `créée en 1998 par l'agglomération et la Caisse des dépôts`.
        let in_subject_place = if passive { &rule.object } else { &rule.subject };
        if let Some(subj) = in_subject_place {
            if let Some(pos) = args.iter().position(|(s, _)| *s == subj.slot) {
                let held = |e: usize| {
                    args.iter().enumerate().any(|(i, (s, v))| {
                        i != pos
                            && by_patterns.contains(&s.as_str())
                            && v.iter().any(|&o| self.same_name(o, e))
                    })
                };
                if args[pos].1.iter().all(|&e| held(e)) {
                    args.remove(pos);
                    unnamed_subject = Some(subj.slot.as_str());
                }
            }
        }
        // More amounts of the same clause: `1,4 milliard … et 1,5 milliard`.
        if let Some(pos) = args.iter().position(|(s, v)| s == "amount" && v.len() == 1) {
            let last = self.ents[args[pos].1[0]].end as usize;
            args[pos]
                .1
                .extend(self.more_amounts(last, first, next_trigger));
        }
        // The date comes before the requirements: `require = founder|date`
        // keeps `Fondé en 1919, le club…` and drops a bare `j'ai cofondé X`.
        // A date a pattern already took (`en congé jusqu'en avril`: the
        // end of the leave) does not also date the event.
        if let Some(date) = (rule.dated)
            .then(|| self.sentence_date(first, end))
            .flatten()
            .filter(|d| !args.iter().any(|(_, v)| v.contains(d)))
        {
            put(&mut args, "date", vec![date]);
        }
        if !rule.require.iter().all(|group| {
            group
                .iter()
                .any(|s| unnamed_subject == Some(s.as_str()) || args.iter().any(|(a, _)| a == s))
        }) {
            return;
        }

        // The governing trigger's own form is no cue of the infinitive it
        // governs: `a annoncé qu'elle quitterait la chaîne pour rejoindre
        // BFMTV` is a plan for both (the `-rait` of `quitterait` read again
        // would make the join a hypothesis).
        let cues_from = inherited.map_or(0, |(_, governor_end)| governor_end);
        let (polarity, mut modality) = self.polarity_modality(first, tense, cues_from);
        if let (Modality::Asserted, Some((m, _))) = (modality, inherited) {
            modality = m;
        }
        if modality == Modality::Asserted
            && tense == Tense::Noun
            && self.subject_noun_planned(first, end)
        {
            modality = Modality::Planned;
        }
        // One event per person and per amount.
        let split = args.iter().position(|(s, v)| {
            (s == "person" || s == "amount") && v.len() > 1 && !rule.list.contains(s)
        });
        let variants: Vec<Vec<(String, Vec<usize>)>> = match split {
            Some(pos) => args[pos]
                .1
                .iter()
                .map(|&e| {
                    let mut a = args.clone();
                    a[pos].1 = vec![e];
                    a
                })
                .collect(),
            None => vec![args],
        };
        for mut a in variants {
            // `une perte de 84 M€ pour 2024`, `27 M€ sur l'exercice 2024`:
            // a date right after the amount is the period it is for, and
            // dates the event before any date nearer the trigger (`publié
            // la semaine dernière`).
            if let Some(period) = self.amount_period(&a, first) {
                match a.iter_mut().find(|(s, _)| s == "date") {
                    Some((_, v)) => *v = vec![period],
                    None => a.push(("date".to_string(), vec![period])),
                }
            }
            self.fill_employer(rule, &mut a, rels, first, end);
            if PERSON_TYPES.contains(&rule.event_type.as_str()) {
                let joining = rule.event_type == "JOIN";
                self.fill_from_relations(&mut a, rels, first, joining);
            }
            if let Some(spec) = &rule.topic {
                // `La Cour des comptes pointe le déficit de l'établissement`:
                // the subject found is no topic when it is a court.
                a.retain(|(s, v)| !(*s == spec.slot && v.len() == 1 && self.is_court(v[0])));
                if !a.iter().any(|(s, _)| *s == spec.slot) {
                    let used: Vec<usize> = a.iter().flat_map(|(_, v)| v.iter().copied()).collect();
                    if let Some(e) = self.topic(first, spec, &used, out) {
                        a.push((spec.slot.clone(), vec![e]));
                    }
                }
            }
            // `consacrera 9 M€ au recrutement et 6 M€ à la rénovation…`: each
            // amount's purpose follows it.
            let amount_end = a
                .iter()
                .find(|(s, _)| s == "amount")
                .map_or(0, |(_, v)| self.ents[v[0]].end as usize);
            let texts = rule
                .text
                .iter()
                .filter_map(|t| {
                    self.text_after(end.max(amount_end), first, &t.openers)
                        .map(|span| (t.slot.clone(), span))
                })
                .collect();
            out.push(FoundEvent {
                rule: r,
                trigger: (first, end),
                evidence: Vec::new(),
                args: a,
                texts,
                polarity,
                modality,
            });
        }
    }

    /// The noun phrase a rule's `text` line takes (`à l'achat de soixante
    /// bus électriques` → `achat de soixante bus électriques`): opened by
    /// one of `openers` within a few tokens from `from` (the end of the
    /// trigger or of the event's amount), in the sentence of the trigger at
    /// `first`, without crossing punctuation, a date complement passed
    /// over (`d'ici à 2029 à la modernisation`); a determiner or possessive
    /// after the opener is left out. It starts on a lowercase word outside
    /// any entity (`en 2027` and `en France` open none), and ends before
    /// punctuation, an amount or a date, or a `phrase_end` cue of
    /// `event_cues.tsv` (`et`, `qui`, `près`, `d'ici`), a function word
    /// it would end on given back; at most [`TEXT_WORDS`] tokens.
    fn text_after(&self, from: usize, first: usize, openers: &[String]) -> Option<(usize, usize)> {
        let ctx = self.ctx;
        let n = ctx.len();
        let word =
            |k: usize| k < n && ctx.same_sentence(first, k) && ctx.kind(k) != TokenKind::Punct;
        let limit = (from + TEXT_REACH).min(n);
        let mut p = from;
        while p < limit && word(p) {
            if openers.iter().any(|o| o == ctx.fold(p)) {
                let mut q = p + 1;
                if q < n && (self.cue(Cue::Determiner, q) || self.cue(Cue::Possessive, q)) {
                    q += 1;
                }
                let opens = word(q)
                    && ctx.kind(q) == TokenKind::Word
                    && !ctx.toks.tokens[q].has(flags::UPPER)
                    && self.entity_at(q).is_none();
                if opens {
                    // A place name that is no entity (`à Tokyo, Dubaï et
                    // Miami`).
                    let place = |k: usize| {
                        word(k)
                            && ctx.kind(k) == TokenKind::Word
                            && ctx.toks.tokens[k].has(flags::UPPER)
                            && self.entity_at(k).is_none()
                    };
                    // `parcs solaires et de batteries`, `à Tokyo, Dubaï et
                    // Miami`: a coordination inside the noun phrase goes on
                    // (`et 6 M€ à la rénovation` opens another amount's).
                    let goes_on = |k: usize| {
                        k + 1 < n
                            && ((ctx.fold(k) == "et"
                                && (matches!(ctx.fold(k + 1), "de" | "d'" | "du" | "des")
                                    || place(k + 1)))
                                || (ctx.is_comma(k) && k > 0 && place(k - 1) && place(k + 1)))
                    };
                    let mut e = q;
                    while e < n
                        && e - q < TEXT_WORDS
                        && ((word(e) && !self.cue(Cue::PhraseEnd, e)) || goes_on(e))
                        && !self.entity_at(e).is_some_and(|x| {
                            matches!(self.ents[x].label, Label::Money | Label::Date)
                        })
                    {
                        e += 1;
                    }
                    while e > q + 1
                        && (ctx.is_stopword(e - 1) || ctx.kind(e - 1) == TokenKind::Elision)
                    {
                        e -= 1;
                    }
                    if e > q {
                        return Some((q, e));
                    }
                }
            }
            p += 1;
        }
        None
    }

    /// The subject: see the module documentation.
    fn subject(&self, first: usize, spec: &SlotSpec) -> Vec<usize> {
        let ctx = self.ctx;
        let mut k = first;
        let mut steps = 0;
        while k > 0 && steps < 30 && ctx.same_sentence(k - 1, first) {
            k -= 1;
            steps += 1;
            // `Le groupe, qui fournit Stellantis et Renault, a vu…`: a
            // relative clause between commas holds no subject of the verb.
            if ctx.is_comma(k) {
                if let Some(open) = self.relative_clause_opening(k) {
                    // `Fonderies du Doubs, que le fonds Mutares, spécialiste
                    // des entreprises en difficulté, pourrait racheter`: the
                    // trigger is the clause's own verb, the name after `que`
                    // its subject.
                    if let Some(e) = self
                        .que_clause_subject(open, k)
                        .filter(|&e| spec.labels.contains(&self.ents[e].label))
                    {
                        return self.coordinated_left(e, &spec.labels);
                    }
                    k = open;
                    continue;
                }
                if let Some(open) = self.participial_incise_opening(k) {
                    k = open;
                    continue;
                }
                // `Théo Vasseur, cofondateur de la plateforme Domicilio, a
                // assigné…`: the person an apposed role describes, not the
                // organisation in the role's complement.
                if let Some(p) = self
                    .before_apposition(k)
                    .filter(|&e| self.ents[e].label == Label::Person)
                    .filter(|&e| spec.labels.contains(&self.ents[e].label))
                {
                    return self.coordinated_left(p, &spec.labels);
                }
                // `Horizon Médias, propriétaire de la chaîne Canal Azur, a
                // annoncé le rachat…`: the name an apposition describes,
                // not one in the apposition's complements.
                if let Some(e) = self
                    .described_by_apposition(k)
                    .filter(|&e| spec.labels.contains(&self.ents[e].label))
                {
                    return self.coordinated_left(e, &spec.labels);
                }
            }
            if ctx.fold(k) == "qui" {
                let mut a = k;
                while a > 0 && ctx.is_comma(a - 1) {
                    a -= 1;
                }
                // `celui de Peter Deng, qui a rejoint`: the antecedent, or nobody
                // (`les talents qui quittent OpenAI`).
                let fits = |e: &usize| spec.labels.contains(&self.ents[*e].label);
                // `Agathe Morvillier, présidente de Vigilium, qui avait
                // cofondé…`: the organisation of an apposed role is no
                // antecedent when the person it describes fits.
                let apposed_person = self
                    .before_apposition(a)
                    .filter(fits)
                    .filter(|&e| self.ents[e].label == Label::Person);
                let antecedent = (a > 0)
                    .then(|| self.entity_at(a - 1))
                    .flatten()
                    .filter(fits)
                    .filter(|&e| {
                        !(self.ents[e].label == Label::Org
                            && self.is_complement(self.ents[e].first as usize)
                            && apposed_person.is_some())
                    })
                    .or_else(|| self.before_apposition(a).filter(fits));
                return match antecedent {
                    Some(e) => self.coordinated_left(e, &spec.labels),
                    // `celui qui avait cofondé…`, `ce dernier, qui`: the
                    // pronoun's own referent.
                    None if a > 0 && self.cue(Cue::Pronoun, a - 1) => {
                        self.salient(first, spec).into_iter().collect()
                    }
                    // `directeur général de la start-up, qui a levé…`: a
                    // company noun in a complement names an organisation of
                    // its own sentence (as subject, `Le club, qui…`, it is
                    // left to the `topic`).
                    None if a > 0
                        && spec.labels.contains(&Label::Org)
                        && self.is_company_noun(a - 1)
                        && self.is_complement(a - 1) =>
                    {
                        self.anaphor_org(a - 1).into_iter().collect()
                    }
                    None => Vec::new(),
                };
            }
            // `L'association Vercors Eau Claire a, elle, porté plainte`: a
            // pronoun between commas stresses the subject written before it.
            if self.cue(Cue::Pronoun, k)
                && k > 0
                && k + 1 < ctx.len()
                && ctx.is_comma(k - 1)
                && ctx.is_comma(k + 1)
            {
                continue;
            }
            // `Sa filiale Arvel Monaco a quant à elle essuyé une perte`:
            // so does `quant à` and a pronoun.
            if self.cue(Cue::Pronoun, k)
                && k >= 2
                && ctx.word(k - 1) == "à"
                && ctx.fold(k - 2) == "quant"
            {
                k -= 2;
                continue;
            }
            // `La CGT a fait savoir lundi qu'elle attaquerait Forgeval`: a
            // pronoun opening reported speech is the subject of the verb
            // of saying (a `que` after a comma opens a relative clause
            // instead: `la condamnation de Bouvret, qu'elle poursuivait`).
            if self.cue(Cue::Pronoun, k)
                && k > 1
                && self.cue(Cue::Complementizer, k - 1)
                && ctx.kind(k - 2) != TokenKind::Punct
            {
                let speaker = self.subject(k - 1, spec);
                if !speaker.is_empty() {
                    return speaker;
                }
            }
            let anaphor = self.is_company_noun(k);
            // `La banque lyonnaise sort d'une passe difficile. Elle a
            // perdu…`: a pronoun that can only be an organisation stands
            // for the company noun just before it.
            if !anaphor
                && self.cue(Cue::Pronoun, k)
                && steps <= 8
                && self.entity_at(k).is_none()
                && !spec.labels.contains(&Label::Person)
                && spec.labels.contains(&Label::Org)
            {
                if let Some(noun) = self.company_noun_before(k) {
                    return self.org_for_noun(noun, noun).into_iter().collect();
                }
            }
            if (anaphor || self.cue(Cue::Pronoun, k)) && steps <= 8 && self.entity_at(k).is_none() {
                // `le groupe est poursuivi`: a company noun stands for an
                // organisation, a pronoun first for a person.
                if anaphor && spec.labels.contains(&Label::Org) {
                    return self.org_for_noun(k, first).into_iter().collect();
                }
                return self.salient(first, spec).into_iter().collect();
            }
            if let Some(e) = self.entity_at(k) {
                let start = self.ents[e].first as usize;
                if spec.labels.contains(&self.ents[e].label) && !self.is_complement(start) {
                    return self.coordinated_left(e, &spec.labels);
                }
                // `la direction de Vibra TV a choisi X`: the organisation
                // a governing body belongs to acts through it.
                if self.ents[e].label == Label::Org
                    && spec.labels.contains(&Label::Org)
                    && self.complements_a_body(start)
                {
                    return vec![e];
                }
                k = start;
            }
        }
        Vec::new()
    }

    /// The company noun a pronoun at token `pronoun` takes up: the last one
    /// before it in its sentence or the one before that opens a clause (at
    /// the start of its sentence or after punctuation: a subject, not an
    /// object), with no organisation named between them.
    fn company_noun_before(&self, pronoun: usize) -> Option<usize> {
        let ctx = self.ctx;
        let sentence = ctx.toks.sentence_of[pronoun];
        for k in (pronoun.saturating_sub(2 * REACH)..pronoun).rev() {
            if ctx.toks.sentence_of[k] + 1 < sentence {
                break;
            }
            if self
                .entity_at(k)
                .is_some_and(|e| self.ents[e].label == Label::Org)
            {
                return None;
            }
            if self.is_company_noun(k) && self.opens_clause(k - 1) {
                return Some(k);
            }
        }
        None
    }

    /// Whether the token `det` (a noun's determiner) opens a clause: at the
    /// start of its sentence or after punctuation (a subject, not an
    /// object).
    fn opens_clause(&self, det: usize) -> bool {
        let ctx = self.ctx;
        det == 0 || !ctx.same_sentence(det - 1, det) || ctx.kind(det - 1) == TokenKind::Punct
    }

    /// Whether only a dative pronoun (`lui`, `leur`) stands between the
    /// start of the trigger's sentence and the trigger at token `first`:
    /// the subject is then inverted (`Lui succède X`).
    fn after_dative_only(&self, first: usize) -> bool {
        let ctx = self.ctx;
        let start = (0..first)
            .rev()
            .take_while(|&k| ctx.same_sentence(k, first))
            .last();
        start.is_some_and(|s| (s..first).all(|k| matches!(ctx.fold(k), "lui" | "leur")))
    }

    /// Whether the entity starting at token `start` complements a governing
    /// body that opens its clause: a determiner and a `body` cue of
    /// `event_cues.tsv` at the sentence's start or after a comma, at most
    /// three words of its own, then `de` (`le conseil de surveillance
    /// d'APG`, `la direction de Vibra TV`, `les actionnaires de X`).
    fn complements_a_body(&self, start: usize) -> bool {
        let ctx = self.ctx;
        let mut p = start;
        if p > 0 && self.cue(Cue::Determiner, p - 1) && !matches!(ctx.fold(p - 1), "de" | "d'") {
            p -= 1;
        }
        if p == 0 || !matches!(ctx.fold(p - 1), "de" | "d'" | "du" | "des") {
            return false;
        }
        let prep = p - 1;
        (prep.saturating_sub(4)..prep).any(|b| {
            b >= 1
                && ctx.same_sentence(b - 1, start)
                && self.cue(Cue::Body, b)
                && self.cue(Cue::Determiner, b - 1)
                && (b == 1 || !ctx.same_sentence(b - 2, b) || ctx.is_comma(b - 2))
                && (b + 1..prep).all(|w| self.entity_at(w).is_none())
        })
    }

    /// The name a participle right after a comma is set off from: the
    /// entity ending at the comma, or the one before an apposed role
    /// (`Julien Caradec, responsable de l'ingénierie, parti…`) or before a
    /// bare company noun (`Voltéo, start-up fondée…`).
    fn apposed_to(&self, first: usize) -> Option<usize> {
        let ctx = self.ctx;
        // `Voltéo, start-up fondée en 2021 par…`: a company noun without an
        // article is set off from the organisation before the comma.
        if first >= 3
            && self.entity_at(first - 1).is_none()
            && self.cue(Cue::Anaphor, first - 1)
            && ctx.is_comma(first - 2)
            && ctx.same_sentence(first - 3, first)
        {
            return self
                .entity_at(first - 3)
                .filter(|&e| self.ents[e].label == Label::Org);
        }
        if first < 2 || ctx.word(first - 1) != "," || !ctx.same_sentence(first - 2, first) {
            return None;
        }
        // `La maison, fondée en 1921 par…`: the organisation it stands for.
        if self.entity_at(first - 2).is_none() && self.is_company_noun(first - 2) {
            return self.org_for_noun(first - 2, first);
        }
        let mut e = self.entity_at(first - 2)?;
        if self.ents[e].label == Label::Role {
            let start = self.ents[e].first as usize;
            if start < 2 || ctx.word(start - 1) != "," || !ctx.same_sentence(start - 2, first) {
                return None;
            }
            e = self.entity_at(start - 2)?;
        }
        matches!(self.ents[e].label, Label::Person | Label::Org).then_some(e)
    }

    /// Whether the participle at `first` follows a comma right after a
    /// lowercase word that is no entity, company noun or pronoun (`Le
    /// chantier informatique, lancé`).
    fn after_common_noun(&self, first: usize) -> bool {
        let ctx = self.ctx;
        if first < 2 || !ctx.is_comma(first - 1) || !ctx.same_sentence(first - 2, first) {
            return false;
        }
        let k = first - 2;
        let t = &ctx.toks.tokens[k];
        t.kind == crate::tokenize::TokenKind::Word
            && !t.has(crate::tokenize::flags::UPPER)
            && self.entity_at(k).is_none()
            && !ctx.is_stopword(k)
            && !self.cue(Cue::Anaphor, k)
            && !self.cue(Cue::Pronoun, k)
    }

    /// The comma opening a relative clause (`, qui …`, `, dont …`: a
    /// `relative` cue of `event_cues.tsv`) that the comma `close` ends,
    /// within 20 tokens of it, past at most two commas of the clause's own
    /// appositions (`X, dont le porte-parole, Kevin Lemonnier, réclame un
    /// audit, a attaqué…`).
    fn relative_clause_opening(&self, close: usize) -> Option<usize> {
        let mut at = close;
        for _ in 0..3 {
            let open = self.comma_before(at, 20)?;
            // `, dont Daniel Kokotajlo et Pavel Izmailov, ont démissionné`:
            // `dont` before a name lists members, it opens no clause.
            let listing = self.cue(Cue::Inclusion, open + 1) && self.entity_at(open + 2).is_some();
            if open + 1 < self.ctx.len() && self.cue(Cue::Relative, open + 1) && !listing {
                return Some(open);
            }
            at = open;
        }
        None
    }

    /// The subject of a `que` clause opened at the comma `open` that the
    /// comma `close` does not end: a name after `que` (and up to three
    /// lowercase words: `le fonds munichois`) followed by a comma of its own
    /// apposition, so the clause's verb comes after `close`. `que Luc Marin
    /// a créée en 2018,` has its verb inside: no subject then.
    fn que_clause_subject(&self, open: usize, close: usize) -> Option<usize> {
        let ctx = self.ctx;
        if !self.cue(Cue::Complementizer, open + 1) {
            return None;
        }
        let mut p = open + 2;
        while p < close
            && p < open + 5
            && self.entity_at(p).is_none()
            && ctx.kind(p) == crate::tokenize::TokenKind::Word
        {
            p += 1;
        }
        let e = self.entity_at(p)?;
        let end = self.ents[e].end as usize;
        (self.ents[e].first as usize == p && end < close && ctx.is_comma(end)).then_some(e)
    }

    /// `Pyrène Capital, dirigé par son fondateur, l'ancien international
    /// Julien Aragou, a finalisé…`: the comma opening a passive participle
    /// and its agent (`dirigé par`, `fondée par`, `détenu par`) that the
    /// comma `close` ends, past at most two commas of the agent's own
    /// appositions. Its names are not the subject of the verb after it.
    fn participial_incise_opening(&self, close: usize) -> Option<usize> {
        let ctx = self.ctx;
        let mut at = close;
        for _ in 0..3 {
            let open = self.comma_before(at, 20)?;
            let verb = open + 1;
            // `dirigé par`, `créée en 1998 par`: the agent after the
            // participle, a date at most between.
            let by = (open + 2..(open + 5).min(close)).find(|&k| self.cue(Cue::Agent, k));
            // A name right before the incise is the one it describes (`un
            // collectif, emmené par l'association X, a assigné` has none:
            // there the agent stands for the subject), or a company noun
            // standing for one (`l'entreprise, créée en 1998 par…`).
            if by.is_some()
                && open > 0
                && (self.entity_at(open - 1).is_some() || self.is_company_noun(open - 1))
                && ctx.kind(verb) == crate::tokenize::TokenKind::Word
                && ctx
                    .word(verb)
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase)
                && ["é", "ée", "és", "ées"]
                    .iter()
                    .any(|e| ctx.word(verb).ends_with(e))
            {
                return Some(open);
            }
            at = open;
        }
        None
    }

    /// The nearest comma before token `at`, within `within` tokens of its
    /// sentence.
    fn comma_before(&self, at: usize, within: usize) -> Option<usize> {
        let ctx = self.ctx;
        (at.saturating_sub(within)..at)
            .rev()
            .take_while(|&k| ctx.same_sentence(k, at))
            .find(|&k| ctx.is_comma(k))
    }

    /// `Sandrine Le Goff, directrice générale déléguée depuis 2022, qui…`:
    /// the entity before an apposition holding a role that ends at the comma
    /// `comma`.
    fn before_apposition(&self, comma: usize) -> Option<usize> {
        let open = self.comma_before(comma, 12)?;
        let holds_role = (open + 1..comma).any(|k| {
            self.entity_at(k)
                .is_some_and(|e| self.ents[e].label == Label::Role)
        });
        // `C'est Joachim Steiner, 51 ans, qui lui succédera`: an age.
        let age = comma == open + 3
            && self.ctx.kind(open + 1) == crate::tokenize::TokenKind::Number
            && self.ctx.fold(open + 2) == "ans";
        ((holds_role || age) && open > 0)
            .then(|| self.entity_at(open - 1))
            .flatten()
    }

    /// `Valentia Invest, la société d'investissement de Thibault Sarrazin,
    /// a racheté…`: the entity (no complement) right before an apposition
    /// that ends at the comma `close` and opens on a lowercase word that is
    /// no conjunction, within 20 tokens; the apposition's first words hold
    /// no trigger (`X, start-up fondée en 2011 par Y,` tells an event of
    /// its own; `la société d'investissement de` does not).
    fn described_by_apposition(&self, close: usize) -> Option<usize> {
        let ctx = self.ctx;
        let open = self.comma_before(close, 20)?;
        let head = open + 1;
        if open == 0
            || head >= close
            || ctx.kind(head) != crate::tokenize::TokenKind::Word
            || !ctx
                .word(head)
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
            || self.cue(Cue::Conjunction, head)
            || (head..(head + 3).min(close)).any(|k| ctx.hits.is_marked(k, marks::TRIGGER_WORD))
        {
            return None;
        }
        let e = self.entity_at(open - 1)?;
        (!self.is_complement(self.ents[e].first as usize)).then_some(e)
    }

    /// The object of a participle opening its sentence: the entity right
    /// after the comma that closes the participle's phrase, or the salient
    /// one when `la société`, `la marque` or a pronoun stands there.
    fn fronted_object(&self, first: usize, end: usize, spec: &SlotSpec) -> Vec<usize> {
        let ctx = self.ctx;
        // The phrase may hold commas of its own: `Fondée en 2016 par X et Y,
        // deux anciens d'EDF, Aubrac Énergies…`, `par X, Y et Z, la marque…`.
        // The first comma followed by the slot's entity or an anaphor ends it.
        let commas = (end..(end + 30).min(ctx.len()))
            .take_while(|&k| ctx.same_sentence(first, k))
            .filter(|&k| ctx.is_comma(k))
            .take(5);
        for comma in commas {
            let mut p = comma + 1;
            if p < ctx.len() && self.cue(Cue::Determiner, p) {
                p += 1;
            }
            // `Évincé en janvier, M. Aubertin-Lacaze conteste`.
            if p + 1 < ctx.len() && ctx.is(p, crate::gazetteer::EntryKind::Title) {
                p += 1;
            }
            if let Some(e) = self.starting(p, &spec.labels) {
                return vec![e];
            }
            if p < ctx.len()
                && (self.cue(Cue::Anaphor, p) || self.referent(p).is_some())
                && spec.labels.contains(&Label::Org)
            {
                return self.org_for_noun(p, first).into_iter().collect();
            }
            if p < ctx.len() && (self.cue(Cue::Anaphor, p) || self.cue(Cue::Pronoun, p)) {
                return self.salient(first, spec).into_iter().collect();
            }
        }
        Vec::new()
    }

    /// Whether the entity starting at `start` follows a preposition (a title may stand between).
    fn is_complement(&self, start: usize) -> bool {
        // `consacré plus de 6 millions`, `jusqu'à 20 millions`: the `de` and
        // `à` of an amount's qualifier make no complement.
        let qualified = (start.saturating_sub(4)..start).any(|i| {
            self.ctx
                .hits_at(i, crate::gazetteer::EntryKind::Qualifier)
                .any(|h| h.end as usize == start)
        });
        // `consacrera entre 10 et 15 millions d'euros`: the `entre` of a
        // range opens no complement.
        let range = self
            .entity_at(start)
            .and_then(|e| self.ents[e].amount.as_ref())
            .is_some_and(|a| a.min.is_some() && a.max.is_some());
        if qualified || range {
            return false;
        }
        let mut p = start;
        if p > 0 && self.ctx.is(p - 1, crate::gazetteer::EntryKind::Title) {
            p -= 1;
        }
        // `devant le Conseil d'État`.
        if p > 1 && self.cue(Cue::Determiner, p - 1) {
            p -= 1;
        }
        p > 0 && self.cue(Cue::Preposition, p - 1)
    }

    /// `A, B et C a…`: the entities coordinated before `e`. The link next
    /// to `e` must be `et`: in `Filiale du fonds X, Y a investi…` the comma
    /// closes a fronted phrase and `Y` alone is the subject.
    fn coordinated_left(&self, e: usize, labels: &[Label]) -> Vec<usize> {
        let ctx = self.ctx;
        let mut out = vec![e];
        let mut start = self.ents[e].first as usize;
        // `Sérignac et Mme Doumergue`: a title stands outside the name.
        let past_title = |start: usize| {
            if start > 0 && ctx.is(start - 1, crate::gazetteer::EntryKind::Title) {
                start - 1
            } else {
                start
            }
        };
        start = past_title(start);
        if start == 0 || ctx.fold(start - 1) != "et" {
            return out;
        }
        let reach = start.saturating_sub(REACH);
        while start >= 2
            && start > reach
            && matches!(ctx.fold(start - 1), "et" | ",")
            && ctx.same_sentence(start - 2, start)
        {
            match self
                .entity_at(start - 2)
                .filter(|&p| labels.contains(&self.ents[p].label))
            {
                Some(p) => {
                    out.push(p);
                    start = past_title(self.ents[p].first as usize);
                }
                None => break,
            }
        }
        out.reverse();
        out
    }

    /// `A, B et C`: the entities coordinated after `e`. Members joined by a
    /// comma count only when an `et` closes the list: in `par X, Studio Y a
    /// réalisé…` the comma ends the phrase.
    fn coordinated_right(&self, e: usize, labels: &[Label]) -> Vec<usize> {
        let ctx = self.ctx;
        let mut out = vec![e];
        let mut closed = 1;
        let mut end = self.ents[e].end as usize;
        let reach = end + REACH;
        while end + 1 < ctx.len().min(reach) && matches!(ctx.fold(end), "et" | "," | "ainsi") {
            let mut by_et = ctx.fold(end) == "et";
            let mut q = end + 1;
            // `X, ainsi qu'Aquilon Medical`, `X ainsi que Y`: closes the list
            // like `et`.
            let ainsi = if ctx.fold(end) == "ainsi" { end } else { q };
            if ainsi + 1 < ctx.len()
                && ctx.fold(ainsi) == "ainsi"
                && matches!(ctx.fold(ainsi + 1), "que" | "qu'")
            {
                by_et = true;
                q = ainsi + 2;
            }
            // `auprès du fonds Meridiam et de la Banque des Territoires`,
            // `par X et par Y`: the list repeats its preposition.
            if q < ctx.len() && matches!(ctx.fold(q), "de" | "d'" | "du" | "des" | "par") {
                q += 1;
            }
            // `et le Dr Thomas Achour`, `et du fonds américain Crestline Ventures`.
            match self.name_at(q, labels) {
                Some(p) => {
                    out.push(p);
                    end = self.ents[p].end as usize;
                    if by_et {
                        closed = out.len();
                    }
                }
                // `par Mathilde Roussange, ancienne chercheuse du CEA, et
                // Karim Belhadj`: an apposition closed by `, et`.
                None if !by_et => match self.apposition_then_et(end, labels) {
                    Some(p) => {
                        out.push(p);
                        end = self.ents[p].end as usize;
                        closed = out.len();
                    }
                    None => break,
                },
                None => break,
            }
        }
        out.truncate(closed);
        out
    }

    /// After the comma `comma` that follows a list member: an apposition of
    /// at most eight tokens naming no entity of `labels`, then `, et` and
    /// the next member.
    fn apposition_then_et(&self, comma: usize, labels: &[Label]) -> Option<usize> {
        let ctx = self.ctx;
        let close = (comma + 1..(comma + 10).min(ctx.len()))
            .take_while(|&k| ctx.same_sentence(comma, k))
            .find(|&k| ctx.is_comma(k))?;
        if close + 2 >= ctx.len() || ctx.fold(close + 1) != "et" {
            return None;
        }
        // `ancienne chercheuse du CEA`: a complement is no member.
        let holds_member = (comma + 1..close)
            .any(|k| self.starting(k, labels).is_some() && !self.is_complement(k));
        if holds_member {
            return None;
        }
        let mut q = close + 2;
        if matches!(ctx.fold(q), "de" | "d'" | "du" | "des" | "par") {
            q += 1;
        }
        self.name_at(q, labels)
    }

    /// The salient entity for a pronoun or `l'entreprise`.
    fn salient(&self, first: usize, spec: &SlotSpec) -> Option<usize> {
        let ctx = self.ctx;
        if spec.labels.contains(&Label::Person) {
            let sentence = ctx.toks.sentence_of[first];
            let person = (first.saturating_sub(2 * REACH)..first)
                .rev()
                .take_while(|&k| ctx.toks.sentence_of[k] + 1 >= sentence)
                .find_map(|k| {
                    self.entity_at(k)
                        .filter(|&e| self.ents[e].label == Label::Person && !self.counsel[e])
                });
            // `Fondé en 1987 par Jacques Lancelin, Lancelin Avocats compte
            // 70 avocats. Il avait absorbé…`: a person named in a complement
            // is not what the next clause's pronoun takes up when an
            // organisation may be meant.
            let in_complement = |e: usize| {
                spec.labels.contains(&Label::Org) && self.is_complement(self.ents[e].first as usize)
            };
            if person.is_some_and(|e| !in_complement(e)) {
                return person;
            }
        }
        if spec.labels.contains(&Label::Org) {
            return self.salient_org(first);
        }
        None
    }

    /// The person a stressed pronoun (a `stressed` cue of
    /// `event_cues.tsv`) at token `q` stands for in a
    /// complement (`a porté plainte contre lui`): the last person named
    /// before it in its sentence or the one before, passing over the
    /// clause's own subject before the trigger ending at `end` (`X a porté
    /// plainte contre lui` is not about X).
    fn stressed_pronoun(&self, q: usize, end: usize, labels: &[Label]) -> Option<usize> {
        let ctx = self.ctx;
        if q >= ctx.len() || !labels.contains(&Label::Person) || !self.cue(Cue::Stressed, q) {
            return None;
        }
        let sentence = ctx.toks.sentence_of[q];
        (q.saturating_sub(2 * REACH)..q)
            .rev()
            .take_while(|&k| ctx.toks.sentence_of[k] + 1 >= sentence)
            .filter_map(|k| {
                self.entity_at(k)
                    .filter(|&e| self.ents[e].first as usize == k)
            })
            .find(|&e| {
                let start = self.ents[e].first as usize;
                // A semicolon ends the clause: `X, licencié … ; Vigilis a
                // porté plainte contre lui`.
                let subject = start < end
                    && ctx.toks.sentence_of[start] == sentence
                    && !self.is_complement(start)
                    && !(start..end).any(|k| ctx.word(k) == ";");
                self.ents[e].label == Label::Person && !self.counsel[e] && !subject
            })
    }

    /// Whether the role starting at token `role` is one held before:
    /// `jusqu'ici`, `jusqu'alors`, `ancien`, `ex-` (a `former` cue of
    /// `event_cues.tsv`) right before it.
    fn is_former_role(&self, role: usize) -> bool {
        let ctx = self.ctx;
        (role.saturating_sub(2)..role).any(|k| {
            self.cue(Cue::Former, k)
                || (k > 0 && ctx.fold(k - 1) == "jusqu'" && matches!(ctx.fold(k), "ici" | "alors"))
        })
    }

    /// The organisation a company noun in a complement at token `at` stands
    /// for: one named earlier in its own sentence (`Chez Mistral AI, il
    /// travaillera auprès du directeur de la start-up, qui a levé…`), else
    /// the salient one.
    fn anaphor_org(&self, at: usize) -> Option<usize> {
        let upto = self.ents.partition_point(|e| (e.first as usize) < at);
        (0..upto)
            .rev()
            .take_while(|&e| {
                let start = self.ents[e].first as usize;
                self.ctx.same_sentence(start, at) && at - start <= REACH
            })
            .find(|&e| self.ents[e].label == Label::Org)
            .or_else(|| self.org_for_noun(at, at))
    }

    /// The organisation the company noun at token `noun` stands for: the
    /// last one the text introduced with the same noun, else the salient
    /// one at token `at`.
    fn org_for_noun(&self, noun: usize, at: usize) -> Option<usize> {
        self.org_for_noun_except(noun, at, &[])
    }

    /// [`Self::org_for_noun`] among the organisations not in `except`.
    fn org_for_noun_except(&self, noun: usize, at: usize, except: &[usize]) -> Option<usize> {
        self.referent(noun)
            .filter(|e| !except.contains(e))
            .or_else(|| {
                self.salience
                    .org_for_noun_except(self.ctx, self.ents, noun, at, except)
            })
    }

    /// The organisation a pronoun or `la société` stands for: the one a
    /// `refer` noun subject just before stands for ([`Self::referring_subject`]),
    /// else the salient one.
    fn salient_org(&self, first: usize) -> Option<usize> {
        self.referring_subject(first, 1)
            .map(|(_, e)| e)
            .or_else(|| self.salience.org_at(self.ctx, self.ents, first))
    }

    /// The token and referent of a `refer` noun opening a clause before
    /// token `at`, in its sentence or up to `sentences_back` sentences
    /// before, with no organisation named outside a complement between
    /// them: `Fondée en 2019, la cible avait levé 30 M€ auprès d'Eurazeo,
    /// mais elle n'a jamais été rentable : sa perte…` (the target). The
    /// salience of [`crate::salience`] knows names only; what `la cible`
    /// stands for is known only once the acquisition before it is found.
    fn referring_subject(&self, at: usize, sentences_back: u32) -> Option<(usize, usize)> {
        if self.set.refers.is_empty() {
            return None;
        }
        let ctx = self.ctx;
        let sentence = ctx.toks.sentence_of[at];
        for k in (at.saturating_sub(2 * REACH)..at).rev() {
            if ctx.toks.sentence_of[k] + sentences_back < sentence {
                break;
            }
            if self.entity_at(k).is_some_and(|e| {
                self.ents[e].label == Label::Org && !self.is_complement(self.ents[e].first as usize)
            }) {
                return None;
            }
            if k > 0 && self.is_company_noun(k) && self.opens_clause(k - 1) {
                if let Some(e) = self.referent(k) {
                    return Some((k, e));
                }
            }
        }
        None
    }

    /// The entity the passage is about, for a `topic` slot still empty: the
    /// nearest entity of the slot's labels before the trigger in its
    /// sentence that is not a complement, else what an event found before
    /// it in its sentence (`earlier`) holds in that slot, else the
    /// document's main organisation (measured on the dev split: better than
    /// the subject of the sentences before, which are often about investors
    /// or buyers). Entities already in the event are skipped (a buyer is
    /// not its own target).
    fn topic(
        &self,
        first: usize,
        spec: &SlotSpec,
        used: &[usize],
        earlier: &[FoundEvent],
    ) -> Option<usize> {
        let sentence_of = &self.ctx.toks.sentence_of;
        let here = sentence_of[first];
        let fits = |k: usize| {
            spec.labels.contains(&self.ents[k].label) && !used.contains(&k) && !self.is_court(k)
        };
        // Entities are in text order: start from the last one before the trigger.
        let upto = self.ents.partition_point(|e| (e.first as usize) < first);
        let before = (0..upto)
            .rev()
            .filter(|&k| (self.ents[k].end as usize) <= first)
            .take_while(|&k| {
                sentence_of[self.ents[k].first as usize] == here
                    && first - (self.ents[k].first as usize) <= REACH
            })
            .find(|&k| fits(k) && !self.is_complement(self.ents[k].first as usize));
        // `Pour l'exercice 2026, l'acquéreur a publié un produit net
        // bancaire de…`, `La cible, qui a perdu…`: a `refer` noun subject
        // nearer the trigger than any name.
        let referred = spec
            .labels
            .contains(&Label::Org)
            .then(|| self.referring_subject(first, 0))
            .flatten()
            .filter(|&(noun, e)| {
                fits(e) && !before.is_some_and(|b| (self.ents[b].first as usize) > noun)
            });
        // `Elle a réalisé un chiffre d'affaires de 31 M€, mais aussi une
        // perte de 2,4 M€`: a trigger of the clause before, in the same
        // sentence, found what the passage is about.
        let shared = || {
            earlier
                .iter()
                .rev()
                .take_while(|ev| {
                    ev.trigger.0 < first && self.ctx.same_sentence(ev.trigger.0, first)
                })
                .find_map(|ev| {
                    ev.args
                        .iter()
                        .find(|(s, v)| *s == spec.slot && v.len() == 1 && fits(v[0]))
                        .map(|(_, v)| v[0])
                })
        };
        referred
            .map(|(_, e)| e)
            .or(before)
            .or_else(shared)
            .or_else(|| {
                spec.labels
                    .contains(&Label::Org)
                    .then_some(self.salience.main)
                    .flatten()
                    .filter(|&k| !used.contains(&k))
            })
    }

    /// Whether entity `e` is a court: see [`Ctx::is_court`].
    fn is_court(&self, e: usize) -> bool {
        self.ctx.is_court(&self.ents[e])
    }

    /// The object: the first entity of the slot's labels after the trigger.
    fn object(
        &self,
        (first, end): (usize, usize),
        spec: &SlotSpec,
        next_trigger: Option<usize>,
        held: &[(String, Vec<usize>)],
    ) -> Vec<usize> {
        let ctx = self.ctx;
        if let Some(e) = self.clitic_object(first, spec, held) {
            return vec![e];
        }
        // Ten words or entities: `a licencié dans la foulée son directeur
        // commercial pour la France, Didier Maréchal` counts the role once.
        let limit = ctx.len().min(next_trigger.unwrap_or(usize::MAX));
        // `attaquer Médiapolis en justice`: inside a phrase with a gap.
        if let Some(e) = (first + 1..end).find_map(|k| {
            self.starting(k, &spec.labels)
                .filter(|_| !self.is_complement(k))
        }) {
            return self.coordinated_right(e, &spec.labels);
        }
        // `a attaqué le journal en justice`: a company noun in the gap.
        if spec.labels.contains(&Label::Org) {
            if let Some(k) = (first + 1..end).find(|&k| self.is_company_noun(k)) {
                let used = held_entities(held);
                return self
                    .org_for_noun_except(k, end, &used)
                    .into_iter()
                    .collect();
            }
        }
        let mut k = end;
        let mut steps = 0;
        while k < limit && steps < 10 && ctx.same_sentence(end.saturating_sub(1), k) {
            if let Some(e) = self.starting(k, &spec.labels) {
                if k == end || !self.is_complement(k) {
                    return self.coordinated_right(e, &spec.labels);
                }
            }
            // `rejoindra le comité exécutif d'Horizon Médias`: an organisation
            // completing the noun phrase right after the trigger.
            if k == end && spec.labels == [Label::Org] {
                if let Some(e) = self.org_completing_noun_phrase(end, limit) {
                    return vec![e];
                }
            }
            // `prendra la tête de la filiale`: a company noun right after the
            // trigger stands for the organisation the passage is about (a
            // date may stand between: `a assigné mardi l'employeur`).
            if steps <= 2
                && spec.labels.contains(&Label::Org)
                && self.is_company_noun(k)
                && self.entity_at(k).is_none()
                && !self.introduces_name(k, &spec.labels, limit)
            {
                // `Le syndicat a assigné l'employeur`: the organisation the
                // noun stands for is not one the event already holds.
                let used = held_entities(held);
                return self
                    .org_for_noun_except(k, end, &used)
                    .into_iter()
                    .collect();
            }
            // `a assigné en février l'équipementier`: a date and its
            // preposition count as one step.
            let date_next = self.entity_at(k + 1).is_some_and(|e| {
                self.ents[e].label == Label::Date && self.ents[e].first as usize == k + 1
            });
            if !(date_next && self.cue(Cue::Preposition, k)) {
                steps += 1;
            }
            k = self
                .entity_at(k)
                .map_or(k + 1, |e| self.ents[e].end as usize);
        }
        self.relative_object(first, spec).into_iter().collect()
    }

    /// `Cipherwell l'a attaqué en octobre`, `il l'a assignée en mars`: the
    /// object pronoun `l'` before the auxiliary of a trigger stands for an
    /// organisation, when the slot takes one: the one a company noun opening
    /// a clause before it stands for, else the salient one, never one the
    /// event already holds (the plaintiff).
    fn clitic_object(
        &self,
        first: usize,
        spec: &SlotSpec,
        held: &[(String, Vec<usize>)],
    ) -> Option<usize> {
        let ctx = self.ctx;
        if first < 2 || !spec.labels.contains(&Label::Org) {
            return None;
        }
        // `l'a attaqué`, or with up to two adverb words between the
        // auxiliary and the participle (`l'a depuis attaqué`, `l'a par
        // ailleurs assigné`).
        let auxiliary = (first.saturating_sub(3)..first).rev().find(|&k| {
            k > 0
                && ctx.fold(k - 1) == "l'"
                && ctx.same_sentence(k - 1, first)
                && (self.cue(Cue::Past, k) || self.cue(Cue::Hypothetical, k))
                && (k + 1..first).all(|j| {
                    let t = &ctx.toks.tokens[j];
                    t.kind == TokenKind::Word
                        && !t.has(crate::tokenize::flags::UPPER)
                        && self.entity_at(j).is_none()
                })
        })?;
        let pronoun = auxiliary - 1;
        let used = held_entities(held);
        match self.company_noun_before(pronoun) {
            Some(noun) => self.org_for_noun_except(noun, first, &used),
            None => self
                .salience
                .org_at_except(self.ctx, self.ents, first, &used),
        }
    }

    /// `la condamnation de Bouvret, qu'elle poursuivait`: in a relative
    /// clause opened by `que`, the object is the antecedent, the name right
    /// before `que` (or before its comma), or the organisation a company
    /// noun there stands for (`La société, qu'il a créée`). A subject
    /// pronoun or name and an auxiliary may stand between `que` and the
    /// trigger, or a subject with its apposition (`que le fonds Mutares,
    /// spécialiste des entreprises en difficulté, pourrait racheter`).
    fn relative_object(&self, first: usize, spec: &SlotSpec) -> Option<usize> {
        let ctx = self.ctx;
        let auxiliary = |k: usize| {
            self.cue(Cue::Auxiliary, k)
                || self.cue(Cue::Past, k)
                || self.cue(Cue::Hypothetical, k)
                || self.cue(Cue::Planned, k)
        };
        let near = (first.saturating_sub(6)..first)
            .rev()
            .find(|&k| self.cue(Cue::Complementizer, k))
            .filter(|&que| {
                // `que Luc Marin a créée`: the clause's own subject, a name,
                // may stand there too.
                (que + 1..first).all(|k| {
                    self.cue(Cue::Pronoun, k)
                        || auxiliary(k)
                        || self
                            .entity_at(k)
                            .is_some_and(|e| self.ents[e].label == Label::Person)
                })
            });
        // `que le fonds Mutares, spécialiste des entreprises en difficulté,
        // pourrait racheter`: the subject's apposition stands between.
        let far = || {
            let comma = (first.saturating_sub(3)..first)
                .rev()
                .find(|&k| ctx.is_comma(k))
                .filter(|&c| (c + 1..first).all(auxiliary))?;
            let open = self.relative_clause_opening(comma)?;
            self.que_clause_subject(open, comma).map(|_| open + 1)
        };
        let que = near.or_else(far)?;
        if que == 0 {
            return None;
        }
        let before = if ctx.is_comma(que - 1) { que - 1 } else { que };
        // `La société, qu'il a créée en 2018`: a company noun antecedent.
        if before > 0
            && spec.labels.contains(&Label::Org)
            && self.entity_at(before - 1).is_none()
            && self.is_company_noun(before - 1)
        {
            return self.org_for_noun(before - 1, first);
        }
        let i = self.ents.partition_point(|e| (e.first as usize) < before);
        (i > 0).then(|| i - 1).filter(|&e| {
            self.ents[e].end as usize == before
                && spec.labels.contains(&self.ents[e].label)
                && ctx.same_sentence(self.ents[e].first as usize, first)
        })
    }

    /// `le comité exécutif d'Horizon Médias`, `la direction financière de
    /// X`: the organisation after `de` that completes a noun phrase of
    /// lowercase words starting at `from` (no company noun: `la filiale de
    /// X` is not X).
    fn org_completing_noun_phrase(&self, from: usize, limit: usize) -> Option<usize> {
        let ctx = self.ctx;
        let mut k = from;
        if k < limit && self.cue(Cue::Determiner, k) {
            k += 1;
        }
        let head = k;
        while k < limit
            && k < head + 4
            && self.entity_at(k).is_none()
            && !self.is_company_noun(k)
            && !matches!(ctx.fold(k), "de" | "d'" | "du")
            && ctx.word(k).chars().next().is_some_and(char::is_lowercase)
        {
            k += 1;
        }
        if k == head || k + 1 >= limit || !matches!(ctx.fold(k), "de" | "d'" | "du") {
            return None;
        }
        self.starting(k + 1, &[Label::Org])
    }

    /// The entity of `labels` that a complement starting at token `q` names:
    /// past determiners, titles and roles (`de son cofondateur John
    /// Schulman`, `de M. Schulman`), or a head noun and its adjectives (`de
    /// l'équipementier lyonnais Valmont Composites`, `par le fonds américain
    /// Redpine Equity`). An entity may itself start with a determiner
    /// (`jusqu'à la fin de l'année`).
    fn name_at(&self, q: usize, labels: &[Label]) -> Option<usize> {
        let ctx = self.ctx;
        let mut q = q;
        for _ in 0..4 {
            if let Some(e) = self.starting(q, labels) {
                return Some(e);
            }
            if q < ctx.len() && ctx.is(q, crate::gazetteer::EntryKind::OrgHead) {
                let head = q;
                let mut k = q + 1;
                while k < ctx.len()
                    && k <= head + 5
                    && self.entity_at(k).is_none()
                    && ctx.word(k).chars().next().is_some_and(char::is_lowercase)
                {
                    k += 1;
                }
                if let Some(e) = self.starting(k, labels) {
                    return Some(e);
                }
            }
            if q < ctx.len() && self.cue(Cue::Determiner, q) {
                // `un`, `une` or a possessive: a noun phrase that describes
                // (`par un ancien client`), not one that takes up (`par la
                // banque`).
                let describes = matches!(ctx.fold(q), "un" | "une") || self.cue(Cue::Possessive, q);
                q += 1;
                // `par le chinois Shenzhen Dianba`: up to two adjectives.
                let mut k = q;
                while k < ctx.len()
                    && k < q + 2
                    && self.entity_at(k).is_none()
                    && !ctx.is_stopword(k)
                    && ctx.word(k).chars().next().is_some_and(char::is_lowercase)
                {
                    k += 1;
                }
                if k > q {
                    if let Some(e) = self.starting(k, labels) {
                        return Some(e);
                    }
                    // `par un ancien client, le promoteur Immobilière des
                    // Cimes`, `par son ancien équipementier, Maillots du
                    // Sud`: the name in apposition after the comma.
                    if describes && k + 1 < ctx.len() && ctx.is_comma(k) {
                        q = k + 1;
                        continue;
                    }
                    // `par l'agglomération et la Caisse des dépôts`: a common
                    // noun coordinated before the name (a founder or an
                    // investor is a named entity, corpus/README).
                    if k + 1 < ctx.len() && ctx.fold(k) == "et" {
                        q = k + 1;
                        continue;
                    }
                }
                // `ses deux cofondateurs, X et Y`: a role after a number.
                if let Some(r) = (q..(q + 3).min(ctx.len()))
                    .find(|&r| self.starting(r, &[Label::Role]).is_some())
                {
                    q = r;
                }
            } else if q < ctx.len() && ctx.is(q, crate::gazetteer::EntryKind::Title) {
                q += 1;
            } else if let Some(e) = self
                .entity_at(q)
                .filter(|&e| self.ents[e].label == Label::Role && self.ents[e].first as usize == q)
            {
                q = self.ents[e].end as usize;
                // `par deux anciennes journalistes de France Inter, X et Y`:
                // the role's organisation, when names follow its comma.
                if labels.contains(&Label::Person)
                    && q + 1 < ctx.len()
                    && ctx.is_cue(Cue::Preposition, q)
                {
                    let o = if matches!(ctx.fold(q + 1), "la" | "l'") {
                        q + 2
                    } else {
                        q + 1
                    };
                    if let Some(org) = self.starting(o, &[Label::Org]) {
                        let comma = self.ents[org].end as usize;
                        if comma + 1 < ctx.len()
                            && ctx.is_comma(comma)
                            && self.starting(comma + 1, &[Label::Person]).is_some()
                        {
                            q = comma;
                        }
                    }
                }
                // `par une ancienne associée, Karine Lapointe`.
                if q < ctx.len() && ctx.is_comma(q) {
                    q += 1;
                }
                // `par l'imprimeur toulonnais Gaston Peyrolles`: one
                // lowercase adjective between the role and the name.
                if q + 1 < ctx.len()
                    && self.entity_at(q).is_none()
                    && !ctx.is_stopword(q)
                    && ctx.word(q).chars().next().is_some_and(char::is_lowercase)
                    && self.starting(q + 1, labels).is_some()
                {
                    q += 1;
                }
            } else if q + 1 < ctx.len()
                && (ctx.hits.is_marked(q, marks::ROLE_CHAIN)
                    || ctx.hits.is_marked(q, marks::NUMBER_WORD))
                && (ctx.is(q + 1, crate::gazetteer::EntryKind::Role)
                    || ctx.hits.is_marked(q + 1, marks::ROLE_CHAIN))
            {
                // `ancienne` before a role; `deux anciennes journalistes`,
                // `trois ingénieurs`: a number before a role.
                q += 1;
            } else {
                break;
            }
        }
        self.starting(q, labels)
    }

    /// A complement pattern to the right of the trigger (`opener`: its
    /// first word's numbers, see [`RuleSet::openers`]).
    fn after(
        &self,
        p: &Pattern,
        opener: Option<&[u32]>,
        end: usize,
        rule: &Rule,
        next_trigger: Option<usize>,
        held: &[(String, Vec<usize>)],
    ) -> (Vec<usize>, bool) {
        let ctx = self.ctx;
        let labels = &p.target.labels;
        // `après le rachat par le groupe`, `contre la métropole`: a company
        // noun stands for the organisation it refers to, never one the
        // event already holds (`La régie a assigné … contre la régie`), and
        // not when it introduces a name (`la société d'IA rivale
        // Anthropic`: the name is the entity).
        let from_noun = std::cell::Cell::new(false);
        let company_noun = |q: usize| {
            // After its article (`la métropole`), or a word of the pattern
            // that holds the article (`réclamer au groupe`).
            let noun = if q + 1 < ctx.len() && self.is_company_noun(q + 1) {
                q + 1
            } else if q > 0 && matches!(ctx.fold(q - 1), "au" | "du") && self.cue(Cue::Anaphor, q) {
                q
            } else {
                return None;
            };
            if !labels.contains(&Label::Org) || self.introduces_name(noun, labels, ctx.len()) {
                return None;
            }
            let e = self.org_for_noun(noun, q).filter(|&e| {
                !held
                    .iter()
                    .any(|(_, v)| v.iter().any(|&o| self.same_name(o, e)))
            })?;
            from_noun.set(true);
            Some(e)
        };
        let target = |q: usize| {
            self.name_at(q, labels)
                .or_else(|| self.stressed_pronoun(q, end, labels))
                .or_else(|| company_noun(q))
        };
        let mut pos = end;
        // A complement starts before the sentence's next trigger: in `un
        // congé de six mois avant de rejoindre le centre de L'Oréal`, `de
        // L'Oréal` belongs to `rejoindre` (`pour rejoindre X` still starts
        // before it). A pattern opening on a verb may start on that trigger
        // (`ne reprendra pas avant février`: `<reprendre> ... avant DATE`).
        let opens_on_verb = matches!(p.words.first(), Some(PatWord::Lemma(_)));
        let stop = ctx
            .len()
            .min(end + REACH)
            .min(next_trigger.map_or(usize::MAX, |t| t + usize::from(opens_on_verb)));
        // Sentences are runs of tokens: the clause ends with the sentence.
        let sentence = ctx.toks.sentence_of[end.saturating_sub(1)] as usize;
        let stop = stop.min(ctx.toks.sentences[sentence].end as usize);
        while pos < stop {
            // Most positions fail on the pattern's first word: test it here
            // by its number, without calling the matcher.
            if opener.is_some_and(|o| !super::opens(o, ctx.hits.opener(pos))) {
                pos += 1;
                continue;
            }
            // The number stood for the first word: match from the second.
            let (words, from) = match opener {
                Some(_) => (&p.words[1..], pos + 1),
                None => (&p.words[..], pos),
            };
            if let Some(e) = self.match_words(words, from, end.saturating_sub(1), 6, &target) {
                let many = rule.list.contains(&p.target.slot) || p.target.slot == "person";
                let found = if many {
                    self.coordinated_right(e, labels)
                } else {
                    vec![e]
                };
                return (found, from_noun.get());
            }
            pos += 1;
        }
        (Vec::new(), false)
    }

    /// Whether the company noun at token `noun` introduces a name of
    /// `labels` in the five tokens after it (before `limit`): `rejoindre la
    /// société d'IA rivale Anthropic` names it, but `attaquera le club
    /// devant le conseil de prud'hommes` or `contre la maison mère devant
    /// le tribunal` does not (a complement other than `de` is no name of
    /// the noun's).
    fn introduces_name(&self, noun: usize, labels: &[Label], limit: usize) -> bool {
        let ctx = self.ctx;
        (noun + 1..(noun + 6).min(limit)).any(|q| {
            self.starting(q, labels).is_some()
                && (!self.is_complement(q) || matches!(ctx.fold(q - 1), "de" | "d'" | "du"))
        })
    }

    /// The entity that ends right before the pattern's words, which end
    /// right before the trigger at `first` (`before = MONEY de`).
    fn before(&self, p: &Pattern, first: usize) -> Vec<usize> {
        let ctx = self.ctx;
        let mut k = first;
        for w in p.words.iter().rev() {
            let PatWord::Word(w) = w else {
                return Vec::new();
            };
            if k == 0
                || !ctx.same_sentence(k - 1, first)
                || !super::rules::word_matches(w, ctx.fold(k - 1))
            {
                return Vec::new();
            }
            k -= 1;
        }
        // Entities are in text order and never overlap: the one ending at `k`
        // is the last one starting before it.
        let i = self.ents.partition_point(|e| (e.first as usize) < k);
        (i > 0)
            .then(|| i - 1)
            .filter(|&e| {
                self.ents[e].end as usize == k
                    && p.target.labels.contains(&self.ents[e].label)
                    && ctx.same_sentence(self.ents[e].first as usize, first)
                    && self.lead_matches(&p.lead, self.ents[e].first as usize)
            })
            .into_iter()
            .collect()
    }

    /// Whether the plain words `lead` end right before token `start`, or
    /// before a determiner right before it (`auprès de` + `la Banque
    /// Populaire`), in the sentence of `start`.
    fn lead_matches(&self, lead: &[PatWord], start: usize) -> bool {
        if lead.is_empty() {
            return true;
        }
        let ctx = self.ctx;
        let matches_at = |end: usize| {
            end >= lead.len()
                && lead.iter().rev().enumerate().all(|(back, w)| {
                    let k = end - 1 - back;
                    matches!(w, PatWord::Word(w) if super::rules::word_matches(w, ctx.fold(k)))
                        && ctx.same_sentence(k, start)
                })
        };
        matches_at(start)
            || (start > 0 && self.cue(Cue::Determiner, start - 1) && matches_at(start - 1))
    }

    /// Amounts after `from`, each after `et`, before the next trigger.
    fn more_amounts(&self, from: usize, first: usize, next_trigger: Option<usize>) -> Vec<usize> {
        let ctx = self.ctx;
        let mut out = Vec::new();
        let mut k = from;
        let mut saw_et = false;
        while k < ctx.len() && ctx.same_sentence(first, k) && next_trigger.map_or(true, |t| k < t) {
            if ctx.fold(k) == "et" {
                saw_et = true;
            }
            if let Some(e) = self.starting(k, &[Label::Money]) {
                if !saw_et {
                    break;
                }
                out.push(e);
                saw_et = false;
                k = self.ents[e].end as usize;
                continue;
            }
            k += 1;
        }
        out
    }

    /// The DATE that follows the amount of `args` within three lowercase
    /// words (`pour 2024`, `en 2025`, `sur l'exercice 2024`), in the
    /// sentence of the trigger at `first`; not a tenure's (`depuis 2021`).
    fn amount_period(&self, args: &[(String, Vec<usize>)], first: usize) -> Option<usize> {
        let ctx = self.ctx;
        let (_, amount) = args.iter().find(|(s, _)| s == "amount")?;
        let after = self.ents[amount[0]].end as usize;
        for k in after..after + 4 {
            if k >= ctx.len() || !ctx.same_sentence(first, k) {
                return None;
            }
            if let Some(d) = self.starting(k, &[Label::Date]) {
                return (!self.is_tenure(k)).then_some(d);
            }
            let t = &ctx.toks.tokens[k];
            let lower =
                matches!(t.kind, TokenKind::Word | TokenKind::Elision) && !t.has(flags::UPPER);
            if !lower || self.entity_at(k).is_some() {
                return None;
            }
        }
        None
    }

    /// The DATE of the sentence nearest to the trigger `first..end`, in
    /// tokens between them.
    fn sentence_date(&self, first: usize, end: usize) -> Option<usize> {
        // Only the entities of the trigger's sentence (entities are in text
        // order), so a document with many events stays linear.
        let sentence_of = &self.ctx.toks.sentence_of;
        let here = sentence_of[first];
        let (lo, hi) = (first.saturating_sub(REACH), first + REACH);
        let from = self
            .ents
            .partition_point(|e| sentence_of[e.first as usize] < here || (e.first as usize) < lo);
        let to = self
            .ents
            .partition_point(|e| sentence_of[e.first as usize] <= here && (e.first as usize) < hi);
        self.ents[from..to]
            .iter()
            .enumerate()
            .map(|(k, e)| (from + k, e))
            .filter(|(_, e)| {
                e.label == Label::Date
                    && self.ctx.same_sentence(e.first as usize, first)
                    && !self.is_tenure(e.first as usize)
                    && !self.is_dateline(e.first as usize, e.end as usize)
                    && !self.in_other_relative_clause(e.first as usize, first)
            })
            .min_by_key(|(_, e)| {
                let (a, b) = (e.first as usize, e.end as usize);
                if a >= end {
                    a - end
                } else {
                    first.saturating_sub(b)
                }
            })
            .map(|(k, _)| k)
    }

    /// Whether the token `at` stands in a relative clause set off by commas
    /// (`, qu'il a créée en 2018,`: a `relative` cue after the comma), or in
    /// an apposition whose first words hold another trigger (`, start-up
    /// fondée en 2021 par X,`), that does not hold the trigger at `first`: the clause tells of another
    /// event (`La société, qu'il a créée en 2018, vient de s'offrir…`).
    fn in_other_relative_clause(&self, at: usize, first: usize) -> bool {
        let ctx = self.ctx;
        let Some(open) = self.comma_before(at, 15) else {
            return false;
        };
        // `, qu'il a créée en 2018,`; or an apposition opening on another
        // event's participle: `Voltéo, start-up fondée en 2021 par X, vient
        // de lever…` (the date is the founding's).
        // Only before the trigger: `le rachat, bouclé en mars 2024, de…`
        // is the trigger's own apposition.
        let close = (at + 1..(at + 15).min(ctx.len()))
            .take_while(|&k| ctx.same_sentence(k, at))
            .find(|&k| ctx.is_comma(k))
            .unwrap_or(usize::MAX);
        let participle = close < first
            && (open + 1..(open + 3).min(at)).any(|k| ctx.hits.is_marked(k, marks::TRIGGER_WORD));
        if !self.cue(Cue::Relative, open + 1) && !participle {
            return false;
        }
        !(open < first && first < close)
    }

    /// Whether the trigger at `first` stands in reported speech after a verb
    /// of saying in a past tense: `a fait savoir qu'il quitterait ses
    /// fonctions`, `avait annoncé mardi qu'elle rejoindrait`. A conditional
    /// there is a future in the past, a plan, not a hypothesis
    /// (corpus/README.md § Events).
    fn reported_in_the_past(&self, first: usize) -> bool {
        let ctx = self.ctx;
        let Some(que) = (first.saturating_sub(4)..first)
            .rev()
            .find(|&k| ctx.same_sentence(k, first) && self.cue(Cue::Complementizer, k))
        else {
            return false;
        };
        // The verb of saying ends at most two words before `que` (`a indiqué
        // mardi que`); an auxiliary stands at most three words before it (`a
        // lui aussi fait savoir`, `a pour sa part annoncé`).
        (que.saturating_sub(3)..que).any(|k| {
            ctx.hits_at(k, crate::gazetteer::EntryKind::Speech)
                .any(|h| {
                    let start = h.first as usize;
                    (start.saturating_sub(4)..start)
                        .any(|a| ctx.same_sentence(a, first) && self.cue(Cue::Past, a))
                })
        })
    }

    /// Whether the DATE `start..end` is a dateline's (`MONTBÉLIARD, 17 juin
    /// 2026 – Le rachat … a été finalisé lundi`): the day the article was
    /// filed, after a city in capitals and before a dash (or a hyphen for
    /// one: `ÉPERNAY, 17 avril 2024 - La famille`), is no event's.
    fn is_dateline(&self, start: usize, end: usize) -> bool {
        let ctx = self.ctx;
        start >= 2
            && end < ctx.len()
            && matches!(ctx.word(end), "–" | "—" | "-")
            && ctx.is_comma(start - 1)
            && ctx.toks.tokens[start - 2].has(crate::tokenize::flags::ALL_CAPS)
    }

    /// Whether the DATE starting at `start` tells since when a role has been
    /// held (`directrice financière de la Banque Delorme depuis 2019`,
    /// `président du club depuis 2011`): `depuis` after a role, at most four
    /// words on. That is no date of an event.
    fn is_tenure(&self, start: usize) -> bool {
        if start == 0 || !self.cue(Cue::Since, start - 1) {
            return false;
        }
        let since = start - 1;
        // `en poste depuis 2017`, `en fonctions depuis mars`.
        if since > 0 && self.cue(Cue::Tenure, since - 1) {
            return true;
        }
        let upto = self.ents.partition_point(|e| (e.first as usize) < since);
        self.ents[..upto]
            .iter()
            .rev()
            .take_while(|e| since - (e.end as usize).min(since) <= 4)
            .any(|e| e.label == Label::Role && self.ctx.same_sentence(e.first as usize, since))
    }

    /// A noun trigger opening its clause as the subject, with the future
    /// told by the verb after it: `Le rachat de Myosense par Kinévia, pour
    /// 12 M€, sera finalisé en juin`, `la cession devrait être bouclée en
    /// avril` (corpus/README.md: an expected completion is a plan). The
    /// verb is read up to the clause's end (`;`, `:`), and a past auxiliary
    /// first (`Le départ de X a surpris`) tells it is no plan.
    fn subject_noun_planned(&self, first: usize, end: usize) -> bool {
        let ctx = self.ctx;
        if first == 0 || !self.cue(Cue::Determiner, first - 1) {
            return false;
        }
        let det = first - 1;
        let opens_clause = det == 0
            || !ctx.same_sentence(det - 1, det)
            || matches!(ctx.word(det - 1), ":" | "–" | "—");
        if !opens_clause {
            return false;
        }
        for k in end..(end + 30).min(ctx.len()) {
            if !ctx.same_sentence(k, first) || matches!(ctx.word(k), ";" | ":") {
                return false;
            }
            if self.cue(Cue::Planned, k) || matches!(ctx.fold(k), "devrait" | "devraient") {
                return true;
            }
            if self.cue(Cue::Past, k) || self.cue(Cue::Hypothetical, k) {
                return false;
            }
        }
        false
    }

    /// Negation, denial, intention and rumour cues before the trigger, and
    /// its tense; modality cues count only from token `cues_from` on.
    fn polarity_modality(
        &self,
        first: usize,
        tense: Tense,
        cues_from: usize,
    ) -> (Polarity, Modality) {
        let ctx = self.ctx;
        let from = (first.saturating_sub(6)..first)
            .find(|&k| ctx.same_sentence(k, first))
            .unwrap_or(first);
        let mut polarity = Polarity::Positive;
        let mut modality = match tense {
            Tense::Future => Modality::Planned,
            Tense::Conditional if self.reported_in_the_past(first) => Modality::Planned,
            Tense::Conditional => Modality::Hypothetical,
            _ => Modality::Asserted,
        };
        for k in from..first {
            if self.cue(Cue::Negation, k)
                && matches!(ctx.fold(k), "ne" | "n'")
                && (k + 1..(first + 3).min(ctx.len()))
                    .any(|j| matches!(ctx.fold(j), "pas" | "jamais" | "plus"))
            {
                polarity = Polarity::Negative;
            }
            if self.cue(Cue::Denial, k) {
                polarity = Polarity::Negative;
            }
            if k < cues_from {
                continue;
            }
            if self.cue(Cue::Hypothetical, k)
                || self.set.is_suffix_cue(Cue::Hypothetical, ctx.fold(k))
            {
                modality = Modality::Hypothetical;
            } else if self.cue(Cue::Planned, k) && modality == Modality::Asserted {
                modality = Modality::Planned;
            }
        }
        (polarity, modality)
    }

    /// `Tallon a attaqué son ancien employeur`: a defendant written as the
    /// plaintiff's employer (an `employer` cue after a possessive, in or
    /// right after the trigger) is the organisation of the plaintiff's
    /// `ROLE_OF`, one read from the text before a guessed one.
    fn fill_employer(
        &self,
        rule: &Rule,
        args: &mut Vec<(String, Vec<usize>)>,
        rels: &[RoleOf],
        first: usize,
        end: usize,
    ) {
        if args.iter().any(|(s, _)| s == "defendant") {
            return;
        }
        let Some(plaintiff) = args
            .iter()
            .find(|(s, v)| s == "plaintiff" && v.len() == 1)
            .map(|(_, v)| v[0])
            .filter(|&p| self.ents[p].label == Label::Person)
        else {
            return;
        };
        let ctx = self.ctx;
        // `a attaqué son ancien employeur`; past a court, after the first
        // word of one of the rule's `defendant` patterns (`contre`): `a
        // saisi le conseil de prud'hommes de Grasse contre son ancien
        // employeur` (the pattern itself wants an entity, and the employer
        // is none).
        let against = |k: usize| {
            (k.saturating_sub(4)..k).any(|c| {
                rule.after.iter().any(|p| {
                    p.target.slot == "defendant"
                        && matches!(p.words.first(), Some(PatWord::Word(w)) if w == ctx.fold(c))
                })
            })
        };
        let employer = (first..(end + 14).min(ctx.len()))
            .take_while(|&k| ctx.same_sentence(k, first))
            .any(|k| {
                self.cue(Cue::Employer, k)
                    && (k.saturating_sub(2)..k).any(|p| self.cue(Cue::Possessive, p))
                    && (k < end + 4 || against(k))
            });
        if !employer {
            return;
        }
        let who = self.lower_canonical(plaintiff);
        let org = rels
            .iter()
            .filter(|r| r.org.is_some() && self.lower_canonical(r.person) == who)
            .min_by_key(|r| r.org_guessed)
            .and_then(|r| r.org);
        if let Some(org) = org {
            args.push(("defendant".into(), vec![org]));
        }
    }

    /// Whether organisation `org` is the complement of role `role`
    /// (`le directeur des achats de Lichtwerk`).
    fn complements_role(&self, role: usize, org: usize) -> bool {
        let (end, start) = (self.ents[role].end as usize, self.ents[org].first as usize);
        start > end
            && start - end <= 2
            && (end..start).any(|k| matches!(self.ctx.fold(k), "de" | "d'" | "du" | "des"))
    }

    /// `role` and `org` of a person from the document's `ROLE_OF` relations.
    fn fill_from_relations(
        &self,
        args: &mut Vec<(String, Vec<usize>)>,
        rels: &[RoleOf],
        first: usize,
        joining: bool,
    ) {
        let Some(person) = args.iter().find(|(s, _)| s == "person").map(|(_, v)| v[0]) else {
            return;
        };
        // `LVMH a nommé X au poste de directeur général délégué d'Orafo
        // Bellandi`: the organisation of the role taken beats the subject's.
        if joining {
            let role = args.iter().find(|(s, _)| s == "role").map(|(_, v)| v[0]);
            let role_org = rels
                .iter()
                .find(|r| Some(r.role) == role && !r.org_guessed)
                .and_then(|r| r.org);
            if let Some(org) = role_org {
                match args.iter_mut().find(|(s, _)| s == "org") {
                    Some((_, v)) => *v = vec![org],
                    None => args.push(("org".into(), vec![org])),
                }
            }
        }
        // `X, jusqu'ici directrice scientifique de l'Inrae`: the post a person
        // leaves is no post they join. (Asked of the relations as they are
        // read: a copy of those that remain, per event, cost more.)
        let current =
            |r: &&RoleOf| !(joining && self.is_former_role(self.ents[r.role].first as usize));
        let canon = |e: usize| self.lower_canonical(e);
        let who = canon(person);
        // A role at the organisation a person leaves for is not the one they
        // leave (`quittera la banque pour rejoindre Mutuelle Horizon, où elle
        // deviendra directrice générale déléguée`).
        let destination = args
            .iter()
            .find(|(s, _)| s == "destination")
            .map(|(_, v)| canon(v[0]));
        let mine: Vec<&RoleOf> = rels
            .iter()
            .filter(|r| canon(r.person) == who)
            .filter(current)
            .filter(|r| destination.is_none() || r.org.map(canon) != destination)
            .collect();
        // The role stated in the event's sentence first (a position before a
        // founder's title: `le fondateur et président d'Adsight, X, pourrait
        // se mettre en retrait` leaves the presidency), then one with an
        // organisation.
        let in_sentence = |r: &&&RoleOf| {
            self.ctx
                .same_sentence(self.ents[r.role].first as usize, first)
        };
        let founder = |r: &&&RoleOf| canon(r.role).contains("fondateur");
        // Joining, the role named after the trigger is the one taken (`X,
        // directeur adjoint du CHU, a été nommé directeur général du GHSA`).
        let taken = |r: &&&RoleOf| !joining || self.ents[r.role].first as usize > first;
        // A role held at another organisation than the event's is not the
        // one in play: from another sentence (`ses deux cofondateurs` of
        // Ionéa are no cofounders of Voltanis, which they left), nor,
        // joining, in the sentence (`Daubrée a débauché X, directrice de la
        // haute joaillerie de Cartier`: her post at Cartier).
        let event_org = args
            .iter()
            .find(|(s, _)| s == "org")
            .map(|(_, v)| canon(v[0]));
        let elsewhere_fits =
            |r: &&&RoleOf| r.org_guessed || event_org.is_none() || r.org.map(canon) == event_org;
        let joined = |r: &&&RoleOf| !joining || elsewhere_fits(r);
        let here = mine
            .iter()
            .filter(in_sentence)
            .filter(joined)
            .filter(taken)
            .find(|r| !founder(r))
            .or_else(|| {
                mine.iter()
                    .filter(in_sentence)
                    .filter(joined)
                    .find(|r| !founder(r))
            })
            .or_else(|| mine.iter().filter(joined).find(in_sentence));
        let with_org = here
            .or(mine.iter().filter(elsewhere_fits).find(|r| r.org.is_some()))
            .or(mine.iter().find(elsewhere_fits));
        // A successor joins the organisation their predecessor held a role
        // in; that beats a guessed organisation of the successor's own role.
        let predecessor_org = args
            .iter()
            .find(|(s, _)| s == "predecessor")
            .map(|(_, v)| canon(v[0]))
            .and_then(|b| {
                rels.iter()
                    .filter(|r| canon(r.person) == b && !r.org_guessed)
                    .filter(current)
                    .find_map(|r| r.org)
            });
        if let Some(rel) = with_org {
            // `Le directeur des achats de Lichtwerk, X, a quitté l'entreprise`:
            // the organisation the sentence gives the person's post beats
            // one a company noun was guessed to stand for from other
            // sentences.
            let in_sentence_org = here
                .filter(|r| !joining && !r.org_guessed)
                .and_then(|r| r.org.filter(|&o| self.complements_role(r.role, o)));
            if let Some(org) = in_sentence_org {
                if let Some((_, v)) = args.iter_mut().find(|(s, v)| {
                    s == "org"
                        && v.len() == 1
                        && !self
                            .ctx
                            .same_sentence(self.ents[v[0]].first as usize, first)
                }) {
                    *v = vec![org];
                }
            }
            if !args.iter().any(|(s, _)| s == "role") {
                args.push(("role".into(), vec![rel.role]));
            }
            let org = match (rel.org, predecessor_org) {
                (Some(_), Some(p)) if rel.org_guessed => Some(p),
                (org, p) => org.or(p),
            };
            if let (Some(org), false) = (org, args.iter().any(|(s, _)| s == "org")) {
                args.push(("org".into(), vec![org]));
            }
        } else if let (Some(org), false) = (predecessor_org, args.iter().any(|(s, _)| s == "org")) {
            args.push(("org".into(), vec![org]));
        }
    }
}

/// The lowercase canonical forms and the [`canonical_key`]s of a
/// document's entities, each made on first use: merging and linking events
/// compare keys many times per event, and filling from relations compares
/// canonical forms. An entity with a canonical form and no amount has that
/// form, lowered, as its key: one string serves both.
struct CanonicalKeys<'c> {
    ctx: &'c Ctx<'c>,
    ents: &'c [Candidate],
    /// Canonical forms in lowercase ("" without one), borrowed when they
    /// are lowercase already.
    lower: Vec<OnceCell<Cow<'c, str>>>,
    /// The keys of the other entities: amounts, entities without a
    /// canonical form.
    keys: Vec<OnceCell<String>>,
}

impl<'c> CanonicalKeys<'c> {
    fn new(ctx: &'c Ctx<'c>, ents: &'c [Candidate]) -> Self {
        CanonicalKeys {
            ctx,
            ents,
            lower: vec![OnceCell::new(); ents.len()],
            keys: vec![OnceCell::new(); ents.len()],
        }
    }

    /// The canonical form of entity `e` in lowercase, "" without one.
    fn lower(&self, e: usize) -> &str {
        self.lower[e].get_or_init(|| {
            crate::normalize::lowercase(self.ents[e].canonical.as_deref().unwrap_or(""))
        })
    }

    /// The canonical key of entity `e`.
    fn get(&self, e: usize) -> &str {
        let ent = &self.ents[e];
        if ent.amount.is_none() && ent.canonical.is_some() {
            return self.lower(e);
        }
        self.keys[e].get_or_init(|| canonical_key(self.ctx, self.ents, e))
    }
}

/// The lowercase canonical text of entity `e`: mentions of one person or
/// organisation share it; for an amount, its value and currency. (Made
/// through [`CanonicalKeys::get`], which answers a canonical form without
/// an amount from its lowercase forms instead.)
fn canonical_key(ctx: &Ctx, ents: &[Candidate], e: usize) -> String {
    // `18 M€` and `18 millions d'euros` are one amount.
    if let Some(a) = &ents[e].amount {
        let n = |d: Option<rust_decimal::Decimal>| d.map(|d| d.normalize().to_string());
        return format!(
            "{:?}-{:?}-{:?} {}",
            n(a.value),
            n(a.min),
            n(a.max),
            a.currency
        );
    }
    ents[e]
        .canonical
        .clone()
        .unwrap_or_else(|| {
            crate::recognize::names::span_text(ctx, ents[e].first as usize, ents[e].end as usize)
                .to_string()
        })
        .to_lowercase()
}

/// `Baptiste Lefranc quitte Noctua Labs… Il rejoindra Mistral AI`: a
/// departure without a destination takes the organisation its person joins
/// in the same or the next sentence, after the departure's trigger, or else
/// in the previous sentence (`Y annonce l'arrivée de X… X a quitté Z`). A
/// join earlier in the same sentence, or one told in the pluperfect (an
/// `anterior` cue: `X avait rejoint Y en 2015`), is the person's past.
fn link_destinations(ctx: &Ctx, keys: &CanonicalKeys, set: &RuleSet, events: &mut [FoundEvent]) {
    let of_type = |ev: &FoundEvent, t: &str| set.rules[ev.rule as usize].event_type == t;
    let arg = |ev: &FoundEvent, slot: &str| {
        ev.args
            .iter()
            .find(|(s, v)| s == slot && v.len() == 1)
            .map(|(_, v)| v[0])
    };
    let is_anterior = |k: usize| ctx.is_cue(Cue::Anterior, k);
    let sentence_of = &ctx.toks.sentence_of;
    // Joins by trigger position, so each departure looks only at the joins
    // of its own and the next sentence, within two reaches (linear in a
    // document of many events, even one long sentence).
    let mut joins: Vec<usize> = (0..events.len())
        .filter(|&j| of_type(&events[j], "JOIN"))
        .collect();
    joins.sort_by_key(|&j| events[j].trigger.0);
    for d in 0..events.len() {
        let dep = &events[d];
        if !of_type(dep, "DEPARTURE") || arg(dep, "destination").is_some() {
            continue;
        }
        let Some(person) = arg(dep, "person").map(|p| keys.get(p)) else {
            continue;
        };
        let left = arg(dep, "org").map(|o| keys.get(o));
        let at = dep.trigger.0;
        let from = joins.partition_point(|&j| events[j].trigger.0 <= at);
        let here = sentence_of[at];
        let after = joins[from..].iter().take_while(|&&j| {
            let t = events[j].trigger.0;
            sentence_of[t] <= here + 1 && t <= at + 2 * REACH
        });
        // The previous sentence's joins, nearest first, once the later ones
        // gave nothing: `X arrive chez Y… Mme X a quitté Z`.
        let before = joins[..from].iter().rev().take_while(|&&j| {
            let t = events[j].trigger.0;
            sentence_of[t] + 1 >= here && t + 2 * REACH >= at
        });
        let told_after = |j: usize| {
            let t = events[j].trigger.0;
            sentence_of[t] + 1 == here
                && !(t.saturating_sub(3)..t).any(|k| ctx.same_sentence(k, t) && is_anterior(k))
        };
        let joined = after
            .chain(before.filter(|&&j| told_after(j)))
            .map(|&j| &events[j])
            .find_map(|j| {
                let org = arg(j, "org")?;
                (arg(j, "person").is_some_and(|p| keys.get(p) == person)
                    && left != Some(keys.get(org)))
                .then_some(org)
            });
        if let Some(org) = joined {
            events[d].args.push(("destination".to_string(), vec![org]));
        }
    }
}

/// `Pour succéder à Mme Arnavon, Castaigne a nommé Tomás Elgueta`, `Pour
/// lui succéder, le gouvernement a choisi X`, `X lui succède`: a join
/// without a predecessor takes the person a succession verb of its sentence
/// names (a trigger of a rule with a `predecessor` slot: `succéder`,
/// `remplacer`), after `à` or, for a clitic `lui`/`le`/`la`, the person
/// who leaves in one of the three sentences before (a positive DEPARTURE or
/// DISMISSAL), else the last person named before the sentence.
fn link_predecessors(
    ctx: &Ctx,
    ents: &[Candidate],
    keys: &CanonicalKeys,
    set: &RuleSet,
    events: &mut [FoundEvent],
) {
    // A trigger word's mark first: most tokens are none, and spare the
    // look-up.
    let succession = |k: usize| {
        ctx.hits.is_marked(k, marks::TRIGGER_WORD)
            && set.index.get(ctx.fold(k)).is_some_and(|entries| {
                entries.iter().any(|t| {
                    let r = &set.rules[t.rule as usize];
                    r.event_type == "JOIN"
                        && t.rest.is_empty()
                        && (r.object.as_ref().is_some_and(|o| o.slot == "predecessor")
                            || r.after.iter().any(|p| p.target.slot == "predecessor"))
                })
            })
    };
    let sentence_of = &ctx.toks.sentence_of;
    // `Bénédicte Aumont quittera ses fonctions … fondée par Anatole Clairval.
    // C'est Joachim Steiner qui lui succédera`: the one leaving, not the
    // last person named. (sentence, person) in text order.
    let mut leavers: Vec<(u32, usize)> = events
        .iter()
        .filter(|ev| {
            matches!(
                set.rules[ev.rule as usize].event_type.as_str(),
                "DEPARTURE" | "DISMISSAL"
            ) && ev.polarity == Polarity::Positive
        })
        .filter_map(|ev| {
            let (_, v) = ev
                .args
                .iter()
                .find(|(s, v)| s == "person" && v.len() == 1)?;
            Some((sentence_of[ev.trigger.0], v[0]))
        })
        .collect();
    leavers.sort_unstable();
    // Entities are in text order: binary searches keep this linear.
    let person_starting = |k: usize| {
        let i = ents.partition_point(|e| (e.first as usize) < k);
        (i < ents.len() && ents[i].first as usize == k && ents[i].label == Label::Person)
            .then_some(i)
    };
    for ev in events.iter_mut() {
        if set.rules[ev.rule as usize].event_type != "JOIN"
            || ev.args.iter().any(|(s, _)| s == "predecessor")
        {
            continue;
        }
        let Some(joiner) = ev
            .args
            .iter()
            .find(|(s, v)| s == "person" && v.len() == 1)
            .map(|(_, v)| keys.get(v[0]))
        else {
            continue;
        };
        let at = ev.trigger.0;
        let here = sentence_of[at];
        let (lo, hi) = (at.saturating_sub(REACH), (at + REACH).min(ctx.len()));
        // The one leaving in the three sentences before.
        let leaver_before = |here: u32| {
            let upto = leavers.partition_point(|&(s, _)| s < here);
            leavers[..upto]
                .iter()
                .rev()
                .take_while(|&&(s, _)| s + 3 >= here)
                .map(|&(_, p)| p)
                .find(|&p| keys.get(p) != joiner)
        };
        // Else the last person before the sentence (40 entities back at most).
        let last_person_before = |here: u32| {
            let before = ents.partition_point(|e| sentence_of[e.first as usize] < here);
            (before.saturating_sub(40)..before)
                .rev()
                .find(|&i| ents[i].label == Label::Person && keys.get(i) != joiner)
        };
        // `X prendra sa succession`, `sa relève`: the possessive stands for
        // the one leaving, as `lui` does before `succéder` (the nouns come
        // from the rules: `RuleSet::succession_nouns`).
        let possessed = |k: usize| {
            k > 0
                && ctx.is_cue(Cue::Possessive, k - 1)
                && set.succession_nouns.contains(ctx.fold(k))
        };
        let found = (lo..hi)
            .filter(|&k| sentence_of[k] == here && (succession(k) || possessed(k)))
            .find_map(|k| {
                if possessed(k) {
                    return leaver_before(here).or_else(|| last_person_before(here));
                }
                if k + 1 < ctx.len() && matches!(ctx.fold(k + 1), "a") {
                    // `à Mme Arnavon`: past one title.
                    let mut q = k + 2;
                    if q < ctx.len() && ctx.is(q, crate::gazetteer::EntryKind::Title) {
                        q += 1;
                    }
                    return person_starting(q);
                }
                if k > 0 && matches!(ctx.fold(k - 1), "lui" | "le" | "la" | "l'") {
                    return leaver_before(here).or_else(|| last_person_before(here));
                }
                None
            })
            .filter(|&p| keys.get(p) != joiner);
        if let Some(p) = found {
            ev.args.push(("predecessor".to_string(), vec![p]));
        }
    }
}

/// The entities an event's arguments `held` so far hold, gathered only where
/// a company noun must skip them (`Le syndicat a assigné l'employeur`: not
/// the syndicate itself).
fn held_entities(held: &[(String, Vec<usize>)]) -> Vec<usize> {
    held.iter().flat_map(|(_, v)| v.iter().copied()).collect()
}

/// Whether token `k` is the pronoun of a pronominal verb (`s'`, `se`).
fn is_reflexive(ctx: &Ctx, k: usize) -> bool {
    matches!(ctx.fold(k), "s'" | "se")
}

/// Whether token `at` is in a title: a sentence with no closing
/// punctuation on a line of its own (`Spatial : le toulousain Altiscope
/// s'offre l'allemand Geoframe`), the headline or a subheading. The start
/// and the end of the text count as line ends, so a document reads the
/// same alone and between other paragraphs.
fn in_title(ctx: &Ctx, at: usize) -> bool {
    let sentence_of = &ctx.toks.sentence_of;
    let here = sentence_of[at];
    let first = sentence_of.partition_point(|&s| s < here);
    let end = sentence_of.partition_point(|&s| s <= here);
    let newline = |k: usize| ctx.toks.tokens[k].has(crate::tokenize::flags::NEWLINE_BEFORE);
    let closed = crate::tokenize::is_closed(ctx.text, &ctx.toks.tokens, end - 1);
    !closed && (first == 0 || newline(first)) && (end == ctx.len() || newline(end))
}

/// Merges the mentions of one event (see [`find`]): same type and key
/// participant, and the same amount or an amount on one side only; drops
/// the mentions of `only_adds` rules that complete nothing. A title writes
/// every event in the present (`Altiscope s'offre Geoframe`), so an event first
/// met in titles takes the modality the article's text gives it (`va
/// acquérir`: planned) when a mention there joins it.
fn merge(
    ctx: &Ctx,
    keys: &CanonicalKeys,
    set: &RuleSet,
    found: Vec<FoundEvent>,
) -> Vec<FoundEvent> {
    let canon = |e: usize| keys.get(e);
    // `TYPE|slot=key+key`, or `TYPE|` without a key slot; pushed rather
    // than formatted (one per event), into one allocation with room for a
    // type, a slot and a few names: growing a copy of the type's exact
    // length took three or four reallocations per event.
    let slot_key = |ev: &FoundEvent, who: Option<(&str, &[usize])>| -> String {
        let mut key = String::with_capacity(96);
        key.push_str(&set.rules[ev.rule as usize].event_type);
        key.push('|');
        if let Some((slot, v)) = who {
            key.push_str(slot);
            key.push('=');
            for (n, &e) in v.iter().enumerate() {
                if n > 0 {
                    key.push('+');
                }
                key.push_str(canon(e));
            }
        }
        key
    };
    // The first key slot an event fills, by its rank in KEY_SLOTS.
    let key_rank = |ev: &FoundEvent| -> Option<usize> {
        KEY_SLOTS
            .iter()
            .position(|s| ev.args.iter().any(|(a, _)| a == s))
    };
    let key = |ev: &FoundEvent| -> String {
        let who = key_rank(ev).and_then(|r| {
            ev.args
                .iter()
                .find(|(a, _)| a == KEY_SLOTS[r])
                .map(|(a, v)| (a.as_str(), v.as_slice()))
        });
        slot_key(ev, who)
    };
    let amount = |ev: &FoundEvent| -> Option<&str> {
        ev.args
            .iter()
            .find(|(a, _)| a == "amount")
            .map(|(_, v)| canon(v[0]))
    };
    // Whether `a` and `b` give `slot` the same value, or only one gives it.
    let agree = |a: &FoundEvent, b: &FoundEvent, slot: &str| {
        let get = |ev: &FoundEvent| {
            ev.args
                .iter()
                .find(|(s, _)| s == slot)
                .map(|(_, v)| canon(v[0]))
        };
        match (get(a), get(b)) {
            (Some(p), Some(q)) => p == q,
            _ => true,
        }
    };
    // Two mentions with the same amount (or none) are one event, as before.
    // A mention without an amount also joins one with an amount (`Le rachat
    // de X par Y est bouclé. … l'acquisition … pour 310 millions d'euros`)
    // when nothing else tells them apart: no slot both give with different
    // values, the same polarity, and someone to identify them by.
    let compatible = |a: &FoundEvent, b: &FoundEvent, who: &str| -> bool {
        let (x, y) = (amount(a), amount(b));
        let agree = |slot: &str| agree(a, b, slot);
        if x == y {
            // `a nommé X, qui avait rejoint Hermès en 2019`: the same person
            // joining two organisations joins twice; `s'offre VitiScan …
            // a renoncé à racheter AgroLens`: one buyer, two targets, two
            // acquisitions.
            return agree("org") && agree("target");
        }
        if (x.is_some() && y.is_some()) || who.ends_with('|') || a.polarity != b.polarity {
            return false;
        }
        a.args.iter().all(|(slot, v)| {
            b.args
                .iter()
                .find(|(s, _)| s == slot)
                .map_or(true, |(_, w)| {
                    v.iter().map(|&e| canon(e)).eq(w.iter().map(|&e| canon(e)))
                })
        })
    };
    let mut out: Vec<FoundEvent> = Vec::new();
    let mut index: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    // Every key slot of every event kept, `TYPE|slot=key`.
    let mut by_slot: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for ev in found {
        let k = key(&ev);
        let only_adds = set.rules[ev.rule as usize].only_adds;
        let into = index
            .get(&k)
            .and_then(|same| same.iter().copied().find(|&i| compatible(&out[i], &ev, &k)))
            .or_else(|| {
                // `Le rachat de Dataliège est cohérent` (a target, no buyer)
                // is a later mention of the event that named Dataliège's
                // buyer: an event kept with a key slot ranked before this
                // one's, and this one's slot the same.
                let rank = key_rank(&ev)?;
                by_slot.get(&k)?.iter().copied().find(|&i| {
                    key_rank(&out[i]).is_some_and(|r| r < rank) && compatible(&out[i], &ev, &k)
                })
            });
        // The other way round: `Un fonds prend le contrôle du Racing Club`
        // (a headline: a target, no buyer) was an earlier mention of
        // `Bluegrass a pris le contrôle du Racing Club`: an event kept with
        // its first key slot ranked after this one's and filled the same.
        // It is then found by this one's key too.
        let lesser = match (into, key_rank(&ev)) {
            (None, Some(rank)) if !only_adds => ev
                .args
                .iter()
                .filter(|(s, _)| KEY_SLOTS[rank + 1..].contains(&s.as_str()))
                .find_map(|(s, v)| {
                    index
                        .get(&slot_key(&ev, Some((s, v))))?
                        .iter()
                        .copied()
                        .find(|&i| {
                            key_rank(&out[i]).is_some_and(|r| r > rank)
                                && agree(&out[i], &ev, "date")
                                && compatible(&out[i], &ev, &k)
                        })
                }),
            _ => None,
        };
        let into = into.or(lesser);
        // `racheter la plateforme Paylette, pour un montant que plusieurs
        // sources situent autour de 85 M€`: the organisation a completing
        // mention is about may be another participant of the event just
        // told (its target, not its buyer). It then adds what it found,
        // not that participant in its own slot.
        let (into, ev) = match into {
            None if only_adds && !k.ends_with('|') => {
                // A key (`k` names a slot) means a key slot is filled.
                let slot = key_rank(&ev).map_or("", |r| KEY_SLOTS[r]);
                match participant_of_recent(ctx, set, keys, &out, &ev, slot) {
                    Some(i) => {
                        let mut ev = ev;
                        ev.args.retain(|(s, _)| s != slot);
                        (Some(i), ev)
                    }
                    None => (None, ev),
                }
            }
            _ => (into, ev),
        };
        if only_adds && (into.is_none() || k.ends_with('|')) {
            // A completing mention with nothing to complete says nothing.
            continue;
        }
        if let Some(i) = lesser {
            index.entry(k.clone()).or_default().push(i);
        }
        match into {
            Some(i) => {
                let target = &mut out[i];
                if target.trigger != ev.trigger && !target.evidence.contains(&ev.trigger) {
                    target.evidence.push(ev.trigger);
                }
                if !in_title(ctx, ev.trigger.0)
                    && in_title(ctx, target.trigger.0)
                    && target
                        .evidence
                        .iter()
                        .all(|t| *t == ev.trigger || in_title(ctx, t.0))
                {
                    target.modality = ev.modality;
                }
                for (slot, v) in ev.args {
                    if !target.args.iter().any(|(s, _)| *s == slot) {
                        target.args.push((slot, v));
                    }
                }
                for (slot, span) in ev.texts {
                    if !target.texts.iter().any(|(s, _)| *s == slot) {
                        target.texts.push((slot, span));
                    }
                }
            }
            None => {
                index.entry(k).or_default().push(out.len());
                // The first key slot is already `k` in `index`: only the
                // later ones are looked up through `by_slot`.
                let first = key_rank(&ev).map(|r| KEY_SLOTS[r]);
                for (slot, v) in &ev.args {
                    if KEY_SLOTS.contains(&slot.as_str()) && first != Some(slot.as_str()) {
                        by_slot
                            .entry(slot_key(&ev, Some((slot, v))))
                            .or_default()
                            .push(out.len());
                    }
                }
                out.push(ev);
            }
        }
    }
    out
}

/// The event kept in `out` that a completing mention `ev` is about when
/// the participant of its key slot `slot` fills another key slot there:
/// the last one of its type told in its sentence or the one before, with
/// no amount of its own yet.
fn participant_of_recent(
    ctx: &Ctx,
    set: &RuleSet,
    keys: &CanonicalKeys,
    out: &[FoundEvent],
    ev: &FoundEvent,
    slot: &str,
) -> Option<usize> {
    let kind = &set.rules[ev.rule as usize].event_type;
    let who = ev
        .args
        .iter()
        .find(|(s, _)| s == slot)
        .and_then(|(_, v)| v.first())
        .map(|&e| keys.get(e))?;
    let here = ctx.toks.sentence_of[ev.trigger.0];
    let recent = |t: &(usize, usize)| {
        let s = ctx.toks.sentence_of[t.0];
        s <= here && s + 1 >= here
    };
    out.iter().rposition(|o| {
        set.rules[o.rule as usize].event_type == *kind
            && o.polarity == ev.polarity
            && (recent(&o.trigger) || o.evidence.iter().any(recent))
            && !o.args.iter().any(|(s, _)| s == "amount")
            && o.args.iter().any(|(s, v)| {
                KEY_SLOTS.contains(&s.as_str()) && v.iter().any(|&e| keys.get(e) == who)
            })
    })
}

#[cfg(test)]
mod tests {
    use crate::document::{Arg, Document};

    /// The canonical text of `slot` in the first event of type `kind`.
    fn arg(doc: &Document, kind: &str, slot: &str) -> Option<String> {
        let ev = doc.events.iter().find(|e| e.kind == kind)?;
        match ev.args.get(slot)? {
            Arg::One(id) => {
                let e = doc.entity(id)?;
                Some(e.canonical.clone().unwrap_or_else(|| e.text.clone()))
            }
            Arg::Many(_) => None,
            Arg::Text(span) => Some(span.text.clone()),
        }
    }

    #[test]
    fn role_filled_from_relations_prefers_a_position_to_a_founders_title() {
        let doc = crate::Extractor::new().extract(
            "Selon nos informations, le fondateur et président d'Airbus, Mathieu Costes, \
             pourrait se mettre en retrait jusqu'à la fin de l'année.",
        );
        assert_eq!(arg(&doc, "LEAVE", "role").as_deref(), Some("président"));
    }

    #[test]
    fn role_filled_from_relations_is_not_one_at_the_destination() {
        let doc = crate::Extractor::new().extract(
            "Hélène Vasseur est directrice financière de la Banque Delorme. Mme Vasseur \
             quittera la banque fin janvier pour rejoindre l'assureur Axa, où elle \
             deviendra directrice générale déléguée.",
        );
        assert_eq!(
            arg(&doc, "DEPARTURE", "destination").as_deref(),
            Some("Axa")
        );
        assert_eq!(
            arg(&doc, "DEPARTURE", "role").as_deref(),
            Some("directeur financier")
        );
    }
}
