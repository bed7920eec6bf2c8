//! ZWNJ restoration.
//!
//! Works on text that already went through the character pass (letters
//! unified, ZWNJ noise removed). Decides where a missing ZWNJ belongs and
//! records it as an [`Edit`]; [`apply`] then builds the new text and its map.
//!
//! Each word (a run of Persian letters) is analysed with three tables derived
//! from the hazm lexicons (`data/zwnj/`, see `tools/zwnj/derive.py`):
//!
//! 1. `joined.txt`: whole words written joined although they look affixed
//!    (تنها, میدان, بیشتر): left alone. This check comes first, so a word
//!    listed as a whole always wins.
//! 2. `compounds.txt`: words written with ZWNJ (سرمایه‌گذاری, بین‌الملل); the
//!    joined spelling maps to the cut points.
//! 3. rules: the prefixes می/نمی before an inflected verb stem
//!    (`verbs.txt`), and the suffixes ها/های/تر/ترین/ای/اند/ام/... after a
//!    stem, which is analysed again (سرمایه‌گذاری‌ها, می‌توانسته‌اند).
//!
//! Two adjacent words separated by one space are analysed as one word too:
//! where the analysis cuts exactly at the space (می شود, سال ها, ثبت نام),
//! the space becomes a ZWNJ. A ZWNJ never goes after a non-joining letter.

use super::chars::{is_non_joining, is_persian_letter};
use super::map::Seg;
use crate::lexicon::FxHasher;
use crate::span::Span;
use std::collections::{HashMap, HashSet};
use std::hash::Hasher;
use std::sync::LazyLock;

/// One change to the text of the character pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Edit {
    /// Insert a ZWNJ at this byte offset (between two letters of one word).
    Insert(usize),
    /// Replace these bytes (a space between two parts of one word) by a ZWNJ.
    Join(Span),
}

impl Edit {
    /// The bytes the ZWNJ replaces (none for an insertion).
    pub(crate) fn span(&self) -> Span {
        match *self {
            Edit::Insert(p) => Span::new(p, p),
            Edit::Join(s) => s,
        }
    }
}

// ---------------------------------------------------------------------------
// Tables

type Fx = crate::lexicon::FxBuild;

/// Longest word analysed, in bytes (cut offsets are stored as `u8`).
const MAX_WORD: usize = 250;
/// Most cuts one word can have.
const MAX_CUTS: usize = 6;

/// Where ZWNJs go inside one word: byte offsets from its start, increasing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cuts {
    n: u8,
    at: [u8; MAX_CUTS],
}

impl Cuts {
    #[inline]
    fn push(&mut self, off: usize) {
        let n = usize::from(self.n);
        if n < MAX_CUTS && off <= MAX_WORD && (n == 0 || usize::from(self.at[n - 1]) < off) {
            self.at[n] = off as u8;
            self.n += 1;
        }
    }

    #[inline]
    fn as_slice(&self) -> &[u8] {
        &self.at[..usize::from(self.n)]
    }

    #[inline]
    fn contains(&self, off: usize) -> bool {
        self.as_slice().iter().any(|&a| usize::from(a) == off)
    }
}

/// What the tables say about one word (flags and, for compounds, cuts).
#[derive(Clone, Copy, Debug, Default)]
struct Entry {
    flags: u8,
    cuts: Cuts,
}

/// A whole word written joined: leave it.
const JOINED: u8 = 1;
/// A compound: `cuts` holds its cuts.
const COMPOUND: u8 = 2;
/// The first part of compounds.
const HEAD: u8 = 4;
/// A productive second part of compounds.
const TAIL: u8 = 8;
/// A compound more often written as two words: keep a space between its parts.
const SPACED: u8 = 16;
/// A word ending in a silent ه.
const HE_WORD: u8 = 32;

struct Tables {
    /// Compounds, joined words and spaced compounds.
    words: HashMap<Box<str>, Entry, Fx>,
    /// Heads, tails and words in ه (flags only).
    parts: HashMap<Box<str>, u8, Fx>,
    /// The keys of `parts`.
    parts_bloom: Bits,
    /// Inflected verb forms that follow می/نمی (شود, کردند, توانسته ...).
    verbs: HashSet<Box<str>, Fx>,
    /// The tails, reversed.
    tails: Trie,
    /// Heads of compounds up to a cut (سرمایه for سرمایه‌گذاری).
    firsts: Bits,
    /// Every key of `words`: most words are in neither, and this
    /// says so without touching the (much larger) maps.
    bloom: Bits,
}

static COMPOUNDS: &str = include_str!("../../data/zwnj/compounds.txt");
static JOINED_WORDS: &str = include_str!("../../data/zwnj/joined.txt");
static VERBS: &str = include_str!("../../data/zwnj/verbs.txt");
static HEADS: &str = include_str!("../../data/zwnj/heads.txt");
static TAILS: &str = include_str!("../../data/zwnj/tails.txt");
static SPACED_WORDS: &str = include_str!("../../data/zwnj/spaced.txt");
static HE_WORDS: &str = include_str!("../../data/zwnj/he_words.txt");

static TABLES: LazyLock<Tables> = LazyLock::new(build_tables);

fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The joined spelling of a ZWNJ form (written into `joined`) and its cuts.
fn cuts_of(form: &str, joined: &mut String) -> Cuts {
    joined.clear();
    let mut cuts = Cuts::default();
    // The runs between ZWNJs are copied whole (E2, the ZWNJ's first byte,
    // starts no Persian letter).
    let b = form.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        if b[i] == 0xE2 && b.get(i..i + 3) == Some(ZWNJ_BYTES) {
            joined.push_str(form.get(start..i).unwrap_or(""));
            if joined.chars().next_back().is_some_and(|l| !is_non_joining(l)) {
                cuts.push(joined.len());
            }
            i += 3;
            start = i;
        } else {
            i += 1;
        }
    }
    joined.push_str(form.get(start..).unwrap_or(""));
    cuts
}

/// A fixed-size bit set.
struct Bits(Box<[u64]>);

/// Bloom filter size: 2^19 bits (64 KiB, stays in cache) for about
/// 30,000 keys (about 1% false positives).
const BLOOM_BITS: u32 = 19;

