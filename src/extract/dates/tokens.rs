//! A light tokenizer for the date grammar: words, numbers and punctuation
//! with their byte ranges in the normalized text.
//!
//! ZWNJ separates words like a space does, so `سه‌شنبه`, `سه شنبه` and the
//! glued `سهشنبه` (listed in the lexicons as a variant) all match.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters (and marks).
    Word,
    /// Digits, possibly with inner `/ . - ,` between digit groups.
    Num,
    /// Any other single character that is not a space.
    Punct,
}

/// One token.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok<'a> {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[inline]
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('۰'..='۹').contains(&c) || ('٠'..='٩').contains(&c)
}

use crate::lexicon::is_letter;
use std::sync::LazyLock;

#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200C}' | '\u{200B}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}')
}

pub(super) use crate::normalize::chars::digit_value;

/// What a char starts, tested in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// A space (not a line break): no token.
    Skip,
    /// A letter: a word.
    Letter,
    /// A digit: a number.
    Digit,
    /// Anything else, a line break included: a one-char token.
    Punct,
}

fn class_of(c: char) -> Class {
    if is_space(c) && c != '\n' {
        Class::Skip
    } else if is_letter(c) {
        Class::Letter
    } else if is_digit(c) {
        Class::Digit
    } else {
        Class::Punct
    }
}

/// The class of every ASCII char (0..128) and of U+0600..U+06FF (128..384):
/// nearly all chars of the text, classified with one load.
static CLASSES: LazyLock<[Class; 384]> = LazyLock::new(|| {
    let mut t = [Class::Punct; 384];
    for (k, slot) in t.iter_mut().enumerate() {
        let cp = if k < 128 { k as u32 } else { 0x0600 + (k as u32 - 128) };
        if let Some(c) = char::from_u32(cp) {
            *slot = class_of(c);
        }
    }
    t
});

/// The letters of [`CLASSES`] as pairs of bytes, for skipping runs of them.
static LETTER_PAIRS: LazyLock<[u64; 1024]> =
    LazyLock::new(|| crate::lexicon::letter_pairs(|k| CLASSES[128 + k] == Class::Letter));

/// The class of the char at byte `i` and its length; `None` at the end.
#[inline]
fn class_at(text: &str, classes: &[Class; 384], i: usize) -> Option<(Class, usize)> {
    let bytes = text.as_bytes();
    let b0 = *bytes.get(i)?;
    if b0 < 0x80 {
        return Some((classes[usize::from(b0)], 1));
    }
    if (0xD8..=0xDB).contains(&b0) {
        if let Some(&b1) = bytes.get(i + 1) {
            let k = (usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F);
            return Some((classes[128 + k], 2));
        }
    }
    let c = text.get(i..)?.chars().next()?;
    Some((class_of(c), c.len_utf8()))
}

/// The end of the run of letters from `i`.
#[inline]
fn letter_run_end(text: &str, classes: &[Class; 384], pairs: &[u64; 1024], mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        i += crate::lexicon::arabic_letters_len(bytes.get(i..).unwrap_or_default(), pairs);
        let Some(&b0) = bytes.get(i) else { return i };
        if b0.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        if b0 < 0x80 || (0xD8..=0xDB).contains(&b0) {
            // Not a letter (the pair test covers the Arabic block).
            return i;
        }
        match class_at(text, classes, i) {
            Some((Class::Letter, len)) => i += len,
            _ => return i,
        }
    }
}

/// The end of the number from `i`: digits, and a separator `/ . - ,` (and
/// the Arabic ones) only between two digits.
fn number_run_end(text: &str, mut i: usize) -> usize {
    while let Some(d) = text.get(i..).and_then(|r| r.chars().next()) {
        let len = d.len_utf8();
        let joins = is_digit(d)
            || (matches!(d, '/' | '.' | '-' | ',' | '٫' | '٬' | '،')
                && text.get(i + len..).and_then(|r| r.chars().next()).is_some_and(is_digit));
        if !joins {
            break;
        }
        i += len;
    }
    i
}

/// Splits `text` into tokens.
pub(super) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let classes: &[Class; 384] = &CLASSES;
    let pairs: &[u64; 1024] = &LETTER_PAIRS;
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut i = 0;
    while let Some((class, len)) = class_at(text, classes, i) {
        let start = i;
        i += len;
        // A line break ends a paragraph: it stays as a token (Punct) so
        // that no date is read across it.
        let kind = match class {
            Class::Skip => continue,
            Class::Letter => {
                i = letter_run_end(text, classes, pairs, i);
                Kind::Word
            }
            Class::Digit => {
                i = number_run_end(text, i);
                Kind::Num
            }
            Class::Punct => Kind::Punct,
        };
        out.push(Tok { kind, start, end: i, text: &text[start..i] });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        let t = tokenize("سه‌شنبه 1403/05/12، (۲۰۲۳) شهریورماه");
        let texts: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["سه", "شنبه", "1403/05/12", "،", "(", "۲۰۲۳", ")", "شهریورماه"]);
        assert_eq!(t[2].kind, Kind::Num);
        assert_eq!(t[3].kind, Kind::Punct);
    }
}
