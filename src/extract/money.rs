//! Money: an amount followed by a currency word (`۳۰ هزار میلیارد ریال`,
//! `۸ میلیون تومانی`, `۵ همت`), with ranges (`۱۰ تا ۱۲ میلیارد تومان`,
//! `از X ریال تا Y ریال`, `بین X و Y دلار`), qualifiers (`بالغ بر`, `حدود`
//! ...), one scale and currency shared by several amounts (`برای مدارس ۲۰ و
//! برای راه‌ها ۳۵ میلیارد تومان`) and cents (`۴ دلار و ۲۲ سنت`).
//!
//! The span covers the amount and the currency word, not the qualifier.

use super::Doc;
use crate::model::{Currency, Extraction, Money, Qualifier};
use crate::numbers::context::{between, identifier_before, next_word, prev_word, vague_before, Phrases};
use crate::numbers::{scan, Decimal, NumberKind, NumberMatch};
use std::sync::LazyLock;

/// A currency phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cur {
    /// The currency.
    pub code: Currency,
    /// The power of ten the amount is multiplied by (همت: 12).
    pub exp: u32,
    /// The adjective form (تومانی).
    pub adj: bool,
}

/// Currency phrases (`data/numbers/currencies.tsv`).
pub(crate) static CURRENCIES: LazyLock<Phrases<Cur>> = LazyLock::new(|| {
    Phrases::new(crate::lexicon::rows(include_str!("../../data/numbers/currencies.tsv")).filter_map(|r| {
        let code: Currency = r.get(1)?.parse().ok()?;
        let exp: u32 = r.get(2)?.parse().ok()?;
        Some((r.first()?.to_string(), Cur { code, exp, adj: r.get(3) == Some(&"adj") }))
    }))
});

/// Qualifier phrases (`data/numbers/qualifiers.tsv`).
pub(crate) static QUALIFIERS: LazyLock<Phrases<Qualifier>> = LazyLock::new(|| {
    Phrases::new(crate::lexicon::rows(include_str!("../../data/numbers/qualifiers.tsv")).filter_map(|r| {
        let q = match *r.get(1)? {
            "about" => Qualifier::About,
            "over" => Qualifier::Over,
            "under" => Qualifier::Under,
            "at_least" => Qualifier::AtLeast,
            "up_to" => Qualifier::UpTo,
            _ => return None,
        };
        Some((r.first()?.to_string(), q))
    }))
});

/// The connector between the two ends of a range, given the word before
/// the first end (`بین X و Y`).
pub(crate) fn is_range_connector(text: &str, conn: &str, first_start: usize) -> bool {
    match conn {
        "تا" | "الی" | "-" | "–" | "—" | "تا حداکثر" | "الی حداکثر" => true,
        "و" => prev_word(text, first_start).is_some_and(|(s, e)| &text[s..e] == "بین"),
        _ => false,
    }
}

/// The lower end of a range whose upper end `b` ends with a scale: a bare
/// lower end shares it when it is not larger than `b`'s own figure
/// (`۱۰ تا ۱۲ میلیارد`; but `۵۰۰ تا ۲ میلیون` stays 500).
pub(crate) fn shared_low(a: &NumberMatch, b: &NumberMatch) -> Decimal {
    let v = a.number.value;
    match (a.trailing_scale, b.trailing_scale) {
        (None, Some(s)) => {
            let base = b.number.value.checked_div_pow10(s);
            match (base, v.checked_mul_pow10(s)) {
                (Some(base), Some(scaled)) if v <= base => scaled,
                _ => v,
            }
        }
        _ => v,
    }
}

fn rials(amount: Decimal, code: Currency) -> Option<Decimal> {
    match code {
        Currency::IRR => Some(amount),
        Currency::IRT => amount.checked_mul_pow10(1),
        _ => None,
    }
}

