//! Dates: the [`DateMention`] record and the validated calendar values
//! [`JalaliDate`] and [`GregorianDate`].

use crate::span::TextSpan;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A date, a named day or a relative time expression.
///
/// ```
/// use khabar::{Calendar, Relative};
/// let input = "روز سه‌شنبه ۲۴ شهریور ۱۴۰۳ و امسال";
/// let out = khabar::extract(input);
/// let d = &out.dates[0];
/// assert_eq!(d.calendar, Some(Calendar::Jalali));
/// assert_eq!((d.year, d.month, d.day), (Some(1403), Some(6), Some(24)));
/// assert_eq!(d.gregorian.map(|g| g.to_string()).as_deref(), Some("2024-09-14"));
/// assert_eq!(out.dates[1].relative, Some(Relative::ThisYear));
/// ```
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
    /// The same day in the Gregorian calendar, when the mention is a complete
    /// Jalali or Gregorian date (extension beyond SPEC.md).
    #[serde(default)]
    pub gregorian: Option<GregorianDate>,
    /// Where it is written.
    pub span: TextSpan,
}

impl DateMention {
    /// The Jalali day this mention names, when it is a complete Jalali date.
    ///
    /// ```
    /// let out = khabar::extract("جلسه ۱۵ تیر ۱۴۰۳ برگزار شد.");
    /// let d = out.dates[0].jalali().unwrap();
    /// assert_eq!(d.to_string(), "1403/04/15");
    /// assert_eq!(d.to_gregorian().to_string(), "2024-07-05");
    /// ```
    pub fn jalali(&self) -> Option<JalaliDate> {
        match (self.calendar, self.year, self.month, self.day) {
            (Some(Calendar::Jalali), Some(y), Some(m), Some(d)) => JalaliDate::new(y, m, d).ok(),
            _ => None,
        }
    }
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
pub enum Relative {
    /// امروز, امشب
    Today,
    /// دیروز, روز گذشته, دیشب
    Yesterday,
    /// فردا
    Tomorrow,
    /// پریروز
    DayBeforeYesterday,
    /// پس‌فردا
    DayAfterTomorrow,
    /// این هفته, هفته جاری
    ThisWeek,
    /// هفته گذشته, هفته قبل
    LastWeek,
    /// هفته آینده, هفته بعد
    NextWeek,
    /// این ماه, ماه جاری
    ThisMonth,
    /// ماه گذشته, ماه قبل
    LastMonth,
    /// ماه آینده
    NextMonth,
    /// امسال, سال جاری
    ThisYear,
    /// سال گذشته, پارسال
    LastYear,
    /// سال آینده, سال بعد
    NextYear,
    /// اکنون, تاکنون, در حال حاضر
    Now,
    /// A span of time before now: ۳ سال پیش, دو ماه گذشته, سال‌های اخیر.
    Past,
    /// A span of time after now: ۵ سال آینده, دو هفته دیگر.
    Future,
}

/// The error of building a [`JalaliDate`] or [`GregorianDate`] from parts
/// or text that do not name a day of the calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    msg: &'static str,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.msg)
    }
}

impl std::error::Error for DateError {}

const fn err(msg: &'static str) -> DateError {
    DateError { msg }
}

/// A day of the Solar Hijri (Jalali) calendar of Iran, always valid.
///
/// Month lengths follow the calendar (31 days for months 1-6, 30 for 7-11,
/// 29 or 30 for Esfand in leap years); leap years follow the astronomical
/// calendar as tabulated by Borkowski's break-year algorithm (the one used by
/// jalaali-js), accurate for the years of modern news.
///
/// Displays and parses as `YYYY/MM/DD`; serializes as that string.
///
/// ```
/// use khabar::JalaliDate;
/// let d = JalaliDate::new(1403, 1, 1).unwrap();
/// assert_eq!(d.to_gregorian().to_string(), "2024-03-20");
/// assert_eq!(d.to_string(), "1403/01/01");
/// assert_eq!("1403/01/01".parse::<JalaliDate>(), Ok(d));
/// assert!(JalaliDate::new(1403, 7, 31).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JalaliDate {
    year: i32,
    month: u8,
    day: u8,
}

