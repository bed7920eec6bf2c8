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
///
/// Displays, parses and serializes as its code:
///
/// ```
/// use khabar::Currency;
/// assert_eq!(Currency::IRT.to_string(), "IRT");
/// assert_eq!("usd".parse::<Currency>().unwrap(), Currency::USD);
/// for c in Currency::ALL {
///     assert_eq!(c.code().parse::<Currency>().unwrap(), *c);
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Currency {
    /// Iranian rial.
    IRR,
    /// Iranian toman (10 rials; not ISO 4217, the common `IRT`).
    IRT,
    /// US dollar.
    USD,
    /// Euro.
    EUR,
    /// UAE dirham.
    AED,
    /// Pound sterling.
    GBP,
    /// Chinese yuan (renminbi).
    CNY,
    /// Turkish lira.
    TRY,
    /// Russian ruble.
    RUB,
    /// Iraqi dinar.
    IQD,
    /// Saudi riyal.
    SAR,
    /// Japanese yen.
    JPY,
    /// Swiss franc.
    CHF,
    /// Indian rupee.
    INR,
    /// Kuwaiti dinar.
    KWD,
    /// Qatari riyal.
    QAR,
    /// Omani rial.
    OMR,
    /// Bahraini dinar.
    BHD,
    /// Jordanian dinar.
    JOD,
    /// Afghan afghani.
    AFN,
    /// Pakistani rupee.
    PKR,
    /// Canadian dollar.
    CAD,
    /// Australian dollar.
    AUD,
    /// Hong Kong dollar.
    HKD,
    /// Singapore dollar.
    SGD,
    /// South Korean won.
    KRW,
    /// Armenian dram.
    AMD,
    /// Azerbaijani manat.
    AZN,
    /// Turkmen manat.
    TMT,
    /// Swedish krona.
    SEK,
    /// Norwegian krone.
    NOK,
    /// Danish krone.
    DKK,
    /// Malaysian ringgit.
    MYR,
    /// Lebanese pound.
    LBP,
    /// Syrian pound.
    SYP,
    /// Egyptian pound.
    EGP,
    /// Yemeni rial.
    YER,
    /// Tajikistani somoni.
    TJS,
    /// Brazilian real.
    BRL,
    /// Moroccan dirham.
    MAD,
}

impl Currency {
    /// Every currency khabar knows.
    pub const ALL: &'static [Currency] = &[
        Currency::IRR,
        Currency::IRT,
        Currency::USD,
        Currency::EUR,
        Currency::AED,
        Currency::GBP,
        Currency::CNY,
        Currency::TRY,
        Currency::RUB,
        Currency::IQD,
        Currency::SAR,
        Currency::JPY,
        Currency::CHF,
        Currency::INR,
        Currency::KWD,
        Currency::QAR,
        Currency::OMR,
        Currency::BHD,
        Currency::JOD,
        Currency::AFN,
        Currency::PKR,
        Currency::CAD,
        Currency::AUD,
        Currency::HKD,
        Currency::SGD,
        Currency::KRW,
        Currency::AMD,
        Currency::AZN,
        Currency::TMT,
        Currency::SEK,
        Currency::NOK,
        Currency::DKK,
        Currency::MYR,
        Currency::LBP,
        Currency::SYP,
        Currency::EGP,
        Currency::YER,
        Currency::TJS,
        Currency::BRL,
        Currency::MAD,
    ];

    /// The code: `IRR`, `IRT`, `USD` ...
    pub fn code(&self) -> &'static str {
        match self {
            Currency::IRR => "IRR",
            Currency::IRT => "IRT",
            Currency::USD => "USD",
            Currency::EUR => "EUR",
            Currency::AED => "AED",
            Currency::GBP => "GBP",
            Currency::CNY => "CNY",
            Currency::TRY => "TRY",
            Currency::RUB => "RUB",
            Currency::IQD => "IQD",
            Currency::SAR => "SAR",
            Currency::JPY => "JPY",
            Currency::CHF => "CHF",
            Currency::INR => "INR",
            Currency::KWD => "KWD",
            Currency::QAR => "QAR",
            Currency::OMR => "OMR",
            Currency::BHD => "BHD",
            Currency::JOD => "JOD",
            Currency::AFN => "AFN",
            Currency::PKR => "PKR",
            Currency::CAD => "CAD",
            Currency::AUD => "AUD",
            Currency::HKD => "HKD",
            Currency::SGD => "SGD",
            Currency::KRW => "KRW",
            Currency::AMD => "AMD",
            Currency::AZN => "AZN",
            Currency::TMT => "TMT",
            Currency::SEK => "SEK",
            Currency::NOK => "NOK",
            Currency::DKK => "DKK",
            Currency::MYR => "MYR",
            Currency::LBP => "LBP",
            Currency::SYP => "SYP",
            Currency::EGP => "EGP",
            Currency::YER => "YER",
            Currency::TJS => "TJS",
            Currency::BRL => "BRL",
            Currency::MAD => "MAD",
        }
    }

    /// True for the Iranian rial and toman, which carry an amount in rials.
    pub fn is_iranian(&self) -> bool {
        matches!(self, Currency::IRR | Currency::IRT)
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Currency {
    type Err = crate::Error;

    /// Parses a code, in any letter case.
    fn from_str(s: &str) -> Result<Currency, crate::Error> {
        Ok(match s.trim().to_ascii_uppercase().as_str() {
            "IRR" => Currency::IRR,
            "IRT" => Currency::IRT,
            "USD" => Currency::USD,
            "EUR" => Currency::EUR,
            "AED" => Currency::AED,
            "GBP" => Currency::GBP,
            "CNY" => Currency::CNY,
            "TRY" => Currency::TRY,
            "RUB" => Currency::RUB,
            "IQD" => Currency::IQD,
            "SAR" => Currency::SAR,
            "JPY" => Currency::JPY,
            "CHF" => Currency::CHF,
            "INR" => Currency::INR,
            "KWD" => Currency::KWD,
            "QAR" => Currency::QAR,
            "OMR" => Currency::OMR,
            "BHD" => Currency::BHD,
            "JOD" => Currency::JOD,
            "AFN" => Currency::AFN,
            "PKR" => Currency::PKR,
            "CAD" => Currency::CAD,
            "AUD" => Currency::AUD,
            "HKD" => Currency::HKD,
            "SGD" => Currency::SGD,
            "KRW" => Currency::KRW,
            "AMD" => Currency::AMD,
            "AZN" => Currency::AZN,
            "TMT" => Currency::TMT,
            "SEK" => Currency::SEK,
            "NOK" => Currency::NOK,
            "DKK" => Currency::DKK,
            "MYR" => Currency::MYR,
            "LBP" => Currency::LBP,
            "SYP" => Currency::SYP,
            "EGP" => Currency::EGP,
            "YER" => Currency::YER,
            "TJS" => Currency::TJS,
            "BRL" => Currency::BRL,
            "MAD" => Currency::MAD,
            _ => return Err(crate::Error::Parse { what: "currency", input: s.to_string() }),
        })
    }
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
