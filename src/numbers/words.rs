//! The number-word table (`data/numbers/words.tsv`) and the split of one
//! written word into number morphemes (`یک‌هزار`, `سیصدوپنجاه`, `بیست‌و‌یکم`).

use crate::lexicon::FastMap as HashMap;
use std::sync::LazyLock;

/// One number morpheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    /// A cardinal below 1000 (`صفر` is 0).
    Small(u16),
    /// A scale: the power of ten (هزار = 3).
    Scale(u8),
    /// نیم.
    Half,
    /// ممیز.
    Point,
    /// The conjunction و.
    And,
    /// اول, نخست, اولین, نخستین.
    First,
    /// A separate ordinal suffix after a number: `ام`, `امین`, `مین` (`سی ام`, `۲۴ ام`).
    OrdSuffix,
}

static WORDS_SRC: &str = include_str!("../../data/numbers/words.tsv");

/// Word -> (morpheme, fixed ordinal form).
static WORDS: LazyLock<HashMap<&'static str, (Word, bool)>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    for row in crate::lexicon::rows(WORDS_SRC) {
        let (Some(w), Some(kind), Some(v)) = (row.first(), row.get(1), row.get(2)) else { continue };
        let Ok(v) = v.parse::<u16>() else { continue };
        let entry = match *kind {
            "n" => (Word::Small(v), false),
            "s" => (Word::Scale(u8::try_from(v).unwrap_or(0)), false),
            "half" => (Word::Half, false),
            "point" => (Word::Point, false),
            "and" => (Word::And, false),
            "first" => (Word::First, true),
            "ord" => (Word::Small(v), true),
            _ => continue,
        };
        m.insert(*w, entry);
    }
    m
});

/// The morphemes usable inside a glued word, grouped by first char
/// (Arabic block offset), longest first within a group.
static MORPHEMES: LazyLock<Vec<Vec<(&'static str, Word)>>> = LazyLock::new(|| {
    let mut groups: Vec<Vec<(&'static str, Word)>> = vec![Vec::new(); 256];
    for (k, (w, ord)) in WORDS.iter() {
        if *ord || !matches!(w, Word::Small(_) | Word::Scale(_) | Word::And | Word::Half) {
            continue;
        }
        if let Some(slot) = k.chars().next().and_then(slot) {
            groups[slot].push((*k, *w));
        }
    }
    for g in &mut groups {
        g.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
    }
    groups
});

/// The group of a first char: chars U+0600..U+06FF only.
#[inline]
fn slot(c: char) -> Option<usize> {
    let v = c as u32;
    (0x0600..0x0700).contains(&v).then(|| (v - 0x0600) as usize)
}

/// One morpheme found in a word: its byte range within the word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub start: usize,
    pub end: usize,
    pub word: Word,
    pub ordinal: bool,
}

/// The most pieces one written word may hold.
pub(crate) const MAX_PIECES: usize = 12;

/// A fixed-capacity list of pieces (no allocation per word).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pieces {
    items: [Option<Piece>; MAX_PIECES],
    len: usize,
}

impl Pieces {
    fn new() -> Pieces {
        Pieces { items: [None; MAX_PIECES], len: 0 }
    }

    fn push(&mut self, p: Piece) -> bool {
        if self.len >= MAX_PIECES {
            return false;
        }
        self.items[self.len] = Some(p);
        self.len += 1;
        true
    }

    fn truncate(&mut self, len: usize) {
        while self.len > len {
            self.len -= 1;
            self.items[self.len] = None;
        }
    }

    /// The pieces in order.
    pub fn iter(&self) -> impl Iterator<Item = Piece> + '_ {
        self.items[..self.len].iter().flatten().copied()
    }

    fn last_mut(&mut self) -> Option<&mut Piece> {
        self.len.checked_sub(1).and_then(|i| self.items[i].as_mut())
    }

    fn last(&self) -> Option<Piece> {
        self.len.checked_sub(1).and_then(|i| self.items[i])
    }
}