/// A day of the (proleptic) Gregorian calendar, always valid.
///
/// Displays and parses as ISO 8601 `YYYY-MM-DD`; serializes as that string.
///
/// ```
/// use khabar::GregorianDate;
/// let d = GregorianDate::new(2025, 3, 21).unwrap();
/// assert_eq!(d.to_jalali().unwrap().to_string(), "1404/01/01");
/// assert_eq!("2025-03-21".parse::<GregorianDate>(), Ok(d));
/// assert!(GregorianDate::new(2023, 2, 29).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GregorianDate {
    year: i32,
    month: u8,
    day: u8,
}

/// First and last Jalali year the leap-year tables cover.
const JALALI_MIN_YEAR: i32 = 1;
const JALALI_MAX_YEAR: i32 = 3177;
/// Borkowski's break years of the 33-year leap cycles.
const BREAKS: [i32; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456,
    3178,
];

/// Integer division and remainder truncating toward zero, as in the
/// reference algorithm.
#[inline]
fn div(a: i64, b: i64) -> i64 {
    a / b
}
#[inline]
fn rem(a: i64, b: i64) -> i64 {
    a % b
}

/// For Jalali year `jy`: whether it is leap, and the day of March
/// (Gregorian year `jy + 621`) on which it begins.
fn jal_cal(jy: i32) -> (bool, i32) {
    let jy = i64::from(jy);
    let gy = jy + 621;
    let mut leap_j: i64 = -14;
    let mut jp = i64::from(BREAKS[0]);
    let mut jump = 0i64;
    for &b in &BREAKS[1..] {
        let jm = i64::from(b);
        jump = jm - jp;
        if jy < jm {
            break;
        }
        leap_j += div(jump, 33) * 8 + div(rem(jump, 33), 4);
        jp = jm;
    }
    let mut n = jy - jp;
    leap_j += div(n, 33) * 8 + div(rem(n, 33) + 3, 4);
    if rem(jump, 33) == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = div(gy, 4) - div((div(gy, 100) + 1) * 3, 4) - 150;
    let march = 20 + leap_j - leap_g;
    if jump - n < 6 {
        n = n - jump + div(jump + 4, 33) * 33;
    }
    let mut leap = rem(rem(n + 1, 33) - 1, 4);
    if leap == -1 {
        leap = 4;
    }
    (leap == 0, march as i32)
}

/// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// The Gregorian date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i32, u8, u8) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ((y + i64::from(m <= 2)) as i32, m, d)
}

fn is_gregorian_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

impl JalaliDate {
    /// The day `day` of month `month` (1 = Farvardin ... 12 = Esfand) of
    /// `year`.
    ///
    /// # Errors
    ///
    /// When the year is outside 1..=3177, the month outside 1..=12 or the
    /// day outside the month (31 for months 1-6, 30 for 7-11, 29 for
    /// Esfand, 30 in leap years).
    pub fn new(year: i32, month: u8, day: u8) -> Result<JalaliDate, DateError> {
        if !(JALALI_MIN_YEAR..=JALALI_MAX_YEAR).contains(&year) {
            return Err(err("Jalali year out of range 1..=3177"));
        }
        if !(1..=12).contains(&month) {
            return Err(err("month out of range 1..=12"));
        }
        if day == 0 || day > Self::month_len(year, month) {
            return Err(err("day out of range for the month"));
        }
        Ok(JalaliDate { year, month, day })
    }

    /// True when `year` has 366 days (Esfand has 30).
    pub fn is_leap_year(year: i32) -> bool {
        (JALALI_MIN_YEAR..=JALALI_MAX_YEAR).contains(&year) && jal_cal(year).0
    }

