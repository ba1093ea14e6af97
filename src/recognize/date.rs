//! DATE: calendar dates and periods with ISO values (SPEC § DATE).
//!
//! Absolute: `6 août 2024` → `2024-08-06`, `06/08/2024`, `mai 2024` →
//! `2024-05`, `en 2023` → `2023` (the preposition stays out of the span),
//! `troisième trimestre 2024` → `2024-Q3`, `premier semestre 2024` →
//! `2024-H1`, `fin 2023` / `la fin de l'année 2023` → `2023-12`,
//! `début 2024` → `2024-01`, `mi-2025` → `2025-06`.
//!
//! Relative, resolved against the document date and flagged `relative`:
//! `hier`, `lundi` (the most recent Monday on or before the document date,
//! the next one in a clause in the future: `prendra ses fonctions lundi`),
//! `lundi dernier`, `l'année dernière`, `cette année`, `la fin de l'année`,
//! `le mois prochain`, `la semaine dernière` (an ISO week), `1er avril`
//! and `mai` without a year (the occurrence nearest to the document date:
//! `janvier` in a November article is the coming January). Without a
//! document date they keep no ISO value.
//!
//! Not dates: durations (`9 ans`, `quelques jours`), `aujourd'hui`, a year
//! that no preposition introduces (`Guide 2024`). The vocabulary is
//! `dates.tsv`.

use super::{Candidate, Ctx};
use crate::document::{DateValue, Label};
use crate::gazetteer::EntryKind;
use crate::tokenize::TokenKind;
use chrono::{Datelike, Days, Months, NaiveDate};

const PRIO_DATE: u8 = 85;

/// Words after which a bare year is a date (`en 2023`, `depuis 2019`).
/// Folded forms: `dès` is `des`, `d'ici` ends with `ici`, `jusqu'en` with `en`.
const YEAR_INTRODUCERS: &[&str] = &[
    "en", "depuis", "des", "ici", "avant", "apres", "vers", "entre", "et", "pour", "de", "courant",
    "exercice", "annee",
];

/// A date found: tokens `first..end`, its ISO value, whether it is relative.
struct Found {
    first: usize,
    end: usize,
    iso: Option<String>,
    relative: bool,
}

/// Proposes DATE candidates, resolving relative dates against `today`.
pub(crate) fn find(ctx: &Ctx, today: Option<NaiveDate>, out: &mut Vec<Candidate>) {
    let n = ctx.len();
    let mut i = 0;
    while i < n {
        if !may_start(ctx, i) {
            i += 1;
            continue;
        }
        match date_at(ctx, i, today) {
            Some(f) if f.end > f.first => {
                let mut c = Candidate::new(Label::Date, f.first, f.end, PRIO_DATE, "rule:date");
                c.date = Some(Box::new(DateValue {
                    iso: f.iso,
                    relative: f.relative,
                }));
                i = f.end;
                out.push(c);
            }
            _ => i += 1,
        }
    }
}

/// Whether a date can start at token `i`: a number, a date word, or an
/// article or demonstrative before a date word (`l'année dernière`).
fn may_start(ctx: &Ctx, i: usize) -> bool {
    let has_word = |k: usize| ctx.hits.has_unchecked(k, EntryKind::DateWord);
    matches!(ctx.kind(i), TokenKind::Number | TokenKind::Ordinal)
        || has_word(i)
        || (has_word(i + 1) && is(ctx, i, &["la", "le", "l'"]))
}

/// The value of a `dates.tsv` word of `kind` at token `i`.
fn word<'a>(ctx: &Ctx<'a>, i: usize, kind: &str) -> Option<&'a str> {
    // Asked at most tokens by the date rules, which have no date word:
    // the token's kind bit first, then a plain loop over its hits.
    if !ctx.hits.has(i, EntryKind::DateWord) {
        return None;
    }
    for h in ctx.hits.at(i) {
        if h.kind == EntryKind::DateWord && h.case_ok && h.end as usize == i + 1 {
            let (_, k, v) = &ctx.res.lexicons.dates[ctx.index(h)];
            if k == kind {
                return Some(v.as_str());
            }
        }
    }
    None
}

fn number(ctx: &Ctx, i: usize) -> Option<u32> {
    (i < ctx.len()
        && ctx.kind(i) == TokenKind::Number
        && ctx.word(i).bytes().all(|b| b.is_ascii_digit())
        && ctx.word(i).len() <= 4)
        .then(|| ctx.word(i).parse().ok())
        .flatten()
}

