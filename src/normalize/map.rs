//! The offset map from normalized text back to the original input.
//!
//! Most of a normalized text is a byte-for-byte copy of the input, so the map
//! is stored as segments: a *copy* segment maps a run of normalized bytes
//! one-to-one onto the same bytes of the input; a *replacement* segment maps
//! one normalized string (a unified letter, an inserted ZWNJ or space) onto a
//! whole original range. Memory is proportional to the number of edits, not
//! to the size of the text, and a lookup is a binary search.

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Seg {
    /// Where the segment starts in the normalized text.
    pub norm: usize,
    /// Where it starts in the original.
    pub orig: usize,
    /// For replacements, where it ends in the original; `usize::MAX` for copies.
    pub orig_end: usize,
}

impl Seg {
    #[inline]
    fn is_copy(&self) -> bool {
        self.orig_end == usize::MAX
    }
}

/// Builds a normalized string and its map in one pass.
#[derive(Debug, Default)]
pub(crate) struct MapBuilder {
    pub out: String,
    pub segs: Vec<Seg>,
}

impl MapBuilder {
    pub fn with_capacity(n: usize) -> MapBuilder {
        MapBuilder { out: String::with_capacity(n), segs: Vec::new() }
    }

    /// Appends `s`, an unchanged copy of the original at `orig`.
    #[inline]
    pub fn copy(&mut self, orig: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        let extend = match self.segs.last() {
            Some(last) => last.is_copy() && last.orig + (self.out.len() - last.norm) == orig,
            None => false,
        };
        if !extend {
            self.segs.push(Seg { norm: self.out.len(), orig, orig_end: usize::MAX });
        }
        self.out.push_str(s);
    }

    /// Appends `s` standing for the original range `orig` (which may be
    /// empty, for an insertion).
    #[inline]
    pub fn replace(&mut self, orig: Span, s: &str) {
        if s.is_empty() {
            return;
        }
        self.segs.push(Seg { norm: self.out.len(), orig: orig.start, orig_end: orig.end });
        self.out.push_str(s);
    }

    /// Appends one char standing for the original range `orig`. A char of
    /// the same length as the range (ي → ی, ۴ → ٤) maps byte for byte, like a
    /// copy: Arabic-spelled text then costs no segment per letter.
    #[inline]
    pub fn replace_char(&mut self, orig: Span, c: char) {
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        if s.len() == orig.len() {
            self.copy(orig.start, s);
        } else {
            self.segs.push(Seg { norm: self.out.len(), orig: orig.start, orig_end: orig.end });
            self.out.push_str(s);
        }
    }

    /// Replaces the text from `from` (a char boundary of the output) to the
    /// end by the text of `inner`, built over the replaced text; the replaced
    /// text ends at `orig_end` in the original. `scratch` is working memory.
    /// False (and nothing changed) when a replacement runs across `from`,
    /// which the character pass never makes at a line start.
    pub fn rewrite_tail(
        &mut self,
        from: usize,
        inner: &MapBuilder,
        orig_end: usize,
        scratch: &mut Vec<Seg>,
    ) -> bool {
        // The first segment at or after `from`; a copy running across it
        // is cut in two there.
        let k = self.segs.partition_point(|s| s.norm < from);
        if k > 0 {
            let s = self.segs[k - 1];
            let end = self.segs.get(k).map_or(self.out.len(), |n| n.norm);
            if end > from {
                if !s.is_copy() {
                    return false;
                }
                self.segs.insert(k, Seg { norm: from, orig: s.orig + (from - s.norm), orig_end: usize::MAX });
            }
        } else if self.segs.first().is_none_or(|s| s.norm > from) {
            return false;
        }
        for s in &mut self.segs[k..] {
            s.norm -= from;
        }
        let tail = MapRef { segs: &self.segs[k..], norm_len: self.out.len() - from, original_len: orig_end };
        scratch.clear();
        tail.compose_into(&inner.segs, inner.out.len(), scratch);
        self.segs.truncate(k);
        self.segs.extend(scratch.iter().map(|s| Seg { norm: s.norm + from, ..*s }));
        self.out.truncate(from);
        self.out.push_str(&inner.out);
        true
    }

    pub fn finish(self, original_len: usize) -> (String, OffsetMap) {
        let map = OffsetMap { segs: self.segs, norm_len: self.out.len(), original_len };
        (self.out, map)
    }
}

/// Maps byte offsets of a normalized text back to the original input.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct OffsetMap {
    segs: Vec<Seg>,
    norm_len: usize,
    original_len: usize,
}

