//! # khabar — typed records from Persian news text
//!
//! khabar (خبر, "news") reads Persian news articles as they really arrive
//! (ZWNJ stripped or spaced, Arabic ي ك, digits in three scripts) and returns
//! typed, serde-serializable records: officials, organizations, projects,
//! counts, money, percentages, dates, locations, quotes and the reporting
//! agency. Every record carries byte spans into the ORIGINAL input.
//!
//! ```
//! let input = "به گزارش خبرنگار مهر، امسال ۷۰ پروژه به ارزش بالغ بر ۳۰ هزار میلیارد ریال افتتاح شد.";
//! let out = khabar::extract(input);
//! for m in &out.money {
//!     assert_eq!(&input[m.span.start..m.span.end], m.span.text);
//! }
//! ```
//!
//! Three layers of API:
//!
//! - the free functions [`normalize()`] and [`extract()`];
//! - the reusable [`Normalizer`] and [`Extractor`] (build once, share across
//!   threads);
//! - their builders, [`NormalizerBuilder`] and [`ExtractorBuilder`].

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod error;
mod extract;
mod lexicon;
pub mod model;
pub mod normalize;
pub mod numbers;
mod span;

pub use error::{Error, Result};
pub use extract::{Extractor, ExtractorBuilder};
pub use model::*;
pub use normalize::{DigitTarget, Normalized, Normalizer, NormalizerBuilder};
pub use numbers::Decimal;
pub use span::{Span, TextSpan};

use std::sync::LazyLock;

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

static NORMALIZER: LazyLock<Normalizer> = LazyLock::new(Normalizer::new);
static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// Normalizes `input` with the default [`Normalizer`].
///
/// ```
/// let n = khabar::normalize("ميشود");
/// assert_eq!(n.as_str().replace('\u{200C}', ""), "میشود");
/// ```
pub fn normalize(input: &str) -> Normalized {
    NORMALIZER.normalize(input)
}

/// Extracts every record type from `input` with the default [`Extractor`].
pub fn extract(input: &str) -> Extraction {
    EXTRACTOR.extract(input)
}