/// The entry of one exact word, if it is a number word.
pub(crate) fn lookup(word: &str) -> Option<(Word, bool)> {
    let i = word.chars().next().and_then(slot)?;
    BY_FIRST.get(i)?.iter().find(|(k, _)| *k == word).map(|(_, v)| *v)
}

/// Every entry of [`WORDS`] grouped by first char: a short linear search
/// beats hashing for these few short words.
type Entry = (&'static str, (Word, bool));

static BY_FIRST: LazyLock<Vec<Vec<Entry>>> = LazyLock::new(|| {
    let mut groups: Vec<Vec<Entry>> = vec![Vec::new(); 256];
    for (k, v) in WORDS.iter() {
        if let Some(i) = k.chars().next().and_then(slot) {
            groups[i].push((*k, *v));
        }
    }
    groups
});

/// Whether some number word begins with each pair of chars (U+0600..U+06FF):
/// a one-probe rejection of most words of running text.
static FIRST_PAIRS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 256 * 256 / 64];
    for k in WORDS.keys() {
        let mut it = k.chars();
        if let (Some(a), Some(b)) = (it.next().and_then(slot), it.next().and_then(slot)) {
            let i = a * 256 + b;
            bits[i / 64] |= 1 << (i % 64);
        }
    }
    bits
});

/// False when neither `word` nor any ZWNJ-separated prefix of it can be
/// split into number morphemes: the lexer's cheap rejection of most words.
/// A prefix begins like the word, except one made only of و (the
/// conjunction, glued by ZWNJ: `و‌پنج`); and every split begins with a
/// word of the table (a morpheme, a whole segment or the base of an ordinal).
#[inline(always)]
pub(crate) fn may_hold_number(word: &str) -> bool {
    match word.as_bytes() {
        // The common case, two letters of the Arabic block and no و first:
        // one bit test decides may_begin.
        [b0 @ 0xD8..=0xDB, b1, b2 @ 0xD8..=0xDB, b3, ..] if !(*b0 == 0xD9 && *b1 == 0x88) => {
            let a = (usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F);
            let b = (usize::from(b2 & 0x03) << 6) | usize::from(b3 & 0x3F);
            pair_may_begin(a, b) && starts_with_entry(word)
        }
        _ => may_hold_number_slow(word),
    }
}

/// True when the word starting `bytes` is surely neither a number word
/// ([`may_hold_number`] false) nor a separate ordinal suffix (ام, امین,
/// مین), from its first two letters alone.
#[inline(always)]
pub(crate) fn surely_no_number(bytes: &[u8]) -> bool {
    match bytes {
        // Not و first, not ام, not می.
        [b0 @ 0xD8..=0xDB, b1, b2 @ 0xD8..=0xDB, b3, ..]
            if !matches!(
                [*b0, *b1, *b2, *b3],
                [0xD9, 0x88, _, _] | [0xD8, 0xA7, 0xD9, 0x85] | [0xD9, 0x85, 0xDB, 0x8C]
            ) =>
        {
            let a = (usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F);
            let b = (usize::from(b2 & 0x03) << 6) | usize::from(b3 & 0x3F);
            !pair_may_begin(a, b)
        }
        _ => false,
    }
}

/// [`may_hold_number`] for the other words (و first, one char, other scripts).
#[inline(never)]
fn may_hold_number_slow(word: &str) -> bool {
    (may_begin(word) || word.trim_start_matches('و').starts_with('\u{200C}')) && starts_with_entry(word)
}

/// Whether some number word begins with the chars of slots `a` and `b`.
#[inline(always)]
fn pair_may_begin(a: usize, b: usize) -> bool {
    let i = a * 256 + b;
    FIRST_PAIRS[i / 64] & (1 << (i % 64)) != 0
}

