//! Lexicons: the word lists frextract knows, as plain UTF-8 data files.
//!
//! Every file under `lexicons/` is embedded in the binary as the default.
//! A user directory given to [`crate::ExtractorBuilder::lexicon_dir`] (CLI:
//! `--lexicons DIR`) holds files with the same relative names: their entries
//! are **added** to the embedded ones, or **replace** them when the file's
//! first data line is `@replace`. A file in that directory that frextract does
//! not know is an error (a misspelt name would otherwise be ignored silently).
//!
//! Format of every file: one entry a line; lines starting with `#` and blank
//! lines are ignored; columns are separated by one TAB; list columns separate
//! items with `|`. A malformed line is an error naming the file and line.
//! Duplicate entries are allowed and harmless (the later one adds nothing).

pub(crate) mod parse;

pub use parse::MAX_LINE_BYTES;

use crate::document::Qualifier;
use crate::error::{Error, Result};
use rayon::prelude::*;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;

/// A well-known person (`persons.tsv`: canonical, aliases).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonEntry {
    /// The full usual name.
    pub canonical: String,
    /// Other full forms used in the press.
    pub aliases: Vec<String>,
}

/// A named organisation (`orgs.tsv`: canonical, kind, aliases, flags).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgEntry {
    /// The canonical name.
    pub canonical: String,
    /// `company`, `bank`, `public`, `media`…
    pub kind: String,
    /// Acronyms, short and former names.
    pub aliases: Vec<String>,
    /// Also a common French word (`Orange`): needs a capital, never sentence-initial.
    pub common: bool,
    /// Folded words of which one must come right before the name (`ctx=sur|via`).
    pub context: Vec<String>,
}

/// A job title (`roles.tsv`: canonical, forms, flags).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleEntry {
    /// Masculine singular (`directeur financier`) or the abbreviation (`PDG`).
    pub canonical: String,
    /// Feminine, plural and variant spellings.
    pub forms: Vec<String>,
    /// An abbreviation matched with its capitals only.
    pub abbreviation: bool,
}

/// What an `org_contexts.tsv` line says about the name next to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgContextKind {
    /// An infinitive whose object is an organisation (`racheter`).
    Object,
    /// Words after which a name is an organisation (`auprès de`).
    Before,
    /// An infinitive whose subject is an organisation (`lever`).
    Subject,
    /// A word between such a subject and its verb (`a`, `vient de`).
    Auxiliary,
}

/// How a role modifier extends a role (`role_modifiers.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModifierKind {
    /// An adjective after the head (`financière`, `général`).
    Adjective,
    /// A domain noun after `de`/`du`/`de la`/`des` (`recherche`, `communication`).
    Domain,
    /// An adjective taking a free complement (`chargée des Comptes publics`).
    Link,
    /// A noun that never completes a role after `de` (`de l'époque`), where
    /// any other lowercase noun may (see `recognize::role`).
    Never,
    /// An adjective before a role head that leaves it the same role and
    /// stays out of its span (`son ancienne directrice`, `le futur PDG`).
    Before,
    /// A domain noun naming a part of an organisation, whose name may follow
    /// it without a preposition (`directeur de la division poids lourds`,
    /// `cheffe du service économie`).
    Unit,
}

/// A word that extends a role head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleModifier {
    /// Masculine singular form.
    pub canonical: String,
    /// Other forms.
    pub forms: Vec<String>,
    /// Adjective or domain noun.
    pub kind: ModifierKind,
}

/// How a currency is written (`currencies.tsv` third column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurrencyForm {
    /// A sign: `€`, `$`, `US$`; before or after the number.
    Symbol,
    /// An ISO code: `EUR`; before or after the number.
    Code,
    /// A word after the number: `euros`, `dollars canadiens`, `de dollars`.
    Name,
    /// A fractional unit adding to a main amount: `centimes` (1 USD et 23 centimes).
    Cents,
}

/// A currency form (`currencies.tsv`: form, ISO code, kind).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyEntry {
    /// As written.
    pub form: String,
    /// ISO 4217 code.
    pub iso: String,
    /// Symbol, code, name or cents.
    pub kind: CurrencyForm,
}

