//! Evaluation against gold files (SPEC § Scoring).
//!
//! * Entities: precision, recall and F1 per label and micro-averaged, on
//!   exact span + label, and on overlapping span + label (each gold and each
//!   prediction matched at most once).
//! * MONEY value accuracy: the share of gold MONEY entities predicted with the
//!   exact span and exactly the gold amount. DATE ISO accuracy likewise.
//! * Events and relations: P/R/F1 per type; a prediction is right when its
//!   type and every argument the gold gives are right (canonical texts,
//!   compared case-insensitively; lists as sets; amounts on the fields the
//!   gold gives). Extra arguments are not penalised.
//!
//! Predictions are compared in their JSON record form (the output of
//! `frextract extract`), so `frextract eval --pred FILE` and a live run are
//! scored by the same code.

use crate::document::{Amount, Label};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

pub mod subset;

/// A gold document (SPEC § Gold files).
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    /// Document id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Publication date (`YYYY-MM-DD`), for relative dates.
    #[serde(default)]
    pub date: Option<String>,
    /// Gold entities (char offsets). Entities with labels frextract does not
    /// produce (`LOC`, `MISC` in other corpora) are skipped.
    #[serde(default, deserialize_with = "known_labels")]
    pub entities: Vec<GoldEntity>,
    /// Gold events, arguments as canonical texts.
    #[serde(default)]
    pub events: Vec<Map<String, Value>>,
    /// Gold relations, as canonical texts.
    #[serde(default)]
    pub relations: Vec<Map<String, Value>>,
    /// The persons and organisations invented for this document (canonical
    /// names; an extra field of this project's gold files), for
    /// [`subset::restrict_to_invented`].
    #[serde(default)]
    pub invented: Vec<String>,
}

/// Reads gold entities, skipping those with a label frextract does not have.
fn known_labels<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<GoldEntity>, D::Error> {
    let raw: Vec<Value> = Vec::deserialize(d)?;
    raw.into_iter()
        .filter(|v| v["label"].as_str().and_then(Label::parse).is_some())
        .map(serde_json::from_value)
        .collect::<Result<_, _>>()
        .map_err(serde::de::Error::custom)
}

/// A gold entity.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    /// Char offset of the start.
    pub start: usize,
    /// Char offset of the end.
    pub end: usize,
    /// Label.
    pub label: Label,
    /// MONEY value.
    #[serde(default)]
    pub amount: Option<Amount>,
    /// DATE value.
    #[serde(default)]
    pub iso: Option<String>,
}

/// A predicted entity, read from an output record.
#[derive(Debug, Clone, PartialEq)]
pub struct PredEntity {
    /// Char offset of the start.
    pub start: usize,
    /// Char offset of the end.
    pub end: usize,
    /// Label.
    pub label: Label,
    /// MONEY value.
    pub amount: Option<Amount>,
    /// DATE value.
    pub iso: Option<String>,
    /// The canonical name, when the record gives one.
    pub canonical: Option<String>,
    /// Which stage found it (`gazetteer:orgs`, `rule:title`, `coreference`),
    /// when the record says.
    pub source: Option<String>,
}

/// A prediction for one document, with events and relations in canonical texts.
#[derive(Debug, Clone, Default)]
pub struct Prediction {
    /// Entities.
    pub entities: Vec<PredEntity>,
    /// Events, arguments resolved to canonical texts (amounts to their values).
    pub events: Vec<Map<String, Value>>,
    /// Relations, resolved to canonical texts.
    pub relations: Vec<Map<String, Value>>,
    /// For each person or organisation (lowercase canonical name), every
    /// lowercase text it is written with in the document: a gold argument
    /// names the right entity when it is any of them (see [`values_match`]).
    pub names: BTreeMap<String, BTreeSet<String>>,
}

