//! Tokens and the lexicons shared by the people extractors (officials,
//! organizations, quotes, source): data files under `data/people/`, built
//! once per process.

use crate::lexicon::{entries, rows};
use crate::model::OrgKind;
use std::borrow::Cow;
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;

/// A hash set of words with the shared fast hasher.
pub(crate) type FastSet = crate::lexicon::FastSet<String>;
/// A hash map keyed by words with the shared fast hasher.
pub(crate) type FastMap<V> = crate::lexicon::FastMap<String, V>;

pub(crate) use crate::lexicon::is_word_char;

const ZWNJ: char = '\u{200C}';

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters (and ZWNJ).
    Word,
    /// A run starting with a digit.
    Num,
    /// One punctuation character.
    Punct(char),
    /// A line break (paragraph end).
    Para,
}

/// A token's lookup key. A key the word lists know points at their copy;
/// the others are made for the token (one allocation per unknown word:
/// interning them per text paid off only on repeated text, not on real
/// articles).
#[derive(Clone, Debug)]
pub(crate) enum Key {
    /// A key of [`VOCAB`].
    Known(&'static str),
    /// A key no word list holds, shared by the tokens of one text.
    Own(Rc<str>),
}

impl Key {
    /// The key as a string slice.
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Key::Known(s) => s,
            Key::Own(s) => s,
        }
    }
}

impl std::ops::Deref for Key {
    type Target = str;
    #[inline]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Key {
    #[inline]
    fn eq(&self, other: &Key) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Key {}

impl PartialEq<str> for Key {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Key {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Key {
    #[inline]
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

/// The flagged phrase lexicons, in the order of their slots in
/// [`Tok::ends`] (slot = bit index of [`Phrases::bit`]).
const SLOTS: usize = 4;

/// A token of the normalized text: byte range and lookup key.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    /// First byte in the normalized text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The word without ZWNJ, with letter variants unified (empty for
    /// punctuation).
    pub key: Key,
    /// Its kind.
    pub kind: TokKind,
    /// Written as a verb with می‌/نمی‌ (a ZWNJ after the prefix).
    pub verbish: bool,
    /// Written as a plural with ‌ها/‌های.
    pub plural: bool,
    /// Which phrase lexicons may start at this word (bits of
    /// [`Phrases::bit`]), computed once when tokenizing.
    pub starts: u8,
    /// The word lists holding the key (bits of [`WordSet`]).
    pub flags: u16,
    /// Per flagged phrase lexicon: how many tokens its longest entry
    /// starting here spans (0: none), computed once when tokenizing.
    ends: [u8; SLOTS],
    /// Per flagged phrase lexicon: that entry's value index.
    vals: [u16; SLOTS],
}

impl Tok {
    /// True for a word token.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    /// True for a sentence end: `.`, `!`, `?`, `؟`, `:` or a line break.
    #[inline]
    pub fn is_sentence_end(&self) -> bool {
        matches!(self.kind, TokKind::Para | TokKind::Punct('.' | '!' | '?' | '؟' | ':' | '؛'))
    }

