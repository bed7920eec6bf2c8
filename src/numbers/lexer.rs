//! Splits text into number tokens: digit runs (any script, with thousands
//! and decimal separators) and number morphemes. Runs of tokens separated
//! only by spaces form a chunk; anything else (a non-number word,
//! punctuation, a line break) ends the chunk.

use super::words::{self, Word};
use super::Decimal;
use std::sync::LazyLock;

/// A digit run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Digits {
    /// Its value.
    pub value: Decimal,
    /// Digits before the decimal separator.
    pub int_digits: u8,
    /// Written with a decimal separator.
    pub fraction: bool,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A number morpheme.
    Word(Word),
    /// A digit run.
    Digits(Digits),
}

/// One token with its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Written in an ordinal form (پنجم, بیستمین).
    pub ordinal: bool,
    /// Begins a written word (a number may start here).
    pub word_start: bool,
    /// Ends a written word (a number may end here).
    pub word_end: bool,
}

/// The value of a decimal digit in any of the three scripts.
#[inline]
pub(crate) fn digit_value(c: char) -> Option<u8> {
    crate::normalize::chars::digit_value(c).and_then(|v| u8::try_from(v).ok())
}

#[inline]
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{00A0}' | '\u{200C}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{2000}'
            ..='\u{200B}' | '\u{202F}' | '\u{FEFF}'
    )
}

pub(crate) use crate::lexicon::is_letter;

#[inline]
fn is_thousands_sep(c: char) -> bool {
    matches!(c, ',' | '،' | '٬')
}

#[inline]
fn is_decimal_sep(c: char) -> bool {
    matches!(c, '.' | '/' | '٫')
}

/// What a char is to the lexer, tested in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Separates tokens of one chunk ([`is_space`]).
    Space,
    /// A digit of any script.
    Digit,
    /// A letter or mark ([`is_letter`]).
    Letter,
    /// Anything else: ends the chunk.
    Other,
}

fn class_of(c: char) -> Class {
    if is_space(c) {
        Class::Space
    } else if digit_value(c).is_some() {
        Class::Digit
    } else if is_letter(c) {
        Class::Letter
    } else {
        Class::Other
    }
}

/// The class of every ASCII char (0..128) and of U+0600..U+06FF (128..384):
/// nearly all chars of the text, classified with one load.
static CLASSES: LazyLock<[Class; 384]> = LazyLock::new(|| {
    let mut t = [Class::Other; 384];
    for (k, slot) in t.iter_mut().enumerate() {
        let cp = if k < 128 { k as u32 } else { 0x0600 + (k as u32 - 128) };
        if let Some(c) = char::from_u32(cp) {
            *slot = class_of(c);
        }
    }
    t
});

/// The class of the char at byte `i` of `text`, and its length; `None` at
/// the end. ASCII and the Arabic block (lead byte D8..DB) come from the table.
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

/// ZWNJ in UTF-8.
const ZWNJ: &[u8] = "\u{200C}".as_bytes();

/// The letters of [`CLASSES`] as pairs of bytes, for skipping runs of them.
static ARABIC_LETTER_PAIRS: LazyLock<[u64; 1024]> =
    LazyLock::new(|| crate::lexicon::letter_pairs(|k| CLASSES[128 + k] == Class::Letter));

/// The end of the run of letters and ZWNJ that starts at `i`, and whether
/// the run holds a ZWNJ.
#[inline(always)]
fn word_run_end(text: &str, classes: &[Class; 384], pairs: &[u64; 1024], mut i: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut zwnj = false;
    loop {
        i += crate::lexicon::arabic_letters_len(bytes.get(i..).unwrap_or_default(), pairs);
        let Some(&b0) = bytes.get(i) else { break };
        if b0.is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        if b0 < 0x80 || (0xD8..=0xDB).contains(&b0) {
            // Not a letter (the pair test above covers the Arabic block).
            break;
        }
        if bytes[i..].starts_with(ZWNJ) {
            zwnj = true;
            i += ZWNJ.len();
            continue;
        }
        match class_at(text, classes, i) {
            Some((Class::Letter, len)) => i += len,
            _ => break,
        }
    }
    (i, zwnj)
}

/// The end of the run of letters and ZWNJ that starts at byte `i` of
/// `text` (`i` itself when none does): where the first char that is not
/// [`super::context::is_word_char`] begins.
#[inline]
pub(crate) fn word_end(text: &str, i: usize) -> usize {
    word_run_end(text, &CLASSES, &ARABIC_LETTER_PAIRS, i).0
}

