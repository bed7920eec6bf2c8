//! Projects: named facilities (رمپ حکیم, پیاده‌راه آیت‌الله طالقانی) and
//! works described by an activity (روکش آسفالت معابر), with their phase,
//! status and location.
//!
//! A project starts at a kind from data/projects/kinds.tsv or an activity
//! from data/projects/works.tsv; its name runs over the words after it up
//! to punctuation, a conjunction, a preposition, a verb or a status word.
//! A mention counts when the text says something happens to it: it is
//! the object of افتتاح/احداث/بهره‌برداری از ..., an item of a list
//! (به مواردی همچون X، Y و Z), or it is named in a clause with a status
//! cue. The status comes from the governing noun, else the nearest cue of
//! the clause, the sentence, then the paragraph.

use super::locations::{FastMap as HashMap, FastSet as HashSet};
use super::locations::{Gap, Tok};
use super::Doc;
use crate::lexicon::{entries, rows};
use crate::model::{Extraction, Project, ProjectStatus};
use std::sync::LazyLock;

static KINDS: &str = include_str!("../../data/projects/kinds.tsv");
static WORKS: &str = include_str!("../../data/projects/works.tsv");
static STATUS: &str = include_str!("../../data/projects/status.tsv");
static GOVERNORS: &str = include_str!("../../data/projects/governors.tsv");
static STOP: &str = include_str!("../../data/projects/stop.txt");
static BINOMIALS: &str = include_str!("../../data/projects/binomials.txt");

/// Most words a lexicon entry spans.
const MAX_WORDS: usize = 6;
/// Most words in a name after its kind.
const MAX_NAME: usize = 5;

use super::locations::{fold, Folded};

fn parse_status(s: &str) -> Option<ProjectStatus> {
    Some(match s {
        "opening" => ProjectStatus::Opening,
        "groundbreaking" => ProjectStatus::Groundbreaking,
        "under_construction" => ProjectStatus::UnderConstruction,
        "completed" => ProjectStatus::Completed,
        "planned" => ProjectStatus::Planned,
        _ => return None,
    })
}

/// Which of the four lexicons an entry belongs to (its slot in `Table`).
#[derive(Clone, Copy)]
enum Slot {
    Kinds = 0,
    Works = 1,
    Status = 2,
    Governors = 3,
}

/// A lexicon of multiword entries matched on folded words, ignoring how
/// the words are separated (space, ZWNJ or nothing).
struct Lex {
    slot: Slot,
    /// (kind or label, status) per entry.
    vals: Vec<(String, Option<ProjectStatus>)>,
}

impl Lex {
    fn new(slot: Slot) -> Lex {
        Lex { slot, vals: Vec::new() }
    }

    /// Adds the entry of folded `key` to `table`, unless it is there
    /// already (the first value wins).
    fn add(&mut self, table: &mut Table, key: &str, val: (String, Option<ProjectStatus>)) {
        let slot = self.slot as usize;
        if key.is_empty() || table.entry(table.id(key.as_bytes()), slot).is_some() {
            return;
        }
        table.insert(key, slot, self.vals.len());
        self.vals.push(val);
    }

    /// The longest entry starting at word `i`: its last word and value index.
    fn longest(&self, w: &Words, i: usize) -> Option<(usize, usize)> {
        self.longest_with(w, i, false)
    }

    /// The same; with `fillers`, a number or جدید after the first word is
    /// skipped (خط 2 اتوبوس تندرو, ایستگاه جدید آتش‌نشانی).
    #[inline]
    fn longest_with(&self, w: &Words, i: usize, fillers: bool) -> Option<(usize, usize)> {
        // Most words start no entry: the lookup made once per word says so.
        if !w.may_start(i, self.slot) {
            return None;
        }
        self.extend(w, i, w.words.get(i)?.id, fillers)
    }

    /// `longest_with` past its first word, whose id is `first`.
    #[inline(never)]
    fn extend(&self, w: &Words, i: usize, first: u32, fillers: bool) -> Option<(usize, usize)> {
        let slot = self.slot as usize;
        let t = w.table;
        let mut best = t.entry(first, slot).map(|v| (i, v));
        // No entry goes on with the next word (the usual case): decide
        // that before copying any word.
        let next = w.f(i + 1);
        let filler = fillers && is_filler(next);
        if i + 1 >= w.len() || w.toks[i].gap != Gap::Space || !filler && !t.may_continue(first, next) {
            return best;
        }
        let mut key = KeyBuf::new();
        key.push(w.f(i));
        let mut id = first;
        let mut j = i + 1;
        while j < w.len() && j < i + MAX_WORDS {
            if w.toks[j - 1].gap != Gap::Space {
                break;
            }
            let f = w.f(j);
            if fillers
                && j == i + 1
                && is_filler(f)
                && w.toks[j].gap == Gap::Space
                && t.may_continue(id, w.f(j + 1))
                && key.with(w.f(j + 1), |k| t.is_prefix(t.id(k), slot))
            {
                j += 1;
                continue;
            }
            if !t.may_continue(id, f) || !key.push(f) {
                break;
            }
            id = t.id(key.bytes());
            if !t.is_prefix(id, slot) {
                break;
            }
            if let Some(v) = t.entry(id, slot) {
                best = Some((j, v));
            }
            j += 1;
        }
        best
    }
}

/// A word that a kind may skip after its first word: a number or جدید.
fn is_filler(f: &str) -> bool {
    f == "جدید" || f.bytes().all(|b| b.is_ascii_digit())
}

/// Longest folded key, in bytes, that a lookup can build (the longest
/// entry takes 44 today; `data_fits_key_buffer` checks).
const KEY_BYTES: usize = 96;

/// The folded words of a phrase joined, on the stack: a lookup allocates
/// nothing.
struct KeyBuf {
    buf: [u8; KEY_BYTES],
    len: usize,
}

impl KeyBuf {
    fn new() -> KeyBuf {
        KeyBuf { buf: [0; KEY_BYTES], len: 0 }
    }

    fn bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }

    /// Appends `s`; false when it does not fit (then no entry starts so).
    fn push(&mut self, s: &str) -> bool {
        let end = self.len + s.len();
        let Some(dst) = self.buf.get_mut(self.len..end) else { return false };
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        true
    }

    /// `test` on the key with `s` appended, leaving the key as it was
    /// (false when it does not fit).
    fn with(&mut self, s: &str, test: impl Fn(&[u8]) -> bool) -> bool {
        let len = self.len;
        let ok = self.push(s) && test(self.bytes());
        self.len = len;
        ok
    }
}

/// Marks an id that is no prefix of any entry.
const NONE: u32 = u32::MAX;

/// Every prefix of every entry of the four lexicons (at character
/// boundaries), so that one lookup per word tells all four whether an
/// entry can start there.
struct Table {
    /// The id of each prefix.
    ids: HashMap<Box<[u8]>, u32>,
    /// Per id: bit `slot` set when the id's string is a prefix of an entry
    /// of that lexicon (an entry is a prefix of itself).
    prefix: Vec<u8>,
    /// Per id and slot: the value index of the entry it is, or NONE.
    entry: Vec<[u32; 4]>,
    /// Per id: bit `slot` set when the id's string is an entry of that
    /// lexicon.
    is_entry: Vec<u8>,
    /// Per id: the `char_bit`s of the characters that can follow it in an
    /// entry, to skip the lookup of a phrase that cannot be one.
    next: Vec<u64>,
    /// The `start_bit`s of all prefixes: most words are no prefix, and
    /// this says so without hashing them.
    starts: Vec<u64>,
    /// The prefixes of at most 8 bytes (short words like در and و are
    /// prefixes, and common), by `mix` of their packed bytes: found
    /// without hashing their bytes.
    short: Vec<Short>,
}

/// Bits in `Table::starts`.
const START_BITS: u32 = 18;

/// A bit for the character that `s` starts with (its last UTF-8 byte for
/// Persian letters, which all take two).
#[inline]
fn char_bit(s: &[u8]) -> u64 {
    let b = match s {
        [] => return 0,
        [b, ..] if b.is_ascii() => *b,
        [_, b, ..] => *b,
        [b] => *b,
    };
    1 << (b & 63)
}

/// Bits in the index of `Table::short`.
const SHORT_BITS: u32 = 12;

/// A string's bytes packed in a u64: all of them up to 8 bytes (with the
/// length, that is the string), else its first and last 4.
#[inline]
fn pack(s: &[u8]) -> u64 {
    let four = |b: Option<&[u8]>| b.and_then(|b| <[u8; 4]>::try_from(b).ok()).map_or(0, u32::from_le_bytes);
    let n = s.len();
    if n >= 4 {
        u64::from(four(s.get(..4))) | u64::from(four(s.get(n - 4..))) << 32
    } else {
        s.iter().fold(0u64, |v, &b| v << 8 | u64::from(b))
    }
}