impl Bits {
    fn new(log2: u32) -> Bits {
        Bits(vec![0u64; (1usize << log2) / 64].into_boxed_slice())
    }

    #[inline]
    fn set(&mut self, i: usize) {
        let mask = self.0.len() - 1;
        self.0[(i >> 6) & mask] |= 1 << (i & 63);
    }

    #[inline]
    fn get(&self, i: usize) -> bool {
        let mask = self.0.len() - 1;
        self.0[(i >> 6) & mask] & (1 << (i & 63)) != 0
    }

    /// Adds the key of hash `h`.
    fn insert_hash(&mut self, h: u64) {
        self.set(h as usize);
        self.set((h >> 32) as usize);
    }

    /// False when `key` was surely never inserted (keys hashed with [`hash`]).
    #[inline]
    fn maybe(&self, key: &str) -> bool {
        self.maybe_hash(hash(key.as_bytes()))
    }

    /// False when the key of hash `h` was surely never inserted.
    #[inline]
    fn maybe_hash(&self, h: u64) -> bool {
        self.get(h as usize) && self.get((h >> 32) as usize)
    }
}

/// The multiplier of [`raw_hash`] (odd).
const P: u64 = 0x9E37_79B9_7F4A_7C15;

/// `P^k` for every number of two-byte units in a word.
static POW: [u64; MAX_WORD / 2 + 2] = {
    let mut t = [1u64; MAX_WORD / 2 + 2];
    let mut k = 1;
    while k < t.len() {
        t[k] = t[k - 1].wrapping_mul(P);
        k += 1;
    }
    t
};

/// One two-byte unit of [`raw_hash`]: the bytes read as a little-endian
/// `u16`, as the scan reads them.
#[inline]
fn unit(b0: u8, b1: u8) -> u64 {
    u64::from(u16::from_le_bytes([b0, b1]))
}

/// A polynomial hash over two-byte units (a Persian letter each), so that
/// the scan computes it letter by letter and the hash of two words read
/// as one follows from theirs (see [`concat_hash`]). Mixed by [`mix`]
/// before use.
#[inline]
fn raw_hash(bytes: &[u8]) -> u64 {
    let mut r = 0u64;
    let mut units = bytes.chunks_exact(2);
    for u in &mut units {
        r = r.wrapping_mul(P).wrapping_add(unit(u[0], u[1]));
    }
    if let [b] = units.remainder() {
        r = r.wrapping_mul(P).wrapping_add(u64::from(*b));
    }
    r
}

/// The [`raw_hash`] of `a` followed by `b` (`a` of even length), from
/// theirs.
#[inline]
fn concat_hash(ra: u64, rb: u64, b_len: usize) -> Option<u64> {
    POW.get(b_len.div_ceil(2)).map(|&p| ra.wrapping_mul(p).wrapping_add(rb))
}

/// Murmur3's finalizer: every bit of the result depends on every bit of
/// the raw hash (the Bloom filters and the cache use its bits directly).
#[inline]
fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// The hash of a short byte string, for the Bloom filters and the cache.
#[inline]
fn hash(bytes: &[u8]) -> u64 {
    mix(raw_hash(bytes))
}

/// The hash [`Tables::firsts`] is keyed by. Unlike the other filters,
/// whose hits are checked against the tables, its false positives decide
/// which pairs are read, so its hash must not change.
#[inline]
fn firsts_hash(bytes: &[u8]) -> u64 {
    let mut h = FxHasher(bytes.len() as u64);
    h.write(bytes);
    h.finish()
}

fn build_tables() -> Tables {
    // Sized for the lexicons (about 18,000 words and 9,000 parts): no
    // rehashing while they are read.
    let mut words: HashMap<Box<str>, Entry, Fx> = HashMap::with_capacity_and_hasher(24 * 1024, Fx::default());
    let mut flag = |w: &str, f: u8, cuts: Option<Cuts>| {
        if w.is_empty() || w.len() > MAX_WORD {
            return;
        }
        let e = words.entry(w.into()).or_default();
        e.flags |= f;
        if let Some(c) = cuts {
            e.cuts = c;
        }
    };
    let mut joined = String::new();
    for form in entries(COMPOUNDS) {
        let cuts = cuts_of(form, &mut joined);
        if cuts.n > 0 {
            flag(&joined, COMPOUND, Some(cuts));
        }
    }
    for form in entries(SPACED_WORDS) {
        cuts_of(form, &mut joined);
        flag(&joined, SPACED, None);
    }
    for w in entries(JOINED_WORDS) {
        flag(w, JOINED, None);
    }
    let mut parts: HashMap<Box<str>, u8, Fx> = HashMap::with_capacity_and_hasher(12 * 1024, Fx::default());
    let mut part = |w: &str, f: u8| *parts.entry(w.into()).or_default() |= f;
    for w in entries(HEADS) {
        part(w, HEAD);
    }
    let mut tails = Trie::new();
    for w in entries(TAILS) {
        part(w, TAIL);
        tails.insert_reversed(w);
    }
    for w in entries(HE_WORDS) {
        part(w, HE_WORD);
    }
    // About 14 forms per verb (built by concatenation: no format machinery
    // for some 10,000 strings).
    let mut verbs: HashSet<Box<str>, Fx> = HashSet::with_capacity_and_hasher(16 * 1024, Fx::default());
    let mut add = |parts: &[&str]| {
        let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        for p in parts {
            s.push_str(p);
        }
        verbs.insert(s.into_boxed_str());
    };
    for row in entries(VERBS) {
        let Some((past, present)) = row.split_once('#') else { continue };
        for e in ["", "م", "ی", "یم", "ید", "ند"] {
            add(&[past, e]);
        }
        add(&[past, "ه"]);
        for e in ["م", "ی", "د", "یم", "ید", "ند"] {
            add(&[present, e]);
            if present.ends_with(['ا', 'آ', 'و']) {
                add(&[present, "ی", e]);
            }
        }
    }
    let mut bloom = Bits::new(BLOOM_BITS);
    for k in words.keys() {
        bloom.insert_hash(hash(k.as_bytes()));
    }
    // The first parts of compounds, up to a cut: a pair of words is only
    // looked up when the first could start one.
    let mut firsts = Bits::new(18);
    for (k, e) in &words {
        if e.flags & COMPOUND != 0 {
            for &c in e.cuts.as_slice() {
                if let Some(head) = k.get(..usize::from(c)) {
                    firsts.insert_hash(firsts_hash(head.as_bytes()));
                }
            }
        }
    }
    let mut parts_bloom = Bits::new(17);
    for k in parts.keys() {
        parts_bloom.insert_hash(hash(k.as_bytes()));
    }
    Tables { words, parts, parts_bloom, verbs, tails, bloom, firsts }
}