    /// A token with no key: punctuation or a line break.
    fn bare(start: usize, end: usize, kind: TokKind, flags: u16) -> Tok {
        Tok {
            start,
            end,
            key: Key::Known(""),
            kind,
            verbish: false,
            plural: false,
            starts: 0,
            flags,
            ends: [0; SLOTS],
            vals: [0; SLOTS],
        }
    }
}

/// Char class bit: part of a word ([`is_word_char`]).
const WORD: u8 = 1;
/// Char class bit: dropped or unified by [`key`].
const FOLD: u8 = 2;
/// Char class bit: a digit that starts a number (ASCII, Arabic-Indic and
/// extended Arabic-Indic), set by [`char_at`] only.
const DIGIT: u8 = 4;

/// The classes of U+0600..U+06FF, the block of nearly every char of the
/// text (a test checks them against [`is_word_char`] and [`fold_into`]).
static ARABIC: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = 0x600 + i as u32;
        let word = !matches!(c, 0x600..=0x61F | 0x66A..=0x66D | 0x6D4 | 0x6DD | 0x6DE | 0x6E9 | 0x6FD | 0x6FE)
            || matches!(c, 0x610..=0x61A);
        // ئ ي ى أ إ ٱ ؤ ة ۀ ك, U+0654 and the harakat U+064B..U+0652.
        let fold = matches!(
            c,
            0x626 | 0x64A | 0x649 | 0x623 | 0x625 | 0x671 | 0x624 | 0x629 | 0x6C0 | 0x643 | 0x654 | 0x64B
                ..=0x652
        );
        let digit = matches!(c, 0x660..=0x669 | 0x6F0..=0x6F9);
        t[i] = if word { WORD } else { 0 } | if fold { FOLD } else { 0 } | if digit { DIGIT } else { 0 };
        i += 1;
    }
    t
};

/// The class bits of `c` ([`WORD`], [`FOLD`]).
#[inline]
fn class(c: char) -> u8 {
    let u = c as u32;
    if u < 0x80 {
        if c.is_ascii_alphanumeric() {
            WORD
        } else {
            0
        }
    } else if let Some(&k) = u.checked_sub(0x600).and_then(|i| ARABIC.get(i as usize)) {
        k
    } else if (0x200B..=0x200F).contains(&u) {
        if c == ZWNJ {
            WORD | FOLD
        } else {
            FOLD
        }
    } else if is_word_char(c) {
        WORD
    } else {
        0
    }
}

/// True when [`key`] changes `word`.
#[inline]
fn may_fold(word: &str) -> bool {
    let b = word.as_bytes();
    let mut i = 0;
    // As in [`fold_into`]: the lead byte tells a char's length.
    while let Some(rest) = b.get(i..) {
        i += match *rest {
            [] => break,
            [x @ 0xD8..=0xDB, y, ..] if arabic_class(x, y) & FOLD != 0 => return true,
            [0xE2, 0x80, 0x8B..=0x8F, ..] => return true,
            [x, ..] => match x {
                0..=0xBF => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            },
        };
    }
    false
}

/// What [`fold_into`] makes of the chars U+0600..U+06FF with the class
/// bit [`FOLD`]: their replacement, or NUL for a char dropped.
static FOLDED: [char; 256] = {
    let mut t = ['\0'; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = match 0x600 + i as u32 {
            0x626 | 0x64A | 0x649 => 'ی',
            0x623 | 0x625 | 0x671 => 'ا',
            0x624 => 'و',
            0x629 | 0x6C0 => 'ه',
            0x643 => 'ک',
            _ => '\0',
        };
        i += 1;
    }
    t
};

/// Appends the key of `word` to `out` (see [`key`]).
fn fold_into(word: &str, out: &mut String) {
    out.reserve(word.len());
    let b = word.as_bytes();
    // Unchanged runs are copied whole; the chars that stay are skipped
    // byte by byte (the lead byte tells a char's length).
    let mut run = 0;
    let mut i = 0;
    while let Some(rest) = b.get(i..) {
        let (to, n) = match *rest {
            [] => break,
            [x @ 0xD8..=0xDB, y, ..] => {
                if arabic_class(x, y) & FOLD == 0 {
                    i += 2;
                    continue;
                }
                (FOLDED[(usize::from(x & 3) << 6) | usize::from(y & 0x3F)], 2)
            }
            // U+200B..U+200F (ZWNJ and the other joiners): dropped.
            [0xE2, 0x80, 0x8B..=0x8F, ..] => ('\0', 3),
            [x, ..] => {
                i += match x {
                    0..=0xBF => 1,
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    _ => 4,
                };
                continue;
            }
        };
        out.push_str(word.get(run..i).unwrap_or(""));
        if to != '\0' {
            out.push(to);
        }
        i += n;
        run = i;
    }
    out.push_str(word.get(run..).unwrap_or(""));
}

/// The lookup key of a word: ZWNJ and other joiners dropped, letter
/// variants unified.
pub(crate) fn key(word: &str) -> String {
    if !may_fold(word) {
        return word.to_owned();
    }
    let mut k = String::with_capacity(word.len());
    fold_into(word, &mut k);
    k
}

/// The key of a phrase: its words' keys concatenated (spaces dropped).
pub(crate) fn phrase_key(phrase: &str) -> String {
    key(&phrase.replace(' ', ""))
}

/// The char starting at byte `i` of `text` (a char boundary): its code
/// point, class bits and length. Bytes, not `chars()`: ASCII and the
/// two-byte U+0600..U+06FF are decoded by hand.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (u32, u8, usize) {
    let b = text.as_bytes();
    match b.get(i..) {
        Some(&[x, ..]) if x < 0x80 => {
            let cl = if x.is_ascii_digit() {
                WORD | DIGIT
            } else if x.is_ascii_alphabetic() {
                WORD
            } else {
                0
            };
            (u32::from(x), cl, 1)
        }
        Some(&[x @ 0xD8..=0xDB, y, ..]) => {
            let u = (u32::from(x & 0x1F) << 6) | u32::from(y & 0x3F);
            (u, ARABIC[(u & 0xFF) as usize], 2)
        }
        _ => match text.get(i..).and_then(|s| s.chars().next()) {
            Some(c) => (c as u32, class(c), c.len_utf8()),
            // Not a char boundary (never, for a valid index): skipped.
            None => (u32::MAX, 0, 1),
        },
    }
}

/// The class bits of the two-byte char `[x, y]` with `x` in 0xD8..=0xDB
/// (U+0600..U+06FF).
#[inline(always)]
fn arabic_class(x: u8, y: u8) -> u8 {
    ARABIC[(usize::from(x & 3) << 6) | usize::from(y & 0x3F)]
}

