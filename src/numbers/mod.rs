//! Exact numbers: digits in any script, number words, and their mixtures.
//!
//! The grammar reads
//!
//! - digits in Persian, Arabic-Indic and ASCII, mixed within one number
//!   (`۵7`), with thousands separators (`,` `،` `٬`) and a decimal separator
//!   (`.` `/` `٫`; `5/2` is 5.2 but `1403/05/12` is a date, not a number);
//! - number words: units, teens, tens and hundreds joined or spaced
//!   (`چهارصد`, `چهار صد`, `یکصد`, `پونصد`), the scales هزار میلیون میلیارد
//!   بیلیون تریلیون, stacked (`هزار میلیارد` = 10^12), sums with and without
//!   و (`دوازده هزار بیست دو` = 12022), `نیم` and `و نیم`, `ممیز`;
//! - digits and words mixed (`۳۰ هزار میلیارد`, `2 هزار و 500`, `یک‌هزار و 45`);
//! - ordinals (`پنجم`, `بیست و یکم`, `سی‌ام`, `اول`, `نخستین`, `۲۴ام`) as
//!   their own [`NumberKind`].
//!
//! Values are exact [`Decimal`]s: never a float, and a number too large for
//! one is no number (never a panic).
//!
//! As written in the news, a scale not below the previous one multiplies
//! everything before it (`سه هزار و پانصد میلیارد` = 3.5×10^12), a group
//! after a scale is added even when larger (`۶ هزار و ۱۱۸۲` = 7182), and a
//! denominator ordinal after a number makes a fraction (`۶ دهم` = 0.6,
//! `۹۸ و سه دهم` = 98.3). A number joined by ZWNJ to the next word ends at
//! the ZWNJ (`پنج‌درصدی`).
//!
//! [`scan`] makes one pass over the text: a lexer cuts digit runs and
//! number words (a first-two-letters table rejects other words at once),
//! and the grammar folds each run of adjacent tokens. The words are in
//! `data/numbers/words.tsv`.
//!
//! ```
//! use khabar::numbers::{parse, parse_ordinal, NumberKind};
//! let n = parse("سی هزار میلیارد").unwrap();
//! assert_eq!(n.value.to_string(), "30000000000000");
//! assert_eq!(parse("۲.۵ میلیون").unwrap().value.to_string(), "2500000");
//! assert_eq!(parse("دو و نیم میلیون").unwrap().value.to_string(), "2500000");
//! assert_eq!(parse("بیست و یکم").unwrap().kind, NumberKind::Ordinal);
//! assert_eq!(parse_ordinal("پنجم"), Some(5));
//! assert_eq!(parse("صدا"), None);
//! ```

pub(crate) mod context;
mod decimal;
mod grammar;
mod lexer;
pub(crate) mod words;

pub use decimal::Decimal;

use crate::normalize::{DigitTarget, Normalizer};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

/// Cardinal (`پنج`) or ordinal (`پنجم`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NumberKind {
    /// How many: `۷۰`, `هفتاد`.
    Cardinal,
    /// Which one: `پنجم`, `اولین`, `۲۴ام`.
    Ordinal,
}

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Form {
    /// Digits only: `۷۰`, `1,200`, `۱۲٫۵`.
    Digits,
    /// Words only: `هفتاد`, `سی هزار میلیارد`.
    Words,
    /// Digits and words: `۳۰ هزار میلیارد`.
    Mixed,
}

/// A parsed number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Number {
    /// The exact value.
    pub value: Decimal,
    /// Cardinal or ordinal.
    pub kind: NumberKind,
    /// Digits, words or both.
    pub form: Form,
}

/// A number found in text, with its byte range.
///
/// ```
/// let text = "۷۰ پروژه با ۳۰ هزار میلیارد ریال";
/// let found = khabar::numbers::scan(text);
/// assert_eq!(found.len(), 2);
/// assert_eq!(&text[found[1].start..found[1].end], "۳۰ هزار میلیارد");
/// assert_eq!(found[1].number.value.to_string(), "30000000000000");
/// assert_eq!(found[1].trailing_scale, Some(12));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct NumberMatch {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The number.
    pub number: Number,
    /// When the number ends with scale words, their power of ten
    /// (`۳۵ میلیارد` → 9, `سی هزار میلیارد` → 12); a bare number before it
    /// may share it (`۲۰ و ... ۳۵ میلیارد`, `۱۰ تا ۱۲ میلیارد`).
    pub trailing_scale: Option<u32>,
}