// ---------------------------------------------------------------------------
// Analysis

/// Suffixes written after a ZWNJ, longest first.
/// Suffixes written after a ZWNJ, by their last letter, longest first.
#[inline]
fn suffixes_ending_in(c: char) -> &'static [&'static str] {
    match c {
        'ا' => &["ها"],
        'ی' => &["هایی", "های", "تری"],
        'ن' => &["هایشان", "هایمان", "هایتان", "ترین", "شان", "مان", "تان"],
        'م' => &["هایم", "ایم", "ام"],
        'ت' => &["هایت", "ات"],
        'ش' => &["هایش", "اش"],
        'ر' => &["تر"],
        'د' => &["اند", "اید"],
        _ => &[],
    }
}

/// `w` ends with `s` (short strings: compared inline, no memcmp call).
#[inline]
fn ends_with(w: &[u8], s: &[u8]) -> bool {
    w.len() >= s.len() && w[w.len() - s.len()..].iter().zip(s).all(|(a, b)| a == b)
}

/// True when `pw` + `w` ends with one of the suffixes (without building the
/// pair): only then can the suffix rules cut such a pair.
#[inline]
fn pair_ends_in_suffix(pw: &str, w: &str) -> bool {
    let Some(end) = last_char(w) else { return false };
    let (pw, w) = (pw.as_bytes(), w.as_bytes());
    suffixes_ending_in(end).iter().any(|s| {
        let s = s.as_bytes();
        match s.len().checked_sub(w.len()) {
            None | Some(0) => ends_with(w, s),
            Some(k) => ends_with(s, w) && ends_with(pw, &s[..k]),
        }
    })
}

/// Suffixes that take a ZWNJ only after a silent ه (خانه‌ای, شده‌اند; but
/// کتابی, رفتند).
#[inline]
fn after_he_only(s: &str) -> bool {
    matches!(s, "ای" | "اند" | "ایم" | "اید" | "ام" | "اش" | "ات" | "شان" | "مان" | "تان")
}

/// Suffix tokens that, standing alone after a word, belong to it (سال ها,
/// مهم ترین, شده اند). Those of [`after_he_only`] need a stem in ه.
#[inline]
fn is_affix_token(s: &str) -> bool {
    matches!(
        s,
        "ها" | "های"
            | "هایی"
            | "هایم"
            | "هایت"
            | "هایش"
            | "هایشان"
            | "هایمان"
            | "هایتان"
            | "تر"
            | "تری"
            | "ترین"
            | "ای"
            | "اند"
            | "ایم"
            | "اید"
            | "ام"
            | "اش"
    )
}

#[inline]
fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

impl Tables {
    /// The entry of `w` (default when unknown).
    #[inline]
    fn entry(&self, w: &str) -> Entry {
        self.entry_hash(w, hash(w.as_bytes()))
    }

    /// [`Tables::entry`] with the [`hash`] of `w`.
    #[inline]
    fn entry_hash(&self, w: &str, h: u64) -> Entry {
        if !self.bloom.maybe_hash(h) {
            return Entry::default();
        }
        self.words.get(w).copied().unwrap_or_default()
    }

    /// The part flags of `w` (HEAD, TAIL, HE_WORD).
    #[inline]
    fn part(&self, w: &str) -> u8 {
        if !self.parts_bloom.maybe(w) {
            return 0;
        }
        self.parts.get(w).copied().unwrap_or_default()
    }

    /// True when `w` is an inflected verb form that can follow می/نمی.
    #[inline]
    fn is_verb(&self, w: &str) -> bool {
        self.verbs.contains(w)
    }

    /// Analyses the ZWNJ-free word `w`: its cuts, offset by `base`, go into
    /// `cuts`. True when the word was recognized (even with no cut).
    fn analyze(&self, w: &str, base: usize, cuts: &mut Cuts, depth: u8, open: bool) -> bool {
        let strict = false;
        if w.len() < 4 || w.len() > MAX_WORD {
            return false;
        }
        self.analyze_hash(w, hash(w.as_bytes()), base, cuts, depth, open, strict)
    }