/// A scale word or abbreviation (`money_scales.tsv`: form, power of ten, case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleEntry {
    /// As written (`milliard`, `Md`, `k`).
    pub form: String,
    /// The power of ten (`milliard` → 9).
    pub exponent: u32,
    /// Matched case-sensitively (`M` is a million, `m` is not).
    pub case_sensitive: bool,
}

/// All the lexicons of an extractor.
#[derive(Debug, Clone, Default)]
pub struct Lexicons {
    /// `tokenizer/elisions.txt`.
    pub elisions: Vec<String>,
    /// `tokenizer/abbreviations.tsv`: form, may end a sentence.
    pub abbreviations: Vec<(String, bool)>,
    /// `tokenizer/clitics.txt`.
    pub clitics: Vec<String>,
    /// `tokenizer/hyphen_words.txt`.
    pub hyphen_words: Vec<String>,
    /// `tokenizer/glue_suffixes.txt`.
    pub glue_suffixes: Vec<String>,
    /// `tokenizer/hyphen_prefixes.txt`.
    pub hyphen_prefixes: Vec<String>,
    /// `stopwords.txt`.
    pub stopwords: Vec<String>,
    /// `persons.tsv`.
    pub persons: Vec<PersonEntry>,
    /// `first_names.txt`.
    pub first_names: Vec<String>,
    /// `name_particles.txt`.
    pub name_particles: Vec<String>,
    /// `titles.tsv`: form, gender.
    pub titles: Vec<(String, String)>,
    /// `orgs.tsv`.
    pub orgs: Vec<OrgEntry>,
    /// `org_heads.tsv`: form, kind.
    pub org_heads: Vec<(String, String)>,
    /// `org_suffixes.txt`.
    pub org_suffixes: Vec<String>,
    /// `org_suffixes.txt`, second column: the kind of organisation a suffix
    /// marks (`Ventures` → `fund`), one entry per suffix, `None` when the
    /// line gives none.
    pub org_suffix_kinds: Vec<Option<String>>,
    /// `org_contexts.tsv`: form, kind (`object`, `before`, `subject`, `auxiliary`).
    pub org_contexts: Vec<(String, OrgContextKind)>,
    /// `org_acronym_stoplist.txt`.
    pub acronym_stoplist: Vec<String>,
    /// `places.txt`.
    pub places: Vec<String>,
    /// `products.txt`.
    pub products: Vec<String>,
    /// `roles.tsv`.
    pub roles: Vec<RoleEntry>,
    /// `role_modifiers.tsv`.
    pub role_modifiers: Vec<RoleModifier>,
    /// `role_links.tsv`: form, kind (`copula`, `chain`, `org`, `epithet`).
    pub role_links: Vec<(String, String)>,
    /// `conjugation.tsv`: class, tense, stem kind, endings.
    pub conjugation: Vec<(String, String, String, Vec<String>)>,
    /// `verb_forms.tsv`: infinitive, tense, forms.
    pub verb_forms: Vec<(String, String, Vec<String>)>,
    /// `event_cues.tsv`: form, kind.
    pub event_cues: Vec<(String, String)>,
    /// `speech_verbs.tsv`: form, lemma.
    pub speech_verbs: Vec<(String, String)>,
    /// `dates.tsv`: form, kind, value.
    pub dates: Vec<(String, String, String)>,
    /// `currencies.tsv`.
    pub currencies: Vec<CurrencyEntry>,
    /// `money_scales.tsv`.
    pub scales: Vec<ScaleEntry>,
    /// `numbers.tsv`: number words and their values.
    pub numbers: Vec<(String, Decimal)>,
    /// `money_qualifiers.tsv`: phrase, qualifier (`None` for `exact` words).
    pub money_qualifiers: Vec<(String, Option<Qualifier>)>,
}

/// Reads one data line into the lexicons.
type Loader = fn(&mut Lexicons, &[&str]) -> std::result::Result<(), String>;