/// Scans the word whose first char ends at byte `j` of `text`: returns
/// where the scan stopped, the end of its last char other than ZWNJ and
/// the class bits of its chars or-ed. Letters of U+0600..U+06FF and ASCII
/// are read byte by byte (nearly all of the text), from a shrinking slice.
#[inline(always)]
fn scan_word(text: &str, j: usize) -> (usize, usize, u8) {
    let b = text.as_bytes();
    let mut rest = b.get(j..).unwrap_or(&[]);
    let mut bits = 0;
    // Bytes of the ZWNJs ending the scan so far.
    let mut tail = 0;
    loop {
        match rest {
            &[x @ 0xD8..=0xDB, y, ref more @ ..] => {
                let cl = arabic_class(x, y);
                if cl & WORD == 0 {
                    break;
                }
                bits |= cl;
                tail = 0;
                rest = more;
            }
            &[x, ref more @ ..] if x < 0x80 => {
                if !x.is_ascii_alphanumeric() {
                    break;
                }
                tail = 0;
                rest = more;
            }
            [] => break,
            _ => {
                let (v, cl, m) = char_at(text, b.len() - rest.len());
                if cl & WORD == 0 {
                    break;
                }
                bits |= cl;
                tail = if v == ZWNJ as u32 { tail + m } else { 0 };
                rest = rest.get(m..).unwrap_or(&[]);
            }
        }
    }
    let stop = b.len() - rest.len();
    (stop, stop.saturating_sub(tail), bits)
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let vocab = &*VOCAB;
    let mut toks = Vec::with_capacity(text.len() / 6);
    let mut keys = Keys::default();
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        // Spaces are most of what is not a word.
        if x == b' ' {
            i += 1;
            continue;
        }
        let (u, cl, n) = char_at(text, i);
        // A ZWNJ outside a word is skipped.
        if cl & WORD != 0 && u != ZWNJ as u32 {
            // The word: up to the end of its last char other than ZWNJ;
            // whether its key differs from it; whether it is a number
            // (ASCII, extended Arabic-Indic and Arabic-Indic digits).
            let num = cl & DIGIT != 0;
            let (j, end, bits) = scan_word(text, i + n);
            let fold = (cl | bits) & FOLD != 0;
            push_word(&mut toks, vocab, text, i..end, fold, num, &mut keys);
            i = j;
            continue;
        }
        if u == u32::from(b'\n') || u == u32::from(b'\r') {
            if toks.last().is_none_or(|t: &Tok| t.kind != TokKind::Para) {
                toks.push(Tok::bare(i, i + n, TokKind::Para, vocab.empty));
            }
        } else if let Some(c) = char::from_u32(u).filter(|c| cl & WORD == 0 && !c.is_whitespace()) {
            toks.push(Tok::bare(i, i + n, TokKind::Punct(c), vocab.empty));
        }
        i += n;
    }
    memo_phrases(&mut toks, &keys.starts, &mut keys.buf);
    toks
}

/// Buffers of the tokenizer.
#[derive(Default)]
struct Keys {
    /// The folded key of the current word.
    buf: String,
    /// The words that may start a phrase (few): where [`memo_phrases`]
    /// looks.
    starts: Vec<usize>,
}

/// Pushes the word token of `text[r]`; `fold`: its key may differ from it;
/// `num`: it starts with a digit.
fn push_word(
    toks: &mut Vec<Tok>,
    vocab: &'static Vocab,
    text: &str,
    r: Range<usize>,
    fold: bool,
    num: bool,
    keys: &mut Keys,
) {
    let Some(w) = text.get(r.clone()) else { return };
    let kind = if num { TokKind::Num } else { TokKind::Word };
    // Both are written with a ZWNJ, which `fold` tells.
    let verbish = fold && (w.starts_with("می\u{200C}") || w.starts_with("نمی\u{200C}"));
    let plural = fold && (w.ends_with("\u{200C}ها") || w.ends_with("\u{200C}های"));
    let k = if fold {
        keys.buf.clear();
        fold_into(w, &mut keys.buf);
        keys.buf.as_str()
    } else {
        w
    };
    let (key, info) = match vocab.words.get_key_value(k) {
        Some((known, info)) => (Key::Known(known), *info),
        None => (Key::Own(Rc::from(k)), Info::default()),
    };
    let starts = if kind == TokKind::Word { info.starts } else { 0 };
    if starts != 0 {
        keys.starts.push(toks.len());
    }
    toks.push(Tok {
        start: r.start,
        end: r.end,
        key,
        kind,
        verbish,
        plural,
        starts,
        flags: info.flags,
        ends: [0; SLOTS],
        vals: [0; SLOTS],
    });
}

/// Fills [`Tok::ends`] and [`Tok::vals`]: the longest entry of each flagged
/// phrase lexicon at each word that may start one (the tokens `at`).
fn memo_phrases(toks: &mut [Tok], at: &[usize], buf: &mut String) {
    for &i in at {
        let Some(starts) = toks.get(i).map(|t| t.starts) else { continue };
        if starts == 0 {
            continue;
        }
        let mut ends = [0u8; SLOTS];
        let mut vals = [0u16; SLOTS];
        let found = [
            if starts & TITLES.bit != 0 { TITLES.scan(toks, i, buf) } else { None },
            if starts & HEADS.bit != 0 { HEADS.scan(toks, i, buf) } else { None },
            if starts & HONORIFICS.bit != 0 { HONORIFICS.scan(toks, i, buf) } else { None },
            if starts & VERBS.bit != 0 { VERBS.scan(toks, i, buf) } else { None },
        ];
        for (slot, f) in found.into_iter().enumerate() {
            if let Some((e, v)) = f {
                // Entries are a few words long and the lists short; an
                // entry that would not fit is looked up each time instead.
                match (u8::try_from(e - i), u16::try_from(v)) {
                    (Ok(n), Ok(v)) => {
                        ends[slot] = n;
                        vals[slot] = v;
                    }
                    _ => {
                        ends[slot] = u8::MAX;
                    }
                }
            }
        }
        toks[i].ends = ends;
        toks[i].vals = vals;
    }
}

/// What the word lists know of a key.
#[derive(Clone, Copy, Default, Debug)]
struct Info {
    /// Bits of the [`WordSet`]s holding it.
    flags: u16,
    /// Bits of the phrase lexicons that may start with it.
    starts: u8,
}

