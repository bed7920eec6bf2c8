//! Dates.

use crate::span::TextSpan;
use serde::{Deserialize, Serialize};

/// A date, a named day or a relative time expression.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DateMention {
    /// Which calendar the date is written in.
    pub calendar: Option<Calendar>,
    /// Year, in that calendar.
    pub year: Option<i32>,
    /// Month 1-12.
    pub month: Option<u8>,
    /// Day of the month.
    pub day: Option<u8>,
    /// Day of the week.
    pub weekday: Option<Weekday>,
    /// امروز, دیروز, امسال ...
    pub relative: Option<Relative>,
    /// Where it is written.
    pub span: TextSpan,
}

/// A calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Calendar {
    /// The Solar Hijri calendar of Iran.
    Jalali,
    /// The Gregorian calendar.
    Gregorian,
    /// The lunar Hijri calendar.
    Hijri,
}

/// A day of the week.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Weekday {
    Saturday,
    Sunday,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
}

/// A time relative to the article's own date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Relative {
    Today,
    Yesterday,
    Tomorrow,
    ThisYear,
    LastYear,
    NextYear,
}