/// A lexicon file frextract knows.
struct FileSpec {
    name: &'static str,
    embedded: &'static str,
    min_cols: usize,
    max_cols: usize,
    load: Loader,
}

macro_rules! embedded {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons/", $name))
    };
}

const FILES: &[FileSpec] = &[
    FileSpec {
        name: "tokenizer/elisions.txt",
        embedded: embedded!("tokenizer/elisions.txt"),
        min_cols: 1,
        max_cols: 1,
        load: |l, c| {
            l.elisions.push(c[0].to_string());
            Ok(())
        },
    },
    FileSpec {
        name: "tokenizer/abbreviations.tsv",
        embedded: embedded!("tokenizer/abbreviations.tsv"),
        min_cols: 2,
        max_cols: 2,
        load: load_abbreviation,
    },
    FileSpec {
        name: "tokenizer/clitics.txt",
        embedded: embedded!("tokenizer/clitics.txt"),
        min_cols: 1,
        max_cols: 1,
        load: |l, c| {
            l.clitics.push(c[0].to_string());
            Ok(())
        },
    },
    FileSpec {
        name: "tokenizer/hyphen_words.txt",
        embedded: embedded!("tokenizer/hyphen_words.txt"),
        min_cols: 1,
        max_cols: 1,
        load: |l, c| {
            l.hyphen_words.push(c[0].to_string());
            Ok(())
        },
    },
    FileSpec {
        name: "tokenizer/glue_suffixes.txt",
        embedded: embedded!("tokenizer/glue_suffixes.txt"),
        min_cols: 1,
        max_cols: 1,
        load: |l, c| {
            l.glue_suffixes.push(c[0].to_string());
            Ok(())
        },
    },
    FileSpec {
        name: "tokenizer/hyphen_prefixes.txt",
        embedded: embedded!("tokenizer/hyphen_prefixes.txt"),
        min_cols: 1,
        max_cols: 1,
        load: |l, c| {
            l.hyphen_prefixes.push(c[0].to_string());
            Ok(())
        },
    },
    FileSpec {
        name: "stopwords.txt",
        embedded: embedded!("stopwords.txt"),
        min_cols: 1,
        max_cols: 1,
        load: |l, c| {
            l.stopwords.push(c[0].to_string());
            Ok(())
        },
    },
    FileSpec {
        name: "persons.tsv",
        embedded: embedded!("persons.tsv"),
        min_cols: 1,
        max_cols: 2,
        load: load_person,
    },
    FileSpec {
        name: "first_names.txt",
        embedded: embedded!("first_names.txt"),
        min_cols: 1,
        max_cols: 1,
        load: |l, c| {
            l.first_names.push(c[0].to_string());
            Ok(())
        },
    },
    FileSpec {
        name: "name_particles.txt",
        embedded: embedded!("name_particles.txt"),
        min_cols: 1,
        max_cols: 1,
        load: |l, c| {
            l.name_particles.push(c[0].to_string());
            Ok(())
        },
    },
    FileSpec {
        name: "titles.tsv",
        embedded: embedded!("titles.tsv"),
        min_cols: 1,
        max_cols: 2,
        load: |l, c| {
            l.titles
                .push((c[0].to_string(), c.get(1).unwrap_or(&"x").to_string()));
            Ok(())
        },
    },
    FileSpec {
        name: "orgs.tsv",
        embedded: embedded!("orgs.tsv"),
        min_cols: 2,
        max_cols: 4,
        load: load_org,
    },
    FileSpec {
        name: "org_heads.tsv",
        embedded: embedded!("org_heads.tsv"),
        min_cols: 1,
        max_cols: 2,
        load: |l, c| {
            l.org_heads
                .push((c[0].to_string(), c.get(1).unwrap_or(&"company").to_string()));
            Ok(())
        },
    },
    FileSpec {
        name: "org_contexts.tsv",
        embedded: embedded!("org_contexts.tsv"),
        min_cols: 2,
        max_cols: 2,
        load: load_org_context,
    },
    FileSpec {
        name: "org_suffixes.txt",
        embedded: embedded!("org_suffixes.txt"),
        min_cols: 1,
        max_cols: 2,
        load: |l, c| {
            l.org_suffixes.push(c[0].to_string());
            l.org_suffix_kinds
                .push(c.get(1).filter(|k| !k.is_empty()).map(|k| k.to_string()));
            Ok(())
        },
    },
    FileSpec {
        name: "org_acronym_stoplist.txt",
        embedded: embedded!("org_acronym_stoplist.txt"),
        min_cols: 1,
        max_cols: 1,
        load: |l, c| {
            l.acronym_stoplist.push(c[0].to_string());
            Ok(())
        },
    },
    FileSpec {
        name: "places.txt",
        embedded: embedded!("places.txt"),
        min_cols: 1,
        max_cols: 1,
        load: |l, c| {
            l.places.push(c[0].to_string());
            Ok(())
        },
    },
    FileSpec {
        name: "products.txt",
        embedded: embedded!("products.txt"),
        min_cols: 1,
        max_cols: 1,
        load: |l, c| {
            l.products.push(c[0].to_string());
            Ok(())
        },
    },
    FileSpec {
        name: "roles.tsv",
        embedded: embedded!("roles.tsv"),
        min_cols: 1,
        max_cols: 3,
        load: load_role,
    },
    FileSpec {
        name: "role_modifiers.tsv",
        embedded: embedded!("role_modifiers.tsv"),
        min_cols: 3,
        max_cols: 3,
        load: load_role_modifier,
    },
    FileSpec {
        name: "conjugation.tsv",
        embedded: embedded!("conjugation.tsv"),
        min_cols: 4,
        max_cols: 4,
        load: load_conjugation,
    },
    FileSpec {
        name: "verb_forms.tsv",
        embedded: embedded!("verb_forms.tsv"),
        min_cols: 3,
        max_cols: 3,
        load: load_verb_forms,
    },
    FileSpec {
        name: "event_cues.tsv",
        embedded: embedded!("event_cues.tsv"),
        min_cols: 2,
        max_cols: 2,
        load: load_event_cue,
    },
    FileSpec {
        name: "role_links.tsv",
        embedded: embedded!("role_links.tsv"),
        min_cols: 2,
        max_cols: 2,
        load: load_role_link,
    },
    FileSpec {
        name: "speech_verbs.tsv",
        embedded: embedded!("speech_verbs.tsv"),
        min_cols: 1,
        max_cols: 2,
        load: |l, c| {
            l.speech_verbs
                .push((c[0].to_string(), c.get(1).unwrap_or(&c[0]).to_string()));
            Ok(())
        },
    },
    FileSpec {
        name: "dates.tsv",
        embedded: embedded!("dates.tsv"),
        min_cols: 3,
        max_cols: 3,
        load: |l, c| {
            l.dates
                .push((c[0].to_string(), c[1].to_string(), c[2].to_string()));
            Ok(())
        },
    },
    FileSpec {
        name: "currencies.tsv",
        embedded: embedded!("currencies.tsv"),
        min_cols: 3,
        max_cols: 3,
        load: load_currency,
    },
    FileSpec {
        name: "money_scales.tsv",
        embedded: embedded!("money_scales.tsv"),
        min_cols: 2,
        max_cols: 3,
        load: load_scale,
    },
    FileSpec {
        name: "numbers.tsv",
        embedded: embedded!("numbers.tsv"),
        min_cols: 2,
        max_cols: 2,
        load: load_number,
    },
    FileSpec {
        name: "money_qualifiers.tsv",
        embedded: embedded!("money_qualifiers.tsv"),
        min_cols: 2,
        max_cols: 2,
        load: load_qualifier,
    },
];

