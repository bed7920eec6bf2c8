//! Locations: a gazetteer of Iranian provinces, counties, districts and
//! cities (data/places/iran.tsv), countries, world cities and regions
//! (data/places/world.tsv), and patterns for the places a keyword names:
//! استان/شهرستان/شهر/بخش/روستای X, محله X, شهرک X, خیابان/بلوار/میدان X,
//! بندر X, lists (روستاهای X، Y و Z).
//!
//! Matching works on words (runs of letters, digits and ZWNJ) and compares
//! folded forms (no spaces, no ZWNJ, آ = ا), so صالح آباد, صالح‌آباد and
//! صالحآباد are one name. Names that are also common words (نور, بم, مهر)
//! need a keyword before them.

use super::Doc;
use crate::lexicon::{arabic_letters_len, entries, is_word_char, letter_pairs, rows};
use crate::model::{Extraction, Location, LocationKind};
use std::cell::RefCell;
use std::sync::LazyLock;

pub(crate) use crate::lexicon::{FastMap, FastSet};
type HashMap<K, V> = FastMap<K, V>;
type HashSet<K> = FastSet<K>;

static IRAN: &str = include_str!("../../data/places/iran.tsv");
static WORLD: &str = include_str!("../../data/places/world.tsv");
static DISTRICTS: &str = include_str!("../../data/places/districts.tsv");
static AMBIGUOUS: &str = include_str!("../../data/places/ambiguous.txt");
static WORDS: &str = include_str!("../../data/places/words.txt");
static SQUARES: &str = include_str!("../../data/places/squares.txt");

/// Longest name, in words, the gazetteer is searched for.
const MAX_WORDS: usize = 5;

/// One gazetteer name.
#[derive(Debug)]
struct Entry {
    /// Kinds it has (bit per `LocationKind` as in [`bit`]).
    kinds: u16,
    /// Also a common word: needs context.
    amb: bool,
    /// Byte offsets in the folded key where the source wrote a space.
    spaces: Vec<usize>,
}

struct Gazetteer {
    /// Every key (with its entry) and every proper prefix of a key (None):
    /// one probe per word both says whether a longer name may follow and
    /// finds the entry.
    names: HashMap<String, Option<Entry>>,
    /// Folded words that cannot be part of a name.
    stop: HashSet<String>,
    /// Folded first words of square names (میدان آزادی).
    squares: HashSet<String>,
    /// Folded two-word square names (میدان هفت تیر).
    squares2: HashSet<String>,
    /// A bit per [`name_bit`] of every key of `names`: most words are no
    /// prefix of a name, and this says so without hashing them.
    name_bits: Vec<u64>,
}

/// Bits in `Gazetteer::name_bits` (some 12,000 keys set a few percent).
const NAME_BITS: u32 = 18;

/// The bit of `Gazetteer::name_bits` for a string: its length and first
/// and last four bytes (all of a short one), mixed.
#[inline]
fn name_bit(s: &[u8]) -> usize {
    mixed_bits(s, NAME_BITS)
}

/// The top `bits` bits of a mix of the length and first and last four
/// bytes of `s` (all of a short one).
#[inline]
fn mixed_bits(s: &[u8], bits: u32) -> usize {
    top_bits(mixed(s), bits)
}

/// The mix of [`mixed_bits`], whole: a word's is worked out once for both
/// bit filters.
#[inline]
fn mixed(s: &[u8]) -> u64 {
    let four = |b: Option<&[u8]>| b.and_then(|b| <[u8; 4]>::try_from(b).ok()).map_or(0, u32::from_le_bytes);
    let n = s.len();
    let v = if n >= 4 {
        u64::from(four(s.get(..4))) | u64::from(four(s.get(n - 4..))) << 32
    } else {
        s.iter().fold(0u64, |v, &b| v << 8 | u64::from(b))
    };
    (v ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The top `bits` bits of a [`mixed`] value.
#[inline]
fn top_bits(m: u64, bits: u32) -> usize {
    (m >> (64 - bits)) as usize
}

/// Whether bit `b` is set in `bits` (false past the end).
#[inline]
fn bit_set(bits: &[u64], b: usize) -> bool {
    bits.get(b >> 6).is_some_and(|w| w & (1 << (b & 63)) != 0)
}

impl Gazetteer {
    /// The node of a folded string in `names`: None when it is neither a
    /// name nor the prefix of one.
    #[inline]
    fn node(&self, key: &str) -> Option<&Option<Entry>> {
        if self.may_be_node(key) {
            self.names.get(key)
        } else {
            None
        }
    }

    /// False when `key` is surely not in `names` (most words).
    #[inline(always)]
    fn may_be_node(&self, key: &str) -> bool {
        self.may_be_node_mixed(mixed(key.as_bytes()))
    }

    /// [`Gazetteer::may_be_node`] of a key whose [`mixed`] value is `m`.
    #[inline(always)]
    fn may_be_node_mixed(&self, m: u64) -> bool {
        bit_set(&self.name_bits, top_bits(m, NAME_BITS))
    }
}

const KINDS: [LocationKind; 11] = [
    LocationKind::Country,
    LocationKind::Province,
    LocationKind::County,
    LocationKind::City,
    LocationKind::District,
    LocationKind::Village,
    LocationKind::Street,
    LocationKind::Square,
    LocationKind::Road,
    LocationKind::Port,
    LocationKind::Region,
];

fn bit(k: LocationKind) -> u16 {
    let i = KINDS.iter().position(|&x| x == k).unwrap_or(0);
    1 << i
}

fn kind_of(s: &str) -> Option<LocationKind> {
    Some(match s {
        "country" => LocationKind::Country,
        "province" => LocationKind::Province,
        "county" => LocationKind::County,
        "city" => LocationKind::City,
        "district" => LocationKind::District,
        "village" => LocationKind::Village,
        "region" => LocationKind::Region,
        "port" => LocationKind::Port,
        _ => return None,
    })
}

/// What folding does to a character of the Arabic block (U+0600..U+06FF),
/// indexed by its low byte: keep it, drop it, or write another letter.
const FOLD_KEEP: u8 = 0;
const FOLD_DROP: u8 = 1;
/// Replacements, by action code minus 2.
const FOLD_TO: [char; 5] = ['ا', 'و', 'ی', 'ه', 'ک'];
/// An ASCII capital: lower-cased.
const FOLD_LOWER: u8 = 7;

const fn arabic_fold_table() -> [u8; 256] {
    let mut t = [FOLD_KEEP; 256];
    // ء, the hamza marks U+0654/U+0655 and the harakat U+064B..U+065F, U+0670.
    t[0x21] = FOLD_DROP;
    let mut i = 0x4B;
    while i <= 0x5F {
        t[i] = FOLD_DROP;
        i += 1;
    }
    t[0x70] = FOLD_DROP;
    // آ أ إ ٱ -> ا
    t[0x22] = 2;
    t[0x23] = 2;
    t[0x25] = 2;
    t[0x71] = 2;
    // ؤ -> و
    t[0x24] = 3;
    // ئ ي ى -> ی
    t[0x26] = 4;
    t[0x4A] = 4;
    t[0x49] = 4;
    // ة ۀ -> ه
    t[0x29] = 5;
    t[0xC0] = 5;
    // ك -> ک
    t[0x43] = 6;
    t
}

static ARABIC_FOLD: [u8; 256] = arabic_fold_table();

/// The low byte of the Arabic-block character whose two-byte UTF-8 form
/// starts at `i` (lead byte 0xD8..=0xDB), if one does.
#[inline]
fn arabic_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i..i + 2) {
        Some(&[b0 @ 0xD8..=0xDB, b1]) => Some((usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F)),
        _ => None,
    }
}