/// A hash of a packed string and its length.
#[inline]
fn mix(v: u64, n: usize) -> u64 {
    (v ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The bit in `Table::starts` of a string.
#[inline]
fn start_bit(s: &[u8]) -> usize {
    (mix(pack(s), s.len()) >> (64 - START_BITS)) as usize
}

/// The slot of a packed string of at most 8 bytes in `Table::short`.
#[inline]
fn short_index(v: u64, n: usize) -> usize {
    (mix(v, n) >> (64 - SHORT_BITS)) as usize
}

/// A slot of `Table::short`.
#[derive(Clone, Copy)]
enum Short {
    /// No prefix of at most 8 bytes hashes here.
    Empty,
    /// One does: its packed bytes, length and id.
    One(u64, usize, u32),
    /// Several do: ask the map.
    Many,
}

impl Table {
    fn new() -> Table {
        // About 6,600 prefixes today: no growing while building.
        let n = 8192;
        Table {
            ids: HashMap::with_capacity_and_hasher(n, Default::default()),
            prefix: Vec::with_capacity(n),
            entry: Vec::with_capacity(n),
            is_entry: Vec::with_capacity(n),
            next: Vec::with_capacity(n),
            starts: vec![0; 1 << (START_BITS - 6)],
            short: vec![Short::Empty; 1 << SHORT_BITS],
        }
    }

    /// Adds `key` as entry `v` of lexicon `slot`, and its prefixes.
    fn insert(&mut self, key: &str, slot: usize, v: usize) {
        let bytes = key.as_bytes();
        // Longest prefix first: once one is already a prefix of this
        // lexicon, so are the shorter ones, with the same next letters.
        for (i, c) in key.char_indices().rev() {
            let end = i + c.len_utf8();
            let p = bytes.get(..end).unwrap_or(&[]);
            let id = self.intern(p);
            let Some(bits) = self.prefix.get_mut(id as usize) else { return };
            let known = *bits & (1 << slot) != 0;
            *bits |= 1 << slot;
            if let Some(n) = self.next.get_mut(id as usize) {
                *n |= char_bit(bytes.get(end..).unwrap_or(&[]));
            }
            if end == key.len() {
                if let Some(e) = self.entry.get_mut(id as usize).and_then(|e| e.get_mut(slot)) {
                    *e = u32::try_from(v).unwrap_or(NONE);
                }
                if let Some(e) = self.is_entry.get_mut(id as usize) {
                    *e |= 1 << slot;
                }
            }
            if known {
                return;
            }
        }
    }

    fn intern(&mut self, key: &[u8]) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = u32::try_from(self.prefix.len()).unwrap_or(NONE);
        self.ids.insert(key.into(), id);
        let b = start_bit(key);
        if let Some(s) = self.starts.get_mut(b >> 6) {
            *s |= 1 << (b & 63);
        }
        if key.len() <= 8 {
            let v = pack(key);
            if let Some(slot) = self.short.get_mut(short_index(v, key.len())) {
                *slot = match slot {
                    Short::Empty => Short::One(v, key.len(), id),
                    _ => Short::Many,
                };
            }
        }
        self.prefix.push(0);
        self.entry.push([NONE; 4]);
        self.is_entry.push(0);
        self.next.push(0);
        id
    }

    /// The id of a folded string in the map.
    #[inline]
    fn lookup(&self, key: &[u8]) -> u32 {
        self.ids.get(key).copied().unwrap_or(NONE)
    }

    /// The id of a folded string (a word or words joined), NONE when it
    /// starts no entry: short ones from `short`, others from the map
    /// behind `starts` (most strings are no prefix). Always inlined: it
    /// runs once per word, and a call costs as much as the test.
    #[inline(always)]
    fn id(&self, key: &[u8]) -> u32 {
        let (v, n) = (pack(key), key.len());
        if n <= 8 {
            return match self.short.get(short_index(v, n)) {
                Some(&Short::One(sv, sn, id)) if sv == v && sn == n => id,
                Some(Short::Many) => self.lookup(key),
                _ => NONE,
            };
        }
        let b = (mix(v, n) >> (64 - START_BITS)) as usize;
        if self.starts.get(b >> 6).is_some_and(|s| s & (1 << (b & 63)) != 0) {
            self.lookup(key)
        } else {
            NONE
        }
    }

    /// The `is_entry` bits of `id`.
    #[inline]
    fn entries_of(&self, id: u32) -> u8 {
        self.is_entry.get(id as usize).copied().unwrap_or(0)
    }

    /// The `prefix` bits of `id`.
    #[inline]
    fn starts_of(&self, id: u32) -> u8 {
        self.prefix.get(id as usize).copied().unwrap_or(0)
    }

    #[inline]
    fn is_prefix(&self, id: u32, slot: usize) -> bool {
        self.prefix.get(id as usize).is_some_and(|p| p & (1 << slot) != 0)
    }

    #[inline]
    fn entry(&self, id: u32, slot: usize) -> Option<usize> {
        let v = *self.entry.get(id as usize)?.get(slot)?;
        (v != NONE).then_some(v as usize)
    }

    /// Whether the string of `id` followed by `word` may start an entry
    /// (false means it does not; an empty word adds nothing).
    #[inline]
    fn may_continue(&self, id: u32, word: &str) -> bool {
        word.is_empty() || self.next.get(id as usize).is_some_and(|n| n & char_bit(word.as_bytes()) != 0)
    }
}

struct Lexicons {
    kinds: Lex,
    works: Lex,
    status: Lex,
    governors: Lex,
    stop: HashSet<String>,
    binomials: HashSet<(String, String)>,
    /// The prefixes of all four lexicons.
    table: Table,
}

static LEX: LazyLock<Lexicons> = LazyLock::new(build);

/// The lexicons from the data files (once per process; not inlined, so
/// that a profile shows its cost apart).
#[inline(never)]
fn build() -> Lexicons {
    let mut t = Table::new();
    // Keys are folded in parts (folding maps letter by letter, and drops
    // spaces): the forms a kind takes share the fold of its name.
    let mut kinds = Lex::new(Slot::Kinds);
    let key = |parts: &[&str]| parts.concat();
    let (mini, extension) = (fold("مینی"), fold("توسعه"));
    for r in rows(KINDS) {
        let Some(form) = r.first().copied() else { continue };
        let kind = r.get(1).copied().unwrap_or(form).to_string();
        let folded = fold(form);
        kinds.add(&mut t, &folded, (kind.clone(), None));
        // Ezafe after a vowel: متروی تهران, مدرسه‌ی شهید.
        // (Not پیاده‌رو: پیاده‌روی is walking.)
        if form.ends_with(['و', 'ا', 'ه']) && !form.ends_with("پیاده‌رو") {
            kinds.add(&mut t, &key(&[&folded, "ی"]), (kind.clone(), None));
        }
        // Plurals on the first word: سالن‌های ورزشی, ایستگاه‌های آتش‌نشانی.
        let (first, rest) = form.split_once(' ').unwrap_or((form, ""));
        let (first, rest) = (fold(first), fold(rest));
        for suffix in ["ها", "های", "هایی"] {
            kinds.add(&mut t, &key(&[&first, suffix, &rest]), (kind.clone(), None));
        }
    }
    // Two rules over every kind, added after the kinds themselves so that
    // a listed entry keeps its own kind: «مینی» makes a small one of the
    // same kind (مینی‌پالایشگاه), and «توسعه» + a kind is the extension of
    // a facility (توسعه فرودگاه X: kind توسعه فرودگاه).
    for r in rows(KINDS) {
        let Some(form) = r.first().copied() else { continue };
        let kind = r.get(1).copied().unwrap_or(form);
        if kind.starts_with("طرح") || kind == "فاز" || WEAK_GENERIC.contains(&kind) {
            continue;
        }
        let folded = fold(form);
        kinds.add(&mut t, &key(&[&mini, &folded]), (kind.to_string(), None));
        kinds.add(&mut t, &key(&[&extension, &folded]), (format!("توسعه {kind}"), None));
    }
    let mut works = Lex::new(Slot::Works);
    for r in rows(WORKS) {
        let Some(form) = r.first().copied() else { continue };
        let kind = r.get(1).copied().unwrap_or(form).to_string();
        works.add(&mut t, &fold(form), (kind, None));
    }
    let mut status = Lex::new(Slot::Status);
    for r in rows(STATUS) {
        let (Some(cue), Some(st)) = (r.first(), r.get(1).and_then(|s| parse_status(s))) else {
            continue;
        };
        status.add(&mut t, &fold(cue), (String::new(), Some(st)));
    }
    let mut governors = Lex::new(Slot::Governors);
    for r in rows(GOVERNORS) {
        let Some(cue) = r.first() else { continue };
        governors.add(&mut t, &fold(cue), (String::new(), r.get(1).and_then(|s| parse_status(s))));
    }
    let stop = entries(STOP).map(fold).collect();
    let binomials = entries(BINOMIALS)
        .filter_map(|l| l.split_once(' '))
        .map(|(a, b)| (fold(a), fold(b.trim())))
        .collect();
    Lexicons { kinds, works, status, governors, stop, binomials, table: t }
}

/// The words of a document with their folded forms and where clauses,
/// sentences and paragraphs break.
struct Words<'t> {
    text: &'t str,
    toks: &'t [Tok],
    /// One per token.
    words: Vec<Word<'t>>,
    /// The lexicon prefixes that `Word::id` points into.
    table: &'static Table,
}

