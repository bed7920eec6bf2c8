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

    /// Replaces each range of `edits` (sorted, in offsets of the text from
    /// `from`, a char boundary of the output, to the end; empty for an
    /// insertion) by `with`, in place, and maps the result back to the
    /// original (the text from `from` ends at `orig_end` there). An edit
    /// that does not start on a char boundary after the one before is
    /// skipped. The map is the one of the edited text built apart over the
    /// tail and composed with the tail's map. `line` and `tail` are working
    /// memory. False (and nothing changed) when a replacement runs across
    /// `from`, which the character pass never makes at a line start.
    pub fn edit_tail(
        &mut self,
        from: usize,
        edits: impl Iterator<Item = Span>,
        with: &str,
        orig_end: usize,
        line: &mut String,
        tail: &mut Vec<Seg>,
    ) -> bool {
        // The first segment at or after `from` (most often one of the last
        // few); a copy running across it is cut in two there.
        let mut k = self.segs.len();
        while k > 0 && self.segs[k - 1].norm >= from {
            k -= 1;
        }
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
        // The tail and its map, taken out: the edited text replaces them.
        tail.clear();
        tail.extend(self.segs[k..].iter().map(|s| Seg { norm: s.norm - from, ..*s }));
        self.segs.truncate(k);
        line.clear();
        line.push_str(self.out.get(from..).unwrap_or(""));
        self.out.truncate(from);
        let map = MapRef { segs: tail, norm_len: line.len(), original_len: orig_end };
        let text = line.as_str();
        let mut out = TailOut { b: self, from, first: k, cursor: 0 };
        let mut at = 0usize;
        for e in edits {
            let p = e.start;
            if p < at || p > text.len() || !text.is_char_boundary(p) {
                continue;
            }
            out.copy(&map, at, &text[at..p]);
            out.replace(&map, e, with);
            at = e.end.min(text.len());
        }
        out.copy(&map, at, text.get(at..).unwrap_or(""));
        true
    }

    pub fn finish(self, original_len: usize) -> (String, OffsetMap) {
        let map = OffsetMap { segs: self.segs, norm_len: self.out.len(), original_len };
        (self.out, map)
    }
}

/// The edited text of [`MapBuilder::edit_tail`] as it is written: each
/// piece goes to the output with its segments mapped through the map of
/// the replaced tail.
struct TailOut<'a> {
    b: &'a mut MapBuilder,
    /// Where the tail starts in the output.
    from: usize,
    /// The first segment of the tail.
    first: usize,
    /// The segment of the tail's map holding the last copied offset (the
    /// copies only move forward).
    cursor: usize,
}

impl TailOut<'_> {
    /// Pushes a segment of the edited tail (`norm` from the tail's start),
    /// merged into the one before when both are copies that continue each
    /// other.
    #[inline]
    fn push(&mut self, seg: Seg) {
        let seg = Seg { norm: seg.norm + self.from, ..seg };
        if self.b.segs.len() > self.first {
            if let Some(last) = self.b.segs.last() {
                if seg.is_copy() && last.is_copy() && last.orig + (seg.norm - last.norm) == seg.orig {
                    return;
                }
            }
        }
        self.b.segs.push(seg);
    }

    /// Appends `s`, a copy of the tail from `a0`, split along the segments
    /// of the tail's map.
    fn copy(&mut self, map: &MapRef<'_>, a0: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        let norm0 = self.b.out.len() - self.from;
        let a1 = a0 + s.len();
        if a0 >= map.norm_len {
            self.push(Seg { norm: norm0, orig: map.original_len, orig_end: map.original_len });
        } else {
            // The segment holding `a0`: the last one starting at or before it.
            while self.cursor + 1 < map.segs.len() && map.segs[self.cursor + 1].norm <= a0 {
                self.cursor += 1;
            }
            let mut i = self.cursor;
            let mut a = a0;
            while a < a1 && i < map.segs.len() {
                let t = map.segs[i];
                let t_end = map.segs.get(i + 1).map_or(map.norm_len, |n| n.norm);
                let norm = norm0 + (a - a0);
                if t.is_copy() {
                    self.push(Seg { norm, orig: t.orig + (a - t.norm), orig_end: usize::MAX });
                } else {
                    self.push(Seg { norm, orig: t.orig, orig_end: t.orig_end });
                }
                a = t_end.min(a1);
                i += 1;
            }
        }
        self.b.out.push_str(s);
    }

    /// Appends `with` standing for the range `e` of the tail.
    fn replace(&mut self, map: &MapRef<'_>, e: Span, with: &str) {
        if with.is_empty() {
            return;
        }
        let mut span = map.to_original(e);
        // An insertion inside one replacement of the tail's map (a ZWNJ put
        // between the letters of ﰱ → فیش) stands for the whole of it: an
        // empty range there would run backwards.
        if e.start == e.end && e.start < map.norm_len && !map.segs.is_empty() {
            let t = map.segs[map.seg_at(e.start)];
            if !t.is_copy() && t.norm < e.start {
                span = Span::new(t.orig, t.orig_end);
            }
        }
        let norm = self.b.out.len() - self.from;
        self.push(Seg { norm, orig: span.start, orig_end: span.end });
        self.b.out.push_str(with);
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
}