/// The UTF-8 length of the character at byte `i` of `s` (a char boundary)
/// and what folding does to it: [`FOLD_KEEP`], [`FOLD_DROP`], an index
/// into [`FOLD_TO`] plus 2, or [`FOLD_LOWER`].
#[inline]
fn fold_action(s: &str, i: usize) -> (usize, u8) {
    let bytes = s.as_bytes();
    match bytes.get(i) {
        Some(&b) if b < 0x80 => {
            let action = match b {
                b' ' | b'-' => FOLD_DROP,
                b'A'..=b'Z' => FOLD_LOWER,
                _ => FOLD_KEEP,
            };
            (1, action)
        }
        _ => match arabic_at(bytes, i) {
            Some(lo) => (2, ARABIC_FOLD[lo]),
            None => {
                let c = s.get(i..).and_then(|r| r.chars().next()).unwrap_or('\0');
                (c.len_utf8(), if matches!(c, '\u{200C}' | '\u{200D}') { FOLD_DROP } else { FOLD_KEEP })
            }
        },
    }
}

/// Appends the folded form of `s` to `out`: no spaces or ZWNJ, alef forms
/// unified, hamza dropped.
///
/// Most words are already folded: unchanged runs are copied whole, and
/// only the characters that change are pushed one by one.
fn fold_into(s: &str, out: &mut String) {
    let mut run = 0;
    let mut i = 0;
    while i < s.len() {
        let (len, action) = fold_action(s, i);
        if action != FOLD_KEEP {
            out.push_str(s.get(run..i).unwrap_or(""));
            fold_one(s, i, action, out);
            run = i + len;
        }
        i += len;
    }
    out.push_str(s.get(run..).unwrap_or(""));
}

/// Appends the folded form of the character at byte `i` of `s`, which
/// folding changes by `action` (not [`FOLD_KEEP`]).
#[inline]
fn fold_one(s: &str, i: usize, action: u8, out: &mut String) {
    match action {
        FOLD_DROP => {}
        FOLD_LOWER => {
            if let Some(&b) = s.as_bytes().get(i) {
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
        a => out.extend(FOLD_TO.get(usize::from(a).wrapping_sub(2))),
    }
}

pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// The folded key of a source name and where its spaces were.
fn key_of(name: &str) -> (String, Vec<usize>) {
    let mut key = String::with_capacity(name.len());
    let mut spaces = Vec::new();
    for (i, part) in name.split(' ').filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            spaces.push(key.len());
        }
        fold_into(part, &mut key);
    }
    (key, spaces)
}

static GAZ: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut map: HashMap<String, Entry> = HashMap::default();
    let mut add = |name: &str, kinds: u16, amb: bool| {
        let (key, spaces) = key_of(name);
        if key.is_empty() {
            return;
        }
        let e = map.entry(key).or_insert_with(|| Entry { kinds: 0, amb: false, spaces: Vec::new() });
        e.kinds |= kinds;
        e.amb |= amb;
        for s in spaces {
            if !e.spaces.contains(&s) {
                e.spaces.push(s);
            }
        }
    };
    for r in rows(IRAN) {
        let (Some(name), Some(ks)) = (r.first(), r.get(1)) else { continue };
        let kinds = ks.split(',').filter_map(kind_of).fold(0, |acc, k| acc | bit(k));
        add(name, kinds, false);
    }
    for r in rows(WORLD).chain(rows(DISTRICTS)) {
        let (Some(name), Some(k)) = (r.first(), r.get(1).and_then(|k| kind_of(k))) else {
            continue;
        };
        add(name, bit(k), r.get(2) == Some(&"amb"));
    }
    for name in entries(AMBIGUOUS) {
        let (key, _) = key_of(name);
        if let Some(e) = map.get_mut(&key) {
            e.amb = true;
        }
    }
    let mut names: HashMap<String, Option<Entry>> = HashMap::default();
    for key in map.keys() {
        for (i, _) in key.char_indices().skip(1) {
            names.entry(key[..i].to_string()).or_insert(None);
        }
    }
    for (key, e) in map {
        names.insert(key, Some(e));
    }
    let stop = entries(WORDS).map(fold).collect();
    let squares = entries(SQUARES).filter_map(|l| l.split(' ').next()).map(fold).collect();
    let squares2 = entries(SQUARES).filter(|l| l.contains(' ')).map(fold).collect();
    let mut name_bits = vec![0u64; 1 << (NAME_BITS - 6)];
    for key in names.keys() {
        let b = name_bit(key.as_bytes());
        if let Some(w) = name_bits.get_mut(b >> 6) {
            *w |= 1 << (b & 63);
        }
    }
    Gazetteer { names, stop, squares, squares2, name_bits }
});

/// The kind a gazetteer name has when nothing says which.
fn default_kind(kinds: u16) -> LocationKind {
    let has = |k| kinds & bit(k) != 0;
    if has(LocationKind::City) && has(LocationKind::Province) {
        return LocationKind::City;
    }
    for k in [
        LocationKind::Country,
        LocationKind::Province,
        LocationKind::City,
        LocationKind::County,
        LocationKind::District,
        LocationKind::Region,
        LocationKind::Port,
    ] {
        if has(k) {
            return k;
        }
    }
    LocationKind::City
}

/// What separates a word from the next one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    /// Only spaces.
    Space,
    /// A comma (، or ,) and spaces.
    Comma,
    /// Anything else, or the end of the text.
    Break,
}

/// A word of the normalized text: a run of letters, digits and ZWNJ.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What follows it.
    pub gap: Gap,
}

/// Whether `c` is part of a word, with a fast path for ASCII and the
/// Arabic block (the same answer as `lexicon::is_word_char`).
#[inline]
fn word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '\u{200C}' => true,
        '\0'..='\u{7F}' => false,
        '\u{0621}'..='\u{065F}' | '\u{0660}'..='\u{0669}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' => true,
        '\u{06F0}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => is_word_char(c),
        _ => is_word_char(c),
    }
}

/// What a character is to the tokenizer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Part of a word.
    Word,
    /// ZWNJ: inside a word only.
    Zwnj,
    /// ، or ,
    Comma,
    /// A line break.
    Newline,
    /// Other white space.
    Space,
    /// Anything else.
    Other,
}

/// The class of a character (the slow path of [`class_at`]).
fn class_of(c: char) -> Class {
    match c {
        '\u{200C}' => Class::Zwnj,
        '،' | ',' => Class::Comma,
        '\n' | '\r' => Class::Newline,
        c if word_char(c) => Class::Word,
        c if c.is_whitespace() => Class::Space,
        _ => Class::Other,
    }
}

/// [`class_of`] for every ASCII character and every character of the
/// Arabic block, by code point (ASCII) or low byte (Arabic).
///
/// `ascii_fold` and `arabic_fold` say, for the same characters, whether
/// one continues a word ([`IN_WORD`]) and what folding does to it (the low
/// bits, as [`fold_action`]): one load per character in [`fold_word`].
struct ClassTables {
    ascii: [Class; 128],
    arabic: [Class; 256],
    ascii_fold: [u8; 128],
    arabic_fold: [u8; 256],
    /// The Arabic-block characters that continue a word and that folding
    /// keeps, as UTF-8 byte pairs (see `lexicon::letter_pairs`).
    kept_pairs: [u64; 1024],
}

/// Flag of `ClassTables::*_fold`: the character continues a word.
const IN_WORD: u8 = 0x80;

static CLASSES: LazyLock<ClassTables> = LazyLock::new(|| {
    let mut t = ClassTables {
        ascii: [Class::Other; 128],
        arabic: [Class::Other; 256],
        ascii_fold: [0; 128],
        arabic_fold: [0; 256],
        kept_pairs: [0; 1024],
    };
    let mut buf = [0u8; 4];
    for i in 0..128u32 {
        let c = char::from_u32(i).unwrap_or('\0');
        t.ascii[i as usize] = class_of(c);
        let in_word = matches!(class_of(c), Class::Word | Class::Zwnj);
        t.ascii_fold[i as usize] =
            fold_action(c.encode_utf8(&mut buf), 0).1 | if in_word { IN_WORD } else { 0 };
    }
    for i in 0..256u32 {
        let c = char::from_u32(0x600 + i).unwrap_or('\0');
        t.arabic[i as usize] = class_of(c);
        let in_word = matches!(class_of(c), Class::Word | Class::Zwnj);
        t.arabic_fold[i as usize] =
            fold_action(c.encode_utf8(&mut buf), 0).1 | if in_word { IN_WORD } else { 0 };
    }
    t.kept_pairs = letter_pairs(|k| t.arabic_fold.get(k) == Some(&(IN_WORD | FOLD_KEEP)));
    t
});

