//! Quotes.

use super::Doc;
use crate::model::Extraction;

/// Finds the quotes of `doc` and adds them to `out`.
pub(crate) fn extract(doc: &Doc, out: &mut Extraction) {
    let _ = (doc, out);
}