/// `Word::starts` of a list cue (همچون, مانند, ...).
const LIST_CUE: u8 = 1 << 4;
/// `Word::starts` of طرح, which with a work after it is a plan.
const PLAN: u8 = 1 << 5;

/// What the scan needs of a word, worked out once.
#[derive(Clone, Copy)]
struct Word<'t> {
    /// Its folded form.
    f: &'t str,
    /// Its id in the lexicon prefixes (NONE for most words).
    id: u32,
    /// The lexicons it may start an entry of (bit `slot`), and whether it
    /// is a list cue (LIST_CUE) or طرح (PLAN).
    starts: u8,
    /// Clause, sentence and paragraph number.
    clause: u32,
    sentence: u32,
    para: u32,
}

impl<'t> Words<'t> {
    // Not inlined: once per document, and a profile shows its cost apart.
    #[inline(never)]
    fn new(text: &'t str, toks: &'t [Tok], folded: &'t Folded) -> Words<'t> {
        let table = &LEX.table;
        let (mut c, mut s, mut p) = (0u32, 0u32, 0u32);
        let mut prev_end = 0usize;
        let mut words = Vec::with_capacity(toks.len());
        // The folded words in order, each with the one after it.
        let mut fs = folded.iter().peekable();
        for (i, t) in toks.iter().enumerate() {
            // What the gap before the word breaks: spaces or a comma (most
            // gaps) nothing; else one pass over it finds 3 a paragraph, 2 a
            // sentence, 1 a clause.
            let plain = i > 0 && toks.get(i - 1).is_some_and(|p| p.gap != Gap::Break);
            if !plain {
                let gap = text.get(prev_end..t.start).unwrap_or("");
                let level = gap.chars().fold(0u8, |l, ch| {
                    l.max(match ch {
                        '\n' => 3,
                        '.' | '!' | '?' | '؟' => 2,
                        ':' | '؛' | ';' | '«' | '»' => 1,
                        _ => 0,
                    })
                });
                p += u32::from(level >= 3);
                s += u32::from(level >= 2);
                c += u32::from(level >= 1);
            }
            prev_end = t.end;
            let f = fs.next().unwrap_or("");
            let id = table.id(f.as_bytes());
            let mut starts = table.starts_of(id);
            if starts != 0 {
                // An entry starts here only if the word is one, or if the
                // next word may go on with it (as the word or after a
                // number or جدید, which a kind skips).
                let next = fs.peek().copied().unwrap_or("");
                let goes_on = t.gap == Gap::Space
                    && i + 1 < toks.len()
                    && (table.may_continue(id, next) || is_filler(next));
                if !goes_on {
                    starts &= table.entries_of(id);
                }
            }
            if is_list_cue(f) {
                starts |= LIST_CUE;
            }
            if matches!(f, "طرح" | "طرحهای") {
                starts |= PLAN;
            }
            words.push(Word { f, id, starts, clause: c, sentence: s, para: p });
        }
        Words { text, toks, words, table }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    #[inline]
    fn f(&self, i: usize) -> &'t str {
        self.words.get(i).map_or("", |w| w.f)
    }

    fn gap(&self, i: usize) -> Gap {
        self.toks.get(i).map_or(Gap::Break, |t| t.gap)
    }

    fn clause(&self, i: usize) -> u32 {
        self.words[i].clause
    }

    fn sentence(&self, i: usize) -> u32 {
        self.words[i].sentence
    }

    fn para(&self, i: usize) -> u32 {
        self.words[i].para
    }

    /// Whether an entry of lexicon `slot` may start at word `i`.
    #[inline]
    fn may_start(&self, i: usize, slot: Slot) -> bool {
        self.words.get(i).is_some_and(|w| w.starts & (1 << slot as u8) != 0)
    }
}

/// The ordinal starting at word `i` (پنجم, پنجمین, بیست و پنجم, or digits
/// after فاز): its value and last word.
fn ordinal_at(w: &Words, i: usize) -> Option<(u32, usize)> {
    let t = w.toks.get(i)?;
    let f = w.f(i);
    if !f.is_empty() && f.len() <= 3 && f.chars().all(|c| c.is_ascii_digit()) {
        return Some((f.parse().ok()?, i));
    }
    // Look at a few words only: the number grammar reads what it is given.
    let stop = w.toks.get((i + 5).min(w.len() - 1)).map_or(t.end, |x| x.end);
    let (n, len) = crate::numbers::ordinal_prefix(w.text.get(t.start..stop)?)?;
    let end = t.start + len;
    let last = (i..w.len()).take(6).find(|&j| w.toks[j].end == end)?;
    Some((u32::try_from(n).ok()?, last))
}

/// Whether word `i` is an ordinal.
fn ordinal(w: &Words, i: usize) -> bool {
    let f = w.f(i);
    // Cheap test first: ordinals end in م or مین (پنجم, نخستین), or are اول/نخست.
    (f.ends_with('م') || f.ends_with("ین") || matches!(f, "اول" | "نخست")) && ordinal_at(w, i).is_some()
}

/// A cardinal number word or digits, and its value when small words.
fn cardinal(w: &str) -> Option<u64> {
    const CARD: [(&str, u64); 12] = [
        ("یک", 1),
        ("دو", 2),
        ("سه", 3),
        ("چهار", 4),
        ("پنج", 5),
        ("شش", 6),
        ("هفت", 7),
        ("هشت", 8),
        ("نه", 9),
        ("ده", 10),
        ("صد", 100),
        ("هزار", 1000),
    ];
    if let Some(&(_, n)) = CARD.iter().find(|(s, _)| *s == w) {
        return Some(n);
    }
    if !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()) {
        return w.parse().ok().or(Some(u64::MAX));
    }
    None
}

/// Light verbs: the word before one is a verbal noun, not part of a name.
const LIGHT: [&str; 16] = [
    "شد",
    "شده",
    "شدند",
    "شود",
    "کرد",
    "کرده",
    "کردند",
    "کند",
    "گرفت",
    "گرفته",
    "گردید",
    "زد",
    "داد",
    "یافت",
    "دارد",
    "نمود",
];

/// Kinds that name a generic place or thing unless a name follows.
const WEAK: &[&str] = &[
    "ایستگاه",
    "سالن",
    "پایگاه",
    "محور",
    "راه",
    "مجتمع",
    "بازار",
    "انبار",
    "چاه",
    "کانال",
    "مخزن",
    "تالار",
    "فضای سبز",
    "منزل",
    "مدرسه",
    "بلوار",
    "کارخانه",
    "پارک",
    "تقاطع",
    "جاده",
    "مترو",
    "فاز",
    "واحد",
    "بندر",
    "نمایشگاه",
    "مصلی",
    "دفتر خدمات",
    "دفتر پیشخوان",
];

/// Kinds too generic to take the «مینی»/«توسعه» rules (توسعه واحد is not
/// a facility).
const WEAK_GENERIC: [&str; 4] = ["واحد", "دفتر خدمات", "دفتر پیشخوان", "منزل"];

/// Words that introduce a list of projects.
#[inline]
fn is_list_cue(f: &str) -> bool {
    matches!(f, "همچون" | "مانند" | "نظیر" | "شامل" | "جمله" | "قبیل")
}

#[derive(Clone, Debug)]
struct Cand {
    /// First and last word of the name.
    first: usize,
    last: usize,
    /// First word of the kind, and one past its last word.
    head: usize,
    kind: String,
    phase: Option<u32>,
    /// Status of the noun that governs it (افتتاح X).
    governed: Option<Option<ProjectStatus>>,
}