impl Prediction {
    /// Reads an output record of `frextract extract`.
    pub fn from_record(record: &Value) -> Prediction {
        let mut by_id: BTreeMap<&str, &Value> = BTreeMap::new();
        let mut entities = Vec::new();
        let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for e in record["entities"].as_array().into_iter().flatten() {
            if let Some(id) = e["id"].as_str() {
                by_id.insert(id, e);
            }
            let label = e["label"].as_str().and_then(Label::parse);
            let (Some(label), Some(start), Some(end)) =
                (label, e["char_start"].as_u64(), e["char_end"].as_u64())
            else {
                continue;
            };
            if matches!(label, Label::Person | Label::Org) {
                if let (Some(text), Some(canon)) = (e["text"].as_str(), e["canonical"].as_str()) {
                    names
                        .entry(canon.to_lowercase())
                        .or_default()
                        .insert(text.to_lowercase());
                }
            }
            entities.push(PredEntity {
                start: start as usize,
                end: end as usize,
                label,
                amount: serde_json::from_value(e["amount"].clone()).ok(),
                iso: e["iso"].as_str().map(str::to_string),
                canonical: e["canonical"].as_str().map(str::to_string),
                source: e["source"].as_str().map(str::to_string),
            });
        }
        let canonical = |v: &Value| -> Value {
            match v {
                Value::String(id) => match by_id.get(id.as_str()) {
                    Some(e) if e["label"] == "MONEY" => e["amount"].clone(),
                    Some(e) if e["label"] == "DATE" => e["iso"].clone(),
                    Some(e) => e["canonical"]
                        .as_str()
                        .or(e["text"].as_str())
                        .map_or(Value::Null, |s| Value::String(s.to_string())),
                    None => v.clone(),
                },
                // A text argument (`purpose`) is compared by its words.
                Value::Object(span) if span.get("text").is_some_and(Value::is_string) => {
                    span["text"].clone()
                }
                other => other.clone(),
            }
        };
        let resolve =
            |items: Option<&Vec<Value>>, args_key: Option<&str>| -> Vec<Map<String, Value>> {
                items
                    .into_iter()
                    .flatten()
                    .filter_map(|item| {
                        let mut out = Map::new();
                        out.insert("type".into(), item["type"].clone());
                        let args = match args_key {
                            Some(k) => item[k].as_object()?,
                            None => item.as_object()?,
                        };
                        for (k, v) in args {
                            if k == "type" {
                                continue;
                            }
                            let v = match v {
                                Value::Array(list) => {
                                    Value::Array(list.iter().map(canonical).collect())
                                }
                                v => canonical(v),
                            };
                            out.insert(k.clone(), v);
                        }
                        for k in ["polarity", "modality"] {
                            if let Some(v) = item.get(k) {
                                out.insert(k.into(), v.clone());
                            }
                        }
                        Some(out)
                    })
                    .collect()
            };
        Prediction {
            entities,
            events: resolve(record["events"].as_array(), Some("args")),
            relations: resolve(record["relations"].as_array(), None),
            names,
        }
    }
}

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Right predictions.
    pub tp: usize,
    /// Wrong predictions.
    pub fp: usize,
    /// Missed gold items.
    pub fn_: usize,
}

impl Counts {
    /// Precision (1 when nothing was predicted and nothing was expected).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// One error, for `--errors`.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorItem {
    /// Document id.
    pub doc: String,
    /// `false_positive` or `false_negative`.
    pub kind: &'static str,
    /// Label, event or relation type.
    pub what: String,
    /// The span text, or the event/relation arguments.
    pub text: String,
    /// Some text around the span.
    pub context: String,
}

/// The scores of a run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Documents scored.
    pub documents: usize,
    /// Exact-span entity counts per label.
    pub exact: BTreeMap<String, Counts>,
    /// Overlap entity counts per label.
    pub overlap: BTreeMap<String, Counts>,
    /// Gold MONEY with the exact span and amount, and gold MONEY in all.
    pub money_values: (usize, usize),
    /// Gold DATE with the exact span and ISO value, and gold DATE in all.
    pub date_values: (usize, usize),
    /// Event counts per type.
    pub events: BTreeMap<String, Counts>,
    /// Relation counts per type.
    pub relations: BTreeMap<String, Counts>,
    /// Every error.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorItem>,
}

impl Report {
    /// Micro-averaged counts over a table.
    pub fn micro(table: &BTreeMap<String, Counts>) -> Counts {
        let mut all = Counts::default();
        table.values().for_each(|c| all.add(*c));
        all
    }

