//! The result of extraction: a [`Document`] with its entities, sentences,
//! relations and events, serialisable to the JSON of the SPEC.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What kind of thing an entity is (SPEC § Entity labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// A named human being.
    Person,
    /// A named company, institution, party, court, media outlet or team.
    Org,
    /// A job title or function held by a person.
    Role,
    /// An amount of money.
    Money,
    /// A calendar date or period.
    Date,
}

impl Label {
    /// Every label, in output order.
    pub const ALL: [Label; 5] = [
        Label::Person,
        Label::Org,
        Label::Role,
        Label::Money,
        Label::Date,
    ];

    /// The label as written in JSON (`PERSON`).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Role => "ROLE",
            Label::Money => "MONEY",
            Label::Date => "DATE",
        }
    }

    /// Parses `PERSON`, `ORG`… (case-insensitive).
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// How an amount relates to the number written (SPEC § MONEY).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// `environ`, `près de`, `quelque`, `autour de`.
    Approx,
    /// `plus de`, `au moins`, `dépasse`.
    MoreThan,
    /// `moins de`, `jusqu'à`.
    LessThan,
}

/// The normalised value of a MONEY entity. Numbers are exact decimals,
/// written to JSON as exact numbers (`29.99`, `1400000000`), never as floats.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amount {
    /// The amount, for a single value.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub value: Option<Decimal>,
    /// The lower bound, for a range.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub min: Option<Decimal>,
    /// The upper bound, for a range.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::arbitrary_precision_option"
    )]
    pub max: Option<Decimal>,
    /// ISO 4217 code (`EUR`, `USD`).
    pub currency: String,
    /// Approximation or bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// The currency was taken from elsewhere in the sentence.
    #[serde(default, skip_serializing_if = "is_false")]
    pub currency_inferred: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The normalised value of a DATE entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// The ISO 8601 form (`2024-08-06`, `2024-05`, `2023`, `2024-Q3`), absent
    /// when a relative date has no document date to be resolved against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    /// The date depends on the document date (`hier`, `l'année dernière`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub relative: bool,
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Identifier within the document (`e1`, `e2`…), in text order.
    pub id: String,
    /// What the entity is.
    pub label: Label,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Offset in Unicode scalar values (what Python calls a character offset).
    pub char_start: usize,
    /// End offset in Unicode scalar values.
    pub char_end: usize,
    /// The text of the span.
    pub text: String,
    /// The normalised name: the fullest name of that person in the document,
    /// the lexicon's canonical organisation name, the masculine singular role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// The MONEY value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
    /// The DATE value (flattened: `iso`, `relative`).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateValue>,
    /// Which stage found it and by which rule (`gazetteer:orgs`,
    /// `rule:first-name`, `coreference`), so every entity can be explained.
    pub source: String,
}

impl Entity {
    /// The canonical name when there is one, else the text: how gold files
    /// and error listings name an entity.
    ///
    /// ```
    /// let doc = frextract::Extractor::new().extract("Sa directrice financière a démissionné.");
    /// assert_eq!(doc.entities[0].name(), "directeur financier");
    /// ```
    pub fn name(&self) -> &str {
        self.canonical.as_deref().unwrap_or(&self.text)
    }
}

/// A sentence span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Start in Unicode scalar values.
    pub char_start: usize,
    /// End in Unicode scalar values.
    pub char_end: usize,
}

/// A `ROLE_OF` relation: a person holds a role, at an organisation when the text says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// Always `ROLE_OF` for now.
    #[serde(rename = "type")]
    pub kind: String,
    /// The PERSON entity id.
    pub person: String,
    /// The ROLE entity id.
    pub role: String,
    /// The ORG entity id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// The organisation is not written with the role: it is the one the
    /// passage is about (docs/DECISIONS.md § Relations and events). The SPEC
    /// gives an org only when the sentence names it; filter on this field
    /// to keep only those.
    #[serde(default, skip_serializing_if = "is_false")]
    pub org_guessed: bool,
}

/// Whether an event happened or is denied (SPEC § Events).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// It happened (or is said to).
    Positive,
    /// It is negated or denied (`n'a pas quitté`, `dément son départ`).
    Negative,
}

/// How certain an event is (SPEC § Events).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Stated as a fact.
    Asserted,
    /// An intention, rumour or conditional (`envisage de quitter`, `pourrait rejoindre`).
    Hypothetical,
    /// An announced future (`quittera`, `l'intention de rejoindre`).
    Planned,
}

/// A stretch of the text: an event's trigger, or an argument that is text
/// rather than an entity (SPENDING's `purpose`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The words.
    pub text: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Start in Unicode scalar values.
    pub char_start: usize,
    /// End in Unicode scalar values.
    pub char_end: usize,
}

/// The trigger of an event.
pub type Trigger = Span;

/// An event argument: one entity id, several for list slots (`founder`,
/// `defendant`, `investors`), or a stretch of text for what no entity
/// names (`purpose`: `{"text": "achat de soixante bus", "start": …}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    /// One entity id.
    One(String),
    /// Several entity ids.
    Many(Vec<String>),
    /// A stretch of text.
    Text(Span),
}

/// An event: entities linked around a trigger word by a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    /// `DEPARTURE`, `JOIN`, `LAWSUIT`…
    #[serde(rename = "type")]
    pub kind: String,
    /// The trigger of the first mention.
    pub trigger: Trigger,
    /// The triggers of later mentions of the same event, merged into this one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Trigger>,
    /// The sentence of the first mention.
    pub sentence: Sentence,
    /// Arguments by slot (`person`, `org`, `amount`…), as entity ids.
    pub args: std::collections::BTreeMap<String, Arg>,
    /// Negated or not.
    pub polarity: Polarity,
    /// Asserted, hypothetical or planned.
    pub modality: Modality,
    /// The id of the rule that fired (`departure/quitter`).
    pub rule: String,
}

/// Appends `n` in decimal (entity ids and JSON numbers, without the
/// formatting machinery of `format!`).
pub(crate) fn push_decimal(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The extraction result for one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Document {
    /// Entities in text order.
    pub entities: Vec<Entity>,
    /// Relations between entities.
    pub relations: Vec<Relation>,
    /// Events.
    pub events: Vec<Event>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// The entities with a given label.
    ///
    /// ```
    /// let doc = frextract::Extractor::new().extract("Sam Altman dirige OpenAI.");
    /// let orgs: Vec<&str> = doc.entities_with(frextract::Label::Org).map(|e| e.text.as_str()).collect();
    /// assert_eq!(orgs, ["OpenAI"]);
    /// ```
    pub fn entities_with(&self, label: Label) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(move |e| e.label == label)
    }

    /// The entity with the given id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}
