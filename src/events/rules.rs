//! The event rule language: parsing rule files into [`Rule`]s.
//!
//! The format is documented in `docs/RULES.md` and at the top of
//! `rules/events.rules`. Every error names the file and line and says what
//! is wrong.

use crate::document::Label;
use crate::error::{Error, Result};
use crate::normalize::fold;

/// A slot filled by an entity of one of `labels`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotSpec {
    /// Argument name (`person`, `org`, `amount`).
    pub slot: String,
    /// Labels the entity may have.
    pub labels: Vec<Label>,
}

/// One word of a pattern or phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatWord {
    /// A folded word to match.
    Word(String),
    /// A verb to match in any inflection (`<intenter>`).
    Lemma(String),
    /// Up to a few words of anything (`...`).
    Gap,
}

/// `after = pour rejoindre ... ORG -> destination`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// Words before the entity (for `before`: between the entity and the
    /// trigger).
    pub words: Vec<PatWord>,
    /// For `before` only: plain words before the entity, a determiner
    /// allowed between them and it (`before = auprès de ORG un ->
    /// investors` in `a bouclé auprès de la Banque Populaire un
    /// financement`); empty for the other patterns.
    pub lead: Vec<PatWord>,
    /// The entity and its slot.
    pub target: SlotSpec,
}

/// `text = à au aux dans en -> purpose`: a slot filled by a stretch of
/// text rather than an entity (what money is spent on has no label of its
/// own): the noun phrase right after one of `openers`, past the event's
/// amount (see `docs/RULES.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSlot {
    /// Folded words, any one of which opens the phrase (`au`, `dans`).
    pub openers: Vec<String>,
    /// Argument name (`purpose`).
    pub slot: String,
}

/// What triggers a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TriggerSpec {
    /// A verb, every inflection.
    Verb(String),
    /// A noun, singular and plural.
    Noun(String),
    /// Several words.
    Phrase(Vec<PatWord>),
}

/// A noun that, after an event of a rule's type, stands for one of its
/// arguments (`refer = cible -> target`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refer {
    /// The noun's folded words (`maison mère`: two).
    pub words: Vec<String>,
    /// The slot whose entity it stands for.
    pub slot: String,
}

/// One event rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// `departure/quitter`: shown in every event it produces.
    pub id: String,
    /// Event type (`DEPARTURE`).
    pub event_type: String,
    /// Triggers.
    pub triggers: Vec<TriggerSpec>,
    /// The entity before the trigger.
    pub subject: Option<SlotSpec>,
    /// The entity after the trigger.
    pub object: Option<SlotSpec>,
    /// For nouns: the salient entity of `son départ`.
    pub owner: Option<SlotSpec>,
    /// Complements after the trigger.
    pub after: Vec<Pattern>,
    /// An entity right before the trigger, these words between
    /// (`before = MONEY de -> amount`: `60 millions d'euros de coûts`).
    pub before: Vec<Pattern>,
    /// The slot that, still empty once the sentence is read, takes the
    /// entity the passage is about (`l'entreprise … a réalisé un chiffre
    /// d'affaires de …`: the organisation of the sentences before).
    pub topic: Option<SlotSpec>,
    /// Complements in the passive voice.
    pub passive: Vec<Pattern>,
    /// Slots filled by a stretch of text.
    pub text: Vec<TextSlot>,
    /// Each inner list: at least one of these slots must be filled.
    pub require: Vec<Vec<String>>,
    /// Slots holding several entities.
    pub list: Vec<String>,
    /// `refer = cible -> target`: once an event of the rule's type is
    /// found, `la cible` (folded words after a definite article or a
    /// possessive) stands for the entity of its `target` slot.
    pub refer: Vec<Refer>,
    /// `only_adds = true`: the rule makes no event of its own; what it finds
    /// completes an event of its type about the same participant found
    /// before it (`Elle prendra ses fonctions le 3 mars` dates a JOIN).
    pub only_adds: bool,
    /// `dated = false`: the event takes no date from its sentence (a
    /// LEAVE's start is none of its arguments: its end is `until`).
    pub dated: bool,
    /// Line of the rule header.
    pub line: usize,
}

impl Rule {
    /// Every slot name the rule can fill.
    pub fn slots(&self) -> impl Iterator<Item = &str> {
        self.subject
            .iter()
            .chain(&self.object)
            .chain(&self.owner)
            .chain(&self.topic)
            .map(|s| s.slot.as_str())
            .chain(
                self.after
                    .iter()
                    .chain(&self.passive)
                    .chain(&self.before)
                    .map(|p| p.target.slot.as_str()),
            )
            .chain(self.text.iter().map(|t| t.slot.as_str()))
    }
}