/// True when some word of the table is a prefix of `word`.
fn starts_with_entry(word: &str) -> bool {
    let Some(group) = lead_slot(word.as_bytes()).and_then(|i| BY_FIRST.get(i)) else { return false };
    // Short keys: compared inline rather than through memcmp.
    let w = word.as_bytes();
    group.iter().any(|(k, _)| k.len() <= w.len() && k.bytes().zip(w).all(|(x, &y)| x == y))
}

/// The slot of و.
const VAV: usize = 'و' as usize - 0x0600;

/// The group (see [`slot`]) of the char at the start of `bytes` when it
/// is in U+0600..U+06FF (two bytes in UTF-8, lead byte D8..DB).
#[inline]
fn lead_slot(bytes: &[u8]) -> Option<usize> {
    match bytes {
        [b0 @ 0xD8..=0xDB, b1, ..] => Some((usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F)),
        _ => None,
    }
}

/// False when no number word (nor و before one) can begin `word`.
#[inline]
fn may_begin(word: &str) -> bool {
    may_begin_bytes(word.as_bytes())
}

/// [`may_begin`] on the UTF-8 bytes, without decoding chars.
#[inline]
fn may_begin_bytes(mut bytes: &[u8]) -> bool {
    loop {
        let Some(a) = lead_slot(bytes) else { return false };
        let rest = bytes.get(2..).unwrap_or_default();
        if a == VAV {
            // و glued before a number word: وپانصد.
            if rest.is_empty() {
                return true;
            }
            bytes = rest;
            continue;
        }
        return lead_slot(rest).is_some_and(|b| pair_may_begin(a, b));
    }
}

/// Splits a written word (letters and ZWNJ, no spaces) into number
/// morphemes, or `None` when it is not made only of them. Offsets are
/// relative to `word`.
pub(crate) fn split_word(word: &str) -> Option<Pieces> {
    if !may_begin(word) {
        return None;
    }
    let mut out = Pieces::new();
    let mut offset = 0;
    let mut first_seg = true;
    loop {
        let rest = &word[offset..];
        let (seg, last_seg) = match rest.find('\u{200C}') {
            Some(i) => (&rest[..i], false),
            None => (rest, true),
        };
        if !split_segment(seg, offset, first_seg, last_seg, &mut out) {
            return None;
        }
        if last_seg {
            return Some(out);
        }
        offset += seg.len() + '\u{200C}'.len_utf8();
        first_seg = false;
    }
}

/// Splits one ZWNJ-free segment, appending to `out`.
fn split_segment(seg: &str, offset: usize, first_seg: bool, last_seg: bool, out: &mut Pieces) -> bool {
    if seg.is_empty() {
        return false;
    }
    if let Some((w, ord)) = lookup(seg) {
        // A separate ordinal suffix segment: سی‌ام, سی‌امین.
        return out.push(Piece { start: offset, end: offset + seg.len(), word: w, ordinal: ord })
            && (!ord || last_seg);
    }
    if !first_seg && matches!(seg, "ام" | "امین") {
        if !(last_seg && attach_suffix(out, true)) {
            return false;
        }
        if let Some(p) = out.last_mut() {
            p.end = offset + seg.len();
        }
        return true;
    }
    let mark = out.len;
    if glue(seg, offset, 0, out) {
        return true;
    }
    out.truncate(mark);
    if !last_seg {
        return false;
    }
    // An ordinal: the segment ends in م/مین (or ام/امین after سی).
    for (suffix, after_i) in [("مین", false), ("امین", true), ("م", false), ("ام", true)] {
        if let Some(base) = seg.strip_suffix(suffix) {
            if base.is_empty() {
                continue;
            }
            if lookup(base).is_some_and(|(_, ord)| ord) {
                continue;
            }
            let ok = match lookup(base) {
                Some((w, false)) => {
                    out.push(Piece { start: offset, end: offset + seg.len(), word: w, ordinal: false })
                }
                _ => glue(base, offset, 0, out) && extend_last(out, seg.len() - base.len()),
            };
            if ok && attach_suffix(out, after_i) {
                return true;
            }
            out.truncate(mark);
        }
    }
    false
}

