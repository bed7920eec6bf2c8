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

#[inline]
fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200C}' | '\u{200B}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}')
}

pub(super) use crate::normalize::chars::digit_value;

/// Splits `text` into tokens.
pub(super) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        // A line break ends a paragraph: it stays as a token so that no
        // date is read across it.
        if is_space(c) && c != '\n' {
            continue;
        }
        let kind;
        let mut end = start + c.len_utf8();
        if is_letter(c) {
            kind = Kind::Word;
            while let Some(&(i, d)) = it.peek() {
                if is_letter(d) {
                    end = i + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
        } else if is_digit(c) {
            kind = Kind::Num;
            while let Some(&(i, d)) = it.peek() {
                if is_digit(d) {
                    end = i + d.len_utf8();
                    it.next();
                    continue;
                }
                if matches!(d, '/' | '.' | '-' | ',' | '٫' | '٬' | '،') {
                    // A separator belongs to the number only between digits.
                    let after = text[i + d.len_utf8()..].chars().next();
                    if after.is_some_and(is_digit) {
                        it.next();
                        end = i + d.len_utf8();
                        continue;
                    }
                }
                break;
            }
        } else {
            kind = Kind::Punct;
        }
        out.push(Tok { kind, start, end, text: &text[start..end] });
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