/// Parses a rule file. `file` names it in errors.
pub fn parse(file: &str, text: &str) -> Result<Vec<Rule>> {
    let mut rules: Vec<Rule> = Vec::new();
    for (i, raw) in crate::lexicon::parse::text_lines(text).enumerate() {
        let line = i + 1;
        let err = |message: String| Error::Rule {
            file: file.to_string(),
            line,
            message,
        };
        let l = raw.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if let Some(id) = l.strip_prefix('[') {
            let id = id
                .strip_suffix(']')
                .ok_or_else(|| err(format!("a rule header is `[rule-id]`, found {l:?}")))?
                .trim();
            if id.is_empty() || id.contains(char::is_whitespace) {
                return Err(err(format!(
                    "rule id {id:?} must be one word, like `departure/quitter`"
                )));
            }
            if rules.iter().any(|r| r.id == id) {
                return Err(err(format!("rule id {id:?} is used twice")));
            }
            if let Some(prev) = rules.last() {
                check(file, prev)?;
            }
            rules.push(Rule {
                id: id.to_string(),
                event_type: String::new(),
                triggers: Vec::new(),
                subject: None,
                object: None,
                owner: None,
                after: Vec::new(),
                before: Vec::new(),
                topic: None,
                passive: Vec::new(),
                text: Vec::new(),
                require: Vec::new(),
                list: Vec::new(),
                refer: Vec::new(),
                only_adds: false,
                dated: true,
                line,
            });
            continue;
        }
        let rule = rules
            .last_mut()
            .ok_or_else(|| err("a `key = value` line before any `[rule-id]` header".to_string()))?;
        let (key, value) = l
            .split_once('=')
            .ok_or_else(|| err(format!("expected `key = value`, found {l:?}")))?;
        let (key, value) = (key.trim(), value.trim());
        if value.is_empty() {
            return Err(err(format!("`{key}` has no value")));
        }
        match key {
            "type" => {
                if !value.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
                    return Err(err(format!("event type {value:?} must be in capitals, like DEPARTURE")));
                }
                rule.event_type = value.to_string();
            }
            "verb" => {
                for v in value.split_whitespace() {
                    rule.triggers.push(TriggerSpec::Verb(v.to_string()));
                }
            }
            "noun" => {
                // `levée de fonds` is one noun: words after the first are a phrase.
                if value.contains(" de ") || value.contains(" d'") {
                    rule.triggers.push(TriggerSpec::Phrase(words(value).map_err(err)?));
                } else {
                    for n in value.split_whitespace() {
                        rule.triggers.push(TriggerSpec::Noun(n.to_string()));
                    }
                }
            }
            "phrase" => rule.triggers.push(TriggerSpec::Phrase(words(value).map_err(err)?)),
            "subject" => rule.subject = Some(slot_spec(value).map_err(err)?),
            "object" => rule.object = Some(slot_spec(value).map_err(err)?),
            "owner" => rule.owner = Some(slot_spec(value).map_err(err)?),
            "topic" => rule.topic = Some(slot_spec(value).map_err(err)?),
            "after" => rule.after.push(pattern(value).map_err(err)?),
            "passive" => rule.passive.push(pattern(value).map_err(err)?),
            "before" => rule.before.push(before_pattern(value).map_err(err)?),
            "text" => rule.text.push(text_slot(value).map_err(err)?),
            "require" => rule.require.push(value.split('|').map(|s| s.trim().to_string()).collect()),
            "list" => rule.list.extend(value.split_whitespace().map(str::to_string)),
            "refer" => rule.refer.push(refer(value).map_err(err)?),
            "only_adds" => rule.only_adds = flag(key, value).map_err(err)?,
            "dated" => rule.dated = flag(key, value).map_err(err)?,
            other => {
                return Err(err(format!(
                    "unknown key `{other}`; expected type, verb, noun, phrase, subject, object, owner, topic, after, passive, before, text, require, list, refer, only_adds or dated"
                )))
            }
        }
    }
    if let Some(last) = rules.last() {
        check(file, last)?;
    }
    Ok(rules)
}