impl Lexicons {
    /// The lexicons embedded in the binary.
    pub fn embedded() -> Result<Lexicons> {
        Lexicons::load(None, false)
    }

    /// The embedded lexicons (unless `no_defaults`) plus the files of `dir`.
    pub fn load(dir: Option<&Path>, no_defaults: bool) -> Result<Lexicons> {
        let mut lex = Lexicons::default();
        let mut user_files = Vec::new();
        if let Some(dir) = dir {
            check_known_files(dir)?;
            for spec in FILES {
                let path = dir.join(spec.name);
                if path.is_file() {
                    let bytes = std::fs::read(&path).map_err(|source| Error::Io {
                        path: path.clone(),
                        source,
                    })?;
                    let text =
                        parse::user_text(bytes).map_err(|(line, message)| Error::Lexicon {
                            file: path.display().to_string(),
                            line,
                            message,
                        })?;
                    user_files.push((spec.name, path.display().to_string(), text));
                }
            }
        }
        // The texts to read, in order: (spec, name in errors, text).
        let mut sources: Vec<(&FileSpec, String, &str)> = Vec::new();
        for spec in FILES {
            let user = user_files.iter().find(|(name, _, _)| *name == spec.name);
            let replace =
                no_defaults || user.is_some_and(|(_, _, text)| parse::wants_replace(text));
            if !replace {
                let label = format!("lexicons/{} (embedded)", spec.name);
                sources.push((spec, label, spec.embedded));
            }
            if let Some((_, path, text)) = user {
                sources.push((spec, path.clone(), text));
            }
        }
        // No file's entries depend on another file's, so each file is read
        // into lexicons of its own, in parallel; they are then appended in
        // order, and the first error in that order is the one reported: the
        // result is what reading the files one after the other gives.
        let parts: Vec<Result<Lexicons>> = sources
            .par_iter()
            .map(|(spec, label, text)| {
                let mut part = Lexicons::default();
                part.read(spec, label, text)?;
                Ok(part)
            })
            .collect();
        for part in parts {
            lex.append(part?);
        }
        Ok(lex)
    }

