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
use super::map::{MapBuilder, OffsetMap};
use crate::span::Span;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
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

/// A small, fast hasher for short keys (the FxHash mix, 8 bytes at a time).
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            self.add(u64::from_le_bytes(a));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut a = [0u8; 8];
            a[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(a));
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
        self.0
    }
}

type Fx = BuildHasherDefault<FxHasher>;

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
    words: HashMap<Box<str>, Entry, Fx>,
    /// Inflected verb forms that follow می/نمی (شود, کردند, توانسته ...).
    verbs: HashSet<Box<str>, Fx>,
    /// The last two letters (4 bytes) of every tail: a quick filter.
    tail_ends: HashSet<[u8; 4], Fx>,
    /// Shortest and longest tail in bytes.
    tail_len: (usize, usize),
}

static COMPOUNDS: &str = include_str!("../../data/zwnj/compounds.txt");
static JOINED_WORDS: &str = include_str!("../../data/zwnj/joined.txt");
static VERBS: &str = include_str!("../../data/zwnj/verbs.txt");
static HEADS: &str = include_str!("../../data/zwnj/heads.txt");
static TAILS: &str = include_str!("../../data/zwnj/tails.txt");
static SPACED_WORDS: &str = include_str!("../../data/zwnj/spaced.txt");
static HE_WORDS: &str = include_str!("../../data/zwnj/he_words.txt");

static TABLES: LazyLock<Tables> = LazyLock::new(build_tables);

/// Every data file of the ZWNJ repair, by name (for tests).
#[cfg(test)]
pub(crate) fn data_files() -> [(&'static str, &'static str); 7] {
    [
        ("compounds.txt", COMPOUNDS),
        ("joined.txt", JOINED_WORDS),
        ("verbs.txt", VERBS),
        ("heads.txt", HEADS),
        ("tails.txt", TAILS),
        ("spaced.txt", SPACED_WORDS),
        ("he_words.txt", HE_WORDS),
    ]
}

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

#[inline]
fn last4(s: &str) -> Option<[u8; 4]> {
    let b = s.as_bytes();
    let tail = b.get(b.len().checked_sub(4)?..)?;
    let mut a = [0u8; 4];
    a.copy_from_slice(tail);
    Some(a)
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
    for w in entries(HEADS) {
        flag(w, HEAD, None);
    }
    let mut tail_ends: HashSet<[u8; 4], Fx> = HashSet::default();
    let mut tail_len = (usize::MAX, 0);
    for w in entries(TAILS) {
        flag(w, TAIL, None);
        if let Some(e) = last4(w) {
            tail_ends.insert(e);
        }
        tail_len = (tail_len.0.min(w.len()), tail_len.1.max(w.len()));
    }
    for w in entries(HE_WORDS) {
        flag(w, HE_WORD, None);
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
    Tables { words, verbs, tail_ends, tail_len }
}

// ---------------------------------------------------------------------------
// Analysis

/// Suffixes written after a ZWNJ, longest first.
const SUFFIXES: [&str; 22] = [
    "هایشان", "هایمان", "هایتان", "هایی", "هایم", "هایت", "هایش", "ترین", "های", "تری", "شان",
    "مان", "تان", "اند", "ایم", "اید", "ها", "تر", "ای", "ام", "اش", "ات",
];

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
    /// Analyses the ZWNJ-free word `w`: its cuts, offset by `base`, go into
    /// `cuts`. True when the word was recognized (even with no cut).
    fn analyze(&self, w: &str, base: usize, cuts: &mut Cuts, depth: u8, open: bool) -> bool {
        if w.len() < 4 || w.len() > MAX_WORD {
            return false;
        }
        let entry = self.words.get(w).copied().unwrap_or_default();
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
        for p in ["نمی", "می"] {
            if let Some(rest) = w.strip_prefix(p) {
                if self.verbs.contains(rest) {
                    cuts.push(base + p.len());
                    return true;
                }
            }
        }
        if depth >= 3 {
            return false;
        }
        for s in SUFFIXES {
            let Some(stem) = w.strip_suffix(s) else { continue };
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
            // «X‌ه‌ای» reads better than «X‌های» when X‌ه is a word:
            // رسانه‌ای, not رسان‌های (but پروژه‌های).
            if let Some(short) = s.strip_prefix('ه') {
                let he_stem = &w[..w.len() - short.len()];
                if after_he_only(short)
                    && !stem.ends_with('ه')
                    && self.words.get(he_stem).is_some_and(|e| e.flags & HE_WORD != 0)
                {
                    self.analyze(he_stem, base, cuts, depth + 1, open);
                    cuts.push(base + he_stem.len());
                    return true;
                }
            }
            self.analyze(stem, base, cuts, depth + 1, open);
            if !is_non_joining(last) {
                cuts.push(base + stem.len());
            }
            return true;
        }
        open && self.head_tail(w, base, cuts)
    }

    /// A known head followed by a productive tail: پیاده‌راه, کلنگ‌زنی.
    fn head_tail(&self, w: &str, base: usize, cuts: &mut Cuts) -> bool {
        if !last4(w).is_some_and(|e| self.tail_ends.contains(&e)) {
            return false;
        }
        let (lo, hi) = self.tail_len;
        // Try the longest tail first; the head keeps at least two letters.
        for (k, c) in w.char_indices().skip(2) {
            let tail_len = w.len() - k;
            if tail_len > hi {
                continue;
            }
            if tail_len < lo {
                break;
            }
            let head = &w[..k];
            if last_char(head).is_some_and(is_non_joining) {
                continue;
            }
            let _ = c;
            let is = |s: &str, f: u8| self.words.get(s).is_some_and(|e| e.flags & f != 0);
            if is(&w[k..], TAIL) && is(head, HEAD) {
                cuts.push(base + k);
                return true;
            }
        }
        false
    }
}