/// A finished rule must have a type and a trigger, and require known slots.
fn check(file: &str, rule: &Rule) -> Result<()> {
    let err = |message: String| Error::Rule {
        file: file.to_string(),
        line: rule.line,
        message,
    };
    if rule.event_type.is_empty() {
        return Err(err(format!("rule [{}] has no `type = …` line", rule.id)));
    }
    if rule.triggers.is_empty() {
        return Err(err(format!(
            "rule [{}] has no trigger (`verb`, `noun` or `phrase`)",
            rule.id
        )));
    }
    let slots: Vec<&str> = rule.slots().collect();
    for group in &rule.require {
        for s in group {
            // Every event takes its sentence's date: `date` needs no line.
            if s != "date" && !slots.contains(&s.as_str()) {
                return Err(err(format!("rule [{}] requires slot `{s}`, which no subject, object, owner, after, passive, before or text line fills", rule.id)));
            }
        }
    }
    if let Some(r) = rule
        .refer
        .iter()
        .find(|r| !slots.contains(&r.slot.as_str()))
    {
        return Err(err(format!(
            "rule [{}] has `refer = … -> {}`, a slot no subject, object, owner, after, passive, before or text line fills",
            rule.id, r.slot
        )));
    }
    Ok(())
}

/// `person:PERSON`, `plaintiff:PERSON|ORG`.
fn slot_spec(value: &str) -> std::result::Result<SlotSpec, String> {
    let (slot, labels) = value
        .split_once(':')
        .ok_or_else(|| format!("expected `slot:LABEL`, like `person:PERSON`, found {value:?}"))?;
    Ok(SlotSpec {
        slot: slot.trim().to_string(),
        labels: labels_of(labels.trim())?,
    })
}

fn labels_of(s: &str) -> std::result::Result<Vec<Label>, String> {
    s.split('|')
        .map(|l| {
            Label::parse(l.trim()).ok_or_else(|| {
                format!("unknown label {l:?}; expected PERSON, ORG, ROLE, MONEY or DATE")
            })
        })
        .collect()
}

/// `pour rejoindre ... ORG -> destination`.
fn pattern(value: &str) -> std::result::Result<Pattern, String> {
    let (lhs, slot) = split_slot(value, "words LABEL -> slot")?;
    let mut parts: Vec<&str> = lhs.split_whitespace().collect();
    let label = parts
        .pop()
        .ok_or_else(|| "missing the LABEL before `->`".to_string())?;
    Ok(Pattern {
        words: words(&parts.join(" "))?,
        lead: Vec::new(),
        target: SlotSpec {
            slot: slot.to_string(),
            labels: labels_of(label)?,
        },
    })
}

/// `… -> slot`: the left-hand side and the one-word slot name.
fn split_slot<'a>(value: &'a str, shape: &str) -> std::result::Result<(&'a str, &'a str), String> {
    let (lhs, slot) = value
        .split_once("->")
        .ok_or_else(|| format!("expected `{shape}`, found {value:?}"))?;
    let slot = slot.trim();
    if slot.is_empty() || slot.contains(char::is_whitespace) {
        return Err(format!("slot name {slot:?} must be one word"));
    }
    Ok((lhs, slot))
}

/// `à au aux dans en -> purpose`: one-word openers, each an alternative.
fn text_slot(value: &str) -> std::result::Result<TextSlot, String> {
    let (lhs, slot) = split_slot(value, "words -> slot")?;
    let openers: Vec<String> = lhs.split_whitespace().map(fold).collect();
    if openers.is_empty() {
        return Err(
            "`text` needs at least one word before `->`, like `text = dans -> purpose`".to_string(),
        );
    }
    if let Some(w) = openers.iter().find(|w| *w == "..." || w.starts_with('<')) {
        return Err(format!("`text` takes plain words only, found {w:?}"));
    }
    Ok(TextSlot {
        openers,
        slot: slot.to_string(),
    })
}

/// `maison mère -> buyer`: plain words, then the slot.
/// The value of a `true`/`false` key.
fn flag(key: &str, value: &str) -> std::result::Result<bool, String> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(format!("`{key}` is `true` or `false`, found {value:?}")),
    }
}

fn refer(value: &str) -> std::result::Result<Refer, String> {
    let (lhs, slot) = split_slot(value, "noun -> slot")?;
    let words: Vec<String> = lhs.split_whitespace().map(fold).collect();
    if words.is_empty() {
        return Err("`refer` needs a noun before `->`, like `refer = cible -> target`".to_string());
    }
    if let Some(w) = words.iter().find(|w| *w == "..." || w.starts_with('<')) {
        return Err(format!("`refer` takes plain words only, found {w:?}"));
    }
    Ok(Refer {
        words,
        slot: slot.to_string(),
    })
}