    /// [`Tables::analyze`] with the [`hash`] of `w`.
    #[allow(clippy::too_many_arguments)]
    fn analyze_hash(
        &self,
        w: &str,
        h: u64,
        base: usize,
        cuts: &mut Cuts,
        depth: u8,
        open: bool,
        strict: bool,
    ) -> bool {
        if w.len() < 4 || w.len() > MAX_WORD {
            return false;
        }
        let entry = self.entry_hash(w, h);
        if entry.flags & JOINED != 0 {
            return true;
        }
        if entry.flags & COMPOUND != 0 {
            for &a in entry.cuts.as_slice() {
                cuts.push(base + usize::from(a));
            }
            return true;
        }
        // می/نمی + verb.
        let b = w.as_bytes();
        // "می" is D9 85 DB 8C; "نمی" starts with D9 86.
        let p = if b.starts_with(&[0xD9, 0x85, 0xDB, 0x8C]) {
            4
        } else if b.starts_with(&[0xD9, 0x86, 0xD9, 0x85, 0xDB, 0x8C]) {
            6
        } else {
            0
        };
        if p > 0 && self.is_verb(&w[p..]) {
            cuts.push(base + p);
            return true;
        }
        // A preverb before می/نمی: برمی‌دارد, درنمی‌آید, فرامی‌گیرد.
        for pre in ["بر", "در", "فرا", "باز", "فرو", "وا"].iter().filter(|_| w.len() >= 12) {
            if let Some(rest) = w.strip_prefix(pre) {
                for mi in ["می", "نمی"] {
                    if let Some(verb) = rest.strip_prefix(mi) {
                        if self.is_verb(verb) {
                            cuts.push(base + pre.len() + mi.len());
                            return true;
                        }
                    }
                }
            }
        }
        // Suffixes and tails need at least two letters on each side.
        if depth >= 3 || w.len() < 8 {
            return false;
        }
        let Some(end) = last_char(w) else { return false };
        for &s in suffixes_ending_in(end) {
            if !ends_with(b, s.as_bytes()) {
                continue;
            }
            let stem = &w[..w.len() - s.len()];
            // At least two letters of stem.
            if stem.len() < 4 {
                continue;
            }
            let Some(last) = last_char(stem) else { continue };
            if !is_persian_letter(last) {
                continue;
            }
            if after_he_only(s) && last != 'ه' {
                continue;
            }
            // Beside a ZWNJ (a part of a longer word) only known stems count:
            // a second pass must not find new cuts in what the first made.
            if !open && strict && self.entry(stem).flags == 0 && self.part(stem) == 0 {
                continue;
            }
            // «X‌ه‌ای» reads better than «X‌های» when X‌ه is a word:
            // رسانه‌ای, not رسان‌های (but پروژه‌های).
            if let Some(short) = s.strip_prefix('ه') {
                let he_stem = &w[..w.len() - short.len()];
                let he_word = self.part(he_stem) & HE_WORD != 0 || self.entry(he_stem).flags & COMPOUND != 0;
                if after_he_only(short) && !stem.ends_with('ه') && he_word {
                    self.analyze(he_stem, base, cuts, depth + 1, open && !strict);
                    cuts.push(base + he_stem.len());
                    return true;
                }
            }
            self.analyze(stem, base, cuts, depth + 1, open && !strict);
            if !is_non_joining(last) {
                cuts.push(base + stem.len());
            }
            return true;
        }
        open && self.head_tail(w, base, cuts)
    }

    /// Adds to `cuts` of `w` what a second pass would find in its parts
    /// (each now beside a ZWNJ), until nothing changes: normalizing twice
    /// gives the same text.
    fn close(&self, w: &str, cuts: &mut Cuts) {
        for _ in 0..MAX_CUTS {
            let mut more = Cuts::default();
            let mut from = 0usize;
            let ends = cuts.as_slice().iter().map(|&c| usize::from(c)).chain(std::iter::once(w.len()));
            for end in ends {
                if let Some(part) = w.get(from..end) {
                    self.analyze_hash(part, hash(part.as_bytes()), from, &mut more, 0, false, true);
                }
                from = end;
            }
            let before = cuts.n;
            let mut all = [0u8; MAX_CUTS * 2];
            let mut n = 0;
            for &c in cuts.as_slice().iter().chain(more.as_slice()) {
                all[n] = c;
                n += 1;
            }
            all[..n].sort_unstable();
            let mut merged = Cuts::default();
            for &c in &all[..n] {
                if c > 0 && usize::from(c) < w.len() && !merged.contains(usize::from(c)) {
                    merged.push(usize::from(c));
                }
            }
            *cuts = merged;
            if cuts.n == before {
                return;
            }
        }
    }

    /// A known head followed by a productive tail: پیاده‌راه, کلنگ‌زنی.
    fn head_tail(&self, w: &str, base: usize, cuts: &mut Cuts) -> bool {
        // Walk the tails backwards from the end of the word; remember where
        // a tail could start, then try the longest first.
        let mut starts = [0usize; 8];
        let mut n = 0;
        let mut node = 0usize;
        let mut at = w.len();
        for c in w.chars().rev() {
            let Some(next) = self.tails.child(node, c) else { break };
            node = next;
            at -= c.len_utf8();
            if self.tails.nodes[node].terminal && n < starts.len() {
                starts[n] = at;
                n += 1;
            }
        }
        for &k in starts[..n].iter().rev() {
            let head = &w[..k];
            // The head keeps at least two letters and ends in a joining one.
            if head.chars().nth(1).is_none() || last_char(head).is_none_or(is_non_joining) {
                continue;
            }
            if self.part(head) & HEAD != 0 {
                cuts.push(base + k);
                return true;
            }
        }
        false
    }
}

/// The tails, reversed, as a trie over chars.
struct Trie {
    nodes: Vec<TrieNode>,
    /// The children of the root, by the low byte of the char.
    root: [(char, u32); 256],
}

#[derive(Default)]
struct TrieNode {
    children: Vec<(char, u32)>,
    terminal: bool,
}

impl Trie {
    fn new() -> Trie {
        Trie { nodes: vec![TrieNode::default()], root: [('\0', 0); 256] }
    }

    fn insert_reversed(&mut self, w: &str) {
        let mut node = 0usize;
        for c in w.chars().rev() {
            node = match self.child(node, c) {
                Some(n) => n,
                None => {
                    let n = self.nodes.len();
                    self.nodes.push(TrieNode::default());
                    self.nodes[node].children.push((c, n as u32));
                    if node == 0 && self.root[c as usize & 0xFF].1 == 0 {
                        self.root[c as usize & 0xFF] = (c, n as u32);
                    }
                    n
                }
            };
        }
        self.nodes[node].terminal = true;
    }

    #[inline]
    fn child(&self, node: usize, c: char) -> Option<usize> {
        if node == 0 {
            let (k, n) = self.root[c as usize & 0xFF];
            if k == c && n != 0 {
                return Some(n as usize);
            }
        }
        self.nodes[node].children.iter().find(|&&(k, _)| k == c).map(|&(_, n)| n as usize)
    }
}

/// The buffers of the repair, kept from one line to the next and, between
/// calls, in a thread-local.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Recent word summaries by word hash: news text repeats its words, and
    /// the summary depends on the word alone.
    cache: Vec<Slot>,
    /// Two words read as one.
    pair: String,
    evidence: Evidence,
    /// The edits of a line.
    pub edits: Vec<Edit>,
    /// The line being repaired, while its repair is written in its place.
    pub line: String,
    /// Working memory of the map composition.
    pub segs: Vec<Seg>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