/// The class and UTF-8 length of the character at byte `i` of `text` (a
/// char boundary), by table for ASCII and the Arabic block.
#[inline]
fn class_at(tables: &ClassTables, text: &str, i: usize) -> (Class, usize) {
    let bytes = text.as_bytes();
    match bytes.get(i) {
        Some(&b) if b < 0x80 => (tables.ascii[usize::from(b)], 1),
        Some(_) => match arabic_at(bytes, i) {
            Some(lo) => (tables.arabic[lo], 2),
            None => match text.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => (class_of(c), c.len_utf8()),
                None => (Class::Other, 1),
            },
        },
        None => (Class::Other, 1),
    }
}

/// The words of `text` from byte `from` on (at most `limit` of them) and
/// their folded forms, found in one pass over the characters.
pub(crate) fn words(text: &str, from: usize, limit: usize) -> (Vec<Tok>, Folded) {
    let mut out: Vec<Tok> = Vec::new();
    let mut folded = Folded::default();
    words_into(text, from, limit, &mut out, &mut folded);
    (out, folded)
}

/// [`words`] into buffers that are cleared first (and reused).
fn words_into(text: &str, from: usize, limit: usize, out: &mut Vec<Tok>, folded: &mut Folded) {
    out.clear();
    folded.buf.clear();
    folded.ends.clear();
    if !text.is_char_boundary(from) {
        return;
    }
    if limit == usize::MAX {
        // Persian news runs about 8.5 bytes a word.
        let rest = text.len() - from;
        out.reserve(rest / 8);
        folded.ends.reserve(rest / 8);
        folded.buf.reserve(rest);
    }
    let tables: &ClassTables = &CLASSES;
    let mut commas = 0usize;
    let mut other = false;
    let mut at = from;
    while at < text.len() {
        // Most gaps are one space.
        if text.as_bytes().get(at) == Some(&b' ') {
            at += 1;
            continue;
        }
        let (class, len) = class_at(tables, text, at);
        match class {
            Class::Word => {
                if let Some(last) = out.last_mut() {
                    last.gap = if other || commas > 1 {
                        Gap::Break
                    } else if commas == 1 {
                        Gap::Comma
                    } else {
                        Gap::Space
                    };
                }
                if out.len() >= limit {
                    break;
                }
                let end = fold_word(tables, text, at, &mut folded.buf);
                folded.ends.push(folded.buf.len());
                out.push(Tok { start: at, end, gap: Gap::Break });
                commas = 0;
                other = false;
                at = end;
                continue;
            }
            Class::Comma => commas += 1,
            Class::Space => {}
            // A ZWNJ outside a word, a line break, punctuation.
            Class::Zwnj | Class::Newline | Class::Other => other = true,
        }
        at += len;
    }
}

/// Copies the folded form of the word that starts at byte `start` of
/// `text` to `buf`; returns where the word ends (the first character that
/// is neither a word character nor ZWNJ).
#[inline(always)]
fn fold_word(tables: &ClassTables, text: &str, start: usize, buf: &mut String) -> usize {
    let bytes = text.as_bytes();
    // Start of the part of the word not yet copied.
    let mut run = start;
    let mut at = start;
    loop {
        // Most characters are Arabic-block letters that folding keeps:
        // skip a run of them two bytes per table test.
        at += arabic_letters_len(bytes.get(at..).unwrap_or_default(), &tables.kept_pairs);
        let Some(&b) = bytes.get(at) else { break };
        let (info, len) = if b < 0x80 {
            (tables.ascii_fold[usize::from(b)], 1)
        } else if b & 0xFC == 0xD8 {
            // U+0600..U+06FF: two bytes, the low byte indexes the table.
            let Some(&b1) = bytes.get(at + 1) else { break };
            (tables.arabic_fold[(usize::from(b & 0x03) << 6) | usize::from(b1 & 0x3F)], 2)
        } else {
            let (class, len) = class_at(tables, text, at);
            let in_word = if matches!(class, Class::Word | Class::Zwnj) { IN_WORD } else { 0 };
            (in_word | fold_action(text, at).1, len)
        };
        if info & IN_WORD == 0 {
            break;
        }
        // A character that folds to something else: copy the run before
        // it, then its folded form.
        if info != IN_WORD | FOLD_KEEP {
            buf.push_str(text.get(run..at).unwrap_or(""));
            fold_one(text, at, info & !IN_WORD, buf);
            run = at + len;
        }
        at += len;
    }
    buf.push_str(text.get(run..at).unwrap_or(""));
    at
}

/// The folded form of every word of a text, in one buffer.
#[derive(Clone, Debug, Default)]
pub(crate) struct Folded {
    buf: String,
    /// End of word i in `buf` (its start is the end of word i - 1).
    ends: Vec<usize>,
}

impl Folded {
    /// Folded word `i` ("" past the end).
    #[inline]
    pub fn get(&self, i: usize) -> &str {
        self.span(i, i)
    }

    /// The folded words in order (`get(0)`, `get(1)`, ...), cut off the
    /// buffer one after the other.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let mut rest = self.buf.as_str();
        let mut prev = 0;
        self.ends.iter().map(move |&end| {
            let (w, r) = rest.split_at_checked(end.saturating_sub(prev)).unwrap_or((rest, ""));
            rest = r;
            prev = end;
            w
        })
    }

    /// Where folded word `i` starts in the buffer.
    #[inline]
    fn start(&self, i: usize) -> usize {
        match i.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(self.buf.len()),
            None => 0,
        }
    }

    /// Folded words `i..=j` written together ("" past the end): the words
    /// are stored one after the other, so this is a slice, not a copy.
    #[inline]
    fn span(&self, i: usize, j: usize) -> &str {
        let Some(&end) = self.ends.get(j) else { return "" };
        self.buf.get(self.start(i)..end).unwrap_or("")
    }
}

/// Folded word `i`.
#[inline]
fn word(folded: &Folded, i: usize) -> &str {
    folded.get(i)
}

/// Parts that may start the second half of a name written apart from the
/// first even where the gazetteer writes it joined (احمد آباد).
const JOIN_RIGHT: [&str; 8] = ["اباد", "شهر", "دشت", "رود", "کلا", "کنار", "سر", "اب"];
/// First halves that may be written apart (بندر عباس).
const JOIN_LEFT: [&str; 5] = ["بندر", "امام", "قلعه", "مسجد", "شهر"];

/// The longest gazetteer name that starts at word `i`: its last word and
/// entry.
#[inline(always)]
fn lookup<'g>(toks: &[Tok], folded: &Folded, i: usize) -> Option<(usize, &'g Entry)> {
    // Most words start no name: say so before the call.
    let g: &'g Gazetteer = &GAZ;
    if !g.may_be_node(folded.get(i)) {
        return None;
    }
    longest_name(g, toks, folded, i)
}

/// [`lookup`] past its first test.
#[inline(never)]
fn longest_name<'g>(g: &'g Gazetteer, toks: &[Tok], folded: &Folded, i: usize) -> Option<(usize, &'g Entry)> {
    let mut best = None;
    let mut j = i;
    while j < toks.len() && j < i + MAX_WORDS {
        if j > i && toks[j - 1].gap != Gap::Space {
            break;
        }
        // Not even a prefix of a name: no longer name can match either.
        let Some(node) = g.node(folded.span(i, j)) else { break };
        if let Some(e) = node {
            if joins_ok(folded, i, j, e) {
                best = Some((j, e));
            }
        }
        j += 1;
    }
    best
}