/// The kind or activity at word `i`: its last word and kind.
fn head_at(w: &Words, i: usize) -> Option<(usize, String, bool)> {
    let lex = &*LEX;
    if let Some((j, v)) = lex.kinds.longest_with(w, i, true) {
        let kind = &lex.kinds.vals[v].0;
        // دو واحد گلخانه: واحد counts the facility that follows.
        if kind == "واحد"
            && j + 1 < w.len()
            && w.gap(j) == Gap::Space
            && lex.kinds.longest(w, j + 1).is_some()
        {
            return None;
        }
        return Some((j, kind.clone(), false));
    }
    // طرح + an activity (طرح احیای X, طرح آبیاری بارانی روستای X): a plan
    // named by its work.
    if matches!(w.f(i), "طرح" | "طرحهای") && w.gap(i) == Gap::Space {
        if let Some((j, _)) = lex.works.longest(w, i + 1) {
            return Some((j, "طرح".to_string(), false));
        }
    }
    lex.works.longest(w, i).map(|(j, v)| (j, lex.works.vals[v].0.clone(), true))
}

/// Whether a status cue or a governor starts at word `i`.
fn cue_at(w: &Words, i: usize) -> bool {
    LEX.status.longest(w, i).is_some() || LEX.governors.longest(w, i).is_some()
}

/// The name after a kind ending at word `h`: its last word (h when none),
/// and the phase for فاز.
fn name_after(w: &Words, h: usize, kind: &str, places: &[(usize, usize)]) -> (usize, Option<u32>) {
    let lex = &*LEX;
    let mut last = h;
    let mut phase = None;
    let mut n = 0;
    let mut i = h + 1;
    // Whether the name joined two ends with a hyphen: it ends with the
    // last end (قطار سریع‌السیر قم- تهران- اصفهان).
    let mut hyphened = false;
    let is_road = |k: &str| {
        matches!(
            k,
            "جاده"
                | "محور"
                | "راه"
                | "بزرگراه"
                | "آزادراه"
                | "ازادراه"
                | "راه‌آهن"
                | "راهاهن"
                | "کمربندی"
                | "قطار سریع‌السیر"
                | "قطار شهری"
                | "خط آهن"
        )
    };
    // بهسازی جاده X به Y: the object of the activity is a road.
    let road = is_road(kind) || is_road(w.f(h + 1));
    while i < w.len() && n < MAX_NAME {
        if w.gap(i - 1) != Gap::Space {
            // آزادراه تهران-شمال: a hyphen joins the two ends of a road.
            let between = w.text.get(w.toks[i - 1].end..w.toks[i].start).unwrap_or("");
            let hyphen = road
                && n > 0
                && between.trim().chars().count() == 1
                && between.trim().starts_with(['-', '–', 'ـ']);
            if !hyphen {
                break;
            }
            hyphened = true;
        } else if hyphened
            && w.text.get(w.toks[i - 1].end..w.toks[i].start).is_some_and(|g| !g.contains(['-', '–', 'ـ']))
        {
            break;
        }
        let f = w.f(i);
        if kind == "فاز" && n == 0 {
            if let Some((p, j)) = ordinal_at(w, i) {
                phase = Some(p);
                last = j;
                n += 1;
                i = j + 1;
                continue;
            }
        }
        // آبرسانی به روستای X: delivery works take their object after به.
        if n == 0 && (f == "به" || f == "در") && w.f(h).ends_with("رسانی") && w.gap(i) == Gap::Space
        {
            let next = w.f(i + 1);
            let place = place_from(places, i + 1).is_some();
            if place
                || cardinal(next).is_some()
                || matches!(next, "روستای" | "روستاهای" | "شهر" | "شهرهای" | "شهرستان" | "مناطق")
            {
                last = i;
                i += 1;
                continue;
            }
        }
        if f == "و" {
            // تعمیر و بهسازی X: two activities on one object.
            if n == 0 && LEX.works.longest(w, h).is_some() && w.gap(i) == Gap::Space {
                if let Some((j, _)) = LEX.works.longest(w, i + 1) {
                    last = j;
                    i = j + 1;
                    continue;
                }
            }
            // حمل و نقل: one name.
            if lex.binomials.contains(&(w.f(i - 1).to_string(), w.f(i + 1).to_string()))
                && w.gap(i) == Gap::Space
            {
                last = i + 1;
                n += 2;
                i += 2;
                continue;
            }
            break;
        }
        if road && (f == "به" || f == "تا") && w.gap(i) == Gap::Space {
            // جاده X به Y: X is a place, Y a place or a name.
            let before = place_to(places, i - 1).is_some();
            if !before {
                break;
            }
            if let Some((_, b)) = place_from(places, i + 1) {
                last = b;
                n += b - i + 1;
                i = b + 1;
                continue;
            }
            // تا takes a place only (تا پایان سال is a time).
            if f == "تا" {
                break;
            }
            let mut b = i;
            // به طول ۱۰۰ کیلومتر, به ارزش ...: a measure, not a destination.
            let measure = |f: &str| {
                matches!(
                    f,
                    "طول"
                        | "عرض"
                        | "مساحت"
                        | "ظرفیت"
                        | "ارزش"
                        | "اعتبار"
                        | "هزینه"
                        | "مبلغ"
                        | "زیربنای"
                ) || f.starts_with(|c: char| c.is_ascii_digit())
            };
            while b < i + 2
                && b + 1 < w.len()
                && w.gap(b) == Gap::Space
                && !lex.stop.contains(w.f(b + 1))
                && !measure(w.f(b + 1))
                && !cue_at(w, b + 1)
            {
                b += 1;
            }
            if b == i {
                break;
            }
            last = b;
            n += b - i + 1;
            i = b + 1;
            continue;
        }
        // Numbers: خط 2 and فاز 5 take one; ورزشگاه شش هزار نفری does not.
        if cardinal(f).is_some() {
            // A size: ورزشگاه شش هزار نفری X, مدارس شش کلاسه.
            let mut k = i;
            while k + 1 < w.len() && cardinal(w.f(k)).is_some() && w.gap(k) == Gap::Space && k < i + 4 {
                k += 1;
            }
            if w.f(k) == "تخت" && w.gap(k) == Gap::Space && w.f(k + 1) == "خوابی" {
                k += 1;
            }
            let u = w.f(k);
            let size = k > i
                && cardinal(u).is_none()
                && !lex.stop.contains(u)
                && !u.ends_with("های")
                && (u.ends_with('ی') || matches!(u, "کلاسه" | "طبقه" | "منظوره"));
            if size {
                last = k;
                n += 1;
                i = k + 1;
                continue;
            }
            let digits = f.chars().all(|c| c.is_ascii_digit());
            // کوره بلند شماره 3: a number after شماره.
            if digits && n > 0 && w.f(i - 1) == "شماره" {
                last = i;
                n += 1;
                i += 1;
                continue;
            }
            let next = w.f(i + 1);
            let unit = cardinal(next).is_some() || next.ends_with('ی') || lex.stop.contains(next);
            if !(n == 0 && digits && !unit || f == "چهار" && next == "راه") {
                break;
            }
        }
        // A comparative (سریع‌تر, بیشتر) describes, it does not name.
        if place_from(places, i).is_none()
            && w.text.get(w.toks[i].start..w.toks[i].end).is_some_and(|t| {
                t.ends_with("\u{200c}تر")
                    || t.ends_with("\u{200c}ترین")
                    || matches!(t, "بیشتر" | "کمتر" | "بهتر")
            })
        {
            break;
        }
        // A plural word after the name (مکان‌های خاص) starts another phrase.
        if n > 0
            && w.text
                .get(w.toks[i].start..w.toks[i].end)
                .is_some_and(|t| t.ends_with("\u{200c}ها") || t.ends_with("\u{200c}های"))
        {
            break;
        }
        // تعلق گرفت, بازگشایی شد: a verbal noun before a light verb.
        if w.gap(i) == Gap::Space && LIGHT.contains(&w.f(i + 1)) {
            break;
        }
        // فاز دوم پارک X: a phase runs on over the facility's kind.
        let head_here = kind != "فاز" && n > 0 && head_at(w, i).is_some();
        if lex.stop.contains(f) || cue_at(w, i) || head_here {
            break;
        }
        if f.starts_with("می")
            && w.text.get(w.toks[i].start..w.toks[i].end).is_some_and(|s| s.contains('\u{200C}'))
        {
            break;
        }
        last = i;
        n += 1;
        i += 1;
    }
    (last, phase)
}

