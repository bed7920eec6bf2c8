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
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{200C}' || matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// True when `start..end` of `text` is a whole word or phrase: no word
/// character touches it on either side.
#[inline]
pub(crate) fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back().is_none_or(|c| !is_word_char(c));
    let after = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
    before && after
}