/// `MONEY de -> amount`: the entity first, then the words up to the
/// trigger. Plain words only: a gap or a verb between an amount and its
/// noun would be no noun complement.
fn before_pattern(value: &str) -> std::result::Result<Pattern, String> {
    let (lhs, slot) = split_slot(value, "[words] LABEL words -> slot")?;
    let parts: Vec<&str> = lhs.split_whitespace().collect();
    // The label is the first word written in capitals: the words before it
    // are the lead, those after it stand between the entity and the trigger.
    let at = parts
        .iter()
        .position(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase() || c == '|'))
        .ok_or_else(|| "missing the LABEL in `before =`".to_string())?;
    let lead = words(&parts[..at].join(" "))?;
    let words = words(&parts[at + 1..].join(" "))?;
    if lead
        .iter()
        .chain(&words)
        .any(|w| !matches!(w, PatWord::Word(_)))
    {
        return Err("`before` takes plain words only, no `...` or `<verb>`".to_string());
    }
    Ok(Pattern {
        words,
        lead,
        target: SlotSpec {
            slot: slot.to_string(),
            labels: labels_of(parts[at])?,
        },
    })
}

/// Words of a phrase or pattern: `<lemma>`, `...`, plain words (folded).
fn words(value: &str) -> std::result::Result<Vec<PatWord>, String> {
    value
        .split_whitespace()
        .map(|w| {
            if w == "..." {
                Ok(PatWord::Gap)
            } else if let Some(lemma) = w.strip_prefix('<') {
                let lemma = lemma
                    .strip_suffix('>')
                    .ok_or_else(|| format!("{w:?}: a verb to inflect is written `<infinitive>`"))?;
                Ok(PatWord::Lemma(lemma.to_string()))
            } else {
                Ok(PatWord::Word(fold(w)))
            }
        })
        .collect::<std::result::Result<Vec<_>, String>>()
        .map(split_elisions)
}

/// Whether a folded token matches a folded pattern word, the word's elided
/// form included: a rule writes `auprès de ... ORG` once for `auprès de
/// Bpifrance` and `auprès d'Elaia` (`de` → `d'`, `le`/`la` → `l'`, `que` →
/// `qu'`, `jusque` → `jusqu'`).
pub(crate) fn word_matches(pattern: &str, token: &str) -> bool {
    let (p, t) = (pattern.as_bytes(), token.as_bytes());
    p == t
        || (p.len() == t.len()
            && t.last() == Some(&b'\'')
            && matches!(p.last(), Some(b'e' | b'a'))
            && p[..p.len() - 1] == t[..t.len() - 1])
}