/// The governor ending right before word `i` (skipping a count or an
/// ordinal: احداث دو ایستگاه, بهره‌برداری از پنجمین ایستگاه): its status.
fn governor_before(w: &Words, i: usize) -> Option<Option<ProjectStatus>> {
    let mut end = i;
    // A governor without a status (پروژه) found so far: look on for one
    // with a status (افتتاح پروژه X).
    let mut found: Option<Option<ProjectStatus>> = None;
    for _ in 0..5 {
        if end == 0 {
            return found;
        }
        let prev = end - 1;
        // پروژه «X»: quotes do not break the link.
        let between = w.text.get(w.toks[prev].end..w.toks[end].start).unwrap_or("");
        if w.gap(prev) != Gap::Space
            && !between.chars().all(|c| c.is_whitespace() && c != '\n' || "«»\"'".contains(c))
        {
            return found;
        }
        let mut hit = None;
        for start in prev.saturating_sub(MAX_WORDS - 1)..=prev {
            if let Some((j, v)) = LEX.governors.longest(w, start) {
                if j == prev {
                    hit = Some((start, LEX.governors.vals[v].1));
                    break;
                }
            }
        }
        if let Some((start, st)) = hit {
            if st.is_some() {
                return Some(st);
            }
            found = Some(None);
            if !matches!(w.f(start), "پروژه" | "پروژههای" | "طرحهای" | "طرح") {
                return found;
            }
            end = start;
            continue;
        }
        if found.is_some() {
            return found;
        }
        let f = w.f(prev);
        // پروژه گردشگری X: an adjective after پروژه.
        let adjective =
            f.ends_with('ی') && prev > 0 && matches!(w.f(prev - 1), "پروژه" | "پروژههای" | "طرح" | "طرحهای");
        // افتتاح هشت کیلومتر از چهار خطه کردن X: a length of the work
        // (of a work only: ۱۰ کیلومتر از جاده X is a stretch of a road).
        if f == "از"
            && LEX.works.longest(w, i).is_some()
            && prev >= 2
            && matches!(w.f(prev - 1), "کیلومتر" | "متر")
            && cardinal(w.f(prev - 2)).is_some()
            && w.gap(prev - 1) == Gap::Space
            && w.gap(prev - 2) == Gap::Space
        {
            end = prev - 2;
            continue;
        }
        if adjective
            || cardinal(f).is_some()
            || ordinal(w, prev)
            || matches!(f, "مورد" | "باب" | "دستگاه" | "عدد")
        {
            end = prev;
            continue;
        }
        return None;
    }
    found
}

/// What a future opening or groundbreaking with a deadline means: the
/// project is being built, or planned.
fn future_of(st: ProjectStatus) -> ProjectStatus {
    match st {
        ProjectStatus::Opening => ProjectStatus::UnderConstruction,
        ProjectStatus::Groundbreaking => ProjectStatus::Planned,
        st => st,
    }
}

/// Whether the cue at word `c` is in the past tense: the first verb from
/// the word after it on, in its clause, decides (افتتاح شد, به بهره‌برداری
/// رسیده است, کلنگ ساخت X زده شد; not به بهره‌برداری خواهد رسید, تکمیل
/// شده و به بهره‌برداری می‌رسد).
fn past_after(w: &Words, c: usize) -> bool {
    let clause = w.clause(c);
    for k in c + 1..(c + 13).min(w.len()) {
        if w.clause(k) != clause {
            return false;
        }
        match w.f(k) {
            "شد" | "شدند" | "رسید" | "رسیدند" | "گردید" | "گردیدند" | "یافت" | "یافتند" => {
                return true
            }
            // A participle: past unless a clause of the same sentence goes on.
            "شده" | "رسیده" | "گردیده" | "یافته" | "شدهاند" | "رسیدهاند" => {
                return w.f(k + 1) != "و"
            }
            "میشود" | "میشوند" | "شود" | "شوند" | "خواهد" | "خواهند" | "میرسد" | "میرسند" | "برسد"
            | "برسند" | "رسد" | "میگردد" | "گردد" | "است" | "هستند" | "باشد" | "میباشد" | "می" => {
                return false
            }
            _ => {}
        }
    }
    false
}

/// Whether the clause of the cue at word `c` counts the parts done so far
/// (تاکنون ۱۳۰۰ واحد به بهره‌برداری رسیده است): the whole is still being
/// built. A count of projects (تاکنون ۲۰ پروژه افتتاح شده) is not a part.
fn so_far_count(w: &Words, c: usize) -> bool {
    let clause = w.clause(c);
    let mut count = false;
    for k in (c.saturating_sub(12)..c).rev() {
        if w.clause(k) != clause {
            return false;
        }
        let f = w.f(k);
        if cardinal(f).is_some() {
            let noun = w.f(k + 1);
            count |= !(noun.starts_with("پروژه") || noun.starts_with("طرح"));
        } else if f == "تاکنون" || f == "کنون" && k > 0 && w.f(k - 1) == "تا" {
            return count;
        }
    }
    false
}

/// Whether the verb right after the cue ending at word `j` is negated
/// (افتتاح نشد, به بهره‌برداری نرسیده, آغاز نمی‌شود).
fn negated_after(w: &Words, j: usize) -> bool {
    if j + 1 >= w.len() || w.gap(j) != Gap::Space {
        return false;
    }
    let f = w.f(j + 1);
    let verb = f.strip_prefix("نمی").or_else(|| f.strip_prefix("ن")).unwrap_or("");
    let verb = if verb.is_empty() && f == "نمی" && w.gap(j + 1) == Gap::Space { w.f(j + 2) } else { verb };
    matches!(
        verb,
        "شد" | "شده"
            | "شود"
            | "شوند"
            | "رسید"
            | "رسیده"
            | "رسد"
            | "رسند"
            | "خواهد"
            | "گردید"
            | "گردیده"
    )
}

/// Whether پیشرفت at word `i` gives a share done: a number and درصد
/// after it (پیشرفت ۹۵ درصدی, پیشرفت فیزیکی آن ۶۰ درصد است).
fn progress_at(w: &Words, i: usize) -> bool {
    let mut k = i + 1;
    while k < w.len() && k <= i + 3 && w.gap(k - 1) == Gap::Space && cardinal(w.f(k)).is_none() {
        if !matches!(w.f(k), "فیزیکی" | "کار" | "آن" | "ان" | "آنها" | "انها" | "پروژه" | "طرح")
        {
            return false;
        }
        k += 1;
    }
    // The number may be a decimal (۹۵.۵) or several words (بیست و پنج).
    while k < w.len() && k <= i + 8 && (cardinal(w.f(k)).is_some() || w.f(k) == "و") {
        k += 1;
    }
    k > i + 1 && cardinal(w.f(k - 1)).is_some() && w.f(k).starts_with("درصد")
}

/// Words after تا that make it a deadline (تا پایان سال, تا نیمه اول سال
/// آینده, تا خرداد ماه, تا دهه فجر).
fn deadline_word(f: &str) -> bool {
    matches!(
        f,
        "پایان"
            | "اخر"
            | "اواخر"
            | "انتهای"
            | "نیمه"
            | "اوایل"
            | "ابتدای"
            | "سال"
            | "سالهای"
            | "سالجاری"
            | "امسال"
            | "ماه"
            | "ماههای"
            | "فصل"
            | "دهه"
            | "بهار"
            | "تابستان"
            | "پاییز"
            | "پائیز"
            | "زمستان"
            | "فروردین"
            | "اردیبهشت"
            | "خرداد"
            | "تیر"
            | "مرداد"
            | "شهریور"
            | "مهر"
            | "ابان"
            | "اذر"
            | "دی"
            | "بهمن"
            | "اسفند"
    )
}

/// The clauses (sorted) that set a deadline in the future: تا + a time
/// (تا پایان سال, تا دو سال آینده), or a coming year (سال آینده, سال‌های
/// آینده, ماه‌های آتی). A deadline in the past (تا پایان سال گذشته) is none.
fn deadline_clauses(w: &Words) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    let same = |i: usize, k: usize| k < w.len() && w.gap(k - 1) == Gap::Space && w.clause(k) == w.clause(i);
    for i in 0..w.len() {
        let f = w.f(i);
        let hit = match f {
            "تا" if same(i, i + 1) => {
                // تا قبل از مهرماه: before a time.
                let at = if matches!(w.f(i + 1), "قبل" | "پیش") && w.f(i + 2) == "از" && same(i, i + 3)
                {
                    i + 3
                } else {
                    i + 1
                };
                let n = w.f(at);
                let timed = deadline_word(n)
                    || n.strip_suffix("ماه").is_some_and(deadline_word)
                    || cardinal(n).is_some()
                        && same(i, at + 1)
                        && matches!(w.f(at + 1), "ماه" | "سال" | "ماهه" | "ساله")
                    || n.len() == 4 && (n.starts_with("13") || n.starts_with("14")) && cardinal(n).is_some();
                // تا پایان سال گذشته, تا دو سال پیش: past.
                timed
                    && !(at + 1..(at + 6).min(w.len()))
                        .take_while(|&k| same(i, k))
                        .any(|k| matches!(w.f(k), "گذشته" | "قبل" | "پیش" | "پارسال" | "سپری" | "اخیر"))
            }
            // انتظار می‌رود / امیدواریم / امید است ... شاهد افتتاح X باشیم:
            // an opening hoped for, not yet done.
            "انتظار" => same(i, i + 1) && matches!(w.f(i + 1), "میرود" | "میرفت"),
            "امیدواریم" | "امیدوارم" => true,
            "امید" => same(i, i + 1) && w.f(i + 1) == "است",
            "اینده" | "اتی" | "بعد" if i > 0 && w.gap(i - 1) == Gap::Space => match w.f(i - 1) {
                "سال" => true,
                "سالهای" | "ماههای" => f != "بعد",
                // ماه های آینده written with a space.
                "های" => {
                    f != "بعد" && i > 1 && w.gap(i - 2) == Gap::Space && matches!(w.f(i - 2), "سال" | "ماه")
                }
                _ => false,
            },
            _ => false,
        };
        if hit && out.last() != Some(&w.clause(i)) {
            out.push(w.clause(i));
        }
    }
    out
}