/// Every key of every word list and phrase lexicon, with what they say of
/// it: one lookup per token gives all of it.
struct Vocab {
    /// Keys borrow the data files and lexicons where they can.
    words: crate::lexicon::FastMap<Cow<'static, str>, Info>,
    /// The flags of the empty key (punctuation).
    empty: u16,
}

/// A word list: a bit of [`Vocab`]'s flags.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordSet(u16);

impl WordSet {
    /// Its bits in [`Tok::flags`].
    pub const fn bits(&self) -> u16 {
        self.0
    }

    /// True when the key `k` is listed.
    #[inline]
    pub fn contains(&self, k: &str) -> bool {
        VOCAB.words.get(k).is_some_and(|i| i.flags & self.0 != 0)
    }

    /// True when the key of token `t` is listed (no lookup).
    #[inline]
    pub fn has(&self, t: &Tok) -> bool {
        t.flags & self.0 != 0
    }
}

/// Words that end a name.
pub(crate) static BOUNDARY: WordSet = WordSet(1);
/// Nouns naming a facility after a person.
pub(crate) static FACILITY: WordSet = WordSet(1 << 1);
/// All given names.
pub(crate) static GIVEN: WordSet = WordSet(1 << 2);
/// Common words that the given-names list also holds.
pub(crate) static NOT_GIVEN: WordSet = WordSet(1 << 3);
/// Function words and adverbs (derived from hazm): never part of a name.
pub(crate) static FUNCTION: WordSet = WordSet(1 << 4);
/// Frequent nouns and adjectives (derived from hazm): a name made only of
/// these is no name.
pub(crate) static EVERYDAY: WordSet = WordSet(1 << 5);
/// Finite verb forms written without می (derived from hazm verb stems).
pub(crate) static VERB_FORMS: WordSet = WordSet(1 << 6);
/// Very common given names.
pub(crate) static COMMON_GIVEN: WordSet = WordSet(1 << 7);
/// Forms of the light verbs that make compound verbs with a noun.
pub(crate) static LIGHT_VERBS: WordSet = WordSet(1 << 8);
/// Keys of [`TITLES`] entries.
static TITLE_KEYS: WordSet = WordSet(1 << 9);
/// Keys of [`HEADS`] entries.
static HEAD_KEYS: WordSet = WordSet(1 << 10);
/// Everyday or function words: [`is_everyday`] without stems.
pub(crate) static EVERYDAY_OR_FUNCTION: WordSet = WordSet(EVERYDAY.0 | FUNCTION.0);

/// Forms of the light verbs that make compound verbs with a noun.
const LIGHT_VERB_LIST: &[&str] = &[
    "کرد",
    "کرده",
    "کردند",
    "کردم",
    "کردیم",
    "کردید",
    "کند",
    "کنند",
    "شد",
    "شده",
    "شدند",
    "شدم",
    "شدیم",
    "شدید",
    "شود",
    "است",
    "بود",
    "بوده",
    "داشت",
    "داشته",
    "دارد",
    "دارند",
    "داد",
    "داده",
    "دادند",
    "نمود",
    "نمودند",
    "گرفت",
    "گرفته",
    "خواهد",
    "باشد",
    "نیست",
    "هست",
    "هستند",
    "می",
    "داشتهاند",
    "کردهاند",
    "شدهاند",
];

static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let mut words: crate::lexicon::FastMap<Cow<'static, str>, Info> =
        crate::lexicon::FastMap::with_capacity_and_hasher(50_000, Default::default());
    let mut flag = |k: Cow<'static, str>, bits: u16| {
        words.entry(k).or_default().flags |= bits;
    };
    let lists: [(&str, WordSet); 8] = [
        (include_str!("../../../data/people/boundaries.txt"), BOUNDARY),
        (include_str!("../../../data/people/facility-nouns.txt"), FACILITY),
        (include_str!("../../../data/people/given-names.txt"), GIVEN),
        (include_str!("../../../data/people/not-given-names.txt"), NOT_GIVEN),
        (include_str!("../../../data/people/function-words.txt"), FUNCTION),
        (include_str!("../../../data/people/everyday-words.txt"), EVERYDAY),
        (include_str!("../../../data/people/verb-forms.txt"), VERB_FORMS),
        (include_str!("../../../data/people/common-given-names.txt"), COMMON_GIVEN),
    ];
    for (src, set) in lists {
        for e in entries(src) {
            // Most entries are their own key: no copy.
            flag(if may_fold(e) { Cow::Owned(key(e)) } else { Cow::Borrowed(e) }, set.0);
        }
    }
    for w in LIGHT_VERB_LIST {
        flag(Cow::Borrowed(w), LIGHT_VERBS.0);
    }
    for k in TITLES.map.keys() {
        flag(Cow::Borrowed(k), TITLE_KEYS.0);
    }
    for k in HEADS.map.keys() {
        flag(Cow::Borrowed(k), HEAD_KEYS.0);
    }
    for (bit, set) in [TITLES.starts_of(), HEADS.starts_of(), HONORIFICS.starts_of(), VERBS.starts_of()] {
        for k in set {
            words.entry(Cow::Borrowed(k)).or_default().starts |= bit;
        }
    }
    // Given names: the full list less the common words, plus the common
    // given names.
    for info in words.values_mut() {
        let listed = info.flags & GIVEN.0 != 0 && info.flags & NOT_GIVEN.0 == 0;
        if !listed && info.flags & COMMON_GIVEN.0 == 0 {
            info.flags &= !GIVEN.0;
        } else {
            info.flags |= GIVEN.0;
        }
    }
    let empty = words.get("").map_or(0, |i| i.flags);
    Vocab { words, empty }
});