/// Whether words `i..=j`, which together spell the key of `e`, may be
/// written apart where they are: the source wrote a space there, or the
/// halves are ones often written apart (احمد آباد, بندر عباس).
fn joins_ok(folded: &Folded, i: usize, j: usize, e: &Entry) -> bool {
    let base = folded.start(i);
    (i + 1..=j).all(|m| {
        e.spaces.contains(&folded.start(m).saturating_sub(base)) || {
            let right = folded.span(m, j);
            let lw = folded.get(m - 1);
            JOIN_RIGHT.iter().any(|p| right.starts_with(p) && right.len() > p.len())
                && lw.chars().count() >= 2
                || JOIN_LEFT.contains(&lw)
        }
    })
}

/// What a keyword before a name says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    /// استان, شهرستان, شهر, بخش, دهستان, کشور: the name is of this kind;
    /// `unknown`: a name outside the gazetteer is accepted.
    Admin(LocationKind, bool),
    /// روستا, محله: a name, known or not.
    Named(LocationKind),
    /// شهرک X: the keyword is part of the name.
    Prefixed(LocationKind),
    /// خیابان, بلوار, میدان, بزرگراه: the keyword is part of the name,
    /// which runs over a few words.
    /// `strict`: the first word must look like a street name (میدان, کوچه
    /// also mean field and alley in general).
    Street(LocationKind, bool),
    /// بندر X.
    Port,
    /// منطقه, شهرداری, فرمانداری ...: a gazetteer name, even a common word.
    Any,
    /// خبرگزاری, روزنامه: what follows is not a place.
    Not,
}

fn keyword(w: &str) -> Option<Ctx> {
    use LocationKind as K;
    Some(match w {
        "استان" => Ctx::Admin(K::Province, false),
        "شهرستان" => Ctx::Admin(K::County, false),
        "شهر" => Ctx::Admin(K::City, false),
        "بخش" => Ctx::Admin(K::District, false),
        "دهستان" => Ctx::Admin(K::District, true),
        "کشور" => Ctx::Admin(K::Country, false),
        "روستای" => Ctx::Named(K::Village),
        "روستا" => Ctx::Admin(K::Village, false),
        "محله" | "محلهی" => Ctx::Admin(K::District, false),
        "شهرک" => Ctx::Prefixed(K::District),
        "خیابان" | "بلوار" => Ctx::Street(K::Street, false),
        "کوچه" => Ctx::Street(K::Street, true),
        "میدان" => Ctx::Street(K::Square, true),
        "بزرگراه" | "ازادراه" | "اتوبان" => Ctx::Street(K::Road, false),
        "بندر" => Ctx::Port,
        "منطقه" | "شهرداری" | "استانداری" | "فرمانداری" | "بخشداری" | "دهیاری" | "شهردار" | "استاندار"
        | "فرماندار" | "بخشدار" | "دهدار" | "توابع" | "مردم" | "دانشگاه" | "مرکز" | "حومه" | "اطراف"
        | "نماینده" => Ctx::Any,
        "خبرگزاری" | "خبرنگار" | "گزارش" | "روزنامه" | "نشریه" | "هفتهنامه" | "ماهنامه" => {
            Ctx::Not
        }
        _ => return None,
    })
}

/// The plural of a keyword: a list of places follows; whether names
/// outside the gazetteer are accepted.
fn plural(w: &str) -> Option<(LocationKind, bool)> {
    use LocationKind as K;
    Some(match w {
        "استانهای" | "استانها" => (K::Province, false),
        "شهرستانهای" | "شهرستانها" => (K::County, false),
        "شهرهای" => (K::City, false),
        "بخشهای" => (K::District, false),
        "روستاهای" => (K::Village, true),
        "محلههای" | "محلات" => (K::District, true),
        "کشورهای" => (K::Country, false),
        _ => return None,
    })
}

/// Plural nouns of areas that a list of place names may follow.
fn area_plural(w: &str) -> Option<LocationKind> {
    match w {
        "مناطق" | "محلات" | "نواحی" | "محلههای" | "محلهها" => {
            Some(LocationKind::District)
        }
        "روستاها" | "روستاهای" => Some(LocationKind::Village),
        _ => None,
    }
}

/// Every word that [`keyword`], [`plural`] or [`area_plural`] knows, and
/// the basin nouns of `Scanner::run` (a test checks the list is whole).
const SPECIAL_WORDS: [&str; 60] = [
    "استان",
    "شهرستان",
    "شهر",
    "بخش",
    "دهستان",
    "کشور",
    "روستای",
    "روستا",
    "محله",
    "محلهی",
    "شهرک",
    "خیابان",
    "بلوار",
    "کوچه",
    "میدان",
    "بزرگراه",
    "ازادراه",
    "اتوبان",
    "بندر",
    "منطقه",
    "شهرداری",
    "استانداری",
    "فرمانداری",
    "بخشداری",
    "دهیاری",
    "شهردار",
    "استاندار",
    "فرماندار",
    "بخشدار",
    "دهدار",
    "توابع",
    "مردم",
    "دانشگاه",
    "مرکز",
    "حومه",
    "اطراف",
    "نماینده",
    "خبرگزاری",
    "خبرنگار",
    "گزارش",
    "روزنامه",
    "نشریه",
    "هفتهنامه",
    "ماهنامه",
    "استانهای",
    "استانها",
    "شهرستانهای",
    "شهرستانها",
    "شهرهای",
    "بخشهای",
    "روستاهای",
    "محلههای",
    "محلات",
    "کشورهای",
    "مناطق",
    "نواحی",
    "محلهها",
    "روستاها",
    "حوضه",
    "حوزه",
];

/// Bits of [`SPECIAL`].
const SPECIAL_BITS: u32 = 12;

/// A bit per [`mixed_bits`] of each of [`SPECIAL_WORDS`].
static SPECIAL: LazyLock<[u64; 1 << (SPECIAL_BITS - 6)]> = LazyLock::new(|| {
    let mut bits = [0u64; 1 << (SPECIAL_BITS - 6)];
    for w in SPECIAL_WORDS {
        let b = mixed_bits(w.as_bytes(), SPECIAL_BITS);
        if let Some(x) = bits.get_mut(b >> 6) {
            *x |= 1 << (b & 63);
        }
    }
    bits
});

/// False when the word whose [`mixed`] value is `m` is surely none of
/// [`SPECIAL_WORDS`] (most words): then the keyword tests, string by
/// string, can be skipped.
#[inline]
fn may_be_special_mixed(m: u64) -> bool {
    bit_set(&SPECIAL[..], top_bits(m, SPECIAL_BITS))
}

/// Words that open a list of examples (folded, two-word forms joined).
const CONNECTIVES: [&str; 10] =
    ["بهویژه", "بویژه", "بهخصوص", "بخصوص", "خصوصا", "ازجمله", "مانند", "نظیر", "همچون", "شامل"];

/// Reporting verbs: a phrase ends before them.
const REPORTING: [&str; 10] =
    ["گفت", "افزود", "اظهار", "تصریح", "تاکید", "بیان", "خاطرنشان", "عنوان", "اعلام", "یاداور"];

/// Auxiliaries and verbs that show the word before them is not a name.
const AUX: [&str; 16] = [
    "است",
    "هست",
    "هستند",
    "بود",
    "بودند",
    "شد",
    "شده",
    "شدند",
    "کرد",
    "کرده",
    "کردند",
    "دارد",
    "دارند",
    "باشد",
    "نیست",
    "کند",
];

/// A place mention found by [`scan`], in normalized-text offsets.
#[derive(Clone, Debug)]
pub(crate) struct Mention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The folded name (dedup key).
    pub key: String,
    /// Its kind.
    pub kind: LocationKind,
    /// Whether a keyword gave the kind.
    pub explicit: bool,
}