/// Calls `f` with every chunk of tokens of `text`, in order, until `f`
/// returns false. One pass; `buf` is reused.
pub(crate) fn chunks(text: &str, mut f: impl FnMut(&[Tok]) -> bool) {
    let classes: &[Class; 384] = &CLASSES;
    let pairs: &[u64; 1024] = &ARABIC_LETTER_PAIRS;
    let mut buf: Vec<Tok> = Vec::new();
    let mut i = 0;
    loop {
        // Most gaps are one space: skipped unclassified.
        if text.as_bytes().get(i) == Some(&b' ') {
            i += 1;
            continue;
        }
        let Some((class, len)) = class_at(text, classes, i) else { break };
        if class == Class::Space {
            i += len;
            continue;
        }
        if class == Class::Digit {
            // A digit run glued to a Latin letter on either side is a code (F16, 4K, COVID-19).
            let before = &text[..i];
            let glued_latin = match before.chars().next_back() {
                Some(p) if p.is_ascii_alphabetic() || matches!(p, '_' | '#' | '@') => true,
                Some('-' | '+') => {
                    before[..before.len() - 1].chars().next_back().is_some_and(|c| c.is_ascii_alphabetic())
                }
                _ => false,
            };
            let (end, tok) = digit_run(text, i);
            let next = text[end..].chars().next();
            let glued_after = next.is_some_and(|n| n.is_ascii_alphabetic() || n == '_');
            match tok {
                Some(mut t) if !glued_latin && !glued_after => {
                    t.start = i;
                    buf.push(t);
                    // An ordinal suffix glued to the digits: ۲۴ام, ۱۲مین.
                    let rest = &text[end..];
                    let word_len = rest.find(|ch: char| !is_letter(ch)).unwrap_or(rest.len());
                    let word = &rest[..word_len];
                    if matches!(word, "ام" | "امین" | "مین" | "م") {
                        buf.push(Tok {
                            start: end,
                            end: end + word_len,
                            kind: Kind::Word(Word::OrdSuffix),
                            ordinal: true,
                            word_start: false,
                            word_end: true,
                        });
                        i = end + word_len;
                        continue;
                    }
                }
                _ => {
                    if !flush(&mut buf, &mut f) {
                        return;
                    }
                }
            }
            i = end;
            continue;
        }
        if class == Class::Letter {
            // Outside a chunk, a word no number can begin is only skipped.
            if buf.is_empty() && words::surely_no_number(text.as_bytes().get(i..).unwrap_or_default()) {
                i = word_run_end(text, classes, pairs, i).0;
                continue;
            }
            let start = i;
            let (end, has_zwnj) = word_run_end(text, classes, pairs, i);
            // Trailing ZWNJs belong to the run but not to the word.
            let word =
                if has_zwnj { text[start..end].trim_end_matches('\u{200C}') } else { &text[start..end] };
            let word_end = start + word.len();
            i = end;
            if matches!(word, "ام" | "امین" | "مین") {
                buf.push(Tok {
                    start,
                    end: word_end,
                    kind: Kind::Word(Word::OrdSuffix),
                    ordinal: true,
                    word_start: false,
                    word_end: true,
                });
                continue;
            }
            // Most words of running text: no number can begin them, nor
            // any ZWNJ-separated prefix of them.
            if !words::may_hold_number(word) {
                if !flush(&mut buf, &mut f) {
                    return;
                }
                continue;
            }
            // A whole word of the table (و, هزار, یک): the one piece that
            // split_word would give, without building the pieces.
            if !has_zwnj {
                if let Some((w, ordinal)) = words::lookup(word) {
                    buf.push(Tok {
                        start,
                        end: word_end,
                        kind: Kind::Word(w),
                        ordinal,
                        word_start: true,
                        word_end: true,
                    });
                    continue;
                }
            }
            let pieces = words::split_word(word);
            // A number joined by ZWNJ to the word after it (پنج‌درصدی,
            // ده‌میلیون‌نفری): the number ends at the ZWNJ.
            let (pieces, rest) = match pieces {
                Some(p) => (Some(p), false),
                None => match number_prefix_of(word) {
                    Some((p, _)) => (Some(p), true),
                    None => (None, false),
                },
            };
            if let Some(p) = pieces {
                let n = p.iter().count();
                for (k, piece) in p.iter().enumerate() {
                    buf.push(Tok {
                        start: start + piece.start,
                        end: start + piece.end,
                        kind: Kind::Word(piece.word),
                        ordinal: piece.ordinal,
                        word_start: k == 0,
                        word_end: k + 1 == n,
                    });
                }
            }
            if (pieces.is_none() || rest) && !flush(&mut buf, &mut f) {
                return;
            }
            continue;
        }
        // Punctuation, a line break, a symbol: the chunk ends.
        if !flush(&mut buf, &mut f) {
            return;
        }
        i += len;
    }
    flush(&mut buf, &mut f);
}

