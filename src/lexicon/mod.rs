//! Lexicons: plain data files under `data/`, embedded at compile time and
//! built once per process.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// The entries of a data file: one a line, `#` starts a comment line, blank
/// lines are skipped, surrounding spaces trimmed.
pub(crate) fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of a tab-separated data file, split into their columns.
pub(crate) fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    entries(src).map(|l| l.split('\t').map(str::trim).collect())
}

/// A leftmost-longest automaton over `patterns`, so that the longest entry
/// wins (معاون اول رئیس‌جمهور over معاون).
pub(crate) fn automaton<I, P>(patterns: I) -> AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .expect("lexicon automaton within size limits")
}

/// True when `c` can be part of a word (letters, digits, marks, ZWNJ).
///
/// ASCII and the Arabic block are decided by table-free range checks: the
/// generic `char::is_alphanumeric` lookup was a fifth of extraction time.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{200C}' => true,
        // Arabic block: letters, marks and digits; not its punctuation
        // (، ؛ ؟ ٪ ٫ ٬ ۔) or the sign range.
        '\u{0600}'..='\u{06FF}' => {
            !matches!(
                c,
                '\u{0600}'..='\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' | '\u{06DD}' | '\u{06DE}' | '\u{06E9}' | '\u{06FD}' | '\u{06FE}'
            ) || matches!(c, '\u{0610}'..='\u{061A}')
        }
        _ => c.is_alphanumeric(),
    }
}

/// True when `start..end` of `text` is a whole word or phrase: no word
/// character touches it on either side.
#[inline]
pub(crate) fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back().is_none_or(|c| !is_word_char(c));
    let after = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
    before && after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_chars_agree_with_unicode() {
        for c in ('\u{0}'..='\u{07FF}').chain(['\u{200C}', '\u{FB50}', '😀']) {
            let slow =
                c.is_alphanumeric() || c == '\u{200C}' || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}');
            let arabic_mark = matches!(c, '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}');
            if !arabic_mark {
                assert_eq!(is_word_char(c), slow, "{c:?} U+{:04X}", c as u32);
            }
        }
    }
}