/// Finds the money of `doc` and adds them to `out`.
pub(crate) fn extract(doc: &Doc, out: &mut Extraction) {
    let text = doc.text();
    let nums: Vec<NumberMatch> =
        scan(text).into_iter().filter(|m| m.number.kind == NumberKind::Cardinal).collect();
    if nums.is_empty() {
        return;
    }
    let curs: Vec<Option<(Cur, usize, usize)>> = nums.iter().map(|m| CURRENCIES.at(text, m.end)).collect();
    let mut used = vec![false; nums.len()];
    let mut i = 0;
    while i < nums.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let a = nums[i];
        if a.number.form != crate::numbers::Form::Digits && vague_before(text, a.start) {
            i += 1;
            continue;
        }
        // A range: a (with or without its own currency) then a connector then b with a currency.
        if let (Some(b), Some(Some((cb, _, b_end)))) = (nums.get(i + 1), curs.get(i + 1)) {
            let own = curs[i];
            let after_a = own.filter(|(c, _, _)| !c.adj).map_or(a.end, |(_, _, e)| e);
            let conn = between(text, after_a, b.start);
            let same = own.is_none_or(|(c, _, _)| c.code == cb.code && !c.adj);
            if same && !used[i + 1] && is_range_connector(text, conn, a.start) {
                let low = if own.is_some() { a.number.value } else { shared_low(&a, b) };
                if let (Some(low), Some(high)) =
                    (low.checked_mul_pow10(cb.exp), b.number.value.checked_mul_pow10(cb.exp))
                {
                    let qualifier =
                        QUALIFIERS.before(text, a.start).map(|(q, _)| q).filter(|q| *q != Qualifier::UpTo);
                    out.money.push(Money {
                        amount: low,
                        currency: cb.code,
                        rials: rials(low, cb.code),
                        max_amount: Some(high),
                        qualifier,
                        span: doc.span(a.start..*b_end),
                    });
                    used[i] = true;
                    used[i + 1] = true;
                    i += 2;
                    continue;
                }
            }
        }
        let Some((cur, _, mut end)) = curs[i] else {
            i += 1;
            continue;
        };
        let Some(mut amount) = a.number.value.checked_mul_pow10(cur.exp) else {
            i += 1;
            continue;
        };
        used[i] = true;
        // Cents: ۵۰ دلار و ۸۲ سنت.
        if !cur.adj && !cur.code.is_iranian() {
            if let Some(c) = nums.get(i + 1) {
                let after = next_word(text, c.end);
                if between(text, end, c.start) == "و"
                    && after.is_some_and(|(s, e)| &text[s..e] == "سنت")
                    && c.number.value < Decimal::from(100u32)
                {
                    if let (Some(cents), Some((_, e))) = (c.number.value.checked_div_pow10(2), after) {
                        if let Some(sum) = amount.checked_add(cents) {
                            amount = sum;
                            end = e;
                            used[i + 1] = true;
                        }
                    }
                }
            }
        }
        // Earlier bare amounts sharing this scale and currency.
        let shared = shared_before(text, &nums, &curs, &used, i);
        for &j in shared.iter().rev() {
            let s = &nums[j];
            let exp = a.trailing_scale.unwrap_or(0);
            let Some(v) = s.number.value.checked_mul_pow10(exp).and_then(|v| v.checked_mul_pow10(cur.exp))
            else {
                continue;
            };
            used[j] = true;
            out.money.push(Money {
                amount: v,
                currency: cur.code,
                rials: rials(v, cur.code),
                max_amount: None,
                qualifier: QUALIFIERS.before(text, s.start).map(|(q, _)| q),
                span: doc.span(s.start..s.end),
            });
        }
        out.money.push(Money {
            amount,
            currency: cur.code,
            rials: rials(amount, cur.code),
            max_amount: None,
            qualifier: QUALIFIERS.before(text, a.start).map(|(q, _)| q),
            span: doc.span(a.start..end),
        });
        i += 1;
    }
}

/// Bare numbers before money `i` that share its scale and currency:
/// a list (`۵۹، ۱۰۷ و ۱۴۲ میلیارد ریال`) or one amount followed by و and a
/// few words (`برای مدارس ۲۰ و برای راه‌ها ۳۵ میلیارد تومان`). Indexes,
/// nearest first.
fn shared_before(
    text: &str,
    nums: &[NumberMatch],
    curs: &[Option<(Cur, usize, usize)>],
    used: &[bool],
    i: usize,
) -> Vec<usize> {
    let mut out = Vec::new();
    let b = nums[i];
    let mut next_start = b.start;
    let mut j = i;
    while j > 0 {
        j -= 1;
        let a = nums[j];
        if used[j] || curs[j].is_some() || a.trailing_scale.is_some() || identifier_before(text, a.start) {
            break;
        }
        let gap = &text[a.end..next_start];
        let list = matches!(between(text, a.end, next_start), "،" | "," | "و" | "، و");
        // و then at most four words, no digits or punctuation, only for the nearest amount.
        let words_gap = !list
            && out.is_empty()
            && b.trailing_scale.is_some()
            && gap.trim_start().starts_with("و ")
            && gap.split_whitespace().count() <= 5
            && gap.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == '\u{200C}');
        if !(list || words_gap) {
            break;
        }
        // An amount with a noun after it is not part of the list.
        if !list {
            if let Some((s, e)) = next_word(text, a.end) {
                if &text[s..e] != "و" {
                    break;
                }
            }
        }
        out.push(j);
        next_start = a.start;
        if words_gap {
            break;
        }
    }
    out
}