impl Scratch {
    /// This thread's buffers (taken out: put them back with [`Scratch::give`]).
    pub fn take() -> Scratch {
        let mut s = SCRATCH.with(|c| c.take());
        if s.cache.len() != CACHE_SLOTS {
            s.cache.clear();
            s.cache.resize(CACHE_SLOTS, EMPTY_SLOT);
        }
        s
    }

    /// Puts the buffers back for the next call on this thread.
    pub fn give(mut self) {
        // A huge line should not pin its memory.
        if self.line.capacity() > 1 << 20 {
            self.line = String::new();
        }
        SCRATCH.with(|c| c.set(self));
    }
}

/// Finds the ZWNJ that `text` is missing; pushes edits into `s.edits` in
/// increasing order. Returns true when the line-level style guard held back
/// an edit (the result may then change on another pass).
///
/// One pass: each word (a run of Persian letters, hashed while it is
/// scanned) is summarized through the cache and read at once with the word
/// before it; a line's style guard runs at its end.
pub(crate) fn repair(text: &str, s: &mut Scratch) -> bool {
    if s.cache.len() != CACHE_SLOTS {
        s.cache.clear();
        s.cache.resize(CACHE_SLOTS, EMPTY_SLOT);
    }
    let t = &*TABLES;
    let Scratch { cache, pair, evidence, edits, .. } = s;
    // Always of that size (just above).
    let Ok(cache) = <&mut Cache>::try_from(cache.as_mut_slice()) else { return false };
    let mut line = Line { t, text, pair, edits: &mut *edits, ev: evidence, prev: Prev::NONE };
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut guarded = false;
    let mut line_first = line.edits.len();
    line.ev.clear();
    let mut i = 0usize;
    // What separates the last word found from a word right after it: the
    // char after the word (read only when a word follows at once).
    let mut gap = Gap::Other;
    while i < n {
        // A word: a run of Persian letters (all two bytes long).
        let ws = i;
        let mut r = 0u64;
        for c in bytes.get(i..).unwrap_or_default().chunks_exact(2) {
            let u = u16::from_le_bytes(c.try_into().unwrap_or_default());
            if (LETTER_PAIRS[usize::from(u >> 6)] >> (u & 63)) & 1 == 0 {
                break;
            }
            r = r.wrapping_mul(P).wrapping_add(u64::from(u));
            i += 2;
        }
        // The end of the text ends the line.
        let c0 = bytes.get(i).copied().unwrap_or(b'\n');
        if i > ws {
            let zwnj_after = c0 == 0xE2 && bytes.get(i..i + 3) == Some(ZWNJ_BYTES);
            let beside_zwnj = gap == Gap::Zwnj || zwnj_after;
            let before = gap;
            gap = match c0 {
                b' ' => Gap::Space,
                _ if zwnj_after => Gap::Zwnj,
                _ => Gap::Other,
            };
            let cur = Span::new(ws, i);
            let info = summary_cached(t, cache, text, cur, r, beside_zwnj);
            line.word(cur, r, before, &info);
        } else {
            gap = Gap::Other;
        }
        if c0 == b'\n' {
            guarded |= finish_line(line.edits, line_first, line.ev);
            line_first = line.edits.len();
            line.ev.clear();
            line.prev = Prev::NONE;
        }
        i += utf8_len(c0);
    }
    guarded | finish_line(line.edits, line_first, line.ev)
}

/// The UTF-8 bytes of a ZWNJ.
const ZWNJ_BYTES: &[u8] = "\u{200C}".as_bytes();

/// The cache slot of a cache key (Fibonacci hashing: its top bits after a
/// multiplication).
#[inline]
fn slot_index(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - CACHE_BITS)) as usize
}

