//! Money: an amount followed by a currency word (`۳۰ هزار میلیارد ریال`,
//! `۸ میلیون تومانی`, `۵ همت`), with ranges (`۱۰ تا ۱۲ میلیارد تومان`,
//! `از X ریال تا Y ریال`, `بین X و Y دلار`), qualifiers (`بالغ بر`, `حدود`
//! ...), one scale and currency shared by several amounts (`برای مدارس ۲۰ و
//! برای راه‌ها ۳۵ میلیارد تومان`) and cents (`۴ دلار و ۲۲ سنت`).
//!
//! The span covers the amount and the currency word, not the qualifier.

use super::Doc;
use crate::model::{Currency, Extraction, Money, Qualifier};
use crate::numbers::context::{
    between, identifier_before, is_year_like, next_word, prev_word, vague_before, Phrases,
};
use crate::numbers::{Decimal, Form, NumberKind, NumberMatch};
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

/// The currency phrase right after `pos`: its value and (start, end). A
/// scale glued to the currency word counts too (`۲۶۰۰ میلیاردتومانی`).
pub(crate) fn currency_after(text: &str, pos: usize) -> Option<(Cur, usize, usize)> {
    if let Some(c) = CURRENCIES.at(text, pos) {
        return Some(c);
    }
    let (s, e) = next_word(text, pos)?;
    let w = &text[s..e];
    // A scale adjective before the currency adjective: ۱۰۰ میلیونی تومانی.
    for (scale, exp) in [("هزاری", 3), ("میلیونی", 6), ("میلیاردی", 9)] {
        if w == scale {
            if let Some((c, _, end)) = CURRENCIES.at(text, e) {
                return Some((Cur { exp: c.exp + exp, ..c }, s, end));
            }
        }
    }
    for (scale, exp) in [("هزار", 3), ("میلیون", 6), ("میلیارد", 9)] {
        if let Some(rest) = w.strip_prefix(scale) {
            if let Some(c) = CURRENCIES.get(rest.trim_start_matches('\u{200C}')) {
                return Some((Cur { exp: c.exp + exp, ..c }, s, e));
            }
        }
    }
    None
}

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

/// An item of a list sharing the scale of the last item `b`
/// (`هفت، شش و پنج میلیون`): scaled when below a thousand.
pub(crate) fn list_item(a: &NumberMatch, b: &NumberMatch) -> Decimal {
    let v = a.number.value;
    match (a.trailing_scale, b.trailing_scale) {
        (None, Some(s)) if v < Decimal::from(1000u32) => v.checked_mul_pow10(s).unwrap_or(v),
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
        doc.numbers().iter().filter(|m| m.number.kind == NumberKind::Cardinal).copied().collect();
    if nums.is_empty() {
        return;
    }
    let curs: Vec<Option<(Cur, usize, usize)>> = nums.iter().map(|m| currency_after(text, m.end)).collect();
    let mut used = vec![false; nums.len()];
    let mut i = 0;
    while i < nums.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let a = nums[i];
        if a.number.form != Form::Digits && vague_before(text, a.start) {
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
                    // Typed right to left, a range may read high to low: ۱۲-۱۰ میلیارد.
                    let (low, high) = if low > high { (high, low) } else { (low, high) };
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
        let taken: Vec<bool> = used.iter().zip(&curs).map(|(u, c)| *u || c.is_some()).collect();
        let shared = shared_before(text, &nums, &taken, i, true);
        for &j in shared.iter().rev() {
            let s = &nums[j];
            let Some(v) = list_item(s, &a).checked_mul_pow10(cur.exp) else {
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

/// Bare numbers before number `i` that share its scale and unit: a list
/// (`۵۹، ۱۰۷ و ۱۴۲ میلیارد ریال`) or, when `words_gap` and `i` ends with a
/// scale, one amount followed by و and a few words (`برای مدارس ۲۰ و برای
/// راه‌ها ۳۵ میلیارد تومان`). `taken[j]` marks numbers with a unit of their
/// own or already used. Indexes, nearest first.
pub(crate) fn shared_before(
    text: &str,
    nums: &[NumberMatch],
    taken: &[bool],
    i: usize,
    words_gap: bool,
) -> Vec<usize> {
    let mut out = Vec::new();
    let b = nums[i];
    let mut next = b;
    let mut j = i;
    while j > 0 {
        j -= 1;
        let a = nums[j];
        if taken[j]
            || a.trailing_scale.is_some()
            || identifier_before(text, &a)
            || is_year_like(&a) && a.number.value > Decimal::from(999u32)
        {
            break;
        }
        let gap = &text[a.end..next.start];
        let sep = between(text, a.end, next.start);
        let mut list = matches!(sep, "،" | "," | "و" | "، و")
            // A change: از ۱۷٫۴ به ۲۹٫۵ درصد.
            || (sep == "به" && prev_word(text, a.start).is_some_and(|(s, e)| &text[s..e] == "از"));
        // `32 , 390` is a number split by a tokenizer, not a list.
        if sep == "," && next.number.form == Form::Digits && next.end - next.start == 3 {
            list = false;
        }
        // و then at most four words, no digits or punctuation, only for the nearest amount.
        let by_words = words_gap
            && !list
            && out.is_empty()
            && b.trailing_scale.is_some()
            && gap.trim_start().starts_with("و ")
            && gap.split_whitespace().count() <= 5
            && gap.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || c == '\u{200C}');
        if !(list || by_words) {
            break;
        }
        out.push(j);
        next = a;
        if by_words {
            break;
        }
    }
    out
}