/// Extends the last piece to cover the suffix bytes that follow it.
fn extend_last(out: &mut Pieces, extra: usize) -> bool {
    match out.last_mut() {
        Some(p) => {
            p.end += extra;
            true
        }
        None => false,
    }
}

/// Marks the last piece ordinal if its word takes the suffix: `م`/`مین`
/// after everything but سی (سیم is a wire) and سه (سهم is a share);
/// `ام`/`امین` only after سی.
fn attach_suffix(out: &mut Pieces, alef_form: bool) -> bool {
    let Some(p) = out.last_mut() else { return false };
    let ok = match p.word {
        Word::Small(30) => alef_form,
        Word::Small(3) | Word::Small(0) => false,
        Word::Small(_) | Word::Scale(_) => !alef_form,
        _ => false,
    };
    if ok {
        p.ordinal = true;
    }
    ok
}

/// Splits `seg[pos..]` into glued morphemes: two cardinals must be joined by
/// و, except a unit before صد (دوصد) and anything before a scale (یکهزار).
fn glue(seg: &str, offset: usize, pos: usize, out: &mut Pieces) -> bool {
    if pos == seg.len() {
        return pos > 0;
    }
    let rest = &seg[pos..];
    let Some(group) = rest.chars().next().and_then(slot).and_then(|i| MORPHEMES.get(i)) else {
        return false;
    };
    for &(m, w) in group {
        if !rest.starts_with(m) {
            continue;
        }
        let prev = out.last().filter(|p| p.start >= offset).map(|p| p.word);
        let allowed = match (prev, w) {
            (None, _) => true,
            (Some(Word::And), Word::And) => false,
            (Some(_), Word::And) => true,
            (Some(Word::And), _) => true,
            (Some(Word::Small(u)), Word::Small(100)) => (1..=9).contains(&u),
            (Some(_), Word::Scale(_)) => true,
            _ => false,
        };
        if !allowed {
            continue;
        }
        let mark = out.len;
        if out.push(Piece { start: offset + pos, end: offset + pos + m.len(), word: w, ordinal: false })
            && glue(seg, offset, pos + m.len(), out)
        {
            return true;
        }
        out.truncate(mark);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(w: &str) -> Option<Vec<(Word, bool)>> {
        split_word(w).map(|p| p.iter().map(|p| (p.word, p.ordinal)).collect())
    }

    #[test]
    fn splits() {
        use Word::*;
        assert_eq!(words("چهارصد"), Some(vec![(Small(400), false)]));
        assert_eq!(words("یک\u{200C}هزار"), Some(vec![(Small(1), false), (Scale(3), false)]));
        assert_eq!(words("یکهزار"), Some(vec![(Small(1), false), (Scale(3), false)]));
        assert_eq!(words("سیصدوپنجاه"), Some(vec![(Small(300), false), (And, false), (Small(50), false)]));
        assert_eq!(words("پنجم"), Some(vec![(Small(5), true)]));
        assert_eq!(words("پنجمین"), Some(vec![(Small(5), true)]));
        assert_eq!(words("سی\u{200C}ام"), Some(vec![(Small(30), true)]));
        assert_eq!(words("سیام"), Some(vec![(Small(30), true)]));
        assert_eq!(words("سوم"), Some(vec![(Small(3), true)]));
        assert_eq!(words("هزارمین"), Some(vec![(Scale(3), true)]));
        for no in [
            "سیم",
            "سهم",
            "دوده",
            "صدا",
            "صدور",
            "هزاران",
            "سیاست",
            "دوست",
            "نهاد",
            "هشتگ",
            "صدها",
            "میلیون\u{200C}ها",
            "سه\u{200C}شنبه",
            "دهه",
            "یکسان",
            "سیصدم\u{200C}ها",
            "شصتم\u{200C}",
        ] {
            assert_eq!(words(no), None, "{no}");
        }
    }
}
