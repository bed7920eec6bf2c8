//! Words around a number, for the extractors of money, percentages,
//! quantities and counts: cheap look-ups on the normalized text, no
//! allocation beyond small fixed arrays.

use crate::lexicon::{FastMap as HashMap, FastSet};

/// True when `c` belongs to a word (letters, marks, ZWNJ).
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c == '\u{200C}' || super::lexer::is_letter(c)
}

/// True for the spaces between two words of one phrase (not a line break).
#[inline]
pub(crate) fn is_gap(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{00A0}' | '\u{200C}')
}

/// The word starting at or after `pos` (after spaces only), as a byte range
/// without a trailing ZWNJ.
pub(crate) fn next_word(text: &str, pos: usize) -> Option<(usize, usize)> {
    text.get(pos..)?;
    let start = gaps_end(text, pos);
    // Nothing but gaps after `pos`.
    if start >= text.len() {
        return None;
    }
    let end = super::lexer::word_end(text, start);
    let w = text.get(start..end)?.trim_end_matches('\u{200C}');
    if end == start {
        return None;
    }
    Some((start, start + w.len()))
}

/// The end of the run of [`is_gap`] chars that starts at byte `i` (a char
/// boundary) of `text`, by bytes.
#[inline]
fn gaps_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(i..) {
            Some([b' ' | b'\t', ..]) => i += 1,
            Some([0xC2, 0xA0, ..]) => i += 2,
            Some([0xE2, 0x80, 0x8C, ..]) => i += 3,
            _ => return i,
        }
    }
}

/// The word ending at or before `pos` (before spaces only).
pub(crate) fn prev_word(text: &str, pos: usize) -> Option<(usize, usize)> {
    let head = text.get(..pos)?;
    let trimmed = head.trim_end_matches(is_gap);
    let end = trimmed.len();
    let start = trimmed
        .rfind(|c: char| !is_word_char(c))
        .map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
    let w = &text[start..end];
    let w = w.trim_start_matches('\u{200C}');
    if w.is_empty() {
        return None;
    }
    Some((end - w.len(), end))
}

/// The text between `a` and `b` without surrounding spaces.
pub(crate) fn between(text: &str, a: usize, b: usize) -> &str {
    text.get(a..b).map_or("", |s| s.trim_matches(|c: char| c.is_whitespace() || c == '\u{200C}'))
}

/// True when the number at `start` is a vague amount: `چند هزار`, `چندصد`.
pub(crate) fn vague_before(text: &str, start: usize) -> bool {
    prev_word(text, start).is_some_and(|(s, e)| {
        matches!(
            &text[s..e],
            "چند" | "چندین" | "ده\u{200C}ها" | "دهها" | "صدها" | "صد\u{200C}ها" | "هزاران" | "چندده"
        )
    })
}

static IDENTIFIER_NOUNS: std::sync::LazyLock<FastSet<&'static str>> = std::sync::LazyLock::new(|| {
    crate::lexicon::entries(include_str!("../../data/numbers/identifier-nouns.txt")).collect()
});

/// True when the word right before the number `m` makes it a label, a
/// position or part of a date (`سال ۱۴۰۲`, `منطقه ۷`, `۱۵ تیر ۱۴۰۳`). After
/// سال only a year-like number counts (`سال ۹۹`, `سال ۱۴۰۲`: not `سال ۶۶۸ پرونده`).
pub(crate) fn identifier_before(text: &str, m: &super::NumberMatch) -> bool {
    prev_word(text, m.start).is_some_and(|(s, e)| {
        let w = &text[s..e];
        // سال مالی ۹۹, سال تحصیلی ۱۴۰۲: a year.
        if matches!(w, "مالی" | "زراعی" | "تحصیلی") {
            return is_year_like(m) && prev_word(text, s).is_some_and(|(a, b)| &text[a..b] == "سال");
        }
        if !IDENTIFIER_NOUNS.contains(w) {
            return false;
        }
        if matches!(w, "سال" | "سالهای" | "سال\u{200C}های") {
            return is_year_like(m);
        }
        true
    })
}