/// [`Phrases::steps`] of a key that is only a prefix of entries.
const NO_ENTRY: usize = usize::MAX;

/// A lexicon of phrases matched over word tokens, longest first, ignoring
/// how the words are separated (space, ZWNJ or nothing).
pub(crate) struct Phrases<V> {
    /// This lexicon's bit in [`Tok::starts`] (0: not flagged, look up).
    bit: u8,
    /// Entry key → index in `values`.
    map: FastMap<usize>,
    values: Vec<V>,
    /// Every concatenation of an entry's first words (a possible start).
    prefixes: FastSet,
    /// The same keys, each with its entry's index in `values` ([`NO_ENTRY`]
    /// for a mere prefix): one lookup per word when scanning.
    steps: FastMap<usize>,
    max_words: usize,
    max_len: usize,
}

impl<V> Phrases<V> {
    fn new(bit: u8) -> Phrases<V> {
        Phrases {
            bit,
            map: FastMap::default(),
            values: Vec::new(),
            prefixes: FastSet::default(),
            steps: FastMap::default(),
            max_words: 1,
            max_len: 0,
        }
    }

    /// This lexicon's bit and the set of its possible first words.
    fn starts_of(&self) -> (u8, &FastSet) {
        (self.bit, &self.prefixes)
    }

    fn insert(&mut self, phrase: &str, v: V) {
        let k = phrase_key(phrase);
        if k.is_empty() {
            return;
        }
        let parts: Vec<&str> = phrase.split([' ', '\u{200C}']).filter(|w| !w.is_empty()).collect();
        let words = parts.len();
        let mut acc = String::new();
        for p in &parts {
            acc.push_str(&key(p));
            self.prefixes.insert(acc.clone());
            self.steps.entry(acc.clone()).or_insert(NO_ENTRY);
        }
        self.prefixes.insert(k.clone());
        let step = self.steps.entry(k.clone()).or_insert(NO_ENTRY);
        if *step == NO_ENTRY {
            *step = self.values.len();
        }
        self.max_words = self.max_words.max(words);
        self.max_len = self.max_len.max(k.len());
        if !self.map.contains_key(&k) {
            self.map.insert(k, self.values.len());
            self.values.push(v);
        }
    }

    /// The longest entry starting at word token `i`: its end token
    /// (exclusive) and value.
    #[inline]
    pub fn longest(&self, toks: &[Tok], i: usize) -> Option<(usize, &V)> {
        let first = toks.get(i)?;
        // Most words start no entry: known without a call.
        if self.bit != 0 && first.starts & self.bit == 0 {
            return None;
        }
        self.longest_at(toks, i, first)
    }

    /// False when no entry starts with the word token `t` (no lookup for
    /// a flagged lexicon).
    #[inline]
    pub fn may_start(&self, t: &Tok) -> bool {
        self.bit == 0 || t.starts & self.bit != 0
    }

    /// [`Phrases::longest`] past the first-word test.
    fn longest_at(&self, toks: &[Tok], i: usize, first: &Tok) -> Option<(usize, &V)> {
        if !first.is_word() {
            return None;
        }
        if self.bit != 0 {
            // The match found when tokenizing, unless it runs past the end
            // of `toks` (a prefix of the token stream).
            let slot = self.bit.trailing_zeros() as usize;
            if let (Some(&n), Some(&v)) = (first.ends.get(slot), first.vals.get(slot)) {
                if n == 0 {
                    return None;
                }
                let e = i + usize::from(n);
                if n != u8::MAX && e <= toks.len() {
                    return self.values.get(usize::from(v)).map(|v| (e, v));
                }
            }
        } else if !self.prefixes.contains(first.key.as_str()) {
            return None;
        }
        let (e, v) = self.scan(toks, i, &mut String::new())?;
        Some((e, self.values.get(v)?))
    }

    /// The longest entry starting at token `i` by lookups: its end token
    /// (exclusive) and value index; `acc` is scratch.
    fn scan(&self, toks: &[Tok], i: usize, acc: &mut String) -> Option<(usize, usize)> {
        acc.clear();
        let mut best = None;
        for (j, t) in toks.iter().enumerate().skip(i).take(self.max_words) {
            if !t.is_word() {
                break;
            }
            acc.push_str(&t.key);
            if acc.len() > self.max_len {
                break;
            }
            // Every entry is a prefix of itself: one lookup says both.
            match self.steps.get(acc.as_str()) {
                None => break,
                Some(&v) if v != NO_ENTRY => best = Some((j + 1, v)),
                Some(_) => {}
            }
        }
        best
    }
}

/// A title of public life.
#[derive(Clone, Debug)]
pub(crate) struct Title {
    /// The title as listed (normalized).
    pub text: String,
    /// The body implied by the title (استاندار → استانداری), if any.
    pub body: Option<String>,
    /// A role on its own, without a body.
    pub standalone: bool,
    /// Takes modifiers before its body.
    pub modifiers: bool,
}

