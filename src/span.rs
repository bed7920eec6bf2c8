//! Byte spans into the original input.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Index, Range};

/// A half-open range `start..end` of UTF-8 byte offsets.
///
/// Spans returned by khabar always point into the ORIGINAL input (not the
/// normalized text) and always lie on `char` boundaries, so
/// `&input[span]` never panics.
///
/// ```
/// use khabar::Span;
/// let input = "سلام دنیا";
/// let span = Span::new(0, 8);
/// assert_eq!(&input[span], "سلام");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range<usize>`.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// True when `other` lies entirely inside `self`.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.start..s.end
    }
}

impl Index<Span> for str {
    type Output = str;
    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// A span together with the text it covers in the original input.
///
/// Serializes as `{"start": S, "end": E, "text": T}` (SPEC.md section 2);
/// `text == &input[start..end]` always holds for records khabar returns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextSpan {
    /// First byte in the original input.
    pub start: usize,
    /// One past the last byte in the original input.
    pub end: usize,
    /// `&input[start..end]`.
    pub text: String,
}

impl TextSpan {
    /// Builds the record for `span` of `input`.
    ///
    /// # Panics
    ///
    /// Panics if `span` is out of bounds or not on `char` boundaries of
    /// `input`; khabar only calls it with spans from its offset map.
    pub fn of(input: &str, span: Span) -> TextSpan {
        TextSpan { start: span.start, end: span.end, text: input[span].to_string() }
    }

    /// The byte range without the text.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}