    /// The headline figures, by name: `entities.exact`, `entities.overlap`,
    /// `events`, `relations`, `money.value_accuracy`, `date.iso_accuracy`,
    /// and `entities.exact.<LABEL>` per label.
    pub fn figures(&self) -> BTreeMap<String, f64> {
        let mut f = BTreeMap::new();
        f.insert(
            "entities.exact".to_string(),
            Report::micro(&self.exact).f1(),
        );
        f.insert(
            "entities.overlap".to_string(),
            Report::micro(&self.overlap).f1(),
        );
        for (label, c) in &self.exact {
            f.insert(format!("entities.exact.{label}"), c.f1());
        }
        f.insert("events".to_string(), Report::micro(&self.events).f1());
        f.insert("relations".to_string(), Report::micro(&self.relations).f1());
        f.insert(
            "money.value_accuracy".to_string(),
            ratio(self.money_values.0, self.money_values.1),
        );
        f.insert(
            "date.iso_accuracy".to_string(),
            ratio(self.date_values.0, self.date_values.1),
        );
        f
    }

    /// A plain-text table of the scores. Rows with nothing to count (a label
    /// filtered out by `--labels` or `--subset`) are left out, and so are
    /// sections and value accuracies with nothing in them.
    pub fn to_table(&self) -> String {
        let mut s = String::new();
        let row = |name: &str, c: &Counts| {
            format!(
                "{name:<14} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6}\n",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        let header = |title: &str| {
            format!(
                "{title:<14} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}\n",
                "P", "R", "F1", "TP", "FP", "FN"
            )
        };
        s.push_str(&format!("documents: {}\n\n", self.documents));
        for (title, table) in [
            ("entities exact", &self.exact),
            ("entities overlap", &self.overlap),
            ("events", &self.events),
            ("relations", &self.relations),
        ] {
            let micro = Report::micro(table);
            if micro == Counts::default() {
                continue;
            }
            s.push_str(&header(title));
            for (k, c) in table.iter().filter(|(_, c)| **c != Counts::default()) {
                s.push_str(&row(k, c));
            }
            s.push_str(&row("micro", &micro));
            s.push('\n');
        }
        for (name, (right, all)) in [
            ("MONEY value accuracy:", self.money_values),
            ("DATE ISO accuracy:   ", self.date_values),
        ] {
            if all > 0 {
                s.push_str(&format!(
                    "{name} {:.3} ({right}/{all})\n",
                    ratio(right, all)
                ));
            }
        }
        s
    }
}

/// Reads gold documents from files and directories (`*.gold.jsonl`, recursively).
pub fn load_gold(paths: &[impl AsRef<Path>]) -> std::io::Result<Vec<GoldDoc>> {
    let mut files = Vec::new();
    for p in paths {
        collect_gold_files(p.as_ref(), &mut files)?;
    }
    let mut docs = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f)?;
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let doc: GoldDoc = serde_json::from_str(line).map_err(|e| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}:{}: not a gold document: {e}", f.display(), i + 1),
                )
            })?;
            docs.push(doc);
        }
    }
    Ok(docs)
}

fn collect_gold_files(p: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    if p.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(p)?.flatten().map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || e.to_string_lossy().ends_with(".gold.jsonl") {
                collect_gold_files(&e, out)?;
            }
        }
    } else {
        out.push(p.to_path_buf());
    }
    Ok(())
}

/// Runs `x` over the gold texts (with their dates), in parallel.
pub fn predict(x: &crate::Extractor, gold: &[GoldDoc]) -> Vec<Prediction> {
    use rayon::prelude::*;
    gold.par_iter()
        .map(|g| {
            let date = g
                .date
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let doc = x.extract_dated(&g.text, date);
            Prediction::from_record(&crate::output::record(
                &Value::String(g.id.clone()),
                &Map::new(),
                &doc,
            ))
        })
        .collect()
}

/// Reads predictions (output records of `frextract extract`) and orders them
/// like `gold`, by id; a gold document without a prediction gets an empty one.
pub fn load_predictions(path: &Path, gold: &[GoldDoc]) -> std::io::Result<Vec<Prediction>> {
    let text = std::fs::read_to_string(path)?;
    let mut by_id: BTreeMap<String, Prediction> = BTreeMap::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let record: Value = serde_json::from_str(line).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{}:{}: not a JSON record: {e}", path.display(), i + 1),
            )
        })?;
        let id = match &record["id"] {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        by_id.insert(id, Prediction::from_record(&record));
    }
    Ok(gold
        .iter()
        .map(|g| by_id.remove(&g.id).unwrap_or_default())
        .collect())
}