/// An organization head word.
#[derive(Clone, Debug)]
pub(crate) struct Head {
    /// The kind of body it names.
    pub kind: OrgKind,
    /// Needs a complement.
    pub needs_complement: bool,
    /// The body's canonical name, when the head is a short form.
    pub canonical: Option<String>,
    /// May stand bare for the body of the article's place (شهرداری).
    pub bare: bool,
    /// The body of a place: its complement is a place (شهرداری قم).
    pub place: bool,
}

fn org_kind(s: &str) -> Option<OrgKind> {
    Some(match s {
        "municipality" => OrgKind::Municipality,
        "ministry" => OrgKind::Ministry,
        "province_office" => OrgKind::ProvinceOffice,
        "company" => OrgKind::Company,
        "agency" => OrgKind::Agency,
        "council" => OrgKind::Council,
        "department" => OrgKind::Department,
        "organization" => OrgKind::Organization,
        "committee" => OrgKind::Committee,
        "court" => OrgKind::Court,
        "court_branch" => OrgKind::CourtBranch,
        "bank" => OrgKind::Bank,
        "county_office" => OrgKind::CountyOffice,
        "parliament" => OrgKind::Parliament,
        "fund" => OrgKind::Fund,
        "foundation" => OrgKind::Foundation,
        "government" => OrgKind::Government,
        "exchange" => OrgKind::Exchange,
        "governorate" => OrgKind::Governorate,
        "university" => OrgKind::University,
        "police" => OrgKind::Police,
        "military" => OrgKind::Military,
        "association" => OrgKind::Association,
        "judiciary" => OrgKind::Judiciary,
        _ => return None,
    })
}

/// Titles and roles.
pub(crate) static TITLES: LazyLock<Phrases<Title>> = LazyLock::new(|| {
    let mut p = Phrases::new(1);
    for r in rows(include_str!("../../../data/people/titles.tsv")) {
        let Some(&text) = r.first() else { continue };
        let body = r.get(1).filter(|b| **b != "-" && !b.is_empty()).map(|b| b.to_string());
        let flags = r.get(2).copied().unwrap_or("");
        let t = Title {
            text: text.to_string(),
            body,
            standalone: flags.contains('s'),
            modifiers: flags.contains('m'),
        };
        // Ezafe after a final vowel: سخنگوی, نماینده‌ی.
        if text.ends_with(['و', 'ه', 'ا']) {
            p.insert(&format!("{text}ی"), t.clone());
        }
        p.insert(text, t);
    }
    p
});

/// Honorifics.
pub(crate) static HONORIFICS: LazyLock<Phrases<String>> = LazyLock::new(|| {
    let mut p = Phrases::new(4);
    for e in entries(include_str!("../../../data/people/honorifics.txt")) {
        p.insert(e, e.to_string());
    }
    p
});

/// Honorifics that may be glued to the given name (سیدمحمد).
pub(crate) const GLUED_HONORIFICS: [&str; 3] = ["سیده", "سید", "میر"];

/// Organization heads.
pub(crate) static HEADS: LazyLock<Phrases<Head>> = LazyLock::new(|| {
    let mut p = Phrases::new(2);
    for r in rows(include_str!("../../../data/people/org-heads.tsv")) {
        let (Some(&h), Some(&k)) = (r.first(), r.get(1)) else { continue };
        let Some(kind) = org_kind(k) else { continue };
        let flags = r.get(2).copied().unwrap_or("c");
        let canonical = flags.split_once('=').map(|(_, n)| n.to_string());
        let bare = flags.starts_with('c') && flags.contains('b');
        let place = flags.starts_with('c') && flags.contains('p');
        p.insert(h, Head { kind, needs_complement: flags.starts_with('c'), canonical, bare, place });
    }
    p
});

/// News agencies: surface form → canonical name.
pub(crate) static AGENCIES: LazyLock<Phrases<String>> = LazyLock::new(|| {
    let mut p = Phrases::new(0);
    for r in rows(include_str!("../../../data/people/agencies.tsv")) {
        if let (Some(&s), Some(&c)) = (r.first(), r.get(1)) {
            p.insert(s, c.to_string());
        }
    }
    p
});

/// Reporting verbs.
pub(crate) static VERBS: LazyLock<Phrases<String>> = LazyLock::new(|| {
    let mut p = Phrases::new(8);
    for e in entries(include_str!("../../../data/people/reporting-verbs.txt")) {
        p.insert(e, e.to_string());
    }
    p
});

/// The [`WordSet`] bits of the key `k` (one lookup for all the lists).
#[inline]
pub(crate) fn flags_of(k: &str) -> u16 {
    VOCAB.words.get(k).map_or(0, |i| i.flags)
}

/// True when the key `k` is an everyday word: listed, a superlative
/// (مهمترین) or, with `stems`, a listed word with a suffix ی / ان / ها
/// (نشستی, کارشناسان).
pub(crate) fn is_everyday(k: &str, stems: bool) -> bool {
    everyday_with(k, flags_of(k), stems)
}

/// True when word token `t` is an everyday word ([`is_everyday`] of its key).
#[inline]
pub(crate) fn is_everyday_tok(t: &Tok, stems: bool) -> bool {
    everyday_with(&t.key, t.flags, stems)
}