/// A borrowed offset map (a whole [`OffsetMap`] or the tail of a builder).
#[derive(Clone, Copy, Debug)]
struct MapRef<'a> {
    segs: &'a [Seg],
    norm_len: usize,
    original_len: usize,
}

impl OffsetMap {
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    #[inline]
    fn view(&self) -> MapRef<'_> {
        MapRef { segs: &self.segs, norm_len: self.norm_len, original_len: self.original_len }
    }

    /// The original range of the normalized range `span`.
    pub fn to_original(&self, span: Span) -> Span {
        self.view().to_original(span)
    }
}

impl MapRef<'_> {
    /// Index of the segment holding normalized byte `pos` (`pos < norm_len`).
    #[inline]
    fn seg_at(&self, pos: usize) -> usize {
        match self.segs.binary_search_by(|s| s.norm.cmp(&pos)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Original offset where the normalized byte `pos` starts.
    fn start_of(&self, pos: usize) -> usize {
        if pos >= self.norm_len || self.segs.is_empty() {
            return self.original_len;
        }
        let s = self.segs[self.seg_at(pos)];
        if s.is_copy() {
            s.orig + (pos - s.norm)
        } else {
            s.orig
        }
    }

    /// Original offset where the normalized range ending at `end` (exclusive) ends.
    fn end_of(&self, end: usize) -> usize {
        if end == 0 || self.segs.is_empty() {
            return if self.segs.is_empty() { 0 } else { self.start_of(0) };
        }
        let end = end.min(self.norm_len);
        let s = self.segs[self.seg_at(end - 1)];
        if s.is_copy() {
            s.orig + (end - s.norm)
        } else {
            s.orig_end
        }
    }

    /// The original range of the normalized range `span`.
    fn to_original(self, span: Span) -> Span {
        if span.is_empty() {
            let p = self.start_of(span.start);
            return Span::new(p, p);
        }
        let start = self.start_of(span.start);
        let end = self.end_of(span.end);
        Span::new(start, end.max(start))
    }

    /// Composes `self` (text A → original) with the segments `inner` of a
    /// text B of `inner_len` bytes built over A: pushes the segments of
    /// B → original onto `segs`.
    fn compose_into(&self, inner: &[Seg], inner_len: usize, segs: &mut Vec<Seg>) {
        let first = segs.len();
        for (k, s) in inner.iter().enumerate() {
            let next_norm = inner.get(k + 1).map_or(inner_len, |n| n.norm);
            if s.is_copy() {
                // A run of B copied from A[s.orig .. s.orig + len]: split it
                // along the segments of `self`.
                let len = next_norm - s.norm;
                let (a0, a1) = (s.orig, s.orig + len);
                if a0 >= self.norm_len {
                    segs.push(Seg { norm: s.norm, orig: self.original_len, orig_end: self.original_len });
                    continue;
                }
                let mut i = self.seg_at(a0);
                let mut a = a0;
                while a < a1 && i < self.segs.len() {
                    let t = self.segs[i];
                    let t_end = self.segs.get(i + 1).map_or(self.norm_len, |n| n.norm);
                    let piece_end = t_end.min(a1);
                    let norm = s.norm + (a - a0);
                    if t.is_copy() {
                        segs.push(Seg { norm, orig: t.orig + (a - t.norm), orig_end: usize::MAX });
                    } else {
                        segs.push(Seg { norm, orig: t.orig, orig_end: t.orig_end });
                    }
                    a = piece_end;
                    i += 1;
                }
            } else {
                let mut span = self.to_original(Span::new(s.orig, s.orig_end));
                // An insertion inside one replacement of `self` (a ZWNJ put
                // between the letters of ﰱ → فیش) stands for the whole of
                // it: an empty range there would run backwards.
                if s.orig == s.orig_end && s.orig < self.norm_len && !self.segs.is_empty() {
                    let t = self.segs[self.seg_at(s.orig)];
                    if !t.is_copy() && t.norm < s.orig {
                        span = Span::new(t.orig, t.orig_end);
                    }
                }
                segs.push(Seg { norm: s.norm, orig: span.start, orig_end: span.end });
            }
        }
        // Merge adjacent copies that continue each other, in place.
        let mut k = first;
        for j in first..segs.len() {
            let s = segs[j];
            if k > first {
                let last = segs[k - 1];
                if s.is_copy() && last.is_copy() && last.orig + (s.norm - last.norm) == s.orig {
                    continue;
                }
            }
            segs[k] = s;
            k += 1;
        }
        segs.truncate(k);
    }
}