/// A word that can be a name not in the gazetteer: letters only, not a
/// function word.
fn name_like(text: &str, toks: &[Tok], folded: &Folded, i: usize, digits: bool) -> bool {
    let Some(t) = toks.get(i) else { return false };
    let s = text.get(t.start..t.end).unwrap_or("");
    let w = fold(s);
    if w.chars().count() < 2 && !(digits && w.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    if !digits && s.chars().any(|c| c.is_numeric()) {
        return false;
    }
    if !s.chars().all(|c| c.is_alphanumeric() || c == '\u{200C}') {
        return false;
    }
    // Verb forms and plurals are not names.
    if w.starts_with("می") && s.contains('\u{200C}') || w.ends_with("های") || w.ends_with("ها") {
        return false;
    }
    if GAZ.stop.contains(&w) || keyword(&w).is_some() || plural(&w).is_some() {
        return false;
    }
    let next = word(folded, i + 1);
    !(t.gap == Gap::Space && (AUX.contains(&next) || next.starts_with("می")))
}

/// Words that may close a village or quarter name (قزل آباد, نو, علیا).
const SECOND: [&str; 9] = ["اباد", "علیا", "سفلی", "بالا", "پایین", "نو", "کهنه", "بزرگ", "کوچک"];
/// Landform nouns that start a place name (دره X, کوه X).
const LANDFORMS: [&str; 8] = ["دره", "کوه", "تنگ", "تنگه", "چشمه", "رود", "دشت", "گردنه"];
/// Words after which a street name runs on (شهید X Y).
const TITLES: [&str; 7] = ["شهید", "ایتالله", "امام", "حضرت", "علامه", "دکتر", "سردار"];

struct Scanner<'t> {
    text: &'t str,
    toks: Vec<Tok>,
    folded: Folded,
    out: Vec<Mention>,
}

