//! Normalization of Persian text as it really arrives, with an offset map.
//!
//! One pass over the input unifies letters (ي ى → ی, ك → ک, ة ۀ → ه), digits
//! (optionally), spaces (NBSP and friends), drops harakat, tatweel and
//! invisible format characters, decomposes presentation forms, cleans ZWNJ
//! noise (doubled, beside spaces, after non-joining letters; LRM/RLM/ZWJ used
//! in place of a ZWNJ) and splits digits glued to words. A second pass
//! restores missing ZWNJ (see [`zwnj`](self)). Every byte of the result maps
//! back to the original input through [`Normalized::to_original`].

pub(crate) mod chars;
pub(crate) mod map;
pub(crate) mod zwnj;

use crate::span::Span;
pub use chars::ZWNJ;
use chars::{action, digit_value, is_non_joining, is_persian_letter, is_plain, Action};
use map::{MapBuilder, OffsetMap};

/// Common Persian letters in U+0600..U+06FF, by the low bits of their two
/// UTF-8 bytes: what the character pass does with them. 0: not plain (the
/// slow path decides); 1: copied unchanged; 2: becomes ی; 3: becomes ک.
/// Arabic ي ى ك keep their length and joining, so they are replaced in
/// place; ة is left to the slow path when letters are unified.
static PLAIN_UNIFY: [u8; 256] = plain_table(true);
/// [`PLAIN_UNIFY`] when letters are kept as written.
static PLAIN_KEEP: [u8; 256] = plain_table(false);

/// The letters of [`PLAIN_UNIFY`] copied unchanged (1), as one bit per
/// pair of UTF-8 bytes read as a little-endian `u16` (bit `u & 63` of word
/// `u >> 6`): the fast path tests a letter with one lookup.
static SAME_UNIFY: [u64; 1024] = same_pairs(&PLAIN_UNIFY);
/// [`SAME_UNIFY`] when letters are kept as written.
static SAME_KEEP: [u64; 1024] = same_pairs(&PLAIN_KEEP);

const fn same_pairs(plain: &[u8; 256]) -> [u64; 1024] {
    let mut t = [0u64; 1024];
    let mut k = 0;
    while k < 256 {
        if plain[k] == 1 {
            // U+0600 + k in UTF-8: 110110xx 10xxxxxx.
            let u = (0xD8 | (k >> 6)) | ((0x80 | (k & 0x3F)) << 8);
            t[u >> 6] |= 1 << (u & 63);
        }
        k += 1;
    }
    t
}

const fn plain_table(unify: bool) -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut k = 0;
    while k < 256 {
        let cp = 0x600 + k as u32;
        let plain = matches!(cp, 0x0621..=0x063A | 0x0641..=0x064A | 0x067E | 0x0686 | 0x0698 | 0x06A9 | 0x06AF | 0x06CC);
        t[k] = match cp {
            _ if !plain => 0,
            0x0649 | 0x064A if unify => 2,
            0x0643 if unify => 3,
            0x0629 if unify => 0,
            _ => 1,
        };
        k += 1;
    }
    t
}

/// Which script digits are written in after normalization.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DigitTarget {
    /// Leave every digit as written.
    #[default]
    Keep,
    /// Persian digits ۰-۹.
    Persian,
    /// ASCII digits 0-9.
    Ascii,
}

/// Normalized text and the map back to the original input.
///
/// ```
/// use khabar::{normalize, Span};
/// let input = "ميليارد ريال";
/// let n = normalize(input);
/// assert_eq!(n.as_str(), "میلیارد ریال");
/// // "ریال" in the normalized text is bytes 15..23; in the input too
/// // (ي and ی are both two bytes).
/// let orig = n.to_original(Span::new(15, 23));
/// assert_eq!(&input[orig], "ريال");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    map: OffsetMap,
}

impl Normalized {
    /// The normalized text.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The normalized text, by value.
    pub fn into_string(self) -> String {
        self.text
    }