    fn read(&mut self, spec: &FileSpec, file: &str, text: &str) -> Result<()> {
        let lines = parse::lines(file, text, spec.min_cols, spec.max_cols)?;
        // The longest lists get room for their lines at once.
        match spec.name {
            "first_names.txt" => self.first_names.reserve(lines.len()),
            "orgs.tsv" => self.orgs.reserve(lines.len()),
            "persons.tsv" => self.persons.reserve(lines.len()),
            "places.txt" => self.places.reserve(lines.len()),
            _ => {}
        }
        for line in lines {
            (spec.load)(self, &line.cols).map_err(|message| Error::Lexicon {
                file: file.to_string(),
                line: line.number,
                message,
            })?;
        }
        Ok(())
    }

    /// Moves the entries of `other` after those of `self`, list by list.
    fn append(&mut self, other: Lexicons) {
        // Destructured, so that a new list cannot be forgotten here.
        let Lexicons {
            elisions,
            abbreviations,
            clitics,
            hyphen_words,
            glue_suffixes,
            hyphen_prefixes,
            stopwords,
            persons,
            first_names,
            name_particles,
            titles,
            orgs,
            org_heads,
            org_contexts,
            org_suffixes,
            org_suffix_kinds,
            acronym_stoplist,
            places,
            products,
            roles,
            role_modifiers,
            role_links,
            conjugation,
            verb_forms,
            event_cues,
            speech_verbs,
            dates,
            currencies,
            scales,
            numbers,
            money_qualifiers,
        } = other;
        append(&mut self.elisions, elisions);
        append(&mut self.abbreviations, abbreviations);
        append(&mut self.clitics, clitics);
        append(&mut self.hyphen_words, hyphen_words);
        append(&mut self.glue_suffixes, glue_suffixes);
        append(&mut self.hyphen_prefixes, hyphen_prefixes);
        append(&mut self.stopwords, stopwords);
        append(&mut self.persons, persons);
        append(&mut self.first_names, first_names);
        append(&mut self.name_particles, name_particles);
        append(&mut self.titles, titles);
        append(&mut self.orgs, orgs);
        append(&mut self.org_heads, org_heads);
        append(&mut self.org_contexts, org_contexts);
        append(&mut self.org_suffixes, org_suffixes);
        append(&mut self.org_suffix_kinds, org_suffix_kinds);
        append(&mut self.acronym_stoplist, acronym_stoplist);
        append(&mut self.places, places);
        append(&mut self.products, products);
        append(&mut self.roles, roles);
        append(&mut self.role_modifiers, role_modifiers);
        append(&mut self.role_links, role_links);
        append(&mut self.conjugation, conjugation);
        append(&mut self.verb_forms, verb_forms);
        append(&mut self.event_cues, event_cues);
        append(&mut self.speech_verbs, speech_verbs);
        append(&mut self.dates, dates);
        append(&mut self.currencies, currencies);
        append(&mut self.scales, scales);
        append(&mut self.numbers, numbers);
        append(&mut self.money_qualifiers, money_qualifiers);
    }