fn year(ctx: &Ctx, i: usize) -> Option<i32> {
    number(ctx, i)
        .filter(|y| (1800..=2100).contains(y) && ctx.word(i).len() == 4)
        .map(|y| y as i32)
}

fn month(ctx: &Ctx, i: usize) -> Option<u32> {
    word(ctx, i, "month")?.parse().ok()
}

fn is(ctx: &Ctx, i: usize, words: &[&str]) -> bool {
    i < ctx.len() && words.contains(&ctx.fold(i))
}

fn date_at(ctx: &Ctx, i: usize, today: Option<NaiveDate>) -> Option<Found> {
    numeric(ctx, i)
        .or_else(|| day_month(ctx, i, today))
        .or_else(|| part_of(ctx, i, today))
        .or_else(|| quarter(ctx, i, today))
        .or_else(|| relative_unit(ctx, i, today))
        .or_else(|| relative_day(ctx, i, today))
        .or_else(|| weekday(ctx, i, today))
        .or_else(|| month_year(ctx, i, today))
        .or_else(|| bare_year(ctx, i))
}

/// `06/08/2024`, `6.8.24`.
fn numeric(ctx: &Ctx, i: usize) -> Option<Found> {
    let d = number(ctx, i).filter(|_| ctx.word(i).len() <= 2)?;
    if i + 4 >= ctx.len() {
        return None;
    }
    let sep = ctx.word(i + 1);
    if !matches!(sep, "/" | "." | "-") {
        return None;
    }
    let m = number(ctx, i + 2).filter(|_| ctx.word(i + 2).len() <= 2)?;
    if ctx.word(i + 3) != sep {
        return None;
    }
    let y = number(ctx, i + 4)?;
    let y = match ctx.word(i + 4).len() {
        4 => y as i32,
        2 => 2000 + y as i32,
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    Some(Found {
        first: i,
        end: i + 5,
        iso: Some(date.to_string()),
        relative: false,
    })
}

/// `6 août 2024`, `1er janvier`, `premier mars 2025`.
fn day_month(ctx: &Ctx, i: usize, today: Option<NaiveDate>) -> Option<Found> {
    let day: u32 = match number(ctx, i) {
        Some(d) if ctx.word(i).len() <= 2 => d,
        _ => word(ctx, i, "ordinal_day")?.parse().ok()?,
    };
    let m = month(ctx, i + 1)?;
    if let Some(y) = year(ctx, i + 2) {
        let date = NaiveDate::from_ymd_opt(y, m, day)?;
        return Some(Found {
            first: i,
            end: i + 3,
            iso: Some(date.to_string()),
            relative: false,
        });
    }
    let iso = today
        .and_then(|t| NaiveDate::from_ymd_opt(nearest_year(t, m), m, day))
        .map(|d| d.to_string());
    (1..=31).contains(&day).then_some(Found {
        first: i,
        end: i + 2,
        iso,
        relative: true,
    })
}

/// `fin 2023`, `début mars`, `mi-2025`, `la mi-décembre`, `la fin de l'année (2023)`, `la fin du mois de mai`.
fn part_of(ctx: &Ctx, i: usize, today: Option<NaiveDate>) -> Option<Found> {
    let article = is(ctx, i, &["la", "le"]);
    let p = if article { i + 1 } else { i };
    // `la mi-décembre`: one word, the month.
    if let Some(m) = word(ctx, p, "mid_month").and_then(|v| v.parse().ok()) {
        return Some(month_found(ctx, i, p, m, today));
    }
    let part = word(ctx, p, "part")?;
    let mut j = p + 1;
    if j < ctx.len() && ctx.word(j) == "-" {
        j += 1;
    }
    // `fin 2023`, `mi-2025`
    if let Some(y) = year(ctx, j) {
        return Some(Found {
            first: i,
            end: j + 1,
            iso: Some(format!("{y}-{:02}", part_month(part, 12))),
            relative: false,
        });
    }
    // `fin mars (2024)`
    if let Some(m) = month(ctx, j) {
        return Some(month_found(ctx, i, j, m, today));
    }
    // `de l'année`, `du mois de mai`
    if !is(ctx, j, &["de", "du", "d'"]) {
        return None;
    }
    j += 1;
    if is(ctx, j, &["l'", "la", "le"]) {
        j += 1;
    }
    match word(ctx, j, "unit") {
        Some("year") => {
            if let Some(y) = year(ctx, j + 1) {
                return Some(Found {
                    first: i,
                    end: j + 2,
                    iso: Some(format!("{y}-{:02}", part_month(part, 12))),
                    relative: false,
                });
            }
            let iso = today.map(|t| format!("{}-{:02}", t.year(), part_month(part, 12)));
            Some(Found {
                first: i,
                end: j + 1,
                iso,
                relative: true,
            })
        }
        Some("month") => {
            let mut k = j + 1;
            if is(ctx, k, &["de", "d'"]) {
                k += 1;
            }
            let m = month(ctx, k)?;
            Some(month_found(ctx, i, k, m, today))
        }
        _ => None,
    }
}

/// The month a part of the year stands for: `fin` → December, `début` → January, `mi` → June.
fn part_month(part: &str, _of: u32) -> u32 {
    match part {
        "start" => 1,
        "mid" => 6,
        _ => 12,
    }
}

/// A month at token `m`, with its year if one follows, the span starting at `first`.
fn month_found(ctx: &Ctx, first: usize, m_tok: usize, m: u32, today: Option<NaiveDate>) -> Found {
    if let Some(y) = year(ctx, m_tok + 1) {
        return Found {
            first,
            end: m_tok + 2,
            iso: Some(format!("{y}-{m:02}")),
            relative: false,
        };
    }
    // `a été licencié en juin`, written in March: a past clause tells of
    // the last June, not the coming one; `ne reprendra pas son poste avant
    // septembre`, written in January: a future clause tells of the coming
    // September, not the last one.
    let year = |t: NaiveDate| {
        let y = nearest_year(t, m);
        if (y, m) > (t.year(), t.month()) && past_clause(ctx, first) {
            y - 1
        } else if (y, m) < (t.year(), t.month()) && future_clause(ctx, first) {
            y + 1
        } else {
            y
        }
    };
    Found {
        first,
        end: m_tok + 1,
        iso: today.map(|t| format!("{}-{m:02}", year(t))),
        relative: true,
    }
}

/// Whether the clause before token `at` is in a compound past: an
/// auxiliary of the passé composé or the plus-que-parfait (`a été
/// licencié en`, `ont quitté en`, `avait rejoint en`). Up to six words
/// back, not past a comma. The words are matched as written, not through
/// the folded `past` cues of `event_cues.tsv`: folded, the preposition `à`
/// is `a` (`à la fin de l'année` would read as a past).
fn past_clause(ctx: &Ctx, at: usize) -> bool {
    (at.saturating_sub(6)..at)
        .rev()
        .take_while(|&k| ctx.same_sentence(k, at) && !matches!(ctx.word(k), "," | ";" | ":"))
        .any(|k| matches!(ctx.word(k), "a" | "ont" | "avait" | "avaient" | "été"))
}

/// Whether token `i` is a unit of time of `dates.tsv` (`ans`, `mois`,
/// `semaines`): `depuis six ans` is a duration.
pub(crate) fn is_time_unit(ctx: &Ctx, i: usize) -> bool {
    word(ctx, i, "unit").is_some()
}

/// The year of the occurrence of month `m` nearest to `today`: news tells
/// of the months around its date, so `en janvier` written in November is
/// the coming January and `en décembre` written in January the last
/// December. Six months away either way keeps today's year.
fn nearest_year(today: NaiveDate, m: u32) -> i32 {
    let ahead = m as i32 - today.month() as i32;
    match ahead {
        d if d > 6 => today.year() - 1,
        d if d < -6 => today.year() + 1,
        _ => today.year(),
    }
}

/// `troisième trimestre 2024` → `2024-Q3`, `premier semestre` → `YYYY-H1`.
fn quarter(ctx: &Ctx, i: usize, today: Option<NaiveDate>) -> Option<Found> {
    let ordinal: u32 = word(ctx, i, "ordinal")?.parse().ok()?;
    let letter = match (
        word(ctx, i + 1, "quarter_word"),
        word(ctx, i + 1, "half_word"),
    ) {
        (Some(_), _) if (1..=4).contains(&ordinal) => 'Q',
        (_, Some(_)) if (1..=2).contains(&ordinal) => 'H',
        _ => return None,
    };
    if let Some(y) = year(ctx, i + 2) {
        return Some(Found {
            first: i,
            end: i + 3,
            iso: Some(format!("{y}-{letter}{ordinal}")),
            relative: false,
        });
    }
    Some(Found {
        first: i,
        end: i + 2,
        iso: today.map(|t| format!("{}-{letter}{ordinal}", t.year())),
        relative: true,
    })
}

/// `l'année dernière`, `cette année`, `le mois prochain`, `la semaine dernière`, `l'an passé`.
fn relative_unit(ctx: &Ctx, i: usize, today: Option<NaiveDate>) -> Option<Found> {
    let deictic = word(ctx, i, "deictic").is_some();
    if !deictic && !is(ctx, i, &["l'", "la", "le"]) {
        return None;
    }
    let unit = word(ctx, i + 1, "unit")?;
    let shift: i32 = match word(ctx, i + 2, "relative_marker") {
        Some(v) => v.parse().ok()?,
        None if deictic => 0,
        None => return None,
    };
    let end = if deictic && word(ctx, i + 2, "relative_marker").is_none() {
        i + 2
    } else {
        i + 3
    };
    let iso = today.and_then(|t| shifted(t, unit, shift));
    Some(Found {
        first: i,
        end,
        iso,
        relative: true,
    })
}

/// The ISO value of the period `unit` shifted by `n` from `t`.
fn shifted(t: NaiveDate, unit: &str, n: i32) -> Option<String> {
    Some(match unit {
        "year" => format!("{}", t.year() + n),
        "month" => {
            let d = if n >= 0 {
                t.checked_add_months(Months::new(n as u32))?
            } else {
                t.checked_sub_months(Months::new((-n) as u32))?
            };
            format!("{}-{:02}", d.year(), d.month())
        }
        "week" => {
            let d = if n >= 0 {
                t.checked_add_days(Days::new(7 * n as u64))?
            } else {
                t.checked_sub_days(Days::new(7 * (-n) as u64))?
            };
            let w = d.iso_week();
            format!("{}-W{:02}", w.year(), w.week())
        }
        "quarter" => {
            let q0 = (t.year() * 4 + (t.month0() / 3) as i32) + n;
            format!("{}-Q{}", q0.div_euclid(4), q0.rem_euclid(4) + 1)
        }
        "half" => {
            let h0 = (t.year() * 2 + (t.month0() / 6) as i32) + n;
            format!("{}-H{}", h0.div_euclid(2), h0.rem_euclid(2) + 1)
        }
        "day" => {
            let d = if n >= 0 {
                t.checked_add_days(Days::new(n as u64))?
            } else {
                t.checked_sub_days(Days::new((-n) as u64))?
            };
            d.to_string()
        }
        _ => return None,
    })
}

/// `hier`, `avant-hier`, `demain`.
fn relative_day(ctx: &Ctx, i: usize, today: Option<NaiveDate>) -> Option<Found> {
    let n: i32 = word(ctx, i, "relative_day")?.parse().ok()?;
    Some(Found {
        first: i,
        end: i + 1,
        iso: today.and_then(|t| shifted(t, "day", n)),
        relative: true,
    })
}

/// `lundi`, `lundi dernier`, `lundi prochain`, `ce mercredi`.
fn weekday(ctx: &Ctx, i: usize, today: Option<NaiveDate>) -> Option<Found> {
    let deictic = word(ctx, i, "deictic").is_some();
    let w = if deictic { i + 1 } else { i };
    let wd: i64 = word(ctx, w, "weekday")?.parse().ok()?;
    // `lundi 6 août`: the day and month carry the date.
    if day_month(ctx, w + 1, today).is_some() {
        return None;
    }
    let marker: Option<i32> = word(ctx, w + 1, "relative_marker").and_then(|v| v.parse().ok());
    let end = if marker.is_some() { w + 2 } else { w + 1 };
    let iso = today.and_then(|t| {
        let today_wd = t.weekday().number_from_monday() as i64;
        let back = (today_wd - wd).rem_euclid(7);
        let offset = match marker {
            // `lundi dernier`: the Monday of the previous week.
            // `lundi dernier`: the last Monday before the document date.
            Some(m) if m < 0 => -(if back == 0 { 7 } else { back }),
            Some(_) => {
                let fwd = (wd - today_wd).rem_euclid(7);
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            // `Il prendra ses fonctions lundi`: the next Monday.
            None if back != 0 && future_clause(ctx, i) => 7 - back,
            None => -back,
        };
        shifted(t, "day", offset as i32)
    });
    Some(Found {
        first: i,
        end,
        iso,
        relative: true,
    })
}

/// Whether the clause before token `at` has a verb in the future: a word
/// ending as the third persons of `fut` in `conjugation.tsv` do after their
/// stem's `r` (`prendra`, `rejoindront`, `sera`), or `va`/`vont` (`va
/// prendre ses fonctions lundi`). Up to six words back, not past a comma.
fn future_clause(ctx: &Ctx, at: usize) -> bool {
    let conj = &ctx.res.lexicons.conjugation;
    let endings: Vec<&str> = conj
        .iter()
        .filter(|(_, tense, _, _)| tense == "fut")
        .flat_map(|(_, _, _, e)| [e.get(2), e.get(5)])
        .flatten()
        .map(String::as_str)
        .collect();
    (at.saturating_sub(6)..at)
        .rev()
        .take_while(|&k| ctx.same_sentence(k, at) && !matches!(ctx.word(k), "," | ";" | ":"))
        .any(|k| {
            let w = ctx.fold(k);
            let lower = !ctx.toks.tokens[k].has(crate::tokenize::flags::UPPER);
            lower
                && (matches!(w, "va" | "vont")
                    || (w.len() >= 4
                        && endings
                            .iter()
                            .any(|e| w.strip_suffix(e).is_some_and(|stem| stem.ends_with('r')))))
        })
}

/// `mai 2024`; a month alone (`en mai`, `L'exode de mai`), lowercase, relative.
fn month_year(ctx: &Ctx, i: usize, today: Option<NaiveDate>) -> Option<Found> {
    let m = month(ctx, i)?;
    if year(ctx, i + 1).is_none() {
        // A capitalised month mid-sentence is rather a name (`Mars`, `Avril`).
        let t = ctx.toks.tokens[i];
        if t.has(crate::tokenize::flags::UPPER) && !ctx.toks.is_sentence_initial(i) {
            return None;
        }
        // An abbreviation needs its year or day.
        if ctx.word(i).ends_with('.') {
            return None;
        }
    }
    Some(month_found(ctx, i, i, m, today))
}

/// `en 2023`, `depuis 2019`, `d'ici 2030`: a year after a word that introduces it.
fn bare_year(ctx: &Ctx, i: usize) -> Option<Found> {
    let y = year(ctx, i)?;
    // `d'ici à 2028`, `jusqu'à 2030`: `à` only after them.
    let after_a = i >= 2 && ctx.fold(i - 1) == "a" && matches!(ctx.fold(i - 2), "ici" | "jusqu'");
    if i == 0 || !(after_a || YEAR_INTRODUCERS.contains(&ctx.fold(i - 1))) {
        return None;
    }
    // `de 2024` only after a noun of accounts or period: keep `de` for `entre … et` ranges.
    if ctx.fold(i - 1) == "de"
        && !(i >= 2
            && is(
                ctx,
                i - 2,
                &[
                    "comptes",
                    "exercice",
                    "budget",
                    "bilan",
                    "fin",
                    "debut",
                    "partir",
                    "printemps",
                    "ete",
                    "automne",
                    "hiver",
                    "l'annee",
                    "annee",
                ],
            ))
    {
        return None;
    }
    Some(Found {
        first: i,
        end: i + 1,
        iso: Some(y.to_string()),
        relative: false,
    })
}

#[cfg(test)]
mod tests {
    use super::{nearest_year, shifted};
    use chrono::NaiveDate;

    #[test]
    fn a_month_without_year_is_its_occurrence_nearest_to_the_document_date() {
        let nov = NaiveDate::from_ymd_opt(2024, 11, 7).unwrap();
        assert_eq!(nearest_year(nov, 1), 2025);
        assert_eq!(nearest_year(nov, 9), 2024);
        assert_eq!(nearest_year(nov, 5), 2024); // six months back: same year
        let jan = NaiveDate::from_ymd_opt(2025, 1, 20).unwrap();
        assert_eq!(nearest_year(jan, 12), 2024);
        assert_eq!(nearest_year(jan, 7), 2025);
        assert_eq!(nearest_year(jan, 8), 2024);
    }

    #[test]
    fn shifts() {
        let t = NaiveDate::from_ymd_opt(2024, 8, 6).unwrap();
        assert_eq!(shifted(t, "year", -1).unwrap(), "2023");
        assert_eq!(shifted(t, "month", 1).unwrap(), "2024-09");
        assert_eq!(shifted(t, "month", -8).unwrap(), "2023-12");
        assert_eq!(shifted(t, "week", 0).unwrap(), "2024-W32");
        assert_eq!(shifted(t, "quarter", -1).unwrap(), "2024-Q2");
        assert_eq!(shifted(t, "quarter", 2).unwrap(), "2025-Q1");
        assert_eq!(shifted(t, "day", -1).unwrap(), "2024-08-05");
    }
}
