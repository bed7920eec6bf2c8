//! Lexicons: plain data files under `data/`, embedded at compile time and
//! built once per process.

use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// The entries of a data file: one a line, `#` starts a comment line, blank
/// lines are skipped, surrounding spaces trimmed.
pub(crate) fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of a tab-separated data file, split into their columns.
pub(crate) fn rows(src: &str) -> impl Iterator<Item = Vec<&str>> {
    entries(src).map(|l| l.split('\t').map(str::trim).collect())
}

/// A letter or a mark of a word; fast for ASCII and the Arabic block.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7F}' => false,
        // Arabic letters and marks; not its digits or punctuation (، ؛ ؟ ٪ ٫ ٬ ۔).
        '\u{0620}'..='\u{065F}'
        | '\u{066E}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06E5}'..='\u{06E6}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphabetic(),
    }
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

// ---------------------------------------------------------------------------
// Hashing: the lexicons are looked up once per word, and SipHash's
// DoS resistance buys nothing for tables built from our own data files.

/// A small, fast hasher for short keys (the FxHash mix, 8 bytes at a time).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(pub(crate) u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) {
        // Whole 8-byte words, then the last 8 bytes again (overlapping) or,
        // for short keys, the first and last 4: no variable-length copy.
        let n = bytes.len();
        if n >= 8 {
            let mut i = 0;
            while i + 8 <= n {
                self.add(read8(bytes, i));
                i += 8;
            }
            if i < n {
                self.add(read8(bytes, n - 8));
            }
        } else if n >= 4 {
            self.add(read4(bytes, 0) | (read4(bytes, n - 4) << 32));
        } else {
            for &b in bytes {
                self.add(u64::from(b));
            }
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // Murmur3's finalizer: every output bit depends on every input bit
        // (Persian text has little entropy in the low bits of its bytes).
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        h ^= h >> 33;
        h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
        h ^ (h >> 33)
    }
}

#[inline]
fn read8(b: &[u8], i: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[i..i + 8]);
    u64::from_le_bytes(a)
}

#[inline]
fn read4(b: &[u8], i: usize) -> u64 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[i..i + 4]);
    u64::from(u32::from_le_bytes(a))
}

/// The `BuildHasher` of [`FxHasher`].
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` keyed by words, with [`FxHasher`].
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
/// A `HashSet` of words, with [`FxHasher`].
pub(crate) type FastSet<K> = std::collections::HashSet<K, FxBuild>;

/// Bits over pairs of UTF-8 bytes `b0 b1` (index `b0 << 8 | b1`): set for the
/// chars U+0600 + k of the Arabic block with `letter(k)`. With
/// [`arabic_letters_len`], a tokenizer skips runs of letters (most of a
/// Persian text) two bytes at a time.
pub(crate) fn letter_pairs(letter: impl Fn(usize) -> bool) -> [u64; 1024] {
    let mut bits = [0u64; 1024];
    for k in (0..256).filter(|&k| letter(k)) {
        // U+0600 + k in UTF-8: 110110xx 10xxxxxx.
        let pair = ((0xD8 | (k >> 6)) << 8) | (0x80 | (k & 0x3F));
        bits[pair >> 6] |= 1 << (pair & 63);
    }
    bits
}

/// The byte length of the run of two-byte letters (as set in `pairs`, from
/// [`letter_pairs`]) at the start of `bytes`: one table test per letter,
/// two letters per step.
#[inline]
pub(crate) fn arabic_letters_len(bytes: &[u8], pairs: &[u64; 1024]) -> usize {
    let letter = |b0: u8, b1: u8| {
        let k = (usize::from(b0) << 8) | usize::from(b1);
        pairs[k >> 6] & (1 << (k & 63)) != 0
    };
    let mut n = 0;
    let mut quads = bytes.chunks_exact(4);
    for q in &mut quads {
        if !letter(q[0], q[1]) {
            return n;
        }
        if !letter(q[2], q[3]) {
            return n + 2;
        }
        n += 4;
    }
    match quads.remainder() {
        [b0, b1, ..] if letter(*b0, *b1) => n + 2,
        _ => n,
    }
}

/// Past stems of verbs (`data/zwnj/verbs.txt` lists past#present). Alone, a
/// stem is the third person past (دانست, پرداخت); many are nouns too, so
/// callers look at what follows.
static PAST_STEMS: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    entries(include_str!("../../data/zwnj/verbs.txt")).filter_map(|e| e.split('#').next()).collect()
});

/// True when `word` is the past stem of a verb ([`PAST_STEMS`]).
pub(crate) fn is_past_stem(word: &str) -> bool {
    PAST_STEMS.contains(word)
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
