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
use super::map::{MapBuilder, Seg};
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
    fn pos(&self) -> usize {
        match *self {
            Edit::Insert(p) => p,
            Edit::Join(s) => s.start,
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

/// The joined spelling of a ZWNJ form and its cuts.
fn cuts_of(form: &str) -> (String, Cuts) {
    let mut joined = String::with_capacity(form.len());
    let mut cuts = Cuts::default();
    for c in form.chars() {
        if c == '\u{200C}' {
            let ok = joined.chars().next_back().is_some_and(|l| !is_non_joining(l));
            if ok {
                cuts.push(joined.len());
            }
        } else {
            joined.push(c);
        }
    }
    (joined, cuts)
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

    fn insert_key(&mut self, key: &str) {
        let h = hash(key.as_bytes());
        self.set(h as usize);
        self.set((h >> 32) as usize);
    }

    /// False when `key` was surely never inserted.
    #[inline]
    fn maybe(&self, key: &str) -> bool {
        self.maybe_hash(hash(key.as_bytes()))
    }

    /// [`Bits::maybe`] with the key's [`hash`].
    #[inline]
    fn maybe_hash(&self, h: u64) -> bool {
        self.get(h as usize) && self.get((h >> 32) as usize)
    }
}

/// The hash of a short byte string, for the Bloom filter.
#[inline]
fn hash(bytes: &[u8]) -> u64 {
    let mut h = FxHasher(bytes.len() as u64);
    h.write(bytes);
    h.finish()
}

fn build_tables() -> Tables {
    let mut words: HashMap<Box<str>, Entry, Fx> = HashMap::default();
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
    for form in entries(COMPOUNDS) {
        let (joined, cuts) = cuts_of(form);
        if cuts.n > 0 {
            flag(&joined, COMPOUND, Some(cuts));
        }
    }
    for form in entries(SPACED_WORDS) {
        flag(&cuts_of(form).0, SPACED, None);
    }
    for w in entries(JOINED_WORDS) {
        flag(w, JOINED, None);
    }
    let mut parts: HashMap<Box<str>, u8, Fx> = HashMap::default();
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
    let mut verbs: HashSet<Box<str>, Fx> = HashSet::default();
    let mut add = |s: String| {
        verbs.insert(s.into_boxed_str());
    };
    for row in entries(VERBS) {
        let Some((past, present)) = row.split_once('#') else { continue };
        for e in ["", "م", "ی", "یم", "ید", "ند"] {
            add(format!("{past}{e}"));
        }
        add(format!("{past}ه"));
        for e in ["م", "ی", "د", "یم", "ید", "ند"] {
            add(format!("{present}{e}"));
            if present.ends_with(['ا', 'آ', 'و']) {
                add(format!("{present}ی{e}"));
            }
        }
    }
    let mut bloom = Bits::new(BLOOM_BITS);
    for k in words.keys() {
        bloom.insert_key(k);
    }
    // The first parts of compounds, up to a cut: a pair of words is only
    // looked up when the first could start one.
    let mut firsts = Bits::new(18);
    for (k, e) in &words {
        if e.flags & COMPOUND != 0 {
            for &c in e.cuts.as_slice() {
                if let Some(head) = k.get(..usize::from(c)) {
                    firsts.insert_key(head);
                }
            }
        }
    }
    let mut parts_bloom = Bits::new(17);
    for k in parts.keys() {
        parts_bloom.insert_key(k);
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
    /// Recent analyses by word hash: news text repeats its words, and the
    /// analysis depends on the word alone.
    cache: Vec<Slot>,
    /// The words of the current line: found first, then analysed, so the
    /// cache slots of a whole line are fetched from memory together.
    words: Vec<WordAt>,
    /// Two words read as one.
    pair: String,
    evidence: Evidence,
    /// The edits of a line.
    pub edits: Vec<Edit>,
    /// A repaired line and its map, before it replaces the line.
    pub line: MapBuilder,
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
        if s.cache.is_empty() {
            s.cache.resize(CACHE_SLOTS, EMPTY_SLOT);
        }
        s
    }

    /// Puts the buffers back for the next call on this thread.
    pub fn give(mut self) {
        // A huge line should not pin its memory.
        if self.line.out.capacity() > 1 << 20 {
            self.line = MapBuilder::default();
        }
        SCRATCH.with(|c| c.set(self));
    }
}

/// Finds the ZWNJ that `text` is missing; pushes edits into `s.edits` in
/// increasing order. Returns true when the line-level style guard held back
/// an edit (the result may then change on another pass).
pub(crate) fn repair(text: &str, s: &mut Scratch) -> bool {
    if s.cache.is_empty() {
        s.cache.resize(CACHE_SLOTS, EMPTY_SLOT);
    }
    let Scratch { cache, words, pair, evidence, edits, .. } = s;
    words.clear();
    repair_with(text, edits, cache, words, pair, evidence)
}

/// [`repair`] with its buffers at hand.
fn repair_with(
    text: &str,
    edits: &mut Vec<Edit>,
    cache: &mut [Slot],
    words: &mut Vec<WordAt>,
    pair: &mut String,
    evidence: &mut Evidence,
) -> bool {
    let mut guarded = false;
    let t = &*TABLES;
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0usize;
    // What separates the last word found from the next one.
    let mut gap = Gap::Other;
    while i < n {
        // A word: a run of Persian letters (all two bytes long).
        let ws = i;
        while let [b0, b1, ..] = bytes[i..] {
            if b0 & 0xFC != 0xD8 || !LETTERS[(usize::from(b0 & 3) << 6) | usize::from(b1 & 0x3F)] {
                break;
            }
            i += 2;
        }
        let (len, c0) = match bytes.get(i) {
            Some(&b) => (utf8_len(b), b),
            None => (1, b'\n'),
        };
        if i > ws {
            let beside_zwnj = gap == Gap::Zwnj || text[i..].starts_with('\u{200C}');
            let h = hash(&bytes[ws..i]);
            if !cache.is_empty() {
                // Touch the word's slot now; it is read after the line.
                std::hint::black_box(cache[slot_index(h, cache.len())].hash);
            }
            words.push(WordAt { span: Span::new(ws, i), hash: h, gap, beside_zwnj });
            let next_is_letter = i + len < n && byte_class(bytes, i + len).0;
            gap = match c0 {
                b' ' if next_is_letter => Gap::Space,
                0xE2 if next_is_letter && text[i..].starts_with('\u{200C}') => Gap::Zwnj,
                _ => Gap::Other,
            };
        } else {
            gap = Gap::Other;
        }
        if c0 == b'\n' {
            guarded |= repair_line(t, text, words, cache, pair, edits, evidence);
            words.clear();
        }
        i += len;
    }
    guarded | repair_line(t, text, words, cache, pair, edits, evidence)
}

/// One word of a line, found by the scan.
#[derive(Clone, Copy, Debug)]
struct WordAt {
    span: Span,
    hash: u64,
    /// What separates it from the word before (`Other` when there is none).
    gap: Gap,
    /// A ZWNJ is written right before or after it.
    beside_zwnj: bool,
}

/// The cache slot of a word hash.
#[inline]
fn slot_index(h: u64, slots: usize) -> usize {
    (h >> 40) as usize & (slots - 1)
}

/// Analyses the words of one line and applies the line's style guard.
fn repair_line(
    t: &Tables,
    text: &str,
    words: &[WordAt],
    cache: &mut [Slot],
    pair: &mut String,
    edits: &mut Vec<Edit>,
    evidence: &mut Evidence,
) -> bool {
    if words.is_empty() {
        return false;
    }
    let line_first = edits.len();
    evidence.clear();
    let mut prev: Option<Span> = None;
    let mut prev_info = PrevWord::default();
    for w in words {
        // Pairs are read only across one space or ZWNJ.
        let before = prev.filter(|_| w.gap != Gap::Other).map(|p| (p, w.gap));
        let ctx = Ctx { t, text, cache: &mut *cache, pair: &mut *pair, edits: &mut *edits };
        prev_info = word(ctx, before, prev_info, w.span, w.hash, w.beside_zwnj, evidence);
        prev = Some(Span::new(prev_info.last_part, w.span.end));
    }
    finish_line(edits, line_first, evidence)
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

/// The analysis of one word (beside a ZWNJ or not), with its closure.
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
    Analysis { known, cuts, affix: is_affix_token(head), first: t.firsts.maybe_hash(h) }
}

/// Words up to this many bytes are cached.
const CACHED_LEN: usize = 30;
/// Slots in the per-thread cache (a power of two; about 0.7 MB).
const CACHE_SLOTS: usize = 1 << 14;

/// One slot of the per-thread cache of word analyses.
#[derive(Clone, Copy)]
struct Slot {
    /// The word's hash, checked before its bytes.
    hash: u64,
    len: u8,
    beside_zwnj: bool,
    bytes: [u8; CACHED_LEN],
    analysis: Analysis,
}

const EMPTY_SLOT: Slot = Slot {
    hash: 0,
    len: 0,
    beside_zwnj: false,
    bytes: [0; CACHED_LEN],
    analysis: Analysis { known: false, cuts: Cuts { n: 0, at: [0; MAX_CUTS] }, affix: false, first: false },
};

/// [`analyze_word`] through the word cache (checked byte for byte).
#[inline]
fn analyze_cached(t: &Tables, cache: &mut [Slot], w: &str, h: u64, beside_zwnj: bool) -> Analysis {
    let b = w.as_bytes();
    if b.len() > CACHED_LEN || b.is_empty() || cache.is_empty() {
        return analyze_word(t, w, h, beside_zwnj);
    }
    let slot = &mut cache[slot_index(h, cache.len())];
    if slot.hash == h
        && usize::from(slot.len) == b.len()
        && slot.beside_zwnj == beside_zwnj
        && slot.bytes.get(..b.len()).is_some_and(|s| short_eq(s, b))
    {
        return slot.analysis;
    }
    let analysis = analyze_word(t, w, h, beside_zwnj);
    slot.hash = h;
    slot.len = b.len() as u8;
    slot.beside_zwnj = beside_zwnj;
    slot.bytes[..b.len()].copy_from_slice(b);
    slot.analysis = analysis;
    analysis
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

/// What [`word`] works with besides the word itself.
struct Ctx<'a> {
    t: &'a Tables,
    text: &'a str,
    cache: &'a mut [Slot],
    pair: &'a mut String,
    edits: &'a mut Vec<Edit>,
}

/// What a word leaves for reading it with the next one as a pair.
#[derive(Clone, Copy, Debug, Default)]
struct PrevWord {
    /// Where its last part starts (after its last cut, proposed or found).
    last_part: usize,
    /// It has cuts, or lies beside a ZWNJ: only affix pairs are read then,
    /// as a second pass over the repaired text would.
    cut: bool,
    /// It may start a compound written in two words.
    first: bool,
    /// It ends in a joining letter (a ZWNJ may follow it).
    joins: bool,
    /// Its last part is the verb prefix می or نمی.
    prefix: bool,
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

/// At byte `i` (a char boundary) of `b`: whether a Persian letter starts
/// there, the length of its char, and its first byte.
#[inline]
fn byte_class(b: &[u8], i: usize) -> (bool, usize, u8) {
    let b0 = b[i];
    match b0 {
        0..=0x7F => (false, 1, b0),
        0xD8..=0xDB => {
            let b1 = b.get(i + 1).copied().unwrap_or(0);
            (LETTERS[(usize::from(b0 & 3) << 6) | usize::from(b1 & 0x3F)], 2, b0)
        }
        0xC0..=0xDF => (false, 2, b0),
        0xE0..=0xEF => (false, 3, b0),
        _ => (false, 4, b0),
    }
}

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

/// Analyses the word at `cur` and, with the word before it (its last part)
/// and the gap between them, the pair.
fn word(
    ctx: Ctx<'_>,
    prev: Option<(Span, Gap)>,
    prev_info: PrevWord,
    cur: Span,
    h: u64,
    beside_zwnj: bool,
    evidence: &mut Evidence,
) -> PrevWord {
    let Ctx { t, text, cache, pair, edits } = ctx;
    let whole = &text[cur.start..cur.end];
    let a = analyze_cached(t, cache, whole, h, beside_zwnj);
    let (known, cuts) = (a.known, a.cuts);
    // The pair is read with the word's first part only, as a second pass
    // over the repaired text would see it (نامه‌ای in تفاهم نامهای).
    let w = match cuts.as_slice().first() {
        Some(&c) => whole.get(..usize::from(c)).unwrap_or(whole),
        None => whole,
    };
    // An affix written apart (with a space or a ZWNJ) is evidence of the
    // author's style; one with a space is also joined.
    let apart = |gap| gap != Gap::Other;
    if let Some((p, gap)) = prev.filter(|&(_, gap)| apart(gap) && prev_info.joins) {
        let pw = &text[p.start..p.end];
        let prefix = prev_info.prefix;
        if pw.len() + w.len() <= MAX_WORD {
            let space = gap == Gap::Space;
            let join = if prefix {
                // می شود, نمی توانسته اند.
                let verb = t.is_verb(w) || {
                    pair.clear();
                    pair.push_str(pw);
                    pair.push_str(w);
                    let mut cuts = Cuts::default();
                    t.analyze(pair, 0, &mut cuts, 0, false) && cuts.contains(pw.len())
                };
                evidence.marked[MI] += usize::from(verb);
                space && verb
            } else if a.affix {
                // سال ها, شده اند, مهم ترین: the stem needs two letters.
                let ok = pw.len() >= 4 && (!after_he_only(w) || pw.ends_with('ه'));
                evidence.marked[HA] += usize::from(ok && w.starts_with('ه'));
                space && ok
            } else if !space {
                false
            } else if !prev_info.cut && prev_info.first {
                pair.clear();
                pair.push_str(pw);
                pair.push_str(w);
                let ph = hash(pair.as_bytes());
                let known = t.bloom.maybe_hash(ph);
                // Unknown pairs can still be a compound plus a suffix
                // (سرمایه گذاریها): only then is the pair analysed.
                if !known && !pw.ends_with("می") && !pair_ends_in_suffix(pw, w) {
                    false
                } else {
                    let mut cuts = Cuts::default();
                    let spaced = known && t.entry_hash(pair, ph).flags & SPACED != 0;
                    !spaced
                        && t.analyze_hash(pair, ph, 0, &mut cuts, 0, false, false)
                        && cuts.contains(pw.len())
                }
            } else {
                false
            };
            if join {
                edits.push(Edit::Join(Span::new(p.end, cur.start)));
            }
        }
    }
    if known {
        for &a in cuts.as_slice() {
            let at = cur.start + usize::from(a);
            if text.is_char_boundary(at) && at > cur.start && at < cur.end {
                edits.push(Edit::Insert(at));
                let before = &whole[..usize::from(a)];
                let kind = if before.ends_with("می") && before.len() <= 12 {
                    MI
                } else if whole[usize::from(a)..].starts_with("ها") {
                    HA
                } else {
                    OTHER
                };
                evidence.glued[kind] += 1;
                evidence.kinds.push(kind);
            }
        }
    }
    let last_part = match cuts.as_slice().last() {
        Some(&c) if known => cur.start + usize::from(c),
        _ => cur.start,
    };
    let last = &text[last_part..cur.end];
    PrevWord {
        last_part,
        cut: beside_zwnj || (known && cuts.n > 0),
        first: a.first,
        joins: last_char(last).is_some_and(|l| !is_non_joining(l)),
        // می or نمی, compared as bytes (no call to memcmp).
        prefix: matches!(last.as_bytes(), [0xD9, 0x85, 0xDB, 0x8C] | [0xD9, 0x86, 0xD9, 0x85, 0xDB, 0x8C]),
    }
}

/// Applies sorted, non-overlapping `edits` to `text`, writing the new text
/// and its map back to `text` into `b` (emptied first).
pub(crate) fn apply(text: &str, edits: &[Edit], b: &mut MapBuilder) {
    b.out.clear();
    b.segs.clear();
    b.out.reserve(text.len() + edits.len() * 3);
    // Each edit starts a replacement and a copy after it.
    b.segs.reserve(edits.len() * 2 + 1);
    let mut at = 0usize;
    for e in edits {
        let p = e.pos();
        if p < at || p > text.len() || !text.is_char_boundary(p) {
            continue;
        }
        b.copy(at, &text[at..p]);
        match *e {
            Edit::Insert(p) => {
                b.replace(Span::new(p, p), "\u{200C}");
                at = p;
            }
            Edit::Join(s) => {
                b.replace(s, "\u{200C}");
                at = s.end.min(text.len());
            }
        }
    }
    b.copy(at, &text[at..]);
}