/// Figures below their floor: `(name, figure, floor)`. A floor whose figure
/// does not exist is reported with a figure of 0.
pub fn below_floors(report: &Report, floors: &BTreeMap<String, f64>) -> Vec<(String, f64, f64)> {
    let figures = report.figures();
    floors
        .iter()
        .filter_map(|(name, floor)| {
            let got = figures.get(name).copied().unwrap_or(0.0);
            // Figures are compared at the precision they are written with.
            (got + 1e-9 < *floor).then(|| (name.clone(), got, *floor))
        })
        .collect()
}

/// Scores predictions against gold documents (matched by position).
pub fn score(gold: &[GoldDoc], pred: &[Prediction], keep_errors: bool) -> Report {
    let mut r = Report {
        documents: gold.len(),
        ..Report::default()
    };
    for label in Label::ALL {
        r.exact.insert(label.to_string(), Counts::default());
        r.overlap.insert(label.to_string(), Counts::default());
    }
    let empty = Prediction::default();
    for (k, g) in gold.iter().enumerate() {
        let p = pred.get(k).unwrap_or(&empty);
        score_entities(g, p, &mut r, keep_errors);
        score_items(
            g,
            &g.events,
            &p.events,
            &p.names,
            &mut r.events,
            keep_errors,
            &mut r.errors,
        );
        score_items(
            g,
            &g.relations,
            &p.relations,
            &p.names,
            &mut r.relations,
            keep_errors,
            &mut r.errors,
        );
    }
    r
}

fn score_entities(g: &GoldDoc, p: &Prediction, r: &mut Report, keep_errors: bool) {
    let chars: Vec<char> = if keep_errors {
        g.text.chars().collect()
    } else {
        Vec::new()
    };
    let mut used_exact = vec![false; p.entities.len()];
    let mut used_overlap = vec![false; p.entities.len()];
    for ge in &g.entities {
        let label = ge.label.to_string();
        let exact = p.entities.iter().enumerate().find(|(k, pe)| {
            !used_exact[*k] && pe.label == ge.label && pe.start == ge.start && pe.end == ge.end
        });
        match exact {
            Some((k, pe)) => {
                used_exact[k] = true;
                r.exact.get_mut(&label).unwrap().tp += 1;
                if ge.label == Label::Money
                    && ge.amount.is_some()
                    && amounts_equal(ge.amount.as_ref(), pe.amount.as_ref())
                {
                    r.money_values.0 += 1;
                }
                if ge.label == Label::Date && ge.iso.is_some() && ge.iso == pe.iso {
                    r.date_values.0 += 1;
                }
            }
            None => {
                r.exact.get_mut(&label).unwrap().fn_ += 1;
                if keep_errors {
                    r.errors
                        .push(error(g, &chars, "false_negative", &label, ge.start, ge.end));
                }
            }
        }
        if ge.label == Label::Money {
            r.money_values.1 += 1;
        }
        if ge.label == Label::Date && ge.iso.is_some() {
            r.date_values.1 += 1;
        }
        let overlap = p.entities.iter().enumerate().find(|(k, pe)| {
            !used_overlap[*k] && pe.label == ge.label && pe.start < ge.end && ge.start < pe.end
        });
        match overlap {
            Some((k, _)) => {
                used_overlap[k] = true;
                r.overlap.get_mut(&label).unwrap().tp += 1;
            }
            None => r.overlap.get_mut(&label).unwrap().fn_ += 1,
        }
    }
    for (k, pe) in p.entities.iter().enumerate() {
        let label = pe.label.to_string();
        if !used_exact[k] {
            r.exact.entry(label.clone()).or_default().fp += 1;
            if keep_errors {
                r.errors
                    .push(error(g, &chars, "false_positive", &label, pe.start, pe.end));
            }
        }
        if !used_overlap[k] {
            r.overlap.entry(label).or_default().fp += 1;
        }
    }
}

fn error(
    g: &GoldDoc,
    chars: &[char],
    kind: &'static str,
    what: &str,
    start: usize,
    end: usize,
) -> ErrorItem {
    let (start, end) = (start.min(chars.len()), end.min(chars.len()));
    let from = start.saturating_sub(40);
    let to = (end + 40).min(chars.len());
    let context: String = format!(
        "{}[{}]{}",
        chars[from..start].iter().collect::<String>(),
        chars[start..end].iter().collect::<String>(),
        chars[end..to].iter().collect::<String>()
    )
    .replace('\n', " ");
    ErrorItem {
        doc: g.id.clone(),
        kind,
        what: what.to_string(),
        text: chars[start..end].iter().collect(),
        context,
    }
}