/// The longest run of leading ZWNJ-separated segments of `word` that are
/// number words, when what follows is a word of its own (at least three
/// letters, or تا; not شنبه): the pieces and the byte length of the number part.
fn number_prefix_of(word: &str) -> Option<(words::Pieces, usize)> {
    let mut best = None;
    for (i, _) in word.match_indices('\u{200C}') {
        let rest = &word[i + '\u{200C}'.len_utf8()..];
        let next = rest.split('\u{200C}').next().unwrap_or("");
        if next.chars().count() < 3 && next != "تا" {
            continue;
        }
        // Weekday names are words of their own: سه‌شنبه, پنج‌شنبه.
        if next.starts_with("شنبه") {
            return None;
        }
        if let Some(p) = words::split_word(&word[..i]) {
            best = Some((p, i));
        } else {
            break;
        }
    }
    best
}

/// Hands a non-empty chunk to `f` and clears it; false when `f` wants to stop.
fn flush(buf: &mut Vec<Tok>, f: &mut impl FnMut(&[Tok]) -> bool) -> bool {
    if buf.is_empty() {
        return true;
    }
    let go = f(buf);
    buf.clear();
    go
}

/// Reads the digit run at `start`: its end, and the token if it is a number
/// (not a date, a time, a version or an overflow).
fn digit_run(text: &str, start: usize) -> (usize, Option<Tok>) {
    // Parts: maximal digit groups and the single separators between them.
    let mut groups: [(usize, usize); 8] = [(0, 0); 8];
    let mut seps: [char; 8] = ['\0'; 8];
    let mut n = 0usize;
    let mut i = start;
    let mut too_many = false;
    loop {
        let g_start = i;
        for (k, ch) in text[i..].char_indices() {
            if digit_value(ch).is_some() {
                i = g_start + k + ch.len_utf8();
            } else {
                break;
            }
        }
        if n < groups.len() {
            groups[n] = (g_start, i);
        } else {
            too_many = true;
        }
        n += 1;
        // A separator between two digits continues the run.
        let mut it = text[i..].chars();
        match (it.next(), it.next()) {
            (Some(s), Some(d))
                if (is_thousands_sep(s) || is_decimal_sep(s) || matches!(s, ':' | '-'))
                    && digit_value(d).is_some() =>
            {
                if n - 1 < seps.len() {
                    seps[n - 1] = s;
                }
                i += s.len_utf8();
            }
            _ => break,
        }
    }
    if too_many {
        return (i, None);
    }
    let groups = &groups[..n];
    let seps = &seps[..n - 1];
    let ndig = |g: (usize, usize)| text[g.0..g.1].chars().count();
    // One dash: only the first number here; the dash then ends the chunk.
    if seps.iter().filter(|&&s| s == '-').count() == 1 && seps.len() == 1 {
        let end = groups[0].1;
        return (end, digits_token(text, groups[0], None));
    }
    if seps.iter().any(|&s| matches!(s, ':' | '-')) {
        return (i, None);
    }
    // Thousands groups (optionally . / ٫ used as grouping when repeated), then one decimal part.
    let mut k = 0;
    let thousands = seps
        .first()
        .copied()
        .filter(|&s| is_thousands_sep(s) || (s == '.' && seps.len() >= 2 && seps.iter().all(|&x| x == '.')));
    let mut int_end = 0;
    if let Some(t) = thousands {
        if ndig(groups[0]) > 3 {
            return (i, None);
        }
        while k < seps.len() && seps[k] == t {
            if ndig(groups[k + 1]) != 3 {
                return (i, None);
            }
            k += 1;
        }
        int_end = k;
    }
    match &seps[k..] {
        [] => (i, digits_run_value(text, &groups[..=int_end], None)),
        [d] if is_decimal_sep(*d) && Some(*d) != thousands => {
            (i, digits_run_value(text, &groups[..=int_end], Some(groups[int_end + 1])))
        }
        _ => (i, None),
    }
}

fn digits_token(text: &str, g: (usize, usize), frac: Option<(usize, usize)>) -> Option<Tok> {
    digits_run_value(text, &[g], frac)
}

/// The token for integer groups `int` and an optional fraction group.
fn digits_run_value(text: &str, int: &[(usize, usize)], frac: Option<(usize, usize)>) -> Option<Tok> {
    let mut m: u128 = 0;
    let mut int_digits: u32 = 0;
    for g in int {
        for ch in text[g.0..g.1].chars() {
            m = m.checked_mul(10)?.checked_add(u128::from(digit_value(ch)?))?;
            int_digits += 1;
        }
    }
    let mut scale: u32 = 0;
    if let Some(g) = frac {
        for ch in text[g.0..g.1].chars() {
            m = m.checked_mul(10)?.checked_add(u128::from(digit_value(ch)?))?;
            scale += 1;
        }
    }
    let value = Decimal::new(m, u8::try_from(scale).ok()?)?;
    let end = frac.or(int.last().copied())?.1;
    Some(Tok {
        start: int.first()?.0,
        end,
        kind: Kind::Digits(Digits {
            value,
            int_digits: u8::try_from(int_digits).unwrap_or(u8::MAX),
            fraction: frac.is_some(),
        }),
        ordinal: false,
        word_start: true,
        word_end: true,
    })
}