impl Scanner<'_> {
    fn push(&mut self, i: usize, j: usize, kind: LocationKind, explicit: bool) {
        let (Some(a), Some(b)) = (self.toks.get(i), self.toks.get(j)) else { return };
        let key = fold(self.text.get(a.start..b.end).unwrap_or(""));
        if key.is_empty() {
            return;
        }
        self.out.push(Mention { start: a.start, end: b.end, key, kind, explicit });
    }

    fn gap(&self, i: usize) -> Gap {
        self.toks.get(i).map_or(Gap::Break, |t| t.gap)
    }

    /// A name outside the gazetteer at `i`: one word, or two when the
    /// second is آباد, علیا ...: its last word.
    fn unknown_name(&self, i: usize) -> Option<usize> {
        if !name_like(self.text, &self.toks, &self.folded, i, false) {
            return None;
        }
        if self.gap(i) == Gap::Space && SECOND.contains(&word(&self.folded, i + 1)) {
            return Some(i + 1);
        }
        Some(i)
    }

    /// A street-like name after its keyword at `k`: the last word.
    fn street_name(&self, k: usize) -> Option<usize> {
        let mut last = None;
        let mut n = 0;
        let mut max = 2;
        let mut i = k + 1;
        while i < self.toks.len() && n < max {
            if self.gap(i - 1) != Gap::Space {
                break;
            }
            let w = word(&self.folded, i);
            if n == 0 && TITLES.contains(&w) {
                max += 1;
            }
            if n > 0 {
                if let Some((_, e)) = lookup(&self.toks, &self.folded, i) {
                    if !e.amb {
                        break;
                    }
                }
            }
            if !name_like(self.text, &self.toks, &self.folded, i, n == 0) {
                break;
            }
            last = Some(i);
            n += 1;
            i += 1;
        }
        last
    }

    /// A list of places from word `i` on (X، Y و Z): returns the index after it.
    fn list(&mut self, mut i: usize, kind: LocationKind, unknown: bool, lone_ok: bool) -> usize {
        // (first word, last word, sure): a lone item that is a common word
        // or unknown is dropped.
        let mut items: Vec<(usize, usize, bool)> = Vec::new();
        let after = loop {
            let end = if let Some((j, e)) = lookup(&self.toks, &self.folded, i) {
                Some((j, !e.amb))
            } else if unknown {
                self.unknown_name(i).map(|j| (j, false))
            } else {
                None
            };
            let Some((j, sure)) = end else { break i };
            items.push((i, j, sure));
            match self.gap(j) {
                Gap::Comma => i = j + 1,
                Gap::Space if word(&self.folded, j + 1) == "و" => {
                    if self.gap(j + 1) != Gap::Space {
                        break j + 1;
                    }
                    i = j + 2;
                }
                _ => break j + 1,
            }
        };
        if items.len() > 1 || items.first().is_some_and(|x| x.2 || lone_ok) {
            for (a, b, _) in items {
                self.push(a, b, kind, true);
            }
        }
        after
    }

    /// An item of a list at word `i`: a gazetteer name, or an unknown name
    /// that is not an everyday word; its last word.
    fn list_item(&self, i: usize) -> Option<usize> {
        match lookup(&self.toks, &self.folded, i) {
            Some((j, e)) if !e.amb => Some(j),
            _ => self.unknown_name(i).filter(|&j| {
                let raw = self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("");
                j > i || !super::officials::lex::is_everyday(&super::officials::lex::key(raw), true)
            }),
        }
    }

    /// True when words `i..=j` are a gazetteer name that is no common word.
    fn is_known(&self, i: usize, j: usize) -> bool {
        lookup(&self.toks, &self.folded, i).is_some_and(|(jj, e)| jj == j && !e.amb)
    }

    /// The rest of a list «، Y، Z و W» from word `i`, after a keyword and a
    /// known name: every item a gazetteer name or an unknown name that is
    /// not an everyday word, the last one after «و». Pushes the items and
    /// returns the index after them, or `i` when no such list follows.
    fn tail_list(&mut self, mut i: usize, kind: LocationKind, need_known: bool) -> usize {
        let start = i;
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut known = !need_known;
        loop {
            let Some(j) = self.list_item(i) else { return start };
            known |= self.is_known(i, j);
            items.push((i, j));
            match self.gap(j) {
                Gap::Comma if items.len() < 12 => i = j + 1,
                Gap::Space if word(&self.folded, j + 1) == "و" && self.gap(j + 1) == Gap::Space => {
                    let Some(jj) = self.list_item(j + 2) else { return start };
                    if !(known || self.is_known(j + 2, jj)) {
                        return start;
                    }
                    items.push((j + 2, jj));
                    for (a, b) in items {
                        self.push(a, b, kind, true);
                    }
                    return jj + 1;
                }
                _ => return start,
            }
        }
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            let w = word(&self.folded, i);
            let next_ok = self.gap(i) == Gap::Space;
            // A plural keyword, glued or with a separate های.
            // Both bit filters from one mix of the word.
            let mix = mixed(w.as_bytes());
            let special = may_be_special_mixed(mix);
            let ctx = if special { keyword(w) } else { None };
            let pl = if special { plural(w) } else { None };
            let pl = pl.map(|k| (k, i + 1)).or_else(|| {
                ctx?;
                let nw = word(&self.folded, i + 1);
                if next_ok && (nw == "های" || nw == "ها") && self.gap(i + 1) == Gap::Space {
                    // The two folded words are stored together.
                    plural(self.folded.span(i, i + 1)).map(|k| (k, i + 2))
                } else {
                    None
                }
            });
            if let Some(((kind, unknown), at)) = pl {
                let after = if self.gap(at - 1) != Gap::Space {
                    at
                } else {
                    // بخش‌های X، Y و Z: unknown names in a list with a known one.
                    let mixed = if unknown { at } else { self.tail_list(at, kind, true) };
                    if mixed > at {
                        mixed
                    } else {
                        self.list(at, kind, unknown, false)
                    }
                };
                i = after.max(i + 1);
                continue;
            }
            // مناطق مختلف به‌ویژه X، محلات از جمله X و Y
            if let Some(kind) = if special { area_plural(w) } else { None } {
                if let Some(at) = self.connective_after(i) {
                    i = self.list(at, kind, true, true).max(i + 1);
                    continue;
                }
                // در مناطق X، Y و Z: a whole list with a known place in it.
                if next_ok {
                    let mut at = i + 1;
                    let mut after = self.tail_list(at, kind, true);
                    // A first item no list accepts (a common word): the
                    // rest of the list after its comma.
                    let mut k = at;
                    while after <= at && k < i + 4 && self.gap(k) == Gap::Space {
                        k += 1;
                    }
                    if after <= at && self.gap(k) == Gap::Comma {
                        at = k + 1;
                        after = self.tail_list(at, kind, true);
                    }
                    if after > at {
                        i = after;
                        continue;
                    }
                }
            }
            let w = word(&self.folded, i);
            // حوضه آبخیز X, حوزه آبریز X: a basin named after its place.
            if special
                && matches!(w, "حوضه" | "حوزه")
                && next_ok
                && matches!(word(&self.folded, i + 1), "ابخیز" | "ابریز")
                && self.gap(i + 1) == Gap::Space
            {
                let at = i + 2;
                let end = match lookup(&self.toks, &self.folded, at) {
                    Some((j, _)) => Some(j),
                    // دره X, کوه X: a landform word opens a two-word name.
                    None if LANDFORMS.contains(&word(&self.folded, at)) && self.gap(at) == Gap::Space => {
                        self.unknown_name(at + 1).or(Some(at))
                    }
                    None => self.unknown_name(at),
                };
                if let Some(j) = end {
                    self.push(at, j, LocationKind::Region, true);
                    i = j + 1;
                    continue;
                }
            }
            if let Some(ctx) = ctx {
                if let Some(next) = self.after_keyword(ctx, i, next_ok) {
                    i = next;
                    continue;
                }
            }
            let g: &Gazetteer = &GAZ;
            let hit =
                if g.may_be_node_mixed(mix) { longest_name(g, &self.toks, &self.folded, i) } else { None };
            if let Some((j, e)) = hit {
                if !e.amb {
                    self.push(i, j, default_kind(e.kinds), false);
                    // از افسریه تا آزادی, جاده گرگان به بم: the other end of
                    // a route is a place even when a common word.
                    let link = word(&self.folded, j + 1);
                    if self.gap(j) == Gap::Space
                        && (link == "تا" || link == "به")
                        && self.gap(j + 1) == Gap::Space
                    {
                        if let Some((jj, e2)) = lookup(&self.toks, &self.folded, j + 2) {
                            let common = jj == j + 2 && GAZ.stop.contains(word(&self.folded, j + 2));
                            if e2.amb && !common {
                                self.push(j + 2, jj, default_kind(e2.kinds), false);
                                i = jj + 1;
                                continue;
                            }
                        }
                    }
                }
                i = j + 1;
                continue;
            }
            i += 1;
        }
    }

    /// Elided items after «روستای X با ...»: «، Y با ...، روستای Z با ... و W
    /// با ...» name places of the same kind. An item is one or two words
    /// followed by the word that followed X. `k` is the keyword, `j` the
    /// last word of X.
    fn elided(&mut self, k: usize, j: usize, kind: LocationKind) {
        let follower = word(&self.folded, j + 1).to_string();
        if self.gap(j) != Gap::Space || !matches!(follower.as_str(), "با" | "به" | "در" | "از") {
            return;
        }
        let keyword = word(&self.folded, k).to_string();
        let mut i = j + 2;
        let mut items = Vec::new();
        while i < self.toks.len() && i < j + 80 {
            if matches!(self.gap(i - 1), Gap::Break) {
                break;
            }
            let start = if self.gap(i - 1) == Gap::Comma {
                Some(i)
            } else if word(&self.folded, i) == "و" && self.gap(i) == Gap::Space {
                Some(i + 1)
            } else {
                None
            };
            if let Some(mut a) = start {
                if word(&self.folded, a) == keyword && self.gap(a) == Gap::Space {
                    a += 1;
                }
                let end = (a..a + 2).find(|&m| {
                    word(&self.folded, m + 1) == follower
                        && (a..=m).all(|x| {
                            self.gap(x) == Gap::Space
                                && name_like(self.text, &self.toks, &self.folded, x, false)
                                || x < m && self.gap(x) == Gap::Space
                        })
                });
                if let Some(m) = end {
                    items.push((a, m));
                    i = m + 1;
                    continue;
                }
            }
            i += 1;
        }
        for (a, m) in items {
            self.push(a, m, kind, true);
        }
    }

    /// After an area noun at `k`, a few words (مختلف, شهر) and a
    /// connective such as به‌ویژه or از جمله: the first word of the list.
    fn connective_after(&self, k: usize) -> Option<usize> {
        let mut i = k + 1;
        while i < self.toks.len() && i <= k + 4 {
            if self.gap(i - 1) != Gap::Space && !(i > k + 1 && self.gap(i - 1) == Gap::Comma) {
                return None;
            }
            let w = word(&self.folded, i);
            let two = format!("{w}{}", word(&self.folded, i + 1));
            if CONNECTIVES.contains(&w) {
                return (self.gap(i) == Gap::Space).then_some(i + 1);
            }
            if CONNECTIVES.contains(&two.as_str()) && self.gap(i) == Gap::Space {
                return (self.gap(i + 1) == Gap::Space).then_some(i + 2);
            }
            i += 1;
        }
        None
    }

    /// Handles keyword `ctx` at word `k`: the index to go on from, or None
    /// to treat the keyword as an ordinary word.
    fn after_keyword(&mut self, ctx: Ctx, k: usize, next_ok: bool) -> Option<usize> {
        let i = k + 1;
        if !next_ok || i >= self.toks.len() {
            return None;
        }
        // A common word that is also a place name (بخشدار مرکزی, منطقه خبر
        // داد) is not one after a keyword.
        let hit = lookup(&self.toks, &self.folded, i)
            .filter(|&(j, e)| !(e.amb && (j == i && GAZ.stop.contains(word(&self.folded, i)))));
        match ctx {
            // خبرنگار (اجتماعی) فارس: skip the agency's name.
            Ctx::Not => Some(match hit {
                Some((j, _)) => j + 1,
                None if self.gap(i) == Gap::Space => {
                    lookup(&self.toks, &self.folded, i + 1).map_or(i, |(j, _)| j + 1)
                }
                None => i,
            }),
            Ctx::Any => {
                let (j, e) = hit?;
                self.push(i, j, default_kind(e.kinds), false);
                Some(j + 1)
            }
            Ctx::Admin(kind, unknown) => {
                // استان مرکزی: the province, though مرکزی is a common word.
                if kind == LocationKind::Province && word(&self.folded, i) == "مرکزی" {
                    self.push(i, i, kind, true);
                    return Some(i + 1);
                }
                // بخش مرکزی X
                if kind == LocationKind::District && word(&self.folded, i) == "مرکزی" {
                    if let (Gap::Space, Some((j, _))) = (self.gap(i), lookup(&self.toks, &self.folded, i + 1))
                    {
                        self.push(k, j, kind, true);
                        return Some(j + 1);
                    }
                }
                if let Some((j, e)) = hit {
                    // بخش سرباز: a district named after its county or town.
                    let town = bit(LocationKind::County) | bit(LocationKind::City);
                    let has = e.kinds & bit(kind) != 0
                        || (kind == LocationKind::District && !unknown && e.kinds & town != 0);
                    if (e.amb || kind == LocationKind::Country) && !has {
                        // دهستان کلاته بالا: a common word starts an unknown name.
                        let j = if unknown { self.unknown_name(i) } else { None };
                        let j = j?;
                        self.push(i, j, kind, true);
                        return Some(j + 1);
                    }
                    let kind =
                        if has || kind != LocationKind::Village { kind } else { default_kind(e.kinds) };
                    self.push(i, j, kind, true);
                    if self.gap(j) == Gap::Comma {
                        // بخش X، Y، Z و W: the rest of a list after a known name.
                        return Some(self.tail_list(j + 1, kind, false));
                    }
                    return Some(j + 1);
                }
                if unknown {
                    let j = self.unknown_name(i)?;
                    self.push(i, j, kind, true);
                    return Some(j + 1);
                }
                None
            }
            Ctx::Named(kind) => {
                let j = match hit {
                    Some((j, _)) => j,
                    None => self.unknown_name(i)?,
                };
                self.push(i, j, kind, true);
                self.elided(k, j, kind);
                Some(j + 1)
            }
            Ctx::Prefixed(kind) => {
                let j = match hit {
                    Some((j, _)) => j,
                    None => {
                        let j = self.unknown_name(i)?;
                        let w = word(&self.folded, i);
                        if TITLES.contains(&w) && j == i && self.gap(i) == Gap::Space {
                            self.unknown_name(i + 1)?
                        } else {
                            j
                        }
                    }
                };
                self.push(k, j, kind, true);
                Some(j + 1)
            }
            Ctx::Street(kind, strict) => {
                if strict {
                    let w = word(&self.folded, i);
                    let known = GAZ.squares.contains(w)
                        || TITLES.contains(&w)
                        || w.chars().all(|c| c.is_ascii_digit())
                        || hit.is_some_and(|(_, e)| !e.amb);
                    if !known {
                        return None;
                    }
                    // میدان آزادی, میدان هفت تیر: a listed name is the whole name.
                    if GAZ.squares.contains(w) && !TITLES.contains(&w) {
                        let two = format!("{w}{}", word(&self.folded, i + 1));
                        let j =
                            if self.gap(i) == Gap::Space && GAZ.squares2.contains(&two) { i + 1 } else { i };
                        self.push(k, j, kind, true);
                        return Some(j + 1);
                    }
                }
                let j = self.street_name(k)?;
                self.push(k, j, kind, true);
                Some(j + 1)
            }
            Ctx::Port => {
                // بندر عباس, بندر انزلی: the city itself.
                if let Some((j, e)) = lookup(&self.toks, &self.folded, k) {
                    if j > k {
                        self.push(k, j, default_kind(e.kinds), false);
                        return Some(j + 1);
                    }
                }
                if let Some((j, e)) = hit {
                    if e.amb {
                        return None;
                    }
                    self.push(k, j, LocationKind::Port, true);
                    self.push(i, j, default_kind(e.kinds), false);
                    return Some(j + 1);
                }
                if !TITLES.contains(&word(&self.folded, i)) {
                    return None;
                }
                let j = self.street_name(k)?;
                self.push(k, j, LocationKind::Port, true);
                Some(j + 1)
            }
        }
    }
}