    /// The relative names of the lexicon files frextract reads.
    pub fn file_names() -> impl Iterator<Item = &'static str> {
        FILES.iter().map(|f| f.name)
    }

    /// Reads the text of lexicon file `name` (one of [`Self::file_names`])
    /// on its own, as `--lexicons` would read it; `label` names it in errors.
    /// The first bad line is an error (`frextract lexicon check` calls this
    /// until none is left). `None` when `name` is not a lexicon file.
    pub fn check_file(name: &str, label: &str, text: &str) -> Option<Result<()>> {
        let spec = FILES.iter().find(|f| f.name == name)?;
        Some(Lexicons::default().read(spec, label, text))
    }
}

/// Moves the items of `from` after those of `into` (into an empty list:
/// without copying them).
fn append<T>(into: &mut Vec<T>, mut from: Vec<T>) {
    if into.is_empty() {
        *into = from;
    } else {
        into.append(&mut from);
    }
}

/// Fails on a `.txt`/`.tsv` file in `dir` (or `dir/tokenizer`) that is not a known lexicon.
fn check_known_files(dir: &Path) -> Result<()> {
    if !dir.is_dir() {
        return Err(Error::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "lexicon directory not found",
            ),
        });
    }
    for sub in ["", "tokenizer"] {
        let d = dir.join(sub);
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_data = path.extension().is_some_and(|e| e == "tsv" || e == "txt");
            if !is_data {
                continue;
            }
            let rel = if sub.is_empty() {
                entry.file_name().to_string_lossy().into_owned()
            } else {
                format!("{sub}/{}", entry.file_name().to_string_lossy())
            };
            if !FILES.iter().any(|f| f.name == rel) {
                let known = FILES.iter().map(|f| f.name).collect::<Vec<_>>().join(", ");
                return Err(Error::UnknownLexicon { path, known });
            }
        }
    }
    Ok(())
}

fn load_abbreviation(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    let ends = match c[1] {
        "end" => true,
        "-" => false,
        other => return Err(format!("second column must be `end` or `-`, not {other:?}")),
    };
    l.abbreviations.push((c[0].to_string(), ends));
    Ok(())
}

fn load_person(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    l.persons.push(PersonEntry {
        canonical: c[0].to_string(),
        aliases: parse::list(c.get(1)).map(str::to_string).collect(),
    });
    Ok(())
}

const ORG_KINDS: &[&str] = &[
    "company",
    "bank",
    "insurer",
    "fund",
    "public",
    "court",
    "international",
    "party",
    "union",
    "media",
    "lab",
    "university",
    "sport",
    "ngo",
];

fn load_org(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    if !ORG_KINDS.contains(&c[1]) {
        return Err(format!(
            "unknown organisation kind {:?}; expected one of {}",
            c[1],
            ORG_KINDS.join(", ")
        ));
    }
    let mut entry = OrgEntry {
        canonical: c[0].to_string(),
        kind: c[1].to_string(),
        aliases: parse::list(c.get(2)).map(str::to_string).collect(),
        common: false,
        context: Vec::new(),
    };
    for flag in c
        .get(3)
        .copied()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|f| !f.is_empty())
    {
        if flag == "common" {
            entry.common = true;
        } else if let Some(words) = flag.strip_prefix("ctx=") {
            entry.context = words
                .split('|')
                .map(crate::normalize::fold)
                .filter(|w| !w.is_empty())
                .collect();
        } else {
            return Err(format!(
                "unknown flag {flag:?}; expected `common` or `ctx=word|word`"
            ));
        }
    }
    l.orgs.push(entry);
    Ok(())
}