/// Whether a number (not a small one) or تعداد comes right before word `i`:
/// an aggregate (۷۰ پروژه, هزار واحد مسکونی).
fn aggregate_before(w: &Words, i: usize) -> bool {
    if i == 0 || w.gap(i - 1) != Gap::Space {
        return false;
    }
    let f = w.f(i - 1);
    match cardinal(f) {
        Some(n) => n >= 10,
        None => matches!(f, "تعداد" | "همه" | "کلیه" | "سایر" | "دیگر" | "این" | "آن" | "برخی" | "بعضی"),
    }
}

/// Finds the projects of `doc` and adds them to `out`.
pub(crate) fn extract(doc: &Doc, out: &mut Extraction) {
    let text = doc.text();
    let scan = doc.places();
    let mentions = &scan.mentions;
    let w = Words::new(text, &scan.toks, &scan.folded);
    if w.len() == 0 {
        return;
    }
    // Place mentions as word ranges.
    let places: Vec<(usize, usize)> = mentions
        .iter()
        .filter_map(|m| {
            let a = w.toks.binary_search_by_key(&m.start, |t| t.start).ok()?;
            let b = w.toks.binary_search_by_key(&m.end, |t| t.end).ok()?;
            Some((a, b))
        })
        .collect();
    let mut places = places;
    places.sort_unstable();
    places.dedup();
    // Organization mentions (original offsets): not projects. Sorted by
    // start, with the largest end so far, to test overlap in log time.
    let mut orgs: Vec<(usize, usize)> =
        out.organizations.iter().flat_map(|o| o.mentions.iter().map(|m| (m.start, m.end))).collect();
    orgs.sort_unstable();
    let org_max_end: Vec<usize> = orgs
        .iter()
        .scan(0usize, |m, &(_, e)| {
            *m = (*m).max(e);
            Some(*m)
        })
        .collect();
    let in_org = |start: usize, end: usize| {
        let k = orgs.partition_point(|&(s, _)| s < end);
        k > 0 && org_max_end[k - 1] > start
    };

    // Status cues: (word, status).
    let mut cues: Vec<(usize, ProjectStatus)> = Vec::new();
    let status = &LEX.status;
    let mut i = 0;
    while i < w.len() {
        if let Some((j, v)) = status.longest(&w, i) {
            if let Some(st) = status.vals[v].1 {
                cues.push((i, st));
            }
            i = j + 1;
        } else {
            // پیشرفت ۹۵ درصدی, پیشرفت فیزیکی ۶۰ درصد: a share built.
            if w.f(i) == "پیشرفت" && progress_at(&w, i) {
                cues.push((i, ProjectStatus::UnderConstruction));
            }
            i += 1;
        }
    }

    // A future opening with a deadline (تا پایان سال به بهره‌برداری می‌رسد)
    // is a project still being built; a future groundbreaking with one
    // (تا پایان سال آغاز می‌شود) is a plan. An event with no deadline
    // (همزمان با هفته دولت افتتاح می‌شود) stays what it says.
    let deadlines = deadline_clauses(&w);
    // Clauses with a past opening or groundbreaking (افتتاح شد), sorted.
    let mut past_clauses: Vec<u32> = Vec::new();
    for (c, st) in cues.iter_mut() {
        if !matches!(*st, ProjectStatus::Opening | ProjectStatus::Groundbreaking) {
            continue;
        }
        let end = status.longest(&w, *c).map_or(*c, |(j, _)| j);
        if *st == ProjectStatus::Opening && so_far_count(&w, *c) || negated_after(&w, end) {
            // Not opened (به بهره‌برداری نرسیده): still being built; not
            // begun (آغاز نشده): a plan.
            *st = future_of(*st);
        } else if past_after(&w, *c) {
            past_clauses.push(w.clause(*c));
        } else if deadlines.binary_search(&w.clause(*c)).is_ok() {
            *st = future_of(*st);
        }
    }
    // قرار است X سه‌شنبه افتتاح شود: what is scheduled is said by the cue
    // after قرار است in its clause, which alone stands.
    let scheduled: Vec<usize> = cues
        .windows(2)
        .filter(|p| {
            let (c, next) = (p[0].0, p[1].0);
            w.f(c) == "قرار"
                && w.f(c + 1).starts_with("است")
                && next <= c + 15
                && w.clause(next) == w.clause(c)
                && p[1].1 != ProjectStatus::Planned
        })
        .map(|p| p[0].0)
        .collect();
    if !scheduled.is_empty() {
        cues.retain(|c| scheduled.binary_search(&c.0).is_err());
    }
    // A governed opening (افتتاح X تا پایان سال) with a deadline in its
    // clause and no past verb there.
    let deadline_at = |i: usize| {
        deadlines.binary_search(&w.clause(i)).is_ok() && past_clauses.binary_search(&w.clause(i)).is_err()
    };

    // The article's usual status: the most frequent cue (the first on a tie).
    let doc_status = {
        let mut counts: Vec<(ProjectStatus, usize, usize)> = Vec::new();
        for (k, &(_, st)) in cues.iter().enumerate() {
            match counts.iter_mut().find(|c| c.0 == st) {
                Some(c) => c.1 += 1,
                None => counts.push((st, 1, k)),
            }
        }
        counts.iter().max_by_key(|c| (c.1, std::cmp::Reverse(c.2))).map(|c| c.0)
    };
    let mut found: Vec<Found> = Vec::new();
    let mut accepted: Vec<Cand> = Vec::new();
    let mut list_until: Option<usize> = None; // list cue active until this clause ends
    let mut i = 0;
    while i < w.len() {
        let marks = w.words.get(i).map_or(0, |x| x.starts);
        if marks & LIST_CUE != 0 {
            list_until = Some(w.clause(i) as usize);
        }
        // head_at finds nothing where no kind or work starts (most words).
        if marks & (1 << Slot::Kinds as u8 | 1 << Slot::Works as u8 | PLAN) == 0 {
            i += 1;
            continue;
        }
        let Some((h, kind, work)) = head_at(&w, i) else {
            i += 1;
            continue;
        };
        let (mut last, phase) = name_after(&w, h, &kind, &places);
        // پایانه‌ها همکاری ...: a plural without ezafe takes no name.
        if h == i && w.f(i).ends_with("ها") && fold(&kind) != w.f(i) {
            last = h;
        }
        // جدید alone does not name a project.
        let named = last > h && !(last == h + 1 && w.f(last) == "جدید");
        let plural_head = {
            let first_kind = fold(kind.split(' ').next().unwrap_or(""));
            let hf = w.f(i);
            hf != first_kind && ["ها", "های", "هایی"].iter().any(|p| hf.ends_with(p))
        };
        // پنجمین ایستگاه, نخستین نیروگاه: the ordinal is part of the name.
        // پنجمین ایستگاه, بزرگ‌ترین نیروگاه: the ordinal or superlative is
        // part of the name.
        let mut first = if i > 0
            && w.gap(i - 1) == Gap::Space
            && (w.f(i - 1).ends_with("ین") && ordinal(&w, i - 1) || w.f(i - 1).ends_with("ترین"))
        {
            i - 1
        } else {
            i
        };
        // ساخت ۵۰۰ واحد مسکونی: a number of units built is one project,
        // named from the activity.
        let mut built = false;
        if aggregate_before(&w, i) {
            let mut k = i;
            while k > 0 && w.gap(k - 1) == Gap::Space && cardinal(w.f(k - 1)).is_some() {
                k -= 1;
            }
            if k < i && k > 0 && w.gap(k - 1) == Gap::Space && matches!(w.f(k - 1), "ساخت" | "احداث")
            {
                first = k - 1;
                built = true;
            } else if k < i && governor_before(&w, k).flatten().is_some() {
                // افتتاح ۳۰۰ واحد مسکن ملی: the units opened are one project.
                first = k;
                built = true;
            }
        }
        let cand = Cand { first, last, head: i, kind: kind.clone(), phase, governed: governor_before(&w, i) };
        let clause = w.clause(i);
        let in_list = list_until == Some(clause as usize)
            && (named || h > i && !WEAK.contains(&kind.as_str()))
            && (first > 0 && is_list_cue(w.f(first - 1))
                || accepted.last().is_some_and(|p| {
                    p.last + 1 == first && w.gap(p.last) == Gap::Comma
                        || p.last + 2 == first && w.f(p.last + 1) == "و" && w.gap(p.last) == Gap::Space
                }));
        let chained = accepted.last().is_some_and(|p| {
            w.clause(p.first) == clause
                && (p.last + 1 == first && w.gap(p.last) == Gap::Comma
                    || p.last + 2 == first && w.f(p.last + 1) == "و" && w.gap(p.last) == Gap::Space)
        });
        let clause_cue = {
            let k = cues.partition_point(|&(c, _)| c < i);
            let before =
                k.checked_sub(1).and_then(|k| cues.get(k)).is_some_and(|&(c, _)| w.clause(c) == clause);
            let after =
                cues[k..].iter().find(|&&(c, _)| c > last).is_some_and(|&(c, _)| w.clause(c) == clause);
            before || after
        };
        let weak = WEAK.contains(&kind.as_str()) && !(kind == "فاز" && phase.is_some());
        // The subject of its clause: بهسازی جاده X در دست اجرا است.
        let clause_start = first == 0
            || w.clause(first - 1) != clause
            || first >= 2
                && w.clause(first - 2) != clause
                && matches!(w.f(first - 1), "پروژه" | "طرح" | "و" | "نیز" | "همچنین");
        let plan = kind.starts_with("طرح") && named;
        // در بیمارستان X: a venue, not what is opened.
        // رئیس بیمارستان X: the body someone works for, not what is opened.
        let venue = first > 0
            && w.gap(first - 1) == Gap::Space
            && matches!(
                w.f(first - 1),
                "در" | "درون"
                    | "داخل"
                    | "رئیس"
                    | "رییس"
                    | "مدیر"
                    | "مدیرعامل"
                    | "سرپرست"
                    | "معاون"
                    | "کارکنان"
                    | "پرسنل"
                    | "مسئول"
                    | "مسئولان"
                    | "ریاست"
                    | "مدیریت"
                    | "بیماران"
                    | "دانشجویان"
                    | "حراست"
            );
        // ساماندهی گلزار شهدای X, تعمیر مهمانسرای Y: an activity whose
        // object is a facility reads like the facility itself.
        // (or a named place: چهار خطه کردن محور ایلام ـ مهران).
        let object_kind = work
            && named
            && ((h + 1..=last.min(h + 4)).any(|k| {
                LEX.kinds.longest(&w, k).is_some_and(|(_, v)| {
                    let kind = LEX.kinds.vals[v].0.as_str();
                    !WEAK.contains(&kind) || matches!(kind, "محور" | "جاده" | "راه")
                })
            }) || (h + 1..=last).any(|k| place_from(&places, k).is_some()));
        // طرح + an activity needs a facility or a place as its object
        // (طرح آبیاری روستای X, not طرح ساماندهی دامداران).
        let plan_object = kind != "طرح"
            || (h + 1..=last).any(|k| {
                place_from(&places, k).is_some()
                    || LEX.kinds.longest(&w, k).is_some()
                    || matches!(w.f(k), "روستای" | "شهر" | "شهرستان" | "محله")
            });
        // نیروگاه‌های هسته‌ای: a plural kind with one adjective is a class.
        let plural_class =
            plural_head && last == h + 1 && w.f(last).ends_with('ی') && place_from(&places, last).is_none();
        // دو ایستگاه جدید آتش‌نشانی: a few facilities of one kind, counted.
        let counted =
            i > 0 && w.gap(i - 1) == Gap::Space && cardinal(w.f(i - 1)).is_some_and(|n| (2..10).contains(&n));
        let ok = (!aggregate_before(&w, i) || built)
            && (named || !plural_head)
            && (cand.governed.is_some() && (named || !weak)
                || in_list
                || chained && named
                || plan
                || named && (!work || object_kind) && !weak && clause_cue && !venue
                || built
                || counted && clause_cue && !venue && !named && h > i && !work && !weak
                || clause_start
                    && clause_cue
                    && (named && (!work || object_kind) || h > i && !weak && !plural_head));
        // ساخت یک تونل, هر ایستگاه: an indefinite kind is no particular project.
        let indefinite = !named && i > 0 && w.gap(i - 1) == Gap::Space && matches!(w.f(i - 1), "یک" | "هر");
        // ساخت هتل، اقامتگاه و ...: a bare one-word kind after a governor
        // with no status is a kind of building, not a project.
        let generic = !named && h == i && cand.governed.is_some_and(|g| g.is_none()) && !built && !in_list;
        // فاز اول alone: the phase of a project the text names elsewhere.
        let bare_phase =
            kind == "فاز" && (h + 1..=last).all(|k| ordinal(&w, k) || cardinal(w.f(k)).is_some());
        // یک پل ارتباطی: one of a kind described by an adjective.
        let one_of = named
            && last == h + 1
            && i > 0
            && w.f(i - 1) == "یک"
            && w.f(last).ends_with('ی')
            && place_from(&places, last).is_none();
        // آبخیزداری استان X: an activity over a whole province is a field
        // of work (and the tail of a body's name), not one project.
        let province_wide = work && w.f(h + 1) == "استان" && last <= h + 3;
        let ok = ok
            && !province_wide
            && (named || !work)
            && !indefinite
            && !generic
            && !bare_phase
            && !one_of
            && plan_object
            && !plural_class;
        if !ok {
            i = h + 1;
            continue;
        }
        let (a, b) = (w.toks[cand.first].start, w.toks[cand.last].end);
        let o = doc.original(a..b);
        // افتتاح دفتر X: what is opened is a project even when it is also a body.
        if in_org(o.start, o.end) && (work || cand.governed.flatten().is_none()) {
            i = last + 1;
            continue;
        }
        // Status: the governor's, else the nearest cue in the clause,
        // sentence, paragraph.
        // The nearest cue outside the name in the same unit: units are runs
        // of words, so only the cues right before and right after the name
        // can qualify (cues are sorted by word).
        let split = cues.partition_point(|&(c, _)| c < cand.first);
        let before = split.checked_sub(1).and_then(|k| cues.get(k)).copied();
        let after = cues[split..].iter().find(|&&(c, _)| c > cand.last).copied();
        let near = |same: &dyn Fn(usize) -> bool| {
            [before, after]
                .into_iter()
                .flatten()
                .filter(|&(c, _)| same(c))
                .min_by_key(|&(c, _)| if c < cand.first { cand.first - c } else { c - cand.last })
                .map(|(_, s)| s)
        };
        // (status, how directly the text gives it)
        let (status, strength) = match cand.governed.flatten() {
            Some(st @ (ProjectStatus::Opening | ProjectStatus::Groundbreaking))
                if deadline_at(cand.first) =>
            {
                (Some(future_of(st)), 5)
            }
            Some(st) => (Some(st), 5),
            None => [
                (near(&|c| w.clause(c) == clause), 4),
                (near(&|c| w.sentence(c) == w.sentence(i)), 3),
                (near(&|c| w.para(c) == w.para(i)), 2),
                (doc_status, 1),
            ]
            .into_iter()
            .find(|x| x.0.is_some())
            .unwrap_or((None, 0)),
        };
        // عملیات اجرایی X ... آغاز شده است: «the works of X» is no event;
        // the verb after the name in its clause says what happens.
        let status = match (before, after) {
            (Some((b, ProjectStatus::Groundbreaking)), Some((c, st)))
                if strength == 4 && w.f(b) == "عملیات" && w.clause(c) == clause && w.clause(b) == clause =>
            {
                Some(st)
            }
            _ => status,
        };
        let location = location_of(&w, &cand, &places);
        let (a, b) = (w.toks[cand.first].start, w.toks[cand.last].end);
        found.push(Found {
            name: text.get(a..b).unwrap_or("").to_string(),
            range: (a, b),
            kind: cand.kind.clone(),
            phase: cand.phase,
            status,
            strength,
            location,
        });
        let next = ellipsis(&w, &cand, &places, status, &mut found);
        accepted.push(cand);
        i = next.max(last + 1);
    }

    // One record per project: a name held in an earlier one of the same
    // kind (نیروگاه CHP after نخستین نیروگاه CHP فولادسبا) is the same.
    // (folded name, index in out.projects, status strength, kind, words);
    // a new record is compared with the last few of its kind only, so that
    // a document with thousands of projects stays linear.
    let mut kept: Vec<(String, usize, u8, String, HashSet<String>)> = Vec::new();
    for f in found {
        let key = fold(&f.name);
        let words = word_set(&f.name);
        let base = f.kind.strip_prefix("توسعه ").unwrap_or(&f.kind).to_string();
        // Across kinds, a name of three words or more held in another is
        // the same work (جاده X به Y in تعریض ۳۰ کیلومتر از محور X به Y).
        let same = kept.iter_mut().rev().take(256).find(|(k, _, _, kind, a)| {
            if *kind != base {
                return a.len() >= 3 && a.is_subset(&words) || words.len() >= 3 && words.is_subset(a);
            }
            *k == key
                || k.contains(&key)
                || key.contains(k.as_str())
                || a.is_subset(&words)
                || words.is_subset(a)
        });
        if let Some((_, idx, strength, _, _)) = same {
            if let Some(p) = out.projects.get_mut(*idx) {
                // The most direct statement of its status wins.
                // On a tie, a plan gives way to any other status: what
                // was budgeted or planned is also built or opened later.
                let over_plan = f.strength == *strength
                    && p.status == Some(ProjectStatus::Planned)
                    && f.status.is_some_and(|s| s != ProjectStatus::Planned);
                if f.status.is_some() && (f.strength > *strength || over_plan) {
                    p.status = f.status;
                    *strength = f.strength;
                }
                if p.location.is_none() {
                    p.location = f.location;
                }
            }
            continue;
        }
        kept.push((key, out.projects.len(), f.strength, base, words));
        out.projects.push(Project {
            name: f.name,
            kind: Some(f.kind),
            phase: f.phase,
            status: f.status,
            location: f.location,
            span: doc.span(f.range.0..f.range.1),
        });
    }
}

