//! The invented-names subset: PERSON and ORG scored only on the names no
//! lexicon knows (`frextract eval --subset invented`, docs/EVALUATION.md).
//!
//! A lexicon finds the names it lists; what the rule layer is worth shows on
//! names it has never seen. This project's gold files list, per document, the
//! persons and organisations invented for it (`invented`, corpus/README.md).
//! Restricting gold and predictions to them, before the usual scoring, gives
//! P/R/F1 on those names alone:
//!
//! * gold: the PERSON and ORG mentions whose words occur, in order, in one
//!   invented name (case and accents ignored): the full name `Luc Marin`, and
//!   its short forms `Marin`, `Luc`. An acronym counts when the list gives it.
//! * predictions: the predicted PERSON and ORG that overlap such a gold
//!   mention (whatever their label), plus those that overlap no gold PERSON
//!   or ORG at all and were not found by a lexicon, so a name a rule made up
//!   costs precision. A prediction overlapping only a real (non-invented)
//!   gold name is left out, as is a spurious lexicon match: neither says
//!   anything about unknown names.
//!
//! Events and relations are not scored on this subset.
//!
//! A prediction comes from a lexicon when its `source` starts with
//! `gazetteer:`, or when it is a `coreference` copy of a name that a
//! `gazetteer:` entity of the same document carries (same canonical).
//! Predictions without `source` (other systems' output) are never lexicon
//! matches.

use super::{GoldDoc, PredEntity, Prediction};
use crate::document::Label;
use crate::normalize::{fold, is_apostrophe};

/// Keeps, in place, only the gold and predicted entities of the invented
/// subset (module docs); events and relations are dropped, as this subset
/// scores names only. `gold` and `pred` are matched by position.
pub fn restrict_to_invented(gold: &mut [GoldDoc], pred: &mut [Prediction]) {
    for p in pred.iter_mut() {
        p.events.clear();
        p.relations.clear();
    }
    for (k, g) in gold.iter_mut().enumerate() {
        g.events.clear();
        g.relations.clear();
        let chars: Vec<char> = g.text.chars().collect();
        let mention = |start: usize, end: usize| -> String {
            chars[start.min(chars.len())..end.min(chars.len())]
                .iter()
                .collect()
        };
        let names: Vec<(usize, usize, bool)> = g
            .entities
            .iter()
            .filter(|e| is_name(e.label))
            .map(|e| {
                let invented = is_invented_mention(&mention(e.start, e.end), &g.invented);
                (e.start, e.end, invented)
            })
            .collect();
        g.entities.retain(|e| {
            is_name(e.label) && is_invented_mention(&mention(e.start, e.end), &g.invented)
        });
        let Some(p) = pred.get_mut(k) else { continue };
        let lexicon_names: Vec<String> = p
            .entities
            .iter()
            .filter(|e| is_gazetteer(e))
            .filter_map(|e| e.canonical.as_deref().map(str::to_lowercase))
            .collect();
        p.entities.retain(|e| {
            if !is_name(e.label) {
                return false;
            }
            let overlapped: Vec<bool> = names
                .iter()
                .filter(|&&(start, end, _)| e.start < end && start < e.end)
                .map(|&(_, _, invented)| invented)
                .collect();
            if overlapped.is_empty() {
                !from_lexicon(e, &lexicon_names)
            } else {
                overlapped.contains(&true)
            }
        });
    }
}

/// Whether `text` names one of `invented`: its words occur in order in one
/// of them, compared folded (`Marin`, `luc marin` and `Luc Marin` all name
/// `Luc Marin`).
pub fn is_invented_mention(text: &str, invented: &[String]) -> bool {
    let wanted = words(text);
    !wanted.is_empty()
        && invented.iter().any(|name| {
            let mut have = words(name).into_iter();
            wanted.iter().all(|w| have.any(|h| h == *w))
        })
}

/// The folded words of a name: split at spaces, hyphens and apostrophes, as
/// `corpus/tools/build_gold.py` does for its counts.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}') || is_apostrophe(c)
    })
    .filter(|w| !w.is_empty())
    .map(fold)
    .collect()
}

fn is_name(label: Label) -> bool {
    matches!(label, Label::Person | Label::Org)
}

fn is_gazetteer(e: &PredEntity) -> bool {
    e.source
        .as_deref()
        .is_some_and(|s| s.starts_with("gazetteer:"))
}

/// Whether a lexicon found `e`, directly or as a copy of a lexicon name.
fn from_lexicon(e: &PredEntity, lexicon_names: &[String]) -> bool {
    is_gazetteer(e)
        || (e.source.as_deref() == Some("coreference")
            && e.canonical
                .as_deref()
                .is_some_and(|c| lexicon_names.contains(&c.to_lowercase())))
}

#[cfg(test)]
mod tests;
