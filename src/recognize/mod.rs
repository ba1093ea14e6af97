//! Recognisers: one per label, each proposing candidate entities from the
//! tokens and gazetteer hits of a document. They may overlap and disagree;
//! [`crate::resolve`] chooses.
//!
//! Every candidate records the rule that proposed it (`source`), which ends
//! up in the output so that each entity can be explained.

pub(crate) mod date;
pub mod money;
pub(crate) mod names;
pub mod number;
pub(crate) mod org;
pub(crate) mod person;
pub(crate) mod role;

use crate::document::{Amount, DateValue, Label};
use crate::gazetteer::{EntryKind, Hit, Hits};
use crate::resources::Resources;
use crate::tokenize::{TokenKind, Tokens};

/// A proposed entity over tokens `first..end`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub label: Label,
    pub first: u32,
    pub end: u32,
    /// Higher wins an overlap; then the longer span.
    pub priority: u8,
    /// The rule or lexicon that proposed it.
    pub source: &'static str,
    pub canonical: Option<String>,
    /// Boxed, as `date`: few candidates have one, and every candidate is
    /// moved several times (pushed, filtered, sorted), so its size counts.
    pub amount: Option<Box<Amount>>,
    pub date: Option<Box<DateValue>>,
    /// Whether coreference may look for other occurrences of this name
    /// (not for ambiguous lexicon names such as `X`, nor for shape rules).
    pub spread: bool,
}

impl Candidate {
    pub fn new(
        label: Label,
        first: usize,
        end: usize,
        priority: u8,
        source: &'static str,
    ) -> Candidate {
        Candidate {
            label,
            first: first as u32,
            end: end as u32,
            priority,
            source,
            canonical: None,
            amount: None,
            date: None,
            spread: true,
        }
    }

    pub fn with_canonical(mut self, canonical: impl Into<String>) -> Candidate {
        self.canonical = Some(canonical.into());
        self
    }

    pub fn not_spread(mut self) -> Candidate {
        self.spread = false;
        self
    }

    pub fn len(&self) -> usize {
        (self.end - self.first) as usize
    }
}

/// What every recogniser reads.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a Tokens,
    pub hits: &'a Hits,
    pub res: &'a Resources,
    /// The folded form of each token, sliced once: the recognisers, the
    /// relations and the event engine ask for them over a million times per
    /// megabyte, and slicing `Tokens::folded` checks a char boundary at
    /// each end every time.
    folds: Vec<&'a str>,
}

impl<'a> Ctx<'a> {
    /// The context of one document.
    #[cfg(test)]
    pub fn new(text: &'a str, toks: &'a Tokens, hits: &'a Hits, res: &'a Resources) -> Self {
        let folds = (0..toks.len()).map(|i| toks.fold(i)).collect();
        Ctx::with_folds(text, toks, hits, res, folds)
    }

    /// The context of one document, given the folded form of each token
    /// (`folds[i]` is `toks.fold(i)`).
    pub fn with_folds(
        text: &'a str,
        toks: &'a Tokens,
        hits: &'a Hits,
        res: &'a Resources,
        folds: Vec<&'a str>,
    ) -> Self {
        debug_assert_eq!(folds.len(), toks.len());
        Ctx {
            text,
            toks,
            hits,
            res,
            folds,
        }
    }

