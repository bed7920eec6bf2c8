//! Exact numbers: digits in any script, number words, and their mixtures.

mod decimal;

pub use decimal::Decimal;