impl NumberMatch {
    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

fn to_match(p: grammar::Parsed) -> NumberMatch {
    let form = match (p.words, p.digits) {
        (true, true) => Form::Mixed,
        (true, false) => Form::Words,
        _ => Form::Digits,
    };
    let kind = if p.ordinal { NumberKind::Ordinal } else { NumberKind::Cardinal };
    NumberMatch {
        start: p.start,
        end: p.end,
        number: Number { value: p.value, kind, form },
        trailing_scale: p.trailing_scale,
    }
}

/// Every number in `text`, left to right, in one pass.
///
/// Meant for normalized text (see [`crate::normalize()`]): number words must
/// use Persian ی and ک. Digits may be in any script.
pub fn scan(text: &str) -> Vec<NumberMatch> {
    let mut out = Vec::new();
    scan_with(text, |m| {
        out.push(m);
        true
    });
    out
}

/// Calls `f` with every number in `text`, left to right, until `f`
/// returns false.
pub fn scan_with(text: &str, mut f: impl FnMut(NumberMatch) -> bool) {
    lexer::chunks(text, |toks| {
        let mut go = true;
        grammar::parse_chunk(toks, |p| {
            if go {
                go = f(to_match(p));
            }
        });
        go
    });
}

static NORMALIZER: LazyLock<Normalizer> =
    LazyLock::new(|| Normalizer::builder().digits(DigitTarget::Keep).repair_zwnj(false).build());

/// The number that `text` is, as a whole (surrounding spaces aside), or
/// `None`. Arabic letter forms (ي ك) are accepted.
///
/// ```
/// use khabar::numbers::parse;
/// assert_eq!(parse("یک میلیون و دویست هزار").unwrap().value.to_string(), "1200000");
/// assert_eq!(parse("۵7").unwrap().value.to_string(), "57");
/// assert_eq!(parse("5/2").unwrap().value.to_string(), "5.2");
/// assert_eq!(parse("1403/05/12"), None);
/// assert_eq!(parse("۷۰ پروژه"), None);
/// ```
pub fn parse(text: &str) -> Option<Number> {
    let norm = NORMALIZER.normalize(text);
    let t = norm.as_str().trim();
    let (m, len) = prefix(t)?;
    (len == t.len()).then_some(m.number)
}

/// The number at the very start of `text` (after spaces) and the byte
/// length it covers in `text`, or `None`. `text` should be normalized.
///
/// ```
/// use khabar::numbers::number_prefix;
/// let (n, len) = number_prefix("۳۰ هزار میلیارد ریال").unwrap();
/// assert_eq!(n.value.to_string(), "30000000000000");
/// assert_eq!(len, "۳۰ هزار میلیارد".len());
/// ```
pub fn number_prefix(text: &str) -> Option<(Number, usize)> {
    prefix(text).map(|(m, len)| (m.number, len))
}

fn prefix(text: &str) -> Option<(NumberMatch, usize)> {
    let lead = text.len() - text.trim_start().len();
    let mut found = None;
    scan_with(text, |m| {
        if m.start == lead {
            found = Some(m);
        }
        false
    });
    found.map(|m| (m, m.end))
}

/// The value of an ordinal written alone: `پنجم` 5, `بیست و یکم` 21,
/// `اول`/`نخست`/`اولین` 1, `سوم` 3, `سی‌ام` 30, `۲۴ام` 24; `None` for
/// anything else (a cardinal included).
///
/// ```
/// use khabar::numbers::parse_ordinal;
/// assert_eq!(parse_ordinal("دوم"), Some(2));
/// assert_eq!(parse_ordinal("بیست و یکمین"), Some(21));
/// assert_eq!(parse_ordinal("سهم"), None);
/// assert_eq!(parse_ordinal("پنج"), None);
/// ```
pub fn parse_ordinal(text: &str) -> Option<u64> {
    let n = parse(text)?;
    (n.kind == NumberKind::Ordinal).then(|| n.value.to_u64()).flatten()
}

/// The ordinal at the very start of `text` (normalized) and its byte
/// length: `ordinal_prefix("پنجم خضر نبی")` is `Some((5, 8))`.
///
/// ```
/// use khabar::numbers::ordinal_prefix;
/// assert_eq!(ordinal_prefix("پنجم خضر نبی"), Some((5, "پنجم".len())));
/// assert_eq!(ordinal_prefix("پنج پروژه"), None);
/// ```
pub fn ordinal_prefix(text: &str) -> Option<(u64, usize)> {
    let (m, len) = prefix(text)?;
    if m.number.kind != NumberKind::Ordinal {
        return None;
    }
    Some((m.number.value.to_u64()?, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<String> {
        parse(s).map(|n| n.value.to_string())
    }

    #[test]
    fn basics() {
        assert_eq!(v("سی هزار میلیارد").as_deref(), Some("30000000000000"));
        assert_eq!(v("چهار صد").as_deref(), Some("400"));
        assert_eq!(v("دوازده هزار بیست دو").as_deref(), Some("12022"));
        assert_eq!(v("نهصد نود نه هزار نهصد نود نه").as_deref(), Some("999999"));
        assert_eq!(v("یک‌هزار و 45").as_deref(), Some("1045"));
        assert_eq!(v("۱۲٫۵").as_deref(), Some("12.5"));
        assert_eq!(v("1,200").as_deref(), Some("1200"));
        assert_eq!(parse_ordinal("سی ام"), Some(30));
        assert_eq!(parse_ordinal("۲۴ام"), Some(24));
    }
}