/// A number that reads as a year: two digits (سال ۹۹) or 1300-1499,
/// 1900-2099 written in digits.
pub(crate) fn is_year_like(m: &super::NumberMatch) -> bool {
    if m.number.form != super::Form::Digits || m.number.kind != super::NumberKind::Cardinal {
        return false;
    }
    match m.number.value.to_u64() {
        Some(v) => (10..=99).contains(&v) || (1300..=1499).contains(&v) || (1900..=2099).contains(&v),
        None => false,
    }
}

/// The most words a phrase table entry may have.
pub(crate) const MAX_WORDS: usize = 4;

/// A phrase table: phrases of up to [`MAX_WORDS`] words, keyed with single
/// spaces between words; text may join them with a space, a ZWNJ or
/// nothing (the table lists glued forms it accepts, such as مترمربع).
pub(crate) struct Phrases<V> {
    map: HashMap<String, V>,
    /// The first word of every key: [`Phrases::at`] gives up after one
    /// word when no key starts with it.
    firsts: FastSet<String>,
    max_words: usize,
}

impl<V: Copy> Phrases<V> {
    /// A table from `(phrase, value)` pairs.
    pub fn new(entries: impl IntoIterator<Item = (String, V)>) -> Phrases<V> {
        let mut map = HashMap::default();
        let mut max_words = 1;
        for (k, v) in entries {
            let key = k.split([' ', '\u{200C}']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
            max_words = max_words.max(key.split(' ').count()).min(MAX_WORDS);
            map.insert(key, v);
        }
        let firsts = map.keys().filter_map(|k| k.split(' ').next()).map(str::to_string).collect();
        Phrases { map, firsts, max_words }
    }

    /// The longest phrase starting at the word at or after `pos`: its value
    /// and its (start, end) byte range.
    pub fn at(&self, text: &str, pos: usize) -> Option<(V, usize, usize)> {
        let mut words: [(usize, usize); MAX_WORDS] = [(0, 0); MAX_WORDS];
        let mut n = 0;
        let mut p = pos;
        while n < self.max_words {
            // Words of one phrase are separated by spaces or ZWNJ only.
            let Some((s, e)) = next_word(text, p) else { break };
            if n > 0 && text[p..s].chars().any(|c| !is_gap(c)) {
                break;
            }
            // A word here may hold ZWNJ-joined parts: split them.
            let mut part_start = s;
            for (i, c) in text[s..e].char_indices() {
                if c == '\u{200C}' {
                    if n < self.max_words && part_start < s + i {
                        words[n] = (part_start, s + i);
                        n += 1;
                    }
                    part_start = s + i + c.len_utf8();
                }
            }
            if n < self.max_words && part_start < e {
                words[n] = (part_start, e);
                n += 1;
            }
            // Every key tried below begins with the first part as its
            // first word.
            if let Some(&(fs, fe)) = words[..n].first() {
                if !self.firsts.contains(&text[fs..fe]) {
                    return None;
                }
            }
            p = e;
        }
        if n == 0 {
            return None;
        }
        let mut key = String::with_capacity(64);
        let mut best = None;
        for (i, &(s, e)) in words[..n].iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(&text[s..e]);
            if let Some(v) = self.map.get(&key) {
                best = Some((*v, words[0].0, e));
            }
        }
        best
    }