/// `jusqu'a` → `jusqu'`, `a`: the tokenizer splits elisions, so patterns do too.
fn split_elisions(words: Vec<PatWord>) -> Vec<PatWord> {
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        match w {
            PatWord::Word(s) if s.contains('\'') && !s.ends_with('\'') => {
                let at = s.find('\'').unwrap_or(0) + 1;
                out.push(PatWord::Word(s[..at].to_string()));
                out.push(PatWord::Word(s[at..].to_string()));
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_rule() {
        let r = parse("t.rules", "[x/quitter]\ntype = DEPARTURE\nverb = quitter\nsubject = person:PERSON\nafter = pour rejoindre ... ORG -> destination\nrequire = person\n").unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(
            r[0].after[0].words,
            [
                PatWord::Word("pour".into()),
                PatWord::Word("rejoindre".into()),
                PatWord::Gap
            ]
        );
        assert_eq!(
            r[0].after[0].target,
            SlotSpec {
                slot: "destination".into(),
                labels: vec![Label::Org]
            }
        );
    }

    #[test]
    fn parses_a_before_pattern() {
        let r = parse(
            "t.rules",
            "[x]\ntype = LOSS\nnoun = perte\nbefore = MONEY de -> amount\nrequire = amount\n",
        )
        .unwrap();
        assert_eq!(r[0].before[0].words, [PatWord::Word("de".into())]);
        assert_eq!(r[0].before[0].target.labels, [Label::Money]);
        assert!(r[0].before[0].lead.is_empty());
    }

    #[test]
    fn parses_the_lead_words_of_a_before_pattern() {
        let r = parse(
            "t.rules",
            "[x]\ntype = FUNDING\nnoun = prêt\nbefore = auprès de ORG un -> investors\n",
        )
        .unwrap();
        let word = |w: &str| PatWord::Word(w.into());
        // Folded, as the tokens they are matched with.
        assert_eq!(r[0].before[0].lead, [word("aupres"), word("de")]);
        assert_eq!(r[0].before[0].words, [word("un")]);
        assert_eq!(r[0].before[0].target.labels, [Label::Org]);
        assert!(parse("t.rules", "[x]\ntype = X\nnoun = y\nbefore = de la -> z\n").is_err());
    }

    #[test]
    fn parses_a_text_slot() {
        let r = parse(
            "t.rules",
            "[x]\ntype = SPENDING\nverb = investir\ntext = Dans à -> purpose\nrequire = purpose\n",
        )
        .unwrap();
        assert_eq!(r[0].text[0].openers, ["dans", "a"]);
        assert_eq!(r[0].text[0].slot, "purpose");
    }

    #[test]
    fn parses_only_adds() {
        let rule = "[x]\ntype = JOIN\nphrase = <prendre> ses fonctions\nsubject = person:PERSON\n";
        let r = parse("t.rules", &format!("{rule}only_adds = true\n")).unwrap();
        assert!(r[0].only_adds);
        assert!(r[0].dated);
        let r = parse("t.rules", &format!("{rule}dated = false\n")).unwrap();
        assert!(!r[0].dated);
    }

    #[test]
    fn every_rule_may_require_the_date() {
        // No line fills `date`: every event takes its sentence's date.
        let r = parse(
            "t.rules",
            "[a]\ntype = X\nverb = v\nrequire = org|date\nobject = org:ORG\n",
        )
        .unwrap();
        assert_eq!(r[0].require, [vec!["org".to_string(), "date".to_string()]]);
    }

    #[test]
    fn parses_refer_lines() {
        let r = parse(
            "t.rules",
            "[a]\ntype = X\nverb = v\nobject = buyer:ORG\nrefer = Maison mère -> buyer\n",
        )
        .unwrap();
        // Folded as the text's words are.
        let folded: Vec<String> = ["maison", "mère"].map(crate::normalize::fold).into();
        assert_eq!(r[0].refer[0].words, folded);
        assert_eq!(r[0].refer[0].slot, "buyer");
    }

    #[test]
    fn errors_name_file_line_and_problem() {
        let cases = [
            (
                "[a]\ntype = X\nverb = v\nsubject = person:PERSN\n",
                "t.rules:4:",
                "unknown label",
            ),
            (
                "[a]\ntype = X\nnoun = n\nfrobnicate = 1\n",
                "t.rules:4:",
                "unknown key",
            ),
            ("[a]\nverb = v\n", "t.rules:1:", "no `type"),
            ("[a]\ntype = X\n", "t.rules:1:", "no trigger"),
            ("type = X\n", "t.rules:1:", "before any"),
            (
                "[a]\ntype = X\nverb = v\nrequire = org\n",
                "t.rules:1:",
                "requires slot `org`",
            ),
            (
                "[a]\ntype = X\nverb = v\nafter = de ORG\n",
                "t.rules:4:",
                "->",
            ),
            ("[a]\ntype = X\nverb = v\n[a]\n", "t.rules:4:", "used twice"),
            (
                "[a]\ntype = X\nverb = v\nrefer = cible -> target\n",
                "t.rules:1:",
                "a slot no subject",
            ),
            (
                "[a]\ntype = X\nverb = v\nrefer = -> target\n",
                "t.rules:4:",
                "needs a noun",
            ),
            ("[a]\ntype = depart\nverb = v\n", "t.rules:2:", "capitals"),
            (
                "[x]\ntype = LOSS\nnoun = perte\nbefore = MONEY ... de -> amount\n",
                "t.rules:4:",
                "plain words only",
            ),
            (
                "[x]\ntype = SPENDING\nverb = investir\ntext = dans ... -> purpose\n",
                "t.rules:4:",
                "plain words only",
            ),
            (
                "[x]\ntype = SPENDING\nverb = investir\ntext = -> purpose\n",
                "t.rules:4:",
                "at least one word",
            ),
            (
                "[x]\ntype = JOIN\nphrase = <prendre> ses fonctions\nonly_adds = yes\n",
                "t.rules:4:",
                "`true` or `false`",
            ),
            (
                "[x]\ntype = LEAVE\nnoun = congé\ndated = non\n",
                "t.rules:4:",
                "`dated` is `true` or `false`",
            ),
        ];
        for (text, at, what) in cases {
            let e = parse("t.rules", text).unwrap_err().to_string();
            assert!(e.starts_with(at) && e.contains(what), "{text:?}: {e}");
        }
    }

    #[test]
    fn pattern_words_match_their_elided_forms() {
        assert!(word_matches("de", "d'"));
        assert!(word_matches("la", "l'"));
        assert!(word_matches("le", "l'"));
        assert!(word_matches("jusque", "jusqu'"));
        assert!(word_matches("de", "de"));
        assert!(!word_matches("de", "du"));
        assert!(!word_matches("pour", "pou'"));
        assert!(!word_matches("d'", "de"));
    }
}
