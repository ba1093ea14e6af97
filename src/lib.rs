//! # frextract
//!
//! Fast, explainable extraction of **persons, organisations, roles, money
//! amounts and dates** from French news text, by a pipeline of small stages
//! over one document:
//!
//! ```text
//! tokenize → gazetteer → recognisers (person, org, role, money, date) → resolve → output
//! ```
//!
//! * [`tokenize`]: French tokens and sentences (elisions, numbers, glued words);
//! * [`lexicon`] and [`gazetteer`]: word lists as data files, compiled into one
//!   trie of words, matched token by token;
//! * `recognize`: one recogniser per label, each proposing candidates with the
//!   rule that found them;
//! * `resolve`: overlaps and in-document coreference (`Schulman` → `John Schulman`);
//! * [`Document`]: the result, serialisable to the JSON of the SPEC.
//!
//! ```
//! use frextract::{Extractor, Label};
//! let extractor = Extractor::new();
//! let doc = extractor.extract("M. Schulman a quitté OpenAI pour rejoindre Anthropic.");
//! let orgs: Vec<&str> = doc.entities_with(Label::Org).map(|e| e.text.as_str()).collect();
//! assert_eq!(orgs, ["OpenAI", "Anthropic"]);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod document;
pub mod error;
pub mod events;
mod extractor;
pub mod gazetteer;
pub mod lexicon;
pub mod normalize;
pub mod recognize;
mod relations;
mod resolve;
pub mod resources;
mod salience;
pub mod tokenize;

pub use chrono::NaiveDate;
pub use document::{
    Amount, Arg, DateValue, Document, Entity, Event, Label, Modality, Polarity, Qualifier,
    Relation, Sentence, Span, Trigger,
};
pub use error::{Error, Result};
pub use extractor::{Extractor, ExtractorBuilder};
pub mod batch;
pub mod check;
pub mod eval;
pub mod output;