fn load_role(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    let abbreviation = match c.get(2).copied().unwrap_or("") {
        "" => false,
        "abbr" => true,
        other => {
            return Err(format!(
                "unknown flag {other:?}; expected `abbr` or nothing"
            ))
        }
    };
    l.roles.push(RoleEntry {
        canonical: c[0].to_string(),
        forms: parse::list(c.get(1)).map(str::to_string).collect(),
        abbreviation,
    });
    Ok(())
}

/// The value of a kind column, from its table of names: an unknown name
/// is an error listing the names the file accepts.
fn kind_of<T: Copy>(
    what: &str,
    value: &str,
    table: &[(&str, T)],
) -> std::result::Result<T, String> {
    match table.iter().find(|(name, _)| *name == value) {
        Some(&(_, kind)) => Ok(kind),
        None => {
            let names: Vec<String> = table.iter().map(|(n, _)| format!("`{n}`")).collect();
            Err(format!(
                "unknown {what} {value:?}; expected one of {}",
                names.join(", ")
            ))
        }
    }
}

fn load_role_modifier(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    let kind = kind_of(
        "modifier kind",
        c[2],
        &[
            ("adj", ModifierKind::Adjective),
            ("domain", ModifierKind::Domain),
            ("link", ModifierKind::Link),
            ("never", ModifierKind::Never),
            ("before", ModifierKind::Before),
            ("unit", ModifierKind::Unit),
        ],
    )?;
    l.role_modifiers.push(RoleModifier {
        canonical: c[0].to_string(),
        forms: parse::list(c.get(1)).map(str::to_string).collect(),
        kind,
    });
    Ok(())
}

fn load_org_context(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    let kind = kind_of(
        "kind",
        c[1],
        &[
            ("object", OrgContextKind::Object),
            ("before", OrgContextKind::Before),
            ("subject", OrgContextKind::Subject),
            ("auxiliary", OrgContextKind::Auxiliary),
        ],
    )?;
    let verb = matches!(kind, OrgContextKind::Object | OrgContextKind::Subject);
    // Irregular verbs are conjugated from verb_forms.tsv, which may be read
    // after this file: only the shape of an infinitive is checked here.
    let infinitive = ["er", "ir", "re"]
        .iter()
        .any(|e| c[0].ends_with(e) && c[0].chars().count() > 3);
    if verb && (!infinitive || c[0].contains(char::is_whitespace)) {
        return Err(format!(
            "{:?} is not an infinitive (one word ending in -er, -ir or -re); \
             list irregular forms in verb_forms.tsv",
            c[0]
        ));
    }
    if kind == OrgContextKind::Auxiliary && c[0].contains(char::is_whitespace) {
        return Err(format!("auxiliary {:?}: one word a line", c[0]));
    }
    l.org_contexts.push((c[0].to_string(), kind));
    Ok(())
}

fn load_role_link(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    if !matches!(c[1], "copula" | "chain" | "org" | "epithet" | "whose") {
        return Err(format!(
            "unknown kind {:?}; expected copula, chain, org, epithet or whose",
            c[1]
        ));
    }
    l.role_links.push((c[0].to_string(), c[1].to_string()));
    Ok(())
}

const TENSES: &[&str] = &["pres", "impf", "ps", "fut", "cond", "subj", "pp", "prp"];

fn load_conjugation(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    if !matches!(c[0], "er" | "ir" | "re") {
        return Err(format!(
            "unknown verb class {:?}; expected er, ir or re",
            c[0]
        ));
    }
    if !TENSES.contains(&c[1]) {
        return Err(format!(
            "unknown tense {:?}; expected one of {}",
            c[1],
            TENSES.join(", ")
        ));
    }
    if !matches!(c[2], "root" | "inf") {
        return Err(format!("unknown stem {:?}; expected root or inf", c[2]));
    }
    // Endings may be empty (`perd`): keep empty items.
    let endings = c[3].split('|').map(|e| e.trim().to_string()).collect();
    l.conjugation.push((
        c[0].to_string(),
        c[1].to_string(),
        c[2].to_string(),
        endings,
    ));
    Ok(())
}