/// [`is_everyday`] of `k`, whose [`WordSet`] bits are `flags`.
fn everyday_with(k: &str, flags: u16, stems: bool) -> bool {
    if flags & EVERYDAY_OR_FUNCTION.0 != 0 || k.ends_with("ترین") {
        return true;
    }
    if !stems {
        return false;
    }
    for suf in ["ی", "ان", "ها", "های"] {
        if let Some(stem) = k.strip_suffix(suf) {
            if stem.chars().count() >= 2 && flags_of(stem) & (EVERYDAY.0 | BOUNDARY.0) != 0 {
                return true;
            }
        }
    }
    false
}

/// True when word token `t` names a role or descriptor (a title, a role
/// noun of `not-given-names.txt`, or its plural: کارشناسان, کتابداران).
#[inline]
pub(crate) fn is_role_noun_tok(t: &Tok) -> bool {
    role_noun_with(&t.key, t.flags)
}

/// [`is_role_noun_tok`] of `k`, whose [`WordSet`] bits are `flags`.
fn role_noun_with(k: &str, flags: u16) -> bool {
    const ROLE: u16 = NOT_GIVEN.0 | TITLE_KEYS.0;
    if flags & ROLE != 0 {
        return true;
    }
    // A title glued to its body (مدیرفرودگاه).
    for t in ["مدیر", "رئیس", "رییس", "معاون", "دبیر", "سرپرست"] {
        if let Some(rest) = k.strip_prefix(t) {
            if rest.chars().count() >= 3 && flags_of(rest) & (EVERYDAY.0 | HEAD_KEYS.0) != 0 {
                return true;
            }
        }
    }
    ["ان", "ها", "های", "ین"]
        .iter()
        .any(|s| k.strip_suffix(s).is_some_and(|st| st.chars().count() >= 3 && flags_of(st) & ROLE != 0))
}

/// True when `word` (text, not a token) is a verb form: written with
/// می‌/نمی‌, or a listed finite form ([`is_verb`] of a token).
pub(crate) fn is_verb_word(word: &str) -> bool {
    word.starts_with("می\u{200C}") || word.starts_with("نمی\u{200C}") || VERB_FORMS.contains(&key(word))
}

/// True when word token `t` is a verb form: written with می/نمی, or a
/// listed finite form (نماید, بگویند, داشتند).
#[inline]
pub(crate) fn is_verb(t: &Tok) -> bool {
    t.is_word() && (t.verbish || VERB_FORMS.has(t))
}

/// True when the word token `t` is a boundary word or looks like a verb
/// (می‌/نمی‌ prefix).
#[inline]
pub(crate) fn is_boundary(t: &Tok) -> bool {
    if !t.is_word() {
        return true;
    }
    t.verbish || t.plural || BOUNDARY.has(t) || t.key.starts_with("میشو") || t.key.starts_with("میکن")
}

/// The text of tokens `i..j` of `text` (normalized), from the first
/// token's start to the last token's end.
pub(crate) fn slice<'a>(text: &'a str, toks: &[Tok], i: usize, j: usize) -> &'a str {
    if i >= j || j > toks.len() {
        return "";
    }
    text.get(toks[i].start..toks[j - 1].end).unwrap_or("")
}

/// A quick test before a lookup in a small set of keys: the byte lengths
/// and the last bytes of the keys (bit `% 64`). Words of one length are
/// common; of one length and one last letter, rare.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct KeyFilter {
    lens: u64,
    lasts: u64,
}

impl KeyFilter {
    /// Lets `k` pass from now on.
    #[inline]
    pub fn add(&mut self, k: &str) {
        self.lens |= 1 << (k.len() & 63);
        self.lasts |= 1 << (k.as_bytes().last().copied().unwrap_or(0) & 63);
    }

    /// False when `k` is none of the keys added.
    #[inline]
    pub fn may_hold(&self, k: &str) -> bool {
        self.lens & 1 << (k.len() & 63) != 0
            && self.lasts & 1 << (k.as_bytes().last().copied().unwrap_or(0) & 63) != 0
    }

    /// True when no key was added.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.lens == 0
    }
}

/// Canonical comparison key of a phrase: words' keys concatenated.
pub(crate) fn canon(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| !is_word_char(c)) {
        fold_into(w, &mut out);
    }
    out
}