/// Finds the ZWNJ that `text` is missing; pushes edits in increasing order.
pub(crate) fn repair(text: &str, edits: &mut Vec<Edit>) {
    let t = &*TABLES;
    let mut pair = String::new();
    // The previous word: its span, and whether only one space lies between
    // it and the current one.
    let mut prev: Option<Span> = None;
    let mut gap_ok = false;
    let mut word_start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0usize;
    let n = bytes.len();
    let mut line_first = edits.len();
    let mut evidence = 0usize;
    while i <= n {
        let (c, len) = if i < n {
            match text[i..].chars().next() {
                Some(c) => (c, c.len_utf8()),
                None => break,
            }
        } else {
            ('\n', 1)
        };
        if is_persian_letter(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
            i += len;
            continue;
        }
        if let Some(ws) = word_start.take() {
            let cur = Span::new(ws, i);
            word(t, text, prev, gap_ok, cur, &mut pair, edits, &mut evidence);
            prev = Some(cur);
            gap_ok = c == ' ' && i + 1 < n && text[i + 1..].chars().next().is_some_and(is_persian_letter);
        } else {
            prev = None;
            gap_ok = false;
        }
        if c == '\n' {
            finish_line(edits, line_first, evidence);
            line_first = edits.len();
            evidence = 0;
        }
        i += len;
    }
    finish_line(edits, line_first, evidence);
}

/// Where a line wrote its affixes with spaces (می شود, سال ها), the joined
/// words in it are as their author meant them: keep only the joins.
fn finish_line(edits: &mut Vec<Edit>, first: usize, evidence: usize) {
    let inserts = edits[first..].iter().filter(|e| matches!(e, Edit::Insert(_))).count();
    if evidence * SPACED_RATIO > inserts {
        let mut k = first;
        for j in first..edits.len() {
            if matches!(edits[j], Edit::Join(_)) {
                edits[k] = edits[j];
                k += 1;
            }
        }
        edits.truncate(k);
    }
}

/// How many glued affixes one spaced affix outweighs.
const SPACED_RATIO: usize = 2;

#[allow(clippy::too_many_arguments)]
fn word(
    t: &Tables,
    text: &str,
    prev: Option<Span>,
    gap_ok: bool,
    cur: Span,
    pair: &mut String,
    edits: &mut Vec<Edit>,
    evidence: &mut usize,
) {
    let w = &text[cur.start..cur.end];
    if let (Some(p), true) = (prev, gap_ok) {
        let pw = &text[p.start..p.end];
        let lastp = last_char(pw);
        if lastp.is_some_and(|l| !is_non_joining(l)) && pw.len() + w.len() <= MAX_WORD {
            let join = if pw == "می" || pw == "نمی" {
                // می شود, نمی توانسته اند.
                *evidence += 1;
                t.verbs.contains(w) || {
                    pair.clear();
                    pair.push_str(pw);
                    pair.push_str(w);
                    let mut cuts = Cuts::default();
                    t.analyze(pair, 0, &mut cuts, 0, false) && cuts.contains(pw.len())
                }
            } else if is_affix_token(w) {
                // سال ها, شده اند, مهم ترین: the stem needs two letters.
                *evidence += usize::from(w.starts_with('ه'));
                pw.len() >= 4 && (!after_he_only(w) || lastp == Some('ه'))
            } else {
                pair.clear();
                pair.push_str(pw);
                pair.push_str(w);
                let mut cuts = Cuts::default();
                let spaced = t.words.get(pair.as_str()).is_some_and(|e| e.flags & SPACED != 0);
                !spaced && t.analyze(pair, 0, &mut cuts, 0, false) && cuts.contains(pw.len())
            };
            if join {
                edits.push(Edit::Join(Span::new(p.end, cur.start)));
            }
        }
    }
    let mut cuts = Cuts::default();
    if t.analyze(w, 0, &mut cuts, 0, true) {
        for &a in cuts.as_slice() {
            let at = cur.start + usize::from(a);
            if text.is_char_boundary(at) && at > cur.start && at < cur.end {
                edits.push(Edit::Insert(at));
            }
        }
    }
}

/// Applies sorted, non-overlapping `edits` to `text`: the new text and its
/// map back to `text`.
pub(crate) fn apply(text: &str, edits: &[Edit]) -> (String, OffsetMap) {
    let mut b = MapBuilder::with_capacity(text.len() + edits.len() * 3);
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
    b.finish(text.len())
}