fn load_verb_forms(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    if !TENSES.contains(&c[1]) {
        return Err(format!(
            "unknown tense {:?}; expected one of {}",
            c[1],
            TENSES.join(", ")
        ));
    }
    l.verb_forms.push((
        c[0].to_string(),
        c[1].to_string(),
        parse::list(c.get(2)).map(str::to_string).collect(),
    ));
    Ok(())
}

/// The cue kind of a word ending that is an exception to a shorter one
/// (`-trait none` against `-rait hypothetical`, `event_cues.tsv`).
pub(crate) const NOT_A_CUE: &str = "none";

fn load_event_cue(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    // `-rait hypothetical`: a word ending; `-trait none`: an exception to it.
    let ending = c[0].strip_prefix('-');
    if ending == Some("") {
        return Err("a word ending needs letters after '-'".to_string());
    }
    if c[1] == NOT_A_CUE && ending.is_none() {
        return Err(format!(
            "kind \"none\" is only for a word ending (\"-{}\"), an exception to a shorter ending",
            c[0]
        ));
    }
    // The kinds are those the event engine asks about (`events::Cue`).
    let kinds = || crate::events::Cue::ALL.iter().map(|k| k.name());
    if !kinds().any(|k| k == c[1]) && c[1] != NOT_A_CUE {
        return Err(format!(
            "unknown cue kind {:?}; expected one of {}",
            c[1],
            kinds().collect::<Vec<_>>().join(", ")
        ));
    }
    l.event_cues.push((c[0].to_string(), c[1].to_string()));
    Ok(())
}

fn load_currency(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    let iso = c[1];
    if iso.len() != 3 || !iso.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!(
            "{iso:?} is not an ISO 4217 code (three capital letters)"
        ));
    }
    let kind = match c[2] {
        "symbol" => CurrencyForm::Symbol,
        "code" => CurrencyForm::Code,
        "name" => CurrencyForm::Name,
        "cents" => CurrencyForm::Cents,
        other => {
            return Err(format!(
                "unknown currency form {other:?}; expected symbol, code, name or cents"
            ))
        }
    };
    l.currencies.push(CurrencyEntry {
        form: c[0].to_string(),
        iso: iso.to_string(),
        kind,
    });
    Ok(())
}

fn load_scale(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    let exponent: u32 = c[1].parse().ok().filter(|e| *e <= 24).ok_or_else(|| {
        format!(
            "power of ten {:?} must be a whole number from 0 to 24",
            c[1]
        )
    })?;
    let case_sensitive = match c.get(2).copied().unwrap_or("") {
        "" => false,
        "case" => true,
        other => {
            return Err(format!(
                "unknown flag {other:?}; expected `case` or nothing"
            ))
        }
    };
    l.scales.push(ScaleEntry {
        form: c[0].to_string(),
        exponent,
        case_sensitive,
    });
    Ok(())
}

fn load_number(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    let value = Decimal::from_str(c[1]).map_err(|_| format!("{:?} is not a number", c[1]))?;
    l.numbers.push((c[0].to_string(), value));
    Ok(())
}

fn load_qualifier(l: &mut Lexicons, c: &[&str]) -> std::result::Result<(), String> {
    let q = match c[1] {
        "approx" => Some(Qualifier::Approx),
        "more_than" => Some(Qualifier::MoreThan),
        "less_than" => Some(Qualifier::LessThan),
        "exact" => None,
        other => {
            return Err(format!(
                "unknown qualifier {other:?}; expected approx, more_than, less_than or exact"
            ))
        }
    };
    l.money_qualifiers.push((c[0].to_string(), q));
    Ok(())
}

#[cfg(test)]
mod tests;