/// The folded words of a name, plurals made singular (کلینیک‌های → کلینیک).
fn word_set(name: &str) -> HashSet<String> {
    name.split(' ')
        .map(|x| match x.rsplit_once('\u{200c}') {
            Some((stem, "ها" | "های" | "هایی")) => fold(stem),
            _ => fold(x),
        })
        // Road nouns are one: بهسازی محور X به Y is بهسازی جاده X به Y.
        .map(|x| if matches!(x.as_str(), "محور" | "راه") { "جاده".to_string() } else { x })
        .filter(|x| !x.is_empty())
        .collect()
}

/// A project found, before deduplication.
struct Found {
    name: String,
    /// Normalized byte range of the mention.
    range: (usize, usize),
    kind: String,
    phase: Option<u32>,
    status: Option<ProjectStatus>,
    /// How directly the text gives the status: 5 governing noun, 4 clause,
    /// 3 sentence, 2 paragraph, 1 the article, 0 none.
    strength: u8,
    location: Option<String>,
}

/// Elided list items after a project that ends with a place: «طرح هادی
/// روستای X با هزینه ...، Y با هزینه ... و Z با ...» names three projects.
/// An item is one to three words followed by the same word that followed
/// the first name. Returns the word index to go on from.
fn ellipsis(
    w: &Words,
    c: &Cand,
    places: &[(usize, usize)],
    status: Option<ProjectStatus>,
    found: &mut Vec<Found>,
) -> usize {
    let Some((pa, _)) = place_to(places, c.last).filter(|&(a, _)| a > c.head) else {
        return c.last + 1;
    };
    // گازرسانی به روستاهای X، Y و Z: one project per place of the list.
    if matches!(w.f(pa - 1), "روستاهای" | "شهرهای" | "روستای") {
        if let Some(next) = place_list(w, c, places, pa, status, found) {
            return next;
        }
    }
    let follower = w.f(c.last + 1);
    if w.gap(c.last) != Gap::Space || !matches!(follower, "با" | "به" | "در" | "از") {
        return c.last + 1;
    }
    let prefix = w.text.get(w.toks[c.first].start..w.toks[pa - 1].end).unwrap_or("");
    let prefix_last = w.f(pa - 1).to_string();
    let clause = w.clause(c.last);
    let mut i = c.last + 2;
    let mut next = c.last + 1;
    while i < w.len() && w.clause(i) == clause {
        // An item starts after a comma or و.
        let start = if i > 0 && w.gap(i - 1) == Gap::Comma {
            Some(i)
        } else if w.f(i) == "و" && w.gap(i) == Gap::Space {
            Some(i + 1)
        } else {
            None
        };
        if let Some(mut k) = start {
            if w.f(k) == prefix_last && w.gap(k) == Gap::Space {
                k += 1;
            }
            let end = (k..k + 3).find(|&m| {
                m + 1 < w.len()
                    && w.gap(m) == Gap::Space
                    && w.f(m + 1) == follower
                    && (k..=m).all(|x| !LEX.stop.contains(w.f(x)) && cardinal(w.f(x)).is_none())
                    && (k..m).all(|x| w.gap(x) == Gap::Space)
            });
            if let Some(m) = end {
                let item = w.text.get(w.toks[k].start..w.toks[m].end).unwrap_or("");
                found.push(Found {
                    name: format!("{prefix} {item}"),
                    range: (w.toks[k].start, w.toks[m].end),
                    kind: c.kind.clone(),
                    phase: None,
                    status,
                    strength: 3,
                    location: Some(item.to_string()),
                });
                next = m + 1;
                i = m + 1;
                continue;
            }
        }
        i += 1;
    }
    next
}