/// The length of the UTF-8 sequence that starts with byte `b0`.
#[inline]
fn utf8_len(b0: u8) -> usize {
    match b0 {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// What the repair needs to know about one word, cached.
#[derive(Clone, Copy, Debug, Default)]
struct Analysis {
    /// The tables recognized it (even with no cut).
    known: bool,
    /// Where its ZWNJs go.
    cuts: Cuts,
    /// Its first part is an affix written apart (ها, ترین, اند).
    affix: bool,
    /// It may start a compound written in two words (سرمایه گذاری).
    first: bool,
}

/// The analysis of one word (beside a ZWNJ or not), with its closure; `h`
/// is its [`hash`].
fn analyze_word(t: &Tables, w: &str, h: u64, beside_zwnj: bool) -> Analysis {
    let mut cuts = Cuts::default();
    let known = t.analyze_hash(w, h, 0, &mut cuts, 0, !beside_zwnj, beside_zwnj);
    if known && cuts.n > 0 {
        t.close(w, &mut cuts);
    }
    // The pair with the word before is read with the first part only, as a
    // second pass over the repaired text would see it (نامه‌ای in تفاهم نامهای).
    let head = match cuts.as_slice().first() {
        Some(&c) => w.get(..usize::from(c)).unwrap_or(w),
        None => w,
    };
    let first = t.firsts.maybe_hash(firsts_hash(w.as_bytes()));
    Analysis { known, cuts, affix: is_affix_token(head), first }
}

/// Flags of a [`Summary`]. The word's first part (its head) is the whole
/// word; `Summary::head` holds its length otherwise.
const HEAD_WHOLE: u16 = 1;
/// The head is an affix written apart (ها, ترین, اند).
const AFFIX: u16 = 1 << 1;
/// The word may start a compound written in two words.
const FIRST: u16 = 1 << 2;
/// The word has cuts or lies beside a ZWNJ: only affix pairs are read
/// after it, as a second pass over the repaired text would.
const CUT: u16 = 1 << 3;
/// Its last part ends in a joining letter (a ZWNJ may follow it).
const JOINS: u16 = 1 << 4;
/// Its last part is the verb prefix می or نمی.
const PREFIX: u16 = 1 << 5;
/// Its last part ends in ه.
const LAST_HE: u16 = 1 << 6;
/// Its last part ends in می.
const LAST_MI: u16 = 1 << 7;
/// The head is an inflected verb form ([`Tables::is_verb`]).
const VERB: u16 = 1 << 8;
/// The head is a suffix that needs a stem in ه ([`after_he_only`]).
const HE_ONLY: u16 = 1 << 9;
/// The head starts with ه.
const HEAD_HE: u16 = 1 << 10;
/// Any pair ending in the head ends in a suffix ([`pair_ends_in_suffix`]).
const SFX_YES: u16 = 1 << 11;
/// A pair ending in the head may end in a suffix, depending on the word
/// before: [`pair_ends_in_suffix`] decides.
const SFX_MAYBE: u16 = 1 << 12;

/// Everything the repair reads about one word (beside a ZWNJ or not),
/// computed once per word and cached.
#[derive(Clone, Copy, Debug, Default)]
struct Summary {
    flags: u16,
    /// The length of the head, unless [`HEAD_WHOLE`].
    head: u8,
    /// Where the last part starts.
    last: u8,
    /// Where ZWNJs are inserted, from the word's start.
    inserts: Cuts,
    /// The affix kind of each insert ([`MI`], [`HA`], [`OTHER`]), two bits each.
    kinds: u16,
}

/// The [`Summary`] of the word `whole` (of [`hash`] `h`).
fn summarize(t: &Tables, whole: &str, h: u64, beside_zwnj: bool) -> Summary {
    let a = analyze_word(t, whole, h, beside_zwnj);
    let (known, cuts) = (a.known, a.cuts);
    let mut s = Summary::default();
    let mut flags = 0u16;
    let head = match cuts.as_slice().first() {
        Some(&c) => whole.get(..usize::from(c)).unwrap_or(whole),
        None => whole,
    };
    if head.len() == whole.len() {
        flags |= HEAD_WHOLE;
    } else {
        // A head is cut before MAX_WORD.
        s.head = head.len() as u8;
    }
    let set = |yes: bool, f: u16| if yes { f } else { 0 };
    flags |= set(a.affix, AFFIX)
        | set(a.first, FIRST)
        | set(t.is_verb(head), VERB)
        | set(after_he_only(head), HE_ONLY)
        | set(head.starts_with('ه'), HEAD_HE)
        | suffix_class(head);
    if known {
        let mut k = 0;
        for &c in cuts.as_slice() {
            let c = usize::from(c);
            if whole.is_char_boundary(c) && c > 0 && c < whole.len() {
                let before = &whole[..c];
                let kind = if before.ends_with("می") && before.len() <= 12 {
                    MI
                } else if whole[c..].starts_with("ها") {
                    HA
                } else {
                    OTHER
                };
                s.inserts.push(c);
                s.kinds |= (kind as u16) << (2 * k);
                k += 1;
            }
        }
    }
    let last_part = match cuts.as_slice().last() {
        Some(&c) if known => usize::from(c),
        _ => 0,
    };
    let last = whole.get(last_part..).unwrap_or("");
    s.last = last_part as u8;
    flags |= set(beside_zwnj || (known && cuts.n > 0), CUT)
        | set(last_char(last).is_some_and(|l| !is_non_joining(l)), JOINS)
        // می or نمی.
        | set(matches!(last.as_bytes(), [0xD9, 0x85, 0xDB, 0x8C] | [0xD9, 0x86, 0xD9, 0x85, 0xDB, 0x8C]), PREFIX)
        | set(last.ends_with('ه'), LAST_HE)
        | set(last.ends_with("می"), LAST_MI);
    s.flags = flags;
    s
}

/// [`SFX_YES`], [`SFX_MAYBE`] or neither, for the head `w` of a pair's
/// second word: [`pair_ends_in_suffix`] with what depends on `w` alone.
fn suffix_class(w: &str) -> u16 {
    let Some(end) = last_char(w) else { return 0 };
    let w = w.as_bytes();
    let mut class = 0;
    for s in suffixes_ending_in(end) {
        let s = s.as_bytes();
        if s.len() <= w.len() {
            if ends_with(w, s) {
                return SFX_YES;
            }
        } else if ends_with(s, w) {
            class = SFX_MAYBE;
        }
    }
    class
}

/// Words up to this many bytes are cached.
const CACHED_LEN: usize = 30;
/// Slots in the per-thread cache: 2^14 (about 0.9 MB).
const CACHE_BITS: u32 = 14;
const CACHE_SLOTS: usize = 1 << CACHE_BITS;
/// The per-thread cache, indexed by [`slot_index`].
type Cache = [Slot; CACHE_SLOTS];

/// One slot of the per-thread cache of word summaries.
#[derive(Clone, Copy)]
struct Slot {
    /// The word's [`raw_hash`] and whether it lies beside a ZWNJ, checked
    /// before its bytes.
    key: u64,
    len: u8,
    bytes: [u8; CACHED_LEN],
    summary: Summary,
}

const EMPTY_SLOT: Slot = Slot {
    key: 0,
    len: 0,
    bytes: [0; CACHED_LEN],
    summary: Summary { flags: 0, head: 0, last: 0, inserts: Cuts { n: 0, at: [0; MAX_CUTS] }, kinds: 0 },
};

/// Set in the cache key of a word beside a ZWNJ (summarized apart).
const BESIDE_ZWNJ_KEY: u64 = 0xA076_1D64_78BD_642F;

/// [`summarize`] through the word cache (checked byte for byte); `h` is
/// the word's [`hash`].
#[inline]
fn summary_cached(
    t: &Tables,
    cache: &mut Cache,
    text: &str,
    cur: Span,
    raw: u64,
    beside_zwnj: bool,
) -> Summary {
    let b = text.as_bytes().get(cur.start..cur.end).unwrap_or_default();
    let w = || text.get(cur.start..cur.end).unwrap_or("");
    if b.len() > CACHED_LEN || b.is_empty() {
        return summarize(t, w(), mix(raw), beside_zwnj);
    }
    // The raw hash is enough to pick a slot (the bytes are checked).
    let key = if beside_zwnj { raw ^ BESIDE_ZWNJ_KEY } else { raw };
    let slot = &mut cache[slot_index(key)];
    if slot.key == key
        && usize::from(slot.len) == b.len()
        && slot.bytes.get(..b.len()).is_some_and(|s| short_eq(s, b))
    {
        return slot.summary;
    }
    let summary = summarize(t, w(), mix(raw), beside_zwnj);
    slot.key = key;
    slot.len = b.len() as u8;
    slot.bytes[..b.len()].copy_from_slice(b);
    slot.summary = summary;
    summary
}

/// Equality of two short byte strings of the same length, eight bytes at a
/// time (no call to memcmp for a word).
#[inline]
fn short_eq(a: &[u8], b: &[u8]) -> bool {
    #[inline]
    fn word8(s: &[u8], i: usize) -> u64 {
        u64::from_le_bytes(s.get(i..i + 8).and_then(|w| w.try_into().ok()).unwrap_or([0; 8]))
    }
    #[inline]
    fn word4(s: &[u8], i: usize) -> u32 {
        u32::from_le_bytes(s.get(i..i + 4).and_then(|w| w.try_into().ok()).unwrap_or([0; 4]))
    }
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n >= 8 {
        let mut i = 0;
        while i + 8 < n {
            if word8(a, i) != word8(b, i) {
                return false;
            }
            i += 8;
        }
        // The last eight bytes, overlapping what was compared.
        return word8(a, n - 8) == word8(b, n - 8);
    }
    if n >= 4 {
        return word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4);
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// What a word leaves for reading it with the next one as a pair
/// ([`Prev::NONE`] at the start of a line).
#[derive(Clone, Copy, Debug)]
struct Prev {
    /// Where the word starts.
    start: usize,
    /// Where its last part starts (after its last cut, proposed or found).
    last_part: usize,
    /// Where it ends.
    end: usize,
    /// Its [`raw_hash`].
    raw: u64,
    /// Its [`Summary`] flags.
    flags: u16,
}

impl Prev {
    /// No word before: without [`JOINS`], no pair is read.
    const NONE: Prev = Prev { start: 0, last_part: 0, end: 0, raw: 0, flags: 0 };
}

/// What separates two words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// One space.
    Space,
    /// One ZWNJ.
    Zwnj,
    /// Anything else.
    Other,
}

/// Which chars of U+0600..U+06FF are Persian letters, by the low bits of
/// their two UTF-8 bytes.
static LETTERS: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 256 {
        let cp = 0x600 + k as u32;
        t[k] = matches!(cp, 0x0620..=0x063F | 0x0641..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5
            | 0x06EE..=0x06EF | 0x06FA..=0x06FC | 0x06FF);
        k += 1;
    }
    t
};

/// [`LETTERS`] as one bit per pair of bytes `b0 b1`, read as a
/// little-endian `u16` (bit `u & 63` of word `u >> 6`): the scan tests a
/// letter with one lookup.
static LETTER_PAIRS: [u64; 1024] = {
    let mut t = [0u64; 1024];
    let mut k = 0;
    while k < 256 {
        if LETTERS[k] {
            // U+0600 + k in UTF-8: 110110xx 10xxxxxx.
            let u = (0xD8 | (k >> 6)) | ((0x80 | (k & 0x3F)) << 8);
            t[u >> 6] |= 1 << (u & 63);
        }
        k += 1;
    }
    t
};

/// Where a line marks its affixes (می شود, سال ها, or with ZWNJ) at least
/// half as often as it glues them, the glued words in it are as their author
/// meant them: keep only the joins. Counting ZWNJ-marked affixes too keeps
/// this stable: normalizing twice gives the same text.
fn finish_line(edits: &mut Vec<Edit>, first: usize, ev: &Evidence) -> bool {
    let inserts = ev.glued.iter().sum::<usize>();
    let marked = ev.marked.iter().sum::<usize>();
    if marked == 0 || inserts == 0 {
        return false;
    }
    // Per kind of affix (می, ها), and everything together for the rest.
    let drop = [
        ev.marked[MI] * SPACED_RATIO > ev.glued[MI],
        ev.marked[HA] * SPACED_RATIO > ev.glued[HA],
        marked * SPACED_RATIO > inserts,
    ];
    let mut k = first;
    let mut ins = 0;
    for j in first..edits.len() {
        let keep = match edits[j] {
            Edit::Join(_) => true,
            Edit::Insert(_) => {
                let kind = ev.kinds.get(ins).copied().unwrap_or(OTHER);
                ins += 1;
                !drop[kind]
            }
        };
        if keep {
            edits[k] = edits[j];
            k += 1;
        }
    }
    let dropped = k < edits.len();
    edits.truncate(k);
    dropped
}

/// Kinds of affix, for [`Evidence`].
const MI: usize = 0;
const HA: usize = 1;
const OTHER: usize = 2;

/// How one line writes its affixes.
#[derive(Default)]
struct Evidence {
    /// Affixes written apart (with a space or a ZWNJ), by kind.
    marked: [usize; 2],
    /// Inserts proposed in glued words, by kind.
    glued: [usize; 3],
    /// The kind of each insert of the line, in order.
    kinds: Vec<usize>,
}

impl Evidence {
    /// Forgets everything (a new line), keeping the allocation.
    fn clear(&mut self) {
        self.marked = [0; 2];
        self.glued = [0; 3];
        self.kinds.clear();
    }
}

/// How many glued affixes one marked affix outweighs.
const SPACED_RATIO: usize = 2;

/// The repair of one line in progress.
struct Line<'a> {
    t: &'a Tables,
    text: &'a str,
    /// Two words read as one.
    pair: &'a mut String,
    edits: &'a mut Vec<Edit>,
    ev: &'a mut Evidence,
    /// The word before, if any on this line.
    prev: Prev,
}