    /// Length of the original input in bytes.
    pub fn original_len(&self) -> usize {
        self.map.original_len()
    }

    /// The byte range of the ORIGINAL input that the normalized range `span`
    /// came from. The result lies on `char` boundaries of the input; offsets
    /// beyond the normalized text are clamped to its end. Monotone: a later
    /// start never maps before an earlier one.
    pub fn to_original(&self, span: Span) -> Span {
        let s = Span::new(span.start.min(self.text.len()), span.end.min(self.text.len()));
        self.map.to_original(s)
    }
}

impl std::fmt::Display for Normalized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl AsRef<str> for Normalized {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Options {
    digits: DigitTarget,
    unify_letters: bool,
    repair_zwnj: bool,
    split_glued_digits: bool,
    collapse_spaces: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            digits: DigitTarget::Keep,
            unify_letters: true,
            repair_zwnj: true,
            split_glued_digits: true,
            collapse_spaces: true,
        }
    }
}

/// A reusable normalizer. Cheap to clone; its tables are built once per
/// process and shared.
///
/// ```
/// use khabar::{DigitTarget, Normalizer};
/// let n = Normalizer::builder().digits(DigitTarget::Ascii).build();
/// assert_eq!(n.normalize("۱۴۰۳/۰۵/۱۲").as_str(), "1403/05/12");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Normalizer {
    opts: Options,
}

/// Configures a [`Normalizer`].
#[derive(Clone, Debug, Default)]
pub struct NormalizerBuilder {
    opts: Options,
}

impl NormalizerBuilder {
    /// Starts from the defaults: digits kept, everything else on.
    pub fn new() -> NormalizerBuilder {
        NormalizerBuilder::default()
    }

    /// The script digits are converted to (default: kept as written).
    pub fn digits(&mut self, target: DigitTarget) -> &mut NormalizerBuilder {
        self.opts.digits = target;
        self
    }

    /// Unify Arabic letter variants with the Persian ones (default: on).
    pub fn unify_letters(&mut self, yes: bool) -> &mut NormalizerBuilder {
        self.opts.unify_letters = yes;
        self
    }

    /// Restore missing ZWNJ from the lexicons (default: on). ZWNJ noise is
    /// cleaned either way.
    pub fn repair_zwnj(&mut self, yes: bool) -> &mut NormalizerBuilder {
        self.opts.repair_zwnj = yes;
        self
    }

    /// Put a space between digits and letters written together, as in
    /// `۲۴شهریورماه` (default: on).
    pub fn split_glued_digits(&mut self, yes: bool) -> &mut NormalizerBuilder {
        self.opts.split_glued_digits = yes;
        self
    }

    /// Collapse runs of spaces into one (default: on).
    pub fn collapse_spaces(&mut self, yes: bool) -> &mut NormalizerBuilder {
        self.opts.collapse_spaces = yes;
        self
    }

    /// The configured normalizer.
    pub fn build(&self) -> Normalizer {
        Normalizer { opts: self.opts }
    }
}

impl Normalizer {
    /// A normalizer with the default options.
    pub fn new() -> Normalizer {
        Normalizer::default()
    }