/// The words of a text, their folded forms and the place mentions.
pub(crate) struct Scan {
    /// The words.
    pub toks: Vec<Tok>,
    /// Their folded forms.
    pub folded: Folded,
    /// Every place mention, in order.
    pub mentions: Vec<Mention>,
}

/// Every place mention in the normalized `text`, in order.
pub(crate) fn scan(text: &str) -> Scan {
    let (toks, folded) = words(text, 0, usize::MAX);
    let mut s = Scanner { text, toks, folded, out: Vec::new() };
    s.run();
    Scan { toks: s.toks, folded: s.folded, mentions: s.out }
}

/// Finds the locations of `doc` and adds them to `out`.
pub(crate) fn extract(doc: &Doc<'_>, out: &mut Extraction) {
    let text = doc.text();
    let mut seen: HashMap<&str, (usize, bool)> = HashMap::default();
    for m in &doc.places().mentions {
        if let Some(&(idx, explicit)) = seen.get(m.key.as_str()) {
            if m.explicit && !explicit {
                if let Some(loc) = out.locations.get_mut(idx) {
                    loc.kind = Some(m.kind);
                }
                seen.insert(&m.key, (idx, true));
            }
            continue;
        }
        // ایالات متحده آمریکا, ایالات متحده: one country, named آمریکا.
        let (key, name) = match ALIASES.get(m.key.as_str()) {
            Some((key, canon)) => (key.as_str(), (*canon).to_string()),
            None => (m.key.as_str(), text.get(m.start..m.end).unwrap_or("").to_string()),
        };
        if let Some(&(idx, explicit)) = seen.get(key) {
            if m.explicit && !explicit {
                if let Some(loc) = out.locations.get_mut(idx) {
                    loc.kind = Some(m.kind);
                }
                seen.insert(key, (idx, true));
            }
            continue;
        }
        seen.insert(key, (out.locations.len(), m.explicit));
        out.locations.push(Location { name, kind: Some(m.kind), span: doc.span(m.start..m.end) });
    }
}

/// Other names of a place (`data/places/world.tsv`, third column `=NAME`):
/// the folded alias to the folded canonical name and the name itself.
static ALIASES: LazyLock<HashMap<String, (String, &'static str)>> = LazyLock::new(|| {
    rows(WORLD)
        .filter_map(|r| {
            let canon = r.get(2)?.strip_prefix('=')?;
            Some((key_of(r.first()?).0, (key_of(canon).0, canon)))
        })
        .collect()
});

/// If a known place name (gazetteer entry) starts at byte `pos` of the
/// normalized `text` and ends on a word boundary, its end and kind. Used by
/// other extractors (organizations: شهرداری قم) to find where a name ends.
/// A name that is also a common word (نور, امام, مرکزی) counts only right
/// after a place keyword or a local body (شهرداری نور, استان مرکزی), so
/// that کمیته امداد امام خمینی is not cut at امام.
pub(crate) fn place_at(text: &str, pos: usize) -> Option<(usize, LocationKind)> {
    place_at_with(text, pos, false)
}

/// [`place_at`] for a name that is no common word (گرگان, not بوستان or
/// تخت, which are places only in context).
pub(crate) fn sure_place_at(text: &str, pos: usize) -> Option<(usize, LocationKind)> {
    place_at_with(text, pos, true)
}

/// [`place_at`]; with `sure`, names that are also common words are none.
fn place_at_with(text: &str, pos: usize, sure: bool) -> Option<(usize, LocationKind)> {
    if !text.is_char_boundary(pos) || text[..pos].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    PLACE_WORDS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut w) => {
            let (toks, folded) = &mut *w;
            place_in(text, pos, toks, folded, sure)
        }
        Err(_) => place_in(text, pos, &mut Vec::new(), &mut Folded::default(), sure),
    })
}

thread_local! {
    /// The word buffers of [`place_at`], which runs thousands of times a
    /// text: reused rather than allocated per call.
    static PLACE_WORDS: RefCell<(Vec<Tok>, Folded)> = RefCell::new(Default::default());
}