/// Whether a predicted amount is exactly the gold amount.
fn amounts_equal(gold: Option<&Amount>, pred: Option<&Amount>) -> bool {
    match (gold, pred) {
        (Some(g), Some(p)) => {
            let n = |d: Option<rust_decimal::Decimal>| d.map(|d| d.normalize());
            n(g.value) == n(p.value)
                && n(g.min) == n(p.min)
                && n(g.max) == n(p.max)
                && g.currency == p.currency
                && g.qualifier == p.qualifier
                && g.currency_inferred == p.currency_inferred
        }
        _ => false,
    }
}

/// Greedy matching of events or relations within one document.
fn score_items(
    g: &GoldDoc,
    gold: &[Map<String, Value>],
    pred: &[Map<String, Value>],
    names: &BTreeMap<String, BTreeSet<String>>,
    table: &mut BTreeMap<String, Counts>,
    keep_errors: bool,
    errors: &mut Vec<ErrorItem>,
) {
    let mut used = vec![false; pred.len()];
    let kind_of = |m: &Map<String, Value>| {
        m.get("type")
            .and_then(Value::as_str)
            .unwrap_or("?")
            .to_string()
    };
    for ge in gold {
        let kind = kind_of(ge);
        let found = pred
            .iter()
            .enumerate()
            .find(|(k, pe)| !used[*k] && item_matches(ge, pe, names));
        match found {
            Some((k, _)) => {
                used[k] = true;
                table.entry(kind).or_default().tp += 1;
            }
            None => {
                table.entry(kind.clone()).or_default().fn_ += 1;
                if keep_errors {
                    errors.push(item_error(g, "false_negative", kind, ge));
                }
            }
        }
    }
    for (k, pe) in pred.iter().enumerate() {
        if !used[k] {
            let kind = kind_of(pe);
            table.entry(kind.clone()).or_default().fp += 1;
            if keep_errors {
                errors.push(item_error(g, "false_positive", kind, pe));
            }
        }
    }
}

/// An error item for an event or relation (no text context: arguments are canonical texts).
fn item_error(
    g: &GoldDoc,
    kind: &'static str,
    what: String,
    item: &Map<String, Value>,
) -> ErrorItem {
    ErrorItem {
        doc: g.id.clone(),
        kind,
        what,
        text: Value::Object(item.clone()).to_string(),
        context: String::new(),
    }
}

/// Whether a prediction has the gold's type and every argument the gold gives.
/// `names` comes from [`Prediction::names`].
fn item_matches(
    gold: &Map<String, Value>,
    pred: &Map<String, Value>,
    names: &BTreeMap<String, BTreeSet<String>>,
) -> bool {
    gold.iter().all(|(k, gv)| match pred.get(k) {
        Some(pv) => values_match(gv, pv, names),
        None => false,
    })
}

/// Whether a gold value and a predicted one agree. A predicted person or
/// organisation carries its canonical name; the gold may name it by another
/// of its names in the document (`Arcep` defined as `Autorité de régulation
/// …`, `CNRS` whose lexicon name is the full one): it is the same entity, so
/// it matches.
fn values_match(g: &Value, p: &Value, names: &BTreeMap<String, BTreeSet<String>>) -> bool {
    let m = |g: &Value, p: &Value| values_match(g, p, names);
    match (g, p) {
        (Value::String(a), Value::String(b)) => {
            let (a, b) = (a.to_lowercase(), b.to_lowercase());
            a == b || names.get(&b).is_some_and(|written| written.contains(&a))
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| m(x, y)))
        }
        (Value::Array(a), b) if a.len() == 1 => m(&a[0], b),
        (a, Value::Array(b)) if b.len() == 1 => m(a, &b[0]),
        (Value::Object(a), Value::Object(b)) => a.iter().all(|(k, v)| match b.get(k) {
            Some(w) => match (v, w) {
                (Value::Number(x), Value::Number(y)) => number_eq(x, y),
                _ => m(v, w),
            },
            None => false,
        }),
        (Value::Number(a), Value::Number(b)) => number_eq(a, b),
        (a, b) => a == b,
    }
}

fn number_eq(a: &serde_json::Number, b: &serde_json::Number) -> bool {
    use std::str::FromStr;
    match (
        rust_decimal::Decimal::from_str(&a.to_string()),
        rust_decimal::Decimal::from_str(&b.to_string()),
    ) {
        (Ok(x), Ok(y)) => x.normalize() == y.normalize(),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests;