impl<'a> Line<'a> {
    /// Reads the word at `cur` (of [`raw_hash`] `raw`, summarized by `s`)
    /// and, with the last part of the word before and the gap between them,
    /// the pair.
    #[inline]
    fn word(&mut self, cur: Span, raw: u64, gap: Gap, s: &Summary) {
        let f = s.flags;
        // Pairs are read only across one space or ZWNJ, after a joining
        // letter, and only after می/نمی, before an affix, or across a space
        // after the possible start of a compound.
        let p = self.prev;
        if gap != Gap::Other && p.flags & JOINS != 0 {
            let compound = gap == Gap::Space && p.flags & (CUT | FIRST) == FIRST;
            if p.flags & PREFIX != 0
                || f & AFFIX != 0
                || (compound && self.maybe_compound(p, raw, cur.len(), f))
            {
                self.pair(p, cur, raw, gap, s);
            }
        }
        if s.inserts.n > 0 {
            for (k, &a) in s.inserts.as_slice().iter().enumerate() {
                self.edits.push(Edit::Insert(cur.start + usize::from(a)));
                let kind = usize::from((s.kinds >> (2 * k)) & 3);
                self.ev.glued[kind] += 1;
                self.ev.kinds.push(kind);
            }
        }
        self.prev = Prev {
            start: cur.start,
            last_part: cur.start + usize::from(s.last),
            end: cur.end,
            raw,
            flags: f,
        };
    }