/// [`place_at`] past its boundary check, with word buffers to fill.
fn place_in(
    text: &str,
    pos: usize,
    toks: &mut Vec<Tok>,
    folded: &mut Folded,
    sure: bool,
) -> Option<(usize, LocationKind)> {
    // Most calls fail on the first word: fold it alone first.
    let tables: &ClassTables = &CLASSES;
    if class_at(tables, text, pos).0 != Class::Word {
        return None;
    }
    folded.buf.clear();
    fold_word(tables, text, pos, &mut folded.buf);
    GAZ.node(&folded.buf)?;
    words_into(text, pos, MAX_WORDS + 1, toks, folded);
    let (toks, folded) = (&*toks, &*folded);
    let (j, e) = lookup(toks, folded, 0)?;
    if sure && e.amb {
        return None;
    }
    let mut kind = default_kind(e.kinds);
    // The word before: a keyword gives the kind, and lets a common word in.
    let before = text[..pos].trim_end();
    let prev_start =
        before.char_indices().rev().find(|&(_, c)| !is_word_char(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let prev = fold(&before[prev_start..]);
    let ctx = keyword(&prev);
    if let Some(Ctx::Admin(k, _)) = ctx {
        if e.kinds & bit(k) != 0 {
            kind = k;
        }
    }
    if e.amb && !matches!(ctx, Some(Ctx::Admin(..) | Ctx::Any | Ctx::Named(_))) {
        // Elsewhere a common word is a place only at the end of a phrase
        // (جهاد کشاورزی مهربان گفت), not inside a name (امداد امام خمینی).
        let next = word(folded, j + 1);
        let ends = toks[j].gap != Gap::Space
            || GAZ.stop.contains(next)
            || AUX.contains(&next)
            || REPORTING.contains(&next)
            || next.starts_with("می");
        if j == 0 && GAZ.stop.contains(word(folded, 0)) || !ends {
            return None;
        }
    }
    Some((toks[j].end, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_iter_is_get() {
        let text = "استان آذربایجان‌شرقی، شهر ري و بندر عباس. Tehran 12 می‌شود";
        let (_, folded) = words(text, 0, usize::MAX);
        let by_index: Vec<&str> = (0..folded.ends.len()).map(|i| folded.get(i)).collect();
        assert_eq!(folded.iter().collect::<Vec<_>>(), by_index);
    }

    #[test]
    fn special_words_are_whole() {
        // Every string the keyword functions match is in SPECIAL_WORDS.
        let src = include_str!("locations.rs");
        let (Some(a), Some(b)) =
            (src.find("fn keyword(w: &str)"), src.find("/// Every word that [`keyword`]"))
        else {
            panic!("keyword functions not found");
        };
        let quoted = src[a..b].split('"').skip(1).step_by(2);
        for w in quoted {
            assert!(SPECIAL_WORDS.contains(&w) && may_be_special_mixed(mixed(w.as_bytes())), "{w}");
        }
        for w in SPECIAL_WORDS {
            let known = keyword(w).is_some() || plural(w).is_some() || area_plural(w).is_some();
            assert!(known || matches!(w, "حوضه" | "حوزه"), "{w}");
        }
    }

    fn names(text: &str) -> Vec<String> {
        scan(text).mentions.into_iter().map(|m| text[m.start..m.end].to_string()).collect()
    }

    #[test]
    fn place_at_finds_names() {
        let t = "شهرداری قم گفت";
        let p = "شهرداری ".len();
        assert_eq!(place_at(t, p), Some((p + "قم".len(), LocationKind::City)));
        let t = "استانداری آذربایجان شرقی و";
        let p = "استانداری ".len();
        assert_eq!(place_at(t, p).map(|x| x.0), Some(p + "آذربایجان شرقی".len()));
        assert_eq!(place_at("شهرداری قمصر", "شهرداری ".len()).map(|x| x.0), Some("شهرداری قمصر".len()));
        assert_eq!(place_at("شهرداری منطقه", "شهرداری ".len()), None);
        // Common words are places only after a keyword.
        let t = "کمیته امداد امام خمینی";
        assert_eq!(place_at(t, "کمیته امداد ".len()), None);
        let t = "جهاد کشاورزی مهربان گفت";
        assert_eq!(place_at(t, "جهاد کشاورزی ".len()).map(|x| x.0), Some("جهاد کشاورزی مهربان".len()));
        assert_eq!(place_at("مجلس خبر داد", "مجلس ".len()), None);
        let t = "شهرداری نور";
        assert_eq!(place_at(t, "شهرداری ".len()).map(|x| x.0), Some(t.len()));
        let t = "استانداری مرکزی";
        assert_eq!(place_at(t, "استانداری ".len()).map(|x| x.0), Some(t.len()));
        let t = "استان تهران";
        assert_eq!(place_at(t, "استان ".len()), Some((t.len(), LocationKind::Province)));
        assert_eq!(place_at("قم", 1), None);
        assert_eq!(place_at("قم", 99), None);
    }

    #[test]
    fn data_is_normalized() {
        let files = [IRAN, WORLD, DISTRICTS, AMBIGUOUS, WORDS, SQUARES];
        for src in files {
            for line in entries(src) {
                for field in line.split('\t') {
                    let n = crate::normalize(field).as_str().replace(['\u{200c}', ' '], "");
                    assert_eq!(n, field.replace(['\u{200c}', ' '], ""), "not normalized: {field}");
                }
            }
        }
    }

    #[test]
    fn tokens() {
        let (t, f) = words("الف، ب و ج.", 0, 10);
        assert_eq!(f.get(0), "الف");
        assert_eq!(t.len(), 4);
        assert_eq!(t[0].gap, Gap::Comma);
        assert_eq!(t[1].gap, Gap::Space);
        assert_eq!(t[3].gap, Gap::Break);
    }

    /// The character-by-character fold the tables replace.
    fn fold_slow(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                ' ' | '\u{200C}' | '\u{200D}' | 'ء' | '\u{0654}' | '\u{0655}' | '-' => {}
                'آ' | 'أ' | 'إ' | 'ٱ' => out.push('ا'),
                'ؤ' => out.push('و'),
                'ئ' | 'ي' | 'ى' => out.push('ی'),
                'ة' | 'ۀ' => out.push('ه'),
                'ك' => out.push('ک'),
                c if ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0670}' => {}
                c => out.push(c.to_ascii_lowercase()),
            }
        }
        out
    }

    /// The char-by-char tokenizer the one-pass [`words`] replaces.
    fn tokenize_slow(text: &str, from: usize, limit: usize) -> Vec<Tok> {
        let mut out: Vec<Tok> = Vec::new();
        let Some(rest) = text.get(from..) else { return out };
        let mut start: Option<usize> = None;
        let (mut commas, mut other) = (0usize, false);
        for (i, c) in rest.char_indices() {
            let at = from + i;
            if word_char(c) && !(c == '\u{200C}' && start.is_none()) {
                if start.is_none() {
                    if let Some(last) = out.last_mut() {
                        last.gap = if other || commas > 1 {
                            Gap::Break
                        } else if commas == 1 {
                            Gap::Comma
                        } else {
                            Gap::Space
                        };
                    }
                    if out.len() >= limit {
                        return out;
                    }
                    start = Some(at);
                }
            } else {
                if let Some(s) = start.take() {
                    out.push(Tok { start: s, end: at, gap: Gap::Break });
                    commas = 0;
                    other = false;
                }
                match c {
                    '،' | ',' => commas += 1,
                    '\n' | '\r' => other = true,
                    c if c.is_whitespace() => {}
                    _ => other = true,
                }
            }
        }
        if let Some(s) = start {
            out.push(Tok { start: s, end: text.len(), gap: Gap::Break });
        }
        out
    }

    fn same_words(text: &str, from: usize, limit: usize) {
        let (toks, folded) = words(text, from, limit);
        let slow = tokenize_slow(text, from, limit);
        assert_eq!(toks.len(), slow.len(), "{text:?}");
        for (i, (a, b)) in toks.iter().zip(&slow).enumerate() {
            assert_eq!((a.start, a.end, a.gap), (b.start, b.end, b.gap), "{text:?}");
            assert_eq!(folded.get(i), fold_slow(&text[b.start..b.end]), "{text:?}");
        }
    }

    #[test]
    fn one_pass_words_match_the_slow_ones() {
        // Every character of the Arabic block, ASCII, and the odd ones out.
        let mut pool: Vec<char> = ('\u{600}'..='\u{6FF}').chain('\0'..='\u{7F}').collect();
        pool.extend(['\u{200C}', '\u{200D}', '\u{A0}', '\u{2009}', 'é', 'Ж', '😀', '\u{FB50}', '٫']);
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..3000 {
            let mut t = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Mostly letters and spaces, like text.
                let c = match seed % 4 {
                    0 => ' ',
                    1 => ['ا', 'آ', 'ب', '\u{200C}', '،', 'ی', 'ئ'][(seed >> 8) as usize % 7],
                    _ => pool[(seed >> 8) as usize % pool.len()],
                };
                t.push(c);
            }
            same_words(&t, 0, usize::MAX);
            same_words(&t, 0, 2);
            for (i, _) in t.char_indices().skip(1).take(3) {
                same_words(&t, i, MAX_WORDS + 1);
            }
        }
        let seed_article = include_str!("../../data/sample/mehr-qom-70-projects.txt");
        same_words(seed_article, 0, usize::MAX);
        for c in pool {
            let s = c.to_string();
            assert_eq!(fold(&s), fold_slow(&s), "{c:?}");
        }
    }

    #[test]
    fn scans() {
        assert_eq!(names("در شهر قم و تهران"), ["قم", "تهران"]);
        assert_eq!(names("روستاهای الف‌آباد، بیدک و تلخک"), ["الف‌آباد", "بیدک", "تلخک"]);
    }
}
