//! Errors. Extraction itself cannot fail; only building an extractor or a
//! normalizer from custom data can.

use thiserror::Error;

/// What went wrong when building from custom data.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A lexicon line could not be used.
    #[error("lexicon {name}, line {line}: {reason}")]
    Lexicon {
        /// Which lexicon.
        name: String,
        /// 1-based line number.
        line: usize,
        /// Why the line was refused.
        reason: String,
    },
    /// A value could not be parsed from its textual form.
    #[error("cannot parse {what} from {input:?}")]
    Parse {
        /// The kind of value.
        what: &'static str,
        /// The input that was refused.
        input: String,
    },
    /// A pattern failed to compile.
    #[error("pattern: {0}")]
    Pattern(String),
}

/// `Result` with khabar's [`enum@Error`].
pub type Result<T> = std::result::Result<T, Error>;