/// The key of a phrase as its words' keys separated by single spaces.
pub(crate) fn word_keys(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| !is_word_char(c)) {
        // The key is folded in place; an empty one takes its space back.
        let mark = out.len();
        if !out.is_empty() {
            out.push(' ');
        }
        let at = out.len();
        fold_into(w, &mut out);
        if out.len() == at {
            out.truncate(mark);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_classes_agree() {
        for c in ('\u{0}'..='\u{07FF}').chain('\u{2000}'..='\u{2070}').chain(['\u{FB50}', '😀', 'é']) {
            let k = class(c);
            assert_eq!(k & WORD != 0, is_word_char(c), "{c:?}");
            let mut s = String::new();
            fold_into(c.encode_utf8(&mut [0; 4]), &mut s);
            assert_eq!(k & FOLD != 0, s != c.to_string(), "{c:?}");
            assert_eq!(may_fold(&format!("a{c}b")), s != c.to_string(), "{c:?}");
        }
    }

    #[test]
    fn tokens_and_keys() {
        let t = tokenize("می‌شود، كتاب‌ها\u{200C} ۱۲ ‌\nو");
        let keys: Vec<&str> = t.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, ["میشود", "", "کتابها", "۱۲", "", "و"]);
        assert!(t[0].verbish && t[2].plural && t[3].kind == TokKind::Num && t[4].kind == TokKind::Para);
        assert_eq!(&"می‌شود، كتاب‌ها"[t[2].start..t[2].end], "كتاب‌ها");
    }

    #[test]
    fn phrase_keys_fold_in_place() {
        for s in ["استانداری  فارس", "شهرداری‌ها، قم", " ، ", "", "كتاب ‌ مهمّ", "‌"]
        {
            let split = || s.split(|c: char| !is_word_char(c)).map(key);
            let words: Vec<String> = split().filter(|k| !k.is_empty()).collect();
            assert_eq!(word_keys(s), words.join(" "), "{s:?}");
            assert_eq!(canon(s), split().collect::<String>(), "{s:?}");
        }
    }

    /// The key as the first tokenizer computed it, char by char.
    fn reference_key(word: &str) -> String {
        let mut k = String::new();
        for c in word.chars() {
            match c {
                '\u{200B}'..='\u{200F}' => {}
                'ئ' | 'ي' | 'ى' => k.push('ی'),
                'أ' | 'إ' | 'ٱ' => k.push('ا'),
                'ؤ' => k.push('و'),
                'ة' | 'ۀ' => k.push('ه'),
                'ك' => k.push('ک'),
                '\u{0654}' | '\u{064B}'..='\u{0652}' => {}
                c => k.push(c),
            }
        }
        k
    }

    type Plain = (usize, usize, String, TokKind, bool, bool);

    /// The first tokenizer (a peekable char loop), as plain tuples.
    fn reference_tokens(text: &str) -> Vec<Plain> {
        let mut toks: Vec<Plain> = Vec::new();
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c == '\n' || c == '\r' {
                if toks.last().is_none_or(|t| t.3 != TokKind::Para) {
                    toks.push((i, i + c.len_utf8(), String::new(), TokKind::Para, false, false));
                }
                continue;
            }
            if c.is_whitespace() {
                continue;
            }
            if is_word_char(c) && c != ZWNJ {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if !is_word_char(d) {
                        break;
                    }
                    end = j + d.len_utf8();
                    it.next();
                }
                let w = text[i..end].trim_end_matches(ZWNJ);
                let num =
                    c.is_ascii_digit() || matches!(c, '\u{06F0}'..='\u{06F9}' | '\u{0660}'..='\u{0669}');
                let kind = if num { TokKind::Num } else { TokKind::Word };
                let verbish = w.starts_with("می\u{200C}") || w.starts_with("نمی\u{200C}");
                let plural = w.ends_with("\u{200C}ها") || w.ends_with("\u{200C}های");
                toks.push((i, i + w.len(), reference_key(w), kind, verbish, plural));
                continue;
            }
            if c != ZWNJ {
                toks.push((i, i + c.len_utf8(), String::new(), TokKind::Punct(c), false, false));
            }
        }
        toks
    }

    #[test]
    fn tokenizer_matches_the_first_one() {
        let pieces = [
            "م",
            "ی",
            "ن",
            "\u{200C}",
            " ",
            "\n",
            "\r",
            "ك",
            "ي",
            "ة",
            "۱",
            "1",
            "a",
            "،",
            ".",
            "😀",
            "\u{200D}",
            "\u{064B}",
            "ها",
            "ا",
            "ئ",
            "ۀ",
            "\t",
            "é",
            "\u{A0}",
            "رئیس‌جمهور",
            "می‌گوید",
            "سخنگوی",
            "استاندار",
            "آقای",
            "گفت",
            "شهرداری",
            "ٱ",
            "\u{0654}",
            "«",
            "»",
            ":",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let toks = tokenize(&text);
            let plain: Vec<Plain> = toks
                .iter()
                .map(|t| (t.start, t.end, t.key.to_string(), t.kind, t.verbish, t.plural))
                .collect();
            assert_eq!(plain, reference_tokens(&text), "{text:?}");
            for (i, t) in toks.iter().enumerate() {
                // Flags and phrase starts as lookups of the key would give.
                assert_eq!(
                    t.flags,
                    if t.is_word() || t.kind == TokKind::Num { flags_of(&t.key) } else { VOCAB.empty }
                );
                let may = |p: &FastSet| t.is_word() && p.contains(t.key.as_str());
                assert_eq!(t.starts & TITLES.bit != 0, may(&TITLES.prefixes));
                assert_eq!(t.starts & VERBS.bit != 0, may(&VERBS.prefixes));
                // Memoized matches are the ones found by lookups, on the
                // whole stream and on a prefix of it.
                for n in [toks.len(), i + 1, i + 2] {
                    let part = &toks[..n.min(toks.len())];
                    let scan = |p: &Phrases<String>| {
                        if t.is_word() && p.prefixes.contains(t.key.as_str()) {
                            p.scan(part, i, &mut String::new()).map(|(e, v)| (e, p.values[v].clone()))
                        } else {
                            None
                        }
                    };
                    let memo = |p: &Phrases<String>| p.longest(part, i).map(|(e, v)| (e, v.clone()));
                    assert_eq!(memo(&VERBS), scan(&VERBS));
                    assert_eq!(memo(&HONORIFICS), scan(&HONORIFICS));
                }
            }
        }
    }
}
