//! Money, counts, percentages and quantities.

use crate::numbers::Decimal;
use crate::span::TextSpan;
use serde::{Deserialize, Serialize};

/// An amount of money.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Money {
    /// The amount in `currency`, exact.
    pub amount: Decimal,
    /// The currency.
    pub currency: Currency,
    /// The amount in rials when the currency is IRR or IRT.
    pub rials: Option<Decimal>,
    /// The upper bound of a range (`۱۰ تا ۱۲ میلیارد`).
    pub max_amount: Option<Decimal>,
    /// بالغ بر, حدود, بیش از ...
    pub qualifier: Option<Qualifier>,
    /// Where it is written.
    pub span: TextSpan,
}

/// A currency, by ISO 4217 code where one exists (`IRT` for toman).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Currency {
    /// Iranian rial.
    IRR,
    /// Iranian toman (10 rials).
    IRT,
    /// US dollar.
    USD,
    /// Euro.
    EUR,
}

/// How an amount is hedged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// حدود, نزدیک به, تقریباً
    About,
    /// بالغ بر, بیش از
    Over,
    /// کمتر از
    Under,
    /// حداقل
    AtLeast,
    /// تا, حداکثر
    UpTo,
}

/// A number of things: `۷۰ پروژه`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Count {
    /// How many.
    pub value: u64,
    /// The counted noun as written (normalized).
    pub noun: String,
    /// Where it is written.
    pub span: TextSpan,
}

/// A percentage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Percentage {
    /// The value, exact.
    pub value: Decimal,
    /// The upper bound of a range.
    pub max_value: Option<Decimal>,
    /// Where it is written.
    pub span: TextSpan,
}

/// A measurement with a unit: `۲۰ کیلومتر` (extension beyond SPEC.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quantity {
    /// The value, exact.
    pub value: Decimal,
    /// The unit as written (normalized).
    pub unit: String,
    /// Where it is written.
    pub span: TextSpan,
}