    /// A builder to configure one.
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder::new()
    }

    /// Normalizes `input`. Never fails and never panics.
    pub fn normalize(&self, input: &str) -> Normalized {
        let (text, map) = self.clean(input);
        Normalized { text, map }
    }

    /// Restores the missing ZWNJ of the line written from `from` to the end
    /// of `b` (the original up to `orig_end`), in place.
    ///
    /// The line-level style guard of the repair (an author who writes
    /// affixes apart keeps his glued words) reads evidence that the repair
    /// itself changes, so a line where it held words back is repaired again
    /// until nothing changes: the result is a fixed point, and normalizing
    /// it again is a no-op. Lines where the guard did not act are final
    /// after one pass.
    fn repair_line(b: &mut MapBuilder, from: usize, orig_end: usize, scratch: &mut zwnj::Scratch) {
        for _ in 0..4 {
            scratch.edits.clear();
            let Some(line) = b.out.get(from..) else { return };
            let guarded = zwnj::repair(line, scratch);
            if scratch.edits.is_empty() {
                return;
            }
            let edits = scratch.edits.iter().map(zwnj::Edit::span);
            if !b.edit_tail(from, edits, "\u{200C}", orig_end, &mut scratch.line, &mut scratch.segs)
                || !guarded
            {
                return;
            }
        }
    }

    /// The character pass.
    fn clean(&self, input: &str) -> (String, OffsetMap) {
        let o = self.opts;
        let mut b = MapBuilder::with_capacity(input.len() + input.len() / 16);
        let mut last: Option<char> = None;
        // A run of ZWNJ-like marks waiting for the next letter to decide.
        let mut pending: Option<Span> = None;
        // Start of a run of unchanged input not yet copied.
        let mut run = 0usize;
        let mut compat = String::new();
        let bytes = input.as_bytes();
        let plain = if o.unify_letters { &PLAIN_UNIFY } else { &PLAIN_KEEP };
        let same = if o.unify_letters { &SAME_UNIFY } else { &SAME_KEEP };
        let mut next = 0usize;
        // The ZWNJ repair runs on each line as soon as it is written, while
        // it is in cache, and rewrites it in place.
        let mut line_start = 0usize;
        let mut scratch = if o.repair_zwnj { zwnj::Scratch::take() } else { zwnj::Scratch::default() };
        while next < bytes.len() {
            if last == Some('\n') && o.repair_zwnj && b.out.len() + (next - run) > line_start {
                b.copy(run, &input[run..next]);
                run = next;
                Self::repair_line(&mut b, line_start, next, &mut scratch);
                line_start = b.out.len();
            }
            // Fastest path: a run of bytes of plain ASCII and common Persian
            // letters, with nothing pending and no digit before it.
            if pending.is_none() && last.is_none_or(|l| digit_value(l).is_none()) {
                let start = next;
                // The byte before `next` is a space (a second one is collapsed).
                let mut after_space = last == Some(' ');
                loop {
                    // Letters, two bytes at a time.
                    let letters = next;
                    loop {
                        // Letters that stay as they are: one bit test each.
                        for c in bytes.get(next..).unwrap_or_default().chunks_exact(2) {
                            let u = u16::from_le_bytes(c.try_into().unwrap_or_default());
                            if (same[usize::from(u >> 6)] >> (u & 63)) & 1 == 0 {
                                break;
                            }
                            next += 2;
                        }
                        // A letter replaced in place (ي → ی, ك → ک), or the
                        // end of the run.
                        let Some(&[b0, b1]) = bytes.get(next..next + 2) else { break };
                        let k = plain[(usize::from(b0 & 3) << 6) | usize::from(b1 & 0x3F)];
                        if b0 & 0xFC != 0xD8 || k < 2 {
                            break;
                        }
                        b.copy(run, &input[run..next]);
                        b.copy(next, if k == 2 { "ی" } else { "ک" });
                        run = next + 2;
                        next += 2;
                    }
                    if next > letters {
                        after_space = false;
                    }
                    // Then one ASCII char other than a digit, a tab or a
                    // second space.
                    match bytes.get(next) {
                        Some(b' ') if !after_space => after_space = true,
                        Some(&c) if c < 0x80 && !matches!(c, b' ' | b'\t' | b'\n' | b'0'..=b'9') => {
                            after_space = false
                        }
                        _ => break,
                    }
                    next += 1;
                }
                if next > start {
                    last = input[..next].chars().next_back();
                    if next >= bytes.len() {
                        break;
                    }
                }
            }
            let i = next;
            let Some(c) = input[i..].chars().next() else { break };
            next = i + c.len_utf8();
            // Fast path: a char that stays as it is and needs no decision
            // (most of any text).
            if pending.is_none() {
                let plain = match c {
                    ' ' => last != Some(' '),
                    _ => is_plain(c, o.unify_letters) && last.is_none_or(|l| digit_value(l).is_none()),
                };
                if plain {
                    last = Some(c);
                    continue;
                }
            }
            let len = c.len_utf8();
            let mut act = action(c, o.unify_letters);
            if c == ' ' {
                act = Action::Space;
            }
            if let Some(v) = digit_value(c) {
                let want = match o.digits {
                    DigitTarget::Keep => c,
                    DigitTarget::Persian => char::from_u32(0x06F0 + v).unwrap_or(c),
                    DigitTarget::Ascii => char::from_u32('0' as u32 + v).unwrap_or(c),
                };
                if want != c {
                    act = Action::Map(want);
                }
            }
            // Fast path: an unchanged char with nothing pending around it.
            let out_char = match act {
                Action::Keep => c,
                Action::Map(m) => m,
                Action::Space => ' ',
                Action::Drop => {
                    b.copy(run, &input[run..i]);
                    run = i + len;
                    continue;
                }
                Action::Joiner => {
                    b.copy(run, &input[run..i]);
                    run = i + len;
                    pending = Some(match pending {
                        Some(p) => Span::new(p.start, i + len),
                        None => Span::new(i, i + len),
                    });
                    continue;
                }
                Action::Compat => {
                    compat.clear();
                    unicode_normalization::char::decompose_compatible(c, |d| {
                        match action(d, o.unify_letters) {
                            Action::Keep | Action::Compat => compat.push(d),
                            Action::Map(m) => compat.push(m),
                            Action::Space => compat.push(' '),
                            Action::Drop | Action::Joiner => {}
                        }
                    });
                    match compat.chars().next() {
                        Some(first) => first,
                        None => {
                            b.copy(run, &input[run..i]);
                            run = i + len;
                            continue;
                        }
                    }
                }
            };
            // Decide on a pending joiner now that the next char is known.
            if let Some(p) = pending.take() {
                let joins = matches!(last, Some(l) if is_persian_letter(l) && !is_non_joining(l))
                    && is_persian_letter(out_char);
                if joins {
                    // Only dropped chars lie between the marks and `i`, so
                    // everything before the marks is already copied.
                    b.copy(run, &input[run..i]);
                    run = i;
                    if &input[p.start..p.end] == "\u{200C}" {
                        b.copy(p.start, "\u{200C}");
                    } else {
                        b.replace_char(p, ZWNJ);
                    }
                    last = Some(ZWNJ);
                }
            }
            if out_char == ' ' {
                if o.collapse_spaces && last == Some(' ') {
                    b.copy(run, &input[run..i]);
                    run = i + len;
                    continue;
                }
            } else if o.split_glued_digits {
                if let Some(l) = last {
                    let glued = (digit_value(l).is_some() && is_persian_letter(out_char))
                        || (is_persian_letter(l) && digit_value(out_char).is_some());
                    if glued {
                        b.copy(run, &input[run..i]);
                        run = i;
                        b.replace(Span::new(i, i), " ");
                    }
                }
            }
            match act {
                Action::Keep => {}
                Action::Compat => {
                    b.copy(run, &input[run..i]);
                    b.replace(Span::new(i, i + len), &compat);
                    run = i + len;
                    last = compat.chars().last();
                    continue;
                }
                _ if out_char == c => {}
                _ => {
                    b.copy(run, &input[run..i]);
                    b.replace_char(Span::new(i, i + len), out_char);
                    run = i + len;
                }
            }
            last = Some(out_char);
        }
        b.copy(run, &input[run..]);
        if o.repair_zwnj {
            if b.out.len() > line_start {
                Self::repair_line(&mut b, line_start, input.len(), &mut scratch);
            }
            scratch.give();
        }
        b.finish(input.len())
    }
}
