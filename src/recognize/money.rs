//! MONEY: amounts of money with exact values (SPEC § MONEY).
//!
//! The grammar, over tokens:
//!
//! ```text
//! money    := [qualifier] (range | amount)
//! amount   := prefix-currency number            $10, EUR 29,99, US$ 5 millions
//!           | number [de|d'] currency [cents]   1,4 milliard de dollars, 3,5 Md€, 1 USD et 23 centimes
//! range    := [entre|de] number (et|à|-) amount      entre 10 et 15 millions d'euros, 10-15 M€
//!           | amount (et|à|-) amount                 entre 12 euros et 15 euros
//! number   := digits [scale] | words [scale]         (see `number.rs`)
//! ```
//!
//! A scaled number without a currency (`1,5 milliard pour Y`) takes the
//! currency of another amount of the same sentence and is flagged
//! `currency_inferred`; bare numbers never become money. The span runs from
//! the first number to the end of the currency; qualifiers (`près de`,
//! `plus de`) stay out of it and set the value's qualifier.

use super::number::{pow10, ParsedNumber};
use super::{Candidate, Ctx};
use crate::document::{Amount, Label, Qualifier};
use crate::gazetteer::EntryKind;
use crate::lexicon::CurrencyForm;
use rust_decimal::Decimal;

const PRIO_MONEY: u8 = 90;

/// A money expression being read.
struct Found {
    first: usize,
    end: usize,
    value: Option<Decimal>,
    min: Option<Decimal>,
    max: Option<Decimal>,
    currency: Option<String>,
}

/// Proposes MONEY candidates.
pub(crate) fn find(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.len();
    let start = out.len();
    let mut i = 0;
    while i < n {
        match money_at(ctx, i) {
            Some(found) => {
                let qualifier = qualifier_before(ctx, found.first);
                let inferred = found.currency.is_none();
                let mut c = Candidate::new(
                    Label::Money,
                    found.first,
                    found.end,
                    PRIO_MONEY,
                    if inferred {
                        "rule:money-inferred"
                    } else {
                        "rule:money"
                    },
                );
                c.amount = Some(Box::new(Amount {
                    value: found.value,
                    min: found.min,
                    max: found.max,
                    currency: found.currency.unwrap_or_default(),
                    qualifier,
                    currency_inferred: inferred,
                }));
                i = found.end;
                out.push(c);
            }
            None => i += 1,
        }
    }
    infer_currencies(ctx, &mut out[start..]);
    out.retain(|c| {
        c.label != Label::Money || c.amount.as_ref().is_some_and(|a| !a.currency.is_empty())
    });
}

/// Gives scaled amounts without currency the currency of the nearest amount
/// of the same sentence (preceding first).
fn infer_currencies(ctx: &Ctx, found: &mut [Candidate]) {
    for k in 0..found.len() {
        if !found[k]
            .amount
            .as_ref()
            .is_some_and(|a| a.currency.is_empty())
        {
            continue;
        }
        let sentence = ctx.toks.sentence_of[found[k].first as usize];
        let same = |c: &Candidate| {
            ctx.toks.sentence_of[c.first as usize] == sentence
                && c.amount
                    .as_ref()
                    .is_some_and(|a| !a.currency.is_empty() && !a.currency_inferred)
        };
        let currency = found[..k]
            .iter()
            .rev()
            .find(|c| same(c))
            .or_else(|| found[k + 1..].iter().find(|c| same(c)))
            .and_then(|c| c.amount.as_ref().map(|a| a.currency.clone()));
        if let (Some(cur), Some(a)) = (currency, found[k].amount.as_mut()) {
            a.currency = cur;
        }
    }
}

fn money_at(ctx: &Ctx, i: usize) -> Option<Found> {
    let numbers = &ctx.res.numbers;
    // `$10`, `EUR 29,99`, `US$ 5 millions`. Asked of every token: the
    // token's kind bit says first whether a currency starts there at all.
    let prefix = ctx
        .is(i, EntryKind::Currency)
        .then(|| prefix_currency(ctx, i));
    if let Some((iso, after)) = prefix.flatten() {
        if after < ctx.len() {
            if let Some(num) = numbers.parse_at(ctx.text, ctx.toks, after) {
                if num.digits {
                    return Some(Found {
                        first: i,
                        end: num.end,
                        value: Some(num.value),
                        min: None,
                        max: None,
                        currency: Some(iso),
                    });
                }
            }
        }
        return None;
    }
    if !starts_number(ctx, i) {
        return None;
    }
    let a = numbers.parse_at(ctx.text, ctx.toks, i)?;
    let cur_a = currency_after(ctx, &a);
    let after_a = cur_a.as_ref().map_or(a.end, |(_, e)| *e);
    // Ranges.
    if let Some(found) = range_from(ctx, i, &a, cur_a.as_ref().map(|(c, _)| c.clone()), after_a) {
        return Some(found);
    }
    match cur_a {
        Some((iso, end)) => {
            let (value, end) = add_cents(ctx, a.value, end);
            Some(Found {
                first: i,
                end,
                value: Some(value),
                min: None,
                max: None,
                currency: Some(iso),
            })
        }
        // `1,5 milliard pour Y`: currency from the sentence, if any; not a
        // count (`3 millions d'habitants`).
        None if a.scaled && !counts_something(ctx, a.end) => Some(Found {
            first: i,
            end: a.end,
            value: Some(a.value),
            min: None,
            max: None,
            currency: None,
        }),
        None => None,
    }
}