    /// The pair of the last part of `p` and the head of the word at `cur`:
    /// an affix written apart is evidence of the author's style; one with a
    /// space is also joined, as are the parts of a compound.
    #[inline(never)]
    fn pair(&mut self, p: Prev, cur: Span, raw: u64, gap: Gap, s: &Summary) {
        let f = s.flags;
        let head_len = if f & HEAD_WHOLE != 0 { cur.len() } else { usize::from(s.head) };
        let pw_len = p.end.saturating_sub(p.last_part);
        if pw_len + head_len > MAX_WORD {
            return;
        }
        let space = gap == Gap::Space;
        let join = if p.flags & PREFIX != 0 {
            // می شود, نمی توانسته اند.
            let verb = f & VERB != 0 || {
                let (pw, w) = self.parts(p, cur.start, head_len);
                self.pair.clear();
                self.pair.push_str(pw);
                self.pair.push_str(w);
                let mut cuts = Cuts::default();
                self.t.analyze(self.pair, 0, &mut cuts, 0, false) && cuts.contains(pw.len())
            };
            self.ev.marked[MI] += usize::from(verb);
            space && verb
        } else if f & AFFIX != 0 {
            // سال ها, شده اند, مهم ترین: the stem needs two letters.
            let ok = pw_len >= 4 && (f & HE_ONLY == 0 || p.flags & LAST_HE != 0);
            self.ev.marked[HA] += usize::from(ok && f & HEAD_HE != 0);
            space && ok
        } else if !space {
            false
        } else if p.flags & CUT == 0 && p.flags & FIRST != 0 {
            self.compound(p, cur.start, head_len, raw, f)
        } else {
            false
        };
        if join {
            self.edits.push(Edit::Join(Span::new(p.end, cur.start)));
        }
    }

    /// False when the whole word before (`p`) and the whole word after it
    /// (of [`raw_hash`] `raw`, `len` bytes, summary flags `f`) surely are no compound
    /// written apart: the pair is no key of the tables (by the Bloom
    /// filter, with the pair's hash composed from the two words'), the word
    /// before does not end in می and no pair ending in the word ends in a
    /// suffix. The common case, decided here without reading the pair.
    #[inline]
    fn maybe_compound(&self, p: Prev, raw: u64, len: usize, f: u16) -> bool {
        let whole = p.last_part == p.start && f & HEAD_WHOLE != 0 && (p.end - p.start) % 2 == 0;
        if !whole || p.flags & LAST_MI != 0 || f & (SFX_YES | SFX_MAYBE) != 0 {
            return true;
        }
        match concat_hash(p.raw, raw, len) {
            Some(r) => self.t.bloom.maybe_hash(mix(r)),
            None => true,
        }
    }

    /// The last part of `p` and the head of the word at `start`, `head_len`
    /// bytes long.
    #[inline]
    fn parts(&self, p: Prev, start: usize, head_len: usize) -> (&'a str, &'a str) {
        let text = self.text;
        (text.get(p.last_part..p.end).unwrap_or(""), text.get(start..start + head_len).unwrap_or(""))
    }

    /// True when the last part of `p` and the head of the word at `start`
    /// (`head_len` bytes; the word of [`raw_hash`] `raw` and summary flags
    /// `f`) are the two parts of a compound written apart (سرمایه گذاری),
    /// or of one plus a suffix (سرمایه گذاریها).
    fn compound(&mut self, p: Prev, start: usize, head_len: usize, raw: u64, f: u16) -> bool {
        let bytes = self.text.as_bytes();
        let raw_of = |from: usize, to: usize| raw_hash(bytes.get(from..to).unwrap_or_default());
        let raw_pw = if p.last_part == p.start { p.raw } else { raw_of(p.last_part, p.end) };
        let raw_w = if f & HEAD_WHOLE != 0 { raw } else { raw_of(start, start + head_len) };
        let ph = match concat_hash(raw_pw, raw_w, head_len) {
            Some(r) if (p.end.saturating_sub(p.last_part)) % 2 == 0 => mix(r),
            _ => {
                let (pw, w) = self.parts(p, start, head_len);
                self.pair.clear();
                self.pair.push_str(pw);
                self.pair.push_str(w);
                hash(self.pair.as_bytes())
            }
        };
        let known = self.t.bloom.maybe_hash(ph);
        // Unknown pairs can still be a compound plus a suffix
        // (سرمایه گذاریها): only then is the pair analysed.
        if !known && p.flags & LAST_MI == 0 && f & (SFX_YES | SFX_MAYBE) == 0 {
            return false;
        }
        let (pw, w) = self.parts(p, start, head_len);
        let suffix = f & SFX_YES != 0 || (f & SFX_MAYBE != 0 && pair_ends_in_suffix(pw, w));
        if !known && p.flags & LAST_MI == 0 && !suffix {
            return false;
        }
        self.pair.clear();
        self.pair.push_str(pw);
        self.pair.push_str(w);
        let mut cuts = Cuts::default();
        let spaced = known && self.t.entry_hash(self.pair, ph).flags & SPACED != 0;
        !spaced
            && self.t.analyze_hash(self.pair, ph, 0, &mut cuts, 0, false, false)
            && cuts.contains(pw.len())
    }
}