    /// The longest phrase ending right before `pos` (after spaces): its
    /// value and its start.
    pub fn before(&self, text: &str, pos: usize) -> Option<(V, usize)> {
        let mut words: [(usize, usize); MAX_WORDS] = [(0, 0); MAX_WORDS];
        let mut n = 0;
        let mut p = pos;
        while n < self.max_words {
            let Some((s, e)) = prev_word(text, p) else { break };
            if n > 0 && text[e..p].chars().any(|c| !is_gap(c)) {
                break;
            }
            words[n] = (s, e);
            n += 1;
            p = s;
        }
        let mut best = None;
        let mut key = String::with_capacity(64);
        for k in 1..=n {
            key.clear();
            for (i, &(s, e)) in words[..k].iter().rev().enumerate() {
                if i > 0 {
                    key.push(' ');
                }
                key.push_str(&text[s..e].replace('\u{200C}', " "));
            }
            if let Some(v) = self.map.get(&key) {
                best = Some((*v, words[k - 1].0));
            }
        }
        best
    }

    /// The value of exactly `phrase` (words separated by spaces or ZWNJ).
    pub fn get(&self, phrase: &str) -> Option<V> {
        if phrase.contains('\u{200C}') {
            self.map.get(&phrase.replace('\u{200C}', " ")).copied()
        } else {
            self.map.get(phrase).copied()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `next_word` and `prev_word` by chars, as they were written first.
    fn next_slow(text: &str, pos: usize) -> Option<(usize, usize)> {
        let rest = text.get(pos..)?;
        let start = pos + rest.find(|c: char| !is_gap(c))?;
        let word = &text[start..];
        let len = word.find(|c: char| !is_word_char(c)).unwrap_or(word.len());
        if len == 0 {
            return None;
        }
        Some((start, start + word[..len].trim_end_matches('\u{200C}').len()))
    }

    fn prev_slow(text: &str, pos: usize) -> Option<(usize, usize)> {
        let trimmed = text.get(..pos)?.trim_end_matches(is_gap);
        let end = trimmed.len();
        let start = trimmed
            .rfind(|c: char| !is_word_char(c))
            .map_or(0, |i| i + trimmed[i..].chars().next().map_or(1, char::len_utf8));
        let w = text[start..end].trim_start_matches('\u{200C}');
        (!w.is_empty()).then(|| (end - w.len(), end))
    }

    #[test]
    fn byte_scans_match_char_scans() {
        let texts = [
            "۳۰ هزار\u{200C}دلار، آمریکا\u{00A0}بود.",
            "\u{200C}ab12 x\t\u{200C} \u{200C}می\u{200C}شود؛ ۱۲ Café ١٢ é\u{200D}x «نو»",
            "٪۵ ، ؟ ۀ ٓ ٰ ﷲ 😀 a",
            "",
        ];
        for t in texts {
            for pos in (0..=t.len()).filter(|&p| t.is_char_boundary(p)) {
                assert_eq!(next_word(t, pos), next_slow(t, pos), "next {t:?} {pos}");
                assert_eq!(prev_word(t, pos), prev_slow(t, pos), "prev {t:?} {pos}");
            }
        }
    }

    #[test]
    fn words_and_phrases() {
        let t = "۳۰ هزار دلار آمریکا بود";
        let p = Phrases::new([("دلار".to_string(), 1), ("دلار آمریکا".to_string(), 2)]);
        let pos = t.find("هزار").unwrap() + "هزار".len();
        let (v, s, e) = p.at(t, pos).unwrap();
        assert_eq!((v, &t[s..e]), (2, "دلار آمریکا"));
        let q = Phrases::new([("بالغ بر".to_string(), 1), ("حدود".to_string(), 2)]);
        let t = "ارزش بالغ بر ۳۰";
        let (v, s) = q.before(t, t.find('۳').unwrap()).unwrap();
        assert_eq!((v, &t[s..]), (1, "بالغ بر ۳۰"));
        assert_eq!(prev_word("سلام دنیا", 8), Some((0, 8)));
        assert_eq!(prev_word("سلام، دنیا", 10), None);
        assert_eq!(next_word("a  بله.", 1), Some((3, 9)));
        assert_eq!(q.before("۳۰", 0), None);
    }
}