    /// Text of token `i`.
    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.toks.tokens[i].text(self.text)
    }

    /// Whether token `i` is a lowercase word that is no function word: an
    /// adjective or a common noun (`lyonnais`, `horlogère`, `petit`).
    pub fn is_lowercase_content_word(&self, i: usize) -> bool {
        let t = &self.toks.tokens[i];
        t.kind == TokenKind::Word && !t.has(crate::tokenize::flags::UPPER) && !self.is_stopword(i)
    }

    /// Whether token `i` is a comma: `word(i) == ","` without slicing the
    /// text (a char-boundary check at each end), for the clause searches
    /// that walk back and forth over every token to find one.
    #[inline]
    pub fn is_comma(&self, i: usize) -> bool {
        let t = &self.toks.tokens[i];
        t.end == t.start + 1 && self.text.as_bytes()[t.start as usize] == b','
    }

    /// Folded form of token `i`.
    #[inline]
    pub fn fold(&self, i: usize) -> &'a str {
        self.folds[i]
    }

    /// Folded forms of tokens `first..end`, borrowed: a name's words as one
    /// slice, usable as a hash key without building a vector.
    #[inline]
    pub fn folds(&self, first: usize, end: usize) -> &[&'a str] {
        &self.folds[first..end]
    }

    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Kind of token `i`.
    #[inline]
    pub fn kind(&self, i: usize) -> TokenKind {
        self.toks.tokens[i].kind
    }

    /// Whether tokens `i` and `j` are in the same sentence.
    #[inline]
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        self.toks.sentence_of[i] == self.toks.sentence_of[j]
    }

    /// The case-checked hits of a lexicon starting at token `i`, longest first.
    pub fn hits_at(&self, i: usize, kind: EntryKind) -> impl Iterator<Item = Hit> + '_ {
        // The token's kind bits say whether there is any such hit: most
        // tokens have none, and their hits need not be walked (money asks
        // this of every token).
        let hits = if self.hits.has(i, kind) {
            self.hits.at(i)
        } else {
            &[]
        };
        hits.iter()
            .copied()
            .filter(move |h| h.kind == kind && h.case_ok)
    }

    /// The longest case-checked hit of a lexicon starting at token `i`.
    pub fn hit_at(&self, i: usize, kind: EntryKind) -> Option<Hit> {
        self.hits_at(i, kind).next()
    }

    /// Whether token `i` starts a hit of that lexicon.
    pub fn is(&self, i: usize, kind: EntryKind) -> bool {
        self.hits.has(i, kind)
    }

    /// Whether token `i` is a cue of `kind` in `event_cues.tsv`: the same
    /// answer as [`crate::events::RuleSet::is_cue`] on its folded form, from
    /// the cue bits the gazetteer's search gave the token
    /// ([`crate::gazetteer::Gazetteer::set_word_marks`]).
    #[inline]
    pub(crate) fn is_cue(&self, kind: crate::events::Cue, i: usize) -> bool {
        let bits = self.hits.cue_bits(i);
        bits != 0 && bits & self.res.rules.cue_bit(kind) != 0
    }

    /// Whether token `i` is a noun that stands for or introduces an
    /// organisation: an `anaphor` cue of `event_cues.tsv` (`société`,
    /// `cabinet`) or a head noun of `org_heads.tsv` (`fabricant`, `fonds`).
    pub(crate) fn is_org_noun(&self, i: usize) -> bool {
        self.is_cue(crate::events::Cue::Anaphor, i) || self.is(i, EntryKind::OrgHead)
    }

    /// Whether token `i` is a function word.
    pub fn is_stopword(&self, i: usize) -> bool {
        self.hits.is_stopword(i)
    }

    /// The lexicon index of a hit.
    pub fn index(&self, hit: &Hit) -> usize {
        self.res.gazetteer.entry(hit).index as usize
    }

    /// Whether entity `e` is a court (`Cour des comptes`, `tribunal de
    /// commerce de Lyon`: kind `court` in `orgs.tsv` or `org_heads.tsv`): it
    /// judges and audits, and is never what a passage of company figures
    /// is about, nor whom they work for (`ses associés` in a sentence
    /// naming the court they are sued before).
    pub fn is_court(&self, e: &Candidate) -> bool {
        self.org_kind(e) == Some("court")
    }

    /// The kind of organisation entity `e` is (`company`, `fund`, `court`…,
    /// the second column of `orgs.tsv` and `org_heads.tsv`) when its words
    /// say it: a known name spanning it exactly, else a head noun it starts
    /// with (`tribunal de commerce de Lyon`). `None` for other entities and
    /// for names the lexicons do not know.
    pub fn org_kind(&self, e: &Candidate) -> Option<&str> {
        if e.label != Label::Org {
            return None;
        }
        let (first, end) = (e.first as usize, e.end);
        let lex = &self.res.lexicons;
        self.hits_at(first, EntryKind::Org)
            .find(|h| h.end == end)
            .map(|h| lex.orgs[self.index(&h)].kind.as_str())
            .or_else(|| self.head_kind(first))
            .or_else(|| self.suffix_kind(e))
    }

    /// The kind the suffix ending organisation `e` marks, if its line in
    /// `org_suffixes.txt` gives one (`Garrigue Ventures`: a fund).
    fn suffix_kind(&self, e: &Candidate) -> Option<&str> {
        let kinds = &self.res.lexicons.org_suffix_kinds;
        // A suffix may be several tokens (`& Co.`): it starts on one of the
        // name's last three.
        (e.first as usize..e.end as usize)
            .rev()
            .take(3)
            .find_map(|k| {
                self.hits_at(k, EntryKind::OrgSuffix)
                    .find(|h| h.end == e.end)
                    .and_then(|h| kinds.get(self.index(&h))?.as_deref())
            })
    }

    /// The kind of organisation (`org_heads.tsv`) the head noun starting at
    /// token `i` introduces, if one does.
    pub fn head_kind(&self, i: usize) -> Option<&str> {
        self.hit_at(i, EntryKind::OrgHead)
            .map(|h| self.res.lexicons.org_heads[self.index(&h)].1.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Ctx;
    use crate::lexicon::Lexicons;
    use crate::resources::Resources;

    /// Runs `check` on the context of `text`, with the default lexicons
    /// and rules.
    fn with_ctx(text: &str, check: impl FnOnce(&Ctx)) {
        let res = Resources::build(Lexicons::load(None, false).unwrap()).unwrap();
        let toks = crate::tokenize::tokenize(text, &res.tokenizer);
        // The gazetteer gives each token its word's marks and cue bits.
        let hits = res.gazetteer.find(&toks);
        check(&Ctx::new(text, &toks, &hits, &res));
    }

    #[test]
    fn token_cue_bits_answer_as_the_cue_words_do() {
        let text = "Le PDG de la société, qui avait annoncé son départ, ne \
                    pourrait pas rester : selon lui, l'entreprise aurait \
                    démissionné depuis mars. Sa directrice et leurs avocats ont nié.";
        with_ctx(text, |ctx| {
            let mut cues = 0;
            for i in 0..ctx.len() {
                for kind in crate::events::Cue::ALL {
                    let want = ctx.res.rules.is_cue(kind.name(), ctx.fold(i));
                    assert_eq!(ctx.is_cue(kind, i), want, "{kind:?} {:?}", ctx.word(i));
                    cues += usize::from(want);
                }
            }
            // Determiners, prepositions, negation, a relative pronoun…
            assert!(cues >= 10, "{cues}");
        });
    }

    /// Each word-list mark of a token answers as its `Resources` set does
    /// on the token's folded form (the recognisers test the mark instead).
    #[test]
    fn token_word_list_marks_answer_as_the_word_lists_do() {
        let text = "Le président historique, Marc van der Berg, est devenu \
                    l'ancien directeur de la société, dont le porte-parole a \
                    démissionné. Kalvia vient de lever des fonds chez BNP, \
                    comme le futur PDG du groupe, spécialiste de l'IA.";
        with_ctx(text, |ctx| {
            for (set, mark) in ctx.res.marked_word_lists() {
                let mut marked = 0;
                for i in 0..ctx.len() {
                    let want = set.contains(ctx.fold(i));
                    assert_eq!(
                        ctx.hits.is_marked(i, mark),
                        want,
                        "{mark:#x} {:?}",
                        ctx.word(i)
                    );
                    marked += usize::from(want);
                }
                assert!(marked >= 1, "no token of the text is marked {mark:#x}");
            }
        });
    }

    /// The resources give each token the opener number of its word: a
    /// pattern's number test at a token answers as the matcher's first-word
    /// test on its folded form (`d'` for `de`, the forms of `<mener>`).
    #[test]
    fn token_opener_numbers_answer_as_the_first_word_does() {
        use crate::events::rules::{word_matches, PatWord};
        let text = "Il quitte son poste de directeur d'OpenAI pour rejoindre la \
                    société, au poste de PDG, jusqu'à la fin. Le tour est mené \
                    par Elaia avec la participation de Bpifrance, auprès d'eux.";
        with_ctx(text, |ctx| {
            let set = &ctx.res.rules;
            let mut matched = 0;
            for (rule, (after, passive)) in set.rules.iter().zip(&set.openers) {
                let patterns = rule.after.iter().zip(after);
                for (p, opener) in patterns.chain(rule.passive.iter().zip(passive)) {
                    let opener = opener.as_deref().expect("no pattern opens on a gap");
                    for i in 0..ctx.len() {
                        let fold = ctx.fold(i);
                        let want = match &p.words[0] {
                            PatWord::Word(w) => word_matches(w, fold),
                            PatWord::Lemma(l) => set.lemma_forms[l].contains(fold),
                            PatWord::Gap => unreachable!(),
                        };
                        let got = crate::events::opens(opener, ctx.hits.opener(i));
                        assert_eq!(got, want, "{:?} {fold}", p.words[0]);
                        matched += usize::from(want);
                    }
                }
            }
            assert!(matched >= 20, "{matched}");
        });
    }

    #[test]
    fn folds_sliced_once_are_the_tokens_folded_forms() {
        with_ctx(
            "L'Élysée a reçu, jeudi, Jean-Noël Barrot ; ÇA VA…",
            |ctx| {
                assert_eq!(ctx.folds.len(), ctx.toks.len());
                for i in 0..ctx.len() {
                    assert_eq!(ctx.fold(i), ctx.toks.fold(i));
                    for end in i..=ctx.len() {
                        let words: Vec<&str> = (i..end).map(|k| ctx.toks.fold(k)).collect();
                        assert_eq!(ctx.folds(i, end), words);
                    }
                }
                assert_eq!(ctx.fold(0), "l'");
            },
        );
    }

    #[test]
    fn is_comma_answers_as_the_word_does() {
        with_ctx(
            "Paris, le 3 mars,, 1,5 milliard ，« , » et ,fin, ;,",
            |ctx| {
                let commas = (0..ctx.len()).filter(|&i| ctx.word(i) == ",").count();
                for i in 0..ctx.len() {
                    assert_eq!(ctx.is_comma(i), ctx.word(i) == ",", "{:?}", ctx.word(i));
                }
                assert!(commas >= 6, "{commas}");
            },
        );
    }
}