/// The places listed after the first one of a project named by a place
/// (گازرسانی به روستاهای X، Y و Z): one project each, named with the
/// singular noun (گازرسانی به روستای Y). Returns the word to go on from,
/// or None when no place follows.
fn place_list(
    w: &Words,
    c: &Cand,
    places: &[(usize, usize)],
    pa: usize,
    status: Option<ProjectStatus>,
    found: &mut Vec<Found>,
) -> Option<usize> {
    let prefix = w.text.get(w.toks[c.first].start..w.toks[pa - 1].start).unwrap_or("");
    let noun = match w.f(pa - 1) {
        "شهرهای" => "شهر",
        _ => "روستای",
    };
    let mut k = c.last;
    loop {
        // The next item: after a comma, or after و.
        let start = if w.gap(k) == Gap::Comma {
            k + 1
        } else if w.gap(k) == Gap::Space && w.f(k + 1) == "و" && w.gap(k + 1) == Gap::Space {
            k + 2
        } else {
            break;
        };
        let Some((a, b)) = place_from(places, start) else { break };
        let item = w.text.get(w.toks[a].start..w.toks[b].end).unwrap_or("");
        found.push(Found {
            name: format!("{prefix}{noun} {item}"),
            range: (w.toks[a].start, w.toks[b].end),
            kind: c.kind.clone(),
            phase: None,
            status,
            strength: 3,
            location: Some(item.to_string()),
        });
        k = b;
    }
    (k > c.last).then_some(k + 1)
}

/// The place mention starting at word `i` (`places` is sorted).
fn place_from(places: &[(usize, usize)], i: usize) -> Option<(usize, usize)> {
    let k = places.partition_point(|&(a, _)| a < i);
    places.get(k).copied().filter(|&(a, _)| a == i)
}

/// The place mention ending at word `j` (`places` is sorted, and so are
/// its ends).
fn place_to(places: &[(usize, usize)], j: usize) -> Option<(usize, usize)> {
    let k = places.partition_point(|&(_, b)| b < j);
    places.get(k).copied().filter(|&(_, b)| b == j)
}

/// The place of a project: one named inside it, else one after در in the
/// same clause soon after it.
fn location_of(w: &Words, c: &Cand, places: &[(usize, usize)]) -> Option<String> {
    let text_of = |a: usize, b: usize| w.text.get(w.toks[a].start..w.toks[b].end).map(str::to_string);
    let k = places.partition_point(|&(a, _)| a <= c.head);
    if let Some(&(a, b)) = places.get(k).filter(|&&(_, b)| b <= c.last) {
        return text_of(a, b);
    }
    let clause = w.clause(c.last);
    let mut i = c.last + 1;
    let mut seen_dar = false;
    while i < w.len() && i <= c.last + 7 && w.clause(i) == clause {
        if w.f(i) == "در" {
            seen_dar = true;
        } else if seen_dar {
            if let Some((a, b)) = place_from(places, i) {
                return text_of(a, b);
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_fits_key_buffer() {
        assert!(LEX.table.ids.keys().all(|k| k.len() < KEY_BYTES));
    }

    #[test]
    fn data_is_normalized() {
        for src in [KINDS, WORKS, STATUS, GOVERNORS, STOP, BINOMIALS] {
            for line in entries(src) {
                for field in line.split('\t') {
                    let n = crate::normalize(field).as_str().replace(['\u{200c}', ' '], "");
                    assert_eq!(n, field.replace(['\u{200c}', ' '], ""), "not normalized: {field}");
                }
            }
        }
    }
}