    /// Days in `month` of `year` (0 when the month is not 1..=12).
    pub fn month_len(year: i32, month: u8) -> u8 {
        match month {
            1..=6 => 31,
            7..=11 => 30,
            12 if Self::is_leap_year(year) => 30,
            12 => 29,
            _ => 0,
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 (Farvardin) to 12 (Esfand).
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01.
    fn epoch_days(self) -> i64 {
        let (_, march) = jal_cal(self.year);
        let start = days_from_civil(self.year + 621, 3, 1) + i64::from(march) - 1;
        let m = i64::from(self.month) - 1;
        let before = if m < 6 { m * 31 } else { 186 + (m - 6) * 30 };
        start + before + i64::from(self.day) - 1
    }

    /// The same day in the Gregorian calendar.
    pub fn to_gregorian(self) -> GregorianDate {
        let (year, month, day) = civil_from_days(self.epoch_days());
        GregorianDate { year, month, day }
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        self.to_gregorian().weekday()
    }
}

impl GregorianDate {
    /// The day `day` of month `month` of `year`.
    ///
    /// # Errors
    ///
    /// When the year is outside 1..=9999, the month outside 1..=12 or the
    /// day outside the month.
    pub fn new(year: i32, month: u8, day: u8) -> Result<GregorianDate, DateError> {
        if !(1..=9999).contains(&year) {
            return Err(err("Gregorian year out of range 1..=9999"));
        }
        if !(1..=12).contains(&month) {
            return Err(err("month out of range 1..=12"));
        }
        if day == 0 || day > Self::month_len(year, month) {
            return Err(err("day out of range for the month"));
        }
        Ok(GregorianDate { year, month, day })
    }

    /// Days in `month` of `year` (0 when the month is not 1..=12).
    pub fn month_len(year: i32, month: u8) -> u8 {
        match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if is_gregorian_leap(year) => 29,
            2 => 28,
            _ => 0,
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        const ORDER: [Weekday; 7] = [
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
        ];
        let d = days_from_civil(self.year, self.month, self.day).rem_euclid(7);
        ORDER[d as usize]
    }

    /// The same day in the Jalali calendar, or `None` outside the years
    /// the Jalali tables cover.
    pub fn to_jalali(self) -> Option<JalaliDate> {
        let days = days_from_civil(self.year, self.month, self.day);
        let mut jy = self.year - 621;
        for _ in 0..2 {
            if !(JALALI_MIN_YEAR..=JALALI_MAX_YEAR).contains(&jy) {
                return None;
            }
            let first = JalaliDate { year: jy, month: 1, day: 1 }.epoch_days();
            if days >= first {
                let k = days - first;
                let (month, day) =
                    if k < 186 { (k / 31 + 1, k % 31 + 1) } else { ((k - 186) / 30 + 7, (k - 186) % 30 + 1) };
                return JalaliDate::new(jy, month as u8, day as u8).ok();
            }
            jy -= 1;
        }
        None
    }
}

impl fmt::Display for JalaliDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}/{:02}/{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for GregorianDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Splits `s` into three ASCII-digit fields separated by `sep`.
fn three_fields(s: &str, sep: char) -> Result<(i32, u8, u8), DateError> {
    let mut it = s.split(sep);
    let (Some(y), Some(m), Some(d), None) = (it.next(), it.next(), it.next(), it.next()) else {
        return Err(err("expected three fields"));
    };
    let digits =
        |t: &str, max: usize| !t.is_empty() && t.len() <= max && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return Err(err("expected digits"));
    }
    let num = |t: &str| t.parse::<i32>().map_err(|_| err("expected digits"));
    Ok((num(y)?, num(m)? as u8, num(d)? as u8))
}

impl FromStr for JalaliDate {
    type Err = DateError;

    /// Parses `YYYY/MM/DD` (also with `-`), ASCII digits.
    fn from_str(s: &str) -> Result<JalaliDate, DateError> {
        let sep = if s.contains('/') { '/' } else { '-' };
        let (y, m, d) = three_fields(s, sep)?;
        JalaliDate::new(y, m, d)
    }
}

impl FromStr for GregorianDate {
    type Err = DateError;

    /// Parses ISO `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<GregorianDate, DateError> {
        let (y, m, d) = three_fields(s, '-')?;
        GregorianDate::new(y, m, d)
    }
}