/// `entre 10 et 15 millions d'euros`, `de 2 à 3 Md€`, `10-15 M€`,
/// `entre 12 euros et 15 euros`, `1 et 2 milliards d'euros`.
fn range_from(
    ctx: &Ctx,
    i: usize,
    a: &ParsedNumber,
    cur_a: Option<String>,
    after_a: usize,
) -> Option<Found> {
    let n = ctx.len();
    if after_a + 1 >= n {
        return None;
    }
    let connector = ctx.fold(after_a);
    let intro = if i > 0 { ctx.fold(i - 1) } else { "" };
    let ok = match connector {
        "et" => intro == "entre" || (cur_a.is_none() && !a.scaled),
        "a" => intro == "de" || (cur_a.is_none() && !a.scaled),
        "-" | "–" => true,
        _ => false,
    };
    if !ok || !starts_number(ctx, after_a + 1) {
        return None;
    }
    let b = ctx.res.numbers.parse_at(ctx.text, ctx.toks, after_a + 1)?;
    let (cur_b, end) = currency_after(ctx, &b)?;
    if cur_a.as_ref().is_some_and(|c| *c != cur_b) {
        return None;
    }
    let mut min = a.value;
    if !a.scaled && b.scaled {
        min = min.checked_mul(pow10(b.exponent)?)?.normalize();
    }
    // `d'ici à 2028 et 10 M€` is a year, then an amount: a range goes up.
    if min > b.value {
        return None;
    }
    Some(Found {
        first: i,
        end,
        value: None,
        min: Some(min),
        max: Some(b.value),
        currency: Some(cur_b),
    })
}

fn starts_number(ctx: &Ctx, i: usize) -> bool {
    use crate::tokenize::{flags, TokenKind};
    let t = &ctx.toks.tokens[i];
    match t.kind {
        TokenKind::Number => true,
        // Only a marked number word or a compound (`quatre-vingt`, whose
        // token says it was joined across a hyphen) may be one: the others
        // are not looked up again.
        TokenKind::Word => {
            let numbers = &ctx.res.numbers;
            (ctx.hits.is_marked(i, crate::gazetteer::marks::NUMBER_WORD)
                || (t.has(flags::HYPHENATED) && numbers.may_start_compound(ctx.fold(i))))
                && numbers.is_word(ctx.fold(i))
        }
        _ => false,
    }
}

/// A currency right after a number: `€`, `euros`, `de dollars`, `d'euros`, `EUR`.
fn currency_after(ctx: &Ctx, num: &ParsedNumber) -> Option<(String, usize)> {
    let j = num.end;
    if j >= ctx.len() {
        return None;
    }
    if let Some((iso, end)) = currency_at(
        ctx,
        j,
        &[CurrencyForm::Symbol, CurrencyForm::Code, CurrencyForm::Name],
    ) {
        return Some((iso, end));
    }
    // `1,4 milliard de dollars`, `vingt millions d'euros`: `de` after a scale.
    if num.scaled && matches!(ctx.fold(j), "de" | "d'") && j + 1 < ctx.len() {
        return currency_at(ctx, j + 1, &[CurrencyForm::Name]);
    }
    None
}

/// The longest currency of one of `forms` starting at token `j`.
fn currency_at(ctx: &Ctx, j: usize, forms: &[CurrencyForm]) -> Option<(String, usize)> {
    ctx.hits_at(j, EntryKind::Currency).find_map(|h| {
        let c = &ctx.res.lexicons.currencies[ctx.index(&h)];
        // Symbols and codes must be written exactly (`EUR`, not `eur`).
        let exact = c.kind == CurrencyForm::Name
            || crate::recognize::names::span_text(ctx, h.first as usize, h.end as usize) == c.form;
        (forms.contains(&c.kind) && exact).then(|| (c.iso.clone(), h.end as usize))
    })
}

/// A currency sign or code written before the number.
fn prefix_currency(ctx: &Ctx, i: usize) -> Option<(String, usize)> {
    currency_at(ctx, i, &[CurrencyForm::Symbol, CurrencyForm::Code])
}

/// `1 USD et 23 centimes`, `1 USD 23 cents`.
fn add_cents(ctx: &Ctx, value: Decimal, end: usize) -> (Decimal, usize) {
    let mut j = end;
    if j < ctx.len() && ctx.fold(j) == "et" {
        j += 1;
    }
    if j < ctx.len() && ctx.kind(j) == crate::tokenize::TokenKind::Number {
        if let Some(num) = ctx.res.numbers.parse_at(ctx.text, ctx.toks, j) {
            if !num.scaled
                && num.value < Decimal::ONE_HUNDRED
                && currency_at(ctx, num.end, &[CurrencyForm::Cents]).is_some()
            {
                let (_, stop) =
                    currency_at(ctx, num.end, &[CurrencyForm::Cents]).unwrap_or_default();
                return ((value + num.value / Decimal::ONE_HUNDRED).normalize(), stop);
            }
        }
    }
    (value, end)
}

/// `3 millions d'habitants`: a scaled number followed by `de` + a noun counts things.
fn counts_something(ctx: &Ctx, j: usize) -> bool {
    j + 1 < ctx.len()
        && matches!(ctx.fold(j), "de" | "d'")
        && ctx.kind(j + 1) == crate::tokenize::TokenKind::Word
}

/// A qualifier phrase ending right before token `first`.
fn qualifier_before(ctx: &Ctx, first: usize) -> Option<Qualifier> {
    // A range keeps its introducing word out: `entre`/`de` are not qualifiers,
    // but `plus de` is one phrase of `money_qualifiers.tsv`.
    // The longest phrase wins: `pas plus de` is not `plus de`.
    for back in (1..=4).rev() {
        if back > first {
            continue;
        }
        let s = first - back;
        if let Some(h) = ctx
            .hits_at(s, EntryKind::Qualifier)
            .find(|h| h.end as usize == first)
        {
            return ctx.res.lexicons.money_qualifiers[ctx.index(&h)].1;
        }
    }
    None
}