macro_rules! serde_via_str {
    ($t:ty) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$t, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

serde_via_str!(JalaliDate);
serde_via_str!(GregorianDate);

#[cfg(test)]
mod tests {
    use super::*;

    fn j2g(y: i32, m: u8, d: u8) -> String {
        JalaliDate::new(y, m, d).unwrap().to_gregorian().to_string()
    }

    #[test]
    fn published_conversions() {
        // Nowruz dates and well-known days, from published conversion tables.
        let table = [
            ((1354, 1, 1), "1975-03-21"),
            ((1357, 11, 22), "1979-02-11"),
            ((1358, 1, 12), "1979-04-01"),
            ((1342, 3, 15), "1963-06-05"),
            ((1375, 1, 1), "1996-03-20"),
            ((1379, 12, 30), "2001-03-20"),
            ((1384, 3, 28), "2005-06-18"),
            ((1395, 1, 1), "2016-03-20"),
            ((1396, 1, 1), "2017-03-21"),
            ((1398, 1, 1), "2019-03-21"),
            ((1399, 1, 1), "2020-03-20"),
            ((1399, 12, 30), "2021-03-20"),
            ((1400, 1, 1), "2021-03-21"),
            ((1401, 1, 1), "2022-03-21"),
            ((1402, 1, 1), "2023-03-21"),
            ((1403, 1, 1), "2024-03-20"),
            ((1403, 6, 24), "2024-09-14"),
            ((1403, 12, 30), "2025-03-20"),
            ((1404, 1, 1), "2025-03-21"),
            ((1404, 12, 29), "2026-03-20"),
            ((1408, 1, 1), "2029-03-20"),
            ((1408, 12, 30), "2030-03-20"),
        ];
        for ((y, m, d), g) in table {
            assert_eq!(j2g(y, m, d), g, "{y}/{m}/{d}");
            let back = g.parse::<GregorianDate>().unwrap().to_jalali().unwrap();
            assert_eq!((back.year(), back.month(), back.day()), (y, m, d));
        }
    }

    #[test]
    fn leap_years() {
        let leap: Vec<i32> = (1370..=1410).filter(|&y| JalaliDate::is_leap_year(y)).collect();
        assert_eq!(leap, [1370, 1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403, 1408]);
        assert!(JalaliDate::new(1404, 12, 30).is_err());
        assert!(JalaliDate::new(1403, 12, 30).is_ok());
    }

    #[test]
    fn round_trip_every_day() {
        let mut g = GregorianDate::new(1900, 1, 1).unwrap();
        let mut prev: Option<JalaliDate> = None;
        for _ in 0..(365 * 200) {
            let j = g.to_jalali().unwrap();
            assert_eq!(j.to_gregorian(), g);
            if let Some(p) = prev {
                assert!(p < j);
            }
            prev = Some(j);
            let (y, m, d) = civil_from_days(days_from_civil(g.year, g.month, g.day) + 1);
            g = GregorianDate::new(y, m, d).unwrap();
        }
    }

    #[test]
    fn validation_and_text() {
        for bad in ["1403/13/01", "1403/07/31", "1403/00/10", "1403/1/0", "abc", "1403/01", "1403/01/01/01"] {
            assert!(bad.parse::<JalaliDate>().is_err(), "{bad}");
        }
        let d: JalaliDate = "1403-5-12".parse().unwrap();
        assert_eq!(d.to_string(), "1403/05/12");
        assert_eq!(d.weekday(), Weekday::Friday);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, "\"1403/05/12\"");
        assert_eq!(serde_json::from_str::<JalaliDate>(&json).unwrap(), d);
        assert!(serde_json::from_str::<JalaliDate>("\"1403/12/31\"").is_err());
        let g = GregorianDate::new(2024, 2, 29).unwrap();
        assert_eq!(serde_json::to_string(&g).unwrap(), "\"2024-02-29\"");
        assert!(GregorianDate::new(1900, 2, 29).is_err());
    }
}
